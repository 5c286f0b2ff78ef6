"""The claim model on sentences written for these tests: measure, entity, sign, fiscal time,
basis, accounting, table scale notes, ranges, currencies, counts and conversions."""

from __future__ import annotations

import pytest

import reconcile
from docclaims import claims, one


RELEASE = """Earnings Release FY24 Q4
Northwind Corp. today announced the following results for the quarter ended June 30, 2024, as compared to the corresponding period of last fiscal year:
- Revenue was $64.7 billion and increased 15% (up 16% in constant currency)
- Net income was $22.0 billion and increased 10%, and increased 12% non-GAAP
- Diluted earnings per share was $2.95
- Devices revenue decreased 11% (down 9% in constant currency)

Northwind's fiscal year ended June 30, 2024. Northwind employs 12,400 employees.
"""


def test_a_release_knows_company_measure_fiscal_quarter_sign_basis_and_accounting(tmp_path):
    rows = claims(tmp_path, RELEASE)
    revenue = one(rows, "$64.7 billion")
    assert (revenue["entity"], revenue["entity_type"], revenue["measure"], revenue["metric"]) == (
        "Northwind", "company", "revenue", "revenue")
    assert (revenue["year"], revenue["quarter"], revenue["fiscal"], revenue["period_label"]) == (2024, 4, True, "Q4 FY2024")
    assert revenue["fiscal_year_end"] == 6
    growth = one(rows, "15%")
    assert (growth["measure"], growth["basis"], growth["accounting"], growth["value"]) == ("growth", "yoy", "reported", 15)
    assert one(rows, "16%")["accounting"] == "constant_currency"
    assert one(rows, "12%")["accounting"] == "adjusted"
    assert one(rows, "$22.0 billion")["measure"] == "net_income"
    assert one(rows, "$2.95")["measure"] == "eps"
    decline = one(rows, "11%")
    assert (decline["value"], decline["sign"], decline["measure"]) == (-11, -1, "growth")
    assert one(rows, "9%")["value"] == -9
    count = one(rows, "12,400")
    assert (count["unit"], count["measure"], count["value"]) == ("employee", "count", 12400)


def test_a_company_in_a_market_document_is_named_past_an_appositive(tmp_path):
    rows = claims(tmp_path, "# Widget Market Report\n\nThe widget market was worth $40 billion in 2022. "
                            "Keldra, the leader in Europe, posted revenue above $9B in 2022.\n")
    keldra = one(rows, "$9B")
    assert (keldra["entity"], keldra["measure"], keldra["scope"]) == ("Keldra", "revenue", "Keldra")
    assert keldra["qualifier"] == "over"
    market = one(rows, "$40 billion")
    assert (market["measure"], market["entity"], market["subject"]) == ("market_size", "widget", "widget")


def test_declines_in_words_and_parentheses_are_negative(tmp_path):
    rows = claims(tmp_path, "Acme Inc. reported results. Acme revenue fell 52.5% in 2023. Acme margin rose to 31% in 2023. "
                            "Output recorded a contraction of 0.1% in 2023. Sales were down 4% in 2023.\n")
    assert one(rows, "52.5%")["value"] == -52.5
    assert one(rows, "0.1%")["value"] == -0.1
    assert one(rows, "4%")["value"] == -4
    assert one(rows, "31%")["value"] == 31  # "rose to 31%" is a level, not a change


def test_table_scale_notes_and_parenthesised_negatives(tmp_path):
    text = """## Acme Inc.
(In millions, except number of shares, which are reflected in thousands, and per-share amounts)

| | Three Months Ended September 28, 2024 | Three Months Ended September 30, 2023 |
|---|---|---|
| Net sales | $94,930 | $89,498 |
| Operating income | 29,591 | 26,969 |
| Other income/(expense), net | (324) | 29 |
| Diluted earnings per share | $0.97 | $1.46 |
| Shares used in computing diluted earnings per share | 15,242,853 | 15,672,400 |

Acme's fiscal year ended September 28, 2024. Acme announced results; Acme is a company.
"""
    rows = claims(tmp_path, text)
    sales = one(rows, "$94,930")
    assert sales["value"] == 94_930e6 and sales["measure"] == "revenue"
    assert (sales["year"], sales["quarter"], sales["fiscal"]) == (2024, 4, True)
    assert one(rows, "29,591")["value"] == 29_591e6 and one(rows, "29,591")["measure"] == "operating_income"
    assert one(rows, "(324)")["value"] == -324e6
    eps = one(rows, "$0.97")
    assert eps["value"] == 0.97 and eps["measure"] == "eps"
    shares = one(rows, "15,242,853")
    assert (shares["value"], shares["unit"], shares["measure"]) == (15_242_853e3, "share", "count")


@pytest.mark.parametrize("text, figure, low, high, unit", [
    ("The market will be between USD 10 and 15 billion in 2030.", "USD 10 and 15 billion", 10e9, 15e9, "USD"),
    ("The market will be $10 to $15 billion in 2030.", "$10 to $15 billion", 10e9, 15e9, "USD"),
    ("The market will be USD 10 billion to USD 15 billion in 2030.", "USD 10 billion to USD 15 billion", 10e9, 15e9, "USD"),
    ("The market grew 10–15% in 2024.", "10–15%", 10, 15, "percent"),
    ("The market is worth NZ$5 billion in 2024.", "NZ$5 billion", 5e9, 5e9, "NZD"),
    ("The market is worth A$3 billion in 2024.", "A$3 billion", 3e9, 3e9, "AUD"),
    ("The market is worth 300 million pounds in 2024.", "300 million pounds", 3e8, 3e8, "GBP"),
    ("The market is worth 5 dollars a head in 2024.", "5 dollars", 5, 5, "USD"),
    ("Inflation was 5pc in 2024.", "5pc", 5, 5, "percent"),
    ("The bank raised rates by 25 basis points in 2024.", "25 basis points", 0.25, 0.25, "percentage_point"),
    ("The market is worth Rs 1,00,000 crore in 2024.", "Rs 1,00,000 crore", 1e12, 1e12, "INR"),
    ("Inflation slowed to two per cent in 2024.", "two per cent", 2, 2, "percent"),
    ("Acme Inc. bought it for three billion dollars in 2024.", "three billion dollars", 3e9, 3e9, "USD"),
    ("Acme Inc. paid half a million dollars in 2024.", "half a million dollars", 5e5, 5e5, "USD"),
    ("Sales rose twenty-five percent in 2024.", "twenty-five percent", 25, 25, "percent"),
])
def test_ranges_currencies_and_units(tmp_path, text, figure, low, high, unit):
    row = one(claims(tmp_path, text), figure)
    assert row["low"] == pytest.approx(low) and row["high"] == pytest.approx(high) and row["unit"] == unit


def test_number_words_away_from_a_unit_are_no_figures(tmp_path):
    assert claims(tmp_path, "It is one of the largest markets, and a percent of it is ten times bigger.") == []


def test_a_dollar_sign_after_letters_is_not_usd(tmp_path):
    rows = claims(tmp_path, "Revenue was XY$4 million in 2024 and the market grew from $10 to $15 billion.")
    assert "XY$4 million" not in {r["figure"] for r in rows} and all(r["unit"] != "USD" or r["value"] >= 1e9 for r in rows)
    assert sorted(r["value"] for r in rows) == [10e9, 15e9]  # "from … to" is two figures sharing a scale


def test_in_text_conversion_is_one_claim_and_tolerance_is_a_range(tmp_path):
    rows = claims(tmp_path, "Acme Inc. posted sales of ¥7.88 trillion ($73.6 billion) in 2024. "
                            "Acme Inc. expects revenue of $43.0 billion, plus or minus 2%, in 2025.")
    yen = one(rows, "¥7.88 trillion")
    assert (yen["converted_value"], yen["converted_unit"]) == (73.6e9, "USD")
    assert "$73.6 billion" not in {r["figure"] for r in rows}
    band = one(rows, "$43.0 billion")
    assert band["low"] == pytest.approx(42.14e9) and band["high"] == pytest.approx(43.86e9)
    assert "2%" not in {r["figure"] for r in rows}
    money_band = one(claims(tmp_path, "Acme Inc. expects revenue of $4.65 billion, plus or minus $250 million, in 2025."),
                     "$4.65 billion")
    assert (money_band["low"], money_band["high"], money_band["qualifier"]) == (4.4e9, 4.9e9, "range")


def test_economy_statistics_get_the_country_month_and_basis(tmp_path):
    text = """---
title: "Consumer prices rise"
date: "2025-02-12 10:00:00"
---
The U.S. consumer price index increased 0.5% in January from the previous month, the Bureau said.
U.S. inflation was 3% in the 12 months through January, above the 2.9% that economists expected.
The U.S. economy added jobs.
"""
    rows = claims(tmp_path, text)
    monthly = one(rows, "0.5%")
    assert (monthly["entity"], monthly["entity_type"], monthly["measure"]) == ("United States", "economy", "rate")
    assert (monthly["year"], monthly["month"], monthly["basis"]) == (2025, 1, "mom")
    annual = one(rows, "3%")
    assert annual["basis"] == "yoy"
    assert one(rows, "2.9%")["kind"] == "consensus"


@pytest.mark.parametrize("title, key", [
    ("Open Banking Market Report 2024", "open banking"),
    ("Big Data Market Outlook", "big data"),
    ("Small Satellite Market Size", "small satellite"),
    ("CIGS Thin Film Solar Cell Market", "cigs thin film solar cell"),
])
def test_market_names_keep_every_word(tmp_path, title, key):
    rows = claims(tmp_path, f"# {title}\n\nThe market was valued at USD 5 billion in 2024.\n")
    assert one(rows, "USD 5 billion")["subject"] == key


def test_no_subject_is_a_shared_placeholder(tmp_path):
    rows = claims(tmp_path, "1. Overview\n\nRevenue of $5 billion was recorded in 2024.\n")
    assert all(r["subject"] != "unknown" for r in rows)


def test_quotes_always_contain_the_figure(tmp_path):
    rows = claims(tmp_path, "The Indian market was worth Rs. 500 billion in 2024. It grew 5% in 2024.")
    row = one(rows, "Rs. 500 billion")
    assert "Rs. 500 billion" in row["quote"]


def test_a_company_figure_takes_the_segment_named_before_its_measure(tmp_path):
    rows = claims(tmp_path, "Northwind Corp. today announced results. Northwind is a company. Northwind reported.\n"
                            "- Devices revenue decreased 11% in fiscal 2024\n"
                            "- Revenue in Intelligent Cloud was $28.5 billion in fiscal 2024\n"
                            "- **Gaming:** revenue rose to $21.5 billion in fiscal 2024\n"
                            "- Total revenue was $245.1 billion in fiscal 2024\n")
    assert one(rows, "11%")["scope"] == "Devices"
    assert one(rows, "$28.5 billion")["scope"] == "Intelligent Cloud"
    assert one(rows, "$21.5 billion")["scope"] == "Gaming"
    assert one(rows, "$245.1 billion")["scope"] == "Global"


def test_quarters_expectations_and_adjusted_figures_are_not_compared_with_years(tmp_path):
    (tmp_path / "a.md").write_text(
        "Northwind Corp. today announced results. Northwind reported revenue of $245.1 billion in fiscal 2024. "
        "Northwind is a company.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "Northwind Corp. reported revenue of $64.7 billion in the fourth quarter of fiscal 2024, above the "
        "$62 billion that analysts expected for fiscal 2024. Northwind is a company. Northwind announced it.\n",
        encoding="utf-8")
    result = reconcile.audit(str(tmp_path))
    assert result.findings == [], [f.message for f in result.findings]
    frame = result.claims
    assert set(frame[frame.figure == "$64.7 billion"].quarter) == {4}
    assert set(frame[frame.figure == "$62 billion"].kind) == {"consensus"}


FLATTENED = """Northwind Corp. today announced results for its fiscal year ended June 30, 2024.
Reconciliation
Three Months Ended June 30,
($ in millions, except per share amounts)
Revenue
Net Income
Diluted Earnings per Share
2023 As Reported (GAAP)
$50,100
$20,200
$2.50
2024 As Reported (GAAP)
$55,110
$19,190
$2.40
Percentage Change Y/Y (GAAP)
10%
(5)%
(4)%
Northwind is a company that announced these results and will report again next quarter with more detail.
"""


