"""Units a table states outside its header, on tables written for these tests: a section row
("| **Financials (EUR million)** | | |"), a count row's scale ("Passengers carried
(thousand)"), a statistics table's caption ("Percentage change on previous quarter",
"Percentage points") and a "(%)" row in a table of points."""

from __future__ import annotations

from docclaims import claims, one

KEY_FIGURES = """# Tarnvik Air ASA — Annual Report 2024

*Tarnvik Air ASA, Brennvik. Tarnvik Air carried more passengers than ever in 2024.*

## Key figures

| | 2024 | 2023 | Change |
|---|---:|---:|---:|
| **Traffic** | | | |
| Passengers carried (thousand) | 13,912 | 12,846 | 8.3% |
| Passenger load factor (%) | 81.5 | 81.0 | 0.5 pp |
| **Financials (EUR million)** | | | |
| Total operating revenue | 2,184.6 | 1,968.2 | 11.0% |
| Operating result (EBIT) | 171.3 | 141.3 | 21.2% |
"""


def test_section_rows_and_count_rows_state_their_units(tmp_path):
    rows = claims(tmp_path, KEY_FIGURES)
    passengers = one(rows, "13,912")
    assert (passengers["value"], passengers["unit"], passengers["measure"], passengers["scope"]) == (
        13_912_000, "passenger", "count", "Global")
    revenue = one(rows, "2,184.6")
    assert (revenue["value"], revenue["unit"], revenue["measure"], revenue["year"]) == (2_184.6e6, "EUR", "revenue", 2024)
    assert one(rows, "141.3")["year"] == 2023
    load = one(rows, "81.5")
    assert (load["unit"], load["measure"], load["scope"]) == ("percent", "rate", "Global")
    change = one(rows, "0.5 pp")  # a change column's points: of the row's measure, in the latest year
    assert (change["measure"], change["year"]) == ("rate", 2024)


BULLETIN = """NATIONAL STATISTICS OFFICE OF ORLANDIA

GROSS DOMESTIC PRODUCT, SECOND QUARTER 2025

TABLE 1. GDP AND COMPONENTS
Chain-linked volumes, seasonally adjusted
Percentage change on previous quarter

                                    Q1 2025  Q2 2025
  Gross domestic product                0.2      0.4
  Household final consumption           0.3      0.5

TABLE 2. CONTRIBUTIONS TO QUARTERLY GDP GROWTH
Percentage points

                                             Q1 2025   Q2 2025
  Household final consumption                    0.2       0.3
  Net exports                                   -0.1       0.1
  GDP growth (%)                                 0.2       0.4
"""


def test_a_bulletins_captions_state_percent_and_points(tmp_path):
    rows = claims(tmp_path, BULLETIN, name="bulletin.txt")
    gdp = [r for r in rows if r["line"] == 10]
    assert [(r["value"], r["unit"], r["measure"], r["basis"], r["quarter"]) for r in gdp] == [
        (0.2, "percent", "growth", "qoq", 1), (0.4, "percent", "growth", "qoq", 2)]
    contribution = one(rows, "0.3", line=17)
    assert contribution["unit"] == "percentage_point"
    total = one(rows, "0.4", line=19)  # "(%)": the row's own unit, not the caption's points
    assert (total["unit"], total["measure"]) == ("percent", "growth")


SEGMENTS = """# Kiyosato Holdings, Inc. — Half-year results

Kiyosato Holdings, Inc. reported results for 1H FY2026 on November 7, 2025.

| (¥ billion) | Revenue 1H FY2025 | Revenue 1H FY2026 | % change | Segment profit 1H FY2025 | Segment profit 1H FY2026 |
|---|---:|---:|---:|---:|---:|
| Pumps | 386.9 | 412.5 | 6.6 | 38.2 | 43.6 |
| Valves | 188.4 | 201.9 | 8.2 | 14.8 | 16.3 |
| Adjustments | (13.4) | (12.6) | — | (2.9) | (3.7) |
| Consolidated | 561.9 | 601.8 | 7.1 | 50.1 | 56.2 |
"""


