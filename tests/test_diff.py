"""`strikedata diff`: real versions of the package (a corrected quote, a new field), folders, zips,
git refs; each kind of schema change and the version level it implies."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from strikedata.build import build_package
from strikedata.cli import app
from strikedata.diff import constraint_direction, diff_packages, metadata_changes, schema_changes
from strikedata.packages import load

from test_validate import edit_csv

runner = CliRunner()


def build(project: Path) -> Path:
    assert build_package(project, official=False) == []
    return project / "build"


def edit_yaml(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def first_quote(data: dict) -> dict:
    return data["quotes"][0]


@pytest.fixture()
def corrected(project: Path, built: Path, tmp_path: Path) -> tuple[Path, Path, dict]:
    """The built package, and a rebuild in which one quotation's speaker attribution was corrected."""
    article = sorted((project / "seeds" / "articles").glob("*.yaml"))[0]
    quote = first_quote(yaml.safe_load(article.read_text("utf-8")))
    edit_yaml(article, lambda d: first_quote(d).update(note="Speaker attribution checked against the video."))
    return built, build(project), quote


def test_corrected_quote_is_a_patch_with_the_cell_shown(corrected):
    old, new, quote = corrected
    diff = diff_packages(load(old / "datapackage.json"), load(new / "datapackage.json"))
    assert diff.bump == "patch"
    rows = diff.rows["quotes"]
    assert (rows.added, rows.removed) == ([], [])
    [change] = rows.changed
    assert change["key"] == {"quote_id": quote["quote_id"]}
    assert change["cells"] == {"note": [quote.get("note", "") or "", "Speaker attribution checked against the video."]}
    assert all(not r.any for name, r in diff.rows.items() if name != "quotes")


LANGUAGE = {"name": "language", "title": "Language", "description": "Language of the quotation.", "type": "string"}


def test_a_field_added_after_the_others_is_a_minor(project, built):
    """More columns are welcome (SPEC §3): readers by name and by position still read what they read."""
    schema_path = project / "schemas" / "quotes.json"
    schema = json.loads(schema_path.read_text())
    schema["fields"].append(LANGUAGE)
    schema_path.write_text(json.dumps(schema, indent=2))
    diff = diff_packages(load(built / "datapackage.json"), load(build(project) / "datapackage.json"))
    assert diff.bump == "minor"
    assert [(c.kind, c.resource, c.field) for c in diff.reasons("minor")] == [("field-added", "quotes", "language")]
    assert not diff.rows["quotes"].changed  # a new empty column is not a changed value


@pytest.mark.parametrize("at", [0, 3])
def test_a_field_added_before_another_is_a_major(built, at):
    """Inserted among the fields, a column moves the ones after it: a reader by position breaks."""
    old = load(built / "datapackage.json").schema(next(r for r in load(built / "datapackage.json").resources() if r["name"] == "quotes"))
    new = dict(old, fields=old["fields"][:at] + [LANGUAGE] + old["fields"][at:])
    changes, _ = schema_changes("quotes", old, new)
    assert [(c.level, c.kind, c.field) for c in changes] == [("major", "field-added", "language")]


def test_a_v1_table_and_a_v2_table_are_the_same_kind_of_resource():
    """profile: tabular-data-resource (v1) and type: table (v2) say the same: no change to report."""
    v1 = {"name": "quotes", "path": "quotes.csv", "profile": "tabular-data-resource"}
    assert metadata_changes(v1, {"name": "quotes", "path": "quotes.csv", "type": "table"}, "quotes") == []
    [change] = metadata_changes(v1, {"name": "quotes", "path": "quotes.csv"}, "quotes")
    assert (change.level, change.kind) == ("major", "resource-format-changed")


def test_rows_added_and_removed(package_copy, built):
    def edit(rows):
        added = dict(rows[0], quote_id="a-new-quotation")
        removed = rows.pop(3)
        rows.append(added)
        edit.removed = removed["quote_id"]
    edit_csv(package_copy, "quotes", edit)
    diff = diff_packages(load(built / "datapackage.json"), load(package_copy / "datapackage.json"))
    rows = diff.rows["quotes"]
    assert rows.added == [{"quote_id": "a-new-quotation"}]
    assert rows.removed == [{"quote_id": edit.removed}]
    assert {c.kind: c.level for c in diff.changes} == {"rows-added": "minor", "rows-removed": "major"}


