"""Docs that match behaviour: the generated data dictionary is current, the project files exist."""

from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.dictionary import END, START, markdown, replace_section
from strikedata.schema import load_schemas

from conftest import ROOT

runner = CliRunner()


def test_readme_data_dictionary_is_current():
    result = runner.invoke(app, ["dictionary", "--check", str(ROOT / "README.md"), "--project", str(ROOT)])
    assert result.exit_code == 0, result.output


def test_stale_dictionary_is_detected(tmp_path):
    stale = tmp_path / "README.md"
    stale.write_text(f"# x\n\n{START}\n\n| old |\n{END}\n")
    result = runner.invoke(app, ["dictionary", "--check", str(stale), "--project", str(ROOT)])
    assert result.exit_code == 1
    result = runner.invoke(app, ["dictionary", "--update", str(stale), "--project", str(ROOT)])
    assert result.exit_code == 0
    assert "| `quote_id` | string | required; unique;" in stale.read_text()


def test_dictionary_lists_every_field_of_every_schema():
    schemas = load_schemas(ROOT / "schemas")
    text = markdown(schemas)
    for name, schema in schemas.items():
        assert f"### `{name}`" in text
        for field in schema["fields"]:
            assert f"| `{field['name']}` |" in text


def test_markers_are_required():
    try:
        replace_section("no markers here", "x")
    except ValueError as error:
        assert "markers" in str(error)
    else:
        raise AssertionError("expected a ValueError")


def test_usual_project_files_exist():
    for name in ("README.md", "CHANGELOG.md", "LICENSE", "CITATION.cff", "Makefile", ".ci/run", "pyproject.toml"):
        assert (ROOT / name).is_file(), name
    assert "make test" in (ROOT / ".ci" / "run").read_text()
