"""Spans: every row located in an article holds exactly the text between its offsets.

Offsets are Unicode code points into the normalized article text (SPEC §4). The plain rule slices
each article in Python; the fast one compares Arrow string views into one buffer of all the texts.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..validator.fields import arrow_strings
from ..validator.rules import Rule


def span_rules(column: str, texts: dict[str, str]) -> list[Rule]:
    """The span column holds exactly the article's text between char_start and char_end."""

    def in_text(d: pd.DataFrame) -> pd.Series:
        import pyarrow as pa

        ok = np.ones(len(d), dtype=bool)
        comparable = (d["article_id"].isin(list(texts)) & d[column].notna()).to_numpy(dtype=bool)
        usable = (d["char_start"].notna() & d["char_end"].notna()).to_numpy(dtype=bool)
        ok[comparable & ~usable] = False  # an offset that is no usable integer cannot point at this text
        rows = np.flatnonzero(comparable & usable)  # the rest is reported by other rules (foreign key, required)
        starts = d["char_start"].to_numpy(dtype=np.int64, na_value=0)
        ends = d["char_end"].to_numpy(dtype=np.int64, na_value=0)
        values = pa.array(d[column], type=pa.string())
        if isinstance(values, pa.ChunkedArray):
            values = values.combine_chunks()  # a take from many chunks would join them on every call
        articles = d["article_id"].iloc[rows]
        # One slice per row, article by article, in a list comprehension: the cheapest exact comparison;
        # each article's cells become Python strings only while it is compared.
        for article, positions in articles.groupby(articles, sort=False).indices.items():
            where = rows[positions]
            text = texts[str(article)]  # one of texts' keys: only rows whose article has a text are here
            cells = values.take(pa.array(where)).to_pylist()
            ok[where] = [text[a:b] == v for a, b, v in zip(starts[where].tolist(), ends[where].tolist(), cells, strict=True)]
        return pd.Series(ok, index=d.index, dtype=bool)

    return [
        Rule("span-order", "char_end", "char_end must be greater than char_start",
             lambda d: (d["char_end"] > d["char_start"]).fillna(True).astype(bool)),
        Rule("span-mismatch", column,
             "texts/<article_id>.txt[char_start:char_end] differs from this cell", in_text,
             "offsets are Unicode code points into the normalized text; rebuild with `strikedata build`",
             fast=lambda d: spans_match(d, column, texts, in_text)),
    ]


