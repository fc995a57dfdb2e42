"""Score the assistant against curated annotations it has not seen.

Each curated article is extracted with its own annotations hidden, and with registries cut down to
what the other articles name (a new article arrives when the others are curated). Then:
quotation recall and precision (exact spans), speaker accuracy (of the quotations found), people
recall (named people found), figure recall (same value on an overlapping span), date accuracy
(of the curated dated mentions the assistant also found, the share whose date falls in the curated
event's dates), offer item recall and precision (an item of the same proposer, item type, value and
unit), offer mentions found (a proposed mention overlaps the curated one) and teller accuracy (of
those, the same asserted_by_org_id), and event participant recall (of the curated events whose
mention was found, each organization in its role).

The answers are read where the resource registry (datapackage.json) says each resource's rows live:
the lists of the article files, and the registry files (seeds/<resource>.yaml, or <resource>.yaml in
a held-out folder).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..normalize import normalize
from ..paths import UnsafePath, read_inside
from ..registry import Registry as Resources, RegistryError, load_registry
from ..spans import NotFound, locate
from .draft import LASTING, MAX_ARTICLE_BYTES, Draft, extract_article
from .entities import NICKNAMED, Org, Person, Registry
from .errors import ExtractError, read_yaml

PRECISION_DAYS = {"day": 0, "week": 6}
# How an event whose end is unknown ends: any later day is inside it.
OPEN_ENDED = {"not_in_articles", "ongoing"}


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
    offer_items: Score = field(default_factory=Score)
    offer_precision: Score = field(default_factory=Score)
    offer_mentions: Score = field(default_factory=Score)
    tellers: Score = field(default_factory=Score)
    participants: Score = field(default_factory=Score)
    invented: list[str] = field(default_factory=list)  # new people proposed whom no curated person (name or alias) is
    misses: list[str] = field(default_factory=list)

    METRICS = ("quote_recall", "quote_precision", "speaker", "people", "figures", "dates", "dated_found",
               "offer_items", "offer_precision", "offer_mentions", "tellers", "participants")


@dataclass(frozen=True)
class GoldCorpus:
    """Curated (hand-annotated) articles with the raw bytes they were made from, the full registries,
    and the curated rows of every registry file: the answers the assistant is scored against. (Not
    the article texts a build checks.)"""

    articles: list[tuple[dict, bytes]]
    registry: Registry
    hide_known_people: bool = False  # a corpus of another world: its people are all new
    rows: dict[str, list[dict]] = field(default_factory=dict)  # registry-file resource -> its curated rows

    @classmethod
    def project(cls, root: Path) -> GoldCorpus:
        resources = load_registry(root)
        files = {name: root / path for name, path in resources.registry_files.items()}
        return cls._load(files, root / "seeds" / "articles", root, False)

    @classmethod
    def folder(cls, folder: Path, root: Path | None = None) -> GoldCorpus:
        """A held-out corpus laid out as raw/, articles/ and a file <resource>.yaml for each resource
        the project's registry keeps in a registry file (`root`: the project; by default the one
        holding the folder, else the one this program belongs to)."""
        resources = _resources(folder, root)
        files = {name: folder / Path(path).name for name, path in resources.registry_files.items()}
        return cls._load(files, folder / "articles", folder, True)

    @classmethod
    def _load(cls, files: dict[str, Path], articles: Path, seed_root: Path, hide: bool) -> GoldCorpus:
        rows = {name: _entries(path) for name, path in files.items()}
        folders = {path.parent for path in files.values()}
        folder = next(iter(folders)) if len(folders) == 1 else articles.parent
        registry = Registry.load(folder, {name: os.path.relpath(path, folder) for name, path in files.items()})
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
        return cls(loaded, registry, hide, rows)

    def listed(self, gold: dict, resource: str) -> list[dict]:
        """The entries of one of an article file's lists (offer_mentions, event_mentions, ...)."""
        entries = gold.get(resource)
        return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []

    def by_id(self, resource: str, key: str) -> dict[str, dict]:
        return {str(r[key]): r for r in self.rows.get(resource, []) if r.get(key) is not None}


