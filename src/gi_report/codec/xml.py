"""The XML form of a report: model <-> XML bytes <-> file, read by a hardened parser.

The XML form carries exactly what the JSON form carries: it is written from the JSON form's
plain data (:func:`gi_report.codec.json.to_dict`) and read back into it, then through
:func:`gi_report.codec.json.from_dict`, so both forms accept and produce the same reports.
Element names are the JSON keys; the vocabulary and the XSD come from :mod:`gi_report.xsd`.

* A blank cell (or absent text) is an empty element with ``xsi:nil="true"``; ``0`` is ``0``.
* Text is verbatim. A character XML 1.0 cannot hold is written as ``<char code="0000"/>``
  (its code point in 4 upper-case hex digits) at its place in the text, and read back.
* Reading: at most 32 MiB, UTF-8 only, any DOCTYPE refused before parsing, no entity
  expansion, no DTD or network access, no XInclude; the document is validated against the XSD
  first and every problem is reported with its line, element path and JSON Pointer.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from typing import Any, cast

from lxml import etree

from gi_report.codec.json import from_dict, to_dict
from gi_report.codec.plan import Unclean
from gi_report.codec.xml_plan import Unplanned, read_report, read_tree
from gi_report.errors import (
    MAX_PROBLEMS,
    DocumentError,
    Problem,
    UnsafeXMLError,
    XMLDocumentError,
    XMLProblem,
)
from gi_report.fileio import (
    MAX_DOCUMENT_BYTES,
    Sink,
    Source,
    check_size,
    read_source,
    write_sink,
)
from gi_report.form import TEMPLATES, per_registry
from gi_report.form.spec import TableSpec
from gi_report.model import Report
from gi_report.numbers import MAX_SAFE_INTEGER
from gi_report.schema import FORMAT_VERSION
from gi_report.table import expected_for
from gi_report.xmlsafety import hardened_xml_parser
from gi_report.xsd import (
    CHAR,
    FORBIDDEN_CHARS,
    LABEL,
    ROOT,
    XSI,
    Kind,
    Member,
    cell_kind,
    compiled_schema,
    namespace,
    namespaces,
    object_members,
    report_members,
    report_title,
)

JsonDict = dict[str, Any]

_NIL = f"{{{XSI}}}nil"
_XINCLUDE = "http://www.w3.org/2001/XInclude"
_INDENT = "  "
_VALIDATING = threading.Lock()

# --- writing --------------------------------------------------------------------------------------


class _Writer:
    """Builds the element tree of one document from its JSON form."""

    def __init__(self, version: str, pretty: bool) -> None:
        self.ns = namespace(version)
        self.pretty = pretty
        self.containers: list[tuple[etree._Element, int]] = []

    def element(self, parent: etree._Element, ns: str, name: str, label: str | None,
                depth: int, container: bool = False) -> etree._Element:
        element = etree.SubElement(parent, f"{{{ns}}}{name}")
        if label:
            element.set(LABEL, label)
        if container and self.pretty:
            self.containers.append((element, depth))
        return element

    def text(self, element: etree._Element, value: str) -> None:
        """Put ``value`` in ``element``, forbidden characters as ``char`` children."""
        ns = etree.QName(element).namespace
        pieces = FORBIDDEN_CHARS.split(value)
        element.text = pieces[0] or None
        for match, tail in zip(FORBIDDEN_CHARS.finditer(value), pieces[1:], strict=True):
            char = etree.SubElement(element, f"{{{ns}}}{CHAR}", code=f"{ord(match[0]):04X}")
            char.tail = tail or None

    def value(self, element: etree._Element, kind: Kind, value: Any) -> None:
        if value is None:
            element.set(_NIL, "true")
        elif kind is Kind.TEXT:
            self.text(element, value)
        else:
            element.text = str(value)

    def members(self, parent: etree._Element, members: tuple[Member, ...],
                data: Mapping[str, Any], depth: int) -> None:
        for member in members:
            if member.name not in data:
                continue
            self.member(parent, member, data[member.name], depth)

    def member(self, parent: etree._Element, member: Member, value: Any, depth: int) -> None:
        structured = member.kind in (Kind.OBJECT, Kind.LIST) and value is not None
        element = self.element(parent, self.ns, member.name, member.title, depth, structured)
        if member.kind is Kind.OBJECT:
            if value is None:
                element.set(_NIL, "true")
            else:
                self.members(element, object_members(str(member.target)), value, depth + 1)
        elif member.kind is Kind.LIST:
            for item in value:
                child = self.element(element, self.ns, str(member.item), None, depth + 1, True)
                self.members(child, object_members(str(member.target)), item, depth + 2)
        else:
            self.value(element, member.kind, value)

    def table(self, parent: etree._Element, spec: TableSpec, version: str,
              cells: Mapping[str, Mapping[str, Any]], depth: int) -> None:
        tag, attrib, rows = _table_plan(version, spec.id)
        table = etree.SubElement(parent, tag, attrib)
        if self.pretty:
            self.containers.append((table, depth))
        inner = "\n" + _INDENT * (depth + 2)
        outer = "\n" + _INDENT * (depth + 1)
        for row_id, row_tag, row_attrib, row_cells in rows:
            row_element = etree.SubElement(table, row_tag, row_attrib)
            values = cells[row_id]
            cell = row_element
            for column_id, cell_tag, cell_attrib, kind in row_cells:
                cell = etree.SubElement(row_element, cell_tag, cell_attrib)
                self.value(cell, kind, values[column_id])
                if self.pretty:
                    cell.tail = inner
            if self.pretty:
                row_element.text = inner
                cell.tail = outer

    def indent(self, root: etree._Element) -> None:
        """Indent the structural elements only: text elements keep their content verbatim."""
        for element, depth in [(root, 0), *self.containers]:
            children = list(element)
            if not children:
                continue
            element.text = "\n" + _INDENT * (depth + 1)
            for child in children:
                child.tail = "\n" + _INDENT * (depth + 1)
            children[-1].tail = "\n" + _INDENT * depth


_RowPlan = tuple[str, str, dict[str, str], tuple[tuple[str, str, dict[str, str], Kind], ...]]


@per_registry
def _table_plan(version: str, table_id: str
                ) -> tuple[str, dict[str, str], tuple[_RowPlan, ...]]:
    """Tags, attributes and kinds of a table's elements, worked out once per layout."""
    ns = namespace(version)
    spec = TEMPLATES[version].table(table_id)
    rows = tuple(
        (
            row.id,
            f"{{{ns}}}{row.id}",
            {LABEL: row.label},
            tuple(
                (c, f"{{{ns}}}{c}", {LABEL: spec.column(c).label}, cell_kind(spec.column(c))[0])
                for c in row.columns
            ),
        )
        for row in spec.rows
    )
    return f"{{{ns}}}{spec.id}", {LABEL: spec.title, "template": version}, rows


