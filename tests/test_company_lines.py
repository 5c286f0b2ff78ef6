"""A company's own lines that no measure names (a bank's deposits, its book value per share):
on a release and a wire story written for these tests."""

from __future__ import annotations

from docclaims import claims, findings, one

RELEASE = """# Ashgrove Bancorp, Inc. Reports Third Quarter 2026 Results

ASHGROVE, Nov. 4, 2026 -- Ashgrove Bancorp, Inc. (NASDAQ: ASHB) today reported results for the third quarter of 2026.

- Net interest income of $412 million increased 5.1% from the third quarter of 2025.
- Noninterest expense was $301 million; provision for credit losses was $38 million, compared with $45 million a year ago.
- Period-end deposits were $41.2 billion, up 2.0% from $40.4 billion at September 30, 2025.
- Book value per common share of $52.10; tangible book value per common share of $44.75.
- Free cash flow before new branch capex was $95 million.

| (USD million) | Q3 2026 | Q2 2026 | Q3 2025 |
|---|---|---|---|
| Customer deposits | 41,200 | 40,900 | 40,400 |
| Book value per share ($) | 52.10 | 51.40 | 49.80 |
"""


def test_a_banks_lines_are_scopes_of_their_own(tmp_path):
    rows = claims(tmp_path, RELEASE)
    nii = one(rows, "$412 million")
    assert (nii["measure"], nii["scope"].lower(), nii["quarter"]) == ("revenue", "net interest income", 3)
    deposits = one(rows, "$41.2 billion")
    assert (deposits["measure"], deposits["scope"], deposits["scope_type"]) == ("other", "deposits", "line_item")
    base = one(rows, "$40.4 billion")  # the base of the same line, at the end of the same quarter a year before
    assert (base["scope"], base["year"], base["quarter"]) == ("deposits", 2025, 3)
    assert one(rows, "2.0%")["scope"] == "deposits"
    assert one(rows, "$52.10")["scope"] == "book value per share"
    assert one(rows, "$44.75")["scope"] == "tangible book value per share"
    assert one(rows, "$301 million")["scope"] == "noninterest expense"
    assert one(rows, "$38 million")["scope"] == "provision for credit losses"
    assert one(rows, "$95 million")["scope"] != "capital expenditure"  # what free cash flow leaves out, not the capex
    cell = one(rows, "41,200")
    assert (cell["value"], cell["scope"]) == (41.2e9, "deposits")
    assert one(rows, "51.40")["scope"] == "book value per share"


WIRE = """Ashgrove Bancorp profit rises as lending income climbs

Nov 4, 2026 (Harbour Newswire) - Ashgrove Bancorp (ASHB.O) posted higher third-quarter profit on
Tuesday, as the regional lender earned more on its loans.

Net interest income - the difference between what a bank earns on loans and pays out on
deposits - rose 5.1% to $421 million. Ashgrove said deposits were stable. Ashgrove shares rose 1%.
"""


def test_an_aside_between_dashes_names_no_measure(tmp_path):
    rows = claims(tmp_path, WIRE)
    nii = one(rows, "$421 million")
    assert (nii["measure"], nii["scope"].lower()) == ("revenue", "net interest income")


def test_a_misquoted_line_is_found_across_documents(tmp_path):
    """The wire's $421 million against the release's $412 million for the same quarter's net
    interest income: one finding naming the wire."""
    (tmp_path / "release.md").write_text(RELEASE, encoding="utf-8")
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    found = [f for f in findings(tmp_path) if f["rule"] == "RC201"]
    assert len(found) == 1, [f["message"] for f in found]
    assert "net interest income" in found[0]["message"].lower() and "wire.txt" in found[0]["message"]


TRADE_PAPER = """FRANCHISE & FOOD SERVICE JOURNAL
Europe edition - Results round-up

CORLIEU: FRANCHISE ENGINE KEEPS ROLLING
Paris, 23 February 2026

Boulangeries Corlieu added 62 stores net in 2025.

Group revenue rose 7.9% to EUR 1,842.6 million. Net income rose 12.2% to EUR 98.2 million.

A typical franchised store in France generates annual sales of about EUR 1.3 million.
"""


def test_a_trade_papers_kicker_names_the_company_its_text_writes_in_full(tmp_path):
    """ "CORLIEU: …" over "Boulangeries Corlieu added …": the story is the company's, dated by its
    year; one store's sales are no revenue of the company."""
    rows = claims(tmp_path, TRADE_PAPER)
    revenue = one(rows, "EUR 1,842.6 million")
    assert (revenue["entity"], revenue["entity_type"], revenue["measure"], revenue["year"]) == (
        "Boulangeries Corlieu", "company", "revenue", 2025)
    assert one(rows, "EUR 1.3 million")["measure"] == "other"


