"""A data sheet's rows, byte for byte as openpyxl writes them, made column by column with Arrow's
string kernels (a Python object per cell made a 100,000-row table take minutes)."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import functools
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..zips import zip_bytes, zip_time
from .tables import NOT_TEXT, TypedTable

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell

class NotAsOpenpyxlWrites(Exception):
    """The rows written as XML would differ from openpyxl's own writing of the probe cells (another
    openpyxl, say): the workbook is made cell by cell instead."""


def _literal(text: str):
    """A constant for Arrow's string kernels, of the large_string type every column here has."""
    import pyarrow as pa

    return pa.scalar(text, pa.large_string())


def _xml_text(text):
    """Arrow text escaped as xml.etree escapes element text: &, < and > only (looked for first:
    finding is faster than replacing)."""
    import pyarrow.compute as pc

    if not pc.any(pc.match_substring_regex(text, "[&<>]")).as_py():  # one look for all three, most often enough
        return text
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
    if kind != "number" and (whole := _whole_numbers_up_to_2_53(values)) is not None:
        return whole.cast(pa.large_string())
    return pa.array([safe_string(v) if v is not None else None for v in values], type=pa.large_string())


def _whole_numbers_up_to_2_53(values: list):
    """An integer column as Arrow int64, when every value lies within ±2**53; else None."""
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        numbers = pa.array(values, type=pa.int64())
    except (OverflowError, pa.ArrowInvalid):  # beyond int64
        return None
    extremes = pc.min_max(numbers)
    low, high = extremes["min"].as_py(), extremes["max"].as_py()
    return numbers if low is None or (low >= -(2**53) and high <= 2**53) else None


def _text_cell_ends(text, attributes: str):
    """What follows a text cell's reference: its attributes and its inline string, escaped (null for
    an empty cell). A column that repeats its texts (a quotation, a status) has them made once for
    each distinct text, then laid out by row: the escaping looks at each text once. (A column of
    ids, all different, would only pay for the look-up: a sample of its first rows tells which.)"""
    import pyarrow.compute as pc

    def ends(distinct):
        return pc.binary_join_element_wise(_literal(attributes + ' t="inlineStr"><is>'), _text_opening(distinct),
                                           _xml_text(distinct), _literal("</t></is></c>"), _literal(""))

    if not repeats_its_texts(text):
        return ends(text)
    encoded = pc.dictionary_encode(text)  # nulls are left out of the dictionary, and stay null
    return ends(encoded.dictionary).take(encoded.indices)


def repeats_its_texts(text) -> bool:
    """Whether an Arrow text column holds each of its texts twice or more, on average, as told by
    its first rows: then work done on its distinct texts is worth the look-up that finds them."""
    import pyarrow.compute as pc

    sample = text.slice(0, 4096)
    return pc.count_distinct(sample).as_py() * 2 <= len(sample)


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
        return pc.binary_join_element_wise(head, numbers, _text_cell_ends(text, attributes), _literal(""))
    text = _value_text(kind, values)
    attributes += ' t="b">' if kind == "boolean" else ' t="n">'
    full = pc.binary_join_element_wise(head, numbers, _literal(attributes + "<v>"), text, _literal("</v></c>"), _literal(""))
    blank = pc.equal(text, _literal(""))  # NaN or infinity: safe_string writes nothing
    if not pc.any(blank).as_py():
        return full
    empty = pc.binary_join_element_wise(head, numbers, _literal(attributes + "<v /></c>"), _literal(""))
    return pc.if_else(blank, empty, full)


def _row_attributes(heights: np.ndarray):
    """What openpyxl writes after a row's number for its height (points; 0 for none): ht as
    safe_string writes a number, and customHeight, which it always adds to a height."""
    import pyarrow as pa
    from openpyxl.compat import safe_string

    distinct, which = np.unique(heights, return_inverse=True)
    written = [f' ht="{safe_string(float(h))}" customHeight="1"' if h else "" for h in distinct]
    return pa.array(written, type=pa.large_string()).take(pa.array(which.ravel()))


