"""Page furniture: what a web page or a crawl adds around a report, recognised and left out.

Breadcrumbs (当前位置：首页 > …), share bars (微信 微博 QQ空间, 分享到), print/close links,
font-size switches, 附件下载 and 相关链接, page numbers (- 3 -, 第3页 共6页, 3/6), a crawler's
separator lines (==== 正文 ====, links.tsv) and a site's metadata lines (标题：…, 发布时间：…,
索引号：…). Every piece removed is returned so that the importer can list it in its notices;
the metadata values (title, dates, source URL) are kept for the report's metadata.
"""

from __future__ import annotations

import re

import attrs

from gi_report.form.units import UNITS

METADATA_KEYS = (
    "标题", "题目", "名称", "发布时间", "发布日期", "成文日期", "公开日期", "发文日期", "生成日期",
    "印发日期", "日期", "时间", "发布机构", "发文机关", "发布单位", "发文单位", "单位", "来源",
    "信息来源", "原文链接", "链接", "网址", "文号", "发文字号", "索引号", "栏目", "本地目录",
    "采集时间", "分类", "主题分类", "信息分类", "关键词", "主题词", "时效", "有效性", "所属机构",
    "公开方式", "公开范围", "文件下载", "浏览次数", "访问次数",
)
"""Keys of the metadata lines and tables a site or a crawler prints around a report."""

_KEY_LINE = re.compile(
    r"^\s*(" + "|".join(sorted(METADATA_KEYS, key=len, reverse=True)) + r")\s*[:：]\s*(.*)$",
    re.DOTALL,
)
_SEPARATOR = re.compile(r"^\s*[=\-*#~_]{3,}\s*\S{0,10}\s*[=\-*#~_]{3,}\s*$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*[0-9]{1,4}\s*[-—–]|第\s*[0-9]{1,4}\s*页(?:\s*[/，,]?\s*共\s*[0-9]{1,4}\s*页)?"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}|共\s*[0-9]{1,4}\s*页|page\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?)"
    r"\s*$",
    re.IGNORECASE,
)
_SHARE_TOKENS = (
    "微信", "微博", "QQ空间", "QQ", "分享到", "分享", "打印本页", "打印", "关闭窗口", "关闭",
    "收藏", "全真版", "文字版", "文件下载", "附件下载", "相关链接", "返回顶部", "扫一扫",
    "字体", "字号", "大", "中", "小", "默认", "【", "】", "[", "]", "-->", "|", "：", ":",
    "在手机打开当前页", "用手机扫描二维码", "视力保护色", "朗读", "下载",
)
_SHARE_RUN = re.compile(
    r"^(?:\s*(?:" + "|".join(re.escape(t) for t in sorted(_SHARE_TOKENS, key=len, reverse=True))
    + r")\s*)+$"
)
_TRAILING_TOKENS = ("附件下载", "相关附件", "打印本页", "关闭窗口", "【打印】", "【关闭】",
                    "扫一扫在手机打开当前页")
"""Links that end a page's text; a run of them (and whitespace) at the very end is removed."""


def _trailing_start(text: str) -> int | None:
    r"""Where a run of :data:`_TRAILING_TOKENS` (with the whitespace before it) ends ``text``,
    or ``None``: peeled from the end, in linear time (a regex ``(?:\s*tok)+\s*$`` searched
    over long whitespace takes quadratic time)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    start = None
    while text.endswith(_TRAILING_TOKENS, 0, end):  # one C call for the common case: none
        token = next(t for t in _TRAILING_TOKENS if text.endswith(t, 0, end))
        end -= len(token)
        while end and text[end - 1].isspace():
            end -= 1
        start = end
    return start
_BREADCRUMB_END_TOKENS = re.compile(
    r"(?:来源\s*[:：]\s*\S+|(?:发布)?时间\s*[:：]\s*[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?"
    r"(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?|浏览次数\s*[:：]\s*[0-9]*|微信|微博|QQ空间|全真版|文字版"
    r"|文件下载|相关链接\s*[:：]?|-->|打印本页|关闭窗口|分享到\s*[:：]?|【字体\s*[:：]?\s*大\s*中\s*小\s*】"
    r"|字号\s*[:：]?\s*大\s*中\s*小)"
)
_BREADCRUMB = re.compile(r"当前位置\s*[:：]")


@attrs.frozen
class Removed:
    """A piece of furniture left out: its text, and the metadata it carried (key → value)."""

    text: str
    what: str  #: ``metadata``, ``breadcrumb``, ``share bar``, ``page number``, ``separator``…
    key: str | None = None
    value: str | None = None


def metadata_line(text: str) -> tuple[str, str] | None:
    """``(key, value)`` if the text is a site or crawler metadata line (标题：…, 发布时间：…)."""
    if len(text) > 300 or "\n" in text.strip():
        return None
    m = _KEY_LINE.match(text)
    if not m:
        return None
    return m.group(1), m.group(2).strip()


def whole_block(text: str) -> Removed | None:
    """The furniture a whole text block is, if it is one."""
    stripped = text.strip()
    if not stripped:
        return None
    kv = metadata_line(stripped)
    if kv is not None:
        return Removed(stripped, "metadata", kv[0], kv[1])
    if _SEPARATOR.match(stripped) or "links.tsv" in stripped:
        return Removed(stripped, "separator")
    if _PAGE_NUMBER.match(stripped):
        return Removed(stripped, "page number")
    if len(stripped) <= 80 and _SHARE_RUN.match(stripped):
        return Removed(stripped, "share bar")
    if _BREADCRUMB.match(stripped) and len(stripped) <= 200 and "。" not in stripped:
        return Removed(stripped, "breadcrumb")
    return None


PAGE_MARK_PATTERN = r"第\s*[0-9]{1,4}\s*页(?:\s*[/，,]?\s*共\s*[0-9]{1,4}\s*页)?"
"""A page mark (第3页, 第3页 共6页) as a regex, for the readers that meet one glued to text."""
_PAGE_MARK = re.compile(r"\s*" + PAGE_MARK_PATTERN)


def page_mark_end(text: str) -> int:
    """Where a page mark (第3页, 第3页 共6页) that starts ``text`` ends, or 0: a crawl glues the
    page number of a break to the text around it. Dashed page numbers (- 3 -) are not taken
    here: inside a table a dash is a cell's value."""
    m = _PAGE_MARK.match(text)
    return m.end() if m else 0


