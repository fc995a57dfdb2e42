"""Who said each quotation: the attribution phrase around it, resolved to a person or organization.

Reads "X said", "said X, TITLE", "said TITLE X", "TITLE X said", "according to X", "X told ...",
"X said in a release", "X continued", a surname or pronoun pointing back to someone named earlier,
and organizations speaking ("the district said", "the union wrote"). A quotation with no attribution
of its own takes the speaker of the previous quotation in its paragraph (or, standing alone in its
paragraph, of the paragraph before), with a lower confidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import HEADS, Entities
from .quotations import Quotation
from .text import sentences

CUES = (
    r"said|says|say|told|tells|tell|explained|explains|stated|states|wrote|writes|added|adds|continued|continues|"
    r"noted|notes|asked|asks|argued|argues|insisted|insists|claimed|claims|warned|warns|announced|announces|"
    r"responded|responds|replied|replies|declared|acknowledged|admitted|emphasized|stressed|recalled|urged|"
    r"predicted|posted|tweeted|recounted|conceded|countered|maintained|remarked|observed|lamented|described|"
    r"testified|complained|vowed|promised|pointed out|explain|state|write|add|continue|note|argue|insist|claim|warn|"
    r"called|calls|calling|termed|labeled|dubbed"
)
CUE = re.compile(rf"\b(?:(?:has|have|had|was|were|would|will)\s+)?(?P<cue>{CUES})\b")
CUE_AT_START = re.compile(rf"^\W*(?P<cue>{CUES})\s+(?P<np>.+?)\s*[.!?]?\s*$", re.DOTALL)
CUE_AT_END = re.compile(rf"^\W*(?P<np>[^.!?]{{1,120}}?)\s+(?:(?:has|have|had)\s+)?(?P<cue>{CUES})\b(?P<rest>.*)$", re.DOTALL)
ACCORDING_AFTER = re.compile(r"^\W*according to (?P<np>[^.;]+?)\s*[.!?]?\s*$", re.IGNORECASE | re.DOTALL)
ACCORDING = re.compile(r"\baccording to (?P<np>[^,.;]+)", re.IGNORECASE)
NESTED_CUE = re.compile(rf"(?:\b(?:and|but|so)\s+)?(?P<np>\b[\w’' ]{{1,40}}?)\s+(?P<cue>response was|reply was|answer was|{CUES})\s*,?\s*$")
CHANNELS = [
    ("press_release", re.compile(r"\b(?:news |press )?release\b", re.I)),
    ("letter", re.compile(r"\bletter\b", re.I)),
    ("message_to_families", re.compile(r"\bmessage to (?:families|parents)\b", re.I)),
    ("statement", re.compile(r"\bstatement\b", re.I)),
    ("report", re.compile(r"\breport\b", re.I)),
]
APPOSITION = re.compile(r"^[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+, ")
NAMING_CUES = {"called", "calls", "calling", "described", "describes", "termed", "labeled", "dubbed"}
STRONG_CUES = {"said", "says", "say", "told", "tells", "tell", "stated", "states", "wrote", "writes", "explained", "explains"}
CLAUSE_BOUNDARY = re.compile(r"[,;—–]|:(?=\s)|\)")
LEADING_WORDS = re.compile(r"^(?:(?:but|and|though|although|while|however|meanwhile|so|yet|also|then|as|that|because|since|still)\b[\s,]*)+", re.I)
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"they", "their", "them", "we"}
OUTLET_KIND = "news_outlet"


@dataclass(frozen=True)
class Speaker:
    person_id: str | None
    org_id: str | None
    as_written: str
    cue: str
    channel: str
    basis: str  # stated | inferred
    confidence: float
    note: str = ""


NOBODY = Speaker(None, None, "", "", "unknown", "inferred", 0.1, "no attribution found: name the speaker")


def attribute(text: str, quotations: list[Quotation], entities: Entities) -> list[Speaker]:
    masked = mask_quotations(text, quotations)
    spans = sentences(text, masked)
    speakers: list[Speaker] = []
    for index, quote in enumerate(quotations):
        if quote.kind == "nested":
            speakers.append(_nested(text, quote, quotations[quote.parent], entities))
            continue
        speaker = _direct(text, masked, spans, quote, entities)
        if speaker is None:
            speaker = _inherited(text, quotations, speakers, index)
        speakers.append(speaker or NOBODY)
    return speakers


def mask_quotations(text: str, quotations: list[Quotation]) -> str:
    """The text with every quotation's words blanked, keeping offsets: only the narration is read."""
    chars = list(text)
    for q in quotations:
        if q.kind != "nested":
            for i in range(q.start, q.end):
                chars[i] = "\x00" if chars[i] != "\n" else "\n"
    return "".join(chars)


