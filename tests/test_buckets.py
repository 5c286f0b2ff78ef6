"""The rules in buckets on an executor find exactly what they find over the whole table: the
same findings, in the same order, with the same messages and fingerprints, and the same
``corroborated_by`` ids, whatever the number of buckets."""

from __future__ import annotations

import dataclasses
import shutil
import sys
import tomllib
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path

import pytest

from claimrows import claims_table
from reconcile.buckets import bucket_count, run_rules_in_buckets, stable_bucket
from reconcile.check import _corroborated, check_corpus, facts_from, run_rules
from reconcile.engine import workers_of

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate_corpus import generate  # noqa: E402

CASES_DIR = Path(__file__).parent / "rules" / "cases"
BUCKETS = (1, 3, 7)


class InProcess(Executor):
    """A fake executor: each task runs at once, in this thread."""

    def submit(self, fn, /, *args, **kwargs):
        future = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@pytest.fixture(scope="module")
def pool():
    with ThreadPoolExecutor(3) as pool:
        yield pool


def _whole(claims, settings, **options):
    """``check``'s findings and ``corroborated_by`` ids over the whole table, as a local run gives them."""
    facts = facts_from(claims, settings)
    findings = run_rules(claims, settings, facts=facts, **options)
    return findings, _corroborated(facts, settings, options.get("select"), options.get("ignore"))


def same_in_buckets(claims, settings, executor, *, buckets=(*BUCKETS, None), **options):
    """Assert the bucketed rules give the whole table's findings (as reports show them: every
    field, in order) and ids, for each number of buckets (None: as many as the executor's
    workers ask); return the whole table's."""
    findings, corroborated = _whole(claims, settings, **options)
    expected = [f.as_dict() for f in findings]
    for n in buckets:
        got = run_rules_in_buckets(claims, settings, executor=executor, buckets=n, **options)
        assert [f.as_dict() for f in got.findings] == expected, f"{n} buckets"
        assert got.corroborated == corroborated, f"{n} buckets"
    return findings, corroborated


def _cases(path: Path):
    spec = tomllib.loads(path.read_text("utf-8"))
    return spec["rule"], spec["cases"]


@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.toml")), ids=lambda p: p.stem)
def test_every_rule_case_in_buckets(settings, path):
    """Every rule's cases (both kinds), with every rule running: the same findings (in seven
    buckets, which part a case's few documents and markets most; other counts below)."""
    code, cases = _cases(path)
    found = 0
    for case in cases:
        case_settings = settings
        if "rates" in case:
            case_settings = dataclasses.replace(case_settings, rates=case["rates"])
        if "measures" in case:
            rules = dict(settings.settings.get("rules", {}))
            rules[code] = dict(rules.get(code, {}), measures=case["measures"])
            case_settings = dataclasses.replace(case_settings, settings=dict(settings.settings, rules=rules))
        findings, _ = same_in_buckets(claims_table(case["claims"]), case_settings, InProcess(), buckets=(7,))
        found += sum(f.rule == code for f in findings)
    assert found  # the contradicting cases were found, in buckets too


def _generated(folder: Path) -> Path:
    """A generated corpus: 8 markets (some by near-miss names), and two documents copied."""
    generate(80, folder, seed=11, per_market=10)
    docs = sorted(p for p in folder.iterdir() if p.name != "metadata.toml")
    shutil.copy(docs[0], folder / f"copy_of_{docs[0].name}")
    shutil.copy(docs[5], folder / f"copy_of_{docs[5].name}")
    return folder


@pytest.mark.parametrize("corpus", ["sources", "eval", "generated"])
def test_corpora_in_buckets(settings, pool, tmp_path, corpus):
    paths = {"sources": ["sources"], "eval": ["eval/docs"], "generated": [str(_generated(tmp_path / "g"))]}[corpus]
    claims = check_corpus(paths, settings).claims.assign(corroborated_by="")
    findings, corroborated = same_in_buckets(claims, settings, pool)
    # (the generated corpus plants CAGR, outlier and share contradictions; its firms' regional splits
    # are each firm's own, so three rules at least)
    assert len({f.rule for f in findings}) >= (3 if corpus == "generated" else 4)
    assert claims["subject"].nunique() >= (1 if corpus == "sources" else 8)
    if corpus == "sources":
        assert corroborated or any(f.rule == "RC701" for f in findings)  # the reference facts took part
    if corpus == "generated":
        assert facts_from(claims, settings).copies  # the copies were found, and left out
    # and with rules left out
    same_in_buckets(claims, settings, pool, select=["RC2", "RC6"], ignore=["RC602"])