def document_to_xml(document: Mapping[str, Any], *, pretty: bool = True) -> bytes:
    """The XML form of a report given as its JSON form (plain data, already valid)."""
    version = str(document["template"])
    layouts: Mapping[str, str] = document.get("table_templates", {})
    writer = _Writer(version, pretty)
    nsmap: dict[str | None, str] = {None: writer.ns, "xsi": XSI}
    for other in sorted(set(layouts.values())):
        nsmap[f"v{other}"] = namespace(other)
    root = etree.Element(f"{{{writer.ns}}}{ROOT}", nsmap=cast(Any, nsmap))
    root.set("format_version", str(document.get("format_version", FORMAT_VERSION)))
    root.set("template", version)
    root.set(LABEL, report_title())
    for member in report_members():
        if member.kind is Kind.TABLE:
            layout = layouts.get(member.name, version)
            spec = TEMPLATES[layout].table(member.name)
            writer.table(root, spec, layout, document[member.name], 1)
        elif member.name in document:
            writer.member(root, member, document[member.name], 1)
    if pretty:
        writer.indent(root)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def to_xml(report: Report, *, pretty: bool = True) -> bytes:
    """The XML form of a report: UTF-8 bytes, pretty-printed unless ``pretty=False``."""
    return document_to_xml(to_dict(report), pretty=pretty)


