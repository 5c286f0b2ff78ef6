"""Periods, bases and parts in wire stories and analyst notes, on text written for these tests:
a dateline without a year, a first half or a quarter named without one, a fiscal quarter named
with the day it ended, a base restated per share before "a year earlier", a consensus column,
a byline's date, a division named only as "the division", and amounts whose currency is the
amount's before them."""

from __future__ import annotations

from docclaims import claims, one


WIRE = """# Quellbrook first-half profit falls on plant closure costs

FRANKFURT, July 30 (Tallis Wire) - Quellbrook Components said on Wednesday its first-half net profit
fell as it booked restructuring charges.

Net profit fell to 83.4 million euros in January-June from 97.6 million a year earlier, hit by
36.5 million euros of special items linked to the closure.

Adjusted earnings before interest and taxes (EBIT) rose 11% to 179.3 million euros, above the
171.2 million euros expected on average by analysts.

Quellbrook confirmed it expects 2025 revenue of 4.2 billion to 4.4 billion euros.
"""


def test_a_wire_story_without_a_year_is_dated_by_the_one_year_it_names(tmp_path):
    rows = claims(tmp_path, WIRE)
    profit = one(rows, "83.4 million euros")
    assert (profit["year"], profit["measure"]) == (2025, "net_income")
    earlier = one(rows, "97.6 million")  # its currency is the amount's before it; its year the one before
    assert (earlier["value"], earlier["unit"], earlier["year"]) == (97.6e6, "EUR", 2024)
    ebit = one(rows, "179.3 million euros")
    assert (ebit["year"], ebit["period_label"], ebit["accounting"]) == (2025, "H1 2025", "adjusted")
    expected = one(rows, "171.2 million euros")
    assert expected["kind"] == "consensus"
    charges = one(rows, "36.5 million euros")  # "euros of special items": money, not a weight
    assert (charges["unit"], charges["measure"]) == ("EUR", "other")
    outlook = one(rows, "4.2 billion to 4.4 billion euros")  # a range, its currency written once, after it
    assert (outlook["low"], outlook["high"], outlook["kind"]) == (4.2e9, 4.4e9, "guidance")


def test_pounds_of_something_stay_a_weight(tmp_path):
    rows = claims(tmp_path, "# Bakery notes\n\nThe bakery used 5 pounds of flour a day and sold bread for 3 dollars a loaf.\n")
    assert [r["figure"] for r in rows] == ["3 dollars"]


NOTE = """**Harrow Lane Securities | Equity Research | Semiconductors**

# Pelmont Devices (PLMD) — Data Center carries the quarter; raising PT

*21 August 2025 | Analyst: A. N. Other*

Pelmont delivered a clean beat. Q2 FY26 revenue of $2,846m came in 1.6% above consensus ($2,801m).
Q2 non-GAAP EPS of $2.13 compares with the Street's $2.18. The Q3 guide is ahead of us.
"""


def test_a_quarter_named_again_without_its_year_keeps_the_year_given_before(tmp_path):
    rows = claims(tmp_path, NOTE)
    revenue = one(rows, "$2,846m")
    assert (revenue["period_label"], revenue["kind"]) == ("Q2 FY2026", "actual")
    eps = one(rows, "$2.13")
    assert (eps["period_label"], eps["scope"], eps["kind"]) == ("Q2 FY2026", "Global", "actual")


CALENDAR_NOTE = """# Orlin Medical (ORLM) — Robotics carries the quarter

**Tally Securities | Equity Research | 29 October 2025**

**Bottom line.** A clean beat. Revenue of $1.24bn (+11.2% y/y) came in 2% above consensus at $1.21bn.

| $m, FYE Dec | 3Q24A | 3Q25A |
|---|---:|---:|
| Revenue | 1,114.2 | 1,238.6 |
"""


