"""The package for spreadsheets and databases: XLSX, SQLite (+ Datasette metadata), Parquet, JSON.

Every column type, key, constraint and description comes from the package's Table Schemas (which
the build copies from schemas/*.json); nothing here lists a table or a column by hand. Exports are
byte for byte reproducible, so a release archive that holds them is too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import math
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring  # the C encoder json.dumps(ensure_ascii=False) uses for a str
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .docs import constraint_summary
from .packages import Package
from .paths import UnsafePath, inside, safe_name
from .validator.fields import TRUE_VALUES, field_by_name, foreign_keys, primary_key, python_value
from .validator.tables import Table
from .zips import write_atomically, zip_bytes, zip_time

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

FORMATS = ("xlsx", "sqlite", "parquet", "json")

EXCEL_MAX_CELL = 32_767
EXCEL_MAX_ROWS = 1_048_576


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


def typed_tables(package: Package) -> list[TypedTable]:
    out = []
    for resource in package.resources():
        table = package.table(resource)
        if table is not None:
            out.append(typed_table(table, resource))
    return out


def release_moment(descriptor: dict) -> dt.datetime:
    """When the package says it was created (release date), used wherever a file wants a timestamp."""
    try:
        moment = dt.datetime.fromisoformat(str(descriptor.get("created", "")).replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime(1980, 1, 1)
    return max(moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment, dt.datetime(1980, 1, 1))


def citation(descriptor: dict) -> str:
    """A human citation from the descriptor: authors (year). Title (Version x) [Data set]."""
    authors = [c.get("title", "") for c in descriptor.get("contributors", []) if c.get("role", "author") == "author"]
    year = release_moment(descriptor).year
    version = f" (Version {descriptor['version']})" if descriptor.get("version") else ""
    where = f" {descriptor['homepage']}" if descriptor.get("homepage") else ""
    names = "; ".join(a for a in authors if a) or "Anonymous"
    return f"{names} ({year}). {descriptor.get('title') or descriptor.get('name', '')}{version} [Data set].{where}"


def _licenses(descriptor: dict) -> str:
    return "; ".join(" ".join(x for x in (lic.get("name", ""), lic.get("path", "")) if x) for lic in descriptor.get("licenses", []))


def _links(tables: list[TypedTable]) -> list[str]:
    return [f"{t.name}.{', '.join(fk['fields'])} → {fk['resource'] or t.name}.{', '.join(fk['ref_fields'])}"
            for t in tables for fk in foreign_keys(t.schema)]


# --- XLSX -----------------------------------------------------------------------------------

def _sheet_title(name: str, taken: set[str]) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "sheet"
    base, n = title, 2
    while title.lower() in taken:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _put(ws, row: int, column: int, value: object, number_format: str | None = None):
    """Write one cell; text is always stored as text, so '=SUM(...)' stays a string, never a formula."""
    if isinstance(value, str):
        if len(value) > EXCEL_MAX_CELL:
            raise ExportError(f"sheet {ws.title}, row {row}: a text of {len(value)} characters "
                              f"is longer than a spreadsheet cell holds ({EXCEL_MAX_CELL})")
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        if ILLEGAL_CHARACTERS_RE.search(value):
            raise ExportError(f"sheet {ws.title}, row {row}: a control character cannot be stored in a spreadsheet cell")
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    return cell


def _number_format(field: dict) -> str | None:
    kind = field.get("type")
    if kind == "date":
        return "yyyy-mm-dd"
    if kind == "datetime":
        return "yyyy-mm-dd hh:mm:ss"
    if kind in ("integer", "year"):
        return "0"
    return None


def _display_width(values: Iterable[object]) -> int:
    longest = max((len(str(v)) for v in values if v is not None), default=0)
    return max(8, min(60, longest + 2))


def _about_rows(descriptor: dict, tables: list[TypedTable], extra_files: int) -> list[tuple[str, str]]:
    how = [
        "Each table of the package is a sheet named after it; its first row holds the column names and stays in view as you scroll.",
        "The sheet 'dictionary' describes every column: its type, its constraints and what it means.",
        "Ids link the tables: " + ("; ".join(_links(tables)) or "(no links)") + ".",
        "Dates are real dates, numbers are numbers, and every text cell is stored as text: nothing is evaluated as a formula. "
        "An empty cell means no value.",
        "This workbook is generated from the package's CSV files, which remain the reference.",
    ]
    if extra_files:
        how.append(f"The package's {extra_files} other file(s) (not tables, e.g. article texts) are not in this workbook: get them from the package.")
    rows = [
        ("Title", descriptor.get("title") or descriptor.get("name", "")),
        ("Name", descriptor.get("name", "")),
        ("Version", descriptor.get("version", "")),
        ("Created", descriptor.get("created", "")),
        ("License", _licenses(descriptor)),
        ("Cite as", citation(descriptor)),
        ("Sources", "; ".join(s.get("title", s.get("path", "")) for s in descriptor.get("sources", []))),
        ("Description", descriptor.get("description", "")),
        ("Tables", "; ".join(f"{t.name} ({t.height} rows)" for t in tables)),
    ]
    return rows + [("How to read this workbook" if i == 0 else "", line) for i, line in enumerate(how)]


def _about_sheet(workbook, package: Package, tables: list[TypedTable], taken: set[str]) -> None:
    """The first sheet: what the workbook is, how to cite it and how to read it."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

    about = workbook.active  # a new workbook starts with one worksheet: it becomes the 'about' sheet
    if not isinstance(about, Worksheet):
        about = workbook.create_sheet()
    about.title = _sheet_title("about", taken)
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)
    extra = len(package.resources()) - len(tables)
    for r, (label, text) in enumerate(_about_rows(package.descriptor, tables, extra), start=1):
        _put(about, r, 1, label).font = bold
        _put(about, r, 2, text).alignment = top
    about.column_dimensions["A"].width = 26
    about.column_dimensions["B"].width = 110