def dump_xml(report: Report, path: Sink, *, pretty: bool = True) -> None:
    """Write the XML form of ``report`` to ``path``: a file path (written atomically) or a
    binary or text stream (written as it is, not closed), as :func:`~gi_report.dump` does."""
    write_sink(path, to_xml(report, pretty=pretty))


# --- the hardened parser --------------------------------------------------------------------------

_BOM = b"\xef\xbb\xbf"
_PROLOG_ITEM = re.compile(rb"[ \t\r\n]+|<\?.*?\?>|<!--.*?-->", re.S)
_ENCODING = re.compile(rb"<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']*)[\"']")


class _Refuse(etree.Resolver):
    """Refuses every external resource the parser might ask for (defence in depth)."""

    def resolve(  # type: ignore[override]
        self, system_url: str | None, public_id: str | None, context: Any
    ) -> Any:
        raise UnsafeXMLError.because(
            "no external resource", f"a reference to {system_url or public_id!r}"
        )


def _parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    parser = hardened_xml_parser(
        remove_blank_text=remove_blank_text,
        strip_cdata=True,
        collect_ids=False,
        attribute_defaults=False,
        encoding="utf-8",
    )
    parser.resolvers.add(_Refuse())
    return parser


class _Parsers(threading.local):
    """Each thread's parsers, by whether they drop blank text."""

    def __init__(self) -> None:
        self.made: dict[bool, etree.XMLParser] = {}


_PARSERS = _Parsers()


def _thread_parser(blank_free: bool = False) -> etree.XMLParser:
    """This thread's parser, made once (an lxml parser may not be shared between threads, and
    making one for each document cost as much as 5 % of reading one); ``blank_free``: the one
    that drops blank text next to elements (:func:`_blank_free_bytes` says when that is safe)."""
    parsers = _PARSERS.made
    parser = parsers.get(blank_free)
    if parser is None:
        parser = parsers[blank_free] = _parser(remove_blank_text=blank_free)
    return parser


def _holds(data: bytes, needle: bytes, start: int = 0, anchor: int = 0, tries: int = 32
           ) -> bool:
    """Whether ``data[start:]`` holds ``needle``, looked for by its byte at ``anchor`` (a rare
    byte: one ``bytes.find`` of a single byte is a ``memchr``, while the general search of a
    longer needle skips badly over Chinese UTF-8 and took 15-50 µs for a 22 KiB report); after
    ``tries`` false hits, the general search."""
    byte = needle[anchor:anchor + 1]
    at = data.find(byte, start + anchor)
    for _ in range(tries):
        if at < 0:
            return False
        if data.startswith(needle, at - anchor):
            return True
        at = data.find(byte, at + 1)
    return at >= 0 and data.find(needle, at - anchor) >= 0


_BLANK_FREE_BYTES = 1 << 20
"""The largest document read first with blank text dropped (a failure parses it again)."""


def _blank_free_bytes(raw: bytes, body: int) -> bool:
    """Whether dropping blank text (libxml2's ``remove_blank_text``) can change no value of the
    document ``raw`` whose root starts at ``body``: libxml2 drops a run of blanks only before a
    ``<`` or a carriage return; with neither a carriage return nor ``<!`` (comment, CDATA) nor
    ``<?`` in the body, only blanks before a start tag, or before an end tag after a child
    element, go: so an element that keeps no child element loses nothing, and any other one
    is either refused by the XSD or a text holding ``char`` elements, which the fast reading
    hands over (``tests/xml/test_blank_free.py``)."""
    return (len(raw) <= _BLANK_FREE_BYTES and raw.find(b"\r", body) < 0
            and not _holds(raw, b"<!", body, 1) and not _holds(raw, b"<?", body, 1))


