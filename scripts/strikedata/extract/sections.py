"""The parts of a page told from another day than the page's own.

A page is not always written on one day. A live page groups its entries under day headings ("WEDNESDAY,
FEB. 4") or runs past midnight (an entry at 12:20 a.m. above one at 11:50 p.m.); a reposted story or a
press release first ran on the day its note or its date line gives ("originally appeared in the
Courier on Wednesday, Nov. 5", "FOR IMMEDIATE RELEASE / Feb. 26, 2026"); a live page keeps an earlier
version below a note of the day it ran ("first published at 9:47 p.m. Sunday, Nov. 2, and is kept below
as it ran"). Relative words in each part
("today", "tomorrow", "this afternoon", a bare weekday) are read against that part's day.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..spans import Span
from .furniture import DATE_TIME_ONLY as DIGIT_DATE_LINE, EARLIER_VERSION, METADATA_OPENING, is_furniture, repost_note
from .happenings import ENTRY_STAMP, ENTRY_STAMP_WITH_DAY, MONTHS, WEEKDAYS, PageClock, clock_minutes, find_happenings, resolve_weekday, story_date
from .text import folded

MONTH_NAMES = {name.lower()[:3]: number for name, number in MONTHS.items()}
# A line that is only a day ("THURSDAY, FEB. 5", "Wednesday, Feb. 4", "Feb. 26, 2026"), or a day and a time, perhaps
# named as an update ("UPDATE: Thursday, Oct. 2, 5:30 p.m."; not an answer's "Updated Feb. 18, 2044" stamp below it):
# what follows is told on it.
DAY_HEADING = re.compile(r"^[ \t]*(?P<update>update[ \t]*[:–—-][ \t]*)?"
                         r"(?:(?P<weekday>" + "|".join(w.lower() for w in WEEKDAYS) + r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)"
                         r"\.?,?[ \t]+)?"
                         r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+(?P<day>\d{1,2})"
                         r"(?:st|nd|rd|th)?(?:,?[ \t]+(?P<year>(?:19|20)\d{2}))?"
                         # ("Thursday, Feb. 16, 9:10 p.m.": an update's stamp, its time after the day)
                         r"(?P<time>,?[ \t]+(?:at[ \t]+)?\d{1,2}(?::\d{2})?[ \t]*[ap]\.?m\.?(?:[ \t]+[a-z]{2,4})?)?"
                         # ("Mon., March 2 - DEADLINE PASSES", "March 2: DEADLINE PASSES": an entry's title after a dash or a
                         # colon, kept only in capitals and on a day gone by)
                         r"(?:(?:[ \t]+[-–—]|[ \t]*:)[ \t]+(?P<title>[^\n]{3,60}?))?[ \t]*$", re.M)
# A heading in capitals after a blank line, below a paragraph (not an entry's title under its stamp).
PART_HEADING = re.compile(r"[^\n]\n[ \t]*\n[ \t]*(?P<heading>[A-Z][A-Z&’'/ -]{2,60}[A-Z])[ \t]*(?=\n)")
# An update's paragraph at the page's top that names its day ("UPDATE, 7:10 a.m. Friday: Negotiators returned …").
UPDATE_ON_A_WEEKDAY = re.compile(r"^[ \t]*(?:UPDATE|Update|UPDATED|Updated)[,:]?[ \t]+\d{1,2}(?::\d{2})?[ \t]*[ap]\.?m\.?,?[ \t]+"
                                 r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\s*:", re.M)
# An update's note that the story as first posted follows ("Our original story follows."), and the line of the
# page's top that says when it was first posted ("Published: 11:47 PM CDT Mar 20, 2030").
ORIGINAL_FOLLOWS = re.compile(r"\b(?:[Oo]ur|[Tt]he|[Tt]his) original (?:story|report|post|article)\b[^.\n]{0,40}\b(?:follows|below)\b")
FIRST_POSTED = re.compile(r"^[ \t]*(?:Published|Posted|Originally (?:published|posted))\b[^\n]{0,80}$", re.M)
PAGE_TOP = 3000  # characters: where a page's own lines about itself stand
EARLIER_VERSION_LINE = 300  # characters: a longer line is the story's prose, not a note
MIDNIGHT_GAP = 6 * 60  # minutes the clock goes back between two entries read in order: a new day
# More parts than this and the page is not read by parts (a live page has a few days; a hostile text thousands).
MOST_SECTIONS = 24


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    date: dt.date | None
    why: str  # how the part's day is known ("" for the page's own)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def sections(text: str, published: dt.date | None) -> list[Section]:
    """The text cut where the day it is told from changes, in order and covering it whole."""
    if published is None:
        return [Section(0, len(text), None, "")]
    marks: list[tuple[int, dt.date, str]] = []  # (where a part starts, its day, why)
    note = repost_note(text)
    first_ran = story_date(text[note.start:note.end], published) if note else None
    if note is not None and first_ran is not None and first_ran != published:
        marks.append((note.end, first_ran, f"the host's note says the story first ran on {first_ran.isoformat()}"))
    for m in EARLIER_VERSION.finditer(text):
        line_end = _line_end(text, m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1:line_end]
        ran = story_date(line, published) if len(line) <= EARLIER_VERSION_LINE else None
        if ran is not None and ran != published and (note is None or line_end > note.end):
            marks.append((line_end, ran, f"the page's note says the version below ran on {ran.isoformat()}"))
    first_posted = FIRST_POSTED.search(text, 0, PAGE_TOP)
    posted_on = story_date(first_posted.group(), published) if first_posted else None
    if posted_on is not None and posted_on != published:
        for m in ORIGINAL_FOLLOWS.finditer(text):  # "Our original story follows.": as it ran when the page was first posted
            line_end = _line_end(text, m.end())
            if note is None or line_end > note.end:
                marks.append((line_end, posted_on, f"the page's note says its original story follows, first posted on "
                                                   f"{posted_on.isoformat()}"))
    for m in UPDATE_ON_A_WEEKDAY.finditer(text, 0, PAGE_TOP):  # "UPDATE, 7:10 a.m. Friday: …" over a story of Thursday
        ahead = (WEEKDAYS.index(m.group("weekday")) - published.weekday()) % 7
        if ahead == 1:  # the morning after the story's day (a week ahead is no update of this page)
            updated = published + dt.timedelta(days=ahead)
            marks += [(m.start(), updated, f"an update of {m.group('weekday')} ({updated.isoformat()}) above the story"),
                      (_line_end(text, m.end()), published, "")]
    recorded = RECORDED_ON.search(text, 0, PAGE_TOP)  # "This interview was recorded Thursday": what follows is told from then
    if recorded is not None:
        back = (published.weekday() - WEEKDAYS.index(recorded.group("weekday"))) % 7
        if 0 < back < 7:
            on = published - dt.timedelta(days=back)
            marks.append((_line_end(text, recorded.end()), on, f"the page says the interview was recorded on "
                                                                f"{recorded.group('weekday')} ({on.isoformat()})"))
            answers = list(TRANSCRIPT_LINE.finditer(text, recorded.end()))
            heading = HEADING_LINE.search(text, _line_end(text, answers[-1].end())) if answers else None
            if heading is not None:  # "Reactions" under the transcript's last answer: what follows is the page's own day's
                marks.append((heading.start(), published, f"under the heading {heading.group().strip()!r}, after the transcript"))
    lowered = folded(text)
    stamps: set[int] = set()  # where the headings of a day and a time (updates' stamps) start
    for m in DAY_HEADING.finditer(lowered):
        if m.group("title") and not _in_capitals(text[m.start("title"):m.end("title")]):
            continue  # "March 20 - The strike begins at all 38 schools": a timeline's row, dated on its own line
        day = _heading_day(m, published)
        if m.group("update") and day is not None and day > published:
            continue  # "UPDATE: Feb. 27, 2026, 9:02 a.m." over a story of Feb. 26: when the page was updated, not an entry
        if m.group("title") and day is not None and day > published:
            continue  # "March 30 - CLASSES RESUME": a date to come in a list of them, not an entry posted on it
        if day is not None:
            marks.append((m.start(), day, f"under the heading '{text[m.start():m.end()].strip()}'"))
            stamps |= {m.start()} if m.group("time") else set()
    stamped = max((_line_end(text, at) for at in stamps), default=-1)
    if stamped >= 0:  # "FREQUENTLY ASKED QUESTIONS" after a page's dated updates: the page's own part again
        after = PART_HEADING.search(text, stamped + 1)
        if after is not None:
            marks.append((after.start("heading"), published, f"under the heading '{after.group('heading')}', after the updates"))
    marks.sort(key=lambda mark: mark[0])
    marks = _changes_only(marks, published, stamps)
    page_stamps = _stamps(text)  # (read once: the page's own stamps near its top, by clock time)
    marks = _past_midnight(text, published, marks, page_stamps)
    if len(marks) > MOST_SECTIONS:
        return [Section(0, len(text), published, "")]
    out: list[Section] = []
    start, date, why = 0, published, ""
    posted = page_stamps[:1]
    if posted and posted[0][0] < NIGHT_ENDS and not UPDATE_STAMP.match(posted[0][1]):  # first posted past midnight: written the evening before
        date, why = published - dt.timedelta(days=1), f"the page was first posted in the small hours ({posted[0][1]!r}): written the day before"
    marks = _with_embedded_posts(text, marks, (date, why), published)
    for at, day, reason in marks:
        if at > start:
            out.append(Section(start, at, date, why))
        start, date, why = at, day, reason
    out.append(Section(start, len(text), date, why))
    return [s for s in out if s.end > s.start]


# A line of a transcript, opened by who speaks ("ASHBY: …", "Q: …"), and a heading after its last one ("Reactions"): an
# answer may run on over paragraphs with no label, up to a heading.
TRANSCRIPT_LINE = re.compile(r"^(?:[A-Z][A-Z.’'\- ]{0,40}[A-Z.]|Q|A):[ \t]", re.M)
HEADING_LINE = re.compile(r"^[ \t]*[A-Z][^\n.!?:“”\"]{0,40}[ \t]*$", re.M)
# A transcript's note of the day it was recorded, before its words ("This interview was recorded Thursday and has been edited").
RECORDED_ON = re.compile(r"\b[Tt]his\s+(?:interview|conversation|episode|discussion|segment|program)\s+was\s+(?:recorded|taped|conducted)\s+"
                         r"(?:on\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b")


def _changes_only(marks: list[tuple[int, dt.date, str]], published: dt.date, stamps: set[int]) -> list[tuple[int, dt.date, str]]:
    """The marks, but for the stamps (`stamps`: where they start) that do not change the day in force: a live page's
    entries stamped with the page's own day ("Feb. 16, 9:05 a.m." on a page of Feb. 16), or the page's own stamp at
    its top, start no part."""
    kept, current = [], published
    for mark in marks:
        if mark[0] not in stamps or mark[1] != current:
            kept.append(mark)
            current = mark[1]
    return kept


def _with_embedded_posts(text: str, marks: list[tuple[int, dt.date, str]],
                         first: tuple[dt.date, str], published: dt.date) -> list[tuple[int, dt.date, str]]:
    """The marks, with a part for each post the page embeds that its stamp below it (or the line above it, for a post
    quoted under a line telling its day: _introduced_posts, whose weekday is read back from `published`) dates to
    another day than the one in force where the post stands ("@TFEA_Union / Tonight the board voted … / 11:48 PM · Feb 10, 2038" on a
    page of Feb. 11; "… #CallowayStrong / — Calloway Valley Teachers (@CallowayCVTA) April 27, 2023"): its "tonight"
    is the post's. After the post, the day in force before it goes on."""
    posts = list(itertools.islice(itertools.chain(_embedded_posts(text), _introduced_posts(text, published)), MOST_SECTIONS))
    if not posts:
        return marks
    added: list[tuple[int, dt.date, str]] = []
    for start, end, day, stamp in posts:
        in_force = next(((d, why) for at, d, why in reversed(marks) if at <= start), first)
        if day != in_force[0]:
            added += [(start, day, f"an embedded post stamped {stamp!r}"), (end, *in_force)]
    return sorted(marks + added, key=lambda mark: mark[0])


