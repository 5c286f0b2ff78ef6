"""The HTML report in a real browser (headless Chromium): charts, every finding, and a
hostile source document whose markup must show as text and never run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from reconcile.cli import app

runner = CliRunner()
HOSTILE = ("The personalized medicine market will grow at a CAGR of 30% from 2025 to 2032 "
           "<script>document.title='PWNED'</script> "
           "<img src=x onerror=\"document.body.setAttribute('data-pwned','yes')\">.\n")


def _chromium() -> str:
    """Headless Chromium's path; without one the browser tests are skipped, or fail under CI."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    why = "headless Chromium is needed for the browser test: apt-get install -y chromium (.ci/run does it)"
    if os.environ.get("CI"):
        pytest.fail(why)
    pytest.skip(why)


@pytest.mark.parametrize("ci, outcome", [("", pytest.skip.Exception), ("1", pytest.fail.Exception)])
def test_no_chromium_skips_the_browser_test_except_under_ci(monkeypatch, ci, outcome):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="headless Chromium is needed"):
        _chromium()


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    root = tmp_path_factory.mktemp("html")
    shutil.copytree("sources", root / "sources")
    (root / "sources" / "hostile.txt").write_text(HOSTILE, "utf-8")
    out = root / "report.html"
    result = runner.invoke(app, ["check", str(root / "sources"), "-f", "html", "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    json_out = runner.invoke(app, ["check", str(root / "sources"), "-f", "json", "-o", "-", "-q"])
    return out, json_out.stdout


def test_report_is_self_contained_and_escaped(report):
    out, _ = report
    html = out.read_text("utf-8")
    # nothing is loaded from elsewhere: no attribute or style names a URL (a reference fact's
    # source URL is quoted as text, like any quote)
    assert not re.search(r"""(?:src|href|action|xlink:href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""",
                         html.replace('xmlns="http://www.w3.org/2000/svg"', ""), re.I)
    assert "<script>document.title" not in html and "&lt;script&gt;document.title" in html
    assert "<img src=x" not in html


def test_browser_shows_charts_and_findings_and_runs_no_source_markup(report):
    import json

    out, json_text = report
    dom = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=3000",
         "--dump-dom", out.as_uri()],
        capture_output=True, text=True, timeout=120,
    ).stdout
    assert "<svg" in dom and 'class="chart"' in dom
    for finding in json.loads(json_text)["discrepancies"]:
        assert f'id="{finding["fingerprint"]}"' in dom
    # the hostile text is there, as text; its handlers and script never ran
    assert "data-pwned=\"yes\"" not in dom and "<title>Discrepancy report</title>" in dom
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    # the page's own script did run: the filter counter is filled in
    assert re.search(r'id="shown">\d+ of \d+ claims</span>', dom)


def test_same_bytes_on_every_run(report, tmp_path):
    out, _ = report
    again = tmp_path / "again.html"
    src = out.parent / "sources"
    runner.invoke(app, ["check", str(src), "-f", "html", "-o", str(again), "-q"])
    assert again.read_bytes() == out.read_bytes()


