"""Cut a release: the version the changes call for, the changelog entry, the citation, the archive.

Releasing is repeatable: running it again before the next change gives the same version, the same
files and a byte-identical archive (sorted entries, timestamps pinned to the release date).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .build import LOCK_SECONDS, BuildLocked, BuildNotWritten, build_lock, swap_in
from .diff import PackageDiff, diff_packages, level_rank
from .exports import ExportError, export_files, release_moment
from .findings import Finding
from .packages import Package, PackageError, git, load, opened
from .paths import UnsafePath, safe_name
from .versions import VERSION, next_version, version_parts
from .zips import write_atomically, zip_bytes, zip_time

BUMPS = ("auto", "major", "minor", "patch")
HEADINGS = ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security")
# The project files a release archive carries as they are; its README, LICENSE and CHANGELOG are written for it.
ARCHIVED_PROJECT_FILES = ("CITATION.cff",)


class ReleaseError(Exception):
    """The release was refused or could not be made; the message says why and what to do."""


def parse_version(text: str) -> tuple[int, int, int]:
    parts = version_parts(text)
    if parts is None:
        raise ReleaseError(f"{text!r} is not a MAJOR.MINOR.PATCH version")
    return parts


def bumped(version: str, level: str) -> str:
    parse_version(version)
    after = next_version(version, level)
    if after is None:
        raise ReleaseError(f"unknown bump {level!r}; choose from {', '.join(BUMPS)}")
    return after


def release_tags(repo: Path) -> list[str]:
    """The repository's vX.Y.Z tags, newest version first (none when this is not a git repository)."""
    try:
        names = git("tag", "--list", "v*", cwd=repo).decode().split()
    except PackageError:
        return []
    tags = [n for n in names if VERSION.fullmatch(n[1:])]
    return sorted(tags, key=lambda n: parse_version(n[1:]), reverse=True)


@dataclass(frozen=True)
class Previous:
    """The earlier release a release compares against: what `opened` takes, and how it was found."""

    spec: str  # a tag, a commit, a folder or a zip
    version: str | None = None
    commit: str | None = None  # abbreviated
    found: str = "given"  # "given" (--previous), "tag", "history"
    edited: str | None = None  # found in the history: a later commit that edited the version's CHANGELOG entry

    @property
    def label(self) -> str:
        """How messages name it: the tag, or the version with its commit when no tag names it."""
        if self.found == "history":
            return f"{self.version} (commit {self.commit}, untagged)"
        return self.spec

    def said(self) -> str:
        """The sentence `strikedata release` prints about it."""
        where = f" at commit {self.commit}" if self.commit else ""
        how = {"tag": f"its tag {self.spec}",
               "history": "no tag: found in the git history, the commit that set this version with its CHANGELOG entry",
               "given": f"--previous {self.spec}"}[self.found]
        said = f"compared against the release {self.version}{where} ({how})"
        if self.edited:
            said += (f"; its CHANGELOG entry was edited later, last in {self.edited}: if {self.version} was released from "
                     f"a later commit, tag that commit (git tag v{self.version} COMMIT) or name it with --previous")
        return said


def _at(root: Path, ref: str, path: str) -> bytes | None:
    """A file as committed at `ref` (None when it is not there)."""
    try:
        return git("show", f"{ref}:{path}", cwd=root)
    except PackageError:
        return None


def _version_at(root: Path, ref: str) -> str | None:
    data = _at(root, ref, "datapackage.json")
    try:
        version = json.loads(data).get("version") if data is not None else None
    except (ValueError, AttributeError):
        return None
    return version if isinstance(version, str) else None


def _short(root: Path, ref: str) -> str | None:
    try:
        return git("rev-parse", "--short=7", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=root).decode().strip() or None
    except PackageError:
        return None


