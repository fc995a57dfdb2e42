"""The site's article pages, timeline and offers page (issue 16), read as HTML without a browser.

Every span of every span table is highlighted with exactly its row's text; the timeline lists every
event in the package's date order with its participants and passages; the offers page lists every
offer and mention, with a chart that has a text alternative; two renderings are the same bytes.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import pytest

from strikedata.site import PAGES, articles, load_context, offers, timeline
from strikedata.site.layout import render_template

from conftest import ROOT

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SPAN_TABLES = {"quotes": "text", "offer_mentions": "evidence_text", "figures": "text", "event_mentions": "text"}


class Page(HTMLParser):
    """An HTML page read strictly: every element closed in order; the text inside each highlight, by span;
    the ids in document order; the links."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.spans: dict[str, list[str]] = {}
        self.highlight_ids: dict[str, str] = {}
        self.ids: list[str] = []
        self.links: list[str] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.feed(html)
        self.close()
        assert self.stack == [], f"unclosed elements: {self.stack}"

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        self.elements.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in VOID:
            return
        uid = a.get("data-span") if "hl" in a.get("class", "").split() else None
        if uid is not None:
            self.spans.setdefault(uid, [])
            if a.get("id"):
                self.highlight_ids[uid] = a["id"]
        self.stack.append((tag, uid))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        open_tag, _ = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"

    def handle_data(self, data):
        for _, uid in self.stack:
            if uid is not None:
                self.spans[uid].append(data)

    def span_text(self, uid: str) -> str:
        return "".join(self.spans[uid])


def render_pages(modules) -> dict[str, str]:
    """The pages of `modules`, rendered as `strikedata site` renders them (every page of the site known to url_for)."""
    ctx = load_context(ROOT / "build")
    ctx.render_template = render_template
    ctx.paths = {page.path for pages in PAGES for page in pages(ctx)}
    out = {}
    for module in modules:
        for page in module.pages(ctx):
            content = page.render()
            out[page.path] = content if isinstance(content, str) else content.decode("utf-8")
    return out


@pytest.fixture(scope="module")
def site() -> dict[str, str]:
    return render_pages([articles, timeline, offers])


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: pd.read_csv(ROOT / "build" / f"{name}.csv", dtype=str, keep_default_na=False)
            for name in ("articles", "events", "event_participants", "event_mentions", "offers", "offer_mentions", *SPAN_TABLES)}


def anchor(table: str, row) -> str:
    return {"quotes": lambda: f"quote-{row['quote_id']}", "figures": lambda: f"figure-{row['figure_id']}",
            "offer_mentions": lambda: f"mention-{row['offer_id']}-{row['char_start']}",
            "event_mentions": lambda: f"event-mention-{row['event_id']}-{row['char_start']}"}[table]()


def test_every_span_is_highlighted_with_exactly_its_rows_text(site, tables):
    texts = {a: (ROOT / "build" / p).read_text(encoding="utf-8") for a, p in zip(tables["articles"]["article_id"], tables["articles"]["text_path"],
                                                                               strict=True)}
    checked = 0
    for article_id in tables["articles"]["article_id"]:
        page = Page(site[f"articles/{article_id}.html"])
        expected = {}
        for table, column in SPAN_TABLES.items():
            for _, row in tables[table][tables[table]["article_id"] == article_id].iterrows():
                key = anchor(table, row)
                text = row[column]
                assert texts[article_id][int(row["char_start"]):int(row["char_end"])] == text
                expected[key] = text
        assert set(page.spans) == set(expected), article_id
        for key, text in expected.items():
            assert page.span_text(key) == text.replace("\n", ""), (article_id, key)
            assert page.highlight_ids[key] == key  # the first (or only) segment carries the anchor
            checked += 1
    assert checked == sum(len(tables[t]) for t in SPAN_TABLES)


def test_crossing_spans_are_cut_into_segments_inside_every_span_that_covers_them():
    def span(start, end, key):
        return articles.Span("t", (key,), start, end, "x" * (end - start), "k", key, {})

    a, b, c, d = span(0, 10, "a"), span(5, 15, "b"), span(5, 8, "c"), span(0, 10, "d")
    tree = articles.nest(0, 20, [a, d, c, b])  # a and d are the same passage; b crosses both; c sits in all

    segments: dict[str, list[tuple[int, int]]] = {}
    covered: dict[tuple[int, int], set[str]] = {}

    def walk(node, ancestors):
        for child in node.children:
            segments.setdefault(child.span.anchor, []).append((child.start, child.end))
            assert ancestors[-1].start <= child.start < child.end <= ancestors[-1].end if ancestors else True
            covered[(child.start, child.end)] = {n.span.anchor for n in ancestors if n.span} | {child.span.anchor}
            walk(child, [*ancestors, child])

    walk(tree, [tree])
    for s in (a, b, c, d):  # a span's segments tile exactly its own range
        parts = sorted(segments[s.anchor])
        assert parts[0][0] == s.start and parts[-1][1] == s.end
        assert all(x[1] == y[0] for x, y in zip(parts, parts[1:], strict=False))
    assert segments["b"] == [(5, 10), (10, 15)]
    assert covered[(5, 8)] >= {"a", "b", "c", "d"}  # the innermost segment carries all four memberships


