"""Regional lists: the countries a document lists under each region, one claim per item.

Market reports list the countries each region holds ("Middle East & Africa: Turkey, Saudi
Arabia, UAE"). Three shapes are read, each under a heading that is a known region of
``regions.toml`` (never a country or "Global"):

* a heading line alone (``Europe:``, ``## Europe``, ``**Europe**``), then its items as
  bullets (``- Germany``), HTML ``<li>`` items, or, in plain text, one name a line;
* a line ``Europe: Germany, France and Spain``;
* a table row ``| Europe | Germany, France, Spain |`` in a column headed the countries the
  region holds ("Countries", "Key countries", "Countries covered"; not "Home country").

Every item must read as a name (capitalised words, no figures) and half of them at least must
be countries, or the block is prose, or a list of states or cities, and nothing is read. A
name written inverted ("Korea, Republic of") is one item, its tail no item of its own. Each
item becomes a qualitative claim (``statement`` "listed_under", ``dimension`` the region); the
geography rules (RC60x) check the lists.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..countries import CountryTable
from ..regions import RegionTable
from ..textmatch import trie_regex
from .claim import QUALITATIVE, Claim
from .draft import DocContext

#: ``statement`` of a country listed under a region; ``measure`` of such rows.
LISTED_UNDER = "listed_under"
LISTED = "listed"

_BULLET = re.compile(r"[ \t]*(?:[-*+•·▪◦]|\d{1,2}[.)])[ \t]+")
_EMPHASIS = "*_ \t"
# An HTML list item: the original text from its last "<li" to the item's first character.
_LI_TAG = re.compile(r"<li\b[^<>]*>(?:\s*<(?:strong|b|em|i|span|a|p)\b[^<>]*>)*\s*", re.IGNORECASE)
_CONNECTORS = frozenset(("and", "of", "the", "de", "da", "do", "du", "del", "la", "le", "et", "&", "and/or"))
_COMMA = re.compile(r"[,;]")
_SEMICOLON = re.compile(r";")
_AND = re.compile(r"\s+(?:and|&)\s+|^\s*(?:and|&)\s+", re.IGNORECASE)
_ETC = re.compile(r"[,;]?\s*(?:etc\.?|and others|and more|among others)\s*\.?\s*$", re.IGNORECASE)
# A column of the countries a region holds ("Countries", "Key countries", "Countries covered"),
# not a column naming one country per row for another reason ("Home country", "Country of origin").
_COUNTRY_HEADER = re.compile(
    r"(?:sub-?regions?\s*(?:/|and|&|,)\s*)?"
    r"(?:(?:key|major|main|leading|top|largest|principal|selected|sample|member|core|notable|covered|included)\s+)?"
    r"(?:countries|country|nations)(?:\s*(?:/|and|&)\s*(?:territories|sub-?regions))?"
    r"(?:\s+(?:covered|included|analy[sz]ed|studied|profiled|in\s+scope|in\s+(?:the\s+)?region))?"
    r"|country\s+coverage",
    re.IGNORECASE)
_HEADER_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # "Countries (examples)"
MAX_ITEM = 40
MAX_ITEMS = 60


@dataclass(frozen=True)
class ListItem:
    """One item of a regional list: the region's canonical name and the item's visible span."""

    region: str
    start: int
    end: int
    text: str


class ListReader:
    """Finds regional lists in a document's visible text (see the module docstring)."""

    def __init__(self, regions: RegionTable, countries: CountryTable) -> None:
        self.regions = regions
        self.countries = countries
        names = [a.lower() for n, spec in regions.spec.items() if spec.get("type", "region") == "region"
                 for a in [n, *spec.get("aliases", [])]]
        trie = trie_regex(names)
        # A line that opens with a region name: one search of the text is the cheap test for
        # lists, and ``heading`` reads each such line whole.
        self.candidate = re.compile(rf"^[ \t|#*_•+-]*(?:{trie})", re.IGNORECASE | re.MULTILINE)
        # The region name in markup or a table cell, then a colon, a cell break or the line's end.
        self.heading = re.compile(
            r"^[ \t]*(?:\|[ \t]*)?(?:[-*+•]\s+|#{1,6}[ \t]+)?(?:\*\*|__|\*)?[ \t]*"
            rf"(?P<region>{trie})"
            r"[ \t]*(?:\*\*|__|\*)?[ \t]*(?P<sep>[:|])?[ \t]*(?:\*\*|__|\*)?[ \t]*(?P<rest>[^\n]*)$",
            re.IGNORECASE | re.MULTILINE)

    def find(self, doc) -> list[ListItem]:
        """Every item of every regional list in ``doc``, in document order."""
        text = doc.visible
        out: list[ListItem] = []
        for candidate in self.candidate.finditer(text):
            m = self.heading.match(text, candidate.start())
            if m is None:
                continue
            region = self.regions.canonical(m.group("region"))
            if region is None or self.regions.type_of(region) != "region":
                continue
            sep, rest = m.group("sep"), m.group("rest")
            rest_start = m.start("rest")
            if sep == "|":
                out += self._table_row(text, m, region)
            elif rest.strip(" \t|"):
                if sep == ":":
                    out += self._names(region, rest_start, rest)
            else:
                out += self._block(doc, m.end(), region)
        return out

    # -- the three shapes ------------------------------------------------------------------
    def _block(self, doc, pos: int, region: str) -> list[ListItem]:
        """The item lines right below a heading line, up to the first line that is no item."""
        text = doc.visible
        items: list[ListItem] = []
        while pos < len(text) and len(items) <= MAX_ITEMS:
            start = pos + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            pos = end
            if not line.strip():
                if items and doc.format != "markdown":
                    break  # a blank line ends a list, except between a Markdown list's loose items
                continue
            if self.candidate.match(line) and self.heading.match(line):
                break  # the next region's heading
            bullet = _BULLET.match(line)
            if bullet:
                a = start + bullet.end()
            elif line.rstrip().endswith(":"):
                break  # the next heading ("Key players:")
            elif doc.format == "text" or self._html_item(doc, start + len(line) - len(line.lstrip())):
                a = start
            else:
                break
            item = self._item(region, a, text[a:end])
            if item is None:
                return []  # a line that names no place: prose or figures, not a list of countries
            items.append(item)
        return items if self._of_countries(items) else []

    def _table_row(self, text: str, m: re.Match, region: str) -> list[ListItem]:
        """A region's cell and, in a column headed "countries", the names beside it."""
        line_start = m.start()
        header = self._table_header(text, line_start)
        if header is None:
            return []
        cells, pos = [], line_start
        line = m.group(0)
        for part in line.split("|"):
            cells.append((pos, part))
            pos += len(part) + 1
        if line.lstrip().startswith("|"):
            cells, header = cells[1:], header[1:] if header and not header[0].strip() else header
        out: list[ListItem] = []
        for i, (at, cell) in enumerate(cells[1:], start=1):
            if i < len(header) and _countries_column(header[i]) and cell.strip():
                out += self._names(region, at, cell)
        return out

    @staticmethod
    def _table_header(text: str, line_start: int) -> list[str] | None:
        """The cells of the first row of the pipe table holding the line at ``line_start``, or None."""
        first, pos = None, line_start
        for _ in range(200):
            if pos == 0:
                break
            prev = text.rfind("\n", 0, pos - 1) + 1
            line = text[prev : pos - 1]
            if "|" not in line:
                break
            first, pos = line, prev
        if first is None or re.fullmatch(r"[\s|:-]*", first):
            return None
        return first.strip().strip("|").split("|") if first.lstrip().startswith("|") else first.split("|")

    def _names(self, region: str, base: int, rest: str) -> list[ListItem]:
        """``Germany, France and Spain`` at visible offset ``base``; none unless each is a name."""
        cut = _ETC.search(rest)
        if cut:
            rest = rest[: cut.start()]
        items: list[ListItem] = []
        separator = _SEMICOLON if ";" in rest else _COMMA  # "Korea, South; Korea, North": the semicolon separates
        for chunk in self._inverted(rest, list(_spans(rest, separator))):
            a, b = chunk
            piece = rest[a:b]
            if not piece.strip():
                continue
            parts = [chunk] if self.countries.code(_clean(piece)) else list(_spans(piece, _AND, offset=a))
            for pa, pb in parts:
                if not rest[pa:pb].strip():
                    continue
                item = self._item(region, base + pa, rest[pa:pb])
                if item is None:
                    return []
                items.append(item)
        return items if self._of_countries(items) else []

    def _inverted(self, rest: str, chunks: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The comma-separated pieces of ``rest``, a name written inverted ("Korea, Republic of",
        "Taiwan, Province of China") kept whole: its tail is no item of its own."""
        out: list[tuple[int, int]] = []
        for a, b in chunks:
            if out and self.countries.is_tail(_clean(rest[a:b])) and self.countries.code(_clean(rest[out[-1][0]:b])):
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out

    # -- items -----------------------------------------------------------------------------
    def _item(self, region: str, start: int, raw: str) -> ListItem | None:
        """The item written ``raw`` at visible offset ``start``, without its markup and trailing
        commas; None unless it reads as a name."""
        lead = len(raw) - len(raw.lstrip(_EMPHASIS))
        body = raw.strip(_EMPHASIS).rstrip(",;:").strip(_EMPHASIS)
        if body.endswith(".") and body.count(".") == 1:
            body = body[:-1]
        if not _looks_like_name(body) and not (len(body) <= MAX_ITEM and self.countries.code(body)):
            return None
        a = start + lead
        return ListItem(region, a, a + len(body), body)

    def _is_country(self, item: ListItem) -> bool:
        return self.countries.code(item.text) is not None

    def _of_countries(self, items: list[ListItem]) -> bool:
        """A list of countries: half its items at least are countries (not "California, Georgia, Texas")."""
        countries = sum(self._is_country(i) for i in items)
        return countries > 0 and 2 * countries >= len(items)

    @staticmethod
    def _html_item(doc, at: int) -> bool:
        """Whether the line at visible offset ``at`` was an HTML ``<li>`` item in the file."""
        if doc.format == "text":
            return False
        o = doc.offsets.start(at)
        tag = doc.text.rfind("<", max(0, o - 200), o)
        while tag >= 0 and not doc.text.startswith(("<li", "<LI", "<Li"), tag):
            tag = doc.text.rfind("<", max(0, o - 200), tag)  # past inline tags (<strong>) to the <li>
        return tag >= 0 and _LI_TAG.fullmatch(doc.text, tag, o) is not None


def _countries_column(header: str) -> bool:
    """Whether a table column headed ``header`` lists the countries of each row's region."""
    text = _HEADER_NOTE.sub("", header.strip(" \t*_:")).strip(" \t*_:")
    return _COUNTRY_HEADER.fullmatch(text) is not None


def _spans(text: str, sep: re.Pattern, *, offset: int = 0):
    """``(start, end)`` of the pieces of ``text`` between matches of ``sep``, shifted by ``offset``."""
    pos = 0
    for m in sep.finditer(text):
        yield offset + pos, offset + m.start()
        pos = m.end()
    yield offset + pos, offset + len(text)


def _clean(text: str) -> str:
    return text.strip(_EMPHASIS).rstrip(".,;:")


@lru_cache(maxsize=4096)  # lists repeat their names, document after document
def _looks_like_name(text: str) -> bool:
    """A place's name: up to five capitalised words (connectors aside), no figures, short."""
    if not text or len(text) > MAX_ITEM or any(c.isdigit() for c in text):
        return False
    words = text.replace("-", " ").split()
    if words and words[0] in ("the", "The"):
        words = words[1:]  # "the Netherlands"
    if not words or len(words) > 5 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _CONNECTORS or w[:1] in "(“\"'" for w in words) \
        and not re.search(r"[!?%$€£¥=<>{}\[\]|@#]", text)


def listed_claims(ctx: DocContext, countries: CountryTable, items: list[ListItem]) -> list[Claim]:
    """Each list item as a qualitative claim: what it names (a country when it is one) under which region."""
    doc = ctx.doc
    subject = ctx.subject or ctx.entity.lower()
    out = []
    for item in items:
        o_start, o_end = doc.offsets.span(item.start, item.end)
        written = doc.text[o_start:o_end]
        country = countries.lookup(item.text)
        out.append(Claim(
            doc=doc.doc, line=ctx.original_lines.line(o_start), start=o_start, end=o_end, quote=written,
            figure=written, metric=QUALITATIVE, subject=subject,
            scope=country.name if country else item.text, scope_type="country" if country else "",
            dimension=item.region, value=math.nan, unit="", low=None, high=None, qualifier="",
            year=None, period_start=None, period_end=None, kind="actual",
            confidence=0.9 if country else 0.6,
            entity=ctx.entity or ctx.acronyms.get(subject, subject),
            entity_type=ctx.entity_type or ("market" if subject else ""),
            measure=LISTED, statement=LISTED_UNDER, sign=0, pos=item.start,
        ))
    return out
