"""Article pages: each article's normalized text with every annotated span highlighted.

A span is any row of a table whose fields carry the W3C Web Annotation `oa:exact`, `oa:start` and
`oa:end` rdfTypes (quotes, offer mentions, figures, event mentions here); the table's foreign key to
`articles` says which text it indexes. Spans nest; where two cross, the later one is cut at the
earlier one's end into segments, each inside every span that covers it, so that the concatenated
text of a span's segments is always `text[char_start:char_end]`. A span is also cut at a line end
(each line of the text is a paragraph of the page).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .context import ANCHORS, Page, SiteContext
from .names import Names, amount

OA = "http://www.w3.org/ns/oa#"

# What each kind of span is called on the page; the legend's order. A table with spans that is not
# listed here is shown under its own title.
KINDS: dict[str, tuple[str, str]] = {
    "quotes": ("quote", "Quotation"),
    "offer_mentions": ("offer", "Offer mention"),
    "figures": ("figure", "Figure"),
    "event_mentions": ("event", "Event mention"),
}

# What each repair named in `articles.normalizations` does (README: Normalization; normalize.py).
NORMALIZATIONS = {
    "strip_bom": "a byte-order mark at the start of the file removed",
    "date_header_to_published_date": "the leading ‘ date YYYY-MM-DD’ header taken out of the text into published_date",
    "thorn_to_line_break": "each ‘þ’ of a broken export read as the line break it stood for",
    "y_diaeresis_to_curly_double_quote": "each ‘ÿ’ of a broken export read as a curly double quotation mark, opening or closing by what precedes it",
    "source_trailer_to_metadata": "the trailing ‘Source: <domain>’ line taken out of the text into source_domain",
    "unicode_nfc": "Unicode normalized to NFC",
    "lf_line_endings": "line endings made LF",
    "tidy_whitespace": "trailing spaces trimmed, one final newline",
}


@dataclass(frozen=True)
class Span:
    """One annotated span of an article: a row of a span table."""

    table: str
    key: tuple[str, ...]  # the row's primary key values
    start: int
    end: int
    text: str  # the row's oa:exact cell
    kind: str  # css-safe kind: quote, offer, figure, event (or the table's name)
    anchor: str  # the fragment id of its first segment on the article page
    row: dict[str, str] = field(compare=False, hash=False, repr=False)

    @property
    def uid(self) -> str:
        return self.anchor


@dataclass
class Node:
    start: int
    end: int
    span: Span | None = None
    children: list[Node] = field(default_factory=list)


def span_fields(resource: dict) -> tuple[str, str, str] | None:
    """The (exact, start, end) field names of a table whose fields declare them by rdfType, else None."""
    names = {f.get("rdfType"): f["name"] for f in (resource.get("schema") or {}).get("fields", [])}
    found = names.get(OA + "exact"), names.get(OA + "start"), names.get(OA + "end")
    return (found[0], found[1], found[2]) if all(found) else None  # type: ignore[return-value]


def article_field(resource: dict) -> str | None:
    """The field of a span table that refers to `articles` (its foreign key), else None."""
    for fk in (resource.get("schema") or {}).get("foreignKeys", []):
        reference = fk.get("reference", {})
        if reference.get("resource") == "articles":
            fields = fk.get("fields")
            return fields if isinstance(fields, str) else (fields[0] if fields else None)
    return None


def anchor_for(table: str, row: dict[str, str], key: tuple[str, ...]) -> str:
    """The fragment id of a span on its article page (context.ANCHORS; `<table>-<key>` for other tables)."""
    if table == "quotes":
        return ANCHORS["quote"](row["quote_id"])
    if table == "figures":
        return ANCHORS["figure"](row["figure_id"])
    if table == "offer_mentions":
        return ANCHORS["offer_mention"](row["offer_id"], row["char_start"])
    if table == "event_mentions":
        return ANCHORS["event_mention"](row["event_id"], row["char_start"])
    return f"{table.replace('_', '-')}-{'-'.join(key)}"


def article_spans(ctx: SiteContext) -> dict[str, list[Span]]:
    """Every span of every span table, by article, sorted by (start, longest first, table order, key)."""
    out: dict[str, list[Span]] = {}
    order = [t for t in KINDS if t in ctx.resources] + sorted(t for t in ctx.resources if t not in KINDS)
    for table in order:
        resource = ctx.resources[table]
        names, article = span_fields(resource), article_field(resource)
        frame = ctx.tables.get(table)
        if names is None or article is None or frame is None:
            continue
        exact, start, end = names
        kind = KINDS.get(table, (table.replace("_", "-"), ""))[0]
        primary = ctx.primary_key(table)
        for record in frame.to_dict("records"):
            row = {str(k): str(v) for k, v in record.items()}
            key = tuple(row[c] for c in primary)
            out.setdefault(row[article], []).append(
                Span(table, key, int(row[start]), int(row[end]), row[exact], kind, anchor_for(table, row, key), row))
    rank = {t: i for i, t in enumerate(order)}
    for spans in out.values():
        spans.sort(key=lambda s: (s.start, -s.end, rank[s.table], s.key))
    return out


def lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each non-empty line of the text (end excludes the newline)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def nest(start: int, end: int, spans: list[Span]) -> Node:
    """The spans clipped to [start, end) as a tree: a span that would cross an open one is cut at its end
    and the rest goes on after it (so every segment lies inside every span that covers it)."""
    root = Node(start, end)
    heap: list[tuple[int, int, int, Span]] = []
    for i, span in enumerate(spans):
        s, e = max(span.start, start), min(span.end, end)
        if s < e:
            heap.append((s, -e, i, span))
    heapq.heapify(heap)
    stack = [root]
    while heap:
        s, negative_end, i, span = heapq.heappop(heap)
        e = -negative_end
        while len(stack) > 1 and stack[-1].end <= s:
            stack.pop()
        parent = stack[-1]
        if e > parent.end:  # crosses the open span: cut here, the rest starts where the open one ends
            heapq.heappush(heap, (parent.end, -e, i, span))
            e = parent.end
        node = Node(s, e, span)
        parent.children.append(node)
        stack.append(node)
    return root


def describe(names: Names, span: Span) -> str:
    """A short plain-text title for a highlight (its kind and whose words or what item)."""
    row = span.row
    if span.table == "quotes":
        who = names.label("person", row["speaker_person_id"]) if row.get("speaker_person_id") else names.label("organization", row["speaker_org_id"])
        return f"Quotation: {who}"
    if span.table == "offer_mentions":
        return f"Offer mention: {row['offer_id']}, told by {names.label('organization', row['asserted_by_org_id'])}"
    if span.table == "figures":
        return f"Figure: {row['figure_id']}"
    if span.table == "event_mentions":
        return f"Event mention: {row['event_id']} ({row.get('reported_status', '')})"
    return f"{span.table}: {'.'.join(span.key)}"


def render_node(names: Names, text: str, node: Node, seen: dict[str, int], total: dict[str, int]) -> Markup:
    """The HTML of a node's text: plain text escaped, each child a highlight element around its own text."""
    out, pos = [], node.start
    for child in node.children:
        out.append(escape(text[pos:child.start]))
        span = child.span
        assert span is not None
        seen[span.uid] = seen.get(span.uid, 0) + 1
        part = seen[span.uid]
        attributes = f' id="{escape(span.anchor)}"' if part == 1 else ""
        if total[span.uid] > 1:
            attributes += f' data-part="{part}/{total[span.uid]}"'
        lift = same_kind_depth(child, span.kind)
        classes = f"hl hl-{span.kind}" + (f" lift-{min(lift, 3)}" if lift else "")
        out.append(Markup('<span class="{}" data-span="{}" data-table="{}" title="{}"{}>').format(
            classes, span.uid, span.table, describe(names, span), Markup(attributes)))
        out.append(render_node(names, text, child, seen, total))
        out.append(Markup("</span>"))
        pos = child.end
    out.append(escape(text[pos:node.end]))
    return Markup("").join(out)


