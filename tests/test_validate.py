"""`validate_package` on the built package and on broken copies of it (real CSV files, real frictionless)."""

import csv
import json
from pathlib import Path

import frictionless
import pytest

from strikedata.registry import SPAN_END, SPAN_EXACT, SPAN_START, load_registry, span_columns
from strikedata.validate import validate_package
from strikedata.validator import CannotRun

from conftest import ROOT


def edit_csv(package: Path, resource: str, edit) -> None:
    """Apply `edit(rows)` to a CSV of the package and drop hash/bytes so that real checks must find it."""
    path = package / f"{resource}.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0].keys())
    edit(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    descriptor_path = package / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text())
    for r in descriptor["resources"]:
        r.pop("hash", None)
        r.pop("bytes", None)
    descriptor_path.write_text(json.dumps(descriptor, indent=2))


def codes(report, resource=None):
    return {(f.resource, f.row, f.code) for f in report.findings if resource in (None, f.resource)}


def test_built_package_is_valid_for_us_and_for_frictionless(built):
    report = validate_package(built / "datapackage.json")
    assert report.findings == []
    assert report.stats["tables"] == len(load_registry(ROOT).names) and report.stats["rows"] > 100
    assert frictionless.validate(str(built / "datapackage.json")).valid


def test_every_span_reproduces_from_the_texts(built):
    articles = {r["article_id"]: r for r in csv.DictReader((built / "articles.csv").open(encoding="utf-8"))}
    texts = {a: (built / r["text_path"]).read_text(encoding="utf-8") for a, r in articles.items()}
    spans = {r.name: span_columns(r.schema) for r in load_registry(ROOT).resources if r.span}
    assert set(spans) >= {"quotes", "offer_mentions", "figures", "event_mentions"}
    checked = 0
    for resource, columns in spans.items():
        for row in csv.DictReader((built / f"{resource}.csv").open(encoding="utf-8")):
            start, end = int(row[columns[SPAN_START]]), int(row[columns[SPAN_END]])
            assert texts[row["article_id"]][start:end] == row[columns[SPAN_EXACT]]
            checked += 1
    assert checked == sum(len(list(csv.DictReader((built / f"{name}.csv").open(encoding="utf-8")))) for name in spans)


def test_duplicate_primary_key_is_caught(package_copy):
    edit_csv(package_copy, "quotes", lambda rows: rows[1].update(quote_id=rows[0]["quote_id"]))
    report = validate_package(package_copy / "datapackage.json", official=False)
    assert ("quotes", 2, "primary-key") in codes(report)
    assert ("quotes", 3, "primary-key") in codes(report)
    assert any(f.code == "unique" and f.field == "quote_id" for f in report.findings)


def test_dangling_reference_is_caught(package_copy):
    edit_csv(package_copy, "offers", lambda rows: rows[4].update(proposer_org_id="no-such-org"))
    report = validate_package(package_copy / "datapackage.json", official=False)
    [finding] = [f for f in report.findings if f.code == "foreign-key"]
    assert (finding.resource, finding.row, finding.field, finding.line) == ("offers", 6, "proposer_org_id", 6)
    assert "no-such-org" in finding.message


def test_shifted_span_is_caught(package_copy):
    def shift(rows):
        rows[2]["char_start"] = str(int(rows[2]["char_start"]) + 1)
        rows[2]["char_end"] = str(int(rows[2]["char_end"]) + 1)
    edit_csv(package_copy, "event_mentions", shift)
    report = validate_package(package_copy / "datapackage.json", official=False)
    assert codes(report) == {("event_mentions", 4, "span-mismatch")}


def test_bad_enum_is_caught_with_its_value(package_copy):
    edit_csv(package_copy, "quotes", lambda rows: rows[0].update(channel="tweet"))
    report = validate_package(package_copy / "datapackage.json", official=False)
    [finding] = report.findings
    assert (finding.resource, finding.row, finding.field, finding.code) == ("quotes", 2, "channel", "enum")
    assert '"tweet"' in finding.message


