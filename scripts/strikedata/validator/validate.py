"""Validate any Data Package: descriptor, structure (the declared Table Schemas), then whatever
opt-in checks and packs of rules the caller gives.

Nothing here knows a particular dataset. A pack (`Pack`) claims a package by its identity (its name
or profile, say) and adds rules of its own; `checks` names generic cell rules (`cells.CELL_CHECKS`)
to run on every text column. Findings are counted in full but materialized up to `max_per_check`
per check, so a million bad rows cost a count, not a million messages.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pandas as pd

from ..findings import Finding, Tally, tidy
from ..paths import MAX_DESCRIPTOR_BYTES, UnsafePath, read_limited
from . import official as frictionless_report
from .backends import FAST, Backend
from .cells import CELL_CHECKS, cell_rules
from .descriptors import custom_profiles, leaves_its_folder, remote_references
from .keys import blank_key_outcomes, foreign_key_outcomes
from .rules import AnyRule, findings_of, table_finding
from .tables import Table, resolve_schema, resource_name

DEFAULT_MAX_PER_CHECK = 1000
# A table whose header does not match its schema is not given to checks beyond the structure.
LABEL_CODES = ("incorrect-label", "missing-label", "extra-label")


class CannotRun(Exception):
    """The validator could not run at all (exit 2), as opposed to finding the package invalid."""


@dataclass
class Report:
    findings: list[Finding]
    stats: dict = field(default_factory=dict)
    # The tables as read (raw strings), for a caller that goes on to use them (export) without reading again.
    tables: dict[str, Table] = field(default_factory=dict, repr=False, compare=False)

    @property
    def valid(self) -> bool:
        return not self.findings


@dataclass
class Context:
    """What a pack's rules see: the package's readable tables (raw strings), their typed views, the
    backend that runs rules, and the tally that caps findings."""

    descriptor: dict
    folder: Path
    tables: dict[str, Table]
    backend: Backend
    tally: Tally
    typed_views: dict[str, pd.DataFrame] = field(default_factory=dict)

    def typed(self, name: str) -> pd.DataFrame:
        """The table parsed to its declared types (a bad cell is missing), parsed once."""
        if name not in self.typed_views:
            from .fields import typed_frame

            table = self.tables[name]
            self.typed_views[name] = typed_frame(table.frame, table.schema)
        return self.typed_views[name]

    def run(self, name: str, rules: Sequence[AnyRule]) -> list[Finding]:
        """Run rules on a table's typed view; their failing rows as findings on the raw cells."""
        return findings_of(self.tables[name], self.backend.run(self.typed(name), list(rules)), self.tally)


class Pack(Protocol):
    """A dataset's own rules: `claims` says whether a package is that dataset's, `check` judges it."""

    @property
    def name(self) -> str: ...

    def claims(self, descriptor: dict) -> bool: ...

    def check(self, context: Context) -> list[Finding]: ...


def validate_package(descriptor: Path, *, backend: Backend = FAST, packs: Iterable[Pack] = (), checks: Iterable[str] = (),
                     official: bool = False, max_per_check: int | None = DEFAULT_MAX_PER_CHECK) -> Report:
    """Validate a package on disk (its datapackage.json, or the folder holding it). Raises CannotRun
    when there is nothing to validate.

    `packs` whose `claims` accepts the package add their rules; `checks` names generic cell rules;
    `official` merges in the frictionless validator's own report; `max_per_check` caps the findings
    kept per check (None keeps all), and every failure is counted.
    """
    started = time.perf_counter()
    checks = tuple(checks)
    unknown = sorted(set(checks) - set(CELL_CHECKS))
    if unknown:  # before a byte of data is read
        raise CannotRun(f"unknown check {', '.join(unknown)}: the checks are {', '.join(CELL_CHECKS)}")
    descriptor = descriptor_file(descriptor)
    package, unreadable = read_descriptor(descriptor)
    if unreadable:
        return Report(unreadable)
    folder = descriptor.parent
    refused = remote_references(package) + custom_profiles(package)
    # Nothing is fetched, and frictionless follows links out of the package and would quote what it
    # reads there: for such a package it does not run, and the readers report the refused paths.
    foreign_eyes = not refused and not leaves_its_folder(package, folder)
    official = official and foreign_eyes
    # The official run checks the descriptor itself; without it, the backend checks the metadata.
    findings = refused or ([] if official or not foreign_eyes else backend.descriptor(descriptor, package))
    tally = Tally(max_per_check)
    tables, read_findings = read_tables(package, folder, backend, tally)
    findings += read_findings
    typed: dict[str, pd.DataFrame] = {}
    for table in tables.values():
        findings += structure_findings(table, tables, backend, tally, typed)
    findings += extra_findings(package, folder, tables, findings, backend, tally, typed, packs, checks)
    if official and not any(f.code in ("unsafe-path", "remote-reference") for f in findings):
        findings = frictionless_report.merged(findings, descriptor)
    findings = tidy(shown_from_cwd(f, folder) for f in findings)
    return Report(findings, statistics(findings, tables, tally, started), tables)