def _dictionary_sheet(workbook, tables: list[TypedTable], taken: set[str]) -> None:
    """The second sheet: every declared field of every table, with its type, constraints and meaning."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    dictionary = workbook.create_sheet(_sheet_title("dictionary", taken))
    header = ("resource", "field", "title", "type", "required", "primary key", "constraints", "description")
    entries = []
    for t in tables:
        pk = primary_key(t.schema)
        for f in t.schema.get("fields", []):
            entries.append((t.name, f["name"], f.get("title", ""), f.get("type", "string"),
                            "yes" if (f.get("constraints") or {}).get("required") else "no",
                            "yes" if f["name"] in pk else "no", constraint_summary(f), f.get("description", "")))
    bold, top = Font(bold=True), Alignment(vertical="top", wrap_text=True)
    for c, label in enumerate(header, start=1):
        _put(dictionary, 1, c, label).font = bold
    for r, entry in enumerate(entries, start=2):
        for c, value in enumerate(entry, start=1):
            _put(dictionary, r, c, value).alignment = top
    for c, label in enumerate(header, start=1):
        dictionary.column_dimensions[get_column_letter(c)].width = _display_width([label, *(e[c - 1] for e in entries)])
    dictionary.freeze_panes = "A2"


# openpyxl's ILLEGAL_CHARACTERS_RE ([\000-\010]|[\013-\014]|[\016-\037]) as one character class, for Arrow's RE2.
UNSTORABLE = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"


def _first_unstorable(text) -> int | None:
    """The row of the first text a spreadsheet cell cannot hold (too long, or a control character),
    in an Arrow text column; utf8_length counts characters, as len() does."""
    import pyarrow.compute as pc

    bad = pc.or_(pc.greater(pc.utf8_length(text), EXCEL_MAX_CELL), pc.match_substring_regex(text, UNSTORABLE))
    return pc.index(bad, True).as_py() if pc.any(bad).as_py() else None


def _refuse_unstorable_text(title: str, table: TypedTable) -> None:
    """The error _put would raise on the first text cell, in reading order, that a spreadsheet cannot hold."""
    found = [(r, c) for c, f in enumerate(table.fields)
             if f.get("type", "string") not in NOT_TEXT and (r := _first_unstorable(table.text(c))) is not None]
    if not found:
        return
    row, column = min(found)
    value = table.data[column][row]
    if len(value) > EXCEL_MAX_CELL:
        raise ExportError(f"sheet {title}, row {row + 2}: a text of {len(value)} characters "
                          f"is longer than a spreadsheet cell holds ({EXCEL_MAX_CELL})")
    raise ExportError(f"sheet {title}, row {row + 2}: a control character cannot be stored in a spreadsheet cell")


def _probe_cells(ws: Worksheet, table: TypedTable, formats: list[str | None]) -> list[Cell]:
    """Write, through openpyxl, each column's first value, and a value of the last row that has one.

    These cells make openpyxl register every number format and cell style the sheet uses, in the
    order it always did (a style is numbered when first met, row by row), and size the sheet's
    dimension; the other cells are written as XML (_sheet_rows_xml).
    """
    cells = []
    last = -1
    for c, values in enumerate(table.data):
        first = next((r for r, v in enumerate(values) if v is not None), None)
        if first is None:
            continue
        cells.append(_put(ws, first + 2, c + 1, values[first], formats[c]))
        last = max(last, next(r for r in range(len(values) - 1, -1, -1) if values[r] is not None))
    if last >= 0 and all(cell.row != last + 2 for cell in cells):
        c = next(c for c, values in enumerate(table.data) if values[last] is not None)
        cells.append(_put(ws, last + 2, c + 1, table.data[c][last], formats[c]))
    return cells


def _data_sheet(workbook, t: TypedTable, taken: set[str], *, cell_by_cell: bool) -> tuple[Worksheet, list[Cell]]:
    """A table's sheet: bold frozen header, widths, filter. Its rows are written cell by cell through
    openpyxl only when asked; otherwise only the probe cells are, and the rows come later as XML."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    if t.height + 1 > EXCEL_MAX_ROWS:
        raise ExportError(f"{t.name}: {t.height} rows do not fit in a spreadsheet sheet ({EXCEL_MAX_ROWS - 1} at most)")
    ws = workbook.create_sheet(_sheet_title(t.name, taken))
    formats = [_number_format(f) for f in t.fields]
    for c, name in enumerate(t.columns, start=1):
        _put(ws, 1, c, name).font = Font(bold=True)
    probes: list[Cell] = []
    if cell_by_cell:
        for r, row in enumerate(t.rows, start=2):
            for c, (value, fmt) in enumerate(zip(row, formats, strict=True), start=1):
                if value is not None:
                    _put(ws, r, c, value, fmt)
    else:
        _refuse_unstorable_text(ws.title, t)
        probes = _probe_cells(ws, t, formats)
    for c, name in enumerate(t.columns, start=1):
        width = 12 if formats[c - 1] == "yyyy-mm-dd" else _display_width([name, *t.data[c - 1][:2000]])
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    if t.columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(t.columns))}{t.height + 1}"
    return ws, probes


