"""The semantic layer: rules across columns and tables that a Table Schema cannot express.

Each rule is a vectorized test over one typed table (True = fine). The fast path evaluates the
tests directly, one pass each; the reference path runs the very same tests through pandera. Both
report every failing row, not just the first.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .normalize import MOJIBAKE_CHARACTERS
from .schema import arrow_strings

if TYPE_CHECKING:  # the validator's rules on declared fields and keys have outcomes too
    from .validate import ColumnRule, KeyRule

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SPAN_COLUMNS = {"quotes": "text", "offers": "evidence_text", "figures": "text", "event_mentions": "text"}
PERCENT_RANGE = (0, 100)


@dataclass(frozen=True)
class Rule:
    """`test` is the plain statement of the rule; `fast`, when given, computes the same answer with
    less work (the fast path uses it, the reference path does not, and a test holds them equal)."""

    code: str
    resource: str
    field: str | None
    message: str
    test: Callable[[pd.DataFrame], pd.Series]
    hint: str | None = None
    fast: Callable[[pd.DataFrame], pd.Series] | None = None
    value_test: Callable[[str], bool] | None = None  # the same rule for one cell (blank = ""), when it looks at one cell only


@dataclass(frozen=True)
class Outcome:
    """A rule's result on one table: the positions of the failing rows, or why it could not run."""

    rule: Rule | ColumnRule | KeyRule
    rows: np.ndarray
    error: str | None = None


def distinct_values(column: pd.Series, sample: int = 20_000) -> tuple[pd.Series, np.ndarray] | None:
    """(distinct values, each row's index into them) for a long column with many repeats, else None.

    Whether it repeats is judged on its first rows; either way the answer of a check is the same,
    only the work differs."""
    if len(column) < 4 * sample or column.iloc[:sample].nunique() > sample // 20:
        return None  # judging tens of thousands of values one by one costs more than one pass over all
    codes, distinct = pd.factorize(column, use_na_sentinel=False)  # one hash pass; a missing cell is a value too
    return pd.Series(distinct, dtype=column.dtype), codes.astype(np.int64, copy=False)


def position_of(index: pd.Index, label: object) -> int:
    """The position of the row labelled `label` in a unique index (a table's frame has a RangeIndex)."""
    position = index.get_loc(label)
    if not isinstance(position, (int, np.integer)):
        raise ValueError(f"the row label {label!r} is not unique")
    return int(position)


def failing_rows(test: Callable, frame) -> np.ndarray:
    """Positions where a vectorized test says False (missing counts as False)."""
    mask = test(frame)
    ok = mask.to_numpy(dtype=bool, na_value=False) if hasattr(mask, "to_numpy") else np.asarray(mask, dtype=bool)
    return np.flatnonzero(~ok)


SMALL = 10_000  # below this many rows, the byte-level shortcuts cost more than they save


def worded(error: Exception) -> str:
    """An exception in the words pandera uses for a check that raised, so both paths say the same."""
    return f'{type(error).__name__}("{error.args[0]}")' if error.args else f"{type(error).__name__}()"


def _outcome(rule, frame: pd.DataFrame) -> Outcome:
    test = rule.test if len(frame) < SMALL else (getattr(rule, "fast", None) or rule.test)
    try:
        return Outcome(rule, failing_rows(test, frame))
    except Exception as error:  # noqa: BLE001 - a rule that cannot run is reported, never silently off
        return Outcome(rule, np.empty(0, dtype=np.int64), worded(error))


def _by_value(rule) -> bool:
    """Whether a rule looks at one cell of its field at a time and costs enough per cell that, when
    values repeat, judging each distinct value once pays."""
    return bool(getattr(rule, "value_test", None) or getattr(rule, "by_value", False))


def _judge_values(values: pd.Series, column: str, rules: list) -> list[Outcome]:
    """Outcomes over `values` alone: in plain Python where a rule has a `value_test`, vectorized otherwise."""
    cells = [v if isinstance(v, str) else "" for v in values.tolist()]
    vectorized = [r for r in rules if not getattr(r, "value_test", None)]
    outcomes = _run_all(pd.DataFrame({column: values}), vectorized) if vectorized else []
    for rule in rules:
        if getattr(rule, "value_test", None):
            try:
                bad = np.fromiter((not rule.value_test(v) for v in cells), dtype=bool, count=len(cells))
            except Exception as error:  # noqa: BLE001 - reported like any rule that cannot run
                outcomes.append(Outcome(rule, np.empty(0, dtype=np.int64), worded(error)))
                continue
            outcomes.append(Outcome(rule, np.flatnonzero(bad)))
    return outcomes


