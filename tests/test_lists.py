"""Regional lists in documents written for the tests: other markets, other shapes of list.

Each list item is a qualitative claim (statement "listed_under"); the geography rules
(RC601-RC603) read them. The seeds' lists are checked in test_check_seeds.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

import reconcile
from reconcile.check import check_corpus
from reconcile.extract.lists import LISTED_UNDER, _countries_column
from reconcile.htmltext import render_html
from reconcile.offsets import OffsetMap
from reconcile.sources import Document

MARKDOWN_BULLETS = """# Electric Bus Market Report 2025-2030

The global electric bus market was valued at USD 42.1 billion in 2024.

## Regional coverage

### North America
- United States
- Canada
- Mexico

### Europe
- Germany
- France
- Japan

### Asia Pacific

- China
- Japan
- India
"""

INLINE = """Cold Chain Logistics Market Outlook

The cold chain logistics market reached USD 310 billion in 2024.

Regions covered:
Europe: Germany, France, Spain and the Netherlands
Asia Pacific: China, Japan, South Korea, Brazil
Middle East & Africa: Saudi Arabia, UAE, South Africa, etc.
"""

TABLE = """# Industrial Robot Market

The industrial robot market is expected to reach USD 75 billion by 2030.

| Region | Countries covered |
|---|---|
| North America | U.S., Canada |
| Europe | Germany, Turkey, Italy |
| Middle East & Africa | Turkey, Israel, South Africa |
| Latin America | Brazil, Argentina |
"""

HTML = """<html><body><h1>Smart Meter Market Size 2025</h1>
<p>The smart meter market is projected to reach USD 36 billion by 2030.</p>
<h3>Asia-Pacific</h3>
<ul><li>China</li><li>New</li><li>Zealand</li><li>Australia</li></ul>
<h3>Europe</h3>
<ul><li>Germany France</li><li>Italy</li></ul>
</body></html>
"""

PLAIN = """Vertical Farming Market

North America:
United States
Canada

LAMEA:
Brazil
Saudi Arabia
Nigeria
"""

PROSE = """# Garden Tools Market

## Europe
Germany leads the market with a 30% share, followed by France at 20%.

## Asia Pacific
- Cordless tools
- Hand tools

Europe: the market grew by 5% in Germany and Turkey in 2024.
Middle East: Jordan and Chad are small markets, said the analyst.
North America: 35%, Europe: 30%, Asia Pacific: 20%.

| Region | Share | Leading product |
|---|---|---|
| Europe | 30% | Japan Tools |

Key players include Georgia Gulf, Jordan Machines and Chad Industries.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _listed(path: Path):
    frame = reconcile.extract_claims(str(path))
    return frame[frame.statement == LISTED_UNDER]


def _findings(tmp_path: Path, settings, code: str):
    return [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule == code]


def test_markdown_headings_with_bullets(tmp_path):
    rows = _listed(_write(tmp_path, "bus.md", MARKDOWN_BULLETS))
    assert list(zip(rows.dimension, rows.scope)) == [
        ("North America", "United States"), ("North America", "Canada"), ("North America", "Mexico"),
        ("Europe", "Germany"), ("Europe", "France"), ("Europe", "Japan"),
        ("Asia Pacific", "China"), ("Asia Pacific", "Japan"), ("Asia Pacific", "India")]
    assert set(rows.metric) == {"qualitative"} and set(rows.measure) == {"listed"}
    assert rows.value.isna().all() and set(rows.unit) == {""} and set(rows.scope_type) == {"country"}
    assert set(rows.subject) == {"electric bus"}


def test_inline_lists_split_at_commas_and_and(tmp_path):
    rows = _listed(_write(tmp_path, "cold.txt", INLINE))
    assert list(rows.figure) == ["Germany", "France", "Spain", "the Netherlands", "China", "Japan",
                                 "South Korea", "Brazil", "Saudi Arabia", "UAE", "South Africa"]
    assert list(rows.scope)[3] == "Netherlands" and list(rows.scope)[9] == "United Arab Emirates"
    assert set(rows.line) == {6, 7, 8}


def test_table_rows_under_a_countries_header(tmp_path):
    rows = _listed(_write(tmp_path, "robots.md", TABLE))
    assert list(zip(rows.dimension, rows.figure)) == [
        ("North America", "U.S."), ("North America", "Canada"), ("Europe", "Germany"), ("Europe", "Turkey"),
        ("Europe", "Italy"), ("Middle East & Africa", "Turkey"), ("Middle East & Africa", "Israel"),
        ("Middle East & Africa", "South Africa"), ("Latin America", "Brazil"), ("Latin America", "Argentina")]


