"""Table pages: each table's data dictionary (from its Table Schema), its caveats (usageWarnings) and
its rows, sortable and filterable (static/table.js), each row linking to where it appears.

Everything about a column comes from the schema: its title, description, type and constraints; a
foreign key's cells link to the row (or the person's, organization's, article's page) they name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..tableschema import foreign_keys
from .context import Page, SiteContext, row_key

# The pages that show a row of these tables better than the table page does: (kind of url_for, its id).
ENTITY_KINDS = {"people": "person", "organizations": "organization", "articles": "article"}
NUMERIC = {"integer", "number"}
LONG = 60  # characters: a column with a value longer than this gets the room of a paragraph


def where_shown(table: str, row: dict[str, str], key: list[str]) -> tuple[str, object, str] | None:
    """Where a row of `table` (primary key `key`) appears, as (url_for kind, id, link text); None when nowhere else."""
    if table in ENTITY_KINDS and len(key) == 1 and row.get(key[0]):
        return ENTITY_KINDS[table], row[key[0]], "page"
    if table == "quotes" and row.get("quote_id"):
        return "quote", row["quote_id"], "in its article"
    if table == "figures" and row.get("figure_id"):
        return "figure", row["figure_id"], "in its article"
    if table == "offer_mentions" and row.get("offer_id"):
        return "offer_mention", (row["offer_id"], row.get("article_id", ""), row.get("char_start", "")), "in its article"
    if table == "event_mentions" and row.get("event_id"):
        return "event_mention", (row["event_id"], row.get("article_id", ""), row.get("char_start", "")), "in its article"
    if table in ("events", "event_participants") and row.get("event_id"):
        return "event", row["event_id"], "on the timeline"
    if table == "offers" and row.get("offer_id"):
        return "offer", row["offer_id"], "over time"
    return None


def constraints_in_words(field: dict) -> list[tuple[str, list[str]]]:
    """A field's constraints, each as (words, [values to show as code]): ("one of:", [the enum's values])."""
    c = field.get("constraints") or {}
    words: list[tuple[str, list[str]]] = []
    if c.get("required"):
        words.append(("required", []))
    if c.get("unique"):
        words.append(("unique", []))
    if "enum" in c:
        words.append(("one of:", [str(v) for v in c["enum"]]))
    if "pattern" in c:
        words.append(("matches", [str(c["pattern"])]))
    for key, phrase in (("minimum", "at least"), ("maximum", "at most"), ("minLength", "length at least"),
                        ("maxLength", "length at most"), ("exclusiveMinimum", "more than"), ("exclusiveMaximum", "less than")):
        if key in c:
            words.append((phrase, [str(c[key])]))
    if field.get("format") not in (None, "default"):
        words.append(("format", [str(field["format"])]))
    return words


@dataclass
class Row:
    id: str | None
    where: Cell
    cells: list[Cell]


@dataclass
class Cell:
    text: str
    href: str | None = None
    numeric: bool = False
    long: bool = False  # a column of long texts: given room to wrap


def _cell_links(ctx: SiteContext, name: str, page: str) -> dict[str, object]:
    """{column: function(row) -> href} for the columns whose cells name a row elsewhere (one-column foreign keys)."""
    links: dict[str, object] = {}
    schema = ctx.resources[name].get("schema") or {}
    for fk in foreign_keys(schema):
        if len(fk["fields"]) != 1:
            continue
        column, target = fk["fields"][0], fk["resource"] or name
        if target in ENTITY_KINDS:
            links[column] = lambda value, kind=ENTITY_KINDS[target]: ctx.url_for(kind, value, page=page)
        else:
            links[column] = lambda value, target=target: ctx.url_for("row", (target, value), page=page)
    return links


def table_page(ctx: SiteContext, name: str) -> str:
    page = f"tables/{name}.html"
    resource = ctx.resources[name]
    schema = resource.get("schema") or {}
    fields = ctx.fields(name)
    frame = ctx.table(name)
    key = ctx.primary_key(name)
    links = _cell_links(ctx, name, page)
    if name in ENTITY_KINDS and key:
        own = ENTITY_KINDS[name]
        links.setdefault(key[0], lambda value: ctx.url_for(own, value, page=page))
    dictionary = []
    for field in fields:
        target = next((fk for fk in foreign_keys(schema) if field["name"] in fk["fields"]), None)
        dictionary.append({"name": field["name"], "title": field.get("title", ""), "type": field.get("type", "any"),
                           "description": field.get("description", ""), "constraints": constraints_in_words(field),
                           "key": field["name"] in key,
                           "references": (target["resource"] or name, target["ref_fields"][target["fields"].index(field["name"])])
                           if target else None})
    long = {f["name"] for f in fields if f["name"] in frame.columns and frame[f["name"]].str.len().max() > LONG}
    rows: list[Row] = []
    for row in ctx.rows(name):
        cells = []
        for field in fields:
            value = row.get(field["name"], "")
            link = links.get(field["name"])
            href = link(value) if link and value else None  # type: ignore[operator]
            cells.append(Cell(value, href, numeric=field.get("type") in NUMERIC, long=field["name"] in long))
        shown = where_shown(name, row, key)
        where = Cell("")
        if shown:
            kind, id, text = shown
            where = Cell(text, ctx.url_for(kind, id, page=page))
        rows.append(Row(row_key(tuple(row.get(k, "") for k in key)) if key else None, where, cells))
    return ctx.render("table.html.j2", page, name=name, resource=resource, fields=fields, dictionary=dictionary,
                      key=key, foreign_keys=foreign_keys(schema), rows=rows, warnings=list(resource.get("usageWarnings") or []),
                      csv=ctx.url_for("csv", name, page=page), has_where=any(r.where.text for r in rows))


def tables_index(ctx: SiteContext) -> str:
    page = "tables/index.html"
    listed = [{"name": name, "title": r.get("title") or name, "description": r.get("description", ""), "rows": len(ctx.table(name)),
               "href": ctx.url_for("table", name, page=page), "csv": ctx.url_for("csv", name, page=page),
               "bytes": r.get("bytes"), "warnings": len(r.get("usageWarnings") or [])}
              for name, r in ctx.resources.items()]
    return ctx.render("tables_index.html.j2", page, tables=listed)


def pages(ctx: SiteContext) -> list[Page]:
    out = [Page("tables/index.html", lambda: tables_index(ctx))]
    out += [Page(f"tables/{name}.html", partial(table_page, ctx, name)) for name in ctx.resources]
    return out
