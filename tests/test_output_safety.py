"""Hostile file names and quotes in every output, and how outputs are written.

Each test builds its hostile input in ``tmp_path``: a file name holding a code span that
closes on an ``<img>``, a newline followed by a workflow command, pipes, commas, ``%``
and terminal escapes; a sentence starting ``=HYPERLINK(`` with a ``<script>``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_to_bytes

import pandas as pd
import pytest
from typer.testing import CliRunner

from reconcile.check import check_corpus
from reconcile.cli import app
from reconcile.output import LOCK_NAME, folder_lock, line_text, path_text, to_csv_text, write_table
from reconcile.report import render
from reconcile.report.markdown import code

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

#: RC101 finds this: a stated 20% CAGR that the document's own figures put at 9.99%.
FINDING = ("The global widget market was valued at USD 10.0 billion in 2024 and is expected to reach "
           "USD 16.1 billion by 2029, growing at a CAGR of 20% from 2024 to 2029.\n\n")
HOSTILE_QUOTE = '=HYPERLINK("http://evil.invalid","x") <script>alert(1)</script> In Europe the widget market was USD 3 billion in 2024.\n'
IMG = "`<img src=x onerror=alert(1)>`"
HOSTILE_NAME = f"a\n::set-output name=x::{IMG}|,%\x1b[31m\x07.txt"


def hostile_corpus(tmp_path: Path, name: str = HOSTILE_NAME) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_text(FINDING + HOSTILE_QUOTE, "utf-8")
    return docs


def check(*args):
    return runner.invoke(app, ["check", *args])


def markdown_html(text: str) -> str:
    """What a Markdown viewer shows, as HTML (GFM tables, no raw HTML passes unescaped)."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable("table").render(text)


def code_texts(html: str) -> list[str]:
    import html as htmllib

    return [htmllib.unescape(t) for t in re.findall(r"<code>(.*?)</code>", html, re.S)]


# Markdown ------------------------------------------------------------------------


@pytest.mark.parametrize("text, shown", [
    ("sources/000_ddc.txt", "sources/000_ddc.txt"),  # no backslash before "_" in a code span
    (IMG + ".txt", IMG + ".txt"),
    ("``x`", "``x`"),
    (" padded ", " padded "),
    ("a\nb\x1b[1m", "a\\nb\\x1b[1m"),
    ("a\\|b", "a\\|b"),
])
def test_code_span_shows_the_text_exactly_in_and_out_of_tables(text, shown):
    assert code_texts(markdown_html(f"x {code(text)} y\n")) == [shown]
    table = f"| a | b |\n|---|---|\n| {code(text, table=True)} | z |\n"
    html = markdown_html(table)
    assert code_texts(html) == [shown] and html.count("<td>") == 2


def test_markdown_report_and_step_summary_show_hostile_names_as_text(tmp_path):
    docs = hostile_corpus(tmp_path)
    for fmt in ("md", "summary"):
        result = check(str(docs), "--format", fmt, "-o", str(tmp_path / f"{fmt}.md"), "-q")
        assert result.exit_code == 1, result.output
        text = (tmp_path / f"{fmt}.md").read_text("utf-8")
        assert not any(line.lstrip().startswith("::") for line in text.splitlines())
        html = markdown_html(text)
        assert "<img" not in html and "<script" not in html
        name = str(docs / line_text(HOSTILE_NAME))
        assert any(t.startswith(name) for t in code_texts(html)), code_texts(html)
        rows = [r for r in re.findall("<tr>(.*?)</tr>", html, re.S) if "::set-output" in r]
        assert len(rows) == (4 if fmt == "md" else 0)  # three cited claims and the inputs table
        assert all(r.count("<td>") == 4 for r in rows)  # the name's pipe split no cell


