"""The Markdown discrepancy report: for an editor, grouped by market and severity.

Each finding shows its rule, the message with the arithmetic, expected vs observed, and
every cited claim's ``file:line`` with its sentence, the figure in bold. Text from the
documents is escaped (``<``, ``|``, ``*``...) so a source can neither break the tables
nor inject HTML into a rendered report; file names go in code spans (``code``), fenced
by enough backticks, on one line, so no name can close its span or start a line.
"""

from __future__ import annotations

import re

from ..numbers import plural
from ..check import CheckResult
from ..findings import SEVERITIES, cards
from ..output import line_text
from ..rules import find_rule

_HEADINGS = {"error": "Errors", "warning": "Warnings", "info": "Info"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|#<>])")


def escape(text: str) -> str:
    """Source text made inert in Markdown: specials backslashed, HTML and newlines neutralized,
    other control characters shown as escapes (``\\x1b``)."""
    text = line_text(" ".join(str(text).split()))
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;"}.get(m.group(1), "\\" + m.group(1)), text)


def code(text: str, *, table: bool = False) -> str:
    """``text`` as a Markdown code span, fences included.

    Backslash escapes are not read inside a code span (they would show), so the text is
    kept as it is, on one line (control characters shown as ``\\n``, ``\\x1b``), and
    fenced by one backtick more than its longest run of them (CommonMark), padded with
    a space when it starts or ends with one. In a GFM table (``table=True``) a pipe would
    end the cell even inside the span: it is written ``\\|``, which GFM shows as ``|``.
    """
    text = line_text(text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ") and text.strip()):
        text = f" {text} "
    if table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def quote_with_figure(quote: str, figure: str) -> str:
    q, fig = escape(quote), escape(figure)
    if fig and fig in q:
        return q.replace(fig, f"**{fig}**", 1)
    return q


def _where(c: dict) -> str:
    line = f":{c['line']}" if c.get("line") is not None else ""
    also = sorted({a["line"] for a in c.get("also_at", []) if a["doc"] == c["doc"]})
    again = f" (also line {', '.join(map(str, also))})" if also else ""
    return f"{code(c['doc'] + line, table=True)}{again}"


def _sources(f, labels: dict[str, str]) -> str:
    """``Documents: `a.md` — *Title* (publisher); …`` for the cited documents metadata names."""
    named = [f"{code(d)} — *{escape(labels[d])}*" for d in f.docs if labels.get(d)]
    return f"- **Documents:** {'; '.join(named)}" if named else ""


def _finding(f, labels: dict[str, str] | None = None) -> list[str]:
    rule = find_rule(f.rule)
    summary = rule.summary() if rule else ""
    scope = "" if f.scope == "Global" else f" — {escape(f.scope)}"
    out = [
        f"#### {f.rule} `{f.name}`{scope}",
        "",
        f"*{escape(summary)}*" if summary else "",
        "",
        escape(f.message),
        "",
        f"- **Expected:** {escape(f.expected)}",
        f"- **Observed:** {escape(f.observed)}",
        f"- **Fingerprint:** `{f.fingerprint}`",
        _sources(f, labels or {}),
        _status_line(f),
        "",
        "| Role | Where | Figure | Quote |",
        "|---|---|---|---|",
    ]
    for c in f.claims:
        out.append(f"| {escape(c.get('role', ''))} | {_where(c)} | {escape(c.get('figure', ''))} | "
                   f"{quote_with_figure(c.get('quote', ''), c.get('figure', ''))} |")
    out.append("")
    return [line for i, line in enumerate(out) if line or (i and out[i - 1])]


def _also(f, shown: set) -> list[str]:
    """A further finding about the same figure, under the card's first one."""
    out = [f"**Also about this figure — {f.rule} `{f.name}` ({f.severity}):** {escape(f.message)}", "",
           f"- **Expected:** {escape(f.expected)}", f"- **Observed:** {escape(f.observed)}",
           f"- **Fingerprint:** `{f.fingerprint}`", _status_line(f), ""]
    extra = [c for c in f.claims if (c["doc"], c.get("line"), c.get("figure")) not in shown]
    if extra:
        out += ["| Role | Where | Figure | Quote |", "|---|---|---|---|"]
        out += [f"| {escape(c.get('role', ''))} | {_where(c)} | {escape(c.get('figure', ''))} | "
                f"{quote_with_figure(c.get('quote', ''), c.get('figure', ''))} |" for c in extra] + [""]
    return [line for i, line in enumerate(out) if line or (i and out[i - 1])]


def _card(group, labels: dict[str, str]) -> list[str]:
    out = _finding(group[0], labels)
    shown = {(c["doc"], c.get("line"), c.get("figure")) for c in group[0].claims}
    for f in group[1:]:
        out += _also(f, shown)
    return out


def _status_line(f) -> str:
    if f.status == "waived":
        w = f.waiver
        until = f", until {w['expires']}" if w.get("expires") else ""
        return f"- **Status:** waived by {escape(w['owner'])}{until}: {escape(w['reason'])}"
    if f.status == "baseline":
        return "- **Status:** in the baseline (accepted earlier)"
    return ""


def _gate(result: CheckResult) -> list[str]:
    """Baseline entries no longer found, and waiver notes."""
    out = []
    if result.fixed:
        out += [f"## Fixed since the baseline ({len(result.fixed)})", "",
                f"These entries of {code(result.baseline or '')} no longer occur; "
                "`reconcile check --update-baseline` prunes them.", ""]
        out += [f"- `{e['fingerprint']}` {escape(e.get('summary', ''))}" for e in result.fixed] + [""]
    if result.notes:
        out += ["## Waivers", ""] + [f"- {escape(n)}" for n in result.notes] + [""]
    return out


def to_step_summary(result: CheckResult, *, fail_on: str = "warning") -> str:
    """A short Markdown summary for ``$GITHUB_STEP_SUMMARY``: counts and the new findings."""
    s = result.summary(fail_on)
    st = s["by_status"]
    head = "❌ reconcile: failing" if s["failing"] or s["incomplete"] else "✅ reconcile: passing"
    lines = [f"### {head}", "",
             "| inputs | claims | new | in baseline | waived | fixed |", "|---|---|---|---|---|---|",
             f"| {s['inputs']} | {s['claims']} | {st['new']} | {st['baseline']} | {st['waived']} | {len(s['fixed'])} |", ""]
    new = [f for f in result.findings if f.status == "new"]
    for f in new:
        c = f.claims[0]
        where = code(f"{c['doc']}:{c['line']}")
        lines.append(f"- **{f.severity}** {f.rule} `{f.name}` at {where}: {escape(f.message)}")
    bad = [i for i in result.inputs if i.status == "error"]
    lines += [f"- **unreadable input** {code(i.doc)}: {escape(i.message)}" for i in bad]
    lines += [f"- {escape(n)}" for n in result.notes]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(result: CheckResult, fail_on: str) -> list[str]:
    s = result.summary(fail_on)
    sev = s["by_severity"]
    verdict = ("**Incomplete run**: some inputs could not be read." if s["incomplete"]
               else f"**{s['failing']} finding(s) at or above `{fail_on}`**: the check fails." if s["failing"]
               else "**No findings at or above the failing level**: the check passes.")
    out = [
        "# Discrepancy report",
        "",
        f"{s['inputs']} input files, {s['claims']} claims about {s['subjects']} market(s)"
        + (f", {plural(s['references'], 'reference fact')}" if s.get("references") else "") + "; "
        f"{plural(s['findings'], 'finding')}: {plural(sev['error'], 'error')}, {plural(sev['warning'], 'warning')}, "
        f"{sev['info']} info"
        + (f" ({s['by_status']['new']} new, {s['by_status']['baseline']} in the baseline, "
           f"{s['by_status']['waived']} waived)." if s["baseline"] or s["by_status"]["waived"] else "."),
        "",
        verdict,
        "",
    ]
    if result.findings:
        out += ["| Rule | Name | Severity | Findings |", "|---|---|---|---|"]
        for rule_code, n in s["by_rule"].items():
            rule = find_rule(rule_code)
            severity = next(f.severity for f in result.findings if f.rule == rule_code)
            out.append(f"| {rule_code} | `{rule.name if rule else ''}` | {severity} | {n} |")
        out.append("")
    return out


def _inputs(result: CheckResult) -> list[str]:
    out = ["## Inputs", "", "| Document | Status | Claims | Note |", "|---|---|---|---|"]
    for s in sorted(result.inputs, key=lambda s: s.doc):
        note = "; ".join([s.message] + list(s.warnings)) if (s.message or s.warnings) else ""
        out.append(f"| {code(s.doc, table=True)} | {s.status} | {s.claims} | {escape(note.strip('; '))} |")
    out.append("")
    return out


def to_markdown(result: CheckResult, *, fail_on: str = "warning") -> str:
    lines = _summary(result, fail_on)
    labels = {s.doc: s.label for s in result.inputs if s.label}
    by_subject: dict[str, list] = {}
    for f in result.findings:
        by_subject.setdefault(f.subject, []).append(f)
    for subject, findings in by_subject.items():
        lines += [f"## {escape(subject)}", ""]
        subject_cards = cards(findings)
        for sev in SEVERITIES:
            group = [c for c in subject_cards if c[0].severity == sev]
            if group:
                lines += [f"### {_HEADINGS[sev]} ({len(group)})", ""]
                for card in group:
                    lines += _card(card, labels)
    if not result.findings:
        lines += ["No contradictions found.", ""]
    lines += _gate(result)
    lines += _inputs(result)
    return "\n".join(lines).rstrip("\n") + "\n"
