"""What the damages chose when a case was built, replayed on an alternative report.

The proofs of the harness (:func:`~benchmarks.fidelity_harness.cases.proven`, :mod:`.unsettled`)
rebuild a case from an alternative report T' and compare the bytes. Drawing the damages again
with the same seed is not enough: a damage that draws among the cells holding a number
(``two_numbers``, ``unit_words``, ``vmerge_number``) draws among other cells once T' fills a
blank, and T' damaged elsewhere prints other bytes for no reason the document shows. So every
damage draws the cells, rows and labels it changes through :meth:`Choices.pick`: building a case
records what was chosen (by pointer or position, with the text it added) and the random state
after the draw; rebuilding T' takes the same choices and that state instead of drawing again.

A choice is taken on the same items (the same cells: where the document prints them apart, the
same printed places); where T' cannot take it there (a cell chosen for its number is blank in
T'), on the items at the same places among as many candidates (what the same random draws
choose, as the rebuild drew before: in a dump that prints blank cells as nothing, the same
printed numbers); otherwise the rebuild raises :class:`Unreplayable` — the alternative prints
otherwise; nothing is drawn anew. A second replay (``places_first``) takes the places first and
the items where the candidates are not as many; it is rendered only if it takes some other
choice. Either way the rebuilt document is one the damage makes of T' with choices T' allows, so
a byte-for-byte match proves what it proved before.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import attrs

Key = tuple[str | int, ...]
"""What a choice names: a cell's JSON Pointer, a pair of them, a row's position …"""
Item = TypeVar("Item")
Detail = TypeVar("Detail")


class Unreplayable(Exception):
    """A recorded choice the alternative report's document cannot take: it prints otherwise."""


@attrs.frozen
class Choice:
    """One draw of a damage: what it chose (each item's key and place among the candidates,
    with the detail drawn for it, e.g. the unit word added), among how many candidates, and the
    random state right after the draw."""

    chosen: tuple[tuple[Key, int, object], ...]
    candidates: int
    state: tuple[object, ...]

    @property
    def every(self) -> bool:
        """Whether every candidate was chosen (the alternative's new ones would be too)."""
        return len(self.chosen) == self.candidates


@attrs.define
class Choices:
    """The choices of one case's damages in the order made: recorded when the case is built,
    replayed (``replaying``) when an alternative report is rebuilt."""

    made: list[Choice] = attrs.field(factory=list)
    replaying: bool = False
    renamed: Mapping[str, str] = attrs.field(factory=dict)
    """Pointers of the recorded choices as the alternative names them (section 三 printed in
    another column order: the cell at the same printed place)."""
    places_first: bool = False
    """Replaying, each choice taken at the same places among as many candidates first, on the
    same items otherwise; and only if some choice is other than the items first would take."""
    at: int = 0
    other: bool = False  #: a choice was taken elsewhere than the items first would take

    def replayed(self, renamed: Mapping[str, str] | None = None, *,
                 places_first: bool = False) -> Choices:
        """These choices, ready to be replayed on an alternative report."""
        return Choices(list(self.made), replaying=True, renamed=dict(renamed or {}),
                       places_first=places_first)

    def pick(self, rng: random.Random, population: Sequence[Item], key: Callable[[Item], Key],
             draw: Callable[[random.Random], Sequence[tuple[Item, Detail]]]
             ) -> list[tuple[Item, Detail]]:
        """The items of ``population`` a damage chooses, each with its drawn detail: drawn by
        ``draw`` and recorded, or, replaying, the recorded ones (the random state then set to
        what it was after the draw, so that every later draw is the same)."""
        places = {key(item): n for n, item in enumerate(population)}
        assert len(places) == len(population), "the keys must tell the items apart"
        if self.replaying:
            return self._replay(rng, population, places)
        chosen = list(draw(rng))
        self.made.append(Choice(tuple((key(i), places[key(i)], d) for i, d in chosen),
                                len(population), rng.getstate()))
        return chosen

    def _replay(self, rng: random.Random, population: Sequence[Item], places: Mapping[Key, int]
                ) -> list[tuple[Item, Detail]]:
        """The next recorded choice taken on ``population``: the same items, else the items at
        the same places among as many candidates (see the module's docstring)."""
        if self.at >= len(self.made):
            raise Unreplayable("a damage chooses more often than when the case was built")
        choice = self.made[self.at]
        self.at += 1
        keys = [self._renamed(k) for k, _, _ in choice.chosen]
        if choice.every and len(population) != choice.candidates:
            raise Unreplayable("every candidate was chosen, and the alternative has others")
        items = [places[k] for k in keys] if all(k in places for k in keys) else None
        same = [n for _, n, _ in choice.chosen] if len(population) == choice.candidates else None
        first = _either(items, same)
        at = _either(same, items) if self.places_first else first
        if at is None:
            raise Unreplayable(f"{keys} cannot be chosen in the alternative's document")
        self.other = self.other or at != first
        rng.setstate(choice.state)
        return [(population[n], d) for n, (_, _, d) in  # type: ignore[misc]  # as recorded
                zip(at, choice.chosen, strict=True)]

    def _renamed(self, recorded: Key) -> Key:
        """A recorded key as the alternative names it (:attr:`renamed`)."""
        return tuple(self.renamed.get(k, k) if isinstance(k, str) else k for k in recorded)

    def done(self) -> None:
        """Check, replaying, that every recorded choice was taken (and, places first, some
        elsewhere than the items first took them: else the document is the first replay's)."""
        if self.replaying and self.at != len(self.made):
            raise Unreplayable("a damage chose less often than when the case was built")
        if self.places_first and not self.other:
            raise Unreplayable("the same choices as the replay taking the items first")


def _either(first: list[int] | None, second: list[int] | None) -> list[int] | None:
    """``first`` if the candidates can take it, else ``second``."""
    return first if first is not None else second


def plain(items: Sequence[Item]) -> list[tuple[Item, None]]:
    """Drawn items with no detail."""
    return [(i, None) for i in items]


__all__ = ["Choice", "Choices", "Key", "Unreplayable", "plain"]