def test_only_new_rows_is_a_minor(package_copy, built):
    edit_csv(package_copy, "people", lambda rows: rows.append(dict(rows[0], person_id="someone-new", name="Someone New")))
    diff = diff_packages(load(built / "datapackage.json"), load(package_copy / "datapackage.json"))
    assert diff.bump == "minor"


def test_identical_packages_imply_no_release(built):
    diff = diff_packages(load(built / "datapackage.json"), load(built / "datapackage.json"))
    assert diff.bump == "none" and diff.changes == []


def test_version_and_created_are_bookkeeping_not_changes(package_copy, built):
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text())
    descriptor.update(version="9.9.9", created="2030-01-01T00:00:00Z")
    path.write_text(json.dumps(descriptor))
    assert diff_packages(load(built / "datapackage.json"), load(path)).changes == []


@pytest.mark.parametrize("prop, value, level", [
    ("title", "Another title", "patch"),
    ("licenses", [{"name": "CC0-1.0"}], "major"),
    ("name", "another-name", "major"),
])
def test_package_metadata_levels(package_copy, built, prop, value, level):
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text())
    descriptor[prop] = value
    path.write_text(json.dumps(descriptor))
    assert diff_packages(load(built / "datapackage.json"), load(path)).bump == level


# --- schemas, one change at a time ------------------------------------------------------------

BASE = {"fields": [
    {"name": "id", "type": "string", "constraints": {"required": True}},
    {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
    {"name": "n", "type": "integer", "constraints": {"minimum": 0, "maximum": 10}},
    {"name": "text", "type": "string", "title": "Text"},
], "primaryKey": ["id"]}


def changed(edit) -> list[tuple[str, str, str | None]]:
    new = json.loads(json.dumps(BASE))
    edit(new)
    changes, _ = schema_changes("t", BASE, new)
    return [(c.level, c.kind, c.field) for c in changes]


def field(schema: dict, name: str) -> dict:
    return next(f for f in schema["fields"] if f["name"] == name)


@pytest.mark.parametrize("edit, expected", [
    (lambda s: s["fields"].pop(3), [("major", "field-removed", "text")]),
    (lambda s: s["fields"].reverse(), [("major", "fields-reordered", None)]),
    (lambda s: field(s, "n").update(type="number"), [("major", "field-retyped", "n")]),
    (lambda s: field(s, "kind")["constraints"].update(enum=["a"]), [("major", "constraint-tighter", "kind")]),
    (lambda s: field(s, "kind")["constraints"].update(enum=["a", "b", "c"]), [("minor", "constraint-looser", "kind")]),
    (lambda s: field(s, "n")["constraints"].update(minimum=1), [("major", "constraint-tighter", "n")]),
    (lambda s: field(s, "n")["constraints"].update(maximum=20), [("minor", "constraint-looser", "n")]),
    (lambda s: field(s, "id")["constraints"].pop("required"), [("minor", "constraint-looser", "id")]),
    (lambda s: field(s, "text").update(constraints={"pattern": "[A-Z].*"}), [("major", "constraint-tighter", "text")]),
    (lambda s: field(s, "text").update(title="The text"), [("patch", "field-metadata", "text")]),
    (lambda s: s.update(primaryKey=["id", "n"]), [("major", "primary-key-changed", None)]),
    (lambda s: s.update(foreignKeys=[{"fields": ["kind"], "reference": {"resource": "kinds", "fields": ["kind"]}}]),
     [("major", "foreign-key-added", None)]),
])
def test_schema_change_levels(edit, expected):
    assert changed(edit) == expected


@pytest.mark.parametrize("key, old, new, direction", [
    ("required", False, True, "tighter"),
    ("unique", True, None, "looser"),
    ("minLength", 2, 1, "looser"),
    ("maxLength", 10, 5, "tighter"),
    ("minimum", "2022-01-01", "2022-03-01", "tighter"),
    ("enum", ["a", "b"], ["b", "c"], "tighter"),
    ("pattern", None, "x+", "tighter"),
    ("pattern", "x+", None, "looser"),
    ("maximum", 5, 5, "same"),
])
def test_constraint_direction(key, old, new, direction):
    assert constraint_direction(key, old, new) == direction


def test_renamed_field_is_found_by_its_values(package_copy, built):
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text())
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    field(quotes["schema"], "cue")["name"] = "speech_verb"
    path.write_text(json.dumps(descriptor))
    text = (package_copy / "quotes.csv").read_text("utf-8").replace(",cue,", ",speech_verb,", 1)
    (package_copy / "quotes.csv").write_text(text, "utf-8")
    diff = diff_packages(load(built / "datapackage.json"), load(path))
    assert [(c.kind, c.field) for c in diff.changes] == [("field-renamed", "speech_verb")]
    assert not diff.rows["quotes"].any