def _sheet_rows_xml(fields: list[dict], data: list[list], styles: list[int | None], numbers: Sequence[int],
                    text: Callable[[int], Any] | None = None, heights: np.ndarray | None = None) -> bytes | memoryview:
    """<row> elements, byte for byte as openpyxl writes them: `data` holds each column's values of the
    sheet rows `numbers` (`text` gives a text column as Arrow strings, if already made; `heights` each
    row's height in points, 0 for none); no element for an empty cell, no row without a cell.

    Built a column at a time by Arrow's string kernels: each cell's element, then the rows, in one join."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not fields or not len(numbers):
        return b""
    row_numbers = pa.array(np.asarray(numbers, dtype=np.int64)).cast(pa.large_string())
    cells = [_column_cells(c, f, values, style, row_numbers, text(c) if text and f.get("type", "string") not in NOT_TEXT else None)
             for c, (f, values, style) in enumerate(zip(fields, data, styles, strict=True))]
    empty = functools.reduce(pc.and_, [pc.is_null(cells) for cells in cells])  # a row with no cell is not written
    attributes = _literal("") if heights is None or not heights.any() else _row_attributes(heights)
    rows = pc.binary_join_element_wise(_literal('<row r="'), row_numbers, _literal('"'), attributes, _literal(">"), *cells,
                                       _literal("</row>"), _literal(""), null_handling="replace")
    del cells  # the rows are as large as the sheet: one copy of it at a time
    if pc.any(empty).as_py():
        rows = rows.filter(pc.invert(empty))
    if not len(rows) or rows.buffers()[2] is None:
        return b""
    offsets = np.frombuffer(rows.buffers()[1], dtype=np.int64)[rows.offset: rows.offset + len(rows) + 1]
    return memoryview(rows.buffers()[2])[offsets[0]: offsets[-1]]  # not copied: the sheet is put together once


def _filled_sheet(xml: bytes, table: TypedTable, styles: list[int | None], probes: list[Cell],
                  heights: np.ndarray) -> Iterator[bytes | memoryview]:
    """A data sheet as openpyxl saved it (header and probe cells) with all its rows put in: everything
    after the header row is replaced. Refused (NotAsOpenpyxlWrites), before any piece is made, unless
    the probe cells, written here, come out exactly as openpyxl wrote them.

    The sheet comes in pieces, ROWS_AT_A_TIME rows each, made as the zip takes them: a 100,000-row
    sheet is never whole in memory, and Arrow reuses the memory of one piece for the next."""
    start = xml.index(b"</row>") + len(b"</row>")
    end = xml.index(b"</sheetData>")
    at = {(cell.row - 2, cell.column - 1) for cell in probes}
    lines = sorted({r for r, _ in at})
    sample = [[values[r] if (r, c) in at else None for r in lines] for c, values in enumerate(table.data)]
    if bytes(_sheet_rows_xml(table.fields, sample, styles, [r + 2 for r in lines], heights=heights[lines])) != xml[start:end]:
        raise NotAsOpenpyxlWrites

    def pieces() -> Iterator[bytes | memoryview]:
        yield xml[:start]
        for first in range(0, table.height, ROWS_AT_A_TIME):
            yield _rows_from(table, styles, heights, first, min(first + ROWS_AT_A_TIME, table.height))
        yield xml[end:]

    return pieces()


def _rows_from(table: TypedTable, styles: list[int | None], heights: np.ndarray, first: int, last: int) -> bytes | memoryview:
    """The <row> elements of the table's rows first to last (0-based, last excluded)."""
    return _sheet_rows_xml(table.fields, [values[first:last] for values in table.data], styles, range(first + 2, last + 2),
                           lambda c: table.text(c).slice(first, last - first), heights[first:last])


ROWS_AT_A_TIME = 16_384

# The sheets' XML is most of a workbook (90 MB for 100,000 quotes), and deflating it at the archives'
# level (zips.COMPRESS_LEVEL, 6) took longer than writing it: level 1 deflates it four times faster
# for a file a quarter larger (7.6 MB instead of 6.0). Any fixed level gives the same bytes every run.
WORKBOOK_COMPRESS_LEVEL = 1


def _made_ahead(pieces: Iterator[bytes | memoryview]) -> Iterator[bytes | memoryview]:
    """The pieces, each made in another thread while the one before is deflated: Arrow's kernels and
    zlib both let go of Python's lock, so on two cores making and deflating overlap. In order, one
    piece ahead at most."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as maker:
        upcoming = maker.submit(next, pieces, None)
        while (piece := upcoming.result()) is not None:
            upcoming = maker.submit(next, pieces, None)
            yield piece


def pinned_workbook(data: bytes, moment: dt.datetime, rows: dict | None = None) -> bytes:
    """openpyxl stamps the time of saving into docProps/core.xml and into every zip entry: pin both.
    `rows` ({sheet entry: (table, styles, probes, row heights)}) fills the data sheets in."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    rows = rows or {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    filled = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>", body)
               if name == "docProps/core.xml" else _filled_sheet(body, *rows[name]) if name in rows else body)
              for name, body in entries]  # every sheet's probe cells checked before anything is written
    return zip_bytes(((name, body if isinstance(body, bytes) else _made_ahead(iter(body))) for name, body in filled),
                     zip_time(moment), WORKBOOK_COMPRESS_LEVEL)
