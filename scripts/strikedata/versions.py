"""Versions as the package carries them, MAJOR.MINOR.PATCH (the Frictionless Data Package Version
pattern): read and bumped in one place for release, diff and the data changelog."""

from __future__ import annotations

import re

VERSION = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
LEVELS = ("major", "minor", "patch")


def version_parts(text: str) -> tuple[int, int, int] | None:
    """(major, minor, patch), or None when `text` is no MAJOR.MINOR.PATCH version."""
    match = VERSION.fullmatch(text.strip())
    return (int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def next_version(version: str, level: str) -> str | None:
    """`version` bumped by `level` (major, minor or patch); None when either is not one."""
    parts = version_parts(version or "")
    if parts is None or level not in LEVELS:
        return None
    major, minor, patch = parts
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[level]
