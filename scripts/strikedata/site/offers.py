"""Offers over time (offers.html): each side's items on a time axis, what replaced what, and whose account
each mention is, as a chart (Vega-Lite by Altair, drawn to static SVG by vl-convert) and as a table.

Where an item sits in time: most items have no first date (the articles show them on the table by some
day without saying when they were first put forward). Every item is placed at the date of the earliest
article that mentions it ("first known from"), and each mention at its article's date; an item with a
first date also shows that range. The page says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
from markupsafe import Markup

from .context import ANCHORS, Page, SiteContext
from .names import Names, amount

if TYPE_CHECKING:
    import altair as alt

PAGE = "offers.html"
OWN = "the proposer's own account"
OTHER = "another party's account (characterization)"



def value_label(offer: dict[str, str]) -> str:
    """'3%', '$3,000', '5 years'; '' when the item has no figure."""
    return amount(offer.get("value", ""), offer.get("unit", ""))


def item_label(offer: dict[str, str]) -> str:
    """A short name for an item from its own columns: '3% salary increase, 2021-22'."""
    parts = [value_label(offer), offer.get("item_type", "").replace("_", " ")]
    label = " ".join(p for p in parts if p)
    details = [offer.get("eligible_group", ""), offer.get("school_years", "").replace(";", ", ")]
    extra = ", ".join(d for d in details if d)
    return f"{label} ({extra})" if extra else label


@dataclass
class Item:
    row: dict[str, str]
    anchor: str
    label: str
    value: str
    proposer: str
    first_known: str  # the published date of the earliest article that mentions it
    first_known_article: str
    superseded_by: list[str] = field(default_factory=list)
    mentions: list[dict[str, str]] = field(default_factory=list)
    chain: tuple[str, int, str] = ("", 0, "")
    shared_label: bool = False  # sort key: the first item of its supersession chain, its place in it


def items(ctx: SiteContext) -> list[Item]:
    """Every offer item with its mentions (by article date) and when it is first known, in chart order:
    by side, then by supersession chain (an item right after the one it replaces), then by date."""
    articles = {str(r["article_id"]): {str(k): str(v) for k, v in r.items()} for r in ctx.table("articles").to_dict("records")}
    mentions: dict[str, list[dict[str, str]]] = {}
    for record in ctx.table("offer_mentions").to_dict("records"):
        row = {str(k): str(v) for k, v in record.items()}
        row["published_date"] = articles.get(row["article_id"], {}).get("published_date", "")
        mentions.setdefault(row["offer_id"], []).append(row)
    offers = {str(r["offer_id"]): {str(k): str(v) for k, v in r.items()} for r in ctx.table("offers").to_dict("records")}
    out: dict[str, Item] = {}
    for offer_id, offer in offers.items():
        told = sorted(mentions.get(offer_id, []), key=lambda m: (m["published_date"], m["article_id"], int(m["char_start"])))
        first = told[0] if told else {}
        out[offer_id] = Item(offer, ANCHORS["offer"](offer_id), item_label(offer), value_label(offer), offer.get("proposer_org_id", ""),
                             first.get("published_date", ""), first.get("article_id", ""), mentions=told)
    for item in out.values():
        earlier = item.row.get("supersedes_offer_id", "")
        if earlier in out:
            out[earlier].superseded_by.append(item.row["offer_id"])
    for item in out.values():
        root, depth, seen = item, 0, {item.row["offer_id"]}
        while root.row.get("supersedes_offer_id", "") in out and root.row["supersedes_offer_id"] not in seen:
            root = out[root.row["supersedes_offer_id"]]
            seen.add(root.row["offer_id"])
            depth += 1
        item.chain = (root.first_known or "9999", depth, root.row["offer_id"])
    labels = [i.label for i in out.values()]
    for item in out.values():
        item.shared_label = labels.count(item.label) > 1 or item.row.get("item_type") == "other"
    sides = sides_order(out.values())
    return sorted(out.values(), key=lambda i: (sides.index(i.proposer), i.chain[0], i.chain[2], i.chain[1], i.row["offer_id"]))


def sides_order(all_items) -> list[str]:
    """Proposers by how many items they have, most first (ties by id)."""
    counts: dict[str, int] = {}
    for item in all_items:
        counts[item.proposer] = counts.get(item.proposer, 0) + 1
    return sorted(counts, key=lambda org: (-counts[org], org))


def name(item: Item) -> str:
    """An item's name on the chart's axis: its label, with its id when another item has the same label."""
    return f"{item.label} · {item.row['offer_id']}" if item.shared_label else item.label


def chart_frame(names: Names, all_items: list[Item]) -> pd.DataFrame:
    """One row per thing drawn: each mention (at its article's date), each known first-date range, each
    supersession link, each item's value label."""
    rows = []
    by_id = {i.row["offer_id"]: i for i in all_items}
    for order, item in enumerate(all_items):
        base = {"side": names.short(item.proposer), "item": name(item), "order": order}
        by_article: dict[tuple[str, str], int] = {}
        for m in item.mentions:
            teller = OTHER if m.get("characterization") == "true" else OWN
            by_article[(m["published_date"], teller)] = by_article.get((m["published_date"], teller), 0) + 1
        for (date, teller), n in sorted(by_article.items()):
            rows.append({**base, "layer": "mention", "date": date, "teller": teller, "mentions": n})
        if item.row.get("first_date"):
            latest = item.row.get("first_date_latest") or item.row["first_date"]
            rows.append({**base, "layer": "first", "date": item.row["first_date"], "date2": latest})
        earlier = by_id.get(item.row.get("supersedes_offer_id", ""))
        if earlier is not None and earlier.first_known and item.first_known:
            # drawn from the earlier item (at its first-known date) to the item that replaces it
            rows.append({**base, "layer": "link", "item": name(earlier), "item2": name(item), "date": earlier.first_known, "date2": item.first_known})
    frame = pd.DataFrame(rows)
    for column in ("teller", "date2", "item2"):
        if column not in frame:
            frame[column] = ""
    return frame.astype(object).where(frame.notna(), "")


def chart(names: Names, all_items: list[Item]) -> alt.FacetChart:
    import altair as alt  # imported when a chart is drawn: it takes a second or two to import

    frame = chart_frame(names, all_items)
    order = [name(i) for i in all_items]
    dates = [d for d in list(frame["date"]) + list(frame["date2"]) if d]
    start = (dt.date.fromisoformat(min(dates)) - dt.timedelta(days=1)).isoformat()
    end = (dt.date.fromisoformat(max(dates)) + dt.timedelta(days=1)).isoformat()
    x = alt.X("date:T", title="Date of the article that tells it", scale=alt.Scale(type="utc", domain=[start, end]),
              axis=alt.Axis(format="%d %b", labelAngle=0, tickCount="day", grid=True))
    # The item names are written inside the plot, above their row, so the chart stays narrow enough for a phone.
    y = alt.Y("item:N", title=None, sort=order, axis=alt.Axis(labelAlign="left", labelBaseline="bottom", labelPadding=-4, labelOffset=-5,
                                                               labelLimit=390, labelFontSize=11, labelColor="#222", ticks=False, domain=False,
                                                               zindex=1))
    base = alt.Chart()
    ranges = base.transform_filter(alt.datum.layer == "first").mark_bar(height=10, color="#9aa0a6", opacity=0.6).encode(
        x=x, x2="date2:T", y=y, tooltip=[alt.Tooltip("date:T", format="%Y-%m-%d"), alt.Tooltip("date2:T", format="%Y-%m-%d")])
    points = base.transform_filter(alt.datum.layer == "mention").mark_point(size=90, filled=True, opacity=1).encode(
        x=x, y=y,
        shape=alt.Shape("teller:N", title="Mention told as", scale=alt.Scale(domain=[OWN, OTHER], range=["circle", "triangle-down"])),
        color=alt.Color("teller:N", title="Mention told as", scale=alt.Scale(domain=[OWN, OTHER], range=["#1f5fa8", "#b3261e"])),
        tooltip=["item:N", alt.Tooltip("date:T", format="%Y-%m-%d"), "teller:N", "mentions:Q"])
    links = base.transform_filter(alt.datum.layer == "link").mark_rule(strokeDash=[4, 3], color="#555", strokeWidth=1.5).encode(
        x=x, x2="date2:T", y=y, y2="item2:N")
    return alt.layer(links, ranges, points).properties(width=400, height=alt.Step(34)).facet(
        data=frame, row=alt.Row("side:N", title=None, sort=[names.short(s) for s in sides_order(all_items)],
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start", labelFontWeight="bold", labelFontSize=13,
                                      labelOrient="top")),
    ).resolve_scale(y="independent").configure_view(stroke="#ccc").configure_legend(orient="top", direction="horizontal", labelLimit=400)


