"""The project's exceptions: one hierarchy rooted in :class:`GIReportError`.

Each subclass also inherits the matching built-in (``ValueError``, ``KeyError``…) so that code
written against the standard library keeps working, and carries where the problem is and what was
expected.
"""

from __future__ import annotations

import errno
import os
import reprlib
from collections.abc import Iterable

import attrs


class GIReportError(Exception):
    """Root of every exception gi-report raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input document: where, what was expected, and what was found."""

    pointer: str  #: JSON Pointer (RFC 6901) of the offending value; ``""`` is the whole document
    expected: str  #: what the form or the schema expects there
    got: str | None = None  #: a short rendering of what was found, ``None`` if nothing was

    def __str__(self) -> str:
        where = self.pointer or "(document)"
        found = f", got {self.got}" if self.got is not None else ""
        return f"{where}: expected {self.expected}{found}"


MAX_PROBLEMS = 100
"""Most problems one :class:`DocumentError` keeps and lists; ``count`` says how many there were."""


class DocumentError(GIReportError, ValueError):
    """A JSON or XML document is not a valid gi-report document.

    ``problems`` lists the problems found, each with its JSON Pointer, at once: the first
    :data:`MAX_PROBLEMS` of them; ``count`` is how many were found in all (at least as many).
    """

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None,
                 count: int | None = None) -> None:
        kept: list[Problem] = []
        total = 0
        for problem in problems:
            total += 1
            if len(kept) < MAX_PROBLEMS:
                kept.append(problem)
        self.problems: tuple[Problem, ...] = tuple(kept)
        self.count = max(total, count or 0)
        self.source = source
        head = f"{source}: " if source else ""
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "problem" if self.count == 1 else "problems"
        shown = f"; the first {len(kept)} listed" if self.count > len(kept) else ""
        super().__init__(
            f"{head}not a valid gi-report document ({self.count:,} {noun}{shown}):\n{lines}")


class UnknownTemplateError(GIReportError, KeyError):
    """A template version that gi-report does not describe."""

    def __init__(self, version: object, known: Iterable[str]) -> None:
        self.version = version
        self.known = tuple(known)
        super().__init__(
            f"unknown template version {reprlib.repr(version)}; "
            f"known versions: {', '.join(self.known)}"
        )

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class CellError(GIReportError, ValueError):
    """A value that a table cell of the form cannot hold, or a cell the form does not have."""

    def __init__(self, pointer: str, expected: str, got: object) -> None:
        self.pointer = pointer
        self.expected = expected
        self.got = got
        # reprlib: a short rendering, also of a value nested 100,000 deep (no RecursionError)
        super().__init__(f"{pointer}: expected {expected}, got {reprlib.repr(got)}")


class InputTooLargeError(GIReportError, ValueError):
    """An input over the size limit gi-report sets for that kind of input."""

    def __init__(self, what: str, size: int, limit: int) -> None:
        self.what = what
        self.size = size
        self.limit = limit
        super().__init__(f"{what}: {size:,} bytes is over the limit of {limit:,} bytes")


class MissingExtraError(GIReportError, ImportError):
    """An optional dependency is not installed: names the package and the extra that brings it."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        self.purpose = purpose
        super().__init__(
            f"{purpose} needs the optional package {package!r}; "
            f"install it with: pip install 'gi-report[{extra}]'"
        )


class IncompatibleReportsError(GIReportError, ValueError):
    """Reports that cannot be combined as asked (e.g. summed across different report years).

    ``field`` names what differs and ``values`` maps each report (by position and agency) to its
    value of that field.
    """

    def __init__(self, message: str, *, field: str, values: dict[str, str]) -> None:
        self.field = field
        self.values = dict(values)
        listed = "; ".join(f"{k}: {v}" for k, v in self.values.items())
        super().__init__(f"{message} ({field} — {listed})")


class TemplateMismatchError(IncompatibleReportsError):
    """Reports (or tables) laid out on different template versions, combined without harmonising."""


class UnsupportedFormatError(GIReportError, ValueError):
    """A file name whose extension names no format gi-report can write or read there."""

    def __init__(self, path: str, expected: str) -> None:
        self.path = path
        self.expected = expected
        super().__init__(f"{path}: expected {expected}")


class ReportImportError(GIReportError, ValueError):
    """A published document (HTML, text, Markdown, DOCX, PDF) that cannot be imported.

    ``source`` names the file, ``where`` the place inside it (member, page, table…) and
    ``expected`` what a readable document has there.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        where: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.source = source
        self.where = where
        self.expected = expected
        head = ": ".join(part for part in (source, where) if part)
        text = f"{head}: {message}" if head else message
        if expected:
            text = f"{text} (expected {expected})"
        super().__init__(text)


