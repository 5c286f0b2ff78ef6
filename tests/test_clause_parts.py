"""Whose figure it is, read from the clause: a market segment that opens its sentence, a company's
part named before a bracket or a change, a business referred back to; and how it is measured
(organic growth, EBITA, a margin worked out from the sentence's income), and for which period
a half-year release's highlights are."""

from __future__ import annotations

from docclaims import claims, one

REPORT = """# Bio-based Adhesives Market Report

The global bio-based adhesives market was valued at USD 6.52 billion in 2023 and is expected to grow at a CAGR of 7.7% from 2024 to 2030.

## Raw Material Insights

Starch-based adhesives held the largest raw-material share, at 41%, in 2023. Lignin-based
systems, while accounting for less than 5% of revenue, are forecast to grow at a CAGR of
12.4% through 2030.

- Rotary desiccant wheels accounted for more than half of 2024 revenue and are forecast to grow at a CAGR of 7.3% through 2032, the fastest of any product type.
"""


def test_a_segment_opening_its_sentence_owns_its_share_and_cagr(tmp_path):
    rows = claims(tmp_path, REPORT)
    assert one(rows, "7.7%")["scope"] == "Global"
    assert one(rows, "5%")["scope"] == "lignin-based systems"  # "…, while accounting for less than 5%"
    assert one(rows, "12.4%")["scope"] == "lignin-based systems"  # past the clause's other figure
    assert one(rows, "7.3%")["scope"] == "rotary desiccant wheels"  # "… accounted for … and are forecast to grow"


RELEASE = """# Gravenholt N.V. -- Half-year results 2025

**Amersfoort, 24 July 2025** -- Gravenholt N.V., the flavours and nutrition ingredients group,
today publishes its results for the six months ended 30 June 2025.

## Highlights

- Revenue of EUR 2,846 million, up 7.4% on a reported basis
- Organic revenue growth of 5.1%, with volume up 3.2%
- Adjusted EBITA of EUR 512 million (H1 2024: EUR 461 million)

## Outlook 2025

Gravenholt continues to expect organic revenue growth of 4-6% for 2025.

| EUR million | H1 2025 | H1 2024 | Organic growth | Adj. EBITA H1 2025 |
|---|---:|---:|---:|---:|
| Flavours | 1,212 | 1,121 | 6.3% | 248 |
| Nutrition | 986 | 933 | 3.8% | 158 |
"""


def test_a_half_year_release_dates_its_highlights_and_reads_organic_growth_and_ebita(tmp_path):
    rows = claims(tmp_path, RELEASE)
    revenue = one(rows, "EUR 2,846 million")
    assert (revenue["year"], revenue["period_label"]) == (2025, "H1 2025")  # "six months ended 30 June 2025"
    assert one(rows, "5.1%")["accounting"] == "organic"
    assert revenue["accounting"] == "reported"
    ebita = one(rows, "EUR 512 million")
    assert (ebita["measure"], ebita["accounting"]) == ("operating_income", "adjusted")
    cell = one(rows, "6.3%")
    assert (cell["scope"], cell["accounting"]) == ("Flavours", "organic")  # the "Organic growth" column
    assert one(rows, "248")["measure"] == "operating_income"  # "Adj. EBITA H1 2025"
    assert one(rows, "4-6%")["kind"] == "guidance"  # "continues to expect"


PRESS = """# Gravenholt lifts margin as Flavours shines

Gravenholt reported first-half revenue of €2.85bn on Thursday, with organic growth of 1.5%.

Flavours, Gravenholt's largest division with 43% of group revenue, grew 6.3% organically.
Nutrition was held back by sports nutrition, and Bioscience grew 4.9% on an organic basis.

Gravenholt is selling its Coatings Additives unit to a private equity buyer for €640mn; the
business, which had sales of about €31mn in the first half of 2024, is now shown as a
discontinued operation.
"""


def test_a_story_names_the_parts_that_grew_and_the_business_it_sells(tmp_path):
    rows = claims(tmp_path, PRESS)
    assert one(rows, "6.3%")["scope"] == "Flavours"
    assert one(rows, "4.9%")["scope"] == "Bioscience"  # "…, and Bioscience grew 4.9%"
    assert one(rows, "1.5%")["scope"] == "Global"
    assert one(rows, "€31mn")["scope"] == "Coatings Additives"  # "the business, which had sales of"


