"""The report's shape: template of the year, one layout throughout, all six sections, 一's topics.

- The template follows the report year (each template's years are in the form's registry).
- Every fixed table follows the report's template (mixed layouts are held, and reported).
- Each of the six sections is present (a heading, text, or for 二–四 a filled table).
- Section 一 covers the topics the newest template's notice lists (proactive disclosure,
  disclosure on request, information management, platforms, oversight), found by keywords from
  the form.
"""

from __future__ import annotations

from gi_report.errors import UnknownTemplateError
from gi_report.form import BUILTIN, TABLE_IDS, get_template, template_for_year
from gi_report.form.spec import SectionSpec, TemplateSpec
from gi_report.model import Report
from gi_report.validation.findings import Finding, Severity
from gi_report.validation.rulespec import RuleSpec

FAMILY = "structure"

_NEWEST = BUILTIN.newest  # the notice that lists section 一's topics


def _in_force(years: tuple[int, int | None]) -> str:
    first, last = years
    return f"{first} on" if last is None else f"years {first}–{last}"

YEAR_MISMATCH = RuleSpec(
    code="gi.template.year_mismatch",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="格式版本与报告年度不符",
    title_en="The template does not match the report year",
    formula="template == template_for_year(metadata.year)",
    basis=" and ".join(f"{t.document} ({_in_force((t.first_year, t.last_year))})"
                       for t in list(BUILTIN.values())[::-1])
    + "; format-spec.md §1.2, §8.",
    message_zh="{year} 年度报告应使用{expected}，但本报告按《{used}》（{used_document}）填报",
    message_en="a report on {year} should follow template {expected_version} "
    "({expected_document}), but this one follows template {used_version} ({used_document})",
)

MIXED_LAYOUT = RuleSpec(
    code="gi.template.mixed_layout",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh="表格混用不同版本的格式",
    title_en="Tables follow different template versions",
    formula="every table's layout is the layout of `template` (table_templates is empty)",
    basis="format-spec.md §1.2 (mixed layouts seen in real reports).",
    message_zh="{tables} 的表格按 {versions} 年版格式填报，与本报告的 {template} 年版格式不一致",
    message_en="the tables of {tables_en} follow the {versions} layout, not the report's "
    "template {template}",
)

SECTION_MISSING = RuleSpec(
    code="gi.section.missing",
    severity=Severity.ERROR,
    family=FAMILY,
    title_zh="缺少报告的组成部分",
    title_en="A section of the report is missing",
    formula="each of the six sections has a heading, text or (二, 三, 四) a filled table",
    basis="Article 50 of the Regulations and the template's six sections (format-spec.md §2, "
    "§8: missing section).",
    message_zh="缺少“{heading}”部分",
    message_en="section {number} ({section_id}, “{heading}”) is missing",
)

TOPIC_MISSING = RuleSpec(
    code="gi.section.topic_missing",
    severity=Severity.WARNING,
    family=FAMILY,
    title_zh=f"{_NEWEST.section('overview').title}未涉及应报告的方面",
    title_en="The overview does not cover a required topic",
    formula="some keyword of each TemplateSpec.overview_topics entry occurs in section 一",
    basis=f"{_NEWEST.document} 一（一）: {'、'.join(t.label for t in _NEWEST.overview_topics)} "
    "(format-spec.md §2.1).",
    message_zh="{heading} 未涉及“{topic}”（未出现关键词：{keywords}）",
    message_en="{heading} [/overview] does not cover “{topic}” ({topic_id}; none of the "
    "keywords {keywords} occurs)",
)

RULES = (YEAR_MISMATCH, MIXED_LAYOUT, SECTION_MISSING, TOPIC_MISSING)


def _present(text: str | None) -> bool:
    return bool(text and text.strip())


def check_template(report: Report, layouts: dict[str, str] | None = None) -> list[Finding]:
    """Findings for a template that does not match the year, and for mixed layouts
    (``layouts``: the report's ``table_templates`` when the caller has them already)."""
    out: list[Finding] = []
    used = report.template_spec
    year = report.metadata.year
    try:
        expected = template_for_year(year)
    except UnknownTemplateError:
        expected = None
    if expected is None or expected.version != used.version:
        out.append(
            YEAR_MISMATCH.finding(
                pointer="/template",
                pointers=("/template", "/metadata/year"),
                params={
                    "year": year,
                    "expected": f"《{expected.name}》（{expected.document}）"
                    if expected
                    else "的全国统一格式尚未发布",
                    "expected_document": expected.document if expected else "—",
                    "expected_version": expected.version if expected else "(none)",
                    "used": used.name,
                    "used_document": used.document,
                    "used_version": used.version,
                },
            )
        )
    if layouts is None:
        layouts = report.table_templates
    if layouts:
        tables = [t for t in TABLE_IDS if t in layouts]
        headings = [used.section(report.table(t).spec.section).heading for t in tables]
        versions = sorted(set(layouts.values()))
        out.append(
            MIXED_LAYOUT.finding(
                pointer="/table_templates",
                pointers=("/table_templates", *(f"/{t}" for t in tables)),
                params={
                    "tables": "、".join(f"“{h}”" for h in headings),
                    "tables_en": ", ".join(tables),
                    "versions": "、".join(versions),
                    "template": used.version,
                },
            )
        )
    return out


