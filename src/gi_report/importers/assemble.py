"""From a :class:`ParsedDocument` (any kind) to a :class:`Report` and its notices.

1. page furniture is left out (and listed); the blocks are cut at the six section headings;
2. the front matter gives the title, agency, year, publication date and preamble;
3. each fixed table is read from its section's blocks against both template layouts, and the
   layout its labels fit best is kept (the template of the report year on a tie);
4. run-together numbers are split with the table's arithmetic;
5. section 一's sub-sections, the other sections' text, the closing and the 信息处理费 figures
   are taken from the text.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from gi_report.errors import UnrecognisedDocumentError
from gi_report.form import TABLE_IDS, TEMPLATES, get_template, template_for_year
from gi_report.form.spec import TemplateSpec
from gi_report.importers import furniture
from gi_report.importers.blocks import Block, Location, ParsedDocument, TableBlock, TextBlock
from gi_report.importers.cellnames import pointers
from gi_report.importers.dropped import empty_table, lost_row
from gi_report.importers.fees import read_fees
from gi_report.importers.grid import Reading, read_tables, row_name
from gi_report.importers.narrative import (
    Outline,
    Title,
    closing_split,
    compact,
    is_date_line,
    match_heading,
    outline,
    parse_date,
    parse_title,
    subsections,
    table_as_text,
    text_of,
)
from gi_report.importers.result import Notice, notice
from gi_report.importers.values import looks_like_value
from gi_report.importers.vocabulary import Vocabulary, vocabulary
from gi_report.model import (
    MAX_YEAR,
    MIN_YEAR,
    Metadata,
    Narrative,
    OtherMatters,
    Overview,
    Report,
    Subsection,
    TableSections,
    layout_version,
)
from gi_report.table import Table

_TITLE_PREFIX = re.compile(
    r"^\s*(\S{0,40}?(?:19|20)[0-9]{2}\s*年度?\s*\S{0,40}?(?:政府信息公开|政务公开|信息公开)(?:工作)?"
    r"(?:年度)?(?:报告|年报))\s*"
)
_URL = re.compile(r"https?://\S+")
_YEAR_IN_TEXT = re.compile(r"统计(?:期限|时限|时间|期间)[^。]{0,6}?((?:19|20)[0-9]{2})\s*年")
_DATE_KEYS = ("发布日期", "发布时间", "公开日期", "成文日期", "发文日期", "日期", "时间",
              "生成日期")
_AGENCY_KEYS = ("发布机构", "发文机关", "发布单位", "发文单位", "单位", "所属机构")
_URL_KEYS = ("原文链接", "链接", "网址", "来源")
_SENTENCE_PUNCT = re.compile(r"[。，；;,！？!?：:]")
_NUMBERED_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,2}[、.．][^，。；]{2,30}")


@attrs.define
class _Front:
    title: Title | None = None
    title_location: Location | None = None
    metadata: dict[str, str] = attrs.field(factory=dict)
    byline_date: datetime.date | None = None
    preamble: list[Block] = attrs.field(factory=list)


class _Assembler:
    def __init__(self, doc: ParsedDocument, *, year_hint: int | None) -> None:
        self.doc = doc
        self.source = doc.source
        self.year_hint = year_hint
        self.notices: list[Notice] = []
        self.removed: list[tuple[furniture.Removed, Location]] = []
        self.meta: dict[str, str] = {}
        self.locations: dict[str, Location] = {}

    # --- furniture -----------------------------------------------------------------------------

    def clean(self, blocks: Sequence[Block]) -> list[Block]:
        """The blocks without page furniture (metadata lines only before section 一)."""
        out: list[Block] = []
        in_front = True
        overview = next(iter(TEMPLATES.values())).section("overview")
        for block in blocks:
            if isinstance(block, TableBlock):
                out.append(block)
                continue
            if in_front and match_heading(block.text, overview) is not None:
                in_front = False
            piece = furniture.whole_block(block.text)
            if piece is not None and self.take_furniture(piece, block, in_front):
                continue
            text, removed = furniture.strip_inline(block.text)
            for r in removed:
                self.removed.append((r, block.location))
                for key, value in furniture.breadcrumb_fields(r.text).items():
                    self.meta.setdefault(key, value)
            if text.strip():
                out.append(block if not removed else attrs.evolve(block, text=text.strip()))
        return out

    def take_furniture(self, piece: furniture.Removed, block: TextBlock, in_front: bool) -> bool:
        """Leave out a block that is furniture (metadata lines only before section 一)."""
        if self.run_mark(piece, block):
            return True
        if piece.what == "metadata" and not in_front:
            return False
        self.removed.append((piece, block.location))
        if piece.key is not None and piece.value is not None:
            self.meta.setdefault(piece.key, piece.value)
        return True

    def run_mark(self, piece: furniture.Removed, block: TextBlock) -> bool:
        """A page mark a crawl reader took out of a table's digit run (its location names the
        table and the mark's offset): a notice of its own there, so that the blank cells around
        it read why (the digits on either side of a page break were read apart)."""
        if piece.what != "page number" or block.location.table is None:
            return False
        self.notices.append(notice(
            "furniture.removed",
            f"表格中连写的数字间夹有页码“{piece.text}”（分页处），已作为页面附加内容去除，"
            "页码的数字不计入表格；页码前后的数字分开读取",
            location=block.location, found=piece.text))
        return True

    def report_furniture(self) -> None:
        if not self.removed:
            return
        listed = "；".join(f"{r.what}：“{_short(r.text)}”" for r, _ in self.removed[:12])
        more = f"；另有 {len(self.removed) - 12} 处" if len(self.removed) > 12 else ""
        self.notices.append(notice(
            "furniture.removed",
            f"网页或抓取附加的内容未计入报告（{len(self.removed)} 处）：{listed}{more}",
            location=self.removed[0][1],
            found="\n".join(r.text for r, _ in self.removed),
        ))

    # --- front matter --------------------------------------------------------------------------

    def front(self, blocks: Sequence[Block]) -> _Front:
        """The front matter: metadata lines and tables, the title, a byline, the preamble."""
        front = _Front(metadata=dict(self.meta))
        before_title: list[Block] = []
        for block in blocks:
            if isinstance(block, TableBlock):
                self.front_table(front, block, before_title)
                continue
            kv = furniture.metadata_line(block.text)
            if kv is not None:
                front.metadata.setdefault(*kv)
                self.removed.append((furniture.Removed(block.text.strip(), "metadata", *kv),
                                     block.location))
            elif front.title is None:
                self.title_or_before(front, block, before_title)
            elif not front.preamble and self.is_byline(block.text.strip(), front):
                front.byline_date = front.byline_date or parse_date(block.text)
            else:
                front.preamble.append(block)
        if front.title is None:
            front.preamble = [*before_title, *front.preamble]
        return front

    def front_table(self, front: _Front, block: TableBlock, before_title: list[Block]) -> None:
        pairs = _key_values(block)
        if not pairs:
            (front.preamble if front.title else before_title).append(block)
            return
        for key, value in pairs:
            front.metadata.setdefault(key, value)
        self.removed.append((furniture.Removed(
            " ".join(f"{k}：{v}" for k, v in pairs), "metadata table"), block.location))

    def title_or_before(self, front: _Front, block: TextBlock, before_title: list[Block]
                        ) -> None:
        """The title (also one broken over two lines, or run into the preamble), or a block
        before it."""
        text = block.text.strip()
        if parse_title(text) is not None:
            self.take_title(front, text, block.location, before_title)
            return
        last = before_title[-1] if before_title else None
        if (isinstance(last, TextBlock) and len(last.text) <= 60
                and parse_title(joined := last.text.strip() + text) is not None):
            before_title.pop()
            self.take_title(front, joined, last.location, before_title)
            return
        m = _TITLE_PREFIX.match(text)
        if m and parse_title(m.group(1)) is not None:
            self.take_title(front, m.group(1), block.location, before_title)
            rest = text[m.end():].strip()
            if rest:
                front.preamble.append(TextBlock(text=rest, location=block.location))
            return
        before_title.append(block)

    def take_title(self, front: _Front, text: str, location: Location,
                   before: list[Block]) -> None:
        title = parse_title(text)
        assert title is not None
        if not title.agency and before and isinstance(before[-1], TextBlock):
            last = before[-1].text.strip()
            if len(last) <= 40 and not _SENTENCE_PUNCT.search(last):
                before.pop()
                title = Title(text=last + title.text, agency=compact(last), year=title.year)
        for block in before:
            shown = block.text if isinstance(block, TextBlock) else table_as_text(block)
            self.removed.append((furniture.Removed(shown.strip(), "site header"),
                                 block.location))
        before.clear()
        front.title = title
        front.title_location = location

    @staticmethod
    def is_byline(text: str, front: _Front) -> bool:
        if "\n" in text:
            return all(_Assembler.is_byline(line, front) for line in text.split("\n")
                       if line.strip())
        if is_date_line(text):
            return True
        agency = front.title.agency if front.title else ""
        return bool(agency) and compact(text) == agency

    # --- metadata ------------------------------------------------------------------------------

    def metadata(self, front: _Front, outline_: Outline, closing: list[Block]) -> Metadata:
        """Agency, year, publication date, source and title, each from the best place that
        states it (a notice says which)."""
        meta = front.metadata
        title = front.title
        for key in ("标题", "名称"):
            if title is None and key in meta:
                title = parse_title(meta[key].split("-")[0])
        where = front.title_location or Location(file=self.source)
        year = self.report_year(title, front, outline_, where)
        agency = self.agency(title, meta, where)
        date = self.publication_date(meta, front, closing, where)
        return Metadata(agency=agency, year=year, publication_date=date,
                        source=self.source_url(meta), title=title.text if title else None)

    def report_year(self, title: Title | None, front: _Front, outline_: Outline,
                    where: Location) -> int:
        year: int | None = title.year if title else None
        if title is not None and year is not None:
            self.notices.append(notice(
                "metadata.found", f"报告年度 {year}、机关“{title.agency}”取自标题“{title.text}”",
                location=where))
        else:
            year = self.guess_year(front, outline_)
        if year is None:
            raise UnrecognisedDocumentError(
                "no report year found (no title such as “…2023年政府信息公开工作年度报告”)",
                source=self.source, expected="a 政府信息公开工作年度报告 with its report year",
            )
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise UnrecognisedDocumentError(
                f"report year {year} is out of range", source=self.source,
                expected=f"a report year from {MIN_YEAR} to {MAX_YEAR}")
        return year

    def agency(self, title: Title | None, meta: dict[str, str], where: Location) -> str:
        agency = title.agency if title else ""
        if agency:
            return agency
        for key in _AGENCY_KEYS:
            if meta.get(key):
                self.notices.append(notice(
                    "metadata.guessed", f"标题中没有机关名称，取自“{key}：{meta[key]}”",
                    location=where))
                return meta[key]
        self.notices.append(notice(
            "metadata.missing", "没有找到报告机关的名称（标题或“发布机构”），机关名称留空",
            location=where))
        return ""

    def publication_date(self, meta: dict[str, str], front: _Front, closing: list[Block],
                         where: Location) -> datetime.date | None:
        for key in _DATE_KEYS:
            if meta.get(key) and (date := parse_date(meta[key])):
                self.notices.append(notice(
                    "metadata.found", f"发布日期 {date.isoformat()} 取自“{key}：{meta[key]}”",
                    location=where))
                return date
        if front.byline_date is not None:
            self.notices.append(notice(
                "metadata.found", f"发布日期 {front.byline_date.isoformat()} 取自标题下的署名日期",
                location=where))
            return front.byline_date
        return self.signature_date(closing)

    def signature_date(self, closing: list[Block]) -> datetime.date | None:
        for block in reversed(closing):
            if not isinstance(block, TextBlock):
                continue
            lines = [ln for ln in block.text.split("\n") if is_date_line(ln)]
            if lines and (date := parse_date(lines[-1])):
                self.notices.append(notice(
                    "metadata.guessed", f"没有标明发布日期，取文末落款日期 {date.isoformat()}",
                    location=block.location))
                return date
        return None

    def source_url(self, meta: dict[str, str]) -> str | None:
        for key in _URL_KEYS:
            if meta.get(key) and (url := _URL.search(meta[key])):
                return url.group(0)
        return os.path.basename(self.source) if self.source else None

    def guess_year(self, front: _Front, outline_: Outline) -> int | None:
        texts = [text_of(front.preamble) or ""]
        texts.extend(text_of(body) or "" for body in outline_.bodies.values())
        for text in texts:
            m = _YEAR_IN_TEXT.search(text)
            if m:
                year = int(m.group(1))
                self.notices.append(notice(
                    "metadata.guessed", f"标题中没有报告年度，按统计期限取 {year} 年",
                    location=Location(file=self.source)))
                return year
        if self.year_hint is not None:
            self.notices.append(notice(
                "metadata.guessed", f"文中没有报告年度，按文件名取 {self.year_hint} 年",
                location=Location(file=self.source)))
            return self.year_hint
        return None

    # --- tables --------------------------------------------------------------------------------

    def placed(self, outline_: Outline
               ) -> tuple[tuple[Block, ...], dict[str, tuple[Block, ...]]]:
        """The sections' blocks, a table moved to the section whose labels it carries when it
        carries none of its own section's (a heading lost or misplaced)."""
        bodies = {sid: list(blocks) for sid, blocks in outline_.bodies.items()}
        front = list(outline_.front)
        places: list[tuple[str | None, list[Block]]] = [(None, front)]
        places += [(sid, blocks) for sid, blocks in bodies.items()]
        for here, blocks in places:
            for block in list(blocks):
                if not isinstance(block, TableBlock):
                    continue
                own = _affinity(_label_texts(block), here, enough=3) if here in TABLE_IDS else 0
                if own >= 3:
                    continue  # it carries its own section's labels: it stays
                texts = list(_label_texts(block))  # once for the other sections
                fit = {tid: _affinity(texts, tid, enough=3) for tid in TABLE_IDS if tid != here}
                best = max(fit, key=lambda tid: fit[tid])
                if fit[best] < 3 or fit[best] <= own:
                    continue  # a few shared words (the total column's) do not move it
                blocks.remove(block)
                bodies.setdefault(best, []).append(block)
                section = next(iter(TEMPLATES.values())).section(best)
                self.notices.append(notice(
                    "table.moved",
                    f"一个表格不在其所属部分的标题之下，按其行列标题归入“{section.heading}”",
                    location=block.location))
        return tuple(front), {sid: tuple(blocks) for sid, blocks in bodies.items()}

    def tables(self, outline_: Outline, year_template: TemplateSpec
               ) -> tuple[dict[str, Table], dict[str, Reading]]:
        tables: dict[str, Table] = {}
        readings: dict[str, Reading] = {}
        prose = text_of([b for body in (outline_.front, *outline_.bodies.values()) for b in body
                         if isinstance(b, TextBlock)])
        best = read_tables({tid: outline_.bodies.get(tid, ()) for tid in TABLE_IDS},
                           year_template)
        for table_id, (table, notes) in _completed(best, prose).items():
            reading = best[table_id]
            readings[table_id] = reading
            self.located(table_id, reading)
            tables[table_id] = table
            if not reading.found:
                section = year_template.section(table_id)
                self.notices.append(notice(
                    "table.missing",
                    f"没有找到“{section.heading}”的表格，该表全部留空",
                    location=outline_.locations.get(table_id, Location(file=self.source)),
                    cells=[f"/{table_id}/{r}/{c}" for r, c, _ in table.cells()]))
                continue
            self.notices.extend(notes)
            self.extra_sections(reading, year_template.section(table_id).heading)
        return tables, readings

    def located(self, table_id: str, reading: Reading) -> None:
        """Where each cell of a table was read, by its JSON Pointer."""
        names = pointers(reading.spec) if reading.spec.id == table_id else {}
        for cell, where in reading.sources.items():
            name = names.get(cell)
            self.locations[name if name is not None else f"/{table_id}/{cell[0]}/{cell[1]}"] = where

    def extra_sections(self, reading: Reading, heading: str) -> None:
        """A numbered section of the report's own inside a table section is kept as text; a
        caption repeating the section's own title under a table number (一、 for section 二: the
        tables numbered apart from the sections) is none."""
        own = next(iter(TEMPLATES.values())).section(reading.spec.id)
        for block in reading.narrative:
            m = _NUMBERED_HEADING.match(block.text)
            if m is None or match_heading(block.text, own, renumbered=True) is not None:
                continue
            self.notices.append(notice(
                "section.extra",
                f"“{_short(block.text, 24)}”不是年度报告格式规定的部分，按文字保留在“{heading}”"
                "之后，其中的数字未读入表格", location=block.location, found=m.group(0)))

    def template(self, tables: dict[str, Table], year: int) -> tuple[str, dict[str, Table]]:
        year_template = _template_for(year)
        layouts = {t: layout_version(tables[t].spec) for t in ("proactive", "applications")
                   if not tables[t].is_blank}
        versions = set(layouts.values())
        version = versions.pop() if len(versions) == 1 else year_template.version
        template = get_template(version)
        for table_id, layout in layouts.items():
            self.notices.append(notice(
                "template.detected",
                f"“{template.section(table_id).heading}”的表格按 {layout} 年版格式填报",
                location=Location(file=self.source)))
        mixed = {t: v for t, v in layouts.items() if v != version}
        if mixed:
            self.notices.append(notice(
                "template.mixed",
                "表格版式不一致：" + "、".join(
                    f"“{template.section(t).heading}”按 {v} 年版" for t, v in mixed.items())
                + f"，其余按 {version} 年版，按原样保留", location=Location(file=self.source)))
        if version != year_template.version:
            self.notices.append(notice(
                "template.year_mismatch",
                f"{year} 年度的报告应使用 {year_template.version} 年版格式，"
                f"文中使用的是 {version} 年版",
                location=Location(file=self.source)))
        return version, tables

    # --- the whole -----------------------------------------------------------------------------

    def run(self) -> tuple[Report, list[Notice], dict[str, Location]]:
        blocks = self.clean(self.doc.blocks)
        any_template = next(iter(TEMPLATES.values()))
        parts = outline(blocks, any_template)
        front_blocks, bodies = self.placed(parts)
        parts = attrs.evolve(parts, front=front_blocks, bodies=bodies)
        front = self.front(parts.front)
        for section in any_template.sections:
            found_heading = parts.headings.get(section.id)
            if found_heading is None:
                self.notices.append(notice(
                    "section.missing", f"没有找到“{section.heading}”这一部分的标题",
                    location=Location(file=self.source)))
            elif found_heading.fuzzy:
                self.notices.append(notice(
                    "section.fuzzy", f"“{found_heading.text}”读作“{section.heading}”",
                    location=parts.locations[section.id], found=found_heading.text))
        if not parts.headings and not any(isinstance(b, TableBlock) for b in blocks):
            raise UnrecognisedDocumentError(
                "no section of a 政府信息公开工作年度报告 was found (no table, no heading "
                f"{any_template.sections[0].heading} … {any_template.sections[-1].heading})",
                source=self.source, expected="a 政府信息公开工作年度报告")
        other_blocks, closing = closing_split(parts.bodies.get("other_matters", ()))
        metadata = self.metadata(front, parts, closing)
        year_template = _template_for(metadata.year)
        tables, readings = self.tables(parts, year_template)
        version, tables = self.template(tables, metadata.year)
        self.report_furniture()

        def heading(section_id: str) -> str | None:
            found = parts.headings.get(section_id)
            return found.text if found else None

        lead, subs = subsections(parts.bodies.get("overview", ()))
        other_text = text_of(other_blocks)
        fees = read_fees(other_text, agency=metadata.agency)
        if fees.any:
            read = {
                "processing_fee_notices_count": fees.notices_count,
                "processing_fee_notices_amount_yuan": fees.notices_amount_yuan,
                "processing_fee_collected_amount_yuan": fees.collected_amount_yuan,
            }
            stated = [(f, read[f.id]) for f in get_template(version).fee_fields
                      if read.get(f.id) is not None]  # labels and units: the form's
            figures = "，".join(f"{f.label}（{f.unit}） {value}" for f, value in stated)
            self.notices.append(notice(
                "fee.extracted",
                f"信息处理费按第六部分的文字读取：{figures}（原文：“{'”“'.join(fees.sentences)}”）",
                location=parts.locations.get("other_matters"),
                cells=[f"/other_matters/{f.id}" for f, _ in stated]))
        sub_sections: tuple[Subsection, ...] = tuple(
            Subsection(heading=h, text=t) for h, t in subs)
        report = Report(
            template=version,
            metadata=metadata,
            preamble=text_of(front.preamble),
            overview=Overview(
                heading=heading("overview"), text=lead,
                # attrs types the ``converter=tuple`` field as an unbound Iterable[_T_co]
                subsections=sub_sections,
            ),
            table_sections=TableSections(**{
                table_id: Narrative(heading=heading(table_id),
                                    text=text_of(readings[table_id].narrative))
                for table_id in TABLE_IDS
            }),
            problems=Narrative(heading=heading("problems"),
                               text=text_of(parts.bodies.get("problems", ()))),
            other_matters=OtherMatters(
                heading=heading("other_matters"), text=other_text,
                processing_fee_notices_count=fees.notices_count,
                processing_fee_notices_amount_yuan=fees.notices_amount_yuan,
                processing_fee_collected_amount_yuan=fees.collected_amount_yuan,
            ),
            closing=text_of(closing),
            **tables,
        )
        return report, self.notices, self.locations


