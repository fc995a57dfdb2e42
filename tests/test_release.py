"""`strikedata release` in a real git repository: versions, changelog, citation, archive, checksums,
refusals, and byte-identical archives when released twice."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from strikedata.annotations import load_yaml
from strikedata.cli import app
from strikedata.release import Previous, ReleaseError, bumped, find_previous, make_release, updated_changelog, updated_citation
from strikedata.validate import validate_package

from conftest import ROOT, copy_project
from test_diff import edit_yaml, first_quote, git

runner = CliRunner()
DATE = "2026-11-24"
UNRELEASED = """# Changelog

## [Unreleased]

### Added
- The tables, curated from five articles,
  with their schemas.

### Fixed
- A typo in a note.
"""
NAME = json.loads((ROOT / "datapackage.json").read_text())["name"]


def make_repo(target: Path) -> Path:
    """A copy of the project with the files a release touches, committed in a fresh git repository."""
    root = copy_project(target)
    for name in ("README.md", "CHANGELOG.md", "CITATION.cff", "LICENSE", "docs"):
        source = ROOT / name
        shutil.copytree(source, root / name) if source.is_dir() else shutil.copy2(source, root / name)
    # Whatever the real project's state, start from one that was never released.
    descriptor = json.loads((root / "datapackage.json").read_text())
    descriptor.update(version="0.1.0", created="2026-01-01T00:00:00Z")
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n")
    (root / "CHANGELOG.md").write_text(UNRELEASED)
    (root / "CITATION.cff").write_text(updated_citation((root / "CITATION.cff").read_text(), "0.1.0", "2026-01-01"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "unreleased")
    return root


def copy_repo(source: Path, target: Path) -> Path:
    """A writable copy of a project folder, its git repository included."""
    return Path(shutil.copytree(source, target, symlinks=True))


def release(root: Path, bump: str = "auto", **options):
    return make_release(root, bump, date=DATE, **options)


def archive_of(root: Path, version: str) -> Path:
    return root / "dist" / f"{NAME}-{version}.zip"


# A release builds, validates and exports the package: seconds each. The never-released repository is
# made once per module and its first release once; each test that goes on from either takes a copy.

# One worker runs the module (make test: --dist loadgroup), so its repositories and releases are made once.
pytestmark = pytest.mark.xdist_group("release")

@pytest.fixture(scope="module")
def unreleased(tmp_path_factory) -> Path:
    return make_repo(tmp_path_factory.mktemp("unreleased") / "project")


@pytest.fixture()
def repo(unreleased: Path, tmp_path: Path) -> Path:
    """The never-released repository, to release in this test."""
    return copy_repo(unreleased, tmp_path / "project")


@pytest.fixture(scope="module")
def first_release(unreleased: Path, tmp_path_factory):
    """`release(repo)` made once on a copy of the never-released repository: its folder (read-only) and result."""
    root = copy_repo(unreleased, tmp_path_factory.mktemp("first-release") / "project")
    return root, release(root)


@pytest.fixture()
def released(first_release, tmp_path: Path) -> Path:
    """A writable copy of the repository just after its first release (1.0.0, not committed nor tagged)."""
    root, result = first_release
    assert (result.version, result.archive) == ("1.0.0", archive_of(root, "1.0.0"))
    return copy_repo(root, tmp_path / "project")


def tag(root: Path, version: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", f"Release {version}")
    git(root, "tag", f"v{version}")


def correct_a_quote(root: Path) -> str:
    article = sorted((root / "seeds" / "articles").glob("*.yaml"))[0]
    edit_yaml(article, lambda d: first_quote(d).update(note="Checked against the broadcast."))
    # Read back as the build reads it: a key written twice is refused, not silently the last one.
    document, findings = load_yaml(article, article.relative_to(root).as_posix())
    assert findings == [] and document is not None, findings
    return first_quote(document.data)["quote_id"]


def add_a_field(root: Path) -> None:
    """A MAJOR change: a field inserted among the others (a reader by position reads another column)."""
    path = root / "schemas" / "quotes.json"
    schema = json.loads(path.read_text())
    schema["fields"].insert(1, {"name": "language", "title": "Language", "description": "Language of the quotation.", "type": "string"})
    path.write_text(json.dumps(schema, indent=2))


@pytest.mark.parametrize("version, level, expected", [
    ("0.0.0", "major", "1.0.0"), ("1.2.3", "minor", "1.3.0"), ("1.2.3", "patch", "1.2.4"), ("1.9.9", "major", "2.0.0")])
def test_bumped(version, level, expected):
    assert bumped(version, level) == expected


def test_first_release_writes_version_changelog_citation_archive_and_sums(unreleased, first_release):
    unreleased_notes = (unreleased / "CHANGELOG.md").read_text().split("## [Unreleased]")[1].strip().splitlines()
    repo, result = first_release
    assert (result.version, result.bump, result.previous) == ("1.0.0", "major", None)

    descriptor = json.loads((repo / "datapackage.json").read_text())
    assert (descriptor["version"], descriptor["created"]) == ("1.0.0", f"{DATE}T00:00:00Z")
    assert json.loads((repo / "build" / "datapackage.json").read_text())["version"] == "1.0.0"
    citation = yaml.safe_load((repo / "CITATION.cff").read_text())
    assert (citation["version"], citation["date-released"], citation["type"]) == ("1.0.0", DATE, "dataset")

    changelog = (repo / "CHANGELOG.md").read_text()
    unreleased, entry = changelog.split("## [Unreleased]")[1].split(f"## [1.0.0] - {DATE}")
    assert unreleased.strip() == ""
    assert "- Data: first release of the package" in entry
    assert all(line in entry for line in unreleased_notes if line.startswith("- "))  # the notes moved, none lost

    archive = repo / "dist" / f"{NAME}-1.0.0.zip"
    assert result.archive == archive
    assert (repo / "dist" / "SHA256SUMS").read_text() == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert {i.date_time for i in zf.infolist()} == {(2026, 11, 24, 0, 0, 0)}
        top = f"{NAME}-1.0.0/"
        for expected in ("datapackage.json", "quotes.csv", "README.md", "LICENSE", "CHANGELOG.md", "CITATION.cff",
                         f"exports/{NAME}.xlsx", f"exports/{NAME}.db", "exports/metadata.json"):
            assert top + expected in names
        assert any(n.startswith(top + "texts/") for n in names)
        # The README, LICENSE and CHANGELOG in the zip are about the data in it, not the project's own.
        title = json.loads(zf.read(top + "datapackage.json"))["title"]
        readme = zf.read(top + "README.md").decode()
        assert readme.startswith(f"# {title}\n") and "make build" not in readme
        assert (repo / "README.md").read_text().startswith("# strikedata")  # the developer README stays
        assert "quotes.csv" in zf.read(top + "LICENSE").decode() and "MIT" not in zf.read(top + "LICENSE").decode()
        shipped = zf.read(top + "CHANGELOG.md").decode()
        assert f"## [1.0.0] - {DATE}" in shipped and "- first release of the package" in shipped
        assert "A typo in a note." not in shipped and "The tables, curated" not in shipped  # notes not generated from the data


def test_the_archive_is_a_valid_package(first_release, tmp_path):
    archive = first_release[1].archive
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp_path / "unzipped")
    report = validate_package(tmp_path / "unzipped" / f"{NAME}-1.0.0" / "datapackage.json", official=True)
    assert report.findings == []


def test_releasing_twice_gives_byte_identical_archives(released):
    repo = released
    first = archive_of(repo, "1.0.0").read_bytes()
    tracked = {p: p.read_bytes() for p in (repo / "CHANGELOG.md", repo / "CITATION.cff", repo / "datapackage.json")}
    second = release(repo, "major")
    assert second.version == "1.0.0"
    assert second.archive.read_bytes() == first
    assert {p: p.read_bytes() for p in tracked} == tracked


def test_after_the_tag_nothing_to_bump_and_the_same_archive(released):
    repo = released
    first = archive_of(repo, "1.0.0").read_bytes()
    tag(repo, "1.0.0")
    again = release(repo)
    assert (again.version, again.bump) == ("1.0.0", "none")
    assert again.archive.read_bytes() == first


@pytest.fixture(scope="module")
def patched(first_release, tmp_path_factory):
    """After the first release, tagged: a quote corrected and released (read-only), and the quote's id."""
    root = copy_repo(first_release[0], tmp_path_factory.mktemp("patched") / "project")
    tag(root, "1.0.0")
    quote_id = correct_a_quote(root)
    return root, release(root), quote_id


