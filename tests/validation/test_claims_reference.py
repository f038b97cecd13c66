"""The claims reader made faster finds exactly the claims the reference reader (the word-by-word
reader it replaced, kept in :mod:`tests.validation.claims_reference`) finds: on every sentence
of the real narratives and on sentences made from them by random edits."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.validation import narrative
from tests.conftest import share_of_profile
from tests.validation import claims_reference as reference
from tests.validation import r15_record

LABELLED = Path(__file__).resolve().parents[1] / "data" / "claims"
VERSIONS = sorted(TEMPLATES)


def _layouts(version: str) -> tuple[Any, Any, Any]:
    spec = TEMPLATES[version]
    return (spec.table("applications"), spec.table("review_litigation"),
            spec.table("proactive"))


def _read(module: Any, sentence: str, version: str, agency: str | None) -> list[tuple[Any, ...]]:
    """Every field of every claim a reader finds in a sentence."""
    vocabulary = module.vocabulary(*_layouts(version))
    return [(c.said, c.number, c.unit, c.amount, c.alternatives, c.sentence)
            for c in module.claims_in(sentence, vocabulary, agency)]


def _found(sentence: str, version: str, agency: str | None) -> list[tuple[Any, ...]]:
    """The claims of :func:`claims.read_found` (R15's path), as the reference's claims."""
    vocabulary = claims.vocabulary(*_layouts(version))
    if not vocabulary.may_claim(sentence):
        return []
    return [(sentence[f.start:f.end].strip("，、, "), f.number, f.unit, f.amount,
             f.alternatives, sentence)
            for f in claims.read_found(sentence, vocabulary, agency)]


@functools.cache
def real_sentences() -> tuple[tuple[str, str | None], ...]:
    """(sentence, agency) of every sentence of the real narratives: each corpus report as the
    importers read it, the text documents whole, and the hand-labelled sentences."""
    found: dict[str, str | None] = {}
    for path in r15_record.report_paths():
        report = r15_record.imported(path)
        for _, _, text in narrative.texts(report):
            for sentence in claims.sentences(text):
                found.setdefault(sentence, report.metadata.agency)
    for path in r15_record.report_paths():  # the whole document: its tables' lines too
        if path.suffix in (".txt", ".md"):
            for sentence in claims.sentences(path.read_text(encoding="utf-8")):
                found.setdefault(sentence, None)
    for path in sorted(LABELLED.glob("*.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        for item in labels["sentences"]:
            for sentence in claims.sentences(item["text"]):
                found.setdefault(sentence, None)
    return tuple(sorted(found.items(), key=lambda item: item[0]))


@functools.cache
def claim_words() -> tuple[str, ...]:
    """Every word of the vocabularies, and the marks, numbers and units that make claims."""
    vocabulary = claims.vocabulary(*_layouts(VERSIONS[-1]))
    return (*sorted(vocabulary.words), "，", "；", "。", "（", "）", "其中", "等", "0", "3件",
            "12 件", "1,204件", "4.5万元", "380元", "条", "项", "起", "%", "本局", "局办公室",
            "网上", "民政局", "\n", " ")


def test_the_real_narratives_have_claims_to_compare() -> None:
    read = [s for s, agency in real_sentences() if _read(reference, s, VERSIONS[-1], agency)]
    assert len(real_sentences()) > 600
    assert len(read) > 40


@pytest.mark.parametrize("version", VERSIONS)
def test_every_real_sentence_reads_as_the_reference_reads_it(version: str) -> None:
    for sentence, agency in real_sentences():
        for who in (agency, None):
            expected = _read(reference, sentence, version, who)
            assert _read(claims, sentence, version, who) == expected, sentence
            assert _found(sentence, version, who) == expected, sentence


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str | None]:
    """A real sentence (most often one that makes claims) with a few random edits: a word of
    the vocabulary, a number, a mark inserted; a span deleted, moved or copied."""
    pool = [item for item in real_sentences()
            if _read(reference, item[0], VERSIONS[-1], item[1])]
    sentence, agency = draw(st.sampled_from(pool) | st.sampled_from(real_sentences()))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(sentence)))
        edit = draw(st.sampled_from(("insert", "insert", "delete", "move", "copy")))
        if edit == "insert":
            sentence = sentence[:at] + draw(st.sampled_from(claim_words())) + sentence[at:]
        elif edit == "copy":  # a claim written twice is one claim
            start = draw(st.integers(0, len(sentence)))
            sentence = sentence[:at] + sentence[start:start + draw(st.integers(1, 40))] \
                + sentence[at:]
        elif edit == "delete":
            sentence = sentence[:at] + sentence[at + draw(st.integers(1, 6)):]
        else:
            length = draw(st.integers(1, 12))
            span, rest = sentence[at:at + length], sentence[:at] + sentence[at + length:]
            to = draw(st.integers(0, len(rest)))
            sentence = rest[:to] + span + rest[to:]
    return sentence, draw(st.sampled_from((agency, None)))


@settings(share_of_profile(10))  # 300 edited sentences under the ci profile
@given(mutated(), st.sampled_from(VERSIONS))
def test_mutated_sentences_read_as_the_reference_reads_them(
        item: tuple[str, str | None], version: str) -> None:
    sentence, agency = item
    expected = _read(reference, sentence, version, agency)
    assert _read(claims, sentence, version, agency) == expected
    assert _found(sentence, version, agency) == expected
