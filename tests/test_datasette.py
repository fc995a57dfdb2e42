"""metadata.json for Datasette: where the data comes from and under which license (no address made
up), every table, view and column described, rows labelled where a foreign key shows them, and the
canned queries of schemas/queries.yaml, each run on the exported database and served by Datasette."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
import yaml

from strikedata.exports import ExportError, TypedTable, export_files, write_exports
from strikedata.exports.sqlite import QUERIES_FILE, canned_queries, datasette_metadata, label_column, license_url, sqlite_bytes
from strikedata.packages import load

from conftest import ROOT

STEM = "sacramento-2022-school-strike"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
CURATED = yaml.safe_load((ROOT / "schemas" / "queries.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def exported(built: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("datasette")
    write_exports(export_files(load(built / "datapackage.json"), formats=("sqlite",)), out)
    return out


@pytest.fixture(scope="module")
def metadata(exported: Path) -> dict:
    return json.loads((exported / "metadata.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def database(exported: Path):
    connection = sqlite3.connect(exported / f"{STEM}.db")
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def descriptor(built: Path) -> dict:
    return json.loads((built / "datapackage.json").read_text("utf-8"))


def serve(database: Path, metadata: dict, *paths: str) -> list:
    """Datasette's responses to `paths`, in process."""
    from datasette.app import Datasette

    async def fetch():
        site = Datasette([str(database)], metadata=metadata)
        return [await site.client.get(path) for path in paths]

    return asyncio.run(fetch())


# --- the site: license, source, descriptions ----------------------------------------------------

def test_license_and_sources_are_the_descriptors(metadata, descriptor):
    assert metadata["license"] == descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert metadata["license_url"] == "https://creativecommons.org/licenses/by/4.0/"
    titles = [s["title"] for s in descriptor["sources"]]
    assert titles and metadata["source"] == "; ".join(titles)
    web = [s for s in descriptor["sources"] if str(s.get("path", "")).startswith(("http://", "https://"))]
    # Only addresses the descriptor gives: without a homepage or repository, no about_url or source_url is made up.
    assert ("about_url" in metadata) == bool(descriptor.get("homepage"))
    expected = web[0]["path"] if len(descriptor["sources"]) == 1 and web else descriptor.get("repository")
    assert metadata.get("source_url") == expected


