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
        verbs = sorted(extract.get("components", {}).get("share_verbs", []), key=len, reverse=True)
        # "food stores accounted for 38.6% of …, non-food stores 41.2%": the first item's verb
        self._verb_end = re.compile(rf"\s+(?:{'|'.join(re.escape(v) for v in verbs)})\s*$",
                                    re.IGNORECASE) if verbs else None
        leads = "|".join(re.escape(w) for w in sorted(cfg.get("leads", []), key=len, reverse=True))
        self._lead = re.compile(rf"\b(?:{leads})\s+", re.IGNORECASE) if leads else None
        self.not_part = not_part  # a callable: True for words a region or measure already names

    def name(self, gap: str) -> str | None:
        """The part a list item names, from the words between the previous figure and this one."""
        gap = gap[-60:]
        if self._verb_end is not None:
            gap = self._verb_end.sub(" ", gap)
        m = _ITEM.search(gap.lstrip(" \t*"))
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

    def apply_amounts(self, text: str, drafts: list[Draft], starts: list[int], is_money) -> None:
        """ "Group revenue of £583.9m comprised Signalling Systems £341.2m (FY2024: £309.8m),
        Rolling Stock Components £175.3m and Services £67.4m": in a company's sentence, the
        amounts after the first, each named right before it, are parts of the first's measure;
        a prior period's figure right after an item ("(FY2024: …)") is that item's too. Read
        whole or not at all, as lists of percentages are."""
        money = [(d, s) for d, s in zip(drafts, starts) if not d.dropped and is_money(d.q.unit)]
        if len(money) < 3 or money[0][0].measure not in ("revenue", "operating_income", "ebitda", "gross_profit", "orders"):
            return
        whole = money[0][0]
        named: list[tuple[Draft, str]] = []
        bases: list[tuple[Draft, Draft]] = []
        for d, s in money[1:]:
            gap = text[s : d.q.start]
            if named and _PRIOR.search(gap) and d.q.unit == named[-1][0].q.unit:
                bases.append((d, named[-1][0]))
                continue
            if d.scope_type != "global" or d.q.unit != whole.q.unit:
                return
            if self._lead is not None and not named:
                tail = gap[-60:]
                lead = None
                for lead in self._lead.finditer(tail):
                    pass
                gap = tail[lead.end():] if lead else gap  # "comprised Signalling Systems": the name after it
            name = self.name(gap)
            if name is None:
                return
            named.append((d, name))
        if len(named) < 2:
            return
        for d, name in named:
            d.scope, d.scope_type, d.dimension = name, "segment", "segment"
            d.measure, d.metric = whole.measure, whole.metric
        for d, item in bases:
            d.scope, d.scope_type, d.dimension = item.scope, item.scope_type, item.dimension
            d.measure, d.metric = item.measure, item.metric

    def apply_parallel(self, text: str, drafts: list[Draft], starts: list[int], is_money) -> None:
        """ "Home care settings generated USD 7.25 billion in 2024, hospitals USD 1.42 billion and
        ambulatory and other settings USD 0.79 billion": the amounts after a part's amount, each
        named right before it by a bare list item, are parts of the same kind, with its measure
        and year. Read whole or not at all, as the other lists are."""
        money = [(d, s) for d, s in zip(drafts, starts) if not d.dropped and is_money(d.q.unit)]
        if len(money) < 2 or money[0][0].scope_type not in ("segment", "component"):
            return  # a region's list is named by the region's own words
        first = money[0][0]
        named: list[tuple[Draft, str]] = []
        for d, s in money[1:]:
            if d.scope_type != "global" or d.q.unit != first.q.unit or d.year not in (None, first.year):
                return
            name = self.name(text[s : d.q.start])
            if name is None:
                return
            named.append((d, name))
        for d, name in named:
            d.scope, d.scope_type, d.dimension = name, first.scope_type, first.dimension
            d.measure, d.metric = first.measure, first.metric
            if d.year is None:
                d.year, d.kind, d.confidence = first.year, first.kind, max(d.confidence, first.confidence)


#: "Signalling Systems £341.2m (FY2024: " before a figure: the item's prior-period figure.
_PRIOR = re.compile(r"^\s*\(\s*[^():]{0,30}:\s*$")
