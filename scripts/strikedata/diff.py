"""What changed between two versions of a Data Package, and the version bump that implies.

The levels follow the Frictionless "Data Package Version" pattern (semver for data):
- MAJOR: fields removed, renamed or reordered, or added before a field a reader already had; a
  type or format changed; a constraint tightened; the primary key changed; a foreign key added; a
  resource removed; rows removed (their ids are citable, so losing one breaks a reference); the
  package renamed or relicensed.
- MINOR: new rows or resources; fields added after every field there was (SPEC: more columns are
  welcome; a reader by name or by position reads what it read before); a constraint loosened; a
  foreign key dropped.
- PATCH: corrected values; descriptor metadata (titles, descriptions, sources...).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field

import numpy as np

from .findings import printable
from .packages import Package
from .tableschema import primary_key
from .validator.fields import arrow_strings
from .validator.tables import Table, resource_name
from .versions import next_version

LEVELS = ("none", "patch", "minor", "major")

# Descriptor properties that change with every release, not with the data.
RELEASE_BOOKKEEPING = {"version", "created"}
# Resource properties that follow from the data itself (reported through the rows instead).
DERIVED = {"bytes", "hash", "schema"}
# Resource properties whose change means a reader must read the file differently.
READING = {"path", "format", "mediatype", "encoding", "dialect", "compression", "profile", "type"}


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True)
class Change:
    """One difference, with the version level it implies."""

    level: str
    kind: str
    resource: str | None
    field: str | None
    message: str


@dataclass
class RowChanges:
    """Rows matched by primary key (by whole row when there is none)."""

    key: list[str]
    rows_old: int
    rows_new: int
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)  # {"key": {...}, "cells": {field: [old, new]}}

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass
class PackageDiff:
    old: dict
    new: dict
    changes: list[Change]
    rows: dict[str, RowChanges]

    @property
    def bump(self) -> str:
        return max((c.level for c in self.changes), key=level_rank, default="none")

    def reasons(self, level: str) -> list[Change]:
        return [c for c in self.changes if c.level == level]

    def as_dict(self) -> dict:
        return {
            "old": self.old,
            "new": self.new,
            "bump": self.bump,
            "changes": [asdict(c) for c in self.changes],
            "resources": {name: asdict(rows) for name, rows in self.rows.items()},
        }


# --- constraints ----------------------------------------------------------------------------

_LOWER_BOUNDS = {"minimum", "minLength", "exclusiveMinimum"}
_UPPER_BOUNDS = {"maximum", "maxLength", "exclusiveMaximum"}
_FLAGS = {"required", "unique"}


def _ordered(value: object) -> tuple[int, object]:
    try:
        return (0, float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return (1, str(value))  # ISO dates and times order as text


def _flag_direction(old: object, new: object) -> str:
    """`required` or `unique` turned on is tighter, turned off looser (absent counts as off)."""
    if bool(new) and not bool(old):
        return "tighter"
    return "looser" if bool(old) and not bool(new) else "same"


def _enum_direction(old: list, new: list) -> str:
    """More allowed values is looser; any value dropped (even with others added) is tighter."""
    old_set, new_set = {json.dumps(v) for v in old}, {json.dumps(v) for v in new}
    if new_set == old_set:
        return "same"
    return "looser" if new_set > old_set else "tighter"


def _bound_direction(key: str, old: object, new: object) -> str:
    """A lower bound raised, or an upper bound lowered, is tighter."""
    raised = _ordered(new) > _ordered(old)
    return "tighter" if raised == (key in _LOWER_BOUNDS) else "looser"


def constraint_direction(key: str, old: object, new: object) -> str:
    """'tighter', 'looser' or 'same' for one constraint (None = absent). Unknown changes count as tighter."""
    if old == new:
        return "same"
    if key in _FLAGS:
        return _flag_direction(old, new)
    if new is None:
        return "looser"
    if old is None:
        return "tighter"
    if key == "enum" and isinstance(old, list) and isinstance(new, list):
        return _enum_direction(old, new)
    if key in _LOWER_BOUNDS or key in _UPPER_BOUNDS:
        return _bound_direction(key, old, new)
    return "tighter"  # a new pattern (or anything else) may reject values the old one accepted


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


SHOWN_WHOLE = 100  # longer values are described, not printed: a changelog line stays a line


def _described(value: object) -> str:
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return f"an object of {len(value)} keys"
    return f"a text of {len(value)} characters" if isinstance(value, str) else _show(value)[:SHOWN_WHOLE] + "…"


def value_change(prop: str, old: object, new: object) -> str:
    """`prop: old → new`, each value whole when short; a long one is described (the descriptor has it)."""
    if len(_show(old)) <= SHOWN_WHOLE and len(_show(new)) <= SHOWN_WHOLE:
        return f"{prop}: {_show(old)} → {_show(new)}"
    if old is None:
        return f"{prop} added ({_described(new)})"
    if new is None:
        return f"{prop} removed (was {_described(old)})"
    return f"{prop} changed ({_described(old)} → {_described(new)})"


# --- schemas --------------------------------------------------------------------------------

def _fingerprint(values: dict) -> str:
    return json.dumps(values, sort_keys=True, ensure_ascii=False)


def _values(table: Table, name: str) -> list:
    """A column's cells as a list, in one call: iterating a frame's column goes through pandas
    one cell at a time (microseconds each for the fast reader's Arrow-backed strings)."""
    return table.frame[name].tolist()


def _column(table: Table | None, name: str, key: list[str]) -> dict | list | None:
    if table is None or name not in table.frame.columns:
        return None
    if key and all(k in table.frame.columns for k in key):
        keys = zip(*(_values(table, k) for k in key), strict=True)
        return dict(zip(keys, _values(table, name), strict=True))
    return _values(table, name)


def detect_renames(removed: list[dict], added: list[dict], old: Table | None, new: Table | None,
                   key: list[str]) -> dict[str, str]:
    """{new name: old name} for an added field that holds exactly a removed field's values."""
    renames: dict[str, str] = {}
    for new_field in added:
        new_values = _column(new, new_field["name"], key)
        for old_field in removed:
            if old_field["name"] in renames.values() or old_field.get("type") != new_field.get("type"):
                continue
            old_values = _column(old, old_field["name"], key)
            if new_values and old_values == new_values:
                renames[new_field["name"]] = old_field["name"]
                break
    return renames


def _field_set_changes(resource: str, added: list[dict], removed: list[dict], renames: dict[str, str],
                       new_order: list[str]) -> list[Change]:
    """Fields renamed or removed break a reader that names its columns (major); a field added after
    every field a reader had keeps both readers by name and by position working (minor), one
    added before them moves the columns a reader by position counts on (major).
    A rename is reported as one change, not as a removal plus an addition."""
    changes = [Change("major", "field-renamed", resource, new_name, f"field `{old_name}` renamed to `{new_name}`")
               for new_name, old_name in renames.items()]
    new_names = {f["name"] for f in added if f["name"] not in renames}
    kept = [n for n in new_order if n not in new_names]
    last_kept = new_order.index(kept[-1]) if kept else -1
    changes += [Change("minor" if new_order.index(f["name"]) > last_kept else "major", "field-added", resource, f["name"],
                       f"field `{f['name']}` ({f.get('type', 'any')}) added"
                       + ("" if new_order.index(f["name"]) > last_kept else ", before fields that were there"))
                for f in added if f["name"] in new_names]
    changes += [Change("major", "field-removed", resource, f["name"], f"field `{f['name']}` removed")
                for f in removed if f["name"] not in renames.values()]
    return changes


def _order_changes(resource: str, old_fields: dict, new_fields: dict, matched: dict[str, str]) -> list[Change]:
    """The fields both versions have, in another order: a reader by position breaks (major)."""
    order_old = [n for n in old_fields if n in matched.values()]
    order_new = [matched[n] for n in new_fields if n in matched]
    if order_old == order_new:
        return []
    return [Change("major", "fields-reordered", resource, None, f"fields reordered: {', '.join(order_old)} → {', '.join(order_new)}")]


def _type_changes(resource: str, name: str, before: dict, after: dict) -> list[Change]:
    """A field's type or format changed (defaults spelled out, so `string` = no type): values now
    read differently (major)."""
    changes = []
    for prop, default in (("type", "string"), ("format", "default")):
        if before.get(prop, default) != after.get(prop, default):
            changes.append(Change("major", f"field-{'retyped' if prop == 'type' else 'reformatted'}", resource, name,
                                  f"field `{name}` {prop} {before.get(prop)} → {after.get(prop)}"))
    return changes


def _constraint_changes(resource: str, name: str, before: dict, after: dict) -> list[Change]:
    """Each constraint of a field that moved: tighter may reject data that passed (major), looser
    only accepts more (minor)."""
    c_old, c_new = before.get("constraints") or {}, after.get("constraints") or {}
    changes = []
    for key in sorted(set(c_old) | set(c_new)):
        direction = constraint_direction(key, c_old.get(key), c_new.get(key))
        if direction != "same":
            changes.append(Change("major" if direction == "tighter" else "minor", f"constraint-{direction}", resource, name,
                                  f"field `{name}` constraint {key} {direction}: {_show(c_old.get(key))} → {_show(c_new.get(key))}"))
    return changes


_FIELD_READING = ("name", "type", "format", "constraints")  # compared by the steps above


def _field_metadata_changes(resource: str, name: str, before: dict, after: dict) -> list[Change]:
    """Anything else about a field (title, description, examples...): documentation only (patch)."""
    rest_old = {k: v for k, v in before.items() if k not in _FIELD_READING}
    rest_new = {k: v for k, v in after.items() if k not in _FIELD_READING}
    return [Change("patch", "field-metadata", resource, name, f"field `{name}` {prop} changed")
            for prop in sorted(set(rest_old) | set(rest_new)) if rest_old.get(prop) != rest_new.get(prop)]


def _field_changes(resource: str, name: str, before: dict, after: dict) -> list[Change]:
    """What changed in one field both versions have (`name` as the new version calls it)."""
    return (_type_changes(resource, name, before, after) + _constraint_changes(resource, name, before, after)
            + _field_metadata_changes(resource, name, before, after))


def _key_changes(resource: str, old: dict, new: dict, matched: dict[str, str]) -> list[Change]:
    """Primary key changed (ids no longer mean the same rows: major); foreign keys added (data that
    passed may now fail: major) or dropped (minor). A renamed field in the key is not a change."""
    changes = []
    if primary_key(old) != [matched.get(k, k) for k in primary_key(new)]:
        changes.append(Change("major", "primary-key-changed", resource, None,
                              f"primary key {', '.join(primary_key(old)) or '(none)'} → {', '.join(primary_key(new)) or '(none)'}"))
    fks_old = {_fingerprint(fk) for fk in old.get("foreignKeys") or []}
    fks_new = {_fingerprint(fk) for fk in new.get("foreignKeys") or []}
    changes += [Change("major", "foreign-key-added", resource, None, f"foreign key added: {fk}") for fk in sorted(fks_new - fks_old)]
    changes += [Change("minor", "foreign-key-removed", resource, None, f"foreign key removed: {fk}") for fk in sorted(fks_old - fks_new)]
    return changes


def _schema_property_changes(resource: str, old: dict, new: dict) -> list[Change]:
    """The schema's other properties: missingValues and fieldsMatch change how every row is read
    (major); the rest is documentation (patch)."""
    changes = []
    for prop in sorted((set(old) | set(new)) - {"fields", "primaryKey", "foreignKeys"}):
        if old.get(prop) != new.get(prop):
            level = "major" if prop in ("missingValues", "fieldsMatch") else "patch"
            changes.append(Change(level, "schema-changed", resource, None, "schema " + value_change(prop, old.get(prop), new.get(prop))))
    return changes


def schema_changes(resource: str, old: dict, new: dict, old_table: Table | None = None,
                   new_table: Table | None = None) -> tuple[list[Change], dict[str, str]]:
    """The schema's changes, and {new field name: old field name} for the fields both versions have.

    In reporting order: the set of fields, their order, each shared field, the keys, the rest.
    """
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    removed = [f for n, f in old_fields.items() if n not in new_fields]
    added = [f for n, f in new_fields.items() if n not in old_fields]
    renames = detect_renames(removed, added, old_table, new_table, primary_key(new))
    matched = {n: n for n in new_fields if n in old_fields} | renames
    changes = _field_set_changes(resource, added, removed, renames, list(new_fields))
    changes += _order_changes(resource, old_fields, new_fields, matched)
    for new_name, old_name in matched.items():
        changes += _field_changes(resource, new_name, old_fields[old_name], new_fields[new_name])
    changes += _key_changes(resource, old, new, matched)
    changes += _schema_property_changes(resource, old, new)
    return changes, matched


# --- rows -----------------------------------------------------------------------------------

def _first_rows(keys: list[tuple]) -> dict[tuple, int]:
    """{key: the row where it first appears}, in order of first appearance (a repeated key is a
    finding of validate; the diff, like any reader by key, takes the first row)."""
    first: dict[tuple, int] = {}
    for row, key in enumerate(keys):
        first.setdefault(key, row)
    return first


def _differing(old: Table, new: Table, old_name: str, new_name: str, old_rows: np.ndarray, new_rows: np.ndarray) -> np.ndarray:
    """Where the column differs between the paired rows, compared in one vectorized pass (Arrow's
    string comparison; Python's, cell by cell, for a column that is not all text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    before, after = old.frame[old_name], new.frame[new_name]
    try:
        a, b = arrow_strings(before).take(pa.array(old_rows)), arrow_strings(after).take(pa.array(new_rows))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        a = b = None
    if a is None or b is None or a.null_count or b.null_count:
        old_cells, new_cells = before.tolist(), after.tolist()
        return np.array([old_cells[i] != new_cells[j] for i, j in zip(old_rows, new_rows, strict=True)], dtype=bool)
    return pc.not_equal(a, b).to_numpy(zero_copy_only=False).astype(bool)


def _changed_cells(old: Table, new: Table, matched: dict[str, str], shared: list[str],
                   pairs: list[tuple[int, int]]) -> list[dict[str, list]]:
    """For each pair (old row, new row), the cells that differ: {field: [old, new]} in field order
    (empty when the rows agree). Columns are compared whole; only differing cells become Python values."""
    cells: list[dict[str, list]] = [{} for _ in pairs]
    if not pairs:
        return cells
    old_rows = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
    new_rows = np.fromiter((j for _, j in pairs), dtype=np.int64, count=len(pairs))
    for name in shared:
        at = np.flatnonzero(_differing(old, new, matched[name], name, old_rows, new_rows))
        if not len(at):
            continue
        before, after = old.frame[matched[name]], new.frame[name]
        for k, was, now in zip(at.tolist(), before.iloc[old_rows[at]].tolist(), after.iloc[new_rows[at]].tolist(), strict=True):
            cells[k][name] = [was, now]
    return cells


def _keyed_row_changes(old: Table, new: Table, matched: dict[str, str], key: list[str], shared: list[str],
                       result: RowChanges) -> RowChanges:
    """Rows matched by key: keys only in the new version are added, keys only in the old removed,
    and a key in both with a differing cell is changed. Each key's first row stands for it."""
    old_first = _first_rows(list(zip(*(_values(old, matched.get(k, k)) for k in key), strict=True)))
    new_first = _first_rows(list(zip(*(_values(new, k) for k in key), strict=True)))
    both = [k for k in new_first if k in old_first]
    result.added = [dict(zip(key, k, strict=True)) for k in new_first if k not in old_first]
    cells = _changed_cells(old, new, matched, shared, [(old_first[k], new_first[k]) for k in both])
    result.changed = [{"key": dict(zip(key, k, strict=True)), "cells": c} for k, c in zip(both, cells, strict=True) if c]
    result.removed = [dict(zip(key, k, strict=True)) for k in old_first if k not in new_first]
    return result


def _unkeyed_row_changes(old: Table, new: Table, matched: dict[str, str], shared: list[str], result: RowChanges) -> RowChanges:
    """No key to match on: the rows compared as multisets, so a dropped duplicate counts."""
    old_rows = Counter(zip(*(_values(old, matched[n]) for n in shared), strict=True))
    new_rows = Counter(zip(*(_values(new, n) for n in shared), strict=True))
    if not shared:  # no column in common: every row is the empty row
        old_rows, new_rows = Counter({(): len(old.frame)}), Counter({(): len(new.frame)})
    result.added = [dict(zip(shared, r, strict=True)) for r in (new_rows - old_rows).elements()]
    result.removed = [dict(zip(shared, r, strict=True)) for r in (old_rows - new_rows).elements()]
    return result


def row_changes(old: Table, new: Table, matched: dict[str, str], key: list[str]) -> RowChanges:
    """Rows added, removed and changed, by `key` (the primary key, named as in the new schema)."""
    old_key = [matched.get(k, k) for k in key]
    keyed = bool(key) and all(k in new.frame.columns for k in key) and all(k in old.frame.columns for k in old_key)
    result = RowChanges(key if keyed else [], len(old.frame), len(new.frame))
    shared = [n for n in new.frame.columns if n in matched and matched[n] in old.frame.columns]
    if keyed:
        return _keyed_row_changes(old, new, matched, key, shared, result)
    return _unkeyed_row_changes(old, new, matched, shared, result)


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def _row_level_changes(name: str, rows: RowChanges) -> list[Change]:
    out = []
    if rows.removed:
        out.append(Change("major", "rows-removed", name, None, f"{_rows(len(rows.removed))} removed"))
    if rows.added:
        out.append(Change("minor", "rows-added", name, None, f"{_rows(len(rows.added))} added"))
    if rows.changed:
        fields = sorted({f for change in rows.changed for f in change["cells"]})
        out.append(Change("patch", "rows-changed", name, None,
                          f"{_rows(len(rows.changed))} corrected ({', '.join(fields)})"))
    return out


# --- packages -------------------------------------------------------------------------------

def _digest(package: Package, resource: dict) -> str | None:
    path = resource.get("path")
    if isinstance(path, str):
        digest = hashlib.sha256()
        with package.data_file(resource).open("rb") as handle:  # through the path gate
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()
    return _fingerprint({"data": resource.get("data")})


def _kind(resource: dict) -> object:
    """What a resource is, in either spelling: Data Package v1's profile and v2's type say the same."""
    if resource.get("type") == "table" or resource.get("profile") == "tabular-data-resource":
        return "table"
    return resource.get("type", resource.get("profile") if resource.get("profile") != "data-resource" else None)


def metadata_changes(old: dict, new: dict, resource: str | None = None) -> list[Change]:
    skip = DERIVED | {"name"} if resource else RELEASE_BOOKKEEPING | {"resources"}
    if resource and _kind(old) == _kind(new):  # v1 → v2 (profile: tabular-data-resource → type: table) reads the same
        skip |= {"profile", "type"}
    out = []
    for prop in sorted((set(old) | set(new)) - skip):
        if old.get(prop) == new.get(prop):
            continue
        if prop == "licenses":
            level, kind = "major", "license-changed"
        elif resource and prop in READING:
            level, kind = "major", "resource-format-changed"
        elif prop == "name":
            level, kind = "major", "package-renamed"
        else:
            level, kind = "patch", "metadata-changed"
        out.append(Change(level, kind, resource, None, value_change(prop, old.get(prop), new.get(prop))))
    return out


def describe(package: Package) -> dict:
    return {"label": package.label, "name": package.name, "version": package.version}


def _name(resource: dict) -> str:
    """A resource's name as the diff matches and shows it (one that is not text as its JSON)."""
    return resource_name(resource) or "(unnamed)"


def diff_packages(old: Package, new: Package) -> PackageDiff:
    """Everything that differs between two packages, each difference with its version level."""
    changes = metadata_changes(old.descriptor, new.descriptor)
    rows: dict[str, RowChanges] = {}
    old_resources = {_name(r): r for r in old.resources()}
    new_resources = {_name(r): r for r in new.resources()}
    for name in old_resources:
        if name not in new_resources:
            changes.append(Change("major", "resource-removed", name, None, f"resource `{name}` removed"))
    for name, resource in new_resources.items():
        if name not in old_resources:
            changes.append(Change("minor", "resource-added", name, None, f"resource `{name}` added"))
            table = new.table(resource)
            if table is not None:
                rows[name] = RowChanges(primary_key(table.schema), 0, len(table.frame))
            continue
        before = old_resources[name]
        changes += metadata_changes(before, resource, name)
        old_schema, new_schema = old.schema(before), new.schema(resource)
        if (old_schema is None) != (new_schema is None):
            changes.append(Change("major", "schema-changed", name, None,
                                  "Table Schema removed" if new_schema is None else "Table Schema added"))
        if old_schema is None or new_schema is None:
            if _digest(old, before) != _digest(new, resource):
                changes.append(Change("patch", "content-changed", name, None, "content changed"))
            continue
        old_table, new_table = old.table(before, old_schema), new.table(resource, new_schema)
        found, matched = schema_changes(name, old_schema, new_schema, old_table, new_table)
        changes += found
        if old_table is not None and new_table is not None:
            rows[name] = row_changes(old_table, new_table, matched, primary_key(new_schema))
            changes += _row_level_changes(name, rows[name])
    return PackageDiff(describe(old), describe(new), changes, rows)


# --- rendering ------------------------------------------------------------------------------

def short(value: str, other: str, width: int = 70) -> str:
    """A cell for display; when long, just the part that differs from `other`, with some context."""
    if len(value) <= width:
        return _show(value)
    start = 0
    while start < min(len(value), len(other)) and value[start] == other[start]:
        start += 1
    end = 0
    while end < min(len(value), len(other)) - start and value[-1 - end] == other[-1 - end]:
        end += 1
    left = max(0, start - 20)
    right = min(len(value), len(value) - end + 20)
    return ("…" if left else "") + _show(value[left:right]) + ("…" if right < len(value) else "")


def _key_text(key: dict) -> str:
    return ", ".join(str(v) for v in key.values())


def _summary_lines(diff: PackageDiff) -> list[str]:
    """The two versions, then the bump and its reasons, most serious first."""
    old, new = diff.old, diff.new
    lines = [f"old: {old['name']} {old['version'] or '(no version)'}  [{old['label']}]",
             f"new: {new['name']} {new['version'] or '(no version)'}  [{new['label']}]"]
    if not diff.changes:
        return [*lines, "No differences (version bookkeeping aside): no release needed."]
    lines.append(f"Implied version bump: {diff.bump.upper()}")
    for level in ("major", "minor", "patch"):
        for c in diff.reasons(level):
            where = f"{c.resource}: " if c.resource else ""
            lines.append(f"  {level:<5}  {where}{c.message}")
    return lines


def _row_count_lines(tabular: dict[str, RowChanges]) -> list[str]:
    """One line per table: rows before and after, and how many were added, removed, changed."""
    width = max(len(n) for n in tabular)
    return ["", "Rows (old → new, +added -removed ~changed):"] + [
        f"  {name:<{width}}  {rows.rows_old} → {rows.rows_new}  +{len(rows.added)} -{len(rows.removed)} ~{len(rows.changed)}"
        for name, rows in tabular.items()]


def _row_detail_lines(name: str, rows: RowChanges, limit: int) -> list[str]:
    """A table's rows by key (+ added, - removed, ~ changed with each cell old → new), the first
    `limit` of them, then how many more there are."""
    lines = ["", f"{name}:"]
    none: dict[str, list[str]] = {}
    listed = [("+", key, none) for key in rows.added] + [("-", key, none) for key in rows.removed]
    listed += [("~", change["key"], change["cells"]) for change in rows.changed]
    for sign, key, cells in listed[:limit]:
        lines.append(f"  {sign} {_key_text(key)}")
        for field_name, (before, after) in cells.items():
            lines.append(f"      {field_name}: {short(before, after)} → {short(after, before)}")
    if len(listed) > limit:
        lines.append(f"  … and {len(listed) - limit} more (all of them with --format json, or raise --limit)")
    return lines


def render_text(diff: PackageDiff, limit: int = 50) -> str:
    lines = _summary_lines(diff)
    if not diff.changes:
        return "\n".join(lines)
    if diff.rows:
        lines += _row_count_lines(diff.rows)
    for name, rows in diff.rows.items():
        if rows.any:
            lines += _row_detail_lines(name, rows, limit)
    return "\n".join(lines)


def render_json(diff: PackageDiff) -> str:
    return json.dumps(diff.as_dict(), indent=2, ensure_ascii=False)



# --- Markdown, for a pull request's job summary ---------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
BUMP_MEANING = {
    "major": "a reader's code or a citation may break (fields, keys or types changed, rows removed, constraints tightened)",
    "minor": "new rows, tables or looser constraints; everything that was there still is",
    "patch": "corrected values or descriptions only",
}


def md_text(text: str) -> str:
    """Any text as literal Markdown inside a table cell: HTML and Markdown syntax escaped, control
    characters shown as escapes, all on one line (cells come from whoever made the package)."""
    text = printable(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md_message(message: str, width: int = 300) -> str:
    """A change's message, its `backquoted` names set as code, everything else escaped; cut at `width`
    characters (a description or inline data changed whole would otherwise fill the summary)."""
    if len(message) > width:
        message = message[:width] + "…"
    parts = message.split("`")
    if len(parts) % 2 == 0:  # an odd number of backquotes: no pairs to trust
        return md_text(message)
    return "".join(md_text(part) if i % 2 == 0 else f"<code>{md_text(part)}</code>" for i, part in enumerate(parts))


def _md_side(side: dict) -> str:
    return f"{md_text(side['name'])} {md_text(side['version'] or '(no version)')} (<code>{md_text(side['label'])}</code>)"


def _md_cell(value: object, other: object) -> str:
    return md_text(short(value, other)) if isinstance(value, str) and isinstance(other, str) else md_text(_show(value))


def _md_rows(name: str, rows: RowChanges, limit: int) -> list[str]:
    """A table's rows by key: added, removed, and each changed cell old → new; the first `limit` rows."""
    listed: list[tuple[str, dict, dict]] = [("added", key, {}) for key in rows.added]
    listed += [("removed", key, {}) for key in rows.removed]
    listed += [("changed", change["key"], change["cells"]) for change in rows.changed]
    key_name = ", ".join(rows.key) or "row"
    lines = ["", f"#### <code>{md_text(name)}</code>", "", f"| | {md_text(key_name)} | field | old → new |", "|---|---|---|---|"]
    for what, key, cells in listed[:limit]:
        shown_key = md_text(_key_text(key))
        if not cells:
            lines.append(f"| {what} | {shown_key} | | |")
        for field_name, (before, after) in cells.items():
            lines.append(f"| {what} | {shown_key} | {md_text(field_name)} | {_md_cell(before, after)} → {_md_cell(after, before)} |")
    if len(listed) > limit:
        lines += ["", f"… and {len(listed) - limit} more rows: `strikedata diff --format json` lists them all."]
    return lines


def render_markdown(diff: PackageDiff, limit: int = 50) -> str:
    """The diff as GitHub-flavoured Markdown (a pull request's job summary): the implied bump, the
    schema and metadata changes, the row counts, then rows by key with each changed cell old → new."""
    lines = ["## Data changes", "", f"From {_md_side(diff.old)} to {_md_side(diff.new)}.", ""]
    if not diff.changes:
        return "\n".join([*lines, "**No data changes** (version bookkeeping aside): merging this needs no release.", ""])
    level = diff.bump
    upcoming = next_version(diff.old["version"], level)
    to = f" ({md_text(diff.old['version'])} → {upcoming} at the next release)" if upcoming else ""
    lines += [f"**Implied version bump: {level.upper()}**{to}: {BUMP_MEANING[level]}.", ""]
    lines += ["| level | table | change |", "|---|---|---|"]
    for rank in ("major", "minor", "patch"):
        for c in diff.reasons(rank):
            lines.append(f"| {rank} | {md_text(c.resource or '(package)')} | {md_message(c.message)} |")
    if diff.rows:
        lines += ["", "### Rows", "", "| table | rows before | rows after | added | removed | changed |", "|---|--:|--:|--:|--:|--:|"]
        for name, rows in diff.rows.items():
            lines.append(f"| {md_text(name)} | {rows.rows_old} | {rows.rows_new} | {len(rows.added)} | {len(rows.removed)} | {len(rows.changed)} |")
        for name, rows in diff.rows.items():
            if rows.any:
                lines += _md_rows(name, rows, limit)
    return "\n".join(lines) + "\n"
