"""One raw article in, a draft annotation out: the file a curator then confirms or corrects.

The draft is written in the curators' own format (seeds/articles/<id>.yaml: the article, its quotes,
offer mentions, figures and event mentions); what the registry files lack (people, organizations,
offer items, events and their participants) is appended to them: each Draft attribute `new_<resource>`
goes to that resource's registry file (extract.files.registry_files). Every proposal carries
`confirmed: false` and a `confidence`, and `strikedata build` refuses it until a curator has looked.
Every value a rule reads rather than copies is labelled as the curated data labels it: its *_basis
column says inferred (or outside_knowledge), and its note says how it was read.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

import yaml

from ..annotations import MAX_ANNOTATION_BYTES
from ..normalize import NormalizationError, normalize, strip_dateline
from ..registry import load_registry
from ..review.stamps import DRAFTED_ON, PROPOSED_FOR, REVIEW_KEYS
from ..spans import Span
from .attribution import CUE, attribute, mask_quotations, reporter
from .coreference import (
    closed_for_the_strike,
    counted_strike_days,
    exact_tellings,
    registry_tellings,
    settle,
    strike_if,
    told_without_date,
    undated_clauses,
    workforce,
)
from .entities import Entities, Org, Registry, dateline_credit, find_entities
from .errors import read_yaml
from .figures import OFFER_VERBS, Figure, OfferItem, find_figures, find_offer_items, find_plain_items
from .furniture import Furniture, is_furniture, is_furniture_vocabulary, story_subheading
from .happenings import (
    BULLET,
    LASTING,
    Happening,
    PageClock,
    event_kin,
    event_type,
    find_happenings,
    find_undated,
    is_title,
    location,
    since_a_day,
    stamp_rows,
    timeline_rows,
)
from .quotations import find_quotations, kept
from .sections import Section, morning_stamp, page_clock, page_stamps, sections, slice_spans
from .text import SpanIndex, blank_quoted, plain_number, sentences, slug

OUTLET = "news_outlet"
# The most quotations, figures and dated mentions proposed from one article, each: a news article
# holds tens; a draft of thousands is not reviewable, and is what a hostile file would ask for.
MAX_PROPOSALS = 2_000
# The largest raw article read (build reads a seed no further, like an annotation file): no article is near it.
MAX_ARTICLE_BYTES = MAX_ANNOTATION_BYTES
CLAIMED = re.compile(r"\b(?:said|says|say|told|according to|allegedly|claim\w*)\b")
# The lists of an article file, in the order a draft writes them (the resources listed in article files).
ARTICLE_LISTS = ("quotes", "offer_mentions", "figures", "event_mentions")
# Items no side puts forward for its own members: told by a union, they are the employer's position.
EMPLOYER_ITEMS = {"wage_freeze", "health_cost"}
UNION_KINDS = ("union", "union_chapter")


@dataclass
class Draft:
    text: str
    article: dict
    quotes: list[dict] = field(default_factory=list)
    offer_mentions: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    event_mentions: list[dict] = field(default_factory=list)
    new_people: list[dict] = field(default_factory=list)
    new_organizations: list[dict] = field(default_factory=list)
    new_offers: list[dict] = field(default_factory=list)
    new_events: list[dict] = field(default_factory=list)
    new_event_participants: list[dict] = field(default_factory=list)
    people_named: list[str] = field(default_factory=list)  # the name of every person the article names
    dates: dict[str, str] = field(default_factory=dict)  # event id -> proposed start date
    offer_items: dict[str, dict] = field(default_factory=dict)  # offer id -> the item (new, or the registry's) each mention names
    participants: dict[str, list[dict]] = field(default_factory=dict)  # event id -> its proposed participants
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
    furniture = Furniture(text)  # the page's own lines (banners, credits, menus): nothing is proposed from them
    entities = find_entities(text, registry, furniture)
    ids = _Ids(set(taken))
    header_date = article.published_date
    # --date wins over the seed's date header (a stored page can carry the date it was saved, not
    # published): the draft then writes published_date and says what the header said.
    overridden = header_date if published is not None and header_date and header_date != published.isoformat() else None
    stated = None if overridden else header_date
    date = dt.date.fromisoformat(stated) if stated else published
    outlet_id, outlet_basis, outlet_note = _outlet(article, outlet, entities, text)
    article_id = ids.take(f"{outlet_id or 'article'}-{date.isoformat() if date else slug(' '.join(text.split()[:4]))}")
    header = {
        "article_id": article_id, "seed_file": seed_file, "outlet_org_id": outlet_id, "outlet_basis": outlet_basis,
        "published_date": None if stated else (date.isoformat() if date else None),
        "overrides_header_date": overridden,
        "date_note": _date_note(stated, date, outlet_note, overridden),
        "confirmed": False, "confidence": 0.6,
    }
    draft = Draft(text, header)
    if overridden:
        draft.notes.append(f"--date {date.isoformat() if date else ''} overrides the seed's date header, "
                           f"which says {overridden}: relative dates are read against --date")
    quotations = kept(find_quotations(text), lambda q: not furniture.holds(q.start))  # a banner's quoted title is nobody's
    masked = mask_quotations(text, quotations)
    spans = sentences(text, masked)
    reading = _Reading(text, spans, entities)
    parts = sections(text, date)
    stamps = page_stamps(text)
    morning, stamped = morning_stamp(stamps), page_clock(text, stamps, date)
    happenings = [h for part in parts for h in _happenings(text, part, spans, furniture, morning, stamped)]
    draft.notes += [f"from line {text.count(chr(10), 0, part.start) + 1} of the text, relative dates are read against "
                    f"{part.date.isoformat()}: {part.why}" for part in parts if part.why and part.date]
    _quotes(draft, text, quotations, entities, ids, reading, masked)
    _figures_and_offers(draft, text, entities, spans, ids, reading, registry, happenings, furniture)
    _events(draft, happenings, entities, date, registry, ids, reading, furniture)
    _people(draft, entities, article_id)
    _organizations(draft, entities, article_id, outlet_id)
    return draft


def _happenings(text: str, part: Section, spans, furniture: Furniture, morning: str | None = None,
                stamped: PageClock | None = None) -> list[Happening]:
    """The happenings told in one part of the page (outside its furniture), read against the part's
    day: those with date words, then the sentences that tell of one with none (done by the day before,
    on a page stamped only in the early morning: `morning`, its stamp). In the page's own part, a time told as
    done that is later than the page's last stamp (`stamped`) was the day before, and one told as planned that is
    earlier than its first is the day after."""
    told, spans = text[part.start:part.end], slice_spans(spans, part)
    happenings = find_happenings(told, part.date, spans, stamped if not part.why else None,
                                 lambda at: furniture.holds(at + part.start))
    index = SpanIndex(spans)
    # (a sentence whose dates all begin a span, "its first movement since Jan. 28", tells its own happening undated)
    first_dates: dict[int, int] = {}  # a dated sentence's start -> where its first date stands
    for h in happenings:
        if not since_a_day(told, h) and (s := index.at(h.start)) is not None:
            first_dates[s.start] = min(first_dates.get(s.start, h.start), h.start)
    dated = set(first_dates)
    days = {s.start: h.start_date for h in happenings if h.tense == "past" and h.precision == "day" and h.start_date
            and not since_a_day(told, h) and (s := index.at(h.start)) is not None}  # the last past day each sentence tells of
    rows = timeline_rows(told, happenings) | stamp_rows(told, part.date)
    after = part.date.isoformat() if part.date else None  # ("set their own strike date: March 2", told in the present, is ahead)
    planned = dated - {s.start for h in happenings if h.tense != "future" and not (after and (h.start_date or "") > after)
                       and (s := index.at(h.start)) is not None}  # all ahead
    found = sorted(happenings + find_undated(told, part.date, spans, dated, days, rows, morning if not part.why else None, planned,
                                             first_dates),
                   key=lambda h: h.start)
    return [replace(h, start=h.start + part.start, end=h.end + part.start) for h in found
            if not furniture.holds(h.start + part.start) or story_subheading(text, h.start + part.start)]



def _people(draft: Draft, entities: Entities, article_id: str) -> None:
    """Every person the article names, and those the registry lacks as proposals."""
    for person in entities.people.values():
        draft.people_named.append(person.name)
        if person.new:
            draft.new_people.append(_entry(
                {"person_id": person.person_id, "name": person.name, "aliases": list(person.aliases) or None,
                 "role": person.role or None, "org_id": person.org_id,
                 "org_basis": ("inferred" if person.org_note else "stated") if person.org_id else None,
                 "note": person.org_note or None}, person.confidence,
                f"named in {article_id}" + ("" if person.role else "; no title given: write the role")))


def _organizations(draft: Draft, entities: Entities, article_id: str, outlet_id: str | None) -> None:
    """The organizations the registry lacks that the article names (or that published it), as proposals."""
    for org in entities.orgs.values():
        if org.new and (entities.count(org.org_id) or org.org_id == outlet_id):
            draft.new_organizations.append(_entry(
                {"org_id": org.org_id, "name": org.name, "name_basis": org.name_basis,
                 "short_name": org.short_name or org.name, "kind": org.kind,
                 "parent_org_id": org.parent_org_id, "parent_basis": "inferred" if org.parent_org_id else None,
                 "aliases": list(org.aliases) or None, "aliases_basis": "printed" if org.aliases else None,
                 "note": "; ".join(n for n in (org.note, f"the parent is read from the name ({org.name})" if org.parent_org_id else "") if n)
                 or None}, org.confidence,
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
        return _outlet_given(given, entities, text)
    return (_outlet_of_clue(article, entities) or _outlet_of_page(text, entities, masthead=False) or _outlet_named(entities, text)
            or _outlet_of_page(text, entities, masthead=True) or (None, "inferred", "Outlet: not found in the text; give it with --outlet."))


def _printed(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _outlet_given(given: str, entities: Entities, text: str) -> tuple[str, str, str]:
    """The outlet named with --outlet: a known organization by id or name, else a new one."""
    for org in entities.orgs.values():
        if given == org.org_id or given.lower() in (s.lower() for s in org.surfaces()):
            return org.org_id, "stated", f"Outlet: given with --outlet ({given})."
    printed = _printed(given, text)
    new = Org(slug(given), given, given, OUTLET, new=True, confidence=0.6, name_basis="printed" if printed else "outside_knowledge",
              note="" if printed else f"the name was given with --outlet ({given}); the article does not print it")
    entities.orgs[new.org_id] = new
    return new.org_id, "stated", f"Outlet: given with --outlet ({given}); not yet in the registry."


def _outlet_of_clue(article, entities: Entities) -> tuple[str, str, str] | None:
    """The outlet the seed states (its Source line, else its dateline credit): a known outlet whose
    name matches, else a new one. None when the seed states neither."""
    # A dateline credit the build's dateline does not read ("PINE HOLLOW (KPHX13) —": no state after the town).
    credit = article.dateline_credit or dateline_credit(article.text)
    clues = [(article.source_domain, "the trailing Source line"), (credit, "the dateline credit")]
    clue, where = next(((c, w) for c, w in clues if c), (None, ""))
    if not clue:
        return None
    stem = slug(clue.split(".")[0])
    outlets = {o.org_id: o for o in entities.orgs.values() if o.kind == OUTLET}
    for org in outlets.values():
        if _stem_names(stem, org):
            return org.org_id, "stated", f"Outlet: {where} ({clue})."
    name = clue.split(".")[0].upper() if "." in clue else clue
    printed = _printed(name, article.text)
    new = Org(stem, name, clue, OUTLET, aliases=(clue,) if "." in clue else (), new=True, confidence=0.5,
              name_basis="printed" if printed else "outside_knowledge",
              note="" if printed else f"the name is read from {where} ({clue}); the article does not print it: check the outlet's own name")
    entities.orgs[new.org_id] = new
    return new.org_id, "stated", f"Outlet: {where} ({clue}); a new organization, check its name."


# A saved page names its publisher in its own lines: a repost's credit ("The following story originally
# appeared in the Calloway Herald"), the copyright line ("© 2024 The Alder Crossing Sentinel"), or the
# masthead, its first line ("The Chalk Line", "AVPR | Alder Valley Public Radio").
REPOSTED_FROM = re.compile(r"\b(?:originally (?:appeared|was published|published|ran) (?:in|on|by)|first (?:appeared|published) (?:in|on|by)|"
                           r"reprinted (?:from|with permission (?:of|from))|republished (?:from|with permission (?:of|from))|"
                           r"reposted from|courtesy of)\s+(?P<name>(?:the\s+)?[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,5})")
COPYRIGHT_LINE = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?"
                            r"(?P<name>(?:The\s+)?[A-Z][\w&’'.-]*(?:\s+[A-Z][\w&’'.-]*){0,6}?)\s*(?:[.,|]|All rights|Todos|$)", re.I)
MASTHEAD_WORDS = 8
OWNER_WORDS = re.compile(r"\b(?:Inc|LLC|Corp|Corporation|Company|Holdings|Group|Media Group|Broadcasting Co)\b\.?", re.I)


def _outlet_of_page(text: str, entities: Entities, masthead: bool) -> tuple[str, str, str] | None:
    """The outlet a saved page names in its own lines (inferred: no dateline or Source line states it),
    a known one when its name matches: a repost's credit, then the copyright line; with `masthead`, the
    page's first line when page furniture (a menu, a banner) follows it, so a headline atop a plain
    text is no outlet. None when the page has none of them."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    found = REPOSTED_FROM.search(text)
    clues = [(found.group("name"), "the repost's credit")] if found else []
    for line in lines:
        m = COPYRIGHT_LINE.match(line)
        if m and not OWNER_WORDS.search(m.group("name")):
            clues.append((m.group("name"), "the page's copyright line"))
    if masthead and not clues:
        first = next((i for i, line in enumerate(lines[:3]) if not is_furniture_vocabulary(line)), None)
        head = lines[first] if first is not None else ""
        chrome = any(is_furniture(line) for line in lines[first + 1:first + 4]) if first is not None else False
        if head and chrome and len(head.split()) <= MASTHEAD_WORDS and _title_words(head):
            clues.append((max((p.strip() for p in head.split("|")), key=len), "the page's masthead (its first line)"))
    if not clues:
        return None
    name, where = clues[0]
    name = re.sub(r"^the\s+", "", name.strip(" .,"), flags=re.I) if not name.startswith("The ") else name.strip(" .,")
    stem = slug(name)
    for org in (o for o in entities.orgs.values() if o.kind == OUTLET):
        if _stem_names(stem, org):
            return org.org_id, "inferred", f"Outlet: inferred from {where} ({name})."
    new = Org(stem, name, name, OUTLET, new=True, confidence=0.4, name_basis="printed")
    entities.orgs[new.org_id] = new
    return new.org_id, "inferred", f"Outlet: inferred from {where} ({name}); a new organization, check its name and that it published the story."


