"""A CAGR's period from its own sentence, on a market blog written for these tests: a heading's
year above the paragraph is no CAGR's period, and "…, or 12.0% a year" between two dated
levels is their compound rate."""

from __future__ import annotations

from docclaims import claims, one

BLOG = """# How big is the route-planning software market?

By Dana Whitfield | May 6, 2026

Tessaly Partners: USD 5.2 billion in 2024

Tessaly Partners sizes the 2024 market at USD 5.2 billion and projects USD 9.9 billion by 2030,
which it describes as a CAGR of 15.8%.

Brightmoor Research: USD 4.7 billion in 2024

Brightmoor values the market at USD 4.7 billion in 2024 and forecasts USD 11.66 billion by 2032,
or 12.0% a year. It expects small businesses to grow 14.6% a year.
"""


def test_a_cagr_takes_its_sentences_period_not_the_headings_year(tmp_path):
    rows = claims(tmp_path, BLOG)
    cagr = one(rows, "15.8%")
    assert (cagr["measure"], cagr["period_start"], cagr["period_end"]) == ("cagr", 2024, 2030)


def test_a_rate_a_year_between_two_dated_levels_is_their_cagr(tmp_path):
    rows = claims(tmp_path, BLOG)
    rate = one(rows, "12.0%")
    assert (rate["measure"], rate["period_start"], rate["period_end"]) == ("cagr", 2024, 2032)
    assert one(rows, "14.6%")["measure"] != "cagr"  # a part's rate, not the levels' compound rate


def test_a_market_reports_undated_shares_are_of_its_base_year(tmp_path):
    text = ("# Cross-laminated timber market\n\nThe global cross-laminated timber market was valued at USD 1.46 billion "
            "in 2025 and is projected to reach USD 3.67 billion by 2034.\n\nEurope held 46.2% of the market, while "
            "North America accounted for 28.5%. Asia Pacific is expected to hold 24% by 2030.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "46.2%")["year"] == 2025 and one(rows, "28.5%")["year"] == 2025
    assert one(rows, "24%")["year"] == 2030


def test_a_part_the_report_ranks_takes_its_rate_and_an_acronym_opens_a_part(tmp_path):
    text = ("# LFP cathode market\n\nThe global LFP cathode market was valued at USD 18.6 billion in 2024 and will "
            "grow at a CAGR of 14.2% from 2024 to 2030.\n\nEnergy storage is the fastest-growing application, with a "
            "projected CAGR of 19.6% through 2030.\n\n- IT asset management accounted for USD 1.61 billion.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "19.6%")["scope"] == "Energy storage"
    assert one(rows, "14.2%")["scope"] == "Global"
    assert one(rows, "USD 1.61 billion")["scope"] == "IT asset management"


def test_a_years_edition_is_no_figures_year(tmp_path):
    text = ("# Padel equipment market\n\nThe global padel equipment market was valued at USD 612.4 million in 2025.\n\n"
            "Summit Ridge's estimate for 2024, published in last year's edition, was USD 548 million.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "USD 548 million")["year"] == 2024