def _resources(folder: Path, root: Path | None) -> Resources:
    """The resource registry of the project `root`, or of the nearest project holding `folder`, or of
    the project this program is part of."""
    here = Path(__file__).resolve().parents[3]
    candidates = [root] if root else [*folder.resolve().parents, here]
    for candidate in candidates:
        if (candidate / "datapackage.json").is_file():
            try:
                return load_registry(candidate)
            except (RegistryError, OSError, ValueError) as error:
                raise ExtractError(f"{candidate / 'datapackage.json'}: {error}") from None
    raise ExtractError(f"no datapackage.json above {folder}: give the project whose resources the corpus follows")


def _entries(path: Path) -> list[dict]:
    """The rows of a registry file (none when it is not there)."""
    if not os.path.lexists(path):
        return []
    data = read_yaml(path, f"{path.parent.name}/{path.name}") or []
    if not isinstance(data, list):
        raise ExtractError(f"{path.parent.name}/{path.name}:1: expected a list of entries")
    return [dict(e) for e in data if isinstance(e, dict)]


# The passages of a gold article file located in its text, as the build locates them: (list, key).
GOLD_PASSAGES = (("quotes", "text"), ("figures", "text"), ("event_mentions", "text"), ("offer_mentions", "evidence_text"))
MOST_GOLD_ERRORS = 10  # listed before the rest are counted


def evaluate(corpus: GoldCorpus) -> list[ArticleScores]:
    """Each gold article scored against the draft made without it. A gold passage not in its article's
    text is an error in the gold, not a miss of the assistant's: ExtractError, listing them."""
    texts = {gold["article_id"]: normalize(raw).text for gold, raw in corpus.articles}
    _check_gold_passages(corpus, texts)
    scores = []
    for gold, raw in corpus.articles:
        others = [t for a, t in texts.items() if a != gold["article_id"]]
        visible = _visible(corpus.registry, others, corpus.hide_known_people, gold, corpus)
        # The date is given (--date) when the text states none, or one the gold marks as wrong (overrides_header_date).
        stated = normalize(raw).published_date and not gold.get("overrides_header_date")
        published = None if stated else dt.date.fromisoformat(str(gold["published_date"]))
        draft = extract_article(raw, gold["seed_file"], visible, published=published)
        scores.append(score_article(gold, draft, corpus, texts[gold["article_id"]]))
    return scores


def _check_gold_passages(corpus: GoldCorpus, texts: dict[str, str]) -> None:
    errors = [f"{gold['article_id']}: {resource}: {str(entry[key])[:60]!r} (occurrence {entry.get('occurrence', 1)}) "
              "is not in the article's text"
              for gold, _ in corpus.articles for resource, key in GOLD_PASSAGES for entry in corpus.listed(gold, resource)
              if key in entry and _curated_span(texts[gold["article_id"]], entry, key) is None]
    if errors:
        more = f"\n… and {len(errors) - MOST_GOLD_ERRORS} more" if len(errors) > MOST_GOLD_ERRORS else ""
        raise ExtractError("the gold does not match its texts:\n" + "\n".join(errors[:MOST_GOLD_ERRORS]) + more)


def _visible(registry: Registry, other_texts: list[str], hide_people: bool, gold: dict, corpus: GoldCorpus) -> Registry:
    """What the registries held before this article arrived: entries the other articles name."""
    def named(surfaces) -> bool:
        return any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", t) for s in surfaces if s for t in other_texts)

    def told_elsewhere(resource: str, key: str) -> set:
        return {m.get(key) for g, _ in corpus.articles if g is not gold for m in corpus.listed(g, resource)}

    orgs = {k: o for k, o in registry.orgs.items() if o.kind == "news_outlet" or named(o.surfaces())}
    people = {} if hide_people else {k: p for k, p in registry.people.items() if named([p.name, *p.aliases])}
    events = {k: e for k, e in registry.events.items() if k in told_elsewhere("event_mentions", "event_id")}
    offers = {k: o for k, o in registry.offers.items() if k in told_elsewhere("offer_mentions", "offer_id")}
    return Registry({k: Org(**o.__dict__) for k, o in orgs.items()},
                    {k: Person(**p.__dict__) for k, p in people.items()}, events, offers)


