"""``python -m gi_report.xsd [--check] DIR``: write (or check) the committed XSD files."""

from __future__ import annotations

import sys

from gi_report.xsd import main

sys.exit(main())