def test_raising_or_cutting_something_of_its_own_by_a_rate_is_a_change(tmp_path):
    text = ("# Ashby Power results\n\nAshby Power plc has raised its full-year dividend 6.2% to 48.6p from 46.3p. "
            "Ashby Power plc cut its workforce by 4% in 2025. Ashby Power plc said so.\n")
    rows = claims(tmp_path, text)
    assert (one(rows, "6.2%")["measure"], one(rows, "6.2%")["value"]) == ("growth", 6.2)
    assert (one(rows, "4%")["measure"], one(rows, "4%")["value"]) == ("growth", -4.0)


def test_a_line_named_after_its_figure_and_an_amount_cut_by(tmp_path):
    """ "the government provided €900 million in loans" after "a net loss of €412 million": the
    loans, no net income; "have cut net debt by £83m": a change, no level of the line."""
    text = ("# Aurelia Air Group annual report 2024\n\nAurelia Air Group reported results. After heavy losses, including "
            "a net loss of €412 million in 2020, the government provided €900 million in loans. Aurelia Air Group "
            "repaid them.\n\nThe chief executive said: \"We have cut net debt by €83m.\" Aurelia Air Group agreed.\n")
    rows = claims(tmp_path, text)
    loans = one(rows, "€900 million")  # a flow of loans: no income, and no balance of loans either
    assert (loans["measure"], loans["scope"]) == ("other", "Global")
    assert one(rows, "€83m")["scope"] != "net debt"


def test_a_part_with_an_aside_grew_organically(tmp_path):
    text = ("# Halvby Machinery AB (publ) - Interim report January-September 2025\n\n- Revenue increased by 3.9% to "
            "SEK 13,412 million; organic growth was 2.7%\n- Orders received rose 6.2% to SEK 14,820 million; organic "
            "order growth was 4.8%\n\nService & Aftermarket, which now generates about 21% of group sales, grew "
            "organically by 4.4%.\n")
    rows = claims(tmp_path, text)
    assert one(rows, "4.8%")["accounting"] == "organic"
    assert one(rows, "4.4%")["scope"] == "Service & Aftermarket"


def test_parts_named_in_turn_keep_their_own_figures(tmp_path):
    """ "Personal Care was the standout: sales grew 6.8% organically, or 5.5% at reported rates, to
    £2,968 million"; "Home Care sales rose 3.5% to £3,412 million, while Nutrition grew 2.6% to
    £2,140 million"; "… with volumes up 3.9% to 1,162,000 units" stays the company's count."""
    text = ("# Brightham plc 2024 results\n\nBrightham plc reported 2024 results. Brightham plc said so. Brightham plc grew.\n\n"
            "Personal Care was the standout: sales grew 6.8% organically, or 5.5% at reported rates, to £2,968 million.\n\n"
            "Home Care sales rose 3.5% to £3,412 million, while Nutrition grew 2.6% to £2,140 million.\n\n"
            "**Freight.** Freight revenue increased 6.4% to £344.5m (FY24: £318.9m), with volumes up 3.9% to 1,162,000 units.\n")
    rows = claims(tmp_path, text)
    organic, reported, level = one(rows, "6.8%"), one(rows, "5.5%"), one(rows, "£2,968 million")
    assert (organic["scope"], organic["accounting"]) == ("Personal Care", "organic")
    assert (reported["scope"], reported["accounting"], reported["measure"]) == ("Personal Care", "reported", "growth")
    assert level["scope"] == "Personal Care"
    assert one(rows, "2.6%")["scope"] == "Nutrition" and one(rows, "£2,140 million")["scope"] == "Nutrition"
    assert one(rows, "£3,412 million")["scope"] == "Home Care"
    assert one(rows, "1,162,000")["scope"] == "Global"


RESTATED = """# Brightwell Group plc - Annual results 2024

Brightwell Group plc reported 2024 results. Brightwell Group plc said so. Brightwell Group plc grew.

| £ million | Revenue 2024 | Revenue 2023 (restated) | Reported growth |
|---|---|---|---|
| Home Care | 3,412 | 3,298 | 3.5% |
| Personal Care | 2,968 | 2,812 | 5.5% |

As first published, Home Care revenue for 2023 was £3,356 million and Personal Care £2,754 million.
"""


