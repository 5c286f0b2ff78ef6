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
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html
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
