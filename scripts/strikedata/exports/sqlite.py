"""The SQLite database (keys, indexes, enum checks from the Table Schemas; the texts; a view showing
each span in its text) and the metadata.json Datasette reads beside it (descriptions, license,
source, labelled foreign keys, canned queries)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..registry import SPAN_END, SPAN_EXACT, SPAN_START, span_columns
from ..tableschema import field_by_name, foreign_keys, primary_key
from .tables import TEXTS, ExportError, TypedTable, citation

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


# --- each span in its text ----------------------------------------------------------------------

CONTEXT_CHARACTERS = 80  # of the text shown before and after a span
VIEW_SUFFIX = "_in_context"


@dataclass(frozen=True)
class ContextView:
    """`<table>_in_context`: each row of a table with spans (an oa:exact text, oa:start and oa:end
    offsets) beside the text its offsets cut from the texts table, and the text around it."""

    name: str
    table: str
    sql: str
    columns: dict[str, str]  # column: description, in the view's order


def context_views(tables: list[TypedTable]) -> list[ContextView]:
    """A view for every table whose fields declare a span (by rdfType, never by table name) and
    which has a foreign key to the row a text belongs to (the texts table's own foreign key says
    which: texts.article_id → articles.article_id, so quotes.article_id → articles joins)."""
    texts = next((t for t in tables if t.name == TEXTS), None)
    if texts is None or len(primary_key(texts.schema)) != 1:
        return []
    key = primary_key(texts.schema)[0]
    joins = {(TEXTS, (key,))} | {(fk["resource"], tuple(fk["ref_fields"])) for fk in foreign_keys(texts.schema) if fk["fields"] == [key]}
    names = {t.name for t in tables}
    views = []
    for t in tables:
        span = span_columns(t.schema)
        name = t.name + VIEW_SUFFIX
        join = next((fk["fields"][0] for fk in foreign_keys(t.schema)
                     if len(fk["fields"]) == 1 and (fk["resource"] or t.name, tuple(fk["ref_fields"])) in joins), None)
        if t is texts or len(span) < 3 or join is None or name in names:
            continue
        views.append(_context_view(t, name, join, key, span[SPAN_EXACT], span[SPAN_START], span[SPAN_END]))
    return views


def _context_view(t: TypedTable, name: str, join: str, key: str, exact: str, start: str, end: str) -> ContextView:
    s = {c: f"s.{quoted(c)}" for c in t.columns}
    text = f"x.{quoted('text')}"
    at = f"substr({text}, {s[start]} + 1, {s[end]} - {s[start]})"
    n = CONTEXT_CHARACTERS
    derived = {
        "text_at_offsets": (at, f"The text cut from {TEXTS}.text by {start} and {end}: "
                                f"substr(text, {start} + 1, {end} - {start}) (SQLite counts characters from 1)."),
        "matches": (f"{at} = {s[exact]}", f"1 when text_at_offsets equals the row's {exact}, character for character; 0 when not."),
        "context_before": (f"substr({text}, max({s[start]} - {n - 1}, 1), min({s[start]}, {n}))",
                           f"Up to {n} characters of the text before the span."),
        "context_after": (f"substr({text}, {s[end]} + 1, {n})", f"Up to {n} characters of the text after the span."),
    }
    described = field_by_name(t.schema)
    own = [c for c in dict.fromkeys([*primary_key(t.schema), join, exact, start, end]) if c not in derived]
    selected = [s[c] for c in own] + [f"{sql} AS {quoted(c)}" for c, (sql, _) in derived.items()]
    sql = (f"CREATE VIEW {quoted(name)} AS SELECT " + ", ".join(selected)
           + f" FROM {quoted(t.name)} AS s LEFT JOIN {quoted(TEXTS)} AS x ON x.{quoted(key)} = {s[join]}"
           + f" ORDER BY {s[join]}, {s[start]}, {s[end]}")
    columns = {c: _column_description(described[c]) for c in own} | {c: text for c, (_, text) in derived.items()}
    return ContextView(name, t.name, sql, columns)


def _column_description(field: dict) -> str:
    return ": ".join(x for x in (field.get("title", ""), field.get("description", "")) if x)


# --- the database ------------------------------------------------------------------------------

class _Unbound(dict):
    """Named parameters of a canned query, each NULL: enough to compile it."""

    def __missing__(self, key: str) -> None:
        return None


def sqlite_bytes(tables: list[TypedTable], queries: dict[str, dict] | None = None) -> bytes:
    """The database file: one table per resource, loaded, then checked with PRAGMA foreign_key_check;
    the context views; each canned query compiled against it (one it cannot run is refused).
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
        for view in context_views(tables):
            connection.execute(view.sql)
        connection.commit()
        for name, query in (queries or {}).items():
            try:
                connection.execute("EXPLAIN " + str(query.get("sql", "")), _Unbound())
            except sqlite3.Error as error:
                raise ExportError(f"canned query {name!r} ({QUERIES_FILE.name}) cannot run on this database: {error}") from None
        return connection.serialize()
    finally:
        connection.close()


# --- Datasette ---------------------------------------------------------------------------------

