"""``narrative_states``: the report's own text states section 二 numbers (issue 10, item 4).

Real reports state the numbers of section 二 in the overview's proactive-disclosure part or in
section 二's own text (``本年共制发<row>5件，废止2件，现行有效16件``, ``<row>处理决定1234件``), and
sometimes numbers that contradict their table, numbers of a subset (``其中新制定3件``) or of
other things beside a row's label (``<row>备案审查15件``). The truth stays the table.

How each number is drawn matters to the proof of indistinguishable cells
(:func:`~benchmarks.fidelity_harness.cases.proven`, which rebuilds the case with the read values
and the same random draws):

- an **agreeing** statement prints the cell's true value: a reading that changes the cell
  prints another sentence, so a wrong reading stays wrong;
- a **contradicting** statement prints a number cut from the row's printed digits at drawn
  places, whatever the truth: any reading of the same digits prints the same sentence, so a
  reading that follows it is what a report stating those values prints (indistinguishable,
  the documented risk of settling by the text);
- a **subset** or **other** statement (a distractor) prints a number cut from the row's digits
  that is none of the row's true values: a reading that follows it makes it a true value, the
  rebuild cuts another number, and the reading stays wrong.

Every draw is made whatever the values are (numbers that depend on them come from one
``random()`` each), so the damages and the form after this one draw the same on the rebuild.
Every label comes from :mod:`gi_report.form`; the column words from
:data:`gi_report.form.claims.PROACTIVE_VERBS` and the column labels.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs

from benchmarks.fidelity_harness.document import Document, Heading, Paragraph, value_text
from gi_report.form import claims as words
from gi_report.form.spec import CellKind, TableSpec

SUBJECTS = ("我局共", "本年度共", "全年", "本机关", "")
"""What a statement starts with (the agency, the year)."""
COUNT_UNIT = "件"
ITEM_UNIT = "项"
OTHER_THINGS = ("{row}备案审查{n}件", "清理{row}{n}件", "{row}类信息{n}条",
                "公开{row}解读材料{n}篇", "涉及{row}的申请{n}件", "{row}{n}件已全部公开")
"""Distractors: numbers of other things printed beside a row's label."""
SUBSETS = ("其中新{verb}{n}件", "{row}中{n}件为新{verb}")
"""Numbers of a subset of a row's documents."""
AGREE, CONTRADICT, SUBSET, OTHER = "agree", "contradict", "subset", "other"
CONTRADICTION_RATE = 0.2
"""The share of documents with one statement that contradicts the table."""


@attrs.frozen
class Said:
    """One sentence the damage wrote, what kind it is, and the cell and number it states."""

    sentence: str
    kind: str
    pointer: str | None = None
    value: int | None = None


@attrs.define
class Stated(Paragraph):
    """A paragraph of statements; ``said`` tells the measurement what each sentence is."""

    said: list[Said] = attrs.field(factory=list)


def column_words(spec: TableSpec, column_id: str) -> tuple[str, ...]:
    """The verbs a narrative states a column with, from the form (empty: not stated)."""
    column = spec.column(column_id)
    if column.kind is not CellKind.COUNT:
        return ()
    found = [v for key, verbs in (*words.PROACTIVE_VERBS, *words.PROACTIVE_ITEM_WORDS)
             if key in column.label for v in verbs]
    return tuple(dict.fromkeys(found))


def statable(spec: TableSpec) -> list[tuple[str, str]]:
    """The cells of section 二 a narrative states, in the form's order."""
    return [(row.id, c) for row in spec.rows for c in row.columns if column_words(spec, c)]


def _digits(doc: Document, spec: TableSpec, row_id: str) -> str:
    """The row's count digits as a one-line dump prints them (blank cells print nothing)."""
    return "".join(value_text(doc.truth.get(f"/{spec.id}/{row_id}/{c}"))  # type: ignore[arg-type]
                   for c in spec.row(row_id).columns
                   if spec.column(c).kind in (CellKind.COUNT, CellKind.SIGNED_COUNT))


