"""Extract every claim from one document: the conductor of the extraction stage.

The document's context (its subject or entity, forecast period, date and fiscal year) is
read once; then each line's figures go to ``prose`` or ``tables``, which read their
surroundings with the :class:`Vocabulary`; ``finish`` turns each draft into a Claim.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace

from ..config import Settings
from ..countries import CountryTable
from ..sources import Document
from .claim import QUALITATIVE, Claim
from .context import read_context
from .draft import DocContext, Draft
from .dating import is_base
from .prose import extract_sentences
from .quantities import Quantity
from .lists import ListReader, listed_claims
from .flattened import extract_flat_cell, flattened_numbers, is_flat_cell
from .tables import SCALE_LINE, extract_table_row, is_table_row, table_numbers
from .timing import period_label
from .vocabulary import Vocabulary
from .words import statement_claims

_BULLET_GLYPHS = {"·", "•", "-", "*", "–", "—", "▪", "◦"}
_BLOCK_STARTS = ("#", "|", "- ", "* ", "• ", "· ", "> ", "+ ", "▪", "◦")
_LINE_ENDS_COLON = re.compile(r":[ \t]*$", re.MULTILINE)


def _declared_currency(words: list[str]) -> re.Pattern:
    """A currency a document names with its code ("the Corvenian krona (CVK)", "CVK = Corvenian
    krona"), by the currency words of ``[iso] declared_by`` in units.toml."""
    word = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")" if words else "(?!x)x"
    return re.compile(rf"\b{word}\s*\(([A-Z]{{3}})\)"
                      rf"|\b([A-Z]{{3}})\s*(?:=|:|means|denotes|stands\s+for)\s*(?:the\s+)?(?:[A-Z][a-z]+\s+){{0,2}}{word}\b")
_HEADING_LINE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+[^\n]{5,150}|\*\*[^*\n]{5,150}\*\*|__[^_\n]{5,150}__)[ \t]*$", re.MULTILINE)
# A plain-text heading: one short line between blank lines, no sentence punctuation at its end.
_PLAIN_HEADING = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*([A-Z][^\n|]{3,78}[^\n.,;:|!?\s])[ \t]*(?=\n[ \t]*\n)")
_LEAD_IN_END = re.compile(r"^(?:#|[“\"]|[^\n]{250,})", re.MULTILINE)
_PIPE_LINE = re.compile(r"^[^\n]*\|[^\n]*\d[^\n]*$", re.MULTILINE)
_FLAT_CELL = re.compile(r"^[ \t]*[$(/\d-][^\n|]{0,39}$", re.MULTILINE)


