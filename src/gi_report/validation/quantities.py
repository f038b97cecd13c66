"""Old home of the bounded values; they now live in :mod:`gi_report.bounds` (re-exported here).

Moved down so that the one carry-over evaluation (:mod:`gi_report.carryover`) can use them from
both the validators and the analysis without either importing the other.
"""

from __future__ import annotations

from gi_report.bounds import ZERO, Bound, cell_bound, sum_bound, value_bound

__all__ = ["ZERO", "Bound", "cell_bound", "sum_bound", "value_bound"]
