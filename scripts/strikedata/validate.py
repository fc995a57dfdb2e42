"""Validate a Data Package: descriptor, structure (declared schemas), semantics (our rules).

The structural rules come from each resource's Table Schema through `schema.to_pandera`; the
official frictionless validator can run alongside (`official=True`) and anything it reports on a
row we did not already flag is added, so our findings are always a superset of its findings.
"""

from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import checks
from .findings import Finding, tidy
from .schema import RESOURCES, foreign_keys, primary_key, to_pandera, typed_frame
from .tables import Table, read_table, resolve_schema


class CannotRun(Exception):
    """The validator could not run at all (exit 2), as opposed to finding the package invalid."""


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


def structure_findings(table: Table) -> list[Finding]:
    """Every declared field rule, unique and primary key, via the pandera schema derived from it."""
    if table.frame.empty:
        return []
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


def blank_key_findings(table: Table) -> list[Finding]:
    """Primary key fields are required even when their constraints do not say so."""
    pk = [c for c in primary_key(table.schema) if c in table.frame.columns]
    if not pk or table.frame.empty:
        return []
    blank = (table.frame[pk] == "").any(axis=1)
    return [_finding(table, int(i), None, "primary-key", f"a primary key cell ({', '.join(pk)}) is blank")
            for i in table.frame.index[blank]]


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


def load_texts(articles: Table, package_dir: Path) -> tuple[dict[str, str], list[Finding]]:
    """The article texts; text_path is relative to the folder of the articles table."""
    base = (package_dir / articles.path).parent if articles.path else package_dir
    texts, findings = {}, []
    for index, (article_id, text_path) in enumerate(zip(articles.frame["article_id"], articles.frame["text_path"])):
        try:
            texts[article_id] = (base / text_path).read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            findings.append(_finding(articles, index, "text_path", "text-missing",
                                     f"cannot read the article text {text_path}: {reason}"))
    return texts, findings


def semantic_findings(tables: dict[str, Table], texts: dict[str, str]) -> list[Finding]:
    ours = {name: t for name, t in tables.items() if name in RESOURCES}
    typed = {name: typed_frame(t.frame, t.schema) for name, t in ours.items()}
    schemas = {name: t.schema for name, t in ours.items()}
    out = []
    try:
        grouped = checks.semantic_rules(typed, schemas, texts)
    except (KeyError, ValueError, TypeError, AttributeError):
        # A table lacks a column the cross-table rules need: run what each table supports alone.
        grouped = {}
        for name in typed:
            try:
                grouped.update(checks.semantic_rules({name: typed[name]}, {name: schemas[name]}, texts))
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                out.append(_finding(tables[name], None, None, "check-failed", f"the semantic rules could not run on this table: missing or unreadable {error}"))
    for name, rules in grouped.items():
        table = tables[name]
        for failure in checks.run_rules(typed[name], rules):
            rule = failure.rule
            if failure.index < 0:
                out.append(_finding(table, None, rule.field, "check-failed", f"rule {rule.code} could not run: {failure.value}"))
                continue
            message = f"{_show(table.frame.at[failure.index, rule.field])}: {rule.message}" if rule.field in table.frame.columns else rule.message
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


def descriptor_findings(descriptor: Path) -> list[Finding]:
    """Layer 1: is it a valid Data Package descriptor? (frictionless reads metadata only, not data)."""
    import frictionless  # imported lazily: it is the slowest import we have

    try:
        frictionless.Package(str(descriptor))
    except frictionless.FrictionlessException as error:
        reasons = error.reasons or [error.error]
        return [Finding(descriptor.name, None, None, None, None, r.type, r.note or r.message) for r in reasons]
    return []


# frictionless codes that are also ours, with the same meaning: matched by row, whatever the field.
SHARED_ROW_CODES = {"foreign-key", "primary-key", "blank-row", "extra-cell", "missing-cell", "blank-label",
                    "duplicate-label", "extra-label", "missing-label", "incorrect-label", "byte-count", "hash-count",
                    "encoding-error", "source-error"}


def official_key(finding: Finding) -> tuple:
    """What makes a frictionless finding the same as one of ours: same row and code, or same cell."""
    if finding.code in SHARED_ROW_CODES:
        return (finding.resource, finding.row, finding.code)
    return (finding.resource, finding.row, finding.field)


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

    # The official run checks the descriptor itself; without it, load the metadata once here.
    findings: list[Finding] = [] if official else descriptor_findings(descriptor)
    tables: dict[str, Table] = {}
    for resource in package.get("resources", []) if isinstance(package, dict) else []:
        if not isinstance(resource, dict):
            continue
        schema, problem = resolve_schema(resource, package_dir)
        if problem:
            findings.append(problem)
            continue
        try:
            table, read_findings = read_table(package_dir, resource, schema)
        except Exception as error:  # noqa: BLE001 - a malformed descriptor must give a finding, not a crash
            findings.append(Finding(None, None, resource.get("name"), None, None, "check-failed",
                                    f"the resource could not be read as declared: {type(error).__name__}: {error}"))
            continue
        findings += read_findings
        if table is not None:
            tables[table.name] = table

    for table in tables.values():
        try:
            findings += structure_findings(table)
            findings += blank_key_findings(table)
            findings += foreign_key_findings(table, tables)
        except Exception as error:  # noqa: BLE001 - e.g. a bad regex or bound in a foreign schema
            findings.append(_finding(table, None, None, "check-failed",
                                     f"the declared rules could not run: {type(error).__name__}: {error}"))

    ours_present = {"articles", "quotes", "offers", "event_mentions"} & tables.keys()
    texts: dict[str, str] = {}
    if "articles" in tables:
        texts, text_findings = load_texts(tables["articles"], package_dir)
        findings += text_findings
    broken = {f.resource for f in findings if f.code in ("incorrect-label", "missing-label", "extra-label")}
    if ours_present:
        findings += semantic_findings({n: t for n, t in tables.items() if n not in broken}, texts)

    if official:
        ours = {official_key(f) for f in findings}
        findings += [f for f in official_findings(descriptor) if official_key(f) not in ours]

    findings = tidy(shown_from_cwd(f, package_dir) for f in findings)
    stats = {
        "seconds": round(time.perf_counter() - started, 3),
        "tables": len(tables),
        "rows": sum(len(t.frame) for t in tables.values()),
        "errors": len(findings),
    }
    return Report(findings, stats)
