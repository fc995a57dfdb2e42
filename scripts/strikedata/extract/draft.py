"""One raw article in, a draft annotation out: the file a curator then confirms or corrects.

The draft is written in the curators' own format (seeds/articles/<id>.yaml); people, organizations
and events the registries lack are appended to seeds/people.yaml, organizations.yaml and events.yaml.
Every proposal carries `confirmed: false` and a `confidence`, and `strikedata build` refuses it until a
curator has looked.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

from ..annotations import MAX_ANNOTATION_BYTES
from ..normalize import NormalizationError, normalize, strip_dateline
from ..registry import load_registry
from ..spans import Span
from .attribution import attribute, mask_quotations, reporter
from .entities import Entities, Org, Registry, find_entities
from .errors import read_yaml
from .figures import find_figures, find_offer_items
from .happenings import Happening, event_type, find_happenings, location
from .quotations import find_quotations
from .text import SpanIndex, blank_quoted, plain_number, sentences, slug

OUTLET = "news_outlet"
# The most quotations, figures and dated mentions proposed from one article, each: a news article
# holds tens; a draft of thousands is not reviewable, and is what a hostile file would ask for.
MAX_PROPOSALS = 2_000
# The largest raw article read (build reads a seed no further, like an annotation file): no article is near it.
MAX_ARTICLE_BYTES = MAX_ANNOTATION_BYTES
CLAIMED = re.compile(r"\b(?:said|says|say|told|according to|allegedly|claim\w*)\b")


@dataclass
class Draft:
    text: str
    article: dict
    quotes: list[dict] = field(default_factory=list)
    offers: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    event_mentions: list[dict] = field(default_factory=list)
    new_people: list[dict] = field(default_factory=list)
    new_organizations: list[dict] = field(default_factory=list)
    new_events: list[dict] = field(default_factory=list)
    people_named: list[str] = field(default_factory=list)  # the name of every person the article names
    dates: dict[str, str] = field(default_factory=dict)  # event id -> proposed start date
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # id(entry) -> (start, end) in text
    quote_speakers: list = field(default_factory=list)  # (Quotation, Speaker) pairs
    notes: list[str] = field(default_factory=list)  # what the curator should know about the draft as a whole


def extract_article(raw: bytes, seed_file: str, registry: Registry, *, published: dt.date | None = None,
                    outlet: str | None = None, taken: set[str] | frozenset = frozenset()) -> Draft:
    """Propose annotations for one raw article (pure: reads nothing, writes nothing)."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise NormalizationError(f"{len(raw):,} bytes: larger than a raw article may be ({MAX_ARTICLE_BYTES:,} bytes)")
    article = normalize(raw)
    text = article.text
    entities = find_entities(text, registry)
    ids = _Ids(set(taken))
    stated = article.published_date
    date = dt.date.fromisoformat(stated) if stated else published
    outlet_id, outlet_basis, outlet_note = _outlet(article, outlet, entities, text)
    article_id = ids.take(f"{outlet_id or 'article'}-{date.isoformat() if date else slug(' '.join(text.split()[:4]))}")
    header = {
        "article_id": article_id, "seed_file": seed_file, "outlet_org_id": outlet_id, "outlet_basis": outlet_basis,
        "published_date": None if stated else (date.isoformat() if date else None),
        "date_note": _date_note(stated, date, outlet_note),
        "confirmed": False, "confidence": 0.6,
    }
    draft = Draft(text, header)
    quotations = find_quotations(text)
    masked = mask_quotations(text, quotations)
    spans = sentences(text, masked)
    reading = _Reading(text, spans, entities)
    _quotes(draft, text, quotations, entities, ids, reading, masked)
    _figures_and_offers(draft, text, entities, spans, ids, reading)
    _events(draft, text, entities, spans, date, registry, ids, reading)
    _people(draft, entities, article_id)
    _organizations(draft, entities, article_id, outlet_id)
    return draft


