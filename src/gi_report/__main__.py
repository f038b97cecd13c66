"""``python -m gi_report``: the same as the ``gi-report`` command."""

import sys

from gi_report.cli import main

sys.exit(main())