# Measures every chart in the page once it is laid out: each mark's box against its plot
# area, each pair of text boxes, written into the DOM for --dump-dom to carry out.
MEASURE = """<script>
(function () {
  var out = [];
  function inside(b, p) { return b.x >= p.x - 0.5 && b.y >= p.y - 0.5 && b.x + b.width <= p.x + p.width + 0.5
                                 && b.y + b.height <= p.y + p.height + 0.5; }
  function overlap(a, b) { return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5
                                  && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5; }
  Array.prototype.forEach.call(document.querySelectorAll("svg.chart"), function (svg, n) {
    var plot = svg.querySelector("rect.plot-area").getBBox(), marks = 0;
    Array.prototype.forEach.call(svg.querySelectorAll(".mark, polyline, .projection line"), function (m) {
      marks++;
      var b = m.getBBox();
      if (!inside(b, plot)) out.push("chart " + n + ": " + m.outerHTML.slice(0, 120) + " outside the plot area");
    });
    var texts = Array.prototype.map.call(svg.querySelectorAll("text"), function (t) { return [t.textContent, t.getBBox()]; });
    texts.forEach(function (a, i) { texts.slice(i + 1).forEach(function (b) {
      if (overlap(a[1], b[1])) out.push("chart " + n + ": '" + a[0] + "' overlaps '" + b[0] + "'");
    }); });
    out.push("chart " + n + ": " + marks + " marks, " + texts.length + " texts");
  });
  var pre = document.createElement("pre"); pre.id = "measured"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""

AWKWARD = {  # one market each: one point, a 1000× spread, a fall, "over", a range
    "a1.txt": "Alpha Gadget Market Outlook\nThe global alpha gadget market was valued at USD 2.5 billion in 2024 "
              "and is expected to grow at a CAGR of 6% from 2024 to 2030.\n",
    "a2.txt": "Alpha Gadget Industry Brief\nThe global alpha gadget market is expected to grow at a CAGR of 15% "
              "from 2024 to 2030.\n",
    "b1.txt": "Beta Sensor Market Report\nThe global beta sensor market size was USD 12 million in 2023 and is "
              "projected to reach USD 15 million by 2025.\n",
    "b2.txt": "Beta Sensor Market Forecast\nThe global beta sensor market size was USD 12 billion in 2023 and will "
              "reach USD 14 billion in 2025.\n",
    "c1.txt": "Gamma Film Market Decline\nThe global gamma film market was worth USD 800 million in 2023 and is "
              "expected to decline at a CAGR of -8% from 2023 to 2030, reaching USD 1.2 billion in 2030.\n",
    "d1.txt": "Delta Door Market Study\nThe global delta door market is expected to be worth over USD 20 billion "
              "in 2026, growing at a CAGR of 5% from 2026 to 2028.\n",
    "d2.txt": "Delta Door Market Overview\nThe global delta door market will be worth USD 12 billion in 2026.\n",
    "e1.txt": "Epsilon Chip Market Ranges\nThe global epsilon chip market size is estimated at USD 2.21-5.68 billion "
              "in 2025 and USD 9 billion in 2027.\n",
    "e2.txt": "Epsilon Chip Market Review\nThe global epsilon chip market size is USD 30 billion in 2025.\n",
}


def _measured(html_path, tmp_path) -> list[str]:
    page = tmp_path / ("measured-" + html_path.name)
    page.write_text(html_path.read_text("utf-8").replace("</body>", MEASURE + "</body>"), "utf-8")
    dom = subprocess.run(
        [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--run-all-compositor-stages-before-draw",
         "--virtual-time-budget=3000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    ).stdout
    m = re.search(r'<pre id="measured">(.*?)</pre>', dom, re.S)
    assert m, "the measuring script did not run"
    import html
    import json
    return json.loads(html.unescape(m.group(1)))


def _problems(lines: list[str]) -> list[str]:
    return [line for line in lines if not re.fullmatch(r"chart \d+: \d+ marks, \d+ texts", line)]


def test_browser_chart_points_inside_and_labels_apart_on_the_bundled_sources(report, tmp_path):
    out, _ = report
    lines = _measured(out, tmp_path)
    assert _problems(lines) == []
    assert any(re.fullmatch(r"chart 0: [1-9]\d* marks, \d+ texts", line) for line in lines)


def test_browser_chart_points_inside_and_labels_apart_on_awkward_ranges(tmp_path):
    corpus = tmp_path / "awkward"
    corpus.mkdir()
    for name, text in AWKWARD.items():
        (corpus / name).write_text(text, "utf-8")
    out = tmp_path / "awkward.html"
    result = runner.invoke(app, ["check", str(corpus), "-f", "html", "-o", str(out), "-q"])
    assert result.exit_code == 1, result.output
    html = out.read_text("utf-8")
    for market in ("alpha gadget", "beta sensor", "gamma film", "delta door", "epsilon chip"):
        assert f"<h2>{market}</h2>" in html
    lines = _measured(out, tmp_path)
    assert _problems(lines) == []
    assert len(lines) == 5  # every awkward market is charted
    assert 'class="mark bar"' in html and "l5.5,9.5h-11z" in html  # the range's bar, the "over" triangle


def test_claims_table_reads_as_words_with_documents_by_title(report):
    out, _ = report
    html = out.read_text("utf-8")
    table = html[html.index('<table id="claims">'):]
    table = table[:table.index("</table>")]
    head = re.findall(r"<th>([^<]*)</th>", table)
    assert {"document", "kind", "figure", "value", "qualifier", "low", "high", "confidence", "quote"} <= set(head)
    cells = re.sub(r'data-sort="[^"]*"', "", table)  # raw numbers only to sort by
    assert "e+" not in cells and "NA&gt;" not in cells and not re.search(r"\bnan\b", cells.lower())
    assert "<td>USD 578.14 billion</td>" in cells.replace(' class="fig"', "")
    assert '<td class="fig" >USD 578.14B</td>' in cells
    # documents by their metadata title or their own title line, the path on hover
    assert re.search(r'<span class="doc" title="Personalized Medicines Market Dynamics 2025-2032[^"]*'
                     r'\(reliableresearchreports\.com\) — [^"]*002_9b09a75ae9898ac2\.txt:\d+">'
                     r"Personalized Medicines Market Dynamics 2025-2032", cells)
    # no title in metadata and a first line that is a sentence, not a title: the file name
    assert re.search(r'<span class="doc" title="[^"]*001_df29e0ce6f524626\.txt:\d+">001_df29e0ce6f524626\.txt</span>',
                     cells)
    assert ">sources/" not in html and "/sources/001_" not in re.sub(r'title="[^"]*"', "", cells)


def test_charts_name_documents_by_title_and_cards_too(report):
    out, _ = report
    html = out.read_text("utf-8")
    legend = html[html.index('<figcaption class="legend">'):html.index("</figcaption>")]
    assert "Personalized Medicines Market Dynamics 2025-2032" in legend and "sources/" not in re.sub(r'title="[^"]*"', "", legend)
    wheres = re.findall(r'<div class="where">([^\n]*)</div>', html)
    quoted = [w for w in wheres if not w.startswith("fingerprint")]
    assert quoted and all('<span class="doc" title=' in w for w in quoted)
    # a finding's message names its documents the same way, the path on hover
    messages = re.findall(r'<p class="msg">(.*?)</p>', html, re.S)
    assert messages and all("sources/" not in re.sub(r'title="[^"]*"', "", m) for m in messages)
    assert any('<span class="doc" title="' in m for m in messages)
