"""People and organizations: the registries already curated, where each is mentioned in an article,
and proposals for the ones the registries do not hold yet."""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from .errors import ExtractError, read_yaml
from .furniture import Furniture, over_a_handle
from .holidays import NAMED_DAY
from .text import CALENDAR_WORDS, PEOPLE_NOUNS, WEEKDAY_NAME, blank_quoted, slug

# General English vocabulary, never names from any one article.
ORG_WORDS = {
    "District", "Association", "Union", "Federation", "Council", "Board", "Office", "Department", "School", "Schools",
    "Elementary", "Academy", "College", "University", "Unified", "Local", "Chapter", "Committee", "Commission",
    "Coalition", "Foundation", "Institute", "Agency", "Authority", "Company", "Corporation", "Inc", "Party", "Network",
    "Alliance", "Guild", "Employees", "Workers", "Teachers", "Educators", "Hospital", "Clinic", "Health", "Insurance",
    "Bureau", "Administration", "Services", "Partners", "Group", "Society", "League", "Middle", "System", "Systems",
    "High", "Charter", "Government", "Assembly", "Senate", "Legislature", "Court", "Police", "Fire",
    "Assn", "Assoc", "Dept", "Univ",  # the abbreviations news copy uses in names ("Teachers Assn.")
    "Associates", "Consulting", "Consultants", "Advisors", "Advisers", "Strategies", "Solutions", "Analytics", "LLC",
    "Club", "Dental", "Orthodontics", "Realty", "Bakery", "Motors", "Pharmacy", "Bank", "Brief", "Newsletter",
    "Tool", "Tools", "Manufacturing", "Industries", "Supply", "Works", "Machine", "Machining", "Construction",  # firms
    "Hardware", "Market", "Grocery", "Diner", "Cafe", "Restaurant", "Store", "Shop", "Salon", "Garage",  # shops
    "Electric", "Energy", "Utilities", "Cooperative", "Co-op", "Telecom", "Transit", "Airlines", "Railroad", "Railway",
    "Trucking", "Logistics", "Freight", "Farms", "Dairy", "Lumber", "Mining", "Brewing", "Brewery", "Foods", "Media",
    "Broadcasting",  # employers and utilities ("a lineman for Tamarack Rural Electric")
    "Security", "Staffing", "Catering", "Janitorial", "Landscaping",  # contractors
    # ("Ironclad Site Security has billed $410,000 for guards", "Brightline Staffing")
    "Team", "Teams", "Squad", "Crew",  # "We are Team Kids"
    "Chamber",  # "the Marlow Falls Area Chamber (of Commerce)"
    "Mennonite", "Lutheran", "Methodist", "Presbyterian", "Baptist", "Episcopal", "Catholic", "Unitarian", "Pentecostal",
    "Adventist", "Congregational", "Evangelical",  # a congregation by its church ("the food pantry at First Mennonite")
}
# Who an advocacy group is, before "United" at its name's end ("Calder Springs Parents United", "Families United"; not a
# sports club, "Alder Creek United", nor a slogan, "Stand United").
GROUP_NOUNS = frozenset({"Parents", "Families", "Teachers", "Educators", "Students", "Neighbors", "Citizens", "Workers",
                         "Communities", "Residents", "Taxpayers", "Moms", "Dads"})
# The last word of a house of worship's name ("First Community Church"); a family name too ("Tom Church"), so only
# after two words or more.
WORSHIP_WORDS = frozenset({"Church", "Chapel", "Cathedral", "Temple", "Synagogue", "Mosque", "Tabernacle"})
# The states whose names look like a person's (two capitalised words).
TWO_WORD_STATES = frozenset({"New York", "New Jersey", "New Mexico", "New Hampshire", "North Carolina", "North Dakota",
                             "South Carolina", "South Dakota", "West Virginia", "Rhode Island"})
# The last word of an occasion's name, not a person's ("Picture Day", "Fall Festival", "Family Literacy Night").
OCCASION_WORDS = frozenset({
    "Day", "Days", "Night", "Week", "Festival", "Fest", "Fair", "Gala", "Carnival", "Parade", "Fundraiser", "Walkathon",
    "Bazaar", "Expo", "Forum", "Summit", "Conference", "Meeting", "Breakfast", "Luncheon", "Dinner", "Concert", "Recital",
    "Tournament", "Ceremony", "Celebration", "Party", "Potluck", "Drive", "Showcase", "Awards", "Graduation", "Homecoming",
    "Award", "Prize", "Medal", "Scholarship", "Fellowship", "Update", "Updates",  # prizes, and a post's series heading
    "Time",  # a clock's zone: "times are Alaska Standard Time", "7 p.m. Pacific Time"
    "Edition", "Show", "Hour", "Podcast", "Broadcast", "Roundup", "Briefing",  # a program: "Listen Live: Morning Edition"
    "Morning", "Evening", "Tonight", "Today", "Weekend",  # "Plains Morning host Ruth Ann Delacroix", "Iowa Today"
})
# "Harrowgate Medical Center" is an organization, though "Center" alone names a place.
CARE_WORDS = frozenset({"Medical", "Health", "Cancer", "Care"})
PLACE_WORDS = {
    "Plaza", "Hall", "Avenue", "Ave", "Boulevard", "Blvd", "Street", "Road", "Park", "Square", "Building", "Campus",
    "Stadium", "Library", "Bridge", "Capitol", "River", "Lake", "County", "City", "Valley", "Heights", "Beach",
    "Airport", "Drive", "Lane", "Way", "Mall", "Station", "Highway", "Freeway", "State", "Island", "Mountain",
    "Center", "Centre",  # a place, not an organization: "outside the ... Center" names where, not who
    "Common", "Commons", "Junction", "Crossing", "Falls", "Springs", "Creek", "Harbor", "Ridge", "Grove", "Landing",
    "Village", "Hollow",  # the ends of town and park names ("Lamplighter Common", "Pelham Junction")
    "Township", "Borough", "Town", "Parish",  # "in Harlow Township, right across the creek"
    "Line", "Route", "Trail", "Corridor",  # transit lines and roads ("Blue Line trains")
    "Field", "Ballpark", "Arena", "Gym", "Gymnasium", "Auditorium", "Room", "Pavilion",  # venues named after people
    "Calle", "Avenida", "Camino", "Paseo", "Rue",  # streets named first ("1400 W. Calle Ocotillo")
}
# A street's name abbreviated at its end ("112 N. Main St.", "Canal St."; not the saint of "Jill St. Clair").
STREET_ENDS = frozenset({"St", "Rd", "Hwy", "Pkwy", "Ct"})
# Articles opening a place's or team's name, never a person's ("Los Halcones", "Las Cruces", "El Mirador").
ARTICLE_FIRST_WORDS = frozenset({"Los", "Las", "El"})
TITLE_WORDS = {
    "President", "Vice", "Superintendent", "Chief", "Director", "Secretary", "Treasurer", "Chair", "Chairman",
    "Chairwoman", "Chairperson", "Councilmember", "Councilman", "Councilwoman", "Mayor", "Governor", "Senator",
    "Assemblymember", "Assemblyman", "Assemblywoman", "Representative", "Rep", "Sen", "Gov", "Trustee", "Member",
    "Spokesperson", "Spokesman", "Spokeswoman", "Principal", "Teacher", "Officer", "Commissioner", "Manager",
    "Coordinator", "Negotiator", "Organizer", "Dr", "Mr", "Mrs", "Ms", "Professor", "Deputy", "Assistant",
    "Associate", "Executive", "General", "Counsel", "Attorney", "Judge", "Sheriff", "Chancellor", "Dean", "Reporter",
    "Lead", "Interim", "Acting", "Former", "Board", "Supervisor", "Lt", "Sgt", "Capt", "Pastor", "Rev", "Father",
    "Supt", "Prof", "Atty", "Mayor-elect", "Asst", "Mediator", "Arbitrator", "Facilitator", "Ombudsman", "Councilor", "Councillor",
    "Alderman", "Alderwoman", "Clerk", "Leader", "Minority", "Majority", "Speaker", "Whip", "Floor",  # "Senate Minority Leader X"
    "Controller", "Auditor", "Administrator", "Inspector", "Provost", "Regent", "Delegate", "Steward", "Specialist",
    "Bargaining", "Business", "Human", "Resources", "Operations", "Communications", "Finance",
    # Who a person is to the story, written before the name like a title ("Mom Jane Doe", "Senior Ana Li").
    "Mom", "Dad", "Mother", "Grandmother", "Grandfather", "Grandma", "Grandpa", "Parent", "Aunt", "Uncle",
    "Student", "Senior", "Junior", "Sophomore", "Freshman", "Nurse", "Custodian", "Resident", "Neighbor",
    "Volunteer", "Coach", "Librarian", "Counselor", "Aide", "Paraeducator", "Educator", "Instructor", "Staffer",
    "Employee", "Worker", "Activist", "Advocate", "Economist", "Analyst", "Researcher", "Lawmaker", "Veteran",
    "Owner", "Founder", "Alum", "Alumna", "Alumnus", "Parishioner", "Substitute", "Kindergarten",
    "Meteorologist", "Anchor", "Producer", "Editor", "Photographer", "Photojournalist", "Correspondent", "Columnist", "Host",
    # compounds written with a hyphen ("Secretary-Treasurer Ray Delacroix")
    "Secretary-Treasurer", "Co-Founder", "President-elect", "Chair-elect",
}
# Words capitalised only because they start a sentence or a heading.
SENTENCE_WORDS = {
    "The", "A", "An", "In", "On", "At", "If", "But", "And", "Or", "After", "Before", "When", "While", "Although",
    "Though", "Meanwhile", "However", "This", "That", "These", "Those", "It", "Its", "They", "We", "I", "He", "She",
    "Our", "Their", "His", "Her", "As", "For", "With", "By", "From", "To", "Of", "Late", "Early", "Last", "Next",
    "According", "Where", "What", "Why", "How", "Who", "Both", "Some", "Many", "Most", "All", "Several", "Still",
    "Now", "Then", "Since", "Until", "During", "Ultimately", "Basically", "Also", "Even", "Only", "Just", "So",
    "Yes", "No", "Not", "Here", "There", "Today", "Tomorrow", "Yesterday", "Tonight", "Mr", "Mrs", "Ms", "Dr", "Your", "My",
    "Students", "Parents", "Teachers", "Officials", "Leaders", "Members", "Union", "District", "Another", "Each",
    "Every", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Saturday’s",
    # Prepositions, conjunctions and verbs that open a sentence before a name ("Despite Reyes's ...").
    "Despite", "Amid", "Among", "Without", "Through", "Under", "Against", "Unlike", "Like", "Because", "Once",
    "Unless", "Whether", "Instead", "Across", "Following", "Including", "Regarding", "Per", "Via", "Thanks",
    "Besides", "Beyond", "Throughout", "Upon", "Within", "Toward", "Towards", "Behind", "Between", "Around",
    "Along", "Near", "Except", "Given", "Asked", "Told", "Says", "Said", "Added", "Plus", "Yet", "Nor", "Whereas",
    "Whenever", "Wherever", "Should", "Could", "Would", "Will", "Can", "Did", "Does", "Do", "Is", "Are", "Was",
    "Were", "Has", "Have", "Had", "Please", "Thank", "Dear", "Unfortunately", "Fortunately", "Overall",
    "Afterward", "Later", "Earlier", "Currently", "Previously", "Additionally", "Ask", "Tell", "Call", "Let",
    # greetings and sign-offs ("Happy Birthday, Mrs. Alvarez!", "Warmly, …")
    "Happy", "Congratulations", "Congrats", "Welcome", "Sincerely", "Warmly", "Regards", "Cheers", "Hello", "Hi", "Goodbye",
}
KIND_WORDS = [
    ("union_chapter", {"Chapter"}),
    ("school_district", {"District", "Unified"}),
    ("union", {"Union", "Association", "Assn", "Assoc", "Federation", "Local", "Guild", "Employees", "Workers", "Teachers",
               "Educators"}),
    ("school", {"School", "Elementary", "Academy", "High", "Middle", "Charter"}),
    ("government", {"Council", "Office", "Department", "County", "City", "State", "Commission", "Government", "Board",
                    "Assembly", "Senate", "Legislature", "Court", "Police", "Fire", "Bureau", "Administration"}),
    ("health_insurer", {"Health", "Insurance"}),
]
TOKEN = re.compile(r"[^\W\d_][\w’'&-]*|\d[\d,.]*\w*")
ACRONYM_WITH_NAME = re.compile(r"(?P<name>(?:[A-Z][\w’'&-]*\s+)(?:(?:of|for|and|the)\s+|[A-Z][\w’'&-]*\s+|\d+\s+)*[A-Z0-9][\w’'&-]*)"
                               r"\s+\((?P<short>[A-Z][A-Za-z0-9&-]{1,9})\)")
