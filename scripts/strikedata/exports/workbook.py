"""The XLSX workbook: an 'about' sheet, a 'dictionary' sheet, one sheet per table and a 'texts'
sheet, made by openpyxl except for the rows of the tabular sheets (sheet_rows.py writes those as
openpyxl would).

Made to be read on paper and on screen alike: long text wraps in a column of reading width with
row heights that show every line (a spreadsheet program does not size rows on opening), every
sheet prints landscape, one page wide, with its header row on each page, and each header cell
carries its field's description as a note.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..docs import constraint_summary
from ..packages import Package
from ..tableschema import primary_key
from .sheet_rows import NotAsOpenpyxlWrites, pinned_workbook, repeats_its_texts
from .tables import NOT_TEXT, ExportError, TypedTable, citation, license_text, link_texts, release_moment, texts_table

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

EXCEL_MAX_CELL = 32_767
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_WIDTH = 255  # characters: the widest column a sheet allows

LINE_HEIGHT = 15.0  # points a line of the default font (11 points) takes: Excel's one-line row
MAX_ROW_HEIGHT = 409.0  # points: the tallest row Excel allows
MAX_LINES = int(MAX_ROW_HEIGHT // LINE_HEIGHT)
WRAP_WIDTH = 40  # characters: a text longer than this wraps in a column this wide (or wider, see _wrap_width)
PROSE_WIDTH = 100  # characters: the column of the texts sheet, which holds whole paragraphs
# Characters of prose a line of a column holds, per unit of its width (a unit is the width of a digit,
# wider than most letters). Measured by rendering this package's long texts with LibreOffice, in
# Carlito (Calibri's metrics) and in DejaVu Sans (its fallback where Carlito is missing): a line holds
# 1.2 to 1.3 characters a unit; 1.1 leaves room for a line of capitals or digits. A word longer
# than a line (a hash, say) is cut at a character a unit: its digits are each a unit wide.
CHARS_PER_WIDTH = 1.1


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


# --- how much room text takes -----------------------------------------------------------------

def chars_per_line(width: float) -> int:
    """The characters of prose one line of a column `width` wide holds (its padding left out)."""
    return max(1, int(width * CHARS_PER_WIDTH) - 1)


def _chars_of_a_cut_word(width: float) -> int:
    """The characters a line holds of a word too long for one (cut where it reaches the edge)."""
    return max(1, int(width) - 1)


def text_lines(text, width: float) -> np.ndarray:
    """The lines each text of an Arrow text column takes when wrapped in a column `width` wide (one
    for an empty cell): counted once for each distinct text (a column often repeats its texts)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not len(text):
        return np.zeros(0, dtype=np.int64)
    encoded = pc.dictionary_encode(pc.fill_null(text, pa.scalar("", text.type)))
    return _distinct_text_lines(encoded.dictionary, width)[encoded.indices.to_numpy(zero_copy_only=False)]


