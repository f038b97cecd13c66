"""R15 does not read a statement whose claims can only be its negations' (each states 0) when
every cell they could name is stated 0 (``narrative._Settled``): each claim so left out names
only cells of the negation groups whose words the statement holds from its first negation on,
and the findings are those of reading every statement."""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pytest

from gi_report import Report, claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from gi_report.form.spec import CellKind
from gi_report.synthetic import random_report
from gi_report.table import CellValue, Table
from gi_report.validation import narrative
from tests.validation.claim_texts import real_sentences, vocabulary_of

NEGATED = [s for s in real_sentences() if any(n in s for n in words.NEGATIONS)]


def _texts(vocabulary: claims.Vocabulary, rng: random.Random) -> list[str]:
    """Real sentences with a negation, and strings of the vocabulary's words and negations."""
    pool = [*vocabulary.words, "0", "3", "1,234", "，", "依", "因信息公开引发的"]
    out = list(NEGATED)
    for _ in range(8000):
        parts = [rng.choice(pool) for _ in range(rng.randint(0, 8))]
        parts += [rng.choice(words.NEGATIONS) for _ in range(rng.randint(1, 3))]
        rng.shuffle(parts)
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_a_negation_claim_names_only_cells_of_the_groups_its_statement_holds(
        version: str) -> None:
    vocabulary = vocabulary_of(version)
    negations = vocabulary.negations
    assert negations is not None
    rng = random.Random(21)
    claimed = 0
    for text in _texts(vocabulary, rng):
        if "；" in text or ";" in text or negations.plain.search(text) is not None:
            continue  # not one statement read from its negations alone
        first = negations.words.search(text)
        assert first is not None
        held = {ref for group in vocabulary.negation_groups
                if group.words.search(text, first.start()) is not None for ref in group.refs}
        for found in claims.read_found_tuples(text, vocabulary, "x"):
            claimed += 1
            assert found[1] is None, text  # a negation: it states 0
            assert any(set(alternative) <= held for alternative in found[0]), (text, found)
    assert claimed > 500


def _zero_value(kind: CellKind, value: CellValue) -> CellValue:
    """0 as a cell of ``kind`` holds it (a text cell keeps ``value``)."""
    if kind is CellKind.AMOUNT:
        return Decimal(0)
    return 0 if kind in (CellKind.COUNT, CellKind.SIGNED_COUNT) else value


def _zero(table: Table) -> Table:
    """``table`` with every number cell stated 0."""
    spec = table.spec
    return Table.of_rows(spec, tuple(
        tuple(_zero_value(spec.column(c).kind, v) for c, v in zip(r.columns, row, strict=True))
        for r, row in zip(spec.rows, table.values, strict=True)))


def _report(rng: random.Random, index: int) -> Report:
    """A generated report narrating real sentences with negations, some of its tables (and
    its fee fields) stated all 0."""
    report = random_report(rng, template="2021" if index % 3 else "2019",
                           consistent=index % 5 != 0, blank_rate=0.05 if index % 7 == 0 else 0.0)
    changes: dict[str, object] = {
        t: _zero(report.table(t)) for t in ("applications", "review_litigation", "proactive")
        if rng.random() < 0.6}
    if rng.random() < 0.6:
        changes["other_matters"] = attrs.evolve(
            report.other_matters,
            **{f.id: _zero_value(f.kind, 0) for f in report.template_spec.fee_fields})
    text = "".join(rng.choice(NEGATED) + rng.choice(("", "\n", "；"))
                   for _ in range(rng.randint(1, 6)))
    overview = attrs.evolve(report.overview, text=text)
    return attrs.evolve(report, overview=overview, **changes)  # type: ignore[arg-type]


def test_settled_statements_change_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(22)
    reports = [_report(rng, i) for i in range(600)]
    calls = {True: 0, False: 0}
    settled = narrative._Settled.__call__

    def counted(self: narrative._Settled, sentence: str, start: int, end: int) -> bool:
        answer = settled(self, sentence, start, end)
        calls[answer] += 1
        return answer

    monkeypatch.setattr(narrative._Settled, "__call__", counted)
    found = [(narrative.check(r), narrative.check(r, blank_as_zero=True)) for r in reports]
    assert calls[True] > 300 and calls[False] > 300  # both ways were taken
    monkeypatch.setattr(narrative._Settled, "__call__", lambda self, s, a, b: False)
    assert [(narrative.check(r), narrative.check(r, blank_as_zero=True))
            for r in reports] == found
    assert sum(len(a) for a, _ in found) > 100  # the reports have findings to lose
