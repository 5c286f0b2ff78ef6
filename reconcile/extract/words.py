"""Qualitative claims: words that rank or single out a region or segment, with no figure.

"Dominant Region | North America", "Europe follows with a 25% share", "the Asia-Pacific
region is witnessing a very rapid growth": each becomes a claims-table row of ``metric``
"qualitative" whose ``statement`` says what the words claim (``largest``,
``second_largest``, ``fastest_growing``, ``rapid_growth``, ``declining``; the list and its
words are ``[statements]`` in ``extract.toml``) and whose ``scope`` is the region or
segment it is about. The words rules (RC501, RC502) check them against the document's own
figures.

Only a region the sentence names right before the words ("North America dominates") or
right after a leading phrase ("dominated by North America") is read; a sentence where the
words are about something else, or are hedged ("one of the fastest-growing"), gives no row:
a missed statement costs nothing, a misread one would be a false alarm.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..regions import RegionTable
from ..textmatch import fold_words as _fold, phrase_pattern, trie_regex
from .claim import QUALITATIVE, Claim
from .scope import ScopeFinder

#: What may stand between a region and the words about it: no sentence or clause end.
_BETWEEN_CUE = re.compile(r"^[^.;:!?|\n]{0,80}$")
_BETWEEN_LEAD = re.compile(r"^[\s]*(?:the\s+)?$", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|from|across|within|to|for|by|than|at|on|into|throughout)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
_HELD_BY = re.compile(r"^[\s\w]{0,25}?\b(?:by|in|to)\s+(?:the\s+)?$", re.IGNORECASE)
#: Words between a region and the words about it that make them no statement of fact now:
#: the future, the past, a negation, a hope or someone's claim.
_HEDGED = re.compile(
    r"\b(?:expected|projected|anticipated|forecast(?:ed)?|predicted|estimated\s+to|will|would|could|may|might|"
    r"should|shall|poised|set\s+to|likely|to\s+become|become|becoming|until|till|not|never|yet|hardly|no\s+longer|"
    r"once|formerly|previously|historical|historic|in\s+the\s+past|used\s+to|claims?|claimed|says?|said|believes?|believed|hopes?|aims?|seeks?|wants?|"
    r"plans?|if|whether)\b|n['’]t\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:claims?|claimed|says?|said|believes?|believed|argues?|argued|suggests?|suggested|"
                       r"hopes?|if|whether|unless)\b(?:\s+that)?\s*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;.:]")
_UNCERTAIN_SENTENCE = re.compile(r"\?\s*$|^\s*(?:if|whether|will|would|could|can|does|do|is|are)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
#: What may follow the words and leave them about the whole market: "the market", "globally",
#: "by value", "in 2023", a clause ("…, driven by"). Anything else narrows them ("for raw
#: materials", "in terms of volume", "after North America", "in patents"): no row.
_MARKET_NOUN = re.compile(r"^\s*(?:(?:the|this|its|their)\s+)?(?:global\s+|overall\s+|worldwide\s+|total\s+|regional\s+)?"
                          r"(?:market|industry|region|regional\s+market|segment|area|share|market\s+share|revenue\s+share)\b",
                          re.IGNORECASE)
_NARROWING = re.compile(r"^\s*(?:in\s+terms\s+of|when\s+it\s+comes\s+to|apart\s+from|by|for|in|of|among|after|outside|"
                        r"excluding|except|behind|within|among)\s+(.{0,40})", re.IGNORECASE)
_WHOLE = re.compile(r"^(?:(?:the|this|its|their)\s+)?(?:(?:global|overall|worldwide|total|\w+)\s+)?(?:market|industry)\b(?!\s+for\b)|"
                    r"^(?:revenue|value|sales|market\s+share|share|global\s+revenue)\b(?!\s+(?:per|of|from)\b)|"
                    r"^(?:19|20)\d{2}\b|^(?:the\s+)?(?:forecast|review|study)\s+period\b|^(?:the\s+)?(?:world|globe)\b",
                    re.IGNORECASE)


#: What may follow the words: the end of the clause, what the words are about ("the market",
#: "a 25% share" for a size; "region", "a CAGR" for growth) or a clause about why. "Australia
#: dominates mining", "India is the fastest-growing major economy", "Europe follows with a CAGR
#: of 7.5%" or "follows with similar rules" rank something else: no row.
_CLAUSE_ON = (r"\s*(?:$|[,.;:!?)\u2013\u2014-]|(?:with|and|thanks|due|driven|owing|because|as|while|whereas|holding|"
              r"accounting|capturing|contributing|globally|worldwide|overall|today|currently|throughout|during|over|"
              r"through|in\s+(?:19|20)\d\d|at\s+present)\b)")
_NOUNS = {"size": r"market|industry|sector|share|market\s+share|revenue\s+share|revenue|sales|value",
          "growth": r"region|regional\s+market|market|segment|area|country|growth|cagr|growth\s+rate|rate|pace|expansion"}
_OBJECT = {about: re.compile(
    _CLAUSE_ON + r"|\s*(?:(?:the|this|its|a|an)\s+)?(?:[\d.,]+\s*%\s*)?(?:(?:global|overall|worldwide|entire|total|regional|"
    r"[\w-]+)\s+){0,2}?(?:" + nouns + r")\b", re.IGNORECASE) for about, nouns in _NOUNS.items()}


def _narrowed(rest: str) -> bool:
    """Whether the words after a statement narrow it to something other than the market."""
    m = _MARKET_NOUN.match(rest)
    if m:
        rest = rest[m.end():]
    n = _NARROWING.match(rest)
    return bool(n) and not _WHOLE.match(n.group(1))


_JOINED = re.compile(r"^[\s,]*(?:and|or|&|as well as|along with|together with)?[\s,]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?](?=\s|$)|\n")
_LABEL_ROW = re.compile(r"[ \t|*]*([^|\n]{3,60}?)[ \t]*\|[ \t]*([^|\n]{2,80}?)[ \t]*(?:\||$)", re.MULTILINE)
_CLIP = 160
_WORD_END = r"(?![\w-])"
#: A statement's ``measure``: a trend (rank 0), a superlative (rank 1) or a lower rank.
_MEASURE = {0: "trend", 1: "superlative", 2: "rank"}


@dataclass(frozen=True)
class Statement:
    name: str
    rank: int  # 1 = the largest / fastest; 0 for a trend
    about: str  # "size" or "growth"


class StatementFinder:
    """The ``[statements]`` of ``extract.toml``, compiled once."""

    def __init__(self, extract: dict, regions: RegionTable, scopes: ScopeFinder) -> None:
        self.regions = regions
        self.scopes = scopes
        self.kinds: dict[str, Statement] = {}
        self._cue: dict[str, tuple[str, str]] = {}  # folded words -> (statement, "cue" | "lead")
        self._label: dict[str, str] = {}
        for name, spec in sorted(extract.get("statements", {}).items()):
            self.kinds[name] = Statement(name, int(spec["rank"]), spec["about"])
            for role in ("cues", "leads"):
                for words in spec.get(role, []):
                    self._cue.setdefault(_fold(words), (name, role))
            for words in spec.get("labels", []):
                self._label.setdefault(_fold(words), name)
        # Scanned on the lower-cased text, with no look-behind to start with, so the regex
        # engine can skip ahead to a cue's first letters (3x faster than IGNORECASE with \b).
        self._growth_ranks = {n for n, k in self.kinds.items() if k.about == "growth"}
        self.pattern = re.compile(trie_regex(sorted(self._cue, key=len, reverse=True)) + _WORD_END) if self._cue else None
        self.labels = re.compile(trie_regex(sorted(self._label, key=len, reverse=True)) + _WORD_END) if self._label else None
        guards = extract.get("statement_guards", {}).get("before", [])
        self.guard = (re.compile(rf"(?:{phrase_pattern(guards).pattern})[\s-]*(?:the\s+)?$", re.IGNORECASE)
                      if guards else None)

    def drafts(self, text: str, *, tables: bool) -> list[tuple[int, int, int, int, str, str, str]]:
        """Statements in ``text`` (a document's visible text) as ``(quote_start, quote_end,
        words_start, words_end, statement, scope, scope_type, year)``, in document order; the
        year is the one the sentence names ("led the market in 2023"), else None."""
        out = []
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
            low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
        if self.pattern is not None:
            for m in self.pattern.finditer(low):
                if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in "_-"):
                    continue  # inside a word
                found = self._in_prose(text, m)
                if found:
                    out.append(found)
        if tables and self.labels is not None:
            for m in self.labels.finditer(low):
                row = _LABEL_ROW.match(text, text.rfind("\n", 0, m.start()) + 1)
                if row is None or row.start(1) != m.start():
                    continue  # not the first cell of a table row
                name = self._label.get(_fold(row.group(1).strip("* ")))
                scope = self._scope_cell(row.group(2)) if name else None
                if scope:
                    out.append((row.start(1), row.end(2), row.start(1), row.end(1), name, *scope, None))
        return sorted(out, key=lambda t: (t[2], t[4]))

    def _in_prose(self, text: str, m: re.Match):
        name, role = self._cue[_fold(m.group(0))]  # m is a match on the lower-cased text: same offsets
        start, end = _sentence(text, m.start(), m.end())
        if self.guard is not None and self.guard.search(text[max(start, m.start() - 30):m.start()]):
            return None
        sentence = text[start:end]
        at, upto = m.start() - start, m.end() - start
        named = [(s, e, region) for s, e, region, aside in self.scopes.region_mentions(sentence)
                 if not aside and region != "Global"]
        if role == "cues":
            before = [r for r in named if r[1] <= at and _BETWEEN_CUE.match(sentence[r[1]:at])]
            if not before:
                return None
            s, e, region = before[-1]
            # Another region between it and the words is the one they are about, or a list: skip.
            if any(e <= r[0] < at for r in named if r is not before[-1]):
                return None
            if len(before) > 1 and _JOINED.match(sentence[before[-2][1]:s]):
                return None  # "North America and Europe dominate": a claim about both, not either
            if _PREPOSITION_BEFORE.search(sentence[max(0, s - 12):s]):
                return None  # "Acme, based in Europe, leads the market": the region is not what leads
            if any(r[0] >= upto and _HELD_BY.match(sentence[upto:r[0]]) for r in named):
                return None  # "…, yet the largest share is held by Europe": about the region after
            if _HEDGED.search(sentence[e:at]) or _REPORTED.search(sentence[max(0, s - 40):s]):
                return None  # "is expected to dominate", "isn't the largest", "analysts claim that Europe leads"
            rest = sentence[upto:]
        else:
            after = [r for r in named if r[0] >= upto]
            if not after or not _BETWEEN_LEAD.match(sentence[upto:after[0][0]]):
                return None
            s, e, region = after[0]
            if _HEDGED.search(sentence[:at]):
                return None
            rest = sentence[e:]
        about = self.kinds[name].about
        if (_UNCERTAIN_SENTENCE.search(sentence) or _narrowed(rest) or _HEDGED.search(_CLAUSE.split(rest, 1)[0])
                or not _OBJECT[about].match(rest)):
            return None  # a question or a condition; "the largest market for raw materials"
        years = set(_YEAR.findall(sentence))
        if len(years) > 1 or (years and name in self._growth_ranks):
            return None  # several years, or a growth said of one year: the document's rates cannot tell
        year = int(years.pop()) if years else None
        q_start, q_end = _whole_words(text, max(start, m.start() - _CLIP), min(end, m.end() + _CLIP), start, end)
        return (q_start, q_end, m.start(), m.end(), name, region, self.regions.type_of(region), year)

    def _scope_cell(self, cell: str) -> tuple[str, str] | None:
        """The region or segment a table cell names: one name, not a list or a sentence."""
        cell = cell.strip().strip("*").strip()
        if not cell or any(ch in cell for ch in ",;/") or " and " in cell or len(cell.split()) > 5:
            return None
        region = self.regions.resolve(cell)
        if region and region != "Global":
            return region, self.regions.type_of(region)
        if region is None and not any(ch.isdigit() for ch in cell):
            return cell, "segment"
        return None


def _whole_words(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """``[lo, hi)`` clipped from the sentence ``[start, end)`` to whole words."""
    if lo > start and not text[lo - 1].isspace():
        lo = next((i + 1 for i in range(lo, hi) if text[i].isspace()), lo)
    if hi < end and not text[hi].isspace():
        hi = next((i for i in range(hi - 1, lo, -1) if text[i].isspace()), hi)
    return lo, hi


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (at most a few hundred characters either side)."""
    lo = max(0, start - 400)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    s = ends[-1] if ends else lo
    m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    e = m.end() if m else min(len(text), end + 400)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def statement_claims(finder: StatementFinder, ctx, *, tables: bool) -> list[Claim]:
    """The document's qualitative claims (see the module docstring)."""
    doc = ctx.doc
    claims = []
    for q_start, q_end, w_start, w_end, name, scope, scope_type, year in finder.drafts(doc.visible, tables=tables):
        o_start, o_end = doc.offsets.span(q_start, q_end)
        f_start, f_end = doc.offsets.span(w_start, w_end)
        kind = finder.kinds[name]
        claims.append(Claim(
            doc=doc.doc, line=ctx.original_lines.line(f_start), start=o_start, end=o_end,
            quote=doc.text[o_start:o_end], figure=doc.text[f_start:f_end], metric=QUALITATIVE,
            subject=ctx.subject or "", scope=scope, scope_type=scope_type,
            dimension="region" if scope_type in ("region", "country") else "segment",
            value=float(kind.rank) if kind.rank else math.nan, unit="", low=None, high=None, qualifier="",
            year=year, period_start=None, period_end=None, kind="actual",
            confidence=0.8 if ctx.subject else 0.4, entity=ctx.subject or "",
            entity_type="market" if ctx.subject else "", measure=_MEASURE[min(kind.rank, 2)],
            sign=0, statement=name, pos=w_start,
        ))
    return claims