NOTE = """# Tessaly Networks (TSLY): beat on margins

Fenwright Securities | Equity Research | 21 August 2025

Tessaly Networks reported third-quarter fiscal 2025 results.

- **Revenue** beat consensus by 1.8%, with Enterprise Networking ($612.8m, +11% y/y) and
  Security & Software ($191.5m, +26% y/y) both ahead of our model.
- **Profitability**: non-GAAP operating income of $252.7m on revenue of $1,152.4m gives a
  23.1% margin.
- **Guidance**: the 4Q revenue range of $1.18-1.24bn brackets consensus of $1.19bn.
"""


def test_an_analysts_bracketed_parts_and_run_in_topics(tmp_path):
    rows = claims(tmp_path, NOTE)
    networking, software = one(rows, "$612.8m"), one(rows, "$191.5m")
    assert (networking["scope"], networking["measure"]) == ("Enterprise Networking", "revenue")
    assert (software["scope"], software["measure"]) == ("Security & Software", "revenue")
    assert one(rows, "11%")["scope"] == "Enterprise Networking"  # "($612.8m, +11% y/y)"
    assert one(rows, "26%")["scope"] == "Security & Software"
    assert one(rows, "1.8%")["scope"] == "Global"  # "**Revenue**" is a topic, not a part
    margin = one(rows, "23.1%")
    assert (margin["scope"], margin["accounting"]) == ("Global", "adjusted")  # of the non-GAAP income
    assert one(rows, "$1.18-1.24bn")["kind"] == "guidance"  # "brackets consensus of" is another figure's
    assert one(rows, "$1.19bn")["kind"] == "consensus"


RESULTS = """# Aldenbrook Healthcare Reports Fourth Quarter and Fiscal 2026 Results

**NASHVILLE, Tenn., November 12, 2026** – Aldenbrook Healthcare, Inc. today announced financial results
for the fourth quarter and fiscal year ended September 30, 2026.

| ($ in millions, except per share amounts) | Q4 FY2026 | Q4 FY2025 | FY2026 | FY2025 | Change (FY) |
|---|---|---|---|---|---|
| Revenues | 3,810 | 3,580 | 14,820 | 13,940 | 6.3% |
| Net income attributable to Aldenbrook | 163 | 142 | 612 | 548 | 11.7% |

Cash flows from operating activities were $1.67 billion in fiscal 2026. Capital expenditures were
$940 million, resulting in free cash flow of $730 million.

Underlying net profit excludes a $16.6 million after-tax impairment of exploration assets.
"""


def test_a_change_column_compares_the_two_columns_before_it(tmp_path):
    rows = claims(tmp_path, RESULTS)
    change = one(rows, "6.3%")
    assert (change["year"], change["period_label"]) == (2026, "FY2026")  # not the quarter's columns
    assert one(rows, "$1.67 billion")["measure"] == "cash_flow"
    assert one(rows, "$730 million")["measure"] == "free_cash_flow"  # never compared with operating cash flow
    assert one(rows, "$16.6 million")["measure"] == "other"  # an item excluded, not the profit


def test_an_analysts_actual_column_and_hours_worked(tmp_path):
    rows = claims(tmp_path, """# Hollmann Kessler: Q3 beat

| EUR m | Q3 2026A | Consensus | Q3 2025A |
|---|---|---|---|
| Revenue | 1,406 | 1,392 | 1,352 |

Monthly hours actually worked in all jobs increased by 0.3% to 712.4 million hours.
""")
    assert (one(rows, "1,352")["year"], one(rows, "1,352")["quarter"]) == (2025, 3)  # "Q3 2025A"
    assert (one(rows, "1,406")["year"], one(rows, "1,406")["quarter"]) == (2026, 3)
    assert one(rows, "712.4 million")["unit"] == "hour"  # not a count of jobs


def test_a_market_called_real_is_no_market_and_a_feature_revenue_is_a_segment(tmp_path):
    rows = claims(tmp_path, """# Are smart bird feeders a real market? Sizing the category

The global smart bird feeder market size was valued at USD 412.6 million in 2024.

- Subscription revenue for species-recognition features is expected to grow at a CAGR of 18.6% from 2025 to 2033.
""")
    assert one(rows, "USD 412.6 million")["subject"] == "smart bird feeder"
    assert one(rows, "18.6%")["scope"] == "subscription for species-recognition features"


