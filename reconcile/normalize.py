"""Normalize a corpus's claims: one name per market, stable ids, one table.

Subjects spelled slightly differently across documents ("personalized medicines" and
"personalized medicine") are merged with rapidfuzz's plain ``ratio`` and a cutoff from
``settings.toml``, and a company's short name with its one full name ("Harrowgate",
"Harrowgate Instruments"); claim ids are hashes of what a claim says, not of where it is, so they
survive edits elsewhere in a file.
"""

from __future__ import annotations

import hashlib
import operator
import re
from collections import Counter

import pandas as pd
from rapidfuzz import fuzz, process

from .extract.claim import COLUMNS, QUALITATIVE, Claim
from .nouns import singular

_DTYPES = {
    "claim_id": "str", "doc": "str", "line": "int64", "start": "int64", "end": "int64",
    "quote": "str", "figure": "str", "metric": "str", "subject": "str", "scope": "str",
    "scope_type": "str", "dimension": "str", "value": "float64", "unit": "str",
    "low": "float64", "high": "float64", "qualifier": "str", "year": "Int64",
    "period_start": "Int64", "period_end": "Int64", "kind": "str", "confidence": "float64",
    "entity": "str", "entity_type": "str", "measure": "str", "period_label": "str", "fiscal": "bool",
    "fiscal_year_end": "Int64", "quarter": "Int64", "month": "Int64", "basis": "str", "sign": "int64",
    "accounting": "str", "converted_value": "float64", "converted_unit": "str",
    "doc_title": "str", "statement": "str", "source_type": "str", "corroborated_by": "str", "doc_id": "str", "attributed_to": "str",
}


#: How alike two words that differ must be for two names to be spellings of one market:
#: "centre"/"center" (83), "glass"/"glasses" (83), "tire"/"tyre" (75), never "marine"/"smart" (55).
WORD_CUTOFF = 75.0


def same_words(a: str, b: str) -> bool:
    """Whether two market names differ only in how their words are spelled: the same words,
    in order, each pair that differs alike (``WORD_CUTOFF``). A whole different word
    ("marine plant-based protein", "smart plant-based protein") or an extra one ("cloud
    storage", "cloud storage gateway") names another market, however alike the strings."""
    wa, wb = a.replace("-", " ").split(), b.replace("-", " ").split()
    if len(wa) != len(wb):
        return "".join(wa) == "".join(wb)  # "cold chain" / "coldchain"
    return all(x == y or fuzz.ratio(x, y) >= WORD_CUTOFF for x, y in zip(wa, wb))


def canonical_subjects(subjects: list[str], *, cutoff: float = 90.0,
                       word_forms: dict[str, str] | None = None) -> dict[str, str]:
    """Map each subject key to a canonical one; the most frequent spelling wins a cluster.

    Two names are one market when they are alike as strings (rapidfuzz ratio ≥ ``cutoff``)
    and differ only in spelling word by word (:func:`same_words`), once each word is put in
    its usual form (``word_forms``: "bicycle" → "bike", the "e" of "e-cargo" → "electric")."""
    forms = word_forms or {}
    counts = Counter(subjects)
    # a country's adjective ("Kestrian", from "the Kestrian Statistics Office") is never the name
    # a cluster takes when the country's own name ("Kestria") is among its spellings
    order = sorted(counts, key=lambda s: (_demonym_of_another(s, counts), -counts[s], s))
    canon: dict[str, str] = {}
    chosen: list[str] = []  # the canonical names' usual forms, in order
    named: dict[str, str] = {}  # usual form -> canonical name
    for s in order:
        key = _usual_form(s, forms) if forms and s else s
        hits = process.extract(key, chosen, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None) if chosen else []
        hit = next((h for h in sorted(hits, key=lambda h: (-h[1], h[0])) if same_words(key, h[0])), None)
        if hit:
            canon[s] = named[hit[0]]
        else:
            canon[s] = s
            chosen.append(key)
            named[key] = s
    spelled_out = _acronym_expansions(sorted(set(canon.values())))
    return {s: spelled_out.get(c, c) for s, c in canon.items()}


