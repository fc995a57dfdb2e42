"""`strikedata site`: the package as a static website, from the built package alone.

Data flows one way: the built package (descriptor, CSVs, texts) -> a `SiteContext` -> pages. Every
page is a plain file; the site works opened from disk and from any static host, and asks nothing of
any other host (no CDN, no font, no tracking). The same package gives the same bytes.

Layout of the site:
    index.html                      landing: what, coverage and limits, version, downloads, citation, license, changelog
    tables/index.html, tables/<resource>.html   data dictionary and rows (row anchors: id="<key values joined by '.'>")
    people/index.html, people/<person_id>.html
    organizations/index.html, organizations/<org_id>.html
    articles/index.html, articles/<article_id>.html   (articles.py) anchors quote-<id>, figure-<id>,
                                    mention-<offer_id>-<char_start>, event-mention-<event_id>-<char_start>
    timeline.html (timeline.py, anchors event-<event_id>), offers.html (offers.py, anchors offer-<offer_id>)
    static/                         site.css, table.js (the sortable, filterable tables)
    data/                           the package itself: datapackage.json, the CSVs, texts/
    downloads/                      the release archive, when one is given or found in dist/

A page module is a function `pages(ctx) -> list[Page]`, listed in PAGES below (see context.py).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from ..packages import PackageError, load
from ..paths import inside, path_problem
from ..userdocs.changelog import data_changelog
from ..validator.tables import Table
from . import articles, entities, landing, offers, tables, timeline
from .context import ANCHORS, Download, Page, SiteContext, SiteError, row_key
from .layout import STATIC, render_template

__all__ = ["ANCHORS", "PAGES", "Page", "SiteContext", "SiteError", "build_site", "load_context", "row_key"]

# The registry: every page module's `pages` function, in the order their pages are listed.
PAGES: list[Callable[[SiteContext], list[Page]]] = [
    landing.pages,
    tables.pages,
    entities.pages,
    articles.pages,
    timeline.pages,
    offers.pages,
]

MARKER = "static/site.css"  # a folder holding it is a site we wrote, and may be replaced


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_release(package_folder: Path, descriptor: dict) -> Path | None:
    """dist/<name>-<version>.zip beside the package's folder (the project's), when that release was made."""
    candidate = package_folder.resolve().parent / "dist" / f"{descriptor.get('name')}-{descriptor.get('version')}.zip"
    return candidate if candidate.is_file() else None


def _changelog(package_folder: Path, release: Path | None, package) -> str:
    """The data changelog: the release archive's CHANGELOG.md, else the project's, kept to the data's changes."""
    text = ""
    if release is not None:
        try:
            with zipfile.ZipFile(release) as archive:
                names = [n for n in archive.namelist() if n.count("/") <= 1 and n.endswith("/CHANGELOG.md") or n == "CHANGELOG.md"]
                if names:
                    text = archive.read(names[0]).decode("utf-8")
        except (zipfile.BadZipFile, OSError, UnicodeDecodeError) as error:
            raise SiteError(f"{release} is not a release archive (a zip with its CHANGELOG.md): {error}") from None
    else:
        project = package_folder.resolve().parent / "CHANGELOG.md"
        if project.is_file():
            text = project.read_text(encoding="utf-8")
    if text.startswith("# Changes to the data"):
        return text
    return data_changelog(text, package)


