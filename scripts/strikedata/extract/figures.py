"""Figures (percents, dollar amounts and rates, durations, ordinal days, counts, multiples) and the
offer items they belong to (item type, "up from" value, school years)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .entities import SENTENCE_WORDS
from .text import (
    CALENDAR_WORDS,
    NUMBER_PHRASE,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PEOPLE_NOUNS,
    TENS,
    UNITS,
    WEEKDAY_NAME,
    SpanIndex,
    folded as fold,
    number_value,
    plain_number,
)

NUMBER_WORD = NUMBER_PHRASE
QUALIFYING = ("more than|longer than|over|at least|nearly|almost|about|around|roughly|approximately|up to|closer to|"
              "(?<!will )(?<!would )(?<!could )(?<!may )(?<!might )(?<!must )(?<!to )close to|"  # (not "Lincoln High will close to …")
              "an average of|an average|average of|on average|as many as|as much as|fewer than|less than")
QUALIFIER = rf"(?:(?P<qual>{QUALIFYING})\s+)?"
QUALIFIERS = {
    "more than": "more_than", "longer than": "more_than", "over": "more_than", "nearly": "approximately", "almost": "approximately",
    "about": "approximately", "around": "approximately", "close to": "approximately", "closer to": "approximately",
    "roughly": "approximately", "approximately": "approximately",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "an average": "average", "an average of": "average",
    "average of": "average", "on average": "average",
}
# A number begins where a run of digits begins, or 1 to 3 digits before a thousands comma ("1234,567"
# is read as 234,567, as before). Without that, a run of thousands of digits is re-read from each of them.
DIGITS = r"(?:(?<!\d)|(?=\d{1,3},\d{3}))(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
PERCENT = re.compile(QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD})\s?(?:%|percent(?:age points?)?\b|per cent\b)", re.I)
MONEY = re.compile(
    QUALIFIER + r"(?:an? (?:additional|extra) )?\$\s?(?P<num>" + DIGITS + r")(?:\s?(?P<scale>million|billion|thousand)\b)?"
    r"(?P<rate>\s(?:an|per|a|each) (?P<per>hour|year)\b|/(?P<slash>hour|hr|year|yr)\b|\s(?P<yearly>annually|a year)\b)?", re.I)
# ("two million dollars", "half a million dollars a week")
DOLLARS = re.compile(QUALIFIER + rf"(?:(?P<num>{DIGITS}|{NUMBER_WORD})|(?P<half>half )?an?(?= (?:million|billion|thousand) ))"
                     r"\s(?:(?P<scale>million|billion|thousand) )?dollars\b"
                     rf"(?: and (?P<cents>{DIGITS}|{NUMBER_WORD}) cents\b)?", re.I)
# An age is in years ("a 6-year-old", "whose 82-year-old father"); the age of a thing ("a 3-year-old contract") is
# no figure of the dispute.
AGE_OF_A_PERSON = (r"\s+(?:son|daughter|boy|girl|kid|brother|sister|grandson|granddaughter|twin|niece|nephew|patient|"
                   + PEOPLE_NOUNS + r")s?\b"
                   r"|\s*[^\w\s-]|\s+(?:[a-z]+ed|to|in|at|and|or|who|with|for|of|on|is|are|was|were|has|had|needs?)\b|\s*$")
# The units of time a figure counts in (weeks and decades in the table's days and years: IN_UNITS).
DURATION_UNITS = ("year", "day", "hour", "week", "decade")
DURATION_UNIT = "|".join(DURATION_UNITS)
DURATION = re.compile(
    QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD}|an?|another)(?:-| )(?P<unit>{DURATION_UNIT})s?\b"
    r"(?:-olds?\b(?=" + AGE_OF_A_PERSON + r")|(?!-old))", re.I)
# "for a week", "in a decade": how long, told by its preposition (not "a week of talks").
SPAN_BEFORE = re.compile(r"\b(?:for|in|within|over)\s+$", re.I)
OF_AFTER = re.compile(r"\s+of\b")
# Units the figures table has no value for, in the one it has: a week is 7 days, a decade 10 years.
IN_UNITS = {"week": ("days", 7), "decade": ("years", 10)}
# The first end of a range whose unit is written once, after the second ("two to three years",
# "two or three years", "5 to 7 percent"): a figure of its own, in that unit.
RANGE_FIRST = re.compile(
    # (not the tens of a number in words: "Twenty-six years" is no range from twenty)
    rf"(?P<num>{DIGITS}|{NUMBER_WORD})(?!(?:{'|'.join(f'(?<={tens})' for tens in TENS)})-(?:{'|'.join(UNITS)})\b)"
    rf"(?=(?:\s+(?:to|or|(?P<between>and))\s+|(?P<hyphen>\s?[-–]\s?))(?:{DIGITS}|{NUMBER_WORD})"
    # "two to three school days": words describing the unit, not after a hyphen ("thirty-two students this year")
    # (nor when the words say when: "voted 4 to 3 last week", "grades 6 to 8 next year")
    r"(?:(?:-| )(?(hyphen)|(?:(?!(?:to|of|a|an|the|this|that|every|each|per|last|next|past|coming|previous|following)\b)[a-z]+ ){0,2}?)"
    rf"(?P<unit>{DURATION_UNIT})s?\b(?!-old)|\s?(?P<percent>%|percent\b)))", re.I)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)  # "between four and nine school days"
# "two to three thousand people", "two or three dozen": a scale the first end shares, left unsaid (no range from two)
SCALED_SECOND = re.compile(r"\s+(?:and|to|or)\s+[\w,.-]+\s+(?:hundred|thousand|million|billion|dozen)\b", re.I)
# "Between 150 and 200 nurses", "150 to 200 nurses", "between 2,500 and 3,000 people": the first end of a range of counts.
RANGE_COUNT_FIRST = re.compile(
    rf"(?P<num>{DIGITS}|{NUMBER_WORD})(?=\s+(?:and|to|or)\s+(?:{DIGITS}|{NUMBER_WORD})\s+(?:[a-z]+(?:-[a-z]+)?\s+){{0,2}}?"
    rf"(?!(?:percent|years?|days?|hours?|weeks?)\b)(?:[a-z]+s|people|staff|children|faculty|personnel)\b)", re.I)
# "Out of roughly 1,700 members, 1,212 voted": the voters, counted.
VOTERS = re.compile(rf"(?<![\w$.,-])(?P<num>{DIGITS}) (?:of them |members |people )?(?:voted|cast (?:ballots|votes))\b")
# "five and a half hours": a duration and its half.
AND_A_HALF = re.compile(rf"\b(?P<num>{DIGITS}|{NUMBER_WORD}) and a half (?P<unit>year|day|hour|week)s\b", re.I)
# "Members voted 1,784 to 211", "The motion failed 5-4", "approved it 488-61": both sides of a vote are counts.
VOTE_TALLY = re.compile(r"\b(?:voted|voting|vote of|votes? of|by a vote of|margin of|"
                        r"(?<!\bthe )(?<!\ba )votes?(?=\s+\d)|"  # a timeline's present: "April 15: The board votes 5-2 to hire …"
                        # (a timeline's present: "Aug. 18: The board rejects the report, 4-1.")
                        r"(?:fail(?:ed|s)|pass(?:ed|es)|carried|approve[sd]|reject(?:ed|s)|ratifie[sd]|adopt(?:ed|s)|defeat(?:ed|s))"
                        # ("ratified their own agreement earlier this week, 684 to 41")
                        # ("approved the new two-year contract last week, 1,162 to 81")
                        r"(?:\s+(?:it|them|(?:the|its|their)(?:\s+own)?(?:\s+[\w-]+){1,3}?))?)"
                        # ("ratified the agreement Saturday, 912 to 164": the day of the vote between)
                        rf"(?:\s+(?:on\s+)?(?:{WEEKDAY_NAME}|today|yesterday)(?:\s+(?:night|evening|afternoon))?"
                        # ("ratified it last month, 2,011 to 274", "approved it four days later, 6 to 1")
                        r"|\s+(?:(?:earlier|later)\s+)?(?:last|this)\s+(?:week|month)|\s+(?:\w+\s+)?(?:days?|weeks?)\s+(?:later|earlier)"
                        # ("rejected it the following Monday, 4-1")
                        rf"|\s+the\s+(?:following|next)\s+(?:{WEEKDAY_NAME}|day|week))?,?"
                        # (not "for grades 6-8", "Rooms 104-106", "rivals 56-48": grades, rooms and scores)
                        r"(?<!grades)(?<!grade)(?<!rooms)(?<!room)(?<!ages)(?<!rivals)(?<!opponents)"
                        rf"\s+(?P<num>{DIGITS})(?:\s*[-–]\s*|\s+to\s+)(?P<num2>{DIGITS})\b"
                        # (not "10 to 12 students per class": a range of what it counts; nor "3-7 p.m.", "3-4 times")
                        r"(?!\s+(?:students|pupils|kids|children|percent|days|hours|weeks|months|years|times)\b)"
                        # (nor "approves 3-4 new hires a year": a range of things counted, a plural after it)
                        r"(?!\s+(?:new\s+|more\s+|additional\s+|extra\s+)?(?!(?:votes|this|was|is|as|yes|has|does|always|perhaps|thus|"
                        r"members|trustees|directors)\b)[a-z]{3,}s\b)"
                        r"(?!\s*(?:[ap]\.m\.|[ap]m\b))", re.I)
# "588 members voted yes and 44 no", "five votes in favor and two against": the other side of a tally told in words.
VOTES_AGAINST = re.compile(rf"\b(?:yes|in favor),? (?:and|to|with) (?P<num>{DIGITS}|{NUMBER_WORD}) (?:no|against|opposed)\b(?!-)", re.I)
# "the city of about 24,000": a place's people, counted.
POPULATION = re.compile(r"\b(?:city|town|village|county|community|suburb|borough) of (?:(?P<qual>about|nearly|roughly|some|around|"
                        r"more than|fewer than|almost|just over|just under) )?(?P<num>\d{1,3}(?:,\d{3})+)\b(?! (?:[a-z]+ )?(?:dollars|acres|miles))")
NUMBER_ALONE = re.compile(rf"(?P<num>{DIGITS})")
NUMBER_WORD_OR_DIGITS = re.compile(rf"(?P<num>{DIGITS}|{NUMBER_WORD})", re.I)
# "on a 6-3 vote", "by a 5-2 vote": a tally told before the word vote.
TALLY_VOTE = re.compile(r"\b(?P<num>\d{1,4})[-–](?P<num2>\d{1,4})\s+(?:vote|decision|ruling|margin)\b", re.I)
# "all but three urged the board": the few who did not.
ALL_BUT = re.compile(rf"\ball but (?P<num>{DIGITS}|{NUMBER_WORD})\b(?! (?:percent|years?|days?|hours?|weeks?)\b)", re.I)
# "75 cents an hour": dollars, in cents.
CENTS = re.compile(QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD}) cents\b(?P<rate> (?:an|per|a) hour\b)?", re.I)
# "a half-percent", "a quarter of a percent": fractions of a percent told in words.
FRACTION_PERCENT = re.compile(r"\b(?P<frac>a half|one-half|half a|a quarter(?: of a)?|three-quarters(?: of a)?)[- ]"
                              r"(?:percent(?:age point)?|per cent|point)\b"
                              r"|\b(?:a|one) (?:full )?percentage point\b", re.I)  # "about a percentage point": one
# "We moved a full point", "about a point below a normal Friday", "We were a point apart": one percentage point (not "at
# one point", "a point of pride", "about a point Dr. Reyes made").
WHOLE_POINT = re.compile(r"\b(?:a full point|(?:about|nearly|almost|roughly|only|just|by) a point|a point (?:apart|below|above|"
                         r"higher|lower))\b(?! (?:of\b|(?-i:[A-Z])))", re.I)  # (not "a point Dr. Reyes made", "a point of order")
# "We have moved a point and a half", "came down one and a half points": percentage points and a half moved at the
# table (not "Reading scores fell two and a half points").
POINT_AND_A_HALF = re.compile(r"\b(?:moved|move|moving|came down|come down|came up|come up|gave|give|giving|given|apart|closer|gap of|"
                              r"raised|offered)\s+(?:(?:another|about|nearly|roughly|only|just|by|more than)\s+)?"
                              r"(?P<figure>(?P<n>a|one|two|three) points? and a half\b|(?P<n2>one|two|three) and a half (?:percentage )?points\b)",
                              re.I)
POINT_AND_A_HALF_AT = re.compile(r"and a half")
# A figure told in points, in words ("a point and a half", "a full point", "three-quarters of a point"): a distance
# between offers (not "a 2 percentage point raise").
POINTS_MOVED = re.compile(r"^(?!.*\bpercentage\b)\D*\bpoints?\b\D*$", re.I)
# "for 45 minutes", "half an hour": a duration in hours, the unit the figures have for it.
MINUTES = re.compile(QUALIFIER + rf"(?:(?P<num>{DIGITS}|{NUMBER_WORD}) minutes|\b(?P<half>half an hour|a half-hour))\b", re.I)
# "a third of instructional aides", "About two of every three routes": a share told as a fraction.
SHARE_FRACTION = re.compile(r"\b(?:(?P<qual>about|nearly|roughly|almost|more than|less than|over)\s+)?(?:(?P<n>a|one|two|three)[- ]"
                            r"(?P<den>half|third|quarter|fifth)s?(?= of\b)"
                            r"(?! of an? (?:percent|per cent|percentage point|point)\b)|(?P<n2>one|two|three|four|five|six|seven|eight|nine|[1-9])"
                            # ("one in five students", "nearly nine in 10": a share, not a count of five students)
                            r" (?:(?:of|in|out of) every|in|out of) (?P<d2>two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\b(?![,.]\d)"
                            # (not "three in five years", "two in three days", "one in five-day preschool": a span)
                            r"(?!-| (?:years?|days?|weeks?|months?|hours?|decades?|minutes?)\b))", re.I)
SHARE_PARTS = {**NUMBER_WORDS, **{str(n): n for n in range(1, 11)}, "a": 1, "half": 2, "third": 3, "quarter": 4, "fifth": 5}
# ("a third", "two of every three", "1 in 5 students")
FRACTIONS = {"a half": 0.5, "one-half": 0.5, "half a": 0.5, "a quarter": 0.25, "a quarter of a": 0.25, "three-quarters": 0.75,
             "three-quarters of a": 0.75}
# "hundreds of strikers", "tens of thousands of students": at least the unit the plural names.
PLURAL_COUNT = re.compile(r"\b(?:(?P<num>tens of thousands|hundreds of thousands|thousands|hundreds|dozens) of|"
                          r"(?P<several>several|a few) (?P<scale>hundred|thousand|dozen)) "
                          r"(?:[a-z]+(?:-[a-z]+)? ){0,2}?(?P<noun>[a-z]+s|staff|people|personnel|faculty|children)\b", re.I)
PLURAL_VALUES = {"tens of thousands": 10_000, "hundreds of thousands": 100_000, "thousands": 1000, "hundreds": 100, "dozens": 12,
                 "hundred": 200, "thousand": 2000, "dozen": 24}  # "several hundred": more than two hundred
# "eleven of them": a part of what the sentence counted just before.
# "hired only 140 of the 600 it said it needed", "Six out of the eight said …", "Six out of the eight of us": a part of a
# whole, what both count
# told before (no noun after the whole): each a count.
OF_A_NUMBER = re.compile(QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD}) (?:out )?of (?:the|those|these) (?P<whole>{DIGITS}|{NUMBER_WORD})"
                         r"(?=\s+(?:of (?:us|them|you)|it|they|we|he|she|who|that|which|said|says|were|was|had|have|did|would|could|will|"
                         r"(?-i:[a-z]+ed))\b|\s*[,.;:!?])", re.I)
OF_THEM = re.compile(rf"\b(?P<num>{DIGITS}|{NUMBER_WORD}) of (?:them|us|you|those)\b", re.I)
# "Police estimated the crowd at 2,000; we counted more than 2,500": a crowd's size, its noun before it.
# ("put the crowd at “roughly 500.”": the size in someone's words; "the gym, which seats about 400": a room's seats)
# ("Organizers put it closer to 4,000": a crowd's size told against another's)
CROWD = re.compile(r"\b(?:crowd(?: (?:of|at|was|estimated at|numbered))?|turnout of|attendance of|counted|estimated|numbered|"
                   r"put (?:it|the (?:crowd|number|figure|count|turnout|total))(?= (?:at|closer to|close to|nearer) )(?: at)?|"
                   r"seats|seated|holds) [“\"]?", re.I)
# The figure: "more than 2,500" (not a share, a clock, nor a number cut from its scale: "1.5 million").
CROWD_SIZE = re.compile(QUALIFIER + rf"(?P<num>{DIGITS})\b(?!\s?(?:%|percent|[ap]\.?m\b|o[’']clock|:\d|million|billion|thousand)|[.,]\d)",
                        re.I)
# "more than half of the credit hours", "Half my students": a half, as a share.
HALF_OF = re.compile(r"\b(?i:" + QUALIFIER + r")(?<![\w-])(?<!\bin )[Hh]alf(?= (?:of|my|our|the|their|his|her|its|all)\b)")
# "1,511, or 92%, voted yes": a number given with its share is a count, its noun elsewhere.
WITH_SHARE = re.compile(rf"(?P<num>{DIGITS}),? or (?:about |nearly |roughly |almost )?\d+(?:\.\d+)?\s?(?:%|percent\b)", re.I)
OF_THOSE = re.compile(rf"(?P<num>{NUMBER_WORD}|{DIGITS}) of (?:those|the|these) (?P<unit>day|year|hour)s\b", re.I)
# (a headline drops the article: "strike reaches eighth day")
ORDINAL_DAY = re.compile(r"\b(?:(?:a|the|its|their) |the (?:strike|walkout|lockout)(?:’s|'s) |(?<=reaches )|(?<=enters )|(?<=hits )|(?<=marks ))"
                         r"(?P<ord>" + "|".join(ORDINAL_WORDS) + r"|\d{1,2}(?:st|nd|rd|th))(?: straight| consecutive| full)?"
                         r"(?: school)? (?P<unit>day|weekday)\b", re.I)
MULTIPLE = re.compile(QUALIFIER + r"\b(?P<word>doubled|tripled|quadrupled|halved|cut in half|"
                      r"(?:double|triple|quadruple|twice)(?= (?:the|a|an|what|that|their|its|our|his|her|as)\b))\b", re.I)
MULTIPLES = {"doubled": 2, "tripled": 3, "quadrupled": 4, "double": 2, "triple": 3, "quadruple": 4, "twice": 2, "halved": 0.5,
             "cut in half": 0.5}
# Words ending in s that are no plural noun ("thirty-two students this year"), and "the two sides" (of a
# dispute: the parties, not a quantity anyone reports).
NOT_PLURAL = r"(?!(?:this|thus|was|has|is|his|its|yes|us|as|plus|less|unless|across|perhaps|sides)\b)"
COUNT = re.compile(
    "(?i:" + QUALIFIER + ")" + rf"(?:all )?(?P<num>{DIGITS}|(?i:{NUMBER_WORD}))(?: of (?:its|the|their|our|his|her))?"
    r"(?: [A-Z][\w’'-]*){0,5}(?: [a-z]+(?:-[a-z]+)?)?"
    r" " + NOT_PLURAL + r"(?P<noun>[a-z]+s|staff|people|personnel|faculty|children|police)\b")
COUNTED = NOT_PLURAL + r"(?P<noun>[a-z]+s|staff|people|personnel|faculty|children|police)\b"
# A word describing what is counted ("center-based", "special"), not one that opens a phrase of its own.
DESCRIBING = (r"(?: (?!(?:on|in|at|to|with|without|but|and|or|after|before|every|each|the|a|an|through|from|for|of|by|than|into|"
              r"over|under|per|since|until|while|who|that|which)\b)[a-z]+(?:-[a-z]+){0,2})")
# "two additional school counselors", "Six schools", "three center-based special education programs",
# "600 full-time and adjunct faculty": a number, up to two words, or three describing it, before the noun.
COUNT_DESCRIBED = re.compile(
    "(?i:" + QUALIFIER + ")" + rf"(?P<num>{DIGITS}|(?i:{NUMBER_WORD}))"
    + rf"(?:(?: [a-z]+(?:-[a-z]+){{0,2}}){{1,2}}|{DESCRIBING}(?:(?: and)?{DESCRIBING}){{1,2}}) " + COUNTED)
# A part of a whole: "Roughly 1,700 of the district's 1,900 teachers", "six out of the eight bus yards",
# "more than 70 of the district's schools":
# the part counts the same things as the whole (the figure is the part's words).
PART_OF = re.compile(
    "(?i:" + QUALIFIER + ")" + rf"(?P<num>{DIGITS}|(?i:{NUMBER_WORD}))(?P<rest> (?:out )?of (?:the|its|their|our|his|her|my|your|those|these)"
    rf"(?: (?:[A-Z][\w’'-]* ){{0,5}}[\w’'-]+(?:’s|'s))? (?:(?:{QUALIFYING}) )?(?:{DIGITS}|{NUMBER_WORD})(?: [a-z]+(?:-[a-z]+)?){{0,2}} "
    + COUNTED + ")")
# The same with no number for the whole: read after COUNT, which keeps "all 75 of its campuses" whole.
PART_OF_ALL = re.compile(
    "(?i:" + QUALIFIER + ")" + rf"(?P<num>{DIGITS}|(?i:{NUMBER_WORD}))(?P<rest> (?:out )?of (?:the|its|their|our|his|her|my|your|those|these)"
    rf"(?: (?:[A-Z][\w’'-]* ){{0,5}}[\w’'-]+(?:’s|'s))?(?: [a-z]+(?:-[a-z]+)?){{0,2}} " + COUNTED + ")")
# "nine lost instructional days": a duration with up to two words between its number and its unit.
DURATION_DESCRIBED = re.compile(
    QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD})(?: [a-z]+(?:-[a-z]+)?){{1,2}} (?P<unit>{DURATION_UNIT})s\b", re.I)
# "the strike reached day two", "Day 3": a day's number written after the word.
DAY_NUMBER = re.compile(rf"\b(?:[Dd]ay (?P<num>{NUMBER_WORD}|\d{{1,3}})|DAY (?P<loud>(?i:{NUMBER_WORD})|\d{{1,3}}))\b(?![-,.]\d)")  # "DAY 9"
# "a three-member panel", "a parent of two": counts written as a compound or after "of".
HYPHEN_COUNT = re.compile(rf"\b(?P<num>{NUMBER_WORD}|\d{{1,3}})-(?:member|person|people|seat|school|campus|student)\b", re.I)
PARENT_OF = re.compile(rf"\b(?:a |the )?(?:parent|mother|father|mom|dad|grandmother|grandfather) of "
                       rf"(?P<num>{NUMBER_WORD}|\d{{1,2}})\b(?! (?:of|percent))")
SCHOOL_YEAR = re.compile(r"\b(?P<a>(?:19|20)\d{2})[-–](?P<b>\d{2})(?= school year)|\b(?:in|for) (?P<a2>(?:19|20)\d{2})[-–](?P<b2>\d{2})\b")
SCHOOL_YEARS_SPAN = re.compile(r"\b(?P<a>(?:19|20)\d{2}) (?:to|through|-) (?P<b>(?:19|20)\d{2}) school years\b")
UP_FROM = re.compile(rf"\bup from (?:\$)?(?P<num>{DIGITS})\s?%?")
FROM_TO = re.compile(rf"\bfrom (?P<a>\$?(?:{DIGITS})\s?%?) to (?P<b>\$?(?:{DIGITS})\s?%?)")
UP_FROM_BEFORE = re.compile(r"\bup from \$?$")
ITEM_TYPES = [
    ("other", re.compile(r"\bcompensation\b", re.I)),
    ("signing_bonus", re.compile(r"\bsigning bonus", re.I)),
    ("one_time_stipend", re.compile(r"\bstipend|\bone-time payment", re.I)),
    ("bonus", re.compile(r"\bbonus", re.I)),
    ("wage_freeze", re.compile(r"\bfreeze\b|\bno (?:raise|increase)|\b(?:not|won[’']t) be eligible for any increase", re.I)),
    ("cost_of_living", re.compile(r"\bcost[- ]of[- ]living|\bCOLA\b", re.I)),
    ("health_cost", re.compile(r"\b(?:health|medical|insurance)\b[^.]{0,60}\b(?:cost|costs|premium|premiums)\b|\btake-home pay\b"
                               r"|\b(?:health|medical|insurance)\b[^.]{0,80}\bto pay\b|\bpay\b[^.]{0,40}\bfor (?:coverage|health)", re.I)),
    ("health_coverage", re.compile(r"\bhealth|\bmedical|\binsurance|\bcoverage", re.I)),
    ("salary_increase", re.compile(r"\braises?\b|\bsalar(?:y|ies)\b|\bwages?\b|\bpay (?:increase|raise)|\bincrease pay|\bincrease in pay", re.I)),
    ("professional_development", re.compile(r"\bprofessional development|\btraining\b", re.I)),
    ("staffing", re.compile(r"\bstaffing\b|\bhire\b|\bhiring\b|\bclass sizes?\b|\bcaseloads?\b", re.I)),
]
OFFER_VERBS = re.compile(r"\b(?:offer\w*|propos\w*|demand\w*|recommend\w*|counter|includ\w*|wanted|seek\w*|asking)\b", re.I)
GROUP = re.compile(r"\bfor (?P<group>(?:(?:new|all|substitute|certificated|classified|veteran|part-time|full-time|its|their|our)\s+)*"
                   r"(?:teachers|employees|staff|workers|nurses|members|educators|substitutes|drivers|custodians|aides))\b")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str | None
    confidence: float


@dataclass(frozen=True)
class OfferItem:
    start: int
    end: int
    evidence: str
    item_type: str
    value: float | None
    unit: str | None
    previous_value: float | None
    recurrence: str | None
    school_years: str | None
    eligible_group: str | None
    status: str
    figures: tuple[int, ...]  # indexes into the figures list: the figure of the item's value
    confidence: float
    previous_figure: int | None = None  # the figure holding the earlier value ("up from 2%"), if one does
    previous_start: int | None = None  # where the words of the earlier value stand ("up from 2%", "from $2,000")
    previous_end: int | None = None


def find_figures(text: str) -> list[Figure]:
    """Every figure, in text order, none overlapping another (the first pattern to find one wins)."""
    found: list[Figure] = []
    taken = bytearray(len(text))  # 1 under every figure found so far

    def add(m: re.Match, value: float | None, unit: str, confidence: float, end: int | None = None, qualifier: str | None = None,
            start: int | None = None) -> None:
        if value is None:
            return
        start, end = m.start() if start is None else start, m.end() if end is None else end
        number = m.start("num") if "num" in m.re.groupindex and m.group("num") else start
        if taken.find(1, start, end) >= 0 or (not ARTICLE_FIRST.match(text, start) and _part_of_name(text, number)):
            return  # a number in a name ("Local 99"); a figure opening with "a" or "the" ("the fourth day") is in none
        qual = m.groupdict().get("qual")
        taken[start:end] = b"\x01" * (end - start)
        found.append(Figure(start, end, text[start:end], float(plain_number(round(value, 6))), unit,
                            qualifier or QUALIFIERS.get((qual or "").lower()), confidence))

    folded = fold(text)
    for m in _matches(PERCENT, text, folded, PERCENT_AT):
        add(m, number_value(m.group("num")), "percent", 0.9)
    for m in _matches(MONEY, text, folded, MONEY_AT):
        value = _scaled(number_value(m.group("num")), m.group("scale"))
        per = (m.group("per") or m.group("slash") or "").lower()
        unit = "usd_per_hour" if per in ("hour", "hr") else "usd_per_year" if per in ("year", "yr") or m.group("yearly") else "usd"
        add(m, value, unit, 0.9)
    for m in _matches(DOLLARS, text, folded, DOLLARS_AT):
        dollars = _scaled(number_value(m.group("num")) if m.group("num") else 0.5 if m.group("half") else 1.0, m.group("scale"))
        cents = number_value(m.group("cents")) if m.group("cents") else 0.0
        add(m, dollars + (cents or 0.0) / 100 if dollars is not None else None, "usd", 0.7)  # "Eighteen dollars and ten cents"
    for m in _matches(SHARE_FRACTION, text, folded, SHARE_AT):
        n, d = SHARE_PARTS[(m.group("n") or m.group("n2")).lower()], SHARE_PARTS[(m.group("den") or m.group("d2")).lower()]
        add(m, round(100 * n / d, 1), "percent", 0.6)
    for m in _matches(CENTS, text, folded, CENTS_AT):
        cents = number_value(m.group("num"))
        add(m, cents / 100 if cents is not None else None, "usd_per_hour" if m.group("rate") else "usd", 0.7)
    for m in FRACTION_PERCENT.finditer(text):
        add(m, FRACTIONS[m.group("frac").lower()] if m.group("frac") else 1.0, "percent", 0.7)
    for m in _matches(WHOLE_POINT, text, folded, WHOLE_POINT_AT, _leading(14)):
        add(m, 1.0, "percent", 0.6)
    for m in _matches(POINT_AND_A_HALF, text, folded, POINT_AND_A_HALF_AT, _leading(40)):
        whole = m.group("n") or m.group("n2")
        add(m, (1.0 if whole.lower() == "a" else number_value(whole) or 0.0) + 0.5, "percent", 0.6, start=m.start("figure"))
    for m in _matches(MINUTES, text, folded, MINUTES_AT):
        minutes = 30.0 if m.group("half") else number_value(m.group("num"))
        add(m, minutes / 60 if minutes is not None else None, "hours", 0.6)
    numbers = _positions(text, folded, NUMBER_AT, _count_starts)  # where a count can start: read once for four patterns
    _parts_of_wholes(_matches(PART_OF, text, folded, NUMBER_AT, _count_starts, numbers), text, add)
    for m in _matches(RANGE_FIRST, text, folded, NUMBER_AT, _count_starts, numbers):
        if m.group("between") and not BETWEEN_BEFORE.search(text, max(0, m.start() - 9), m.start()):
            continue  # "four and nine days" is a range only after "between"
        if not _is_year(m.group("num")) and not (m.group("unit") and WHEN_AFTER.match(text, m.end())):
            value, unit = _in_unit(number_value(m.group("num")), m.group("unit")) if m.group("unit") else (number_value(m.group("num")), "percent")
            add(m, value, unit, 0.6)
    for m in _matches(DURATION, text, folded, UNIT_AT, _unit_window("- ")):
        num = m.group("num").lower()
        value = 1.0 if num in ("a", "an", "another") else number_value(num)
        if _is_year(m.group("num")) or WHEN_AFTER.match(text, m.end()):
            continue  # "a day after" says when, not how long
        if num in ("a", "an") and m.group("unit").lower() in IN_UNITS and not m.group("qual") \
                and not (SPAN_BEFORE.search(text, max(0, m.start() - 8), m.start()) and not OF_AFTER.match(text, m.end())):
            continue  # "once a week", "a week of talks": a span of time told loosely ("more than a week", "for a week" count it)
        add(m, *_in_unit(value, m.group("unit")), 0.75)
    for m in _matches(DURATION_DESCRIBED, text, folded, NUMBER_AT, _count_starts, numbers):
        if not _is_year(m.group("num")) and not WHEN_AFTER.match(text, m.end()):
            add(m, *_in_unit(number_value(m.group("num")), m.group("unit")), 0.6)
    for m in _matches(RANGE_COUNT_FIRST, text, folded, NUMBER_AT, _count_starts, numbers):
        if not _is_year(m.group("num")) and m.group("num").lower() != "one" and not SCALED_SECOND.match(text, m.end()):
            add(m, number_value(m.group("num")), "count", 0.5)
    for m in VOTES_AGAINST.finditer(text):
        add(m, number_value(m.group("num")), "count", 0.5, start=m.start("num"), end=m.end("num"))
    for m in POPULATION.finditer(text):
        add(m, number_value(m.group("num")), "count", 0.5, start=m.start("qual") if m.group("qual") else m.start("num"))
    for m in [*_matches(VOTE_TALLY, text, folded, VOTE_TALLY_AT, _leading(5)), *TALLY_VOTE.finditer(text)]:
        if _is_year(m.group("num")):
            continue  # "adopted the calendar last week, 2025-26": a school year
        for group in ("num", "num2"):
            side = NUMBER_ALONE.match(text, m.start(group))  # each side a figure of its own
            if side:
                add(side, number_value(side.group("num")), "count", 0.5)
    for m in _matches(PLURAL_COUNT, text, folded, PLURAL_COUNT_AT, _leading(0)):
        size = m.group("num") or m.group("scale")
        add(m, float(PLURAL_VALUES[" ".join(size.lower().split())]), "count", 0.5, qualifier="more_than")
    for m in _matches(WITH_SHARE, text, folded, NUMBER_AT, _count_starts, numbers):
        if not _is_year(m.group("num")) and text[max(0, m.start() - 1):m.start()] != "$":
            add(m, number_value(m.group("num")), "count", 0.5, end=m.end("num"))
    for m in _matches(OF_THOSE, text, folded, UNIT_AT, _unit_window(" ")):
        add(m, number_value(m.group("num")), m.group("unit").lower() + "s", 0.7)
    for m in ALL_BUT.finditer(text):
        add(m, number_value(m.group("num")), "count", 0.5)
    for m in _matches(ORDINAL_DAY, text, folded, ORDINAL_DAY_AT, _leading(30)):
        word = m.group("ord").lower()
        add(m, float(ORDINAL_WORDS.get(word) or int(word[:-2])), "day_number", 0.6)  # an ordinal, never a duration
    for m in _matches(COUNT, text, folded, NUMBER_AT, _count_starts, numbers):
        if _counts(text, m):
            add(m, *_counted_in(number_value(m.group("num")), m.group("noun")), 0.6)
    _parts_of_wholes(_matches(PART_OF_ALL, text, folded, NUMBER_AT, _count_starts, numbers), text, add)
    for m in _matches(COUNT_DESCRIBED, text, folded, NUMBER_AT, _count_starts, numbers):
        if _counts(text, m):
            add(m, number_value(m.group("num")), "count", 0.5)
    for m in DAY_NUMBER.finditer(text):
        add(m, number_value((m.group("num") or m.group("loud")).lower()), "day_number", 0.6)
    for m in _matches(HYPHEN_COUNT, text, folded, HYPHEN_COUNT_AT):
        add(m, number_value(m.group("num")), "count", 0.5)
    for m in PARENT_OF.finditer(text):
        add(m, number_value(m.group("num")), "count", 0.5)
    for m in _matches(OF_THEM, text, folded, NUMBER_AT, _count_starts, numbers):
        if not _is_year(m.group("num")) and m.group("num").lower() != "one":
            add(m, number_value(m.group("num")), "count", 0.5)
    for m in _matches(OF_A_NUMBER, text, folded, NUMBER_AT, _count_starts, numbers):
        if not any(_is_year(m.group(group)) or m.group(group).lower() == "one" for group in ("num", "whole")):
            add(m, number_value(m.group("num")), "count", 0.45, end=m.end("num"))
            whole = NUMBER_WORD_OR_DIGITS.match(text, m.start("whole"))
            if whole:
                add(whole, number_value(whole.group("num")), "count", 0.45)
    for m in CROWD.finditer(text):
        size = CROWD_SIZE.match(text, m.end())
        if size and not _is_year(size.group("num")):
            add(size, number_value(size.group("num")), "count", 0.5)
    for m in [*_matches(HALF_OF, text, folded, HALF_AT), *_matches(HALF_QUALIFIED, text, folded, HALF_AT)]:
        add(m, 50.0, "percent", 0.5)
    for m in _matches(MULTIPLE, text, folded, MULTIPLE_AT):
        add(m, float(MULTIPLES[m.group("word").lower()]), "multiple", 0.6)
    for m in _matches(VOTERS, text, folded, VOTERS_AT, _leading(30)):
        if not _is_year(m.group("num")):
            add(m, number_value(m.group("num")), "count", 0.5, end=m.end("num"))
    for m in _matches(AND_A_HALF, text, folded, AND_A_HALF_AT):
        value = number_value(m.group("num"))
        add(m, *_in_unit(value + 0.5 if value is not None else None, m.group("unit")), 0.6)
    for m in CAP.finditer(text):
        if not _is_year(m.group("num")):
            add(m, number_value(m.group("num")), "count", 0.5, start=m.start("num"))
    for m in _matches(COUNT_OF_AGE, text, folded, NUMBER_AT, _count_starts, numbers):  # "Thirty-one seven-year-olds": 31
        if not _is_year(m.group("num")):
            add(m, number_value(m.group("num")), "count", 0.5, end=m.end("num"))
    for m in AGE_AFTER_NAME.finditer(text):  # "Delphine Ashworth, 81, who taught English …": her age
        name = FULL_NAME_BEFORE.search(text, max(0, m.start() - NAME_REACH), m.start())
        if name and not CALENDAR_WORDS.intersection(name.group().replace(".", " ").split()) and 0 < int(m.group("num")) <= OLDEST:
            # (not "On Monday, 14, …": a day names no one)
            add(m, float(m.group("num")), "years", 0.5, start=m.start("num"), end=m.end("num"))
    for m in _numbers_box_lines(text):  # "BY THE NUMBERS / 771: members of the association / 15: school days lost"
        if not _is_year(m.group("num")):
            named = NUMBERS_BOX_UNIT.match(text, m.end())
            add(m, number_value(m.group("num")), named.group("unit") if named else "count", 0.45)
    for m in BY_A_COUNT.finditer(text):  # "By the Sentinel's count, 51 urged the board to settle"
        if not _is_year(m.group("num")):
            add(m, number_value(m.group("num")), "count", 0.5, start=m.start("num"), end=m.end("num"))
    _elided_counts(text, found, add)
    _echoes(text, found, add)
    return sorted(found, key=lambda f: f.start)


# A count someone kept, before what it counts did: "By the Sentinel's count, 51 urged the board to settle".
BY_A_COUNT = re.compile(rf"\b[Bb]y (?:our|my|their|its|the [\w’'.-]+(?: [\w’'.-]+)?(?:’s|'s)?) (?:count|tally),\s+"
                        rf"(?P<num>{DIGITS}|{NUMBER_WORD})\b(?!\s*(?:%|percent))", re.I)
# A number said again on its own, for weight: "My class has 31 kids this year. Thirty-one," / "29 five-year-olds.
# Twenty-nine."
ECHO = re.compile(rf"(?<=[.!?] )(?P<num>{NUMBER_WORD}|{DIGITS})(?=[.,!?]\s|[.,!?][”\"’]|[.!?]?$)", re.I)
ECHO_REACH = 80  # characters back to the figure said first


def _echoes(text: str, found: list[Figure], add: Callable[..., None]) -> None:
    """Each number said again on its own just after a figure of the same value, in that figure's unit."""
    ends = sorted((f.end, i) for i, f in enumerate(found))
    for m in ECHO.finditer(text):
        value = number_value(m.group("num"))
        low, high = bisect_left(ends, (m.start() - ECHO_REACH, -1)), bisect_right(ends, (m.start(), len(found)))
        first = next((found[i] for _, i in ends[low:high] if found[i].value == value), None)
        if first is not None:
            add(m, value, first.unit, 0.45)


