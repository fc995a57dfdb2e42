"""The XLSX workbook: an 'about' sheet, a 'dictionary' sheet and one sheet per table, made by
openpyxl except for the tables' rows (sheet_rows.py writes those as openpyxl would)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..docs import constraint_summary
from ..packages import Package
from ..validator.fields import primary_key
from .sheet_rows import NotAsOpenpyxlWrites, pinned_workbook
from .tables import NOT_TEXT, ExportError, TypedTable, citation, license_text, link_texts, release_moment

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

EXCEL_MAX_CELL = 32_767
EXCEL_MAX_ROWS = 1_048_576


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
        "Ids link the tables: " + ("; ".join(link_texts(tables)) or "(no links)") + ".",
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
        ("License", license_text(descriptor)),
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


def first_unstorable(text) -> int | None:
    """The row of the first text a spreadsheet cell cannot hold (too long, or a control character),
    in an Arrow text column; utf8_length counts characters, as len() does."""
    import pyarrow.compute as pc

    bad = pc.or_(pc.greater(pc.utf8_length(text), EXCEL_MAX_CELL), pc.match_substring_regex(text, UNSTORABLE))
    return pc.index(bad, True).as_py() if pc.any(bad).as_py() else None


def _refuse_unstorable_text(title: str, table: TypedTable) -> None:
    """The error _put would raise on the first text cell, in reading order, that a spreadsheet cannot hold."""
    found = [(r, c) for c, f in enumerate(table.fields)
             if f.get("type", "string") not in NOT_TEXT and (r := first_unstorable(table.text(c))) is not None]
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
        return pinned_workbook(buffer.getvalue(), moment, rows)
    except NotAsOpenpyxlWrites:
        return workbook_bytes(package, tables, cell_by_cell=True)