def load_context(package_folder: Path, release: Path | None = None, read: dict[str, Table] | None = None) -> SiteContext:
    """The site's view of the package in `package_folder` (its datapackage.json, tables and texts);
    `read`: its tables as a validation just read them (Report.tables), not to read them twice."""
    descriptor_path = package_folder / "datapackage.json" if package_folder.is_dir() else package_folder
    try:
        package = load(descriptor_path)
        tables_read = read if read is not None else package.tables()
        resources = {}
        for resource in package.resources():
            schema = package.schema(resource)
            if schema is not None and resource.get("name") in tables_read:
                resources[str(resource["name"])] = {**resource, "schema": schema}
        frames = {name: table.frame.fillna("").astype(str) for name, table in tables_read.items()}
        by_path = {str(r.get("path")): r for r in package.resources() if isinstance(r.get("path"), str)}
        texts = {}
        articles = frames.get("articles")
        if articles is not None and {"article_id", "text_path"} <= set(articles.columns):
            for article_id, text_path in zip(articles["article_id"], articles["text_path"], strict=True):
                if text_path in by_path:
                    texts[article_id] = package.data_file(by_path[text_path]).read_text(encoding="utf-8")
    except PackageError as error:
        raise SiteError(str(error)) from None
    release = release if release is not None else find_release(package.folder, package.descriptor)
    downloads = []
    if release is not None:
        data = release.read_bytes()
        downloads.append(Download(f"downloads/{release.name}", "the release archive: the package, its texts, the exports and a README for data users",
                                  len(data), _sha256(data)))
    return SiteContext(descriptor=package.descriptor, folder=package.folder, tables=frames, resources=resources, texts=texts,
                       downloads=downloads, changelog=_changelog(package.folder, release, package))


def _copied_files(ctx: SiteContext, release: Path | None) -> list[Page]:
    """The static assets, the package (descriptor, data files, texts) under data/, the release archive under downloads/."""
    pages = [Page(f"static/{path.name}", path.read_bytes) for path in sorted(STATIC.iterdir()) if path.is_file()]
    pages.append(Page("data/datapackage.json", (ctx.folder / "datapackage.json").read_bytes))
    for resource in ctx.descriptor.get("resources", []):
        path = resource.get("path") if isinstance(resource, dict) else None
        if isinstance(path, str) and path_problem(path) is None:
            pages.append(Page(f"data/{path}", inside(ctx.folder, path).read_bytes))
    if release is not None:
        pages.append(Page(f"downloads/{release.name}", release.read_bytes))
    pages.append(Page(".nojekyll", lambda: b""))  # GitHub Pages serves the files as they are
    return pages


def _check_out(out: Path) -> None:
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).is_file())):
        raise SiteError(f"{out} exists and is not a site strikedata wrote; give an empty or new folder")


def _replace_folder(stage: Path, out: Path) -> None:
    _check_out(out)
    if out.exists():
        shutil.rmtree(out)
    os.replace(stage, out)


def build_site(package_folder: Path, out: Path, *, release: Path | None = None,
               progress: Callable[[str], None] | None = None, read: dict[str, Table] | None = None) -> list[Path]:
    """Write the site of the package in `package_folder` to `out` (replaced whole); the files written, sorted.

    `release`: a release archive to offer for download (default: dist/<name>-<version>.zip beside the
    package's folder, when it exists); `read`: the tables as validated (load_context). Raises SiteError
    with a message for the user.
    """
    say = progress or (lambda _step: None)
    say(f"reading {package_folder}")
    ctx = load_context(package_folder, release, read)
    release = release if release is not None else find_release(ctx.folder, ctx.descriptor)
    ctx.render_template = render_template
    pages = _copied_files(ctx, release)
    for module_pages in PAGES:
        pages.extend(module_pages(ctx))
    paths = [page.path for page in pages]
    duplicates = sorted({p for p in paths if paths.count(p) > 1})
    if duplicates:
        raise SiteError(f"two pages would be written to {', '.join(duplicates)}")
    unsafe = sorted(p for p in paths if path_problem(p) or not re.fullmatch(r"[A-Za-z0-9._/-]+", p))
    if unsafe:  # a page named after an id: ids come from the data, and must not name a file outside the site
        raise SiteError(f"cannot name a page {unsafe[0]!r}: an id that is not a plain slug")
    ctx.paths = set(paths)
    out = out.resolve()
    _check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    stage.chmod(0o755)  # mkdtemp makes it private; a site is to be read
    try:
        say(f"rendering {len(pages)} files")
        for page in sorted(pages, key=lambda p: p.path):
            content = page.render()
            target = stage / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        _replace_folder(stage, out)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    say(f"wrote {out}")
    return sorted(out / p for p in paths)
