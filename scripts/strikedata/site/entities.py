"""People and organization pages: who they are as the articles say (the columns of their row, as the
schema names them), every quote of theirs in the paragraph it stands in, linked to its place in its
article, and what else the tables tie to them (members, events, offers, articles published)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd

from .context import Page, SiteContext, records


@dataclass
class Passage:
    """A quote in its paragraph: the text before it, the quote, the text after it, where it is."""

    anchor: str
    before: str
    text: str
    after: str
    caption: str
    href: str | None


def paragraph_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(the paragraph's text before the span, the span, after it): a paragraph ends at a line break."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    return text[first:start], text[start:end], text[end:last]


def passages(ctx: SiteContext, quotes: pd.DataFrame, page: str) -> list[Passage]:
    """Each quote of `quotes` in its paragraph, in the order of the articles' dates, then in the text."""
    articles = ctx.table("articles")
    dates = dict(zip(articles.get("article_id", []), articles.get("published_date", []), strict=True))
    out = []
    rows = sorted(records(quotes), key=lambda r: (dates.get(r["article_id"], ""), r["article_id"], int(r["char_start"] or 0)))
    for row in rows:
        text = ctx.texts.get(row["article_id"], "")
        start, end = int(row["char_start"]), int(row["char_end"])
        before, quoted, after = paragraph_around(text, start, end) if text else ("", row["text"], "")
        article = ctx.label("article", row["article_id"])
        said = f"“{row['speaker_as_written']}”" if row.get("speaker_as_written") else "attributed"
        caption = f"{article}, {dates.get(row['article_id'], '')}: {said}"
        out.append(Passage(f"quote-{row['quote_id']}", before, quoted, after, caption, ctx.url_for("quote", row["quote_id"], page=page)))
    return out


def _about(ctx: SiteContext, table: str, row: dict[str, str], skip: set[str]) -> list[dict]:
    """The row's non-empty cells as (title, description, value) in the schema's order, less `skip`."""
    return [{"name": f["name"], "title": f.get("title") or f["name"], "description": f.get("description", ""), "value": row[f["name"]]}
            for f in ctx.fields(table) if row.get(f["name"]) and f["name"] not in skip]


def _where(frame: pd.DataFrame, column: str, value: str) -> pd.DataFrame:
    return frame[frame[column] == value] if column in frame.columns else frame.iloc[0:0]


def person_page(ctx: SiteContext, row: dict[str, str]) -> str:
    page = f"people/{row['person_id']}.html"
    quotes = _where(ctx.table("quotes"), "speaker_person_id", row["person_id"])
    return ctx.render("person.html.j2", page, person=row, about=_about(ctx, "people", row, {"person_id", "name", "org_id"}),
                      quotes=passages(ctx, quotes, page))


def organization_page(ctx: SiteContext, row: dict[str, str]) -> str:
    org = row["org_id"]
    page = f"organizations/{org}.html"
    quotes = _where(ctx.table("quotes"), "speaker_org_id", org)
    people = _where(ctx.table("people"), "org_id", org)
    members = quotes[quotes["speaker_person_id"] != ""] if "speaker_person_id" in quotes.columns else quotes
    children = _where(ctx.table("organizations"), "parent_org_id", org)
    participants = _where(ctx.table("event_participants"), "org_id", org)
    events = ctx.table("events")
    event_rows = []
    for record in participants.to_dict("records"):
        event = ctx.lookup("events", "event_id", record["event_id"]) or {}
        event_rows.append({"id": record["event_id"], "role": record.get("role", ""), "start": event.get("start_date", ""),
                           "description": event.get("description", record["event_id"])})
    event_rows.sort(key=lambda e: (e["start"], e["id"]))
    offers = _where(ctx.table("offers"), "proposer_org_id", org)
    published = _where(ctx.table("articles"), "outlet_org_id", org)
    return ctx.render(
        "organization.html.j2", page, org=row, about=_about(ctx, "organizations", row, {"org_id", "name", "parent_org_id"}),
        quotes=passages(ctx, quotes, page), spoken_by_people=len(members),
        people=people.to_dict("records"), children=children.to_dict("records"), events=event_rows,
        offers=offers.to_dict("records"), published=published.to_dict("records"), has_events=not events.empty)


def people_index(ctx: SiteContext) -> str:
    people = ctx.table("people")
    quotes = ctx.table("quotes")
    counts = quotes["speaker_person_id"].value_counts().to_dict() if "speaker_person_id" in quotes.columns else {}
    rows = sorted(people.to_dict("records"), key=lambda r: (r["name"].split()[-1] if r["name"] else "", r["name"]))
    return ctx.render("people_index.html.j2", "people/index.html", people=rows, counts=counts)


def organizations_index(ctx: SiteContext) -> str:
    organizations = ctx.table("organizations")
    quotes = ctx.table("quotes")
    counts = quotes["speaker_org_id"].value_counts().to_dict() if "speaker_org_id" in quotes.columns else {}
    kinds: dict[str, list[dict]] = {}
    for row in sorted(organizations.to_dict("records"), key=lambda r: r["name"].lower()):
        kinds.setdefault(row.get("kind", "") or "other", []).append(row)
    return ctx.render("organizations_index.html.j2", "organizations/index.html", kinds=sorted(kinds.items()), counts=counts)


def pages(ctx: SiteContext) -> list[Page]:
    out: list[Page] = []
    people = ctx.table("people")
    if "person_id" in people.columns:
        out.append(Page("people/index.html", lambda: people_index(ctx)))
        out += [Page(f"people/{r['person_id']}.html", partial(person_page, ctx, r)) for r in records(people)]
    organizations = ctx.table("organizations")
    if "org_id" in organizations.columns:
        out.append(Page("organizations/index.html", lambda: organizations_index(ctx)))
        out += [Page(f"organizations/{r['org_id']}.html", partial(organization_page, ctx, r)) for r in records(organizations)]
    return out
