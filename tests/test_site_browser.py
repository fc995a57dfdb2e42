"""The site in a real browser: Debian's Chromium driven by Playwright, every page opened from disk.

The site is built once for the module and crawled from index.html in one browser: every page that
any link reaches is opened, and every page of the site must be reached. Each test then checks one
promise across all pages: no console error, no failed request, no request leaving the site folder,
no broken link (a missing file or a #fragment with no such id on its page), a language, a title,
headings in order, a text alternative for every image and chart; and the tables' controls are
driven from the keyboard alone.

Without /usr/bin/chromium these tests skip, unless STRIKEDATA_REQUIRE_CHROMIUM=1 (as CI sets), when
they fail: CI must never pass for want of a browser.
"""

from __future__ import annotations

import posixpath
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from conftest import CHROMIUM, ROOT, require_chromium

WEB = ("http://", "https://", "mailto:")

# What each page tells about itself, read in the page once it has loaded.
PAGE_FACTS = """() => {
  const named = (el) => (el.getAttribute('aria-label') || '').trim() || (el.getAttribute('aria-labelledby') || '').trim()
      || (el.querySelector(':scope > title') ? el.querySelector(':scope > title').textContent.trim() : '');
  return {
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    headings: Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(h => [Number(h.tagName[1]), h.textContent.trim()]),
    ids: Array.from(document.querySelectorAll('[id]')).map(e => e.id),
    links: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href')),
    sources: Array.from(document.querySelectorAll('[src], link[href], object[data]')).map(
        e => e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('data')),
    images_without_alt: Array.from(document.querySelectorAll('img:not([alt]), input[type=image]:not([alt])')).map(e => e.outerHTML.slice(0, 120)),
    charts_without_name: Array.from(document.querySelectorAll('svg')).filter(
        s => s.getAttribute('aria-hidden') !== 'true' && !s.closest('[aria-hidden="true"]') && !s.parentElement.closest('svg')
          && !(s.getAttribute('role') === 'img' && named(s))).map(s => s.outerHTML.slice(0, 120)),
    unnamed_controls: Array.from(document.querySelectorAll('input, select, textarea, button')).filter(
        c => !(c.labels && c.labels.length) && !(c.getAttribute('aria-label') || '').trim()
          && !c.textContent.trim()).map(c => c.outerHTML.slice(0, 120)),
    duplicate_ids: (() => { const seen = new Set(), twice = new Set();
        document.querySelectorAll('[id]').forEach(e => { if (seen.has(e.id)) twice.add(e.id); seen.add(e.id); });
        return Array.from(twice); })(),
    overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
  };
}"""


@dataclass
class Visit:
    facts: dict
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@dataclass
class Crawl:
    site: Path
    visits: dict[str, Visit]  # site path ("people/x.html") -> what the browser saw
    outside: list[str]  # requests to anything but a file inside the site
    browser: object
    context: object

    def url(self, path: str) -> str:
        return (self.site / path).as_uri()




def site_path(site: Path, url: str) -> str | None:
    """The site path a file:// URL names ("people/x.html"), or None when it is not a file inside the site."""
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    path = Path(unquote(parts.path))
    try:
        return path.resolve().relative_to(site.resolve()).as_posix()
    except ValueError:
        return None


def resolve(page: str, href: str) -> tuple[str, str]:
    """(site path, fragment) of a relative link `href` on site page `page`; the path may climb out ('../x')."""
    target, fragment = urldefrag(href)
    if not target:
        return page, fragment
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target))), fragment


# The site in a real browser: a crawl of every page takes tens of seconds, so these run once in CI after
# make test (.ci/run: -m "scale or slow"), or with `pytest -m slow tests/test_site*browser.py`.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]

@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    require_chromium()
    from playwright.sync_api import sync_playwright

    from strikedata.site import build_site

    site = tmp_path_factory.mktemp("site") / "site"
    build_site(ROOT / "build", site)
    visits: dict[str, Visit] = {}
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        # The crawl reads every page at a phone's width (links and headings do not depend on it; overflow does).
        context = browser.new_context(viewport={"width": 390, "height": 844})

        def guard(route):  # nothing leaves the machine, whatever a page asks for
            outside.append(route.request.url)
            route.abort()

        context.route("http://**/*", guard)
        context.route("https://**/*", guard)
        page = context.new_page()
        current: dict[str, Visit] = {}
        page.on("console", lambda m: m.type == "error" and current["visit"].console_errors.append(m.text))
        page.on("pageerror", lambda e: current["visit"].console_errors.append(str(e)))
        page.on("requestfailed", lambda r: current["visit"].failed.append(f"{r.url}: {r.failure}"))
        page.on("request", lambda r: site_path(site, r.url) is None and outside.append(r.url))
        queue = ["index.html"]
        while queue:
            path = queue.pop()
            if path in visits:
                continue
            current["visit"] = visits[path] = Visit({})
            page.goto((site / path).as_uri(), wait_until="commit")
            page.wait_for_load_state("load")  # the same wait as goto(wait_until="load"), a third quicker here
            visits[path].facts = page.evaluate(PAGE_FACTS)
            for href in visits[path].facts["links"]:
                if href.startswith(WEB):
                    continue
                target, _ = resolve(path, href)
                if target.endswith(".html") and target not in visits and (site / target).is_file():
                    queue.append(target)
        page.close()
        yield Crawl(site, visits, outside, browser, context)
        context.close()
        browser.close()


