"""Dated happenings: weekday, relative and calendar mentions resolved against the article's date.

Tense decides which way a bare weekday points: "met Monday" is the Monday before the article,
"will meet Monday" the Monday after; the article's own weekday is the article's date either way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise

from ..spans import Span
from .holidays import NAMED_DAY, named_day
from .text import (
    ABBREVIATIONS,
    DETERMINERS,
    ITEM_MARKS,
    MONTH_WORD,
    NUMBER_WORDS,
    OPENING_WORDS,
    ORDINAL_WORDS,
    WEEKDAY_NAME,
    Lines,
    SpanIndex,
    a_clock_ends_the_sentence,
    blank_quoted,
    folded,
)

# How many days or weeks a count says ("a", "two", "10"): read by _count.
COUNT_WORD = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_index(name: str) -> int:
    """Monday is 0, as dt.date.weekday() counts ("MONDAY" too)."""
    return WEEKDAYS.index(name.capitalize())


MONTHS = {m: i + 1 for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                          "September", "October", "November", "December"])}
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9,
                       "Oct": 10, "Nov": 11, "Dec": 12}
MONTH = r"(?P<month>" + "|".join(list(MONTHS) + list(MONTH_ABBREVIATIONS)) + r")\.?"
TIME = r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s?(?P<half>a\.m\.?|p\.m\.?|am\b|pm\b)|(?P<noon>\bnoon\b)"
WEEKDAY = re.compile(
    # ("Last Sunday, …" opening a sentence or a line, or after a dateline's dash; not a headline's verb in title case,
    # "Strike Expected To Last Monday Through Wednesday", nor a surname)
    r"(?:\b(?P<rel>last|next|this|since|late|early|(?:(?<![^\n])|(?<=[.!?”\"] )|(?<=— ))(?:Last|Next|This|Since))\s+)?"
    # (a headline in capitals tells its day in capitals: "TEACHERS RETURN TO CLASSROOMS MONDAY"; not a day's heading,
    # "WEDNESDAY, FEB. 4", which starts a part of the page: sections)
    r"\b(?P<day>" + "|".join(WEEKDAYS) + "|(?:" + "|".join(w.upper() for w in WEEKDAYS) + r")(?!,?\s+[A-Z]{3,9}\.?\s+\d))(?:’s|'s)?"
    # "Monday, April 4": the weekday and its calendar date are one date (the weekday says the year).
    r"(?:,?\s+(?P<cmonth>" + "|".join(["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                      "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                                      "Sept", "Sep", "Oct", "Nov", "Dec"]) + r")\.?\s+(?P<cday>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<cyear>(?:19|20)\d{2})\b)?)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?:\s+at\s+(?:" + TIME.replace("?P<", "?P<w") + r"))?")
RELATIVE = re.compile(rf"\b(?P<ago>(?P<count>{COUNT_WORD}) (?P<span>day|week|month|year)s? ago"
                      r"(?P<exact> (?:today|tonight|this (?:morning|afternoon|evening))(?![’']s))?)\b"  # "Four weeks ago tonight": that day
                      r"|\b(?<!of )(?<![%\d] )(?P<rel>last|next|this|earlier this|later this)"
                      r"\s+(?P<unit>week|month|(?<=(?:last|next) )year(?!['’]s))\b"
                      r"|\b(?P<word>yesterday|today|tonight|tomorrow|this morning|this afternoon|this evening|last night"
                      # "voted by phone a few minutes ago": the day of the telling
                      r"|(?:(?:just|only) )?(?:(?:a few|several|a couple of|an?|\d{1,2}|two|three|four|five|six) )?"
                      r"(?:minutes?|hours?|moments) ago)\b", re.I)
# "this weekend", "over the weekend", "next weekend": a Saturday and Sunday, the tense says which.
WEEKEND = re.compile(r"\b(?P<rel>this|next|last|the|over the|this past|this coming)\s+weekend\b", re.I)
CALENDAR = re.compile(r"\b" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d{2}))?")
MONTH_ONLY = re.compile(r"\b(?P<prep>(?i:in|since|back in|until|by|last|this|next|early|late|mid-|mid|that))\s+"
                        r"(?:(?:its|their|the|his|her|our)\s+)?(?:(?P<part>early|late|mid-?)\s*)?" + MONTH
                        + r"(?!\s+\d{1,2}\b)(?:\s+(?P<year>(?:19|20)\d{2})|\s+of\s+(?P<relyear>last|this|next)\s+year)?\b")
YEAR_ONLY = re.compile(r"\b(?P<prep>(?i:in|since|by|until|of|early|late|mid-|mid))\s+"
                       r"(?:(?P<part>early|late|mid-?)\s*)?(?P<year>(?:19|20)\d{2})\b(?![-–]\d| school)")
DAY_OF_MONTH = re.compile(r"\b(?:on|by|until|since) the (?P<day>\d{1,2})(?:st|nd|rd|th)\b")
CLOCK = re.compile(TIME)
SPACED_DIGIT = re.compile(r"\s+\d")
TIME_ALONE = re.compile(r"\b(?:at|by|until|from|since|around|past|(?:shortly |just |right |soon )?(?:before|after))\s+(?:an?\s+)?"
                        r"(?:(?:about|around|approximately|roughly)\s+)?(?:" + TIME + r")", re.I)  # "at an 11 a.m. news conference"
FUTURE = re.compile(r"\b(?:will|’ll|'ll|going to|set to|expected to|(?:expects?|plans?|intends?|hopes?|aims?|wants?)(?: [\w’']+){0,3} to|"
                    r"planned|planning|scheduled|is to|are to|upcoming|would|should|(?<!\bthe )(?<!\bfor )next|tomorrow|could|might|"
                    r"see you|"  # a newsletter's "See you Wednesday at Millrace!"
                    r"plans (?:an?|the|its|their) |"  # "The union plans a march … on Friday at noon"
                    # what is still to be done: "must still be ratified", "has yet to vote", "needs to be approved"
                    r"must(?! have)|(?:has|have) yet to|still (?:has|have|needs?) to|needs? to be|remains? to be)\b", re.I)
PAST = re.compile(r"\b(?:was|were|did|had|ago|last(?! (?:chance|minute|resort|word|offer|step|hope|straw|round|stand|days?)\b)|since|"
                  r"yesterday|said|told|made|met|began|went|came|left|took|gave|held|"
                  r"sent|brought|spoke|wrote|got|saw|led|ran|chose|cast|broke|fell|struck|stood|won|lost|paid|spent|kept|sought|fought|knew|"
                  r"rose|drew|grew|threw|wore|sat|bought|caught|taught|felt|heard|meant|sold|found|"
                  # (not "built", "stuck", "hung", "thought", "withheld": adjectives and nouns as often as verbs)
                  r"shook|became|overcame|swore|tore|blew|flew|drove|rode|woke|froze|stole|fled|sped|swung|"
                  r"withdrew|upheld|forgot|forgave|mistook|undertook|underwent|overtook|arose|slept|wept|sang|rang|swam|"
                  r"would have|could have|should have|might have|\w+ed)\b", re.I)
CONDITIONAL_PAST = re.compile(r"\b(?:would|could|should|might) have\b", re.I)
NOT_PAST = {"planned", "scheduled", "expected", "proposed", "concerned", "interested", "needed", "united", "unified", "based"}
# The event types and the words that tell of each. A name "other:<kin>" is a happening the types have
# no value for (written as other, named in the description), told apart from the rest of "other" so
# that two tellings of one vote are found to be one happening (coreference) and a vote is no strike.
EVENT_TYPES = [
    # "will return to class Monday", "back to work": the end of a strike is no strike.
    ("other:return", r"\breturn\w*\s+(?:\w+\s+){0,2}?(?:to|in)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?"
                     r"(?:class\w*|school\w*|work|the job|campus\w*)\b"
              r"|\bback (?:to|in) (?:the )?(?:class\w*|school|work)\b"
                     # "Piedra Alta students return as teachers weigh strike deal": students come back to school
                     r"|\b(?:students|kids|children|pupils)\s+(?:will\s+|to\s+)?return(?:s|ed|ing)?\b(?=\s*[.,;:]|\s*$|\s+(?:as|after|"
                     r"on|today|tomorrow|this|next|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|while|when|amid)\b)"),
    # "reached a tentative agreement", "Tentative deal ends walkout": the agreement, told apart from the talks.
    ("announcement:agreement", r"\btentative(?:ly)?\s+(?:agreement|deal|contract|pact)|\breach(?:ed|es|ing)?\s+(?:a |an |the |its own |their own )?"
                               r"(?:[\w-]+\s+)?(?:agreement|deal)\b|\b(?:agreement|deal)\s+(?:was |is |has been |had been )?reached\b"),
    # "voted to authorize a strike", "the ratification vote": a vote, whatever it is about.
    ("other:vote", r"\bvot(?:e|ed|es|ing)\b|\bratif\w*|\bauthoriz\w*|\bballots?\b"),
    ("other:expiry", r"\bexpir\w*|\bwithout a (?:new )?contract\b"),
    # "delivered its 10-day strike notice Friday": a notice of a strike, not the strike.
    ("other:notice", r"\bnotices?\b"),
    # "Kolstad ruled that the district had not shown the strike was causing harm": a court's ruling, not the strike it is
    # on (the verb only: "said the ruling kicks the can" is a statement).
    ("other:ruling", r"\bruled\b(?!\s+out)"),
    # "turned their backs on the board and walked out of the meeting": a protest in a room, no strike (not "walked out of
    # the morning assembly and onto the picket line").
    ("other:walkout", r"\bwalk(?:ed|s|ing)? out of (?:the|a|an|its|their|that|this) (?:[\w-]+ )?(?:meeting|session|hearing|"
                      r"chamber|talks|negotiations|boardroom|board room)\b(?![^.;]{0,40}\bpicket)"),
    ("strike", r"\bstrik\w*|\bwalk(?:ed|s)? out|\bwalkout"),
    ("picket", r"\bpicket\w*"),
    # (the month is no march: "March 15 - A 12-hour mediation session ends")
    ("rally", r"\brall\w*|\bdemonstration|\b(?-i:march(?:ed|es)?|March(?:ed|es)|MARCH(?:ED|ES))\b|\bprotest\w*"),
    ("school_closure", r"\bclos(?:e|ed|es|ing|ure)\b[^.]*\b(?:school|campus|campuses)"
                       r"|\b(?:school|campus|campuses)\b[^.]*\bclos(?:e|ed|es|ing|ure)\b|\bnot be in school|\bwithout instruction"
                       r"|\b(?:class|classes|school)\b[^.]*\bcancel+(?:ed|ing|s)?\b|\bcancel+(?:ed|ing|s)? (?:class|classes|school|days?)\b"),
    ("declined_meeting", r"\bdeclin\w*|\breject\w*|\brefus\w*|\bnot meet"),
    # "the raises an independent arbitrator recommended in October", "the fact-finder's recommendation": a report
    ("report_released", r"\breport\b|\brecommend(?:ed|ation|ations)\b(?=[^.]{0,60}\b(?:arbitrat|fact-?finder|mediator|panel))"
                        r"|\b(?:arbitrator|fact-?finder|neutral panel)(?:’s|'s)? (?:[\w-]+ ){0,3}?recommend\w*"),
    ("proposal", r"\bcounter ?proposal|\bproposal|\boffer\w*"),
    ("negotiation_session", r"\bnegotiat\w*|\bbargain\w*|\btalks\b|\bmeet\w*|\bsession|\bmediat\w*"),
    ("announcement", r"\brelease\b|\bannounc\w*|\bletter\b|\bmessage\b"),
    ("statement", r"\bsaid\b|\bsays\b|\bstated\b|\btold\b|\bwr(?:ote|ites)\b|\btweet(?:ed|s)\b"),
]
# Happenings that last several days: with no end in the article, their end is not one day after the
# start, and a telling after their first day still tells of them ("for the third straight day").
LASTING = {"strike", "school_closure", "picket"}
LOCATION = re.compile(r"\b(?:at|outside(?: of)?|in front of|near|inside|on the steps of)\s+(?:the\s+)?"
                      r"(?P<place>[A-Z][\w’'.-]*(?:\s+(?:of\s+|on\s+)?[A-Z0-9][\w’'.-]*)*)")


@dataclass(frozen=True)
class Happening:
    start: int  # the date expression
    end: int
    expression: str
    start_date: str | None
    end_date: str | None
    precision: str  # day | week | month | year
    basis: str  # stated | weekday_resolved | inferred
    tense: str  # past | future | present
    time_local: str | None
    confidence: float
    note: str


DateRange = tuple[str, str | None]  # (start_date, end_date) as ISO dates


@dataclass(frozen=True)
class _Resolution:
    """How one date expression reads, before the tense and time its sentence add: its dates (None
    when the article's date is unknown and the expression is relative to it) and how sure the rule is."""

    dates: DateRange | None
    precision: str
    basis: str
    confidence: float
    note: str
    time: str | None = None


@dataclass(frozen=True)
class PageClock:
    """The clock times of a page's stamps on its own day, as "HH:MM": when it was first posted and last
    updated (`last_line`: that stamp's line)."""
    first: str
    last: str | None
    last_line: str


def find_happenings(text: str, published: dt.date | None, sentence_spans: list[Span],
                    stamped: PageClock | None = None,
                    furniture: Callable[[int], bool] | None = None) -> list[Happening]:
    """Every date expression in `text`, resolved against the article's date, in text order. `stamped`: the clock
    times of the page's stamps on its own day: what it tells as done was done by the last, what it tells as planned
    is to be after the first.
    `furniture`: whether a position is in the page's furniture, whose dates ("Related posts / Strike vote results
    (Feb. 3)") are no step of the order a story tells its days in."""
    reader = _Reader(text, sentence_spans)
    found = _Found(reader)
    for pattern, resolve in RESOLVERS:
        anchor = RESOLVER_ANCHORS.get(pattern)
        for m in pattern.finditer(text) if anchor is None else _anchored(pattern, text, anchor):
            resolution = resolve(m, published, reader)
            if resolution is not None:
                found.add(m, resolution)
    _add_timeline_order(found)
    numbered = numbered_strike_days(text)  # (read once for both)
    _add_strike_days(found, published, numbered)
    _add_strike_days_from_its_first(found, published, numbered)
    _add_narrated_weekdays(found, published, furniture)
    _add_week_told_day_by_day(found, published)
    _add_told_before(found, published)
    _add_that_month(found)
    _add_times_alone(found, published, stamped)
    return sorted(found.happenings, key=lambda h: h.start)


# Days told from the day told before them: "The day before, the two teams had met", "a vote that closed
# the same day", "the week before". Not "the day before the vote", which names its own day.
NOT_NAMED_DAY = r"(?! (?:the|a|an|its|their|his|her)\b| (?-i:[A-Z]))"  # "the day before the vote" names its own day
COUNT = rf"(?P<count>{COUNT_WORD})"
TOLD_BEFORE = re.compile(r"\b(?:(?P<before>the (?:day|night|week) before|" + COUNT + r" (?P<unit>day|week)s? (?:earlier|before))"
                         + NOT_NAMED_DAY
                         + r"|(?P<after>the (?:next|following) (?:day|morning|afternoon|evening|night|week|(?P<fday>"
                         + "|".join(WEEKDAYS) + r"))|(?-i:[Tt]hat) (?P<tday>" + "|".join(WEEKDAYS) + r")"
                         r"|the day after" + NOT_NAMED_DAY + rf"|(?P<acount>{COUNT_WORD}) "
                         r"(?P<aunit>day|week)s? (?:later|afterward|after that))"
                         r"|(?P<same>(?:that|the same|that same) (?:day|morning|afternoon|evening|night|week)"
                         r"|the same (?:meeting|session|news conference|hearing|rally)|(?P<sameday>(?:(?:about|nearly|roughly|just|only) )?"
                         r"(?:an|one|two|three|several|a few|\d{1,2}) hours? later|hours later|(?:earlier|later) in the day"
                         r"|overnight(?! (?:session|talks|shift|camp|hours|bargaining)))"
                         r"|later that (?:day|morning|afternoon|evening|night))"
                         # "originally scheduled for Tuesday, was moved up a day": the day told, moved
                         rf"|(?P<moved>(?:moved|pushed|bumped) (?P<mdir>up|back) (?:by )?(?P<mcount>{COUNT_WORD}) (?P<munit>day|week)s?))\b", re.I)
# "walked out Jan. 28, two days after teachers voted down the offer", "began March 2, the morning after a 13-hour
# session ended": the happening named after it is that many days before the day it hangs on (after "before", that
# many days after).
COUNTED_FROM_NAMED = re.compile(rf"\b(?:(?P<count>{COUNT_WORD}) (?P<unit>day|week)s?|the (?P<part>morning|day|night|evening)) "
                                r"(?P<dir>after|before)\b(?! (?:noon|midnight|dawn|\d))"
                                r"(?(part)(?= (?:a|an|the|its|their|his|her)\b))", re.I)
# Words every TOLD_BEFORE match holds, found at once in the text folded to lower case; the pattern is
# tried only around them (tried at every position, it took a second on a long article).
TOLD_BEFORE_AT = re.compile(r"before|earlier|later|afterward|after|next|following|same|overnight"
                            r"|that (?:day|morning|afternoon|evening|night|week|" + "|".join(w.lower() for w in WEEKDAYS) + ")"
                            r"|(?:moved|pushed|bumped) (?:up|back)")
TOLD_BEFORE_REACH = 40  # characters before the word where a match may start ("about an hour later")


def _anchored(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str]) -> list[re.Match[str]]:
    """pattern.finditer(text), reading only around each match of `anchor` in the text folded to lower
    case: every match of `pattern` holds one, and starts at most TOLD_BEFORE_REACH characters before it."""
    found: list[re.Match[str]] = []
    for a in anchor.finditer(folded(text)):
        low = max(a.start() - TOLD_BEFORE_REACH, found[-1].end() if found else 0, 0)
        m = pattern.search(text, low, a.end() + TOLD_BEFORE_REACH)
        while m is not None and m.end() <= a.start():  # one that ends before this word was found from its own
            m = pattern.search(text, m.end(), a.end() + TOLD_BEFORE_REACH)
        if m is not None and m.start() <= a.start():
            found.append(m)
    return found


# How many sentences back the day told before may stand: the one before for a day counted back from it
# (or for "overnight"), a few for "the same meeting" (a quotation may stand between), and many for "the
# next day" or "That Thursday", which carry a story told in order past quotations and scenes.
TOLD_BEFORE_SENTENCES = {"before": 1, "same": 3, "story": 15}


def _add_told_before(found: _Found, published: dt.date | None) -> None:
    """A day told from the last day told before it, in its sentence or the few before; "the day before"
    with none is the day before the article's ("warned families the day before")."""
    reader = found.reader
    told = sorted((h for h in found.happenings if h.start_date and h.precision in ("day", "week")), key=lambda h: h.start)
    starts = [h.start for h in told]
    small_hours: dict[int, bool] = {}  # a sentence's start -> whether its clock times are all in the small hours
    _add_counted_from_named(found, told, starts, published)  # first: "a week later" may count on from "two days after the vote"
    for m in _anchored(TOLD_BEFORE, reader.text, TOLD_BEFORE_AT):
        antecedent = _last_told(told, starts, reader, m.start(), TOLD_BEFORE_SENTENCES[_reach(m)])
        resolution = _told_from(m, antecedent, published)
        if resolution is not None and resolution.dates and m.group("sameday") and antecedent is not None \
                and _past_midnight_after(reader, m, antecedent, small_hours):
            after_midnight = dt.date.fromisoformat(resolution.dates[0]) + dt.timedelta(days=1)
            resolution = replace(resolution, dates=(after_midnight.isoformat(), None), note=f"{resolution.note}, past midnight")
        if resolution is not None and published is not None and antecedent is not None \
                and (antecedent.start_date or "") > published.isoformat() and not m.group("moved") \
                and reader.tense(reader.sentence(m.start()), m.start(), m.end()) == "past":
            continue  # "Two days later, the board voted", after a contract's end date told in passing: what is told as done
            # is not counted from a day still ahead (a plan moved is: "the vote set for Friday was moved up a day")
        if resolution is not None and m.group("tday"):
            found.drop_within(m.start(), m.end())  # "That Thursday": of the week told before, not the article's
            kept = [i for i, h in enumerate(told) if not m.start() <= h.start < m.end()]
            told, starts = [told[i] for i in kept], [starts[i] for i in kept]
        if resolution is not None and found.add(m, resolution) and resolution.precision in ("day", "week"):
            at = bisect_left(starts, m.start())  # a day told so is itself one to count from ("overnight … the following morning")
            starts.insert(at, m.start())
            told.insert(at, found.happenings[-1])


def _add_counted_from_named(found: _Found, told: list[Happening], starts: list[int], published: dt.date | None) -> None:
    """A day counted from a happening named after the words ("two days after the vote", "the morning after a 13-hour
    session"): from the day its sentence hangs it on, the day told right after the words, or the last day told of the
    happening's kind. Each day so read joins `told` (`starts`: their starts), to be counted from in turn."""
    reader = found.reader
    for m in _anchored(COUNTED_FROM_NAMED, reader.text, TOLD_BEFORE_AT):
        n = 1 if m.group("part") else _count(m.group("count")) * (7 if m.group("unit").lower() == "week" else 1)
        after = m.group("dir").lower() == "after"
        hung_on = _last_told(told, starts, reader, m.start(), 0)  # in its own sentence
        counted_from = _next_told(told, starts, reader, m.end())
        told_from_kin = False
        if hung_on is not None and hung_on.start_date is not None and hung_on.precision == "day":
            # "The vote was Friday, five days after the strike began": what follows the words is that many days before
            day = dt.date.fromisoformat(hung_on.start_date) + dt.timedelta(days=-n if after else n)
            note = f"'{m.group()}' counted from {hung_on.expression!r} ({hung_on.start_date}), the day it hangs on"
        elif counted_from is not None and counted_from.start_date:
            # "The ruling came a day after a two-hour hearing Wednesday": what comes before the words, counted from that day
            day = dt.date.fromisoformat(counted_from.start_date) + dt.timedelta(days=n if after else -n)
            note = f"'{m.group()} … {counted_from.expression}': counted from {counted_from.start_date}"
        elif (named := _named_before(told, starts, reader, m)) is not None and named[0].start_date:
            # "Two days after the vote, about 600 teachers … rallied": counted from the day the vote was told, before
            told_from_kin = True
            day = dt.date.fromisoformat(named[0].start_date) + dt.timedelta(days=n if after else -n)
            if published is not None and day > published and reader.tense(reader.sentence(m.start()), m.start(), m.end()) == "past":
                continue  # what is told as done is no later than the article's day
            note = (f"'{m.group()} {named[1]}' counted from {named[0].expression!r} ({named[0].start_date}), "
                    f"the {named[1].split()[-1]} told before it")
        else:
            continue
        if found.add(m, _Resolution((day.isoformat(), None), "day", "inferred", 0.5 if told_from_kin else 0.55, note)) and told_from_kin \
                and _a_step(reader, m):
            at = bisect_left(starts, m.start())
            starts.insert(at, m.start())
            told.insert(at, found.happenings[-1])