def _people(draft: Draft, entities: Entities, article_id: str) -> None:
    """Every person the article names, and those the registry lacks as proposals."""
    for person in entities.people.values():
        draft.people_named.append(person.name)
        if person.new:
            draft.new_people.append(_entry(
                {"person_id": person.person_id, "name": person.name, "aliases": list(person.aliases) or None,
                 "role": person.role or None, "org_id": person.org_id}, person.confidence,
                f"named in {article_id}" + ("" if person.role else "; no title given: write the role")))


def _organizations(draft: Draft, entities: Entities, article_id: str, outlet_id: str | None) -> None:
    """The organizations the registry lacks that the article names (or that published it), as proposals."""
    for org in entities.orgs.values():
        if org.new and (entities.count(org.org_id) or org.org_id == outlet_id):
            draft.new_organizations.append(_entry(
                {"org_id": org.org_id, "name": org.name, "short_name": org.short_name or org.name, "kind": org.kind,
                 "parent_org_id": org.parent_org_id, "aliases": list(org.aliases) or None}, org.confidence,
                f"named in {article_id}; kind '{org.kind}' is read from the words of its name"))


class _Ids:
    """Ids unique across the project: a clash gets -2, -3, ..."""

    def __init__(self, taken: set[str]):
        self.taken = taken
        self.last: dict[str, int] = {}  # the suffix last given to a wanted id (1: none); those before are taken

    def take(self, wanted: str) -> str:
        wanted = slug(wanted)[:60].strip("-") or "item"
        n = self.last.get(wanted, 1)
        candidate = wanted if n == 1 else f"{wanted}-{n}"
        while candidate in self.taken:
            n = max(n + 1, 2)
            candidate = f"{wanted}-{n}"
        self.last[wanted] = n
        self.taken.add(candidate)
        return candidate


class _Reading:
    """What the steps of a draft ask about the text, answered from indexes made once: the sentence
    holding a position, where else a passage appears, the organizations named in a sentence, who a
    sentence reports. Without them each proposal re-read the text or every mention from the start."""

    def __init__(self, text: str, spans, entities: Entities):
        self.text = text
        self.sentences = SpanIndex(spans)
        self.entities = entities
        self.found: dict[str, tuple[list[int], int]] = {}  # passage -> (where it starts, where to look on)
        orgs = entities.of_kind("org")
        self.orgs = [m for m in orgs if entities.orgs[m.id].kind != OUTLET]
        self.org_starts = [m.start for m in self.orgs]
        self.parties = [m for m in self.orgs if entities.orgs[m.id].kind in ("school_district", "union", "union_chapter", "government", "other")]
        self.party_starts = [m.start for m in self.parties]
        self.reported: dict[tuple[int, int], object] = {}
        self.said: dict[int, str] = {}

    def occurrence(self, needle: str, start: int) -> int | None:
        """Which appearance of the passage starting at `start` this is, when it appears before (None:
        the first); overlapping appearances count. Where a passage appears is remembered."""
        places, at = self.found.get(needle, ([], 0))
        while at >= 0 and (not places or places[-1] < start):
            at = self.text.find(needle, at)
            if at >= 0:
                places.append(at)
                at += 1
        self.found[needle] = (places, at)
        n = bisect_left(places, start)
        return n + 1 if n else None

    def sentence_text(self, sentence) -> str:
        if sentence.start not in self.said:
            self.said[sentence.start] = self.text[sentence.start:sentence.end]
        return self.said[sentence.start]

    def reporter(self, sentence):
        key = (sentence.start, sentence.end)
        if key not in self.reported:
            self.reported[key] = reporter(self.text, sentence.start, sentence.end, self.entities)
        return self.reported[key]


def _entry(values: dict, confidence: float, comment: str = "") -> dict:
    entry = {k: v for k, v in values.items() if v is not None and v != ""}
    entry["confirmed"] = False
    entry["confidence"] = round(confidence, 2)
    if comment:
        entry["#"] = comment
    return entry


def _outlet(article, given: str | None, entities: Entities, text: str) -> tuple[str | None, str, str]:
    """Who published the article, how we know ("stated" or "inferred"), and a note for the curator:
    --outlet first, then the Source line or dateline credit, then an outlet the text names."""
    if given:
        return _outlet_given(given, entities)
    return _outlet_of_clue(article, entities) or _outlet_named(entities, text)


