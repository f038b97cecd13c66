"""Label normalisation and matching: how a printed label is compared with the form's labels.

A printed label and an official one are compared by their *key*: the leading numbering marker
(一、 / （一） / 1. / (1)) and the *core* — the text folded to half width (NFKC), with every kind
of whitespace (U+3000, line breaks inside words) and every punctuation mark or quote removed.
When no key matches exactly, a small edit distance is tolerated (an OCR typo such as
属于三类内容事务信息), and the caller reports the match as fuzzy.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import attrs

CN_DIGITS = "一二三四五六七八九十"

_QUOTES = str.maketrans({q: '"' for q in "“”„‟\"'‘’‚‛「」『』〝〞＂＇"})
_WS = re.compile(r"\s+")
_CN_NUMERAL = r"(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
"""A well-formed numeral of 1 … 99 (一, 十, 十二, 二十, 二十三): what :func:`cn_number` reads."""
_MARKER = re.compile(
    rf"^(?:\(({_CN_NUMERAL})\)"  # （一）
    rf"|({_CN_NUMERAL})[、.,]"  # 一、
    r"|\(([0-9]{1,2})\)"  # (1)
    r"|([0-9]{1,2})(?:[.、,](?![0-9])))"  # 1.  (not 24252.31)
)


def cn_number(text: str) -> int:
    """The value of a small Chinese numeral (一 … 九十九).

    Raises ``ValueError`` naming the text if it is not a well-formed numeral (``一一``); labels
    reach it only through the numbering-marker pattern, which admits well-formed numerals only.
    """
    if not re.fullmatch(_CN_NUMERAL, text):
        raise ValueError(f"not a Chinese numeral of 1 to 99: {text!r}")
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (
            CN_DIGITS.index(units) + 1 if units else 0
        )
    return CN_DIGITS.index(text) + 1


def cn_numeral(number: int) -> str:
    """The Chinese numeral of 1 … 99 (the inverse of :func:`cn_number`)."""
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens - 1] + "十")
    return head + (CN_DIGITS[units - 1] if units else "")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The text at half width (NFKC) with quotes unified and all whitespace removed."""
    return _WS.sub("", unicodedata.normalize("NFKC", text).translate(_QUOTES))


Marker = tuple[str, int]
"""A numbering marker (style, number): ``cn`` 一、 ``pcn`` （一） ``num`` 1. ``pnum`` (1)."""


def split_marker(folded: str) -> tuple[Marker | None, str]:
    """The leading numbering marker of a folded label, and the rest."""
    m = _MARKER.match(folded)
    if not m:
        return None, folded
    pcn, cn, pnum, num = m.groups()
    rest = folded[m.end():]
    if pcn:
        return ("pcn", cn_number(pcn)), rest
    if cn:
        return ("cn", cn_number(cn)), rest
    if pnum:
        return ("pnum", int(pnum)), rest
    return ("num", int(num)), rest


def _is_kept(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LN"


@lru_cache(maxsize=65536)
def core(text: str) -> str:
    """The label without numbering marker, whitespace or punctuation (letters and digits only)."""
    _, rest = split_marker(fold(text))
    return "".join(ch for ch in rest if _is_kept(ch))


@attrs.frozen
class Key:
    """How a label is compared: its numbering marker (if any) and its core."""

    marker: Marker | None
    core: str


@lru_cache(maxsize=65536)
def label_key(text: str) -> Key:
    """The comparison key of a printed or official label."""
    marker, rest = split_marker(fold(text))
    return Key(marker, "".join(ch for ch in rest if _is_kept(ch)))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if len(a) > len(b):
        a, b = b, a
    previous = list(range(len(a) + 1))
    for j, cb in enumerate(b, 1):
        current = [j]
        best = j
        for i, ca in enumerate(a, 1):
            value = min(previous[i] + 1, current[i - 1] + 1, previous[i - 1] + (ca != cb))
            current.append(value)
            best = min(best, value)
        if best > limit:
            return limit + 1
        previous = current
    return previous[-1]


def prefix_distances(printed: str, target: str, limit: int) -> list[int]:
    """The Levenshtein distance of ``target`` and each prefix ``printed[:n]`` (``n`` from 0 to
    ``len(printed)``), from one table instead of one per prefix; a distance over ``limit`` may
    be given as ``limit + 1`` (as :func:`edit_distance` gives it): once a whole row of the table
    exceeds ``limit``, every longer prefix does too."""
    previous = list(range(len(target) + 1))
    out = [previous[-1]]
    for ch in printed:
        current = [previous[0] + 1]
        for j, ct in enumerate(target, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ch != ct)))
        if min(current) > limit:
            return out + [limit + 1] * (len(printed) + 1 - len(out))
        out.append(current[-1])
        previous = current
    return out


def fuzzy_limit(length: int) -> int:
    """How many edits a label core of this length may differ by and still match (0 if short)."""
    if length < 5:
        return 0
    if length < 10:
        return 1
    if length < 20:
        return 2
    return 3
