"""What each settings and data file holds: one declarative spec per file, read from its
header and the code that consumes it, and checked by :func:`reconcile.schema.check`.

Vocabularies whose names a user chooses (regions, segment dimensions, measures, currencies,
scale words, years of rates) are open tables: their names are free, their values are not.
Every other table is closed, so a typo (``[bandz]``, ``aprox``) is reported, not ignored.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from .findings import SEVERITIES
from .schema import Bool, Date, ListOf, Mismatch, Num, Str, Table, toml_key

FAIL_ON = (*SEVERITIES, "never")

#: Cue words and phrases: an empty one would match everywhere.
WORDS = ListOf(Str(blank=False), expected="a list of words (non-empty strings)")
#: A table of word lists under names the user chooses.
WORD_LISTS = Table(values=WORDS)
#: The words naming a kind of margin or rate: a kind with none could never be found.
CUES = ListOf(Str(blank=False), least=1, expected="a list of at least one word (non-empty strings)")
#: Names that become pint unit names or regex group names must be identifiers.
IDENTIFIER = (str.isidentifier, "expected a name of letters, digits and _ (not starting with a digit)")
FRACTION = Num(0, 1, hi_open=True, expected="a fraction from 0 to 1 (below 1)")


def _closed_words(*names: str) -> Table:
    return Table({n: WORDS for n in names})


UNITS = Table({
    "currencies": Table(values=Table({"prefix": WORDS, "suffix": WORDS, "minor": WORDS}), names=IDENTIFIER),
    "scales": Table(values=Num(0, lo_open=True, expected="a positive number (the factor)"), names=IDENTIFIER),
    "iso": Table({"codes": Bool(), "not_codes": WORDS, "declared_by": WORDS}),
})

REGIONS = Table({
    "world": _closed_words("areas", "rest"),
    "regions": Table(values=Table({
        "aliases": WORDS,
        "type": Str(choices=("global", "region", "country")),
        "parent": Str(blank=False),
        "covers": ListOf(Str(blank=False), expected="a list of world areas from [world] areas"),
    })),
})

SEGMENTS = Table({
    "dimensions": WORD_LISTS,
    "aliases": Table(values=Str(blank=False, expected="a segment label (a non-empty string)")),
})

EXTRACT = Table({
    "qualifiers": _closed_words("approx", "over", "under", "range"),
    "metrics": WORD_LISTS,
    "kinds": _closed_words("against", "consensus", "guidance", "forecast", "estimate", "actual", "outcome"),
    "companies": _closed_words("verbs", "pronouns", "story_verbs", "name_stops", "describes", "expects", "share_price",
                               "as_of_price", "as_of_value", "price_target", "price_target_after", "loss_words"),
    "periods": Table({"forecast": WORDS, "partial_year": WORD_LISTS}),
    "subjects": Table({**{n: WORDS for n in ("company_name_words", "generic_name_words", "drop", "stop", "not_names",
                                             "firm_words", "report_words")},
                       "word_forms": Table(values=Str(expected="the word's usual form (\"\" drops the word)"))}),
    "scope_after": _closed_words("stop", "not_scope"),
    "listed_parts": _closed_words("not_names", "leads"),
    "sales_lines": Table(values=WORDS),
    "components": _closed_words("verbs", "pushes", "tail_words", "head_words", "between_words", "not_parts",
                                "price_words", "measure_words", "other_wholes", "share_verbs", "market_words"),
    "limits": Table({"max_amount": Num(0, lo_open=True), "max_percent": Num(0, lo_open=True),
                     "max_figures": Num(1, whole=True)}),
    "statements": Table(values=Table({
        "about": Str(choices=("size", "growth")),
        "rank": Num(0, whole=True),
        "cues": WORDS, "leads": WORDS, "labels": WORDS,
    }, required=("about", "rank"))),
    "statement_guards": _closed_words("before"),
})

_MEASURE_NAME = Str(blank=False, expected="a measure's name (a non-empty string)")
MEASURES = Table({
    "measures": Table(values=Table({
        "family": Str(choices=("market_size", "revenue", "cagr", "share", "growth", "other")),
        "units": ListOf(Str(choices=("money", "percent", "count")),
                        expected='a list of "money", "percent" or "count"'),
        "additive": Bool(),
        "cues": WORDS,
    })),
    "margins": Table(values=Table({"of": _MEASURE_NAME, "over": _MEASURE_NAME, "cues": CUES},
                                  required=("of", "over", "cues"))),
    "rates": Table(values=Table({"cues": CUES, "change": Bool()}, required=("cues",))),
    "adjustment": Table(values=Table({"cues": CUES}, required=("cues",))),
    "line_items": Table(values=Table({"measure": _MEASURE_NAME, "cues": CUES}, required=("cues",))),
    "signs": _closed_words("negative", "positive", "negative_after", "positive_after", "not_amount_change"),
    "basis": Table(values=WORDS, names=IDENTIFIER),
    "accounting": Table(values=WORDS, names=IDENTIFIER),
    "quantities": Table(values=Table({"cues": CUES}, required=("cues",))),
    "counts": Table({"nouns": WORDS, "amounts": WORDS, "people": Table(values=WORDS)}),
})

_ALPHA3 = (lambda k: len(k) == 3 and k.isascii() and k.isupper() and k.isalpha(),
           "expected an ISO 3166-1 alpha-3 code like KOR (three capital letters)")
COUNTRIES = Table({
    "areas": Table(values=ListOf(Str(blank=False), expected="a list of world areas from [world] areas in regions.toml"),
                   names=_ALPHA3),
    "aliases": Table(values=Str(blank=False, expected='an ISO 3166-1 alpha-3 code like "KOR"')),
})

RATES = Table({
    "base": Str(blank=False, expected='a currency code like "USD"'),
    "years": Table(
        values=Table(values=Num(0, lo_open=True, expected="a positive number (base-currency units per one)"),
                     names=IDENTIFIER),
        names=(str.isdigit, "expected a year like 2024 with a table of CURRENCY = rate")),
})


@lru_cache(maxsize=1)
def rule_defaults() -> dict:
    """``[rules.CODE]`` options as the built-in settings.toml sets them."""
    text = resources.files("reconcile").joinpath("data", "settings.toml").read_text("utf-8")
    return tomllib.loads(text).get("rules", {})


#: Rule options whose range is not simply "0 or more".
_OPTION_RANGES = {
    "min_confidence": Num(0, 1),
    "consensus_documents": Num(1, whole=True),
    "min_overlap": Num(0, 1),
    "reference_candidates": Num(1, whole=True),
}


def _option(key: str, default) -> object:
    """A rule option's spec, from its default value."""
    like = f" (like {default!r})"
    if isinstance(default, bool):
        return Bool()
    if isinstance(default, (int, float)):
        spec = _OPTION_RANGES.get(key) or Num(0, whole=isinstance(default, int))
        return replace(spec, expected=spec.describe() + like)
    if isinstance(default, str):
        return Str(choices=SEVERITIES) if key.endswith("severity") else Str()
    if all(isinstance(x, str) for x in default):
        return ListOf(Str(blank=False))
    return ListOf(Num(), size=len(default), expected=f"a list of {len(default)} numbers{like}")


