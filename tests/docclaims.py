"""Claims of one document written for a test: the table as records, and the one row of a figure."""

from __future__ import annotations

import json
import subprocess
import sys

import reconcile


def claims(tmp_path, text, name="doc.md"):
    """The claims table of ``text`` saved as ``name`` under ``tmp_path``, as a list of dicts."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return reconcile.extract_claims(str(path)).to_dict("records")


def one(rows, figure, line=None):
    """The one row whose figure is ``figure`` (on ``line`` when given)."""
    found = [r for r in rows if r["figure"] == figure and (line is None or r["line"] == line)]
    assert len(found) == 1, [(r["figure"], r["line"]) for r in rows]
    return found[0]


def findings(path) -> list[dict]:
    """The discrepancies ``reconcile check PATH`` reports, as its JSON gives them."""
    out = subprocess.run([sys.executable, "-m", "reconcile", "check", str(path), "-f", "json", "-o", "-"],
                         capture_output=True, text=True)
    return json.loads(out.stdout)["discrepancies"]