# CSV -------------------------------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=1+1.txt").write_text(FINDING + HOSTILE_QUOTE, "utf-8")
    for command in (["check", "=1+1.txt", "-f", "csv", "-o", "claims.csv"], ["extract", "=1+1.txt", "-o", "claims.csv"]):
        runner.invoke(app, [*command, "-q"])
        rows = list(csv.DictReader(open("claims.csv", encoding="utf-8", newline="")))
        assert {r["doc"] for r in rows} == {"'=1+1.txt"}
        assert any(r["quote"].startswith("'=HYPERLINK(") for r in rows)
        assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    inputs = list(csv.DictReader(open("claims.inputs.csv", encoding="utf-8", newline="")))
    assert [r["doc"] for r in inputs] == ["'=1+1.txt"]

    result = runner.invoke(app, ["extract", "=1+1.txt", "-o", "raw.csv", "-q", "--csv-raw"])
    assert result.exit_code == 0
    raw = pd.read_csv("raw.csv")
    assert set(raw["doc"]) == {"=1+1.txt"} and raw["quote"].str.startswith("=HYPERLINK(").any()


def test_csv_numbers_stay_numbers_and_only_text_is_neutralized():
    frame = pd.DataFrame({"quote": pd.Series(["-5% drop", "@home", "\tx", "plain", None], dtype="str"),
                          "value": [-5.0, -1.0, 2.0, 3.0, -0.5], "line": [1, 2, 3, 4, 5]})
    back = pd.read_csv(io.StringIO(to_csv_text(frame)), keep_default_na=False)
    assert list(back["quote"]) == ["'-5% drop", "'@home", "'\tx", "plain", ""]
    assert list(back["value"]) == [-5.0, -1.0, 2.0, 3.0, -0.5] and back["value"].dtype == float
    assert to_csv_text(frame, escape_formulas=False).splitlines()[1] == "-5% drop,-5.0,1"


# GitHub annotations and stderr ----------------------------------------------------------


def test_github_annotations_and_stderr_never_start_a_line_of_their_own(tmp_path):
    docs = hostile_corpus(tmp_path)
    result = check(str(docs), "--format", "github", "-o", str(tmp_path / "a.txt"))
    assert result.exit_code == 1
    text = (tmp_path / "a.txt").read_text("utf-8")
    lines = text.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=")
    assert "\x1b" not in text and "\x07" not in text
    prop = re.search(r"file=([^,]*),", lines[0]).group(1)
    assert "a%0A%3A%3Aset-output name=x%3A%3A" in prop and "|%2C%25\\x1b[31m\\x07.txt" in prop
    for line in result.stderr.splitlines():
        assert line.startswith(("reconcile: ", "  ")) and not line.lstrip().startswith("::")
    assert "\x1b" not in result.stderr and "a\\n::set-output" in result.stderr


