"""Problems as values: every check returns findings; the CLI renders them once."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np


@dataclass(frozen=True, order=True, kw_only=True)
class Finding:
    """One problem, located as precisely as we know (None where unknown), made with keywords only.

    `line` is the line in `file` (an annotation file or a CSV); `row` follows frictionless's
    convention for tables: the header is row 1, the first data row is row 2.
    """

    file: str | None = None
    line: int | None = None
    resource: str | None = None
    row: int | None = None
    field: str | None = None
    code: str
    message: str
    hint: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


class Tally:
    """Lets through at most `cap` findings per check, and counts the ones it holds back, so that a
    million bad rows cost a count, not a million messages (None: no cap)."""

    def __init__(self, cap: int | None) -> None:
        self.cap = cap
        self.hidden: Counter = Counter()
        self.admitted: Counter = Counter()

    def is_full(self, key: str) -> bool:
        return self.cap is not None and self.admitted[key] >= self.cap

    def admit(self, key: str) -> bool:
        """Whether one more finding of check `key` is shown (if not, it is counted)."""
        if self.cap is not None and self.admitted[key] >= self.cap:
            self.hidden[key.partition(":")[0]] += 1
            return False
        self.admitted[key] += 1
        return True

    def shown(self, code: str, rows: np.ndarray) -> np.ndarray:
        if self.cap is None or len(rows) <= self.cap:
            return rows
        self.hidden[code] += len(rows) - self.cap
        return rows[: self.cap]


def _sort_key(finding: Finding) -> tuple:
    # None sorts before any value, so package-level problems come first.
    return (
        finding.file or "",
        finding.line if finding.line is not None else -1,
        str(finding.resource or ""),
        finding.row if finding.row is not None else -1,
        str(finding.field or ""),
        finding.code,
        finding.message,
    )


def tidy(findings: Iterable[Finding]) -> list[Finding]:
    """De-duplicate and sort findings into a stable order."""
    return sorted(set(findings), key=_sort_key)


# What must not reach a terminal or a log as it is: control characters (an escape sequence can
# rewrite the screen, a CR hide the start of a line) and the bidirectional overrides.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every control character shown as an escape (a line feed as ⏎), on one line."""
    def shown(match: re.Match) -> str:
        code = ord(match.group())
        return "⏎" if code == 10 else f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return _UNPRINTABLE.sub(shown, text)


def _printable_finding(f: Finding) -> Finding:
    def shown(text: str | None) -> str | None:
        return printable(text) if isinstance(text, str) else text
    return dataclasses.replace(f, file=shown(f.file), resource=shown(f.resource), field=shown(f.field), code=printable(f.code),
                               message=printable(f.message), hint=shown(f.hint))


def location(finding: Finding) -> str:
    where = finding.file or (f"resource {finding.resource}" if finding.resource else "package")
    if finding.line is not None:
        where += f":{finding.line}"
    return where


def render_text(findings: list[Finding]) -> str:
    lines = []
    for f in map(_printable_finding, findings):
        subject = f.field or ""
        if f.resource and f.row is not None and not f.file:
            subject = f"row {f.row}" + (f" {f.field}" if f.field else "")
        head = f"{location(f)}: {f.code}"
        if subject:
            head += f" [{subject}]"
        text = f"{head}: {f.message}"
        if f.hint:
            text += f" (hint: {f.hint})"
        lines.append(text)
    return "\n".join(lines)


def render_json(findings: list[Finding], stats: dict | None = None) -> str:
    report = {
        "valid": not findings,
        "errors": [f.as_dict() for f in findings],
        "stats": stats or {},
    }
    return json.dumps(report, indent=2, ensure_ascii=False)


def _github_escape(value: str, *, prop: bool = False) -> str:
    # Workflow commands need %, CR and LF escaped; properties also : and ,.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render_github(findings: list[Finding]) -> str:
    out = []
    for f in map(_printable_finding, findings):
        props = []
        if f.file:
            props.append(f"file={_github_escape(f.file, prop=True)}")
        if f.line is not None:
            props.append(f"line={f.line}")
        props.append(f"title={_github_escape(f.code, prop=True)}")
        message = f.message + (f" (hint: {f.hint})" if f.hint else "")
        if f.resource and not f.file:
            message = f"{f.resource} row {f.row}: {message}" if f.row else f"{f.resource}: {message}"
        out.append(f"::error {','.join(props)}::{_github_escape(message)}")
    return "\n".join(out)
