"""The generalisation harness of the importers (issue 10, item 5).

Generated reports with known values are turned into neutral documents (:mod:`.document`),
damaged in the ways real reports depart from the template (:mod:`.damage`), written in each form
the importers read (:mod:`.forms`), imported with :func:`gi_report.read_document` and compared
cell by cell with the truth (:mod:`.compare`). :mod:`.cases` ties one case together;
``benchmarks/fidelity.py`` runs thousands and ``tests/importers/test_fidelity.py`` a few dozen.
"""

from benchmarks.fidelity_harness.cases import Case, Outcome, build_case, draw_cases, run_case
from benchmarks.fidelity_harness.compare import Tally, Wrong, compare
from benchmarks.fidelity_harness.damage import DAMAGES
from benchmarks.fidelity_harness.forms import FORMS

__all__ = ["DAMAGES", "FORMS", "Case", "Outcome", "Tally", "Wrong", "build_case", "compare",
           "draw_cases", "run_case"]
