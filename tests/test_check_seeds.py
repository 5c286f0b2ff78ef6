"""Acceptance on the bundled sources: exactly the seeds' real contradictions, nothing else."""

from __future__ import annotations

import pytest

from reconcile.check import check_corpus
from seeds import SEED_CLAIMS, SEED_FIGURES, SEED_FINDINGS, SEED_RULES


@pytest.fixture(scope="module")
def result(settings):
    return check_corpus(["sources"], settings)


def _by_rule(result, code):
    return [f for f in result.findings if f.rule == code]


def test_cagr_arithmetic_in_one_document(result):
    (f,) = _by_rule(result, "RC101")
    assert "11.37%" in f.message and "6.59%" in f.message
    assert "USD 616.26B (2025)" in f.message and "USD 1,094.83B (2034)" in f.message
    assert {c["doc"] for c in f.claims} == {"sources/001_df29e0ce6f524626.txt"}
    assert f.severity == "error"


def test_cagr_conflict_between_documents(result):
    (f,) = _by_rule(result, "RC103")
    assert {c["value"] for c in f.claims} == {11.37, 14.3}
    assert len({c["doc"] for c in f.claims}) == 2


def test_decline_from_2027_to_2028(result):
    (f,) = _by_rule(result, "RC301")
    assert sorted(c["year"] for c in f.claims if c["metric"] == "market_size") == [2027, 2028]
    assert {c["doc"] for c in f.claims} == {"sources/002_9b09a75ae9898ac2.txt"}


def test_trillion_against_billion_clash(result):
    (f,) = _by_rule(result, "RC302")
    assert f.message.startswith("outlier") and "5.0×" in f.message  # 5×: not an order of magnitude
    docs = {c["doc"] for c in f.claims}
    assert docs == {"sources/001_df29e0ce6f524626.txt", "sources/002_9b09a75ae9898ac2.txt"}
    assert 3.5e12 in [c["value"] for c in f.claims]


def test_europe_share_conflict(result):
    (f,) = _by_rule(result, "RC201")
    assert f.scope == "Europe"
    assert sorted(c["value"] for c in f.claims) == [25.0, 28.72]


def test_pfizer_revenue_against_the_reference_with_the_year_it_matches(result):
    """002 line 6: "Pfizer reported a revenue of $81.3 billion in 2022"; the 10-K says $100.33
    billion for 2022, and $81.29 billion for 2021 (rules/reference/companies.csv)."""
    (f,) = _by_rule(result, "RC701")
    assert f.scope == "Pfizer" and f.severity == "warning"
    assert "sources/002_9b09a75ae9898ac2.txt:6 states USD 81.3B" in f.message
    assert "USD 100.33B" in f.message and "reference/companies.csv:4" in f.message
    assert "Pfizer Inc. Form 10-K for 2022" in f.message
    assert "matches the 2021 figure (USD 81.29B, " in f.message and f.message.endswith("reference/companies.csv:5)")
    assert [c["role"] for c in f.claims] == ["stated figure", "reference", "reference for 2021"]
    assert f.claims[0]["doc"] == "sources/002_9b09a75ae9898ac2.txt"  # the finding is about the document's figure


def test_abbott_and_illumina_agree_with_the_reference_and_are_marked_corroborated(result):
    """"approximately $43.1 billion" (Abbott: $43.653 billion) and "around $4.7 billion"
    (Illumina: $4.584 billion) are within what "approximately" allows."""
    claims = result.claims
    refs = claims[claims["source_type"] == "reference"].set_index("entity")["claim_id"]
    company = claims[(claims["source_type"] == "document") & (claims["scope_type"] == "company")]
    by_scope = dict(zip(company["scope"], company["corroborated_by"]))
    assert by_scope == {"Abbott": refs["Abbott Laboratories"], "Illumina": refs["Illumina, Inc."], "Pfizer": ""}
    assert (claims.loc[claims["scope_type"] != "company", "corroborated_by"] == "").all()


def test_korea_under_two_regions_that_do_not_contain_it(result):
    """002's lists: "Korea" under Middle East & Africa and "Argentina Korea" under Latin
    America, while Asia-Pacific lists South Korea: one finding naming all three."""
    (f,) = _by_rule(result, "RC601")
    assert f.scope == "South Korea" and f.severity == "warning"
    assert 'Middle East & Africa ("Korea", sources/002_9b09a75ae9898ac2.txt:66)' in f.message
    assert 'Latin America (in "Argentina Korea", which runs Argentina and Korea together' in f.message
    assert "is in Asia Pacific" in f.message and '"South Korea", sources/002_9b09a75ae9898ac2.txt:43' in f.message
    assert sorted(c["line"] for c in f.claims) == [43, 56, 66]


def test_saudi_arabia_split_over_two_items(result):
    (f,) = _by_rule(result, "RC603")
    assert f.scope == "Saudi Arabia" and [c["line"] for c in f.claims] == [63, 64]
    assert '"Saudi"' in f.message and '"Arabia"' in f.message and "Middle East & Africa list" in f.message


def test_nothing_else_is_flagged(result):
    """Not the regional sums or shares of 001, 44.96% vs ~45%, 14.3% vs over 11%, the
    repeated 1,094.83 and 11.37% figures, or 002's partial 90% share list; of the reference
    facts only Pfizer's revenue."""
    assert sorted(f.rule for f in result.findings) == SEED_RULES


def test_repeated_figures_are_cited_once_with_their_other_lines(result):
    (f,) = _by_rule(result, "RC101")
    stated = next(c for c in f.claims if c["role"] == "stated CAGR")
    assert [a["line"] for a in stated["also_at"]] == [8] or stated["line"] == 8


def test_python_api_audit():
    import reconcile

    result = reconcile.audit("sources/")
    assert len(result.document_claims()) == SEED_CLAIMS and len(result.findings) == SEED_FINDINGS
    assert (result.document_claims()["metric"] != "qualitative").sum() == SEED_FIGURES
    assert len(result.claims) == SEED_CLAIMS + 4 and result.summary("warning")["references"] == 4  # rules/reference/companies.csv
    assert result.failing("error") and not result.failing("never")


def test_reports_name_documents_by_their_metadata_title(result):
    from reconcile.report.markdown import to_markdown

    text = to_markdown(result)
    assert "*Personalized Medicines Market Dynamics 2025-2032" in text and "(reliableresearchreports.com)" in text


def test_the_outlying_figure_and_its_second_reason_share_one_card(result):
    """RC301 and RC302 both about 002's "over $3.5 trillion": one card, two reasons."""
    (decline,) = _by_rule(result, "RC301")
    (outlier,) = _by_rule(result, "RC302")
    assert decline.card == outlier.card
    assert sum(c["value"] == 3.5e12 for c in outlier.claims) == 1
    # annotations point at the outlying figure: it is cited first
    assert outlier.claims[0]["value"] == 3.5e12 and decline.claims[0]["value"] == 3.5e12
