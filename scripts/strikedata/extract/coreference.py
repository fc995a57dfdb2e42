"""A happening told loosely takes the day of the same happening told exactly.

A page tells one happening several times, often only once with its day: "Teachers voted two weeks ago
to authorize a strike" beside a timeline's "Sept. 23 — Teachers vote to authorize strike"; "The walkout
began" beside "The strike began Monday". A loose telling (no date words, a week, a month) whose window
holds exactly one day of a happening of its kind, told exactly in the page or in the registry, is that
happening, and takes its day; a happening that lasts takes its first day. The eve of the strike, the
strike a condition speaks of ("if the strike goes ahead"), and a clause without date words beside one
with them ("Teachers reject offer, will strike Wednesday") are dated the same way; and a strike's day told
by its number ("the strike's 11th day") counts school days from the strike's first day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import NamedTuple

from .happenings import (
    EVE_NOTE,
    LASTING,
    WEEKDAYS,
    Happening,
    count_strike_days,
    event_kin,
    event_type,
    kin_and_word,
    numbered_strike_days,
    of_a_strike,
    tense,
)
from .text import Span

# How a date found in the words themselves is read: these anchor loose tellings, never the reverse.
EXACT_BASES = {"stated", "weekday_resolved"}

# A page tells many statements and announcements, and many happenings of no kind the words name: one told
# loosely is no more likely the one told exactly.
TOO_COMMON_KINDS = {"statement", "announcement", "other"}

class Told(NamedTuple):
    """A happening told to the day: its kin, first and last days (ISO), and whose it is when its words say."""
    kind: str
    first: str
    last: str | None
    workforce: frozenset[str] = frozenset()
    at: int = -1  # where the page tells it (-1: the registry)


# Whose happening a telling is, where a district's teachers and the staff who support them (aides, drivers,
# custodians) have unions of their own that vote, strike and settle on days of their own: "the bus drivers'
# walkout" is not the teachers' strike told three paragraphs up. Read from the words and from the names of
# the unions the telling names ("Teamsters Local 12": staff; "the Education Association": teachers).
WORKFORCES = (
    ("teachers", re.compile(r"\b(?:teachers?|educators?|faculty)\b(?![’']?s?\s+(?:aides?|assistants?)\b)|\bEducation Association\b", re.I)),
    ("staff", re.compile(r"\b(?:support (?:staff|professionals?|personnel|workers|employees)|classified|aides?|para(?:educator|professional)s?|"
                         r"(?:bus )?drivers?|custodians?|cafeteria|kitchen|food service|school workers|secretar(?:y|ies)|clerical|"
                         r"SEIU|Teamsters|AFSCME|Local \d+)\b", re.I)),
)


def workforce(words: str) -> frozenset[str]:
    """The workforces a passage names ("teachers", "staff"), from its words."""
    return frozenset(name for name, pattern in WORKFORCES if pattern.search(words))


def exact_tellings(happenings: Iterable[Happening], kind_of: Callable[[Happening], str],
                   workforce_of: Callable[[Happening], frozenset[str]] = lambda _: frozenset()) -> list[Told]:
    """The happenings of the page told to the day, in words that give their date."""
    return [Told(kind_of(h), h.start_date, h.end_date, workforce_of(h), h.start) for h in happenings
            if h.start_date and h.precision == "day" and h.basis in EXACT_BASES and not told_without_date(h)]


def registry_tellings(events: dict[str, dict], workforce_of: Callable[[str], frozenset[str]] = workforce) -> list[Told]:
    """The registry's events dated to the day, each of the kin its description tells when that kin is of
    its type ("The teachers' contract expired": other:expiry), and of the workforce it names."""
    return [Told(_registry_kin(e), str(e["start_date"]), str(e["end_date"]) if e.get("end_date") else None,
                 workforce_of(str(e.get("description") or "")))
            for e in events.values() if e.get("start_date") and (e.get("date_precision") or "day") == "day"]


def _registry_kin(event: dict) -> str:
    kind = str(event.get("event_type"))
    kin = event_kin(str(event.get("description") or ""))
    return kin if event_type(kin) == kind else kind


def settle(happening: Happening, kind: str, page: list[Told], registry: list[Told], published: dt.date | None,
           whose: frozenset[str] = frozenset(), headline: bool = False) -> Happening:
    """`happening` dated from its kin when it is told loosely and its window holds one day of its kind,
    in the page first, else in the registry; unchanged otherwise. A happening that lasts is one
    however many of its days the page tells: it takes the first. A telling of one workforce's happening
    (`whose`: "the aides' walkout") is never one told of the other's alone. A headline tells the news its
    story's lead tells: of several days its window holds, the first told just after it and lately, else the latest."""
    if happening.start_date is None and happening.note == EVE_NOTE:
        return _eve(happening, page, registry, published)
    window = _window(happening, kind, published)
    if window is None or kind in TOO_COMMON_KINDS:
        return happening
    for tellings, where in ((page, "the page"), (registry, "the registry")):
        kin = [t for t in tellings if t.kind == kind and _inside(t.first, t.last, window, kind) and _same_workforce(whose, t.workforce)]
        days = {t.first for t in kin}
        if days and (len(days) == 1 or kind in LASTING or headline):
            day = min(days) if not headline or kind in LASTING else _lead_day(happening, kin) or max(days)
            if day == happening.start_date and happening.precision == "day" and not told_without_date(happening):
                return happening  # read as that day already (one told with no date words is now told by its kin)
            note = f"{happening.note}; the same {kind.replace('_', ' ')} is dated {day} elsewhere in {where}"
            return dataclasses.replace(happening, start_date=day, end_date=None, precision="day", note=note.lstrip("; "))
        if days:
            return happening  # several: the curator chooses
    return happening


