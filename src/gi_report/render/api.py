"""``render(report, to=…)``: one entry point for every output kind of the renderers.

``html``, ``markdown`` and ``text`` give a ``str``, ``docx`` gives the ``bytes`` of a Word file.
With ``findings`` (a :class:`~gi_report.validation.ValidationReport` or findings) or ``notices``
(import notices), ``html`` gives the check page instead: the tables with every named cell
highlighted and the list of findings beside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from gi_report.errors import UnsupportedFormatError
from gi_report.importers.result import Notice
from gi_report.model import Report
from gi_report.validation.findings import Finding
from gi_report.validation.report import ValidationReport

RenderKind = Literal["html", "markdown", "text", "docx"]
"""The output kinds of :func:`render`."""

RENDER_KINDS: tuple[str, ...] = ("html", "markdown", "text", "docx")
"""Every value ``to`` accepts, in the order the command line lists them."""


def render(
    report: Report,
    to: RenderKind | str = "html",
    *,
    findings: ValidationReport | Iterable[Finding] | None = None,
    notices: Iterable[Notice] | None = None,
    standalone: bool = True,
) -> str | bytes:
    """``report`` as a document of kind ``to``.

    ``to``: ``html``, ``markdown``, ``text`` (``str``) or ``docx`` (``bytes``).
    ``findings`` / ``notices``: for ``html`` only, make the check page (every cell they name
    highlighted, the list beside the tables). ``standalone``: for ``html``, a whole page with
    its stylesheet (``True``) or a fragment without styles to paste into a CMS (``False``).
    Raises :class:`~gi_report.errors.UnsupportedFormatError` for another ``to``, or for
    findings with a kind other than ``html``.
    """
    if to not in RENDER_KINDS:
        raise UnsupportedFormatError(f"to={to!r}", "one of " + ", ".join(RENDER_KINDS))
    checking = findings is not None or notices is not None
    if checking and to != "html":
        raise UnsupportedFormatError(
            f"to={to!r} with findings or notices",
            "to='html' (findings and notices are shown only on the HTML check page)")
    if to == "docx":
        from gi_report.render.docx import render_docx

        return render_docx(report)
    if to == "markdown":
        from gi_report.render.markdown import render_markdown

        return render_markdown(report)
    if to == "text":
        from gi_report.render.plain import render_plain

        return render_plain(report)
    if checking:
        from gi_report.render.check_page import render_check_page

        if isinstance(findings, ValidationReport):
            findings = findings.findings
        page: str = render_check_page(report, findings=tuple(findings or ()),
                                      notices=tuple(notices or ()))
        return page
    from gi_report.render.html import render_html

    return render_html(report, standalone=standalone)