def workbook_bytes(package: Package, tables: list[TypedTable], *, cell_by_cell: bool = False) -> bytes:
    """The workbook. openpyxl makes everything but the tables' rows, which are written straight as
    the XML openpyxl would write for them (a Python object per cell made a 100,000-row table take
    minutes); `cell_by_cell` has openpyxl write every cell, as it did before."""
    from openpyxl import Workbook

    workbook = Workbook()
    moment = release_moment(package.descriptor)
    workbook.properties.creator = "strikedata"
    workbook.properties.title = package.descriptor.get("title")
    workbook.properties.created = moment
    taken: set[str] = set()
    _about_sheet(workbook, package, tables, taken)
    _dictionary_sheet(workbook, tables, taken)
    sheets = [(*_data_sheet(workbook, t, taken, cell_by_cell=cell_by_cell), t) for t in tables]
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = {}
    for ws, probes, t in sheets:
        if probes:  # after saving: a cell's style number is given as the sheet is written
            styles: list[int | None] = [None] * len(t.columns)
            for cell in probes:
                styles[cell.column - 1] = cell.style_id if cell.has_style else None
            rows[ws.path.lstrip("/")] = (t, styles, probes)
    try:
        return _pinned_workbook(buffer.getvalue(), moment, rows)
    except _NotAsOpenpyxlWrites:
        return workbook_bytes(package, tables, cell_by_cell=True)