def _outlet_given(given: str, entities: Entities) -> tuple[str, str, str]:
    """The outlet named with --outlet: a known organization by id or name, else a new one."""
    for org in entities.orgs.values():
        if given == org.org_id or given.lower() in (s.lower() for s in org.surfaces()):
            return org.org_id, "stated", f"Outlet: given with --outlet ({given})."
    new = Org(slug(given), given, given, OUTLET, new=True, confidence=0.6)
    entities.orgs[new.org_id] = new
    return new.org_id, "stated", f"Outlet: given with --outlet ({given}); not yet in the registry."


def _outlet_of_clue(article, entities: Entities) -> tuple[str, str, str] | None:
    """The outlet the seed states (its Source line, else its dateline credit): a known outlet whose
    name matches, else a new one. None when the seed states neither."""
    clues = [(article.source_domain, "the trailing Source line"), (article.dateline_credit, "the dateline credit")]
    clue, where = next(((c, w) for c, w in clues if c), (None, ""))
    if not clue:
        return None
    stem = slug(clue.split(".")[0])
    outlets = {o.org_id: o for o in entities.orgs.values() if o.kind == OUTLET}
    for org in outlets.values():
        if _stem_names(stem, org):
            return org.org_id, "stated", f"Outlet: {where} ({clue})."
    new = Org(stem, clue.split(".")[0].upper() if "." in clue else clue, clue, OUTLET,
              aliases=(clue,) if "." in clue else (), new=True, confidence=0.5)
    entities.orgs[new.org_id] = new
    return new.org_id, "stated", f"Outlet: {where} ({clue}); a new organization, check its name."


def _stem_names(stem: str, org: Org) -> bool:
    """A clue's stem ("wkrx" of "wkrx.com") names the organization when one of its names, as a slug,
    is the stem, starts with it, or begins it."""
    return any(slug(s) == stem or slug(s).startswith(stem) or stem.startswith(slug(s)) for s in org.surfaces() if slug(s))


def _outlet_named(entities: Entities, text: str) -> tuple[str | None, str, str]:
    """The first outlet the text names, inferred to be the publisher; or none."""
    outlets = {o.org_id for o in entities.orgs.values() if o.kind == OUTLET}
    named = [m for m in entities.mentions if m.kind == "org" and m.id in outlets]
    if named:
        return named[0].id, "inferred", f"Outlet: inferred from the text naming {text[named[0].start:named[0].end]!r}; the seed states none."
    return None, "inferred", "Outlet: not found in the text; give it with --outlet."


def _date_note(stated: str | None, date: dt.date | None, outlet_note: str) -> str:
    if stated:
        return f"Date: the seed's date header ({stated}). {outlet_note}"
    if date:
        return f"Date: given with --date ({date.isoformat()}); the seed states none: write how the text supports it. {outlet_note}"
    return f"Date: the seed states none; give published_date (or run extract with --date) and the reasoning here. {outlet_note}"


def _quotes(draft: Draft, text: str, quotations: list, entities: Entities, ids: _Ids, reading: _Reading,
            masked: str) -> None:
    _limit(draft, len(quotations), "quotations")
    proposed = quotations[:MAX_PROPOSALS]  # attribute reads the speakers of these only: one each
    speakers = attribute(text, quotations, entities, MAX_PROPOSALS, masked=masked, spans=reading.sentences.spans)
    quote_ids: list[str] = []
    for quote, speaker in zip(proposed, speakers, strict=True):
        who = (entities.people[speaker.person_id].surname if speaker.person_id else speaker.org_id) or "unknown"
        words = [w for w in re.findall(r"[A-Za-z]+", quote.text) if len(w) > 3][:4]
        quote_id = ids.take(f"{who}-{' '.join(words)}")
        quote_ids.append(quote_id)
        note = "; ".join(n for n in (quote.note, speaker.note) if n)
        entry = _entry({
            "quote_id": quote_id, "text": quote.text, "occurrence": reading.occurrence(quote.text, quote.start),
            "speaker_person_id": speaker.person_id, "speaker_org_id": speaker.org_id,
            "speaker_as_written": speaker.as_written or None, "speaker_basis": speaker.basis, "note": note or None,
            "cue": speaker.cue or None, "channel": speaker.channel, "kind": quote.kind,
            "parent_quote_id": quote_ids[quote.parent] if quote.parent is not None else None,
        }, min(quote.confidence, speaker.confidence))
        draft.quotes.append(entry)
        draft.spans[id(entry)] = (quote.start, quote.end)
    draft.quote_speakers = list(zip(proposed, speakers, strict=True))  # for figures said inside a quotation