QUERIES_FILE = Path(__file__).resolve().parents[3] / "schemas" / "queries.yaml"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def canned_queries(descriptor: dict, path: Path = QUERIES_FILE) -> dict[str, dict]:
    """The canned queries of schemas/queries.yaml ({name: {title, description, sql}}) when the file
    lists this package's name; none otherwise (a foreign package, or a copy of the code without it)."""
    try:
        curated = yaml.safe_load(path.read_text("utf-8")) or {}
    except FileNotFoundError:
        return {}
    except (OSError, yaml.YAMLError) as error:
        raise ExportError(f"{path.name}: {error}") from None
    if descriptor.get("name") not in (curated.get("packages") or []):
        return {}
    queries = curated.get("queries") or {}
    for name, query in queries.items():
        if not isinstance(query, dict) or not isinstance(query.get("sql"), str):
            raise ExportError(f"{path.name}: query {name!r} needs an `sql` text")
    return {name: {k: query[k] for k in ("title", "description", "sql") if query.get(k)} for name, query in queries.items()}


def license_url(license: dict) -> str:
    """The license's own `path`, else the address of a Creative Commons license named by its SPDX id
    (CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ...); '' for any other."""
    name = str(license.get("name", ""))
    if license.get("path"):
        return str(license["path"])
    if name.upper() == "CC0-1.0":
        return "https://creativecommons.org/publicdomain/zero/1.0/"
    match = re.fullmatch(r"CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\d\.\d)", name, re.IGNORECASE)
    return f"https://creativecommons.org/licenses/{match[1].lower()}/{match[2]}/" if match else ""


def label_column(table: TypedTable) -> str | None:
    """The column Datasette shows for a row wherever a foreign key points at it: a field typed
    rdfs:label, else a column called name or title; None (Datasette shows the key) otherwise."""
    labels = [f["name"] for f in table.fields if f.get("rdfType") == RDFS_LABEL]
    named = [c for c in ("name", "title") if c in table.columns]
    return (labels or named or [None])[0]


def web_address(value: object) -> str:
    """`value` when it is an http(s) address (a `path` may also be a file inside the package), else ''."""
    if isinstance(value, dict):  # a repository given as {"type": "git", "url": ...}
        value = value.get("url")
    return value if isinstance(value, str) and re.match(r"https?://[^\s/]+", value) else ""


def _source(descriptor: dict) -> dict[str, str]:
    """source / source_url: what the data comes from (the sources' titles) and the one web address
    the descriptor gives for it: the source's path when there is one source, else the repository.
    about / about_url: the homepage. No address is made up: a missing one is left out."""
    sources = [s for s in descriptor.get("sources") or [] if isinstance(s, dict)]
    one = web_address(sources[0].get("path")) if len(sources) == 1 else ""
    homepage = web_address(descriptor.get("homepage"))
    out = {"source": "; ".join(str(s.get("title") or s.get("path") or "") for s in sources),
           "source_url": one or web_address(descriptor.get("repository")),
           "about": "Homepage" if homepage else "",
           "about_url": homepage}
    return {k: v for k, v in out.items() if v}


def datasette_metadata(descriptor: dict, database: str, tables: list[TypedTable], queries: dict[str, dict] | None = None) -> dict:
    """metadata.json for `datasette <database>.db -m metadata.json`: titles, descriptions, license,
    source and homepage, each table's and column's description, the context views, the column that
    labels a row where a foreign key shows it, and the canned queries."""
    licenses = descriptor.get("licenses") or [{}]
    sources = [s for s in descriptor.get("sources") or [] if isinstance(s, dict)]
    cited = [f"Cite as: {citation(descriptor)}"]
    if descriptor.get("id"):
        cited.append(f"Identifier: {descriptor['id']}.")
    where = [f"{s.get('title', '')} ({s['path']})" for s in sources if web_address(s.get("path"))]
    metadata: dict = {
        "title": descriptor.get("title") or descriptor.get("name", ""),
        "description": " ".join(x for x in (descriptor.get("description", ""), f"Version {descriptor.get('version', '')}.",
                                            *cited, f"Sources: {'; '.join(where)}." if where else "") if x),
        "license": licenses[0].get("name", ""),
        "license_url": license_url(licenses[0]),
        **_source(descriptor),
        "databases": {database: {"tables": {}}},
    }
    metadata = {k: v for k, v in metadata.items() if v != ""}
    described = metadata["databases"][database]["tables"]
    for t in tables:
        entry = described[t.name] = {
            "title": t.resource.get("title", t.name),
            "description": t.resource.get("description", ""),
            "columns": {f["name"]: _column_description(f) for f in t.fields},
        }
        if label := label_column(t):
            entry["label_column"] = label
        own = t.resource.get("licenses") or []
        if own and own != descriptor.get("licenses"):  # a table under a license of its own (the texts)
            entry["license"] = own[0].get("title") or own[0].get("name", "")
            if url := license_url(own[0]):
                entry["license_url"] = url
    for view in context_views(tables):
        described[view.name] = {
            "title": f"{described[view.table]['title']} in context",
            "description": f"Each row of {view.table} with the text its offsets cut from its text in {TEXTS} "
                           f"(text_at_offsets) and up to {CONTEXT_CHARACTERS} characters before and after it: matches "
                           f"is 1 when the cut text is the row's own, character for character. "
                           f"SELECT * FROM {view.name} WHERE matches = 0 lists any that are not (none, in a valid package).",
            "columns": view.columns,
        }
    if queries:
        metadata["databases"][database]["queries"] = queries
    return metadata