def _cuts(digits: str) -> list[int]:
    """Every number a run of the digits reads as (no leading zero), in order of position."""
    out = []
    for i in range(len(digits)):
        for j in range(i + 1, min(len(digits), i + 6) + 1):
            piece = digits[i:j]
            if piece.isdigit() and (piece == "0" or piece[0] != "0"):
                out.append(int(piece))
    return out


def _pick(options: Sequence[int], draw: float, fallback: float) -> int:
    """One of ``options`` by a draw in [0, 1), else a small number from ``fallback``."""
    if options:
        return options[int(draw * len(options))]
    return int(fallback * 30)


@attrs.frozen
class _Draws:
    """What one statement drew, made before any value is looked at."""

    cell: tuple[str, str]
    shape: float
    subject: float
    verb: float
    number: float
    fallback: float

    @classmethod
    def of(cls, rng: random.Random, cell: tuple[str, str]) -> _Draws:
        return cls(cell, rng.random(), rng.random(), rng.random(), rng.random(), rng.random())


def _row_term(spec: TableSpec, row_id: str, draw: float) -> str:
    row = spec.row(row_id)
    terms = (row.label, *row.aliases)
    return terms[int(draw * len(terms)) % len(terms)]


def _statement(spec: TableSpec, d: _Draws, number: int) -> str:
    """One sentence stating ``number`` for the cell, in a shape real reports use."""
    row_id, column_id = d.cell
    verbs = column_words(spec, column_id)
    verb = verbs[int(d.verb * len(verbs))]
    row = _row_term(spec, row_id, d.verb)
    unit = ITEM_UNIT if spec.column(column_id).label.find(ITEM_UNIT) >= 0 else COUNT_UNIT
    subject = SUBJECTS[int(d.subject * len(SUBJECTS))]
    shapes = (f"{subject}{verb}{row}{number}{unit}",
              f"全面梳理了{subject}{verb}的{row}{number}{unit}",
              f"{row}{verb}{number}{unit}",
              f"{row}{spec.column(column_id).label}{number}{unit}")
    return shapes[int(d.shape * len(shapes))]


def _with_row(spec: TableSpec, d: _Draws, number: int, rest: Sequence[tuple[_Draws, int]]
              ) -> str:
    """A statement followed by clauses of the same row's other cells (``，废止2件``)."""
    sentence = _statement(spec, d, number)
    for other, value in rest:
        verbs = column_words(spec, other.cell[1])
        sentence += f"，{verbs[int(other.verb * len(verbs))]}{value}{COUNT_UNIT}"
    return sentence


def _distractor(spec: TableSpec, doc: Document, d: _Draws, subset: bool) -> str:
    """A number of something else beside the row's label, none of the row's true values."""
    row_id, column_id = d.cell
    row = spec.row(row_id)
    true = {doc.truth.get(f"/{spec.id}/{row_id}/{c}") for c in row.columns}
    number = _pick([n for n in _cuts(_digits(doc, spec, row_id)) if n not in true],
                   d.number, d.fallback)
    term = _row_term(spec, row_id, d.verb)
    if subset:
        verbs = column_words(spec, column_id)
        shape = SUBSETS[int(d.shape * len(SUBSETS))]
        return shape.format(row=term, n=number, verb=verbs[int(d.verb * len(verbs))])
    return OTHER_THINGS[int(d.shape * len(OTHER_THINGS))].format(row=term, n=number)


def _numbers(spec: TableSpec, doc: Document, stated: list[_Draws], contradicted: int | None
             ) -> list[int | None]:
    """The number each statement prints: the truth (``None``: a blank cell, not printed), or
    for the contradicting one a number cut from the row's printed digits."""
    numbers: list[int | None] = []
    for i, d in enumerate(stated):
        truth = doc.truth.get(f"/{spec.id}/{d.cell[0]}/{d.cell[1]}")
        if i == contradicted:
            numbers.append(_pick(_cuts(_digits(doc, spec, d.cell[0])), d.number, d.fallback))
        else:
            numbers.append(truth if isinstance(truth, int) else None)
    return numbers


