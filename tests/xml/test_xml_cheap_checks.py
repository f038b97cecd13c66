"""The cheaper forms of ``from_xml``'s safety checks (issue 14) refuse exactly what the plain
forms refused: the element bound taken from the document's length, the attribute limit by its
XPath, and the XInclude walk skipped when the bytes cannot name that namespace."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from lxml import etree

from gi_report import from_xml, to_xml
from gi_report.codec.xml import (
    _FEW_ATTRIBUTES,
    MAX_ATTRIBUTES,
    MAX_ELEMENTS,
    _most_tags,
    parse_tree,
)
from gi_report.errors import UnsafeXMLError, XMLDocumentError
from gi_report.synthetic import random_report
from tests.strategies import reports

_OLD_FEW_ATTRIBUTES = etree.XPath(f"not(//@*[{MAX_ATTRIBUTES + 1}])")
"""The attribute limit as it was written before (the reference)."""

_XI = "http://www.w3.org/2001/XInclude"


def _with_xinclude(namespace: str) -> bytes:
    xml = to_xml(random_report(random.Random(3)))
    i = xml.index(b">", xml.index(b"<agency"))
    include = f'<xi:include xmlns:xi="{namespace}" href="file:///etc/hostname" parse="text"/>'
    return xml[: i + 1] + include.encode() + xml[i + 1:]


@pytest.mark.parametrize(
    "namespace",
    [_XI, "http://www.w3.org/2001/&#88;Include", "http://www.w3.org/2001/X&#x49;nclude",
     "&#104;ttp://www.w3.org/2001/XInclude"],
)
def test_an_xinclude_element_is_refused_however_its_namespace_is_written(namespace: str) -> None:
    data = _with_xinclude(namespace)
    with pytest.raises(UnsafeXMLError, match="XInclude"):
        parse_tree(data)
    with pytest.raises(UnsafeXMLError, match="XInclude"):
        from_xml(data)
    with pytest.raises(UnsafeXMLError, match="XInclude"):
        from_xml(data.decode("utf-8"))


def test_a_character_reference_elsewhere_does_not_hide_or_invent_an_xinclude() -> None:
    xml = to_xml(random_report(random.Random(4)))
    i = xml.index(b">", xml.index(b"<agency"))
    data = xml[: i + 1] + b"&#65;" + xml[i + 1:]
    root = parse_tree(data)  # walked (a reference is there), nothing found
    assert root.findtext(".//{*}agency", "").startswith("A")


@given(reports())
def test_the_element_bound_is_never_below_the_elements(report: object) -> None:
    data = to_xml(report)  # type: ignore[arg-type]
    elements = sum(1 for _ in parse_tree(data).iter())
    assert _most_tags(data) >= elements
    assert _most_tags(data.decode("utf-8")) >= elements


def test_the_element_bound_of_the_smallest_elements() -> None:
    """``<a/>`` is the shortest element: four characters each, so a quarter of the length
    bounds them; past the limit the ``<`` are counted, as before."""
    few = b"<r>" + b"<a/>" * 1000 + b"</r>"
    assert _most_tags(few) >= 1001
    many = b"<r>" + b"<a/>" * (MAX_ELEMENTS + 1) + b"</r>"
    assert _most_tags(many) == many.count(b"<")


def test_too_many_elements_are_still_refused() -> None:
    data = (b'<report xmlns="urn:gi-report:xml:2021:1.0" format_version="1.0">'
            + b"<a/>" * (MAX_ELEMENTS + 1) + b"</report>")
    with pytest.raises(XMLDocumentError, match=f"at most {MAX_ELEMENTS:,} elements"):
        from_xml(data)


@pytest.mark.parametrize("count", [0, 1, MAX_ATTRIBUTES, MAX_ATTRIBUTES + 1, 40])
@pytest.mark.parametrize("where", ["report", "metadata", "agency", "total"])
def test_the_attribute_limit_agrees_with_its_reference(count: int, where: str) -> None:
    xml = to_xml(random_report(random.Random(5)))
    i = xml.index(b">", xml.index(f"<{where}".encode()))
    if xml[i - 1:i] == b"/":
        i -= 1
    attributes = b"".join(b' x%d="1"' % k for k in range(count))
    root = parse_tree(xml[:i] + attributes + xml[i:])
    assert bool(_FEW_ATTRIBUTES(root)) == bool(_OLD_FEW_ATTRIBUTES(root))
    if count + 3 > MAX_ATTRIBUTES + 2:  # a cell has up to 2 of its own, the root 4
        assert not _FEW_ATTRIBUTES(root)
