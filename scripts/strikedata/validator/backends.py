"""How rules are run: two backends that give the same findings by different roads.

`FAST` reads CSVs with pyarrow, parses each column once (the typed view), and runs every rule as
one vectorized pass, judging repeated values once and sharing the cores. `REFERENCE` takes the
straightforward road: the csv module reads, pandera's lazy validation runs the rules, frictionless
checks every descriptor. A test holds the two equal on the broken corpora; the reference is the
statement, the fast one the optimization.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from ..findings import Finding, Tally
from . import official
from .descriptors import is_plain
from .fields import typed_frame
from .keys import duplicate_rows, present_key, primary_key_rule
from .rules import AnyRule, ColumnRule, Outcome, column_rules, distinct_values, failing_rows, position_of, worded
from .tables import Table, read_table

SMALL = 10_000  # below this many rows, the byte-level shortcuts and threads cost more than they save


class Backend:
    """What a backend does: read a resource, check a descriptor, give a table's typed view, run rules."""

    name = ""
    pyarrow = False

    def read(self, package_dir: Path, resource: dict, schema: dict | None, tally: Tally) -> tuple[Table | None, list[Finding]]:
        return read_table(package_dir, resource, schema, fast=self.pyarrow, tally=tally)

    def descriptor(self, descriptor: Path, package: object) -> list[Finding]:
        return official.descriptor_findings(descriptor)

    def typed(self, table: Table) -> pd.DataFrame | None:
        """The table parsed to its declared types, when the backend reuses it (None: parse per rule)."""
        return None

    def structure(self, table: Table, typed: pd.DataFrame | None) -> list[Outcome]:
        raise NotImplementedError

    def run(self, frame: pd.DataFrame, rules: list[AnyRule]) -> list[Outcome]:
        raise NotImplementedError


class Fast(Backend):
    name = "fast"
    pyarrow = True

    def descriptor(self, descriptor: Path, package: object) -> list[Finding]:
        # A plainly well-formed descriptor needs no frictionless (the slowest import we have).
        return [] if is_plain(package) else official.descriptor_findings(descriptor)

    def typed(self, table: Table) -> pd.DataFrame | None:
        if not table.frame.columns.is_unique:
            return None
        with contextlib.suppress(ValueError, TypeError):  # e.g. a date format that cannot parse: the rules report it
            return typed_frame(table.frame, table.schema)
        return None

    def structure(self, table: Table, typed: pd.DataFrame | None) -> list[Outcome]:
        """Every declared field rule, and the primary key's uniqueness; `typed` spares parsing again."""
        frame = table.frame
        if frame.empty:
            return []
        key = present_key(table)
        rules = column_rules(table.schema, frame.columns, typed)
        outcomes = self.run(frame, [r for r in rules if r.code != "unique"])
        # Uniqueness is one hash pass per column, shared by the unique constraint and a one-column key.
        duplicates = {r.field: duplicate_rows(frame, [r.field]) for r in rules if r.code == "unique"}
        for rule in rules:
            if rule.code == "unique":
                rows = duplicates[rule.field]
                outcomes.append(Outcome(rule, rows[(frame[rule.field].iloc[rows] != "").to_numpy(dtype=bool)]))
        if key:
            rows = duplicates[key[0]] if len(key) == 1 and key[0] in duplicates else duplicate_rows(frame, key)
            outcomes.append(Outcome(primary_key_rule(key), rows))
        return outcomes

    def run(self, frame: pd.DataFrame, rules: list[AnyRule]) -> list[Outcome]:
        if not rules or frame.empty:
            return []
        plain: list[AnyRule] = []
        by_field: dict[str, list[AnyRule]] = {}
        for rule in rules:
            if _by_value(rule) and rule.field in frame.columns:
                by_field.setdefault(str(rule.field), []).append(rule)
            else:
                plain.append(rule)
        tasks: list[Callable[[], list[Outcome]]] = [functools.partial(_run_each, frame, [rule]) for rule in plain]
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