# How many sentences on a calendar date told after a bare weekday may stand to show the page's order broken (a
# look-back under day headings tells its last date many sentences on).
NARRATION_AHEAD = 30
NARRATION_GAP = 7  # days: beyond the story's reach, the bare weekday's reading must fall more than a week after that date
# How far back a look-back's calendar dates may go (a date further back is background, not its story).
LOOK_BACK_DAYS = 120
# "no new proposal since Jan. 14": a day further back, not the next step of the story.
UNTIL_WORDS = r"since|until|till|before|from|through|after"
SINCE_BEFORE = re.compile(rf"\b(?:{UNTIL_WORDS}|by)\s+$", re.I)
UNTIL_BEFORE = re.compile(rf"\b(?:{UNTIL_WORDS})\s+$", re.I)  # "wait until Thursday": no day told as a step ("By Thursday" is)
# "the Monday before the walkout" names its day by a happening; "on a Saturday" names none.
NAMED_BY_HAPPENING = re.compile(r"\s+(?:before|after)\s+(?:the|a|an|its|their)\b", re.I)
NO_PARTICULAR_DAY = re.compile(r"\b(?:a|an|the|that|each|every)\s+$", re.I)


def _add_narrated_weekdays(found: _Found, published: dt.date | None, furniture: Callable[[int], bool] | None = None) -> None:
    """A look-back tells its days in order, with bare weekdays ("The support staff walked out on Monday,
    Oct. 26. … On Wednesday, the two sides spent 12 hours with the mediator."). When a bare weekday told
    in the past, read as the last such day before the article, falls after a calendar date the page
    tells a few sentences later, though the first such weekday after the date told before it fits (the
    order of the page broken), the page narrates: each of its bare past weekdays is then the first such
    day on or after the last date it told (the weekdays read so count on)."""
    if published is None:
        return
    reader = found.reader
    oldest = (published - dt.timedelta(days=LOOK_BACK_DAYS)).isoformat()
    stated = [h for h in found.happenings if h.precision == "day" and h.start_date and h.start_date >= oldest and CALENDAR.search(h.expression)
              and not (furniture and furniture(h.start))
              and not NOUN_OF_DATE.search(reader.text, max(0, h.start - NOUN_OF_REACH), h.start)]  # ("our proposal of April 15": no step)
    bare = [(h, m) for h in found.happenings if (m := _bare_past_weekday(reader.text, h)) is not None]
    if not stated or not bare:
        return
    loose = [(h, m) for h in found.happenings if (m := _bare_past_weekday(reader.text, h, any_day=True)) is not None]
    told = sorted(stated, key=lambda h: h.start)
    starts = [h.start for h in told]

    def next_told(at: int) -> Happening | None:
        i = bisect_left(starts, at)
        return told[i] if i < len(told) and _sentences_between(reader, at, told[i].start) <= NARRATION_AHEAD else None

    def narrated(day: str, weekday: int) -> dt.date:
        after = dt.date.fromisoformat(day)
        return after + dt.timedelta(days=(weekday - after.weekday()) % 7)

    def out_of_order(h: Happening, m: re.Match[str]) -> bool:
        before, after = _last_told(told, starts, reader, h.start, TOLD_BEFORE_SENTENCES["story"]), next_told(h.end)
        if before is None or after is None or not (before.start_date and after.start_date and h.start_date):
            return False
        if SINCE_BEFORE.search(reader.text, max(0, after.start - 8), after.start):
            return False
        earlier = bisect_left(starts, before.start) - 1  # (its index: list.index read the list through for each weekday)
        if earlier >= 0 and (told[earlier].start_date or "") > before.start_date:
            return False  # the date told before is itself an aside ("walked out Nov. 5. … voted on Oct. 23"): no step of a story
        read = narrated(before.start_date, weekday_index(m.group("day")))
        if _sentences_between(reader, h.end, after.start) > TOLD_BEFORE_SENTENCES["story"] \
                and (dt.date.fromisoformat(h.start_date) - dt.date.fromisoformat(after.start_date)).days <= NARRATION_GAP:
            return False  # far on, a date only days before this week's reading is a story's background, not its next step
        return h.start_date > after.start_date > read.isoformat() > before.start_date

    if not any(out_of_order(h, m) for h, m in bare):
        return
    # The page narrates: "on a Saturday" is that week's Saturday too.
    last: Happening | None = None
    reread: list[tuple[re.Match[str], _Resolution]] = []
    steps: list[tuple[Happening, re.Match[str] | None]] = [(h, None) for h in told]
    for h, m in sorted(steps + list(loose), key=lambda pair: pair[0].start):
        if m is None:
            last = h
            continue
        if last is None or not last.start_date or not h.start_date \
                or _sentences_between(reader, last.start, h.start) > TOLD_BEFORE_SENTENCES["story"]:
            continue
        day = narrated(last.start_date, weekday_index(m.group("day")))
        if day.isoformat() >= h.start_date:
            continue  # the last such day before the article already, or none before it
        reread.append((m, _Resolution((day.isoformat(), None), "day", "weekday_resolved", 0.55,
                                      f"'{h.expression}' read as the first {m.group('day')} on or after {last.expression!r} "
                                      f"({last.start_date}): the page tells its days in order", _clock(m, prefix="w"))))
        last = replace(h, start_date=day.isoformat())
    found.read_again(reread)


# A week told day by day, in a paper out after it ("On Monday, picket lines went up. … Tuesday was the longest
# day. … On Wednesday, the judge turned the district down. … the board's Thursday meeting was called off"): each
# weekday read as the last such day before the article runs on, day after day, until one falls back a week (the
# article's own Wednesday, then the Thursday before it). The days before the fall are that week's.
WEEK_RUN = 3  # days told in order before the fall, at the least (two are a flashback's: "struck Monday, … Friday")
WEEK_STEP_SENTENCES = 8  # how far apart two days of the week told may stand
WEEK_STEP = 2  # and how many days: the next day or the one after ("Friday … Sunday"), never "Tuesday … Sunday"
HAD_DONE = re.compile(r"\bhad\s+(?:\w+ly\s+)?\w+(?:ed|en|ne|un|ost|eft|ought|ught|ade|aid|ent|old|id)\b", re.I)
BY_THEN = re.compile(r"\b[Bb]y\s+$")
WEEK_DATES_BACK = 20  # the dates the page gives before a fall, read back for one in the week (the nearest ones)


def _add_week_told_day_by_day(found: _Found, published: dt.date | None) -> None:
    """Days of a week told in order, each read as the last such day before the article: when, after at least
    WEEK_RUN days told in order, the next day named falls back a week, and a date the page gives before it falls in
    the week so read, the run is read again as the days before it (a week told day by day), back to the run's start
    or a "previous" day that opens it."""
    if published is None:
        return
    reader, text, today = found.reader, found.reader.text, published.isoformat()
    steps: list[tuple[Happening, re.Match[str], dt.date]] = []
    for h in sorted(found.happenings, key=lambda h: h.start):
        m = WEEKDAY.match(text, h.start)
        if m is None or m.group("cmonth") or (m.group("rel") or "").lower() not in ("", "early", "late") \
                or h.basis != "weekday_resolved" or not h.start_date or h.start_date > today \
                or UNTIL_BEFORE.search(text, max(0, m.start() - 8), m.start()) or NAMED_BY_HAPPENING.match(text, m.end("day")):
            continue
        steps.append((h, m, dt.date.fromisoformat(h.start_date)))

    stated = sorted((h.start, dt.date.fromisoformat(h.start_date)) for h in found.happenings
                    if h.precision == "day" and h.start_date and CALENDAR.search(h.expression))  # ("Monday, Feb. 13")
    stated_at = [at for at, _ in stated]

    def gap(earlier: int, later: int) -> int:
        """Days from the first to the second of two weekdays, told in this order (0: the same day)."""
        return (weekday_index(steps[later][1].group("day")) - weekday_index(steps[earlier][1].group("day"))) % 7

    def near(earlier: int, later: int) -> bool:
        return _sentences_between(reader, steps[earlier][0].start, steps[later][0].start) <= WEEK_STEP_SENTENCES

    def opens_back(i: int) -> bool:
        return PREVIOUS.search(text, max(0, steps[i][1].start() - 16), steps[i][1].start()) is not None  # the week's eve

    reread: list[tuple[re.Match[str], _Resolution]] = []
    for fall in range(1, len(steps)):
        h, m, day = steps[fall]
        if not (near(fall - 1, fall) and 0 < gap(fall - 1, fall) <= WEEK_STEP and day < steps[fall - 1][2]) or opens_back(fall):
            continue
        sentence = reader.sentence(h.start)
        if sentence is not None and HAD_DONE.search(text, sentence.start, sentence.end) \
                and not BY_THEN.search(text, max(0, m.start() - 4), m.start()):
            continue  # "Talks had collapsed Friday": a flashback
        first = fall - 1  # the run's first day
        while first > 0 and not opens_back(first) and near(first - 1, first) \
                and (steps[first][2] - steps[first - 1][2]).days == gap(first - 1, first) <= WEEK_STEP:
            first -= 1
        if len({steps[i][2] for i in range(first, fall)}) < WEEK_RUN:
            continue
        week_start = day - dt.timedelta(days=sum(gap(i, i + 1) for i in range(first, fall)))
        told_before = bisect_left(stated_at, h.start)
        if not any(week_start <= told <= day for _, told in stated[max(0, told_before - WEEK_DATES_BACK):told_before]):
            continue  # no date the page gives falls in the week so read: a flashback ("… The union voted to strike Friday")
        after = day  # the day of the step after, read again
        for i in range(fall - 1, first - 1, -1):
            told, match, _ = steps[i]
            after -= dt.timedelta(days=gap(i, i + 1))
            reread.append((match, _Resolution((after.isoformat(), None), "day", "weekday_resolved", 0.55,
                                              f"'{told.expression}' read as a day of the week told day by day, the "
                                              f"{match.group('day')} before {steps[i + 1][0].expression!r}",
                                              _clock(match, prefix="w"))))
    found.read_again(reread)


def _bare_past_weekday(text: str, h: Happening, any_day: bool = False) -> re.Match[str] | None:
    """The weekday match of a happening that is a weekday alone (no date, no "last"/"next") told in the past;
    "a Saturday" too when `any_day`."""
    m = WEEKDAY.match(text, h.start)
    if m is None or m.end() != h.end or m.group("cmonth") or m.group("rel") or h.tense != "past" or h.basis != "weekday_resolved":
        return None
    if NAMED_BY_HAPPENING.match(text, m.end()) or (not any_day and NO_PARTICULAR_DAY.search(text, max(0, m.start() - 8), m.start())):
        return None
    return m


def _sentences_between(reader: _Reader, low: int, high: int) -> int:
    """How many sentences on from the one holding `low` the one holding `high` is (0: the same one)."""
    starts = reader.spans.starts
    return bisect_right(starts, high) - bisect_right(starts, low)


def _next_told(told: list[Happening], starts: list[int], reader: _Reader, position: int) -> Happening | None:
    """The first day told to the day after `position`, close after it in its own sentence (NEXT_TOLD_REACH)."""
    at = bisect_left(starts, position)
    if at == len(told) or told[at].start - position > NEXT_TOLD_REACH or told[at].precision != "day" or not told[at].start_date:
        return None
    sentence = reader.sentence(position)
    return told[at] if sentence is not None and told[at].start < sentence.end else None


NEXT_TOLD_REACH = 60  # characters from "a day after" to the day it is counted from ("… a two-hour hearing Wednesday")

def _a_step(reader: _Reader, m: re.Match[str]) -> bool:
    """A day counted from a named happening that opens its sentence, told in the simple past: a step of the story, to
    count on from ("Two days after the vote, about 600 teachers rallied. A week later, …"); not an aside ("Tolland, who
    resigned two days after the vote"), words quoted, or a flashback ("Three days after the vote, the district had
    mailed …")."""
    sentence = reader.sentence(m.start())
    return sentence is not None and not reader.text[sentence.start:m.start()].strip() \
        and not HAD_DONE.search(reader.text, m.end(), sentence.end)


# The happening a count is told from, named by its noun: "two days after the vote", "the day after the rally"; not one
# told as ending ("two weeks after the strike ended"), which counts from a day the page may not give.
NAMED_HAPPENING = re.compile(r" (?:the|that) (?P<what>(?:[\w’'-]+ ){0,2}?(?:vote|rally|march|session|meeting))\b"
                             r"(?! (?:ended|was over|ends|is over|had ended|closed))")
# (not "the strike", whose days are many, nor "the deal" or "the ruling", whose kind is no kind of its own)


def _named_before(told: list[Happening], starts: list[int], reader: _Reader, m: re.Match[str]) -> tuple[Happening, str] | None:
    """The last day told before `m`, a few sentences back at most (TOLD_BEFORE_SENTENCES "story"), of the kind of
    happening that the words after `m` name ("two days after the vote": the last vote told), with those words;
    None when the words name none, or none of its kind is so near."""
    named = NAMED_HAPPENING.match(reader.text, m.end())
    if named is None:
        return None
    kind = event_kin(named.group("what"))
    if kind in ("other", "strike"):
        return None
    for h in reversed(told[:bisect_left(starts, m.start())]):
        if _sentences_between(reader, h.start, m.start()) > TOLD_BEFORE_SENTENCES["story"]:
            break
        sentence = reader.sentence(h.start)
        if h.precision == "day" and h.start_date and sentence is not None \
                and event_kin(reader.text[sentence.start:sentence.end], h.start - sentence.start) == kind:
            return h, named.group().strip()
    return None


def _last_told(told: list[Happening], starts: list[int], reader: _Reader, position: int, sentences: int) -> Happening | None:
    """The last of `told` (in text order, `starts` their starts) before `position`, in its sentence or up to
    `sentences` sentences before it; None when there is none so near."""
    at = bisect_left(starts, position) - 1
    return told[at] if at >= 0 and _sentences_between(reader, told[at].start, position) <= sentences else None


THAT_MONTH = re.compile(r"\b[Tt]hat (?P<month>" + "|".join(MONTHS) + r")\b(?!\s+\d)")


def _add_that_month(found: _Found) -> None:
    """"Teachers last voted to strike in 2011, and settled that October": the month of the year told
    last before it, a few sentences back at most."""
    reader = found.reader
    told = sorted((h for h in found.happenings if h.start_date), key=lambda h: h.start)
    starts = [h.start for h in told]
    for m in THAT_MONTH.finditer(reader.text):
        antecedent = _last_told(told, starts, reader, m.start(), TOLD_BEFORE_SENTENCES["same"])
        if antecedent is None:
            continue
        year = int(str(antecedent.start_date)[:4])
        first = dt.date(year, MONTHS[m.group("month")], 1)
        found.add(m, _Resolution((first.isoformat(), None), "month", "inferred", 0.55,
                                 f"'{m.group()}' read as {m.group('month')} of {year}, the year of {antecedent.expression!r} told before it"))


# A day told as going on late ("Late Friday, the district put …", "Friday night"): hours after it, at a time in the
# small hours ("and hours later, at 2:15 a.m., both teams signed"), are the next day.
LATE_BEFORE = re.compile(r"\b[Ll]ate(?:\s+on)?\s+$")
LATE_AFTER = re.compile(r"\s+(?:night|evening)\b", re.I)


def _past_midnight_after(reader: _Reader, m: re.Match[str], antecedent: Happening, small_hours: dict[int, bool]) -> bool:
    """"hours later" after a day told as going on late, in a sentence whose clock times are in the small hours
    (`small_hours`: each sentence's answer, read once)."""
    text = reader.text
    late = (LATE_BEFORE.search(text, max(0, antecedent.start - 8), antecedent.start) is not None
            or LATE_AFTER.match(text, antecedent.end) is not None or "night" in antecedent.expression.lower()
            or (antecedent.time_local or "") >= EVENING)
    sentence = reader.sentence(m.start())
    if not late or sentence is None:
        return False
    if sentence.start not in small_hours:
        clocks = [_clock(c) for c in CLOCK.finditer(text, sentence.start, sentence.end)]
        small_hours[sentence.start] = bool(clocks) and all(c is not None and c < SMALL_HOURS_END for c in clocks)
    return small_hours[sentence.start]


EVENING = "17:00"


def _reach(m: re.Match[str]) -> str:
    """Which of TOLD_BEFORE_SENTENCES a told-before expression looks back by."""
    if m.group("after") or m.group("tday"):
        return "story"
    return "same" if m.group("same") and not m.group().lower().startswith("overnight") else "before"


def _told_from(m: re.Match[str], antecedent: Happening | None, published: dt.date | None) -> _Resolution | None:
    words = m.group().lower()
    week = "week" in words
    if m.group("fday") or m.group("tday"):  # "the following Monday": the first after the day told, else after the article's;
        # "That Thursday": the one of the week of the day told (on it or after it)
        weekday = WEEKDAYS.index((m.group("fday") or m.group("tday")).capitalize())
        if antecedent is not None and antecedent.start_date is not None and antecedent.precision == "day":
            told = dt.date.fromisoformat(antecedent.start_date)
            ahead = (weekday - told.weekday()) % 7
            following = (told + dt.timedelta(days=ahead or (0 if m.group("tday") else 7))).isoformat()
            return _Resolution((following, None), "day", "weekday_resolved", 0.6,
                               f"'{m.group()}' counted from {antecedent.expression!r} ({antecedent.start_date}) told before it")
        if m.group("tday"):
            return None  # "that Thursday" with no day told before it: read as a weekday alone
        coming = resolve_weekday(published, weekday, "future", strict=True)
        return _Resolution((coming, None), "day", "weekday_resolved", 0.5, f"'{m.group()}' read as the next {m.group('fday')}") if coming else None
    n = _count(m.group("count") or m.group("acount") or m.group("mcount") or "one")
    backward = m.group("before") or (m.group("mdir") or "").lower() == "up"  # moved up: earlier
    shift = 0 if m.group("same") else (-1 if backward else 1) * n * (7 if week else 1)
    if antecedent is None or antecedent.start_date is None:
        if m.group("before") and not week and published is not None:
            day = (published - dt.timedelta(days=1)).isoformat()
            return _Resolution((day, None), "day", "weekday_resolved", 0.6, f"'{m.group()}' read as the day before the article's date")
        if m.group("sameday") and published is not None:  # "Hours later, …" with no day before: the article's
            return _Resolution((published.isoformat(), None), "day", "weekday_resolved", 0.6, f"'{m.group()}' read as the article's date")
        return None
    start = dt.date.fromisoformat(antecedent.start_date) + dt.timedelta(days=shift)
    counted = bool(m.group("count") or m.group("acount") or m.group("mcount"))  # "a week later" from a day is a day; "the week before" a week
    if antecedent.precision == "week" or (week and not counted):
        monday = start - dt.timedelta(days=start.weekday())
        dates: DateRange = (monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat())
        precision = "week"
    else:
        dates, precision = (start.isoformat(), None), "day"
    return _Resolution(dates, precision, antecedent.basis if antecedent.basis != "stated" else "weekday_resolved", 0.6,
                       f"'{m.group()}' counted from {antecedent.expression!r} ({antecedent.start_date}) told before it")


# What follows a timeline row's date: a tab, a dash, a colon, a bar or a run of spaces.
# The rest of a live entry's stamp after its date: a time, and the line's end ("Feb. 16, 7:32 a.m.").
DATED_STAMP_TAIL = re.compile(r"(?:,|[ \t]+at|[ \t]*[—–|·-])?[ \t]*(?:\d{1,2}(?::\d{2})?[ \t]*[ap]\.?m\.?|[Nn]oon)[ \t]*(?:[A-Z]{2,3}T?)?[ \t]*\n")
ROW_AFTER_DATE = re.compile(r"[ \t]*(?:\t|[—–|:]|-\s|\s{2,})")


def timeline_rows(text: str, happenings: list[Happening]) -> dict[int, Happening]:
    """The lines that open with a date followed by the row's text ("Tuesday, March 10<tab>The first
    mediation session …", "Feb. 21 — Local 327 members finish voting"): line start -> that date. And a live
    entry's text under a stamp of a date and a time alone on its line ("Feb. 16, 7:32 a.m." / "Picket lines
    are up …"): the line under it -> that date."""
    rows: dict[int, Happening] = {}
    for h in happenings:
        line_start = text.rfind("\n", 0, h.start) + 1
        if not h.start_date or text[line_start:h.start].strip():
            continue
        if ROW_AFTER_DATE.match(text, h.end):
            rows.setdefault(line_start, h)
        elif (stamp := DATED_STAMP_TAIL.match(text, h.end)) and text[stamp.end():stamp.end() + 1].strip():
            rows.setdefault(stamp.end(), h)
    return rows


def stamp_rows(text: str, published: dt.date | None) -> dict[int, Happening]:
    """The entry titles under a time stamp alone on its line ("3:05 p.m." / "Hundreds rally outside the
    talks"): title line start -> a happening on the day of the page (or of its part), at the stamp's time."""
    if published is None:
        return {}
    rows = {}
    for m in ENTRY_STAMP.finditer(text):
        title = m.end() + 1
        if not m.group("titled") and text[title:title + 1].strip():
            rows[title] = Happening(m.start(), m.end(), m.group().strip(), published.isoformat(), None, "day", "inferred", "present",
                                    _clock(m), 0.5, "")
    return rows


def story_date(note: str, published: dt.date | None) -> dt.date | None:
    """The day a reposted story first ran, from the host's note ("originally appeared in the Courier
    on Wednesday, Nov. 5"): a day told in it, not after the page's; None when it tells none."""
    if published is None:
        return None
    days = [h.start_date for h in find_happenings(note, published, [Span(0, len(note))])
            if h.precision == "day" and h.start_date and h.start_date <= published.isoformat()]
    return dt.date.fromisoformat(days[0]) if days else None


# The ordinals of a strike's days: "the walkout’s opening morning" is its first (never a day told as today's).
OPENING = "opening"
STRIKE_ORDINALS = {**ORDINAL_WORDS, OPENING: 1}
# "day three of the strike", "the fourth day of the strike", "its fifth day", "the walkout's second week":
# the strike's days and weeks, counted.
STRIKE_DAY = re.compile(r"\b(?:(?P<nunit>[Dd]ay|[Ww]eek) (?P<n>" + "|".join(NUMBER_WORDS) + r"|\d{1,2})\b"
                        r"|(?:the|its|a|(?P<own>(?:the )?(?:strike|walkout)[’']s)) (?P<ord>" + "|".join(ORDINAL_WORDS)
                        # ("the walkout’s opening morning": its first day)
                        + r"|\d{1,2}(?:st|nd|rd|th)|(?<=[’']s )opening) (?:straight |consecutive |full |school )?"
                        r"(?P<unit>day|week|(?<=opening )morning)\b)"
                        r"(?P<of> of (?:(?:the|a|its|their) (?:[\w’'-]+ ){0,4}?(?:strike|walkout|lockout|work stoppage)|(?:school )?closures"
                        # ("Day 2 of Bramwell teachers strike": a strike named by its town, with no article)
                        r"|(?:[A-Z][\w’'-]+ ){1,3}(?:[a-z][\w’'-]* )?(?i:strike|walkout))\b)?")
