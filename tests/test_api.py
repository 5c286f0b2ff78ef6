"""The Python API as a researcher uses it in a pandas session."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

import reconcile
from reconcile.errors import ConfigError
from reconcile.sources import read_document


@pytest.fixture(scope="module")
def seeds():
    return reconcile.audit("sources", jobs=1)


def test_findings_as_a_dataframe_one_row_per_finding(seeds):
    frame = seeds.findings_frame()
    assert len(frame) == len(seeds.findings) == 7
    assert sorted(frame["rule"]) == ["RC101", "RC103", "RC201", "RC301", "RC302", "RC601", "RC603"]
    assert frame["fingerprint"].is_unique
    assert (frame["status"] == "new").all() and frame["n_claims"].min() >= 2
    # filtering as in a notebook
    errors = frame.loc[frame["severity"] == "error", "rule"]
    assert sorted(errors) == ["RC101", "RC301"]


def test_cited_claims_join_the_claims_table(seeds):
    cited = seeds.cited_frame()
    assert len(cited) == sum(len(f.claims) for f in seeds.findings)
    joined = cited.merge(seeds.claims[["claim_id", "subject", "doc_title"]], on="claim_id", how="left")
    assert joined["subject"].notna().all()  # every cited claim is a row of the claims table
    rc101 = cited[cited["rule"] == "RC101"]
    assert list(rc101.loc[rc101["focus"], "figure"]) == ["11.37%"]  # the odd figure out is marked


def test_audit_gates_like_the_cli(tmp_path, seeds):
    assert seeds.exit_code() == 1 and len(seeds.failing()) == 7
    assert seeds.exit_code("never") == 0
    baseline = tmp_path / "baseline.json"
    from reconcile.baseline import write_baseline

    write_baseline(str(baseline), seeds.findings)
    gated = reconcile.audit("sources", jobs=1, baseline=baseline)
    assert set(gated.findings_frame()["status"]) == {"baseline"} and gated.exit_code() == 0
    errors_only = reconcile.audit("sources", jobs=1, fail_on="error")
    assert {f.rule for f in errors_only.failing()} == {"RC101", "RC301"}
    with pytest.raises(ConfigError, match="fail_on"):
        reconcile.audit("sources", jobs=1, fail_on="warnings")


def test_waivers_given_to_audit(tmp_path):
    first = reconcile.audit("sources", jobs=1)
    f = next(f for f in first.findings if f.rule == "RC201")
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(f'[[waiver]]\nfingerprint = "{f.fingerprint}"\nreason = "two definitions of Europe"\n'
                       'owner = "desk"\n', "utf-8")
    result = reconcile.audit("sources", jobs=1, waivers=waivers)
    status = result.findings_frame().set_index("fingerprint")["status"]
    assert status[f.fingerprint] == "waived" and (status.drop(f.fingerprint) == "new").all()


def test_doc_title_column_from_metadata_front_matter_or_title_line(tmp_path):
    (tmp_path / "front.md").write_text('---\ntitle: "Widget Outlook 2030"\n---\n\nThe widget market was USD 4 '
                                       'billion in 2023.\n', "utf-8")
    (tmp_path / "heading.md").write_text("# Gadget report\n\nThe gadget market was USD 2 billion in 2023.\n", "utf-8")
    (tmp_path / "prose.txt").write_text("The gizmo market was USD 1 billion in 2023, and it\ngrew fast.\n", "utf-8")
    claims = reconcile.extract_claims(tmp_path)
    titles = dict(zip(claims["doc"].map(os.path.basename), claims["doc_title"]))
    assert titles == {"front.md": "Widget Outlook 2030", "heading.md": "Gadget report", "prose.txt": ""}
    seeds = reconcile.extract_claims("sources")
    by_doc = dict(zip(seeds["doc"].map(os.path.basename), seeds["doc_title"]))
    assert by_doc["002_9b09a75ae9898ac2.txt"].startswith("Personalized Medicines Market Dynamics")  # metadata
    assert by_doc["001_df29e0ce6f524626.txt"] == ""  # no metadata title, and its first line is a sentence
    statuses = {os.path.basename(s["doc"]): s["title"] for s in claims.attrs["inputs"]}
    assert statuses["front.md"] == "Widget Outlook 2030"


def test_a_wrapped_first_line_is_not_a_title(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Field: value\n\nThe market grew.\n", "utf-8")
    assert read_document(str(p))[0].display_title == ""
    p.write_text("Widget Market Outlook\n\nThe market grew.\n", "utf-8")
    assert read_document(str(p))[0].display_title == "Widget Market Outlook"


def test_pivot_by_year_and_scope(seeds):
    sizes = seeds.claims.loc[seeds.claims["metric"] == "market_size"]
    table = sizes.pivot_table(index="year", columns="scope", values="value", aggfunc="max")
    assert table.loc[2034, "Global"] == pytest.approx(1094.83e9)
    json.dumps(seeds.findings_frame().to_dict("records"))  # plain values, ready to serialise
    assert isinstance(seeds.cited_frame(), pd.DataFrame)


def test_one_exclude_pattern_as_a_string_and_bytes_paths(tmp_path):
    for name in ("a.txt", "b.md"):
        (tmp_path / name).write_text("The gizmo market was USD 4 billion in 2023.\n", "utf-8")
    frame = reconcile.extract_claims(os.fsencode(tmp_path), exclude="*.md")  # not "*", ".", "m", "d"
    assert set(frame["doc"].map(os.path.basename)) == {"a.txt"}
    skipped = {os.path.basename(s["doc"]): s["message"] for s in frame.attrs["inputs"] if s["status"] == "skipped"}
    assert skipped == {"b.md": "excluded by '*.md' (exclude=)"}
