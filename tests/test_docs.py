"""Docs that match behaviour: generated sections are current, every code is documented, files exist."""

import shutil

from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.codes import CODES
from strikedata.docs import markdown, refresh, replace_section
from strikedata.registry import load_schemas

from conftest import ROOT, copy_project

runner = CliRunner()


def test_generated_docs_are_current():
    result = runner.invoke(app, ["docs", "--check", "--project", str(ROOT)])
    assert result.exit_code == 0, result.output


def test_stale_docs_are_detected_and_refreshed(tmp_path):
    project = copy_project(tmp_path / "p")
    for name in ("README.md", "docs"):
        source = ROOT / name
        shutil.copytree(source, project / name) if source.is_dir() else shutil.copy(source, project / name)
    readme = project / "README.md"
    readme.write_text(readme.read_text().replace("| `quote_id` | string |", "| `quote_id` | integer |"))
    result = runner.invoke(app, ["docs", "--check", "--project", str(project)])
    assert result.exit_code == 1 and "README.md" in result.output
    assert refresh(project, write=True) == ["README.md"]
    assert refresh(project, write=False) == []


def test_dictionary_lists_every_field_of_every_schema():
    schemas = load_schemas(ROOT)
    text = markdown(schemas)
    for name, schema in schemas.items():
        assert f"### `{name}`" in text
        for field in schema["fields"]:
            assert f"| `{field['name']}` |" in text


def test_markers_are_required():
    try:
        replace_section("no markers here", "finding-codes", "x")
    except ValueError as error:
        assert "markers" in str(error)
    else:
        raise AssertionError("expected a ValueError")


def test_findings_doc_lists_every_code():
    text = (ROOT / "docs" / "findings.md").read_text()
    for code in CODES:
        assert f"| `{code}` |" in text


def test_usual_project_files_exist():
    for name in ("README.md", "CHANGELOG.md", "LICENSE", "CITATION.cff", "Makefile", ".ci/run", "pyproject.toml",
                 "docs/findings.md", ".github/workflows/validate.yml"):
        assert (ROOT / name).is_file(), name
    assert "make test" in (ROOT / ".ci" / "run").read_text()