def _template_for(year: int) -> TemplateSpec:
    try:
        return template_for_year(year)
    except KeyError:  # older than every template: the closest (oldest) one
        return TEMPLATES.oldest


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


_KNOWN: dict[tuple[str, str], bool] = {}


@functools.cache
def _vocabularies(table_id: str) -> tuple[Vocabulary, ...]:
    return tuple(vocabulary(t.table(table_id)) for t in TEMPLATES.values())


def _label_texts(block: TableBlock) -> Iterator[str]:
    """A table's distinct texts that are not values, in reading order (the first 300: what
    :func:`_affinity` looks at), found as they are asked for."""
    seen: set[str] = set()
    for row in block.rows:
        for cell in row:
            if cell is None or cell.text in seen or looks_like_value(cell.text):
                continue
            seen.add(cell.text)
            yield cell.text
            if len(seen) >= _AFFINITY_TEXTS:
                return


_AFFINITY_TEXTS = 300


def _affinity(texts: Iterable[str], table_id: str, *, enough: int) -> int:
    """How many of a table's label texts (:func:`_label_texts`) are labels of the form's
    table ``table_id`` (counting stops at ``enough``)."""
    vocabularies = _vocabularies(table_id)
    found = 0
    for text in texts:
        key = (table_id, text)
        known = _KNOWN.get(key)
        if known is None:
            known = any(v.knows(text) for v in vocabularies)
            if len(_KNOWN) < 65536:
                _KNOWN[key] = known
        found += known
        if found >= enough:
            return found
    return found


