"""Batch: a folder of good, broken and non-report files; statuses, formats, resume, atomicity."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest

from gi_report import dump
from gi_report.batch import RESULT_FIELDS, discover, read_rows, run_batch
from gi_report.batch.process import process_file
from gi_report.cli import main
from gi_report.errors import UnsupportedFormatError
from gi_report.synthetic import random_report

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "2022-beijing-xicheng-cgzx.json"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Three good reports (one real), broken JSON and XML, and files that are not reports."""
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    rng = random.Random(5)
    for i in range(2):
        dump(random_report(rng, year=2023, agency=f"测试{i}局"), root / f"good{i}.json")
    (root / "sub" / "xicheng.json").write_bytes(EXAMPLE.read_bytes())
    (root / "broken.json").write_text('{"template": "2021", "metadata": ', "utf-8")
    document = json.loads((root / "good0.json").read_text("utf-8"))
    document["applications"]["granted"]["total"] = "many"
    (root / "invalid.json").write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    (root / "list.json").write_text("[1, 2, 3]", "utf-8")
    (root / "sub" / "other.xml").write_text("<catalogue><item/></catalogue>", "utf-8")
    (root / "sub" / "truncated.xml").write_text("<report", "utf-8")
    (root / "notes.bin").write_bytes(b"\x00\x01\x02")
    (root / ".hidden.json").write_text("{}", "utf-8")
    return root


EXPECTED_STATUS = {
    "good0.json": "ok",
    "good1.json": "ok",
    "sub/xicheng.json": "ok",
    "broken.json": "error",
    "invalid.json": "error",
    "list.json": "not_a_report",
    "sub/other.xml": "not_a_report",
    "sub/truncated.xml": "error",
}


def _by_name(rows: list[dict[str, object]], root: Path) -> dict[str, dict[str, object]]:
    return {Path(str(r["path"])).relative_to(root).as_posix(): r for r in rows}


@pytest.mark.parametrize("jobs", [1, 2])
def test_statuses_and_rows(folder: Path, tmp_path: Path, jobs: int) -> None:
    """One row per file, the right status for each, details for the good ones, never a stop."""
    out = tmp_path / "results.jsonl"
    summary = run_batch([str(folder)], out, jobs=jobs)
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert all(list(r) == list(RESULT_FIELDS) for r in rows)
    by_name = _by_name(rows, folder)
    assert ".hidden.json" not in by_name
    for name, status in EXPECTED_STATUS.items():
        assert by_name[name]["status"] == status, (name, by_name[name]["message"])
    assert by_name["notes.bin"]["status"] in ("not_a_report", "error")
    assert summary.files == len(rows) == len(EXPECTED_STATUS) + 1
    xicheng = by_name["sub/xicheng.json"]
    assert (xicheng["agency"], xicheng["year"], xicheng["template"]) == (
        "西城区城市管理指挥中心", 2022, "2021")
    assert len(str(xicheng["sha256"])) == 64
    assert "/applications/granted/total" in str(by_name["invalid.json"]["message"])
    assert "well-formed JSON" in str(by_name["broken.json"]["message"])
    assert by_name["good0.json"]["message"] is None or "not validated" not in str(
        by_name["good0.json"]["message"])
    # the output is in discovery order (sorted), whatever the number of processes
    assert [r["path"] for r in rows] == discover([str(folder)])[0]


def test_csv_and_parquet_outputs(folder: Path, tmp_path: Path) -> None:
    """The same rows as CSV (blank = empty field) and Parquet (integers stay integers)."""
    run_batch([str(folder)], tmp_path / "r.jsonl", jobs=1)
    run_batch([str(folder)], tmp_path / "r.csv", jobs=1)
    reference = list(read_rows(tmp_path / "r.jsonl"))
    with open(tmp_path / "r.csv", encoding="utf-8", newline="") as handle:
        raw = list(csv.DictReader(handle))
    assert list(raw[0]) == list(RESULT_FIELDS)
    assert [r["status"] for r in raw] == [r["status"] for r in reference]
    assert list(read_rows(tmp_path / "r.csv")) == reference
    run_batch([str(folder)], tmp_path / "r.parquet", jobs=1)
    assert list(read_rows(tmp_path / "r.parquet")) == reference


