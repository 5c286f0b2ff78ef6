"""Score ``reconcile check`` against the hand-labelled contradictions in ``eval/findings/``.

Usage: python eval/score_findings.py [SET ...] [--shared DIR] [--errors]

SET is a label file stem (``dev-tune``, ``dev2-test``, ``written-test``…); by default
every set is scored. For each set it prints:

- recall: labelled contradictions that some finding (warning or error) cites, i.e. cites
  at least two of its figures (or its one line, or only lines among its figures), from a rule that checks that kind of
  contradiction (``RULES_FOR``: a value conflict is not found by a margin rule that happens
  to cite the same revenue);
- false alarms: warning/error findings that match no labelled contradiction, split into
  those that compare a labelled consistent look-alike and the rest;
- cards per contradiction: report cards (findings about the same odd figure share one)
  among the matching findings, per contradiction found;
- notes: info findings (shown, never failing a run), not counted as alarms.

``--errors`` lists the misses and the false alarms (read them on tune sets only).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reconcile.check import check_corpus  # noqa: E402
from reconcile.config import load_settings  # noqa: E402

LABELS = ROOT / "eval" / "findings"

#: The rules that can find each kind of labelled contradiction (by code prefix).
RULES_FOR = {
    "cagr_arithmetic": ("RC101", "RC102", "RC103", "RC302"),
    "cagr_conflict": ("RC101", "RC102", "RC103", "RC302"),
    "growth_arithmetic": ("RC101", "RC102", "RC104", "RC106"),  # RC106: a change in points
    "margin_arithmetic": ("RC105",),
    "value_conflict": ("RC201", "RC301", "RC302", "RC303", "RC701", "RC901"),
    "trajectory": ("RC102", "RC104", "RC201", "RC301", "RC302", "RC303"),  # RC104: a year's row its growth column misses
    "parts_sum": ("RC401", "RC402", "RC403", "RC404", "RC405", "RC406"),  # RC403: the part whose share misses
    "share_value": ("RC401", "RC402", "RC403", "RC406", "RC407"),
    "geography": ("RC405", "RC5", "RC6"),
}


#: Rules that find a kind of contradiction through its labelled odd figure: a finding of theirs
#: matches only when it cites that figure. A margin stated wrong is set by RC201 against another
#: document's margin, or by RC106 against the change in points the document states for it; a part
#: stated wrong in a segment table (whose growth rate, or margin, then misses), a misquoted value or a table's wrong year makes a stated growth
#: rate miss its two values (RC104).
ODD_RULES_FOR = {
    "margin_arithmetic": ("RC201", "RC106"),
    # RC201: another document's right figure against the wrong total; RC105: a part's wrong revenue
    # that its own income and margin then miss
    "parts_sum": ("RC104", "RC201", "RC105"),
    # a misquoted value that the story's own growth rate, CAGR (or another document's) or margin then misses
    "value_conflict": ("RC104", "RC101", "RC102", "RC105"),
    "trajectory": ("RC104", "RC105"),  # a table's wrong year, whose next year's growth (or margin) then misses too
    "growth_arithmetic": ("RC201",),  # a wrong rate set against another document's right one
    "share_value": ("RC201",),  # a share's wrong value set against another document's right one
    "cagr_conflict": ("RC103",),  # the outlying rate named against the rates beside it in its own story
}


def _finds(rule: str, kind: str) -> bool:
    allowed = RULES_FOR.get(kind)
    return allowed is None or rule.startswith(allowed)


def doc_path(doc: str, shared: Path) -> Path:
    return ROOT / doc if doc.startswith("eval/") else shared / doc


def _locations(claims: list[str]) -> set[tuple[str, int]]:
    out = set()
    for c in claims:
        doc, _, line = c.rpartition(":")
        out.add((doc, int(line)))
    return out


def _cited(finding, names: dict[str, str]) -> set[tuple[str, int]]:
    out = set()
    for c in finding.claims:
        doc = names.get(c["doc"], c["doc"])
        out.add((doc, int(c["line"])))
        for a in c.get("also_at", []):
            out.add((names.get(a["doc"], a["doc"]), int(a["line"])))
    return out


def _matches(cited: set, label: set) -> bool:
    """Two of the label's lines cited (its one line, when it has one), or every line the finding
    cites is one of the label's (a table row's growth that its own two values contradict,
    where the label also names the broker's line that repeats the right figure)."""
    return len(cited & label) >= min(2, len(label)) or bool(cited) and cited <= label


