"""The SQLite database (keys, indexes, enum checks from the Table Schemas) and the metadata.json
Datasette reads beside it."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from ..validator.fields import foreign_keys, primary_key
from .tables import ExportError, TypedTable, citation

SQL_TYPES = {"integer": "INTEGER", "year": "INTEGER", "boolean": "INTEGER", "number": "REAL"}


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _sql_literal(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def enum_check(column: str, values: list) -> str:
    """`column = 'a' OR column = 'b' …`: what `column IN ('a', 'b', …)` means (a NULL passes either
    way), written out because SQLite builds a lookup table for an IN list each time a CHECK runs,
    which made loading 100,000 quotes twice as slow."""
    return " OR ".join(f"{column} = {_sql_literal(v)}" for v in values) or "0"


def create_table_sql(table: TypedTable) -> str:
    """CREATE TABLE from the Table Schema: types, NOT NULL, UNIQUE, enum CHECKs, primary and foreign keys."""
    lines = []
    for f in table.fields:
        c = f.get("constraints") or {}
        parts = [quoted(f["name"]), SQL_TYPES.get(f.get("type", "string"), "TEXT")]
        if c.get("required"):
            parts.append("NOT NULL")
        if c.get("unique"):
            parts.append("UNIQUE")
        if "enum" in c and f.get("type", "string") == "string":
            parts.append(f"CHECK ({enum_check(quoted(f['name']), c['enum'])})")
        lines.append(" ".join(parts))
    pk = primary_key(table.schema)
    if pk:
        lines.append(f"PRIMARY KEY ({', '.join(map(quoted, pk))})")
    for fk in foreign_keys(table.schema):
        target = fk["resource"] or table.name
        lines.append(f"FOREIGN KEY ({', '.join(map(quoted, fk['fields']))}) "
                     f"REFERENCES {quoted(target)} ({', '.join(map(quoted, fk['ref_fields']))})")
    return f"CREATE TABLE {quoted(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def index_sql(table: TypedTable) -> list[str]:
    """An index on every foreign key (SQLite does not make them), unless the primary key already leads with it."""
    pk = primary_key(table.schema)
    out = []
    for fk in foreign_keys(table.schema):
        if pk[: len(fk["fields"])] == fk["fields"]:
            continue
        name = f"idx_{table.name}_{'_'.join(fk['fields'])}"
        out.append(f"CREATE INDEX {quoted(name)} ON {quoted(table.name)} ({', '.join(map(quoted, fk['fields']))})")
    return out


def _sql_value(value: object) -> object:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _sql_column(values: list, field: dict) -> list:
    """_sql_value over a column. A column holds one type of value, so only booleans and dates change."""
    kind = field.get("type", "string")
    if kind == "boolean" or kind in ("date", "datetime"):
        return [_sql_value(v) for v in values]
    return values


def _sql_rows(table: TypedTable) -> Iterable[Sequence[object]]:
    """The rows to insert, as tuples zipped from the columns (no per-cell work in Python)."""
    if not table.data:
        return ([] for _ in range(table.height))
    return zip(*(_sql_column(values, f) for values, f in zip(table.data, table.fields, strict=True)), strict=True)


def sqlite_bytes(tables: list[TypedTable]) -> bytes:
    """The database file: one table per resource, loaded, then checked with PRAGMA foreign_key_check.
    Made in memory and serialized: the same bytes on every run, with no temporary file."""
    connection = sqlite3.connect(":memory:")
    try:
        for t in tables:
            connection.execute(create_table_sql(t))
        for t in tables:
            marks = ", ".join("?" for _ in t.columns)
            connection.executemany(f"INSERT INTO {quoted(t.name)} VALUES ({marks})", _sql_rows(t))
            for statement in index_sql(t):
                connection.execute(statement)
        connection.commit()
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            table, rowid, parent, _ = broken[0]
            raise ExportError(f"{len(broken)} foreign key(s) do not resolve in SQLite, first: {table} rowid {rowid} → {parent}")
        return connection.serialize()
    finally:
        connection.close()


def datasette_metadata(descriptor: dict, database: str, tables: list[TypedTable]) -> dict:
    """metadata.json for `datasette <database>.db -m metadata.json`: titles, descriptions, license, source."""
    licenses = descriptor.get("licenses") or [{}]
    sources = descriptor.get("sources") or []
    metadata = {
        "title": descriptor.get("title") or descriptor.get("name", ""),
        "description": " ".join(x for x in (descriptor.get("description", ""), f"Version {descriptor.get('version', '')}.",
                                            f"Cite as: {citation(descriptor)}") if x),
        "license": licenses[0].get("name", ""),
        "license_url": licenses[0].get("path", ""),
        "source": "; ".join(s.get("title", "") for s in sources),
        "databases": {database: {"tables": {}}},
    }
    if descriptor.get("homepage"):
        metadata["source_url"] = descriptor["homepage"]
    for t in tables:
        metadata["databases"][database]["tables"][t.name] = {
            "title": t.resource.get("title", t.name),
            "description": t.resource.get("description", ""),
            "columns": {f["name"]: ": ".join(x for x in (f.get("title", ""), f.get("description", "")) if x) for f in t.fields},
        }
    return metadata