class Reference(Backend):
    name = "reference"

    def structure(self, table: Table, typed: pd.DataFrame | None) -> list[Outcome]:
        """The pandera schema derived from the Table Schema, validated lazily."""
        import pandera.pandas as pa  # only the reference pays for importing pandera

        from .fields import to_pandera

        if table.frame.empty:
            return []
        schema, rules = to_pandera(table.schema, table.name)
        found, raised = _failure_cases(pa, schema, table.frame)
        outcomes = [Outcome(ColumnRule(rule), _positions(found.get(name)), raised.get(name)) for name, rule in rules.items()]
        key = present_key(table)
        if key:
            outcomes.append(Outcome(primary_key_rule(key), _positions(found.get("multiple_fields_uniqueness"))))
        return outcomes

    def run(self, frame: pd.DataFrame, rules: list[AnyRule]) -> list[Outcome]:
        if not rules or frame.empty:
            return []
        import pandera.pandas as pa

        by_name = {f"{i}:{r.code}": r for i, r in enumerate(rules)}
        schema = pa.DataFrameSchema(checks=[pa.Check(r.test, name=n) for n, r in by_name.items()])  # type: ignore[union-attr]
        found, raised = _failure_cases(pa, schema, frame)
        return [Outcome(rule, _positions(found.get(n)), raised.get(n)) for n, rule in by_name.items()]


FAST = Fast()
REFERENCE = Reference()


def _failure_cases(pa, schema, frame: pd.DataFrame) -> tuple[dict[str, list[int]], dict[str, str]]:
    """pandera's failure cases, by check name: the failing row positions, or what the check raised."""
    found: dict[str, list[int]] = {}
    raised: dict[str, str] = {}
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        for check, index, case in zip(cases["check"], cases["index"], cases["failure_case"], strict=True):
            if pd.isna(index):
                raised.setdefault(check, str(case))  # the check itself raised
            else:
                found.setdefault(check, []).append(position_of(frame.index, index))
    return found, raised


def _positions(rows: list[int] | None) -> np.ndarray:
    return np.unique(np.asarray(rows or [], dtype=np.int64))


def _outcome(rule: AnyRule, frame: pd.DataFrame) -> Outcome:
    test = rule.test if len(frame) < SMALL else (getattr(rule, "fast", None) or rule.test)  # type: ignore[union-attr]
    try:
        return Outcome(rule, failing_rows(test, frame))
    except Exception as error:  # noqa: BLE001 - a rule that cannot run is reported, never silently off
        return Outcome(rule, np.empty(0, dtype=np.int64), worded(error))


def _run_each(frame: pd.DataFrame, rules: list[AnyRule]) -> list[Outcome]:
    return [_outcome(rule, frame) for rule in rules]


def _by_value(rule: AnyRule) -> bool:
    """Whether a rule looks at one cell of its field at a time and costs enough per cell that, when
    values repeat, judging each distinct value once pays."""
    return bool(getattr(rule, "value_test", None) or getattr(rule, "by_value", False))


def _judge_values(values: pd.Series, column: str, rules: list[AnyRule]) -> list[Outcome]:
    """Outcomes over `values` alone: in plain Python where a rule has a `value_test`, vectorized otherwise."""
    cells = [v if isinstance(v, str) else "" for v in values.tolist()]
    vectorized = [r for r in rules if not getattr(r, "value_test", None)]
    outcomes = _run_each(pd.DataFrame({column: values}), vectorized) if vectorized else []
    for rule in rules:
        value_test = getattr(rule, "value_test", None)
        if value_test:
            try:
                bad = np.fromiter((not value_test(v) for v in cells), dtype=bool, count=len(cells))
            except Exception as error:  # noqa: BLE001 - reported like any rule that cannot run
                outcomes.append(Outcome(rule, np.empty(0, dtype=np.int64), worded(error)))
                continue
            outcomes.append(Outcome(rule, np.flatnonzero(bad)))
    return outcomes


def _judge_column(frame: pd.DataFrame, column: str, group: list[AnyRule]) -> list[Outcome]:
    """The per-cell rules of one column: in plain Python when the table is small (where pandas' fixed
    cost per call dominates), once per distinct value when values repeat (then mapped back to the
    rows), else vectorized over the column."""
    if len(frame) < SMALL:
        scalar = [r for r in group if getattr(r, "value_test", None)]
        return _judge_values(frame[column], column, scalar) + _run_each(frame, [r for r in group if r not in scalar])
    few = distinct_values(frame[column])
    if few is None:
        return _run_each(frame, group)
    values, codes = few
    outcomes = []
    for outcome in _judge_values(values, column, group):
        bad = np.zeros(len(values), dtype=bool)
        bad[outcome.rows] = True
        outcomes.append(Outcome(outcome.rule, np.flatnonzero(bad[codes]), outcome.error))
    return outcomes