# Bounds no news article comes near; they keep a hostile text's work in proportion to its length.
MAX_NEW_PEOPLE = 300  # new people proposed from one article; later names are left unread
MAX_NEW_ORGANIZATIONS = 300  # the same for new organizations
MAX_NAME_WORDS = 12  # a capitalised run longer than this is a headline, not an organization's name
MAX_NAME_WORD = 40  # a "word" longer than this is not part of a person's name
MAX_ACRONYM_WORDS = 40  # words read back from "(ACRONYM)": a longer run is no organization's name
LOCAL_NUMBER = re.compile(r" (\d+)\b")
# Where a surface form (an organization's name) or a surname can begin: a run of word characters.
WORD_RUN = re.compile(r"\w+")
SIMPLE_SURNAME = re.compile(r"[^\W\d_][\w’'&-]*")
SURNAME_BREAK = re.compile("[’'&]")
NAME_CHARACTERS = re.compile(r"[\w’'&-]*")
ROLE_BOUNDARY = {
    "said", "says", "say", "told", "tells", "explained", "stated", "wrote", "added", "according", "because", "after",
    "before", "when", "while", "and", "but", "that", "which", "who", "with", "by", "from", "to", "for", "as", "if",
    "on", "in", "at", "asked", "noted", "like",
}
ARTICLES = {"a", "an", "the"}
OUTLET_KIND = "news_outlet"
# Common nouns that stand for an organization ("the district said"), and the kinds they can mean.
HEADS = {
    "district": ("school_district",), "union": ("union", "union_chapter"), "association": ("union",),
    "chapter": ("union_chapter",), "board": ("school_district", "government"), "council": ("government",),
    "city": ("government",), "county": ("government",), "state": ("government",), "school": ("school",),
    "administration": ("school_district", "school"),  # "the administration told the media": the employer
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
    name_basis: str = "printed"  # outside_knowledge: no article prints the name (note says where it comes from)
    note: str = ""

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
    org_note: str = ""  # how the organization was read, when the article does not tie the person to it itself

    @property
    def surname(self) -> str:
        """The family name: the last word, before a suffix ("Desmond T. Farrow Jr." -> "Farrow")."""
        words = self.name.split()
        while len(words) > 1 and words[-1].rstrip(".") in SUFFIXES:
            words.pop()
        return words[-1]


# The registry files the extractor reads, by resource, as a project's seeds/ names them (a caller
# holding the project's resource registry passes its own: extract.files.registry_files).
REGISTRY_FILES = {"organizations": "organizations.yaml", "people": "people.yaml", "events": "events.yaml",
                  "offers": "offers.yaml"}


@dataclass
class Registry:
    orgs: dict[str, Org] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[str, dict] = field(default_factory=dict)
    offers: dict[str, dict] = field(default_factory=dict)  # offer items already curated, by offer_id

    @classmethod
    def load(cls, folder: Path, files: dict[str, str] | None = None) -> Registry:
        """The registry files of a folder (a project's seeds/, or a held-out corpus); `files` names the
        file of each resource in it (default REGISTRY_FILES). A file that is not there holds nothing."""
        files = {**REGISTRY_FILES, **(files or {})}

        def entries(resource: str) -> list[dict]:
            name = files[resource]
            path = folder / name
            if not os.path.lexists(path):
                return []
            data = read_yaml(path, f"{folder.name}/{name}") or []
            if not isinstance(data, list):
                raise ExtractError(f"{folder.name}/{name}:1: expected a list of entries")
            return [e for e in data if isinstance(e, dict)]

        registry = cls()
        for e in entries("organizations"):
            registry.orgs[str(e["org_id"])] = Org(str(e["org_id"]), str(e.get("name") or ""), str(e.get("short_name") or ""),
                                                  str(e.get("kind") or "other"), e.get("parent_org_id"), _names(e.get("aliases")))
        for e in entries("people"):
            registry.people[str(e["person_id"])] = Person(str(e["person_id"]), str(e.get("name") or ""), _names(e.get("aliases")),
                                                          str(e.get("role") or ""), e.get("org_id"))
        for e in entries("events"):
            registry.events[str(e["event_id"])] = {k: (str(v) if v is not None else None) for k, v in e.items()}
        for e in entries("offers"):
            if e.get("offer_id") is not None:
                registry.offers[str(e["offer_id"])] = dict(e)
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
    """Who and what an article mentions, with positions: registry entries and new proposals.

    `mentions` are in text order (by start, the longer first) and are not changed once made; the
    questions below are answered from indexes built on first use, never by walking every mention."""

    orgs: dict[str, Org]
    people: dict[str, Person]
    mentions: list[Mention]
    known_people: dict[str, Person] = field(default_factory=dict)  # the registry's, named in the article or not
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def _listed(self, key) -> tuple[list[Mention], list[int]]:
        """The mentions of a kind (or of one id, or the organizations that can speak), with their starts."""
        if key not in self._index:
            if key == "speaking":
                chosen = [m for m in self._listed("org")[0] if self.orgs[m.id].kind != OUTLET_KIND]
            elif isinstance(key, tuple):  # ("org", org_id)
                chosen = self._by_id().get(key[1], [])
            else:
                chosen = [m for m in self.mentions if m.kind == key]
            self._index[key] = (chosen, [m.start for m in chosen])
        return self._index[key]

    def _by_id(self) -> dict[str, list[Mention]]:
        if "by id" not in self._index:
            by_id: dict[str, list[Mention]] = {}
            for m in self.mentions:
                if m.kind == "org":
                    by_id.setdefault(m.id, []).append(m)
            self._index["by id"] = by_id
        return self._index["by id"]

    def of_kind(self, kind: str) -> list[Mention]:
        """The mentions of people ("person") or of organizations ("org"), in text order."""
        return self._listed(kind)[0]

    def within(self, start: int, end: int, kind: str) -> list[Mention]:
        mentions, starts = self._listed(kind)
        out = []
        for i in range(bisect_left(starts, start), len(mentions)):
            m = mentions[i]
            if m.start > end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def before(self, position: int, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind and m.end <= position]

    def last_before(self, position: int, key) -> Mention | None:
        """The last mention (in text order) ending at or before `position`: `key` is a kind, "speaking"
        (organizations that are not news outlets) or ("org", org_id)."""
        mentions, starts = self._listed(key)
        for i in range(bisect_right(starts, position) - 1, -1, -1):
            if mentions[i].end <= position:
                return mentions[i]
        return None

    def pronoun_of(self, person_id: str, text: str) -> str | None:
        """"he" or "she": how the article itself refers to a person, by the pronoun that follows one of
        their mentions in its sentence before anyone else is named ("Pia Cortes, …, is in her second
        term"), or by an honorific ("Ms. Cortes"); None when it never says, or says both."""
        if "pronouns" not in self._index:  # the entities are one text's: read it once
            self._index["pronouns"] = _pronouns(text, self._listed("person")[0])
        return self._index["pronouns"].get(person_id)

    def count(self, org_id: str) -> int:
        if "counts" not in self._index:
            self._index["counts"] = Counter(m.id for m in self.mentions)
        return self._index["counts"][org_id]

    def descriptor(self, np: str, position: int, first: bool = False) -> str | None:
        """'the district', 'union officials', 'the teachers union': an organization the article names."""
        words = re.findall(r"[a-z]+", np.lower())
        if words[-1:] == ["local"] and len(words) <= 2:  # "the local wrote": the union local the article names
            locals_ = [o for o in self.orgs.values() if "Local" in o.name.split() and o.org_id in self._by_id()]
            return locals_[0].org_id if len(locals_) == 1 else None
        head_index = _head_index(words, first, self.name_heads())
        if head_index is None:
            return None
        head = words[head_index]
        modifiers = [w for w in words[:head_index] if w not in DESCRIPTOR_FILLERS]
        candidates = self._fitting(head, modifiers)
        if not candidates:
            return None
        if head in ("union", "association", "chapter") and not modifiers:
            recent = self._last_named(candidates, position)
            if recent:
                return recent
        return max(candidates, key=lambda o: (head.capitalize() in o.name.split(), o.parent_org_id is None, self.count(o.org_id))).org_id

    def name_heads(self) -> frozenset[str]:
        """The last word of each organization's name, in lower case, as a descriptor's head noun
        ("the hospital", "authority officials", "the university said")."""
        key = ("name heads", len(self.orgs))  # read once per set of organizations (a draft may add an outlet later)
        if key not in self._index:
            heads = {o.name.split()[-1].lower() for o in self.orgs.values() if o.kind != OUTLET_KIND and o.name.split()}
            self._index[key] = frozenset(h for h in heads if h.isalpha() and h not in NOT_HEADS and h not in HEADS)
        return self._index[key]

    def _fitting(self, head: str, modifiers: list[str]) -> list[Org]:
        """The organizations a head noun ("district") can stand for: of a kind it names, or with it in
        their name; those the article names, else the registry's only one; narrowed by the modifiers
        ("the Pine district") when any fits."""
        kinds = HEADS.get(head, ())
        named = self._by_id()
        fitting = [o for o in self.orgs.values() if o.kind in kinds or head.capitalize() in o.name.split()]
        if head == "district":  # "the district" is the whole, not its board ("the Fenwick Board of Education"), named or not
            ids = {o.org_id for o in fitting}

            def whole(o: Org) -> Org:
                return self.orgs[o.parent_org_id] if o.parent_org_id in ids and "District" not in o.name.split() else o
            named_ids = {whole(o).org_id for o in fitting if o.org_id in named}
            fitting = list({whole(o).org_id: whole(o) for o in fitting}.values())
        else:
            named_ids = {o.org_id for o in fitting if o.org_id in named}
        # Prefer what the article names; else what the registry knows ("the district" in a short piece).
        candidates = [o for o in fitting if o.org_id in named_ids] or (fitting if len(fitting) == 1 else [])
        if modifiers:
            narrowed = [o for o in candidates if any(w[:5] in o.name.lower() for w in modifiers)]
            candidates = narrowed or candidates
        return candidates

    def _last_named(self, candidates: list[Org], position: int) -> str | None:
        """Of the candidates, the one named last before `position` ("the union": the one just spoken of)."""
        recent = [m for m in (self.last_before(position, ("org", o.org_id)) for o in candidates) if m]
        return max(recent, key=lambda m: (m.start, -m.end)).id if recent else None


# Words of a descriptor that do not narrow which organization it means ("the", "its", "head of the").
DESCRIPTOR_FILLERS = frozenset({"the", "a", "an", "its", "their", "of", "head", "local"})


def _head_index(words: list[str], first: bool, more: frozenset[str] = frozenset()) -> int | None:
    """Where the head noun of a descriptor stands: the last of HEADS (or of `more`: the last words of
    the organizations' names) in it ("the school district": the district; "hospital officials": the
    hospital), or the first when `first` ("the district's school board" read from its start)."""
    order = range(len(words)) if first else range(len(words) - 1, -1, -1)
    return next((i for i in order if words[i] in HEADS or words[i] in more), None)


# Last words of a name that say nothing of which organization it is ("Inc", "Local", "22").
NOT_HEADS = frozenset({"inc", "llc", "co", "corp", "local", "chapter", "the", "of", "and", "for"})


def find_entities(text: str, registry: Registry, furniture: Furniture | None = None) -> Entities:
    """The registry's people and organizations the text names, new ones it names, and every mention.
    `furniture`: Furniture(text), when the caller has it already."""
    orgs = {k: replace(v) for k, v in registry.orgs.items()}
    furniture = furniture if furniture is not None else Furniture(text)
    # Page furniture (banners, credits, menus, related links) names no one the article tells of.
    runs = [run for run in _capitalized_runs(text) if not furniture.holds(run[0])] if furniture else _capitalized_runs(text)
    for org in new_organizations(text, orgs, runs):
        orgs[org.org_id] = org
    surfaces = {o.org_id: o.surfaces() for o in orgs.values()}
    org_mentions = _surface_mentions(text, surfaces, "org")
    people: dict[str, Person] = {}
    person_mentions = _people_in_runs(text, runs, _people_by_name(registry), orgs, people, org_mentions)
    _known_by_surname(text, registry, people)
    person_mentions += _surnames_alone(text, people, person_mentions)
    person_mentions += _first_names_alone(text, people, person_mentions)
    person_mentions = _with_evidence(text, people, person_mentions)
    person_mentions += _named_by_first_name_only(text, people, person_mentions, furniture)
    mentions = sorted(org_mentions + person_mentions, key=lambda m: (m.start, -m.end))
    entities = Entities(orgs, people, mentions, dict(registry.people))
    _organizations_of_roles(entities)
    return entities


# A person the page names by a first name alone, saying so ("Another speaker, who gave only her first name, Bette, said",
# "a driver identified only as Tom", "who gave her name only as Denise", "a listener named Patrice"): the name, not
# followed by a surname.
FIRST_NAME_ONLY = re.compile(r"\b(?:(?:gave|give|gives|giving|provided|shared|offered)\s+(?:only\s+)?(?:her|his|their)\s+(?:first\s+name"
                             r"(?:\s+only)?(?:,\s*|\s+as\s+)|name\s+(?:only\s+)?as\s+)|identified\s+(?:(?:herself|himself|themselves)\s+)?only\s+"
                             r"(?:as|by\s+(?:her|his|their)\s+first\s+name,?)\s+"
                             # "A listener named Patrice emailed": one named by a first name alone
                             rf"|\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z-]+\s+){{0,2}}?(?:{PEOPLE_NOUNS}|listener|reader|caller|viewer|"
                             r"person|speaker|commenter|neighbor|friend)\s+named\s+"
                             # "Marisol Etxeberria … and her husband, Grant, have been trading shifts": kin in apposition
                             r"|\b(?:her|his|their)\s+(?:husband|wife|partner|son|daughter|mother|father|sister|brother|fianc[eé]e?)"
                             r",\s+(?=[A-Z][a-z’'-]{1,20}(?:,|\.|\s+(?:and|who)\b)))"
                             r"(?P<name>[A-Z][a-z’'-]{1,20})\b(?![ \t]+[A-Z])")


def _named_by_first_name_only(text: str, people: dict[str, Person], mentions: list[Mention], furniture: Furniture) -> list[Mention]:
    """A person named by a first name alone, where the page says that is all it gives (FIRST_NAME_ONLY); each
    mention of that name from there on, found in one pass. None where the name is a person's already named in full,
    a month's or a weekday's."""
    named = {word for p in people.values() for word in p.name.split()}
    firsts: dict[str, int] = {}  # name -> where the page gives it
    for m in FIRST_NAME_ONLY.finditer(text):
        name = m.group("name")
        if not (furniture.holds(m.start()) or name in named or name in firsts or name in SENTENCE_WORDS or name in CALENDAR_WORDS):
            firsts[name] = m.start("name")
        if len(firsts) >= MAX_NEW_PEOPLE:
            break
    if not firsts:
        return []
    taken = {(x.start, x.end) for x in mentions}
    found = []
    for w in re.finditer(rf"\b(?:{'|'.join(map(re.escape, firsts))})\b(?![ \t]+[A-Z])", text):
        name = w.group()
        if w.start() >= firsts[name] and (w.start(), w.end()) not in taken:
            person = people.setdefault(slug(name), Person(slug(name), name, new=True, confidence=0.6))
            found.append(Mention(w.start(), w.end(), "person", person.person_id))
    return found


def _people_in_runs(text: str, runs: list[tuple[int, list[re.Match]]], known: dict[str, Person], orgs: dict[str, Org],
                    people: dict[str, Person], org_mentions: list[Mention]) -> list[Mention]:
    """The person each run of capitalised words names, outside the organizations' names; `people`
    gains each one named."""
    taken = bytearray(len(text))  # 1 under every organization mention
    for m in org_mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    person_mentions: list[Mention] = []
    places = dateline_places(text)
    for _, tokens in runs:
        if places and " ".join(t.group() for t in tokens[-3:]).endswith(tuple(places)):
            continue  # "teachers in Pine Hollow": the dateline's town, not a person
        line_start = text.rfind("\n", 0, tokens[0].start()) + 1
        if CREDIT_LINE.match(text, line_start) and text.find(",", line_start, tokens[0].start()) >= 0:
            continue  # "— Delia Fontaine, East Calder": after the name, where the reader lives
        if PARTY_OF_PLACE.match(" ".join(t.group() for t in tokens)):
            continue  # "State Rep. Dwayne T. Harlow Jr., R-Cottonwood Bend": a lawmaker's party and home
        found = _person_in_run(text, tokens, known, orgs, people, taken)
        if found:
            person_mentions.append(found)
    return person_mentions


# A dateline, with or without its state and its credit: "PINE HOLLOW, Ore. (KPHX) —", "PINE HOLLOW (KPHX) —".
DATELINE_PLACE = re.compile(r"^\W{0,3}(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})(?:, [A-Z][A-Za-z.]*\.?)?"
                            r"(?: \((?P<credit>[A-Za-z0-9][A-Za-z0-9 .&-]{0,19})\))? [—–-]", re.MULTILINE)


def dateline_places(text: str) -> set[str]:
    """The places of the text's datelines, as running text writes them ("Pine Hollow")."""
    return {m.group("place").title() for m in DATELINE_PLACE.finditer(text) if " " in m.group("place")}


def dateline_credit(text: str) -> str | None:
    """The outlet credited in the text's first dateline that credits one ("PINE HOLLOW (KPHX13) —")."""
    return next((m.group("credit") for m in DATELINE_PLACE.finditer(text) if m.group("credit")), None)


def _known_by_surname(text: str, registry: Registry, people: dict[str, Person]) -> None:
    """A registry person the page names only by the one-word alias the registry gives them, where that word
    speaks or is described ("In an email to staff, Castonguay wrote"; "Lavallee, the bus driver, saw it
    differently"): `people` gains them, when no other registry person holds that alias."""
    holders: dict[str, list[Person]] = {}
    for person in registry.people.values():
        for alias in person.aliases:
            if " " not in alias and alias[:1].isupper():
                holders.setdefault(alias, []).append(person)
    for alias, persons in holders.items():
        if len(persons) == 1 and persons[0].person_id not in people and alias in text and re.search(
                rf"(?<![\w’'.-]){re.escape(alias)}(?=\s+(?:wrote|said|says|told|added)\b|,\s+(?:the|a|an|who)\s+[a-z])", text):
            people[persons[0].person_id] = persons[0]


def _surnames_alone(text: str, people: dict[str, Person], person_mentions: list[Mention]) -> list[Mention]:
    """A surname alone, where no full name stands: the same person as the full name. A new person
    referred to that way gets the surname as an alias."""
    named = bytearray(len(text))  # 1 under every person mention so far
    for m in person_mentions:
        named[m.start:m.end] = b"\x01" * (m.end - m.start)
    surnames = _surname_positions(text, {person.surname for person in people.values()})
    named_at: dict[str, list[int]] = {}  # person -> where the page names them in full, in order
    for m in sorted(person_mentions, key=lambda m: m.start):
        named_at.setdefault(m.id, []).append(m.start)
    by_surname: dict[str, list[Person]] = {}
    for person in people.values():
        by_surname.setdefault(person.surname, []).append(person)
    yields = _relatives_yielding_the_surname(text, named_at, by_surname, surnames, named)
    alone_mentions: list[Mention] = []
    for person in list(people.values()):
        if person.person_id in yields:
            continue
        namesakes = [p for p in by_surname[person.surname] if p is not person and p.person_id not in yields]
        alone = 0
        for start in surnames.get(person.surname, ()):
            if named[start] or _in_longer_name(text, start, start + len(person.surname)):
                continue
            if namesakes and _last_named(person, namesakes, named_at, start) is not person:
                continue  # "Board Chair Miriam Hale … Dr. Thomas Hale … “…,” Hale said": the Hale named last
            end = start + len(person.surname)
            alone_mentions.append(Mention(start, end, "person", person.person_id))
            named[start:end] = b"\x01" * (end - start)
            alone += 1
        if person.new and alone:
            person.aliases = (person.surname,)
    return alone_mentions


def _relatives_yielding_the_surname(text: str, named_at: dict[str, list[int]], by_surname: dict[str, list[Person]],
                                    surnames: dict[str, list[int]], named: bytearray) -> set[str]:
    """The people named as someone's relative ("Her husband, Anders Barlowe, …") after the page already called a
    namesake of theirs by the surname alone ("… Barlowe said"): the surname alone stays that namesake's. (A relative
    named before the surname alone was used may be the one it means: "Her son, Jonah Price, … said Price, 17.")"""
    # (`named_at`: where the page names each person in full, in order; a relative is one named first as one)
    kin = {person_id: places[0] for person_id, places in named_at.items()
           if KIN_BEFORE.search(text, max(0, places[0] - KIN_REACH), places[0])}
    yields = set()
    for group in by_surname.values():
        for person in group:
            at = kin.get(person.person_id)
            if at is None:
                continue
            alone_before = [p for p in surnames.get(person.surname, ()) if p < at and not named[p]
                            and not _in_longer_name(text, p, p + len(person.surname))]
            if alone_before and any(p.person_id not in kin for p in group if p is not person):
                yields.add(person.person_id)
    return yields


KIN_BEFORE = re.compile(r"\b(?:[Hh]er|[Hh]is|[Tt]heir|[Mm]y|[Oo]ur)\s+(?:husband|wife|son|daughter|mother|father|brother|sister|"
                        r"partner|spouse|grandmother|grandfather|aunt|uncle|cousin|niece|nephew|twin),?\s+$")
KIN_REACH = 30


def _last_named(person: Person, namesakes: list[Person], named_at: dict[str, list[int]], at: int) -> Person:
    """Of people who share a surname, the one the page named in full last before `at` (the first named, when
    none was named before it)."""
    def last_before(p: Person) -> int:
        places = named_at.get(p.person_id, [])
        i = bisect_right(places, at) - 1
        return places[i] if i >= 0 else -1
    group = [person, *namesakes]
    best = max(group, key=last_before)
    if last_before(best) >= 0:
        return best
    return min(group, key=lambda p: named_at.get(p.person_id, [len(named_at) + 10**9])[0])


CAPITALISED_WORD = re.compile(r"(?<![\w’'-])[A-Z][\w’']*(?![\w-])")
WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)\.? $")
WORD_AFTER = re.compile(r" ([A-Z][\w’'-]*)")


