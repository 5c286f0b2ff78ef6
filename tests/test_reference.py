"""Reference facts: rules/reference/*.csv and SEC companyfacts files, read as claims and set
against the documents (rule RC701, the corroborated_by column). The companies and documents
here are made up: nothing depends on the bundled sources' wording."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.check import check_corpus
from reconcile.cli import app
from reconcile.config import load_settings
from reconcile.reference import entity_key, load_references

FIXTURE = Path(__file__).parent / "reference" / "companyfacts_northwind.json"
HEADER = "entity,measure,period,year,fiscal_year_end,value,unit,source,url,retrieved\n"
ROW = 'Harrowgate Instruments Inc.,revenue,2023,2023,,"1,920 million",USD,Harrowgate 10-K 2023,https://example.com/h,2026-11-30\n'
RELEASE = """# Northwind Instruments reports fiscal 2024 results

SEATTLE, November 1, 2024 -- Northwind Instruments, Inc. today reported results for its fiscal year ended September 28, 2024.

Revenue for fiscal 2024 was $3.87 billion, up 14% from $3.4 billion in fiscal 2023. Net income was $451 million.
Product revenue was $2.95 billion in fiscal 2024.

| (in millions) | Fiscal 2024 | Fiscal 2023 |
|---|---|---|
| Total revenue | $3,870 | $3,398 |
| Services revenue | $920 | $801 |
"""
MARKET = """Laboratory Automation Market Outlook 2025-2030

The global laboratory automation market was valued at USD 6.1 billion in 2024 and is expected to reach USD 9.4 billion by 2030.

