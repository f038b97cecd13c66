"""The importers' fast paths give exactly what the plain algorithms they replace give.

The digit solver memoises the splits of runs of the same shape within a table and checks, in its
joint search, only the relations that can break at each depth; the text reader folds with a
table of the characters seen and finds labels with one pattern. Each is compared here with the
plain way (the memo off, every relation checked, one character at a time, a scan from every
position), on the real crawl dumps and on generated damaged ones, for every step budget from one
that fails at the first step to one that never fails: the same values, notices and failures.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.fidelity_harness import Case, build_case
from gi_report import read_document
from gi_report.importers import digits, grid, text
from gi_report.importers.blocks import Location, TableBlock
from gi_report.importers.digits import Cell
from gi_report.synthetic import random_report
from tests.conftest import needs_source

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
CRAWLS = ("2021-pingtan.txt", "2019-pingtan.txt")
TABLES = ("proactive", "applications", "review_litigation")
BUDGETS = (1, 2, 5, 9, 15, 16, 17, 40, 100, 300, 700, 2_000, 300_000)
"""Per-table step budgets: failing at the first step, inside a run, between runs, never."""


def _documents() -> list[bytes]:
    generated = [build_case(Case(seed, damages, "one_line"))[1]
                 for seed, damages in ((7, ()), (11, ("two_numbers",)), (23, ("label_typo",)),
                                       (31, ("cell_missing",)), (47, ("detached_labels",)),
                                       (53, ("unit_words", "column_order")))]
    return [(CORPUS / name).read_bytes() for name in CRAWLS] + [
        d.encode() if isinstance(d, str) else d for d in generated]


@pytest.fixture(autouse=True)
def _patched_source(request: pytest.FixtureRequest) -> None:
    """A test here that patches the solver or the text reader (the fast path off) needs them as
    Python source: the compiled build binds those names when it is built."""
    if "monkeypatch" in request.fixturenames:
        needs_source(digits)
        needs_source(text)


@pytest.fixture(scope="module")
def solver_calls() -> list[tuple[Any, ...]]:
    """Every call of the digit solver while the documents are imported (the table's stated
    cells copied as they were passed)."""
    needs_source(grid)
    calls: list[tuple[Any, ...]] = []
    solve = digits.solve  # what grid calls

    def recorded(spec: Any, constants: Any, runs: Any, describe: Any = None, *,
                 unprinted_counts: bool = False) -> Any:
        calls.append((spec, dict(constants), list(runs), unprinted_counts))
        return solve(spec, constants, runs, describe, unprinted_counts=unprinted_counts)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(grid, "solve", recorded)
        for document in _documents():
            read_document(document, kind="text", warn=False)
    assert any(len(runs) > 10 for _, _, runs, _ in calls)  # section 三's rows, many alike
    return calls


def _outcome(calls: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """What the solver decides for each call, and the steps left of the table's budget."""
    out = []
    for spec, constants, runs, *unprinted in calls:  # (generated calls: no flag)
        solver = digits._Solver(spec, dict(constants), runs, digits._plain, *unprinted)
        solution = solver.solve()
        out.append((solution.values, [(n.code, n.message, n.cells, n.candidates, n.found)
                                      for n in solution.notices], solver.budget.left))
    return out


@pytest.mark.parametrize("budget", BUDGETS)
def test_memoised_runs_split_and_fail_as_searched_ones(
        solver_calls: list[tuple[Any, ...]], budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digits, "MAX_TABLE_NODES", budget)
    fast = _outcome(solver_calls)
    monkeypatch.setattr(digits._Solver, "shape", lambda *_: None)  # every run searched
    assert fast == _outcome(solver_calls)


