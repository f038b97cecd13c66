"""The claims grammar: a narrative sentence read as (subject, category, number) claims.

One regex, built once per layout from the form's labels and :mod:`gi_report.form.claims`, cuts a
sentence into tokens (category words, verbs, joins, 等, 其中, negations, numbers with units,
clause marks). A small interpreter then ties each number to the category before it in its clause:
a list joined by 及/和/、 is a claim about the sum, "X等Y" is the group Y, a 其中 breakdown is read
only for its parts, a negation (未收到申请) states 0. A claim whose subject is not the agency as a
whole (an office, a sub-unit, a period, a channel) or whose category is not certain is dropped,
never guessed. R15 (:mod:`gi_report.validation.narrative`) compares the claims with the tables; the
importer reads the section-六 fees from the same claims (:mod:`gi_report.importers.fees`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

import attrs

from gi_report.form import claims as words
from gi_report.form.spec import ColumnSpec, RowTotal, TableSpec

Ref = tuple[str, str, str]
"""A value a claim refers to: (table id, row id, column id), or ("other_matters", role, "")."""
Alternatives = tuple[tuple[Ref, ...], ...]
"""Ways the tables can express a claimed number: each a sum of refs; one of them must match."""

FEE_ROLES = ("count", "amount", "collected")
"""The section-六 fee fields, in the template's order (notices count, notices amount, collected)."""


@attrs.frozen
class Claim:
    """A number the text states about a quantity, and the ways the tables can express it."""

    said: str  #: the words of the claim, as written
    number: str | None  #: the digits as written (``None``: a negation, i.e. 0)
    unit: str  #: the unit word as written (件, 元, 万元…; empty for a negation)
    amount: bool  #: the number is an amount (decimal), not a count
    alternatives: Alternatives
    sentence: str


@attrs.frozen
class _Word:
    kind: str
    key: str = ""  #: row, group or column id
    group: str = ""  #: for an outcome row: its group
    refs: tuple[Ref, ...] = ()


class Found(NamedTuple):
    """A claim as the reader finds it: what :class:`Claim` holds, with its words as a span of
    the sentence (cut out only when a :class:`Claim` is made)."""

    alternatives: Alternatives
    number: str | None  #: the digits as written (``None``: a negation, i.e. 0)
    unit: str
    amount: bool
    start: int  #: where the claim's words start in the sentence
    end: int


FoundTuple = tuple[Alternatives, "str | None", str, bool, int, int]
"""A :class:`Found` as a plain tuple, its fields in the same order (made several times
faster than the named tuple; R15 reads the fields by index and makes a :class:`Found` only
for a claim the tables do not confirm)."""

Settled = Callable[[str, int, int], bool]
"""Whether every claim the negations of a statement can make (its claims are theirs alone)
agrees with the tables: called as ``settled(sentence, start, end)``, where ``start`` is the
statement's first negation (every token a negation governs follows it) and ``end`` the
statement's end."""

_Token = tuple[str, int, int, "_Word | None", str, str]
"""A token: (kind, start, end, word, digits, unit) — a plain tuple (made and read faster than
a named one; a sentence has a few dozen): the word for a word of the vocabulary, the digits
and unit word for a number (kind ``number``), ``None`` and empty strings otherwise."""


_CATEGORY = frozenset({"outcome", "applicant", "review", "litig", "rcol", "prow", "fwd", "from",
                       "fee_notice", "fee_amount", "fee_collect", "fee_word", "anaphor"})
_CASE_KINDS = frozenset({"review", "litig"})
_CLAIMING_KINDS = frozenset({"applicant", "outcome", "review", "litig", "fwd", "from", "prow",
                             "fee_notice", "fee_amount", "fee_collect", "recv", "done", "neg"})
"""The kinds of word a statement needs to make a claim: every reading of a number needs one
(an applicant, an outcome, a review or litigation, carried forward or over, a document row, a
fee figure, a receiving or handling verb; the topic of cases, a list's verb and the fee topic
come from them too), the all-zero fee statement needs a fee-notice word, and a negation is
one (what it governs: 申请, a fee word, … are read only after it)."""
_ACTIVE_KINDS = frozenset({"number", "neg", "review", "litig"})
"""The tokens that make a clause one a reading acts on (besides a 其中 starting it)."""
_FEE_KINDS = frozenset({"fee_notice", "fee_amount", "fee_collect"})
_CLAUSE_END = "，,；;：:（）()"
_STATEMENT_END = "；;"
_WIDE_SEMICOLON, _SEMICOLON = _STATEMENT_END[0], _STATEMENT_END[1]
_UNITS = sorted({u for units in words.CLAIM_UNITS.values() for u in units} | {"%", "％"},
                key=len, reverse=True)
_UNIT = "|".join(re.escape(u) for u in _UNITS)
_NUMBER_REST = rf"[0-9,]*(?:\.[0-9]+)?)\s*({_UNIT}|)"
"""A number after its first digit: the rest of its digits (group 1 ends), then its unit."""
_NUMBER = re.compile(rf"([0-9]{_NUMBER_REST}")
_ITEM_UNITS = frozenset(words.CLAIM_UNITS["application"]) - frozenset(
    u for kind, units in words.CLAIM_UNITS.items() if kind != "application" for u in units)
_NUMBER_WITH_UNIT = re.compile(
    "[0-9]\\s*(?:" + "|".join(sorted({u for us in words.CLAIM_UNITS.values() for u in us
                                       if u not in _ITEM_UNITS}, key=len, reverse=True)) + ")")
_NUMBER_OF_ITEMS = re.compile("[0-9]\\s*(?:" + "|".join(sorted(_ITEM_UNITS)) + ")")
_NEGATION = re.compile("|".join((*words.NEGATIONS, *words.FEE_ALL_ZERO)))
_DIGITS = "0123456789"
_CLAIM_NUMBER_OR_NEGATION_BRANCHES = (
    *(d + _NUMBER_WITH_UNIT.pattern[len("[0-9]"):] for d in _DIGITS), _NEGATION.pattern)
_CLAIM_NUMBER_OR_NEGATION = re.compile("|".join(_CLAIM_NUMBER_OR_NEGATION_BRANCHES))
""":data:`_NUMBER_WITH_UNIT` or :data:`_NEGATION` in one search (each branch starts with a
literal, so the regex engine skips the characters none starts with)."""
_QUOTED = re.compile(r"《[^》]*》|〈[^〉]*〉|<[^>]*>|（[^）]*）|\([^)]*\)|“[^”]*”|\"[^\"]*\"")
_MARK_CHARS = _CLAUSE_END.replace("；", "").replace(";", "")
_MARK = re.compile(f"[{re.escape(_MARK_CHARS)}]")
_LAST_NUMBER_OR_NEGATION = re.compile(
    "(?s).*[0-9" + "".join(sorted({w[0] for w in words.NEGATIONS})) + "]")
"""Matches up to the last digit or first character of a negation."""
_CUT = re.compile(f"[{re.escape(_CLAUSE_END.replace('；', '').replace(';', '').replace(',', ''))}]")
"""The clause marks a reading may stop at (not an ASCII comma, which may be inside a number)."""


_STATEMENT = re.compile(f"[^{_STATEMENT_END}]+")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．])")


def without_numbering(label: str) -> str:
    """A label without its item number, as narratives write it: ``（三）<label>`` → ``<label>``."""
    return _NUMBERING.sub("", label, count=1)


