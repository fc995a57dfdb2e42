"""The fast path (pyarrow reading, rules evaluated directly, byte-level prefilters, descriptor
shortcut) must give exactly the findings of the straightforward reference path (csv module, the same
rules through pandera, frictionless's metadata loader), on every broken corpus we have."""

from __future__ import annotations

import csv
import json
import re
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from strikedata.rules import PACK
from strikedata.rules.spans import span_rules
from strikedata.validate import validate_package
from strikedata.validator import REFERENCE, fields as schema_module
from strikedata.validator.descriptors import is_plain
from strikedata.validator.fields import blank_as_missing
from strikedata.validator.official import descriptor_findings
from strikedata.validator.tables import read_csv_fast

from conftest import ROOT, examples

sys.path.insert(0, str(ROOT / "scripts" / "benchmarks"))
from generate import KINDS, generate  # noqa: E402

PEER = Path(__file__).parent / "peer" / "frictionless"
SETTINGS = settings(max_examples=examples(80, 400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
PEER_CASES = [c["case"] for c in json.loads((PEER / "index.json").read_text())]


def both(descriptor: Path) -> tuple[list, list]:
    fast = validate_package(descriptor, max_per_check=None)
    reference = validate_package(descriptor, backend=REFERENCE, max_per_check=None)
    return fast.findings, reference.findings


@pytest.mark.parametrize("case", PEER_CASES)
def test_peer_corpus(case):
    fast, reference = both(PEER / case / "datapackage.json")
    assert fast == reference


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> tuple[Path, list[dict]]:
    out = tmp_path_factory.mktemp("seeded") / "package"
    return out, generate(out, 3000, broken=True, seed=7)["seeded"]


def test_generated_package_with_seeded_errors(seeded):
    out, errors = seeded
    fast, reference = both(out / "datapackage.json")
    assert fast == reference
    found = {(f.resource, f.row, f.field, f.code) for f in fast}
    missed = [e for e in errors if not any((e["resource"], e["row"], e["field"], code) in found for code in e["codes"])]
    assert missed == []
    assert len({e["kind"] for e in errors}) == len(KINDS) >= 10


@pytest.mark.parametrize("variety", ["repeat", "unique"])
def test_a_generated_valid_package_is_this_dataset_and_valid(tmp_path, variety):
    """Generated at scale, the package keeps this dataset's name (so the pack runs on it) and every
    generated row passes the pack's rules, quotation marks and attributions included."""
    out = tmp_path / variety
    generate(out, 3000, seed=2, variety=variety)
    descriptor = json.loads((out / "datapackage.json").read_text("utf-8"))
    assert PACK.claims(descriptor)
    assert validate_package(out / "datapackage.json", max_per_check=None).findings == []


@pytest.mark.scale
@pytest.mark.parametrize("variety", ["repeat", "unique"])
def test_large_package_takes_the_shortcuts_and_agrees(tmp_path, variety):
    """At 100k rows the vectorized rules run (and, where values repeat, each is judged once): still the same findings."""
    out = tmp_path / "large"
    errors = generate(out, 100_000, broken=True, seed=3, variety=variety)["seeded"]
    fast, reference = both(out / "datapackage.json")
    assert fast == reference
    found = {(f.resource, f.row, f.field, f.code) for f in fast}
    assert all(any((e["resource"], e["row"], e["field"], c) in found for c in e["codes"]) for e in errors)


def test_findings_are_capped_per_check_but_counted(seeded):
    out, errors = seeded
    capped = validate_package(out / "datapackage.json", max_per_check=2)
    full = validate_package(out / "datapackage.json", max_per_check=None)
    assert capped.stats["errors"] == full.stats["errors"] == len(full.findings)
    assert capped.stats["by_code"] == full.stats["by_code"]
    assert len(capped.findings) < len(full.findings)
    per_code = {}
    for f in capped.findings:
        per_code[(f.resource, f.field, f.code)] = per_code.get((f.resource, f.field, f.code), 0) + 1
    assert max(per_code.values()) <= 2 * 2  # two checks may share a code and a field (e.g. unique and pattern)


def test_seeded_errors_are_reported_with_their_original_values(seeded):
    out, errors = seeded
    report = validate_package(out / "datapackage.json")
    for error in errors:
        if error["value"] and error["kind"] not in ("span mismatch", "duplicate key"):
            hits = [f for f in report.findings if (f.resource, f.row, f.field) == (error["resource"], error["row"], error["field"])]
            assert any(error["value"][:40] in f.message for f in hits), (error, hits)


def test_plain_descriptors_are_ones_frictionless_accepts(built):
    """The descriptor shortcut never skips a descriptor the reference would reject."""
    descriptors = [PEER / c / "datapackage.json" for c in PEER_CASES] + [built / "datapackage.json"]
    plain = 0
    for path in descriptors:
        try:
            package = json.loads(path.read_text())
        except ValueError:
            continue  # not JSON at all: validate_package reports that before any descriptor check
        if is_plain(package):
            plain += 1
            assert descriptor_findings(path) == [], path
    assert plain >= 10  # the shortcut is really taken


@pytest.mark.parametrize("edit", [
    lambda d: d["resources"][0].update(name="Not A Name"),
    lambda d: d["resources"][0]["schema"]["fields"][0].update(type="text"),
    lambda d: d["resources"][0]["schema"].update(primaryKey=["no_such_field"]),
    lambda d: d.update(licenses=[{"title": "no name, no path"}]),
    lambda d: d["resources"][0]["schema"]["fields"][0].update(constraints={"minLength": "5"}),
    lambda d: d.update(created="yesterday"),
    lambda d: d.update(created="2020-13-45T99:99:99Z"),
    lambda d: d.update(profile="junk"),
    lambda d: d["resources"][0].update(profile="junk"),
    lambda d: d["resources"][0].update(path="~/t.csv"),
    lambda d: d.update(contributors=[{"title": "x", "email": "a@"}]),
    lambda d: d["resources"][0]["schema"]["fields"][0].update(format="junk"),
    lambda d: next(f for f in d["resources"][2]["schema"]["fields"] if f["name"] == "char_count").update(constraints={"minLength": 1}),
])
def test_unusual_descriptors_go_to_frictionless(built, edit):
    descriptor = json.loads((built / "datapackage.json").read_text())
    edit(descriptor)
    assert not is_plain(descriptor)


# --- cases found by review: each once disagreed, crashed or slipped through --------------------

def tiny(folder: Path, fields: list[dict], body: bytes, **schema) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t.csv").write_bytes(body)
    descriptor = {"name": "t", "resources": [{"name": "t", "path": "t.csv", "schema": {"fields": fields, **schema}}]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    return folder / "datapackage.json"


@pytest.mark.parametrize("name, fields, body", [
    pytest.param("object-column-that-repeats", [{"name": "o", "type": "object"}], b"o\n" + b'"{""a"": 1}"\nx\n' * 45_000,
                 marks=pytest.mark.scale),
    ("lone-cr-and-quoted-newline", [{"name": "a", "type": "integer"}], b'a\n1\r"x\ny"\nbad\n'),
    ("duplicate-labels", [{"name": "a"}, {"name": "a"}], b"a,a\n1,2\n"),
    ("blank-label", [{"name": ""}, {"name": "b"}], b",b\n1,2\n"),
    ("a-format-that-raises", [{"name": "d", "type": "date", "format": "%Q"}], b"d\n2020-01-01\n"),
    ("impossible-datetime", [{"name": "t", "type": "datetime"}], b"t\n2020-01-01T99:99:99\n2020-02-30T10:00:00\n2020-01-01T10:00:00Z\n"),
    ("impossible-time", [{"name": "t", "type": "time"}], b"t\n25:00:00\n10:00:00\n"),
])
def test_paths_agree_on_odd_tables(tmp_path, name, fields, body):
    fast, reference = both(tiny(tmp_path / name, fields, body))
    assert fast == reference


def test_impossible_datetimes_are_type_errors(tmp_path):
    fast, _ = both(tiny(tmp_path / "dt", [{"name": "t", "type": "datetime"}], b"t\n2020-01-01T99:99:99\n2020-01-01T10:00:00Z\n"))
    assert [(f.row, f.code) for f in fast] == [(2, "type")]


def test_articles_without_their_columns_give_findings_not_a_crash(tmp_path):
    path = tiny(tmp_path / "a", [{"name": "x"}], b"x\n1\n")
    descriptor = json.loads(path.read_text())
    descriptor["resources"][0]["name"] = "articles"
    path.write_text(json.dumps(descriptor))
    assert validate_package(path).findings == validate_package(path, backend=REFERENCE).findings


# --- the vectorized pieces, each against its plain statement ----------------------------------

TEXT_CHARACTERS = st.sampled_from(list("ab c\n") + ["é", "’", "—", "€", "😀", "\u00a0"])


@SETTINGS
@given(texts=st.lists(st.text(TEXT_CHARACTERS, max_size=40), min_size=1, max_size=4),
       rows=st.lists(st.tuples(st.integers(0, 4), st.integers(-3, 45), st.integers(-3, 45), st.integers(0, 3)), max_size=60))
def test_span_views_agree_with_python_slices(texts, rows):
    """Offsets in code points, multi-byte characters, cells of up to 12 bytes (inline in a view) and
    longer, offsets Python reads its own way (negative, past the end, reversed), cells that differ."""
    articles = {f"a{i}": text for i, text in enumerate(texts)}
    records = []
    for article, start, end, change in rows:
        article_id = f"a{article}"  # a4 and beyond: an article with no text
        cell = articles.get(article_id, "xyz")[start:end]  # as Python reads the offsets, negative ones too
        cell = [cell, cell + "b", cell[1:], None][change] or None
        records.append({"article_id": article_id, "char_start": start, "char_end": end, "text": cell})
    frame = pd.DataFrame(records, columns=["article_id", "char_start", "char_end", "text"]).astype(
        {"char_start": "Int64", "char_end": "Int64", "text": "str", "article_id": "str"})
    rule = next(r for r in span_rules("text", articles) if r.code == "span-mismatch")
    assert rule.fast(frame).tolist() == rule.test(frame).tolist()


@pytest.mark.parametrize("text", ["abcdefghijklmnopqrstuvwxyz", "é’—€😀" * 6])
def test_span_views_at_every_length(text):
    """Views hold up to 12 bytes inline and longer cells by reference: every length on both sides."""
    spans = [(start, end) for start in range(-3, 4) for end in range(max(start, 0), len(text) + 3)]  # Python's own readings too
    frame = pd.DataFrame({"article_id": "a", "char_start": [a for a, _ in spans], "char_end": [b for _, b in spans],
                          "text": [text[a:b] or None for a, b in spans]}).astype({"char_start": "Int64", "char_end": "Int64", "text": "str"})
    wrong = frame.assign(text=[text[a:b] + "z" if (b - a) % 2 else "z" + text[a + 1:b] for a, b in spans])
    rule = next(r for r in span_rules("text", {"a": text}) if r.code == "span-mismatch")
    assert rule.fast(frame).all() and rule.test(frame).all()
    assert rule.fast(wrong).tolist() == rule.test(wrong).tolist()
    assert not rule.fast(wrong[wrong["text"] != "z"]).any()


@SETTINGS
@given(cells=st.lists(st.sampled_from(["", "a", " ", "bb", None]), max_size=30), cut=st.integers(0, 30))
def test_blanks_become_missing_without_copying(cells, cut):
    import pyarrow as pa

    chunks = [pa.array(cells[:cut], type=pa.large_string()), pa.array(cells[cut:], type=pa.large_string()).slice(min(1, len(cells[cut:])))]
    dtype = pd.StringDtype("pyarrow", na_value=float("nan"))
    arrow = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks, type=pa.large_string()), dtype=dtype))
    plain = pd.Series(arrow.tolist(), dtype=object)
    expected = plain.where(plain != "").tolist()
    assert [None if pd.isna(v) else v for v in blank_as_missing(arrow).tolist()] == [None if pd.isna(v) else v for v in expected]


