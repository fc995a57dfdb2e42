"""Article pages, the timeline and the offers page in a real browser (Debian's Chromium by Playwright).

Only these pages are written (with the site's static files), and opened from disk in one browser:
the text of every highlight, read from the DOM, is its row's text in the CSV; the chart has a text
alternative; no page logs a console error or fails a request; nothing scrolls sideways on a phone.
Skips without /usr/bin/chromium, unless STRIKEDATA_REQUIRE_CHROMIUM=1 (then it fails).
"""

from __future__ import annotations

import pandas as pd
import pytest

from strikedata.site import PAGES, articles, load_context, offers, timeline
from strikedata.site.layout import STATIC, render_template

from conftest import CHROMIUM, ROOT, require_chromium

SPAN_TABLES = {"quotes": ("text", lambda r: f"quote-{r['quote_id']}"), "figures": ("text", lambda r: f"figure-{r['figure_id']}"),
               "offer_mentions": ("evidence_text", lambda r: f"mention-{r['offer_id']}-{r['char_start']}"),
               "event_mentions": ("text", lambda r: f"event-mention-{r['event_id']}-{r['char_start']}")}



def read(name: str) -> pd.DataFrame:
    return pd.read_csv(ROOT / "build" / f"{name}.csv", dtype=str, keep_default_na=False)


# What each page shows, read once it has loaded.
FACTS = """() => {
  const highlights = {};
  document.querySelectorAll('.hl[data-span]').forEach(el => { highlights[el.dataset.span] = (highlights[el.dataset.span] || '') + el.textContent; });
  return {
    highlights,
    anchored: Array.from(document.querySelectorAll('.hl[id]')).filter(e => e.id === e.dataset.span).map(e => e.id),
    charts: Array.from(document.querySelectorAll('svg')).map(s => ({
      role: s.getAttribute('role'), label: s.getAttribute('aria-label') || '',
      caption: (s.closest('figure') && s.closest('figure').querySelector('figcaption') || {textContent: ''}).textContent,
      width: s.getBoundingClientRect().width})),
    offer_rows: Array.from(document.querySelectorAll('table.offer-table tbody tr')).map(r => r.id),
    events: Array.from(document.querySelectorAll('li.event')).map(e => e.id),
    wide: document.documentElement.scrollWidth > window.innerWidth + 1,
  };
}"""


# The site in a real browser: a crawl of every page takes tens of seconds, so these run once in CI after
# make test (.ci/run: -m "scale or slow"), or with `pytest -m slow tests/test_site*browser.py`.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]

@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    """The pages written with the site's static files, each opened once at phone width in one browser:
    {"facts": {site path: FACTS}, "problems": [console errors, failed requests], "clicked": ...}."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    site = tmp_path_factory.mktemp("pages")
    ctx = load_context(ROOT / "build")
    ctx.render_template = render_template
    ctx.paths = {page.path for pages in PAGES for page in pages(ctx)}
    written = []
    for module in (articles, timeline, offers):
        for page in module.pages(ctx):
            (site / page.path).parent.mkdir(parents=True, exist_ok=True)
            content = page.render()
            (site / page.path).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
            written.append(page.path)
    (site / "static").mkdir()
    for path in STATIC.iterdir():
        (site / "static" / path.name).write_bytes(path.read_bytes())
    problems: list[str] = []
    facts = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.route("http://**/*", lambda route: (problems.append(f"request out: {route.request.url}"), route.abort()))
        context.route("https://**/*", lambda route: (problems.append(f"request out: {route.request.url}"), route.abort()))
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
        page.on("requestfailed", lambda r: problems.append(f"{page.url}: {r.url} {r.failure}"))
        for path in written:
            page.goto((site / path).as_uri(), wait_until="load")
            facts[path] = page.evaluate(FACTS)
        # a link to a quote lands on it; a click on it marks it (and every part of it)
        quote = read("quotes").iloc[0]
        anchor = f"quote-{quote['quote_id']}"
        page.goto((site / f"articles/{quote['article_id']}.html").as_uri() + f"#{anchor}", wait_until="load")
        target = page.evaluate("document.querySelector(':target') && document.querySelector(':target').textContent")
        page.dispatch_event(f"#{anchor}", "click")
        marked = page.evaluate(f"document.getElementById('{anchor}').classList.contains('is-current')")
        browser.close()
    return {"facts": facts, "problems": problems, "quote": (quote["text"], target, marked)}


def test_no_console_error_no_failed_request_and_no_sideways_scroll_on_a_phone(seen):
    assert len(seen["facts"]) == len(read("articles")) + 3  # the articles, their index, the timeline, the offers
    assert seen["problems"] == []
    assert [path for path, facts in seen["facts"].items() if facts["wide"]] == []


def test_highlighted_text_in_the_dom_is_the_rows_text(seen):
    spans = {name: read(name) for name in SPAN_TABLES}
    for article_id in read("articles")["article_id"]:
        facts = seen["facts"][f"articles/{article_id}.html"]
        expected = {}
        for name, (column, anchor) in SPAN_TABLES.items():
            for _, row in spans[name][spans[name]["article_id"] == article_id].iterrows():
                expected[anchor(row)] = row[column]
        assert facts["highlights"] == expected, article_id
        assert set(facts["anchored"]) == set(expected)  # the anchor a link lands on is the span's (first) highlight


def test_a_link_to_a_quote_lands_on_it_and_a_click_marks_it(seen):
    text, target, marked = seen["quote"]
    assert target == text
    assert marked


def test_the_chart_has_a_text_alternative_and_the_same_data_as_a_table(seen):
    facts = seen["facts"]["offers.html"]
    assert len(facts["charts"]) == 1
    chart = facts["charts"][0]
    assert chart["role"] == "img" and len(chart["label"]) > 40 and chart["caption"] and chart["width"] > 200
    assert sorted(facts["offer_rows"]) == sorted(f"offer-{o}" for o in read("offers")["offer_id"])


def test_the_timeline_shows_every_event_in_date_order(seen):
    assert seen["facts"]["timeline.html"]["events"] == [f"event-{e}" for e in read("events")["event_id"]]