def _embedded_posts(text: str) -> Iterator[tuple[int, int, dt.date, str]]:
    """Each post the page embeds, stamped below its words: (where its words start, where its stamp's line ends, the
    stamp's day, the stamp). Its words follow the line of its author's handle ("@TFEA_Union",
    "Alder Crossing Education Association @ACEA_Educators · Follow"), or, with none near above, are the
    paragraph above the stamp."""
    for m in POST_STAMP.finditer(text):
        try:
            day = dt.date(int(m.group("year")), MONTH_NAMES[m.group("month").lower()[:3]], int(m.group("day")))
        except ValueError:
            continue
        reach = max(0, m.start() - POST_REACH)
        handles = [h for h in HANDLE_LINE.finditer(text, reach, m.start()) if not POST_STAMP.match(text, h.start())]
        if handles and not POST_STAMP.search(text, handles[-1].end(), m.start()) and "\n\n" not in text[handles[-1].end():m.start()]:
            start = handles[-1].end() + 1
        else:
            words_end = len(text[:m.start()].rstrip())
            blank = text.rfind("\n\n", reach, words_end)
            start = blank + 2 if blank >= 0 else reach
        if start < m.start():
            yield start, _line_end(text, m.end()), day, m.group().strip()


def _introduced_posts(text: str, published: dt.date) -> Iterator[tuple[int, int, dt.date, str]]:
    """Each post quoted in a paragraph of its own under a line that tells the day it was posted ("At 8:14 p.m. Sunday,
    the union posted on X from its account:" over "“Mediation tomorrow. …”"): as _embedded_posts, its words dated so."""
    for m in INTRODUCED_POST.finditer(text):
        posted = resolve_weekday(published, WEEKDAYS.index(m.group("weekday") or m.group("weekday2")), "past")
        if posted is not None:
            yield m.start("words"), m.end("words"), dt.date.fromisoformat(posted), m.group("intro").strip()