def _check_prolog(data: bytes, source: str | None) -> int:
    """Refuse a non-UTF-8 document or a DOCTYPE before the parser sees the bytes; where the
    prolog ends (blanks, the declaration, comments and processing instructions)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise XMLDocumentError.because("a UTF-8 document", "a UTF-16 or UTF-32 byte order mark",
                                       source=source)
    position = len(_BOM) if data.startswith(_BOM) else 0
    declaration = _ENCODING.match(data, position)
    if declaration and declaration[1].lower() not in (b"utf-8", b"utf8"):
        raise XMLDocumentError.because(
            "a UTF-8 document", f"encoding={declaration[1].decode('ascii', 'replace')!r}",
            source=source, line=1,
        )
    while (match := _PROLOG_ITEM.match(data, position)) is not None:
        position = match.end()
    if data.startswith(b"<!DOCTYPE", position):
        line = data.count(b"\n", 0, position) + 1
        raise UnsafeXMLError.because(
            "no DOCTYPE (gi-report XML has no DTD; entities and external DTDs are refused)",
            "a DOCTYPE declaration", source=source, line=line,
        )
    return position


def _as_bytes(data: str | bytes, source: str | None) -> bytes:
    if isinstance(data, bytes):
        return data
    if not isinstance(data, str):
        raise TypeError(f"expected XML as bytes or str, got {type(data).__name__}")
    try:
        return data.encode("utf-8")
    except UnicodeEncodeError as error:
        raise XMLDocumentError.because(
            "text that can be encoded as UTF-8", f"{error.reason} at position {error.start}",
            source=source,
        ) from None


def _xinclude(root: etree._Element, raw: bytes) -> Iterator[etree._Element]:
    """The elements of the XInclude namespace. Its name is written out in ``raw`` for any to be
    there, unless a character reference spells it (no DTD: no other way), so the walk is
    needed only when ``raw`` holds ``XInclude`` or ``&#``."""
    if _holds(raw, b"XInclude") or _holds(raw, b"&#"):
        yield from root.iter(f"{{{_XINCLUDE}}}*")


def parse_tree(data: str | bytes, *, source: str | None = None) -> etree._Element:
    """The root element of an XML document, parsed safely (no DTD, entities or network).

    Raises :class:`~gi_report.errors.UnsafeXMLError` for a DOCTYPE or XInclude and
    :class:`~gi_report.errors.XMLDocumentError` for a document that is not well-formed UTF-8.
    """
    return _parsed(_prepared(data, source)[0], _thread_parser(), source)


def _prepared(data: str | bytes, source: str | None) -> tuple[bytes, int]:
    """The document's UTF-8 bytes, within the size limit and with a safe prolog, and where the
    prolog ends; :class:`XMLDocumentError` (or :class:`UnsafeXMLError`) otherwise."""
    check_size(source or "XML document", data, MAX_DOCUMENT_BYTES)
    raw = _as_bytes(data, source)
    return raw, _check_prolog(raw, source)


def _parsed(raw: bytes, parser: etree.XMLParser, source: str | None) -> etree._Element:
    """The root element of the prepared bytes ``raw`` parsed by ``parser`` (a hardened one),
    with no DOCTYPE and no XInclude element."""
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        problems = _unique([
            XMLProblem(pointer="", expected="well-formed XML", got=entry.message,
                       line=entry.line or None)
            for entry in _entries(parser.error_log)
            if entry.level_name in ("ERROR", "FATAL")
        ]) or [XMLProblem(pointer="", expected="well-formed XML", got=str(error),
                         line=error.lineno or None)]
        raise XMLDocumentError(problems, source=source) from None
    docinfo: Any = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise UnsafeXMLError.because("no DOCTYPE", "a DOCTYPE declaration", source=source)
    for element in _xinclude(root, raw):
        raise UnsafeXMLError.because(
            "no XInclude (gi-report never includes other files)",
            f"<{etree.QName(element).localname}>", source=source, line=line_of(element),
        )
    return root


# --- locating problems ----------------------------------------------------------------------------


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname


def line_of(element: etree._Element) -> int | None:
    """The 1-based line where ``element`` starts in the parsed document, if known."""
    line: object = element.sourceline
    return line if isinstance(line, int) else None


