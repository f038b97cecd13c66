"""The report's text: its six sections, 一's sub-sections, the front matter and the closing.

* **Section headings**: a block that starts with the section's numeral and 、 followed by its
  title or a title variant (``SectionSpec.aliases``), in order 一 … 六; a loosely matching title
  is accepted when the numeral is the next one expected (``section.fuzzy``).
* **Sub-sections of 一**: blocks that start with （一）, （二）… in sequence.
* **Front matter** (before 一): site and crawler metadata lines (标题：…, 发布时间：…) and tables,
  breadcrumbs and share bars are furniture; the report's title gives agency and year; a byline
  (agency, date) under the title gives the date; the rest is the preamble, verbatim.
* **Closing**: the trailing paragraphs of 六 that are about the report itself rather than a
  matter to report — the statistics-period and website sentences, the signature (agency and date).
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence

import attrs

from gi_report.form.spec import SectionSpec, TemplateSpec
from gi_report.importers.blocks import Block, Location, TableBlock, TextBlock
from gi_report.importers.normalize import cn_numeral, core, edit_distance, prefix_distances

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
TITLE = re.compile(
    r"^(?P<before>.*?)(?P<year>(?:19|20)[0-9]{2})年度?(?P<after>.*?)"
    r"(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:报告|年报)"
)
_DATE_CN = re.compile(r"((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")
_DATE_ISO = re.compile(r"((?:19|20)[0-9]{2})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})")
_DATE_ONLY = re.compile(
    r"^[(（]?\s*(?:(?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日"
    r"|(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2})\s*[)）]?$"
)
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s*")
_TOPIC_END = re.compile(r"[^，,。；;：:（(]{0,8}?(?:情况|做法|方面|工作|建设|管理|保障|公开|监督)")
_SENTENCE_PUNCT = re.compile(r"[。，；;,！？!?]")
_CLOSING_WORDS = re.compile(
    r"统计期限|统计时限|统计时间|统计期间|(?:网址|网站|门户).{0,40}(?:查询|下载|查阅|登录|浏览)"
    r"|(?:查询|下载|查阅|登录|浏览).{0,40}(?:网址|网站|门户)|电子版"
)


def compact(text: str) -> str:
    """The text without whitespace, with full-width digits as ASCII (labels stay verbatim)."""
    return re.sub(r"\s+", "", text).translate(_FULLWIDTH_DIGITS)


def parse_date(text: str) -> datetime.date | None:
    """The first date written 2024年1月17日 or 2024-01-17 in the text, if it is a real date."""
    for pattern in (_DATE_CN, _DATE_ISO):
        m = pattern.search(text.translate(_FULLWIDTH_DIGITS))
        if m:
            try:
                return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def is_date_line(text: str) -> bool:
    """Whether the text is a date and nothing else (a byline or a signature date)."""
    return bool(_DATE_ONLY.match(text.strip().translate(_FULLWIDTH_DIGITS)))


def _strip_heading_markup(text: str) -> str:
    return _MARKDOWN_HEADING.sub("", text).strip()


def _consume(text: str, kept: int) -> int:
    """The index in ``text`` after ``kept`` letters or digits (as :func:`core` counts them)."""
    count = 0
    for i, ch in enumerate(text):
        if count >= kept:
            return i
        count += _letters(ch)
    return len(text)


@functools.lru_cache(maxsize=4096)
def _letters(ch: str) -> int:
    """The letters and digits one character stands for once folded (NFKC), as :func:`core`
    counts them (cached: headings repeat the same few characters)."""
    return sum(1 for c in unicodedata.normalize("NFKC", ch) if unicodedata.category(c)[0] in "LN")


@attrs.frozen
class Heading:
    """A section heading found at the start of a block."""

    section: SectionSpec
    text: str  #: the heading as printed (markup removed)
    rest: str  #: text after the heading in the same block
    fuzzy: bool = False


def match_heading(text: str, section: SectionSpec, *, renumbered: bool = False
                  ) -> Heading | None:
    """The heading of ``section`` at the start of ``text``, if it is there.

    ``renumbered``: any numeral 一 … 十 is accepted before the title (a report that inserts a
    section of its own numbers the following ones on); such a heading is reported as fuzzy.
    """
    if not renumbered and section.number not in text[:12]:
        return None  # both forms of the heading (marked or not) print its numeral up front
    found = _numeral(text, section.number, renumbered)
    if found is None:
        return None if renumbered else _unmarked_heading(text, section)
    numeral, marker_end = found
    stripped = _strip_heading_markup(text)
    body = stripped[marker_end:]
    body_core = core(body[:120])
    moved = numeral != section.number
    for title in (section.title, *section.aliases):
        title_core = core(title)
        if body_core.startswith(title_core):
            end = marker_end + _consume(body, len(title_core))
            return Heading(section, stripped[:end].strip(), stripped[end:].strip(), fuzzy=moved)
    # a loosely matching title: the heading is short and close to the official one
    title_core = core(section.title)
    if len(body_core) <= len(title_core) + 8:
        limit = max(2, len(title_core) * 35 // 100)
        for title in (section.title, *section.aliases):
            if len(core(title)) >= (MIN_FUZZY_TITLE if moved else 0) and edit_distance(
                    body_core, core(title), limit) <= limit:
                return Heading(section, stripped, "", fuzzy=True)
        if not moved and shares_words(body_core, title_core):
            return Heading(section, stripped, "", fuzzy=True)
    return None


def _unmarked_heading(text: str, section: SectionSpec) -> Heading | None:
    """The heading printed with its own numeral but no mark after it (``三<title>``,
    ``六 <title>``): taken only with the whole title (or a variant) after it, as fuzzy."""
    if section.number not in text[:12]:
        return None
    stripped = _strip_heading_markup(text)
    m = re.match(r"\s*" + re.escape(section.number) + r"\s*", stripped)
    if m is None:
        return None
    body = stripped[m.end():]
    body_core = core(body[:120])
    for title in (section.title, *section.aliases):
        title_core = core(title)
        if body_core.startswith(title_core):
            end = m.end() + _consume(body, len(title_core))
            return Heading(section, stripped[:end].strip(), stripped[end:].strip(), fuzzy=True)
    return None


KEY_SHARE = 0.75
"""Share of a title's characters a reworded heading must print to be taken for it (its words
reordered, a few added), under the expected numeral only."""


def shares_words(printed: str, title: str, share: float = KEY_SHARE) -> bool:
    """Whether ``printed`` holds most (``share``) of ``title``'s characters (a reworded
    heading)."""
    if len(title) < MIN_FUZZY_TITLE or len(printed) > len(title) * 3 // 2:
        return False
    pool = list(printed)
    hits = 0
    for ch in title:
        if ch in pool:
            pool.remove(ch)
            hits += 1
    return hits >= share * len(title)




_HEADING_MARK = re.compile(
    r"\s*(?:第\s*([一二三四五六七八九十]{1,2})\s*部分\s*[、.．,，:：]?"
    r"|([一二三四五六七八九十]{1,2})\s*[、.．,，])")
"""A section's numbering: 一、 (or 一. 一，) or 第一部分."""


