"""One rule for document arguments: a ``str`` is a path; text comes as bytes or a stream.

Every public function that reads or writes a document (``load``, ``load_xml``, ``dump``,
``dump_xml``, ``read_document``, ``validate_document``) follows it, on the real corpus.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import gi_report
from gi_report import (
    DocumentNotFoundError,
    GIReportError,
    InputTooLargeError,
    dump,
    dump_xml,
    load,
    load_xml,
    read_document,
    to_json,
    to_xml,
    validate_document,
)
from gi_report.fileio import read_source, read_stream
from tests.validation.corpus import report_from_expected

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


class Unnamed:
    """A binary stream with no ``name`` (like a pipe) that counts the bytes handed out; endless
    when ``data`` is ``None``."""

    def __init__(self, data: bytes | None) -> None:
        self.data = data
        self.given = 0

    def read(self, size: int = -1) -> bytes:
        if self.data is None:
            chunk = b"x" * (size if size >= 0 else 1 << 20)
        else:
            end = len(self.data) if size < 0 else self.given + size
            chunk = self.data[self.given:end]
        self.given += len(chunk)
        return chunk


@pytest.fixture(scope="module")
def shanghai() -> gi_report.Report:
    """The real 2019 上海市政府办公厅 report (blank 总计 cells, a 2019 layout)."""
    return report_from_expected("2019-shanghai-gov-office")


def test_load_reads_a_path_bytes_and_every_kind_of_stream(tmp_path: Path,
                                                          shanghai: gi_report.Report) -> None:
    path = tmp_path / "shanghai.json"
    dump(shanghai, path)
    data = path.read_bytes()
    with open(path, "rb") as binary, open(path, encoding="utf-8") as text:
        sources: list[Any] = [path, str(path), data, io.BytesIO(data),
                              io.StringIO(data.decode("utf-8")), binary, text, Unnamed(data)]
        for source in sources:
            assert load(source) == shanghai, type(source)


def test_dump_writes_to_binary_and_text_streams(shanghai: gi_report.Report) -> None:
    binary, text = io.BytesIO(), io.StringIO()
    dump(shanghai, binary)
    dump(shanghai, text)
    assert binary.getvalue() == to_json(shanghai).encode("utf-8")
    assert text.getvalue() == to_json(shanghai)
    assert not binary.closed and not text.closed  # the caller's stream is left open
    stated = json.loads(text.getvalue())["applications"]
    assert stated["results_total"]["total"] == 805
    assert stated["granted"]["total"] is None  # the real report leaves it blank: null, not 0


def test_xml_round_trips_through_streams(shanghai: gi_report.Report) -> None:
    binary, text = io.BytesIO(), io.StringIO()
    dump_xml(shanghai, binary)
    dump_xml(shanghai, text)
    assert binary.getvalue() == to_xml(shanghai)
    assert text.getvalue() == to_xml(shanghai).decode("utf-8")
    assert load_xml(io.BytesIO(binary.getvalue())) == shanghai
    assert load_xml(io.StringIO(text.getvalue())) == shanghai
    assert load_xml(binary.getvalue()) == shanghai


@pytest.mark.parametrize("reader", [load, load_xml, read_document])
def test_a_str_that_names_no_file_is_a_typed_error(reader: Any) -> None:
    text = (CORPUS / "2022-beijing-xicheng-cgzx.txt").read_text(encoding="utf-8")
    for given in (text, "nowhere.json", "x\x00y"):
        with pytest.raises(DocumentNotFoundError) as caught:
            reader(given)
        error = caught.value
        assert isinstance(error, GIReportError) and isinstance(error, FileNotFoundError)
        assert "pass bytes or a stream for document text" in str(error)
        assert len(error.path) <= 120 and error.path.startswith(given[:20])


def test_validate_document_refuses_text_in_a_str_and_reads_it_from_a_stream(
    shanghai: gi_report.Report,
) -> None:
    """It never raises on what it is given: text in a ``str`` is an unreadable file, with the
    rule in the message, never validated as text."""
    text = to_json(shanghai)
    refused = validate_document(text)
    assert [f.code for f in refused.findings] == ["gi.schema.unreadable"]
    assert not refused.readable and refused.source is not None and len(refused.source) <= 120
    assert "pass bytes or a stream for document text" in refused.findings[0].message_en
    expected = gi_report.validate(shanghai).findings
    assert validate_document(io.StringIO(text)).findings == expected
    assert validate_document(Unnamed(text.encode("utf-8"))).findings == expected


def test_read_document_from_an_unnamed_stream_sniffs_the_kind_or_takes_kind() -> None:
    data = (CORPUS / "2023-shuyang-drc.html").read_bytes()
    sniffed = read_document(Unnamed(data), warn=False)
    assert sniffed.kind == "html" and sniffed.source is None
    assert sniffed.report.applications["results_total", "total"] == (
        read_document(CORPUS / "2023-shuyang-drc.html", warn=False)
        .report.applications["results_total", "total"])
    pdf = read_document(Unnamed((CORPUS / "2024-huaian-city.pdf").read_bytes()), warn=False)
    assert pdf.kind == "pdf"  # magic bytes
    markdown = (CORPUS / "2025-shuyang-county.md").read_bytes()
    forced = read_document(Unnamed(markdown), kind="markdown", warn=False)
    assert forced.kind == "markdown" and forced.report.metadata.year == 2025


def test_a_stream_over_the_limit_is_refused_after_limit_plus_one_bytes() -> None:
    endless = Unnamed(None)
    with pytest.raises(InputTooLargeError) as caught:
        read_document(endless, max_bytes=10_000, warn=False)
    assert caught.value.limit == 10_000
    assert endless.given == 10_001  # never more than the limit + 1 bytes read
    text = io.StringIO("y" * 5000)
    with pytest.raises(InputTooLargeError):
        read_stream(text, "text", limit=4999)
    over = validate_document(Unnamed(b"{" + b" " * (33 * 1024 * 1024)))
    assert [f.code for f in over.findings] == ["gi.schema.too_large"]


def test_a_named_stream_keeps_its_name_for_messages(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"format_version": ')
    with open(path, "rb") as handle, pytest.raises(gi_report.DocumentError) as caught:
        load(handle)
    assert caught.value.source == str(path)
    with pytest.raises(TypeError, match=r"a path .* bytes or a file object"):
        read_source(3)  # type: ignore[arg-type]


def test_a_pipe_on_standard_input_is_read_by_content(tmp_path: Path) -> None:
    """``sys.stdin.buffer`` of a pipe (no extension, not seekable): the PDF is told by its
    magic bytes and read to the hand-checked total; JSON is loaded by ``load``."""
    import subprocess

    expected = json.loads((CORPUS / "expected" / "2024-huaian-city.json").read_text("utf-8"))
    script = ("import sys, gi_report; r = gi_report.read_document(sys.stdin.buffer, warn=False); "
              "print(r.source, r.kind, r.report.applications['results_total', 'total'])")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, check=True,
                         input=(CORPUS / "2024-huaian-city.pdf").read_bytes(),
                         capture_output=True)
    total = expected["applications"]["results_total"]["total"]
    assert run.stdout.decode().split() == ["<stdin>", "pdf", str(total)]
    report = report_from_expected("2021-pingtan")
    script = "import sys, gi_report; print(gi_report.load(sys.stdin.buffer).metadata.year)"
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, check=True,
                         input=to_json(report).encode("utf-8"), capture_output=True)
    assert run.stdout.decode().strip() == str(report.metadata.year)
