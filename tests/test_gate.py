"""The CI gate end to end: baselines, waivers, SARIF and GitHub annotations."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.report.github import escape_data, escape_property
from seeds import SEED_CLAIMS, SEED_FINDINGS, SEED_INPUTS

runner = CliRunner()
SCHEMA = Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json"
CONTRADICTING = ("The personalized medicine market is expected to grow at a CAGR of 25.4% "
                 "from 2025 to 2032, according to our analysts.\n")


@pytest.fixture
def repo(tmp_path):
    shutil.copytree("sources", tmp_path / "sources")
    return tmp_path


def run(repo, *args):
    out = ["--output-dir", str(repo / "output"), "--waivers", str(repo / "waivers.toml")]
    return runner.invoke(app, ["check", str(repo / "sources"), *out, *args])


def report(repo, *args):
    result = runner.invoke(app, ["check", str(repo / "sources"), "-f", "json", "-o", "-", "-q",
                                 "--waivers", str(repo / "waivers.toml"), *args])
    return result.exit_code, json.loads(result.stdout)


def make_baseline(repo):
    result = runner.invoke(app, ["baseline", str(repo / "sources"), "-o", str(repo / "baseline.json"),
                                 "--waivers", str(repo / "waivers.toml")])
    assert result.exit_code == 0, result.output
    return str(repo / "baseline.json")


def test_baseline_lifecycle(repo):
    baseline = make_baseline(repo)
    entries = json.loads(Path(baseline).read_text("utf-8"))["findings"]
    assert len(entries) == SEED_FINDINGS and all({"fingerprint", "rule", "summary", "count"} <= set(e) for e in entries)
    code, first = report(repo, "--baseline", baseline)
    assert code == 0 and first["summary"]["by_status"] == {"new": 0, "baseline": SEED_FINDINGS, "waived": 0}

    # Edits elsewhere: a prepended paragraph and an unrelated sentence reworded.
    seed = repo / "sources" / "001_df29e0ce6f524626.txt"
    text = seed.read_text("utf-8")
    assert "Personalized medicine" in text or "personalized medicine" in text
    seed.write_text("Editor's note: this page was updated.\n\n" + text.replace(
        "The global personalized medicine market size was accounted for",
        "The global personalized medicine market size was accounted at"), "utf-8")
    code, edited = report(repo, "--baseline", baseline)
    assert code == 0
    fps = lambda r: sorted(d["fingerprint"] for d in r["discrepancies"])  # noqa: E731
    assert fps(edited) == fps(first)

    # A new document contradicting the others: only findings citing it are new.
    new_doc = repo / "sources" / "005_new.md"
    new_doc.write_text(CONTRADICTING, "utf-8")
    code, added = report(repo, "--baseline", baseline)
    assert code == 1
    new = [d for d in added["discrepancies"] if d["status"] == "new"]
    assert new and all(any(added["claims"][i]["doc"].endswith("005_new.md") for i in d["claim_ids"]) for d in new)
    # The seeds' two disagreeing CAGRs now have a third, so their finding is the new spread
    # (not "fixed"); every other accepted finding is still the baseline's.
    assert sum(d["status"] == "baseline" for d in added["discrepancies"]) == SEED_FINDINGS - 1
    assert added["summary"]["fixed"] == []

    # Removing it: green again; update leaves nothing stale.
    new_doc.unlink()
    code, _ = report(repo, "--baseline", baseline)
    assert code == 0
    result = run(repo, "--baseline", baseline, "--update-baseline", "-q")
    assert result.exit_code == 0
    code, after = report(repo, "--baseline", baseline)
    assert code == 0 and after["summary"]["fixed"] == []


def test_fixed_entries_are_listed(repo):
    baseline = make_baseline(repo)
    (repo / "sources" / "002_9b09a75ae9898ac2.txt").unlink()
    code, r = report(repo, "--baseline", baseline)
    assert code == 0
    assert {e["rule"] for e in r["summary"]["fixed"]} == {"RC103", "RC201", "RC301", "RC302", "RC601", "RC603", "RC701"}


@pytest.mark.parametrize("content, words", [
    ("{not json", ["baseline.json", "not valid JSON"]),
    ('{"version": 1}', ["not a reconcile baseline"]),
    ('{"version": 1, "findings": [{"rule": "RC101"}]}', ["no fingerprint"]),
])
def test_broken_baseline_is_an_error_not_an_empty_baseline(repo, content, words):
    (repo / "baseline.json").write_text(content, "utf-8")
    result = run(repo, "--baseline", str(repo / "baseline.json"))
    assert result.exit_code == 2 and "Traceback" not in result.output
    for w in words:
        assert w in result.stderr


def test_missing_baseline_is_an_error(repo):
    result = run(repo, "--baseline", str(repo / "nope.json"))
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_waivers_expired_and_unmatched(repo):
    (repo / "waivers.toml").write_text("""
