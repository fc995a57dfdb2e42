"""A Table Schema's fields as checks: the declaration is the only source, everything else is derived.

`field_checks` turns a Table Schema field into vectorized checks over the raw CSV strings, so a
failure always reports the original cell (never a null produced by type coercion). `to_pandera`
assembles them into a pandera DataFrameSchema; `typed_frame` gives the typed view that the
semantic checks use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..tableschema import field_by_name, primary_key

# Frictionless's default true/false values.
TRUE_VALUES = ("true", "True", "TRUE", "1")
FALSE_VALUES = ("false", "False", "FALSE", "0")

_INTEGER = r"[+-]?[0-9]+"
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?:NaN|INF|inf|nan)"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = r"[0-9]{2}:[0-9]{2}:[0-9]{2}"
_DATETIME = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?"
_YEAR = r"[0-9]{4}"


# --- values ----------------------------------------------------------------------------------

def arrow_strings(values: pd.Series):
    """The column as Arrow large strings: zero-copy for the frames the fast reader makes (pandas keeps
    its strings in Arrow already), a conversion for any other frame."""
    import pyarrow as pa

    return pa.array(values, type=pa.large_string())


def parse_numbers(values: pd.Series) -> pd.Series:
    """Numbers from text; anything that is not one (blank included) is missing.

    Arrow casts the well-formed values in one pass; pandas's slower, more lenient parser is the
    fallback when Arrow declines one of them."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        text = arrow_strings(values)
        wellformed = pc.match_substring_regex(text, f"^(?:{_NUMBER})$")
        numbers = pc.cast(pc.if_else(wellformed, text, pa.scalar(None, pa.large_string())), pa.float64())
        return pd.Series(numbers.to_numpy(zero_copy_only=False), index=values.index, dtype="float64")
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return pd.to_numeric(values.where(values != ""), errors="coerce")


def all_distinct(values: pd.Series) -> bool:
    """One hash pass: are all values different? (Most keys are, and then nothing more is needed.)"""
    import pyarrow.compute as pc

    return len(pc.unique(arrow_strings(values))) == len(values)


def _only_bytes(text, allowed: bytes) -> bool:
    """Whether every cell of an Arrow string column is made of the `allowed` bytes only (one table
    lookup per byte of the column's buffers, no per-cell work)."""
    import pyarrow as pa

    table = np.zeros(256, dtype=bool)
    table[list(allowed)] = True
    for chunk in text.chunks if isinstance(text, pa.ChunkedArray) else [text]:
        _, offsets, data = chunk.buffers()[:3]
        if data is None or not len(chunk):
            continue
        ends = np.frombuffer(offsets, dtype=np.int64 if pa.types.is_large_string(chunk.type) else np.int32)
        used = np.frombuffer(data, dtype=np.uint8)[ends[chunk.offset]: ends[chunk.offset + len(chunk)]]
        if not table[used].all():
            return False
    return True


