"""People and organization pages: who they are as the articles say (the columns of their row, as the
schema names them), every quote of theirs in the paragraph it stands in, linked to its place in its
article, and what else the tables tie to them (members, events, offers, articles published)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial

from .context import Page, SiteContext
from .timeline import short_label  # dates as precise as they are known: 'Oct 2021', '18–24 Mar 2022'


@dataclass
class Passage:
    """A quote in its paragraph: the text before it, the quote, the text after it, where it is."""

    anchor: str
    before: str
    text: str
    after: str
    caption: str
    href: str | None  # the quote in its article
    row: str | None  # its row in the quotes table


def paragraph_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(the paragraph's text before the span, the span, after it): a paragraph ends at a line break."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return text[first:start], text[start:end], text[end:last]


def passages(ctx: SiteContext, quotes: list[dict[str, str]], page: str) -> list[Passage]:
    """Each of `quotes` in its paragraph, in the order of the articles' dates, then in the text."""
    def date(article_id: str) -> str:
        return (ctx.lookup("articles", "article_id", article_id) or {}).get("published_date", "")

    out = []
    for row in sorted(quotes, key=lambda r: (date(r["article_id"]), r["article_id"], int(r["char_start"] or 0))):
        text = ctx.texts.get(row["article_id"], "")
        before, quoted, after = paragraph_around(text, int(row["char_start"]), int(row["char_end"])) if text else ("", row["text"], "")
        caption = f"In the article {ctx.label('article', row['article_id'])}"
        out.append(Passage(f"quote-{row['quote_id']}", before, quoted, after, caption, ctx.url_for("quote", row["quote_id"], page=page),
                           ctx.url_for("row", ("quotes", row["quote_id"]), page=page)))
    return out


def _about(ctx: SiteContext, table: str, row: dict[str, str], skip: set[str]) -> list[dict]:
    """The row's non-empty cells as (title, description, value) in the schema's order, less `skip`."""
    return [{"name": f["name"], "title": f.get("title") or f["name"], "description": f.get("description", ""), "value": row[f["name"]]}
            for f in ctx.fields(table) if row.get(f["name"]) and f["name"] not in skip]


def person_page(ctx: SiteContext, row: dict[str, str]) -> str:
    page = f"people/{row['person_id']}.html"
    quotes = ctx.where("quotes", "speaker_person_id", row["person_id"])
    return ctx.render("person.html.j2", page, person=row, about=_about(ctx, "people", row, {"person_id", "name", "org_id"}),
                      quotes=passages(ctx, quotes, page))


def organization_page(ctx: SiteContext, row: dict[str, str]) -> str:
    org = row["org_id"]
    page = f"organizations/{org}.html"
    quotes = ctx.where("quotes", "speaker_org_id", org)
    event_rows = []
    for record in ctx.where("event_participants", "org_id", org):
        event = ctx.lookup("events", "event_id", record["event_id"]) or {}
        start = event.get("start_date", "")
        when = short_label(start, event.get("start_latest", ""), event.get("date_precision", "")) if start else ""
        event_rows.append({"id": record["event_id"], "role": record.get("role", ""), "start": start, "when": when,
                           "description": event.get("description") or record["event_id"]})
    event_rows.sort(key=lambda e: (e["start"], e["id"]))
    return ctx.render(
        "organization.html.j2", page, org=row, about=_about(ctx, "organizations", row, {"org_id", "name", "parent_org_id"}),
        quotes=passages(ctx, quotes, page), spoken_by_people=sum(1 for q in quotes if q.get("speaker_person_id")),
        people=ctx.where("people", "org_id", org), children=ctx.where("organizations", "parent_org_id", org), events=event_rows,
        offers=sorted(ctx.where("offers", "proposer_org_id", org), key=lambda o: (o.get("first_date") or "9999", o["offer_id"])),
        published=ctx.where("articles", "outlet_org_id", org))


def _quote_counts(ctx: SiteContext, column: str) -> dict[str, int]:
    return dict(Counter(row.get(column, "") for row in ctx.rows("quotes")))


def people_index(ctx: SiteContext) -> str:
    rows = sorted(ctx.rows("people"), key=lambda r: (r["name"].split()[-1] if r["name"] else "", r["name"]))
    return ctx.render("people_index.html.j2", "people/index.html", people=rows, counts=_quote_counts(ctx, "speaker_person_id"))


def organizations_index(ctx: SiteContext) -> str:
    kinds: dict[str, list[dict]] = {}
    for row in sorted(ctx.rows("organizations"), key=lambda r: r["name"].lower()):
        kinds.setdefault(row.get("kind", "") or "other", []).append(row)
    kind_field = next((f for f in ctx.fields("organizations") if f["name"] == "kind"), {})
    order = [str(v) for v in (kind_field.get("constraints") or {}).get("enum", [])]  # the schema's order: district, unions, ...
    ranked = sorted(kinds.items(), key=lambda item: (order.index(item[0]) if item[0] in order else len(order), item[0]))
    return ctx.render("organizations_index.html.j2", "organizations/index.html", kinds=ranked,
                      counts=_quote_counts(ctx, "speaker_org_id"))


def pages(ctx: SiteContext) -> list[Page]:
    out: list[Page] = []
    if {"person_id", "name", "role", "org_id"} <= set(ctx.table("people").columns):
        out.append(Page("people/index.html", partial(people_index, ctx)))
        out += [Page(f"people/{r['person_id']}.html", partial(person_page, ctx, r)) for r in ctx.rows("people")]
    if {"org_id", "name"} <= set(ctx.table("organizations").columns):
        out.append(Page("organizations/index.html", partial(organizations_index, ctx)))
        out += [Page(f"organizations/{r['org_id']}.html", partial(organization_page, ctx, r)) for r in ctx.rows("organizations")]
    return out