def _entries(log: Any) -> list[Any]:
    return list(log)


def element_path(element: etree._Element) -> str:
    """The element's path by local names, e.g. ``/report/overview/subsections/subsection[2]``."""
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        name = _local(node)
        parent = node.getparent()
        if parent is not None:
            same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            if len(same) > 1:
                name = f"{name}[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def json_pointer(element: etree._Element) -> str:
    """The JSON Pointer of the value the element holds in the JSON form of the report."""
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None and node.getparent() is not None:
        parent = node.getparent()
        assert parent is not None
        name = _local(node)
        if name == CHAR:
            node = parent
            continue
        if name in _list_items():
            siblings = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            steps.append(str(siblings.index(node)))
        else:
            steps.append(name.replace("~", "~0").replace("/", "~1"))
        node = parent
    return "".join(f"/{s}" for s in reversed(steps))


@per_registry
def _list_items() -> frozenset[str]:
    """Element names of list items (their JSON Pointer step is their position)."""
    members = [*report_members()]
    for member in report_members():
        if member.target is not None:
            members.extend(_members_below(member.target))
    return frozenset(str(m.item) for m in members if m.kind is Kind.LIST)


def _members_below(target: str) -> Iterator[Member]:
    for member in object_members(target):
        yield member
        if member.target is not None:
            yield from _members_below(member.target)


def _problem_at(element: etree._Element, expected: str, got: str | None,
                line: int | None = None) -> XMLProblem:
    return XMLProblem(
        pointer=json_pointer(element),
        expected=expected,
        got=got,
        line=line or line_of(element),
        path=element_path(element),
    )


_BRACED = re.compile(r"\{[^}]*\}")
_MESSAGE_HEAD = re.compile(r"^Element '[^']*'(?:, attribute '[^']*')?: ")


def _clean(message: str) -> str:
    return _BRACED.sub("", _MESSAGE_HEAD.sub("", message)).strip().rstrip(".")


def _cell_expectation(element: etree._Element) -> str | None:
    """What a table cell accepts, if ``element`` is a cell of a known table layout."""
    row = element.getparent()
    table = row.getparent() if row is not None else None
    root = table.getparent() if table is not None else None
    if table is None or root is None or root.getparent() is not None:
        return None
    version = namespaces().get(etree.QName(table).namespace or "")
    if version is None:
        return None
    try:
        spec = TEMPLATES[version].table(_local(table))
    except KeyError:
        return None
    if row is None or not spec.has_cell(_local(row), _local(element)):
        return None
    return expected_for(spec.column(_local(element)).kind)


def _describe(element: etree._Element) -> str:
    if element.get(_NIL) in ("true", "1"):
        return "xsi:nil"
    text = "".join(str(t) for t in element.itertext())
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _xsd_problem(root: etree._Element, entry: Any) -> XMLProblem:
    element = None
    if entry.path:
        try:
            found = root.getroottree().xpath(entry.path)
        except etree.XPathError:
            found = []
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            element = found[0]
    message = entry.message
    if element is None:
        return XMLProblem(pointer="", expected=_clean(message), got=None, line=entry.line)
    if "is not expected" in message:
        wanted = re.search(r"Expected is(?: one of)? \( (.*?) \)", message)
        expected = (
            f"one of the elements {_BRACED.sub('', wanted[1])} here" if wanted
            else "no such element here"
        )
        return _problem_at(element, expected, f"element <{_local(element)}>", entry.line)
    if "Missing child element" in message:
        wanted = re.search(r"Expected is(?: one of)? \( (.*?) \)", message)
        names = _BRACED.sub("", wanted[1]) if wanted else "more child elements"
        return _problem_at(element, f"the child element(s) {names}", "nothing", entry.line)
    cell = _cell_expectation(element)
    if cell is not None and "attribute" not in message:
        return _problem_at(element, cell, _describe(element), entry.line)
    return _problem_at(element, _clean(message), None, entry.line)


# --- reading --------------------------------------------------------------------------------------