def test_resource_removed_and_added(package_copy, built):
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text())
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    figures["name"] = "numbers"
    path.write_text(json.dumps(descriptor))
    diff = diff_packages(load(built / "datapackage.json"), load(path))
    assert {(c.kind, c.resource, c.level) for c in diff.changes} == {
        ("resource-removed", "figures", "major"), ("resource-added", "numbers", "minor")}


# --- where the versions come from ---------------------------------------------------------------

def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True, capture_output=True)


def test_diff_two_git_refs_through_the_cli(corrected, project, monkeypatch):
    old, _, quote = corrected
    repo = project
    shutil.rmtree(repo / "build")
    shutil.copytree(old, repo / "build")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "first")
    build(repo)
    git(repo, "commit", "-qam", "corrected")
    monkeypatch.chdir(repo)
    result = runner.invoke(app, ["diff", "HEAD~1", "HEAD"])
    assert result.exit_code == 0, result.output
    assert "Implied version bump: PATCH" in result.output
    assert f"~ {quote['quote_id']}" in result.output
    assert '"Speaker attribution checked against the video."' in result.output
    as_json = json.loads(runner.invoke(app, ["diff", "HEAD~1", "HEAD", "--format", "json"]).stdout)
    assert as_json["bump"] == "patch"
    assert as_json["resources"]["quotes"]["changed"][0]["key"] == {"quote_id": quote["quote_id"]}