STRIKE_BEFORE = re.compile(r"\b(?:[Ss]trike|[Ww]alkout)\s+$")
# "as the walkout begins its second week": "its" is the strike's.
ITS_STRIKE = re.compile(r"\b(?:strike|walkout)s?\b[^.;]{0,40}$", re.I)
# A sentence telling which day of the strike it is as the article is written.
# "It was day two of the strike": the day the story tells, told in the past by a story written that evening.
IT_WAS = re.compile(r"\b[Ii]t (?:was|is)\s+$")
TODAY_IS = re.compile(r"\b(?:it's|it’s|it is|is|enters?|entered|entering|reach(?:es|ed)?|marks?|marked|on)\b[^.]{0,30}$", re.I)


def _add_strike_days(found: _Found, published: dt.date | None, numbered: list[tuple[re.Match[str], int, str]]) -> None:
    """The days of a strike told by their number, dated from the one the article says it is written
    on ("It's day three of the strike", "as the strike entered its fourth day"): day N is that many
    weekdays (school days; calendar days when the article's own day is a weekend day) before or after
    it; or from the page's one line opened by the strike's day ("Day 5: Tamarack County strike rolls on"); first of all
    from a numbered day told beside its weekday ("Wednesday evening, the strike's third day"). None without such an
    anchor: a strike's first day is not in the words."""
    if published is None:
        return
    text = found.reader.text
    days = [(m, n) for m, n, unit in numbered if unit == "day"]
    weekdays = _weekdays_told(found)  # (read once: each numbered day looks only at the two beside it)
    weekday_starts = [h.start for h in weekdays]
    beside = next(((n, h) for m, n in days
                   if of_a_strike(text, m) and (h := _day_beside(text, weekdays, weekday_starts, m)) is not None), None)
    if beside is not None:  # "back on the picket lines for a fifth day Friday": day 5 is that Friday
        n0, told = beside
        known = dt.date.fromisoformat(str(told.start_date))
        for m, n in days:
            day = count_strike_days(known, n - n0)
            found.add(m, _Resolution((day.isoformat(), None), "day", "inferred", 0.5,
                                     f"day {n} of the strike, counted from day {n0}, {told.expression!r} ({told.start_date}) beside it"))
        return
    # one line opened by a strike's day is the page's headline (not a timeline's rows, "Day 1: …" / "Day 3: …" line after line)
    headlines = [n for m, n in days if _headline_day(text, m) and not _a_row(text, m, days)]
    told_today = (n for m, n in days if (m.group("of") or (m.group("ord") and m.group("ord") != OPENING)) and (
        IT_WAS.search(text, max(0, m.start() - 12), m.start()) or (
            TODAY_IS.search(text, max(0, m.start() - 30), m.start())
            # (the phrase's own tense: "On the fifth day of the strike, the signs had started to sag" tells today)
            and found.reader.tense(found.reader.sentence(m.start()), m.start(), m.end(), past_an_opening=False) != "past"
            and not _aside_of_a_past(found.reader, m))))
    anchor = headlines[0] if len(headlines) == 1 else next(told_today, None)
    if anchor is None:
        return
    for m, n in days:
        day = count_strike_days(published, n - anchor)
        note = f"day {n} of the strike, counted from day {anchor} on the article's date ({published.isoformat()})"
        found.add(m, _Resolution((day.isoformat(), None), "day", "inferred", 0.5, note))


def _aside_of_a_past(reader: _Reader, m: re.Match[str]) -> bool:
    """"Since I last wrote to you, on the first day of the strike, a great deal has happened": a strike's day set off
    after a clause of another time told in the past is that clause's time, not the day the article is written on."""
    sentence = reader.sentence(m.start())
    if sentence is None or not ASIDE_ON.search(reader.text, max(sentence.start, m.start() - 6), m.start()):
        return False
    return SUBORDINATE_OPENING.match(reader.text, sentence.start) is not None and tense(reader.text[sentence.start:m.start()]) == "past"


def _weekdays_told(found: _Found) -> list[Happening]:
    """The weekdays the page tells to the day, not planned and not of no particular week ("on a Friday"), in text order."""
    text = found.reader.text
    return sorted((h for h in found.happenings if h.precision == "day" and h.start_date and h.tense != "future"
                   and WEEKDAY.match(text, h.start) and not NO_PARTICULAR_DAY.search(text, max(0, h.start - 8), h.start)),
                  key=lambda h: h.start)


def _day_beside(text: str, weekdays: list[Happening], starts: list[int], m: re.Match[str]) -> Happening | None:
    """The weekday (of `weekdays`, in text order; `starts`: where they start) told right beside a strike's numbered day, in
    its clause: "for a fifth day Friday", "Wednesday evening, the strike's third day"; None when there is none."""
    at = bisect_left(starts, m.start())
    after = weekdays[at] if at < len(weekdays) and weekdays[at].start >= m.end() else None
    before = weekdays[at - 1] if at > 0 and weekdays[at - 1].end <= m.start() else None
    if after is not None and BESIDE_DAY.fullmatch(text, m.end(), after.start):
        return after
    if before is not None and BESIDE_DAY.fullmatch(text, before.end, m.start()):
        return before
    return None


BESIDE_DAY = re.compile(r"[ \t]*,?[ \t]*(?:on[ \t]+)?")


# A sentence opened by a clause of another time ("Since I last wrote to you, …"; not "Teachers were back on the
# picket lines, on the third day of the strike": the day the story tells).
SUBORDINATE_OPENING = re.compile(r"\s*(?:Since|When|After|Before|Until|Once)\b")


ASIDE_ON = re.compile(r",\s+on\s+$")


def _a_row(text: str, m: re.Match[str], days: list[tuple[re.Match[str], int]]) -> bool:
    """A line opened by a strike's day, right above or below another such line: a timeline's row."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    neighbours = {text.rfind("\n", 0, max(0, line_start - 1)) + 1, (line_end + 1) if line_end >= 0 else -1}
    return any(o is not m and _opens_its_line(text, o) and o.start() in neighbours for o, _ in days)


def _opens_its_line(text: str, m: re.Match[str]) -> bool:
    """"Day 5: …": a line opened by a strike's day and a colon."""
    return bool(m.group("nunit")) and m.group("nunit").lower() == "day" and (m.start() == 0 or text[m.start() - 1] == "\n") \
        and text.startswith(":", m.end())


def _headline_day(text: str, m: re.Match[str]) -> bool:
    """"Day 5: Tamarack County strike rolls on": a line opened by the strike's day, that speaks of a strike."""
    if not _opens_its_line(text, m):
        return False
    line_end = text.find("\n", m.end())
    return HEADLINE_STRIKE.search(text, m.end(), line_end if line_end >= 0 else len(text)) is not None


HEADLINE_STRIKE = re.compile(r"\b(?:strike|walkout|picket)", re.I)


def _add_strike_days_from_its_first(found: _Found, published: dt.date | None,
                                    numbered: list[tuple[re.Match[str], int, str]]) -> None:
    """A strike's days told by their number ("the strike's fourth day") on a page that gives its first day by
    the calendar ("March 20 - The strike begins"): counted from that day in school days, here, so that the days
    told from them ("That same evening", "Two days later") count on from the right one."""
    if published is None:
        return
    reader = found.reader
    oldest = (published - dt.timedelta(days=LOOK_BACK_DAYS)).isoformat()  # (not a strike of years before: "last walked out in 2019")
    firsts = []
    for h in found.happenings:
        sentence = reader.sentence(h.start)
        if h.precision == "day" and h.start_date and h.start_date >= oldest and CALENDAR.match(h.expression) and h.tense != "future" \
                and sentence is not None \
                and STRIKE_BEGINS.search(reader.text, sentence.start, sentence.end) \
                and event_kin(reader.text[sentence.start:sentence.end], h.start - sentence.start) == "strike":
            firsts.append(h.start_date)
    if not firsts:
        return
    begun = dt.date.fromisoformat(min(firsts))
    # (read again: a day first read from the article's own, "on the strike's first day" in a look-back, is not today)
    found.read_again([(m, _Resolution((count_strike_days(begun, n - 1).isoformat(), None), "day", "inferred", 0.5,
                                      f"day {n} of the strike, counted in school days from its first day, {begun.isoformat()}, in the page"))
                      for m, n, unit in numbered if unit == "day" and of_a_strike(reader.text, m)])


# A sentence telling a strike's first day: "The strike begins at all 38 schools", "teachers walked out".
STRIKE_BEGINS = re.compile(r"\b(?:strike|walkout)s?\s+(?:began|begins|start(?:s|ed))\b|\bwalk(?:ed|s)? (?:out|off)\b|\bwent on strike\b", re.I)


def numbered_strike_days(text: str) -> list[tuple[re.Match[str], int, str]]:
    """Each strike day or week the text tells by its number, with the number and the unit (day, week)."""
    return [(m, n, (m.group("unit") or m.group("nunit")).lower().replace("morning", "day")) for m in STRIKE_DAY.finditer(text)
            if (n := _strike_day_number(m))]


def of_a_strike(text: str, m: re.Match[str]) -> bool:
    """The day or week counted is said to be a strike's ("of the walkout", "the strike's", "the strike …
    its"), not some other count's ("day three of talks", "its second week")."""
    return bool(m.group("of") or m.group("own") or (m.group().startswith("its") and ITS_STRIKE.search(text, max(0, m.start() - 50), m.start()))
                or (m.group("nunit") and STRIKE_BEFORE.search(text, max(0, m.start() - 9), m.start()))  # "Strike day three:"
                # "walked picket lines for the third straight day": the days in a row of the striking its clause tells
                or (STRAIGHT.search(m.group()) and STRIKING_BEFORE.search(text, max(0, m.start() - STRIKING_REACH), m.start())))


STRAIGHT = re.compile(r"\b(?:straight|consecutive)\b")
STRIKING_BEFORE = re.compile(r"\b(?:on strike|strik(?:e|es|ed|ing)|walk(?:ed|ing)? out|walked off|stayed off|off the job|picket(?:ed|ing)?|"
                             r"picket lines?)\b[^.;:!?]*$", re.I)
STRIKING_REACH = 60


def _strike_day_number(m: re.Match[str]) -> int | None:
    if m.group("n"):
        return NUMBER_WORDS.get(m.group("n").lower()) or (int(m.group("n")) if m.group("n").isdigit() else None)
    word = m.group("ord").lower()
    return STRIKE_ORDINALS.get(word) or (int(word[:-2]) if word[:-2].isdigit() else None)


def count_strike_days(known: dt.date, offset: int) -> dt.date:
    """The day `offset` strike days from a known one: weekdays from a weekday, calendar days otherwise."""
    if known.weekday() >= 5:
        return known + dt.timedelta(days=offset)
    day, step = known, (1 if offset > 0 else -1)
    for _ in range(abs(offset)):
        day += dt.timedelta(days=step)
        while day.weekday() >= 5:
            day += dt.timedelta(days=step)
    return day


# Words that tell of a happening in news of a labor dispute, for a sentence that gives it no date
# ("for the third straight day", "declined the invitation", "the offer had been rejected").
# A deal told as had ("We have a tentative agreement!"): reached, and a state now.
DEAL_HELD = r"(?:have|has) (?:a )?tentative (?:agreement|deal)"
HAPPENING_WORD = re.compile(r"\b(?:strik(?:e|es|ing)|walked out|walkout|picket(?:ed|ing|s)?|rall(?:y|ied|ies)|protest(?:ed|ing)?|"
                            r"declined|rejected|refused|voted|ratified|approved|agreed|reached|announced|met|negotiated|suspended|"
                            r"bargained|offered|proposed|presented|canceled|cancelled|closed|cast|marched|began|started|resumed|"
                            r"ended|countered|answered|filed|delivered|posted|released|issued|"
                            # "the district moved from 2.5% to 3%", "The district moved on health care": a side's move at the table
                            r"moved (?:from \$?\d|off (?:its|their|the)\b|on (?!to\b)(?:\w+ )?(?:salary|pay|wages|raises?|health|"
                            r"benefits|class|caseloads?|counselors|insurance|premiums|staffing)\b)|"
                            # meals handed out and camps run while schools are closed; a deal announced as had
                            r"hand(?:s|ed|ing) out|(?:is|are) (?:again |now )?available|day camps|" + DEAL_HELD + "|"
                            r"came down (?:from|to) \$?\d|came in with|lined up|chanted|shook hands|stayed (?:off|out|away|home)\b|"
                            r"signed up to (?:speak|testify|picket|comment)|testified|withdrew|"
                            r"spent (?:the (?:day|night|evening|afternoon|morning)|(?:about |nearly |more than |almost )?\w+ hours)|"
                            r"filled (?:the )?(?:\w+ ){0,2}(?:streets?|sidewalks?|park|room|auditorium|gym|hall|chambers|boardroom|lobby|"
                            r"plaza|square|avenue|seats)|gathered (?:outside|at|in|on|for)\b|ruled (?!out)|"
                            r"(?:denied|granted) (?:the|a|an|its|their) (?:[\w’'-]+ ){0,2}(?:request|motion|petition|bid|appeal|injunction|order)|"
                            r"(?:ran|lasted) (?:for |until |past |into )?(?:nearly |about |more than |almost )?(?:\w+ )?(?:hours?|minutes|"
                            r"midnight|the night|the evening|the afternoon|\d{1,2}(?::\d{2})? ?[ap]\.?m)|"
                            # "The vote went ahead as planned", "Talks broke down": a happening told by what became of it
                            r"went ahead|took place|(?:was|were) held|broke off|broke down|collapsed|fell apart|accepted|"
                            # "left … without an agreement", "The teams are meeting in separate rooms"
                            r"without (?:an? )?(?:agreement|deal)|(?:are|is|were|was) (?:still )?(?:meeting|negotiating|bargaining)|"
                            r"(?:made|submitted|sent|delivered) (?:a|an|its|their|the) (?:new |revised |latest )?"
                            r"(?:counter ?proposal|counteroffer|offer|proposal)|"
                            r"(?:raised|lowered|sweetened|improved|revised|cut|dropped) (?:its|their|the|his|her) (?:\w+ )?"
                            r"(?:offer|proposal|request|demand|bid|ask))\b", re.I)


# A statement made through a channel or to an audience is a happening of its own ("the union said in its
# release", "The head of the union has told parents and employees"); a bare "said" is not.
STATEMENT_MADE = re.compile(r"\b(?:said|says|wrote|writes|announced|announces)\s+(?:\w+\s+)?in\s+(?:a|an|its|their|his|her)\s+"
                            r"(?:[\w-]+\s+)?(?:statement|release|letter|email|e-mail|message|post|tweet|memo|video|news conference|"
                            r"press conference|newsletter)\b"
                            r"|\b(?:told|tells|has told|have told|informed|notified|warned|urged|spoke to|spoke with)\s+"
                            r"(?:parents|families|employees|members|staff|students|reporters|teachers|the board|lawmakers)\b"
                            # "said on a call with reporters", "said during a news conference"; "In a post on its Facebook page, the
                            # association wrote": a statement made through a channel named before or after its verb
                            r"|\b(?:said|says|told|spoke|announced)\s+(?:\w+\s+)?(?:on|during|at)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:call|news conference|press conference|briefing|livestream|town hall)\b"
                            r"|\b[Ii]n (?:a|an|its|their|his|her) (?:[\w-]+ )?(?:post|statement|email|e-mail|letter|message|tweet|video|release)\b"
                            r"[^.]{0,60}?\b(?:wrote|writes|said|says|posted)\b"
                            # "told WXYZ", "told KACR 7", "tell ClassNotes": a statement made to a newsroom
                            r"|\b(?:told|tells|tell|has told|have told)\s+(?-i:[A-Z]{2,6}(?:\s?\d{1,2})?|[A-Z][a-z]+[A-Z]\w*)\b", re.I)


STATED_NOW = re.compile(r"(?:says|writes|announces|tells)\b", re.I)


# A happening told in the present that is going on as the article is written.
ONGOING = re.compile(r"\b(?:straight|consecutive) (?:day|week|morning|afternoon|night)|\b(?:is|are) (?:still |now )?[a-z]+ing\b|\bnow\b|"
                     r"\bcontinu\w*|\bremain\w*|\bon strike\b|\bare (?:striking|picketing)|"
                     r"\benter(?:s|ed)?\b|\bstill\b|\b" + DEAL_HELD + r"\b|"
                     # "Picket lines are back up … for a second day"
                     r"\bfor (?:a|the) (?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)) day\b|\bback up\b|"
                     # "Fall sports practices are suspended.", "All schools are closed.": a state the strike keeps now
                     r"\b(?:is|are)\s+(?:closed|canceled|cancelled|suspended|shut)\b", re.I)


def find_undated(text: str, published: dt.date | None, sentence_spans: list[Span], dated: set[int],
                 days: dict[int, str] | None = None, rows: dict[int, Happening] | None = None,
                 morning: str | None = None, ahead: set[int] | None = None,
                 first_dates: dict[int, int] | None = None) -> list[Happening]:
    """A happening for each sentence (outside a quotation's words) that tells of one and holds no date
    expression (`dated`: the starts of the sentences that hold one). It is dated the day of the
    sentence before it in its paragraph when that one tells of a past day (`days`: sentence start ->
    that day): "Before the notices were delivered Wednesday, leaders invited her. She declined the
    invitation." Else the article's day: the latest it can be, for the curator to correct. Only a
    happening told as past, or as going on ("for the third straight day"): one planned, conditional or
    only spoken of ("to avoid a strike") has no date to propose. A sentence in a timeline's row (`rows`:
    line start -> the date that opens the line) is of the row's date, whatever its tense ("Monday,
    March 9<tab>The strike begins. Picket lines go up at all 22 schools."). A sentence whose dates all tell
    of plans (`ahead`) may still tell a statement made ("…, its president announced at a news conference"):
    _earlier_clause. Read once per sentence."""
    out: list[Happening] = []
    days, rows, ahead, first_dates = dict(days or {}), rows or {}, ahead or set(), first_dates or {}  # (days: added to, a copy)
    starts = [s.start for s in sentence_spans]
    before: Span | None = None
    for sentence in sentence_spans:
        previous, before = before, sentence
        row = rows.get(text.rfind("\n", 0, sentence.start) + 1)
        if sentence.start in dated:
            earlier = _earlier_clause(text, sentence, published, days.get(sentence.start), sentence.start in ahead)
            if earlier is None and sentence.start in first_dates:
                earlier = _statement_before_what_it_reports(text, sentence, first_dates[sentence.start],
                                                            row.start_date if row is not None else None, published,
                                                            days.get(sentence.start))
            if earlier is not None:
                out.append(earlier)
            continue
        if row is not None:
            out.append(replace(row, start=sentence.start, end=sentence.start, expression="", tense="present", confidence=0.5,
                               note=f"a timeline row or a live entry: the date or time {row.expression!r} at its head"))
            continue
        said = text[sentence.start:sentence.end]
        narration = blank_quoted(said, "“\"", "”\"", lambda passage: " " * len(passage))
        title = is_title(text, sentence)
        word = HAPPENING_WORD.search(narration) or STATEMENT_MADE.search(narration)
        headline_verb = TITLE_WORD.search(narration) if title else None
        if headline_verb is not None and (word is None or headline_verb.start() < word.start()) \
                and not narration[:headline_verb.start()].endswith(("to ", "To ")):  # ("Union to vote on deal": a plan)
            word = headline_verb  # "Board … rejects injunction bid as strike reaches fourth day": the headline's first verb
        if word is None:
            if previous and previous.start in days and "\n" not in text[previous.start:sentence.start] and tense(said) == "past":
                days[sentence.start] = days[previous.start]  # ("… adjourned at 12:35 a.m. Thursday. More than 90 people spoke.")
            continue
        if word.re is STATEMENT_MADE:  # the statement's own verb tells when it was made, not what it says ("would close")
            when = "present" if STATED_NOW.match(word.group()) else "past"
        else:
            when = "past" if _told_as_past(narration, word) else tense(said)
            if when == "present" and title:
                when = "past"  # a headline's present tells what has just happened ("Teachers reach tentative deal")
            if when == "future" or CONDITION.match(said) or (when == "present" and not ONGOING.search(narration)):
                continue  # planned, conditional, or a strike only spoken of ("to avoid a strike"): no date to give
        told = days.get(previous.start) if previous and when == "past" and "\n" not in text[previous.start:sentence.start] \
            and not TIME_SHIFT.search(narration) else None  # ("The union has since filed …": not the day before it)
        told_where = "the sentence before it"
        if not told and previous and when == "past" and text[previous.start:previous.end].lstrip().startswith(("“", '"')):
            # "The board met Wednesday night. / “…,” one parent said. / Members lined up out the gym doors.": past a
            # paragraph of quoted words, the day of the narration before them
            index = bisect_right(starts, previous.start) - 2
            told = days.get(sentence_spans[index].start) if index >= 0 else None
            told_where = "the narration before the quoted words above it"
        if told:
            out.append(Happening(sentence.start + word.start(), sentence.start + word.end(), word.group(), told, None, "day",
                                 "inferred", when, None, 0.4, f"no date words: read as the day of {told_where}"))
            continue
        if published and morning and when == "past" and not _up_to_now(narration):
            # a page out in the early morning tells what was done the day before (not what "has kept" them home: up to now)
            out.append(Happening(sentence.start + word.start(), sentence.start + word.end(), word.group(),
                                 (published - dt.timedelta(days=1)).isoformat(), None, "day", "inferred", when, None, 0.3,
                                 f"no date words: read as the day before the article's, the latest it can be (the page is stamped {morning!r})"))
            continue
        day = published.isoformat() if published else None
        out.append(Happening(sentence.start + word.start(), sentence.start + word.end(), word.group(), day, None, "day",
                             "inferred", when, None, 0.3,
                             "no date words: read as the article's date, the latest it can be" if day else "no date words"))
    return out


# Words moving a sentence's time off the day of the one before it: "has since filed", "Later in the week", "Back then".
TIME_SHIFT = re.compile(r"\b(?:since|later in the week|later that week|before that|after that|back then|previously|eventually|"
                        r"by then|in the meantime|meanwhile)\b", re.I)


# Words before a participle that make it no past of its own ("will be closed", "could have voted", "to be ratified").
MODAL_BEFORE = re.compile(r"\b(?:will|would|could|should|might|may|must|to|be|been|being|’ll|'ll)\s+(?:\w+\s+){0,1}$", re.I)


