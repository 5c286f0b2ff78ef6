"""Words that rank a region by size that the document's own figures do not bear out.

"Dominant", "the largest", "follows with": said of a region or segment, each is checked
against the same document's shares and values.

A qualitative claim of rank k by size ("Dominant Region | North America" is rank 1,
"Europe follows with a 25% share" rank 2; the words are ``[statements]`` in
``extract.toml``) is checked against the same document's shares and values of that scope
and its peers (the other regions of the same kind, or the other segments of the same
dimension), one year and unit at a time (only the year the sentence names, when it names
one: "led the market in 2023"). It is contradicted when, in every such comparison,
more than k − 1 peers are certainly larger (their figure's interval lies wholly above), or
so many are certainly smaller that it must rank higher than stated.

Where the document gives no figure for the scope or its peers, the corpus is asked instead,
as a note (info): when at least ``consensus_documents`` other documents' figures each rank
it otherwise and none bears the words out. Where no figure can tell, nothing is said.

Contradiction
-------------
    doc    line  metric       statement  scope          value  unit     year
    a.md   9     qualitative  largest    Europe
    a.md   34    share                   North America  44.96  percent  2024
    a.md   35    share                   Europe         28.72  percent  2024
    -> Europe is called the largest (a.md:9), but North America's share is larger (44.96% vs 28.72%)

Consistent
----------
    doc    line  metric       statement  scope          value  unit     year
    a.md   9     qualitative  largest    North America
    a.md   34    share                   North America  44.96  percent  2024
    a.md   35    share                   Europe         28.72  percent  2024
"""

from __future__ import annotations

from collections import defaultdict

from .base import Rule
from .describe import amount, when, where
from .facts import Facts
from .peers import other_documents, scoped_facts, size_groups

_PLACE = {1: "the largest", 2: "the second largest", 3: "the third largest"}


class WordsRank(Rule):
    __doc__ = __doc__
    code = "RC501"
    name = "words.rank"
    severity = "warning"

    def check(self, facts: Facts):
        names = set(self.options.get("statements", []))
        said: dict[tuple, list] = defaultdict(list)
        for w in facts.words:
            if w.row["statement"] in names and w.value == w.value and w.value >= 1:  # a rank, not a trend
                said[(w.doc, w.subject, w.scope, int(w.value), w.year or 0)].append(w)
        for (doc, subject, scope, rank, _), words in sorted(said.items()):
            scoped = scoped_facts(facts, words[0], self.ctx.regions)
            groups = size_groups(scoped, scope, words[0].year)
            if not groups:  # no figure for it, or none for a peer: ask the other documents
                note = self._consensus(facts, words, scope, rank)
                if note is not None:
                    yield note
                continue
            verdicts = [self._verdict(g, scope, rank) for g in groups]
            if any(v is None for v in verdicts):
                continue  # consistent with at least one set of the document's figures
            yield self._finding(words, rank, verdicts[0])

    def _consensus(self, facts, words, scope, rank):
        """A note when enough other documents' figures rank ``scope`` otherwise and none as said."""
        against = []
        for doc in other_documents(facts, words[0]):
            groups = size_groups(scoped_facts(facts, words[0], self.ctx.regions, doc=doc), scope, words[0].year)
            verdicts = [self._verdict(g, scope, rank) for g in groups]
            if not verdicts:
                continue
            if any(v is None for v in verdicts):
                return None  # a document whose figures bear the words out
            against.append(verdicts[0])
        if not against or len(against) < int(self.options.get("consensus_documents", 2)):
            return None
        w = words[0]
        place = _PLACE.get(rank, f"number {rank}")
        said = ", ".join(f"“{x.row['figure']}” ({where(x)})" for x in words)
        shown = "; ".join(
            f"{mine.doc}: " + (", ".join(f"{f.scope} {amount(f)}" for f in larger) + f" above its {amount(mine)} ({when(mine)})"
                               if larger else f"{amount(mine)} ({when(mine)}), above every other")
            for mine, larger, _ in against)
        message = (f"{w.subject}: {w.doc} calls {scope} {place} ({said}) and gives no figures that rank it; "
                   f"{len(against)} other documents' figures rank it otherwise: {shown}")
        claims = [x.cite("qualitative claim") for x in words]
        for mine, larger, smaller in against:
            claims += [mine.cite("its figure elsewhere")] + [f.cite("larger peer") for f in larger[:2]]
        return self.finding(subject=w.subject, scope=scope, metric="qualitative", message=message,
                            expected=f"{scope} {place}", observed=f"other documents rank it otherwise ({len(against)})",
                            claims=claims, focus=w, severity="info")

    @staticmethod
    def _verdict(group, named: str, rank: int):
        """``None`` when the figures allow ``rank``; else (its fact, the certainly larger, the certainly smaller)."""
        own = [f for f in group if f.scope == named]
        others = [f for f in group if f.scope != named]
        for mine in own:
            larger = [f for f in others if f.lo > mine.hi]
            smaller = [f for f in others if f.hi < mine.lo]
            peers = {f.scope for f in others}
            larger_scopes = {f.scope for f in larger}
            not_smaller = peers - {f.scope for f in smaller}
            if len(larger_scopes) < rank <= len(not_smaller) + 1:
                return None
        mine = own[0]
        larger = sorted((f for f in others if f.lo > mine.hi), key=lambda f: -f.value)
        smaller = sorted((f for f in others if f.hi < mine.lo), key=lambda f: -f.value)
        return mine, larger, smaller

    def _finding(self, words, rank, verdict):
        mine, larger, smaller = verdict
        w = words[0]
        place = _PLACE.get(rank, f"number {rank}")
        said = ", ".join(f"“{x.row['figure']}” ({where(x)})" for x in words)
        what = "share" if mine.metric == "share" else "value"
        if larger:
            against = "; ".join(f"{f.scope} {amount(f)} ({where(f)})" for f in larger)
            why = (f"the document's own {when(mine)} figures put {len(larger)} "
                   f"{'region' if w.row['scope_type'] != 'segment' else 'segment'}{'s' if len(larger) > 1 else ''} "
                   f"above it: {against}, against its {amount(mine)} ({where(mine)})")
            actual = 1 + len({f.scope for f in larger})
        else:
            below = "; ".join(f"{f.scope} {amount(f)}" for f in smaller)
            why = (f"the document's own {when(mine)} figures put it above every other: {amount(mine)} "
                   f"({where(mine)}) against {below}")
            actual = 1
        rank_text = (f"no higher than {_PLACE.get(actual, f'number {actual}')}" if larger
                     else "first")
        message = f"{w.subject}: {w.scope} is called {place} ({said}), but {why}: by its {what} it ranks {rank_text}"
        claims = [x.cite("qualitative claim") for x in words] + [mine.cite("its figure")]
        claims += [f.cite("larger peer") for f in larger] + [f.cite("smaller peer") for f in smaller[:3] if not larger]
        return self.finding(subject=w.subject, scope=w.scope, metric="qualitative", message=message,
                            expected=f"{w.scope} {place} by {what}", observed=f"{w.scope} ranks {rank_text}",
                            claims=claims, focus=w)
