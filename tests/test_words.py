"""Qualitative claims: words that rank or single out a region or segment become rows of
their own, and the words rules check them against the same document's figures."""

from __future__ import annotations

import pytest

import reconcile
from reconcile.check import check_corpus


def _words(tmp_path, text: str, name: str = "doc.md"):
    (tmp_path / name).write_text(text, "utf-8")
    frame = reconcile.extract_claims(str(tmp_path / name))
    words = frame[frame["metric"] == "qualitative"]
    return [(r.statement, r.scope, r.figure) for r in words.itertuples()]


INTRO = "The global smart glass market was valued at USD 5.2 billion in 2024.\n\n"


@pytest.mark.parametrize("sentence, expected", [
    ("Latin America is the fastest-growing region, with demand up sharply.",
     [("fastest_growing", "Latin America", "the fastest-growing")]),
    ("The market is dominated by Asia Pacific, which held 41% of revenue in 2024.",
     [("largest", "Asia Pacific", "dominated by")]),
    ("Europe follows with a 28% share.", [("second_largest", "Europe", "follows with")]),
    ("The Middle East and Africa market is declining as budgets tighten.",
     [("declining", "Middle East & Africa", "is declining")]),
    ("North America, particularly the United States, remains dominant with its early adoption.",
     [("largest", "North America", "remains dominant")]),
    # joint, hedged, or about something else: no row
    ("North America and Europe dominate the market with 60% together.", []),
    ("Asia Pacific is one of the fastest-growing regions.", []),
    ("Leading players such as Acme and Borealis expanded in Europe.", []),
    ("The fastest-growing application is automotive glazing.", []),
    ("Acme, based in Europe, leads the market with its tinted panels.", []),
    ("North America has mature demand, yet the largest market share is held by Asia Pacific.", []),
    # narrowed to something other than the market (review, 2026-12-01)
    ("Asia Pacific is the largest market in terms of volume.", []),
    ("Asia Pacific dominates in unit volume, with the largest number of installed systems.", []),
    ("Europe is home to the largest share of suppliers.", []),
    ("Asia Pacific is the largest market for raw materials.", []),
    ("The report says Asia Pacific leads the market in patents.", []),
    ("North America dominates the market for MRI systems.", []),
    ("Europe is the largest market after North America.", []),
    ("Europe is the largest market outside North America.", []),
    ("Europe is seeing rapid growth in online sales.", []),
    ("Europe is the fastest-growing region for subscription models.", []),
    ("Asia Pacific was the largest market by volume, while North America dominated by value.", []),  # a miss
    ("North America dominates the market by revenue.", [("largest", "North America", "dominates")]),
    # the future, the past, negated, hypothetical, someone's claim
    ("Asia Pacific is expected to dominate the market by 2030.", []),
    ("By 2030, Asia Pacific will dominate.", []),
    ("Asia Pacific could soon become the largest market.", []),
    ("Europe dominated the market until 2015.", []),
    ("Europe isn't the largest market.", []),
    ("Europe has yet to become the largest market.", []),
    ("Will Asia Pacific dominate the market?", []),
    ("If Asia Pacific leads the market by 2030, prices will fall.", []),
    ("Some analysts claim that Europe leads the market, but the data disagree.", []),
    ("Europe saw explosive growth in 2021 during the pandemic.", []),
    # what follows ranks something other than the market (second review, 2026-12-01)
    ("Australia dominates mining, while Chile dominates brine extraction.", []),
    ("Latin America dominates production.", []),
    ("Europe dominates public charging infrastructure.", []),
    ("North America dominates the competitive landscape, with most key players headquartered in the U.S.", []),
    ("Europe follows with a CAGR of 7.5%.", []),
    ("Europe follows with similar reimbursement rules for continuous monitors.", []),
    ("India is the fastest-growing major economy, and demand for two-wheelers is rising.", []),
    ("Asia Pacific is the fastest-growing source of medical tourists.", []),
    ("Europe led the market during the historical period.", []),
    ("Europe follows with a 28% share of revenue.", [("second_largest", "Europe", "follows with")]),
    ("Asia Pacific is the fastest-growing region, supported by new factories.",
     [("fastest_growing", "Asia Pacific", "the fastest-growing")]),
    # "followed by" says "next after", not "second"
    ("Europe is the second-largest market, followed by North America.", [("second_largest", "Europe", "the second-largest")]),
])
def test_statements_in_prose(tmp_path, sentence, expected):
    assert _words(tmp_path, INTRO + sentence + "\n") == expected


