"""The claims cache: a warm run gives exactly what a cold run gives, reading only what changed."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from reconcile.cache import CACHE_FILE
from reconcile.config import load_settings
from reconcile.corpus import extract_corpus
from reconcile.normalize import claims_frame
from seeds import SEED_CLAIMS

pytest.importorskip("pyarrow")


def _run(paths, cache, settings=None):
    extraction = extract_corpus([str(p) for p in paths], settings or load_settings(use_cwd=False), jobs=1, cache=cache)
    return extraction, claims_frame(extraction.claims), [s.as_dict() for s in extraction.inputs]


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree("sources", folder)
    return folder


def test_a_warm_run_reads_nothing_and_gives_the_same_table(corpus, tmp_path):
    cold, cold_claims, cold_inputs = _run([corpus], tmp_path / "cache")
    assert cold.cache_hits == 0 and (tmp_path / "cache" / CACHE_FILE).is_file()
    warm, warm_claims, warm_inputs = _run([corpus], tmp_path / "cache")
    assert warm.cache_hits == 4  # every document, none read again
    assert warm_claims.equals(cold_claims) and warm_inputs == cold_inputs


def test_a_changed_document_is_read_again_and_a_deleted_one_drops_out(corpus, tmp_path):
    _run([corpus], tmp_path / "cache")
    doc = next(corpus.glob("002_*.txt"))
    doc.write_text(doc.read_text("utf-8").replace("$3.5 trillion", "$2.5 trillion"), "utf-8")
    (next(corpus.glob("003_*.txt"))).unlink()
    warm, claims, _ = _run([corpus], tmp_path / "cache")
    assert warm.cache_hits == 2  # 000 and 001; 002 changed, 003 is gone
    assert "$2.5 trillion" in set(claims["figure"]) and "$3.5 trillion" not in set(claims["figure"])
    cold = _run([corpus], None)[1]
    assert claims.equals(cold)
    again, _, _ = _run([corpus], tmp_path / "cache")
    assert again.cache_hits == 3


def test_other_domain_data_is_a_miss_and_rule_settings_are_not(corpus, tmp_path):
    settings = load_settings(use_cwd=False)
    _run([corpus], tmp_path / "cache", settings)
    extract = dict(settings.extract)
    extract["qualifiers"] = {**extract["qualifiers"], "approx": [*extract["qualifiers"]["approx"], "give or take"]}
    changed = dataclasses.replace(settings, extract=extract)
    assert _run([corpus], tmp_path / "cache", changed)[0].cache_hits == 0
    rules = dataclasses.replace(settings, settings={**settings.settings, "bands": {"approx": 0.2, "relative": 0.01}})
    _run([corpus], tmp_path / "cache", settings)
    assert _run([corpus], tmp_path / "cache", rules)[0].cache_hits == 4


def test_a_damaged_cache_is_a_cold_run(corpus, tmp_path):
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / CACHE_FILE).write_bytes(b"not parquet")
    run, claims, _ = _run([corpus], tmp_path / "cache")
    assert run.cache_hits == 0 and len(claims) == SEED_CLAIMS
    assert _run([corpus], tmp_path / "cache")[0].cache_hits == 4


def test_cache_on_the_command_line_gives_identical_reports(corpus, tmp_path):
    from typer.testing import CliRunner

    from reconcile.cli import app

    runner = CliRunner()
    outputs = []
    for run in ("cold", "warm"):
        out = tmp_path / run
        result = runner.invoke(app, ["check", str(corpus), "--cache", str(tmp_path / "cache"), "--output-dir", str(out)])
        assert result.exit_code == 1, result.output
        outputs.append({name: (out / name).read_bytes() for name in ("report.json", "report.md", "claims.csv",
                                                                       "report.html")})
    assert "4 unchanged, from the cache" in result.output
    assert outputs[0] == outputs[1]


def test_progress_counts_every_document_and_cached_ones_at_once(corpus, tmp_path):
    seen = []
    extract_corpus([str(corpus)], load_settings(use_cwd=False), jobs=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    _run([corpus], tmp_path / "cache")
    seen.clear()
    extract_corpus([str(corpus)], load_settings(use_cwd=False), jobs=1, cache=tmp_path / "cache",
                   progress=lambda d, t: seen.append((d, t)))
    assert seen == [(4, 4)]


def test_the_entry_is_keyed_by_the_bytes_extraction_read(corpus, tmp_path, monkeypatch):
    """A document edited between the cache's look-up and its reading is stored under what was read."""
    import reconcile.corpus as corpus_module

    doc = next(corpus.glob("002_*.txt"))
    before = doc.read_text("utf-8")
    real = corpus_module._digest

    def digest_then_edit(path):
        value = real(path)
        if path == str(doc):
            doc.write_text(before.replace("$3.5 trillion", "$2.5 trillion"), "utf-8")
        return value

    monkeypatch.setattr(corpus_module, "_digest", digest_then_edit)
    _run([corpus], tmp_path / "cache")  # looked up with the old bytes, extracted the new ones
    monkeypatch.setattr(corpus_module, "_digest", real)
    doc.write_text(before, "utf-8")  # back to the old bytes: must not be served the edited claims
    run, claims, _ = _run([corpus], tmp_path / "cache")
    assert "$3.5 trillion" in set(claims["figure"]) and run.cache_hits == 3


