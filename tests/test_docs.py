"""The README documents the command line, as sqlite-utils' test_docs.py checks its docs:
every command and its options, every rule code (with the anchor SARIF links to), and
every command has --help."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.report.sarif import rule_anchor
from reconcile.rules import RULES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
COMMANDS = typer.main.get_command(app).commands
runner = CliRunner()


def test_the_commands_are_known():
    assert {"extract", "check", "baseline", "rules", "explain", "init"} <= set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command):
    assert f"reconcile {command}" in README


@pytest.mark.parametrize("command", [None, *sorted(COMMANDS)])
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"] if command else ["--help"])
    assert result.exit_code == 0 and "Usage" in result.output
    if command:
        assert (COMMANDS[command].help or "").strip(), f"{command} has no docstring"
        for param in COMMANDS[command].params:
            if param.param_type_name == "option":
                assert (param.help or "").strip(), f"{command} {param.opts[0]} has no help"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_long_option_is_in_the_readme(command):
    missing = [o for p in COMMANDS[command].params for o in p.opts if o.startswith("--") and o not in README]
    assert not missing, f"reconcile {command}: {missing} not in README.md"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_in_the_readme_with_its_anchor(rule):
    assert f"| {rule.code} | `{rule.name}` |" in README.replace(f'<a id="{rule_anchor(rule)}"></a>', "")
    assert f'<a id="{rule_anchor(rule)}"></a>{rule.code}' in README  # where SARIF's helpUri points
