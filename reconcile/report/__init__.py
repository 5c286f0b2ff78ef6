"""Reports: the discrepancy report as Markdown, JSON or SARIF, GitHub annotations and a
step summary, and the claims table as CSV.

``render(result, fmt, fail_on=...)`` returns the text of one report; the CLI decides
where it goes. Every input file appears in every report, so nothing is silently dropped.
"""

from __future__ import annotations

from ..check import CheckResult
from ..output import to_csv_text
from .github import to_github
from .html import to_html
from .json_report import report_dict, to_json
from .markdown import to_markdown, to_step_summary
from .sarif import to_sarif

REPORT_FORMATS = ("md", "json", "csv", "html", "sarif", "github", "summary")
DEFAULT_FORMATS = ("md", "json", "csv", "html")
DEFAULT_NAMES = {"md": "report.md", "json": "report.json", "csv": "claims.csv", "html": "report.html", "sarif": "report.sarif",
                 "github": "annotations.txt", "summary": "summary.md"}


def render(result: CheckResult, fmt: str, *, fail_on: str = "warning", escape_formulas: bool = True) -> str:
    """The text of one report (a name in ``REPORT_FORMATS``; ``csv`` is the claims table).

    ``escape_formulas=False`` writes the CSV's text cells as extracted (see ``to_csv_text``).
    """
    if fmt == "md":
        return to_markdown(result, fail_on=fail_on)
    if fmt == "json":
        return to_json(result, fail_on=fail_on)
    if fmt == "csv":
        return to_csv_text(result.claims, escape_formulas=escape_formulas)
    if fmt == "html":
        return to_html(result, fail_on=fail_on)
    if fmt == "sarif":
        return to_sarif(result)
    if fmt == "github":
        return to_github(result)
    if fmt == "summary":
        return to_step_summary(result, fail_on=fail_on)
    raise ValueError(f"unknown report format {fmt!r}")


__all__ = ["DEFAULT_FORMATS", "DEFAULT_NAMES", "REPORT_FORMATS", "render", "report_dict", "to_json", "to_markdown"]
