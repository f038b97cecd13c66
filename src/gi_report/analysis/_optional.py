"""Importing optional dependencies lazily, with an error that says which extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from gi_report.errors import MissingExtraError


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """The module ``module``, or :class:`MissingExtraError` naming the extra that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module.split(".")[0], extra, purpose) from None