def rule_specs() -> Table:
    """``[rules.<CODE>]``: the codes and options the built-in settings.toml defines."""
    rules = {
        code: Table({k: _option(k, v) for k, v in opts.items()},
                    unknown=f"[rules.{code}] has no option {{key!r}}; it has {{known}}")
        for code, opts in rule_defaults().items()
    }
    return Table(rules, unknown="[rules.{key}]: no such rule (see `reconcile rules`)",
                 expected="a table of [rules.CODE] tables")


SETTINGS = Table({
    "subjects": Table({"fuzzy_cutoff": Num(0, 100)}),
    "sources": Table({"copy_similarity": Num(0, 1.01, lo_open=True, expected=(
        "a fraction from 0 to 1, or 1.01 to turn it off")),
        "exclude": ListOf(Str(blank=False), expected="a list of glob patterns (non-empty strings)")}),
    "bands": Table({"approx": FRACTION, "relative": FRACTION}),
    "check": Table({"fail_on": Str(choices=FAIL_ON)}),
    "rules": rule_specs(),
})


def _regions_agree(data: dict) -> None:
    """A region's ``covers`` are areas of ``[world]``, and its ``parent`` is a region."""
    areas = set(data.get("world", {}).get("areas", []))
    regions = data.get("regions", {})
    for name, spec in regions.items():
        at = f"[regions.{toml_key(name)}]"
        for area in spec.get("covers", []):
            if area not in areas:
                raise Mismatch(f"{at} covers {json.dumps(area)}: expected one of the [world] areas "
                               f"({', '.join(sorted(areas))})")
        parent = spec.get("parent")
        if parent is not None and parent not in regions:
            raise Mismatch(f"{at} parent = {json.dumps(parent)}: no such region in [regions]")