def _distinct_text_lines(text, width: float) -> np.ndarray:
    """The lines each text of an Arrow text column (no nulls) takes wrapped in a column `width` wide.

    As a spreadsheet program wraps: a line break starts a paragraph; a line takes words while they
    fit (chars_per_line), and a word longer than a line takes lines of its own. Done for every
    paragraph of every cell at once: a step lays one more line of each paragraph not yet done,
    finding its last word by a binary search over the words' end positions, made increasing over
    the whole column by setting each paragraph after the one before it."""
    import pyarrow.compute as pc

    chars, cut = chars_per_line(width), _chars_of_a_cut_word(width)
    paragraphs = pc.split_pattern(text, "\n")
    words = pc.split_pattern(pc.list_flatten(paragraphs), " ")
    length = pc.utf8_length(pc.list_flatten(words)).to_numpy(zero_copy_only=False).astype(np.int64)
    per_paragraph = pc.list_value_length(words).to_numpy(zero_copy_only=False).astype(np.int64)
    first = np.concatenate(([0], np.cumsum(per_paragraph)[:-1]))  # each paragraph's first word
    last = first + per_paragraph - 1
    # A word's end, counted from its paragraph's start (its words, one space between), plus the
    # paragraph's place: room for a whole line between paragraphs keeps a search inside its own.
    paragraph = np.repeat(np.arange(len(per_paragraph)), per_paragraph)
    within = np.cumsum(length + 1) - 1
    within -= np.repeat(within[first] - length[first], per_paragraph)
    place = np.concatenate(([0], np.cumsum(within[last] + chars + 2)[:-1]))
    ends = within + place[paragraph]
    lines = np.zeros(len(per_paragraph), dtype=np.int64)
    active, word = np.arange(len(per_paragraph)), first.copy()
    while len(active):
        at = word[active]
        start = ends[at] - length[at]
        fitting = np.searchsorted(ends, start + chars, side="right") - 1
        too_long = fitting < at  # the first word alone is longer than a line
        lines[active] += np.where(too_long, -(-length[at] // cut), 1)
        word[active] = np.where(too_long, at, fitting) + 1
        active = active[word[active] <= last[active]]
    owner = pc.list_parent_indices(paragraphs).to_numpy(zero_copy_only=False)
    return np.bincount(owner, weights=lines, minlength=len(text)).astype(np.int64)


PAGE_MARGIN = 0.4  # inches, left and right: narrow, for wide tables


def _row_height(lines: int) -> float:
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)


@dataclass(frozen=True)
class ColumnLayout:
    """How a column shows: its width (in characters) and whether its text wraps."""

    width: float
    wrap: bool


def _wrap_width(text) -> tuple[float, np.ndarray]:
    """The width at which a long text column wraps: WRAP_WIDTH, or wider if a cell would take more
    lines than the tallest row shows; with each cell's lines at that width. (A wider column never
    takes more lines, so only the cells too tall are tried wider.)"""
    width, lines = WRAP_WIDTH, text_lines(text, WRAP_WIDTH)
    tall = text.filter(_arrow_mask(lines > MAX_LINES))
    if not len(tall):
        return width, lines
    while len(tall) and width < EXCEL_MAX_WIDTH:
        width = min(EXCEL_MAX_WIDTH, width + 10)
        tall = tall.filter(_arrow_mask(text_lines(tall, width) > MAX_LINES))
    return width, text_lines(text, width)


def _arrow_mask(mask: np.ndarray):
    """A numpy boolean mask as an Arrow one, to filter an Arrow array."""
    import pyarrow as pa

    return pa.array(mask, type=pa.bool_())


def _layout(table: TypedTable) -> tuple[list[ColumnLayout], np.ndarray]:
    """Each column's layout, and each row's height in points (0 where the default, one line, shows all).

    A text column is long text when its longest value does not fit in WRAP_WIDTH characters: it
    wraps there; every other column is as wide as its header and longest value. A sheet narrower
    than a page gives the room left to its long text, which then takes fewer lines."""
    import pyarrow.compute as pc

    layouts: list[ColumnLayout] = []
    lines_of: dict[int, np.ndarray] = {}  # each wrapped column's lines, cell by cell
    for c, (name, field) in enumerate(zip(table.columns, table.fields, strict=True)):
        kind = field.get("type", "string")
        if kind in NOT_TEXT:
            widest = 10 if kind == "date" else max((len(str(v)) for v in table.data[c][:2000] if v is not None), default=0)
            layouts.append(ColumnLayout(max(8, len(name) + 2, widest + 2), False))
            continue
        text = table.text(c)
        widest = pc.max(pc.utf8_length(text)).as_py() or 0 if len(text) else 0
        if widest + 2 <= WRAP_WIDTH:
            layouts.append(ColumnLayout(max(8, len(name) + 2, widest + 2), False))
            continue
        width, lines_of[c] = _wrap_width(text)
        layouts.append(ColumnLayout(max(width, len(name) + 2), True))
    room = page_width(len(layouts)) - sum(layout.width for layout in layouts)
    if lines_of and room >= len(lines_of):
        for c in lines_of:
            layouts[c] = ColumnLayout(min(EXCEL_MAX_WIDTH, layouts[c].width + room // len(lines_of)), True)
            lines_of[c] = text_lines(table.text(c), layouts[c].width)
    lines = np.ones(table.height, dtype=np.int64)
    for column_lines in lines_of.values():
        np.maximum(lines, column_lines, out=lines)
    heights = np.where(lines > 1, np.minimum(MAX_ROW_HEIGHT, lines * LINE_HEIGHT), 0.0)
    return layouts, heights


def page_width(columns: int) -> int:
    """How many characters wide `columns` columns may be, all told, to print at full size across a
    landscape page: US Letter (narrower than A4) is 734 points wide within the margins, and a column
    w characters wide takes 5.25 w + 3.75 points (a digit is 7 pixels, plus 5 of padding)."""
    return int(((11 - 2 * PAGE_MARGIN) * 72 - 3.75 * columns) / 5.25)


def _bold():
    """The workbook's font in bold. (A Font(bold=True) names no font: LibreOffice then shows a serif.)"""
    from openpyxl.styles import Font
    from openpyxl.styles.fonts import DEFAULT_FONT

    return Font(name=DEFAULT_FONT.name, sz=DEFAULT_FONT.sz, family=DEFAULT_FONT.family, scheme=DEFAULT_FONT.scheme, bold=True)


# --- page setup, shared by every sheet ---------------------------------------------------------

def _print_setup(ws: Worksheet, descriptor: dict, *, title_row: bool) -> None:
    """Landscape, one page wide (as many long as it takes), the header row on every page, grid
    lines, and on each page the sheet's name, the package and version, and the page number."""
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # no limit: the pages a sheet needs at the width that fits
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=PAGE_MARGIN, right=PAGE_MARGIN, top=0.7, bottom=0.6, header=0.3, footer=0.3)
    if title_row:
        ws.print_title_rows = "1:1"
        ws.print_options.gridLines = True
    name = " ".join(str(descriptor.get(k, "")) for k in ("name", "version") if descriptor.get(k))
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # a new sheet has both
    header.left.text = "&A"  # the sheet's name
    header.right.text = name.replace("&", "&&")
    footer.center.text = "Page &P of &N"


# --- the sheets --------------------------------------------------------------------------------

def _about_rows(descriptor: dict, tables: list[TypedTable], texts: TypedTable | None) -> list[tuple[str, str]]:
    """(label, text) rows: what the package is, then how to read the workbook, a link between
    tables a row (a paragraph of them is hard to read), and how the texts and offsets work."""
    how = [
        "Each table of the package is a sheet named after it; its first row holds the column names and stays in view as "
        "you scroll. Point at a column name to read what the column means (a note).",
        "The sheet 'dictionary' describes every column: its type, its constraints and what it means.",
        "Dates are real dates, numbers are numbers, and every text cell is stored as text: nothing is evaluated as a "
        "formula. An empty cell means no value.",
        "Long text wraps; every sheet prints landscape, one page wide, with its column names on each page.",
        "This workbook is generated from the package's CSV files, which remain the reference.",
    ]
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
    rows += [("How to read this workbook" if i == 0 else "", line) for i, line in enumerate(how)]
    rows += [("Ids link the tables" if i == 0 else "", link) for i, link in enumerate(link_texts(tables) or ["(no links)"])]
    if texts is not None:
        key = texts.columns[0]
        rows += [
            ("Texts", f"The sheet '{texts.name}' holds the package's texts, which offsets point into. A text too long for "
             "one row is cut into parts at the end of a paragraph; each part says where it starts and ends in the whole text "
             f"(char_start, char_end). The parts of a {key}, joined in order with nothing between them, are its text "
             "(TEXTJOIN(\"\", FALSE, ...) in a spreadsheet); sha256 is the SHA-256 of the whole text's file."),
            ("Offsets", "char_start and char_end count characters (Unicode code points) from 0, the end excluded: a span "
             "is characters char_start to char_end - 1. In a spreadsheet, on a whole text: MID(text, char_start + 1, "
             "char_end - char_start). On a part of it, the part whose char_start and char_end enclose the span: "
             "MID(part, char_start - the part's char_start + 1, char_end - char_start)."),
        ]
    return rows


ABOUT_WIDTHS = (28, 110)


def _about_sheet(workbook, package: Package, tables: list[TypedTable], texts: TypedTable | None, taken: set[str]) -> None:
    """The first sheet: what the workbook is, how to cite it and how to read it; its second column
    wraps, each row as tall as its text."""
    import pyarrow as pa
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet

    about = workbook.active  # a new workbook starts with one worksheet: it becomes the 'about' sheet
    if not isinstance(about, Worksheet):
        about = workbook.create_sheet()
    about.title = _sheet_title("about", taken)
    bold, top = _bold(), Alignment(vertical="top", wrap_text=True)
    rows = _about_rows(package.descriptor, tables, texts)
    lines = text_lines(pa.array([text for _, text in rows], type=pa.large_string()), ABOUT_WIDTHS[1])
    for r, ((label, text), count) in enumerate(zip(rows, lines, strict=True), start=1):
        _put(about, r, 1, label).font = bold
        _put(about, r, 2, text).alignment = top
        about.cell(row=r, column=1).alignment = Alignment(vertical="top")
        if count > 1:
            about.row_dimensions[r].height = _row_height(int(count))
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = ABOUT_WIDTHS
    _print_setup(about, package.descriptor, title_row=False)


DICTIONARY_FIELDS = [
    ("resource", "The table (a sheet of this workbook) the column belongs to."),
    ("field", "The column's name, as in the table's first row."),
    ("title", "The column's title, where the schema gives one."),
    ("type", "The column's type (Table Schema): string, integer, number, boolean, date, ..."),
    ("required", "yes when every row must have a value."),
    ("primary key", "yes when the column is (part of) the table's primary key."),
    ("constraints", "The rules each value meets: required, unique, allowed values, pattern, minimum, ..."),
    ("description", "What the column means."),
]


def _dictionary_table(tables: list[TypedTable]) -> TypedTable:
    """Every declared field of every table, with its type, constraints and meaning, as a table
    of its own (so that it is laid out, and printed, as the data sheets are)."""
    entries = []
    for t in tables:
        pk = primary_key(t.schema)
        for f in t.schema.get("fields", []):
            entries.append((t.name, f["name"], f.get("title", ""), f.get("type", "string"),
                            "yes" if (f.get("constraints") or {}).get("required") else "no",
                            "yes" if f["name"] in pk else "no", constraint_summary(f), f.get("description", "")))
    fields = [{"name": name, "type": "string", "description": text} for name, text in DICTIONARY_FIELDS]
    data = [[value or None for value in column] for column in zip(*entries, strict=True)] if entries else [[] for _ in fields]
    return TypedTable("dictionary", {"name": "dictionary"}, {"fields": fields}, [f["name"] for f in fields], data, len(entries))


def _paragraph_ends(text: str) -> list[int]:
    """The offsets where a paragraph ends: after a line break (and the blank lines after it)."""
    return [m.end() for m in re.finditer(r"\n+", text) if m.end() < len(text)] + [len(text)]


def _text_parts(text: str, width: float) -> list[tuple[int, int]]:
    """(start, end) of the parts a text is cut into so that each fits in a row (MAX_LINES lines in a
    column `width` wide): whole paragraphs, as many as fit; a paragraph too long alone is cut after
    the last space that lets it fit (or, with no space, after the last character that does)."""
    import pyarrow as pa

    def fits(start: int, end: int) -> bool:
        return int(text_lines(pa.array([text[start:end]], type=pa.large_string()), width)[0]) <= MAX_LINES

    ends = _paragraph_ends(text)
    parts, start = [], 0
    while start < len(text):
        end = start
        for candidate in (e for e in ends if e > start):
            if not fits(start, candidate):
                break
            end = candidate
        if end == start:  # the next paragraph alone is too long
            end = _longest_fitting(start, next(e for e in ends if e > start), fits)
            space = text.rfind(" ", start, end)
            end = space + 1 if space >= start else end
        parts.append((start, end))
        start = end
    return parts


def _longest_fitting(start: int, stop: int, fits) -> int:
    """The largest end in (start, stop] for which fits(start, end), one character at least (more
    text never takes fewer lines, so a binary search finds it)."""
    low, high = start + 1, stop
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if fits(start, middle) else (low, middle - 1)
    return low


def _texts_sheet_table(texts: TypedTable) -> TypedTable:
    """The texts as a sheet: a row per part of a text (one row when the text fits in one), each with
    where it starts and ends in the whole text, so that offsets can be checked in the sheet."""
    key, path, sha, text = (texts.data[texts.columns.index(c)] for c in texts.columns)
    rows = []
    for k, p, s, whole in zip(key, path, sha, text, strict=True):
        for n, (start, end) in enumerate(_text_parts(whole, PROSE_WIDTH), start=1):
            rows.append((k, n, start, end, whole[start:end], p, s))
    by_name = {f["name"]: f for f in texts.fields}
    fields = [by_name[texts.columns[0]],
              {"name": "part", "type": "integer", "description": "The part's number in its text, from 1."},
              {"name": "char_start", "type": "integer",
               "description": "Where the part starts in the whole text: the offset of its first character (from 0)."},
              {"name": "char_end", "type": "integer",
               "description": "Where the part ends in the whole text: the offset after its last character."},
              {**by_name["text"], "description": "The part of the text (the whole text when it fits in one row). "
               + by_name["text"].get("description", "")},
              by_name["path"], by_name["sha256"]]
    data = [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in fields]
    schema = {**texts.schema, "fields": fields, "primaryKey": [fields[0]["name"], "part"]}
    return TypedTable(texts.name, texts.resource, schema, [f["name"] for f in fields], data, len(rows))


# openpyxl's ILLEGAL_CHARACTERS_RE ([\000-\010]|[\013-\014]|[\016-\037]) as one character class, for Arrow's RE2.
UNSTORABLE = r"[\x00-\x08\x0b\x0c\x0e-\x1f]"


def first_unstorable(text) -> int | None:
    """The row of the first text a spreadsheet cell cannot hold (too long, or a control character),
    in an Arrow text column; utf8_length counts characters, as len() does."""
    import pyarrow.compute as pc

    bad = pc.or_(pc.greater(pc.utf8_length(text), EXCEL_MAX_CELL), pc.match_substring_regex(text, UNSTORABLE))
    return pc.index(bad, True).as_py() if pc.any(bad).as_py() else None


def _storable(text) -> bool:
    """Whether a spreadsheet cell can hold every text of an Arrow text column: asked of each distinct
    text once when the column repeats them."""
    import pyarrow.compute as pc

    return first_unstorable(pc.dictionary_encode(text).dictionary if repeats_its_texts(text) else text) is None


def _refuse_unstorable_text(title: str, table: TypedTable) -> None:
    """The error _put would raise on the first text cell, in reading order, that a spreadsheet cannot hold."""
    found = [(r, c) for c, f in enumerate(table.fields) if f.get("type", "string") not in NOT_TEXT
             and not _storable(table.text(c)) and (r := first_unstorable(table.text(c))) is not None]
    if not found:
        return
    row, column = min(found)
    value = table.data[column][row]
    if len(value) > EXCEL_MAX_CELL:
        raise ExportError(f"sheet {title}, row {row + 2}: a text of {len(value)} characters "
                          f"is longer than a spreadsheet cell holds ({EXCEL_MAX_CELL})")
    raise ExportError(f"sheet {title}, row {row + 2}: a control character cannot be stored in a spreadsheet cell")


def _probe_cells(ws: Worksheet, table: TypedTable, formats: list[str | None], alignments: list) -> list[Cell]:
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
        cells[-1].alignment = alignments[c]
        last = max(last, next(r for r in range(len(values) - 1, -1, -1) if values[r] is not None))
    if last >= 0 and all(cell.row != last + 2 for cell in cells):
        c = next(c for c, values in enumerate(table.data) if values[last] is not None)
        cells.append(_put(ws, last + 2, c + 1, table.data[c][last], formats[c]))
        cells[-1].alignment = alignments[c]
    return cells


def _header_note(field: dict) -> str:
    """What a header cell's note says: the field's description, its type and its constraints."""
    rules = constraint_summary(field)
    kind = f"Type: {field.get('type', 'string')}" + (f"; {rules}" if rules else "") + "."
    return "\n\n".join(x for x in (field.get("title", ""), field.get("description", ""), kind) if x)


NOTE_WIDTH = 300  # points: a note wide enough for a sentence a line


def _header_row(ws: Worksheet, table: TypedTable) -> None:
    """Bold column names on a shaded row, each with its field's description as a note."""
    import pyarrow as pa
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, PatternFill

    bold, shade, top = _bold(), PatternFill("solid", fgColor="DDDDDD"), Alignment(vertical="top")
    notes = [_header_note(f) for f in table.fields]
    lines = text_lines(pa.array(notes, type=pa.large_string()), NOTE_WIDTH / 5.5)
    for c, (name, note, count) in enumerate(zip(table.columns, notes, lines, strict=True), start=1):
        cell = _put(ws, 1, c, name)
        cell.font, cell.fill, cell.alignment = bold, shade, top
        cell.comment = Comment(note, "strikedata", height=int(count * LINE_HEIGHT + 10), width=NOTE_WIDTH)


def _data_sheet(workbook, t: TypedTable, descriptor: dict, taken: set[str], *,
                cell_by_cell: bool) -> tuple[Worksheet, list[Cell], np.ndarray]:
    """A table's sheet: a frozen header row with notes, widths, wrapped long text, row heights,
    filter and page setup. Its rows are written cell by cell through openpyxl only when asked;
    otherwise only the probe cells are, and the rows come later as XML. Returns the row heights
    (points, 0 for the default) for the rows written as XML."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    if t.height + 1 > EXCEL_MAX_ROWS:
        raise ExportError(f"{t.name}: {t.height} rows do not fit in a spreadsheet sheet ({EXCEL_MAX_ROWS - 1} at most)")
    ws = workbook.create_sheet(_sheet_title(t.name, taken))
    formats = [_number_format(f) for f in t.fields]
    _header_row(ws, t)
    if not cell_by_cell:
        _refuse_unstorable_text(ws.title, t)  # before the layout measures the texts
    layouts, heights = _layout(t)
    alignments = [Alignment(vertical="top", wrap_text=True if layout.wrap else None) for layout in layouts]
    probes: list[Cell] = []
    if cell_by_cell:
        for r, row in enumerate(t.rows, start=2):
            for c, (value, fmt) in enumerate(zip(row, formats, strict=True), start=1):
                if value is not None:
                    _put(ws, r, c, value, fmt).alignment = alignments[c - 1]
        tall = [int(i) for i in np.flatnonzero(heights)]
    else:
        probes = _probe_cells(ws, t, formats, alignments)
        tall = [cell.row - 2 for cell in probes if heights[cell.row - 2]]
    for i in sorted(set(tall)):  # a row given no height keeps the default (one line)
        ws.row_dimensions[i + 2].height = float(heights[i])
    for c, layout in enumerate(layouts, start=1):
        ws.column_dimensions[get_column_letter(c)].width = layout.width
    ws.freeze_panes = "A2"
    if t.columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(t.columns))}{t.height + 1}"
    _print_setup(ws, descriptor, title_row=True)
    return ws, probes, heights


def workbook_bytes(package: Package, tables: list[TypedTable], *, cell_by_cell: bool = False) -> bytes:
    """The workbook. openpyxl makes everything but the tabular sheets' rows, which are written
    straight as the XML openpyxl would write for them (a Python object per cell made a 100,000-row
    table take minutes); `cell_by_cell` has openpyxl write every cell, as it did before."""
    from openpyxl import Workbook

    workbook = Workbook()
    moment = release_moment(package.descriptor)
    workbook.properties.creator = "strikedata"
    workbook.properties.title = package.descriptor.get("title")
    workbook.properties.created = moment
    taken: set[str] = set()
    texts = texts_table(package, tables)
    texts_sheet = _texts_sheet_table(texts) if texts is not None else None
    extra = [texts_sheet] if texts_sheet else []
    _about_sheet(workbook, package, tables, texts_sheet, taken)
    sheets = [(*_data_sheet(workbook, t, package.descriptor, taken, cell_by_cell=cell_by_cell), t)
              for t in [_dictionary_table([*tables, *extra]), *tables, *extra]]
    buffer = io.BytesIO()
    workbook.save(buffer)
    rows = {}
    for ws, probes, heights, t in sheets:
        if probes:  # after saving: a cell's style number is given as the sheet is written
            styles: list[int | None] = [None] * len(t.columns)
            for cell in probes:
                styles[cell.column - 1] = cell.style_id if cell.has_style else None
            rows[ws.path.lstrip("/")] = (t, styles, probes, heights)
    try:
        return pinned_workbook(buffer.getvalue(), moment, rows)
    except NotAsOpenpyxlWrites:
        return workbook_bytes(package, tables, cell_by_cell=True)
