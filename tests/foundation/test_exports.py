"""Every type a public function or class of ``gi_report`` takes or returns can be imported from
``gi_report`` itself (found by walking the annotations, so a new one cannot be forgotten)."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator
from typing import Any

import attrs

import gi_report as g


def _classes(annotation: Any) -> Iterator[type]:
    if isinstance(annotation, type):
        if annotation.__module__.startswith("gi_report"):
            yield annotation
        return
    for argument in typing.get_args(annotation):
        yield from _classes(argument)


def _signature_types(obj: Any) -> Iterator[type]:
    """The gi_report classes in the annotations of a function, or of a class's fields and public
    methods and properties."""
    if inspect.isfunction(obj):
        for hint in typing.get_type_hints(obj).values():
            yield from _classes(hint)
        return
    if attrs.has(obj):
        for hint in typing.get_type_hints(obj).values():
            yield from _classes(hint)
    for name, member in vars(obj).items():
        if name.startswith("_"):
            continue
        function = member.fget if isinstance(member, property) else getattr(
            member, "__func__", member)
        if inspect.isfunction(function):
            for hint in typing.get_type_hints(function).values():
                yield from _classes(hint)


def test_every_type_in_a_public_signature_is_exported() -> None:
    missing: dict[str, set[str]] = {}
    seen: set[int] = set()
    todo: list[Any] = [getattr(g, name) for name in g.__all__]
    while todo:
        obj = todo.pop()
        if id(obj) in seen or not (inspect.isfunction(obj) or isinstance(obj, type)):
            continue
        seen.add(id(obj))
        if isinstance(obj, type) and not obj.__module__.startswith("gi_report"):
            continue
        for cls in _signature_types(obj):
            if getattr(g, cls.__name__, None) is not cls:
                missing.setdefault(f"{cls.__module__}.{cls.__qualname__}", set()).add(
                    obj.__qualname__)
            todo.append(cls)
    assert missing == {}


def test_all_lists_exactly_the_public_names() -> None:
    assert len(g.__all__) == len(set(g.__all__))
    for name in g.__all__:
        assert hasattr(g, name), name
    for name in ("TemplateSpec", "TableSpec", "Status", "Operand", "Level", "Location", "CellKind"):
        assert name in g.__all__
    assert g.get_template("2021").table("applications") is g.empty_report(
        agency="某局", year=2022).applications.spec
    assert isinstance(g.get_template("2021"), g.TemplateSpec)


def test_every_exception_the_package_defines_is_exported() -> None:
    """Errors and warnings are raised, not annotated, so the signature walk above cannot see
    them: every exception class defined in a gi_report module is importable from gi_report."""
    import pkgutil

    missing = []
    for info in pkgutil.walk_packages(g.__path__, "gi_report."):
        if info.name.startswith("gi_report.cli") or info.name.endswith("__main__"):
            continue  # the command line (its usage errors are not library API; __main__ runs it)
        module = __import__(info.name, fromlist=["_"])
        for name, obj in vars(module).items():
            if (isinstance(obj, type) and issubclass(obj, (g.GIReportError, g.GIReportWarning))
                    and obj.__module__ == info.name and not name.startswith("_")
                    and getattr(g, name, None) is not obj):
                missing.append(f"{info.name}.{name}")
    assert missing == []
