"""HTML to visible text, with a map from every visible character back to the file.

Scripts, styles and comments are dropped; entities are decoded; block elements become
line breaks; table cells are joined with `` | `` so HTML tables read like pipe tables
downstream.

The standard library's ``html.parser`` (no recursion, so deeply nested markup is fine)
defines what a document reads as. Most pages are well-formed markup that one regular
expression tokenizes several times faster: :func:`_tokenize` reads such a page with the
same callbacks at the same offsets as ``html.parser`` would, and hands any page with
markup it does not know exactly how ``html.parser`` reads (an unquoted ``/`` in an
attribute, a broken character reference, a CDATA section…) back to ``html.parser``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .offsets import LineIndex, OffsetMap

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol p pre section summary "
    "table tbody thead tfoot title tr ul".split()
)
CELL_TAGS = frozenset(("td", "th"))
SKIP_TAGS = frozenset(("script", "style", "template", "noscript", "svg", "math"))
_SPACES = str.maketrans("\r\n\t\f", "    ")
HEADING_TAGS = frozenset(("h1", "h2", "h3", "title"))

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|h[1-6]|ul|ol|li|table|tr|td|span|strong|br|a\s)\b",
    re.IGNORECASE,
)


def looks_like_html(text: str) -> bool:
    """True when a text file's content is HTML (e.g. a web page saved as ``.txt``)."""
    head = text[:8192]
    tags = len(_HTML_SNIFF.findall(head))
    if head.lstrip()[:1] == "<" and tags >= 2:
        return True
    return tags >= 5 and tags >= 0.02 * max(1, len(head.split()))