def _judge_column(frame: pd.DataFrame, column: str, group: list) -> list[Outcome]:
    """The per-cell rules of one column: in plain Python when the table is small (where pandas' fixed
    cost per call dominates), once per distinct value when values repeat (then mapped back to the
    rows), else vectorized over the column."""
    if len(frame) < SMALL:
        scalar = [r for r in group if getattr(r, "value_test", None)]
        return _judge_values(frame[column], column, scalar) + _run_all(frame, [r for r in group if r not in scalar])
    few = distinct_values(frame[column])
    if few is None:
        return _run_all(frame, group)
    values, codes = few
    outcomes = []
    for outcome in _judge_values(values, column, group):
        bad = np.zeros(len(values), dtype=bool)
        bad[outcome.rows] = True
        outcomes.append(Outcome(outcome.rule, np.flatnonzero(bad[codes]), outcome.error))
    return outcomes


def _run_fast(frame: pd.DataFrame, rules: list) -> list[Outcome]:
    plain: list = []
    by_field: dict[str, list] = {}
    for rule in rules:
        (by_field.setdefault(rule.field, []) if _by_value(rule) and rule.field in frame.columns else plain).append(rule)
    tasks: list[Callable[[], list[Outcome]]] = [functools.partial(_run_all, frame, [rule]) for rule in plain]
    tasks += [functools.partial(_judge_column, frame, column, group) for column, group in by_field.items()]
    if len(frame) < SMALL or len(tasks) < 2:
        done = [task() for task in tasks]
    else:
        # Arrow, numpy and most of pandas let go of the GIL: independent rules share the cores.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            done = list(pool.map(lambda task: task(), tasks))
    order = {id(rule): i for i, rule in enumerate(rules)}
    return sorted((o for outcomes in done for o in outcomes), key=lambda o: order[id(o.rule)])


def _run_all(frame: pd.DataFrame, rules: list) -> list[Outcome]:
    return [_outcome(rule, frame) for rule in rules]


def _run_pandera(frame: pd.DataFrame, rules: list) -> list[Outcome]:
    import pandera.pandas as pa  # only the reference path pays for importing pandera

    by_name = {f"{i}:{getattr(r, 'code', '')}": r for i, r in enumerate(rules)}
    schema = pa.DataFrameSchema(checks=[pa.Check(r.test, name=n) for n, r in by_name.items()])
    rows: dict[str, list[int]] = {n: [] for n in by_name}
    errors: dict[str, str] = {}
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as failed:
        cases = failed.failure_cases
        for check, index, case in zip(cases["check"], cases["index"], cases["failure_case"], strict=True):
            if check not in by_name:
                continue
            if pd.isna(index):
                errors.setdefault(check, str(case))  # the check itself raised
            else:
                rows[check].append(position_of(frame.index, index))
    return [Outcome(rule, np.unique(np.asarray(rows[n], dtype=np.int64)), errors.get(n)) for n, rule in by_name.items()]


def run_rules(frame: pd.DataFrame, rules: list, *, reference: bool = False) -> list[Outcome]:
    """Every rule's outcome on `frame`: evaluated directly, one vectorized pass each (fast), or through
    pandera's lazy validation (reference). Any object with `.test` is a rule."""
    if not rules or frame.empty:
        return []
    return _run_pandera(frame, rules) if reference else _run_fast(frame, rules)


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
        """Rows whose bytes include any of `values` (one comparison per value over the raw buffers)."""
        found, base = [], 0
        for ends, body in self._chunks:
            used = body[ends[0]: ends[-1]] if len(ends) else body[:0]
            hit = np.zeros(len(used), dtype=bool)
            for value in values:
                hit |= used == value
            found.append(base + np.searchsorted(ends, np.flatnonzero(hit) + ends[0], side="right") - 1)
            base += len(ends) - 1
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


