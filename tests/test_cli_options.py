"""The command line's conventions: --quiet, --select/--ignore, --statistics, several
formats in one run, [tool.reconcile] in pyproject.toml, TOML from `explain`, `init`, colour."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.check import SelectionError, selected_codes
from reconcile.cli import app
from reconcile.config import load_settings
from reconcile.report.sarif import rule_anchor
from reconcile.report import DEFAULT_FORMATS, DEFAULT_NAMES
from reconcile.rules import RULES
from reconcile.specs import rule_defaults
from seeds import SEED_FINDINGS, SEED_RULES

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
SEEDED = set(SEED_RULES)  # what the bundled sources/ hold
_FIRST_RULES = ("--select", "RC1", "--select", "RC2", "--select", "RC3")  # the seeds' figure rules


def check(*args, **kw):
    return runner.invoke(app, ["check", *args], **kw)


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder holding a copy of the bundled sources, as the working directory."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --quiet --------------------------------------------------------------------------------

def test_quiet_names_every_failing_finding_one_line_each(tmp_path):
    result = check("sources", "-q", "--output-dir", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == SEED_FINDINGS, result.stderr
    assert {line.split(": ")[1].split()[0] for line in lines} == SEEDED
    assert lines[0].startswith("sources/001_df29e0ce6f524626.txt:1: RC101 personalized medicine: stated 11.37%")
    assert not any(line.startswith("reconcile:") for line in lines)  # no progress or summary chatter


def test_quiet_prints_only_what_fails(tmp_path):
    result = check("sources", "-q", "--fail-on", "error", "--output-dir", str(tmp_path))
    assert result.exit_code == 1
    assert sorted(line.split(": ")[1].split()[0] for line in result.stderr.splitlines()) == ["RC101", "RC301"]
    passing = check("sources", "-q", "--fail-on", "never", "--output-dir", str(tmp_path))
    assert passing.exit_code == 0 and passing.stderr == ""


def test_quiet_leaves_stdout_to_the_report():
    result = check("sources", "-q", "-f", "json", "-o", "-")
    assert json.loads(result.stdout)["summary"]["findings"] == SEED_FINDINGS
    assert "RC101" in result.stderr


# --select / --ignore --------------------------------------------------------------------

@pytest.mark.parametrize("select, ignore, expected", [
    (["RC101"], [], ["RC101"]),
    (["RC1"], [], ["RC101", "RC102", "RC103", "RC104", "RC105", "RC106"]),
    (["cagr"], [], ["RC101", "RC102", "RC103"]),
    (["cagr.conflict"], [], ["RC103"]),
    (["rc3", "value.conflict"], [], ["RC201", "RC301", "RC302", "RC303"]),
    ([], ["parts", "RC9", "RC1", "words", "reference", "geography"], ["RC201", "RC301", "RC302", "RC303"]),
    (["words"], [], ["RC501", "RC502"]),
    (["geography"], [], ["RC601", "RC602", "RC603"]),
    (["cagr"], ["cagr.arithmetic_across"], ["RC101", "RC103"]),
])
def test_selection_by_code_or_name_prefix(select, ignore, expected):
    assert selected_codes(select, ignore) == expected


@pytest.mark.parametrize("pattern", ["RC8", "cag", "cagr.arith", "bogus"])
def test_selection_naming_no_rule_is_an_error(pattern):
    with pytest.raises(SelectionError, match=pattern):
        selected_codes([pattern])


def test_select_and_ignore_on_check(tmp_path):
    out = ["-f", "json", "-o", "-", "-q"]
    picked = json.loads(check("sources", "--select", "cagr", "--select", "RC3", *out).stdout)
    assert set(picked["summary"]["by_rule"]) == {"RC101", "RC103", "RC301", "RC302"}
    left = json.loads(check("sources", "--ignore", "trajectory", "--ignore", "RC201", *out).stdout)
    assert set(left["summary"]["by_rule"]) == set(SEED_RULES) - {"RC201", "RC301", "RC302"}
    bad = check("sources", "--select", "RC8", *out)
    assert bad.exit_code == 2 and "RC8" in bad.stderr and "Traceback" not in bad.output


def test_select_on_baseline_and_a_narrowed_check_reports_nothing_fixed(tmp_path):
    base = tmp_path / "baseline.json"
    assert runner.invoke(app, ["baseline", "sources", "-o", str(base), "--select", "RC1"]).exit_code == 0
    assert {e["rule"] for e in json.loads(base.read_text("utf-8"))["findings"]} == {"RC101", "RC103"}
    full = tmp_path / "full.json"
    runner.invoke(app, ["baseline", "sources", "-o", str(full)])
    result = check("sources", "--baseline", str(full), "--select", "RC1", "-f", "json", "-o", "-", "-q")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["summary"]["fixed"] == []
    refused = check("sources", "--baseline", str(full), "--update-baseline", "--select", "RC1",
                    "--output-dir", str(tmp_path))
    assert refused.exit_code == 2 and "--select" in refused.stderr


# --statistics ---------------------------------------------------------------------------

def test_statistics_counts_findings_per_rule(tmp_path):
    result = check("sources", "--statistics", "--output-dir", str(tmp_path))
    assert result.exit_code == 1
    rows = [line.split() for line in result.stdout.splitlines()]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("1", "RC101", "cagr.arithmetic", "error"), ("1", "RC103", "cagr.conflict", "warning"),
        ("1", "RC201", "value.conflict", "warning"), ("1", "RC301", "trajectory.decline", "error"),
        ("1", "RC302", "trajectory.outlier", "warning"), ("1", "RC502", "words.growth", "warning"),
        ("1", "RC601", "geography.wrong_region", "warning"), ("1", "RC603", "geography.list_item", "warning"),
        ("1", "RC701", "reference.conflict", "warning")]
    assert "personalized medicine: stated" not in result.stderr  # counts instead of the listing


def test_statistics_go_to_stderr_when_a_report_has_stdout():
    result = check("sources", "--statistics", "-q", "-f", "json", "-o", "-")
    assert json.loads(result.stdout)["summary"]["findings"] == SEED_FINDINGS
    assert "RC302  trajectory.outlier" in result.stderr


# several formats in one run -------------------------------------------------------------

def test_several_formats_paired_in_order(tmp_path):
    sarif, md = tmp_path / "x.sarif", tmp_path / "x.md"
    result = check("sources", "--format", "sarif", "-o", str(sarif), "--format", "md", "-o", str(md), "-q")
    assert result.exit_code == 1, result.output
    assert json.loads(sarif.read_text("utf-8"))["version"] == "2.1.0"
    assert md.read_text("utf-8").startswith("# Discrepancy report")
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["x.md", "x.sarif"]


def test_formats_without_output_go_to_the_output_dir(tmp_path):
    result = check("sources", "-f", "sarif", "-f", "github", "--output-dir", str(tmp_path), "-q")
    assert result.exit_code == 1
    assert (tmp_path / "report.sarif").is_file() and (tmp_path / "annotations.txt").is_file()
    assert not (tmp_path / "report.md").exists()


def test_outputs_alone_take_their_format_from_the_suffix(tmp_path):
    result = check("sources", "-o", str(tmp_path / "a.json"), "-o", str(tmp_path / "b.md"), "-q")
    assert result.exit_code == 1
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["version"] == 2


@pytest.mark.parametrize("args, words", [
    (["-f", "md", "-f", "json", "-o", "x.md"], ["one -o per --format"]),
    (["-f", "md", "-o", "-", "-f", "json", "-o", "-"], ["stdout"]),
    (["-f", "md", "-o", "same.txt", "-f", "json", "-o", "same.txt"], ["same.txt", "two reports"]),
    (["-f", "pdf"], ["--format pdf"]),
])
def test_mismatched_formats_and_outputs_are_usage_errors(tmp_path, args, words):
    result = check("sources", *args, "--output-dir", str(tmp_path))
    assert result.exit_code == 2
    for w in words:
        assert w in result.stderr


def test_default_outputs_unchanged(tmp_path):
    assert check("sources", "--output-dir", str(tmp_path), "-q").exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == sorted(
        DEFAULT_NAMES[f] for f in DEFAULT_FORMATS)


def test_help_names_every_default_output():
    text = " ".join(runner.invoke(app, ["check", "--help"], terminal_width=200).output.split())
    for f in DEFAULT_FORMATS:
        assert f"output/{DEFAULT_NAMES[f]}" in text


# [tool.reconcile] in pyproject.toml -------------------------------------------------------

def test_pyproject_config_is_found_upward_and_cli_flags_win(project, monkeypatch):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.reconcile]\nfail_on = "never"\nignore = ["trajectory"]\n'
        'output_dir = "out"\n', "utf-8")
    (project / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(project / "sub" / "deeper")
    result = check(str(project / "sources"), "-q")
    assert result.exit_code == 0  # fail_on = "never"
    report = json.loads((project / "out" / "report.json").read_text("utf-8"))  # output_dir from its folder
    # (no rules/reference/ in the project: no RC701)
    assert set(report["summary"]["by_rule"]) == set(SEED_RULES) - {"RC301", "RC302", "RC701"}
    flagged = check(str(project / "sources"), "-q", "--fail-on", "error", "--ignore", "RC2")
    assert flagged.exit_code == 1
    assert set(json.loads((project / "out" / "report.json").read_text("utf-8"))["summary"]["by_rule"]) == (
        set(SEED_RULES) - {"RC201", "RC701"})


def test_pyproject_rules_folder_is_relative_to_the_file(project):
    (project / "conf").mkdir()
    (project / "conf" / "settings.toml").write_text("[rules.RC201]\nenabled = false\n", "utf-8")
    (project / "pyproject.toml").write_text('[tool.reconcile]\nrules = "conf"\nexclude = ["002_*"]\n', "utf-8")
    report = json.loads(check("-f", "json", "-o", "-", "-q").stdout)
    assert "RC201" not in report["summary"]["by_rule"]
    assert {i["status"] for i in report["inputs"] if "002_" in i["doc"]} == {"skipped"}


def test_a_pyproject_without_the_table_is_passed_over(project):
    (project / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n', "utf-8")
    assert check("--output-dir", str(project / "out"), "-q").exit_code == 1


@pytest.mark.parametrize("table, words", [
    ('fail_on = "fatal"', ["pyproject.toml", "[tool.reconcile] fail_on", "never"]),
    ('sources = "docs"', ["pyproject.toml", "[tool.reconcile] unknown key sources", "exclude"]),
    ('select = "RC1"', ["pyproject.toml", "select", "list"]),
    ('select = ["RC8"]', ["RC8"]),
])
def test_bad_pyproject_config_names_the_file_and_key(project, table, words):
    (project / "pyproject.toml").write_text(f"[tool.reconcile]\n{table}\n", "utf-8")
    result = check("--output-dir", str(project / "out"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    for w in words:
        assert w in result.stderr


# explain prints TOML ---------------------------------------------------------------------

@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_settings_are_toml_to_paste(rule):
    out = runner.invoke(app, ["explain", rule.code]).stdout
    toml = out[out.index(f"[rules.{rule.code}]"):]
    parsed = tomllib.loads(toml)
    assert parsed["rules"][rule.code] == {"enabled": True, "severity": rule.severity, **rule_defaults()[rule.code]}
    assert "True" not in toml and "'" not in toml


def test_explain_shows_the_project_settings(tmp_path):
    (tmp_path / "settings.toml").write_text("[rules.RC302]\nmin_factor = 2\nenabled = false\n", "utf-8")
    out = runner.invoke(app, ["explain", "RC302", "--rules", str(tmp_path)]).stdout
    rc = tomllib.loads(out[out.index("[rules.RC302]"):])["rules"]["RC302"]
    assert rc["min_factor"] == 2 and rc["enabled"] is False and rc["growth_without_cagr"] == [-0.2, 0.6]


# init ----------------------------------------------------------------------------------

def test_init_writes_a_commented_rules_folder(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    settings = (tmp_path / "rules" / "settings.toml").read_text("utf-8")
    assert tomllib.loads(settings) == {}  # all commented: the starter changes nothing
    for code, options in rule_defaults().items():
        assert f"# [rules.{code}]" in settings
        for key in options:
            assert f"# {key} = " in settings
    builtin = (ROOT / "reconcile" / "data" / "settings.toml").read_text("utf-8").splitlines()
    body = settings.splitlines()[-len(builtin):]
    # uncommenting the lines that are settings gives the built-in file back
    assert [line[2:] if b.strip() and not b.startswith("#") else line for line, b in zip(body, builtin)] == builtin
    assert load_settings(tmp_path / "rules").settings == load_settings(use_cwd=False).settings
    assert "[[waiver]]" in (tmp_path / "rules" / "waivers.toml").read_text("utf-8")
    assert "[documents." in (tmp_path / "sources" / "metadata.toml").read_text("utf-8")
    for name in ("rules/settings.toml", "rules/waivers.toml", "sources/metadata.toml"):
        assert f"wrote {tmp_path / name}" in result.stderr


def test_init_keeps_existing_files(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "waivers.toml").write_text("# mine\n", "utf-8")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert (tmp_path / "rules" / "waivers.toml").read_text("utf-8") == "# mine\n"
    assert f"kept {tmp_path / 'rules' / 'waivers.toml'}" in result.stderr
    again = runner.invoke(app, ["init", str(tmp_path)])
    assert again.stderr.count("kept") == 3 and "wrote" not in again.stderr


def test_check_runs_on_an_initialised_project(project):
    assert runner.invoke(app, ["init"]).exit_code == 0
    assert check("--output-dir", "out", "-q").exit_code == 1


# colour, progress, completion ----------------------------------------------------------------

def test_no_colour_when_piped_colour_when_forced_and_no_color_wins(tmp_path, monkeypatch):
    out = ["sources", "--output-dir", str(tmp_path)]
    assert "\x1b[" not in check(*out).stderr  # CliRunner's stderr is not a terminal: no progress bar either
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[31m" in check(*out).stderr
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in check(*out).stderr


def test_shell_completion_is_offered():
    assert "--install-completion" in runner.invoke(app, ["--help"]).output


# SARIF rule help ---------------------------------------------------------------------------

def _sarif_rules(*args) -> dict:
    result = check("sources", "-f", "sarif", "-o", "-", "-q", *args)
    return {r["id"]: r for r in json.loads(result.stdout)["runs"][0]["tool"]["driver"]["rules"]}


def test_sarif_rules_have_markdown_help_and_a_link_to_the_readme():
    rules = _sarif_rules()
    assert set(rules) == {r.code for r in RULES}
    for rule in RULES:
        sarif = rules[rule.code]
        md, text = sarif["help"]["markdown"], sarif["help"]["text"]
        assert "**Contradiction**" in md and "**Consistent**" in md and "\n```text\n" in md
        assert "-------" not in md and not re.search(r"(?<!`)``(?!`)", md) and "``" not in text
        assert text.startswith(rule.summary())
        assert "helpUri" not in sarif  # only an absolute URI is valid there: see --docs-url
    rc101 = rules["RC101"]["help"]["markdown"]
    assert "`tolerance_pp`" in rc101 and "a.md   1     cagr         11.37" in rc101


def test_sarif_docs_url_from_the_command_line_or_pyproject(project):
    base = "https://github.com/example/reconcile/blob/main/README.md"
    rules = _sarif_rules("--docs-url", base)
    assert rules["RC103"]["helpUri"] == f"{base}#rc103-cagrconflict"
    assert all(rules[r.code]["helpUri"] == f"{base}#{rule_anchor(r)}" for r in RULES)
    (project / "pyproject.toml").write_text(f'[tool.reconcile]\ndocs_url = "{base}"\n', "utf-8")
    assert _sarif_rules()["RC405"]["helpUri"] == f"{base}#rc405-partsregion_peer"


# one name for the info severity ------------------------------------------------------------

def test_the_info_severity_is_called_info_everywhere(tmp_path):
    (tmp_path / "settings.toml").write_text('[rules.RC201]\nseverity = "info"\n', "utf-8")
    result = check("sources", "--rules", str(tmp_path), "-f", "md", "-o", "-", *_FIRST_RULES)
    md = result.stdout
    assert "2 warnings, 1 info." in md and "### Info (1)" in md
    assert "notes" not in md.lower() and "infos" not in md
    assert "(2 error, 2 warning, 1 info)" in result.stderr
    assert "  info    RC201 value.conflict" in result.stderr and "note" not in result.stderr


def test_quiet_says_nothing_of_a_skipped_readme(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in Path("sources").iterdir():
        (docs / p.name).write_bytes(p.read_bytes())
    (docs / "README.md").write_text("# About these files\n", "utf-8")
    result = check(str(docs), "-q", "--fail-on", "never", "--output-dir", str(tmp_path / "out"))
    assert result.exit_code == 0 and result.stderr == ""
