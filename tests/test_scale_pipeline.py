"""The pipeline at scale: how many extraction workers, the collector frozen for the rules
only, and the benchmark corpus generator."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import reconcile.check as check
from reconcile import corpus
from reconcile.corpus import PARALLEL_MIN_BYTES, usable_cpus, worker_count

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from generate_corpus import generate  # noqa: E402


def test_usable_cpus_follows_the_affinity_mask(monkeypatch):
    monkeypatch.delattr(os, "process_cpu_count", raising=False)  # as on Python before 3.13
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {3}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    assert usable_cpus() == 1


def test_usable_cpus_without_an_affinity_mask(monkeypatch):
    monkeypatch.delattr(os, "process_cpu_count", raising=False)
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 6)
    assert usable_cpus() == 6


def test_worker_count(monkeypatch):
    monkeypatch.setattr(corpus, "usable_cpus", lambda: 4)
    assert worker_count(500, PARALLEL_MIN_BYTES - 1) == 1  # too little text to pay for a worker
    assert worker_count(500, 2 * PARALLEL_MIN_BYTES) == 2  # a worker per PARALLEL_MIN_BYTES
    assert worker_count(500, 100 * PARALLEL_MIN_BYTES) == 4  # never more than the usable CPUs
    assert worker_count(3, 100 * PARALLEL_MIN_BYTES) == 3  # nor than the files
    assert worker_count(500, 10, jobs=3) == 3  # --jobs is obeyed
    assert worker_count(1, 10, jobs=3) == 1


def test_the_collector_is_frozen_for_the_rules_and_only_for_them(monkeypatch):
    seen = []
    run_rules = check.run_rules

    def spy(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return run_rules(*args, **kwargs)

    monkeypatch.setattr(check, "run_rules", spy)
    before = gc.get_freeze_count()
    result = check.check_corpus(["sources"], jobs=1)
    assert seen and seen[0] > before and len(result.findings) == 7
    assert gc.get_freeze_count() == before


def test_generated_corpus_is_deterministic_and_varied(tmp_path):
    first = generate(24, tmp_path / "a", seed=3)
    second = generate(24, tmp_path / "b", seed=3)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert (tmp_path / "a" / "metadata.toml").read_bytes() == (tmp_path / "b" / "metadata.toml").read_bytes()
    assert [p.read_bytes() for p in generate(24, tmp_path / "c", seed=4)] != [p.read_bytes() for p in first]
    assert {p.suffix for p in first} == {".txt", ".md", ".html"}
    sizes = [p.stat().st_size for p in first]
    assert 8_000 < min(sizes) and max(sizes) < 14_000
    text = first[0].read_text("utf-8")
    assert "growing at a CAGR of" in text and "market was valued at" in text


def test_generated_corpus_reads_cleanly(tmp_path):
    count = 12
    generate(count, tmp_path / "docs", seed=7, per_market=4)
    result = check.check_corpus([str(tmp_path / "docs")], jobs=1)
    assert len(result.inputs) == count and all(s.status == "ok" for s in result.inputs)
    assert len(result.claims) > 10 * count
