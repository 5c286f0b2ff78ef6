"""The quantity finder: money and percentages as written, values in base units."""

from __future__ import annotations

import pytest

CASES = [
    ("USD 578.14 billion in 2024", "USD", 578.14e9, None),
    ("USD 1,094.83 Billion", "USD", 1094.83e9, None),
    ("US$2.3 Bn", "USD", 2.3e9, None),
    ("€ 450 million", "EUR", 450e6, None),
    ("£12.5m", "GBP", 12.5e6, None),
    ("¥300 billion", "JPY", 300e9, None),
    ("INR 33,000 crore", "INR", 330e9, None),
    ("₹15,206 crore", "INR", 152.06e9, None),
    ("1194.35 billion USD", "USD", 1194.35e9, None),
    ("$972M (2024)", "USD", 972e6, None),
    ("11.37%", "percent", 11.37, None),
    ("11.37 percent", "percent", 11.37, None),
    ("2.5 percentage points", "percentage_point", 2.5, None),
    ("40-50%", "percent", 45, (40, 50)),
    ("32%-40%", "percent", 36, (32, 40)),
    ("$2.21-5.68 billion", "USD", 3.945e9, (2.21e9, 5.68e9)),
    ("$40K-400K", "USD", 220e3, (40e3, 400e3)),
]


@pytest.mark.parametrize("text,unit,value,bounds", CASES)
def test_quantities(extractor, text, unit, value, bounds):
    (q,) = extractor.vocab.quantities.find(text)
    assert q.unit == unit
    assert q.value == pytest.approx(value, rel=1e-12)
    if bounds:
        assert (q.low, q.high) == pytest.approx(bounds, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    ["2025-2032", "Top 10 companies", "Call +1 555 0100", "see https://x.com/r/1898855?a=10%20", "2M+ recipes",
     "USD XX million", "XX%", "1. First item"],
)
def test_numbers_that_are_not_claims(extractor, text):
    assert extractor.vocab.quantities.find(text) == []


def test_a_lone_scale_letter_must_touch_the_number(extractor):
    (q,) = extractor.vocab.quantities.find("$3 M&A deals")
    assert q.value == 3


def test_percent_to_percent_is_two_figures_not_a_range(extractor):
    assert [q.value for q in extractor.vocab.quantities.find("from 10% to 12%")] == [10, 12]


@pytest.mark.parametrize("right, expected", [
    (" CAGR for AI-driven apps vs 10% for traditional apps", ("segment", "AI-driven apps")),
    (" in Asia Pacific, driven by rising demand", ("region", "Asia Pacific")),
    (" during the forecast period", None),
    (" for the forecast period", None),
    (" in 2024", None),
    (" in the coming years", None),
    (" in terms of revenue", None),
    (" in North America and Europe", None),
])
def test_scope_named_after_a_rate(extractor, right, expected):
    assert extractor.vocab.scopes.scope_after(right) == expected


def test_contrasted_rates_get_their_own_scopes(extractor, tmp_path):
    from reconcile.corpus import extract_corpus

    doc = tmp_path / "apps.md"
    doc.write_text("The meal kit market is growing: 28% CAGR for premium kits vs 10% for budget kits.\n", "utf-8")
    result = extract_corpus([str(doc)], extractor.settings)
    scopes = {c.figure: c.scope for c in result.claims if c.metric == "cagr"}
    assert scopes == {"28%": "premium kits", "10%": "budget kits"}


@pytest.mark.parametrize("text, values", [
    ("$78.43B in 2015, increasing to $132.57 in 2020", [78.43e9, 132.57e9]),
    ("from $1.2 billion to $5 per share", [1.2e9, 5]),
    ("revenue of $4.1 billion and a price of $12", [4.1e9, 12]),
])
def test_a_scale_dropped_after_to_is_the_previous_figures(extractor, text, values):
    assert [q.value for q in extractor.vocab.quantities.find(text)] == pytest.approx(values)


