"""Generic cell rules any package can switch on (`--checks`): text that a spreadsheet would run as a
formula, leftover mojibake, stray whitespace at the ends, control characters.

They are not in the Table Schema standard, so the validator runs them only when asked; a pack (this
dataset's rules) asks for all of them on every text column. Each has a plain vectorized statement
and a fast one that settles most cells from their first and last UTF-8 byte, read off Arrow's
buffers in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from .rules import Rule

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Sequences that only a wrong decoding produces: the replacement character, and UTF-8 read as cp1252/latin-1.
MOJIBAKE_MARKERS = ("\ufffd", "â€", "Ã©", "Ã¨", "Â ")
CELL_CHECKS = ("formula-injection", "mojibake", "whitespace", "control-character")


def _text_columns(frame: pd.DataFrame, schema: dict) -> list[str]:
    return [f["name"] for f in schema.get("fields", []) if f.get("type", "string") == "string" and f["name"] in frame.columns]


class TextBytes:
    """The first and last UTF-8 byte of every cell of a text column, read off Arrow's buffers in place
    (0 for an empty or missing cell): enough to settle most cells without touching their text."""

    def __init__(self, column: pd.Series) -> None:
        import pyarrow as pa

        array = pa.array(column, type=pa.string())
        chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
        firsts, lasts = [], []
        self._chunks: list[tuple[np.ndarray, np.ndarray]] = []
        for chunk in chunks:
            _, offsets, data = chunk.buffers()[:3]
            ends = np.frombuffer(offsets, dtype=np.int32)[chunk.offset: chunk.offset + len(chunk) + 1]
            body = np.frombuffer(data, dtype=np.uint8) if data is not None and data.size else np.zeros(1, dtype=np.uint8)
            filled = (ends[1:] > ends[:-1]) & chunk.is_valid().to_numpy(zero_copy_only=False)
            first, last = np.zeros(len(chunk), dtype=np.uint8), np.zeros(len(chunk), dtype=np.uint8)
            first[filled] = body[ends[:-1][filled]]
            last[filled] = body[ends[1:][filled] - 1]
            firsts.append(first)
            lasts.append(last)
            self._chunks.append((ends, body))
        self.first = np.concatenate(firsts) if firsts else np.zeros(0, dtype=np.uint8)
        self.last = np.concatenate(lasts) if lasts else np.zeros(0, dtype=np.uint8)

    def rows_with_byte(self, values: tuple[int, ...]) -> np.ndarray:
        """Rows whose bytes include any of `values` (one table lookup per byte of the raw buffers)."""
        wanted = np.zeros(256, dtype=bool)
        wanted[list(values)] = True
        found, base = [], 0
        for ends, body in self._chunks:
            used = body[ends[0]: ends[-1]] if len(ends) else body[:0]
            hit = wanted[used]
            found.append(base + np.searchsorted(ends, np.flatnonzero(hit) + ends[0], side="right") - 1)
            base += len(ends) - 1
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


ASCII_SPACE = np.zeros(256, dtype=bool)
ASCII_SPACE[[ord(c) for c in map(chr, range(128)) if c.isspace()]] = True
FORMULA_BYTES = np.zeros(256, dtype=bool)
FORMULA_BYTES[[ord(c) for c in FORMULA_PREFIXES]] = True


def _recheck(column: pd.Series, suspects: np.ndarray, fine: Callable[[str], bool]) -> pd.Series:
    """True everywhere except the suspect rows that fail the exact test."""
    ok = np.ones(len(column), dtype=bool)
    for position, value in zip(suspects, column.iloc[suspects].fillna("").tolist(), strict=True):
        ok[position] = fine(value)
    return pd.Series(ok, index=column.index)


def _formula_fast(view: TextBytes, column: pd.Series) -> pd.Series:
    # Every formula prefix is one ASCII byte: the first byte decides exactly.
    return pd.Series(~FORMULA_BYTES[view.first], index=column.index)


def _whitespace_fast(view: TextBytes, column: pd.Series) -> pd.Series:
    first, last = view.first, view.last
    suspects = np.flatnonzero(ASCII_SPACE[first] | ASCII_SPACE[last] | (first >= 0x80) | (last >= 0x80))
    return _recheck(column, suspects, lambda v: v == v.strip())


def _mojibake_fast(markers: tuple[str, ...], lead_bytes: tuple[int, ...]) -> Callable[[TextBytes, pd.Series], pd.Series]:
    # Every mojibake marker begins with one of a few lead bytes: only the cells holding one are read.
    def check(view: TextBytes, column: pd.Series) -> pd.Series:
        return _recheck(column, view.rows_with_byte(lead_bytes), lambda v: not any(m in v for m in markers))
    return check


# Control characters other than tab and line feed: no spreadsheet cell can hold most of them, a
# terminal obeys them, and no news text needs them. The byte values are the characters themselves.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CONTROL_BYTES = tuple(b for b in range(0x80) if CONTROL_CHARACTERS.match(chr(b)))


def _control_fast(view: TextBytes, column: pd.Series) -> pd.Series:
    return _recheck(column, view.rows_with_byte(CONTROL_BYTES), lambda v: not CONTROL_CHARACTERS.search(v))


def cell_rules(frame: pd.DataFrame, schema: dict, checks: Iterable[str] = CELL_CHECKS,
               mojibake: tuple[str, ...] = MOJIBAKE_MARKERS) -> list[Rule]:
    """The named cell rules (all of CELL_CHECKS by default) on every text column of a table;
    `mojibake` is the list of markers the mojibake rule looks for."""
    views: dict[str, TextBytes] = {}
    wanted = set(checks)
    lead_bytes = tuple(sorted({m.encode("utf-8")[0] for m in mojibake}))

    def fast(check: Callable[[TextBytes, pd.Series], pd.Series], column: str) -> Callable[[pd.DataFrame], pd.Series]:
        def run(d: pd.DataFrame) -> pd.Series:
            if column not in views:  # one byte view per column, shared by its three rules
                views[column] = TextBytes(d[column])
            return check(views[column], d[column])
        return run

    def rules_for(col: str) -> list[Rule]:
        return [
            Rule("formula-injection", col,
                 "starts with =, +, -, @, tab or CR: a spreadsheet would run it as a formula",
                 lambda d: ~d[col].fillna("").str.startswith(FORMULA_PREFIXES),
                 "reword so the cell starts with a letter, digit or quote mark", fast=fast(_formula_fast, col),
                 value_test=lambda v: not v.startswith(FORMULA_PREFIXES)),
            Rule("mojibake", col,
                 "contains a mis-decoded character (mojibake)",
                 lambda d: ~d[col].fillna("").str.contains("|".join(map(re.escape, mojibake)), regex=True),
                 "copy the text again from its source, decoded as UTF-8", fast=fast(_mojibake_fast(mojibake, lead_bytes), col),
                 value_test=lambda v: not any(m in v for m in mojibake)),
            Rule("whitespace", col,
                 "has leading or trailing whitespace",
                 lambda d: d[col].fillna("") == d[col].fillna("").str.strip(),
                 "remove the spaces or line breaks at the ends", fast=fast(_whitespace_fast, col),
                 value_test=lambda v: v == v.strip()),
            Rule("control-character", col,
                 "holds a control character (other than tab or line feed), which no spreadsheet cell can store",
                 lambda d: ~d[col].fillna("").str.contains(CONTROL_CHARACTERS.pattern, regex=True),
                 "delete the invisible character",
                 fast=fast(_control_fast, col), value_test=lambda v: not CONTROL_CHARACTERS.search(v)),
        ]

    return [rule for col in _text_columns(frame, schema) for rule in rules_for(col) if rule.code in wanted]