def _direct(text: str, masked: str, spans, quote: Quotation, entities: Entities) -> Speaker | None:
    sentence = next((s for s in spans if s.start <= quote.start - 1 < s.end), None)
    closing = next((s for s in spans if s.start <= quote.end < s.end), sentence)
    if sentence is None:
        return None
    close = quote.end + 1 if quote.end < len(text) else quote.end
    after_end = masked.find("\x00", close, closing.end)
    after_end = closing.end if after_end < 0 else after_end - 1
    after = masked[close:after_end]
    before_start = masked.rfind("\x00", sentence.start, quote.start - 1)
    before_start = sentence.start if before_start < 0 else before_start + 2
    before = masked[before_start:quote.start - 1]
    channel = _channel(masked[sentence.start:sentence.end])

    m = ACCORDING_AFTER.match(after)
    if m:
        return _resolve(text, close + m.start("np"), close + m.end("np"), "according to", channel,
                        close + m.start(), close + m.end("np"), entities)
    m = CUE_AT_START.match(after)
    if m and not re.match(r"(?:that|to|by|in|on|at)\b", m.group("np")):
        np_start = close + m.start("np")
        np_end = np_start + len(_cut_clause(m.group("np")))
        return _resolve(text, np_start, np_end, m.group("cue"), channel, close + m.start("cue"), np_end, entities)
    m = CUE_AT_END.match(after)
    ended = quote.text.rstrip("’'")[-1:] in ".!?"
    if m and ended and _more_than_channel(m.group("rest")):
        m = None  # “... fair to students.” Whitcombe said the offer ...: a new sentence, not an attribution
    if m and ("," not in m.group("np").strip(", ") or len(m.group("np").split()) <= 8 or APPOSITION.match(m.group("np"))):
        np_start = close + m.start("np")
        np_end = close + m.end("np")
        written_end = close + m.end("cue") + _trailing_channel(m.group("rest"))
        return _resolve(text, np_start, np_end, m.group("cue"), channel, np_start, written_end, entities)
    m = ACCORDING.search(before)
    if m:
        return _resolve(text, before_start + m.start("np"), before_start + m.end("np"), "according to", channel,
                        before_start + m.start(), before_start + m.end("np"), entities)
    cues = list(CUE.finditer(before))
    if cues:
        cue = cues[-1]
        if cue.group("cue") not in STRONG_CUES | NAMING_CUES and before[cue.end():].strip(" ,:"):
            # "continued them “late into the night”": a verb of the story, not of the saying.
            strong = [c for c in cues if c.group("cue") in STRONG_CUES]
            if not strong:
                return None
            cue = strong[-1]
        boundaries = [m.end() - 1 for m in CLAUSE_BOUNDARY.finditer(before, 0, cue.start())]
        clause_start = boundaries[-1] if boundaries else -1
        clause = before[clause_start + 1:cue.start()]
        lead = len(clause) - len(clause.lstrip())
        clause = clause.strip()
        stripped = LEADING_WORDS.sub("", clause)
        np_start = before_start + clause_start + 1 + lead + (len(clause) - len(stripped))
        np_end = np_start + len(stripped)
        if stripped:
            written_end = before_start + cue.end("cue")
            # "In a message to families Monday evening, the district stated": the opening clause belongs to it.
            written_start = np_start
            intro = before[:clause_start + 1].strip()
            if intro.startswith(("In a ", "In its ", "In an ")) and intro.endswith(","):
                written_start = before_start + len(before) - len(before.lstrip())
            return _resolve(text, np_start, np_end, cue.group("cue"), channel, written_start, written_end, entities)
    return None