def test_every_page_is_reached_from_the_landing_page(crawl):
    pages = sorted(p.relative_to(crawl.site).as_posix() for p in crawl.site.rglob("*.html"))
    assert len(pages) > 5
    assert [p for p in pages if p not in crawl.visits] == []


def test_no_console_error_and_no_failed_request(crawl):
    errors = {path: v.console_errors for path, v in crawl.visits.items() if v.console_errors}
    failed = {path: v.failed for path, v in crawl.visits.items() if v.failed}
    assert errors == {}
    assert failed == {}


def test_no_request_leaves_the_site(crawl):
    assert crawl.outside == []
    for path, visit in crawl.visits.items():
        for source in visit.facts["sources"]:
            assert not source.startswith(("http:", "https:", "//")), f"{path} loads {source}"
            assert not resolve(path, source)[0].startswith(".."), f"{path} loads {source}, outside the site"


def test_every_internal_link_and_fragment_exists(crawl):
    broken = []
    for path, visit in crawl.visits.items():
        for href in visit.facts["links"] + visit.facts["sources"]:
            if href.startswith(WEB):
                continue
            if href.startswith(("file:", "/", "javascript:", "data:")):
                broken.append(f"{path}: {href} (not a relative link)")
                continue
            target, fragment = resolve(path, href)
            if target.startswith("..") or not (crawl.site / target).is_file():
                broken.append(f"{path}: {href} (no such file)")
            elif fragment and (target not in crawl.visits or fragment not in crawl.visits[target].facts["ids"]):
                broken.append(f"{path}: {href} (no id {fragment!r} on {target})")
    assert broken == []


def test_language_title_and_headings_in_order(crawl):
    problems = []
    for path, visit in crawl.visits.items():
        facts = visit.facts
        if facts["lang"] != "en":
            problems.append(f"{path}: lang={facts['lang']!r}")
        if not facts["title"].strip():
            problems.append(f"{path}: no title")
        levels = [level for level, _ in facts["headings"]]
        if not levels or levels[0] != 1 or levels.count(1) != 1:
            problems.append(f"{path}: headings must begin with the one h1: {levels}")
        for before, after in zip(levels, levels[1:], strict=False):
            if after > before + 1:
                problems.append(f"{path}: h{before} then h{after}")
                break
        empty = [text for _, text in facts["headings"] if not text]
        if empty:
            problems.append(f"{path}: an empty heading")
    assert problems == []


def test_titles_tell_pages_apart(crawl):
    titles: dict[str, list[str]] = {}
    for path, visit in crawl.visits.items():
        titles.setdefault(visit.facts["title"], []).append(path)
    assert {t: p for t, p in titles.items() if len(p) > 1} == {}


def test_images_and_charts_have_text_alternatives_and_controls_have_names(crawl):
    for path, visit in crawl.visits.items():
        assert visit.facts["images_without_alt"] == [], path
        assert visit.facts["charts_without_name"] == [], path
        assert visit.facts["unnamed_controls"] == [], path
        assert visit.facts["duplicate_ids"] == [], path


def test_pages_fit_a_phone_screen(crawl):
    """At 390 px (the crawl's width) nothing makes the whole page scroll sideways (wide tables scroll in their own box)."""
    assert [path for path, visit in crawl.visits.items() if visit.facts["overflow"]] == []


def _visible_rows(page) -> list[str]:
    return page.eval_on_selector_all("table[data-rows] tbody tr:not([hidden])", "rows => rows.map(r => r.id)")