class TextBuffer:
    """Every article text once, UTF-8 in one buffer, with the byte offset of each code point (and of
    the end) of each text: code-point offsets become byte ranges by one lookup."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.ids = list(texts)
        self.lengths = np.fromiter(map(len, texts.values()), dtype=np.int64, count=len(texts))
        self.first_offset = np.cumsum(self.lengths) - self.lengths  # where each text begins, in code points
        self.data = "".join(texts.values()).encode("utf-8") + bytes(16)  # padding: reads of 12 bytes stay inside
        octets = np.frombuffer(self.data, dtype=np.uint8)[:-16]
        # The byte where each code point begins, then the end: a text's end is where the next begins.
        self.byte_offsets = np.append(np.flatnonzero((octets & 0xC0) != 0x80), len(octets)).astype(np.int64)

    def views(self, starts: np.ndarray, lengths: np.ndarray):
        """An Arrow string_view array of the byte ranges [start, start + length) of the buffer, built in
        place: 16 bytes per row (length, then the bytes inline up to 12, else a 4-byte prefix and the offset)."""
        import pyarrow as pa

        # Every 4 bytes of the buffer, read at each byte offset (unaligned, little-endian): one
        # gather fetches 4 bytes of a row.
        words = np.ndarray((len(self.data) - 3,), dtype="<u4", buffer=self.data, strides=(1,))
        views = np.zeros((len(starts), 4), dtype="<u4")
        views[:, 0] = lengths
        short, long = np.flatnonzero(lengths <= 12), np.flatnonzero(lengths > 12)
        short_starts, short_lengths = starts[short], lengths[short]
        for word in range(3):
            kept = np.clip(short_lengths - 4 * word, 0, 4).astype(np.uint64) * 8  # bits of this word inside the cell
            mask = ((np.uint64(1) << kept) - np.uint64(1)).astype("<u4")
            views[short, 1 + word] = words[short_starts + 4 * word] & mask
        long_starts = starts[long]
        views[long, 1] = words[long_starts]  # the prefix; buffer 0 in word 2
        views[long, 3] = long_starts
        return pa.Array.from_buffers(pa.string_view(), len(starts), [None, pa.py_buffer(views), pa.py_buffer(self.data)])


def spans_match(d: pd.DataFrame, column: str, texts: dict[str, str], plain: Callable[[pd.DataFrame], pd.Series]) -> pd.Series:
    """The span rule in one vectorized pass: each row's text range becomes a view into the article
    texts, compared with the cells in Arrow. Rows whose offsets Python would read in its own way
    (negative, past the end, end before start) get the plain rule, as do all rows if Arrow lacks views."""
    import pyarrow as pa

    if sum(map(len, texts.values())) >= 2**29:
        return plain(d)  # a view's offset is 32 bits (four bytes a code point at most)
    try:
        return _spans_match(d, column, texts, plain)
    except (ValueError, TypeError, pa.ArrowNotImplementedError, pa.ArrowInvalid):
        return plain(d)  # columns of other types, or an Arrow without views: the plain rule says what fails


def _spans_match(d: pd.DataFrame, column: str, texts: dict[str, str], plain: Callable[[pd.DataFrame], pd.Series],
                 batch: int = 1 << 18) -> pd.Series:
    import pyarrow as pa
    import pyarrow.compute as pc

    corpus = TextBuffer(texts)
    codes, article_ids = pd.factorize(d["article_id"], use_na_sentinel=True)
    where = {article_id: i for i, article_id in enumerate(corpus.ids)}
    text_of = np.array([where.get(a, -1) for a in article_ids] + [-1], dtype=np.int64)[codes]  # -1: no text
    starts = d["char_start"].to_numpy(dtype=np.int64, na_value=-1)  # a missing offset is -1 here
    ends = d["char_end"].to_numpy(dtype=np.int64, na_value=-1)
    cells = arrow_strings(d[column])
    ok = np.ones(len(d), dtype=bool)
    odd_parts = [np.zeros(0, dtype=np.int64)]
    for low in range(0, len(d), batch):  # in batches: the temporaries stay small whatever the table's size
        text, start, end = text_of[low: low + batch], starts[low: low + batch], ends[low: low + batch]
        part = cells.slice(low, len(text))
        present = (text >= 0) & pc.is_valid(part).to_numpy(zero_copy_only=False)
        fits = present & (start >= 0) & (end >= start) & (end <= np.where(text >= 0, corpus.lengths[text], 0))
        odd_parts.append(low + np.flatnonzero(present & ~fits))
        first = corpus.first_offset[np.maximum(text, 0)]
        begin = np.where(fits, corpus.byte_offsets[first + np.where(fits, start, 0)], 0)
        size = np.where(fits, corpus.byte_offsets[first + np.where(fits, end, 0)], 0) - begin
        same = pc.fill_null(pc.equal(pc.cast(part, pa.string_view()), corpus.views(begin, size)), False)
        ok[low: low + batch] = ~fits | same.to_numpy(zero_copy_only=False)
    odd = np.concatenate(odd_parts)
    if len(odd):
        few = pd.DataFrame({c: d[c].iloc[odd] for c in ("article_id", "char_start", "char_end", column)})
        ok[odd] = plain(few).to_numpy(dtype=bool)
    return pd.Series(ok, index=d.index, dtype=bool)
