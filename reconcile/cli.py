"""The command line: a thin shell over the Python API. Only this module (and console.py,
what it prints) prints or exits."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import pandas as pd
import typer

from . import __version__
from .config import ProjectConfig, load_project_config, load_settings
from .corpus import Extraction, extract_corpus
from .console import (SEVERITY_STYLE, print_failing as _print_failing,
                      print_findings as _print_findings, print_statistics as _print_statistics,
                      report_inputs, say as _err, working as _working)
from .engine import executor_for
from .errors import ReconcileError
from .normalize import claims_frame
from .check import FAIL_ON, check_corpus, fail_on_from, rule_options, selected_codes
from .output import folder_lock, format_for, write_csv, write_table, write_text_atomic
from .baseline import DEFAULT_PATH as DEFAULT_BASELINE, Baseline, load_baseline, write_baseline
from .init_template import write_starter
from .report import DEFAULT_FORMATS, DEFAULT_NAMES, REPORT_FORMATS, render
from .report.sarif import to_sarif
from .schema import toml_key
from .waivers import default_path as default_waivers, load_waivers
from .rules import RULES, find_rule

REPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".csv": "csv", ".sarif": "sarif",
                   ".html": "html", ".htm": "html"}

EXIT_OK, EXIT_FINDINGS, EXIT_INCOMPLETE = 0, 1, 2
DEFAULT_SOURCES = "sources"

app = typer.Typer(
    add_completion=True,
    no_args_is_help=True,
    help="Reconcile market documents: extract every quantitative claim and flag contradictions.",
)


def fail(message: str) -> typer.Exit:
    _err(("reconcile: error: ", SEVERITY_STYLE["error"]), message)
    return typer.Exit(EXIT_INCOMPLETE)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reconcile {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """reconcile: source reconciliation and fact-checking for market reports.

    Options not given on the command line are read from [tool.reconcile] in the nearest
    pyproject.toml (searched upward from the working directory): rules, fail_on, exclude,
    select, ignore, output_dir, baseline, waivers, docs_url.
    """


def _project() -> ProjectConfig:
    try:
        return load_project_config()
    except ReconcileError as exc:
        raise fail(str(exc)) from None


def _exclusions(given: Optional[List[str]], project) -> list[tuple[str, str]]:
    """--exclude patterns, else ``[tool.reconcile] exclude``, each named by where it came from."""
    if given:
        return [(p, "--exclude") for p in given]
    return [(p, "[tool.reconcile] exclude") for p in project.get("exclude") or []]


def _paths(paths: Optional[List[str]]) -> list[str]:
    if paths:
        return list(paths)
    if not Path(DEFAULT_SOURCES).is_dir():
        raise fail(f"no paths given and no ./{DEFAULT_SOURCES} folder here")
    return [DEFAULT_SOURCES]


EXCLUDE_HELP = ("Glob of files or folders in the folders given that are not sources (repeatable); "
                "README, LICENSE and the like are skipped already, and a folder's .reconcileignore adds more.")
SELECT_HELP = "Run only these rules (repeatable): a code or its prefix (RC101, RC1) or a dotted name or its first part (cagr.conflict, cagr)."
IGNORE_HELP = "Leave out these rules (repeatable), as for --select."
RULES_HELP = "Folder of rule settings and domain data (default: ./rules)."
# "\[" keeps rich's markup from reading "[dask]" as a style and dropping it from --help
ENGINE_HELP = ("Where documents are read and the rules run: local (this machine's cores) or dask (a Dask "
               "cluster; pip install 'reconcile-claims\\[dask]').")
SCHEDULER_HELP = "With --engine dask: the scheduler's address (tcp://host:8786); without it, a local cluster."
CACHE_HELP = ("Claims cache folder: documents unchanged since the last run with it are not read again "
              "(needs pyarrow).")
# Options the commands that read documents share.
RulesOption = Annotated[Optional[str], typer.Option("--rules", help=RULES_HELP)]
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per usable CPU, at most one per 2 MB of text).")]
ExcludeOption = Annotated[Optional[List[str]], typer.Option("--exclude", help=EXCLUDE_HELP)]
CacheOption = Annotated[Optional[str], typer.Option("--cache", help=CACHE_HELP)]
EngineOption = Annotated[str, typer.Option("--engine", help=ENGINE_HELP)]
SelectOption = Annotated[Optional[List[str]], typer.Option("--select", help=SELECT_HELP)]
IgnoreOption = Annotated[Optional[List[str]], typer.Option("--ignore", help=IGNORE_HELP)]
SchedulerOption = Annotated[Optional[str], typer.Option("--scheduler", help=SCHEDULER_HELP)]


def run_extraction(paths: Optional[List[str]], rules: Optional[str], jobs: Optional[int],
                   exclude: Optional[List[str]] = None, cache: Optional[str] = None,
                   engine: str = "local", scheduler: Optional[str] = None) -> Extraction:
    try:
        settings = load_settings(rules)
        with executor_for(engine, scheduler=scheduler, workers=jobs) as executor, \
                _working("reconcile: reading the documents…") as progress:
            return extract_corpus(_paths(paths), settings, jobs=jobs, exclude=exclude, cache=cache,
                                  progress=progress, executor=executor)
    except ReconcileError as exc:
        raise fail(str(exc)) from None


CSV_RAW_HELP = ("Write CSV text cells exactly as extracted, for programs that read them. By default a cell "
                "starting with = + - @ gets a leading apostrophe so a spreadsheet shows it rather than runs it.")
CsvRawOption = Annotated[bool, typer.Option("--csv-raw", help=CSV_RAW_HELP)]


@contextlib.contextmanager
def _locked(paths: list[str]):
    """Hold the lock of every folder written to, so concurrent runs write whole sets."""
    with contextlib.ExitStack() as stack:
        # One lock a folder however it is spelled ("out", "/abs/out"), always taken in the same
        # order: a run never waits for itself, and two runs never wait for each other.
        for folder in sorted({os.path.realpath(Path(p).parent) for p in paths if p != "-"}):
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
    rules: RulesOption = None,
    jobs: JobsOption = None,
    exclude: ExcludeOption = None,
    cache: CacheOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only print problems."),
    csv_raw: CsvRawOption = False,
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
    project = _project()
    result = run_extraction(paths, rules or project.get("rules"), jobs, _exclusions(exclude, project), cache,
                            engine, scheduler)
    report_inputs(result.inputs, len(result.claims), quiet=quiet, cached=result.cache_hits)
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


def _report_targets(formats: list[str], outputs: list[str], output_dir: str) -> list[tuple[str, str]]:
    """(format, path) pairs to write: the defaults, or each --format with its -o, paired in order."""
    if not formats and not outputs:
        return [(f, str(Path(output_dir) / DEFAULT_NAMES[f])) for f in DEFAULT_FORMATS]
    if formats and outputs and len(formats) != len(outputs):
        raise fail(f"{len(formats)} --format and {len(outputs)} -o: give one -o per --format, paired in order "
                   "(--format sarif -o r.sarif --format md -o r.md), or no -o to write them to --output-dir")
    for fmt in formats:
        if fmt not in REPORT_FORMATS:
            raise fail(f"--format {fmt}: use one of {', '.join(REPORT_FORMATS)}")
    if not formats:
        for out in outputs:
            fmt = "md" if out == "-" else REPORT_SUFFIXES.get(Path(out).suffix.lower())
            if fmt is None:
                raise fail(f"{out}: cannot tell the report format from the name; use --format {'|'.join(REPORT_FORMATS)}")
            formats.append(fmt)
    targets = list(zip(formats, outputs or [str(Path(output_dir) / DEFAULT_NAMES[f]) for f in formats]))
    paths = [p for _, p in targets]
    if paths.count("-") > 1:
        raise fail("only one report can go to stdout (-o -)")
    real = [os.path.realpath(p) for p in paths if p != "-"]  # "out/r.md" and "./out/r.md" are one file
    twice = sorted({p for p in paths if p != "-" and real.count(os.path.realpath(p)) > 1})
    if twice:
        raise fail(f"{twice[0]}: named for two reports")
    return targets


def _only_selected(known: Baseline | None, select, ignore) -> Baseline | None:
    """The baseline's entries for the rules run, so the others are not reported as fixed."""
    if known is None or not (select or ignore):
        return known
    chosen = set(selected_codes(select, ignore))
    return Baseline(known.path, [e for e in known.entries
                                 if (e.get("rule") or e["fingerprint"].split("-")[0]) in chosen])


