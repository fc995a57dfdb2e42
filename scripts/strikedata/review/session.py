"""The review itself: each proposal shown in turn, and the curator's answer written to its file.

Confirming is one explicit answer per proposal (`c`), given with the proposal in view; there is no
"confirm all". The answer writes `confirmed: reviewed <digest>` (see stamps.py) and removes the
`confidence` line and the `# extract:` comments above the entry. A rejected entry is removed from its
file; relinking writes another registry id in place of the one proposed, and shows the entry again.
Files are edited line by line, so every other line, comment and blank keeps its place.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import annotations as ann
from . import stamps
from .proposals import Project, Proposal, candidates, links, passage, read_project, referring, where_named

DRAFT_HEADER = "# Draft annotations for "  # how extract's draft opens (extract/draft.py HEADER)
Ask = Callable[[str], str | None]  # shows a prompt, returns the answer (None at end of input)
Say = Callable[[str], None]

HELP = """  c  confirm it as shown (after correcting the file, if it needed it)
  r  reject it: the entry is removed from its file
  1… link to that entry of the registry instead, then confirm
  s  skip it for now (the build refuses it until it is confirmed)
  o  open: show the whole entry again
  q  quit; what was answered is saved"""


@dataclass
class Outcome:
    confirmed: int = 0
    rejected: int = 0
    relinked: int = 0
    skipped: list[Proposal] = field(default_factory=list)
    left: int = 0


def review(root: Path, files: set[str] | None, ask: Ask, say: Say) -> Outcome:
    """Walk through every proposal in `files` (all when None), one answer each."""
    outcome = Outcome()
    passed: set[tuple[str, str, str]] = set()
    project = read_project(root, files)
    for finding in project.blocking:
        say(f"{finding.file}:{finding.line or ''}: {finding.code}: {finding.message}")
    if project.blocking:
        say("(entries the build cannot read are not shown below: fix those findings, then review again)\n")
    total = len(project.proposals)
    while True:
        waiting = [p for p in project.proposals if p.ident not in passed]
        if not waiting:
            break
        proposal = waiting[0]
        say(show(project, proposal, total - len(waiting) + 1, total))
        answer = _answer(project, proposal, ask, say)
        if answer == "q":
            outcome.left = len(waiting)
            break
        if answer == "s":
            outcome.skipped.append(proposal)
            passed.add(proposal.ident)
        elif _moved(root, files, proposal):
            say("  the file changed since this was shown: here it is again")
        else:
            try:
                if answer == "c":
                    write(root, proposal.file, confirm_lines(_lines(root, proposal.file), proposal.entry))
                    outcome.confirmed += 1
                elif answer == "r":
                    write(root, proposal.file, remove_lines(_lines(root, proposal.file), proposal.entry))
                    outcome.rejected += 1
                    total -= 1
                else:  # a candidate's id: relink, and show the entry again
                    link_field, _ = candidates(project, proposal)
                    write(root, proposal.file, set_lines(_lines(root, proposal.file), proposal.entry, link_field, answer))
                    outcome.relinked += 1
            except EditRefused as refused:
                say(f"  {refused}; it is skipped")
                outcome.skipped.append(proposal)
                passed.add(proposal.ident)
        shown = set(project.blocking)
        project = read_project(root, files)
        if broken := [f for f in project.blocking if f not in shown]:  # an edit the build cannot read: stop, say where
            for finding in broken:
                say(f"{finding.file}:{finding.line or ''}: {finding.code}: {finding.message}")
            outcome.left = len(project.proposals)
            return outcome
    settle_headers(root, project)
    return outcome


def settle_headers(root: Path, project: Project) -> None:
    """A draft's opening comments (how to review it, how its values were read) give way, once nothing
    in the file waits for review, to one line saying it was drafted and reviewed."""
    waiting = {p.file for p in project.proposals} | {f.file for f in project.blocking}
    for display in {display for display, _ in project.drafts} - waiting:
        lines = _lines(root, display)
        if lines and lines[0].startswith(DRAFT_HEADER):
            body = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
            drafted = next((line.split(": ", 1)[1].strip("'\"") for line in lines if line.startswith(f"{stamps.DRAFTED_ON}: ")), "")
            with contextlib.suppress(EditRefused):  # refused: the opening comments stay as they were, nothing depends on them
                write(root, display, [f"# Drafted by `strikedata extract` on {drafted}; every entry confirmed with `strikedata review`.",
                                      *lines[body:]])


def _moved(root: Path, files: set[str] | None, shown: Proposal) -> bool:
    """Whether the entry now reads otherwise, or sits elsewhere, than when it was shown (edited meanwhile)."""
    now = next((p for p in read_project(root, files).proposals if p.ident == shown.ident), None)
    return now is None or now.entry.line != shown.entry.line or stamps.digest(now.entry) != stamps.digest(shown.entry)


def _answer(project: Project, proposal: Proposal, ask: Ask, say: Say) -> str:
    """The curator's answer: c, r, s, q, or the id of the candidate chosen by its number."""
    _, near = candidates(project, proposal)
    while True:
        given = ask(prompt(proposal, len(near)))
        if given is None:
            return "q"
        given = given.strip().lower()
        if given in ("c", "s", "q"):
            return given
        if given == "r":
            if proposal.resource == "articles":
                say("  the article itself is not rejected here: delete its file (and its raw seed) to drop the draft")
                continue
            users = referring(project, proposal)
            if users:
                say(f"  {len(users)} entries still name it (first: {_singular(users[0][0])} {_key_text(users[0][1])}): "
                    "reject or relink those first")
                continue
            return "r"
        if given.isdigit() and 1 <= int(given) <= len(near):
            return near[int(given) - 1][0]
        if given == "o":
            say(show(project, proposal, 0, 0))
            continue
        say(HELP)