def test_a_segment_tables_adjustments_row_is_a_part_and_its_change_column_is_checked(tmp_path, settings):
    from reconcile.check import check_corpus

    rows = claims(tmp_path, SEGMENTS)
    adjustment = one(rows, "(13.4)")
    assert (adjustment["measure"], adjustment["scope"], adjustment["value"]) == ("revenue", "Adjustments", -13.4e9)
    found = [f for f in check_corpus([str(tmp_path)], settings).findings if f.severity != "info"]
    # the parts with their adjustments add up; the 8.2% its own row's 188.4 -> 201.9 (7.2%) does not give
    assert [f.rule for f in found] == ["RC104"], [f.message for f in found]
    assert "8.2%" in found[0].message and "201.9B" in found[0].message


GDP_NOTE = """NATIONAL STATISTICS OFFICE OF ORLANDIA

GROSS DOMESTIC PRODUCT, SECOND QUARTER 2025

Release date: 14 August 2025

  * GDP increased by 0.4% in the second quarter of 2025 compared with the first quarter of 2025.
  * Growth in the first quarter of 2025 has been revised up to 0.2%, from 0.1% in the previous estimate.
  * GDP at current prices amounted to EUR 98.6 billion in the quarter, up 3.8% from EUR 94.1 billion a year earlier.
"""


def test_a_bulletins_revision_and_its_nominal_gdp(tmp_path, settings):
    from reconcile.check import check_corpus

    rows = claims(tmp_path, GDP_NOTE, name="gdp.txt")
    revised = one(rows, "0.2%")  # "Growth in … has been revised up to": growth, of the first quarter
    assert (revised["measure"], revised["quarter"], revised["kind"]) == ("growth", 1, "actual")
    earlier = one(rows, "0.1%")  # the superseded estimate of the same quarter: shown, never compared
    assert (earlier["measure"], earlier["quarter"], earlier["kind"]) == ("growth", 1, "estimate")
    assert earlier["confidence"] < 0.9
    level = one(rows, "EUR 98.6 billion")
    assert (level["year"], level["quarter"]) == (2025, 2)
    found = [f for f in check_corpus([str(tmp_path)], settings).findings if f.severity != "info"]
    (growth,) = [f for f in found if f.rule == "RC104"]  # 94.1 -> 98.6 is 4.8%, not 3.8%
    assert "3.8%" in growth.message and "4.78%" in growth.message


NEWS = """# Orlandia's economy picks up speed

OSTREVIK, 14 August 2025 - Orlandia's economy grew 0.4% in the second quarter of 2025, the National
Statistics Office of Orlandia said on Thursday, as Orlandia's households spent more.

Compared with a year earlier, output was 1.8% higher, Orlandia's statisticians said.
"""


def test_an_economys_growth_compared_across_documents_on_its_basis(tmp_path, settings):
    from reconcile.check import check_corpus

    (tmp_path / "gdp.txt").write_text(GDP_NOTE.replace(
        "in the second quarter of 2025 compared with the first quarter of 2025.",
        "in the second quarter of 2025 compared with the first quarter of 2025. Compared with the second quarter "
        "of 2024, GDP grew by 1.3%."), "utf-8")
    (tmp_path / "news.md").write_text(NEWS, "utf-8")
    rows = {(r["doc"][-7:], r["figure"]): r for r in reconcile_rows(tmp_path)}
    assert rows[("gdp.txt", "0.4%")]["basis"] == "qoq"  # compared with the quarter before
    assert rows[("gdp.txt", "1.3%")]["basis"] == "yoy"  # compared with the same quarter a year before
    found = [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule == "RC201"]
    assert len(found) == 1 and "1.8%" in found[0].message and "1.3%" in found[0].message


def reconcile_rows(folder):
    import reconcile

    return reconcile.extract_claims(str(folder)).to_dict("records")