def test_corrected_quote_is_a_patch_release(patched):
    repo, result, quote_id = patched
    assert (result.version, result.implied, result.previous) == ("1.0.1", "patch", "v1.0.0")
    entry = (repo / "CHANGELOG.md").read_text().split(f"## [1.0.1] - {DATE}")[1].split("## [1.0.0]")[0]
    assert "### Fixed" in entry and f"`{quote_id}`" in entry and "(note)" in entry


def test_a_smaller_bump_than_the_changes_need_is_refused(released):
    repo = released  # release(repo) made
    tag(repo, "1.0.0")
    add_a_field(repo)
    before = (repo / "datapackage.json").read_bytes()
    with pytest.raises(ReleaseError, match="MAJOR.*not MINOR.*field `language`"):
        release(repo, "minor")
    assert (repo / "datapackage.json").read_bytes() == before
    assert release(repo).version == "2.0.0"


def test_a_later_run_replaces_an_untagged_version(patched, tmp_path):
    repo = copy_repo(patched[0], tmp_path / "project")  # released, tagged, a quote corrected, released again
    assert patched[1].version == "1.0.1"
    add_a_field(repo)
    assert release(repo).version == "2.0.0"
    changelog = (repo / "CHANGELOG.md").read_text()
    assert "## [1.0.1]" not in changelog
    entry = changelog.split(f"## [2.0.0] - {DATE}")[1].split("## [1.0.0]")[0]
    assert "field `language`" in entry and "(note)" in entry
    assert sorted(p.name for p in (repo / "dist").glob("*.zip")) == [f"{NAME}-1.0.0.zip", f"{NAME}-2.0.0.zip"]