def test_the_quarter_a_note_speaks_of_is_the_calendar_quarter_just_ended(tmp_path):
    rows = claims(tmp_path, CALENDAR_NOTE)
    revenue = one(rows, "$1.24bn")
    assert (revenue["year"], revenue["quarter"], revenue["month"]) == (2025, 3, None)  # not the byline's October
    assert one(rows, "$1.21bn")["kind"] == "consensus"


FISCAL_WIRE = """# Dornick forecasts upbeat third quarter

*By A. Reporter | Harbour News | August 20, 2025*

(Harbour) - Dornick Semiconductor forecast third-quarter revenue above estimates on Wednesday.

Revenue in the second quarter ended July 26 rose 19% to $2.85 billion. Net income rose to $498.6 million,
or $1.94 per share, from $352.1 million, or $1.36 per share, a year earlier.

For the first half of fiscal 2026, revenue totalled $5.51 billion.
"""


def test_a_quarter_named_with_the_day_it_ended_tells_the_fiscal_year(tmp_path):
    rows = claims(tmp_path, FISCAL_WIRE)
    revenue = one(rows, "$2.85 billion")
    # a second quarter ending in July is a fiscal one, of a year ending in January 2026
    assert (revenue["period_label"], revenue["fiscal_year_end"]) == ("Q2 FY2026", 1)
    assert one(rows, "$498.6 million")["period_label"] == "Q2 FY2026"
    for figure in ("$352.1 million", "$1.36"):  # the base, restated per share, is a year before
        assert one(rows, figure)["period_label"] == "Q2 FY2025", figure


SCORECARD = """# Tessmark Components (TSM GY) – H1 25: Chassis carries the beat

**Brandt Equity Research | Autos | 30 July 2025**

**First take.** H1 adj. EBIT of EUR 179m came in above consensus, with the beat entirely in Chassis & Safety
(adj. EBIT margin 11.8%). Powertrain remains the drag: on our calculation the division's adj. EBIT margin was
only 7.0% in H1.

| EURm | H1 25A | H1 25E (KB) | Consensus |
|---|---:|---:|---:|
| Revenue | 2,134.6 | 2,098.0 | 2,105.3 |
| Adj. EBIT | 179.3 | 168.5 | 171.2 |
"""


def test_an_analysts_scorecard_and_the_parts_its_prose_names(tmp_path):
    rows = claims(tmp_path, SCORECARD)
    for figure, kind in (("2,134.6", "actual"), ("2,098.0", "forecast"), ("2,105.3", "consensus")):
        row = one(rows, figure)
        assert (row["period_label"], row["kind"]) == ("H1 2025", kind), figure  # "H1 25A"; consensus of the same half
    ebit = one(rows, "EUR 179m")
    assert (ebit["year"], ebit["month"]) == (2025, None)  # the byline's date is no period
    assert one(rows, "11.8%")["scope"] == "Chassis & Safety"
    assert one(rows, "7.0%")["scope"] == "Powertrain"


HALF_YEAR = """# Kiyosato Holdings, Inc.

## Consolidated Financial Results for the First Half of the Fiscal Year Ending March 31, 2026

November 7, 2025

| (¥ billion) | 1H FY2025 | 1H FY2026 | % change |
|---|---:|---:|---:|
| Revenue | 842.6 | 897.3 | 6.5 |
| Operating margin (%) | 7.7 | 6.5 | (1.2) pt |

For the second quarter alone (July 1 to September 30, 2025), revenue was ¥461.8 billion, up 7.0% from
¥431.6 billion in the same quarter of the previous fiscal year.

| (¥ billion) | Revenue 1H FY2025 | Revenue 1H FY2026 |
|---|---:|---:|
| Pumps | 386.9 | 412.5 |
| Valves | 238.4 | 248.7 |

**Pumps.** Revenue rose 6.6% to ¥412.5 billion. Segment profit increased 14.1% to ¥43.6 billion.

**Outlook.** Revenue is unchanged at ¥1,820.0 billion for the year.
"""