def _acronym_expansions(names: list[str]) -> dict[str, str]:
    """A name written with an acronym another name spells out, word for word otherwise ("npwt
    device" and "negative pressure wound therapy device"): one market, the spelled-out name.
    Each name's runs of two to six words are indexed by their initials once, so many names cost
    a lookup each, never a comparison per pair."""
    runs: dict[tuple, set[str]] = {}
    for name in names:
        words = name.split()
        for n in range(2, 7):
            for j in range(len(words) - n + 1):
                initials = "".join(w[0] for w in words[j : j + n])
                runs.setdefault((tuple(words[:j]), initials, tuple(words[j + n :])), set()).add(name)
    out = {}
    for name in names:
        words = name.split()
        for i, word in enumerate(words):
            if not (2 <= len(word) <= 6 and word.isalpha()):
                continue
            found = runs.get((tuple(words[:i]), word, tuple(words[i + 1 :])), set()) - {name}
            if len(found) == 1:
                out[name] = found.pop()
                break
    return out


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "ish", "i")


def _demonym_of_another(name: str, names) -> bool:
    """Whether ``name`` is another of ``names`` with an adjective's ending ("kestrian": "kestria")."""
    return any(name.endswith(e) and name[: -len(e)] in names for e in _DEMONYM_ENDINGS if len(name) > len(e) + 3)


def _usual_form(name: str, forms: dict[str, str]) -> str:
    return " ".join(x for w in name.replace("-", " ").split() if (x := forms.get(w, w)))  # a form "" drops the word


def _subjects_from_titles(claims: list[Claim], forms: dict[str, str]) -> None:
    """A document that names no market in its figures' sentences ("Is the cargo bike boom
    real?", a blog quoting two research firms) is about the one market the corpus knows whose
    name ends in two or more words of its title ("electric cargo bike"), else of its figures'
    sentences; with none, or several, its figures keep no market."""
    loose: dict[str, list[Claim]] = {}
    for c in claims:
        if not c.subject and c.entity_type in ("", "market") and c.metric != QUALITATIVE:
            loose.setdefault(c.doc, []).append(c)
    if not loose:
        return
    known: dict[str, tuple[str, str]] = {}  # usual form -> (subject, entity)
    for c in claims:
        if c.subject and c.entity_type == "market" and c.metric != QUALITATIVE:
            known.setdefault(_words_of(c.subject, forms).strip(), (c.subject, c.entity))  # "smart glasses" too
    if not known:
        return
    for doc, found in sorted(loose.items()):
        # its title, else the sentences its figures stand in ("Quarrystone puts global sales of
        # industrial exoskeletons at …")
        title = _words_of(found[0].doc_title, forms)
        if not any(_names_in(key, title) for key in known):
            title = _words_of(" ".join(sorted({c.quote for c in found})), forms)
        hits = {known[key][0]: key for key in sorted(known) if _names_in(key, title)}
        if len(hits) == 1:
            # the market, by the name as this document's words give it ("seaweed packaging", not
            # another document's "seaweed-based packaging")
            (subject, entity), = hits.items()
            for c in found:
                c.subject, c.entity, c.entity_type = subject, entity or subject, "market"
                # the title names the market as surely as a document's opening does (its 0.9, not
                # the 0.5 of a market not named at all)
                c.confidence = round(min(1.0, c.confidence / 0.5 * 0.9), 2)


def _usual_spellings(spelled: dict[str, Counter]) -> dict[str, str]:
    """Each key's most usual spelling (then the first in order): what documents call it most."""
    return {k: min(v, key=lambda e: (-v[e], e)) for k, v in spelled.items()}


#: How many of its part names a document naming no one must share with a company's other documents.
SEGMENTS_SHARED = 3


