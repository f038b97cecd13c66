"""The batch's CPU-time limit per file: a document that would hold a worker for ever gets an
``error`` row saying so, and the run goes on with the next file under a fresh limit."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gi_report.batch import process as batch_process
from gi_report.batch import read_rows, run_batch
from gi_report.batch.process import process_file
from gi_report.batch.timelimit import (
    DEFAULT_TIME_LIMIT,
    TimeLimitExceeded,
    available,
    cpu_time_limit,
)
from gi_report.cli import main

if not available():
    pytest.skip("no profiling timer (not POSIX)", allow_module_level=True)

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
TEXT = CORPUS / "2022-beijing-xicheng-cgzx.txt"
PDF = CORPUS / "2024-huaian-city.pdf"


def _burn(seconds: float) -> None:
    """Use ``seconds`` of CPU time (a loop, not a sleep: the limit counts CPU time)."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def _never_ending_reader(real: Callable[..., Any]) -> Callable[..., Any]:
    """A document reader that never returns for a file named ``slow*`` (the others are read)."""

    def read(path: str, **options: Any) -> Any:
        if Path(path).name.startswith("slow"):
            while True:
                _burn(1.0)
        return real(path, **options)

    return read


def test_the_limit_interrupts_a_block_that_runs_too_long() -> None:
    with pytest.raises(TimeLimitExceeded) as raised, cpu_time_limit(0.05):
        _burn(5.0)
    assert raised.value.seconds == 0.05
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)  # disarmed


def test_a_block_within_the_limit_is_left_alone_and_the_timer_is_restored() -> None:
    before = signal.getsignal(signal.SIGPROF)
    with cpu_time_limit(30.0):
        assert signal.getitimer(signal.ITIMER_PROF)[0] > 0  # armed inside
        _burn(0.01)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGPROF) == before


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_limit_arms_no_timer(seconds: float | None) -> None:
    with cpu_time_limit(seconds):
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_file_past_the_limit_is_an_error_row_and_the_next_file_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_bytes(TEXT.read_bytes())
    real = batch_process.document_reader()
    monkeypatch.setattr(batch_process, "document_reader", lambda: _never_ending_reader(real))
    row = process_file(str(slow), time_limit=0.2)
    assert row["status"] == "error"
    assert row["kind"] == "txt" and row["path"] == str(slow)
    assert "gave up after 0.2 s of CPU time" in str(row["message"])
    assert row["agency"] is None and row["sha256"] is None  # nothing half-read is reported
    good = process_file(str(TEXT), time_limit=60.0)
    assert good["status"] == "ok" and good["year"] == 2022


def test_a_batch_in_process_goes_on_after_a_file_past_the_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_bytes(TEXT.read_bytes())
    (folder / "slow.txt").write_bytes(TEXT.read_bytes())
    (folder / "z-good.txt").write_bytes(TEXT.read_bytes())
    real = batch_process.document_reader()
    monkeypatch.setattr(batch_process, "document_reader", lambda: _never_ending_reader(real))
    out = tmp_path / "rows.jsonl"
    summary = run_batch([str(folder)], out, jobs=1, time_limit=0.3)
    rows = {Path(str(r["path"])).name: r for r in read_rows(out)}
    assert summary.statuses["ok"] == 2 and summary.statuses["error"] == 1
    assert rows["slow.txt"]["status"] == "error"
    assert "time limit per file" in str(rows["slow.txt"]["message"])
    assert rows["a-good.txt"]["status"] == rows["z-good.txt"]["status"] == "ok"


def test_worker_processes_apply_the_limit(tmp_path: Path) -> None:
    """Two workers, a real six-page PDF (hundreds of milliseconds of CPU) under a limit of one
    millisecond: its row says it gave up; the same run without a limit reads it."""
    pytest.importorskip("pdfplumber")
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.pdf", "b.pdf"):
        (folder / name).write_bytes(PDF.read_bytes())
    limited = run_batch([str(folder)], tmp_path / "limited.jsonl", jobs=2, time_limit=0.001)
    assert limited.statuses["error"] == 2
    messages = {str(r["message"]) for r in read_rows(tmp_path / "limited.jsonl")}
    assert all("gave up after 0.001 s of CPU time" in m for m in messages)
    free = run_batch([str(folder)], tmp_path / "free.jsonl", jobs=2, time_limit=None)
    assert free.statuses["ok"] == 2


def test_cli_time_limit_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rows.jsonl"
    for bad in ("-1", "nan", "inf"):
        assert main(["batch", str(TEXT), "-o", str(out), "--time-limit", bad]) == 2
        assert "--time-limit must be" in capsys.readouterr().err
    assert main(["batch", str(TEXT), "-o", str(out), "--time-limit", "0", "-j", "1"]) == 0
    assert [r["status"] for r in read_rows(out)] == ["ok"]


def test_cli_help_states_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    assert f"default {DEFAULT_TIME_LIMIT:g}" in " ".join(capsys.readouterr().out.split())
