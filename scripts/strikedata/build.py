"""seeds -> tables -> checks -> files. `build_package` writes build/ all or nothing."""

from __future__ import annotations

import contextlib
import csv
import ctypes
import datetime as dt
import errno
import functools
import io
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import annotations as ann, paths
from .findings import Finding, tidy
from .normalize import NormalizationError, NormalizedArticle, normalize
from .paths import UnsafePath
from .registry import ARTICLE_FILES, BUILD_KEY, SPAN_END, SPAN_START, Registry, RegistryError, Resource, load_registry, span_columns
from .review import stamps
from .rules.records import proposer_accounts
from .rules.texts import text_facts
from .seedsums import MAX_SEED_BYTES, SEED_DIR, SeedSums, read_sums, seed_integrity, sha256
from .spans import HintBudget, NotFound, locate, shorten

try:
    import fcntl
except ImportError:  # Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

# Keys curators write that are not columns: where to look for a repeated passage.
ANNOTATION_ONLY = {"occurrence"}
# Seed-only keys of an article file: the draft's date, and a date header the curators found wrong.
OVERRIDES_HEADER = "overrides_header_date"
ARTICLE_ONLY = {stamps.DRAFTED_ON, OVERRIDES_HEADER}
# How long a build waits for another build of the same project before it gives up.
LOCK_SECONDS = 120.0
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass
class Tables:
    registry: Registry
    rows: dict[str, list[dict]] = field(default_factory=dict)
    drafted: frozenset[str] = frozenset()  # the ledger's lines: entries `strikedata extract` wrote (stamps.LEDGER)
    texts: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    # A build spends a few seconds at most on closest-passage hints, however many spans are missing.
    hints: HintBudget = field(default_factory=HintBudget)


