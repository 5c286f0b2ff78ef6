"""Document ids: paths relative to the folder given, so ids and fingerprints do not depend on
where the corpus is read from."""

from __future__ import annotations

import json
import os
import shutil

from reconcile.baseline import apply_baseline, baseline_text, load_baseline
from reconcile.check import check_corpus
from reconcile.discovery import discover
from reconcile.findings import fingerprint


def _ids(result):
    return list(result.claims["claim_id"]), sorted(f.fingerprint for f in result.findings)


def test_the_same_corpus_from_elsewhere_keeps_its_claim_ids_and_fingerprints(tmp_path, settings, monkeypatch):
    shutil.copytree("sources", tmp_path / "deep" / "er" / "sources")
    here = check_corpus(["sources"], settings, jobs=1)
    there = check_corpus([str(tmp_path / "deep" / "er" / "sources")], settings, jobs=1)
    assert here.findings and _ids(here) == _ids(there)
    documents = there.claims[there.claims["source_type"] == "document"]
    assert set(documents["doc_id"]) == {os.path.basename(d) for d in documents["doc"]} == {
        os.path.basename(d) for d in here.claims.loc[here.claims["source_type"] == "document", "doc"]}
    monkeypatch.chdir(tmp_path / "deep")
    relative = check_corpus([os.path.join("er", "sources") + os.sep], settings, jobs=1)
    assert _ids(relative) == _ids(here)
    # the path as given is still what people see
    docs = relative.claims.loc[relative.claims["source_type"] == "document", "doc"]
    assert len(docs) and all(d.startswith("er/sources/") for d in docs)


def test_files_in_subfolders_and_files_given_alone(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for p in ("a/b/x.md", "a/y.txt", "z.md"):
        (tmp_path / p).write_text("The widget market was USD 5 billion in 2024.\n", "utf-8")
    ids: dict[str, str] = {}
    files, _ = discover([str(tmp_path / "a"), str(tmp_path / "z.md")], ids=ids)
    assert sorted(ids[f] for f, _ in files) == ["b/x.md", "y.txt", "z.md"]


def test_two_folders_with_the_same_names_keep_their_paths(tmp_path):
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.md").write_text("The widget market was USD 5 billion in 2024.\n", "utf-8")
    (tmp_path / "one" / "only.md").write_text("The widget market was USD 6 billion in 2024.\n", "utf-8")
    ids: dict[str, str] = {}
    discover([str(tmp_path / "one"), str(tmp_path / "two")], ids=ids)
    assert ids[str(tmp_path / "one" / "x.md")] == str(tmp_path / "one" / "x.md")
    assert ids[str(tmp_path / "two" / "x.md")] == str(tmp_path / "two" / "x.md")
    assert ids[str(tmp_path / "one" / "only.md")] == "only.md"


def test_a_baseline_written_with_paths_still_matches_the_same_run(tmp_path, settings):
    result = check_corpus(["sources"], settings, jobs=1)
    assert result.findings
    # a baseline as earlier versions wrote it: claims identified by the path as given
    old = json.loads(baseline_text(result.findings))
    for entry, f in zip(old["findings"], sorted({f.fingerprint: f for f in result.findings}.values(),
                                                 key=lambda f: f.fingerprint)):
        entry["fingerprint"] = fingerprint(f.rule, f.claims, by_path=True)
        assert entry["fingerprint"] != f.fingerprint
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(old), "utf-8")
    fixed = apply_baseline(result.findings, load_baseline(path))
    assert fixed == [] and all(f.status == "baseline" for f in result.findings)


def test_ids_do_not_depend_on_the_order_given_and_never_clash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for p in ("docs/sub/r.md", "one/x.md", "two/x.md", "docs/one/x.md"):
        (tmp_path / p).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / p).write_text("The widget market was USD 5 billion in 2024.\n", "utf-8")
    seen = []
    for order in (["docs", "docs/sub", "one", "two"], ["two", "one", "docs/sub", "docs"]):
        ids: dict[str, str] = {}
        discover(order, ids=ids)
        seen.append(ids)
        assert len(set(ids.values())) == len(ids)  # every document its own id
    assert seen[0] == seen[1]
    assert seen[0]["docs/sub/r.md"] == "sub/r.md"
    # "one/x.md" and "two/x.md" would both be "x.md": they keep their paths, and the file whose
    # relative id would then clash with one of those ("docs/one/x.md" from "docs") keeps its own
    assert (seen[0]["one/x.md"], seen[0]["two/x.md"], seen[0]["docs/one/x.md"]) == ("one/x.md", "two/x.md", "docs/one/x.md")
