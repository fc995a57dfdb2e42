"""Validate a Data Package: descriptor, structure (declared schemas), semantics (our rules).

The structural rules come from each resource's Table Schema through `schema.to_pandera`; the
official frictionless validator can run alongside (`official=True`) and anything it reports on a
row we did not already flag is added, so our findings are always a superset of its findings.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import checks
from .findings import Finding, tidy
from .schema import RESOURCES, foreign_keys, primary_key, to_pandera, typed_frame


class CannotRun(Exception):
    """The validator could not run at all (exit 2), as opposed to finding the package invalid."""


@dataclass
class Table:
    name: str
    path: str | None
    schema: dict
    frame: pd.DataFrame
    lines: list[int] | None = None  # physical line of each data row, when it is not row + first_row
    first_row: int = 2  # the row number of the first data row: 2 below a header, 1 without one

    def row(self, index: int) -> int:
        return index + self.first_row

    def line(self, index: int) -> int:
        return self.lines[index] if self.lines is not None else index + self.first_row


@dataclass
class Report:
    findings: list[Finding]
    stats: dict = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.findings


def _finding(table: Table, index: int | None, field_name: str | None, code: str, message: str, hint: str | None = None) -> Finding:
    return Finding(
        table.path,
        table.line(index) if index is not None else (1 if table.path else None),
        table.name,
        table.row(index) if index is not None else None,
        field_name,
        code,
        message,
        hint,
    )


def _show(value: object) -> str:
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = text.replace("\n", "⏎")
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def read_csv(package_dir: Path, resource: dict, schema: dict) -> tuple[pd.DataFrame, list[int] | None]:
    """Read a CSV resource as raw strings (blank cells as ''), keeping the physical line of each row.

    Without a header row (dialect header: false) the columns are named after the schema's fields.
    """
    path = package_dir / resource["path"]
    encoding = resource.get("encoding", "utf-8")
    text = path.read_bytes().decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    dialect = resource.get("dialect") or {}
    has_header = dialect.get("header", True) is not False
    names = [f["name"] for f in schema.get("fields", [])]
    frame = pd.read_csv(
        io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False,
        sep=dialect.get("delimiter", ","), quotechar=dialect.get("quoteChar", '"'), skip_blank_lines=False,
        header=0 if has_header else None,
    )
    if not has_header and len(frame.columns) == len(names):
        frame.columns = names
    lines = None
    if text.count("\n") - (1 if text.endswith("\n") else 0) + (0 if has_header else 1) != len(frame):
        # Cells with line breaks: find where each record starts.
        reader = csv.reader(io.StringIO(text), delimiter=dialect.get("delimiter", ","))
        if has_header:
            next(reader, None)
        lines, start = [], reader.line_num + 1
        for _ in reader:
            lines.append(start)
            start = reader.line_num + 1
    return frame, lines


def labels_match(labels: list[str], declared: list[str], mode: str) -> bool:
    """Table Schema v2 `fieldsMatch`: how the file's labels must relate to the declared fields."""
    if mode == "equal":
        return sorted(labels) == sorted(declared)
    if mode == "subset":
        return set(declared) <= set(labels)
    if mode == "superset":
        return set(labels) <= set(declared)
    if mode == "partial":
        return bool(set(labels) & set(declared))
    return labels == declared


def structure_findings(table: Table) -> list[Finding]:
    """Header labels, then every declared field rule, unique and primary key, via pandera."""
    declared = [f["name"] for f in table.schema.get("fields", [])]
    labels = list(table.frame.columns)
    mode = table.schema.get("fieldsMatch", "exact")
    if labels_match(labels, declared, mode) and labels != declared:
        # Check the fields the file has, in the declared order.
        present = [n for n in declared if n in labels]
        schema = dict(table.schema, fields=[f for f in table.schema["fields"] if f["name"] in present])
        table = Table(table.name, table.path, schema, table.frame[present], table.lines, table.first_row)
        declared, labels = present, present
    if labels != declared:
        missing = [n for n in declared if n not in labels]
        extra = [n for n in labels if n not in declared]
        message = "header differs from the schema's fields"
        if missing:
            message += f"; missing: {', '.join(missing)}"
        if extra:
            message += f"; not in the schema: {', '.join(extra)}"
        if not missing and not extra:
            message += "; the order differs"
        return [_finding(table, None, None, "header-mismatch", message, f"expected: {','.join(declared)}")]

    schema, rules = to_pandera(table.schema, table.name)
    try:
        schema.validate(table.frame, lazy=True)
        return []
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    out = []
    pk = primary_key(table.schema)
    for check, column, index, value in zip(cases["check"], cases["column"], cases["index"], cases["failure_case"]):
        if pd.isna(index):
            continue
        index = int(index)
        rule = rules.get(check)
        if rule is not None:
            out.append(_finding(table, index, rule.field, rule.code, f"{_show(value)}: {rule.message}"))
        elif check == "multiple_fields_uniqueness":
            key = ", ".join(f"{c}={_show(table.frame.at[index, c])}" for c in pk)
            out.append(_finding(table, index, None, "primary-key", f"primary key ({key}) is not unique"))
    return out