def _title_words(line: str) -> bool:
    """A masthead's words: capitalised (small words aside), no sentence punctuation at its end."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'&-]*", line) if w.lower() not in ("of", "the", "and", "for", "del", "de", "la", "los", "las")]
    return bool(words) and all(w[0].isupper() for w in words) and not line.rstrip().endswith((".", "!", "?", ":"))


def _stem_names(stem: str, org: Org) -> bool:
    """A clue's stem ("wkrx" of "wkrx.com") names the organization when one of its names, as a slug,
    is the stem, starts with it, or begins it."""
    return any(slug(s) == stem or slug(s).startswith(stem) or stem.startswith(slug(s)) for s in org.surfaces() if slug(s))


def _outlet_named(entities: Entities, text: str) -> tuple[str | None, str, str] | None:
    """The first outlet the text names, inferred to be the publisher; None when it names none."""
    outlets = {o.org_id for o in entities.orgs.values() if o.kind == OUTLET}
    named = [m for m in entities.mentions if m.kind == "org" and m.id in outlets]
    if named:
        return named[0].id, "inferred", f"Outlet: inferred from the text naming {text[named[0].start:named[0].end]!r}; the seed states none."
    return None


def _date_note(stated: str | None, date: dt.date | None, outlet_note: str, overridden: str | None = None) -> str:
    if overridden and date:
        return (f"Date: given with --date ({date.isoformat()}); the seed's date header says {overridden}, which "
                f"overrides_header_date marks as wrong: write how the text supports the date given. {outlet_note}")
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
    echoes = _echoes(text, proposed)
    for index, (quote, speaker) in enumerate(zip(proposed, speakers, strict=True)):
        if index in echoes:
            quote_ids.append("")  # (no nested quotation has an echo for its parent: an echo is never nested, nor holds one)
            continue
        who = (entities.people[speaker.person_id].surname if speaker.person_id else speaker.org_id) or "unknown"
        words = [w for w in re.findall(r"[A-Za-z]+", quote.text) if len(w) > 3][:4]
        quote_id = ids.take(f"{who}-{' '.join(words)}")
        quote_ids.append(quote_id)
        note = "; ".join(n for n in (quote.note, speaker.note) if n)
        entry = _entry({
            "quote_id": quote_id, "text": quote.text, "occurrence": reading.occurrence(quote.text, quote.start),
            "speaker_person_id": speaker.person_id, "speaker_org_id": _speaker_org(entities, speaker),
            "speaker_as_written": speaker.as_written or None, "speaker_basis": speaker.basis, "note": note or None,
            "cue": speaker.cue or None, "channel": speaker.channel, "kind": quote.kind,
            "parent_quote_id": quote_ids[quote.parent] if quote.parent is not None else None,
        }, min(quote.confidence, speaker.confidence))
        draft.quotes.append(entry)
        draft.spans[id(entry)] = (quote.start, quote.end)
    draft.quote_speakers = list(zip(proposed, speakers, strict=True))  # for figures said inside a quotation


# An echo is short: a headline's or a reader's few words taken from a longer quotation.
ECHO_LONGEST_WORDS = 8
ECHO_STRIP = " ,.!?;:"
ECHO_CREDIT_REACH = 200  # characters after an echo's closing mark where a credit would stand
ECHO_LOOKUPS = 100  # distinct short quotations looked for inside the longer ones, at most


def _echoes(text: str, quotations: list) -> set[int]:
    """The quotations (not nested) that only repeat words of a longer one on the page, opening their line with no
    credit: a headline's "“That's a dare”: teachers walk out" or a reader's "“Close isn't done” 🔥" over the story's
    full quotation."""
    whole = [q for q in quotations if q.kind != "nested"]
    joined = "\x00".join(q.text for q in whole)
    said = Counter(q.text.strip(ECHO_STRIP) for q in whole)
    parents = {q.parent for q in quotations if q.parent is not None}
    echoed: dict[str, bool] = {}  # a page repeats its quotations: each is looked for once
    out = set()
    for index, quote in enumerate(quotations):
        core = quote.text.strip(ECHO_STRIP)
        line_start = text.rfind("\n", 0, quote.start) + 1
        line_end = text.find("\n", quote.end)
        if quote.kind == "nested" or index in parents or not 2 <= len(core.split()) <= ECHO_LONGEST_WORDS \
                or text[line_start:quote.start].strip(" “\"‘'") \
                or CUE.search(text, quote.end, len(text) if line_end < 0 else min(line_end, quote.end + ECHO_CREDIT_REACH)):
            continue  # (one its line credits is said again: "7:40 a.m.: Union president: “We won this together”", "“…,” she said")
        if core not in echoed:
            if len(echoed) >= ECHO_LOOKUPS:
                break  # (a hostile page of thousands of short quotations is not read again for each)
            echoed[core] = joined.count(core) > said[core]  # said inside a longer one too
        if echoed[core]:
            out.add(index)
    return out


def _speaker_org(entities: Entities, speaker) -> str | None:
    """The organization of a quotation's speaker: for a person, the one the people table records for
    them, the same in every quotation (a new person without one takes the organization the attribution
    names, and the people table records that); for an organization speaking, that organization."""
    person = entities.people.get(speaker.person_id) if speaker.person_id else None
    if person is None:
        return speaker.org_id
    if person.new and person.org_id is None and speaker.org_id:
        person.org_id = speaker.org_id
        if speaker.basis != "stated":
            person.org_note = f"read from the attribution '{speaker.as_written}'"
    return person.org_id


def _limit(draft: Draft, found: int, what: str) -> None:
    if found > MAX_PROPOSALS:
        draft.notes.append(f"the article holds {found:,} {what}: only the first {MAX_PROPOSALS:,} are proposed "
                           "(is this file one news article?)")


def _figures_and_offers(draft: Draft, text: str, entities: Entities, spans, ids: _Ids, reading: _Reading,
                        registry: Registry | None = None, happenings: list[Happening] | None = None,
                        furniture: Furniture | None = None) -> None:
    """The figures of the article, the offer items they are the values of (one per distinct item:
    the article's mentions of one item are merged, an item the registry holds is named, not proposed
    again), and a mention of an item at each place the article tells of it."""
    furniture = furniture if furniture is not None else Furniture(text)
    figures = [f for f in find_figures(text) if not furniture.holds(f.start) or _day_heading(text, f)]
    _limit(draft, len(figures), "figures")
    figures = figures[:MAX_PROPOSALS]
    said_inside = _Quoted(draft.quote_speakers)
    offers = _OfferProposals(draft, entities, ids, reading, registry or Registry(), said_inside, happenings or [])
    items = find_offer_items(text, figures, spans)
    _limit(draft, len(items), "offer items")
    for item in items[:MAX_PROPOSALS]:
        offers.add(item, figures)
    plain = find_plain_items(text, spans, [(i.start, i.end) for i in items])
    _limit(draft, len(plain), "offer items without a figure")
    for item in plain[:MAX_PROPOSALS]:
        offers.add(item, figures)
    draft.new_offers = list(offers.entries.values())
    for index, figure in enumerate(figures):
        sentence = reading.sentences.at(figure.start)
        told = _asserted(draft, text, entities, sentence, figure.start, reading, said_inside) if sentence else None
        person, org = (told.person_id, _speaker_org(entities, told)) if told else (None, None)
        basis = (told.basis if told.basis in ("stated", "inferred") else "inferred") if told and (person or org) else None
        offer_id, role = offers.figures.get(index, (None, None))
        notes = [_told_note(told) if basis == "inferred" else "", offers.unplaced.get(index, "")]
        figure_words = figure.text.replace("%", " pct").replace("$", "usd ")
        entry = _entry({
            "figure_id": ids.take(f"{draft.article['article_id']}-{figure_words}"), "text": figure.text,
            "occurrence": reading.occurrence(figure.text, figure.start),
            "value": _number(figure.value), "unit": figure.unit, "qualifier": figure.qualifier,
            "measure": _measure(text, sentence, figure) if sentence else None,
            "asserted_by_person_id": person, "asserted_by_org_id": org, "asserted_by_basis": basis,
            "offer_id": offer_id, "offer_role": role, "note": "; ".join(n for n in notes if n) or None,
        }, figure.confidence, "measure is the figure's clause: say what is measured")
        draft.figures.append(entry)
        draft.spans[id(entry)] = (figure.start, figure.end)


def _told_note(told) -> str:
    """Why who states a figure or tells of an item is inferred: the attribution's own note, else its words."""
    if told is None:
        return ""
    return told.note or (f"read from '{told.as_written}'" if told.as_written else "read from the sentence around it")