def same_kind_depth(node: Node, kind: str) -> int:
    """How many highlights of the same kind nest inside this one, at most, one in another: an underline is
    drawn that much lower, so that nested spans of one kind stay apart."""
    return max((same_kind_depth(c, kind) + (1 if c.span is not None and c.span.kind == kind else 0) for c in node.children), default=0)


def count_segments(node: Node, total: dict[str, int]) -> None:
    for child in node.children:
        assert child.span is not None
        total[child.span.uid] = total.get(child.span.uid, 0) + 1
        count_segments(child, total)


@dataclass
class Paragraph:
    html: Markup
    notes: list[dict[str, object]]


def note(ctx: SiteContext, names: Names, span: Span, page: str) -> dict[str, object]:
    """What the margin note of a span says: its kind, its words, who or what, and its links."""
    row = span.row
    links: list[tuple[str, str]] = []
    row_href = ctx.url_for("row", (span.table, span.key), page=page)
    label = KINDS.get(span.table, (span.kind, ctx.resources[span.table].get("title", span.table)))[1]
    lines_: list[Markup] = []
    if span.table == "quotes":
        if row.get("speaker_person_id"):
            who = _link(ctx, names, "person", row["speaker_person_id"], page)
            if row.get("speaker_org_id"):
                org = row["speaker_org_id"]
                who = Markup("{} ({})").format(who, _link(ctx, names, "organization", org, page, names.short(org)))
        else:
            who = _link(ctx, names, "organization", row["speaker_org_id"], page)
        lines_.append(Markup("{} · as written: “{}” · {}").format(who, row["speaker_as_written"], row["kind"]))
    elif span.table == "offer_mentions":
        offer = names.row("offers", row["offer_id"])
        lines_.append(Markup("{}: {}").format(_link(ctx, names, "offer", row["offer_id"], page, row["offer_id"]), offer.get("description", "")))
        teller = _link(ctx, names, "organization", row["asserted_by_org_id"], page, names.short(row["asserted_by_org_id"]))
        if row.get("characterization") == "true":
            lines_.append(Markup("Told by {} ({}), not by the proposer, {}: a characterization.").format(
                teller, row.get("asserted_by_basis", ""), names.short(offer.get("proposer_org_id", ""))))
        else:
            lines_.append(Markup("Told by the proposer, {} ({}).").format(teller, row.get("asserted_by_basis", "")))
    elif span.table == "figures":
        lines_.append(Markup("{}: {}").format(figure_value(row), row.get("measure", "")))
        if row.get("offer_id"):
            offer_link = _link(ctx, names, "offer", row["offer_id"], page, row["offer_id"])
            lines_.append(Markup("Of offer {} ({})").format(offer_link, row.get("offer_role", "")))
    elif span.table == "event_mentions":
        event = names.row("events", row["event_id"])
        lines_.append(Markup("{}: {}").format(_link(ctx, names, "event", row["event_id"], page, row["event_id"]), event.get("description", "")))
        lines_.append(Markup("Reported here as {}.").format(row.get("reported_status", "")))
    if row_href:
        links.append((f"row in {span.table}", row_href))
    return {"label": label, "kind": span.kind, "anchor": span.anchor, "text": span.text, "lines": lines_, "links": links}