# --- a sheet's rows as openpyxl writes them ---------------------------------------------------

class _NotAsOpenpyxlWrites(Exception):
    """The rows written as XML would differ from openpyxl's own writing of the probe cells (another
    openpyxl, say): the workbook is made cell by cell instead."""


def _literal(text: str):
    """A constant for Arrow's string kernels, of the large_string type every column here has."""
    import pyarrow as pa

    return pa.scalar(text, pa.large_string())


def _xml_text(text):
    """Arrow text escaped as xml.etree escapes element text: &, < and > only (each looked for first:
    finding is faster than replacing)."""
    import pyarrow.compute as pc

    for character, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;")):
        if pc.any(pc.match_substring(text, character)).as_py():
            text = pc.replace_substring(text, character, entity)
    return text


# The characters str.strip() strips (str.isspace), as a character class for Arrow's RE2, whose \\s
# is ASCII only.
WHITE_SPACE = "[\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


def _text_opening(text):
    """<t>, or <t xml:space="preserve"> for a text that starts or ends with white space and is not
    only white space (openpyxl.xml.functions.whitespace), for each cell of an Arrow text column."""
    import pyarrow.compute as pc

    edge = pc.match_substring_regex(text, f"^{WHITE_SPACE}|{WHITE_SPACE}$")
    if not pc.any(edge).as_py():
        return _literal("<t>")
    kept = pc.and_(edge, pc.invert(pc.match_substring_regex(text, f"^{WHITE_SPACE}+$")))
    return pc.if_else(kept, _literal('<t xml:space="preserve">'), _literal("<t>"))


def _value_text(kind: str, values: list):
    """Numbers, booleans and dates as openpyxl.compat.safe_string writes them (dates as Excel serial
    days; "" for NaN and infinity), as Arrow strings. Whole numbers up to 2**53, which "%.16g" writes
    as their digits, are cast by Arrow; the other values go through safe_string itself."""
    import pyarrow as pa
    from openpyxl.compat import safe_string
    from openpyxl.utils.datetime import to_excel

    if kind in ("date", "datetime"):
        serials = {v: safe_string(to_excel(v)) for v in dict.fromkeys(values) if v is not None}
        return pa.array([serials[v] if v is not None else None for v in values], type=pa.large_string())
    if kind == "boolean":  # "%.16g" % True is "1"
        return pa.array(values, type=pa.bool_()).cast(pa.int8()).cast(pa.large_string())
    if kind != "number" and all(-(2**53) <= v <= 2**53 for v in values if v is not None):
        return pa.array(values, type=pa.int64()).cast(pa.large_string())
    return pa.array([safe_string(v) if v is not None else None for v in values], type=pa.large_string())


def _column_cells(c: int, field: dict, values: list, style: int | None, numbers, text=None):
    """The <c> elements of one column, as Arrow strings (null for an empty cell, which gets none), in
    the form openpyxl's etree writer gives them: r, s and t attributes in that order; an inline
    string for text; <v> for the rest, empty (<v />) for what safe_string writes as nothing."""
    import pyarrow as pa
    import pyarrow.compute as pc
    from openpyxl.utils import get_column_letter

    head = _literal(f'<c r="{get_column_letter(c + 1)}')
    attributes = '"' + (f' s="{style}"' if style is not None else "")
    kind = field.get("type", "string")
    if kind not in NOT_TEXT:
        text = text if text is not None else pa.array(values, type=pa.large_string())
        return pc.binary_join_element_wise(head, numbers, _literal(attributes + ' t="inlineStr"><is>'), _text_opening(text),
                                           _xml_text(text), _literal("</t></is></c>"), _literal(""))
    text = _value_text(kind, values)
    attributes += ' t="b">' if kind == "boolean" else ' t="n">'
    full = pc.binary_join_element_wise(head, numbers, _literal(attributes + "<v>"), text, _literal("</v></c>"), _literal(""))
    empty = pc.binary_join_element_wise(head, numbers, _literal(attributes + "<v /></c>"), _literal(""))
    return pc.if_else(pc.equal(text, _literal("")), empty, full)


