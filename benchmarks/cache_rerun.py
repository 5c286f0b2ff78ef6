"""A warm re-run against a cold run, with the claims cache.

Usage: python benchmarks/cache_rerun.py [--mb 20] [--repeat 3]

Builds the throughput benchmark's corpus (benchmarks/.work/corpus, --mb megabytes of
varied documents), then times the whole ``check`` job through the Python API — read,
extract, merge names, rules — cold (an empty cache) and warm (the cache the cold run
wrote, nothing changed), and warm again after one document changed. Prints CPU seconds
(best of --repeat) and the warm/cold ratio. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from extract_throughput import build  # noqa: E402
from reconcile.check import check_corpus  # noqa: E402
from reconcile.config import load_settings  # noqa: E402


def timed(corpus: Path, cache: Path, settings) -> tuple[float, int, int, int]:
    t0 = time.process_time()
    result = check_corpus([str(corpus)], settings, jobs=1, cache=cache)
    return time.process_time() - t0, len(result.claims), len(result.findings), result.cache_hits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = build(args.mb, ROOT / "benchmarks" / ".work")
    files = sorted(corpus.iterdir())
    settings = load_settings(use_cwd=False)
    cold, warm, one = [], [], []
    for _ in range(args.repeat):
        cache = Path(tempfile.mkdtemp(prefix="reconcile-cache-"))
        cold.append(timed(corpus, cache, settings))
        warm.append(timed(corpus, cache, settings))
        files[0].write_bytes(files[0].read_bytes() + b"\nThe widget market was USD 1.5 billion in 2024.\n")
        one.append(timed(corpus, cache, settings))
        shutil.rmtree(cache)
    best = {name: min(runs) for name, runs in (("cold", cold), ("warm", warm), ("one changed", one))}
    print(f"corpus: {args.mb:g} MB, {len(files)} files; CPU seconds, best of {args.repeat}")
    for name, (secs, claims, findings, hits) in best.items():
        print(f"{name:>12}: {secs:7.2f} s  {claims} claims  {findings} findings  {hits} from the cache"
              f"  ({secs / best['cold'][0]:.1%} of cold)")


if __name__ == "__main__":
    main()
