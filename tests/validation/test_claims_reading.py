"""The shortcuts of the claims grammar's reading (for R15's speed) find what a full reading finds:
candidate sentences, a statement read only up to its last number or negation, subject units."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
LABELLED = ROOT / "tests" / "data" / "claims"


def _vocabulary(version: str = "2021") -> claims.Vocabulary:
    spec = TEMPLATES[version]
    return claims.vocabulary(spec.table("applications"), spec.table("review_litigation"),
                             spec.table("proactive"))


def _real_sentences() -> list[str]:
    """Every sentence of the corpus's text reports and of the hand-labelled claims."""
    texts = [p.read_text(encoding="utf-8")
             for p in (*sorted(CORPUS.glob("*.txt")), *sorted((CORPUS / "wild").glob("*.txt")))]
    for path in sorted(LABELLED.glob("*.json")):
        texts += [item["text"] for item in json.loads(path.read_text("utf-8"))["sentences"]]
    return sorted({s for text in texts for s in claims.sentences(text)})


def test_a_unit_after_spaces_counts_when_a_digit_is_before_them() -> None:
    vocabulary = _vocabulary()
    spaced = "本年度共收到政府信息公开申请 26\n件。"
    assert list(claims.claim_sentences(spaced, vocabulary)) == [
        "本年度共收到政府信息公开申请 26件。"]
    assert list(claims.claim_sentences("本年度共收到政府信息公开申请若干 件。", vocabulary)) == []


def test_candidate_sentences_are_those_a_full_reading_keeps() -> None:
    """claim_sentences on the real reports = every sentence that passes may_claim."""
    vocabulary = _vocabulary()
    for path in (*sorted(CORPUS.glob("*.txt")), *sorted((CORPUS / "wild").glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        every = [s for s in claims.sentences(text) if vocabulary.may_claim(s)]
        assert list(claims.claim_sentences(text, vocabulary)) == every, path.name


def test_reading_stops_at_the_clause_of_the_last_number() -> None:
    vocabulary = _vocabulary()
    sentence = "我局共收到政府信息公开申请26件，均已按时答复，申请人无异议"
    assert vocabulary.reading_end(sentence, 0, len(sentence)) == len(sentence)  # 无 is last
    sentence = "我局共收到政府信息公开申请26件，均已按时答复申请人"
    assert vocabulary.reading_end(sentence, 0, len(sentence)) == sentence.index("，")
    no_number = "我局认真做好政府信息公开申请答复工作"
    assert vocabulary.reading_end(no_number, 0, len(no_number)) == len(no_number)
    all_zero = "发出收费通知的件数和总金额以及实际收取的总金额均为0，未出现异议"
    assert vocabulary.reading_end(all_zero, 0, len(all_zero)) == len(all_zero)


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_a_cut_reading_makes_the_claims_of_a_whole_reading(
        version: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """On every real sentence, with and without the agency's name."""
    vocabulary = _vocabulary(version)
    sentences = _real_sentences()
    agencies = (None, "沭阳县发展和改革局")
    cut = [claims.claims_in(s, vocabulary, a) for s in sentences for a in agencies]
    monkeypatch.setattr(claims.Vocabulary, "reading_end",
                        lambda self, sentence, start, end: end)
    whole = [claims.claims_in(s, vocabulary, a) for s in sentences for a in agencies]
    assert sum(map(len, whole)) > 50  # the real sentences make claims
    assert cut == whole


def test_named_units_are_those_of_a_lazy_scan() -> None:
    """Each run of characters is cut after its first unit suffix, as the regex
    ``[一-鿿]*?(suffix)`` would find them, on the real sentences and a few made-up names."""
    lazy = re.compile("[\u4e00-\u9fff]*?(" + "|".join(words.UNIT_SUFFIXES) + ")")
    made_up = ["县发展和改革局政府信息公开", "局办公室代表本局", "市政府办公厅", "2023年度，民政局"]
    for subject in (*made_up, *_real_sentences()):
        expected = [(m.group(), m.group(1)) for m in lazy.finditer(subject)]
        assert list(claims._named_units(subject)) == expected, subject


@given(st.text(alphabet=st.sampled_from(["a", "字", " ", "\t", "\r", "\n", "\u3000"])))
def test_unwrapping_lines_is_the_wrap_regex_in_linear_time(text: str) -> None:
    """Joining wrapped lines drops each break with the spaces and tabs around it (and a CR
    before it), exactly as ``[ \\t]*\\r?\\n[ \\t]*`` would, but line by line: that regex took
    12 s over a run of 20,000 spaces."""
    assert claims._unwrap(text) == re.sub(r"[ \t]*\r?\n[ \t]*", "", text)