class _OfferProposals:
    """The offer items of one draft and their mentions, proposed one item found by find_offer_items at
    a time. An item is (proposer, item type, value, unit): the same again in the article is one more
    mention of it; one the registry holds is named by its id. An earlier value ("up from 2%") is an
    item of its own, which the new one supersedes."""

    def __init__(self, draft: Draft, entities: Entities, ids: _Ids, reading: _Reading, registry: Registry,
                 said_inside: _Quoted, happenings: list[Happening]):
        self.draft, self.entities, self.ids, self.reading = draft, entities, ids, reading
        self.said_inside = said_inside
        self.happenings = happenings
        self.happening_starts = [h.start for h in happenings]
        self.known = _known_offers(registry)
        self.proposers: dict[tuple, str] = {}  # (item type, value, unit) -> the proposer of the first such item, known or told
        for key in self.known:
            self.proposers.setdefault(key[1:], key[0])
        self.items: dict[tuple, str] = {}  # (proposer, item type, value, unit) -> offer id, new or the registry's
        self.entries: dict[str, dict] = {}  # offer id -> the new item's entry
        self.figures: dict[int, tuple[str, str]] = {}  # figure index -> (offer id, offer_role)
        self.unplaced: dict[int, str] = {}  # figure index -> why it is no item's value
        self.told: set[tuple[str, int]] = set()  # (offer id, start) of each mention made
        self.recipients: dict[str, str | None] = {}
        self.registry_items = registry.offers

    def add(self, item: OfferItem, figures: list[Figure]) -> None:
        text = self.reading.text
        sentence = self.reading.sentences.at(item.start)
        if sentence is None:
            return
        told = _asserted(self.draft, text, self.entities, sentence, item.start, self.reading, self.said_inside)
        teller = _speaker_org(self.entities, told) if told else None
        if teller is not None and self.entities.orgs.get(teller) is None:
            teller = None
        quoted = self.said_inside.at(item.start) is not None
        proposer, how = _proposer_of(text, self.entities, sentence, item, teller, self.reading, quoted)
        if proposer is None or how.startswith(GUESSED):  # the same item told again ("the 3% raise"): its proposer
            value = None if item.value is None else float(_number(item.value))
            same = self.proposers.get((item.item_type, value, item.unit)) if value is not None else None
            if same:
                proposer, how = same, f"no proposer is named in the sentence: read as the same {item.item_type.replace('_', ' ')} item told before"
        if proposer is None:
            for index in item.figures:
                self.unplaced[index] = f"reads as a {item.item_type.replace('_', ' ')} item, but no proposer is named: link it to an offer item"
            return
        if proposer not in self.recipients:
            self.recipients[proposer] = _counterpart(self.entities, proposer)
        said = strip_dateline(self.reading.sentence_text(sentence))
        previous_id = None
        if item.previous_value is not None:
            previous_id = self._item(item, proposer, item.previous_value, None, said, earlier=True)
            if item.previous_start is not None and item.previous_end is not None:
                self._mention(previous_id, proposer, told, teller, how, item.previous_start, item.previous_end, item.confidence)
            if item.previous_figure is not None:
                self.figures[item.previous_figure] = (previous_id, self._role(previous_id, figures[item.previous_figure]))
        offer_id = self._item(item, proposer, item.value, previous_id, said)
        self._mention(offer_id, proposer, told, teller, how, item.start, item.end, item.confidence)
        for index in item.figures:
            self.figures[index] = (offer_id, self._role(offer_id, figures[index]))
        self._first_date(item, sentence, offer_id, previous_id)

    def _role(self, offer_id: str, figure: Figure) -> str:
        """value when the figure is the item's own value (same value and unit), else secondary."""
        offer = self.draft.offer_items.get(offer_id, {})
        same = offer.get("unit") == figure.unit and offer.get("value") is not None and float(offer["value"]) == figure.value
        return "value" if same else "secondary"

    def _item(self, item: OfferItem, proposer: str, value, supersedes: str | None, said: str, earlier: bool = False) -> str:
        """The id of the item (proposer, type, value, unit): the registry's, one proposed already from
        this article (its empty columns filled from this mention), or a new one."""
        value = _number(value)
        key = (proposer, item.item_type, None if value is None else float(value), item.unit)
        known = self.known.get(key)
        if known is not None:
            self.draft.offer_items.setdefault(known, self.registry_items.get(known, {}))
            return known
        if key in self.items:
            entry = self.entries[self.items[key]]
            for column, filled in (("school_years", item.school_years), ("eligible_group", item.eligible_group),
                                   ("recurrence", item.recurrence), ("supersedes_offer_id", supersedes)):
                if filled and not entry.get(column):
                    entry[column] = filled
            return self.items[key]
        offer_id = self.ids.take(f"{proposer}-{item.item_type.replace('_', '-')}-{_value_slug(value, item.unit)}")
        self.items[key] = offer_id
        self.proposers.setdefault(key[1:], proposer)
        recipient = self.recipients.get(proposer)
        comment = ("the earlier value of an item the article says was raised or changed ('up from', 'from ... to'): "
                   "an item of its own, superseded; " if earlier else "")
        entry = _entry({
            "offer_id": offer_id, "proposer_org_id": proposer, "recipient_org_id": recipient, "status": item.status,
            "item_type": item.item_type, "value": value, "unit": item.unit, "recurrence": item.recurrence,
            "school_years": item.school_years, "eligible_group": item.eligible_group,
            "supersedes_offer_id": supersedes, "description": said,
        }, item.confidence, comment + "recipient is read as the other side the article names most"
           + "; description is the sentence itself: rewrite it as one line a data user can read")
        self.entries[offer_id] = entry
        self.draft.offer_items[offer_id] = entry
        return offer_id

    def _mention(self, offer_id: str, proposer: str, told, teller: str | None, how: str, start: int, end: int,
                 confidence: float) -> None:
        """One place the article tells of the item: its words, who tells it, and whether that is the
        proposer's own account or the other side's characterization."""
        text = self.reading.text
        evidence = text[start:end].strip(" ,;")
        start = text.find(evidence, start)
        if (offer_id, start) in self.told or not evidence:
            return
        self.told.add((offer_id, start))
        if teller is not None:
            basis, notes = told.basis if told.basis in ("stated", "inferred") else "inferred", []
            if basis == "inferred":
                notes.append(_told_note(told))
        else:
            teller, basis = proposer, "inferred"
            notes = ["the article names no source: read as the proposer's own account"]
        if how:
            notes.append(how)
        characterization = teller != proposer
        entry = _entry({
            "offer_id": offer_id, "evidence_text": evidence, "occurrence": self.reading.occurrence(evidence, start),
            "asserted_by_org_id": teller, "asserted_by_basis": basis, "characterization": characterization,
            "note": "; ".join(notes) or None,
        }, confidence * (0.8 if characterization else 1), "the teller is who the sentence reports; a characterization is "
           "one side telling of the other side's item")
        self.draft.offer_mentions.append(entry)
        self.draft.spans[id(entry)] = (start, start + len(evidence))

    def _first_date(self, item: OfferItem, sentence: Span, offer_id: str, previous_id: str | None) -> None:
        """When the sentence telling of a new item dates its offer ("presented Monday", "in its November
        offer"), its first_date range: the date told nearest the item's words, a date in the words of
        the earlier value belonging to the earlier item. Nothing when the article gives no such date."""
        text = self.reading.text
        said = self.reading.sentence_text(sentence)
        if not OFFER_VERBS.search(said):
            return
        lo, hi = bisect_left(self.happening_starts, sentence.start), bisect_left(self.happening_starts, sentence.end)
        for happening in self.happenings[lo:hi]:
            if happening.start_date is None or happening.tense == "future":
                continue
            earlier = item.previous_start is not None and happening.start >= item.previous_start
            target = previous_id if earlier else offer_id
            entry = self.entries.get(target) if target else None
            if entry is None or entry.get("first_date"):
                continue
            latest = _latest(happening.start_date, happening.precision, happening.end_date)
            where = text[max(sentence.start, happening.start - 40):min(sentence.end, happening.end + 20)].strip()
            review = {k: entry.pop(k) for k in ("confirmed", "confidence") if k in entry}  # kept last
            entry.update({
                "first_date": happening.start_date, "first_date_latest": latest,
                "first_date_precision": happening.precision, "first_date_basis": happening.basis,
                "first_date_note": f"'{happening.expression}' in '...{where}...'"
                                   + (f" ({happening.note})" if happening.note else "")
                                   + ": the article dates the offer; an earlier first offer is not ruled out",
            }, **review)