def test_prefix_precheck_never_hides_a_prefix(extractor):
    """The cheap check before the currency-prefix search passes every window the search would match."""
    from hypothesis import given, settings as hsettings
    from hypothesis import strategies as st

    finder = extractor.vocab.quantities
    pieces = st.sampled_from(sorted(finder.prefix_code) + [" ", "  ", "\n", "\t", "\u00a0", "a", "S", "s", ".", "(", "ſ"])

    @hsettings(max_examples=500, deadline=None)
    @given(st.lists(pieces, min_size=1, max_size=5).map("".join))
    def check(window):
        if finder.prefix_end.search(window):
            assert finder._may_end_in_prefix(window)

    check()


@pytest.mark.parametrize("text,levels", [
    ("The index stood at 127.6 in March 2026, against 123.4 in March 2025.", [("127.6", 127.6), ("123.4", 123.4)]),
    # a level is the whole number written, never its first digits
    ("The index stood at 1,234,567.89 in March.", []),
    ("The index stood at 1,234.5678 in March.", []),
    ("The index stood at 2,345.6 in March.", [("2,345.6", 2345.6)]),
    # an index named by its acronym alone
    ("The CPI stood at 311.2 in August, against 303.4 a year earlier.", [("311.2", 311.2), ("303.4", 303.4)]),
    ("The PMI rose to 52.1 from 49.8.", [("52.1", 52.1), ("49.8", 49.8)]),
    ("Revenue rose to 52.1 from 49.8.", []),
])
def test_index_levels_are_whole_numbers(extractor, text, levels):
    found = [(q.figure, q.value) for q in extractor.vocab.quantities.find(text) if q.unit == "index"]
    assert found == levels


def test_every_iso_currency_code_but_words_and_names():
    from reconcile.config import load_settings
    from reconcile.extract.vocabulary import Vocabulary
    finder = Vocabulary(load_settings(use_cwd=False)).quantities
    got = {s: [(q.value, q.unit) for q in finder.find(s)]
           for s in ("revenue of NOK 3.4 billion", "12.5 million SEK", "ZAR 12m", "TOP 10 firms", "CVE 2024-1234",
                     "PHP 8.2 released")}
    assert got["revenue of NOK 3.4 billion"] == [(3.4e9, "NOK")]
    assert got["12.5 million SEK"] == [(12.5e6, "SEK")]
    assert got["ZAR 12m"] == [(12e6, "ZAR")]
    assert got["TOP 10 firms"] == got["CVE 2024-1234"] == got["PHP 8.2 released"] == []


def test_currency_codes_after_a_number_match_only_in_capitals():
    # units.toml: codes are case-sensitive, words are not. With every ISO 4217 code a currency,
    # a year before a name ("In 2019 Ron Howard", "the 2024 Sar report") is no amount of lei or riyals.
    from reconcile.config import load_settings
    from reconcile.extract.vocabulary import Vocabulary
    finder = Vocabulary(load_settings(use_cwd=False)).quantities
    for text in ("In 2019 Ron Howard founded the firm.", "the 2024 Sar report", "He paid 20 rub for it",
                 "about 5 cad drawings", "sales in 2024 Nad"):
        assert [(q.figure, q.unit) for q in finder.find(text)] == [], text
    assert [(q.value, q.unit) for q in finder.find("12.5 million SEK and 3 RON")] == [(12.5e6, "SEK"), (3, "RON")]
    assert [(q.value, q.unit) for q in finder.find("5 Euros, 7 POUNDS and 9 Australian Dollars")] == [
        (5, "EUR"), (7, "GBP"), (9, "AUD")]


def test_a_video_resolution_is_no_pence():
    from reconcile.config import load_settings
    from reconcile.extract.vocabulary import Vocabulary
    finder = Vocabulary(load_settings(use_cwd=False)).quantities
    assert finder.find("streams in 1080p and 720p") == []
    assert [(q.value, q.unit) for q in finder.find("shares closed at 286p")] == [(2.86, "GBP")]
