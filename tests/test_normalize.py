"""Market names across documents: spellings of one market merge, different markets never do."""

from __future__ import annotations

from reconcile.normalize import canonical_subjects, same_words


def test_spellings_of_one_market_merge():
    canon = canonical_subjects(["data center", "data center", "data centre", "smart glass", "smart glasses",
                                "cold-chain monitoring", "cold chain monitoring", "cold chain monitoring"])
    assert canon["data centre"] == "data center"
    assert canon["smart glasses"] == "smart glass"
    assert canon["cold-chain monitoring"] == "cold chain monitoring"


def test_a_different_word_is_a_different_market_however_alike_the_strings():
    # 90% alike as strings, so a plain ratio at the default cutoff merged them
    canon = canonical_subjects(["marine plant-based protein", "smart plant-based protein",
                                "smart plant-based protein"])
    assert canon["marine plant-based protein"] == "marine plant-based protein"
    assert not same_words("cloud storage", "cloud storage gateway")
    assert same_words("tire pressure sensor", "tyre pressure sensor")
    assert same_words("coldchain logistics", "cold chain logistics")


def test_scopes_in_another_case_or_number_are_one_within_a_subject():
    from reconcile.normalize import canonical_scopes

    pairs = [("kestria", "food stores"), ("kestria", "food stores"), ("kestria", "Food store"),
             ("kestria", "non-food stores"), ("other", "Food store")]
    canon = canonical_scopes(pairs)
    assert canon == {("kestria", "Food store"): "food stores"}  # the most frequent spelling wins
    # a different word stays a different scope, and another subject's scope is its own
    assert ("kestria", "non-food stores") not in canon and ("other", "Food store") not in canon
