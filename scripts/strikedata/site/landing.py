"""The landing page: what the dataset is, what it covers and what it does not, its version, the files to
download (sizes and SHA-256), how to cite it, its license, and the changes to the data."""

from __future__ import annotations

import hashlib

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..paths import inside, path_problem
from ..userdocs.readme import coverage
from .context import Download, Page, SiteContext


def markdown_html(text: str, shift: int = 1, drop_title: bool = True) -> str:
    """Markdown as HTML (raw HTML in it escaped), headings `shift` levels down so they sit under the
    page's own, the document's first-level title left out, links that are not to the web kept as text."""
    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(text)
    out: list[Token] = []
    skipping = False
    for token in tokens:
        if drop_title and token.type == "heading_open" and token.tag == "h1":
            skipping = True
            continue
        if skipping:
            skipping = token.type != "heading_close"
            continue
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(6, int(token.tag[1]) + shift)}"
        if token.type == "inline" and token.children:
            token.children = _web_links_only(token.children)
        out.append(token)
    return md.renderer.render(out, md.options, {})


def _web_links_only(children: list[Token]) -> list[Token]:
    kept: list[Token] = []
    dropped = 0
    for child in children:
        if child.type == "link_open" and not str(child.attrGet("href") or "").startswith(("https://", "http://")):
            dropped += 1
            continue
        if child.type == "link_close" and dropped:
            dropped -= 1
            continue
        kept.append(child)
    return kept


def downloads(ctx: SiteContext) -> list[Download]:
    """The release archive (when there is one), the descriptor, then every file of the package the site
    copies under data/, each with the size and SHA-256 of the bytes copied (not what the descriptor
    claims, which another package may leave out)."""
    out = list(ctx.downloads)
    descriptor = (ctx.folder / "datapackage.json").read_bytes()
    out.append(Download("data/datapackage.json", "datapackage.json (the descriptor: every table's schema)", len(descriptor),
                        hashlib.sha256(descriptor).hexdigest()))
    for resource in ctx.descriptor.get("resources", []):
        path = resource.get("path") if isinstance(resource, dict) else None
        if isinstance(path, str) and path_problem(path) is None:  # as _copied_files: a refused path is not offered
            data = inside(ctx.folder, path).read_bytes()
            out.append(Download(f"data/{path}", str(resource.get("title") or path), len(data), hashlib.sha256(data).hexdigest()))
    return out


def resource_licenses(ctx: SiteContext) -> list[tuple[dict, list[str]]]:
    """The licenses resources declare for themselves (such as the article texts'), each with the files it covers."""
    groups: dict[str, tuple[dict, list[str]]] = {}
    for resource in ctx.descriptor.get("resources", []):
        for lic in (resource.get("licenses") or []) if isinstance(resource, dict) else []:
            if isinstance(lic, dict):
                key = str(lic.get("title") or lic.get("name") or lic.get("path"))
                groups.setdefault(key, (lic, []))[1].append(str(resource.get("path") or resource.get("name")))
    return list(groups.values())


def landing_page(ctx: SiteContext) -> str:
    page = "index.html"
    covered = coverage(ctx.tables)
    limits = [(name, r.get("title") or name, len(r.get("usageWarnings") or [])) for name, r in ctx.resources.items()]
    explore = [(label, ctx.url_for("page", path, page=page), blurb) for label, path, blurb in (
        ("Timeline", "timeline.html", "what happened, day by day"),
        ("Offers over time", "offers.html", "how each side's offers moved"),
        ("Articles", "articles/index.html", "each article with every quote, offer, figure and event it mentions marked"),
        ("People", "people/index.html", "who spoke, and every quote of theirs in its paragraph"),
        ("Organizations", "organizations/index.html", "the district, the unions, the outlets and the others"),
        ("Tables", "tables/index.html", "the data dictionary and every row, to sort and filter"),
    ) if path in ctx.paths]
    files = [(d, ctx.url_for("page", d.path, page=page) or d.path) for d in downloads(ctx)]
    archive = [(d, href) for d, href in files if d.path.startswith("downloads/")]
    files = [(d, href) for d, href in files if not d.path.startswith("downloads/")]
    counts = [(name, r.get("title") or name, len(ctx.table(name)), ctx.url_for("table", name, page=page)) for name, r in ctx.resources.items()]
    return ctx.render("index.html.j2", page, descriptor=ctx.descriptor, coverage=covered, limits=limits, explore=explore,
                      files=files, archive=archive, counts=counts, licenses_by_file=resource_licenses(ctx),
                      changelog=markdown_html(ctx.changelog, shift=1) if ctx.changelog else "")


def pages(ctx: SiteContext) -> list[Page]:
    return [Page("index.html", lambda: landing_page(ctx))]
