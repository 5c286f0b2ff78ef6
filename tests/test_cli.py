"""The command line, through typer's CliRunner."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from typer.testing import CliRunner

from reconcile.cli import app
from reconcile.extract import COLUMNS
from seeds import SEED_CLAIMS

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["extract"], ["check"], ["rules"], ["explain"]])
def test_every_command_has_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_extract_csv_json_parquet_agree(tmp_path):
    frames = {}
    for suffix in ("csv", "json", "parquet"):
        out = tmp_path / f"claims.{suffix}"
        result = runner.invoke(app, ["extract", "sources", "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
        if suffix == "csv":
            frames[suffix] = pd.read_csv(out)
        elif suffix == "json":
            rows = json.loads(out.read_text("utf-8"))
            assert isinstance(rows, list) and list(rows[0]) == COLUMNS
            frames[suffix] = pd.DataFrame(rows)
        else:
            frames[suffix] = pd.read_parquet(out)
    for frame in frames.values():
        assert list(frame.columns) == COLUMNS
        assert len(frame) == SEED_CLAIMS
        assert sorted(frame.claim_id) == sorted(frames["csv"].claim_id)
    inputs = pd.read_csv(tmp_path / "claims.inputs.csv")
    assert sorted(inputs.doc.str.split("/").str[-1].str[:3]) == ["000", "001", "002", "003"]
    assert set(inputs.status) == {"ok"}
    assert dict(zip(inputs.doc.str.split("/").str[-1].str[:3], inputs.claims)) == {"000": 0, "001": 26, "002": 37, "003": 0}  # figures, words and list items


def test_extract_to_stdout_is_clean_csv():
    result = runner.invoke(app, ["extract", "sources", "-o", "-", "-q"])
    assert result.exit_code == 0
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert len(frame) == SEED_CLAIMS and list(frame.columns) == COLUMNS


def test_unknown_output_format_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", "sources", "-o", str(tmp_path / "claims.xlsx")])
    assert result.exit_code == 2
    assert "unknown output format" in result.output


def test_broken_rules_file_is_reported_with_its_path(tmp_path):
    (tmp_path / "regions.toml").write_text("[regions\nbroken", "utf-8")
    result = runner.invoke(app, ["extract", "sources", "--rules", str(tmp_path), "-o", "-"])
    assert result.exit_code == 2
    assert "regions.toml" in result.output and "not valid TOML" in result.output
    assert "Traceback" not in result.output


def test_rules_folder_extends_region_aliases(tmp_path):
    (tmp_path / "regions.toml").write_text('[regions."North America"]\naliases = ["Norteamerica"]\n', "utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text("The widget market in Norteamerica was valued at USD 5 billion in 2023.", "utf-8")
    result = runner.invoke(app, ["extract", str(doc), "--rules", str(tmp_path), "-o", "-", "-q"])
    frame = pd.read_csv(io.StringIO(result.stdout))
    assert list(frame.scope) == ["North America"]


def test_the_engine_help_names_the_extra_to_install():
    # rich markup would read "[dask]" as a style and drop it: the help must show it
    result = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "240"})
    assert "reconcile-claims[dask]" in result.output
