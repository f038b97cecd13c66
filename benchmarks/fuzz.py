"""The hardening campaign as a repeatable harness: mutated documents through every reader.

Each case is made from a seed document (every corpus document of its kind, and reports generated
by :mod:`gi_report.synthetic` rendered to that kind) by one to three mutations chosen from the
seed's kind (digit runs of every length, numbers longer than the form holds, malformed numbering
markers, huge spans, deep nesting, repeated lines, other encodings, byte damage, zip and PDF
stream damage, JSON values no JSON holds…). A case is fully determined by ``(seed, kind,
index)``, so any case can be replayed alone (``--replay KIND:INDEX``).

Each case runs in a persistent worker process (one per core by default) under a memory limit
(``resource.setrlimit(RLIMIT_AS)``: the worker's own size plus ``--memory``) and a per-case
time limit: ``--timeout`` seconds of CPU time of the case's reading (the issue's budget is on
one core; on a machine shared with other work, wall time says more about the load than about
the case); a worker silent for :data:`HANG_FACTOR` times that in wall time is killed and
replaced. Each case is classified:

* ``clean`` — read (and, for an import, validated and written back to JSON and read again);
* ``documented`` — refused with a :class:`~gi_report.errors.GIReportError` subclass;
* ``crash`` — any other exception, or the worker died;
* ``disagree`` — two readers disagreed on one value (the JSON reader accepted what
  ``validate_document`` calls schema-invalid or the reverse, or an accepted report did not come
  back equal from XML or JSON);
* ``over_time`` / ``over_memory`` — past ``--timeout`` CPU seconds or ``--memory`` bytes;
* ``not_made`` — the harness itself could not build the case (no input reached the library).

    PYTHONPATH=src:. python benchmarks/fuzz.py --quick
    PYTHONPATH=src:. python benchmarks/fuzz.py --cases 10000 --kinds html,text,json
    PYTHONPATH=src:. python benchmarks/fuzz.py --replay text:123
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import random
import re
import resource
import signal
import sys
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
ATTACKS = ROOT / "tests" / "xml" / "attacks"

IMPORT_KINDS = ("html", "text", "markdown", "docx", "pdf")
KINDS = (*IMPORT_KINDS, "json", "xml")
HANG_FACTOR = 10
"""A worker silent for this many times the timeout (making the case included) is killed."""
OUTCOMES = ("clean", "documented", "crash", "disagree", "over_time", "over_memory", "not_made")
NOT_MADE = "the harness could not make the case"
"""A case the harness itself could not build (e.g. a line repeated past the memory limit): no
input reached the library; counted apart, never as clean."""


# --- seeds -----------------------------------------------------------------------------------


def _synthetic(count: int) -> list[Any]:
    from gi_report.form import TEMPLATES
    from gi_report.synthetic import random_report

    rng = random.Random(20261129)
    return [random_report(rng, template=t, blank_rate=rng.choice([0.0, 0.1]))
            for t in TEMPLATES for _ in range(count)]


@cache
def seeds(kind: str) -> tuple[bytes, ...]:
    """The documents mutations start from: the corpus's of ``kind``, and generated ones."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    reports = _synthetic(2)
    files = sorted(CORPUS.glob("*")) + sorted((CORPUS / "wild").glob("*"))
    out: list[bytes] = []
    if kind == "html":
        from gi_report.render.html import render_html

        out += [p.read_bytes() for p in files if p.suffix == ".html"]
        out += [render_html(r).encode("utf-8") for r in reports]
    elif kind == "text":
        from gi_report.render.text import render_report

        out += [p.read_bytes() for p in files if p.suffix == ".txt"]
        out += [render_report(r).encode("utf-8") for r in reports]
    elif kind == "markdown":
        from gi_report.render.markdown import render_markdown

        out += [p.read_bytes() for p in files if p.suffix == ".md" and p.name != "SOURCES.md"]
        out += [render_markdown(r).encode("utf-8") for r in reports]
    elif kind == "docx":
        from tests.importers.test_docx_layout import report_docx

        out += [p.read_bytes() for p in files if p.suffix == ".docx"]
        out += [report_docx(r) for r in reports]
    elif kind == "pdf":
        out += [d for group in pdf_seeds().values() for d in group]
    elif kind == "json":
        from gi_report.codec.json import to_json

        out += [to_json(r).encode("utf-8") for r in reports]
        out.append((ROOT / "examples" / "2022-beijing-xicheng-cgzx.json").read_bytes())
    elif kind == "xml":
        from gi_report.codec.xml import to_xml

        out += [to_xml(r) for r in reports]
        out += [p.read_bytes() for p in sorted(ATTACKS.glob("*.xml"))]
    return tuple(out)