def _limit(draft: Draft, found: int, what: str) -> None:
    if found > MAX_PROPOSALS:
        draft.notes.append(f"the article holds {found:,} {what}: only the first {MAX_PROPOSALS:,} are proposed "
                           "(is this file one news article?)")


def _figures_and_offers(draft: Draft, text: str, entities: Entities, spans, ids: _Ids, reading: _Reading) -> None:
    figures = find_figures(text)
    _limit(draft, len(figures), "figures")
    figures = figures[:MAX_PROPOSALS]
    items = find_offer_items(text, figures, spans)
    figure_offer: dict[int, str] = {}
    said_inside = _Quoted(draft.quote_speakers)
    counterparts: dict[str | None, str | None] = {}
    for item in items:
        sentence = reading.sentences.at(item.start)
        said = reading.sentence_text(sentence)
        proposer = _proposer(text, entities, sentence, item.start, reading)
        told = _asserted(draft, text, entities, sentence, item.start, reading, said_inside)
        if proposer not in counterparts:
            counterparts[proposer] = _counterpart(entities, proposer)
        asserted = told.org_id if told and told.org_id and told.org_id != proposer else None
        status = "characterization" if asserted else item.status
        offer_id = ids.take(f"{proposer or 'unknown'}-{item.item_type.replace('_', '-')}-{_value_slug(item.value, item.unit)}")
        for index in item.figures:
            figure_offer[index] = offer_id
        entry = _entry({
            "offer_id": offer_id, "evidence_text": item.evidence, "occurrence": reading.occurrence(item.evidence, item.start),
            "proposer_org_id": proposer, "recipient_org_id": counterparts[proposer],
            "asserted_by_org_id": asserted, "status": status, "item_type": item.item_type,
            "value": _number(item.value), "unit": item.unit, "previous_value": _number(item.previous_value),
            "recurrence": item.recurrence, "school_years": item.school_years, "eligible_group": item.eligible_group,
            "description": said,
        }, item.confidence, "description is the sentence itself: rewrite it as one line a data user can read")
        draft.offers.append(entry)
        draft.spans[id(entry)] = (item.start, item.start + len(item.evidence))
    for index, figure in enumerate(figures):
        sentence = reading.sentences.at(figure.start)
        told = _asserted(draft, text, entities, sentence, figure.start, reading, said_inside) if sentence else None
        figure_words = figure.text.replace("%", " pct").replace("$", "usd ")
        entry = _entry({
            "figure_id": ids.take(f"{draft.article['article_id']}-{figure_words}"), "text": figure.text,
            "occurrence": reading.occurrence(figure.text, figure.start),
            "value": _number(figure.value), "unit": figure.unit, "qualifier": figure.qualifier,
            "measure": _measure(text, sentence, figure) if sentence else None,
            "asserted_by_person_id": told.person_id if told else None,
            "asserted_by_org_id": told.org_id if told else None, "offer_id": figure_offer.get(index),
        }, figure.confidence, "measure is the figure's clause: say what is measured")
        draft.figures.append(entry)
        draft.spans[id(entry)] = (figure.start, figure.end)


def _value_slug(value, unit) -> str:
    if value is None:
        return ""
    return f"{plain_number(value)}{'pct' if unit == 'percent' else ''}".replace(".", "-")


def _number(value):
    return None if value is None else plain_number(value)


def _measure(text: str, sentence, figure) -> str:
    clause = re.split(r"(?<!\d),\s|;\s", text[sentence.start:sentence.end])
    offset = sentence.start
    for part in clause:
        if offset <= figure.start < offset + len(part) + 2:
            return part.strip(" .,“”\"")
        offset += len(part) + 2
    return text[sentence.start:sentence.end]