def _companies_from_segments(claims: list[Claim]) -> None:
    """A financial statement that names no company ("Consolidated Statement of Income", its rows
    "Intelligent Cloud", "More Personal Computing", "LinkedIn") is the statement of the one company
    whose other documents name ``SEGMENTS_SHARED`` or more of its parts and no other company's
    as many; its figures take that company."""
    loose: dict[str, set] = {}
    for c in claims:
        if not c.subject and not c.entity and c.metric != QUALITATIVE and c.scope_type == "segment":
            loose.setdefault(c.doc, set()).add(c.scope.lower())
    if not loose:
        return
    parts: dict[str, set] = {}
    spelled: dict[str, Counter] = {}
    for c in claims:
        if c.entity_type == "company" and c.subject and c.scope_type == "segment":
            parts.setdefault(c.subject, set()).add(c.scope.lower())
            spelled.setdefault(c.subject, Counter())[c.entity] += 1
    entity = _usual_spellings(spelled)
    owner: dict[str, str] = {}
    for doc, names in sorted(loose.items()):
        shared = sorted(((len(names & p), s) for s, p in parts.items() if len(names & p) >= SEGMENTS_SHARED), reverse=True)
        if len(shared) == 1 or len(shared) > 1 and shared[0][0] > shared[1][0]:
            owner[doc] = shared[0][1]
    for c in claims:
        subject = owner.get(c.doc)
        if subject and not c.subject and not c.entity and c.metric != QUALITATIVE:
            c.subject, c.entity, c.entity_type = subject, entity[subject], "company"


def _companies_from_mentions(claims: list[Claim], generic: set[str] = frozenset()) -> None:
    """A story that names no company and no market by the tool's cues ("Boulangeries Fromentel
    added 62 stores net in 2025" under a trade paper's masthead) is about the one company the
    corpus's other documents are about whose name its figures' sentences write twice or more
    (or its first word, "Starhollow" for "Starhollow Interactive", unless that word starts many
    names: ``generic_name_words`` in extract.toml)."""
    loose: dict[str, list[Claim]] = {}
    other: set[str] = set()
    for c in claims:
        if c.metric == QUALITATIVE:
            continue
        if not c.subject and not c.entity:
            loose.setdefault(c.doc, []).append(c)
        else:
            other.add(c.doc)
    loose = {d: cs for d, cs in loose.items() if d not in other}  # a document with any subject keeps it
    if not loose:
        return
    spelled: dict[str, Counter] = {}  # a company's subject -> how its documents write its name
    for c in claims:
        if c.entity_type == "company" and c.subject and c.entity:
            spelled.setdefault(c.subject, Counter())[c.entity] += 1
    if not spelled:
        return
    entity = _usual_spellings(spelled)
    bare = {}  # the name without its legal form -> subject, when it names one company only
    for subject, forms in spelled.items():
        for form in forms:
            name = _without_legal_form(form)
            bare.setdefault(name, set()).add(subject)
            first = name.split()[0] if " " in name else ""
            if len(first) >= 4 and first[0].isupper() and first.lower() not in generic:
                bare.setdefault(first, set()).add(subject)
    bare = {n: next(iter(s)) for n, s in bare.items() if len(s) == 1 and len(n) >= 3}
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(bare, key=len, reverse=True)) + r")(?![\w-])")
    for doc, found in sorted(loose.items()):
        text = " ".join(sorted({c.quote for c in found}))
        hits = Counter(bare[m.group(1)] for m in pattern.finditer(text))
        subjects = [s for s, n in hits.items() if n >= 2]
        if len(subjects) == 1:
            (subject,) = subjects
            for c in found:
                c.subject, c.entity, c.entity_type = subject, entity[subject], "company"