def _key_values(block: TableBlock) -> list[tuple[str, str]]:
    """``(key, value)`` pairs if the table is a page's metadata table (名称 | … | 索引号 | …)."""
    pairs: list[tuple[str, str]] = []
    keys = set(furniture.METADATA_KEYS)
    for row in block.distinct_rows():
        cells = [cell.text.strip() for cell in row]
        for i in range(0, len(cells) - 1, 2):
            key = cells[i].rstrip(":：")
            if key not in keys:
                return []
            pairs.append((key, cells[i + 1]))
    return pairs


def assemble(doc: ParsedDocument, *, year_hint: int | None = None
             ) -> tuple[Report, list[Notice], dict[str, Location]]:
    """The report a parsed document states, the notices about how it was read, and where in the
    document each table cell was read (JSON Pointer → location)."""
    return _Assembler(doc, year_hint=year_hint).run()


def _first_row(names: Iterable[list[str]]) -> str | None:
    """The first row name of the tables' lists, quoted for a notice; ``None`` if none."""
    return next((f"“{name}”" for rows in names for name in rows), None)


def _completed(best: Mapping[str, Reading], prose: str | None
               ) -> dict[str, tuple[Table, list[Notice]]]:
    """Each table split and stated. A document with a row printed short of cells drops cells,
    so every table's splits are distrusted (:func:`~gi_report.importers.dropped.distrust`); a
    row the solver had to read as lacking a cell says the same, and the tables are completed
    again with it named; a row that holds only with a cell unprinted says it may, and the tables
    no arithmetic checks are completed again with it named; so does a form row not printed at
    all (:func:`_lost_rows`)."""
    dropped = _first_row(r.short_rows for r in best.values())
    done = {tid: best[tid].complete(prose, dropped) for tid in TABLE_IDS}
    relaxed = _first_row(r.relaxed_rows for r in best.values())
    if dropped is None and relaxed is not None:
        done = {tid: best[tid].complete(prose, relaxed) for tid in TABLE_IDS}
    if dropped is None and relaxed is None:
        done.update(_may_drop(best, prose))
    return done