def test_statements_in_a_scope_table(tmp_path):
    table = ("| Attribute | Details |\n|---|---|\n| Market Size in 2024 | USD 5.2 Billion |\n"
             "| Largest Region | Europe |\n| Fastest Growing Segment | Home Care |\n"
             "| Key Regions | North America, Europe |\n")
    assert _words(tmp_path, INTRO + table) == [("largest", "Europe", "Largest Region"),
                                               ("fastest_growing", "Home Care", "Fastest Growing Segment")]


RANKED_WRONG = """# Smart Glass Market Outlook

The global smart glass market was valued at USD 5.2 billion in 2024.

Europe dominates the market. By region, North America held 41% of revenue in 2024, Europe 33% and
Asia Pacific 26%.

The North America smart glass market was USD 2.13 billion in 2024 and will reach USD 3.4 billion by 2030.
The Europe smart glass market was USD 1.72 billion in 2024 and will reach USD 2.6 billion by 2030.
The Asia Pacific smart glass market was USD 1.35 billion in 2024 and will reach USD 2.9 billion by 2030.
Asia Pacific is the fastest-growing region.
"""


def test_words_against_own_figures_end_to_end(tmp_path, settings):
    (tmp_path / "glass.md").write_text(RANKED_WRONG, "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    words = [f for f in result.findings if f.rule.startswith("RC5")]
    assert [f.rule for f in words] == ["RC501"]  # Europe is not the largest; Asia Pacific does grow fastest
    (f,) = words
    assert "Europe is called the largest" in f.message and "North America USD 2.13B" in f.message
    assert f.claims[0]["figure"] == "dominates" and f.claims[0]["role"] == "qualitative claim"


def test_words_a_document_bears_out_raise_nothing(tmp_path, settings):
    text = RANKED_WRONG.replace("Europe dominates the market.", "North America dominates the market.")
    (tmp_path / "glass.md").write_text(text, "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    assert not [f for f in result.findings if f.rule.startswith("RC5")]


def test_a_statement_of_one_year_is_checked_against_that_year(tmp_path, settings):
    """"led the market in 2023" with no 2023 figure for a peer: the 2020 shares say nothing of it."""
    (tmp_path / "b.md").write_text(
        "# Widget Market\n\nThe global widget market was valued at USD 50 billion in 2023.\n\n"
        "North America led the market in 2023 with 38% of global revenue. In 2020, Europe held 40% of the "
        "market and North America 35%.\n", "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    assert not [f for f in result.findings if f.rule.startswith("RC5")]


def test_peers_are_regions_that_do_not_overlap(tmp_path, settings):
    (tmp_path / "a.md").write_text(
        "# Widget Market\n\nThe global widget market was valued at USD 50 billion in 2023.\n\n"
        "North America is the largest region, with a 40% share in 2023. Europe held a 30% share in 2023.\n\n"
        "Across the Americas, the market held a 48% share in 2023.\n", "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    assert not [f for f in result.findings if f.rule.startswith("RC5")]


def test_present_words_are_not_judged_by_forecast_years(tmp_path, settings):
    """"North America dominates" with North America first in 2020 and overtaken by 2030."""
    (tmp_path / "a.md").write_text(
        "# Widget Market\n\nThe global widget market was valued at USD 15 billion in 2020.\n\n"
        "North America dominates the market.\n\n"
        "The North America widget market was USD 5.0 billion in 2020 and is forecast to reach USD 7.0 billion by 2030.\n"
        "The Asia Pacific widget market was USD 4.0 billion in 2020 and is forecast to reach USD 7.5 billion by 2030.\n",
        "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    assert not [f for f in result.findings if f.rule.startswith("RC5")]


def test_a_sub_region_is_no_peer_of_the_regions(tmp_path, settings):
    (tmp_path / "a.md").write_text(
        "# Widget Market\n\n| Attribute | Details |\n|---|---|\n| Fastest Growing Region | Asia Pacific |\n\n"
        "The global widget market is projected to grow at a CAGR of 8.0% from 2024 to 2030.\n"
        "Asia Pacific is projected to expand at a CAGR of 11.0% from 2024 to 2030.\n"
        "North America is projected to expand at a CAGR of 6.0% from 2024 to 2030.\n"
        "Eastern Europe is projected to expand at a CAGR of 14.0% from 2024 to 2030.\n", "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    assert not [f for f in result.findings if f.rule.startswith("RC5")]