def _figures(doc: str, subject: str, values: list[tuple[str, float, int]]) -> list[dict]:
    return [{"doc": doc, "subject": subject, "metric": metric, "value": value, "year": year,
             **({"unit": "percent", "period_start": 2024, "period_end": year} if metric == "cagr" else {})}
            for metric, value, year in values]


def test_copies_span_markets(settings, pool):
    """Copies are found from whole documents: a bucket of one market would pair other documents."""
    rows = []
    # a.md and b.md are one report (every figure alike), though for "x" each gives one figure only:
    # with c.md, two sources against g.md
    for doc in ("a.md", "b.md"):
        rows += _figures(doc, "y", [("market_size", 1.0e9, 2024), ("market_size", 1.1e9, 2025),
                                    ("market_size", 2.0e9, 2030), ("cagr", 12.2, 2030)])
        rows += _figures(doc, "x", [("market_size", 5.0e9, 2024)])
        rows += [{"doc": doc, "line": 40 + i, "metric": "qualitative", "statement": "listed_under", "dimension": region,
                  "scope": "Turkey", "scope_type": "country", "figure": "Turkey", "subject": "y"}
                 for i, region in enumerate(("Europe", "Middle East & Africa"))]  # a copy's finding is no other
    rows += _figures("c.md", "x", [("market_size", 5.0e9, 2024)])
    rows += _figures("g.md", "x", [("market_size", 8.0e9, 2024)])
    # d.md and e.md agree on "z" only: two sources, though their "z" figures alone look like copies
    for doc, w in (("d.md", 1.0), ("e.md", 3.0)):
        rows += _figures(doc, "z", [("market_size", 3.0e9, 2024), ("market_size", 6.0e9, 2030), ("cagr", 12.25, 2030)])
        rows += _figures(doc, "w", [("market_size", w * k * 1e8, 2010 + k) for k in range(1, 11)])
    rows += _figures("f.md", "z", [("market_size", 4.5e9, 2024)])
    claims = claims_table(rows)
    whole = facts_from(claims, settings).copies
    assert whole == {"a.md": ["b.md"]}
    for market in ("x", "z"):  # what one market's claims alone would give
        assert facts_from(claims[claims["subject"] == market], settings).copies != whole
    findings, _ = same_in_buckets(claims, settings, pool)
    assert [f.docs for f in findings if f.rule == "RC602"] == [["a.md"]]
    conflicts = {f.subject: f.message for f in findings if f.rule == "RC201"}
    assert "2 sources (a.md, c.md; 1 near-identical copy of them not counted) agree" in conflicts["x"]
    assert "states USD 4.5B, the odd one out: 2 sources (d.md, e.md) agree" in conflicts["z"]


def apart(*keys: str) -> bool:
    """Whether one of the bucket counts tested puts ``keys`` (markets, documents) in different buckets."""
    return any(len({stable_bucket(k, n) for k in keys}) == len(keys) for n in BUCKETS)


