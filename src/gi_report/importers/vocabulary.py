"""The labels of one table layout, indexed for matching printed labels against them.

Everything here is derived from :mod:`gi_report.form`: row labels and their aliases, group
labels (merged row headers and sub-table captions), column labels and the header cells above
them (``header_path``), and the table's corner note. Matching is by :func:`normalize.label_key`
(numbering marker + core); when nothing matches exactly, by a small edit distance on the core.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs

from gi_report.form.spec import ColumnSpec, GroupSpec, RowSpec, TableSpec
from gi_report.importers.normalize import Key, Marker, core, edit_distance, fuzzy_limit, label_key

T = TypeVar("T")

MAX_FUZZY_LENGTH = 60
"""Longer texts are not labels: they are only matched exactly."""


@attrs.frozen
class Match(Generic[T]):
    """A printed label matched to one or more form items."""

    items: tuple[T, ...]  #: the candidates (one when the match is unambiguous)
    how: str  #: ``exact``, ``alias`` or ``fuzzy``
    label: str  #: the official label (or alias) that matched
    distance: int = 0  #: edits between the cores (fuzzy matches)

    @property
    def item(self) -> T:
        """The single matched item (the first if the match is ambiguous)."""
        return self.items[0]


@attrs.frozen
class _Entry(Generic[T]):
    item: T
    marker: Marker | None
    label: str
    alias: bool
    fuzzy: bool  #: whether a loose (edit-distance) match may land on this entry


def _compatible(official: Marker | None, printed: Marker) -> bool:
    """Whether a printed numbering marker fits an official one (一、 ~ （一）, 1. ~ (1))."""
    if official is None:
        return True
    family = {"cn": "cn", "pcn": "cn", "num": "num", "pnum": "num"}
    return family[official[0]] == family[printed[0]] and official[1] == printed[1]


class _Index(Generic[T]):
    """Cores → form items, with exact, marker-aware and fuzzy lookup (results cached)."""

    def __init__(self, fuzzy: bool = True) -> None:
        self.entries: dict[str, list[_Entry[T]]] = {}
        self.fuzzy = fuzzy
        self.cache: dict[str, Match[T] | None] = {}

    def add(self, item: T, label: str, *, alias: bool = False, key: Key | None = None) -> None:
        """Index ``item`` under ``label`` (or an explicit composite ``key``: exact matches only)."""
        fuzzy = key is None
        key = key or label_key(label)
        if key.core:
            self.entries.setdefault(key.core, []).append(
                _Entry(item, key.marker, label, alias, fuzzy)
            )

    def lookup(self, text: str) -> Match[T] | None:
        if text in self.cache:
            return self.cache[text]
        result = self._lookup(label_key(text))
        if len(self.cache) < 4096:
            self.cache[text] = result
        return result

    def _lookup(self, key: Key) -> Match[T] | None:
        if not key.core:
            return None
        entries = self.entries.get(key.core)
        distance = 0
        if not entries and self.fuzzy:
            distance, entries = self._nearest(key.core)
        if not entries and self.fuzzy:
            distance, entries = 1, self._undoubled(key.core)
        if entries and key.marker is not None:
            # a printed marker rules out a label numbered otherwise (（六） is not 3.)
            entries = [e for e in entries if _compatible(e.marker, key.marker)]
        if not entries:
            return None
        items = tuple(dict.fromkeys(e.item for e in entries))
        first = entries[0]
        how = "fuzzy" if distance else ("alias" if all(e.alias for e in entries) else "exact")
        return Match(items=items, how=how, label=first.label, distance=distance)

    def _undoubled(self, printed: str) -> list[_Entry[T]]:
        """The labels ``printed`` is with one character printed twice (``<a><a><b>`` for
        ``<a><b>``): a printing fault of real reports, allowed even where edit distance is not.
        Only a text one character longer than some label is tried: the candidates of a long text
        would cost its length squared (a fuzzed 40 KB document took 7 s)."""
        if len(printed) - 1 not in {len(core_) for core_ in self.entries}:
            return []
        found = {printed[:i] + printed[i + 1:] for i in range(len(printed) - 1)
                 if printed[i] == printed[i + 1]}
        return [e for core_ in sorted(found) for e in self.entries.get(core_, ()) if e.fuzzy]

    def _nearest(self, printed: str) -> tuple[int, list[_Entry[T]]]:
        """The labels within the fuzzy limit of ``printed``, the closest ones, and how close."""
        limit = fuzzy_limit(len(printed)) if len(printed) <= MAX_FUZZY_LENGTH else 0
        if not limit:
            return 0, []
        best: list[tuple[int, _Entry[T]]] = []
        chars = set(printed)
        for core_, cands in self.entries.items():
            # k edits change at most k distinct characters: a cheap filter first
            if abs(len(core_) - len(printed)) > limit or len(
                    chars.symmetric_difference(core_)) > 2 * limit:
                continue
            d = edit_distance(printed, core_, limit)
            if d <= limit:
                best.extend((d, e) for e in cands if e.fuzzy)
        if not best:
            return 0, []
        distance = min(d for d, _ in best)
        return distance, [e for d, e in best if d == distance]


class Vocabulary:
    """Every label of one table layout, for matching rows, groups, columns and header cells."""

    def __init__(self, spec: TableSpec) -> None:
        self.spec = spec
        self.rows: _Index[RowSpec] = _Index()
        self.groups: _Index[GroupSpec] = _Index()
        self.columns: _Index[ColumnSpec] = _Index()
        self.headers: _Index[str] = _Index(fuzzy=False)
        for row in spec.rows:
            for i, label in enumerate((row.label, *row.aliases)):
                self.rows.add(row, label, alias=i > 0)
                # the label printed with its enclosing groups, a group's label, a row's in brackets
                prefix = ""
                for group_id in spec.group_chain(row.group):
                    prefix = core(spec.group(group_id).label) + prefix
                    self.rows.add(row, label, alias=True,
                                  key=Key(label_key(label).marker, prefix + core(label)))
        for group in spec.groups:
            for i, label in enumerate((group.label, *group.aliases)):
                self.groups.add(group, label, alias=i > 0)
        for column in spec.columns:
            for i, label in enumerate((column.label, *column.aliases)):
                self.columns.add(column, label, alias=i > 0)
                path = "".join(core(p) for p in column.header_path)
                if path:
                    self.columns.add(column, label, alias=True,
                                     key=Key(None, path + core(label)))
            for depth in range(1, len(column.header_path) + 1):
                words = column.header_path[:depth]
                self.headers.add(words[-1], words[-1])
                self.headers.add(words[-1], "".join(words),
                                 key=Key(None, "".join(core(w) for w in words)))
        for word in (spec.note, spec.row_header):
            if word:
                self.headers.add(word, word)

    def row(self, text: str, groups: Iterable[str] = ()) -> Match[RowSpec] | None:
        """The row a printed label names; ``groups`` (ids) narrow an ambiguous match."""
        match = self.rows.lookup(text)
        if match is None or len(match.items) == 1:
            return match
        wanted = set(groups)
        narrowed = tuple(
            r for r in match.items if wanted & set(self.spec.group_chain(r.group))
        )
        if len(narrowed) == 1:
            return attrs.evolve(match, items=narrowed)
        return match

    def group(self, text: str) -> Match[GroupSpec] | None:
        """The group (merged row header or caption) a printed label names."""
        return self.groups.lookup(text)

    def column(self, text: str) -> Match[ColumnSpec] | None:
        """The column a printed header cell names (never a numbered label: columns have none)."""
        if label_key(text).marker is not None:
            return None
        return self.columns.lookup(text)

    def is_header_word(self, text: str) -> bool:
        """Whether the text is a header cell above the columns (applicants, corner note…)."""
        return self.headers.lookup(text) is not None

    def knows(self, text: str) -> bool:
        """Whether the text is any label of this table."""
        return any(
            m is not None
            for m in (self.rows.lookup(text), self.groups.lookup(text),
                      self.columns.lookup(text), self.headers.lookup(text))
        )


@functools.cache
def vocabulary(spec: TableSpec) -> Vocabulary:
    """The (cached) vocabulary of a table layout."""
    return Vocabulary(spec)
