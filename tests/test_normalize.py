"""Market names across documents: spellings of one market merge, different markets never do."""

from __future__ import annotations

from reconcile.normalize import canonical_subjects, same_words


def test_spellings_of_one_market_merge():
    canon = canonical_subjects(["data center", "data center", "data centre", "smart glass", "smart glasses",
                                "cold-chain monitoring", "cold chain monitoring", "cold chain monitoring"])
    assert canon["data centre"] == "data center"
    assert canon["smart glasses"] == "smart glass"
    assert canon["cold-chain monitoring"] == "cold chain monitoring"


def test_a_different_word_is_a_different_market_however_alike_the_strings():
    # 90% alike as strings, so a plain ratio at the default cutoff merged them
    canon = canonical_subjects(["marine plant-based protein", "smart plant-based protein",
                                "smart plant-based protein"])
    assert canon["marine plant-based protein"] == "marine plant-based protein"
    assert not same_words("cloud storage", "cloud storage gateway")
    assert same_words("tire pressure sensor", "tyre pressure sensor")
    assert same_words("coldchain logistics", "cold chain logistics")


def test_scopes_in_another_case_or_number_are_one_within_a_subject():
    from reconcile.normalize import canonical_scopes

    pairs = [("kestria", "food stores"), ("kestria", "food stores"), ("kestria", "Food store"),
             ("kestria", "non-food stores"), ("other", "Food store")]
    canon = canonical_scopes(pairs)
    assert canon == {("kestria", "Food store"): "food stores"}  # the most frequent spelling wins
    # a different word stays a different scope, and another subject's scope is its own
    assert ("kestria", "non-food stores") not in canon and ("other", "Food store") not in canon


def test_words_in_their_usual_form_make_one_market():
    forms = {"bicycle": "bike", "e": "electric"}
    canon = canonical_subjects(["electric cargo bike", "electric cargo bike", "e-cargo bike", "electric cargo bicycle"],
                               word_forms=forms)
    assert set(canon.values()) == {"electric cargo bike"}
    assert canonical_subjects(["cargo bike", "electric cargo bike"], word_forms=forms) == {
        "cargo bike": "cargo bike", "electric cargo bike": "electric cargo bike"}  # a word more: another market


def test_a_document_naming_no_market_takes_the_one_its_title_names(tmp_path):
    import reconcile
    (tmp_path / "report.md").write_text(
        "# Electric Cargo Bike Market Report\n\nThe global electric cargo bike market was valued at USD 3.86 billion "
        "in 2024 and is expected to reach USD 11.02 billion by 2033.\n", encoding="utf-8")
    (tmp_path / "blog.md").write_text(
        "# Is the cargo bike boom real?\n\nVelomark starts from a 2024 base of $3.86 billion worldwide and expects "
        "the total to reach $11.2 billion by 2033.\n", encoding="utf-8")
    (tmp_path / "other.md").write_text(
        "# Notes on garden tools\n\nSales were $4.1 billion in 2024.\n", encoding="utf-8")
    rows = reconcile.extract_claims(str(tmp_path)).to_dict("records")
    blog = [r for r in rows if r["doc"].endswith("blog.md")]
    assert {r["subject"] for r in blog} == {"electric cargo bike"}
    assert all(r["confidence"] >= 0.9 for r in blog if r["figure"] == "$11.2 billion")
    other = [r for r in rows if r["doc"].endswith("other.md")]
    assert {r["subject"] for r in other} != {"electric cargo bike"}


def test_a_story_naming_no_market_takes_the_one_its_sentences_name(tmp_path):
    import reconcile
    (tmp_path / "report.md").write_text(
        "# Industrial Exoskeleton Market\n\nThe global industrial exoskeleton market size was estimated at USD 1.31 "
        "billion in 2025 and is projected to reach USD 3.42 billion by 2030.\n", encoding="utf-8")
    (tmp_path / "weekly.txt").write_text(
        "PLANT FLOOR SAFETY WEEKLY\n\nANALYSTS RAISE FORECASTS\n\nQuarrystone Analytics puts global sales of "
        "industrial exoskeletons at roughly $1.1 billion last year.\n", encoding="utf-8")
    rows = reconcile.extract_claims(str(tmp_path)).to_dict("records")
    assert {r["subject"] for r in rows if r["doc"].endswith("weekly.txt")} == {"industrial exoskeleton"}


def test_an_analysts_fiscal_year_is_the_calendar_year_when_the_company_dates_calendar_quarters(tmp_path):
    import reconcile
    (tmp_path / "release.md").write_text(
        "# Quillon Semiconductor Reports Third Quarter 2025 Results\n\nQuillon Semiconductor, Inc. today reported "
        "revenue of $1,118 million for the third quarter of 2025. Quillon's net income was $212 million.\n",
        encoding="utf-8")
    (tmp_path / "note.md").write_text(
        "# Quillon Semiconductor (QLSC) – 3Q25: clean beat\n\nQuillon's revenue of $1.12B beat consensus. We now "
        "model FY25E revenue of $4.37B for Quillon.\n", encoding="utf-8")
    rows = reconcile.extract_claims(str(tmp_path)).to_dict("records")
    note = [r for r in rows if r["doc"].endswith("note.md") and r["fiscal_year_end"] == 12]
    assert note and not any(r["fiscal"] for r in note)  # FY25E: calendar 2025
    assert all("FY" not in str(r["period_label"]) for r in note)


def test_a_countrys_adjective_never_names_the_cluster_its_own_name_is_in():
    canon = canonical_subjects(["kestrian"] * 5 + ["kestria"] * 2)
    assert canon == {"kestrian": "kestria", "kestria": "kestria"}


