"""The rule catalogue and docs/rules.md, generated from the rule definitions."""

from __future__ import annotations

import re
from pathlib import Path

from gi_report.form import TEMPLATES
from gi_report.validation import RULES, rule, validate, validate_document, validate_series
from tests.validation.corpus import report_from_expected
from tools.gen.rules_doc import render_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    """Regenerate with `python tools/generate.py` when this fails."""
    assert DOC.read_text(encoding="utf-8") == render_markdown()


def test_codes_are_unique_namespaced_and_documented() -> None:
    codes = [spec.code for spec in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"gi\.[a-z]+\.[A-Za-z0-9_]+", code) for code in codes)
    text = render_markdown()
    for spec in RULES:
        assert f"### {spec.code}" in text
        assert spec.message_zh in text and spec.message_en in text
        assert rule(spec.code) is spec


def test_format_spec_rules_are_all_covered() -> None:
    covered = {spec.rule for spec in RULES if spec.rule}
    assert covered == {f"R{i}" for i in range(1, 17)}


def test_sum_rules_are_generated_from_the_form() -> None:
    text = render_markdown()
    for template in TEMPLATES.values():
        for table in template.tables:
            for decl in table.declarations:
                assert f"### gi.sum.{decl.rule}" in text
    assert TEMPLATES["2021"].table("applications").note in text  # R1's basis, verbatim


def test_every_code_a_validator_emits_is_in_the_catalogue() -> None:
    shanghai = report_from_expected("2019-shanghai-gov-office")
    emitted = {f.code for f in validate(shanghai).findings}
    emitted |= {f.code for f in validate(shanghai, blank_as_zero=True).findings}
    emitted |= {f.code for f in validate_document({"template": "x", "y": float("nan")}).findings}
    emitted |= {f.code for f in validate_series([shanghai, report_from_expected("2021-pingtan")])
                .findings}
    assert emitted <= {spec.code for spec in RULES}
    assert len(emitted) >= 8
