"""One raw article in, a draft annotation out: the file a curator then confirms or corrects.

The draft is written in the curators' own format (seeds/articles/<id>.yaml); people, organizations
and events the registries lack are appended to seeds/people.yaml, organizations.yaml and events.yaml.
Every proposal carries `confirmed: false` and a `confidence`, and `strikedata build` refuses it until a
curator has looked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..normalize import normalize
from .attribution import attribute, mask_quotations, reporter
from .entities import Entities, Org, Registry, find_entities
from .figures import find_figures, find_offer_items
from .happenings import event_type, find_happenings, location
from .quotations import find_quotations
from .text import plain_number, sentences, slug

OUTLET = "news_outlet"
# "SACRAMENTO, Calif. (KXYZ) — " opens the first paragraph; it is not part of any happening.
DATELINE = re.compile(r"^[A-Z][A-Z .'-]+, [A-Z][A-Za-z.]*\.?(?: \([A-Z0-9]+\))? [—–-]\s*")


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


def extract_article(raw: bytes, seed_file: str, registry: Registry, *, published: dt.date | None = None,
                    outlet: str | None = None, taken: set[str] | frozenset = frozenset()) -> Draft:
    """Propose annotations for one raw article (pure: reads nothing, writes nothing)."""
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
    spans = sentences(text, mask_quotations(text, quotations))
    _quotes(draft, text, quotations, entities, ids)
    _figures_and_offers(draft, text, entities, spans, ids)
    _events(draft, text, entities, spans, date, registry, ids)
    for person in entities.people.values():
        draft.people_named.append(person.name)
        if person.new:
            draft.new_people.append(_entry(
                {"person_id": person.person_id, "name": person.name, "aliases": list(person.aliases) or None,
                 "role": person.role or None, "org_id": person.org_id}, person.confidence,
                f"named in {article_id}" + ("" if person.role else "; no title given: write the role")))
    for org in entities.orgs.values():
        if org.new and (entities.count(org.org_id) or org.org_id == outlet_id):
            draft.new_organizations.append(_entry(
                {"org_id": org.org_id, "name": org.name, "short_name": org.short_name or org.name, "kind": org.kind,
                 "parent_org_id": org.parent_org_id, "aliases": list(org.aliases) or None}, org.confidence,
                f"named in {article_id}; kind '{org.kind}' is read from the words of its name"))
    return draft


class _Ids:
    """Ids unique across the project: a clash gets -2, -3, ..."""

    def __init__(self, taken: set[str]):
        self.taken = taken

    def take(self, wanted: str) -> str:
        wanted = slug(wanted)[:60].strip("-") or "item"
        candidate, n = wanted, 2
        while candidate in self.taken:
            candidate, n = f"{wanted}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def _entry(values: dict, confidence: float, comment: str = "") -> dict:
    entry = {k: v for k, v in values.items() if v is not None and v != ""}
    entry["confirmed"] = False
    entry["confidence"] = round(confidence, 2)
    if comment:
        entry["#"] = comment
    return entry


def _outlet(article, given: str | None, entities: Entities, text: str) -> tuple[str | None, str, str]:
    outlets = {o.org_id: o for o in entities.orgs.values() if o.kind == OUTLET}
    if given:
        for org in entities.orgs.values():
            if given == org.org_id or given.lower() in (s.lower() for s in org.surfaces()):
                return org.org_id, "stated", f"Outlet: given with --outlet ({given})."
        new = Org(slug(given), given, given, OUTLET, new=True, confidence=0.6)
        entities.orgs[new.org_id] = new
        return new.org_id, "stated", f"Outlet: given with --outlet ({given}); not yet in the registry."
    clues = [(article.source_domain, "the trailing Source line"), (article.dateline_credit, "the dateline credit")]
    for clue, where in clues:
        if not clue:
            continue
        stem = slug(clue.split(".")[0])
        for org in outlets.values():
            if any(slug(s) == stem or slug(s).startswith(stem) or stem.startswith(slug(s)) for s in org.surfaces() if slug(s)):
                return org.org_id, "stated", f"Outlet: {where} ({clue})."
        new = Org(stem, clue.split(".")[0].upper() if "." in clue else clue, clue, OUTLET,
                  aliases=(clue,) if "." in clue else (), new=True, confidence=0.5)
        entities.orgs[new.org_id] = new
        return new.org_id, "stated", f"Outlet: {where} ({clue}); a new organization, check its name."
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


def _quotes(draft: Draft, text: str, quotations: list, entities: Entities, ids: _Ids) -> None:
    speakers = attribute(text, quotations, entities)
    quote_ids: list[str] = []
    for quote, speaker in zip(quotations, speakers):
        who = (entities.people[speaker.person_id].surname if speaker.person_id else speaker.org_id) or "unknown"
        words = [w for w in re.findall(r"[A-Za-z]+", quote.text) if len(w) > 3][:4]
        quote_id = ids.take(f"{who}-{' '.join(words)}")
        quote_ids.append(quote_id)
        note = "; ".join(n for n in (quote.note, speaker.note) if n)
        entry = _entry({
            "quote_id": quote_id, "text": quote.text, "occurrence": _occurrence(text, quote.text, quote.start),
            "speaker_person_id": speaker.person_id, "speaker_org_id": speaker.org_id,
            "speaker_as_written": speaker.as_written or None, "speaker_basis": speaker.basis, "note": note or None,
            "cue": speaker.cue or None, "channel": speaker.channel, "kind": quote.kind,
            "parent_quote_id": quote_ids[quote.parent] if quote.parent is not None else None,
        }, min(quote.confidence, speaker.confidence))
        draft.quotes.append(entry)
        draft.spans[id(entry)] = (quote.start, quote.end)
    draft.quote_speakers = list(zip(quotations, speakers))  # for figures said inside a quotation


def _occurrence(text: str, needle: str, start: int) -> int | None:
    """Which appearance of the passage this is, when it appears more than once before (None: the first)."""
    n = 0
    i = text.find(needle)
    while 0 <= i < start:
        n += 1
        i = text.find(needle, i + 1)
    return n + 1 if n else None


def _figures_and_offers(draft: Draft, text: str, entities: Entities, spans, ids: _Ids) -> None:
    figures = find_figures(text)
    items = find_offer_items(text, figures, spans)
    figure_offer: dict[int, str] = {}
    for item in items:
        sentence = next(s for s in spans if s.start <= item.start < s.end)
        said = text[sentence.start:sentence.end]
        proposer = _proposer(text, entities, sentence, item.start)
        told = _asserted(draft, text, entities, sentence, item.start)
        asserted = told.org_id if told and told.org_id and told.org_id != proposer else None
        status = "characterization" if asserted else item.status
        offer_id = ids.take(f"{proposer or 'unknown'}-{item.item_type.replace('_', '-')}-{_value_slug(item.value, item.unit)}")
        for index in item.figures:
            figure_offer[index] = offer_id
        entry = _entry({
            "offer_id": offer_id, "evidence_text": item.evidence, "occurrence": _occurrence(text, item.evidence, item.start),
            "proposer_org_id": proposer, "recipient_org_id": _counterpart(entities, proposer),
            "asserted_by_org_id": asserted, "status": status, "item_type": item.item_type,
            "value": _number(item.value), "unit": item.unit, "previous_value": _number(item.previous_value),
            "recurrence": item.recurrence, "school_years": item.school_years, "eligible_group": item.eligible_group,
            "description": said,
        }, item.confidence, "description is the sentence itself: rewrite it as one line a data user can read")
        draft.offers.append(entry)
        draft.spans[id(entry)] = (item.start, item.start + len(item.evidence))
    for index, figure in enumerate(figures):
        sentence = next((s for s in spans if s.start <= figure.start < s.end), None)
        told = _asserted(draft, text, entities, sentence, figure.start) if sentence else None
        entry = _entry({
            "figure_id": ids.take(f"{draft.article['article_id']}-{figure.text.replace('%', ' pct').replace('$', 'usd ')}"), "text": figure.text, "occurrence": _occurrence(text, figure.text, figure.start),
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


def _asserted(draft: Draft, text: str, entities: Entities, sentence, position: int):
    """Whose figure or claim this is: the speaker when it stands inside a quotation, else who the sentence reports."""
    for quote, speaker in draft.quote_speakers:
        if quote.start <= position < quote.end and (speaker.person_id or speaker.org_id):
            return speaker
    return reporter(text, sentence.start, sentence.end, entities)


def _proposer(text: str, entities: Entities, sentence, position: int) -> str | None:
    """The party making an offer: the organization named last before it in the sentence, or the one before that."""
    parties = [m for m in entities.mentions if m.kind == "org" and entities.orgs[m.id].kind != OUTLET
               and entities.orgs[m.id].kind in ("school_district", "union", "union_chapter", "government", "other")]
    in_sentence = [m for m in parties if sentence.start <= m.start < position]
    if in_sentence:
        return in_sentence[0].id
    descriptor = entities.descriptor(text[sentence.start:position], sentence.start, first=True)
    if descriptor:
        return descriptor
    earlier = [m for m in parties if m.start < sentence.start]
    return earlier[-1].id if earlier else None


def _counterpart(entities: Entities, proposer: str | None) -> str | None:
    """District offers go to the most named union; union demands to the most named district."""
    if proposer is None:
        return None
    kind = entities.orgs[proposer].kind
    wanted = ("union", "union_chapter") if kind == "school_district" else ("school_district",) if kind in ("union", "union_chapter") else ()
    named = [o for o in entities.orgs.values() if o.kind in wanted and entities.count(o.org_id)]
    return max(named, key=lambda o: (entities.count(o.org_id), o.parent_org_id is None)).org_id if named else None


def _events(draft: Draft, text: str, entities: Entities, spans, date: dt.date | None, registry: Registry, ids: _Ids) -> None:
    happenings = find_happenings(text, date, spans)
    seen: dict[tuple[int, str | None], dict] = {}
    events: dict[str, dict] = {}
    for happening in happenings:
        sentence = next((s for s in spans if s.start <= happening.start < s.end), None)
        if sentence is None or (sentence.start, happening.start_date) in seen:
            continue
        mention = DATELINE.sub("", text[sentence.start:sentence.end])
        if len(mention) > 260:
            mention = _clause_of(mention, happening.start - (sentence.end - len(mention)))
        kind = event_type(mention, happening.start - (sentence.start + text[sentence.start:sentence.end].find(mention)))
        status = "planned" if happening.tense == "future" else "claimed" if re.search(
            r"\b(?:said|says|say|told|according to|allegedly|claim\w*)\b", re.sub(r"“[^”]*”", "", mention)) else "occurred"
        actor, counterpart = _parties(text, entities, sentence)
        event_id = _reuse(registry, kind, happening.start_date)
        basis_note = happening.note
        if event_id is None:
            event_id = ids.take(f"{actor or 'event'}-{kind.replace('_', '-')}-{happening.start_date or 'undated'}")
            if event_id not in events:
                events[event_id] = _entry({
                    "event_id": event_id, "event_type": kind, "status": status, "start_date": happening.start_date,
                    "end_date": happening.end_date, "date_precision": happening.precision, "time_local": happening.time_local,
                    "date_basis": happening.basis,
                    "date_note": f"{basis_note} (article of {date.isoformat()})" if date and basis_note else basis_note or None,
                    "location": location(mention), "actor_org_id": actor, "counterpart_org_id": counterpart,
                    "description": mention,
                }, happening.confidence, "description is the sentence itself: rewrite it as what happened")
        elif event_id not in events:
            events[event_id] = {}  # already in the registry
        start = sentence.start + text[sentence.start:sentence.end].find(mention)
        entry = _entry({"event_id": event_id, "text": mention, "occurrence": _occurrence(text, mention, start),
                        "reported_status": status}, happening.confidence,
                       f"{happening.expression!r} -> {happening.start_date}" + (f"; {basis_note}" if basis_note else ""))
        seen[(sentence.start, happening.start_date)] = entry
        draft.event_mentions.append(entry)
        draft.spans[id(entry)] = (start, start + len(mention))
        draft.dates[event_id] = happening.start_date or ""
    draft.new_events = [e for e in events.values() if e]


def _clause_of(sentence: str, position: int) -> str:
    parts = [m for m in re.finditer(r"[^,;]+", sentence)]
    for part in parts:
        if part.start() <= position < part.end():
            return part.group().strip()
    return sentence


def _parties(text: str, entities: Entities, sentence) -> tuple[str | None, str | None]:
    named: list[str] = []
    for m in entities.mentions:
        if m.kind == "org" and sentence.start <= m.start < sentence.end and entities.orgs[m.id].kind != OUTLET and m.id not in named:
            named.append(m.id)
    if not named:
        descriptor = entities.descriptor(text[sentence.start:sentence.end], sentence.start)
        named = [descriptor] if descriptor else []
    return (named[0] if named else None), (named[1] if len(named) > 1 else None)


def _reuse(registry: Registry, kind: str, start_date: str | None) -> str | None:
    """An event the registry already holds, of the same type on the same date."""
    for event_id, event in registry.events.items():
        if start_date and event.get("event_type") == kind and event.get("start_date") == start_date:
            return event_id
    return None


def taken_ids(root: Path) -> set[str]:
    """Every id the project's annotation files already use, so proposals never clash with them."""
    taken: set[str] = set()
    for path in sorted((root / "seeds").glob("**/*.yaml")):
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        if isinstance(data, list):  # a registry
            entries = data
        elif isinstance(data, dict):  # an article and its lists (event mentions name events, they do not own ids)
            entries = [data, *(e for key in ("quotes", "offers", "figures") for e in data.get(key) or [])]
        else:
            continue
        for entry in filter(lambda e: isinstance(e, dict), entries):
            taken.update(str(entry[key]) for key in OWN_IDS if entry.get(key) and (key != "event_id" or "event_type" in entry))
    return taken


OWN_IDS = ("article_id", "quote_id", "offer_id", "figure_id", "person_id", "org_id", "event_id")


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
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 30, default_flow_style=True)
    return dumped.removesuffix("\n...\n").removesuffix("\n")
