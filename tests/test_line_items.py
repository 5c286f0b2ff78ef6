"""What a company figure measures when it is a line item: profit before tax, EBITDA, dividends
per share, costs; tables whose unit stands in a header cell or a column header; rows that are
periods; and the period a trade story's opening names without a year."""

from __future__ import annotations

import pandas as pd

import reconcile
from docclaims import claims, one


RESULTS = """# Harwick Marine plc — preliminary results for the year to 31 March 2025

Harwick Marine plc today announces its results for the year to 31 March 2025.

| £m | FY25 | FY24 |
|---|---:|---:|
| Revenue | 842.6 | 781.3 |
| Underlying EBITDA¹ | 196.4 | 171.8 |
| Underlying operating profit¹ | 98.7 | 84.2 |
| Underlying profit before tax¹ | 80.0 | 64.6 |
| Profit for the year | 41.0 | 45.2 |

¹ Before exceptional items.

Net finance costs were £18.7m and restructuring costs of £4.0m were charged. Basic earnings per share increased by 7.6% to 35.5p.
The order book gives visibility over around 70% of expected FY2026 revenue.
"""


def test_footnoted_row_labels_name_their_line_items(tmp_path):
    rows = claims(tmp_path, RESULTS)
    assert one(rows, "196.4")["measure"] == "ebitda"
    assert one(rows, "98.7")["measure"] == "operating_income"
    assert one(rows, "80.0")["measure"] == "pretax_income"
    assert one(rows, "41.0")["measure"] == "net_income"


