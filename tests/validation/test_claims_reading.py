"""The shortcuts of the claims grammar's reading (for R15's speed) find what a full reading finds:
candidate sentences, a statement read only up to its last number or negation, subject units."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gi_report import claims
from gi_report.form import TEMPLATES
from gi_report.form import claims as words
from tests.validation.claim_texts import corpus_texts, real_sentences, vocabulary_of


def test_a_unit_after_spaces_counts_when_a_digit_is_before_them() -> None:
    vocabulary = vocabulary_of()
    spaced = "本年度共收到政府信息公开申请 26\n件。"
    assert list(claims.claim_sentences(spaced, vocabulary)) == [
        "本年度共收到政府信息公开申请 26件。"]
    assert list(claims.claim_sentences("本年度共收到政府信息公开申请若干 件。", vocabulary)) == []


def test_candidate_sentences_are_those_a_full_reading_keeps() -> None:
    """claim_sentences on the real reports = every sentence that passes may_claim."""
    vocabulary = vocabulary_of()
    for text in corpus_texts():
        every = [s for s in claims.sentences(text) if vocabulary.may_claim(s)]
        assert list(claims.claim_sentences(text, vocabulary)) == every, text[:40]


_MADE_UP_TEXT = st.lists(st.sampled_from([
    "收到", "政府信息公开申请", "申请", "依申请公开", "规范性文件", "行政复议", "不予公开", "我局",
    "未", "无", "均为", "收费通知", "，", "、", "。", "！", "\n", "\n\n", " ", "2", "26",
    "件", "条", "项", "起", "元", "万元", " 件", " 条", "3 ", "7条", "5件",
]), max_size=30).map("".join)


@given(_MADE_UP_TEXT)
def test_candidate_sentences_of_made_up_text_are_those_may_claim_keeps(text: str) -> None:
    """claim_sentences (which tests a candidate's sentence only for what its candidate does not
    already show) = every sentence that passes may_claim, on texts of units after digits and
    spaces, negations, items, sentence ends and line breaks."""
    vocabulary = vocabulary_of()
    every = [s for s in claims.sentences(text) if vocabulary.may_claim(s)]
    assert list(claims.claim_sentences(text, vocabulary)) == every


def test_reading_stops_at_the_clause_of_the_last_number() -> None:
    vocabulary = vocabulary_of()
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
    vocabulary = vocabulary_of(version)
    sentences = real_sentences()
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
    for subject in (*made_up, *real_sentences()):
        expected = [(m.group(), m.group(1)) for m in lazy.finditer(subject)]
        assert list(claims._named_units(subject)) == expected, subject


@given(st.text(alphabet=st.sampled_from(["a", "字", " ", "\t", "\r", "\n", "\u3000"])))
def test_unwrapping_lines_is_the_wrap_regex_in_linear_time(text: str) -> None:
    """Joining wrapped lines drops each break with the spaces and tabs around it (and a CR
    before it), exactly as ``[ \\t]*\\r?\\n[ \\t]*`` would, but line by line: that regex took
    12 s over a run of 20,000 spaces."""
    assert claims._unwrap(text) == re.sub(r"[ \t]*\r?\n[ \t]*", "", text)


def _three_scans(vocabulary: claims.Vocabulary, sentence: str) -> list[tuple[object, ...]]:
    """The tokens as the grammar found them before its one scan: words, numbers and clause
    marks each by a regex of its own, sorted by where they start."""
    found: list[tuple[object, ...]] = [
        (vocabulary.words[m.group()].kind, m.start(), m.end(), vocabulary.words[m.group()], "",
         "") for m in vocabulary.regex.finditer(sentence)]
    found += [("number", m.start(), m.end(), None, m.group(1), m.group(2))
              for m in claims._NUMBER.finditer(sentence)]
    found += [("stop", m.start(), m.end(), None, "", "") for m in claims._MARK.finditer(sentence)]
    return sorted(found, key=lambda token: token[1])  # type: ignore[return-value]


_TOKEN_TEXT = st.lists(st.sampled_from(
    [*"0123456789,.，：:（）() \u3000件条项起元万%", "部分公开", "区分处理的", "申请", "不予",
     "行政复议", "收费", "其中", "未"]), max_size=40).map("".join)


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_one_scan_finds_the_tokens_of_three(version: str) -> None:
    """Words, numbers (``1,234`` with a stop at its comma) and clause marks (also inside a
    long label that holds some) in one scan, as three scans found them, on the real
    sentences."""
    vocabulary = vocabulary_of(version)
    label = next(w for w in vocabulary.words if claims._MARK.search(w))  # a label with marks
    for sentence in (*real_sentences(), f"{label}1,234件，其中5 件", "共1,2,3件（2）"):
        assert [tuple(t) for t in vocabulary.tokens(sentence)] == \
            _three_scans(vocabulary, sentence), sentence


@given(_TOKEN_TEXT)
def test_one_scan_finds_the_tokens_of_three_on_made_up_text(text: str) -> None:
    vocabulary = vocabulary_of()
    assert [tuple(t) for t in vocabulary.tokens(text)] == _three_scans(vocabulary, text)


def test_no_word_starts_where_a_number_or_a_mark_may_be() -> None:
    """What the one scan relies on, for every layout; a vocabulary that breaks it fails."""
    for version in TEMPLATES:
        vocabulary_of(version)  # built: its words pass
    with pytest.raises(ValueError, match="start inside a number"):
        claims._scan({"件数": claims._Word("outcome")})


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_clauses_left_out_change_no_claim(
        version: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading only the clauses with a number, a negation, a review/litigation word or a
    leading 其中 makes the claims of reading every clause, on every real sentence."""
    vocabulary = vocabulary_of(version)
    sentences = real_sentences()
    agencies = (None, "沭阳县发展和改革局")
    kept = [claims.claims_in(s, vocabulary, a) for s in sentences for a in agencies]

    def every_clause(self: claims.Vocabulary, sentence: str, start: int,
                     end: int) -> list[list[object]]:
        out: list[list[object]] = [[]]
        for token in self.tokens(sentence, start, end):
            if token[0] == "stop":
                out.append([])
            else:
                out[-1].append(token)
        return out

    monkeypatch.setattr(claims.Vocabulary, "clauses", every_clause)
    every = [claims.claims_in(s, vocabulary, a) for s in sentences for a in agencies]
    assert sum(map(len, every)) > 50
    assert kept == every