# A count of children of an age ("Twenty-nine eight-year-olds"): the count, beside the age (AGE_OF_A_PERSON reads that).
COUNT_OF_AGE = re.compile(rf"(?P<num>{DIGITS}|{NUMBER_WORD}) (?:{NUMBER_WORD}|\d{{1,2}})-year-olds\b", re.I)
# A person's age between commas after the name ("Hazel Quintero-Mays, 17, a senior"): found from the number, the name
# read back from it (a run of capitalised words read forward could be re-read from each of its words).
AGE_AFTER_NAME = re.compile(r"(?<=[A-Za-z.]),[ \t](?P<num>\d{1,3}),[ \t]")
FULL_NAME_BEFORE = re.compile(r"(?<![\w’'.-])[A-Z][\w’'-]*\.?(?:[ \t]+(?:[A-Z][\w’'-]*\.?|“[^”\n]{1,20}”|\"[^\"\n]{1,20}\"))+$")
NAME_REACH = 80  # characters back from the age to the name's start
OLDEST = 110


# A line of a "by the numbers" box: a number, a colon and what it counts ("19: schools closed").
# Only under a box's heading ("BY THE NUMBERS", "By the numbers"), to the first blank line after its lines: an
# agenda's "1: call to order" counts nothing.
NUMBERS_BOX_HEADING = re.compile(r"^[ \t]*(?i:by the numbers|the numbers|in numbers|numbers to know)[ \t]*:?[ \t]*\n(?:[ \t]*\n)?", re.M)
NUMBERS_BOX = re.compile(rf"[ \t]*(?:(?P<qual>(?i:{QUALIFYING}))[ \t]+)?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}})(?=:[ \t]+[a-z])")
# ("About 26,000: students out of class", "More than 70: teachers from neighboring districts …": a qualified count)
NUMBERS_BOX_UNIT = re.compile(r":[ \t]+(?:[a-z][\w’'-]*[ \t]+)?(?P<unit>days|hours|years)\b")  # "15: school days lost"


