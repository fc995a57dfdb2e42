"""Locate verbatim text in a normalized article: curators paste text, the build finds the offsets.

Offsets are Unicode code points (Python string indices), 0-based, end exclusive.

The closest-passage hint for a miss is a courtesy, and its cost is bounded whatever the input (the
annotation and the seed are untrusted, up to 5 MB each): small cases are aligned exactly by difflib,
larger ones are anchored on shared letter n-grams sampled along the article, and a build hands
`locate` a `HintBudget` so that many misses together stay within seconds too.
"""

from __future__ import annotations

import difflib
import time
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

# One-to-one folds, so offsets in the folded text are offsets in the real text.
_QUOTE_FOLD = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}

# difflib aligns the whole needle with the whole article while the pairs of equal characters it
# visits (its cost: at most len(text) * len(needle), about 7% of that for English) stay under
# EXACT_PAIRS (about 0.3 s at worst here); EXACT_SPAN bounds the cost of counting them.
EXACT_PAIRS = 400_000
EXACT_SPAN = 20_000_000
# Beyond it, only the start of a pasted text looks for its place (the hint shows 90 characters)...
HEAD = 300
# ...by its n-grams of this length, probed at no more than this many places along the article...
GRAM = 6
PROBES = 100_000
# ...ignoring n-grams the head repeats more often than this (they anchor nothing, like difflib's junk).
REPEATS = 4
# Seconds of hint search one build spends in all; past them a miss gets a plainer hint.
HINT_SECONDS = 3.0


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class NotFound:
    message: str
    hint: str


@dataclass
class HintBudget:
    """The seconds left for closest-passage hints in one build."""

    seconds: float = HINT_SECONDS


def occurrences(text: str, needle: str, limit: int | None = None) -> list[int]:
    """Where `needle` starts in `text` (overlapping), the first `limit` of them when given."""
    starts: list[int] = []
    at = text.find(needle)
    while at != -1 and (limit is None or len(starts) < limit):
        starts.append(at)
        at = text.find(needle, at + 1)
    return starts


def fold(text: str) -> str:
    """Curly quotes and dashes as typed on a keyboard (str.replace: ten times faster than translate)."""
    for mark, typed in _QUOTE_FOLD.items():
        text = text.replace(mark, typed)
    return text


@lru_cache(maxsize=2)
def _folded(text: str) -> str:
    # A build asks about one article's entries in a row: fold the article once, not once per miss.
    return fold(text)


def _pairs(text: str, needle: str) -> int:
    """How many (text position, needle position) pairs hold the same character."""
    return sum(text.count(char) * count for char, count in Counter(needle).items())


def _longest_run_anchor(text: str, needle: str) -> int:
    """Where the needle would start if its longest run shared with the text is in place."""
    block = difflib.SequenceMatcher(None, text, needle, autojunk=False).find_longest_match(0, len(text), 0, len(needle))
    return block.a - block.b


def _gram_anchor(text: str, needle: str) -> int:
    """Where the needle would start, by the alignment most of its shared n-grams agree on.

    Linear in the needle and in the number of probes, whatever the article's length: a shared run of
    n + step - 1 characters is always probed (every run from 3 characters in an article of up to
    PROBES characters)."""
    step = max(1, -(-len(text) // PROBES))
    for size in sorted({min(n, len(needle)) for n in (GRAM, 3, 2)}, reverse=True):
        places: dict[str, list[int]] = {}
        for j in range(len(needle) - size + 1):
            places.setdefault(needle[j : j + size], []).append(j)
        places = {gram: js for gram, js in places.items() if len(js) <= REPEATS}
        votes: Counter[int] = Counter()
        for i in range(0, len(text) - size + 1, step):
            for j in places.get(text[i : i + size], ()):
                votes[i - j] += 1
        if votes:
            return min(votes, key=lambda diagonal: (-votes[diagonal], diagonal))
    return 0


def closest_passage(text: str, needle: str) -> str:
    """The stretch of `text` most like `needle`, anchored on what they share."""
    if len(text) * len(needle) <= EXACT_SPAN and _pairs(text, needle) <= EXACT_PAIRS:
        anchor = _longest_run_anchor(text, needle)
    else:
        needle = needle[:HEAD]
        anchor = _gram_anchor(text, needle)
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
    value = value[: limit + 1].replace("\n", "⏎")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def locate(text: str, needle: str, occurrence: int = 1, budget: HintBudget | None = None) -> Span | NotFound:
    """Find the `occurrence`-th (1-based) appearance of `needle` in `text`.

    A miss comes with a hint: the text as the article writes it, or the closest passage while
    `budget` (None: no limit but each search's own) has time left."""
    if not needle:
        return NotFound("text is empty", "paste the words exactly as they appear in the article")
    found = occurrences(text, needle, max(occurrence, 1))
    if len(found) >= occurrence >= 1:
        start = found[occurrence - 1]
        return Span(start, start + len(needle))
    if found:
        return NotFound(
            f"occurrence {occurrence} asked for, but the text appears {len(found)} time(s)",
            f"set occurrence between 1 and {len(found)}",
        )
    folded = _folded(text).find(fold(needle))
    if folded != -1:
        exact = text[folded : folded + len(needle)]
        return NotFound(
            "not found as typed; the article uses different quote marks or dashes",
            f'copy it exactly: "{shorten(exact)}"',
        )
    if budget is not None and budget.seconds <= 0:
        return NotFound("not found in the article",
                        "copy it exactly from the article's text (no closest passage: this build spent its time "
                        "for hints on the misses before this one; fix those first)")
    started = time.perf_counter()
    passage = closest_passage(text, needle)
    if budget is not None:
        budget.seconds -= time.perf_counter() - started
    return NotFound("not found in the article", f'closest passage: "{shorten(passage)}"')
