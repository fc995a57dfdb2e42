"""This dataset's rules as a pack: switched on by the package's identity, never by a table name;
and what the build catches from the seeds, `validate` catches in an edited build/."""

import csv
import json
import shutil
from pathlib import Path

import frictionless
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from typer.testing import CliRunner

from strikedata.build import build_package
from strikedata.cli import app
from strikedata.registry import load_registry
from strikedata.rules import PACKAGE_NAMES
from strikedata.rules.records import CLOSING_MARKS, OPENING_MARKS, between_marks, in_article
from strikedata.validate import validate_package
from strikedata.validator import CELL_CHECKS

from conftest import copy_project
from test_validate import edit_csv

runner = CliRunner()


def validate(*args: str):
    return runner.invoke(app, ["validate", *args, "--format", "json"])


def codes_of(result) -> set[str]:
    return {e["code"] for e in json.loads(result.stdout)["errors"]}


def first_full_quote(package: Path) -> dict:
    with (package / "quotes.csv").open(encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["kind"] == "full" and len(r["text"]) > 20)


@pytest.fixture()
def edited(package_copy: Path) -> Path:
    """The built package with one quote cut short by a character (its span still matching the text) and
    another attributed to words that are not in its article."""
    target = first_full_quote(package_copy)["quote_id"]

    def edit(rows):
        for row in rows:
            if row["quote_id"] == target:
                row.update(text=row["text"][:-1], char_end=str(int(row["char_end"]) - 1))
        next(r for r in rows if r["quote_id"] != target)["speaker_as_written"] = "said Nobody Atall"
    edit_csv(package_copy, "quotes", edit)
    return package_copy


def test_validate_finds_a_truncated_quote_and_an_invented_attribution(edited):
    result = validate(str(edited))
    assert result.exit_code == 1
    errors = json.loads(result.stdout)["errors"]
    assert {e["code"] for e in errors} == {"quote-not-delimited", "attribution-not-found"}
    assert [e["field"] for e in errors if e["code"] == "attribution-not-found"] == ["speaker_as_written"]
    assert "said Nobody Atall" in next(e["message"] for e in errors if e["code"] == "attribution-not-found")


def test_the_pack_follows_the_package_name_not_the_table_names(edited):
    descriptor = edited / "datapackage.json"
    package = json.loads(descriptor.read_text())
    assert package["name"] in PACKAGE_NAMES
    assert validate(str(edited), "--pack", "none").exit_code == 0  # the generic validator alone: the edits are legal
    descriptor.write_text(json.dumps({**package, "name": "someone-elses-quotes"}))
    assert validate(str(edited)).exit_code == 0  # same tables, another package: not ours to judge
    assert codes_of(validate(str(edited), "--pack", "strikedata")) == {"quote-not-delimited", "attribution-not-found"}


def foreign_people(folder: Path, names: list[str]) -> Path:
    """A package of someone else's with one table called `people`."""
    folder.mkdir()
    (folder / "people.csv").write_text("person_id,name\n" + "".join(f"p{i},{n}\n" for i, n in enumerate(names)), encoding="utf-8")
    (folder / "datapackage.json").write_text(json.dumps({"name": "club-members", "resources": [{
        "name": "people", "path": "people.csv", "profile": "tabular-data-resource",
        "schema": {"fields": [{"name": "person_id", "type": "string"}, {"name": "name", "type": "string"}], "primaryKey": ["person_id"]},
    }]}))
    return folder


def test_generic_cell_checks_are_opt_in_for_any_package(tmp_path):
    names = [" Alice", "=1+1", "Bob", "Ca\x07rol", "Ã©mile"]
    package = foreign_people(tmp_path / "club", names)
    assert frictionless.validate(str(package / "datapackage.json")).valid
    assert validate(str(package)).exit_code == 0  # not in the standard: not reported unless asked
    result = validate(str(package), "--checks", "whitespace,formula-injection", "--checks", "control-character")
    assert result.exit_code == 1
    found = {(e["row"], e["code"]) for e in json.loads(result.stdout)["errors"]}
    assert found == {(2, "whitespace"), (3, "formula-injection"), (5, "control-character")}
    assert {e["code"] for e in json.loads(validate(str(package), "--checks", ",".join(CELL_CHECKS)).stdout)["errors"]} == set(CELL_CHECKS)


def test_an_unknown_check_or_pack_cannot_run(tmp_path):
    package = foreign_people(tmp_path / "club", ["Alice"])
    for args in (["--checks", "spelling"], ["--pack", "everything"]):
        result = runner.invoke(app, ["validate", str(package), *args])
        assert result.exit_code == 2
        assert "spelling" in result.output or "everything" in result.output


TEXTS = {"a": "He said “hello there” and ‘x’ then \"y\".", "b": "“Start” mid 'q'", "empty": ""}