class CorruptDocumentError(ReportImportError):
    """A damaged document, or one that is not of the kind it claims (not a zip, truncated PDF)."""


class UnsafeDocumentError(ReportImportError):
    """A document over a safety limit (zip bomb, too many members or pages, a DTD in the XML)."""


class EncryptedDocumentError(ReportImportError):
    """A password-protected document: gi-report does not decrypt; save an unprotected copy."""


class NoTextLayerError(ReportImportError):
    """A PDF without usable text (a scan or image-only report): it needs OCR before import."""


@attrs.frozen(kw_only=True)
class XMLProblem(Problem):
    """A problem in an XML document: its JSON Pointer, and the line and element path in the XML.

    ``pointer`` is the JSON Pointer of the same value in the JSON form (the XML element names
    are the JSON keys), so one problem reads the same for both forms; ``path`` is the element
    path in the XML (local names, e.g. ``/report/applications/granted/total``).
    """

    line: int | None = None  #: 1-based line of the offending element in the XML, if known
    path: str | None = None  #: element path of the offending element, if known

    def __str__(self) -> str:
        where = self.path or self.pointer or "(document)"
        if self.line is not None:
            where = f"line {self.line}, {where}"
        found = f", got {self.got}" if self.got is not None else ""
        return f"{where}: expected {self.expected}{found}"


class XMLDocumentError(DocumentError):
    """An XML document that is not a valid gi-report XML document.

    ``problems`` are :class:`XMLProblem` objects: each has the line, the element path and the
    JSON Pointer of what is wrong, and what was expected there.
    """

    @classmethod
    def because(
        cls, expected: str, got: str | None, *, source: str | None = None,
        line: int | None = None,
    ) -> XMLDocumentError:
        """The error for one problem with the whole document (encoding, DOCTYPE…)."""
        problem = XMLProblem(pointer="", expected=expected, got=got, line=line)
        return cls([problem], source=source)


class UnsafeXMLError(XMLDocumentError):
    """An XML document using what gi-report refuses to read: a DOCTYPE (and with it entity
    declarations and external DTDs), external resources or XInclude."""


class UnrecognisedDocumentError(ReportImportError):
    """A readable document in which no annual report was found (no section, table or report year),
    or binary data that is not text at all."""


class UnsupportedKindError(ReportImportError):
    """A document kind gi-report cannot import here (unknown kind, or its reader is not present)."""


class OutputPathError(GIReportError, OSError):
    """An output file that cannot be created where asked: its directory is missing, is not a
    directory, or refuses the write. ``path`` is the file asked for, ``reason`` the cause."""

    def __init__(self, path: str, reason: str, errno: int = 0) -> None:
        super().__init__(errno, reason)  # OSError's errno and strerror (the reason alone)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return (f"{self.path}: cannot write the file: {self.reason} "
                "(expected an existing, writable directory)")


class DocumentNotFoundError(GIReportError, FileNotFoundError):
    """A document named by a path (a ``str`` or ``os.PathLike``) that is not an existing file.

    A ``str`` given for a document is always a path (as in pandas); document text comes as
    ``bytes`` or a stream, and the message says so. ``path`` is the name given (shortened when
    long: it may be a text passed by mistake).
    """

    def __init__(self, path: str) -> None:
        shown = path if len(path) <= 120 else path[:119] + "…"
        # errno and strerror as open() gives them (what a command line prints after the name);
        # str() adds the rule, for a Python caller who passed text.
        super().__init__(errno.ENOENT, os.strerror(errno.ENOENT), path)
        self.path = shown
        self.reason = ("no such file (a str is read as a path: pass bytes or a stream for "
                       "document text)")

    def __str__(self) -> str:
        return f"{self.path!r}: {self.reason}"


class UnknownSeverityError(GIReportError, ValueError):
    """A severity name other than ``error``, ``warning`` or ``info``."""

    def __init__(self, name: object, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(
            f"unknown severity {name!r}; expected one of {', '.join(self.known)}"
        )


class GIReportWarning(UserWarning):
    """Root of the warnings gi-report emits about recoverable oddities.

    Escalate them with ``warnings.filterwarnings("error", category=GIReportWarning)``.
    """


class ReportImportWarning(GIReportWarning):
    """An importer inferred, matched loosely, split or could not read something (see ``notice``)."""

    def __init__(self, message: str, notice: object = None) -> None:
        self.notice = notice
        super().__init__(message)
