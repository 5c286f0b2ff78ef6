"""The HTML report's chart layout: ticks that cover every value, marks inside the plot
area, labels apart, qualifiers drawn, and a reason when a market has no chart."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

from reconcile.report.chart import INSET, Placer, linear_ticks, log_ticks, market_chart, no_chart_reason, year_step


def _claims(*rows: dict) -> pd.DataFrame:
    base = {"subject": "widgets", "scope": "Global", "metric": "market_size", "unit": "USD", "qualifier": "exact",
            "low": float("nan"), "high": float("nan"), "period_start": pd.NA, "period_end": pd.NA, "kind": "estimate",
            "line": 1, "start": 0}
    out = []
    for i, r in enumerate(rows):
        row = {**base, "claim_id": f"c{i}", "figure": str(r.get("value")), "start": i, **r}
        out.append(row)
    frame = pd.DataFrame(out)
    for col in ("year", "period_start", "period_end"):
        frame[col] = frame.get(col, pd.Series([pd.NA] * len(frame))).astype("Int64")
    return frame


def _marks(chart: dict) -> list[dict]:
    return [p for s in chart["series"] for p in s["points"]]


@pytest.mark.parametrize("hi", [35e9, 1e9, 7.3e6, 0.9, 123.0, 616.26e9, 4e12])
def test_linear_ticks_start_at_zero_and_cover_the_highest_value_with_four_to_seven_labels(hi):
    ticks = linear_ticks(hi)
    assert ticks[0] == 0 and ticks[-1] >= hi and ticks[-2] < hi
    assert 4 <= len(ticks) <= 7


def test_a_35b_point_gets_a_40b_top_tick_not_30b():
    assert linear_ticks(35e9)[-1] == pytest.approx(40e9)


@pytest.mark.parametrize("lo, hi", [(1e8, 1e9), (2.21e9, 30e9), (1.2e7, 1.4e10), (3e5, 8e11), (1e-3, 1e30)])
def test_log_ticks_cover_the_values_and_stop_at_the_first_tick_above(lo, hi):
    ticks = log_ticks(lo, hi)
    assert ticks[0] <= lo and ticks[-1] >= hi
    assert len(ticks) >= 3
    if hi / lo < 1e8:  # over more decades, ticks go every 2nd or 5th decade
        assert ticks[-1] < hi * 10 and ticks[0] > lo / 10


def test_a_log_axis_for_a_1b_maximum_tops_at_1b():
    assert log_ticks(1e8, 1e9)[-1] == pytest.approx(1e9)


def test_year_labels_thin_out_on_a_long_axis():
    assert year_step(2, 500) == 1 and year_step(40, 500) == 5


def test_every_point_lies_inside_the_plot_area_and_labels_do_not_overlap():
    claims = _claims({"doc": "a.txt", "year": 2023, "value": 1.2e7}, {"doc": "a.txt", "year": 2030, "value": 3.5e10},
                     {"doc": "b.txt", "year": 2023, "value": 1e8}, {"doc": "b.txt", "year": 2023, "value": 1.1e8},
                     {"doc": "b.txt", "year": 2024, "value": 1.05e8},
                     {"doc": "b.txt", "metric": "cagr", "unit": "percent", "value": -8.0, "period_start": 2024,
                      "period_end": 2032, "year": pd.NA})
    chart = market_chart(claims, "widgets", {"c1"})
    assert chart["log"]
    for p in _marks(chart) + [{"x": q["x2"], "y": q["y2"]} for q in chart["projections"]]:
        assert chart["left"] + INSET <= p["x"] <= chart["right"] - INSET
        assert chart["top"] + INSET <= p["y"] <= chart["bottom"] - INSET
    texts = [(t["label"], t["at"]) for t in chart["yticks"] + chart["xticks"]]
    texts += [(p["text"], p["at"]) for p in _marks(chart) + chart["projections"] if p.get("at")]
    boxes = [Placer.box(at[0], at[1], text, 10) for text, at in texts]
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    assert chart["projections"][0]["text"] == "-8% CAGR"


def test_two_values_of_one_year_are_not_joined_by_a_vertical_line():
    claims = _claims({"doc": "a.txt", "year": 2023, "value": 1e9}, {"doc": "a.txt", "year": 2023, "value": 2e9},
                     {"doc": "a.txt", "year": 2025, "value": 3e9})
    chart = market_chart(claims, "widgets", set())
    xs = [pt.split(",")[0] for pt in chart["series"][0]["path"].split()]
    assert len(xs) == len(set(xs)) == 2
    assert len(chart["series"][0]["points"]) == 3


def test_over_under_and_a_range_are_drawn_as_such():
    claims = _claims({"doc": "a.txt", "year": 2023, "value": 2e10, "qualifier": "over", "figure": "over USD 20 billion"},
                     {"doc": "a.txt", "year": 2024, "value": 1e10, "qualifier": "under"},
                     {"doc": "b.txt", "year": 2024, "value": 3.945e9, "qualifier": "range", "low": 2.21e9,
                      "high": 5.68e9, "figure": "USD 2.21-5.68 billion"})
    points = _marks(market_chart(claims, "widgets", set()))
    assert [p["shape"] for p in points] == ["over", "under", "dot"]
    over = points[0]
    assert over["text"] == "over USD 20B" and "“over USD 20 billion”" in over["title"]
    ranged = points[2]
    assert ranged["bar"]["y1"] > ranged["y"] > ranged["bar"]["y2"]  # low below the middle, high above
    assert ranged["text"] == "USD 2.21B–USD 5.68B"


def test_documents_are_named_by_title_with_the_path_in_the_tooltip():
    claims = _claims({"doc": "/long/path/a.txt", "year": 2023, "value": 1e9, "line": 4},
                     {"doc": "/long/path/a.txt", "year": 2025, "value": 2e9})
    chart = market_chart(claims, "widgets", set(), labels={"/long/path/a.txt": "Widget Outlook (Acme)"})
    assert chart["series"][0]["points"][0]["title"].startswith("Widget Outlook (Acme) — /long/path/a.txt:4")


def test_a_market_without_a_chart_says_why():
    one = _claims({"doc": "a.txt", "year": 2023, "value": 1e9})
    assert market_chart(one, "widgets", set()) is None
    assert "fewer than two dated global market sizes" in no_chart_reason(one, "widgets")
    undated = _claims({"doc": "a.txt", "year": pd.NA, "value": 1e9})
    assert "no document gives a dated global market size" in no_chart_reason(undated, "widgets")
    projected = _claims({"doc": "a.txt", "year": 2023, "value": 1e9},
                        {"doc": "a.txt", "metric": "cagr", "unit": "percent", "value": 6.0, "period_start": 2023,
                         "period_end": 2030, "year": pd.NA})
    assert no_chart_reason(projected, "widgets") is None and market_chart(projected, "widgets", set())


def test_a_company_chart_draws_the_reference_facts_as_their_own_series():
    from reconcile.report.chart import REFERENCE_COLOR, company_chart

    figures = _claims({"doc": "a.md", "value": 81.3e9, "year": 2022, "scope": "Pfizer", "metric": "revenue"})
    reference = _claims({"doc": "rules/reference/c.csv", "value": 100.33e9, "year": 2022, "doc_title": "10-K 2022",
                         "kind": "actual", "line": 4},
                        {"doc": "rules/reference/c.csv", "value": 81.288e9, "year": 2021, "doc_title": "10-K 2022",
                         "kind": "actual", "line": 5})
    chart = company_chart(figures, reference, company="Pfizer", measure="revenue", subject="drugs", cited={"c0"})
    document, ref = chart["series"]
    assert not document["reference"] and [p["shape"] for p in document["points"]] == ["dot"]
    assert ref["reference"] and ref["color"] == REFERENCE_COLOR and [p["shape"] for p in ref["points"]] == ["diamond"] * 2
    assert [p["year"] for p in ref["points"]] == [2021, 2022] and ref["path"]  # the reference's years joined
    assert "10-K 2022" in ref["points"][0]["title"] and "rules/reference/c.csv:5" in ref["points"][0]["title"]
    assert chart["title"].startswith("Pfizer: revenue, USD")
    top, bottom = chart["top"] + INSET, chart["bottom"] - INSET
    assert all(top - 0.5 <= p["y"] <= bottom + 0.5 for p in _marks(chart))
    assert company_chart(figures, reference.iloc[:0], company="Pfizer", measure="revenue", subject="drugs",
                         cited=set()) is None
