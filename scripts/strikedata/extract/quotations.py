"""Find every quotation in a normalized article: the exact text between its marks, and its kind.

Handles curly and straight double quotes, a curly opening closed by a straight mark (and the reverse),
single quotes nested inside double ones, fragments inside a sentence, the news convention for a
quotation that runs across paragraphs (no closing mark at the paragraph's end, a fresh opening mark on
the next: a passage per paragraph), and marks left unbalanced (closed at the paragraph's end, with a low confidence).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace

from .text import trim

OPEN_CURLY, CLOSE_CURLY, STRAIGHT = "“", "”", '"'
OPEN_SINGLE, CLOSE_SINGLE, STRAIGHT_SINGLE = "‘", "’", "'"
# Characters after which a straight mark opens a quotation rather than closing one.
OPENS_AFTER = " \t\n([{—–-:,;"
DOUBLE_OR_BREAK = re.compile('[“”"\n]')
SINGLE_OPENING = re.compile("[‘']")
SINGLE_CLOSING = re.compile("[’']")
NOT_SPACE = re.compile(r"\S")
CONTINUED = "a paragraph of a quotation that runs on into the next (no closing mark, a fresh opening one): the same speaker"
# How far around the paragraph break an attribution is looked for (characters): a paragraph's speaker
# is named near its quotation, and the work stays in proportion to the text's length.
ATTRIBUTION_REACH = 400
# An attribution's verb, in the words just around a quotation (the paragraph's own speaker).
SAID = re.compile(r"\b(?:said|says|told|tells|wrote|writes|added|adds|tweeted|posted|explained|asked|stated|according to)\b")
SAID_AFTER = re.compile(r"[\s,]*(?:[\w’'.-]+\s+){0,5}?(?:said|says|told|wrote|writes|added|tweeted|posted|explained|asked|stated)\b")


@dataclass(frozen=True)
class Quotation:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    text: str
    kind: str  # full | fragment | nested
    parent: int | None  # index of the quotation this one is nested in
    confidence: float
    note: str = ""


def find_quotations(text: str) -> list[Quotation]:
    """All double-quoted passages, then the single-quoted ones nested inside them."""
    outer = _double_quoted(text)
    out: list[Quotation] = []
    for spans in outer:
        start, end, confidence, note = spans
        trimmed = trim(text, start, end)
        start, end = trimmed.start, trimmed.end
        if start >= end or _nickname(text, spans[0], spans[1]) or _coined_term(text, spans[0], spans[1]):
            continue
        out.append(Quotation(start, end, text[start:end], _kind(text, start, end), None, confidence, note))
    nested: list[tuple[Quotation, Quotation]] = []  # (quotation, its parent): the index is known once ordered
    for parent in out:
        for start, end in _nested_single(text, parent.start, parent.end):
            nested.append((Quotation(start, end, text[start:end], "nested", None, min(parent.confidence, 0.85)), parent))
    return _reindex(out, nested)


# "in what organizers called a “read-in”": one lowercase hyphenated word quoted after "a" or "an" names a thing, and
# quotes no one.
COINED_TERM = re.compile(r"(?:\b(?:a|an)\s)[“\"][a-z][\w’'-]*-[\w’'-]+[.,]?[”\"]")


def _coined_term(text: str, start: int, end: int) -> bool:
    """Whether the passage text[start:end] (inside its marks) is a coined term after "a" or "an"."""
    return any(COINED_TERM.fullmatch(text, max(0, start - back), end + 1) for back in (3, 4))


# Margaret “Peggy” Stoltzfus: one or two capitalised words quoted between a first and a family name.
NICKNAME = re.compile(r"[“\"][A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)?[”\"]")


def _nickname(text: str, start: int, end: int) -> bool:
    """A nickname inside a name, not a quotation: capitalised words on both sides of the marks."""
    m = NICKNAME.match(text, max(0, start - 1))
    return bool(m and m.end() >= end and re.search(r"\b[A-Z][\w’'.-]* $", text[max(0, m.start() - 30):m.start()])
                and re.match(r" [A-Z]", text[m.end():m.end() + 2]))


def kept(quotations: list[Quotation], keep: Callable[[Quotation], bool]) -> list[Quotation]:
    """The quotations `keep` keeps, with the quotations nested in those it drops dropped too, and each nested
    one's parent renumbered (a parent is an index into the list)."""
    index: dict[int, int] = {}
    out: list[Quotation] = []
    for i, q in enumerate(quotations):
        if (q.parent is not None and q.parent not in index) or not keep(q):
            continue
        index[i] = len(out)
        out.append(q if q.parent is None else replace(q, parent=index[q.parent]))
    return out