def _in_longer_name(text: str, start: int, end: int) -> bool:
    """A surname inside another capitalised name ("Linden Park Elementary" is not Gideon Park): a
    capitalised word joined to it by a space that is no title, sentence opener, weekday or suffix."""
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    after = WORD_AFTER.match(text, end)
    fine = TITLE_WORDS | SENTENCE_WORDS | CALENDAR_WORDS
    return bool((before and before.group(1) not in fine) or (after and after.group(1) not in fine | SUFFIXES))


# What a person's name does in a sentence that a menu item, a place or a product's name does not.
ACTS_AFTER = re.compile(r",\s+(?:a|an|the|\d)|,?\s+(?:who|whose|said|says|told|tells|added|adds|wrote|writes|asked|explained|noted|recalled|"
                        r"reported|reports|"
                        r"announced|argued|insisted|agreed|declined|testified|warned|answered|replied|responded|stated|"
                        r"is|was|has|had|will|would|can|could|did|does|thinks|believes|teaches|taught|works|worked|leads|led|spoke|"
                        r"called|urged|posted|tweeted|sat|stood|took|went|came|gave|got|made|met|ran|spent|kept|held|left|brought|"
                        r"[a-z]{2,}ed\b|\()")  # a verb in the past: someone acting
# "told KSNQ's Dana Whitcomb": an outlet's reporter, told something, is a person (not "told Fox News": no possessive).
TOLD_TO = re.compile(r"\btold\s+[A-Z][\w&-]*(?:\s+\d+)?[’']s\s+$")
# "a state mediator, Frances Idowu": a role in apposition before the name.
ROLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?[a-z]+,\s+$")


