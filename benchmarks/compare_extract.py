"""Paired CPU-time comparison of extraction between two checkouts, for a noisy machine.

Usage: python benchmarks/compare_extract.py OLD_CHECKOUT [NEW_CHECKOUT] [--pairs 8] [--mb 4]

Builds the throughput corpus (as ``extract_throughput.py`` does), then runs single-process
extraction alternately with each checkout's ``reconcile`` in a fresh interpreter, ``--pairs``
times, and prints each pair's CPU seconds, the median ratio new/old and the best time of
each. Shared machines drift over minutes; adjacent pairs see the same load, so their ratio
is steadier than either time. Not a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_throughput import build  # noqa: E402

_RUN = """
import sys, time
sys.path.insert(0, sys.argv[1])
from reconcile.config import load_settings
from reconcile.corpus import extract_corpus
settings = load_settings(use_cwd=False)
t0 = time.process_time()
result = extract_corpus([sys.argv[2]], settings, jobs=1)
print(time.process_time() - t0, len(result.claims))
"""


def cpu_seconds(checkout: str, corpus: Path) -> tuple[float, int]:
    out = subprocess.run([sys.executable, "-c", _RUN, checkout, str(corpus)], capture_output=True, text=True,
                         check=True, cwd="/")
    seconds, claims = out.stdout.split()
    return float(seconds), int(claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("old")
    ap.add_argument("new", nargs="?", default=str(ROOT))
    ap.add_argument("--pairs", type=int, default=8)
    ap.add_argument("--mb", type=float, default=4.0)
    args = ap.parse_args()
    corpus = build(args.mb, ROOT / "benchmarks" / ".work")
    size = sum(p.stat().st_size for p in corpus.iterdir()) / (1024 * 1024)
    ratios, olds, news = [], [], []
    for i in range(args.pairs):
        old, old_claims = cpu_seconds(args.old, corpus)
        new, new_claims = cpu_seconds(args.new, corpus)
        olds.append(old)
        news.append(new)
        ratios.append(new / old)
        print(f"pair {i + 1}: old {old:.2f}s ({old_claims} claims), new {new:.2f}s ({new_claims} claims), new/old {new / old:.3f}")
    print(f"{size:.1f} MB; median new/old CPU {statistics.median(ratios):.3f}; "
          f"best old {size / min(olds):.2f} MB/s, best new {size / min(news):.2f} MB/s")


if __name__ == "__main__":
    main()