def test_a_flattened_table_is_read_as_a_grid(tmp_path):
    rows = claims(tmp_path, FLATTENED)
    revenue = one(rows, "$55,110")
    assert (revenue["value"], revenue["measure"], revenue["year"], revenue["quarter"], revenue["fiscal"]) == (
        55_110e6, "revenue", 2024, 4, True)
    assert one(rows, "$20,200")["measure"] == "net_income" and one(rows, "$20,200")["year"] == 2023
    eps = one(rows, "$2.40")
    assert (eps["value"], eps["measure"]) == (2.40, "eps")
    change = one(rows, "10%")
    assert (change["measure"], change["basis"], change["year"]) == ("growth", "yoy", 2024)


def test_a_sentence_wrapped_over_lines_is_read_whole(tmp_path):
    rows = claims(tmp_path, "Northwind Corp. today announced results for fiscal 2024. Northwind is a company.\n"
                            "·\nNet income was\n$22.0 billion and increased 10% (up 11%\nin constant currency)\n·\n"
                            "Diluted earnings per\nshare\nwas $2.95 in fiscal 2024\n")
    assert one(rows, "$22.0 billion")["measure"] == "net_income"
    assert one(rows, "11%")["accounting"] == "constant_currency"
    eps = one(rows, "$2.95")
    assert eps["measure"] == "eps" and eps["line"] == 9


def test_an_economy_bulletin_names_sectors_and_other_countries(tmp_path):
    rows = claims(tmp_path, "UK GDP bulletin. The UK economy grew. GDP and inflation data for the UK.\n\n"
                            "In Q2 2014 output increased by 1.0% in services and by 0.4% in production. "
                            "The UK economy grew 0.9% in 2024, compared with 2.8% in the U.S.\n")
    services = one(rows, "1.0%")
    assert (services["scope"], services["entity"], services["measure"]) == ("services", "United Kingdom", "growth")
    assert one(rows, "0.4%")["scope"] == "production" and one(rows, "0.4%")["measure"] == "growth"
    us = one(rows, "2.8%")
    assert (us["entity"], us["scope"]) == ("United States", "Global")


def test_a_bulletin_paragraph_keeps_speaking_of_its_period(tmp_path):
    rows = claims(tmp_path, "UK GDP bulletin. The UK economy and GDP.\n\n"
                            "GDP increased by 0.8% in Q2 2014, the second consecutive increase of 0.8%. "
                            "Output rose by 1.0% in services.\n")
    assert [(r["year"], r["quarter"]) for r in rows] == [(2014, 2)] * 3


def test_inline_html_in_markdown_is_read_without_its_tags(tmp_path):
    text = ("# Acme\n\n<p>Revenue at Acme Inc. rose <b>5%</b> to <strong>$3.2 billion</strong> in 2024 &amp; "
            "profit was $1&nbsp;billion in 2024.</p>\n")
    rows = claims(tmp_path, text)
    assert sorted(r["value"] for r in rows) == [5, 1e9, 3.2e9]  # "$1&nbsp;billion" is not "$1"
    assert one(rows, "$3.2 billion")["measure"] == "revenue"
    for r in rows:
        assert text[r["start"] : r["end"]] == r["quote"] and "<p>" not in r["quote"]


def test_a_note_on_two_companies_names_each_figure_s_company(tmp_path):
    text = ("# Pellucid vs. Altmark after FY2025\n\n"
            "Altmark grew revenue 12.3% in fiscal 2025, while Pellucid's 7.5% growth leaned on services. "
            "Pellucid reported revenue of $18.6 billion in fiscal 2025. Altmark's margin was 33.5% in fiscal 2025. "
            "Altmark posted results. Pellucid posted results.\n\n"
            "| Company | Revenue ($bn) |\n|---|---:|\n| Pellucid FY2025 | 18.6 |\n| Altmark FY2025 | 33.9 |\n")
    rows = claims(tmp_path, text)
    assert one(rows, "12.3%")["entity"] == "Altmark" and one(rows, "7.5%")["entity"] == "Pellucid"
    assert one(rows, "33.5%")["entity"] == "Altmark"
    table = [r for r in rows if r["figure"] == "33.9"]
    assert len(table) == 1 and (table[0]["entity"], table[0]["scope"], table[0]["year"]) == ("Altmark", "Global", 2025)


def test_a_column_header_states_its_own_unit(tmp_path):
    text = ("Acme Inc. announced results. Acme Inc. reported. Acme Inc. posted.\n\n"
            "| Company | Revenue ($bn) | Revenue growth (%) | Operating margin (%) |\n|---|---:|---:|---:|\n"
            "| Acme FY2025 | 18.6 | 7.5 | 29.1 |\n| Acme FY2024 | 17.3 | -2.1 | 27.8 |\n"
            "| Gross profit | 1,995 | 3.1 | 12 |\n")
    rows = claims(tmp_path, text)
    assert (one(rows, "18.6")["value"], one(rows, "18.6")["unit"]) == (18.6e9, "USD")
    growth = one(rows, "-2.1")
    assert (growth["value"], growth["unit"], growth["measure"], growth["year"]) == (-2.1, "percent", "growth", 2024)
    assert one(rows, "29.1")["measure"] == "margin"
    assert one(rows, "1,995")["value"] == 1995e9  # a number with a comma is no year


def test_news_dates_months_from_its_dateline_and_skips_comparison_bases(tmp_path):
    text = ("# US consumer prices rise\n\nBy A. Writer\nSeptember 11, 2025 8:47 AM EDT\n\n"
            "The U.S. consumer price index rose 0.4% last month after climbing 0.2% in July. "
            "In the 12 months through August, U.S. inflation was 2.9%, the largest gain since January. "
            "U.S. GDP grew 0.6% between April and June. The U.S. economy and GDP.\n")
    rows = claims(tmp_path, text)
    assert (one(rows, "0.4%")["year"], one(rows, "0.4%")["month"]) == (2025, 8)  # "last month"
    assert one(rows, "0.2%")["month"] == 7
    assert one(rows, "2.9%")["month"] == 8  # not January, the comparison's base
    gdp = one(rows, "0.6%")
    assert (gdp["year"], gdp["quarter"]) == (2025, 2)


def test_a_product_that_reaches_a_figure_is_its_segment(tmp_path):
    rows = claims(tmp_path, "Northwind Corp. today announced results. Northwind is a company. Northwind reported.\n\n"
                            "This year, Skyline surpassed $75 billion in revenue. Revenue was $281.7 billion in fiscal 2025.\n")
    assert one(rows, "$75 billion")["scope"] == "Skyline"
    assert one(rows, "$281.7 billion")["scope"] == "Global"


def test_a_country_s_share_of_its_region_is_not_compared_with_the_region(tmp_path):
    text = ("# Widget Market Report\n\nThe global widget market was USD 5 billion in 2024. "
            "Europe held 24.8% of the market in 2024. In Europe, Germany contributed approximately 29% of regional revenue.\n")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = reconcile.audit(str(tmp_path))
    frame = result.claims
    assert set(frame[frame.figure == "29%"].dimension) == {"of_region"}
    assert result.findings == [], [f.message for f in result.findings]


def test_a_mixed_case_acronym_keeps_its_name(tmp_path):
    rows = claims(tmp_path, "The SaaS market will reach $4.4 billion by 2028.\n")
    assert one(rows, "$4.4 billion")["subject"] == "saas"


def test_comparisons_and_clauses_keep_their_own_period_and_accounting(tmp_path):
    text = ("Harlow Corp. reported results for fiscal 2025, its fiscal year ended September 30, 2025.\n\n"
            "- GAAP operating margin of 16.8%, compared with 14.4% in fiscal 2024; adjusted operating margin of 17.9%\n"
            "- Net income of $538 million, up 21% from fiscal 2024\n"
            "- GAAP diluted earnings per share of $3.41; adjusted diluted EPS of $3.96\n\n"
            "Net income climbed to $585 million, or $3.14 per share, from $471 million a year earlier.\n")
    rows = claims(tmp_path, text)
    assert (one(rows, "14.4%")["year"], one(rows, "17.9%")["year"], one(rows, "21%")["year"]) == (2024, 2025, 2025)
    assert one(rows, "17.9%")["accounting"] == "adjusted" and one(rows, "14.4%")["accounting"] == "reported"
    assert one(rows, "$3.41")["accounting"] == "reported" and one(rows, "$3.96")["accounting"] == "adjusted"
    assert one(rows, "$471 million")["measure"] == "net_income"


def test_a_company_short_name_in_another_document_is_the_same_company(tmp_path):
    (tmp_path / "a.md").write_text("Harrowgate Instruments Inc. reported revenue of $4.81 billion for fiscal 2025.\n", "utf-8")
    (tmp_path / "b.md").write_text("Harrowgate reported revenue of $4.8 billion for fiscal 2025.\n", "utf-8")
    frame = reconcile.extract_claims(str(tmp_path))
    assert frame["subject"].nunique() == 1


def test_a_period_heading_dates_its_bullets_and_a_lower_case_segment_after_a_semicolon(tmp_path):
    text = ("# Stridewell Robotics Reports Full Year 2024 Results\n\nDETROIT, March 4, 2025 -- Stridewell Robotics, "
            "Inc. (NASDAQ: STRD), a maker of wearable exoskeletons, today announced financial results for the fourth "
            "quarter and full year ended December 31, 2024.\n\n**Full year 2024 highlights**\n\n"
            "- Revenue of $218.4 million, up 27% from $172.0 million in 2023\n"
            "- Systems revenue of $196.1 million; software and services revenue of $22.3 million\n\n"
            "**Fourth quarter 2024 highlights**\n\n- Revenue of $64.2 million\n")
    rows = claims(tmp_path, text)
    assert one(rows, "$218.4 million")["year"] == 2024 and one(rows, "$172.0 million")["year"] == 2023
    assert one(rows, "$22.3 million")["scope"] == "software and services"
    assert one(rows, "$64.2 million")["quarter"] == 4


NOTE = """# Harlow Devices (HRLW) — a clean beat; raising our price target

**Bottom line.** Revenue of $1.12B beat consensus of $1.10B, and the 4Q guide midpoint of $1.18B sits above consensus of $1.17B.

| ($M, except per share) | 3Q25A | 3Q25 Cons. | 4Q25 Guide (mid) | 4Q25 Est. |
|---|---|---|---|---|
| Revenue | 1,181 | 1,097 | 1,180 | 1,192 |

**Estimates.** We now model FY25 revenue of $4.37B and FY26 revenue of $5.02B, versus consensus of $4.35B and $4.91B, respectively.
"""


def test_an_analyst_note_knows_its_company_columns_and_expectations(tmp_path):
    rows = claims(tmp_path, NOTE)
    assert {r["subject"] for r in rows} == {"harlow devices"}
    assert one(rows, "$1.12B")["kind"] == "actual" and one(rows, "$1.10B")["kind"] == "consensus"
    assert [(one(rows, f)["quarter"], one(rows, f)["kind"]) for f in ("1,181", "1,097", "1,180", "1,192")] == [
        (3, "actual"), (3, "consensus"), (4, "guidance"), (4, "forecast")]
    assert (one(rows, "$4.37B")["year"], one(rows, "$4.37B")["kind"]) == (2025, "forecast")
    assert one(rows, "$4.91B")["kind"] == "consensus"
    assert one(rows, "$4.37B")["scope"] == "Global"  # "**Estimates.**" is a run-in heading, not a segment


def test_a_parent_company_is_not_merged_with_its_subsidiary(tmp_path):
    (tmp_path / "a.md").write_text("Amazon Web Services Inc. reported revenue of $107.6 billion for 2024.\n", "utf-8")
    (tmp_path / "b.md").write_text("Amazon reported revenue of $638 billion for 2024.\n", "utf-8")
    frame = reconcile.extract_claims(str(tmp_path))
    assert frame["subject"].nunique() == 2


def test_a_market_name_before_its_acronym_is_the_subject(tmp_path):
    rows = claims(tmp_path, "The SaaS Supply Chain Management (SCM) market is predicted to reach $4.4B by 2018.\n")
    assert one(rows, "$4.4B")["subject"] == "saas supply chain management"