def test_previous_release_given_as_a_zip(released, tmp_path):
    repo = released
    first = archive_of(repo, "1.0.0")
    kept = shutil.copy(first, tmp_path / "kept.zip")
    correct_a_quote(repo)
    git(repo, "commit", "-qam", "no tag this time")
    result = release(repo, previous=str(kept))
    assert (result.version, result.bump) == ("1.0.1", "patch")


def test_edited_changelog_entry_is_kept():
    text = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n- My own words.\n"
    assert updated_changelog(text, "1.0.0", DATE, {"Added": ["x"]}) == text


def test_changelog_merges_notes_under_keep_a_changelog_headings():
    text = "# Changelog\n\n## [Unreleased]\n\n### Fixed\n- A typo,\n  on two lines.\n\n## [0.1.0] - 2025-01-01\n- old\n"
    out = updated_changelog(text, "0.2.0", DATE, {"Added": ["`people`: 1 row added."], "Fixed": ["`quotes`: 1 row corrected."]})
    assert out == ("# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-11-24\n\n### Added\n- Data: `people`: 1 row added.\n\n"
                   "### Fixed\n- Data: `quotes`: 1 row corrected.\n- A typo,\n  on two lines.\n\n## [0.1.0] - 2025-01-01\n- old\n")


def test_citation_gets_version_and_date():
    out = updated_citation('cff-version: 1.2.0\ntitle: "x"\nversion: 0.1.0\n', "1.0.0", DATE)
    assert yaml.safe_load(out) == {"cff-version": "1.2.0", "title": "x", "version": "1.0.0", "date-released": DATE, "type": "dataset"}


