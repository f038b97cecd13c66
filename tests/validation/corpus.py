"""Real corpus narrative for the validation tests (the corpus reports come from tests.corpus)."""

from __future__ import annotations

import html
import re

from tests.corpus import CORPUS, EXPECTED, expected
from tests.corpus import corpus_report as report_from_expected

__all__ = ["CORPUS", "EXPECTED", "document_text", "expected", "report_from_expected",
           "sentence_with"]


def document_text(name: str) -> str:
    """The plain text of a corpus document (HTML tags removed, entities decoded)."""
    path = next(p for p in CORPUS.iterdir() if p.stem == name)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def sentence_with(name: str, words: str) -> str:
    """The sentence of a corpus document containing ``words`` (to quote real narrative)."""
    text = document_text(name)
    at = text.index(words)
    start = max(text.rfind(p, 0, at) for p in "。\n") + 1
    end = min(i for i in (text.find(p, at) for p in "。\n") if i != -1) + 1
    return text[start:end].strip()