def plain_between_marks(article: object, start: int, end: int) -> bool:
    """The rule as the build stated it: the character before the span opens a quotation, the one after closes it."""
    text = TEXTS.get(article) if isinstance(article, str) else None
    if text is None or not 0 <= start <= end <= len(text):
        return True  # no text, or offsets the span rules report
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return before in OPENING_MARKS and after in CLOSING_MARKS


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*TEXTS, "missing", None]), st.integers(-2, 45), st.integers(-2, 45)), min_size=1, max_size=40))
def test_the_quotation_mark_rule_equals_its_plain_statement(rows):
    frame = pd.DataFrame(rows, columns=["article_id", "char_start", "char_end"]).astype({"char_start": "Int64", "char_end": "Int64"})
    assert between_marks(frame, TEXTS).tolist() == [plain_between_marks(*row) for row in rows]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([*TEXTS, "missing", None]),
                          st.one_of(st.none(), st.sampled_from(["He said", "mid", "said He", "", "q'", "Start”"]))), min_size=1, max_size=40))
def test_the_attribution_rule_equals_its_plain_statement(rows):
    frame = pd.DataFrame(rows, columns=["article_id", "speaker_as_written"])
    expected = [not isinstance(article, str) or article not in TEXTS or not written or written in TEXTS[article] for article, written in rows]
    assert in_article(frame, "speaker_as_written", TEXTS).tolist() == expected


def test_a_new_resource_needs_its_schema_its_registry_entry_and_its_data(tmp_path):
    """A throwaway resource, added the documented way, is built, validated and published like the others."""
    project = copy_project(tmp_path / "project")
    schema = {"fields": [
        {"name": "tag_id", "title": "Tag", "description": "A label.", "type": "string", "constraints": {"required": True}},
        {"name": "org_id", "title": "Organization", "description": "Who it labels.", "type": "string"},
    ], "primaryKey": ["tag_id"], "foreignKeys": [{"fields": ["org_id"], "reference": {"resource": "organizations", "fields": ["org_id"]}}],
        "missingValues": [""]}
    (project / "schemas" / "tags.json").write_text(json.dumps(schema, indent=2))
    organizations = load_registry(project).schemas["organizations"]
    assert organizations  # the registry reads the project's own declarations
    org_id = next(csv.DictReader((project / "build" / "organizations.csv").open(encoding="utf-8")))["org_id"]
    (project / "seeds" / "tags.yaml").write_text(f"- tag_id: first\n  org_id: {org_id}\n- tag_id: second\n  org_id: nowhere\n")
    source = json.loads((project / "datapackage.json").read_text())
    source["resources"].append({"name": "tags", "path": "build/tags.csv", "schema": "schemas/tags.json", "title": "Tags",
                                "description": "A throwaway resource.", "build": {"rows": "seeds/tags.yaml", "order": ["tag_id"]}})
    (project / "datapackage.json").write_text(json.dumps(source, indent=2))

    findings = build_package(project, official=False)
    assert [(f.file, f.line, f.code) for f in findings] == [("seeds/tags.yaml", 4, "foreign-key")]  # traced to the line of the cell
    (project / "seeds" / "tags.yaml").write_text(f"- tag_id: first\n  org_id: {org_id}\n")
    assert build_package(project) == []
    built = project / "build"
    assert (built / "tags.csv").read_text(encoding="utf-8") == f"tag_id,org_id\nfirst,{org_id}\n"
    published = next(r for r in json.loads((built / "datapackage.json").read_text())["resources"] if r["name"] == "tags")
    assert "build" not in published and published["schema"]["primaryKey"] == ["tag_id"]
    assert validate_package(built).valid
    assert frictionless.validate(str(built / "datapackage.json")).valid
    shutil.rmtree(project / "build")


def test_an_inferred_date_without_its_reasoning_fails_validate(package_copy):
    def edit(rows):
        rows[0].update(date_basis="inferred", date_note="")
    edit_csv(package_copy, "articles", edit)
    result = validate(str(package_copy))
    errors = json.loads(result.stdout)["errors"]
    assert {(e["row"], e["code"], e["field"]) for e in errors} == {(2, "inference-unexplained", "date_note")}
    assert any("date_basis" in e["message"] for e in errors)  # (an inferred outlet, whose reasoning is there too, is named apart)


def test_an_edited_proposer_account_disagrees_with_the_mentions(package_copy):
    """The build computes offers.proposer_account from offer_mentions; the pack holds it to them."""
    def edit(rows):
        rows[0]["proposer_account"] = "stated" if rows[0]["proposer_account"] == "none" else "none"
    edit_csv(package_copy, "offers", edit)
    errors = json.loads(validate(str(package_copy)).stdout)["errors"]
    assert [(e["resource"], e["row"], e["code"]) for e in errors] == [("offers", 2, "proposer-account")]
