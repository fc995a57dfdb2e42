"""The fast path (pyarrow reading, rules evaluated directly, byte-level prefilters, descriptor
shortcut) must give exactly the findings of the straightforward reference path (csv module, the same
rules through pandera, frictionless's metadata loader), on every broken corpus we have."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from strikedata.descriptors import is_plain
from strikedata.validate import descriptor_findings, validate_package

from conftest import ROOT
from test_broken import CSV_CASES, break_package

sys.path.insert(0, str(ROOT / "scripts" / "benchmarks"))
from generate import KINDS, generate  # noqa: E402

PEER = Path(__file__).parent / "peer" / "frictionless"
PEER_CASES = [c["case"] for c in json.loads((PEER / "index.json").read_text())]


def both(descriptor: Path) -> tuple[list, list]:
    fast = validate_package(descriptor, max_per_check=None)
    reference = validate_package(descriptor, reference=True, max_per_check=None)
    return fast.findings, reference.findings


@pytest.mark.parametrize("case", PEER_CASES)
def test_peer_corpus(case):
    fast, reference = both(PEER / case / "datapackage.json")
    assert fast == reference


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_broken_csv_corpus(package_copy, name):
    break_package(package_copy, name, CSV_CASES[name])
    fast, reference = both(package_copy / "datapackage.json")
    assert fast == reference
    assert fast, "every broken case has a finding"


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


def test_large_package_takes_the_shortcuts_and_agrees(tmp_path):
    """At 100k rows repeated values are judged once and the rules run in threads: still the same findings."""
    out = tmp_path / "large"
    errors = generate(out, 100_000, broken=True, seed=3)["seeded"]
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
            assert descriptor_findings(path, package, reference=True) == [], path
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
    ("object-column-that-repeats", [{"name": "o", "type": "object"}],
     b"o\n" + b'"{""a"": 1}"\nx\n' * 45_000),
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
    assert validate_package(path).findings == validate_package(path, reference=True).findings
