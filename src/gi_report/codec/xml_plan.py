"""The fast reading of an XSD-valid XML tree into the JSON form, by a plan worked out once.

The XSD has already checked the tree: each table's rows and cells are there, in the form's
order, each value of its type. So the plan walks the tree in that order, comparing each element's
full tag with the one the plan expects, and converts each value by its kind, without building a
map of local names or remembering where each value came from. Anything unexpected (a ``char``
element in a text, a row or cell too many or too few) raises :class:`Unplanned`, and
the caller reads the tree the thorough way (:class:`gi_report.codec.xml._Reader`), which also
knows where every value came from for error messages. Both give the same data
(``tests/xml/test_xml_plan.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter, call, itemgetter
from typing import Any

import attrs
from lxml import etree

from gi_report.codec.plan import ReadPlan, read_plan
from gi_report.form import TEMPLATES, per_registry
from gi_report.model import Report
from gi_report.xsd import XSI, Kind, Member, cell_kind, namespace, object_members, report_members

JsonDict = dict[str, Any]

NIL = f"{{{XSI}}}nil"
_XML_SPACE = " \t\r\n"
_LONGEST_INTEGER = 20
"""Characters of the longest whole number within ±(2^53 - 1), sign included (and then some)."""


class Unplanned(Exception):
    """The tree is not laid out as the plan expects: read it the thorough way."""


def _is_nil(element: etree._Element) -> bool:
    return element.get(NIL) in ("true", "1")


def _empty(element: etree._Element, kind: Kind) -> Any:
    """An element with no text: ``None`` if nil, ``""`` for a text; else not as planned."""
    if _is_nil(element):
        return None
    if kind is Kind.TEXT or kind is Kind.STRING:
        return ""
    raise Unplanned


def _text(element: etree._Element) -> Any:
    if len(element):  # child elements (a ``char``) or comments: the thorough reader
        raise Unplanned
    text = element.text
    return _empty(element, Kind.TEXT) if text is None else text


def _string(element: etree._Element) -> Any:
    text = element.text
    return _empty(element, Kind.STRING) if text is None else text


def _collapsed(element: etree._Element) -> Any:
    """The whitespace-collapsed text of a number or a date. The XSD refuses text in a nil
    element and an empty number or date, so only an element without text can be nil."""
    text = element.text
    if text is None:
        return _empty(element, Kind.DECIMAL)
    collapsed = text.strip(_XML_SPACE)
    if not collapsed:
        raise Unplanned
    return collapsed


def _integer(element: etree._Element) -> Any:
    text = element.text
    if text is None:
        return _empty(element, Kind.INTEGER)
    collapsed = text.strip(_XML_SPACE)
    if not collapsed or len(collapsed) > _LONGEST_INTEGER:
        raise Unplanned
    return int(collapsed)


_Read = Callable[[etree._Element], Any]
_READERS: dict[Kind, _Read] = {Kind.TEXT: _text, Kind.STRING: _string, Kind.INTEGER: _integer,
                               Kind.DECIMAL: _collapsed, Kind.DATE: _collapsed}


def value(element: etree._Element, kind: Kind) -> Any:
    """The JSON-form value of a leaf element of ``kind`` (``None`` for ``xsi:nil``)."""
    return _READERS[kind](element)


_Rows = tuple[tuple[str, tuple[str, ...], tuple[_Read, ...] | None], ...]


@per_registry
def _table_plan(version: str, table_id: str) -> _Rows:
    """(row id, column ids, how each cell is read) of each row of a table layout, in order;
    ``None`` for a row of whole numbers only (read inline)."""
    spec = TEMPLATES[version].table(table_id)
    rows = []
    for row in spec.rows:
        kinds = [cell_kind(spec.column(c))[0] for c in row.columns]
        readers = None if set(kinds) == {Kind.INTEGER} else tuple(_READERS[k] for k in kinds)
        rows.append((row.id, row.columns, readers))
    return tuple(rows)


@per_registry
def _root_plan() -> dict[str, tuple[Member, str | None]]:
    """Every element tag a report's root may hold: its member and, for a table, the version of
    the layout its namespace names."""
    out: dict[str, tuple[Member, str | None]] = {}
    for version in TEMPLATES:
        ns = namespace(version)
        for member in report_members():
            out[f"{{{ns}}}{member.name}"] = (member, version if member.kind is Kind.TABLE
                                             else None)
    return out


def _counts(row: etree._Element) -> list[int | None]:
    """The cells of a row of whole numbers, read inline (most cells of a report are these).
    An element without text is nil (the XSD refuses an empty number that is not)."""
    values: list[int | None] = []
    for cell in row:
        if len(cell):
            raise Unplanned
        text = cell.text
        if text is None:
            values.append(None)
        elif len(text) > _LONGEST_INTEGER:
            raise Unplanned
        else:
            values.append(int(text))  # the XSD's pattern: digits, within XML spaces
    return values


def _table(element: etree._Element, rows: _Rows) -> JsonDict:
    # The XSD requires every row and cell, in order: as many children as the plan has means
    # no comment or processing instruction among them, so they are the rows and cells.
    if len(element) != len(rows):
        raise Unplanned
    out: JsonDict = {}
    for (row_id, columns, readers), row in zip(rows, element, strict=True):
        if len(row) != len(columns):
            raise Unplanned
        if readers is None:
            out[row_id] = dict(zip(columns, _counts(row), strict=True))
        else:
            out[row_id] = dict(zip(columns, map(call, readers, row), strict=True))
    return out


_TEXT = attrgetter("text")


def _getter(indexes: list[int]) -> Callable[[Any], tuple[Any, ...]]:
    """``itemgetter`` of ``indexes``, always giving a tuple."""
    if len(indexes) == 1:
        index = indexes[0]
        return lambda values: (values[index],)
    return itemgetter(*indexes)


@attrs.frozen
class TableLayout:
    """Where the rows and cells of a table layout sit among the table element's descendants in
    document order (``list(table.iter())``, the table first), when every cell is a leaf: so a
    table's values are taken in a few calls at C speed instead of element by element."""

    size: int  #: the table, its rows and their cells
    rows: Callable[[Any], tuple[Any, ...]]  #: the row elements
    lengths: tuple[int, ...]  #: the number of cells of each row
    cells: Callable[[Any], tuple[Any, ...]]  #: every cell, row by row
    readers: tuple[_Read, ...] | None  #: how each cell is read; ``None``: whole numbers only
    spans: tuple[slice, ...]  #: each row's cells among all the cells

    @classmethod
    def of(cls, version: str, table_id: str) -> TableLayout:
        plan = _table_plan(version, table_id)
        rows: list[int] = []
        cells: list[int] = []
        spans: list[slice] = []
        for _, columns, _ in plan:
            rows.append(1 + len(rows) + len(cells))
            spans.append(slice(len(cells), len(cells) + len(columns)))
            cells += range(rows[-1] + 1, rows[-1] + 1 + len(columns))
        readers = [r or (_integer,) * len(columns) for _, columns, r in plan]
        return cls(1 + len(rows) + len(cells), _getter(rows),
                   tuple(len(columns) for _, columns, _ in plan), _getter(cells),
                   None if all(r is None for _, _, r in plan) else sum(readers, ()),
                   tuple(spans))

    def values(self, table: etree._Element) -> list[tuple[Any, ...]]:
        """The table's values row by row, amounts as written; :class:`Unplanned` unless the
        element has exactly the layout's rows and cells, each cell a leaf."""
        elements = list(table.iter())
        # The rows found where the layout puts them are the table's children, with as many
        # cells each as the layout says, and the subtree holds nothing more: every cell a leaf.
        if len(elements) != self.size:
            raise Unplanned
        rows = self.rows(elements)
        if rows != tuple(table) or tuple(map(len, rows)) != self.lengths:
            raise Unplanned
        cells = self.cells(elements)
        values = (_whole_numbers(tuple(map(_TEXT, cells))) if self.readers is None
                  else tuple(map(call, self.readers, cells)))
        return list(map(values.__getitem__, self.spans))  # (slices of a tuple are tuples)


