"""`strikedata build` on hostile input: it runs on pull requests, so every annotation and seed is untrusted.

Each case runs the real CLI in its own process on a copy of the project, under a time limit and a 1 GB
memory ceiling (tests/hostile.py): a seed named outside seeds/raw/ is never read, SHA256SUMS cannot be
forged, the closest-passage hint stays within seconds, and build/ is replaced whole or not at all.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from strikedata.build import build_package, exchange, remove_tree, swap_in

from hostile import assert_refused, run_bounded

ARTICLE = "seeds/articles/ktxl-strike-second-day.yaml"
SEED = "seeds/raw/000_a1ca0f72364604f2.txt"
SUMS = "seeds/raw/SHA256SUMS"
SECRET = "TOP-SECRET-7f3a: the vault code is 4242, We are worth every cent"


def tree(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def line_of(path: Path, start: str) -> int:
    """The 1-based number of the first line of `path` that starts with `start`."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), start=1) if line.startswith(start))


def set_seed_file(project: Path, value: str) -> None:
    path = project / ARTICLE
    text, count = re.subn(r"(?m)^seed_file: .*$", lambda _: f"seed_file: {json.dumps(value)}", path.read_text())
    assert count == 1
    path.write_text(text)


# --- 1. seed_file stays in seeds/raw/ ------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "github"])
@pytest.mark.parametrize("how", ["parent", "absolute", "symlink"])
def test_seed_outside_seeds_raw_is_never_read(project, how, fmt):
    secret = project.parent / "secret.txt"
    # Shaped like an article, so the quotes of the annotation would be searched in it (and hinted at).
    secret.write_text(f"SACRAMENTO, Calif. (KTXL) — {SECRET}.\n")
    if how == "parent":
        set_seed_file(project, "../secret.txt")
    elif how == "absolute":
        set_seed_file(project, str(secret))
    else:
        (project / "seeds/raw/leak.txt").symlink_to(secret)
        set_seed_file(project, "seeds/raw/leak.txt")
    result = run_bounded(["build", "--format", fmt], cwd=project, seconds=30)
    assert_refused(result, "seed-path")
    assert ARTICLE in result.output  # at the annotation's file:line
    for leak in ("TOP-SECRET", "4242", hashlib.sha256(secret.read_bytes()).hexdigest()):
        assert leak not in result.output, (leak, result.output[-2000:])


def test_annotation_linked_out_of_the_project_is_never_read(project):
    secret = project.parent / "secret.yaml"
    secret.write_text(f"{SECRET.split(':')[0]}: x\nvault_code_4242: y\n")  # its keys would be named as unknown
    (project / "seeds/articles/zz-linked.yaml").symlink_to(secret)
    result = run_bounded(["build"], cwd=project, seconds=30)
    assert_refused(result, "seed-path")
    assert "TOP-SECRET" not in result.output and "4242" not in result.output, result.output[-2000:]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "link-to-dev-zero", "too-large"])
def test_seed_that_is_not_a_plain_file_is_refused(project, kind):
    if kind == "fifo":
        os.mkfifo(project / "seeds/raw/fifo.txt")  # reading it would wait for a writer forever
        set_seed_file(project, "seeds/raw/fifo.txt")
    elif kind == "dev-zero":
        set_seed_file(project, "/dev/zero")  # reading it would never end
    elif kind == "link-to-dev-zero":
        (project / "seeds/raw/zero.txt").symlink_to("/dev/zero")
        set_seed_file(project, "seeds/raw/zero.txt")
    else:
        (project / "seeds/raw/big.txt").write_bytes(b"SACRAMENTO strike talks. " * 240_000)  # 6 MB
        set_seed_file(project, "seeds/raw/big.txt")
    result = run_bounded(["build"], cwd=project, seconds=30, fresh=True)  # its memory is bounded
    assert_refused(result, "seed-unreadable" if kind in ("fifo", "too-large") else "seed-path")
    assert result.peak_mb < 500, result.peak_mb


# --- 2. SHA256SUMS cannot be forged or bypassed ------------------------------------------------