def _numeral(text: str, number: str, renumbered: bool) -> tuple[str, int] | None:
    """The heading numeral at the start of ``text`` and where the marker ends: ``number`` (or
    any, if ``renumbered``), written 一、 or 第一部分."""
    if not renumbered and number not in text[:12]:
        return None
    stripped = _strip_heading_markup(text[:80])
    m = _HEADING_MARK.match(stripped)
    if m is None:
        return None
    numeral = m.group(1) or m.group(2)
    if numeral != number and not renumbered:
        return None
    return numeral, m.end()


_INLINE_MARKER = re.compile(
    r"第([一二三四五六七八九十]{1,2})部分[、.．:：]?|([一二三四五六七八九十]{1,2})\s*[、.．]")
MIN_FUZZY_TITLE = 6
"""Shortest title core matched loosely (a four-character title, such as section 一's, must be
printed as it is)."""


@functools.cache
def _inline_patterns(section: SectionSpec) -> tuple[re.Pattern[str], ...]:
    """The section's heading as printed, numeral and title (or a variant), spaces allowed; the
    mark after the numeral may be left out (``三<title>``, ``六 <title>``), not the numeral's own
    brackets or 第 (``（二）<title>`` is a subsection)."""
    return tuple(
        # the numeral first (a literal prefix keeps the search fast), then what stands before it
        re.compile(re.escape(section.number) + rf"(?<![（(第]{re.escape(section.number)})"
                   + r"\s*[、.．]?\s*"
                   + r"\s*".join(re.escape(ch) for ch in title if not ch.isspace()))
        for title in (section.title, *section.aliases))