def test_a_bulletin_under_its_offices_masthead_and_a_note_titled_by_its_economy(tmp_path):
    bulletin = claims(tmp_path, """STATISTICS SORLAND
Statistical Bulletin

Producer Price Indices: September 2025

Producer prices measure the prices of goods bought and sold by manufacturers.

* Output prices rose 3.4% in the 12 months to September 2025, up from 2.9% in August 2025.
* Input prices rose 1.8% in the 12 months to September 2025.

Contact: prices@statistics-sorland.example
""", name="bulletin.txt")
    assert one(bulletin, "3.4%")["entity"] == "Sorland"  # an address writing the name in lower case is no mention
    note = claims(tmp_path, """# Sorland PPI (Sep): fuel lifts output prices

Vestholm Bank Economics | 16 October 2025

- Output PPI: +3.4% y/y. Input PPI: annual input price inflation fell by 1.2 percentage points to 1.8% from 2.6% in August.
- Sorland's producer prices should ease into 2026.
""", name="note.md")
    assert one(note, "1.8%")["entity"] == "Sorland"


def test_a_release_dates_what_a_rate_grew_from_and_reads_an_html_tables_empty_corner(tmp_path):
    rows = claims(tmp_path, """<html><body><h1>Ferrovane Instruments Reports Second Quarter 2025 Results</h1>
<p>BOSTON, July 30, 2025 -- Ferrovane Instruments, Inc. (NYSE: FRV) today reported financial results for the
second quarter ended June 30, 2025.</p>
<ul>
<li>Operating income of $198.4 million; operating margin of 15.4%, up 120 basis points from 14.6%</li>
<li>Adjusted diluted EPS of $1.79, up 13.3% from $1.58</li>
</ul>
<table>
<thead><tr><th></th><th>Three Months Ended June 30, 2025</th><th>Three Months Ended June 30, 2024</th></tr></thead>
<tbody><tr><td>Revenue</td><td>$1,284.6</td><td>$1,186.2</td></tr></tbody>
</table>
<p>(in millions)</p>
</body></html>
""", name="release.html")
    base = one(rows, "$1.58")
    assert (base["year"], base["quarter"], base["accounting"]) == (2024, 2, "adjusted")
    change, before = one(rows, "120 basis points"), one(rows, "14.6%")
    assert (change["measure"], before["measure"], before["year"]) == ("margin", "margin", 2024)
    assert one(rows, "$1,284.6")["year"] == 2025 and one(rows, "$1,186.2")["year"] == 2024


def test_a_market_reports_breakdown_labels_volume_rates_and_where_clauses(tmp_path):
    rows = claims(tmp_path, """# Sunflower Lecithin Market Report

The global sunflower lecithin market size was estimated at USD 482.5 million in 2025 and is projected to grow at a CAGR of 6.9% from 2025 to 2032.

In volume terms, the market stood at 96,400 tonnes in 2025 and is forecast to grow at a CAGR of 5.2% over 2025-2032.

- **Form:** Liquid sunflower lecithin accounted for the largest revenue share of 41.3% in 2025. Powder followed with 35.2%, and granules held 23.5%.
- **Application:** Food & beverages represented 52.8% of 2025 revenue. Pharmaceuticals and nutraceuticals held 19.6%, cosmetics & personal care 11.4%, and animal feed 16.2%.

North America accounted for 27.4% of revenue in 2025, led by the U.S., where sunflower lecithin sales reached USD 109.8 million.

Single-use devices generated USD 0.93 billion in 2025 and are gaining ground, with a forecast CAGR of 9.0% over 2025-2032.
""")
    assert one(rows, "5.2%")["scope"] == "volume"  # not the value's rate
    assert one(rows, "6.9%")["scope"] == "Global"
    assert {one(rows, f)["dimension"] for f in ("41.3%", "23.5%")} == {"form"}
    assert {one(rows, f)["dimension"] for f in ("52.8%", "19.6%", "11.4%", "16.2%")} == {"application"}
    assert one(rows, "USD 109.8 million")["scope"] == "United States"
    assert one(rows, "27.4%")["scope"] == "North America"
    assert one(rows, "9.0%")["scope"] == one(rows, "USD 0.93 billion")["scope"] != "Global"