Key players include Harrowgate and Keldon Foods. Harrowgate reported revenue of $1.92 billion in 2023, while Keldon Foods posted revenue of about $880 million in 2023.
"""
COMPANIES = HEADER + ROW + (
    "Keldon Foods plc,revenue,year ended 31 December 2023,2023,12,\"1,010 million\",USD,Keldon annual report 2023,"
    "https://example.com/k,2026-11-30\n"
    "Keldon Foods plc,revenue,year ended 31 December 2022,2022,12,\"884 million\",USD,Keldon annual report 2023,"
    "https://example.com/k,2026-11-30\n")


def rules_with(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "rules" / "reference"
    folder.mkdir(parents=True)
    for name, content in files.items():
        (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return tmp_path / "rules"


def corpus(tmp_path: Path, **docs: str) -> str:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name.replace("_", ".")).write_text(text, "utf-8")
    return str(folder)


def test_names_compare_without_case_punctuation_or_legal_form():
    suffixes = load_settings(use_cwd=False).reference["names"]["legal_suffixes"]
    assert entity_key("Pfizer Inc.", suffixes) == entity_key("PFIZER", suffixes) == "pfizer"
    assert entity_key("Illumina, Inc.", suffixes) == "illumina"
    assert entity_key("The Kraft Heinz Company", suffixes) == "kraft heinz"
    assert entity_key("Procter & Gamble Co.", suffixes) == "procter and gamble"


def test_companyfacts_full_years_of_the_mapped_concepts(tmp_path):
    rules = rules_with(tmp_path, {FIXTURE.name: FIXTURE.read_bytes()})
    refs = load_references(load_settings(rules))
    got = {(c.measure, c.year): (c.value, c.fiscal_year_end) for c in refs.claims}
    assert got == {
        ("revenue", 2021): (2511e6, 9),   # only the second concept reports it
        ("revenue", 2022): (2905e6, 9),   # Revenues before RevenueFromContract…: the first concept listed wins
        ("revenue", 2023): (3398e6, 9),   # restated in the 2024 10-K: the latest filing wins
        ("revenue", 2024): (3870e6, 9),   # not the quarter nor the nine months filed beside it
        ("net_income", 2024): (412e6, 9),
    }  # no EPS (not mapped by default), no shares or assets (not a year's flow)
    (status,) = refs.inputs
    assert status.status == "ok" and status.claims == 5 and status.format == "reference companyfacts"
    row = next(c for c in refs.claims if c.year == 2023)
    assert row.source_type == "reference" and row.entity == "Northwind Instruments, Inc." and row.fiscal
    assert row.figure in row.quote and "0009990001-24-000031" in row.quote and row.doc.endswith(FIXTURE.name)
    assert len({c.claim_id for c in refs.claims}) == 5


def test_a_release_checked_against_companyfacts(tmp_path):
    rules = rules_with(tmp_path, {FIXTURE.name: FIXTURE.read_bytes()})
    result = check_corpus([corpus(tmp_path, release_md=RELEASE)], load_settings(rules), jobs=1)
    (f,) = [f for f in result.findings if f.rule == "RC701"]
    assert "net income (FY2024)" in f.message and "states USD 451M, USD 39M (9.5%) above the reference: USD 412M" in f.message
    assert "SEC EDGAR companyfacts: Northwind Instruments, Inc., 10-K filed 2024-11-01" in f.message
    assert "matches" not in f.message
    claims = result.claims
    docs = claims[claims["source_type"] == "document"].set_index("figure")
    refs = claims[claims["source_type"] == "reference"].set_index(["measure", "year"])["claim_id"]
    assert docs.loc["$3.87 billion", "corroborated_by"] == refs[("revenue", 2024)]
    assert docs.loc["$3.4 billion", "corroborated_by"] == ""  # "up 14% from $3.4 billion": a change's base, not compared
    assert docs.loc["$451 million", "corroborated_by"] == ""
    assert docs.loc["$3,870", "corroborated_by"] == refs[("revenue", 2024)]  # a table row naming the total
    assert docs.loc["$3,398", "corroborated_by"] == refs[("revenue", 2023)]
    # parts of the revenue are neither corroborated nor contradicted
    assert (docs.loc[["$2.95 billion", "$920", "$801"], "corroborated_by"] == "").all()
    assert [s.doc.endswith(FIXTURE.name) for s in result.inputs] == [False, True]


def test_a_market_report_checked_against_a_csv(tmp_path):
    rules = rules_with(tmp_path, {"companies.csv": COMPANIES})
    result = check_corpus([corpus(tmp_path, lab_txt=MARKET)], load_settings(rules), jobs=1)
    (f,) = [f for f in result.findings if f.rule == "RC701"]
    assert f.scope == "Keldon Foods" and "states about USD 880M" in f.message and "USD 1.01B" in f.message
    assert "Keldon annual report 2023" in f.message and "companies.csv:4" in f.message
    assert "matches the 2022 figure (USD 884M" in f.message
    harrowgate = result.claims[result.claims["scope"] == "Harrowgate"].iloc[0]
    assert harrowgate["corroborated_by"] != ""  # "Harrowgate" is "Harrowgate Instruments Inc."


def test_no_reference_folder_no_reference_rows(tmp_path):
    (tmp_path / "rules").mkdir()
    result = check_corpus([corpus(tmp_path, lab_txt=MARKET)], load_settings(tmp_path / "rules"), jobs=1)
    assert set(result.claims["source_type"]) == {"document"} and set(result.claims["corroborated_by"]) == {""}
    assert not [f for f in result.findings if f.rule == "RC701"]
    assert result.summary("warning")["references"] == 0


def test_every_file_in_the_folder_is_an_input(tmp_path):
    rules = rules_with(tmp_path, {"a.csv": COMPANIES, "b.csv": "# nothing yet\n" + HEADER, "notes.txt": "hello"})
    refs = load_references(load_settings(rules))
    assert [(Path(s.doc).name, s.status, s.claims) for s in refs.inputs] == [
        ("a.csv", "ok", 3), ("b.csv", "empty", 0), ("notes.txt", "skipped", 0)]
    first = refs.claims[0]
    assert first.line == 2 and first.quote == ROW.rstrip("\n") and first.figure == "1,920 million"
    assert COMPANIES[first.start:first.end] == first.quote


@pytest.mark.parametrize("name, content, words", [
    ("r.csv", HEADER.replace("unit,", "currency,") + ROW, ['unknown column "currency"', "the columns are"]),
    ("r.csv", HEADER.replace(",url", "") , ['no column "url"']),
    ("r.csv", HEADER + ROW.replace('"1,920 million"', "lots"), ["r.csv:2", 'value = "lots": expected a number']),
    ("r.csv", HEADER + ROW.replace('"1,920 million"', '"1,920 zillion"'), ["r.csv:2", "scale word"]),
    ("r.csv", HEADER + ROW.replace(",revenue,", ",turnover,"), ["r.csv:2", 'measure = "turnover": expected one of']),
    ("r.csv", HEADER + ROW.replace(",USD,", ",dollars,"), ["r.csv:2", 'unit = "dollars"']),
    ("r.csv", HEADER + ROW.replace("2023,2023,", "2023,twenty,"), ["r.csv:2", 'year = "twenty"']),
    ("r.csv", HEADER + ROW.replace("2023,2023,,", "2023,2023,13,"), ["r.csv:2", 'fiscal_year_end = "13"']),
    ("r.csv", HEADER + ROW.replace("Harrowgate 10-K 2023", ""), ["r.csv:2", "source is empty"]),
    ("r.csv", HEADER + ROW.replace("2026-11-30", "yesterday"), ["r.csv:2", 'retrieved = "yesterday"']),
    ("r.csv", HEADER + ROW.replace(",USD,", ",USD,extra,"), ["r.csv:2", "11 cells; the header has 10"]),
    ("r.csv", HEADER + ROW + ROW.replace("1,920", "1,950"), ["r.csv:3", "already 1,920 million (line 2)"]),
    ("f.json", "{not json", ["f.json: not valid JSON"]),
    ("f.json", '{"cik": 1, "facts": []}', ["f.json: not an SEC companyfacts file"]),
    ("f.json", json.dumps({"cik": 1, "entityName": "X", "facts": {"us-gaap": {"Revenues": {"units": {"USD": [
        {"start": "2024-01-01", "end": "2024-12-31", "val": "many"}]}}}}}), ["f.json", 'val = "many": expected a number']),
    ("f.csv", b"\xff\xfe\x00bad", ["f.csv: cannot be read"]),
])
def test_a_bad_reference_file_is_a_configuration_error(tmp_path, name, content, words):
    rules = rules_with(tmp_path, {name: content})
    docs = corpus(tmp_path, lab_txt=MARKET)
    result = CliRunner().invoke(app, ["check", docs, "--rules", str(rules), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    for w in words:
        assert w in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()  # stopped before anything was read or written


def test_the_bundled_reference_file_names_its_source_for_every_row():
    refs = load_references(load_settings("rules"))
    assert {(c.entity, c.year) for c in refs.claims} == {
        ("Pfizer Inc.", 2022), ("Pfizer Inc.", 2021), ("Abbott Laboratories", 2022), ("Illumina, Inc.", 2022)}
    for c in refs.claims:
        assert "10-K" in c.doc_title and "https://www.sec.gov/" in c.quote



def test_the_html_report_charts_each_company_beside_its_reference_facts():
    from reconcile.report.html import to_html

    html = to_html(check_corpus(["sources"], load_settings("rules"), jobs=1))
    for company in ("Abbott", "Illumina", "Pfizer"):
        assert f'aria-label="{company}: revenue, USD by year: the documents and the reference facts"' in html
    assert html.count("reference (rules/reference/)") == 3 and 'class="mark reference"' in html


@pytest.mark.parametrize("text, words", [
    ("[companyfacts]\nyear_days_min = 380\nyear_days_max = 350\n", [
        "reference.toml: [companyfacts] year_days_min = 380 is above year_days_max = 350"]),
    ("[companyfacts.concepts]\nebitda_margin = [\"Foo\"]\n", ["reference.toml: [companyfacts.concepts] ebitda_margin: "
                                                             "no such measure"]),
    ("[names]\nlegal_suffixes = \"inc\"\n", ['legal_suffixes = "inc": expected a list of words']),
])
def test_a_bad_reference_toml_names_the_file_and_key(tmp_path, text, words):
    rules = rules_with(tmp_path, {FIXTURE.name: FIXTURE.read_bytes()})
    (rules / "reference.toml").write_text(text, "utf-8")
    result = CliRunner().invoke(app, ["check", corpus(tmp_path, release_md=RELEASE), "--rules", str(rules),
                                      "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    for w in words:
        assert w in result.stderr, result.stderr


def test_more_concepts_from_a_reference_toml(tmp_path):
    rules = rules_with(tmp_path, {FIXTURE.name: FIXTURE.read_bytes()})
    (rules / "reference.toml").write_text('[companyfacts.concepts]\neps = ["EarningsPerShareDiluted"]\n', "utf-8")
    refs = load_references(load_settings(rules))
    (eps,) = [c for c in refs.claims if c.measure == "eps"]
    assert (eps.value, eps.unit, eps.year) == (2.71, "USD", 2024)


# --- What is a company's whole figure: the reviewer's false alarms (Pfizer's and Abbott's 10-K
# facts, a market report's sentences), each beside a sentence that must still be compared.

PFIZER_ABBOTT = HEADER + (
    'Pfizer Inc.,revenue,2022,2022,12,"100,330 million",USD,Pfizer 10-K 2022,https://example.com/p,2026-12-01\n'
    'Pfizer Inc.,revenue,2021,2021,12,"81,288 million",USD,Pfizer 10-K 2022,https://example.com/p,2026-12-01\n'
    'Abbott Laboratories,revenue,2022,2022,12,"43,653 million",USD,Abbott 10-K 2022,https://example.com/a,2026-12-01\n')
FRAME = """# Global Biopharmaceuticals Market Report 2023