def _asserted(draft: Draft, text: str, entities: Entities, sentence, position: int, reading: _Reading | None = None,
              said_inside: _Quoted | None = None):
    """Whose figure or claim this is: the speaker when it stands inside a quotation, else who the sentence reports."""
    speaker = (said_inside or _Quoted(draft.quote_speakers)).at(position)
    if speaker:
        return speaker
    return reading.reporter(sentence) if reading else reporter(text, sentence.start, sentence.end, entities)


class _Quoted:
    """The first quotation (in order) holding a position whose speaker is named, found by bisection:
    quotations do not overlap, except a nested one inside its parent (which comes first)."""

    def __init__(self, quote_speakers: list):
        named = [(q, s) for q, s in quote_speakers if s.person_id or s.org_id]
        self.levels = []
        for nested in (False, True):
            level = [(q, s) for q, s in named if (q.kind == "nested") == nested]
            self.levels.append((level, [q.start for q, _ in level]))
        self.ordered = all(a[0].end <= b[0].start for level, _ in self.levels for a, b in pairwise(level))
        self.named = named

    def at(self, position: int):
        if not self.ordered:  # not the shape find_quotations gives: read them all
            return next((s for q, s in self.named if q.start <= position < q.end), None)
        for level, starts in self.levels:
            i = bisect_right(starts, position) - 1
            if i >= 0 and position < level[i][0].end:
                return level[i][1]
        return None


def _proposer(text: str, entities: Entities, sentence, position: int, reading: _Reading | None = None) -> str | None:
    """The party making an offer: the organization named last before it in the sentence, or the one before that."""
    reading = reading or _Reading(text, [], entities)
    first = bisect_left(reading.party_starts, sentence.start)
    if first < len(reading.parties) and reading.parties[first].start < position:
        return reading.parties[first].id
    descriptor = entities.descriptor(text[sentence.start:position], sentence.start, first=True)
    if descriptor:
        return descriptor
    return reading.parties[first - 1].id if first > 0 else None


def _counterpart(entities: Entities, proposer: str | None) -> str | None:
    """District offers go to the most named union; union demands to the most named district."""
    if proposer is None:
        return None
    kind = entities.orgs[proposer].kind
    wanted = ("union", "union_chapter") if kind == "school_district" else ("school_district",) if kind in ("union", "union_chapter") else ()
    named = [o for o in entities.orgs.values() if o.kind in wanted and entities.count(o.org_id)]
    return max(named, key=lambda o: (entities.count(o.org_id), o.parent_org_id is None)).org_id if named else None


def _events(draft: Draft, text: str, entities: Entities, spans, date: dt.date | None, registry: Registry, ids: _Ids,
            reading: _Reading) -> None:
    """A dated mention for each sentence and date the article holds, and the events the registry lacks."""
    happenings = find_happenings(text, date, spans)
    _limit(draft, len(happenings), "date expressions")
    proposals = _EventProposals(draft, entities, date, registry, ids, reading)
    for happening in happenings[:MAX_PROPOSALS]:
        proposals.add(happening)
    draft.new_events = [e for e in proposals.events.values() if e]


