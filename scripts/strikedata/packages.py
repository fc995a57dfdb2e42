"""Open a Data Package wherever it lives (a folder, a release zip, a git ref) and read its tables.

Diff, export and release all start here, so "a package" means the same thing to each of them.
"""

from __future__ import annotations

import contextlib
import io
import json
import stat
import subprocess
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .findings import Finding
from .paths import MAX_DESCRIPTOR_BYTES, UnsafePath, path_problem, read_limited
from .validator.tables import Table, data_path, read_table, resolve_schema


class PackageError(Exception):
    """A package could not be opened or read; the message is for the user."""


@dataclass
class Package:
    """A package on disk: its descriptor, its folder, and where it came from (for messages)."""

    descriptor: dict
    folder: Path
    label: str

    @property
    def name(self) -> str:
        return str(self.descriptor.get("name", ""))

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    def resources(self) -> list[dict]:
        resources = self.descriptor.get("resources")
        return [r for r in resources if isinstance(r, dict)] if isinstance(resources, list) else []

    def schema(self, resource: dict) -> dict | None:
        schema, problem = resolve_schema(resource, self.folder)
        if problem:
            raise PackageError(f"{self.label}: {problem.message}")
        return schema

    def data_file(self, resource: dict) -> Path:
        """The resource's data file, once the path gate agrees (inside the package, a regular file)."""
        path = data_path(self.folder, resource)
        if isinstance(path, Finding):
            raise PackageError(f"{self.label}: resource {resource.get('name')}: {path.message}")
        return path

    def table(self, resource: dict, schema: dict | None = None) -> Table | None:
        """The resource's rows as raw strings (None for a resource that is not a table)."""
        schema = schema if schema is not None else self.schema(resource)
        if schema is None:
            return None
        table, findings = read_table(self.folder, resource, schema, fast=True)  # pyarrow where it can
        broken = [f for f in findings if f.code in ("source-error", "encoding-error", "unsafe-path", "remote-reference")]
        if broken:
            raise PackageError(f"{self.label}: resource {resource.get('name')}: {broken[0].message}")
        return table

    def tables(self) -> dict[str, Table]:
        out = {}
        for resource in self.resources():
            table = self.table(resource)
            if table is not None:
                out[table.name] = table
        return out


def load(descriptor_path: Path, label: str | None = None) -> Package:
    try:
        descriptor = json.loads(read_limited(descriptor_path, MAX_DESCRIPTOR_BYTES).decode("utf-8"))
    except UnsafePath as error:
        raise PackageError(f"cannot read {descriptor_path}: {error}") from None
    except OSError as error:
        raise PackageError(f"cannot read {descriptor_path}: {error.strerror or error}") from None
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        raise PackageError(f"{descriptor_path} is not a JSON descriptor: {reason}") from None
    if not isinstance(descriptor, dict):
        raise PackageError(f"{descriptor_path} is not a Data Package descriptor (not a JSON object)")
    return Package(descriptor, descriptor_path.parent, label or str(descriptor_path))


def _descriptor_in(folder: Path) -> Path | None:
    """datapackage.json at the top of `folder`, or one level down (a release zip holds one folder)."""
    if (folder / "datapackage.json").is_file():
        return folder / "datapackage.json"
    found = sorted(folder.glob("*/datapackage.json"))
    return found[0] if len(found) == 1 else None


# A release archive of this package is a few MB; the caps leave room for packages a thousand times
# larger and refuse a "zip bomb" (a small archive that inflates to fill the disk or the memory).
MAX_MEMBERS = 100_000
MAX_UNPACKED = 4 << 30  # bytes, all members together
MAX_RATIO = 200  # inflated size / stored size, for members over 1 MB: CSV and text deflate 3 to 20 times


def _zip_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a member must not be unpacked: a name that leaves the archive, or a link."""
    problem = path_problem(info.filename.rstrip("/")) if info.filename.rstrip("/") else "an empty name"
    if problem:
        return problem
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"{info.filename!r} is a symbolic link"
    return None


def _safe_extract_zip(archive: Path, target: Path) -> None:
    """Unpack `archive` into `target`, refusing names that escape, links, and archives that inflate
    past the caps. Sizes are counted as the bytes come out, not taken from the archive's word."""
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            if len(members) > MAX_MEMBERS:
                raise PackageError(f"{archive}: {len(members)} entries, more than a package archive holds ({MAX_MEMBERS})")
            for info in members:
                problem = _zip_problem(info)
                if problem:
                    raise PackageError(f"{archive}: refusing the entry {info.filename!r}: {problem}")
            unpacked = 0
            for info in members:
                destination = target / info.filename
                if info.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                written = 0
                with zf.open(info) as source, destination.open("wb") as sink:
                    while chunk := source.read(1 << 20):
                        written += len(chunk)
                        unpacked += len(chunk)
                        if unpacked > MAX_UNPACKED:
                            raise PackageError(f"{archive}: inflates past {MAX_UNPACKED >> 30} GB; refused as a zip bomb")
                        if written > (1 << 20) and written > MAX_RATIO * max(info.compress_size, 1):
                            raise PackageError(f"{archive}: the entry {info.filename!r} inflates more than {MAX_RATIO} "
                                               "times its stored size; refused as a zip bomb")
                        sink.write(chunk)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError, RuntimeError,
            OSError, zlib.error) as error:  # corrupt, encrypted, or a name that is both a file and a folder
        raise PackageError(f"{archive}: not a zip archive that can be read: {error}") from None


def git(*args: str, cwd: Path) -> bytes:
    """Run git; a failure is a PackageError carrying git's own message."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise PackageError("git is not installed") from None
    if result.returncode != 0:
        raise PackageError(result.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return result.stdout


def _extract_git_ref(ref: str, repo: Path, subfolder: str, target: Path) -> None:
    if ref.startswith("-"):
        raise PackageError(f"{ref!r} is neither a package folder, a datapackage.json, a zip archive nor a git ref")
    try:
        git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=repo)
    except PackageError:
        raise PackageError(f"{ref!r} is neither a package folder, a datapackage.json, a zip archive nor a git ref") from None
    data = git("archive", "--format=tar", ref, "--", subfolder, cwd=repo)
    try:
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            tar.extractall(target, filter="data")
    except (tarfile.TarError, OSError) as error:  # e.g. a committed link that points out of the tree
        raise PackageError(f"{ref} ({subfolder}/): cannot unpack it: {error}") from None


@contextlib.contextmanager
def opened(spec: str, repo: Path, subfolder: str = "build") -> Iterator[Package]:
    """The package that `spec` names: a folder, a datapackage.json, a .zip, or a git ref in `repo`.

    For a git ref the package is `subfolder` (the built package) as committed at that ref.
    Temporary copies are removed when the block ends.
    """
    path = Path(spec)
    if path.is_dir():
        descriptor = _descriptor_in(path)
        if descriptor is None:
            raise PackageError(f"{spec}: no datapackage.json in this folder")
        yield load(descriptor, spec)
        return
    if path.is_file() and path.suffix != ".zip":
        yield load(path, spec)
        return
    with tempfile.TemporaryDirectory(prefix="strikedata-") as tmp:
        if path.is_file():
            _safe_extract_zip(path, Path(tmp))
            where = spec
        else:
            _extract_git_ref(spec, repo, subfolder, Path(tmp))
            where = f"{spec} ({subfolder}/)"
        descriptor = _descriptor_in(Path(tmp)) or _descriptor_in(Path(tmp) / subfolder)
        if descriptor is None:
            raise PackageError(f"{where}: no datapackage.json in it")
        yield load(descriptor, spec)