def _reindex(outer: list[Quotation], nested: list[tuple[Quotation, Quotation]]) -> list[Quotation]:
    """Order by position, giving each nested quotation the index of its parent."""
    combined: list[tuple[Quotation, Quotation | None]] = [(q, None) for q in outer]
    combined += nested
    combined.sort(key=lambda pair: (pair[0].start, -pair[0].end))
    position = {id(q): i for i, (q, _) in enumerate(combined)}
    return [
        q if parent is None else Quotation(q.start, q.end, q.text, q.kind, position[id(parent)], q.confidence, q.note)
        for q, parent in combined
    ]


def _double_quoted(text: str) -> list[tuple[int, int, float, str]]:
    """Spans between double marks, in order and never overlapping: the scan jumps from mark to mark
    (and line break), and a quotation with no opening mark begins no earlier than just after the
    closing mark before it."""
    spans: list[tuple[int, int, float, str]] = []
    open_at: int | None = None
    straight_open = False
    continued = False
    floor = 0  # just after the last closing mark
    i = 0
    while (mark := DOUBLE_OR_BREAK.search(text, i)) is not None:
        i = mark.start()
        ch = text[i]
        if open_at is None:
            if ch == OPEN_CURLY or (ch == STRAIGHT and _opens(text, i)):
                open_at, straight_open, continued = i, ch == STRAIGHT, False
            elif ch in (CLOSE_CURLY, STRAIGHT):
                # A closing mark with nothing open: the quotation began at the start of its sentence.
                start = _sentence_start(text, i, floor)
                if start < i:
                    spans.append((start, i, 0.4, "no opening quotation mark: check where the quotation begins"))
                floor = i + 1
        elif ch == "\n":
            word = NOT_SPACE.search(text, i)
            after = word.start() if word else len(text)
            if after < len(text) and (text[after] == OPEN_CURLY or text[after] == STRAIGHT) \
                    and not _both_attributed(text, open_at, i, after):
                # The news convention: the quotation goes on in the next paragraph, which opens with a
                # fresh mark. Each paragraph is a passage of its own, as curators annotate them (the
                # paragraph's words, without the next one's opening mark); they share a speaker.
                spans.append((open_at + 1, i, 0.7, CONTINUED))
                open_at, straight_open, continued = after, text[after] == STRAIGHT, True
                i = after
            else:
                spans.append((open_at + 1, i, 0.4, "no closing quotation mark: closed at the end of the paragraph"))
                open_at = None
        elif ch in (CLOSE_CURLY, STRAIGHT):
            confidence = 0.95 if not straight_open and ch == CLOSE_CURLY else 0.85 if straight_open and ch == STRAIGHT else 0.7
            note = ""
            if (ch == STRAIGHT) != straight_open:
                note = "opening and closing marks differ"
            if continued:
                confidence, note = 0.7, "the last paragraph of a quotation that runs across paragraphs"
            spans.append((open_at + 1, i, confidence, note))
            open_at = None
            floor = i + 1
        elif ch == OPEN_CURLY:
            # A second opening mark before any closing one: the first was never closed.
            spans.append((open_at + 1, i, 0.4, "no closing quotation mark before the next opening one"))
            open_at = i
        i += 1
    if open_at is not None:
        spans.append((open_at + 1, len(text), 0.3, "no closing quotation mark"))
    return spans