def score_article(gold: dict, draft: Draft, corpus: GoldCorpus, text: str) -> ArticleScores:
    """How the draft of one article compares with its curated annotation, metric by metric (the
    misses in the order the metrics are read)."""
    result = ArticleScores(gold["article_id"])
    registry = corpus.registry
    _score_quotes(result, corpus.listed(gold, "quotes"), draft, registry, text)
    _score_people(result, draft, registry, text)
    _score_figures(result, corpus.listed(gold, "figures"), draft, text)
    _score_dated_mentions(result, corpus.listed(gold, "event_mentions"), draft, registry, text)
    if "offer_mentions" in gold:  # an article curated before offer mentions were annotated is not scored on them
        _score_offers(result, corpus.listed(gold, "offer_mentions"), corpus.by_id("offers", "offer_id"), draft, text)
    _score_participants(result, corpus.listed(gold, "event_mentions"), corpus.rows.get("event_participants", []), draft, text)
    return result


def _curated_span(text: str, entry: dict, key: str = "text") -> tuple[int, int] | None:
    """Where a curated entry's text stands, as the build locates it; None when it is not there."""
    found = locate(text, str(entry[key]), entry.get("occurrence", 1))
    return None if isinstance(found, NotFound) else (found.start, found.end)


def _score_quotes(result: ArticleScores, quotes: list[dict], draft: Draft, registry: Registry, text: str) -> None:
    """Quotation recall (a curated quotation proposed with its span), speaker accuracy (of those
    found), then quotation precision (a proposed quotation that some curated one matched)."""
    proposed_quotes = [(draft.spans[id(q)], q) for q in draft.quotes]
    matched_proposals: set[int] = set()
    for quote in quotes:
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
    """People recall: every registry person whose full name the text holds is one the draft names.
    Invented people: a new person the draft proposes whom no curated person's name or alias is
    (page furniture, a place, a byline read as a person)."""
    names = set(draft.people_named)
    for person in registry.people.values():
        if re.search(rf"(?<!\w){re.escape(person.name)}(?!\w)", text):
            result.people.count(person.name in names, result.misses, f"person not found: {person.name}")
    curated = {n for p in registry.people.values() for n in _names(p)}
    for proposed in draft.new_people:
        if _plain(proposed["name"]) not in curated:
            result.invented.append(proposed["name"])
            result.misses.append(f"invented person: {proposed['name']}")


def _same_value(proposed: float, curated: float) -> bool:
    """The values are equal, or the proposed one is a fraction worked out to more places (two more at least) that is
    the curated one at the places the curator rounded it to ("40 minutes": 0.67 hours curated, 0.666667 proposed; not
    0.54 for 0.5, nor 3.25 for 3)."""
    def places(value: float) -> int:
        return len(f"{float(value)!r}".partition(".")[2].rstrip("0"))
    rounded_to = places(curated)
    return float(proposed) == float(curated) or (
        rounded_to > 0 and places(proposed) >= rounded_to + 2 and round(float(proposed), rounded_to) == float(curated))


def _score_figures(result: ArticleScores, figures: list[dict], draft: Draft, text: str) -> None:
    """Figure recall: a proposed figure of the same value overlaps each curated one."""
    proposed_figures = [(draft.spans[id(f)], f) for f in draft.figures]
    for figure in figures:
        span = _curated_span(text, figure)
        ok = any(_overlap(s, span) and _same_value(f["value"], figure["value"]) for s, f in proposed_figures)
        result.figures.count(ok, result.misses, f"figure not found: {figure['text']!r} = {figure['value']} {figure.get('unit')}")