def cell(value: object) -> str:
    """A YAML value as it goes into a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    if isinstance(value, list):
        return ";".join(cell(v) for v in value)
    return str(value)


def check_keys(entry: ann.Located, allowed: set[str], computed: set[str], path: str, what: str) -> list[Finding]:
    out = []
    for key in entry:
        if key in computed:
            out.append(Finding(file=path, line=entry.line_of(key), field=key, code="computed-key",
                               message=f"{what}: '{key}' is computed by the build", hint="delete this line"))
        elif key not in allowed:
            out.append(Finding(file=path, line=entry.line_of(key), field=key, code="unknown-key", message=f"{what}: unknown key '{key}'",
                               hint=f"allowed keys: {', '.join(sorted(allowed))}"))
    return out


def check_confirmed(entry: ann.Located, path: str, what: str, drafted: bool) -> list[Finding]:
    """A proposal of `strikedata extract` stays out of the package until a curator confirms it with
    `strikedata review`, which stamps it; an entry changed since its stamp is confirmed again."""
    found = stamps.state(entry, drafted)
    if found is stamps.State.CONFIRMED:
        return []
    review = f"strikedata review {path}"
    if found is stamps.State.CHANGED:
        return [Finding(file=path, line=entry.line_of("confirmed"), field="confirmed", code="changed-after-review",
                        message=f"{what}: changed since it was confirmed", hint=f"run `{review}` and confirm it as it now reads")]
    confidence = entry.get("confidence")
    about = f" (confidence {confidence})" if confidence is not None else ""
    return [Finding(file=path, line=entry.line_of("confirmed"), field="confirmed", code="unconfirmed-proposal",
                    message=f"{what}: proposed by strikedata extract{about} and not yet confirmed",
                    hint=f"run `{review}`: it shows each proposal with its sentence, and you confirm, correct or reject it")]


def row_from(entry: ann.Located, columns: list[str]) -> dict[str, str]:
    return {c: cell(entry.get(c)) for c in columns}


def check_values(entry: ann.Located, columns: list[str], lists: frozenset[str], path: str, what: str) -> list[Finding]:
    """A cell takes one plain value: a list only where the column is a list (`lists`), never a mapping."""
    out = []
    for key in columns:
        value = entry.get(key)
        if isinstance(value, dict) or (isinstance(value, list) and key not in lists):
            kind = "a mapping" if isinstance(value, dict) else "a list"
            out.append(Finding(file=path, line=entry.line_of(key), field=key, code="wrong-type",
                               message=f"{what}: '{key}' takes one value, not {kind}", hint="write a single value on this line"))
        elif isinstance(value, list) and any(isinstance(v, (list, dict)) for v in value):
            out.append(Finding(file=path, line=entry.line_of(key), field=key, code="wrong-type",
                               message=f"{what}: '{key}' is a list of plain values", hint="write [first, second]"))
    return out


def in_project(root: Path, display: str, tables: Tables) -> bool:
    """A curated file is read only when it stays in the project (no symbolic link leading out)."""
    try:
        paths.inside(root, display)
    except UnsafePath as error:
        tables.findings.append(Finding(file=display, code="seed-path", message=f"{error}: it is not read",
                                       hint="replace the link by the file itself"))
        return False
    return True


def check_entry(entry: ann.Located, resource: Resource, lists: frozenset[str], path: str, extra_keys: set[str],
                drafted: bool) -> list[Finding]:
    """An entry's keys (columns, less the computed ones, plus `extra_keys`), values and confirmation
    (`drafted`: it comes from `strikedata extract`, so only a review stamp confirms it)."""
    computed = resource.computed_columns
    allowed = (set(resource.columns) - computed) | extra_keys | stamps.REVIEW_KEYS  # the keys a proposal carries
    return (check_keys(entry, allowed, set(computed), path, resource.name) + check_values(entry, resource.columns, lists, path, resource.name)
            + check_confirmed(entry, path, resource.name, drafted))


def load_registry_file(root: Path, resource: Resource, tables: Tables, lines: dict) -> None:
    """The rows of a resource kept in a registry file (a YAML list of entries)."""
    path = resource.rows
    if not in_project(root, path, tables):
        return
    doc, findings = ann.load_yaml(root / path, path)
    tables.findings += findings
    if doc is None:
        return
    entries, findings = ann.expect_list(doc)
    tables.findings += findings
    for entry in entries:
        row = row_from(entry, resource.columns)
        drafted = stamps.is_drafted(entry) or stamps.ledger_line(resource.name, resource.key(row)) in tables.drafted
        tables.findings += check_entry(entry, resource, tables.registry.list_columns, path, {stamps.PROPOSED_FOR}, drafted)
        tables.rows[resource.name].append(row)
        lines[(resource.name, resource.key(row))] = (path, entry)


def load_article(root: Path, path: Path, tables: Tables, lines: dict, sums: SeedSums | None = None) -> None:
    """One article annotation file: the article's row and text, then the rows of its lists."""
    display = path.relative_to(root).as_posix()
    doc = read_article_file(root, path, display, tables)
    if doc is None:
        return
    data = doc.data
    articles = tables.registry["articles"]
    lists = {r.listed_as for r in tables.registry.article_lists}
    article_id, seed_file = cell(data.get("article_id")), cell(data.get("seed_file"))
    drafted = stamps.is_drafted(data) or stamps.ledger_line("articles", article_id) in tables.drafted
    tables.findings += check_entry(data, articles, tables.registry.list_columns, display, {str(key) for key in lists} | ARTICLE_ONLY,
                                   drafted)
    problem = article_id_problem(article_id, seed_file, data, display)
    if problem:
        tables.findings.append(problem)
        return
    raw = read_seed(root, seed_file, display, data.line_of("seed_file"), tables)
    if raw is None:
        return
    tables.findings += seed_integrity(sums if sums is not None else read_sums(root), seed_file, raw, display, data.line_of("seed_file"))
    try:
        article = normalize(raw)
    except NormalizationError as error:
        tables.findings.append(Finding(file=seed_file, resource="articles", code="seed-encoding", message=str(error)))
        return
    if article_id in tables.texts:
        tables.findings.append(Finding(file=display, line=data.line_of("article_id"), resource="articles", field="article_id",
                                       code="duplicate-id", message=f"article_id {article_id} is used by another annotation file"))
        return
    row = article_row(data, articles.columns, article_id, raw, article, display, tables)
    tables.rows["articles"].append(row)
    tables.texts[article_id] = article.text
    lines[("articles", article_id)] = (display, data)
    for resource in tables.registry.article_lists:
        load_article_list(doc, resource, article_id, article.text, display, tables, lines, drafted)