def test_a_japanese_half_year_release(tmp_path):
    rows = claims(tmp_path, HALF_YEAR)
    assert one(rows, "842.6")["period_label"] == "H1 FY2025" and one(rows, "897.3")["period_label"] == "H1 FY2026"
    margin = one(rows, "7.7")  # a "(%)" row of a money table: percentages, of the whole company
    assert (margin["value"], margin["unit"], margin["measure"], margin["scope"]) == (7.7, "percent", "margin", "Global")
    quarter, base = one(rows, "¥461.8 billion"), one(rows, "¥431.6 billion")
    assert (quarter["period_label"], quarter["fiscal_year_end"]) == ("Q2 FY2026", 3)
    assert base["period_label"] == "Q2 FY2025"
    revenue = one(rows, "¥412.5 billion")  # a run-in heading that names a row of the segment table: a part
    assert (revenue["scope"], revenue["measure"], revenue["period_label"]) == ("Pumps", "revenue", "H1 FY2026")
    profit = one(rows, "¥43.6 billion")
    assert (profit["scope"], profit["measure"]) == ("Pumps", "operating_income")
    assert one(rows, "¥1,820.0 billion")["scope"] == "Global"  # "**Outlook.**" is a heading, no part


FISCAL_HALF_WIRE = """UPDATE 1-Kiyosato H1 profit slides on writedown, lifts sales outlook

TOKYO, Nov 7 (Harbour) - Kiyosato Holdings on Friday reported a 7.7% fall in first-half net profit as a
22.1 billion yen writedown offset record demand for cooling equipment.

Operating profit dropped 10.5% to 58.1 billion yen on revenue that rose 6.5% to 897.3 billion yen.

For the full year to March 2026, Kiyosato raised its revenue forecast to 1.82 trillion yen.
"""


def test_a_wire_story_of_a_fiscal_first_half(tmp_path):
    rows = claims(tmp_path, FISCAL_HALF_WIRE)
    profit = one(rows, "58.1 billion yen")  # "on revenue that rose …" names the next figure, not this one
    assert (profit["measure"], profit["period_label"], profit["fiscal_year_end"]) == ("operating_income", "H1 FY2026", 3)
    assert one(rows, "897.3 billion yen")["period_label"] == "H1 FY2026"  # November 2025: April to September
    assert one(rows, "22.1 billion yen")["measure"] == "other"  # "… yen writedown": the word right after it
    assert one(rows, "1.82 trillion yen")["kind"] == "forecast"


def test_an_encyclopedias_founding_date_is_not_its_date(tmp_path):
    page = ("# Tarnvik Air\n\n| Tarnvik Air | |\n|---|---|\n| Founded | 12 May 1987 |\n"
            "| Revenue | €2.18 billion (2024) |\n| Operating income | €171.3 million (2024) |\n")
    rows = claims(tmp_path, page)
    # dated by its own years, not "forecasts" made in 1987
    assert [r["year"] for r in rows] == [2024, 2024] and not any(r["kind"] == "forecast" for r in rows)


def test_a_currency_the_document_declares_is_money(tmp_path):
    rows = claims(tmp_path, "# Orlandia trade, August 2025\n\nThe Statistics Office of Orlandia said exports rose 6.2% to "
                            "ORK 14,826 million.\n\n1. ORK = Orlandian krona.\n")
    exports = one(rows, "ORK 14,826 million")
    assert (exports["value"], exports["unit"]) == (14_826e6, "ORK")
    other = claims(tmp_path, "# Notes\n\nThe ORK 14,826 million line was never defined.\n", name="other.md")
    assert not [r for r in other if r["unit"] == "ORK"]  # a code no document declares is no currency


