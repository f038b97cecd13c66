"""A candidate sentence marked as found by a claim number or a negation holds one, so reading it
may skip the items-only test: on every corpus text, and on texts of the vocabulary's words,
numbers with units, line breaks and sentence ends put together at random."""

from __future__ import annotations

import random

import pytest

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from tests.validation.claim_texts import corpus_texts, vocabulary_of


def _texts(vocabulary: claims.Vocabulary) -> list[str]:
    texts = corpus_texts()
    units = sorted({u for us in words.CLAIM_UNITS.values() for u in us})
    pool = [*vocabulary.words, *(f"{n}{s}{u}" for n in (0, 7, 12) for s in ("", " ")
                                 for u in units), "\n", "\n\n", "。", "；", "，"]
    rng = random.Random(15)
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(1, 20))) for _ in range(4000)]
    return texts


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_marked_sentences_hold_a_claim_number_or_a_negation(version: str) -> None:
    vocabulary = vocabulary_of(version)
    marked = 0
    for text in _texts(vocabulary):
        found = list(claims.marked_claim_sentences(text, vocabulary))
        assert [s for s, _ in found] == list(claims.claim_sentences(text, vocabulary))
        for sentence, counted in found:
            if counted:
                marked += 1
                assert not claims._items_without_receipt(sentence), sentence
                assert claims.read_found_tuples(sentence, vocabulary, counted=True) == \
                    claims.read_found_tuples(sentence, vocabulary)
    assert marked > 500