def _sheet_rows_xml(fields: list[dict], data: list[list], styles: list[int | None], numbers: Sequence[int],
                    text: Callable[[int], Any] | None = None) -> bytes:
    """<row> elements, byte for byte as openpyxl writes them: `data` holds each column's values of the
    sheet rows `numbers` (`text` gives a text column as Arrow strings, if already made); no element
    for an empty cell, no row without a cell.

    Built a column at a time by Arrow's string kernels: each cell's element, then each row's."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not fields or not len(numbers):
        return b""
    row_numbers = pa.array(np.asarray(numbers, dtype=np.int64)).cast(pa.large_string())
    cells = [_column_cells(c, f, values, style, row_numbers, text(c) if text and f.get("type", "string") not in NOT_TEXT else None)
             for c, (f, values, style) in enumerate(zip(fields, data, styles, strict=True))]
    body = pc.binary_join_element_wise(*cells, _literal(""), null_handling="replace")
    del cells  # the rows are as large as the sheet: one copy of it at a time
    keep = pc.not_equal(body, _literal(""))
    rows = pc.binary_join_element_wise(_literal('<row r="'), row_numbers, _literal('">'), body, _literal("</row>"), _literal(""))
    del body
    rows = rows.filter(keep)
    if not len(rows) or rows.buffers()[2] is None:
        return b""
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset: rows.offset + len(rows) + 1]
    return memoryview(rows.buffers()[2])[offsets[0]: offsets[-1]].tobytes()


def _filled_sheet(xml: bytes, table: TypedTable, styles: list[int | None], probes: list[Cell]) -> bytes:
    """A data sheet as openpyxl saved it (header and probe cells) with all its rows put in: everything
    after the header row is replaced. Refused (_NotAsOpenpyxlWrites) unless the probe cells, written
    here, come out exactly as openpyxl wrote them."""
    start = xml.index(b"</row>") + len(b"</row>")
    end = xml.index(b"</sheetData>")
    at = {(cell.row - 2, cell.column - 1) for cell in probes}
    lines = sorted({r for r, _ in at})
    sample = [[values[r] if (r, c) in at else None for r in lines] for c, values in enumerate(table.data)]
    if _sheet_rows_xml(table.fields, sample, styles, [r + 2 for r in lines]) != xml[start:end]:
        raise _NotAsOpenpyxlWrites
    return xml[:start] + _sheet_rows_xml(table.fields, table.data, styles, range(2, table.height + 2), table.text) + xml[end:]


def _pinned_workbook(data: bytes, moment: dt.datetime, rows: dict | None = None) -> bytes:
    """openpyxl stamps the time of saving into docProps/core.xml and into every zip entry: pin both.
    `rows` ({sheet entry: (table, styles, probes)}) fills the data sheets in."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    rows = rows or {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    entries = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", body)
                if name == "docProps/core.xml" else _filled_sheet(body, *rows[name]) if name in rows else body)
               for name, body in entries]
    return zip_bytes(entries, zip_time(moment))


# --- SQLite + Datasette ---------------------------------------------------------------------

SQL_TYPES = {"integer": "INTEGER", "year": "INTEGER", "boolean": "INTEGER", "number": "REAL"}


def quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _sql_literal(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


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
            parts.append(f"CHECK ({quoted(f['name'])} IN ({', '.join(_sql_literal(v) for v in c['enum'])}))")
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
    """The database file: one table per resource, loaded, then checked with PRAGMA foreign_key_check."""
    with tempfile.TemporaryDirectory(prefix="strikedata-") as tmp:
        path = Path(tmp) / "package.db"
        connection = sqlite3.connect(path)
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
            connection.execute("VACUUM")
        finally:
            connection.close()
        return path.read_bytes()


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


# --- Parquet and JSON -----------------------------------------------------------------------

def _arrow_type(field: dict):
    import pyarrow as pa

    return {
        "integer": pa.int64(), "year": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
        "date": pa.date32(), "datetime": pa.timestamp("us"),
    }.get(field.get("type", "string"), pa.string())


def parquet_bytes(table: TypedTable) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(f["name"], _arrow_type(f), nullable=not (f.get("constraints") or {}).get("required"),
                       metadata={"title": f.get("title", ""), "description": f.get("description", "")})
              for f in table.fields]
    schema = pa.schema(fields, metadata={"frictionless:schema": json.dumps(table.schema, ensure_ascii=False)})
    arrow = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(table.data, fields, strict=True)], schema=schema)
    buffer = io.BytesIO()
    pq.write_table(arrow, buffer)
    return buffer.getvalue()


