"""tools/generate.py: the form is checked first, every derived file is current, and the runtime
reads the shipped copies without the generators."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

from gi_report.form import TEMPLATES
from gi_report.form.spec import ColumnTotal, GroupSpec, RowTotal, TemplateSpec
from tools import generate
from tools.formcheck import form_problems

ROOT = Path(__file__).resolve().parents[2]
NEWEST = TEMPLATES[max(TEMPLATES)]


def _with_table(template: TemplateSpec, table_id: str, **changes: object) -> TemplateSpec:
    tables = tuple(attrs.evolve(t, **changes) if t.id == table_id else t
                   for t in template.tables)
    return attrs.evolve(template, tables=tables)


def test_the_form_is_consistent() -> None:
    assert form_problems(TEMPLATES) == []


def test_the_form_check_finds_duplicated_ids() -> None:
    table = NEWEST.table("applications")
    rows = (*table.rows, table.rows[0])
    broken = _with_table(NEWEST, "applications", rows=rows)
    problems = form_problems({NEWEST.version: broken})
    assert problems == [
        f"template {NEWEST.version}.applications: row id {table.rows[0].id!r} is declared 2 times"
    ]


def test_the_form_check_finds_relations_naming_missing_cells() -> None:
    table = NEWEST.table("applications")
    declarations = (*table.declarations,
                    ColumnTotal(rule="RX", total="total", parts=("no_such_column",),
                                wording=table.declarations[0].wording),
                    RowTotal(rule="RY", total="no_such_row", parts=(table.rows[0].id,),
                             wording=table.declarations[0].wording))
    broken = _with_table(NEWEST, "applications", declarations=declarations)
    problems = form_problems({NEWEST.version: broken})
    where = f"template {NEWEST.version}.applications"
    assert f"{where}.RY: row 'no_such_row' does not exist" in problems
    (missing,) = [p for p in problems if p.startswith(f"{where}.RX: names cells")]
    assert f"{table.rows[0].id}.no_such_column" in missing
    assert len(problems) == 2


def test_the_form_check_finds_empty_labels_and_dangling_groups() -> None:
    table = NEWEST.table("review_litigation")
    column = attrs.evolve(table.columns[0], label=" ")
    orphan = GroupSpec(id="orphan", label="x", description="x", parent="nowhere")
    broken = _with_table(NEWEST, "review_litigation",
                         columns=(column, *table.columns[1:]), groups=(*table.groups, orphan))
    where = f"template {NEWEST.version}.review_litigation"
    assert form_problems({NEWEST.version: broken}) == [
        f"{where}.group orphan: parent 'nowhere' does not exist",
        f"{where}.column {column.id}: label is empty",
    ]


def test_the_form_check_finds_a_template_registered_under_another_version() -> None:
    assert form_problems({"1999": NEWEST}) == [
        f"template {NEWEST.version}: registered under '1999'"
    ]


def test_generate_refuses_to_run_on_an_inconsistent_form(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(generate, "TEMPLATES", {"1999": NEWEST})
    assert generate.main([]) == 1
    assert generate.main(["--check"]) == 1
    err = capsys.readouterr().err
    assert f"form: template {NEWEST.version}: registered under '1999'" in err
    assert "nothing generated" in err


def test_every_derived_file_is_current() -> None:
    """Run ``python tools/generate.py`` when this fails."""
    assert generate.stale_files() == []


def test_the_published_schemas_are_the_shipped_ones() -> None:
    published = {p.name: p.read_bytes() for p in (ROOT / "schemas").iterdir()}
    shipped = {p.name: p.read_bytes() for p in (ROOT / generate.SHIPPED).iterdir()}
    assert sorted(published) == sorted(
        [generate.SCHEMA, *(f"gi-report-{v}.xsd" for v in TEMPLATES)])
    assert shipped == published


def _copy_tree(target: Path) -> Path:
    for part in ("docs", "schemas", generate.SHIPPED):
        shutil.copytree(ROOT / part, target / part)
    return target


def test_generate_finds_and_rewrites_stale_files(tmp_path: Path) -> None:
    root = _copy_tree(tmp_path)
    assert generate.stale_files(root) == []
    (root / "schemas" / generate.SCHEMA).unlink()
    page = root / "docs" / "xml.md"
    page.write_text(page.read_text("utf-8").replace("`report`", "`rapport`"), "utf-8")
    rules = root / "docs" / "rules.md"
    rules.write_text("# old\n", "utf-8")
    assert generate.stale_files(root) == [
        f"schemas/{generate.SCHEMA}", "docs/rules.md", "docs/xml.md"]
    written, reload = generate.write_all(root)
    assert (written, reload) == ([f"schemas/{generate.SCHEMA}", "docs/rules.md",
                                  "docs/xml.md"], False)
    assert generate.stale_files(root) == []
    assert (root / "schemas" / generate.SCHEMA).read_bytes() == (
        ROOT / "schemas" / generate.SCHEMA).read_bytes()


def test_a_changed_shipped_schema_restarts_the_generation(tmp_path: Path) -> None:
    """The XML vocabulary is read from the shipped JSON Schema: once that file is rewritten, the
    rest is generated in a fresh process."""
    root = _copy_tree(tmp_path)
    shipped = root / generate.SHIPPED / generate.SCHEMA
    shipped.write_text("{}", "utf-8")
    written, reload = generate.write_all(root)
    assert (written, reload) == ([f"{generate.SHIPPED}/{generate.SCHEMA}"], True)


def test_the_command_line_checks(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "tools/generate.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, "")


def test_the_runtime_needs_no_generator(tmp_path: Path) -> None:
    """JSON Schema validation, XML validation and ``gi-report schema`` work from the package's
    own data, with neither ``tools`` nor the project's root on the path."""
    code = textwrap.dedent("""
        import contextlib, io, json, sys
        import gi_report
        from gi_report.cli import main
        report = gi_report.load(sys.argv[1])
        data = gi_report.to_dict(report)
        assert gi_report.validate_document(data).valid
        assert gi_report.from_xml(gi_report.to_xml(report)) == report
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["schema"]) == 0
        assert json.loads(out.getvalue()) == gi_report.json_schema()
        try:
            import tools
        except ModuleNotFoundError:
            pass
        else:
            raise AssertionError(tools.__file__)
        print(sorted(m for m in sys.modules if m.startswith("tools")))
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "examples" / "2022-beijing-xicheng-cgzx.json")],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "[]\n")
    assert json.loads((ROOT / "schemas" / generate.SCHEMA).read_text("utf-8"))["$id"]