def _section_present(report: Report, section: SectionSpec) -> bool:
    if section.id == "overview":
        overview = report.overview
        return _present(overview.heading) or _present(overview.text) or bool(overview.subsections)
    if section.id in TABLE_IDS:
        narrative = getattr(report.table_sections, section.id)
        return (  # the texts first: testing them is cheaper than a walk over the cells
            _present(narrative.heading)
            or _present(narrative.text)
            or not report.table(section.id).is_blank
        )
    if section.id == "other_matters":
        other = report.other_matters
        fees = any(getattr(other, f.id) is not None for f in report.template_spec.fee_fields)
        return _present(other.heading) or _present(other.text) or fees
    narrative = getattr(report, section.id)
    return _present(narrative.heading) or _present(narrative.text)


def missing_sections(report: Report) -> list[str]:
    """Ids of the sections the report leaves out entirely."""
    return [s.id for s in report.template_spec.sections if not _section_present(report, s)]


def check_sections(report: Report, missing: list[str] | None = None) -> list[Finding]:
    """A finding per absent section (``missing``: :func:`missing_sections`, if known)."""
    if missing is None:
        missing = missing_sections(report)
    if not missing:
        return []
    template = report.template_spec
    out: list[Finding] = []
    for section_id in missing:
        section = template.section(section_id)
        out.append(
            SECTION_MISSING.finding(
                pointer=f"/{section.id}",
                section=section.id,
                params={
                    "heading": section.heading,
                    "number": section.number,
                    "section_id": section.id,
                },
            )
        )
    return out


_ONE_LINE: dict[int, tuple[TemplateSpec, bool]] = {}
"""By template identity (a template's value hash walks the whole form): whether no keyword of
its topics holds a line break."""


def _one_line_keywords(template: TemplateSpec) -> bool:
    """Whether every topic keyword of ``template`` is on one line (worked out once)."""
    known = _ONE_LINE.get(id(template))
    if known is None or known[0] is not template:
        known = (template, all("\n" not in k for t in template.overview_topics for k in t.keywords))
        _ONE_LINE[id(template)] = known
    return known[1]


def overview_text(report: Report) -> str:
    """Everything section 一 says, headings included, as one text."""
    overview = report.overview
    parts = [overview.heading or "", overview.text or ""]
    for sub in overview.subsections:
        parts += [sub.heading, sub.text]
    return "\n".join(parts)


def check_topics(report: Report, missing: list[str] | None = None) -> list[Finding]:
    """A finding per topic of section 一 that no keyword shows (only if 一 is present;
    ``missing``: :func:`missing_sections`, if known)."""
    template = get_template(report.template)
    if missing is not None:
        if "overview" in missing:
            return []
    elif not _section_present(report, template.section("overview")):
        return []
    # The subsection headings first: short, and where the topics usually are named. A one-line
    # keyword found in them is in the text too. The whole text is joined only for a topic the
    # headings do not show (most reports name every topic in them).
    headings = "\n".join(s.heading for s in report.overview.subsections) \
        if _one_line_keywords(template) else ""
    text: str | None = None
    out: list[Finding] = []
    for topic in template.overview_topics:
        if _named(headings, topic.keywords):
            continue
        if text is None:
            text = overview_text(report)
        if _named(text, topic.keywords):
            continue
        heading = template.section("overview").heading
        out.append(
            TOPIC_MISSING.finding(
                pointer="/overview",
                section="overview",
                params={
                    "heading": heading,
                    "topic": topic.label,
                    "topic_id": topic.id,
                    "keywords": "、".join(topic.keywords),
                },
            )
        )
    return out


def _named(text: str, keywords: tuple[str, ...]) -> bool:
    """Whether a keyword is in the text (a loop, not ``any()`` over a generator: this runs for
    every topic of every report validated)."""
    for keyword in keywords:  # noqa: SIM110
        if keyword in text:
            return True
    return False
