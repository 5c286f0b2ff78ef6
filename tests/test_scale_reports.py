"""Reports that stay small on large corpora: report.json quotes each cited claim once, the
HTML page caps its cards and claims table and says so, chart labels are bounded."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

from reconcile.check import check_corpus
from reconcile.report import render
from reconcile.report.chart import MAX_LABELS, market_chart
from reconcile.report.html import shown_claims, to_html

SCHEMA = Path(__file__).parent / "schemas" / "report-2.schema.json"


@pytest.fixture(scope="module")
def result():
    return check_corpus(["sources"], jobs=1)


def test_report_json_matches_its_schema(result):
    report = json.loads(render(result, "json"))
    jsonschema.validate(report, json.loads(SCHEMA.read_text("utf-8")))


def test_report_json_quotes_each_cited_claim_once(result):
    text = render(result, "json")
    report = json.loads(text)
    cited = [c["claim_id"] for d in report["discrepancies"] for c in d["claims"]]
    assert len(cited) > len(set(cited)), "the seeds cite some claim twice: the case this is about"
    assert list(report["claims"]) == sorted(set(cited), key=lambda i: (report["claims"][i]["doc"],
                                                                         report["claims"][i]["start"], i))
    assert text.count('"quote":') == len(report["claims"])
    table = result.claims.set_index("claim_id")
    for claim_id, c in report["claims"].items():
        assert c["quote"] == table.loc[claim_id, "quote"] and c["line"] == table.loc[claim_id, "line"]


def test_report_json_keeps_each_findings_role_per_claim(result):
    report = json.loads(render(result, "json"))
    by_fingerprint = {f.fingerprint: f for f in result.findings}
    for d in report["discrepancies"]:
        finding = by_fingerprint[d["fingerprint"]]
        assert d["claim_ids"] == [c["claim_id"] for c in finding.claims]
        assert [c["role"] for c in d["claims"]] == [c["role"] for c in finding.claims]


def test_html_caps_the_claims_table_and_says_where_the_rest_are(result):
    cited = {c["claim_id"] for f in result.findings for c in f.claims}
    page = to_html(result, max_claim_rows=len(cited) + 2)
    total = len(result.claims)
    assert f"Showing {len(cited) + 2} of {total} claims" in page
    assert f"{total - len(cited) - 2} more are in claims.csv" in page
    body = page.split('<table id="claims">')[1].split("</tbody>")[0]
    assert body.count("<tr>") == len(cited) + 2 + 1  # and the heading row
    assert "more are in claims.csv" not in to_html(result)


def test_shown_claims_keeps_cited_claims_first_in_table_order():
    claims = pd.DataFrame({"claim_id": [f"C{i}" for i in range(10)], "n": range(10)})
    assert list(shown_claims(claims, {"C7", "C8"}, 4)["claim_id"]) == ["C0", "C1", "C7", "C8"]
    assert list(shown_claims(claims, {"C3", "C5", "C9"}, 2)["claim_id"]) == ["C3", "C5"]
    assert shown_claims(claims, set(), 10) is claims


def test_html_caps_cards_per_market_and_says_how_many_more(result):
    page = to_html(result, max_cards=1)
    assert page.count('<article class="card finding') == 1
    shown = page.split('<article class="card finding')[1].split("</article>")[0].count('class="also"') + 1
    more = len(result.findings) - shown
    assert f"{more} more finding{'s' if more != 1 else ''} about personalized medicine" in page
    assert "report.md and report.json list every finding" in page
    assert "report.md and report.json list every finding" not in to_html(result)


def test_a_crowded_chart_tries_a_bounded_number_of_labels():
    rows = [{"claim_id": f"c{i}", "doc": f"d{i % 40}.txt", "line": i, "start": i, "subject": "widgets",
             "scope": "Global", "metric": "market_size", "value": 1e9 * (1 + i % 97), "unit": "USD",
             "year": 2000 + i % 30, "qualifier": "exact", "low": None, "high": None, "kind": "estimate",
             "figure": "x", "period_start": None, "period_end": None} for i in range(600)]
    chart = market_chart(pd.DataFrame(rows), "widgets", set())
    points = [p for s in chart["series"] for p in s["points"]]
    assert len(points) == 600  # every figure is drawn; only labels are bounded
    assert sum(p["at"] is not None for p in points) <= MAX_LABELS
