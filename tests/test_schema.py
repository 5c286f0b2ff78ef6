"""Every settings and data file is checked against its shape when it is loaded.

The bad files here are the fuzzing run's reproducers: each once crashed with a traceback
or was silently accepted; each must now be a ConfigError naming the file and the key.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reconcile.baseline import load_baseline
from reconcile.cli import app
from reconcile.config import DATA_FILES, load_settings
from reconcile.errors import ConfigError
from reconcile.waivers import load_waivers

runner = CliRunner()
DEEP = "x = " + "[" * 100000 + "\n"
WAIVER = 'reason = "checked"\nowner = "desk@example.com"\n'


def load_error(tmp_path, stem: str, text: str) -> str:
    (tmp_path / f"{stem}.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(tmp_path)
    assert err.value.path == str(tmp_path / f"{stem}.toml")
    return str(err.value)


BAD_FILES = [
    # settings.toml: each of these crashed where it was read
    ("settings", "check = 5\n", ["check = 5", "expected a table"]),
    ("settings", "bands = 5\n", ["bands = 5", "expected a table"]),
    ("settings", "subjects = 5\n", ["subjects = 5", "expected a table"]),
    ("settings", '[subjects]\nfuzzy_cutoff = "abc"\n', ["[subjects] fuzzy_cutoff", "from 0 to 100"]),
    ("settings", "[subjects]\nfuzzy_cutoff = nan\n", ["[subjects] fuzzy_cutoff = nan", "from 0 to 100"]),
    ("settings", "[subjects]\nfuzzy_cutoff = -5\n", ["[subjects] fuzzy_cutoff = -5"]),
    ("settings", "[bands]\napprox = -0.1\n", ["[bands] approx = -0.1", "fraction"]),
    ("settings", "[sources]\ncopy_similarity = nan\n", ["[sources] copy_similarity", "fraction"]),
    ("settings", '[check]\nfail_on = "sometimes"\n', ["[check] fail_on", '"never"']),
    ("settings", "[rules.RC101]\ntolerance_pp = -0.5\n", ["[rules.RC101] tolerance_pp = -0.5", "0 or more"]),
    ("settings", "[rules.RC301]\ntolerance = nan\n", ["[rules.RC301] tolerance = nan"]),
    ("settings", "[rules.RC101]\nendpoint_slack_years = 1.5\n", ["endpoint_slack_years", "whole number"]),
    ("settings", '[rules.RC302]\ngrowth_without_cagr = ["low", "high"]\n', ["growth_without_cagr", "2 numbers"]),
    ("settings", "[rules.RC101]\nenabled = 1\n", ["[rules.RC101] enabled = 1", "true or false"]),
    ("settings", "rules = 5\n", ["rules = 5", "[rules.CODE]"]),
    ("settings", "[rules]\nRC101 = 5\n", ["[rules] RC101 = 5", "expected a table"]),
    ("settings", "[bandz]\napprox = 0.2\n", ["unknown table [bandz]", "bands"]),
    ("settings", "[bands]\naprox = 0.2\n", ["[bands] unknown key aprox", "approx"]),
    # units.toml
    ("units", '[scales]\nbillion = "lots"\n', ['[scales] billion = "lots": expected a positive number']),
    ("units", "[scales]\nbillion = 0\n", ["[scales] billion = 0"]),
    ("units", '[scales]\n"per cent" = 100\n', ['[scales] "per cent"', "name of letters"]),
    ("units", "[currencies.USD]\nprefix = 5\n", ["[currencies.USD] prefix = 5", "list of words"]),
    ("units", "currencies = 5\n", ["currencies = 5", "expected a table"]),
    ("units", '[currencies."US D"]\nprefix = ["USD"]\n', ['[currencies] "US D"']),
    # regions.toml
    ("regions", '[regions."Asia Pacific"]\naliases = 5\n', ['[regions."Asia Pacific"] aliases = 5', "list"]),
    ("regions", '[regions.Mars]\naliases = [""]\n', ['[regions.Mars] aliases = [""]', "non-empty"]),
    ("regions", '[regions.Mars]\ntype = "planet"\n', ['[regions.Mars] type = "planet"', '"country"']),
    ("regions", '[regions.Mars]\ncovers = ["mars"]\n', ['[regions.Mars] covers "mars"', "[world] areas"]),
    ("regions", '[regions.Mars]\nparent = "Solar System"\n', ['[regions.Mars] parent = "Solar System"']),
    ("regions", "regions = 5\n", ["regions = 5"]),
    ("regions", '[world]\nareas = "europe"\n', ['[world] areas = "europe"']),
    # segments.toml
    ("segments", '[dimensions]\nflavour = "sweet"\n', ['[dimensions] flavour = "sweet"', "list of words"]),
    ("segments", "[aliases]\nclinics = 5\n", ["[aliases] clinics = 5", "segment label"]),
    ("segments", "dimensions = [1, 2]\n", ["dimensions = [1, 2]", "expected a table"]),
    ("segments", "[dimension]\nflavour = []\n", ["unknown table [dimension]"]),
    # extract.toml
    ("extract", '[qualifiers]\napprox = "about"\n', ['[qualifiers] approx = "about"', "list of words"]),
    ("extract", "metrics = 5\n", ["metrics = 5", "expected a table"]),
    ("extract", '[metrics]\ncagr = [5]\n', ["[metrics] cagr = [5]"]),
    ("extract", '[periods.partial_year]\nQ1 = "first quarter"\n', ['[periods.partial_year] Q1 = "first quarter"']),
    ("extract", '[qualifiers]\naprox = ["roughly"]\n', ["[qualifiers] unknown key aprox", "approx"]),
    # measures.toml
    ("measures", '[measures.ebitda]\nfamily = 5\n', ["[measures.ebitda] family = 5"]),
    ("measures", '[measures.ebitda]\nadditive = "no"\n', ['[measures.ebitda] additive = "no"', "true or false"]),
    ("measures", '[measures.ebitda]\nunits = ["dollars"]\n', ['[measures.ebitda] units = ["dollars"]', '"money"']),
    ("measures", '[margins.pretax]\ncues = ["pretax margin"]\n', ["[margins.pretax] has no key of"]),
    ("measures", "[rates.inflation]\ncues = []\n", ["[rates.inflation] cues = []", "at least one word"]),
    ("measures", '[basis]\n"year over year" = ["y/y"]\n', ['[basis] "year over year"', "name of letters"]),
    # rates.toml
    ("rates", 'base = "USD"\n[years.2024]\nEUR = inf\n', ["[years.2024] EUR = inf", "positive number"]),
    ("rates", 'base = "USD"\n[years.2024]\nEUR = -1.08\n', ["[years.2024] EUR = -1.08"]),
    ("rates", 'base = "USD"\n[years.2024]\nEUR = "1.08"\n', ['[years.2024] EUR = "1.08"']),
    ("rates", 'base = "USD"\nyears = 5\n', ["years = 5", "expected a table"]),
    ("rates", 'base = "USD"\n[years.recent]\nEUR = 1.08\n', ['[years] "recent"', "a year like 2024"]),
    ("rates", "base = 5\n", ["base = 5", "currency code"]),
    ("rates", "[years.2024]\nEUR = 1.08\n", ['rates need a base currency: base = "USD"']),
]


@pytest.mark.parametrize("stem, text, words", BAD_FILES, ids=[f"{s}: {t.strip()}" for s, t, _ in BAD_FILES])
def test_a_bad_value_names_the_file_and_key(tmp_path, stem, text, words):
    message = load_error(tmp_path, stem, text)
    assert message.startswith(f"{tmp_path / stem}.toml: ")
    for w in words:
        assert w in message


def test_the_message_quotes_the_value_as_written(tmp_path):
    message = load_error(tmp_path, "units", '[scales]\nbillion = "lots"\n')
    assert message == f'{tmp_path / "units.toml"}: [scales] billion = "lots": expected a positive number (the factor)'


def test_a_string_of_aliases_is_not_split_into_letters(tmp_path):
    # It used to scope any sentence with an "A" or a "P" in it to the region.
    message = load_error(tmp_path, "regions", '[regions.APAC2]\naliases = "APAC2"\n')
    assert '[regions.APAC2] aliases = "APAC2": expected a list of words' in message


@pytest.mark.parametrize("stem", DATA_FILES)
def test_deeply_nested_toml_is_reported_not_a_recursion_error(tmp_path, stem):
    assert "not valid TOML (nested too deeply)" in load_error(tmp_path, stem, DEEP)


@pytest.mark.parametrize("stem, text", [
    ("regions", '[regions."Asia Pacific"]\naliases = ["Asia-Pac"]\n[regions.Atlantis]\naliases = ["Atlantean"]\n'),
    ("segments", '[dimensions]\nflavour = ["flavour", "flavours"]\n[aliases]\n"dark choc" = "dark chocolate"\n'),
    ("measures", '[margins.gross]\ncues = ["gm"]\n[measures.ebitda]\nfamily = "other"\nunits = ["money"]\n'),
    ("rates", 'base = "USD"\n[years.2024]\nEUR = 1.08\nGBP = 1.27\n'),
    ("units", "[scales]\nmillions = 1e6\n[currencies.BTC]\nprefix = [\"₿\"]\n"),
    ("settings", "[rules.RC101]\ntolerance_pp = 1\n[sources]\ncopy_similarity = 1.01\n"),
])
def test_good_overlays_are_accepted(tmp_path, stem, text):
    (tmp_path / f"{stem}.toml").write_text(text, "utf-8")
    assert str(tmp_path / f"{stem}.toml") in load_settings(tmp_path).sources


def test_the_built_in_defaults_and_the_project_rules_fit_their_shapes():
    assert load_settings(use_cwd=False).rules_dir is None
    assert load_settings("rules").sources


# -- the CLI reports them all as a configuration error (exit 2), never a traceback ---------------

@pytest.mark.parametrize("stem, text, words", [
    ("settings", "check = 5\n", ["settings.toml", "check = 5"]),
    ("units", '[scales]\nbillion = "lots"\n', ["units.toml", "[scales] billion"]),
    ("regions", "[regions.Mars]\naliases = 5\n", ["regions.toml", "[regions.Mars] aliases"]),
    ("rates", 'base = "USD"\n[years.2024]\nEUR = inf\n', ["rates.toml", "[years.2024] EUR"]),
    ("extract", DEEP, ["extract.toml", "nested too deeply"]),
])
@pytest.mark.parametrize("command", ["check", "extract"])
def test_cli_exits_2_naming_the_file_and_key(tmp_path, stem, text, words, command):
    (tmp_path / f"{stem}.toml").write_text(text, "utf-8")
    result = runner.invoke(app, [command, "sources", "--rules", str(tmp_path), "-o", "-"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    for w in words:
        assert w in result.stderr


# -- waivers.toml ---------------------------------------------------------------------------------

def waiver_error(tmp_path, text: str) -> str:
    (tmp_path / "waivers.toml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_waivers(tmp_path / "waivers.toml")
    assert str(err.value).startswith(f"{tmp_path / 'waivers.toml'}: ")
    return str(err.value)


@pytest.mark.parametrize("text, words", [
    ('[[waiver]]\nrule = "RC101"\n' + WAIVER + "expires = 2027-01-01T00:00:00\n",
     ["waiver 1: expires = 2027-01-01T00:00:00", "a date like 2027-06-30"]),
    ('[[waiver]]\nrule = "RC101"\n' + WAIVER + "expires = 10:30:00\n", ["waiver 1: expires"]),
    ("[[waiver]]\nrule = 5\n" + WAIVER, ["waiver 1: rule = 5", "string"]),
    ('[[waiver]]\nrule = "RC101"\ndoc = 5\n' + WAIVER, ["waiver 1: doc = 5", "string"]),
    ('[[waiver]]\nrule = "RC101"\n' + WAIVER + '[[waiver]]\nrule = "RC201"\nsubject = ["x"]\n' + WAIVER,
     ['waiver 2: subject = ["x"]']),
    ('[[waiver]]\nrule = "RC101"\nowner = "o"\n', ["waiver 1 has no key reason"]),
    ('[[waiver]]\nrule = "RC101"\nreason = " "\nowner = "o"\n', ['waiver 1: reason = " "']),
    ('[[waiver]]\nrule = "RC101"\nexpiry = 2027-01-01\n' + WAIVER, ["waiver 1: unknown key expiry", "expires"]),
    ('[[waivers]]\nrule = "RC101"\n' + WAIVER, ["unknown key waivers", "waiver"]),
    ("waiver = [5]\n", ["waiver 1: expected a [[waiver]] table"]),
    ("[[waiver]]\n" + WAIVER, ["waiver 1 needs a fingerprint or a rule"]),
    (DEEP, ["not valid TOML (nested too deeply)"]),
])
def test_a_bad_waiver_names_the_file_and_key(tmp_path, text, words):
    message = waiver_error(tmp_path, text)
    for w in words:
        assert w in message


def test_a_waiver_expiring_on_a_date_still_loads(tmp_path):
    (tmp_path / "waivers.toml").write_text('[[waiver]]\nrule = "RC101"\n' + WAIVER + "expires = 2027-01-01\n")
    [w] = load_waivers(tmp_path / "waivers.toml")
    assert w.expires.isoformat() == "2027-01-01" and w.rule == "RC101"


def test_cli_reports_a_datetime_expiry(tmp_path):
    (tmp_path / "waivers.toml").write_text('[[waiver]]\nrule = "RC101"\n' + WAIVER + "expires = 2027-01-01T00:00:00\n")
    result = runner.invoke(app, ["check", "sources", "--waivers", str(tmp_path / "waivers.toml"), "-o", "-"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "waivers.toml: waiver 1: expires" in result.stderr


# -- baseline.json --------------------------------------------------------------------------------

def baseline_error(tmp_path, text: str) -> str:
    (tmp_path / "baseline.json").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_baseline(tmp_path / "baseline.json")
    assert str(err.value).startswith(f"{tmp_path / 'baseline.json'}: ")
    return str(err.value)


@pytest.mark.parametrize("content, words", [
    ({"version": True, "findings": []}, ["version = true", "expected 1"]),  # True == 1 in Python
    ({"version": 1.0, "findings": []}, ["version = 1.0"]),
    ({"version": 2, "findings": []}, ["version = 2"]),
    ({"version": 1}, ["not a reconcile baseline", "findings"]),
    ([1, 2], ["expected a reconcile baseline"]),
    ({"version": 1, "findings": [{"rule": "RC101"}]}, ["baseline entry 1 has no fingerprint"]),
    ({"version": 1, "findings": [{"fingerprint": "RC101-1", "claims": [[1]]}]}, ["baseline entry 1: claims"]),
    ({"version": 1, "findings": [{"fingerprint": "RC101-1", "rule": 101}]}, ["baseline entry 1: rule = 101"]),
    ({"version": 1, "findings": [{"fingerprint": "RC101-1", "count": -1}]}, ["baseline entry 1: count = -1"]),
])
def test_a_bad_baseline_names_the_file_and_key(tmp_path, content, words):
    message = baseline_error(tmp_path, json.dumps(content))
    for w in words:
        assert w in message


def test_deeply_nested_baseline_is_reported_not_a_recursion_error(tmp_path):
    assert "nested too deeply" in baseline_error(tmp_path, "[" * 100000)


def test_cli_reports_a_boolean_baseline_version(tmp_path):
    (tmp_path / "baseline.json").write_text('{"version": true, "findings": []}', "utf-8")
    result = runner.invoke(app, ["check", "sources", "--baseline", str(tmp_path / "baseline.json"), "-o", "-"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "baseline.json: version = true" in result.stderr


def test_a_list_option_in_settings_replaces_the_default(tmp_path):
    (tmp_path / "settings.toml").write_text('[rules.RC302]\ngrowth_without_cagr = [-0.1, 0.5]\n'
                                            '[sources]\nexclude = ["NOTES*"]\n', "utf-8")
    settings = load_settings(tmp_path)
    assert settings.settings["rules"]["RC302"]["growth_without_cagr"] == [-0.1, 0.5]
    assert settings.settings["sources"]["exclude"] == ["NOTES*"]  # README* is then read: the user chose
    (tmp_path / "extract.toml").write_text('[qualifiers]\napprox = ["give or take"]\n', "utf-8")
    approx = load_settings(tmp_path).extract["qualifiers"]["approx"]
    assert "give or take" in approx and "approximately" in approx  # word lists are extended


def test_a_range_option_with_its_ends_swapped_is_an_error(tmp_path):
    (tmp_path / "settings.toml").write_text('[rules.RC302]\ngrowth_without_cagr = [0.6, -0.2]\n', "utf-8")
    with pytest.raises(ConfigError, match=r"\[rules.RC302\] growth_without_cagr = \[0.6, -0.2\]: expected \[low, high\]"):
        load_settings(tmp_path)
