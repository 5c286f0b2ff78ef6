"""The command line: a thin shell over the Python API. Only this module prints or exits."""

from __future__ import annotations

import contextlib
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
from .check import FAIL_ON, check_corpus, rule_options
from .output import folder_lock, format_for, line_text, write_table, write_text_atomic
from .baseline import DEFAULT_PATH as DEFAULT_BASELINE, load_baseline, write_baseline
from .report import DEFAULT_FORMATS, DEFAULT_NAMES, REPORT_FORMATS, render
from .waivers import FILE_NAME as WAIVERS_FILE, load_waivers
from .rules import RULES, find_rule

REPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv", ".sarif": "sarif",
                   ".html": "html", ".htm": "html"}

EXIT_OK, EXIT_FINDINGS, EXIT_INCOMPLETE = 0, 1, 2
DEFAULT_SOURCES = "sources"

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Reconcile market documents: extract every quantitative claim and flag contradictions.",
)


def _err(message: str) -> None:
    # One line each, whatever a file name holds: no newline, escape sequence or bytes
    # that are not UTF-8 reach the terminal or a CI log (where a line starting "::" is
    # a workflow command).
    typer.echo(line_text(message), err=True)


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


EXCLUDE_HELP = ("Glob of files or folders in the folders given that are not sources (repeatable); "
                "README*, LICENSE* and the like are skipped already, and a folder's .reconcileignore adds more.")


def run_extraction(paths: Optional[List[str]], rules: Optional[str], jobs: Optional[int],
                   exclude: Optional[List[str]] = None) -> Extraction:
    try:
        settings = load_settings(rules)
        return extract_corpus(_paths(paths), settings, jobs=jobs, exclude=exclude or [])
    except ReconcileError as exc:
        raise fail(str(exc)) from None


def report_inputs(inputs: list, n_claims: int, *, quiet: bool = False) -> None:
    """Tell the user, on stderr, about every input that was not read cleanly."""
    for s in inputs:
        if s.status == "error":
            _err(f"reconcile: {s.doc}: not read: {s.message}")
        elif s.status in ("empty", "skipped"):
            _err(f"reconcile: {s.doc}: {s.status}: {s.message}")
        for w in s.warnings:
            _err(f"reconcile: {s.doc}: warning: {w}")
    if not quiet:
        counts = pd.Series([s.status for s in inputs], dtype="str").value_counts().sort_index()
        detail = ", ".join(f"{n} {k}" for k, n in counts.items())
        _err(f"reconcile: {len(inputs)} input files ({detail}); {n_claims} claims")


CSV_RAW_HELP = ("Write CSV text cells exactly as extracted, for programs that read them. By default a cell "
                "starting with = + - @ gets a leading apostrophe so a spreadsheet shows it rather than runs it.")


@contextlib.contextmanager
def _locked(paths: list[str]):
    """Hold the lock of every folder written to, so concurrent runs write whole sets."""
    with contextlib.ExitStack() as stack:
        for folder in sorted({str(Path(p).parent) for p in paths if p != "-"}):
            stack.enter_context(folder_lock(folder, on_wait=lambda lock: _err(f"reconcile: waiting for {lock} "
                                                                               "(another run is writing there)")))
        yield


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
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help=EXCLUDE_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only print problems."),
    csv_raw: bool = typer.Option(False, "--csv-raw", help=CSV_RAW_HELP),
) -> None:
    """Extract every quantitative claim into one normalized claims table.

    Next to a claims file, FILE.inputs.csv (or .json) lists every input file with its
    status. Exit 0 when every input was read, 2 when one could not be. While writing, the
    output folder's .reconcile.lock is held, so concurrent runs write whole sets.
    """
    try:
        format_for(output)
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    result = run_extraction(paths, rules, jobs, exclude)
    report_inputs(result.inputs, len(result.claims), quiet=quiet)
    frame = claims_frame(result.claims)
    try:
        with _locked([output]):
            write_table(frame, output, escape_formulas=not csv_raw)
            if output != "-":
                inputs = pd.DataFrame([s.as_dict() for s in result.inputs])
                if "warnings" in inputs:
                    inputs["warnings"] = inputs["warnings"].map(lambda w: "; ".join(w))
                write_table(inputs, _inputs_path(output), escape_formulas=not csv_raw)
        if output != "-" and not quiet:
            _err(f"reconcile: wrote {output} and {_inputs_path(output)}")
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(EXIT_INCOMPLETE if result.incomplete else EXIT_OK)