def _day_heading(text: str, figure: Figure) -> bool:
    """A strike's day that is the whole of a story's subheading in capitals ("DAY THREE" between two paragraphs of a
    look-back), not a figure in a promotion's capitals ("WATCH: 2 MINUTES WITH THE MAYOR", "DAY 9 SALE")."""
    line_start = text.rfind("\n", 0, figure.start) + 1
    line_end = text.find("\n", figure.end)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return figure.unit == "day_number" and line == figure.text and story_subheading(text, figure.start)


def _known_offers(registry: Registry) -> dict[tuple, str]:
    """The registry's offer items by (proposer, item type, value, unit): the first of each."""
    known: dict[tuple, str] = {}
    for offer_id, offer in registry.offers.items():
        try:
            value = None if offer.get("value") in (None, "") else float(offer["value"])
        except (TypeError, ValueError):
            continue
        known.setdefault((offer.get("proposer_org_id"), offer.get("item_type"), value, offer.get("unit") or None), offer_id)
    return known


GUESSED = "no proposer is named in the sentence: read as"  # how a proposer read from outside its sentence is noted
FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
# Words for the members of a union ("Teachers are demanding ..."): read as the union the article names most.
MEMBERS = re.compile(r"\b(?:teachers|educators|staff|employees|workers|nurses|members|drivers|custodians)\b", re.I)


