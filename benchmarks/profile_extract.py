"""Where extraction spends its time: a cProfile of one core on the benchmark corpus.

Usage: python benchmarks/profile_extract.py [--mb 5] [--top 40] [--sort tottime]

Builds the same corpus as ``extract_throughput.py`` (in benchmarks/.work), reads it with
one process under cProfile and prints the top functions. Not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_throughput import build  # noqa: E402

from reconcile.config import load_settings  # noqa: E402
from reconcile.corpus import extract_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--sort", default="tottime", help="pstats sort key: tottime, cumulative, ncalls")
    ap.add_argument("--out", help="also save the raw profile to this file")
    args = ap.parse_args()
    corpus = build(args.mb, ROOT / "benchmarks" / ".work")
    settings = load_settings(use_cwd=False)
    profiler = cProfile.Profile()
    t0 = time.process_time()
    profiler.enable()
    extract_corpus([str(corpus)], settings, jobs=1)
    profiler.disable()
    print(f"cpu seconds under the profiler: {time.process_time() - t0:.2f}")
    if args.out:
        profiler.dump_stats(args.out)
    pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
