"""Reading sources: formats, encodings, and bad input that must be reported, not crash."""

from __future__ import annotations

import os
import time

from typer.testing import CliRunner

import reconcile
from reconcile.cli import app
from reconcile.sources import read_document

runner = CliRunner()
SENTENCE = "The global widget market was valued at USD 12.5 billion in 2023. "


def _statuses(frame):
    return {os.path.basename(s["doc"]): s for s in frame.attrs["inputs"]}


def test_crlf_and_bom_keep_exact_quotes(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfTitle\r\n" + SENTENCE.encode() + b"\r\nNext line with 5% share.\r\n")
    frame = reconcile.extract_claims(str(p))
    doc, _ = read_document(str(p))
    assert list(frame.figure) == ["USD 12.5 billion", "5%"]
    for row in frame.itertuples():
        assert doc.text[row.start : row.end] == row.quote
    assert list(frame.line) == [2, 3]


def test_non_utf8_is_decoded_with_a_stated_fallback(tmp_path):
    p = tmp_path / "legacy.txt"
    p.write_bytes("Caf\u00e9 market: the caf\u00e9 market reached \u20ac 3 million in 2022.".encode("cp1252"))
    frame = reconcile.extract_claims(str(p))
    status = _statuses(frame)["legacy.txt"]
    assert status["status"] == "ok" and status["encoding"] == "cp1252"
    assert "decoded as cp1252" in status["warnings"][0]
    assert frame.iloc[0].unit == "EUR" and frame.iloc[0].value == 3_000_000


def test_html_saved_as_txt_is_sniffed_and_entities_map_back(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("<html><body><p>The gadget market stood at &#36;4.2&nbsp;billion in 2021.</p>"
                 "<script>var x = '$9 billion';</script></body></html>", "utf-8")
    frame = reconcile.extract_claims(str(p))
    assert list(frame.value) == [4.2e9]  # the script's figure is not text
    row = frame.iloc[0]
    assert row.quote == p.read_text("utf-8")[row.start : row.end]
    assert "&#36;4.2&nbsp;billion" in row.quote


def test_bad_inputs_are_reported_and_the_rest_is_extracted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(SENTENCE, "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (tmp_path / "garbage.txt").write_bytes(bytes(range(1, 32)) * 200)
    os.symlink(tmp_path / "loop_b.txt", tmp_path / "loop_a.txt")
    os.symlink(tmp_path / "loop_a.txt", tmp_path / "loop_b.txt")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    frame = reconcile.extract_claims(str(tmp_path))
    st = _statuses(frame)
    assert len(frame) == 1 and frame.iloc[0].value == 12.5e9
    assert st["good.txt"]["status"] == "ok"
    assert st["empty.txt"]["status"] == "empty"
    assert st["binary.txt"]["status"] == "error" and "binary" in st["binary.txt"]["message"]
    assert st["garbage.txt"]["status"] == "error"
    assert st["loop_a.txt"]["status"] == "error" and "cannot be read" in st["loop_a.txt"]["message"]
    assert st["notes.pdf"]["status"] == "skipped"

    result = runner.invoke(app, ["extract", str(tmp_path), "-o", str(tmp_path / "out" / "claims.csv")])
    assert result.exit_code == 2
    assert "binary.txt: not read" in result.output
    assert "Traceback" not in result.output
    listing = (tmp_path / "out" / "claims.inputs.csv").read_text("utf-8")
    for name in ("good.txt", "empty.txt", "binary.txt", "garbage.txt", "loop_a.txt", "notes.pdf"):
        assert name in listing


def test_one_huge_line_is_linear(tmp_path):
    p = tmp_path / "long.txt"
    p.write_text((SENTENCE.rstrip(". ") + ", ") * 31_000, "utf-8")  # ~2 MB, one line, one "sentence"
    assert p.stat().st_size > 2_000_000
    t0 = time.perf_counter()
    frame = reconcile.extract_claims(str(p))
    elapsed = time.perf_counter() - t0
    assert len(frame) == 31_000
    assert elapsed < 60, elapsed  # a generous bound: quadratic behaviour would take hours


def test_deeply_nested_html(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<div>" * 20_000 + "<p>The sprocket market is worth $7 billion in 2020.</p>" + "</div>" * 20_000, "utf-8")
    frame = reconcile.extract_claims(str(p))
    assert list(frame.value) == [7e9]
    assert _statuses(frame)["deep.html"]["status"] == "ok"


def test_pathological_markup_does_not_hang(tmp_path):
    p = tmp_path / "weird.html"
    p.write_text("<p>" + "<a<a<a " * 20_000 + "&&&#;" * 10_000 + "<!--" + "x" * 100_000, "utf-8")
    t0 = time.perf_counter()
    reconcile.extract_claims(str(p))
    assert time.perf_counter() - t0 < 60


def test_missing_path_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "nope"), "-o", "-"])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_input_order_does_not_change_the_output(tmp_path):
    a = reconcile.extract_claims(["sources/002_9b09a75ae9898ac2.txt", "sources/001_df29e0ce6f524626.txt"])
    b = reconcile.extract_claims(["sources/001_df29e0ce6f524626.txt", "sources/002_9b09a75ae9898ac2.txt"])
    assert a.to_csv() == b.to_csv()