def descriptor_file(path: Path) -> Path:
    """A package named by its datapackage.json or by the folder holding it."""
    return path / "datapackage.json" if path.is_dir() else path


def read_descriptor(descriptor: Path) -> tuple[dict, list[Finding]]:
    """The descriptor as JSON, or the finding that says why it is none. CannotRun when it cannot be read."""
    if not descriptor.is_file():
        raise CannotRun(f"{descriptor}: no such file")
    try:
        return json.loads(read_limited(descriptor, MAX_DESCRIPTOR_BYTES).decode("utf-8")), []
    except (UnsafePath, OSError) as error:
        raise CannotRun(f"{descriptor}: {error.strerror if isinstance(error, OSError) and error.strerror else error}") from None
    except (ValueError, RecursionError) as error:  # not UTF-8, not JSON, a number Python will not read
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error)
        return {}, [Finding(file=descriptor.name, line=getattr(error, "lineno", None), code="descriptor-error",
                            message=f"not a JSON Data Package descriptor: {reason}")]


def read_tables(package: object, folder: Path, backend: Backend, tally: Tally) -> tuple[dict[str, Table], list[Finding]]:
    """Every tabular resource read as raw strings, with what was found reading it."""
    tables: dict[str, Table] = {}
    findings: list[Finding] = []
    resources = package.get("resources") if isinstance(package, dict) else None
    for resource in resources if isinstance(resources, list) else []:  # anything else is a descriptor finding
        if not isinstance(resource, dict):
            continue
        if isinstance(resource.get("path"), list):
            raise CannotRun(f"resource {resource.get('name')}: a multipart path (a list of files) is not read by "
                            "this validator; join the parts into one file, or validate it with frictionless")
        schema, problem = resolve_schema(resource, folder)
        if problem:
            findings.append(problem)
            continue
        try:
            table, found = backend.read(folder, resource, schema, tally)
        except Exception as error:  # noqa: BLE001 - a malformed descriptor must give a finding, not a crash
            findings.append(Finding(resource=resource_name(resource), code="check-failed",
                                    message=f"the resource could not be read as declared: {type(error).__name__}: {error}"))
            continue
        findings += found
        if table is not None:
            tables[table.name] = table
    return tables, findings


def structure_findings(table: Table, tables: dict[str, Table], backend: Backend, tally: Tally,
                       typed: dict[str, pd.DataFrame]) -> list[Finding]:
    """The declared field rules, primary and foreign keys of one table. Its typed view, when the
    backend makes one, is kept in `typed` for the rules that follow."""
    view = backend.typed(table)
    if view is not None:
        typed[table.name] = view
    try:
        outcomes = backend.structure(table, view) + blank_key_outcomes(table)
        fk_outcomes, problems = foreign_key_outcomes(table, tables)
        return problems + findings_of(table, outcomes + fk_outcomes, tally)
    except Exception as error:  # noqa: BLE001 - e.g. a bad regex or bound in a foreign schema
        return [table_finding(table, None, None, "check-failed", f"the declared rules could not run: {type(error).__name__}: {error}")]


def extra_findings(package: dict, folder: Path, tables: dict[str, Table], found: list[Finding], backend: Backend, tally: Tally,
                   typed: dict[str, pd.DataFrame], packs: Iterable[Pack], checks: Iterable[str]) -> list[Finding]:
    """The opt-in cell checks and the rules of every pack that claims the package, on the tables
    whose header matches their schema."""
    broken = {f.resource for f in found if f.code in LABEL_CODES}
    context = Context(package, folder, {n: t for n, t in tables.items() if n not in broken}, backend, tally, typed)
    out: list[Finding] = []
    wanted = tuple(checks)
    if wanted:
        for name, table in context.tables.items():
            out += context.run(name, cell_rules(table.frame, table.schema, wanted))
    for pack in packs:
        if pack.claims(package):
            out += pack.check(context)
    return out


def statistics(findings: list[Finding], tables: dict[str, Table], tally: Tally, started: float) -> dict:
    by_code = Counter(f.code for f in findings) + tally.hidden
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "tables": len(tables),
        "rows": sum(len(t.frame) for t in tables.values()),
        "errors": sum(by_code.values()),
        "shown": len(findings),
        "by_code": dict(sorted(by_code.items())),
    }


def shown_from_cwd(finding: Finding, package_dir: Path) -> Finding:
    """Name files as the user can open them: relative to the working folder (package-relative inside)."""
    if not finding.file:
        return finding
    path = (package_dir / finding.file).absolute()
    if path.is_relative_to(Path.cwd()):
        path = path.relative_to(Path.cwd())
    return dataclasses.replace(finding, file=path.as_posix())
