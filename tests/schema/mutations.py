"""Documents for checking that a consumer of the JSON Schema accepts and refuses exactly what
``gi_report.from_dict`` does: valid documents (generated reports, the bundled real example) and
the same documents with one place changed: anywhere, and at the places where readers have
differed (cells, fee figures, the template, table layouts, amounts, integers written 26.0)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from hypothesis import Phase, settings
from hypothesis import strategies as st

import gi_report as g
from gi_report.form import TABLE_IDS
from tests.strategies import reports

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
MUTATIONS_PER_DOCUMENT = 8

UNEXPLAINED = settings(phases=[p for p in Phase if p is not Phase.explain], print_blob=True)
"""The settings of the properties over mutated documents: the loaded profile's, without
Hypothesis's explain phase, which varies each choice of the shrunk example to mark the ones that
do not matter; a document draws hundreds (every cell), so it took 185 s of the 259 s after a
synthetic failure (the shrink phase 55 s). The failing document is in the assertion message, and
the printed blob replays it."""

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-3, max_value=10**20)
    | st.floats(allow_nan=False) | st.text(max_size=4)
    | st.sampled_from(["0.35", "1.5\n", "2021", "2019", "1.0", "-0", "0.10", "1e5", " 1", "26.0"]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=2),
    max_leaves=4,
)
"""Any JSON value (NaN left out: it is not JSON, and a JSON consumer never sees it)."""

number_like = st.sampled_from([-5, -1, 0, 7, 26.0, 0.5, True, "3", "0.35", "1.5\n", None, "2019"])
"""The values readers have disagreed on, for cells and fee figures."""


def paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document (the root, members and list items)."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*path, index))
    return found


def _cells(document: dict[str, Any]) -> list[tuple[Any, ...]]:
    places: list[tuple[Any, ...]] = [
        (t, r, c) for t in TABLE_IDS for r, row in document[t].items() for c in row]
    places += [("other_matters", f) for f in document.get("other_matters", {})
               if f.startswith("processing_fee")]
    return places


@st.composite
def mutated(draw: st.DrawFn, clean: dict[str, Any]) -> dict[str, Any]:
    """``clean`` with one place replaced, deleted or given a new member."""
    document = copy.deepcopy(clean)
    kind = draw(st.sampled_from(["anywhere", "cell", "template", "layout", "swap_table"]))
    if kind == "cell":
        *where, last = draw(st.sampled_from(_cells(document)))
        parent = document
        for key in where:
            parent = parent[key]
        parent[last] = draw(number_like)
        return document
    if kind == "template":
        document["template"] = draw(st.sampled_from(["2019", "2021", "2020", 2021]))
        return document
    if kind == "layout":
        document["table_templates"] = draw(st.dictionaries(
            st.sampled_from([*TABLE_IDS, "other"]), st.sampled_from(["2019", "2021", "2020"]),
            max_size=2))
        return document
    if kind == "swap_table":  # a table of the other template's layout
        table_id = draw(st.sampled_from(TABLE_IDS))
        other = "2019" if document["template"] == "2021" else "2021"
        empty = g.to_dict(g.empty_report(template=other, agency="某局", year=2022))
        document[table_id] = empty[table_id]
        return document
    path = draw(st.sampled_from(paths(document)))
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if not path:
        return document
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    if action == "replace":
        parent[path[-1]] = draw(json_values)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(st.text(max_size=6))] = draw(json_values)
    return document


def as_parsed(document: dict[str, Any]) -> Any:
    """The document as another tool reads it: written as JSON text, then parsed by Python."""
    return json.loads(json.dumps(document, ensure_ascii=False))


@st.composite
def clean_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid document: a generated report (either template, some mixing layouts) or the
    bundled real report."""
    if EXAMPLES and draw(st.integers(0, 9)) == 0:
        return json.loads(draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8"))
    return g.to_dict(draw(reports()))


def accepted_by_reader(document: Any) -> bool:
    """Whether ``gi_report.from_dict`` reads the document (it raises DocumentError if not)."""
    try:
        g.from_dict(document)
    except g.DocumentError:
        return False
    return True
