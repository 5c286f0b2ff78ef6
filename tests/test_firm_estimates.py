"""Two research firms' estimates of one market stand each on their own base: one firm's rate is
not checked against the other firm's values over other years (RC102), nor one firm's growth
rate against the other's earlier value (RC104), and a firm whose own series rises is a lower
estimate, not a fall (RC303). A firm that gives no earlier year of its own is still reported
when its figure falls below the others'."""

from __future__ import annotations

from reconcile.check import check_corpus

FIRST = """# Tidal Sensor Market Report, 2025-2033

**Alderney Insights** | Published: June 2025

According to Alderney Insights, the global tidal sensor market was valued at USD 142.6 million in 2024
and is expected to grow from USD 176.9 million in 2025 to USD 1,074.8 million by 2033, exhibiting a CAGR of
25.3% during the forecast period (2025-2033).

- Asia Pacific is anticipated to grow at the fastest CAGR of 28.9% from 2025 to 2033.
"""

SECOND = """# Tidal Sensor Market Outlook

**Brecon Analytics** | Published: July 2025

Brecon Analytics values the global tidal sensor market at USD 120.0 million in 2024, rising to USD 135.0 million
in 2025, a year-on-year growth of 12.5%.

| Region (USD million) | 2024 | 2032 |
|---|---:|---:|
| Asia Pacific | 47.9 | 322.4 |
| Europe | 30.0 | 150.0 |
"""


def _rules(tmp_path, settings, *docs):
    for i, text in enumerate(docs):
        (tmp_path / f"{i:02d}.md").write_text(text, "utf-8")
    return [f for f in check_corpus([str(tmp_path)], settings).findings if f.severity != "info"]


def test_two_firms_figures_are_each_their_own_estimate(tmp_path, settings):
    found = _rules(tmp_path, settings, FIRST, SECOND)
    # Brecon's 2024-2032 values imply 26.9% for Asia Pacific: no check of Alderney's 2025-2033 28.9%;
    # Brecon's 2025 below Alderney's 2024 while Brecon's own series rises: a lower base
    assert not [f for f in found if f.rule in ("RC102", "RC104", "RC303")], [f.message for f in found]


THIRD = """# Tidal Sensor Market Brief

**Corran Research** | Published: August 2025

Corran Research sizes the global tidal sensor market at USD 101.0 million in 2026, growing at a CAGR of 20.0%
to 2033.
"""


def test_a_firm_with_no_earlier_year_of_its_own_is_still_reported_below_the_others(tmp_path, settings):
    found = _rules(tmp_path, settings, FIRST, THIRD)
    (fall,) = [f for f in found if f.rule == "RC303"]
    assert "USD 101M" in fall.message and "USD 142.6M" in fall.message


def test_two_firms_sizes_of_a_market_differ_by_more_than_rounding(tmp_path, settings):
    low = SECOND.replace("USD 120.0 million in 2024", "USD 130.0 million in 2024")  # 9% under Alderney's 142.6
    found = _rules(tmp_path, settings, FIRST, low)
    assert not [f for f in found if f.rule in ("RC201", "RC302")], [f.message for f in found]