def parse_integers(values: pd.Series) -> pd.Series:
    """Whole numbers from text (Int64; anything else, or beyond ±2**53, is missing)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        text = arrow_strings(values)
        numbers = None
        # Cells of digits and minus signs only: Arrow's cast then reads exactly what the pattern
        # allows or fails (it would also read hexadecimal, which these bytes cannot spell).
        if _only_bytes(text, b"0123456789-"):
            with contextlib.suppress(pa.ArrowInvalid):  # a blank, a lone sign, beyond 64 bits: the pattern decides
                numbers = pc.cast(text, pa.int64())
        if numbers is None:
            wellformed = pc.match_substring_regex(text, f"^(?:{_INTEGER})$")
            numbers = pc.cast(pc.if_else(wellformed, text, pa.scalar(None, pa.large_string())), pa.int64())
        exact = pc.and_(pc.less(numbers, 2**53), pc.greater(numbers, -(2**53)))
        numbers = pc.if_else(exact, numbers, pa.scalar(None, pa.int64()))
        return pd.Series(numbers.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get), index=values.index)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):  # e.g. beyond 64 bits
        numbers = parse_numbers(values)
        return numbers.where(numbers.notna() & values.str.fullmatch(_INTEGER).fillna(False).astype(bool)
                             & (numbers.abs() < 2**53)).astype("Int64")


def parse_dates(values: pd.Series, fmt: str | None = None) -> pd.Series:
    fmt = None if fmt in (None, "default", "any") else fmt
    return pd.to_datetime(values.where(values != ""), format=fmt or "%Y-%m-%d", errors="coerce")


def parse(values: pd.Series, field: dict) -> pd.Series:
    """Typed view of raw strings; blanks become missing."""
    kind = field.get("type", "string")
    if kind == "integer":
        return parse_integers(values)
    if kind in ("number", "year"):
        return parse_numbers(values)
    if kind == "date":
        return parse_dates(values, field.get("format"))
    if kind == "boolean":
        trues = field.get("trueValues", TRUE_VALUES)
        return values.map(lambda v: True if v in trues else (False if v != "" else None))
    return blank_as_missing(values)


def blank_as_missing(values: pd.Series) -> pd.Series:
    """Blank cells as missing. Arrow-backed strings keep their buffers, copying nothing: each chunk
    only gets a validity bitmap, the blank test itself."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not isinstance(values.array, pd.arrays.ArrowStringArray):
        blank = values == ""
        return values.where(~blank) if blank.any() else values
    column = arrow_strings(values)
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    kept = []
    for chunk in chunks:
        filled = pc.fill_null(pc.not_equal(chunk, ""), False)
        if chunk.offset or filled.offset or filled.null_count:
            kept.append(pc.if_else(filled, chunk, pa.scalar(None, chunk.type)))
        else:
            kept.append(pa.Array.from_buffers(chunk.type, len(chunk), [filled.buffers()[1], *chunk.buffers()[1:]]))
    # pandas-stubs still give the pandas 2 signature (copy=); pandas 3 takes the dtype, and keeps its na_value by it.
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(kept, type=column.type), dtype=values.dtype),  # type: ignore[call-arg]
                     index=values.index, name=values.name)


def python_value(raw: str, field: dict) -> object:
    """One valid cell as a Python value of its declared type; a blank cell is None.

    Exports call this on validated tables only, so a value that does not parse is a bug, not data.
    """
    if raw == "":
        return None
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        return int(raw)
    if kind == "number":
        return float(raw)
    if kind == "boolean":
        return raw in field.get("trueValues", TRUE_VALUES)
    if kind == "date":
        fmt = field.get("format")
        return dt.datetime.strptime(raw, "%Y-%m-%d" if fmt in (None, "default", "any") else fmt).date()
    if kind == "datetime":
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    return raw


# Python's re and Arrow's RE2 read a pattern alike unless it uses a class escape (\d, \w, \s, \b...:
# Unicode-wide in Python, ASCII in RE2), a (?...) group other than (?:...) (lookaround, flags), a
# POSIX class ([:alpha:] is a class in RE2, a set of letters in re) or {,n}: those stay with re.
_RE2_UNSAFE = re.compile(r"\\[A-Za-z0-9]|\(\?(?!:)|\[:|\{,")


def _re2_or(pattern: str, fallback: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    """fullmatch of `pattern` in Arrow's RE2 where RE2 reads it as Python's re does; `fallback` else."""
    if _RE2_UNSAFE.search(pattern):
        return fallback

    def in_arrow(s: pd.Series) -> pd.Series:
        import pyarrow as pa
        import pyarrow.compute as pc

        try:
            matched = pc.match_substring_regex(arrow_strings(s), f"^(?:{pattern})$")
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):  # a construct RE2 lacks
            return fallback(s)
        return pd.Series(pc.fill_null(matched, False).to_numpy(zero_copy_only=False), index=s.index, dtype=bool)

    return in_arrow