@attrs.frozen(eq=False)
class Vocabulary:
    """The tokenizer and the form's categories of one combination of table layouts."""

    regex: re.Pattern[str]  #: the words, longest first at each position
    anchors: re.Pattern[str]  #: the category words: a sentence without one makes no claim
    applications_words: re.Pattern[str]  #: the words that make a sentence about applications
    words: dict[str, _Word]
    applications: str  #: the applications table id
    all_applicant_columns: frozenset[str]
    read_whole: re.Pattern[str]
    """The words that keep a statement from being cut: those holding a clause mark (a long
    label), and 均为 (…均为0 speaks of the whole statement)."""
    hint: re.Pattern[str]
    """A claim number, a negation or a word of applications: a text without one cannot make a
    claim (one search rejects most texts :meth:`may_claim` rejects)."""
    scan: re.Pattern[str]
    """Words, numbers and clause marks in one pass (no word starts where a number or a mark
    may be, so one leftmost scan finds what three separate scans would). The marks and digits
    come first: the regex engine tries the alternatives in order, and they are the commonest."""
    inner_stops: dict[str, tuple[int, ...]]
    """Where the clause marks are inside a word that holds some (a long label)."""
    zero_words: _ZeroWords | None = None
    """The searches that find the words :meth:`all_zero_words` looks for without the scan
    (``None``: a word of theirs may hold a digit, a unit or a mark; always scan)."""
    negations: _Negations | None = None
    """The searches that find the negations of a statement without the scan, for
    :meth:`_Reader._streamed_negation` (``None``: a negation word may hold a digit, a unit or
    a mark)."""
    negation_groups: tuple[NegationGroup, ...] = ()
    """What the negations can claim, by the kind of category they govern (see
    :class:`NegationGroup`)."""
    claimable: re.Pattern[str] = attrs.field(factory=lambda: re.compile("(?:)"))
    """The words of :data:`_CLAIMING_KINDS`: a statement without one makes no claim, so it is
    not read (one search before the grammar)."""
    seen: dict[str, tuple[str, _Word, bool, bool]] = attrs.field(init=False)
    """Each word with its kind, whether it holds a clause mark, and whether it makes its
    clause one a reading acts on (for :meth:`clauses`)."""
    applicant_refs: dict[tuple[str, ...], tuple[tuple[Ref, ...], tuple[Ref, ...]]] = \
        attrs.field(init=False, factory=dict)
    """The cells of a claim about applicants by the keys of the applicant words named (this
    year's, and with those carried over): a function of the form's words, worked out once per
    combination (at most :data:`_REMEMBERED_COMBINATIONS`)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "seen", {
            text: (word.kind, word, text in self.inner_stops, word.kind in _ACTIVE_KINDS)
            for text, word in self.words.items()})

    def tokens(self, sentence: str, start: int = 0, end: int | None = None) -> list[_Token]:
        """The tokens of ``sentence[start:end]``, left to right (longest word first at each
        position), with positions in the sentence. A clause mark inside a word or a number
        (``1,234``) is a stop of its own too, right after it."""
        end = len(sentence) if end is None else end
        words_of, inner_stops = self.words, self.inner_stops
        out: list[_Token] = []
        append = out.append
        for m in self.scan.finditer(sentence, start, end):
            text = m[0]
            at, after = m.span()
            word = words_of.get(text)
            if word is not None:
                append((word.kind, at, after, word, "", ""))
                if text in inner_stops:
                    out += [("stop", at + i, at + i + 1, None, "", "")
                            for i in inner_stops[text]]
            elif text[0] in _DIGITS:
                digits, unit = _number_parts(text)
                append(("number", at, after, None, digits, unit))
                if "," in digits:
                    out += [("stop", at + i, at + i + 1, None, "", "")
                            for i, c in enumerate(digits) if c == ","]
            else:
                append(("stop", at, after, None, "", ""))
        return out

    def all_zero_words(self, sentence: str, start: int, end: int) -> tuple[int, int] | None:
        """Where the first fee-notice word of ``sentence[start:end]`` starts and its first
        all-zero word (均为) ends, as :meth:`tokens` finds them (``None``: it lacks one). The
        words are looked up without making the tokens, and the scan stops once both are
        found. A statement holding no word that could hide or swallow one of them (see
        :class:`_ZeroWords`) needs no scan: their first occurrences are their first tokens."""
        zero_words = self.zero_words
        if zero_words is not None and zero_words.overlapping.search(sentence, start, end) is None:
            first = zero_words.notice.search(sentence, start, end)
            zeros = zero_words.zero.search(sentence, start, end)
            return None if first is None or zeros is None else (first.start(), zeros.end())
        seen = self.seen
        notice = zero = -1
        for m in self.scan.finditer(sentence, start, end):
            known = seen.get(m[0])
            if known is None:
                continue
            if known[0] == "allzero" and zero < 0:
                zero = m.end()
            elif known[0] == "fee_notice" and notice < 0:
                notice = m.start()
            if notice >= 0 and zero >= 0:
                return notice, zero
        return None

    def reach_rest(self, tokens: Iterator[re.Match[str]], limit: int) -> list[_Token]:
        """The rest of a negation's reach from the running scan ``tokens`` (the matches after
        the token just read), as :meth:`clauses` finds them: up to the first token that starts
        after ``limit`` (20 characters after the negation) or is a number (a negation's reading
        stops there), or to the clause's end (a mark; a word holding one)."""
        seen = self.seen
        out: list[_Token] = []
        for m in tokens:
            text = m[0]
            at, after = m.span()
            known = seen.get(text)
            if known is not None:  # a word: its kind; whether it holds a mark (ends the clause)
                out.append((known[0], at, after, known[1], "", ""))
                if known[2] or at > limit:
                    break
            else:  # a number (the reading stops at it) or a clause mark
                if text[0] in _DIGITS:
                    digits, unit = _number_parts(text)
                    out.append(("number", at, after, None, digits, unit))
                break
        return out

    def clauses(self, sentence: str, start: int, end: int) -> list[list[_Token]]:
        """The clauses of ``sentence[start:end]`` (the tokens between clause marks, as
        :meth:`tokens` finds them, without the stops) that a reading acts on: those with a
        number, a negation or a review/litigation word, or that start with 其中. The others
        change no claim and no state of the reading, so they are left out."""
        seen = self.seen
        out: list[list[_Token]] = []
        clause: list[_Token] = []
        active = False
        for m in self.scan.finditer(sentence, start, end):
            text = m[0]
            known = seen.get(text)
            if known is not None:  # a word: its kind, whether it holds a mark, or acts
                kind, word, closes, acts = known
                at, after = m.span()
                clause.append((kind, at, after, word, "", ""))
                active = active or acts
            elif text[0] in _DIGITS:  # _number_parts, inlined (the commonest token after words)
                rest = text.lstrip(_NUMBER_CHARS)
                digits, unit = text[:len(text) - len(rest)], rest.lstrip()
                at, after = m.span()
                clause.append(("number", at, after, None, digits, unit))
                closes, active = "," in digits, True
            else:
                closes = True
            if closes:
                if active or (clause and clause[0][0] == "breakdown"):
                    out.append(clause)
                clause, active = [], False
        if active or (clause and clause[0][0] == "breakdown"):
            out.append(clause)
        return out

    def applicant_cells(self, named: tuple[str, ...]) -> tuple[tuple[Ref, ...],
                                                                tuple[Ref, ...]]:
        """The cells of a claim about the applicants of the word keys ``named`` (see
        :attr:`applicant_refs`): each column they name once, or the total when they name every
        column; this year's, then this year's with those carried over."""
        columns = tuple(dict.fromkeys(c for key in named for c in key.split(",")))
        if set(columns) == self.all_applicant_columns:
            columns = ("total",)
        this_year = tuple((self.applications, "new_this_year", c) for c in columns)
        carried = tuple((self.applications, "carried_from_last_year", c) for c in columns)
        if len(self.applicant_refs) >= _REMEMBERED_COMBINATIONS:
            self.applicant_refs.clear()
        refs = self.applicant_refs[named] = (this_year, this_year + carried)
        return refs

    def reading_end(self, sentence: str, start: int, end: int) -> int:
        """Where reading ``sentence[start:end]`` may stop: the end of the clause of its last
        digit or negation (the clauses after it state no number, so they change no claim).
        The whole statement when it may say all fees are 0, or when a word of the vocabulary
        holds a clause mark (the cut could split it); a cut is never an ASCII comma (1,234)."""
        last = _LAST_NUMBER_OR_NEGATION.match(sentence, start, end)
        if last is None:
            return end
        cut = _CUT.search(sentence, last.end(), end)
        if cut is None or self.read_whole.search(sentence) is not None:
            return end
        return cut.start()

    def may_claim(self, text: str) -> bool:
        """Whether a text can make a claim: a category word and a number with a claim unit, or
        a negation (a cheap test before the tokens; 条 counts only beside 申请)."""
        return self.may_claim_in(text, 0, len(text))

    def may_claim_in(self, text: str, start: int, end: int) -> bool:
        """:meth:`may_claim` of ``text[start:end]``, without cutting it out. A text with no
        claim number, negation or word of applications fails the tests below whatever its
        category words: one search (:attr:`hint`) tells most such texts first."""
        if self.hint.search(text, start, end) is None \
                or self.anchors.search(text, start, end) is None:
            return False
        return (_NUMBER_WITH_UNIT.search(text, start, end) is not None
                or _NEGATION.search(text, start, end) is not None
                or (_NUMBER_OF_ITEMS.search(text, start, end) is not None
                    and self.applications_words.search(text, start, end) is not None))


class _ZeroWords(NamedTuple):
    """The words of fee notices (收费通知) and of all-zero statements (均为), each kind as one
    search, and the other words of the vocabulary that overlap one of them: those holding one,
    and those ending inside one (实收 before 收费通知). In a text without the latter, no token
    of the scan can cover an occurrence of the former (their words hold no digit, unit or
    mark, so no number or mark token can either), and at its start the scan takes that word
    (no longer word starts there): each occurrence is a token, the first the first token."""

    notice: re.Pattern[str]
    zero: re.Pattern[str]
    overlapping: re.Pattern[str]


def _zero_words(table: dict[str, _Word]) -> _ZeroWords | None:
    """The :class:`_ZeroWords` of a vocabulary (``None`` when a word of either kind holds a
    character a number or a mark may hold, or either kind has no word)."""
    notice = [t for t, w in table.items() if w.kind == "fee_notice"]
    zero = [t for t, w in table.items() if w.kind == "allzero"]
    targets = (*notice, *zero)
    if not notice or not zero or any(_NUMBER_STARTS.search(t) for t in targets):
        return None
    overlapping = [w for w in table if any(_overlaps(w, t) for t in targets)]
    return _ZeroWords(re.compile(_trie(notice)), re.compile(_trie(zero)),
                      re.compile(_trie(overlapping)) if overlapping else _NEVER)


def _overlaps(word: str, target: str) -> bool:
    """Whether ``word`` (another word than ``target``) holds ``target`` or ends inside it."""
    if word == target:
        return False
    return target in word or any(len(word) > k and word.endswith(target[:k])
                                 for k in range(1, len(target)))


_NEVER = re.compile("(?!)")
"""A search that finds nothing."""