def _with_evidence(text: str, people: dict[str, Person], mentions: list[Mention]) -> list[Mention]:
    """The mentions, less those of a new person nothing shows to be one: no title or role, not
    referred to again, never saying or doing anything ("Blue Line trains", "Family Literacy Night").
    Such a person is dropped from `people` too."""
    by_person: dict[str, list[Mention]] = {}
    for m in mentions:
        by_person.setdefault(m.id, []).append(m)
    dropped = set()
    listed = _listed_with_others(text, mentions)
    for person_id, found in by_person.items():
        person = people.get(person_id)
        if person_id in listed:
            continue  # "Board members Rachel Estes, Domingo Archuleta and Priscilla Yazzie voted no": one of a list of people
        if person is not None and person.new and not any(_in_prose(text, m) or _posts_as(text, m) for m in found
                                                         if not _first_name_only(text, m, person)):
            dropped.add(person_id)  # named only in short lines (bylines, captions, lists, taglines), never credited with words
            del people[person_id]
            continue
        if person is None or not person.new or person.role or len(found) > 1:
            continue
        m = found[0]
        if ACTS_AFTER.match(text, m.end) or _speaking(text, m.start, m.end) or ROLE_BEFORE.search(text, max(0, m.start - 60), m.start) \
                or TOLD_TO.search(text, max(0, m.start - 40), m.start):
            continue
        dropped.add(person_id)
        del people[person_id]
    return [m for m in mentions if m.id not in dropped]


BECAME = re.compile(r",\s+who\b[^.;\n]{0,120}?\b(?:became|becoming|become|is now|is|was elected|serves as|as)\s+(?:the\s+)?"
                    r"(?P<role>(?:[\w’'-]+\s+){0,3}?(?:president|chair|superintendent|director|spokesperson|spokeswoman|spokesman|"
                    r"leader|head|negotiator|principal|mayor))\b")
# "Latonya Sims-Whitaker, a two-time award winner, is in her second term as president of the faculty association"
SERVES_AS = re.compile(r",\s+[^.;\n]{0,100}?,\s+(?:is|was)\s+(?:now\s+)?(?:in (?:his|her|their) [\w-]+ (?:term|year) as|serving as|elected)\s+"
                       r"(?:the\s+)?(?P<role>(?:[\w’'-]+\s+){0,3}?(?:president|chair|superintendent|director|spokesperson|spokeswoman|"
                       r"spokesman|leader|head|negotiator|principal|mayor)(?:\s+of\s+the\s+(?:[\w’'-]+\s+){0,4}?"
                       r"(?i:association|union|federation|district|board|college|university|council|local))?)\b")
NAMES_LISTED = re.compile(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)* and [A-Z]")  # "Rachel Estes, Domingo Archuleta and …": no role
LIST_JOIN = re.compile(r"(?:,\s+|,?\s+and\s+)")


def _posts_as(text: str, m: Mention) -> bool:
    """The mention is an embedded post's author: alone on its line, over the line of its handle ("@AnikaForZone3")."""
    start, end = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
    return end >= 0 and text[start:end].strip() == text[m.start:m.end] and over_a_handle(text, end)


def _first_name_only(text: str, m: Mention, person: Person) -> bool:
    """The mention is the first word of a longer name alone: too weak to show the name is a person's
    ("Aides, different story" in a comment beside the headline "Aides Go Back, Professors Stay Out")."""
    words = person.name.split()
    return len(words) > 1 and text[m.start:m.end] == words[0]


def _listed_with_others(text: str, mentions: list[Mention]) -> set[str]:
    """The people named in a list with two others or more ("A, B and C"): each is a person if the others are."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: set[str] = set()
    run = [ordered[0]] if ordered else []
    for before, after in pairwise(ordered):
        if LIST_JOIN.fullmatch(text, before.end, after.start):
            run.append(after)
            continue
        if len(run) >= 3:
            out |= {m.id for m in run}
        run = [after]
    if len(run) >= 3:
        out |= {m.id for m in run}
    return out


# A line of prose holds at least this many words; shorter ones are headings, bylines, captions, list items.
PROSE_LINE_WORDS = 8
CREDITED = re.compile(r"[ \t]*[—–]")  # a dash line crediting the quotation above it
SENTENCE_END = re.compile(r"[.!?][”’\"')]*\s*$")


def _title_cased(line: str) -> bool:
    """A headline in title case ("Aides Go Back, Professors Stay Out: Inside a Week of Two Strikes"): its
    longer words all capitalised, and no closing stop."""
    longer = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    return len(longer) >= 3 and all(w[0].isupper() for w in longer) and not SENTENCE_END.search(line)


def _in_prose(text: str, m: Mention) -> bool:
    """A mention in a line of prose, or one that speaks: said to speak, or credited under a quotation."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    words = len(line.split())
    if _speaking(text, m.start, m.end):
        return True
    if words >= PROSE_LINE_WORDS and not _title_cased(line) or (words >= 4 and SENTENCE_END.search(line)):
        return True  # a paragraph, or a short sentence ("Pia Cortes paused, watching a truck honk.")
    if not CREDITED.match(line):
        return False
    above = line_start - 1
    while above >= 0 and text[above].isspace():
        above -= 1
    return above >= 0 and text[above] in "”\""  # the line above ends a quotation


