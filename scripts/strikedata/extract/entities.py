"""People and organizations: the registries already curated, where each is mentioned in an article,
and proposals for the ones the registries do not hold yet."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .text import slug

# General English vocabulary, never names from any one article.
ORG_WORDS = {
    "District", "Association", "Union", "Federation", "Council", "Board", "Office", "Department", "School", "Schools",
    "Elementary", "Academy", "College", "University", "Unified", "Local", "Chapter", "Committee", "Commission",
    "Coalition", "Foundation", "Institute", "Agency", "Authority", "Company", "Corporation", "Inc", "Party", "Network",
    "Alliance", "Guild", "Employees", "Workers", "Teachers", "Educators", "Hospital", "Clinic", "Health", "Insurance",
    "Bureau", "Administration", "Services", "Partners", "Group", "Society", "League", "Middle",
    "High", "Charter", "Government", "Assembly", "Senate", "Legislature", "Court", "Police", "Fire",
}
PLACE_WORDS = {
    "Plaza", "Hall", "Avenue", "Ave", "Boulevard", "Blvd", "Street", "Road", "Park", "Square", "Building", "Campus",
    "Stadium", "Library", "Bridge", "Capitol", "River", "Lake", "County", "City", "Valley", "Heights", "Beach",
    "Airport", "Drive", "Lane", "Way", "Mall", "Station", "Highway", "Freeway", "Street", "State", "Island", "Mountain",
    "Center", "Centre",  # a place, not an organization: "outside the ... Center" names where, not who
}
TITLE_WORDS = {
    "President", "Vice", "Superintendent", "Chief", "Director", "Secretary", "Treasurer", "Chair", "Chairman",
    "Chairwoman", "Chairperson", "Councilmember", "Councilman", "Councilwoman", "Mayor", "Governor", "Senator",
    "Assemblymember", "Assemblyman", "Assemblywoman", "Representative", "Rep", "Sen", "Gov", "Trustee", "Member",
    "Spokesperson", "Spokesman", "Spokeswoman", "Principal", "Teacher", "Officer", "Commissioner", "Manager",
    "Coordinator", "Negotiator", "Organizer", "Dr", "Mr", "Mrs", "Ms", "Professor", "Deputy", "Assistant",
    "Associate", "Executive", "General", "Counsel", "Attorney", "Judge", "Sheriff", "Chancellor", "Dean", "Reporter",
    "Lead", "Interim", "Acting", "Former", "Board", "Supervisor", "Lt", "Sgt", "Capt", "Pastor", "Rev", "Father",
}
CALENDAR_WORDS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
}
# Words capitalised only because they start a sentence or a heading.
SENTENCE_WORDS = {
    "The", "A", "An", "In", "On", "At", "If", "But", "And", "Or", "After", "Before", "When", "While", "Although",
    "Though", "Meanwhile", "However", "This", "That", "These", "Those", "It", "Its", "They", "We", "I", "He", "She",
    "Our", "Their", "His", "Her", "As", "For", "With", "By", "From", "To", "Of", "Late", "Early", "Last", "Next",
    "According", "Where", "What", "Why", "How", "Who", "Both", "Some", "Many", "Most", "All", "Several", "Still",
    "Now", "Then", "Since", "Until", "During", "Ultimately", "Basically", "Also", "Even", "Only", "Just", "So",
    "Yes", "No", "Not", "Here", "There", "Today", "Tomorrow", "Yesterday", "Tonight", "Mr", "Mrs", "Ms", "Dr",
    "Students", "Parents", "Teachers", "Officials", "Leaders", "Members", "Union", "District", "Another", "Each",
    "Every", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Saturday’s",
}
KIND_WORDS = [
    ("union_chapter", {"Chapter"}),
    ("school_district", {"District", "Unified"}),
    ("union", {"Union", "Association", "Federation", "Local", "Guild", "Employees", "Workers", "Teachers", "Educators"}),
    ("school", {"School", "Elementary", "Academy", "High", "Middle", "Charter"}),
    ("government", {"Council", "Office", "Department", "County", "City", "State", "Commission", "Government", "Board",
                    "Assembly", "Senate", "Legislature", "Court", "Police", "Fire", "Bureau", "Administration"}),
    ("health_insurer", {"Health", "Insurance"}),
]
TOKEN = re.compile(r"[^\W\d_][\w’'&-]*|\d[\d,.]*\w*")
ACRONYM_WITH_NAME = re.compile(r"(?P<name>(?:[A-Z][\w’'&-]*\s+)(?:(?:of|for|and|the)\s+|[A-Z][\w’'&-]*\s+|\d+\s+)*[A-Z0-9][\w’'&-]*)\s+\((?P<short>[A-Z][A-Za-z0-9&-]{1,9})\)")
ROLE_BOUNDARY = {
    "said", "says", "say", "told", "tells", "explained", "stated", "wrote", "added", "according", "because", "after",
    "before", "when", "while", "and", "but", "that", "which", "who", "with", "by", "from", "to", "for", "as", "if",
    "on", "in", "at", "asked", "noted", "like",
}
ARTICLES = {"a", "an", "the"}
# Common nouns that stand for an organization ("the district said"), and the kinds they can mean.
HEADS = {
    "district": ("school_district",), "union": ("union", "union_chapter"), "association": ("union",),
    "chapter": ("union_chapter",), "board": ("school_district", "government"), "council": ("government",),
    "city": ("government",), "county": ("government",), "state": ("government",), "school": ("school",),
}


@dataclass
class Org:
    org_id: str
    name: str
    short_name: str = ""
    kind: str = "other"
    parent_org_id: str | None = None
    aliases: tuple[str, ...] = ()
    new: bool = False
    confidence: float = 1.0

    def surfaces(self) -> list[str]:
        return [s for s in {self.name, self.short_name, *self.aliases} if s]


@dataclass
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    org_id: str | None = None
    new: bool = False
    confidence: float = 1.0

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Registry:
    orgs: dict[str, Org] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> "Registry":
        """The registry files of a folder (a project's seeds/, or a held-out corpus)."""
        def entries(name: str) -> list[dict]:
            path = folder / name
            if not path.is_file():
                return []
            data = yaml.safe_load(path.read_text("utf-8")) or []
            return [e for e in data if isinstance(e, dict)]

        registry = cls()
        for e in entries("organizations.yaml"):
            registry.orgs[str(e["org_id"])] = Org(str(e["org_id"]), str(e.get("name") or ""), str(e.get("short_name") or ""),
                                                  str(e.get("kind") or "other"), e.get("parent_org_id"), _names(e.get("aliases")))
        for e in entries("people.yaml"):
            registry.people[str(e["person_id"])] = Person(str(e["person_id"]), str(e.get("name") or ""), _names(e.get("aliases")),
                                                          str(e.get("role") or ""), e.get("org_id"))
        for e in entries("events.yaml"):
            registry.events[str(e["event_id"])] = {k: (str(v) if v is not None else None) for k, v in e.items()}
        return registry


def _names(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(";") if v.strip())
    return tuple(str(v) for v in value)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: str  # person | org
    id: str


@dataclass
class Entities:
    """Who and what an article mentions, with positions: registry entries and new proposals."""

    orgs: dict[str, Org]
    people: dict[str, Person]
    mentions: list[Mention]

    def within(self, start: int, end: int, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind and start <= m.start and m.end <= end]

    def before(self, position: int, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind and m.end <= position]

    def count(self, org_id: str) -> int:
        return sum(1 for m in self.mentions if m.id == org_id)

    def descriptor(self, np: str, position: int, first: bool = False) -> str | None:
        """'the district', 'union officials', 'the teachers union': an organization the article names."""
        words = re.findall(r"[a-z]+", np.lower())
        order = range(len(words)) if first else range(len(words) - 1, -1, -1)
        head_index = next((i for i in order if words[i] in HEADS), None)
        if head_index is None:
            return None
        head = words[head_index]
        kinds = HEADS[head]
        named = {m.id for m in self.mentions if m.kind == "org"}
        fitting = [o for o in self.orgs.values() if o.kind in kinds or head.capitalize() in o.name.split()]
        # Prefer what the article names; else what the registry knows ("the district" in a short piece).
        candidates = [o for o in fitting if o.org_id in named] or (fitting if len(fitting) == 1 else [])
        modifiers = [w for w in words[:head_index] if w not in {"the", "a", "an", "its", "their", "of", "head", "local"}]
        if modifiers:
            narrowed = [o for o in candidates if any(w[:5] in o.name.lower() for w in modifiers)]
            candidates = narrowed or candidates
        if not candidates:
            return None
        if head in ("union", "association", "chapter") and not modifiers:
            recent = [m for m in self.before(position, "org") if m.id in {o.org_id for o in candidates}]
            if recent:
                return recent[-1].id
        return max(candidates, key=lambda o: (head.capitalize() in o.name.split(), self.count(o.org_id), o.parent_org_id is None)).org_id


def find_entities(text: str, registry: Registry) -> Entities:
    orgs = {k: replace(v) for k, v in registry.orgs.items()}
    for org in new_organizations(text, orgs):
        orgs[org.org_id] = org
    org_mentions = _surface_mentions(text, {o.org_id: o.surfaces() for o in orgs.values()}, "org")
    people: dict[str, Person] = {}
    person_mentions: list[Mention] = []
    taken = [(m.start, m.end) for m in org_mentions]
    for run_start, tokens in _capitalized_runs(text):
        found = _person_in_run(text, tokens, registry, orgs, people, taken)
        if found:
            person_mentions.append(found)
    # A surname alone, after the full name: the same person.
    for person in list(people.values()):
        for m in re.finditer(rf"(?<![\w’'-]){re.escape(person.surname)}(?![\w-])", text):
            if not any(p.start <= m.start() < p.end for p in person_mentions):
                person_mentions.append(Mention(m.start(), m.end(), "person", person.person_id))
        if person.new and sum(1 for p in person_mentions if p.id == person.person_id and text[p.start:p.end] == person.surname):
            person.aliases = (person.surname,)
    mentions = sorted(org_mentions + person_mentions, key=lambda m: (m.start, -m.end))
    entities = Entities(orgs, people, mentions)
    for person in people.values():
        if person.new and not person.org_id and person.role:
            first = next(m.start for m in mentions if m.id == person.person_id)
            person.org_id = entities.descriptor(person.role, first)
    return entities


def _surface_mentions(text: str, surfaces: dict[str, list[str]], kind: str) -> list[Mention]:
    """Every occurrence of any surface form, longest first, never overlapping."""
    pairs = sorted(((s, i) for i, forms in surfaces.items() for s in forms), key=lambda p: -len(p[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for surface, ident in pairs:
        flags = 0 if surface.isupper() or len(surface) <= 4 else re.IGNORECASE
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w])", text, flags):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if m.group().isupper() and not surface.isupper():
                continue  # "SACRAMENTO, Calif." is a dateline's place, not the city's government
            taken.append((m.start(), m.end()))
            out.append(Mention(m.start(), m.end(), kind, ident))
    return out


def _capitalized_runs(text: str) -> list[tuple[int, list[re.Match]]]:
    """Runs of capitalised words joined by single spaces (a comma, digit or lowercase word ends a run)."""
    runs: list[tuple[int, list[re.Match]]] = []
    current: list[re.Match] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        joined = current and text[current[-1].end():m.start()] == " "
        if word[0].isupper() and not word.isupper() or (word.isupper() and len(word) > 1):
            if current and not joined:
                runs.append((current[0].start(), current))
                current = []
            current.append(m)
            if word.endswith(("’s", "'s")):
                runs.append((current[0].start(), current))
                current = []
        else:
            if current:
                runs.append((current[0].start(), current))
            current = []
    if current:
        runs.append((current[0].start(), current))
    return runs


def _person_in_run(text: str, tokens: list[re.Match], registry: Registry, orgs: dict[str, Org],
                   people: dict[str, Person], taken: list[tuple[int, int]]) -> Mention | None:
    words = [t.group() for t in tokens]
    # The name is what follows the last title word, acronym or organization word of the run.
    cut = 0
    for i, word in enumerate(words):
        if word in TITLE_WORDS or word.isupper() or word in ORG_WORDS or word in SENTENCE_WORDS or word.rstrip("’'s") in CALENDAR_WORDS:
            cut = i + 1
    name_tokens = tokens[cut:]
    if not 2 <= len(name_tokens) <= 3:
        return None
    name_words = [t.group() for t in name_tokens]
    last = name_words[-1]
    if last.endswith(("’s", "'s")):
        name_words[-1] = last[:-2]
    if any(w in PLACE_WORDS or w in ORG_WORDS or w in CALENDAR_WORDS or w.isupper() for w in name_words):
        return None
    start, end = name_tokens[0].start(), name_tokens[0].start() + len(" ".join(name_words))
    if any(s < end and start < e for s, e in taken):
        return None
    name = " ".join(name_words)
    existing = next((p for p in registry.people.values() if p.name == name or name in p.aliases), None)
    if existing:
        people.setdefault(existing.person_id, existing)
        return Mention(start, end, "person", existing.person_id)
    person_id = slug(name)
    if person_id not in people:
        role = _role(text, tokens[:cut], start, end)
        org_id = _org_in(role, orgs)
        if role.endswith(("’s", "'s")):
            role = ""  # "WXYZ 7’s Jane Doe": whose, not what
        people[person_id] = Person(person_id, name, role=role, org_id=org_id, new=True, confidence=0.7)
    return Mention(start, end, "person", person_id)


def _role(text: str, title_tokens: list[re.Match], start: int, end: int) -> str:
    """The title a person is given: an apposition after the name, or the words before it."""
    after = re.match(r",\s+(?:(?:a|an|the)\s+)?([^,.;“”\"]{3,90}?)(?=[,.;“”\"]|\s+(?:said|says|told)\b|$)", text[end:end + 120])
    if after and not re.match(r"(?:who|which|said|says|told|and|but)\b", after.group(1)):
        return after.group(1).strip()
    words = re.findall(r"[\w’'&-]+|[^\w\s]", text[max(0, start - 120):start])
    role: list[str] = []
    for word in reversed(words):
        if not re.match(r"[\w’'&-]", word) or word.lower() in ROLE_BOUNDARY:
            break
        role.insert(0, word)
    while role and role[0].lower() in ARTICLES:
        role.pop(0)
    return " ".join(role)


def _org_in(phrase: str, orgs: dict[str, Org]) -> str | None:
    best = None
    for org in orgs.values():
        for surface in org.surfaces():
            if re.search(rf"(?<![\w-]){re.escape(surface)}(?!\w)", phrase) and (best is None or len(surface) > best[1]):
                best = (org.org_id, len(surface))
    return best[0] if best else None


def org_kind(name: str) -> str:
    words = set(name.replace("-", " ").split())
    for kind, keys in KIND_WORDS:
        if words & keys:
            return kind
    return "other"


def new_organizations(text: str, known: dict[str, Org]) -> list[Org]:
    """Organizations named in the text that the registry lacks: 'Full Name (ACRONYM)' first, then
    capitalised names ending in an organization word ('... District', '... Association')."""
    def is_known(name: str) -> bool:
        return any(name.lower() == s.lower() for o in known.values() for s in o.surfaces())

    found: dict[str, Org] = {}
    for m in ACRONYM_WITH_NAME.finditer(text):
        name, short = _strip_leading(m.group("name")), m.group("short")
        if is_known(name) or is_known(short):
            continue
        org_id = slug(short)
        found.setdefault(org_id, Org(org_id, name, short, org_kind(name), new=True, confidence=0.75))
    for start, tokens in _capitalized_runs(text):
        words = [t.group() for t in tokens]
        while words and words[0] in SENTENCE_WORDS:
            words.pop(0)
        if len(words) < 2 or words[-1] not in ORG_WORDS or any(w in CALENDAR_WORDS for w in words):
            continue
        name = " ".join(words)
        number = re.match(r" (\d+)\b", text[tokens[-1].end():])
        if words[-1] == "Local" and number:
            name += number.group()
        if is_known(name) or any(name == o.name or name in o.aliases for o in found.values()):
            continue
        if any(name in o.name for o in known.values()) or any(name in o.name for o in found.values()):
            continue  # a shorter form of a name already held ("City Unified" inside "... City Unified School District")
        org_id = slug(name)
        found.setdefault(org_id, Org(org_id, name, name, org_kind(name), new=True, confidence=0.5))
    return [o for o in found.values() if o.org_id not in known]


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0] in SENTENCE_WORDS:
        words.pop(0)
    return " ".join(words)