PDF_WEIGHTS = {"small": 88, "table": 5, "report": 5, "corpus": 2}
"""How often a PDF case starts from each group of :func:`pdf_seeds` (percent). Reading costs
about 0.02–0.04 s for a small PDF, 0.12 s for a page of the applications table, 0.17 s for a
generated 3-page report and 0.4 s for the 6-page corpus report (CPU, on this machine): mostly
small ones, so 10,000 cases take minutes, while every group is still reached hundreds of times."""


@cache
def pdf_seeds() -> dict[str, tuple[bytes, ...]]:
    """The PDF seeds by cost: ``small`` (one or two pages: a title, headings, one small table,
    once split across a page break), ``table`` (the applications table on one page),
    ``report`` (generated 3-page reports) and ``corpus`` (the real PDFs)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.importers.test_pdf_generated import report_pdf

    reports = _synthetic(2)
    files = sorted(CORPUS.glob("*")) + sorted((CORPUS / "wild").glob("*"))
    small: list[bytes] = []
    table: list[bytes] = []
    for report in reports:
        *pieces, applications = _small_pdfs(report)
        small += pieces
        table.append(applications)
    return {
        "small": tuple(small),
        "table": tuple(table),
        "report": tuple(report_pdf(r) for r in reports),
        "corpus": tuple(p.read_bytes() for p in files if p.suffix == ".pdf"),
    }


def _small_pdfs(report: Any) -> list[bytes]:
    """Short PDFs of parts of ``report``: the title with the first sections and the proactive
    table; the review table with the problems; the proactive table broken across two pages
    (stitching); last, the applications table on one page."""
    from gi_report.render.narrative import report_title
    from tests.importers.test_docx_layout import official_layout
    from tests.importers.test_pdf_generated import LEFT, TOP, draw_rows
    from tests.importers.test_pdf_writer import PageSpec, pdf_bytes

    spec = report.template_spec
    layouts = {t.id: official_layout(t, report.table(t.id)) for t in spec.tables}
    title = report_title(report)
    proactive, review = layouts["proactive"], layouts["review_litigation"]

    def page(*headings: str) -> PageSpec:
        out = PageSpec()
        out.text(100, 30, title, 12)
        for i, heading in enumerate(headings):
            out.text(LEFT + 20, TOP + 20 * i, spec.section(heading).heading, 12)
        return out

    first = page("overview", "proactive")
    first.text(LEFT, 110, report.preamble or "", 10)
    draw_rows(first, proactive, 0, proactive.rows, 130)
    second = page("review_litigation")
    bottom = draw_rows(second, review, 0, review.rows, TOP + 20)
    second.text(LEFT + 20, bottom + 20, spec.section("problems").heading, 12)
    second.text(LEFT, bottom + 40, report.problems.text or "", 10)
    top, rest = page("proactive"), PageSpec()
    draw_rows(top, proactive, 0, proactive.rows // 2, TOP + 20, split_text=True)
    draw_rows(rest, proactive, proactive.rows // 2, proactive.rows, TOP, split_text=True)
    wide = page("applications")
    draw_rows(wide, layouts["applications"], 0, layouts["applications"].rows, TOP + 20)
    return [pdf_bytes([first]), pdf_bytes([second]), pdf_bytes([top, rest]), pdf_bytes([wide])]


@cache
def form_words() -> tuple[str, ...]:
    """Labels and headings of the form (from :mod:`gi_report.form`, never typed here)."""
    from gi_report.form import TEMPLATES

    words: list[str] = []
    for template in TEMPLATES.values():
        words += [s.heading for s in template.sections]
        for table in template.tables:
            words += [row.label for row in table.rows]
            words += [column.label for column in table.columns]
    return tuple(dict.fromkeys(w for w in words if w))


# --- mutations ---------------------------------------------------------------------------------

Mutation = Callable[[random.Random, str], str]
_NUMBER = re.compile(r"[0-9]+")


def _at(rng: random.Random, text: str) -> int:
    return rng.randrange(len(text) + 1)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    i = _at(rng, text)
    return text[:i] + piece + text[i:]


def digit_run(rng: random.Random, text: str) -> str:
    """A run of digits of any length, up to far past Python's 4,300-digit int limit."""
    length = rng.choice([8, 20, 45, 100, 200, 1000, 4301, 6000])
    return _insert(rng, text, "".join(rng.choice("0123456789") for _ in range(length)))


