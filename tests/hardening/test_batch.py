"""A batch that loses nothing: one row per entry, kept outputs, resumable killed runs."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gi_report.batch import read_rows, run_batch
from gi_report.batch.output import ResultWriter, orphans
from gi_report.batch.runner import chunk_size
from gi_report.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
HTML = CORPUS / "2023-shuyang-drc.html"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def hostile(tmp_path: Path) -> Iterator[Path]:
    """A folder with every kind of entry a batch once lost: a GBK file name, a dangling link, a
    FIFO, a socket, a link to a directory, and one good report."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "good.html").write_bytes(HTML.read_bytes())
    gbk = os.fsencode(root) + b"/" + "中文".encode("gbk") + b".html"
    with open(gbk, "wb") as handle:
        handle.write(HTML.read_bytes())
    (root / "dangling.html").symlink_to(root / "nowhere.html")
    os.mkfifo(root / "pipe.txt")
    (root / "to-sub").symlink_to(root / "sub")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(root / "sock"))
    try:
        yield root
    finally:
        server.close()


def test_every_entry_gets_one_row_with_its_reason(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    summary = run_batch([str(hostile), str(tmp_path / "missing.html")], out, jobs=1)
    rows = {Path(str(r["path"])).name: r for r in read_rows(out)}
    escaped = "\\xd6\\xd0\\xce\\xc4.html"  # 中文 in GBK: not UTF-8, shown escaped
    assert set(rows) == {"good.html", escaped, "dangling.html", "pipe.txt", "to-sub", "sock",
                         "missing.html"}
    assert summary.files == len(rows) == 7
    assert rows["good.html"]["status"] == rows[escaped]["status"] == "ok"
    assert rows[escaped]["sha256"] == rows["good.html"]["sha256"]
    reasons = {name: str(rows[name]["message"]) for name in rows}
    assert "dangling symbolic link" in reasons["dangling.html"]
    assert "FIFO" in reasons["pipe.txt"]
    assert "socket" in reasons["sock"]
    assert "link to a directory" in reasons["to-sub"]
    assert "no such file" in reasons["missing.html"]
    assert out.read_bytes().decode("utf-8")  # the whole output is valid UTF-8


def test_a_mistyped_path_leaves_the_previous_output_as_it_was(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "keep.jsonl"
    out.write_text('{"path": "a", "status": "ok"}\n', "utf-8")
    before = out.read_bytes()
    assert main(["batch", str(tmp_path / "batchn" / "*"), "--out", str(out)]) == 2
    assert out.read_bytes() == before
    assert "left as it was" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.json").write_text("[]", "utf-8")
    old = os.umask(umask)
    try:
        run_batch([str(tmp_path / "in")], tmp_path / "r.jsonl", jobs=1)
    finally:
        os.umask(old)
    assert (tmp_path / "r.jsonl").stat().st_mode & 0o777 == mode


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
@pytest.mark.parametrize("resume", [False, True])
def test_a_replaced_output_keeps_its_mode(tmp_path: Path, suffix: str, resume: bool) -> None:
    """The batch output follows the rule of every file gi-report writes (AtomicFile): a new file
    gets the umask's mode, a replaced one keeps its own, also through a killed run's temporary
    file and --resume."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.json").write_text("[]", "utf-8")
    out = tmp_path / f"r{suffix}"
    old = os.umask(0o022)
    try:
        run_batch([str(tmp_path / "in")], out, jobs=1)
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)
        live = ResultWriter(out)  # the temporary file of a run, before it is killed
        assert live.temp.stat().st_mode & 0o777 == 0o640
        live.discard()
        run_batch([str(tmp_path / "in")], out, jobs=1, resume=resume)
        assert out.stat().st_mode & 0o777 == 0o640
        out.chmod(0o600)
        run_batch([str(tmp_path / "in")], out, jobs=2, resume=resume)
        assert out.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_resume_continues_from_a_killed_runs_temporary_file(tmp_path: Path) -> None:
    """A killed run's rows are reused by --resume, then its temporary file is removed; the
    temporary file of a live run (locked) is left alone."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"r{i}.html").write_bytes(HTML.read_bytes())
    out = tmp_path / "r.jsonl"
    run_batch([str(folder)], out, jobs=1)
    rows = list(read_rows(out))
    out.unlink()
    killed = tmp_path / ".r.jsonl.killed.tmp"
    lines = [json.dumps(r, ensure_ascii=False) for r in rows[:2]]
    killed.write_text("\n".join(lines) + "\n" + lines[0][:40], "utf-8")  # a cut last line
    live = ResultWriter(out)  # holds its lock, as a running batch does
    try:
        assert orphans(out) == [killed]
        summary = run_batch([str(folder)], out, jobs=1, resume=True)
        assert summary.reused == 2
        assert sorted(r["path"] for r in read_rows(out)) == sorted(r["path"] for r in rows)
        assert not killed.exists()
        assert live._tmp.exists()
    finally:
        live.discard()


def _start_batch(folder: Path, out: Path, jobs: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    return subprocess.Popen(
        [sys.executable, "-m", "gi_report", "batch", str(folder), "--out", str(out),
         "--jobs", str(jobs), "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)


def _rows_written(out: Path) -> int:
    return sum(p.read_bytes().count(b"\n") for p in out.parent.glob(f".{out.name}.*.tmp"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_kill_9_mid_run_then_resume_yields_every_row_exactly_once(
        tmp_path: Path, jobs: int) -> None:
    """Killed with chunks of several files in flight (with 2 processes: the chunks have grown
    past one file when the kill comes), then resumed: every file has one row."""
    folder = tmp_path / "in"
    folder.mkdir()
    count = 160
    for i in range(count):
        (folder / f"r{i:03}.html").write_bytes(HTML.read_bytes())
    out = tmp_path / "r.jsonl"
    # rows written before the kill: enough that the chunks handed out have grown past one file
    wait = next(n for n in range(count) if chunk_size(n, jobs) > 1) + 8 if jobs > 1 else 4
    process = _start_batch(folder, out, jobs)
    deadline = time.monotonic() + 120
    while _rows_written(out) < wait and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    _, err = process.communicate(timeout=60)  # returns once the workers let go of stderr
    assert b"Traceback" not in err, err.decode("utf-8", "replace")
    assert not out.exists()
    written = _rows_written(out)
    assert wait <= written < count
    if jobs > 1:
        assert chunk_size(written, jobs) > 1  # killed while chunks of several files were out
    summary = run_batch([str(folder)], out, jobs=jobs, resume=True)
    paths = [r["path"] for r in read_rows(out)]
    assert len(paths) == len(set(paths)) == count
    assert summary.reused >= wait, "the killed run's rows were used"
    assert not list(tmp_path.glob(".r.jsonl.*.tmp"))


def test_a_locked_temporary_file_is_not_an_orphan(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    busy = tmp_path / ".r.jsonl.busy.tmp"
    busy.write_text("", "utf-8")
    with open(busy, "rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        assert orphans(out) == []
    assert orphans(out) == [busy]
