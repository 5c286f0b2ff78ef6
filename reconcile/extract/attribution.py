"""Whose estimate a figure is: the research firm or publisher it is attributed to.

Research firms size a market each in their own way, so two firms' estimates a few percent
apart are no contradiction, while a blog that quotes a firm's figure wrongly is one. Each
claim's ``attributed_to`` says whose figure it is:

- the firm its own sentence names ("Fernhollow Insights pegs the industry at $1.68 billion",
  "according to Kaldera Market Intelligence"), the nearest before the figure, else after it;
- in a table, the firm its row label or column header names ("| | Velomark | Northgate |");
- else the document's publisher: ``publisher`` in ``metadata.toml``, or the firm the title or
  a short opening line names ("… | Corvell Insights", "Report ID: … | Kaldera Market
  Intelligence"), or "according to a new report by …" in the opening paragraphs;
- else nothing.

A firm's name is one to four capitalized words ending in one of ``[subjects] firm_words``
("Insights", "Research", "Market Intelligence"…), or the name after "according to".
"""

from __future__ import annotations

import html
import re

from ..sources import Document
from .claim import QUALITATIVE, Claim

_WORD = r"[A-Z][A-Za-z0-9'’.\-]{0,40}"  # bounded: a long run of 'A-A-A-' is read in linear time
_HEAD_CHARS = 1200
#: A firm named in the title, or in a short line (a byline, a dateline, a report's details)
#: among the first lines, is the document's author.
_BYLINE_CHARS = 200
_BYLINE_LINES = 5
#: How far into a document the firms it names are looked for (their later short names refer to them).
_KNOWN_CHARS = 20_000