# "has also kept", "have remained": a present perfect of lasting tells of a state up to the time of telling (not "has
# filed", "have voted": acts done, by the evening before on a morning page).
LASTING_PERFECT = re.compile(r"\b(?:has|have|’ve|'ve)\s+(?:(?:also|now|still|long|\w+ly)\s+)?"
                           r"(?:kept|remained|stayed|lasted|continued|gone on|dragged on|been)\b", re.I)


def _up_to_now(narration: str) -> bool:
    """The sentence's past is all in present perfects of lasting ("The strike has also kept many support workers home")."""
    told = LASTING_PERFECT.sub(" ", narration)
    return told != narration and not PAST.search(told)


def _told_as_past(narration: str, word: re.Match[str]) -> bool:
    """The happening's own verb is in the past ("But it closed its three programs, saying it could not
    staff them": past, whatever "could" says later)."""
    verb = word.group().lower().split()[0]  # "walked out": "walked"
    if not PAST.fullmatch(verb) or verb in NOT_PAST:
        return False
    return not MODAL_BEFORE.search(narration, max(0, word.start() - 24), word.start())


def is_title(text: str, sentence: Span) -> bool:
    """The sentence is a line of its own with no closing stop: a headline, a deck, an entry's title."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = line_end if line_end >= 0 else len(text)
    if line_end - line_start > TITLE_LONGEST:
        return False  # read no further: a long line is no title (and a hostile one would be copied per sentence)
    line = text[line_start:line_end].strip()
    return bool(line) and text[line_start:sentence.start].strip() in ("", "—", "-") and not TITLE_END.search(line) \
        and 3 <= len(line.split()) <= 16 and line[0].isupper()


# A headline's verbs in the present ("Teachers reach tentative deal", "Support staff deliver strike notices").
TITLE_WORD = re.compile(r"\b(?:reach(?:es)?|votes?|approves?|ratif(?:y|ies)|rejects?|delivers?|files?|joins?|ends?|begins?|walks? out|"
                        r"returns?|reopens?|strikes?|rall(?:y|ies)|pickets?|closes?|"
                        # a court's, a district's or a union's act ("Judge denies injunction", "District says no to
                        # state schools chief", "Board delays vote")
                        r"denies|sues|settles?|agrees?|cancels?|postpones?|delays?|says no)\b", re.I)
TITLE_LONGEST = 200  # characters: sixteen words and their spaces, generously
TITLE_END = re.compile(r"[.!?…:][”\"’')]*$")
# "… will not be in class on Thursday after the unions finished negotiations": a past happening told
# in a clause of its own, with no date words, in a sentence dated by another.
EARLIER_HAPPENING = re.compile(r"\bafter\s+(?!noon|midnight|\d)(?:[\w’'-]+\s+){1,6}?(?P<verb>[a-z]{3,}ed|met|broke|left|went|held)\b"
                               r"(?P<rest>[^,.;:]*)")
# A strike's day being set: "teachers set Feb. 8 strike date", "Support staff set their own strike date: Oct. 26", "deliver
# strike notice", "announced a walkout date".
DATE_SET = re.compile(r"\b(?P<verb>sets?|setting|picked|picks|chose|chooses|announced|announces|delivered|delivers?|gave|gives|"
                      r"issued|issues)\b(?=[^.;]{0,40}?\b(?:strike|walkout) (?:date|notice)\b)", re.I)
WHEN_WORDS = re.compile(r"\d|\b(?:noon|midnight|morning|afternoon|evening|night|today|yesterday|tonight|week|month|year|"
                        r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
                        r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")


def _statement_before_what_it_reports(text: str, sentence: Span, first_date: int, entry_day: str | None,
                                      published: dt.date | None, reported_day: str | None = None) -> Happening | None:
    """A statement made to a newsroom or through a channel, before a clause of its own that holds the sentence's dates
    ("Szymanski told KCFI 7 the turnout was larger than on the first day"): those dates are what it reports; the
    statement is a happening of its own, on the day of the live entry it stands in (`entry_day`), else the article's,
    the latest it can be. Not when the date stands by the statement's verb ("told reporters Monday"), nor, outside a
    live entry, when what it reports (`reported_day`, the last past day its sentence tells) is more than a few days
    before the article: a look-back does not tell when the statement was made ("Cole said in a statement the district
    was disappointed that talks ended March 3", told in December)."""
    day = entry_day or (published.isoformat() if published else None)
    if day is None:
        return None
    if entry_day is None and published and reported_day and dt.date.fromisoformat(reported_day) < published - STATEMENT_LAG:
        return None
    said = text[sentence.start:first_date]
    narration = blank_quoted(said, "“\"", "”\"", lambda passage: " " * len(passage))
    statement = STATEMENT_MADE.search(narration)
    if statement is None or STATED_NOW.match(statement.group()):
        return None
    if not REPORTED_VERB.search(narration, statement.end()):
        return None  # no clause of its own between the statement and the date: the date is the statement's
    start = sentence.start + statement.start()
    return Happening(start, start + len(statement.group()), statement.group(), day, None, "day", "inferred", "past", None, 0.3,
                     "a statement made before the clause that holds its sentence's dates: read as the day of its live entry"
                     if entry_day else "a statement made before the clause that holds its sentence's dates: read as the "
                     "article's date, the latest it can be")


STATEMENT_LAG = dt.timedelta(days=3)  # how long before the article a reported happening may be for its telling to be news
# A finite verb of a reported clause ("the turnout was larger", "the board will hold").
REPORTED_VERB = re.compile(r"\s\w+\s+(?:\w+\s+){0,4}?(?:was|were|is|are|will|would|had|has|have|\w{3,}ed)\b")


def _earlier_clause(text: str, sentence: Span, published: dt.date | None, past_day: str | None,
                    all_ahead: bool = False) -> Happening | None:
    """A past happening in an "after …" clause of a sentence whose date tells of a later one
    (none when the sentence's own date is a past day already: `past_day`), or, when all its dates tell
    of plans (`all_ahead`), a strike's day being set ("set Feb. 8 strike date") or a statement made in it: at the
    article's date, the latest it can be."""
    if past_day or published is None:
        return None
    said = text[sentence.start:sentence.end]
    narration = blank_quoted(said, "“\"", "”\"", lambda passage: " " * len(passage))
    m = EARLIER_HAPPENING.search(narration)
    setting = DATE_SET.search(narration) if m is None and all_ahead and not CONDITION.match(said) else None
    if setting is not None and not MODAL_BEFORE.search(narration, max(0, setting.start() - 30), setting.start()):
        # "Kettle Prairie teachers set Feb. 8 strike date": the day set is the strike's; the setting is news, by the article's day
        start = sentence.start + setting.start("verb")
        return Happening(start, start + len(setting.group("verb")), setting.group("verb"), published.isoformat(), None, "day",
                         "inferred", "past", None, 0.3, "a strike's day set, in a sentence whose date is the strike's: the setting read "
                         "as the article's date, the latest it can be")
    if m is None:
        statement = STATEMENT_MADE.search(narration)
        if statement is None or STATED_NOW.match(statement.group()) or WHEN_WORDS.search(statement.group()) or not all_ahead:
            return None
        # "Local 58 will hold a vote Thursday evening, its president announced at a midday news conference": the
        # announcement is a happening of its own, made by the article's day
        start = sentence.start + statement.start()
        return Happening(start, start + len(statement.group()), statement.group(), published.isoformat(), None, "day", "inferred",
                         "past", None, 0.3, "a statement made in a sentence whose date tells of a plan: read as the article's date, "
                         "the latest it can be")
    if m.group("verb") in NOT_PAST or re.search(r"\b(?:will|would|be|been)\s+$", narration[:m.start("verb")]):
        return None
    if WHEN_WORDS.search(narration, m.start(), m.end()):
        return None  # the clause says when, or counts time: a date of its own
    start = sentence.start + m.start("verb")
    return Happening(start, start + len(m.group("verb")), m.group("verb"), published.isoformat(), None, "day", "inferred", "past",
                     None, 0.3, "an earlier happening in a clause with no date words: read as the article's date, the latest it can be")


class _Found:
    """The happenings found so far, and which characters of the text they cover: an expression that
    overlaps one already found is part of it, not a second date ("Friday at 10 a.m.": the time is
    the weekday's, not a time alone)."""

    def __init__(self, reader: _Reader):
        self.reader = reader
        self.happenings: list[Happening] = []
        self.taken = bytearray(len(reader.text))  # 1 under every date expression found so far

    def drop_within(self, start: int, end: int) -> None:
        """Forget the expressions found inside [start, end), for a longer one read better ("That Thursday")."""
        kept = [h for h in self.happenings if not (start <= h.start and h.end <= end)]
        for h in self.happenings:
            if start <= h.start and h.end <= end:
                self.taken[h.start:h.end] = b"\x00" * (h.end - h.start)
        self.happenings = kept

    def read_again(self, readings: list[tuple[re.Match[str], _Resolution]]) -> None:
        """Replace the expressions found at exactly these matches with these readings (at once: one pass
        over what was found, however many)."""
        spans = {(m.start(), m.end()) for m, _ in readings}
        for h in self.happenings:
            if (h.start, h.end) in spans:
                self.taken[h.start:h.end] = b"\x00" * (h.end - h.start)
        self.happenings = [h for h in self.happenings if (h.start, h.end) not in spans]
        for m, resolution in readings:
            self.add(m, resolution)

    def add(self, m: re.Match[str], resolution: _Resolution) -> bool:
        """Record the expression `m` with its sentence's tense and clock time; False (and nothing
        recorded) when it overlaps an expression found before."""
        if self.taken.find(1, m.start(), m.end()) >= 0:
            return False
        self.taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        reader = self.reader
        start_date, end_date = resolution.dates if resolution.dates else (None, None)
        sentence = reader.sentence(m.start())
        when = local_tense(reader.text, m.start(), m.end()) or reader.tense(sentence, m.start(), m.end())
        self.happenings.append(Happening(m.start(), m.end(), m.group(), start_date, end_date, resolution.precision,
                                         resolution.basis, when, resolution.time or reader.time_near(sentence),
                                         resolution.confidence, resolution.note))
        return True


FOLLOWING_BEFORE = re.compile(r"\bthe (?:following|next) $", re.I)


def _a_headline_s_day(text: str, m: re.Match[str]) -> bool:
    """A weekday in capitals that a headline in capitals tells ("TEACHERS RETURN TO CLASSROOMS MONDAY"): not a list's row
    ("MONDAY: Lincoln Elementary, 7 a.m."), a name ("CYBER MONDAY", "MONDAY NIGHT FOOTBALL") nor a span ("MONDAY THROUGH
    SATURDAY")."""
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    line = text[start:len(text) if end < 0 else end]
    return line.isupper() and len(line.split()) >= HEADLINE_WORDS and not NAMED_DAY_BEFORE.search(text, start, m.start()) \
        and not NOT_A_HEADLINE_S_DAY_AFTER.match(text, m.end())


HEADLINE_WORDS = 3
NAMED_DAY_BEFORE = re.compile(r"(?:\b(?:CYBER|BLACK|GOOD|SUPER|ASH|EASTER|GIVING|MANIC|THROUGH|TO)|[-–])\s*$")
NOT_A_HEADLINE_S_DAY_AFTER = re.compile(r"\s*(?::|NIGHT\s+(?:FOOTBALL|LIVE)|THROUGH\b|TO\s+(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|[-–])")


def _resolve_weekday_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """A weekday ("met Monday", "next Friday at noon"): the one before or after the article's date,
    as its qualifier or else its clause's tense says."""
    if m.group("day").isupper() and not _a_headline_s_day(reader.text, m):
        return None
    if m.group("cmonth"):
        return _weekday_with_date(m, published, reader)
    if FOLLOWING_BEFORE.search(reader.text, max(0, m.start() - 16), m.start("day")):
        return None  # "the following Monday": counted from the day told before it (TOLD_BEFORE)
    if m.end() == m.end("day") and WEEKDAY_BEFORE_THE_STRIKE.match(reader.text, m.end()):
        return None  # "the Monday before the walkout": counted back from the strike's first day (EVE)
    rel = (m.group("rel") or "").lower()
    direction = _weekday_direction(m, reader)
    weekday = weekday_index(m.group("day"))
    canceled = CANCELED_DAY.search(reader.text, max(0, m.start() - CANCELED_REACH), m.start()) if direction == "past" else None
    first = (canceled.group("first") or m.group("day")).capitalize() if canceled is not None else ""
    if canceled is not None and published is not None and (published.weekday() + 1) % 7 == WEEKDAYS.index(first):
        # "Classes were canceled again Thursday", told Wednesday night: the day whose classes are off, and each day of a
        # list that opens with it ("Schools were closed Thursday and Friday")
        direction = "future"
    day = resolve_weekday(published, weekday, direction, strict=rel in ("last", "next"))
    decided = _decision_day(reader.text, m, published) if direction == "future" and not rel else None
    if decided is not None:  # "decided Wednesday to close schools Thursday": the first Thursday after that Wednesday
        day = (decided + dt.timedelta(days=(weekday - decided.weekday()) % 7 or 7)).isoformat()
    if rel == "next" and day and published is not None and published.weekday() < weekday <= 4:
        # "next Friday" said on a Wednesday: the Friday of next week ("Friday" alone, or "this Friday", is two days off)
        day = (dt.date.fromisoformat(day) + dt.timedelta(days=7)).isoformat()
    reading = {"past": "previous", "future": "next"}.get(direction, "nearest")
    return _Resolution((day, None) if day else None, "day", "weekday_resolved", 0.75 if direction != "present" else 0.55,
                       f"'{m.group()}' read as the {reading} {m.group('day')}", _clock(m, prefix="w"))


def _weekday_with_date(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution:
    """"Monday, April 4": the date stated; without a year, the year within one of the article's in
    which that day is that weekday (the nearest such), else the year the tense points to."""
    month, day_of_month, weekday = _month(m.group("cmonth")), int(m.group("cday")), weekday_index(m.group("day"))
    stated = m.group("cyear")
    note = ""
    if stated:
        year: int | None = int(stated)
    elif published is None:
        year = None
    else:
        fitting = [y for y in (published.year, published.year - 1, published.year + 1) if _weekday_of(y, month, day_of_month) == weekday]
        year = fitting[0] if fitting else _year_for(published, month, day_of_month, reader.text, m, reader=reader)
        note = f"the year is the one in which {m.group('cmonth')} {day_of_month} is a {m.group('day')}" if fitting else ""
    try:
        day = dt.date(year, month, day_of_month).isoformat() if year else None
    except ValueError:
        day = None
    return _Resolution((day, None) if day else None, "day", "stated" if stated else "weekday_resolved", 0.85, note,
                       _clock(m, prefix="w"))


def _decision_day(text: str, m: re.Match[str], published: dt.date | None) -> dt.date | None:
    """The day a decision for a weekday ahead was made, when the page gives it as a weekday between the verb and its
    infinitive ("agreed Monday afternoon to return to the table Wednesday"): the last such day up to the article's."""
    decided = AGREED_TO.search(text, max(0, m.start() - AGREED_TO_REACH), m.start())
    when = DECISION_WEEKDAY.search(decided.group("when") or decided.group("vwhen") or "") if decided is not None else None
    day = resolve_weekday(published, weekday_index(when.group("day")), "past", strict=bool(when.group("last"))) if when is not None else None
    return dt.date.fromisoformat(day) if day else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _weekday_direction(m: re.Match[str], reader: _Reader) -> str:
    """Which way a weekday points: "last" and "since" back, "next" ahead; otherwise the tense of the
    verb nearest it or of its clause, and ahead in an "if"/"unless" clause (a condition still open)."""
    text = reader.text
    clause = reader.clause(reader.sentence(m.start()), m.start(), m.end())
    local = local_tense(text, m.start(), m.end())
    when = "future" if CONDITION.match(text, *clause) else local or reader.tense_of(clause)
    if when == "present" and _told_in_a_caption(reader, m.start()):
        when = "past"  # "[Photo] Board President Harlan Voight reads the results of the vote Monday night": the picture's day
    when = "future" if when == "present" and PLANNED_PRESENT.search(text, *clause) else when
    if when == "future" and local is None and _told_past_beside_a_relative(reader.words_of(clause), m.start() - clause[0],
                                                                            m.end() - clause[0]):
        when = "past"
    if when == "past" and local is None and _planned_before_the_past(reader.words_of(clause), m.end() - clause[0]):
        when = "future"  # "Thursday: members meet at 6:30 p.m. to talk about pay lost during the strike"
    if when == "past" and "day" in m.re.groupindex and POSSESSIVE_AFTER.match(text, m.end("day")) \
            and RELATIVE_OR_REPORTED.search(text, max(0, m.start() - RELATIVE_REACH), m.start()) \
            and tense(text[m.end():clause[1]]) == "present":
        # "wrote that Saturday’s picnic is “for families”": the day's appointment told in the present is the nearest,
        # whatever the reporting verb's tense (not "said Thursday's closure will be made up": a day gone, its sequel ahead)
        when = "present"
    until = UNTIL.search(text, max(0, m.start() - 10), m.start())
    if SET_FOR.search(text, max(0, m.start() - 12), m.start()) or MOVED_TO.search(text, max(0, m.start() - MOVED_REACH), m.start()) \
            or FOR_TIME.search(text, max(0, m.start() - 20), m.start()) or CALLED_BACK.search(text, max(0, m.start() - 90), m.start()) \
            or ((AGREED_TO.search(text, max(0, m.start() - AGREED_TO_REACH), m.start()) or _ordered_for(reader, m))
                and not DONE_AFTER.match(text, m.end())) \
            or _planned_in_a_headline(m, reader) \
            or (until and (when != "past" or PERFECT.search(text, *clause))):
        when = "future"  # "called both teams back for Friday", "has canceled classes through Friday": the day is ahead
    elif STATEMENT_OF.search(text, max(0, m.start() - 40), m.start()):
        when = "past"  # "In a statement Thursday, the association called …": a statement reported was made
    elif PREVIOUS.search(text, max(0, m.start() - 16), m.start()):
        when = "past"  # "At an emergency meeting the previous Thursday", "this past Friday"
    undone = UNDONE_BEFORE.search(text, max(0, m.start() - 24), m.start()) and APPOINTMENT_OF_THE_DAY.match(text, m.end("day"))
    sentence = reader.sentence(m.start())
    planned_then = PLANNED_THEN_FOR.search(text, max(0, m.start() - 40), m.start()) and sentence is not None \
        and not AHEAD_OF_NOW.search(text, sentence.start, sentence.end)  # (not "will now hold the rally it had planned for Saturday")
    was_to = WAS_TO.search(text, max(0, m.start() - WAS_TO_REACH), m.start()) if sentence is not None else None
    if was_to and (UNDONE_UP_TO_NOW.search(text, sentence.start, sentence.end)
                   or UNDONE_NEXT.match(text, sentence.end, sentence.end + UNDONE_NEXT_REACH)):
        when = "future"  # "The invitational, which the school was to host Saturday, has been canceled": the plan's day is ahead
    elif (when == "future" and CALLED_OFF.match(text, m.end())) or undone or planned_then or was_to:
        when = "present"  # "the rally set for Friday was called off", "canceled Monday’s session", "the rally it had
        # planned for Saturday": a plan undone or made then, its day either side (the nearest)
    return {"last": "past", "since": "past", "next": "future"}.get((m.group("rel") or "").lower(), when)


PREVIOUS = re.compile(r"\b(?:previous|preceding|past)\s+$", re.I)
POSSESSIVE_AFTER = re.compile(r"[’']s\b")
# A photo's caption ("[Photo] …", "[Photo: …]", "Photo: …"): told in the present, of the moment the picture was taken.
CAPTION_LINE = re.compile(r"[ \t]*(?:\[(?:photo|photos|image|images|photograph)\b|(?:photo|caption)[ \t]*:)", re.I)


def _told_in_a_caption(reader: _Reader, at: int) -> bool:
    """Whether `at` is in a photo's caption (its line opens within CAPTION_REACH) whose sentence tells no plan or
    condition ("will", "next", "scheduled", "ahead of", "if")."""
    text = reader.text
    line_start = text.rfind("\n", max(0, at - CAPTION_REACH), at) + 1
    if (line_start == 0 and at > CAPTION_REACH) or CAPTION_LINE.match(text, line_start) is None:
        return False
    sentence = reader.sentence(at)
    return sentence is None or not (AHEAD_OF_NOW.search(text, sentence.start, sentence.end)
                                    or CAPTION_PLAN.search(text, sentence.start, sentence.end))


CAPTION_REACH = 600  # characters: a caption is short
CAPTION_PLAN = re.compile(r"\b(?:scheduled|expected|plans?|planned|ahead of|if|unless|set to|upcoming)\b", re.I)
# A plan undone before a weekday's own ("canceled Monday’s bargaining session"), or made then for it ("the rally it had
# planned for Saturday morning").
# The verbs that undo a plan ("the rally set for Friday was called off", "canceled Monday’s session").
UNDOING = r"(?:canceled|cancelled|called off|scrapped|postponed|scratched|dropped)"
UNDONE_BEFORE = re.compile(rf"\b{UNDOING}\s+(?:the\s+)?$", re.I)
# A weekday's appointment ("Monday’s bargaining session"; not "Monday’s classes", called off on the day they were to be).
APPOINTMENT_OF_THE_DAY = re.compile(r"[’']s\s+(?:[\w-]+\s+)?(?:session|meeting|hearing|vote|rally|march|talks|news conference|forum)\b")
# A plan told in the past ("which the school was to host Saturday", "were scheduled to meet Monday"), and its undoing
# told as lasting up to now ("has been canceled", "have been moved"): a day still ahead.
WAS_TO = re.compile(r"\b(?:was|were)\s+(?:to|due to|supposed to|scheduled to|set to|slated to)\s+(?:[\w-]+\s+){1,3}$", re.I)
WAS_TO_REACH = 50  # characters before the weekday
# The sentence after, telling the plan undone by a pronoun ("… was to open Friday. It has been postponed"; not "Thursday's
# session has been canceled", another plan).
UNDONE_NOW = rf"(?:has|have)\s+been\s+(?:{UNDOING}|moved|pushed back|rescheduled)\b"
UNDONE_NEXT = re.compile(rf"\s+(?:It|They)\s+{UNDONE_NOW}")
UNDONE_NEXT_REACH = 60
UNDONE_UP_TO_NOW = re.compile(rf"\b{UNDONE_NOW}", re.I)
PLANNED_THEN_FOR = re.compile(r"\bhad\s+(?:been\s+)?(?:planned|scheduled|set)\s+(?:it\s+)?for\s+$", re.I)
# Classes or school called off for a day: the day whose classes are off, which a story written the night before has ahead.
CANCELED_DAY = re.compile(r"\b(?:classes|school|schools)\s+(?:were|was|have been|has been)\s+(?:canceled|cancelled|closed)"
                          r"(?:\s+again)?(?:\s+for)?\s+(?:(?P<first>" + "|".join(WEEKDAYS) + r")(?:,?\s+(?:and|or|through)\s+|,\s+))?$", re.I)
CANCELED_REACH = 50  # characters before a weekday where the cancelling and a first weekday of its list may stand


def _planned_before_the_past(words: _ClauseWords, date_end: int) -> bool:
    """A verb of a schedule in the present ("meet", "resume") opens the clause's tense before its first word in the
    past, and the date comes before that word too: the past belongs to a later phrase ("pay lost during the strike").
    `date_end` counts from the clause's start."""
    narration = words.narration
    past = words.pasts[0] if words.pasts else None
    if past is None or past.start() < date_end or not PARTICIPLE_PHRASE.match(narration, past.end()):
        return False  # (a participle before its phrase, "pay lost during the strike"; not a verb, "how it ends sat down")
    # (a verb, not a noun: "Saturday’s return to the table came after …")
    return any(not NOUN_BEFORE.search(narration, 0, verb.start()) for verb in PLANNED_PRESENT.finditer(narration, 0, past.start()))


PARTICIPLE_PHRASE = re.compile(r"\s+(?:during|in|on|at|by|for|since|over|from|to|under|with|through)\b")
NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|its|their|his|her|our))\s+$", re.I)
def _planned_in_a_headline(m: re.Match[str], reader: _Reader) -> bool:
    """A headline's "teachers to return Monday": the infinitive of a plan, in a title line (in prose, "began to return
    Monday" may tell a day gone)."""
    sentence = reader.sentence(m.start())
    return sentence is not None and INFINITIVE_OF_PLAN.search(reader.text, max(0, m.start() - 40), m.start()) is not None \
        and is_title(reader.text, sentence)


