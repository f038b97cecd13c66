"""Batch discovery gives each real file once, also through symlinks, and every other entry a
place of its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gi_report.batch import discover


def _walk_all(root: str) -> list[str]:
    """Every non-hidden entry of the tree in sorted order, duplicates included (the reference):
    files, and links to directories, which are not followed but get a row of their own."""
    out: list[str] = []
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            out += _walk_all(entry.path)
        elif entry.is_file() or entry.is_symlink():
            out.append(entry.path)
    return out


def _first_of_each(files: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for file in files:
        real = os.path.realpath(file)
        if real not in seen:
            seen.add(real)
            out.append(file)
    return out


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """Files with symlinks to files met earlier, later, outside the tree and in a hidden folder."""
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    outside = tmp_path / "outside.json"
    outside.write_text("{}", "utf-8")
    for name in ("a.json", "b/c.json", "z.json", ".hidden/h.json"):
        (root / name).write_text("{}", "utf-8")
    (root / "0-later.json").symlink_to(root / "z.json")  # before its target in walk order
    (root / "b" / "d-earlier.json").symlink_to(root / "a.json")  # after its target
    (root / "out1.json").symlink_to(outside)
    (root / "out2.json").symlink_to(outside)  # a second link to the same outside file
    (root / "hid.json").symlink_to(root / ".hidden" / "h.json")  # the walk skips the target
    (root / "b" / "linkdir").symlink_to(root / "b", target_is_directory=True)  # not followed
    return root


@pytest.mark.parametrize("spelling", ["plain", "trailing-slash", "relative"])
def test_one_folder_gives_each_real_file_once_in_walk_order(
        tree: Path, spelling: str, monkeypatch: pytest.MonkeyPatch) -> None:
    root = str(tree)
    if spelling == "trailing-slash":
        root += os.sep
    elif spelling == "relative":
        monkeypatch.chdir(tree.parent)
        root = tree.name
    files, unmatched = discover([root])
    assert unmatched == []
    assert files == _first_of_each(_walk_all(root))
    names = [os.path.relpath(f, root) for f in files]
    assert "0-later.json" in names and "z.json" not in names  # the link came first
    assert os.path.join("b", "d-earlier.json") not in names  # its target came first
    assert ("out1.json" in names) and ("out2.json" not in names)
    assert "hid.json" in names


def test_several_paths_give_each_real_file_once(tree: Path) -> None:
    paths = [str(tree / "b"), str(tree), str(tree / "a.json")]
    files, _ = discover(paths)
    assert files == _first_of_each(_walk_all(paths[0]) + _walk_all(paths[1]) + [paths[2]])


def test_the_output_file_is_left_out_through_a_symlink_too(tree: Path) -> None:
    files, _ = discover([str(tree)], exclude=[str(tree / "z.json")])
    assert all(os.path.realpath(f) != os.path.realpath(tree / "z.json") for f in files)
