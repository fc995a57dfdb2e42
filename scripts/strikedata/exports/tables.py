"""Validated tables as typed columns, and what every export says about the package (its moment,
its citation, its licenses, its links)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass

from ..packages import Package
from ..tableschema import field_by_name, foreign_keys, primary_key
from ..validator.fields import TRUE_VALUES, python_value
from ..validator.tables import Table


class ExportError(Exception):
    """An export could not be written; the message is for the user."""


@dataclass
class TypedTable:
    """A validated table as Python values of its declared types (None for blanks), held column by
    column: every export walks a column with one kind of value, so the type is decided once per column."""

    name: str
    resource: dict
    schema: dict
    columns: list[str]
    data: list[list]  # data[i]: the values of columns[i], one per row
    height: int  # rows (kept apart from `data`, which a table without columns does not have)

    @property
    def fields(self) -> list[dict]:
        by_name = field_by_name(self.schema)
        return [by_name[c] for c in self.columns]

    @property
    def rows(self) -> list[tuple]:
        return list(zip(*self.data, strict=True)) if self.data else [() for _ in range(self.height)]

    def text(self, column: int):
        """A text column as Arrow strings (None as null), made once: the workbook checks and writes it."""
        import pyarrow as pa

        if column not in self._text:
            self._text[column] = pa.array(self.data[column], type=pa.large_string())
        return self._text[column]

    _text: dict = dataclasses.field(default_factory=dict, repr=False, compare=False)


# The types python_value turns into something other than the cell's text.
NOT_TEXT = frozenset({"integer", "year", "number", "boolean", "date", "datetime"})


def typed_column(cells: list[str], field: dict) -> list:
    """python_value over a whole column: the same values and the same errors, with the choice of
    type made once instead of for every cell (that choice, a Python call per cell, was most of the cost)."""
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        return [int(v) if v != "" else None for v in cells]
    if kind == "number":
        return [float(v) if v != "" else None for v in cells]
    if kind == "boolean":
        trues = field.get("trueValues", TRUE_VALUES)
        return [v in trues if v != "" else None for v in cells]
    if kind in ("date", "datetime"):  # strptime is slow, and a column holds few distinct dates: each is parsed once
        parsed = {v: python_value(v, field) for v in dict.fromkeys(cells)}
        return [parsed[v] for v in cells]
    return [v if v != "" else None for v in cells]


def _raise_first_bad_cell(columns: list[list[str]], fields: list[dict]) -> None:
    """Read the table row by row, as exports always did, so that a value that does not convert is
    reported as before: the first one in reading order, with Python's own message."""
    for row in zip(*columns, strict=True):
        for raw, field in zip(row, fields, strict=True):
            python_value(raw, field)


def typed_table(table: Table, resource: dict) -> TypedTable:
    """One table as typed columns. The raw strings come out of the reader's frame in one call per column."""
    by_name = field_by_name(table.schema)
    columns = list(table.frame.columns)
    fields = [by_name[c] for c in columns]
    cells = [table.frame[c].tolist() for c in columns]
    try:
        data = [typed_column(raw, f) for raw, f in zip(cells, fields, strict=True)]
    except (ValueError, OverflowError, TypeError):
        _raise_first_bad_cell(cells, fields)
        raise
    return TypedTable(table.name, resource, table.schema, columns, data, len(table.frame))


def typed_tables(package: Package, read: dict[str, Table] | None = None) -> list[TypedTable]:
    """Every table of the package, typed; `read` holds tables already read (by the validation that
    came first), so that they are not read again."""
    out = []
    for resource in package.resources():
        table = (read or {}).get(str(resource.get("name"))) or package.table(resource)
        if table is not None:
            out.append(typed_table(table, resource))
    return out


TEXTS = "texts"  # the name of the table of the package's text files, in every export that holds them
TEXT_COLUMNS = ("path", "sha256", "text")  # its columns after the key


def _is_text_file(resource: dict) -> bool:
    return not resource.get("schema") and (resource.get("mediatype") == "text/plain" or resource.get("format") == "txt")


def _owner(tables: list[TypedTable], paths: set[str]) -> tuple[TypedTable, str, dict[str, object]] | None:
    """The table whose rows name the text files: the first string column, in a table keyed by one
    column, that holds every file's path, with {path: that row's key}. None when no column names them all."""
    for t in tables:
        key = primary_key(t.schema)
        if len(key) != 1 or key[0] in TEXT_COLUMNS:
            continue
        ids = t.data[t.columns.index(key[0])]
        for values, f in zip(t.data, t.fields, strict=True):
            if f.get("type", "string") != "string" or paths.isdisjoint(values):
                continue  # isdisjoint runs in C: a column of 100,000 quotes is passed over in a millisecond
            named: dict[str, object] = {}
            for value, row_id in zip(values, ids, strict=True):
                if value in paths:
                    named.setdefault(value, row_id)
            if named.keys() == paths:
                return t, key[0], named
    return None


