"""Reading documents and running the rules on a Dask cluster gives exactly what doing it here gives."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reconcile.buckets import check_markets
from reconcile.check import check_corpus
from reconcile.cli import app
from reconcile.config import load_settings
from reconcile.engine import CHUNK_DOCUMENTS, executor_for
from reconcile.report import render

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate_corpus import generate  # noqa: E402

distributed = pytest.importorskip("distributed")

MARKETS = ["smart glass", "smart-glass", "smart glasses", "cold chain monitoring", "cold-chain monitoring"]


def near_miss_corpus(folder, n: int = 3 * CHUNK_DOCUMENTS + 5):
    """Documents whose market names differ by a hyphen or a plural, spread over many chunks:
    merged per chunk, one market would get two names."""
    folder.mkdir()
    for i in range(n):
        market = MARKETS[i % len(MARKETS)]
        size = 10 + (i % 7)
        (folder / f"doc{i:03d}.txt").write_text(
            f"The global {market} market was valued at USD {size}.2 billion in 2024 and is expected to reach "
            f"USD {size * 2}.5 billion by 2032, growing at a CAGR of {8 + i % 5}.1% from 2025 to 2032. "
            f"North America held a {30 + i % 9}% share in 2024.\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def dask_executor():
    with executor_for("dask", workers=2) as executor:
        yield executor


def _outputs(result) -> tuple[str, ...]:
    """report.json, report.md, claims.csv and the SARIF log."""
    return tuple(render(result, fmt) for fmt in ("json", "md", "csv", "sarif"))


def markets_corpus(folder):
    """Eight markets (some by near-miss names) in 40 generated documents, two of them copied:
    the rules run in several buckets of markets and of documents."""
    generate(40, folder, seed=5, per_market=5)
    docs = sorted(p for p in folder.iterdir() if p.name != "metadata.toml")
    for doc in (docs[0], docs[9]):
        shutil.copy(doc, folder / f"copy_of_{doc.name}")
    return folder


@pytest.mark.parametrize("corpus", ["sources", "near-miss", "markets"])
def test_dask_gives_byte_identical_reports(dask_executor, settings, tmp_path, corpus):
    """Extraction and the rules on the cluster (the rules a bucket of markets at a time, see
    reconcile.buckets): the same reports, byte for byte, as a local run."""
    paths = {"sources": lambda: ["sources"], "near-miss": lambda: [str(near_miss_corpus(tmp_path / "docs"))],
             "markets": lambda: [str(markets_corpus(tmp_path / "markets"))]}[corpus]()
    local = check_corpus(paths, settings, jobs=1)
    remote = check_corpus(paths, settings, executor=dask_executor)
    assert _outputs(remote) == _outputs(local)
    assert local.findings
    if corpus == "sources":
        assert "RC701" in {f.rule for f in local.findings}  # the reference facts took part
    if corpus == "near-miss":
        # names are merged over the whole corpus, not per chunk
        assert set(remote.document_claims()["subject"]) == {"smart glass", "cold chain monitoring"}
    if corpus == "markets":
        assert local.claims["subject"].nunique() >= 8 and len({f.rule for f in local.findings}) >= 3


def test_any_executor_serves(tmp_path, settings):
    paths = ["sources", str(near_miss_corpus(tmp_path / "docs"))]
    with ProcessPoolExecutor(2) as pool:
        assert _outputs(check_corpus(paths, settings, executor=pool)) == _outputs(check_corpus(paths, settings, jobs=1))


class KillingWhenRulesStart(Executor):
    """An executor's tasks, with a worker killed as the first bucket of markets is sent."""

    def __init__(self, executor: Executor, pid: int) -> None:
        self.executor, self.pid, self.killed = executor, pid, False

    def submit(self, fn, /, *args, **kwargs):
        future = self.executor.submit(fn, *args, **kwargs)
        if fn is check_markets and not self.killed:
            os.kill(self.pid, signal.SIGKILL)
            self.killed = True
        return future


