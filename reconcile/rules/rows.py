"""A claims-table row as the rules read it: a mapping that takes a third of a dict's memory."""

from __future__ import annotations

from collections.abc import Mapping

class _Missing:
    """An absent value: one object, also after a trip through pickle (facts go to and come
    back from an executor's workers, see :mod:`reconcile.buckets`)."""

    __slots__ = ()

    def __reduce__(self) -> str:
        return "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


#: An absent value (a key the facts may set later).
MISSING = _Missing()
#: What the facts add to a claim's row (see ``Facts._fact`` and ``_growth_targets``).
DERIVED = ("calendar", "era", "part_of_year", "of")


class Row(Mapping):
    """A read-and-write mapping whose values sit in a list beside one key index shared by every
    row of the table (a dict per row costs three times as much, which counts when a corpus has
    hundreds of thousands of claims). It behaves as the dict it replaces: ``DERIVED`` keys are
    absent until set, other new keys go to a small dict of their own, and ``copy.copy`` or
    ``dict(row)`` give independent copies."""

    __slots__ = ("_index", "_values", "_extra")

    def __init__(self, index: dict[str, int], values: list) -> None:
        self._index = index
        self._values = values
        self._extra: dict | None = None

    def __getitem__(self, key: str):
        try:
            value = self._values[self._index[key]]
        except KeyError:
            if self._extra is not None and key in self._extra:
                return self._extra[key]
            raise
        if value is MISSING:
            raise KeyError(key)
        return value

    def get(self, key: str, default=None):
        i = self._index.get(key)
        if i is None:
            return self._extra.get(key, default) if self._extra is not None else default
        value = self._values[i]
        return default if value is MISSING else value

    def __contains__(self, key) -> bool:
        i = self._index.get(key)
        if i is None:
            return self._extra is not None and key in self._extra
        return self._values[i] is not MISSING

    def __setitem__(self, key: str, value) -> None:
        i = self._index.get(key)
        if i is not None:
            self._values[i] = value
        else:
            if self._extra is None:
                self._extra = {}
            self._extra[key] = value

    def setdefault(self, key: str, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def __iter__(self):
        values = self._values
        keys = [k for k, i in self._index.items() if values[i] is not MISSING]
        if self._extra:
            keys.extend(self._extra)
        return iter(keys)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __copy__(self) -> Row:
        out = Row(self._index, list(self._values))
        out._extra = dict(self._extra) if self._extra else None
        return out

    def copy(self) -> dict:
        return dict(self)

    def __repr__(self) -> str:
        return f"Row({dict(self)!r})"
