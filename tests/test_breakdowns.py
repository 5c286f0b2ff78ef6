"""Wholes and parts (second review, 2026-12-01): segments of two breakdowns in one paragraph
("By product, … By end use, …") are parts of two wholes, never summed together; a ratio such
as "revenue per employee" is no revenue."""

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


def test_revenue_per_employee_is_no_revenue(tmp_path):
    (tmp_path / "a.md").write_text(
        "# Keldra 2024\n\nKeldra reported revenue of $5.5 billion in 2024. Its revenue per employee was $1.2 million "
        "in 2024, and sales per store of $2.1 million were flat.\n", "utf-8")
    frame = reconcile.extract_claims(str(tmp_path))
    measures = dict(zip(frame["figure"], frame["measure"]))
    assert measures == {"$5.5 billion": "revenue", "$1.2 million": "other", "$2.1 million": "other"}