def _fail_on_default(settings) -> str:
    value = settings.settings.get("check", {}).get("fail_on", "warning")
    if value not in FAIL_ON:
        raise fail(f"settings.toml: [check] fail_on = {value!r}: use one of {', '.join(FAIL_ON)}")
    return value


def _report_targets(fmt: Optional[str], output: Optional[str], output_dir: str) -> list[tuple[str, str]]:
    """(format, path) pairs to write: the three defaults, or the one asked for."""
    if fmt is None and output is None:
        return [(f, str(Path(output_dir) / DEFAULT_NAMES[f])) for f in DEFAULT_FORMATS]
    if fmt is None:
        fmt = "md" if output == "-" else REPORT_SUFFIXES.get(Path(output).suffix.lower())
        if fmt is None:
            raise fail(f"{output}: cannot tell the report format from the name; use --format {'|'.join(REPORT_FORMATS)}")
    if fmt not in REPORT_FORMATS:
        raise fail(f"--format {fmt}: use one of {', '.join(REPORT_FORMATS)}")
    return [(fmt, output or str(Path(output_dir) / DEFAULT_NAMES[fmt]))]


def _waivers_path(settings) -> str:
    return str(Path(settings.rules_dir or "rules") / WAIVERS_FILE)


def _print_findings(result, fail_on: str) -> None:
    s = result.summary(fail_on)
    sev, st = s["by_severity"], s["by_status"]
    gate = f" ({st['new']} new, {st['baseline']} in the baseline, {st['waived']} waived)" if s["baseline"] or st["waived"] else ""
    _err(f"reconcile: {s['findings']} findings{gate} ({sev['error']} error, {sev['warning']} warning, "
         f"{sev['info']} info); {s['failing']} failing at --fail-on {fail_on}")
    for f in result.findings:
        tag = "" if f.status == "new" else f" [{f.status}]"
        line = f"  {f.severity:<7} {f.rule} {f.name}{tag}: {f.message}"
        _err(line if len(line) <= 200 else line[:197] + "...")
    for e in s["fixed"]:
        _err(f"  fixed   {e['fingerprint']} is in the baseline but no longer found")
    for note in s["notes"]:
        _err(f"  note    {note}")


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders to audit (default: sources/)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Write one report: md, json, csv (the claims table), html, sarif, github (annotations) or summary (for $GITHUB_STEP_SUMMARY)."),
    output: Optional[str] = typer.Option(None, "-o", "--output", help="Where to write the one report; '-' for stdout."),
    output_dir: str = typer.Option("output", "--output-dir", help="Folder for the default reports."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Lowest severity that fails the run: error, warning, info or never (default: warning)."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Folder of rule settings and domain data (default: ./rules)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help=EXCLUDE_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only print problems."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Accepted findings (JSON from `reconcile baseline`): only new ones fail the run."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Rewrite the --baseline file (default rules/baseline.json) with the current findings."),
    waivers: Optional[str] = typer.Option(None, "--waivers", help="Waivers file (default: waivers.toml in the rules folder)."),
    csv_raw: bool = typer.Option(False, "--csv-raw", help=CSV_RAW_HELP),
) -> None:
    """Find contradictions between and within documents and write the discrepancy report.

    By default writes output/report.md, output/report.json, output/claims.csv and
    output/report.html. Exit 0 when nothing at or above --fail-on is found, 1 when
    something is, 2 when the run is incomplete (an input could not be read) or the
    command or configuration is wrong. With --baseline, findings already in the baseline
    (and waived ones) do not fail the run. The reports are written while holding the
    output folder's .reconcile.lock: a second run into the same folder waits, so the
    folder always holds one run's complete set.
    """
    if fail_on is not None and fail_on not in FAIL_ON:
        raise fail(f"--fail-on {fail_on}: use one of {', '.join(FAIL_ON)}")
    targets = _report_targets(fmt, output, output_dir)
    try:
        settings = load_settings(rules)
        fail_on = fail_on or _fail_on_default(settings)
        waiver_list = load_waivers(waivers or _waivers_path(settings))
        known = load_baseline(baseline) if baseline and not update_baseline else None
        result = check_corpus(_paths(paths), settings, jobs=jobs, exclude=exclude or [])
        result.gate(baseline=known, waivers=waiver_list)
        report_inputs(result.inputs, len(result.claims), quiet=quiet)
        if not quiet:
            _print_findings(result, fail_on)
        texts = [(path, render(result, kind, fail_on=fail_on, escape_formulas=not csv_raw)) for kind, path in targets]
        with _locked([path for path, _ in texts]):
            for path, text in texts:
                write_text_atomic(path, text)
        if update_baseline:
            if result.incomplete:
                raise fail("not updating the baseline: some inputs could not be read")
            write_baseline(baseline or DEFAULT_BASELINE, result.findings)
            _err(f"reconcile: baseline {baseline or DEFAULT_BASELINE} updated with {len(result.findings)} findings")
            raise typer.Exit(EXIT_OK)
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    if not quiet and all(path != "-" for _, path in targets):
        _err("reconcile: wrote " + ", ".join(path for _, path in targets))
    if result.incomplete:
        raise typer.Exit(EXIT_INCOMPLETE)
    raise typer.Exit(EXIT_FINDINGS if result.failing(fail_on) else EXIT_OK)


