"""The form description: shapes, identifiers and relations match format-spec.md."""

from __future__ import annotations

import ast
import io
import re
import tokenize
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
    """Every label the form prints, of any length: rows, groups, columns and their headers,
    sections, the section-六 fee figures, section 一's topics, the templates' names."""
    labels: set[str] = set()
    for template in TEMPLATES.values():
        for table in template.tables:
            labels |= {r.label for r in table.rows} | {g.label for g in table.groups}
            labels |= {c.label for c in table.columns}
            labels |= {h for c in table.columns for h in c.header_path}
            labels |= {t for t in (table.row_header, table.note) if t}
        labels |= {s.title for s in template.sections} | {s.heading for s in template.sections}
        labels |= {f.label for f in template.fee_fields}
        labels |= {t.label for t in template.overview_topics}
        labels |= {template.name, template.document}
    return labels


def _rule_wording() -> set[str]:
    """Every text of the relations' wording (titles, what the parts are called, statements)."""
    return {
        text
        for template in TEMPLATES.values()
        for table in template.tables
        for decl in table.declarations
        for text in decl.wording.texts()
    }


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


def _literals_outside_form() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(SRC)), literal)
        for path in sorted(SRC.rglob("*.py"))
        if "form" not in path.relative_to(SRC).parts
        for literal in _string_literals(path)
    ]


def _prose(path: Path) -> list[str]:
    """A module's comments and docstrings: the prose a maintainer reads beside the code."""
    source = path.read_text(encoding="utf-8")
    comments = [tok.string for tok in tokenize.generate_tokens(io.StringIO(source).readline)
                if tok.type == tokenize.COMMENT]
    docstrings = [
        node.body[0].value.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    ]
    return comments + docstrings


_CJK = re.compile("[\u4e00-\u9fff]")  # the form's own words (English wording reads as prose)


def _prose_outside_form() -> list[tuple[str, str]]:
    return [
        (str(path.relative_to(SRC)), text)
        for path in sorted(SRC.rglob("*.py"))
        if "form" not in path.relative_to(SRC).parts
        for text in _prose(path)
    ]


def test_prose_outside_form_names_no_label_version_or_rule_wording() -> None:
    """Comments and docstrings outside form/ name rows by id or role: the form's labels, its
    template versions and its rules' wording are written in form/ only, even as examples."""
    facts = {t for t in _official_labels() | _rule_wording() if _CJK.search(t)}
    versions = re.compile("|".join(rf"(?<!\d){re.escape(v)}(?!\d)" for v in TEMPLATES))
    offenders = [f"{path}: {fact} in {text[:60]!r}" for path, text in _prose_outside_form()
                 for fact in facts if fact in text]
    offenders += [f"{path}: {text[:60]!r}" for path, text in _prose_outside_form()
                  if versions.search(text)]
    assert offenders == []


def test_the_prose_guard_sees_comments_and_docstrings(tmp_path: Path) -> None:
    """The prose scanner is not vacuous: it returns a comment and every kind of docstring."""
    module = tmp_path / "planted.py"
    module.write_text('"""总计"""\nX = 1  # 其他\ndef f() -> None:\n    """2021"""\n',
                      encoding="utf-8")
    assert sorted(_prose(module)) == ["# 其他", "2021", "总计"]


def test_labels_are_written_only_in_the_form_description() -> None:
    """No label of the form is written twice: every official label, even a two-character one
    such as 其他 or 总计, appears in code only under form/ (other modules ask form/)."""
    labels = _official_labels()
    assert len(labels) > 80 and "其他" in labels and "规章" in labels
    offenders = [f"{path}: {label} in {literal!r}" for path, literal in _literals_outside_form()
                 for label in labels if label in literal]
    assert offenders == []