def test_newline_forged_line_cannot_vouch_for_an_edited_seed(project):
    """A name with a line end in it (here already split) adds a second line for a recorded seed."""
    before = tree(project / "build")
    seed = project / SEED
    edited = seed.read_bytes() + b"\nAn edited sentence that was never in the article.\n"
    seed.write_bytes(edited)
    forged = f"{'0' * 64}  innocent.txt\n{hashlib.sha256(edited).hexdigest()}  {seed.name}\n"
    recorded = len((project / SUMS).read_text().splitlines())
    with (project / SUMS).open("a") as handle:
        handle.write(forged)
    result = run_bounded(["build"], cwd=project, seconds=30)
    assert_refused(result, "seed-sums")
    assert f"{SUMS}:{recorded + 2}: seed-sums" in result.output  # the forged line for the seed
    assert f"{ARTICLE}:{line_of(project / ARTICLE, 'seed_file:')}: seed-sums" in result.output  # listed twice, not verified
    assert tree(project / "build") == before


@pytest.mark.parametrize("line, problem", [
    (None, "listed again (first on line 1)"),
    ("this is not a checksum line", "is not '<64 hex digits>  <file name>'"),
    (f"{'ab' * 31}  short-digest.txt", "is not '<64 hex digits>  <file name>'"),
    (f"{'ab' * 32}  ../outside.txt", "is not '<64 hex digits>  <file name>'"),
])
def test_duplicate_or_malformed_sums_line_is_a_finding_at_its_line(project, line, problem):
    sums = project / SUMS
    text = sums.read_text()
    sums.write_text(text + (line if line is not None else text.splitlines()[0]) + "\n")
    added = len(text.splitlines()) + 1
    result = run_bounded(["build"], cwd=project, seconds=30)
    assert_refused(result, "seed-sums")
    assert f"{SUMS}:{added}: seed-sums" in result.output and problem in result.output, result.output[-2000:]


# --- 3. the closest-passage hint is bounded ------------------------------------------------------