def test_a_raised_outlook_and_the_one_it_replaces_are_of_one_year(tmp_path):
    rows = claims(tmp_path, "# Calder Inc. raises outlook\n\nCalder Inc. (NASDAQ: CLDR) reported on Dec. 3, 2025. Calder is "
                            "raising its guidance for the full fiscal year 2026:\n\n- Total revenue between $758.0 million and "
                            "$764.0 million, compared with $748.0 million to $756.0 million previously.\n\nIt raised its "
                            "revenue forecast to $1.82 billion from $1.78 billion.\n")
    for old in ("$748.0 million to $756.0 million", "$1.78 billion"):
        row = one(rows, old)  # the outlook replaced: the same year's, shown but never compared
        assert row["confidence"] < 0.9 and row["year"] == one(rows, "$758.0 million and $764.0 million")["year"], old


def test_a_per_diluted_share_row_keeps_its_face_value(tmp_path):
    rows = claims(tmp_path, "# Calder Inc. (NASDAQ: CLDR) results\n\nCalder Inc. reported net income.\n\n(in thousands)\n\n"
                            "| | Q2 FY26 | Q2 FY25 |\n|---|---|---|\n| Non-GAAP net income | $ 30,120 | $ 21,848 |\n"
                            "| Non-GAAP net income per diluted share | $ 0.38 | $ 0.28 |\n")
    assert one(rows, "$ 0.38")["value"] == 0.38 and one(rows, "$ 30,120")["value"] == 30_120_000


def test_a_plain_text_release_is_named_by_its_headline_not_its_boilerplate(tmp_path):
    text = ("FOR IMMEDIATE RELEASE\n\nSEAWEED-BASED PACKAGING MARKET TO TOP USD 1.21 BILLION BY 2032, ORVELL & FINCH "
            "RESEARCH FORECASTS\n\nSELKIRK HAVEN, 22 January 2025 -- Global sales of seaweed-based packaging reached USD "
            "521.0 million in 2024, according to the latest market study from Orvell & Finch Research.\n")
    other = "# Seaweed Packaging Market Report\n\nThe seaweed packaging market was valued at USD 560 million in 2024.\n"
    import reconcile

    (tmp_path / "a.txt").write_text(text, "utf-8")
    (tmp_path / "b.md").write_text(other, "utf-8")
    rows = reconcile.extract_claims(str(tmp_path)).to_dict("records")
    # "the latest market study" names no market, and "-based" does not make it another one
    assert len({r["subject"] for r in rows}) == 1 and "latest" not in rows[0]["subject"]


def test_a_value_restated_as_a_share_shares_its_year_and_part(tmp_path):
    rows = claims(tmp_path, "# Acoustic Ceiling Panels Market Report\n\n- **Mineral fibre leads.** Mineral fibre panels "
                            "generated USD 2.61 billion in 2024, or 42.6% of global revenue.\n")
    share, value = one(rows, "42.6%"), one(rows, "USD 2.61 billion")
    assert (share["year"], share["scope"]) == (2024, value["scope"]) and value["scope"] != "Global"


def test_review_cases_periods_and_names(tmp_path):
    # an outlook raised in one clause does not make another clause's base an old forecast
    rows = claims(tmp_path, "# Acme Corp. (NYSE: ACME) results\n\nACME, April 24, 2025 - Acme raised its full-year forecast "
                            "after second-quarter revenue rose to $5.0 billion from $4.2 billion a year earlier.\n")
    base = one(rows, "$4.2 billion")
    assert base["confidence"] >= 0.9 and base["year"] == one(rows, "$5.0 billion")["year"] - 1
    # a quarter named without its year after a later one is the same year's, not next year's
    rows = claims(tmp_path, "# Pelmont Devices (PLMD) note\n\n*21 August 2025*\n\nQ2 FY26 revenue of $2,846m came in above. "
                            "In Q1, revenue was $2,700m.\n", name="b.md")
    assert one(rows, "$2,700m")["period_label"] == "Q1 FY2026"
    # an all-capitals headline's "AS" names no company
    rows = claims(tmp_path, "# PROFIT FALLS AS COSTS RISE\n\nRevenue was $5.0 billion in 2024.\n", name="c.md")
    assert "profit falls" not in (one(rows, "$5.0 billion")["entity"] or "").lower()


