"""Settings and domain data: built-in defaults, overlaid by a user's ``rules/`` folder.

The package ships its defaults in ``reconcile/data/*.toml`` so an installed ``reconcile``
works anywhere. A ``rules/`` folder in the working directory (or one named with
``--rules DIR``) overrides and extends them file by file: tables merge key by key,
word lists are extended (lists in settings.toml are replaced), scalars are replaced.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import schema, specs
from .errors import ConfigError

#: The data files reconcile reads, by stem. Each may appear in the package and in rules/.
DATA_FILES = ("units", "regions", "segments", "extract", "measures", "settings", "rates", "reference",
              "countries")


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
    countries: dict = field(default_factory=dict)
    rules_dir: str | None = None
    sources: tuple = field(default_factory=tuple)
    #: how reference files are read (``reference.toml``); the files are rules/reference/*
    reference: dict = field(default_factory=dict)


def _merge(base: dict, extra: dict, *, extend_lists: bool = True) -> dict:
    """``extra`` over ``base``: tables merge key by key, scalars are replaced, and lists are
    extended (word lists) or, with ``extend_lists=False`` (settings: a rule's ``[-0.1, 0.5]``
    or the ``exclude`` patterns), replaced."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, extend_lists=extend_lists)
        elif extend_lists and isinstance(value, list) and isinstance(out.get(key), list):
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
            data = _merge(data, user, extend_lists=stem != "settings")
            used.append(str(where))
        # The whole: keys an entry must have, and what keys say of one another. The
        # defaults pass on their own, so a failure here is the user file's.
        schema.check(where, data, spec, agree=agree)
        merged[stem] = data
    return Settings(**merged, rules_dir=str(folder) if folder else None, sources=tuple(used))


#: ``[tool.reconcile]`` in pyproject.toml: defaults for the command line's options.
PROJECT_KEYS = schema.Table({
    "rules": schema.Str(blank=False, expected="a folder (a path from pyproject.toml's folder)"),
    "fail_on": schema.Str(choices=specs.FAIL_ON),
    "exclude": schema.ListOf(schema.Str(blank=False), expected="a list of glob patterns (non-empty strings)"),
    "select": schema.ListOf(schema.Str(blank=False), expected='a list of rule codes or names ("RC1", "cagr")'),
    "ignore": schema.ListOf(schema.Str(blank=False), expected='a list of rule codes or names ("RC1", "cagr")'),
    "output_dir": schema.Str(blank=False, expected="a folder (a path from pyproject.toml's folder)"),
    "baseline": schema.Str(blank=False, expected="a file (a path from pyproject.toml's folder)"),
    "waivers": schema.Str(blank=False, expected="a file (a path from pyproject.toml's folder)"),
    "docs_url": schema.Str(blank=False, expected="the URL of reconcile's README (rule links in SARIF)"),
}, unknown="{at}unknown {what}; expected one of {known}")
PROJECT_SPEC = schema.Table({"tool": schema.Table({"reconcile": PROJECT_KEYS})})
#: Keys whose values are paths, resolved from the folder of the pyproject.toml that sets them.
PROJECT_PATHS = ("rules", "output_dir", "baseline", "waivers")


@dataclass(frozen=True)
class ProjectConfig:
    """``[tool.reconcile]`` from the nearest pyproject.toml that has one, paths resolved."""

    path: str | None = None
    options: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.options.get(key, default)


def find_pyproject(start: str | Path | None = None) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.reconcile]`` table, from ``start`` upward
    (the working directory by default), as ruff finds its configuration."""
    folder = Path(start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / "pyproject.toml"
        if path.is_file() and "reconcile" in _read_pyproject(path).get("tool", {}):
            return path
    return None


def _read_pyproject(path: Path) -> dict:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(path, f"cannot be read: {exc}") from None
    data = read_toml(path, text)
    return data if isinstance(data.get("tool"), dict) else {}


def load_project_config(start: str | Path | None = None) -> ProjectConfig:
    """Read ``[tool.reconcile]`` from the nearest pyproject.toml (see :func:`find_pyproject`).

    Raises
    ------
    ConfigError
        When that file is not valid TOML, or the table has an unknown key or a wrongly
        typed value; the message names the file and the key.
    """
    path = find_pyproject(start)
    if path is None:
        return ProjectConfig()
    table = _read_pyproject(path)["tool"]["reconcile"]
    schema.check(path, {"tool": {"reconcile": table}}, PROJECT_SPEC)
    options = dict(table)
    for key in PROJECT_PATHS:
        if key in options:
            options[key] = os.path.relpath(path.parent / options[key])
    return ProjectConfig(str(path), options)
