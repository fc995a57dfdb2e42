"""Plain-text helpers shared by the extraction rules: paragraphs, sentences, words, numbers, slugs."""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right

from ..spans import Span  # a range of the text, as the build locates one: one definition for both

# Abbreviations whose final period does not end a sentence in news copy.
ABBREVIATIONS = re.compile(
    r"(?:\b(?:a\.m|p\.m|Calif|Ore|Wash|Ariz|Nev|Colo|Mich|Mass|Penn|Conn|Fla|Tex|Ill|Ind|Minn|Wis|Va|Ga|Md|Mo|Ky|Tenn|Okla|Kan|Neb"
    r"|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|St|Assn|Assoc|Dept|Univ|Supt|Prof|Atty|Sgt|Capt|Rev|Ave|Blvd|Rd|No|Inc|Corp|Co|Jr|Sr|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|D\.C|e\.g|i\.e)"
    r"|\b[A-Z])\.$"
)
# A middle dot or a bullet between items of one line ("Strike vote, Feb. 12 · Strike date set, Feb. 23": a timeline run
# on one line), and its marks.
ITEM_MARKS = "·•"
ITEM_DOT = rf"(?<![ \t])[ \t]+[{ITEM_MARKS}][ \t]+"
# A sentence ends at its stop, or at a dot between a line's items, which is no part of either.
SENTENCE_END = re.compile(rf"[.!?][”\"’')]*(?=\s+|$)|(?P<between>{ITEM_DOT})")
# A clock time ends a sentence when a word that opens one follows ("began at 10 a.m. It ran overnight").
CLOCK_END = re.compile(r"\b[ap]\.m\.$")
CLOCK_REACH = 6  # characters back from a period to the clock's "a.m." and the boundary before it
OPENER = re.compile(r"\s+(?:It|He|She|They|We|I|The|A|An|But|And|Then|That|This|Those|These|There|Our|His|Her|Their|Its|"
                    r"Shortly|Just|Soon|Later|Earlier|After|Before|When|While|Once|Around|By|On|In|Within|Hours|Minutes)\b")
WORD = re.compile(r"[\w’'&.-]*\w", re.UNICODE)
OPENING_DOUBLE = "“\""
CLOSING_DOUBLE = "”\""
# A "sentence" longer than this (no real one comes near it) is read in pieces of at most this many
# characters. Every rule reads the sentence around a quotation, figure or date; without the cap a
# hostile run of text with no full stop would make each of its many items re-read all of it.
MAX_SENTENCE = 2_000

# The articles and possessives a noun phrase opens with: after one, a participle is an adjective ("a revised
# calendar") and a cue word a noun ("with a state mediator").
DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "each", "every"})
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
SCALES = {"hundred": 100, "thousand": 1000, "dozen": 12}
# A number in words as news copy writes it: "eleven", "Eighty-eight", "Seventeen hundred", "two thousand".
_SIMPLE = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
NUMBER_PHRASE = rf"(?:(?:(?:{'|'.join(TENS)})-(?:{'|'.join(UNITS)})|{_SIMPLE})(?: (?:hundred|thousand|dozen)\b)?)"
# Lower case, one character for one (offsets kept): what anchors of a pattern are searched in.
FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                      "ſ": "s", "ı": "i", "İ": "i", "\u212a": "k"})


@functools.lru_cache(maxsize=2)
def folded(text: str) -> str:
    """`text` in lower case, one character for one (FOLD): made once per text, however many readers ask."""
    return text.translate(FOLD)

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
}


PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[Span]:
    """Runs of text between line breaks, as spans."""
    return [Span(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]


def paragraph_of(text: str, position: int) -> Span:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return Span(start, len(text) if end < 0 else end)


def a_clock_ends_the_sentence(text: str, end: int, after: int | None = None) -> bool:
    """The period just before `end` closes a clock time ("10 a.m.") and a word that opens a sentence follows it (at
    `after`, past any closing quotation mark; `end` when there is none): "Talks resume at 10 a.m. The union said …"."""
    return bool(CLOCK_END.search(text, max(0, end - CLOCK_REACH), end)) and OPENER.match(text, end if after is None else after) is not None


def sentences(text: str, masked: str | None = None) -> list[Span]:
    """Sentence spans, in order and never overlapping. `masked` is the text with quotations blanked,
    so a period inside a quotation does not end the sentence that carries its attribution. A span
    longer than MAX_SENTENCE is cut into pieces (at a space where there is one)."""
    masked = masked if masked is not None else text
    out: list[Span] = []

    def add(start: int, end: int) -> None:
        while end - start > MAX_SENTENCE:
            cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
            cut = cut if cut > start else start + MAX_SENTENCE
            if text[start:cut].strip():
                out.append(trim(text, start, cut))
            start = cut
        if text[start:end].strip():
            out.append(trim(text, start, end))

    # Sentence ends hold no line break, so one pass over the text finds those of every paragraph.
    ends = SENTENCE_END.finditer(masked)
    m = next(ends, None)
    for para in PARAGRAPH.finditer(text):
        para_start, para_end = para.span()
        start = para_start
        while m is not None and m.start() < para_end:
            before = masked[max(para_start, m.start() - 6): m.start() + 1]
            # "at 10 a.m. Monday": a lowercase word after the period continues the sentence.
            abbreviated = ABBREVIATIONS.search(before) and not a_clock_ends_the_sentence(masked, m.start() + 1, m.end())
            if not abbreviated and not masked[m.end(): m.end() + 3].lstrip()[:1].islower():
                add(start, m.start() if m.group("between") else m.end())
                start = m.end()
            m = next(ends, None)
        add(start, para_end)
    return out


class SpanIndex:
    """Spans in order and never overlapping (sentences, paragraphs), and which one holds a position:
    a bisection instead of a walk through the list from its start."""

    def __init__(self, spans: list[Span]):
        self.spans = list(spans)
        self.starts = [s.start for s in self.spans]

    def at(self, position: int) -> Span | None:
        """The span holding `position` (start <= position < end), or None."""
        i = bisect_right(self.starts, position) - 1
        return self.spans[i] if i >= 0 and position < self.spans[i].end else None

    def before(self, position: int) -> Span | None:
        """The last span that ends at or before `position`, or None."""
        i = bisect_right(self.starts, position) - 1
        if i >= 0 and position < self.spans[i].end:
            i -= 1
        return self.spans[i] if i >= 0 else None


class Lines:
    """Where the line breaks of a text are, to find a position's paragraph without scanning for it."""

    def __init__(self, text: str):
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def start(self, position: int) -> int:
        """Where the paragraph holding `position` starts (just after the line break before it)."""
        i = bisect_left(self.breaks, position) - 1
        return self.breaks[i] + 1 if i >= 0 else 0

    def next_break(self, position: int) -> int:
        """The first line break at or after `position`, or -1."""
        i = bisect_left(self.breaks, position)
        return self.breaks[i] if i < len(self.breaks) else -1


def blank_quoted(text: str, opening: str, closing: str, blank=lambda passage: "\x00" * len(passage)) -> str:
    """`re.sub(f"[{opening}][^{closing}]*[{closing}]", blank, text)`, read once from left to right:
    that pattern, tried at every opening mark with no closing mark after it, re-reads the rest of
    the text each time."""
    opens, closes = re.compile(f"[{re.escape(opening)}]"), re.compile(f"[{re.escape(closing)}]")
    out, position = [], 0
    while (mark := opens.search(text, position)) is not None:
        close = closes.search(text, mark.start() + 1)
        if close is None:
            break  # no closing mark after this one: none after any later one either
        out += [text[position:mark.start()], blank(text[mark.start():close.end()])]
        position = close.end()
    out.append(text[position:])
    return "".join(out)


def trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def slug(text: str) -> str:
    """A lowercase id slug: accents dropped, anything else between words becomes one hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def number_value(token: str) -> float | None:
    """'4,250' -> 4250, '2.5' -> 2.5, 'seven' -> 7, 'eighty-eight' -> 88, 'seventeen hundred' -> 1700;
    None for anything else."""
    token = " ".join(token.lower().split())
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    head, _, scale = token.partition(" ")
    tens, _, unit = head.partition("-")
    if (scale in SCALES or not scale) and tens in NUMBER_WORDS and (not unit or (tens in TENS and unit in UNITS)):
        value = NUMBER_WORDS[tens] + (NUMBER_WORDS[unit] if unit else 0)
        return float(value * SCALES.get(scale, 1))
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def is_capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()


# A speaker described, not named: "a teacher walking the picket line", "one parent", "another nurse".
PEOPLE_NOUNS = (r"teacher|educator|parent|mother|father|mom|dad|student|nurse|counselor|custodian|driver|resident|"
                r"neighbor|volunteer|worker|employee|staffer|librarian|aide|paraeducator|substitute|grandmother|"
                r"grandfather|picketer|striker|protester|member|senior|junior|sophomore|freshman|kindergartner|child|woman|man|"
                r"paraprofessional|assistant|cook|secretary|janitor|clerk|therapist|psychologist|coach|bus driver|"
                r"technician|instructor|dispatcher|mechanic|monitor|tutor|caregiver|crossing guard|lunch worker|cafeteria worker")


# A weekday's name and a month's (written out or abbreviated), for patterns that read them.
WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# The words a phrase of time or place opens a sentence with, before its subject ("On Thursday, …", "Late Friday, …",
# "Shortly after 2 a.m., …"): its tense is the clause's after it, and so is its speaker.
OPENING_WORDS = r"At|On|In|During|Late|Early|By|Around|Through|Over|From|Shortly|Just|Earlier|Later|After|Then"
MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# The days and months, as a page capitalises them: no person's or organization's name.
CALENDAR_WORDS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
})