def test_diff_a_release_zip_against_a_folder(built, tmp_path):
    archive = tmp_path / "old.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(built.rglob("*")):
            if path.is_file():
                zf.write(path, f"pkg-1.0.0/{path.relative_to(built)}")
    result = runner.invoke(app, ["diff", str(archive), str(built), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["bump"] == "none"


def test_diff_says_plainly_when_a_version_cannot_be_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["diff", "no-such-thing", "also-missing"])
    assert result.exit_code == 2
    assert "neither a package folder" in result.output
    assert "Traceback" not in result.output


def test_long_cells_show_the_part_that_changed(package_copy, built):
    edit_csv(package_copy, "articles", lambda rows: rows[0].update(date_note=rows[0]["date_note"].replace("inferred", "INFERRED", 1)))
    result = runner.invoke(app, ["diff", str(built), str(package_copy)])
    line = next(out for out in result.output.splitlines() if out.strip().startswith("date_note:"))
    assert "inferred" in line and "INFERRED" in line and len(line) < 220


def test_dropping_a_schema_is_a_major(package_copy, built):
    path = package_copy / "datapackage.json"
    descriptor = json.loads(path.read_text())
    next(r for r in descriptor["resources"] if r["name"] == "people").pop("schema")
    path.write_text(json.dumps(descriptor))
    diff = diff_packages(load(built / "datapackage.json"), load(path))
    assert diff.bump == "major" and ("schema-changed", "people") in {(c.kind, c.resource) for c in diff.changes}


def test_without_a_key_a_dropped_duplicate_row_counts(tmp_path):
    def package(name: str, rows: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "t.csv").write_text("x\n" + rows)
        (folder / "datapackage.json").write_text(json.dumps({"name": "t", "resources": [
            {"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "x"}]}}]}))
        return folder / "datapackage.json"

    diff = diff_packages(load(package("old", "a\na\n")), load(package("new", "a\n")))
    assert diff.rows["t"].removed == [{"x": "a"}] and diff.bump == "major"


# --- rows compared a column at a time, as the record-by-record reading did -------------------

def rows_record_by_record(old, new, matched: dict, key: list[str]) -> dict:
    """The row changes as diff found them reading one record at a time (the reference)."""
    from collections import Counter

    old_key = [matched.get(k, k) for k in key]
    keyed = bool(key) and all(k in new.frame.columns for k in key) and all(k in old.frame.columns for k in old_key)
    shared = [n for n in new.frame.columns if n in matched and matched[n] in old.frame.columns]
    out: dict = {"key": key if keyed else [], "added": [], "removed": [], "changed": []}
    if not keyed:
        old_rows = Counter(tuple(r) for r in old.frame[[matched[n] for n in shared]].itertuples(index=False))
        new_rows = Counter(tuple(r) for r in new.frame[shared].itertuples(index=False))
        out["added"] = [dict(zip(shared, r, strict=True)) for r in (new_rows - old_rows).elements()]
        out["removed"] = [dict(zip(shared, r, strict=True)) for r in (old_rows - new_rows).elements()]
        return out
    old_index: dict = {}
    for record in old.frame.to_dict("records"):
        old_index.setdefault(tuple(record[k] for k in old_key), record)
    seen = set()
    for record in new.frame.to_dict("records"):
        k = tuple(record[f] for f in key)
        if k in seen:
            continue
        seen.add(k)
        before = old_index.get(k)
        if before is None:
            out["added"].append(dict(zip(key, k, strict=True)))
            continue
        cells = {n: [before[matched[n]], record[n]] for n in shared if before[matched[n]] != record[n]}
        if cells:
            out["changed"].append({"key": dict(zip(key, k, strict=True)), "cells": cells})
    out["removed"] = [dict(zip(key, k, strict=True)) for k in old_index if k not in seen]
    return out


def frame_table(rows: list[list[str]], columns: list[str], arrow: bool):
    """A Table as the fast reader (Arrow-backed strings) or the csv module (Python objects) gives it."""
    import pandas as pd

    from strikedata.validator.tables import Table

    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    if arrow:
        frame = frame.astype("string[pyarrow]")
    return Table("t", "t.csv", {"fields": [{"name": c} for c in columns]}, frame)


OLD_ROWS = [["a", "1", "x", "p"], ["b", "1", "y", "q"], ["a", "1", "z", "r"], ["c", "2", "x", "s"], ["d", "1", "w", "t"]]
NEW_ROWS = [["b", "1", "Y", "q"], ["a", "1", "x", "p"], ["e", "1", "v", "u"], ["b", "1", "y", "q"], ["c", "2", "x", "S"],
            ["a", "2", "x", "p"]]


@pytest.mark.parametrize("arrow", [True, False], ids=["arrow", "objects"])
@pytest.mark.parametrize("key, renamed", [(["id"], False), (["id", "n"], False), (["id"], True), ([], False), (["gone"], False)])
def test_rows_compared_by_column_as_by_record(arrow, key, renamed):
    """Repeated keys on both sides (the first row stands), added, removed and changed rows, a
    two-field key, a renamed field, no key, and a key the table lacks (rows matched whole)."""
    from dataclasses import asdict

    from strikedata.diff import row_changes

    new_columns = ["id", "n", "text", "label" if renamed else "note"]
    old = frame_table(OLD_ROWS, ["id", "n", "text", "note"], arrow)
    new = frame_table(NEW_ROWS, new_columns, arrow)
    matched = {c: c for c in new_columns} | ({"label": "note"} if renamed else {})
    found = asdict(row_changes(old, new, matched, key))
    assert {k: found[k] for k in ("key", "added", "removed", "changed")} == rows_record_by_record(old, new, matched, key)
    assert (found["rows_old"], found["rows_new"]) == (len(OLD_ROWS), len(NEW_ROWS))


def test_rows_with_no_field_in_common_are_compared_as_empty_rows():
    from strikedata.diff import row_changes

    old, new = frame_table(OLD_ROWS, ["id", "n", "text", "note"], True), frame_table(NEW_ROWS[:2], ["a", "b", "c", "d"], True)
    assert row_changes(old, new, {}, []).removed == [{}, {}, {}]


def test_a_long_value_is_described_not_printed():
    """A changelog line stays a line: long values are described by kind and size, short ones shown."""
    from strikedata.diff import value_change

    assert value_change("title", "Old", "New") == 'title: "Old" → "New"'
    warnings = ["Do not sum value: units differ." * 3, "Dates are estimates." * 3]
    assert value_change("usageWarnings", None, warnings) == "usageWarnings added (a list of 2)"
    assert value_change("usageWarnings", warnings, None) == "usageWarnings removed (was a list of 2)"
    assert value_change("description", "x" * 150, "y" * 160) == "description changed (a text of 150 characters → a text of 160 characters)"