def _first_names_alone(text: str, people: dict[str, Person], person_mentions: list[Mention]) -> list[Mention]:
    """A first name alone, after the full name, where one person of the article has it ("Nadia sat on
    the bargaining team. … “We tried,” she said."): that person, as features write. A first name two
    people share, or that is also a word opening sentences, is no one's."""
    firsts: dict[str, list[Person]] = {}
    for person in people.values():
        words = person.name.split()
        if len(words) >= 2 and not _initial(words[0].rstrip(".")):
            firsts.setdefault(words[0], []).append(person)
    named = bytearray(len(text))
    for m in person_mentions:
        named[m.start:m.end] = b"\x01" * (m.end - m.start)
    first_seen: dict[str, int] = {}
    for mention in sorted(person_mentions, key=lambda m: m.start):
        first_seen.setdefault(mention.id, mention.start)
    unique = {first: holders[0] for first, holders in firsts.items()
              if len(holders) == 1 and first not in SENTENCE_WORDS | TITLE_WORDS | CALENDAR_WORDS}
    out: list[Mention] = []
    if not unique:
        return out
    for found in CAPITALISED_WORD.finditer(text):  # one pass, whatever the number of people
        holder = unique.get(found.group())
        if holder is None or named[found.start()] or found.start() < first_seen.get(holder.person_id, len(text)):
            continue  # no one's first name, inside a name, or before the full name
        after = WORD_AFTER.match(text, found.end())
        if after and after.group(1) not in SENTENCE_WORDS:
            continue  # followed by another capitalised word: part of another name
        out.append(Mention(found.start(), found.end(), "person", holder.person_id))
    return out


def _organizations_of_roles(entities: Entities) -> None:
    """A new person with a role and no organization: the one the role describes ("a district
    spokeswoman"), read where the person is first mentioned."""
    first: dict[str, int] = {}
    for m in entities.mentions:
        first.setdefault(m.id, m.start)
    for person in entities.people.values():
        if person.new and not person.org_id and person.role:
            person.org_id = entities.descriptor(person.role, first[person.person_id])


def _people_by_name(registry: Registry) -> dict[str, Person]:
    """Each name and alias of the registry's people, with the first person holding it; a name with a
    middle initial or a suffix also without them ("Katherine L. Vance" is "Katherine Vance")."""
    known: dict[str, Person] = {}
    for person in registry.people.values():
        for name in (person.name, *person.aliases):
            known.setdefault(name, person)
        words = person.name.split()
        core = [w for w in words if not (_initial(w.rstrip(".")) and w.endswith(".")) and w.rstrip(".") not in SUFFIXES]
        if 2 <= len(core) < len(words):
            known.setdefault(" ".join(core), person)
    return known


def _surname_positions(text: str, surnames: set[str]) -> dict[str, list[int]]:
    """Where each surname stands alone: re.finditer(rf"(?<![\\w’'-]){SURNAME}(?![\\w-])", text) for
    all of them in one pass. A surname of name characters is a prefix of the run of them where it
    starts, ending at the run's end or before a ’, ' or &: only those prefixes are looked up."""
    simple = {s for s in surnames if SIMPLE_SURNAME.fullmatch(s)}
    found = {s: [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(s)}(?![\w-])", text)]
             for s in surnames - simple}
    if simple:
        found.update(_simple_surname_positions(text, simple))
    return {surname: _not_overlapping(places, len(surname)) for surname, places in found.items()}


def _simple_surname_positions(text: str, simple: set[str]) -> dict[str, list[int]]:
    """Where each surname made only of name characters starts after no name character, read from
    the prefixes of each run of name characters that could be one."""
    found: dict[str, list[int]] = {}
    longest = max(map(len, simple))
    starts = re.compile(rf"(?<![\w’'-])[{re.escape(''.join(sorted({s[0] for s in simple})))}]")
    for m in starts.finditer(text):
        start, limit = m.start(), m.start() + longest + 1
        run = NAME_CHARACTERS.match(text, start, limit)  # a `*` pattern: it matches, if only the empty string
        run_end = run.end() if run else start
        ends = [a.start() for a in SURNAME_BREAK.finditer(text, start + 1, min(run_end, limit))]
        if run_end < limit:
            ends.append(run_end)
        for end in ends:
            if text[start:end] in simple:
                found.setdefault(text[start:end], []).append(start)
    return found


def _not_overlapping(places: list[int], length: int) -> list[int]:
    """Like finditer: a match of `length` characters never overlaps the one kept before it."""
    kept, end = [], 0
    for place in places:
        if place >= end:
            kept.append(place)
            end = place + length
    return kept


def _surface_mentions(text: str, surfaces: dict[str, list[str]], kind: str) -> list[Mention]:
    """Every occurrence of any surface form, longest first, never overlapping."""
    pairs = sorted(((s, i) for i, forms in surfaces.items() for s in forms), key=lambda p: -len(p[0]))
    words = _WordIndex(text, (s for s, _ in pairs))
    taken = bytearray(len(text))  # 1 under every mention so far
    out = []
    for surface, ident in pairs:
        flags = 0 if surface.isupper() or len(surface) <= 4 else re.IGNORECASE
        pattern = re.compile(rf"(?<![\w-]){re.escape(surface)}(?![\w])", flags)
        for m in words.finditer(pattern, surface):
            if taken.find(1, m.start(), m.end()) >= 0:
                continue
            if m.group().isupper() and not surface.isupper():
                continue  # "SACRAMENTO, Calif." is a dateline's place, not the city's government
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            out.append(Mention(m.start(), m.end(), kind, ident))
    return out


class _WordIndex:
    """Where the words of a text stand, so that a name is looked for only where its rarest word is.

    Words are compared folded: ASCII letters in lower case, and i, k, s with the letters outside
    ASCII that a case-insensitive pattern matches to them (ı, İ, ſ, the Kelvin sign) all as "i".
    A name's words outside ASCII are never the one looked up, so every place its pattern can match
    is among the candidates; the pattern itself decides."""

    FOLD = str.maketrans({**{chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)},
                          **dict.fromkeys("ikIKSsıİſ\u212a", "i")})

    def __init__(self, text: str, surfaces):
        self.text = text
        wanted = {m.group().translate(self.FOLD) for s in surfaces for m in WORD_RUN.finditer(s) if m.group().isascii()}
        self.at: dict[str, list[int]] = {}
        for key in wanted:
            self.at[key] = []
        at = self.at
        for m in WORD_RUN.finditer(text.translate(self.FOLD)):
            places = at.get(m.group())
            if places is not None:
                places.append(m.start())

    def finditer(self, pattern: re.Pattern, surface: str):
        """pattern.finditer(text), for a pattern that matches `surface` character for character."""
        words = [(m.start(), self.at[m.group().translate(self.FOLD)]) for m in WORD_RUN.finditer(surface) if m.group().isascii()]
        if not words:
            yield from pattern.finditer(self.text)  # a name with no word in ASCII
            return
        offset, places = min(words, key=lambda w: len(w[1]))
        end = 0
        for place in places:
            start = place - offset
            if start < end:
                continue
            m = pattern.match(self.text, start) if start >= 0 else None
            if m:
                end = m.end()
                yield m


# Lowercase words inside a family name, followed by more of it ("de la Cruz", "van der Berg", "bin Saleh").
NAME_PARTICLES = frozenset({"de", "del", "della", "la", "le", "da", "das", "dos", "di", "du", "van", "von", "der", "den", "ter", "bin",
                            "ibn", "al"})
PARTICLE_THEN_NAME = re.compile(r"(?: (?:de|del|la|le|der|den|los|las))? [A-Z][a-zà-ÿ]")


# A nickname between a first and a family name: Paul “Skip” Hoekstra, Evangeline "Vangie" Moss.
NICKNAME = re.compile(r"[ ]([“\"])[A-Z][\w’'-]*([”\"])[ ][A-Z]")


def _nickname_gap(text: str, gap: str, previous: re.Match, word: re.Match) -> bool:
    """The gap before `word` opens a nickname after a name, or closes one before the family name."""
    if gap in (" “", ' "'):
        return bool(NICKNAME.match(text, previous.end()))
    return gap in ("” ", '" ') and bool(NICKNAME.match(text, text.rfind(" ", 0, previous.start()), word.start() + 1))


# A subject pronoun after a person's name, in its sentence or opening the next: "Pia Cortes said she …",
# "Desmond Fairweather, who teaches across the hall from her, held a sign. He has taught …" (not "her").
PRONOUN_AFTER = re.compile(r"\b(?:(?P<he>[Hh]e)|(?P<she>[Ss]he))\b|\n|[.!?][”\"’)]*\s+(?!(?:He|She)\b)")
# "Ostrowski said his department …": the speaker's own "his" (not "praised the superintendent for his patience")
HIS_AFTER = re.compile(r"\s+(?:said|says|told|added|noted|wrote)\s+(?:[a-z]+\s+)?(?P<he>his)\b")
HONORIFIC = re.compile(r"\b(?:(?P<he>Mr)|(?P<she>Ms|Mrs|Miss))\.? $")


# Someone else a sentence brings in between a name and a pronoun, whom the pronoun may stand for ("whose daughter").
RELATIVE_AFTER = re.compile(r",?\s+who\b")  # "… met Pia Cortes, who said she …": the pronoun is hers
KIN_BETWEEN = re.compile(r"\b(?:whose|his|her|their|my|our)\s+(?:[\w-]+\s+)?(?:daughter|son|wife|husband|mother|father|mom|dad|sister|"
                         r"brother|child|kid|grandson|granddaughter|girlfriend|boyfriend|partner|niece|nephew|friend)s?\b", re.I)


SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+(?=[A-Z])|;\s|\n")  # (a clause after a semicolon has a subject of its own)