@pytest.mark.parametrize("field,cell,code", [
    ("speaker_as_written", "=HYPERLINK(\"x\")", "formula-injection"),
    ("speaker_as_written", "@SUM(A1)", "formula-injection"),
    ("speaker_as_written", " said", "whitespace"),
    ("speaker_as_written", "said Ã©", "mojibake"),
    # Unusable offsets are findings, not crashes.
    ("char_start", "1.5", "type"),
    ("char_start", "99999999999999999999999", "span-mismatch"),
])
def test_a_bad_quote_cell_is_caught(package_copy, field, cell, code):
    edit_csv(package_copy, "quotes", lambda rows: rows[0].update({field: cell}))
    report = validate_package(package_copy / "datapackage.json", official=False)
    assert ("quotes", 2, code) in codes(report)


def test_event_after_article_date_must_be_planned(package_copy):
    def unplan(rows):
        for row in rows:
            if row["event_id"] == "rally-city-hall-2022-03-25":
                row["reported_status"] = "occurred"
    edit_csv(package_copy, "event_mentions", unplan)
    edit_csv(package_copy, "events", lambda rows: [r.update(status="occurred") for r in rows if r["event_id"] == "rally-city-hall-2022-03-25"])
    report = validate_package(package_copy / "datapackage.json", official=False)
    assert {c for _, _, c in codes(report)} == {"date-outside-article"}


def test_end_before_start_and_percent_range(package_copy):
    edit_csv(package_copy, "events", lambda rows: rows[0].update(end_date="2000-01-01"))
    edit_csv(package_copy, "offers", lambda rows: [r.update(value="150") for r in rows if r["unit"] == "percent"][:1])
    report = validate_package(package_copy / "datapackage.json", official=False)
    found = {c for _, _, c in codes(report)}
    assert {"end-before-start", "percent-range"} <= found


def test_official_findings_are_added_for_rows_we_did_not_flag(package_copy):
    edit_csv(package_copy, "people", lambda rows: rows[0].update(org_id="nobody"))
    ours = validate_package(package_copy / "datapackage.json", official=False)
    both = validate_package(package_copy / "datapackage.json", official=True)
    assert codes(ours) <= codes(both)
    assert ("people", 2, "foreign-key") in codes(both)


def test_missing_descriptor_cannot_run(tmp_path):
    with pytest.raises(CannotRun):
        validate_package(tmp_path / "datapackage.json")


def test_descriptor_that_is_not_json_is_invalid(tmp_path):
    (tmp_path / "datapackage.json").write_text("{'name': 'x',}")
    report = validate_package(tmp_path / "datapackage.json")
    assert [f.code for f in report.findings] == ["descriptor-error"]


def test_figure_must_match_the_offer_it_names(package_copy):
    def bump(rows):
        for row in rows:
            if row["figure_id"] == "signing-bonus-offered":
                row["value"] = "3500"
    edit_csv(package_copy, "figures", bump)
    report = validate_package(package_copy / "datapackage.json", official=False)
    [finding] = report.findings
    assert (finding.resource, finding.field, finding.code) == ("figures", "offer_id", "figure-offer-mismatch")


def test_source_descriptor_is_a_valid_data_package(root):
    """Layer 1: the hand-written datapackage.json is a valid descriptor, and validating it checks build/."""
    import json as _json

    descriptor = _json.loads((root / "datapackage.json").read_text())
    assert list(frictionless.Package.metadata_validate(descriptor)) == []
    report = validate_package(root / "datapackage.json", official=False)
    assert report.findings == [] and report.stats["tables"] == len(load_registry(root).names)


def test_edited_article_text_is_caught(package_copy):
    """Someone edits a text file (and its declared hash is gone): hash, spans and counts all notice."""
    descriptor = json.loads((package_copy / "datapackage.json").read_text())
    for r in descriptor["resources"]:
        r.pop("hash", None)
        r.pop("bytes", None)
    (package_copy / "datapackage.json").write_text(json.dumps(descriptor))
    path = package_copy / "texts" / "ktxl-strike-second-day.txt"
    path.write_text(path.read_text().replace("Tens of thousands", "Thousands"))
    report = validate_package(package_copy / "datapackage.json", official=False)
    found = {(f.resource, f.code) for f in report.findings}
    assert {("articles", "text-hash"), ("articles", "text-length"), ("quotes", "span-mismatch")} <= found