The global biopharmaceuticals market was valued at USD 420 billion in 2022 and is expected to reach USD 610 billion by 2030.

Key players include Pfizer, Abbott and Hospira.

{}
"""
#: a part's, another company's or another year's figure: neither flagged nor corroborated
NOT_COMPARED = [
    "Pfizer generated revenue of $37.8 billion from Comirnaty in 2022.",
    "Abbott reported revenue of $8.4 billion from COVID-19 tests in 2022.",
    "Pfizer reported revenue of $52.1 billion for its Biopharma segment in 2022.",
    "Abbott reported revenue of $25.0 billion outside the U.S. in 2022.",
    "Pfizer's revenue excluding COVID-19 products was $43.6 billion in 2022.",
    "Pfizer's revenue ex-COVID was $45.0 billion in 2022.",
    "Abbott's Diagnostics business reported revenue of $16.6 billion in 2022.",
    "Hospira, a Pfizer company, reported revenue of $4.0 billion in 2022.",
    "Pfizer Animal Health (now Zoetis) had revenue of $8.1 billion in 2022.",
    "Pfizer Ltd, the Indian listed arm of the US drugmaker, reported revenue of $290 million in 2022.",
    "Pfizer Ltd reported revenue of $290 million in 2022.",
    "Pfizer Limited, the Indian drugmaker, reported revenue of $290 million in 2022.",
    "Pfizer's 2022 revenue grew 23% from $81.3 billion.",
    "Pfizer's revenue grew 23% in 2022, up from $81.3 billion.",
    "Pfizer's revenue grew 23% in 2022 compared with $81.3 billion.",
    # a sentence naming two years without saying which is the figure's (second review)
    "Pfizer's 2022 revenue: $100.3 billion (2021: $81.3 billion).",
    "Pfizer's revenue in 2022 was $100.3 billion, well above 2021.",
    "Pfizer's 2022 revenue ($100.3 billion) was a record, eclipsing 2021.",
    "Pfizer's 2021 revenue ($81.3 billion) was well below 2022's.",
]
#: the company's whole figure for the year: flagged when it is wrong ...
FLAGGED = [
    "Pfizer reported revenue of $81.3 billion in 2022.",
    "Pfizer Inc. reported revenue of $81.3 billion in 2022.",
    "Pfizer's 2022 revenue was $81.3 billion.",
    "Pfizer, the New York-based drugmaker, reported revenue of $81.3 billion in 2022.",
    "In 2022, Pfizer reported total revenues of $81.3 billion.",
    "Abbott reported revenue of $8.4 billion in 2022, up 2% on the year.",
]
#: ... and corroborated when it is right
CORROBORATED = [
    "Pfizer's total revenues were $100.3 billion in 2022.",
    "Pfizer's revenue rose to $100.3 billion in 2022, up from $81.3 billion in 2021.",
    "Pfizer's 2022 revenue was $100.3 billion, compared with $81.3 billion a year earlier.",
    "Abbott Laboratories reported revenue of $43.7 billion in 2022.",
    "**Abbott** makes devices and diagnostics. The company reported revenue of approximately $43.7 billion in 2022.",
]


def _one_sentence(tmp_path: Path, sentence: str):
    rules = rules_with(tmp_path, {"companies.csv": PFIZER_ABBOTT})
    result = check_corpus([corpus(tmp_path, report_md=FRAME.format(sentence))], load_settings(rules), jobs=1)
    findings = [f for f in result.findings if f.rule == "RC701"]
    docs = result.claims[result.claims["source_type"] == "document"]
    return findings, docs


@pytest.mark.parametrize("sentence", NOT_COMPARED)
def test_a_part_another_company_or_a_change_base_is_not_compared(tmp_path, sentence):
    findings, docs = _one_sentence(tmp_path, sentence)
    assert not findings, findings[0].message
    assert set(docs["corroborated_by"]) == {""}


@pytest.mark.parametrize("sentence", FLAGGED)
def test_the_company_whole_figure_is_still_flagged(tmp_path, sentence):
    findings, _ = _one_sentence(tmp_path, sentence)
    assert len(findings) == 1 and "below the reference" in findings[0].message


@pytest.mark.parametrize("sentence", CORROBORATED)
def test_the_company_whole_figure_is_still_corroborated(tmp_path, sentence):
    findings, docs = _one_sentence(tmp_path, sentence)
    assert not findings
    agreed = docs[docs["corroborated_by"] != ""]
    assert len(agreed) == 1 and agreed.iloc[0]["year"] == 2022


def test_a_legal_form_that_differs_is_another_company():
    from reconcile.reference import legal_form, same_legal_form

    suffixes = load_settings(use_cwd=False).reference["names"]["legal_suffixes"]
    assert legal_form("Pfizer Inc.", suffixes) == legal_form("Pfizer Incorporated", suffixes) == ("inc",)
    assert legal_form("Pfizer", suffixes) == ()
    assert same_legal_form("Pfizer", "Pfizer Inc.", suffixes) and same_legal_form("Pfizer, Inc.", "Pfizer Inc.", suffixes)
    assert not same_legal_form("Pfizer Ltd", "Pfizer Inc.", suffixes)
    assert not same_legal_form("Novartis plc", "Novartis AG", suffixes)
    assert not same_legal_form("Abbott Laboratories Ltd", "Abbott Laboratories", suffixes)


def test_two_legal_entities_of_one_name_in_the_reference(tmp_path):
    """A CSV may hold Pfizer Inc. and Pfizer Ltd; "Pfizer" alone could be either: not compared."""
    ltd = 'Pfizer Ltd,revenue,2022,2022,3,"290 million",USD,Pfizer Ltd annual report,https://example.com/l,2026-12-01\n'
    rules = rules_with(tmp_path, {"companies.csv": PFIZER_ABBOTT + ltd})
    assert len(load_references(load_settings(rules)).claims) == 4  # one name, two entities: no clash
    text = FRAME.format("Pfizer reported revenue of $81.3 billion in 2022.\n\nPfizer Ltd reported revenue of $250 million "
                        "in fiscal 2022.")
    result = check_corpus([corpus(tmp_path, report_md=text)], load_settings(rules), jobs=1)
    messages = [f.message for f in result.findings if f.rule == "RC701"]
    assert all("Pfizer Inc." not in m for m in messages), messages


def test_the_false_alarms_in_one_report(tmp_path):
    """All in one document, as the reviewer found them: each sentence's company then comes from
    the sentences before it too ("Hospira, a Pfizer company" is read as Pfizer's)."""
    findings, docs = _one_sentence(tmp_path, "\n\n".join(NOT_COMPARED))
    assert not findings, [f.message for f in findings]
    assert set(docs["corroborated_by"]) == {""}


def _fact(quote: str, figure: str, entity: str, measure: str = "revenue"):
    from reconcile.rules.facts import Fact

    return Fact(row={"quote": quote, "figure": figure, "entity": entity, "measure": measure}, value=0.0, lo=0.0, hi=0.0,
                year=2022, period_start=None, period_end=None)


@pytest.mark.parametrize("quote, figure, entity, name", [
    # the company's whole figure: its name as written, or the entity when the sentence names none
    ("Pfizer reported a revenue of $81.3 billion in 2022, underscoring its R&D.", "$81.3 billion", "Pfizer", "Pfizer"),
    ("Pfizer Inc. reported revenue of $81.3 billion in 2022.", "$81.3 billion", "Pfizer", "Pfizer Inc"),
    ("Abbott Laboratories' revenue was $43.7 billion in 2022.", "$43.7 billion", "Abbott", "Abbott Laboratories"),
    ("It grew. The company reported revenue of approximately $43.1 billion in 2022, with growth.", "$43.1 billion",
     "Abbott", "Abbott"),
    ("With a revenue of around $4.7 billion in 2022, Illumina is positioned for growth.", "$4.7 billion", "Illumina",
     "Illumina"),
    ("Harrowgate reported revenue of $1.92 billion in 2023, while Keldon Foods posted revenue of about $880 million "
     "in 2023.", "$880 million", "Keldon Foods", "Keldon Foods"),
    ("Revenue for the year ended December 31, 2022 was $100.3 billion.", "$100.3 billion", "Pfizer", "Pfizer"),
    ("Total revenue | $3,870 | $3,398", "$3,398", "Northwind", "Northwind"),
    ("Pfizer's revenue rose to $100.3 billion in 2022, up from $81.3 billion in 2021.", "$100.3 billion", "Pfizer",
     "Pfizer"),
    # not known to be: a part's, another company's, a change's base
    ("Abbott's Diagnostics business reported revenue of $16.6 billion in 2022.", "$16.6 billion", "Abbott", None),
    ("Hospira, a Pfizer company, reported revenue of $4.0 billion in 2022.", "$4.0 billion", "Pfizer", None),
    ("Hospira reported revenue of $4.0 billion in 2022.", "$4.0 billion", "Pfizer", None),
    ("Pfizer Animal Health (now Zoetis) had revenue of $8.1 billion in 2022.", "$8.1 billion", "Pfizer", None),
    ("Pfizer Animal Health had revenue of $8.1 billion in 2022.", "$8.1 billion", "Pfizer", None),
    ("Zoetis, formerly part of Pfizer, reported revenue of $8.1 billion in 2022.", "$8.1 billion", "Pfizer", None),
    ("Pfizer Ltd, the Indian listed arm of the US drugmaker, reported revenue of $290 million in 2022.",
     "$290 million", "Pfizer", None),
    ("Like Abbott, Pfizer reported revenue of $81.3 billion in 2022.", "$81.3 billion", "Pfizer", None),
    ("Hospira and Pfizer reported revenue of $81.3 billion in 2022.", "$81.3 billion", "Pfizer", None),
    ("Pfizer generated revenue of $37.8 billion from Comirnaty in 2022.", "$37.8 billion", "Pfizer", None),
    ("Pfizer reported revenue of $52.1 billion for its Biopharma segment in 2022.", "$52.1 billion", "Pfizer", None),
    ("Abbott reported revenue of $25.0 billion outside the U.S. in 2022.", "$25.0 billion", "Abbott", None),
    ("Pfizer's revenue excluding COVID-19 products was $43.6 billion in 2022.", "$43.6 billion", "Pfizer", None),
    ("Pfizer's revenue ex-COVID was $45.0 billion in 2022.", "$45.0 billion", "Pfizer", None),
    ("Pfizer's 2022 revenue grew 23% from $81.3 billion.", "$81.3 billion", "Pfizer", None),
    ("Pfizer's revenue rose to $100.3 billion in 2022, up from $81.3 billion in 2021.", "$81.3 billion", "Pfizer",
     None),
    ("Pfizer's revenue was $100.3 billion in 2022 versus $81.3 billion.", "$81.3 billion", "Pfizer", None),
    ("Services revenue | $920 | $801", "$801", "Northwind", None),
])
def test_the_name_of_a_company_whole_figure(quote, figure, entity, name):
    from reconcile.rules.references import Wording

    settings = load_settings(use_cwd=False)
    wording = Wording.from_settings(settings.measures, settings.reference,
                                    settings.extract["subjects"]["company_name_words"])
    assert wording.name(_fact(quote, figure, entity)) == name


def _corroborated(result) -> set:
    return set(result.claims.loc[result.claims["source_type"] == "document", "corroborated_by"]) - {""}


@pytest.mark.parametrize("select, ignore, toml, marked, runs", [
    (None, None, "", True, True),
    (["RC701"], None, "", True, True),
    (["reference"], None, "", True, True),
    (["RC2"], None, "", False, False),          # RC701 not selected
    (None, ["RC701"], "", False, False),        # RC701 ignored
    (None, None, "[rules.RC701]\nenabled = false\n", False, False),
    (None, None, '[rules.RC701]\nmeasures = ["net_income"]\n', False, True),  # revenue is not compared
])
def test_corroboration_follows_rule_rc701(tmp_path, monkeypatch, select, ignore, toml, marked, runs):
    import reconcile.rules.references as references

    calls = []
    real = references.comparisons
    monkeypatch.setattr(references, "comparisons", lambda *a, **k: calls.append(1) or real(*a, **k))
    rules = rules_with(tmp_path, {"companies.csv": PFIZER_ABBOTT})
    if toml:
        (rules / "settings.toml").write_text(toml, "utf-8")
    text = FRAME.format("Pfizer's total revenues were $100.3 billion in 2022.")
    result = check_corpus([corpus(tmp_path, report_md=text)], load_settings(rules), jobs=1, select=select,
                          ignore=ignore)
    assert bool(_corroborated(result)) == marked
    assert len(calls) == runs  # the rule's comparisons, not worked out again for the column
