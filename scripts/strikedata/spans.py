"""Locate verbatim text in a normalized article: curators paste text, the build finds the offsets.

Offsets are Unicode code points (Python string indices), 0-based, end exclusive.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

# One-to-one folds, so offsets in the folded text are offsets in the real text.
_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class NotFound:
    message: str
    hint: str


def occurrences(text: str, needle: str) -> list[int]:
    starts, at = [], text.find(needle)
    while at != -1:
        starts.append(at)
        at = text.find(needle, at + 1)
    return starts


def closest_passage(text: str, needle: str) -> str:
    """The stretch of `text` most like `needle`, anchored on their longest common run."""
    matcher = difflib.SequenceMatcher(None, text, needle, autojunk=False)
    block = matcher.find_longest_match(0, len(text), 0, len(needle))
    anchor = block.a - block.b
    # Words added or dropped shift the alignment: align again within a margin around the anchor and
    # show the article from the first to the last stretch it shares with the needle.
    offset = max(0, anchor - 40)
    region = text[offset : anchor + len(needle) + 40]
    shared = [m for m in difflib.SequenceMatcher(None, region, needle, autojunk=False).get_matching_blocks() if m.size >= 3]
    if not shared:
        return text[max(0, anchor) : max(0, anchor) + len(needle)]
    start = shared[0].a
    return region[start : max(shared[-1].a + shared[-1].size, start + len(needle))]


def shorten(value: str, limit: int = 90) -> str:
    value = value.replace("\n", "⏎")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def locate(text: str, needle: str, occurrence: int = 1) -> Span | NotFound:
    """Find the `occurrence`-th (1-based) appearance of `needle` in `text`."""
    if not needle:
        return NotFound("text is empty", "paste the words exactly as they appear in the article")
    found = occurrences(text, needle)
    if len(found) >= occurrence >= 1:
        start = found[occurrence - 1]
        return Span(start, start + len(needle))
    if found:
        return NotFound(
            f"occurrence {occurrence} asked for, but the text appears {len(found)} time(s)",
            f"set occurrence between 1 and {len(found)}",
        )
    folded = occurrences(text.translate(_QUOTE_FOLD), needle.translate(_QUOTE_FOLD))
    if folded:
        exact = text[folded[0] : folded[0] + len(needle)]
        return NotFound(
            "not found as typed; the article uses different quote marks or dashes",
            f'copy it exactly: "{shorten(exact)}"',
        )
    return NotFound(
        "not found in the article",
        f'closest passage: "{shorten(closest_passage(text, needle))}"',
    )