def test_article_pages_list_the_repairs_and_the_curators_summary(site, tables):
    for _, article in tables["articles"].iterrows():
        html = site[f"articles/{article['article_id']}.html"]
        for repair in filter(None, article["normalizations"].split(";")):
            assert f"<code>{repair}</code>" in html
            assert articles.NORMALIZATIONS[repair] in html.replace("&lt;", "<").replace("&gt;", ">")
        if article["summary"]:
            assert "curators’ words" in html
        quotes = tables["quotes"][tables["quotes"]["article_id"] == article["article_id"]]
        assert {f"#quote-{q}" for q in quotes["quote_id"]} <= set(Page(html).links)  # "quoted in this article", by speaker
        assert f'datetime="{article["published_date"]}"' in html
    index = Page(site["articles/index.html"])
    assert {f"{a}.html" for a in tables["articles"]["article_id"]} <= set(index.links)


def test_the_timeline_lists_every_event_in_date_order(site, tables):
    page = Page(site["timeline.html"])
    events = tables["events"].set_index("event_id")
    shown = [i.removeprefix("event-") for i in page.ids if i.startswith("event-") and not i.startswith("event-mention-")]
    assert sorted(shown) == sorted(events.index)
    starts = [(events.loc[e, "start_date"], events.loc[e, "start_latest"] or events.loc[e, "start_date"]) for e in shown]
    assert starts == sorted(starts)
    # the package's own order (datapackage.json: start_date, start_latest, order_in_day, event_id)
    assert shown == list(tables["events"]["event_id"])
    html = site["timeline.html"]
    for _, mention in tables["event_mentions"].iterrows():
        assert f"articles/{mention['article_id']}.html#event-mention-{mention['event_id']}-{mention['char_start']}" in page.links
    for _, participant in tables["event_participants"].iterrows():
        assert f"organizations/{participant['org_id']}.html" in page.links
    for _, event in tables["events"].iterrows():  # a date that is a range is shown as one; an unknown end is said
        if event["start_latest"] and event["start_latest"] != event["start_date"]:
            assert f'<time datetime="{event["start_latest"]}">' in html
        if event["end_status"] in ("ongoing", "not_in_articles"):
            item = html[html.index(f'id="event-{event["event_id"]}"'):]
            assert timeline.end_label(event.to_dict()) in item[:item.index("</li>")]


@pytest.mark.parametrize(("start", "latest", "precision", "label"), [
    ("2021-10-01", "2021-10-31", "month", "October 2021 (day not known)"),
    ("2021-10-01", "2021-12-31", "range", "some day between 1 October and 31 December 2021"),
    ("2022-03-14", "2022-03-20", "week", "in the week between 14 and 20 March 2022"),
    ("2022-03-21", "2022-03-21", "day", "Monday 21 March 2022"),
    ("2021-12-30", "2022-01-02", "range", "some day between 30 December 2021 and 2 January 2022"),
])
def test_dates_are_as_precise_as_the_articles(start, latest, precision, label):
    assert timeline.date_label(start, latest, precision) == label
    assert dt.date.fromisoformat(start).strftime("%A") in timeline.long_date(start)


def test_the_offers_page_lists_every_offer_and_mention_with_a_chart_and_its_alternative(site, tables):
    page = Page(site["offers.html"])
    shown = [i.removeprefix("offer-") for i in page.ids if i.startswith("offer-")]
    assert sorted(shown) == sorted(tables["offers"]["offer_id"])
    for _, mention in tables["offer_mentions"].iterrows():
        assert f"articles/{mention['article_id']}.html#mention-{mention['offer_id']}-{mention['char_start']}" in page.links
    for _, offer in tables["offers"][tables["offers"]["supersedes_offer_id"] != ""].iterrows():
        assert f"#offer-{offer['supersedes_offer_id']}" in page.links  # "replaces ..."
    svgs = [a for tag, a in page.elements if tag == "svg" and "role" in a]
    assert len(svgs) == 1 and svgs[0]["role"] == "img" and len(svgs[0]["aria-label"]) > 40
    tags = [tag for tag, _ in page.elements]
    assert "figure" in tags and "figcaption" in tags and "table" in tags
    assert "first known from" in site["offers.html"]  # how undated items are placed is said on the page


def test_two_renderings_are_the_same_bytes(site):
    again = render_pages([articles, timeline, offers])
    assert again.keys() == site.keys()
    assert [p for p in site if site[p] != again[p]] == []
