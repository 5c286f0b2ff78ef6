"""Extraction throughput in MB/s on a corpus built by repeating varied documents.

Usage: python benchmarks/extract_throughput.py [--mb 20] [--jobs 1] [--repeat 3]

Copies the bundled sources, the test documents and (when present) ../shared/corpus-dev
into benchmarks/.work/corpus, repeating them until the corpus holds at least --mb
megabytes, then times ``extract_corpus`` on it, ``--repeat`` times per job count. Prints one line
per run with MB, files, claims, wall seconds and MB/s, and the parent process's CPU
seconds and MB per CPU-second (with one job all work is in this process; on a noisy
shared machine CPU time, best of several runs, is the figure to compare). Not a test:
timings depend on the machine.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile.config import load_settings  # noqa: E402
from reconcile.corpus import extract_corpus  # noqa: E402

SUFFIXES = {".txt", ".md", ".html", ".htm"}


def seed_files() -> list[Path]:
    folders = [ROOT / "sources", ROOT / "tests" / "corpus", ROOT.parent / "shared" / "corpus-dev"]
    files = [p for f in folders if f.is_dir() for p in sorted(f.rglob("*")) if p.suffix.lower() in SUFFIXES]
    return [p for p in files if p.name.lower() != "readme.md"]


def build(target_mb: float, work: Path) -> Path:
    corpus = work / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    total, target = 0, int(target_mb * 1024 * 1024)
    for i, src in enumerate(itertools.cycle(seed_files())):
        if total >= target:
            break
        data = src.read_bytes()
        # Several copies per file, so files are a realistic few hundred KB, not a few KB.
        data = data * 8
        (corpus / f"{i:05d}_{src.name}").write_bytes(data)
        total += len(data)
    return corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--jobs", type=int, nargs="*", default=[1, 2])
    ap.add_argument("--repeat", type=int, default=1, help="runs per job count (the best is summarised)")
    args = ap.parse_args()
    corpus = build(args.mb, ROOT / "benchmarks" / ".work")
    size = sum(p.stat().st_size for p in corpus.iterdir()) / (1024 * 1024)
    settings = load_settings(use_cwd=False)
    for jobs in args.jobs:
        best = None
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            result = extract_corpus([str(corpus)], settings, jobs=jobs)
            secs, cpu = time.perf_counter() - t0, time.process_time() - c0
            best = cpu if best is None else min(best, cpu)
            print(
                f"jobs={jobs} corpus={size:.1f} MB files={len(result.inputs)} claims={len(result.claims)} "
                f"seconds={secs:.2f} throughput={size / secs:.2f} MB/s cpu={cpu:.2f} s {size / cpu:.2f} MB/cpu-s",
                flush=True,
            )
        if args.repeat > 1:
            print(f"jobs={jobs} best of {args.repeat}: cpu={best:.2f} s {size / best:.2f} MB/cpu-s", flush=True)


if __name__ == "__main__":
    main()
