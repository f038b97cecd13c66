"""One case of the harness: a generated report, damaged, rendered, imported and compared.

A case is fully determined by ``(seed, damages, form)``: the same triple rebuilds the same
document, so every wrong cell the harness finds can be reproduced with :func:`build_case`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import attrs

from benchmarks.fidelity_harness.compare import Tally, Wrong, compare, imported_cells
from benchmarks.fidelity_harness.damage import DAMAGES, applies, blank_units
from benchmarks.fidelity_harness.document import Document, build
from benchmarks.fidelity_harness.forms import FORMS
from benchmarks.fidelity_harness.replay import Choices, Unreplayable
from benchmarks.fidelity_harness.unsettled import (
    MAX_TRIES,
    Changes,
    Order,
    Proof,
    Render,
    classify,
    pointer_cell,
    printed_order,
)
from gi_report import read_document
from gi_report.errors import GIReportError
from gi_report.form import TABLE_IDS
from gi_report.model import Report
from gi_report.synthetic import random_report
from gi_report.table import CellValue

Cell = tuple[str, ...]
"""A table cell of a report: (table id, row id, column id)."""


def generate(rng: random.Random, *, blanks: bool = True) -> Report:
    """A report of either template, sometimes mixing layouts, with blanks (unless ``blanks`` is
    false) and varied scales."""
    template = rng.choice(("2021", "2019"))
    blank_rate = rng.choice((0.0, 0.0, 0.05, 0.3))
    report = random_report(rng, template=template, blank_rate=blank_rate if blanks else 0.0,
                           scale=rng.choice((8, 30, 200, 2000)))
    if rng.random() < 0.2:
        other = random_report(rng, template="2019" if template == "2021" else "2021",
                              scale=rng.choice((8, 200)))
        if rng.random() < 0.5:
            report = attrs.evolve(report, proactive=other.proactive)
        else:
            report = attrs.evolve(report, applications=other.applications)
    return report


NO_BLANKS = frozenset({"one_line"})
"""Forms whose documents are generated without blank cells (see :func:`build_case`): a real
crawl's blanks are measured by ``one_line_blanks``, rendered the same way."""


GLUED = frozenset({"one_line", "one_line_blanks"})
"""Forms that print a row's numbers glued together: the proof of blanks also tries other cuts
of the same digits (:func:`~benchmarks.fidelity_harness.unsettled.digit_moves`)."""


@attrs.frozen
class Case:
    """What one case is: its seed, the damage kinds applied (in order) and the form."""

    seed: int
    damages: tuple[str, ...]
    form: str

    @property
    def label(self) -> str:
        """The damage kind for tables: the kind alone, ``none`` or ``combined``."""
        if not self.damages:
            return "none"
        return self.damages[0] if len(self.damages) == 1 else "combined"


@attrs.frozen
class Outcome:
    """How one case came back: its tally, or the exception the import raised."""

    case: Case
    tally: Tally | None
    error: str | None = None  #: ``ExceptionType: message`` when the import raised


def build_case(case: Case) -> tuple[Document, str | bytes, str]:
    """The damaged document of a case, its rendered text and the kind to import it as."""
    return _render(case, {})


def _render(case: Case, changes: Mapping[Cell, CellValue], spared: frozenset[str] = frozenset(),
            reorder: tuple[str, ...] | None = None, replay: Choices | None = None
            ) -> tuple[Document, str | bytes, str]:
    """A case built with ``changes`` made to its generated report (table, row, column → value)
    and the damages leaving the ``spared`` cells alone: the same random draws all along
    (``reorder``: the column order ``column_order`` prints instead of the one it draws;
    ``replay``: the choices the damages made when the case was built, taken again instead of
    drawn, :class:`~.replay.Unreplayable` where the changed report cannot take one)."""
    rng = random.Random(case.seed)
    report = _generated(case, rng)
    for (table_id, row_id, column_id), value in changes.items():
        report = report.with_table(report.tables[table_id].with_cell(row_id, column_id, value))
    doc = build(report)
    doc.spared = spared
    doc.reorder = reorder
    if replay is not None:
        doc.choices = replay
    for name in case.damages:
        if applies(name, case.form):  # a kind the form cannot print: no damage, no draw
            DAMAGES[name](doc, rng)
    doc.choices.done()
    blank_units(doc)
    text, kind = FORMS[case.form](doc, rng)
    return doc, text, kind


def _generated(case: Case, rng: random.Random | None = None) -> Report:
    """The case's generated report, before any change or damage (``rng`` goes on from it)."""
    rng = random.Random(case.seed) if rng is None else rng
    # A blank cell vanishes from a one-line dump, leaving a digit run that often reads the same
    # as one with a digit per cell: ``one_line`` has no blanks (its cases, reproducers among
    # them, keep their documents); ``one_line_blanks`` is the same dump with them.
    return generate(rng, blanks=case.form not in NO_BLANKS)


def proven(case: Case, text: str | bytes, imported: Report, wrong: Sequence[Wrong],
           choices: Choices | None = None) -> bool:
    """Whether the cells ``wrong`` are indistinguishable: the case rebuilt from a report stating
    what the import read there, the damages making the choices they made on the case
    (``choices``, recorded again if not given) and sparing those cells, prints ``text`` byte for
    byte — the document is as much that report's as the truth's."""
    changes: dict[Cell, CellValue] = {}
    for w in wrong:
        parts = tuple(w.pointer.split("/")[1:])
        if len(parts) != 3 or parts[0] not in TABLE_IDS:
            return False  # the year or the agency: not a cell of a table
        changes[parts] = imported.tables[parts[0]][parts[1], parts[2]]
    choices = build_case(case)[0].choices if choices is None else choices
    try:
        again = _rebuilt(case, changes, text, choices,
                         spared=frozenset(w.pointer for w in wrong))[1]
    except (KeyError, ValueError, TypeError, GIReportError, Unreplayable):
        return False  # a cell the layout does not have, a value it cannot hold, another choice
    return again == text