def _fullmatch(pattern: str) -> Callable[[pd.Series], pd.Series]:
    """fullmatch of one of our own patterns (none backtracks)."""
    compiled = re.compile(pattern)

    def in_python(s: pd.Series) -> pd.Series:
        # Cell by cell: pandas would hand Arrow-backed strings to RE2 even with a compiled pattern.
        return pd.Series([isinstance(v, str) and compiled.fullmatch(v) is not None for v in s.tolist()], index=s.index, dtype=bool)

    return _re2_or(pattern, in_python)


# A declared pattern comes from whoever wrote the package: one that backtracks (say ^(a+)+$) could
# run for hours on one crafted cell. RE2 never backtracks; the patterns it reads otherwise than
# Python run with a deadline for the whole column.
PATTERN_SECONDS = 2.0  # per column, plus PATTERN_SECONDS_PER_CELL for each cell matched
PATTERN_SECONDS_PER_CELL = 1e-5


def _declared_pattern(pattern: str) -> Callable[[pd.Series], pd.Series]:
    """fullmatch of a pattern from a Table Schema, in bounded time: RE2 (linear) where it reads the
    pattern as Python's re does; otherwise the `regex` engine (re's syntax, with a timeout)."""
    import regex

    try:
        compiled = regex.compile(pattern, flags=regex.VERSION0)
        matches = lambda value, seconds: compiled.fullmatch(value, timeout=seconds) is not None  # noqa: E731
    except regex.error:  # a pattern re reads and regex does not (none known): re, unbounded
        plain = re.compile(pattern)
        matches = lambda value, seconds: plain.fullmatch(value) is not None  # noqa: E731

    def bounded(s: pd.Series) -> pd.Series:
        allowed = PATTERN_SECONDS + PATTERN_SECONDS_PER_CELL * len(s)
        deadline = time.monotonic() + allowed
        out = []
        try:
            for value in s.tolist():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                out.append(isinstance(value, str) and matches(value, left))
        except TimeoutError:
            raise TimeoutError(f"the pattern took more than {allowed:.3g} s on this column's cells "
                               "(it backtracks): simplify it, e.g. no nested repetition like (a+)+") from None
        return pd.Series(out, index=s.index, dtype=bool)

    return _re2_or(pattern, bounded)


def _iso_datetimes(values: pd.Series) -> pd.Series:
    """ISO 8601 datetimes parsed cell by cell alike: pandas picks one resolution for the column from
    the finest fraction it sees, and at nanoseconds a year before 1677 would no longer fit, so one
    row's precision would decide another's verdict. Fractions are cut to microseconds first
    (the digits are checked by the shape), which holds every year from 1 to 9999."""
    cut = values.str.replace(r"(\.[0-9]{6})[0-9]+", r"\1", regex=True)
    return pd.to_datetime(cut, format="ISO8601", errors="coerce", utc=True)


# Python reads at most this many digits as an int (sys.get_int_max_str_digits), and frictionless reads
# integers with int(): a longer one is its type-error, so it is ours too.
MAX_INTEGER_DIGITS = 4300


def _digits_fit(text: str) -> bool:
    return len(text) <= MAX_INTEGER_DIGITS or len(text.lstrip("+-")) <= MAX_INTEGER_DIGITS


def _integer_ok(values: pd.Series) -> pd.Series:
    """The integer's shape, and no more digits than Python (and so frictionless) reads."""
    ok = _fullmatch(_INTEGER)(values)
    long = (values.str.len() > MAX_INTEGER_DIGITS).fillna(False).astype(bool)
    if long.any():
        ok = ok & ~(long & ~values.where(long, "").map(_digits_fit).astype(bool))
    return ok