def _score_dated_mentions(result: ArticleScores, mentions: list[dict], draft: Draft, registry: Registry, text: str) -> None:
    """Dated mentions found (a proposed mention overlaps the curated one), and date accuracy of those
    whose curated event the registry holds: a proposed date falls within the event's dates."""
    proposed_mentions = [(draft.spans[id(m)], m) for m in draft.event_mentions]
    for mention in mentions:
        span = _curated_span(text, mention)
        event = registry.events.get(mention["event_id"])
        overlapping = [m for s, m in proposed_mentions if _overlap(s, span)]
        result.dated_found.count(bool(overlapping), result.misses, f"dated mention not found: {mention['text'][:70]!r}")
        if not overlapping or not event:
            continue
        proposed = [draft.dates.get(m["event_id"]) for m in overlapping]
        result.dates.count(any(d and _within(d, event) for d in proposed), result.misses,
                           f"date of {mention['text'][:50]!r}: proposed {', '.join(d or '?' for d in proposed)}, "
                           f"curated {event.get('start_date')}..{event.get('end_date') or event.get('start_latest') or ''} "
                           f"({event.get('date_precision')}, {event.get('end_status') or 'end not given'})")


def _score_offers(result: ArticleScores, mentions: list[dict], offers: dict[str, dict], draft: Draft, text: str) -> None:
    """Offer item recall (each curated item the article tells of has a proposed item of the same
    proposer, type, value and unit), offer item precision (each proposed item has a curated one),
    offer mentions found (a proposed mention overlaps each curated one) and, of those, teller accuracy
    (the same asserted_by_org_id)."""
    proposed_mentions = [(draft.spans[id(m)], m) for m in draft.offer_mentions]
    proposed_items = {m["offer_id"]: draft.offer_items.get(m["offer_id"], {}) for _, m in proposed_mentions}
    curated_items = {m["offer_id"]: offers.get(str(m["offer_id"]), {}) for m in mentions if m.get("offer_id") is not None}
    for offer_id, item in curated_items.items():
        ok = any(_same_item(item, p) for p in proposed_items.values())
        result.offer_items.count(ok, result.misses, f"offer item not found: {offer_id} ({_item_key(item)})")
    for offer_id, item in proposed_items.items():
        ok = any(_same_item(c, item) for c in curated_items.values())
        result.offer_precision.count(ok, result.misses, f"proposed offer item not curated: {offer_id} ({_item_key(item)})")
    for mention in mentions:
        span = _curated_span(text, mention, "evidence_text")
        overlapping = [m for s, m in proposed_mentions if _overlap(s, span)]
        result.offer_mentions.count(bool(overlapping), result.misses, f"offer mention not found: {str(mention.get('evidence_text'))[:70]!r}")
        if overlapping:
            tellers = {m.get("asserted_by_org_id") for m in overlapping}
            result.tellers.count(mention.get("asserted_by_org_id") in tellers, result.misses,
                                 f"teller of {str(mention.get('evidence_text'))[:40]!r}: proposed {', '.join(sorted(map(str, tellers)))}, "
                                 f"curated {mention.get('asserted_by_org_id')}")


def _item_key(item: dict) -> tuple:
    value = item.get("value")
    try:
        value = None if value in (None, "") else float(value)
    except (TypeError, ValueError):
        value = str(value)
    return (item.get("proposer_org_id"), item.get("item_type"), value, item.get("unit") or None)


def _same_item(curated: dict, proposed: dict) -> bool:
    return bool(curated) and bool(proposed) and _item_key(curated) == _item_key(proposed)


