"""The timeline (timeline.html): every event in the package's date order, with its status, its date as
precise as the articles make it (a range stays a range), its participants and every passage that
mentions it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .context import ANCHORS, Page, SiteContext
from .names import Names

PAGE = "timeline.html"


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def long_date(iso: str, weekday: bool = True) -> str:
    """'Monday 21 March 2022' (the weekday is the calendar's, not the articles')."""
    day = _day(iso)
    text = f"{day.day} {day:%B %Y}"
    return f"{day:%A} {text}" if weekday else text


def date_label(start: str, latest: str, precision: str) -> str:
    """The date of an event as precise as it is known: a day, a week, a month, a year or a range."""
    if not start:
        return "no date"
    latest = latest or start
    if precision == "day" or latest == start:
        return long_date(start)
    a, b = _day(start), _day(latest)
    if precision == "month":
        return f"{a:%B %Y} (day not known)"
    if precision == "year":
        return f"{a.year} (day not known)"
    if a.year == b.year and a.month == b.month:
        span = f"{a.day} and {b.day} {b:%B %Y}"
    elif a.year == b.year:
        span = f"{a.day} {a:%B} and {b.day} {b:%B %Y}"
    else:
        span = f"{long_date(start, False)} and {long_date(latest, False)}"
    return f"{'in the week' if precision == 'week' else 'some day'} between {span}"


def short_label(start: str, latest: str, precision: str) -> str:
    """The date in a few characters: '21 Mar 2022', 'Oct 2021', '18–24 Mar 2022', '1 Oct – 31 Dec 2021'."""
    a, b = _day(start), _day(latest or start)
    if a == b:
        return f"{a.day} {a:%b %Y}"
    if precision == "month":
        return f"{a:%b %Y}"
    if precision == "year":
        return str(a.year)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%b %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%b} – {b.day} {b:%b %Y}"
    return f"{a.day} {a:%b %Y} – {b.day} {b:%b %Y}"


def end_label(event: dict[str, str]) -> str:
    status = event.get("end_status", "")
    if status == "stated" and event.get("end_date"):
        return f"until {long_date(event['end_date'])}"
    return {
        "one_day": "",
        "not_in_articles": "lasted beyond that day; no article gives its end",
        "ongoing": "under way at the date of the last article that tells of it; its end is unknown",
    }.get(status, "")


def short_end(event: dict[str, str]) -> str:
    """The end in a few words, after the short date: ' – 25 Mar 2022', ' – ongoing', ' – end not given'."""
    status = event.get("end_status", "")
    if status == "stated" and event.get("end_date"):
        return f" – {short_label(event['end_date'], event['end_date'], 'day')}"
    return {"ongoing": " – ongoing", "not_in_articles": " – end not given"}.get(status, "")


def sort_key(event: dict[str, str]) -> tuple[str, str, int, str]:
    """The package's own order of events (datapackage.json: start_date, start_latest, order_in_day, event_id)."""
    order = int(event["order_in_day"]) if event.get("order_in_day") else -1
    return (event.get("start_date", ""), event.get("start_latest", "") or event.get("start_date", ""), order, event["event_id"])


@dataclass
class Group:
    """Events that share a date (the same start and latest start): one heading of the timeline."""

    label: str
    short: str
    start: str
    latest: str
    precision: str
    events: list[dict[str, object]] = field(default_factory=list)


def timeline(ctx: SiteContext) -> list[Group]:
    """The events in date order, grouped by date, each with its participants and mentions."""
    events = sorted(({str(k): str(v) for k, v in r.items()} for r in ctx.table("events").to_dict("records")), key=sort_key)
    participants: dict[str, list[dict[str, str]]] = {}
    for row in ctx.table("event_participants").to_dict("records"):
        participants.setdefault(str(row["event_id"]), []).append({str(k): str(v) for k, v in row.items()})
    articles = {str(r["article_id"]): r for r in ctx.table("articles").to_dict("records")}
    mentions: dict[str, list[dict[str, str]]] = {}
    for row in ctx.table("event_mentions").to_dict("records"):
        mentions.setdefault(str(row["event_id"]), []).append({str(k): str(v) for k, v in row.items()})
    groups: list[Group] = []
    for event in events:
        start, latest, precision = event["start_date"], event.get("start_latest") or event["start_date"], event["date_precision"]
        if not groups or (groups[-1].start, groups[-1].latest, groups[-1].precision) != (start, latest, precision):
            groups.append(Group(date_label(start, latest, precision), short_label(start, latest, precision), start, latest, precision))
        told = sorted(mentions.get(event["event_id"], []),
                      key=lambda m: (str(articles.get(m["article_id"], {}).get("published_date", "")), m["article_id"], int(m["char_start"])))
        groups[-1].events.append({
            "row": event,
            "anchor": ANCHORS["event"](event["event_id"]),
            "end": end_label(event),
            "short_end": short_end(event),
            "participants": participants.get(event["event_id"], []),
            "mentions": [{**m, "published_date": str(articles.get(m["article_id"], {}).get("published_date", ""))} for m in told],
        })
    return groups


def definitions(ctx: SiteContext, names: tuple[str, ...]) -> dict[str, str]:
    """The events table's own descriptions of some of its fields."""
    return {str(f["name"]): str(f.get("description", "")) for f in ctx.fields("events") if f["name"] in names}


def render(ctx: SiteContext) -> str:
    groups = timeline(ctx)
    events = [e for g in groups for e in g.events]
    return ctx.render("timeline.html.j2", PAGE, groups=groups, name=Names(ctx).label, count=len(events),
                      first=groups[0].start if groups else "", last=max((g.latest for g in groups), default=""),
                      definitions=definitions(ctx, ("status", "date_precision", "date_basis", "end_status")),
                      role_definition=next((str(f.get("description", "")) for f in ctx.fields("event_participants") if f["name"] == "role"), ""))


def pages(ctx: SiteContext) -> list[Page]:
    return [Page(PAGE, lambda: render(ctx))] if "events" in ctx.tables else []