def test_a_metadata_change_is_a_miss(corpus, tmp_path):
    _run([corpus], tmp_path / "cache")
    meta = corpus / "metadata.toml"
    meta.write_text(meta.read_text("utf-8").replace("Improving Patient Outcomes", "Better Patient Outcomes"), "utf-8")
    run, _, inputs = _run([corpus], tmp_path / "cache")
    assert run.cache_hits == 3
    assert any(i["title"].startswith("Better Patient Outcomes") for i in inputs)


def test_a_run_over_part_of_the_corpus_keeps_the_rest_cached(corpus, tmp_path):
    _run([corpus], tmp_path / "cache")
    one = next(corpus.glob("001_*.txt"))
    assert _run([one], tmp_path / "cache")[0].cache_hits == 1
    assert _run([corpus], tmp_path / "cache")[0].cache_hits == 4


def _check(corpus, cache, **kw):
    from reconcile.check import check_corpus

    return check_corpus([str(corpus)], load_settings(use_cwd=False), jobs=1, cache=cache, **kw)


def _reports(result) -> dict:
    from reconcile.report import render

    return {fmt: render(result, fmt) for fmt in ("md", "json", "csv", "html", "sarif")}


def test_an_unchanged_corpus_reuses_the_checked_result_and_reads_nothing(corpus, tmp_path, monkeypatch):
    import reconcile.check as check
    from reconcile.cache import RESULT_FILE

    cold = _check(corpus, tmp_path / "cache")
    assert (tmp_path / "cache" / RESULT_FILE).is_file()

    def nothing(*args, **kwargs):
        raise AssertionError("a warm run of an unchanged corpus reads and checks nothing again")

    monkeypatch.setattr(check, "extract_plan", nothing)
    monkeypatch.setattr(check, "run_rules", nothing)
    warm = _check(corpus, tmp_path / "cache")
    assert warm.cache_hits == 4 and warm.findings and _reports(warm) == _reports(cold)
    assert [s.as_dict() for s in warm.inputs] == [s.as_dict() for s in cold.inputs]
    assert list(warm.claims.dtypes) == list(cold.claims.dtypes)


def test_other_rules_a_changed_document_or_a_damaged_result_check_again(corpus, tmp_path):
    from reconcile.cache import RESULT_FILE

    everything = _check(corpus, tmp_path / "cache")
    only = _check(corpus, tmp_path / "cache", select=["RC101"])
    assert {f.rule for f in only.findings} == {"RC101"} != {f.rule for f in everything.findings}
    doc = next(corpus.glob("002_*.txt"))
    doc.write_text(doc.read_text("utf-8").replace("$3.5 trillion", "$2.5 trillion"), "utf-8")
    changed = _check(corpus, tmp_path / "cache")
    assert "$2.5 trillion" in set(changed.claims["figure"]) and changed.cache_hits == 3
    assert _reports(changed) == _reports(_check(corpus, None))
    (tmp_path / "cache" / RESULT_FILE).write_bytes(b"not parquet")
    again = _check(corpus, tmp_path / "cache")
    assert _reports(again) == _reports(changed)


def test_a_document_that_failed_is_read_again_next_time(corpus, tmp_path, monkeypatch):
    from reconcile.extract import Extractor

    real = Extractor.extract
    failing = {"on": True}

    def extract(self, doc):
        if failing["on"] and "002_" in doc.doc:
            raise ValueError("a passing fault")
        return real(self, doc)

    monkeypatch.setattr(Extractor, "extract", extract)
    first = _check(corpus, tmp_path / "cache")
    assert any(s.status == "error" for s in first.inputs)
    failing["on"] = False
    again = _check(corpus, tmp_path / "cache")
    assert not any(s.status == "error" for s in again.inputs) and again.cache_hits == 3
    assert _reports(again) == _reports(_check(corpus, None))