def _tab_to(page, selector: str, most: int = 12) -> None:
    """Press Tab until the element `selector` has the focus (fails after `most` presses)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def test_skip_link_is_the_first_stop_and_moves_to_the_content(crawl):
    page = crawl.context.new_page()
    page.goto(crawl.url("people/index.html"), wait_until="load")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("getComputedStyle(document.activeElement).left") != "-999px"  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()


def test_table_filter_and_sort_from_the_keyboard(crawl):
    """On the quotes page: type in the filter, choose a column, sort both ways, all with keys."""
    import pandas as pd

    quotes = pd.read_csv(ROOT / "build" / "quotes.csv", dtype=str, keep_default_na=False)
    page = crawl.context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(crawl.url("tables/quotes.html"), wait_until="load")
    assert len(_visible_rows(page)) == len(quotes)
    count = page.locator("output[aria-live]")
    assert count.inner_text() == f"all {len(quotes)} rows shown"

    # From the link just before the controls (the CSV's, in the paragraph under "Rows"), Tab goes on to them.
    page.focus("#rows-heading + p a")
    # Filter: the rows whose cells hold a speaker's id, as the CSV says.
    speaker = quotes.loc[quotes["speaker_person_id"] != "", "speaker_person_id"].value_counts().index[0]
    expected = set(quotes.loc[quotes.apply(lambda r: any(speaker in str(v) for v in r.values), axis=1), "quote_id"])
    assert 0 < len(expected) < len(quotes)
    _tab_to(page, "input[type=search]")
    page.keyboard.type(speaker)
    assert set(_visible_rows(page)) == expected
    assert count.inner_text() == f"{len(expected)} of {len(quotes)} rows shown"

    # The words of the column that only links elsewhere ("in its article") are not searched.
    page.keyboard.press("Control+A")
    page.keyboard.type("in its article")
    assert _visible_rows(page) == [] and count.inner_text() == f"0 of {len(quotes)} rows shown"
    page.keyboard.press("Control+A")
    page.keyboard.type(speaker)

    # The column choice narrows it to one column, chosen with the arrow keys.
    _tab_to(page, "select")
    column = list(page.eval_on_selector_all("select option", "os => os.map(o => o.textContent)")).index("speaker_person_id")
    for _ in range(column):
        page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("select", "s => s.options[s.selectedIndex].textContent") == "speaker_person_id"
    assert set(_visible_rows(page)) == set(quotes.loc[quotes["speaker_person_id"].str.contains(speaker), "quote_id"])

    # Clearing the box shows every row again.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.type") == "search"
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    assert len(_visible_rows(page)) == len(quotes)

    # Sort by char_start (an integer column: numbers, not text), then the other way, with Enter and Space.
    button = 'th[data-name="char_start"] button'
    _tab_to(page, button)
    page.keyboard.press("Enter")
    assert page.get_attribute('th[data-name="char_start"]', "aria-sort") == "ascending"
    order = quotes.assign(n=quotes["char_start"].astype(int)).sort_values("n", kind="stable")["quote_id"].tolist()
    assert _visible_rows(page) == order
    page.keyboard.press("Space")
    assert page.get_attribute('th[data-name="char_start"]', "aria-sort") == "descending"
    starts = [int(quotes.set_index("quote_id").loc[q, "char_start"]) for q in _visible_rows(page)]
    assert starts == sorted(starts, reverse=True)
    page.close()


def test_text_sort_puts_empty_cells_last_both_ways(crawl):
    import pandas as pd

    quotes = pd.read_csv(ROOT / "build" / "quotes.csv", dtype=str, keep_default_na=False)
    empty = set(quotes.loc[quotes["speaker_person_id"] == "", "quote_id"])
    assert empty, "the data has quotes with no person speaking (an organization's statement)"
    page = crawl.context.new_page()
    page.goto(crawl.url("tables/quotes.html"), wait_until="load")
    for _ in range(2):
        page.click('th[data-name="speaker_person_id"] button')
        rows = _visible_rows(page)
        assert set(rows[-len(empty):]) == empty
    page.close()


def test_without_chromium_the_tests_skip_unless_ci_requires_them(monkeypatch, tmp_path):
    import conftest

    monkeypatch.setattr(conftest, "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("STRIKEDATA_REQUIRE_CHROMIUM", raising=False)
    with pytest.raises(pytest.skip.Exception):
        conftest.require_chromium()
    monkeypatch.setenv("STRIKEDATA_REQUIRE_CHROMIUM", "1")
    with pytest.raises(pytest.fail.Exception, match="must run"):
        conftest.require_chromium()


def save_screenshots(site: Path, out: Path, widths: tuple[int, ...] = (1280, 390)) -> list[Path]:
    """Every page of `site` as PNGs in `out` at each width, the height of a screen, top and further down,
    to look at (python tests/test_site_browser.py OUT_FOLDER [SITE_FOLDER])."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 900 if width > 600 else 844})
            for path in sorted(site.rglob("*.html")):
                page.goto(path.as_uri(), wait_until="load")
                height = page.evaluate("document.documentElement.scrollHeight")
                for y in range(0, min(height, 4 * 900), 900):
                    page.evaluate(f"window.scrollTo(0, {y})")
                    saved.append(out / f"{width}-{path.relative_to(site).as_posix().replace('/', '_')}-{y}.png")
                    page.screenshot(path=str(saved[-1]))
            page.close()
        browser.close()
    return saved


if __name__ == "__main__":
    import tempfile

    from strikedata.site import build_site

    if len(sys.argv) < 2:
        sys.exit("usage: python tests/test_site_browser.py OUT_FOLDER [SITE_FOLDER]  (screenshots of every page)")
    site = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "site"
    if len(sys.argv) <= 2:
        build_site(ROOT / "build", site)
    print(f"{len(save_screenshots(site, Path(sys.argv[1])))} screenshots in {sys.argv[1]}")