def test_a_companys_legal_forms_are_one_company(tmp_path):
    import reconcile
    (tmp_path / "a.md").write_text("""# Narmada Cables & Wires Limited - Press Release

*Vadodara, 12 May 2026* -- The Board of Directors of Narmada Cables & Wires Limited (NSE: NARMCAB, BSE: 543218)
approved the results for the financial year ended 31 March 2026. Narmada Cables & Wires Limited reported revenue of
Rs 8,142.6 crore for FY2025-26. Narmada Cables & Wires Limited will pay a dividend.
""", "utf-8")
    (tmp_path / "b.txt").write_text("""POWERLINE BUSINESS WEEKLY
Results Round-up | 15 May 2026

NARMADA CABLES: MARGIN GAINS CONTINUE

Narmada Cables & Wires (NSE: NARMCAB) closed FY2025-26 with consolidated revenue of Rs 8,412 crore.
""", "utf-8")
    rows = reconcile.extract_claims(str(tmp_path))
    revenue = rows[rows["figure"].isin(["Rs 8,142.6 crore", "Rs 8,412 crore"])]
    assert set(revenue["subject"]) == {"narmada cables & wires"}  # one company: compared
    assert set(revenue["fiscal_year_end"]) == {3}  # the story's year is the company's fiscal year


def test_a_statement_naming_no_company_is_the_one_whose_segments_it_lists(tmp_path):
    import reconcile
    (tmp_path / "release.md").write_text("""# Keldra Corp. Reports Fiscal 2024 Results

REDMOND, July 30, 2024 -- Keldra Corp. today announced results for the fiscal year ended June 30, 2024.

- Revenue in Intelligent Cloud was $105.4 billion and increased 20%.
- Revenue in More Personal Computing was $62.0 billion and increased 13%.
- Revenue in Productivity and Business Processes was $77.7 billion and increased 12%.
""", "utf-8")
    (tmp_path / "statement.md").write_text("""## Consolidated Statement of Income

*(In millions)*

|  | Jun 30, 2024 | Jun 30, 2023 |
| --- | --- | --- |
| Revenue | $245,122 | $211,915 |
| *Intelligent Cloud* | $105,362 | $87,907 |
| *More Personal Computing* | $62,032 | $54,734 |
| *Productivity and Business Processes* | $77,728 | $69,274 |
""", "utf-8")
    rows = reconcile.extract_claims(str(tmp_path))
    statement = rows[rows["doc"].str.endswith("statement.md")]
    assert set(statement["subject"]) == {"keldra"} and set(statement["entity_type"]) == {"company"}


def test_a_market_named_by_the_size_it_will_reach_and_not_by_how_it_is_doing(tmp_path):
    import reconcile
    (tmp_path / "a.txt").write_text("""Quadrant Horizon Consulting: Bio-based adhesives to become a USD 10 billion market by 2032

Quadrant Horizon values the global market at USD 5.9 billion in 2024 and expects revenue to reach USD 10.2
billion by 2032.
""", "utf-8")
    rows = reconcile.extract_claims(str(tmp_path / "a.txt"))
    assert set(rows["entity"]) == {"bio-based adhesive"}  # not "billion", not the research firm
    assert set(rows["measure"]) == {"market_size"}


def test_a_name_written_with_an_acronym_is_the_name_spelled_out():
    """ "npwt device" in one document, "negative pressure wound therapy device" in another: one
    market under the spelled-out name; a word that is no acronym of another name stays."""
    canon = canonical_subjects(["npwt device", "negative pressure wound therapy device", "npwt device",
                                "data center", "cloud", "ev charger", "electric vehicle charger"])
    assert canon["npwt device"] == "negative pressure wound therapy device"
    assert canon["ev charger"] == "electric vehicle charger"
    assert canon["data center"] == "data center" and canon["cloud"] == "cloud"


def test_an_acronym_inside_a_titles_market_name_is_passed_over(tmp_path):
    from docclaims import claims
    text = ("# Negative Pressure Wound Therapy (NPWT) Devices Market - Global Analysis, 2025-2034\n\n"
            "The market is expected to reach USD 5.38 billion by 2034.\n")
    rows = claims(tmp_path, text)
    assert {r["subject"] for r in rows} == {"negative pressure wound therapy device"}


def test_a_story_naming_a_corpus_company_by_its_first_word_is_about_it(tmp_path):
    import reconcile

    (tmp_path / "a.md").write_text("# Moonreach Interactive reports 2025 results\n\nSEATTLE, Feb 4, 2026 - Moonreach "
                                   "Interactive Inc. (NASDAQ: MNRC) today reported revenue of $2.42 billion for 2025.\n")
    (tmp_path / "b.md").write_text("# Subscriptions lead the way at the games publisher\n\nThe Moonreach Pass service "
                                   "ended 2025 with 12.4 million paid subscribers, up from 10.1 million, Moonreach told "
                                   "analysts on Wednesday.\n")
    (tmp_path / "c.md").write_text("# A rival's quiet year\n\nThe General Pass service ended 2025 with 3.1 million "
                                   "paid subscribers, General told analysts; General Dynamo Inc. said nothing more.\n")
    rows = reconcile.extract_claims(str(tmp_path))
    b = rows[rows["doc"].str.endswith("b.md")]
    assert set(b["entity"]) == {"Moonreach Interactive"}
    c = rows[rows["doc"].str.endswith("c.md")]
    assert "Moonreach Interactive" not in set(c["entity"])
