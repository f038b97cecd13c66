"""The one atomic writer (gi_report.fileio.AtomicFile, write_atomic) and its users."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gi_report import GIReportError, dump, run_batch
from gi_report.batch.output import ResultWriter
from gi_report.errors import OutputPathError
from gi_report.fileio import AtomicFile, write_atomic
from tests.corpus import corpus_report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture
def umask() -> Iterator[Callable[[int], int]]:
    """Set the process umask inside a test; the previous one is restored afterwards."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_its_mode_from_the_umask(
    tmp_path: Path, umask: Callable[[int], int], mask: int, expected: int
) -> None:
    umask(mask)
    write_atomic(tmp_path / "a.json", b"{}")
    dump(corpus_report("2022-beijing-xicheng-cgzx"), tmp_path / "r.json")
    assert _mode(tmp_path / "a.json") == expected
    assert _mode(tmp_path / "r.json") == expected


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o640


def test_a_failure_leaves_no_partial_file(tmp_path: Path) -> None:
    new, old = tmp_path / "new.json", tmp_path / "old.json"
    old.write_bytes(b"old")
    for target in (new, old):
        with pytest.raises(RuntimeError), AtomicFile(target) as out:
            out.write(b"half of it")
            raise RuntimeError("interrupted")
    assert not new.exists() and old.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_a_failed_fsync_leaves_the_old_file(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")

    def broken(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_file_and_directory_are_synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real = os.fsync

    def record(fd: int) -> None:
        synced.append("directory" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", record)
    write_atomic(tmp_path / "a.json", b"{}")
    assert synced == ["file", "directory"]


def test_a_missing_directory_is_a_typed_error_naming_the_path(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "a.json"
    with pytest.raises(OutputPathError) as caught:
        write_atomic(target, b"{}")
    error = caught.value
    assert isinstance(error, GIReportError) and isinstance(error, OSError)
    assert error.path == str(target) and str(target) in str(error)
    assert "does not exist" in str(error)
    (tmp_path / "plain.txt").write_bytes(b"x")
    with pytest.raises(OutputPathError, match="is not a directory"):
        write_atomic(tmp_path / "plain.txt" / "a.json", b"{}")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_batch_outputs_use_the_same_writer(
    tmp_path: Path, umask: Callable[[int], int], suffix: str
) -> None:
    """Batch outputs were created 0600 by their own writer; now the umask decides."""
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    umask(0o022)
    out = tmp_path / f"results{suffix}"
    summary = run_batch([str(CORPUS / "2022-beijing-xicheng-cgzx.txt")], out=str(out), jobs=1)
    assert summary.files == 1 and out.exists()
    assert _mode(out) == 0o644 and _leftovers(tmp_path) == []


def test_a_discarded_batch_output_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "results.csv"
    writer = ResultWriter(out)
    writer.write({"path": "a.html", "status": "ok"})
    writer.discard()
    assert not out.exists() and _leftovers(tmp_path) == []
    with pytest.raises(OutputPathError):
        ResultWriter(tmp_path / "missing" / "results.csv")


def test_the_cli_names_a_missing_output_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from gi_report.cli import main

    target = tmp_path / "missing" / "s.json"
    assert main(["schema", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"gi-report: {target}: ") and "does not exist" in err
    assert "Traceback" not in err