class Attribution:
    """Finds firm names; built once from the ``[subjects]`` settings."""

    def __init__(self, firm_words: list[str], report_words: list[str] = ()) -> None:
        words = "|".join(re.escape(w) for w in sorted(firm_words, key=len, reverse=True)) or "(?!x)x"
        reports = "|".join(re.escape(w) for w in report_words) or "(?!x)x"
        # "Fernhollow Insights", "Kaldera Market Intelligence", "Orrin & Vale Research"; not
        # "Graphene Powder Market Research Report" (a report's title)
        self.firm = re.compile(rf"\b((?:{_WORD}\s+(?:&\s+|and\s+)?){{1,3}}(?:{words}))\b(?!\s+(?:{reports})\b)")
        # "according to Orrin & Vale", "According to a new study by Brightlake Analytics"
        self.according = re.compile(
            rf"\b(?:[Aa]ccording\s+to|[Ee]stimates?\s+(?:by|from)|(?:[Pp]ublished|[Rr]eleased|[Cc]ompiled|[Cc]onducted)\s+by)\s+"
            rf"(?:(?:a|the)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|study|analysis|survey|research)\s+(?:by|from)\s+)?"
            rf"((?:{_WORD})(?:\s+(?:&\s+)?{_WORD}){{0,3}})")

        self.report_by = re.compile(
            rf"\b(?:[Aa]ccording\s+to\s+(?:a|the)\s+(?:new\s+|recent\s+|latest\s+)?(?:report|study|analysis)\s+"
            rf"(?:by|from)|(?:[Rr]eport|[Ss]tudy)\s+(?:published|released)\s+by)\s+((?:{_WORD})(?:\s+(?:&\s+)?{_WORD}){{0,3}})")

    def names(self, text: str) -> list[tuple[int, str]]:
        """Every firm named in ``text``: ``(offset, name)``, in order."""
        found = {m.start(1): _clean(m.group(1)) for m in self.firm.finditer(text)}
        for m in self.according.finditer(text):
            found.setdefault(m.start(1), _clean(m.group(1)))
        return sorted((at, name) for at, name in found.items() if name)

    def publisher(self, doc: Document) -> str:
        """The firm that wrote the document: its metadata's publisher, else the firm its title
        or opening lines name."""
        given = str(doc.meta.get("publisher") or "").strip()
        if given:
            return given
        body = doc.visible[doc.visible.find("\n---", 3) + 4:] if doc.visible.startswith("---") else doc.visible
        lines = [ln for ln in body[:_HEAD_CHARS * 4].split("\n") if ln.strip()][:_BYLINE_LINES]
        named = self.names("\n".join([doc.title] + [ln for ln in lines if len(ln) <= _BYLINE_CHARS]))
        if named:
            return named[0][1]
        report = self.report_by.search(body[:_HEAD_CHARS])  # "according to a new report by X"
        return _clean(report.group(1)) if report else ""

    def attribute(self, doc: Document, claims: list[Claim]) -> None:
        """Set each claim's ``attributed_to`` (in place)."""
        default = self.publisher(doc)
        by_quote: dict[str, list[tuple[int, str]]] = {}
        # the firms the document names (a table's rows, its sentences): written again by their
        # first word ("Summit Ridge's end-point", "Arcturus Data is the outlier. Its projection …")
        text_of = {c.quote: html.unescape(c.quote) for c in claims}  # "Lindqvist &amp; Mora" as read
        for c in claims:  # every quote's firms, read once
            if c.metric != QUALITATIVE and c.quote not in by_quote:
                by_quote[c.quote] = self.names(text_of[c.quote])
        known = sorted({c.attributed_to for c in claims if c.attributed_to}
                       | {n for named in by_quote.values() for _, n in named}
                       | {n for _, n in self.names(doc.visible[:_KNOWN_CHARS])})
        short = {n.split()[0]: n for n in known if len(n.split()[0]) >= 4 and n.split()[0][0].isupper()}
        short = {w: n for w, n in short.items() if sum(1 for m in known if m.split()[0] == w) == 1}
        mention = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(short, key=len, reverse=True)) + r")\b") \
            if short else None
        for c in claims:
            if c.metric == QUALITATIVE or c.source_type != "document" or c.attributed_to:
                continue  # (a table's cell under a firm's column is that firm's)
            quote = text_of[c.quote]
            named = by_quote.get(c.quote)
            if named is None:
                named = by_quote[c.quote] = self.names(quote)
            if not named and mention is not None:
                named = [(m.start(), short[m.group(1)]) for m in mention.finditer(quote)]
                if not named and _ITS.match(quote):
                    # "Arcturus Data is the outlier. Its projection of 21.3% a year …": the firm the
                    # sentence before names (the claim's offsets are the source text's)
                    at = doc.text.find(c.quote[:40], max(0, c.start - len(c.quote) - 400), c.start + 40)
                    before = list(mention.finditer(html.unescape(doc.text[max(0, at - 200) : at]))) if at > 0 else []
                    named = [(0, short[before[-1].group(1)])] if before else []
            if not named:
                c.attributed_to = default
                continue
            at = max(quote.find(c.figure), 0)
            before = [name for pos, name in named if pos < at]
            c.attributed_to = before[-1] if before else named[0][1]


#: A sentence that opens by referring back to the firm named before it.
_ITS = re.compile(r"^\s*(?:Its|Their|The\s+firm['’]s|The\s+firm)\b")
_LEADING = re.compile(r"^(?:The|A|An|And|By|According|Says|Said|Per)\s+")


def _clean(name: str) -> str:
    name = " ".join(name.split()).strip(" .,'’")
    while _LEADING.match(name):
        name = _LEADING.sub("", name, count=1)
    return name if re.search(r"[A-Za-z]{3,}", name) else ""


def same_source(a: str, b: str) -> bool:
    """Whether two attributions name one firm: "Fernhollow Insights" and "Fernhollow" (the
    words of one begin the other's); "Global Market Insights" and "Global Industry Analysts"
    are two firms."""
    x, y = a.lower().split(), b.lower().split()
    n = min(len(x), len(y))
    return n > 0 and x[:n] == y[:n]


def firm_keys(names) -> dict[str, str]:
    """``{attribution: its firm}``: each name's firm is the shortest name (then the first in
    order) whose words begin it, lower case; ``""`` for none."""
    out: dict[str, str] = {}
    for name in sorted(set(names), key=lambda x: (len(x.split()), x.lower(), x)):
        out[name] = next((out[k] for k in out if same_source(k, name)), name.lower())
    return out