ASCII_SPACE = np.zeros(256, dtype=bool)
ASCII_SPACE[[ord(c) for c in map(chr, range(128)) if c.isspace()]] = True
FORMULA_BYTES = np.zeros(256, dtype=bool)
FORMULA_BYTES[[ord(c) for c in FORMULA_PREFIXES]] = True
MOJIBAKE_LEAD_BYTES = tuple(sorted({m.encode("utf-8")[0] for m in MOJIBAKE_CHARACTERS}))


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


def _mojibake_fast(view: TextBytes, column: pd.Series) -> pd.Series:
    # Every mojibake marker begins with one of a few lead bytes: only the cells holding one are read.
    return _recheck(column, view.rows_with_byte(MOJIBAKE_LEAD_BYTES),
                    lambda v: not any(m in v for m in MOJIBAKE_CHARACTERS))


# Control characters other than tab and line feed: no spreadsheet cell can hold most of them, a
# terminal obeys them, and no news text needs them. The byte values are the characters themselves.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CONTROL_BYTES = tuple(b for b in range(0x80) if CONTROL_CHARACTERS.match(chr(b)))


def _control_fast(view: TextBytes, column: pd.Series) -> pd.Series:
    return _recheck(column, view.rows_with_byte(CONTROL_BYTES), lambda v: not CONTROL_CHARACTERS.search(v))


def cell_rules(resource: str, frame: pd.DataFrame, schema: dict) -> list[Rule]:
    """Rules on every text cell: spreadsheet formula injection, leftover mojibake, stray whitespace,
    control characters."""
    views: dict[str, TextBytes] = {}

    def fast(check: Callable[[TextBytes, pd.Series], pd.Series], column: str) -> Callable[[pd.DataFrame], pd.Series]:
        def run(d: pd.DataFrame) -> pd.Series:
            if column not in views:  # one byte view per column, shared by its three rules
                views[column] = TextBytes(d[column])
            return check(views[column], d[column])
        return run

    def rules_for(col: str) -> list[Rule]:
        return [
            Rule("formula-injection", resource, col,
                 "starts with =, +, -, @, tab or CR: a spreadsheet would run it as a formula",
                 lambda d: ~d[col].fillna("").str.startswith(FORMULA_PREFIXES),
                 "reword so the cell starts with a letter, digit or quote mark", fast=fast(_formula_fast, col),
                 value_test=lambda v: not v.startswith(FORMULA_PREFIXES)),
            Rule("mojibake", resource, col,
                 "contains a mis-decoded character (mojibake)",
                 lambda d: ~d[col].fillna("").str.contains("|".join(MOJIBAKE_CHARACTERS), regex=True),
                 "copy the text from the normalized article under build/texts/", fast=fast(_mojibake_fast, col),
                 value_test=lambda v: not any(m in v for m in MOJIBAKE_CHARACTERS)),
            Rule("whitespace", resource, col,
                 "has leading or trailing whitespace",
                 lambda d: d[col].fillna("") == d[col].fillna("").str.strip(),
                 "remove the spaces or line breaks at the ends", fast=fast(_whitespace_fast, col),
                 value_test=lambda v: v == v.strip()),
            Rule("control-character", resource, col,
                 "holds a control character (other than tab or line feed), which no spreadsheet cell can store",
                 lambda d: ~d[col].fillna("").str.contains(CONTROL_CHARACTERS.pattern, regex=True),
                 "delete the invisible character; repairs of a raw seed belong in normalize.py",
                 fast=fast(_control_fast, col), value_test=lambda v: not CONTROL_CHARACTERS.search(v)),
        ]

    return [rule for col in _text_columns(frame, schema) for rule in rules_for(col)]


def span_rules(resource: str, texts: dict[str, str]) -> list[Rule]:
    column = SPAN_COLUMNS[resource]

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
        Rule("span-order", resource, "char_end", "char_end must be greater than char_start",
             lambda d: (d["char_end"] > d["char_start"]).fillna(True).astype(bool)),
        Rule("span-mismatch", resource, column,
             "texts/<article_id>.txt[char_start:char_end] differs from this cell", in_text,
             "offsets are Unicode code points into the normalized text; rebuild with `strikedata build`",
             fast=lambda d: spans_match(d, column, texts, in_text)),
    ]


class Corpus:
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

    corpus = Corpus(texts)
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


