"""Plain-text tables aligned with spaces (statistics bulletins, wire copy) are read as tables:
each figure with its row label, column header and caption, quoted from the file as written."""

from __future__ import annotations

import reconcile
from reconcile.aligned import pipe_aligned_tables


def claims(tmp_path, text, name="bulletin.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return reconcile.extract_claims(str(path)).to_dict("records")


BULLETIN = """Statistics Office of Norrland
Consumer prices, June 2025

Annual inflation was 2.8% in June 2025.

-------------------------------------------------------------
TABLE 2: CONSUMER PRICES, 12-MONTH RATES BY GROUP, JUNE 2025
-------------------------------------------------------------

Group                              Weight (per 1,000)    Annual %
Food                                      171               4.4
Transport                                 142              -1.3
Housing and utilities                     203               3.0
"""


def test_a_space_aligned_table_gives_each_cell_its_row_and_caption(tmp_path):
    rows = claims(tmp_path, BULLETIN)
    cells = {r["scope"]: r for r in rows if r["line"] >= 10}
    assert sorted(cells) == ["Food", "Housing and utilities", "Transport"]
    food, transport = cells["Food"], cells["Transport"]
    assert (food["value"], food["unit"], food["measure"], food["basis"]) == (4.4, "percent", "rate", "yoy")
    assert (food["year"], food["month"]) == (2025, 6)  # from the caption, past its rule lines
    assert transport["value"] == -1.3
    # the weights (no unit in their header) are no claims, and quotes show the file's spaces
    assert not any(r["figure"] in ("171", "142", "203") for r in rows)
    assert "|" not in food["quote"] and "171               4.4" in food["quote"]


GDP = """Quarterly national accounts

Table 1. Volume change of GDP, per cent

                          2024Q4  2025Q1  2025Q2
Quarter-on-quarter, s.a.     0.3     0.6    -0.2
"""


def test_a_quarter_table_with_a_blank_corner_reads_statisticians_quarters(tmp_path):
    rows = [r for r in claims(tmp_path, GDP) if r["line"] == 6]
    got = [(r["value"], r["year"], r["quarter"], r["basis"], r["scope"]) for r in rows]
    assert got == [(0.3, 2024, 4, "qoq", "Global"), (0.6, 2025, 1, "qoq", "Global"), (-0.2, 2025, 2, "qoq", "Global")]
    assert all(r["unit"] == "percent" and r["measure"] == "growth" for r in rows)


def test_prose_and_ragged_blocks_are_left_alone():
    prose = "Published: 14 April 2026, 09:30      Next edition: 12 May 2026\nContact: a@b.example      Tel. 555 0100\n"
    assert pipe_aligned_tables(prose) == prose  # no two cells hold a figure alone
    ragged = "Item        2024     2025\nRevenue     10.1\nCosts       4.0      5.0\n"
    assert pipe_aligned_tables(ragged) == ragged  # a missing cell: columns cannot be told
    table = "Item        2024     2025\nRevenue     10.1     11.0\n"
    piped = pipe_aligned_tables(table)
    assert len(piped) == len(table) and piped.split("\n")[1].split("|")[1].strip() == "10.1"


INDEX_TEXT = """STATISTICS NORRLAND
Consumer Prices Bulletin: September 2025

Consumer price inflation was 2.6% in the 12 months to September 2025, and prices rose 0.2%
on the month.

Food: food prices rose by 2.2% on the year. The food index stood at 104.2 (2020=100),
against 101.9 in September 2024.
"""


def test_index_levels_are_read_with_their_periods_and_not_their_base_year(tmp_path):
    rows = claims(tmp_path, INDEX_TEXT, name="cpi.txt")
    levels = [r for r in rows if r["unit"] == "index"]
    assert [(r["value"], r["year"], r["month"], r["measure"], r["scope"]) for r in levels] == [
        (104.2, 2025, 9, "other", "food"), (101.9, 2024, 9, "other", "food")]
    assert not any(r["figure"] in ("2020", "100") for r in rows)  # "(2020=100)" is the base, no figure
    on_year = next(r for r in rows if r["figure"] == "2.2%")
    assert (on_year["basis"], on_year["scope"]) == ("yoy", "food")  # "on the year"


def test_a_change_that_its_index_levels_contradict_is_reported(tmp_path):
    (tmp_path / "cpi.txt").write_text(INDEX_TEXT, encoding="utf-8")
    # 104.2 / 101.9 is +2.26%: 2.2% fits, rounding allowed
    assert not [f for f in reconcile.audit([str(tmp_path)]).findings if f.rule == "RC104"]
    (tmp_path / "cpi.txt").write_text(INDEX_TEXT.replace("2.2%", "3.2%"), encoding="utf-8")
    found = [f for f in reconcile.audit([str(tmp_path)]).findings if f.rule == "RC104"]
    assert len(found) == 1 and "3.2%" in found[0].message and "2.26%" in found[0].message


TRADE = """VALMORA STATISTICS BUREAU                               STATISTICAL RELEASE

EXTERNAL TRADE IN GOODS, AUGUST 2025

Exports of goods rose by 6.2% year on year in August 2025, while imports increased by 2.4%.
The trade balance showed a deficit.

Table 1. Exports and imports of goods (EUR million)

                       Aug 2024     Jul 2025     Aug 2025     Change on Aug 2024 (%)
Exports                  13,962       14,107       14,826          6.2
Imports                  15,108       15,038       15,473          2.4

Table 2. Cumulative trade, January-August (EUR million)

                       Jan-Aug 2024   Jan-Aug 2025     Change (%)
Exports                     107,980        112,408            4.1
"""


def test_a_change_column_is_of_the_latest_period_and_a_year_to_date_is_no_month(tmp_path):
    rows = claims(tmp_path, TRADE, name="trade.txt")
    change = {(r["line"], r["figure"]): r for r in rows if r["unit"] == "percent" and r["line"] >= 10}
    august = change[(11, "6.2")]
    # "Change on Aug 2024": the change of August 2025 on August 2024, not a figure of August 2024
    assert (august["year"], august["month"], august["basis"], august["measure"]) == (2025, 8, "yoy", "growth")
    cumulative = change[(17, "4.1")]
    # "Jan-Aug 2025" is the year to August: never compared with August alone
    assert (cumulative["year"], cumulative["month"], cumulative["period_label"], cumulative["basis"]) == (
        2025, None, "Jan–Aug 2025", "yoy")
    assert {r["entity"] for r in rows} == {"Valmora"}  # a trade bulletin of a statistics bureau is an economy's


def test_a_header_indented_by_one_character_never_shifts_the_columns(tmp_path):
    # a single tab (or space) leaves no room for the empty corner cell: the block is left as it
    # is, rather than dating 0.3 as 2025Q1 (the column right of its own)
    for indent, gap in (("\t", "\t"), (" ", "  ")):
        text = GDP.replace("                          2024Q4  2025Q1  2025Q2",
                           indent + gap.join(["2024Q4", "2025Q1", "2025Q2"]))
        text = text.replace("Quarter-on-quarter, s.a.     0.3     0.6    -0.2",
                            gap.join(["Quarter-on-quarter, s.a.", "0.3", "0.6", "-0.2"]))
        assert pipe_aligned_tables(text) == text
        got = {(r["value"], r["year"], r["quarter"]) for r in claims(tmp_path, text) if r["line"] == 6}
        assert not got - {(0.3, 2024, 4), (0.6, 2025, 1), (-0.2, 2025, 2)}
    # two tabs leave room: read as the table it is
    text = GDP.replace("                          2024Q4  2025Q1  2025Q2", "\t\t2024Q4\t2025Q1\t2025Q2")
    text = text.replace("Quarter-on-quarter, s.a.     0.3     0.6    -0.2", "Quarter-on-quarter, s.a.\t0.3\t0.6\t-0.2")
    got = [(r["value"], r["year"], r["quarter"]) for r in claims(tmp_path, text) if r["line"] == 6]
    assert got == [(0.3, 2024, 4), (0.6, 2025, 1), (-0.2, 2025, 2)]


def test_spaces_before_a_tab_are_one_gap_not_an_empty_cell():
    text = "Item  \t2024  \t2025\nRevenue\t10.1\t11.0\nCosts \t4.0\t5.0\r\n"
    piped = pipe_aligned_tables(text)
    assert len(piped) == len(text)
    assert [[c.strip() for c in line.split("|")] for line in piped.splitlines()] == [
        ["Item", "2024", "2025"], ["Revenue", "10.1", "11.0"], ["Costs", "4.0", "5.0"]]