class _Negations(NamedTuple):
    """The negation words (未, 无 …) as one search, and one search for what keeps a statement
    from being read from them alone: the other words that overlap one (hold it, or end inside
    it: an outcome row's label may), and a number with a claim unit (or what could be one;
    each branch starts with a literal, so the regex engine skips the other characters fast).
    In a statement without either, every occurrence of a negation word is a negation token (as
    for :class:`_ZeroWords`), and the statement's claims are its negations' alone: every other
    claim needs a number with a unit, and so do the readings that use the state a clause
    leaves (the topic of cases, a list's verb, the fee topic). Each negation is then read from
    the tokens after it (:meth:`_Reader._streamed_negation`), the statement is not scanned
    whole."""

    words: re.Pattern[str]
    blocking: re.Pattern[str]
    plain: re.Pattern[str]
    """:attr:`blocking` or an all-zero word (均为), in one search: a statement without either is
    read from its negations at once, with no cut (:meth:`Vocabulary.reading_end`) and no
    all-zero test. Exact: its negations all start before the cut (the cut follows the last
    negation's first character) and hold no mark; each negation's tokens stop at the cut's
    clause mark, which no token can cover (a word holding a mark keeps a statement from being
    cut); and without 均为 the all-zero test fails."""


def _negations(table: dict[str, _Word]) -> _Negations | None:
    """The :class:`_Negations` of a vocabulary (``None`` when a negation word holds a character
    a number or a mark may hold, or there is none)."""
    negations = [t for t, w in table.items() if w.kind == "neg"]
    if not negations or any(_NUMBER_STARTS.search(t) for t in negations):
        return None
    overlapping = [w for w in table if any(_overlaps(w, t) for t in negations)]
    units = sorted({u for us in words.CLAIM_UNITS.values() for u in us}, key=len, reverse=True)
    numbered = (f"{d}[0-9,.]*\\s*(?:{'|'.join(map(re.escape, units))})" for d in _DIGITS)
    blocking = "|".join((*numbered, *_trie_branches(overlapping)))
    return _Negations(re.compile(_trie(negations)), re.compile(blocking),
                      re.compile("|".join((blocking, *_trie_branches(words.FEE_ALL_ZERO)))))


class NegationGroup(NamedTuple):
    """The claims the negations can make about one kind of category (applications received,
    documents, cases, fees collected): a search for the words such a claim needs after its
    negation (the token the negation governs is one of them), and every cell such a claim
    can name. Each of these claims states 0; so, when every cell of each group whose words a
    statement holds is stated 0, no claim its negations make can disagree with the tables
    (R15 then need not read it: :func:`read_found_tuples`' ``settled``)."""

    words: re.Pattern[str]
    refs: tuple[Ref, ...]


def _negation_groups(table: dict[str, _Word], applications: str) -> tuple[NegationGroup, ...]:
    """The :class:`NegationGroup` of each kind of category a negation claims about (see
    :meth:`_Reader._negated`): applications (this year's received), a verb of documents
    (the rows' cells in its column), a review or litigation (their rows), a fee collected."""
    def search(*kinds: str) -> re.Pattern[str]:
        return re.compile(_trie(t for t, w in table.items() if w.kind in kinds) or "(?:)")

    rows = sorted({w.key for w in table.values() if w.kind == "prow"})
    verbs = sorted({w.key for w in table.values() if w.kind == "pverb"})
    cases = tuple(dict.fromkeys(r for w in table.values() if w.kind in _CASE_KINDS
                                for r in w.refs))
    return (
        NegationGroup(search("app"), ((applications, "new_this_year", "total"),)),
        NegationGroup(search("pverb"), tuple(("proactive", r, v) for r in rows for v in verbs)),
        NegationGroup(search(*_CASE_KINDS), cases),
        NegationGroup(search("fee_collect", "fee_word"), (("other_matters", "collected", ""),)),
    )


_NUMBER_CHARS = "0123456789,."
_REMEMBERED_COMBINATIONS = 1024
"""How many combinations of applicant words a vocabulary remembers the cells of."""


def _number_parts(text: str) -> tuple[str, str]:
    """The digits and unit word of a number the scan matched (digits, spaces, unit): the
    digits hold only digits, commas and a point, the unit none of them, so string strips cut
    them apart (no second regex match)."""
    rest = text.lstrip(_NUMBER_CHARS)
    return text[:len(text) - len(rest)], rest.lstrip()


_new = tuple.__new__
"""Makes a token from its fields without the Python-level ``NamedTuple.__new__``."""


def _trie(texts: Iterable[str]) -> str:
    """One regex matching any of ``texts``, longest first, with shared prefixes factored out
    (``收(?:费通知|费|取|到)``): the regex engine tries each first character once."""
    return _below(_root(texts))


def _trie_branches(texts: Iterable[str]) -> list[str]:
    """The alternatives of :func:`_trie`, one per first character, to be joined with others at
    the top of a regex: each starts with a literal, so the regex engine skips the characters no
    alternative starts with (a group among them makes it try the regex at every character)."""
    return _branches(_root(texts))


