"""The streaming batch: discovery gives what a list-and-set discovery gave, in the same order,
without remembering each file; chunks grow; rows come in discovery order; memory stays flat."""

from __future__ import annotations

import importlib
import json
import multiprocessing
import os
import random
import tracemalloc
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

import gi_report.batch.runner as runner
from gi_report.batch import read_rows, run_batch
from gi_report.batch.discover import Entry, iter_entries
from gi_report.batch.process import RESULT_FIELDS, Row
from gi_report.batch.progress import Progress
from gi_report.batch.resume import PreviousRows
from gi_report.batch.runner import CHUNKSIZE, chunk_size

# the module (the package's ``discover`` is the function of that name)
discover = importlib.import_module("gi_report.batch.discover")


def _reference(paths: Iterable[str], exclude: Iterable[str] = ()) -> list[Entry]:
    """The discovery before streaming: every entry's key (real path of a readable file, absolute
    path of any other entry) kept in a set."""
    skip = {os.path.realpath(p) for p in exclude}
    seen: set[str] = set()
    out: list[Entry] = []
    for path in paths:
        for entry in discover._named(path):
            real = os.path.realpath(entry.path) if entry.problem is None else os.path.abspath(
                entry.path)
            if real in skip or real in seen:
                continue
            seen.add(real)
            out.append(entry)
    return out


def _random_tree(root: Path, rng: random.Random) -> list[Path]:
    """Folders (some hidden) of files, links to files met earlier and later, inside and
    outside the tree, dangling links, links to folders and FIFOs; returns every folder."""
    folders = [root]
    for i in range(rng.randint(2, 5)):
        parent = rng.choice(folders)
        child = parent / (f".h{i}" if rng.random() < 0.2 else f"d{i}")
        child.mkdir()
        folders.append(child)
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    files = [outside / "o.json"]
    files[0].write_text("{}", "utf-8")
    for i in range(rng.randint(4, 12)):
        file = rng.choice(folders) / f"{rng.choice('abz')}{i}.json"
        file.write_text("{}", "utf-8")
        files.append(file)
    for i in range(rng.randint(2, 8)):
        link = rng.choice(folders) / f"{rng.choice('0m~')}link{i}.json"
        what = rng.random()
        if what < 0.7:
            link.symlink_to(rng.choice(files))
        elif what < 0.8:
            link.symlink_to(link.parent / "missing.json")
        elif what < 0.9:
            link.symlink_to(rng.choice(folders), target_is_directory=True)
        else:
            os.mkfifo(link)
    return folders


