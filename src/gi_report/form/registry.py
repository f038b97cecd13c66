"""The registry of template versions: which templates exist, in which order, which is newest.

``TEMPLATES`` is a read-only mapping from a version id to its :class:`TemplateSpec`, newest
first. It is a view of the registry *in force*: normally :data:`BUILTIN`; inside
``with registered(spec):`` (a hypothetical template in a test) the templates in force plus
``spec``, for the current thread or task only, restored on exit. Caches derived from the set of
templates use :func:`per_registry`, so that a registered template never leaks out of its block.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from types import MappingProxyType
from typing import ParamSpec, TypeVar

from gi_report.errors import UnknownTemplateError
from gi_report.form import v2019, v2021
from gi_report.form.spec import TemplateSpec

_P = ParamSpec("_P")
_R = TypeVar("_R")


class TemplateRegistry(Mapping[str, TemplateSpec]):
    """An immutable set of templates by version, ordered newest first (by first report year).

    Compared and hashed by identity: a registry is a cache key (see :func:`per_registry`).
    """

    def __init__(self, templates: Iterable[TemplateSpec]) -> None:
        ordered = sorted(templates, key=lambda t: t.first_year, reverse=True)
        by_version: dict[str, TemplateSpec] = {}
        for template in ordered:
            if template.version in by_version:
                raise ValueError(f"template version {template.version!r} registered twice")
            by_version[template.version] = template
        if not by_version:
            raise ValueError("a template registry needs at least one template")
        self._templates: Mapping[str, TemplateSpec] = MappingProxyType(by_version)

    def _versions(self) -> Mapping[str, TemplateSpec]:
        return self._templates

    def __getitem__(self, version: str) -> TemplateSpec:
        return self._versions()[version]

    def __iter__(self) -> Iterator[str]:
        return iter(self._versions())

    def __len__(self) -> int:
        return len(self._versions())

    def __contains__(self, version: object) -> bool:
        return isinstance(version, str) and version in self._versions()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)})"

    __hash__ = object.__hash__

    def __eq__(self, other: object) -> bool:
        return self is other

    @property
    def newest(self) -> TemplateSpec:
        """The template in force for the latest report years: the default layout."""
        return next(iter(self._versions().values()))

    @property
    def oldest(self) -> TemplateSpec:
        """The first template: the closest one for a report older than every template."""
        return list(self._versions().values())[-1]

    def get_template(self, version: str) -> TemplateSpec:
        """The template with this version id, or :class:`UnknownTemplateError`."""
        try:
            return self._versions()[version]
        except (KeyError, TypeError):
            raise UnknownTemplateError(version, sorted(self._versions())) from None

    def for_year(self, year: int) -> TemplateSpec:
        """The newest template whose years include ``year``, or :class:`UnknownTemplateError`."""
        for template in self._versions().values():
            if template.applies_to(year):
                return template
        raise UnknownTemplateError(f"no template for report year {year}", sorted(self))

    def with_template(self, template: TemplateSpec) -> TemplateRegistry:
        """A new registry: this one's templates and ``template`` (whose version must be new)."""
        return TemplateRegistry([*self._versions().values(), template])


class ActiveTemplates(TemplateRegistry):
    """The registry in force for the current thread or task: what ``TEMPLATES`` is."""

    def __init__(self, default: TemplateRegistry) -> None:
        self._active: contextvars.ContextVar[TemplateRegistry] = contextvars.ContextVar(
            "gi_report_templates", default=default
        )

    def _versions(self) -> Mapping[str, TemplateSpec]:
        return self._active.get()._templates

    @property
    def current(self) -> TemplateRegistry:
        """The registry object in force now (stable while it is in force: a cache key)."""
        return self._active.get()

    @contextmanager
    def using(self, registry: TemplateRegistry) -> Iterator[TemplateRegistry]:
        """Make ``registry`` the one in force inside the ``with`` block (this thread or task)."""
        token = self._active.set(registry)
        try:
            yield registry
        finally:
            self._active.reset(token)


BUILTIN = TemplateRegistry((v2021.TEMPLATE, v2019.TEMPLATE))
"""The templates gi-report describes."""

TEMPLATES = ActiveTemplates(BUILTIN)
"""The templates in force, by version, newest first (read-only)."""


@contextmanager
def registered(*templates: TemplateSpec) -> Iterator[TemplateRegistry]:
    """The templates in force plus ``templates``, inside the ``with`` block only.

    The documented way to try a new template (a test's hypothetical next revision) without
    changing the built-in registry: inside the block everything that asks :mod:`gi_report.form`
    sees it; outside the block, and in other threads, nothing does.
    """
    registry = TEMPLATES.current
    for template in templates:
        registry = registry.with_template(template)
    with TEMPLATES.using(registry) as active:
        yield active


def newest_template() -> TemplateSpec:
    """The newest template in force: the default layout of a new report."""
    return TEMPLATES.newest


def per_registry(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """Like :func:`functools.cache`, with one cache per registry in force.

    For results derived from the set of templates (the JSON Schema, its validator): a template
    registered inside a ``with registered(...)`` block never shows outside it. Arguments must be
    hashable.
    """

    @functools.cache
    def cached(registry: TemplateRegistry, args: tuple[Hashable, ...],
               kwargs: tuple[tuple[str, Hashable], ...]) -> _R:
        return func(*args, **dict(kwargs))  # type: ignore[arg-type]

    @functools.wraps(func)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        return cached(TEMPLATES.current, args, tuple(sorted(kwargs.items())))

    return wrapper
