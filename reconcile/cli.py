"""The command line: a thin shell over the Python API. Only this module prints or exits."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import pandas as pd
import typer

from . import __version__
from .config import load_settings
from .corpus import Extraction, extract_corpus
from .errors import ReconcileError
from .normalize import claims_frame
from .output import format_for, write_table

EXIT_OK, EXIT_FINDINGS, EXIT_INCOMPLETE = 0, 1, 2
DEFAULT_SOURCES = "sources"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Reconcile market documents: extract every quantitative claim and flag contradictions.",
)


def _err(message: str) -> None:
    typer.echo(message, err=True)


def fail(message: str) -> typer.Exit:
    _err(f"reconcile: error: {message}")
    return typer.Exit(EXIT_INCOMPLETE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """reconcile: source reconciliation and fact-checking for market reports."""


def _paths(paths: Optional[List[str]]) -> list[str]:
    if paths:
        return list(paths)
    if not Path(DEFAULT_SOURCES).is_dir():
        raise fail(f"no paths given and no ./{DEFAULT_SOURCES} folder here")
    return [DEFAULT_SOURCES]


def run_extraction(paths: Optional[List[str]], rules: Optional[str], jobs: Optional[int]) -> Extraction:
    try:
        settings = load_settings(rules)
        return extract_corpus(_paths(paths), settings, jobs=jobs)
    except ReconcileError as exc:
        raise fail(str(exc)) from None


def report_inputs(result: Extraction, *, quiet: bool = False) -> None:
    """Tell the user, on stderr, about every input that was not read cleanly."""
    for s in result.inputs:
        if s.status == "error":
            _err(f"reconcile: {s.doc}: not read: {s.message}")
        elif s.status in ("empty", "skipped"):
            _err(f"reconcile: {s.doc}: {s.status}: {s.message}")
        for w in s.warnings:
            _err(f"reconcile: {s.doc}: warning: {w}")
    if not quiet:
        counts = pd.Series([s.status for s in result.inputs]).value_counts().sort_index()
        detail = ", ".join(f"{n} {k}" for k, n in counts.items())
        _err(f"reconcile: {len(result.inputs)} input files ({detail}); {len(result.claims)} claims")


def _inputs_path(output: str) -> str:
    p = Path(output)
    suffix = ".json" if p.suffix.lower() == ".json" else ".csv"
    return str(p.with_name(p.stem + ".inputs" + suffix))


@app.command()
def extract(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders to read (default: sources/)."),
    output: str = typer.Option("output/claims.csv", "-o", "--output", help="Claims file: .csv, .json or .parquet; '-' for CSV on stdout."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Folder of rule settings and domain data (default: ./rules)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only print problems."),
) -> None:
    """Extract every quantitative claim into one normalized claims table.

    Next to a claims file, FILE.inputs.csv (or .json) lists every input file with its
    status. Exit 0 when every input was read, 2 when one could not be.
    """
    try:
        format_for(output)
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    result = run_extraction(paths, rules, jobs)
    report_inputs(result, quiet=quiet)
    frame = claims_frame(result.claims)
    try:
        write_table(frame, output)
        if output != "-":
            inputs = pd.DataFrame([s.as_dict() for s in result.inputs])
            if "warnings" in inputs:
                inputs["warnings"] = inputs["warnings"].map(lambda w: "; ".join(w))
            write_table(inputs, _inputs_path(output))
            if not quiet:
                _err(f"reconcile: wrote {output} and {_inputs_path(output)}")
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(EXIT_INCOMPLETE if result.incomplete else EXIT_OK)


def run() -> None:  # console-script entry point
    try:
        app()
    except KeyboardInterrupt:
        _err("reconcile: interrupted")
        sys.exit(EXIT_INCOMPLETE)


if __name__ == "__main__":
    run()
