"""The workbook as a person reads it: on screen (long text wrapped, rows tall enough to show it, a
note on every column name) and on paper (landscape, one page wide, a few pages a table, rendered by
LibreOffice), with the sheet of texts that lets a quote be checked against its article."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from strikedata.exports import export_files
from strikedata.exports.workbook import CHARS_PER_WIDTH, LINE_HEIGHT, MAX_ROW_HEIGHT, WRAP_WIDTH, text_lines
from strikedata.packages import load

from test_exports import SCHEMAS, STEM, TEXTS, csv_rows, soffice

TABULAR = ["dictionary", *sorted(SCHEMAS), TEXTS]  # the sheets with a header row
HANDFUL = 5  # pages a table may print on


@pytest.fixture(scope="module")
def xlsx(built: Path, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("workbook") / f"{STEM}.xlsx"
    path.write_bytes(export_files(load(built / "datapackage.json"), ["xlsx"])[f"{STEM}.xlsx"])
    return path


@pytest.fixture(scope="module")
def printing(xlsx: Path, tmp_path_factory):
    """LibreOffice printing the workbook to PDF, in the background while the fixture's user waits for it."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        yield None
        return
    out = tmp_path_factory.mktemp("printed")
    process = subprocess.Popen([program, "--headless", f"-env:UserInstallation=file://{out / 'profile'}", "--convert-to", "pdf",
                                "--outdir", str(out), str(xlsx)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    yield process, out / f"{STEM}.pdf"
    if process.poll() is None:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def workbook(xlsx: Path):
    from openpyxl import load_workbook

    return load_workbook(xlsx)


def shown_lines(text: str, width: float) -> int:
    """The lines a spreadsheet program shows of `text` wrapped in a column `width` wide: each line
    break starts a paragraph, filled a word at a time (textwrap's greedy way) to the characters a
    line holds."""
    chars = int(width * CHARS_PER_WIDTH) - 1
    return sum(max(1, len(textwrap.wrap(p, chars, break_on_hyphens=False))) for p in text.split("\n"))


@pytest.mark.parametrize("sheet", ["about", *TABULAR])
def test_no_text_is_cut_off(workbook, sheet):
    """A text cell either fits on one line of its column, or wraps in a row tall enough for all its lines."""
    ws = workbook[sheet]
    wrapped = 0
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            width = ws.column_dimensions[cell.column_letter].width
            where = f"{sheet}!{cell.coordinate}"
            if not cell.alignment.wrap_text:
                assert "\n" not in cell.value and len(cell.value) + 2 <= width, f"{where} is cut at width {width}: {cell.value!r}"
                continue
            wrapped += 1
            height = ws.row_dimensions[cell.row].height or LINE_HEIGHT
            assert height <= MAX_ROW_HEIGHT
            assert height >= LINE_HEIGHT * shown_lines(cell.value, width), f"{where}: {height} points for {cell.value!r}"
            assert cell.alignment.vertical == "top", where
    if sheet in ("about", "dictionary", "quotes", "offers", TEXTS):  # sheets known to hold long text
        assert wrapped > 0


def test_long_text_columns_wrap_and_short_ones_do_not(workbook):
    """Decided by the data: a column wraps when its longest text is wider than a sensible column."""
    ws = workbook["quotes"]
    header = [c.value for c in ws[1]]
    wraps = {name: all(bool(cell.alignment.wrap_text) for (cell,) in ws.iter_rows(min_row=2, min_col=i + 1, max_col=i + 1)
                       if cell.value is not None) for i, name in enumerate(header)}
    assert wraps["text"] and wraps["note"] and not wraps["char_start"] and not wraps["kind"]
    widths = {name: ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width for i, name in enumerate(header)}
    assert 30 <= widths["text"] <= 62


def test_the_lines_counted_for_a_text_are_never_fewer_than_shown():
    """text_lines (Arrow, every cell at once) against textwrap, cell by cell: the same count on
    prose, and never fewer on texts made to wrap awkwardly (words longer than a line, blank
    paragraphs, runs of spaces)."""
    import pyarrow as pa

    chosen = random.Random(15)

    def texts(words: list[str]) -> list[str]:
        made = [" ".join(chosen.choice(words) for _ in range(chosen.randint(1, 90))) for _ in range(1000)]
        return [t.replace(" the ", "\n", 2) if i % 3 == 0 else t for i, t in enumerate(made)]

    prose = texts(["a", "strike", "the", "district's", "SCUSD", "—", "teachers,", "2,800"])
    awkward = texts(["a", "the", "organizations.parent_org_id", "x" * 70, "", "\n"]) + ["", "\n", " ", "a" * 38, "ab " * 30]
    for width in (12, 40, 110):
        counted = text_lines(pa.array(prose + awkward + [None], type=pa.large_string()), width)
        shown = [shown_lines(t, width) for t in prose + awkward + [""]]
        assert list(counted[: len(prose)]) == shown[: len(prose)], width
        assert all(c >= s for c, s in zip(counted, shown, strict=True)), width


@pytest.mark.parametrize("sheet", ["about", *TABULAR])
def test_every_sheet_prints_landscape_one_page_wide_with_its_header_on_each_page(workbook, sheet):
    ws = workbook[sheet]
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert "&A" in ws.oddHeader.left.text and "&P" in ws.oddFooter.center.text
    if sheet != "about":
        assert ws.print_title_rows in ("1:1", "$1:$1")
        assert ws.freeze_panes == "A2"


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_each_column_name_carries_its_description_as_a_note(workbook, resource):
    header = workbook[resource][1]
    for cell, field in zip(header, SCHEMAS[resource]["fields"], strict=True):
        assert cell.value == field["name"]
        assert cell.comment is not None, f"{resource}.{field['name']} has no note"
        assert field["description"] in cell.comment.text
        assert f"Type: {field['type']}" in cell.comment.text


def texts_by_article(workbook) -> dict[str, list[dict]]:
    rows = list(workbook[TEXTS].iter_rows(values_only=True))
    header, parts = rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert header[:4] == ("article_id", "part", "char_start", "char_end")
    grouped: dict[str, list[dict]] = {}
    for part in parts:
        grouped.setdefault(part["article_id"], []).append(part)
    return grouped


def test_the_texts_sheet_holds_each_article_text_in_parts_that_join_to_it(workbook, built):
    header, articles = csv_rows(built, "articles")
    grouped = texts_by_article(workbook)
    assert sorted(grouped) == sorted(row[header.index("article_id")] for row in articles)
    for row in articles:
        article_id, path = row[header.index("article_id")], row[header.index("text_path")]
        data = (built / path).read_bytes()
        parts = grouped[article_id]
        assert [p["part"] for p in parts] == list(range(1, len(parts) + 1))
        assert "".join(p["text"] for p in parts) == data.decode("utf-8")
        assert parts[0]["char_start"] == 0 and parts[-1]["char_end"] == len(data.decode("utf-8"))
        for before, after in itertools.pairwise(parts):
            assert before["char_end"] == after["char_start"]
            assert before["text"].endswith("\n")  # cut at the end of a paragraph
        for part in parts:
            assert part["char_end"] - part["char_start"] == len(part["text"])
            assert part["path"] == path and part["sha256"] == hashlib.sha256(data).hexdigest()


def mid(text: str, start: int, length: int) -> str:
    """A spreadsheet's MID: `length` characters from the 1-based position `start`."""
    return text[start - 1: start - 1 + length]


def test_a_quote_reproduces_from_its_offsets_as_the_about_sheet_says(workbook):
    about = "\n".join(str(row[1]) for row in workbook["about"].iter_rows(values_only=True))
    assert "MID(text, char_start + 1, char_end - char_start)" in about
    assert "MID(part, char_start - the part's char_start + 1, char_end - char_start)" in about
    grouped = texts_by_article(workbook)
    quotes = list(workbook["quotes"].iter_rows(values_only=True))
    header, checked = quotes[0], 0
    for row in quotes[1:]:
        quote = dict(zip(header, row, strict=True))
        whole = "".join(p["text"] for p in grouped[quote["article_id"]])
        length = quote["char_end"] - quote["char_start"]
        assert mid(whole, quote["char_start"] + 1, length) == quote["text"]
        part = next(p for p in grouped[quote["article_id"]] if p["char_start"] <= quote["char_start"] < p["char_end"])
        if quote["char_end"] <= part["char_end"]:
            assert mid(part["text"], quote["char_start"] - part["char_start"] + 1, length) == quote["text"]
            checked += 1
    assert checked == len(quotes) - 1  # no quote crosses from one part into the next


# --- on paper, as LibreOffice prints it -------------------------------------------------------

def pages_per_sheet(pdf: bytes) -> dict[str, int]:
    """Pages each sheet prints on, from LibreOffice's PDF: its outline has an entry per sheet that
    points at the sheet's first page, and the page tree lists the pages in order."""
    kids = re.search(rb"/Type\s*/Pages.*?/Kids\s*\[(.*?)\]", pdf, re.S)
    assert kids, "no page tree in the PDF"
    pages = [int(n) for n in re.findall(rb"(\d+) 0 R", kids.group(1))]
    starts = [(bytes.fromhex(title.decode()).decode("utf-16"), pages.index(int(page)))
              for title, page in re.findall(rb"/Title\s*<([0-9A-Fa-f]+)>\s*/Dest\s*\[\s*(\d+) 0 R", pdf)]
    ends = [start for _, start in starts[1:]] + [len(pages)]
    return {name: end - start for (name, start), end in zip(starts, ends, strict=True)}


@pytest.fixture(scope="module")
def printed(printing) -> bytes:
    """The workbook as LibreOffice prints it, to PDF (one conversion for the module)."""
    if printing is None:
        soffice()  # fails where LibreOffice is required
        pytest.skip("LibreOffice is not installed (CI installs it: see .ci/run)")
    process, pdf = printing
    _, errors = process.communicate(timeout=300)
    assert process.returncode == 0, errors.decode("utf-8", "replace")
    return pdf.read_bytes()


def page_limit(workbook, sheet: str) -> int:
    """The pages a sheet may print on: a handful, or more for a long table, as long as a page holds
    12 rows on average; the texts about a page each (a row of them is as tall as a page allows)."""
    rows = workbook[sheet].max_row - 1
    if sheet == TEXTS:
        return len({row[0] for row in workbook[sheet].iter_rows(min_row=2, values_only=True)}) + 1
    return max(HANDFUL, -(-rows // 12))


@pytest.mark.slow  # LibreOffice lays the workbook out for print in seconds of CPU: CI runs this once, after make test
def test_each_table_prints_on_a_handful_of_landscape_pages(printed, workbook):
    """Before, 212 rows printed on 73 pages, a column or two a page; the dictionary has a row for
    each of the package's fields."""
    pages = pages_per_sheet(printed)
    assert list(pages) == workbook.sheetnames
    assert pages["about"] <= 2
    assert {sheet: n for sheet, n in pages.items() if sheet != "about" and n > page_limit(workbook, sheet)} == {}
    boxes = [tuple(map(float, box.split())) for box in re.findall(rb"/MediaBox\s*\[\s*([\d.\s]+?)\s*\]", printed)]
    assert boxes and all(right - left > top - bottom for left, bottom, right, top in boxes)


def test_the_page_count_reads_the_outline_of_a_pdf():
    """pages_per_sheet on a PDF laid out as LibreOffice writes one (page objects 1, 4, 7; sheets at 1 and 7)."""
    pdf = (b"<</Type/Pages/Kids[ 1 0 R 4 0 R\n7 0 R ]>>"
           b"<</Title<FEFF0061>\n/Dest[1 0 R/XYZ 0 841 0]>><</Title<FEFF0062>\n/Dest[7 0 R/XYZ 0 841 0]>>")
    assert pages_per_sheet(pdf) == {"a": 2, "b": 1}



def test_a_text_too_tall_for_a_row_widens_its_column(tmp_path):
    """A row is at most 409 points (27 lines): a text that needs more lines at the usual width gets a wider column."""
    from openpyxl import load_workbook

    from test_exports import tiny_package

    long_text = " ".join(f"word{i % 97}" for i in range(400))  # 2,700 characters
    files = export_files(load(tiny_package(tmp_path / "tiny", ["short", long_text])), ["xlsx"])
    (tmp_path / "tiny.xlsx").write_bytes(files["tiny.xlsx"])
    ws = load_workbook(tmp_path / "tiny.xlsx")["notes"]
    width = ws.column_dimensions["B"].width
    assert width > WRAP_WIDTH and ws.cell(row=3, column=2).alignment.wrap_text
    assert LINE_HEIGHT * shown_lines(long_text, width) <= ws.row_dimensions[3].height <= MAX_ROW_HEIGHT
    assert ws.row_dimensions[2].height is None  # "short" keeps the default height


def test_a_sheet_narrower_than_a_page_gives_its_long_text_the_room_left(tmp_path):
    from openpyxl import load_workbook

    from strikedata.exports.workbook import page_width

    from test_exports import tiny_package

    prose = " ".join(f"word{i}" for i in range(60))  # 400 characters: wraps
    files = export_files(load(tiny_package(tmp_path / "tiny", [prose, "short"])), ["xlsx"])
    (tmp_path / "tiny.xlsx").write_bytes(files["tiny.xlsx"])
    ws = load_workbook(tmp_path / "tiny.xlsx")["notes"]
    widths = [ws.column_dimensions[letter].width for letter in "ABC"]
    assert widths[1] > WRAP_WIDTH and page_width(3) - 1 <= sum(widths) <= page_width(3)
    assert LINE_HEIGHT * shown_lines(prose, widths[1]) <= ws.row_dimensions[2].height < LINE_HEIGHT * shown_lines(prose, WRAP_WIDTH)


@pytest.mark.parametrize("text", ["x" * 10_000, "word " * 3_000, "a\n\n" + "long paragraph " * 600 + "\nend", "", "short"])
def test_a_text_too_long_for_a_row_is_cut_into_parts_that_fit(text):
    import pyarrow as pa

    from strikedata.exports.workbook import MAX_LINES, PROSE_WIDTH, _text_parts

    parts = _text_parts(text, PROSE_WIDTH)
    assert "".join(text[start:end] for start, end in parts) == text
    assert all(start < end for start, end in parts)
    pieces = pa.array([text[start:end] for start, end in parts], type=pa.large_string())
    assert all(lines <= MAX_LINES for lines in text_lines(pieces, PROSE_WIDTH))
    if " " in text:  # cut after a space, or at a paragraph's end
        assert all(text[end - 1] in " \n" for _, end in parts[:-1])
