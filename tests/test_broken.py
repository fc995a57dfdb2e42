"""The broken corpus: each file under tests/broken/ has one mistake, and the exact finding it must get.

annotations/*.yaml replace one curated file (`# target:`) and name the finding (`# expect:`); the line
is where the mistake was written. csv/*.csv replace one table of the built package (hash and bytes
dropped from the descriptor, so the real checks must find it); csv/expected.json names the finding.
seeds/ holds edited raw seeds.
"""

import json
import re
import shutil
from pathlib import Path

import pytest

from strikedata.build import build_package
from strikedata.codes import CODES
from strikedata.validate import validate_package
from strikedata.validator import REFERENCE

BROKEN = Path(__file__).parent / "broken"
ANNOTATIONS = sorted((BROKEN / "annotations").glob("*.yaml"))
CSV_CASES = json.loads((BROKEN / "csv" / "expected.json").read_text())


def expectation(path: Path) -> tuple[str, dict]:
    head = path.read_bytes()[:600].decode("ascii", errors="replace")
    target = re.search(r"^# target: (\S+)", head, re.M).group(1)
    expect = dict(re.findall(r"(\w+)=(\S+)", re.search(r"^# expect: (.*)$", head, re.M).group(1)))
    return target, expect


def test_corpus_has_at_least_30_distinct_inputs():
    assert len(ANNOTATIONS) + len(CSV_CASES) + 1 >= 30
    contents = [p.read_bytes() for p in ANNOTATIONS] + [(BROKEN / "csv" / f"{n}.csv").read_bytes() for n in CSV_CASES]
    assert len(set(contents)) == len(contents)


@pytest.mark.parametrize("path", ANNOTATIONS, ids=[p.stem for p in ANNOTATIONS])
def test_broken_annotation_gets_its_finding(project, path):
    target, expect = expectation(path)
    shutil.copyfile(path, project / target)
    before = {p: p.read_bytes() for p in (project / "build").rglob("*") if p.is_file()}
    findings = build_package(project)
    wanted = (expect["code"], target, int(expect["line"]), expect.get("field"))
    got = [(f.code, f.file, f.line, f.field if "field" in expect else None) for f in findings]
    assert wanted in got, got
    assert all(f.code in CODES for f in findings)
    after = {p: p.read_bytes() for p in (project / "build").rglob("*") if p.is_file()}
    assert after == before, "a failed build must leave build/ as it was"


def test_edited_raw_seed_is_refused(project):
    [edited] = (BROKEN / "seeds").glob("*.txt")
    shutil.copyfile(edited, project / "seeds" / "raw" / edited.name)
    # The annotation that names the seed, at its seed_file line.
    [(article, line)] = [(p.relative_to(project).as_posix(), number) for p in sorted((project / "seeds" / "articles").glob("*.yaml"))
                         for number, text in enumerate(p.read_text("utf-8").splitlines(), start=1)
                         if text.startswith("seed_file:") and text.endswith(f"/{edited.name}")]
    findings = build_package(project)
    [finding] = [f for f in findings if f.code == "seed-hash-mismatch"]
    assert (finding.file, finding.line, finding.field) == (article, line, "seed_file")


def break_package(package: Path, name: str, case: dict) -> None:
    shutil.copyfile(BROKEN / "csv" / f"{name}.csv", package / f"{case['resource']}.csv")
    descriptor = json.loads((package / "datapackage.json").read_text())
    for resource in descriptor["resources"]:
        resource.pop("hash", None)
        resource.pop("bytes", None)
    (package / "datapackage.json").write_text(json.dumps(descriptor, indent=2))


@pytest.fixture(scope="module", params=sorted(CSV_CASES))
def broken_csv(request, built: Path, tmp_path_factory) -> tuple[str, Path, object]:
    """One broken copy of the built package per case (read-only), and our validator's report on it
    (every finding kept), run from inside the package so that files are named relative to it."""
    name = request.param
    package = Path(shutil.copytree(built, tmp_path_factory.mktemp("broken-csv") / "package"))
    break_package(package, name, CSV_CASES[name])
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(package)
        report = validate_package(Path("datapackage.json"), official=False, max_per_check=None)
    return name, package, report


def test_broken_csv_gets_its_finding(broken_csv):
    name, _, report = broken_csv
    case = CSV_CASES[name]
    wanted = (case["code"], case["resource"], f"{case['resource']}.csv", case["row"], case["line"], case["field"])
    got = [(f.code, f.resource, f.file, f.row, f.line, f.field if case["field"] is not None else None) for f in report.findings]
    assert wanted in got, got
    assert all(f.code in CODES for f in report.findings)


@pytest.mark.slow  # the reference backend takes a second and more a case: CI runs it once, after make test
def test_the_reference_backend_finds_the_same(broken_csv):
    """The reference backend (csv module, pandera) reports exactly what the fast one (pyarrow) does."""
    _, package, fast = broken_csv
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(package)
        reference = validate_package(Path("datapackage.json"), official=False, max_per_check=None, backend=REFERENCE)
    assert fast.findings, "every broken case has a finding"
    assert reference.findings == fast.findings


@pytest.mark.slow  # frictionless on each broken package: CI runs it once (test_peer and test_foreign compare in make test)
def test_ours_alone_catches_a_superset_of_the_official_validator(broken_csv):
    """Run the real frictionless validator and ours (without frictionless) on the same broken package."""
    import frictionless

    _, package, ours = broken_csv
    theirs = frictionless.validate(str(package / "datapackage.json"))
    assert not theirs.valid or not ours.valid  # every case here is broken for someone
    if not theirs.valid:
        assert not ours.valid
    their_rows = {(t.name, e.row_number) for t in theirs.tasks for e in t.errors if getattr(e, "row_number", None)}
    our_rows = {(f.resource, f.row) for f in ours.findings}
    assert their_rows <= our_rows, sorted(their_rows - our_rows)
    their_resources = {t.name for t in theirs.tasks if t.errors}
    assert their_resources <= {f.resource for f in ours.findings}
    assert len(ours.findings) >= len({(r, n) for r, n in their_rows})
