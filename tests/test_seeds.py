"""The raw articles are kept byte for byte as received."""

import hashlib

import pytest

from strikedata.annotations import load_yaml

from conftest import ROOT, SHARED_SEEDS


def recorded_sums() -> dict[str, str]:
    lines = (ROOT / "seeds" / "raw" / "SHA256SUMS").read_text().split("\n")
    return {name: digest for digest, name in (line.split() for line in lines if line.strip())}


def test_every_seed_is_recorded_and_matches_its_sha256():
    sums = recorded_sums()
    present = {p.name for p in (ROOT / "seeds" / "raw").iterdir() if p.name != "SHA256SUMS"}
    assert sums and set(sums) == present  # every file recorded, every record a file
    for name, digest in sums.items():
        data = (ROOT / "seeds" / "raw" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name


def test_recorded_sums_are_the_shared_ones():
    shared = SHARED_SEEDS / "SHA256SUMS"
    if not shared.exists():
        # The project's machines and CI have shared/ beside the clone; elsewhere there is nothing to
        # compare with, and the run says so instead of passing.
        pytest.skip(f"no {shared} beside this clone: the seeds are not compared with the source articles")
    assert (ROOT / "seeds" / "raw" / "SHA256SUMS").read_bytes() == shared.read_bytes()
    for line in shared.read_text().splitlines():
        name = line.split()[1]
        assert (ROOT / "seeds" / "raw" / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def test_every_annotation_file_names_an_existing_seed(root):
    seeds = set(recorded_sums())
    named = set()
    for path in (root / "seeds" / "articles").glob("*.yaml"):
        # Read as the build reads it: a key written twice is refused, not silently the last one.
        document, findings = load_yaml(path, path.relative_to(root).as_posix())
        assert findings == [] and document is not None, findings
        named.add(document.data["seed_file"].split("/")[-1])
    assert named == seeds