_ITEMS_TEXT = st.lists(st.sampled_from([
    "全年公开", "申请", "依申请公开", "收到", "受理", "政府信息", "规范性文件", "，", "；", "、",
    "未", "无", "均为", "其中", "不予公开", "行政复议", "收费通知", "实际收取", "我局", "办公室",
    "7条", "12项", "3件", "5起", "100元", "2万元", "0", "43%",
]), max_size=14).map("".join)


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_a_sentence_counting_only_items_without_receipt_makes_no_claim(version: str) -> None:
    """The sentences read_found leaves unread (their only claim numbers count items, with no
    receiving verb and no negation) are those a full reading finds no claim in: every real
    sentence."""
    vocabulary = vocabulary_of(version)
    skipped = 0
    for sentence in real_sentences():
        if claims._items_without_receipt(sentence):
            skipped += 1
            for agency in (None, "沭阳县发展和改革局"):
                assert claims._Reader(vocabulary, sentence, agency).read() == [], sentence
    assert skipped > 5  # the shortcut is taken on real sentences


@given(_ITEMS_TEXT)
def test_a_made_up_sentence_counting_only_items_without_receipt_makes_no_claim(
        sentence: str) -> None:
    vocabulary = vocabulary_of()
    if claims._items_without_receipt(sentence):
        assert claims._Reader(vocabulary, sentence, None).read() == []


def _may_claim_by_definition(vocabulary: claims.Vocabulary, text: str) -> bool:
    """A category word, and a claim number or a negation, or a number of items beside a word of
    applications (what ``may_claim`` tested before its one-search hint)."""
    return vocabulary.anchors.search(text) is not None and (
        claims._NUMBER_WITH_UNIT.search(text) is not None
        or claims._NEGATION.search(text) is not None
        or (claims._NUMBER_OF_ITEMS.search(text) is not None
            and vocabulary.applications_words.search(text) is not None))


@pytest.mark.parametrize("version", sorted(TEMPLATES))
def test_the_hint_rejects_only_what_may_claim_rejects(version: str) -> None:
    vocabulary = vocabulary_of(version)
    kept = 0
    for sentence in real_sentences():
        expected = _may_claim_by_definition(vocabulary, sentence)
        assert vocabulary.may_claim(sentence) == expected, sentence
        kept += expected
    assert kept > 50


@given(_ITEMS_TEXT)
def test_the_hint_rejects_only_what_may_claim_rejects_on_made_up_text(text: str) -> None:
    vocabulary = vocabulary_of()
    assert vocabulary.may_claim(text) == _may_claim_by_definition(vocabulary, text)