SCHEMA_PATTERNS = sorted({c["pattern"] for f in (ROOT / "schemas").glob("*.json")
                          for c in [fd.get("constraints", {}) for fd in json.loads(f.read_text())["fields"]] if "pattern" in c})


@SETTINGS
@given(values=st.lists(st.text(st.sampled_from(list("az09-_ .:TZ+\n") + ["é", "٣", "\u00a0"]), max_size=12), min_size=1, max_size=30))
def test_patterns_in_arrow_match_as_in_python(values):
    """Every pattern our schemas declare, and the type shapes, read alike by RE2 (fast) and re."""
    series = pd.Series(values, dtype="str")
    for pattern in SCHEMA_PATTERNS + [schema_module._INTEGER, schema_module._NUMBER, schema_module._DATE, schema_module._DATETIME]:
        assert not schema_module._RE2_UNSAFE.search(pattern), pattern  # they really take the Arrow path
        expected = [re.fullmatch(pattern, v) is not None for v in values]
        assert schema_module._fullmatch(pattern)(series).tolist() == expected, pattern
    for pattern in [r"\d+", r"\w+", r"(?i)AZ", "[[:alpha:]]+", "a{,3}", r"\s?z"]:  # read otherwise by RE2: kept with re
        assert schema_module._RE2_UNSAFE.search(pattern), pattern
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)  # re's own note on "[[", not ours
            expected = [re.fullmatch(pattern, v) is not None for v in values]
            assert schema_module._fullmatch(pattern)(series).tolist() == expected, pattern