def score(stem: str, shared: Path, show: bool) -> dict:
    spec = tomllib.loads((LABELS / f"{stem}.toml").read_text("utf-8"))
    paths = {str(doc_path(d, shared)): d for d in spec["docs"]}
    result = check_corpus(sorted(paths), load_settings(ROOT / "rules", use_cwd=False))
    contradictions = [(c["id"], _locations(c["claims"]), c.get("what", "")) for c in spec.get("contradiction", [])]
    kinds = {c["id"]: c.get("kind", "figures") for c in spec.get("contradiction", [])}
    odd = {c["id"]: _locations(c.get("odd", [])) for c in spec.get("contradiction", [])}
    lookalikes = [(c["id"], _locations(c["claims"]), c.get("what", "")) for c in spec.get("consistent", [])]
    found: dict[str, set] = {}
    alarms, on_lookalikes, notes = [], [], 0
    for f in result.findings:
        cited = _cited(f, paths)
        hits = [cid for cid, locs, _ in contradictions
                if (_matches(cited, locs) or bool(cited & odd[cid])) and _finds(f.rule, kinds[cid])
                or f.rule in ODD_RULES_FOR.get(kinds[cid], ()) and bool(cited & odd[cid])]
        if f.severity == "info":
            notes += 1
            continue
        if hits:
            for cid in hits:
                found.setdefault(cid, set()).add(f.card)
            continue
        alarms.append(f)
        if any(_matches(cited, locs) for _, locs, _ in lookalikes):
            on_lookalikes.append(f)
    cards = len({card for cards in found.values() for card in cards})
    out = {
        "set": stem, "contradictions": len(contradictions), "found": len(found),
        "recall": len(found) / len(contradictions) if contradictions else float("nan"),
        "false_alarms": len(alarms), "on_lookalikes": len(on_lookalikes), "lookalikes": len(lookalikes),
        "cards_per": cards / len(found) if found else float("nan"), "notes": notes,
        "findings": len(result.findings),
        # by kind: "figures" (numbers against numbers) and the kinds issue 14 added ("geography"…)
        "by_kind": {k: (sum(1 for c in kinds if kinds[c] == k and c in found), sum(1 for c in kinds if kinds[c] == k))
                    for k in sorted(set(kinds.values()))},
    }
    if show:
        for cid, _, what in contradictions:
            if cid not in found:
                print(f"  MISS  {cid}: {what}")
        for f in alarms:
            print(f"  ALARM {f.rule} {f.message[:300]}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    stems = args.sets or sorted(p.stem for p in LABELS.glob("*.toml"))
    print(f"{'set':<14}{'contra':>7}{'found':>6}{'recall':>8}{'alarms':>8}{'on look-alikes':>16}{'cards/c':>9}{'notes':>7}"
          "  found by kind")
    for stem in stems:
        r = score(stem, Path(args.shared), args.errors)
        print(f"{r['set']:<14}{r['contradictions']:>7}{r['found']:>6}{r['recall']:>8.2f}{r['false_alarms']:>8}"
              f"{r['on_lookalikes']:>9} of {r['lookalikes']:<4}{r['cards_per']:>9.2f}{r['notes']:>7}  "
              + ", ".join(f"{k} {a}/{b}" for k, (a, b) in r["by_kind"].items()))


if __name__ == "__main__":
    main()
