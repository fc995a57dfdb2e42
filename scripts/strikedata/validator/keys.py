"""Keys as the Table Schema declares them: primary keys (unique, never blank) and foreign keys
(every reference matches a row), each as one hash pass over the table."""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from ..findings import Finding
from ..tableschema import foreign_keys, primary_key
from .fields import arrow_strings
from .rules import KeyRule, Outcome, distinct_values, key_text, table_finding
from .tables import Table


def duplicate_rows(frame: pd.DataFrame, key: list[str]) -> np.ndarray:
    """Positions of every row whose key appears more than once (all of them, not just the repeats):
    one hash pass numbers the distinct keys, a count per number finds the repeated ones."""
    if len(key) > 1:
        codes = frame.groupby(key, sort=False, dropna=False).ngroup().to_numpy()
    else:
        codes, distinct = pd.factorize(frame[key[0]], use_na_sentinel=False)
        if len(distinct) == len(codes):
            return np.empty(0, dtype=np.int64)
    counts = np.bincount(codes) if len(codes) else np.zeros(0, dtype=np.int64)
    return np.flatnonzero(counts[codes] > 1)


def present_key(table: Table) -> list[str]:
    """The primary key's columns, when the table has them all (a missing one is a label finding)."""
    return [c for c in primary_key(table.schema) if c in table.frame.columns]


def primary_key_rule(key: list[str]) -> KeyRule:
    return KeyRule("primary-key", None, lambda d, i: f"primary key ({key_text(d, i, key)}) is not unique")


def blank_key_outcomes(table: Table) -> list[Outcome]:
    """Primary key fields are required even when their constraints do not say so."""
    key = present_key(table)
    if not key or table.frame.empty:
        return []
    blank = np.zeros(len(table.frame), dtype=bool)
    for column in key:
        blank |= (table.frame[column] == "").to_numpy(dtype=bool)
    rule = KeyRule("primary-key", None, lambda d, i: f"a primary key cell ({', '.join(key)}) is blank")
    return [Outcome(rule, np.flatnonzero(blank))]


def is_in(values: pd.Series, reference: pd.Series) -> np.ndarray:
    """values.isin(reference) as one hash lookup in Arrow (pandas converts large sets to objects first).
    The smaller side is hashed: a few values looked up in a big table first pick out the rows that hold them."""
    import pyarrow.compute as pc

    local = arrow_strings(values)
    if pc.all(pc.equal(local, "")).as_py():
        return np.zeros(len(values), dtype=bool)  # nothing to look up (blank cells are no references)
    keys = arrow_strings(reference)
    if len(values) < len(keys):
        keys = pc.filter(keys, pc.is_in(keys, value_set=pc.unique(local)))
    return pc.is_in(local, value_set=pc.unique(keys)).to_numpy(zero_copy_only=False).astype(bool)


def _referenced(table: Table, target: Table, fields: list[str], ref_fields: list[str]) -> np.ndarray:
    """Which rows' keys are found among the target's keys."""
    if len(fields) == 1:
        local, reference = table.frame[fields[0]], target.frame[ref_fields[0]]
        few = distinct_values(local)
        return is_in(local, reference) if few is None else is_in(few[0], reference)[few[1]]
    keys = pd.MultiIndex.from_frame(table.frame[fields])
    return keys.isin(pd.MultiIndex.from_frame(target.frame[ref_fields]))


def foreign_key_outcomes(table: Table, tables: dict[str, Table]) -> tuple[list[Outcome], list[Finding]]:
    """Each foreign key as a hash join: local keys looked up in the referenced table's key set."""
    outcomes, problems = [], []
    for fk in foreign_keys(table.schema):
        target = tables.get(fk["resource"] or table.name)
        if target is None:
            problems.append(table_finding(table, None, None, "foreign-key",
                                          f"foreign key points to a resource that is not in the package: {fk['resource']}"))
            continue
        fields, ref_fields = fk["fields"], fk["ref_fields"]
        if any(c not in table.frame.columns for c in fields) or any(c not in target.frame.columns for c in ref_fields):
            continue  # reported as a header or schema problem
        # A reference with any blank part is not a reference (frictionless does the same).
        present = np.ones(len(table.frame), dtype=bool)
        for column in fields:
            present &= (table.frame[column] != "").to_numpy(dtype=bool)
        found = _referenced(table, target, fields, ref_fields)
        ref = f"{target.name} ({', '.join(ref_fields)})"
        rule = KeyRule("foreign-key", fields[0] if len(fields) == 1 else None, functools.partial(_unmatched, fields, ref))
        outcomes.append(Outcome(rule, np.flatnonzero(present & ~found)))
    return outcomes, problems


def _unmatched(fields: list[str], ref: str, frame: pd.DataFrame, label: object) -> str:
    return f"{key_text(frame, label, fields)} matches no row of {ref}"
