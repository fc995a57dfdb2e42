"""strikedata site, without a browser: what the pages say comes from the package, links are relative
and go where they say, the output is the same bytes each time, and the command is thin and clear.

The browser's side (every page opened, every link followed, the controls used from the keyboard) is
tests/test_site_browser.py.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.site import PAGES, SiteError, build_site, load_context, row_key
from strikedata.site.context import relative
from strikedata.site.landing import markdown_html

from conftest import ROOT

BUILD = ROOT / "build"
DESCRIPTOR = json.loads((BUILD / "datapackage.json").read_text(encoding="utf-8"))
TABLES = [r for r in DESCRIPTOR["resources"] if r.get("type") == "table" or "schema" in r]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build_site(BUILD, out)
    return out


@pytest.fixture()
def core_pages(monkeypatch):
    """Only the core's page modules (landing, tables, people and organizations), for tests of the core
    that build a site of their own: quicker than every page, and blind to the other pages' state."""
    import strikedata.site as site_module
    from strikedata.site import entities, landing, tables

    monkeypatch.setattr(site_module, "PAGES", [landing.pages, tables.pages, entities.pages])


def text_of(path: Path) -> str:
    """A page's text with tags dropped and entities decoded, spaces collapsed: what a reader sees."""
    raw = re.sub(r"<script.*?</script>", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(BUILD / f"{name}.csv", dtype=str, keep_default_na=False)


# --- links --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("target", "page", "link"), [
    ("people/x.html", "index.html", "people/x.html"),
    ("people/x.html", "people/y.html", "x.html"),
    ("index.html", "tables/quotes.html", "../index.html"),
    ("tables/quotes.html#a.b.3", "people/y.html", "../tables/quotes.html#a.b.3"),
    ("tables/quotes.html#q", "tables/quotes.html", "#q"),
])
def test_relative_links(target, page, link):
    assert relative(target, page) == link


def test_url_for_names_the_anchors_of_the_contract():
    ctx = load_context(BUILD)
    ctx.paths = {"articles/abc10-strike-preparation.html", "tables/events.html", "timeline.html", "people/x.html"}
    quote = csv("quotes").iloc[0]
    assert ctx.url_for("quote", quote["quote_id"], page="people/x.html") == f"../articles/{quote['article_id']}.html#quote-{quote['quote_id']}"
    assert ctx.url_for("offer_mention", ("o", "abc10-strike-preparation", "12")) == "articles/abc10-strike-preparation.html#mention-o-12"
    assert ctx.url_for("event_mention", ("e", "abc10-strike-preparation", "7")) == "articles/abc10-strike-preparation.html#event-mention-e-7"
    assert ctx.url_for("event", "e1") == "timeline.html#event-e1"  # the timeline exists: events are shown there
    assert ctx.url_for("offer", "o1") is None  # neither offers.html nor tables/offers.html is in this site
    assert ctx.url_for("row", ("event_mentions", ("e", "a", "3")), page="people/x.html") is None
    assert ctx.url_for("person", "x", page="people/x.html") == "x.html"
    assert ctx.url_for("person", "nobody") is None  # no such page: a template shows plain text
    assert ctx.url_for("csv", "quotes", page="tables/x.html") == "../data/quotes.csv"
    with pytest.raises(ValueError, match="unknown kind"):
        ctx.url_for("nonsense", "x")


def test_context_tables_are_raw_strings_with_empty_cells_as_empty_strings():
    ctx = load_context(BUILD)
    assert set(ctx.tables) == {r["name"] for r in TABLES}
    for name, frame in ctx.tables.items():
        assert len(frame) == len(csv(name)), name
        assert all(isinstance(v, str) for v in frame.to_numpy().ravel()), name
        assert frame.equals(csv(name)), name
    articles = csv("articles")
    for article_id, text_path in zip(articles["article_id"], articles["text_path"], strict=True):
        assert ctx.texts[article_id] == (BUILD / text_path).read_text(encoding="utf-8")


# --- what is written ----------------------------------------------------------------------------


def test_the_same_package_gives_the_same_bytes(site, tmp_path):
    again = tmp_path / "again"
    build_site(BUILD, again)
    ours = {p.relative_to(site).as_posix(): sha256(p) for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(again).as_posix(): sha256(p) for p in again.rglob("*") if p.is_file()}
    assert ours == theirs