def _root(texts: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The trie of ``texts``: a node per character, ``""`` marking the end of a text."""
    root: dict[str, dict[str, Any]] = {}
    for text in texts:
        node = root
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _branches(node: dict[str, dict[str, Any]]) -> list[str]:
    """The alternatives below a node of a trie, longest first at each step."""
    return [re.escape(c) + _below(sub) for c, sub in node.items() if c]


def _below(node: dict[str, dict[str, Any]]) -> str:
    branches = _branches(node)
    if not branches:
        return ""
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if "" in node else body


def _add(table: dict[str, _Word], text: str, word: _Word) -> None:
    if text and text not in table:
        table[text] = word


@functools.cache
def vocabulary(applications: TableSpec, review: TableSpec, proactive: TableSpec) -> Vocabulary:
    """The vocabulary of one combination of layouts (cached: layouts are hashable)."""
    table: dict[str, _Word] = {}
    _add_outcome_rows(table, applications)
    _add_outcome_groups(table, applications)
    columns = _add_applicants(table, applications)
    _add_review_litigation(table, review)
    _add_proactive(table, proactive)
    _add_grammar_words(table)
    return _compiled(table, applications.id, columns)


def _add_outcome_rows(table: dict[str, _Word], applications: TableSpec) -> None:
    """The outcome rows of section 三 (the parts of the results total): their labels (4
    characters or more, without numbering), then their short words."""
    results = next(d for d in applications.declarations if isinstance(d, RowTotal))
    parts = set(results.parts)
    for row in applications.rows:
        if row.id not in parts:
            continue
        word = _Word("outcome", key=row.id, group=row.group or "",
                     refs=((applications.id, row.id, "total"),))
        for label in (row.label, *row.aliases):
            text = without_numbering(label)
            if len(text) >= 4:
                _add(table, text, word)
        for text in (*words.OUTCOME_ALIASES.get(row.id, ()), *words.ROW_WORDS.get(row.id, ())):
            _add(table, text, word)


def _add_outcome_groups(table: dict[str, _Word], applications: TableSpec) -> None:
    """The outcome groups of section 三 (a claim about a group is about its rows' sum)."""
    parts = set(next(d for d in applications.declarations if isinstance(d, RowTotal)).parts)
    for group in applications.groups:
        group_refs = tuple((applications.id, r.id, "total")
                           for r in applications.rows_in_group(group.id) if r.id in parts)
        if group.parent is None or not group_refs:
            continue
        word = _Word("outcome", key=group.id, refs=group_refs)
        for label in (group.label, *group.aliases):
            _add(table, without_numbering(label), word)
        for text in words.GROUP_ALIASES.get(group.id, ()):
            _add(table, text, word)


def _add_applicants(table: dict[str, _Word], applications: TableSpec) -> list[ColumnSpec]:
    """The applicant columns, singly or by their shared header (the organisations)."""
    by_header: dict[str, list[str]] = {}
    columns = [c for c in applications.columns if c.id != "total"]
    for column in columns:
        if len(column.label) >= 3:
            _add(table, column.label, _Word("applicant", key=column.id))
        for alias in words.APPLICANT_ALIASES.get(column.id, ()):
            _add(table, alias, _Word("applicant", key=column.id))
        if len(column.header_path) >= 2:
            by_header.setdefault(column.header_path[-1], []).append(column.id)
    for header, ids in by_header.items():
        for text in (header, *words.APPLICANT_HEADER_ALIASES):
            _add(table, text, _Word("applicant", key=",".join(ids)))
    return columns


def _add_review_litigation(table: dict[str, _Word], review: TableSpec) -> None:
    """Administrative review (the row without a group), litigation (the rows of its group),
    and their result columns."""
    review_row = next(r for r in review.rows if r.group is None)
    litigation_rows = tuple(r for r in review.rows if r.group is not None)
    litigation = review.group(litigation_rows[0].group or "")
    _add(table, review_row.label, _Word("review", refs=((review.id, review_row.id, "total"),)))
    litigation_refs = tuple((review.id, r.id, "total") for r in litigation_rows)
    for text in (litigation.label, *litigation.aliases, *words.LITIGATION_SHORT):
        _add(table, text, _Word("litig", refs=litigation_refs))
    for column in review.columns:
        if column.id == "total":
            continue
        for text in (column.label, *column.aliases, *words.REVIEW_RESULT_WORDS.get(column.id, ())):
            _add(table, text, _Word("rcol", key=column.id))


def _add_proactive(table: dict[str, _Word], proactive: TableSpec) -> None:
    """Section 二: the rows of article 20(1), and the verbs of the columns they fill."""
    documents = [r for r in proactive.rows if r.group == "art20_1"]
    for document in documents:
        for text in (document.label, *document.aliases):
            _add(table, text, _Word("prow", key=document.id))
    proactive_columns = [c for c in proactive.columns
                         if any(c.id in r.columns for r in documents)]
    for key, verbs in words.PROACTIVE_VERBS:
        column_id = next((c.id for c in proactive_columns if key in c.label), None)
        for verb in verbs if column_id is not None else ():
            _add(table, verb, _Word("pverb", key=column_id or ""))


_GRAMMAR_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fwd", words.CARRIED_FORWARD), ("from", words.CARRIED_FROM_LAST_YEAR),
    ("fee_notice", words.FEE_NOTICE), ("fee_amount", words.FEE_AMOUNT),
    ("fee_collect", words.FEE_COLLECTED), ("fee_word", words.FEE_WORDS),
    ("rate", words.FEE_RATE_WORDS), ("allzero", words.FEE_ALL_ZERO),
    ("anaphor", words.ANAPHORS), ("hint", words.REVIEW_OUTCOME_HINTS),
    ("shun", words.SHUN), ("recv", words.RECEIVED), ("done", words.HANDLED),
    ("app", words.APPLICATION), ("breakdown", words.BREAKDOWN), ("etc", words.ETC),
    ("join", words.JOINS), ("neg", words.NEGATIONS), ("negverb", words.NEGATION_VERBS),
)
"""The words that are not the form's: verbs, fee words, grammar words, by kind."""


def _add_grammar_words(table: dict[str, _Word]) -> None:
    """Everything else: verbs, fee words, grammar words (after the form's, which win)."""
    for kind, texts in _GRAMMAR_WORDS:
        for text in texts:
            _add(table, text, _Word(kind))


def _compiled(table: dict[str, _Word], applications: str,
              columns: Sequence[ColumnSpec]) -> Vocabulary:
    """The vocabulary's regexes: every word; the category words (anchors) that contain no
    other; the words of applications."""
    regex = re.compile(_trie(table))
    category = [t for t in table if table[t].kind in _CATEGORY or table[t].kind == "app"]
    anchors = [t for t in category if not any(a != t and a in t for a in category)]
    anchor_regex = re.compile(_trie(anchors))
    application_texts = [t for t in table if table[t].kind in ("app", "applicant")]
    applications_words = re.compile(_trie(application_texts))
    hint = re.compile("|".join((*_CLAIM_NUMBER_OR_NEGATION_BRANCHES,
                                *_trie_branches(application_texts))))
    return Vocabulary(regex=regex, anchors=anchor_regex, applications_words=applications_words,
                      words=table, applications=applications,
                      all_applicant_columns=frozenset(c.id for c in columns),
                      read_whole=re.compile(_trie((*(t for t in table if _MARK.search(t)),
                                                   *words.FEE_ALL_ZERO))),
                      hint=hint, scan=_scan(table), inner_stops=_inner_stops(table),
                      zero_words=_zero_words(table), negations=_negations(table),
                      negation_groups=_negation_groups(table, applications),
                      claimable=re.compile(_trie(t for t in table
                                                 if table[t].kind in _CLAIMING_KINDS)))


def _inner_stops(table: dict[str, _Word]) -> dict[str, tuple[int, ...]]:
    """Where the clause marks are in each word that holds some."""
    return {t: tuple(m.start() for m in _MARK.finditer(t)) for t in table if _MARK.search(t)}


_NUMBER_STARTS = re.compile(rf"[0-9,.\s{re.escape(''.join(_UNITS))}]|{_MARK.pattern}")
"""The characters a number or a clause mark may hold: no word may start with one."""


def _scan(table: dict[str, _Word]) -> re.Pattern[str]:
    """The one regex of :meth:`Vocabulary.tokens`: the words (longest first), a number with
    its unit, or a clause mark."""
    starting = sorted(t for t in table if _NUMBER_STARTS.match(t))
    if starting:  # a word there could start inside a number: one scan would miss it
        raise ValueError(f"claims vocabulary words start inside a number or mark: {starting}")
    number = "(?:" + _NUMBER_REST.replace(f"({_UNIT}|)", f"(?:{_UNIT}|)")
    root = _root(table)
    first = sorted((c for c in root if c), key=lambda c: _scan_rank(table, c))
    return re.compile("|".join((*(re.escape(c) for c in _MARK_CHARS),
                                *(d + number for d in _DIGITS),
                                *(re.escape(c) + _below(root[c]) for c in first))))


_COMMON_KINDS = ("join", "app", "recv", "done", "neg", "negverb", "pverb", "prow", "etc",
                 "breakdown", "fee_word", "fee_collect", "fee_notice", "fee_amount")
"""The kinds of word the corpus's claim sentences hold most, commonest first. The regex engine
tries the top-level alternatives of the scan in turn at each character that starts one, so
their branches come first (each branch has its own first character, so the order changes no
match; measured on the corpus's claim sentences, 12% less time in the scan)."""


def _scan_rank(table: dict[str, _Word], char: str) -> int:
    """Where the branch of the words starting with ``char`` goes in the scan: by the commonest
    kind among them (:data:`_COMMON_KINDS`), the others after, in the vocabulary's order."""
    kinds = {w.kind for t, w in table.items() if t[0] == char}
    return min((_COMMON_KINDS.index(k) for k in kinds if k in _COMMON_KINDS),
               default=len(_COMMON_KINDS))


# --- reading one sentence -------------------------------------------------------------------------


_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_PARAGRAPH = re.compile(r"\n[ \t\u3000]*\n")


def _unwrap(paragraph: str) -> str:
    """The paragraph's lines joined, dropping each line break with the spaces and tabs around it
    (and a CR before it). Done line by line: the regex ``[ \t]*\r?\n[ \t]*`` backtracks over a
    long run of spaces in quadratic time (20,000 spaces took 12 s)."""
    if "\n" not in paragraph:
        return paragraph
    lines = paragraph.split("\n")
    last = len(lines) - 1
    joined = []
    for number, line in enumerate(lines):
        if number < last:  # before a break: the spaces and tabs, and a CR right before it
            line = line[:-1].rstrip(" \t") if line.endswith("\r") else line.rstrip(" \t")
        if number > 0:  # after a break: the spaces and tabs
            line = line.lstrip(" \t")
        joined.append(line)
    return "".join(joined)


def sentences(text: str) -> Iterator[str]:
    """The sentences of a text: split at 。！？ and blank lines; single line breaks (wrapped
    lines of a PDF) are joined."""
    for paragraph in _PARAGRAPH.split(text):
        for m in _SENTENCE.finditer(_unwrap(paragraph)):
            sentence = m.group(0).strip()
            if sentence:
                yield sentence


_ENDS = "。！？!?"
_END = re.compile(f"[{_ENDS}]")
_LAST_END = re.compile(f"(?s).*[{_ENDS}]")
"""Matches up to the last sentence end (greedy, in one call)."""


def _candidate_pattern() -> re.Pattern[str]:
    """Where a claim may be: a claim unit right after a digit, a claim unit after a space (the
    empty group tells, and :func:`_after_digit` checks the digit), or a negation. Every branch
    starts with a literal character, so the regex engine skips the rest in one fast loop."""
    units = [re.escape(u) for u in sorted({u for us in words.CLAIM_UNITS.values() for u in us},
                                          key=len, reverse=True)]
    after_digit = [f"{u}(?<=[0-9]{u})" for u in units]
    after_space = [f"{u}(?<=\\s{u})()" for u in units]
    return re.compile("|".join((*after_digit, *after_space, *words.NEGATIONS,
                                *words.FEE_ALL_ZERO)))


_CANDIDATE = CANDIDATE = _candidate_pattern()
"""Where a claim may be (:func:`_candidate_pattern`): a text without one has no claim sentence."""


def _after_digit(text: str, at: int) -> bool:
    """Whether the spaces ending at ``at`` follow a digit (a unit written ``3 件``). Walked
    back over the spaces (copying the text before them, as ``rstrip`` would, takes a time that
    grows with the text for each such unit)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] in _DIGITS


def claim_sentences(text: str, vocabulary: Vocabulary) -> Iterator[str]:
    """The sentences of ``text`` (as :func:`sentences` cuts them) that may make a claim, found
    from the numbers and negations of the text rather than by reading every sentence: from
    each candidate, its sentence is read and the search goes on after it. Of the tests of
    :meth:`Vocabulary.may_claim_in`, what the candidate is passes some: a sentence found by a
    claim number or a negation needs only a category word; one found by a number of items
    (which is itself the last test's number of items) needs the hint and a category word."""
    for sentence, _ in marked_claim_sentences(text, vocabulary):
        yield sentence


def marked_claim_sentences(text: str, vocabulary: Vocabulary,
                           first: re.Match[str] | None = None) -> list[tuple[str, bool]]:
    """:func:`claim_sentences`, each with whether it was found by a claim number or a
    negation, which it then holds: :func:`read_found_tuples` need not look for one
    (``counted=True``). A sentence cut from lines joined is not marked (its candidate may be
    in another line's sentence). A list, made in one loop (R15 calls it once per text; most
    texts have no candidate). ``first``: the text's first candidate (``CANDIDATE.search(text)``),
    when the caller has looked for it already."""
    return _candidate_sentences(text, vocabulary, first, pass_items=False)


def _candidate_sentences(text: str, vocabulary: Vocabulary, first: re.Match[str] | None,
                         pass_items: bool) -> list[tuple[str, bool]]:
    """The loop of :func:`marked_claim_sentences` and, with ``pass_items``, of
    :func:`compared_sentences` (candidates counting items go to :func:`_items_from`)."""
    out: list[tuple[str, bool]] = []
    done = pos = 0
    search = _CANDIDATE.search
    m = first if first is not None else search(text)
    while m is not None:
        at = m.start()
        if m.lastindex is not None and not _after_digit(text, at):
            pos = m.end()  # a unit after spaces that follow no digit: search on
        elif pass_items and m[0] in _ITEM_UNITS:
            done = pos = _items_from(text, vocabulary, done, at, out)
        else:
            done = pos = _sentence_at(text, vocabulary, done, at, m[0] not in _ITEM_UNITS, out)
        m = search(text, pos)
    return out


def _sentence_at(text: str, vocabulary: Vocabulary, done: int, at: int, claims_number: bool,
                 out: list[tuple[str, bool]]) -> int:
    """Add to ``out`` the sentence of ``text`` around the candidate at ``at`` (after ``done``)
    if it may make a claim (see :func:`claim_sentences`); where it ends."""
    last_end = _LAST_END.match(text, done, at)
    start = last_end.end() if last_end is not None else done
    end = _END.search(text, at)
    done = end.end() if end is not None else len(text)
    _add_sentence(text, vocabulary, (start, at, done), claims_number, out)
    return done


_JOINING_BREAK = re.compile(f"\n(?<![\n{_ENDS}]\n)(?!\n)")
"""A line break that is not part of a blank line (``\n\n``) and does not follow a sentence end
(which leaves it at the start of its sentence, where it is stripped): lines joined there may
make words that neither line holds."""


def _add_sentence(text: str, vocabulary: Vocabulary, bounds: tuple[int, int, int],
                  claims_number: bool, out: list[tuple[str, bool]]) -> None:
    """:func:`_sentence_at` of the sentence ``text[start:done]``, its first candidate at
    ``at`` (``bounds``: start, at, done). A sentence after a heading (``<heading>\n\n…``) or
    a line break is tested alone: when no line break before its candidate joins lines (see
    :data:`_JOINING_BREAK`) and none follows, the paragraphs before hold no candidate and join
    no lines, so :meth:`Vocabulary.may_claim` fails for each of them."""
    start, at, done = bounds
    if text.find("\n", start, done) != -1:
        if text.find("\n", at, done) == -1 and _JOINING_BREAK.search(text, start, at) is None:
            sentence = text[text.rfind("\n", start, at) + 1:done].strip()
            if vocabulary.may_claim(sentence):
                out.append((sentence, False))
        else:
            out += [(s, False) for s in _may_claim(text[start:done], vocabulary)]
    elif (claims_number or vocabulary.hint.search(text, start, done) is not None) \
            and vocabulary.anchors.search(text, start, done) is not None:  # the common case
        out.append((text[start:done].strip(), claims_number))  # (spaces around change no test)


_NOT_ITEM_UNITS = sorted(
    {u for us in words.CLAIM_UNITS.values() for u in us if u not in _ITEM_UNITS},
    key=len, reverse=True)
_ITEMS_CLAIM = re.compile("|".join((
    *(f"{re.escape(u)}(?<=[0-9\\s]{re.escape(u)})" for u in _NOT_ITEM_UNITS),
    _NEGATION.pattern, *_trie_branches(words.RECEIVED), _JOINING_BREAK.pattern)))
"""What a sentence found by a number of items (条, 项) needs to make a claim, or may hold:
a claim unit after a digit or a space (a claim number is one), a negation or a receiving verb
(:func:`_items_without_receipt`), or a line break that is not part of a blank line (lines
joined may make one; a blank line joins none). Each branch starts with a literal, so the regex
engine skips the other characters fast."""


def compared_sentences(text: str, vocabulary: Vocabulary,
                       first: re.Match[str] | None = None) -> list[tuple[str, bool]]:
    """:func:`marked_claim_sentences` less sentences that make no claim because their only
    candidates count items and they hold nothing :data:`_ITEMS_CLAIM` finds: R15's candidates.
    Such sentences, in a run, are passed over by one search (:func:`_items_from`) instead of
    being cut out and tested one by one; every other sentence is found as before."""
    return _candidate_sentences(text, vocabulary, first, pass_items=True)


def _items_from(text: str, vocabulary: Vocabulary, done: int, at: int,
                out: list[tuple[str, bool]]) -> int:
    """:func:`_sentence_at` of a candidate counting items, unless neither its sentence nor any
    sentence up to the next :data:`_ITEMS_CLAIM` match can make a claim: their candidates can
    only count items, so reading them finds none. Returns where the search goes on: the end
    of the candidate's sentence, or the start of the sentence of the next match."""
    last_end = _LAST_END.match(text, done, at)
    start = last_end.end() if last_end is not None else done
    needed = _ITEMS_CLAIM.search(text, start)
    if needed is None:
        return len(text)  # no sentence left can make a claim
    end = _END.search(text, at)
    done = end.end() if end is not None else len(text)
    if needed.start() < done:  # in the candidate's sentence: read it
        _add_sentence(text, vocabulary, (start, at, done), False, out)
        return done
    last_end = _LAST_END.match(text, done, needed.start())
    return last_end.end() if last_end is not None else done


def _may_claim(chunk: str, vocabulary: Vocabulary) -> Iterator[str]:
    """The sentences of a text between two sentence ends that may make a claim (a blank line
    cuts it; single line breaks are joined)."""
    for paragraph in _PARAGRAPH.split(chunk) if "\n" in chunk else (chunk,):
        sentence = _unwrap(paragraph).strip()
        if sentence and vocabulary.may_claim(sentence):
            yield sentence


_PART = re.compile("|".join((
    *_trie_branches(words.NOT_WHOLE_SUBJECTS),
    *(f"{re.escape(u)}(?<![{''.join(words.WHOLE_AGENCY)}]{re.escape(u)})"
      for u in words.UNIT_SUFFIXES if u not in words.NOT_WHOLE_SUBJECTS))))
"""A quick test: the words that may make a subject a part (我局, 本局 are the agency). Each
branch starts with a literal (the word before a suffix is checked behind it), so the regex
engine skips the other characters fast."""
_NOT_WHOLE = re.compile(
    _trie(w for w in words.NOT_WHOLE_SUBJECTS if w not in words.UNIT_SUFFIXES))
_CJK_RUN = re.compile("[\u4e00-\u9fff]+")
_UNIT_SUFFIX = re.compile(_trie(words.UNIT_SUFFIXES))


def _named_units(subject: str) -> Iterator[tuple[str, str]]:
    """(name, suffix) of each unit a subject names: the Chinese characters from the start of a
    run (or the end of the previous name) to the first unit suffix after them (民政局, 局办公室),
    found in one pass over each run."""
    for run in _CJK_RUN.finditer(subject):
        start, end = run.span()
        while (m := _UNIT_SUFFIX.search(subject, start, end)) is not None:
            yield subject[start:m.end()], m.group()
            start = m.end()


_LAST_WHOLE_AGENCY_WORD = re.compile(
    "(?s).*(" + "|".join(re.escape(w) for w in words.WHOLE_AGENCY) + ")")
"""Its group 1 is the last word of a unit name that makes it the agency itself (本局 → 本)."""


@functools.lru_cache(maxsize=256)
def _agency_names(agency: str | None) -> tuple[str, ...]:
    """The agency's name as written and abbreviated (人民政府 → 政府); none when unknown."""
    if not agency:
        return ()
    short = agency
    for long, abbreviation in words.AGENCY_ABBREVIATIONS:
        short = short.replace(long, abbreviation)
    return agency, short


def whole_agency(subject: str, agency: str | None) -> bool:
    """Whether the words before a claim leave the reporting agency as a whole as its subject:
    no office, sub-unit, period or channel, unless it is the agency's own name. With the agency
    unknown, an office is a part and any other named unit is taken for the agency."""
    if _PART.search(subject) is None:
        return True
    subject = _QUOTED.sub("", subject)  # titles, notes and quotations name no subject
    names = _agency_names(agency)
    for name, suffix in _named_units(subject):
        last = _LAST_WHOLE_AGENCY_WORD.match(name)
        name = name[last.start(1) + 1:] if last is not None else name
        office = suffix in words.NOT_WHOLE_SUBJECTS
        if names and (office or len(name) > len(suffix)) \
                and not any(n.endswith(name) for n in names):
            return False
        if not names and office:
            return False
    return _NOT_WHOLE.search(subject) is None


class _Reader:
    """The interpreter of one sentence's tokens (state: the topic of the last claim)."""

    __slots__ = ("_about_applications", "agency", "fee_topic", "out", "sentence", "settled",
                 "subjects", "topic", "verb", "vocabulary", "whole")

    def __init__(self, vocabulary: Vocabulary, sentence: str, agency: str | None,
                 settled: Settled | None = None) -> None:
        self.vocabulary = vocabulary
        #: whether the claims of a statement read from its negations alone all agree with the
        #: tables (see :func:`read_found_tuples`)
        self.settled = settled
        self.sentence = sentence
        self.agency = agency
        self.fee_topic = False
        #: kind and refs of the last claim
        self.topic: tuple[str, tuple[Ref, ...]] | None = None
        #: the section-二 verb of a list (<verb><row>13件，<row>60件)
        self.verb: _Word | None = None
        self.out: list[FoundTuple] = []
        #: whether the subject before a claim's start is the agency (a sentence's claims often
        #: share a start: a negation of two kinds of cases, the three fees all 0)
        self.subjects: dict[int, bool] = {}
        self.whole = False  #: the sentence is one statement (no ；): every subject starts at 0
        self._about_applications: bool | None = None

    @property
    def about_applications(self) -> bool:
        """Whether the sentence names applications or an applicant (worked out once)."""
        about = self._about_applications
        if about is None:
            about = self._about_applications = \
                self.vocabulary.applications_words.search(self.sentence) is not None
        return about

    def claim(self, start: int, end: int, number: _Token | None, amount: bool,
              *alternatives: tuple[Ref, ...]) -> None:
        """A claim of the words from ``start`` to ``end``, unless its subject is not the agency
        as a whole. Each alternative is a tuple of refs (so ``alternatives`` is already the
        claim's :data:`Alternatives`, hashable, without a copy)."""
        whole = self.subjects.get(start)
        if whole is None:  # the subject is the words before ``start`` in its statement
            subject = self.sentence[self._statement_start(start):start]
            whole = self.subjects[start] = whole_agency(subject, self.agency)
        if not whole:
            return
        if number is None:
            self.out.append((alternatives, None, "", amount, start, end))
        else:
            self.out.append((alternatives, number[4], number[5], amount, start, end))

    def _statement_start(self, at: int) -> int:
        if self.whole:
            return 0
        sentence = self.sentence
        return max(sentence.rfind(_WIDE_SEMICOLON, 0, at), sentence.rfind(_SEMICOLON, 0, at)) + 1

    def read(self) -> list[FoundTuple]:
        """The claims of each statement (between ；) that may make one; 其中, the topic and a
        list's verb end with the statement."""
        sentence, negations = self.sentence, self.vocabulary.negations
        whole = self.whole = _WIDE_SEMICOLON not in sentence and _SEMICOLON not in sentence
        for start, end in ((0, len(sentence)),) if whole else (
                m.span() for m in _STATEMENT.finditer(sentence)):
            if not whole and not self.vocabulary.may_claim_in(sentence, start, end):
                continue
            plain = None if negations is None else negations.plain.search(sentence, start, end)
            if negations is not None and plain is None:
                self._from_negations(start, end)  # the common case: no cut, no all-zero test
            else:
                self._statement(start, end, plain)
            self.topic, self.fee_topic, self.verb = None, False, None
        return self.out

    def _statement(self, start: int, end: int, plain: re.Match[str] | None) -> None:
        """Read the statement ``sentence[start:end]``: up to where its claims may end, as an
        all-zero fee statement, from its negations alone, or clause by clause (``plain``: the
        first match of :attr:`_Negations.plain` in it, if searched: an all-zero word there
        means no cut and a statement to test for all fees 0; a blocking word inside the cut
        means no reading from the negations alone)."""
        sentence = self.sentence
        zero = plain is not None and plain[0] in _ALL_ZERO_WORDS
        if not zero and self.vocabulary.claimable.search(sentence, start, end) is None:
            return  # no word a claim needs (a channel's count of applications, …): no claim
        if not zero:  # 均为 keeps the statement whole (Vocabulary.read_whole): no cut to find
            end = self.vocabulary.reading_end(sentence, start, end)
        if (zero or _ALL_ZERO.search(sentence, start, end) is not None) and _all_zero(
                self, self.vocabulary.all_zero_words(sentence, start, end)):
            return
        blocked = plain is not None and not zero and plain.end() <= end
        if blocked or not self._negations_only(start, end):
            breakdown = False
            for clause in self.vocabulary.clauses(sentence, start, end):
                breakdown = self._clause(clause, breakdown)

    def _negations_only(self, start: int, end: int) -> bool:
        """Read the statement ``sentence[start:end]`` from its negations alone, if its claims
        can only be theirs (see :class:`_Negations`); whether it was."""
        negations = self.vocabulary.negations
        if negations is None or negations.blocking.search(self.sentence, start, end) is not None:
            return False
        self._from_negations(start, end)
        return True

    def _from_negations(self, start: int, end: int) -> None:
        """Read each negation of ``sentence[start:end]`` from the tokens after it (the
        statement's claims are theirs alone: see :class:`_Negations`), unless the caller knows
        they all agree with the tables (:attr:`settled`)."""
        sentence, vocabulary = self.sentence, self.vocabulary
        assert vocabulary.negations is not None
        found = vocabulary.negations.words.finditer(sentence, start, end)
        first = next(found, None)
        if first is None or (self.settled is not None
                              and self.settled(sentence, first.start(), end)):
            return  # no negation, or claims that all agree (tested from the first negation on)
        words_of = vocabulary.words
        for m in itertools.chain((first,), found):
            at, after = m.span()
            self._streamed_negation(("neg", at, after, words_of[m[0]], "", ""), end)

    def _streamed_negation(self, neg: _Token, end: int) -> None:
        """:meth:`_negation` of ``neg`` over the tokens after it in its clause (before ``end``),
        read from the scan as it finds them, without a list: a token before the category the
        negation governs changes only two flags, and the scan stops at that category. Only a
        verb of documents or a case, whose reading looks at the tokens after it, reads on from
        a list of the rest (:meth:`Vocabulary.reach_rest`). The scan starts at the negation's
        end, a token boundary, so it finds the tokens the whole scan finds."""
        vocabulary = self.vocabulary
        seen = vocabulary.seen
        limit = neg[2] + 20
        plain = True  #: only negated verbs and receiving verbs before the token
        joined = False  #: a join or 等 before the token
        tokens = vocabulary.scan.finditer(self.sentence, neg[2], end)
        for m in tokens:
            known = seen.get(m[0])
            if known is None or m.start() > limit:
                return  # a number or a clause mark, or a token past the reach: no claim
            kind = known[0]
            if kind in _NEGATION_STOPS:
                rest: list[_Token] = [(kind, m.start(), m.end(), known[1], "", "")]
                if (kind == "pverb" or kind in _CASE_KINDS) and not known[2]:
                    rest += vocabulary.reach_rest(tokens, limit)
                self._negation(rest, 0, neg, plain, joined)
                return
            if known[2]:
                return  # a word holding a clause mark ends the clause
            plain = plain and kind in _PLAIN_BEFORE_APP
            joined = joined or kind in _JOINED

    def _clause(self, clause: list[_Token], breakdown: bool) -> bool:
        """Read one clause; returns whether a 其中 breakdown goes on after it. Its kinds are
        listed once (in C) and tested by membership, so a clause without numbers, negations
        or cases is not looked through for them."""
        if clause and clause[0][0] == "breakdown":
            breakdown = True
        kinds = list(map(_KIND, clause))
        numbers = [i for i, k in enumerate(kinds) if k == "number"] if "number" in kinds else []
        for i in numbers:
            unit = clause[i][5]
            if unit and unit not in "%％":  # a number :meth:`_number` reads
                self._numbers_and_negations(clause, numbers, breakdown)
                return breakdown
        if "neg" in kinds:  # none: only its negations (and cases) claim
            self._negations(clause)
        if not numbers and not _CASE_KINDS.isdisjoint(kinds):
            self.topic = ("case", self._joined_cases([t for t in clause if t[0] in _CASE_KINDS]))
        return breakdown

    def _negations(self, clause: list[_Token]) -> None:
        """Each negation of a clause with the words after it."""
        for i, token in enumerate(clause):
            if token[0] == "neg":
                self._negation(clause, i + 1, token)

    def _numbers_and_negations(self, clause: list[_Token], numbers: list[int],
                               breakdown: bool) -> None:
        """Each negation with the words after it; each number with a unit (not a percentage)
        with the words since the previous one and those up to the next."""
        segment: list[_Token] = []
        for i, token in enumerate(clause):
            if token[0] == "neg":
                self._negation(clause, i + 1, token)
            if token[0] != "number" or not token[5] or token[5] in "%％":
                segment.append(token)
                continue
            later = bisect.bisect_right(numbers, i)  # the next number after this one
            nxt = numbers[later] if later < len(numbers) else len(clause)
            self._number(segment, token, clause[i + 1: nxt], breakdown)
            segment = []

    def _joined_cases(self, heads: list[_Token]) -> tuple[Ref, ...]:
        """The refs of the last review/litigation named, with those joined to it (复议、诉讼)."""
        group = [heads[-1]]
        for t in reversed(heads[:-1]):
            if self.sentence[t[2]:group[0][1]] in words.JOINS:
                group.insert(0, t)
            else:
                break
        return tuple(r for t in group if t[3] for r in t[3].refs)

    # --- a number and the words before it ---------------------------------------------------

    def _number(self, seg: list[_Token], n: _Token, after: list[_Token], breakdown: bool) -> None:
        """What a number with its unit claims, from the words before it (``seg``) and after it
        in its clause: the first reading that applies, in this order."""
        kinds = {t[0] for t in seg}
        if breakdown:
            self._breakdown(seg, n, kinds)
        elif "shun" not in kinds and not (
                self._carried(seg, n, after, kinds)
                or self._row_or_case(seg, n, kinds)
                or self._party_document_or_fee(seg, n, kinds)):
            self._applications_total(seg, n, after, kinds)

    def _carried(self, seg: list[_Token], n: _Token, after: list[_Token],
                 kinds: set[str]) -> bool:
        """结转下年 N 件 (the words may follow the number) or 上年结转 N 件; whether it was."""
        if n[5] not in words.CLAIM_UNITS["count"]:
            return False
        app = self.vocabulary.applications
        forward = _first_of("fwd", seg) if "fwd" in kinds else _first_of("fwd", after)
        if forward is not None:
            first = forward[1] if "fwd" in kinds else n[1]
            self.claim(first, max(n[2], forward[2]), n, False,
                       ((app, "carried_to_next_year", "total"),))
            return True
        if "from" in kinds:
            start = seg[0][1] if seg else n[1]
            self.claim(start, n[2], n, False, ((app, "carried_from_last_year", "total"),))
            return True
        return False

    def _row_or_case(self, seg: list[_Token], n: _Token, kinds: set[str]) -> bool:
        """An outcome row or group, a review or litigation, or 相关案件 after one; whether the
        number is one of these."""
        cases = not kinds.isdisjoint(_CASE_KINDS)
        if "outcome" in kinds and not cases:
            self._outcome(seg, n)
        elif cases:
            self._review(seg, n)
        elif "anaphor" in kinds and self.topic is not None and self.topic[0] == "case":
            if n[5] in words.CLAIM_UNITS["case"]:
                self.claim(seg[0][1], n[2], n, False, self.topic[1])
        else:
            return False
        return True

    def _party_document_or_fee(self, seg: list[_Token], n: _Token, kinds: set[str]) -> bool:
        """An applicant type, a section-二 document, or a fee figure; whether the number is
        one of these."""
        if "applicant" in kinds and self.about_applications:
            self._applicant(seg, n, kinds)
        elif "prow" in kinds or (self.verb is not None and seg and seg[0][0] == "prow"):
            self._proactive(seg, n)
        elif not kinds.isdisjoint(_FEE_KINDS) or (self.fee_topic and "fee_amount" in kinds):
            self._fee(seg, n)
        else:
            return False
        return True

    def _applications_total(self, seg: list[_Token], n: _Token, after: list[_Token],
                            kinds: set[str]) -> None:
        """Applications received (new this year, or with those carried over) or handled (the
        results total)."""
        app = self.vocabulary.applications
        received = "recv" in kinds and ("app" in kinds or _first_of("app", after) is not None)
        if received and n[5] in words.CLAIM_UNITS["application"]:
            self.topic = ("received", ())
            verb = _first_of("recv", seg)
            assert verb is not None  # "recv" is one of the kinds of seg
            self.claim(verb[1], n[2], n, False, ((app, "new_this_year", "total"),),
                       ((app, "new_this_year", "total"), (app, "carried_from_last_year", "total")))
        elif "done" in kinds and "recv" not in kinds and self.about_applications \
                and n[5] in words.CLAIM_UNITS["count"]:
            done = _first_of("done", seg)
            assert done is not None  # "done" is one of the kinds of seg
            self.claim(done[1], n[2], n, False, ((app, "results_total", "total"),))

    def _breakdown(self, seg: list[_Token], n: _Token, kinds: set[str]) -> None:
        """Parts after 其中: applicant types, and the result columns of a review/litigation."""
        start = seg[0][1] if seg else n[1]
        if "applicant" in kinds and self.about_applications and "shun" not in kinds:
            self._applicant(seg, n, kinds)
        elif "rcol" in kinds and self.topic is not None and self.topic[0] == "case" \
                and len(self.topic[1]) >= 1 and n[5] in words.CLAIM_UNITS["case"]:
            column = next(t for t in seg if t[0] == "rcol")[3]
            assert column is not None
            refs = tuple((t, r, column.key) for t, r, _ in self.topic[1])
            self.claim(start, n[2], n, False, refs)

    def _outcome(self, seg: list[_Token], n: _Token) -> None:
        """予以公开及部分公开 N 件 (a sum); 信访举报、重复申请等情形不予处理 N 件 (the group)."""
        if n[5] not in words.CLAIM_UNITS["count"]:
            return
        etc = [i for i, t in enumerate(seg) if t[0] == "etc"]
        if etc:
            self._group_by_example(seg, etc[-1], n)
        else:
            self._outcome_list([t for t in seg if t[0] == "outcome"], n)

    def _group_by_example(self, seg: list[_Token], etc: int, n: _Token) -> None:
        """X等Y N 件: the group Y, when every item X listed before 等 is one of its rows."""
        head = next((t for t in seg[etc:] if t[0] == "outcome"), None)
        members = [t[3] for t in seg[:etc] if t[0] == "outcome" and t[3]]
        if head is None or head[3] is None or not members:
            return
        if any(m.group != head[3].key and m is not head[3] for m in members):
            return  # the items listed are not all parts of the group named: not certain
        self.claim(seg[0][1], n[2], n, False, head[3].refs)

    def _outcome_list(self, items: list[_Token], n: _Token) -> None:
        """A list: every two items joined by 及/和/、 and nothing else between them (the sum)."""
        for a, b in itertools.pairwise(items):
            if self.sentence[a[2]:b[1]].strip() not in words.JOINS:
                return
        words_of = [t[3] for t in items if t[3] is not None]
        refs = tuple(dict.fromkeys(r for w in words_of for r in w.refs))
        self.claim(items[0][1], n[2], n, False, refs)

    def _review(self, seg: list[_Token], n: _Token) -> None:
        """<review> N 件; <litigation> N 起; both N 件 (the sum); <review> with an outcome N 件."""
        if n[5] not in words.CLAIM_UNITS["case"]:
            return
        heads = [t for t in seg if t[0] in _CASE_KINDS]
        tail = [t for t in seg if t[1] >= heads[-1][2]]
        if any(t[0] == "hint" for t in tail):
            return
        refs = self._joined_cases(heads)
        first = next(t for t in heads if t[3] and t[3].refs[0] == refs[0])
        column = next((t[3] for t in tail if t[0] == "rcol"), None)
        if column is not None:
            self.claim(first[1], n[2], n, False, tuple((t, r, column.key) for t, r, _ in refs))
            return
        self.topic = ("case", refs)
        self.claim(first[1], n[2], n, False, refs)

    def _applicant(self, seg: list[_Token], n: _Token, kinds: set[str]) -> None:
        """<applicant column>申请 N 件; <the organisations> N 件; all applicants …申请 N 件
        (``kinds``: the kinds of the tokens of ``seg``)."""
        if n[5] not in words.CLAIM_UNITS["count"] or not kinds.isdisjoint(_CASE_KINDS):
            return
        items = [t for t in seg if t[0] == "applicant"]
        named = tuple(t[3].key for t in items if t[3])
        refs = self.vocabulary.applicant_refs.get(named)
        if refs is None:
            refs = self.vocabulary.applicant_cells(named)
        this_year, both = refs
        self.claim(items[0][1], n[2], n, False, this_year, both)

    def _proactive(self, seg: list[_Token], n: _Token) -> None:
        """<verb><row> N 件; <verb><row> N 件，<row> N 件 (the verb carries on)."""
        if n[5] not in words.CLAIM_UNITS["count"]:
            return
        verbs = [t for t in seg if t[0] == "pverb"]
        verb = verbs[-1][3] if verbs else self.verb
        rows = [t for t in seg if t[0] == "prow"]
        if verb is None or len(rows) != 1 or (verbs and verbs[-1][1] > rows[0][1]):
            return
        row = rows[0][3]
        if row is None or not self._verb_reaches_row(verbs, rows[0], n):
            return
        self.verb = verb
        start = verbs[-1][1] if verbs else rows[0][1]
        self.claim(start, n[2], n, False, (("proactive", row.key, verb.key),))

    def _verb_reaches_row(self, verbs: list[_Token], row: _Token, n: _Token) -> bool:
        """The verb (or the list's start) is at most 10 characters before the row, and only a
        filler (共) stands between the row and its number unless a verb was named."""
        gap = self.sentence[(verbs[-1][2] if verbs else row[1]):row[1]]
        if len(gap) > 10:
            return False
        return bool(verbs) or self.sentence[row[2]:n[1]].strip() in ("", *words.FILLERS)

    def _fee(self, seg: list[_Token], n: _Token) -> None:
        """收费通知 N 件 / 总金额 N 元 / 实际收取 N 元 (not a rate: 每件, 标准)."""
        kinds = [t[0] for t in seg]
        if "fee_notice" in kinds:
            self.fee_topic = True
        if "rate" in kinds or self.sentence[n[2]:n[2] + 1] in words.FEE_RATE_SUFFIXES:
            return
        if n[5] in words.CLAIM_UNITS["amount"]:
            self._fee_amount(seg, n, kinds)
        elif "fee_notice" in kinds and n[5] in words.CLAIM_UNITS["count"]:
            start = seg[0][1] if seg else n[1]
            self.claim(start, n[2], n, False, (("other_matters", "count", ""),))

    def _fee_amount(self, seg: list[_Token], n: _Token, kinds: list[str]) -> None:
        """总金额 N 元 after 收费通知 (unless 收取 came first: then it is collected), or
        实际收取 N 元."""
        if "fee_amount" in kinds and (self.fee_topic or "fee_notice" in kinds) \
                and "fee_collect" not in kinds[: kinds.index("fee_amount")]:
            at = next(t for t in seg if t[0] in ("fee_notice", "fee_amount"))
            self.claim(at[1], n[2], n, True, (("other_matters", "amount", ""),))
        elif "fee_collect" in kinds:
            at = next(t for t in seg if t[0] == "fee_collect")
            self.claim(at[1], n[2], n, True, (("other_matters", "collected", ""),))

    # --- negations: no application received, no document made, no fee collected --------------

    def _negation(self, rest: list[_Token], after: int, neg: _Token, plain: bool = True,
                  joined: bool = False) -> None:
        """The first category a negation governs (within 20 characters, before any number),
        from the tokens of ``rest`` from index ``after``. One pass, the kinds before each
        token kept as two flags (no copy of the tokens ahead, no set of their kinds): ``plain``,
        only negated verbs and receiving verbs before it; ``joined``, a join or 等 (given by
        :meth:`_streamed_negation` for the tokens it read before ``rest``)."""
        limit = neg[2] + 20
        for i in range(after, len(rest)):
            t = rest[i]
            kind = t[0]
            if kind == "number" or t[1] > limit:
                return
            if kind in _NEGATION_STOPS and self._negated(neg, rest, i, plain, joined):
                return
            plain = plain and kind in _PLAIN_BEFORE_APP
            joined = joined or kind in _JOINED

    def _negated(self, neg: _Token, rest: list[_Token], i: int, plain: bool,
                 joined: bool) -> bool:
        """The claim of a negation of ``rest[i]`` (a category or a verb of documents), if any;
        whether the negation's reading ends there (a verb of documents with no row after it
        does not end it)."""
        t = rest[i]
        kind = t[0]
        if kind == "app":
            if plain:
                app = self.vocabulary.applications
                self.claim(neg[1], t[2], None, False, ((app, "new_this_year", "total"),),
                           ((app, "new_this_year", "total"),
                            (app, "carried_from_last_year", "total")))
            return True
        if kind == "pverb":
            return self._no_documents(neg, t, rest, i + 1)
        if kind in _CASE_KINDS:
            self._no_cases(neg, rest, i)
        elif kind in ("fee_collect", "fee_word") and t[1] - neg[2] <= 8 and not joined:
            self.claim(neg[1], t[2], None, True, (("other_matters", "collected", ""),))
        return True

    def _no_documents(self, neg: _Token, verb: _Token, rest: list[_Token], i: int) -> bool:
        """未制定<row>、<row>: each row named is 0 in the verb's column (the tokens from
        ``rest[i]`` within 20 characters of the negation)."""
        rows: list[_Token] = []
        limit = neg[2] + 20
        for t in itertools.islice(rest, i, None):
            if t[1] > limit:
                break
            if t[0] == "prow":
                rows.append(t)
            elif t[0] != "join":
                break
        if not rows or verb[3] is None or len(self.sentence[verb[2]:rows[0][1]]) > 3:
            return False
        for row in rows:
            if row[3] is not None:
                self.claim(neg[1], rows[-1][2], None, False,
                           (("proactive", row[3].key, verb[3].key),))
        return True

    def _no_cases(self, neg: _Token, rest: list[_Token], i: int) -> None:
        """未产生…<review>、<litigation>案件: each is 0 (not when a result follows: 未被纠正;
        the tokens from ``rest[i]`` within 20 characters of the negation)."""
        heads: list[_Token] = []
        limit = neg[2] + 20
        for t in itertools.islice(rest, i, None):
            if t[1] > limit or t[0] not in _CASES_AND_JOINS:
                break
            if t[0] in ("hint", "rcol"):
                return
            if t[0] != "join":
                heads.append(t)
        for head in heads:
            if head[3] is not None:
                self.claim(neg[1], heads[-1][2], None, False, head[3].refs)


_KIND = operator.itemgetter(0)
"""A token's kind."""
_NEGATION_STOPS = _CATEGORY | {"app", "pverb"}
"""The kinds of token a negation's reading stops at or may claim from (:meth:`_Reader._negated`)."""
_PLAIN_BEFORE_APP = frozenset({"negverb", "recv"})
"""The only kinds that may stand between a negation and 申请 for a claim of none received."""
_JOINED = frozenset({"join", "etc"})
_CASES_AND_JOINS = frozenset({"review", "litig", "hint", "rcol", "join"})


def _first_of(kind: str, tokens: list[_Token]) -> _Token | None:
    """The first token of a kind (``None``: none)."""
    for token in tokens:
        if token[0] == kind:
            return token
    return None


def _all_zero(reader: _Reader, marks: tuple[int, int] | None) -> bool:
    """<the three fee figures' labels>均为0: the three fee fields are 0 (``marks``: where the
    first fee-notice word starts and the first all-zero word ends, from
    :meth:`Vocabulary.all_zero_words`)."""
    if marks is None:
        return False
    notice, at = marks
    rest = reader.sentence[at:].lstrip()
    if not (rest.startswith(words.ZERO_WORDS) and (len(rest) == 1 or not rest[1].isdigit())
            and rest[1:2] != "."):
        return False
    for role in FEE_ROLES:
        reader.claim(notice, at + 1, None, role != "count", (("other_matters", role, ""),))
    return True


def claims_in(sentence: str, vocabulary: Vocabulary, agency: str | None = None) -> list[Claim]:
    """Every claim a sentence makes, each (quantity, number) once, in the order written."""
    if not vocabulary.may_claim(sentence):
        return []
    return read_claims(sentence, vocabulary, agency)


def read_claims(sentence: str, vocabulary: Vocabulary, agency: str | None = None) -> list[Claim]:
    """:func:`claims_in` of a sentence known to pass :meth:`Vocabulary.may_claim` (one that
    :func:`claim_sentences` gave), without testing it again."""
    return [made(sentence, found) for found in read_found(sentence, vocabulary, agency)]


def read_found(sentence: str, vocabulary: Vocabulary, agency: str | None = None) -> list[Found]:
    """:func:`read_claims` as bare :class:`Found` tuples (no :class:`Claim` objects, no words
    cut out)."""
    return [_new(Found, found) for found in read_found_tuples(sentence, vocabulary, agency)]


def read_found_tuples(sentence: str, vocabulary: Vocabulary, agency: str | None = None, *,
                      counted: bool = False, settled: Settled | None = None) -> list[FoundTuple]:
    """:func:`read_found` as plain tuples (:data:`FoundTuple`): what R15 compares with the
    cells before it needs a claim's words (``counted``: the sentence is known to hold a claim
    number or a negation, see :func:`marked_claim_sentences`). ``settled``: R15's test of a
    statement whose claims can only be its negations' (see :class:`_Negations`), each stating
    0: when it says they all agree with the tables (:class:`NegationGroup`), the statement is
    not read and its claims are left out (they could not be a finding)."""
    if not counted and _items_without_receipt(sentence):
        return []
    found = _Reader(vocabulary, sentence, agency, settled).read()
    if len(found) < 2:
        return found
    if len(found) > _FEW_CLAIMS:
        return _first_of_each(found)
    out = [found[0]]
    for claim in itertools.islice(found, 1, None):  # a few: compared, not hashed
        for kept in out:
            if kept[1] == claim[1] and kept[0] == claim[0]:
                break
        else:
            out.append(claim)
    return out


_FEW_CLAIMS = 8
"""Up to this many claims in a sentence, repeats are found by comparing each with those kept
(cheaper than hashing the nested tuples of its alternatives); beyond it, by a set."""


def _first_of_each(found: list[FoundTuple]) -> list[FoundTuple]:
    """The first claim of each (alternatives, number) of ``found``, in order."""
    seen: set[tuple[Alternatives, str | None]] = set()
    out = []
    for claim in found:
        key = (claim[0], claim[1])
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


_RECEIVED = re.compile(_trie(words.RECEIVED))
_ALL_ZERO = re.compile(_trie(words.FEE_ALL_ZERO))
_ALL_ZERO_WORDS = frozenset(words.FEE_ALL_ZERO)
"""A match of :attr:`_Negations.plain` that is one of these is the all-zero word; any other
is a match of :attr:`_Negations.blocking` (no blocking word is an all-zero word: it overlaps a
negation word or starts with a digit)."""
"""The words that may say all fees are 0 (one search in C, not a loop of string searches)."""


def _items_without_receipt(sentence: str) -> bool:
    """Whether the only numbers of a sentence that could make a claim count items (条, 项),
    with no receiving verb and no negation: it makes none (reading it would find none, so it is
    not read). A number of items is a claim only as applications received (<recv>…申请 N 条),
    every other claim needs a count, a case or an amount, and a negation claims without one.
    Each test is of a substring, so a word the tokens read otherwise leaves it read."""
    return (_CLAIM_NUMBER_OR_NEGATION.search(sentence) is None
            and _RECEIVED.search(sentence) is None)


def made(sentence: str, found: Found) -> Claim:
    """The :class:`Claim` of a claim :func:`read_found` found in ``sentence``."""
    return Claim(said=sentence[found.start:found.end].strip("，、, "), number=found.number,
                 unit=found.unit, amount=found.amount, alternatives=found.alternatives,
                 sentence=sentence)