def _numbers_box_lines(text: str) -> Iterable[re.Match]:
    for heading in NUMBERS_BOX_HEADING.finditer(text):
        at = heading.end()
        while at < len(text) and text[at] != "\n":
            line_end = text.find("\n", at)
            line_end = len(text) if line_end < 0 else line_end
            m = NUMBERS_BOX.match(text, at, line_end)
            if m:
                yield m
            at = line_end + 1


# A limit told without its noun: "has asked for a cap of 15", "resisted any cap below 22", "a limit of four".
CAP = re.compile(rf"\b(?:caps?|capped|limits?|ceiling)\b(?:\s+[\w-]+){{0,3}}?\s+(?:of|at|below|above|under)\s+"
                 rf"(?P<num>{DIGITS}|{NUMBER_WORD})\b(?!\s*(?:%|percent|[ap]\.?m\b)|[.,]\d)", re.I)


# "22 students in kindergarten through third grade, 26 in fourth and fifth grade, and 32 in middle school":
# the items after the first count the same things, their noun left out.
# Also "63 children came Tuesday, up from 38 on Monday", "Of the 87 people who spoke, 71 urged the board …" and
# "Six of the eight said it was worth it; two would not say", and a sentence that goes on from the one before ("38 of
# them had urged the board to … . Four sided with the district").
# ("… up from about 5,400 on Monday"; "Six drivers came in this morning, out of 140.": the whole the count is of)
ELIDED = re.compile(rf"(?:[,;:]\s+(?:and\s+|or\s+)?|(?<!\s)\s+and\s+|(?P<opening>(?<=[.!?])[ \t]+(?-i:(?=[A-Z]))))"
                    rf"(?:(?P<change>(?:up|down) from)\s+|(?P<whole>out of)\s+"
                    rf"|(?P<other>(?:the\s+)?(?:other|remaining)\s+))?{QUALIFIER}"
                    rf"(?P<num>{DIGITS}|{NUMBER_WORD})"
                    # (a sentence's opening count is a subject: "Four sided with the district", not "One in April is …";
                    # "The other four will be added": the rest of what was just counted)
                    r"(?(opening)(?(other)|(?=\s+(?:would|could|did|were|had|said|(?-i:[a-z]+ed))\b))|)"
                    # ("about 4,200 meals Tuesday and 5,600 Wednesday": an item told by its day, as the count before it is)
                    rf"(?:\s+(?=(?:in|for|at|per|on|would|could|did|were|had|will|said|(?P<day>{WEEKDAY_NAME}|today|yesterday))\b"
                    r"|(?-i:[a-z]+ed)\b)|(?(whole)(?=[.;,!?]\s|[.;,!?]?$)|(?!))"
                    r"|(?(change)(?=[.;,!?]\s|[.;,!?]?$)|(?!)))", re.I)
