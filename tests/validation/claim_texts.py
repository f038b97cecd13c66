"""The texts the claims reader's shortcut tests read (shared by them): each layout's vocabulary,
the corpus's text reports, and every sentence of those and of the hand-labelled claims."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence

from gi_report import claims
from gi_report.form import TEMPLATES
from tests.corpus import CORPUS

LABELLED = CORPUS.parent / "claims"


def vocabulary_of(version: str = "2021") -> claims.Vocabulary:
    """The claims vocabulary of one template's tables."""
    spec = TEMPLATES[version]
    return claims.vocabulary(spec.table("applications"), spec.table("review_litigation"),
                             spec.table("proactive"))


def corpus_texts() -> list[str]:
    """The corpus's text reports (the development corpus, then the wild ones)."""
    return [p.read_text(encoding="utf-8")
            for p in (*sorted(CORPUS.glob("*.txt")), *sorted((CORPUS / "wild").glob("*.txt")))]


def real_sentences() -> list[str]:
    """Every sentence of the corpus's text reports and of the hand-labelled claims."""
    texts = corpus_texts()
    for path in sorted(LABELLED.glob("*.json")):
        texts += [item["text"] for item in json.loads(path.read_text("utf-8"))["sentences"]]
    return sorted({s for text in texts for s in claims.sentences(text)})


def real_sentences_altered(pool: Sequence[str], rng: random.Random) -> list[str]:
    """Each real sentence, then the same with three words of ``pool`` inserted at random."""
    out: list[str] = []
    for sentence in real_sentences():
        out.append(sentence)
        chars = list(sentence)
        for _ in range(3):
            at = rng.randint(0, len(chars))
            chars[at:at] = rng.choice(pool)
        out.append("".join(chars))
    return out