def _may_drop(best: Mapping[str, Reading], prose: str | None
              ) -> dict[str, tuple[Table, list[Notice]]]:
    """The tables no arithmetic checks completed again naming a row that says the document may
    drop cells: one that holds only with a cell unprinted, else a form row not printed at all
    (:func:`_lost_rows`); none if no row says so."""
    unprinted = _first_row(r.unprinted_rows for r in best.values())
    lost = _first_row(map(_lost_rows, best.values()))
    empty = _first_row([r.spec.title] for r in best.values() if _printed_empty(r))
    if unprinted is not None:
        row, why = unprinted, None
    elif lost is not None:
        row, why = lost, lost_row(lost)
    elif empty is not None:
        row, why = empty, empty_table(empty)
    else:
        return {}
    return {tid: best[tid].complete(prose, row, why=why) for tid in TABLE_IDS
            if not best[tid].spec.relations}


def _printed_empty(reading: Reading) -> bool:
    """Whether a table is printed with no value at all (its header, no number): the document
    prints blank cells as nothing, so a digit run elsewhere may lack blank cells."""
    return (reading.found and not reading.values and not reading.runs
            and any(n.code == "cell.blank" for n in reading.notices))


_UNPLACED = frozenset({"label.unmatched", "label.fuzzy", "label.by_position", "row.unlabelled",
                       "row.detached"})
"""Notices of a label or numbers the reading could not place as printed: a row missing beside
them may be printed under a label not recognised, not lost."""


def _lost_rows(reading: Reading) -> list[str]:
    """The form rows of a table not printed at all (``row.missing``, no label or number of the
    table left unplaced): the dump lost part of a table, so it may drop blank cells too."""
    if any(n.code in _UNPLACED for n in reading.notices):
        return []
    spec = reading.spec
    return [row_name(spec, spec.row(n.cells[0].split("/")[2])) for n in reading.notices
            if n.code == "row.missing" and n.cells]