# A line that tells a post's day beside its posting and ends with a colon ("At 8:14 p.m. Sunday, the union posted on X:",
# "Cortes tweeted Sunday night:"), over the post's words in quotation marks. (Not "Ahead of Monday's vote, Cortes posted:",
# nor "The union, which will vote Thursday, posted:": the day of something else.)
POSTING = r"(?:posted|tweeted|wrote|emailed|texted)"
INTRODUCED_POST = re.compile(r"^(?P<intro>(?:(?:At|Around|About|Late|Early|On)\b[^,\n]{0,24}?\s)?(?P<weekday>" + "|".join(WEEKDAYS) + r")"
                             r"(?:\s+(?:morning|afternoon|evening|night))?,\s+[^,\n]{1,60}?\b" + POSTING + r"\b[^\n]*:"
                             r"|[^\n,]{1,60}?\b" + POSTING + r"\s+(?:(?:late|early|on)\s+)?(?P<weekday2>" + "|".join(WEEKDAYS) + r")\b"
                             r"[^\n]*:)[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<words>[“\"][^\n]*)$", re.M)


# The stamp below an embedded post: X's ("11:48 PM · Feb 10, 2038") or an embed's credit line ("— Calloway Valley
# Teachers (@CallowayCVTA) April 27, 2023").
POST_STAMP = re.compile(r"^[ \t]*(?:[—–-]+[ \t]+[^\n]{0,80}\(@\w{1,30}\)[ \t]+|\d{1,2}:\d{2}[ \t]?[AaPp]\.?[Mm]\.?[ \t]+·[ \t]+)"
                        r"(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?[ \t]+(?P<day>\d{1,2}),[ \t]+"
                        r"(?P<year>(?:19|20)\d{2})[ \t]*$", re.M)