def _more_than_channel(rest: str) -> bool:
    rest = rest[_trailing_channel(rest):]
    return bool(re.sub(r"\b(?:on|this|last|in an? interview|in an? statement|after|before)\b.*", "", rest).strip(" .,!?\x00"))


def _cut_clause(np: str) -> str:
    """'Ana Reyes, president of the union, in a statement' -> keep the name and its title."""
    np = re.split(r"\s+(?:in a|in an|in its|on|during|at a|at the|after|before|when|while|who|which)\s+", np, maxsplit=1)[0]
    return np.rstrip(" ,.;:")


def _trailing_channel(rest: str) -> int:
    m = re.match(r"\s+in (?:a|an|its|their|his|her) (?:news |press )?(?:release|statement|letter|email|post)", rest)
    return m.end() if m else 0


def _channel(sentence: str) -> str:
    for name, pattern in CHANNELS:
        if pattern.search(sentence):
            return name
    return "unknown"


def _resolve(text: str, np_start: int, np_end: int, cue: str, channel: str, written_start: int, written_end: int,
             entities: Entities) -> Speaker | None:
    np = text[np_start:np_end].strip()
    written = text[written_start:written_end].strip(" ,")
    if not np:
        return None
    if cue == "told" and any(entities.orgs[m.id].kind == OUTLET_KIND for m in entities.within(np_end, written_end + 40, "org")):
        channel = "interview"
    people = entities.within(np_start, np_end, "person")
    orgs = [m for m in entities.within(np_start, np_end, "org") if entities.orgs[m.id].kind != OUTLET_KIND]
    if people:
        person = entities.people[people[0].id]
        org_mentions = [m for m in orgs if not (people[0].start <= m.start < people[0].end)]
        org = max(org_mentions, key=lambda m: m.end - m.start).id if org_mentions else person.org_id
        named_fully = text[people[0].start:people[0].end] == person.name
        note = "" if named_fully else f"'{text[people[0].start:people[0].end]}' read as {person.name}, named earlier"
        return Speaker(person.person_id, org, written, cue, channel, "stated", 0.9 if named_fully else 0.85, note)
    lowered = np.lower()
    if lowered in PRONOUNS_PERSON:
        earlier = entities.before(np_start, "person")
        if earlier:
            person = entities.people[earlier[-1].id]
            return Speaker(person.person_id, person.org_id, written, cue, channel, "inferred", 0.65,
                           f"'{np}' read as {person.name}, the last person named before it")
        return None
    org_id = entities.descriptor(np, np_start)
    if orgs and not (org_id and _head_after(np, text[orgs[-1].start:orgs[-1].end])):
        org = max(orgs, key=lambda m: m.end - m.start)
        return Speaker(None, org.id, written, cue, channel, "stated", 0.85)
    if org_id:
        return Speaker(None, org_id, written, cue, channel, "inferred", 0.7,
                       f"'{np}' read as {entities.orgs[org_id].name}")
    if lowered in PRONOUNS_GROUP:
        earlier = [m for m in entities.before(np_start, "org") if entities.orgs[m.id].kind != OUTLET_KIND]
        if earlier:
            return Speaker(None, earlier[-1].id, written, cue, channel, "inferred", 0.5,
                           f"'{np}' read as {entities.orgs[earlier[-1].id].name}, the last organization named before it")
    return Speaker(None, None, written, cue, channel, "inferred", 0.2, f"speaker '{np}' not recognised: name them")


