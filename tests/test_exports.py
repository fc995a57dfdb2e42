"""Every export read back with its real reader and compared with the CSVs cell by cell, types included.

The expected values come from the CSV text and the declared type, re-derived here independently of
the exporter: an integer must read back as an int whose text is the CSV text, a date as a date
whose ISO form is the CSV text, and so on.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.exports import export_files, write_exports
from strikedata.packages import load
from strikedata.validator.fields import FALSE_VALUES, TRUE_VALUES

from conftest import ROOT

runner = CliRunner()
SCHEMAS = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "schemas").glob("*.json"))}
STEM = json.loads((ROOT / "datapackage.json").read_text("utf-8"))["name"]
TEXTS = "texts"  # the table of the articles' texts, which every format carries besides the package's tables


def csv_rows(package: Path, resource: str) -> tuple[list[str], list[list[str]]]:
    with (package / f"{resource}.csv").open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def fields_of(resource: str) -> list[dict]:
    return SCHEMAS[resource]["fields"]


def assert_same_value(value: object, raw: str, field: dict, *, dates_as: str = "date", where: str = "") -> None:
    """`value` (read back from an export) means exactly the CSV text `raw` of a field of this type."""
    kind = field["type"]
    if raw == "":
        assert value is None, f"{where}: {value!r} for an empty cell"
    elif kind == "integer":
        assert type(value) is int and str(value) == raw, f"{where}: {value!r} is not the integer {raw}"
    elif kind == "number":
        # A spreadsheet has one number type (openpyxl reads 2800.0 back as 2800); columns types are tested apart.
        assert type(value) in (int, float) and value == float(raw), f"{where}: {value!r} is not the number {raw}"
    elif kind == "boolean":
        # True or False (SQLite, which has no boolean, stores 1 or 0), as the field's true and false values say.
        truth = raw in field.get("trueValues", TRUE_VALUES)
        assert raw in (*field.get("trueValues", TRUE_VALUES), *field.get("falseValues", FALSE_VALUES)), f"{where}: {raw!r}"
        assert type(value) in (bool, int) and value == truth, f"{where}: {value!r} is not the boolean {raw}"
    elif kind == "date" and dates_as == "date":
        assert isinstance(value, dt.date) and value.isoformat()[:10] == raw, f"{where}: {value!r} is not the date {raw}"
    else:
        assert type(value) is str and value == raw, f"{where}: {value!r} != {raw!r}"


@pytest.fixture(scope="module")
def exported(built: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    write_exports(export_files(load(built / "datapackage.json")), out)
    return out


def test_every_resource_and_only_those_are_exported(exported):
    assert sorted(p.stem for p in (exported / "parquet").iterdir()) == sorted([*SCHEMAS, TEXTS])
    assert sorted(p.stem for p in (exported / "json").iterdir()) == sorted([*SCHEMAS, TEXTS])
    assert (exported / f"{STEM}.xlsx").is_file() and (exported / f"{STEM}.db").is_file()


def test_exports_are_byte_identical_every_time(built):
    """Twice the same bytes, and the same again from the tables the validation read (as `export` does)."""
    from strikedata.validate import validate_package

    package = load(built / "datapackage.json")
    first = export_files(package)
    report = validate_package(built / "datapackage.json")
    assert report.valid and set(report.tables) == {r["name"] for r in package.resources() if r.get("schema")}
    assert export_files(package) == first == export_files(package, read=report.tables)


# --- XLSX -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def workbook(exported):
    from openpyxl import load_workbook

    return load_workbook(exported / f"{STEM}.xlsx")


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_xlsx_sheet_matches_csv_cell_by_cell(workbook, built, resource):
    ws = workbook[resource]
    header, rows = csv_rows(built, resource)
    assert [c.value for c in ws[1]] == header == [f["name"] for f in fields_of(resource)]
    assert ws.max_row == len(rows) + 1
    for r, row in enumerate(rows, start=2):
        for c, (raw, field) in enumerate(zip(row, fields_of(resource), strict=True), start=1):
            cell = ws.cell(row=r, column=c)
            assert_same_value(cell.value, raw, field, where=f"{resource}!{cell.coordinate}")
            if field["type"] == "string" and raw:
                assert cell.data_type == "s", f"{resource}!{cell.coordinate} is not stored as text"
            if field["type"] == "date" and raw:
                assert cell.is_date and cell.number_format == "yyyy-mm-dd"


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_xlsx_sheet_has_frozen_bold_header_and_widths(workbook, resource):
    ws = workbook[resource]
    assert ws.freeze_panes == "A2"
    assert all(cell.font.bold for cell in ws[1])
    widths = [ws.column_dimensions[cell.column_letter].width for cell in ws[1]]
    assert all(8 <= w <= 62 for w in widths), widths


def test_xlsx_dictionary_lists_every_declared_field(workbook):
    ws = workbook["dictionary"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["resource", "field", "title", "type"]
    listed = [(row[0], row[1], row[3], row[-1]) for row in ws.iter_rows(min_row=2, values_only=True)]
    declared = [(name, f["name"], f["type"], f["description"])
                for name in [r["name"] for r in json.loads((ROOT / "datapackage.json").read_text())["resources"]]
                for f in fields_of(name)]
    assert listed[: len(declared)] == declared
    # then the columns of the sheet of texts, which is the workbook's own
    assert [(r, f) for r, f, _, _ in listed[len(declared):]] == [(TEXTS, c.value) for c in workbook[TEXTS][1]]


def test_xlsx_first_sheet_says_what_it_is(workbook, built):
    descriptor = json.loads((built / "datapackage.json").read_text())
    assert workbook.sheetnames[0] == "about"
    about = {row[0]: row[1] for row in workbook["about"].iter_rows(values_only=True) if row[0]}
    assert about["Title"] == descriptor["title"]
    assert about["Version"] == descriptor["version"]
    assert "CC-BY-4.0" in about["License"]
    assert descriptor["title"] in about["Cite as"] and descriptor["version"] in about["Cite as"]
    assert "How to read this workbook" in about


def soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None and os.environ.get("STRIKEDATA_REQUIRE_SOFFICE"):
        pytest.fail("LibreOffice (soffice) is required here (STRIKEDATA_REQUIRE_SOFFICE is set) but not installed")
    return found


def libreoffice_csvs(workbooks: list[Path], out: Path) -> dict[str, dict[str, list[list[str]]]]:
    """Every sheet of each workbook as LibreOffice itself exports it to CSV (UTF-8, all sheets), by
    workbook name; one run of LibreOffice converts them all (its start takes most of the time)."""
    program = soffice()
    if program is None:
        pytest.skip("LibreOffice is not installed (CI installs it: see .ci/run)")
    profile = out / "profile"
    subprocess.run([program, "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), *map(str, workbooks)], check=True, capture_output=True, timeout=300)
    books: dict[str, dict[str, list[list[str]]]] = {}
    for xlsx in workbooks:
        sheets = books.setdefault(xlsx.stem, {})
        for path in out.glob(f"{xlsx.stem}-*.csv"):
            with path.open(newline="", encoding="utf-8") as handle:
                sheets[path.stem.removeprefix(f"{xlsx.stem}-")] = list(csv.reader(handle))
    return books


def tiny_package(folder: Path, texts: list[str]) -> Path:
    """A one-table package whose cells would be formulas if a spreadsheet evaluated them."""
    folder.mkdir(parents=True)
    with (folder / "notes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["note_id", "text", "count"])
        writer.writerows([[f"n{i}", text, str(i)] for i, text in enumerate(texts)])
    descriptor = {"name": "tiny", "version": "1.0.0", "resources": [{
        "name": "notes", "path": "notes.csv", "schema": {"fields": [
            {"name": "note_id", "type": "string"}, {"name": "text", "type": "string"}, {"name": "count", "type": "integer"}],
            "primaryKey": ["note_id"]}}]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    return folder / "datapackage.json"


FORMULAS = ["=1+1", "+2+3", "-4+5", "@SUM(A1)", "=HYPERLINK(\"http://example.com\",\"x\")", "=1+1\n=2"]


@pytest.fixture(scope="module")
def formulas_xlsx(tmp_path_factory) -> Path:
    """The workbook of a package whose texts look like formulas."""
    folder = tmp_path_factory.mktemp("formulas")
    files = export_files(load(tiny_package(folder / "tiny", FORMULAS)), ["xlsx"])
    (folder / "tiny.xlsx").write_bytes(files["tiny.xlsx"])
    return folder / "tiny.xlsx"


@pytest.fixture(scope="module")
def as_libreoffice_reads(exported, formulas_xlsx, tmp_path_factory) -> dict[str, dict[str, list[list[str]]]]:
    return libreoffice_csvs([exported / f"{STEM}.xlsx", formulas_xlsx], tmp_path_factory.mktemp("libreoffice"))


def test_libreoffice_reads_the_workbook_as_the_csvs(as_libreoffice_reads, built):
    sheets = as_libreoffice_reads[STEM]
    for resource in SCHEMAS:
        header, rows = csv_rows(built, resource)
        # A spreadsheet shows a boolean cell as TRUE or FALSE.
        booleans = [i for i, f in enumerate(fields_of(resource)) if f["type"] == "boolean"]
        rows = [[cell.upper() if i in booleans else cell for i, cell in enumerate(row)] for row in rows]
        assert sheets[resource] == [header, *rows], resource


def test_text_that_looks_like_a_formula_stays_text(formulas_xlsx, as_libreoffice_reads):
    from openpyxl import load_workbook

    ws = load_workbook(formulas_xlsx)["notes"]
    assert [ws.cell(row=r, column=2).value for r in range(2, len(FORMULAS) + 2)] == FORMULAS
    assert all(ws.cell(row=r, column=2).data_type == "s" for r in range(2, len(FORMULAS) + 2))
    assert [row[1] for row in as_libreoffice_reads["tiny"]["notes"][1:]] == FORMULAS


# --- SQLite and Datasette -------------------------------------------------------------------

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT", "boolean": "INTEGER"}


@pytest.fixture(scope="module")
def database(exported):
    connection = sqlite3.connect(exported / f"{STEM}.db")
    yield connection
    connection.close()


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_sqlite_table_matches_schema_and_csv(database, built, resource):
    schema = SCHEMAS[resource]
    info = database.execute(f'PRAGMA table_info("{resource}")').fetchall()
    assert [(c[1], c[2]) for c in info] == [(f["name"], SQL_TYPES[f["type"]]) for f in schema["fields"]]
    assert [c[1] for c in sorted(info, key=lambda c: c[5]) if c[5]] == schema["primaryKey"]
    required = {f["name"] for f in schema["fields"] if f.get("constraints", {}).get("required")}
    assert {c[1] for c in info if c[3]} == required
    declared = sorted((fk["fields"][0], fk["reference"]["resource"], fk["reference"]["fields"][0]) for fk in schema["foreignKeys"])
    actual = sorted((r[3], r[2], r[4]) for r in database.execute(f'PRAGMA foreign_key_list("{resource}")'))
    assert actual == declared
    header, rows = csv_rows(built, resource)
    stored = database.execute(f'SELECT * FROM "{resource}" ORDER BY rowid').fetchall()
    assert len(stored) == len(rows)
    for row, values in zip(rows, stored, strict=True):
        for raw, value, field in zip(row, values, schema["fields"], strict=True):
            assert_same_value(value, raw, field, dates_as="text", where=f"{resource}.{field['name']}")


def test_sqlite_foreign_keys_resolve_and_are_indexed(database):
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    for resource, schema in SCHEMAS.items():
        indexed = {tuple(c[2] for c in database.execute(f'PRAGMA index_info("{i[1]}")'))
                   for i in database.execute(f'PRAGMA index_list("{resource}")')}
        for fk in schema["foreignKeys"]:
            assert any(cols[: len(fk["fields"])] == tuple(fk["fields"]) for cols in indexed), (resource, fk["fields"])


def test_sqlite_refuses_a_value_outside_the_enum(exported, built, tmp_path):
    """Every enum column, on a row that has a value: another listed value passes, an unlisted one is refused."""
    copy = tmp_path / "copy.db"
    shutil.copy(exported / f"{STEM}.db", copy)
    connection = sqlite3.connect(copy)
    enums = [(r["name"], f["name"], f["constraints"]["enum"]) for r in json.loads((built / "datapackage.json").read_text())["resources"]
             if isinstance(r.get("schema"), dict) for f in r["schema"]["fields"] if "enum" in f.get("constraints", {})]
    assert len(enums) >= 10
    for table, column, allowed in enums:
        where = f'rowid = (SELECT min(rowid) FROM "{table}" WHERE "{column}" IS NOT NULL)'
        connection.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}', (allowed[-1],))
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {where}', (allowed[-1] + "x",))
    connection.close()


def test_datasette_serves_a_documented_site(exported, built):
    from datasette.app import Datasette

    metadata = json.loads((exported / "metadata.json").read_text("utf-8"))
    descriptor = json.loads((built / "datapackage.json").read_text())
    assert metadata["license"] == "CC-BY-4.0"
    assert metadata["title"] == descriptor["title"]

    async def fetch():
        site = Datasette([str(exported / f"{STEM}.db")], metadata=metadata)
        index = await site.client.get("/")
        table = await site.client.get(f"/{STEM}/quotes")
        rows = await site.client.get(f"/{STEM}/quotes.json?_shape=array&_size=max")
        return index, table, rows

    index, table, rows = asyncio.run(fetch())
    assert index.status_code == table.status_code == rows.status_code == 200
    assert descriptor["title"] in index.text and "CC-BY-4.0" in index.text
    quotes = next(r for r in descriptor["resources"] if r["name"] == "quotes")
    assert quotes["description"] in table.text
    speaker = next(f for f in quotes["schema"]["fields"] if f["name"] == "speaker_person_id")
    assert speaker["description"] in table.text
    header, csv_quotes = csv_rows(built, "quotes")
    assert sorted(r["quote_id"] for r in rows.json()) == sorted(r[0] for r in csv_quotes)


def test_duckdb_reads_the_database_and_the_parquet(exported):
    import duckdb
    import duckdb_extension_sqlite_scanner

    extension = next(Path(duckdb_extension_sqlite_scanner.__file__).parent.glob("extensions/*/sqlite_scanner.duckdb_extension"))
    connection = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    connection.execute(f"LOAD '{extension}'")
    connection.execute(f"ATTACH '{exported / (STEM + '.db')}' AS db (TYPE sqlite, READ_ONLY)")
    from_db = connection.sql("SELECT q.quote_id, p.name FROM db.quotes q JOIN db.people p ON q.speaker_person_id = p.person_id ORDER BY 1").fetchall()
    from_parquet = connection.sql(
        f"SELECT q.quote_id, p.name FROM read_parquet('{exported / 'parquet/quotes.parquet'}') q "
        f"JOIN read_parquet('{exported / 'parquet/people.parquet'}') p ON q.speaker_person_id = p.person_id ORDER BY 1").fetchall()
    assert from_db == from_parquet and len(from_db) > 0
    kinds = dict(connection.sql(f"DESCRIBE SELECT * FROM read_parquet('{exported / 'parquet/events.parquet'}')").fetchall()[i][:2]
                 for i in range(len(SCHEMAS["events"]["fields"])))
    assert kinds["start_date"] == "DATE"


# --- Parquet and JSON -----------------------------------------------------------------------

ARROW_TYPES = {"string": "string", "integer": "int64", "number": "double", "date": "date32[day]", "boolean": "bool"}


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_parquet_matches_schema_and_csv(exported, built, resource):
    import pyarrow.parquet as pq

    table = pq.read_table(exported / "parquet" / f"{resource}.parquet")
    fields = fields_of(resource)
    assert [(f.name, str(f.type)) for f in table.schema] == [(f["name"], ARROW_TYPES[f["type"]]) for f in fields]
    assert [f.metadata[b"description"].decode() for f in table.schema] == [f["description"] for f in fields]
    header, rows = csv_rows(built, resource)
    records = table.to_pylist()
    assert len(records) == len(rows)
    for row, record in zip(rows, records, strict=True):
        for raw, field in zip(row, fields, strict=True):
            assert_same_value(record[field["name"]], raw, field, where=f"{resource}.{field['name']}")


@pytest.mark.parametrize("resource", sorted(SCHEMAS))
def test_json_matches_csv(exported, built, resource):
    records = json.loads((exported / "json" / f"{resource}.json").read_text("utf-8"))
    header, rows = csv_rows(built, resource)
    assert len(records) == len(rows)
    for row, record in zip(rows, records, strict=True):
        assert list(record) == header
        for raw, field in zip(row, fields_of(resource), strict=True):
            assert_same_value(record[field["name"]], raw, field, dates_as="text", where=f"{resource}.{field['name']}")


# --- the command ----------------------------------------------------------------------------

def test_export_command_writes_only_the_formats_asked_for(built, tmp_path):
    result = runner.invoke(app, ["export", str(built / "datapackage.json"), "--format", "json", "--format", "sqlite", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted([f"{STEM}.db", "metadata.json", *(f"json/{r}.json" for r in [*SCHEMAS, TEXTS])])


def test_export_refuses_an_invalid_package(package_copy, tmp_path):
    from test_validate import edit_csv

    edit_csv(package_copy, "quotes", lambda rows: rows[0].update(char_start="many"))
    result = runner.invoke(app, ["export", str(package_copy / "datapackage.json"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "not valid" in result.output and "char_start" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value, formats", [("99999999999999999999", ["sqlite", "parquet"]), ("NaN", ["json"])])
def test_values_a_format_cannot_hold_are_refused_clearly(tmp_path, value, formats):
    from strikedata.exports import ExportError

    folder = tmp_path / "big"
    folder.mkdir()
    kind = "integer" if value.isdigit() else "number"
    (folder / "t.csv").write_text(f"n\n{value}\n")
    (folder / "datapackage.json").write_text(json.dumps({"name": "big", "resources": [
        {"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "n", "type": kind}]}}]}))
    for fmt in formats:
        with pytest.raises(ExportError, match=fmt):
            export_files(load(folder / "datapackage.json"), [fmt])


# --- a column at a time, as the cell-by-cell writers did ------------------------------------
# The exports convert and write a column at a time (xlsx rows as XML, JSON laid out by a format);
# each is held here to the cell-by-cell way it replaced, on the cells that part ways most easily.

ODD_CELLS = {
    "integer": ["0", "-0", "+5", "007", "9007199254740993", "123456789012345678901", ""],
    "number": ["1.", ".5", "1e5", "-0.0", "1e-7", "2800", "0.1", "1E+300", "-2.5e-310", "12345678901234567", "NaN", "-inf", ""],
    "boolean": ["true", "false", "True", "FALSE", "1", "0", ""],
    "date": ["1900-01-15", "1899-12-31", "1900-02-28", "1900-03-01", "0001-01-01", "9999-12-31", "1900-01-15", ""],
    "datetime": ["2022-03-23T10:00:00Z", "2022-03-23T10:00:00.123456", "2022-03-23T10:00:00+02:00", "1900-01-01T00:00:01", ""],
    "string": [" lead", "trail ", "  ", "&<>\"'", "a\nb", "a\r\nb", "\u00a0x", "\u2028x", "✓😀", "=1+1", "a]]>b", "%s %d", "",
               "a text long enough to wrap in its column, " * 3],  # rows of their own height
}
ODD_FIELDS = [{"name": kind, "type": kind} for kind in ODD_CELLS] + [
    {"name": "yes_no", "type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]},
    {"name": "day_month", "type": "date", "format": "%d/%m/%Y"},
    {"name": "year", "type": "year"}, {"name": "time", "type": "time"}, {"name": "object", "type": "object"},
]


def odd_package(folder: Path, rows: int = 60, number_cells: list[str] | None = None) -> Path:
    """A table of every type, its cells drawn from ODD_CELLS; one row and one column all blank."""
    extra = {"yes_no": ["yes", "no", ""], "day_month": ["23/03/2022", ""], "year": ["2022", ""], "time": ["10:00:00", ""],
             "object": ['{"a": 1}', ""]}
    cells = {**ODD_CELLS, "number": number_cells or ODD_CELLS["number"], **extra}
    folder.mkdir(parents=True)
    with (folder / "odd.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow([f["name"] for f in ODD_FIELDS] + ["blank"])
        for r in range(rows):
            row = [cells[f["name"]][(r * (i + 1)) % len(cells[f["name"]])] for i, f in enumerate(ODD_FIELDS)]
            writer.writerow([""] * len(row) + [""] if r == 7 else row + [""])
    descriptor = {"name": "odd", "created": "2024-05-06T07:08:09Z", "resources": [{
        "name": "odd", "path": "odd.csv", "schema": {"fields": [*ODD_FIELDS, {"name": "blank", "type": "string"}]}}]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    return folder / "datapackage.json"


def shown(values: list) -> list[str]:
    return [f"{type(v).__name__} {v!r}" for v in values]  # NaN is not equal to itself, nor True to 1 by type


@pytest.mark.parametrize("field", ODD_FIELDS, ids=lambda f: f["name"])
def test_a_column_converts_as_its_cells_do(field):
    from strikedata.exports import typed_column
    from strikedata.validator.fields import python_value

    cells = ODD_CELLS.get(field["type"], ODD_CELLS["string"]) if field["name"] in ODD_CELLS else {
        "yes_no": ["yes", "no", "", "maybe"], "day_month": ["23/03/2022", ""], "year": ["2022", ""],
        "time": ["10:00:00", ""], "object": ['{"a": 1}', ""]}[field["name"]]
    assert shown(typed_column(cells, field)) == shown([python_value(c, field) for c in cells])


def test_the_first_bad_cell_in_reading_order_is_the_one_reported(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "t.csv").write_text("s,i,n\na,1,x\nb,zz,2\n")  # row 1's number comes before row 2's integer
    (folder / "datapackage.json").write_text(json.dumps({"name": "bad", "resources": [{"name": "t", "path": "t.csv", "schema": {
        "fields": [{"name": "s"}, {"name": "i", "type": "integer"}, {"name": "n", "type": "number"}]}}]}))
    from strikedata.exports import ExportError

    with pytest.raises(ExportError, match="could not convert string to float: 'x'"):
        export_files(load(folder / "datapackage.json"), ["json"])


def test_xlsx_rows_written_as_xml_are_what_openpyxl_writes(built, tmp_path, monkeypatch):
    from strikedata import exports
    from strikedata.exports import sheet_rows

    def as_openpyxl(*args):  # the XML rows may not fall back to openpyxl's cell-by-cell writing here
        try:
            return real(*args)
        except sheet_rows.NotAsOpenpyxlWrites:
            raise AssertionError("the probe cells came out otherwise than openpyxl writes them") from None

    real = sheet_rows._filled_sheet
    monkeypatch.setattr(sheet_rows, "_filled_sheet", as_openpyxl)
    for descriptor in (built / "datapackage.json", odd_package(tmp_path / "odd")):
        package = load(descriptor)
        tables = exports.typed_tables(package)
        assert exports.workbook_bytes(package, tables) == exports.workbook_bytes(package, tables, cell_by_cell=True), descriptor


def test_the_workbooks_character_classes_are_pythons_and_openpyxls():
    """Arrow's RE2 tells white space (str.strip's) and the characters openpyxl refuses as Python does."""
    import sys

    import pyarrow as pa
    import pyarrow.compute as pc
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from strikedata.exports.sheet_rows import WHITE_SPACE
    from strikedata.exports.workbook import UNSTORABLE

    chars = [chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000]
    text = pa.array(chars, type=pa.large_string())
    assert pc.match_substring_regex(text, f"^{WHITE_SPACE}$").to_pylist() == [c.isspace() for c in chars]
    assert pc.match_substring_regex(text, UNSTORABLE).to_pylist() == [bool(ILLEGAL_CHARACTERS_RE.search(c)) for c in chars]


@pytest.mark.parametrize("cells, message", [
    ([["ok", "fine"], ["a\x01b", "x" * 40_000]], "row 3: a control character"),  # the first cell of the row decides
    ([["ok", "fine"], ["ab", "x" * 40_000], ["a\x01b", "c"]], "row 3: a text of 40000 characters"),
    ([["ok", "fine"]] * 20 + [["a\x01b", "fine"]], "row 22: a control character"),  # a column that repeats its texts
])
def test_xlsx_reports_the_first_cell_it_cannot_hold(tmp_path, cells, message):
    from strikedata.exports import ExportError

    folder = tmp_path / "cells"
    folder.mkdir()
    with (folder / "t.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([["s", "t"], *cells])
    (folder / "datapackage.json").write_text(json.dumps({"name": "cells", "resources": [
        {"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "s"}, {"name": "t"}]}}]}))
    with pytest.raises(ExportError, match=message):
        export_files(load(folder / "datapackage.json"), ["xlsx"])


def test_json_is_laid_out_as_json_dumps_does(built, tmp_path):
    from strikedata.exports import typed_tables
    from strikedata.exports.columnar import _json_records, json_bytes

    finite = [c for c in ODD_CELLS["number"] if c.lower() not in ("nan", "-inf")]
    for descriptor in (built / "datapackage.json", odd_package(tmp_path / "odd", number_cells=finite)):
        for table in typed_tables(load(descriptor)):
            assert json_bytes(table) == _json_records(table), table.name
    # The number column reads "1", "NaN", "-inf", ... (row r takes cell 2r): NaN is met first.
    with pytest.raises(ValueError, match="not JSON compliant: nan"):
        json_bytes(typed_tables(load(odd_package(tmp_path / "nan", number_cells=["1", "-inf", "NaN"])))[0])


def test_sqlite_rows_are_the_cells_values(tmp_path):
    from strikedata.exports import typed_tables
    from strikedata.exports.sqlite import _sql_rows, _sql_value

    table = typed_tables(load(odd_package(tmp_path / "odd")))[0]
    assert list(_sql_rows(table)) == [tuple(_sql_value(v) for v in row) for row in table.rows]