DEFAULT_OUTPUTS = ", ".join(f"output/{DEFAULT_NAMES[f]}" for f in DEFAULT_FORMATS)


def _claim_counts(result) -> tuple[int, int]:
    """How many claims the documents state, and how many reference facts were read beside them."""
    documents = len(result.document_claims())
    return documents, len(result.claims) - documents


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Files or folders to audit (default: sources/)."),
    formats: Optional[List[str]] = typer.Option(None, "--format", "-f", help=(
        "Write this report instead of the defaults (repeatable): md, json, csv (the claims table), html, "
        "sarif, github (annotations) or summary (for $GITHUB_STEP_SUMMARY).")),
    outputs: Optional[List[str]] = typer.Option(None, "-o", "--output", help=(
        "Where to write a report, '-' for stdout (repeatable: the n-th -o goes with the n-th --format; "
        "alone, the format follows the suffix).")),
    output_dir: Optional[str] = typer.Option(None, "--output-dir", help=(
        f"Folder for the reports written without -o (default: output, writing {DEFAULT_OUTPUTS.replace('output/', '')}).")),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Lowest severity that fails the run: error, warning, info or never (default: warning)."),
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    statistics: bool = typer.Option(False, "--statistics", help="Print how many findings each rule made (on stdout unless a report goes there) instead of listing them."),
    rules: RulesOption = None,
    jobs: JobsOption = None,
    exclude: ExcludeOption = None,
    cache: CacheOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the failing findings, one line each (file:line: CODE message), and problems."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Accepted findings (JSON from `reconcile baseline`): only new ones fail the run."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Rewrite the --baseline file (default rules/baseline.json) with the current findings."),
    waivers: Optional[str] = typer.Option(None, "--waivers", help="Waivers file (default: waivers.toml in the rules folder)."),
    docs_url: Optional[str] = typer.Option(None, "--docs-url", help="URL of reconcile's README, for the rules' links in SARIF (default: README.md, relative)."),
    csv_raw: CsvRawOption = False,
) -> None:
    """Find contradictions between and within documents and write the discrepancy report.

    By default writes output/report.md, output/report.json, output/claims.csv and
    output/report.html (--output-dir DIR to put them elsewhere). Exit 0 when nothing at
    or above --fail-on is found, 1 when something is, 2 when the run is incomplete (an input could not be read) or the
    command or configuration is wrong. With --baseline, findings already in the baseline
    (and waived ones) do not fail the run. The reports are written while holding the
    output folder's .reconcile.lock: a second run into the same folder waits, so the
    folder always holds one run's complete set.
    """
    project = _project()
    fail_on = fail_on or project.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise fail(f"--fail-on {fail_on}: use one of {', '.join(FAIL_ON)}")
    select, ignore = select or project.get("select"), ignore or project.get("ignore")
    if update_baseline and (select or ignore):
        raise fail("--update-baseline records every rule's findings: drop --select and --ignore "
                   "(and select/ignore in [tool.reconcile])")
    targets = _report_targets(list(formats or []), list(outputs or []), output_dir or project.get("output_dir", "output"))
    baseline = baseline or project.get("baseline")
    try:
        settings = load_settings(rules or project.get("rules"))
        fail_on = fail_on or fail_on_from(settings)
        waiver_list = load_waivers(waivers or project.get("waivers") or default_waivers(settings))
        known = load_baseline(baseline) if baseline and not update_baseline else None
        known = _only_selected(known, select, ignore)
        with executor_for(engine, scheduler=scheduler, workers=jobs) as executor, \
                _working("reconcile: reading the documents…", then="reconcile: checking…") as progress:
            result = check_corpus(_paths(paths), settings, jobs=jobs, exclude=_exclusions(exclude, project),
                                  select=select, ignore=ignore, cache=cache, progress=progress, executor=executor)
        result.gate(baseline=known, waivers=waiver_list)
        report_inputs(result.inputs, *_claim_counts(result), quiet=quiet, cached=result.cache_hits)
        if quiet:
            _print_failing(result, fail_on)
        else:
            _print_findings(result, fail_on, listing=not statistics)
        if statistics:
            _print_statistics(result, err=any(path == "-" for _, path in targets))
        docs = docs_url or project.get("docs_url")
        # Every report is made before any is written (a failure writes none); the claims
        # table, the largest, is written as it is made.
        texts = [(path, kind, None if kind == "csv" else to_sarif(result, docs_url=docs) if kind == "sarif" else
                  render(result, kind, fail_on=fail_on)) for kind, path in targets]
        with _locked([path for path, _, _ in texts]):
            for path, kind, text in texts:
                if text is None:
                    write_csv(result.claims, path, escape_formulas=not csv_raw)
                else:
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
    output: Optional[str] = typer.Option(None, "-o", "--output", help=f"Baseline file to write (default: {DEFAULT_BASELINE})."),
    rules: RulesOption = None,
    waivers: Optional[str] = typer.Option(None, "--waivers", help="Waivers file (default: waivers.toml in the rules folder)."),
    jobs: JobsOption = None,
    exclude: ExcludeOption = None,
    cache: CacheOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
) -> None:
    """Record the current findings as accepted, so `check --baseline` fails only on new ones."""
    project = _project()
    output = output or project.get("baseline") or DEFAULT_BASELINE
    try:
        settings = load_settings(rules or project.get("rules"))
        with executor_for(engine, scheduler=scheduler, workers=jobs) as executor, \
                _working("reconcile: reading the documents…", then="reconcile: checking…") as progress:
            result = check_corpus(_paths(paths), settings, jobs=jobs, exclude=_exclusions(exclude, project),
                                  select=select or project.get("select"), ignore=ignore or project.get("ignore"),
                                  cache=cache, progress=progress, executor=executor)
        result.gate(waivers=load_waivers(waivers or project.get("waivers") or default_waivers(settings)))
        report_inputs(result.inputs, *_claim_counts(result), cached=result.cache_hits)
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
        options = rule_options(load_settings(rules or _project().get("rules")))
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    for rule in RULES:
        opts = options[rule.code]
        state = "" if opts.get("enabled", True) else " (disabled)"
        typer.echo(f"{rule.code}  {rule.name:<26} {opts['severity']:<8} {rule.summary()}{state}")