def _type_ok(field: dict) -> Callable[[pd.Series], pd.Series] | None:
    kind = field.get("type", "string")
    fmt = field.get("format")
    if kind == "integer":
        return _integer_ok
    elif kind == "number":
        shape = _fullmatch(_NUMBER)
    elif kind == "year":
        shape = _fullmatch(_YEAR)
    elif kind == "date" and fmt in (None, "default"):
        strict = _fullmatch(_DATE)
        return lambda s: strict(s) & parse_dates(s).notna()
    elif kind == "date":
        return lambda s: parse_dates(s, fmt).notna()
    elif kind == "datetime" and fmt in (None, "default"):
        well_formed = _fullmatch(_DATETIME)
        return lambda s: well_formed(s) & _iso_datetimes(s.where(well_formed(s))).notna()
    elif kind == "datetime":
        shape = _fullmatch(_DATETIME)
    elif kind == "time" and fmt in (None, "default"):
        well_formed = _fullmatch(_TIME)
        return lambda s: well_formed(s) & pd.to_datetime(s.where(well_formed(s)), format="%H:%M:%S", errors="coerce").notna()
    elif kind == "time":
        shape = _fullmatch(_TIME)
    elif kind == "boolean":
        allowed = set(field.get("trueValues", TRUE_VALUES)) | set(field.get("falseValues", FALSE_VALUES))
        return lambda s: s.isin(allowed)
    elif kind == "string" and fmt == "uri":
        shape = _fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
    elif kind == "string" and fmt == "email":
        shape = _fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+")
    elif kind in ("object", "array"):
        def is_json(s: pd.Series, want=dict if kind == "object" else list) -> pd.Series:
            def ok(v: str) -> bool:
                try:
                    return isinstance(json.loads(v), want)
                except ValueError:
                    return False
            return s.map(ok).astype(bool)
        return is_json
    else:
        return None
    return shape


@dataclass(frozen=True)
class FieldCheck:
    """One declared rule on one field, as a vectorized test over the raw strings (True = fine)."""

    code: str
    field: str
    message: str
    test: Callable[[pd.Series], pd.Series]
    # The same test given the column's typed view as well (raw, typed), when that saves parsing again.
    from_typed: Callable[[pd.Series, pd.Series], pd.Series] | None = None
    # The same test on one cell, where that is plain: cheaper than a vectorized call on a few values.
    value_test: Callable[[str], bool] | None = None


def _integer_from_typed(shape: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series, pd.Series], pd.Series]:
    # A parsed integer had the integer's shape; only the cells that did not parse are looked at again
    # (a blank, a bad value, or one beyond 2**53 that is well formed all the same).
    def test(raw: pd.Series, typed: pd.Series) -> pd.Series:
        short = (raw.str.len() <= MAX_INTEGER_DIGITS).to_numpy(dtype=bool, na_value=True)  # leading zeros count too
        ok = (typed.notna().to_numpy(dtype=bool) & short) | (raw == "").to_numpy(dtype=bool)
        rest = np.flatnonzero(~ok)
        if len(rest):
            ok[rest] = shape(raw.iloc[rest]).to_numpy(dtype=bool)
        return pd.Series(ok, index=raw.index)
    return test


def _integer_value(text: str) -> bool:
    return bool(re.fullmatch(_INTEGER, text)) and _digits_fit(text)


def _present_value(test: Callable[[str], object]) -> Callable[[str], bool]:
    return lambda v: v == "" or bool(test(v))


def _present(test: Callable[[pd.Series], pd.Series]) -> Callable[[pd.Series], pd.Series]:
    # Declared constraints other than `required` do not apply to missing values.
    return lambda s: (s == "") | test(s)


def _bound_check(code: str, name: str, message: str, typed: Callable[[pd.Series], pd.Series], op: str, bound: object) -> FieldCheck:
    """A minimum or maximum: `op` ("ge" or "le") compares the parsed values with the parsed `bound`.
    A blank cell has no value to bound; a "NaN" cell is on no side of it and fails, as in frictionless."""
    def within(raw: pd.Series, values: pd.Series) -> pd.Series:
        return getattr(values, op)(bound).fillna(True).astype(bool) | (raw == "").to_numpy(dtype=bool)
    return FieldCheck(code, name, message, lambda s: within(s, typed(s)), within)


