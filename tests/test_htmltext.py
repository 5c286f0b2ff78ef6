"""HTML to text: the fast tokenizer reads every page exactly as html.parser does."""

from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from reconcile.htmltext import render_html

# Well-formed markup (read by the tokenizer) and the odd cases it leaves to html.parser:
# an unquoted "/" in a value, a broken reference, an unfinished comment, a CDATA section.
MARKUP = [
    "<p>", "</p>", '<div class="a">', "</div>", "<br>", "<br/>", "<br />", "<td>", "</td>", "<th>", "<tr>", "</tr>",
    "<table>", "</table>", "<h1>", "</h1>", "<h2 id=x>", "</h2>", "<title>", "</title>", "<script>", "</script>",
    "</SCRIPT >", "<style type='t'>", "</style>", "<svg>", "</svg>", "<math/>", "<!-- c -->", "<!---->", "<!-->",
    "<!-- a > b -->", "<!doctype html>", "<!x>", "<![CDATA[x]]>", "<?xml v?>", "</>", "</ p>", "</p x>",
    "&amp;", "&amp", "&nbsp;", "&#65;", "&#x41;", "&#65", "&#xZZ;", "&", "& ", "&a.b;", "&a-", "&#",
    "<a href=x/>", "<a b=c>", '<a b = "c" >', "<a b='c'd>", "<a\u00a0b>", '<A HREF="x">', "</A>", "<p/>", "<td/>",
    '<a title="x>y">', "<", ">", "< p>", "<3", "text", " ", "\n", "\r\n", "$5 billion", "12%", "<template>",
    "<script>var a='<p>';</script>", "<p\nclass=x>", "&lt;", "&#8212;", "&copy", "x&y", "&#0;", "&#xD800;",
]


def _read(source: str, *, fast: bool):
    visible, offsets, headings = render_html(source, fast=fast)
    spans = [offsets.span(a, b) for a in range(len(visible) + 1) for b in (a, a + 1) if b <= len(visible)]
    return visible, headings, spans


@hsettings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=30).map("".join))
def test_fast_tokenizer_reads_as_html_parser(source):
    assert _read(source, fast=True) == _read(source, fast=False)


@pytest.mark.parametrize("source", [
    "<p>Revenue &amp; profit: $5&nbsp;billion</p><p>Next</p>",
    "<table><tr><th>Year</th><th>Value</th></tr><tr><td>2024</td><td>$5M</td></tr></table>",
    "<script>if (a < b) { x = '</p>'; }</script><p>after</p>",
    "<style>p{}</style",  # an unclosed style hides the rest
    "<p>a &#36;5 &#x24;6 &#367 &bogus b</p>",
    '<a href=x/>link</a><!-- note > here -->text',
])
def test_fast_tokenizer_matches_html_parser_on_pages(source):
    assert _read(source, fast=True) == _read(source, fast=False)


def test_well_formed_pages_take_the_fast_path():
    from reconcile import htmltext

    page = ('<!doctype html><html><head><title>T</title><style>p{}</style></head><body>'
            '<h1 class="x">Market</h1><p>Revenue &amp; profit &#36;5&nbsp;billion<br/>next</p>'
            "<table><tr><td>2024</td><td>$5M</td></tr></table><!-- note --></body></html>")
    renderer = htmltext._FastRenderer(page)
    renderer.run(page)  # raises _NotSimple if it would fall back
    assert "".join(renderer.parts) == render_html(page, fast=False)[0]
