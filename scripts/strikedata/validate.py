"""Validate a Data Package: descriptor, structure (declared schemas), semantics (our rules).

The structural rules come from each resource's Table Schema (`schema.field_checks`). The fast path
reads CSVs with pyarrow and runs every rule as one vectorized pass; the reference path reads with
the csv module and runs the same rules through pandera (`schema.to_pandera`). Both give the same
findings (a test proves it on the broken corpora). The official frictionless validator can run
alongside (`official=True`): anything it reports on a row we did not already flag is added, so our
findings are always a superset of its findings.

Findings are counted in full but materialized up to `max_per_check` per check, so a million bad
rows cost a count, not a million messages.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np
import pandas as pd

from . import checks
from .descriptors import custom_profiles, leaves_its_folder, remote_references
from .findings import Finding, Tally, tidy
from .paths import MAX_DESCRIPTOR_BYTES, UnsafePath, path_problem, read_inside, read_limited
from .schema import RESOURCES, FieldCheck, arrow_strings, field_checks, foreign_keys, primary_key, typed_frame
from .tables import Table, read_table, resolve_schema, resource_name

DEFAULT_MAX_PER_CHECK = 1000


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
        table.name or None,
        table.row(index) if index is not None else None,
        field_name,
        code,
        message,
        hint,
    )


def _show(value: Any) -> str:  # a cell as pandas hands it back: text, or a missing value of any kind
    text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
    text = text.replace("\n", "⏎")
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


@dataclass(frozen=True)
class ColumnRule:
    """A declared field rule (a FieldCheck on one column) as a test over the whole table; given the
    table's typed view, the fast path reuses its parsed values instead of parsing again."""

    check: FieldCheck
    typed: pd.DataFrame | None = field(default=None, compare=False)
    hint = None

    @property
    def by_value(self) -> bool:
        # Worth judging once per distinct value (then mapped back to the rows): a parse or a regex per
        # cell. `required` and `enum` are a comparison or a hash lookup, cheaper than finding the values.
        # Not when the typed view answers it already (`fast`).
        return self.check.code in ("type", "pattern", "minimum", "maximum", "min-length", "max-length") and self.fast is None

    @property
    def code(self) -> str:
        return self.check.code

    @property
    def field(self) -> str:
        return self.check.field

    @property
    def message(self) -> str:
        return self.check.message

    @property
    def value_test(self) -> Callable[[str], bool] | None:
        return self.check.value_test

    def test(self, frame: pd.DataFrame) -> pd.Series:
        return self.check.test(frame[self.check.field])

    @property
    def fast(self) -> Callable[[pd.DataFrame], pd.Series] | None:
        from_typed, typed = self.check.from_typed, self.typed
        if typed is None or from_typed is None:
            return None
        name = self.check.field
        return lambda frame: from_typed(frame[name], typed[name])


@dataclass(frozen=True)
class KeyRule:
    """A rule on whole rows (primary key, blank key, foreign key): the message names the key's values."""

    code: str
    field: str | None
    describe: Callable[[pd.DataFrame, object], str]
    hint: str | None = None


def column_rules(schema: dict, columns, typed: pd.DataFrame | None = None) -> list[ColumnRule]:
    return [ColumnRule(c, typed) for f in schema.get("fields", []) if f["name"] in columns for c in field_checks(f)]


def _key_text(frame: pd.DataFrame, label, columns: list[str]) -> str:
    return ", ".join(f"{c}={_show(frame.at[label, c])}" for c in columns)


def duplicate_rows(frame: pd.DataFrame, key: list[str]) -> np.ndarray:
    """Positions of every row whose key appears more than once (all of them, not just the repeats):
    one hash pass numbers the distinct keys, a count per number finds the repeated ones."""
    if len(key) > 1:
        codes = frame.groupby(key, sort=False, dropna=False).ngroup().to_numpy()
    else:
        codes, distinct = pd.factorize(frame[key[0]], use_na_sentinel=False)
        if len(distinct) == len(codes):
            return np.empty(0, dtype=np.int64)
    counts = np.bincount(codes) if len(codes) else np.zeros(0, dtype=np.int64)
    return np.flatnonzero(counts[codes] > 1)


def _pk_rule(pk: list[str]) -> KeyRule:
    return KeyRule("primary-key", None, lambda d, i: f"primary key ({_key_text(d, i, pk)}) is not unique")