def _head_after(np: str, named: str) -> bool:
    """'the Ridgemont teachers union': the organization word comes after the name it qualifies."""
    tail = np[np.rfind(named) + len(named):].lower()
    return any(re.search(rf"\b{head}\b", tail) for head in HEADS)


def _inherited(text: str, quotations: list[Quotation], speakers: list[Speaker], index: int) -> Speaker | None:
    quote = quotations[index]
    paragraph_start = text.rfind("\n", 0, quote.start) + 1
    for earlier in range(index - 1, -1, -1):
        prior, said = quotations[earlier], speakers[earlier]
        if prior.kind == "nested" or said is NOBODY or not (said.person_id or said.org_id):
            continue
        if prior.start >= paragraph_start:
            return Speaker(said.person_id, said.org_id, said.as_written, said.cue, said.channel, said.basis,
                           min(said.confidence, 0.75), "no attribution of its own: same speaker as the quotation before it")
        paragraph_end = text.find("\n", quote.end)
        alone = not text[paragraph_start:quote.start - 1].strip() and not text[quote.end + 1:paragraph_end if paragraph_end >= 0 else len(text)].strip()
        previous_paragraph = text.rfind("\n", 0, paragraph_start - 1)
        if alone and prior.start > previous_paragraph:
            return Speaker(said.person_id, said.org_id, said.as_written, said.cue, said.channel, "inferred",
                           0.55, "a paragraph of quotation alone: the speaker of the paragraph before")
        return None
    return None


def _nested(text: str, quote: Quotation, parent: Quotation, entities: Entities) -> Speaker:
    """Words quoted inside a quotation: the speaker named just before them, inside the quotation."""
    before = text[parent.start:quote.start - 1]
    m = NESTED_CUE.search(before)
    if not m:
        return NOBODY
    np = m.group("np").strip()
    np_start = parent.start + m.start("np") + (len(m.group("np")) - len(m.group("np").lstrip()))
    written = text[np_start:parent.start + m.end("cue")]
    last_word = np.split()[-1].lower()
    if last_word in PRONOUNS_GROUP or last_word in ("our", "your", "the", "its"):
        earlier = [x for x in entities.before(np_start, "org") if x.start >= parent.start]
        if earlier:
            return Speaker(None, earlier[-1].id, written, m.group("cue"), "unknown", "inferred", 0.5,
                           f"'{np}' read as {entities.orgs[earlier[-1].id].name}, named just before inside the quotation")
        descriptor = entities.descriptor(before, np_start)
        if descriptor:
            return Speaker(None, descriptor, written, m.group("cue"), "unknown", "inferred", 0.45)
        return NOBODY
    return _resolve(text, np_start, np_start + len(np), m.group("cue"), "unknown", np_start,
                    parent.start + m.end("cue"), entities) or NOBODY


def reporter(text: str, start: int, end: int, entities: Entities) -> Speaker | None:
    """Who a sentence of narration reports ("Union officials say the district is short 250 teachers")."""
    sentence = text[start:end]
    narration = re.sub(r"[“\"][^”\"]*[”\"]", lambda m: "\x00" * len(m.group()), sentence)
    m = ACCORDING.search(narration)
    if m:
        return _resolve(text, start + m.start("np"), start + m.end("np"), "according to", "unknown",
                        start + m.start(), start + m.end("np"), entities)
    for cue in CUE.finditer(narration):
        if cue.group("cue") not in STRONG_CUES:
            continue
        boundaries = [b.end() - 1 for b in CLAUSE_BOUNDARY.finditer(narration, 0, cue.start())]
        clause_start = boundaries[-1] + 1 if boundaries else 0
        clause = narration[clause_start:cue.start()]
        stripped = LEADING_WORDS.sub("", clause.strip())
        if not stripped or len(stripped.split()) > 8:
            continue
        np_start = start + clause_start + clause.find(stripped)
        return _resolve(text, np_start, np_start + len(stripped), cue.group("cue"), "unknown", np_start,
                        start + cue.end("cue"), entities)
    return None