def test_unreadable_hostile_name_is_one_escaped_line_everywhere(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x\n::error::owned.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    result = check(str(docs), "--format", "github", "-o", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    lines = (tmp_path / "a.txt").read_text("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=") and "x%0A%3A%3Aerror%3A%3Aowned.txt" in lines[0]
    assert "x\\n::error::owned.txt: not read:" in result.stderr
    assert not any(line.startswith("::") for line in result.stderr.splitlines())


# SARIF ---------------------------------------------------------------------------


def test_sarif_uris_are_percent_encoded_and_relative_to_the_working_directory(tmp_path, monkeypatch):
    docs = hostile_corpus(tmp_path, "my report #1 100%.txt")
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    monkeypatch.chdir(tmp_path)
    result = check(str(docs), "-f", "sarif", "-o", "r.sarif")
    assert result.exit_code == 2
    sarif = json.loads(Path("r.sarif").read_text("utf-8"))
    run = sarif["runs"][0]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"] for loc in r["locations"]}
    assert uris == {"docs/my%20report%20%231%20100%25.txt"}
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in notes] == ["docs/broken.txt"]
    assert notes[0]["level"] == "error" and "not read" in notes[0]["message"]["text"]
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(sarif, json.loads((ROOT / "tests/schemas/sarif-2.1.0-rtm.5.json").read_text("utf-8")))

    monkeypatch.chdir(ROOT)  # the documents are outside the working directory now
    outside = check(str(docs / "my report #1 100%.txt"), "-f", "sarif", "-o", "-", "--fail-on", "never")
    uri = json.loads(outside.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/docs/my%20report%20%231%20100%25.txt")


# HTML ----------------------------------------------------------------------------


def test_html_escapes_hostile_names_and_quotes(tmp_path):
    docs = hostile_corpus(tmp_path, IMG + ".txt")
    result = check(str(docs), "-f", "html", "-o", str(tmp_path / "r.html"), "-q")
    assert result.exit_code == 1
    html = (tmp_path / "r.html").read_text("utf-8")
    assert "<img" not in html and "<script>alert" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # the report's own filter script


# File names that are not UTF-8 ---------------------------------------------------------


BAD = os.fsdecode(b"bad\xffname.txt")


def _renamed(result, old: str, new: str):
    """The result as if ``old`` had been named ``new`` (normalize cannot hash such names yet)."""
    for s in result.inputs:
        s.doc = s.doc.replace(old, new)
    for f in result.findings:
        f.message = f.message.replace(old, new)
        for c in f.claims:
            c["doc"] = c["doc"].replace(old, new)
    result.claims["doc"] = pd.Series([d.replace(old, new) for d in result.claims["doc"]], dtype=object)
    return result


def test_path_text_shows_undecodable_bytes_and_line_text_controls():
    assert path_text(BAD) == "bad\\xffname.txt" and path_text(Path(BAD)) == "bad\\xffname.txt"
    assert path_text("café.txt") == "café.txt"
    assert line_text("a\nb\x1b\x07\u202ec") == "a\\nb\\x1b\\x07\\u202ec"


@pytest.mark.parametrize("fmt", ["md", "json", "csv", "html", "sarif", "github", "summary"])
def test_every_report_survives_a_name_that_is_not_utf8(tmp_path, fmt):
    docs = hostile_corpus(tmp_path, "badXname.txt")
    result = _renamed(check_corpus([str(docs)], jobs=1), "badXname", "bad\udcffname")
    text = render(result, fmt)
    assert "bad\\xffname.txt" in text.replace("\\\\", "\\") or "bad%FFname.txt" in text
    text.encode("utf-8")
    if fmt in ("json", "sarif"):
        json.loads(text)


def test_tables_survive_a_name_that_is_not_utf8(tmp_path):
    frame = pd.DataFrame({"doc": pd.Series([BAD], dtype=object), "value": [1.0]})
    for suffix in ("csv", "json", "parquet"):
        pytest.importorskip("pyarrow") if suffix == "parquet" else None
        write_table(frame, str(tmp_path / f"t.{suffix}"))
    assert pd.read_csv(tmp_path / "t.csv")["doc"][0] == "bad\\xffname.txt"
    assert json.loads((tmp_path / "t.json").read_text("utf-8"))[0]["doc"] == "bad\\xffname.txt"
    assert pd.read_parquet(tmp_path / "t.parquet")["doc"][0] == "bad\\xffname.txt"


def test_check_reads_and_audits_a_name_that_is_not_utf8(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    with open(os.fsencode(docs) + b"/bad\xffname.txt", "w", encoding="utf-8") as fh:
        fh.write(FINDING)
    result = check_corpus([str(docs)], jobs=1)
    assert [s.status for s in result.inputs if not s.format.startswith("reference")] == ["ok"]
    assert len(result.findings) == 1
    assert set(result.document_claims()["doc"]) == {f"{docs}/bad\\xffname.txt"}
    for command in (["check", str(docs), "--output-dir", str(tmp_path / "out")],
                    ["extract", str(docs), "-o", str(tmp_path / "claims.csv")]):
        outcome = runner.invoke(app, command)
        assert outcome.exit_code in (0, 1), outcome.output
    assert "bad\\xffname.txt" in (tmp_path / "out" / "report.md").read_text("utf-8")
    assert "bad\\xffname.txt" in (tmp_path / "claims.csv").read_text("utf-8")


# How files are written ------------------------------------------------------------------


def test_reports_are_readable_by_others_as_the_umask_allows(tmp_path):
    docs = hostile_corpus(tmp_path, "w.txt")
    result = check(str(docs), "--output-dir", str(tmp_path / "out"), "-q")
    assert result.exit_code == 1
    umask = os.umask(0)
    os.umask(umask)
    for name in ("report.md", "report.json", "claims.csv", "report.html"):
        assert (tmp_path / "out" / name).stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.skipif(sys.platform == "win32", reason="no fcntl")
def test_a_second_run_waits_for_the_first_to_finish_writing(tmp_path):
    docs = hostile_corpus(tmp_path, "w.txt")
    out = tmp_path / "out"
    with folder_lock(str(out)):
        proc = subprocess.Popen([sys.executable, "-m", "reconcile", "check", str(docs), "--output-dir", str(out)],
                                cwd=ROOT, stderr=subprocess.PIPE, text=True)
        waited = ""
        for line in proc.stderr:
            waited += line
            if "waiting for" in line:
                break
        assert f"waiting for {out / LOCK_NAME}" in waited, waited
        assert not (out / "report.json").exists()  # it waits: nothing is written while we hold the lock
    proc.stderr.read()
    assert proc.wait(timeout=120) == 1
    assert {p.name for p in out.iterdir()} >= {"report.md", "report.json", "claims.csv", "report.html"}


# Everything at once ------------------------------------------------------------------------


def test_every_format_escapes_a_hostile_name_and_quote(tmp_path):
    docs = hostile_corpus(tmp_path)
    out = tmp_path / "out"
    texts = {}
    for fmt, name in [("md", "r.md"), ("csv", "c.csv"), ("github", "a.txt"), ("sarif", "r.sarif"), ("html", "r.html")]:
        result = check(str(docs), "-f", fmt, "-o", str(out / name), "-q")
        assert result.exit_code == 1, result.output
        texts[fmt] = (out / name).read_text("utf-8")
    assert "<img" not in markdown_html(texts["md"]) and "<script" not in markdown_html(texts["md"])
    assert "<img" not in texts["html"] and "<script>alert" not in texts["html"]
    for fmt in ("md", "github"):
        assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in texts[fmt].splitlines()
                   if line.lstrip().startswith("::")), fmt
    assert len(texts["github"].splitlines()) == 1
    quotes = [r["quote"] for r in csv.DictReader(io.StringIO(texts["csv"]))]
    assert any(q.startswith("'=HYPERLINK(") for q in quotes)
    uri = json.loads(texts["sarif"])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert re.fullmatch(r"[A-Za-z0-9%/._~:-]+", uri) and "%0A" in uri and "%60%3Cimg%20" in uri
    assert unquote_to_bytes(uri).decode("utf-8").endswith(HOSTILE_NAME)


def test_a_large_claims_table_is_written_a_slice_at_a_time_with_the_same_text(monkeypatch):
    import reconcile.output as output

    result = check_corpus(["sources"], jobs=1)
    whole = to_csv_text(result.claims)
    monkeypatch.setattr(output, "CSV_CHUNK_ROWS", 7)
    sliced = to_csv_text(result.claims)
    assert len(result.claims) > 7 * 3 and sliced == whole
    assert sliced.count("\n") == len(result.claims) + sum(q.count("\n") for q in result.claims["quote"]) + 1
    assert to_csv_text(result.claims.iloc[:0]) == whole.split("\n", 1)[0] + "\n"  # an empty table: its header
