"""A paragraph that is a table's row labels run together: the labels, one by one.

A PDF's text layer may join the labels of a table printed apart from its numbers (one label a
line, in a column of their own) into one paragraph. Such a paragraph is read as the list of
labels only when it is nothing but the layout's own row and group labels (each exactly, or as
one of the form's aliases), one after another, with one way only to cut it so; any other text,
a label printed otherwise, or two ways to cut it, and it stays a paragraph.
"""

from __future__ import annotations

import functools
import re

from gi_report.form.spec import TableSpec
from gi_report.importers.vocabulary import Vocabulary

MIN_LABELS = 3
"""Fewest labels a paragraph must hold to be read as a list of them."""
MAX_TEXT = 4000
"""Longest paragraph (characters) tried as a list of labels."""
_SPACE = re.compile(r"\s+")


@functools.cache
def _labels(spec: TableSpec) -> tuple[str, ...]:
    """Every row and group label of the layout as printed (aliases too), spaces removed."""
    texts = {*(t for r in spec.rows for t in (r.label, *r.aliases)),
             *(t for g in spec.groups for t in (g.label, *g.aliases))}
    return tuple(sorted({_SPACE.sub("", t) for t in texts if t.strip()}))


def label_list(text: str, vocab: Vocabulary) -> list[str] | None:
    """The labels ``text`` is made of, in order, or ``None`` (see the module)."""
    body = _SPACE.sub("", text)
    if len(body) > MAX_TEXT or not body:
        return None
    labels = [t for t in _labels(vocab.spec) if t in body and _exact(t, vocab)]
    if len(labels) < MIN_LABELS:
        return None  # most paragraphs: prose, no label of the table in them
    cuts = _cuts(body, labels)
    if cuts is None or len(cuts) < MIN_LABELS:
        return None
    return cuts


def _exact(label: str, vocab: Vocabulary) -> bool:
    """Whether the label names one row, or a group, of the layout exactly (not fuzzily)."""
    row = vocab.row(label)
    if row is not None:
        return row.how != "fuzzy" and len(row.items) == 1
    group = vocab.group(label)
    return group is not None and group.how != "fuzzy"


def _cuts(body: str, labels: list[str]) -> list[str] | None:
    """The one way to cut ``body`` into ``labels``, or ``None`` (none, or several)."""
    n = len(body)
    ways = [0] * (n + 1)  # ways[i]: how many ways body[i:] is cut (2 stands for "several")
    step: list[str | None] = [None] * (n + 1)
    ways[n] = 1
    for i in range(n - 1, -1, -1):
        for label in labels:
            if body.startswith(label, i) and ways[i + len(label)]:
                ways[i] = min(2, ways[i] + ways[i + len(label)])
                step[i] = label
    if ways[0] != 1:
        return None
    out: list[str] = []
    i = 0
    while i < n and (piece := step[i]) is not None:
        out.append(piece)
        i += len(piece)
    return out