def _json_value(value: object) -> object:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _json_records(table: TypedTable) -> bytes:
    """The JSON file as json.dumps writes it from one dict per row: the reference for json_bytes, and
    what it falls back to when a value is not JSON (json.dumps then raises, on the first such value)."""
    records = [{c: _json_value(v) for c, v in zip(table.columns, row, strict=True)} for row in table.rows]
    # NaN and infinity are valid Table Schema numbers but not JSON: refuse rather than write invalid JSON.
    return (json.dumps(records, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def _json_iso(value: dt.date) -> str:
    return encode_basestring(value.isoformat())


# How json.dumps writes a value of each declared type (what python_value makes of it); text otherwise.
_JSON_TEXT: dict[str, Callable[[Any], str]] = {
    "integer": int.__repr__, "year": int.__repr__, "number": float.__repr__,
    "boolean": lambda v: "true" if v else "false", "date": _json_iso, "datetime": _json_iso,
}


def _json_texts(values: list, field: dict) -> list[str] | None:
    """Each value of a column as JSON text, as json.dumps writes it; None when one is not JSON (NaN, infinity)."""
    kind = field.get("type", "string")
    if kind == "number" and not all(math.isfinite(v) for v in values if v is not None):
        return None
    text = _JSON_TEXT.get(kind, encode_basestring)
    return ["null" if v is None else text(v) for v in values]


def json_bytes(table: TypedTable) -> bytes:
    """A JSON array of one object per row, byte for byte what json.dumps(indent=2) writes.

    json.dumps with an indent runs its pure-Python encoder, a few calls per value; here each value
    is turned into JSON text once, a column at a time, and each row laid out by one format.
    """
    texts = [_json_texts(values, f) for values, f in zip(table.data, table.fields, strict=True)]
    if not table.height or not table.columns or len(set(table.columns)) < len(table.columns) or None in texts:
        return _json_records(table)  # nothing to gain, or a value json.dumps refuses
    layout = "{\n    " + ",\n    ".join(encode_basestring(c).replace("%", "%%") + ": %s" for c in table.columns) + "\n  }"
    records = [layout % row for row in zip(*texts, strict=True)]
    return ("[\n  " + ",\n  ".join(records) + "\n]\n").encode("utf-8")


# --- all of them ----------------------------------------------------------------------------

def export_files(package: Package, formats: Iterable[str] = FORMATS,
                 progress: Callable[[str], None] = lambda _: None) -> dict[str, bytes]:
    """{relative path: bytes} of every export asked for; the package must be valid."""
    try:  # names become file names: checked before anything is computed
        stem = safe_name(package.name or "package", "package name")
        for resource in package.resources():
            safe_name(resource.get("name"), "resource name")
    except UnsafePath as error:
        raise ExportError(str(error)) from None
    try:
        tables = typed_tables(package)
    except (OverflowError, ValueError) as error:  # e.g. an integer of more digits than Python converts
        raise ExportError(f"a value cannot be read as its declared type: {error}") from None
    files: dict[str, bytes] = {}
    for fmt in formats:
        progress(f"writing {fmt}")
        try:
            files.update(_export_one(fmt, package, tables, stem))
        except (OverflowError, ValueError, sqlite3.Error) as error:
            raise ExportError(f"{fmt}: a value cannot be written in this format: {error}") from None
    return files


def _export_one(fmt: str, package: Package, tables: list[TypedTable], stem: str) -> dict[str, bytes]:
    if fmt == "xlsx":
        return {f"{stem}.xlsx": workbook_bytes(package, tables)}
    if fmt == "sqlite":
        metadata = datasette_metadata(package.descriptor, stem, tables)
        return {f"{stem}.db": sqlite_bytes(tables),
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