def test_html_list_items_under_headings(tmp_path):
    rows = _listed(_write(tmp_path, "meters.html", HTML))
    assert list(zip(rows.dimension, rows.scope, rows.scope_type)) == [
        ("Asia Pacific", "China", "country"), ("Asia Pacific", "New", ""), ("Asia Pacific", "Zealand", ""),
        ("Asia Pacific", "Australia", "country"), ("Europe", "Germany France", ""), ("Europe", "Italy", "country")]


def test_plain_text_one_name_a_line(tmp_path):
    rows = _listed(_write(tmp_path, "farms.txt", PLAIN))
    assert list(zip(rows.dimension, rows.scope)) == [
        ("North America", "United States"), ("North America", "Canada"),
        ("LAMEA", "Brazil"), ("LAMEA", "Saudi Arabia"), ("LAMEA", "Nigeria")]


@pytest.mark.parametrize("name, text", [("bus.md", MARKDOWN_BULLETS), ("cold.txt", INLINE), ("robots.md", TABLE),
                                        ("meters.html", HTML), ("farms.txt", PLAIN)])
def test_quotes_are_the_items_exactly_as_written(tmp_path, name, text):
    path = _write(tmp_path, name, text)
    rows = _listed(path)
    assert len(rows)
    lines = text.split("\n")
    for row in rows.itertuples():
        assert text[row.start:row.end] == row.quote == row.figure
        assert row.figure in lines[row.line - 1]


def test_prose_figures_and_other_lists_under_region_headings_are_not_read(tmp_path):
    """A paragraph, a bullet list of products, a sentence after "Europe:", shares, a table
    without a countries column, names that are also words ("Jordan", "Chad", "Georgia")."""
    assert _listed(_write(tmp_path, "tools.md", PROSE)).empty
    assert not [f for f in check_corpus([str(tmp_path)]).findings if f.rule.startswith("RC60")]


def test_wrong_region_in_a_markdown_list(tmp_path, settings):
    _write(tmp_path, "bus.md", MARKDOWN_BULLETS)
    (f,) = _findings(tmp_path, settings, "RC601")
    assert f.scope == "Japan" and f.subject == "electric bus"
    assert f.message.startswith('Japan is listed under Europe ("Japan", ')
    assert "Japan is in Asia Pacific, where the document also lists it" in f.message
    assert not _findings(tmp_path, settings, "RC602")  # Mexico in North America is no finding


def test_wrong_region_in_an_inline_list(tmp_path, settings):
    _write(tmp_path, "cold.txt", INLINE)
    (f,) = _findings(tmp_path, settings, "RC601")
    assert f.scope == "Brazil" and "Brazil is in Latin America" in f.message and ":7)" in f.message


def test_a_country_under_two_regions_of_a_table(tmp_path, settings):
    _write(tmp_path, "robots.md", TABLE)
    (f,) = _findings(tmp_path, settings, "RC602")
    assert f.scope == "Turkey" and "both Europe" in f.message and "Middle East & Africa" in f.message
    assert not _findings(tmp_path, settings, "RC601")


def test_split_and_run_together_items_in_html(tmp_path, settings):
    _write(tmp_path, "meters.html", HTML)
    found = sorted(f.message for f in _findings(tmp_path, settings, "RC603"))
    assert len(found) == 2
    assert found[0].startswith('"Germany France"') and "Germany and France" in found[0]
    assert '"New"' in found[1] and '"Zealand"' in found[1] and "New Zealand" in found[1]


def test_a_clean_list_raises_nothing(tmp_path, settings):
    _write(tmp_path, "farms.txt", PLAIN)
    assert not [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule.startswith("RC60")]


MORE_SHAPES = """# Hydrogen Fuel Cell Market

The hydrogen fuel cell market was worth USD 6.3 billion in 2024.

**Europe**

* Germany
* Norway

- Asia Pacific
  - Japan
  - South Korea
- **Latin America:** Chile, Brazil

North America:
- California
- Georgia
- Texas
"""

HTML_TABLE = """<html><body><h2>Pet Food Market</h2><p>Pet food sales reached USD 120 billion in 2024.</p>
<table><tr><th>Region</th><th>Key countries</th></tr>
<tr><td>Europe</td><td>Germany, France, Poland</td></tr>
<tr><td>Asia-Pacific</td><td>China, India, Mexico</td></tr></table></body></html>
"""


def test_bold_headings_nested_bullets_and_a_bullet_with_an_inline_list(tmp_path):
    rows = _listed(_write(tmp_path, "fuel.md", MORE_SHAPES))
    assert list(zip(rows.dimension, rows.figure)) == [
        ("Europe", "Germany"), ("Europe", "Norway"), ("Asia Pacific", "Japan"), ("Asia Pacific", "South Korea"),
        ("Latin America", "Chile"), ("Latin America", "Brazil")]  # US states are no list of countries


