"""A mypy plugin for the compiled build only: an ``attrs`` field specifier's call typed ``Any``.

mypyc checks every value it stores against its static type; in an attrs class body,
``x: list[str] = attrs.field(factory=list)`` is typed ``list[str]`` by the attrs stubs but is a
field specifier at run time, so the compiled module would fail at import. Typed ``Any``, the call
is stored as it is and attrs reads it as always. The plain ``mypy`` run does not load this plugin.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.plugin import FunctionContext, Plugin
from mypy.types import AnyType, Type, TypeOfAny

#: the field specifiers of the attrs API (new and classic names) and its default factory
SPECIFIERS = frozenset({"attrs.field", "attr.ib", "attr.attrib", "attr.attr", "attr.Factory"})


def _any(_: FunctionContext) -> Type:
    return AnyType(TypeOfAny.special_form)


class AttrsFieldsPlugin(Plugin):
    """Types a call of an attrs field specifier ``Any`` (see the module's docstring)."""

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        return _any if fullname in SPECIFIERS else None


def plugin(_: str) -> type[Plugin]:
    """mypy's entry point: the plugin class (the argument is mypy's version)."""
    return AttrsFieldsPlugin