# "teachers to return Monday", "Talks to resume Thursday": a headline's infinitive tells a plan, still ahead
# (after a noun: not after a verb in -ed, "voted to return Monday", which may tell a decision about a day gone).
INFINITIVE_OF_PLAN = re.compile(r"(?:^|[;:—]\s+|\n)(?:(?![\w’'-]*ed\s)[\w’'-]+\s+){1,3}?to\s+"
                                r"(?:return|resume|reopen|restart|reconvene|vote|meet|strike|walk|begin|start|end|rally|picket|march|decide|sign|ratify|open|close)(?:\s+(?:to|in|back|out|off))?"
                                r"(?:\s+(?:class|classes|school|work|the table|the job))?\s+$")


# "a raise of 3% for next year", "the budget for this year": the year money is for, not a day of a happening.
YEAR_FOR = re.compile(r"\bfor\s+$", re.I)


def _resolve_relative_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """"Last week", "this month", "tomorrow": counted from the article's date; "late last month" is its last
    ten days. None for the year money is for ("3% for next year")."""
    if (m.group("unit") or "").lower() == "year" and YEAR_FOR.search(reader.text, max(0, m.start() - 5), m.start()):
        return None
    resolution = _Resolution(resolve_relative(published, m), _relative_precision(m), "weekday_resolved", 0.7,
                             f"'{m.group()}' resolved against the article's date")
    part = PART_BEFORE.search(reader.text, max(0, m.start() - 8), m.start())
    if resolution.precision != "month" or not resolution.dates or not part:
        return resolution
    return _month_part(dt.date.fromisoformat(resolution.dates[0]), part.group("part").lower(), resolution)


def _resolve_weekend_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution:
    """A weekend: "last" and "this past" back, "next" and "this coming" ahead, else as the tense tells
    (the weekend the article's day is in, when it is one)."""
    rel = m.group("rel").lower()
    direction = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel) \
        or _weekday_direction(m, reader)
    if published is None:
        return _Resolution(None, "week", "weekday_resolved", 0.6, "")
    if published.weekday() >= 5 and rel in ("this", "the", "over the"):
        saturday = published - dt.timedelta(days=published.weekday() - 5)
    elif direction == "past":
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7 or 7)
    else:
        saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7 or 7)
    return _Resolution((saturday.isoformat(), (saturday + dt.timedelta(days=1)).isoformat()), "week", "weekday_resolved", 0.6,
                       f"'{m.group()}' read as the {'previous' if direction == 'past' else 'coming'} Saturday and Sunday")


# "last spring", "over the summer", "next fall": a season, its three months.
SEASON = re.compile(r"\b(?P<rel>last|this|next|this past|this coming|in the|over the|during the|since the|since last|early|late)"
                    r"\s+(?P<season>spring|summer|fall|autumn|winter)\b(?!\s+(?:of|semester|term|session|break|camp|school|program|classes))",
                    re.I)
SEASON_MONTH = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}  # the first of its three


SEASON_LEFT = dt.timedelta(days=30)  # a season under way still to come, told as future, when a month of it is left


def _resolve_season_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """A season: "last" the latest one over before the article's day, "next" the first after it, else the
    one the tense points to (under way or over when past, the coming one when future)."""
    if published is None:
        return None
    rel, first_month = m.group("rel").lower(), SEASON_MONTH[m.group("season").lower()]
    direction = ("past" if rel in ("last", "this past", "since last") else "future" if rel in ("next", "this coming")
                 else _weekday_direction(m, reader))
    starts = [dt.date(published.year + shift, first_month, 1) for shift in (-2, -1, 0, 1)]
    spans = [(start, (start + dt.timedelta(days=92)).replace(day=1) - dt.timedelta(days=1)) for start in starts]
    if direction == "future" and rel in ("next", "this coming"):
        first, last = next(span for span in spans if span[0] > published)
    elif direction == "future" or rel == "this":  # "if voters turn the levy down in the spring", told in early March:
        # this spring; "this summer", told on Aug. 5, the summer under way
        first, last = next(span for span in spans if span[1] - published >= (SEASON_LEFT if rel != "this" else dt.timedelta(0)))
    elif rel in ("last", "this past", "since last"):
        first, last = [span for span in spans if span[1] < published][-1]
    else:  # told as past or now: the latest begun by the article's day
        first, last = [span for span in spans if span[0] <= published][-1]
    return _Resolution((first.isoformat(), last.isoformat()), "range", "weekday_resolved", 0.55,
                       f"'{m.group()}' read as {first:%B %Y} to {last:%B %Y}")


# "Presidents Day", "the day before Thanksgiving", "last Christmas": a named day of the calendar (not a
# break or a weekend around it, which runs days no one names).
HOLIDAY = re.compile(r"\b(?:(?i:the) (?P<shift>day|night|evening|" + "|".join(WEEKDAYS) + r") (?P<side>before|after) )?(?:(?P<rel>last|next|this) )?"
                     r"(?P<name>" + NAMED_DAY + r")\b(?![’']?s?\s+(?:break|weekend|vacation|recess|holidays?|week)\b)")