def read_article_file(root: Path, path: Path, display: str, tables: Tables) -> ann.Document | None:
    """The article file as a mapping, or None (and a finding) when it is none."""
    if not in_project(root, display, tables):
        return None
    doc, findings = ann.load_yaml(path, display)
    tables.findings += findings
    if doc is None:
        return None
    if not isinstance(doc.data, ann.Located):
        tables.findings.append(Finding(file=display, line=1, code="annotation-shape", message="the file must be a mapping of keys to values"))
        return None
    return doc


def article_id_problem(article_id: str, seed_file: str, data: ann.Located, display: str) -> Finding | None:
    if not article_id or not seed_file:
        return Finding(file=display, line=data.line, resource="articles", code="required",
                       message="article_id and seed_file are required", hint="see CONTRIBUTING.md")
    if not SLUG.fullmatch(article_id):
        # It names files (texts/<article_id>.txt): refuse it before it is used as one.
        return Finding(file=display, line=data.line_of("article_id"), resource="articles", field="article_id", code="pattern",
                       message=f"{article_id!r}: an id is a lowercase slug", hint="use lowercase letters, digits and hyphens")
    return None


def article_row(data: ann.Located, columns: list[str], article_id: str, raw: bytes, article: NormalizedArticle, display: str,
                tables: Tables) -> dict[str, str]:
    """The article's row: what the curator wrote, the date the seed states, and the computed columns."""
    row = row_from(data, columns)
    row["date_basis"], row["published_date"] = publication_date(data, article.published_date, row["published_date"], display, tables)
    row.update(seed_sha256=sha256(raw), dateline=article.dateline or "", source_domain=article.source_domain or "",
               text_path=f"texts/{article_id}.txt", normalizations=";".join(article.normalizations), **text_facts(article.text))
    return row


def publication_date(data: ann.Located, stated: str | None, curated: str, display: str, tables: Tables) -> tuple[str, str]:
    """The article's (date_basis, published_date). The seed's date header wins, unless the curators
    found it wrong and say so: `overrides_header_date` repeats the header's date, and `published_date`
    gives the right one (`corrected`; the pack's rule `inference-unexplained` asks date_note why).
    Without a header the date is reasoned from the text (`inferred`)."""
    overridden = cell(data.get(OVERRIDES_HEADER))

    def refuse(field: str, message: str, hint: str) -> None:
        tables.findings.append(Finding(file=display, line=data.line_of(field), resource="articles", field=field, code="date-conflict",
                                       message=message, hint=hint))

    if not stated:
        if overridden:
            refuse(OVERRIDES_HEADER, f"{OVERRIDES_HEADER} says the header states {overridden}, but the seed has no date header",
                   f"delete {OVERRIDES_HEADER}")
        return "inferred", curated
    if overridden and overridden != stated:
        refuse(OVERRIDES_HEADER, f"{OVERRIDES_HEADER} is {overridden}, but the seed's header states {stated}",
               f"write the header's date, {stated}, to confirm that it is the one found wrong")
    elif overridden and curated and curated != stated:
        return "corrected", curated
    elif overridden:
        refuse(OVERRIDES_HEADER, f"{OVERRIDES_HEADER} says the header's {stated} is wrong, but published_date gives no other date",
               f"write the right date in published_date, or delete {OVERRIDES_HEADER}")
    elif curated and curated != stated:
        refuse("published_date", f"the seed states {stated} but the annotation says {curated}",
               f"delete published_date; or, if the header is wrong, add `{OVERRIDES_HEADER}: {stated}` and say in date_note why")
    return "stated", stated


def load_article_list(doc: ann.Document, resource: Resource, article_id: str, text: str, display: str, tables: Tables,
                      lines: dict, drafted: bool) -> None:
    """The rows an article file lists under a resource's name, each located in the article's text."""
    entries, findings = ann.expect_list(doc, str(resource.listed_as))
    tables.findings += findings
    for entry in entries:
        tables.findings += check_entry(entry, resource, tables.registry.list_columns, display, ANNOTATION_ONLY, drafted)
        span_row = locate_row(entry, resource, article_id, text, display, tables)
        if span_row is not None:
            tables.rows[resource.name].append(span_row)
            lines[(resource.name, resource.key(span_row))] = (display, entry)