def test_ebitda_and_operating_profit_of_one_year_are_no_conflict(tmp_path):
    (tmp_path / "results.md").write_text(RESULTS, encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    conflicts = [f for f in result.findings if f.rule == "RC201"]
    assert conflicts == [], [f.message for f in conflicts]


def test_costs_in_millions_are_no_price_and_earnings_per_share_growth_is_no_share(tmp_path):
    rows = claims(tmp_path, RESULTS)
    assert one(rows, "£18.7m")["measure"] == "other"
    assert one(rows, "£4.0m")["measure"] == "other"
    eps_growth = one(rows, "7.6%")
    assert eps_growth["measure"] == "growth"
    assert one(rows, "70%")["measure"] == "share"  # "70% of expected FY2026 revenue"


def test_a_header_cell_and_column_headers_give_the_tables_unit(tmp_path):
    rows = claims(tmp_path, "# Fenlow Aerial results\n\nFenlow Aerial Ltd reported its results for FY2025.\n\n"
                            "| A$ million | FY2025 | FY2024 |\n|---|---:|---:|\n| Revenue | 146.8 | 118.3 |\n")
    revenue = one(rows, "146.8")
    assert (revenue["unit"], revenue["value"], revenue["year"]) == ("AUD", 146_800_000, 2025)
    rows = claims(tmp_path, "# Brunnfeld AG\n\nBrunnfeld AG is a Swiss maker of valves.\n\n"
                            "| Year | Revenue (CHF m) | EBIT (CHF m) | Employees |\n|---|---:|---:|---:|\n"
                            "| 2023 | 1,829 | 207 | 7,260 |\n| 2024 | 1,937 | 231 | 7,420 |\n")
    revenue = one(rows, "1,937")
    assert (revenue["unit"], revenue["value"], revenue["measure"], revenue["year"]) == ("CHF", 1.937e9, "revenue", 2024)
    assert revenue["scope"] == "Global"  # the row names a year, not a part of the company
    assert one(rows, "231")["measure"] == "operating_income"
    staff = one(rows, "7,420")
    assert (staff["unit"], staff["value"], staff["year"]) == ("employee", 7420, 2024)


def test_a_small_count_in_a_count_column_is_no_claim(tmp_path):
    rows = claims(tmp_path, "# Brunnfeld AG\n\nBrunnfeld AG is a Swiss maker of valves.\n\n"
                            "| Region | Revenue (CHF m) | Stores |\n|---|---:|---:|\n| Europe | 1,204 | 12 |\n")
    assert [r["figure"] for r in rows if r["line"] == 7] == ["1,204"]


def test_a_trade_story_of_the_year_to_march_dates_its_figures_to_that_fiscal_year(tmp_path):
    rows = claims(tmp_path, "# Harwick profits rise\n\n**Ferry Week** — 6 June 2025\n\n"
                            "Harwick Marine has reported a sharp rise in underlying earnings for the year to March.\n\n"
                            "Underlying pre-tax profit rose to £98.7m. Shares in Harwick Marine closed 3.4% higher.\n")
    pbt = one(rows, "£98.7m")
    assert (pbt["measure"], pbt["year"], pbt["fiscal"]) == ("pretax_income", 2025, True)
    assert one(rows, "3.4%")["measure"] == "other"  # the stock's move: no share, no growth of the company


def test_risen_and_grown_are_rates_of_change(tmp_path):
    rows = claims(tmp_path, "# Ostland statistics\n\nRetail sales volumes in Ostland are estimated to have risen by "
                            "0.6% in September 2025. GDP is estimated to have grown by 0.9 per cent in 2024.\n")
    assert one(rows, "0.6%")["measure"] == "growth"
    assert one(rows, "0.9 per cent")["measure"] == "growth"


STATEMENT = """# Kestrel Devices reports second quarter fiscal 2026 results

Kestrel Devices Inc. today reported results for its second quarter of fiscal 2026.

| ($ in millions) | Q2 FY2026 | Q2 FY2025 | Six months FY2026 | Six months FY2025 |
|---|---:|---:|---:|---:|
| Revenue | 2,846.3 | 2,391.5 | 5,512.8 | 4,694.3 |
| Cost of revenue | 1,229.6 | 1,095.3 | 2,394.9 | 2,157.6 |
"""


def test_six_month_columns_are_the_first_half_and_cost_of_revenue_is_no_revenue(tmp_path):
    rows = claims(tmp_path, STATEMENT)
    assert one(rows, "4,694.3")["period_label"] == "H1 FY2025"
    assert one(rows, "2,391.5")["period_label"] == "Q2 FY2025"
    assert one(rows, "2,157.6")["measure"] == "other"
    (tmp_path / "statement.md").write_text(STATEMENT, encoding="utf-8")
    assert [f.message for f in reconcile.audit([str(tmp_path / "statement.md")]).findings if f.rule == "RC201"] == []


def test_a_part_named_with_its_share_then_its_value(tmp_path):
    rows = claims(tmp_path, "# Mardle Home & Garden plc: preliminary results\n\nMardle Home & Garden plc today announced "
                            "its results. Revenue rose 4.1% to £1,486.2m and net income was £71.0m.\n\n"
                            "Online now accounts for more than a quarter of sales, at £407.2m.\n")
    online = one(rows, "£407.2m")
    assert (online["measure"], online["scope"]) == ("revenue", "Online")
    assert one(rows, "£1,486.2m")["scope"] == "Global"


def test_a_comparison_is_no_list_of_parts_and_a_count_of_studies_names_no_market(tmp_path):
    rows = claims(tmp_path, "# Notes from the depot\n\nThis month I read the two big market studies. In our co-op, "
                            "cargo bikes now handle 71% of parcel stops, against 45% in 2022.\n")
    for figure in ("71%", "45%"):
        row = one(rows, figure)
        assert row["scope"] == "Global"
        assert row["entity"] != "two big"


UK_RESULTS = """# Mardle Home & Garden plc

**Preliminary results for the 52 weeks ended 1 March 2025**

Mardle Home & Garden plc today announces its preliminary results. Revenue rose 4.3% to £1,486.2m and net income was £71.0m.

| | FY25 | FY24 | Change |
|---|---:|---:|---:|
| Underlying basic EPS | 31.2p | 28.4p | +9.9% |
| Total dividend per share | 12.1p | 11.3p | +7.1% |

- Basic earnings per share increased by 4.9% to 25.8p.
- Final dividend of 8.4p per share proposed, giving a total of 12.1p (interim 3.7p).
"""


def test_pence_are_hundredths_of_a_pound_and_dividends_per_share_are_told_from_their_parts(tmp_path):
    rows = claims(tmp_path, UK_RESULTS)
    eps = one(rows, "31.2p")
    assert (eps["unit"], eps["value"], eps["measure"], eps["year"]) == ("GBP", 0.312, "eps", 2025)
    assert one(rows, "25.8p")["measure"] == "eps"
    total = [r for r in rows if r["figure"] == "12.1p"]
    assert [r["measure"] for r in total] == ["dividend", "dividend"]
    assert one(rows, "8.4p")["measure"] == "other"  # the final dividend: a part of the year's
    assert one(rows, "3.7p")["measure"] == "other"  # the interim one
    assert one(rows, "£1,486.2m")["year"] == 2025  # "52 weeks ended 1 March 2025": the fiscal year


def test_a_p_that_is_no_pence_is_no_figure(tmp_path):
    rows = claims(tmp_path, "# Notes\n\nThe meeting starts at 3p.m. and the 10pp rise in the rate was expected.\n")
    assert [r["unit"] for r in rows] == ["percentage_point"]


def test_like_for_like_sales_are_the_same_named_line_in_a_table_and_a_story(tmp_path):
    (tmp_path / "results.md").write_text(
        "# Mardle Home & Garden plc\n\n**Preliminary results for the 52 weeks ended 1 March 2025**\n\n"
        "Mardle Home & Garden plc today announces its results. Revenue rose 4.3% to £1,486.2m.\n\n"
        "| | FY25 | FY24 |\n|---|---:|---:|\n| Like-for-like sales growth(1) | +2.9% | +1.6% |\n\n"
        "- Like-for-like sales over the 10 weeks of Christmas trading grew 4.6%.\n", encoding="utf-8")
    (tmp_path / "press.md").write_text(
        "# Mardle lifts dividend\n\n*Retail Week, 30 April 2025*\n\nMardle Home & Garden has raised its dividend after "
        "like-for-like sales rose 3.9% in the year to 1 March. Mardle Home & Garden said like-for-like sales grew 4.6% "
        "over the ten-week Christmas period.\n", encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    rows = result.claims.to_dict("records")
    lfl = {(r["doc_id"], r["figure"]): r for r in rows if r["scope"] == "comparable sales"}
    assert lfl[("results.md", "2.9%")]["period_label"] == "FY2025"
    assert lfl[("press.md", "3.9%")]["period_label"] == "FY2025"  # the year to March: the fiscal year
    assert pd.isna(lfl[("press.md", "4.6%")]["year"])  # ten weeks of the year: no period to compare
    conflicts = [f for f in result.findings if f.rule == "RC201"]
    assert len(conflicts) == 1 and "3.9%" in conflicts[0].message and "2.9%" in conflicts[0].message


BULLETIN = """ALDMERE STATISTICS OFFICE
Statistical Bulletin: Labour market overview, Aldmere: November 2025
Release date: 11 November 2025            Next release: 16 December 2025

1. MAIN POINTS

 * The unemployment rate for people aged 16 and over was estimated at 4.7% in
   July to September 2025, 0.2 percentage points higher than in April to June
   2025. The employment rate for people aged 16 to 64 was 75.1%.

2. SUMMARY OF LABOUR FORCE SURVEY ESTIMATES, SEASONALLY ADJUSTED

                                   Jul-Sep    Change on   Change on
                                      2025      quarter        year
  Employment rate, 16-64 (%)          75.1         +0.1        +0.3
  Unemployment rate, 16+ (%)           4.7         +0.2        +0.4
"""


def test_a_labour_bulletin_names_its_rates_and_the_quarter_they_are_of(tmp_path):
    rows = claims(tmp_path, BULLETIN, name="bulletin.txt")
    unemployment = one(rows, "4.7%")
    assert (unemployment["measure"], unemployment["year"], unemployment["quarter"]) == ("rate", 2025, 3)
    employment = one(rows, "75.1%")
    # published in November, of July to September: the quarter, not the month of release
    assert (employment["measure"], employment["quarter"]) == ("rate", 3)
    assert pd.isna(employment["month"])


def test_an_aligned_table_under_two_header_lines_is_read(tmp_path):
    from reconcile.aligned import pipe_aligned_tables
    piped = pipe_aligned_tables(BULLETIN).split("\n")
    assert piped[12].startswith(".|") and piped[13].startswith(".|")  # both header lines
    assert " |" in piped[14] and len(piped[14]) == len(BULLETIN.split("\n")[14])


def test_a_table_of_research_firms_estimates_attributes_them_and_names_no_part(tmp_path):
    rows = claims(tmp_path, "# Sugar-free confectionery market: the numbers at a glance\n\n"
                            "The global sugar-free confectionery market keeps growing.\n\n"
                            "| Source | Base | Forecast |\n|---|---|---|\n"
                            "| Ardent Consumer Insights | $2.51bn (2025) | $4.12bn (2034) |\n"
                            "| Solvane Partners | $2.46bn (2025) | $3.39bn (2031) |\n")
    ardent, solvane = one(rows, "$2.51bn"), one(rows, "$2.46bn")
    assert (ardent["scope"], ardent["attributed_to"]) == ("Global", "Ardent Consumer Insights")
    assert (solvane["scope"], solvane["attributed_to"]) == ("Global", "Solvane Partners")
    assert one(rows, "$3.39bn")["year"] == 2031


def test_a_market_tables_bold_total_and_revenue_column_are_the_markets_size(tmp_path):
    rows = claims(tmp_path, "# Industrial Exoskeleton Market Report\n\nThe global industrial exoskeleton market was "
                            "estimated at USD 1.31 billion in 2025.\n\n"
                            "| End-use (2025) | Revenue (USD million) | Share |\n|---|---|---|\n"
                            "| Automotive | 402 | 30.7% |\n| Construction | 176 | 13.4% |\n"
                            "| **Total** | **1,310** | **100.0%** |\n")
    total = one(rows, "1,310")
    assert (total["measure"], total["value"], total["scope"], total["year"]) == ("market_size", 1.31e9, "Global", 2025)
    assert one(rows, "402")["measure"] == "market_size"


def test_like_for_likes_alone_are_the_comparable_sales_line(tmp_path):
    rows = claims(tmp_path, "# Hollins & Meade narrows guidance\n\nHomewares chain Hollins & Meade has tightened its "
                            "full-year outlook. Hollins & Meade said like-for-likes rose 2.9% in the second quarter. "
                            "Hollins & Meade now expects profit of £52m.\n")
    assert one(rows, "2.9%")["scope"] == "comparable sales"


def test_people_counted_without_a_noun_and_their_quarterly_change_are_compared(tmp_path):
    (tmp_path / "bulletin.txt").write_text(
        "ALDMERE STATISTICS OFFICE\nLabour market overview, Aldmere: November 2025\n"
        "Release date: 11 November 2025\n\nMAIN POINTS\n\n"
        " * The unemployment rate was estimated at 4.7% in July to September 2025.\n"
        " * The employment level rose by 64,000 on the quarter to 18.42 million.\n", encoding="utf-8")
    (tmp_path / "news.md").write_text(
        "# Aldmere unemployment climbs as hiring cools\n\n**Tidewater Press** | 11 November 2025\n\n"
        "Aldmere's unemployment rate rose to 4.7% in the three months to September, official figures showed.\n\n"
        "The Aldmere Statistics Office said the number of people in work rose by 46,000 in the quarter, to "
        "18.42 million.\n", encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    rows = {(r["doc_id"], r["figure"]): r for r in result.claims.to_dict("records")}
    change = rows[("bulletin.txt", "64,000")]
    assert (change["unit"], change["measure"], change["scope"], change["basis"]) == (
        "person", "count", "employment", "change_qoq")
    news = rows[("news.md", "46,000")]
    assert (news["scope"], news["basis"], news["year"], news["quarter"]) == ("employment", "change_qoq", 2025, 3)
    assert rows[("news.md", "18.42 million")]["scope"] == "employment"
    conflicts = [f.message for f in result.findings if f.rule == "RC201"]
    assert len(conflicts) == 1 and "46,000" in conflicts[0] and "64,000" in conflicts[0]


def test_a_count_change_on_no_stated_base_is_not_compared(tmp_path):
    rows = claims(tmp_path, "# Labour market\n\nStatistics Aldmere said employment rose by 64,000 to 18.42 million "
                            "in 2025.\n", name="news.md")
    change = one(rows, "64,000")
    assert (change["measure"], change["basis"]) == ("other", "change")


def test_a_deduction_named_after_its_amount_and_the_year_before_after_from(tmp_path):
    rows = claims(tmp_path, "# Mardle lifts dividend\n\n*Retail Week, 30 April 2025*\n\nMardle Home & Garden has raised "
                            "its dividend after like-for-like sales rose 3.9% in the year to March. Mardle Home & Garden "
                            "said revenue climbed 4.3% to £1.49bn. Underlying pre-tax profit rose to £98.4m from £89.1m. "
                            "Statutory pre-tax profit, after £16.7m of charges related to store impairments, was £81.7m. "
                            "A write-down pulled statutory pre-tax profit down to £52.6m from £60.9m.\n", name="press.md")
    assert one(rows, "£16.7m")["measure"] == "other"
    assert one(rows, "£81.7m")["measure"] == "pretax_income"
    assert (one(rows, "£89.1m")["year"], one(rows, "£98.4m")["year"]) == (2024, 2025)
    assert (one(rows, "£60.9m")["year"], one(rows, "£52.6m")["year"]) == (2024, 2025)
    rows = claims(tmp_path, "# Fenlow Aerial results\n\nFenlow Aerial Ltd reported its results for FY2025.\n\n"
                            "* Statutory net profit after tax of A$12.9 million\n"
                            "* Underlying net profit after tax, excluding share-based payments and acquisition costs, "
                            "of A$15.1 million\n")
    underlying = one(rows, "A$15.1 million")
    assert (underlying["measure"], underlying["accounting"]) == ("net_income", "adjusted")
def test_the_second_six_months_of_a_year_are_not_its_first_half(tmp_path):
    (tmp_path / "interim.md").write_text(
        "# Mardle Home plc interim results\n\nMardle Home plc today announces its interim results for the six months "
        "to 30 June 2025.\n\nRevenue in the first half of 2025 was £450.2m.\n", encoding="utf-8")
    (tmp_path / "press.md").write_text(
        "# Mardle Home plc\n\n*Retail Week, 3 March 2026*\n\nMardle Home plc said revenue in the second six months of "
        "2025 was £520.4m.\n", encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    assert one(result.claims.to_dict("records"), "£520.4m")["period_label"] == "H2 2025"
    assert [f.message for f in result.findings if f.rule == "RC201"] == []


def test_a_sales_line_named_before_another_measure_is_not_that_measures_line(tmp_path):
    rows = claims(tmp_path, "# Mardle Home plc results\n\nMardle Home plc today announces its results for the 52 weeks "
                            "ended 1 March 2025.\n\nDriven by like-for-like sales, revenue rose 5.1%. Strong "
                            "like-for-like sales meant gross margin rose 2.1%. Like-for-like sales rose 2.9%. "
                            "Like-for-like sales were strong and total sales grew 4.4%.\n")
    assert one(rows, "2.9%")["scope"] == "comparable sales"
    for figure in ("5.1%", "2.1%", "4.4%"):
        assert one(rows, figure)["scope"] != "comparable sales", figure
    (tmp_path / "doc.md").rename(tmp_path / "results.md")
    assert [f.message for f in reconcile.audit([str(tmp_path)]).findings if f.rule == "RC201"] == []


def test_a_bold_cell_with_spaces_inside_its_marks_is_read_as_its_figure(tmp_path):
    rows = claims(tmp_path, "# Industrial Exoskeleton Market Report\n\nThe global industrial exoskeleton market was "
                            "estimated at USD 1.31 billion in 2025.\n\n"
                            "| End-use (2025) | Revenue (USD million) |\n|---|---|\n| Automotive | 402 |\n"
                            "| **Total** | ** 1,310 ** |\n")
    total = one(rows, "1,310")  # the figure as written, not " 1,310 "
    assert total["value"] == 1.31e9 and total["figure"] in total["quote"]


PHARMA = """# Velmora Pharma AG: Full-year results 2024

**Basel, 30 January 2025** – Velmora Pharma AG today reported its results for the year 2024.

Group sales rose 3% to CHF 18,420 million (+7% at constant exchange rates). Core operating profit was CHF 6,010 million.

| CHF m | 2024 | 2023 | % change (CHF) | % change (CER) |
|---|---:|---:|---:|---:|
| Group sales | 18,420 | 17,884 | 3 | 7 |
| Pharmaceuticals | 14,120 | 13,640 | 4 | 8 |
| Core EPS (CHF) | 15.42 | 14.61 | 6 | 11 |

The Pharmaceuticals division grew sales 4% to CHF 14,120 million.
"""


def test_a_results_table_in_a_currency_code_with_percent_change_columns(tmp_path):
    (tmp_path / "results.md").write_text(PHARMA, encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    rows = result.claims.to_dict("records")
    got = {(r["line"], r["figure"]): r for r in rows}
    change = got[(9, "3")]
    assert (change["unit"], change["value"], change["measure"]) == ("percent", 3, "growth")
    assert got[(9, "7")]["accounting"] == "constant_currency"  # "% change (CER)"
    assert got[(10, "14,120")]["measure"] == "revenue"  # no measure from the sentence above the table
    assert (got[(11, "15.42")]["value"], got[(11, "15.42")]["measure"]) == (15.42, "eps")  # "(CHF)": per share
    assert got[(5, "CHF 6,010 million")]["accounting"] == "adjusted" and got[(5, "CHF 6,010 million")]["scope"] == "Global"
    assert got[(13, "CHF 14,120 million")]["scope"] == "Pharmaceuticals"
    assert [f.message for f in result.findings if f.severity != "info"] == []


def test_detail_rows_and_a_group_row_are_no_parts_summed_with_the_divisions(tmp_path):
    (tmp_path / "results.md").write_text(
        "# Tarnmoor Pharma AG: Full-year results 2024\n\n**Zug, 29 January 2025** – Tarnmoor Pharma AG today reported "
        "full-year results for 2024. Group sales grew 6% to CHF 11,240 million.\n\n"
        "| CHF m | 2024 | 2023 |\n|---|---:|---:|\n| Pharmaceuticals | 8,410 | 7,890 |\n"
        "| – Oncology | 3,560 | 3,210 |\n| – Immunology | 2,740 | 2,650 |\n| Consumer Health | 2,830 | 2,715 |\n"
        "| **Group** | **11,240** | **10,605** |\n", encoding="utf-8")
    result = reconcile.audit([str(tmp_path)])
    rows = {r["figure"]: r for r in result.claims.to_dict("records")}
    assert (rows["3,560"]["scope"], rows["3,560"]["dimension"]) == ("Oncology", "detail")
    assert rows["11,240"]["scope"] == "Global"
    assert [f.rule for f in result.findings if f.severity != "info"] == []
