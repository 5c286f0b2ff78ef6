"""Maps between the text reconcile reads and the original file it came from.

A document's *visible* text is what extraction sees: the file itself for plain text and
Markdown, the rendered text for HTML. Every visible character maps back to a character
range of the original text, so a claim's quote is always an exact substring of the file.
"""

from __future__ import annotations

import bisect
import re


class OffsetMap:
    """Map visible-text offsets to original-text offsets.

    The map is a sorted list of segments. An *identity* segment maps a run of visible
    characters one-to-one onto a run of original characters; an *atomic* segment maps
    every visible character it holds (a decoded entity, a line break standing for a tag)
    onto one whole original range.
    """

    __slots__ = ("_vis", "_orig", "_orig_end", "_atomic", "identity")

    def __init__(self) -> None:
        self._vis: list[int] = []
        self._orig: list[int] = []
        self._orig_end: list[int] = []
        self._atomic: list[bool] = []
        self.identity = False

    @classmethod
    def identity_map(cls) -> "OffsetMap":
        m = cls()
        m.identity = True
        return m

    def add(self, vis_start: int, orig_start: int, orig_end: int, atomic: bool) -> None:
        """Append a segment starting at visible offset ``vis_start``."""
        self._vis.append(vis_start)
        self._orig.append(orig_start)
        self._orig_end.append(orig_end)
        self._atomic.append(atomic)

    def _segment(self, v: int) -> int:
        return max(bisect.bisect_right(self._vis, v) - 1, 0)

    def start(self, v: int) -> int:
        """Original offset where visible character ``v`` begins."""
        if self.identity or not self._vis:
            return v
        i = self._segment(v)
        if self._atomic[i]:
            return self._orig[i]
        return min(self._orig[i] + (v - self._vis[i]), self._orig_end[i])

    def end(self, v_end: int) -> int:
        """Original offset just past the visible span that ends (exclusively) at ``v_end``."""
        if self.identity or not self._vis:
            return v_end
        if v_end <= 0:
            return self.start(0)
        i = self._segment(v_end - 1)
        if self._atomic[i]:
            return self._orig_end[i]
        return min(self._orig[i] + (v_end - self._vis[i]), self._orig_end[i])

    def span(self, v_start: int, v_end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the visible span ``[v_start, v_end)``."""
        start = self.start(v_start)
        return start, max(self.end(v_end), start)


class LineIndex:
    """1-based line numbers for offsets of a text (lines end at ``\\n``)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    @property
    def count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


class WithoutChars:
    """An offset map for a visible text with some characters taken out of it.

    ``removed`` are the positions, in the visible text ``base`` maps, of the characters
    taken out (a NUL byte inside "bil\\0lion", a character that could not be decoded).
    Offsets in the shorter text map through ``base`` as if those characters were there.
    """

    __slots__ = ("_base", "_at")

    def __init__(self, base: OffsetMap, removed: list[int]) -> None:
        self._base = base
        # Where each removed character would have been in the shorter text.
        self._at = [p - i for i, p in enumerate(sorted(removed))]

    def _old(self, v: int) -> int:
        return v + bisect.bisect_right(self._at, v)

    def start(self, v: int) -> int:
        return self._base.start(self._old(v))

    def end(self, v_end: int) -> int:
        if v_end <= 0:
            return self.start(0)
        return self._base.end(self._old(v_end - 1) + 1)

    def span(self, v_start: int, v_end: int) -> tuple[int, int]:
        start = self.start(v_start)
        return start, max(self.end(v_end), start)
