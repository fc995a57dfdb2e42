"""Rules and their outcomes: what a check is, whatever it checks.

A rule is a vectorized test over one table (True = fine). Declared field rules (`ColumnRule`), key
rules (`KeyRule`) and the rules of a pack or a generic check (`Rule`) all give an `Outcome`: the
positions of the failing rows, or why the rule could not run. How the tests are run is the
backend's business (`backends.py`); how outcomes become findings is `findings_of`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..findings import Finding, Tally
from .fields import FieldCheck, field_checks
from .tables import Table


@dataclass(frozen=True)
class Rule:
    """`test` is the plain statement of the rule; `fast`, when given, computes the same answer with
    less work (the fast backend uses it, the reference backend does not, and a test holds them
    equal); `value_test` is the same rule for one cell (blank = ""), when it looks at one cell only."""

    code: str
    field: str | None
    message: str
    test: Callable[[pd.DataFrame], pd.Series]
    hint: str | None = None
    fast: Callable[[pd.DataFrame], pd.Series] | None = None
    value_test: Callable[[str], bool] | None = None

    by_value = False


@dataclass(frozen=True)
class ColumnRule:
    """A declared field rule (a FieldCheck on one column) as a test over the whole table; given the
    table's typed view, the fast backend reuses its parsed values instead of parsing again."""

    check: FieldCheck
    typed: pd.DataFrame | None = field(default=None, compare=False)
    hint = None

    @property
    def by_value(self) -> bool:
        # Worth judging once per distinct value (then mapped back to the rows): a parse or a regex per
        # cell. `required` and `enum` are a comparison or a hash lookup, cheaper than finding the values.
        # Not when the typed view answers it already (`fast`).
        return self.check.code in ("type", "pattern", "minimum", "maximum", "min-length", "max-length") and self.fast is None

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def field(self) -> str:
        return self.check.field

    @property
    def message(self) -> str:
        return self.check.message

    @property
    def value_test(self) -> Callable[[str], bool] | None:
        return self.check.value_test

    def test(self, frame: pd.DataFrame) -> pd.Series:
        return self.check.test(frame[self.check.field])

    @property
    def fast(self) -> Callable[[pd.DataFrame], pd.Series] | None:
        from_typed, typed = self.check.from_typed, self.typed
        if typed is None or from_typed is None:
            return None
        name = self.check.field
        return lambda frame: from_typed(frame[name], typed[name])


@dataclass(frozen=True)
class KeyRule:
    """A rule on whole rows (primary key, blank key, foreign key): the message names the key's values."""

    code: str
    field: str | None
    describe: Callable[[pd.DataFrame, object], str]
    hint: str | None = None


AnyRule = Rule | ColumnRule | KeyRule


@dataclass(frozen=True)
class Outcome:
    """A rule's result on one table: the positions of the failing rows, or why it could not run."""

    rule: AnyRule
    rows: np.ndarray
    error: str | None = None


def column_rules(schema: dict, columns, typed: pd.DataFrame | None = None) -> list[ColumnRule]:
    return [ColumnRule(c, typed) for f in schema.get("fields", []) if f["name"] in columns for c in field_checks(f)]


def shown_cell(value: Any) -> str:
    """A cell as pandas hands it back (text, or a missing value of any kind), quoted and cut short."""
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = text.replace("\n", "⏎")
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def key_text(frame: pd.DataFrame, label, columns: list[str]) -> str:
    return ", ".join(f"{c}={shown_cell(frame.at[label, c])}" for c in columns)


def table_finding(table: Table, index: int | None, field_name: str | None, code: str, message: str,
                  hint: str | None = None) -> Finding:
    """A finding on row `index` of `table` (None: on the table as a whole)."""
    return Finding(file=table.path, line=table.line(index) if index is not None else (1 if table.path else None),
                   resource=table.name or None, row=table.row(index) if index is not None else None,
                   field=field_name, code=code, message=message, hint=hint)


def findings_of(table: Table, outcomes: list[Outcome], tally: Tally) -> list[Finding]:
    """Findings for the failing rows, at most `tally.cap` per check, each with the original cell."""
    out = []
    frame = table.frame
    for outcome in outcomes:
        rule = outcome.rule
        if outcome.error is not None:
            out.append(table_finding(table, None, rule.field, "check-failed", f"rule {rule.code} could not run: {outcome.error}"))
            continue
        for position in tally.shown(rule.code, outcome.rows):
            label = frame.index[position]
            if isinstance(rule, KeyRule):
                message = rule.describe(frame, label)
            elif rule.field in frame.columns:
                message = f"{shown_cell(frame.at[label, rule.field])}: {rule.message}"
            else:
                message = rule.message
            out.append(table_finding(table, int(position), rule.field, rule.code, message, rule.hint))
    return out


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


def worded(error: Exception) -> str:
    """An exception in the words pandera uses for a check that raised, so both backends say the same."""
    return f'{type(error).__name__}("{error.args[0]}")' if error.args else f"{type(error).__name__}()"
