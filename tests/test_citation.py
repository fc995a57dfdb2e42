"""The metadata a DOI service reads: CITATION.cff valid for CFF 1.2.0 (and still valid once a release
rewrites its version and date), .zenodo.json as Zenodo's deposit metadata accepts it, and both saying
what datapackage.json says (title, description, license, keywords, authors, version, id, links)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from strikedata.release import updated_citation

from conftest import ROOT

CFF_SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "cff" / "schema-1.2.0.json").read_text("utf-8"))

# Zenodo's deposit metadata (the legacy REST API's `metadata`, which the GitHub integration reads from
# .zenodo.json), as its developer documentation describes it: required keys, controlled vocabularies, and
# the keys it knows (an unknown key fails the deposit). Written from the documentation, not copied.
ZENODO_KEYS = {
    "upload_type", "publication_type", "image_type", "publication_date", "title", "creators", "description",
    "access_right", "license", "embargo_date", "access_conditions", "doi", "prereserve_doi", "keywords", "notes",
    "related_identifiers", "contributors", "references", "communities", "grants", "journal_title", "journal_volume",
    "journal_issue", "journal_pages", "conference_title", "conference_acronym", "conference_dates", "conference_place",
    "conference_url", "conference_session", "conference_session_part", "imprint_publisher", "imprint_isbn",
    "imprint_place", "partof_title", "partof_pages", "thesis_supervisors", "thesis_university", "subjects", "version",
    "language", "locations", "dates", "method",
}
ZENODO_SCHEMA = {
    "type": "object",
    "required": ["upload_type", "title", "creators", "description"],
    "propertyNames": {"enum": sorted(ZENODO_KEYS)},
    "properties": {
        "upload_type": {"enum": ["publication", "poster", "presentation", "dataset", "image", "video", "software",
                                 "lesson", "physicalobject", "other"]},
        "title": {"type": "string", "minLength": 3},
        "description": {"type": "string", "minLength": 1},
        "creators": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["name"], "additionalProperties": False,
            "properties": {"name": {"type": "string", "minLength": 1}, "affiliation": {"type": "string"},
                           "orcid": {"type": "string", "pattern": r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$"}, "gnd": {"type": "string"}}}},
        "access_right": {"enum": ["open", "embargoed", "restricted", "closed"]},
        "license": {"type": "string", "pattern": "^[a-z0-9][a-z0-9.+-]*$"},  # the vocabulary's ids: lower-case SPDX
        "keywords": {"type": "array", "items": {"type": "string", "minLength": 1}, "uniqueItems": True},
        "language": {"type": "string", "pattern": "^[a-z]{3}$"},  # ISO 639-3
        "notes": {"type": "string"},
        "version": {"type": "string"},
        "publication_date": {"type": "string", "format": "date"},
    },
    "allOf": [
        # open (the default) and embargoed deposits need a license; the others need what their kind needs
        {"if": {"not": {"required": ["access_right"]}}, "then": {"required": ["license"]}},
        {"if": {"properties": {"access_right": {"enum": ["open", "embargoed"]}}, "required": ["access_right"]},
         "then": {"required": ["license"]}},
        {"if": {"properties": {"access_right": {"const": "embargoed"}}, "required": ["access_right"]},
         "then": {"required": ["embargo_date"]}},
        {"if": {"properties": {"access_right": {"const": "restricted"}}, "required": ["access_right"]},
         "then": {"required": ["access_conditions"]}},
        {"if": {"properties": {"upload_type": {"const": "publication"}}}, "then": {"required": ["publication_type"]}},
        {"if": {"properties": {"upload_type": {"const": "image"}}}, "then": {"required": ["image_type"]}},
    ],
}


def problems(schema: dict, document: object) -> list[str]:
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}" for error in validator.iter_errors(document)]


def citation() -> dict:
    # Strictly as YAML 1.1 reads it: an unquoted date becomes a date object, which the schema (rightly) refuses.
    return yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))


def zenodo() -> dict:
    return json.loads((ROOT / ".zenodo.json").read_text("utf-8"))


def descriptor() -> dict:
    return json.loads((ROOT / "datapackage.json").read_text("utf-8"))


def authors(package: dict) -> list[str]:
    """The titles of the package's contributors who are authors (Data Package v1 `role` or v2 `roles`)."""
    return [c["title"] for c in package.get("contributors", [])
            if "author" in (c.get("roles") or [c.get("role", "contributor")])]