_XML_SPACE = " \t\r\n"


class _Reader:
    """Turns a valid element tree into the JSON form, remembering where each value came from."""

    def __init__(self) -> None:
        self.where: dict[str, etree._Element] = {}

    def text(self, element: etree._Element) -> str:
        parts = [element.text or ""]
        for child in element:
            if isinstance(child.tag, str) and _local(child) == CHAR:
                parts.append(chr(int(child.get("code", ""), 16)))
            parts.append(child.tail or "")
        return "".join(parts)

    def value(self, element: etree._Element, kind: Kind, pointer: str) -> Any:
        self.where[pointer] = element
        if element.get(_NIL) in ("true", "1"):
            return None
        if kind is Kind.TEXT:
            return self.text(element)
        raw = element.text or ""
        if kind is Kind.STRING:
            return raw
        collapsed = raw.strip(_XML_SPACE)
        if kind is Kind.INTEGER:
            try:
                if len(collapsed) > 20:  # longer than any whole number within ±(2^53 - 1)
                    raise ValueError(collapsed)
                return int(collapsed)
            except ValueError:
                raise XMLDocumentError(
                    [_problem_at(element, f"a whole number within ±{MAX_SAFE_INTEGER}",
                                 f"{len(collapsed)} characters")]
                ) from None
        return collapsed

    def children(self, element: etree._Element) -> dict[str, etree._Element]:
        return {_local(c): c for c in element if isinstance(c.tag, str)}

    def members(self, element: etree._Element, members: tuple[Member, ...], pointer: str
                ) -> JsonDict:
        self.where[pointer] = element
        children = self.children(element)
        out: JsonDict = {}
        for member in members:
            child = children.get(member.name)
            if child is not None:
                out[member.name] = self.member(child, member, f"{pointer}/{member.name}")
        return out

    def member(self, element: etree._Element, member: Member, pointer: str) -> Any:
        if member.kind is Kind.OBJECT:
            if element.get(_NIL) in ("true", "1"):
                self.where[pointer] = element
                return None
            return self.members(element, object_members(str(member.target)), pointer)
        if member.kind is Kind.LIST:
            self.where[pointer] = element
            items = [c for c in element if isinstance(c.tag, str)]
            return [
                self.members(item, object_members(str(member.target)), f"{pointer}/{index}")
                for index, item in enumerate(items)
            ]
        return self.value(element, member.kind, pointer)

    def table(self, element: etree._Element, spec: TableSpec, pointer: str) -> JsonDict:
        self.where[pointer] = element
        rows = self.children(element)
        out: JsonDict = {}
        for row in spec.rows:
            row_element = rows[row.id]
            self.where[f"{pointer}/{row.id}"] = row_element
            cells = self.children(row_element)
            out[row.id] = {
                column_id: self.value(
                    cells[column_id],
                    cell_kind(spec.column(column_id))[0],
                    f"{pointer}/{row.id}/{column_id}",
                )
                for column_id in row.columns
            }
        return out

    def report(self, root: etree._Element, version: str) -> JsonDict:
        self.where[""] = root
        document: JsonDict = {"format_version": root.get("format_version"), "template": version}
        layouts: dict[str, str] = {}
        children = self.children(root)
        body: JsonDict = {}
        for member in report_members():
            child = children.get(member.name)
            if child is None:
                continue
            pointer = f"/{member.name}"
            if member.kind is Kind.TABLE:
                layout = namespaces()[etree.QName(child).namespace or ""]
                if layout != version:
                    layouts[member.name] = layout
                body[member.name] = self.table(child, TEMPLATES[layout].table(member.name),
                                               pointer)
            else:
                body[member.name] = self.member(child, member, pointer)
        if layouts:
            document["table_templates"] = layouts
        document.update(body)
        return document


