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
    ("North America, particularly the United States, remains dominant in adoption.",
     [("largest", "North America", "remains dominant")]),
    # joint, hedged, or about something else: no row
    ("North America and Europe dominate the market with 60% together.", []),
    ("Asia Pacific is one of the fastest-growing regions.", []),
    ("Leading players such as Acme and Borealis expanded in Europe.", []),
    ("The fastest-growing application is automotive glazing.", []),
    ("Acme, based in Europe, leads the market with its tinted panels.", []),
    ("North America has mature demand, yet the largest market share is held by Asia Pacific.", []),
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