# An item told by where or when it falls, in the unit of the figure it goes with ("Six missed days are made up, one on
# April 14 and five in June"); one told by what it did is a count ("nine days, and 30 were arrested").
ITEM_IN_ITS_UNIT = re.compile(r"\s+(?:in|on|at|for|per)\b")
ELIDED_REACH = 160  # characters back to the count the item goes with
DAY_AFTER = re.compile(rf"\s+(?:{WEEKDAY_NAME}|today|yesterday)\b", re.I)
# "four hours of planning time a week, up from three": a change's old value, in the unit of the figure before it.
CHANGE_UNITS = {"count", "hours", "days", "weeks", "months", "years", "minutes"}


def _elided_counts(text: str, found: list[Figure], add: Callable[..., None]) -> None:
    counts = sorted((f.end, f.unit) for f in found if f.unit in CHANGE_UNITS)
    for m in ELIDED.finditer(text):
        i = bisect_right(counts, (m.start(), "~")) - 1
        if m.group("change") is None and m.group("other") is None and not ITEM_IN_ITS_UNIT.match(text, m.end("num")):
            while i >= 0 and counts[i][1] != "count":
                i -= 1  # an item that does something ("30 were arrested"), and a whole ("out of 140"), are counts
        if m.group("day") and not (i >= 0 and DAY_AFTER.match(text, counts[i][0])):
            continue  # "grades 1 and 2 Tuesday", "routes 12, 14 and 22 Monday": no item of a count told by its day
        if i >= 0 and m.start() - counts[i][0] <= ELIDED_REACH and not re.search(r"[.!?]\s", text[counts[i][0]:m.start()]) \
                and not _is_year(m.group("num")):
            unit = counts[i][1]
            start = m.start("other") if m.group("other") else m.start("qual") if m.group("qual") else m.start("num")
            add(m, number_value(m.group("num")), unit, 0.45, start=start, end=m.end("num"))
            counts.insert(i + 1, (m.end("num"), unit))


