"""The raw articles are kept byte for byte as received."""

import hashlib

from conftest import ROOT, SHARED_SEEDS


def recorded_sums() -> dict[str, str]:
    lines = (ROOT / "seeds" / "raw" / "SHA256SUMS").read_text().split("\n")
    return {name: digest for digest, name in (line.split() for line in lines if line.strip())}


def test_five_seeds_match_their_recorded_sha256():
    sums = recorded_sums()
    assert len(sums) == 5
    for name, digest in sums.items():
        data = (ROOT / "seeds" / "raw" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name


def test_recorded_sums_are_the_shared_ones_when_shared_is_present():
    shared = SHARED_SEEDS / "SHA256SUMS"
    if shared.exists():  # CI clones main with shared/ beside it
        assert (ROOT / "seeds" / "raw" / "SHA256SUMS").read_bytes() == shared.read_bytes()


def test_every_annotation_file_names_an_existing_seed(root):
    import yaml

    seeds = set(recorded_sums())
    named = set()
    for path in (root / "seeds" / "articles").glob("*.yaml"):
        named.add(yaml.safe_load(path.read_text())["seed_file"].split("/")[-1])
    assert named == seeds
