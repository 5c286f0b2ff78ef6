"""Property tests: any text in, no exception, every quote an exact substring of the file."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings as hsettings
from hypothesis import strategies as st

from reconcile.offsets import OffsetMap
from reconcile.sources import Document
from reconcile.htmltext import render_html

FRAGMENTS = st.sampled_from([
    "The ", "market ", "was valued at ", "USD ", "$", "€", "1,094.83", "578.14", " billion", "bn", "%",
    " CAGR of ", " by 2034", " in 2024", " from 2024 to 2031", "approximately ", "over ", "North America ",
    "APAC", " | ", "\n", "\r\n", ". ", "<p>", "</p>", "<td>", "&amp;", "&#36;", "**Abbott** ", "-", "(", ")",
    "respectively", " between ", " and ", "Others | 13% |", "\u00a0",
])
TEXT = st.one_of(st.text(max_size=400), st.lists(FRAGMENTS, max_size=60).map("".join))


def _check(extractor, text: str, html: bool) -> None:
    if html:
        visible, offsets, headings = render_html(text)
        doc = Document("x.html", text, visible, offsets, "html", headings)
    else:
        doc = Document("x.txt", text, text, OffsetMap.identity_map(), "text")
    for claim in extractor.extract(doc):
        assert text[claim.start : claim.end] == claim.quote
        assert 1 <= claim.line <= text.count("\n") + 1
        assert claim.metric in ("market_size", "cagr", "share", "revenue", "growth", "other")


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_text_never_raises_and_quotes_are_exact(extractor, text):
    _check(extractor, text, html=False)


@hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXT)
def test_html_never_raises_and_quotes_are_exact(extractor, text):
    _check(extractor, text, html=True)