def _root_version(root: etree._Element, source: str | None) -> str:
    qname = etree.QName(root)
    version = namespaces().get(qname.namespace or "")
    if version is None or qname.localname != ROOT:
        known = ", ".join(sorted(namespaces()))
        got = f"<{qname.localname}> in namespace {qname.namespace!r}" if qname.namespace else (
            f"<{qname.localname}> in no namespace"
        )
        if qname.namespace and qname.namespace.startswith("urn:gi-report:xml:"):
            got += " (an unknown template or format version)"
        raise XMLDocumentError(
            [XMLProblem(pointer="", expected=f"a <{ROOT}> element in one of the namespaces "
                        f"{known}", got=got, line=line_of(root), path=f"/{qname.localname}")],
            source=source,
        )
    return version


MAX_ATTRIBUTES = 10
"""Most attributes one element may carry (gi-report XML uses at most three)."""

MAX_ELEMENTS = 200_000
"""Most elements one document may have (a report has about 1,500)."""


_FEW_ATTRIBUTES = etree.XPath(f"not(descendant-or-self::*/@*[{MAX_ATTRIBUTES + 1}])")
_FEW_ELEMENTS = etree.XPath(f"count(//*) <= {MAX_ELEMENTS}")
"""Whether a tree is within each limit (compiled once; lxml serialises their evaluations)."""


def _check_size(root: etree._Element, source: str | None, tags: int | None = None) -> None:
    """Refuse, before XSD validation, a tree whose every excess libxml2 would report one by
    one (400,000 attributes take it 20 s and a gigabyte): too many elements, or attributes.
    ``tags``: at least the number of elements, if known (:func:`_most_tags`), which bounds
    it without counting them."""
    few = tags <= MAX_ELEMENTS if tags is not None else _FEW_ELEMENTS(root)
    if few and _FEW_ATTRIBUTES(root):
        return  # (counted at C speed: no element is visited from Python)
    problems: list[XMLProblem] = []
    count = 0
    for count, element in enumerate(root.iter(), 1):
        if count > MAX_ELEMENTS:
            problems.append(XMLProblem(pointer="", expected=f"at most {MAX_ELEMENTS:,} elements",
                                       got="more"))
            break
        if len(element.attrib) > MAX_ATTRIBUTES:
            problems.append(_problem_at(element, f"at most {MAX_ATTRIBUTES} attributes",
                                        f"{len(element.attrib):,} attributes"))
            if len(problems) >= MAX_PROBLEMS:
                break
    if problems:
        raise XMLDocumentError(problems, source=source)


def _most_tags(data: str | bytes) -> int:
    """At least the number of elements of the XML ``data``: a quarter of its length when that
    is within :data:`MAX_ELEMENTS` (an element takes at least four characters, ``<a/>``), else
    the number of ``<`` (each element has one: no entity is expanded)."""
    if len(data) // 4 <= MAX_ELEMENTS:
        return len(data) // 4
    return data.count(b"<") if isinstance(data, bytes) else data.count("<")


def _valid_tree(data: str | bytes, source: str | None) -> tuple[etree._Element, str]:
    """The root of a document parsed safely and valid against its template's XSD, and the
    template's version; :class:`XMLDocumentError` listing every problem otherwise."""
    return _validated(parse_tree(data, source=source), _most_tags(data), source)


def _validated(root: etree._Element, most_tags: int, source: str | None
               ) -> tuple[etree._Element, str]:
    """``root`` if the tree is within the size limits (``most_tags``: at least its number of
    elements, :func:`_most_tags`) and valid against its template's XSD, and the template."""
    _check_size(root, source, most_tags)
    version = _root_version(root, source)
    schema = compiled_schema(version)
    with _VALIDATING:  # one compiled XSD is shared, and its error log with it
        valid = schema.validate(root)
        entries = [] if valid else _entries(schema.error_log)
    if not valid:
        problems = [_xsd_problem(root, entry) for entry in entries[:MAX_PROBLEMS * 10]]
        problems.sort(key=lambda p: p.line or 0)
        raise XMLDocumentError(_unique(problems), source=source)
    return root, version


def _document(root: etree._Element, version: str, source: str | None) -> JsonDict:
    """The JSON form of a valid tree: by the plan, else the thorough way."""
    try:
        return read_tree(root, version)
    except (Unplanned, KeyError, ValueError, TypeError):
        pass  # not as planned (a comment, a ``char``, a value to refuse): the thorough way
    return _read_thoroughly(root, source)[0]