# "if the strike goes ahead", "If both strikes go forward", "will walk out too": the planned strike, which
# the page dates elsewhere.
STRIKE_IF = re.compile(r"\b[Ii]f (?:the |a |both |any )?(?:[\w’'-]+ )?(?:strikes?|walkouts?) (?:goes|go|happens?|begins?|starts?|"
                       r"takes? place|occurs?|moves? forward|goes forward|go forward|proceeds?|comes?)\b"
                       # "if teachers strike", "in case the union walks out": the strike, as a verb
                       r"|\b(?:[Ii]f|[Ii]n case|[Ss]hould) (?:the |its |their )?(?:[\w’'-]+ ){0,2}?(?:strikes?|walks? out)\b"
                       r"(?! (?:vote|notice|pay|fund))"
                       # "Support staff will walk out with them": a strike told as planned, with no day of its own
                       r"|\b(?:will|plans? to|planning to|(?:are|is) set to|(?:are|is) going to|vows? to|vowed to)\s+(?:also\s+)?"
                       r"(?:strike|walk out|walk off the job)\b"
                       # "to avoid a strike", "prepare for a strike": the strike ahead
                       r"|\b(?:avoid|avert|prevent|prepare for|preparing for|brace for|bracing for|head off)\s+(?:a|the|any)\s+"
                       r"(?:possible\s+|potential\s+|looming\s+|threatened\s+)?(?:strike|walkout)\b")


def strike_if(text: str, published: dt.date | None) -> list[Happening]:
    """The planned strike each "if the strike goes ahead" or "will walk out" tells of, undated, for
    `settle` to date from the page or the registry (kept only when it does)."""
    if published is None:
        return []
    return [Happening(m.start(), m.end(), m.group(), published.isoformat(), None, "day", "inferred", "future", None, 0.35,
                      "no date words: the strike a condition speaks of") for m in STRIKE_IF.finditer(text)]


# Where a sentence (a headline most often) joins two tellings: "Teachers reject offer, will strike
# Wednesday"; "Schools reopen Tuesday after teachers reach tentative deal"; "ratify contract; board vote set".
TELLINGS_JOIN = re.compile(r";\s+|,\s+(?=(?:will|and then|as|after|ending|which ended)\b)|\s+(?=(?:as|after)\s+(?!of\b|well\b|much\b|many\b|long\b))")