def _whole_numbers(texts: tuple[str | None, ...]) -> tuple[int | None, ...]:
    """Cells of whole numbers from their texts. A cell without text is nil (the XSD refuses an
    empty number that is not); the XSD's pattern allows digits within XML spaces only."""
    if max(map(len, filter(None, texts)), default=0) > _LONGEST_INTEGER:
        raise Unplanned
    return tuple([None if text is None else int(text) for text in texts])


@per_registry
def table_layout(version: str, table_id: str) -> TableLayout:
    """The :class:`TableLayout` of a table of a template version (worked out once)."""
    return TableLayout.of(version, table_id)


_Objects = dict[str, dict[str, Member]]


@per_registry
def _objects() -> _Objects:
    """The members of every object type below the root, by type name, each by element name
    (looked up once per set of templates)."""
    out: _Objects = {}
    todo = [m.target for m in report_members() if m.target is not None]
    while todo:
        target = todo.pop()
        if target not in out:
            out[target] = {m.name: m for m in object_members(target)}
            todo += [m.target for m in out[target].values() if m.target is not None]
    return out


def _members(element: etree._Element, members: dict[str, Member], objects: _Objects
             ) -> JsonDict:
    # The XSD keeps the children in the members' order: read them in document order.
    out: JsonDict = {}
    for child in element:
        member = members[child.tag.rpartition("}")[2]]
        out[member.name] = _member(child, member, objects)
    return out


def _member(element: etree._Element, member: Member, objects: _Objects) -> Any:
    if member.kind is Kind.OBJECT:
        if _is_nil(element):
            return None
        return _members(element, objects[str(member.target)], objects)
    if member.kind is Kind.LIST:
        items = objects[str(member.target)]
        return [_members(item, items, objects) for item in element]
    return _READERS[member.kind](element)