def test_an_html_table_of_regions_and_countries(tmp_path, settings):
    rows = _listed(_write(tmp_path, "pets.html", HTML_TABLE))
    assert list(zip(rows.dimension, rows.scope)) == [
        ("Europe", "Germany"), ("Europe", "France"), ("Europe", "Poland"),
        ("Asia Pacific", "China"), ("Asia Pacific", "India"), ("Asia Pacific", "Mexico")]
    (f,) = _findings(tmp_path, settings, "RC601")
    assert f.message.startswith('Mexico is listed under Asia Pacific ("Mexico", ')
    assert f.message.endswith("Mexico is in Latin America or North America")


NAMES = st.sampled_from(["Germany", "Korea", "Saudi", "Arabia", "U.K.", "China Taiwan", "Côte d'Ivoire", "Others",
                         "Georgia", "New", "Zealand", "Argentina Korea", "Bosnia &amp; Herzegovina", "30%", "**Japan**",
                         "the Netherlands", "Rest of Europe", "etc.", ""])
REGIONS = st.sampled_from(["Europe", "Asia-Pacific", "Middle East & Africa", "North America", "LAMEA", "Global", "USA"])
NOISE = st.sampled_from(["", " ", "\r", ".", ":", "<strong>", "</li>", "&nbsp;", "|"])


@st.composite
def list_documents(draw):
    """Documents of regional lists in every shape, with noise between and inside the parts."""
    out = []
    for _ in range(draw(st.integers(1, 4))):
        region, names = draw(REGIONS), draw(st.lists(NAMES, max_size=6))
        shape = draw(st.sampled_from(["bullets", "inline", "table", "html", "lines"]))
        noise = draw(NOISE)
        if shape == "bullets":
            out.append(f"## {region}{noise}\n" + "".join(f"- {n}\n" for n in names))
        elif shape == "inline":
            out.append(f"{region}:{noise} " + ", ".join(names) + "\n")
        elif shape == "table":
            out.append(f"| Region | Countries |\n|---|---|\n| {region} | {', '.join(names)}{noise} |\n")
        elif shape == "html":
            out.append(f"<p><strong>{region}:</strong><ul>" + "".join(f"<li>{noise}{n}</li>\n" for n in names) + "</ul></p>\n")
        else:
            out.append(f"{region}:\n" + "".join(f"{n}{noise}\n" for n in names) + "\n")
    return "".join(out)


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=list_documents(), html=st.booleans())
def test_any_list_text_reads_without_error_and_items_are_exact(extractor, text, html):
    if html:
        visible, offsets, headings = render_html(text)
        doc = Document("x.html", text, visible, offsets, "html", headings)
    else:
        doc = Document("x.md", text, text, OffsetMap.identity_map(), "markdown")
    for claim in extractor.extract(doc):
        assert text[claim.start : claim.end] == claim.quote
        if claim.statement == LISTED_UNDER:
            assert claim.figure == claim.quote and claim.scope and claim.dimension


# -- lists that are no list of a region's members, and names written in standard forms -------

TRADE = """# Coffee Trade Review 2025

Global coffee trade was worth USD 48 billion in 2024.

Main sources of imports, by importing region:
- Europe: Brazil, Vietnam, Colombia
- North America: Brazil, Colombia, Mexico

Top export destinations for European producers:
Europe: United States, United Kingdom, China, Canada

| Region | Market leader | Leader's home country |
|---|---|---|
| Europe | Apple | United States |

| Region | Country of origin | Destination country | Headquarters country |
|---|---|---|---|
| Asia Pacific | Brazil | Germany | United States |
"""

TRADE_COUNTERPART = """# Coffee Market Report 2025

The coffee market was worth USD 48 billion in 2024.

Regions covered:
Europe: Germany, United Kingdom, France, Canada

| Region | Countries (examples) |
|---|---|
| Asia Pacific | China, Japan, India, Brazil |
"""


def test_lists_mostly_outside_their_region_and_other_country_columns_are_not_judged(tmp_path, settings):
    """Import sources and export destinations under a region's name, and table columns that
    name one country a row for another reason (a leader's home, an origin): no finding."""
    rows = _listed(_write(tmp_path, "trade.md", TRADE))
    assert set(rows.line) == {6, 7, 10}  # the tables' columns name no region's countries
    assert not [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule.startswith("RC60")]


def test_a_membership_list_with_one_stray_country_is_still_flagged(tmp_path, settings):
    _write(tmp_path, "coffee.md", TRADE_COUNTERPART)
    found = sorted(f.message for f in _findings(tmp_path, settings, "RC601"))
    assert len(found) == 2
    assert found[0].startswith("Brazil is listed under Asia Pacific") and found[1].startswith("Canada is listed under Europe")


