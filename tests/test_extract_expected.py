"""Extraction against hand-written expectations: the seeds, and documents written for the tests.

Each expected row names a claim by document, line and value; the test checks its metric,
scope, time and qualifier, and that no claim appears that is not expected.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import reconcile

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    ("sources", "tests/expected/seed_claims.csv"),
    ("tests/corpus", "tests/expected/corpus_claims.csv"),
]


def _expected(path):
    return pd.read_csv(ROOT / path, dtype=str, keep_default_na=False)


def _same(actual, expected: str) -> bool:
    if expected == "":
        return actual is None or actual is pd.NA or (isinstance(actual, float) and math.isnan(actual))
    if actual is None or actual is pd.NA:
        return False
    if isinstance(actual, (int, float)) or hasattr(actual, "item"):
        return math.isclose(float(actual), float(expected), rel_tol=1e-9)
    return str(actual) == expected


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def case(request):
    folder, expected = request.param
    frame = reconcile.extract_claims(str(ROOT / folder))
    frame = frame[frame["metric"] != "qualitative"].copy()  # figures here; qualitative claims below
    frame["file"] = frame["doc"].map(lambda d: Path(d).name)
    return frame, _expected(expected)


def test_every_expected_claim_is_found_with_its_attributes(case):
    frame, expected = case
    problems = []
    for _, exp in expected.iterrows():
        rows = frame[(frame.file == exp.doc) & (frame.line == int(exp.line))]
        rows = rows[rows.value.map(lambda v: math.isclose(v, float(exp.value), rel_tol=1e-9))]
        if len(rows) != 1:
            problems.append(f"{exp.doc}:{exp.line} {exp.value}: found {len(rows)} rows")
            continue
        row = rows.iloc[0]
        for col in ("unit", "metric", "scope", "scope_type", "year", "period_start", "period_end", "qualifier", "kind"):
            if col == "kind" and exp[col] == "":
                continue  # kind not asserted for this row
            if not _same(row[col], exp[col]):
                problems.append(f"{exp.doc}:{exp.line} {exp.value}: {col} is {row[col]!r}, expected {exp[col]!r}")
    assert not problems, "\n".join(problems)


def test_no_unexpected_claims(case):
    frame, expected = case
    assert len(frame) == len(expected), frame[["file", "line", "figure", "metric"]].to_string()


def test_seed_counts_per_document():
    frame = reconcile.extract_claims(str(ROOT / "sources"))
    frame = frame[frame["metric"] != "qualitative"]
    counts = frame.doc.map(lambda d: Path(d).name[:3]).value_counts().to_dict()
    assert counts == {"001": 22, "002": 10}


def test_seed_qualitative_claims():
    """The words that rank or single out a region, each with the region it is about; not
    "North America and Europe …" style joint claims, nor hedged ones."""
    frame = reconcile.extract_claims(str(ROOT / "sources"))
    words = frame[(frame["metric"] == "qualitative") & (frame["statement"] != "listed_under")]
    got = [(Path(r.doc).name[:3], r.line, r.statement, r.scope, r.figure) for r in words.itertuples()]
    assert got == [
        ("001", 9, "largest", "North America", "Dominant Region"),
        ("001", 10, "fastest_growing", "Asia Pacific", "Growing Region"),
        ("001", 29, "largest", "North America", "leads the market"),
        ("001", 31, "rapid_growth", "Asia Pacific", "very rapid growth"),
        ("002", 70, "second_largest", "Europe", "follows with"),
        ("002", 70, "rapid_growth", "Asia Pacific", "rapidly expanding"),
    ]
    assert words["value"].tolist()[:3] == [1.0, 1.0, 1.0] and words["unit"].eq("").all()


def test_quotes_are_exact_and_lines_point_at_the_figure():
    frame = reconcile.extract_claims([str(ROOT / "sources"), str(ROOT / "tests/corpus")])
    for row in frame.itertuples():
        text = Path(row.doc).read_text("utf-8-sig")
        assert text[row.start : row.end] == row.quote
        assert row.figure in row.quote
        line_text = text.split("\n")[row.line - 1]
        assert row.figure in line_text or row.figure.split()[0] in line_text


def test_subjects_are_merged_across_spellings():
    frame = reconcile.extract_claims(str(ROOT / "sources"))
    # "Personalized Medicines Market" (002) and "personalized medicine market" (001) are one market.
    assert set(frame.subject) == {"personalized medicine"}


def test_claim_ids_are_unique_and_stable_across_line_shifts(tmp_path):
    src = (ROOT / "sources" / "001_df29e0ce6f524626.txt").read_text("utf-8")
    (tmp_path / "a.txt").write_text(src, "utf-8")
    first = reconcile.extract_claims(str(tmp_path / "a.txt"))
    (tmp_path / "a.txt").write_text("A new opening paragraph with no figures.\n\n" + src, "utf-8")
    second = reconcile.extract_claims(str(tmp_path / "a.txt"))
    assert first.claim_id.is_unique
    assert list(first.claim_id) == list(second.claim_id)
    assert list(second.line) == [n + 2 for n in first.line]
