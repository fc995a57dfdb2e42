"""The published descriptor is Data Package v2: `$schema`, a stable `id`, tables typed `table`, v2
contributors and sources; each article has the curators' summary and a label; each table its usage
warnings. The official frictionless validator and ours both accept it, and ours still reads v1."""

from __future__ import annotations

import copy
import csv
import json
from pathlib import Path

import pytest
import yaml

from strikedata.build import package_descriptor
from strikedata.validator.descriptors import is_plain
from strikedata.validator.official import descriptor_findings
from strikedata.validator.validate import validate_package

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLE_SCHEMA_V2 = "https://datapackage.org/profiles/2.0/tableschema.json"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
# Fixed once for every version of the package (a UUID URN: no DOI or URL is invented). Changing it
# tells every catalog that this is another dataset: never do it.
PACKAGE_ID = "urn:uuid:2455f164-596f-4f60-825d-81b7c56c1204"


def source() -> dict:
    return json.loads((ROOT / "datapackage.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def descriptor(built: Path) -> dict:
    return json.loads((built / "datapackage.json").read_text("utf-8"))


def tables(descriptor: dict) -> list[dict]:
    return [r for r in descriptor["resources"] if "schema" in r]


def rows(built: Path, name: str) -> list[dict]:
    with (built / f"{name}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_built_descriptor_is_data_package_v2(descriptor):
    assert descriptor["$schema"] == PACKAGE_V2
    assert "profile" not in descriptor
    assert tables(descriptor) and all(r["type"] == "table" and "profile" not in r for r in tables(descriptor))
    assert all(r["schema"]["$schema"] == TABLE_SCHEMA_V2 for r in tables(descriptor))
    texts = [r for r in descriptor["resources"] if "schema" not in r]
    # v2 defines only the type `table`: a text file is a resource with no type (and no v1 profile).
    assert texts and all("type" not in r and "profile" not in r and r["mediatype"] == "text/plain" for r in texts)
    assert descriptor["contributors"] and all(isinstance(c["roles"], list) and c["roles"] and "role" not in c
                                              for c in descriptor["contributors"])
    assert "homepage" not in descriptor and "repository" not in descriptor  # not configured: not invented


def test_the_id_is_the_source_descriptors_and_fixed(descriptor):
    assert descriptor["id"] == source()["id"] == PACKAGE_ID


def test_the_id_does_not_change_with_the_version(built, descriptor):
    files = {r["path"]: (built / r["path"]).read_bytes() for r in descriptor["resources"]}
    articles = rows(built, "articles")
    schemas = {r["name"]: r["schema"] for r in tables(descriptor)}
    for version in ("2.0.1", "3.0.0", "10.4.2"):
        bumped = {**source(), "version": version}
        made = package_descriptor(bumped, schemas, files, articles)
        assert (made["id"], made["version"]) == (PACKAGE_ID, version)


def test_homepage_and_repository_are_carried_when_configured(built, descriptor):
    files = {r["path"]: (built / r["path"]).read_bytes() for r in descriptor["resources"]}
    schemas = {r["name"]: r["schema"] for r in tables(descriptor)}
    configured = {**source(), "homepage": "https://example.org/strike", "repository": "https://example.org/strike.git"}
    made = package_descriptor(configured, schemas, files, rows(built, "articles"))
    assert (made["homepage"], made["repository"]) == ("https://example.org/strike", "https://example.org/strike.git")


def test_sources_name_each_article_with_a_path_the_seeds_give(built, descriptor):
    articles = rows(built, "articles")
    texts = {r["path"] for r in descriptor["resources"] if "schema" not in r}
    assert len(descriptor["sources"]) == len(articles)
    for article, found in zip(articles, descriptor["sources"], strict=True):
        assert article["article_id"] in found["title"] and article["label"] in found["title"]
        # The article's URL when the seeds give one; else its text inside the package. Never invented.
        assert found["path"] == (article["url"] or article["text_path"])
        assert found["path"] in texts or found["path"] == article["url"]


def test_frictionless_validates_every_resource(built, descriptor):
    import frictionless

    report = frictionless.validate(str(built / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    assert sorted(task.name for task in report.tasks) == sorted(r["name"] for r in descriptor["resources"])
    assert all(task.valid for task in report.tasks)


def test_our_validator_takes_the_fast_path_and_agrees(built, descriptor):
    assert is_plain(descriptor)  # v2 needs no detour through frictionless's metadata loader
    assert descriptor_findings(built / "datapackage.json") == []
    report = validate_package(built / "datapackage.json")
    assert report.valid and report.findings == []


@pytest.mark.parametrize("edit", [
    lambda d: d.update({"$schema": "https://example.org/my-profile.json"}),
    lambda d: d.update({"$schema": ["not", "text"]}),
    lambda d: d["resources"][0].update(type="text"),
    lambda d: d["resources"][0].update(type=["table"]),
    lambda d: d["resources"][0].update(usageWarnings="one string, not a list"),
    lambda d: d["resources"][0].update(usageWarnings=[1, 2]),
    lambda d: d["contributors"][0].update(roles="author"),
])
def test_unusual_v2_descriptors_go_to_frictionless(descriptor, edit):
    edited = copy.deepcopy(descriptor)
    edit(edited)
    assert not is_plain(edited)


def test_a_v1_descriptor_is_still_plain(descriptor):
    v1 = copy.deepcopy(descriptor)
    del v1["$schema"]
    for resource in tables(v1):
        del resource["type"]
        resource["profile"] = "tabular-data-resource"
        resource["schema"]["$schema"] = "https://specs.frictionlessdata.io/schemas/table-schema.json"
    v1["contributors"] = [{"title": "strikedata contributors", "role": "author"}]
    assert is_plain(v1)


def test_every_table_has_usage_warnings_kept_in_the_built_descriptor(descriptor):
    declared = {r["name"]: r.get("usageWarnings") for r in source()["resources"]}
    for resource in tables(descriptor):
        warnings = resource["usageWarnings"]
        assert warnings == declared[resource["name"]]
        assert 1 <= len(warnings) <= 6 and all(isinstance(w, str) and w.strip() == w and 20 <= len(w) <= 400 for w in warnings)


def test_every_article_has_a_curators_summary(built):
    by_id = {r["article_id"]: r for r in rows(built, "articles")}
    files = sorted((ROOT / "seeds" / "articles").glob("*.yaml"))
    assert len(files) == len(by_id)
    for path in files:
        seed = yaml.safe_load(path.read_text("utf-8"))
        summary = seed["summary"]
        assert summary == by_id[seed["article_id"]]["summary"]
        sentences = [s for s in summary.replace("e.g.", "eg").split(". ") if s]
        assert 1 <= len(sentences) <= 2 and len(summary) <= 600, (path.name, summary)
    field = next(f for f in json.loads((ROOT / "schemas" / "articles.json").read_text())["fields"] if f["name"] == "summary")
    assert "curators' own words, not the outlet's" in field["description"]
    record = (ROOT / "docs" / "curation" / "summaries.md").read_text("utf-8")
    assert all(article_id in record for article_id in by_id)


def test_every_article_has_a_label_from_its_outlet_and_date(built):
    names = {o["org_id"]: o["name"] for o in rows(built, "organizations")}
    articles = rows(built, "articles")
    assert [a["label"] for a in articles] == [f"{names[a['outlet_org_id']]}, {a['published_date']}" for a in articles]
    assert "KCRA 3, 2022-03-30" in {a["label"] for a in articles}
    field = next(f for f in json.loads((ROOT / "schemas" / "articles.json").read_text())["fields"] if f["name"] == "label")
    assert field["rdfType"] == RDFS_LABEL
    entry = next(r for r in source()["resources"] if r["name"] == "articles")
    assert "label" in entry["build"]["computed"] and "summary" not in entry["build"]["computed"]