def seed_place(root: Path, seed_file: str) -> Path:
    """Where the raw article `seed_file` names is, once it is sure to be a file directly in seeds/raw/
    (no absolute path, no '..', no URL, no symbolic link leading out); UnsafePath otherwise."""
    problem = paths.path_problem(seed_file)
    if problem:
        raise UnsafePath(problem)
    parts = PurePosixPath(seed_file).parts
    if len(parts) != 3 or "/".join(parts[:2]) != SEED_DIR:
        raise UnsafePath(f"{seed_file!r} is not a file directly in {SEED_DIR}/")
    paths.safe_name(parts[2], "seed file name")
    # seeds/raw/ itself must stay in the project, and the seed in seeds/raw/, links followed.
    return paths.inside(paths.inside(root, SEED_DIR), parts[2])


def read_seed(root: Path, seed_file: str, display: str, line: int, tables: Tables) -> bytes | None:
    """The bytes of the raw article, or None with a finding: a seed outside seeds/raw/ is never read."""
    def refuse(code: str, message: str, hint: str) -> None:
        tables.findings.append(Finding(file=display, line=line, resource="articles", field="seed_file", code=code, message=message, hint=hint))

    try:
        place = seed_place(root, seed_file)
    except UnsafePath as error:
        refuse("seed-path", f"{error}: a seed is a file directly in {SEED_DIR}/; it was not read",
               f"put the raw article itself in {SEED_DIR}/ and write seed_file: {SEED_DIR}/<its file name>")
        return None
    try:
        return paths.read_limited(place, MAX_SEED_BYTES, seed_file)
    except FileNotFoundError:
        refuse("seed-missing", f"seed file not found: {seed_file}", "put the raw article under seeds/raw/")
    except UnsafePath as error:
        refuse("seed-unreadable", f"{error}: it was not read", "put the article as received, a plain text file, in seeds/raw/")
    except OSError as error:
        refuse("seed-unreadable", f"{seed_file}: {error.strerror or error}", "check the file's permissions")
    return None


def locate_row(entry: ann.Located, resource: Resource, article_id: str, text: str, display: str, tables: Tables) -> dict | None:
    """The entry's row, with its span located in the article's text (None, and a finding, when it is not there)."""
    source = str(resource.span)
    needle = cell(entry.get(source))
    occurrence = entry.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        tables.findings.append(Finding(file=display, line=entry.line_of("occurrence"), resource=resource.name, field="occurrence",
                                       code="bad-occurrence", message=f"occurrence must be a whole number from 1, not {occurrence!r}"))
        return None
    found = locate(text, needle, occurrence, tables.hints)
    if isinstance(found, NotFound):
        tables.findings.append(Finding(file=display, line=entry.line_of(source), resource=resource.name, field=source, code="span-not-found",
                                       message=f"{shorten(needle, 50)!r}: {found.message} ({article_id})", hint=found.hint))
        return None
    offsets = span_columns(resource.schema)
    row = row_from(entry, resource.columns)
    row.update({"article_id": article_id, offsets[SPAN_START]: str(found.start), offsets[SPAN_END]: str(found.end)})
    return row


def read_drafted(root: Path) -> frozenset[str]:
    """The ledger of drafted entries (stamps.LEDGER), empty when there is none."""
    try:
        return stamps.read_ledger(paths.read_limited(root / stamps.LEDGER, ann.MAX_ANNOTATION_BYTES, stamps.LEDGER).decode("utf-8", "replace"))
    except (OSError, UnsafePath):
        return frozenset()


def load_tables(root: Path, registry: Registry) -> tuple[Tables, dict[tuple, tuple[str, ann.Located]]]:
    """Read every curated file; rows come back as CSV-ready strings, with where each row came from."""
    tables = Tables(registry, {name: [] for name in registry.names}, drafted=read_drafted(root))
    lines: dict[tuple, tuple[str, ann.Located]] = {}
    for resource in registry.resources:
        if resource.from_registry_file:
            load_registry_file(root, resource, tables, lines)
    sums = read_sums(root)
    tables.findings += sums.findings
    for path in sorted(root.glob(ARTICLE_FILES)):
        load_article(root, path, tables, lines, sums)
    for resource in registry.resources:
        tables.rows[resource.name].sort(key=resource.sort_key)
    mark_proposer_account(tables.rows)
    label_articles(tables.rows)
    return tables, lines


