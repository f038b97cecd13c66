"""What the batch output needs of the one atomic writer: a streaming handle, the temporary
file's name, and a lock held while it is open (gi_report.fileio.AtomicFile, is_locked)."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from gi_report import run_batch
from gi_report.batch.output import ResultWriter, orphans, read_partial, read_rows
from gi_report.errors import OutputPathError
from gi_report.fileio import AtomicFile, is_locked

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
REPORT = CORPUS / "2022-beijing-xicheng-cgzx.txt"


def test_the_temporary_file_is_hidden_beside_the_target(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    with AtomicFile(out) as atomic:
        assert atomic.temp.parent == tmp_path
        assert atomic.temp.name.startswith(".r.jsonl.") and atomic.temp.name.endswith(".tmp")
        assert atomic.temp.exists() and not out.exists()
    assert not atomic.temp.exists() and out.exists()


def test_a_locked_writer_holds_its_temporary_file_until_it_ends(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    atomic = AtomicFile(out, lock=True)
    assert is_locked(atomic.temp)
    atomic.write(b"{}\n")
    atomic.commit()
    assert out.read_bytes() == b"{}\n" and not is_locked(out)
    dropped = AtomicFile(out, lock=True)
    temp = dropped.temp
    dropped.discard()
    assert not temp.exists() and out.read_bytes() == b"{}\n"


def test_an_unlocked_writer_and_a_killed_runs_file_are_not_held(tmp_path: Path) -> None:
    plain = AtomicFile(tmp_path / "a.json")
    try:
        assert not is_locked(plain.temp)
    finally:
        plain.discard()
    killed = tmp_path / ".r.jsonl.killed.tmp"
    killed.write_bytes(b"")
    assert not is_locked(killed)


def test_a_file_that_cannot_be_opened_counts_as_held(tmp_path: Path) -> None:
    """Never taken for a killed run's file (and removed): a missing file, a symbolic link."""
    assert is_locked(tmp_path / "gone.tmp")
    target = tmp_path / "elsewhere"
    target.write_bytes(b"")
    link = tmp_path / ".r.jsonl.link.tmp"
    link.symlink_to(target)
    assert is_locked(link)


def test_a_lock_on_a_missing_directory_names_the_path(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "r.jsonl"
    with pytest.raises(OutputPathError, match="does not exist"):
        AtomicFile(target, lock=True)


def test_text_streamed_through_the_handle_lands_whole(tmp_path: Path) -> None:
    """A text layer over :attr:`AtomicFile.handle`, detached before the commit, as the batch
    output does: every flushed line is in the temporary file at once, then in the target."""
    out = tmp_path / "r.csv"
    atomic = AtomicFile(out, lock=True)
    text = io.TextIOWrapper(atomic.handle, encoding="utf-8", newline="")
    text.write("路径,状态\n")
    text.flush()
    assert atomic.temp.read_bytes() == "路径,状态\n".encode()
    text.write("a.html,ok\n")
    text.flush()
    text.detach()
    atomic.commit()
    assert out.read_text("utf-8") == "路径,状态\na.html,ok\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_a_replaced_batch_output_keeps_its_mode(tmp_path: Path) -> None:
    """One writer, one rule: the batch output, like every output, keeps a replaced file's mode."""
    out = tmp_path / "r.jsonl"
    out.write_bytes(b"")
    os.chmod(out, 0o640)
    run_batch([str(REPORT)], out=str(out), jobs=1)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert [row["path"] for row in read_rows(out)] == [str(REPORT)]


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_live_batch_writer_is_never_an_orphan(tmp_path: Path, suffix: str) -> None:
    """Parquet included: pyarrow writes through the locked handle (it used to close it)."""
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    previous = tmp_path / "first.jsonl"
    run_batch([str(REPORT)], out=str(previous), jobs=1)
    (row,) = read_rows(previous)
    out = tmp_path / f"r{suffix}"
    writer = ResultWriter(out)
    try:
        writer.write(row)
        assert orphans(out) == [] and is_locked(writer.temp)
        if suffix != ".parquet":  # streamed: a kill now leaves the row for --resume
            (partial,) = read_partial(writer.temp, suffix.lstrip("."))
            assert (partial["path"], partial["status"]) == (row["path"], row["status"])
        writer.commit()
    except BaseException:
        writer.discard()
        raise
    assert list(read_rows(out)) == [row]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["first.jsonl", out.name])


def test_a_killed_runs_rows_are_read_line_by_line_under_the_line_limit(tmp_path: Path) -> None:
    """read_partial never reads the file whole: an over-long line is skipped (no result row is
    that long), the cut last line is left out, and the rows around them are kept."""
    from gi_report.batch.output import MAX_LINE

    previous = tmp_path / "first.jsonl"
    run_batch([str(REPORT)], out=str(previous), jobs=1)
    (row,) = read_rows(previous)
    line = previous.read_bytes()
    partial = tmp_path / ".r.jsonl.killed.tmp"
    partial.write_bytes(line + b'{"path": "' + b"x" * (MAX_LINE + 10) + b'"}\n' + line
                        + line[: len(line) // 2])
    assert [r["path"] for r in read_partial(partial, "jsonl")] == [row["path"]] * 2
    csv_out = tmp_path / "first.csv"
    run_batch([str(REPORT)], out=str(csv_out), jobs=1)
    text = csv_out.read_bytes()
    header, first = text.split(b"\n", 1)
    cut = tmp_path / ".r.csv.killed.tmp"
    cut.write_bytes(header + b"\n" + first + b"x" * (MAX_LINE + 5) + b"\r\n" + first
                    + first[:10])
    rows = read_partial(cut, "csv")
    assert [(r["path"], r["status"]) for r in rows] == [(row["path"], row["status"])] * 2
