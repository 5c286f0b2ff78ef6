"""How ``reconcile check`` scales with the number of documents, stage by stage.

For each size, writes (or reuses) a corpus from ``generate_corpus.py`` and runs
``reconcile.check.check_corpus`` and ``reconcile.report.render`` for each default format
in a fresh process, then prints CPU seconds per stage (extract, rules, each report), the
peak RSS, each report's size and, between consecutive sizes, the cost ratio. CPU time,
not wall time: the machine is shared. Extraction in worker processes is counted from the
children's CPU time.

    python benchmarks/check_scaling.py [--sizes 1000 3000] [--jobs 1] [--corpus-dir /tmp]
        [--checkout OTHER]   # measure another checkout's reconcile (e.g. `git archive` of a release)
        [--engine dask]      # on a local Dask cluster of --jobs workers (2): wall seconds per stage

A ratio near the ratio of the sizes (3.0 for 1,000 -> 3,000 documents) is linear.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (extraction workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(corpus: Path, jobs: int | None, *, freeze: bool = True, engine: str = "local") -> dict:
    """One run over ``corpus`` in this process: CPU seconds per stage, peak RSS, report sizes.
    ``freeze=False`` makes ``gc.freeze`` do nothing, to see what freezing saves. With
    ``engine="dask"`` (a local cluster of ``jobs`` workers, default 2) the stages are timed in
    wall seconds: the workers' CPU time is not this process's until the cluster stops."""
    import gc

    import reconcile.check as check
    from reconcile.output import write_csv
    from reconcile.report import DEFAULT_FORMATS, render

    clock = time.perf_counter if engine == "dask" else _cpu

    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            t0 = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                stages[name] = round(clock() - t0, 2)
                peaks[name] = round(_peak_mb(), 1)
        return wrapper

    if not freeze:
        gc.freeze = lambda: None
    check.extract_plan = timed("extract", check.extract_plan)
    check.claims_frame = timed("claims_frame", check.claims_frame)
    check.run_rules = timed("rules", check.run_rules)
    t0 = clock()
    if engine == "dask":  # (a --checkout of an older release may have no engines)
        import reconcile.buckets as buckets
        from reconcile.engine import executor_for

        buckets.run_rules_in_buckets = timed("rules", buckets.run_rules_in_buckets)
        with executor_for("dask", workers=jobs) as executor:
            t0 = clock()  # the cluster is up
            result = check.check_corpus([str(corpus)], jobs=jobs, executor=executor)
            stages["check_corpus"] = round(clock() - t0, 2)
    else:
        result = check.check_corpus([str(corpus)], jobs=jobs)
        stages["check_corpus"] = round(clock() - t0, 2)
    sizes = {}
    for fmt in DEFAULT_FORMATS:
        t0 = clock()
        if fmt == "csv":  # as `reconcile check` writes it: streamed to the file
            with tempfile.TemporaryDirectory() as tmp:
                write_csv(result.claims, os.path.join(tmp, "claims.csv"))
                sizes[fmt] = os.path.getsize(os.path.join(tmp, "claims.csv"))
        else:
            text = render(result, fmt)
            sizes[fmt] = len(text.encode("utf-8"))
            del text
        stages[f"report.{fmt}"] = round(clock() - t0, 2)
        peaks[f"report.{fmt}"] = round(_peak_mb(), 1)
    return {"documents": len(result.inputs), "claims": len(result.claims), "findings": len(result.findings),
            "engine": engine, "cpu": stages, "peak_mb_after": peaks, "peak_mb": round(_peak_mb(), 1), "bytes": sizes}


def corpus_for(size: int, folder: Path, seed: int) -> Path:
    from generate_corpus import generate

    path = folder / f"scale-corpus-{size}"
    if not path.is_dir() or len(list(path.iterdir())) != size + 1:  # documents and metadata.toml
        generate(size, path, seed=seed)
    return path


def _row(r: dict) -> str:
    cpu = r["cpu"]
    reports = " ".join(f"{k[7:]} {v:.1f}" for k, v in cpu.items() if k.startswith("report."))
    sizes = " ".join(f"{k} {v / 1e6:.1f}MB" for k, v in r["bytes"].items())
    seconds = " (wall seconds)" if r.get("engine") == "dask" else ""
    return (f"{r['documents']:>6} docs {r['claims']:>7} claims {r['findings']:>5} findings{seconds} | "
            f"extract {cpu['extract']:.1f} rules {cpu['rules']:.1f} | reports: {reports} | "
            f"peak {r['peak_mb']:.0f} MB | {sizes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--jobs", type=int, default=None, help="extraction workers (default: reconcile's choice)")
    parser.add_argument("--corpus-dir", type=Path, default=Path("/tmp"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print each run as JSON as well")
    parser.add_argument("--checkout", type=Path, help="import reconcile from this folder instead")
    parser.add_argument("--no-freeze", action="store_true", help="without gc.freeze() before the rules")
    parser.add_argument("--engine", choices=["local", "dask"], default="local",
                        help="dask: extraction and rules on a local Dask cluster of --jobs workers, timed in wall seconds")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # run in a child: one measurement
    args = parser.parse_args()
    if args.one:
        if args.checkout:
            sys.path.insert(0, str(args.checkout.resolve()))
        print(json.dumps(measure(args.one, args.jobs, freeze=not args.no_freeze, engine=args.engine)))
        return
    results = []
    for size in args.sizes:
        corpus = corpus_for(size, args.corpus_dir, args.seed)
        cmd = [sys.executable, __file__, "--one", str(corpus)] + (["--jobs", str(args.jobs)] if args.jobs else [])
        cmd += ["--checkout", str(args.checkout)] if args.checkout else []
        cmd += ["--no-freeze"] if args.no_freeze else []
        cmd += ["--engine", args.engine]
        t0 = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
        if out.returncode:
            sys.exit(f"{size} documents: the run failed\n{out.stderr}")
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r["wall"] = round(time.perf_counter() - t0, 1)
        results.append(r)
        print(_row(r), flush=True)
        if args.json:
            print(json.dumps(r), flush=True)
    for a, b in zip(results, results[1:]):
        ratio = {k: round(b["cpu"][k] / a["cpu"][k], 2) if a["cpu"][k] > 0.05 else None for k in a["cpu"]}
        print(f"{a['documents']} -> {b['documents']} documents (x{b['documents'] / a['documents']:.1f}), "
              f"CPU ratio: " + ", ".join(f"{k} {v}" for k, v in ratio.items() if v is not None))


if __name__ == "__main__":
    main()
