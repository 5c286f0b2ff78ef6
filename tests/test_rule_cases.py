"""Every rule's test cases, as data: tests/rules/cases/<CODE>.toml, one parametrized test.

Each case is a small claims table and the number of findings the rule must produce
(0 for a consistent case), plus words its message must contain.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

import pytest

from claimrows import claims_table
from reconcile.check import run_rules
from reconcile.rules import RULES

CASES_DIR = Path(__file__).parent / "rules" / "cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.toml")):
        spec = tomllib.loads(path.read_text("utf-8"))
        for case in spec["cases"]:
            yield pytest.param(spec["rule"], case, id=f"{spec['rule']}: {case['name']}")


@pytest.mark.parametrize("code, case", list(_load_cases()))
def test_rule_case(settings, code, case):
    if "rates" in case:
        settings = dataclasses.replace(settings, rates=case["rates"])
    if "measures" in case:  # a case that turns on more measures for its rule
        rules = dict(settings.settings.get("rules", {}))
        rules[code] = dict(rules.get(code, {}), measures=case["measures"])
        settings = dataclasses.replace(settings, settings=dict(settings.settings, rules=rules))
    findings = run_rules(claims_table(case["claims"]), settings, select=[code])
    assert len(findings) == case["expect"], [f.message for f in findings]
    for f in findings:
        assert f.rule == code
        for word in case.get("contains", []):
            assert word in f.message, f"{word!r} not in: {f.message}"
        # every finding cites claims with their file and line
        assert f.claims and all(c["doc"] and c["line"] for c in f.claims)


def test_every_rule_has_contradicting_and_consistent_cases():
    seen = {}
    for path in CASES_DIR.glob("*.toml"):
        spec = tomllib.loads(path.read_text("utf-8"))
        seen[spec["rule"]] = {bool(c["expect"]) for c in spec["cases"]}
    for rule in RULES:
        assert seen.get(rule.code) == {True, False}, f"{rule.code} needs both kinds of case"