def _exact_inline(text: str, section: SectionSpec, position: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for pattern in _inline_patterns(section):
        m = pattern.search(text, position)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def _title_end(text: str, start: int, section: SectionSpec) -> int | None:
    """Where a loosely matching title of ``section`` that starts at ``start`` ends, if one does.

    The printed title is compared with the official one and its variants by edit distance
    (35 % of the title's letters), over lengths around the title's: 与 for 、, a dropped or
    doubled character, another word for 及.
    """
    window = text[start:start + 80]
    letters = [(i, ch) for i, ch in enumerate(window) if _kept(ch)]
    printed = "".join(ch for _, ch in letters)
    best: tuple[int, int] | None = None  # (distance, letters used)
    for title in (section.title, *section.aliases):
        target = core(title)
        if len(target) < MIN_FUZZY_TITLE or not shares_words(printed[:len(target)], target,
                                                             share=0.5):
            continue
        limit = max(2, len(target) * 35 // 100)
        last = min(len(printed), len(target) + limit)
        distances = prefix_distances(printed[:last], target, limit)  # of every prefix at once
        for n in range(max(1, len(target) - limit), last + 1):
            d = distances[n]
            if d <= limit and (best is None or d < best[0]):
                best = (d, n)
    if best is None:
        return None
    return start + letters[best[1] - 1][0] + 1


@functools.lru_cache(maxsize=4096)
def _kept(ch: str) -> bool:
    return any(unicodedata.category(c)[0] in "LN" for c in unicodedata.normalize("NFKC", ch))


def _fuzzy_inline(text: str, section: SectionSpec, position: int, before: int
                  ) -> tuple[int, int] | None:
    """A numbered heading between ``position`` and ``before`` whose title is close to
    ``section``'s (any numeral: a report may renumber its sections)."""
    for m in _INLINE_MARKER.finditer(text, position, before):
        end = _title_end(text, m.end(), section)
        if end is None and (m.group(1) or m.group(2)) == section.number:
            end = _reworded_end(text, m.end(), section)
        if end is not None:
            return m.start(), end
    return None


def _reworded_end(text: str, start: int, section: SectionSpec) -> int | None:
    """The end of a reworded title of ``section`` at ``start`` (see :func:`shares_words`)."""
    target = core(section.title)
    letters = [(i, ch) for i, ch in enumerate(text[start:start + 80]) if _kept(ch)]
    printed = "".join(ch for _, ch in letters)
    for n in range(min(len(printed), len(target) * 4 // 3), len(target) - 1, -1):
        if printed[n - 1] in target and shares_words(printed[:n], target):
            return start + letters[n - 1][0] + 1
    return None


def find_inline_headings(text: str, sections: Sequence[SectionSpec]
                         ) -> Iterator[tuple[SectionSpec, int, int]]:
    """Headings of ``sections`` inside one long line: ``(section, start, end)`` in order.

    A heading printed as the form prints it is taken first; else a numbered heading whose title
    is close to the form's, before the next section's own heading (section 四's heading abridged,
    section 五's heading numbered 六 after an extra section).
    """
    position = 0
    for k, section in enumerate(sections):
        best = _exact_inline(text, section, position)
        if best is None:
            later = [e[0] for s in sections[k + 1:] if (e := _exact_inline(text, s, position))]
            best = _fuzzy_inline(text, section, position, min(later, default=len(text)))
        if best is not None:
            yield section, best[0], best[1]
            position = best[1]


def split_inline_subsections(text: str) -> list[str]:
    """Section 一's text in one line, cut before （一）, （二）… in sequence."""
    pieces: list[str] = []
    start = 0
    number = 1
    while True:
        m = re.compile(r"[（(]\s*" + cn_numeral(number) + r"\s*[）)]").search(text, start + 1
                                                                            if pieces else 0)
        if not m:
            break
        pieces.append(text[start:m.start()])
        start = m.start()
        number += 1
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


# --- the outline -------------------------------------------------------------------------------


@attrs.frozen
class Outline:
    """The blocks of a document grouped as front matter and the six sections."""

    front: tuple[Block, ...]
    headings: dict[str, Heading]  #: section id → heading found
    bodies: dict[str, tuple[Block, ...]]  #: section id → the blocks of the section (after heading)
    locations: dict[str, Location]


def outline(blocks: Sequence[Block], template: TemplateSpec) -> Outline:
    """Split the blocks at the section headings (each searched for after the previous one)."""
    sections = template.sections
    headings: dict[str, Heading] = {}
    locations: dict[str, Location] = {}
    starts: list[tuple[int, str]] = []
    current = 0
    for i, block in enumerate(blocks):
        if not isinstance(block, TextBlock) or current >= len(sections):
            continue
        found = _heading_in(block.text, sections, current)
        if found is not None:
            k, heading = found
            headings[sections[k].id] = heading
            locations[sections[k].id] = block.location
            starts.append((i, sections[k].id))
            current = k + 1
    bodies: dict[str, tuple[Block, ...]] = {}
    front_end = starts[0][0] if starts else len(blocks)
    for n, (i, section_id) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        rest = headings[section_id].rest
        body: list[Block] = []
        if rest:
            body.append(TextBlock(text=rest, location=blocks[i].location))
        body.extend(blocks[i + 1:end])
        bodies[section_id] = tuple(body)
    return Outline(front=tuple(blocks[:front_end]), headings=headings, bodies=bodies,
                   locations=locations)


def _heading_in(text: str, sections: Sequence[SectionSpec], current: int
                ) -> tuple[int, Heading] | None:
    """The first of ``sections[current:]`` whose heading starts ``text`` (a loose one only for
    the section expected next), with its index."""
    marked = _HEADING_MARK.match(text.lstrip("# \t")[:8]) is not None
    head = text[:12]
    if not marked and not any(s.number in head for s in sections[current:]):
        return None  # match_heading looks for the numeral there: no heading (most paragraphs)
    for k in range(current, len(sections)):
        heading = match_heading(text, sections[k])
        if heading is None and k == current and marked:
            heading = match_heading(text, sections[k], renumbered=True)
        if heading is not None and (not heading.fuzzy or k == current):
            return k, heading
    return None


def table_as_text(block: TableBlock) -> str:
    """A table inside a narrative section, as lines of its distinct cells joined by " | "."""
    lines = []
    for row in block.distinct_rows():
        cells = [cell.text.replace("\n", "") for cell in row]
        if any(c.strip() for c in cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def text_of(blocks: Sequence[Block]) -> str | None:
    """Blocks as one verbatim text, paragraphs joined by line breaks (``None`` if empty)."""
    parts = []
    for block in blocks:
        text = block.text.strip() if isinstance(block, TextBlock) else table_as_text(block)
        if text:
            parts.append(text)
    return "\n".join(parts) if parts else None


def subsections(blocks: Sequence[Block]) -> tuple[str | None, list[tuple[str, str]]]:
    """Section 一's lead text and its sub-sections ``(heading, text)`` （一）, （二）… in order."""
    lead: list[Block] = []
    found: list[tuple[str, list[Block]]] = []
    number = 1
    for block in blocks:
        if isinstance(block, TextBlock):
            text = _strip_heading_markup(block.text)
            m = re.match(r"[（(]\s*" + cn_numeral(number) + r"\s*[）)]", text)
            if m:
                heading, rest = _split_subheading(text)
                found.append((heading, [TextBlock(text=rest, location=block.location)]
                              if rest else []))
                number += 1
                continue
        (found[-1][1] if found else lead).append(block)
    return text_of(lead), [(h, text_of(b) or "") for h, b in found]


def _split_subheading(text: str) -> tuple[str, str]:
    if len(text) <= 50 and "\n" not in text:
        return text, ""
    first_line, _, after = text.partition("\n")
    if len(first_line) <= 50 and after:
        return first_line.strip(), after.strip()
    m = re.search(r"[。：:]", text[:50])
    if m:
        return text[: m.end()].strip(), text[m.end():].strip()
    m = re.match(r"[（(]\s*[一二三四五六七八九十]+\s*[）)]", text)
    assert m is not None
    # a heading run into its text (crawl dumps): a short topic phrase such as 基本情况, 主要做法
    topic = _TOPIC_END.match(text, m.end())
    end = topic.end() if topic else m.end()
    return text[:end], text[end:].strip()


def closing_split(blocks: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """Section 六's blocks cut into its text and the trailing closing (signature, boilerplate)."""
    end = len(blocks)
    while end > 0:
        block = blocks[end - 1]
        if not isinstance(block, TextBlock):
            break
        text = block.text.strip()
        if not text:
            end -= 1
            continue
        signature = is_date_line(text) or (len(text) <= 30 and not _SENTENCE_PUNCT.search(text))
        boilerplate = bool(_CLOSING_WORDS.search(text)) and "信息处理费" not in text
        if not (signature or boilerplate):
            break
        end -= 1
    # keep at least one paragraph in the section itself
    if end == 0 and blocks:
        end = 1
    return list(blocks[:end]), list(blocks[end:])


# --- the title ---------------------------------------------------------------------------------


@attrs.frozen
class Title:
    """The report's title as printed, and the agency and year it names."""

    text: str
    agency: str
    year: int


def parse_title(text: str) -> Title | None:
    """Agency and year from a title such as ``<agency><year>年度<document name>``."""
    stripped = _strip_heading_markup(text)
    if len(stripped) > 120:
        return None
    m = TITLE.match(compact(stripped))
    if not m:
        return None
    agency = (m.group("before") or m.group("after")).strip("-—_:：|")
    return Title(text=stripped, agency=agency, year=int(m.group("year")))