# The line of a post's author above its words: short, holding the handle.
# (Not an email address, "mholt@ledger.com", nor a byline, "By Maren Holt | @marenholt"; its words follow with no
# blank line.)
HANDLE_LINE = re.compile(r"^(?![ \t]*[Bb]y\b)[^\n]{0,80}(?<![\w.])@\w{1,30}\b[^\n@]{0,20}$", re.M)
POST_REACH = 1200  # characters above a post's stamp where its words and its author's line stand


def _in_capitals(words: str) -> bool:
    return any(c.isalpha() for c in words) and words == words.upper()


def _heading_day(m: re.Match[str], published: dt.date) -> dt.date | None:
    """The day a heading names: in its year, else the one nearest the page's day in which it falls on
    the heading's weekday (when it names one), else the nearest."""
    month, day = MONTH_NAMES[m.group("month")], int(m.group("day"))
    years = [int(m.group("year"))] if m.group("year") else [published.year - 1, published.year, published.year + 1]
    days = []
    for year in years:
        try:
            days.append(dt.date(year, month, day))
        except ValueError:
            continue
    weekday = m.group("weekday")
    fitting = [d for d in days if weekday and WEEKDAYS[d.weekday()].lower().startswith(weekday)] or days
    return min(fitting, key=lambda d: abs((d - published).days)) if fitting else None