class _EventProposals:
    """The dated mentions of one draft, proposed one happening at a time: one per sentence and date,
    each naming an event of the registry (same type and start date) or a new one."""

    def __init__(self, draft: Draft, entities: Entities, date: dt.date | None, registry: Registry, ids: _Ids,
                 reading: _Reading):
        self.draft, self.entities, self.date, self.ids, self.reading = draft, entities, date, ids, reading
        self.seen: dict[tuple[int, str | None], dict] = {}  # (sentence start, date) -> its mention
        self.events: dict[str, dict] = {}  # event id -> the new event's entry ({} for one the registry holds)
        self.parties: dict[int, tuple[str | None, str | None]] = {}  # sentence start -> (actor, counterpart)
        self.known = _known_events(registry)

    def add(self, happening: Happening) -> None:
        """Propose the mention of `happening`, unless its sentence already has one of its date."""
        sentence = self.reading.sentences.at(happening.start)
        if sentence is None or (sentence.start, happening.start_date) in self.seen:
            return
        mention, start = self._mention(sentence, happening)
        kind = event_type(mention, happening.start - start)
        status = _reported_status(happening, mention)
        event_id = self._event_id(happening, kind, status, mention, sentence)
        basis_note = happening.note
        entry = _entry({"event_id": event_id, "text": mention, "occurrence": self.reading.occurrence(mention, start),
                        "reported_status": status}, happening.confidence,
                       f"{happening.expression!r} -> {happening.start_date}" + (f"; {basis_note}" if basis_note else ""))
        self.seen[(sentence.start, happening.start_date)] = entry
        self.draft.event_mentions.append(entry)
        self.draft.spans[id(entry)] = (start, start + len(mention))
        self.draft.dates[event_id] = happening.start_date or ""

    def _mention(self, sentence: Span, happening: Happening) -> tuple[str, int]:
        """The text of the mention and where it starts: its sentence without a dateline, or only the
        clause of the date when the sentence is too long to be one mention."""
        said = self.reading.sentence_text(sentence)
        mention = strip_dateline(said)  # the dateline is no part of any happening
        if len(mention) > 260:
            mention = _clause_of(mention, happening.start - (sentence.end - len(mention)))
        return mention, sentence.start + said.find(mention)

    def _event_id(self, happening: Happening, kind: str, status: str, mention: str, sentence: Span) -> str:
        """The registry's event of this type and start date, else a new event (proposed once)."""
        event_id = self.known.get((kind, happening.start_date)) if happening.start_date else None
        if event_id is not None:
            self.events.setdefault(event_id, {})  # already in the registry
            return event_id
        actor, counterpart = self._parties_of(sentence)
        event_id = self.ids.take(f"{actor or 'event'}-{kind.replace('_', '-')}-{happening.start_date or 'undated'}")
        if event_id not in self.events:
            self.events[event_id] = _new_event(event_id, happening, kind, status, mention, actor, counterpart, self.date)
        return event_id

    def _parties_of(self, sentence: Span) -> tuple[str | None, str | None]:
        """Who acts in the sentence, and who is acted on (remembered per sentence)."""
        if sentence.start not in self.parties:
            self.parties[sentence.start] = _parties(self.reading.text, self.entities, sentence, self.reading)
        return self.parties[sentence.start]


def _reported_status(happening: Happening, mention: str) -> str:
    """Planned when told in the future; claimed when someone says so outside a quotation; else occurred."""
    if happening.tense == "future":
        return "planned"
    return "claimed" if CLAIMED.search(blank_quoted(mention, "“", "”", lambda passage: "")) else "occurred"


def _new_event(event_id: str, happening: Happening, kind: str, status: str, mention: str, actor: str | None,
               counterpart: str | None, date: dt.date | None) -> dict:
    """The proposed registry entry of an event the registry lacks."""
    basis_note = happening.note
    return _entry({
        "event_id": event_id, "event_type": kind, "status": status, "start_date": happening.start_date,
        "end_date": happening.end_date, "date_precision": happening.precision, "time_local": happening.time_local,
        "date_basis": happening.basis,
        "date_note": f"{basis_note} (article of {date.isoformat()})" if date and basis_note else basis_note or None,
        "location": location(mention), "actor_org_id": actor, "counterpart_org_id": counterpart,
        "description": mention,
    }, happening.confidence, "description is the sentence itself: rewrite it as what happened")


def _clause_of(sentence: str, position: int) -> str:
    parts = list(re.finditer(r"[^,;]+", sentence))
    for part in parts:
        if part.start() <= position < part.end():
            return part.group().strip()
    return sentence


def _parties(text: str, entities: Entities, sentence, reading: _Reading | None = None) -> tuple[str | None, str | None]:
    reading = reading or _Reading(text, [], entities)
    named: list[str] = []
    for i in range(bisect_left(reading.org_starts, sentence.start), bisect_left(reading.org_starts, sentence.end)):
        if reading.orgs[i].id not in named:
            named.append(reading.orgs[i].id)
    if not named:
        descriptor = entities.descriptor(text[sentence.start:sentence.end], sentence.start)
        named = [descriptor] if descriptor else []
    return (named[0] if named else None), (named[1] if len(named) > 1 else None)


