"""Where a draft goes: the article file, the registries it extends, and the seed's recorded hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..build import SEED_SUMS, recorded_sums
from .draft import Draft, render_article, render_registry
from .errors import ExtractError, read_yaml

REGISTRY_FILES = {"new_people": ("seeds/people.yaml", "people"),
                  "new_organizations": ("seeds/organizations.yaml", "organizations"),
                  "new_events": ("seeds/events.yaml", "events")}


@dataclass(frozen=True)
class Placed:
    seed_file: str  # relative to the project
    raw: bytes
    copied: bool


def seed_file_for(root: Path, seed: Path) -> str:
    """The seed_file an annotation names: its path in the project, or where place_seed will copy it."""
    resolved = seed.resolve()
    return resolved.relative_to(root).as_posix() if resolved.is_relative_to(root) else f"seeds/raw/{seed.name}"


def annotation_for(root: Path, seed_file: str) -> Path | None:
    """The annotation file that already names this seed, if any."""
    for path in sorted((root / "seeds" / "articles").glob("*.yaml")):
        data = read_yaml(path, path.relative_to(root).as_posix())
        if isinstance(data, dict) and data.get("seed_file") == seed_file:
            return path
    return None


def place_seed(root: Path, seed: Path) -> Placed:
    """The seed's path inside the project; a file from elsewhere is copied, byte for byte, into seeds/raw/."""
    try:
        raw = seed.read_bytes()
    except OSError as error:
        raise ExtractError(f"cannot read {seed}: {error.strerror or error}") from None
    seed_file = seed_file_for(root, seed)
    target = root / seed_file
    if seed.resolve() == target.resolve():
        return Placed(seed_file, raw, False)
    if target.exists() and target.read_bytes() != raw:
        raise ExtractError(f"seeds/raw/{seed.name} already exists with other content: rename the new article")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seed, target)
    return Placed(seed_file, raw, True)


def record_seed(root: Path, seed_file: str, raw: bytes) -> bool:
    """Add the seed's SHA-256 to seeds/raw/SHA256SUMS when it has no line yet (the day it arrives)."""
    name = Path(seed_file).name
    if name in recorded_sums(root):
        return False
    sums = root / SEED_SUMS
    existing = sums.read_text("utf-8") if sums.is_file() else ""
    line = f"{hashlib.sha256(raw).hexdigest()}  {name}\n"
    sums.write_text(existing + ("" if existing.endswith("\n") or not existing else "\n") + line, "utf-8")
    return True


def write_draft(root: Path, draft: Draft, output: Path | None, *, force: bool, today: dt.date) -> list[str]:
    """Write the article draft and append new registry entries; returns what was written."""
    target = output or root / "seeds" / "articles" / f"{draft.article['article_id']}.yaml"
    if target.exists() and not force:
        raise ExtractError(f"{target.relative_to(root) if target.is_relative_to(root) else target} exists: "
                           "pass --force to replace it, or --output to write elsewhere")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_article(draft, today.isoformat()), "utf-8")
    written = [f"{_shown(root, target)}: {len(draft.quotes)} quotes, {len(draft.offers)} offers, "
               f"{len(draft.figures)} figures, {len(draft.event_mentions)} event mentions"]
    for attribute, (path, what) in REGISTRY_FILES.items():
        entries = getattr(draft, attribute)
        if entries:
            with (root / path).open("a", encoding="utf-8") as handle:
                handle.write(render_registry(entries, what, draft.article["article_id"]))
            written.append(f"{path}: {len(entries)} new {what} appended")
    return written


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
