"""The archive's README.md, for data users: rendered from templates/README.md.j2 with what the
package says of itself (descriptor, schemas) and what its tables hold (counts, dates, outlets).

The template's recipes are run, as printed, by tests/test_recipes.py: each fenced block follows a
`<!-- recipe: NAME -->` comment that names it for the test.
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
import sqlite3
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..docs import constraint_summary
from ..exports import citation
from ..packages import Package
from ..tableschema import foreign_keys, primary_key
from .license import license_line

TEMPLATES = Path(__file__).resolve().parent / "templates"
LOADER = Path(__file__).resolve().parent.parent / "load.py"
PLAIN_BASES = {"", "stated", "printed"}  # a *_basis value that is no inference


@dataclass
class TableDoc:
    name: str
    title: str
    description: str
    path: str
    rows: int
    primary_key: list[str]
    links: list[str]
    fields: list[dict]
    warnings: list[str]
    inferred: list[str] = field(default_factory=list)


def _present(frame: pd.DataFrame, column: str) -> pd.Series:
    """A raw column's non-empty values (empty: an empty cell, or none read)."""
    if column not in frame.columns:
        return pd.Series([], dtype=object)
    values = frame[column].dropna().astype(str)
    return values[values != ""]


def _warnings(resource: dict) -> list[str]:
    """A resource's usage warnings: strings, or objects with a description (as PUDL writes them)."""
    warnings = resource.get("usageWarnings") or []
    if not isinstance(warnings, list):
        warnings = [warnings]
    return [str(w.get("description") or w.get("type") or "") if isinstance(w, dict) else str(w) for w in warnings if w]


def _inferred(frame: pd.DataFrame, rows: int) -> list[str]:
    """For each *_basis column, how many rows hold an inferred (or outside) value, by kind."""
    out = []
    for column in frame.columns:
        if column == "basis" or column.endswith("_basis"):
            counts = Counter(v for v in _present(frame, column) if v not in PLAIN_BASES)
            if counts:
                kinds = ", ".join(f"{n} `{kind}`" for kind, n in sorted(counts.items()))
                out.append(f"`{column}`: {kinds} (of {rows} rows)")
    return out


def table_docs(package: Package, frames: Mapping[str, pd.DataFrame]) -> list[TableDoc]:
    docs = []
    for resource in package.resources():
        schema = package.schema(resource)
        name = str(resource.get("name", ""))
        if schema is None or name not in frames:
            continue
        frame = frames[name]
        links = [f"`{', '.join(fk['fields'])}` → `{fk['resource'] or name}.{', '.join(fk['ref_fields'])}`" for fk in foreign_keys(schema)]
        fields = [{"name": f.get("name", ""), "type": f.get("type", "string"), "constraints": constraint_summary(f),
                   "description": " ".join(str(f.get("description") or f.get("title") or "").split())}
                  for f in schema.get("fields", [])]
        docs.append(TableDoc(name, str(resource.get("title") or name), " ".join(str(resource.get("description") or "").split()),
                             str(resource.get("path")), len(frame), primary_key(schema), links, fields, _warnings(resource),
                             _inferred(frame, len(frame))))
    return docs


def coverage(frames: Mapping[str, pd.DataFrame]) -> dict:
    """What the tables cover: the articles (outlets, dates) and the span of the events they tell of.
    Each figure is left out when its table or column is not in the package."""
    out: dict = {"articles": []}
    articles = frames.get("articles")
    organizations = frames.get("organizations")
    names = {}
    if organizations is not None and "org_id" in organizations.columns:
        label = "name" if "name" in organizations.columns else "org_id"
        names = dict(zip(organizations["org_id"].astype(str), organizations[label].astype(str), strict=True))
    if articles is not None:
        out["article_count"] = len(articles)
        outlets = Counter(_present(articles, "outlet_org_id"))
        out["outlets"] = [(names.get(o, o), n) for o, n in sorted(outlets.items(), key=lambda x: (-x[1], names.get(x[0], x[0])))]
        dates = sorted(_present(articles, "published_date"))
        if dates:
            out["published"] = (dates[0], dates[-1])
        out["dates_inferred"] = int((_present(articles, "date_basis") == "inferred").sum())
        out["dates_corrected"] = int((_present(articles, "date_basis") == "corrected").sum())
        for _, row in articles.fillna("").astype(str).iterrows():
            out["articles"].append({
                "id": row.get("article_id", ""), "outlet": names.get(row.get("outlet_org_id", ""), row.get("outlet_org_id", "")),
                "date": row.get("published_date", ""), "date_basis": "" if row.get("date_basis", "") == "stated" else row.get("date_basis", ""),
                "headline": row.get("headline", ""), "summary": " ".join(row.get("summary", "").split()),
                "url": row.get("url", ""), "text_path": row.get("text_path", "")})
        out["articles"].sort(key=lambda a: (a["date"], a["id"]))
    events = frames.get("events")
    if events is not None:
        starts = sorted(_present(events, "start_date"))
        ends = sorted([*_present(events, "end_date"), *_present(events, "start_latest"), *starts])
        if starts:
            out["events"] = (len(events), starts[0], ends[-1])
    return out


