"""The form description: shapes, identifiers and relations match format-spec.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gi_report.errors import UnknownTemplateError
from gi_report.form import TEMPLATES, get_template, template_for_year
from gi_report.form.spec import Balance, ColumnTotal, RowTotal

SRC = Path(__file__).resolve().parents[2] / "src" / "gi_report"


def test_application_grid_sizes() -> None:
    assert get_template("2021").table("applications").cell_count == 175  # 25 x 7
    assert get_template("2019").table("applications").cell_count == 161  # 23 x 7
    for version in ("2019", "2021"):
        assert get_template(version).table("review_litigation").cell_count == 15


def test_2019_has_single_other_row_and_2021_three() -> None:
    rows_2019 = [r.id for r in get_template("2019").table("applications").rows]
    rows_2021 = [r.id for r in get_template("2021").table("applications").rows]
    assert "other_handling" in rows_2019 and "other_misc" not in rows_2019
    assert rows_2021[20:23] == ["other_overdue_correction", "other_fee_unpaid", "other_misc"]
    assert rows_2021[0] == "new_this_year" and rows_2021[-1] == "carried_to_next_year"


def test_canonical_proactive_paths() -> None:
    p21 = get_template("2021").table("proactive")
    assert {(r.id, c) for r in p21.rows for c in r.columns} == {
        ("regulations", "issued_this_year"), ("regulations", "repealed_this_year"),
        ("regulations", "currently_valid"), ("normative_documents", "issued_this_year"),
        ("normative_documents", "repealed_this_year"), ("normative_documents", "currently_valid"),
        ("administrative_licensing", "decisions_this_year"),
        ("administrative_penalty", "decisions_this_year"),
        ("administrative_coercion", "decisions_this_year"),
        ("administrative_fees", "amount_10k_yuan"),
    }
    p19 = get_template("2019").table("proactive")
    assert p19.row("centralized_procurement").columns == ("projects", "total_amount", "unit")
    assert p19.column("change_this_year").kind.value == "signed_count"


def test_relations_expand_declarations() -> None:
    table = get_template("2021").table("applications")
    rules = [r.rule for r in table.relations]
    assert rules.count("R1") == 7 and rules.count("R2") == 25 and rules.count("R3") == 7
    r3 = next(r for r in table.relations if r.rule == "R3" and r.left[0].column == "total")
    assert r3.left[0].pointer == "/applications/results_total/total"
    assert len(r3.right) == 21
    review = get_template("2021").table("review_litigation").relations
    assert [r.rule for r in review] == ["R4", "R5", "R6"]
    assert [c.column for c in review[0].right] == ["upheld", "corrected", "other", "pending"]
    assert len(get_template("2019").table("applications").relations) == 7 + 23 + 7


def test_declarations_reference_real_rows_and_columns() -> None:
    for template in TEMPLATES.values():
        for table in template.tables:
            for decl in table.declarations:
                if isinstance(decl, ColumnTotal):
                    assert table.column(decl.total) and all(table.column(c) for c in decl.parts)
                elif isinstance(decl, RowTotal):
                    assert all(table.row(r) for r in (decl.total, *decl.parts))
                else:
                    assert isinstance(decl, Balance)
                    assert all(table.row(r) for r in (*decl.left, *decl.right))


def test_identifiers_are_unique_and_snake_case() -> None:
    for template in TEMPLATES.values():
        for table in template.tables:
            ids = [r.id for r in table.rows]
            assert len(ids) == len(set(ids))
            assert len({c.id for c in table.columns}) == len(table.columns)
            for name in [*ids, *(c.id for c in table.columns)]:
                assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name


def test_template_for_year() -> None:
    assert template_for_year(2019).version == "2019"
    assert template_for_year(2020).version == "2019"
    assert template_for_year(2021).version == "2021"
    assert template_for_year(2030).version == "2021"
    with pytest.raises(UnknownTemplateError):
        template_for_year(2010)
    with pytest.raises(UnknownTemplateError) as info:
        get_template("2018")
    assert "2019" in str(info.value) and "2021" in str(info.value)


def _official_labels() -> set[str]:
    labels: set[str] = set()
    for template in TEMPLATES.values():
        for table in template.tables:
            labels |= {r.label for r in table.rows} | {g.label for g in table.groups}
            labels |= {c.label for c in table.columns}
        labels |= {s.title for s in template.sections}
    return {label for label in labels if len(label) >= 6}


def _string_literals(path: Path) -> list[str]:
    """String constants in a module's code, docstrings left out (they may quote a label)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_labels_are_written_only_in_the_form_description() -> None:
    """No Chinese label list is written twice: official labels appear in code only under form/."""
    labels = _official_labels()
    assert len(labels) > 30
    offenders = []
    for path in SRC.rglob("*.py"):
        if "form" in path.relative_to(SRC).parts:
            continue
        for literal in _string_literals(path):
            offenders += [f"{path.relative_to(SRC)}: {label}" for label in labels
                          if label in literal]
    assert offenders == []


def test_group_columns_are_the_sub_table_columns_of_section_2() -> None:
    p21 = get_template("2021").table("proactive")
    assert [c.id for c in p21.group_columns("art20_1")] == [
        "issued_this_year", "repealed_this_year", "currently_valid"]
    assert [c.id for c in p21.group_columns("art20_6")] == ["decisions_this_year"]
    p19 = get_template("2019").table("proactive")
    assert [c.id for c in p19.group_columns("art20_9")] == ["projects", "total_amount", "unit"]
    assert [c.id for c in p19.group_columns("art20_8")] == ["items_last_year", "change_this_year"]
