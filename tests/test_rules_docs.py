"""Every rule is documented, registered once, and configurable."""

from __future__ import annotations

import re
import tomllib
from importlib import resources

import pytest

from reconcile.rules import RULES, find_rule

DEFAULTS = tomllib.loads(resources.files("reconcile").joinpath("data", "settings.toml").read_text("utf-8"))


def test_codes_and_names_are_unique_and_well_formed():
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    for rule in RULES:
        assert re.fullmatch(r"RC\d{3}", rule.code)
        assert re.fullmatch(r"[a-z]+\.[a-z_]+", rule.name)
        assert rule.severity in ("error", "warning", "info")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_documentation(rule):
    doc = rule.doc()
    assert rule.summary() and rule.summary().endswith(".")
    assert "Contradiction\n-------------" in doc and "Consistent\n----------" in doc
    module = rule.__module__.rsplit(".", 1)[1]
    assert module.startswith(rule.code + "_") and module.endswith(rule.name.replace(".", "_"))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_defaults_live_in_the_settings_file(rule):
    opts = DEFAULTS["rules"][rule.code]
    assert opts["severity"] == rule.severity and opts["enabled"] is True


def test_find_rule_by_code_or_name():
    assert find_rule("rc101").name == "cagr.arithmetic"
    assert find_rule("value.conflict").code == "RC201"
    assert find_rule("nope") is None