def test_revenue_of_a_named_thing_beside_a_cagr_is_that_market(tmp_path):
    text = ("# Cloud Computing Forecast\n\nThe public cloud market will grow to $131 billion in 2017.\n\n"
            "$78.43B in SaaS revenue will be generated in 2015, increasing to $132.57 in 2020, attaining a "
            "compound annual growth rate (CAGR) of 9.14%\n")
    rows = claims(tmp_path, text)
    assert [(one(rows, f)["subject"], one(rows, f)["metric"]) for f in ("$78.43B", "$132.57", "9.14%")] == [
        ("saas", "market_size"), ("saas", "market_size"), ("saas", "cagr")]
    assert one(rows, "$132.57")["value"] == pytest.approx(132.57e9)
    assert (one(rows, "9.14%")["period_start"], one(rows, "9.14%")["period_end"]) == (2015, 2020)


def test_a_share_restated_as_a_value_shares_its_year(tmp_path):
    rows = claims(tmp_path, "North America held the largest regional share at 38%, or about USD 1.08 billion in 2024, "
                            "supported by traceability rules in the widget market.\n")
    assert one(rows, "38%")["year"] == 2024


def test_a_conversion_after_the_year_is_one_claim(tmp_path):
    rows = claims(tmp_path, "The widget market was valued at USD 2.85 billion in 2024 (approximately EUR 2.64 billion).\n")
    (row,) = [r for r in rows if r["unit"] in ("USD", "EUR")]
    assert (row["figure"], row["converted_unit"], row["year"]) == ("USD 2.85 billion", "EUR", 2024)


