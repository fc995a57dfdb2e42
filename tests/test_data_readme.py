"""The README, LICENSE and CHANGELOG a release archive carries, written for data users: what the data
is and covers (counted here from the CSVs), each table with its caveats, links that stay inside the
archive, the terms of each file, and the changes to the data alone."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from strikedata.packages import Package, load
from strikedata.userdocs import data_changelog, data_readme

from conftest import ROOT
from test_recipes import Unzipped, unzip_release

# One worker makes the release archive and runs every test that reads it (make test: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("unzipped-release")

@pytest.fixture(scope="module")
def unzipped(built, tmp_path_factory) -> Unzipped:
    return unzip_release(built, tmp_path_factory.mktemp("release"))


def csv_rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def headings(readme: str) -> list[tuple[int, int]]:
    """(offset, level) of each Markdown heading, code blocks left out (a Python comment is no heading)."""
    found, offset, fenced = [], 0, False
    for line in readme.splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            found.append((offset, len(line) - len(line.lstrip("#"))))
        offset += len(line)
    return found


def section(readme: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    start = readme.index(heading + "\n")
    end = next((at for at, n in headings(readme) if at > start and n <= level), len(readme))
    return readme[start:end]


SECTIONS = ["## In this folder", "## What it covers", "### What it does not cover", "## The tables", "## Opening the data",
            "## Checking a quotation against its article", "## Checking the download", "## How to cite", "## License",
            "## Changes", "## Data dictionary"]
TOOLS = ["### Spreadsheets (LibreOffice, Excel, Numbers)", "### Python with pandas: the declared types", "### Python without pandas",
         "### R", "### DuckDB", "### SQLite", "### Datasette"]


def test_the_readme_has_its_sections_in_order(unzipped):
    readme = unzipped.readme
    descriptor = json.loads((unzipped.folder / "datapackage.json").read_text())
    assert readme.startswith(f"# {descriptor['title']}\n")
    positions = [readme.index(heading + "\n") for heading in SECTIONS]
    assert positions == sorted(positions)
    opening = section(readme, "## Opening the data")
    assert all(tool + "\n" in opening for tool in TOOLS)


def test_the_readme_is_not_the_developers(unzipped):
    developer = (ROOT / "README.md").read_text()
    assert unzipped.readme != developer
    # What the README says itself (the data dictionary quotes the columns' descriptions, which may
    # say where a value came from in the project, such as articles.seed_file).
    own = unzipped.readme.split("## Data dictionary\n")[0]
    for phrase in ("make build", "make test", "seeds/", "build/", "CONTRIBUTING", "docs/", "strikedata build", "ATTACH '"):
        assert phrase not in own, phrase


def test_coverage_is_counted_from_the_tables(unzipped):
    covers = section(unzipped.readme, "## What it covers")
    articles = csv_rows(unzipped.folder, "articles")
    names = {o["org_id"]: o["name"] for o in csv_rows(unzipped.folder, "organizations")}
    outlets = Counter(a["outlet_org_id"] for a in articles)
    assert f"{len(articles)} news articles from {len(outlets)} outlets" in covers
    for outlet, n in outlets.items():
        assert f"{names[outlet]}: {n}" in covers
    dates = sorted(a["published_date"] for a in articles)
    assert f"published between {dates[0]} and {dates[-1]}" in covers
    for article in articles:  # each article listed, with its summary when the table has one
        assert f"`{article['article_id']}`" in covers
        if article.get("summary"):
            assert " ".join(article["summary"].split()) in covers
    events = csv_rows(unzipped.folder, "events")
    assert f"The {len(events)} events they tell of run from {min(e['start_date'] for e in events)}" in covers


def test_each_table_has_its_section_with_rows_keys_and_warnings(unzipped):
    tables = section(unzipped.readme, "## The tables")
    descriptor = json.loads((unzipped.folder / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        if not resource.get("schema"):
            continue
        own = section(tables, f"### `{resource['name']}`: {resource['title']}")
        assert f"{len(csv_rows(unzipped.folder, resource['name']))} rows." in own
        assert " ".join(resource["description"].split()) in own
        assert all(f"`{key}`" in own for key in resource["schema"]["primaryKey"])
        for fk in resource["schema"].get("foreignKeys", []):
            assert f"`{', '.join(fk['fields'])}` → `{fk['reference']['resource'] or resource['name']}." in own
        for warning in resource.get("usageWarnings", []):
            assert f"- {warning}\n" in own
        dictionary = section(unzipped.readme, f"### `{resource['name']}` columns")
        assert all(f"| `{field['name']}` | {field['type']} |" in dictionary for field in resource["schema"]["fields"])


def test_inferred_values_are_counted(unzipped):
    people = csv_rows(unzipped.folder, "people")
    inferred = sum(1 for p in people if p["org_basis"] == "inferred")
    own = section(section(unzipped.readme, "## The tables"), "### `people`: People")
    assert f"`org_basis`: {inferred} `inferred` (of {len(people)} rows)" in own


def test_usage_warnings_are_rendered_when_the_descriptor_has_them(built):
    """Strings or PUDL-style objects; none at all is no 'Usage warnings' line."""
    package = load(built / "datapackage.json")
    descriptor = json.loads(json.dumps(package.descriptor))
    for resource in descriptor["resources"]:
        resource.pop("usageWarnings", None)
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    quotes["usageWarnings"] = ["Do not count words.", {"type": "free_text", "description": "The text is verbatim."}]
    readme = data_readme(Package(descriptor, package.folder, "test"), ["datapackage.json"], {})
    own = section(readme, "### `quotes`: Quotations")
    assert "Usage warnings:\n- Do not count words.\n- The text is verbatim.\n" in own
    assert readme.count("Usage warnings:") == 1


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)|<a [^>]*href=\"([^\"]+)\"|<(https?://[^>]+)>")


def anchors(readme: str) -> set[str]:
    """GitHub's anchors for the headings: lower case, punctuation dropped, spaces as hyphens."""
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", readme, re.MULTILINE)}