def figure_value(row: dict[str, str]) -> str:
    """A figure's value in words: 'more than 10,000', 'up to $12,000 a year', '1.5%', 'day 2'."""
    text = amount(row.get("value", ""), row.get("unit", ""))
    if not text:
        return ""
    qualifier = row.get("qualifier", "").replace("_", " ")
    return f"{qualifier} {text}" if qualifier else text


def _link(ctx: SiteContext, names: Names, kind: str, id: str, page: str, text: str | None = None) -> Markup:
    href = ctx.url_for(kind, id, page=page)
    shown = text if text is not None else names.label(kind, id)
    return Markup('<a href="{}">{}</a>').format(href, shown) if href else escape(shown)


def paragraphs(ctx: SiteContext, names: Names, article_id: str, spans: list[Span], page: str) -> list[Paragraph]:
    """The article's lines as paragraphs of highlighted HTML, each with the notes of the spans that start in it."""
    text = ctx.texts[article_id]
    trees = [nest(s, e, spans) for s, e in lines(text)]
    total: dict[str, int] = {}
    for tree in trees:
        count_segments(tree, total)
    seen: dict[str, int] = {}
    out = []
    for (s, e), tree in zip(lines(text), trees, strict=True):
        html = render_node(names, text, tree, seen, total)
        notes = [note(ctx, names, span, page) for span in spans if s <= span.start < e]
        out.append(Paragraph(html, notes))
    return out


