"""A statement read from its negations alone (no number with a claim unit, no word overlapping
a negation word) makes the claims the whole reading makes: on every real sentence, the same with
words inserted at random, and strings of the vocabulary's words, numbers and negations."""

from __future__ import annotations

import random

import attrs
import pytest

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from tests.validation.claim_texts import real_sentences_altered, vocabulary_of


def _cases(vocabulary: claims.Vocabulary, rng: random.Random) -> list[str]:
    units = sorted({u for us in words.CLAIM_UNITS.values() for u in us})
    pool = [*vocabulary.words, *(f"{n}{s}{u}" for n in (0, 3, 12) for s in ("", " ")
                                 for u in units), "0", "1,234", "，", "；"]
    negations = list(words.NEGATIONS)
    out = real_sentences_altered(pool, rng)
    for _ in range(8000):
        parts = [rng.choice(pool) for _ in range(rng.randint(0, 10))]
        parts += [rng.choice(negations) for _ in range(rng.randint(1, 3))]
        rng.shuffle(parts)
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_negations_alone_make_the_claims_of_the_whole_reading(version: str) -> None:
    vocabulary = vocabulary_of(version)
    negations = vocabulary.negations
    assert negations is not None
    whole = attrs.evolve(vocabulary, negations=None)
    rng = random.Random(15)
    alone = claimed = 0
    for text in _cases(vocabulary, rng):
        for agency in (None, "x"):
            expected = claims.read_found_tuples(text, whole, agency)
            assert claims.read_found_tuples(text, vocabulary, agency) == expected, text
        if negations.blocking.search(text) is None and negations.words.search(text) is not None:
            alone += 1
            claimed += bool(expected)
    assert alone > 2000 and claimed > 150  # the shortcut was taken, and made claims


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_a_word_holding_a_negation_makes_the_statement_read_whole(version: str) -> None:
    vocabulary = vocabulary_of(version)
    negations = vocabulary.negations
    assert negations is not None
    holding = [t for t in vocabulary.words
               if any(n in t and n != t for n in words.NEGATIONS)]
    assert holding
    for word in holding:
        assert negations.blocking.search(word) is not None
