"""A package that is not this dataset's: the generic validator judges it by the Table Schema alone.

Its tables are called quotes, articles and people, as ours are, but its columns, types and keys are
its own (scripts/benchmarks/generate.py, variety "foreign"). This dataset's pack must leave it
alone, the verdict must be the one frictionless gives, every seeded error of a standard kind must
be found, and the legal-but-odd cells (a leading space, a leading "=") are reported only when the
opt-in cell checks are asked for.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import frictionless
import pytest
from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.codes import CODES
from strikedata.validate import validate_package

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts" / "benchmarks"))
from generate import FOREIGN_KINDS, FOREIGN_NAME, generate  # noqa: E402

ROWS = 5_000
# The layers of codes a package's Table Schema can give; the rest (curation, build, semantic) are this
# project's own, and the semantic layer is what the dataset's pack and the opt-in checks report.
STANDARD_LAYERS = {"descriptor", "structure"}
# What a spreadsheet reads as a formula (the opt-in formula-injection check), stated here on its own.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("foreign")
    made = {}
    for state in ("valid", "broken"):
        generate(folder / state, ROWS, broken=state == "broken", seed=11, variety="foreign")
        made[state] = folder / state / "datapackage.json"
    return made


def seeded_errors(descriptor: Path) -> list[dict]:
    return json.loads((descriptor.parent / "seeded.json").read_text("utf-8"))


def frictionless_valid(descriptor: Path) -> bool:
    return frictionless.validate(str(descriptor)).valid


def text_cells(descriptor: Path) -> dict[tuple[str, int, str], str]:
    """Every cell of a string field, read with the csv module: (resource, row, field) -> value."""
    package = json.loads(descriptor.read_text("utf-8"))
    cells = {}
    for resource in package["resources"]:
        strings = {f["name"] for f in resource["schema"]["fields"] if f.get("type", "string") == "string"}
        with (descriptor.parent / resource["path"]).open(newline="", encoding="utf-8") as handle:
            for row, record in enumerate(csv.DictReader(handle), start=2):
                cells.update({(resource["name"], row, field): value for field, value in record.items() if field in strings})
    return cells


def data_rows(descriptor: Path):
    """One item per data row of every table (the rows the validator should have read)."""
    package = json.loads(descriptor.read_text("utf-8"))
    for resource in package["resources"]:
        with (descriptor.parent / resource["path"]).open(newline="", encoding="utf-8") as handle:
            yield from csv.DictReader(handle)


def test_the_package_is_foreign_but_its_tables_are_named_as_ours(packages):
    package = json.loads(packages["valid"].read_text("utf-8"))
    assert package["name"] == FOREIGN_NAME != "sacramento-2022-school-strike"
    assert {r["name"] for r in package["resources"]} == {"quotes", "articles", "people"}


def test_the_valid_package_is_valid_with_no_findings(packages):
    report = validate_package(packages["valid"], max_per_check=None)
    assert report.findings == []
    assert report.valid
    assert report.stats["rows"] == sum(1 for _ in data_rows(packages["valid"]))
    assert frictionless_valid(packages["valid"]) is True


def test_the_verdict_is_frictionless_verdict(packages):
    for descriptor in packages.values():
        assert validate_package(descriptor).valid == frictionless_valid(descriptor), descriptor


def test_every_seeded_error_is_found_and_nothing_of_the_pack(packages):
    descriptor = packages["broken"]
    errors = seeded_errors(descriptor)
    assert {e["kind"] for e in errors} == set(FOREIGN_KINDS)
    report = validate_package(descriptor, max_per_check=None)
    assert not report.valid
    found = {(f.resource, f.row, f.code) for f in report.findings}
    missed = [e for e in errors if not any((e["resource"], e["row"], code) in found for code in e["codes"])]
    assert missed == []
    layers = {f.code: CODES[f.code][0] for f in report.findings}
    assert set(layers.values()) <= STANDARD_LAYERS, {c: layer for c, layer in layers.items() if layer not in STANDARD_LAYERS}
    # Every finding is on a seeded row (or the row a duplicate key repeats): the odd but legal cells gave none.
    seeded_rows = {(e["resource"], e[row]) for e in errors for row in ("row", "same_as_row") if row in e}
    assert {(f.resource, f.row) for f in report.findings} <= seeded_rows
    # The pack never claimed the package: asking for no pack changes nothing.
    assert validate_package(descriptor, pack="none", max_per_check=None).findings == report.findings


def test_the_cli_agrees(packages):
    runner = CliRunner()
    valid = runner.invoke(app, ["validate", str(packages["valid"])])
    assert valid.exit_code == 0, valid.output
    assert "valid" in valid.output and "problem" not in valid.output
    broken = runner.invoke(app, ["validate", str(packages["broken"]), "--format", "json", "--max-per-check", "0"])
    assert broken.exit_code == 1, broken.output
    report = json.loads(broken.output)
    assert report["valid"] is False
    found = {(e["resource"], e["row"], e["code"]) for e in report["errors"]}
    assert all(any((e["resource"], e["row"], c) in found for c in e["codes"]) for e in seeded_errors(packages["broken"]))


def test_opt_in_checks_report_the_leading_space_and_formula_cells(packages):
    descriptor = packages["valid"]
    cells = text_cells(descriptor)
    expected = {(*where, "whitespace") for where, value in cells.items() if value != value.strip()}
    expected |= {(*where, "formula-injection") for where, value in cells.items() if value.startswith(FORMULA_STARTS)}
    # The generator did write both kinds, in more than one table.
    assert any(v.startswith(" ") for v in cells.values()) and any(v.startswith("=") for v in cells.values())
    assert len({resource for resource, *_ in expected}) >= 2
    report = validate_package(descriptor, checks=["whitespace", "formula-injection"], max_per_check=None)
    assert {(f.resource, f.row, f.field, f.code) for f in report.findings} == expected
    assert report.stats["by_code"] == {code: sum(1 for *_, c in expected if c == code) for code in ("formula-injection", "whitespace")}


def test_a_blank_bounded_number_is_no_finding(packages, tmp_path):
    """`confidence` is an optional number between 0 and 1: a blank cell is missing, and no bound applies."""
    descriptor = packages["valid"]
    folder = tmp_path / "blanks"
    folder.mkdir()
    (folder / "datapackage.json").write_text(descriptor.read_text("utf-8"), "utf-8")
    for name in ("articles", "people"):
        (folder / f"{name}.csv").write_bytes((descriptor.parent / f"{name}.csv").read_bytes())
    with (descriptor.parent / "quotes.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    where = rows[0].index("confidence")
    for row in rows[1::40]:
        row[where] = ""
    with (folder / "quotes.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    assert frictionless_valid(folder / "datapackage.json") is True
    assert validate_package(folder / "datapackage.json", max_per_check=None).findings == []
