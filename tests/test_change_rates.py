"""RC104 on a change and the level it reached, end to end: from the sentence to the finding."""

from __future__ import annotations

import pytest

from reconcile.check import check_corpus

HEAD = "Northwind Corp. today announced results for fiscal 2026.\n\n"


def _rc104(tmp_path, sentence: str) -> list[str]:
    path = tmp_path / "release.md"
    path.write_text(HEAD + sentence + "\n", "utf-8")
    return [f.message for f in check_corpus([str(path)], jobs=1, select=["RC104"]).findings]


@pytest.mark.parametrize("sentence", [
    "Revenue rose by $12.0 million to $150.0 million in fiscal 2026, an increase of 9.5%.",
    "Net income fell by $3.1 million to $20.4 million in fiscal 2026, a decrease of 15.2%.",
])
def test_a_rate_the_change_and_level_do_not_give_is_reported(tmp_path, sentence):
    found = _rc104(tmp_path, sentence)
    assert len(found) == 1 and "before, so the growth is" in found[0]


@pytest.mark.parametrize("sentence", [
    "Revenue rose by $12.0 million to $150.0 million in fiscal 2026, an increase of 8.7%.",
    "Net income fell by $3.1 million to $20.4 million in fiscal 2026, a decrease of 13.2%.",
    "Revenue rose by about $5 million to $50 million in fiscal 2026, up 11%.",
    # the rate is another measure's, another clause's or another comparison's
    "Revenue rose by $5 million to $50 million in fiscal 2026, and net income increased 30%.",
    "Revenue increased $5 million and profit was $50 million in fiscal 2026, up 20%.",
    "Revenue rose by $5 million to $50 million from the prior quarter, and 20% from a year earlier.",
    "Revenue rose by $5 million to $50 million in fiscal 2026, while unit volume grew 2%.",
    "Operating income fell by $8 million to a loss of $3 million in fiscal 2026, a decline of 160%.",
])
def test_a_rate_that_fits_or_is_not_the_changes_is_not(tmp_path, sentence):
    assert _rc104(tmp_path, sentence) == []
