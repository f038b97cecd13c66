"""A short numbered row label printed with a typo, in a crawl line (one character dropped,
replaced or added).

The form's label matcher allows no edit distance on a label core under five characters (too
many short labels lie one edit apart), so a crawl that prints such a label with a typo has no
row for the digits after it: the whole row came back blank (``row.missing``). Where the label
keeps its numbering marker, the marker narrows the candidates to the rows numbered so: the
printed label names a row when exactly one row of the table (in any template) with a
compatible marker has a core one edit from its own. The row is then made a row of the crawl
table; which form row it is, is decided as for any label the form does not list (the one
row missing between its recognised neighbours, ``label.by_position``), never by this match.
"""

from __future__ import annotations

import functools

from gi_report.form import TEMPLATES
from gi_report.importers.normalize import Key, edit_distance, label_key

MIN_CORE = 2
"""Fewest characters of a printed core matched this way (one character names nothing)."""


@functools.cache
def _numbered_rows(table_id: str) -> tuple[tuple[str, Key], ...]:
    """Each numbered row label (and listed variant) of the table in every template, by row id."""
    out: dict[tuple[str, Key], None] = {}
    for template in TEMPLATES.values():
        for row in template.table(table_id).rows:
            for text in (row.label, *row.aliases):
                key = label_key(text)
                if key.marker is not None:
                    out[(row.id, key)] = None
    return tuple(out)


def _compatible(official: tuple[str, int], printed: tuple[str, int]) -> bool:
    """Whether two numbering markers are the same number in the same family (a numeral with
    or without brackets, a digit with or without brackets)."""
    family = {"cn": "cn", "pcn": "cn", "num": "num", "pnum": "num"}
    return family[official[0]] == family[printed[0]] and official[1] == printed[1]


def near_numbered(label: str, table_id: str) -> bool:
    """Whether ``label`` (a numbering marker and a core of at least :data:`MIN_CORE`
    characters) is one edit from the label of exactly one row of the table numbered so."""
    key = label_key(label)
    if key.marker is None or len(key.core) < MIN_CORE:
        return False
    found = {row_id for row_id, official in _numbered_rows(table_id)
             if official.marker is not None and _compatible(official.marker, key.marker)
             and edit_distance(key.core, official.core, 1) <= 1}
    return len(found) == 1
