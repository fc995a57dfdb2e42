"""Every code block of the release README, run as printed against the files of a release archive:
Python blocks in the unzipped folder, SQL blocks through sqlite3 or DuckDB, shell blocks through a
shell. Each block's result is checked against the CSV files read here with the csv module.

The loading recipe (strikedata.load.load_package, printed in the README) is checked against every
column's declared type, value by value.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from strikedata.exports import export_files, release_moment
from strikedata.packages import load
from strikedata.release import archive_entries, checksums
from strikedata.zips import zip_bytes, zip_time

from conftest import ROOT

RECIPE = re.compile(r"<!-- recipe: ([a-z0-9-]+) -->\n```(\w+)\n(.*?)\n```\n", re.DOTALL)
BIN = Path(sys.executable).parent  # the venv's datasette


@dataclass
class Unzipped:
    """A release archive made from the built package as `strikedata release` makes it, downloaded
    beside SHA256SUMS and unzipped."""

    folder: Path  # the archive's top folder, holding datapackage.json
    downloads: Path  # the zip and SHA256SUMS
    archive: Path
    names: list[str]  # the entries, relative to `folder`
    readme: str


_made: dict[Path, Unzipped] = {}


def unzip_release(built: Path, where: Path) -> Unzipped:
    """The archive of `built`, made once per test session (test_data_readme reads it too)."""
    if built not in _made:
        package = load(built / "datapackage.json")
        entries = archive_entries(ROOT, package, export_files(package))
        downloads = where / "downloads"
        downloads.mkdir(parents=True)
        archive = downloads / f"{package.name}-{package.version}.zip"
        archive.write_bytes(zip_bytes(entries, zip_time(release_moment(package.descriptor))))
        # SHA256SUMS lists every release; a user downloads one of them.
        (downloads / "other.zip").write_bytes(b"an earlier release")
        sums = checksums(downloads)
        (downloads / "other.zip").unlink()
        (downloads / "SHA256SUMS").write_text(sums)
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(where / "unzipped")
        top = entries[0][0].split("/")[0]
        folder = where / "unzipped" / top
        _made[built] = Unzipped(folder, downloads, archive, [name.split("/", 1)[1] for name, _ in entries],
                                (folder / "README.md").read_text("utf-8"))
    return _made[built]


# One worker makes the release archive and runs every test that reads it (make test: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("unzipped-release")

@pytest.fixture(scope="module")
def unzipped(built, tmp_path_factory) -> Unzipped:
    return unzip_release(built, tmp_path_factory.mktemp("release"))


def recipes(readme: str) -> dict[str, tuple[str, str]]:
    """{name: (language, code)} of the README's named blocks."""
    found: dict[str, tuple[str, str]] = {}
    for match in RECIPE.finditer(readme):
        assert match.group(1) not in found, f"two recipes named {match.group(1)}"
        found[match.group(1)] = (match.group(2), match.group(3))
    return found


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def schema_of(folder: Path, table: str) -> dict:
    descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
    return next(r["schema"] for r in descriptor["resources"] if r["name"] == table)


def usd_largest(folder: Path) -> float:
    return max(float(o["value"]) for o in rows(folder, "offers") if o["unit"] == "usd" and o["value"])


def quoted_by_people(folder: Path) -> list[dict[str, str]]:
    return [q for q in rows(folder, "quotes") if q["speaker_person_id"]]


# --- running a block as printed -----------------------------------------------------------------

def run_python(code: str, folder: Path, readme: str, monkeypatch) -> dict:
    """The block run in `folder`, in a namespace of its own; a block that calls load_package (the
    function the README prints first) runs after that block, as a reader would paste both."""
    monkeypatch.chdir(folder)
    namespace: dict = {"__name__": "__readme__"}
    if "load_package(" in code and "def load_package" not in code:
        exec(compile(recipes(readme)["load"][1], "README.md:load", "exec"), namespace)
    exec(compile(code, "README.md", "exec"), namespace)
    return namespace