def _in_unit(value: float | None, unit: str) -> tuple[float | None, str]:
    """A duration in a unit of the figures table: weeks as days, decades as years."""
    unit = unit.lower()
    table_unit, factor = IN_UNITS.get(unit, (unit + "s", 1))
    return (value * factor if value is not None else None), table_unit


def _counted_in(value: float | None, noun: str) -> tuple[float | None, str]:
    """A count of what `noun` names, or a span of time when it names a unit of time ("Two weeks after they went
    back": 14 days; "roughly 14 hours after they sat down": 14 hours)."""
    unit = noun.lower()[:-1]
    return _in_unit(value, unit) if unit in DURATION_UNITS else (value, "count")




def _counts(text: str, m: re.Match) -> bool:
    """Whether a COUNT-like match counts something: not a year, not "one", not a number glued to a
    dash, colon or percent sign, nor one after a dollar sign or dash."""
    num = m.group("num")
    if _is_year(num) or num.lower() == "one" or text[m.end("num"):m.end("num") + 1] in ("-", ":", "%"):
        return False
    return text[max(0, m.start("num") - 1):m.start("num")] not in ("$", "-")


def _parts_of_wholes(matches, text: str, add) -> None:
    """Each part of a whole (PART_OF, PART_OF_ALL) as a figure of the part's words, counting what the whole counts."""
    for m in matches:
        num, noun = m.group("num"), m.group("noun").lower()
        if _is_year(num) or num.lower() == "one" or text[max(0, m.start("num") - 1):m.start("num")] in ("$", "-"):
            continue
        unit = {"days": "days", "years": "years", "hours": "hours"}.get(noun, "count")
        add(m, number_value(num), unit, 0.55, end=m.end("num"))


