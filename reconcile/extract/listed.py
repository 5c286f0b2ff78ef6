"""Parts named right before their figures in a list: "services 77.8%; production 15.2%;
construction 6.3%; and agriculture 0.7%", "agriculture 6.9%, industry 31.4%, services 67.2%".

Each percentage whose words since the previous figure are a bare name (after a comma,
semicolon, colon or "and") is a share of that part, when every percentage of the sentence
or table cell (at least two) is named so. The words that can never be such a name (verbs,
qualifiers, measures) are ``[listed_parts] not_names`` in ``extract.toml``.
"""

from __future__ import annotations

import re

from .draft import Draft

_ITEM = re.compile(r"(?:^|[,;:(]\s*|\s(?:and|or)\s+|^\s*(?:and|or)\s+)([A-Za-z][A-Za-z&/'’ -]{1,40}?)\s+$")


class ListedParts:
    """Finds the list items among a sentence's (or a cell's) figures."""

    def __init__(self, extract: dict, not_part) -> None:
        cfg = extract.get("listed_parts", {})
        self.not_names = {w.lower() for w in cfg.get("not_names", [])}
        self.not_part = not_part  # a callable: True for words a region or measure already names

    def name(self, gap: str) -> str | None:
        """The part a list item names, from the words between the previous figure and this one."""
        m = _ITEM.search(gap[-60:].lstrip(" \t*"))
        if m is None:
            return None
        name = re.sub(r"^(?:and|or)\s+", "", " ".join(m.group(1).split()), flags=re.IGNORECASE)
        words = name.lower().split()
        if not words or any(w in self.not_names for w in words) or len(words) > 5 or self.not_part(name):
            return None
        return name

    def apply(self, text: str, drafts: list[Draft], starts: list[int], label_for=None, row_label: str = "") -> None:
        """Name the percentage drafts of one sentence or cell (``starts[i]``: where the words
        before draft ``i`` begin) that are items of a list; in a table, a scope that is only
        the row's label ("GDP by sector") gives way to the item's name."""
        named, eligible = [], 0
        for d, s in zip(drafts, starts):
            if d.dropped or d.q.unit != "percent" or (d.scope_type != "global" and d.scope != row_label):
                continue
            eligible += 1
            name = self.name(text[s : d.q.start])
            if name:
                named.append((d, name))
        if len(named) < 2 or len(named) != eligible:
            return  # a list is read whole or not at all: a part left unnamed would leave the sums wrong
        for d, name in named:
            d.scope, d.scope_type, d.dimension = name, "segment", label_for(name) if label_for else "segment"
            if d.measure in ("other", "share"):
                d.measure = d.metric = "share"
