"""The one exception extract raises for the contributor, and reading the project's YAML files as one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..annotations import load_yaml


class ExtractError(Exception):
    """A reason extract cannot go on, worded for the contributor."""


def read_yaml(path: Path, display: str) -> Any:
    """The parsed value of a YAML file under seeds/ (mappings are dicts that know their lines), read the
    way build reads it: no aliases, no key twice in one mapping, at most 5 MB, a regular file. A problem
    is an ExtractError naming file:line, since extract would otherwise write beside a broken file."""
    document, findings = load_yaml(path, display)
    if findings:
        first = findings[0]
        where = f"{first.file}:{first.line}: " if first.line else "" if first.message.startswith(str(first.file)) else f"{first.file}: "
        raise ExtractError(f"{where}{first.message}" + (f" ({first.hint})" if first.hint else ""))
    if document is None:  # load_yaml gives no document only with a finding: not reached
        raise ExtractError(f"{display}: could not be read")
    return document.data