def texts_table(package: Package, tables: list[TypedTable]) -> TypedTable | None:
    """The package's plain-text files (here: each article's normalized text, which the offsets index)
    as one table, so that a quote can be checked against its text in a database or a spreadsheet.

    Columns: the key of the row that names the file (found in whichever table has a column holding
    every file's path: articles.text_path gives article_id, with a foreign key to articles), the path,
    the SHA-256 of the file's bytes, and the text decoded as the package's readers decode it (in the
    resource's encoding, UTF-8 unless it says otherwise; nothing else changed, so offsets count the
    same). When no table names the files, the key is the resource's name. None when the package has
    no text file, or a table of its own named `texts`."""
    files = [r for r in package.resources() if _is_text_file(r)]
    if not files or any(t.name == TEXTS for t in tables):
        return None
    owner = _owner(tables, {str(r.get("path")) for r in files})
    rows = []
    for file in files:
        data = package.data_file(file).read_bytes()
        row_id = owner[2][str(file.get("path"))] if owner else file.get("name")
        encoding = str(file.get("encoding") or "utf-8")
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ExportError(f"{file.get('path')}: cannot be read as {encoding} text: {error}") from None
        rows.append((row_id, file.get("path"), hashlib.sha256(data).hexdigest(), text))
    rows.sort(key=lambda row: (str(row[0]), str(row[1])))
    if owner:
        key_field = field_by_name(owner[0].schema)[owner[1]]
        id_field = {"name": owner[1], "title": key_field.get("title", owner[1]),
                    "description": f"The {owner[0].name} row whose text this is ({owner[0].name}.{owner[1]})."}
    else:
        id_field = {"name": "resource", "title": "Resource", "description": "The name of the text's resource in the package."}
    fields: list[dict] = [
        {**id_field, "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "path", "title": "Path", "type": "string", "constraints": {"required": True, "unique": True},
         "description": "The text file, relative to the package."},
        {"name": "sha256", "title": "SHA-256", "type": "string", "constraints": {"required": True},
         "description": "The SHA-256 of the file's bytes."},
        {"name": "text", "title": "Text", "type": "string", "constraints": {"required": True},
         "description": "The whole text. Offsets count its characters (Unicode code points) from 0, the end excluded: "
                        "in SQLite substr(text, start + 1, end - start), in DuckDB substring(text, start + 1, end - start), "
                        "in Python text[start:end]."}]
    schema: dict = {"fields": fields, "primaryKey": [id_field["name"]]}
    if owner:
        schema["foreignKeys"] = [{"fields": [owner[1]], "reference": {"resource": owner[0].name, "fields": [owner[1]]}}]
    resource: dict = {"name": TEXTS, "title": "Texts", "description": " ".join(
        ["The package's text files, one row each, with the SHA-256 of their bytes."]
        + _shared(files, "description"))}
    if licenses := _shared(files, "licenses"):  # the files' own licenses, when they all have the same
        resource["licenses"] = licenses[0]
    return TypedTable(TEXTS, resource, schema, [f["name"] for f in fields], [list(c) for c in zip(*rows, strict=True)], len(rows))


def _shared(resources: list[dict], key: str) -> list:
    """[the value every resource gives `key`], or [] when they differ or one lacks it."""
    values = [r.get(key) for r in resources]
    return [values[0]] if values[0] and all(v == values[0] for v in values) else []


def release_moment(descriptor: dict) -> dt.datetime:
    """When the package says it was created (release date), used wherever a file wants a timestamp."""
    try:
        moment = dt.datetime.fromisoformat(str(descriptor.get("created", "")).replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime(1980, 1, 1)
    return max(moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment, dt.datetime(1980, 1, 1))


def citation(descriptor: dict) -> str:
    """A human citation from the descriptor: authors (year). Title (Version x) [Data set]."""
    # Data Package v2 contributors have `roles` (a list), v1 ones a `role`; no role at all reads as an author.
    authors = [c.get("title", "") for c in descriptor.get("contributors", [])
               if "author" in (c.get("roles") or [c.get("role", "author")])]
    year = release_moment(descriptor).year
    version = f" (Version {descriptor['version']})" if descriptor.get("version") else ""
    where = f" {descriptor['homepage']}" if descriptor.get("homepage") else ""
    names = "; ".join(a for a in authors if a) or "Anonymous"
    return f"{names} ({year}). {descriptor.get('title') or descriptor.get('name', '')}{version} [Data set].{where}"


def license_text(descriptor: dict) -> str:
    return "; ".join(" ".join(x for x in (lic.get("name", ""), lic.get("path", "")) if x) for lic in descriptor.get("licenses", []))


def link_texts(tables: list[TypedTable]) -> list[str]:
    return [f"{t.name}.{', '.join(fk['fields'])} → {fk['resource'] or t.name}.{', '.join(fk['ref_fields'])}"
            for t in tables for fk in foreign_keys(t.schema)]
