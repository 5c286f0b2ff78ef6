"""Counted nouns: the unit a count is stored in, and how a report writes it."""

import pytest

from reconcile.nouns import plural, singular


@pytest.mark.parametrize("written, unit", [
    ("vacancies", "vacancy"), ("people", "person"), ("persons", "person"), ("businesses", "business"),
    ("licenses", "license"), ("stays", "stay"), ("branches", "branch"), ("boxes", "box"), ("series", "series"),
])
def test_a_counted_noun_is_stored_singular_and_written_plural(written, unit):
    assert singular(written) == unit
    assert plural(unit) == (written if written != "persons" else "people")