def long_number(rng: random.Random, text: str) -> str:
    """A printed number replaced by one longer than the form holds (or a long decimal)."""
    matches = list(_NUMBER.finditer(text))
    if not matches:
        return digit_run(rng, text)
    m = rng.choice(matches)
    digits = rng.choice([16, 17, 30, 4301, 5000])
    new = "9" * digits if rng.random() < 0.7 else "1." + "3" * digits
    return text[: m.start()] + new + text[m.end():]


def numeral_marker(rng: random.Random, text: str) -> str:
    """A numbering marker that is not a numeral (（一一）, 十十、)."""
    marker = rng.choice(["（一一）", "（十十）", "一一、", "（二十二十）", "（一二三）", "十十十、",
                         "(九九)", "（十一十）"])
    return _insert(rng, text, "\n" + marker + rng.choice(form_words()))


def form_label(rng: random.Random, text: str) -> str:
    """A label or heading of the form put somewhere else (or many times)."""
    words = form_words()
    piece = "".join(rng.choice(words) + rng.choice(["", "\t", " ", "\n", "0", "12"])
                    for _ in range(rng.choice([1, 3, 30])))
    return _insert(rng, text, piece)


def repeat_line(rng: random.Random, text: str) -> str:
    """A line repeated many times (to 50,000)."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    times = rng.choices([2, 100, 5000, 30_000, 60_000], weights=[45, 45, 7, 2, 1])[0]
    times = min(times, max(2, 64 * 1024 * 1024 // (len(lines[i]) + 1)))  # at most 64 MiB
    return "\n".join(lines[:i] + [lines[i]] * times + lines[i + 1:])


def delete_chunk(rng: random.Random, text: str) -> str:
    i = _at(rng, text)
    return text[:i] + text[i + rng.choice([1, 10, 100, 2000]):]


def copy_chunk(rng: random.Random, text: str) -> str:
    i, j = sorted((_at(rng, text), _at(rng, text)))
    return _insert(rng, text, text[i:j][:5000])


def odd_chars(rng: random.Random, text: str) -> str:
    """Control characters, NUL, lone surrogates, full-width digits, odd spaces."""
    pieces = ["\x00", "\x0b", "\x1b", "\ud800", "\udc80", "\ufffd", "\u3000", "\u00a0",
              "０１２３", "\u2029", "\r", "\ufeff", "\U0001f600", "&#0;", "&#xD800;"]
    out = text
    for _ in range(rng.choice([1, 5, 50])):
        out = _insert(rng, out, rng.choice(pieces))
    return out


def truncate(rng: random.Random, text: str) -> str:
    return text[: _at(rng, text)]


def markup(rng: random.Random, text: str) -> str:
    """HTML markup damage: huge or odd spans, deep nesting, tables in tables."""
    piece = rng.choice([
        f'<td colspan="{rng.choice(["9" * 20, "9" * 5000, "-1", "0", "1e9", " 7x"])}">1</td>',
        f'<td rowspan="{rng.choice(["9" * 20, "9" * 5000, "-3", "65535"])}">2</td>',
        "<div>" * rng.choice([100, 1000, 20_000]),
        "<table><tr><td>" * rng.choice([10, 300, 3000]),
        "</td></tr></table>" * 50,
        "<tr>" + "<td>1</td>" * rng.choice([50, 5000]) + "</tr>",
        "<br>" * 10_000,
        "<!--" + "x" * 100,
        "<![CDATA[",
        "<script>" + "1" * 1000,
    ])
    return _insert(rng, text, piece)


def pipes(rng: random.Random, text: str) -> str:
    """Markdown or text table damage: rows of many cells, rules, tabs."""
    piece = rng.choice([
        "\n|" + "1|" * rng.choice([20, 2000]) + "\n",
        "\n|---" * 300 + "\n",
        "\n" + "\t1" * rng.choice([20, 5000]) + "\n",
        "\n#" * 1000,
        "\n> " * 2000,
        "\n" + "    " * 2000 + "x",
    ])
    return _insert(rng, text, piece)


TEXT_MUTATIONS: tuple[Mutation, ...] = (
    digit_run, long_number, numeral_marker, form_label, repeat_line, delete_chunk, copy_chunk,
    odd_chars, truncate,
)
MUTATIONS: dict[str, tuple[Mutation, ...]] = {
    "html": (*TEXT_MUTATIONS, markup, markup),
    "text": (*TEXT_MUTATIONS, pipes),
    "markdown": (*TEXT_MUTATIONS, pipes, markup),
}


def _encode(rng: random.Random, text: str) -> bytes:
    codec = rng.choices(["utf-8", "utf-16", "utf-32", "gb18030", "utf-8-sig"],
                        weights=[85, 4, 3, 5, 3])[0]
    return text.encode(codec, errors="surrogatepass" if "utf" in codec else "replace")


def damage_bytes(rng: random.Random, data: bytes) -> bytes:
    """Byte-level damage: flips, inserted or removed bytes, a truncation."""
    out = bytearray(data)
    for _ in range(rng.choice([1, 3, 20])):
        if not out:
            break
        how = rng.random()
        i = rng.randrange(len(out))
        if how < 0.5:
            out[i] ^= 1 << rng.randrange(8)
        elif how < 0.7:
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.choice([1, 8, 64])))
        elif how < 0.9:
            del out[i:i + rng.choice([1, 16, 256])]
        else:
            del out[i:]
    return bytes(out)


def _text_case(rng: random.Random, kind: str, seed: bytes) -> bytes:
    text = seed.decode("utf-8", errors="replace")
    for _ in range(rng.choice([1, 1, 2, 3])):
        text = rng.choice(MUTATIONS[kind])(rng, text)
    data = _encode(rng, text)
    return damage_bytes(rng, data) if rng.random() < 0.1 else data


def _xml_mutation(rng: random.Random, xml: str) -> str:
    """Word XML damage: spans, merges and rows multiplied, nesting, text mutations."""
    how = rng.randrange(8)
    if how == 0:
        return re.sub(r'w:gridSpan w:val="[0-9]+"',
                      f'w:gridSpan w:val="{rng.choice(["512", "9" * 30, "9" * 5000, "-4"])}"',
                      xml, count=rng.choice([1, 50]))
    if how == 1:
        rows = re.findall(r"<w:tr[ >].*?</w:tr>", xml, flags=re.S)
        if rows:
            row = rng.choice(rows)
            return xml.replace(row, row * rng.choice([10, 3000, 12_000]), 1)
    if how == 2:
        return xml.replace("<w:tc>", '<w:tc><w:tcPr><w:vMerge/></w:tcPr>', rng.choice([1, 30]))
    if how == 3:
        paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S)
        if paragraphs:
            p = rng.choice(paragraphs)
            return xml.replace(p, p * rng.choice([100, 10_000, 25_000]), 1)
    if how == 4:
        i = xml.find("<w:body>")
        if i >= 0:
            depth = rng.choice([20, 200])
            nest = "<w:tbl><w:tr><w:tc>" * depth + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * depth
            return xml[: i + 8] + nest + xml[i + 8:]
    if how == 5:
        return xml.replace('w:gridBefore w:val="', 'w:gridBefore w:val="99999999', 1) + ""
    return rng.choice(TEXT_MUTATIONS)(rng, xml)


def _docx_case(rng: random.Random, seed: bytes) -> bytes:
    if rng.random() < 0.25:
        return damage_bytes(rng, seed)
    source = zipfile.ZipFile(io.BytesIO(seed))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for _ in range(rng.choice([1, 2])):
                    xml = _xml_mutation(rng, xml)
                data = xml.encode("utf-8", errors="surrogatepass")
            target.writestr(info, data)
        if rng.random() < 0.05:  # a zip bomb member
            target.writestr("word/bomb.xml", b"<a>" + b" " * (80 * 1024 * 1024) + b"</a>")
    return out.getvalue()


_STREAM = re.compile(rb"stream\r?\n")


@cache
def _bomb(mebibytes: int) -> bytes:
    """``mebibytes`` MiB of spaces, deflated (made once, a MiB at a time: no big buffer)."""
    deflater = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    return b"".join(deflater.compress(chunk) for _ in range(mebibytes)) + deflater.flush()


def _pdf_case(rng: random.Random, seed: bytes) -> bytes:
    how = rng.random()
    if how < 0.6:
        return damage_bytes(rng, seed)
    starts = [m.end() for m in _STREAM.finditer(seed)]
    if not starts or how > 0.97:  # a bomb: one content stream inflating to gigabytes
        body = _bomb(rng.choice([60, 600]))
        return seed.replace(b"%%EOF", b"", 1) + b"\n99 0 obj << /Length %d /Filter " \
            b"/FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream\nendobj\n%%EOF\n"
    start = rng.choice(starts)
    inflater = zlib.decompressobj()
    try:
        content = inflater.decompress(seed[start:], 8 * 1024 * 1024)
    except zlib.error:
        return damage_bytes(rng, seed)
    used = len(seed) - start - len(inflater.unused_data) - len(inflater.unconsumed_tail)
    text = content.decode("latin-1")
    for _ in range(rng.choice([1, 2])):
        text = rng.choice([digit_run, repeat_line, delete_chunk, copy_chunk, truncate])(rng, text)
    packed = zlib.compress(text.encode("latin-1", errors="replace"))
    return seed[:start] + packed + seed[start + used:]


# --- JSON values -------------------------------------------------------------------------------


def random_value(rng: random.Random, depth: int = 0) -> Any:
    """Any Python value a JSON reader may be given, JSON or not."""
    roll = rng.random()
    if depth > 4 or roll < 0.45:
        return rng.choice([
            None, True, False, 0, -1, 2**53 - 1, 2**53, -(2**53), 10**20, 10**5000,
            rng.randrange(-10**6, 10**6), 1.5, float("nan"), float("inf"), Decimal("0.35"),
            Decimal("NaN"), Decimal("1E+3"), "", "3", "0.35", *_versions(), "—",
            "\ud800", "x" * rng.choice([1, 100, 10_000]), complex(1, 2), b"bytes", {1, 2},
            object(), (1, 2), "1" * 5000,
        ])
    if roll < 0.75:
        names = ["a", "template", "metadata", "year", "", "~/", "total", "format_version", 1, None]
        return {rng.choice(names) if rng.random() < 0.9 else ("a", "b"):
                random_value(rng, depth + 1) for _ in range(rng.randrange(4))}
    return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]


@cache
def _versions() -> tuple[str, ...]:
    from gi_report.form import TEMPLATES

    return tuple(TEMPLATES)


def _pointers(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _pointers(v, (*here, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _pointers(v, (*here, i))


def json_case(rng: random.Random, index: int) -> tuple[str, Any]:
    """A JSON case: ``("value", python_value)`` or ``("text", json_text)``."""
    document = json.loads(rng.choice(seeds("json")).decode("utf-8"))
    how = rng.random()
    if how < 0.15:
        return "value", random_value(rng)
    if how < 0.25:  # deep nesting
        deep: Any = rng.choice([1, "x", None])
        for _ in range(rng.choice([65, 1000, 20_000])):
            deep = {"a": deep} if rng.random() < 0.5 else [deep]
        path = rng.choice(list(_pointers(document)))
        _set(document, path, deep)
        return "value", document
    for _ in range(rng.choice([1, 1, 2, 5])):
        path = rng.choice(list(_pointers(document)))
        if path and rng.random() < 0.15:
            _delete(document, path)
        else:
            _set(document, path, random_value(rng))
    if rng.random() < 0.5:
        return "value", document
    try:  # as JSON text (the reader's duplicate names and syntax are then tested too)
        text = json.dumps(document, ensure_ascii=rng.random() < 0.3, default=repr)
    except (TypeError, ValueError):  # a name JSON has no form for: give the value itself
        return "value", document
    if rng.random() < 0.3:
        text = text.replace('"template":', f'"template": "{_versions()[-1]}", "template":', 1)
    if rng.random() < 0.2:
        text = _text_case(rng, "text", text.encode("utf-8", "surrogatepass")).decode(
            "utf-8", "replace")
    return "text", text


def _set(document: Any, path: tuple[Any, ...], value: Any) -> None:
    if not path:
        return
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value


def _delete(document: Any, path: tuple[Any, ...]) -> None:
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]


def xml_case(rng: random.Random) -> bytes:
    seed = rng.choice(seeds("xml"))
    text = seed.decode("utf-8")
    how = rng.random()
    if how < 0.1:  # many attributes, or many elements
        i = text.find(">", text.find("<metadata") if "<metadata" in text else 0)
        if i > 0 and rng.random() < 0.5:
            text = text[:i] + " " + " ".join(f'a{k}="1"' for k in range(rng.choice([20, 50_000]))
                                             ) + text[i:]
        else:
            text = _insert(rng, text, "<x/>" * rng.choice([100, 300_000]))
    else:
        for _ in range(rng.choice([1, 2])):
            text = rng.choice((*TEXT_MUTATIONS, long_number, long_number))(rng, text)
    data = text.encode("utf-8", errors="surrogatepass")
    return damage_bytes(rng, data) if rng.random() < 0.1 else data


# --- running one case --------------------------------------------------------------------------


def case_rng(seed: int, kind: str, index: int) -> random.Random:
    return random.Random(f"{seed}:{kind}:{index}")


def make_document(seed: int, kind: str, index: int) -> bytes:
    """The bytes of importer case ``index`` of ``kind``."""
    rng = case_rng(seed, kind, index)
    documents = seeds(kind)
    if kind == "pdf":
        groups = pdf_seeds()
        group = rng.choices(list(PDF_WEIGHTS), weights=list(PDF_WEIGHTS.values()))[0]
        documents = groups[group] or documents
    source = rng.choice(documents)
    if kind == "docx":
        return _docx_case(rng, source)
    if kind == "pdf":
        return _pdf_case(rng, source)
    return _text_case(rng, kind, source)


class Disagreement(Exception):
    """Two readers of the project gave different answers on one value."""


def _import_case(kind: str, data: bytes, given: bool) -> None:
    from gi_report import read_document, validate
    from gi_report.codec.json import from_json, to_json

    result = read_document(data, kind=kind if given else None, warn=False)
    validate(result.report)
    text = to_json(result.report)
    try:
        back = from_json(text)
    except Exception as error:
        raise Disagreement(f"an imported report's JSON is refused: {error}") from None
    if back != result.report:
        raise Disagreement("an imported report does not come back equal from JSON")


def _utf8(text: str) -> bytes:
    """JSON text as the bytes a file would hold, cut after the size limit (see _json_case)."""
    from gi_report.fileio import MAX_DOCUMENT_BYTES

    return text[: MAX_DOCUMENT_BYTES + 1].encode("utf-8", "surrogatepass")


def _json_case(how: str, value: Any) -> None:
    from gi_report.codec.json import from_dict, from_json
    from gi_report.codec.xml import from_xml, to_xml
    from gi_report.errors import GIReportError
    from gi_report.validation.document import validate_document

    refusal: GIReportError | None = None
    try:
        report = from_json(value) if how == "text" else from_dict(value)
    except GIReportError as error:
        refusal = error
    accepted = refusal is None
    # a str is a path to validate_document: JSON text goes to it as its UTF-8 bytes (of a text
    # over the size limit only the first limit + 1 characters: still over it, and the harness
    # does not spend the case's memory on a copy the library would not read)
    checked = validate_document(_utf8(value) if how == "text" else value)
    schema_ok = not any(f.code.startswith("gi.schema") for f in checked.findings)
    if schema_ok != accepted:
        raise Disagreement(f"the JSON reader {'accepted' if accepted else 'refused'} but "
                           f"validate_document found the document "
                           f"{'valid' if schema_ok else 'invalid'}")
    if refusal is not None:
        raise refusal
    try:
        back = from_xml(to_xml(report))
    except GIReportError as error:
        raise Disagreement(f"XML refuses what JSON accepts: {error}") from None
    if back != report:
        raise Disagreement("a report does not come back equal from XML")


def _xml_case(data: bytes) -> None:
    from gi_report.codec.xml import from_xml
    from gi_report.validation.document import validate_document

    validate_document(data)  # never raises on the document
    from_xml(data)


def make_case(seed: int, kind: str, index: int) -> Callable[[], None]:
    """Case ``index`` of ``kind``, made (not run): a function that runs it."""
    if kind in IMPORT_KINDS:
        data = make_document(seed, kind, index)
        return lambda: _import_case(kind, data, given=index % 2 == 0)
    if kind == "json":
        how, value = json_case(case_rng(seed, kind, index), index)
        return lambda: _json_case(how, value)
    xml = xml_case(case_rng(seed, kind, index))
    return lambda: _xml_case(xml)


def run_case(seed: int, kind: str, index: int, timing: list[float] | None = None
             ) -> tuple[str, str]:
    """Run one case here (no timeout): its outcome and a one-line detail; ``timing`` receives
    the CPU seconds spent reading, then the wall seconds (the case's making is not counted)."""
    from gi_report.errors import GIReportError

    try:
        case = make_case(seed, kind, index)
    except Exception as error:  # a fault of the harness, not of the library: say so
        return "not_made", f"{NOT_MADE}: {type(error).__name__}: {error}"
    start, cpu = time.perf_counter(), time.process_time()
    try:
        case()
    except MemoryError:
        return "over_memory", "MemoryError"
    except Disagreement as error:
        return "disagree", str(error)[:300]
    except GIReportError as error:
        return "documented", f"{type(error).__name__}: {str(error)[:200]}"
    except Exception as error:
        if _memory_in(error):
            return "over_memory", f"{type(error).__name__}: {error}"[:300]
        where = traceback.extract_tb(error.__traceback__)[-1]
        return "crash", (f"{type(error).__name__}: {str(error)[:200]} "
                         f"({Path(where.filename).name}:{where.lineno})")
    finally:
        if timing is not None:
            timing += [time.process_time() - cpu, time.perf_counter() - start]
    return "clean", ""


def _memory_in(error: BaseException) -> bool:
    seen = 0
    current: BaseException | None = error
    while current is not None and seen < 20:
        if isinstance(current, MemoryError):
            return True
        current = current.__cause__ or current.__context__
        seen += 1
    return False


# --- workers -----------------------------------------------------------------------------------


def _limit_memory(extra: int) -> None:
    """Let this process grow by ``extra`` bytes of address space past what it has now."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[0])
    size = pages * os.sysconf("SC_PAGE_SIZE") + extra
    resource.setrlimit(resource.RLIMIT_AS, (size, size))


def _worker(conn: Connection, seed: int, memory: int, limit: float) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from gi_report.batch.runner import _ignore_interrupt

    _ignore_interrupt(os.getppid())  # die with the campaign (Linux), as batch workers do
    import warnings

    warnings.simplefilter("ignore")
    for kind in KINDS:  # load everything before the limit: it measures the cases, not imports
        seeds(kind)
    for size in (60, 600):
        _bomb(size)
    run_case(seed, "html", 0)
    run_case(seed, "pdf", 1)
    _limit_memory(memory)
    conn.send("ready")
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        kind, index = task
        timing: list[float] = []
        outcome, detail = run_case(seed, kind, index, timing)
        seconds, wall = timing if timing else (0.0, 0.0)
        if outcome in ("clean", "documented") and seconds > limit:
            outcome, detail = "over_time", (f"{seconds:.1f} s CPU ({wall:.1f} s wall): "
                                            f"{outcome} {detail}")[:300]
        conn.send((outcome, detail, seconds))


class Worker:
    """A persistent worker process with a pipe; replaced after a timeout or a crash."""

    def __init__(self, seed: int, memory: int, limit: float) -> None:
        self.seed, self.memory, self.limit = seed, memory, limit
        self.start()

    def start(self) -> None:
        parent, child = multiprocessing.Pipe()
        self.conn = parent
        self.process = multiprocessing.Process(
            target=_worker, args=(child, self.seed, self.memory, self.limit), daemon=True)
        self.process.start()
        child.close()
        if not self.conn.poll(300) or self.conn.recv() != "ready":
            raise RuntimeError("a fuzz worker did not start")

    def restart(self) -> None:
        self.process.kill()
        self.process.join()
        self.start()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()


def campaign(tasks: list[tuple[str, int]], *, seed: int, jobs: int, timeout: float,
             memory: int, progress: bool = True, log: Path | None = None
             ) -> list[tuple[str, int, str, str, float]]:
    """Run every task on ``jobs`` workers: (kind, index, outcome, detail, seconds) each; with
    ``log``, each result is also appended to that JSON Lines file as it comes (a long campaign
    stopped early keeps what it did: ``--summarize LOG``)."""
    sink = open(log, "a", encoding="utf-8") if log else None  # noqa: SIM115
    workers = [Worker(seed, memory, timeout) for _ in range(jobs)]
    busy: dict[int, tuple[str, int, float]] = {}
    results: list[tuple[str, int, str, str, float]] = []
    pending = list(reversed(tasks))
    done = 0
    try:
        while pending or busy:
            for w, worker in enumerate(workers):
                if w not in busy and pending:
                    kind, index = pending.pop()
                    worker.conn.send((kind, index))
                    busy[w] = (kind, index, time.perf_counter())
            for w in list(busy):
                worker = workers[w]
                kind, index, started = busy[w]
                if worker.conn.poll(0.002):
                    try:
                        outcome, detail, seconds = worker.conn.recv()
                    except (EOFError, OSError):
                        outcome, detail = "crash", f"worker died ({worker.process.exitcode})"
                        seconds = time.perf_counter() - started
                        worker.restart()
                    else:
                        if outcome == "over_memory":
                            worker.restart()
                    results.append((kind, index, outcome, detail, seconds))
                    del busy[w]
                    done += 1
                    _log(sink, results[-1])
                elif time.perf_counter() - started > HANG_FACTOR * timeout:
                    # making the case is not timed; reading it is (by the worker), unless
                    # it hangs: then the worker is killed here
                    worker.restart()
                    results.append((kind, index, "over_time", f"> {HANG_FACTOR * timeout} s "
                                    "with the making of the case", HANG_FACTOR * timeout))
                    del busy[w]
                    done += 1
                    _log(sink, results[-1])
                elif not worker.process.is_alive():
                    results.append((kind, index, "crash",
                                    f"worker died ({worker.process.exitcode})", 0.0))
                    worker.restart()
                    del busy[w]
                    done += 1
                    _log(sink, results[-1])
            if progress and done and done % 500 == 0:
                print(f"  {done}/{len(tasks)}", file=sys.stderr, flush=True)
    finally:
        for worker in workers:
            worker.stop()
        if sink is not None:
            sink.close()
    return results


def _log(sink: Any, result: tuple[str, int, str, str, float]) -> None:
    if sink is not None:
        sink.write(json.dumps(result) + "\n")  # ASCII: a detail may hold a lone surrogate
        sink.flush()


def read_log(path: Path) -> list[tuple[str, int, str, str, float]]:
    """The results a campaign logged (complete lines only)."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        with contextlib.suppress(ValueError):
            kind, index, outcome, detail, seconds = json.loads(line)
            if outcome == "crash" and detail.startswith(NOT_MADE):  # logs of older harnesses
                outcome = "not_made"
            out.append((kind, index, outcome, detail, seconds))
    return out


def table(results: list[tuple[str, int, str, str, float]]) -> str:
    """The campaign's table: per kind, cases by outcome and the slowest case's seconds."""
    lines = ["| kind | cases | " + " | ".join(OUTCOMES) + " | slowest (CPU s) |",
             "|---|---:|" + "---:|" * len(OUTCOMES) + "---:|"]
    kinds = list(dict.fromkeys(r[0] for r in results))
    for kind in [*kinds, "all"]:
        rows = [r for r in results if kind in ("all", r[0])]
        counts = [sum(1 for r in rows if r[2] == outcome) for outcome in OUTCOMES]
        slowest = max((r[4] for r in rows), default=0.0)
        lines.append(f"| {kind} | {len(rows):,} | " + " | ".join(f"{c:,}" for c in counts)
                     + f" | {slowest:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases per kind")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--start", type=int, default=0, help="first case index")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--timeout", type=float, default=10.0, help="CPU seconds per case")
    parser.add_argument("--memory", type=int, default=1024, help="MiB per case")
    parser.add_argument("--quick", action="store_true", help="60 cases per kind")
    parser.add_argument("--out", type=Path, help="write every non-clean case to this JSON file")
    parser.add_argument("--replay", help="KIND:INDEX: run one case here and print its outcome")
    parser.add_argument("--log", type=Path, help="append each result to this JSON Lines file")
    parser.add_argument("--summarize", type=Path, nargs="+", metavar="LOG",
                        help="print the table of --log files (several: one campaign in parts)")
    args = parser.parse_args(argv)
    if args.replay:
        kind, index = args.replay.split(":")
        timing: list[float] = []
        print(run_case(args.seed, kind, int(index), timing))
        if timing:
            print(f"{timing[0]:.2f} s CPU, {timing[1]:.2f} s wall")
        return 0
    if args.summarize:
        results = [r for path in args.summarize for r in read_log(path)]
        print(table(results))
        for kind, index, outcome, detail, seconds in results:
            if outcome not in ("clean", "documented"):
                print(f"{outcome}: {kind}:{index} ({seconds:.1f} s) {detail}")
        return 0
    count = 60 if args.quick else args.cases
    kinds = [k for k in args.kinds.split(",") if k]
    tasks = [(k, i) for i in range(args.start, args.start + count) for k in kinds]
    started = time.perf_counter()
    results = campaign(tasks, seed=args.seed, jobs=args.jobs, timeout=args.timeout,
                       memory=args.memory * 1024 * 1024, log=args.log)
    elapsed = time.perf_counter() - started
    print(table(results))
    print(f"\n{len(results):,} cases in {elapsed:.0f} s on {args.jobs} worker(s); seed "
          f"{args.seed}, timeout {args.timeout} s, memory {args.memory} MiB per case")
    bad = [r for r in results if r[2] not in ("clean", "documented", "not_made")]
    for kind, index, outcome, detail, seconds in bad[:40]:
        print(f"{outcome}: {kind}:{index} ({seconds:.1f} s) {detail}")
    slowest = sorted(results, key=lambda r: -r[4])[:8]
    print("slowest: " + ", ".join(f"{k}:{i} {s:.1f} s ({o})" for k, i, o, _, s in slowest))
    if args.out:
        args.out.write_text(json.dumps(
            [{"kind": k, "index": i, "outcome": o, "detail": d, "seconds": round(s, 3)}
             for k, i, o, d, s in bad], indent=1), "utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
