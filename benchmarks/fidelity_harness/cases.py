"""One case of the harness: a generated report, damaged, rendered, imported and compared.

A case is fully determined by ``(seed, damages, form)``: the same triple rebuilds the same
document, so every wrong cell the harness finds can be reproduced with :func:`build_case`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import attrs

from benchmarks.fidelity_harness.compare import Tally, Wrong, compare
from benchmarks.fidelity_harness.damage import DAMAGES, blank_units
from benchmarks.fidelity_harness.document import Document, build
from benchmarks.fidelity_harness.forms import FORMS
from gi_report import read_document
from gi_report.model import Report
from gi_report.synthetic import random_report


def generate(rng: random.Random, *, blanks: bool = True) -> Report:
    """A report of either template, sometimes mixing layouts, with blanks (unless ``blanks`` is
    false) and varied scales."""
    template = rng.choice(("2021", "2019"))
    blank_rate = rng.choice((0.0, 0.0, 0.05, 0.3))
    report = random_report(rng, template=template, blank_rate=blank_rate if blanks else 0.0,
                           scale=rng.choice((8, 30, 200, 2000)))
    if rng.random() < 0.2:
        other = random_report(rng, template="2019" if template == "2021" else "2021",
                              scale=rng.choice((8, 200)))
        if rng.random() < 0.5:
            report = attrs.evolve(report, proactive=other.proactive)
        else:
            report = attrs.evolve(report, applications=other.applications)
    return report


NO_BLANKS = frozenset({"one_line"})
"""Forms whose documents are generated without blank cells (see :func:`build_case`)."""


@attrs.frozen
class Case:
    """What one case is: its seed, the damage kinds applied (in order) and the form."""

    seed: int
    damages: tuple[str, ...]
    form: str

    @property
    def label(self) -> str:
        """The damage kind for tables: the kind alone, ``none`` or ``combined``."""
        if not self.damages:
            return "none"
        return self.damages[0] if len(self.damages) == 1 else "combined"


@attrs.frozen
class Outcome:
    """How one case came back: its tally, or the exception the import raised."""

    case: Case
    tally: Tally | None
    error: str | None = None  #: ``ExceptionType: message`` when the import raised


def build_case(case: Case) -> tuple[Document, str | bytes, str]:
    """The damaged document of a case, its rendered text and the kind to import it as."""
    rng = random.Random(case.seed)
    # A blank cell vanishes from a one-line dump, leaving a digit run that reads the same as one
    # with a digit per cell: no importer can tell them apart, so that form has no blanks.
    doc = build(generate(rng, blanks=case.form not in NO_BLANKS))
    for name in case.damages:
        DAMAGES[name](doc, rng)
    blank_units(doc)
    text, kind = FORMS[case.form](doc, rng)
    return doc, text, kind


def _bytes(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text


def run_case(case: Case) -> Outcome:
    """Build, import and compare one case; an exception of the import is an outcome too."""
    doc, text, kind = build_case(case)
    try:
        result = read_document(_bytes(text), kind=kind, warn=False)
    except Exception as exc:
        return Outcome(case, None, f"{type(exc).__name__}: {str(exc)[:200]}")
    return Outcome(case, compare(doc.truth, result.report))


def draw_cases(seed: int, count: int, kinds: Sequence[str], forms: Sequence[str],
               *, combined: float = 0.25, undamaged: float = 0.03) -> list[Case]:
    """``count`` cases: most with one damage kind, some with 2–4 kinds combined, a few none;
    kinds and forms taken in turn so that every pair is covered evenly."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for i in range(count):
        form = forms[i % len(forms)]
        roll = rng.random()
        if roll < undamaged or not kinds:
            damages: tuple[str, ...] = ()
        elif roll < undamaged + combined and len(kinds) > 1:
            damages = tuple(rng.sample(list(kinds), rng.randint(2, min(4, len(kinds)))))
        else:
            damages = (kinds[(i // len(forms)) % len(kinds)],)
        cases.append(Case(rng.randrange(2**32), damages, form))
    return cases


__all__ = ["Case", "Outcome", "Wrong", "build_case", "draw_cases", "generate", "run_case"]
