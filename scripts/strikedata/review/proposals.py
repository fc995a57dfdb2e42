"""What waits for review, and what a curator needs to see to judge it: the passage of the article it
comes from, the registry entries it links to, and the entries close to those (to relink to)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .. import annotations as ann
from ..build import Tables, load_tables
from ..findings import Finding
from ..registry import SPAN_END, SPAN_START, Registry, load_registry, span_columns
from ..tableschema import foreign_keys as schema_foreign_keys
from . import stamps

# Findings of the build that review itself settles; any other finding in a file under review is
# shown first, since an entry whose passage cannot be found has no row to review.
REVIEW_CODES = frozenset({"unconfirmed-proposal", "changed-after-review"})
# What identifies a registry row at a glance, in this order.
SUMMARY = ("name", "role", "org_id", "event_type", "start_date", "end_date", "status", "item_type", "measure", "description")
# Links a curator may move to another registry entry from the review, and how many candidates to offer.
RELINKABLE = ("event_id", "speaker_person_id", "person_id")
MAX_CANDIDATES = 6
NEAR_DAYS = 7
CONTEXT_CHARS = 220


@dataclass(frozen=True)
class Proposal:
    """One entry that a review must confirm: where it is, what it says, and where it comes from."""

    resource: str
    key: object
    file: str
    entry: ann.Located
    state: stamps.State
    article_id: str | None
    span: tuple[int, int] | None  # offsets in the article's normalized text

    @property
    def ident(self) -> tuple[str, str, str]:
        return (self.file, self.resource, repr(self.key))


@dataclass(frozen=True)
class Project:
    """The curated files as the build reads them, and what waits for review in them."""

    root: Path
    registry: Registry
    tables: Tables
    proposals: tuple[Proposal, ...]
    blocking: tuple[Finding, ...]  # findings in the files under review that review cannot settle
    drafts: tuple[tuple[str, str], ...]  # (file, article_id) of every drafted article file under review

    def row(self, resource: str, key: object) -> dict | None:
        return _rows_by_key(self.tables, self.registry, resource).get(key)


def read_project(root: Path, files: set[str] | None = None) -> Project:
    """The project's curated files, with the entries that wait for review in `files` (all when None),
    in file and line order."""
    registry = load_registry(root)
    tables, lines = load_tables(root, registry)
    proposals = []
    by_key = {name: _rows_by_key(tables, registry, name) for name in registry.names}
    # A drafted article file brings along what the draft appended to the registries for it.
    named = {str(key) for (resource, key), (display, _) in lines.items() if resource == "articles" and files and display in files}
    for (resource, key), (display, entry) in lines.items():
        if files is not None and display not in files and entry.get(stamps.PROPOSED_FOR) not in named:
            continue
        row = by_key[resource].get(key) or {}
        article = lines.get(("articles", row.get("article_id"))) if resource != "articles" else None
        listed = stamps.ledger_line(resource, key) in tables.drafted or (
            article is not None and stamps.ledger_line("articles", row.get("article_id")) in tables.drafted)
        found = stamps.state(entry, listed or stamps.is_drafted(entry, article[1] if article else None))
        if found is stamps.State.CONFIRMED:
            continue
        offsets = span_columns(registry[resource].schema)
        span = (int(row[offsets[SPAN_START]]), int(row[offsets[SPAN_END]])) if offsets and row.get(offsets[SPAN_START]) else None
        article_id = row.get("article_id") if resource != "articles" else str(key)
        proposals.append(Proposal(resource, key, display, entry, found, article_id or entry.get(stamps.PROPOSED_FOR), span))
    proposals.sort(key=lambda p: (p.file, p.entry.line))
    blocking = tuple(f for f in tables.findings if f.code not in REVIEW_CODES and (files is None or f.file in files))
    drafts = tuple((display, str(key)) for (resource, key), (display, entry) in lines.items()
                   if resource == "articles" and stamps.DRAFTED_ON in entry and (files is None or display in files))
    return Project(root, registry, tables, tuple(proposals), blocking, drafts)


def _rows_by_key(tables: Tables, registry: Registry, resource: str) -> dict:
    return {registry[resource].key(row): row for row in tables.rows.get(resource, [])}


def passage(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The span in its paragraph, marked »like this«, with at most `width` characters either side."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    before = text[max(para_start, start - width):start]
    after = text[end:min(para_end, end + width)]
    lead = "…" if start - width > para_start else ""
    tail = "…" if end + width < para_end else ""
    return f"{lead}{before}»{text[start:end]}«{after}{tail}"


def where_named(project: Project, proposal: Proposal) -> str | None:
    """For a registry entry the draft appended: the first passage of its article that tells of it (an
    event or an offer through a mention, an event's participant through its event's mention), or
    names it (a person or organization, by name or alias)."""
    text = project.tables.texts.get(proposal.article_id or "")
    if not text:
        return None
    own = project.registry.own_ids.get(proposal.resource)
    for resource in project.registry.article_lists:
        for field, target in foreign_keys(project.registry, resource.name).items():
            value = proposal.key if project.registry.own_ids.get(target) == own == field else proposal.entry.get(field)
            if target == "articles" or value in (None, "") or field not in (own, *proposal.entry):
                continue
            offsets = span_columns(resource.schema)
            for row in project.tables.rows.get(resource.name, []):
                if row.get(field) == value and row.get("article_id") == proposal.article_id:
                    return passage(text, int(row[offsets[SPAN_START]]), int(row[offsets[SPAN_END]]))
    names = [proposal.entry.get("name"), *(proposal.entry.get("aliases") or [])]
    for name in (str(n) for n in names if n):
        found = text.find(name)
        if found >= 0:
            return passage(text, found, found + len(name))
    return None


def referring(project: Project, proposal: Proposal) -> list[tuple[str, object]]:
    """The entries (resource, key) whose links name this one: what rejecting it would leave broken."""
    if proposal.resource not in project.registry.registry_files:
        return []
    own = project.registry.own_ids.get(proposal.resource)
    out = []
    for resource in project.registry.names:
        for field, target in foreign_keys(project.registry, resource).items():
            if target != proposal.resource or field != own or (resource == proposal.resource):
                continue
            out += [(resource, project.registry[resource].key(row)) for row in project.tables.rows.get(resource, [])
                    if row.get(field) == str(proposal.key)]
    return out


def summary(row: dict) -> str:
    """A registry row in one line: its name, role, type, dates, description, as far as it has them."""
    parts = [str(row[c]) for c in SUMMARY if row.get(c)]
    line = " · ".join(parts)
    return line if len(line) <= 160 else line[:159] + "…"


def links(project: Project, proposal: Proposal) -> list[tuple[str, str, str]]:
    """(field, resource, summary) for each value of the entry that names a registry row."""
    out = []
    for field, resource in foreign_keys(project.registry, proposal.resource).items():
        value = proposal.entry.get(field)
        if value in (None, "") or resource == "articles":
            continue
        row = project.row(resource, str(value))
        out.append((field, resource, summary(row) if row else "not in the registry"))
    return out


def foreign_keys(registry: Registry, resource: str) -> dict[str, str]:
    """The single-column foreign keys of a resource: field -> the resource it names."""
    return {fk["fields"][0]: fk["resource"] or resource for fk in schema_foreign_keys(registry[resource].schema) if len(fk["fields"]) == 1}


def candidates(project: Project, proposal: Proposal) -> tuple[str, list[tuple[str, str]]]:
    """The field a curator may relink, and the registry entries close to what it links to now:
    events of the same type or within a week of it, people of the same family name or organization
    (or named in the passage). ("", []) when the entry links to nothing relinkable."""
    own_id = project.registry.own_ids.get(proposal.resource)  # an event's event_id is its name, not a link
    field = next((f for f in RELINKABLE if proposal.entry.get(f) and f != own_id), "")
    if not field:
        return "", []
    current = str(proposal.entry[field])
    if field == "event_id":
        return field, _near_events(project, current)
    return field, _near_people(project, proposal, current)


def _near_events(project: Project, current: str) -> list[tuple[str, str]]:
    events = project.tables.rows.get("events", [])
    this = project.row("events", current) or {}
    start = _date(this.get("start_date"))

    def distance(row: dict) -> int | None:
        other = _date(row.get("start_date"))
        return abs((other - start).days) if other and start else None

    near = []
    for row in events:
        if row["event_id"] == current:
            continue
        days = distance(row)
        same_type = bool(this.get("event_type")) and row.get("event_type") == this.get("event_type")
        if same_type or (days is not None and days <= NEAR_DAYS):
            near.append(((not same_type, days if days is not None else 10**6, row["event_id"]), row))
    return [(row["event_id"], summary(row)) for _, row in sorted(near, key=lambda item: item[0])[:MAX_CANDIDATES]]


def _near_people(project: Project, proposal: Proposal, current: str) -> list[tuple[str, str]]:
    this = project.row("people", current) or {}
    family = _family(this.get("name", ""))
    text = project.tables.texts.get(proposal.article_id or "", "")
    seen = passage(text, *proposal.span) if proposal.span and text else ""
    near = []
    for row in project.tables.rows.get("people", []):
        if row["person_id"] == current:
            continue
        named_here = bool(row.get("name")) and _family(row["name"]) in seen
        if (family and _family(row.get("name", "")) == family) or (this.get("org_id") and row.get("org_id") == this.get("org_id")) or named_here:
            near.append((not named_here, row["person_id"], row))
    return [(row["person_id"], summary(row)) for *_, row in sorted(near, key=lambda item: item[:2])[:MAX_CANDIDATES]]


def _family(name: str) -> str:
    words = re.findall(r"[\w'’-]+", name)
    return words[-1] if words else ""


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
