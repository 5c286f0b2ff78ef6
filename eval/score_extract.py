"""Score ``reconcile extract`` against the hand-labelled development sets in ``eval/labels/``.

Usage: python eval/score_extract.py [SET ...] [--shared DIR] [--errors N] [--field F]

SET is a label file stem (``dev2-tune``, ``dev-test``…); by default every set is scored,
and the tune and test halves are also pooled. Prints precision, recall and F1 on
value+line, and the accuracy of measure, entity, scope, time and sign over the matched
claims (see eval/README.md). ``--errors N`` lists up to N misses, false positives and
field errors per set, to read while improving the extractor (on tune sets only!).
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import reconcile  # noqa: E402

LABELS = ROOT / "eval" / "labels"
FIELDS = ("measure", "entity", "scope", "time", "sign")
_SUFFIXES = re.compile(
    r"\b(?:inc|incorporated|corp|corporation|co|company|ltd|limited|plc|llc|group|the)\b\.?", re.IGNORECASE
)


def norm_name(text) -> str:
    """Names compared loosely: case, punctuation, legal suffixes and plural 's' ignored."""
    text = _SUFFIXES.sub(" ", str(text or "").lower().replace("&", " and "))
    words = re.sub(r"[^\w\s]", " ", text).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def same_name(a, b) -> bool:
    """Equal names, or a short form of a longer one ("Pellucid" for "Pellucid Semiconductor Equipment")."""
    a, b = norm_name(a).split(), norm_name(b).split()
    if not a or not b:
        return a == b
    short, long_ = sorted((a, b), key=len)
    return long_[: len(short)] == short


def _int(x):
    if x is None or x == "" or (isinstance(x, float) and math.isnan(x)):
        return None
    try:
        return int(float(x))
    except (TypeError, ValueError):
        return None


def _bool(x) -> bool:
    return str(x).strip().lower() in ("true", "1", "yes")


def time_of(row: dict) -> tuple:
    return (
        _int(row.get("year")), _int(row.get("quarter")), _int(row.get("month")), _bool(row.get("fiscal")),
        _int(row.get("period_start")), _int(row.get("period_end")),
    )


def read_labels(stem: str) -> tuple[list[dict], list[tuple[str, int, int]]]:
    with open(LABELS / f"{stem}.csv", newline="", encoding="utf-8") as fh:
        labels = list(csv.DictReader(fh))
    with open(LABELS / f"{stem}.ranges.csv", newline="", encoding="utf-8") as fh:
        ranges = [(r["doc"], int(r["first_line"]), int(r["last_line"])) for r in csv.DictReader(fh)]
    return labels, ranges


def doc_path(doc: str, shared: Path) -> Path:
    return ROOT / doc if doc.startswith("eval/") else shared / doc


def predictions(docs: list[str], shared: Path) -> dict[str, list[dict]]:
    """The tool's claims per labelled document (doc key as in the labels)."""
    paths = {str(doc_path(d, shared)): d for d in docs}
    frame = reconcile.extract_claims(sorted(paths), rules=str(ROOT / "rules"))
    frame = frame[frame["metric"] != "qualitative"]  # the labels are figures; words rows are scored by tests/test_words.py
    out: dict[str, list[dict]] = defaultdict(list)
    for row in frame.to_dict("records"):
        if row["metric"] != "qualitative":  # the labels are quantitative claims only
            out[paths[row["doc"]]].append(row)
    return out


def predicted_scope(row: dict) -> str:
    scope = row.get("scope") or ""
    if scope == "Global" or row.get("scope_type") in ("global", "company") and norm_name(scope) == norm_name(row.get("entity")):
        return ""
    return scope