def _words_of(text: str, forms: dict[str, str]) -> str:
    """Text as " word word … " in lower case, each word singular and in its usual form."""
    words = re.sub(r"[^\w\s-]", " ", text.lower()).replace("-", " ").split()
    return " " + " ".join(x for x in (forms.get(w, w) for w in (singular(w) for w in words)) if x) + " "  # "" drops a word


def _names_in(key: str, words: str) -> bool:
    """Whether ``words`` hold the last two or more words of a market's name."""
    parts = key.split()
    return any(f" {' '.join(parts[i:])} " in words for i in range(len(parts) - 1))


def canonical_companies(companies: set[str], company_words: list[str]) -> dict[str, str]:
    """A company's short name maps to its full one when exactly one full name starts with it
    and the rest are words that end company names ("harrowgate" → "harrowgate instruments",
    never "amazon" → "amazon web services"); an ambiguous short name stays as it is."""
    tails = {w.lower() for w in company_words}
    out: dict[str, str] = {}
    # "narmada cables & wires ltd", "… limited" and "narmada cables & wires": one company whatever
    # its legal form is written as; all take the shortest spelling
    bare: dict[str, list[str]] = {}
    for name in companies:
        bare.setdefault(_without_legal_form(name), []).append(name)
    for forms in bare.values():
        if len(forms) > 1:
            best = min(forms, key=lambda f: (len(f), f))
            out.update({f: best for f in forms if f != best})
    companies = {out.get(c, c) for c in companies}
    ordered = sorted(companies)
    for i, short in enumerate(ordered):
        longer = set()
        for other in ordered[i + 1:]:
            if not other.startswith(short):
                break
            if other.startswith(short + " ") and all(w in tails for w in other[len(short):].split()):
                longer.add(other)
        if len(longer) == 1:
            full = longer.pop()
            out[short] = full
            out.update({k: full for k, v in out.items() if v == short})  # a legal form of the short name too
    return out


#: Words that write a company's legal form at the end of its name.
_LEGAL_FORMS = frozenset(("inc", "corp", "corporation", "co", "ltd", "limited", "pvt", "private", "plc", "llc", "ag", "sa", "nv", "se", "gmbh",
                          "asa", "oyj", "spa", "pty", "bv", "ab", "as", "a/s", "s.a", "n.v", "kk", "bhd"))