@pytest.mark.scale
def test_cells_holding_line_ends_are_read_fast_and_located_exactly(tmp_path):
    """Notes spanning lines, over several 4 MB blocks: the fast reader takes the file, the line of
    every finding matches the reference reader's."""
    out = tmp_path / "multiline"
    generate(out, 40_000, broken=True, seed=5)
    rows = list(csv.reader((out / "quotes.csv").open(newline="", encoding="utf-8")))
    note = rows[0].index("note")
    for number, row in enumerate(rows[1:], start=1):
        if number % 3 == 0:
            row[note] = f"line one\nline two {number}\r\nline three"
    with (out / "quotes.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    assert (out / "quotes.csv").stat().st_size > 2 * (1 << 22)
    resource = next(r for r in json.loads((out / "datapackage.json").read_text())["resources"] if r["name"] == "quotes")
    read = read_csv_fast(out / "quotes.csv", [f["name"] for f in resource["schema"]["fields"]], resource)
    assert read is not None and len(read[3]) == len(rows) - 1
    fast, reference = both(out / "datapackage.json")
    assert fast == reference
    assert any(f.line != f.row for f in fast if f.resource == "quotes")  # lines and rows really differ


def test_a_byte_order_mark_stays_on_the_fast_path(package_copy):
    path = package_copy / "quotes.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    resource = next(r for r in json.loads((package_copy / "datapackage.json").read_text())["resources"] if r["name"] == "quotes")
    assert read_csv_fast(path, [f["name"] for f in resource["schema"]["fields"]], resource) is not None
    fast, reference = both(package_copy / "datapackage.json")
    assert fast == reference


@SETTINGS
@given(values=st.lists(st.text(st.sampled_from(list("0123456789-+x ")), max_size=20), min_size=1, max_size=20))
def test_integers_parse_as_the_pattern_reads_them(values):
    """Arrow's cast (taken when cells hold only digits and minus signs) or the pattern: the same numbers."""
    def plain(v: str):
        return int(v) if re.fullmatch(schema_module._INTEGER, v) and abs(int(v)) < 2**53 else None
    parsed = schema_module.parse_integers(pd.Series(values, dtype="str"))
    assert [None if pd.isna(v) else int(v) for v in parsed] == [plain(v) for v in values]


@pytest.mark.scale
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_odd_records_stay_on_the_fast_reader(tmp_path, line_end):
    """Rows of the wrong length and blank rows, over several blocks, the same text twice, at the
    first and the last line: read fast, reported and located as the reference reader does."""
    out = tmp_path / "odd"
    generate(out, 40_000, seed=9)
    lines = (out / "quotes.csv").read_text("utf-8").split("\n")[:-1]
    width = lines[0].count(",") + 1
    lines[1] += ",extra"                      # the first record
    lines[500] = lines[500].rsplit(",", 2)[0]  # two cells short
    lines[20_000] = ""                         # an empty line
    lines[20_001] = "   "                      # whitespace only
    lines[25_000] = "," * (width - 1)           # every cell blank
    lines[30_000] = lines[30_001] = "same,odd,row"  # one text twice
    lines[-1] += ",one,too,many"               # the last line, with no line end after it
    (out / "quotes.csv").write_bytes(line_end.join(lines).encode("utf-8"))
    resource = next(r for r in json.loads((out / "datapackage.json").read_text())["resources"] if r["name"] == "quotes")
    read = read_csv_fast(out / "quotes.csv", [f["name"] for f in resource["schema"]["fields"]], resource)
    assert read is not None
    fast, reference = both(out / "datapackage.json")
    assert fast == reference
    codes = {(f.code, f.line) for f in fast if f.resource == "quotes"}
    assert {("extra-cell", 2), ("missing-cell", 501), ("blank-row", 20_001), ("blank-row", 20_002), ("blank-row", 25_001),
            ("missing-cell", 30_001), ("missing-cell", 30_002), ("extra-cell", len(lines))} <= codes


@pytest.mark.scale
def test_wrong_labels_stay_on_the_fast_reader(tmp_path):
    """As many labels as fields, some wrong, blank or repeated: columns are read by position, the labels reported."""
    out = tmp_path / "labels"
    generate(out, 20_000, broken=True, seed=4)
    text = (out / "quotes.csv").read_text("utf-8")
    header, body = text.split("\n", 1)
    labels = header.split(",")
    labels[1], labels[2], labels[5] = "article", "", labels[0]
    (out / "quotes.csv").write_text(",".join(labels) + "\n" + body, "utf-8")
    resource = next(r for r in json.loads((out / "datapackage.json").read_text())["resources"] if r["name"] == "quotes")
    assert read_csv_fast(out / "quotes.csv", [f["name"] for f in resource["schema"]["fields"]], resource) is not None
    fast, reference = both(out / "datapackage.json")
    assert fast == reference
    assert {"incorrect-label", "blank-label", "duplicate-label"} <= {f.code for f in fast if f.row == 1}
