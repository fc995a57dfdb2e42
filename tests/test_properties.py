"""Property-based tests: mutated annotation files and CSVs never cause a traceback; the result is
either valid or at least one finding."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from strikedata.build import build_package
from strikedata.findings import Finding
from strikedata.registry import load_registry
from strikedata.validate import validate_package

from conftest import ROOT, copy_project, examples

RESOURCES = load_registry(ROOT).names

SETTINGS = settings(max_examples=examples(4, 60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NASTY = st.sampled_from(["", ":", "- ", "  ", "\t", '"', "'", "“", "#", "[", "{", "}", "&a", "*a", "!!python/object", "\x00",
                         "\r\n", "\ufeff", "ÿ", "=1+1", "2022-02-30", "null", "~", "yes", "9" * 30, "é"])


def mutations():
    """A list of edits: (kind, position fraction, text)."""
    edit = st.tuples(st.sampled_from(["insert", "delete_line", "duplicate_line", "replace_char", "truncate"]),
                     st.floats(0, 1), NASTY | st.text(max_size=8))
    return st.lists(edit, min_size=1, max_size=4)


def apply(text: str, edits) -> str:
    for kind, where, piece in edits:
        lines = text.split("\n")
        at = min(int(where * len(text)), len(text))
        line = min(int(where * len(lines)), len(lines) - 1)
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete_line":
            text = "\n".join(lines[:line] + lines[line + 1:])
        elif kind == "duplicate_line":
            text = "\n".join(lines[:line + 1] + lines[line:])
        elif kind == "replace_char" and text:
            at = min(at, len(text) - 1)
            text = text[:at] + (piece[:1] or "x") + text[at + 1:]
        elif kind == "truncate":
            text = text[:at]
    return text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("props") / "project")


TARGETS = ["seeds/articles/ktxl-strike-second-day.yaml", "seeds/people.yaml", "seeds/events.yaml"]


@pytest.mark.parametrize("target", TARGETS)
@SETTINGS
@given(edits=mutations())
def test_mutated_annotations_never_crash(workspace, target, edits):
    path = workspace / target
    original = (ROOT / target).read_text(encoding="utf-8")
    try:
        path.write_bytes(apply(original, edits).encode("utf-8", errors="surrogatepass"))
        findings = build_package(workspace, official=False)
        assert isinstance(findings, list) and all(isinstance(f, Finding) for f in findings)
        assert all(f.code and f.message for f in findings)
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.fixture(scope="module")
def package(tmp_path_factory, built) -> Path:
    target = Path(shutil.copytree(built, tmp_path_factory.mktemp("props-package") / "package"))
    descriptor = json.loads((target / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        resource.pop("hash", None)
        resource.pop("bytes", None)
    (target / "datapackage.json").write_text(json.dumps(descriptor))
    return target


@pytest.mark.parametrize("resource", ["quotes", "events", "organizations"])
@SETTINGS
@given(edits=mutations())
def test_mutated_csvs_never_crash(package, built, resource, edits):
    path = package / f"{resource}.csv"
    original = (built / f"{resource}.csv").read_bytes()
    mutated = apply(original.decode("utf-8"), edits).encode("utf-8", errors="surrogatepass")
    try:
        path.write_bytes(mutated)
        report = validate_package(package / "datapackage.json", official=False)
        assert all(isinstance(f, Finding) and f.code for f in report.findings)
        if report.valid:
            # Never silently half-read: a table called valid was read whole, every record of it.
            records = list(csv.reader(io.StringIO(mutated.decode("utf-8"), newline="")))
            others = sum(len(list(csv.reader(io.StringIO((package / f"{name}.csv").read_text("utf-8"), newline="")))) - 1
                         for name in RESOURCES if name != resource)
            assert report.stats["rows"] == others + len(records) - 1
    finally:
        path.write_bytes(original)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_arbitrary_bytes_as_a_table_never_crash(package, built, data):
    path = package / "people.csv"
    original = (built / "people.csv").read_bytes()
    try:
        path.write_bytes(data)
        report = validate_package(package / "datapackage.json", official=False)
        assert not report.valid  # no byte string is a valid people table with every reference intact
    finally:
        path.write_bytes(original)