def version_commits(root: Path) -> Iterator[tuple[str, str]]:
    """(version, commit) for each commit that changed datapackage.json's version, newest first."""
    try:  # -G: only the commits whose diff of datapackage.json touches a "version" line
        commits = git("log", "--format=%H", "-G", '"version"', "--", "datapackage.json", cwd=root).decode().split()
    except PackageError:
        return
    cut = shallow_commits(root)
    for commit in commits:
        if commit in cut:  # a shallow clone's oldest commit: its parent is not here, so what it changed is unknown
            return
        version = _version_at(root, commit)
        if version is not None and VERSION.fullmatch(version) and _version_at(root, f"{commit}^") != version:
            yield version, commit


def shallow_commits(root: Path) -> set[str]:
    """The commits a shallow clone was cut at (none in a full clone)."""
    try:
        listing = Path(root, git("rev-parse", "--git-path", "shallow", cwd=root).decode().strip())
        return set(listing.read_text().split()) if listing.is_file() else set()
    except (PackageError, OSError, UnicodeDecodeError):
        return set()


def _logged(changelog: bytes | None, version: str) -> str | None:
    """A changelog's dated entry for `version`, as a release writes it (None when it has none)."""
    text = changelog.decode("utf-8", "replace") if changelog else ""
    entry = re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}.*?(?=^## \[|\Z)", text, re.MULTILINE | re.DOTALL)
    return entry.group(0) if entry else None


def _entry_edited_after(root: Path, commit: str, version: str) -> str | None:
    """The last commit after `commit` that changed `version`'s CHANGELOG entry, if the entry changed
    since: a sign that the release may have been made later than the commit that set the version."""
    now = _logged(_at(root, "HEAD", "CHANGELOG.md"), version)
    if now is None or now == _logged(_at(root, commit, "CHANGELOG.md"), version):
        return None
    try:
        later = git("log", "--format=%H", f"{commit}..HEAD", "--", "CHANGELOG.md", cwd=root).decode().split()
    except PackageError:
        return None
    return next((c for c in later if _logged(_at(root, c, "CHANGELOG.md"), version) == now
                 and _logged(_at(root, f"{c}^", "CHANGELOG.md"), version) != now), None)


def released_in_history(root: Path) -> Previous | None:
    """The newest release the git history records, tag or no tag: a commit that set datapackage.json's
    version and whose CHANGELOG.md has that version's dated entry (a release commits both at once).
    A commit that only set a version (a first draft at 0.1.0, say) is no release."""
    for version, commit in version_commits(root):
        if _logged(_at(root, commit, "CHANGELOG.md"), version) is not None:
            edited = _entry_edited_after(root, commit, version)
            return Previous(commit, version, _short(root, commit), "history", _short(root, edited) if edited else None)
    return None


def find_previous(root: Path, previous: str | None) -> Previous | None:
    """The last release: `previous` (folder, zip or git ref) when given; else the newest vX.Y.Z tag,
    unless the history records a newer release (a tag not fetched, or never made); else none."""
    if previous is not None:
        is_ref = not previous.startswith("-") and not Path(previous).exists()  # opened() refuses an option-like name
        return Previous(previous, commit=_short(root, previous) if is_ref else None)
    tags = release_tags(root)
    recorded = released_in_history(root)
    if tags and (recorded is None or recorded.version is None or parse_version(tags[0][1:]) >= parse_version(recorded.version)):
        return Previous(tags[0], tags[0][1:], _short(root, tags[0]), "tag")
    return recorded


@contextlib.contextmanager
def previous_release(root: Path, previous: str | None) -> Iterator[tuple[Package, Previous] | None]:
    """The package of the last release (see find_previous) and how it was found; None before the first."""
    found = find_previous(root, previous)
    if found is None:
        yield None
        return
    with opened(found.spec, root) as package:
        yield package, Previous(found.spec, package.version, found.commit, found.found, found.edited)


# --- the changelog --------------------------------------------------------------------------

KIND_HEADINGS = {
    "resource-added": "Added", "field-added": "Added", "rows-added": "Added",
    "resource-removed": "Removed", "field-removed": "Removed", "rows-removed": "Removed",
    "rows-changed": "Fixed", "content-changed": "Fixed",
}


def _ids(keys: list[dict], most: int = 10) -> str:
    shown = ["/".join(str(v) for v in key.values()) for key in keys[:most]]
    more = f", and {len(keys) - most} more" if len(keys) > most else ""
    return ": " + ", ".join(f"`{s}`" for s in shown) + more if shown else ""


def changelog_items(diff: PackageDiff | None, package: Package) -> dict[str, list[str]]:
    """Keep a Changelog bullets for the data changes, by heading."""
    items: dict[str, list[str]] = {h: [] for h in HEADINGS}
    if diff is None:
        tables = package.tables()
        counts = ", ".join(f"`{name}` ({len(t.frame)} rows)" for name, t in tables.items())
        items["Added"].append(f"first release of the package `{package.name}`: {counts}.")
        return items
    for change in diff.changes:
        where = f"`{change.resource}`: " if change.resource else "Package "
        text = f"{where}{change.message}"
        rows = diff.rows.get(change.resource or "")
        if rows is not None and change.kind == "rows-added":
            text += _ids(rows.added)
        elif rows is not None and change.kind == "rows-removed":
            text += _ids(rows.removed)
        elif rows is not None and change.kind == "rows-changed":
            text += _ids([c["key"] for c in rows.changed])
        items[KIND_HEADINGS.get(change.kind, "Changed")].append(text + ("" if text.endswith(".") else "."))
    return items


GENERATED = "- Data: "  # how a generated bullet begins, so a later run can replace it


def _sections(body: str, drop_generated: bool = False) -> dict[str, list[str]]:
    """A changelog entry's '### Heading' blocks, each as its lines (bullets with their continuations);
    prose before the first heading is kept under the key ""."""
    blocks: dict[str, list[str]] = {}
    current, dropping = "", False
    for line in body.splitlines():
        heading = re.fullmatch(r"###\s+(.+?)\s*", line)
        if heading:
            current = heading.group(1)
            blocks.setdefault(current, [])
            continue
        if line.startswith("- "):
            dropping = drop_generated and line.startswith(GENERATED)
        if not dropping and (line.strip() or blocks.get(current)):
            blocks.setdefault(current, []).append(line)
    return {heading: _trimmed(lines) for heading, lines in blocks.items() if _trimmed(lines)}


def _trimmed(lines: list[str]) -> list[str]:
    """Without blank lines at either end (blank lines inside, between paragraphs, stay)."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    while lines and not lines[0].strip():
        lines = lines[1:]
    return lines


def _entry(version: str, date: str, written: dict[str, list[str]], generated: dict[str, list[str]]) -> str:
    lines = [f"## [{version}] - {date}", ""]
    if written.get(""):
        lines += [*written[""], ""]
    for heading in list(HEADINGS) + [h for h in written if h and h not in HEADINGS]:
        bullets = [f"{GENERATED}{item}" for item in generated.get(heading, [])] + written.get(heading, [])
        if bullets:
            lines += [f"### {heading}", *bullets, ""]
    return "\n".join(lines) + "\n"


def _section(text: str, heading: str) -> re.Match | None:
    """The body of the entry whose heading starts `## [heading]`, up to the next entry."""
    return re.search(rf"^## \[{re.escape(heading)}\][^\n]*\n(.*?)(?=^## \[|\Z)", text, re.MULTILINE | re.DOTALL)


def updated_changelog(text: str, version: str, date: str, generated: dict[str, list[str]],
                      replaces: str | None = None) -> str:
    """The changelog with an entry for `version`: the [Unreleased] notes plus the generated data changes.

    An existing entry for `version` is kept as it is (it may have been edited by hand). The entry of
    `replaces` (a version an earlier, untagged run wrote) becomes this one: its notes are kept, its
    generated bullets are generated again.
    """
    if _section(text, version):
        return text
    stale = _section(text, replaces) if replaces else None
    if stale:
        entry = _entry(version, date, _sections(stale.group(1), drop_generated=True), generated)
        return text[: stale.start()] + entry + text[stale.end():]
    unreleased = _section(text, "Unreleased")
    entry = _entry(version, date, _sections(unreleased.group(1)) if unreleased else {}, generated)
    if unreleased:
        return text[: unreleased.start()] + "## [Unreleased]\n\n" + entry + text[unreleased.end():]
    first = re.search(r"^## \[", text, re.MULTILINE)
    at = first.start() if first else len(text)
    return text[:at] + "## [Unreleased]\n\n" + entry + text[at:]


def updated_citation(text: str, version: str, date: str) -> str:
    """CITATION.cff with this version and release date (and `type: dataset`)."""
    for key, value in (("version", version), ("date-released", f'"{date}"'), ("type", "dataset")):
        line = f"{key}: {value}"
        pattern = re.compile(rf"^{re.escape(key)}:.*$", re.MULTILINE)
        text = pattern.sub(line, text, count=1) if pattern.search(text) else text.rstrip("\n") + f"\n{line}\n"
    return text


def updated_descriptor(text: str, version: str, date: str) -> str:
    descriptor = json.loads(text)
    descriptor["version"] = version
    descriptor["created"] = f"{date}T00:00:00Z"
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


# --- the archive ----------------------------------------------------------------------------

def archive_entries(root: Path, package: Package, exports: dict[str, bytes]) -> list[tuple[str, bytes]]:
    """Everything the release zip holds, under one folder `<name>-<version>/`, sorted: the package, its
    exports, CITATION.cff, and a README, LICENSE and CHANGELOG written for data users about what is in
    the zip (the repository's own README, LICENSE and CHANGELOG are about the project and its tools)."""
    from .userdocs import user_documents

    top = f"{safe_name(package.name, 'package name')}-{safe_name(package.version, 'version')}"
    entries = {}
    for path in sorted(package.folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            entries[path.relative_to(package.folder).as_posix()] = path.read_bytes()
    for name in ARCHIVED_PROJECT_FILES:
        if (root / name).is_file():
            entries[name] = (root / name).read_bytes()
    for relative, data in exports.items():
        entries[f"exports/{relative}"] = data
    changelog = root / "CHANGELOG.md"
    documents = user_documents(package, sorted(entries), exports, changelog.read_text("utf-8") if changelog.is_file() else "")
    for name, text in documents.items():
        entries[name] = text.encode("utf-8")
    return sorted((f"{top}/{name}", data) for name, data in entries.items())


def checksums(dist: Path) -> str:
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in sorted(dist.glob("*.zip"))]
    return "\n".join(lines) + "\n"


# --- the whole release ----------------------------------------------------------------------

@dataclass
class Release:
    version: str
    previous: str | None
    implied: str
    bump: str
    archive: Path | None = None
    sha256: str = ""
    diff: PackageDiff | None = None
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    name: str = ""
    replaces: str | None = None  # a drafted, never committed version this release takes the place of
    compared: Previous | None = None  # the earlier release, and how it was found


def release_date(date: str | None) -> str:
    if date:
        try:
            return dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise ReleaseError(f"--date {date!r} is not a date (YYYY-MM-DD)") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.datetime.now(dt.UTC).date().isoformat()


def _write_if_changed(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    path.write_text(text, "utf-8")
    return True


def committed_version(root: Path) -> str | None:
    """The version datapackage.json has in the last commit (None without git or a commit)."""
    try:
        return str(json.loads(git("show", "HEAD:datapackage.json", cwd=root)).get("version", ""))
    except (PackageError, ValueError):
        return None


def draft_version(root: Path, current: Package, base: str) -> str | None:
    """The version an earlier run set but nobody committed yet: newer than the last release.

    A later run replaces such a draft instead of releasing on top of it. A committed version counts
    as released even when its tag is missing, so a lost tag can never rewrite a real entry.
    """
    version = current.version
    if not VERSION.fullmatch(version) or parse_version(version) <= parse_version(base):
        return None
    committed = committed_version(root)
    if committed is None:
        return version if (root / "dist" / f"{current.name}-{version}.zip").is_file() else None
    return version if committed != version else None


# What a release reads and may rewrite, copied into a staging folder first: nothing in the project
# changes until every file the release will write is ready.
STAGED = ("datapackage.json", "schemas", "seeds", "build", "docs", "README.md", "LICENSE", "CHANGELOG.md", *ARCHIVED_PROJECT_FILES)


def make_release(root: Path, bump: str = "auto", *, previous: str | None = None, date: str | None = None,
                 progress: Callable[[str], None] = lambda _: None) -> Release:
    """Build, diff against the last release, check the bump, write version, changelog, citation, archive.

    All or nothing: the work happens in a staging copy of the project; only when the archive is
    made are the changed files moved into place (a refusal or a failure leaves the project as it was).
    """
    if bump not in BUMPS:
        raise ReleaseError(f"unknown bump {bump!r}; choose from {', '.join(BUMPS)}")
    with tempfile.TemporaryDirectory(prefix=".release-", dir=root) as tmp:
        stage = Path(tmp)
        try:
            for name in STAGED:
                source = root / name
                if source.is_dir():
                    shutil.copytree(source, stage / name, symlinks=True, ignore=_not_regular)
                elif source.is_file():
                    shutil.copy2(source, stage / name)
        except (OSError, shutil.Error) as error:
            raise ReleaseError(f"cannot stage the project for the release: {error}; nothing was released") from None
        try:
            result, data = _release_in(stage, root, bump, previous=previous, date=date, progress=progress)
        except ExportError as error:
            raise ReleaseError(f"the exports cannot be written, so nothing was released: {error}") from None
        if result.findings or data is None:
            return result
        progress("moving the release into place")
        try:
            with build_lock(root / ".build.lock", LOCK_SECONDS, progress):  # no build swaps build/ meanwhile
                _publish(stage, root, result, data)
        except (BuildLocked, BuildNotWritten, OSError) as error:
            raise ReleaseError(f"{error}; the release was not completed") from None
        return result


def _not_regular(folder: str, names: list[str]) -> list[str]:
    """copytree's ignore: what is neither a folder, a regular file nor a link (a FIFO would hang the copy;
    the build reports it)."""
    return [n for n in names if not (os.path.islink(os.path.join(folder, n)) or os.path.isdir(os.path.join(folder, n))
                                     or os.path.isfile(os.path.join(folder, n)))]


def _publish(stage: Path, root: Path, result: Release, data: bytes) -> None:
    """Move what the staged release changed into the project. The archive is written first (as a
    partial file), so that whatever can fail on dist/ fails before any project file changes."""
    dist = root / "dist"
    archive = dist / f"{result.name}-{result.version}.zip"
    partial = archive.with_name(archive.name + ".partial")
    dist.mkdir(parents=True, exist_ok=True)
    partial.write_bytes(data)
    for name in STAGED:
        staged = stage / name
        if name == "build" or not staged.exists():
            continue
        files = sorted(p for p in staged.rglob("*") if p.is_file()) if staged.is_dir() else [staged]
        for path in files:
            target = root / path.relative_to(stage)
            content = path.read_bytes()
            if not target.is_file() or target.read_bytes() != content:
                write_atomically(target, content)
    swap_in(stage / "build", root / "build")
    if result.replaces:
        (dist / f"{result.name}-{result.replaces}.zip").unlink(missing_ok=True)  # never tagged: superseded
    partial.replace(archive)
    result.archive = archive
    result.sha256 = hashlib.sha256(data).hexdigest()
    write_atomically(dist / "SHA256SUMS", checksums(dist).encode("utf-8"))


def _release_in(stage: Path, root: Path, bump: str, *, previous: str | None, date: str | None,
                progress: Callable[[str], None]) -> tuple[Release, bytes | None]:
    """The release worked out in `stage` (a copy of the project); `root` answers for git and dist/."""
    from .build import build_package
    from .docs import refresh

    progress("building the package")
    findings = build_package(stage, progress=progress)
    if findings:
        return Release("", None, "none", bump, findings=findings), None
    current = load(stage / "build" / "datapackage.json")
    try:
        name = safe_name(current.name, "package name")
    except UnsafePath as error:
        raise ReleaseError(str(error)) from None

    with previous_release(root, previous) as found:
        last, how = found if found is not None else (None, None)
        diff = diff_packages(last, current) if last is not None else None
        base = last.version if last is not None else "0.0.0"
        label = how.label if how is not None else None
        generated = changelog_items(diff, current)
    parse_version(base)
    # With no earlier release any bump goes (0.1.0 is a fine first version); auto makes it 1.0.0.
    implied = diff.bump if diff is not None else "major"
    result = Release("", label, implied, bump, diff=diff, name=name, compared=how)
    result.notes.append(how.said() if how is not None else
                        "no earlier release to compare against: no vX.Y.Z tag, and no commit in the history that set "
                        "datapackage.json's version with its CHANGELOG entry")

    if diff is not None and implied == "none":
        if current.version != base:
            raise ReleaseError(f"nothing changed since {label} ({base}): there is nothing to release")
        result.version, result.bump = base, "none"
        result.notes.append(f"nothing changed since {label}: re-creating the archive of {base}")
    else:
        chosen = implied if bump == "auto" else bump
        if diff is not None and level_rank(chosen) < level_rank(implied):
            reasons = "; ".join(f"{c.resource + ': ' if c.resource else ''}{c.message}" for c in diff.reasons(implied))
            raise ReleaseError(f"the changes since {label} call for a {implied.upper()} release, "
                               f"not {chosen.upper()}: {reasons}")
        result.bump = chosen
        result.version = bumped(base, chosen)

    changelog = stage / "CHANGELOG.md"
    logged = changelog.is_file() and _section(changelog.read_text("utf-8"), result.version) is not None
    if current.version != result.version or not logged:
        replaces = draft_version(root, current, base)
        if replaces is None and VERSION.fullmatch(current.version) and parse_version(current.version) > parse_version(result.version):
            setter = next((commit for version, commit in version_commits(root) if version == current.version), None)
            where = f" {_short(root, setter)}" if setter else ""
            shallow = "; this clone is shallow, so its history may hold the release: git fetch --unshallow" if shallow_commits(root) else ""
            raise ReleaseError(f"datapackage.json is at {current.version}, newer than the {result.version} this would make "
                               f"from {label or 'no earlier release'}: tag the last release (git tag v{current.version}{where}) "
                               f"or name it with --previous{shallow}")
        result.replaces = replaces
        day = release_date(date)
        progress(f"setting version {result.version} ({day})")
        _write_if_changed(stage / "datapackage.json", updated_descriptor((stage / "datapackage.json").read_text("utf-8"), result.version, day))
        old = changelog.read_text("utf-8") if changelog.is_file() else "# Changelog\n\n"
        _write_if_changed(changelog, updated_changelog(old, result.version, day, generated, replaces))
        citation = stage / "CITATION.cff"
        if citation.is_file():
            _write_if_changed(citation, updated_citation(citation.read_text("utf-8"), result.version, day))
        progress("rebuilding with the new version")
        findings = build_package(stage, progress=progress)
        if findings:
            result.findings = findings
            return result, None
        if (stage / "README.md").is_file():
            refresh(stage, write=True)
        current = load(stage / "build" / "datapackage.json")

    progress("writing the exports and the archive")
    exports = export_files(current, progress=progress)
    moment = release_moment(current.descriptor)
    return result, zip_bytes(archive_entries(stage, current, exports), zip_time(moment))