def _past_midnight(text: str, published: dt.date, marks: list[tuple[int, dt.date, str]],
                   page_stamps: list[tuple[int, str]]) -> list[tuple[int, dt.date, str]]:
    """Where a live page's entries cross midnight: within each part, read oldest entry first (the
    page may put the newest first), an entry whose clock goes back by hours is on the next day."""
    entries = [(m.start(), minutes) for m in ENTRY_STAMP.finditer(text) if (minutes := clock_minutes(m)) is not None]
    # "12:52 a.m. Saturday" above "11:15 p.m." on a page of Friday: an entry in the small hours of the day after
    # (not "The strike begins at / 12:01 a.m. Thursday", a deadline on another day)
    after = WEEKDAYS[(published + dt.timedelta(days=1)).weekday()]
    entries += [(m.start(), minutes) for m in ENTRY_STAMP_WITH_DAY.finditer(text)
                if m.group("weekday") == after and (minutes := clock_minutes(m)) is not None and minutes < NIGHT_ENDS]
    entries.sort()
    if len(entries) < 2:
        return marks
    bounds = [0, *(at for at, _, _ in marks), len(text) + 1]
    added: list[tuple[int, dt.date, str]] = []
    for low, high in itertools.pairwise(bounds):
        part = [e for e in entries if low <= e[0] < high]
        if len(part) < 2:
            continue
        falling = sum(a > b for (_, a), (_, b) in itertools.pairwise(part))
        newest_first = falling >= len(part) - 1 - falling  # a tie (one crossing in three entries): live pages put the newest first
        base = next((day for at, day, _ in reversed(marks) if at <= low), published)
        day_of: dict[int, dt.date] = {}
        shift, previous = 0, None
        for at, minutes in (reversed(part) if newest_first else part):
            if previous is not None and minutes < previous - MIDNIGHT_GAP:
                shift += 1
            day_of[at], previous = base + dt.timedelta(days=shift), minutes
        if not newest_first and base + dt.timedelta(days=shift) > published and any(part[-1][1] <= stamp < NOON for stamp, _ in page_stamps):
            # a box of times told in order that runs past midnight ("9 a.m. — …" / … / "1:50 a.m. — Tentative agreement
            # signed."), on a page stamped the morning after it ended ("Updated 6:40 a.m."): it ends on the page's day, so
            # it began the day before
            day_of = {at: day - (base + dt.timedelta(days=shift) - published) for at, day in day_of.items()}
        first = min(day_of.values())
        current = base
        for at, _ in part:  # in text order: a new part wherever the day changes
            if day_of[at] != current:
                current = day_of[at]
                added.append((at, current, f"a live entry on {current.isoformat()}, past midnight" if current > first
                              else f"a live entry on {current.isoformat()}, before midnight"))
    return sorted(marks + added, key=lambda mark: mark[0])