def test_rule_wording_is_written_only_beside_the_relations() -> None:
    """The relations' titles and message words are data of the form, not of the validators."""
    wording = _rule_wording()
    assert {"各申请人", "the applicant columns", "各结果"} <= wording
    offenders = [f"{path}: {text} in {literal!r}" for path, literal in _literals_outside_form()
                 for text in wording if text in literal]
    assert offenders == []


def test_template_versions_are_named_only_in_the_form_description() -> None:
    """No module outside form/ names a template version: they ask the registry (the newest, the
    template of a year), so a new template is added in form/ only."""
    versions = re.compile("|".join(rf"(?<!\d){re.escape(v)}(?!\d)" for v in TEMPLATES))
    offenders = [f"{path}: {literal!r}" for path, literal in _literals_outside_form()
                 if versions.search(literal)]
    assert offenders == []


def test_the_guard_sees_a_planted_literal(tmp_path: Path) -> None:
    """The guards are not vacuous: the literal scanner finds a short label and a version."""
    module = tmp_path / "planted.py"
    module.write_text(
        '"""其他 总计 2021 in a docstring is fine."""\nX = ("其他", "总计列", "2021")\n',
        encoding="utf-8",
    )
    literals = _string_literals(module)
    assert literals == ["其他", "总计列", "2021"]


def test_group_columns_are_the_sub_table_columns_of_section_2() -> None:
    p21 = get_template("2021").table("proactive")
    assert [c.id for c in p21.group_columns("art20_1")] == [
        "issued_this_year", "repealed_this_year", "currently_valid"]
    assert [c.id for c in p21.group_columns("art20_6")] == ["decisions_this_year"]
    p19 = get_template("2019").table("proactive")
    assert [c.id for c in p19.group_columns("art20_9")] == ["projects", "total_amount", "unit"]
    assert [c.id for c in p19.group_columns("art20_8")] == ["items_last_year", "change_this_year"]


def test_the_registry_is_read_only_and_ordered_newest_first() -> None:
    assert list(TEMPLATES) == ["2021", "2019"]
    assert TEMPLATES.newest is get_template("2021") and TEMPLATES.oldest is get_template("2019")
    assert template_for_year(2019) is TEMPLATES.oldest
    with pytest.raises(TypeError):
        TEMPLATES["2030"] = TEMPLATES.newest  # type: ignore[index]
    assert not hasattr(TEMPLATES, "update") and not hasattr(TEMPLATES, "pop")
    assert [] not in TEMPLATES and None not in TEMPLATES  # any value can be asked about


def test_the_mapping_between_templates_is_data_of_the_form() -> None:
    from gi_report.analysis import mapping as analysis_mapping
    from gi_report.form import mapping

    assert analysis_mapping.CellMapping is mapping.CellMapping
    assert analysis_mapping.MappingKind is mapping.MappingKind
    assert analysis_mapping.DROPPED_NOTES is mapping.DROPPED_NOTES
    assert set(mapping.HANDWRITTEN) == {("2019", "2021"), ("2021", "2019")}
    for (source, target), rules in mapping.HANDWRITTEN.items():
        for rule in rules:  # every rule names a real target cell and real source cells
            row = get_template(target).table(rule.table).row(rule.row)
            assert rule.column == mapping.EVERY_COLUMN or rule.column in row.columns
            for src_row, src_column in rule.sources:
                src = get_template(source).table(rule.table).row(src_row)
                assert src_column == mapping.EVERY_COLUMN or src_column in src.columns


def test_rule_wording_is_declared_with_each_relation() -> None:
    from gi_report.validation.arithmetic import rule_spec

    for template in TEMPLATES.values():
        for table in template.tables:
            for decl in table.declarations:
                spec = rule_spec(decl.rule)
                assert spec.title_en == decl.wording.title_en
                if decl.wording.title_zh:
                    assert spec.title_zh == decl.wording.title_zh
                if isinstance(decl, Balance):
                    statement = decl.wording.statement_zh
                    assert statement and statement in spec.message_zh
                else:
                    assert decl.wording.parts_zh in spec.message_zh