def svg(names: Names, all_items: list[Item], label: str) -> Markup | None:
    """The chart drawn to SVG (offline, the same bytes for the same package), named for assistive
    technology; None when no item has a dated mention, so that there is nothing to place in time."""
    import vl_convert

    if not any(i.mentions and any(m.get("published_date") for m in i.mentions) for i in all_items):
        return None

    drawn = str(vl_convert.vegalite_to_svg(chart(names, all_items).to_dict(validate=False)))
    if not drawn.startswith("<svg "):
        raise ValueError("vl-convert did not return an SVG document")
    return Markup('<svg role="img" aria-label="{}" ').format(label) + Markup(drawn[len("<svg "):])


def summary(names: Names, all_items: list[Item]) -> str:
    """The chart in words, for its text alternative."""
    sides = sides_order(all_items)
    parts = [f"{names.short(s)}: {sum(1 for i in all_items if i.proposer == s)} items" for s in sides]
    moved = [f"{i.label} replaces {next(j.label for j in all_items if j.row['offer_id'] == i.row['supersedes_offer_id'])}"
             for i in all_items if i.row.get("supersedes_offer_id") and any(j.row["offer_id"] == i.row["supersedes_offer_id"] for j in all_items)]
    told = sum(1 for i in all_items for m in i.mentions if m.get("characterization") == "true")
    total = sum(len(i.mentions) for i in all_items)
    dates = sorted({m["published_date"] for i in all_items for m in i.mentions})
    text = (f"Chart of {len(all_items)} offer items by side ({'; '.join(parts)}), each mention placed at its article's date"
            f" ({', '.join(dates)}). {total} mentions, {told} of them another party's account of the item. ")
    if moved:
        text += "Supersessions: " + "; ".join(moved) + "."
    return text


def render(ctx: SiteContext) -> str:
    all_items = items(ctx)
    names = Names(ctx)
    sides = [(org, names.short(org), [i for i in all_items if i.proposer == org]) for org in sides_order(all_items)]
    by_id = {i.row["offer_id"]: i for i in all_items}
    fields = {str(f["name"]): str(f.get("description", "")) for f in ctx.fields("offers")}
    mention_fields = {str(f["name"]): str(f.get("description", "")) for f in ctx.fields("offer_mentions")}
    return ctx.render("offers.html.j2", PAGE, items=all_items, sides=sides, by_id=by_id, svg=svg(names, all_items, summary(names, all_items)),
                      fields=fields, mention_fields=mention_fields,
                      dated=[i for i in all_items if i.row.get("first_date")],
                      mention_count=sum(len(i.mentions) for i in all_items), short=names.short, name=names.label)


def pages(ctx: SiteContext) -> list[Page]:
    return [Page(PAGE, lambda: render(ctx))] if "offers" in ctx.tables else []