def _pronouns(text: str, mentions: list[Mention]) -> dict[str, str]:
    """Each person's pronoun, as the article uses it (see Entities.pronoun_of)."""
    votes: dict[str, set[str]] = {}
    # (a pronoun in a quotation is the speaker's word for someone else: "Dunmore added, “He brought us doughnuts.”")
    narration = "\n".join(blank_quoted(line, "“\"", "”\"", lambda passage: " " * len(passage)) for line in text.split("\n"))
    for m, preceding, following in zip(mentions, [None, *mentions[:-1]], [*mentions[1:], None], strict=True):
        honorific = HONORIFIC.search(text, max(0, m.start - 6), m.start)
        limit = following.start if following is not None else len(text)
        after = HIS_AFTER.match(narration, m.end) or PRONOUN_AFTER.search(narration, m.end, min(limit, m.end + 300))
        if after is not None and not (after.group("he") or after.groupdict().get("she")):
            after = None  # the sentence ended first
        elif after is not None and KIN_BETWEEN.search(text, m.end, after.start()):
            after = None  # "Ray Kowalczyk, whose daughter is in second grade, said she …": the pronoun may be the other's
        elif after is not None and preceding is not None and preceding.id != m.id and not RELATIVE_AFTER.match(text, m.end) \
                and not PRONOUN_AFTER.search(narration, preceding.end, m.start) \
                and not SENTENCE_BREAK.search(narration, preceding.end, m.start):
            # "Pruitt pressed Onofrio on the reserves, which she put at …": the pronoun may be the subject's (in one
            # clause; "Ostrowski said …; Dunwoody-Sykes told the board she …" opens a clause of Dunwoody-Sykes's)
            after = None
        for found in (honorific, after):
            if found is not None and (found.group("he") or found.groupdict().get("she")):
                votes.setdefault(m.id, set()).add("he" if found.group("he") else "she")
    return {person_id: next(iter(said)) for person_id, said in votes.items() if len(said) == 1}


def _capitalized_runs(text: str) -> list[tuple[int, list[re.Match]]]:
    """Runs of capitalised words joined by single spaces (a comma, digit or lowercase word ends a run)."""
    runs: list[tuple[int, list[re.Match]]] = []
    current: list[re.Match] = []
    for m in TOKEN.finditer(text):
        word = m.group()
        if word in NAME_PARTICLES and current and text[current[-1].end():m.start()] == " " and PARTICLE_THEN_NAME.match(text, m.end()):
            current.append(m)  # "Ana Lucía de la Cruz", "Pieter van Buren": a particle inside a family name
            continue
        if word[0].islower():  # most words: they end a run
            if current:
                runs.append((current[0].start(), current))
                current = []
            continue
        gap = text[current[-1].end():m.start()] if current else ""
        joined = current and (gap == " " or gap == ". " and _abbreviated(current[-1].group())
                              or _nickname_gap(text, gap, current[-1], m))
        if word[0].isupper() and not word.isupper() or (word.isupper() and len(word) > 1) \
                or (current and _initial(word) and text.startswith(". ", m.end())):  # a middle initial
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