def _database_objects(data: bytes | None) -> set[str]:
    """The names of the tables and views in an exported SQLite database."""
    if not data:
        return set()
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    finally:
        connection.close()


def canned_queries(metadata: bytes | None) -> list[tuple[str, str]]:
    """(name, title) of the canned queries Datasette's metadata.json offers, in its order."""
    try:
        databases = json.loads(metadata or b"{}").get("databases") or {}
    except ValueError:
        return []
    return [(name, str(query.get("title") or name)) for database in databases.values() if isinstance(database, dict)
            for name, query in (database.get("queries") or {}).items() if isinstance(query, dict)]


def sheet_names(workbook: bytes | None) -> list[str]:
    """The sheets of an exported workbook, in order (read from its xl/workbook.xml, nothing else)."""
    if not workbook:
        return []
    try:
        with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
            listing = archive.read("xl/workbook.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        return []
    return [html.unescape(name) for name in re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', listing)]


def loader_source() -> str:
    """load.py's code without its module docstring: the README's loading recipe."""
    text = LOADER.read_text("utf-8")
    if text.startswith('"""'):
        text = text[text.index('"""', 3) + 3:]
    return text.strip("\n") + "\n"


def readme_context(package: Package, names: list[str], exports: Mapping[str, bytes]) -> dict:
    descriptor = package.descriptor
    frames = {name: table.frame for name, table in package.tables().items()}
    stem = package.name or "package"
    database = f"{stem}.db"
    objects = _database_objects(exports.get(database))
    tables = table_docs(package, frames)
    views = sorted(o for o in objects if o.endswith("_in_context"))
    context_view = next((v for v in views if v.startswith("quotes")), views[0] if views else "")
    text_files = [r for r in package.resources() if r.get("schema") is None]
    shipped = set(names) | {f"exports/{n}" for n in exports}
    return {
        "name": stem, "title": descriptor.get("title") or stem, "version": package.version,
        "description": " ".join(str(descriptor.get("description") or "").split()),
        "created": str(descriptor.get("created") or "")[:10], "id": descriptor.get("id"),
        "homepage": descriptor.get("homepage"), "repository": descriptor.get("repository"),
        "citation": citation(descriptor), "top": f"{stem}-{package.version}",
        "licenses": [license_line(x) for x in descriptor.get("licenses") or []],
        "text_licenses": sorted({"; ".join(license_line(x) for x in r.get("licenses") or []) for r in text_files} - {""}),
        "text_count": len(text_files), "tables": tables, "table_names": [t.name for t in tables],
        "coverage": coverage(frames), "has": lambda path: path in shipped,
        "database": database, "sqlite_texts": "texts" in objects, "context_views": views, "context_view": context_view,
        "parquet_texts": "parquet/texts.parquet" in exports,
        "queries": canned_queries(exports.get("metadata.json")), "sheets": sheet_names(exports.get(f"{stem}.xlsx")), "loader": loader_source(),
    }


@functools.cache
def _template():
    """The README template, compiled once per process (a tenth of a second)."""
    import jinja2

    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                     keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, autoescape=False)
    return environment.get_template("README.md.j2")


def data_readme(package: Package, names: list[str], exports: Mapping[str, bytes]) -> str:
    """The README for an archive holding `names` (relative to its folder) and `exports` (under exports/)."""
    return _one_blank_line(_template().render(readme_context(package, names, exports)))


def _one_blank_line(text: str) -> str:
    """Runs of blank lines (left by the template's conditional parts) made one, outside code blocks."""
    out: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and not line.strip() and (not out or not out[-1].strip()):
            continue
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"
