"""The package for spreadsheets and databases: XLSX, SQLite (+ Datasette metadata), Parquet, JSON.

Every column type, key, constraint and description comes from the package's Table Schemas (which
the build copies from schemas/*.json); nothing here lists a table or a column by hand. Exports are
byte for byte reproducible, so a release archive that holds them is too.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from ..packages import Package
from ..paths import UnsafePath, inside, safe_name
from ..validator.tables import Table
from ..zips import write_atomically
from .columnar import json_bytes, parquet_bytes
from .sqlite import canned_queries, datasette_metadata, sqlite_bytes
from .tables import ExportError, TypedTable, citation, release_moment, texts_table, typed_column, typed_tables
from .workbook import workbook_bytes

__all__ = ["FORMATS", "ExportError", "TypedTable", "citation", "export_files", "release_moment", "texts_table",
           "typed_column", "typed_tables", "workbook_bytes", "write_exports"]

FORMATS = ("xlsx", "sqlite", "parquet", "json")
# The formats that carry the package's text files as a `texts` table (tables.texts_table) beside its
# tables; the workbook makes its own texts sheet.
WITH_TEXTS = frozenset({"sqlite", "parquet", "json"})


def export_files(package: Package, formats: Iterable[str] = FORMATS, progress: Callable[[str], None] = lambda _: None,
                 read: dict[str, Table] | None = None) -> dict[str, bytes]:
    """{relative path: bytes} of every export asked for; the package must be valid. `read`: its
    tables as the validation read them (Report.tables), not to read them twice."""
    try:  # names become file names: checked before anything is computed
        stem = safe_name(package.name or "package", "package name")
        for resource in package.resources():
            safe_name(resource.get("name"), "resource name")
    except UnsafePath as error:
        raise ExportError(str(error)) from None
    try:
        tables = typed_tables(package, read)
    except (OverflowError, ValueError) as error:  # e.g. an integer of more digits than Python converts
        raise ExportError(f"a value cannot be read as its declared type: {error}") from None
    files: dict[str, bytes] = {}
    with_texts: list[TypedTable] = []  # the tables and the texts table, made once for the formats that hold both
    for fmt in formats:
        progress(f"writing {fmt}")
        try:
            if fmt in WITH_TEXTS and not with_texts:
                with_texts = [*tables, *filter(None, [texts_table(package, tables)])]
            files.update(_export_one(fmt, package, with_texts if fmt in WITH_TEXTS else tables, stem))
        except (OverflowError, ValueError, sqlite3.Error) as error:
            raise ExportError(f"{fmt}: a value cannot be written in this format: {error}") from None
    return files


def _export_one(fmt: str, package: Package, tables: list[TypedTable], stem: str) -> dict[str, bytes]:
    if fmt == "xlsx":
        return {f"{stem}.xlsx": workbook_bytes(package, tables)}
    if fmt == "sqlite":
        queries = canned_queries(package.descriptor)
        metadata = datasette_metadata(package.descriptor, stem, tables, queries)
        return {f"{stem}.db": sqlite_bytes(tables, queries),
                "metadata.json": (json.dumps(metadata, indent=2, ensure_ascii=False) + "\n").encode("utf-8")}
    if fmt == "parquet":
        return {f"parquet/{t.name}.parquet": parquet_bytes(t) for t in tables}
    if fmt == "json":
        return {f"json/{t.name}.json": json_bytes(t) for t in tables}
    raise ExportError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_exports(files: dict[str, bytes], out: Path) -> list[Path]:
    """Write each file under `out`; every name is checked by the path gate before the first write."""
    try:
        targets = [(inside(out, relative), data) for relative, data in sorted(files.items())]
    except UnsafePath as error:
        raise ExportError(f"refusing to write outside {out}: {error}") from None
    for target, data in targets:
        write_atomically(target, data)
    return [target for target, _ in targets]