def _plain_cutter(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every relation summed afresh at each piece, every piece matched by its pattern, the
    first cell's too (each tried, not only the one from the segment's start)."""
    monkeypatch.setattr(digits, "_whole", lambda *_: False)
    monkeypatch.setattr(digits._Cutter, "digit_pieces", digits._Cutter.pieces)
    monkeypatch.setattr(digits._Cutter, "first_cell",
                        lambda cutter, seg, end, lowest: cutter.pieces(0, seg, end, lowest))


@pytest.mark.parametrize("budget", BUDGETS)
def test_kept_sums_and_refused_pieces_split_and_fail_as_trying_each(
        solver_calls: list[tuple[Any, ...]], budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digits, "MAX_TABLE_NODES", budget)
    fast = _outcome(solver_calls)
    _plain_cutter(monkeypatch)
    assert fast == _outcome(solver_calls)


@pytest.mark.parametrize("budget", BUDGETS)
def test_the_joint_search_finds_what_checking_every_relation_finds(
        solver_calls: list[tuple[Any, ...]], budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digits, "MAX_TABLE_NODES", budget)
    fast = _outcome(solver_calls)
    monkeypatch.setattr(digits._Solver, "apart", lambda *_: False)  # every relation checked
    assert fast == _outcome(solver_calls)


def _generated_calls(seed: int) -> list[tuple[Any, ...]]:
    """Section 三 and 四 tables of a random report (consistent or not, small counts: many
    splits), each row a run of its digits run together or stated plainly, some runs with a
    space or two where a cell ends (whitespace a cell may straddle)."""
    rng = random.Random(seed)
    report = random_report(rng, template=rng.choice(("2019", "2021")),
                           consistent=rng.random() < 0.7, scale=rng.choice((2, 9, 40)))
    calls = []
    for table_id in ("applications", "review_litigation"):
        table = report.table(table_id)
        spec = table.spec
        constants: dict[Cell, Any] = {}
        runs = []
        for row in spec.rows:
            cells = [(row.id, c) for c in row.columns if spec.column(c).kind.name != "TEXT"]
            values = [str(table.cell(*cell)) for cell in cells]
            if rng.random() < 0.2:
                constants.update((cell, table.cell(*cell)) for cell in cells)
                continue
            cuts = sorted(rng.sample(range(1, len(values)), rng.choice((0, 0, 1, 2))))
            bounds = [0, *cuts, len(values)]
            segments = tuple("".join(values[a:b]) for a, b in itertools.pairwise(bounds))
            runs.append(digits.Run(
                cells=tuple(cells), kinds=tuple(spec.column(c).kind for _, c in cells),
                segments=segments, text=" ".join(segments), location=Location(),
                soft=(True,) * len(cuts)))
        calls.append((spec, constants, runs))
    return calls


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("budget", (40, 400, 300_000))
def test_generated_tables_split_alike_with_and_without_the_fast_paths(
        seed: int, budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _generated_calls(seed)
    monkeypatch.setattr(digits, "MAX_TABLE_NODES", budget)
    fast = _outcome(calls)
    monkeypatch.setattr(digits._Solver, "shape", lambda *_: None)
    assert fast == _outcome(calls)
    monkeypatch.setattr(digits._Solver, "apart", lambda *_: False)
    assert fast == _outcome(calls)
    _plain_cutter(monkeypatch)
    assert fast == _outcome(calls)


@pytest.mark.parametrize("seed", range(12))
def test_a_relation_left_unchecked_cannot_break_yet(seed: int) -> None:
    """Each relation the joint search skips for a run has, on each side, a cell that only a
    run chosen later gives: it holds whatever the values chosen so far."""
    rng = random.Random(seed)
    for spec, constants, runs in _generated_calls(seed):
        solver = digits._Solver(spec, dict(constants), runs, digits._plain)
        for group in solver.groups():
            order = rng.sample(range(len(group)), len(group))
            checked, touching = solver.checks(group, order), solver.touching(group)
            depth = {at: d for d, r in enumerate(order) for at in solver.at[group[r]]}
            for d, r in enumerate(order):
                assert all(any(rel is t for t in touching[r]) for rel in checked[r])
                for rel in touching[r]:
                    if any(rel is c for c in checked[r]):
                        continue
                    later = [solver.base[at] is None and depth.get(at, len(order)) > d
                             for at in rel.left_at], [
                        solver.base[at] is None and depth.get(at, len(order)) > d
                        for at in rel.right_at]
                    assert any(later[0]) and any(later[1]), rel.rule


def _each_run_split(calls: list[tuple[Any, ...]], budget: int) -> list[tuple[Any, ...]]:
    """Each run split alone against the relations it meets with the stated cells, whitespace a
    cut or straddled: the splits (or the failure) and the steps left."""
    out: list[tuple[Any, ...]] = []
    for spec, constants, runs, *unprinted in calls:  # (generated calls: no flag)
        solver = digits._Solver(spec, dict(constants), runs, digits._plain, *unprinted)
        for i, run in enumerate(solver.runs):
            for straddle in (False, True):
                steps = digits._Budget(budget)
                try:
                    found: Any = digits._splits(run, solver.local(i, constants=True),
                                                solver.base, solver.at[i], steps,
                                                straddle=straddle)
                except digits._TooComplex:
                    found = "too complex"
                out.append((found, steps.left))
    return out


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("budget", (3, 30, 300, 300_000))
def test_each_run_splits_alike_with_kept_sums_and_refused_pieces(
        seed: int, budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _generated_calls(seed)
    monkeypatch.setattr(digits, "_SUMMED_FROM", -1)  # sums kept for every run, short or long
    fast = _each_run_split(calls, budget)
    _plain_cutter(monkeypatch)
    assert fast == _each_run_split(calls, budget)


def test_a_too_complex_table_fails_on_the_same_runs_with_the_memo() -> None:
    """A budget reached in the middle of section 三: the runs before it are split, the rest
    too complex — the same with memoised runs as with every run searched."""
    needs_source(digits)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(digits, "MAX_TABLE_NODES", 60)
        crawl = (CORPUS / "2021-pingtan.txt").read_bytes()
        fast = read_document(crawl, kind="text", warn=False)
        patch.setattr(digits._Solver, "shape", lambda *_: None)
        plain = read_document(crawl, kind="text", warn=False)
    codes = [n.code for n in fast.notices]
    assert "split.too_complex" in codes and "split.unique" in codes
    assert fast.report == plain.report and fast.notices == plain.notices


# --- text ----------------------------------------------------------------------------------------


def _corpus_texts() -> Iterator[str]:
    for path in sorted(CORPUS.rglob("*")):
        if path.suffix in (".txt", ".md", ".html"):
            yield path.read_text(encoding="utf-8", errors="replace")


_ODD = "\u3000\u00a0\u2002\u200b\t\n ０１２ａＡ㈠½ﬁ“”‘’，,、。（）()①⑴⒈´"


@given(st.text(alphabet=st.sampled_from(_ODD) | st.characters(), max_size=80))
def test_folding_with_the_table_is_folding_one_character_at_a_time(sample: str) -> None:
    assert text._folded_with_index(sample) == text._folded_one_by_one(sample)


def test_corpus_texts_fold_as_one_character_at_a_time() -> None:
    for document in _corpus_texts():
        assert text._folded_with_index(document) == text._folded_one_by_one(document)


def test_a_text_of_too_many_new_characters_is_folded_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text, "MAX_FOLDED", 0)
    sample = "".join(chr(0x4E00 + i) for i in range(300)) + " ０ ㈠"
    assert text._folded_with_index(sample) == text._folded_one_by_one(sample)


def _scanned(piece: str, table_id: str) -> list[tuple[str, str, int, int]]:
    """Labels found by trying every position, longest label first (the plain scan)."""
    folded, index = text._folded_one_by_one(piece)
    labels = text._labels(table_id)
    out = []
    pos = last_end = 0
    while pos < len(folded):
        found = next((lab for lab in labels.get(folded[pos], ())
                      if folded.startswith(lab.text, pos)), None)
        if found is None:
            pos += 1
            continue
        start, end = index[pos], index[pos + len(found.text) - 1] + 1
        if start > last_end:
            out.append(("text", piece[last_end:start], last_end, start))
        out.append((found.kind, piece[start:end], start, end))
        last_end = end
        pos += len(found.text)
    if last_end < len(piece):
        out.append(("text", piece[last_end:], last_end, len(piece)))
    return out


@pytest.mark.parametrize("table_id", TABLES)
def test_labels_found_by_one_pattern_are_those_a_scan_finds(table_id: str) -> None:
    for document in _corpus_texts():
        assert list(text._tokens(document, table_id)) == _scanned(document, table_id)


_LABEL_TEXTS = sorted({lab.text for table_id in TABLES
                       for labels in text._labels(table_id).values() for lab in labels})


@given(st.lists(st.sampled_from(_LABEL_TEXTS) | st.text(alphabet="0123 （）、.一二", max_size=3)
                | st.sampled_from(_LABEL_TEXTS).map(lambda t: t[:-1]), max_size=12),
       st.sampled_from(TABLES))
def test_labels_run_together_are_cut_as_a_scan_cuts_them(parts: list[str], table_id: str
                                                          ) -> None:
    sample = "".join(parts)
    assert list(text._tokens(sample, table_id)) == _scanned(sample, table_id)


# --- per-call caches of the solver and the crawl reader ------------------------------------------


@pytest.mark.parametrize("budget", BUDGETS)
def test_the_checks_worked_out_once_per_group_and_order_are_those_worked_out_each_time(
        solver_calls: list[tuple[Any, ...]], budget: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digits, "MAX_TABLE_NODES", budget)
    fast = _outcome(solver_calls)
    monkeypatch.setattr(digits._Solver, "checks", digits._Solver.check_lists)
    assert fast == _outcome(solver_calls)


def _cut(solver: Any, i: int, straddle: bool, inside: bool, budget: int) -> tuple[Any, ...]:
    """Run ``i`` cut alone, whitespace read as given: its splits (or the failure), the steps."""
    cutter = digits._Cutter(solver.runs[i], solver.local(i, constants=True), solver.base,
                            solver.at[i], digits._Budget(budget), straddle=straddle,
                            inside=inside)
    try:
        found: Any = cutter.splits()
    except digits._TooComplex:
        found = "too complex"
    return found, cutter.used


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("budget", (5, 40, 300_000))
def test_runs_memoised_under_one_whitespace_mode_split_alike_in_each(
        seed: int, budget: int, solver_calls: list[tuple[Any, ...]]) -> None:
    """The memo's key reads the whitespace mode only as far as it changes a run's splits
    (``_mode``): every mode given the same key cuts the run alike, in as many steps."""
    calls = [*_generated_calls(seed), *(solver_calls if seed == 0 else [])]
    long_runs = 0
    for spec, constants, runs, *unprinted in calls:  # (generated calls: no flag)
        solver = digits._Solver(spec, dict(constants), runs, digits._plain, *unprinted)
        for i, run in enumerate(solver.runs):
            if run.lacking:
                continue
            by_mode: dict[tuple[bool, bool], set[str]] = {}
            for straddle, inside in itertools.product((False, True), repeat=2):
                found = _cut(solver, i, straddle, inside, budget)
                by_mode.setdefault(digits._mode(run, straddle, inside), set()).add(repr(found))
            assert all(len(outcomes) == 1 for outcomes in by_mode.values()), run.segments
            long_runs += (False, True) in by_mode
    assert seed or long_runs  # some runs are long enough for the mode to keep ``inside``


def test_crawl_cell_locations_are_the_ones_the_class_builds(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """A crawl table's cells get their locations from the slots' setters: the same objects as
    ``Location(...)`` with the line's location, table, row, column and offset."""
    loc = Location(file="a.txt", line=3)
    built = text._evolver(loc, table=2)(row=4, column=5, offset=6)
    assert built == attrs.evolve(loc, table=2, row=4, column=5, offset=6)
    assert type(built) is Location and hash(built) == hash(Location(
        file="a.txt", line=3, table=2, row=4, column=5, offset=6))
    documents = [(CORPUS / name).read_text(encoding="utf-8") for name in CRAWLS]
    fast = [text.parse_text(document, source="a.txt") for document in documents]

    def plain(loc: Location, **changes: int) -> Any:
        return functools.partial(attrs.evolve, loc, **changes)

    monkeypatch.setattr(text, "_evolver", plain)
    assert fast == [text.parse_text(document, source="a.txt") for document in documents]
    assert any(cell is not None and cell.location.offset
               for block in fast[0].blocks if isinstance(block, TableBlock)
               for row in block.rows for cell in row)