_Members = dict[str, tuple[str, _Read]]
"""How an object's children are read: by full tag, (member name, reader)."""


@attrs.frozen
class _Ordered:
    """An object type's members in the XSD's order: their names and readers, filled in when
    every reader is made (readers of object members refer to one another)."""

    names: list[str] = attrs.Factory(list)
    readers: list[_Read] = attrs.Factory(list)


def _object_reader(members: _Members, ordered: _Ordered) -> _Read:
    def read(element: etree._Element) -> JsonDict:
        # The XSD keeps the children in the members' order, each at most once: with as many
        # children as members, each is the member at its place (no tag to look up).
        if len(element) == len(ordered.names):
            return dict(zip(ordered.names, map(call, ordered.readers, element), strict=True))
        out: JsonDict = {}
        for child in element:
            name, read_child = members[child.tag]
            out[name] = read_child(child)
        return out

    return read


def _nillable(read_object: _Read) -> _Read:
    return lambda element: None if _is_nil(element) else read_object(element)


def _list_of(read_item: _Read) -> _Read:
    return lambda element: list(map(read_item, element))


@per_registry
def _readers() -> dict[str, _Read]:
    """How each member below the root is read, by its element's full tag (in every template's
    namespace): compiled once from :func:`_objects`, so reading an element is a dictionary
    look-up and a call."""
    objects = _objects()
    members: dict[str, _Members] = {target: {} for target in objects}
    ordered = {target: _Ordered() for target in objects}
    readers = {t: _object_reader(members[t], ordered[t]) for t in objects}
    prefixes = [f"{{{namespace(version)}}}" for version in TEMPLATES]

    def reader(member: Member) -> _Read:
        if member.kind is Kind.OBJECT:
            return _nillable(readers[str(member.target)])
        if member.kind is Kind.LIST:
            return _list_of(readers[str(member.target)])
        return _READERS[member.kind]

    for target, by_name in objects.items():
        for member in by_name.values():  # in the XSD's order
            read = reader(member)
            members[target].update((p + member.name, (member.name, read)) for p in prefixes)
            ordered[target].names.append(member.name)
            ordered[target].readers.append(read)
    return {p + m.name: reader(m) for m in report_members() if m.kind is not Kind.TABLE
            for p in prefixes}


_Step = tuple[str, _Read, str | None]
"""How a child of the root is read: (member name, reader, layout version of a table)."""


def _table_reader(version: str, table_id: str) -> _Read:
    values = table_layout(version, table_id).values
    table = read_plan().tables[version, table_id].table
    return lambda element: table(values(element))


@per_registry
def _report_plan() -> tuple[dict[str, _Step], ReadPlan]:
    """How each child of the root is read, by full tag, and the JSON form's plan that checks
    the whole (worked out once per set of templates)."""
    readers = _readers()
    steps: dict[str, _Step] = {}
    for tag, (member, layout) in _root_plan().items():
        read = readers[tag] if layout is None else _table_reader(layout, member.name)
        steps[tag] = (member.name, read, layout)
    return steps, read_plan()


def read_report(root: etree._Element, version: str) -> Report:
    """The report of an XSD-valid tree whose root is of template ``version``, its tables read
    straight into :class:`~gi_report.table.Table` values and every value checked as the JSON
    form's fast reading checks it (:mod:`gi_report.codec.plan`); :class:`Unplanned`,
    :class:`~gi_report.codec.plan.Unclean` or a model error when it is not a clean one."""
    document: JsonDict = {"format_version": root.get("format_version"), "template": version}
    layouts: dict[str, str] = {}
    steps, plan = _report_plan()
    for child in root:
        name, read, layout = steps[child.tag]
        document[name] = read(child)
        if layout is not None and layout != version:
            layouts[name] = layout
    if layouts:
        document["table_templates"] = layouts
    return plan.read_with_tables(document)


def read_tree(root: etree._Element, version: str) -> JsonDict:
    """The JSON form of an XSD-valid report tree whose root is of template ``version``;
    :class:`Unplanned` (or a ``ValueError``) when it is not laid out as planned."""
    document: JsonDict = {"format_version": root.get("format_version"), "template": version}
    layouts: dict[str, str] = {}
    body: JsonDict = {}
    plan = _root_plan()
    objects = _objects()
    for child in root:  # the hardened parser drops comments and processing instructions
        member, layout = plan[child.tag]
        if layout is None:
            body[member.name] = _member(child, member, objects)
            continue
        if layout != version:
            layouts[member.name] = layout
        body[member.name] = _table(child, _table_plan(layout, member.name))
    if layouts:
        document["table_templates"] = layouts
    order = {m.name: None for m in report_members()}
    document.update((k, body[k]) for k in order if k in body)
    return document