# The patterns above that begin with a qualifier or a number word are tried at every position of
# the text by finditer (about a microsecond each: seconds for a long article). Each of their matches
# holds an anchor that a plain search finds at once in the text folded to lower case: a percent sign
# or word, a dollar sign, the word "dollars", a unit, a number. _matches tries the pattern only from
# the positions a match reaching an anchor can start at.
PERCENT_AT = re.compile(r"%|percent|per cent")
MONEY_AT = re.compile(r"\$")
DOLLARS_AT = re.compile(r"dollars")
CENTS_AT = re.compile(r"cents")
WHOLE_POINT_AT = re.compile(r"a (?:full )?point\b")
MINUTES_AT = re.compile(r"minutes|half an hour|half-hour")
HYPHEN_COUNT_AT = re.compile(r"-(?:member|person|people|seat|school|campus|student)")
SHARE_AT = re.compile(r"half|third|quarter|fifth|every|(?:in|out of) (?:two|three|four|five|six|seven|eight|nine|ten|[2-9]|10)\b")
UNIT_AT = re.compile(DURATION_UNIT)
NUMBER_AT = re.compile(rf"\d+|(?={NUMBER_WORD})")
HALF_AT = re.compile(r"half")
# "more than half qualify for free meals": a share told by its qualifier, its whole left out (not "about half an hour").
HALF_QUALIFIED = re.compile(r"\b(?i:(?P<qual>more than|nearly|almost|about|roughly|over|around|at least|just over|just under)) half"
                            r"(?= (?!an?\b|of\b|hour|day|week|month|year|time|way|mile|dozen|century|decade|court|price)[a-z]+\b)")
