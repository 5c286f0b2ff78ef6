"""Settings and domain data: built-in defaults, overlaid by a user's ``rules/`` folder.

The package ships its defaults in ``reconcile/data/*.toml`` so an installed ``reconcile``
works anywhere. A ``rules/`` folder in the working directory (or one named with
``--rules DIR``) overrides and extends them file by file: tables merge key by key,
lists are extended, scalars are replaced.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import schema, specs
from .errors import ConfigError

#: The data files reconcile reads, by stem. Each may appear in the package and in rules/.
DATA_FILES = ("units", "regions", "segments", "extract", "measures", "settings", "rates")


@dataclass(frozen=True)
class Settings:
    """All domain data and rule settings, merged from defaults and the user's rules folder."""

    units: dict
    regions: dict
    segments: dict
    extract: dict
    measures: dict
    settings: dict
    rates: dict
    rules_dir: str | None = None
    sources: tuple = field(default_factory=tuple)


def _merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + [v for v in value if v not in out[key]]
        else:
            out[key] = value
    return out


def read_toml(path: Path, text: str) -> dict:
    """Parse a TOML file's text; any failure is a :class:`ConfigError` naming the file."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(path, "not valid TOML (nested too deeply)") from None


def _default_text(stem: str) -> str:
    return resources.files("reconcile").joinpath("data", f"{stem}.toml").read_text("utf-8")


def load_settings(rules_dir: str | Path | None = None, *, use_cwd: bool = True) -> Settings:
    """Load the built-in defaults and overlay the user's rules folder.

    Parameters
    ----------
    rules_dir
        A folder of TOML files (``regions.toml``, ``settings.toml``…). When None, ``rules/``
        in the working directory is used if it exists.
    use_cwd
        Whether to look for ``./rules`` when ``rules_dir`` is None.

    Raises
    ------
    ConfigError
        When the folder does not exist, or a file in it is not valid TOML or does not have
        the shape its header describes (see :mod:`reconcile.specs`).
    """
    folder: Path | None = None
    if rules_dir is not None:
        folder = Path(rules_dir)
        if not folder.is_dir():
            raise ConfigError(folder, "rules folder does not exist")
    elif use_cwd and Path("rules").is_dir():
        folder = Path("rules")
    merged: dict[str, dict] = {}
    used = []
    for stem in DATA_FILES:
        spec, agree = specs.FILES[stem]
        where = Path(f"<builtin>/{stem}.toml")
        data = read_toml(where, _default_text(stem))
        if folder is not None and (folder / f"{stem}.toml").is_file():
            where = folder / f"{stem}.toml"
            try:
                text = where.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(where, f"cannot be read: {exc}") from None
            user = read_toml(where, text)
            schema.check(where, user, spec, whole=False)  # its own keys, so the error names it
            data = _merge(data, user)
            used.append(str(where))
        # The whole: keys an entry must have, and what keys say of one another. The
        # defaults pass on their own, so a failure here is the user file's.
        schema.check(where, data, spec, agree=agree)
        merged[stem] = data
    return Settings(**merged, rules_dir=str(folder) if folder else None, sources=tuple(used))