def test_duplicate_ids_do_not_switch_cross_table_rules_off(package_copy):
    def break_offers(rows):
        rows[1]["offer_id"] = rows[0]["offer_id"]
    edit_csv(package_copy, "offers", break_offers)
    edit_csv(package_copy, "figures", lambda rows: [r.update(value="3500") for r in rows if r["figure_id"] == "signing-bonus-offered"])
    report = validate_package(package_copy / "datapackage.json", official=False)
    found = {c for _, _, c in codes(report)}
    assert {"primary-key", "figure-offer-mismatch"} <= found
    assert "check-failed" not in found


def test_our_table_name_with_a_foreign_schema_gives_findings_not_a_crash(tmp_path):
    (tmp_path / "quotes.csv").write_text("quote_id,words\nq1,hello\n")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "other", "resources": [
        {"name": "quotes", "path": "quotes.csv", "schema": {"fields": [
            {"name": "quote_id", "type": "string"}, {"name": "words", "type": "string"}]}}]}))
    assert validate_package(tmp_path / "datapackage.json").valid  # another package: our rules are not switched on
    report = validate_package(tmp_path / "datapackage.json", pack="strikedata")  # asked for: they say they cannot run
    assert report.findings and all(f.code == "check-failed" for f in report.findings)


@pytest.mark.parametrize("schema", [
    {"fields": [{"name": "a", "type": "string", "constraints": {"pattern": "("}}]},
    {"fields": [{"name": "a", "type": "string", "constraints": {"minLength": "x"}}]},
    {"fields": [{"name": "a", "type": "string"}], "foreignKeys": [{"fields": [], "reference": {"resource": "", "fields": []}}]},
    {"fields": [{"name": "a", "type": "integer"}], "primaryKey": 5},
])
def test_malformed_foreign_schemas_give_findings_not_crashes(tmp_path, schema):
    (tmp_path / "t.csv").write_text("a\n1\n")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "x", "resources": [{"name": "t", "path": "t.csv", "schema": schema}]}))
    report = validate_package(tmp_path / "datapackage.json", official=False)
    assert report.findings  # each of these schemas is invalid: reported, not raised


def test_missing_text_file_points_at_its_articles_row(package_copy):
    (package_copy / "texts" / "kcra-talks-late-wednesday.txt").unlink()
    report = validate_package(package_copy / "datapackage.json", official=False)
    [finding] = [f for f in report.findings if f.code == "text-missing"]
    rows = [r["article_id"] for r in csv.DictReader((package_copy / "articles.csv").open(encoding="utf-8"))]
    assert (finding.resource, finding.field, finding.row) == ("articles", "text_path", rows.index("kcra-talks-late-wednesday") + 2)


def test_integers_too_long_for_python_are_type_errors_as_for_frictionless(tmp_path):
    """frictionless reads integers with int(), which refuses more than 4,300 digits: so do we, on both backends."""
    from strikedata.validator import REFERENCE

    values = ["1" * 4300, "1" * 4301, "-" + "1" * 4300, "0" * 4301 + "1", "12", "+" + "2" * 5000]
    (tmp_path / "t.csv").write_text("n\n" + "\n".join(values) + "\n")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "long-numbers", "resources": [
        {"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "n", "type": "integer"}]}}]}))
    theirs = sorted(e.row_number for task in frictionless.validate(str(tmp_path / "datapackage.json")).tasks for e in task.errors)
    assert theirs == [3, 5, 7]
    for backend in ({}, {"backend": REFERENCE}):
        assert sorted(f.row for f in validate_package(tmp_path, **backend).findings if f.code == "type") == theirs


def test_bounds_skip_a_blank_number_but_not_nan_as_frictionless_does(tmp_path):
    (tmp_path / "t.csv").write_text("x\nNaN\n-1\n\n5\n1\n")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "bounded", "resources": [{"name": "t", "path": "t.csv", "schema": {
        "fields": [{"name": "x", "type": "number", "constraints": {"minimum": 0, "maximum": 3}}]}}]}))
    theirs = sorted(e.row_number for task in frictionless.validate(str(tmp_path / "datapackage.json")).tasks for e in task.errors
                    if e.type == "constraint-error")
    assert theirs == [2, 2, 3, 5]  # NaN fails both bounds; the blank row (4) is a blank-row, not a bound
    from strikedata.validator import REFERENCE

    for backend in ({}, {"backend": REFERENCE}):
        ours = sorted(f.row for f in validate_package(tmp_path, **backend).findings if f.code in ("minimum", "maximum"))
        assert ours == theirs
