"""A fact's row behaves as the dict it replaces (it only takes less memory)."""

from __future__ import annotations

import pytest

import copy

from reconcile.rules.facts import _records
from reconcile.rules.rows import Row
from claimrows import claims_table


def test_a_row_reads_writes_and_copies_like_a_dict():
    rows = _records(claims_table([{"metric": "market_size", "value": 5e9, "year": 2024}]))
    row = rows[0]
    assert isinstance(row, Row) and row["metric"] == "market_size" and row.get("year") == 2024
    # what the facts add later is absent until set, as in a dict
    assert "calendar" not in row and row.get("calendar", "x") == "x" and "calendar" not in dict(row)
    with pytest.raises(KeyError):
        row["calendar"]
    row["calendar"] = ""
    assert row["calendar"] == "" and "calendar" in dict(row)
    assert row.setdefault("part_of_year", "H1") == "H1" and row.setdefault("part_of_year", "H2") == "H1"
    assert row.get("no such column") is None and row.get("no such column", 3) == 3
    copied = {**row, "accounting": "adjusted"}
    assert copied["accounting"] == "adjusted" and row["accounting"] == "reported"
    assert dict(row, unit="EUR")["unit"] == "EUR" and row["unit"] == "USD"
    assert len(row) == len(dict(row)) and list(row) == list(dict(row))
    row["not a column"] = 1  # a new key is kept beside the columns, as a dict keeps it
    assert row["not a column"] == 1 and "not a column" in row and dict(row)["not a column"] == 1
    twin = copy.copy(row)
    twin["unit"] = "GBP"
    twin["another"] = 2
    assert row["unit"] == "USD" and "another" not in row  # a copy is its own
    assert row.copy() == dict(row)
