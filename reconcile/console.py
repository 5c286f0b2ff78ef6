"""What the command line prints on stderr: one safe line at a time, coloured on a terminal,
a progress bar for long runs, and the summaries of inputs and findings. Part of the CLI
shell (``cli.py``): nothing below it prints."""

from __future__ import annotations

import contextlib
import os
import sys
import threading

import pandas as pd
import typer

from .numbers import plural
from .output import line_text


def colour(*, err: bool = True) -> bool:
    """Colour on a terminal, none when piped or when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = sys.stderr if err else sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


SEVERITY_STYLE = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow"}, "info": {"fg": "cyan"}}


def say(*parts, err: bool = True) -> None:
    """Print one line made of ``parts``: strings, or ``(text, style)`` pairs coloured on a terminal."""
    # One line each, whatever a file name holds: no newline, escape sequence or bytes
    # that are not UTF-8 reach the terminal or a CI log (where a line starting "::" is
    # a workflow command). Styles are added after, so only ours reach it.
    styled = colour(err=err)
    line = "".join(typer.style(line_text(p[0]), **p[1]) if isinstance(p, tuple) and styled
                   else line_text(p[0] if isinstance(p, tuple) else p) for p in parts)
    typer.echo(line, err=err, color=styled)



@contextlib.contextmanager
def working(text: str, *, after: float = 2.0, then: str = ""):
    """A progress bar on stderr for a run that lasts longer than ``after`` seconds, only on a
    terminal, reading ``text`` (``then`` once every document is read). Yields the
    ``progress(done, total)`` callback the corpus reader calls per document."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console  # rich comes with typer; loaded only for a terminal
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True, no_color=not colour()), transient=True)
    task = bar.add_task(text, total=None)
    lock, stopped = threading.Lock(), [False]

    def start() -> None:
        with lock:
            if not stopped[0]:
                bar.start()

    def progress(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.update(task, description=then or text)

    timer = threading.Timer(after, start)
    timer.daemon = True
    timer.start()
    try:
        yield progress
    finally:
        timer.cancel()
        with lock:
            stopped[0] = True
            bar.stop()



def report_inputs(inputs: list, n_claims: int, references: int = 0, *, quiet: bool = False, cached: int = 0) -> None:
    """Tell the user, on stderr, about every input that was not read cleanly (with ``quiet``,
    only those that could not be read: a skipped README is no problem)."""
    for s in inputs:
        if s.status == "error":
            say(f"reconcile: {s.doc}: ", ("not read", SEVERITY_STYLE["error"]), f": {s.message}")
        elif s.status in ("empty", "skipped") and not quiet:
            say(f"reconcile: {s.doc}: {s.status}: {s.message}")
        for w in s.warnings if not quiet else ():
            say(f"reconcile: {s.doc}: ", ("warning", SEVERITY_STYLE["warning"]), f": {w}")
    if not quiet:
        counts = pd.Series([s.status for s in inputs], dtype="str").value_counts().sort_index()
        detail = ", ".join(f"{n} {k}" for k, n in counts.items())
        hits = f"; {cached} unchanged, from the cache" if cached else ""
        refs = f", {plural(references, 'reference fact')}" if references else ""
        say(f"reconcile: {len(inputs)} input files ({detail}); {n_claims} claims{refs}{hits}")



def where(f) -> str:
    c = f.claims[0] if f.claims else {}
    return f"{c.get('doc', '')}:{c.get('line', '')}"


def print_findings(result, fail_on: str, *, listing: bool = True) -> None:
    s = result.summary(fail_on)
    sev, st = s["by_severity"], s["by_status"]
    gate = f" ({st['new']} new, {st['baseline']} in the baseline, {st['waived']} waived)" if s["baseline"] or st["waived"] else ""
    say(f"reconcile: {plural(s['findings'], 'finding')}{gate} ({sev['error']} error, {sev['warning']} warning, "
         f"{sev['info']} info); {s['failing']} failing at --fail-on {fail_on}")
    for f in result.findings if listing else []:
        tag = "" if f.status == "new" else f" [{f.status}]"
        line = f" {f.rule} {f.name}{tag}: {f.message}"
        say("  ", (f"{f.severity:<7}", SEVERITY_STYLE[f.severity]), line if len(line) <= 191 else line[:188] + "...")
    for e in s["fixed"]:
        say(f"  fixed   {e['fingerprint']} is in the baseline but no longer found")
    for note in s["notes"]:
        say(f"  waiver  {note}")


def print_failing(result, fail_on: str) -> None:
    """--quiet: one line per failing finding, ``file:line: CODE message``, as ruff prints."""
    for f in result.failing(fail_on):
        say((where(f), {"bold": True}), ": ", (f.rule, SEVERITY_STYLE[f.severity]), f" {f.message}")


def print_statistics(result, *, err: bool) -> None:
    """--statistics: how many findings each rule made (and how many are new, when a gate applies)."""
    gated = any(f.status != "new" for f in result.findings) or result.baseline is not None
    for code, n in result.summary("never")["by_rule"].items():
        mine = [f for f in result.findings if f.rule == code]
        new = f" ({sum(f.status == 'new' for f in mine)} new)" if gated else ""
        severity = f"{mine[0].severity:<7}" if new else mine[0].severity
        say(f"{n:>5}  {code}  {mine[0].name:<26} ", (severity, SEVERITY_STYLE[mine[0].severity]), new, err=err)