def _without_legal_form(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _scope_key(scope: str) -> str:
    return " ".join(singular(w) for w in scope.lower().replace("-", " ").replace("&", "and").split())


def canonical_scopes(pairs: list[tuple[str, str]], preferred: frozenset = frozenset()) -> dict[tuple[str, str], str]:
    """Within a subject, scopes written in other cases or numbers ("Food stores", "food store")
    are one: each ``(subject, scope)`` maps to its group's ``preferred`` spelling (a company's
    named line, "deposits", over a segment's "Deposit"), else its most frequent (then the
    first in order)."""
    counts = Counter(pairs)
    groups: dict[tuple[str, str], list[str]] = {}
    for subject, scope in counts:
        groups.setdefault((subject, _scope_key(scope)), []).append(scope)
    out = {}
    for (subject, _), spellings in groups.items():
        if len(spellings) > 1:
            best = min(spellings, key=lambda x: ((subject, x) not in preferred, -counts[(subject, x)], x))
            out.update({(subject, x): best for x in spellings if x != best})
    return out


def _company_fiscal_year_ends(claims: list[Claim]) -> None:
    """A company's fiscal figures in a document that does not say when its fiscal year ends
    (a wire story's "fiscal third-quarter profit") take the end its other documents state,
    when they all state the same one: the periods then compare with its release's. When none
    states one and a document dates the company's quarters as calendar quarters, its fiscal
    years are calendar years (December)."""
    ends: dict[str, set] = {}
    calendar_quarters: set[str] = set()  # companies a document dates by calendar quarters
    for c in claims:
        if c.entity_type == "company" and c.fiscal and c.fiscal_year_end is not None and c.subject:
            ends.setdefault(c.subject, set()).add(c.fiscal_year_end)
        elif c.entity_type == "company" and not c.fiscal and c.quarter and c.year and c.subject:
            calendar_quarters.add(c.subject)
    for c in claims:
        if c.entity_type != "company" or not c.fiscal or c.fiscal_year_end is not None:
            continue
        if len(ends.get(c.subject, ())) == 1:
            c.fiscal_year_end = next(iter(ends[c.subject]))
        elif c.subject in calendar_quarters and c.subject not in ends:
            # an analyst's "FY25E" for a company whose own release dates its quarters as calendar
            # quarters and no document says its year ends in another month: the calendar year
            c.fiscal, c.fiscal_year_end = False, 12
            c.period_label = c.period_label.replace("FY", "")


def assign_ids(claims: list[Claim]) -> None:
    """Give each claim an id from its document, meaning and figure (not its position)."""
    seen: Counter = Counter()
    for c in sorted(claims, key=lambda c: (c.doc, c.pos)):
        key = "|".join(
            str(x)
            for x in (c.doc_id or c.doc, c.metric, c.subject, c.scope, c.year, c.period_start, c.period_end, c.unit, c.figure)
        ) + (f"|{c.statement}" if c.statement else "")
        seen[key] += 1
        digest = hashlib.sha1(f"{key}|{seen[key]}".encode("utf-8")).hexdigest()[:12]
        c.claim_id = f"C{digest}"


def normalize(claims: list[Claim], *, subject_cutoff: float = 90.0, company_words: list[str] = (),
              word_forms: dict[str, str] | None = None, generic_words: list[str] = ()) -> list[Claim]:
    """Merge subject spellings and assign ids, in place; returns the claims sorted by doc and position."""
    canon = canonical_subjects([c.subject for c in claims if c.metric != QUALITATIVE], cutoff=subject_cutoff,
                               word_forms=word_forms)
    spelled: dict[str, Counter] = {}  # an economy's name as the documents whose spelling won write it
    for c in claims:
        if c.entity_type == "economy" and c.entity and canon.get(c.subject, c.subject) == c.subject:
            spelled.setdefault(c.subject, Counter())[c.entity] += 1
    named = _usual_spellings(spelled)
    for c in claims:
        merged = canon.get(c.subject, c.subject)
        if merged != c.subject and c.entity_type == "economy" and merged in named:
            c.entity = named[merged]  # "Kestrian" in the bulletin is the "Kestria" of the other documents
        c.subject = merged
    _subjects_from_titles(claims, word_forms or {})
    _companies_from_segments(claims)
    _companies_from_mentions(claims, {w.lower() for w in generic_words})
    full = canonical_companies({c.subject for c in claims if c.entity_type == "company" and c.subject},
                               list(company_words))
    for c in claims:
        if c.entity_type == "company" and c.subject in full:
            c.subject = full[c.subject]
    _company_fiscal_year_ends(claims)
    scopes = canonical_scopes([(c.subject, c.scope) for c in claims if c.scope and c.metric != QUALITATIVE],
                              frozenset((c.subject, c.scope) for c in claims if c.scope_type == "line_item"))
    if scopes:
        for c in claims:
            c.scope = scopes.get((c.subject, c.scope), c.scope)
    assign_ids(claims)
    return sorted(claims, key=lambda c: (c.doc, c.pos))


_ROW = operator.attrgetter(*COLUMNS)


def claims_frame_dtypes() -> dict[str, str]:
    """The claims table's column dtypes (a copy)."""
    return dict(_DTYPES)


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """The claims table as a DataFrame with the documented columns and dtypes."""
    # Column by column: a dict per row would hold the whole table twice more while it is built.
    columns = zip(*map(_ROW, claims)) if claims else ([] for _ in COLUMNS)
    frame = pd.DataFrame(dict(zip(COLUMNS, map(list, columns))), columns=COLUMNS)
    return frame.astype(_DTYPES)