def test_the_site_is_ready_for_github_pages(site):
    assert (site / ".nojekyll").read_bytes() == b""  # no Jekyll pass: files served as they are
    assert 'name="description"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_package_is_copied_whole_under_data(site):
    for resource in DESCRIPTOR["resources"]:
        assert (site / "data" / resource["path"]).read_bytes() == (BUILD / resource["path"]).read_bytes()
    assert (site / "data" / "datapackage.json").read_bytes() == (BUILD / "datapackage.json").read_bytes()


def test_no_page_names_another_host_for_an_asset(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)=["'](?:https?:)?//[^"']*\.(?:css|js|woff2?|png|svg|jpe?g)""", text), page
        assert "<script src=\"http" not in text and "@import" not in text, page


def test_every_page_builder_is_registered_once():
    assert len(PAGES) == len(set(PAGES))
    names = {f.__module__.rsplit(".", 1)[-1] for f in PAGES}
    assert {"landing", "tables", "entities"} <= names


# --- landing ------------------------------------------------------------------------------------


def test_landing_lists_every_download_with_its_size_and_sha256(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    downloads = [site / "data" / r["path"] for r in DESCRIPTOR["resources"]] + [site / "data" / "datapackage.json"]
    downloads += sorted((site / "downloads").glob("*.zip")) if (site / "downloads").is_dir() else []
    for path in downloads:
        assert sha256(path) in page, path
        assert f'href="{path.relative_to(site).as_posix()}"' in page, path


def test_landing_offers_a_given_release_archive_and_its_changelog(tmp_path, core_pages):
    archive = tmp_path / "some-release.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("some-release/CHANGELOG.md", "# Changes to the data\n\n## [9.9.9] - 2030-01-01\n\n- Rows added to quotes: q1.\n")
    out = tmp_path / "site"
    build_site(BUILD, out, release=archive)
    page = text_of(out / "index.html")
    assert (out / "downloads" / "some-release.zip").read_bytes() == archive.read_bytes()
    assert sha256(archive) in page and "some-release.zip" in page
    assert "[9.9.9] - 2030-01-01 Rows added to quotes: q1." in page


def test_landing_says_what_version_how_to_cite_and_the_license(site):
    page = text_of(site / "index.html")
    assert DESCRIPTOR["title"] in page
    assert f"Version {DESCRIPTOR['version']}" in page
    assert "How to cite" in page and f"(Version {DESCRIPTOR['version']}) [Data set]" in page
    for license in DESCRIPTOR["licenses"]:
        assert license["title"] in page
    assert "Changes to the data" in page


def test_landing_names_every_license_with_what_it_covers(site):
    page = text_of(site / "index.html")
    for resource in DESCRIPTOR["resources"]:
        for license in resource.get("licenses", []):
            assert license["title"] in page
            assert resource["path"] in page


def test_organizations_are_listed_by_kind_in_the_schemas_order(site):
    kinds = next(f for f in TABLES if f["name"] == "organizations")["schema"]["fields"]
    order = next(f for f in kinds if f["name"] == "kind")["constraints"]["enum"]
    raw = (site / "organizations" / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'<h2 id="kind-([a-z_]+)"', raw)
    assert listed == [k for k in order if k in set(csv("organizations")["kind"])]


def test_landing_lists_every_article_and_links_it(site):
    page = (site / "index.html").read_text(encoding="utf-8")
    for article_id in csv("articles")["article_id"]:
        if (site / "articles" / f"{article_id}.html").is_file():
            assert f'href="articles/{article_id}.html"' in page
        assert html.escape(csv("articles").set_index("article_id").loc[article_id, "label"]) in page


def test_changelog_markdown_escapes_html_and_keeps_headings_under_the_page():
    out = markdown_html("# Changes\n\nIntro.\n\n## [1.0.0]\n\n- <script>x</script> [a](x.md) [b](https://example.org)\n")
    assert "<h1>" not in out and "Changes" not in out
    assert "<h3>[1.0.0]</h3>" in out
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'href="x.md"' not in out and 'href="https://example.org"' in out


# --- table pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", TABLES, ids=lambda r: r["name"])
def test_table_page_has_the_whole_data_dictionary_and_caveats(site, resource):
    path = site / "tables" / f"{resource['name']}.html"
    page = text_of(path)
    raw = path.read_text(encoding="utf-8")
    for field in resource["schema"]["fields"]:
        assert f'id="_field-{field["name"]}"' in raw
        assert " ".join(field["description"].split()) in page, field["name"]
        assert field.get("title", "") in page
        for value in (field.get("constraints") or {}).get("enum", []):
            assert f"<code>{html.escape(str(value))}</code>" in raw
    for warning in resource.get("usageWarnings", []):
        assert " ".join(warning.split()) in page
    assert f'href="../data/{resource["path"]}"' in raw


@pytest.mark.parametrize("resource", TABLES, ids=lambda r: r["name"])
def test_table_page_has_every_row_with_its_key_as_anchor(site, resource):
    raw = (site / "tables" / f"{resource['name']}.html").read_text(encoding="utf-8")
    frame = csv(resource["name"])
    key = resource["schema"]["primaryKey"]
    key = [key] if isinstance(key, str) else key
    ids = [i for i in re.findall(r'<tr id="([^"]+)"', raw) if not i.startswith("_field-")]  # less the dictionary's rows
    assert ids == [row_key(tuple(row[k] for k in key)) for _, row in frame.iterrows()]


def test_rows_link_to_where_they_appear(site):
    raw = (site / "tables" / "quotes.html").read_text(encoding="utf-8")
    article_pages = (site / "articles").is_dir()
    for _, quote in csv("quotes").iterrows():
        row = re.search(rf'<tr id="{re.escape(quote["quote_id"])}">(.*?)</tr>', raw, re.DOTALL)
        assert row, quote["quote_id"]
        if article_pages:
            assert f'href="../articles/{quote["article_id"]}.html#quote-{quote["quote_id"]}"' in row.group(1)
        if quote["speaker_person_id"]:
            assert f'href="../people/{quote["speaker_person_id"]}.html"' in row.group(1)
        if quote["parent_quote_id"]:
            assert f'href="#{quote["parent_quote_id"]}"' in row.group(1)


@pytest.mark.parametrize(("table", "item", "anchor"), [
    ("offer_mentions", "offer_id", "mention-{item}-{start}"),
    ("event_mentions", "event_id", "event-mention-{item}-{start}"),
    ("figures", "figure_id", "figure-{item}"),
])
def test_span_rows_link_to_their_highlight_in_the_article(site, table, item, anchor):
    raw = (site / "tables" / f"{table}.html").read_text(encoding="utf-8")
    key = next(r for r in TABLES if r["name"] == table)["schema"]["primaryKey"]
    for _, row in csv(table).iterrows():
        fragment = anchor.format(item=row[item], start=row["char_start"])
        found = re.search(rf'<tr id="{re.escape(row_key(tuple(row[k] for k in key)))}">(.*?)</tr>', raw, re.DOTALL)
        assert found and f'href="../articles/{row["article_id"]}.html#{fragment}"' in found.group(1), (table, fragment)


@pytest.mark.parametrize("case", ["valid-package-foreign-key", "capitals-and-schools-package"])
def test_the_core_pages_serve_any_data_package(tmp_path, core_pages, case):
    """Landing and table pages know Data Packages, not this dataset: another package gets them too."""
    folder = ROOT / "tests" / "peer" / "frictionless" / case  # the peer suite kept in the repository
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    build_site(folder, tmp_path / "site")
    for resource in descriptor["resources"]:
        page = text_of(tmp_path / "site" / "tables" / f"{resource['name']}.html")
        for field in resource["schema"]["fields"]:
            assert field["name"] in page
    assert (tmp_path / "site" / "index.html").is_file() and not (tmp_path / "site" / "people").exists()


def test_cells_are_escaped(tmp_path, core_pages):
    package = Path(shutil.copytree(BUILD, tmp_path / "package"))
    people = csv("people")
    people.loc[0, "role"] = "<script>alert(1)</script> & co"
    people.to_csv(package / "people.csv", index=False)
    build_site(package, tmp_path / "site")
    for page in (tmp_path / "site" / "tables" / "people.html", tmp_path / "site" / "people" / f"{people.loc[0, 'person_id']}.html"):
        raw = page.read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in raw
        assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in raw


# --- people and organizations -------------------------------------------------------------------


def test_person_pages_show_every_quote_in_its_passage(site):
    quotes, people = csv("quotes"), csv("people")
    texts = {a: (BUILD / "texts" / f"{a}.txt").read_text(encoding="utf-8") for a in csv("articles")["article_id"]}
    for _, person in people.iterrows():
        raw = (site / "people" / f"{person['person_id']}.html").read_text(encoding="utf-8")
        theirs = quotes[quotes["speaker_person_id"] == person["person_id"]]
        assert raw.count("<mark>") == len(theirs), person["person_id"]
        for _, quote in theirs.iterrows():
            text = texts[quote["article_id"]]
            start, end = int(quote["char_start"]), int(quote["char_end"])
            assert f"<mark>{html.escape(text[start:end], quote=False)}</mark>" in raw.replace("&#39;", "'").replace("&#34;", '"')
            if (site / "articles").is_dir():
                assert f'href="../articles/{quote["article_id"]}.html#quote-{quote["quote_id"]}"' in raw
        assert html.escape(person["role"]) in raw


def test_organization_pages_list_quotes_people_and_events(site):
    quotes, people, participants = csv("quotes"), csv("people"), csv("event_participants")
    events = csv("events").set_index("event_id")
    for _, org in csv("organizations").iterrows():
        raw = (site / "organizations" / f"{org['org_id']}.html").read_text(encoding="utf-8")
        assert raw.count("<mark>") == (quotes["speaker_org_id"] == org["org_id"]).sum(), org["org_id"]
        for person_id in people.loc[people["org_id"] == org["org_id"], "person_id"]:
            assert f'href="../people/{person_id}.html"' in raw
        for event_id in participants.loc[participants["org_id"] == org["org_id"], "event_id"]:
            event = events.loc[event_id]
            if event["start_latest"] not in ("", event["start_date"]):  # a range is shown as one, not as its first day
                assert f'<span class="date">{event["start_date"]}</span>' not in raw
            assert f"#event-{event_id}" in raw or f"#{event_id}" in raw, (org["org_id"], event_id)


# --- the command --------------------------------------------------------------------------------


def test_site_command_builds_and_says_where(tmp_path, core_pages):
    out = tmp_path / "web"
    result = CliRunner().invoke(app, ["site", str(BUILD), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "… reading" in result.stderr and "… rendering" in result.stderr
    assert f"open {out / 'index.html'}" in result.stdout
    assert (out / "index.html").is_file()
    # a second run replaces its own site
    assert CliRunner().invoke(app, ["site", str(BUILD / "datapackage.json"), "--out", str(out)]).exit_code == 0


def test_site_command_never_replaces_a_folder_it_did_not_write(tmp_path, core_pages):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(app, ["site", str(BUILD), "--out", str(out)])
    assert result.exit_code == 1
    assert "is not a site strikedata wrote" in result.stderr
    assert (out / "notes.txt").read_text() == "keep me" and len(list(out.iterdir())) == 1
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]  # its staging folder is gone


def test_site_command_explains_a_missing_package(tmp_path):
    result = CliRunner().invoke(app, ["site", str(tmp_path), "--out", str(tmp_path / "web")])
    assert result.exit_code == 2
    assert "no datapackage.json" in result.stderr and "strikedata build" in result.stderr
    result = CliRunner().invoke(app, ["site", "--help"])
    assert result.exit_code == 0 and "--out" in result.stdout and "--release" in result.stdout


def test_site_command_refuses_a_release_that_is_not_a_zip(tmp_path):
    (tmp_path / "not.zip").write_text("hello")
    result = CliRunner().invoke(app, ["site", str(BUILD), "--out", str(tmp_path / "web"), "--release", str(tmp_path / "not.zip")])
    assert result.exit_code == 1
    assert "is not a release archive" in result.stderr
    assert not (tmp_path / "web").exists()


def test_an_id_cannot_name_a_file_outside_the_site(tmp_path, core_pages):
    package = Path(shutil.copytree(BUILD, tmp_path / "package"))
    people = csv("people")
    people.loc[0, "person_id"] = "../../escaped"
    people.to_csv(package / "people.csv", index=False)
    with pytest.raises(SiteError, match="not a plain slug"):
        build_site(package, tmp_path / "out" / "site")
    assert not list(tmp_path.rglob("escaped*"))
    assert not (tmp_path / "out" / "site").exists()


def test_site_error_for_a_package_that_cannot_be_read(tmp_path):
    (tmp_path / "datapackage.json").write_text("{not json")
    with pytest.raises(SiteError, match="not a JSON descriptor"):
        build_site(tmp_path, tmp_path / "site")


# --- review mends ---------------------------------------------------------------------------------


def test_an_invalid_package_gets_its_findings_and_no_site(tmp_path):
    """The site is made from a valid package only (as export): a broken offset is a finding, not a traceback."""
    package = Path(shutil.copytree(BUILD, tmp_path / "package"))
    quotes = (package / "quotes.csv").read_text(encoding="utf-8").split("\n")
    header = quotes[0].split(",")
    row = next(csv_row for csv_row in __import__("csv").reader([quotes[1]]))
    row[header.index("char_start")] = "x"
    quotes[1] = ",".join(f'"{c}"' if "," in c or '"' in c else c for c in row)
    (package / "quotes.csv").write_text("\n".join(quotes), encoding="utf-8")
    result = CliRunner().invoke(app, ["site", str(package), "--out", str(tmp_path / "web")])
    assert result.exit_code == 1, result.output
    assert "quotes.csv" in result.output and "no site written" in result.stderr
    assert not (tmp_path / "web").exists()


def test_the_csv_link_names_the_copied_file_wherever_it_lies(tmp_path):
    """A data file in a subfolder of the package is copied to data/<its path>, and linked there."""
    package = Path(shutil.copytree(BUILD, tmp_path / "package"))
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    (package / "tables").mkdir()
    (package / "quotes.csv").rename(package / "tables" / "quotes.csv")
    quotes["path"] = "tables/quotes.csv"
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    ctx = load_context(package)
    assert ctx.url_for("csv", "quotes", page="tables/quotes.html") == "../data/tables/quotes.csv"


def test_an_article_address_is_a_link_only_when_it_is_a_web_address(tmp_path):
    from strikedata.site import articles
    from strikedata.site.layout import render_template

    ctx = load_context(BUILD)
    ctx.render_template = render_template
    ctx.paths = {page.path for pages in PAGES for page in pages(ctx)}
    first = ctx.tables["articles"].index[0]
    ctx.tables["articles"].loc[first, "url"] = "javascript:alert(1)"
    page = next(p for p in articles.pages(ctx) if p.path == f"articles/{ctx.tables['articles'].loc[first, 'article_id']}.html")
    rendered = page.render()
    assert "javascript:alert(1)" in rendered and 'href="javascript:' not in rendered


def test_no_chart_is_drawn_when_no_item_has_a_dated_mention():
    """Nothing to place in time (an offers table whose mentions carry no date): no chart, not a KeyError."""
    from strikedata.site import offers

    undated = offers.Item.__new__(offers.Item)
    undated.mentions = [{"published_date": ""}]
    assert offers.svg(None, [], "no items") is None
    assert offers.svg(None, [undated], "no dated mention") is None


def test_downloads_give_the_copied_bytes_even_when_the_descriptor_gives_no_size_or_hash(tmp_path):
    from strikedata.site import landing

    package = Path(shutil.copytree(BUILD, tmp_path / "package"))
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        resource.pop("bytes", None)
        resource.pop("hash", None)
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    listed = {d.path: (d.bytes, d.sha256) for d in landing.downloads(load_context(package))}
    for resource in descriptor["resources"]:
        file = package / resource["path"]
        assert listed[f"data/{resource['path']}"] == (file.stat().st_size, sha256(file))


def test_the_tables_a_validation_read_make_the_same_site(tmp_path, core_pages):
    """`strikedata site` hands build_site the tables its validation read: the site is the same bytes."""
    from strikedata.validate import validate_package

    report = validate_package(BUILD / "datapackage.json")
    assert report.valid and report.tables
    fresh, reused = tmp_path / "fresh", tmp_path / "reused"
    build_site(BUILD, fresh)
    build_site(BUILD, reused, read=report.tables)
    files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(reused).as_posix() for p in reused.rglob("*") if p.is_file())
    assert all(sha256(fresh / f) == sha256(reused / f) for f in files)