class Extractor:
    """Turns Documents into Claims, using the vocabularies in :class:`Settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.vocab = Vocabulary(settings)
        self._declared: dict[tuple, Vocabulary] = {}  # vocabularies with a document's declared currency codes
        self._declared_currency = _declared_currency(settings.units.get("iso", {}).get("declared_by", []))
        limits = settings.extract.get("limits", {})
        self.max_figures = int(limits.get("max_figures", 50000))
        self.max_amount = float(limits.get("max_amount", 1e18))
        self.max_percent = float(limits.get("max_percent", 1e6))
        self.countries = CountryTable(settings.countries, self.vocab.regions)
        self.lists = ListReader(self.vocab.regions, self.countries)

    def context(self, doc: Document) -> DocContext:
        return read_context(self.vocab, doc)

    def _vocabulary_for(self, doc: Document) -> Vocabulary:
        """The vocabulary, with the currency codes the document declares that no table knows
        ("the Corvenian krona (CVK)"), so its "CVK 2,104 million" is money."""
        if "(" not in doc.visible and "=" not in doc.visible and ":" not in doc.visible:
            return self.vocab
        declared = sorted({code for m in self._declared_currency.finditer(doc.visible)
                           if not self.vocab.units.is_currency(code := m.group(1) or m.group(2))})
        if not declared:
            return self.vocab
        key = tuple(declared)
        if key not in self._declared:
            if len(self._declared) >= 16:
                self._declared.pop(next(iter(self._declared)))  # (a bounded cache: the oldest goes)
            units = dict(self.settings.units)
            units["currencies"] = {**units.get("currencies", {}), **{c: {"prefix": [c], "suffix": [c]} for c in key}}
            self._declared[key] = Vocabulary(replace(self.settings, units=units))
        return self._declared[key]

    def extract(self, doc: Document) -> list[Claim]:
        """All claims in ``doc``, in document order."""
        vocab = self._vocabulary_for(doc)
        found = vocab.quantities.find(doc.visible, limit=self.max_figures)
        if len(found) >= self.max_figures:
            line = doc.text.count("\n", 0, doc.offsets.span(found[-1].start, found[-1].end)[0]) + 1
            doc.notes.append(f"{self.max_figures} figures or more: only the first {self.max_figures} (to line {line}) were read "
                             "([limits] max_figures in extract.toml)")
        has_tables = "|" in doc.visible
        listed = self.lists.find(doc)  # the countries listed under each region
        if not found and not has_tables and not listed:
            return []
        ctx = read_context(vocab, doc)
        ctx.amounts = [q for q in found if vocab.units.is_currency(q.unit)]
        ctx.currency = most_common([q.unit for q in ctx.amounts]) or None
        by_line: dict[int, list[Quantity]] = {}
        for q in found:
            by_line.setdefault(ctx.visible_lines.line(q.start), []).append(q)
        if has_tables:
            # Table cells written without a unit ("64,727" under "$ in millions").
            for m in _PIPE_LINE.finditer(doc.visible):
                line_no = ctx.visible_lines.line(m.start())
                row = table_numbers(vocab, ctx, line_no, m.start(), m.group(0), by_line.get(line_no, []))
                if row:
                    by_line[line_no] = row
                else:
                    by_line.pop(line_no, None)
        if SCALE_LINE.search(doc.visible):
            for m in _FLAT_CELL.finditer(doc.visible):
                line_no = ctx.visible_lines.line(m.start())
                row = flattened_numbers(vocab, ctx, line_no, m.start(), m.group(0), by_line.get(line_no, []))
                if row:
                    by_line[line_no] = row
        _lead_ins(vocab, ctx, sorted(by_line))
        drafts: list[Draft] = []
        done: set[int] = set()
        for line_no in sorted(by_line):
            if line_no in done:
                continue
            start, end = _line_span(doc.visible, ctx, line_no)
            block = doc.visible[start:end]
            if is_table_row(block):
                drafts.extend(extract_table_row(vocab, ctx, line_no, start, block, by_line[line_no]))
            elif is_flat_cell(ctx, line_no):
                drafts.extend(extract_flat_cell(vocab, ctx, line_no, start, block, by_line[line_no]))
            else:
                # A sentence wrapped over several lines is read whole. (HTML's lines are its
                # block elements already: a line break there is structure, not wrapping.)
                first, last = (line_no, line_no) if doc.format == "html" else paragraph_lines(doc.visible, ctx, line_no)
                lines = [n for n in range(first, last + 1) if n in by_line and not is_flat_cell(ctx, n)]
                done.update(lines)
                start, end = ctx.visible_lines.line_start(first), _line_span(doc.visible, ctx, last)[1]
                found_here = [q for n in lines for q in by_line[n]]
                drafts.extend(extract_sentences(vocab, ctx, start, doc.visible[start:end], found_here))
        _base_year_shares(ctx, drafts)
        claims = [self.finish(ctx, d) for d in drafts if not d.dropped] + listed_claims(ctx, self.countries, listed)
        claims = self.usable(doc, claims) + statement_claims(vocab.statements, ctx, tables=has_tables)
        title = doc.display_title
        for c in claims:
            c.doc_title = title
        vocab.attribution.attribute(doc, claims)
        return claims

    def usable(self, doc: Document, claims: list[Claim]) -> list[Claim]:
        """The claims whose numbers arithmetic can use; each one left out is noted on ``doc``.

        A number of 309 digits is infinite as a float, and a "50,000,000%" CAGR grows
        past any float within a few decades: neither can be compared with anything.
        """
        kept = []
        for c in claims:
            if c.metric == QUALITATIVE:
                kept.append(c)  # no figure to check
                continue
            limit = self.max_percent if c.unit in ("percent", "percentage_point") else self.max_amount
            numbers = [v for v in (c.value, c.low, c.high) if v is not None]
            if all(math.isfinite(v) and abs(v) <= limit for v in numbers):
                kept.append(c)
            else:
                figure = c.figure if len(c.figure) <= 40 else c.figure[:20] + "…" + c.figure[-12:]
                doc.notes.append(f"line {c.line}: {figure!r} is not a usable figure (beyond {limit:g}); "
                                 "left out ([limits] in extract.toml)")
        return kept

    def finish(self, ctx: DocContext, d: Draft) -> Claim:
        doc = ctx.doc
        q = d.q
        o_start, o_end = doc.offsets.span(*d.quote_span)
        fig_start, fig_end = doc.offsets.span(q.start, q.end)
        if d.kind is None:
            d.kind = _default_kind(ctx, d)
        if d.scope_type == "global" and not d.explicit_global and ctx.scope and not ctx.entity:
            # "India Tea Market Review": figures with no region of their own are India's.
            d.scope, d.scope_type = ctx.scope
            d.dimension = "region"
        _entity(ctx, d)
        if d.kind == "guidance" and d.entity_type == "market":
            d.kind = "forecast"  # "Quillon projects it will reach USD 16.52 billion": a firm's forecast of a market
        if ctx.fiscal and (d.entity_type == "company" or ctx.company_doc) and d.year and not d.month \
                and not d.period_start and not (d.time is not None and (d.time.as_of or d.time.last_month)):
            d.fiscal = True
        if d.fiscal and (ctx.fiscal_year_end or d.year_end) == 12:
            d.fiscal = False  # a fiscal year ending in December is the calendar year
        measure = d.measure or d.metric
        if measure == "cagr":
            d.basis = "cagr"
        metric = self.vocab.family(measure) if d.measure else d.metric
        value, low, high = q.value, (q.low if d.low is None else d.low), (q.high if d.high is None else d.high)
        if d.qualifier == "over":
            high = None
        elif d.qualifier == "under":
            low = None
        if d.negative and value > 0:
            value, low, high = -value, (-high if high is not None else None), (-low if low is not None else None)
        return Claim(
            doc=doc.doc,
            line=ctx.original_lines.line(fig_start),
            start=o_start,
            end=o_end,
            quote=doc.text[o_start:o_end],
            figure=doc.text[fig_start:fig_end],
            metric=metric,
            subject=d.subject or "",
            scope=d.scope,
            scope_type=d.scope_type,
            dimension=d.dimension,
            value=value,
            unit=q.unit,
            low=low,
            high=high,
            qualifier="range" if q.is_range else d.qualifier,
            year=d.year,
            period_start=d.period_start,
            period_end=d.period_end,
            kind=d.kind,
            confidence=round(max(0.05, min(1.0, d.confidence)), 2),
            entity=d.entity or "",
            entity_type=d.entity_type,
            measure=measure,
            period_label=period_label(d),
            fiscal=d.fiscal,
            fiscal_year_end=ctx.fiscal_year_end or d.year_end,
            quarter=d.quarter,
            month=d.month,
            basis=d.basis,
            sign=-1 if value < 0 else (1 if value > 0 else 0),
            # organic is a kind of a company's growth: an amount beside "organic growth" is as
            # reported, and so is an "organic food" market's growth
            accounting=d.accounting if d.accounting != "organic" or (d.measure == "growth" and ctx.company_doc)
            else "reported",
            converted_value=d.converted[0] if d.converted else None,
            converted_unit=d.converted[1] if d.converted else "",
            attributed_to=d.attributed_to,
            pos=q.start,
        )


def _line_span(text: str, ctx: DocContext, line_no: int) -> tuple[int, int]:
    start = ctx.visible_lines.line_start(line_no)
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _continues(prev: str, cur: str) -> bool:
    """Whether line ``cur`` carries on the sentence of line ``prev`` (hard-wrapped text, converters)."""
    prev, cur = prev.strip(), cur.strip()
    if not prev or not cur or prev in _BULLET_GLYPHS or cur in _BULLET_GLYPHS:
        return False
    if prev.startswith(("#", "|")) or cur.startswith(_BLOCK_STARTS) or "|" in cur or "|" in prev:
        return False
    if prev[-1] in ".!?:;" or prev.rstrip("*_\"'”’)")[-1:] in ".!?:;":
        return False
    return cur[0].islower() or cur[0] in "$€£¥₹(" or cur[0].isdigit() or len(prev) >= 50


def paragraph_lines(text: str, ctx: DocContext, line_no: int, *, limit: int = 12) -> tuple[int, int]:
    """The first and last line of the wrapped sentence(s) around ``line_no`` (at most ``limit`` lines each way)."""
    def line(n: int) -> str:
        a, b = _line_span(text, ctx, n)
        return text[a:b]

    first = line_no
    while first > 1 and line_no - first < limit and _continues(line(first - 1), line(first)):
        first -= 1
    last = line_no
    while last < ctx.visible_lines.count and last - line_no < limit and _continues(line(last), line(last + 1)):
        last += 1
    return first, last


def _lead_ins(vocab: Vocabulary, ctx: DocContext, lines: list[int]) -> None:
    """ "Results for the quarter ended June 30, 2024, as compared to the corresponding period of
    last fiscal year:" dates (and gives a basis to) the bullets under it, up to the next heading,
    lead-in or paragraph of prose; so does a heading or a bold line that names a period
    ("**Full year 2024 highlights**")."""
    text = ctx.doc.visible
    found = []
    for m in _LINE_ENDS_COLON.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if 15 <= m.start() - start <= 400 and ":" not in text[start : m.start()]:
            found.append((ctx.visible_lines.line(start), text[start : m.start() + 1]))
    for m in _HEADING_LINE.finditer(text):  # "**Full year 2024 highlights**", "## Q3 2025 results"
        found.append((ctx.visible_lines.line(m.start()), m.group(0)))
    plain = []
    for m in _PLAIN_HEADING.finditer(text):  # "Market segmentation, 2025" alone between blank lines
        times = [t for t in vocab.times.find(m.group(1)) if t.kind == "point"]
        if not any(t.month for t in times):  # "Released 28 November 2025" is a date line, not a heading
            plain.append((ctx.visible_lines.line(m.start(1)), m.group(1)))
    found.extend(plain)
    if not found:
        return
    found.sort()
    leads = []
    for line_no, line in found:
        # "Market size and forecast to 2030" dates nothing: the end of a forecast is no year of the lines below
        times = [t for t in vocab.times.find(line) if t.kind == "point" and (t.year or t.quarter or t.month)
                 and not t.is_end_only and not is_base(line, t)]  # "highest since late 2024" dates nothing
        if times and all(t.dated and not t.ended for t in times):
            times = []  # "**Equity Research | Autos | 30 July 2025**": a byline's date, no period
        leads.append((line_no, times[-1] if times else None, vocab.basis(line, "")))
    i = 0
    current = None
    clean_to = 0  # the lines from the lead-in up to this one hold nothing that ends its reach
    line_start = ctx.visible_lines.line_start
    for line_no in lines:
        while i < len(leads) and leads[i][0] < line_no:
            current, clean_to = leads[i], leads[i][0] + 1
            i += 1
        if current is None or current[1] is None and not current[2]:
            continue
        # Only the lines not yet looked at: each line is searched once, not once per figure below it.
        if clean_to < line_no and _LEAD_IN_END.search(text, line_start(clean_to), line_start(line_no)):
            current = None
            continue
        clean_to = max(clean_to, line_no)
        ctx.paragraph_time[line_no] = (current[1], current[2], current[0])


def _entity(ctx: DocContext, d: Draft) -> None:
    """Who the figure is about: a company named for it, else the document's company or economy, else the market."""
    if d.scope_type == "company":
        d.entity, d.entity_type = d.scope, "company"
        if d.subject is None:
            d.subject = ctx.subject or d.scope.lower()  # a company in a market document is part of that market
        return
    if ctx.entity_type == "economy" and d.scope_type == "country":
        # In an economy's bulletin a country is the economy a figure is about ("2.8% in the
        # U.S."), and the document's own country is no part of itself.
        d.entity, d.entity_type = d.scope, "economy"
        d.scope, d.scope_type, d.dimension = "Global", "global", ""
        if d.measure not in ("market_size", "cagr"):
            d.subject = d.entity.lower()
        return
    if d.measure in ("market_size", "cagr") and d.subject and (d.company or ctx.entity_type == "company"):
        # "Brightlake expects the industrial heat pump market to reach $9.8 billion" in a story
        # about a company: the market's size, not the company's
        d.entity, d.entity_type = ctx.acronyms.get(d.subject, d.subject), "market"
        return
    if d.company:
        d.entity, d.entity_type = d.company, "company"  # one of several companies the document is about
        if d.measure not in ("market_size", "cagr"):
            d.subject = d.company.lower()
        return
    if ctx.entity:
        d.entity, d.entity_type = ctx.entity, ctx.entity_type
        if d.measure not in ("market_size", "cagr"):
            d.subject = ctx.entity.lower()
        elif d.subject is None:
            d.confidence *= 0.5  # a market in a company's or economy's document, its name not given
        return
    if d.subject is None:
        d.subject = ctx.subject
        d.confidence *= 0.9 if ctx.subject else 0.5
    d.entity = ctx.acronyms.get(d.subject, d.subject)
    d.entity_type = "market" if d.entity else ""


