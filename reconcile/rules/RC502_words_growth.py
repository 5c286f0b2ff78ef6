"""Words about a region's growth that the document's own figures do not bear out.

"The fastest-growing", "Growing Region", "a very rapid growth", "declining": said of a
region or segment, each is checked against the growth the same document's figures give it.

Each scope's growth is the CAGR the document states for it over the period most of its
peers share, or failing that the rate implied by two of its own values over the pair of
years most peers share. A scope called the fastest-growing is contradicted when a peer
grows at least as fast (within ``tolerance_pp``). "Rapid" is no rank: one said to grow
rapidly is contradicted only when it grows no faster than any peer and either slowly (below
``slow_below`` % a year) or at the very rate every other grows (all within ``tolerance_pp``
of each other: a template's words, not the document's figures). One said to decline is
contradicted when it grows. A growth statement in a sentence that names a year gives no row
(the document's rates are over other years). All the words about one scope make one
finding, with every peer's rate side by side. Where the document gives no growth for the
scope and a peer, nothing is said.

Contradiction
-------------
    doc    line  metric       statement        scope          value   unit  year
    a.md   10    qualitative  fastest_growing  Asia Pacific
    a.md   29    market_size                   North America  259.93e9  USD  2024
    a.md   29    market_size                   North America  492.24e9  USD  2034
    a.md   31    market_size                   Asia Pacific   101.41e9  USD  2024
    a.md   31    market_size                   Asia Pacific   192.03e9  USD  2034
    -> Asia Pacific is called the fastest-growing, but its figures grow 6.59% a year 2024→2034,
       no faster than North America's 6.59%

Consistent
----------
    doc    line  metric       statement        scope          value   unit  year
    a.md   10    qualitative  fastest_growing  Asia Pacific
    a.md   29    market_size                   North America  259.93e9  USD  2024
    a.md   29    market_size                   North America  492.24e9  USD  2034
    a.md   31    market_size                   Asia Pacific   101.41e9  USD  2024
    a.md   31    market_size                   Asia Pacific   250.00e9  USD  2034
"""

from __future__ import annotations

from collections import defaultdict

from .base import Rule
from .describe import where
from .facts import Facts
from .peers import growth_rates, scoped_facts


class WordsGrowth(Rule):
    __doc__ = __doc__
    code = "RC502"
    name = "words.growth"
    severity = "warning"

    def check(self, facts: Facts):
        opts = self.options
        fastest, rapid, declining = (set(opts.get(k, [])) for k in ("fastest", "rapid", "declining"))
        tol, slow = float(opts["tolerance_pp"]), float(opts["slow_below"])
        said: dict[tuple, list] = defaultdict(list)
        for w in facts.words:
            if w.row["statement"] in fastest | rapid | declining:
                said[(w.doc, w.subject, w.scope)].append(w)
        for (doc, subject, scope), words in sorted(said.items()):
            rates, how = growth_rates(scoped_facts(facts, words[0], self.ctx.regions), scope)
            if scope not in rates:
                continue
            own = rates[scope][0]
            peers = {s: r for s, r in rates.items() if s != scope}
            if not peers:
                continue
            wrong = []
            for w in words:
                statement = w.row["statement"]
                if statement in fastest and any(r > own - tol for r, _ in peers.values()):
                    wrong.append((w, "the fastest-growing"))
                elif statement in rapid and all(r > own - tol for r, _ in peers.values()) and (
                        own < slow or max(r for r, _ in rates.values()) - min(r for r, _ in rates.values()) <= 2 * tol):
                    wrong.append((w, "growing rapidly"))  # the slowest of all, and slow or growing as every other
                elif statement in declining and own > tol:
                    wrong.append((w, "declining"))
            if wrong:
                yield self._finding(wrong, scope, rates, how)

    def _finding(self, wrong, scope, rates, how):
        w = wrong[0][0]
        own = rates[scope][0]
        said = " and ".join(f"{_CALLED[claim]} (“{x.row['figure']}”, {where(x)})" for x, claim in wrong)
        ranked = sorted(rates.items(), key=lambda kv: (-kv[1][0], kv[0]))
        side = ", ".join(f"{s} {r:.2f}%" for s, (r, _) in ranked)
        kind = "segment" if w.row["scope_type"] == "segment" else "region"
        spread = ranked[0][1][0] - ranked[-1][1][0]
        faster = [s for s, (r, _) in ranked if s != scope and r >= own]
        if any(claim == "declining" for _, claim in wrong):
            verdict = f"its own figures grow {own:.2f}% a year"
        elif spread <= 2 * float(self.options["tolerance_pp"]):
            verdict = f"the document's figures give every {kind} the same growth, about {own:.2f}% a year"
        else:
            verdict = f"its {own:.2f}% a year is no faster than {', '.join(faster) or 'the rest'}"
        message = f"{w.subject}: {scope} {said}, but {verdict} ({how}: {side})"
        claims = [x.cite("qualitative claim") for x, _ in wrong]
        for s, (_, facts) in ranked:
            claims += [f.cite("its figure" if s == scope else "peer's figure") for f in facts]
        expected = {"declining": f"{scope} shrinking"}.get(wrong[0][1], f"{scope} growing faster than its peers")
        return self.finding(subject=w.subject, scope=scope, metric="qualitative", message=message,
                            expected=expected, observed=f"{scope} {own:.2f}% a year ({side})", claims=claims, focus=w)


_CALLED = {"the fastest-growing": "is called the fastest-growing", "growing rapidly": "is said to grow rapidly",
           "declining": "is said to decline"}