def quote_rules(quotes: pd.DataFrame) -> list[Rule]:
    def inside_parent(d: pd.DataFrame) -> pd.Series:
        # Only rows that name a parent can fail; look their parents up, not the whole table.
        ok = pd.Series(True, index=d.index)
        named = d["parent_quote_id"].notna()
        if not named.any():
            return ok
        children = d[["article_id", "char_start", "char_end", "parent_quote_id"]][named]
        spans = quotes[["quote_id", "article_id", "char_start", "char_end"]]
        parents = spans[spans["quote_id"].isin(children["parent_quote_id"].unique())]
        spans = parents.drop_duplicates("quote_id").set_index("quote_id")
        parent = spans.reindex(children["parent_quote_id"]).set_axis(children.index)
        bad = parent["article_id"].notna() & (
            (parent["article_id"] != children["article_id"])
            | (children["char_start"] < parent["char_start"])
            | (children["char_end"] > parent["char_end"])
        )
        ok[children.index] = ~bad.fillna(False).astype(bool)
        return ok

    return [
        Rule("speaker-missing", "quotes", "speaker_person_id",
             "a quotation needs a speaker: set speaker_person_id or speaker_org_id",
             lambda d: d["speaker_person_id"].notna() | d["speaker_org_id"].notna()),
        Rule("nested-parent", "quotes", "parent_quote_id",
             "kind nested needs parent_quote_id, and only nested quotations have one",
             lambda d: (d["kind"] == "nested") == d["parent_quote_id"].notna()),
        Rule("nested-outside-parent", "quotes", "parent_quote_id",
             "a nested quotation must lie inside its parent's span in the same article", inside_parent),
    ]


def offer_rules() -> list[Rule]:
    low, high = PERCENT_RANGE

    def percent_ok(column: str) -> Callable[[pd.DataFrame], pd.Series]:
        return lambda d: ~((d["unit"] == "percent") & ((d[column] < low) | (d[column] > high))).fillna(False).astype(bool)

    return [
        Rule("percent-range", "offers", "value", f"a percentage must be between {low} and {high}", percent_ok("value")),
        Rule("percent-range", "offers", "previous_value", f"a percentage must be between {low} and {high}", percent_ok("previous_value")),
        Rule("unit-without-value", "offers", "unit", "unit is set but value and previous_value are empty",
             lambda d: d["unit"].isna() | d["value"].notna() | d["previous_value"].notna()),
        Rule("value-without-unit", "offers", "value", "value is set but unit is empty",
             lambda d: (d["value"].isna() & d["previous_value"].isna()) | d["unit"].notna()),
    ]


def figure_rules(offers: pd.DataFrame) -> list[Rule]:
    by_id = offers.drop_duplicates("offer_id").set_index("offer_id")[["article_id", "value", "previous_value", "unit"]]

    def matches_offer(d: pd.DataFrame) -> pd.Series:
        offer = by_id.reindex(d["offer_id"]).set_axis(d.index)
        linked = d["offer_id"].notna() & offer["article_id"].notna()
        same = (offer["article_id"] == d["article_id"]) & (offer["unit"] == d["unit"]) & (
            (offer["value"] == d["value"]) | (offer["previous_value"] == d["value"]))
        return ~(linked & ~same.fillna(False).astype(bool))

    return [
        Rule("figure-offer-mismatch", "figures", "offer_id",
             "the offer is in another article, or its value, previous_value and unit do not match this figure",
             matches_offer, "link a figure only to the offer whose value or previous_value it is"),
    ]


def event_rules() -> list[Rule]:
    return [
        Rule("end-before-start", "events", "end_date", "end_date is before start_date",
             lambda d: ~(d["end_date"] < d["start_date"]).fillna(False).astype(bool)),
    ]


def mention_rules(events: pd.DataFrame, articles: pd.DataFrame) -> list[Rule]:
    events = events.drop_duplicates("event_id").set_index("event_id")
    start, status = events["start_date"], events["status"]
    published = articles.drop_duplicates("article_id").set_index("article_id")["published_date"]

    def in_window(d: pd.DataFrame) -> pd.Series:
        event_start = start.reindex(d["event_id"]).set_axis(d.index)
        event_status = status.reindex(d["event_id"]).set_axis(d.index)
        article_date = published.reindex(d["article_id"]).set_axis(d.index)
        planned = (d["reported_status"] == "planned") | (event_status == "planned")
        after = (event_start > article_date).fillna(False).astype(bool)
        return ~(after & ~planned.fillna(False).astype(bool))

    return [
        Rule("date-outside-article", "event_mentions", "event_id",
             "the event starts after the article was published, but neither it nor this mention is planned",
             in_window, "set reported_status: planned, or check the event's date"),
    ]


