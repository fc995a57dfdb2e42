"""The package's texts in every format that holds tables (SQLite, Parquet, JSON), and each span shown
in its text: a quote reproduced from its offsets in SQLite (the `<table>_in_context` views) and in
DuckDB reading the Parquet files, checked against Python's own slicing of the text files.

Which tables hold spans is read from the schemas (the fields typed oa:exact, oa:start, oa:end), as
the exporter reads it, so a new table with spans is covered without a change here.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from strikedata.exports import ExportError, export_files, texts_table, typed_tables, write_exports
from strikedata.packages import load
from strikedata.registry import SPAN_END, SPAN_EXACT, SPAN_START

STEM = "sacramento-2022-school-strike"
SPANS = (SPAN_EXACT, SPAN_START, SPAN_END)
# How the README tells data users to cut a span out of its text (0-based code points, end excluded).
SQLITE_SPAN = "substr(x.text, s.{start} + 1, s.{end} - s.{start})"
DUCKDB_SPAN = "substring(x.text, s.{start} + 1, s.{end} - s.{start})"


def span_tables(descriptor: dict) -> dict[str, dict]:
    """{table: {rdfType: column}} for every table whose fields declare a whole span."""
    out = {}
    for resource in descriptor["resources"]:
        fields = resource["schema"]["fields"] if isinstance(resource.get("schema"), dict) else []
        typed = {f["rdfType"]: f["name"] for f in fields if f.get("rdfType") in SPANS}
        if len(typed) == 3:
            out[resource["name"]] = {"key": resource["schema"]["primaryKey"], **typed}
    return out


@pytest.fixture(scope="module")
def exported(built: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("texts-exports")
    write_exports(export_files(load(built / "datapackage.json"), formats=("sqlite", "parquet", "json")), out)
    return out


@pytest.fixture(scope="module")
def descriptor(built: Path) -> dict:
    return json.loads((built / "datapackage.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def texts(built: Path, descriptor: dict) -> dict[str, str]:
    """{article_id: text}, read from the files the articles table names, the way a data user would."""
    articles = next(r for r in descriptor["resources"] if r["name"] == "articles")
    with (built / articles["path"]).open(newline="", encoding="utf-8") as handle:
        return {row["article_id"]: (built / row["text_path"]).read_bytes().decode("utf-8") for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def database(exported: Path):
    connection = sqlite3.connect(exported / f"{STEM}.db")
    yield connection
    connection.close()


def expected_texts(built: Path, texts: dict[str, str]) -> list[tuple]:
    return sorted((aid, f"texts/{aid}.txt", hashlib.sha256((built / "texts" / f"{aid}.txt").read_bytes()).hexdigest(), text)
                  for aid, text in texts.items())


# --- the texts table -------------------------------------------------------------------------

def test_every_format_holds_every_text_with_its_hash(exported, built, texts, database):
    import pyarrow.parquet as pq

    expected = expected_texts(built, texts)
    assert len(expected) == len(list((built / "texts").glob("*.txt"))) > 0
    columns = ["article_id", "path", "sha256", "text"]
    assert database.execute("SELECT * FROM texts ORDER BY article_id").fetchall() == expected
    assert [tuple(r[c] for c in columns) for r in pq.read_table(exported / "parquet/texts.parquet").to_pylist()] == expected
    records = json.loads((exported / "json/texts.json").read_text("utf-8"))
    assert [list(r) for r in records] == [columns] * len(expected)
    assert [tuple(r.values()) for r in records] == expected


def test_the_texts_hashes_are_the_articles_hashes(database):
    """texts.sha256 is what articles.text_sha256 records, row for row through the foreign key."""
    pairs = database.execute("SELECT t.sha256, a.text_sha256 FROM texts t JOIN articles a USING (article_id)").fetchall()
    assert pairs and all(ours == theirs for ours, theirs in pairs)
    assert len(pairs) == database.execute("SELECT count(*) FROM articles").fetchone()[0]


def test_sqlite_texts_are_keyed_and_linked_to_articles(database):
    info = database.execute("PRAGMA table_info(texts)").fetchall()
    assert [(c[1], c[2], bool(c[3]), c[5]) for c in info] == [
        ("article_id", "TEXT", True, 1), ("path", "TEXT", True, 0), ("sha256", "TEXT", True, 0), ("text", "TEXT", True, 0)]
    assert [(r[2], r[3], r[4]) for r in database.execute("PRAGMA foreign_key_list(texts)")] == [("articles", "article_id", "article_id")]
    assert database.execute("PRAGMA foreign_key_check(texts)").fetchall() == []


def test_parquet_texts_are_declared_strings(exported):
    import pyarrow.parquet as pq

    schema = pq.read_schema(exported / "parquet/texts.parquet")
    assert [(f.name, str(f.type), f.nullable) for f in schema] == [
        ("article_id", "string", False), ("path", "string", False), ("sha256", "string", False), ("text", "string", False)]
    assert b"code points" in schema.field("text").metadata[b"description"]


# --- each span in its text -------------------------------------------------------------------

def test_every_span_table_has_a_view_with_every_row(database, descriptor):
    tables = span_tables(descriptor)
    assert {"quotes", "offer_mentions", "event_mentions"} <= set(tables)
    views = {r[0] for r in database.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    assert views == {f"{t}_in_context" for t in tables}
    for table in tables:
        assert database.execute(f"SELECT count(*) FROM {table}_in_context").fetchone() == database.execute(f"SELECT count(*) FROM {table}").fetchone()
        columns = [c[1] for c in database.execute(f"PRAGMA table_info({table}_in_context)")]
        assert columns[-4:] == ["text_at_offsets", "matches", "context_before", "context_after"]


def test_the_views_reproduce_each_span_as_python_slices_the_text(database, descriptor, texts):
    """Every row: text_at_offsets is text[start:end] of the file, it equals the stored exact text,
    matches is 1, and the context is the 80 characters either side."""
    checked = 0
    for table, span in span_tables(descriptor).items():
        exact, start, end = span[SPAN_EXACT], span[SPAN_START], span[SPAN_END]
        rows = database.execute(f"SELECT article_id, {exact}, {start}, {end}, text_at_offsets, matches, context_before, context_after "
                                f"FROM {table}_in_context").fetchall()
        for article_id, stored, s, e, at, matches, before, after in rows:
            text = texts[article_id]
            assert (at, matches) == (text[s:e], 1) and at == stored, (table, article_id, s, e)
            assert (before, after) == (text[max(0, s - 80):s], text[e:e + 80]), (table, article_id, s)
            checked += 1
    assert checked == sum(database.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in span_tables(descriptor))


def test_the_offsets_count_code_points_not_bytes(database, descriptor, texts):
    """The test above means something only if some span follows a character of several UTF-8 bytes
    (curly quotes, dashes): there, byte offsets would cut elsewhere, and the views still agree."""
    rows = database.execute("SELECT article_id, char_start, char_end, text FROM quotes").fetchall()
    shifted = [r for r in rows if len(texts[r[0]][: r[1]].encode("utf-8")) != r[1]]
    assert shifted
    for article_id, s, e, quote in shifted:
        assert texts[article_id].encode("utf-8")[s:e].decode("utf-8", "replace") != quote
    assert any(not q.isascii() for _, _, _, q in rows)


def test_the_documented_sqlite_expression_reproduces_every_quote(database, descriptor):
    """The expression the README gives, run as written over the tables (not the view)."""
    for table, span in span_tables(descriptor).items():
        cut = SQLITE_SPAN.format(start=span[SPAN_START], end=span[SPAN_END])
        wrong = database.execute(f"SELECT count(*), sum({cut} = s.{span[SPAN_EXACT]}) FROM {table} s "
                                 f"JOIN texts x ON x.article_id = s.article_id").fetchone()
        assert wrong[0] > 0 and wrong[0] == wrong[1], table


def test_duckdb_reproduces_every_span_from_the_parquet_files(exported, descriptor):
    import duckdb

    connection = duckdb.connect()
    texts = exported / "parquet" / "texts.parquet"
    for table, span in span_tables(descriptor).items():
        start = span[SPAN_START]
        cut = DUCKDB_SPAN.format(start=start, end=span[SPAN_END])
        rows = connection.sql(
            f"SELECT {cut}, s.{span[SPAN_EXACT]}, strlen(substring(x.text, 1, s.{start})) <> s.{start} "
            f"FROM read_parquet('{exported / 'parquet' / table}.parquet') s "
            f"JOIN read_parquet('{texts}') x ON x.article_id = s.article_id").fetchall()
        assert len(rows) == connection.sql(f"SELECT count(*) FROM read_parquet('{exported / 'parquet' / table}.parquet')").fetchone()[0]
        assert [cut for cut, _, _ in rows] == [exact for _, exact, _ in rows], table
        # Spans after a character of several UTF-8 bytes (strlen counts bytes) are among those reproduced.
        assert any(shifted for _, _, shifted in rows), table


# --- the texts table and the views, for any package --------------------------------------------

TEXT_A = "Intro. “Café — naïve” said Zoë.\n"
TEXT_B = "B’s text: “ok”."


def small_package(folder: Path, *, with_owner: bool = True, names: tuple[str, str] = ("a", "b")) -> Path:
    """A package of other names: `docs` names its text files in `file`, `notes` holds spans into them."""
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "a.txt").write_text(TEXT_A, "utf-8")
    (folder / "texts" / "b.txt").write_text(TEXT_B, "utf-8")
    start = TEXT_A.index("Café")
    files = {"a": "texts/a.txt", "b": "texts/b.txt"} if with_owner else {"a": "elsewhere/a.txt", "b": "texts/b.txt"}
    (folder / "docs.csv").write_text("doc_id,file,caption\n" + "".join(f"{n},{files[k]},Doc {n}\n" for k, n in zip("ab", names, strict=True)))
    (folder / "notes.csv").write_text(f"note_id,doc_id,quote,begin,finish\nn1,{names[0]},Café — naïve,{start},{start + 12}\n"
                                      f"n2,{names[1]},ok,{TEXT_B.index('ok')},{TEXT_B.index('ok') + 2}\n")
    string = {"type": "string"}
    descriptor = {"name": "small", "resources": [
        {"name": "docs", "path": "docs.csv", "schema": {
            "fields": [{"name": "doc_id", **string}, {"name": "file", **string},
                       {"name": "caption", **string, "rdfType": "http://www.w3.org/2000/01/rdf-schema#label"}],
            "primaryKey": ["doc_id"]}},
        {"name": "notes", "path": "notes.csv", "schema": {
            "fields": [{"name": "note_id", **string}, {"name": "doc_id", **string},
                       {"name": "quote", **string, "rdfType": SPAN_EXACT},
                       {"name": "begin", "type": "integer", "rdfType": SPAN_START},
                       {"name": "finish", "type": "integer", "rdfType": SPAN_END}],
            "primaryKey": ["note_id"],
            "foreignKeys": [{"fields": ["doc_id"], "reference": {"resource": "docs", "fields": ["doc_id"]}}]}},
        {"name": "text-a", "path": "texts/a.txt", "format": "txt", "mediatype": "text/plain",
         "licenses": [{"name": "other-closed", "title": "Texts: the publishers'"}]},
        {"name": "text-b", "path": "texts/b.txt", "format": "txt", "mediatype": "text/plain",
         "licenses": [{"name": "other-closed", "title": "Texts: the publishers'"}]},
    ]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    return folder / "datapackage.json"


def test_texts_and_views_follow_the_schemas_not_the_table_names(tmp_path):
    files = export_files(load(small_package(tmp_path / "p", names=("x1", "x2"))), formats=("sqlite",))
    connection = sqlite3.connect(":memory:")
    connection.deserialize(files["small.db"])
    assert connection.execute("SELECT doc_id, path FROM texts").fetchall() == [("x1", "texts/a.txt"), ("x2", "texts/b.txt")]
    assert [(r[2], r[3], r[4]) for r in connection.execute("PRAGMA foreign_key_list(texts)")] == [("docs", "doc_id", "doc_id")]
    rows = connection.execute("SELECT note_id, quote, text_at_offsets, matches, context_before, context_after FROM notes_in_context").fetchall()
    assert rows == [("n1", "Café — naïve", "Café — naïve", 1, "Intro. “", "” said Zoë.\n"), ("n2", "ok", "ok", 1, "B’s text: “", "”.")]
    metadata = json.loads(files["metadata.json"])["databases"]["small"]
    assert metadata["tables"]["texts"]["license"] == "Texts: the publishers'"
    assert "queries" not in metadata  # the canned queries are this dataset's, not a foreign package's


def test_a_span_that_misses_its_text_shows_as_not_matching(tmp_path):
    path = small_package(tmp_path / "p")
    notes = path.parent / "notes.csv"
    notes.write_text(notes.read_text().replace("n2,b,ok,", "n2,b,OK,"))
    files = export_files(load(path), formats=("sqlite",))
    connection = sqlite3.connect(":memory:")
    connection.deserialize(files["small.db"])
    assert connection.execute("SELECT note_id, text_at_offsets FROM notes_in_context WHERE matches = 0").fetchall() == [("n2", "ok")]


def test_texts_no_table_names_are_keyed_by_resource(tmp_path):
    """When no column names every text file, the key is the resource name and there is no foreign key
    (half the files tied to rows would make a key that does not resolve), and so no view."""
    package = load(small_package(tmp_path / "p", with_owner=False))
    table = texts_table(package, typed_tables(package))
    assert table is not None and table.columns == ["resource", "path", "sha256", "text"]
    assert table.rows[0][:2] == ("text-a", "texts/a.txt") and table.rows[0][3] == TEXT_A
    assert "foreignKeys" not in table.schema
    files = export_files(package, formats=("sqlite", "json"))
    connection = sqlite3.connect(":memory:")
    connection.deserialize(files["small.db"])
    assert connection.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall() == []
    assert [r["resource"] for r in json.loads(files["json/texts.json"])] == ["text-a", "text-b"]


def test_no_texts_table_without_text_files_or_beside_a_table_of_that_name(tmp_path):
    path = small_package(tmp_path / "p")
    descriptor = json.loads(path.read_text())
    without = {**descriptor, "resources": descriptor["resources"][:2]}
    path.write_text(json.dumps(without))
    package = load(path)
    assert texts_table(package, typed_tables(package)) is None
    assert "parquet/texts.parquet" not in export_files(package, formats=("parquet",))
    renamed = {**descriptor, "resources": [{**descriptor["resources"][0], "name": "texts"}, *descriptor["resources"][2:]]}
    path.write_text(json.dumps(renamed))
    package = load(path)
    assert texts_table(package, typed_tables(package)) is None


def test_a_text_that_is_not_its_encoding_is_refused_clearly(tmp_path):
    path = small_package(tmp_path / "p")
    (path.parent / "texts" / "b.txt").write_bytes(b"\xff\xfe not UTF-8")
    with pytest.raises(ExportError, match=r"^texts/b.txt: cannot be read as utf-8 text"):
        export_files(load(path), formats=("json",))