def field_checks(field: dict) -> list[FieldCheck]:
    """Every rule the Table Schema declares for one field."""
    name = field["name"]
    kind = field.get("type", "string")
    constraints = field.get("constraints") or {}
    checks: list[FieldCheck] = []
    if constraints.get("required"):
        checks.append(FieldCheck("required", name, "a value is required", lambda s: s != "", value_test=lambda v: v != ""))
    type_ok = _type_ok(field)
    if type_ok is not None:
        fmt = field.get("format")
        what = kind + (f" in format {fmt}" if fmt not in (None, "default") else "")
        shape = {"integer": _INTEGER, "number": _NUMBER, "year": _YEAR}.get(kind)
        checks.append(FieldCheck("type", name, f"not a valid {what}", _present(type_ok),
                                 _integer_from_typed(type_ok) if kind == "integer" else None,
                                 _present_value(_integer_value if kind == "integer" else re.compile(shape).fullmatch) if shape else None))
    typed = (lambda s: parse(s, field)) if kind in ("integer", "number", "year", "date") else None
    if "enum" in constraints:
        allowed = constraints["enum"]
        one = None
        if typed is None:
            options = {str(v) for v in allowed}

            def is_allowed(s: pd.Series) -> pd.Series:
                return s.isin(options)

            one = _present_value(options.__contains__)
        else:
            typed_options = list(parse(pd.Series([str(v) for v in allowed], dtype=object), field).dropna())

            def is_allowed(s: pd.Series) -> pd.Series:
                values = typed(s)
                return values.isin(typed_options) | values.isna()

        checks.append(FieldCheck("enum", name, f"not one of the allowed values: {', '.join(map(str, allowed))}", _present(is_allowed),
                                 value_test=one))
    if "pattern" in constraints:
        # No one-cell form: a table of any size is matched in one bounded pass.
        checks.append(FieldCheck("pattern", name, f"does not match the pattern {constraints['pattern']}",
                                 _present(_declared_pattern(constraints["pattern"]))))
    if "minLength" in constraints:
        shortest = int(constraints["minLength"])
        checks.append(FieldCheck("min-length", name, f"shorter than {shortest} characters", _present(lambda s: s.str.len() >= shortest),
                                 value_test=_present_value(lambda v: len(v) >= shortest)))
    if "maxLength" in constraints:
        longest = int(constraints["maxLength"])
        checks.append(FieldCheck("max-length", name, f"longer than {longest} characters", _present(lambda s: s.str.len() <= longest),
                                 value_test=_present_value(lambda v: len(v) <= longest)))
    for key, code, op in (("minimum", "minimum", "ge"), ("maximum", "maximum", "le")):
        if key in constraints and typed is not None:
            bound = parse(pd.Series([str(constraints[key])], dtype=object), field).iloc[0]
            if pd.isna(bound):
                continue
            word = "below the minimum" if key == "minimum" else "above the maximum"
            checks.append(_bound_check(code, name, f"{word} {constraints[key]}", typed, op, bound))
    if constraints.get("unique"):
        def unique(s: pd.Series) -> pd.Series:
            if all_distinct(s):  # the usual case, decided in one hash pass
                return pd.Series(True, index=s.index)
            return (s == "") | ~s.duplicated(keep=False)
        checks.append(FieldCheck("unique", name, "the value appears more than once", unique))
    return checks


def to_pandera(schema: dict, name: str = ""):
    """A pandera schema over raw string columns, derived from a Table Schema (the reference path).

    Returns the schema and a lookup from each check's name to the rule it enforces.
    """
    import pandera.pandas as pa  # the fast path never needs pandera
    columns, rules = {}, {}
    for field in schema.get("fields", []):
        checks = []
        for rule in field_checks(field):
            check_name = f"{rule.code}:{rule.field}"
            rules[check_name] = rule
            checks.append(pa.Check(rule.test, name=check_name))
        columns[field["name"]] = pa.Column(str, checks=checks, nullable=False, required=True)
    pk = primary_key(schema)
    return pa.DataFrameSchema(columns, name=name or None, unique=pk or None, report_duplicates="all"), rules


def typed_frame(frame: pd.DataFrame, schema: dict) -> pd.DataFrame:
    """The table with each column parsed to its declared type (blanks and bad cells missing)."""
    fields = field_by_name(schema)
    return pd.DataFrame({col: parse(frame[col], fields[col]) if col in fields else frame[col] for col in frame.columns})