def prompt(proposal: Proposal, choices: int) -> str:
    relink = f", 1-{choices} relink" if choices else ""
    return f"[c]onfirm, [r]eject{relink}, [s]kip, [q]uit, ? help > "


def show(project: Project, proposal: Proposal, number: int, total: int) -> str:
    """A proposal as the curator sees it: what it is, its passage, its values and their links."""
    entry = proposal.entry
    head = f"{number} of {total} · " if total else ""
    why = {stamps.State.CHANGED: "changed since it was confirmed", stamps.State.PROPOSED: "proposed"}[proposal.state]
    confidence = f" · confidence {entry['confidence']}" if "confidence" in entry else ""
    lines = ["", f"── {head}{_singular(proposal.resource)} {_key_text(proposal.key)} · {proposal.file}:{entry.line} · {why}{confidence}"]
    text = project.tables.texts.get(proposal.article_id or "", "")
    seen = passage(text, *proposal.span) if proposal.span and text else where_named(project, proposal)
    if seen:
        lines += ["", _indent(seen, "   ")]
    lines.append("")
    for name, value in entry.items():
        if name in stamps.REVIEW_KEYS or isinstance(value, dict) or (isinstance(value, list) and (_nested(value) or not value)):
            continue  # (an article's lists are shown entry by entry; an empty one says nothing)
        lines.append(f"   {name}: {'; '.join(map(str, value)) if isinstance(value, list) else value}")
    for field_name, resource, about in links(project, proposal):
        lines.append(f"   {field_name} → {_singular(resource)}: {about}")
    link_field, near = candidates(project, proposal)
    if near:
        lines.append(f"   close to it in the registry ({link_field}):")
        lines += [f"     {n}. {key} · {about}" for n, (key, about) in enumerate(near, 1)]
    return "\n".join(lines)


def _key_text(key: object) -> str:
    return " · ".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _nested(value: list) -> bool:
    return any(isinstance(v, dict) for v in value)


def _singular(resource: str) -> str:
    return {"people": "person", "quotes": "quote", "event_mentions": "event mention", "offer_mentions": "offer mention",
            "event_participants": "event participant", "organizations": "organization"}.get(resource, resource.removesuffix("s"))


def _indent(text: str, pad: str) -> str:
    return "\n".join(pad + line for line in text.splitlines())


# --- editing a YAML file line by line --------------------------------------------------------------

