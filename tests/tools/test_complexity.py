"""tools/complexity.py: no function over the limit unless listed, and the list stays exact."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tools import complexity
from tools.complexity import Measured, measure, problems, read_allow_list


def _branches(name: str, count: int, indent: str = "") -> str:
    body = "".join(f"{indent}    if x == {i}:\n{indent}        return {i}\n" for i in range(count))
    return f"{indent}def {name}(x):\n{body}{indent}    return -1\n"


def test_the_project_passes_its_own_check() -> None:
    assert problems(measure(), read_allow_list()) == []
    assert complexity.main([]) == 0


def test_functions_methods_and_closures_are_measured_by_name(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text(
        _branches("simple", 2)
        + "class C:\n" + _branches("method", 16, "    ")
        + "def outer():\n" + _branches("inner", 3, "    ") + "    return inner\n"
        + _branches("simple", 1),
        "utf-8")
    measured = measure(tmp_path, ["pkg"])
    assert measured == [
        Measured("pkg/m.py::simple", 3),
        Measured("pkg/m.py::C.method", 17),
        Measured("pkg/m.py::outer", 1),
        Measured("pkg/m.py::outer.inner", 4),
        Measured("pkg/m.py::simple[2]", 2),
    ]


def test_every_way_the_list_can_be_wrong_is_reported() -> None:
    measured = [Measured("a.py::unlisted", 16), Measured("a.py::grew", 20),
                Measured("a.py::shrank", 18), Measured("a.py::fixed", 15),
                Measured("a.py::exact", 30), Measured("a.py::fine", 15)]
    allowed = {"a.py::grew": 19, "a.py::shrank": 19, "a.py::fixed": 16, "a.py::exact": 30,
               "a.py::gone": 17}
    assert problems(measured, allowed) == [
        "a.py::unlisted: complexity 16 is over 15; split it",
        "a.py::grew: complexity 20, more than the 19 listed; split it",
        "a.py::shrank: complexity 18, less than the 19 listed; write 18 in the list",
        "a.py::fixed: complexity 15 is within 15 now; remove it from the list",
        "a.py::gone: listed with 17 but no longer exists; remove it from the list",
    ]


def test_the_allow_list_format(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(textwrap.dedent("""\
        # comment
        src/x.py::f 16  # why

        src/x.py::C.g 20
    """), "utf-8")
    assert read_allow_list(good) == {"src/x.py::f": 16, "src/x.py::C.g": 20}
    for bad in ("src/x.py::f\n", "src/x.py::f 16\nsrc/x.py::f 17\n", "src/x.py::f many\n"):
        path = tmp_path / "bad.txt"
        path.write_text(bad, "utf-8")
        with pytest.raises(ValueError, match=r"bad\.txt:\d: expected 'path::name complexity'"):
            read_allow_list(path)
