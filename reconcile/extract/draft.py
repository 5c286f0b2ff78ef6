"""What extraction carries while it reads: a figure being turned into a claim, and the document's context."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..offsets import LineIndex
from ..sources import Document
from .quantities import Quantity
from .timeexpr import TimeExpr


@dataclass
class Draft:
    """A figure being turned into a claim."""

    q: Quantity
    metric: str = "other"
    measure: str = ""
    qualifier: str = "exact"
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    quarter: int | None = None
    month: int | None = None
    half: int | None = None
    months: tuple[int, int] | None = None  # a span of months from January ("Jan-Aug"): year to date
    fiscal: bool = False
    named_by_start: bool = False  # its fiscal year was written as the year it starts in ("FY2025" is year 2026)
    period_label: str = ""
    basis: str = ""
    accounting: str = "reported"
    time: TimeExpr | None = None
    scope: str = "Global"
    scope_type: str = "global"
    dimension: str = ""
    subject: str | None = None
    entity: str | None = None
    entity_type: str = ""
    company: str | None = None  # the document's company named nearest before the figure
    attributed_to: str = ""  # the firm a table's row or column names ("| Velomark | Northgate |")
    kind: str | None = None
    quote_span: tuple[int, int] = (0, 0)
    confidence: float = 1.0
    low: float | None = None
    high: float | None = None
    negative: bool = False
    converted: tuple[float, str] | None = None  # an in-text conversion "(US$73.6 billion)"
    dropped: bool = False
    unnamed_revenue: bool = False  # "revenue" with no company or market named (see prose._company)
    bracketed_part: bool = False  # "Enterprise Networking ($612.8m": the part its bracket follows
    revenue_of: str = ""  # the subject key of the words naming that revenue ("SaaS revenue" -> "saas")
    explicit_global: bool = False
    year_end: int | None = None  # the month its own words end its year in ("the year to 30 June")
    own_time: bool = False  # the time expression was the figure's own, not inherited
    year_ago: bool = False  # the base of a comparison, dated a year before the figure it follows
    revised: bool = False  # an earlier estimate of the figure before it ("from 0.1% in the previous estimate")
    continues: object = None  # the figure whose list this bare figure continues ("…, Asia Pacific 39%")


@dataclass
class DocContext:
    """What a document says about itself: its subject, entity, forecast period, date and fiscal year."""

    doc: Document
    visible_lines: LineIndex
    original_lines: LineIndex
    subject: str
    forecast: tuple[int, int] | None
    base_year: int | None
    scope: tuple[str, str] | None = None  # the region a document's title is about
    entity: str = ""  # a company or economy the whole document is about
    entity_type: str = ""
    fiscal_year_end: int | None = None  # month (1-12) a stated fiscal year ends in
    fiscal: bool = False  # the document reports by fiscal year ("FY24", "fiscal 2024")
    fiscal_named_by_start: bool = False  # its "FY2025" is the fiscal year ending in 2026
    default_year: int | None = None  # the year of "the fourth quarter" when none is written
    base_month: int | None = None  # the month of the document's date
    currency: str | None = None  # the currency most of the document's figures are in
    company_doc: bool = False  # a company's release or statements (named or not)
    companies: list = field(default_factory=list)  # every company the document is about, most named first
    company_pattern: object = None  # matches any of them, when there are several
    company_names: dict = field(default_factory=dict)  # the word matched -> the company's name
    default_time: object = None  # the period a release's title names ("Earnings Release FY24 Q4")
    brackets_prior: bool = False  # "Figures in brackets refer to 2023": a bracketed figure after another is the year before
    inflation_doc: bool = False  # an economy's document about its prices (CPI, inflation)
    acronyms: dict = field(default_factory=dict)  # "amr" -> "autonomous mobile robot"
    table_cache: dict = field(default_factory=dict)
    amounts: list = field(default_factory=list)  # the document's money figures (a table's scale may be implied by them)
    named_periods: dict = field(default_factory=dict)  # ("q", 2) -> (year, fiscal) of the first "Q2 FY26" written
    paragraph_time: dict = field(default_factory=dict)  # line -> (time, basis, line of the lead-in) opening its paragraph


def trim_span(text: str, start: int, end: int, *, lead: str = " \t\r\n|") -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace, pipes and the ``lead`` characters at its start."""
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in " \t\r\n|":
        end -= 1
    return start, end