def _default_kind(ctx: DocContext, d: Draft) -> str:
    if d.metric == "cagr" or d.measure == "cagr":
        return "forecast"
    year = d.year or d.period_end
    fye = ctx.fiscal_year_end or d.year_end
    if year and ctx.base_year and d.fiscal and d.year and fye and fye != 12:
        # a fiscal period ending before the document's date is past: Q1 of the year to March
        # 2026 ended in June 2025
        end_month = (fye + 3 * d.quarter - 1) % 12 + 1 if d.quarter else (fye + 6 * d.half - 1) % 12 + 1 if d.half else fye
        end_year = d.year if end_month <= fye else d.year - 1
        return "forecast" if (end_year, end_month) > (ctx.base_year, ctx.base_month or 12) else "actual"
    if year and ctx.base_year and d.fiscal and not fye and year == ctx.base_year + 1 and (d.quarter or d.half) \
            and not (d.time is not None and d.time.is_end_only) and ctx.base_month \
            and ctx.base_month > (3 * d.quarter if d.quarter else 6 * d.half) + 1:
        # "Q2 FY26" in a note of August 2025, the year's end not said: a fiscal year named by the
        # calendar year it ends in has its first quarters behind it, even if it ended in January
        return "actual"
    if year and ctx.base_year:
        return "forecast" if year > ctx.base_year else "actual"
    if d.time is not None and d.time.is_end_only:
        return "forecast"
    if ctx.entity_type in ("company", "economy"):
        return "actual"
    return "estimate"


def most_common(items) -> str:
    counts = Counter(items)
    return max(counts.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0] if counts else ""


def _base_year_shares(ctx: DocContext, drafts: list[Draft]) -> None:
    """A market report's undated shares ("North America held 36.2% of the market", "wall panels
    accounted for 55.9%") are of its base year: the year of its first dated size of the whole
    market that is no forecast ("valued at USD 1.46 billion in 2025"), read with confidence 0.85 (the
    year is the report's, not the share's words)."""
    if ctx.company_doc or ctx.entity_type in ("company", "economy"):
        return
    base = next((d.year for d in drafts if not d.dropped and d.measure == "market_size" and d.scope_type == "global"
                 and d.year is not None and d.kind in ("actual", "estimate", None)), None)
    if base is None:
        return
    for d in drafts:
        if not d.dropped and d.measure == "share" and d.year is None and d.period_start is None \
                and d.period_end is None and d.kind in ("actual", "estimate", None):
            d.year = base
            # a year read from the report, not from the share's own words: below RC201's min_confidence
            d.confidence = min(d.confidence, 0.85)
