"""Where a draft goes: the article file, the registries it extends, and the seed's recorded hash.

Nothing is written until everything that could refuse has been checked: plan_extract decides every
write (and raises ExtractError for any reason to refuse), carry_out then makes them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import TooLarge, UnsafePath, inside, read_limited, safe_name
from ..registry import load_registry
from ..review.stamps import LEDGER, LEDGER_HEADER, ledger_line
from ..seedsums import MAX_SEED_BYTES, MAX_SUMS_BYTES, SEED_SUMS, recorded_sums
from .draft import Draft, render_article, render_registry
from .errors import ExtractError, read_yaml

__all__ = ["ExtractError", "Plan", "registry_files", "annotation_for", "carry_out", "plan_extract", "read_seed",
           "seed_file_for"]

def registry_files(root: Path) -> dict[str, tuple[str, str]]:
    """The draft's additions to registry files: the Draft attribute `new_<resource>` for each resource
    whose rows live in a registry file (from the resource registry), with the file and the resource."""
    return {f"new_{name}": (path, name) for name, path in load_registry(root).registry_files.items()}


def read_seed(seed: Path) -> bytes:
    """The raw article's bytes: a regular file of at most MAX_SEED_BYTES. A FIFO, a device or a folder
    is refused without being opened for reading (never waited on, never read without end)."""
    try:
        return read_limited(seed, MAX_SEED_BYTES, str(seed))
    except FileNotFoundError:
        raise ExtractError(f"{seed} is not a file") from None
    except UnsafePath as error:
        problem = f"{seed} is larger than {MAX_SEED_BYTES:,} bytes" if isinstance(error, TooLarge) else str(error)
        raise ExtractError(f"{problem}: give the raw article, a UTF-8 text file of at most {MAX_SEED_BYTES:,} bytes") from None
    except OSError as error:
        raise ExtractError(f"cannot read {seed}: {error.strerror or error}") from None


def seed_name(name: str) -> str:
    """`name` when it can stand on a line of seeds/raw/SHA256SUMS and in a path; ExtractError otherwise.
    A line break in it would forge a line of that file; a space makes a name no line can record."""
    try:
        return safe_name(name, "seed file name")
    except UnsafePath as error:
        suggested = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._-")[:200] or "article.txt"
        raise ExtractError(f"{error}; rename the file, for example to {suggested!r}, and run extract again") from None


def seed_file_for(root: Path, seed: Path) -> str:
    """The seed_file an annotation names: its path when it is directly in seeds/raw/, else where the
    extract will copy it (seeds/raw/<name>), from outside the project or from elsewhere in it (a seed
    is a file directly in seeds/raw/). Refuses (ExtractError) a file name that could not be recorded in
    seeds/raw/SHA256SUMS."""
    resolved, raw_dir = seed.resolve(), (root / "seeds" / "raw").resolve()
    seed_file = f"seeds/raw/{resolved.name if resolved.parent == raw_dir else seed.name}"
    seed_name(Path(seed_file).name)
    return seed_file


def annotation_for(root: Path, seed_file: str) -> Path | None:
    """The annotation file that already names this seed, if any."""
    for path in sorted((root / "seeds" / "articles").glob("*.yaml")):
        data = read_yaml(path, _shown(root, path))
        if isinstance(data, dict) and data.get("seed_file") == seed_file:
            return path
    return None


@dataclass(frozen=True)
class Plan:
    """Every write an extract will make, decided before any is made."""

    seed_file: str  # relative to the project
    raw: bytes  # the bytes the draft was made from: the ones copied and recorded
    copy_to: Path | None  # where the seed is copied (None: it is in the project already)
    sum_line: str | None  # the line to add to seeds/raw/SHA256SUMS (None: the seed has one)
    target: Path  # the draft file
    registries: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # file -> (text to append, entries, what)

    @property
    def copied(self) -> bool:
        return self.copy_to is not None

    @property
    def recorded(self) -> bool:
        return self.sum_line is not None


def plan_extract(root: Path, seed: Path, raw: bytes, draft: Draft, output: Path | None, *, force: bool) -> Plan:
    """Check everything that could refuse an extract, and say what it will write; writes nothing.

    `raw` is the seed as read (read_seed) and made into `draft`. Refuses (ExtractError): a seed name
    SHA256SUMS cannot record; an annotation of this seed already there (unless --force, which then
    replaces it, or --output); a different file already at seeds/raw/<name>; a draft file already
    there (unless --force); a target, a registry or SHA256SUMS that is not a regular file."""
    seed_file = seed_file_for(root, seed)
    existing = annotation_for(root, seed_file)
    if existing is not None and output is None:
        if not force:
            raise ExtractError(f"{_shown(root, existing)} already annotates {seed_file}: "
                               "pass --force to replace it with a new draft, or --output to write elsewhere")
        output = existing
    placed = _in_project(root, root / seed_file)
    _in_project(root, root / SEED_SUMS)
    copy_to = None
    if seed.resolve() != placed.resolve():
        if _exists(placed):
            if _read(root, placed, MAX_SEED_BYTES) != raw:
                raise ExtractError(f"{seed_file} already exists with other content: rename the new article")
        else:
            copy_to = placed
    name = Path(seed_file).name
    sum_line = None
    if name not in _recorded(root):
        sums = _read(root, root / SEED_SUMS, MAX_SUMS_BYTES)
        sum_line = ("\n" if sums and not sums.endswith(b"\n") else "") + f"{hashlib.sha256(raw).hexdigest()}  {name}\n"
    target = output or _in_project(root, root / "seeds" / "articles" / f"{draft.article['article_id']}.yaml")
    if output is not None and output == existing:
        _in_project(root, output)
    if _exists(target):
        if not force:
            raise ExtractError(f"{_shown(root, target)} exists: pass --force to replace it, or --output to write elsewhere")
        _regular(root, target)
    registries = {}
    for attribute, (path, what) in registry_files(root).items():
        entries = getattr(draft, attribute, None)
        if entries:
            _in_project(root, root / path)
            if _exists(root / path):
                _regular(root, root / path)
            registries[path] = (render_registry(entries, what, draft.article["article_id"]), len(entries), what)
    return Plan(seed_file, raw, copy_to, sum_line, target, registries)


def carry_out(root: Path, plan: Plan, draft: Draft, *, today: dt.date) -> list[str]:
    """Make the writes of a plan: the seed's copy, its line in SHA256SUMS, the draft, the registry
    additions. Returns a line for each file written."""
    if plan.copy_to is not None:
        plan.copy_to.parent.mkdir(parents=True, exist_ok=True)
        _write_new(plan.copy_to, plan.raw)
    if plan.sum_line is not None:
        with (root / SEED_SUMS).open("a", encoding="utf-8") as handle:
            handle.write(plan.sum_line)
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    plan.target.write_text(render_article(draft, today.isoformat()), "utf-8")
    written = [f"{_shown(root, plan.target)}: {len(draft.quotes)} quotes, {len(draft.offer_mentions)} offer mentions, "
               f"{len(draft.figures)} figures, {len(draft.event_mentions)} event mentions"]
    for path, (addition, count, what) in plan.registries.items():
        with (root / path).open("a", encoding="utf-8") as handle:
            handle.write(addition)
        written.append(f"{path}: {count} new {what} appended")
    _record_drafted(root, draft)
    return written


def _record_drafted(root: Path, draft: Draft) -> None:
    """Add the draft's entries to seeds/DRAFTED (stamps.LEDGER): the article, and each entry it
    appended to a registry, so the build asks a review stamp of them whatever is deleted elsewhere."""
    registry = load_registry(root)
    lines = [ledger_line("articles", draft.article["article_id"])]
    for attribute, (_, resource) in registry_files(root).items():
        for entry in getattr(draft, attribute, None) or []:
            row = {c: "" if entry.get(c) is None else str(entry[c]) for c in registry[resource].columns}
            lines.append(ledger_line(resource, registry[resource].key(row)))
    ledger = root / LEDGER
    header = "" if _exists(ledger) else LEDGER_HEADER
    with ledger.open("a", encoding="utf-8") as handle:
        handle.write(header + "".join(f"{line}\n" for line in lines))


def _recorded(root: Path) -> dict:
    """The names seeds/raw/SHA256SUMS lists; refused when it is there but not a regular file (a FIFO
    would block the append that follows)."""
    if _exists(root / SEED_SUMS):
        _regular(root, root / SEED_SUMS)
    return recorded_sums(root)


def _read(root: Path, path: Path, limit: int) -> bytes:
    """The bytes of a project file we are about to add to (nothing, if it is not there)."""
    if not _exists(path):
        return b""
    try:
        return read_limited(path, limit, _shown(root, path))
    except (UnsafePath, OSError) as error:
        raise ExtractError(f"{error}: fix it before adding to it") from None


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` with `data`; never through a file that appeared there in the meantime."""
    with path.open("xb") as handle:
        handle.write(data)


def _exists(path: Path) -> bool:
    return os.path.lexists(path)


def _in_project(root: Path, path: Path) -> Path:
    """`path` (inside the project) once no symbolic link on its way leads out: extract writes there."""
    try:
        return inside(root, path.relative_to(root).as_posix())
    except (UnsafePath, ValueError) as error:
        raise ExtractError(f"{_shown(root, path)}: {error}; nothing was written") from None


def _regular(root: Path, path: Path) -> None:
    """Refuse a path that is there but not a regular file (a folder, a FIFO, a device, a dangling link)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        mode = 0
    if not stat.S_ISREG(mode):
        raise ExtractError(f"{_shown(root, path)} is there but is not a regular file: move it away first")


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
