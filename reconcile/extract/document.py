"""Extract every claim from one document: the orchestration of the extraction stage.

For each figure the quantity finder sees, the extractor reads its surroundings — the
sentence in prose, the row, column header and caption in a table — to decide its metric,
time, scope, subject, qualifier and kind, then records the exact quote and where it is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..config import Settings
from ..offsets import LineIndex
from ..regions import RegionTable
from ..sources import Document
from ..units import UnitTable
from .claim import Claim
from .cues import Cues
from .quantities import Quantity, QuantityFinder
from .scope import ScopeFinder
from .subject import SubjectFinder
from .timeexpr import TimeExpr, TimeFinder

_FORECAST_WITH_PERIOD = re.compile(r"forecast(?:ed)?\s+period", re.IGNORECASE)
_DATE_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass
class Draft:
    """A figure being turned into a claim."""

    q: Quantity
    metric: str = "other"
    qualifier: str = "exact"
    year: int | None = None
    period_start: int | None = None
    period_end: int | None = None
    time: TimeExpr | None = None
    scope: str = "Global"
    scope_type: str = "global"
    dimension: str = ""
    subject: str | None = None
    kind: str | None = None
    quote_span: tuple[int, int] = (0, 0)
    confidence: float = 1.0
    low: float | None = None
    high: float | None = None
    dropped: bool = False
    explicit_global: bool = False


@dataclass
class DocContext:
    """What a document says about itself: its main subject, forecast period and date."""

    doc: Document
    visible_lines: LineIndex
    original_lines: LineIndex
    subject: str
    forecast: tuple[int, int] | None
    base_year: int | None
    scope: tuple[str, str] | None = None  # the region a document's title is about
    table_cache: dict = field(default_factory=dict)


def trim_span(text: str, start: int, end: int, *, lead: str = " \t\r\n|") -> tuple[int, int]:
    """Shrink ``[start, end)`` past whitespace, pipes and the ``lead`` characters at its start."""
    while start < end and text[start] in lead:
        start += 1
    while end > start and text[end - 1] in " \t\r\n|":
        end -= 1
    return start, end


class Extractor:
    """Turns Documents into Claims, using the vocabularies in :class:`Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.units = UnitTable(settings.units)
        self.quantities = QuantityFinder(self.units)
        self.times = TimeFinder(settings.extract.get("periods", {}).get("forecast", []))
        self.cues = Cues(settings.extract)
        self.regions = RegionTable(settings.regions)
        self.scopes = ScopeFinder(self.regions, settings.extract)
        self.subjects = SubjectFinder(self.regions, settings.extract)
        dims = settings.segments.get("dimensions", {})
        self.dimension_words = {w.lower(): d for d, words in dims.items() for w in words}
        self.segment_aliases = {k.lower(): v for k, v in settings.segments.get("aliases", {}).items()}

    # -- document context ----------------------------------------------------------------
    def context(self, doc: Document) -> DocContext:
        title = doc.title
        forecast = self.times.first_period(title)
        if forecast is None:
            for heading in doc.headings[:5]:
                forecast = self.times.first_period(heading)
                if forecast:
                    break
        if forecast is None:
            for m in _FORECAST_WITH_PERIOD.finditer(doc.visible):
                forecast = self.times.first_period(doc.visible[m.start() : m.end() + 40])
                if forecast:
                    break
        subject = ""
        title_phrases = self.subjects.phrases(title)
        if title_phrases:
            subject = title_phrases[0][1]
        else:
            counts = Counter(key for _, key in self.subjects.phrases(doc.visible))
            if counts:
                subject = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        base_year = None
        date = doc.meta.get("date")
        if date:
            m = _DATE_YEAR.search(str(date))
            base_year = int(m.group(0)) if m else None
        named = {n for _, _, n in self.regions.find(title) if n != "Global"}
        scope = None
        if len(named) == 1:
            (name,) = named
            scope = (name, self.regions.type_of(name))
        return DocContext(doc, LineIndex(doc.visible), LineIndex(doc.text), subject, forecast, base_year, scope)

    # -- extraction ------------------------------------------------------------------
    def extract(self, doc: Document) -> list[Claim]:
        """All claims in ``doc``, in document order."""
        from .prose import extract_sentences
        from .tables import extract_table_row, is_table_row

        found = self.quantities.find(doc.visible)
        if not found:
            return []
        ctx = self.context(doc)
        by_line: dict[int, list[Quantity]] = {}
        for q in found:
            by_line.setdefault(ctx.visible_lines.line(q.start), []).append(q)
        drafts: list[Draft] = []
        for line_no in sorted(by_line):
            start = ctx.visible_lines.line_start(line_no)
            end = doc.visible.find("\n", start)
            end = len(doc.visible) if end < 0 else end
            block = doc.visible[start:end]
            if is_table_row(block):
                drafts.extend(extract_table_row(self, ctx, line_no, start, block, by_line[line_no]))
            else:
                drafts.extend(extract_sentences(self, ctx, start, block, by_line[line_no]))
        return [self.finish(ctx, d) for d in drafts if not d.dropped]

    def finish(self, ctx: DocContext, d: Draft) -> Claim:
        doc = ctx.doc
        q = d.q
        o_start, o_end = doc.offsets.span(*d.quote_span)
        fig_start, fig_end = doc.offsets.span(q.start, q.end)
        if d.kind is None:
            d.kind = self.default_kind(ctx, d)
        if d.scope_type == "global" and not d.explicit_global and ctx.scope:
            # "India Tea Market Review": figures with no region of their own are India's.
            d.scope, d.scope_type = ctx.scope
            d.dimension = "region"
        if d.subject is None:
            d.subject = ctx.subject or "unknown"
            d.confidence *= 0.9
        low = q.low if d.low is None else d.low
        high = q.high if d.high is None else d.high
        if d.qualifier == "over":
            high = None
        elif d.qualifier == "under":
            low = None
        return Claim(
            doc=doc.doc,
            line=ctx.original_lines.line(fig_start),
            start=o_start,
            end=o_end,
            quote=doc.text[o_start:o_end],
            figure=doc.text[fig_start:fig_end],
            metric=d.metric,
            subject=d.subject,
            scope=d.scope,
            scope_type=d.scope_type,
            dimension=d.dimension,
            value=q.value,
            unit=q.unit,
            low=low,
            high=high,
            qualifier="range" if q.is_range else d.qualifier,
            year=d.year,
            period_start=d.period_start,
            period_end=d.period_end,
            kind=d.kind,
            confidence=round(max(0.05, min(1.0, d.confidence)), 2),
            pos=q.start,
        )

    def default_kind(self, ctx: DocContext, d: Draft) -> str:
        if d.metric == "cagr":
            return "forecast"
        year = d.year or d.period_end
        if year and ctx.base_year:
            return "forecast" if year > ctx.base_year else "actual"
        if d.time is not None and d.time.is_end_only:
            return "forecast"
        return "estimate"

    # -- shared decisions ------------------------------------------------------------
    def apply_time(self, ctx: DocContext, d: Draft, t: TimeExpr | None, *, inherited_year: int | None = None) -> None:
        """Set a draft's year or period from the time expression chosen for it."""
        d.time = t
        if t is None:
            return
        if t.kind == "point":
            if d.metric == "cagr":
                d.period_end = t.year if t.is_end_only or t.prep in ("", "in") else None
                if t.prep in ("from", "since"):
                    d.period_start, d.period_end = t.year, None
            else:
                d.year = t.year
        elif t.kind == "period":
            d.period_start, d.period_end = t.period_start, t.period_end
        elif t.kind == "forecast":
            if ctx.forecast:
                d.period_start, d.period_end = ctx.forecast
            else:
                d.confidence *= 0.8
        elif t.kind == "next":
            if ctx.base_year and t.years:
                d.period_start, d.period_end = ctx.base_year, ctx.base_year + t.years
        elif t.kind == "same" and inherited_year is not None:
            d.year = inherited_year

    def money_metric(self, left: str, right: str, sentence_has_market: bool) -> str:
        """``other`` for prices, funding and costs; ``market_size`` when the words say so."""
        cues = self.cues
        right_head = right[:30].lstrip()
        if right_head.startswith("/") or cues.near("other_money", left, right, before=40, after=25):
            return "other"
        if sentence_has_market or cues.near("market_size", left, right, before=120, after=60):
            return "market_size"
        return "other"

    def percent_metric(self, left: str, right: str, unit: str) -> str:
        cues = self.cues
        if cues.near("cagr", left, right, before=90, after=25):
            return "cagr"
        if unit == "percent" and cues.near("share", left, right, before=60, after=40):
            return "share"
        if cues.near("growth", left, right, before=25, after=15):
            return "growth"
        return "other"

    def dimension_of(self, text: str) -> str:
        """A segment dimension named in a header or caption ("By End User" -> end_user)."""
        low = " ".join(text.lower().replace("*", "").split())
        for words, dim in sorted(self.dimension_words.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?<!\w){re.escape(words)}(?!\w)", low):
                return dim
        return ""

    def segment_label(self, label: str) -> str:
        clean = " ".join(label.replace("*", "").split())
        folded = clean.lower().replace("&", "and")
        return self.segment_aliases.get(folded, clean)
