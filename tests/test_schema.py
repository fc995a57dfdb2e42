"""schemas/*.json is the one declaration: pandera is derived from it, and nothing drifts."""

import json

import pandas as pd
import pandera.pandas as pa
import pytest

from strikedata.registry import load_schemas
from strikedata.tableschema import primary_key
from strikedata.validator.fields import field_checks, to_pandera

from conftest import ROOT

SCHEMAS = load_schemas(ROOT)
RESOURCES = list(SCHEMAS)
FIELDS = [(name, f) for name, s in SCHEMAS.items() for f in s["fields"]]


def test_schema_files_are_exactly_the_resources():
    assert sorted(p.stem for p in (ROOT / "schemas").glob("*.json")) == sorted(RESOURCES)


@pytest.mark.parametrize("resource,field", FIELDS, ids=[f"{r}.{f['name']}" for r, f in FIELDS])
def test_every_field_has_title_description_and_type(resource, field):
    assert field.get("title") and field.get("description") and field.get("type")


@pytest.mark.parametrize("resource", RESOURCES)
def test_pandera_schema_has_exactly_the_declared_columns_and_rules(resource):
    schema = SCHEMAS[resource]
    derived, rules = to_pandera(schema, resource)
    assert list(derived.columns) == [f["name"] for f in schema["fields"]]
    assert (derived.unique or []) == primary_key(schema)
    for field in schema["fields"]:
        codes = {r.code for r in rules.values() if r.field == field["name"]}
        constraints = field.get("constraints", {})
        assert ("required" in codes) == bool(constraints.get("required"))
        assert ("enum" in codes) == ("enum" in constraints)
        assert ("pattern" in codes) == ("pattern" in constraints)
        assert ("unique" in codes) == bool(constraints.get("unique"))
        assert ("minimum" in codes) == ("minimum" in constraints)
        assert ("type" in codes) == (field["type"] != "string" or "format" in field)


def test_built_package_inlines_the_declared_schemas_unchanged(built):
    descriptor = json.loads((built / "datapackage.json").read_text())
    inlined = {r["name"]: r["schema"] for r in descriptor["resources"] if "schema" in r}
    assert inlined == SCHEMAS


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_declared_field_is_used_by_the_built_csv(built, resource):
    header = (built / f"{resource}.csv").read_text().split("\n")[0].split(",")
    assert header == [f["name"] for f in SCHEMAS[resource]["fields"]]


def test_enum_rule_reports_the_original_bad_value():
    field = {"name": "kind", "type": "string", "constraints": {"enum": ["full", "fragment"]}}
    frame = pd.DataFrame({"kind": ["full", "Full ", ""]})
    schema = pa.DataFrameSchema({"kind": pa.Column(str, checks=[pa.Check(r.test, name=r.code) for r in field_checks(field)])})
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        schema.validate(frame, lazy=True)
    assert caught.value.failure_cases["failure_case"].tolist() == ["Full "]


@pytest.mark.parametrize("type_,good,bad", [
    ("integer", ["0", "-3", "42"], ["4.5", "x", "1e3"]),
    ("number", ["1.5", "-2", "3e2"], ["1,5", "abc", "$4"]),
    ("date", ["2022-03-23", "2020-02-29"], ["2022-02-30", "23/03/2022", "2022-3-1"]),
])
def test_type_rules_accept_and_reject(type_, good, bad):
    rule = next(r for r in field_checks({"name": "x", "type": type_}) if r.code == "type")
    assert rule.test(pd.Series(good + [""])).all()
    assert not rule.test(pd.Series(bad)).any()
