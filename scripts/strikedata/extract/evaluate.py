"""Score the assistant against curated annotations it has not seen.

Each curated article is extracted with its own annotations hidden, and with registries cut down to
what the other articles name (a new article arrives when the others are curated). Then:
quotation recall and precision (exact spans), speaker accuracy (of the quotations found), people
recall (named people found), figure recall (same value on an overlapping span), and date accuracy
(of the curated dated mentions the assistant also found, the share whose date falls in the curated
event's dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize import normalize
from ..paths import UnsafePath, read_inside
from ..spans import NotFound, locate
from .draft import MAX_ARTICLE_BYTES, Draft, extract_article
from .entities import Org, Person, Registry
from .errors import ExtractError, read_yaml

PRECISION_DAYS = {"day": 0, "week": 6}
# Happenings that last: with no end_date ("The end is not in the articles"), any later day is inside them.
LASTING = {"strike", "school_closure", "picket"}


@dataclass
class Score:
    """One metric's hits out of its cases: a recall, a precision or an accuracy. (Not findings.Tally,
    which caps how many findings of a kind a build reports.)"""

    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1

    def count(self, ok: bool, misses: list[str], miss: str) -> None:
        """Count one case; a failed one is written down for --misses."""
        self.add(ok)
        if not ok:
            misses.append(miss)

    def rate(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass
class ArticleScores:
    """One article's Score on every metric, and the misses behind them."""

    article_id: str
    quote_recall: Score = field(default_factory=Score)
    quote_precision: Score = field(default_factory=Score)
    speaker: Score = field(default_factory=Score)
    people: Score = field(default_factory=Score)
    figures: Score = field(default_factory=Score)
    dates: Score = field(default_factory=Score)
    dated_found: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)

    METRICS = ("quote_recall", "quote_precision", "speaker", "people", "figures", "dates", "dated_found")


@dataclass(frozen=True)
class GoldCorpus:
    """Curated (hand-annotated) articles with the raw bytes they were made from, and the full
    registries: the answers the assistant is scored against. (Not the article texts a build checks.)"""

    articles: list[tuple[dict, bytes]]
    registry: Registry
    hide_known_people: bool = False  # a corpus of another world: its people are all new

    @classmethod
    def project(cls, root: Path) -> GoldCorpus:
        return cls._load(root / "seeds", root / "seeds" / "articles", root, False)

    @classmethod
    def folder(cls, folder: Path) -> GoldCorpus:
        """A held-out corpus laid out as raw/, articles/ and the three registry files."""
        return cls._load(folder, folder / "articles", folder, True)

    @classmethod
    def _load(cls, registries: Path, articles: Path, seed_root: Path, hide: bool) -> GoldCorpus:
        registry = Registry.load(registries)
        loaded = []
        for path in sorted(articles.glob("*.yaml")):
            shown = f"{articles.name}/{path.name}"
            gold = read_yaml(path, shown)
            if not isinstance(gold, dict) or not isinstance(gold.get("seed_file"), str):
                raise ExtractError(f"{shown}:1: an article annotation names its seed_file")
            try:
                raw = read_inside(seed_root, gold["seed_file"], MAX_ARTICLE_BYTES)
            except (UnsafePath, OSError) as error:
                raise ExtractError(f"{shown}: seed_file {gold['seed_file']!r}: {error}") from None
            loaded.append((gold, raw))
        return cls(loaded, registry, hide)


def evaluate(corpus: GoldCorpus) -> list[ArticleScores]:
    texts = {gold["article_id"]: normalize(raw).text for gold, raw in corpus.articles}
    scores = []
    for gold, raw in corpus.articles:
        others = [t for a, t in texts.items() if a != gold["article_id"]]
        visible = _visible(corpus.registry, others, corpus.hide_known_people, gold, corpus)
        stated = normalize(raw).published_date
        published = None if stated else dt.date.fromisoformat(str(gold["published_date"]))
        draft = extract_article(raw, gold["seed_file"], visible, published=published)
        scores.append(score_article(gold, draft, corpus.registry, texts[gold["article_id"]]))
    return scores