def _score_participants(result: ArticleScores, mentions: list[dict], participants: list[dict], draft: Draft, text: str) -> None:
    """Event participant recall: for each curated event whose mention the draft found, each of its
    curated organizations (with its role) among those the draft gives the events it proposed there
    (an event the registry already held keeps the registry's participants)."""
    curated: dict[str, set[tuple[str, str]]] = {}
    for row in participants:
        curated.setdefault(str(row.get("event_id")), set()).add((str(row.get("org_id")), str(row.get("role"))))
    proposed_mentions = [(draft.spans[id(m)], m) for m in draft.event_mentions]
    scored: set[str] = set()
    for mention in mentions:
        event_id = str(mention.get("event_id"))
        span = _curated_span(text, mention)
        overlapping = [m for s, m in proposed_mentions if _overlap(s, span)]
        if not overlapping or event_id in scored or event_id not in curated:
            continue
        scored.add(event_id)
        proposed: set[tuple[str, str]] = set()
        for m in overlapping:
            if m["event_id"] in draft.participants:
                proposed |= {(p["org_id"], p["role"]) for p in draft.participants[m["event_id"]]}
            else:  # an event the registry held: its participants are the curated ones
                proposed |= curated.get(m["event_id"], set())
        for org_id, role in sorted(curated[event_id]):
            result.participants.count((org_id, role) in proposed, result.misses,
                                      f"participant of {event_id}: {org_id} ({role}) not proposed; "
                                      f"proposed {', '.join(f'{o} ({r})' for o, r in sorted(proposed)) or 'none'}")


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
        # The article may name a known person as one of the registry's aliases ("Katherine Vance" for
        # "Katherine L. Vance"): a draft's new person of that name is the same person.
        return bool(known and new and _plain(new["name"]) in _names(known))
    return not proposal.get("speaker_person_id") and _same_org(curated.get("speaker_org_id"), proposal.get("speaker_org_id"), registry, draft)


def _plain(name: str) -> str:
    """A name without the nickname printed between its words: 'Samuel “Sam” Okafor-Ruiz' is the curated
    'Samuel Okafor-Ruiz' (curators write it either way)."""
    return NICKNAMED.sub(" ", name)


def _names(person: Person) -> set[str]:
    return {_plain(n) for n in (person.name, *person.aliases)}


def _same_org(curated: str | None, proposed: str | None, registry: Registry, draft: Draft) -> bool:
    """The same organization: the same id, or a new one the draft proposes under one of the curated
    organization's names (an organization only this article names gets an id from its printed name)."""
    if proposed == curated:
        return True
    known = registry.orgs.get(curated or "")
    new = next((o for o in draft.new_organizations if o["org_id"] == proposed), None)
    return bool(known and new and {new.get("name"), new.get("short_name")} & set(known.surfaces()))


def _within(proposed: str, event: dict) -> bool:
    """The proposed date falls within the event's dates: from its earliest possible start to its end
    (end_date), or to its latest possible start (start_latest) for a one-day happening; any later day
    for one whose end is not known (end_status not_in_articles or ongoing). An event curated without
    start_latest or end_status is read from its precision and type."""
    start = dt.date.fromisoformat(str(event["start_date"]))
    precision = event.get("date_precision") or "day"
    if event.get("end_date"):
        end = dt.date.fromisoformat(str(event["end_date"]))
    elif event.get("end_status") in OPEN_ENDED or (not event.get("end_status") and event.get("event_type") in LASTING):
        end = dt.date.max
    elif event.get("start_latest"):
        end = dt.date.fromisoformat(str(event["start_latest"]))
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
             "date accuracy", "dated mentions found", "offer item recall", "offer item precision", "offer mentions found",
             "teller accuracy", "participant recall", "invented people"]
    rows = [f"| {' | '.join(heads)} |", "|" + "---|" * len(heads)]

    def cell(t: Score) -> str:
        return "n/a" if not t.total else f"{100 * t.hit / t.total:.0f}% ({t.hit}/{t.total})"

    for s in scores:
        rows.append("| " + " | ".join([s.article_id] + [cell(getattr(s, m)) for m in ArticleScores.METRICS] + [str(len(s.invented))]) + " |")
    total = {m: Score(sum(getattr(s, m).hit for s in scores), sum(getattr(s, m).total for s in scores)) for m in ArticleScores.METRICS}
    invented = f"{sum(len(s.invented) for s in scores)} on {len(scores)} pages"
    rows.append("| " + " | ".join([f"**{title}**"] + [f"**{cell(total[m])}**" for m in ArticleScores.METRICS] + [f"**{invented}**"]) + " |")
    return "\n".join(rows)


def totals(scores: list[ArticleScores]) -> dict[str, float | None]:
    return {m: Score(sum(getattr(s, m).hit for s in scores), sum(getattr(s, m).total for s in scores)).rate() for m in ArticleScores.METRICS}