def _proposer_of(text: str, entities: Entities, sentence: Span, item: OfferItem, teller: str | None,
                 reading: _Reading, quoted: bool = False) -> tuple[str | None, str]:
    """Whose item it is, and how that was read ("" when an organization is named as its proposer): the
    party named in the item's clause, else in its sentence (a party named after the teller: "the
    union said the district demanded ..."), a descriptor ("the district"), the teller itself, or the party
    named last before the sentence. An item no side asks for its own members (a wage freeze, higher
    health costs), read as a union's, is the employer's position as the union tells it."""
    proposer, how = None, ""
    clause = _clause_start(text, sentence, item.start)
    if quoted and teller is not None and entities.orgs[teller].kind != OUTLET and FIRST_PERSON.search(text, sentence.start, item.start):
        return _employer_position(entities, item, teller, "'we' in the quotation read as the speaker's organization")
    for start in dict.fromkeys((clause, sentence.start)):
        first = bisect_left(reading.party_starts, start)
        last = bisect_left(reading.party_starts, item.start)
        parties = [m for m in reading.parties[first:last] if m.end <= item.start]
        if parties:
            others = [m.id for m in parties if m.id != teller]
            if parties[0].id != teller:
                proposer = parties[0].id
            elif others:
                proposer = others[-1]
            else:  # only the teller is named: "the Teachers Alliance said the district demanded ..."
                after = parties[-1].end
                descriptor = entities.descriptor(text[after:item.start], after, first=True)
                proposer = descriptor if descriptor and descriptor != teller else teller
                if proposer != teller:
                    how = f"the proposer is read from the words after the teller as {entities.orgs[proposer].name}"
            break
        descriptor = entities.descriptor(text[start:item.start], start, first=True)
        if descriptor:
            proposer, how = descriptor, f"the proposer is read from the words before the item as {entities.orgs[descriptor].name}"
            break
    if proposer is None:  # "The 3% raise is the district's third offer"
        descriptor = entities.descriptor(text[item.end:sentence.end], item.end, first=True)
        if descriptor:
            proposer, how = descriptor, f"the proposer is read from the words after the item as {entities.orgs[descriptor].name}"
    if proposer is None and teller is not None and entities.orgs[teller].kind != OUTLET:
        proposer, how = teller, "no proposer is named in the sentence: read as the teller's own item"
    members = MEMBERS.search(text, clause, item.start) if proposer is None else None
    union = _most_named(entities, UNION_KINDS) if members else None
    if union is not None and members is not None:
        proposer, how = union, f"'{members.group()}' read as {entities.orgs[union].name}, the union the article names most"
    if proposer is None:
        first = bisect_left(reading.party_starts, sentence.start)
        if first > 0:
            proposer = reading.parties[first - 1].id
            how = f"no proposer is named in the sentence: read as {entities.orgs[proposer].name}, the party named last before it"
    return _employer_position(entities, item, proposer, how)


def _employer_position(entities: Entities, item: OfferItem, proposer: str | None, how: str) -> tuple[str | None, str]:
    """An item no side asks for its own members (a wage freeze, higher health costs), read as a
    union's, is the employer's position as the union tells it."""
    if proposer is not None and item.item_type in EMPLOYER_ITEMS and entities.orgs[proposer].kind in UNION_KINDS:
        employer = _counterpart(entities, proposer)
        if employer:
            how = (f"a {item.item_type.replace('_', ' ')} is no union's own demand: read as the position of "
                   f"{entities.orgs[employer].name}, as {entities.orgs[proposer].name} tells it")
            proposer = employer
    return proposer, how