def test_resume_skips_unchanged_files_and_redoes_changed_ones(folder: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    """--resume: rows whose content hash matches are kept without processing the file again."""
    out = tmp_path / "results.jsonl"
    run_batch([str(folder)], out, jobs=1)
    first = {r["path"]: r for r in read_rows(out)}
    # change one file, add one
    (folder / "broken.json").write_bytes(EXAMPLE.read_bytes())
    dump(random_report(random.Random(9), year=2023), folder / "new.json")
    processed: list[str] = []
    import gi_report.batch.process as process

    real = process.process_file

    def spy(path: str, **kwargs: object) -> dict[str, object]:
        processed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(process, "process_file", spy)
    summary = run_batch([str(folder)], out, jobs=1, resume=True)
    assert sorted(processed) == ["broken.json", "new.json"]
    assert summary.reused == len(first) - 1
    rows = {r["path"]: r for r in read_rows(out)}
    assert rows[str(folder / "broken.json")]["status"] == "ok"
    assert rows[str(folder / "new.json")]["status"] == "ok"
    assert rows[str(folder / "good1.json")] == first[str(folder / "good1.json")]


def test_resume_keeps_rows_of_files_outside_the_run(folder: Path, tmp_path: Path) -> None:
    """Resuming on a subset keeps the other files' rows (the output accumulates)."""
    out = tmp_path / "results.csv"
    run_batch([str(folder / "good0.json")], out, jobs=1)
    summary = run_batch([str(folder / "good1.json")], out, jobs=1, resume=True)
    assert summary.kept == 1
    assert sorted(Path(str(r["path"])).name for r in read_rows(out)) == [
        "good0.json", "good1.json"]


def test_interrupted_run_leaves_a_valid_output(folder: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C half way: the output holds the rows done so far, and --resume finishes the job."""
    out = tmp_path / "results.jsonl"
    import gi_report.batch.process as process

    real = process.process_file
    calls = {"n": 0}

    def interrupting(path: str, **kwargs: object) -> dict[str, object]:
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(path)

    monkeypatch.setattr(process, "process_file", interrupting)
    summary = run_batch([str(folder)], out, jobs=1)
    assert summary.interrupted
    assert len(list(read_rows(out))) == 3
    monkeypatch.setattr(process, "process_file", real)
    done = run_batch([str(folder)], out, jobs=1, resume=True)
    assert done.reused == 3 and not done.interrupted
    assert len(list(read_rows(out))) == len(EXPECTED_STATUS) + 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_globs_and_unmatched_paths(folder: Path, tmp_path: Path) -> None:
    """Globs are expanded (``**`` recursive); a PATH matching nothing is reported."""
    files, unmatched = discover([str(folder / "**" / "*.xml"), str(folder / "nope*")])
    assert sorted(Path(f).name for f in files) == ["other.xml", "truncated.xml"]
    assert unmatched == [str(folder / "nope*")]


def test_output_inside_the_input_folder_is_not_an_input(folder: Path) -> None:
    """Writing the results into the scanned folder does not feed the results back in."""
    out = folder / "results.jsonl"
    run_batch([str(folder)], out, jobs=1)
    summary = run_batch([str(folder)], out, jobs=1, resume=True)
    assert str(out) not in {r["path"] for r in read_rows(out)}
    assert summary.files == len(EXPECTED_STATUS) + 1


def test_unknown_output_extension(folder: Path, tmp_path: Path) -> None:
    """An output that is neither .jsonl, .csv nor .parquet is refused before any work."""
    with pytest.raises(UnsupportedFormatError):
        run_batch([str(folder)], tmp_path / "results.xlsx")
    assert not (tmp_path / "results.xlsx").exists()


def test_unreadable_and_too_large_files(tmp_path: Path) -> None:
    """A file over the size limit and a missing file are error rows, not exceptions."""
    big = tmp_path / "big.json"
    big.write_bytes(b"{" + b" " * 100 + b"}")
    row = process_file(str(big), limit=10)
    assert row["status"] == "error" and "limit" in str(row["message"])
    missing = process_file(str(tmp_path / "missing.json"))
    assert missing["status"] == "error" and "cannot read" in str(missing["message"])


def test_cli_batch(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """gi-report batch: exit 0 by default, 1 with --fail-on error, 2 for a bad output name."""
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "--jobs", "1", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "3 ok, 2 error" in err or "3 ok, 3 error" in err
    assert main(["batch", str(folder), "--out", str(out), "-j", "1", "--fail-on", "error"]) == 1
    assert main(["batch", str(folder), "--out", str(tmp_path / "r.txt")]) == 2
    assert main(["batch", str(tmp_path / "none*"), "--out", str(out)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_cli_batch_progress_counter(folder: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """--progress shows progress on stderr and nothing on stdout."""
    out = tmp_path / "r.jsonl"
    assert main(["batch", str(folder), "--out", str(out), "-j", "1", "--progress"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "9/9" in captured.err


def test_findings_counted_when_the_validators_are_installed(tmp_path: Path) -> None:
    """A report breaking a sum rule gets more error findings than the same kind of report that
    keeps every sum (synthetic reports have no section 一, an error of their own)."""
    rng = random.Random(2)
    dump(random_report(rng, year=2023), tmp_path / "consistent.json")
    dump(random_report(rng, year=2023, consistent=False), tmp_path / "inconsistent.json")
    good = process_file(str(tmp_path / "consistent.json"))
    bad = process_file(str(tmp_path / "inconsistent.json"))
    assert good["status"] == bad["status"] == "ok"
    assert isinstance(good["findings_error"], int) and isinstance(bad["findings_error"], int)
    assert bad["findings_error"] > good["findings_error"]


CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_real_documents_through_the_importers(tmp_path: Path) -> None:
    """Every corpus document with hand-verified values is read (status ok, right agency and
    year) when the importers are installed; the batch never stops on the others."""
    out = tmp_path / "corpus.jsonl"
    summary = run_batch([str(CORPUS)], out, jobs=2)
    rows = {Path(str(r["path"])).relative_to(CORPUS): r for r in read_rows(out)}
    assert summary.files == len(rows)
    for expected in sorted(CORPUS.glob("**/expected/*.json")):
        data = json.loads(expected.read_text("utf-8"))
        row = rows[expected.parent.parent.relative_to(CORPUS) / data["file"]]
        assert row["status"] == "ok", (data["file"], row["message"])
        assert (row["agency"], row["year"]) == (data["agency"], data["year"])


_MANY_FILES_CHILD = """
import os, sys, tempfile
import gi_report.batch.runner as runner
discover = sys.modules["gi_report.batch.discover"]
from gi_report.batch.process import RESULT_FIELDS

def walk(directory):  # 20,000 simulated files: names only
    for i in range(20_000):
        yield discover.Entry(os.path.join(directory, f"r{i:07d}.json"))

def stub(task, time_limit=None):  # a worker that does no work
    return {**dict.fromkeys(RESULT_FIELDS), "path": task[0], "status": "error", "message": "x"}

discover._walk = walk
runner.process_task = stub
root = tempfile.mkdtemp()
print(runner.run_batch([root], os.path.join(root, "out.csv"), jobs=2).files)
"""


def test_a_batch_of_many_files_ends() -> None:
    """Regression: with workers replaced after 1,000 files, a replacement (started by the pool's
    handler thread, with a parent-death signal bound to that thread) could die holding the task
    queue's lock when the pool shut down, and a batch of 20,000 files hung at its end."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _MANY_FILES_CHILD], capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split() == ["20000"]
