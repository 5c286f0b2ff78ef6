"""Starter files for ``reconcile init``: a commented ``rules/`` folder and a sources folder's
``metadata.toml``, built from the package's own defaults so they never drift from them.

Every line of ``rules/settings.toml`` is the built-in ``reconcile/data/settings.toml``
commented out: with nothing uncommented, the starter changes nothing.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import OutputError

SETTINGS_HEADER = """\
# reconcile settings for this project: every rule and option, at its built-in value.
# Uncomment a line to change it -- and its [table] line above it (e.g. [rules.RC101]).
# `reconcile explain CODE` prints a rule's documentation and its current settings;
# the other data files (units.toml, regions.toml, segments.toml, extract.toml,
# measures.toml, rates.toml, reference.toml, countries.toml) may be added next to this one: see reconcile/data/.
# Figures you trust (a company's annual report) go in reference/*.csv or SEC companyfacts
# reference/*.json here: `reconcile check` compares the documents with them (rule RC701).
#
"""

WAIVERS = """\
# Waivers: findings a person has looked at and accepted. A waived finding is still
# reported, as waived, but never fails a run. One [[waiver]] table each, with a reason
# and an owner; matched by fingerprint (from a report), or by rule narrowed by a
# document (a glob) and/or a subject. After `expires` a waiver stops applying, and a
# waiver that matches no finding is reported, so this file stays tidy.
#
# [[waiver]]
# fingerprint = "RC201-2bdfefcb94149821"   # one finding, or:
# # rule = "RC201"                        # a rule, narrowed by
# # doc = "sources/002_*.txt"             #   a cited document (glob) and/or
# # subject = "personalized medicine"     #   a market
# reason = "The 25% is the publisher's 2022 figure"
# owner = "data-desk@example.com"
# expires = 2027-06-30                    # optional
"""

METADATA = """\
# Optional metadata for the documents in this folder, one table per file name.
# Keys: title, publisher, date (YYYY or YYYY-MM-DD; used as the base year for
# phrases such as "over the next five years"), url. All optional; the reports show
# a document's title and publisher next to its file name.
#
# [documents."2025_widget_market.txt"]
# title = "Widget Market Size and Forecast 2025-2032"
# publisher = "example-research.com"
# date = 2025-03-14
# url = "https://example-research.com/widgets"
"""


def commented(text: str) -> str:
    """``text`` with every line that is not blank or a comment commented out."""
    return "".join(line if not line.strip() or line.lstrip().startswith("#") else "# " + line
                   for line in text.splitlines(keepends=True))


def starter_files() -> dict[str, str]:
    """The files ``reconcile init`` writes: path (relative to the project folder) -> text."""
    settings = resources.files("reconcile").joinpath("data", "settings.toml").read_text("utf-8")
    return {
        "rules/settings.toml": SETTINGS_HEADER + commented(settings),
        "rules/waivers.toml": WAIVERS,
        "sources/metadata.toml": METADATA,
    }


def write_starter(folder: str | Path = ".") -> tuple[list[str], list[str]]:
    """Write the starter files under ``folder``, never over an existing file.

    Returns
    -------
    (written, kept)
        The paths written, and those left as they were because they exist.

    Raises
    ------
    OutputError
        When a folder or file cannot be created.
    """
    written, kept = [], []
    for name, text in starter_files().items():
        path = Path(folder) / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8") as f:  # "x": never replace a user's file
                f.write(text)
        except FileExistsError:
            kept.append(os.fspath(path))
            continue
        except OSError as exc:
            raise OutputError(f"{path}: cannot be written: {exc.strerror or exc}") from None
        written.append(os.fspath(path))
    return written, kept
