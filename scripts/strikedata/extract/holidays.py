"""Named days of the American calendar ("the day before Thanksgiving", "Presidents Day", "Labor Day"):
the day each falls on in a given year. School calendars and news copy date by them.

A day is fixed ("Veterans Day": November 11), the nth weekday of its month ("Thanksgiving": the fourth
Thursday of November; the last when n is -1), or counted from Easter (python-dateutil's Western Easter).
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

# name pattern -> (month, day) for a fixed day; (month, weekday, n) for the nth weekday; ("easter", offset)
NAMED_DAYS: dict[str, tuple[int, int] | tuple[int, int, int] | tuple[str, int]] = {
    r"New Year[’']s Day": (1, 1),
    r"(?:Martin Luther King(?: Jr\.?)?|MLK) Day": (1, 0, 3),
    r"Valentine[’']s Day": (2, 14),
    r"Presidents[’']? Day|Washington[’']s Birthday": (2, 0, 3),
    r"C[eé]sar Ch[aá]vez Day": (3, 31),
    r"Good Friday": ("easter", -2),
    r"Easter(?: Sunday)?": ("easter", 0),
    r"Memorial Day": (5, 0, -1),
    r"Juneteenth": (6, 19),
    r"Independence Day|(?:the )?Fourth of July": (7, 4),
    r"Labor Day": (9, 0, 1),
    r"Columbus Day|Indigenous Peoples[’']? Day": (10, 0, 2),
    r"Halloween": (10, 31),
    r"Veterans[’']? Day": (11, 11),
    r"Thanksgiving(?: Day)?": (11, 3, 4),
    r"Christmas Eve": (12, 24),
    r"Christmas(?: Day)?": (12, 25),
    r"New Year[’']s Eve": (12, 31),
}
_COMPILED = [(re.compile(rf"(?:{pattern})$"), rule) for pattern, rule in NAMED_DAYS.items()]
NAMED_DAY = "|".join(NAMED_DAYS)


def named_day(name: str, year: int) -> dt.date | None:
    """The day `name` (as NAMED_DAY matched it) falls on in `year`."""
    rule = next((rule for pattern, rule in _COMPILED if pattern.match(name)), None)
    if rule is None:
        return None
    if rule[0] == "easter":
        return easter(year) + dt.timedelta(days=int(rule[1]))
    if len(rule) == 2:
        return dt.date(year, int(rule[0]), int(rule[1]))
    month, weekday, n = (int(part) for part in rule)
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (dt.date(year, month, 28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
