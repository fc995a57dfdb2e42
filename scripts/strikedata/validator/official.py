"""The official frictionless validator, as findings: the descriptor check, and (`--official`) its
whole report merged into ours by row, so our findings are always a superset of its findings."""

from __future__ import annotations

from pathlib import Path

from ..findings import Finding


def descriptor_findings(descriptor: Path) -> list[Finding]:
    """Is it a valid Data Package descriptor? (frictionless reads metadata only, not data)."""
    import frictionless  # imported lazily: it is the slowest import we have

    try:
        frictionless.Package(str(descriptor))
    except frictionless.FrictionlessException as error:
        reasons = error.reasons or [error.error]
        return [Finding(file=descriptor.name, code=r.type, message=r.note or r.message) for r in reasons]
    except Exception as error:  # noqa: BLE001 - frictionless itself tripped on a malformed descriptor
        return [Finding(file=descriptor.name, code="descriptor-error",
                        message=f"the descriptor is malformed: {type(error).__name__}: {error}")]
    return []


def official_findings(descriptor: Path) -> list[Finding]:
    """The frictionless validator's own report, as findings."""
    import frictionless

    report = frictionless.validate(str(descriptor))
    out = [Finding(file=str(descriptor.name), code=e.type, message=e.note or e.message) for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            out.append(Finding(resource=task.name, row=getattr(e, "row_number", None), field=getattr(e, "field_name", None) or None,
                               code=e.type, message=e.note or e.message))
    return out


# frictionless codes that are also ours, with the same meaning: matched by row, whatever the field.
SHARED_ROW_CODES = {"foreign-key", "primary-key", "blank-row", "extra-cell", "missing-cell", "blank-label",
                    "duplicate-label", "extra-label", "missing-label", "incorrect-label", "byte-count", "hash-count",
                    "encoding-error", "source-error"}


def official_key(finding: Finding) -> tuple:
    """What makes a frictionless finding the same as one of ours: same row and code, or same cell."""
    if finding.code in SHARED_ROW_CODES:
        return (finding.resource, finding.row, finding.code)
    return (finding.resource, finding.row, finding.field)


def merged(ours: list[Finding], descriptor: Path) -> list[Finding]:
    """Ours, plus whatever frictionless reports on a row or cell we did not already flag."""
    seen = {official_key(f) for f in ours}
    return ours + [f for f in official_findings(descriptor) if official_key(f) not in seen]