def mark_proposer_account(rows: dict[str, list[dict]]) -> None:
    """offers.proposer_account (rules.records.proposer_accounts), so that counting a side's proposals
    need not count the other side's descriptions of them."""
    accounts = proposer_accounts((m["offer_id"], m.get("characterization") == "false", m.get("asserted_by_basis"))
                                 for m in rows.get("offer_mentions", []))
    for offer in rows.get("offers", []):
        offer["proposer_account"] = accounts.get(offer["offer_id"], "none")


def article_label(article: dict, outlets: dict[str, str]) -> str:
    """articles.label: the outlet's name and the published date ("KCRA 3, 2022-03-30"), for people and
    tools that show a row by a label (the field typed rdfs:label). The seeds give no headline."""
    outlet = outlets.get(article.get("outlet_org_id", ""), "") or article.get("outlet_org_id", "")
    return ", ".join(x for x in (outlet, article.get("published_date", "")) if x)


def label_articles(rows: dict[str, list[dict]]) -> None:
    outlets = {o["org_id"]: o.get("name", "") for o in rows.get("organizations", [])}
    for article in rows.get("articles", []):
        article["label"] = article_label(article, outlets)


def article_sources(articles: list[dict]) -> list[dict]:
    """The package's sources: one per article, named by its label (and the domain its seed gives), with
    a path only to what the seeds say: the article's URL when they give one, else its text in the package."""
    out = []
    for article in articles:
        domain = article.get("source_domain", "")
        title = ", ".join(x for x in (article.get("label", ""), domain) if x)
        out.append({"title": f"{title} (article {article['article_id']})",
                    "path": article.get("url") or article["text_path"]})
    return out


