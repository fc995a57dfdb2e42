"""Figures (percents, dollar amounts and rates, durations, ordinal days, counts, multiples) and the
offer items they belong to (item type, "up from" value, school years)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import NUMBER_WORDS, ORDINAL_WORDS, number_value, plain_number

NUMBER_WORD = r"(?:" + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True)) + r")"
QUALIFIER = (r"(?:(?P<qual>more than|over|at least|nearly|almost|about|around|roughly|approximately|up to|"
             r"an average of|an average|average of|on average|as many as|as much as|fewer than|less than)\s+)?")
QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "nearly": "approximately", "almost": "approximately",
    "about": "approximately", "around": "approximately", "roughly": "approximately", "approximately": "approximately",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "an average": "average", "an average of": "average",
    "average of": "average", "on average": "average",
}
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
PERCENT = re.compile(QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD})\s?(?:%|percent(?:age points?)?\b|per cent\b)", re.I)
MONEY = re.compile(
    QUALIFIER + r"(?:an? (?:additional|extra) )?\$\s?(?P<num>" + DIGITS + r")(?:\s?(?P<scale>million|billion|thousand)\b)?"
    r"(?P<rate>\s(?:an|per|a|each) (?P<per>hour|year)\b|/(?P<slash>hour|hr|year|yr)\b|\s(?P<yearly>annually|a year)\b)?", re.I)
DOLLARS = re.compile(QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD})\s(?P<scale>million |billion |thousand )?dollars\b", re.I)
DURATION = re.compile(
    QUALIFIER + rf"(?P<num>{DIGITS}|{NUMBER_WORD}|an?)(?:-| )(?P<unit>year|day|hour)s?\b(?!-old)", re.I)
OF_THOSE = re.compile(rf"(?P<num>{NUMBER_WORD}|{DIGITS}) of (?:those|the|these) (?P<unit>day|year|hour)s\b", re.I)
ORDINAL_DAY = re.compile(r"\b(?:a|the) (?P<ord>" + "|".join(ORDINAL_WORDS) + r")(?: straight| consecutive| full)? (?P<unit>day)\b", re.I)
MULTIPLE = re.compile(r"\b(?P<word>doubled|tripled|quadrupled)\b", re.I)
MULTIPLES = {"doubled": 2, "tripled": 3, "quadrupled": 4}
COUNT = re.compile(
    "(?i:" + QUALIFIER + ")" + rf"(?:all )?(?P<num>{DIGITS}|{NUMBER_WORD})(?: of (?:its|the|their|our|his|her))?"
    r"(?: [A-Z][\w’'-]*){0,2}(?: [a-z]+(?:-[a-z]+)?)?"
    r" (?P<noun>[a-z]+s|staff|people|personnel|faculty|children|police)\b")
SCHOOL_YEAR = re.compile(r"\b(?P<a>(?:19|20)\d{2})[-–](?P<b>\d{2})(?= school year)")
SCHOOL_YEARS_SPAN = re.compile(r"\b(?P<a>(?:19|20)\d{2}) (?:to|through|-) (?P<b>(?:19|20)\d{2}) school years\b")
UP_FROM = re.compile(rf"\bup from (?:\$)?(?P<num>{DIGITS})\s?%?")
FROM_TO = re.compile(rf"\bfrom (?P<a>\$?(?:{DIGITS})\s?%?) to (?P<b>\$?(?:{DIGITS})\s?%?)")
ITEM_TYPES = [
    ("other", re.compile(r"\bcompensation\b", re.I)),
    ("signing_bonus", re.compile(r"\bsigning bonus", re.I)),
    ("one_time_stipend", re.compile(r"\bstipend|\bone-time payment", re.I)),
    ("bonus", re.compile(r"\bbonus", re.I)),
    ("wage_freeze", re.compile(r"\bfreeze\b|\bno (?:raise|increase)|\bnot be eligible for any increase|\bwon’t be eligible for any increase", re.I)),
    ("cost_of_living", re.compile(r"\bcost[- ]of[- ]living|\bCOLA\b", re.I)),
    ("health_cost", re.compile(r"\b(?:health|medical|insurance)\b[^.]{0,60}\b(?:cost|costs|premium|premiums)\b|\btake-home pay\b", re.I)),
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
    figures: tuple[int, ...]  # indexes into the figures list
    confidence: float


def find_figures(text: str) -> list[Figure]:
    found: list[Figure] = []

    def add(m: re.Match, value: float | None, unit: str, confidence: float) -> None:
        if value is None:
            return
        start, end = m.start(), m.end()
        if any(f.start < end and start < f.end for f in found) or _part_of_name(text, m.start("num") if "num" in m.re.groupindex and m.group("num") else start):
            return
        qual = m.groupdict().get("qual")
        found.append(Figure(start, end, text[start:end], float(plain_number(value)), unit,
                            QUALIFIERS.get((qual or "").lower()), confidence))

    for m in PERCENT.finditer(text):
        add(m, number_value(m.group("num")), "percent", 0.9)
    for m in MONEY.finditer(text):
        value = number_value(m.group("num"))
        scale = (m.group("scale") or "").lower()
        value = value * {"million": 1e6, "billion": 1e9, "thousand": 1e3}.get(scale, 1) if value is not None else None
        per = (m.group("per") or m.group("slash") or "").lower()
        unit = "usd_per_hour" if per in ("hour", "hr") else "usd_per_year" if per in ("year", "yr") or m.group("yearly") else "usd"
        add(m, value, unit, 0.9)
    for m in DOLLARS.finditer(text):
        add(m, number_value(m.group("num")), "usd", 0.7)
    for m in DURATION.finditer(text):
        num = m.group("num").lower()
        value = 1.0 if num in ("a", "an") else number_value(num)
        if _is_year(m.group("num")) or re.match(r" (?:after|before|later|earlier|ago)\b", text[m.end():]):
            continue  # "a day after" says when, not how long
        add(m, value, m.group("unit").lower() + "s", 0.75)
    for m in OF_THOSE.finditer(text):
        add(m, number_value(m.group("num")), m.group("unit").lower() + "s", 0.7)
    for m in ORDINAL_DAY.finditer(text):
        add(m, float(ORDINAL_WORDS[m.group("ord").lower()]), "days", 0.6)
    for m in COUNT.finditer(text):
        num = m.group("num")
        if _is_year(num) or num.lower() == "one" or text[m.end("num"):m.end("num") + 1] in ("-", ":", "%"):
            continue
        if text[max(0, m.start("num") - 1):m.start("num")] in ("$", "-"):
            continue
        add(m, number_value(num), "count", 0.6)
    for m in MULTIPLE.finditer(text):
        add(m, float(MULTIPLES[m.group("word").lower()]), "multiple", 0.6)
    return sorted(found, key=lambda f: f.start)


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", token))


def _part_of_name(text: str, start: int) -> bool:
    """'Local 99', 'WXYZ 7', 'COVID-19': a number that belongs to a name is not a figure."""
    before = text[max(0, start - 25):start]
    return bool(re.search(r"(?:[A-Z][\w&]*[A-Z0-9]|[A-Z][a-z]+)[ -]$", before)) and not re.search(
        r"(?:^|[\s(])(?:[A-Z][a-z]+day|[A-Z][a-z]+ly|More|Over|About|Around|Nearly|All|Some|Up)[ -]$", before)


def find_offer_items(text: str, figures: list[Figure], sentences) -> list[OfferItem]:
    """A percent, dollar or years figure next to a word naming a pay or benefit item becomes an offer item.

    The item word is looked for in the figure's own clause first, then nearest before it in the sentence;
    in "from A to B" and "up from A" the item is made with B, and A becomes its previous value."""
    items: list[OfferItem] = []
    for index, figure in enumerate(figures):
        if figure.unit not in ("percent", "usd", "usd_per_hour", "usd_per_year", "years"):
            continue
        sentence = next((s for s in sentences if s.start <= figure.start < s.end), None)
        if sentence is None or _is_from_value(text, figure, sentence):
            continue
        said = text[sentence.start:sentence.end]
        clause = _clause(text, sentence, figure)
        item_type, keyword = _item_type(text, clause, sentence, figure)
        if item_type is None or (figure.unit == "years" and item_type != "wage_freeze"):
            continue
        if figure.unit in ("usd", "usd_per_hour") and item_type == "salary_increase" and not OFFER_VERBS.search(said):
            continue  # "members make around $15 an hour" is pay today, not an offer
        linked, previous, end = [index], None, figure.end
        up_from = UP_FROM.search(text, figure.end, min(sentence.end, figure.end + 60))
        from_to = next((m for m in FROM_TO.finditer(text, sentence.start, sentence.end) if m.start("b") <= figure.start < m.end("b")), None)
        source = from_to.start("a") if from_to else up_from.start("num") if up_from else None
        if source is not None:
            previous = number_value((from_to.group("a") if from_to else up_from.group("num")).strip("$% "))
            linked += [i for i, f in enumerate(figures) if f.start <= source < f.end]
            if up_from and not from_to:
                end = up_from.end()
        start = figure.start
        if keyword and keyword[0] >= clause[0]:
            start, end = min(start, keyword[0]), max(end, keyword[1])
        elif keyword:
            start, end = clause[0], max(end, clause[1])  # the item is named earlier: the clause is the evidence
        evidence = text[start:end].strip(" ,;")
        start = text.find(evidence, start)
        following = next((f.start for f in figures if f.start > figure.end), sentence.end)
        window = text[clause[0]:clause[1]]
        items.append(OfferItem(
            start, start + len(evidence), evidence, item_type, figure.value, figure.unit, previous,
            _recurrence(window, item_type), _school_years(text[figure.start:min(following, sentence.end)]),
            _group(window), _status(said), tuple(sorted(set(linked))), 0.5))
    return items


def _is_from_value(text: str, figure: Figure, sentence) -> bool:
    """The '1%' of 'up from 1% to 1.5%' and the '2%' of '3%, up from 2%': earlier values, not offers."""
    if re.search(r"\bup from \$?$", text[max(0, figure.start - 10):figure.start]):
        return True
    return any(m.start("a") <= figure.start < m.end("a") for m in FROM_TO.finditer(text, sentence.start, sentence.end))


def _clause(text: str, sentence, figure: Figure) -> tuple[int, int]:
    start = sentence.start
    for m in CLAUSE_BREAK.finditer(text, sentence.start, figure.start):
        start = m.end()
    m = CLAUSE_BREAK.search(text, figure.end, sentence.end)
    return start, (m.start() if m else sentence.end)


CLAUSE_BREAK = re.compile(r"[,;]\s(?![\d$])|\s(?:and|while|but)\s")


def _item_type(text: str, clause: tuple[int, int], sentence, figure: Figure) -> tuple[str | None, tuple[int, int] | None]:
    """The item word nearest the figure: in its clause if there is one, else the nearest before it."""
    best = None
    claimed: list[tuple[int, int]] = []  # "signing bonus" is not also a plain "bonus"
    for item_type, pattern in ITEM_TYPES:
        if (item_type == "health_cost" and figure.unit == "percent") or (item_type == "health_coverage" and figure.unit != "percent"):
            continue
        for m in pattern.finditer(text, sentence.start, sentence.end):
            if any(a <= m.start() < b for a, b in claimed):
                continue
            claimed.append((m.start(), m.end()))
            inside = clause[0] <= m.start() < clause[1]
            if not inside and m.start() > figure.start:
                continue
            distance = abs(m.start() - figure.start) + (0 if inside else 1000)
            if best is None or distance < best[0]:
                best = (distance, item_type, (m.start(), m.end()))
    if best is None:
        return ("other", None) if figure.unit == "percent" else (None, None)
    return best[1], best[2]


def _recurrence(clause: str, item_type: str) -> str | None:
    if item_type in ("signing_bonus", "one_time_stipend") or (item_type != "other" and re.search(r"\bone-time\b", clause, re.I)):
        return "one_time"
    if item_type == "other":
        return None
        return "one_time"
    if re.search(r"\bongoing\b|\bpermanent\b|\bannual\b", clause, re.I):
        return "ongoing"
    return None


def _school_years(text: str) -> str | None:
    m = SCHOOL_YEAR.search(text)
    if m:
        return f"{m.group('a')}-{m.group('b')}"
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
