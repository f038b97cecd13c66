"""markdown documents → blocks (being written: the reader is not available yet)."""

from __future__ import annotations

from gi_report.errors import UnsupportedKindError
from gi_report.importers.blocks import ParsedDocument


def parse_markdown(text: str, *, source: str | None = None, encoding: str | None = None
               ) -> ParsedDocument:
    """Not available yet."""
    raise UnsupportedKindError("markdown import is not available yet", source=source)
