"""Country names (pycountry and countries.toml) and the check of countries.toml."""

from __future__ import annotations

import pytest

from reconcile.config import load_settings
from reconcile.countries import CountryTable
from reconcile.errors import ConfigError
from reconcile.regions import RegionTable
from reconcile.rules.geography import split_run_together


@pytest.fixture(scope="module")
def countries(settings):
    return CountryTable(settings.countries, RegionTable(settings.regions))


@pytest.mark.parametrize("written, name", [
    ("Korea", "South Korea"), ("South Korea", "South Korea"), ("Republic of Korea", "South Korea"),
    ("UAE", "United Arab Emirates"), ("U.K.", "United Kingdom"), ("Russia", "Russia"),
    ("Russian Federation", "Russia"), ("Türkiye", "Turkey"), ("Vietnam", "Vietnam"), ("Viet Nam", "Vietnam"),
    ("Iran", "Iran"), ("China Taiwan", "Taiwan"), ("Côte d'Ivoire", "Côte d'Ivoire"),
    ("Cote d'Ivoire", "Côte d'Ivoire"), ("the Netherlands", "Netherlands"), ("Bosnia & Herzegovina",
    "Bosnia and Herzegovina"), ("Guinea Bissau", "Guinea-Bissau"), ("USA", "United States"), ("IN", "India"),
])
def test_names_codes_and_everyday_spellings(countries, written, name):
    assert countries.lookup(written).name == name


@pytest.mark.parametrize("written", ["Saudi", "Arabia", "Korea Republic", "Argentina Korea", "in", "usa",
                                     "Others", "Rest of Europe", "America", "Europe"])
def test_lookups_are_exact_never_fuzzy(countries, written):
    assert countries.lookup(written) is None


def test_world_areas_and_their_region_names(countries):
    assert countries.lookup("Korea").areas == {"asia_pacific"}
    assert countries.lookup("Mexico").areas == {"north_america", "latin_america"}
    assert countries.area_label(countries.lookup("Turkey").areas) == "Europe or Middle East"


def test_run_together_names(countries):
    assert [(w, c.name) for w, c in split_run_together("Argentina Korea", countries)] == [
        ("Argentina", "Argentina"), ("Korea", "South Korea")]
    assert [c.name for _, c in split_run_together("United States Canada", countries)] == ["United States", "Canada"]
    for one in ("South Africa", "Papua New Guinea", "Saudi", "Korea Korea", "New Guinea Pacific", "China Hong Kong"):
        assert split_run_together(one, countries) == []


def test_a_project_may_add_a_spelling_and_an_area(tmp_path):
    (tmp_path / "countries.toml").write_text('[areas]\nRUS = ["asia_pacific"]\n[aliases]\n"Rossiya" = "RUS"\n', "utf-8")
    settings = load_settings(tmp_path)
    table = CountryTable(settings.countries, RegionTable(settings.regions))
    assert table.lookup("Rossiya").areas == {"europe", "asia_pacific"}
    assert table.lookup("Korea").name == "South Korea"  # the built-in entries stay


@pytest.mark.parametrize("text, words", [
    ('[areas]\nKorea = ["asia_pacific"]\n', ['[areas] "Korea"', "alpha-3 code"]),
    ('[areas]\nKOR = ["asia"]\n', ['[areas] KOR', '"asia" is not a world area']),
    ('[areas]\nKOR = "asia_pacific"\n', ['[areas] KOR = "asia_pacific"', "a list of world areas"]),
    ('[aliases]\n"Corea" = "XYZ"\n', ['[aliases] Corea = "XYZ"', "no such country in [areas]"]),
    ('[country]\nKOR = 1\n', ["unknown table [country]"]),
])
def test_a_bad_countries_file_names_the_file_and_the_key(tmp_path, text, words):
    (tmp_path / "countries.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path)
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'countries.toml'}: ")
    for w in words:
        assert w in message
