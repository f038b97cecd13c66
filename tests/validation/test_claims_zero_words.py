"""The all-zero fee statement's words found by searches (no scan) are where the scan finds them:
on every real sentence, with words inserted at random, and on strings of the vocabulary's words
(those overlapping a fee-notice word included, where the search must give way to the scan)."""

from __future__ import annotations

import random

import attrs
import pytest

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from tests.validation.claim_texts import real_sentences_altered, vocabulary_of


def _cases(vocabulary: claims.Vocabulary, rng: random.Random) -> list[str]:
    """Real sentences, the same with three words inserted, and strings of words only."""
    pool = [*vocabulary.words, *words.FEE_ALL_ZERO, *words.ZERO_WORDS, "，",
            f"3 {words.CLAIM_UNITS['count'][0]}"]
    out = real_sentences_altered(pool, rng)
    notices = [t for t, w in vocabulary.words.items() if w.kind == "fee_notice"]
    for _ in range(6000):
        parts = [rng.choice(pool) for _ in range(rng.randint(0, 6))]
        parts += [rng.choice(notices), rng.choice(words.FEE_ALL_ZERO)][:rng.randint(0, 2)]
        rng.shuffle(parts)
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_the_searches_find_the_words_the_scan_finds(version: str) -> None:
    vocabulary = vocabulary_of(version)
    assert vocabulary.zero_words is not None
    scanned = attrs.evolve(vocabulary, zero_words=None)
    rng = random.Random(15)
    searched = found = 0
    for text in _cases(vocabulary, rng):
        for start, end in ((0, len(text)),
                           tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))):
            expected = scanned.all_zero_words(text, start, end)
            assert vocabulary.all_zero_words(text, start, end) == expected, (text, start, end)
            searched += vocabulary.zero_words.overlapping.search(text, start, end) is None
            found += expected is not None
    assert searched > 1000 and found > 100  # both ways taken, and words found


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_a_word_ending_inside_a_fee_notice_word_makes_it_scan(version: str) -> None:
    vocabulary = vocabulary_of(version)
    assert vocabulary.zero_words is not None
    notice = next(t for t, w in vocabulary.words.items() if w.kind == "fee_notice")
    hiding = [t for t in vocabulary.words if t != notice and len(t) > 1 and t.endswith(notice[0])]
    for word in hiding:
        text = f"{word}{notice[1:]}{words.FEE_ALL_ZERO[0]}{words.ZERO_WORDS[0]}"
        assert vocabulary.zero_words.overlapping.search(text) is not None
        expected = attrs.evolve(vocabulary, zero_words=None).all_zero_words(text, 0, len(text))
        assert vocabulary.all_zero_words(text, 0, len(text)) == expected
