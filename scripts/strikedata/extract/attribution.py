"""Who said each quotation: the attribution phrase around it, resolved to a person or organization.

Reads "X said", "said X, TITLE", "said TITLE X", "TITLE X said", "according to X", "X told ...",
"X said in a release", "X continued", a surname or pronoun pointing back to someone named earlier,
and organizations speaking ("the district said", "the union wrote"). A quotation with no attribution
of its own takes the speaker of the previous quotation in its paragraph (or, standing alone in its
paragraph, of the paragraph before), with a lower confidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import pairwise

from .coreference import workforce
from .entities import ABBREVIATED, HEADS, OUTLET_KIND, Entities, Person
from .quotations import CONTINUED, Quotation
from .text import DETERMINERS, MAX_SENTENCE, OPENING_WORDS, PEOPLE_NOUNS, WEEKDAY_NAME, Lines, SpanIndex, blank_quoted, sentences

CUES = (
    r"said|says|say|told|tells|tell|telling|saying|explained|explains|stated|states|wrote|writes|added|adds|continued|continues|"
    r"noted|notes|asked|asks|argued|argues|insisted|insists|claimed|claims|warned|warns|announced|announces|"
    r"responded|responds|replied|replies|declared|acknowledged|admitted|emphasized|stressed|recalled|urged|"
    r"predicted|posted|tweeted|recounted|conceded|countered|maintained|remarked|observed|lamented|described|"
    r"testified|complained|vowed|promised|pointed out|explain|state|write|add|continue|note|argue|insist|claim|warn|"
    r"called|calls|calling|termed|labeled|dubbed|reads|thanked|thanks|praised|praises|blamed|blames|criticized|criticizes|"
    r"pledged|pledges|apologized|replied by|answered|answers|"
    # the voice it was said in: "a union steward shouted into a bullhorn", "she joked"
    r"shouted|shouts|yelled|yells|hollered|screamed|whispered|joked|jokes|quipped|exclaimed|"
    r"puts? it (?:this way|that way|simply|bluntly|plainly|like this|best|succinctly)|"
    # "which she put at “roughly $22 million”", "The union put the number at “about 35 …”": a figure given in her words
    r"puts? (?:(?:the|its|their|that) (?:real |true |actual |whole |total )?"
    r"(?:number|figure|total|count|cost|price|amount|tally|gap|difference) )?at(?=\s*(?:[“\"\x00]|$))|"
    # "Local 1147 followed with a post of its own: “…”", "the district responded with a statement: “…”"
    r"(?:followed|responded|answered|replied|countered) with (?:a|an) (?:[\w-]+ )?(?:post|tweet|statement|message|email|letter)"
    r"(?: of (?:its|their|his|her) own)?(?=\s*:)|"
    r"read(?=\s*[.,:])"  # "…,” the statement read.": not "read the letter"
)
# (after a determiner a cue's word is a noun: "from the state Office of …", "the notes", "their claims")
CUE = re.compile(rf"\b(?:(?:has|have|had|was|were|would|will)\s+)?(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bour )"
                 rf"(?P<cue>{CUES})\b")
CUE_AT_START = re.compile(rf"^\W*(?P<cue>{CUES})\s+(?P<np>.+?)\s*[.!?]?\s*$", re.DOTALL)
CUE_AT_END = re.compile(rf"^\W*(?P<np>[^.!?]{{1,120}}?)\s+(?:(?:has|have|had)\s+)?(?P<cue>{CUES})\b(?P<rest>.*)$", re.DOTALL)
ACCORDING_AFTER = re.compile(r"^\W*according to (?P<np>[^.;]+?)\s*[.!?]?\s*$", re.IGNORECASE | re.DOTALL)
ACCORDING = re.compile(r"\baccording to (?P<np>[^,.;]+)", re.IGNORECASE)
# The three patterns above read the words after a quotation. Matched as written they backtrack
# without end on a long run of spaces (a lazy group before `\s*[.!?]?\s*$`); the readers below
# (_according_after, _cue_at_start, _cue_at_end) give the same groups in one pass.
CUE_LEAD = re.compile(rf"\W*(?P<cue>{CUES})(?=\s.)", re.DOTALL)
ACCORDING_LEAD = re.compile(r"\W*according to ", re.IGNORECASE)
CUE_HERE = re.compile(rf"(?:(?:has|have|had)\s+)?(?P<cue>{CUES})\b")
SPACES = re.compile(r"\s+")
NOT_SPACE = re.compile(r"\S")
NON_WORD = re.compile(r"\W*")
SENTENCE_MARK = re.compile(r"[.!?]")
NP_MAX = 120  # the longest name CUE_AT_END reads before its cue
# ("Dr. Achterberg told us, ‘…’": the one told may stand between the cue and the words.)
NESTED_CUES = "response was|reply was|answer was|told (?:us|me|them|him|her|reporters)|asking"  # ("called me every night asking, ‘…’")
NESTED_CUE = re.compile(rf"(?:\b(?i:and|but|so)\s+)?(?P<np>\b[\w’' ]{{1,40}}?)\s+(?P<cue>{NESTED_CUES}|{CUES})\s*,?\s*$")
# "the answer from the district was, ‘We hear you ...’": who the answer came from speaks.
NESTED_FROM = re.compile(r"\b(?P<cue>response|reply|answer|message|word)\s+from\s+(?P<np>[\w’' ]{1,40}?)\s+(?:was|has been|had been)\s*,?\s*$")
# A sentence whose subject says, posts or reads what a colon introduces: the subject speaks, whatever
# words (a medium, a time) stand between the verb and the colon.
COLON_INTRO = re.compile(rf"\s*(?:(?:but|and|so|then|later|meanwhile|earlier),?\s+)?(?P<np>[A-Z][^:.!?\x00]{{0,160}})\s+"
                         rf"(?:(?:has|have|had)\s+)?(?P<cue>{CUES}|read|reads)\b[^:!?\x00]{{0,80}}:\s*$", re.IGNORECASE)
# A colon after how someone spoke or what they sent, with no verb of saying: "He was blunter:", "She was more direct:",
# "Through a spokeswoman, she sent a written statement:" (the subject of the last clause before the colon).
# (Not a passive: "She was heckled:", "was asked:" tell what was done to her, not how she spoke.)
MANNER_INTRO = re.compile(r"\s*(?:[^:.!?\x00\n]{0,80},\s+)?(?:(?i:but|and|so|then),?\s+)?"
                          r"(?P<np>(?:[Tt]he\s+)?[A-Za-z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})\s+"
                          r"(?:(?:was|were|is|sounded|seemed)\s+(?:more\s+|less\s+|even\s+|far\s+|much\s+)?(?![a-z]+ed\b)[a-z]+"
                          r"|(?:sent|issued|released|emailed)\s+(?:a|an|this|the|its|their|his|her)\s+(?:[\w-]+\s+)?"
                          r"(?:statement|message|email|letter|note|reply|response)"
                          r"(?:\s+(?:[ap]\.m\.|[^:.!?\x00\n]){0,40})?)\s*:\s*$")  # "… to families just after 8 a.m.:"
# "A union spokesperson, by text message:": who, and the medium, over what was sent.
CHANNEL_INTRO = re.compile(r"\s*(?P<np>[A-Z][^:.!?\x00\n,“”\"]{0,60}?),?\s+(?:by|via|in)\s+(?:an?\s+)?"
                           r"(?:text(?:\s+message)?|e-?mail|phone|(?:written\s+)?statement|letter|message|post)\s*:\s*$")
# "“…” — Ana Ruiz, BVEA president": a dash and a name after the closing mark, to the end of the line.
VERB_IN_CREDIT = re.compile(r"\b(?:is|are|was|were|had|has|have|will|would|did|does|said|says|[a-z]{3,}ed)\b")
# ("— the Marlow Falls Education Association, on X", "— board Director Janelle Pruitt, in a Facebook post Sunday")
DASH_CREDIT = re.compile(r"[ \t]*(?:\n[ \t]*)?(?:[—–]|--)[ \t]*(?P<np>(?:(?:the|a|an|board|union|district|school|state|city|county|former|"
                         r"interim|acting)[ \t]+){0,2}[A-Z][^\n\x00“”\"]{1,160}?)[ \t]*(?=\n|$)")
# "Ng’s message to parents was clear:", "The union’s reply came minutes later:": the owner speaks.
POSSESSIVE_INTRO = re.compile(r"\s*(?P<np>[A-Z][^:.!?\x00]{0,80}?)(?:’s|'s|’|')\s+(?P<doc>message|statement|response|reply|answer|"
                              r"letter|email|e-mail|post|tweet|note|words|position|view|verdict)\b[^:!?\x00]{0,80}:\s*$")
POSSESSIVE_PRONOUN_LABEL = re.compile(r"(?:His|Her) (?:answer|reply|response|message|statement|words|verdict|advice|view|take|"
                                      r"retort|warning|reaction|explanation|plea|promise)")
COLON_LABEL = re.compile(r"(?:^|[:.!?]\s+)(?P<np>[A-Z][\w’'-]*(?: [\w’'-]+){0,4}):\s*$")
CHANNELS = [
    ("press_release", re.compile(r"\b(?:news |press )?release\b", re.I)),
    ("letter", re.compile(r"\bletter\b", re.I)),
    ("message_to_families", re.compile(r"\bmessage to (?:families|parents)\b", re.I)),
    ("statement", re.compile(r"\bstatement\b", re.I)),
    ("report", re.compile(r"\breport\b", re.I)),
]
# "Ana Ruiz, a teacher at …, said", "the lawyer, Celeste Amani-Ruiz of the …, said": a name and who they are
APPOSITION = re.compile(r"^(?:[A-Z][\w’'\x01-]+(?: [A-Z][\w’'\x01-]+)+, "  # \x01: NAME_MARK, an initial's period
                        r"|(?:the|a|an|its|their|his|her) (?:[\w’'-]+ ){0,2}[\w’'-]+, [A-Z][\w’'\x01-]+(?: [A-Z][\w’'\x01-]+)+[, ])")
NAMING_CUES = {"called", "calls", "calling", "described", "describes", "termed", "labeled", "dubbed"}
STRONG_CUES = {"said", "says", "say", "told", "tells", "tell", "telling", "saying", "stated", "states", "wrote", "writes", "explained", "explains"}
CLAUSE_BOUNDARY = re.compile(r"[,;—–]|:(?=\s)|\)")
CLAUSE_CUT = re.compile(r"(?<!\s)\s+(?:in a|in an|in its|on|during|at a|at the|after|before|when|while|who|which)\s+")
LEADING_WORDS = re.compile(r"^(?:(?:but|and|though|although|while|however|meanwhile|so|yet|also|then|as|that|because|since|still)\b[\s,]*)+", re.I)
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_GROUP = {"they", "their", "them", "we"}


# The period of an initial or abbreviation inside a name or title, and of a suffix before the comma of
# an apposition ("Desmond T. Farrow Jr., the union's bargaining chair, told reporters") or before the words
# that go on ("Superintendent Gerald P. Ostrander Jr. said at a news conference").
NAME_PERIOD = re.compile(r"(?<![\w.])(?:(?:[A-Z]|" + "|".join(sorted(ABBREVIATED)) + r")\.(?= [A-Z])|(?:Jr|Sr)\.(?=,| [a-z]))")
NAME_MARK = "\x01"


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
    borrowed: bool = False  # taken from the quotation before (_inherited), not from the quotation's own words


NOBODY = Speaker(None, None, "", "", "unknown", "inferred", 0.1, "no attribution found: name the speaker")


def attribute(text: str, quotations: list[Quotation], entities: Entities, count: int | None = None, *,
              masked: str | None = None, spans: list | None = None) -> list[Speaker]:
    """The speaker of each quotation (of the first `count` of them, when given; all of them mask the
    narration). `masked` and `spans`: mask_quotations(text, quotations) and its sentences, if made."""
    if not quotations[:count]:
        return []
    masked = mask_quotations(text, quotations) if masked is None else masked
    index_of_sentences = SpanIndex(sentences(text, masked) if spans is None else spans)
    lines = Lines(text)
    channels: dict[int, str] = {}  # sentence start -> channel, read once per sentence
    transcript = len(ANSWER_LINE.findall(text, 0, TRANSCRIPT_REACH)) >= TRANSCRIPT_LABELS  # answers labeled by who speaks
    speakers: list[Speaker] = []
    last_named = -1  # the last quotation (not nested) whose speaker has an id; -1: none yet
    for index, quote in enumerate(quotations[:count]):
        if quote.kind == "nested":
            if quote.parent is None:
                raise ValueError(f"nested quotation {index} names no parent: quotations come from find_quotations")
            speakers.append(_nested(text, quote, quotations[quote.parent], entities, speakers[quote.parent]))
            continue
        speaker = _direct(text, masked, index_of_sentences, quote, entities, channels)
        if speaker is not None and speaker.note.startswith(DOCUMENT_NOTE):
            speaker = _told_of(masked, index_of_sentences, quote, speaker, entities) \
                or _author(speaker, _writer_before(quotations, speakers, last_named))
        if speaker is not None and speaker.channel == "unknown":
            speaker = _medium(speaker, masked, index_of_sentences.at(quote.start - 1))
        if speaker is not None and not (speaker.person_id or speaker.org_id) and FIRST_PERSON.match(speaker.as_written):
            speaker = (_in_an_answer(text, quote, entities) if transcript else None) or speaker  # "I said, “…”" in an answer
        if speaker is None:
            speaker = _chanted(text, quote, entities) or (_words_of_an_answer(text, quote, entities) if transcript else None)
        if speaker is None:
            speaker = _introduced(text, masked, quote, entities) or _credited_below(text, masked, quote, entities)
        if speaker is None:
            speaker = _labeled_below(text, masked, quote, entities)
        if speaker is None:
            speaker = _beside(text, masked, index_of_sentences, quote, entities)
        if speaker is None:
            speaker = _inherited(text, quotations, speakers, index, last_named, lines)
        speakers.append(speaker or NOBODY)
        if speakers[-1] is not NOBODY and (speakers[-1].person_id or speakers[-1].org_id):
            last_named = index
    return _continued(quotations, speakers)



# "the crowd chanted, “Fund our schools!”", "marchers chanting “Five days, no more!”": a crowd's words, just before them.
CHANTED = re.compile(r"\b(?:chant(?:ed|s|ing)?)\s*[,:]?\s*[“\"]$", re.I)
# Chanters who are no union's members ("parents who want schools reopened … chanted", "students … chanting").
NOT_MEMBERS = re.compile(r"\b(?:parents?|students?|families|kids|children|residents|neighbors)\b", re.I)
CHANT_REACH = 16


def _chanted(text: str, quote: Quotation, entities: Entities) -> Speaker | None:
    """A chant on a picket line or at a rally: the words of the union whose members chant them: the one union of the
    workforce the words before it name ("Hundreds of teachers … chanted"), or the page's one union. None when the
    chanters are of two workforces ("teachers, bus drivers and cafeteria workers") or the page's unions are several."""
    if not CHANTED.search(text, max(0, quote.start - CHANT_REACH), quote.start):
        return None
    paragraph = text.rfind("\n", 0, quote.start) + 1
    chanters = workforce(text[max(paragraph, quote.start - MAX_SENTENCE):quote.start])
    unions = [o for o in entities.orgs.values() if o.kind in HEADS["union"] and entities.count(o.org_id)]
    if chanters:
        unions = [o for o in unions if workforce(o.name) == chanters] if len(chanters) == 1 else []
    elif NOT_MEMBERS.search(text, max(paragraph, quote.start - MAX_SENTENCE), quote.start):
        return None
    if len(unions) != 1:
        return None
    union = unions[0].org_id
    return Speaker(None, union, "", "chanted", "unknown", "inferred", 0.4,
                   f"a chant: read as {entities.orgs[union].name}'s, whose members chant it")