def legend(spans_by_article: dict[str, list[Span]], ctx: SiteContext) -> list[tuple[str, str, str]]:
    """(kind, label, table) of each kind of span the site has, in the legend's order."""
    tables = {s.table for spans in spans_by_article.values() for s in spans}
    out = []
    for table in [t for t in KINDS if t in tables] + sorted(tables - set(KINDS)):
        kind, label = KINDS.get(table, (table.replace("_", "-"), str(ctx.resources[table].get("title", table))))
        out.append((kind, label, table))
    return out


def speakers(ctx: SiteContext, names: Names, spans: list[Span], page: str) -> list[tuple[Markup, list[Span]]]:
    """Who is quoted in the article (a person with their organization, or an organization), each with
    their quotations in the order of the text; speakers by their first quotation."""
    out: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        if span.table == "quotes":
            out.setdefault((span.row.get("speaker_person_id", ""), span.row.get("speaker_org_id", "")), []).append(span)
    listed = []
    for (person, org), quotes in out.items():
        org_link = _link(ctx, names, "organization", org, page, names.short(org)) if org else Markup("")
        if person:
            who = _link(ctx, names, "person", person, page)
            who = Markup("{} ({})").format(who, org_link) if org else who
        else:
            who = org_link
        listed.append((who, quotes))
    return listed


def article_page(ctx: SiteContext, names: Names, article_id: str, spans_by_article: dict[str, list[Span]]) -> str:
    page = f"articles/{article_id}.html"
    article = names.row("articles", article_id)
    spans = spans_by_article.get(article_id, [])
    repairs = [(name, NORMALIZATIONS.get(name, "")) for name in article.get("normalizations", "").split(";") if name]
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.table] = counts.get(span.table, 0) + 1
    return ctx.render("article.html.j2", page, article=article, article_id=article_id, paragraphs=paragraphs(ctx, names, article_id, spans, page),
                      name=names.label, speakers=speakers(ctx, names, spans, page),
                      legend=legend(spans_by_article, ctx), counts=counts, repairs=repairs)


def index_page(ctx: SiteContext, names: Names, ids: list[str], spans_by_article: dict[str, list[Span]]) -> str:
    """articles/index.html: every article, by date, with what is marked in it."""
    rows = [names.row("articles", a) or {"article_id": a} for a in ids]
    rows.sort(key=lambda r: (r.get("published_date", ""), r["article_id"]))
    counts = {a: {t: sum(1 for s in spans_by_article.get(a, []) if s.table == t) for t in KINDS} for a in ids}
    return ctx.render("articles_index.html.j2", "articles/index.html", articles=rows, counts=counts,
                      legend=legend(spans_by_article, ctx), name=names.label)


def pages(ctx: SiteContext) -> list[Page]:
    """articles/index.html and one page per article, articles/<article_id>.html."""
    articles = ctx.table("articles")
    if "article_id" not in articles.columns:
        return []
    spans = article_spans(ctx)
    names = Names(ctx)
    ids = [str(a) for a in articles["article_id"] if str(a) in ctx.texts]
    out = [Page("articles/index.html", lambda: index_page(ctx, names, ids, spans))]
    return out + [Page(f"articles/{a}.html", lambda a=a: article_page(ctx, names, a, spans)) for a in ids]  # type: ignore[misc]
