"""The element reference of the XML form as Markdown, generated for ``docs/xml.md``.

The page's section between :data:`BEGIN` and :data:`END` is this module's output;
``tools/generate.py`` writes it (``--check`` fails when the committed page is stale).
"""

from __future__ import annotations

from gi_report.form import TABLE_IDS, TEMPLATES
from gi_report.xsd import (
    INTEGER_PATTERN,
    Kind,
    Member,
    cell_kind,
    namespace,
    object_members,
    report_members,
    table_type_name,
    xsd_filename,
)

BEGIN = "<!-- BEGIN GENERATED: xsd-reference (python tools/generate.py) -->"
END = "<!-- END GENERATED: xsd-reference -->"


def _type(member: Member) -> str:
    if member.kind is Kind.TABLE:
        return "table (see below)"
    if member.kind is Kind.LIST:
        return f"list of `{member.item}` ({member.target})"
    if member.kind is Kind.OBJECT:
        return str(member.target)
    if member.type_name is not None:
        return member.type_name
    options = [value for name, value in member.facets if name == "enumeration"]
    facets = [f"{name} `{value}`" for name, value in member.facets
              if name != "enumeration" and (name != "pattern" or value != INTEGER_PATTERN)]
    if options:
        facets.append("one of " + ", ".join(f"`{o}`" for o in options))
    base = str(member.base).removeprefix("xs:")
    text = f"{base}: {'; '.join(facets)}" if facets else base
    return text.replace("|", "\\|")


def _members_table(members: tuple[Member, ...]) -> list[str]:
    lines = ["| element | label | holds | occurs | nil allowed |", "|---|---|---|---|---|"]
    for member in members:
        occurs = "1" if member.required else "0..1"
        nil = "yes" if member.nillable else "no"
        lines.append(f"| `{member.name}` | {member.title} | {_type(member)} | {occurs} | {nil} |")
    return lines


def _object_names() -> list[str]:
    seen: list[str] = []

    def visit(members: tuple[Member, ...]) -> None:
        for member in members:
            if member.target is not None and member.target not in seen:
                seen.append(member.target)
                visit(object_members(member.target))

    visit(report_members())
    return seen


def reference_markdown() -> str:
    """The generated element reference (Markdown, between the BEGIN and END markers)."""
    out = [BEGIN, "", "### Namespaces and files", ""]
    out += ["| template | namespace | XSD file |", "|---|---|---|"]
    out += [f"| {v} | `{namespace(v)}` | `schemas/{xsd_filename(v)}` |" for v in TEMPLATES]
    out += ["", "### `report` (the document element)", ""]
    out += ["Attributes: `format_version` (required, fixed), `template` (required, fixed to the "
            "namespace's template), `label` (optional). Children, in this order:", ""]
    out += _members_table(report_members())
    for name in _object_names():
        out += ["", f"### {name}", ""]
        out += _members_table(object_members(name))
    for version, template in TEMPLATES.items():
        out += ["", f"### Tables of template {version} (`{namespace(version)}`)", ""]
        for table_id in TABLE_IDS:
            table = template.table(table_id)
            out += [f"**`{table.id}`** ({table_type_name(table)}, {table.title}): "
                    f"{len(table.rows)} rows, {table.cell_count} cells, attribute "
                    f"`template=\"{version}\"`.", ""]
            shared = {row.columns for row in table.rows}
            if len(shared) == 1:
                (columns,) = shared
                cells = ", ".join(f"`{c}` ({cell_kind(table.column(c))[1]}, "
                                  f"{table.column(c).label})" for c in columns)
                out += [f"Every row has the cells {cells}.", ""]
                out += ["| row element | label |", "|---|---|"]
                out += [f"| `{row.id}` | {row.label} |" for row in table.rows]
            else:
                out += ["| row element | label | cell elements (type) |", "|---|---|---|"]
                for row in table.rows:
                    cells = ", ".join(
                        f"`{c}` ({cell_kind(table.column(c))[1]})" for c in row.columns
                    )
                    out.append(f"| `{row.id}` | {row.label} | {cells} |")
            out.append("")
    while out[-1] == "":
        out.pop()
    out += ["", END]
    return "\n".join(out) + "\n"


def replace_section(page: str) -> str:
    """``page`` with its generated section replaced by the current reference."""
    start = page.index(BEGIN)
    end = page.index(END) + len(END)
    after = page[end:].removeprefix("\n")
    return page[:start] + reference_markdown() + after