def _settings_agree(data: dict) -> None:
    """A rule's two-number option is a range: its low end comes first."""
    for code, opts in data.get("rules", {}).items():
        for key, value in opts.items():
            if isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value) \
                    and value[0] > value[1]:
                raise Mismatch(f"[rules.{code}] {key} = {json.dumps(value)}: expected [low, high], the low end first")


REFERENCE = Table({
    "names": _closed_words("legal_suffixes"),
    "documents": _closed_words("before_measure", "before_figure", "change_base", "after_figure", "clause_end",
                               "lead_words", "part_words"),
    "companyfacts": Table({
        "year_days_min": Num(1, whole=True, expected="a whole number of days"),
        "year_days_max": Num(1, whole=True, expected="a whole number of days"),
        "concepts": Table(values=ListOf(Str(blank=False), least=1, expected=(
            "a list of at least one XBRL concept name (non-empty strings)"))),
        "units": Table(values=Str(blank=False, expected='a unit of the claims table, like "USD"')),
    }),
})


def _reference_agree(data: dict) -> None:
    """A full year's days: the least no more than the most. (That each concept's measure is one
    of measures.toml's is checked where reference files are read: it needs both files.)"""
    cfg = data.get("companyfacts", {})
    low, high = cfg.get("year_days_min", 350), cfg.get("year_days_max", 380)
    if low > high:
        raise Mismatch(f"[companyfacts] year_days_min = {low} is above year_days_max = {high}")


def _countries_agree(data: dict) -> None:
    """A country's areas are world areas (of the built-in regions.toml), and an alias names a country of [areas]."""
    areas = set(tomllib.loads(resources.files("reconcile").joinpath("data", "regions.toml").read_text("utf-8"))
                ["world"]["areas"])
    codes = data.get("areas", {})
    for code, listed in codes.items():
        for area in listed:
            if area not in areas:
                raise Mismatch(f"[areas] {code} = {json.dumps(listed)}: {json.dumps(area)} is not a world area; "
                               f"expected one of {', '.join(sorted(areas))}")
    for alias, code in data.get("aliases", {}).items():
        if code not in codes:
            raise Mismatch(f"[aliases] {toml_key(alias)} = {json.dumps(code)}: no such country in [areas]")


def _rates_agree(data: dict) -> None:
    if data.get("years") and "base" not in data:
        raise Mismatch('rates need a base currency: base = "USD"')


#: Each data file's spec, and what its keys must say of one another once merged.
FILES = {
    "units": (UNITS, None),
    "regions": (REGIONS, _regions_agree),
    "segments": (SEGMENTS, None),
    "extract": (EXTRACT, None),
    "measures": (MEASURES, None),
    "settings": (SETTINGS, _settings_agree),
    "rates": (RATES, _rates_agree),
    "reference": (REFERENCE, _reference_agree),
    "countries": (COUNTRIES, _countries_agree),
}


WAIVERS = Table({
    "waiver": ListOf(Table({
        "fingerprint": Str(blank=False), "rule": Str(blank=False), "doc": Str(blank=False),
        "subject": Str(blank=False), "reason": Str(blank=False), "owner": Str(blank=False), "expires": Date(),
    }, required=("reason", "owner"), expected="a [[waiver]] table"), label="waiver",
        expected="[[waiver]] tables"),
})

BASELINE_ENTRY = Table({
    "fingerprint": Str(blank=False), "rule": Str(), "name": Str(), "summary": Str(),
    "count": Num(0, whole=True), "claims": ListOf(Str()),
}, required=("fingerprint",), missing="{at} has no {key}")

_BASELINE_SHAPE = '{"version": 1, "findings": [...]}'
_ESCAPED = _BASELINE_SHAPE.replace("{", "{{").replace("}", "}}")  # the message is a format template
BASELINE = Table({
    "version": Num(1, 1, whole=True, expected=f"1 (a reconcile baseline is {_BASELINE_SHAPE})"),
    "findings": ListOf(BASELINE_ENTRY, label="baseline entry", expected="a list of findings"),
}, required=("version", "findings"), expected=f"a reconcile baseline: {_BASELINE_SHAPE}",
    missing=f"not a reconcile baseline: expected {_ESCAPED} ({{key}} is missing)")
