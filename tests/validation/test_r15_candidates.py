"""R15's candidate sentences (``claims.compared_sentences``) leave out only sentences that read
to no claim: on every corpus text and on texts of the vocabulary's words, numbers with units
(items among them), receiving verbs, negations, line breaks and sentence ends put together at
random, the claims read from them are those read from ``marked_claim_sentences``."""

from __future__ import annotations

import random

import pytest

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from tests.validation import claims_reference as reference
from tests.validation.claim_texts import corpus_texts, vocabulary_of


def _texts(vocabulary: claims.Vocabulary) -> list[str]:
    texts = corpus_texts()
    units = sorted({u for us in words.CLAIM_UNITS.values() for u in us})
    items = [f"{n}{s}{u}" for n in (3, 76) for s in ("", " ", "\n") for u in ("条", "项")]
    pool = [*vocabulary.words, *(f"{n}{s}{u}" for n in (0, 7, 12) for s in ("", " ", "\n")
                                 for u in units), *items, *items, *words.RECEIVED,
            "\n", "\n\n", "\n\n\n", "\r\n", "\r\n\r\n", " \n", "\n \n", "。", "。", "；", "，",
            "公开", "信息", "没\n有", "收\n到", "5万\n元", "均\n为"]
    # mostly items, as the lists of documents published that narratives hold
    listing = [*items, *items, *items, "申请", "公开", "信息", "。", "，", "、", "\n\n",
               *words.RECEIVED[:1], *words.NEGATIONS[:1], "7件", "没\n有申请", "没\n有"]
    rng = random.Random(1515)
    for _ in range(6000):
        texts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 30))))
        texts.append("".join(rng.choice(listing) for _ in range(rng.randint(1, 30))))
    return texts


def _claims_of(found: list[tuple[str, bool]],
               vocabulary: claims.Vocabulary) -> list[claims.FoundTuple]:
    return [claim for sentence, counted in found
            for claim in claims.read_found_tuples(sentence, vocabulary, counted=counted)]


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_sentences_left_out_make_no_claim(version: str) -> None:
    vocabulary = vocabulary_of(version)
    left_out = 0
    for text in _texts(vocabulary):
        marked = claims.marked_claim_sentences(text, vocabulary)
        compared = claims.compared_sentences(text, vocabulary)
        assert _claims_of(compared, vocabulary) == _claims_of(marked, vocabulary), text
        kept = iter(marked)
        assert all(any(found == other for other in kept) for found in compared), text
        left_out += len(marked) - len(compared)
    assert left_out > 100  # the shortcut is taken, not only allowed


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_candidate_sentences_are_the_references(version: str) -> None:
    """The candidate sentences (a sentence after a heading tested alone among them) are those
    of the reference reader, which tests every paragraph of a sentence holding a line break."""
    vocabulary = vocabulary_of(version)
    alone = 0
    for text in _texts(vocabulary):
        assert list(claims.claim_sentences(text, vocabulary)) == \
            list(reference.claim_sentences(text, vocabulary)), text
        alone += "\n\n" in text
    assert alone > 1000