# Words news copy abbreviates with a period inside a name or title ("Teachers Assn. President",
# "Jane Q. Public"): a run of capitalised words goes on after them.
ABBREVIATED = frozenset({"Assn", "Assoc", "Dept", "Univ", "Supt", "Asst", "Dir", "Admin", "Prof", "Atty", "Sgt", "Capt",
                         "Lt", "Gov", "Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "Rev", "Gen", "Jr", "Sr", "St"})
# What follows a family name without being one ("Desmond T. Farrow Jr.", "Ana Reyes III").
SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
ABBREVIATED_SUFFIXES = frozenset({"Jr", "Sr"})
ABBREVIATION_PERIOD = re.compile(r"\b(" + "|".join(sorted(ABBREVIATED)) + r"|[A-Z])\.(?= )")
FIRST_PERSON_CONTRACTION = re.compile(r"I[’'](?:ll|m|ve|d)")
TITLE_OF = re.compile(r"\b(?:[A-Z][\w’'-]*)\.?\s+(?:of|for)\s+(?:the\s+)?$")  # "Asst. Supt. of Human Resources X"
# A title whose "of" runs on with "and" ("Director of Parks and Recreation X"): the run after "and" opens with the title's last word.
TITLE_OF_AND = re.compile(r"\b(?P<title>[A-Z][\w’'-]*)\.?\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,3}and\s+$")


def _particles(tokens: list[re.Match]) -> int:
    return sum(t.group() in NAME_PARTICLES for t in tokens)


def _abbreviated(word: str) -> bool:
    """A word whose period does not end a run of a name: an initial, or an abbreviation of a title or name."""
    return (len(word) == 1 and word.isupper()) or word in ABBREVIATED


def _initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _person_in_run(text: str, tokens: list[re.Match], known: dict[str, Person], orgs: dict[str, Org],
                   people: dict[str, Person], taken: bytearray) -> Mention | None:
    """The person a run of capitalised words names, if any. `known`: the registry's people by name
    and alias; `taken`: 1 under every organization mention. A middle initial is part of the name
    ("Ana M. Reyes"), and the registry's "Ana Reyes" is the same person. A run longer than a
    name ends in one when the registry knows its last words, or when it continues a title with "of"
    ("Superintendent of Public Instruction Tomas Ibarra")."""
    # "I’ve told Dr. Marsh I’ll bring a sleeping bag": a speaker’s "I’ll" ends the run
    tokens = tokens[:next((i for i, t in enumerate(tokens) if FIRST_PERSON_CONTRACTION.fullmatch(t.group())), len(tokens))]
    if not tokens:
        return None
    suffix = tokens[-1] if len(tokens) > 2 and tokens[-1].group() in SUFFIXES else None
    tokens = tokens[:-1] if suffix else tokens
    while len(tokens) > 2 and WEEKDAY_WORD.fullmatch(tokens[-1].group()) and PART_OF_DAY_AFTER.match(text, tokens[-1].end()):
        tokens = tokens[:-1]  # "spokesman Curtis Belden Sunday morning": the day he was reached is no part of his name
        # (not "teacher Ana Maria Sunday", whose name it may be)
    cut = _title_cut([t.group() for t in tokens])
    name_tokens = tokens[cut:]
    plain = [t for t in name_tokens if not _initial(t.group()) and t.group() not in NAME_PARTICLES]
    title_of_and = TITLE_OF_AND.search(text, max(0, tokens[0].start() - 60), tokens[0].start()) if len(plain) == 3 and not cut else None
    if title_of_and is not None and _a_title_word(title_of_and.group("title")) and title_of_and.group("title") not in ORG_WORDS:
        # (not "the University of Oregon and Juan Carlos Rivera", "the Board of Education and Mary Ellen Park")
        name_tokens, plain = name_tokens[1:], plain[1:]  # "Director of Parks and Recreation Lorna Beckwith-Ames": the title's end
    if len(plain) > 3 or (len(plain) > 2 and len(name_tokens) > len(plain) + _particles(name_tokens)):
        name_tokens = _trailing_name(text, name_tokens, known)
        plain = [t for t in name_tokens if not _initial(t.group()) and t.group() not in NAME_PARTICLES]
    if not 2 <= len(plain) <= 3 or _initial(name_tokens[-1].group()) or _initial(name_tokens[0].group()):
        return None
    # "The Boys & Girls Club on Lincoln Avenue said": a place after "on" does not speak, whatever follows it.
    located = LOCATED_BEFORE.search(text, max(0, name_tokens[0].start() - 8), name_tokens[0].start()) is not None
    name_words = _name_words(name_tokens, _speaking(text, name_tokens[0].start(), name_tokens[-1].end()) and not located)
    if name_words is None:
        return None
    start = name_tokens[0].start()
    end = name_tokens[-1].start() + len(name_words[-1])
    if suffix and name_words[-1] == name_tokens[-1].group() and text[end:suffix.start()] in (" ", ", "):
        # the suffix is part of the name, with its period when it abbreviates ("Jr."; a numeral's is the sentence's: "III.")
        end = suffix.end() + (text[suffix.end():suffix.end() + 1] == "." and suffix.group() in ABBREVIATED_SUFFIXES)
        name_words = [*name_words, text[suffix.start():end]]
    if taken.find(1, start, end) >= 0:
        return None
    name = " ".join(text[start:end].split())
    existing = known.get(name) or known.get(_without_initials(name)) \
        or known.get(NICKNAMED.sub(" ", name)) or _nicknamed(name, people) or _with_or_without_nickname(name, people) \
        or _with_or_without_initial(name, people)
    if existing and existing.new and len(name) > len(existing.name) and _without_initials(name) == existing.name:
        # "Ann Mabry", then "Ann Q. Mabry": the person is named in full
        existing = replace(existing, name=name, aliases=(*existing.aliases, existing.name))
        people[existing.person_id] = existing
    if existing:
        people.setdefault(existing.person_id, existing)
        return Mention(start, end, "person", existing.person_id)
    person_id = slug(name)
    if person_id not in people and (_not_a_person(text, tokens, cut, start) or _names_an_organization(name, orgs)
                                    or NAMED_DAY_NAME.fullmatch(name) or name_words[-1].rstrip(".") in STREET_ENDS):
        return None  # (nor "Presidents Day", a day of the calendar, nor "Main St", a street)
    if person_id not in people:
        person = _new_person(text, tokens[:cut], name_words, start, end, orgs, people, name)
        if person is None:
            return None
        people[person_id] = person
    return Mention(start, end, "person", person_id)


NAMED_DAY_NAME = re.compile(NAMED_DAY)
# A state after a name, as the AP writes it: the name is a town's ("Wolf Bend, Okla.", "Tillbrook, Ore.", "Dayton, Ohio").
STATE_AFTER = re.compile(r",\s+(?:(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|"
                         r"Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Vt|Va|Wash|W\.Va|Wis|Wyo)\."
                         r"|(?:Alaska|Hawaii|Idaho|Iowa|Maine|Ohio|Texas|Utah)\b)(?![ \t]+[A-Z])")  # (not "Ohio Education Association")
NICKNAMED = re.compile(r" [“\"][^”\"]+[”\"] ")


def _nicknamed(name: str, people: dict[str, Person]) -> Person | None:
    """The person named before with `name`'s first word as a nickname ("Skip Hoekstra" after
    Paul “Skip” Hoekstra)."""
    words = name.split()
    if len(words) != 2:
        return None
    return next((p for p in people.values() if p.name.endswith(" " + words[1])
                 and re.search(rf"[“\"]{re.escape(words[0])}[”\"]", p.name)), None)


def _with_or_without_nickname(name: str, people: dict[str, Person]) -> Person | None:
    """The person named before with the same name, but for a nickname in one of the two ("Teodoro Ybarra"
    and Teodoro “Teddy” Ybarra, in either order)."""
    plain = NICKNAMED.sub(" ", name)
    return next((p for p in people.values() if p.name != name and NICKNAMED.sub(" ", p.name) == plain), None)


def _with_or_without_initial(name: str, people: dict[str, Person]) -> Person | None:
    """The person named before with the same name, but for a middle initial in one of the two ("Denise Whitacre"
    and Denise R. Whitacre, in either order)."""
    plain = _without_initials(name)
    return next((p for p in people.values() if p.name != name and _without_initials(p.name) == plain
                 and plain in (name, p.name)), None)  # (an "Ana M. Reyes" is no "Ana R. Reyes")


def _without_initials(name: str) -> str:
    return " ".join(w for w in name.split() if not _initial(w.rstrip(".")))


CREDIT_LINE = re.compile(r"[ \t]*[—–]")
OUR_BEFORE = re.compile(r"\b[Oo]ur\s+$")
REPORTS_AFTER = re.compile(r"\s+(?:has been|is live|joins us|joins me|reports|has (?:more|the story|the latest))\b")
ORG_NOUN_BEFORE = re.compile(r"\b(?:contractor|company|firm|vendor|agency|nonprofit|organization|provider|operator|publisher|"
                             r"newspaper|station|chain|consultant|consultancy|subsidiary|partner)\s*,\s+$")
PLACE_OF_A_PLACE = re.compile(r"\b([A-Z][a-z]+)\s+(?:on|in|at|near|along|off)\s+$")
ORG_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:of|for)\s+(?:the\s+)?$")
# "a Food Share pickup", "in Calloway Rapids", "his Advanced Placement exams": no person's name.
# (Across a line that wraps, not across a blank line: "Parents weigh in" is a heading, and the name below it opens a
# paragraph.)
THE_BEFORE = re.compile(r"\b(?:[Tt]he|an?|in|across|throughout|near|around|(?i:his|her|their|its|our|my|your))"
                        r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)\Z")


def _names_an_organization(name: str, orgs: dict[str, Org]) -> bool:
    """Words that are part of an organization's name ("Alder Crossing" of "Alder Crossing Education
    Association", "Calloway Rapids" of "City of Calloway Rapids"), or that begin with the town an
    organization's name opens with ("Calder Falls Parks" beside "Calder Falls School District"): a
    town or a name, not a person."""
    if any(name in o.name and name != o.name for o in orgs.values()):
        return True
    return any(name.startswith(town + " ") for town in _towns(orgs))


def _towns(orgs: dict[str, Org]) -> set[str]:
    """The words an organization's name opens with before its first organization word, when two or
    more: the town ("Calder Falls" of "Calder Falls School District")."""
    towns = set()
    for org in orgs.values():
        words = org.name.split()
        cut = next((i for i, w in enumerate(words) if w in ORG_WORDS or w in ("of", "for")), len(words))
        if cut >= 2 and cut < len(words):
            towns.add(" ".join(words[:cut]))
    return towns


def _not_a_person(text: str, tokens: list[re.Match], cut: int, start: int) -> bool:
    """A new name that reads as a title of something, not a person: after "the", "a" or "in" ("in the
    Pine Herald", "The Chalk Line", "a Food Share pickup", "in Calloway Rapids"), or the end of a run
    that an organization word opens ("School Finance Watch")."""
    if THE_BEFORE.search(text, max(0, start - 12), start):
        # (but "Our Marcus Delacroix-Wynn has been following the talks": an anchor's reporter)
        return not (OUR_BEFORE.search(text, max(0, start - 5), start) and REPORTS_AFTER.match(text, tokens[-1].end()))
    first = tokens[cut].group()
    if first.endswith("ing") and len(first) > 5 and (start == 0 or text[start - 1] == "\n") and not _speaking(text, start, tokens[-1].end()):
        return True  # "Serving Hardin, Tyler and Kessling counties": a masthead's tagline opening with a verb
    if ORG_NOUN_BEFORE.search(text, max(0, start - 40), start):
        return True  # "a contractor, Northline Mobility,": an organization named in apposition
    if STATE_AFTER.match(text, tokens[-1].end()):
        return True  # "112 N. Main St., Wolf Bend, Okla.": a town, its state after it
    placed = PLACE_OF_A_PLACE.search(text, max(0, start - 40), start)
    if placed and (placed.group(1) in PLACE_WORDS or placed.group(1) in ORG_WORDS or placed.group(1) in WORSHIP_WORDS):
        return True  # "First Community Church on East Bench", "Lincoln Elementary in Oak Park": where a place stands
    of_org = ORG_OF_BEFORE.search(text, max(0, start - 40), start)
    if of_org and (of_org.group(1) in ORG_WORDS or (of_org.group(1) in TITLE_WORDS and len(tokens) - cut <= 2)):
        # "the city's Department of Public Works", "Oklahoma’s Superintendent of Public Instruction, Garrett W. Pell":
        # the rest of an organization's name or of a title (a longer run holds the name after it: "Secretary of
        # Education Miguel Cardona")
        return True
    opener = tokens[cut - 1].group() if cut else ""
    if opener not in ORG_WORDS or opener in TITLE_WORDS:
        return False
    # "Superintendent of Schools Lorraine Vukovich": the organization word ends a title with "of".
    title = ORG_OF_BEFORE.search(text, max(0, tokens[0].start() - 40), tokens[0].start())
    return title is None or title.group(1) not in TITLE_WORDS


def _trailing_name(text: str, name_tokens: list[re.Match], known: dict[str, Person]) -> list[re.Match]:
    """The last words of a run too long for a name, when they are one: a name the registry knows
    (with or without a middle initial), else, when the run continues a title with "of" or "for", its
    last two words (three with a middle initial). The run unchanged otherwise."""
    for size in (3, 2):
        tail = name_tokens[-size:]
        words = [t.group() for t in tail]
        if len(tail) == size and " ".join(w for w in words if not _initial(w)) in known:
            return tail
    if TITLE_OF.search(text, max(0, name_tokens[0].start() - 60), name_tokens[0].start()):
        size = 3 if len(name_tokens) >= 3 and _initial(name_tokens[-2].group()) else 2
        return name_tokens[-size:]
    return name_tokens


def _title_cut(words: list[str]) -> int:
    """Where the name in a run starts: after the last title word, acronym, organization, sentence or
    calendar word ("RTA Vice President Ana Reyes": at "Ana"); a middle initial is no acronym."""
    cut = 0
    for i, word in enumerate(words):
        if _initial(word) and 0 < i < len(words) - 1:
            continue
        if _a_title_word(word) or word.isupper() or word in ORG_WORDS or word in SENTENCE_WORDS or word.rstrip("’'s") in CALENDAR_WORDS:
            cut = i + 1
    return cut


WEEKDAY_WORD = re.compile(WEEKDAY_NAME)
PART_OF_DAY_AFTER = re.compile(r" (?:morning|afternoon|evening|night)\b")
LOCATED_BEFORE = re.compile(r"\b(?:on|at|along|off|near|onto)\s+$")


def _name_words(name_tokens: list[re.Match], speaking: bool = False) -> list[str] | None:
    """The words of a person's name ("Reyes’s" as "Reyes"); None when one is a place, organization or
    calendar word, or an acronym: then the run names no person. A family name that is also a place
    word ("Gideon Park") is one when the run speaks: "said Gideon Park", "Gideon Park, the district's
    ...", "Gideon Park said"."""
    name_words = [t.group() for t in name_tokens]
    last = name_words[-1]
    if last.endswith(("’s", "'s")):
        name_words[-1] = last[:-2]
    if name_words[-1] in OCCASION_WORDS and not speaking:
        return None  # "Picture Day has moved": an occasion
    if " ".join(name_words) in TWO_WORD_STATES:
        return None  # "West Virginia’s public schools": a place
    if len(name_words) > 2 and name_words[-1] in WORSHIP_WORDS:
        return None  # "the Rev. Elias Gatewood of First Community Church": a church
    place = [w for w in name_words if w in PLACE_WORDS]
    if name_words[0] in ARTICLE_FIRST_WORDS:
        return None
    if place and not (speaking and place == [name_words[-1]] and len(name_words) >= 2 and name_words[0] not in PLACE_WORDS):
        return None
    if any(w in ORG_WORDS or w in CALENDAR_WORDS or (w.isupper() and not _initial(w)) for w in name_words):
        return None
    return name_words


# A run of capitalised words that speaks like a person: after "said" or before "said", or followed by
# an apposition that opens with a lowercase word ("Gideon Park, the district's chief business officer").
SPEAKS_BEFORE = re.compile(r"(?:\bsaid|\bsays|\bsaid Friday|\baccording to)\s+$")
# ("Mayor Hollis Brandvold tweeted:" on a line of its own, over the tweet, speaks like "said")
SPEAKS_AFTER = re.compile(r"(?:,\s+(?:the|a|an|who|its|his|her)\s+[a-z]|\s+(?:said|says|told|added|wrote|writes|noted|tweeted|posted|"
                          r"e-?mailed|texted|asked|replied|responded|explained|announced)\b)")


# An apposition that tells what a place is ("Brenner Hall, the main classroom building"), not who a person is.
PLACE_APPOSITION = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w’'-]+\s+){0,3}?(?:building|hall|campus|center|centre|park|plaza|street|road|"
                              r"venue|auditorium|library|school|gym|arena|room|office|headquarters|site|facility|shop|store|plant|"
                              r"company|firm|business|restaurant|church)\b", re.I)


def _speaking(text: str, start: int, end: int) -> bool:
    return bool(SPEAKS_BEFORE.search(text, max(0, start - 20), start)
                or (SPEAKS_AFTER.match(text, end) and not PLACE_APPOSITION.match(text, end)))


def _new_person(text: str, title_tokens: list[re.Match], name_words: list[str], start: int, end: int,
                orgs: dict[str, Org], people: dict[str, Person], name: str = "") -> Person | None:
    """A person the registry lacks, with the role the text gives and the organization it names.
    None past the bounds: a word too long to be a name's, or MAX_NEW_PEOPLE proposed already."""
    if any(len(w) > MAX_NAME_WORD for w in name_words) or sum(p.new for p in people.values()) >= MAX_NEW_PEOPLE:
        return None
    name = name or " ".join(name_words)
    role = _role(text, title_tokens, start, end)
    org_id = _org_in(role, orgs)
    if role.endswith(("’s", "'s")):
        role = ""  # "WXYZ 7’s Jane Doe": whose, not what
    return Person(slug(name), name, role=role, org_id=org_id, new=True, confidence=0.7)


# A lawmaker's party and home ("R-Cottonwood Bend", "D-Wichita"): no title, and no person's name.
PARTY_OF_PLACE = re.compile(r"[RDI]-[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}$")