def test_a_sentence_read_under_two_markets(settings, pool):
    """A change's amount (RC104) and a share of the whole (an unnamed part) read under another
    market than the figures beside them; a company's share of a market (RC406) and regional
    lists whose items are read under two markets (RC602): found as over the whole table."""
    change = "Keldra Systems revenue rose by $12.0 million to $150.0 million in 2025, an increase of 15%."
    part = "Cloud-based solutions generated USD 1.79 billion in 2024, or 63% of the total."
    rows = [
        {"doc": "a.md", "line": 3, "start": 100, "quote": change, "figure": "$12.0 million", "metric": "other",
         "measure": "other", "basis": "change", "subject": "keldra systems", "value": 12e6, "year": 2025},
        {"doc": "a.md", "line": 3, "start": 100, "quote": change, "figure": "$150.0 million", "metric": "revenue",
         "subject": "keldra", "value": 150e6, "year": 2025},
        {"doc": "a.md", "line": 3, "start": 100, "quote": change, "figure": "15%", "metric": "growth",
         "subject": "keldra", "value": 15, "unit": "percent", "year": 2025},
        {"doc": "b.md", "line": 5, "start": 300, "quote": part, "figure": "USD 1.79 billion", "metric": "market_size",
         "subject": "saas", "value": 1.79e9, "year": 2024},
        {"doc": "b.md", "line": 5, "start": 300, "quote": part, "figure": "63%", "metric": "share",
         "subject": "cloud-based solutions", "scope_type": "global", "value": 63, "unit": "percent", "year": 2024},
        {"doc": "c.md", "metric": "market_size", "subject": "saas", "value": 2.84e9, "year": 2024},
        {"doc": "d.md", "metric": "revenue", "value": 218.4e6, "year": 2024, "subject": "stridewell",
         "entity_type": "company", "entity": "Stridewell"},
        {"doc": "d.md", "metric": "market_size", "value": 1.46e9, "year": 2024, "subject": "industrial exoskeleton"},
        {"doc": "d.md", "metric": "share", "value": 21, "unit": "percent", "qualifier": "approx", "year": 2024,
         "subject": "stridewell", "entity_type": "company", "entity": "Stridewell", "scope_type": "global",
         "quote": "its revenue represents approximately 21% of the global market", "figure": "21%"},
    ]
    for line, (region, country, subject) in enumerate([("Europe", "Germany", "smart glass"),
                                                       ("Europe", "Turkey", "smart glass"),
                                                       ("Middle East & Africa", "Turkey", "smart film"),
                                                       ("Middle East & Africa", "Saudi Arabia", "smart film")]):
        rows.append({"doc": "e.md", "line": 40 + line, "metric": "qualitative", "statement": "listed_under",
                     "dimension": region, "scope": country, "scope_type": "country", "figure": country,
                     "subject": subject})
    claims = claims_table(rows)
    for pair in (("keldra", "keldra systems"), ("saas", "cloud-based solutions"),
                 ("stridewell", "industrial exoskeleton"), ("smart glass", "smart film")):
        assert apart(*pair)  # some bucket count tests each pair apart
    findings, _ = same_in_buckets(claims, settings, pool)
    by_rule = {f.rule: f for f in findings}
    assert {c["subject"] for c in by_rule["RC104"].claims} == {"keldra", "keldra systems"}
    assert "RC201" not in by_rule  # USD 1.79 billion is a part of saas, not the whole market
    assert {c["subject"] for c in by_rule["RC406"].claims} == {"stridewell", "industrial exoskeleton"}
    assert {c["subject"] for c in by_rule["RC602"].claims} == {"smart glass", "smart film"}
    # read one market at a time, none of these would be found as they are
    alone = {f.rule: f for market in claims["subject"].unique()
             for f in run_rules(claims[claims["subject"] == market], settings)}
    assert not {"RC104", "RC406", "RC602"} & set(alone)
    assert "saas market size (2024)" in alone["RC201"].message


def test_a_market_is_judged_in_its_own_bucket(settings, pool):
    """A bucket holds other markets' claims too (in the documents of its own markets), but only
    some of their documents: it keeps the findings about its own markets only."""
    rows = []
    for doc, smart, cold in (("m1.md", 4.0e9, 5.0e9), ("m4.md", 4.0e9, 8.0e9), ("m2.md", None, 8.0e9),
                             ("m3.md", None, 8.0e9)):
        if smart is not None:
            rows += _figures(doc, "smart glass", [("market_size", smart, 2024)])
        rows += _figures(doc, "cold chain monitoring", [("market_size", cold, 2024)])
    claims = claims_table(rows)
    assert apart("smart glass", "cold chain monitoring")
    findings, _ = same_in_buckets(claims, settings, pool)
    (f,) = findings
    assert "m1.md:2 states USD 5B, the odd one out: 3 sources (m2.md, m3.md, m4.md) agree" in f.message
    # the documents that state smart glass alone would give another finding about cold chain monitoring
    (partial,) = run_rules(claims[claims["doc"].isin(["m1.md", "m4.md"])], settings)
    assert partial.fingerprint != f.fingerprint