def run_sqlite(code: str, folder: Path, database: str) -> list[sqlite3.Row]:
    connection = sqlite3.connect(f"file:{folder / 'exports' / database}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute(code).fetchall()
    finally:
        connection.close()


def run_duckdb(code: str, folder: Path, monkeypatch) -> tuple[list[str], list[tuple]]:
    import duckdb

    monkeypatch.chdir(folder)
    connection = duckdb.connect()
    try:
        relation = connection.sql(code)
        return list(relation.columns), relation.fetchall()
    finally:
        connection.close()


def run_shell(code: str, cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = code if not extra else shlex.join([*shlex.split(code), *extra])
    return subprocess.run(command, shell=True, cwd=cwd, env=environment, capture_output=True, text=True, timeout=60)


# --- what each recipe must give ---------------------------------------------------------------

def check_load(u: Unzipped, code: str, monkeypatch) -> None:
    tables = run_python(code, u.folder, u.readme, monkeypatch)["tables"]
    assert_declared_types(u.folder, tables)


def check_pandas(u: Unzipped, code: str, monkeypatch) -> None:
    ns = run_python(code, u.folder, u.readme, monkeypatch)
    assert isinstance(ns["usd"], float) and ns["usd"] == usd_largest(u.folder)  # compared as numbers, not as text
    per_month = ns["per_month"]
    assert isinstance(per_month.index, pd.PeriodIndex)
    events = rows(u.folder, "events")
    assert int(per_month.sum()) == len(events)
    assert {str(p) for p in per_month.index} == {e["start_date"][:7] for e in events}


def check_parquet(u: Unzipped, code: str, monkeypatch) -> None:
    events = run_python(code, u.folder, u.readme, monkeypatch)["events"]
    for field in schema_of(u.folder, "events")["fields"]:
        column = events[field["name"]]
        if field["type"] == "date":
            assert pd.api.types.is_datetime64_any_dtype(column), f"{field['name']} is {column.dtype}: .dt fails"
        elif field["type"] == "integer":
            assert str(column.dtype) == "Int64", (field["name"], column.dtype)
    assert len(events) == len(rows(u.folder, "events"))


def check_csv(u: Unzipped, code: str, monkeypatch) -> None:
    ns = run_python(code, u.folder, u.readme, monkeypatch)
    assert len(ns["offers"]) == len(rows(u.folder, "offers"))
    assert ns["usd"] == usd_largest(u.folder)


def check_verify_python(u: Unzipped, code: str, monkeypatch) -> None:
    assert run_python(code, u.folder, u.readme, monkeypatch)["checked"] == len(rows(u.folder, "quotes"))


def check_hashes(u: Unzipped, code: str, monkeypatch) -> None:
    run_python(code, u.folder, u.readme, monkeypatch)  # its asserts pass
    descriptor = json.loads((u.folder / "datapackage.json").read_text("utf-8"))
    assert all(r.get("hash") for r in descriptor["resources"])  # nothing left unchecked
    target = u.folder / descriptor["resources"][0]["path"]
    original = target.read_bytes()
    try:  # and a changed file fails it
        target.write_bytes(original + b"\n")
        with pytest.raises(AssertionError):
            run_python(code, u.folder, u.readme, monkeypatch)
    finally:
        target.write_bytes(original)


def speaker_counts(u: Unzipped) -> dict[str, int]:
    names = {p["person_id"]: p["name"] for p in rows(u.folder, "people")}
    counts: dict[str, int] = {}
    for quote in quoted_by_people(u.folder):
        counts[names[quote["speaker_person_id"]]] = counts.get(names[quote["speaker_person_id"]], 0) + 1
    return counts


def check_duckdb_quotes(u: Unzipped, code: str, monkeypatch) -> None:
    _, result = run_duckdb(code, u.folder, monkeypatch)
    assert dict(result) == speaker_counts(u)
    assert [n for _, n in result] == sorted((n for _, n in result), reverse=True)


def check_duckdb_months(u: Unzipped, code: str, monkeypatch) -> None:
    _, result = run_duckdb(code, u.folder, monkeypatch)
    assert all(isinstance(month, dt.date) for month, _ in result)  # dates, not text
    expected: dict[str, int] = {}
    for event in rows(u.folder, "events"):
        expected[event["start_date"][:7]] = expected.get(event["start_date"][:7], 0) + 1
    assert {month.isoformat()[:7]: n for month, n in result} == expected


def check_verify_duckdb(u: Unzipped, code: str, monkeypatch) -> None:
    _, result = run_duckdb(code, u.folder, monkeypatch)
    assert sorted(quote_id for quote_id, _ in result) == sorted(q["quote_id"] for q in rows(u.folder, "quotes"))
    assert all(found is True for _, found in result)


def check_sqlite_offers(u: Unzipped, code: str, monkeypatch) -> None:
    result = run_sqlite(code, u.folder, database(u))
    assert all(isinstance(r["largest"], (int, float)) and r["smallest"] <= r["largest"] for r in result)  # REAL values
    assert sum(r["items"] for r in result) == sum(1 for o in rows(u.folder, "offers") if o["value"])
    assert next(r["largest"] for r in result if r["unit"] == "usd") == usd_largest(u.folder)


def check_sqlite_quotes(u: Unzipped, code: str, monkeypatch) -> None:
    result = run_sqlite(code, u.folder, database(u))
    names = {p["person_id"]: p["name"] for p in rows(u.folder, "people")}
    expected = sorted((names[q["speaker_person_id"]], q["text"]) for q in quoted_by_people(u.folder))
    assert sorted((r["name"], r["text"]) for r in result) == expected


def check_verify_sqlite(u: Unzipped, code: str, monkeypatch) -> None:
    result = run_sqlite(code, u.folder, database(u))
    assert sorted(r["quote_id"] for r in result) == sorted(q["quote_id"] for q in rows(u.folder, "quotes"))
    assert all(r["found"] == 1 for r in result)


def check_sqlite_context(u: Unzipped, code: str, monkeypatch) -> None:
    result = run_sqlite(code, u.folder, database(u))
    assert len(result) == min(5, len(rows(u.folder, "quotes")))
    columns = result[0].keys() if result else []  # a Row's `in` looks at its values, not its names
    if "matches" in columns:
        assert all(r["matches"] == 1 for r in result)


def check_datasette(u: Unzipped, code: str, monkeypatch) -> None:
    """Served as printed; asked for one table (--get makes the request without opening a port)."""
    stem = database(u).removesuffix(".db")
    result = run_shell(code, u.folder, "--get", f"/{stem}/quotes.json?_shape=array&_size=max")
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout)
    assert sorted(q["quote_id"] for q in served) == sorted(q["quote_id"] for q in rows(u.folder, "quotes"))


def check_sums(u: Unzipped, code: str, monkeypatch) -> None:
    result = run_shell(code, u.downloads)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{u.archive.name}: OK" in result.stdout
    assert hashlib.sha256(u.archive.read_bytes()).hexdigest() in (u.downloads / "SHA256SUMS").read_text()


def database(u: Unzipped) -> str:
    return next(n for n in u.names if n.startswith("exports/") and n.endswith(".db")).removeprefix("exports/")


CHECKS: dict[str, Callable[[Unzipped, str, pytest.MonkeyPatch], None]] = {
    "load": check_load, "pandas": check_pandas, "parquet": check_parquet, "csv": check_csv,
    "duckdb-quotes": check_duckdb_quotes, "duckdb-months": check_duckdb_months,
    "sqlite-offers": check_sqlite_offers, "sqlite-quotes": check_sqlite_quotes, "datasette": check_datasette,
    "verify-python": check_verify_python, "verify-sqlite": check_verify_sqlite, "sqlite-context": check_sqlite_context,
    "verify-duckdb": check_verify_duckdb, "sha256sum": check_sums, "shasum": check_sums, "hashes": check_hashes,
}


def sqlite_objects(u: Unzipped) -> set[str]:
    connection = sqlite3.connect(f"file:{u.folder / 'exports' / database(u)}?mode=ro", uri=True)
    try:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    finally:
        connection.close()


def test_every_code_block_is_a_checked_recipe(unzipped):
    readme = unzipped.readme
    fences = [line for line in readme.splitlines() if line.startswith("```")]
    assert len(fences) == 2 * len(recipes(readme)), "a code block without its <!-- recipe: NAME --> line"
    assert set(recipes(readme)) <= set(CHECKS)
    # The SQLite recipes on the texts are there exactly when the database has the texts (and views).
    objects = sqlite_objects(unzipped)
    expected = set(CHECKS) - ({"verify-sqlite"} if "texts" not in objects else set()) \
        - ({"sqlite-context"} if not any(o.endswith("_in_context") for o in objects) else set())
    assert set(recipes(readme)) == expected


@pytest.mark.parametrize("name", CHECKS)
def test_recipe_runs_as_printed(name, unzipped, monkeypatch):
    found = recipes(unzipped.readme)
    if name not in found:  # a recipe for what this package's exports lack: its absence is checked above
        assert name in ("verify-sqlite", "sqlite-context")
        return
    language, code = found[name]
    assert language in ("python", "sql", "sh")
    CHECKS[name](unzipped, code, monkeypatch)


# --- the loading function -------------------------------------------------------------------------

PANDAS_TYPES = {"integer": "Int64", "year": "Int64", "number": "float64", "boolean": "boolean", "string": "string"}


def typed(raw: str, field: dict) -> object:
    """A CSV cell as its declared type, read here without pandas."""
    kind = field.get("type", "string")
    if kind in ("integer", "year"):
        return int(raw)
    if kind == "number":
        return float(raw)
    if kind == "boolean":
        return raw in field.get("trueValues", ["true", "True", "TRUE", "1"])
    if kind == "date":
        return dt.date.fromisoformat(raw)
    return raw


def assert_declared_types(folder: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Each table of the package, each column of its declared type, each value the CSV's."""
    descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
    resources = [r for r in descriptor["resources"] if r.get("schema")]
    assert sorted(tables) == sorted(r["name"] for r in resources)
    for resource in resources:
        frame, source = tables[resource["name"]], rows(folder, resource["name"])
        assert len(frame) == len(source)
        for field in resource["schema"]["fields"]:
            column, kind = frame[field["name"]], field.get("type", "string")
            if kind in ("date", "datetime"):
                assert pd.api.types.is_datetime64_any_dtype(column), (resource["name"], field["name"], column.dtype)
            else:
                assert str(column.dtype) == PANDAS_TYPES.get(kind, "string"), (resource["name"], field["name"], column.dtype)
            for value, row in zip(column, source, strict=True):
                raw = row[field["name"]]
                if raw == "":
                    assert pd.isna(value), (resource["name"], field["name"], value)
                else:
                    got = value.date() if kind == "date" else value
                    assert got == typed(raw, field), (resource["name"], field["name"], raw, value)


def test_load_package_gives_every_column_its_declared_type(built):
    from strikedata.load import load_package

    assert_declared_types(built, load_package(str(built / "datapackage.json")))


def test_load_package_reads_a_schema_file_and_booleans(tmp_path):
    """What this package does not exercise: a schema by path, booleans with their own values, a
    missing value of its own."""
    from strikedata.load import load_package

    (tmp_path / "t.csv").write_text("id,ok,n,when\n1,yes,2.5,2022-03-23\n2,no,-,\n3,,NA,2022-03-30\n")
    schema = {"fields": [{"name": "id", "type": "integer"}, {"name": "ok", "type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]},
                         {"name": "n", "type": "number"}, {"name": "when", "type": "date"}], "missingValues": ["", "-", "NA"]}
    (tmp_path / "t.schema.json").write_text(json.dumps(schema))
    (tmp_path / "datapackage.json").write_text(json.dumps({"resources": [
        {"name": "t", "path": "t.csv", "schema": "t.schema.json"}, {"name": "notes", "path": "notes.txt"}]}))
    frame = load_package(str(tmp_path / "datapackage.json"))["t"]
    assert [str(t) for t in frame.dtypes][:3] == ["Int64", "boolean", "float64"]
    assert pd.api.types.is_datetime64_any_dtype(frame["when"])
    assert frame["ok"].tolist()[:2] == [True, False] and pd.isna(frame["ok"][2])
    assert pd.isna(frame["n"][1]) and pd.isna(frame["n"][2]) and frame["n"][0] == 2.5
    assert frame["when"].dt.day.tolist()[0] == 23 and pd.isna(frame["when"][1])
