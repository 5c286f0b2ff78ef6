"""Segments of two breakdowns in one paragraph ("By product, … By end use, …") are parts of
two wholes, never summed together (second review, 2026-12-01)."""

from __future__ import annotations

import reconcile
from reconcile.check import check_corpus

BEDS = """# Hospital Beds Market

The global hospital beds market was valued at USD 3.2 billion in 2023.

By product, the electric beds segment held 47.5% share in 2023 and the manual beds segment 20.5%. By end use,
the hospitals segment held 41.0% share in 2023 and the home care segment 35.0%.
"""


def test_each_segment_takes_the_breakdown_named_before_it(tmp_path):
    (tmp_path / "beds.md").write_text(BEDS, "utf-8")
    frame = reconcile.extract_claims(str(tmp_path))
    shares = frame[frame["metric"] == "share"].set_index("scope")["dimension"].to_dict()
    assert shares == {"electric beds": "product", "manual beds": "product", "hospitals": "end_user",
                      "home care": "end_user"}


def test_two_breakdowns_are_not_summed(tmp_path, settings):
    (tmp_path / "beds.md").write_text(BEDS, "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    assert not [f for f in result.findings if f.rule.startswith("RC40")]


def test_one_breakdown_over_100_percent_is_still_flagged(tmp_path, settings):
    (tmp_path / "beds.md").write_text(BEDS.replace("20.5%", "60.5%"), "utf-8")
    result = check_corpus([str(tmp_path)], settings)
    (f,) = [f for f in result.findings if f.rule == "RC401"]
    assert "electric beds" in f.message and "manual beds" in f.message and "hospitals" not in f.message