def toml_value(value) -> str:
    """A setting's value as TOML writes it (``true``, ``"error"``, ``[-0.2, 0.6]``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


@app.command()
def explain(
    code: str = typer.Argument(..., help="A rule code (RC101) or name (cagr.arithmetic)."),
    rules: Optional[str] = typer.Option(None, "--rules", help="Folder of rule settings (default: ./rules)."),
) -> None:
    """Print a rule's documentation and its current settings, as TOML to paste into rules/settings.toml."""
    rule = find_rule(code)
    if rule is None:
        raise fail(f"no rule {code!r}; `reconcile rules` lists them")
    try:
        opts = rule_options(load_settings(rules or _project().get("rules")))[rule.code]
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    typer.echo(f"{rule.code} {rule.name} ({opts['severity']})\n")
    typer.echo(rule.doc())
    typer.echo("\nCurrent settings, to paste into rules/settings.toml and change:\n")
    typer.echo(f"[rules.{rule.code}]  # {rule.name}")
    for key, value in opts.items():
        typer.echo(f"{toml_key(key)} = {toml_value(value)}")


@app.command()
def init(
    directory: str = typer.Argument(".", help="Project folder to write rules/ and sources/metadata.toml in."),
) -> None:
    """Write a commented rules/ folder to start from: settings.toml (every rule's options, at
    their defaults), waivers.toml and a sources/metadata.toml example. Existing files are kept."""
    try:
        written, kept = write_starter(directory)
    except ReconcileError as exc:
        raise fail(str(exc)) from None
    for path in written:
        _err(f"reconcile: wrote {path}")
    for path in kept:
        _err(f"reconcile: kept {path} (it exists; not overwritten)")


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
