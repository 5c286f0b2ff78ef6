"""HTML to visible text, with a map from every visible character back to the file.

Scripts, styles and comments are dropped; entities are decoded; block elements become
line breaks; table cells are joined with `` | `` so HTML tables read like pipe tables
downstream.

The standard library's ``html.parser`` (no recursion, so deeply nested markup is fine)
defines what a document reads as. Most pages are well-formed markup that one regular
expression tokenizes twice as fast: :class:`_FastRenderer` reads such a page by the same
rules, at the same offsets, as :class:`_Renderer` over ``html.parser``, and hands any page
with markup it does not know exactly how ``html.parser`` reads (an unquoted ``/`` in an
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


_WS = "[ \t\n\r\f]"
# One token of the markup html.parser reads one way only, in its order of trying:
# text up to the next "<" or "&" (html.parser's chunks of text); a start tag with a name
# and attributes with quoted or plain values (no "/" in a plain value: "<a href=x/>" is
# not self-closing there); an end tag; any other complete "<…>" (a comment, declaration
# or processing instruction, or markup left to html.parser); a character or entity
# reference, its ";" taken if there is one; an "&" that starts no reference; else "bad".
_TOKEN = re.compile(
    r"(?P<text>[^&<]+)"
    rf"|(?P<start><(?P<name>[a-zA-Z][-a-zA-Z0-9:_.]*)(?:{_WS}+[a-zA-Z_:@][-a-zA-Z0-9_:.@]*"
    rf"(?:{_WS}*={_WS}*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'=<>`/]+))?)*{_WS}*(?P<slash>/?)>)"
    rf"|</(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*){_WS}*>"
    r"|(?P<other><[^<>]*>)"
    r"|&#(?P<charref>[0-9]+|[xX][0-9a-fA-F]+)(?=[^0-9a-fA-F]);?"
    r"|&(?P<entity>[a-zA-Z][-.a-zA-Z0-9]*)(?=[^a-zA-Z0-9]);?"
    r"|(?P<amp>&)(?=[^a-zA-Z#])"
    r"|(?P<bad>[\s\S])"
)
_COMMENT = re.compile(r"<!--[^<>]*--\s*>\Z")
_CDATA_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in _Renderer.CDATA_CONTENT_ELEMENTS}


class _NotSimple(Exception):
    """Markup the tokenizer leaves to html.parser."""


class _FastRenderer:
    """What :class:`_Renderer` makes of a page, read by :meth:`run` from :data:`_TOKEN`s.

    The rules are :class:`_Renderer`'s callbacks, written out in one loop (with the
    state in local variables) because they run for every tag and every run of text;
    ``tests/test_htmltext.py`` checks that both read every page alike.
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self.parts: list[str] = []
        self.map = OffsetMap()
        self.headings: list[tuple[int, int]] = []

    def run(self, text: str) -> None:
        """Read ``text`` (stray "<" already neutralized: every "<" opens a complete tag) as
        ``html.parser`` would; raise :class:`_NotSimple` on anything else."""
        source, parts, add, headings = self.source, self.parts, self.map.add, self.headings
        length = skip_depth = cell = 0
        skip_tag = heading_start = None
        pos = 0  # tokens before it are inside a script or style
        for m in _TOKEN.finditer(text):
            at = m.start()
            if at < pos:
                continue
            kind = m.lastgroup
            if kind == "text":
                if skip_depth:
                    continue
                data = m.group()
                if not data.strip() and (not parts or parts[-1].endswith(("\n", " "))):
                    continue  # whitespace between block tags means nothing in HTML
                add(length, at, at + len(data), False)
                parts.append(data.translate(_SPACES))  # a line break in HTML text is a space
                length += len(data)
                continue
            if kind == "start" and m.group("slash"):
                # "<br/>": html.parser's handle_startendtag, a line break for a block tag
                if not skip_depth and m.group("name").lower() in BLOCK_TAGS and parts and not parts[-1].endswith("\n"):
                    add(length, at, at, True)
                    parts.append("\n")
                    length += 1
                continue
            if kind == "start" or kind == "end":
                name = m.group("name" if kind == "start" else "end").lower()
                events = [(kind == "start", at)]
                close = None
                if kind == "start" and name in _CDATA_END:
                    # A script's or style's text is not markup: it runs to its end tag (and, as
                    # a skipped element, shows nothing); without one, to the end of the page.
                    close = _CDATA_END[name].search(text, m.end())
                    if close is not None:
                        events.append((False, close.start()))
                        pos = close.end()
                for opens, where in events:
                    if skip_depth:
                        if name == skip_tag:
                            skip_depth += 1 if opens else -1
                        continue
                    if opens and name in SKIP_TAGS:
                        skip_tag, skip_depth = name, 1
                        continue
                    if not opens and name in HEADING_TAGS and heading_start is not None:
                        headings.append((heading_start, length))
                        heading_start = None
                    if opens and name in CELL_TAGS:
                        if cell:
                            add(length, where, where, True)
                            parts.append(" | ")
                            length += 3
                        cell += 1
                    elif (name == "tr" or name in BLOCK_TAGS) and parts and not parts[-1].endswith("\n"):
                        add(length, where, where, True)
                        parts.append("\n")
                        length += 1
                    if opens and name == "tr":
                        cell = 0
                    if opens and name in HEADING_TAGS:
                        heading_start = length
                if kind == "start" and name in _CDATA_END and close is None:
                    return
                continue
            if kind == "charref" or kind == "entity" or kind == "amp":
                if skip_depth:
                    continue
                if kind == "amp":
                    decoded, end, atomic = "&", at + 1, False
                else:
                    ref = m.group(kind)
                    decoded = html.unescape(f"&#{ref};" if kind == "charref" else f"&{ref};")
                    end = at + len(ref) + (2 if kind == "charref" else 1)
                    if source[end : end + 1] == ";":
                        end += 1
                    atomic = True
                if decoded:
                    add(length, at, end, atomic)
                    parts.append(decoded)
                    length += len(decoded)
                continue
            if kind == "other":
                raw = m.group()
                # A comment, a declaration, a processing instruction or "</>" ends at its ">" and
                # shows nothing; an unfinished comment, a marked section or a tag html.parser
                # reads its own way are left to it.
                if raw.startswith("<!--") and not _COMMENT.match(raw) or raw.startswith("<![") \
                        or raw[1] not in "!?" and raw != "</>":
                    raise _NotSimple(at)
                continue
            raise _NotSimple(at)  # a broken or unfinished reference: html.parser reads on as text


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
    renderer: _Renderer | _FastRenderer | None = None
    if fast:
        renderer = _FastRenderer(source)
        try:
            renderer.run(text)
        except _NotSimple:
            renderer = None
    if renderer is None:
        renderer = _Renderer(source)
        renderer.feed(text)
        renderer.close()
    visible = "".join(renderer.parts)
    headings = [visible[a:b].strip() for a, b in renderer.headings if visible[a:b].strip()]
    return visible, renderer.map, headings
