"""How rule checking scales: synthetic claims tables of 10k and 100k claims.

Each synthetic market has three documents stating sizes, CAGRs, regional values and
shares (some consistent, some contradicting), so every rule family has work to do. The
rules group claims by subject and scope, so time should grow linearly: the 100k/10k
ratio should be near 10 (aim: at most 11).

    python benchmarks/rules_scaling.py [--sizes 10000 100000] [--repeat 3]

``--one-market 500 5000`` instead puts every claim in one market (10 claims per document):
the consensus rules must stay near-linear there too (50,000 claims in seconds).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reconcile.check import run_rules  # noqa: E402
from reconcile.config import load_settings  # noqa: E402
from reconcile.extract.claim import COLUMNS  # noqa: E402
from reconcile.normalize import claims_frame_dtypes  # noqa: E402

REGIONS = ["North America", "Europe", "Asia Pacific", "Latin America", "Middle East & Africa"]


def _row(doc, subject, metric, value, unit, *, scope="Global", year=None, ps=None, pe=None, line=1, q="exact"):
    scope_type = "global" if scope == "Global" else "region"
    figure = f"{value:g}%" if unit == "percent" else f"{unit} {value / 1e9:.2f} billion"
    return {
        "claim_id": "", "doc": doc, "line": line, "start": line * 100, "end": line * 100 + 10,
        "quote": figure, "figure": figure, "metric": metric, "subject": subject, "scope": scope,
        "scope_type": scope_type, "dimension": "region" if scope_type == "region" else "",
        "value": value, "unit": unit, "low": value, "high": value, "qualifier": q, "year": year,
        "period_start": ps, "period_end": pe, "kind": "estimate", "confidence": 1.0,
        "entity": subject, "entity_type": "market", "measure": metric, "period_label": "", "fiscal": False,
        "fiscal_year_end": None, "quarter": None, "month": None, "basis": "cagr" if metric == "cagr" else "",
        "sign": 1, "accounting": "reported", "converted_value": None, "converted_unit": "",
    }


def market(rng: random.Random, i: int) -> list[dict]:
    """About 40 claims about one synthetic market in three documents."""
    subject = f"market {i:06d}"
    rows = []
    base = rng.uniform(1e9, 500e9)
    for d in range(3):
        doc = f"docs/{i:06d}_{d}.md"
        rate = rng.choice([0.08, 0.1, 0.12, 0.3 if d == 2 else 0.1])
        v24 = base * rng.uniform(0.95, 1.05) * (5 if d == 2 and i % 7 == 0 else 1)
        v30 = v24 * (1 + rate) ** 6 * (0.7 if i % 11 == 0 else 1)
        rows += [
            _row(doc, subject, "market_size", round(v24, -7), "USD", year=2024, line=1),
            _row(doc, subject, "market_size", round(v30, -7), "USD", year=2030, line=2),
            _row(doc, subject, "cagr", round(rate * 100, 1), "percent", ps=2024, pe=2030, line=3),
        ]
        shares = [40, 25, 20, 10, 5 if i % 5 else 15]
        for r, (region, share) in enumerate(zip(REGIONS, shares)):
            rows.append(_row(doc, subject, "share", share, "percent", scope=region, year=2024, line=10 + r))
            rows.append(_row(doc, subject, "market_size", round(v24 * share / 100, -7), "USD",
                             scope=region, year=2024, line=20 + r))
    return rows


def one_market(docs: int, seed: int = 7, adversarial: bool = False) -> pd.DataFrame:
    """``docs`` documents about one market, ten claims each: sizes, a CAGR, regional shares
    and values; every seventh document 5x off, every eleventh with a different CAGR."""
    rng = random.Random(seed)
    rows: list[dict] = []
    subject = "one market"
    for d in range(docs):
        doc = f"docs/{d:06d}.md"
        rate = 0.3 if d % 11 == 0 else rng.choice([0.08, 0.081, 0.082])
        v24 = 100e9 * rng.uniform(0.99, 1.01) * (5 if d % 7 == 0 else 1)
        rows += [
            _row(doc, subject, "market_size", round(v24, -7), "USD", year=2024, line=1),
            _row(doc, subject, "market_size", round(v24 * (1 + rate) ** 6, -7), "USD", year=2030, line=2),
            _row(doc, subject, "cagr", round(rate * 100, 1), "percent", ps=2024, pe=2030, line=3),
        ]
        for r, (region, share) in enumerate(zip(REGIONS, [40, 25, 20, 10, 5])):
            rows.append(_row(doc, subject, "share", share + (8 if d % 13 == 0 and r == 0 else 0), "percent",
                             scope=region, year=2024, line=10 + r))
        rows.append(_row(doc, subject, "market_size", round(v24 * 0.4, -7), "USD", scope=REGIONS[0], year=2024, line=20))
        rows.append(_row(doc, subject, "market_size", round(v24 * 0.25, -7), "USD", scope=REGIONS[1], year=2024, line=21))
        if adversarial:
            # shapes that defeat pairwise code: an undated share per document, documents at
            # odds with themselves, and later documents lowering the forecast
            rows.append(_row(doc, subject, "share", 30 + d % 20, "percent", scope=REGIONS[0], line=30))
            if d % 5 == 0:
                rows.append(_row(doc, subject, "cagr", 15.0, "percent", ps=2024, pe=2030, line=31))
            if d % 3 == 0:
                rows.append(_row(doc, subject, "market_size", round(v24 * 0.6, -7), "USD", year=2027, line=32))
    frame = pd.DataFrame(rows, columns=COLUMNS).astype(claims_frame_dtypes())
    frame["claim_id"] = [f"C{k:012d}" for k in range(len(frame))]
    return frame


def table(n: int, seed: int = 7) -> pd.DataFrame:
    rng = random.Random(seed)
    rows: list[dict] = []
    i = 0
    while len(rows) < n:
        rows += market(rng, i)
        i += 1
    frame = pd.DataFrame(rows[:n], columns=COLUMNS).astype(claims_frame_dtypes())
    frame["claim_id"] = [f"C{k:012d}" for k in range(len(frame))]
    return frame


def best_time(claims: pd.DataFrame, settings, repeat: int, clock) -> tuple[float, list]:
    """The best of ``repeat`` runs of every rule, by ``clock``, and the findings."""
    best, findings = float("inf"), []
    for _ in range(repeat):
        t0 = clock()
        findings = run_rules(claims, settings)
        best = min(best, clock() - t0)
    return best, findings


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--one-market", type=int, nargs="*", metavar="DOCS",
                    help="instead: one market stated by this many documents (10 claims each), e.g. 500 5000")
    ap.add_argument("--adversarial", action="store_true",
                    help="with --one-market: add undated shares, self-contradicting documents and lowered forecasts")
    args = ap.parse_args()
    settings = load_settings(use_cwd=False)
    if args.one_market:
        cpu = {}
        for docs in args.one_market:
            claims = one_market(docs, adversarial=args.adversarial)
            cpu[docs], findings = best_time(claims, settings, args.repeat, time.process_time)
            print(f"one market, {docs:>6} documents, {len(claims):>7} claims  {len(findings):>6} findings  "
                  f"{cpu[docs]:7.2f} CPU-s")
        if len(args.one_market) >= 2:
            lo, hi = args.one_market[0], args.one_market[-1]
            print(f"CPU ratio {hi}/{lo} documents: {cpu[hi] / cpu[lo]:.2f} (size ratio {hi / lo:.0f})")
        return
    times = {}
    for n in args.sizes:
        claims = table(n)
        times[n], findings = best_time(claims, settings, args.repeat, time.perf_counter)
        print(f"{n:>8} claims  {claims['subject'].nunique():>6} subjects  {len(findings):>6} findings  "
              f"{times[n]:7.2f} s  ({n / times[n]:,.0f} claims/s)")
    if len(args.sizes) >= 2:
        lo, hi = args.sizes[0], args.sizes[-1]
        print(f"ratio {hi}/{lo}: {times[hi] / times[lo]:.2f} (size ratio {hi / lo:.0f})")

if __name__ == "__main__":
    main()
