"""The data-model reference page (docs/data-model.md), generated from the form description.

Written by ``tools/generate.py`` (``--check`` fails when the committed page is stale).
"""

from __future__ import annotations

from gi_report.form import TEMPLATES
from gi_report.form.spec import TableSpec, TemplateSpec

PAGE = "data-model.md"


def _table_section(template: TemplateSpec, table: TableSpec) -> list[str]:
    section = template.section(table.section)
    lines = [
        f"### {section.heading} — `{table.id}` ({len(table.rows)} rows, {table.cell_count} cells)",
        "",
        table.description,
        "",
    ]
    if table.note:
        lines += [f"Corner note printed in the table: {table.note}", ""]
    lines += [
        "Columns:",
        "",
        "| column id | label | header | kind | meaning |",
        "|---|---|---|---|---|",
    ]
    for column in table.columns:
        header = " › ".join(column.header_path) or "—"
        aliases = f" (also: {', '.join(column.aliases)})" if column.aliases else ""
        lines.append(
            f"| `{column.id}` | {column.label}{aliases} | {header} | {column.kind.value} "
            f"| {column.description} |"
        )
    lines += ["", "Rows:", "", "| # | row id | label | group | columns | meaning |",
              "|---|---|---|---|---|---|"]
    for number, row in enumerate(table.rows, start=1):
        group = " › ".join(table.group(g).label for g in reversed(table.group_chain(row.group)))
        aliases = f" (also: {', '.join(row.aliases)})" if row.aliases else ""
        columns = "all" if len(row.columns) == len(table.columns) else ", ".join(
            f"`{c}`" for c in row.columns)
        lines.append(
            f"| {number} | `{row.id}` | {row.label}{aliases} | {group or '—'} | {columns} "
            f"| {row.description} |"
        )
    if table.relations:
        lines += ["", "Arithmetic relations declared by the form (checked by the validators):", ""]
        for decl in table.declarations:
            lines.append(f"- {decl.rule}: `{type(decl).__name__}` {_describe(decl)}")
    lines.append("")
    return lines


def _describe(decl: object) -> str:
    from gi_report.form.spec import Balance, ColumnTotal, RowTotal

    if isinstance(decl, ColumnTotal):
        rows = "every row" if decl.rows is None else ", ".join(f"`{r}`" for r in decl.rows)
        return f"in {rows}: `{decl.total}` = " + " + ".join(f"`{c}`" for c in decl.parts)
    if isinstance(decl, RowTotal):
        return f"in every column: `{decl.total}` = sum of {len(decl.parts)} outcome rows"
    assert isinstance(decl, Balance)
    return (
        "in every column: " + " + ".join(f"`{r}`" for r in decl.left) + " = "
        + " + ".join(f"`{r}`" for r in decl.right) + f" — {decl.note}"
    )


_PYTHON_API = [
    "## Reading a table in Python",
    "",
    "A `gi_report.Table` is a read-only mapping of its rows, keyed by the row ids above, in the "
    "form's order; each row is a read-only mapping of column id to the stated value (`None` for "
    "a blank cell, never 0):",
    "",
    "```python",
    "table = report.applications",
    "table[\"granted\"][\"total\"]        # one cell",
    "table[\"granted\", \"total\"]        # the same cell",
    "table.cell(\"granted\", \"total\")   # the same cell, as a method",
    "len(table), list(table)[:2]       # 25 rows; 'new_this_year', 'carried_from_last_year'",
    "dict(table[\"granted\"])            # {'natural_person': 3, ..., 'total': 12}",
    "for row_id, row in table.items(): ...",
    "```",
    "",
    "An unknown row or column raises `KeyError`; `get(row_id)` gives `None` for an unknown row. "
    "`table.values` is still the stated values as a tuple of row tuples; calling it, "
    "`table.values()`, gives the mapping's view of the rows. A table equals another table of "
    "the same layout with the same values, never a `dict` (compare `table.to_mapping()` for "
    "that). Tables are immutable: `with_cell`, `with_row` and `Report.with_table` return "
    "changed copies. In a notebook a `Table` or a `Report` shows itself in the official layout "
    "(`_repr_html_`). A `ValidationReport` shows its verdict and a table of its findings "
    "(severity, code, JSON Pointer with the cell's label, the message in Chinese and English).",
    "",
]


def render() -> str:
    """The whole reference page as Markdown."""
    lines = [
        "# Data model reference",
        "",
        "<!-- Generated from gi_report.form by `python tools/generate.py`; do not edit by "
        "hand. -->",
        "",
        "Every identifier below is part of the public contract: the JSON paths "
        "`proactive.<row>.<column>`, `applications.<row>.<column>` and "
        "`review_litigation.<row>.<column>`, the XML element names, the dataframe keys and the "
        "rule messages use them. The Chinese labels are the official template's.",
        "",
        "## Where the facts of the form live",
        "",
        "Everything below is data in `gi_report.form`, and every other part of gi-report asks "
        "it instead of naming a version or writing a label again:",
        "",
        "- the templates: `TEMPLATES` is a read-only mapping from version to `TemplateSpec`, "
        f"newest first ({', '.join(TEMPLATES)}); `TEMPLATES.newest` (`newest_template()`) is the "
        "default layout of `empty_report`, `random_report`, `harmonise` and roll-ups; "
        "`template_for_year(year)` is the newest template whose years include `year`;",
        "- the arithmetic relations (R1–R6) are the tables' `declarations`, each with its "
        "wording (`RuleWording`: the rule's title and how a message calls its parts, in Chinese "
        "and English) beside it;",
        "- the mapping between two templates' layouts (the cells written by hand where they "
        "differ, and why a dropped cell has no place) is `gi_report.form.mapping`;",
        "- the section-六 fee figures are `TemplateSpec.fee_fields` (label, unit, kind).",
        "",
        "Adding a template means describing it in a new module beside `v2021.py`, adding it to "
        "`BUILTIN` in `gi_report/form/registry.py`, and writing its mapping rules to and from "
        "the previous template in `gi_report/form/mapping.py`. To try a template without "
        "changing the built-in registry (in a test), register it for a `with` block only: "
        "`with gi_report.form.registered(spec): ...` — inside it everything (model, JSON and "
        "XML codecs, schemas, importers, rules) sees the new template; outside it, and in other "
        "threads, nothing does.",
        "",
    ]
    for template in TEMPLATES.values():
        years = f"{template.first_year}–{template.last_year or ''}"
        lines += [
            f"## Template {template.version}: 《{template.name}》",
            "",
            f"Issued with {template.document} on {template.issued}; applies to report years "
            f"{years}.",
            "",
            "Sections:",
            "",
            "| # | id | heading | variants seen | content |",
            "|---|---|---|---|---|",
        ]
        for section in template.sections:
            variants = "; ".join(section.aliases) or "—"
            lines.append(
                f"| {section.number} | `{section.id}` | {section.heading} | {variants} "
                f"| {section.description} |"
            )
        lines.append("")
        for table in template.tables:
            lines += _table_section(template, table)
        lines += [
            "### Section 六 fields (`other_matters`)",
            "",
            "| field id | label | kind | unit | meaning |",
            "|---|---|---|---|---|",
        ]
        for field in template.fee_fields:
            lines.append(
                f"| `{field.id}` | {field.label} | {field.kind.value} | {field.unit} "
                f"| {field.description} |"
            )
        lines += ["", "Topics section 一 must cover:", ""]
        lines += [f"- `{t.id}` {t.label}: {t.description}" for t in template.overview_topics]
        lines.append("")
    lines += _PYTHON_API
    return "\n".join(lines)