def _known_events(registry: Registry) -> dict[tuple[str | None, str | None], str]:
    """The registry's events by (type, start date): the first of each."""
    known: dict[tuple[str | None, str | None], str] = {}
    for event_id, event in registry.events.items():
        known.setdefault((event.get("event_type"), event.get("start_date")), event_id)
    return known


def taken_ids(root: Path) -> set[str]:
    """Every id the project's annotation files already use, so proposals never clash with them: the
    id column each resource owns (its one-column primary key, from the registry), in the files its
    rows come from. Rows that only name an id (an event mention names its event) do not take it."""
    registry = load_registry(root)
    taken: set[str] = set()
    for resource in registry.resources:
        id_column = registry.own_ids.get(resource.name)
        if id_column is None:
            continue
        for path in sorted(root.glob(resource.rows)):
            data = read_yaml(path, path.relative_to(root).as_posix())
            if resource.listed_as:  # a list in each article file
                data = data.get(resource.listed_as) if isinstance(data, dict) else None
            entries = data if isinstance(data, list) else [data]
            taken.update(str(e[id_column]) for e in entries if isinstance(e, dict) and e.get(id_column))
    return taken


HEADER = """# Draft annotations for {seed_file}, proposed by `strikedata extract` on {today}.
# Every entry below (and the article itself) is a proposal: `confirmed: false` plus a `confidence`
# from 0 to 1. Check each against the normalized text (build/texts/<article_id>.txt after a build,
# or `strikedata extract --show-text`), correct it, then delete its `confirmed` and `confidence`
# lines. `strikedata build` refuses the package while any proposal is unconfirmed.
# Comments starting with '# extract:' say how a value was read; delete them with the review.
"""


def render_article(draft: Draft, today: str) -> str:
    """The draft as the YAML text of seeds/articles/<article_id>.yaml."""
    lines = [HEADER.format(seed_file=draft.article["seed_file"], today=today).rstrip("\n")]
    lines += [f"# extract: {note}" for note in draft.notes]
    lines += _mapping_lines(draft.article, "")
    for key in ("quotes", "offers", "figures", "event_mentions"):
        entries = getattr(draft, key)
        lines.append("")
        lines.append(f"{key}:" if entries else f"{key}: []")
        for entry in entries:
            lines += _entry_lines(entry, "  ")
    return "\n".join(lines) + "\n"


def render_registry(entries: list[dict], what: str, article_id: str) -> str:
    """Entries to append to a registry file (seeds/people.yaml, ...)."""
    if not entries:
        return ""
    lines = ["", f"# Proposed by `strikedata extract` for {article_id}: {what} the registry did not hold.",
             "# Confirm or correct each, then delete its `confirmed` and `confidence` lines."]
    for entry in entries:
        lines.append("")
        lines += _entry_lines(entry, "")
    return "\n".join(lines) + "\n"


def _entry_lines(entry: dict, indent: str) -> list[str]:
    lines = []
    if entry.get("#"):
        lines.append(f"{indent}# extract: {entry['#']}")
    body = _mapping_lines({k: v for k, v in entry.items() if k != "#"}, indent + "  ")
    body[0] = indent + "- " + body[0][len(indent) + 2:]
    return lines + body


def _mapping_lines(mapping: dict, indent: str) -> list[str]:
    return [f"{indent}{key}: {scalar(value)}" for key, value in mapping.items() if value is not None]


def scalar(value) -> str:
    """One YAML value on one line, quoted only where YAML needs it."""
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, str) and PLAIN.fullmatch(value) and value not in YAML_WORDS:
        return value  # what safe_dump writes for it, without the dumper's setup (a long draft has 100,000 values)
    return _dumped(value)


# Words, separated by single spaces, that begin with a letter: YAML writes them as they are, unless
# they read as a boolean or null.
PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*(?: [A-Za-z0-9_-]+)*")
YAML_WORDS = {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
              "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL"}


@functools.lru_cache(maxsize=1 << 16, typed=True)  # typed: 1, 1.0 and True are equal keys, and dump otherwise
def _dumped(value) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 30, default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")