INVERTED = """Semiconductor Equipment Market

The semiconductor equipment market reached USD 109 billion in 2024.

Regions covered:
Asia Pacific: China, Korea, Republic of, Japan, Taiwan, Province of China
Middle East & Africa: Iran, Islamic Republic of, Tanzania, United Republic of, Congo, The Democratic Republic of the, Saudi Arabia
Latin America: Venezuela, Bolivarian Republic of, Bolivia, Plurinational State of, Brazil
Africa: Congo DRC, Kenya, Congo (DRC), Nigeria, Congo-Kinshasa, DR Congo
North America: United States, Canada, Virgin Islands, U.S.
"""


def test_names_written_inverted_and_congo_drc_are_one_country_each(tmp_path, settings):
    rows = _listed(_write(tmp_path, "chips.txt", INVERTED))
    assert list(rows.figure[:4]) == ["China", "Korea, Republic of", "Japan", "Taiwan, Province of China"]
    assert list(rows.scope[:4]) == ["China", "South Korea", "Japan", "Taiwan"]
    assert "Congo, The Democratic Republic of the" in set(rows.figure)
    assert {"Iran, Islamic Republic of", "Tanzania, United Republic of", "Venezuela, Bolivarian Republic of",
            "Bolivia, Plurinational State of", "Virgin Islands, U.S."} <= set(rows.figure)
    assert set(rows.scope_type) == {"country"}
    drc = rows[rows.dimension == "Africa"]
    assert set(drc.scope) == {"DR Congo", "Kenya", "Nigeria"}
    assert not [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule.startswith("RC60")]


def test_a_split_name_beside_inverted_names_is_still_flagged(tmp_path, settings):
    _write(tmp_path, "chips.txt", INVERTED.replace("Japan,", "Japan, Saudi, Arabia,", 1)
           .replace("Asia Pacific:", "Middle East:", 1).replace("Taiwan, Province of China", "Qatar"))
    (f,) = _findings(tmp_path, settings, "RC603")
    assert '"Saudi"' in f.message and '"Arabia"' in f.message and "Saudi Arabia" in f.message


TRANSCONTINENTAL = """Cybersecurity Market

The cybersecurity market reached USD 190 billion in 2024.

Asia Pacific: Russia, China, Japan, Georgia, Kazakhstan
Europe: Germany, Israel, Cyprus, Réunion, French Guiana
Middle East: Saudi Arabia, UAE, Morocco
"""


def test_countries_reports_place_in_more_than_one_area_are_not_flagged(tmp_path, settings):
    _write(tmp_path, "cyber.txt", TRANSCONTINENTAL)
    assert not [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule.startswith("RC60")]


def test_a_country_of_one_area_beside_them_is_still_flagged(tmp_path, settings):
    _write(tmp_path, "cyber.txt", TRANSCONTINENTAL.replace("Cyprus", "Vietnam"))
    (f,) = _findings(tmp_path, settings, "RC601")
    assert f.message.startswith("Vietnam is listed under Europe") and "Vietnam is in Asia Pacific" in f.message


@pytest.mark.parametrize("header, read", [
    ("Countries", True), ("Key countries", True), ("Countries covered", True), ("**Countries Covered**", True),
    ("Countries (examples)", True), ("Sub-regions & countries", True), ("Country", True),
    ("Leader's home country", False), ("Home country", False), ("Country of origin", False),
    ("Headquarters country", False), ("Destination country", False), ("Top destination countries", False),
    ("Market leader", False)])
def test_only_a_column_of_the_regions_countries_is_read(header, read):
    assert _countries_column(header) is read


def test_names_written_inverted_between_semicolons(tmp_path, settings):
    """CIA-style names: "Korea, South; Korea, North" are two countries, not a split name."""
    _write(tmp_path, "world.txt", "Telecom Market\n\nThe telecom market reached USD 1.8 trillion in 2024.\n\n"
           "Asia Pacific: Korea, South; Korea, North; Japan; China\n")
    assert not [f for f in check_corpus([str(tmp_path)], settings).findings if f.rule.startswith("RC60")]


def test_a_lists_first_item_may_carry_the_verb(tmp_path):
    import reconcile

    path = tmp_path / "bulletin.txt"
    path.write_text("RETAIL SALES, RURITANIA: MARCH 2027\n\nIn March 2027, food stores accounted for 38.6% of the value "
                    "of retail sales, non-food stores 41.2%, non-store retailing 14.9% and automotive fuel 5.3%.\n", "utf-8")
    rows = reconcile.extract_claims(str(path)).to_dict("records")
    named = {r["figure"]: (r["scope"], r["measure"]) for r in rows}
    assert named["38.6%"] == ("food stores", "share") and named["5.3%"] == ("automotive fuel", "share")