def test_a_release_reads_standalone_figures_pat_and_an_adjusted_amounts_own_rate(tmp_path):
    rows = claims(tmp_path, """# Narmada Cables & Wires Limited - Press Release

*Vadodara, 12 May 2026* -- The Board of Directors of Narmada Cables & Wires Limited (NSE: NARMCAB) approved the
audited results for the quarter and financial year ended 31 March 2026.

- Revenue from operations grew 16.1% year-on-year to Rs 8,142.6 crore, against Rs 7,015.3 crore in FY2024-25.
- Diluted EPS was Rs 1.16 compared with Rs 1.08 a year ago; adjusted diluted EPS was Rs 1.36, up 21.4% from Rs 1.21.

On a standalone basis, revenue from operations was Rs 7,604.1 crore and PAT was Rs 588.9 crore.
""")
    standalone, pat = one(rows, "Rs 7,604.1 crore"), one(rows, "Rs 588.9 crore")
    assert (standalone["scope"], pat["scope"], pat["measure"]) == ("standalone", "standalone", "net_income")
    assert one(rows, "Rs 8,142.6 crore")["scope"] == "Global"
    assert one(rows, "Rs 7,015.3 crore")["year"] == 2025  # "FY2024-25"
    assert one(rows, "21.4%")["accounting"] == "adjusted"  # the rate of the adjusted amount before it


def test_a_broker_describes_a_segment_then_gives_its_sales_and_rates(tmp_path):
    rows = claims(tmp_path, """# Harrowgate Brands (HGB): strong finish

Calloway Securities | Equity Research | 5 August 2026

Harrowgate Brands reported fourth-quarter fiscal 2026 results.

Pet & Nutrition was again the standout, with Q4 net sales of $455.3 million, up 7.0%, and organic growth of 6.3%.
""")
    for figure in ("$455.3 million", "7.0%", "6.3%"):
        assert one(rows, figure)["scope"] == "Pet & Nutrition", figure


def test_a_half_year_of_a_fiscal_year_ending_in_june(tmp_path):
    rows = claims(tmp_path, """# Yarrabee Minerals Limited (ASX: YBM)

## Half-Year Report – Half-year ended 31 December 2025

**Perth, Western Australia – 18 February 2026**

Yarrabee Minerals Limited reports its results for the half-year ended 31 December 2025 (1H FY26).

- Underlying NPAT up 28.4% to A$248.3 million

| A$ million | 1H FY26 | 1H FY25 | Change |
|---|---|---|---|
| Underlying NPAT | 248.3 | 205.7 | +28.4% |

Underlying NPAT of A$248.3m compares with our A$241m forecast and the A$239m consensus.
""")
    for figure in ("A$248.3 million", "248.3"):
        row = one(rows, figure)
        assert (row["year"], row["period_label"], row["fiscal"]) == (2026, "H1 FY2026", True), figure
    assert one(rows, "205.7")["period_label"] == "H1 FY2025"
    assert one(rows, "A$241m")["kind"] == "forecast"  # "our A$241m forecast"
    assert one(rows, "A$239m")["kind"] == "consensus"


def test_a_change_in_points_after_a_rate_and_its_earlier_level(tmp_path):
    rows = claims(tmp_path, """# Labour force, October 2026

STATISTICS KESTRIA

The unemployment rate was 5.9% in October 2026. The youth unemployment rate fell to 12.9% in October from
13.6% in September, a decrease of 0.4 percentage points.
""")
    change = one(rows, "0.4 percentage points")
    assert (change["measure"], change["value"]) == ("rate", -0.4)


def test_a_brokers_ticker_a_legal_form_sa_and_an_economy_named_in_a_note(tmp_path):
    note = claims(tmp_path, """# Castellan Securities | US Regional Banks | Equity Research

## Harborline Financial Corp. (HBLF) - Overweight

HBLF reported third-quarter EPS of $2.88. HBLF beat consensus. We raise our HBLF target to $178.
""", name="note.md")
    assert {r["entity"] for r in note} == {"Harborline Financial"}  # not the ticker
    release = claims(tmp_path, """<html><head><title>Fromentel - Full-year 2025 results</title></head><body>
<h1>Boulangeries Fromentel SA: strong 2025 with 6.1% organic growth</h1>
<ul><li>Revenue of EUR 1,842.6 million, up 7.9% reported</li></ul>
<p>Fromentel opened 62 stores. Fromentel expects growth to continue.</p>
</body></html>""", name="release.html")
    assert one(release, "EUR 1,842.6 million")["entity"] == "Boulangeries Fromentel"
    flash = claims(tmp_path, """BANCA MERIDIONALE - MACRO RESEARCH
Castellia Economics Flash | 29 August 2025

CASTELLIA: Q2 GDP - A GOOD QUARTER, BUT DON'T EXTRAPOLATE

GDP grew 0.6% on the quarter, after 0.2% in the first quarter. Castellia's economy is now 1.9% larger than a
year earlier, and inflation eased to 2.1%.
""", name="flash.txt")
    assert one(flash, "0.6%")["entity"] == "Castellia" and one(flash, "0.6%")["entity_type"] == "economy"