def test_review_cases_kinds_weeks_and_segment_profit(tmp_path):
    rows = claims(tmp_path, "# Pelmont Devices (PLMD) note\n\n*20 August 2025*\n\nQ2 FY26 revenue of $2,846m came in above. "
                            "Q4 FY26 revenue of $3,100m is our view.\n")
    assert one(rows, "$2,846m")["kind"] == "actual" and one(rows, "$3,100m")["kind"] == "forecast"
    rows = claims(tmp_path, "# Dornick Inc. results\n\n*By A. Reporter | Harbour News | August 20, 2025*\n\nDornick Inc. "
                            "said revenue in the second quarter ended July 2, 2025 rose 19% to $2.85 billion.\n", name="b.md")
    assert one(rows, "$2.85 billion")["period_label"] == "Q2 2025"  # a 52/53-week quarter of June, no fiscal year
    rows = claims(tmp_path, "# Acme Corp. (NYSE: ACME) results\n\nAcme Corp. reported results for 2024. Segment profit rose "
                            "to $1.2 billion in 2024. Operating income was $1.0 billion in 2024.\n", name="c.md")
    assert one(rows, "$1.2 billion")["measure"] == "other" and one(rows, "$1.0 billion")["measure"] == "operating_income"


def test_a_wire_of_no_city_and_a_fiscal_year_ending_in_april(tmp_path):
    rows = claims(tmp_path, "Calder lifts annual forecast\n\nDec 3 (Meridian Wire) - Calder Software Inc raised its fiscal 2026 "
                            "revenue forecast on Wednesday. Its fiscal year ends in April.\n\nRevenue rose 18% to $178.4 million "
                            "in the quarter ended Oct. 31.\n", name="wire.txt")
    revenue = one(rows, "$178.4 million")  # December 2025: the quarter to October is the second of fiscal 2026
    assert (revenue["period_label"], revenue["fiscal_year_end"]) == ("Q2 FY2026", 4)


def test_a_story_named_by_its_title_keeps_its_own_spelling_of_the_market(tmp_path):
    import reconcile

    (tmp_path / "a.md").write_text("# Seaweed-Based Packaging Market Report\n\nThe seaweed-based packaging market was "
                                   "valued at USD 521 million in 2024 and the seaweed-based packaging market will reach "
                                   "USD 1.21 billion by 2032.\n", "utf-8")
    (tmp_path / "b.md").write_text("# Is seaweed packaging ready for the big time?\n\nOrvell & Finch sized it at $521 "
                                   "million in 2024.\n", "utf-8")
    rows = [r for r in reconcile.extract_claims(str(tmp_path)).to_dict("records") if r["doc"].endswith("b.md")]
    assert rows and all(r["entity"] == "seaweed packaging" for r in rows)
    assert rows[0]["subject"] == [r for r in reconcile.extract_claims(str(tmp_path / "a.md")).to_dict("records")][0]["subject"]


BANK_WIRE = """Tollbridge Bancorp profit beats estimates as lending income climbs

Nov 5, 2026 (Harbour Newswire) - Tollbridge Bancorp (TLBR.N) beat Wall Street estimates for
quarterly profit on Wednesday, helped by higher income from loans.

The lender reported net income of $212 million for the quarter ended Sept. 30, up from $188
million a year earlier.

Net interest income rose 4.1% to $655 million. Tollbridge shares were little changed in
late trading.
"""


def test_a_dateline_with_an_abbreviated_month_dates_the_quarter_ended(tmp_path):
    """ "Nov 5, 2026 (…) -" dates the story; "the quarter ended Sept. 30" is then July–September
    2026, and the story's later figures are of that quarter too."""
    rows = claims(tmp_path, BANK_WIRE)
    profit = one(rows, "$212 million")
    assert (profit["year"], profit["quarter"]) == (2026, 3)
    assert (one(rows, "$188\nmillion")["year"], one(rows, "$188\nmillion")["quarter"]) == (2025, 3)
    nii = one(rows, "$655 million")
    assert (nii["year"], nii["quarter"]) == (2026, 3)


