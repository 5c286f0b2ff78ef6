"""Baselines: the findings a team has accepted, so CI fails only on new ones.

A baseline file is JSON written by ``reconcile baseline`` (or ``check
--update-baseline``)::

    {"version": 1,
     "findings": [{"fingerprint": "RC101-…", "rule": "RC101", "summary": "…", "count": 1}]}

Fingerprints come from what the cited claims say, not where they are (see
``findings.py``), so edits elsewhere in a document keep a finding baselined. A file that
cannot be read or parsed is an error, never an empty baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError
from .findings import Finding, claim_identity, fingerprint
from .output import write_text_atomic
from .schema import check
from .specs import BASELINE

VERSION = 1
DEFAULT_PATH = "rules/baseline.json"


@dataclass
class Baseline:
    path: str
    entries: list[dict]

    @property
    def fingerprints(self) -> set[str]:
        return {e["fingerprint"] for e in self.entries}


def load_baseline(path: str | Path) -> Baseline:
    """Read and validate a baseline file.

    Raises
    ------
    ConfigError
        When the file is missing, unreadable, not JSON, or not a version-1 baseline.
    """
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(p, "baseline file does not exist (create it with `reconcile baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(p, f"baseline cannot be read: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(p, f"baseline is not valid JSON: {exc}") from None
    except RecursionError:
        raise ConfigError(p, "baseline is not valid JSON (nested too deeply)") from None
    check(p, data, BASELINE)
    return Baseline(str(p), data["findings"])


def baseline_text(findings: list[Finding]) -> str:
    counts = Counter(f.fingerprint for f in findings)
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.fingerprint, f)
    entries = [
        {"fingerprint": fp, "rule": f.rule, "name": f.name, "summary": f.message, "count": counts[fp],
         "claims": sorted({claim_identity(c) for c in f.claims})}
        for fp, f in sorted(first.items())
    ]
    return json.dumps({"version": VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: str | Path, findings: list[Finding]) -> None:
    """Record findings as accepted (atomically; waived findings are not recorded)."""
    write_text_atomic(str(path), baseline_text([f for f in findings if f.status != "waived"]))


def apply_baseline(findings: list[Finding], baseline: Baseline) -> list[dict]:
    """Mark baselined findings; return the baseline entries that no longer occur (fixed).

    An entry whose claims are all cited by a current finding of the same rule is not
    fixed but *superseded*: a new document joined its contradiction (two sources that
    disagreed are now three), and that finding is new because of what joined it.
    """
    known = baseline.fingerprints
    seen = set()
    cited: dict[tuple, list[set]] = {}  # (rule, one claim) -> the claim sets of findings citing it
    for f in findings:
        # A baseline written before document ids named documents by their paths as given:
        # the same run then still matches it.
        old = fingerprint(f.rule, f.claims, by_path=True)
        if f.status == "new" and (f.fingerprint in known or old in known):
            f.status = "baseline"
        seen.update((f.fingerprint, old))
        for by_path in (False, True):
            ids = {claim_identity(c, by_path=by_path) for c in f.claims}
            for i in ids:
                cited.setdefault((f.rule, i), []).append(ids)

    def superseded(e: dict) -> bool:
        mine = sorted(set(e.get("claims") or []))
        return bool(mine) and any(set(mine) <= other for other in cited.get((e.get("rule"), mine[0]), []))

    return [e for e in baseline.entries if e["fingerprint"] not in seen and not superseded(e)]