VOTE_TALLY_AT = re.compile(r"vot|margin|fail|pass|carri|approv|reject|ratifi|adopt|defeat")
PLURAL_COUNT_AT = re.compile(r"tens of|thousands|hundreds|dozens|several|a few")
ORDINAL_DAY_AT = re.compile(r"(?:st|nd|rd|th)(?: straight| consecutive| full)?(?: school)? (?:week)?day\b")  # from the ordinal's end
VOTERS_AT = re.compile(r"voted|cast ")
AND_A_HALF_AT = re.compile(r" and a half ")
MULTIPLE_AT = re.compile(r"doubl|tripl|quadrupl|twice|halved|in half")
ARTICLE_FIRST = re.compile(r"(?:a|an|the) ")
WHEN_AFTER = re.compile(r" (?:after|before|later|earlier|ago)\b")
NUMBER_CHARACTER = re.compile(r"[\d,.]")


def _scaled(value: float | None, scale: str | None) -> float | None:
    """A value told with its scale word ("1.2 million"): the whole number."""
    return value * {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get((scale or "").lower(), 1) if value is not None else None


def _matches(pattern: re.Pattern, text: str, folded: str, anchor: re.Pattern, starts=None, positions: list[int] | None = None):
    """pattern.finditer(text), trying the pattern only where one of its matches can start: at the
    positions `starts(text, anchor_match)` gives (by default, from far enough before the anchor for
    a qualifier, spaces, "all ", "an additional ", a number, a scale word and " of those " to its end).
    `positions`: those positions, sorted, when the caller has them already (patterns sharing an anchor)."""
    starts = starts or _window
    end = 0
    if positions is None:
        positions = _positions(text, folded, anchor, starts)
    for start in positions:
        if start >= end and not (start and text[start - 1].isalnum() and text[start].isalnum()):  # (not "kindergar|ten")
            m = pattern.match(text, start)
            if m:
                yield m
                end = m.end()


def _positions(text: str, folded: str, anchor: re.Pattern, starts) -> list[int]:
    return sorted({p for a in anchor.finditer(folded) for p in starts(text, a)})


def _window(text: str, anchor: re.Match) -> range:
    """From a position far enough back that no figure reaching the anchor starts before it, to the anchor's end."""
    at = _back(text, max(0, anchor.start() - 16), lambda c: NUMBER_CHARACTER.match(c) is not None)
    for width in (9, 4, 14, 14):
        at = _back(text, max(0, at - width), str.isspace)
    return range(at, max(anchor.end(), anchor.start() + 1))


def _leading(reach: int):
    """Starts for _matches: a match starts at its anchor or at most `reach` characters before it."""
    def starts(text: str, anchor: re.Match) -> range:
        return range(max(0, anchor.start() - reach), anchor.start() + 1)
    return starts


def _unit_window(before: str):
    """_window, for a unit ("day", "year", "hour") only when it follows one of `before` (else no figure
    of the pattern holds it: "Thursday", "today")."""
    def starts(text: str, anchor: re.Match):
        return _window(text, anchor) if anchor.start() and text[anchor.start() - 1] in before else ()
    return starts


QUALIFYING_LENGTHS = sorted({len(q) for q in QUALIFYING.split("|")})


def _count_starts(text: str, anchor: re.Match) -> list[int]:
    """Where a COUNT match holding this number can start: at the number (the start of its digits, or up
    to three digits before a thousands comma), at "all " before it, or at a qualifier before either."""
    numbers = [anchor.start()]
    if anchor.end() > anchor.start() and text[anchor.end():anchor.end() + 1] == ",":
        numbers += range(max(anchor.start() + 1, anchor.end() - 3), anchor.end())
    out = []
    for number in numbers:
        for element in (number, number - 4) if text[max(0, number - 4):number] == "all " else (number,):
            out.append(element)
            spaces = _back(text, element, str.isspace)
            if spaces < element:
                out += [spaces - length for length in QUALIFYING_LENGTHS if spaces >= length]
    return out


def _back(text: str, position: int, keep) -> int:
    while position > 0 and keep(text[position - 1]):
        position -= 1
    return position


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", token))


def _part_of_name(text: str, start: int) -> bool:
    """'Local 99', 'WXYZ 7', 'COVID-19': a number that belongs to a name is not a figure."""
    before = text[max(0, start - 25):start]
    opener = re.search(r"([A-Z][a-z]+) $", before)
    if opener and opener.group(1) in SENTENCE_WORDS:
        return False  # "Between 150 and 200 nurses": a word capitalised only because it opens the sentence
    return bool(re.search(r"(?:[A-Z][\w&]*[A-Z0-9]|[A-Z][a-z]+)[ -]$", before)) and not re.search(
        r"(?:^|[\s(“\"‘'])(?:[A-Z][a-z]+day|[A-Z][a-z]+ly|More|Over|About|Around|Nearly|All|Some|Up|Day|Week|Year)[ -]$", before)


def find_offer_items(text: str, figures: list[Figure], sentences) -> list[OfferItem]:
    """A percent, dollar or years figure next to a word naming a pay or benefit item becomes an offer item.

    The item word is looked for in the figure's own clause first, then nearest before it in the sentence;
    in "from A to B" and "up from A" the item is made with B, and A becomes its previous value.
    `figures` are find_figures' (in order, none overlapping); what a sentence holds is read once."""
    items: list[OfferItem] = []
    spans = SpanIndex(sentences)
    starts = [f.start for f in figures]
    said_in: dict[int, str] = {}
    from_to_in: dict[int, list[re.Match]] = {}
    item_words: dict[tuple[int, bool], list[tuple[str, int, int]]] = {}
    for index, figure in enumerate(figures):
        if figure.unit not in ("percent", "usd", "usd_per_hour", "usd_per_year", "years") or POINTS_MOVED.search(figure.text):
            continue  # ("We came down a point and a half": a move between offers, no term of one)
        sentence = spans.at(figure.start)
        if sentence is None:
            continue
        if sentence.start not in said_in:
            said_in[sentence.start] = text[sentence.start:sentence.end]
            from_to_in[sentence.start] = list(FROM_TO.finditer(text, sentence.start, sentence.end))
        said, from_tos = said_in[sentence.start], from_to_in[sentence.start]
        if _is_from_value(text, figure, sentence, from_tos):
            continue
        clause = _clause(text, sentence, figure)
        words = item_words.get((sentence.start, figure.unit == "percent"))
        if words is None:
            words = item_words[(sentence.start, figure.unit == "percent")] = _item_words(text, sentence, figure.unit)
        item_type, keyword = _item_type(text, clause, sentence, figure, words)
        if item_type is None or (figure.unit == "years" and item_type != "wage_freeze"):
            continue
        if figure.unit in ("usd", "usd_per_hour") and item_type == "salary_increase" and not OFFER_VERBS.search(said):
            continue  # "members make around $15 an hour" is pay today, not an offer
        previous, end, previous_figure = None, figure.end, None
        previous_span: tuple[int | None, int | None] = (None, None)
        up_from = UP_FROM.search(text, figure.end, min(sentence.end, figure.end + 60))
        from_to = next((m for m in from_tos if m.start("b") <= figure.start < m.end("b")), None)
        earlier, group = (from_to, "a") if from_to else (up_from, "num")  # where the earlier value is said, if anywhere
        if earlier is not None:
            source = earlier.start(group)
            previous = number_value(earlier.group(group).strip("$% "))
            holder = bisect_right(starts, source) - 1  # the figure holding the earlier value, if one does
            previous_figure = holder if holder >= 0 and source < figures[holder].end else None
            earlier_words = text[earlier.start():earlier.end("a") if from_to else earlier.end()].rstrip()
            previous_span = (earlier.start(), earlier.start() + len(earlier_words))  # "up from 2%", "from $2,000"
            if up_from and not from_to:
                end = up_from.end()
        start = figure.start
        if keyword and keyword[0] >= clause[0]:
            start, end = min(start, keyword[0]), max(end, keyword[1])
        elif keyword:
            start, end = clause[0], max(end, clause[1])  # the item is named earlier: the clause is the evidence
        evidence = text[start:end].strip(" ,;")
        start = text.find(evidence, start)
        after = bisect_right(starts, figure.end)
        following = figures[after].start if after < len(figures) else sentence.end
        before = figures[index - 1].end if index > 0 else clause[0]
        # The figure's own words: its clause, no further than the figures either side ("a 5% raise, plus
        # a one-time $1,500 payment for aides": "one-time" and "for aides" are the payment's, not the raise's).
        own = text[max(clause[0], before, previous_span[1] or 0):max(figure.end, min(clause[1], following))]
        recurrence = _recurrence(own, item_type)
        if item_type == "one_time_stipend" and recurrence == "ongoing":
            item_type = "other"  # "an annual $2,000 stipend": paid every year, so no one-time stipend
        items.append(OfferItem(
            start, start + len(evidence), evidence, item_type, figure.value, figure.unit, previous,
            recurrence, _school_years(text[figure.start:min(following, sentence.end)]),
            _group(own), _status(said), (index,), 0.5, previous_figure, *previous_span))
    return items


LIST_BREAK = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|as well as|plus)\s+|;\s+")
PLAIN_ITEM_WORDS = 14  # a longer piece of a list is a clause, not an item
PLAIN_ITEM_END = re.compile(r"[.:!?“”\"]|\s(?:but|while|because|although|though|which|after|before|when|if|since)\s")