def test_a_blog_comparing_firms_attributes_each_figure_to_its_firm(tmp_path):
    rows = claims(tmp_path, """<html><body>
<h1>Padel equipment: three forecasts, one market</h1>
<p>Summit Ridge Consulting, Lindqvist &amp; Mora Research and Arcturus Data have each published a sizing of the global padel equipment market.</p>
<table border="1">
<tr><th>Firm</th><th>2025 market size</th><th>CAGR 2026-2032</th></tr>
<tr><td>Summit Ridge Consulting</td><td>USD 612.4 million</td><td>9.7%</td></tr>
<tr><td>Arcturus Data</td><td>USD 540 million</td><td>21.3%</td></tr>
</table>
<p>Summit Ridge's end-point of USD 1.81 billion for 2032 is the more conservative view; Lindqvist &amp; Mora lands at USD 1.24 billion.</p>
<p>Arcturus Data is the outlier. Its projection of 21.3% a year would take the market to about USD 2.09 billion by 2032.</p>
<ul><li>Wall panels accounted for 54.7% of 2025 revenue and floor and roof panels for 45.3%.</li></ul>
</body></html>""", name="blog.html")
    assert one(rows, "USD 540 million")["attributed_to"] == "Arcturus Data"  # a row of the "Firm" column
    assert one(rows, "USD 1.81 billion")["attributed_to"] == "Summit Ridge Consulting"  # "Summit Ridge's"
    assert one(rows, "USD 1.24 billion")["attributed_to"] == "Lindqvist & Mora Research"
    assert one(rows, "USD 2.09 billion")["attributed_to"] == "Arcturus Data"  # "Its projection" after it
    assert one(rows, "45.3%")["scope"] == "floor and roof panels"


def test_market_words_that_name_no_market_and_a_tables_spaced_millions(tmp_path):
    rows = claims(tmp_path, """# Peptides go mass-market - but forecasters can't agree how fast

That shift has made cosmetic peptides one of the most closely watched corners of the actives business - and one
where market researchers' numbers diverge sharply. The global cosmetic peptides market was valued at USD 612.4
million in 2024.

Corvel Actives, the Swiss market leader, reported personal-care ingredient sales of CHF 412 million for 2024.

| Research firm | 2024 market size |
|---|---|
| Lumen Data Partners | USD 598 m |
""")
    assert one(rows, "USD 612.4\nmillion")["subject"] == "cosmetic peptide"
    assert one(rows, "USD 598 m")["value"] == 598e6  # "m" alone in a cell: millions
    assert "swiss" not in {r["subject"] for r in rows} and "where" not in {r["subject"] for r in rows}


def test_a_half_year_release_with_core_figures_and_currency_asides(tmp_path):
    rows = claims(tmp_path, """# Valtrane delivers strong first half; raises full-year 2025 guidance

**Ad hoc announcement**

*Basel, Switzerland, 24 July 2025* - Valtrane Holding AG (SIX: VALN) today reported results for the first half of 2025.

- Core operating income increased 9.7% (+13.2% cc) to CHF 5,467 million
- Core operating income margin reached 38.0% of net sales
- We added 2,340 employees on a net basis.

| CHF millions | H1 2025 | H1 2024 | % change (CHF) | % change (cc) |
|---|---|---|---|---|
| Net sales | 14,382 | 13,615 | 5.6 | 8.1 |
""")
    core = one(rows, "CHF 5,467 million")
    assert (core["period_label"], core["accounting"]) == ("H1 2025", "adjusted")  # not the aside's "cc"
    assert one(rows, "38.0%")["measure"] == "margin"
    assert one(rows, "8.1")["accounting"] == "constant_currency"  # the column's "(cc)"
    assert one(rows, "2,340")["basis"] == "change"  # an addition, not the headcount


def test_a_count_compared_with_a_bare_earlier_count_and_a_private_limited_publisher(tmp_path):
    rows = claims(tmp_path, """Warehouse Autonomous Mobile Robot Market to Reach USD 17.62 Billion by 2032 - Quillon Research

NEWS PROVIDED BY
Quillon Research Pvt. Ltd.

The global warehouse autonomous mobile robot market generated revenue of USD 4.41 billion in 2024.

  * Unit shipments of warehouse AMRs rose to 182,000 units in 2024 from 141,000 in
    2023, an increase of 22%.
""", name="release.txt")
    before = one(rows, "141,000")
    assert (before["unit"], before["year"]) == ("unit", 2023)  # the count it rose from
    assert {r["entity"] for r in rows} == {"warehouse autonomous mobile robot"}  # not "Pvt"
