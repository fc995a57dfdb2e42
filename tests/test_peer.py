"""SPEC §5: the frictionless-py peer corpus (37 packages). Same verdict, and every row-level error
frictionless 5.21 reports is reported by us too (same resource and row); we may report more."""

import json
from pathlib import Path

import pytest

from strikedata.validate import validate_package

PEER = Path(__file__).parent / "peer" / "frictionless"
CASES = json.loads((PEER / "index.json").read_text())


def test_corpus_is_complete():
    """The index lists every case folder, once, and holds valid and invalid cases alike."""
    assert sorted(c["case"] for c in CASES) == sorted(p.name for p in PEER.iterdir() if p.is_dir())
    assert {c["valid"] for c in CASES} == {True, False}


@pytest.mark.parametrize("official", [False, True], ids=["ours-alone", "with-official"])
@pytest.mark.parametrize("case", CASES, ids=[c["case"] for c in CASES])
def test_same_verdict_and_every_row_error(case, official):
    """`ours-alone` proves our own engine finds all of it without frictionless's report."""
    report = validate_package(PEER / case["case"] / "datapackage.json", official=official)
    assert report.valid == case["valid"], [f.as_dict() for f in report.findings]
    ours = {(f.resource, f.row) for f in report.findings}
    expected = {(e["resource"], e["rowNumber"]) for e in case["errors"] if e["rowNumber"] is not None}
    assert expected <= ours, sorted(expected - ours)
    if any(e["resource"] is None for e in case["errors"]):
        assert any(f.resource is None for f in report.findings)