def foreign_key_findings(table: Table, tables: dict[str, Table]) -> list[Finding]:
    out = []
    for fk in foreign_keys(table.schema):
        target = tables.get(fk["resource"] or table.name)
        if target is None:
            out.append(_finding(table, None, None, "foreign-key", f"foreign key points to a resource that is not in the package: {fk['resource']}"))
            continue
        if any(c not in table.frame.columns for c in fk["fields"]) or any(c not in target.frame.columns for c in fk["ref_fields"]):
            continue  # reported as a header or schema problem
        local = table.frame[fk["fields"]]
        # A reference with any blank part is not a reference (frictionless does the same).
        present = (local != "").all(axis=1)
        keys = pd.MultiIndex.from_frame(local[present]) if len(fk["fields"]) > 1 else pd.Index(local.loc[present, fk["fields"][0]])
        ref = target.frame[fk["ref_fields"]]
        ref_keys = pd.MultiIndex.from_frame(ref) if len(fk["ref_fields"]) > 1 else pd.Index(ref[fk["ref_fields"][0]])
        dangling = ~keys.isin(ref_keys)
        for index in local[present].index[dangling]:
            values = ", ".join(f"{c}={_show(table.frame.at[index, c])}" for c in fk["fields"])
            out.append(_finding(table, int(index), fk["fields"][0] if len(fk["fields"]) == 1 else None, "foreign-key",
                                f"{values} matches no row of {target.name} ({', '.join(fk['ref_fields'])})"))
    return out


def load_texts(base: Path, articles: pd.DataFrame) -> tuple[dict[str, str], list[Finding]]:
    """The article texts; text_path is relative to the folder of the articles table."""
    texts, findings = {}, []
    for index, (article_id, text_path) in enumerate(zip(articles["article_id"], articles["text_path"])):
        path = base / text_path
        try:
            texts[article_id] = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            findings.append(Finding(text_path, None, "articles", index + 2, "text_path", "text-missing", f"cannot read the article text: {error}"))
    return texts, findings


def semantic_findings(tables: dict[str, Table], texts: dict[str, str]) -> list[Finding]:
    ours = {name: t for name, t in tables.items() if name in RESOURCES}
    typed = {name: typed_frame(t.frame, t.schema) for name, t in ours.items()}
    schemas = {name: t.schema for name, t in ours.items()}
    out = []
    for name, rules in checks.semantic_rules(typed, schemas, texts).items():
        table = tables[name]
        for failure in checks.run_rules(typed[name], rules):
            rule = failure.rule
            message = f"{_show(table.frame.at[failure.index, rule.field])}: {rule.message}" if rule.field else rule.message
            out.append(_finding(table, failure.index, rule.field, rule.code, message, rule.hint))
    return out


def official_findings(descriptor: Path) -> list[Finding]:
    """The frictionless validator's own report, as findings."""
    import frictionless  # imported lazily: it is the slowest import we have

    report = frictionless.validate(str(descriptor))
    out = [Finding(str(descriptor.name), None, None, None, None, e.type, e.note or e.message) for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            out.append(Finding(None, None, task.name, getattr(e, "row_number", None), getattr(e, "field_name", None) or None, e.type, e.note or e.message))
    return out


def shown_from_cwd(finding: Finding, package_dir: Path) -> Finding:
    """Name files as the user can open them: relative to the working folder (package-relative inside)."""
    if not finding.file:
        return finding
    path = (package_dir / finding.file).absolute()
    if path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return dataclasses.replace(finding, file=path.as_posix())


def validate_package(descriptor: Path, *, official: bool = True) -> Report:
    """Validate a package on disk. Raises CannotRun when there is nothing to validate."""
    started = time.perf_counter()
    if not descriptor.is_file():
        raise CannotRun(f"{descriptor}: no such file")
    package_dir = descriptor.parent
    try:
        package = json.loads(descriptor.read_text("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return Report([Finding(descriptor.name, getattr(error, "lineno", None), None, None, None, "descriptor-error", f"not a JSON Data Package descriptor: {error}")])

    findings: list[Finding] = []
    tables: dict[str, Table] = {}
    for resource in package.get("resources", []):
        name, path, schema = resource.get("name"), resource.get("path"), resource.get("schema")
        if isinstance(schema, str) and "://" not in schema:
            # A schema given by path, relative to the descriptor (Data Package allows this).
            try:
                schema = json.loads((package_dir / schema).read_text("utf-8"))
            except (OSError, ValueError) as error:
                findings.append(Finding(descriptor.name, None, name, None, None, "schema-error", f"cannot read schema {resource['schema']}: {error}"))
                continue
        if not isinstance(schema, dict) or not isinstance(path, str) or not path.endswith(".csv"):
            continue
        try:
            frame, lines = read_csv(package_dir, resource, schema)
        except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            findings.append(Finding(path, None, name, None, None, "source-error", f"cannot read the table: {error}"))
            continue
        has_header = (resource.get("dialect") or {}).get("header", True) is not False
        tables[name] = Table(name, path, schema, frame, lines, 2 if has_header else 1)

    for table in tables.values():
        findings += structure_findings(table)
        findings += foreign_key_findings(table, tables)

    ours_present = {"articles", "quotes", "offers", "event_mentions"} & tables.keys()
    texts: dict[str, str] = {}
    if "articles" in tables:
        articles = tables["articles"]
        texts, text_findings = load_texts((package_dir / articles.path).parent, articles.frame)
        findings += text_findings
    broken = {f.resource for f in findings if f.code == "header-mismatch"}
    if ours_present:
        findings += semantic_findings({n: t for n, t in tables.items() if n not in broken}, texts)

    if official:
        flagged = {(f.resource, f.row) for f in findings}
        findings += [f for f in official_findings(descriptor) if (f.resource, f.row) not in flagged]

    findings = tidy(shown_from_cwd(f, package_dir) for f in findings)
    stats = {
        "seconds": round(time.perf_counter() - started, 3),
        "tables": len(tables),
        "rows": sum(len(t.frame) for t in tables.values()),
        "errors": len(findings),
    }
    return Report(findings, stats)