def test_a_restated_column_is_no_contradiction_of_the_figures_as_first_published(tmp_path):
    rows = claims(tmp_path, RESTATED)
    assert one(rows, "3,298")["accounting"] == "restated" and one(rows, "3,412")["accounting"] == "reported"
    (tmp_path / "r.md").write_text(RESTATED, encoding="utf-8")
    found = findings(tmp_path / "r.md")
    assert not [f for f in found if f["rule"] in ("RC201", "RC104")], [f["message"] for f in found]


ENCYCLOPEDIA = """<html><head><title>Brightwell Group</title></head><body>
<h1>Brightwell Group</h1>
<table class="infobox"><tr><th>Revenue</th><td>£8,520 million (2024)</td></tr></table>
<p>Brightwell Group plc is a British consumer-goods company. Brightwell Group plc makes soap. Brightwell Group plc grew.</p>
<h2>Financial performance</h2>
<table border="1">
<tr><th>Year</th><th>Revenue (£m)</th><th>Revenue growth</th><th>Employees</th></tr>
<tr><td>2023</td><td>8,195</td><td>3.6%</td><td>31,900</td></tr>
<tr><td>2024</td><td>8,520</td><td>4.0%</td><td>31,400</td></tr>
</table>
</body></html>
"""


def test_a_growth_column_of_an_html_table_is_of_its_rows_revenue(tmp_path):
    """The 4.0% is revenue's (8,195 -> 8,520), though the infobox states 8,520 first and the row
    also holds a head count that fell."""
    (tmp_path / "wiki.html").write_text(ENCYCLOPEDIA, encoding="utf-8")
    found = [f for f in findings(tmp_path / "wiki.html") if f["rule"] == "RC104"]
    assert not found, [f["message"] for f in found]


def test_a_parts_revenue_row_and_a_per_share_figure_in_brackets(tmp_path):
    text = ("# Norwell Software Q3 FY25 results\n\nNorwell Software Inc. (NASDAQ: NRWL) reported results. Norwell Software "
            "said so. Norwell Software grew.\n\n- Underlying earnings of $1,318 million ($1.70 per share), up 19.6%.\n\n"
            "| ($m) | FY24A | FY25E |\n|---|---|---|\n| Total revenue | 1,571.2 | 1,794.0 |\n"
            "| Subscription revenue | 1,360.5 | 1,589.0 |\n")
    rows = claims(tmp_path, text)
    assert one(rows, "$1.70")["accounting"] == "adjusted" and one(rows, "19.6%")["accounting"] == "adjusted"
    assert one(rows, "1,360.5")["scope"] == "Subscription"
    assert one(rows, "1,571.2")["scope"] == "Global"


def test_review_cases_of_lines_bases_and_signs(tmp_path):
    """A narrower kind of loan or deposit is no line of the bank's; "reported for 2025" after an
    adjusted figure leaves it adjusted; "cut costs and grew 4%" grew; a restated base names no
    figure before it; a change column in a head-count row is no count."""
    text = ("# Ashby Bancorp Q3 2026 results\n\nAshby Bancorp Inc. (NASDAQ: ASHB) reported results. Ashby Bancorp said so. "
            "Ashby Bancorp grew.\n\nTotal deposits were $118.6 billion. Uninsured deposits were $30.4 billion. "
            "Nonperforming loans were $1.2 billion.\n\nAshby Bancorp adjusted net income of $1.45 billion reported for 2025 "
            "beat forecasts. Ashby Bancorp cut costs and grew 4% in 2025. Revenue rose 5% to $10.5 billion in 2025 from a "
            "restated $10.0 billion in 2024.\n\n| | 2025 | 2024 | Change (%) |\n|---|---|---|---|\n"
            "| Employees | 2,940 | 2,810 | 4.6 |\n")
    rows = claims(tmp_path, text)
    assert one(rows, "$118.6 billion")["scope"] == "deposits"
    assert one(rows, "$30.4 billion")["scope"] != "deposits" and one(rows, "$1.2 billion")["scope"] != "loans"
    assert one(rows, "$1.45 billion")["accounting"] == "adjusted"
    assert one(rows, "4%")["value"] == 4.0
    assert one(rows, "$10.5 billion")["accounting"] == "reported"
    assert not [r for r in rows if r["figure"] == "4.6" and r["unit"] == "employee"]


def test_a_section_kicker_names_no_company(tmp_path):
    text = ("MARKETS: Halvern shares jump after results\n\nHalvern Corp said on Tuesday revenue rose 4% to $1.2 billion. "
            "Halvern Corp will hold a Capital Markets Day in May. Halvern Corp shares rose.\n")
    rows = claims(tmp_path, text)
    assert rows and all(r["entity"].startswith("Halvern") for r in rows), {r["entity"] for r in rows}