class EditRefused(Exception):
    """An edit that would leave its file unreadable, or without its list: nothing is written."""


def _lines(root: Path, display: str) -> list[str]:
    return (root / display).read_bytes().decode("utf-8-sig").splitlines()


def write(root: Path, display: str, lines: list[str]) -> None:
    """The file with these lines, in its own line endings and byte-order mark, written only when the
    result still reads as YAML of the same shape (a list stays a list), and atomically."""
    path = root / display
    raw = path.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    newline = "\r\n" if b"\r\n" in raw else "\n"
    text = newline.join(lines) + newline
    try:
        before, after = yaml.safe_load(raw.decode("utf-8-sig")), yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise EditRefused(f"{display}: the edit would leave the file unreadable ({str(error).splitlines()[0]}): edit it by hand") from None
    if type(before) is not type(after):
        raise EditRefused(f"{display}: the edit would leave the file without its entries: edit it by hand")
    temporary = path.with_name(f".{path.name}.review")
    temporary.write_bytes(bom + text.encode("utf-8"))
    os.replace(temporary, path)


def confirm_lines(lines: list[str], entry: ann.Located) -> list[str]:
    """The entry stamped as it now reads, its confidence and `# extract:` comments gone."""
    out = set_lines(lines, entry, "confirmed", stamps.stamp(entry))  # replaced in place, or added after confidence
    if "confidence" in entry.key_lines and entry.line_of("confidence") != entry.line:
        del out[entry.line_of("confidence") - 1]  # (a confidence on the entry's dash line stays: it is harmless)
    return _drop_comments(out, entry) if _is_list_item(lines, entry) else out


def remove_lines(lines: list[str], entry: ann.Located) -> list[str]:
    """The file without the entry (a list item), its comments included."""
    first, end = _extent(lines, entry)
    while first > 0 and lines[first - 1].strip().startswith("# extract:"):
        first -= 1
    return lines[:first] + lines[end:]


def set_lines(lines: list[str], entry: ann.Located, key: str, value: str) -> list[str]:
    """`key: value` in the entry: its line replaced, or added after the entry's last line."""
    out = list(lines)
    if key in entry.key_lines:
        at = entry.line_of(key) - 1
        lead = re.match(rf"\s*(?:-\s+)?{re.escape(key)}:", out[at])  # the list item's dash stays
        out[at] = f"{lead.group(0) if lead else key + ':'} {value}"
    elif not _is_list_item(lines, entry) and not lines[entry.line - 1].rstrip().endswith(("|", ">", "|-", ">-", ":")):
        out.insert(entry.line, f"{' ' * _key_column(lines, entry)}{key}: {value}")  # a file's mapping: after its first key
    else:
        out.insert(_extent(lines, entry)[1], f"{' ' * _key_column(lines, entry)}{key}: {value}")
    return out


def _drop_comments(lines: list[str], entry: ann.Located) -> list[str]:
    first = entry.line - 1
    start = first
    while start > 0 and lines[start - 1].strip().startswith("# extract:"):
        start -= 1
    return lines[:start] + lines[first:]


def _extent(lines: list[str], entry: ann.Located) -> tuple[int, int]:
    """0-based [first, end) of the entry's lines: from its first key to the last line of its last
    value (a folded value runs on over lines indented deeper than the keys)."""
    first = entry.line - 1
    column = _key_column(lines, entry)
    end = max(entry.key_lines.values(), default=entry.line)
    while end < len(lines) and (_indent_of(lines[end]) > column or (not lines[end].strip() and _deeper_after(lines, end, column))):
        end += 1
    return first, end


def _deeper_after(lines: list[str], index: int, column: int) -> bool:
    for line in lines[index:]:
        if line.strip():
            return _indent_of(line) > column
    return False


def _key_column(lines: list[str], entry: ann.Located) -> int:
    match = re.match(r"\s*(?:-\s+)?", lines[entry.line - 1])
    return len(match.group(0)) if match else 0


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" ")) if line.strip() else 0


def _is_list_item(lines: list[str], entry: ann.Located) -> bool:
    return lines[entry.line - 1].lstrip().startswith("- ")