def article_rules(texts: dict[str, str]) -> list[Rule]:
    # A count that is not an integer is the type check's finding, not a mismatch.
    def length_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or n is pd.NA or n == len(texts[aid]) for aid, n in zip(d["article_id"], d["char_count"], strict=True)],
                         index=d.index, dtype=bool)

    def hash_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or digest == hashlib.sha256(texts[aid].encode("utf-8")).hexdigest()
                          for aid, digest in zip(d["article_id"], d["text_sha256"], strict=True)], index=d.index, dtype=bool)

    def words_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or n is pd.NA or n == len(texts[aid].split())
                          for aid, n in zip(d["article_id"], d["word_count"], strict=True)], index=d.index, dtype=bool)

    return [
        Rule("text-hash", "articles", "text_sha256", "text_sha256 differs from the SHA-256 of texts/<article_id>.txt", hash_ok,
             "the text changed after the build; rebuild with `strikedata build`"),
        Rule("text-length", "articles", "word_count", "word_count differs from the words in texts/<article_id>.txt", words_ok),
        Rule("text-length", "articles", "char_count", "char_count differs from the length of texts/<article_id>.txt", length_ok),
        Rule("text-path", "articles", "text_path", "text_path must be texts/<article_id>.txt",
             lambda d: d["text_path"] == "texts/" + d["article_id"] + ".txt"),
    ]


def semantic_rules(tables: dict[str, pd.DataFrame], schemas: dict[str, dict], texts: dict[str, str]) -> dict[str, list[Rule]]:
    """Every semantic rule that applies to the tables present, grouped by the table it runs on."""
    rules: dict[str, list[Rule]] = {name: cell_rules(name, frame, schemas[name]) for name, frame in tables.items() if name in schemas}
    for name in SPAN_COLUMNS:
        if name in tables:
            rules[name] += span_rules(name, texts)
    if "quotes" in tables:
        rules["quotes"] += quote_rules(tables["quotes"])
    if "offers" in tables:
        rules["offers"] += offer_rules()
    if {"figures", "offers"} <= tables.keys():
        rules["figures"] += figure_rules(tables["offers"])
    if "events" in tables:
        rules["events"] += event_rules()
    if {"event_mentions", "events", "articles"} <= tables.keys():
        rules["event_mentions"] += mention_rules(tables["events"], tables["articles"])
    if "articles" in tables:
        rules["articles"] += article_rules(texts)
    if texts:
        for name, extra in mentioned_rules(tables, texts).items():
            rules[name] += extra
    return rules


def _names(d: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    out = []
    for row in zip(*(d[c] for c in columns), strict=True):
        names = []
        for value in row:
            if isinstance(value, str) and value:
                names += [part.strip() for part in value.split(";") if part.strip()]
        out.append(names)
    return out


def mentioned_rules(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> dict[str, list[Rule]]:
    """People and organizations must appear in at least one article (outlets excepted)."""
    corpus = "\n".join(texts.values())
    outlets = set(tables["articles"]["outlet_org_id"].dropna()) if "articles" in tables else set()

    def appears(columns: list[str], id_column: str) -> Callable[[pd.DataFrame], pd.Series]:
        def test(d: pd.DataFrame) -> pd.Series:
            seen: dict[str, bool] = {}  # names repeat across rows: search the corpus once for each

            def in_corpus(name: str) -> bool:
                if name not in seen:
                    seen[name] = name in corpus
                return seen[name]

            found = [any(map(in_corpus, names)) for names in _names(d, columns)]
            return pd.Series(found, index=d.index, dtype=bool) | d[id_column].isin(outlets)
        return test

    rules: dict[str, list[Rule]] = {}
    if "people" in tables:
        rules["people"] = [Rule("not-in-articles", "people", "name", "neither the name nor an alias appears in any article",
                                appears(["name", "aliases"], "person_id"), "add the spelling the article uses to aliases")]
    if "organizations" in tables:
        rules["organizations"] = [Rule("not-in-articles", "organizations", "name",
                                       "neither the name, short name nor an alias appears in any article, and it is no outlet",
                                       appears(["name", "short_name", "aliases"], "org_id"),
                                       "add the form the article uses to aliases")]
    return rules
