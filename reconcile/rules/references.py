"""Documents' figures set against the reference facts (``Facts.reference``).

A document's figure is compared with a reference fact when both are about the same
company (names compared by :func:`reconcile.reference.entity_key`; a document's short name
"Abbott" is the one reference name adding only company-name words to it, "Abbott
Laboratories", as ``normalize.canonical_companies`` merges names), the same measure, unit
(after ``rates.toml``), year and calendar (a fiscal year ending in June is not the
calendar year). Only a company's whole figure takes part: a market document's figure for
a named company ("Pfizer reported revenue of $81.3 billion") or a company document's
global one, never a segment's, a forecast, a quarter or an undated figure; and only when the
words around it say it is the whole company's: the company's own name (with a legal form that
is the reference's: "Pfizer Ltd" is not Pfizer Inc.) or no part's words before the measure's
name, nothing but a date between it and the figure, no change's base ("from $81.3 billion")
and nothing but when after the figure ("from Comirnaty", "for its Biopharma segment" are
parts): see :class:`Wording`. When in doubt, a figure is not compared.

Rule RC701 reports the figures no same-period reference allows; ``check`` marks those one
allows as corroborated (the ``corroborated_by`` column) when RC701 runs, from the rule's own
comparisons (:func:`reference_comparisons`, worked out once). Which company a short name is
(:func:`compare`) is settled over every name in the corpus, so a corpus read in parts gathers
each part's :func:`company_figures` and compares them together (see :mod:`reconcile.buckets`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from ..normalize import canonical_companies
from ..reference import entity_key, legal_form, same_legal_form
from ..textmatch import phrase_pattern
from .facts import Fact, Facts, overlaps

_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")
#: The year written right after a figure: "$100.3 billion in 2022", "… for fiscal 2022".
_YEAR_AFTER = re.compile(r"\s*(?:in|for|during|of)\s+(?:fiscal\s+(?:year\s+)?|FY\s*)?((?:19|20)\d{2})\b", re.IGNORECASE)
#: What stands before a comparison's year: "up 14% from $3.4 billion in fiscal 2023".
_BASE_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|than|against)\b(?:[^.;]|\.(?=\d)){0,40}$", re.IGNORECASE)


def _own_year(quote: str, start: int, end: int, year: int | None) -> bool:
    """Whether a sentence naming several years says which is the figure's: written right after
    it ("$100.3 billion in 2022, up from …"), or before it with every other year the base of a
    comparison after it ("Revenue for fiscal 2024 was $3.87 billion, up 14% from $3.4 billion in
    fiscal 2023")."""
    own = _YEAR_AFTER.match(quote, end)
    if own is not None:
        return int(own.group(1)) == year
    years = [(m.start(), int(m.group(0))) for m in _YEARS.finditer(quote)]
    if not any(at < start and y == year for at, y in years):
        return False
    return all(y == year or (at > end and _BASE_BEFORE.search(quote[end:at])) for at, y in years)


@dataclass
class Comparison:
    """A document's figure and the reference facts for its company, measure and unit."""

    fact: Fact
    #: the references for the same year and calendar
    same: list[Fact]
    #: the first of ``same`` the figure's interval meets, or None
    agrees: Fact | None
    #: references for other years the figure would fit, nearest in value first
    elsewhere: list[Fact]


#: How far before a figure (characters) the name of its measure is looked for.
MEASURE_REACH = 80
_YEAR = re.compile(r"^(?:(?:fy|cy)'?\d{2}(?:\d{2})?|'\d{2}|(?:19|20|21)\d{2})$")
_DAY = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?$")
_PERCENT = re.compile(r"^[-+]?\d+(?:\.\d+)?%$")
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: a figure, a clause mark, a sentence's or a table cell's end, or a word
_TOKEN = re.compile(r"[$€£¥]?\d(?:[\d,.]*\d)?%?|[|,;:()\[\]{}—–!?]|[^\s|,;:()\[\]{}—–!?]+")
_ABBREVIATION = frozenset({"inc", "corp", "co", "ltd", "no", "vs", "approx", "st", "jr", "mr", "ms", "dr", "bros"})
_HARD = frozenset("|.!?")  # a sentence or a table cell ends
_SOFT = frozenset(",;:()[]{}—–")  # a clause or an aside ends


def _tokens(text: str) -> list[str]:
    """Words, figures and marks; a word's final period is a sentence's end (``"."``) unless the
    word is an abbreviation ("U.S.", "Inc.")."""
    out = []
    for t in _TOKEN.findall(re.sub(r"[*_`\"“”]+", " ", text)):
        if len(t) > 1 and t.endswith(".") and not t[0].isdigit() and not t[0] in "$€£¥":
            word = t.rstrip(".")
            out.append(word)
            if "." not in word and word.lower() not in _ABBREVIATION:
                out.append(".")
        else:
            out.append(t)
    return out


def _word(t: str) -> str:
    return t.lower().strip("'’")


def _possessive(t: str) -> str | None:
    """``Pfizer`` for ``Pfizer's``, else None."""
    for ending in ("'s", "’s", "s'", "s’"):
        if t.lower().endswith(ending) and len(t) > len(ending):
            return t[:-2] if ending[0] in "'’" else t[:-1]
    return None


def _number(t: str) -> bool:
    return any(ch.isdigit() for ch in t)


def _date(t: str) -> bool:
    w = _word(t)
    return bool(_YEAR.match(w)) or bool(_DAY.match(w)) or w in _MONTHS


@dataclass(frozen=True)
class Wording:
    """What says that a document's figure is the company's whole figure: the measures' names
    (``cues`` in measures.toml) and the words that may stand around them and the figure
    (``[documents]`` of reference.toml)."""

    cues: dict
    before: frozenset
    between: frozenset = frozenset()
    change_base: tuple = ()
    after: frozenset = frozenset()
    ends: frozenset = frozenset()
    lead: frozenset = frozenset()
    parts: frozenset = frozenset()
    #: words that may follow a company's name and still name it: legal forms, company-name words
    tails: frozenset = frozenset()

    @classmethod
    def from_settings(cls, measures: dict, reference: dict, company_words=()) -> "Wording":
        cues = {name: phrase_pattern(spec.get("cues", [])) for name, spec in measures.get("measures", {}).items()}
        docs = reference.get("documents", {})
        words = lambda key: frozenset(w.lower() for w in docs.get(key, []))  # noqa: E731
        suffixes = reference.get("names", {}).get("legal_suffixes", [])
        return cls(cues=cues, before=words("before_measure"), between=words("before_measure") | words("before_figure"),
                   change_base=tuple(tuple(w.lower().split()) for w in docs.get("change_base", [])),
                   after=words("after_figure"), ends=words("clause_end"), lead=words("lead_words"),
                   parts=words("part_words"),
                   tails=frozenset(w.lower().strip(".") for w in (*suffixes, *company_words)))

    def whole(self, f: Fact) -> bool:
        """Whether the figure is the company's whole figure: see :meth:`name`."""
        return self.name(f) is not None

    def name(self, f: Fact) -> str | None:
        """The company's name as the figure's sentence writes it ("Pfizer Inc."; the ``entity``
        when the sentence names none: "The company reported revenue of"), when the figure is the
        company's whole figure; None when it is not known to be:

        - the measure is named last before the figure, and the words right before that name are
          the company's name at the start of its clause, a possessive of it, or words that say
          nothing of a part ("Pfizer reported a revenue of", "Revenue for fiscal 2024 was"), not
          a part's ("diagnostics revenue", "Abbott's Diagnostics business reported revenue",
          "Hospira, a Pfizer company, reported revenue", "Pfizer Animal Health had revenue");
        - only such words stand between the measure's name and the figure ("revenue excluding
          COVID-19 products was" is a part), and no other figure;
        - the figure is not the base of a stated change ("grew 23% from $81.3 billion");
        - the sentence names one year only, or the figure's own year right after it ("$100.3
          billion in 2022, up from $81.3 billion in 2021"): "Pfizer's revenue in 2022 was $100.3
          billion, well above 2021" leaves the figure's year in doubt;
        - the words after the figure, to the end of its clause, say no more than when
          ("$37.8 billion from Comirnaty", "for its Biopharma segment", "outside the U.S." are parts).
        """
        pattern = self.cues.get(f.measure)
        quote, figure = str(f.row.get("quote") or ""), str(f.row.get("figure") or "")
        at = quote.find(figure)
        if pattern is None or at < 0 or not figure or quote.find(figure, at + 1) >= 0:
            return None  # no figure, or the same figure twice: which is it?
        if len(set(_YEARS.findall(quote))) > 1 and not _own_year(quote, at, at + len(figure), f.year):
            return None  # "2022 revenue: $100.3 billion (2021: $81.3 billion)": which year is whose?
        named = list(pattern.finditer(quote[max(0, at - MEASURE_REACH):at]))
        if not named:
            return None
        cue_start = max(0, at - MEASURE_REACH) + named[-1].start()
        cue_end = max(0, at - MEASURE_REACH) + named[-1].end()
        between = _tokens(quote[cue_end:at])
        if not self._between(between) or not self._after(_tokens(quote[at + len(figure):])):
            return None
        return self._subject(_tokens(quote[:cue_start]), str(f.row.get("entity") or ""))

    def _between(self, tokens: list[str]) -> bool:
        """The words between the measure's name and the figure: no part's, no change's base, no other
        figure; in a table row, the rest of the row's label and the figure's own cell."""
        words = [_word(t) for t in tokens if t not in _SOFT]
        for phrase in self.change_base:
            if tuple(words[-len(phrase):]) == phrase:
                return False
        if "|" in tokens:  # "Total revenue | $3,870 | $3,398": the label's cell and the figure's
            first, last = tokens.index("|"), len(tokens) - 1 - tokens[::-1].index("|")
            tokens = tokens[:first] + tokens[last + 1:]
        for t in tokens:
            if t in _SOFT:
                continue
            if t in _HARD or (_number(t) and not _date(t) and not _PERCENT.match(t)):
                return False
            if not _number(t) and _word(t) not in self.between and not _date(t):
                return False
        return True

    def _after(self, tokens: list[str]) -> bool:
        """The words after the figure, to its clause's end, say only when."""
        for t in tokens:
            if t in _HARD or t in _SOFT or _word(t) in self.ends:
                return True
            if _number(t) and not _date(t):
                return False
            if not _date(t) and _word(t) not in self.after:
                return False
        return True

    def _intro(self, tokens: list[str]) -> bool:
        """A clause saying nothing of who: "In 2022", "By contrast"."""
        return all(_date(t) or _word(t) in self.lead or _word(t) in self.before for t in tokens)

    def _subject(self, left: list[str], entity: str) -> str | None:
        """The company's name as written before the measure's name (see :meth:`name`)."""
        for i in range(len(left) - 1, -1, -1):
            if left[i] in _HARD:
                left = left[i + 1:]
                break
        chunks: list[list[str]] = [[]]
        for t in left:
            if t in _SOFT:
                chunks.append([])
            else:
                chunks[-1].append(t)
        last = chunks[-1]
        j = len(last)
        while j > 0 and (_date(last[j - 1]) or _word(_possessive(last[j - 1]) or last[j - 1]) in self.before):
            j -= 1
        earlier = [c for c in chunks[:-1] if c]
        if j:
            return self._named(last[:j], earlier, entity)
        if all(self._intro(c) for c in earlier):  # "The company reported", "In 2022, its revenue was"
            return entity
        # "Pfizer, the New York-based drugmaker, reported": an aside after the name; not
        # "Hospira, a Pfizer company," nor "Pfizer Ltd, the Indian listed arm of …,"
        aside, rest = earlier[-1], earlier[:-1]
        if not rest or any(_word(t) in self.parts for t in aside) or _word(aside[0]) not in ("a", "an", "the"):
            return None
        if _find(aside, _name_words(entity)) is not None:
            return None
        return self._named(rest[-1], rest[:-1], entity)

    def _named(self, tokens: list[str], earlier: list[list[str]], entity: str) -> str | None:
        """``tokens`` end with the company's name (and legal form, company-name words, a possessive)
        and start its clause: nothing before it, or words of no one ("In 2022"), or a connective
        after another clause's figure ("…$1.92 billion in 2023, while Keldon Foods posted")."""
        name = _name_words(entity)
        s = _find(tokens, name)
        if s is None:
            return None
        written = tokens[s:s + len(name)]
        for k, t in enumerate(tokens[s + len(name):]):
            own = _possessive(t)
            if own is not None and k == len(tokens) - s - len(name) - 1 and own.lower() in self.tails:
                written.append(own)
            elif t.lower().strip(".") in self.tails and _possessive(written[-1]) is None:
                written.append(t)
            else:
                return None  # "Pfizer Animal Health", "Abbott's Diagnostics"
        head = tokens[:s]
        if head and _word(head[-1]) in self.lead and any(_number(t) and not _date(t) for t in head):
            return _join(written)  # another clause, then "while <name>"
        if not self._intro(head) or (head and _word(head[-1]) in ("a", "an")):
            return None
        if earlier and not all(self._intro(c) for c in earlier) and \
                not any(_number(t) and not _date(t) for t in earlier[-1]):
            return None  # "Like Abbott, Pfizer reported": in doubt
        return _join(written)


def _name_words(entity: str) -> list[str]:
    """A company's name as words: "The Kraft Heinz Company" → Kraft, Heinz, Company; "Illumina, Inc." → Illumina, Inc."""
    name = [t for t in _tokens(entity) if t not in _SOFT and t not in _HARD]
    return name[1:] if len(name) > 1 and name[0].lower() == "the" else name


def _find(tokens: list[str], name: list[str]) -> int | None:
    """Where ``name`` (words) last stands in ``tokens``, its last word possibly possessive."""
    want = [w.lower() for w in name]
    if not want:
        return None
    for s in range(len(tokens) - len(want), -1, -1):
        got = [t.lower() for t in tokens[s:s + len(want)]]
        if got[:-1] == want[:-1] and (got[-1] == want[-1] or (_possessive(tokens[s + len(want) - 1]) or "").lower()
                                      == want[-1]):
            return s
    return None


def _join(words: list[str]) -> str:
    return " ".join(_possessive(w) or w for w in words)


def _company_figure(f: Fact) -> bool:
    """A named company's dated, full-year, actual figure: for the company or the whole world."""
    row = f.row
    if row.get("entity_type") != "company" or not row.get("entity") or f.year is None:
        return False
    if row.get("era") == "forecast" or row.get("quarter") is not None or row.get("month") is not None:
        return False
    return row.get("scope_type") == "company" or f.scope == "Global"


def comparisons(facts: Facts, *, relative: float, wording: Wording, legal_suffixes=(),
                company_words=()) -> list[Comparison]:
    """Every document figure with a reference fact for its company, measure, unit and year.

    The company is the name the figure's sentence writes (see :meth:`Wording.name`): a legal
    form it names must be the reference's ("Pfizer Ltd" is not Pfizer Inc.); a name that
    names none, when the references for it are of several legal entities, is not compared."""
    if not facts.reference:
        return []
    names = {r.subject for r in facts.reference}
    found = company_figures(facts, names, wording=wording, legal_suffixes=legal_suffixes)
    return compare(found, facts.reference, relative=relative, legal_suffixes=legal_suffixes,
                   company_words=company_words)


def company_figures(facts: Facts, names: set, *, wording: Wording, legal_suffixes=()) -> list[tuple[Fact, str, str]]:
    """The document figures that may be compared with the reference facts of companies
    ``names``: ``(fact, the company's name as its sentence writes it, that name's key)``, in
    the order of ``facts.all``. Each is a document's own: the figures of a corpus read in parts
    are the parts' figures, each document's in its order (see :mod:`reconcile.buckets`)."""
    firsts = {n.split()[0] for n in names if n}  # the sentence is read only for a company the reference may name
    out = []
    for f in facts.all:
        if not _company_figure(f) or entity_key(f.row["entity"], legal_suffixes).split(" ")[0] not in firsts:
            continue
        if (name := wording.name(f)) is not None:
            out.append((f, name, entity_key(name, legal_suffixes)))
    return out


def compare(candidates: list[tuple[Fact, str, str]], reference: list[Fact], *, relative: float,
            legal_suffixes=(), company_words=()) -> list[Comparison]:
    """:func:`comparisons` of the :func:`company_figures` of a whole corpus: a name is the
    reference's company when it is, or when the reference's is the one longer name (legal
    form, company-name words) among every name in the reference facts and those figures."""
    index: dict[tuple, list[Fact]] = defaultdict(list)
    for r in reference:
        index[(r.subject, r.measure, r.unit)].append(r)
    names = {r.subject for r in reference}
    full = canonical_companies(names | {key for _, _, key in candidates}, list(company_words))
    out = []
    for f, name, key in candidates:
        refs = index.get((key if key in names else full.get(key, key), f.measure, f.unit), [])
        refs = [r for r in refs if same_legal_form(name, r.row["entity"], legal_suffixes)]
        if len({legal_form(r.row["entity"], legal_suffixes) for r in refs}) > 1:
            continue  # "Pfizer": Pfizer Inc. or Pfizer Ltd?
        same = [r for r in refs if r.year == f.year and r.row["calendar"] == f.row["calendar"]]
        if not same:
            continue
        fits = {id(r) for r in refs if overlaps((f.lo, f.hi), (r.lo, r.hi), relative=relative)}
        agrees = next((r for r in same if id(r) in fits), None)
        this_year = {id(r) for r in same}
        elsewhere = sorted((r for r in refs if id(r) in fits and id(r) not in this_year),
                           key=lambda r: (abs(r.value - f.value), r.year))
        out.append(Comparison(f, same, agrees, elsewhere))
    return out


def reference_comparisons(facts: Facts, measures: dict, reference: dict, company_words=()) -> list[Comparison]:
    """:func:`comparisons` with the settings' wording, worked out once per ``facts`` (rule RC701
    and the ``corroborated_by`` column share it)."""
    key = ("reference comparisons", id(measures), id(reference), tuple(company_words))
    suffixes = reference.get("names", {}).get("legal_suffixes", [])
    return facts.memo(key, lambda: comparisons(
        facts, relative=facts.bands.relative, wording=Wording.from_settings(measures, reference, company_words),
        legal_suffixes=suffixes, company_words=company_words))


def reference_candidates(facts: Facts, names: set, measures: dict, reference: dict,
                         company_words=()) -> list[tuple[Fact, str, str]]:
    """:func:`company_figures` with the settings' wording."""
    suffixes = reference.get("names", {}).get("legal_suffixes", [])
    return company_figures(facts, names, wording=Wording.from_settings(measures, reference, company_words),
                           legal_suffixes=suffixes)


def compare_with_references(candidates: list[tuple[Fact, str, str]], reference: list[Fact], *, relative: float,
                            reference_settings: dict, company_words=()) -> list[Comparison]:
    """:func:`compare` with the settings' legal forms."""
    suffixes = reference_settings.get("names", {}).get("legal_suffixes", [])
    return compare(candidates, reference, relative=relative, legal_suffixes=suffixes, company_words=company_words)


def corroborations(found: list[Comparison], measures=None) -> dict[str, str]:
    """``{document claim id: the id of the reference fact it agrees with}`` (and its repeats),
    for the comparisons of ``measures`` (all when None)."""
    out = {}
    for c in found:
        if c.agrees is not None and (measures is None or c.fact.measure in measures):
            for row in (c.fact.row, *c.fact.also):
                out[row["claim_id"]] = c.agrees.row["claim_id"]
    return out
