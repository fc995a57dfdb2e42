"""What every page builder is handed: the package, its tables, its texts, and links between pages.

Contract for page modules (see `site/__init__.py` for the registry):

- A page module has a function `pages(ctx: SiteContext) -> list[Page]`. A `Page` is a site path
  ("timeline.html", "articles/<article_id>.html") and a `render` callable returning the file's text
  (or bytes). Every module's pages are collected first, so `ctx.paths` knows every page of the site
  before any is rendered, and `url_for` links only to pages that will exist.
- `ctx.render(template, page_path, **values)` renders a Jinja2 template (autoescaped) that extends
  `base.html.j2`; inside it `url_for(kind, id)` and `link(...)` (from `macros.html.j2`) give links
  relative to the page being rendered.
- Tables are pandas DataFrames of raw strings, exactly as the CSV holds them: every column has dtype
  object, every cell is a `str`, and an empty cell is "" (never NaN). Convert a column yourself
  (`pd.to_numeric(frame["char_start"])`) where you need numbers or dates.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

# The fragment id a row gets on the page where it is shown in its article (articles/<article_id>.html),
# on the timeline and on the offers page; article pages, table pages and url_for all use these.
ANCHORS: dict[str, Callable[..., str]] = {
    "quote": lambda quote_id: f"quote-{quote_id}",
    "figure": lambda figure_id: f"figure-{figure_id}",
    "offer_mention": lambda offer_id, char_start: f"mention-{offer_id}-{char_start}",
    "event_mention": lambda event_id, char_start: f"event-mention-{event_id}-{char_start}",
    "event": lambda event_id: f"event-{event_id}",  # on timeline.html
    "offer": lambda offer_id: f"offer-{offer_id}",  # on offers.html
}


class SiteError(Exception):
    """The site cannot be built (a package that is not one, an output folder that is not ours); the message is for the user."""


@dataclass(frozen=True)
class Page:
    """One file of the site: its path (relative to the site folder, '/'-separated) and how to make it."""

    path: str
    render: Callable[[], str | bytes]


@dataclass(frozen=True)
class Download:
    """A file offered for download on the landing page (copied into the site under downloads/ or data/)."""

    path: str  # site path
    label: str
    bytes: int
    sha256: str


def records(frame: pd.DataFrame) -> list[dict[str, str]]:
    """A frame of raw strings as [{column: cell}], every key and cell a str."""
    return [{str(k): str(v) for k, v in record.items()} for record in frame.to_dict("records")]


def row_key(values: list[str] | tuple[str, ...]) -> str:
    """A row's primary key as one fragment id: the key's values joined by '.' (slugs have no dots)."""
    return ".".join(str(v) for v in values)


@dataclass
class SiteContext:
    """The built package, as the pages see it.

    descriptor: the built datapackage.json, parsed.
    folder: the package's folder (read only).
    tables: {resource name: DataFrame of raw strings} (see the module docstring: dtype object, "" for empty).
    resources: {resource name: the resource's descriptor entry, with its schema inlined}, tables only.
    texts: {article_id: the article's normalized text} (offsets index into these strings).
    downloads: the release archive (when one was given or found), then datapackage.json and the CSVs.
    changelog: the data changelog, Markdown.
    paths: every page of the site (filled by build_site before any page is rendered).
    """

    descriptor: dict
    folder: Path
    tables: dict[str, pd.DataFrame]
    resources: dict[str, dict]
    texts: dict[str, str]
    downloads: list[Download] = field(default_factory=list)
    changelog: str = ""
    paths: set[str] = field(default_factory=set)
    render_template: Callable[..., str] | None = None
    _rows: dict[str, list[dict[str, str]]] = field(default_factory=dict, repr=False)
    _indexes: dict[tuple[str, str], dict[str, dict[str, str]]] = field(default_factory=dict, repr=False)

    # -- looking things up -------------------------------------------------------------------------

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    @property
    def title(self) -> str:
        return str(self.descriptor.get("title") or self.descriptor.get("name", ""))

    def table(self, name: str) -> pd.DataFrame:
        """The table's rows (an empty frame when the package has no such table)."""
        return self.tables.get(name, pd.DataFrame())

    def rows(self, name: str) -> list[dict[str, str]]:
        """The table's rows as {column: cell} dicts of strings, in file order ([] when there is no such table).
        Made once per table and shared: read them, do not change them."""
        if name not in self._rows:
            self._rows[name] = records(self.table(name))
        return self._rows[name]

    def where(self, name: str, column: str, value: str) -> list[dict[str, str]]:
        """The rows of table `name` whose `column` is `value`."""
        return [row for row in self.rows(name) if row.get(column) == value]

    def fields(self, name: str) -> list[dict]:
        return list((self.resources.get(name, {}).get("schema") or {}).get("fields", []))

    def primary_key(self, name: str) -> list[str]:
        key = (self.resources.get(name, {}).get("schema") or {}).get("primaryKey") or []
        return [key] if isinstance(key, str) else list(key)

    def lookup(self, table: str, key_column: str, value: str) -> dict[str, str] | None:
        """The first row of `table` whose `key_column` is `value`, as {column: cell} (indexed once per column)."""
        index = self._indexes.get((table, key_column))
        if index is None:
            frame = self.tables.get(table)
            index = {}
            if frame is not None and key_column in frame.columns:
                for row in self.rows(table):
                    index.setdefault(row[key_column], row)
            self._indexes[(table, key_column)] = index
        return index.get(value) if value else None

    def row(self, table: str, id: str) -> dict[str, str]:
        """The row of `table` whose (one-column) primary key is `id`; {} when there is none."""
        key = self.primary_key(table)
        return (self.lookup(table, key[0], id) if len(key) == 1 else None) or {}

    def label(self, kind: str, id: str) -> str:
        """A readable name for a person, an organization or an article (its id when it has none)."""
        table, column = {"person": ("people", "name"), "organization": ("organizations", "name"),
                         "article": ("articles", "label")}.get(kind, ("", ""))
        return (self.row(table, id) if table else {}).get(column) or id

    # -- links ---------------------------------------------------------------------------------------

    def target(self, kind: str, id: object = None) -> str | None:
        """The site path (with a #fragment) of `kind`/`id`, or None when that page is not in the site.

        kinds: index; page (id: a site path such as "timeline.html"); table (id: resource name);
        row (id: (resource name, key value or tuple of key values)) -> tables/<name>.html#<key>;
        csv (id: resource name) -> data/<file>; article, person, organization (id: their id);
        quote, figure (id: their id) -> their article page, #quote-<id>, #figure-<id>;
        offer_mention, event_mention (id: (offer_id or event_id, article_id, char_start)) -> the article page,
        #mention-<offer_id>-<char_start>, #event-mention-<event_id>-<char_start>;
        event, offer (id: their id) -> timeline.html#event-<id>, offers.html#offer-<id> when those pages
        exist, else their row on the table page; static, download, data (id: a file name) -> static/, downloads/, data/.
        """
        path: str | None
        fragment = ""
        if kind == "index":
            path = "index.html"
        elif kind == "page":
            path = str(id)
        elif kind == "table":
            path = f"tables/{id}.html"
        elif kind == "row":
            table, key = _pair(id)
            path, fragment = f"tables/{table}.html", row_key(key if isinstance(key, tuple | list) else (str(key),))
        elif kind == "csv":
            resource = self.resources.get(str(id)) or {}
            path = f"data/{resource.get('path', f'{id}.csv')}"  # where _copied_files puts it
            return path  # a copied file, always present
        elif kind in ("article", "person", "organization"):
            folder = {"article": "articles", "person": "people", "organization": "organizations"}[kind]
            path = f"{folder}/{id}.html"
        elif kind in ("quote", "figure"):
            row = self.lookup("quotes" if kind == "quote" else "figures", f"{kind}_id", str(id))
            path = f"articles/{row['article_id']}.html" if row else None
            fragment = ANCHORS[kind](id)
        elif kind in ("offer_mention", "event_mention"):
            item, article, start = (str(v) for v in id) if isinstance(id, tuple | list) else ("", "", "")
            path, fragment = f"articles/{article}.html", ANCHORS[kind](item, start)
        elif kind in ("event", "offer"):
            page = "timeline.html" if kind == "event" else "offers.html"
            if page in self.paths:
                path, fragment = page, ANCHORS[kind](id)
            else:
                path, fragment = f"tables/{kind}s.html", row_key((str(id),))
        elif kind in ("static", "download", "data"):
            return f"{'downloads' if kind == 'download' else kind}/{id}"  # copied files, always present
        else:
            raise ValueError(f"url_for: unknown kind {kind!r}")
        if path is None or (self.paths and path not in self.paths):
            return None
        return f"{path}#{fragment}" if fragment else path

    def url_for(self, kind: str, id: object = None, *, page: str = "index.html") -> str | None:
        """A link from site page `page` to `kind`/`id` (see `target`), relative, or None when there is no such page."""
        target = self.target(kind, id)
        return None if target is None else relative(target, page)

    def render(self, template: str, page: str, **values: object) -> str:
        """`template` rendered for site page `page`, with `url_for` bound to it (see layout.py)."""
        assert self.render_template is not None, "SiteContext.render_template is set by build_site"
        return self.render_template(template, page, self, **values)


def _pair(id: object) -> tuple[str, object]:
    if not isinstance(id, tuple | list) or len(id) != 2:
        raise ValueError(f"url_for('row', id): id is (table, key), not {id!r}")
    return str(id[0]), id[1]


def relative(target: str, page: str) -> str:
    """`target` (a site path, maybe with a #fragment) as a link from site page `page`."""
    path, _, fragment = target.partition("#")
    if path == page and fragment:
        return f"#{fragment}"
    link = posixpath.relpath(path, posixpath.dirname(page) or ".")
    return f"{link}#{fragment}" if fragment else link