@pytest.mark.parametrize("document", ["README.md", "CHANGELOG.md"])
def test_every_relative_link_resolves_inside_the_archive(unzipped, document):
    text = (unzipped.folder / document).read_text()
    links = [a or b or c for a, b, c in LINK.findall(text)]
    assert links or document != "README.md"
    for link in links:
        if re.match(r"https?://", link):
            continue
        assert not re.match(r"[a-z]+:", link), f"{link}: only web links may leave the archive"
        path, _, fragment = link.partition("#")
        if not path:
            assert fragment in anchors(text), link
            continue
        assert ".." not in Path(path).parts and not path.startswith("/"), link
        assert (unzipped.folder / path).exists() and path in unzipped.names, link


def test_every_file_the_readme_names_is_in_the_archive(unzipped):
    """Paths in backticks (a file, or a folder ending in /) name what the archive holds."""
    named = re.findall(r"`([\w./-]+(?:\.(?:csv|json|db|xlsx|parquet|txt|md|cff|zip)|/))`", unzipped.readme)
    assert named
    top = unzipped.folder.name
    for name in named:
        if name in (f"{top}.zip", "SHA256SUMS"):
            continue  # beside the archive, not in it
        assert any(n == name or n.startswith(name) for n in unzipped.names), name


def test_the_license_speaks_of_the_files_in_the_archive(unzipped):
    text = (unzipped.folder / "LICENSE").read_text()
    descriptor = json.loads((unzipped.folder / "datapackage.json").read_text())
    assert text.startswith(f"{unzipped.folder.name}: ")
    flat = " ".join(text.split())
    for resource in descriptor["resources"]:
        if resource.get("schema"):
            assert resource["path"] in flat
    for lic in descriptor["licenses"]:
        assert lic["name"] in flat and lic["path"] in flat
    texts = {lic["title"] for r in descriptor["resources"] if not r.get("schema") for lic in r.get("licenses", [])}
    assert texts and all(" ".join(t.split()) in flat for t in texts)
    assert "texts/" in flat
    for absent in ("seeds/", "build/", "MIT", "scripts/"):
        assert absent not in text, absent


