"""seeds/raw/SHA256SUMS: the digest of each raw article, recorded once when it arrived.

Apart from the build, which imports pandas, so that `strikedata extract` (which records a new seed's
digest) starts without it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import paths
from .annotations import MAX_ANNOTATION_BYTES
from .findings import Finding
from .paths import UnsafePath
from .spans import shorten

SEED_DIR = "seeds/raw"
SEED_SUMS = "seeds/raw/SHA256SUMS"
# A raw article is read only up to the size an annotation file may have; the list of sums, far less.
MAX_SEED_BYTES = MAX_ANNOTATION_BYTES
MAX_SUMS_BYTES = 1_000_000
# One line of SHA256SUMS as `sha256sum NAME` prints it: the digest, a space, ' ' or '*' (binary mode), the name.
SUM_LINE = re.compile(r"([0-9a-fA-F]{64}) [ *](.*)")


@dataclass
class SeedSums:
    """seeds/raw/SHA256SUMS: the digest of every file it lists once; the lines of each file it lists."""

    digests: dict[str, str] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_safe_name(name: str) -> bool:
    try:
        paths.safe_name(name)
    except UnsafePath:
        return False
    return True


def read_sums(root: Path) -> SeedSums:
    """seeds/raw/SHA256SUMS, strictly: every line is `<64 hex digits>  <file name>`, one line per file.

    A missing file lists nothing (each seed is then unrecorded). A line that is not in that form, or
    that lists a file again (a later line would replace the digest recorded on arrival), is a finding
    at its line, and a file listed twice has no digest to trust."""
    sums = SeedSums()

    def refuse(line: int | None, message: str, hint: str) -> None:
        sums.findings.append(Finding(file=SEED_SUMS, line=line, code="seed-sums", message=message, hint=hint))

    try:
        raw = paths.read_inside(root, SEED_SUMS, MAX_SUMS_BYTES)
    except FileNotFoundError:
        return sums
    except (UnsafePath, OSError) as error:
        refuse(None, f"cannot be read: {error}", "restore it: one line per raw seed, as sha256sum prints it")
        return sums
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        refuse(raw[: error.start].count(b"\n") + 1, "not valid UTF-8", "restore it: one line per raw seed, as sha256sum prints it")
        return sums
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()  # the line end of the last line
    for number, line in enumerate(lines, 1):
        match = SUM_LINE.fullmatch(line)
        if match is None or not is_safe_name(name := match.group(2)):
            if line.endswith("\r"):
                hint = "save the file with LF line ends (no carriage returns)"
            elif match is not None:
                hint = f"name the file alone, as it is in {SEED_DIR}/ (run sha256sum inside that folder)"
            else:
                hint = "write '<its SHA-256: 64 hex digits>  <file name>', as sha256sum prints it, or delete the line"
            refuse(number, f"line {number} is not '<64 hex digits>  <file name>': {shorten(line, 60)!r}", hint)
            continue
        seen = sums.lines.setdefault(name, [])
        seen.append(number)
        if len(seen) == 1:
            sums.digests[name] = match.group(1).lower()
        else:
            sums.digests.pop(name, None)
            refuse(number, f"{name} is listed again (first on line {seen[0]}): a second line could replace "
                           "the digest recorded when the article arrived",
                   "keep the line written when the article arrived and delete this one")
    return sums


def recorded_sums(root: Path) -> dict[str, str | None]:
    """Every file seeds/raw/SHA256SUMS lists, with its digest; None for a file listed more than once
    (no digest of it is trusted). A missing or unreadable file lists nothing."""
    sums = read_sums(root)
    return {name: sums.digests.get(name) for name in sums.lines}


def seed_integrity(sums: SeedSums, seed_file: str, raw: bytes, display: str, line: int) -> list[Finding]:
    """A raw seed is never edited: its SHA-256 must be the one recorded, once, when it arrived."""
    name = PurePosixPath(seed_file).name
    listed = sums.lines.get(name, [])
    actual = sha256(raw)
    if not listed:
        return [Finding(file=SEED_SUMS, resource="articles", field="seed_file", code="seed-unrecorded",
                        message=f"{seed_file} has no recorded SHA-256",
                        hint=f"add the line '{actual}  {name}' to {SEED_SUMS} when the article arrives")]
    if len(listed) > 1:
        return [Finding(file=display, line=line, resource="articles", field="seed_file", code="seed-sums",
                        message=f"{seed_file} is listed {len(listed)} times in {SEED_SUMS} (lines "
                        f"{', '.join(map(str, listed))}): which digest was recorded on arrival is in doubt, "
                        "so the seed is not verified",
                        hint="keep only the line written when the article arrived")]
    if sums.digests[name] != actual:
        return [Finding(file=display, line=line, resource="articles", field="seed_file", code="seed-hash-mismatch",
                        message=f"{seed_file} no longer matches its recorded SHA-256 (raw seeds are never edited)",
                        hint=f"restore the file as received (git checkout -- {seed_file}); repairs belong in normalize.py")]
    return []