def _visible(registry: Registry, other_texts: list[str], hide_people: bool, gold: dict, corpus: GoldCorpus) -> Registry:
    """What the registries held before this article arrived: entries the other articles name."""
    def named(surfaces) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", t) for s in surfaces if s for t in other_texts)

    orgs = {k: o for k, o in registry.orgs.items() if o.kind == "news_outlet" or named(o.surfaces())}
    people = {} if hide_people else {k: p for k, p in registry.people.items() if named([p.name, *p.aliases])}
    mentioned_elsewhere = {m.get("event_id") for g, _ in corpus.articles if g is not gold for m in g.get("event_mentions") or []}
    events = {k: e for k, e in registry.events.items() if k in mentioned_elsewhere}
    return Registry({k: Org(**o.__dict__) for k, o in orgs.items()},
                    {k: Person(**p.__dict__) for k, p in people.items()}, events)


def score_article(gold: dict, draft: Draft, registry: Registry, text: str) -> ArticleScores:
    """How the draft of one article compares with its curated annotation, metric by metric (the
    misses in the order the metrics are read)."""
    result = ArticleScores(gold["article_id"])
    _score_quotes(result, gold, draft, registry, text)
    _score_people(result, draft, registry, text)
    _score_figures(result, gold, draft, text)
    _score_dated_mentions(result, gold, draft, registry, text)
    return result


def _curated_span(text: str, entry: dict, key: str = "text") -> tuple[int, int] | None:
    """Where a curated entry's text stands, as the build locates it; None when it is not there."""
    found = locate(text, str(entry[key]), entry.get("occurrence", 1))
    return None if isinstance(found, NotFound) else (found.start, found.end)


def _score_quotes(result: ArticleScores, gold: dict, draft: Draft, registry: Registry, text: str) -> None:
    """Quotation recall (a curated quotation proposed with its span), speaker accuracy (of those
    found), then quotation precision (a proposed quotation that some curated one matched)."""
    proposed_quotes = [(draft.spans[id(q)], q) for q in draft.quotes]
    matched_proposals: set[int] = set()
    for quote in gold.get("quotes") or []:
        span = _curated_span(text, quote)
        match = next(((i, q) for i, (s, q) in enumerate(proposed_quotes) if span and _same_quote(s, span, text)), None)
        result.quote_recall.count(match is not None, result.misses, f"quote not found: {quote['text'][:70]!r}")
        if match is None:
            continue
        matched_proposals.add(match[0])
        proposal = match[1]
        result.speaker.count(_same_speaker(quote, proposal, registry, draft), result.misses,
                             f"speaker of {quote['text'][:40]!r}: proposed {proposal.get('speaker_person_id') or proposal.get('speaker_org_id')}, "
                             f"curated {quote.get('speaker_person_id') or quote.get('speaker_org_id')}")
    for i, (_, q) in enumerate(proposed_quotes):
        result.quote_precision.count(i in matched_proposals, result.misses, f"proposed quote not curated: {q['text'][:70]!r}")


def _score_people(result: ArticleScores, draft: Draft, registry: Registry, text: str) -> None:
    """People recall: every registry person whose full name the text holds is one the draft names."""
    names = set(draft.people_named)
    for person in registry.people.values():
        if re.search(rf"(?<!\w){re.escape(person.name)}(?!\w)", text):
            result.people.count(person.name in names, result.misses, f"person not found: {person.name}")


def _score_figures(result: ArticleScores, gold: dict, draft: Draft, text: str) -> None:
    """Figure recall: a proposed figure of the same value overlaps each curated one."""
    proposed_figures = [(draft.spans[id(f)], f) for f in draft.figures]
    for figure in gold.get("figures") or []:
        span = _curated_span(text, figure)
        ok = any(_overlap(s, span) and float(f["value"]) == float(figure["value"]) for s, f in proposed_figures)
        result.figures.count(ok, result.misses, f"figure not found: {figure['text']!r} = {figure['value']} {figure.get('unit')}")