def find_plain_items(text: str, sentences, covered: Sequence[tuple[int, int]] = ()) -> list[OfferItem]:
    """Items told with no figure ("demanding higher wages and more staffing", "proposals that would
    expand health coverage ... and provide bonuses"): each piece of the list after an offer verb that
    names a pay or benefit item is an item of that type, without a value. Pieces overlapping an item
    read from a figure (`covered`) are that item's."""
    items: list[OfferItem] = []
    covered = sorted(covered)
    covered_starts = [a for a, _ in covered]
    reach = [b for _, b in covered]  # the furthest end among the first i+1 spans: any one of them reaching a piece
    for i in range(1, len(reach)):
        reach[i] = max(reach[i], reach[i - 1])

    def overlaps(start: int, end: int) -> bool:
        last = bisect_right(covered_starts, end - 1) - 1  # the spans starting before the piece ends
        return last >= 0 and reach[last] > start

    for sentence in sentences:
        verb = OFFER_VERBS.search(text, sentence.start, sentence.end)
        if verb is None:
            continue
        said = text[sentence.start:sentence.end]
        stop = PLAIN_ITEM_END.search(text, verb.end(), sentence.end)
        end = stop.start() if stop else sentence.end
        at = verb.end()
        pieces = []
        for m in LIST_BREAK.finditer(text, at, end):
            pieces.append((at, m.start()))
            at = m.end()
        pieces.append((at, end))
        for start, stop_at in pieces:
            piece = text[start:stop_at]
            words = piece.split()
            if not words or len(words) > PLAIN_ITEM_WORDS or overlaps(start, stop_at):
                continue
            item_type = next((kind for kind, pattern in ITEM_TYPES if kind != "other" and pattern.search(piece)), None)
            if item_type is None:
                continue
            lead = len(piece) - len(piece.lstrip())
            evidence = piece.strip(" ,;")
            first = start + lead
            items.append(OfferItem(first, first + len(evidence), evidence, item_type, None, None, None,
                                   _recurrence(piece, item_type), None, _group(piece), _status(said), (), 0.4))
    return items


def _is_from_value(text: str, figure: Figure, sentence, from_tos: Iterable[re.Match[str]] | None = None) -> bool:
    """The '1%' of 'up from 1% to 1.5%' and the '2%' of '3%, up from 2%': earlier values, not offers."""
    if UP_FROM_BEFORE.search(text, max(0, figure.start - 10), figure.start):
        return True
    found = FROM_TO.finditer(text, sentence.start, sentence.end) if from_tos is None else from_tos
    return any(m.start("a") <= figure.start < m.end("a") for m in found)


def _clause(text: str, sentence, figure: Figure) -> tuple[int, int]:
    start = sentence.start
    for m in CLAUSE_BREAK.finditer(text, sentence.start, figure.start):
        start = m.end()
    after = CLAUSE_BREAK.search(text, figure.end, sentence.end)
    return start, (after.start() if after else sentence.end)


CLAUSE_BREAK = re.compile(r"[,;]\s(?![\d$])|\s(?:and|while|but)\s")


def _item_words(text: str, sentence, unit: str) -> list[tuple[str, int, int]]:
    """The item words of a sentence, in the order _item_type weighs them ("signing bonus" is not also a
    plain "bonus"); which of the two health patterns is read depends on the figure being a percent."""
    words = []
    claimed: list[tuple[int, int]] = []
    for item_type, pattern in ITEM_TYPES:
        if (item_type == "health_cost" and unit == "percent") or (item_type == "health_coverage" and unit != "percent"):
            continue
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if any(a <= m.start() < b for a, b in claimed):
                continue
            claimed.append((m.start(), m.end()))
            words.append((item_type, m.start(), m.end()))
    return words


def _item_type(text: str, clause: tuple[int, int], sentence, figure: Figure,
               words: list[tuple[str, int, int]] | None = None) -> tuple[str | None, tuple[int, int] | None]:
    """The item word nearest the figure: in its clause if there is one, else the nearest before it."""
    best = None
    for item_type, start, end in words if words is not None else _item_words(text, sentence, figure.unit):
        if figure.unit == "years" and item_type != "wage_freeze":
            continue  # a number of years is an item's only as the length of a freeze ("a 5-year wage freeze")
        inside = clause[0] <= start < clause[1]
        if not inside and start > figure.start:
            continue
        distance = abs(start - figure.start) + (0 if inside else 1000)
        if best is None or distance < best[0]:
            best = (distance, item_type, (start, end))
    if best is None:
        return ("other", None) if figure.unit == "percent" else (None, None)
    return best[1], best[2]


ONGOING_WORDS = re.compile(r"\b(?:ongoing|permanent|recurring|annual|annually|yearly|each year|every year|per year)\b", re.I)


def _recurrence(clause: str, item_type: str) -> str | None:
    """one_time or ongoing as the item's own words say ("a one-time $1,500 payment", "an annual
    stipend"); a signing bonus is one-time by its nature, a stipend unless its words say yearly."""
    if re.search(r"\bone-time\b|\bone time\b|\blump[- ]sum\b", clause, re.I) and item_type != "other":
        return "one_time"
    if ONGOING_WORDS.search(clause):
        return "ongoing"
    return "one_time" if item_type in ("signing_bonus", "one_time_stipend") else None


def _school_years(text: str) -> str | None:
    m = SCHOOL_YEAR.search(text)
    if m:  # "the 2024-25 school year", "a 3% raise in 2024-25"
        return f"{m.group('a') or m.group('a2')}-{m.group('b') or m.group('b2')}"
    m = SCHOOL_YEARS_SPAN.search(text)
    if m:
        first, last = int(m.group("a")), int(m.group("b"))
        return ";".join(f"{y}-{(y + 1) % 100:02d}" for y in range(first, last))
    return None


def _group(sentence: str) -> str | None:
    m = GROUP.search(sentence)
    return m.group("group") if m else None


def _status(sentence: str) -> str:
    lowered = sentence.lower()
    if "counter" in lowered:
        return "counterproposal"
    if "demand" in lowered or "asking for" in lowered:
        return "demand"
    if "recommend" in lowered:
        return "recommendation"
    return "proposal"
