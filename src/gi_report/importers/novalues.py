"""A table found with its headers but no row of values: why its cells are blank.

A crawl prints a blank cell as nothing, so a table whose every cell is blank prints its headers
alone: its cells are blank as printed empty (``cell.blank``). But when a text of the section
starts with numbers (the crawl ran the table's numbers into the sentence after it,
``…0101本年度…``, and where the numbers end could not be told; or a dashed page mark among
them could not be told from dash cells), that reason would be false: the cells are blank
because the numbers could not be read (``cell.unreadable``, quoting the text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gi_report.form.spec import TableSpec
from gi_report.importers.blocks import TextBlock
from gi_report.importers.cellnames import pointer
from gi_report.importers.place import Placer
from gi_report.importers.result import notice

_LEADING_NUMBER = re.compile(r"\s*[0-9０-９]")
_QUOTED = 30
"""Characters of the text quoted in the notice."""


def no_values(spec: TableSpec, narrative: Sequence[TextBlock], placer: Placer) -> None:
    """Blank every cell of a table printed with no values, with the true reason: printed
    empty, or numbers run into a text of the section (the first such text, quoted)."""
    cells = [pointer(spec, (r.id, c)) for r in spec.rows for c in r.columns]
    lead = next((b for b in narrative if _LEADING_NUMBER.match(b.text)), None)
    if lead is None:
        placer.blank = cells
        return
    text = lead.text.strip()
    quoted = text[:_QUOTED] + ("…" if len(text) > _QUOTED else "")
    placer.notices.append(notice(
        "cell.unreadable",
        f"{spec.title}只印出表头，未见数值行，而本部分有一段以数字开头、未能读作数值的文字"
        f"“{quoted}”：可能是表格的数值（与文字连写，或夹有无法与单元格区分的页码），无法确定"
        "各数值，这些单元格留空（并非印作空白）",
        location=lead.location, cells=cells, found=text[:_QUOTED]))