def _rebuilt(case: Case, changes: Mapping[Cell, CellValue], text: str | bytes, choices: Choices,
             *, spared: frozenset[str] = frozenset(), order: Order | None = None,
             renamed: Mapping[str, str] | None = None) -> Render:
    """The case rebuilt from ``changes``, replaying the damages' ``choices`` on the same cells
    first; where that prints other bytes than ``text``, or cannot be, at the same places among
    as many candidates first (rendered only if some choice is taken elsewhere): the first
    rebuild that prints ``text``, else the first made (:class:`~.replay.Unreplayable` if
    none)."""
    try:
        first: Render | None = _render(case, changes, spared, order, choices.replayed(renamed))
    except Unreplayable:
        first = None
    if first is not None and first[1] == text:
        return first
    try:
        second = _render(case, changes, spared, order,
                         choices.replayed(renamed, places_first=True))
    except Unreplayable:
        if first is None:
            raise
        return first
    return second if first is None or second[1] == text else first


def _classify(case: Case, text: str | bytes, imported: Report, tally: Tally,
              choices: Choices) -> Tally:
    """The tally with each row's wrong cells moved to ``indistinguishable`` where
    :func:`proven`, then, if some are left, all the case's wrong cells together where
    :func:`proven` (cells of several rows a reading changes together); every other wrong cell
    stays wrong."""
    by_row: dict[str, list[Wrong]] = {}
    for w in tally.wrong:
        by_row.setdefault(w.pointer.rsplit("/", 1)[0], []).append(w)
    wrong: list[Wrong] = []
    same: list[Wrong] = []
    for cells in by_row.values():
        (same if proven(case, text, imported, cells, choices) else wrong).extend(cells)
    if wrong and len(by_row) > 1 and proven(case, text, imported, tally.wrong, choices):
        wrong, same = [], list(tally.wrong)
    return attrs.evolve(tally, wrong=tuple(wrong), indistinguishable=tuple(same))


def _bytes(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text


def blank_proof(case: Case, doc: Document, text: str | bytes) -> Proof:
    """What the proof of a case's blanks works from (:mod:`.unsettled`): the case rebuilt with
    changes, the damages making the choices they made on ``doc`` and sparing nothing."""
    def render(changes: Changes, order: Order | None = None,
               dropped: Mapping[str, str] | None = None) -> Render:
        return _rebuilt(case, changes, text, doc.choices, order=order,
                        renamed={**_moved_places(doc, order), **(dropped or {})})

    return Proof.of(render, _generated(case), doc, text, glued=case.form in GLUED,
                    reorders="column_order" in case.damages)


def _moved_places(doc: Document, order: Order | None) -> dict[str, str]:
    """Each cell of section 三 by the cell printed at its place once the section is printed in
    ``order`` (its values moved with their columns): a choice of the damages (a cell dropped, a
    unit word) stays at its printed place."""
    printed = printed_order(doc)
    if order is None or printed is None:
        return {}
    columns = dict(zip(printed, order, strict=True))
    moved: dict[str, str] = {}
    for pointer in doc.truth:
        cell = pointer_cell(pointer)
        if cell is not None and cell[0] == "applications" and cell[2] in columns:
            moved[pointer] = f"/applications/{cell[1]}/{columns[cell[2]]}"
    return moved


def run_case(case: Case, *, tries: int = MAX_TRIES) -> Outcome:
    """Build, import and compare one case; an exception of the import is an outcome too. Wrong
    cells are tried for indistinguishable, blank cells for unsettleable (at most ``tries``
    alternative reports rendered; 0: not tried)."""
    doc, text, kind = build_case(case)
    try:
        result = read_document(_bytes(text), kind=kind, warn=False)
    except Exception as exc:
        return Outcome(case, None, f"{type(exc).__name__}: {str(exc)[:200]}")
    tally = compare(doc.truth, result.report)
    if tally.wrong:
        tally = _classify(case, text, result.report, tally, doc.choices)
    if tally.blank:
        proof = blank_proof(case, doc, text) if tries else None
        blanks = classify(proof, doc.truth, imported_cells(result.report), result.notices, tries)
        tally = attrs.evolve(tally, blanks=blanks)
    return Outcome(case, tally)


def draw_cases(seed: int, count: int, kinds: Sequence[str], forms: Sequence[str],
               *, combined: float = 0.25, undamaged: float = 0.03) -> list[Case]:
    """``count`` cases: most with one damage kind, some with 2–4 kinds combined, a few none;
    kinds and forms taken in turn so that every pair is covered evenly; a kind a form cannot
    print (:data:`~benchmarks.fidelity_harness.damage.ONLY_FORMS`) is not drawn for it."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for i in range(count):
        form = forms[i % len(forms)]
        usable = [k for k in kinds if applies(k, form)]  # a kind the form prints
        roll = rng.random()
        if roll < undamaged or not usable:
            damages: tuple[str, ...] = ()
        elif roll < undamaged + combined and len(usable) > 1:
            damages = tuple(rng.sample(usable, rng.randint(2, min(4, len(usable)))))
        else:
            damages = (usable[(i // len(forms)) % len(usable)],)
        cases.append(Case(rng.randrange(2**32), damages, form))
    return cases


__all__ = ["Case", "Outcome", "Wrong", "blank_proof", "build_case", "draw_cases", "generate",
           "proven", "run_case"]
