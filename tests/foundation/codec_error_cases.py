"""Invalid JSON and XML documents, and the errors ``from_json``/``from_xml`` raise for them.

Each case edits a valid document in one way (a wrong type, a missing or extra member, a bad
number, a negative count, blank against zero, a bad date, a repeated member...). The errors
were recorded from the codecs before their fast paths were reworked (issue 14) and are kept in
``tests/data/codec-errors.json``; ``test_codec_errors.py`` checks that the codecs still raise
the same error class with the same problems (pointer, expected, got, line, element path).

    PYTHONPATH=src python -m tests.foundation.codec_error_cases   # re-record (on purpose only)
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

import gi_report as g
from gi_report.errors import DocumentError
from tests.corpus import corpus_report

RECORDED = Path(__file__).resolve().parents[1] / "data" / "codec-errors.json"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "2022-beijing-xicheng-cgzx.json"

JsonEdit = Callable[[dict[str, Any]], Any]


def _set(*path: Any, value: Any) -> JsonEdit:
    def edit(document: dict[str, Any]) -> None:
        parent = document
        for key in path[:-1]:
            parent = parent.setdefault(key, {})
        parent[path[-1]] = value

    return edit


def _drop(*path: Any) -> JsonEdit:
    def edit(document: dict[str, Any]) -> None:
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        del parent[path[-1]]

    return edit


_CELL = ("applications", "granted", "total")
_AMOUNT = ("proactive", "administrative_fees", "amount_10k_yuan")

JSON_EDITS: dict[str, JsonEdit] = {
    "count as text": _set(*_CELL, value="3"),
    "count as float": _set(*_CELL, value=1.5),
    "count as true": _set(*_CELL, value=True),
    "count negative": _set(*_CELL, value=-1),
    "count too big": _set(*_CELL, value=2**53),
    "count empty text (blank is null)": _set(*_CELL, value=""),
    "amount as number": _set(*_AMOUNT, value=1.5),
    "amount with exponent": _set(*_AMOUNT, value="1e3"),
    "amount negative": _set(*_AMOUNT, value="-1.5"),
    "amount with newline": _set(*_AMOUNT, value="1.5\n"),
    "procurement amount with exponent": _set("proactive", "centralized_procurement",
                                             "total_amount", value="1E3"),
    "missing row": _drop("applications", "granted"),
    "missing cell": _drop(*_CELL),
    "extra cell": _set("applications", "granted", "extra", value=1),
    "extra row": _set("proactive", "extra", value={}),
    "extra top member": _set("extra", value=1),
    "missing metadata": _drop("metadata"),
    "missing agency": _drop("metadata", "agency"),
    "agency as number": _set("metadata", "agency", value=5),
    "agency with a lone surrogate": _set("metadata", "agency", value="某\ud800局"),
    "year as text": _set("metadata", "year", value="2022"),
    "year out of range": _set("metadata", "year", value=1999),
    "bad date": _set("metadata", "publication_date", value="2023-02-30"),
    "short date": _set("metadata", "publication_date", value="2023-2-3"),
    "unknown agency level": _set("metadata", "agency_level", value="city"),
    "bad division code": _set("metadata", "division_code", value="12345"),
    "subsections as object": _set("overview", "subsections", value={"heading": "a"}),
    "subsection missing text": _set("overview", "subsections", value=[{"heading": "a"}]),
    "narrative as list": _set("problems", value=["a"]),
    "section narrative null": _set("table_sections", "proactive", value=None),
    "fee negative": _set("other_matters", "processing_fee_collected_amount_yuan", value="-1"),
    "fee count as false": _set("other_matters", "processing_fee_notices_count", value=False),
    "preamble as number": _set("preamble", value=5),
    "unknown template": _set("template", value="2000"),
    "bad format version": _set("format_version", value="9.9"),
    "empty table templates": _set("table_templates", value={}),
    "unknown table template": _set("table_templates", value={"proactive": "1999"}),
    "table of the other layout": _set("table_templates", value={"applications": "2019"}),
    "document as list": lambda document: [document],
}
"""One edit each of a valid JSON-form document (an edit returning a value replaces it)."""

JSON_TEXTS: dict[str, str] = {
    "not JSON": "{",
    "NaN": '{"a": NaN}',
    "repeated member": '{"template": "2021", "template": "2019"}',
    "empty": "",
}
"""Whole JSON texts that are not reports at all."""

XmlEdit = tuple[str, str]  # (regex on the document, replacement), first match only

XML_EDITS: dict[str, XmlEdit] = {
    "count as text": (r"(<total [^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)", r"\1>x</total>"),
    "count negative": (r"(<total [^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)",
                       r"\1>-1</total>"),
    "count decimal": (r"(<total [^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)",
                      r"\1>1.5</total>"),
    "count too long": (r"(<total [^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)",
                       r"\1>" + "1" * 30 + "</total>"),
    "count beyond 2^53": (r"(<total [^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)",
                          r"\1>9007199254740992</total>"),
    "count empty, not nil": (r"(<total [^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</total>)",
                             r"\1/>"),
    "missing row": (r"<granted [^>]*>.*?</granted>", ""),
    "extra element": (r"(<metadata [^>]*>)", r"\1<extra/>"),
    "unknown attribute": (r"<agency ", '<agency foo="1" '),
    "bad date": (r"<publication_date ([^>]*?)(?: xsi:nil=\"true\"/>|>[^<]*</publication_date>)",
                 r"<publication_date \1>2023-02-30</publication_date>"),
    "amount with exponent": (r"(<(amount_10k_yuan|total_amount) [^>]*?)"
                             r"(?: xsi:nil=\"true\"/>|>[^<]*</\2>)", r"\1>1e3</\2>"),
    "year out of range": (r"<year ([^>]*)>[^<]*</year>", r"<year \1>1999</year>"),
    "unknown namespace": (r"urn:gi-report:xml:[0-9]+:1\.0", "urn:gi-report:xml:2000:1.0"),
    "doctype": (r"(<\?xml[^>]*\?>)", r'\1<!DOCTYPE report [<!ENTITY a "b">]>'),
    "not well-formed": (r"</report>", "</repor>"),
    "bad char code": (r"(<agency [^>]*>)", r'\1<char code="zz"/>'),
    "format version": (r'format_version="1.0"', 'format_version="9.9"'),
}
"""One edit each of a valid XML document."""


def json_documents() -> dict[str, dict[str, Any]]:
    """The valid JSON-form documents the edits start from: one of each template."""
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    old = g.to_dict(corpus_report("2019-pingtan"))
    return {"example": example, "2019": old}


def json_cases() -> Iterator[tuple[str, str]]:
    """(case name, JSON text) of every invalid JSON document."""
    for base, document in json_documents().items():
        for name, edit in JSON_EDITS.items():
            edited = copy.deepcopy(document)
            replaced = edit(edited)
            text = json.dumps(replaced if replaced is not None else edited,
                              ensure_ascii=False)
            yield f"json {base}: {name}", text
    for name, text in JSON_TEXTS.items():
        yield f"json text: {name}", text


def xml_cases() -> Iterator[tuple[str, bytes]]:
    """(case name, XML bytes) of every invalid XML document (both layouts, pretty or not)."""
    for base, document in json_documents().items():
        for pretty in (True, False):
            data = g.to_xml(g.from_dict(document), pretty=pretty).decode("utf-8")
            for name, (pattern, replacement) in XML_EDITS.items():
                edited = re.sub(pattern, replacement, data, count=1, flags=re.S)
                assert edited != data, name
                yield f"xml {base} pretty={pretty}: {name}", edited.encode("utf-8")


def outcome(read: Callable[[Any], Any], data: Any) -> dict[str, Any]:
    """What reading ``data`` gives: the error class and its problems, or ``accepted``."""
    try:
        read(data)
    except DocumentError as error:
        return {"error": type(error).__name__,
                "problems": [{k: v for k, v in attrs.asdict(p).items() if v is not None}
                             for p in error.problems]}
    return {"error": None}


def outcomes() -> dict[str, dict[str, Any]]:
    """The outcome of every case, by case name."""
    out = {name: outcome(g.from_json, text) for name, text in json_cases()}
    out.update((name, outcome(g.from_xml, data)) for name, data in xml_cases())
    return out


if __name__ == "__main__":
    RECORDED.write_text(json.dumps(outcomes(), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    print(f"recorded {RECORDED}")
