"""The templates: one Jinja2 environment (autoescaped, strict), the site's navigation, and rendering a
template for one page so that every link it makes is relative to that page."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2

from ..exports import citation
from ..userdocs.license import license_line
from .context import SiteContext, relative

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

# The site's navigation: (label, site path). An entry whose page is not in the site is left out.
NAVIGATION = [
    ("Home", "index.html"),
    ("Timeline", "timeline.html"),
    ("Offers", "offers.html"),
    ("Articles", "articles/index.html"),
    ("People", "people/index.html"),
    ("Organizations", "organizations/index.html"),
    ("Tables", "tables/index.html"),
]


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                              autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def short_title(title: str) -> str:
    """The package's title without its parenthesis and what follows it, for the header and the window title."""
    return title.split(" (", 1)[0].strip() or title


def render_template(template: str, page: str, ctx: SiteContext, **values: object) -> str:
    """Render `template` as site page `page`. Besides `values`, templates get: ctx, page, url_for(kind, id),
    static(name) (a link to static/<name>), nav ([(label, link, is_current)]), version, license and citation."""

    def url_for(kind: str, id: object = None) -> str | None:
        return ctx.url_for(kind, id, page=page)

    nav = [(label, relative(path, page), path == page) for label, path in NAVIGATION if path in ctx.paths]
    licenses = [license_line(lic) for lic in ctx.descriptor.get("licenses", []) if isinstance(lic, dict)]
    text = environment().get_template(template).render(
        ctx=ctx, page=page, url_for=url_for, static=lambda name: relative(f"static/{name}", page), nav=nav,
        version=ctx.version, site_title=ctx.title, short_title=short_title(ctx.title), licenses=licenses, citation=citation(ctx.descriptor), **values)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
