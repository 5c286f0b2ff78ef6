"""The shape of every settings and data file, checked once when the file is loaded.

Each file is described declaratively (a :class:`Table` of keys and the value each takes)
and checked by one walker, :func:`check`, which raises :class:`~reconcile.errors.ConfigError`
naming the file, the key and what was expected::

    rules/units.toml: [scales] billion = "lots": expected a positive number

A user's file in ``rules/`` overlays the defaults, so it is checked as a *part*: every key
it has must be known and well typed, but keys the defaults provide may be left out. The
merged result is then checked as a *whole*, for the keys an entry must have and for what
one key says about another (a region's ``covers`` are areas of ``[world]``).
The file specs themselves live in :mod:`reconcile.specs`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Callable, Union

from .errors import ConfigError


@dataclass(frozen=True)
class Num:
    """A finite number (not a boolean) in ``[lo, hi]``; ``*_open`` excludes the bound."""

    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    whole: bool = False
    expected: str = ""

    def describe(self) -> str:
        if self.expected:
            return self.expected
        kind = "a whole number" if self.whole else "a number"
        if self.lo is not None and self.hi is not None:
            return f"{kind} from {_num(self.lo)} to {_num(self.hi)}"
        if self.lo == 0:
            return f"{kind} above 0" if self.lo_open else f"{kind}, 0 or more"
        if self.lo is not None:
            return f"{kind} above {_num(self.lo)}" if self.lo_open else f"{kind}, {_num(self.lo)} or more"
        return kind

    def accepts(self, v) -> bool:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            return False
        if self.whole and not isinstance(v, int):
            return False
        if self.lo is not None and (v <= self.lo if self.lo_open else v < self.lo):
            return False
        return self.hi is None or (v < self.hi if self.hi_open else v <= self.hi)


@dataclass(frozen=True)
class Str:
    """A string; ``choices`` limits it, ``blank=False`` wants more than whitespace."""

    choices: tuple = ()
    blank: bool = True
    expected: str = ""

    def describe(self) -> str:
        if self.expected:
            return self.expected
        if self.choices:
            return "one of " + ", ".join(json.dumps(c) for c in self.choices)
        return "a string" if self.blank else "a non-empty string"

    def accepts(self, v) -> bool:
        return isinstance(v, str) and (self.blank or bool(v.strip())) and (not self.choices or v in self.choices)


@dataclass(frozen=True)
class Bool:
    def describe(self) -> str:
        return "true or false"

    def accepts(self, v) -> bool:
        return isinstance(v, bool)


@dataclass(frozen=True)
class Date:
    """A TOML local date (``2027-06-30``): not a date-time, whose comparison with a date fails."""

    def describe(self) -> str:
        return "a date like 2027-06-30"

    def accepts(self, v) -> bool:
        return isinstance(v, dt.date) and not isinstance(v, dt.datetime)


Scalar = Union[Num, Str, Bool, Date]


@dataclass(frozen=True)
class ListOf:
    """A list of ``item``; ``size`` fixes its length and ``least`` bounds it; ``label`` names
    a table item in messages ("waiver 2")."""

    item: "Spec"
    expected: str = ""
    size: int | None = None
    least: int = 0
    label: str = ""

    def describe(self) -> str:
        return self.expected or f"a list of {_plural(self.item)}"


@dataclass(frozen=True)
class Table:
    """A table of known ``keys``; or, when ``values`` is given, of any names (checked by
    ``names``, a predicate and what it wants) each holding such a value.

    ``required`` keys are checked on a whole file only. ``unknown`` words the message for a
    key that is not known (with ``{at}``, ``{key}``, ``{what}`` and ``{known}``), ``missing``
    the one for a required key that is missing (with ``{at}`` and ``{key}``).
    """

    keys: dict = field(default_factory=dict)
    values: "Spec | None" = None
    names: tuple[Callable[[str], bool], str] | None = None
    required: tuple[str, ...] = ()
    unknown: str = ""
    missing: str = "{at} has no key {key}"
    expected: str = "a table"

    def describe(self) -> str:
        return self.expected


Spec = Union[Scalar, ListOf, Table]


@dataclass(frozen=True)
class Loc:
    """Where a value is: a prefix naming an item of a list of tables, and table keys below it."""

    prefix: str = ""
    keys: tuple = ()

    def __truediv__(self, key: str) -> "Loc":
        return Loc(self.prefix, (*self.keys, key))

    def table(self) -> str:
        """The table itself: ``[regions."North America"] ``, ``waiver 2: `` or nothing."""
        return self.prefix + (f"[{_dotted(self.keys)}] " if self.keys else "")

    def value(self, v) -> str:
        """The key and its value: ``[scales] billion = "lots"``."""
        if not self.keys:
            return self.prefix.rstrip(": ")
        return Loc(self.prefix, self.keys[:-1]).table() + f"{toml_key(self.keys[-1])} = {_show(v)}"

    def expected(self, v, spec: "Spec") -> "Mismatch":
        """The error for a value ``v`` here that does not fit ``spec``."""
        where = self.value(v)
        return Mismatch(f"{where}: expected {spec.describe()}" if where else f"expected {spec.describe()}")


class Mismatch(Exception):
    """A value that does not fit its spec; :func:`check` turns it into a ConfigError."""


def check(path, data, spec: Table, *, whole: bool = True, agree: Callable[[dict], None] | None = None) -> None:
    """Check a loaded file against its spec.

    Parameters
    ----------
    path
        The file, named in the error.
    data
        The parsed file (a dict for TOML).
    spec
        The file's top-level table.
    whole
        False for a user's overlay: keys the defaults provide may be missing.
    agree
        For a whole file, a function raising :class:`Mismatch` when keys contradict each other.

    Raises
    ------
    ConfigError
        For the first value that does not fit, naming its key and what was expected.
    """
    try:
        walk(spec, data, Loc(), whole=whole)
        if whole and agree is not None:
            agree(data)
    except Mismatch as exc:
        raise ConfigError(path, str(exc)) from None
    except RecursionError:
        raise ConfigError(path, "values nested too deeply") from None


def walk(spec: Spec, v, at: Loc, *, whole: bool) -> None:
    """Raise :class:`Mismatch` for the first part of ``v`` that does not fit ``spec``."""
    if isinstance(spec, Table):
        _walk_table(spec, v, at, whole=whole)
    elif isinstance(spec, ListOf):
        if not isinstance(v, list) or len(v) < spec.least or spec.size not in (None, len(v)):
            raise at.expected(v, spec)
        for i, item in enumerate(v):
            if isinstance(spec.item, Table):
                walk(spec.item, item, Loc(f"{spec.label or toml_key(at.keys[-1])} {i + 1}: "), whole=whole)
            elif not spec.item.accepts(item):
                raise at.expected(v, spec)
    elif not spec.accepts(v):
        raise at.expected(v, spec)


def _walk_table(spec: Table, v, at: Loc, *, whole: bool) -> None:
    if not isinstance(v, dict):
        raise at.expected(v, spec)
    for key, value in v.items():
        sub = spec.keys.get(key)
        if sub is None and spec.values is not None:
            if spec.names and not spec.names[0](key):
                raise Mismatch(f"{at.table()}{json.dumps(key, ensure_ascii=False)}: {spec.names[1]}")
            sub = spec.values
        if sub is None:
            known = ", ".join(sorted(spec.keys))
            what = f"table [{_dotted((*at.keys, key))}]" if isinstance(value, dict) else f"key {toml_key(key)}"
            text = spec.unknown or "{at}unknown {what}; expected one of {known}"
            raise Mismatch(text.format(at=at.table(), key=key, what=what, known=known))
        walk(sub, value, at / key, whole=whole)
    if whole:
        for key in spec.required:
            if key not in v:
                where = at.table().rstrip(": ") or "the file"
                raise Mismatch(spec.missing.format(at=where, key=toml_key(key)))


def _plural(spec: Spec) -> str:
    text = spec.describe()
    for one, many in (("a string", "strings"), ("a non-empty string", "non-empty strings"),
                      ("a number", "numbers"), ("a table", "tables")):
        if text == one:
            return many
    return f"items each {text}"


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else quoted."""
    bare = key and key.isascii() and all(c.isalnum() or c in "_-" for c in key)
    return key if bare else json.dumps(key, ensure_ascii=False)


def _dotted(keys: tuple) -> str:
    return ".".join(toml_key(k) for k in keys)


def _num(x: float) -> str:
    return f"{x:g}"


def _show(v, limit: int = 60) -> str:
    """A value as it would be written in TOML, cut short when long."""
    if isinstance(v, bool):
        text = "true" if v else "false"
    elif isinstance(v, str):
        text = json.dumps(v, ensure_ascii=False)
    elif isinstance(v, float) and not math.isfinite(v):
        text = str(v)
    elif isinstance(v, (dt.date, dt.time)):
        text = v.isoformat()
    elif isinstance(v, dict):
        text = "{" + ", ".join(f"{toml_key(k)} = {_show(x, limit)}" for k, x in list(v.items())[:4]) + "}"
    elif isinstance(v, list):
        text = "[" + ", ".join([_show(x, limit) for x in v[:6]] + (["…"] if len(v) > 6 else [])) + "]"
    else:
        text = repr(v)
    return text if len(text) <= limit else text[:limit - 1] + "…"