def undated_clauses(text: str, sentences: Iterable[Span], dated: Iterable[Happening], published: dt.date | None) -> list[Happening]:
    """A happening for each clause that tells of one in words of its own, with no date words, in a
    sentence whose date words belong to another clause: undated, for `settle` to date from its kin
    (kept only when it does)."""
    if published is None:
        return []
    starts = sorted(h.start for h in dated if h.expression)
    out = []
    for sentence in sentences:
        inside = starts[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        if not inside:
            continue
        said = text[sentence.start:sentence.end]
        cuts = [0, *(m.end() for m in TELLINGS_JOIN.finditer(said)), len(said)]
        for low, high in pairwise(cuts):
            if any(low <= p - sentence.start < high for p in inside):
                continue
            clause = said[low:high]
            kin, word = kin_and_word(clause)
            if kin not in TOO_COMMON_KINDS and word is not None:  # a statement's own verb dates it
                where = sentence.start + low + word
                out.append(Happening(where, where, "", published.isoformat(), None, "day", "inferred", tense(clause), None, 0.35,
                                     "no date words: a clause of a sentence dated by another"))
    return out


def counted_strike_days(text: str, dated: Iterable[Happening], page: list[Told], registry: list[Told],
                        published: dt.date | None) -> list[Happening]:
    """"Day three of the strike", "the strike's 11th day", "as the walkout begins its second week" on a
    page that does not say which day of the strike it is written on: counted from the strike's first
    day, told exactly in the page first, else in the registry: days in school days, weeks as the weeks
    of the calendar it runs into. A bare "day three" may count something else, and is left. A day read
    from the article's own ("on the fifth day of the strike, …") that the first day the page tells
    contradicts (a look-back weeks later: "On the strike’s fourth day, a Monday, …") is counted again."""
    first = _first_strike_day(page, registry, published)
    if first is None or published is None:
        return []
    day_one, where = first
    begun = dt.date.fromisoformat(day_one)
    read = {h.start: h.start_date for h in dated}
    out = []
    for m, n, unit in numbered_strike_days(text):
        if not of_a_strike(text, m) or (m.start() in read and where != "the page"):
            continue
        if unit == "week":  # the Nth week the strike is in: a week begun on a Thursday is its first
            monday = begun - dt.timedelta(days=begun.weekday()) + dt.timedelta(weeks=n - 1)
            day, last, precision = max(monday, begun), monday + dt.timedelta(days=6), "week"
        else:
            day, last, precision = count_strike_days(begun, n - 1), None, "day"
        if m.start() in read and read[m.start()] == day.isoformat():
            continue  # read so already
        how = "in school days" if unit == "day" else "in calendar weeks"
        out.append(Happening(m.start(), m.end(), m.group(), day.isoformat(), last.isoformat() if last else None, precision, "inferred",
                             "future" if day > published else "past", None, 0.45,
                             f"{unit} {n} of the strike, counted {how} from its first day, {day_one}, in {where}"))
    return out


def _first_strike_day(page: list[Told], registry: list[Told], published: dt.date | None) -> tuple[str, str] | None:
    """The first day of a strike told exactly, in the page first, and where it is told: the first of the strikes begun
    within a year of the article's date when there are any (a district's strike of years before is not the one "the
    strike's second week" counts in)."""
    for tellings, where in ((page, "the page"), (registry, "the registry")):
        firsts = sorted(t.first for t in tellings if t.kind == "strike")
        recent = [first for first in firsts if published is None or first >= (published - A_YEAR).isoformat()]
        if firsts:
            return (recent or firsts)[0], where
    return None


A_YEAR = dt.timedelta(days=366)


def _same_workforce(whose: frozenset[str], told: frozenset[str]) -> bool:
    """A telling of one workforce's happening and a telling may be of one happening: either names no one
    workforce, or the telling names the one it names."""
    return len(whose) != 1 or not told or whose <= told


def _eve(happening: Happening, page: list[Told], registry: list[Told], published: dt.date | None) -> Happening:
    """A day before the strike ("the eve of", "the night before", "the Monday before"): counted back from the first
    day of a strike told exactly, in the page first."""
    first = _first_strike_day(page, registry, published)
    if first is None:
        return happening
    day_one, where = first
    weekday = next((i for i, name in enumerate(WEEKDAYS) if name.lower() in happening.expression.lower()), None)
    begun = dt.date.fromisoformat(day_one)
    back = 1 if weekday is None else (begun.weekday() - weekday - 1) % 7 + 1  # "the Monday before": the last Monday before it
    day = (begun - dt.timedelta(days=back)).isoformat()
    return dataclasses.replace(happening, start_date=day, note=f"{happening.note}, which {where} dates {day_one}")


def closed_for_the_strike(happening: Happening, kind: str, tellings: list[Told], published: dt.date | None,
                          sentence: str) -> Happening | None:
    """Schools closed with no day of their own ("Classes are canceled for every student", "The district has canceled
    classes") when the strike the page and the registry tell to the day is still ahead: closed from the strike's first
    day; None otherwise (a closure told once a strike has begun is read as its kin tell it), and when the sentence
    gives the closure a cause or a place of its own ("because of the snow", "at Lincoln Elementary, where the heat
    failed")."""
    if kind != "school_closure" or published is None or not told_without_date(happening) or CLOSED_FOR_ANOTHER.search(sentence):
        return None
    recent = (published - A_YEAR).isoformat()
    firsts = sorted(t.first for t in tellings if t.kind == "strike" and t.first >= recent)
    if not firsts or firsts[0] <= published.isoformat():
        return None
    note = f"{happening.note}; schools close for the strike, dated {firsts[0]}, after the article's date"
    return dataclasses.replace(happening, start_date=firsts[0], end_date=None, precision="day", note=note)


CLOSED_FOR_ANOTHER = re.compile(r"\b(?:because|due to|after|amid|following|where|when|storm|snow|ice|icy|weather|threat|heat|"
                                r"power|outage|water|flood\w*|fire|illness|flu)\b|\b(?:at|in)\s+[A-Z]")


def told_without_date(happening: Happening) -> bool:
    """A happening its sentence tells with no date words (read as the article's day, the latest it can be)."""
    return happening.note.startswith("no date words")


def _window(happening: Happening, kind: str, published: dt.date | None) -> tuple[dt.date | None, dt.date] | None:
    """The days a loose telling can stand for: up to its day when it has no date words (a past happening
    told at or before the day it was read as; up to the article's day for one that lasts), its week or
    month otherwise; None when it is exact."""
    if not happening.start_date:
        return None
    start = dt.date.fromisoformat(happening.start_date)
    if told_without_date(happening):
        if happening.tense == "future":  # a planned happening: any day of its kind the page tells
            return start - LOOSE_REACH, dt.date.max
        # (no further back than LOOSE_REACH: "schools are closed" in 2026 is no closure of 2022 the registry holds)
        return start - LOOSE_REACH, max(start, published) if published and kind in LASTING else start
    if happening.precision in ("week", "range") and happening.end_date:
        slack = dt.timedelta(days=AGO_SLACK if AGO.search(happening.expression) else 0)
        return start - slack, dt.date.fromisoformat(happening.end_date) + slack
    if happening.precision == "month":
        return start, (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return None  # a year holds too many happenings of one kind to tell which


def _lead_day(headline: Happening, kin: list[Told]) -> str | None:
    """The day a headline's story's lead tells: the first telling of its kind just after it, told lately."""
    news = dt.date.fromisoformat(str(headline.start_date)) - NEWS_REACH  # (a window means a day)
    lead = min((t for t in kin if 0 < t.at - headline.start <= LEAD_REACH and dt.date.fromisoformat(t.first) >= news),
               key=lambda t: t.at, default=None)
    return lead.first if lead else None


# How far after a headline its story's lead tells its news ("Members ratify new contract" over "Members voted
# yesterday to ratify …"); further on, a story tells of other days ("Members voted on Oct. 23 to authorize …").
LEAD_REACH = 600
# A lead's day is news: within a few days of the headline's. ("Board shelves vote" over "Members voted on Oct. 23 …"
# tells no vote of October.)
NEWS_REACH = dt.timedelta(days=3)
# How far back a happening told with no date words may be the same as one told to the day.
LOOSE_REACH = dt.timedelta(days=180)
# "Three weeks ago, we walked out", told 19 days after: weeks ago are counted loosely, by a few days either way.
AGO = re.compile(r"\bweeks? ago\b", re.I)
AGO_SLACK = 3


def _inside(first: str, last: str | None, window: tuple[dt.date | None, dt.date], kind: str) -> bool:
    """The telling's first day is in the window; or, for a happening that lasts, the window's end
    falls while it lasts."""
    low, high = window
    day = dt.date.fromisoformat(first)
    if (low is None or low <= day) and day <= high:
        return True
    return kind in LASTING and last is not None and day <= high <= dt.date.fromisoformat(last)
