"""Plain-text helpers shared by the extraction rules: paragraphs, sentences, words, numbers, slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Abbreviations whose final period does not end a sentence in news copy.
ABBREVIATIONS = re.compile(
    r"(?:\b(?:a\.m|p\.m|Calif|Ore|Wash|Ariz|Nev|Colo|Mich|Mass|Penn|Conn|Fla|Tex|Ill|Ind|Minn|Wis|Va|Ga|Md|Mo|Ky|Tenn|Okla|Kan|Neb"
    r"|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Gen|St|Ave|Blvd|Rd|No|Inc|Corp|Co|Jr|Sr|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|U\.S|D\.C|e\.g|i\.e)"
    r"|\b[A-Z])\.$"
)
SENTENCE_END = re.compile(r"[.!?][”\"’')]*(?=\s+|$)")
WORD = re.compile(r"[\w’'&.-]*\w", re.UNICODE)
OPENING_DOUBLE = "“\""
CLOSING_DOUBLE = "”\""

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def paragraphs(text: str) -> list[Span]:
    """Runs of text between line breaks, as spans."""
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def paragraph_of(text: str, position: int) -> Span:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return Span(start, len(text) if end < 0 else end)


def sentences(text: str, masked: str | None = None) -> list[Span]:
    """Sentence spans. `masked` is the text with quotations blanked, so a period inside a quotation
    does not end the sentence that carries its attribution."""
    masked = masked if masked is not None else text
    out = []
    for para in paragraphs(text):
        start = para.start
        for m in SENTENCE_END.finditer(masked, para.start, para.end):
            before = masked[max(para.start, m.start() - 6): m.start() + 1]
            if ABBREVIATIONS.search(before):
                continue
            # "at 10 a.m. Monday": a lowercase word after the period continues the sentence.
            following = masked[m.end(): m.end() + 3].lstrip()
            if following[:1].islower():
                continue
            end = m.end()
            if text[start:end].strip():
                out.append(trim(text, start, end))
            start = end
        if text[start:para.end].strip():
            out.append(trim(text, start, para.end))
    return out


def trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def containing(spans: list[Span], position: int) -> Span | None:
    for span in spans:
        if span.start <= position < span.end:
            return span
    return None


def slug(text: str) -> str:
    """A lowercase id slug: accents dropped, anything else between words becomes one hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.replace("&", "")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def number_value(token: str) -> float | None:
    """'4,250' -> 4250, '2.5' -> 2.5, 'seven' -> 7; None for anything else."""
    token = token.strip().lower()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    try:
        return float(token.replace(",", ""))
    except ValueError:
        return None


def plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def is_capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()