def test_release_command_reports_and_refuses_in_one_line(repo, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795478400")  # 2026-11-24
    result = runner.invoke(app, ["release", "--bump", "auto", "--project", str(repo)])
    assert result.exit_code == 0, result.output
    assert "version 1.0.0: a MAJOR release (first release)" in result.output
    assert "git tag v1.0.0" in result.output
    archive = next((repo / "dist").glob("*-1.0.0.zip"))
    assert f"{archive.relative_to(repo)}  sha256 {hashlib.sha256(archive.read_bytes()).hexdigest()}" in result.output
    tag(repo, "1.0.0")
    add_a_field(repo)
    refused = runner.invoke(app, ["release", "--bump", "patch", "--project", str(repo)])
    assert refused.exit_code == 1
    assert "error: the changes since v1.0.0 call for a MAJOR release, not PATCH" in refused.output
    assert "Traceback" not in refused.output


def test_a_fresh_clone_without_tags_finds_the_last_release_in_its_history(released, tmp_path):
    """A clone that fetched no tag (a fork, a CI checkout) cuts the next release against the commit
    that released 1.0.0, says so, and makes the same archive twice; the 1.0.0 entry is never rewritten."""
    tag(released, "1.0.0")  # the release commit, tagged in the original only
    release_commit = git_out(released, "rev-parse", "--short=7", "HEAD")
    correct_a_quote(released)
    git(released, "commit", "-qam", "A quote's note")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--no-tags", str(released), str(clone))
    assert git_out(clone, "tag") == ""
    logged = (clone / "CHANGELOG.md").read_text().split("## [1.0.0]")[1]

    result = runner.invoke(app, ["release", "--bump", "patch", "--date", DATE, "--project", str(clone)])
    assert result.exit_code == 0, result.output
    assert f"compared against the release 1.0.0 at commit {release_commit} (no tag: found in the git history" in result.output
    assert "edited later" not in result.output
    assert f"version 1.0.1: a PATCH release since 1.0.0 (commit {release_commit}, untagged)" in result.output
    first = archive_of(clone, "1.0.1").read_bytes()
    again = release(clone, "patch")
    assert (again.version, again.compared.commit, again.compared.found) == ("1.0.1", release_commit, "history")
    assert again.archive.read_bytes() == first
    assert (clone / "CHANGELOG.md").read_text().split("## [1.0.0]")[1] == logged


def git_out(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def test_the_previous_release_from_tags_and_history(tmp_path):
    """No build needed: which commit or tag counts as the last release."""
    root = tmp_path / "repo"
    root.mkdir()

    def commit(version: str, changelog: str, message: str) -> str:
        (root / "datapackage.json").write_text(json.dumps({"name": "p", "version": version, "title": message}))
        (root / "CHANGELOG.md").write_text(changelog)
        git(root, "add", "-A")
        git(root, "commit", "-qm", message)
        return git_out(root, "rev-parse", "--short=7", "HEAD")

    git(root, "init", "-q")
    draft = commit("0.1.0", "# Changelog\n\n## [Unreleased]\n", "a first draft sets a version: no release")
    assert find_previous(root, None) is None
    released_at = commit("1.0.0", "## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n", "Release 1.0.0")
    commit("1.0.0", "## [Unreleased]\n- more\n\n## [1.0.0] - 2026-01-01\n", "later work")
    found = find_previous(root, None)
    assert found is not None and found.spec.startswith(released_at)
    assert (found.version, found.commit, found.found, found.label) == ("1.0.0", released_at, "history", f"1.0.0 (commit {released_at}, untagged)")
    assert found.edited is None
    edited = commit("1.0.0", "## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n- a note\n", "the 1.0.0 entry edited")
    found = find_previous(root, None)
    assert (found.commit, found.edited) == (released_at, edited)
    assert f"edited later, last in {edited}: if 1.0.0 was released from a later commit, tag that commit" in found.said()
    shallow = tmp_path / "shallow"  # a CI checkout of depth 1: the commit that set the version is not there
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{root}", str(shallow))
    assert find_previous(shallow, None) is None
    git(root, "tag", "v0.9.0", draft)  # a tag older than the release the history records
    assert find_previous(root, None).found == "history"
    git(root, "tag", "v1.0.0", "HEAD")  # a tag of the same version wins
    head = git_out(root, "rev-parse", "--short=7", "HEAD")
    assert find_previous(root, None) == Previous("v1.0.0", "1.0.0", head, "tag")
    assert find_previous(root, draft) == Previous(draft, None, draft, "given")


def test_a_first_release_may_be_a_minor(repo):
    result = release(repo, "minor")
    assert result.version == "0.1.0"
    assert f"## [0.1.0] - {DATE}" in (repo / "CHANGELOG.md").read_text()
    assert json.loads((repo / "datapackage.json").read_text())["created"] == f"{DATE}T00:00:00Z"


def test_prose_in_unreleased_is_kept():
    text = "# Changelog\n\n## [Unreleased]\n\nFirst batch from Oregon; thanks to the volunteers.\n\n### Added\n- A table.\n"
    out = updated_changelog(text, "1.1.0", DATE, {"Added": ["`t`: 2 rows added."]})
    entry = out.split(f"## [1.1.0] - {DATE}")[1]
    assert entry.index("First batch from Oregon") < entry.index("### Added")
    assert "- A table." in entry and "- Data: `t`: 2 rows added." in entry