def _both_attributed(text: str, open_at: int, line_break: int, after: int) -> bool:
    """Whether an unclosed quotation's paragraph and the quotation opening the next one each have a
    speaker of their own: an attribution's verb outside the quotation before it, in its paragraph
    ("…," district officials wrote. “It is time), and one just after the next quotation's closing
    mark ("“The offer is low,” said …"). Then the closing mark was left out, and the quotation does
    not run on into the next paragraph. Reads the two paragraphs only."""
    floor = max(0, open_at - ATTRIBUTION_REACH)  # bounded: a quotation run on over many paragraphs re-reads no more
    paragraph_start = max(floor, text.rfind("\n", floor, open_at) + 1)
    if not SAID.search(text, paragraph_start, open_at):
        return False
    next_break = text.find("\n", after)
    end = len(text) if next_break < 0 else next_break
    end = min(end, after + ATTRIBUTION_REACH)
    close = next((k for k in range(after + 1, end) if text[k] in (CLOSE_CURLY, STRAIGHT)), None)
    return close is not None and SAID_AFTER.match(text, close + 1, min(end, close + 80)) is not None


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in OPENS_AFTER and not after.isspace()


def _sentence_start(text: str, i: int, floor: int = 0) -> int:
    """Where the sentence holding position `i` begins (after the last ". ", "! " or "? " of its
    paragraph), but not before `floor`. Reads back only as far as the floor or the paragraph's start."""
    line_break = text.rfind("\n", floor, i)
    if line_break >= 0:
        low, start = line_break + 2, line_break + 1
    elif floor:
        low, start = floor, floor  # the paragraph began before the floor
    else:
        low, start = 1, 0
    end = max(text.rfind(". ", low, i + 1), text.rfind("! ", low, i + 1), text.rfind("? ", low, i + 1))
    return end + 2 if end >= 0 else start


def _nested_single(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Single-quoted passages inside [start, end): an opening mark at a word start, closed before a non-letter."""
    closes, punctuated = _single_closes(text, start, end)
    out = []
    resume = start
    for mark in SINGLE_OPENING.finditer(text, start, end):
        i = mark.start()
        if i < resume:
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else ""
        if (before in OPENS_AFTER or i == start) and after[:1].isalnum():
            # "educators’ health" also ends in a mark; a mark after punctuation is the likelier close.
            close = _first_after(punctuated, i + 1)
            close = _first_after(closes, i + 1) if close is None else close
            if close is not None:
                out.append((i + 1, close))
                resume = close + 1
    return out


def _single_closes(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """The marks in [start, end) that can close a single quotation (not before a letter or digit, not
    after a space), and those of them that follow punctuation."""
    closes, punctuated = [], []
    for mark in SINGLE_CLOSING.finditer(text, start, end):
        j = mark.start()
        following = text[j + 1] if j + 1 < len(text) else " "
        if not following.isalnum() and not text[j - 1].isspace():
            closes.append(j)
            if text[j - 1] in ".,!?;:":
                punctuated.append(j)
    return closes, punctuated


def _first_after(positions: list[int], start: int) -> int | None:
    i = bisect_left(positions, start)
    return positions[i] if i < len(positions) else None


def _kind(text: str, start: int, end: int) -> str:
    first = next((c for c in text[start:end] if c.isalpha()), "")
    if first.islower():
        return "fragment"
    # The last character before the opening mark that is not a space (read back, not copied).
    before = start - 1 if start else len(text) - 1
    while before > 0 and text[before - 1].isspace():
        before -= 1
    # Capitalised but running on from the words before it, with no comma or colon: part of a sentence.
    if before > 0 and text[before - 1].isalpha() and len(text[start:end].split()) <= 4:
        return "fragment"
    return "full"