# The label a transcript opens an answer with: a name in capitals, a surname or initials ("DALE T. OYELARAN: Cold.", "LMV: Nine
# hours.").
LABEL = r"(?P<label>[A-Z][A-Z.’'\- ]{0,40}?[A-Z.]):[ \t]"
ANSWER_LABEL = re.compile(LABEL)
# A transcript: at least three lines open with a label of who speaks (not a column's one "LEVY: …" heading).
ANSWER_LINE = re.compile("^" + LABEL, re.M)
TRANSCRIPT_LABELS = 3
TRANSCRIPT_REACH = 200_000  # characters read for them: a transcript's first answers stand near its top
FIRST_PERSON = re.compile(r"\s*I(?:[’']d|[’']ve)?\s")  # a speaker written "I said", "I’d told"
# What the speaker of an answer tells they said, just before the words ("I said, “…”", "I’d told the members on Sunday, “…”").
FIRST_PERSON_SAID = re.compile(r"\bI(?:[’']d| had| have)?\s+(?:[\w’']+\s+){0,5}?(?:said|say|told|tell|asked|wrote|texted|answered|"
                               r"replied)\b[^“\"]{0,60}[“\"]$")


def _in_an_answer(text: str, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation in a transcript's answer that its speaker tells they said ("DTO: She said maybe. I said, “Maybe gets you
    a session.”"): the person the answer's label names, by name in capitals, surname or initials."""
    answer = _answerer(text, text.rfind("\n", 0, quote.start) + 1, entities)
    if answer is None:
        return None
    label, person = answer
    if not FIRST_PERSON_SAID.search(text, max(label.end(), quote.start - 120), quote.start):
        return None
    return Speaker(person.person_id, person.org_id, label.group("label"), "said", "unknown", "inferred", 0.5,
                   f"in an answer labeled {label.group('label')!r}, whose speaker tells they said it: read as {person.name}")


def _words_of_an_answer(text: str, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation (a headline's, most often) whose words a transcript's answer says, elsewhere on the page ("“We both had
    to be able to go home”: The superintendent and the union president look back …" over "LMV: … We both had to be able
    to go home at the end of it."): the person the answer's label names."""
    words = quote.text.rstrip(".,!?;: ")
    if len(words.split()) < ANSWER_WORDS:
        return None
    at = text.find(words, quote.end)
    if at < 0:
        return None
    line = text.rfind("\n", 0, at) + 1
    answer = _answerer(text, line, entities)
    if answer is None or text.count("“", line, at) > text.count("”", line, at):
        return None  # (the words quoted again inside an answer are someone's the answerer quotes)
    label, person = answer
    return Speaker(person.person_id, person.org_id, label.group("label"), "", "unknown", "inferred", 0.5,
                   f"words an answer labeled {label.group('label')!r} says further down: read as {person.name}")


ANSWER_WORDS = 5  # a quotation that short may be anyone's words


def _answerer(text: str, line: int, entities: Entities) -> tuple[re.Match[str], Person] | None:
    """The label opening a transcript's answer on the line starting at `line`, and the one person it names; None when the
    line opens with no label, or the label names no one person the page names."""
    label = ANSWER_LABEL.match(text, line)
    person = _labeled(label.group("label"), entities) if label is not None else None
    return (label, person) if label is not None and person is not None else None


def _labeled(label: str, entities: Entities) -> Person | None:
    """The one person the page names whom a transcript's label stands for: their name, surname or initials."""
    said = " ".join(label.replace(".", " ").split()).lower()
    fits = [p for p in entities.people.values() if said in (" ".join(p.name.replace(".", " ").split()).lower(), p.surname.lower(),
                                                            _initials(p.name), _initials(p.name, middle=False))]
    return fits[0] if len(fits) == 1 else None


def _initials(name: str, middle: bool = True) -> str:
    """"Lorraine M. Vasquez-Hale" -> "lmv" ("lv" without the middle initial)."""
    words = [w for w in name.replace(".", " ").split() if w[:1].isalpha()]
    if not middle and len(words) > 2:
        words = [words[0], words[-1]]
    return "".join(w[0] for w in words).lower()


def _continued(quotations: list[Quotation], speakers: list[Speaker]) -> list[Speaker]:
    """A paragraph of a quotation that runs on into the next, with no speaker of its own, is the
    speaker's whom the quotation names at its end ("“First part.\n\n“Second part,” said Ana Reyes.")."""
    out = list(speakers)
    for index in range(len(out) - 2, -1, -1):
        said, later = out[index], out[index + 1]
        own = (said.person_id or said.org_id) and not said.borrowed
        if quotations[index].note == CONTINUED and not own and (later.person_id or later.org_id):
            out[index] = replace(later, confidence=min(later.confidence, 0.7),
                                 note="a paragraph of a quotation that runs on: the speaker its last paragraph names")
    return out


# Media the schema's channel list has no value for: the draft says which, the channel stays unknown.
MEDIA = [("an email", re.compile(r"\be-?mail(?:ed|s)?\b", re.I)),
         ("a post on social media", re.compile(r"\b(?:tweet(?:ed|s)?|twitter|facebook|instagram|social media|posted on)\b", re.I))]


def _medium(speaker: Speaker, masked: str, sentence) -> Speaker:
    """A speaker whose channel is unknown, with a note naming the medium the sentence gives (an email,
    a post), which the channel values do not hold."""
    said = masked[sentence.start:sentence.end] if sentence is not None else ""
    medium = next((name for name, pattern in MEDIA if pattern.search(said) or pattern.search(speaker.cue)), None)
    if medium is None:
        return speaker
    note = f"said in {medium} (the channel values have none for it: channel is unknown)"
    return replace(speaker, note="; ".join(n for n in (speaker.note, note) if n))


def _introduced(text: str, masked: str, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation opening its paragraph, after a paragraph that ends in a colon ("Council Member
    Anjali Strand … posted on X this afternoon:"): whom that paragraph introduces."""
    start = _line_start(masked, quote.start)
    if start == 0 or masked[start:quote.start - 1].strip():
        return None  # the quotation does not open its paragraph, or opens the text: nothing introduces it
    previous_end = _spaces_back(masked, 0, start - 1)  # back over blank lines
    line_start = _line_start(masked, previous_end)
    line = masked[line_start:previous_end]
    if not line.rstrip().endswith(":") and "\n" not in masked[previous_end:start - 1]:
        if _under_a_quotation(masked, line_start):
            return None  # the credit of the quotation above it (_credited_below)
        return _name_line(text, masked, line_start, previous_end, entities)
    if not line.rstrip().endswith(":") or "\x00" in line:
        return None
    ends = list(LAST_SENTENCE.finditer(line))
    last = ends[-1] if ends else None
    if last is not None:  # "The union answered within hours. Its statement … read in full:": the last sentence introduces
        line_start, line = line_start + last.end(), line[last.end():]
    speaker = _before(text, masked, quote, line.rstrip() + " ", line_start, _channel(line), entities)
    return speaker if speaker is not None and (speaker.person_id or speaker.org_id) else None


LAST_SENTENCE = re.compile(r"[.!?][”’\"']*\s+(?=[A-Z])")


def _credited_below(text: str, masked: str, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation closing its line, with a person's name and who they are on the line right under it and a blank line
    after that ("“I have a son with an IEP …”" / "Lisa Tran, mother of a third-grader at Lantern Hill Elementary"): a
    reader's letter or a post card credited below, whose person speaks."""
    end = _line_end(masked, quote.end)
    if masked[quote.end + 1:end].strip() or end >= len(masked):
        return None
    below_end = _line_end(masked, end + 1)
    line = masked[end + 1:below_end]
    if not line.strip() or masked[below_end + 1:_line_end(masked, below_end + 1)].strip():
        return None  # no line under it, or one that runs on into the next (a caption over the quotation below)
    if line.count(",") != 1 or VERB_IN_CREDIT.search(line):
        return None  # a name and who they are, no more: not a caption telling what they do ("…, center, holds a sign")
    return _name_line(text, masked, end + 1, below_end, entities)


def _under_a_quotation(masked: str, line_start: int) -> bool:
    """The line at `line_start` is right under a line that a quotation closes."""
    if line_start < 2 or masked[line_start - 1] != "\n":
        return False
    above = masked[_line_start(masked, line_start - 1):line_start - 1].rstrip().rstrip("”\"’'")
    return above.endswith("\x00")


def _labeled_below(text: str, masked: str, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation whose line is followed by a line that labels who said it, as a fact check sets out a claim
    ("CLAIM 4: The district is “sitting on $31 million.”" / "WHO SAID IT: Marcus T. Aldana, the union's chief
    negotiator, at the rally"): the one the label's words open with."""
    end = _line_end(masked, quote.end)
    label = SAID_BY_LABEL.match(masked, end + 1) if end < len(masked) else None
    if label is None:
        return None
    head = CLAUSE_BOUNDARY.search(masked, label.end(), _line_end(masked, label.end()))
    np_end = head.start() if head else _line_end(masked, label.end())
    speaker = _resolve(text, label.end(), np_end, ":", "unknown", label.end(), np_end, entities)
    return speaker if speaker is not None and (speaker.person_id or speaker.org_id) else None


# A fact check's label of who made a claim, on the line under it.
SAID_BY_LABEL = re.compile(r"[ \t]*(?:WHO SAID IT|Who said it|SAID BY|Said by|CLAIMED BY|Claimed by|SOURCE OF THE CLAIM)[ \t]*:[ \t]*")


def _name_line(text: str, masked: str, line_start: int, line_end: int, entities: Entities) -> Speaker | None:
    """The line right above a quotation's paragraph, when it is a person's name and who they are, with no sentence
    of its own ("Delphine Ashworth, 81, who taught English at … for 34 years" / "“We almost struck in 1994 …”"):
    a portrait's caption, whose person speaks."""
    named = entities.within(line_start, line_end, "person")
    line = masked[line_start:line_end].rstrip()
    if not named or masked[line_start:named[0].start].strip() or "\x00" in masked[named[0].end:line_end] \
            or SENTENCE_CLOSE.search(line) or len(line.split()) > NAME_LINE_WORDS:
        return None
    person = entities.people[named[0].id]
    return Speaker(person.person_id, person.org_id, text[line_start:line_end].strip(), "", "unknown", "inferred", 0.6,
                   f"read as {person.name}, named on the line above the quotation with who they are")


SENTENCE_CLOSE = re.compile(r"[.!?:][”’\"')]*$")
NAME_LINE_WORDS = 40  # a caption's words; a longer line is prose
BEAT_WORDS = 12  # a sentence beside a quotation longer than this tells the story, not who is speaking


def _line_start(text: str, at: int) -> int:
    """The start of the line holding `at`, no further back than a sentence reaches (MAX_SENTENCE)."""
    low = max(0, at - MAX_SENTENCE)
    return max(low, text.rfind("\n", low, at) + 1)


def _line_end(text: str, at: int) -> int:
    """The end of the line holding `at`, no further on than a sentence reaches (MAX_SENTENCE)."""
    high = min(len(text), at + MAX_SENTENCE)
    end = text.find("\n", at, high)
    return high if end < 0 else end


def _beside(text: str, masked: str, spans: SpanIndex, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation with no attribution, next to a short sentence of its paragraph that opens with a
    person ("“We are done.” Ruiz paused. “We are really done.”", "Ng did not mince words. “…”"): that
    person, with a low confidence."""
    close = min(len(text), quote.end + 1)  # past the closing mark
    spots = [(close, _line_end(masked, close)), (_line_start(masked, quote.start), max(0, quote.start - 1))]
    if spots[1][0] > 0 and not masked[spots[1][0]:spots[1][1]].strip():  # the quotation opens its paragraph: the one before, if a beat
        end = _spaces_back(masked, 0, spots[1][0] - 1)  # back over blank lines
        spots.append((_line_start(masked, end), end))
    for low, high in spots:
        # The narration between this quotation and the next (or the one before) on its line: one sentence.
        piece = masked[low:high]
        cut = piece.find("\x00") if low == close else piece.rfind("\x00")
        if cut >= 0:
            low, high = (low, low + cut) if low == close else (low + cut + 1, high)
        first = spans.at(low + len(masked[low:high]) - len(masked[low:high].lstrip()))
        if first is None:
            continue
        start, end = max(low, first.start), min(high, first.end)
        narration = masked[start:end]
        if not narration.strip() or len(narration.split()) > BEAT_WORDS or CUE.search(narration):
            continue
        lead = start + len(narration) - len(narration.lstrip(" ”’\"'"))
        people = [m for m in entities.within(lead, end, "person") if m.start == lead]
        if people:
            person = entities.people[people[0].id]
            return Speaker(person.person_id, person.org_id, narration.strip(), "", "unknown", "inferred", 0.5,
                           f"no attribution: read as {person.name}, of whom the sentence beside it tells")
    return _pronoun_beat(text, masked, spans, quote, entities) or _reported_before(text, masked, spans, quote, entities)


def _sentence_just_before(masked: str, spans: SpanIndex, quote: Quotation):
    """The sentence a quotation follows on its own line, with nothing but its opening mark between; or None."""
    sentence = spans.before(quote.start)
    if sentence is None or sentence.start < _line_start(masked, quote.start) or masked[sentence.end:quote.start].strip(" \t“\"‘'"):
        return None
    return sentence


def _reported_before(text: str, masked: str, spans: SpanIndex, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation right after a sentence of its line that reports a person's words ("She said the union's members
    would vote Friday. “I am recommending a yes vote.”"): the one who said them goes on, with a low confidence."""
    sentence = _sentence_just_before(masked, spans, quote)
    reported = REPORTED.match(masked, sentence.start, sentence.end) if sentence is not None else None
    if reported is None or WRITTEN.search(masked, reported.end(), sentence.end) or QUOTATION_IN_A_SENTENCE.match(text, quote.end):
        return None  # (not "said she had read the union's letter twice. “…”", a document's words; nor "“…?” was the question")
    speaker = _resolve(text, reported.start("np"), reported.end("np"), reported.group("cue"), "unknown",
                       reported.start("np"), reported.end(), entities)
    if speaker is None or not speaker.person_id:
        return None
    return replace(speaker, confidence=min(speaker.confidence, 0.5),
                   note=f"no attribution: {speaker.note or 'read as ' + entities.people[speaker.person_id].name}, "
                        f"who the sentence before it says spoke")


QUOTATION_IN_A_SENTENCE = re.compile(r"[”\"]?[ \t]+[a-z]")  # a closing mark the sentence goes on after ("“…?” was the question")
# A sentence opening with a person (a pronoun or a name) and a cue: "She said …", "Mabry told reporters …".
REPORTED = re.compile(rf"\s*(?P<np>He|She|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,3}})\s+(?:also\s+)?(?P<cue>{CUES})\b")


def _pronoun_beat(text: str, masked: str, spans: SpanIndex, quote: Quotation, entities: Entities) -> Speaker | None:
    """A quotation right after a short sentence of its line whose subject is a pronoun ("She took a long time to
    answer. “…”"): the one the pronoun points back to, with a low confidence."""
    sentence = _sentence_just_before(masked, spans, quote)
    if sentence is None:
        return None
    narration = masked[sentence.start:sentence.end]
    if len(narration.split()) > BEAT_WORDS or CUE.search(narration):
        return None
    lead = sentence.start + len(narration) - len(narration.lstrip(" ”’\"'"))
    pronoun = PERSON_PRONOUN_OPENING.match(text, lead, sentence.end)
    if pronoun is None:
        return None
    speaker = _resolve(text, lead, pronoun.end(), "", "unknown", lead, sentence.end, entities)
    if speaker is None or not speaker.person_id:
        return None
    return replace(speaker, as_written=narration.strip(), confidence=min(speaker.confidence, 0.45),
                   note=f"no attribution: {speaker.note}, of whom the sentence before it tells")


PERSON_PRONOUN_OPENING = re.compile(r"(?:He|She)\b")
# A phrase of time or place opening a sentence before its subject, through its comma ("On Thursday, ", "At the hearing, ").
OPENING_PHRASE = re.compile(rf"(?:{OPENING_WORDS})\b[^,;:\n]{{0,40}},\s+")


# (an email or a letter is told of by its writing to someone: "Pruitt wrote to families Sunday evening.")
EMAIL_TOLD = "e-?mailed|wrote to"
DOCUMENT_VERBS = {"post": "posted", "tweet": "tweeted", "email": EMAIL_TOLD, "e-mail": EMAIL_TOLD, "letter": "wrote to",
                  "filing": "filed",
                  "petition": "filed", "lawsuit": "filed", "complaint": "filed", "motion": "filed", "order": "ordered",
                  "ruling": "ruled", "resolution": "(?:passed|adopted)"}
SUBJECT_SAID = re.compile(r"(?P<np>\b(?:the|its|their)\s+[\w’' -]{1,40}?)\s+(?:said|says|wrote|writes|posted|announced|told)\b")
SAID_IN = re.compile(rf"\b(?:said|says|wrote|writes|announced)\s+(?:{WEEKDAY_NAME}\s+|today\s+|yesterday\s+)?"
                     r"(?:in|on|via)\s+$")  # ("said Monday in a message")
# How far back a sentence that tells of a document ("answered in a post on its Facebook page") may stand.
DOCUMENT_REACH = 400


# A document's author named after it: "a statement from Superintendent …", "a letter signed by …".
FROM_AUTHOR = re.compile(r"\s+(?:(?:released|issued|sent|signed|posted|written)\s+)?(?:from|by)\s+(?:the\s+)?")
AUTHOR_REACH = 40  # characters from "from" to the start of the author's name (a title may stand before it)


def _subject_clause(masked: str, start: int, verb: int) -> tuple[int, int]:
    """The clause whose subject a verb at `verb` has: from the last comma before it that opens no relative
    clause ("Board President Gilbert Montoya, who voted for the earlier offer, said": from the sentence's start)."""
    cut = verb
    while (comma := masked.rfind(",", start, cut)) >= 0:
        if not RELATIVE.match(masked, comma + 1):
            return comma + 1, verb
        cut = comma
    return start, verb


RELATIVE = re.compile(r"\s*(?:who|whom|whose|which)\b")


def _told_of(masked: str, spans: SpanIndex, quote: Quotation, document: Speaker, entities: Entities) -> Speaker | None:
    """The speaker of "the post said": whoever the sentence that tells of that document names first
    ("Hours later, the teachers association answered in a post on its Facebook page."), within a
    short reach before the quotation; None when no sentence tells of it."""
    doc = DOCUMENT.match(ACCORDING_LEAD.sub("", document.as_written.lower(), count=1))  # ("According to the letter, …")
    if doc is None:
        return None
    low = max(0, quote.start - DOCUMENT_REACH)
    told_by = DOCUMENT_VERBS.get(doc.group("doc"))  # "Families United posted on Facebook that …": the post
    # A telling that names the document ("sent an email to parents") before one by its writing ("Cortes wrote to members")
    tellings = list(re.finditer(rf"\b(?i:a|an|(?P<own>its|their)|his|her)\s+(?:[\w’'-]+\s+){{0,3}}?{re.escape(doc.group('doc'))}\b",
                                masked[low:quote.start])) \
        or (list(re.finditer(rf"\b(?:{told_by})\b", masked[low:quote.start])) if told_by else [])
    if not tellings:
        return None
    told = tellings[-1]
    at = low + told.start()
    sentence = spans.at(at)
    if sentence is None:
        return None
    just_named = entities.last_before(at, "speaking") if "own" in told.re.groupindex and told.group("own") else None
    openings = [s.start for s in (spans.before(sentence.start), sentence) if s is not None]
    if just_named is not None and any(masked[start:just_named.start].strip().lower() in ("", "the")
                                      for start in openings if start <= just_named.start):
        # "The district accepted Sunday morning. Its statement, posted to its website, …": the organization that opens
        # that sentence or the one before (not "… a complaint filed by the association. Its statement": the board's)
        return replace(document, org_id=just_named.id, confidence=0.55, basis="inferred",
                       note=f"'{document.as_written}' read as the {doc.group('doc')} of {just_named.id}, named just before it")

    def named(low: int, high: int) -> list:
        return sorted(entities.within(low, high, "person") + [m for m in entities.within(low, high, "org")
                                                              if entities.orgs[m.id].kind != OUTLET_KIND], key=lambda m: m.start)

    said = list(SUBJECT_SAID.finditer(masked, sentence.start, at))
    if not named(sentence.start, at) and said:  # "…, the district said in a message to families": who the sentence says wrote it
        org_id = entities.descriptor(said[-1].group("np"), said[-1].start())
        return replace(document, org_id=org_id, confidence=0.55, basis="inferred",
                       note=f"'{document.as_written}' read as the {doc.group('doc')} of {org_id}, told of before") if org_id else None
    # Who is named before it, else the subject of the verb after it ("In a statement posted at 5:30 a.m.,
    # Superintendent Feld called …"), outside any quotation.
    verb = CUE.search(masked, at, sentence.end)
    by = FROM_AUTHOR.match(masked, low + told.end())  # "according to a statement from Superintendent Katherine A. Wolcott"
    # "The association will vote Sunday, its president Denise Whitacre said in a message": the one who said it
    said_in = SAID_IN.search(masked, max(sentence.start, at - 32), at)
    writers = (named(by.end(), by.end() + AUTHOR_REACH)[:1] if by else []) \
        or (named(*_subject_clause(masked, sentence.start, said_in.start()))[:1] if said_in else []) or named(sentence.start, at) \
        or (named(at, verb.start()) if verb else [])
    if not writers:  # "the Council’s executive board sent a letter": the body whose board it is, by the page's word for it
        owner = OWNER_BEFORE.search(masked, max(sentence.start, at - OWNER_REACH), at)
        org_id = entities.descriptor(f"the {owner.group('owner')}", sentence.start + owner.start()) if owner else None
        return replace(document, org_id=org_id, confidence=0.5, basis="inferred",
                       note=f"'{document.as_written}' read as the {doc.group('doc')} of {org_id}, whose {owner.group('part')} sent it")\
            if org_id and owner else None
    first = writers[0]
    person = entities.people.get(first.id) if first.kind == "person" else None
    return replace(document, person_id=person.person_id if person else None, org_id=person.org_id if person else first.id,
                   confidence=0.6, basis="inferred",
                   note=f"'{document.as_written}' read as the {doc.group('doc')} the sentence before tells of, by {first.id}")


def _writer_before(quotations: list[Quotation], speakers: list[Speaker], last_named: int) -> Speaker | None:
    """Who wrote the document "the email said" quotes: the speaker of the quotation just before it when its words were
    written, even one the article names in a way not recognised ("In an email, Castonguay wrote …. “…,” the email
    said": not someone named further back); else the last one recognised."""
    own = [i for i, q in enumerate(quotations[:len(speakers)]) if q.kind != "nested"]
    if own and speakers[own[-1]] is not NOBODY and WRITTEN.search(speakers[own[-1]].as_written):
        return speakers[own[-1]]  # (not "said a parent outside Pine Elementary": words spoken, no document)
    return speakers[last_named] if last_named >= 0 else None


def _author(document: Speaker, before: Speaker | None) -> Speaker:
    """The speaker of "the email said": who the quotation before it was from (the one who wrote it)."""
    if before is None or not (before.person_id or before.org_id):
        return replace(document, note=f"speaker '{document.as_written}' not recognised: name who wrote it")
    who = before.person_id or before.org_id
    return replace(document, person_id=before.person_id, org_id=before.org_id, confidence=0.6,
                   note=f"'{document.as_written}' read as the document of {who}, the speaker of the quotation before it")


def mask_quotations(text: str, quotations: list[Quotation]) -> str:
    """The text with every quotation's words blanked, keeping offsets: only the narration is read."""
    pieces, done = [], 0
    for q in sorted((q for q in quotations if q.kind != "nested"), key=lambda q: q.start):
        start = max(q.start, done)
        if start >= q.end:
            continue
        pieces += [text[done:start], "\n".join("\x00" * len(part) for part in text[start:q.end].split("\n"))]
        done = q.end
    pieces.append(text[done:])
    # The period of a middle initial or an abbreviated title ("Miriam T. Castaño said", "Teachers Assn.
    # President") ends no sentence and no attribution: it is read as a plain mark (same offsets).
    return NAME_PERIOD.sub(lambda m: m.group()[:-1] + NAME_MARK, "".join(pieces))


def _direct(text: str, masked: str, spans: SpanIndex, quote: Quotation, entities: Entities,
            channels: dict[int, str] | None = None) -> Speaker | None:
    sentence = spans.at(quote.start - 1)
    if sentence is None:
        return None
    closing = spans.at(quote.end) or sentence
    close = quote.end + 1 if quote.end < len(text) else quote.end
    after_end = masked.find("\x00", close, closing.end)
    after_end = closing.end if after_end < 0 else after_end - 1
    after = masked[close:after_end]
    before_start = masked.rfind("\x00", sentence.start, quote.start - 1)
    before_start = sentence.start if before_start < 0 else before_start + 2
    before = masked[before_start:quote.start - 1]
    channel = channels.get(sentence.start) if channels is not None else None
    if channel is None:
        channel = _channel(masked[sentence.start:sentence.end])
        if channels is not None:
            channels[sentence.start] = channel

    dash = DASH_CREDIT.match(masked, close)
    if dash and dash.group("np")[:1].islower() and VERB_IN_CREDIT.search(dash.group("np")):
        dash = None  # "“a joke” — the district disagreed.": prose after a dash, not a credit
    if dash:  # "“We will win.” — Ana Ruiz, BVEA president": a pull quote's or post card's credit
        speaker = _resolve(text, dash.start("np"), dash.end("np"), "—", channel, dash.start("np"), dash.end("np"), entities)
        if speaker is not None and (speaker.person_id or speaker.org_id):
            return speaker
    m = _according_after(after)
    if m:
        return _resolve(text, close + m.start("np"), close + m.end("np"), "according to", channel,
                        close + m.start(), close + m.end("np"), entities)
    m = _cue_at_start(after)
    if m and not re.match(r"(?:that|to|by|in|on|at)\b", m.group("np")):
        np_start = close + m.start("np")
        np_end = np_start + len(_cut_clause(m.group("np")))
        return _resolve(text, np_start, np_end, m.group("cue"), channel, close + m.start("cue"), np_end, entities)
    if NEXT_CLAUSE.match(after) and len(CUE.findall(before)) == 1 and not REPORTED_WITHIN.search(before):
        # "Cortes said the board would “go into Friday with an open mind,” and Feld said …": the words after the
        # quotation open a clause of another speaker; the saying before it is this one's
        reading = _before(text, masked, quote, before, before_start, channel, entities)
        if reading is not None and not _unrecognised(reading):
            return reading
    m = _cue_at_end(after)
    ended = quote.text.rstrip("’'")[-1:] in ".!?"
    if m and ended and m.group("np").lstrip()[:1].isupper() and _more_than_channel(m.group("rest")) \
            and not _addressee_only(m.group("cue"), m.group("rest")):
        m = None  # “... fair to students.” Whitcombe said the offer ...: a new sentence, not an attribution
    if m and CONDITION_OPENING.match(m.group("np")):
        m = None  # “tomorrow, tonight, whenever” if the district called: a condition, not who spoke
    if m and ("," not in m.group("np").strip(", ") or len(m.group("np").split()) <= 8 or APPOSITION.match(m.group("np"))):
        np_start = close + m.start("np")
        np_end = close + m.end("np")
        written_end = close + m.end("cue") + _trailing_channel(m.group("rest"))
        reading = _resolve(text, np_start, np_end, m.group("cue"), channel, np_start, written_end, entities)
        if reading is None or not _unrecognised(reading):
            return reading
        # “…” and that tuition and state funding limit …: "state" read as a verb names nobody; the
        # words before the quotation may ("Provost Leonard Achterberg told the Beacon that …").
        before_reading = _before(text, masked, quote, before, before_start, channel, entities)
        return before_reading if before_reading is not None and not _unrecognised(before_reading) else reading
    return _before(text, masked, quote, before, before_start, channel, entities)


# The words a post or sign carries, introduced after the verb that made it ("posted a photo with the caption").
WORDS_GIVEN = re.compile(r"\b(?:with|under|bearing) (?:the|a|this) (?:caption|message|words|headline|slogan)\s*$|\bcaptioned\s*$")
CONDITION_OPENING = re.compile(r"\W*(?:if|unless|when|whenever|until|once|as soon as)\b", re.I)


def _unrecognised(speaker: Speaker) -> bool:
    """A reading that found words in the place of a speaker but no one they name."""
    return not (speaker.person_id or speaker.org_id) and speaker.note.startswith("speaker '")


# A clause opening with one is a noun phrase ("the judge who is mediating"), not a verb joined to the saying one.
DETERMINER = re.compile(r"(?:" + "|".join(sorted(DETERMINERS | {"my", "your", "some", "many", "most", "several", "both", "all"}))
                        + r")\b")


def _before(text: str, masked: str, quote: Quotation, before: str, before_start: int, channel: str,
            entities: Entities) -> Speaker | None:
    """The speaker the words before a quotation give, in its sentence: "according to X", "X’s message
    was:", "X posted:", "X said", a live update's label."""
    according = ACCORDING.search(before)
    if according:
        return _resolve(text, before_start + according.start("np"), before_start + according.end("np"), "according to", channel,
                        before_start + according.start(), before_start + according.end("np"), entities)
    owner = POSSESSIVE_INTRO.match(before)
    if owner:  # "Ng’s message to parents was clear:": whose message it is speaks
        np_start = before_start + owner.start("np")
        speaker = _resolve(text, np_start, before_start + owner.end("np"), owner.group("doc"), channel, np_start,
                           before_start + owner.end(), entities)
        if speaker is not None and (speaker.person_id or speaker.org_id):
            return speaker
    colon = COLON_INTRO.match(before)
    if colon:  # "The union posted on Facebook shortly before 9 a.m.:", "A statement from the district read:"
        np_start = before_start + colon.start("np")
        speaker = _resolve(text, np_start, before_start + colon.end("np"), colon.group("cue"), channel, np_start,
                           before_start + colon.end("cue"), entities)
        if speaker is not None and (speaker.person_id or speaker.org_id):
            return speaker  # else the clause nearest the verb is read below ("Asked whether ..., Ruiz said:")
    sign = SIGN_READING.search(before)
    if sign:  # "Keisha L. Dunmore held a hand-lettered sign reading “I teach 31.”": the one holding it, when the sentence names her
        held_by = entities.within(before_start, before_start + sign.start(), "person")
        if held_by:
            person = entities.people[held_by[0].id]
            return Speaker(person.person_id, person.org_id, text[before_start:before_start + sign.end()].strip(), "", channel,
                           "inferred", 0.5, f"read as {person.name}, who holds the sign")
        return None  # "teachers carrying signs that read …": nobody named
    manner = MANNER_INTRO.match(before) or CHANNEL_INTRO.match(before)
    if manner:  # "He was blunter:", "Through a spokeswoman, she sent a written statement:"
        np_start = before_start + manner.start("np")
        speaker = _resolve(text, np_start, before_start + manner.end("np"), "said", channel, np_start, before_start + manner.end(), entities)
        if speaker is not None and (speaker.person_id or speaker.org_id):
            return speaker
    # (a participle after a document names the document's making, not a saying: "told members in a video posted Monday";
    # "the union's statement said" still speaks)
    cues = [c for c in CUE.finditer(before)
            if not (c.group("cue") in MADE_CUES and DOCUMENT_BEFORE.search(before, max(0, c.start() - 20), c.start()))]
    if cues:
        cue = cues[-1]
        introduces = before.rstrip().endswith(":") or quote.text[:1].islower() or bool(WORDS_GIVEN.search(before))
        # ("replied by email:", "urged them to “stay …”", "posted a photo … with the caption “…”")
        if cue.group("cue") not in STRONG_CUES | NAMING_CUES and before[cue.end():].strip(" ,:") and not introduces:
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
        if boundaries and clause[:1].islower() and re.search(r"\b(?:and|to)$", clause) and not DETERMINER.match(clause):
            # "Elena Castañeda, the judge who is mediating, stepped outside and told reporters …": a verb joined to the
            # saying one has the subject the sentence opens with
            clause = ""
        if not clause and boundaries:
            # An inserted clause before the verb: "a spokesperson, Nora Feld, replied": the nearest of the
            # clauses before it that names someone ...
            inserted = _named_clause(text, before, before_start, boundaries, cue, channel, entities)
            if inserted is not None:
                return inserted
            # ... else "Jane Doe, in an email to staff that was shared with us, wrote:": the speaker is
            # the sentence's subject, its first clause.
            first = CLAUSE_BOUNDARY.search(before, 0, cue.start())
            clause_start = -1
            clause = before[:first.start() if first else cue.start()]
            lead = len(clause) - len(clause.lstrip())
            clause = clause.strip()
        stripped = LEADING_WORDS.sub("", clause)
        np_start = before_start + clause_start + 1 + lead + (len(clause) - len(stripped))
        inner = next((c for c in CUE.finditer(stripped) if c.group("cue") in STRONG_CUES), None)
        if inner is not None and inner.start() > 0 and re.search(r"\band\s*$", stripped):
            stripped = stripped[:inner.start()].rstrip()  # "Hospital officials said … and called": the first verb's subject
        np_end = np_start + len(stripped)
        if stripped:
            written_end = before_start + cue.end("cue")
            # "In a message to families Monday evening, the district stated": the opening clause belongs to it.
            written_start = np_start
            intro = before[:clause_start + 1].strip()
            if intro.startswith(("In a ", "In its ", "In an ")) and intro.endswith(","):
                written_start = before_start + len(before) - len(before.lstrip())
            return _resolve(text, np_start, np_end, cue.group("cue"), channel, written_start, written_end, entities)
    label = COLON_LABEL.search(before)
    if label:  # "Union president: “We won”" (a live update's heading): the label names the speaker
        np_start, np_end = before_start + label.start("np"), before_start + label.end("np")
        written_end = np_end + 1
        if POSSESSIVE_PRONOUN_LABEL.fullmatch(label.group("np")):  # "Her answer:": she answers
            np_end = np_start + len(label.group("np").split()[0])
        speaker = _resolve(text, np_start, np_end, ":", channel, np_start, written_end, entities)
        if speaker is not None and (speaker.person_id or speaker.org_id):
            return speaker
    return _subject(text, before, before_start, quote, channel, entities)


def _subject(text: str, before: str, before_start: int, quote: Quotation, channel: str, entities: Entities) -> Speaker | None:
    """No verb of saying: a sentence that opens with a person and runs on to a colon before the
    quotation ("Association President Joanna Prewitt, reached Friday, pointed to the vote:"), or to a
    fragment of theirs ("Teodoro Vance … walked out looking, by his own description, “like …”"):
    that person, with a low confidence."""
    if not (before.rstrip().endswith(":") or quote.text[:1].islower()):
        return None
    lead = len(before) - len(before.lstrip())
    opening = OPENING_PHRASE.match(before, lead)  # "On Thursday, Circuit Judge …": the subject after the phrase
    lead = opening.end() if opening else lead
    clause = CLAUSE_BOUNDARY.search(before, lead)
    first = entities.within(before_start + lead, before_start + (clause.start() if clause else len(before)), "person")
    if not first and before.rstrip().endswith(":"):
        # "And from our friends at the Teachers Federation, President Owen Marchetti sent this last night:": the one person it names
        named = entities.within(before_start + lead, before_start + len(before), "person")
        first = named if len({m.id for m in named}) == 1 else []
    how = "ends in a colon" if before.rstrip().endswith(":") else "carries the fragment"
    pronoun = PERSON_PRONOUN_OPENING.match(before, lead) if quote.text[:1].islower() else None  # (not "She was heckled:")
    if not first and pronoun:  # "She ordered both sides to meet … and to bargain “in good faith …”": whom "she" means
        speaker = _resolve(text, before_start + pronoun.start(), before_start + pronoun.end(), "", channel,
                           before_start + lead, before_start + len(before.rstrip()), entities)
        if speaker is not None and speaker.person_id:
            return replace(speaker, confidence=0.45, note=f"no verb of saying: {speaker.note}, the subject of the sentence that {how}")
    if not first:
        return None
    person = entities.people[first[0].id]
    return Speaker(person.person_id, person.org_id, text[before_start + lead:before_start + len(before.rstrip())].strip(), "", channel,
                   "inferred", 0.5, f"no verb of saying: read as {person.name}, the subject of the sentence that {how}")


def _named_clause(text: str, before: str, before_start: int, boundaries: list[int], cue: re.Match, channel: str,
                  entities: Entities) -> Speaker | None:
    """Of the clauses between commas before a verb, the nearest to it that names a person or an
    organization, as its speaker; None when none does."""
    ends = [cue.start(), *reversed(boundaries)]
    for end, start in pairwise([*ends, -1]):
        clause = before[start + 1:end]
        stripped = LEADING_WORDS.sub("", clause.strip())
        if not stripped:
            continue
        np_start = before_start + start + 1 + clause.find(stripped)
        speaker = _resolve(text, np_start, np_start + len(stripped), cue.group("cue"), channel, np_start,
                           before_start + cue.end("cue"), entities)
        if speaker is not None and (speaker.person_id or speaker.org_id) and entities.within(np_start, np_start + len(stripped), "person"):
            return speaker
    return None


class _Found:
    """What a match object offers to _direct (start, end, group), for a match read without a regex."""

    def __init__(self, text: str, groups: dict[str | int, tuple[int, int]]):
        self.text, self.groups = text, groups

    def start(self, group: str | int = 0) -> int:
        return self.groups[group][0]

    def end(self, group: str | int = 0) -> int:
        return self.groups[group][1]

    def group(self, group: str | int = 0) -> str:
        start, end = self.groups[group]
        return self.text[start:end]


def _shortest_name(after: str, start: int) -> int | None:
    """Where the lazy name group of `(?P<np>.+?)\\s*[.!?]?\\s*$` ends when it starts at `start`: at
    least one character, then only spaces, one closing mark and spaces may follow. None: no end."""
    body = after.rstrip()
    if body[-1:] in (".", "!", "?") and len(body) > start:
        body = body[:-1].rstrip()
    end = max(len(body), start + 1)
    return end if end <= len(after) else None


def _according_after(after: str) -> _Found | None:
    """ACCORDING_AFTER.match(after)."""
    lead = ACCORDING_LEAD.match(after)
    if not lead:
        return None
    end = _shortest_name(after, lead.end())
    if end is None or "." in after[lead.end():end] or ";" in after[lead.end():end]:
        return None
    return _Found(after, {0: (0, len(after)), "np": (lead.end(), end)})


def _cue_at_start(after: str) -> _Found | None:
    """CUE_AT_START.match(after)."""
    lead = CUE_LEAD.match(after)
    if not lead:
        return None
    word = NOT_SPACE.search(after, lead.end())
    start = word.start() if word else len(after) - 1  # only spaces follow: the last of them is the name
    end = _shortest_name(after, start)
    if end is None:  # no name can end here: the pattern does not match
        return None
    return _Found(after, {0: (0, len(after)), "cue": lead.span("cue"), "np": (start, end)})


# Cues that are nouns after an article: "with a state mediator", "the state's offer", "a write-in".
NOUN_CUES = {"state", "states", "write", "note", "notes", "claim", "claims", "add"}
DETERMINER_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DETERMINERS)) + r")$", re.I)


def _cue_at_end(after: str) -> _Found | None:
    """CUE_AT_END.match(after): the longest run of leading non-word characters that allows a match,
    then the shortest name (1 to NP_MAX characters, no . ! or ?) followed by spaces and a cue."""
    runs = [m.span() for m in SPACES.finditer(after)]
    # A name may end at any space of a run that a cue follows (after "has", "have" or "had" or not).
    ready = [(start, end, cue) for start, end in runs if (cue := CUE_HERE.match(after, end))
             and not (cue.group("cue") in NOUN_CUES and DETERMINER_BEFORE.search(after, 0, start))]
    if not ready:
        return None
    ready_ends = [end for _, end, _ in ready]
    marks = [m.start() for m in SENTENCE_MARK.finditer(after)]
    lead = NON_WORD.match(after)  # `\W*` matches every text, if only the empty string at 0
    for start in range(lead.end() if lead else 0, -1, -1):
        i = bisect_left(ready_ends, start + 2)  # the first run holding a position >= start + 1
        if i == len(ready):
            continue
        name_end = max(ready[i][0], start + 1)
        mark = bisect_left(marks, start)
        if name_end - start > NP_MAX or (mark < len(marks) and marks[mark] < name_end):
            continue
        cue = ready[i][2]
        return _Found(after, {0: (0, len(after)), "np": (start, name_end), "cue": cue.span("cue"),
                              "rest": (cue.end("cue"), len(after))})
    return None


def _more_than_channel(rest: str) -> bool:
    rest = rest[_trailing_channel(rest):]
    return bool(re.sub(r"\b(?:on|this|last|in an? interview|in an? statement|after|before)\b.*", "", rest).strip(" .,!?\x00"))


# ", and Feld said …" after a quotation: the next clause, with a speaker of its own.
NEXT_CLAUSE = re.compile(r"\s*,?\s*(?:and|but|while|whereas)\s+(?=\S)")
# Words reported within the saying before a quotation ("Cortes said Haddad had called teachers “greedy,”", "a letter in
# which Feld wrote"): the quotation may be the reported one's, whom the next clause names.
REPORTED_WITHIN = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+)?\w+ed\b|\bin which\b|\bwhat\b", re.I)
# “When do we get to learn?” Ortiz asked the board.: a verb of saying to someone, whom the sentence ends on, attributes.
ADDRESSED_CUES = {"told", "tells", "asked", "asks"}  # (not "thanked her", "urged calm": an act after another's words)
ADDRESSEE_ONLY = re.compile(r"\s+(?!(?:why|how|what|when|whether|if|that|where|who|for|about)\b)(?:[\w’'-]+\s+){0,3}?[\w’'-]+\s*[.!?]?\s*$",
                            re.I)  # (not "asked why the board refuses": a question of her own)


def _addressee_only(cue: str, rest: str) -> bool:
    """The words after a cue are only whom it was said to ("asked the board.", "told reporters."), with no verb of their own."""
    return cue in ADDRESSED_CUES and ADDRESSEE_ONLY.fullmatch(rest) is not None and VERB_IN_CREDIT.search(rest) is None


def _cut_clause(np: str) -> str:
    """'Ana Reyes, president of the union, in a statement' -> keep the name and its title."""
    cut = CLAUSE_CUT.search(np)
    return (np[:cut.start()] if cut else np).rstrip(" ,.;:")


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
    adverb = TRAILING_ADVERB.search(text, np_start, np_end)
    if adverb:  # "The judge also wrote": the judge
        np_end = adverb.start()
    relative = RELATIVE_OPENING.match(text, np_start, np_end) or PHRASE_THEN_PRONOUN.match(text, np_start, np_end)
    if relative and relative.re is PHRASE_THEN_PRONOUN and NAME_AFTER.search(text, relative.end() + 2, np_end):
        relative = None  # "At the meeting he chaired Pia Cortes said": a name after the pronoun is the subject
    if relative:  # "…, which she put at “…”", "At our last session he looked across the table and said": the clause's subject
        np_start = relative.end()
    joined = JOINED_PREDICATE.fullmatch(text, np_start, np_end)
    if joined:  # "He stood at that podium and said": the subject of both verbs
        np_end = joined.end("subject")
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
    if lowered in ("who", ", who"):  # "Yolanda Briggs, who told the crowd the district “…”": the person the clause is about
        earlier = entities.last_before(np_start, "person")
        if earlier and not SENTENCE_MARK.search(text, earlier.end, np_start):
            person = entities.people[earlier.id]
            return Speaker(person.person_id, person.org_id, written, cue, channel, "stated", 0.8,
                           f"'{np}' read as {person.name}, named just before it")
    if lowered in PRONOUNS_PERSON:
        earlier = entities.last_before(np_start, "person")
        unnamed = _unnamed_before(text, np_start, earlier.end if earlier else 0)
        if unnamed is not None:  # "… said a nurse who asked that her name not be used. “…,” she said."
            low, described_as = unnamed
            union = _member_of(text, low + described_as.start(), low + described_as.end(), entities)
            return Speaker(None, union, written, cue, channel, "inferred", 0.45,
                           f"'{np}' read as {described_as.group().strip()!r}, whom the article does not name"
                           + (f", a member of {entities.orgs[union].name}" if union else ""))
        described = _described_before(text, np_start, earlier.end if earlier else 0)
        holder = _title_holder(described.group().lower(), entities.descriptor(described.group(), described.start()), entities) \
            if described else None
        if holder is not None and entities.pronoun_of(holder.person_id, text) not in (None, "he" if lowered in ("he", "him") else "she"):
            holder = None  # "met with the mayor. … she said": the mayor the page calls "he" is not her
        if holder is not None:  # "The union’s president says …. “…,” she said": the one person with that title
            return Speaker(holder.person_id, holder.org_id, written, cue, channel, "inferred", 0.55,
                           f"'{np}' read as {holder.name}, the one person with the title '{described.group()}' it points back to")
        later = _named_after(text, np_start, np_end, earlier.end if earlier else 0, entities)
        if later is not None:  # "A fourth-grade teacher … “…,” she said. The teacher, Joanna Lindqvist, said …"
            person = entities.people[later.id]
            return Speaker(person.person_id, person.org_id, written, cue, channel, "inferred", 0.55,
                           f"'{np}' read as {person.name}, the one the description before it names after it")
        unnamed = _unnamed_subject_before(text, np_start, earlier.end if earlier else 0, lowered)
        if unnamed is not None:  # "Outside, a second-grade teacher carried in a box of markers. “…,” she said."
            low, described_as = unnamed
            union = _member_of(text, low + described_as.start(), _clause_end(text, low + described_as.start()), entities)
            return Speaker(None, union, written, cue, channel, "inferred", 0.45,
                           f"'{np}' read as {described_as.group().strip()!r}, whom the sentence before opens on and the "
                           "article does not name" + (f", a member of {entities.orgs[union].name}" if union else ""))
        earlier = _agreeing(text, earlier, lowered, entities)
        if earlier:
            person = entities.people[earlier.id]
            return Speaker(person.person_id, person.org_id, written, cue, channel, "inferred", 0.65,
                           f"'{np}' read as {person.name}, the last person named before it whom the article calls '{lowered}'"
                           if entities.pronoun_of(person.person_id, text) else
                           f"'{np}' read as {person.name}, the last person named before it")
        return None
    if (UNNAMED.match(lowered) and not DESCRIBED_BY_ORG.match(lowered)) or (re.match(r"(?:a|an|one|another)\b", lowered)
                                                                          and ANONYMOUS.search(text, np_start, written_end + 120)):
        described = DESCRIBED_PERSON.match(np)
        later = _named_as(text, described.group("noun").lower(), written_end, entities) \
            if described and not ANONYMOUS.search(text, np_start, written_end + 120) else None
        if later is not None:  # "“…,” said a man in a red union T-shirt. The man was Bennett K. Achterberg, …"
            person = entities.people[later.id]
            return Speaker(person.person_id, person.org_id, written, cue, channel, "inferred", 0.55,
                           f"'{np}' read as {person.name}, the one the description names after it")
        union = _member_of(text, np_start, _clause_end(text, np_start), entities)
        return Speaker(None, union, written, cue, channel, "inferred", 0.5,
                       f"'{np}': the article does not name this speaker (an individual, not the organization named near)"
                       if union is None else f"'{np}': the article does not name this speaker, a member of {entities.orgs[union].name}")
    owned = OWNED_DOCUMENT.match(np)
    if owned:  # "the union’s statement", "Ng’s email": whose document it is speaks
        speaker = _resolve(text, np_start, np_start + owned.end("owner"), cue, _document_channel(owned.group("doc")) or channel,
                           written_start, written_end, entities)
        if speaker is not None and (speaker.person_id or speaker.org_id):
            return speaker
    document = DOCUMENT.match(lowered)
    if document and lowered.startswith(("its ", "their ")):  # "Its statement … read in full:": the organization just named
        earlier = entities.last_before(np_start, "speaking")
        if earlier:
            return Speaker(None, earlier.id, written, cue, _document_channel(document.group("doc")) or channel, "inferred", 0.6,
                           f"'{np}' read as the document of {entities.orgs[earlier.id].name}, the organization named just before")
    if document:
        return Speaker(None, None, written, cue, _document_channel(document.group("doc")) or channel, "inferred", 0.2,
                       f"{DOCUMENT_NOTE} '{np}'")
    org_id = entities.descriptor(np, np_start)
    holder = _title_holder(lowered, org_id or (max(orgs, key=lambda m: m.end - m.start).id if orgs else None), entities)
    if holder is None and org_id and not orgs and len(re.sub(r"^the\s+", "", lowered).split()) <= 2:
        # "union president says …" when the union the words fit best has no president the article names: the one
        # person with that title in an organization of the same kind (the teachers' union's, not the staff union's);
        # not when the words say which ("the staff union president")
        kind = entities.orgs[org_id].kind
        holders = {h.person_id: h for o in entities.orgs.values() if o.kind == kind and o.org_id != org_id
                   if (h := _title_holder(lowered, o.org_id, entities, registry=False)) is not None}
        holder = next(iter(holders.values())) if len(holders) == 1 else None
    if holder is not None:
        return Speaker(holder.person_id, holder.org_id, written, cue, channel, "inferred", 0.6,
                       f"'{np}' read as {holder.name}, the one person the article names with that title")
    if orgs and not (org_id and _head_after(np, text[orgs[-1].start:orgs[-1].end])):
        joint = len(orgs) > 1 and re.search(r"\band\b", text[orgs[0].end:orgs[1].start])
        speaking = orgs[0] if joint else max(orgs, key=lambda m: m.end - m.start)  # "A and B said": a joint statement, A's
        return Speaker(None, speaking.id, written, cue, channel, "stated", 0.85,
                       f"a joint statement: read as {entities.orgs[speaking.id].name}'s, the first named" if joint else "")
    if org_id:
        return Speaker(None, org_id, written, cue, channel, "inferred", 0.7,
                       f"'{np}' read as {entities.orgs[org_id].name}")
    if lowered in PRONOUNS_GROUP:
        earlier = entities.last_before(np_start, "speaking")
        if earlier:
            return Speaker(None, earlier.id, written, cue, channel, "inferred", 0.5,
                           f"'{np}' read as {entities.orgs[earlier.id].name}, the last organization named before it")
    first_word = [o for o in entities.orgs.values() if o.kind != OUTLET_KIND and o.name.split()[:1] == [np] and len(o.name.split()) > 1] \
        if re.fullmatch(r"[A-Z][\w’'-]+", np) else []
    if len(first_word) == 1:  # "Pinecrest said": Pinecrest Health System, the one organization whose name it begins
        return Speaker(None, first_word[0].org_id, written, cue, channel, "inferred", 0.6,
                       f"'{np}' read as {first_word[0].name}, the one organization whose name begins with it")
    return Speaker(None, None, written, cue, channel, "inferred", 0.2, f"speaker '{np}' not recognised: name them")


TRAILING_ADVERB = re.compile(r"\s+(?:also|later|then|again|further|once|too|previously|first|finally|simply|only)\s*$")
# A subject with two verbs joined by "and", the second the verb of saying: "He stood at that podium and (said)".
JOINED_PREDICATE = re.compile(r"\s*(?P<subject>[Hh]e|[Ss]he|[Tt]hey|[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]+"
                              r"(?-i:[a-z][\w’'-]*)(?:[ \t]+[^\s\x00]+){0,8}?[ \t]+and\s*")
RELATIVE_OPENING = re.compile(r"\s*(?:which|that|whom|as)\s+(?=(?:he|she|they|it|[A-Z]))")
NAME_AFTER = re.compile(r"\s[A-Z]")
# "At our last session he looked across the table and said": an opening phrase with no comma before its pronoun subject
# (not "By the time he finished Pia Cortes …", "On the day they voted": a clause of time, whose pronoun is its own).
PHRASE_THEN_PRONOUN = re.compile(rf"\s*(?:{OPENING_WORDS})\s(?![^,;:\x00]{{0,40}}?\b(?:time|day|days|minute|minutes|hour|hours|"
                                 rf"moment|night|week|morning|afternoon|evening|while|when)\b)[^,;:\x00]{{0,40}}?\s(?=(?:he|she|they)\s)")
# "the Council’s executive board sent": the owner of the group that did what the sentence tells.
OWNER_BEFORE = re.compile(r"\b[Tt]he (?P<owner>[A-Z][\w-]*(?: [A-Z][\w-]*){0,3})(?:’s|'s) (?P<part>(?:[\w-]+ ){0,2}?"
                          r"(?:board|committee|council|team|leadership|officers|delegates))\b")
OWNER_REACH = 120
# A sign's words: "held a sign reading", "carrying signs that read".
SIGN_READING = re.compile(r"\b(?:signs?|placards?|posters?|banners?)\s+(?:that\s+)?(?:reading|read|reads|saying|said)\s*:?\s*$")
# The documents words are quoted from, and who sent them speaks.
DOCUMENT_WORDS = (r"email|e-mail|letter|statement|release|news release|press release|message|memo|post|tweet|report|notice|"
                  r"flyer|flier|newsletter|faq|fact sheet|website|handout|alert|petition|filing|complaint|lawsuit|motion|order|"
                  r"ruling|resolution")
MADE_CUES = {"posted", "tweeted", "wrote", "released"}  # the cues that are also a document's making
# Words told as written: a document's name, or the making of one.
WRITTEN = re.compile(rf"\b(?:{DOCUMENT_WORDS}|{'|'.join(sorted(MADE_CUES))}|writes|e-?mailed|emails|note)\b", re.I)
DOCUMENT_BEFORE = re.compile(rf"\b(?:{DOCUMENT_WORDS}|video|note)\s+$")
UNNAMED = re.compile(rf"(?:a|an|one|another)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{PEOPLE_NOUNS})s?\b")
# Whoever asks not to be named speaks for no organization ("a district official who was not authorized to speak publicly").
ANONYMOUS = re.compile(r"\bwho (?:was|were|is|are) not authorized to|"
                       r"\bwho asked (?:(?:me|us|him|her|them|reporters|the \w+) )?(?:not|that)|\bwho (?:did not|didn[’']t) want|"
                       r"\bon (?:the )?condition of anonymity|\bwho declined to be named|\bwho spoke on condition", re.I)
# "a district spokeswoman", "a union official": the organization speaks through them.
DESCRIBED_BY_ORG = re.compile(r"(?:a|an|one|another)\s+(?:[\w’'-]+\s+){0,2}?(?:district|union|association|board|federation|"
                              r"school|city|county|state)\b")
# A document as the speaker ("the email said"): its author is the speaker of the quotation before.
DOCUMENT = re.compile(rf"(?:the|that|this|its|their)\s+(?:[\w’'-]+\s+)?(?P<doc>{DOCUMENT_WORDS})\b")
DOCUMENT_NOTE = "a document speaks:"
OWNED_DOCUMENT = re.compile(rf"(?P<owner>.{{1,80}}?)(?:’s|'s)\s+(?:[\w’'-]+\s+)?(?P<doc>{DOCUMENT_WORDS}|sign)\b", re.I)


def _document_channel(word: str) -> str | None:
    return next((name for name, pattern in CHANNELS if pattern.search(word)), None)


LAWMAKER = ("state rep", "rep.", "representative", "senator", "state sen", "lawmaker", "legislator", "assembly", "delegate")
# The words of a title a speaker can be given by ("the union president", "the head of the teachers union"),
# and what the title of the person it means holds.
TITLES = {"president": ("president",), "head": ("president", "head", "leader", "chair"), "leader": ("president", "head", "leader"),
          "chair": ("chair",), "superintendent": ("superintendent",), "spokesperson": ("spokes",), "spokeswoman": ("spokes",),
          "spokesman": ("spokes",), "negotiator": ("negotiator",), "principal": ("principal",), "mayor": ("mayor",),
          "chief": ("chief",), "director": ("director",), "judge": ("judge",), "lawmaker": LAWMAKER, "legislator": LAWMAKER,
          "senator": ("senator", "sen."), "representative": LAWMAKER}
TITLE_WORD = re.compile(r"\b(?:" + "|".join(TITLES) + r")\b")


# A state's office ("State Superintendent of Public Instruction"), not the district's or a union's.
STATE_OFFICE = re.compile(r"\bstate\b|\bof public instruction\b", re.I)


def _title_holder(lowered: str, org_id: str | None, entities: Entities, registry: bool = True):
    """The one person whose title the description gives ("union president", "the head of the
    teachers union"), of the organization it names when it names one: among the people the article
    names, else (with an organization named, and `registry`) among the registry's. None when the description is
    indefinite ("a district spokeswoman") or fits no one, or several."""
    title = TITLE_WORD.search(lowered)
    if title is None or re.match(r"(?:a|an|one|another)\b", lowered):
        return None
    stems = TITLES[title.group()]
    named = [entities.people[i] for i in sorted({m.id for m in entities.of_kind("person")})]

    def fitting(people, org: str | None = org_id) -> list:
        return [p for p in people if any(stem in (p.role or "").lower() for stem in stems) and (org is None or p.org_id == org)]

    # "The board president …. “…,” she said." then "Gloria Tran-Whitaker, in her second term as president":
    # one named with the title and no organization of her own is the one, when none of that organization has it
    found = fitting(named) or [p for p in fitting(named, None) if p.org_id is None]
    if len(found) > 1:  # "the superintendent": not the "State Superintendent of Public Instruction", an office of its own
        local = [p for p in found if not STATE_OFFICE.search(p.role or "")]
        found = local if len(local) == 1 else found
    if not found and org_id is not None and registry:
        found = fitting(entities.known_people.values())
        if len(found) == 1:
            entities.people.setdefault(found[0].person_id, found[0])
    return found[0] if len(found) == 1 else None


# A person described by title before a pronoun points back to them: "The union’s president says …".
DESCRIBED = re.compile(r"\b[Tt]he (?:(?:[A-Z][\w’'-]* ){0,4}[\w’'-]+(?:’s|'s) )?(?:[a-z-]+ ){0,2}(?:" + "|".join(
    ["president", "superintendent", "spokesperson", "spokeswoman", "spokesman", "negotiator", "principal", "mayor", "chair",
     "chief", "director", "leader", "head"]) + r")\b")


# An unnamed speaker said to speak ("said a nurse who ...", "one driver said"), before a pronoun.
UNNAMED_SPEAKING = re.compile(rf"\b(?:said|says|told|added|according to)\s+(?i:a|an|one|another)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{PEOPLE_NOUNS})\b"
                              # (not "none has an aide, she said": the saying has a subject of its own)
                              rf"|\b(?i:a|an|one|another)\s+(?:[\w’'-]+\s+){{0,5}}?(?:{PEOPLE_NOUNS})\b[^.]{{0,160}}?"
                              r"(?<!\bhe )(?<!\bshe )(?<!\bthey )(?<!\bHe )(?<!\bShe )\b(?:said|says|told)\b")


APPOSITION_AFTER = re.compile(r"\s*,\s*")  # between a name and the description of the same person


PRONOUN_REACH = 1500  # characters back a pronoun may pass over someone the article calls by the other one


def _agreeing(text: str, earlier, pronoun: str, entities: Entities):
    """The last person named before a pronoun whom the article does not call by the other pronoun:
    "Mabry said … Ruiz-Haddon … “…,” he said" is Mabry when the article calls Ruiz-Haddon "she"."""
    wanted = "he" if pronoun in ("he", "him") else "she"
    told = _told_by_pronoun(text, earlier, wanted, entities)
    if told is not None:
        earlier = told
    subject = _subject_of_sentence(text, earlier, entities)
    if subject is not None and entities.pronoun_of(subject.id, text) in (None, wanted):
        return subject  # "Whitacre said … working with Judge Sutter. She said …": the subject goes on, not the one named after it
    candidate = earlier
    while candidate is not None and earlier.start - candidate.start < PRONOUN_REACH:
        said = entities.pronoun_of(candidate.id, text)
        if said is None or said == wanted:
            return candidate
        candidate = entities.last_before(candidate.start, "person")
    return earlier


# A sentence that says who told it by the same pronoun: "Superintendent Lorraine Castonguay's team declined, she said."
PRONOUN_TOLD = re.compile(r",\s+(?P<pronoun>he|she)\s+(?:said|says|added|told|wrote)\b[^.!?]{0,80}[.!?]")


def _told_by_pronoun(text: str, earlier, wanted: str, entities: Entities):
    """When the sentence naming `earlier` by a possessive is itself told by the same pronoun, the person
    named before that sentence (whom its pronoun means), else None: "Denise Arsenault … said the union
    offered … . Superintendent Lorraine Castonguay's team declined, she said. “…,” she said." is Arsenault."""
    if earlier is None or text[earlier.end:earlier.end + 2] not in ("’s", "'s"):
        return None  # (a person the sentence is about tells it herself: "Denise Kowalczyk … spent the morning …, she said")
    line_end = text.find("\n", earlier.end)
    told = PRONOUN_TOLD.search(text, earlier.end, len(text) if line_end < 0 else line_end)
    if told is None or told.group("pronoun") != wanted or re.search(r"[.!?][”\"’)]*\s", text[earlier.end:told.start()]):
        return None
    opening = text.rfind("\n", 0, earlier.start) + 1
    for mark in SENTENCE_OPENING.finditer(text, opening, earlier.start + 1):
        opening = mark.end()
    return entities.last_before(opening, "person")


SUBJECT_AFTER_WORDS = 3  # words before the person who opens a sentence: "Then, on Friday," …
SUBJECT_TITLE_WORDS = 8  # … or a title's: "State Superintendent of Public Instruction"
SENTENCE_OPENING = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St))(?<!\bMrs)[.!?][”\"’)]*\s+(?=[A-Z“\"])")


def _subject_of_sentence(text: str, earlier, entities: Entities):
    """The person who opens the sentence of `earlier` (another, named before it in that sentence), if one does."""
    if earlier is None:
        return None
    opening = text.rfind("\n", 0, earlier.start) + 1
    for mark in SENTENCE_OPENING.finditer(text, opening, earlier.start + 1):  # (+1: the capital its lookahead reads)
        opening = mark.end()
    named = entities.within(opening, earlier.start, "person")
    first = named[0] if named else None
    # (a phrase set off by a comma before the subject is not its words: "Late in the meeting, Director Janelle Pruitt …")
    words = text[opening:first.start].rsplit(",", 1)[-1].split() if first is not None else []
    title_like = all(w[:1].isupper() or w in ("of", "the", "and", "for") for w in words)
    if first is None or first.id == earlier.id or len(words) > (SUBJECT_TITLE_WORDS if title_like else SUBJECT_AFTER_WORDS):
        return None  # (a title or "Then" may come first: "State Superintendent of Public Instruction Evelyn Tarrant sent …")
    return first


def _narration_before(text: str, after: int, at: int) -> tuple[int, str]:
    """Where to read back from `at` for a description, and the narration there (quotations' words blanked): two
    sentences' reach, from a line's start (so that a quotation's marks pair as they do in the text), and not before
    the last person named (`after`)."""
    reach = max(after, at - 400)
    back = max(0, at - QUOTED_LINE_REACH)
    line = text.rfind("\n", back, reach)
    # (a paragraph longer than the reach, as a hostile line of a megabyte, is not read back whole; the text's start is
    # a line's start)
    low = reach if line < 0 and back > 0 else max(after, line + 1)
    return low, blank_quoted(text[low:at], "“\"", "”\"", lambda passage: " " * len(passage))


QUOTED_LINE_REACH = 2_000  # characters back from a pronoun to look for its paragraph's start


def _unnamed_before(text: str, at: int, after: int) -> tuple[int, re.Match[str]] | None:
    """The last unnamed speaker said to speak between the last person named (`after`) and a
    pronoun at `at`, within two sentences' reach, with where the narration it was found in starts;
    None when a person was named since."""
    low, narration = _narration_before(text, after, at)
    found = None
    for m in UNNAMED_SPEAKING.finditer(narration):
        if not APPOSITION_AFTER.fullmatch(text, after, low + m.start()):  # "Tom Brannigan, a physical education teacher": him
            found = m
    return (low, found) if found is not None else None


# "Outside the building, a second-grade teacher carried in a box of markers. “…,” she said.": the one the sentence just
# before the pronoun opens on (not "Garcia met a parent at the gate": Garcia is its subject).
# (an opening phrase before them, "Outside the building,", is no description: "One cafeteria worker, a member of …" opens
# on the worker; the words between the article and the noun describe it: "A petition started by a parent" opens on a
# petition; "A janitor's pay" on pay; and "A mother of two, she …" describes the one the pronoun is)
DESCRIBING_WORD = r"(?:(?!(?:by|of|with|from|for|to|in|at|on|that|who|which|and|or|is|was|has|had|started|signed)\b)[\w’'-]+\s+)"
SUBJECT_OPENING = re.compile(rf"\s*(?:(?!(?i:a|an|one|another)\s)[A-Z][^,;:\n.!?]{{0,40}},\s+)?(?P<who>(?i:a|an|one|another)\s+)"
                             rf"{DESCRIBING_WORD}{{0,3}}?(?:{PEOPLE_NOUNS})\b(?![’']s)(?![^.!?\n]*?,\s+(?:he|she|they)\b)")
DESCRIBED_AS = re.compile(rf"(?i:a|an|one|another)\s+{DESCRIBING_WORD}{{0,3}}?(?:{PEOPLE_NOUNS})\b")
SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n")
# The pronouns of the other person a pronoun is not ("a former student … a sign he had painted himself, thanking her.
# “…,” she said": the student is "he").
OTHER_PRONOUNS = {"she": re.compile(r"\b(?:he|him|his|himself)\b", re.I), "her": re.compile(r"\b(?:he|him|his|himself)\b", re.I),
                  "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.I), "him": re.compile(r"\b(?:she|her|hers|herself)\b", re.I)}


def _unnamed_subject_before(text: str, at: int, after: int, pronoun: str) -> tuple[int, re.Match[str]] | None:
    """The unnamed person the sentence just before a pronoun at `at` opens on, described ("a second-grade teacher"),
    with where the narration it was found in starts; None when it opens otherwise, when a person was named since
    (`after`: the end of the last one) or earlier in its paragraph ("Kindergarten teacher Ellie Marsh was on the
    picket line. A woman driving past honked. “…,” she said": Marsh's words), or when the sentence calls its person
    by the other pronoun."""
    low, narration = _narration_before(text, after, at)
    body = narration.rstrip()
    start = max(body.rfind(end) for end in SENTENCE_ENDS) + 2 if any(end in body for end in SENTENCE_ENDS) else 0
    opening = SUBJECT_OPENING.match(body, start)
    if opening is None or OTHER_PRONOUNS[pronoun].search(body, start) or after > text.rfind("\n", 0, low + start) + 1:
        return None
    described = DESCRIBED_AS.match(body, opening.start("who"))
    return (low, described) if described is not None else None


# "A bus driver who belongs to Local 58", "one bus driver, a member of the support staff association": the union an
# unnamed speaker's description makes them a member of (not a school they teach at or a child attends: no membership).
MEMBERSHIP = re.compile(r"\bwho\s+(?:belongs\s+to|is\s+a\s+member\s+of)\s+(?=\S)|,\s+a\s+(?:[\w-]+\s+)?member\s+of\s+(?=\S)", re.I)
# (not "who is not a member of", "whose wife is a member of", "brought doughnuts to members of": no membership of theirs)
UNION_ROLE = re.compile(r"\b(?:a|an|one|another)\s+(?P<union>union|association|federation)\s+(?:steward|member|shop steward)\b", re.I)
CLAUSE_END = re.compile(r"[.!?;:\n“”\"]")
DESCRIPTION_REACH = 160


def _clause_end(text: str, start: int) -> int:
    end = CLAUSE_END.search(text, start, start + DESCRIPTION_REACH)
    return end.start() if end else min(len(text), start + DESCRIPTION_REACH)


def _member_of(text: str, start: int, end: int, entities: Entities) -> str | None:
    """The union an unnamed speaker's description, text[start:end], says they belong to; None when it says none."""
    own = UNION_ROLE.search(text, start, end)
    if own is not None:  # "a union steward shouted": the union the page names
        org = entities.descriptor(own.group("union"), own.start())
        if org is not None and entities.orgs[org].kind == "union":
            return org
    for m in MEMBERSHIP.finditer(text, start, end):
        named = [o for o in entities.within(m.end(), min(end, m.end() + 60), "org") if text[m.end():o.start].strip().lower() in ("", "the")]
        org = named[0].id if named else entities.descriptor(text[m.end():min(end, m.end() + 60)].split(",")[0], m.end())
        if org is not None and entities.orgs[org].kind == "union":
            return org
    return None


def _named_after(text: str, at: int, end: int, after: int, entities: Entities):
    """The person a description before a pronoun ("A fourth-grade teacher at Basalt Ridge Elementary … “…,” she
    said") is named as in the sentences after it ("The teacher, Joanna Lindqvist, said …"): their mention, or None.
    Only a description since the last person named (`after`), and not one who asked not to be named."""
    low, narration = _narration_before(text, after, at)  # ("a parent conference" quoted is none)
    described = None
    for m in DESCRIBED_PERSON.finditer(narration):
        described = m
    if described is None:  # "The district's chief financial officer … she said. … The officer, Priya Venkataraman, was booed"
        for m in DESCRIBED_BY_OFFICE.finditer(narration):
            described = m
    if described is None or ANONYMOUS.search(text, low + described.start(), at) \
            or not SENTENCE_START.search(narration, 0, described.start()):
        return None  # (the description is the subject its sentence opens with, not one "met a teacher on the steps")
    return _named_as(text, described.group("noun").lower(), end, entities)


def _named_as(text: str, noun: str, end: int, entities: Entities):
    """The person a description's noun is named as in the sentences after `end`: "The teacher, Joanna Lindqvist,
    said …", "The man was Bennett K. Achterberg", "Her name is Darlene Kopecky" (not "The other teacher, …")."""
    named_as = re.compile(rf"\b[Tt]he\s+{re.escape(noun)}(?:,\s+|\s+(?:was|is)\s+)|\b(?:Her|His|Their)\s+name\s+(?:is|was)\s+")
    for m in named_as.finditer(text, end, end + 400):
        person = next((p for p in entities.within(m.end(), m.end() + 60, "person") if p.start == m.end()), None)
        if person is not None and not POSSESSIVE.match(text, person.end):  # (not "The man was Nora Feld’s brother-in-law")
            return person
    return None


POSSESSIVE = re.compile(r"[’']s?\b")


SENTENCE_START = re.compile(r"(?:\A|[.!?][”\"’)]*\s+|\n)\s*\Z")
DESCRIBED_PERSON = re.compile(rf"\b(?:a|an|one|another)\s+(?:[\w’'-]+\s+){{0,5}}?(?P<noun>{PEOPLE_NOUNS})\b", re.I)
# An office held by one person, told before the name: "The district's chief financial officer".
DESCRIBED_BY_OFFICE = re.compile(r"\b[Tt]he\s+(?:[\w’'-]+(?:’s|'s)\s+)?(?:[a-z-]+\s+){0,3}?"
                                 r"(?P<noun>officer|director|manager|administrator|spokesperson|spokeswoman|spokesman|treasurer|"
                                 r"auditor|attorney|lawyer|mediator|principal|superintendent)\b")


def _described_before(text: str, at: int, after: int):
    """The last description by title between the last person named (`after`) and a pronoun at `at`,
    within two sentences' reach, outside quotations ("“That's the superintendent's team …,” she said" is no
    superintendent speaking)."""
    low, narration = _narration_before(text, after, at)
    found = None
    for m in DESCRIBED.finditer(text, max(low, after, at - 400), at):
        if narration[m.start() - low] == text[m.start()]:
            found = m
    return found


def _head_after(np: str, named: str) -> bool:
    """'the Ridgemont teachers union': the organization word comes after the name it qualifies."""
    tail = np[np.rfind(named) + len(named):].lower()
    return any(re.search(rf"\b{head}\b", tail) for head in HEADS)


def _inherited(text: str, quotations: list[Quotation], speakers: list[Speaker], index: int,
               earlier: int | None = None, lines: Lines | None = None) -> Speaker | None:
    """The speaker of the quotation before, for a quotation with none of its own. `earlier` is the
    last quotation before this one (not nested) whose speaker has an id (-1: there is none; None:
    look for it here)."""
    quote = quotations[index]
    lines = lines or Lines(text)
    if earlier is None:
        earlier = next((i for i in range(index - 1, -1, -1) if quotations[i].kind != "nested"
                        and speakers[i] is not NOBODY and (speakers[i].person_id or speakers[i].org_id)), -1)
    if earlier < 0:
        return None
    prior, said = quotations[earlier], speakers[earlier]
    paragraph_start = lines.start(quote.start)
    if prior.start >= paragraph_start:
        return Speaker(said.person_id, said.org_id, said.as_written, said.cue, said.channel, said.basis,
                       min(said.confidence, 0.75), "no attribution of its own: same speaker as the quotation before it", borrowed=True)
    paragraph_end = lines.next_break(quote.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    # Alone in its paragraph: nothing but spaces before and after it there (read up to the first word).
    alone = NOT_SPACE.search(text, paragraph_start, quote.start - 1 if quote.start else len(text) - 1) is None and \
        NOT_SPACE.search(text, quote.end + 1, paragraph_end) is None
    last_word = _spaces_back(text, 0, paragraph_start - 1) - 1 if paragraph_start > 0 else -1  # over blank lines
    previous_paragraph = lines.start(last_word) - 1 if last_word >= 0 else -1
    if alone and prior.start > previous_paragraph:
        return Speaker(said.person_id, said.org_id, said.as_written, said.cue, said.channel, "inferred",
                       0.55, "a paragraph of quotation alone: the speaker of the paragraph before", borrowed=True)
    return None


def _nested(text: str, quote: Quotation, parent: Quotation, entities: Entities, parent_speaker: Speaker) -> Speaker:
    """Words quoted inside a quotation: the speaker named just before them, inside the quotation ("I",
    the quotation's own speaker)."""
    end = quote.start - 1
    source = NESTED_FROM.search(text, max(parent.start, end - 80), end) if end > parent.start else None
    if source:
        return _resolve(text, source.start("np"), source.end("np"), source.group("cue"), "unknown", source.start("cue"), end,
                        entities) or NOBODY
    m = NESTED_CUE.search(text, _nested_cue_from(text, parent.start, end), end) if end > parent.start else None
    if not m:
        return NOBODY
    np = m.group("np").strip()
    np_start = m.start("np") + (len(m.group("np")) - len(m.group("np").lstrip()))
    written = text[np_start:m.end("cue")]
    if FIRST_PERSON_SUBJECT.search(np):  # "“Tonight I finally told them, ‘Maybe.’”": the speaker quotes herself
        if parent_speaker.person_id or parent_speaker.org_id:
            return replace(parent_speaker, as_written=written, cue=m.group("cue"), basis="inferred",
                           confidence=min(parent_speaker.confidence, 0.6), note="'I' inside a quotation: its own speaker",
                           borrowed=True)
        return NOBODY
    last_word = np.split()[-1].lower()
    if last_word in PRONOUNS_GROUP or last_word in ("our", "your", "the", "its"):
        earlier = entities.last_before(np_start, "org")
        if earlier and earlier.start >= parent.start:
            return Speaker(None, earlier.id, written, m.group("cue"), "unknown", "inferred", 0.5,
                           f"'{np}' read as {entities.orgs[earlier.id].name}, named just before inside the quotation")
        # The words of the quotation before them, as far back as a sentence reaches.
        descriptor = entities.descriptor(text[max(parent.start, end - MAX_SENTENCE):end], np_start)
        if descriptor:
            return Speaker(None, descriptor, written, m.group("cue"), "unknown", "inferred", 0.45,
                           f"'{np}' read as {entities.orgs[descriptor].name}, from the words of the quotation before it")
        return NOBODY
    # "… came out with Nora Feld and said, ‘…’": the subject of the clause "and" joins the cue to, not the name before "and"
    joined = _joined_subject(text, parent, m, entities)
    return joined or _resolve(text, np_start, np_start + len(np), m.group("cue"), "unknown", np_start, m.end("cue"), entities) \
        or NOBODY


FIRST_PERSON_SUBJECT = re.compile(r"\bI(?:\s+(?:\w+ly|just|then|also|once|still|even|never|always|finally))?$")
# "When Anders came out of the caucus room and said, ‘…’": a verb of saying joined by "and" to the clause's own.
JOINED_CUE = re.compile(r"\band\s+(?:then\s+)?$")
CLAUSE_STOP = re.compile(r"[.!?;]\s")  # where the clause holding the subject may begin, inside the quotation


def _joined_subject(text: str, parent: Quotation, m: re.Match[str], entities: Entities) -> Speaker | None:
    """The subject of the clause whose verb "and" joins the cue to: the first person named in it, inside the
    quotation ("When Pia Cortes came out with Nora Feld and said, ‘…’" is Cortes)."""
    if not JOINED_CUE.search(text, max(parent.start, m.start("cue") - 12), m.start("cue")):
        return None
    clause_start = max([parent.start, *(b.end() for b in CLAUSE_STOP.finditer(text, parent.start, m.start("cue")))])
    named = entities.within(clause_start, m.start("cue"), "person")
    person = named[0] if named else None
    if person is None:
        return None
    return Speaker(person.id, None, text[person.start:m.end("cue")], m.group("cue"), "unknown", "inferred", 0.5,
                   "the subject of the clause the verb of saying is joined to by 'and', inside the quotation")


NESTED_CUE_LONGEST = max(len(cue) for cue in f"{NESTED_CUES}|{CUES}".split("|"))  # (measured on the alternatives as written)


def _nested_cue_from(text: str, start: int, end: int) -> int:
    """How far back NESTED_CUE, which must end at `end`, can begin: past the spaces and comma it may
    end with, the longest cue, the spaces before it, the 40 characters of the name, the spaces and
    the "and", "but" or "so" before those. Searching only from there finds the same match."""
    at = _spaces_back(text, start, end)
    at = _spaces_back(text, start, at - 1) if at > start and text[at - 1] == "," else at
    at = _spaces_back(text, start, max(start, at - NESTED_CUE_LONGEST))
    at = _spaces_back(text, start, max(start, at - 40))
    return max(start, at - len("but"))


def _spaces_back(text: str, start: int, position: int) -> int:
    """`position`, moved back over the spaces before it (not past `start`)."""
    while position > start and text[position - 1].isspace():
        position -= 1
    return position


def reporter(text: str, start: int, end: int, entities: Entities) -> Speaker | None:
    """Who a sentence of narration reports ("Union officials say the district is short 250 teachers")."""
    sentence = text[start:end]
    narration = blank_quoted(sentence, "“\"", "”\"")
    m = ACCORDING.search(narration)
    if m:
        return _resolve(text, start + m.start("np"), start + m.end("np"), "according to", "unknown",
                        start + m.start(), start + m.end("np"), entities)
    boundaries = [b.end() - 1 for b in CLAUSE_BOUNDARY.finditer(narration)]
    for cue in CUE.finditer(narration):
        if cue.group("cue") not in STRONG_CUES:
            continue
        before = bisect_left(boundaries, cue.start()) - 1
        clause_start = boundaries[before] + 1 if before >= 0 else 0
        while before >= 0 and narration[boundaries[before]] == ")" and not narration[clause_start:cue.start()].strip():
            before -= 1  # "The Teachers Alliance (TA) said": the name is before the parenthesis
            clause_start = boundaries[before] + 1 if before >= 0 else 0
        clause = narration[clause_start:cue.start()]
        stripped = LEADING_WORDS.sub("", clause.strip())
        if not stripped or len(stripped.split()) > 8:
            continue
        np_start = start + clause_start + clause.find(stripped)
        return _resolve(text, np_start, np_start + len(stripped), cue.group("cue"), "unknown", np_start,
                        start + cue.end("cue"), entities)
    return None