@pytest.mark.parametrize(("extra", "expected"), [
    ({}, {}),
    ({"homepage": "https://example.org/strike", "repository": "https://github.com/example/strike"},
     {"about_url": "https://example.org/strike", "source_url": "https://github.com/example/strike"}),
    ({"sources": [{"title": "One paper", "path": "https://paper.example/story"}], "repository": {"type": "git", "url": "https://git.example/r"}},
     {"source_url": "https://paper.example/story", "source": "One paper"}),
    ({"sources": [{"title": "One paper", "path": "texts/story.txt"}]}, {"source": "One paper"}),  # a path in the package is no web address
])
def test_source_and_about_addresses_come_only_from_the_descriptor(extra, expected):
    descriptor = {"name": "x", "title": "X", "licenses": [{"name": "CC0-1.0"}], **extra}
    made = datasette_metadata(descriptor, "x", [])
    addresses = {k: v for k, v in made.items() if k in ("about_url", "source_url", "source")}
    assert addresses == expected
    assert made["license_url"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    if "about_url" in expected:
        assert made["about"]


@pytest.mark.parametrize(("license", "url"), [
    ({"name": "CC-BY-SA-4.0"}, "https://creativecommons.org/licenses/by-sa/4.0/"),
    ({"name": "CC-BY-NC-ND-4.0"}, "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    ({"name": "CC-BY-4.0", "path": "https://example.org/license"}, "https://example.org/license"),
    ({"name": "other-closed"}, ""),
    ({"name": "ODbL-1.0"}, ""),
])
def test_a_license_url_is_its_path_or_the_creative_commons_address(license, url):
    assert license_url(license) == url


def test_every_table_view_and_column_is_described(metadata, database):
    described = metadata["databases"][STEM]["tables"]
    objects = database.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')").fetchall()
    assert {name for name, _ in objects} == set(described)
    assert {"texts", "quotes_in_context"} <= set(described)
    for name, _ in objects:
        columns = [c[1] for c in database.execute(f'PRAGMA table_info("{name}")')]
        assert described[name]["title"] and described[name]["description"], name
        assert list(described[name]["columns"]) == columns, name
        assert all(described[name]["columns"].values()), name


def test_the_texts_carry_their_own_license(metadata, descriptor):
    text_license = next(r["licenses"][0] for r in descriptor["resources"] if r["name"].startswith("text-"))
    texts = metadata["databases"][STEM]["tables"]["texts"]
    assert texts["license"] == text_license.get("title", text_license["name"]) != metadata["license"]
    assert "license" not in metadata["databases"][STEM]["tables"]["quotes"]


# --- labels ---------------------------------------------------------------------------------------

def typed(name: str, fields: list[dict]) -> TypedTable:
    return TypedTable(name, {"name": name}, {"fields": fields}, [f["name"] for f in fields], [[] for _ in fields], 0)


@pytest.mark.parametrize(("fields", "label"), [
    ([{"name": "id"}, {"name": "name"}, {"name": "caption", "rdfType": RDFS_LABEL}], "caption"),
    ([{"name": "id"}, {"name": "title"}, {"name": "name"}], "name"),
    ([{"name": "id"}, {"name": "title"}], "title"),
    ([{"name": "id"}, {"name": "published_date"}], None),
])
def test_the_label_column_is_typed_rdfs_label_else_a_name(fields, label):
    assert label_column(typed("t", fields)) == label


def test_every_table_has_its_label_column(metadata, descriptor):
    for resource in descriptor["resources"]:
        if not isinstance(resource.get("schema"), dict):
            continue
        names = [f["name"] for f in resource["schema"]["fields"]]
        typed_label = [f["name"] for f in resource["schema"]["fields"] if f.get("rdfType") == RDFS_LABEL]
        expected = (typed_label or [c for c in ("name", "title") if c in names] or [None])[0]
        assert metadata["databases"][STEM]["tables"][resource["name"]].get("label_column") == expected, resource["name"]
    assert metadata["databases"][STEM]["tables"]["people"]["label_column"] == "name"


def test_datasette_shows_foreign_keys_by_their_label(exported, metadata, database, descriptor):
    """Every foreign key to a table with a label column comes back from Datasette with that label."""
    labelled = [(r["name"], fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0])
                for r in descriptor["resources"] if isinstance(r.get("schema"), dict) for fk in r["schema"].get("foreignKeys", [])
                if metadata["databases"][STEM]["tables"][fk["reference"]["resource"]].get("label_column")]
    assert {("quotes", "speaker_person_id", "people", "person_id"), ("quotes", "article_id", "articles", "article_id")} <= set(labelled)
    responses = serve(exported / f"{STEM}.db", metadata,
                      *(f"/{STEM}/{table}.json?_shape=array&_labels=on&_size=max&_col={column}" for table, column, _, _ in labelled))
    for (table, column, target, key), response in zip(labelled, responses, strict=True):
        label = metadata["databases"][STEM]["tables"][target]["label_column"]
        truth = dict(database.execute(f'SELECT "{key}", "{label}" FROM "{target}"').fetchall())
        cells = [row[column] for row in response.json() if row[column] is not None]
        assert cells, (table, column)
        assert all(cell["label"] == truth[cell["value"]] for cell in cells), (table, column)


# --- canned queries -----------------------------------------------------------------------------

def test_the_queries_file_is_for_this_dataset_only():
    from strikedata.rules import PACKAGE_NAMES

    assert QUERIES_FILE == ROOT / "schemas" / "queries.yaml"
    assert set(CURATED["packages"]) == PACKAGE_NAMES
    assert {"timeline", "who_said_what", "offers_over_time"} <= set(CURATED["queries"])
    assert canned_queries({"name": "someone-elses-package"}) == {}


def test_every_canned_query_is_exported_and_returns_rows(metadata, database):
    queries = metadata["databases"][STEM]["queries"]
    assert list(queries) == list(CURATED["queries"])
    for name, query in queries.items():
        assert query["sql"] == CURATED["queries"][name]["sql"] and query["title"] and query["description"], name
        assert database.execute(query["sql"]).fetchall(), name


def test_the_canned_queries_answer_their_questions(metadata, database):
    queries = {name: q["sql"] for name, q in metadata["databases"][STEM]["queries"].items()}
    timeline = database.execute(queries["timeline"]).fetchall()
    assert len(timeline) == database.execute("SELECT count(*) FROM events").fetchone()[0]
    assert [r[0] for r in timeline] == sorted(r[0] for r in timeline)  # by date
    said = [dict(zip([c[0] for c in cursor.description], row, strict=True))
            for cursor in [database.execute(queries["who_said_what"])] for row in cursor.fetchall()]
    assert len(said) == database.execute("SELECT count(*) FROM quotes").fetchone()[0]
    assert all(r["speaker"] and r["outlet"] and r["published_date"] for r in said)
    names = {name for (name,) in database.execute("SELECT name FROM people UNION SELECT name FROM organizations")}
    assert {r["speaker"] for r in said} <= names
    assert any(r["speaker_organization"] for r in said)
    assert any(participants for *_, participants, _, _ in timeline) and all(mentions > 0 for *_, mentions, _ in timeline)
    cursor = database.execute(queries["offers_over_time"])
    offers = [dict(zip([c[0] for c in cursor.description], row, strict=True)) for row in cursor.fetchall()]
    assert len(offers) == database.execute("SELECT count(*) FROM offer_mentions").fetchone()[0]
    assert [r["reported_on"] for r in offers] == sorted(r["reported_on"] for r in offers)
    assert all(r["outlet"] and r["proposer"] and r["evidence_text"] for r in offers)


def test_datasette_serves_the_canned_queries_and_the_views(exported, metadata):
    queries = metadata["databases"][STEM]["queries"]
    paths = [*(f"/{STEM}/{name}" for name in queries), f"/{STEM}/who_said_what.json?_shape=array", f"/{STEM}/quotes_in_context"]
    *pages, said, view = serve(exported / f"{STEM}.db", metadata, *paths)
    for (name, query), page in zip(queries.items(), pages, strict=True):
        assert page.status_code == 200, name
        assert query["title"] in page.text and "<table" in page.text, name
    assert said.status_code == 200 and len(said.json()) > 0
    assert {"speaker", "quotation", "outlet"} <= set(said.json()[0])
    assert view.status_code == 200 and "text_at_offsets" in view.text
    assert metadata["databases"][STEM]["tables"]["quotes_in_context"]["description"].split(":")[0] in view.text


def test_datasette_links_the_homepage_and_repository_when_the_descriptor_has_them(exported, descriptor):
    """The addresses reach the page a visitor sees (here from a descriptor given both)."""
    given = {**descriptor, "homepage": "https://example.org/strike-data", "repository": "https://example.org/strike-code"}
    made = datasette_metadata(given, STEM, [])
    (index,) = serve(exported / f"{STEM}.db", made, "/")
    assert 'href="https://example.org/strike-data"' in index.text and 'href="https://example.org/strike-code"' in index.text
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in index.text


def test_a_canned_query_the_database_cannot_run_is_refused(tmp_path):
    table = typed("things", [{"name": "thing_id", "type": "string"}])
    queries = {"broken": {"sql": "SELECT no_such_column FROM things"}}
    with pytest.raises(ExportError, match="canned query 'broken'.*no_such_column"):
        sqlite_bytes([table], queries)
    assert sqlite_bytes([table], {"fine": {"sql": "SELECT thing_id FROM things WHERE thing_id = :which"}})


def test_a_malformed_queries_file_is_refused_clearly(tmp_path):
    path = tmp_path / "queries.yaml"
    path.write_text("packages: [x]\nqueries:\n  q: {title: no sql}\n")
    with pytest.raises(ExportError, match="query 'q' needs an `sql` text"):
        canned_queries({"name": "x"}, path)
    path.write_text("packages: [x\n")
    with pytest.raises(ExportError, match="queries.yaml"):
        canned_queries({"name": "x"}, path)
    assert canned_queries({"name": "x"}, tmp_path / "missing.yaml") == {}
