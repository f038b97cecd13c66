"""The published JSON Schema of the gi-report JSON form, read from the package's own data.

The schema is derived from the form description and the model by the development tool
``tools/generate.py``, which writes it both to ``schemas/`` (the published copy) and into the
package (``gi_report/schemas/``); the runtime only reads the shipped file, so it needs no
generator.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

from gi_report.form import per_registry

FORMAT_VERSION = "1.0"
"""The version of the JSON/XML document format; written into every document."""

SCHEMA_ID = f"urn:gi-report:schema:report:{FORMAT_VERSION}"
DECIMAL_PATTERN = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"
JsonDict = dict[str, Any]


def shipped_file(name: str) -> bytes:
    """The bytes of one published schema file (``report.schema.json``, an XSD…)
    as shipped inside the package."""
    return resources.files("gi_report").joinpath("schemas").joinpath(name).read_bytes()


@per_registry  # a template registered for a test never sees another set's schema
def schema_text() -> str:
    """The JSON Schema as the published file holds it (UTF-8 text, 2-space indent)."""
    return shipped_file("report.schema.json").decode("utf-8")


@per_registry
def _parsed() -> JsonDict:
    parsed: JsonDict = json.loads(schema_text())
    return parsed


def json_schema() -> JsonDict:
    """The JSON Schema of the gi-report JSON form, for both templates (a fresh copy)."""
    return copy.deepcopy(_parsed())
