"""A statement with none of the words a claim needs (``Vocabulary.claimable``) is not read, and
reading it would find no claim: on every real sentence, the same with words inserted at random,
and strings of the vocabulary's words (negations among them) and numbers with units."""

from __future__ import annotations

import random
import re

import attrs
import pytest

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from tests.validation.claim_texts import real_sentences_altered, vocabulary_of


def _cases(vocabulary: claims.Vocabulary, rng: random.Random) -> list[str]:
    units = sorted({u for us in words.CLAIM_UNITS.values() for u in us})
    pool = [*vocabulary.words, *(f"{n}{s}{u}" for n in (0, 3, 12) for s in ("", " ")
                                 for u in units), "0", "1,234", "，", "；", "均为0"]
    out = real_sentences_altered(pool, rng)
    for _ in range(8000):
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 8))))
    governed = [t for t, w in vocabulary.words.items() if w.kind in ("app", "fee_word")]
    out += [f"{negation}{word}，{number}" for negation in words.NEGATIONS for word in governed
            for number in ("3件", "5元")]  # a negation claims with no other claiming word
    return out


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_statements_without_a_claiming_word_make_no_claim(version: str) -> None:
    vocabulary = vocabulary_of(version)
    every = attrs.evolve(vocabulary, claimable=re.compile("(?:)"))  # no statement passed over
    rng = random.Random(1516)
    passed_over = 0
    for text in _cases(vocabulary, rng):
        for agency in (None, "x"):
            expected = claims.read_found_tuples(text, every, agency)
            assert claims.read_found_tuples(text, vocabulary, agency) == expected, text
        if vocabulary.claimable.search(text) is None:
            passed_over += 1
            assert not expected
    assert passed_over > 1000  # the test was taken


def test_the_claiming_words_are_the_vocabularys() -> None:
    vocabulary = vocabulary_of("2021")
    kinds = {w.kind for t, w in vocabulary.words.items()
             if vocabulary.claimable.fullmatch(t) is not None}
    assert kinds == claims._CLAIMING_KINDS