YEAR_WIRE = """Pellworth Brands tops profit estimates; shares rise

Aug 4, 2026 (Newswire Financial) - Pellworth Brands Inc on Tuesday reported fourth-quarter profit above
expectations and forecast fiscal 2027 earnings in line with estimates. Pellworth Brands' fiscal year
ends in June.

Excluding items, the company earned $1.36 per share in the quarter ended June 27. Pellworth shares
rose 3%.

For the full fiscal year, Pellworth's net sales rose 4.6% to $9.81 billion. Reported earnings were
$3.93 per share, while adjusted earnings came to $4.62 per share.
"""


def test_a_sentence_opening_with_the_full_year_is_of_that_year(tmp_path):
    """ "For the full fiscal year, …" dates every figure of its sentence with the year reported,
    not the quarter; the company's possessive is no part of it; "while adjusted …" is the next
    figure's basis, not this one's."""
    rows = claims(tmp_path, YEAR_WIRE)
    sales = one(rows, "$9.81 billion")
    assert (sales["year"], sales["quarter"], sales["scope"]) == (2026, None, "Global")
    assert one(rows, "4.6%")["scope"] == "Global"
    assert one(rows, "$3.93")["accounting"] == "reported"
    assert one(rows, "$4.62")["accounting"] == "adjusted"


def test_a_change_after_two_dated_levels_is_of_the_later_year(tmp_path):
    text = ("# Sunflower lecithin market\n\nThe global sunflower lecithin market reached USD 472 million in 2025, "
            "up from USD 438 million in 2024, an increase of 7.8%, according to Ardwell Market Intelligence.\n")
    rows = claims(tmp_path, text)
    rate = one(rows, "7.8%")
    assert (rate["measure"], rate["year"]) == ("growth", 2025)


def test_a_change_in_points_on_a_year_is_of_the_year_after(tmp_path):
    """ "…rose to 85.0%, an improvement of 1.7 percentage points on 2023": 2023 is the base."""
    text = ("# Tarnmoor Air annual report 2024\n\nTarnmoor Air carried more passengers in 2024. The passenger load "
            "factor rose to 85.0% in 2024, an improvement of 1.7 percentage points on 2023.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "1.7 percentage points")["year"] == 2024


TRADE_YEAR = """# Corlieu serves up margin gains as Belgian deal bakes in

**Retail Bakery Europe** · Company news · 20 February 2026

Boulangeries Corlieu, the Lyon-based bakery chain, reported 2025 revenue of EUR 1.84 billion on Thursday,
up 7.9%. Like-for-like sales rose 4.3% for the year and 5.1% in the fourth quarter alone, Corlieu said.

## Margins

EBITDA rose 9.2% to EUR 318.7 million, a margin of 17.3%, Corlieu said.
"""


def test_a_story_about_the_year_that_names_a_quarter_later_is_about_the_year(tmp_path):
    rows = claims(tmp_path, TRADE_YEAR)
    ebitda = one(rows, "EUR 318.7 million")
    assert (ebitda["year"], ebitda["quarter"]) == (2025, None)
    assert one(rows, "5.1%")["quarter"] == 4


def test_a_year_named_with_its_quarter_leaves_the_story_about_that_quarter(tmp_path):
    """ "reported 2025 fourth-quarter revenue" in a story of February 2026: the fourth quarter of
    2025 (not 2026, and not the year), for the story's later figures too."""
    text = ("# Acme posts higher profit\n\n**Trade Weekly** · 20 February 2026\n\nAcme Corp reported 2025 "
            "fourth-quarter revenue of $1.2 billion on Thursday, up 7.9%. Acme Corp said demand held up. Acme Corp "
            "shares rose.\n\nNet income rose 9.2% to $318.7 million.\n")
    rows = claims(tmp_path, text)
    for figure in ("$1.2 billion", "$318.7 million"):
        assert (one(rows, figure)["year"], one(rows, figure)["quarter"]) == (2025, 4), figure