def _score_dated_mentions(result: ArticleScores, gold: dict, draft: Draft, registry: Registry, text: str) -> None:
    """Dated mentions found (a proposed mention overlaps the curated one), and date accuracy of those
    whose curated event the registry holds: a proposed date falls within the event's dates."""
    proposed_mentions = [(draft.spans[id(m)], m) for m in draft.event_mentions]
    for mention in gold.get("event_mentions") or []:
        span = _curated_span(text, mention)
        event = registry.events.get(mention["event_id"])
        overlapping = [m for s, m in proposed_mentions if _overlap(s, span)]
        result.dated_found.count(bool(overlapping), result.misses, f"dated mention not found: {mention['text'][:70]!r}")
        if not overlapping or not event:
            continue
        proposed = [draft.dates.get(m["event_id"]) for m in overlapping]
        result.dates.count(any(d and _within(d, event) for d in proposed), result.misses,
                           f"date of {mention['text'][:50]!r}: proposed {', '.join(d or '?' for d in proposed)}, "
                           f"curated {event.get('start_date')}..{event.get('end_date') or ''} ({event.get('date_precision')})")


def _overlap(a: tuple[int, int], b: tuple[int, int] | None) -> bool:
    return b is not None and a[0] < b[1] and b[0] < a[1]


def _same_quote(proposed: tuple[int, int], curated: tuple[int, int], text: str) -> bool:
    """The same span; or a quotation the assistant joined across a paragraph break, of which the
    curated one is the part before or after the break."""
    if proposed == curated:
        return True
    inside = proposed[0] <= curated[0] and curated[1] <= proposed[1]
    joined = "\n" in text[proposed[0]:proposed[1]]
    return inside and joined and (proposed[0] == curated[0] or proposed[1] == curated[1])


def _same_speaker(curated: dict, proposal: dict, registry: Registry, draft: Draft) -> bool:
    person = curated.get("speaker_person_id")
    if person:
        proposed = proposal.get("speaker_person_id")
        if proposed == person:
            return True
        known = registry.people.get(person)
        new = next((p for p in draft.new_people if p["person_id"] == proposed), None)
        return bool(known and new and new["name"] == known.name)
    return not proposal.get("speaker_person_id") and proposal.get("speaker_org_id") == curated.get("speaker_org_id")


def _within(proposed: str, event: dict) -> bool:
    start = dt.date.fromisoformat(str(event["start_date"]))
    precision = event.get("date_precision") or "day"
    if event.get("end_date"):
        end = dt.date.fromisoformat(str(event["end_date"]))
    elif event.get("event_type") in LASTING:
        end = dt.date.max
    elif precision == "month":
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif precision == "year":
        end = start.replace(month=12, day=31)
    else:
        end = start + dt.timedelta(days=PRECISION_DAYS.get(precision, 0))
    return start <= dt.date.fromisoformat(proposed) <= end


def table(scores: list[ArticleScores], title: str) -> str:
    """A Markdown table: one row per article, then the totals."""
    heads = ["article", "quote recall", "quote precision", "speaker accuracy", "people recall", "figure recall",
             "date accuracy", "dated mentions found"]
    rows = [f"| {' | '.join(heads)} |", "|" + "---|" * len(heads)]

    def cell(t: Score) -> str:
        return "n/a" if not t.total else f"{100 * t.hit / t.total:.0f}% ({t.hit}/{t.total})"

    for s in scores:
        rows.append("| " + " | ".join([s.article_id] + [cell(getattr(s, m)) for m in ArticleScores.METRICS]) + " |")
    total = {m: Score(sum(getattr(s, m).hit for s in scores), sum(getattr(s, m).total for s in scores)) for m in ArticleScores.METRICS}
    rows.append("| " + " | ".join([f"**{title}**"] + [f"**{cell(total[m])}**" for m in ArticleScores.METRICS]) + " |")
    return "\n".join(rows)


def totals(scores: list[ArticleScores]) -> dict[str, float | None]:
    return {m: Score(sum(getattr(s, m).hit for s in scores), sum(getattr(s, m).total for s in scores)).rate() for m in ArticleScores.METRICS}