def structure_outcomes(table: Table, *, reference: bool = False, typed: pd.DataFrame | None = None) -> list[checks.Outcome]:
    """Every declared field rule, and the primary key's uniqueness. `typed`, the table's typed view
    when the caller has it, spares parsing the numbers again."""
    frame = table.frame
    if frame.empty:
        return []
    pk = [c for c in primary_key(table.schema) if c in frame.columns]
    if reference:
        return _structure_through_pandera(table, pk)
    rules = column_rules(table.schema, frame.columns, typed)
    outcomes = checks.run_rules(frame, [r for r in rules if r.code != "unique"])
    # Uniqueness is one hash pass per column, shared by the unique constraint and a one-column key.
    duplicates = {r.field: duplicate_rows(frame, [r.field]) for r in rules if r.code == "unique"}
    for rule in rules:
        if rule.code == "unique":
            rows = duplicates[rule.field]
            outcomes.append(checks.Outcome(rule, rows[(frame[rule.field].iloc[rows] != "").to_numpy(dtype=bool)]))
    if pk:
        rows = duplicates[pk[0]] if len(pk) == 1 and pk[0] in duplicates else duplicate_rows(frame, pk)
        outcomes.append(checks.Outcome(_pk_rule(pk), rows))
    return outcomes


def _structure_through_pandera(table: Table, pk: list[str]) -> list[checks.Outcome]:
    """The reference: the pandera schema derived from the Table Schema, validated lazily."""
    import pandera.pandas as pa

    from .schema import to_pandera

    schema, rules = to_pandera(table.schema, table.name)
    found: dict[str, list[int]] = {}
    raised: dict[str, str] = {}
    try:
        schema.validate(table.frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        for check, index, case in zip(cases["check"], cases["index"], cases["failure_case"], strict=True):
            if pd.isna(index):
                raised.setdefault(check, str(case))  # the check itself raised
            else:
                found.setdefault(check, []).append(checks.position_of(table.frame.index, index))
    outcomes = []
    for name, rule in rules.items():
        outcomes.append(checks.Outcome(ColumnRule(rule),
                                       np.unique(np.asarray(found.get(name, []), dtype=np.int64)), raised.get(name)))
    if pk:
        outcomes.append(checks.Outcome(_pk_rule(pk), np.unique(np.asarray(found.get("multiple_fields_uniqueness", []), dtype=np.int64))))
    return outcomes


def blank_key_outcomes(table: Table) -> list[checks.Outcome]:
    """Primary key fields are required even when their constraints do not say so."""
    pk = [c for c in primary_key(table.schema) if c in table.frame.columns]
    if not pk or table.frame.empty:
        return []
    blank = np.zeros(len(table.frame), dtype=bool)
    for column in pk:
        blank |= (table.frame[column] == "").to_numpy(dtype=bool)
    rule = KeyRule("primary-key", None, lambda d, i: f"a primary key cell ({', '.join(pk)}) is blank")
    return [checks.Outcome(rule, np.flatnonzero(blank))]


def is_in(values: pd.Series, reference: pd.Series) -> np.ndarray:
    """values.isin(reference) as one hash lookup in Arrow (pandas converts large sets to objects first).
    The smaller side is hashed: a few values looked up in a big table first pick out the rows that hold them."""
    import pyarrow.compute as pc

    local = arrow_strings(values)
    if pc.all(pc.equal(local, "")).as_py():
        return np.zeros(len(values), dtype=bool)  # nothing to look up (blank cells are no references)
    keys = arrow_strings(reference)
    if len(values) < len(keys):
        keys = pc.filter(keys, pc.is_in(keys, value_set=pc.unique(local)))
    return pc.is_in(local, value_set=pc.unique(keys)).to_numpy(zero_copy_only=False).astype(bool)


def foreign_key_outcomes(table: Table, tables: dict[str, Table]) -> tuple[list[checks.Outcome], list[Finding]]:
    """Each foreign key as a hash join: local keys looked up in the referenced table's key set."""
    outcomes, problems = [], []
    for fk in foreign_keys(table.schema):
        target = tables.get(fk["resource"] or table.name)
        if target is None:
            problems.append(_finding(table, None, None, "foreign-key",
                                     f"foreign key points to a resource that is not in the package: {fk['resource']}"))
            continue
        if any(c not in table.frame.columns for c in fk["fields"]) or any(c not in target.frame.columns for c in fk["ref_fields"]):
            continue  # reported as a header or schema problem
        # A reference with any blank part is not a reference (frictionless does the same).
        present = np.ones(len(table.frame), dtype=bool)
        for column in fk["fields"]:
            present &= (table.frame[column] != "").to_numpy(dtype=bool)
        if len(fk["fields"]) == 1:
            local, reference = table.frame[fk["fields"][0]], target.frame[fk["ref_fields"][0]]
            few = checks.distinct_values(local)
            found = is_in(local, reference) if few is None else is_in(few[0], reference)[few[1]]
        else:
            keys = pd.MultiIndex.from_frame(table.frame[fk["fields"]])
            found = keys.isin(pd.MultiIndex.from_frame(target.frame[fk["ref_fields"]]))
        fields, ref = fk["fields"], f"{target.name} ({', '.join(fk['ref_fields'])})"
        rule = KeyRule("foreign-key", fields[0] if len(fields) == 1 else None, functools.partial(_unmatched, fields, ref))
        outcomes.append(checks.Outcome(rule, np.flatnonzero(present & ~found)))
    return outcomes, problems


def _unmatched(fields: list[str], ref: str, frame: pd.DataFrame, label: object) -> str:
    return f"{_key_text(frame, label, fields)} matches no row of {ref}"


def outcome_findings(table: Table, outcomes: list[checks.Outcome], tally: Tally) -> list[Finding]:
    """Findings for the failing rows, at most `tally.cap` per check, each with the original cell."""
    out = []
    frame = table.frame
    for outcome in outcomes:
        rule = outcome.rule
        if outcome.error is not None:
            out.append(_finding(table, None, rule.field, "check-failed", f"rule {rule.code} could not run: {outcome.error}"))
            continue
        for position in tally.shown(rule.code, outcome.rows):
            label = frame.index[position]
            if isinstance(rule, KeyRule):
                message = rule.describe(frame, label)
            elif rule.field in frame.columns:
                message = f"{_show(frame.at[label, rule.field])}: {rule.message}"
            else:
                message = rule.message
            out.append(_finding(table, int(position), rule.field, rule.code, message, rule.hint))
    return out


# An article text is a news story; a bigger "text" is a mistake or an attack.
MAX_TEXT_BYTES = 50_000_000


def load_texts(articles: Table, package_dir: Path) -> tuple[dict[str, str], list[Finding]]:
    """The article texts; text_path is relative to the folder of the articles table, and must stay
    inside the package (the path gate: no absolute path, no '..', no link out, a regular file)."""
    folder = PurePosixPath(articles.path).parent.as_posix() if articles.path else "."
    texts: dict[str, str] = {}
    findings: list[Finding] = []
    if not {"article_id", "text_path"} <= set(articles.frame.columns):
        return texts, findings  # the missing column is a label or schema finding already
    for index, (article_id, text_path) in enumerate(zip(articles.frame["article_id"], articles.frame["text_path"], strict=True)):
        relative = text_path if folder == "." else f"{folder}/{text_path}"
        try:
            problem = path_problem(text_path)  # judged as written, before it is joined to the folder
            if problem:
                raise UnsafePath(problem)
            texts[article_id] = read_inside(package_dir, relative, MAX_TEXT_BYTES).decode("utf-8")
        except UnsafePath as error:
            findings.append(_finding(articles, index, "text_path", "unsafe-path", f"the article text: {error}"))
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
            findings.append(_finding(articles, index, "text_path", "text-missing",
                                     f"cannot read the article text {text_path}: {reason}"))
    return texts, findings


def semantic_findings(tables: dict[str, Table], texts: dict[str, str], tally: Tally, *, reference: bool = False,
                      typed: dict[str, pd.DataFrame] | None = None) -> list[Finding]:
    ours = {name: t for name, t in tables.items() if name in RESOURCES}
    known = typed or {}
    typed = {name: known[name] if name in known else typed_frame(t.frame, t.schema) for name, t in ours.items()}
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
                out.append(_finding(tables[name], None, None, "check-failed",
                                    f"the semantic rules could not run on this table: missing or unreadable {error}"))
    for name, rules in grouped.items():
        out += outcome_findings(tables[name], checks.run_rules(typed[name], rules, reference=reference), tally)
    return out


def official_findings(descriptor: Path) -> list[Finding]:
    """The frictionless validator's own report, as findings."""
    import frictionless  # imported lazily: it is the slowest import we have

    report = frictionless.validate(str(descriptor))
    out = [Finding(str(descriptor.name), None, None, None, None, e.type, e.note or e.message) for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            out.append(Finding(None, None, task.name, getattr(e, "row_number", None), getattr(e, "field_name", None) or None,
                               e.type, e.note or e.message))
    return out


def descriptor_findings(descriptor: Path, package: object = None, *, reference: bool = False) -> list[Finding]:
    """Layer 1: is it a valid Data Package descriptor? (frictionless reads metadata only, not data).

    The fast path skips frictionless when the descriptor is plainly well formed (`descriptors.is_plain`).
    """
    from .descriptors import is_plain

    if not reference and package is not None and is_plain(package):
        return []
    import frictionless  # imported lazily: it is the slowest import we have

    try:
        frictionless.Package(str(descriptor))
    except frictionless.FrictionlessException as error:
        reasons = error.reasons or [error.error]
        return [Finding(descriptor.name, None, None, None, None, r.type, r.note or r.message) for r in reasons]
    except Exception as error:  # noqa: BLE001 - frictionless itself tripped on a malformed descriptor
        return [Finding(descriptor.name, None, None, None, None, "descriptor-error",
                        f"the descriptor is malformed: {type(error).__name__}: {error}")]
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


def descriptor_file(path: Path) -> Path:
    """A package named by its datapackage.json or by the folder holding it."""
    return path / "datapackage.json" if path.is_dir() else path


def validate_package(descriptor: Path, *, official: bool = False, reference: bool = False,
                     max_per_check: int | None = DEFAULT_MAX_PER_CHECK) -> Report:
    """Validate a package on disk (its datapackage.json, or the folder holding it). Raises CannotRun
    when there is nothing to validate.

    `reference` takes the straightforward path (csv module, pandera) instead of the fast one;
    `max_per_check` caps the findings kept per check (None keeps all); every failure is counted.
    """
    started = time.perf_counter()
    descriptor = descriptor_file(descriptor)
    if not descriptor.is_file():
        raise CannotRun(f"{descriptor}: no such file")
    package_dir = descriptor.parent
    try:
        package = json.loads(read_limited(descriptor, MAX_DESCRIPTOR_BYTES).decode("utf-8"))
    except (UnsafePath, OSError) as error:
        raise CannotRun(f"{descriptor}: {error.strerror if isinstance(error, OSError) and error.strerror else error}") from None
    except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, a number Python will not read
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        return Report([Finding(descriptor.name, getattr(error, "lineno", None), None, None, None, "descriptor-error",
                               f"not a JSON Data Package descriptor: {reason}")])

    # Nothing is fetched: a remote schema, dialect, profile or data file is a finding, and then the
    # official validator (which would fetch it) does not run.
    refused = remote_references(package) + custom_profiles(package)
    # frictionless follows links out of the package (and fetches): it does not see such a package,
    # whose refused paths the readers below report.
    foreign_eyes = not refused and not leaves_its_folder(package, package_dir)
    official = official and foreign_eyes
    # The official run checks the descriptor itself; without it, load the metadata once here.
    findings: list[Finding] = refused or ([] if official or not foreign_eyes else
                                          descriptor_findings(descriptor, package, reference=reference))
    tables: dict[str, Table] = {}
    tally = Tally(max_per_check)
    resources = package.get("resources") if isinstance(package, dict) else None
    for resource in resources if isinstance(resources, list) else []:  # anything else is a descriptor finding
        if not isinstance(resource, dict):
            continue
        if isinstance(resource.get("path"), list):
            raise CannotRun(f"resource {resource.get('name')}: a multipart path (a list of files) is not read by "
                            "this validator; join the parts into one file, or validate it with frictionless")
        schema, problem = resolve_schema(resource, package_dir)
        if problem:
            findings.append(problem)
            continue
        try:
            table, read_findings = read_table(package_dir, resource, schema, fast=not reference, tally=tally)
        except Exception as error:  # noqa: BLE001 - a malformed descriptor must give a finding, not a crash
            findings.append(Finding(None, None, resource_name(resource), None, None, "check-failed",
                                    f"the resource could not be read as declared: {type(error).__name__}: {error}"))
            continue
        findings += read_findings
        if table is not None:
            tables[table.name] = table

    # The typed view of each table, parsed once: the fast path's field rules reuse it, the semantic rules need it.
    typed: dict[str, pd.DataFrame] = {}
    for table in tables.values():
        if not reference and table.frame.columns.is_unique:
            # e.g. a date format that cannot parse: the field rules below report it, unhelped
            with contextlib.suppress(ValueError, TypeError):
                typed[table.name] = typed_frame(table.frame, table.schema)
        try:
            outcomes = structure_outcomes(table, reference=reference, typed=typed.get(table.name)) + blank_key_outcomes(table)
            fk_outcomes, problems = foreign_key_outcomes(table, tables)
            findings += problems + outcome_findings(table, outcomes + fk_outcomes, tally)
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
        findings += semantic_findings({n: t for n, t in tables.items() if n not in broken}, texts, tally, reference=reference, typed=typed)

    # frictionless follows links out of the package and would quote what it reads there.
    official = official and not any(f.code in ("unsafe-path", "remote-reference") for f in findings)
    if official:
        ours = {official_key(f) for f in findings}
        findings += [f for f in official_findings(descriptor) if official_key(f) not in ours]

    findings = tidy(shown_from_cwd(f, package_dir) for f in findings)
    by_code = Counter(f.code for f in findings) + tally.hidden
    stats = {
        "seconds": round(time.perf_counter() - started, 3),
        "tables": len(tables),
        "rows": sum(len(t.frame) for t in tables.values()),
        "errors": sum(by_code.values()),
        "shown": len(findings),
        "by_code": dict(sorted(by_code.items())),
    }
    return Report(findings, stats)
