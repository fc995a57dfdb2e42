"""`strikedata build`: the committed build/ is fresh, builds are byte-identical and all-or-nothing."""

import hashlib
import json
from pathlib import Path

import pytest

from strikedata.build import build_package
from strikedata.registry import load_registry

from conftest import ROOT


def tree(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_committed_build_is_fresh(built):
    """Fails when seeds, schemas or code changed and `make build` was not run before committing."""
    committed, fresh = tree(ROOT / "build"), tree(built)
    stale = sorted(name for name in committed.keys() | fresh.keys() if committed.get(name) != fresh.get(name))
    assert stale == [], f"build/ is stale, run `make build`: {stale}"


def test_two_builds_are_byte_identical(project, built):
    assert build_package(project) == []
    assert tree(project / "build") == tree(built)


def test_source_date_epoch_sets_created(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1648000000")
    assert build_package(project) == []
    descriptor = json.loads((project / "build" / "datapackage.json").read_text())
    assert descriptor["created"] == "2022-03-23T01:46:40Z"


def test_failed_build_leaves_previous_build_untouched(project):
    before = tree(project / "build")
    path = project / "seeds" / "articles" / "ktxl-strike-second-day.yaml"
    path.write_text(path.read_text().replace("speaker_person_id: jorge-aguilar", "speaker_person_id: jorge-aguilarr"))
    findings = build_package(project)
    assert any(f.code == "foreign-key" for f in findings)
    assert tree(project / "build") == before


def test_interrupted_build_leaves_previous_build_untouched(project):
    before = tree(project / "build")
    path = project / "seeds" / "people.yaml"
    path.write_text(path.read_text().replace("role: SCUSD parent", "role: Parent of SCUSD students"))

    def crash(staging: Path) -> None:
        (staging / "quotes.csv").write_bytes(b"half a file")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build_package(project, _before_swap=crash)
    assert tree(project / "build") == before
    assert not list(project.glob(".build-*")), "the staging folder is cleaned up"


def test_descriptor_has_hash_bytes_licenses_and_version(built):
    descriptor = json.loads((built / "datapackage.json").read_text())
    assert descriptor["version"] == json.loads((ROOT / "datapackage.json").read_text())["version"]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    for resource in descriptor["resources"]:
        data = (built / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
    texts = [r for r in descriptor["resources"] if r["path"].startswith("texts/")]
    articles = sorted(ROOT.glob(load_registry(ROOT)["articles"].rows))  # one text per annotated article
    assert len(texts) == len(articles) > 0
    assert all(r["licenses"][0]["name"] != "CC-BY-4.0" for r in texts)