CHANGELOG = """# Changelog

## [Unreleased]

### Changed
- Data: never released.

## [2.1.0] - 2027-01-01

### Added
- Data: `quotes`: 3 rows added.

## [2.0.0] - 2026-11-29

The data model changed.

### Migrating from 1.x
- **Offers are items now.** A query such as

  ```sql
  SELECT 1
  ```

  counted mentions.

### Added
- Data: `offers`: field `note` (string) added.
- Data: `events`: 2 rows added: `a`,
  `b`.

- `strikedata validate DIR` takes a folder.
- `make test` runs on every core.

### Fixed
- The validator no longer crashes.

## [1.0.0] - 2026-11-24

### Added
- Data: first release of the package `p`.
- `strikedata build`.
"""


def test_the_data_changelog_keeps_the_data_and_leaves_the_tools_out(built):
    package = load(built / "datapackage.json")
    descriptor = {**package.descriptor, "version": "2.0.0"}
    text = data_changelog(CHANGELOG, Package(descriptor, package.folder, "test"))
    assert "Unreleased" not in text and "never released" not in text
    assert "[2.1.0]" not in text  # newer than the archive's version
    entry = text.split("## [2.0.0] - 2026-11-29\n")[1].split("## [1.0.0]")[0]
    assert "The data model changed." in entry
    assert "### Migrating from 1.x\n\n- **Offers are items now.** A query such as\n\n  ```sql\n  SELECT 1\n  ```\n\n  counted mentions." in entry
    assert "### Added\n\n- `offers`: field `note` (string) added.\n- `events`: 2 rows added: `a`,\n  `b`.\n" in entry
    for tool in ("strikedata validate", "make test", "Fixed", "validator", "Data: "):
        assert tool not in entry, tool
    assert text.split("## [1.0.0] - 2026-11-24\n")[1].strip() == "### Added\n\n- first release of the package `p`."


def test_the_archive_changelog_comes_from_the_projects(unzipped):
    """Every generated bullet of a released entry is there; no bullet about the tools is."""
    shipped = (unzipped.folder / "CHANGELOG.md").read_text()
    data, tools, heading, released = [], [], "", False
    for line in (ROOT / "CHANGELOG.md").read_text().splitlines():
        if line.startswith("## ["):
            released = not line.startswith("## [Unreleased]")
        elif line.startswith("### "):
            heading = line[4:].strip()
        elif released and line.startswith("- Data: "):
            data.append("- " + line[len("- Data: "):])
        elif released and line.startswith("- ") and heading in ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"):
            tools.append(line)
    assert data and tools
    assert all(line in shipped.splitlines() for line in data)
    assert not [line for line in tools if line in shipped]


def test_the_datasette_queries_are_named(unzipped):
    metadata = json.loads((unzipped.folder / "exports" / "metadata.json").read_text())
    queries = {name: q["title"] for db in metadata["databases"].values() for name, q in db.get("queries", {}).items()}
    datasette = section(unzipped.readme, "### Datasette")
    assert all(f"{title} (`{name}`)" in datasette for name, title in queries.items())
    assert ("ready-made queries" in datasette) == bool(queries)


def test_the_workbook_sheets_are_named(unzipped):
    from openpyxl import load_workbook

    workbook = next(unzipped.folder.glob("exports/*.xlsx"))
    sheets = load_workbook(workbook, read_only=True).sheetnames
    spreadsheets = section(unzipped.readme, "### Spreadsheets (LibreOffice, Excel, Numbers)")
    assert "Its sheets: " + ", ".join(f"`{s}`" for s in sheets) + "." in " ".join(spreadsheets.split())