DOC_SCALE = """# Kiyosato Precision Co., Ltd.

## Summary of Consolidated Financial Results for 1Q FY2025 (Three Months Ended June 30, 2025)

*August 7, 2025 — Tokyo. Fiscal year ending March 31, 2026 (FY2025).*

(Amounts in millions of yen, rounded down; percentages show year-on-year change)

Kiyosato Precision Co., Ltd. (TSE: 6412) today reported its results. Kiyosato Precision's operating margin
improved to 7.5% from 6.4% a year earlier, Kiyosato Precision said.

### Results by segment (1Q FY2025)

| Segment | Net sales | Segment profit | Profit margin |
|---|---|---|---|
| Semiconductor equipment | 92,418 | 17,106 | 21.5% |
| Adjustments (corporate expenses) | — | (8,463) | — |
"""


def test_a_documents_own_scale_note_serves_its_later_tables(tmp_path, settings):
    from reconcile.check import check_corpus

    rows = claims(tmp_path, DOC_SCALE)
    sales = one(rows, "92,418")
    assert (sales["value"], sales["unit"], sales["measure"]) == (92_418e6, "JPY", "revenue")
    assert one(rows, "(8,463)")["scope"] == "Adjustments (corporate expenses)"
    found = [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule == "RC105"]
    assert len(found) == 1 and "21.5%" in found[0].message  # 17,106 / 92,418 is 18.5%


def test_italic_detail_rows_under_a_measure_row_are_its_parts(tmp_path):
    statement = ("# Northwind Corp. annual report\n\nNorthwind Corp. (NASDAQ: NWND) reported net income and operating income "
                 "for fiscal 2024.\n\n**Year Ended** *(In millions)*\n\n|  | Jun 30, 2024 | Jun 30, 2023 |\n| --- | --- | --- |\n"
                 "|       Operating Income | $109,433 | $88,523 |\n| *        Intelligent Cloud* | $49,584 | $37,884 |\n")
    rows = claims(tmp_path, statement)
    part = one(rows, "$49,584")
    assert (part["measure"], part["scope"]) == ("operating_income", "Intelligent Cloud")


def test_a_contribution_in_points_is_a_part_of_growth(tmp_path):
    rows = claims(tmp_path, "# GDP of Orlandia\n\nThe National Statistics Office of Orlandia said services contributed "
                            "0.77 percentage points to GDP growth in the second quarter of 2025.\n")
    assert one(rows, "0.77 percentage points")["measure"] == "growth"


ROW_NOTES = """# Harrowgate Ferries plc — Annual Report 2024

Harrowgate Ferries plc carried 4.2 million passengers in 2024 and grew revenue to GBP 612 million.

| | 2024 | 2023 | Change |
|---|---|---|---|
| Passengers (million) | 4.2 | 3.9 | +7.7% |
| Revenue (GBP million) | 612 | 566 | +8.1% |
| of which freight | 148 | 139 | +6.5% |
| EBIT ($ m) | 71.5 | 64.0 | +11.7% |
| Net profit (in GBP millions) | 40.1 | 33.8 | +18.6% |
| Fuel costs (million) | 95 | 102 | -6.9% |
"""


def test_a_row_label_states_its_own_scale_and_currency(tmp_path):
    """ "Revenue (GBP million)" scales and prices its row's cells, "of which …" takes the row
    above's, "(million)" beside a money line is the document's currency, beside passengers a count."""
    rows = claims(tmp_path, ROW_NOTES)
    revenue = one(rows, "566")
    assert (revenue["value"], revenue["unit"], revenue["measure"], revenue["year"]) == (566e6, "GBP", "revenue", 2023)
    freight = one(rows, "148")
    assert (freight["value"], freight["unit"], freight["scope"]) == (148e6, "GBP", "freight")
    ebit = one(rows, "71.5")
    assert (ebit["value"], ebit["unit"], ebit["measure"]) == (71.5e6, "USD", "operating_income")
    profit = one(rows, "40.1")
    assert (profit["value"], profit["unit"], profit["measure"]) == (40.1e6, "GBP", "net_income")
    fuel = one(rows, "95")
    assert (fuel["value"], fuel["unit"]) == (95e6, "GBP")
    passengers = one(rows, "3.9")
    assert (passengers["value"], passengers["unit"], passengers["measure"]) == (3.9e6, "passenger", "count")
