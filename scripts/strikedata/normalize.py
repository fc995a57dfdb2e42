"""Raw seed bytes -> normalized article text plus the repairs applied, recorded by name.

The raw files are never edited; every repair happens here and is named in `normalizations`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Seed 001 came through a broken export: 'þ' stands where line breaks were and 'ÿ' where curly
# double quotes were. Both letters are otherwise vanishingly rare in English news copy.
THORN_LINE_BREAK = "þ"
Y_DIAERESIS_QUOTE = "ÿ"
MOJIBAKE_CHARACTERS = (THORN_LINE_BREAK, Y_DIAERESIS_QUOTE, "\ufffd", "â€", "Ã©", "Ã¨", "Â ")

DATE_HEADER = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})[ \t]+")
# `\s*\Z` alone: a `[ \t]*` before it would backtrack quadratically on a long run of spaces.
SOURCE_TRAILER = re.compile(r"\n[ \t]*Source:[ \t]*([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*\Z")
# "SACRAMENTO, Calif. (KXYZ) — " at the start of a line: the place (an upper-case name ending in a
# letter, a comma, its state or country), the outlet credited in parentheses if any, then a dash.
# The one definition of a dateline: normalize reads the first in the text into `dateline` and
# `dateline_credit`; strip_dateline (for extract) removes one that opens a sentence.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'-]*[A-Z], [A-Z][A-Za-z.]*\.?)(?: \((?P<credit>[A-Z0-9]+)\))? [—–-]",
    re.MULTILINE,
)
# DATELINE and the space after it, at the start of a passage only (no MULTILINE: `^` is its start).
_LEADING_DATELINE = re.compile(DATELINE.pattern + r"\s*")
OPENING_CONTEXT = " \t\n([{—–-‘'"


@dataclass(frozen=True)
class NormalizedArticle:
    text: str
    normalizations: tuple[str, ...]
    published_date: str | None = None
    source_domain: str | None = None
    dateline: str | None = None
    dateline_credit: str | None = None
    warnings: tuple[str, ...] = field(default=())


class NormalizationError(ValueError):
    """The seed cannot be read as text at all (for example, not UTF-8)."""


def decode(raw: bytes) -> tuple[str, list[str]]:
    applied = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        applied.append("strip_bom")
    try:
        return raw.decode("utf-8"), applied
    except UnicodeDecodeError as error:
        raise NormalizationError(
            f"not valid UTF-8 at byte offset {error.start} (0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from None


def curl_double_quotes(text: str, mark: str) -> str:
    """Replace each `mark` with an opening or closing curly quote, judged by what precedes it."""
    out = []
    for i, ch in enumerate(text):
        if ch != mark:
            out.append(ch)
            continue
        before = text[i - 1] if i else "\n"
        out.append("“" if before in OPENING_CONTEXT else "”")
    return "".join(out)


def repair_mojibake(text: str) -> tuple[str, list[str]]:
    applied = []
    if THORN_LINE_BREAK in text:
        text = text.replace(THORN_LINE_BREAK, "\n")
        applied.append("thorn_to_line_break")
    if Y_DIAERESIS_QUOTE in text:
        text = curl_double_quotes(text, Y_DIAERESIS_QUOTE)
        applied.append("y_diaeresis_to_curly_double_quote")
    return text, applied


def tidy_whitespace(text: str) -> tuple[str, list[str]]:
    applied = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        applied.append("lf_line_endings")
    trimmed = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    trimmed = trimmed.lstrip()
    if trimmed + "\n" != text:
        applied.append("tidy_whitespace")
    return trimmed + "\n", applied


def normalize(raw: bytes) -> NormalizedArticle:
    """Normalize a raw seed: UTF-8, mojibake repaired, header and trailer lifted out, NFC, LF, trimmed."""
    text, applied = decode(raw)

    published_date = None
    header = DATE_HEADER.match(text)
    if header:
        published_date = header.group(1)
        text = text[header.end():]
        applied.append("date_header_to_published_date")

    text, repairs = repair_mojibake(text)
    applied += repairs

    source_domain = None
    trailer = SOURCE_TRAILER.search(text)
    if trailer:
        source_domain = trailer.group(1)
        text = text[: trailer.start()]
        applied.append("source_trailer_to_metadata")

    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        applied.append("unicode_nfc")
    text, tidied = tidy_whitespace(nfc)
    applied += tidied

    dateline = DATELINE.search(text)
    return NormalizedArticle(
        text=text,
        normalizations=tuple(applied),
        published_date=published_date,
        source_domain=source_domain,
        dateline=dateline.group("place") if dateline else None,
        dateline_credit=dateline.group("credit") if dateline else None,
    )


def strip_dateline(passage: str) -> str:
    """`passage` without the dateline that opens it, if one does: the first sentence of an article
    describes a happening, and "SACRAMENTO, Calif. (KXYZ) —" is no part of it."""
    return _LEADING_DATELINE.sub("", passage, count=1)


def leftover_mojibake(text: str) -> list[str]:
    return [m for m in MOJIBAKE_CHARACTERS if m in text]