def _resolve_named_day(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """A named day in the year its tense points to: the last one by the article's day when past, the next
    from it when future, else the nearest; a day before or after it counted from it."""
    if published is None:
        return None
    days = [_beside(d, m.group("shift"), m.group("side")) for year in (published.year - 1, published.year, published.year + 1)
            if (d := named_day(m.group("name"), year))]
    direction = _weekday_direction(m, reader)
    if direction == "past":
        day = max(d for d in days if d <= published)
    elif direction == "future":
        day = min(d for d in days if d >= published)
    else:
        day = min(days, key=lambda d: abs((d - published).days))
    return _Resolution((day.isoformat(), None), "day", "weekday_resolved", 0.8,
                       f"'{m.group()}' read as {day.isoformat()}, in the year the tense points to")


def _beside(day: dt.date, shift: str | None, side: str | None) -> dt.date:
    """The day before or after `day` ("the night before"), or the weekday nearest before or after it ("the
    Monday after Easter"); `day` itself with no shift."""
    if not shift:
        return day
    sign = -1 if side == "before" else 1
    weekday = WEEKDAYS.index(shift) if shift in WEEKDAYS else None
    steps = 1 if weekday is None else ((weekday - day.weekday()) * sign - 1) % 7 + 1
    return day + dt.timedelta(days=sign * steps)


def _relative_precision(m: re.Match[str]) -> str:
    """A week for "last week", a month for "next month", a year for "next year", a day for "yesterday"."""
    unit = m.group("unit") or (m.groupdict().get("span") if m.groupdict().get("ago") and not m.groupdict().get("exact") else None)
    if unit and unit.lower() == "month" and (m.groupdict().get("rel") or "").lower() in ("earlier this", "later this"):
        return "range"  # the days of the month before, or after, the article's
    return (unit or "day").lower()


def _resolve_calendar_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """A month and day ("March 3", "Oct. 3, 2019"); without a year, the year the tense points to.
    None for what only looks like one: "May." ending a sentence, or a day the month does not have."""
    if _may_ends_a_sentence(m, reader.text):
        return None
    month, day_of_month = _month(m.group("month")), int(m.group("day"))
    stated = m.group("year")
    year = int(stated) if stated else _year_for(published, month, day_of_month, reader.text, m, reader=reader)
    try:
        day = dt.date(year, month, day_of_month).isoformat() if year else None
    except ValueError:  # "Feb. 30"
        return None
    return _Resolution((day, None) if day else None, "day", "stated" if stated else "weekday_resolved", 0.85, "")


def _may_ends_a_sentence(m: re.Match[str], text: str) -> bool:
    """"May" takes no abbreviating period, so in "... in May. 12 schools ..." the number begins the
    next sentence: it is not the day of the month."""
    return m.group("month") == "May" and not m.group("year") and not SPACED_DIGIT.match(text, m.end("month"))


def _resolve_day_of_month_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution:
    """"By the 15th": that day of the article's month, or of the next when it has passed and the
    sentence does not tell it as past."""
    return _Resolution(_day_of_month(published, int(m.group("day")), reader.text, m, reader), "day", "inferred", 0.5,
                       f"'{m.group()}' read as a day of the article's month or the next")


MONTH_DIRECTION = {"since": "past", "back in": "past", "last": "past", "next": "future"}  # a preposition that says the tense


def _resolve_month_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """"In March", "since August 2024": the first of that month, in the year stated or else the one
    its preposition or tense points to. None when the article's date is unknown and no year is stated."""
    month = _month(m.group("month"))
    stated = m.group("year")
    if m.group("prep").lower() == "that" and not stated:
        return None  # "settled that October": of the year told before it (_add_that_month)
    if stated:
        year: int | None = int(stated)
    elif m.group("relyear") and published:  # "February of last year"
        year = published.year + {"last": -1, "this": 0, "next": 1}[m.group("relyear")]
    else:
        year = _year_for(published, month, 1, reader.text, m, MONTH_DIRECTION.get(m.group("prep").lower()), reader)
    if not year:
        return None
    note = "" if stated else f"the year of '{m.group()}' is read against the article's date" + ("" if m.group("relyear") else " and the tense")
    part = (m.group("part") or m.group("prep")).lower().rstrip("-")
    return _month_part(dt.date(year, month, 1), part, _Resolution((dt.date(year, month, 1).isoformat(), None), "month",
                                                                  "stated" if stated else "inferred", 0.6, note))


# "ran out at the end of August", "by the end of June 2026": the month's last day.
END_OF_MONTH = re.compile(r"\b(?i:the end of) " + MONTH + r"(?!\s+\d{1,2}\b)(?:,?\s+(?P<year>(?:19|20)\d{2}))?\b")


def _resolve_end_of_month(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    month = _month(m.group("month"))
    stated = m.group("year")
    year = int(stated) if stated else _year_for(published, month, 28, reader.text, m, reader=reader)
    if not year:
        return None
    last = (dt.date(year, month, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return _Resolution((last.isoformat(), None), "day", "stated" if stated else "inferred", 0.6,
                       "" if stated else f"'{m.group()}' read as the month's last day, in the year the tense points to")


# "reached a tentative agreement shortly before midnight": told as past, the night before the article's day
# (a story dated the day it closes with midnight would have been posted in that day's last minutes).
BEFORE_MIDNIGHT = re.compile(r"\b(?:(?:shortly|just|right|minutes|moments|sometime|some time) )?before midnight\b", re.I)
ENTRY_REACH = 1500  # characters back to a live entry's time stamp


def _resolve_before_midnight(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    told = local_tense(reader.text, m.start(), m.end()) or reader.tense(reader.sentence(m.start()), m.start(), m.end())
    if published is None or told != "past":
        return None
    if DAY_JUST_TOLD.search(reader.text, max(0, m.start() - 24), m.start()):
        return None  # "Four weeks ago tonight, just before midnight": the time of the day just told
    stamps = list(ENTRY_STAMP.finditer(reader.text, max(0, m.start() - ENTRY_REACH), m.start()))
    if stamps and (stamps[-1].group("half") or "").lower() == "p":
        return None  # in a live entry posted that evening ("11:58 p.m. … shortly before midnight"): its own day
    return _Resolution(((published - dt.timedelta(days=1)).isoformat(), None), "day", "inferred", 0.5,
                       f"'{m.group()}' told as past: the night before the article's date")


# "voted 5-2 shortly after midnight": told as past with no day of its own, the small hours of the article's day (a story
# can tell a time after midnight as gone only once that day has begun).
AFTER_MIDNIGHT = re.compile(r"\b(?<!until )(?:shortly|just|right|soon|(?:a few )?minutes|moments|a little) after midnight\b", re.I)


def _resolve_after_midnight(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    sentence = reader.sentence(m.start())
    told = local_tense(reader.text, m.start(), m.end()) or reader.tense(sentence, m.start(), m.end())
    if published is None or told != "past" or sentence is None \
            or DAY_RIGHT_AFTER.match(reader.text, m.end()):
        return None  # (a day of its own: "shortly after midnight Thursday")
    low = sentence.start
    for _ in range(DAY_NEAR_SENTENCES):
        before = reader.spans.before(low)
        low = before.start if before is not None else low
    if DAY_TOLD.search(reader.text, low, m.start()):
        return None  # the night of a day told just before ("a session that started Sunday … broke off shortly after midnight",
        # "… and so, early Friday, was a noon march. The break came a little after midnight."), or of another year
    return _Resolution((published.isoformat(), None), "day", "inferred", 0.5,
                       f"'{m.group()}' told as past: the small hours of the article's date")


# A day named: a weekday, today or yesterday, a month's day.
DAY_NAMED = rf"(?:{'|'.join(WEEKDAYS)}|today|yesterday|{MONTH_WORD}\s+\d{{1,2}})"
DAY_TOLD = re.compile(rf"\b(?:{DAY_NAMED}|tonight|last night|(?:19|20)\d\d)\b", re.I)
DAY_NEAR_SENTENCES = 2  # how many sentences back a day told makes "after midnight" that day's night
DAY_RIGHT_AFTER = re.compile(rf",?\s+(?:on\s+)?{DAY_NAMED}", re.I)


DAY_JUST_TOLD = re.compile(rf"\b(?:tonight|{DAY_NAMED}),?\s+(?:(?:at|until|till|by)\s+)?$", re.I)


# "early", "mid-" and "late" in a month: its first, middle and last ten days (as the curators read
# "late 2021" as its last quarter).
MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
PART_BEFORE = re.compile(r"\b(?P<part>early|late|mid)[-\s]+$", re.I)


def _month_part(first: dt.date, part: str, whole: _Resolution) -> _Resolution:
    """The part of a month `part` names, as a range of days; the whole month otherwise."""
    if part not in MONTH_PARTS:
        return whole
    low, high = MONTH_PARTS[part]
    last = ((first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)).day
    return _Resolution((first.replace(day=low).isoformat(), first.replace(day=min(high, last)).isoformat()), "range", whole.basis,
                       whole.confidence, f"{whole.note}; '{part}' read as days {low} to {min(high, last)}".lstrip("; "))


def _resolve_year_mention(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution:
    """"In 2019", "since late 2024": the year alone; "early" or "late" is said in the note, not dated."""
    part = m.group("part")
    note = f"only the year is a date; '{part.strip()}' stays in the description" if part else ""
    return _Resolution((f"{m.group('year')}-01-01", None), "year", "stated", 0.7, note)


# "April 2025<tab>The district opens contract talks": a month and year opening a timeline's row.
# (with no year, only before a dash or a tab: "April: We just want a fair contract." is a transcript's speaker)
ROW_MONTH = re.compile(r"^[ \t]*" + MONTH + rf"(?:[ \t]+(?P<year>(?:19|20)\d{{2}})(?={ROW_AFTER_DATE.pattern})"
                       r"|(?=[ \t]*(?:\t|[—–]|-\s)))", re.M)


def _resolve_row_month(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    """A timeline's row opened by a month ("March 2034: Bargaining begins.", "February — Bargaining opens"): without
    a year, the nearest such month, which _add_timeline_order puts in order with the rows after it."""
    month = _month(m.group("month"))
    if m.group("year"):
        return _Resolution((dt.date(int(m.group("year")), month, 1).isoformat(), None), "month", "stated", 0.6, "")
    if published is None:
        return None
    year = _year_told_as(published, (month, 1), "present")
    return _Resolution((dt.date(year, month, 1).isoformat(), None), "month", "inferred", 0.5,
                       f"a timeline's row opened by '{m.group()}': the year read against the article's date and the rows after it")


def _add_timeline_order(found: _Found) -> None:
    """A timeline's rows run in order: a row whose year was not stated and falls after the row below it is of the
    year before ("February — Bargaining opens … / … / Oct. 8 — The strike begins", told in October: last February,
    not the coming one), when that puts it in order. Rows are lines opened by a day of a month, a month or a season
    (not a weekday, nor a live entry's clock time), one below the other with blank lines or undated rows between;
    read from the last row up, unless the rows' days run back in the main (a page's days, newest first)."""
    text = found.reader.text
    rows = sorted(((i, h) for i, h in enumerate(found.happenings) if h.start_date and h.precision in ("day", "month", "range")
                   and not text[text.rfind("\n", 0, h.start) + 1:h.start].strip() and ROW_AFTER_DATE.match(text, h.end)
                   and not CLOCK.match(h.expression) and not WEEKDAY_IN.search(h.expression)), key=lambda row: row[1].start)
    blocks: list[list[tuple[int, Happening]]] = []
    for numbered in rows:
        if blocks and _next_row(text, blocks[-1][-1][1], numbered[1]):
            blocks[-1].append(numbered)
        else:
            blocks.append([numbered])
    for block in blocks:
        days = [str(h.start_date) for _, h in block if h.precision == "day" and h.basis != "stated"]  # (a year given says nothing)
        if sum(a > b for a, b in pairwise(days)) > sum(a < b for a, b in pairwise(days)):
            continue
        for k in range(len(block) - 2, -1, -1):
            (i, row), below = block[k], block[k + 1][1]
            earlier = _to_the_day_back(dt.date.fromisoformat(str(row.start_date)), 1, "year").isoformat()
            if row.basis != "stated" and str(row.start_date) > str(below.start_date) >= earlier:
                row = replace(row, start_date=earlier,
                              end_date=_to_the_day_back(dt.date.fromisoformat(row.end_date), 1, "year").isoformat() if row.end_date else None)
                found.happenings[i] = row
                block[k] = (i, row)


WEEKDAY_IN = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")


def _next_row(text: str, row: Happening, below: Happening) -> bool:
    """Whether `below` is the next row of `row`'s timeline: the lines between are blank or undated rows."""
    between = text[text.find("\n", row.end):text.rfind("\n", 0, below.start) + 1]
    return all(ROW_SHAPED.match(line) for line in between.splitlines()[1:] if line.strip())


# A line opened by a few words before a dash, a colon or a tab: a timeline's row, dated or not ("That spring — …").
ROW_SHAPED = re.compile(r"[ \t]*(?:[\w’'.,-]+[ \t]+){0,3}[\w’'.,-]+[ \t]*(?:[—–:]|\t)")


# A live page's entry stamp, opening its line: with its title after a dash ("6:40 p.m. — Rally fills City
# Hall plaza"), or alone over it ("3:05 p.m." / "Hundreds rally outside the talks"). The entry is on the
# day of its part of the page, at its time.
ENTRY_STAMP = re.compile(r"^[ \t]*(?:(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?[ \t]*(?P<half>[ap])\.?m\.?|(?P<noon>[Nn]oon))"
                         r"(?:(?=[ \t]*(?P<titled>[—–|:-])[ \t]*\S)|[ \t]*$)", re.M)
# A live entry's stamp that names its day ("12:52 a.m. Saturday"): read only for where a page crosses midnight
# (a line "7 p.m. Thursday" is as often a listing of something ahead).
ENTRY_STAMP_WITH_DAY = re.compile(r"^[ \t]*(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?[ \t]*(?P<half>[ap])\.?m\.?"
                                  rf"[ \t]+(?P<weekday>{WEEKDAY_NAME})[ \t]*$", re.M)


def _resolve_entry_stamp(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution | None:
    if not m.group("titled"):
        return None  # a stamp alone dates the title under it (stamp_rows)
    return _Resolution((published.isoformat(), None) if published else None, "day", "inferred", 0.5,
                       "a live entry's time stamp: the day it was posted", _clock(m))


def clock_minutes(m: re.Match[str]) -> int | None:
    """Minutes after midnight of a clock time matched with TIME's groups."""
    clock = _clock(m)
    return int(clock[:2]) * 60 + int(clock[3:]) if clock else None


# "On the eve of the strike", "the night before the walkout", "the Monday before the strike": a day before
# the strike's first day, which the page tells elsewhere (extract.coreference dates it).
BEFORE_THE_STRIKE = r"(?:the|a|its|their) (?:[\w’'-]+ ){0,2}?(?:strike|walkout)\b"
EVE = re.compile(r"\b(?:(?:the )?eve of |the (?:day|night|evening|" + "|".join(WEEKDAYS) + r") before )" + BEFORE_THE_STRIKE, re.I)
WEEKDAY_BEFORE_THE_STRIKE = re.compile(r" before " + BEFORE_THE_STRIKE, re.I)
EVE_NOTE = "a day before the strike, counted back from its first day"


def _resolve_eve(m: re.Match[str], published: dt.date | None, reader: _Reader) -> _Resolution:
    return _Resolution(None, "day", "inferred", 0.4, EVE_NOTE)


Resolver = Callable[[re.Match[str], dt.date | None, "_Reader"], "_Resolution | None"]
# The patterns in the order they claim the text: where matches of two overlap, the pattern earlier
# here keeps the text. The order is therefore part of the rules; change it with
# `strikedata extract --evaluate` in view. (Times alone are read after all of these: _add_times_alone.)
RESOLVERS: tuple[tuple[re.Pattern[str], Resolver], ...] = (
    (HOLIDAY, _resolve_named_day),  # before weekdays: "the Monday after Easter" is one day
    (WEEKDAY, _resolve_weekday_mention),
    (RELATIVE, _resolve_relative_mention),
    (WEEKEND, _resolve_weekend_mention),
    (SEASON, _resolve_season_mention),
    (END_OF_MONTH, _resolve_end_of_month),
    (BEFORE_MIDNIGHT, _resolve_before_midnight),
    (AFTER_MIDNIGHT, _resolve_after_midnight),
    (CALENDAR, _resolve_calendar_mention),
    (DAY_OF_MONTH, _resolve_day_of_month_mention),
    (MONTH_ONLY, _resolve_month_mention),
    (YEAR_ONLY, _resolve_year_mention),
    (EVE, _resolve_eve),
    (ROW_MONTH, _resolve_row_month),
    (ENTRY_STAMP, _resolve_entry_stamp),
)
# Words every match of a resolver's pattern holds, found at once in the text folded to lower case: the
# pattern is tried only around them (tried at every position of a long article, each took a fifth of a
# second to half a second). A pattern without one is tried everywhere.
RESOLVER_ANCHORS: dict[re.Pattern[str], re.Pattern[str]] = {
    HOLIDAY: re.compile(NAMED_DAY, re.I),
    RELATIVE: re.compile(r"ago|last|next|this|yesterday|today|tonight|tomorrow"),
    WEEKEND: re.compile(r"weekend"),
    BEFORE_MIDNIGHT: re.compile(r"midnight"),
    AFTER_MIDNIGHT: re.compile(r"midnight"),
    SEASON: re.compile(r"spring|summer|fall|autumn|winter"),
    MONTH_ONLY: re.compile("|".join([*MONTHS, *MONTH_ABBREVIATIONS]).lower()),
    YEAR_ONLY: re.compile(r"(?:19|20)\d\d"),
}


def _add_times_alone(found: _Found, published: dt.date | None, stamped: PageClock | None = None) -> None:
    """"At 11 a.m., the union will rally": a time with no day is the article's day; the day before when it is
    told as past and is later on the clock than the page's last stamp ("At 8:40 p.m., the president read the
    count" on a page updated at 8:15 a.m.: the count was read the evening before); the day after when it is told
    as planned and is earlier than the page's first stamp ("Picket lines will go up at 7 a.m." on a page posted at
    9:10 p.m.). Read last, and
    only in a sentence that holds no date expression, since a time beside a date belongs to that date;
    or in one whose date expression is in another clause that tells of an earlier happening
    ("Negotiators returned to the table at 10 a.m., … since talks broke down late Sunday")."""
    reader = found.reader
    text = reader.text
    dated: dict[int, list[Happening]] = {}
    for h in found.happenings:
        sentence = reader.sentence(h.start)
        if sentence:
            dated.setdefault(sentence.start, []).append(h)
    cues: dict[int, int] = {}
    days_told = sorted((h for h in found.happenings if h.precision == "day" and h.start_date), key=lambda h: h.start)
    days_told_at = [h.start for h in days_told]

    def told(sentence, h: Happening) -> None:  # a time read is itself a day told, for the times after it
        if sentence:
            dated.setdefault(sentence.start, []).append(h)
        if h.precision == "day" and h.start_date:
            at = bisect_left(days_told_at, h.start)
            days_told.insert(at, h)
            days_told_at.insert(at, h.start)
    for m in TIME_ALONE.finditer(text):
        sentence = reader.sentence(m.start())
        went_on = _gone_on_past_midnight(text, m, sentence, dated.get(sentence.start, []) if sentence else [], cues)
        if went_on is not None and sentence is not None:  # "Talks that had resumed at 8:30 a.m. Friday ran through the evening,
            # and at 2:15 a.m. …"
            after_midnight = (dt.date.fromisoformat(went_on.start_date or "") + dt.timedelta(days=1)).isoformat()
            if found.add(m, _Resolution((after_midnight, None), "day", "inferred", 0.45, f"a time in the small hours after {went_on.expression!r} "
                                        f"({went_on.start_date}) went on into the night: the next day", _clock(m))):
                told(sentence, found.happenings[-1])
            continue
        if sentence and sentence.start in dated and not all(_another_clause(text, m, h, sentence.start) for h in dated[sentence.start]):
            continue
        told_as = reader.tense(sentence, m.start(), m.end()) if sentence is not None else None
        if told_as == "present" and sentence is not None and _scheduled(text, sentence, m.start()):
            told_as = "future"  # "picket lines go up at 7 a.m.", "The meeting begins at 6 p.m.": a schedule, ahead
        said = SAID_AT.search(text, max(sentence.start, m.start() - SAID_AT_REACH), m.start()) if told_as == "future" and sentence else None
        if said is not None and not TO_BE_BEFORE.search(text, max(0, said.start() - 12), said.start()):
            told_as = "past"  # "The district announced at 5 p.m. that schools will stay closed": the time of the saying (not
            # "Families will be told by text message at 6 a.m.")
        goes_on = sentence is not None and (PRONOUN_SUBJECT.match(text, sentence.start) is not None or told_as in ("future", "past"))
        source = _day_before(reader, sentence, dated, future=told_as == "future", past=told_as == "past") if goes_on else None
        if source is None and sentence is not None and told_as == "past":
            source = _day_of_its_kin(reader, sentence, m.start(), dated)
        day = _day_gone_on_to(reader, source, _clock(m), GONE_ON.match(m.group()) is not None) if source else None
        if day:  # "Friday’s session went worse. It broke off shortly before 6 p.m.": the day of the sentence it goes on from
            # ("Talks resumed Friday. The staff union settled first, at about 8:15 p.m.": told as past, so the same day)
            resolution = _Resolution((day, None), "day", "inferred", 0.45, "a time in a sentence that goes on from the one "
                                     "before it (its subject a pronoun, or told as past or future): read as that sentence's day",
                                     _clock(m))
        elif published and stamped and stamped.last and told_as == "past" and (_clock(m) or "") > stamped.last:
            resolution = _Resolution(((published - dt.timedelta(days=1)).isoformat(), None), "day", "inferred", 0.4,
                                     f"a time told as past, later on the clock than the page's last stamp "
                                     f"({stamped.last_line!r}): the day before the article's", _clock(m))
        elif published and stamped and told_as == "future" and _clock(m) and (_clock(m) or "") < stamped.first:
            resolution = _Resolution(((published + dt.timedelta(days=1)).isoformat(), None), "day", "inferred", 0.4,
                                     f"a time told as planned, earlier on the clock than the page was first stamped "
                                     f"({stamped.first}): the day after the article's", _clock(m))
        elif published and sentence is not None and told_as == "past" and (_clock(m) or "") >= EVENING \
                and not (stamped and max(stamped.first or "", stamped.last or "") >= (_clock(m) or "")) \
                and _the_day_before_told(days_told, days_told_at, reader, sentence, published):  # (not on a page stamped later that evening)
            resolution = _Resolution(((published - dt.timedelta(days=1)).isoformat(), None), "day", "inferred", 0.4,
                                     "an evening's time told as past, a few sentences after the day before the article's: "
                                     "that evening", _clock(m))
        else:
            resolution = _Resolution((published.isoformat(), None) if published else None, "day", "inferred", 0.45,
                                     "a time with no day: read as the article's date", _clock(m))
        if found.add(m, resolution):
            told(sentence, found.happenings[-1])


EVENING_REACH = 6  # sentences back to the day before the article's, whose evening a time told as past from EVENING on is


def _the_day_before_told(days: list[Happening], starts: list[int], reader: _Reader, sentence, published: dt.date) -> bool:
    """Whether the day before the article's is told as past in the few sentences before `sentence` ("for Wednesday's
    meeting … At 9:40 p.m., the board recessed", on Thursday's page), and no other day since. `days`: the happenings
    told to the day, in text order; `starts`: where they start. Of the days the last sentence telling any tells, one is
    it and none is later ("voted Thursday night …, a day after the support staff union reached a deal of its own")."""
    last = _last_told(days, starts, reader, sentence.start, EVENING_REACH)
    told_with = reader.sentence(last.start) if last is not None else None
    if last is None or told_with is None:
        return False
    before = (published - dt.timedelta(days=1)).isoformat()
    with_it = [h for h in days[bisect_left(starts, told_with.start):bisect_left(starts, told_with.end)] if h.tense != "future"]
    return any(h.start_date == before for h in with_it) and all((h.start_date or "") <= before for h in with_it)


def _gone_on_past_midnight(text: str, m: re.Match[str], sentence, dated: list[Happening], cues: dict[int, int]) -> Happening | None:
    """The day, told before a time in the small hours in its sentence, that the words between tell went on into the
    night ("resumed at 8:30 a.m. Friday ran through the evening, and at 2:15 a.m."); None when there is none, or when
    a day is told right after the time ("at 4 a.m. Monday": that day's). `cues`: a day's start -> where the first
    words of a night gone on stand after it in its sentence (-1: none), read once per day."""
    clock = _clock(m)
    if clock is None or clock >= SMALL_HOURS_END or sentence is None:
        return None
    before = [h for h in dated if h.end <= m.start() and h.precision == "day" and h.start_date]
    if not before or any(0 <= h.start - m.end() <= 2 for h in dated):
        return None
    day = before[-1]
    if day.start not in cues:
        cue = INTO_THE_NIGHT.search(text, day.end, sentence.end)
        cues[day.start] = cue.start() if cue else -1
    return day if 0 <= cues[day.start] < m.start() else None


INTO_THE_NIGHT = re.compile(r"\b(?:through|into|past|after|until)\s+(?:the\s+)?(?:evening|night|midnight)\b|\bovernight\b", re.I)
# A sentence that goes on from the one before it: its subject a pronoun ("It broke off at 6 p.m.").
PRONOUN_SUBJECT = re.compile(r"\s*(?:It|They|He|She)\b")


def _day_gone_on_to(reader: _Reader, source: Happening, clock: str | None, went_on: bool) -> str | None:
    """The day of a time that goes on from `source`: its day, or the next when the time is in the small hours and
    `source` began in the day, at the one time its sentence tells ("On Friday, they started again at 9 a.m. Shortly
    after 2 a.m., they had a deal."; not after "at 9 a.m. Thursday … until nearly 3 a.m. Friday", two times)."""
    day = source.start_date
    told = reader.sentence(source.start)
    one_time = told is not None and len(CLOCK.findall(reader.text, told.start, told.end)) == 1
    if day and clock and one_time and source.time_local and clock < SMALL_HOURS_END <= source.time_local and went_on:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    return day


SMALL_HOURS_END = "05:00"  # a time before it, after a day's session that began later on the clock, is past midnight
# A time told as reached by what went on ("Shortly after 2 a.m.", "until 3 a.m."), not one told alone ("lined up at 3 a.m.").
GONE_ON = re.compile(r"(?:(?:shortly |just |right |soon )?after|until|till|past|by)\b", re.I)


def _day_before(reader: _Reader, sentence, dated: dict[int, list[Happening]], future: bool = False,
                past: bool = False) -> Happening | None:
    """The last happening told to the day in the sentence before `sentence` in its paragraph (a day ahead,
    told as future, when `future`: "Schools will be closed Wednesday. … Picket lines will go up at 7:15 a.m."; none
    told as future, when `past`: "… says he will rule Wednesday. The hearing, which began at 1:30 p.m., ran …")."""
    previous = reader.spans.before(sentence.start)
    if previous is None or "\n" in reader.text[previous.end:sentence.start]:
        return None
    days = [h for h in dated.get(previous.start, []) if h.precision == "day" and h.start_date
            and (not future or h.tense == "future") and not (past and h.tense == "future")]
    return days[-1] if days else None


KIN_REACH = 3  # sentences back, across one paragraph break, to a happening of the time's kin


def _day_of_its_kin(reader: _Reader, sentence, position: int, dated: dict[int, list[Happening]]) -> Happening | None:
    """The last happening of the same kin told as past, to the day, a few sentences back ("Members voted
    yesterday to ratify it. … Voting ran from 6 a.m. to 8 p.m."): the time's happening is that one."""
    text = reader.text
    kin = event_kin(text[sentence.start:sentence.end], position - sentence.start)
    if kin in ("other", "statement", "announcement"):
        return None
    previous, breaks = sentence, 0
    for _ in range(KIN_REACH):
        earlier = reader.spans.before(previous.start)
        if earlier is None:
            return None
        breaks += "\n" in text[earlier.end:previous.start]
        if breaks > 1:
            return None
        previous = earlier
        for h in reversed(dated.get(previous.start, [])):
            if h.precision == "day" and h.start_date and h.tense == "past" \
                    and event_kin(text[previous.start:previous.end], h.start - previous.start) == kin:
                return h
    return None


# A date that opens its clause with "since" ("since Tuesday"): the state it began, an earlier happening.
SINCE_ITSELF = re.compile(r"since\b", re.I)


def since_a_day(text: str, happening: Happening) -> bool:
    """Whether a date is told as the start of a span ("its first movement since Jan. 28"): the day of an
    earlier happening, not of the one its sentence tells."""
    return SINCE_ITSELF.match(happening.expression) is not None or \
        SINCE_CLAUSE_BEFORE.search(text, max(0, happening.start - SINCE_CLAUSE_REACH), happening.start) is not None


# "since" just before a date, or opening the clause the date ends ("the first session since talks broke off at
# 11:40 p.m. Sunday": the breaking off began the span; not past "and": "since the strike began and on Monday they …").
SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+(?:(?:[ap]\.m\.|\d:\d|(?!\s(?:and|but|while|as)\s)[^,.;:!?“”\n])*\s)?$", re.I)
SINCE_CLAUSE_REACH = 60
# What opens the clause of an earlier happening after the main one: "…, since talks broke down Sunday".
EARLIER_CLAUSE = re.compile(r",?\s+(?:[\w’'-]+\s+){0,3}?(?:since|after|hours after|days after|when|once)\b", re.I)


def _another_clause(text: str, m: re.Match[str], happening: Happening, sentence_start: int) -> bool:
    """Whether a time alone (`m`) and a date expression of its sentence tell of two happenings: the
    date comes after the time, in a clause that "since", "after" or "when" opens between them, or in a comparison
    with an earlier figure ("up from the 3.5% it offered last week"); or in one
    joined by "and"/"but" that tells a plan, the time's own clause told as past ("The session broke up at
    about 10:30 p.m., and the union said it would answer Thursday")."""
    if happening.start <= m.end():
        return False
    if EARLIER_CLAUSE.search(text, m.end(), happening.start) is not None or SINCE_ITSELF.match(happening.expression):
        return True  # ("shortly after 3 a.m., still wearing the cap he had worn on the picket line since Tuesday")
    if COMPARED_WITH_EARLIER.search(text, m.end(), happening.start) is not None:  # (the date within the comparison's words)
        return True  # "By about 11:30 p.m., the district had put a 3.75% raise on the table, up from the 3.5% it offered last week"
    if WHAT_IT_SAYS.search(text, m.end(), happening.start) is not None:
        return True  # "Its 26-page response, filed at 4:48 p.m., says the district declared an impasse in December"
    if happening.tense == "future" and (REPORTED_PLAN.search(text, m.end(), happening.start) is not None or (
            SAYING.search(text, max(sentence_start, m.start() - SAYING_REACH), m.start()) and THAT.search(text, m.end(), happening.start))):
        # "At a news conference at 1 p.m., she confirmed that buses will run tomorrow", "said at a 9 a.m. news
        # conference that schools will be closed again Wednesday": the time is the saying's
        return True
    return happening.tense == "future" and JOINED_CLAUSE.search(text, m.end(), happening.start) is not None \
        and tense(text[sentence_start:m.end()]) == "past"


JOINED_CLAUSE = re.compile(r"[,;]\s+(?:and|but)\b")
# A figure compared with an earlier one, the date within the comparison's words and so that one's ("…, up from the 3.5% it
# offered last week"; not "…, up from 3.5%, in the marathon session Thursday").
COMPARED_WITH_EARLIER = re.compile(r",\s+(?:up|down)\s+from\b(?:[^,;:.]|\.(?=\d))*$")
# What a paper or a speaker says, in the present, after the time it was filed or spoken at: its dates are its content's.
WHAT_IT_SAYS = re.compile(r"\b(?:says|argues|claims|contends|alleges|asserts|accuses)\b(?!\s*,)")  # (not "Cortes says, …")
# A verb of saying and the "that" of what it reports: a plan reported is not the day of its reporting.
SAYING_VERB = (r"(?:said|says|confirmed|confirms|announced|announces|told\s+(?:[\w’'-]+\s+){1,3}?|wrote|writes|"
               r"added|noted|explained|promised|promises|warned|warns)")
REPORTED_PLAN = re.compile(rf"\b{SAYING_VERB}\s+that\b")
# The verb of saying before a time it was said at ("said at a 9 a.m. news conference that …").
SAYING = re.compile(rf"\b{SAYING_VERB}\s+(?:(?:at|in|during|on)\s+(?:an?|the|his|her|its|their)\s+)?$")
SAYING_REACH = 40  # characters back from a time to the verb of saying it was said at
# A saying in the past the time is of ("announced at 5 p.m.", "confirmed in a text message at 4:58 a.m."): no "that",
# and no other verb, between them.
SAID_AT = re.compile(rf"\b(?:{SAYING_VERB}|posted|tweeted)"
                     r"(?:\s+(?:in|on|at|during|by)\s+(?:an?|the|his|her|its|their)?\s*(?:[\w-]+\s+){0,2}?)?\s*(?:at\s+|shortly\s+after\s+|just\s+after\s+)?$")
SAID_AT_REACH = 60
TO_BE_BEFORE = re.compile(r"\b(?:be|been|being)\s+$", re.I)
THAT = re.compile(r"\bthat\b")


@dataclass(frozen=True)
class _ClauseWords:
    narration: str
    futures: list[re.Match[str]]
    pasts: list[re.Match[str]]


class _Reader:
    """What find_happenings asks about the text around a date expression, answered from indexes made
    once (sentences, line breaks, clause breaks) and remembered (a clause's tense, a sentence's time),
    so that many dates in one long sentence do not each re-read it."""

    def __init__(self, text: str, sentence_spans):
        self.text = text
        self.spans = SpanIndex(sentence_spans)
        self.lines = Lines(text)
        breaks = [m.span() for m in CLAUSE_BREAK.finditer(text)]  # never overlapping: see clause_around
        self.break_starts = [a for a, _ in breaks]
        self.break_ends = [b for _, b in breaks]
        self.tenses: dict[tuple[int, int], str] = {}
        self.times: dict[int, str | None] = {}
        self.words: dict[tuple[int, int], _ClauseWords] = {}

    def words_of(self, span: tuple[int, int]) -> _ClauseWords:
        """A clause's narration (quotations blanked), its modals and its words in the past (read once per clause)."""
        if span not in self.words:
            narration = blank_quoted(self.text[span[0]:span[1]], "“\"", "”\"", lambda passage: " ")
            self.words[span] = _ClauseWords(narration, list(FUTURE.finditer(narration)),
                                            [p for p in PAST.finditer(narration) if p.group().lower() not in NOT_PAST])
        return self.words[span]

    def sentence(self, position: int):
        return self.spans.at(position)

    def clause(self, sentence, start: int, end: int, past_an_opening: bool = True) -> tuple[int, int]:
        """clause_around(text, sentence, start, end), as a span of the text; past a phrase opening the sentence
        that tells no tense ("At an emergency meeting Wednesday, the board voted …"), the clause after it."""
        text = self.text
        low = sentence.start if sentence else self.lines.start(start)
        if sentence:
            high = sentence.end
        else:
            high = self.lines.next_break(end)
            high = len(text) if high < 0 else high
        # CLAUSE_BREAK matches never overlap (the second character of a two-character one is a
        # space, which starts none), so those inside [low, start) are the text's own.
        last = bisect_right(self.break_ends, start) - 1
        clause_start = self.break_ends[last] if last >= 0 and self.break_starts[last] >= low else low
        # ("a short message: “Tentative agreement reached. … Details at the meeting Saturday.”": a sentence of its own
        # inside a quotation, whose words before it tell no tense of it)
        stops = [stop.end() for stop in INNER_STOP.finditer(text, clause_start, start)
                 if not ABBREVIATIONS.search(text, max(0, stop.start() - 6), stop.start())]  # (not "Supt. Ana Ruiz")
        clause_start = stops[-1] if stops else clause_start
        following = bisect_left(self.break_starts, end)
        clause_end = self.break_starts[following] if following < len(self.break_starts) and self.break_ends[following] <= high else high
        if _more_words_than(text, clause_start, clause_end, 4) and not (
                past_an_opening and clause_start == low and OPENING_PHRASE.match(text, clause_start)
                and self.tense_of((clause_start, clause_end)) == "present"):
            return clause_start, clause_end
        if clause_end < high and ATTRIBUTION_CLAUSE.match(text, self.break_ends[following]):
            return clause_start, clause_end  # "Classes resume Wednesday, the district said": the tense of what was said
        if clause_end < high and not OTHER_WORDS_CLAUSE.match(text, self.break_ends[following]):
            # a clause of a few words: the clause after it, when that tells a tense of its own
            after = following + 1
            further = self.break_starts[after] if after < len(self.break_starts) and self.break_ends[after] <= high else high
            if self.tense_of((self.break_ends[following], further)) != "present":
                return self.break_ends[following], further
        return low, high

    def tense_of(self, span: tuple[int, int]) -> str:
        if span not in self.tenses:
            self.tenses[span] = tense(self.text[span[0]:span[1]])
        return self.tenses[span]

    def tense(self, sentence, start: int, end: int, past_an_opening: bool = True) -> str:
        return self.tense_of(self.clause(sentence, start, end, past_an_opening))

    def time_near(self, sentence) -> str | None:
        """A clock time in the same sentence ("at 2:30 p.m. Monday")."""
        if sentence is None:
            return None
        if sentence.start not in self.times:
            clock = CLOCK.search(self.text, sentence.start, sentence.end)
            self.times[sentence.start] = _clock(clock) if clock else None
        return self.times[sentence.start]


WORDS = re.compile(r"\S+")
# The end of a sentence inside a clause (a quotation's): a stop after a word of three letters, before a capital.
INNER_STOP = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z])")
# A phrase opening a sentence before its subject ("At an emergency meeting Wednesday, …"): its tense is the clause's after it.
OPENING_PHRASE = re.compile(rf"\s*(?:{OPENING_WORDS})\b")


def _more_words_than(text: str, start: int, end: int, count: int) -> bool:
    """len(text[start:end].split()) > count, reading no further than the word that decides it."""
    return any(seen > count for seen, _ in enumerate(WORDS.finditer(text, start, end), 1))


def tense(clause: str) -> str:
    narration = blank_quoted(clause, "“\"", "”\"", lambda passage: " ") if not clause.lstrip().startswith(("“", '"')) else clause
    narration = blank_quoted(narration, "(", ")", lambda passage: " ")  # an aside's tense is its own: "(postponed from Feb. 13)"
    if CONDITIONAL_PAST.search(narration):
        return "past"
    if re.match(r"\W*(?:if|unless)\b", narration, re.I):
        return "future"  # "If no deal is reached by Wednesday": a condition still open
    if FUTURE.search(narration):
        return "future"
    if any((m.group().lower() not in NOT_PAST or _acts(narration, m)) and not _state_now(narration, m) for m in PAST.finditer(narration)):
        return "past"
    return "present"


# "proposed" and "expected" after their subject and before their object are a past verb ("The district also proposed a
# class-size cap"); before a noun ("the proposed contract", "Proposed two-year deal goes …"), after a form of "be" ("is
# widely expected the same day"), or opening their clause, no past of their own.
ACTING = {"proposed", "expected"}
NO_SUBJECT_BEFORE = re.compile(r"(?:^|[,;:—(]|\b(?:the|a|an|its|their|his|her|our|this|that|as|is|are|be|been|being|was|were)"
                               r"(?:\s+\w+ly)?)\s*$", re.I)
OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|its|their|his|her|another|new|two|three|\d)\b", re.I)


def _acts(narration: str, m: re.Match[str]) -> bool:
    """A word of NOT_PAST told as the past of a verb with its subject and object, not as an adjective."""
    return m.group().lower() in ACTING and OBJECT_AFTER.match(narration, m.end()) is not None \
        and not NO_SUBJECT_BEFORE.search(narration, max(0, m.start() - 30), m.start())


def _told_past_beside_a_relative(words: _ClauseWords, at: int, end: int) -> bool:
    """A clause told in the past whose only modals stand in a relative or reported clause of their own: after the
    date ("On Wednesday evening, two of the people who will shape how it ends sat down"; "On Wednesday afternoon, the
    district sent families an email saying schools would stay closed"), or before it with the past verb between
    ("A bill that would put cameras on buses passed the Senate on Thursday"; not "Members who will vote Monday"):
    the date is the past verb's. `at` and `end`: the date's, from the clause's start."""
    narration, starts = words.narration, [p.start() for p in words.pasts]

    def past_in(low: int, high: int) -> bool:
        i = bisect_left(starts, low)
        return i < len(starts) and starts[i] < high

    def opened_just_before(m: re.Match[str]) -> bool:  # (not "teachers who voted to strike will return": a verb between)
        relative = RELATIVE_OR_REPORTED.search(narration, max(0, m.start() - RELATIVE_REACH), m.start()) \
            or REPORTED_THAT.search(narration, max(0, m.start() - REPORTED_REACH), m.start())
        return relative is not None and not past_in(relative.end("opener"), m.start())

    futures = words.futures
    return bool(futures) and bool(starts) and all(
        opened_just_before(m) and (m.start() >= end or past_in(m.end(), at)) for m in futures)


# A relative or reported clause opening just before a modal ("who will", "saying schools would").
RELATIVE_OR_REPORTED = re.compile(r"\b(?P<opener>who|which|that|saying|said|says|told)\s+(?:[\w’'-]+\s+){0,3}?$", re.I)
RELATIVE_REACH = 60  # characters before a modal where the clause holding it may open
# What was announced, told in a clause of its own after "that" ("announced that bargaining over the 2048-49 salary
# schedule would begin"): the clause may run longer before its modal.
REPORTED_THAT = re.compile(r"\b(?:announced|said|wrote|agreed|decided|ruled|warned|confirmed)\s+(?P<opener>that)\s+"
                           r"(?:[\w’'-]+\s+){0,7}?$", re.I)
REPORTED_REACH = 100


# "Schools remain closed today", "are closed": a participle after a verb of being in the present tells a state now.
PRESENT_BE = frozenset({"is", "are", "am"})
STATE_NOW = re.compile(r"\b(?:" + "|".join(sorted(PRESENT_BE | {"remain", "remains", "stay", "stays"})) + r")\s+(?:still\s+|now\s+)?$", re.I)


def _state_now(narration: str, m: re.Match) -> bool:
    return m.group().lower().endswith("ed") and STATE_NOW.search(narration, max(0, m.start() - 16), m.start()) is not None


# A verb in the present that tells a schedule ("talks resume Monday", "classes begin Tuesday"): the weekday is ahead
# (not a noun's infinitive: "Talks collapse late Tuesday as judge weighs district's bid to end walkout"; "due to
# return Monday" is a schedule).
PLANNED_PRESENT = re.compile(r"\b(?<!\bbid to )(?<!\bplan to )(?<!\beffort to )(?<!\battempt to )(?<!\bmove to )(?<!\bpush to )"
                             r"(?:resumes?|begins?|starts?|opens?|reopens?|returns?|meets?|convenes?|votes?|ends?|closes?|"
                             r"go|goes)\b(?![^,;.]*\b(?:ago|last)\b)", re.I)
PLANNED_REACH = 40  # characters before a time where the verb of its schedule stands
# What a schedule is of ("The meeting begins", "picket lines go up"), and the words of a habit, no schedule ("Each
# morning, picket lines go up at 6:30 a.m.", "The school day normally starts at 7:50 a.m.").
SCHEDULED_SUBJECT = re.compile(r"\b(?:talks|meeting|session|vote|voting|rally|march|lines|strike|walkout|hearing|conference|"
                               r"classes|vigil|forum|pickets?|mediation|bargaining)\s+$", re.I)
HABITUAL = re.compile(r"\b(?:each|every|normally|usually|typically|daily|always|often|generally)\b", re.I)


def _scheduled(text: str, sentence, at: int) -> bool:
    """A verb of a schedule in the present, whose subject is a happening, stands just before the time at `at`, in a
    sentence that tells no habit."""
    verb = PLANNED_PRESENT.search(text, max(sentence.start, at - PLANNED_REACH), at)
    return verb is not None and SCHEDULED_SUBJECT.search(text, max(sentence.start, verb.start() - 24), verb.start()) is not None \
        and not HABITUAL.search(text, sentence.start, sentence.end)


CONDITION = re.compile(r"\W*(?:if|unless)\b", re.I)
FUTURE_WORDS = {"will", "would", "should", "could", "might", "planned", "scheduled", "expected", "upcoming", "next",
                "tomorrow", "plans", "plan", "expects", "expect", "set", "going", "intends", "hopes", "aims"}
PAST_WORDS = {"was", "were", "did", "had", "ago", "last", "since", "yesterday", "said", "told", "made", "met", "began",
              "went", "came", "left", "took", "gave", "held", "sent", "brought", "spoke", "wrote", "got", "saw", "led",
              "ran", "chose", "shook"}


def local_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the verb nearest a date expression ("presented Monday, would raise": past), or None."""
    before = _words_before(text, start)
    after = _words_after(text, end)
    ed_word = False  # a word in -ed near it: a verb in the past, or only an adjective ("in closed session")
    verb_at = 2 if before and before[-1].lower() in ("in", "on", "at", "by", "late", "early") else 1  # where the date's own verb stands
    if after[:1] and after[0].lower() in ("is", "are") and not (before and before[-1].lower() in PAST_WORDS):
        return "present"  # "adding days in June is the most likely option": the date is the subject's, told now
    if after[:1] and after[0].lower() in ("if", "unless"):
        return "future"  # "to join the strike on Wednesday if no agreement is reached": still open
    for distance in range(1, 7):
        near = [(before, len(before) - distance)] if distance <= len(before) else []
        near += [(after, distance - 1)] if distance <= len(after) else []
        for words, at in near:
            lowered = words[at].lower()
            if lowered == "set" and not _set_for_later(words, at):
                continue  # "The union set its strike date in September": the setting, done (not "set for", "is set to")
            if lowered.endswith(("’ll", "'ll")) or lowered in FUTURE_WORDS:
                return "future"
            passive = at > 0 and words[at - 1].lower() in PASSIVE_AFTER  # "will be canceled Monday": the tense is the modal's
            if passive:
                continue
            if lowered == "last" and at + 1 < len(words) and words[at + 1].lower() in ("day", "days"):
                continue  # "the last day of school is June 8": the final day, no time gone
            if lowered in PAST_WORDS or (lowered in SAME_IN_THE_PAST and at > 0 and words[at - 1].lower() in PARTICIPLE_AFTER):
                return "past"  # ("first put on the table Friday": a participle that is also a present)
            # "the offer the board approved (in) Monday night would raise …": the verb of the date's own clause;
            # not "will keep them closed Thursday", a participle after a modal's verb and its object
            if words is before and distance <= verb_at and lowered.endswith("ed") and lowered not in NOT_PAST and len(lowered) > 4 \
                    and not any(w.lower() in ("will", "would") for w in before[max(0, at - 4):at]) \
                    and not (at > 0 and words[at - 1].lower() in PRESENT_BE):  # "Schools are closed Tuesday": a state, now
                return "past"
            ed_word = ed_word or (lowered.endswith("ed") and lowered not in NOT_PAST and len(lowered) > 4
                                  and not (at > 0 and words[at - 1].lower() in DETERMINERS | PRESENT_BE))  # "a revised calendar": an adjective
    return "past" if ed_word else None  # no modal anywhere near: the -ed word is the verb


def _set_for_later(words: list[str], at: int) -> bool:
    """"set" at `at` tells a day ahead: "set for Monday", "set a hearing for Feb. 22", "set another session Thursday",
    "is set to resume", "has set", "Talks are set", not "The union set its strike date in September"."""
    before = words[at - 1].lower() if at > 0 else ""
    return at + 1 == len(words) or any(w.lower() in SET_FOR_WORDS for w in words[at + 1:]) \
        or before in ("is", "are", "was", "were", "be", "been", "remains", "remain", "now", "all", "has", "have", "had")


# What "set" sets for a day ahead: "for" or "to" a day, or an appointment ("set another session Thursday").
SET_FOR_WORDS = {"for", "to", "session", "sessions", "meeting", "hearing", "vote", "rally", "talks", "deadline"}

# ("set" is not among them: "was set for Friday" is a plan, read by FUTURE_WORDS first.)
SAME_IN_THE_PAST = {"put", "cut", "shut", "hit", "let", "cost", "spread", "quit", "bid", "read"}
PARTICIPLE_AFTER = {"first", "already", "was", "were", "had", "just", "originally"}
# After these a participle tells no tense of its own ("will be canceled", "has to be made up").
PASSIVE_AFTER = {"be", "been", "being", "stay", "stays", "stayed", "remain", "remains", "remained"}  # "would stay parked Friday"
STATEMENT_OF = re.compile(r"\b(?:in|on)\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+)?(?:statement|letter|email|e-mail|post|release|"
                          r"news release|press release|interview|video|message|memo)"
                          r"(?:\s+to\s+(?:(?:its|their|his|her|the|all)\s+)?(?:[\w-]+\s+)?[\w-]+)?\s+$", re.I)  # "… to his members", "to families"
SET_FOR = re.compile(r"\b(?:back for|set for|scheduled for|planned for|called for|(?:meeting|session|hearing|vote|rally|march) for"
                     r"|(?:starting|beginning|effective))\s+$")  # "voted to join the strike starting Monday"
# "organized a march … for 4 p.m. Thursday": a time something is for is an appointment, still ahead.
FOR_TIME = re.compile(r"\bfor\s+(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|noon|midnight)\s+$", re.I)
# "have agreed to meet Thursday", "agreed Monday afternoon to return to the table Wednesday", "has asked the mediator
# to call both teams back Saturday": the day of what was agreed to or is asked for, still ahead (not "voted to approve
# the contract Monday", which may tell the vote's day; nor "Teachers asked the board to reconsider its vote Monday
# night", which tells the day of the asking).
# A vote whose own time is told before its infinitive ("voted Tuesday night to hire substitutes and reopen on Monday",
# "voted the other night to …") is such a decision too: the day after the infinitive is the act's. (Not "voted to return
# Monday", which may tell the vote's day.) An infinitive of a thing ("agreed to the terms on Monday") is none.
# The infinitives of coming back to the table a vote or an order tells of, and the words up to the weekday after them.
BACK_TO_THE_TABLE = r"reopen|return|resume|reconvene|hire|meet|hold|bring"
UP_TO_THE_DAY = r"(?:\s+(?!(?:on|last|this|next|since)\b)[\w’'-]+){0,4}(?:\s+on)?\s+$"
AGREED_TO = re.compile(r"\b(?:(?:agreed|agrees|agree|decided|decides|promised|promises|pledged|pledges|vowed|vows"
                       r"|(?:(?<=has )|(?<=have ))(?:asked|urged)|asks|urges)\s+(?P<when>(?:[\w’'-]+\s+){0,2}?)"
                       r"to\s+(?!(?:the|a|an|its|their|his|her|this|that)\b)[a-z]+"
                       r"|voted\s+(?P<vwhen>(?:(?:[\w’'-]+\s+){0,2}?(?:night|morning|afternoon|evening|day|week|"
                       + "|".join(WEEKDAYS) + r")\s+)|(?:[\w’'-]+\s+){0,2}?(?:ago|earlier|later)\s+)"
                       rf"to\s+(?:{BACK_TO_THE_TABLE})\b"
                       # "has offered to meet with both teams Friday" (not "made two offers to teachers Monday": no verb)
                       r"|(?:offered|offers)\s+to\s+(?:meet|return|resume|reconvene|hold|bring|extend|add|pay|talk|sit|come)\b"
                       r")" + UP_TO_THE_DAY, re.I)
# "Shortly after 11 p.m., the board voted 5-2 to direct the superintendent to return to mediation Saturday": an order for a
# day ahead of it, when the order's own time is told before it in its sentence (not "A judge ordered striking teachers
# to return to work Tuesday", which may be the order's day).
ORDERED_TO = re.compile(r"\b(?:ordered|directed|instructed|to\s+direct)\s+(?:[\w’'.-]+\s+){1,4}?"
                        rf"to\s+(?:{BACK_TO_THE_TABLE}|come|report|appear|submit|present)\b" + UP_TO_THE_DAY, re.I)
ORDER_TIME = re.compile(r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\b(?:tonight|last night|this (?:morning|afternoon|evening)|"
                        r"earlier|midnight|noon)\b|\b(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
AGREED_TO_REACH = 90  # characters back from a weekday to the decision
# "offered to meet with both teams Friday, but the union declined and no talks were held": what became of it, told as done
# after the day, tells the day gone.
DONE_AFTER = re.compile(r"[^.;:]{0,40}?(?:,\s+(?:and|but)|;)\s+(?:[\w’'-]+\s+){0,4}?"
                        r"(?:[a-z]{2,}ed|met|held|were|was|did|went|came|left|sat|kept|stayed|remained)\b")


def _ordered_for(reader: _Reader, m: re.Match[str]) -> bool:
    """A weekday after an order to do something, the order's own time told before it in its sentence (ORDERED_TO)."""
    ordered = ORDERED_TO.search(reader.text, max(0, m.start() - AGREED_TO_REACH), m.start())
    sentence = reader.sentence(m.start())
    return ordered is not None and sentence is not None and ORDER_TIME.search(reader.text, sentence.start, ordered.start()) is not None
DECISION_WEEKDAY = re.compile(rf"(?P<last>last\s+)?(?P<day>{WEEKDAY_NAME})", re.I)
# "has called both teams back to the table Wednesday": a summons made, for a day ahead.
# "has asked both teams to return Saturday": a request to come back, for a day ahead.
CALLED_BACK = re.compile(r"\b(?:has|have)\s+(?:called|summoned|ordered|asked|invited|urged)\s+(?:[\w’'-]+\s+){0,4}?"
                         r"(?:back|in|to\s+(?:return|resume|reconvene|meet))\b[^.,;]{0,40}$", re.I)  # (not past a clause)
# "canceled classes through Friday", "open until Sunday": the end of a span still running, ahead
# unless the verb is plainly past ("were closed through Friday").
UNTIL = re.compile(r"\b(?:through|until|till|thru)\s+$")
# "pushed back to Wednesday", "moved to Thursday": a plan moved to a day still ahead.
# (Moved "to" a day, not "until" one: "little moved until Wednesday" tells when something changed.)
MOVED_TO = re.compile(r"\b(?:(?:pushed|moved|bumped)(?: back| up)?\b[^.;]{0,60}?\bto"
                      r"|(?:postponed|delayed|rescheduled|put off|extended)\b[^.;]{0,60}?\b(?:to|until|till))\s+$")
# A plan told undone right after its day ("set for Feb. 11, was canceled", "scheduled for Monday has been called off"; not
# "scheduled for Monday after Friday's was canceled", another plan's undoing).
CALLED_OFF = re.compile(r",?\s*(?:was|were|has been|have been|had been|is|are|got)\s+(?:now\s+|since\s+|also\s+)?"
                        rf"{UNDOING}\b")
MOVED_REACH = 80  # characters back from a date to the moving ("postponed at the district's request until Oct. 22")
PERFECT = re.compile(r"\b(?:has|have)\s+(?:been\s+)?\w+ed\b")


TENSE_WORD = re.compile(r"[\w’']+")
# A full stop just before a date expression that ends a sentence (not "Dr." or "St." before a name).
SENTENCE_END_BEFORE = re.compile(r"(?<!\b[A-Z][a-z])(?<!\b[A-Z])(?<!\bMrs)\.[”\"’']?\s+$")
CLOCK_PERIODS = re.compile(r"\b[ap]\.m\.", re.I)


def _words_before(text: str, start: int) -> list[str]:
    """The last seven words before `start` in its sentence (six to read a tense from, and the one before
    them, which says whether the sixth is a participle): after the last line break, and after the last
    period more than four characters back ("7 a.m." ends nothing). Read back only as far as those reach."""
    width = 64
    while True:
        low = max(0, start - width)
        window = CLOCK_PERIODS.sub(lambda c: c.group().replace(".", " "), text[low:start])  # "7 a.m." ends no sentence
        period = window.rfind(".", 0, max(0, start - 4 - low))
        ended = SENTENCE_END_BEFORE.search(window)
        period = max(period, ended.start() if ended else -1)  # "… the pain. Tuesday evening": the sentence before ends
        stop = max(text.rfind("\n", low, start), low + period if period >= 0 else -1,
                   *(text.rfind(mark, low, start) for mark in ITEM_MARKS))  # (a dot between a line's items)
        if stop >= 0 or low == 0:
            return TENSE_WORD.findall(text, stop + 1 if stop >= 0 else 0, start)[-7:]
        words = TENSE_WORD.findall(text, low, start)
        if len(words) > 7:  # the first may be cut by the window; the last seven are whole
            return words[-7:]
        width *= 4


def _words_after(text: str, end: int) -> list[str]:
    """The first three words after `end`, before the next line break, period or comma (after a comma
    comes another clause: "will return Friday, he said" is told as future), and before "that" (what
    follows is reported: "wrote Wednesday evening that schools would stay closed" is past)."""
    words = _three_words_after(text, end)
    return words[:[w.lower() for w in words].index("that")] if any(w.lower() == "that" for w in words) else words


def _three_words_after(text: str, end: int) -> list[str]:
    if a_clock_ends_the_sentence(text, end):
        return []  # "Talks resume Thursday at 10 a.m. The union said …": the time's period ends the sentence
    width = 64
    while True:
        high = min(len(text), end + width)
        stops = [x for x in (text.find(stop, end, high) for stop in ("\n", ".", ",", *ITEM_MARKS)) if x >= 0]  # (and a dot
        # between a line's items)
        if stops or high == len(text):
            return TENSE_WORD.findall(text, end, min(stops) if stops else len(text))[:3]
        words = TENSE_WORD.findall(text, end, high)
        if len(words) > 3:  # the last may be cut by the window; the first three are whole
            return words[:3]
        width *= 4


def clause_around(text: str, sentence, start: int, end: int) -> str:
    """The clause holding a date expression: its verb says past or future. Quoted words count when
    the expression is inside the quotation."""
    low = sentence.start if sentence else text.rfind("\n", 0, start) + 1
    high = sentence.end if sentence else (text.find("\n", end) if text.find("\n", end) >= 0 else len(text))
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, low, start)]
    after = CLAUSE_BREAK.search(text, end, high)
    clause = text[breaks[-1] if breaks else low:after.start() if after else high]
    if len(clause.split()) > 4:
        return clause
    # A clause of a few words ("in November,") takes its tense from the clause after it when that tells
    # one ("91% said yes") and is not about another word ("Feb. 16, which had been a holiday"), else from
    # the rest of the sentence ("On Wednesday, …").
    if after and not OTHER_WORDS_CLAUSE.match(text, after.end()):
        further = CLAUSE_BREAK.search(text, after.end(), high)
        following = text[after.end():further.start() if further else high]
        if tense(following) != "present":
            return following
    return text[low:high]


# A clause whose verb is not the date's: one that tells of a word before it ("Feb. 16, which had been a
# holiday"), or an attribution ("we walk Thursday morning,” said Ruelas").
# An attribution after a clause ("… Wednesday, the district said"): the clause's words are what was said.
ATTRIBUTION_WORDS = r"(?:[\w’'.-]+\s+){0,4}?(?:said|says|told|added|according to)\b"
ATTRIBUTION_CLAUSE = re.compile(r"\s*" + ATTRIBUTION_WORDS)
OTHER_WORDS_CLAUSE = re.compile(r"\s*(?:which|who|whom|whose|where|when|that|" + ATTRIBUTION_WORDS + ")")

CLAUSE_BREAK = re.compile(r"[,;:—]\s|[“”\"]|\s(?=(?:after|before|since|because|until|although|while) )")  # a subordinate clause has its own verb


def resolve_weekday(published: dt.date | None, weekday: int, direction: str, strict: bool = False) -> str | None:
    if published is None:
        return None
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if strict:
        back, ahead = back or 7, ahead or 7
    if direction == "past":
        return (published - dt.timedelta(days=back)).isoformat()
    if direction == "future":
        return (published + dt.timedelta(days=ahead)).isoformat()
    return (published - dt.timedelta(days=back) if back <= ahead else published + dt.timedelta(days=ahead)).isoformat()


def _count(word: str) -> int:
    """How many a count of days or weeks (COUNT_WORD) says: "a", "one", "two" … "ten", or digits."""
    word = word.lower()
    return 1 if word in ("a", "an") else int(word) if word.isdigit() else NUMBER_WORDS[word]


def _to_the_day_back(published: dt.date, n: int, span: str) -> dt.date:
    """The day `n` days, weeks, months or years before `published` (a month's last day when it has no such day)."""
    if span in ("day", "week"):
        return published - dt.timedelta(days=n * (7 if span == "week" else 1))
    months = published.year * 12 + published.month - 1 - n * (12 if span == "year" else 1)
    year, month = divmod(months, 12)
    return dt.date(year, month + 1, min(published.day, calendar.monthrange(year, month + 1)[1]))


def resolve_relative(published: dt.date | None, m: re.Match) -> tuple[str, str | None] | None:
    if published is None:
        return None
    if m.groupdict().get("ago"):  # "two weeks ago": counted back from the article's date
        n = _count(m.group("count"))
        span = m.group("span").lower()
        if m.group("exact"):  # "Four weeks ago tonight", "a year ago today": to the day
            return _to_the_day_back(published, n, span).isoformat(), None
        if span == "day":
            return (published - dt.timedelta(days=n)).isoformat(), None
        if span == "year":  # "three years ago": that year, as loosely as it is told
            return dt.date(published.year - n, 1, 1).isoformat(), None
        if span == "month":
            month = published.month - n - 1
            return dt.date(published.year + month // 12, month % 12 + 1, 1).isoformat(), None
        day = published - dt.timedelta(weeks=n)  # "two weeks ago": some day of that week, as loosely as it is told
        monday = day - dt.timedelta(days=day.weekday())
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    word = (m.group("word") or "").lower()
    if word:
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}.get(word, 0)
        offset = -1 if word.startswith(("the day before", "the night before")) else offset
        return (published + dt.timedelta(days=offset)).isoformat(), None
    rel, unit = m.group("rel").lower(), m.group("unit").lower()
    shift = -1 if rel == "last" else 1 if rel == "next" else 0
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        sunday = monday + dt.timedelta(days=6)
        if rel == "earlier this" and published > monday:
            return monday.isoformat(), (published - dt.timedelta(days=1)).isoformat()  # before the article's day
        if rel == "later this" and published < sunday:
            return (published + dt.timedelta(days=1)).isoformat(), sunday.isoformat()  # after it
        return monday.isoformat(), sunday.isoformat()
    if unit == "year":
        return dt.date(published.year + shift, 1, 1).isoformat(), None
    month = published.month + shift
    year = published.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    first = dt.date(year, month, 1)
    last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    if rel == "earlier this" and published > first:
        return first.isoformat(), (published - dt.timedelta(days=1)).isoformat()  # before the article's day
    if rel == "later this" and published < last:
        return (published + dt.timedelta(days=1)).isoformat(), last.isoformat()  # after it
    return first.isoformat(), None


def _month(name: str) -> int:
    return MONTHS.get(name) or MONTH_ABBREVIATIONS[name]


# A document named by its day after "of" ("our proposal of April 15", "the district's offer of April 2"): made already.
NOUN_OF_DATE = re.compile(r"\b(?:proposal|offer|counteroffer|letter|statement|memo|email|ruling|order|decision|agreement|request|"
                          r"notice|filing|complaint|petition|report|resolution|motion)s?\s+of\s+$", re.I)
NOUN_OF_REACH = 30


def _year_for(published: dt.date | None, month: int, day: int, text: str, m: re.Match, direction: str | None = None,
              reader: _Reader | None = None) -> int | None:
    """A month and day without a year: last year's when told as past and still ahead, next year's when
    told as future and already gone; otherwise whichever is nearer the article's date."""
    if published is None:
        return None
    told_as = direction or local_tense(text, m.start(), m.end()) or _leading_tense(m, reader) or _clause_tense(text, m, reader)
    line_start = text.rfind("\n", 0, m.start()) + 1
    term = TERM_LINE.match(text, line_start)
    if direction is None and told_as == "past" and term and term.end() - 1 < m.start() \
            and not FINITE_PAST.search(text, line_start, m.start()):
        # "• One-time bonus: $1,000 …, paid in April": a term's participle tells no tense: the nearest (not a timeline's
        # row, whose date opens it: "• June 30: Our contract expired.")
        told_as = "present"
    if told_as == "past" and direction is None and DATE_BEFORE_ITS_NOUN.match(text, m.end()) \
            and re.search(r"\bthe\s+$", text[max(0, m.start() - 5):m.start()], re.I):
        told_as = "present"  # "the district dropped the April 14 make-up day": the day the thing has, either side
    if direction is None and (month, day) != (2, 29) and RETROACTIVE_TO.search(text, max(0, m.start() - RETROACTIVE_REACH), m.start()) \
            and not MODAL_IN_SENTENCE.search(text, max(0, m.start() - MODAL_REACH), m.start()):
        told_as = "past"  # "the agreement gives teachers a raise, retroactive to July 1", told in March: the July 1 gone (not
        # "would be retroactive to July 1", told in June: the raise a deal would bring, from the July 1 ahead)
    if told_as == "future" and direction is None and NOUN_OF_DATE.search(text, max(0, m.start() - NOUN_OF_REACH), m.start()):
        told_as = "past"  # "will be there with our proposal of April 15": a document's day, gone whatever the clause's tense
    row = TIMELINE_ROW.match(text, line_start) if told_as == "future" and direction is None else None
    if row is not None and row.end("day") >= m.end() > row.start("day"):
        # "Feb. 7: ASEA gives notice that the strike will begin Feb. 13.": a timeline's row is dated by its opening day
        # whatever its tense: the nearest (a row told as past, "June 30: Our contract expired.", stays past)
        told_as = "present"
    sentence = reader.sentence(m.start()) if reader is not None else None
    if told_as == "future" and direction is None and reader is not None and sentence is not None \
            and local_tense(text, m.start(), m.end()) is None and not STARTING.search(text, max(0, m.start() - 14), m.start()):
        clause = reader.clause(sentence, m.start(), m.end())
        words = reader.words_of(clause)
        if all(f.start() >= m.end() - clause[0] for f in words.futures) \
                and _told_past_beside_a_relative(words, m.start() - clause[0], m.end() - clause[0]):
            told_as = "past"  # "On Dec. 19, the district announced that bargaining … would begin Jan. 15": the announcing's
    if told_as == "future" and direction is None and sentence is not None and _future_in_the_past(text, sentence, m.start()):
        told_as = "present"  # "gave notice that they would walk out Oct. 14": ahead of then, not of the article: the nearest
    if told_as == "future" and direction is None and sentence is not None and _planned_then(text, sentence, m.start()):
        told_as = "planned_then"  # "The board had scheduled a special meeting for Feb. 19", told March 4: lately gone
    if told_as == "past" and direction is None and sentence is not None and (
            DECIDED_TO.search(text, sentence.start, m.start())
            or APPOINTED_FOR.search(text, max(sentence.start, m.start() - APPOINTED_REACH), m.start())):
        told_as = "decided_then"  # "the board voted 5-0 to put a levy on the May 5 ballot", "it has set a hearing on that
        # complaint for March 10", told in February: soon ahead
    listed = LISTED_AFTER.search(text, max(0, m.start() - LISTED_REACH), m.start()) \
        if told_as not in ("past", "future") and direction is None else None
    if listed is not None and local_tense(text, listed.start("month"), listed.end("month")) == "future":
        told_as = "future"  # "will be made up, five in December and five in June": ahead, as the list's first is
    if told_as not in ("past", "future") and direction is None and sentence is not None and month <= SCHOOL_YEAR_ENDS \
            and published.month > SCHOOL_YEAR_ENDS and SCHOOL_YEAR.search(text, sentence.start, m.start()):
        told_as = "future"  # "the school year, which now runs through June 16", told in November: the year's end ahead
    if told_as == "past" and direction is None and WAS_TO.search(text, max(0, m.start() - WAS_TO_REACH), m.start()) \
            and _soon_ahead(published, month, day):
        told_as = "present"  # "the spring musical, which was to open Feb. 19", told Feb. 18: a plan told in the past, its
        # day soon ahead (not "The strike was to begin Feb. 19; it began Feb. 23", told in September)
    if told_as == "past" and direction is None and MOVED_TO.search(text, max(0, m.start() - MOVED_REACH), m.start()):
        told_as = "present"  # "was postponed at the district's request until Oct. 22": the day it was moved to, the nearest
    if told_as not in ("past", "future") and direction is None and SPAN_KNOWN.search(text, max(0, m.start() - SPAN_KNOWN_REACH), m.start()):
        told_as = "past"  # "the nine-day strike in March", told in December: a stoppage whose length is told has ended
    if told_as == "future" and direction is None and CALLED_OFF.match(text, m.end()):
        told_as = "present"  # "the game, set for Feb. 11, was canceled": a plan undone, its day either side: the nearest
    return _year_told_as(published, (month, day), told_as)




# The school year the article is in, whose end (by July) is ahead of an article told after it ("the end of the school
# year, which now runs through June 16", told in November).
SCHOOL_YEAR = re.compile(r"\b(?:the|this)\s+(?:school|academic)\s+year\b", re.I)  # (not "last school year", "the 2025-26 school year")
SCHOOL_YEAR_ENDS = 7  # July


def _soon_ahead(published: dt.date, month: int, day: int) -> bool:
    """The month and day come within a month after the article's date, this year or next."""
    for year in (published.year, published.year + 1):
        try:
            if dt.timedelta(0) < dt.date(year, month, day) - published <= SOON_AHEAD:
                return True
        except ValueError:
            continue
    return False


SOON_AHEAD = dt.timedelta(days=31)  # (its own name: SOON, below, is a decision's reach, 90 days)
# A month listed before another, with the words between them ("five in December and five in "): the second is ahead
# when the first is.
LISTED_AFTER = re.compile(r"\b(?P<month>" + "|".join(MONTHS) + r")\s*,?\s+(?:and|or)\s+(?:[\w-]+\s+){0,2}?(?:in\s+)?$")
LISTED_REACH = 40
# A day something starts or runs from ("Starting March 20, the district announced that buses would run …"): the plan's.
STARTING = re.compile(r"\b(?:starting|beginning|effective|as of|from)\s+$", re.I)
RETROACTIVE_TO = re.compile(r"\bretroactive(?:ly)?\s+to\s+(?:last\s+)?$", re.I)
RETROACTIVE_REACH = 30
MODAL_IN_SENTENCE = re.compile(r"\b(?:would|will|could|might|may|should)\b[^.!?\n]*$", re.I)  # in the sentence before it
MODAL_REACH = 200


# A stoppage known by its length, just before its month ("the nine-day strike in March"; not "a two-day strike in
# April", still weighed, nor "the planned three-day strike in May").
SPAN_KNOWN = re.compile(r"\b(?:the|its|their|that|this year's|last year's)\s+(?!planned\b|proposed\b|possible\b|threatened\b)"
                        r"(?:[\w-]+\s+)?[\w]+-(?:day|week|month)\s+(?:strike|walkout|lockout|shutdown|stoppage)\s+$", re.I)
SPAN_KNOWN_REACH = 60


# A date that names a school calendar's day, still to come or gone ("the April 14 make-up day"; not "the May 2
# election", a day gone when told as past).
DATE_BEFORE_ITS_NOUN = re.compile(r"\s+(?:(?:make-up|makeup|snow|return|start|reopening)\s+(?:day|date)|deadline)\b")
BULLET = r"[•·*▪‣-]"  # a list item's mark
# A timeline's row: a line its day opens, before a colon ("Feb. 7: ASEA gives notice …"; not a dateline's dash).
TIMELINE_ROW = re.compile(rf"[ \t]*(?:{BULLET}[ \t]+)?(?:{WEEKDAY_NAME},?[ \t]+)?"
                          rf"(?P<day>{MONTH_WORD}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)[ \t]*:")
# A bulleted item of a list ("• One-time bonus: …", "- Class sizes: …"), and the verbs that tell a past in one.
TERM_LINE = re.compile(rf"[ \t]*{BULLET}[ \t]+\S")
FINITE_PAST = re.compile(r"\b(?:was|were|had|did|voted|approved|agreed|reached|began|ended|said)\b", re.I)
WOULD = re.compile(r"\b(?:would|could|might)\b")
RECENTLY = dt.timedelta(days=60)  # how far back a plan made then may have fallen ("had scheduled … for Feb. 19")
SOON = dt.timedelta(days=90)  # how far ahead a decision made then may look ("voted to put a levy on the May 5 ballot")
# An appointment made for a day: "has set a hearing on that complaint for March 10".
APPOINTED_FOR = re.compile(r"\b(?:set|scheduled|planned|slated)\s+(?:[\w’'-]+\s+){0,6}?for\s+$", re.I)
APPOINTED_REACH = 80  # characters before the date
DECIDED_TO = re.compile(r"\b(?:voted|agreed|decided|chose|opted|promised|pledged)\s+(?:[\w-]+\s+){0,2}?to\s+[a-z]+\b")
SCHEDULED_THEN = re.compile(r"\b(?:had|was|were)\s+(?:been\s+)?(?:scheduled|planned|set)\b", re.I)
AHEAD_OF_NOW = re.compile(r"\bwill\b|[’']ll\b|\bnext\b", re.I)  # a future from the article's day


def _future_in_the_past(text: str, sentence: Span | None, position: int) -> bool:
    """"would" after a verb in the past, before `position`: a future seen from then ("gave notice that
    they would walk out"), not from the article's day."""
    if sentence is None:
        return False
    said = text[sentence.start:position]
    would = WOULD.search(said)
    if would is None or AHEAD_OF_NOW.search(said):
        return False
    return any(w.lower() not in NOT_PAST for w in PAST.findall(said, 0, would.start()))


def _planned_then(text: str, sentence: Span, position: int) -> bool:
    """A plan made before the article's day for the date at `position` ("had scheduled a special meeting for")."""
    said = text[sentence.start:position]
    return SCHEDULED_THEN.search(said) is not None and AHEAD_OF_NOW.search(said) is None


def _year_told_as(published: dt.date, candidate: tuple[int, int], told_as: str) -> int:
    """The year of (month, day) as the tense tells it: told as past, not after the article's date;
    as future, not before it; as present, the nearest. A plan made then ("planned_then") is ahead unless gone
    lately (RECENTLY); a decision made then ("decided_then") is past unless soon ahead (SOON)."""
    today = (published.month, published.day)
    gone = published.year - 1 if candidate > today else published.year
    ahead = published.year + 1 if candidate < today else published.year
    if told_as == "planned_then":
        return gone if 0 <= -_days_from(published, gone, candidate) <= RECENTLY.days else ahead
    if told_as == "decided_then":
        return ahead if 0 <= _days_from(published, ahead, candidate) <= SOON.days else gone
    if told_as == "past":
        return gone
    if told_as == "future":
        return ahead
    # Told in the present ("Feb. 2: Talks end", a timeline's entries): the nearest such day.
    return min((published.year - 1, published.year, published.year + 1), key=lambda year: abs(_days_from(published, year, candidate)))


def _days_from(published: dt.date, year: int, candidate: tuple[int, int]) -> int:
    try:
        return (dt.date(year, *candidate) - published).days
    except ValueError:  # 29 February of a common year
        return 10**6


def _leading_tense(m: re.Match, reader: _Reader | None) -> str | None:
    """The tense of the clause's words up to the date, when they tell one: "voted 84% in favor of their own
    strike on Jan. 16 and say they will not cross" is the vote's past, not the future the clause goes on to."""
    if reader is None:
        return None
    start, _ = reader.clause(reader.sentence(m.start()), m.start(), m.end())  # (not the sentence before: "Talks ended. Members vote May 2.")
    told = reader.tense_of((start, m.start())) if start < m.start() else "present"
    return told if told != "present" else None


def _clause_tense(text: str, m: re.Match, reader: _Reader | None) -> str:
    """The tense of the clause around `m` in its sentence ("Talks ended. Members vote May 2.": the vote's present),
    or in its line for a date a quotation tells ("“Five days in June,” he said. “Those kids are going to earn it.”");
    from the reader's remembered answers when there is a reader."""
    if reader is None:
        return tense(clause_around(text, None, m.start(), m.end()))
    sentence = reader.sentence(m.start())
    if sentence is not None and _quoted_at(text, sentence.start, m.start()):
        sentence = None  # a quotation's date: its tense is the speaker's words around it, not the "he said" of the sentence
    return reader.tense(sentence, m.start(), m.end())


def _quoted_at(text: str, start: int, position: int) -> bool:
    """`position` stands inside a quotation opened after `start` (curly marks), read no further back than
    QUOTED_REACH (a hostile sentence of a megabyte is not re-read for each of its dates)."""
    start = max(start, position - QUOTED_REACH)
    return text.count("“", start, position) > text.count("”", start, position)


QUOTED_REACH = 2_000  # characters: longer than any one quotation's sentence


def _day_of_month(published: dt.date | None, day: int, text: str, m: re.Match, reader: _Reader | None = None) -> tuple[str, None] | None:
    """"On the 14th": told as past, a day of the month named just before it ("walked out on Monday, March 4 … The end
    came on the 14th"), in the year its tense points to; else of the article's month, or of the next when that day has
    passed and the sentence does not tell it as past."""
    if published is None:
        return None
    clause_tense = _clause_tense(text, m, reader)
    named = _month_named_before(text, m.start()) if clause_tense == "past" else None
    if named is not None and named != published.month:
        year = _year_for(published, named, day, text, m, reader=reader)
        try:
            return (dt.date(year, named, day).isoformat(), None) if year else None
        except ValueError:
            return None
    year, month = published.year, published.month
    if day < published.day and clause_tense != "past":
        month += 1
        if month == 13:
            year, month = year + 1, 1
    try:
        return dt.date(year, month, day).isoformat(), None
    except ValueError:
        return None


# A month the story is telling of, to the day ("Monday, March 4"; not a month alone, "talks stalled in February", a
# span too loose to hold "the 3rd" that follows, nor a month with its year, "Oct. 24, 2031": background).
MONTH_NAMED = re.compile(r"\b" + MONTH + r"\s+\d{1,2}\b(?!,?\s+(?:19|20)\d\d)")
MONTH_NAMED_REACH = 600  # characters back to the month a day of the month belongs to: a paragraph or so


def _month_named_before(text: str, at: int) -> int | None:
    named = [m.group("month") for m in MONTH_NAMED.finditer(text, max(0, at - MONTH_NAMED_REACH), at)]
    return _month(named[-1]) if named else None


def _clock(m: re.Match, prefix: str = "") -> str | None:
    groups = m.groupdict()
    if groups.get(prefix + "noon"):
        return "12:00"
    hour = groups.get(prefix + "hour")
    if not hour:
        return None
    hour_value, minute = int(hour), int(groups.get(prefix + "minute") or 0)
    half = (groups.get(prefix + "half") or "").lower()
    if half.startswith("p") and hour_value < 12:
        hour_value += 12
    if half.startswith("a") and hour_value == 12:
        hour_value = 0
    return f"{hour_value:02d}:{minute:02d}" if hour_value < 24 and minute < 60 else None


def event_type(kin: str) -> str:
    """The event type of a kin of happening ("other:vote" is written "other")."""
    return kin.partition(":")[0]


STRIKE_MODIFIES = re.compile(r"strike\s+(?P<what>notices?|votes?|authorization|date)\b", re.I)
STRIKE_DATE_REACH = 26  # characters from a date's start to "strike date" after it ("a Wednesday, March 27 strike date")
SETTING_WORDS = re.compile(r"\b(?:a|an|the|its|their|set|sets|setting|announced|picked|chose|named)\b", re.I)  # ("Tuesday set a")
STRIKE_DATE_THEN = re.compile(r"\s*(?:of|for|:|,|is|was|will be)?\s*(?:(?:on|set for)\s+)?", re.I)  # "strike date: March 28"
TOLD_FOR_TIME = 5_000  # added to the distance of a kin's word that only tells the time of another happening
# A kin's word that names the kind of another happening after it ("strike talks", "strike rally").
# ("strike vote", "strike date", "strike notice" are read by STRIKE_MODIFIES)
NAMES_ANOTHER = re.compile(r"\s+(?:talks|rally|rallies|session|meeting|march|negotiations|bargaining|hearing)\b", re.I)
# A happening named to tell the time of another ("the last session before the walkout").
TIME_BY_HAPPENING = re.compile(r"\b(?:before|after|since|until|ahead of|during|following|throughout|end|ends|ended|ending)\s+"
                               r"(?:(?:the|a|an|its|their)\s+)?"
                               r"(?:[\w’'-]+\s+)?$", re.I)
# "voted to authorize the strike on Jan. 13", "authorized a strike": the vote, not the strike.
VOTE_ON_STRIKE = re.compile(r"\b(?:vot(?:e|ed|es|ing)|authoriz\w*)\b[^.;:]{0,40}?\b(?:strik\w*|walk\s?out)", re.I)


def event_kin(sentence: str, position: int = 0) -> str:
    """The kind of happening whose word stands nearest the date ("teachers rallied ... Friday": a rally),
    in the narration (a quotation's words only when the date is among them)."""
    return kin_and_word(sentence, position)[0]


def kin_and_word(sentence: str, position: int = 0) -> tuple[str, int | None]:
    """event_kin, with where its word starts in the sentence (None for "other" with no word)."""
    narration = blank_quoted(sentence, "“\"", "”\"", lambda passage: " " * len(passage))
    if position < len(sentence) and narration[position] != sentence[position]:
        narration = sentence  # the date is quoted: so is its happening
    best: tuple[int, int, str, int] | None = None
    breaks = [m.end() for m in re.finditer(r"[,;—]\s", narration)]
    low = max([b for b in breaks if b <= position], default=0)
    high = min([b for b in breaks if b > position], default=len(narration))
    for rank, (name, pattern) in enumerate(EVENT_TYPES):
        for m in re.finditer(pattern, narration, re.I):
            # A word of the date's own clause first, then the nearest elsewhere in the sentence.
            distance = abs(m.start() - position) + (0 if low <= m.start() < high else 10_000)
            told_for = TIME_BY_HAPPENING.search(narration, max(0, m.start() - 30), m.start())
            dates_it = told_for is not None and told_for.start() < position < m.start() and not NAMES_ANOTHER.match(narration, m.end())
            if told_for and not dates_it and not _dated_in_its_clause(narration, m.end(), position):
                distance += TOLD_FOR_TIME  # "the session before the walkout, on Thursday": the walkout only tells when
                # (not "to begin Monday after Sunday talks end": the date is the talks' own, inside the words that tell when;
                # but "after Thursday's strike rally" is the rally's, whose kind the word names)
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, name, m.start())
    if best is None:
        return "other", None
    if best[2] == "strike" and any(v.end() > best[3] >= v.start() for v in VOTE_ON_STRIKE.finditer(narration)):
        return "other:vote", best[3]
    if best[2] == "strike":  # "the 10-day strike notice", "a strike vote": the strike only names what they are of
        modified = STRIKE_MODIFIES.match(narration, best[3])
        what = modified.group("what").lower() if modified else ""
        if modified is not None and what == "date":
            # "set a March 30 strike date", "a strike date of March 30": the strike's day; another day of the sentence, the setting's
            before = narration[position:best[3]]
            strikes = (position <= best[3] and len(before) <= STRIKE_DATE_REACH and not SETTING_WORDS.search(before)) \
                or (position >= modified.end() and STRIKE_DATE_THEN.fullmatch(narration, modified.end(), position) is not None)
            return ("strike" if strikes else "announcement"), best[3]
        if modified:
            return ("other:notice" if what.startswith("notice") else "other:vote"), best[3]
    return best[2], best[3]


def _dated_in_its_clause(narration: str, end: int, position: int) -> bool:
    """The date at `position` is told by the verb of the word's own "after …" clause ("The walkout began after talks
    broke down at 11:40 p.m. Sunday": the talks are Sunday's), not beside it."""
    between = narration[end:position]
    return end <= position and not re.search(r"[,;—]", between) and any(w.lower() not in NOT_PAST for w in PAST.findall(between))


def location(sentence: str) -> str | None:
    for m in LOCATION.finditer(sentence):
        place = m.group("place").rstrip(".")
        first = place.split()[0]
        if first in WEEKDAYS or first in MONTHS or re.match(r"\d", first):
            continue
        return place
    return None