@app.command("baseline")
def make_baseline(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders to audit (default: sources/)."),
    output: str = typer.Option(DEFAULT_BASELINE, "-o", "--output", help="Baseline file to write."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Folder of rule settings and domain data (default: ./rules)."),
    waivers: Optional[str] = typer.Option(None, "--waivers", help="Waivers file (default: waivers.toml in the rules folder)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
    exclude: Optional[List[str]] = typer.Option(None, "--exclude", help=EXCLUDE_HELP),
) -> None:
    """Record the current findings as accepted, so `check --baseline` fails only on new ones."""
    try:
        settings = load_settings(rules)
        result = check_corpus(_paths(paths), settings, jobs=jobs, exclude=exclude or [])
        result.gate(waivers=load_waivers(waivers or _waivers_path(settings)))
        report_inputs(result.inputs, len(result.claims))
        if result.incomplete:
            raise fail("not writing a baseline: some inputs could not be read")
        write_baseline(output, result.findings)
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    kept = sum(f.status != "waived" for f in result.findings)
    _err(f"reconcile: wrote {output} with {kept} findings")


@app.command("rules")
def list_rules(
    rules: Optional[str] = typer.Option(None, "--rules", help="Folder of rule settings (default: ./rules)."),
) -> None:
    """List the rules: code, name, severity, whether enabled, and what each finds."""
    try:
        options = rule_options(load_settings(rules))
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    for rule in RULES:
        opts = options[rule.code]
        state = "" if opts.get("enabled", True) else " (disabled)"
        typer.echo(f"{rule.code}  {rule.name:<26} {opts['severity']:<8} {rule.summary()}{state}")


@app.command()
def explain(
    code: str = typer.Argument(..., help="A rule code (RC101) or name (cagr.arithmetic)."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Folder of rule settings (default: ./rules)."),
) -> None:
    """Print a rule's documentation and its current settings."""
    rule = find_rule(code)
    if rule is None:
        raise fail(f"no rule {code!r}; `reconcile rules` lists them")
    try:
        opts = rule_options(load_settings(rules))[rule.code]
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"{rule.code} {rule.name} ({opts['severity']})\n")
    typer.echo(rule.doc())
    typer.echo("\nSettings ([rules.%s] in rules/settings.toml):" % rule.code)
    for key, value in opts.items():
        typer.echo(f"  {key} = {value!r}")


def run() -> None:  # console-script entry point
    try:
        app()
    except KeyboardInterrupt:
        _err("reconcile: interrupted")
        sys.exit(EXIT_INCOMPLETE)
    except Exception as exc:  # a bug: say so plainly, exit 2, no traceback
        _err(f"reconcile: internal error: {type(exc).__name__}: {exc} (please report this)")
        sys.exit(EXIT_INCOMPLETE)


if __name__ == "__main__":
    run()