def test_a_company_name_is_settled_over_every_document(settings, pool):
    """"Harrowgate" is Harrowgate Instruments (the reference's) only when no other company in
    the corpus is a Harrowgate too: which it is, is settled over every document's names."""
    reference = {"doc": "rules/reference/companies.csv", "doc_id": "reference/companies.csv", "line": 4,
                 "source_type": "reference", "metric": "revenue", "subject": "harrowgate instruments",
                 "entity": "Harrowgate Instruments Inc.", "entity_type": "company", "scope_type": "company",
                 "scope": "Harrowgate Instruments Inc.", "value": 1.92e9, "year": 2023, "figure": "1,920 million",
                 "fiscal_year_end": 12}
    said = "Harrowgate reported revenue of $2.40 billion in 2023."
    other = "Harrowgate Technologies reported revenue of $5.10 billion in 2023."
    rows = [reference,
            {"doc": "a.md", "start": 10, "quote": said, "figure": "$2.40 billion", "metric": "revenue",
             "subject": "lab automation", "entity": "Harrowgate", "entity_type": "company", "value": 2.4e9,
             "year": 2023},
            {"doc": "b.md", "start": 10, "quote": other, "figure": "$5.10 billion", "metric": "revenue",
             "subject": "harrowgate technologies", "entity": "Harrowgate Technologies", "entity_type": "company",
             "value": 5.1e9, "year": 2023}]
    claims = claims_table(rows)
    assert apart("a.md", "b.md")  # some bucket count reads the two documents apart
    findings, corroborated = same_in_buckets(claims, settings, pool)
    assert not [f for f in findings if f.rule == "RC701"]  # "Harrowgate" is not known to be the reference's
    without_b = claims[claims["doc"] != "b.md"]
    assert [f.rule for f in run_rules(without_b, settings, select=["RC701"])] == ["RC701"]  # alone, it would be
    same_in_buckets(without_b, settings, pool)


def test_bucket_of_a_market_is_the_same_in_every_process():
    """hashlib's digest, not Python's salted ``hash()``: these are the buckets in any process."""
    assert [stable_bucket(m, 7) for m in ("smart glass", "cold chain monitoring", "keldra", "")] == [0, 6, 0, 0]
    assert [stable_bucket(m, 3) for m in ("smart glass", "cold chain monitoring", "keldra", "")] == [2, 1, 2, 0]


def test_every_rule_has_a_reach_the_buckets_know():
    """A rule reads one market ("market"), one document ("document"), or, for RC701 alone, the
    corpus: reconcile.buckets runs each kind its own way, and a new kind needs a way of its own."""
    from reconcile.rules import RULES

    reaches = {rule.code: rule.reach for rule in RULES}
    assert set(reaches.values()) == {"market", "document", "corpus"}
    assert [code for code, reach in reaches.items() if reach == "corpus"] == ["RC701"]
    assert [code for code, reach in reaches.items() if reach == "document"] == ["RC406", "RC601", "RC602", "RC603"]


def test_bucket_count():
    assert bucket_count(2, 1000) == 8  # four per worker
    assert bucket_count(8, 5) == 5  # never more than the markets
    assert bucket_count(4, 0) == 1
    with ThreadPoolExecutor(3) as pool:
        assert workers_of(pool) == 3


def test_nothing_to_run(settings, pool):
    claims = claims_table([{"metric": "market_size", "value": 1e9, "year": 2024}])
    assert run_rules_in_buckets(claims, settings, executor=pool, select=["RC1"], ignore=["RC1"]) == ([], {})
    assert run_rules_in_buckets(claims.iloc[:0], settings, executor=pool) == ([], {})