def pasted_words(project: Path, size: int, seed: int) -> str:
    words = re.findall(r"[A-Za-z]+", (project / "build/texts/kcra-talks-late-wednesday.txt").read_text())
    rng = random.Random(seed)
    return " ".join(rng.choice(words) for _ in range(size // 4))[:size]


@pytest.mark.scale
def test_four_megabyte_pasted_text_not_found(project):
    path = project / ARTICLE
    path.write_text(path.read_text().replace("text: We are worth every cent,", "text: " + pasted_words(project, 4_000_000, 1), 1))
    assert 3_900_000 < path.stat().st_size < 5_000_000
    result = run_bounded(["build"], cwd=project, seconds=40)
    assert_refused(result, "span-not-found")
    assert 'closest passage: "' in result.output


@pytest.mark.scale
def test_thousands_of_pasted_texts_not_found(project):
    """Each miss is bounded, and so are all of them together: the build has a few seconds for hints."""
    path = project / ARTICLE
    entries = "".join(f"  - quote_id: pasted-{i}\n    text: {pasted_words(project, 1_000, i)}\n" for i in range(2000))
    text = path.read_text()
    assert text.count("\nquotes:\n") == 1
    path.write_text(text.replace("\nquotes:\n", "\nquotes:\n" + entries, 1))
    result = run_bounded(["build"], cwd=project, seconds=40)
    assert_refused(result, "span-not-found")
    assert result.output.count("span-not-found") >= 2000
    assert 'closest passage: "' in result.output
    assert "spent its time for hints" in result.output


# --- 4. a lock, and a swap that never shows a gap ------------------------------------------------

def freeze(folder: Path) -> None:
    """Make `folder` undeletable, even for root (whom permissions do not stop)."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("running as root without chattr +i: cannot make a folder read-only")
    else:
        folder.chmod(0o555)


def thaw(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=False)
    folder.chmod(0o755)


def test_read_only_build_texts_leaves_the_previous_build_whole(project):
    before = tree(project / "build")
    people = project / "seeds/people.yaml"
    people.write_text(people.read_text().replace("role: SCUSD parent", "role: Parent of SCUSD students"))
    texts = project / "build/texts"
    freeze(texts)
    try:
        result = run_bounded(["build"], cwd=project, seconds=60)
        assert_refused(result, "build-write")
        assert "build/texts is not writable" in result.output
        assert tree(project / "build") == before
    finally:
        thaw(texts)
    assert not (project / "build.old").exists()
    assert not list(project.glob(".build-*"))
    # What a killed build may leave behind never stops the next one.
    (project / ".build-crashed/texts").mkdir(parents=True)
    (project / "build.old").mkdir()
    result = run_bounded(["build"], cwd=project, seconds=60)
    assert result.returncode == 0, result.output[-2000:]
    assert "Parent of SCUSD students" in (project / "build/people.csv").read_text()
    assert not (project / "build.old").exists() and not list(project.glob(".build-*"))


@pytest.mark.scale
def test_four_concurrent_builds_all_succeed_and_build_is_never_missing(project):
    descriptor = project / "build" / "datapackage.json"
    done = threading.Event()
    seen = {"present": 0, "missing": 0, "broken": 0}

    def poll() -> None:
        while not done.is_set():
            for _ in range(200):  # a tight loop of stat calls catches even a gap of microseconds
                try:
                    os.stat(descriptor)
                    seen["present"] += 1
                except FileNotFoundError:
                    seen["missing"] += 1
            try:
                package = json.loads(descriptor.read_text())
                assert all((descriptor.parent / r["path"]).is_file() for r in package["resources"])
            except (OSError, ValueError, AssertionError):
                seen["broken"] += 1

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda _: run_bounded(["build"], cwd=project, seconds=80), range(4)))
    finally:
        done.set()
        poller.join()
    for result in results:
        assert result.returncode == 0 and "Traceback" not in result.output, result.output[-2000:]
    assert any("waiting for another build" in r.output for r in results), "the builds took turns"
    assert seen["missing"] == 0 and seen["broken"] == 0, seen
    assert seen["present"] > 1000, seen
    assert not list(project.glob(".build-*")) and not (project / "build.old").exists()


POLLER = """
import json, os, sys
target, stop = sys.argv[1], sys.argv[2]
present = missing = 0
while not os.path.exists(stop):
    for _ in range(1000):
        try:
            os.stat(target)
            present += 1
        except FileNotFoundError:
            missing += 1
print(json.dumps({"present": present, "missing": missing}))
"""


def test_swap_never_leaves_a_moment_without_build(tmp_path):
    """Hundreds of swaps under a reader in another process: build/datapackage.json is always there.
    (Two renames in a row leave a gap of microseconds; a few hundred swaps are enough to see it.)"""
    out = tmp_path / "build"
    out.mkdir()
    (out / "datapackage.json").write_text("{}")
    (tmp_path / "probe-a").mkdir()
    (tmp_path / "probe-b").mkdir()
    if not exchange(tmp_path / "probe-a", tmp_path / "probe-b"):
        pytest.skip("no atomic exchange of folders on this system (renameat2 RENAME_EXCHANGE)")
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", POLLER, str(out / "datapackage.json"), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        time.sleep(0.3)
        for number in range(300):
            staging = tmp_path / f".build-{number}"
            staging.mkdir()
            (staging / "datapackage.json").write_text(f'{{"swap": {number}}}')
            previous = swap_in(staging, out)
            assert (previous / "datapackage.json").read_text() != f'{{"swap": {number}}}'
            remove_tree(previous)
    finally:
        stop.touch()
        seen = json.loads(reader.communicate(timeout=30)[0])
    assert json.loads((out / "datapackage.json").read_text()) == {"swap": 299}
    assert seen["missing"] == 0 and seen["present"] > 10_000, seen


def test_a_build_that_cannot_get_the_lock_says_so(project):
    before = tree(project / "build")
    with open(project / ".build.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        started = time.monotonic()
        findings = build_package(project, lock_timeout=0.5)
    assert time.monotonic() - started < 5
    assert [f.code for f in findings] == ["build-locked"]
    assert findings[0].file == ".build.lock" and "nothing was built" in findings[0].message
    assert tree(project / "build") == before