# A page first stamped in the early morning ("Feb. 26, 2026, 6:05 a.m. CT", "Published 5:40 AM"), and updated, if at
# all, by 10 a.m. (a morning paper's "Updated 9:47 a.m."): what it tells as done, with no day, was done by the evening
# before. A later stamp ("Updated 11:45 a.m.", "Updated 9:58 PM") says the day went on.
MORNING_ENDS = 8 * 60  # minutes after midnight
MORNING_UPDATES_END = 10 * 60  # a later update ("Updated 11:45 a.m.") may add the morning's own news
# A page first posted before this ("Posted: Mar 24, 2028 / 12:41 AM") was written the evening before: its
# "tonight", "today" and weekdays are told from that day.
NIGHT_ENDS = 3 * 60
NOON = 12 * 60
UPDATE_STAMP = re.compile(r"(?:last )?(?:updated|modified)\b", re.I)  # a live page's last update tells when it was last written
STAMP_REACH = 2500  # characters from the top, where a page's stamps stand
STAMP_TIME = re.compile(r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?", re.I)


def page_stamps(text: str) -> list[tuple[int, str]]:
    """The stamps near the page's top (lines of page metadata holding a clock time), in order: (minutes after
    midnight, line). Read once by the draft, for morning_stamp and page_clock."""
    return _stamps(text)


def morning_stamp(stamps: list[tuple[int, str]]) -> str | None:
    """The page's stamp line when the first stamp near its top (`stamps`: page_stamps) is of the early morning and
    none is later than MORNING_UPDATES_END; None otherwise, or when there is none."""
    return stamps[0][1] if stamps and stamps[0][0] < MORNING_ENDS and all(minutes < MORNING_UPDATES_END for minutes, _ in stamps) \
        else None


def page_clock(text: str, stamps: list[tuple[int, str]], published: dt.date | None) -> PageClock | None:
    """When the page was first stamped, among its stamps near its top, and last updated: its latest "Updated"
    stamp or update in its body ("UPDATE 4:45 p.m.: …", "This story was updated at 4:45 p.m."); None when it has no
    stamp, or when a stamp or an update names another day than the page's (updated the day after: its clock says
    nothing of the page's day). A page that shows no update, first posted after the morning, has no last: it may
    have been changed since. `stamps`: page_stamps(text)."""
    if not stamps or published is None:
        return None
    updates = [(minutes, line) for minutes, line in stamps if UPDATED.search(line)]
    updates += [(minutes, m.group().strip()) for m in BODY_UPDATE.finditer(text)
                if (time := STAMP_TIME.search(m.group())) and (minutes := clock_minutes(time)) is not None]
    if any(_names_another_day(line, published) for _, line in stamps + updates):
        return None
    first = min(minutes for minutes, _ in stamps)
    if not updates and max(minutes for minutes, _ in stamps) < NOON:
        updates = stamps  # a morning paper's "Published 5:30 a.m.", shown alone: what it tells as done was done by then
    last, line = max(updates, key=lambda update: update[0]) if updates else (None, "")
    return PageClock(_hhmm(first), _hhmm(last) if last is not None else None, line)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


UPDATED = re.compile(r"\bupdated\b", re.I)
# An update told in the page's body: "UPDATE 4:45 p.m.: …", "Update, 4:45 p.m. —", "This story was updated at 4:45 p.m."
BODY_UPDATE = re.compile(r"^[ \t]*(?:UPDATE|Update|UPDATED|Updated)\b[,:]?[ \t]*(?:at[ \t]+)?\d{1,2}(?::\d{2})?[ \t]*(?i:[ap]\.?m\b\.?)"
                         r"[^\n]{0,60}|\b(?:story|article|post|page) (?:was|has been) updated (?:at )?\d{1,2}(?::\d{2})?[ \t]*(?i:[ap]\.?m\b\.?)"
                         r"[^\n]{0,60}", re.M)


def _names_another_day(line: str, published: dt.date) -> bool:
    return any(h.precision == "day" and h.start_date not in (None, published.isoformat())
               for h in find_happenings(line, published, [Span(0, len(line))]))


def _stamps(text: str) -> list[tuple[int, str]]:
    """The stamps near the page's top (lines of page metadata holding a clock time), in order: (minutes after
    midnight, line)."""
    stamps = []
    for m in re.finditer(r"[^\n]+", text[:STAMP_REACH]):
        line = m.group().strip()
        if not (STAMP_TIME.search(line) and is_furniture(line) and (METADATA_OPENING.match(line) or DIGIT_DATE_LINE.match(line))):
            continue
        # ("Published: 5:52 AM … | Updated: 4:18 PM …": both)
        stamps += [(minutes, line) for time in STAMP_TIME.finditer(line) if (minutes := clock_minutes(time)) is not None]
    return stamps


def slice_spans(spans: list[Span], section: Section) -> list[Span]:
    """The sentence spans inside a section, counted from its start."""
    return [Span(s.start - section.start, min(s.end, section.end) - section.start) for s in spans if section.start <= s.start < section.end]
