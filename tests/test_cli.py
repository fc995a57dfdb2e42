"""The CLI through typer's CliRunner: exit codes, formats, help, and the README's promises."""

import json
import re

from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.registry import load_registry

from conftest import ROOT
from test_validate import edit_csv

runner = CliRunner()


def test_validate_built_package_exits_0(built):
    result = runner.invoke(app, ["validate", str(built / "datapackage.json")])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_validate_json_report_shape(package_copy, monkeypatch):
    edit_csv(package_copy, "quotes", lambda rows: rows[0].update(kind="paraphrase"))
    monkeypatch.chdir(package_copy.parent)
    result = runner.invoke(app, ["validate", "package/datapackage.json", "--format", "json", "--no-official"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    [error] = report["errors"]
    assert set(error) >= {"file", "line", "resource", "row", "field", "code", "message"}
    assert (error["file"], error["line"], error["resource"], error["row"], error["field"], error["code"]) == (
        "package/quotes.csv", 2, "quotes", 2, "kind", "enum")
    assert report["stats"]["tables"] == len(load_registry(ROOT).names)


def test_validate_github_annotations(package_copy):
    edit_csv(package_copy, "people", lambda rows: rows[0].update(org_id="nobody"))
    result = runner.invoke(app, ["validate", str(package_copy / "datapackage.json"), "--format", "github", "--no-official"])
    assert result.exit_code == 1
    # Outside the working folder, files are named by absolute path.
    assert re.match(r"^::error file=/.*/people\.csv,line=2,title=foreign-key::", result.stdout)


def test_validate_and_export_take_the_package_folder(built, tmp_path):
    result = runner.invoke(app, ["validate", str(built)])
    assert result.exit_code == 0, result.output
    assert "valid (" in result.output
    result = runner.invoke(app, ["export", str(built), "--format", "json", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "json" / "quotes.json").is_file()
    result = runner.invoke(app, ["validate", str(tmp_path)])  # a folder with no datapackage.json
    assert result.exit_code == 2
    assert "datapackage.json: no such file" in result.output


def test_validate_missing_file_exits_2(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.json")])
    assert result.exit_code == 2
    assert "no such file" in result.output
    assert "Traceback" not in result.output


def test_build_reports_findings_and_exits_1(project):
    path = project / "seeds" / "people.yaml"
    path.write_text(path.read_text().replace("role: SCUSD parent", "role: SCUSD parent\n  favourite_colour: blue"))
    result = runner.invoke(app, ["build", "--project", str(project)])
    assert result.exit_code == 1
    assert "seeds/people.yaml:" in result.output and "unknown-key" in result.output
    assert "Traceback" not in result.output


def test_build_outside_a_project_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["build", "--project", str(tmp_path)])
    assert result.exit_code == 2
    assert "no strikedata project" in result.output


def test_build_writes_the_package(project):
    result = runner.invoke(app, ["build", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "build" / "datapackage.json").is_file()


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    names = [c.callback.__name__ for c in app.registered_commands]
    assert {"build", "validate"} <= set(names)
    for name in names:
        help_result = runner.invoke(app, [name, "--help"])
        assert help_result.exit_code == 0 and len(help_result.output) > 200
        assert f"strikedata {name}" in readme, f"README does not document `strikedata {name}`"


def test_unforeseen_error_is_one_line_not_a_traceback(monkeypatch, capsys, built):
    import sys

    import pytest

    import strikedata.validate
    from strikedata.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(strikedata.validate, "validate_package", boom)
    monkeypatch.setattr(sys, "argv", ["strikedata", "validate", str(built / "datapackage.json")])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "disk on fire" in err and "Traceback" not in err and err.count("\n") == 1