def test_citation_is_valid_cff_1_2_0():
    assert problems(CFF_SCHEMA, citation()) == []
    assert citation()["type"] == "dataset"


def test_the_schema_refuses_what_it_should():
    """The vendored schema is the real one: it refuses a made-up license and a date that is not ISO."""
    assert problems(CFF_SCHEMA, dict(citation(), license="CC-BY-4.1"))
    assert problems(CFF_SCHEMA, dict(citation(), **{"date-released": "29 November 2026"}))
    assert problems(CFF_SCHEMA, {k: v for k, v in citation().items() if k != "authors"})


def test_a_release_keeps_the_citation_valid():
    """`strikedata release` rewrites version and date-released in place; nothing else changes."""
    before = (ROOT / "CITATION.cff").read_text("utf-8")
    after = yaml.safe_load(updated_citation(before, "12.3.4", "2031-02-03"))
    assert problems(CFF_SCHEMA, after) == []
    assert (after["version"], after["date-released"]) == ("12.3.4", "2031-02-03")
    assert {k: v for k, v in after.items() if k not in ("version", "date-released")} == \
        {k: v for k, v in citation().items() if k not in ("version", "date-released")}


def test_zenodo_metadata_is_what_zenodo_accepts():
    assert problems(ZENODO_SCHEMA, zenodo()) == []
    assert (zenodo()["upload_type"], zenodo().get("access_right", "open")) == ("dataset", "open")


@pytest.mark.parametrize("broken, complaint", [
    ({"upload_type": "data"}, "upload_type"),
    ({"creators": []}, "creators"),
    ({"creators": [{"title": "strikedata contributors"}]}, "creators/0"),
    ({"access_right": "public"}, "access_right"),
    ({"license": "CC BY 4.0"}, "license"),
    ({"homepage": "https://example.org"}, "(top)"),
])
def test_the_zenodo_checks_refuse_what_zenodo_refuses(broken, complaint):
    assert any(p.startswith(complaint) for p in problems(ZENODO_SCHEMA, dict(zenodo(), **broken)))


def test_an_open_deposit_needs_a_license():
    """Without one Zenodo would put its own default on the record (cc-zero for a dataset)."""
    unlicensed = {k: v for k, v in zenodo().items() if k != "license"}
    assert "(top): 'license' is a required property" in problems(ZENODO_SCHEMA, unlicensed)


def test_citation_and_zenodo_say_what_the_descriptor_says():
    package, cff, deposit = descriptor(), citation(), zenodo()
    assert cff["title"] == deposit["title"] == package["title"]
    assert cff["abstract"] == deposit["description"] == package["description"]
    assert cff["keywords"] == deposit["keywords"] == package["keywords"]
    [license_] = package["licenses"]  # one license for the data: the one both files name
    assert cff["license"] == license_["name"] and deposit["license"] == license_["name"].lower()
    assert [a["name"] for a in cff["authors"]] == [c["name"] for c in deposit["creators"]] == authors(package)


def test_citation_version_and_date_are_the_descriptors():
    """What `strikedata release` writes into both; the release workflow refuses a tag where they differ."""
    package, cff = descriptor(), citation()
    assert (cff["version"], cff["date-released"]) == (package["version"], package["created"][:10])


def test_zenodo_takes_its_version_from_the_release():
    """No version in .zenodo.json: `strikedata release` does not rewrite it, so it would go stale; Zenodo's
    GitHub integration takes the version from the release's tag instead."""
    assert "version" not in zenodo() and "publication_date" not in zenodo()


def test_identifiers_and_links_only_when_real():
    """The package's id, and a homepage or repository, are cited only when datapackage.json has them:
    no invented DOI or URL. A DOI is added to both files (and to the descriptor) once one is minted."""
    package, cff = descriptor(), citation()
    others = [i["value"] for i in cff.get("identifiers", []) if i["type"] == "other"]
    assert others == ([package["id"]] if package.get("id") else [])
    assert cff.get("url") == package.get("homepage")
    assert cff.get("repository-code") == package.get("repository")
    assert "doi" not in zenodo()  # set only for a DOI minted elsewhere: Zenodo would then mint none