def test_spending_on_a_thing_names_its_market(tmp_path):
    text = ("The public cloud market will reach $131 billion in 2017.\n\n"
            "Spending on cloud computing infrastructure and platforms is expected to grow at a 30% CAGR "
            "from 2013 through 2018.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "30%")["subject"] == "cloud computing infrastructure"


def test_an_economy_story_names_the_part_each_figure_is_about(tmp_path):
    text = ("# Norway consumer prices climb in March\n\n"
            "Dateline: April 10, 2026. Norway's consumer price index rose 0.5% last month, "
            "the statistics office of Norway said. Inflation data for Norway.\n\n"
            "Fuel prices jumped 2.4% after falling 1.1% in February, pushing the transport index up 0.9%. "
            "The cost of dairy products increased 0.3%, while rail fares slipped 0.2%. "
            "On a year-on-year basis core inflation held at 2.6%.\n")
    rows = claims(tmp_path, text)
    headline = one(rows, "0.5%")
    assert (headline["scope"], headline["measure"], headline["month"]) == ("Global", "rate", 3)
    fuel = one(rows, "2.4%")
    assert (fuel["scope"], fuel["measure"], fuel["year"], fuel["month"]) == ("fuel", "rate", 2026, 3)
    before = one(rows, "1.1%")  # the comparison's base keeps its own month and the clause's subject
    assert (before["scope"], before["month"], before["value"]) == ("fuel", 2, -1.1)
    assert one(rows, "0.9%")["scope"] == "transport" and one(rows, "0.9%")["month"] == 3
    assert one(rows, "0.3%")["scope"] == "dairy products"
    fares = one(rows, "0.2%")
    assert (fares["scope"], fares["value"], fares["measure"]) == ("rail fares", -0.2, "rate")
    core = one(rows, "2.6%")
    assert (core["scope"], core["measure"]) == ("core", "rate")


def test_a_bulletin_s_industries_are_parts_and_its_headline_is_the_whole(tmp_path):
    text = ("Quarterly national accounts, 2nd quarter 2026 -- Statistics Norway\n\n"
            "Norway's gross domestic product (GDP), adjusted for seasonal variation, grew by 0.4 per cent\n"
            "in April to June 2026 compared with the previous quarter. Value added in\n"
            "manufacturing fell by 1.3 per cent, while the chemical and plastics industry contracted by\n"
            "2.0 per cent. Mining & quarrying declined for the third consecutive quarter, by 0.8 per cent,\n"
            "contributing -0.05 percentage points. Output fell by 0.6 per cent in water & waste management.\n")
    rows = claims(tmp_path, text)
    gdp = one(rows, "0.4 per cent")
    assert (gdp["scope"], gdp["year"], gdp["quarter"], gdp["measure"]) == ("Global", 2026, 2, "growth")
    assert one(rows, "1.3 per cent")["scope"] == "manufacturing"
    assert one(rows, "2.0 per cent")["scope"] == "chemical and plastics industry"
    mining = one(rows, "0.8 per cent")
    assert (mining["scope"], mining["value"]) == ("mining & quarrying", -0.8)
    assert one(rows, "-0.05 percentage points")["scope"] == "mining & quarrying"
    assert one(rows, "0.6 per cent")["scope"] == "water & waste management"


def test_a_company_release_gets_no_economy_parts(tmp_path):
    rows = claims(tmp_path, "Acme Inc. reported results. Acme Inc. announced.\n\n"
                            "Acme Inc. revenue rose 5% in fiscal 2025. Gross margin was 41%.\n")
    assert {r["scope"] for r in rows} == {"Global"}


def test_a_quarter_s_end_and_its_comparisons_give_the_fiscal_periods(tmp_path):
    text = ("# Tessaly Robotics Reports Third Quarter Fiscal 2026 Results\n\n"
            "OSLO, May 5, 2026 -- Tessaly Robotics, Inc. today announced results for the third quarter of its "
            "fiscal year 2026, which ended April 30, 2026.\n\n"
            "- Diluted earnings per share was $0.84 compared with $0.71 in the prior-year period\n"
            "- Operating margin was 22.5%, compared with 19.8% a year earlier\n\n"
            "For the full fiscal year, Tessaly now expects revenue growth of 6% to 8%.\n\n"
            "| | Three Months Ended April 30, 2026 | Three Months Ended April 30, 2025 |\n|---|---:|---:|\n"
            "| Revenue | $1,210 | $1,105 |\n")
    rows = claims(tmp_path, text)
    periods = {r["figure"]: (r["year"], r["quarter"], r["fiscal"]) for r in rows}
    # the third quarter ended in April, so the fiscal year ends in July
    assert periods["$1,210"] == (2026, 3, True) and periods["$1,105"] == (2025, 3, True)
    assert periods["$0.84"] == (2026, 3, True) and periods["$0.71"] == (2025, 3, True)
    base = one(rows, "19.8%")
    assert (base["measure"], base["year"], base["quarter"], base["value"]) == ("margin", 2025, 3, 19.8)
    outlook = one(rows, "6% to 8%")
    assert (outlook["year"], outlook["quarter"], outlook["fiscal"]) == (2026, None, True)


def test_seasonally_adjusted_is_no_non_gaap_adjustment_and_a_rate_s_name_is_no_part(tmp_path):
    text = ("Labour force survey, September 2025 -- Statistics Norway\n\n"
            "The seasonally adjusted unemployment rate was 4.1% in September 2025. "
            "Norway's youth unemployment rate rose to 9.8%.\n")
    rows = claims(tmp_path, text)
    headline = one(rows, "4.1%")
    assert (headline["accounting"], headline["scope"], headline["basis"]) == ("reported", "Global", "")
    assert one(rows, "9.8%")["scope"] == "youth"


def test_plain_bullet_labels_under_a_release_name_segments(tmp_path):
    text = ("# Tessaly Robotics Reports Third Quarter 2025 Results\n\n"
            "Tessaly Robotics, Inc. today reported results for the third quarter ended September 27, 2025.\n\n"
            "**Revenue by end market (third quarter 2025)**\n\n"
            "- Logistics: $210 million, up 12% year over year\n"
            "- Healthcare: $95 million\n"
            "- Revenue: $305 million\n")
    rows = claims(tmp_path, text)
    logistics = one(rows, "$210 million")
    assert (logistics["scope"], logistics["measure"], logistics["quarter"]) == ("Logistics", "revenue", 3)
    assert one(rows, "$95 million")["scope"] == "Healthcare"
    assert one(rows, "$305 million")["scope"] == "Global"  # a measure's name is no segment


def test_losses_are_negative_and_a_research_firm_is_no_market(tmp_path):
    text = ("# Tessaly Robotics Reports Full Year 2025 Results\n\n"
            "Tessaly Robotics, Inc. today reported results. Tessaly Robotics, Inc. announced.\n\n"
            "- Net loss of $4.1 million, compared with a net loss of $9.3 million in 2024; adjusted EBITDA of $7.7 million\n\n"
            "Based on Ardent Market Intelligence's estimate of a USD 2.1 billion global warehouse robot market in 2025, "
            "Tessaly estimates its share at about 9%.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "$4.1 million")["value"] == -4.1e6 and one(rows, "$9.3 million")["value"] == -9.3e6
    ebitda = one(rows, "$7.7 million")
    assert (ebitda["accounting"], ebitda["scope"], ebitda["year"]) == ("adjusted", "Global", 2025)
    assert one(rows, "USD 2.1 billion")["subject"] == "warehouse robot"


def test_an_inflation_story_reads_the_index_s_changes_as_rates(tmp_path):
    text = ("---\ntitle: \"Norway consumer price growth seen slowing in May\"\ndate: \"2026-06-09 08:00:00\"\n---\n\n"
            "The Norway consumer price index is expected to rise by 0.2% in May after a 0.5% gain in April, "
            "with the year-over-year rate forecast to ease to 3.0%.\n\n"
            "Strandberg Robotics remained the segment leader, generating robot revenue of NOK 480 million in 2025.\n")
    rows = claims(tmp_path, text)
    assert [one(rows, f)["measure"] for f in ("0.2%", "0.5%", "3.0%")] == ["rate", "rate", "rate"]
    assert one(rows, "3.0%")["scope"] == "Global"


@pytest.mark.parametrize("text, figure, value, unit", [
    ("Acme retired shares, bringing its diluted share count to 598 million at year end.", "598 million", 598e6, "share"),
    ("The number of employed persons was 2,588,000 in the third quarter.", "2,588,000", 2588000, "person"),
    ("Acme Cloud subscribers grew to 82.5 million.", "82.5 million", 82.5e6, "subscriber"),
])
def test_a_count_whose_noun_comes_first(tmp_path, text, figure, value, unit):
    row = one(claims(tmp_path, text), figure)
    assert (row["value"], row["unit"], row["measure"]) == (value, unit, "count")


def test_numbers_near_a_count_noun_that_are_no_counts(tmp_path):
    rows = claims(tmp_path, "Store sales of 5 million were flat. In 2024 users reached 2024 levels.\n")
    assert [r["figure"] for r in rows] == []


def test_a_news_story_names_its_company_and_an_analyst_s_shorthand_is_read(tmp_path):
    text = ("# Tessaly lifts outlook as warehouse robot sales jump\n\n"
            "OSLO, Oct 28 (Northgate Wire) - Tessaly Robotics raised its forecast on Tuesday after quarterly revenue "
            "rose 11% to $1.24 billion. Tessaly now sees 2025 adjusted earnings of $10.35 to $10.45 per share.\n\n"
            "Net income climbed to $198.7 million, or $2.26 a share, from $148.3 million a year earlier. "
            "Tessaly expects fourth-quarter revenue of $1.27 billion to $1.30 billion.\n\n"
            "**Bottom line.** Adj. EPS of $2.71 beat both our $2.60 and the Street's $2.58. For 4Q we model $1.29bn.\n")
    rows = claims(tmp_path, text)
    assert {r["entity"] for r in rows} == {"Tessaly Robotics"}
    revenue = one(rows, "$1.24 billion")
    assert (revenue["measure"], revenue["scope"]) == ("revenue", "Global")
    assert one(rows, "$2.26")["measure"] == "eps" and one(rows, "$10.35 to $10.45")["measure"] == "eps"
    assert one(rows, "$10.35 to $10.45")["kind"] == "guidance"
    adjusted = one(rows, "$2.71")
    assert (adjusted["accounting"], adjusted["measure"]) == ("adjusted", "eps")
    assert one(rows, "$2.60")["kind"] != "actual" and one(rows, "$2.58")["kind"] == "consensus"
    assert one(rows, "$1.29bn")["quarter"] == 4


def test_a_plain_heading_dates_its_lines_and_a_list_keeps_its_year_and_kind(tmp_path):
    text = ("Marine widget market report\n\nThe global marine widget market is growing.\n\n"
            "Market segmentation, 2025\n\n"
            "  By region: Europe accounted for 39% of global revenue, worth about USD 402\n"
            "  million, ahead of North America with 31% and Asia Pacific with 26%.\n\n"
            "By 2028 we expect Europe to account for 44% of widget revenue, Asia Pacific 39%, North America 22% "
            "and the rest of the world 8%.\n")
    rows = claims(tmp_path, text)
    europe = [r for r in rows if r["figure"] == "39%" and r["scope"] == "Europe"]
    assert len(europe) == 1 and europe[0]["year"] == 2025
    worth = [r for r in rows if r["value"] == 402e6]
    assert len(worth) == 1 and worth[0]["scope"] == "Europe" and worth[0]["year"] == 2025
    assert one(rows, "31%")["measure"] == "share" and one(rows, "31%")["year"] == 2025
    later = [r for r in rows if r["line"] == 10]
    assert {(r["scope"], r["year"], r["kind"]) for r in later} == {
        ("Europe", 2028, "forecast"), ("Asia Pacific", 2028, "forecast"), ("North America", 2028, "forecast"),
        ("Rest of World", 2028, "forecast")}


def test_a_financial_year_ended_30_june_and_its_prior_year_labels(tmp_path):
    text = ("# Tessaly Aerial Limited (ASX: TSA) — FY2025 Results\n\n"
            "Tessaly Aerial Limited announces its results for the financial year ended 30 June 2025 (FY2025).\n\n"
            "* Revenue of A$146.8 million, up 24.1% on FY2024 (A$118.3 million)\n"
            "* Drone units shipped rose 34% to 4,120 (FY2024: 3,310)\n"
            "* Statutory net profit after tax of A$12.9 million (FY2024: A$7.6 million), a net margin of 11.2%\n")
    rows = claims(tmp_path, text)
    years = {r["figure"]: (r["year"], r["fiscal_year_end"]) for r in rows}
    assert years["A$146.8 million"] == (2025, 6) and years["A$118.3 million"] == (2024, 6)
    assert years["24.1%"][0] == 2025 and years["4,120"][0] == 2025 and years["3,310"][0] == 2024
    assert one(rows, "3,310")["unit"] == one(rows, "4,120")["unit"] == "unit"
    npat = one(rows, "A$12.9 million")
    assert (npat["measure"], npat["scope"], npat["year"]) == ("net_income", "Global", 2025)
    assert one(rows, "A$7.6 million")["year"] == 2024 and one(rows, "11.2%")["year"] == 2025


def test_a_trade_story_names_the_company_in_full_and_its_year_to_june(tmp_path):
    text = ("# Tessaly bets on US growth after record year\n\n*27 August 2025 | by A. Writer*\n\n"
            "Australian drone maker Tessaly Aerial Systems says its new sprayer will go on sale in 2026. "
            "The Queensland company reported revenue of A$164.8 million for the year to 30 June. "
            "Tessaly's shares closed 8% higher.\n")
    rows = claims(tmp_path, text)
    revenue = one(rows, "A$164.8 million")
    assert (revenue["entity"], revenue["scope"], revenue["year"], revenue["fiscal_year_end"]) == (
        "Tessaly Aerial Systems", "Global", 2025, 6)


def test_a_bulletin_from_the_statistical_office_of_a_country_the_tables_do_not_know(tmp_path):
    text = ("NATIONAL STATISTICAL OFFICE OF RURITANIA\nConsumer Prices Bulletin -- March 2026\n"
            "Published: 14 April 2026\n\n"
            "Consumer price inflation, as measured by the 12-month change in the Consumer\n"
            "Price Index (CPI), was 3.4% in March 2026, up from 3.1% in February 2026.\n\n"
            "Food. Food prices rose by 5.1% in the year to March 2026. Prices in this division rose 0.3%.\n")
    rows = claims(tmp_path, text)
    headline = one(rows, "3.4%")
    assert (headline["entity"], headline["entity_type"], headline["scope"], headline["measure"]) == (
        "Ruritania", "economy", "Global", "rate")
    food = one(rows, "5.1%")
    assert (food["scope"], food["year"], food["month"], food["basis"]) == ("food", 2026, 3, "yoy")
    assert one(rows, "0.3%")["scope"] == "Global"


def test_an_encyclopedia_economy_of_a_country_the_tables_do_not_know(tmp_path):
    text = ("# Economy of Ruritania\n\nThe **economy of Ruritania** trades mostly with Germany. "
            "Ruritania's GDP grew 2.9% in 2024.\n\n"
            "| Economy of Ruritania | |\n|---|---|\n| GDP growth | 1.7% (2023); 2.9% (2024) |\n"
            "| Inflation (CPI) | 7.9% (2023); 4.6% (2024) |\n| Exports | US$31.2 billion (2024) |\n")
    rows = claims(tmp_path, text)
    assert {(r["entity"], r["entity_type"]) for r in rows} == {("Ruritania", "economy")}
    inflation = [r for r in rows if r["figure"] == "4.6%"]
    assert len(inflation) == 1 and (inflation[0]["scope"], inflation[0]["measure"]) == ("Global", "rate")
    assert one(rows, "US$31.2 billion")["scope"] == "Exports"


def test_a_list_names_the_part_before_each_figure(tmp_path):
    text = ("Norway GDP bulletin. Norway's economy and GDP, Statistics Norway said.\n\n"
            "The current weights are: services 77.8%; production 15.2%; construction 6.3%; and agriculture 0.7%.\n\n"
            "| Economy of Norway | |\n|---|---|\n| GDP by sector | agriculture 6.9%, industry 31.4%, services 67.2% (2024) |\n\n"
            "By chemistry: LFP 38%; lead-acid (AGM/gel) 38%; other 5%.\n")
    rows = claims(tmp_path, text)
    weights = [r for r in rows if r["line"] == 3]
    assert [(r["scope"], r["measure"]) for r in weights] == [
        ("services", "share"), ("production", "share"), ("construction", "share"), ("agriculture", "share")]
    cells = [r for r in rows if r["line"] == 7]
    assert [r["scope"] for r in cells] == ["agriculture", "industry", "services"]
    # a list one of whose parts has no bare name is not read as parts at all
    assert {r["scope"] for r in rows if r["line"] == 9} == {"Global"}


def test_an_annual_report_s_record_table_and_its_adjusted_prose(tmp_path):
    text = ("# Tessaly & Brook plc — Annual Report and Accounts 2025\n\n## Financial review\n\n"
            "*Financial year ended 30 September 2025*\n\n"
            "Tessaly & Brook plc delivered growth. Tessaly & Brook reported results. Tessaly & Brook posted records.\n\n"
            "Adjusted operating profit rose 13.2% to £74.8m (FY2024: £66.1m).\n\n"
            "| £m unless stated | FY2024 | FY2025 |\n|---|---:|---:|\n"
            "| Revenue | 541.6 | 583.9 |\n| Statutory operating profit | 57.4 | 61.9 |\n"
            "| Basic EPS (pence) | 33.0 | 35.5 |\n| Dividend per share (pence) | 12.3 | 13.5 |\n"
            "| Order book at 30 September | 842 | 912 |\n| Employees at 30 September | 3,115 | 3,280 |\n")
    rows = claims(tmp_path, text)
    assert {r["entity"] for r in rows} == {"Tessaly & Brook"}
    adjusted = one(rows, "£74.8m")
    assert (adjusted["accounting"], adjusted["year"], adjusted["fiscal_year_end"]) == ("adjusted", 2025, 9)
    assert one(rows, "£66.1m")["accounting"] == "adjusted" and one(rows, "£66.1m")["year"] == 2024
    eps = one(rows, "35.5")
    assert (eps["measure"], eps["value"], eps["unit"]) == ("eps", 0.355, "GBP")
    assert one(rows, "13.5")["measure"] == "dividend"  # the dividend per share: a payout, not earnings
    assert one(rows, "912")["measure"] == "orders"  # a line item of its own, not a part of revenue
    staff = one(rows, "3,280")
    assert (staff["measure"], staff["value"], staff["unit"]) == ("count", 3280, "employee")


def test_a_year_end_balance_and_its_prior_year_label(tmp_path):
    text = ("# Tessaly & Brook plc — Annual Report 2025\n\n*Financial year ended 30 September 2025*\n\n"
            "Tessaly & Brook plc reported. Tessaly & Brook posted. Tessaly & Brook announced.\n\n"
            "The order book at 30 September 2025 stood at a record £912m, up 14% on a year earlier "
            "(30 September 2024: £842m).\n")
    rows = claims(tmp_path, text)
    now, before = one(rows, "£912m"), one(rows, "£842m")
    assert (now["measure"], now["year"], now["month"], now["fiscal"]) == ("orders", 2025, None, True)
    assert (before["measure"], before["year"], before["month"]) == ("orders", 2024, None)


def test_a_retail_bulletin_and_its_story_name_the_same_part(tmp_path):
    (tmp_path / "a.txt").write_text(
        "STATISTICS NORWAY\nStatistical Bulletin\n\nRETAIL TRADE, NORWAY: SEPTEMBER 2025\n\n"
        "Retail sales in Norway rose. Statistics Norway said retail sales and the economy grew.\n\n"
        "Non-food stores: volumes fell by 0.7% on the month, with department\nstores reporting weaker demand.\n",
        encoding="utf-8")
    (tmp_path / "b.md").write_text(
        "# Norway retail sales rebound in September\n\nOSLO, October 17, 2025 - Statistics Norway said on Friday that the economy grew. "
        "Norway's retail sales grew.\n\nSupermarkets drove the rebound, while sales at non-food stores fell 1.7% "
        "on the month.\n", encoding="utf-8")
    result = reconcile.audit(str(tmp_path))
    rows = {r["figure"]: r for r in result.claims.to_dict("records")}
    assert rows["0.7%"]["scope"] == rows["1.7%"]["scope"] == "non-food stores"
    assert (rows["0.7%"]["year"], rows["0.7%"]["month"]) == (2025, 9)
    assert [f.rule for f in result.findings] == ["RC201"]


def test_review_guards_on_company_news(tmp_path):
    text = ("# Orrisdale Medical Systems raises outlook\n\n"
            "Orrisdale Medical Systems raised its outlook. Orrisdale CEO Mark Hale said demand held up. "
            "Orrisdale posted record sales.\n\n"
            "Orrisdale shares closed at $45 a share. Hardware remained the largest segment, generating revenue of "
            "$3.1 billion in 2025.\n")
    rows = claims(tmp_path, text)
    assert {r["entity"] for r in rows} == {"Orrisdale Medical Systems"}
    assert one(rows, "$45")["measure"] != "eps"
    assert one(rows, "$3.1 billion")["scope_type"] != "company"


def test_an_operating_loss_in_words_is_negative(tmp_path):
    rows = claims(tmp_path, "Acme Inc. reported results. Acme Inc. announced.\n\n"
                            "In fiscal 2025 the operating loss was $12 million and the net loss narrowed to $4 million.\n")
    assert one(rows, "$12 million")["value"] == -12e6 and one(rows, "$4 million")["value"] == -4e6


def test_a_results_table_s_sections_and_change_column(tmp_path):
    text = ("# Tessaly AG H1 2025 results\n\nTessaly AG reported results. Tessaly AG posted. Tessaly AG announced.\n\n"
            "| (EUR million) | H1 2025 | H1 2024 | Change |\n|---|---:|---:|---:|\n"
            "| Free cash flow | 64.2 | 41.7 | +45.2% |\n| **Powertrain** | | | |\n| Revenue | 1,204.7 | 1,158.3 | +4.0% |\n"
            "| Adjusted EBIT margin | 8.1% | 6.9% | +1.2 pp |\n| **Chassis** | | | |\n| Revenue | 929.9 | 853.0 | +9.0% |\n")
    rows = claims(tmp_path, text)
    change = one(rows, "45.2%")
    assert (change["measure"], change["year"], change["basis"]) == ("growth", 2025, "yoy")
    revenue = one(rows, "1,204.7")
    assert (revenue["scope"], revenue["measure"], revenue["value"]) == ("Powertrain", "revenue", 1204.7e6)
    assert one(rows, "8.1%")["scope"] == "Powertrain" and one(rows, "8.1%")["accounting"] == "adjusted"


def test_a_plain_text_table_s_row_labels_name_parts(tmp_path):
    text = ("Widget market report 2025\n\nThe global widget market was worth USD 468.0 million in 2025.\n\n"
            "Share of the market by product type, 2025:\n\n"
            "  Product type                                  Share\n"
            "  Autonomous mobile robots                      54.3%\n"
            "  Stationary towers                             21.6%\n"
            "  Europe                                        30.0%\n")
    rows = claims(tmp_path, text)
    amr = one(rows, "54.3%")
    assert (amr["scope"], amr["measure"], amr["year"]) == ("Autonomous mobile robots", "share", 2025)
    assert one(rows, "30.0%")["scope"] == "Europe"


def test_a_research_firm_s_release_and_its_regional_bullets(tmp_path):
    text = ("# Quillmark Insights: Project Controls Software Market Set for Growth\n\n"
            "Quillmark Insights today released its report. Quillmark reported. Quillmark announced.\n\n"
            "- The market is valued at USD 2.71 billion in 2025.\n"
            "- Cloud-deployed solutions will grow at a CAGR of 21.3%, reaching 74% of spending by 2030.\n\n"
            "**Regional breakdown, 2025**\n\n- North America: 36.9% of global revenue, USD 1.00 billion\n"
            "- Europe: 27.5%, or USD 0.58 billion\n")
    rows = claims(tmp_path, text)
    assert one(rows, "USD 2.71 billion")["subject"] == "project control software"
    assert one(rows, "74%")["measure"] == "share"
    europe = one(rows, "27.5%")
    assert (europe["scope"], europe["measure"], europe["year"]) == ("Europe", "share", 2025)
    assert one(rows, "USD 0.58 billion")["measure"] == "market_size"


def test_a_central_bank_statement_names_its_economy(tmp_path):
    text = ("# Bank of Ruritania cuts policy rate to 3.75%\n\n*2 October 2025*\n\n"
            "The Bank of Ruritania lowered its policy rate by 25 basis points to 3.75%. Inflation in Ruritania "
            "eased and the economy of Ruritania slowed, the Bank of Ruritania said.\n")
    rows = claims(tmp_path, text)
    assert {(r["entity"], r["entity_type"]) for r in rows} == {("Ruritania", "economy")}


def test_the_bank_of_england_names_the_united_kingdom(tmp_path):
    text = ("# UK economy grows 0.3% in the third quarter\n\nThe UK economy grew 0.3%, official figures showed. "
            "The Bank of England held rates. The Bank of England said GDP and inflation would ease.\n")
    rows = claims(tmp_path, text)
    assert {r["entity"] for r in rows} == {"United Kingdom"}


def test_a_figure_s_own_past_tense_verb_makes_it_an_actual(tmp_path):
    rows = claims(tmp_path, "Acme Inc. reported results. Acme Inc. announced.\n\n"
                            "Acme has tightened its full-year outlook after like-for-like sales rose 4.3% in the first half of 2025.\n")
    assert one(rows, "4.3%")["kind"] == "actual"


def test_a_cagr_sentence_s_unnamed_amounts_are_the_market_s(tmp_path):
    rows = claims(tmp_path, "# Widget Market Report\n\nThe widget market is growing.\n\n"
                            "Transport infrastructure grows from USD 0.62 billion in 2025 to USD 1.31 billion in 2030, "
                            "a CAGR of 19.8%.\n")
    assert one(rows, "USD 0.62 billion")["measure"] == "market_size"
    cagr = one(rows, "19.8%")
    assert (cagr["period_start"], cagr["period_end"]) == (2025, 2030)


def test_a_markets_note_s_kicker_names_its_economy(tmp_path):
    text = ("# Ruritania: labour data surprise on the hawkish side\n\n*Morning Macro, 15 October 2025*\n\n"
            "Ruritania's unemployment rate fell to 4.6% in September 2025, against a consensus of 4.7%. "
            "Inflation in Ruritania held steady.\n")
    rows = claims(tmp_path, text)
    assert {(r["entity"], r["entity_type"]) for r in rows} == {("Ruritania", "economy")}


def test_a_market_report_s_share_clause_names_its_segment(tmp_path):
    rows = claims(tmp_path, "# Widget Market Report 2025\n\nThe global widget market is growing.\n\n"
                            "- Hardware accounted for 64.5% of widget revenue in 2024; software and services will grow at "
                            "a CAGR of 22.7% through 2032.\n- The market is expected to grow at a CAGR of 12.1%.\n")
    assert one(rows, "64.5%")["scope"] == "hardware"
    assert one(rows, "22.7%")["scope"] == "software and services"
    assert one(rows, "12.1%")["scope"] == "Global"


STATISTICS_STORY = """---
title: "Ruritania ends year with weak growth as fiscal policy tightens"
date: "2027-02-13 09:00:00"
---

Ruritania's gross domestic product rose 0.3% between October and December from the previous three-month period, or 1.2% on an annualized basis, the Statistical Office of Ruritania said on Thursday.

Output increased in three of the four main industries in Q3 2026 compared with Q2 2026. Output rose by 0.9% in services and by 0.5% in construction.
"""


def test_a_quarter_spelled_as_months_is_the_latest_before_the_story_and_its_restatement_shares_it(tmp_path):
    rows = claims(tmp_path, STATISTICS_STORY)
    quarter = one(rows, "0.3%")
    # "fiscal policy" does not make an economy count in fiscal years
    assert (quarter["year"], quarter["quarter"], quarter["fiscal"], quarter["basis"]) == (2026, 4, False, "qoq")
    annualized = one(rows, "1.2%")
    assert (annualized["measure"], annualized["year"], annualized["quarter"], annualized["basis"]) == (
        "growth", 2026, 4, "annualized")


def test_a_sentence_without_figures_dates_the_next_ones(tmp_path):
    rows = claims(tmp_path, STATISTICS_STORY)
    services, construction = one(rows, "0.9%"), one(rows, "0.5%")
    assert (services["year"], services["quarter"], services["scope"]) == (2026, 3, "services")
    assert (construction["year"], construction["quarter"]) == (2026, 3)  # not Q2, the comparison's base


ANALYST_NOTE = """# Ironbridge vs. Calloway after FY2026 results

*Equity Research | Industrial Machinery | March 4, 2027*

Ironbridge Holdings closed out fiscal 2026 ahead of our estimates, with revenue up 8.1%.

Ironbridge has 210 million shares outstanding, giving a market capitalisation of roughly $41 billion. We keep our price target of $230.
"""


def test_a_market_value_is_of_the_notes_date_and_a_price_target_of_none(tmp_path):
    rows = claims(tmp_path, ANALYST_NOTE)
    growth = one(rows, "8.1%")
    assert (growth["year"], growth["fiscal"]) == (2026, True)
    cap = one(rows, "$41 billion")
    assert (cap["measure"], cap["year"], cap["fiscal"]) == ("market_cap", 2027, False)
    shares = one(rows, "210 million")
    assert (shares["measure"], shares["year"], shares["fiscal"]) == ("count", 2027, False)
    target = one(rows, "$230")
    assert target["measure"] == "price" and target["year"] is None


JAPANESE_RESULTS = """# Hokuren Machinery Co., Ltd.

## Summary of Consolidated Financial Results for 1Q FY2026 (Three Months Ended June 30, 2026)

*August 6, 2026. Fiscal year ending March 31, 2027 (FY2026).*

Hokuren Machinery reported operating income of 9,412 million yen for 1Q FY2026.
"""

JAPANESE_NEWS = """# Hokuren Machinery's April-June profit rises

*August 6, 2026*

TOKYO -- Hokuren Machinery Co., Ltd. said Thursday that operating profit for the April-June quarter rose 12% to 9.4 billion yen. It kept its forecast for operating profit of 40 billion yen for the fiscal year ending March 2027.
"""


def test_a_fiscal_year_named_by_its_start_is_counted_by_its_end_like_a_month_span(tmp_path):
    results = one(claims(tmp_path, JAPANESE_RESULTS, "results.md"), "9,412 million yen")
    assert (results["year"], results["quarter"], results["fiscal"], results["period_label"]) == (2027, 1, True, "Q1 FY2026")
    news = claims(tmp_path, JAPANESE_NEWS, "news.md")
    quarter = one(news, "9.4 billion yen")
    # the April-June quarter of a year ending in March: Q1 of the year ending March 2027, already past
    assert (quarter["year"], quarter["quarter"], quarter["fiscal"], quarter["kind"]) == (2027, 1, True, "actual")
    outlook = one(news, "40 billion yen")
    assert (outlook["year"], outlook["fiscal"], outlook["fiscal_year_end"], outlook["kind"]) == (2027, True, 3, "forecast")


SEGMENT_BLURB = """# Cold Chain Sensor Market Report, 2026-2033

- The global cold chain sensor market will be worth USD 812.0 million in 2026 and is forecast to reach USD 2,410.5 million in 2033, a CAGR of 16.8% over 2026–2033.
- Pharmaceutical demand is expected to rise from USD 305.0 million in 2026 to USD 1,020.0 million in 2033, a CAGR of 18.8%.
- Seafood logistics grows from USD 0.11 billion in 2026 to USD 0.25 billion in 2033.
"""


def test_a_segments_values_in_a_market_report_are_the_segments(tmp_path):
    rows = claims(tmp_path, SEGMENT_BLURB)
    whole = one(rows, "USD 812.0 million")
    assert (whole["measure"], whole["scope"]) == ("market_size", "Global")
    for figure in ("USD 305.0 million", "USD 1,020.0 million", "18.8%"):
        assert one(rows, figure)["scope_type"] == "segment", figure
    assert one(rows, "USD 305.0 million")["scope"].lower() == "pharmaceutical"
    assert one(rows, "USD 0.25 billion")["scope"].lower() == "seafood logistics"
    assert one(rows, "16.8%")["scope"] == "Global"


DIVISIONS = """# Ashcombe Engineering plc — Annual Report 2026

*Financial year ended 31 March 2026*

Group revenue of £412.0m comprised Marine Systems £250.5m (FY2025: £231.0m), Rail Components £121.5m (FY2025: £118.2m) and Services £40.0m (FY2025: £36.4m).
"""


def test_a_companys_amounts_listed_after_its_total_are_its_divisions(tmp_path):
    rows = claims(tmp_path, DIVISIONS)
    assert one(rows, "£412.0m")["scope"] == "Global"
    marine, before = one(rows, "£250.5m"), one(rows, "£231.0m")
    assert (marine["scope"], marine["measure"], marine["year"]) == ("Marine Systems", "revenue", 2026)
    assert (before["scope"], before["measure"], before["year"]) == ("Marine Systems", "revenue", 2025)
    assert one(rows, "£40.0m")["scope"] == "Services"


def test_amounts_listed_after_a_parts_amount_are_parts_of_the_same_year(tmp_path):
    text = ("# Global Soil Sensor Market\n\nBy end user, farms generated USD 3.10 billion in 2025, "
            "research institutes USD 0.85 billion and greenhouses USD 0.41 billion.\n")
    rows = claims(tmp_path, text)
    first = one(rows, "USD 3.10 billion")
    for figure, part in (("USD 0.85 billion", "research institute"), ("USD 0.41 billion", "greenhouse")):
        row = one(rows, figure)
        assert row["scope"].lower().startswith(part), row["scope"]
        assert (row["scope_type"], row["measure"], row["year"]) == (first["scope_type"], first["measure"], 2025)
    # a bare global figure after a part's is no item of its list
    rows = claims(tmp_path, "# Global Soil Sensor Market\n\nFarms generated USD 3.10 billion in 2025; "
                            "the market reached USD 4.36 billion.\n")
    assert one(rows, "USD 4.36 billion")["scope"] == "Global"


@pytest.mark.parametrize("sentence, share, amount", [
    ("Rigid trays led the market with a 38.5% share in 2025 (USD 612.0 million).", "38.5%", "USD 612.0 million"),
    ("Rigid trays held 38.5%, or USD 612.0 million, in 2025.", "38.5%", "USD 612.0 million"),
    ("Rigid trays accounted for USD 612.0 million (38.5%) in 2025.", "38.5%", "USD 612.0 million"),
    ("Latin America dominated the segment with a share of 38.5% in 2025, equal to roughly USD 612.0 million.",
     "38.5%", "USD 612.0 million"),
])
def test_a_parts_share_restated_as_an_amount_beside_it_is_of_that_part_and_year(tmp_path, sentence, share, amount):
    rows = claims(tmp_path, f"# Global Molded Fibre Market\n\n{sentence}\n")
    s, a = one(rows, share), one(rows, amount)
    assert s["measure"] == "share" and s["scope"] != "Global", s
    assert (a["scope"], a["year"]) == (s["scope"], 2025), a


def test_a_share_price_date_does_not_date_the_figures_after_it(tmp_path):
    text = ("# Ashcombe Engineering plc — Annual Report 2026\n\n*Financial year ended 31 March 2026 | 12 June 2026*\n\n"
            "The shares closed the year at 412p, valuing the group at £1.2bn. Net finance costs were £5.3m and, "
            "after a tax charge of £12.7m, profit for the year was £43.9m (FY2025: £40.8m).\n")
    rows = claims(tmp_path, text)
    profit = one(rows, "£43.9m")
    assert (profit["measure"], profit["year"], profit["fiscal"]) == ("net_income", 2026, True)


MORNING_NOTE = """# Ruritania: labour data surprise

*Morning Macro — 15 October 2027*

**Unemployment rate (Sep):** 4.6% vs consensus 4.7%, prior 4.8%
**Total pay growth (Sep, y/y):** 5.4% vs consensus 4.8%, prior 4.9%
**Regular pay growth (Sep, y/y):** 4.7%
"""


def test_an_analysts_labels_date_their_figures_and_prior_is_the_month_before(tmp_path):
    rows = claims(tmp_path, MORNING_NOTE)
    at = {(r["line"], r["figure"]): r for r in rows}
    assert {(at[k]["year"], at[k]["month"]) for k in ((5, "4.6%"), (6, "5.4%"), (7, "4.7%"))} == {(2027, 9)}
    assert at[(5, "4.7%")]["kind"] == at[(6, "4.8%")]["kind"] == "consensus"
    for key in ((5, "4.8%"), (6, "4.9%")):
        assert (at[key]["kind"], at[key]["year"], at[key]["month"]) == ("actual", 2027, 8), key
    assert at[(7, "4.7%")]["kind"] == "actual"


TRADING_UPDATE = """# Larkspur Home plc — Half-year trading update

*3 September 2026. Larkspur Home plc issues a trading update for the 26 weeks to 29 August 2026 (H1 FY27).*

- Total sales of £402.0m, up 6.1% on last year's £378.9m
"""


def test_a_half_labelled_after_its_end_date_gives_the_fiscal_year_and_last_years_figure(tmp_path):
    rows = claims(tmp_path, TRADING_UPDATE)
    now, before = one(rows, "£402.0m"), one(rows, "£378.9m")
    assert (now["year"], now["fiscal"], now["fiscal_year_end"], now["period_label"], now["kind"]) == (
        2027, True, 2, "H1 FY2027", "actual")  # the half ended in August: the year ends in February
    assert (before["year"], before["period_label"]) == (2026, "H1 FY2026")


def test_an_amount_of_change_is_no_level_and_no_range(tmp_path):
    text = ("Northwind Corp. today announced results for fiscal 2026.\n\n"
            "Revenue rose by $12.0 million to $150.0 million in fiscal 2026, an increase of 8.7%.\n\n"
            "Net income increased $3.1 million to $20.4 million in fiscal 2026.\n\n"
            "The company expects revenue of $160 million to $170 million in fiscal 2027, and sales to grow by 3% to 5%.\n")
    rows = claims(tmp_path, text)
    change, level = one(rows, "$12.0 million"), one(rows, "$150.0 million")
    assert (change["measure"], change["qualifier"]) == ("other", "exact")
    assert (level["measure"], level["value"]) == ("revenue", 150e6)
    assert one(rows, "$3.1 million")["measure"] == "other" and one(rows, "$20.4 million")["measure"] == "net_income"
    guidance = one(rows, "$160 million to $170 million")
    assert (guidance["qualifier"], guidance["low"], guidance["high"]) == ("range", 160e6, 170e6)
    assert one(rows, "3% to 5%")["qualifier"] == "range"  # "grow by 3% to 5%": near ends, a range


def test_review_cases_a_dateline_a_percent_range_an_italic_note_and_a_prior_half(tmp_path):
    rows = claims(tmp_path, "SPRINGFIELD, March 3, 2025 -- Acme Corp today announced results for the fourth quarter "
                            "of 2024. Revenue was $150 million, up 10%.\n", "release.md")
    assert {(r["year"], r["quarter"]) for r in rows} == {(2024, 4)}  # the dateline dates nothing
    assert one(claims(tmp_path, "Acme Corp expects 2025 revenue to grow by 10% to 40%.\n", "outlook.md"),
               "10% to 40%")["qualifier"] == "range"
    note = claims(tmp_path, "# Gizmo Market Report\n\n*Note: data before January 2020 use the old method.*\n\n"
                            "The gizmo market was USD 5.0 billion in 2023 and will reach USD 9.0 billion in 2030.\n", "note.md")
    assert one(note, "USD 5.0 billion")["kind"] != "forecast"  # an italic note is no byline date
    half = claims(tmp_path, "# Acme Corp: results\n\n*Equity Research | 10 September 2025*\n\nAcme Corp reported its results.\n\n"
                            "**Operating margin (H1 2025):** 14.6%, prior 12.8%\n", "half.md")
    assert one(half, "12.8%")["period_label"] == "H2 2024" and one(half, "12.8%")["kind"] == "actual"


CPI_NEWS = """# Valmora inflation at its highest since late 2024 as fuel costs climb

**VALMORA CITY, 14 May 2026** — Consumer prices in Valmora rose 3.6% in April from a year earlier,
the Statistics Office of Valmora said on Wednesday.

Core inflation, which strips out food, energy and tobacco, edged up to 2.7% from 2.5%.
The CPIH rose by 3.9% in the 12 months to April 2026.
"""


def test_a_statistics_story_speaks_of_its_month_and_its_bases_date_nothing(tmp_path):
    rows = claims(tmp_path, CPI_NEWS, name="news.md")
    when = {r["figure"]: (r["measure"], r["year"], r["month"]) for r in rows}
    # "since late 2024" in the headline is a comparison, not the story's year
    assert when["3.6%"] == ("rate", 2026, 4)
    # the measure is named before a relative clause; "from 2.5%" is the previous month's reading
    assert when["2.7%"] == ("rate", 2026, 4) and when["2.5%"] == ("rate", 2026, 3)
    assert when["3.9%"] == ("rate", 2026, 4)  # "in the 12 months to April 2026"


def test_a_figure_is_attributed_to_the_firm_its_sentence_or_its_document_names(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Widget Sensors Market to Reach USD 4.4 Billion by 2032 | Harlow Insights\n\n"
        "The global widget sensors market was valued at USD 1.86 billion in 2024.\n\n"
        "* By type, wireless sensors accounted for a revenue share of 55.9% in 2024.\n"
        "* Industrial users generated USD 1.05 billion in 2024.\n", encoding="utf-8")
    (tmp_path / "blog.md").write_text(
        "# Are widget sensors worth it?\n\nEvery spring somebody asks me about sensors.\n\n"
        "The research firms agree. Harlow Insights pegs the widget sensors industry at $1.68 billion in 2024, "
        "and according to Brenwick Research it was $1.92 billion.\n", encoding="utf-8")
    rows = reconcile.extract_claims(str(tmp_path)).to_dict("records")
    by_figure = {r["figure"]: r for r in rows}
    assert by_figure["USD 1.86 billion"]["attributed_to"] == "Harlow Insights"  # the document's publisher
    assert by_figure["$1.68 billion"]["attributed_to"] == "Harlow Insights"  # named in the sentence
    assert by_figure["$1.92 billion"]["attributed_to"] == "Brenwick Research"
    # "industry" names the market too, so the blog's figures are the same market's
    assert by_figure["$1.68 billion"]["subject"] == by_figure["USD 1.86 billion"]["subject"]
    # a bulleted "By type," names the breakdown; "generated" makes its subject a segment
    assert by_figure["55.9%"]["dimension"] == "type"
    assert (by_figure["USD 1.05 billion"]["scope"].lower(), by_figure["USD 1.05 billion"]["scope_type"]) == (
        "industrial users", "segment")


SEGMENT_TABLE = """# Harlow Outdoor Reports Third Quarter Fiscal 2025 Results

Harlow Outdoor, Inc. today reported results for the third quarter of fiscal 2025. Net sales
increased 7.3% to $1,284.6 million.

| Segment | Q3 FY2025 net sales | Q3 FY2024 net sales | Q3 FY2025 operating income | Operating margin |
|---|---:|---:|---:|---:|
| Apparel | $538.9 | $507.6 | $74.1 | 13.8% |
| Footwear | 745.7 | 689.7 | 77.1 | 10.3% |
| Total | $1,284.6 | $1,197.3 | $151.2 | 11.8% |
"""


def test_a_table_with_no_scale_note_takes_it_from_the_text_and_its_total_row_is_the_whole(tmp_path):
    rows = claims(tmp_path, SEGMENT_TABLE, name="release.md")
    cells = {(r["scope"], r["figure"]): r for r in rows if r["line"] >= 9}
    # "$1,284.6" in the table is the text's "$1,284.6 million": the table is in millions
    assert cells[("Footwear", "745.7")]["value"] == 745.7e6
    assert cells[("Global", "$1,284.6")]["value"] == 1284.6e6  # "Total" is the whole company
    margin = cells[("Footwear", "10.3%")]
    # the margin column has no period of its own: the latest of its neighbours'
    assert (margin["measure"], margin["year"], margin["quarter"]) == ("margin", 2025, 3)


def test_an_analyst_s_estimates_and_their_revisions_are_forecasts_not_contradictions(tmp_path):
    note = ("# Harlow Outdoor (HRLW): beat and raise\n\n"
            "Harlow Outdoor reported third-quarter results on Tuesday.\n\n"
            "We raise FY25E adj. EPS to $4.90 (from $4.78). FY26E adj. EPS goes to $5.45 (from $5.30). "
            "Our $82 PT is ~15x FY26E adj. EPS.\n")
    rows = claims(tmp_path, note, name="note.md")
    by_figure = {r["figure"]: r for r in rows}
    assert {by_figure[f]["kind"] for f in ("$4.90", "$4.78", "$5.45", "$5.30")} == {"forecast"}  # "FY26E"
    assert by_figure["$82"]["measure"] == "price"  # "PT": a price target, not earnings
    result = reconcile.audit([str(tmp_path)])
    assert not [f for f in result.findings if f.rule == "RC201"]  # old and new estimates are a revision


def test_a_wire_story_dates_its_quarter_from_its_date_and_its_bases_a_year_before(tmp_path):
    release = ("# Harlow Outdoor, Inc. Reports Third Quarter Fiscal 2025 Results\n\n"
               "Harlow Outdoor, Inc. today reported results for the third quarter of fiscal 2025, the thirteen weeks "
               "ended November 1, 2025. Harlow's fiscal year ends in January.\n\n"
               "Net income was $107.5 million, or $1.62 per diluted share, compared with $85.2 million, or $1.27 per "
               "diluted share.\n")
    wire = ("---\ntitle: \"Harlow Outdoor 3Q Profit Climbs 26%\"\npublished: 2025-12-04T21:41:00Z\n---\n\n"
            "Harlow Outdoor Inc. on Thursday posted a 26% jump in fiscal third-quarter profit.\n\n"
            "For the quarter ended Nov. 1, the outdoor-gear maker reported net income of $107.5 million. "
            "Comparable sales rose 3.6%, while revenue was weighted to the second half ($85.6 million, against "
            "$61.2 million in the first half).\n")
    (tmp_path / "release.md").write_text(release, encoding="utf-8")
    (tmp_path / "wire.md").write_text(wire, encoding="utf-8")
    rows = reconcile.extract_claims(str(tmp_path)).to_dict("records")
    got = {(r["doc_id"], r["figure"]): r for r in rows}
    base = got[("release.md", "$85.2 million")], got[("release.md", "$1.27")]
    # "compared with $85.2 million, or $1.27 per diluted share": the quarter a year before
    assert [(r["year"], r["quarter"]) for r in base] == [(2024, 3), (2024, 3)]
    story = got[("wire.md", "$107.5 million")]
    # no year written: the fiscal third quarter reported by a story of December 2025, in the
    # fiscal calendar the company's release states
    assert (story["year"], story["quarter"], story["fiscal"]) == (2025, 3, True)
    assert story["fiscal_year_end"] == got[("release.md", "$107.5 million")]["fiscal_year_end"]
    assert got[("wire.md", "$61.2 million")]["period_label"].startswith("H1")  # "in the first half)"


def test_a_note_titled_with_an_exchange_ticker_and_a_story_of_a_raised_outlook_name_their_company(tmp_path):
    note = ("# Harlow Components (HLC GY) – H1 25: Chassis carries the beat\n\n"
            "**First take.** H1 adj. EBIT of EUR 179m came in 4.7% above consensus. Harlow's margin held up.\n\n"
            "Harlow remains our top pick; Harlow trades at 9x earnings.\n")
    story = ("# Brenwick & Vale narrows guidance as like-for-likes rise 4.3%\n\n"
             "Homewares chain Brenwick & Vale has tightened its full-year outlook after like-for-like sales "
             "rose 4.3% in the first half. Brenwick & Vale now expects profit of £52m.\n")
    assert {r["entity"] for r in claims(tmp_path, note, name="note.md")} == {"Harlow Components"}
    assert {r["entity"] for r in claims(tmp_path, story, name="story.md")} == {"Brenwick & Vale"}


def test_a_market_growing_a_given_rate_each_year_over_a_period_states_a_cagr(tmp_path):
    text = ("# Widget Sensors Market\n\nThe widget sensors market is estimated at USD 4.9 Bn in 2024 and will touch "
            "USD 8.6 Bn in 2030, expanding at 9.9% annually over 2024–2030.\n\n"
            "Brenwick expects cloud-deployed sensors to grow more than 21% a year through 2030.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text)}
    assert (rows["9.9%"]["measure"], rows["9.9%"]["period_start"], rows["9.9%"]["period_end"]) == ("cagr", 2024, 2030)
    assert rows["21%"]["measure"] != "cagr"  # a part's rate, no market named: not the market's CAGR


def test_a_part_named_before_its_change_in_brackets_is_its_scope(tmp_path):
    text = ("STATISTICS VALMORA\nConsumer Prices Bulletin: March 2026\n\nConsumer price inflation was 3.4% in March "
            "2026. Food prices rose by 5.1% in the year to March 2026. Vegetables (up 11.8%) and dairy products "
            "(up 7.2%) accounted for most of the increase. Inflation stood at 3.1% (up 0.2 points).\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text, name="cpi.txt")}
    assert (rows["11.8%"]["scope"], rows["7.2%"]["scope"]) == ("Vegetables", "dairy products")
    assert rows["7.2%"]["measure"] != "share"  # "(up 7.2%) accounted for …": a change, not a share


def test_split_years_count_columns_and_year_ended_tables(tmp_path):
    text = ("# Brenwick Ferries\n\nIn the 2024/25 financial year the company carried 6.84 million passengers. "
            "In the 2023/24 season the line carried 1.16 million units.\n\n"
            "| Year ended 31 March | Revenue (£m) | Passengers (millions) |\n|---|---|---|\n"
            "| 2024 | 781.3 | 6.51 |\n| 2025 | 842.6 | 6.84 |\n")
    rows = claims(tmp_path, text)
    prose = {r["figure"]: r for r in rows if r["line"] == 3}
    assert (prose["6.84 million"]["year"], prose["6.84 million"]["fiscal"]) == (2025, True)  # "2024/25 financial year"
    assert (prose["1.16 million"]["year"], prose["1.16 million"]["fiscal"]) == (2024, False)  # a season
    table = {r["figure"]: r for r in rows if r["line"] == 8}
    # "Passengers (millions)": millions of passengers, not pounds; "Year ended 31 March": fiscal years
    assert (table["6.84"]["value"], table["6.84"]["unit"], table["6.84"]["measure"]) == (6.84e6, "passenger", "count")
    assert (table["842.6"]["unit"], table["842.6"]["fiscal"], table["842.6"]["year"]) == ("GBP", True, 2025)


def test_a_release_s_segments_named_as_the_subject_and_referred_back_to(tmp_path):
    text = ("# Harlow Components SE: Half-year results 2025\n\n"
            "**Stuttgart, 30 July 2025** – Harlow Components SE today published its results for the first half of 2025.\n\n"
            "Group revenue rose 6.1% to EUR 2,134.6 million.\n\n"
            "Powertrain Solutions increased revenue by 4.0% to EUR 1,204.7 million. The division's adjusted EBIT "
            "rose to EUR 84.1 million.\n\n"
            "Chassis & Safety grew revenue by 9.0% to EUR 929.9 million; its adjusted EBIT margin reached 11.8%.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text, name="release.md")}
    assert [rows[f]["scope"] for f in ("EUR 1,204.7 million", "EUR 84.1 million")] == ["Powertrain Solutions"] * 2
    assert [rows[f]["scope"] for f in ("EUR 929.9 million", "11.8%")] == ["Chassis & Safety"] * 2
    assert rows["EUR 2,134.6 million"]["scope"] == "Global"
    # the release names its period in its opening: the first half of 2025
    assert rows["EUR 2,134.6 million"]["period_label"].startswith("H1") and rows["EUR 2,134.6 million"]["year"] == 2025


def test_a_price_target_on_a_dated_line_has_no_date(tmp_path):
    note = ("# Harlow Medical Systems (HRMS) — Robotics carries the quarter\n\n"
            "**Tollgate Securities | Equity Research**\n"
            "29 October 2025 · Rating: BUY · Price target: **$265** (from $250) · Last close: $231.15\n\n"
            "Harlow Medical Systems reported revenue of $1.24bn. Harlow raised its guide.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, note, name="note.md")}
    assert rows["$265"]["measure"] == "price" and rows["$265"]["year"] is None
def test_a_small_round_price_in_a_table_is_not_scaled_by_a_coincidence_in_the_text(tmp_path):
    text = ("# Meal kit market update\n\nBrightlake raised $12 million in its Series A round in 2024.\n\n"
            "| Plan | Price per week (2024) |\n|---|---|\n| Basic | $12 |\n| Family | $25 |\n\n"
            "The global meal kit market was valued at USD 19.9 billion in 2024.\n")
    rows = claims(tmp_path, text, name="update.md")
    cells = {r["figure"]: r["value"] for r in rows if r["line"] in (7, 8)}
    assert cells == {"$12": 12.0, "$25": 25.0}  # "$12 million" elsewhere is no scale note


def test_according_to_at_the_start_of_a_sentence_names_the_firm(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Widget Sensors Market Report | Harlow Insights\n\n"
        "The global widget sensors market was valued at USD 1.86 billion in 2024.\n\n"
        "Other firms size it differently. According to Orrin & Vale, the global widget sensors market "
        "was valued at USD 1.92 billion in 2024.\n", encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    by_figure = {r["figure"]: r for r in result.claims.to_dict("records")}
    assert by_figure["USD 1.86 billion"]["attributed_to"] == "Harlow Insights"
    assert by_figure["USD 1.92 billion"]["attributed_to"] == "Orrin & Vale"  # not the publisher's
    # two firms' estimates 3% apart: no contradiction within the report
    assert not [f for f in result.findings if f.rule == "RC201"]


def test_a_total_row_of_a_region_is_that_region_s_subtotal_not_the_whole(tmp_path):
    text = ("# Widget market report\n\nThe global widget market was valued at USD 5.0 billion in 2024.\n\n"
            "Widget market revenue by country (USD billion)\n\n| Country | 2024 |\n|---|---|\n"
            "| Germany | 1.2 |\n| France | 0.8 |\n| Total Europe | 2.0 |\n| United States | 2.1 |\n"
            "| Total North America | 2.4 |\n| Total | 5.0 |\n")
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    scopes = {r["line"]: r["scope"] for r in result.claims.to_dict("records") if r["doc_id"] == "a.md"}
    assert (scopes[11], scopes[13], scopes[14]) == ("Europe", "North America", "Global")
    # neither two more "global" sizes against the text's USD 5.0 billion, nor a question
    # whether Germany is inside the Europe it is the subtotal of
    assert not [f.message for f in result.findings if f.rule in ("RC201", "RC405")]


def test_a_base_compared_sequentially_is_the_quarter_before_not_a_year_before(tmp_path):
    release = ("# Keldra Corp. Reports Third Quarter 2025 Results\n\n"
               "Keldra Corp. today reported results for the third quarter of 2025.\n\n"
               "Revenue grew 10.0% year over year to $500.0 million, compared with $480.0 million sequentially.\n")
    (tmp_path / "r.md").write_text(release, encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    base = next(r for r in result.claims.to_dict("records") if r["figure"] == "$480.0 million")
    assert base["period_label"] == "Q2 2025"
    # so 10% year over year is not checked against $480.0 million as the year-ago quarter
    assert not [f.message for f in result.findings if f.rule == "RC104"]


def test_a_year_in_brackets_in_a_title_is_no_ticker(tmp_path):
    text = ("# Norrland Economic Review (2025)\n\n"
            "Norrland's economy grew 2.1% in 2024, and inflation was 2.6% in 2024.\n\n"
            "The unemployment rate was 4.1% in 2024.\n")
    rows = claims(tmp_path, text, name="review.md")
    assert rows and not any(r["entity_type"] == "company" for r in rows)
    assert not any("review" in r["subject"] for r in rows)


def test_a_central_bank_that_raised_its_rate_is_no_company(tmp_path):
    text = ("# Euro area inflation eases in September\n\n"
            "Euro area annual inflation was 2.2% in September 2025, down from 2.4% in August, Eurostat said.\n\n"
            "The European Central Bank raised its deposit rate to 2.5% in July. The European Central Bank expects "
            "inflation to reach 2.0% in 2026. Analysts expect the European Central Bank to hold rates in October.\n")
    rows = claims(tmp_path, text, name="ea.md")
    assert rows and not any(r["entity_type"] == "company" for r in rows)
    assert not any("central bank" in r["subject"] for r in rows)


def test_total_and_regular_pay_growth_are_two_rates_compared_across_documents(tmp_path):
    (tmp_path / "release.txt").write_text(
        "STATISTICS VALMORA\nLabour market, September 2025\n\n"
        "The unemployment rate in Valmora was 4.6% in September 2025. Annual growth in average weekly earnings "
        "(total pay, including bonuses) was 5.1% in September 2025; growth in regular pay (excluding bonuses) "
        "was 4.7%.\n", encoding="utf-8")
    (tmp_path / "commentary.md").write_text(
        "# Valmora: labour data surprise on the hawkish side\n\nValmora's labour market stayed tight: Valmora's "
        "unemployment rate held at 4.6% in September.\n\n**Total pay growth (Sep 2025, y/y):** 5.4%\n",
        encoding="utf-8")
    found = [f for f in reconcile.audit([str(tmp_path)]).findings if f.rule == "RC201"]
    assert len(found) == 1 and "total_pay" in found[0].message.replace(" ", "_")
    assert "5.1%" in found[0].message and "5.4%" in found[0].message and "4.7%" not in found[0].message


def test_an_amount_in_two_currencies_joined_by_or_is_one_claim(tmp_path):
    rows = claims(tmp_path, "In 2023, the manufacturing industry was worth £451.6 billion or $588 billion.\n")
    money = [r for r in rows if r["unit"] in ("GBP", "USD")]
    assert [(r["unit"], r["converted_value"], r["converted_unit"]) for r in money] == [("GBP", 588e9, "USD")]


def test_a_research_firms_yearly_growth_to_a_year_is_its_cagr_but_a_parts_is_not(tmp_path):
    text = ("# Sweets trade journal\n\nSolvane Partners estimates $2.46 billion for 2025 and forecasts growth of 6.5% a "
            "year to 2031, taking the category to $3.39 billion.\n\n"
            "Quillfeather Insights expects cloud-deployed project controls to grow more than 21% a year through 2030.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text)}
    assert rows["6.5%"]["measure"] == "cagr"
    assert rows["21%"]["measure"] != "cagr"


def test_the_value_a_parts_share_is_stated_beside_it_is_that_parts_size_that_year(tmp_path):
    text = ("# Electric Cargo Bike Market\n\nThe global electric cargo bike market was valued at USD 3.86 billion in "
            "2024. The commercial end-use segment held a 41.5% share of 2024 revenue, valued at USD 1.94 billion, "
            "as couriers replaced vans.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text)}
    value = rows["USD 1.94 billion"]
    assert (value["measure"], value["year"], value["scope"]) == ("market_size", 2024, rows["41.5%"]["scope"])
    assert value["scope"] != "Global"


def test_an_amount_above_consensus_is_the_beat_not_the_figure(tmp_path):
    text = ("# Fellmark Outdoor (FLMK) – 3Q25: a clean beat\n\nFellmark's 3Q25 adj. EPS of $1.71 was $0.13 above "
            "consensus and $0.16 above our number. Revenue of $1.24bn came in above consensus.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text)}
    assert rows["$1.71"]["measure"] == "eps"
    assert rows["$0.13"]["measure"] == "other" and rows["$0.16"]["measure"] == "other"
    assert rows["$1.24bn"]["measure"] == "revenue"


def test_a_news_story_of_an_outcome_beside_expectations_and_its_dateline(tmp_path):
    text = ("# Aldmere unemployment climbs to 4.7% as hiring cools, but pay growth holds up\n\n"
            "**Tidewater Press** | 11 November 2025\n\n"
            "**Greyharbour** -- Aldmere's unemployment rate rose more than expected to 4.7% in the three months to "
            "September, official figures showed on Tuesday.\n")
    rows = [r for r in claims(tmp_path, text, name="news.md") if r["figure"] == "4.7%"]
    headline, story = sorted(rows, key=lambda r: r["line"])
    assert headline["measure"] == "rate"  # "holds up" after it is no share
    assert (story["measure"], story["kind"], story["scope"]) == ("rate", "actual", "Global")
    assert (story["year"], story["quarter"]) == (2025, 3)


def test_an_amount_at_current_prices_is_no_price_and_employed_persons_are_employment(tmp_path):
    text = ("STATISTICS FINLAND\nQuarterly national accounts, 3rd quarter 2025\n\n"
            "GDP at current prices was EUR 71.4 billion in the third quarter of 2025. The number of employed "
            "persons was 2,588,000 in the third quarter.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text, name="gdp.txt")}
    assert rows["EUR 71.4 billion"]["measure"] != "price"
    assert rows["2,588,000"]["scope"] == "employment"


def test_a_half_spelled_january_to_june_makes_the_fiscal_year_the_calendar_year(tmp_path):
    text = ("# Marlinde Components SE: Half-year results 2025\n\n**Stuttgart, 30 July 2025** – Marlinde Components SE "
            "today published its results for the first half of 2025 (January to June).\n\n"
            "- Group revenue rose 6.1% to EUR 2,134.6 million (H1 2024: EUR 2,011.3 million)\n\n"
            "For fiscal year 2025, Marlinde continues to expect revenue of EUR 4.2 to 4.4 billion.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text)}
    revenue = rows["EUR 2,134.6 million"]
    assert (revenue["fiscal"], revenue["fiscal_year_end"], revenue["period_label"]) == (False, 12, "H1 2025")


def test_a_markets_size_in_a_story_about_a_company_is_the_markets(tmp_path):
    text = ("# Kessler Thermtech wins heat pump order\n\nKessler Thermtech said revenue rose 27% to €2.3 billion in "
            "2024. Kessler Thermtech expects more orders. Brightlake Analytics expects the global industrial heat pump "
            "market to more than double to $9.8 billion by 2031.\n")
    rows = {r["figure"]: r for r in claims(tmp_path, text)}
    size = rows["$9.8 billion"]
    assert (size["measure"], size["entity"], size["entity_type"]) == ("market_size", "industrial heat pump", "market")
    assert rows["€2.3 billion"]["entity"] == "Kessler Thermtech"


SOFTWARE_RESULTS = """# Quenby Analytics reports fiscal 2026 results

**SEATTLE, August 12, 2026** - Quenby Analytics, Inc. (NASDAQ: QNBY) today reported results for its fiscal year ended June 30, 2026.

- GAAP operating income was $88.1 million, or 7.1% of revenue, compared with $41.0 million in fiscal 2025.
- Non-GAAP net income was $301.5 million, or $2.96 per diluted share.
- Annual recurring revenue was $1.31 billion, up 19% year over year.

| (in millions) | FY2026 | FY2025 |
|---|---|---|
| Total revenue | 1,240.6 | 1,071.2 |
| Sales and marketing | 402.3 | 371.9 |
"""


def test_a_software_companys_lines_keep_what_they_measure(tmp_path):
    rows = claims(tmp_path, SOFTWARE_RESULTS)
    assert one(rows, "$41.0 million")["measure"] == "operating_income"  # the base of "compared with"
    assert one(rows, "$2.96")["accounting"] == "adjusted"  # "Non-GAAP net income …, or $2.96 per diluted share"
    assert one(rows, "$1.31 billion")["measure"] == "other"  # ARR is no revenue
    assert one(rows, "402.3")["measure"] == "other"  # an expense line, not sales
    assert one(rows, "1,240.6")["measure"] == "revenue"


def test_an_infoboxs_listing_type_names_no_company_and_a_dated_sentence_dates_no_document(tmp_path):
    text = ("<html><body><h1>Quenby Analytics</h1>\n<p><b>Quenby Analytics, Inc.</b> is an American software company.</p>\n"
            "<table><tr><th>Type</th><td>Public (NASDAQ: QNBY)</td></tr>\n"
            "<tr><th>Revenue</th><td>US$1.24 billion (FY2026)</td></tr></table>\n"
            "<p>Recurring revenue passed $1 billion, reaching $1.10 billion at June 30, 2025.</p>\n"
            "<table><tr><th>Fiscal year</th><th>Revenue (US$ million)</th></tr>\n"
            "<tr><td>2026</td><td>1,240.6</td></tr></table></body></html>\n")
    rows = claims(tmp_path, text, "quenby.html")
    row = one(rows, "1,240.6")
    assert row["entity"] == "Quenby Analytics" and row["kind"] == "actual", row
    assert one(rows, "US$1.24 billion")["kind"] == "actual"


@pytest.mark.parametrize("sentence, figure, measure, kind", [
    ("Revenue rose 18% to $2.85 billion, ahead of the $2.83 billion analysts had pencilled in.", "$2.83 billion",
     "revenue", "consensus"),
    ("Quenby beat forecasts, sending its shares up 7.4% to $61.20 in extended trading.", "$61.20", "price", None),
])
def test_news_words_say_what_a_figure_is(tmp_path, sentence, figure, measure, kind):
    text = (f"# Quenby beats forecasts\n\nSEATTLE, Aug 13 (Wire) - Quenby Analytics Inc (NASDAQ: QNBY) reported "
            f"fiscal 2026 results on Wednesday. {sentence}\n")
    row = one(claims(tmp_path, text), figure)
    assert row["measure"] == measure and (kind is None or row["kind"] == kind), row


def test_a_half_named_without_its_year_is_a_half(tmp_path):
    text = ("# Harwell Homes: H1 2026 review\n\n*Analyst note, 28 July 2026*\n\n"
            "H1 adjusted operating profit of £96.4m was 4% ahead of our £92.7m forecast, on a 12.2% margin.\n")
    rows = claims(tmp_path, text)
    row = one(rows, "£96.4m")
    assert row["period_label"].startswith("H1") and row["kind"] == "actual", row


@pytest.mark.parametrize("sentence, part", [
    ("We expect clamshells to post a CAGR of 7.9% through 2032.", "clamshells"),
    ("Trays are expected to record a CAGR of 5.1% through 2032.", "trays"),
])
def test_a_segments_cagr_however_its_verb_reads(tmp_path, sentence, part):
    text = f"# Global Pulp Tableware Market\n\nThe market will grow at a CAGR of 6.0% from 2025 to 2032. {sentence}\n"
    rows = claims(tmp_path, text)
    assert one(rows, "6.0%")["scope"] == "Global"
    figure = sentence.split("CAGR of ")[1].split(" ")[0]
    assert one(rows, figure)["scope"].lower() == part


def test_a_brokers_estimate_column_beside_the_quarters_actual_is_its_forecast(tmp_path):
    text = ("# Orrin Pharma (ORRP): Q3 beat\n\n*Broker note, 30 October 2025*\n\n"
            "| EUR m | Q3 2025A | Kestrel estimate | Consensus |\n|---|---|---|---|\n"
            "| Group sales | 4,812 | 4,690 | 4,720 |\n| Core EPS (EUR) | 2.14 | 2.05 | 2.03 |\n")
    rows = claims(tmp_path, text)
    assert [one(rows, f)["kind"] for f in ("2.14", "2.05", "2.03")] == ["actual", "forecast", "consensus"]


def test_a_parts_forecast_and_rate_stated_on_from_its_amount_are_the_parts(tmp_path):
    text = ("# Global Process Chiller Market\n\nDairy processing was the largest end-use industry, with revenue of "
            "USD 0.84 billion in 2024, forecast to reach USD 1.31 billion by 2031 (CAGR 6.6%).\n\n"
            "Dairy processing held USD 0.84 billion in 2024, while the overall market is forecast to reach USD 4.2 billion by 2031.\n")
    rows = claims(tmp_path, text)
    for figure in ("USD 1.31 billion", "6.6%"):
        assert one(rows, figure)["scope"].lower() == "dairy processing", figure
    assert one(rows, "USD 4.2 billion")["scope"] == "Global"


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Net bookings of $6.71 billion, up 11.5% from $6.02 billion.", "$6.71 billion", "orders"),
    ("Nine-month organic growth stands at 5.4%.", "5.4%", "growth"),
    ("The number of Pass subscribers grew from 19.4 million to 23.6 million, while revenue reached $6.42 billion.",
     "23.6 million", "count"),
])
def test_company_lines_that_are_not_revenue_or_shares(tmp_path, sentence, figure, measure):
    text = ("# Starfall Games reports 2025 results\n\nSAN DIEGO, Feb 4, 2026 - Starfall Games Inc. (NASDAQ: STFG) "
            f"today reported results for 2025.\n\n{sentence}\n")
    assert one(claims(tmp_path, text), figure)["measure"] == measure


def test_a_subscriber_count_after_an_amount_is_no_amount(tmp_path):
    text = ("# Starfall Games\n\n<p>In 2025, revenue rose 9.2% to US$6.42 billion, and the number of Pass subscribers "
            "grew from 19.4 million to 23.6 million.</p>\n")
    rows = claims(tmp_path, text, "starfall.html")
    assert [one(rows, f)["unit"] for f in ("19.4 million", "23.6 million")] == ["subscriber", "subscriber"]


def test_a_segment_described_as_the_standout_names_its_growth(tmp_path):
    text = ("# Corvane Foods (CRVF): nine months\n\n*Analyst note, 24 October 2025*\n\nCorvane Foods reported organic growth that was "
            "solid. Snacks remains the standout division, with nine-month organic growth of 6.1%.\n")
    assert one(claims(tmp_path, text), "6.1%")["scope"] == "Snacks"


def test_a_trade_papers_masthead_is_no_title_and_its_headline_names_the_company(tmp_path):
    text = ("PLAYFIELD WEEKLY | Business\nMoonreach's subscription bet pays off as Pass tops 12 million\n\n"
            "By Ana Ruiz | February 13, 2026\n\nMoonreach Games closed 2025 with its subscription service at the center "
            "of the business. The publisher said Moonreach Pass ended the year with 12.4 million paid subscribers.\n\n"
            "Full-year revenue climbed 8.1% to $2.42 billion. Net bookings, the measure most analysts track because it "
            "captures digital sales before revenue deferrals, rose 10.5% to $2.61 billion.\n")
    rows = claims(tmp_path, text, "story.txt")
    assert one(rows, "$2.42 billion")["measure"] == "revenue"
    assert one(rows, "$2.42 billion")["entity"].startswith("Moonreach")
    assert (one(rows, "10.5%")["measure"], one(rows, "$2.61 billion")["measure"]) == ("growth", "orders")


def test_a_hedged_fall_is_a_decline_and_no_list_runs_past_its_sentence(tmp_path):
    text = ("# Electric ferry market\n\nThe firm expects revenue to expand at a CAGR of 21.4% between 2025 and 2032, as "
            "battery prices fall. Its model assumes diesel ferry orders in Europe fall by more than 60% by 2030.\n")
    row = one(claims(tmp_path, text), "60%")
    assert (row["measure"], row["value"], row["qualifier"]) == ("growth", -60.0, "over"), row


def test_a_mastheads_story_is_titled_by_its_headline(tmp_path):
    text = ("FERRY FLEET REVIEW\n\nForecasters split on how fast the electric ferry boom will run\n\n"
            "By Ana Ruiz\n\nOne firm puts the 2024 market at USD 3.1 billion.\n")
    assert claims(tmp_path, text, "story.txt")[0]["doc_title"].startswith("Forecasters split")


def test_a_firms_projection_of_a_market_is_a_forecast_not_guidance(tmp_path):
    text = ("<html><body><h1>Pulp trays win over supermarkets</h1>\n<p>Rossel Pulp Group, the largest tray maker, "
            "said it would add two lines. Rossel Pulp Group reported strong orders, and Rossel Pulp Group expects more.</p>\n"
            "<p>The shift is showing up in the numbers. Quellon Research estimates that the global molded pulp packaging market was worth USD 4.84 billion in 2024 and projects it "
            "will reach USD 7.52 billion by 2032.</p></body></html>\n")
    assert one(claims(tmp_path, text, "news.html"), "USD 7.52 billion")["kind"] == "forecast"