_DASHED_MARK = r"[-—–]\s+[0-9]{1,4}\s+[-—–]"
"""A dashed page number with white space inside its dashes (``— 6 —``, ``- 6 -``)."""
_RUN_MARK = re.compile(rf"(?P<page>{PAGE_MARK_PATTERN})|(?P<dashed>{_DASHED_MARK})")
_RUN_ON = re.compile(r"\s*(?:[0-9０-９]|$)")


def run_mark(text: str) -> tuple[int, int] | None:
    """Where the first page mark a crawl glued into a table's digit run starts and ends, if one
    is unambiguous.

    A page break falls between two rows, so the mark sits after a number (or a unit word) and
    before the next number or the end of the text; its page number is none of the run's digits.
    Taken out only with its own words (第6页) or its dashes (``— 6 —``) glued to the numbers
    around it (white space before the end of the text aside): with white space between it and
    a number, its dashes and number may be three cells of a run printed spaced; a bare number
    never is.
    """
    for m in _RUN_MARK.finditer(text):
        last = text[: m.start()].rstrip()
        if not (last[-1:].isdigit() or last.endswith(UNITS)) or not _RUN_ON.match(text, m.end()):
            continue
        rest = text[m.end():]
        spaced = text[m.start() - 1].isspace() or (rest[:1].isspace() and bool(rest.strip()))
        if not (m.group("dashed") and spaced):
            return m.start(), m.end()
    return None


_LEADING_DASHED = re.compile(rf"\s*{_DASHED_MARK}(?=[0-9０-９])")


def leading_mark_end(text: str) -> int:
    """Where a dashed page mark (``— 6 —``, white space inside its dashes) that starts ``text``
    ends, when a number follows it glued, or 0: a crawl glued the page number of a break onto
    the label before it and the numbers after it (``…<label>— 5 —020…``). With white space
    after it, its dashes and number may be three cells; a bare number is never taken."""
    m = _LEADING_DASHED.match(text)
    return m.end() if m else 0


def page_mark(text: str) -> bool:
    """Whether a text is a page mark and nothing else (第6页, 第6页 共9页, or ``— 6 —`` with
    white space inside its dashes): between two labels of a table, where no row waits for its
    value, it is page furniture, not a cell."""
    return _RUN_MARK.fullmatch(text.strip()) is not None


def strip_inline(text: str) -> tuple[str, list[Removed]]:
    """The text without a breadcrumb-and-share-bar run inside it or trailing 附件下载 links."""
    removed: list[Removed] = []
    m = _BREADCRUMB.search(text)
    if m:
        end = m.end()
        gap_start = end
        for token in _BREADCRUMB_END_TOKENS.finditer(text, end):
            gap = text[gap_start:token.start()]
            if len(gap) > 120 or "。" in gap:
                break
            end = gap_start = token.end()
        if end > m.end():
            piece = text[m.start():end]
            removed.append(Removed(piece.strip(), "breadcrumb"))
            text = text[: m.start()] + text[end:]
    start = _trailing_start(text)
    if start:
        removed.append(Removed(text[start:].strip(), "links"))
        text = text[:start]
    return text, removed


def breadcrumb_fields(text: str) -> dict[str, str]:
    """Metadata a breadcrumb-and-share-bar run carries (来源：…, 时间：…)."""
    out: dict[str, str] = {}
    for m in re.finditer(r"(来源|发布时间|时间)\s*[:：]\s*(\S+(?:\s+[0-9]{1,2}:[0-9]{2})?)", text):
        out.setdefault(m.group(1), m.group(2))
    return out
