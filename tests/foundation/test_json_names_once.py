"""``from_json`` finds a repeated member name without a hook on every object (it compares the
``":"`` of the text with the members parsed, ``gi_report.codec.json._names_once``): on real
and generated documents, with a member written twice in each object in turn, and with ``":"``
in texts, names and ``\\u`` escapes, it raises or returns exactly what the reference reading
(``parse_json``'s hook on every object, then ``from_dict``) raises or returns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gi_report as g
from gi_report.codec.json import RepeatedMembersError, _loads, _names_once, parse_json
from gi_report.codec.plan import read_clean_counted
from gi_report.errors import DocumentError
from tests.strategies import reports

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
_MARK = "__written_again__"


def _reference(text: str | bytes) -> Any:
    return g.from_dict(parse_json(text))


def _outcome(read: Any, text: str | bytes) -> tuple[str, Any]:
    try:
        return "accepted", read(text)
    except DocumentError as error:
        return type(error).__name__, [(p.pointer, p.expected, p.got) for p in error.problems]


def _agree(text: str | bytes) -> tuple[str, Any]:
    expected = _outcome(_reference, text)
    assert _outcome(g.from_json, text) == expected
    return expected


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _with_repeat(document: dict[str, Any], index: int, *, ascii_only: bool = False) -> str:
    """The JSON text of ``document`` with the first member of its ``index``-th object (in
    document order) written twice, the second time with the same value."""
    target = list(_objects(document))[index]
    name, value = next(iter(target.items()))
    target[_MARK] = None
    try:
        text = json.dumps(document, ensure_ascii=ascii_only)
    finally:
        del target[_MARK]
    again = f"{json.dumps(name)}: {json.dumps(value, ensure_ascii=ascii_only)}"
    return text.replace(f'"{_MARK}": null', again)


def _real_documents() -> list[dict[str, Any]]:
    out = [json.loads((ROOT / "examples" / "2022-beijing-xicheng-cgzx.json").read_text("utf-8"))]
    for name in ("2023-shuyang-drc.html", "2019-shanghai-gov-office.html"):
        report = g.read_document(CORPUS / name, warn=False).report
        out.append(g.to_dict(report))
    return out


REAL = _real_documents()


@pytest.mark.parametrize("document", REAL, ids=["xicheng", "shuyang", "shanghai-2019"])
def test_a_member_written_twice_in_any_object_of_a_real_report_is_refused(
    document: dict[str, Any],
) -> None:
    assert _agree(json.dumps(document, ensure_ascii=False))[0] == "accepted"
    for index in range(len(list(_objects(document)))):
        text = _with_repeat(document, index)
        assert _agree(text)[0] == "RepeatedMembersError", index
        assert _agree(text.encode("utf-8"))[0] == "RepeatedMembersError", index


@pytest.mark.parametrize(
    "title",
    ["a:b", ":", "::::", 'a":b', '":', "http://example.org/a:b", "x\n:\\u", "\\", "\\\\u"],
)
def test_colons_and_quotes_in_texts_are_told_from_member_separators(title: str) -> None:
    document = json.loads(json.dumps(REAL[1]))
    document["metadata"]["title"] = title
    document["overview"]["subsections"][0]["text"] = title * 3
    assert _agree(json.dumps(document, ensure_ascii=False))[0] == "accepted"
    for index in (0, 1, 5, len(list(_objects(document))) - 1):
        assert _agree(_with_repeat(document, index))[0] == "RepeatedMembersError"


def test_a_colon_written_as_a_u_escape_does_not_hide_a_repeated_name() -> None:
    """``\\u003a`` is a ``":"`` in the parsed text but not in the written one: counted naively
    it would make up for the member a repeated name loses."""
    document = json.loads(json.dumps(REAL[1]))
    document["metadata"]["title"] = "a\x01b"  # written as \\u0001 by json.dumps
    clean = json.dumps(document, ensure_ascii=False)
    assert _agree(clean.replace("a\\u0001b", "a\\u003ab"))[0] == "accepted"
    text = _with_repeat(document, 0).replace("a\\u0001b", "a\\u003ab")
    assert '\\u003a' in text
    assert _agree(text)[0] == "RepeatedMembersError"
    assert _agree(text.encode("utf-8"))[0] == "RepeatedMembersError"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-8-sig"])
def test_other_encodings_agree(encoding: str) -> None:
    clean = json.dumps(REAL[1], ensure_ascii=False)
    assert _agree(clean.encode(encoding))[0] == "accepted"
    repeated = _with_repeat(REAL[1], 3)
    assert _agree(repeated.encode(encoding))[0] == "RepeatedMembersError"


def test_a_bytearray_agrees() -> None:
    assert _agree(bytearray(json.dumps(REAL[1], ensure_ascii=False).encode()))[0] == "accepted"
    repeated = _with_repeat(REAL[1], 3).encode()
    assert _agree(bytearray(repeated))[0] == "RepeatedMembersError"


def test_ascii_only_text_agrees() -> None:
    """Every Chinese character written as a ``\\u`` escape: the hook's way, same result."""
    assert _agree(json.dumps(REAL[1]))[0] == "accepted"
    repeated = _with_repeat(REAL[1], 2, ascii_only=True)
    assert repeated.isascii()
    assert _agree(repeated)[0] == "RepeatedMembersError"


def _counted(text: str) -> tuple[int, int]:
    read = read_clean_counted(_loads(text, None))
    assert read is not None
    assert read[1] is not None
    return read[1]


def test_the_count_decides_without_the_hook_on_a_clean_report() -> None:
    """The fast way is taken for the real reports (else the speed-up would be lost)."""
    for document in REAL:
        text = json.dumps(document, ensure_ascii=False, indent=2)
        assert _names_once(text, *_counted(text))
        assert _names_once(text.encode("utf-8"), *_counted(text))


def test_a_repeated_name_seen_by_the_count() -> None:
    text = _with_repeat(REAL[0], 4)
    assert not _names_once(text, *_counted(text))
    with pytest.raises(RepeatedMembersError):
        g.from_json(text)


@given(reports(), st.data())
def test_generated_reports_with_a_member_written_twice(report: g.Report,
                                                      data: st.DataObject) -> None:
    document = g.to_dict(report)
    assert _agree(g.to_json(report))[0] == "accepted"
    index = data.draw(st.integers(0, len(list(_objects(document))) - 1))
    assert _agree(_with_repeat(document, index))[0] == "RepeatedMembersError"