def _read(data: str | bytes, source: str | None) -> tuple[JsonDict, etree._Element]:
    root, version = _valid_tree(data, source)
    return _document(root, version, source), root


def _read_thoroughly(root: etree._Element, source: str | None
                     ) -> tuple[JsonDict, dict[str, etree._Element]]:
    """The JSON form of a valid tree, read element by element, and where each value is."""
    reader = _Reader()
    try:
        document = reader.report(root, _root_version(root, source))
    except XMLDocumentError as error:
        raise XMLDocumentError(error.problems, source=source) from None
    return document, reader.where


def _unique(problems: list[XMLProblem]) -> list[XMLProblem]:
    seen: set[XMLProblem] = set()
    out = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            out.append(problem)
    return out


def parse_xml(data: str | bytes, *, source: str | None = None) -> JsonDict:
    """The JSON form (plain data) of an XML document, after checking it against the XSD.

    The result is what :func:`gi_report.codec.json.from_dict` takes; like ``parse_json`` it is
    not yet checked against the JSON Schema. Raises :class:`~gi_report.errors.XMLDocumentError`.
    """
    return _read(data, source)[0]


def _locate(problem: Problem, where: Mapping[str, etree._Element]) -> XMLProblem:
    """A JSON-form problem with the line and element path of the XML it came from."""
    pointer = problem.pointer
    while pointer not in where and pointer:
        pointer = pointer.rsplit("/", 1)[0]
    element = where.get(pointer)
    return XMLProblem(
        pointer=problem.pointer,
        expected=problem.expected,
        got=problem.got,
        line=line_of(element) if element is not None else None,
        path=element_path(element) if element is not None else None,
    )


_NOT_AS_PLANNED = (Unplanned, Unclean, TypeError, ValueError, LookupError, AttributeError,
                   ArithmeticError)
"""What the fast reading of a valid tree raises when it is not a clean one, as planned."""


def _read_blank_free(raw: bytes, source: str | None) -> Report | None:
    """The report of prepared bytes parsed with blank text dropped (a smaller tree: less to
    parse, validate and free), checked as thoroughly as any; ``None`` if anything is not as
    planned (an error, a ``char`` element): the caller then parses the bytes again as they are,
    so every error and every other reading comes from the whole tree, as before."""
    try:
        root = _parsed(raw, _thread_parser(blank_free=True), source)
        return read_report(*_validated(root, _most_tags(raw), source))
    except (XMLDocumentError, *_NOT_AS_PLANNED):
        return None


def from_xml(data: str | bytes, *, source: str | None = None) -> Report:
    """A report from its XML form (bytes or str).

    Raises :class:`~gi_report.errors.XMLDocumentError` listing every problem with its line,
    element path and JSON Pointer (:class:`~gi_report.errors.UnsafeXMLError` for a DOCTYPE,
    entities or XInclude).
    """
    raw, body = _prepared(data, source)
    if _blank_free_bytes(raw, body):
        report = _read_blank_free(raw, source)
        if report is not None:
            return report
    root, version = _validated(_parsed(raw, _thread_parser(), source), _most_tags(raw), source)
    try:
        return read_report(root, version)
    except _NOT_AS_PLANNED:
        pass  # not as planned or not clean: through the JSON form, which says what is wrong
    document = _document(root, version, source)
    try:
        return from_dict(document, source=source)
    except DocumentError as error:
        where = _read_thoroughly(root, source)[1]  # only now: where each value came from
        raise XMLDocumentError([_locate(p, where) for p in error.problems],
                               source=source) from None


def load_xml(path: Source) -> Report:
    """A report from an XML document of at most 32 MiB: a file path (a ``str`` is always a
    path), the document's ``bytes``, or a binary or text stream, as :func:`~gi_report.load`."""
    data, name = read_source(path, MAX_DOCUMENT_BYTES, "XML document")
    return from_xml(data, source=name)