def match(labels: list[dict], preds: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pairs (label, prediction) on the same line with |values| within 0.5%; then misses and false positives."""
    pairs, used = [], set()
    for lab in labels:
        want = abs(float(lab["value"]))
        best = None
        for i, p in enumerate(preds):
            if i in used or int(p["line"]) != int(lab["line"]):
                continue
            got = abs(float(p["value"]))
            if math.isclose(got, want, rel_tol=0.005, abs_tol=1e-9):
                best = i
                break
        if best is not None:
            used.add(best)
            pairs.append((lab, preds[best]))
    matched = {id(lab) for lab, _ in pairs}
    misses = [lab for lab in labels if id(lab) not in matched]
    fps = [p for i, p in enumerate(preds) if i not in used]
    return pairs, misses, fps


# The labels' measures (eval/README.md). The tool names some line items the labels file under
# "other" (orders, pretax_income, dividend): those are scored as "other"; free cash flow as
# cash_flow.
LABEL_MEASURES = frozenset({"market_size", "revenue", "net_income", "operating_income", "gross_profit", "margin",
                            "eps", "cash_flow", "market_cap", "cagr", "growth", "share", "rate", "count", "price",
                            "other"})


#: The tool's finer measures the labels file under a broader one.
LABEL_PARENT = {"free_cash_flow": "cash_flow"}


def label_measure(pred: dict) -> str:
    measure = pred.get("measure") or pred.get("metric") or ""
    measure = LABEL_PARENT.get(measure, measure)
    return measure if measure in LABEL_MEASURES else "other"


def field_ok(name: str, lab: dict, pred: dict) -> bool:
    if name == "measure":
        return lab["measure"] == label_measure(pred)
    if name == "entity":
        return same_name(lab["entity"], pred.get("entity", pred.get("subject")))
    if name == "scope":
        return norm_name(lab["scope"]) == norm_name(predicted_scope(pred))
    if name == "time":
        return time_of(lab) == time_of(pred)
    if name == "sign":
        return (float(lab["value"]) < 0) == (float(pred["value"]) < 0)
    raise KeyError(name)


def score(stems: list[str], shared: Path) -> tuple[dict, dict]:
    labels, ranges = [], []
    for stem in stems:
        lab, rng = read_labels(stem)
        labels += lab
        ranges += rng
    docs = sorted({r[0] for r in ranges})
    preds = predictions(docs, shared)
    in_range = defaultdict(list)
    for doc, a, b in ranges:
        in_range[doc].append((a, b))
    tp = fn = fp = 0
    correct = dict.fromkeys(FIELDS, 0)
    errors: dict[str, list] = {"miss": [], "fp": [], **{f: [] for f in FIELDS}}
    for doc in docs:
        doc_labels = [lab for lab in labels if lab["doc"] == doc]
        # index levels (unit "index") are claims of the tool that the labels leave out (see README)
        doc_preds = [p for p in preds.get(doc, []) if any(a <= int(p["line"]) <= b for a, b in in_range[doc])
                     and p.get("unit") != "index"]
        pairs, misses, fps = match(doc_labels, doc_preds)
        tp, fn, fp = tp + len(pairs), fn + len(misses), fp + len(fps)
        errors["miss"] += [(doc, m) for m in misses]
        errors["fp"] += [(doc, p) for p in fps]
        for lab, pred in pairs:
            for f in FIELDS:
                if field_ok(f, lab, pred):
                    correct[f] += 1
                else:
                    errors[f].append((doc, lab, pred))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result = {"labels": tp + fn, "predicted": tp + fp, "precision": precision, "recall": recall, "f1": f1}
    result.update({f: (correct[f] / tp if tp else 0.0) for f in FIELDS})
    return result, errors


def _show(label: dict) -> str:
    t = time_of(label)
    return (f"{label['figure']!r} {label['measure']} entity={label['entity']!r} scope={label['scope']!r} "
            f"time={t}")


def _show_pred(p: dict) -> str:
    return (f"{p['figure']!r} {p.get('measure') or p['metric']} entity={p.get('entity', p['subject'])!r} "
            f"scope={predicted_scope(p)!r} time={time_of(p)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--field", default=None, help="only list errors of this kind (miss, fp, measure, …)")
    args = ap.parse_args()
    stems = args.sets or sorted(p.stem for p in LABELS.glob("*.csv") if not p.name.endswith(".ranges.csv"))
    groups = [[s] for s in stems]
    if not args.sets:
        for half in ("tune", "test"):
            pooled = [s for s in stems if s.endswith(f"-{half}")]
            if len(pooled) > 1:
                groups.append(pooled)
    print(f"{'set':<22}{'labels':>7}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}" + "".join(f"{f:>9}" for f in FIELDS))
    for group in groups:
        result, errors = score(group, Path(args.shared))
        name = "+".join(group)
        print(f"{name:<22}{result['labels']:>7}{result['predicted']:>6}{result['precision']:>7.3f}{result['recall']:>7.3f}"
              f"{result['f1']:>7.3f}" + "".join(f"{result[f]:>9.3f}" for f in FIELDS))
        if args.errors and len(group) == 1:
            for kind, items in errors.items():
                if args.field and kind != args.field:
                    continue
                for item in items[: args.errors]:
                    if kind == "miss":
                        print(f"  MISS {item[0]}:{item[1]['line']} {_show(item[1])}")
                    elif kind == "fp":
                        print(f"  FP   {item[0]}:{item[1]['line']} {_show_pred(item[1])} | {item[1]['quote'][:100]!r}")
                    else:
                        doc, lab, pred = item
                        print(f"  {kind.upper():<8}{doc}:{lab['line']} want {_show(lab)}\n{'':<10}got  {_show_pred(pred)}")


if __name__ == "__main__":
    main()