def _role(text: str, title_tokens: list[re.Match], start: int, end: int) -> str:
    """The title a person is given: an apposition after the name, or the words before it."""
    serves = SERVES_AS.match(text, end, min(len(text), end + 200))
    if serves:  # "…, a two-time award winner, is in her second term as president of the association": the title
        return serves.group("role").strip()
    after = re.match(r",[ \t]+(?:(?:a|an|the)\s+)?([^,.;“”\"\n]{3,90}?)(?=[,.;“”\"\n]|\s+(?:said|says|told)\b|$)", text[end:end + 120])
    if after and not re.match(r"(?:who|which|said|says|told|and|but)\b", after.group(1)) and not NAMES_LISTED.match(after.group(1)) \
            and not PARTY_OF_PLACE.match(after.group(1)):  # ("State Rep. Dwayne T. Harlow Jr., R-Cottonwood Bend, …": the title before)
        return after.group(1).strip()
    became = BECAME.match(text, end, min(len(text), end + 200))
    if became:  # "Loretta Baines, who drove a bus for 14 years before becoming the association’s president"
        return became.group("role").strip()
    low = max(0, start - 120, text.rfind("\n", 0, start) + 1)  # a role is on the name's own line
    before = ABBREVIATION_PERIOD.sub(r"\1", text[low:start])  # "Teachers Assn. President"
    words = re.findall(r"[\w’'&-]+|[^\w\s]", before)
    role: list[str] = []
    for word in reversed(words):
        if not re.match(r"[\w’'&-]", word) or word.lower() in ROLE_BOUNDARY or not _title_like(word):
            break  # a title is written before a name in capitals or with a title's words ("Chief Meteorologist",
            # "kindergarten teacher"), not "Supporters handed out"
        role.insert(0, word)
    while role and role[0].lower() in ARTICLES:
        role.pop(0)
    while len(role) > 1 and role[-1] in COURTESY_TITLES and _a_title_word(role[-2]):
        role.pop()  # "Superintendent Dr. Paul T. Ostrander": the superintendent ("Dr." alone stays: all the page gives)
    return " ".join(role)


COURTESY_TITLES = frozenset({"Dr", "Mr", "Mrs", "Ms", "Miss", "Mx"})


def _a_title_word(word: str) -> bool:
    """A title's word, or one after a title's prefix ("Co-chair", "Vice-chair", "Ex-mayor"; not the family name
    "Moravec-Dean")."""
    head, _, rest = word.partition("-")
    return word in TITLE_WORDS or (head.lower() in TITLE_PREFIXES and rest.capitalize() in TITLE_WORDS)


TITLE_PREFIXES = frozenset({"co", "vice", "ex"})


def _title_like(word: str) -> bool:
    """A word of a title written before a name: capitalised, a title's word, or a small joining word."""
    return word[:1].isupper() or _a_title_word(word.capitalize()) or word in ("of", "the", "and", "&", "for") \
        or word.capitalize() in ORG_WORDS or word.endswith(("’s", "'s"))


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


def new_organizations(text: str, known: dict[str, Org], runs: list | None = None) -> list[Org]:
    """Organizations named in the text that the registry lacks: 'Full Name (ACRONYM)' first, then
    capitalised names ending in an organization word ('... District', '... Association')."""
    surfaces = {s.lower() for o in known.values() for s in o.surfaces()}
    found = _acronym_organizations(text, surfaces)
    _add_named_organizations(text, runs if runs is not None else _capitalized_runs(text), known, surfaces, found)
    return [o for o in found.values() if o.org_id not in known]


def _acronym_organizations(text: str, surfaces: set[str]) -> dict[str, Org]:
    """By id, each "Full Name (ACRONYM)" whose name and acronym the registry lacks (`surfaces`: its
    names, in lower case); the acronym is the id."""
    found: dict[str, Org] = {}
    for name, short in acronym_names(text):
        name = _strip_leading(name)
        if name.lower() in surfaces or short.lower() in surfaces:
            continue
        if len(found) >= MAX_NEW_ORGANIZATIONS:
            break
        org_id = slug(short)
        found.setdefault(org_id, Org(org_id, name, short, org_kind(name), new=True, confidence=0.75))
    return found


def _add_named_organizations(text: str, runs: list, known: dict[str, Org], surfaces: set[str], found: dict[str, Org]) -> None:
    """Add to `found` each organization a run of capitalised words names ("... School District") that
    neither the registry nor `found` holds, in full or as a longer name around it."""
    known_names = [o.name for o in known.values()]
    within_known: dict[str, bool] = {}
    held = {n for o in found.values() for n in (o.name, *o.aliases)}
    held_names = "\x00".join(o.name for o in found.values())
    for _, tokens in runs:
        if len(found) >= MAX_NEW_ORGANIZATIONS:
            break
        name = _organization_name(text, tokens)
        if name is None or name.lower() in surfaces or name in held:
            continue
        if name not in within_known:
            within_known[name] = any(name in n for n in known_names)
        if within_known[name] or name in held_names:
            continue  # a shorter form of a name already held ("City Unified" inside "... City Unified School District")
        org_id = slug(name)
        if org_id not in found:
            found[org_id] = Org(org_id, name, name, org_kind(name), new=True, confidence=0.5)
            held.add(name)
            held_names += "\x00" + name


def _organization_name(text: str, tokens: list[re.Match]) -> str | None:
    """The organization a run of capitalised words names: without the sentence words that open it,
    two to MAX_NAME_WORDS words ending in an organization word ("Local" with its number); None when
    the run is no such name."""
    words = [t.group() for t in tokens]
    while words and words[0] in SENTENCE_WORDS:
        words.pop(0)
    # "… Teachers Assn. President Jane Doe": the name ends before the title that follows it.
    for i in range(1, len(words)):
        if words[i] in TITLE_WORDS and words[i - 1] in ORG_WORDS and words[i] not in ORG_WORDS:
            words, tokens = words[:i], tokens[:len(tokens) - len(words) + i]
            break
    ends_as_org = bool(words) and (words[-1] in ORG_WORDS) or (len(words) > 2 and words[-1] == "Center" and words[-2] in CARE_WORDS) \
        or (len(words) > 1 and words[-1] == "United" and words[-2] in GROUP_NOUNS)
    if len(words) < 2 or len(words) > MAX_NAME_WORDS or not ends_as_org or any(w in CALENDAR_WORDS for w in words):
        return None
    name = " ".join(words)
    number = LOCAL_NUMBER.match(text, tokens[-1].end())
    if words[-1] == "Local" and number:
        name += number.group()
    of = OF_WHAT.match(text, tokens[-1].end()) if words[-1] in OF_ORG_WORDS else None
    if of is None:
        return name
    # "Marlow Falls Area Chamber of Commerce", "Iowa Department of Education"; not the title and name after it
    # ("… Department of Education Director Ann Lebo")
    tail = of.group().split(" ")
    cut = next((i for i, word in enumerate(tail) if i > 2 and word.rstrip(".") in TITLE_WORDS), len(tail))
    return name + " ".join(tail[:cut])


# An organization word whose name goes on with "of" or "on" and what the body is of: "Chamber of Commerce", "Department of
# Labor", "Committee on Education".
# ("House Committee on K-12 Education Budget")
OF_ORG_WORDS = frozenset({"Chamber", "Department", "Bureau", "Commission", "Committee", "Subcommittee", "Council"})
OF_WHAT = re.compile(rf" (?:of|on) (?:the )?(?!(?:{'|'.join(sorted(CALENDAR_WORDS))})\b)"  # (not "the City Council on Thursday")
                     r"[A-Z][\w’'&-]*(?: (?:and )?[A-Z][\w’'&-]*){0,3}")


ACRONYM = re.compile(r"\((?P<short>[A-Z][A-Za-z0-9&-]{1,9})\)")
NAME_WORD = re.compile(r"[\w’'&-]")
CAPITAL = re.compile("[A-Z]")
NAME_ITEM = re.compile(r"(?:of|for|and|the|[A-Z][\w’'&-]*|\d+)")
LAST_NAME_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def acronym_names(text: str) -> list[tuple[str, str]]:
    """(name, acronym) for every "Full Name (ACRONYM)", as ACRONYM_WITH_NAME.finditer(text) finds them,
    but read back from each "(ACRONYM)" over the words before it: the pattern, tried at every
    capital of a long run of capitalised words, would read the rest of the run from each."""
    out = []
    for m in ACRONYM.finditer(text):
        at = _back(text, m.start(), str.isspace)
        if at == m.start():
            continue  # the pattern wants spaces before the parenthesis
        word = _last_name_word(text, at)
        start = _name_start(text, word) if word is not None else None
        if start is not None:
            out.append((text[start:at], m.group("short")))
    return out


def _last_name_word(text: str, at: int) -> int | None:
    """Where the name's last word, ending at `at`, starts: [A-Z0-9][\\w’'&-]*, after spaces; None
    when there is no such word."""
    word = _back(text, at, _name_character)
    if word == at or text[word] not in LAST_NAME_WORD or word == 0 or not text[word - 1].isspace():
        return None
    return word


def _name_start(text: str, word: int) -> int | None:
    """Where a name ending in the word at `word` starts, read back a word at a time: over "of", "for",
    "and", "the", numbers and capitalised words, to the first capital of the first word. None when
    it holds no capital before `word`, or is still going after MAX_ACRONYM_WORDS words."""
    start = None
    for _ in range(MAX_ACRONYM_WORDS):
        gap = _back(text, word, str.isspace)
        previous = _back(text, gap, _name_character)
        if gap == word or previous == gap:
            return start
        first_capital = CAPITAL.search(text, previous, gap)
        capital = first_capital.start() if first_capital else None
        if previous > 0 and text[previous - 1].isspace() and NAME_ITEM.fullmatch(text, previous, gap):
            word = previous  # one more word of the name ("of", "the", a number or a capitalised word)
            if capital == previous:
                start = previous
            continue
        return capital if capital is not None else start  # the first word: from its first capital
    return None  # still words of a name after MAX_ACRONYM_WORDS of them: none is read


def _name_character(c: str) -> bool:
    return NAME_WORD.match(c) is not None


def _back(text: str, position: int, keep) -> int:
    """`position`, moved back over the characters `keep` accepts."""
    while position > 0 and keep(text[position - 1]):
        position -= 1
    return position


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and words[0] in SENTENCE_WORDS:
        words.pop(0)
    return " ".join(words)