def csv_bytes(rows: list[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def created_timestamp(source: dict) -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return source["created"]


def package_descriptor(source: dict, schemas: dict, files: dict[str, bytes], articles: list[dict]) -> dict:
    """The self-contained build/datapackage.json (Data Package v2): the source descriptor's metadata
    (id, homepage, repository and any other property as declared there), schemas inlined, hash and bytes
    on every resource, the tables typed `table`, each article's text a resource of its own."""
    descriptor = {k: v for k, v in source.items() if k not in ("resources", "sources")}
    descriptor["created"] = created_timestamp(source)
    # Data Package v2: the sources the source descriptor declares, then one per article.
    descriptor["sources"] = [*source.get("sources", []), *article_sources(articles)]
    resources = []
    for resource in source["resources"]:
        name = resource["name"]
        path = f"{name}.csv"
        data = files[path]
        resources.append({
            "name": name,
            "type": "table",  # v2 (v1 said profile: tabular-data-resource)
            **{k: v for k, v in resource.items() if k not in ("name", "path", "schema", BUILD_KEY)},
            "path": path,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": f"sha256:{sha256(data)}",
            "schema": schemas[name],
        })
    for article in articles:
        data = files[article["text_path"]]
        resources.append({
            "name": f"text-{article['article_id']}",
            "path": article["text_path"],
            "title": f"Normalized text of article {article['article_id']}",
            "description": "The article text after the recorded normalizations; every char_start/char_end indexes into it.",
            "format": "txt",
            "mediatype": "text/plain",
            "encoding": "utf-8",
            "bytes": len(data),
            "hash": f"sha256:{sha256(data)}",
            "licenses": source["textLicenses"],
        })
    descriptor.pop("textLicenses", None)
    descriptor["resources"] = resources
    return descriptor


def render_files(root: Path, tables: Tables) -> dict[str, bytes]:
    """Every file of build/, as bytes, keyed by its path inside build/."""
    source = json.loads((root / "datapackage.json").read_text("utf-8"))
    schemas = tables.registry.schemas
    files = {f"{r.name}.csv": csv_bytes(tables.rows[r.name], r.columns) for r in tables.registry.resources}
    for article in tables.rows["articles"]:
        files[article["text_path"]] = tables.texts[article["article_id"]].encode("utf-8")
    descriptor = package_descriptor(source, schemas, files, tables.rows["articles"])
    files["datapackage.json"] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return files


def write_tree(directory: Path, files: dict[str, bytes]) -> None:
    for relative, data in sorted(files.items()):
        target = paths.inside(directory, relative)  # UnsafePath: a ValueError the build reports
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def locate_findings(findings: list[Finding], lines: dict, tables: Tables) -> list[Finding]:
    """Point table findings back at the annotation line the row came from."""
    out = []
    for f in findings:
        if f.resource and f.row is not None and f.resource in tables.rows:
            rows = tables.rows[f.resource]
            index = f.row - 2
            if 0 <= index < len(rows):
                where = lines.get((f.resource, tables.registry[f.resource].key(rows[index])))
                if where:
                    path, entry = where
                    line = entry.line_of(f.field) if f.field else entry.line
                    f = Finding(file=path, line=line, resource=f.resource, row=f.row, field=f.field, code=f.code, message=f.message, hint=f.hint)
        out.append(f)
    return out


def build_package(root: Path, *, out: Path | None = None, progress: Callable[[str], None] = lambda _: None,
                  official: bool = True, lock_timeout: float = LOCK_SECONDS,
                  _before_swap: Callable[[Path], None] | None = None) -> list[Finding]:
    """Build, validate, and only then replace build/. Returns the findings; empty means written.

    One build of a project at a time: a second one waits for the lock (`.build.lock` beside build/) up
    to `lock_timeout` seconds. `official` also runs the frictionless validator on the result (on by
    default for builds).
    """
    out = out or root / "build"
    lock = out.with_name(f".{out.name}.lock")
    try:
        with build_lock(lock, lock_timeout, progress):
            return _build(root, out, progress, official, _before_swap)
    except BuildLocked as error:
        return [Finding(file=shown(root, lock), code="build-locked", message=str(error),
                        hint="wait for the other build to finish (or stop it), then build again")]
    except BuildNotWritten as error:
        return [Finding(file=shown(root, out), code="build-write", message=str(error), hint=error.hint)]


def _build(root: Path, out: Path, progress: Callable[[str], None], official: bool,
           before_swap: Callable[[Path], None] | None) -> list[Finding]:
    from .validate import validate_package
    from .validator.official import official_findings

    clear_leftovers(out, progress)
    progress("reading seeds and annotations")
    try:
        registry = load_registry(root)
    except (RegistryError, OSError, ValueError) as error:
        return [Finding(file="datapackage.json", code="registry", message=f"the resource registry cannot be read: {error}",
                        hint="each resource names its schema, and its \"build\" says where its rows come from (docs/architecture.md)")]
    tables, lines = load_tables(root, registry)
    if tables.findings:
        return tidy(tables.findings)
    progress("rendering tables")
    files = render_files(root, tables)
    with writing(out, "could not write the new build"):
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    previous = None
    try:
        with writing(out, "could not write the new build"):
            staging.chmod(0o755)  # mkdtemp makes it private; build/ is for everyone to read
            write_tree(staging, files)
        progress("validating the package (our checks, then frictionless)")
        found = validate_package(staging / "datapackage.json").findings
        if not found and official:
            # Only a package we find valid needs frictionless's word too: a contributor's mistake is
            # reported a second sooner, and ours are a superset of its findings anyway (test_peer).
            found = official_findings(staging / "datapackage.json")
        if found:
            return tidy(locate_findings(found, lines, tables))
        if before_swap:
            before_swap(staging)
        blocked = unremovable(out)
        if blocked:
            raise BuildNotWritten(f"{shown(root, blocked)} is not writable, so the previous {out.name}/ cannot be "
                                  "replaced; it is left as it was",
                                  f"make it writable (chmod -R u+w {shown(root, out)}), then build again")
        progress(f"writing {shown(root, out)}/")
        with writing(out, f"could not put the new build in the place of {out.name}/"):
            previous = swap_in(staging, out)
        return []
    finally:
        for leftover in (staging, previous):
            if leftover is not None and (leftover.exists() or leftover.is_symlink()):
                try:
                    remove_tree(leftover)
                except OSError as error:
                    progress(f"could not remove {shown(root, leftover)} ({error.strerror or error}); "
                             "the next build removes it")


class BuildLocked(Exception):
    """Another build held the lock for longer than this one waits."""


class BuildNotWritten(Exception):
    """build/ could not be replaced; the previous one is left as it was."""

    def __init__(self, message: str, hint: str = "check the folder's permissions and the free disk space, then build again"):
        super().__init__(message)
        self.hint = hint


@contextlib.contextmanager
def writing(out: Path, what: str) -> Iterator[None]:
    """OSError while writing becomes BuildNotWritten: a finding for the user, never a traceback."""
    try:
        yield
    except OSError as error:
        raise BuildNotWritten(f"{what}: {error.strerror or error}"
                              + (f" ({error.filename})" if error.filename else "")
                              + f"; the previous {out.name}/ is left as it was") from None


def shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


@contextlib.contextmanager
def build_lock(path: Path, timeout: float, progress: Callable[[str], None]) -> Iterator[None]:
    """Hold an exclusive lock on `path` (flock) for the whole build; wait for it up to `timeout` seconds.

    The kernel drops the lock when its holder ends, however it ends: a crashed build never leaves the
    project locked. The file itself stays (git ignores it) and names the last holder's process."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as error:
        raise BuildNotWritten(f"could not open the build lock {path.name}: {error.strerror or error}; nothing was built",
                              f"{path.name} must be a regular file the build can write (delete it if it is a link)") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BuildNotWritten(f"{path.name} is not a regular file", f"delete {path}")
        deadline = time.monotonic() + timeout
        tell = time.monotonic()
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                now = time.monotonic()
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                who = f"process {holder}" if holder.isdigit() else "another process"
                if now >= deadline:
                    raise BuildLocked(f"another build of this project ({who}) held {path.name} for over "
                                      f"{timeout:g} s; nothing was built") from None
                if now >= tell:
                    progress(f"waiting for another build of this project to finish ({who} holds {path.name})")
                    tell = now + 10
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


def clear_leftovers(out: Path, progress: Callable[[str], None]) -> None:
    """Remove what a crashed or killed build left beside `out`: staging folders, and a previous tree
    set aside by a swap (`build.old` from older versions). Only ever called under the lock, so no
    running build owns them; one that cannot be removed is reported and does not stop the build."""
    if not (out.exists() or out.is_symlink()):
        # Killed between the two renames of a swap without exchange: the previous tree goes back.
        for aside in sorted(out.parent.glob(f".{out.name}-*-previous")):
            if aside.is_dir() and not aside.is_symlink():
                try:
                    aside.rename(out)
                except OSError as error:
                    progress(f"could not put back {aside.name}: {error.strerror or error}")
                    break
                progress(f"put back the previous {out.name}/, set aside by a build that was stopped")
                break
    leftovers = sorted(out.parent.glob(f".{out.name}-*"))
    legacy = out.with_name(out.name + ".old")
    if legacy.is_dir() and not legacy.is_symlink():
        leftovers.append(legacy)
    for leftover in leftovers:
        try:
            remove_tree(leftover)
        except OSError as error:
            progress(f"could not remove {leftover.name}, left by an earlier build: {error.strerror or error}")


def remove_tree(path: Path) -> None:
    """Delete a folder and what it holds; a symbolic link or a file is unlinked, never followed."""
    if path.is_symlink() or not path.is_dir():
        path.unlink()
    else:
        shutil.rmtree(path)


def unremovable(tree: Path) -> Path | None:
    """The first folder of `tree` whose entries this process cannot delete; None when all can go."""
    if tree.is_symlink() or not tree.is_dir():
        return None
    for folder, _, _ in os.walk(tree):
        if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
            return Path(folder)
    return None


def swap_in(staging: Path, out: Path) -> Path | None:
    """Put `staging` in the place of `out`; return where the previous tree now is, to delete.

    Where the system can (Linux's renameat2 RENAME_EXCHANGE), the two are exchanged in one step, so
    `out` never stops existing and a reader sees the old tree or the new one, whole. Elsewhere `out`
    is renamed aside, then `staging` in its place: a reader may find no `out` for that moment, and a
    failure of the second rename puts the old one back."""
    if not (out.exists() or out.is_symlink()):
        staging.rename(out)
        return None
    if exchange(staging, out):
        return staging
    aside = staging.with_name(staging.name + "-previous")
    out.rename(aside)
    try:
        staging.rename(out)
    except OSError:
        aside.rename(out)
        raise
    return aside


RENAME_EXCHANGE = 2
AT_FDCWD = -100


@functools.lru_cache(maxsize=1)
def _renameat2() -> Callable | None:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # not Linux, or a C library older than glibc 2.28
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system or the file system cannot (nothing moved)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))
