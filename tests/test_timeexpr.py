"""Time expressions: points, periods, forecast-period references."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text,kind,year,period",
    [
        ("in 2024", "point", 2024, None),
        ("by the end of 2030", "point", 2030, None),
        ("as of 2023", "point", 2023, None),
        ("from 2024 to 2031", "period", None, (2024, 2031)),
        ("between 2024 and 2031", "period", None, (2024, 2031)),
        ("2025-2032", "period", None, (2025, 2032)),
        ("2024-25", "period", None, (2024, 2025)),
        ("during the forecast period 2025 to 2034", "period", None, (2025, 2034)),
        ("during the forecast period", "forecast", None, None),
        ("over the next five years", "next", None, None),
        ("FY2024", "point", 2024, None),
    ],
)
def test_time_expressions(extractor, text, kind, year, period):
    (t,) = extractor.vocab.times.find(text)
    assert t.kind == kind
    assert t.year == year
    if period:
        assert (t.period_start, t.period_end) == period


def test_decades_are_not_years(extractor):
    assert extractor.vocab.times.find("by the mid-2020s") == []


@pytest.mark.parametrize("text, year, quarter, half, fiscal", [
    ("for 4Q", None, 4, None, False),
    ("3Q FY2025", 2025, 3, None, True),
    ("1H25", 2025, None, 1, False),
    ("Q3 2025A", 2025, 3, None, False),  # an analyst's actual column
    ("Q4 FY2025-26", 2026, 4, None, True),  # a quarter of the fiscal year ending in 2026
    ("FY2025-26", 2026, None, None, True),
])
def test_analysts_shorthand_periods(extractor, text, year, quarter, half, fiscal):
    (t,) = extractor.vocab.times.find(text)
    assert (t.year, t.quarter, t.half, t.fiscal) == (year, quarter, half, fiscal)


@pytest.mark.parametrize("text, found", [
    ("2024Q4  2025Q1", [(2024, 4), (2025, 1)]),
    ("2024-Q3", [(2024, 3)]),
    # a year ending a line is no quarter's year: "Q1 2025" on the next line is
    ("Annual report 2024\nQ1 2025 revenue rose 5%", [(2024, None), (2025, 1)]),
    ("sales in 2024 Q1 2025 rose", [(2024, None), (2025, 1)]),
])
def test_statisticians_quarters_take_their_own_year(extractor, text, found):
    assert [(t.year, t.quarter) for t in extractor.vocab.times.find(text)] == found


@pytest.mark.parametrize("text, year, month, first_month", [
    ("Jan-Aug 2025", 2025, 8, 1),
    ("January-December 2025", 2025, None, None),  # the whole year, not a part of it
])
def test_a_span_of_months_from_january(extractor, text, year, month, first_month):
    (t,) = extractor.vocab.times.find(text)
    assert (t.year, t.month, t.first_month) == (year, month, first_month)


@pytest.mark.parametrize(
    "text,year,half,ended,fiscal",
    [
        ("Six months FY2026", 2026, 1, "", True),
        ("the first six months of 2025", 2025, 1, "", False),
        ("the first nine months of 2025", 2025, None, "nine", False),
        ("9M 2025", 2025, None, "nine", False),
        ("six months ended June 30, 2025", 2025, None, "six", False),
        ("nine months ended September 30, 2025", 2025, None, "nine", False),
    ],
)
def test_six_and_nine_months_to_date_are_no_whole_year(extractor, text, year, half, ended, fiscal):
    (t,) = extractor.vocab.times.find(text)
    assert (t.year, t.half, t.ended, t.fiscal) == (year, half, ended, fiscal)


@pytest.mark.parametrize("text,year,quarter", [("Jul-Sep 2025", 2025, 3), ("Apr-Jun 2024", 2024, 2), ("Oct.-Dec. 2025", 2025, 4)])
def test_a_quarter_spelled_as_short_month_names(extractor, text, year, quarter):
    (t,) = extractor.vocab.times.find(text)
    assert (t.year, t.quarter) == (year, quarter)


@pytest.mark.parametrize("text,year,month", [("in the three months to September", None, 9),
                                             ("the three months to September 2025", 2025, 9)])
def test_three_months_to_a_month_is_the_quarter_ending_then(extractor, text, year, month):
    (t,) = extractor.vocab.times.find(text)
    assert (t.year, t.month, t.ended) == (year, month, "quarter")


@pytest.mark.parametrize("text,year,half,ended", [("the second six months of 2025", 2025, 2, ""),
                                                  ("the last six months of 2025", 2025, 2, ""),
                                                  ("the remaining six months of 2025", None, None, "six"),
                                                  ("the last nine months of 2025", None, None, "nine")])
def test_six_or_nine_months_that_are_not_the_first_are_no_first_half_nor_jan_to_sep(extractor, text, year, half,
                                                                                     ended):
    (t,) = extractor.vocab.times.find(text)
    assert (t.year, t.half, t.ended) == (year, half, ended)


def test_an_amount_in_millions_before_a_year_is_no_six_months(extractor):
    # "$6M 2025": six million dollars, then the year
    found = extractor.vocab.times.find("a $6M 2025 budget, €9M 24 and £6M FY25")
    assert [t.year for t in found] == [2025, 2025] and all(t.half is None and not t.ended for t in found)