@pytest.mark.parametrize("seed", range(40))
def test_streaming_discovery_gives_what_the_set_based_one_gave(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = tmp_path / "in"
    root.mkdir()
    folders = _random_tree(root, rng)
    (tmp_path / "via").symlink_to(root, target_is_directory=True)
    files = [str(p) for p in root.rglob("*.json") if p.is_file()]
    candidates = [str(f) for f in folders] + files + [str(tmp_path / "via"),
                                                      str(root / "**" / "a*.json")]
    paths = [str(root), *rng.sample(candidates, rng.randint(0, 4))]
    rng.shuffle(paths)
    exclude = [rng.choice(files)] if files and rng.random() < 0.5 else []
    got = list(iter_entries(paths, exclude=exclude))
    assert got == _reference(paths, exclude)


def test_many_folder_paths_nested_and_repeated(tmp_path: Path) -> None:
    """A shell glob of folders (``reports/*/``) with their parent, a repeated folder and a file:
    each file once, where it is first met."""
    root = tmp_path / "in"
    for i in range(30):
        (root / f"d{i:02d}" / "sub").mkdir(parents=True)
        (root / f"d{i:02d}" / "a.json").write_text("{}", "utf-8")
        (root / f"d{i:02d}" / "sub" / "b.json").write_text("{}", "utf-8")
    (root / "d03" / "link.json").symlink_to(root / "d29" / "a.json")
    paths = [str(root / f"d{i:02d}" / "sub") for i in range(0, 30, 3)]
    paths += [str(root / "d05"), str(root), str(root / "d05"), str(root / "d07" / "a.json")]
    got = list(iter_entries(paths))
    assert got == _reference(paths)
    names = [os.path.relpath(e.path, root) for e in got]
    assert len(got) == 60  # the link is met before its target, which is then left out
    assert os.path.join("d03", "link.json") in names
    assert os.path.join("d29", "a.json") not in names


def test_a_folder_that_cannot_be_listed_does_not_hide_its_files_named_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder with execute but not read permission: the walk cannot list it, but a PATH that
    names a file in it reaches the file, which then gets its row."""
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "x.json").write_text("{}", "utf-8")
    (root / "y.json").write_text("{}", "utf-8")
    listing = discover._listing

    def refusing(directory: str) -> tuple[list[str], dict[str, os.DirEntry[str]]]:
        if directory.endswith("locked"):
            raise PermissionError(13, "Permission denied")
        found: tuple[list[str], dict[str, os.DirEntry[str]]] = listing(directory)
        return found

    monkeypatch.setattr(discover, "_listing", refusing)
    got = list(iter_entries([str(root), str(root / "locked" / "x.json"), str(root / "y.json")]))
    assert [os.path.relpath(e.path, root) for e in got] == ["locked", "y.json",
                                                           os.path.join("locked", "x.json")]
    assert got[0].problem is not None and "cannot list the directory" in got[0].problem


def test_chunks_grow_from_one_to_the_limit() -> None:
    sizes = [chunk_size(handed, 2) for handed in range(0, 5000, 16)]
    assert sizes[0] == 1 and sizes[-1] == CHUNKSIZE
    assert sizes == sorted(sizes)
    tasks = [(f"f{i}", None, None) for i in range(3000)]
    chunks = list(runner._chunks(iter(tasks), 2))
    assert [t for chunk in chunks for t in chunk] == tasks
    assert max(len(c) for c in chunks) == CHUNKSIZE and len(chunks[0]) == 1


def _stub(task: tuple[str, str | None], time_limit: float | None = None) -> Row:
    """A worker that does no work: a row per file, without reading it."""
    return {**dict.fromkeys(RESULT_FIELDS), "path": task[0], "status": "error", "message": "x"}


def test_rows_come_in_discovery_order_with_two_processes(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for i in range(300):
        folder = root / f"d{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"r{i:03d}.json").write_text("[]" if i % 3 else "{", "utf-8")
    os.mkfifo(root / "d3" / "pipe.json")
    out = tmp_path / "r.jsonl"
    summary = run_batch([str(root), str(tmp_path / "none*")], out, jobs=2)
    order = [e.name for e in iter_entries([str(root)])] + [str(tmp_path / "none*")]
    assert [r["path"] for r in read_rows(out)] == order
    assert summary.files == 302 and summary.statuses["not_a_report"] == 200
    assert multiprocessing.active_children() == []


def test_ctrl_c_with_chunks_in_flight_keeps_the_rows_done_and_stops_the_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    for i in range(400):
        (root / f"r{i:03d}.json").write_text("[]", "utf-8")
    update = Progress.update

    def interrupting(self: Progress, status: str) -> None:
        update(self, status)
        if self.done == 150:
            raise KeyboardInterrupt

    monkeypatch.setattr(Progress, "update", interrupting)
    out = tmp_path / "r.jsonl"
    summary = run_batch([str(root)], out, jobs=2)
    assert summary.interrupted and summary.files == 150
    assert [Path(str(r["path"])).name for r in read_rows(out)] == [
        f"r{i:03d}.json" for i in range(150)]
    assert multiprocessing.active_children() == []
    monkeypatch.setattr(Progress, "update", update)
    done = run_batch([str(root)], out, jobs=2, resume=True)
    paths = [r["path"] for r in read_rows(out)]
    assert done.reused == 150 and len(paths) == len(set(paths)) == 400


def _simulated(count: int) -> Callable[[str], Iterator[Entry]]:
    def walk(directory: str) -> Iterator[Entry]:
        for i in range(count):
            yield Entry(os.path.join(directory, f"d{i // 1000:04d}", f"r{i:07d}.json"))
    return walk


def _peak_of_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int,
                 resume: bool) -> int:
    """Traced peak memory (bytes) of a one-process batch over ``count`` simulated files."""
    monkeypatch.setattr(discover, "_walk", _simulated(count))
    monkeypatch.setattr(runner, "process_task", _stub)
    root = tmp_path / f"n{count}"
    root.mkdir()
    out = root / "out.csv"
    if resume:  # a previous output with a row for every file
        run_batch([str(root)], out, jobs=1)
    tracemalloc.start()
    try:
        summary = run_batch([str(root)], out, jobs=1, resume=resume)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary.files == count
    return peak


@pytest.mark.parametrize("resume", [False, True])
def test_parent_memory_does_not_grow_with_the_number_of_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, resume: bool) -> None:
    """Ten times the files, the same peak: a list or a set of the files (about 350 bytes a file
    before streaming) would add several megabytes between the two runs."""
    small = _peak_of_run(tmp_path, monkeypatch, 3_000, resume)
    large = _peak_of_run(tmp_path, monkeypatch, 30_000, resume)
    assert large - small < 500_000, (small, large)


def test_previous_rows_later_wins_in_place_and_rest_in_order() -> None:
    previous = PreviousRows()
    assert previous.sha256("a") is None and list(previous.rest()) == []  # nothing opened
    previous.add([{"path": "a", "sha256": "1", "status": "ok"},
                  {"path": "b", "sha256": None, "status": "error"},
                  {"path": "c", "sha256": "3", "status": "ok"}])
    previous.add([{"path": "a", "sha256": "9", "status": "error"}])  # a killed run's, newer
    assert previous.sha256("a") == "9" and previous.sha256("b") is None
    assert previous.take("c") == {"path": "c", "sha256": "3", "status": "ok"}
    assert previous.take("c") == {"path": "c", "sha256": "3", "status": "ok"}  # still readable
    previous.drop("b")
    previous.drop("zzz")
    assert list(previous.rest()) == [{"path": "a", "sha256": "9", "status": "error"}]
    previous.close()
    assert previous.take("a") is None


def test_resume_reuses_rows_by_shown_name_for_a_non_utf8_file_name(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    name = os.fsencode(root) + b"/" + "中文".encode("gbk") + b".json"
    with open(name, "wb") as handle:
        handle.write(b"[]")
    out = tmp_path / "r.jsonl"
    run_batch([str(root)], out, jobs=1)
    summary = run_batch([str(root)], out, jobs=2, resume=True)
    rows = list(read_rows(out))
    assert summary.reused == 1 and len(rows) == 1
    assert json.dumps(rows[0]["path"]).endswith('\\\\xd6\\\\xd0\\\\xce\\\\xc4.json"')


def _discovery_peak(root: Path, folders: int) -> int:
    """Traced peak memory (bytes) of discovering ``folders`` folders of 500 empty files each."""
    for i in range(folders):
        folder = root / f"d{i:02d}"
        folder.mkdir(parents=True)
        for j in range(500):
            (folder / f"r{j:03d}.json").touch()
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_entries([str(root)]))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 500 * folders
    return peak


def test_discovering_real_folders_holds_one_folder_at_a_time(tmp_path: Path) -> None:
    """Ten folders cost what one does: a set of the 5,000 real paths would add about 750 KB."""
    one = _discovery_peak(tmp_path / "one", 1)
    ten = _discovery_peak(tmp_path / "ten", 10)
    assert ten - one < 100_000, (one, ten)
