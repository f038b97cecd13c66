"""``from_xml`` reads a document parsed with blank text dropped when that can change no value
(issue 14): it then gives exactly what reading the whole tree gives, and any document it is not
sure of, or that fails, is parsed again as it is (the same report, the same errors).

The reference is ``from_xml`` with the blank-free reading switched off (the reading before)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report import Report, from_xml, to_json, to_xml
from gi_report.codec import xml as codec_xml
from gi_report.codec.xml import _blank_free_bytes, _holds, _prepared, _thread_parser
from gi_report.errors import GIReportError
from gi_report.form import TEMPLATES
from gi_report.synthetic import random_report
from tests.xml.helpers import FORBIDDEN, corpus_names, corpus_report, hostile_reports

# Markup and blanks put inside a text (or a cell): every way libxml2 might drop blank text.
_INSERTS = [
    b"  ", b"\n", b"\r\n", b"  \r\n", b"\r", b" \r ", b"&#13;", b"  &#13;", b"&#32;&#32;",
    b"  <!--c-->", b"<!--c-->  ", b"  <!--c-->  ", b"<![CDATA[ ]]>", b"  <![CDATA[x]]>  ",
    b" <?pi x?> ", b"  &amp;", b"&lt;  ", b'  <char code="0001"/>', b'<char code="0001"/>  ',
    b'  <char code="0001"/>  <char code="001F"/>  ', b"\n<char code=\"000C\"/>\n", b"<zz/>",
    b"  <zz>1</zz>  ", b"  \xe4\xb8\xad  ",
]


def _outcome(read: Callable[[bytes], Report], data: bytes) -> tuple[Any, ...]:
    try:
        return ("report", to_json(read(data)))
    except GIReportError as error:
        problems = getattr(error, "problems", None)
        return (type(error).__name__, repr(problems) if problems else str(error))


def _reference(data: bytes) -> Report:
    """``from_xml`` with the blank-free reading switched off: the whole tree, as before."""
    saved = codec_xml._blank_free_bytes
    codec_xml._blank_free_bytes = lambda raw, body: False  # type: ignore[assignment]
    try:
        return from_xml(data)
    finally:
        codec_xml._blank_free_bytes = saved


def _same(data: bytes) -> None:
    assert _outcome(from_xml, data) == _outcome(_reference, data)


def _texts(xml: bytes) -> list[tuple[int, int]]:
    """(start, end) of the content of every element that holds text only."""
    out = []
    start = xml.find(b">")
    while start >= 0:
        end = xml.find(b"<", start)
        if end < 0:
            break
        if xml.startswith(b"</", end) and end > start + 1:
            out.append((start + 1, end))
        start = xml.find(b">", end)
    return out


def _inserted(xml: bytes, rng: random.Random) -> Iterator[bytes]:
    spans = _texts(xml)
    for insert in _INSERTS:
        start, end = rng.choice(spans)
        for at in (start, end):
            yield xml[:at] + insert + xml[at:]
        yield xml[:start] + insert + xml[end:]  # the whole content replaced


def test_the_bytes_to_xml_writes_are_read_blank_free() -> None:
    report = random_report(random.Random(1))
    for pretty in (True, False):
        raw, body = _prepared(to_xml(report, pretty=pretty), None)
        assert _blank_free_bytes(raw, body)


@pytest.mark.parametrize("markup", [b"\r", b"<!--c-->", b"<![CDATA[x]]>", b"<?pi x?>"])
def test_a_carriage_return_a_comment_cdata_or_a_pi_in_the_body_is_read_as_it_is(
        markup: bytes) -> None:
    xml = to_xml(random_report(random.Random(2)))
    at = xml.index(b"</agency>")
    raw, body = _prepared(xml[:at] + markup + xml[at:], None)
    assert not _blank_free_bytes(raw, body)
    if not markup.startswith(b"<!["):  # in the prolog (not in the tree): no matter
        prolog = markup.replace(b"\r", b"\r\n") + b"\n"
        raw, body = _prepared(prolog + xml[xml.index(b"<report"):], None)
        assert _blank_free_bytes(raw, body)


def test_a_long_document_is_read_as_it_is() -> None:
    xml = to_xml(random_report(random.Random(3)))
    at = xml.index(b"</agency>")
    raw, body = _prepared(xml[:at] + b"x" * codec_xml._BLANK_FREE_BYTES + xml[at:], None)
    assert not _blank_free_bytes(raw, body)


@pytest.mark.parametrize("seed", range(12))
def test_markup_and_blanks_in_texts_give_what_the_whole_tree_gives(seed: int) -> None:
    rng = random.Random(seed)
    versions = sorted(TEMPLATES)
    report = random_report(rng, template=versions[seed % len(versions)], blank_rate=0.2)
    for pretty in (True, False):
        for data in _inserted(to_xml(report, pretty=pretty), rng):
            _same(data)


@pytest.mark.parametrize("name", corpus_names())
def test_real_reports_and_their_damaged_texts_give_what_the_whole_tree_gives(name: str) -> None:
    xml = to_xml(corpus_report(name))
    _same(xml)
    for data in _inserted(xml, random.Random(name)):
        _same(data)


@given(hostile_reports(), st.booleans())
def test_texts_of_blanks_and_characters_xml_cannot_hold_read_as_written(
        report: Report, pretty: bool) -> None:
    data = to_xml(report, pretty=pretty)
    assert from_xml(data) == report == _reference(data)


def test_blanks_around_char_elements_are_kept() -> None:
    report = random_report(random.Random(5))
    for text in ("  \x01  \x1f  ", "\n\x0c\n", " \x01", "\x01 ", *FORBIDDEN):
        changed = attrs.evolve(report, preamble=text, closing=f" {text} ")
        assert from_xml(to_xml(changed)) == changed


@given(st.binary(max_size=80), st.sampled_from([b"<!", b"<?", b"XInclude", b"&#"]),
       st.integers(0, 90))
def test_holds_is_a_substring_test(data: bytes, needle: bytes, start: int) -> None:
    for anchor in range(len(needle)):
        assert _holds(data, needle, start, anchor) == (needle in data[start:])
    many = b"!" * 40 + b"?" * 40 + b"&" * 40 + b"X" * 40
    assert _holds(many + data, needle, start, 0) == (needle in (many + data)[start:])


def test_each_thread_has_its_own_parsers() -> None:
    mine = _thread_parser(), _thread_parser(blank_free=True)
    assert mine[0] is _thread_parser() and mine[1] is _thread_parser(blank_free=True)
    assert mine[0] is not mine[1]
    theirs: list[object] = []
    thread = threading.Thread(target=lambda: theirs.append(_thread_parser()))
    thread.start()
    thread.join()
    assert theirs[0] is not mine[0]
