"""Markdown and plain text with inline HTML: the text without its tags and entities.

Converters and content systems leave HTML inside Markdown (``<p>``, ``<strong>``,
``&nbsp;``, ``&amp;``). Left in, a tag splits a figure from its words and an entity
splits "$1&nbsp;billion" into "$1". Here tags are dropped (a block tag becomes a line
break), entities are decoded, and everything else, Markdown's own line structure
included, is kept as it is, with an exact map back to the file.
"""

from __future__ import annotations

import html
import re

from .offsets import OffsetMap

_MARKUP = re.compile(
    r"<!--.*?-->|</?(?P<tag>[A-Za-z][A-Za-z0-9]*)(?:\s[^<>]{0,2000})?/?>|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,31});",
    re.DOTALL,
)
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                    "blockquote", "section", "article", "header", "footer", "hr", "dd", "dt", "figure", "figcaption"})
_HINT = re.compile(r"</?[A-Za-z][A-Za-z0-9]*[\s/>]|&#?\w+;")


def strip_inline_markup(text: str) -> tuple[str, OffsetMap] | None:
    """The visible text of Markdown or plain text holding HTML tags or entities, or None when it holds none."""
    if not _HINT.search(text):
        return None
    out: list[str] = []
    offsets = OffsetMap()
    vis = orig = 0
    for m in _MARKUP.finditer(text):
        if m.start() > orig:
            offsets.add(vis, orig, m.start(), False)
            out.append(text[orig : m.start()])
            vis += m.start() - orig
        raw = m.group(0)
        if raw.startswith("&"):
            decoded = html.unescape(raw).replace("\xa0", " ")
            if decoded == raw:
                decoded = raw  # not an entity: keep it as written
            offsets.add(vis, m.start(), m.end(), decoded != raw)
            out.append(decoded)
            vis += len(decoded)
        elif m.group("tag") and m.group("tag").lower() in _BLOCK and out and not out[-1].endswith("\n"):
            offsets.add(vis, m.start(), m.end(), True)
            out.append("\n")
            vis += 1
        orig = m.end()
    if orig < len(text):
        offsets.add(vis, orig, len(text), False)
        out.append(text[orig:])
    return "".join(out), offsets