def _most_named(entities: Entities, kinds: tuple[str, ...]) -> str | None:
    """The organization of these kinds the article names most (the one without a parent first)."""
    named = [o for o in entities.orgs.values() if o.kind in kinds and entities.count(o.org_id)]
    return max(named, key=lambda o: (entities.count(o.org_id), o.parent_org_id is None)).org_id if named else None


CLAUSE_OF_ITEM = re.compile(r";\s|\s(?:but|while|whereas)\s")


def _clause_start(text: str, sentence: Span, position: int) -> int:
    """Where the clause holding `position` starts: after the last semicolon, "but", "while" or
    "whereas" of the sentence before it ("the union came down to 6%; the district moved to 4%")."""
    start = sentence.start
    for m in CLAUSE_OF_ITEM.finditer(text, sentence.start, position):
        start = m.end()
    return start


def _latest(start: str | None, precision: str, end: str | None = None) -> str | None:
    """The latest possible day of a start: the day itself, else the end of its week, month or year."""
    if start is None:
        return None
    day = dt.date.fromisoformat(start)
    if precision == "week":
        return end or (day + dt.timedelta(days=6 - day.weekday())).isoformat()
    if precision == "month":
        return ((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).isoformat()
    if precision == "year":
        return day.replace(month=12, day=31).isoformat()
    return end if precision == "range" and end else start


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


def _counterpart(entities: Entities, proposer: str | None) -> str | None:
    """District offers go to the most named union; union demands to the most named district."""
    if proposer is None:
        return None
    kind = entities.orgs[proposer].kind
    wanted = ("union", "union_chapter") if kind == "school_district" else ("school_district",) if kind in ("union", "union_chapter") else ()
    named = [o for o in entities.orgs.values() if o.kind in wanted and entities.count(o.org_id)]
    if not named:  # none named by name ("the district"): the registry's only one, or its main one
        named = [o for o in entities.orgs.values() if o.kind in wanted and o.parent_org_id is None]
        return named[0].org_id if len(named) == 1 else None
    return max(named, key=lambda o: (entities.count(o.org_id), o.parent_org_id is None)).org_id


def _events(draft: Draft, happenings: list[Happening], entities: Entities, date: dt.date | None, registry: Registry,
            ids: _Ids, reading: _Reading, furniture: Furniture) -> None:
    """A dated mention for each sentence and date the article holds, and the events the registry lacks
    with the organizations of each (event_participants)."""
    _limit(draft, len(happenings), "date expressions")
    proposals = _EventProposals(draft, entities, date, registry, ids, reading)
    happenings = happenings[:MAX_PROPOSALS]
    page = exact_tellings(happenings, proposals.kind, proposals.workforce)
    known = registry_tellings(registry.events, proposals.workforce_of_words)
    # "the strike's 11th day", counted from its first day: the day its sentence tells, not the article's.
    counted = [h for h in counted_strike_days(reading.text, happenings, page, known, date) if not furniture.holds(h.start)]
    counted_in, recounted = {reading.sentences.at(h.start) for h in counted}, {h.start for h in counted}
    for happening in happenings:
        if happening.start not in recounted and not (told_without_date(happening) and reading.sentences.at(happening.start) in counted_in):
            kind, sentence = proposals.kind(happening), reading.sentences.at(happening.start)
            told = reading.text[sentence.start:sentence.end] if sentence is not None else ""
            proposals.add(closed_for_the_strike(happening, kind, page + known, date, told)
                          or settle(happening, kind, page, known, date, proposals.workforce(happening), proposals.headline(happening)))
    for happening in counted[:MAX_PROPOSALS]:
        proposals.add(happening)
    # Tellings with no day of their own, proposed only when their kin elsewhere gives them one: a clause
    # beside a dated one, and the strike a condition speaks of ("if the strike goes ahead"), from what the
    # page plans to the day when it plans a strike.
    clauses = undated_clauses(reading.text, reading.sentences.spans, happenings, date)
    ahead = exact_tellings([h for h in happenings if h.tense == "future"], proposals.kind, proposals.workforce)
    planned = ahead if any(told.kind == "strike" for told in ahead) else page
    undated = [(c, proposals.kind(c), page) for c in clauses] + [(c, "strike", planned) for c in strike_if(reading.text, date)]
    for happening, kind, tellings in [u for u in undated if not furniture.holds(u[0].start)][:MAX_PROPOSALS]:
        settled = settle(happening, kind, tellings, known, date, proposals.workforce(happening), proposals.headline(happening))
        if settled is not happening:
            proposals.add(settled)
    draft.new_events = [e for e in proposals.events.values() if e]
    draft.new_event_participants = [p for e in draft.new_events for p in draft.participants.get(e["event_id"], [])]


class _EventProposals:
    """The dated mentions of one draft, proposed one happening at a time: one per sentence and date,
    each naming an event of the registry (same type and start date) or a new one."""

    def __init__(self, draft: Draft, entities: Entities, date: dt.date | None, registry: Registry, ids: _Ids,
                 reading: _Reading):
        self.draft, self.entities, self.date, self.ids, self.reading = draft, entities, date, ids, reading
        self.seen: dict[tuple[int, str | None], dict] = {}  # (sentence start, date) -> its mention
        self.events: dict[str, dict] = {}  # event id -> the new event's entry ({} for one the registry holds)
        self.parties: dict[tuple[int, str], list[tuple[str, str, str, str]]] = {}  # (sentence start, kind) -> its participants
        self.known = _known_events(registry)
        self.kins: dict[int, str] = {}  # a happening's start -> its kin
        # The unions whose names tell whose they are ("Teachers Association", "School Workers Local 12"), by every name
        # they go by ("the ACEA"): one pattern per workforce.
        named: dict[str, list[str]] = {}
        for org in entities.orgs.values():
            whose = workforce(org.name)
            if org.kind in ("union", "union_chapter") and len(whose) == 1:
                named.setdefault(next(iter(whose)), []).extend(re.escape(s) for s in org.surfaces())
        self.unions = {w: re.compile(rf"\b(?:{'|'.join(sorted(names, key=len, reverse=True))})\b") for w, names in named.items()}
        self.workforces: dict[int, frozenset[str]] = {}  # a happening's start -> whose it is (read once)

    def add(self, happening: Happening) -> None:
        """Propose the mention of `happening`, unless its sentence already has one of its date."""
        sentence = self.reading.sentences.at(happening.start)
        if sentence is None or (sentence.start, happening.start_date) in self.seen:
            return
        mention, start = self._mention(sentence, happening)
        kind = event_type(self.kind(happening))
        status = _reported_status(happening, mention, self.date)
        event_id = self._event_id(happening, kind, status, mention, sentence)
        basis_note = happening.note
        entry = _entry({"event_id": event_id, "text": mention, "occurrence": self.reading.occurrence(mention, start),
                        "reported_status": status}, happening.confidence,
                       f"{happening.expression!r} -> {happening.start_date}" + (f"; {basis_note}" if basis_note else ""))
        self.seen[(sentence.start, happening.start_date)] = entry
        self.draft.event_mentions.append(entry)
        self.draft.spans[id(entry)] = (start, start + len(mention))
        self.draft.dates[event_id] = happening.start_date or ""

    def kind(self, happening: Happening) -> str:
        """The kin of happening whose word stands nearest the date in the happening's mention (read once)."""
        if happening.start not in self.kins:
            sentence = self.reading.sentences.at(happening.start)
            if sentence is None:
                self.kins[happening.start] = "other"
            else:
                mention, start = self._mention(sentence, happening)
                self.kins[happening.start] = event_kin(mention, happening.start - start)
        return self.kins[happening.start]

    def headline(self, happening: Happening) -> bool:
        """The happening is told with no date words in a headline (or a deck, or an entry's title)."""
        sentence = self.reading.sentences.at(happening.start)
        return told_without_date(happening) and sentence is not None and is_title(self.reading.text, sentence)

    def workforce_of_words(self, words: str) -> frozenset[str]:
        """The workforces a passage names: in its words, or by a union's name."""
        return workforce(words) | {w for w, pattern in self.unions.items() if pattern.search(words)}

    def workforce(self, happening: Happening) -> frozenset[str]:
        """Whose happening this is: the workforces the clause of its date names, else its sentence (read once:
        the page's tellings and the settling of each ask)."""
        if happening.start not in self.workforces:
            self.workforces[happening.start] = self._workforce(happening)
        return self.workforces[happening.start]

    def _workforce(self, happening: Happening) -> frozenset[str]:
        sentence = self.reading.sentences.at(happening.start)
        if sentence is None:
            return frozenset()
        said = self.reading.text[sentence.start:sentence.end]
        if TOGETHER.search(said):
            return frozenset()  # "Support staff will walk out with them": the others' happening
        at = happening.start - sentence.start
        cuts = [0, *(m.end() for m in CLAUSE_BREAK.finditer(said)), len(said)]
        low = max(c for c in cuts if c <= at)
        high = min((c for c in cuts if c > at), default=len(said))
        return self.workforce_of_words(said[low:high]) or self.workforce_of_words(said)

    def _mention(self, sentence: Span, happening: Happening) -> tuple[str, int]:
        """The text of the mention and where it starts: its sentence without a dateline, or only the
        clause of the date when the sentence is too long to be one mention."""
        said = self.reading.sentence_text(sentence)
        mention = LIST_MARK.sub("", strip_dateline(said), count=1)  # the dateline and a list's mark are no part of any happening
        if len(mention) > 260:
            mention = _clause_of(mention, happening.start - (sentence.end - len(mention)))
        return mention, sentence.start + said.find(mention)

    def _event_id(self, happening: Happening, kind: str, status: str, mention: str, sentence: Span) -> str:
        """The registry's event of this type and start date, else a new event (proposed once), with
        the organizations its sentence gives it."""
        known = self.known.get((kind, happening.start_date)) if happening.start_date else None
        event_id = _known_event(known, mention, kind) if known else None
        if event_id is not None:
            self.events.setdefault(event_id, {})  # already in the registry
            return event_id
        parties = self._parties_of(sentence, kind)
        actor = next((org for org, role, _, _ in parties if role == "actor"), None)
        event_id = self.ids.take(f"{actor or 'event'}-{kind.replace('_', '-')}-{happening.start_date or 'undated'}")
        if event_id not in self.events:
            self.events[event_id] = _new_event(event_id, happening, kind, status, mention, self.date)
            self.draft.participants[event_id] = [
                _entry({"event_id": event_id, "org_id": org, "role": role, "basis": basis, "note": note or None},
                       0.6 if basis == "stated" else 0.45,
                       "the role is read from the order of the sentence: the first party named acts, the next is its counterpart")
                for org, role, basis, note in parties]
        return event_id

    def _parties_of(self, sentence: Span, kind: str) -> list[tuple[str, str, str, str]]:
        """The organizations of the sentence and their roles (remembered per sentence and kind)."""
        if (sentence.start, kind) not in self.parties:
            self.parties[(sentence.start, kind)] = _participants(self.reading.text, self.entities, sentence, self.reading, kind)
        return self.parties[(sentence.start, kind)]


LIST_MARK = re.compile(rf"^{BULLET}[ \t]+")  # "• Wednesday, Nov. 21, 2040": the item's mark


AHEAD_OF_THE_PAGE = dt.timedelta(days=1)


def _reported_status(happening: Happening, mention: str, date: dt.date | None) -> str:
    """Planned when told in the future or dated after the article (what is to come has not occurred, whatever the tense
    of its sentence: "rallied Thursday night, two days after the union set a March 30 strike date"); claimed when someone
    says so outside a quotation; else occurred."""
    if happening.tense == "future" or (date is not None and (happening.start_date or "") > (date + AHEAD_OF_THE_PAGE).isoformat()):
        return "planned"  # (a day after the article's may be a live page's next day, or an update's)
    return "claimed" if CLAIMED.search(blank_quoted(mention, "“", "”", lambda passage: "")) else "occurred"


def _new_event(event_id: str, happening: Happening, kind: str, status: str, mention: str, date: dt.date | None) -> dict:
    """The proposed registry entry of an event the registry lacks. A week, month or year is a range
    of possible first days (start_date to start_latest); a happening that lasts and has no end in
    the article is ongoing when reported as under way, else its end is not in the articles."""
    basis_note = happening.note
    latest = _latest(happening.start_date, happening.precision, happening.end_date)
    if kind in LASTING:
        end_status = "ongoing" if status == "occurred" else "not_in_articles"
        note = (f"end_status: a {kind.replace('_', ' ')} lasts, and the article gives no end; "
                + ("reported as under way, so ongoing as of the article's date" if end_status == "ongoing" else "its end is not in the article"))
    else:
        end_status, note = "one_day", None
    return _entry({
        "event_id": event_id, "event_type": kind, "status": status, "start_date": happening.start_date,
        "start_latest": latest, "end_status": end_status, "date_precision": happening.precision,
        "time_local": happening.time_local, "date_basis": happening.basis,
        "date_note": f"{basis_note} (article of {date.isoformat()})" if date and basis_note else basis_note or None,
        "location": location(mention), "description": mention, "note": note,
    }, happening.confidence, "description is the sentence itself: rewrite it as what happened")


# A workforce doing what another does: "Support staff will walk out too", "… alongside teachers".
TOGETHER = re.compile(r"\b(?:too|as well|with them|alongside|in solidarity)\b")
# Where a sentence's clauses part: "Bus drivers walked out Monday, two days after teachers began their strike".
CLAUSE_BREAK = re.compile(r"[,;:—]\s+|\s(?=(?:after|as|before|while|when|since|until|unlike|but)\s)")


def _clause_of(sentence: str, position: int) -> str:
    parts = list(re.finditer(r"[^,;]+", sentence))
    for part in parts:
        if part.start() <= position < part.end():
            return part.group().strip()
    return sentence


PARTY_WORDS = re.compile(r"\b(?:(?:the|its|their|a)\s+)?(?:[a-z’'-]+\s+){0,2}(?:district|union|unions|association|chapter|board)\b"
                         r"(?:(?:’s|'s)?\s+(?:officials|leaders|members|representatives|negotiators|bargaining team|team))?", re.I)
PLACE_BEFORE = re.compile(r"(?:\b(?:in front of|outside(?: of)?|at|inside|near|on the steps of)\s+(?:the\s+)?)$", re.I)
# Happenings a union does to an employer (its members' words stand for it), and one the employer does.
UNION_ACTIONS = {"strike", "picket", "rally"}
EMPLOYER_ACTIONS = {"school_closure"}
# Happenings with no other side: no counterpart is inferred for them.
ONE_SIDED = {"school_closure", "report_released", "announcement", "statement", "other"}
# Happenings of one party speaking: the first party named speaks (actor), the others are what it speaks
# of (subject).
STATEMENTS = {"statement", "announcement"}
EMPLOYER_KINDS = ("school_district",)


def _participants(text: str, entities: Entities, sentence, reading: _Reading | None = None,
                  kind: str = "other") -> list[tuple[str, str, str, str]]:
    """The organizations a sentence gives its happening, as (org_id, role, basis, note). Named ones are
    stated, those read from words ("the district", "union leaders", "teachers") inferred. A strike,
    picket or rally is the unions' (actors) against the employer (counterpart), a school closure the
    employer's; otherwise the first party acts, with those joined to it by "and" or a comma, and the
    next is its counterpart. An organization named as the place ("outside the County Office") or a
    school is the host. A party with no counterpart in the sentence has the other side the article
    names most, inferred."""
    reading = reading or _Reading(text, [], entities)
    found: list[tuple[int, int, str, str, str]] = []  # (start, end, org_id, basis, note)
    for i in range(bisect_left(reading.org_starts, sentence.start), bisect_left(reading.org_starts, sentence.end)):
        m = reading.orgs[i]
        found.append((m.start, m.end, m.id, "stated", ""))
    narration = blank_quoted(text[sentence.start:sentence.end], "“", "”", lambda passage: " ")
    for word in PARTY_WORDS.finditer(narration):
        start, end = sentence.start + word.start(), sentence.end + word.end() - len(narration)
        if any(a < end and start < b for a, b, *_ in found):
            continue
        org = entities.descriptor(word.group(), start)
        if org and entities.orgs[org].kind != OUTLET:
            found.append((start, end, org, "inferred", f"'{word.group()}' read as {entities.orgs[org].name}"))
    if kind in UNION_ACTIONS:
        members = MEMBERS.search(narration)
        union = _most_named(entities, UNION_KINDS) if members else None
        if union and members:
            at = sentence.start + members.start()
            found.append((at, at + len(members.group()), union, "inferred",
                          f"'{members.group()}' read as {entities.orgs[union].name}, the union the article names most"))
    found.sort()
    named = {f[2]: f for f in found if f[3] == "stated"}  # an organization named anywhere in the sentence is stated
    seen: set[str] = set()
    parties = []
    for start, end, org, basis, note in found:  # each organization once, where the sentence first gives it
        if org not in seen:
            seen.add(org)
            parties.append((start, end, org, *(("stated", "") if org in named else (basis, note))))
    out: list[tuple[str, str, str, str]] = []
    actor_end, actor, counterpart = None, None, None
    for start, end, org, basis, note in parties:
        org_kind = entities.orgs[org].kind
        if org_kind == "school" or PLACE_BEFORE.search(text, max(sentence.start, start - 30), start):
            role = "host"
        elif kind in STATEMENTS and actor_end is not None:
            role = "subject"  # what a statement is about
        elif kind in UNION_ACTIONS | EMPLOYER_ACTIONS and org_kind in UNION_KINDS + EMPLOYER_KINDS:
            acting = UNION_KINDS if kind in UNION_ACTIONS else EMPLOYER_KINDS
            role = "actor" if org_kind in acting else "counterpart"
        elif actor_end is None or (counterpart is None and JOINED.fullmatch(text, actor_end, start)):
            role, actor_end = "actor", end
        elif counterpart is None:
            role = "counterpart"
        else:
            role = "participant"
        actor = actor or (org if role == "actor" else None)
        counterpart = counterpart or (org if role == "counterpart" else None)
        out.append((org, role, basis, note))
    if actor and counterpart is None and kind not in ONE_SIDED and entities.orgs[actor].kind in UNION_KINDS + EMPLOYER_KINDS:
        other = _counterpart(entities, actor)
        if other and other not in seen:
            out.append((other, "counterpart", "inferred",
                        f"the sentence names no other side: read as {entities.orgs[other].name}, the other side the article names most"))
    return out


JOINED = re.compile(r"(?:,\s+|\s+)(?:and\s+|&\s+)?(?:the\s+)?|,?\s+and\s+(?:the\s+)?")


def _known_events(registry: Registry) -> dict[tuple[str | None, str | None], list[tuple[str, frozenset[str]]]]:
    """The registry's events by (type, start date), each with the words of its description."""
    known: dict[tuple[str | None, str | None], list[tuple[str, frozenset[str]]]] = {}
    for event_id, event in registry.events.items():
        known.setdefault((event.get("event_type"), event.get("start_date")), []).append(
            (event_id, _content_words(str(event.get("description") or ""))))
    return known


def _content_words(passage: str) -> frozenset[str]:
    """The words of a passage that tell what it is about (four letters or more, in lower case)."""
    return frozenset(w for w in re.findall(r"[a-z]{4,}", passage.lower()) if w not in COMMON_WORDS)


COMMON_WORDS = frozenset({"that", "this", "with", "from", "have", "said", "were", "their", "they", "them", "would", "will",
                          "been", "about", "after", "before", "district", "union", "which", "when", "what"})


def _known_event(known: list[tuple[str, frozenset[str]]], mention: str, kind: str) -> str | None:
    """Of the registry's events of one type and day, the one whose description shares most words with the
    mention ("In a release sent minutes before midnight, the district said …": the district's release, not
    the union's advisory of that day); the first on a tie. A page tells many statements and announcements a
    day: one that shares no word with the mention is another, and none is linked (a new event is proposed)."""
    words = _content_words(mention)
    shared, event_id = max(((len(entry[1] & words), entry[0]) for entry in known), key=lambda pair: pair[0])
    return None if shared == 0 and kind in SAID_KINDS else event_id


SAID_KINDS = {"statement", "announcement"}


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
# from 0 to 1. Correct what is wrong here, add what is missing, then run `strikedata review` on this
# file: it shows each proposal with its sentence and the registry entries it links to, and you
# confirm, reject or relink each one. `strikedata build` refuses the package until every entry of a
# drafted file carries the stamp a review writes (deleting `confirmed` lines does not confirm them).
# Comments starting with '# extract:' say how a value was read; delete them with the review.
"""


def render_article(draft: Draft, today: str) -> str:
    """The draft as the YAML text of seeds/articles/<article_id>.yaml."""
    lines = [HEADER.format(seed_file=draft.article["seed_file"], today=today).rstrip("\n")]
    lines += [f"# extract: {note}" for note in draft.notes]
    lines += _mapping_lines(_before_review(draft.article, DRAFTED_ON, today), "")
    for key in ARTICLE_LISTS:
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
             "# Correct each where it is wrong, then confirm it with `strikedata review` (it asks about these with the article)."]
    for entry in entries:
        lines.append("")
        lines += _entry_lines(_before_review(entry, PROPOSED_FOR, article_id), "")
    return "\n".join(lines) + "\n"


def _before_review(entry: dict, key: str, value: str) -> dict:
    """The entry with one more key just before its review keys. `drafted_on` and `proposed_for` mark
    where a draft came from (they stay, as provenance): only a review stamp confirms such an entry."""
    own = {k: v for k, v in entry.items() if k not in REVIEW_KEYS}
    return {**own, key: value, **{k: entry[k] for k in entry if k in REVIEW_KEYS}}


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