[[waiver]]
rule = "RC201"
subject = "personalized medicine"
reason = "The 25% is the publisher's 2022 figure"
owner = "desk@example.com"
expires = 2999-12-31

[[waiver]]
rule = "RC101"
reason = "old"
owner = "desk@example.com"
expires = 2000-01-01

[[waiver]]
fingerprint = "RC999-0000000000000000"
reason = "stale"
owner = "desk@example.com"
""", "utf-8")
    code, r = report(repo, "--fail-on", "warning")
    waived = [d for d in r["discrepancies"] if d["status"] == "waived"]
    assert [d["rule"] for d in waived] == ["RC201"] and waived[0]["waiver"]["owner"] == "desk@example.com"
    assert code == 1  # the others still fail
    notes = " | ".join(r["summary"]["notes"])
    assert "expired on 2000-01-01" in notes and "matches no finding" in notes
    assert r["summary"]["failing"] == SEED_FINDINGS - 1


def test_bad_waiver_file(repo):
    (repo / "waivers.toml").write_text('[[waiver]]\nrule = "RC101"\n', "utf-8")
    result = run(repo)
    assert result.exit_code == 2 and "waivers.toml" in result.stderr and "reason" in result.stderr


def test_sarif_validates_against_the_schema(repo):
    baseline = make_baseline(repo)
    (repo / "sources" / "005_new.md").write_text(CONTRADICTING, "utf-8")
    result = runner.invoke(app, ["check", str(repo / "sources"), "-f", "sarif", "-o", "-", "-q",
                                 "--baseline", baseline, "--waivers", str(repo / "waivers.toml")])
    sarif = json.loads(result.stdout)
    jsonschema.validate(sarif, json.loads(SCHEMA.read_text("utf-8")))
    run0 = sarif["runs"][0]
    assert {r["id"] for r in run0["tool"]["driver"]["rules"]} >= {"RC101", "RC103", "RC302"}
    states = {r["baselineState"] for r in run0["results"]}
    assert states == {"new", "unchanged"}
    arithmetic = next(r for r in run0["results"] if r["ruleId"] == "RC101")
    region = arithmetic["locations"][0]["physicalLocation"]["region"]
    # The stated 11.37% CAGR: its line and the columns of the figure in that line.
    line = (repo / "sources" / "001_df29e0ce6f524626.txt").read_text("utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "11.37%"
    assert len(arithmetic["relatedLocations"]) == 2
    assert arithmetic["partialFingerprints"]["reconcile/v1"].startswith("RC101-")


def test_github_annotations_are_escaped():
    assert escape_data("50% up\r\nnext") == "50%25 up%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_format_one_line_per_new_finding(repo):
    result = runner.invoke(app, ["check", str(repo / "sources"), "-f", "github", "-o", "-", "-q",
                                 "--waivers", str(repo / "waivers.toml")])
    lines = result.stdout.splitlines()
    assert len(lines) == SEED_FINDINGS and result.exit_code == 1
    assert lines[0].startswith("::error file=") and ",line=" in lines[0] and ",title=RC" in lines[0]
    assert all("\n" not in line[2:] for line in lines)


def test_step_summary(repo):
    result = runner.invoke(app, ["check", str(repo / "sources"), "-f", "summary", "-o", "-", "-q",
                                 "--waivers", str(repo / "waivers.toml")])
    assert result.stdout.startswith("### ❌ reconcile: failing")
    assert f"| {SEED_INPUTS} | {SEED_CLAIMS} | {SEED_FINDINGS} | 0 | 0 | 0 |" in result.stdout  # and rules/reference/companies.csv


def test_pre_commit_hook_checks_the_whole_corpus():
    text = Path(".pre-commit-hooks.yaml").read_text("utf-8")
    assert "id: reconcile" in text and "pass_filenames: false" in text and "always_run: true" in text
    assert "reconcile check" in text


def test_changing_a_cited_value_makes_a_new_finding(repo):
    baseline = make_baseline(repo)
    seed = repo / "sources" / "001_df29e0ce6f524626.txt"
    seed.write_text(seed.read_text("utf-8").replace("USD 616.26 Billion", "USD 626.26 Billion"), "utf-8")
    code, r = report(repo, "--baseline", baseline)
    assert code == 1
    new = [d for d in r["discrepancies"] if d["status"] == "new"]
    # exactly the findings citing the changed figure are new; their old versions are "fixed"
    assert "RC101" in [d["rule"] for d in new]
    assert all(any(r["claims"][i]["value"] == 626.26e9 for i in d["claim_ids"]) for d in new)
    assert sorted(e["rule"] for e in r["summary"]["fixed"]) == sorted(d["rule"] for d in new)
