"""`reconcile check`, `rules` and `explain` through typer's CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.extract import COLUMNS
from reconcile.report.markdown import escape
from reconcile.rules import RULES
from seeds import SEED_FINDINGS, SEED_INPUTS

runner = CliRunner()
CONSISTENT = ("The global widget market was valued at USD 10.0 billion in 2024 and is expected to "
              "reach USD 16.1 billion by 2029, growing at a CAGR of 10% from 2024 to 2029.\n")


def check(*args):
    return runner.invoke(app, ["check", *args])


def test_seeds_default_outputs(tmp_path):
    result = check("sources", "--output-dir", str(tmp_path))
    assert result.exit_code == 1, result.output
    report = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert report["version"] == 2
    assert set(report) == {"version", "inputs", "summary", "discrepancies", "claims"}
    assert len(report["inputs"]) == SEED_INPUTS and all(i["status"] == "ok" for i in report["inputs"])
    assert {"doc": "rules/reference/companies.csv", "status": "ok", "claims": 4} in [
        {k: i[k] for k in ("doc", "status", "claims")} for i in report["inputs"]]
    assert report["summary"]["findings"] == len(report["discrepancies"]) == SEED_FINDINGS
    for d in report["discrepancies"]:
        assert set(d) >= {"rule", "name", "severity", "message", "claims", "claim_ids", "expected", "observed",
                          "fingerprint"}
        assert d["claim_ids"] == [c["claim_id"] for c in d["claims"]]
        for c in d["claims"]:
            assert {"claim_id", "role"} <= set(c)
            quoted = report["claims"][c["claim_id"]]
            assert {"doc", "line", "quote", "value", "unit", "year", "period_start", "period_end"} <= set(quoted)
    md = (tmp_path / "report.md").read_text("utf-8")
    assert md.startswith("# Discrepancy report") and "## personalized medicine" in md
    assert "`sources/001_df29e0ce6f524626.txt:6`" in md and "6.59%" in md
    header = (tmp_path / "claims.csv").read_text("utf-8").splitlines()[0]
    assert header.split(",") == COLUMNS


def test_one_format_to_stdout_is_clean_json():
    result = check("sources", "--format", "json", "-o", "-", "-q")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["by_rule"]["RC101"] == 1


def test_fail_on_levels(tmp_path):
    out = ["--output-dir", str(tmp_path), "-q"]
    assert check("sources", "--fail-on", "error", *out).exit_code == 1
    assert check("sources", "--fail-on", "never", *out).exit_code == 0
    assert check("sources", "--fail-on", "bogus", *out).exit_code == 2


def test_consistent_corpus_exits_0(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "w.txt").write_text(CONSISTENT, "utf-8")
    result = check(str(tmp_path / "docs"), "--output-dir", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "No contradictions found." in (tmp_path / "out" / "report.md").read_text("utf-8")


def test_unreadable_input_is_reported_and_exits_2(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree("sources", docs)
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = check(str(docs), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 2
    assert "broken.txt" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    statuses = {Path(i["doc"]).name: i["status"] for i in report["inputs"]}
    assert statuses["broken.txt"] == "error" and len(statuses) == SEED_INPUTS + 1
    assert report["summary"]["incomplete"] is True and report["summary"]["findings"] == SEED_FINDINGS


@pytest.mark.parametrize("settings_text, words", [
    ("[rules.RC999]\nenabled = false\n", ["settings.toml", "RC999"]),
    ("[rules.RC101]\ntolerance_pp = \"wide\"\n", ["settings.toml", "tolerance_pp"]),
    ("[rules.RC101]\nseverity = \"fatal\"\n", ["severity"]),
    ("[rules.RC101\n", ["settings.toml", "TOML"]),
])
def test_bad_rule_settings_exit_2_with_the_file_named(tmp_path, settings_text, words):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "settings.toml").write_text(settings_text, "utf-8")
    result = check("sources", "--rules", str(tmp_path / "rules"), "--output-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for w in words:
        assert w in result.stderr


def test_disabling_a_rule_and_changing_a_severity(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "settings.toml").write_text(
        "[rules.RC302]\nenabled = false\n[rules.RC201]\nseverity = \"info\"\n", "utf-8")
    result = check("sources", "--rules", str(tmp_path / "rules"), "-f", "json", "-o", "-", "-q")
    report = json.loads(result.stdout)
    assert "RC302" not in report["summary"]["by_rule"]
    assert [d["severity"] for d in report["discrepancies"] if d["rule"] == "RC201"] == ["info"]


def test_same_bytes_whatever_the_input_order(tmp_path):
    a = check("sources/002_9b09a75ae9898ac2.txt", "sources/001_df29e0ce6f524626.txt", "-f", "json", "-o", "-", "-q")
    b = check("sources/001_df29e0ce6f524626.txt", "sources/002_9b09a75ae9898ac2.txt", "-f", "json", "-o", "-", "-q")
    assert a.stdout == b.stdout and a.stdout


def test_fingerprints_survive_moved_lines(tmp_path):
    docs = tmp_path / "sources"
    shutil.copytree("sources", docs)
    before = json.loads(check(str(docs), "-f", "json", "-o", "-", "-q").stdout)
    seed = docs / "001_df29e0ce6f524626.txt"
    seed.write_text("An unrelated opening paragraph.\n\n" + seed.read_text("utf-8"), "utf-8")
    after = json.loads(check(str(docs), "-f", "json", "-o", "-", "-q").stdout)
    assert [d["fingerprint"] for d in before["discrepancies"]] == [d["fingerprint"] for d in after["discrepancies"]]
    lines = lambda r: [r["claims"][i]["line"] for d in r["discrepancies"] for i in d["claim_ids"]]  # noqa: E731
    assert lines(before) != lines(after)


def test_rules_lists_every_rule():
    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in RULES:
        assert rule.code in result.stdout and rule.name in result.stdout


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_prints_the_rule_documentation(rule):
    result = runner.invoke(app, ["explain", rule.code])
    assert result.exit_code == 0
    assert "Contradiction" in result.stdout and "Consistent" in result.stdout and "severity" in result.stdout


@pytest.mark.parametrize("code, words", [
    ("RC201", ["attributed_to", "estimate_spread", "estimate_spread_pp"]),
    ("RC104", ["index levels", "INDEX_REACH"]),
    ("RC201", ["comparable sales"]),
    ("RC401", ["NEAR_LINES"]),
    ("RC402", ["NEAR_LINES"]),
])
def test_explain_documents_what_the_rule_reads(code, words):
    # the documentation above the settings, not only the settings' names
    doc = runner.invoke(app, ["explain", code]).stdout.split("Current settings")[0]
    for word in words:
        assert word in doc, word


def test_explain_unknown_rule_exits_2():
    result = runner.invoke(app, ["explain", "RC000"])
    assert result.exit_code == 2 and "reconcile rules" in result.stderr


def test_markdown_escapes_source_text():
    text = escape('<script>alert(1)</script> | *bold* `x`\nnext')
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\|" in text and "\n" not in text