def test_a_worker_killed_mid_run_changes_nothing(tmp_path):
    paths = [str(near_miss_corpus(tmp_path / "docs", n=6 * CHUNK_DOCUMENTS))]
    settings = load_settings(use_cwd=False)
    expected = _outputs(check_corpus(paths, settings, jobs=1))
    with executor_for("dask", workers=2) as executor:
        client = distributed.get_client()
        pids = sorted(client.run(os.getpid).values())
        killed = []

        def kill_one(done: int, total: int) -> None:
            if done and not killed:  # after the first chunk is back, one worker dies
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        # and the other dies as the rules start: a bucket's task carries its claims, and runs again
        killing = KillingWhenRulesStart(executor, pids[1])
        result = check_corpus(paths, settings, executor=killing, progress=kill_one)
        after = sorted(client.run(os.getpid).values())
    # the workers died while chunks and buckets were still out (their nannies started others),
    # and nothing changed
    assert killed and killing.killed and not set(pids) & set(after)
    assert _outputs(result) == expected


def test_engine_on_the_command_line(tmp_path):
    runner = CliRunner()
    out = tmp_path / "claims.csv"
    ok = runner.invoke(app, ["extract", "sources", "--engine", "dask", "--jobs", "1", "-o", str(out)])
    assert ok.exit_code == 0, ok.output
    checked = check_corpus(["sources"], load_settings(), jobs=1)
    # check's claims table is extract's, with the reference facts and their corroborations added
    checked.claims = checked.document_claims().assign(corroborated_by="")
    assert out.read_text("utf-8") == render(checked, "csv")
    bad = runner.invoke(app, ["check", "sources", "--engine", "spark", "--output-dir", str(tmp_path / "o")])
    assert bad.exit_code == 2 and "'spark': use one of local, dask" in bad.output
    lonely = runner.invoke(app, ["check", "sources", "--scheduler", "tcp://nowhere:8786", "--output-dir", str(tmp_path / "o")])
    assert lonely.exit_code == 2 and "needs --engine dask" in lonely.output


def _memory_corpus(name: str) -> str:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    for p in sorted(os.listdir("sources")):
        with open(os.path.join("sources", p), "rb") as fh:
            fs.pipe(f"/{name}/{p}", fh.read())
    fs.pipe(f"/{name}/notes.pdf", b"%PDF-1.4")
    return f"memory://{name}"


def test_documents_in_object_storage_are_read_like_files(tmp_path):
    url = _memory_corpus("seeds")
    settings = load_settings(use_cwd=False)
    remote, local = check_corpus([url], settings, jobs=1), check_corpus(["sources"], settings, jobs=1)
    statuses = {s.doc.rsplit("/", 1)[-1]: s for s in remote.inputs}
    assert statuses["notes.pdf"].status == "skipped"
    assert statuses["003_8e95b2daf0467752.txt"].title.startswith("Improving Patient Outcomes")  # its metadata.toml
    assert all(d.startswith("memory:///seeds/") for d in remote.claims["doc"])
    key = ["figure", "line", "metric", "subject", "scope", "value", "year", "period_start", "period_end"]
    assert remote.claims[key].equals(local.claims[key])
    # document ids are paths relative to the folder given: the same ids and fingerprints
    assert list(remote.claims["claim_id"]) == list(local.claims["claim_id"])
    assert sorted(f.fingerprint for f in remote.findings) == sorted(f.fingerprint for f in local.findings)
    # and with the claims cache
    first = check_corpus([url], settings, jobs=1, cache=tmp_path / "cache")
    again = check_corpus([url], settings, jobs=1, cache=tmp_path / "cache")
    assert first.cache_hits == 0 and again.cache_hits == 4 and again.claims.equals(first.claims)


def test_a_url_with_nothing_there_fails_clearly(tmp_path):
    pytest.importorskip("fsspec")
    result = CliRunner().invoke(app, ["check", "memory://no-such-corpus", "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2 and "memory://no-such-corpus: nothing there" in result.output
    result = CliRunner().invoke(app, ["check", "nosuchproto://x", "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2 and "nosuchproto://x: cannot be opened" in result.output


def test_a_scheduler_that_does_not_answer_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["check", "sources", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1",
                                      "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no Dask scheduler answers there" in result.output
    assert "internal error" not in result.output
