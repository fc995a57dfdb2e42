"""The archive's LICENSE: the terms of each kind of file in it, from the descriptor's licenses."""

from __future__ import annotations

import textwrap

from ..exports import citation
from ..packages import Package


def license_line(license: dict) -> str:
    """A Data Package license in words: its title, its name, its URL, whichever it has."""
    title, name, path = (str(license.get(k) or "") for k in ("title", "name", "path"))
    words = title or name
    if name and title and name not in title:
        words = f"{title} ({name})"
    return ", ".join(x for x in (words, path) if x) or "no license stated"


def _paragraph(number: int, text: str) -> str:
    return textwrap.fill(text, 100, initial_indent=f"{number}. ", subsequent_indent="   ")


def data_license(package: Package) -> str:
    """Which license covers which files of the archive: the tables and what derives from them under
    the package's license; each text file under its own (grouped by license)."""
    descriptor = package.descriptor
    tables = [r for r in package.resources() if r.get("schema") is not None]
    files = [r for r in package.resources() if r.get("schema") is None]
    data_terms = "; ".join(license_line(x) for x in descriptor.get("licenses") or []) or "no license stated"
    top = f"{package.name}-{package.version}"
    paragraphs = [
        f"The tables ({', '.join(str(r.get('path')) for r in tables)}), datapackage.json, and the exports in "
        f"exports/ made from them (the workbook, the SQLite database with its metadata.json, the Parquet and JSON "
        f"files) are licensed under: {data_terms}. "
        f"Attribution: cite the version you use, as README.md (How to cite) and CITATION.cff say: {citation(descriptor)}"]
    groups: dict[str, list[str]] = {}
    for resource in files:
        terms = "; ".join(license_line(x) for x in resource.get("licenses") or []) or f"the package's license ({data_terms})"
        groups.setdefault(terms, []).append(str(resource.get("path")))
    for terms, paths in groups.items():
        folders = sorted({p.rsplit("/", 1)[0] + "/" for p in paths if "/" in p})
        where = f"{', '.join(folders)} ({len(paths)} files)" if folders and len(paths) > 3 else ", ".join(paths)
        paragraphs.append(
            f"The files {where}, and the same texts wherever the exports carry them (a `texts` table or sheet), "
            f"are under these terms, not under the license above: {terms}.")
    paragraphs.append("README.md, CHANGELOG.md and CITATION.cff describe the data and are under the license of the tables (1).")
    body = "\n\n".join(_paragraph(i, p) for i, p in enumerate(paragraphs, 1))
    return f"{top}: what is in this archive, and under which terms.\n\n{body}\n"