class _Renderer(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = LineIndex(source)
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.length = 0
        self.skip_depth = 0
        self.skip_tag: str | None = None
        self.headings: list[tuple[int, int]] = []
        self._heading_start: int | None = None
        self._cell_in_row = 0

    # -- helpers -------------------------------------------------------------------
    def _pos(self) -> int:
        line, col = self.getpos()
        return self.lines.line_start(line) + col

    def _emit(self, text: str, orig_start: int, orig_end: int, atomic: bool) -> None:
        if not text:
            return
        self.map.add(self.length, orig_start, orig_end, atomic)
        self.parts.append(text)
        self.length += len(text)

    def _break(self, pos: int) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self._emit("\n", pos, pos, True)

    # -- parser callbacks ------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag in SKIP_TAGS:
            self.skip_tag, self.skip_depth = tag, 1
            return
        pos = self._pos()
        if tag == "tr":
            self._break(pos)
            self._cell_in_row = 0
        elif tag in CELL_TAGS:
            if self._cell_in_row:
                self._emit(" | ", pos, pos, True)
            self._cell_in_row += 1
        elif tag in BLOCK_TAGS:
            self._break(pos)
        if tag in HEADING_TAGS:
            self._heading_start = self.length

    def handle_startendtag(self, tag, attrs):
        if not self.skip_depth and tag in BLOCK_TAGS:
            self._break(self._pos())

    def handle_endtag(self, tag):
        if self.skip_depth:
            if tag == self.skip_tag:
                self.skip_depth -= 1
            return
        if tag in HEADING_TAGS and self._heading_start is not None:
            self.headings.append((self._heading_start, self.length))
            self._heading_start = None
        if tag in BLOCK_TAGS:
            self._break(self._pos())

    def handle_data(self, data):
        if self.skip_depth or not data:
            return
        if not data.strip() and (not self.parts or self.parts[-1].endswith(("\n", " "))):
            return  # whitespace between block tags means nothing in HTML
        start = self._pos()
        # A line break inside HTML text is a space; replacing it char for char keeps the map exact.
        self._emit(data.translate(_SPACES), start, start + len(data), False)

    def _entity(self, raw_prefix: str, name: str, decoded: str) -> None:
        if self.skip_depth:
            return
        start = self._pos()
        end = start + len(raw_prefix) + len(name)
        if self.source[end : end + 1] == ";":
            end += 1
        self._emit(decoded, start, end, True)

    def handle_entityref(self, name):
        self._entity("&", name, html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self._entity("&#", name, html.unescape(f"&#{name};"))


class _FastRenderer(_Renderer):
    """The same callbacks, driven by :func:`_tokenize`, which says where each construct starts."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.at = 0

    def _pos(self) -> int:
        return self.at


_WS = "[ \t\n\r\f]"
# The markup html.parser reads one way only. A start tag: a name, attributes with quoted
# or plain values (no "/" in a plain value: "<a href=x/>" is not self-closing there).
_START_TAG = re.compile(
    rf"<([a-zA-Z][-a-zA-Z0-9:_.]*)(?:{_WS}+[a-zA-Z_:@][-a-zA-Z0-9_:.@]*"
    rf"(?:{_WS}*={_WS}*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'=<>`/]+))?)*{_WS}*(/?)>\Z"
)
_END_TAG = re.compile(rf"</([a-zA-Z][-.a-zA-Z0-9:_]*){_WS}*>\Z|</>\Z")
_COMMENT = re.compile(r"<!--[^<>]*--\s*>\Z")
_CHARREF = re.compile("&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_ENTITYREF = re.compile("&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
# Text up to the next "<" or "&" (html.parser's chunks), a whole tag, or an "&".
_TOKEN = re.compile(r"[^&<]+|<[^<>]*>|&")
_CDATA_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in _Renderer.CDATA_CONTENT_ELEMENTS}


class _NotSimple(Exception):
    """Markup the tokenizer leaves to html.parser."""


def _tokenize(renderer: _FastRenderer, text: str) -> None:
    """Feed ``text`` (stray "<" already neutralized: every "<" opens a complete tag) to
    ``renderer`` as ``html.parser`` would; raise :class:`_NotSimple` on anything else."""
    pos, n = 0, len(text)
    token = _TOKEN.match
    while pos < n:
        m = token(text, pos)
        if m is None:
            raise _NotSimple(pos)
        raw = m.group()
        renderer.at = pos
        first = raw[0]
        if first == "&":
            if text.startswith("&#", pos):
                ref = _CHARREF.match(text, pos)
                if ref is None:
                    raise _NotSimple(pos)  # html.parser then reads the rest as one text
                end = ref.end()
                renderer.handle_charref(ref.group()[2:-1])
            else:
                ref = _ENTITYREF.match(text, pos)
                if ref is None:
                    if pos + 1 < n and not (text[pos + 1].isascii() and (text[pos + 1].isalpha() or text[pos + 1] == "#")):
                        renderer.handle_data("&")
                        pos += 1
                        continue
                    raise _NotSimple(pos)  # an unfinished reference at the very end
                end = ref.end()
                renderer.handle_entityref(ref.group(1))
            pos = end if text[end - 1] == ";" else end - 1
            continue
        if first != "<":
            renderer.handle_data(raw)
            pos = m.end()
            continue
        second = raw[1:2]
        if second == "/":
            tag = _END_TAG.match(raw)
            if tag is None:
                raise _NotSimple(pos)
            if tag.group(1):
                renderer.handle_endtag(tag.group(1).lower())
        elif second == "!":
            if raw.startswith("<!--"):
                if not _COMMENT.match(raw):
                    raise _NotSimple(pos)
            elif raw.startswith("<!["):
                raise _NotSimple(pos)  # a marked section: html.parser reads to "]]>"
            # a declaration or bogus comment ends at the first ">": nothing to show
        elif second == "?":
            pass  # a processing instruction ends at the first ">"
        else:
            tag = _START_TAG.match(raw)
            if tag is None:
                raise _NotSimple(pos)
            name = tag.group(1).lower()
            if tag.group(2):
                renderer.handle_startendtag(name, [])
            else:
                renderer.handle_starttag(name, [])
                if name in _CDATA_END:
                    # A script's or style's text is not markup: it runs to its end tag (and,
                    # as a skipped element, shows nothing); without one, to the end.
                    close = _CDATA_END[name].search(text, m.end())
                    if close is None:
                        return
                    renderer.at = close.start()
                    renderer.handle_endtag(name)
                    pos = close.end()
                    continue
        pos = m.end()


# A "<" that opens a complete tag: a name or "/", "!", "?" and then a ">" before any other "<".
_TAG = re.compile(r"<(?=[A-Za-z/!?])[^<>]*>")
_STRAY_LT = "\uff1c"  # FULLWIDTH LESS-THAN SIGN: the same length as "<", so offsets stay exact


def _neutralize_stray_brackets(source: str) -> str:
    """Replace every "<" that cannot start a complete tag.

    The standard library parser rescans the rest of the input for each unterminated tag
    ("<a<a<a …"), which is quadratic on hostile input; text it never sees as a tag
    start cannot trigger that. One linear regex pass; comments and scripts are unaffected
    because their own "<" either start tags or sit inside content that is dropped.
    """
    if source.count("<") == len(_TAG.findall(source)):
        return source
    out, last = [], 0
    for m in _TAG.finditer(source):
        out.append(source[last : m.start()].replace("<", _STRAY_LT))
        out.append(m.group(0))
        last = m.end()
    out.append(source[last:].replace("<", _STRAY_LT))
    return "".join(out)


def render_html(source: str, *, fast: bool = True) -> tuple[str, OffsetMap, list[str]]:
    """Render HTML source to visible text.

    Parameters
    ----------
    source
        The HTML.
    fast
        Tokenize with one regular expression where the markup allows it (the same result,
        several times faster); ``False`` always uses ``html.parser``.

    Returns
    -------
    (visible text, offset map back into ``source``, heading texts in document order)
    """
    text = _neutralize_stray_brackets(source)
    renderer: _Renderer | None = None
    if fast:
        renderer = _FastRenderer(source)
        try:
            _tokenize(renderer, text)
        except _NotSimple:
            renderer = None
    if renderer is None:
        renderer = _Renderer(source)
        renderer.feed(text)
        renderer.close()
    visible = "".join(renderer.parts)
    headings = [visible[a:b].strip() for a, b in renderer.headings if visible[a:b].strip()]
    return visible, renderer.map, headings
