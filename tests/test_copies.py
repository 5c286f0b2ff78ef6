"""Near-duplicate sources count once: a corpus copied five times gives one copy's findings."""

from __future__ import annotations

import shutil

from reconcile.check import check_corpus
from seeds import SEED_FINDINGS


def _findings(paths, settings):
    result = check_corpus([str(p) for p in paths], settings)
    return sorted((f.rule, f.fingerprint, f.message) for f in result.findings), result


def test_a_corpus_copied_five_times_gives_the_findings_of_one_copy(tmp_path, settings):
    for i in range(1, 6):
        shutil.copytree("sources", tmp_path / "five" / f"copy{i}")
    shutil.copytree("sources", tmp_path / "one" / "copy1")
    # the same document ids (paths relative to the folder given): copy1/...
    one, _ = _findings([tmp_path / "one"], settings)
    five, result = _findings([tmp_path / "five"], settings)
    one = [(rule, fp, message.replace("/one/", "/five/")) for rule, fp, message in one]
    assert len(one) == SEED_FINDINGS
    assert five == one
    # every copy is still read and accounted for in the inputs (the reference file once)
    documents = lambda r: sum(s.status == "ok" and not s.format.startswith("reference") for s in r.inputs)  # noqa: E731
    assert documents(result) == 5 * documents(check_corpus([str(tmp_path / "one")], settings))


def test_a_copy_does_not_make_a_consensus(tmp_path, settings):
    """Two copies of one report against a third source: still two sources, no odd one out."""
    (tmp_path / "a.md").write_text(
        "The widget market was valued at USD 1.2 billion in 2024 and will reach USD 2.0 billion by 2030, "
        "a CAGR of 8.9% from 2024 to 2030.\n", "utf-8")
    shutil.copy(tmp_path / "a.md", tmp_path / "a_copy.md")
    (tmp_path / "b.md").write_text("The widget market will grow at a CAGR of 15.5% from 2024 to 2030.\n", "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    (f,) = [f for f in result.findings if f.rule == "RC103"]
    assert "odd one out" not in f.message and "no third source" in f.message
    assert {c["doc"] for c in f.claims} == {str(tmp_path / "a.md"), str(tmp_path / "b.md")}


def test_any_number_of_exact_copies_is_one_source(settings):
    """Hundreds of identical copies (past the pairing cap) still count once."""
    from claimrows import claims_table
    from reconcile.check import run_rules

    rows = []
    for i in range(205):
        doc = f"copy{i:03d}.md"
        rows += [{"doc": doc, "line": 1, "metric": "cagr", "value": 6.5, "unit": "percent", "period_start": 2024, "period_end": 2032},
                 {"doc": doc, "line": 2, "metric": "market_size", "value": 1.0e9, "year": 2024},
                 {"doc": doc, "line": 3, "metric": "market_size", "value": 1.66e9, "year": 2032}]
    rows.append({"doc": "z.md", "metric": "cagr", "value": 12.0, "unit": "percent", "period_start": 2024, "period_end": 2032})
    (f,) = run_rules(claims_table(rows), settings, select=["RC103"])
    assert "no third source" in f.message and "odd one out" not in f.message


def test_a_figure_with_no_value_is_never_the_odd_one_out(settings):
    from claimrows import claims_table
    from reconcile.check import run_rules

    rows = [{"doc": d, "metric": "market_size", "value": v, "year": 2024}
            for d, v in (("a.md", 1.5e9), ("b.md", 1.5e9), ("c.md", float("nan")))]
    assert run_rules(claims_table(rows), settings, select=["RC201"]) == []