def _said(spec: TableSpec, doc: Document, stated: list[_Draws], contradicted: int | None
          ) -> list[Said]:
    """The sentences of the drawn statements: agreeing ones, one contradicting; the first
    statement's row's other agreeing cells joined to it where drawn (``，废止2件``). What is
    joined depends on the draws and on which cells are blank, never on a value."""
    numbers = _numbers(spec, doc, stated, contradicted)
    joined = _joined(stated, numbers, contradicted)
    out: list[Said] = []
    for i, (d, number) in enumerate(zip(stated, numbers, strict=True)):
        if number is None or (i in joined and i != 0):
            continue
        together = joined if i == 0 and joined else [i]
        rest = [(stated[j], numbers[j] or 0) for j in together if j != i]
        sentence = _with_row(spec, d, number, rest)
        for j in together:
            pointer = f"/{spec.id}/{stated[j].cell[0]}/{stated[j].cell[1]}"
            kind = AGREE if numbers[j] == doc.truth.get(pointer) else CONTRADICT
            out.append(Said(sentence, kind, pointer, numbers[j]))
    return out


def _joined(stated: list[_Draws], numbers: list[int | None], contradicted: int | None
            ) -> list[int]:
    """The statements printed in the first one's sentence: the first, and the others of its
    row that are not the contradicting one (when the first's draw says so)."""
    if not stated or numbers[0] is None or stated[0].fallback >= 0.4 or contradicted == 0:
        return []
    row = stated[0].cell[0]
    same = [j for j in range(1, len(stated)) if stated[j].cell[0] == row
            and j != contradicted and numbers[j] is not None]
    return [0, *same] if same else []


def narrative_states(doc: Document, rng: random.Random) -> bool:
    """1–5 section 二 numbers stated in the overview or in section 二's own text: most agree
    with the table, one in five documents contradicts it, and subset and other numbers stand
    beside the labels."""
    table = next((b for b in doc.blocks if getattr(b, "spec", None) is not None
                  and b.spec.id == "proactive"), None)  # type: ignore[union-attr]
    if table is None:
        return False
    spec: TableSpec = table.spec  # type: ignore[union-attr]
    cells = statable(spec)
    stated = [_Draws.of(rng, c) for c in rng.sample(cells, min(len(cells), rng.randint(1, 5)))]
    contradicted = rng.randrange(len(stated)) if rng.random() < CONTRADICTION_RATE else None
    extra = [(_Draws.of(rng, rng.choice(cells)), rng.random() < 0.5)
             for _ in range(rng.randint(0, 2))]
    places = [rng.random() < 0.6 for _ in range(len(stated) + len(extra))]
    said = _said(spec, doc, stated, contradicted)
    said += [Said(_distractor(spec, doc, d, subset), SUBSET if subset else OTHER)
             for d, subset in extra]
    _place(doc, said, places)
    return True


def _place(doc: Document, said: list[Said], places: list[bool]) -> None:
    """The sentences in the overview's first topic (True) or in section 二's text (False)."""
    overview, own = Stated(""), Stated("")
    where: dict[str, Stated] = {}
    for s, first in zip(said, places, strict=False):
        part = where.setdefault(s.sentence, overview if first else own)
        if s.sentence + "。" not in part.text:
            part.text += s.sentence + "。"
        part.said.append(s)
    for part, at in ((own, _section_start(doc)), (overview, _topic_end(doc))):
        if part.said and at is not None:
            doc.blocks.insert(at, part)


def _section_start(doc: Document) -> int | None:
    """Right after section 二's heading."""
    return next((i + 1 for i, b in enumerate(doc.blocks)
                 if isinstance(b, Heading) and b.section == "proactive"), None)


def _topic_end(doc: Document) -> int | None:
    """After the paragraph of the overview's first topic (its first sub-heading), else after
    the overview's heading."""
    start = next((i for i, b in enumerate(doc.blocks)
                  if isinstance(b, Heading) and b.section == "overview"), None)
    if start is None:
        return _section_start(doc)
    for i in range(start + 1, len(doc.blocks)):
        block = doc.blocks[i]
        if isinstance(block, Heading) and block.level == 3:
            after = doc.blocks[i + 1] if i + 1 < len(doc.blocks) else None
            return i + 2 if isinstance(after, Paragraph) else i + 1
        if isinstance(block, Heading):
            break
    return start + 1


__all__ = ["AGREE", "CONTRADICT", "OTHER", "SUBSET", "Said", "Stated", "narrative_states"]
