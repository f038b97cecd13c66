"""A numbered row label glued onto the digits before it in a crawl line (``…0182.<label>…``).

The crawler cuts a one-line dump at the form's labels, matched exactly; a label printed with a
typo is not found, so its numbering marker (``2.``) reads as the last digit of the value before
it. Here the marker is taken back only when the printed label, with those digits as its number,
matches exactly one row of the form whose official number is the same (edit distance, as
:mod:`vocabulary` matches labels); otherwise the value cannot be told from the marker and the
caller leaves it unread.
"""

from __future__ import annotations

import re

from gi_report.form import TEMPLATES
from gi_report.importers.normalize import label_key
from gi_report.importers.vocabulary import vocabulary

GLUED = re.compile(r"[.．、](?![0-9０-９\s])")
"""A numbering mark right after the digits of a value, with text (not digits) after it."""
MAX_MARKER_DIGITS = 2


def row_numbered(label: str, table_id: str) -> bool:
    """Whether ``label`` names exactly one row, numbered as printed, in some template's table."""
    return label_key(label).marker is not None and names_one_row(label, table_id)


def names_one_row(label: str, table_id: str) -> bool:
    """Whether ``label`` names exactly one row of the table (by the form's labels, aliases and
    edit distance, in every template); a printed number must be the row's own."""
    number = label_key(label).marker
    found = set()
    for template in TEMPLATES.values():
        match = vocabulary(template.table(table_id)).row(label)
        if match is None or len(match.items) != 1:
            continue
        official = label_key(match.label).marker
        if number is None or (official is not None and official[1] == number[1]):
            found.add(match.item.id)
    return len(found) == 1


def marker_digits(value: str, label: str, table_id: str) -> int | None:
    """How many trailing digits of ``value`` are the number of the glued ``label`` (which starts
    with its numbering mark, ``.<label with a typo>``): 1 or 2, 0 if ``label`` has no mark, ``None``
    if no count, or more than one, makes a label of the form."""
    if not GLUED.match(label):
        return 0
    fits = [
        k for k in range(1, MAX_MARKER_DIGITS + 1)
        if len(value) >= k and value[-k:].isascii() and value[-k:].isdigit()
        and value[-k] != "0" and row_numbered(value[-k:] + label, table_id)
    ]
    return fits[0] if len(fits) == 1 else None
