"""Packages, archives and releases as an attacker would write them: each case runs the real CLI in
its own process under a 1 GB address-space ceiling and a time limit (tests/hostile.py), and must end
with a clear finding or error (exit 1 or 2), read nothing outside its root, write nothing outside
its place, fetch nothing, and print no traceback."""

from __future__ import annotations

import http.server
import json
import os
import shutil
import threading
import zipfile
from pathlib import Path

import pytest

from conftest import copy_project
from hostile import assert_refused, run_bounded

SECRET = "TOP-SECRET-LINE-0f1e2d"


@pytest.fixture()
def secret(tmp_path: Path) -> Path:
    """A file outside every package, whose text must never appear in any output."""
    path = tmp_path / "outside" / "secret.csv"
    path.parent.mkdir()
    path.write_text(f"name\n{SECRET}\n")
    return path


def package(folder: Path, resources: list[dict], **extra) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "datapackage.json").write_text(json.dumps({"name": "hostile", **extra, "resources": resources}))
    return folder


def table(name: str = "t", path: str = "t.csv", fields: tuple[str, ...] = ("name",), **extra) -> dict:
    return {"name": name, "path": path, "schema": {"fields": [{"name": f} for f in fields]}, **extra}


def never_leaked(result) -> None:
    assert SECRET not in result.output


# --- reads outside the package --------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "github", "json"])
@pytest.mark.parametrize("how", ["absolute", "climb", "symlink", "symlinked-folder"])
def test_validate_never_reads_outside_the_package(tmp_path, secret, how, fmt):
    folder = tmp_path / "pkg"
    folder.mkdir()
    if how == "absolute":
        path = str(secret)
    elif how == "climb":
        path = os.path.relpath(secret, folder)
    elif how == "symlink":
        (folder / "t.csv").symlink_to(secret)
        path = "t.csv"
    else:
        (folder / "data").symlink_to(secret.parent, target_is_directory=True)
        path = "data/secret.csv"
    package(folder, [table(path=path)])
    result = run_bounded(["validate", str(folder), "--format", fmt], tmp_path)
    assert_refused(result, "unsafe-path", exit_codes=(1,))
    never_leaked(result)


def test_official_run_is_not_made_on_a_package_that_links_out(tmp_path, secret):
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "t.csv").symlink_to(secret)
    package(folder, [table(path="t.csv", fields=(SECRET,))])  # a schema that would call the secret valid
    result = run_bounded(["validate", str(folder), "--official"], tmp_path, seconds=60)
    assert_refused(result, "unsafe-path", exit_codes=(1,))
    assert result.output.count(SECRET) == 0


def test_a_schema_or_text_outside_the_package_is_refused(tmp_path, secret, built):
    folder = Path(shutil.copytree(built, tmp_path / "pkg"))
    descriptor = json.loads((folder / "datapackage.json").read_text())
    descriptor["resources"][0]["schema"] = os.path.relpath(secret, folder)
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    articles = (folder / "articles.csv").read_text().splitlines()
    text_path = articles[1].split(",")[articles[0].split(",").index("text_path")]
    (folder / "articles.csv").write_text("\n".join(articles).replace(text_path, str(secret), 1) + "\n")
    result = run_bounded(["validate", str(folder)], tmp_path)
    assert_refused(result, "unsafe-path", exit_codes=(1,))
    assert "schema" in result.output and "text_path" in result.output
    never_leaked(result)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_resource_that_is_no_regular_file_is_refused_at_once(tmp_path, kind):
    folder = tmp_path / "pkg"
    folder.mkdir()
    if kind == "fifo":
        os.mkfifo(folder / "t.csv")  # a reader would wait for a writer forever
    else:
        (folder / "t.csv").symlink_to("/dev/zero")  # endless
    package(folder, [table()])
    result = run_bounded(["validate", str(folder)], tmp_path, seconds=20, fresh=True)  # its memory is bounded
    assert_refused(result, "unsafe-path", exit_codes=(1,))
    assert result.peak_mb < 1024


@pytest.mark.parametrize("schema", [True, False])
def test_diff_of_a_package_that_points_outside_lists_nothing_of_it(tmp_path, secret, schema):
    folder = tmp_path / "old"
    package(folder, [table(path=str(secret)) if schema else {"name": "t", "path": str(secret)}])
    result = run_bounded(["diff", str(folder), str(folder)], tmp_path)
    assert_refused(result, exit_codes=(2,))
    assert "absolute path" in result.output
    never_leaked(result)


# --- archives -------------------------------------------------------------------------------

def zip_with(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            archive.writestr(info, data)
    return path


def test_diff_refuses_an_archive_that_escapes(tmp_path, built):
    archive = zip_with(tmp_path / "evil.zip", [("pkg/datapackage.json", b"{}"), ("../../escaped.txt", b"x")])
    result = run_bounded(["diff", str(archive), str(built)], tmp_path / "..")
    assert_refused(result, exit_codes=(2,))
    assert "climbs out" in result.output
    assert not (tmp_path.parent.parent / "escaped.txt").exists()


def test_diff_refuses_a_link_in_an_archive(tmp_path, built):
    link = zipfile.ZipInfo("pkg/datapackage.json")
    link.external_attr = 0o120777 << 16
    archive = zip_with(tmp_path / "link.zip", [(link, b"/etc/passwd")])
    result = run_bounded(["diff", str(archive), str(built)], tmp_path)
    assert_refused(result, exit_codes=(2,))
    assert "symbolic link" in result.output


@pytest.mark.scale
def test_diff_refuses_a_zip_bomb_quickly(tmp_path, built):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("pkg/datapackage.json", b'{"name": "x", "resources": []}')
        with bomb.open("pkg/t.csv", "w") as member:
            for _ in range(300):
                member.write(b"0" * (1 << 20))  # 300 MB of one byte: deflates about a thousand times
    assert archive.stat().st_size < 1 << 20
    result = run_bounded(["diff", str(archive), str(built)], tmp_path, seconds=30, fresh=True)  # its memory is bounded
    assert_refused(result, exit_codes=(2,))
    assert "zip bomb" in result.output
    assert result.peak_mb < 1024


# --- writes outside the output folder -------------------------------------------------------

def test_export_never_writes_outside_its_folder(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "settings.json").write_text("precious")
    folder = package(tmp_path / "a" / "b" / "pkg", [table(name="../../../victim/settings")], )
    (folder / "t.csv").write_text("name\nAlice\n")
    descriptor = json.loads((folder / "datapackage.json").read_text())
    descriptor["name"] = str(tmp_path / "abs" / "x")
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    out = tmp_path / "out"
    result = run_bounded(["export", str(folder), "--out", str(out), "--format", "json", "--format", "sqlite"], tmp_path)
    assert_refused(result, exit_codes=(2,))
    assert "cannot name a file" in result.output
    assert (victim / "settings.json").read_text() == "precious"
    assert not (tmp_path / "abs").exists()
    assert not out.exists() or not any(out.rglob("*"))


def commit_all(root: Path) -> None:
    import subprocess

    for args in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "x"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


RELEASE_FILES = ("datapackage.json", "CHANGELOG.md", "CITATION.cff", "README.md")


@pytest.fixture()
def releasable(tmp_path: Path, root: Path) -> Path:
    project = copy_project(tmp_path / "project")
    for name in ("README.md", "CHANGELOG.md", "CITATION.cff", "LICENSE", "docs"):
        source = root / name
        shutil.copytree(source, project / name) if source.is_dir() else shutil.copy2(source, project / name)
    return project


def snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and ".git" not in p.parts and p.name != ".build.lock"}


@pytest.mark.slow  # a whole release (seconds): CI runs it once, after make test
def test_release_with_an_escaping_name_changes_nothing(releasable, tmp_path):
    descriptor = json.loads((releasable / "datapackage.json").read_text())
    descriptor["name"] = "../../escaped"
    (releasable / "datapackage.json").write_text(json.dumps(descriptor, indent=2))
    commit_all(releasable)
    before = snapshot(releasable)
    result = run_bounded(["release", "--bump", "patch", "--project", str(releasable)], releasable, seconds=90)
    assert_refused(result)
    assert snapshot(releasable) == before
    assert not list(tmp_path.rglob("*escaped*"))


@pytest.mark.slow  # a whole release (seconds): CI runs it once, after make test
def test_release_that_fails_late_changes_nothing(releasable, monkeypatch):
    """The export fails after the version, changelog and citation were written and the new build
    made (in the staging copy): nothing moves into the project."""
    from strikedata import release as releasing
    from strikedata.exports import ExportError

    descriptor = json.loads((releasable / "datapackage.json").read_text())
    descriptor["version"] = "0.1.0"  # never released: the release makes 1.0.0
    (releasable / "datapackage.json").write_text(json.dumps(descriptor, indent=2) + "\n")
    commit_all(releasable)
    before = snapshot(releasable)

    def failing(*args, **kwargs):
        raise ExportError("sheet quotes, row 2: a control character cannot be stored in a spreadsheet cell")

    monkeypatch.setattr(releasing, "export_files", failing)
    with pytest.raises(releasing.ReleaseError, match="nothing was released"):
        releasing.make_release(releasable, "auto", date="2026-11-29")
    assert snapshot(releasable) == before
    assert not (releasable / "dist").exists()
    assert not list(releasable.glob(".release-*"))


def test_a_control_character_in_a_text_stops_the_build(releasable):
    people = releasable / "seeds" / "people.yaml"
    text = people.read_text()
    role_at = text.index("\n  role:") + 3
    people.write_text(text[:role_at] + 'role: "a role\\e[31m with an escape"\n' + text[text.index("\n", role_at) + 1:])
    before = snapshot(releasable)
    result = run_bounded(["build", "--project", str(releasable)], releasable, seconds=90)
    assert_refused(result, "control-character", exit_codes=(1,))
    assert "\x1b" not in result.output and "\\x1b" in result.output  # shown escaped, never obeyed
    assert snapshot(releasable) == before


# --- no network -----------------------------------------------------------------------------

@pytest.fixture()
def server():
    """A web server on loopback that counts what it is asked for."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            asked.append(self.path)
            body = b'{"fields": [{"name": "name", "type": "integer"}]}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", asked
    httpd.shutdown()


@pytest.mark.parametrize("where", ["schema", "dialect", "profile", "package-profile", "path"])
@pytest.mark.parametrize("official", [False, True])
def test_nothing_is_fetched(tmp_path, server, where, official):
    url, asked = server
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "t.csv").write_text("name\nnot a number\n")
    resource = table()
    extra = {}
    if where == "package-profile":
        extra["profile"] = f"{url}/profile.json"
    elif where == "path":
        resource["path"] = f"{url}/t.csv"
    else:
        resource[where] = f"{url}/{where}.json"
    package(folder, [resource], **extra)
    result = run_bounded(["validate", str(folder), *(["--official"] if official else [])], tmp_path, seconds=60)
    assert_refused(result, "remote-reference", exit_codes=(1,))
    assert asked == []


# --- bounded time and memory ----------------------------------------------------------------

def test_a_backtracking_pattern_is_stopped(tmp_path):
    folder = package(tmp_path / "pkg", [{"name": "t", "path": "t.csv", "schema": {"fields": [
        {"name": "name", "constraints": {"pattern": "^((?=a)a|a)+$"}}]}}])
    (folder / "t.csv").write_text("name\n" + ("a" * 40 + "!\n") * 3)
    result = run_bounded(["validate", str(folder)], tmp_path, seconds=30)
    assert_refused(result, "check-failed", exit_codes=(1,))
    assert "backtracks" in result.output


def test_a_pattern_that_backtracks_in_python_runs_in_re2(tmp_path):
    folder = package(tmp_path / "pkg", [{"name": "t", "path": "t.csv", "schema": {"fields": [
        {"name": "name", "constraints": {"pattern": "^(a+)+$"}}]}}])
    (folder / "t.csv").write_text("name\n" + ("a" * 60 + "!\n") * 3 + "aaa\n")
    result = run_bounded(["validate", str(folder)], tmp_path, seconds=30)
    assert_refused(result, "pattern", exit_codes=(1,))
    assert result.output.count("pattern [name]") == 3


@pytest.mark.scale
@pytest.mark.parametrize("shape", ["extra", "missing"])
def test_many_rows_of_the_wrong_length_are_counted_not_listed(tmp_path, shape):
    rows = 200_000
    folder = package(tmp_path / "pkg", [table(fields=("id", "name", "note"))])
    cell = "1,Alice,x,EXTRA\n" if shape == "extra" else "1,Alice\n"
    (folder / "t.csv").write_text("id,name,note\n" + cell * rows)
    result = run_bounded(["validate", str(folder), "--max-per-check", "50"], tmp_path, seconds=60, fresh=True)  # its memory is bounded
    code = f"{shape}-cell"
    assert_refused(result, code, exit_codes=(1,))
    assert result.stdout.count(code) == 50
    assert f"{code} {rows}" in result.stderr
    assert result.peak_mb < 1024


@pytest.mark.scale
def test_a_huge_cell_is_read_within_bounds(tmp_path):
    folder = package(tmp_path / "pkg", [table(fields=("id", "text"))])
    with (folder / "t.csv").open("w") as handle:
        handle.write("id,text\n1,")
        handle.write("x" * 150_000_000)
        handle.write("\n2,short\n")
    result = run_bounded(["validate", str(folder)], tmp_path, seconds=60, fresh=True)  # its memory is bounded
    assert result.returncode == 0, result.output
    assert "valid (2 rows" in result.output
    assert result.peak_mb < 1024


def test_a_deeply_nested_descriptor_is_a_finding(tmp_path):
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000)
    result = run_bounded(["validate", str(folder)], tmp_path)
    assert_refused(result, "descriptor-error", exit_codes=(1,))


def test_a_multipart_path_cannot_be_validated_here(tmp_path):
    folder = package(tmp_path / "pkg", [table(path=["a.csv", "b.csv"])])
    (folder / "a.csv").write_text("name\nx\n")
    (folder / "b.csv").write_text("y\n")
    result = run_bounded(["validate", str(folder)], tmp_path)
    assert_refused(result, exit_codes=(2,))
    assert "multipart" in result.output


def named(name: object) -> dict:
    resource = {"path": "t.csv", "schema": {"fields": [{"name": "n", "type": "integer"}]}}
    return resource if name is None else {"name": name, **resource}


@pytest.mark.parametrize("reference", [False, True])
@pytest.mark.parametrize("name", [None, 5, ["t"], {"t": 1}])
def test_a_resource_name_that_is_no_text_is_a_finding_not_a_crash(tmp_path, name, reference):
    folder = package(tmp_path / "pkg", [named(name)])
    (folder / "t.csv").write_text("n\nx\n")
    result = run_bounded(["validate", str(folder), *(["--reference"] if reference else [])], tmp_path)
    assert_refused(result, "resource-error", "type", exit_codes=(1,))


@pytest.mark.parametrize("name", [None, 5, ["t"]])
def test_diff_of_resources_whose_name_is_no_text(tmp_path, name):
    for version, value in (("old", "1"), ("new", "2")):
        (package(tmp_path / version, [named(name)]) / "t.csv").write_text(f"n\n{value}\n")
    result = run_bounded(["diff", str(tmp_path / "old"), str(tmp_path / "new")], tmp_path)
    assert result.returncode == 0, result.output[-2000:]
    shown = "(unnamed)" if name is None else json.dumps(name)
    assert f"{shown}: 1 row removed" in result.output and "+ 2" in result.output


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_terminal_control_in_a_cell_is_shown_escaped(tmp_path, fmt):
    folder = package(tmp_path / "pkg", [{"name": "t", "path": "t.csv", "schema": {"fields": [
        {"name": "n", "type": "integer"}]}}])
    (folder / "t.csv").write_bytes(b'n\n"\x1b]0;owned\x07\x1b[2J\rhidden"\n')
    result = run_bounded(["validate", str(folder), "--format", fmt], tmp_path)
    assert_refused(result, "type", exit_codes=(1,))
    assert "\x1b" not in result.output and "\r" not in result.output and "\x07" not in result.output
    assert "\\x1b" in result.output


@pytest.mark.parametrize("official", [False, True])
def test_a_schema_linked_from_outside_is_opened_by_no_tool(tmp_path, official):
    """frictionless's metadata loader would follow the link; it must not see such a package. The
    file outside is a FIFO: whoever opens it waits for a writer, and the run goes past its time."""
    outside = tmp_path / "outside" / "schema.json"
    outside.parent.mkdir()
    os.mkfifo(outside)
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "schema.json").symlink_to(outside)
    (folder / "t.csv").write_text("name\nx\n")
    package(folder, [{"name": "t", "path": "t.csv", "schema": "schema.json", "profile": "tabular-data-resource"}])
    result = run_bounded(["validate", str(folder), *(["--official"] if official else [])], tmp_path, seconds=20)
    assert_refused(result, "unsafe-path", exit_codes=(1,))


@pytest.mark.parametrize("where", ["package", "resource"])
def test_a_custom_profile_file_is_opened_by_no_tool(tmp_path, where):
    """frictionless reads a local profile relative to the working folder; a FIFO there would hang it."""
    os.mkfifo(tmp_path / "profile.json")
    resource = table()
    extra = {}
    if where == "package":
        extra["profile"] = "profile.json"
    else:
        resource["profile"] = "profile.json"
    folder = package(tmp_path / "pkg", [resource], **extra)
    (folder / "t.csv").write_text("name\nx\n")
    result = run_bounded(["validate", str(folder)], tmp_path, seconds=20)
    assert_refused(result, "unsafe-path", exit_codes=(1,))


@pytest.mark.parametrize("descriptor", ['{"name": "x", "resources": 5}', '{"name": "x", "n": ' + "1" * 5000 + "}",
                                        '{"name": "x", "resources": [{"name": "t", "path": "t.csv", "schema": {"fields": [5]}}]}'])
def test_malformed_descriptors_are_findings_not_crashes(tmp_path, descriptor):
    folder = tmp_path / "pkg"
    folder.mkdir()
    (folder / "datapackage.json").write_text(descriptor)
    (folder / "t.csv").write_text("name\nx\n")
    for command in (["validate", str(folder)], ["diff", str(folder), str(folder)]):
        result = run_bounded(command, tmp_path)
        assert "could not finish" not in result.output and "Traceback" not in result.output, result.output


@pytest.mark.parametrize("entries", [[("p/a", b"x"), ("p/a/b", b"y")], [("p/a/", b""), ("p/a", b"x")]])
def test_an_archive_whose_names_clash_is_one_error(tmp_path, built, entries):
    archive = zip_with(tmp_path / "clash.zip", entries)
    result = run_bounded(["diff", str(archive), str(built)], tmp_path)
    assert_refused(result, exit_codes=(2,))
    assert "could not finish" not in result.output


@pytest.mark.slow  # a whole release (seconds): CI runs it once, after make test
def test_release_that_cannot_write_dist_changes_nothing(releasable):
    descriptor = json.loads((releasable / "datapackage.json").read_text())
    descriptor["version"] = "0.1.0"
    (releasable / "datapackage.json").write_text(json.dumps(descriptor, indent=2) + "\n")
    (releasable / "dist").write_text("a file where the dist/ folder belongs")
    commit_all(releasable)
    before = snapshot(releasable)
    result = run_bounded(["release", "--bump", "auto", "--project", str(releasable)], releasable, seconds=90)
    assert_refused(result, exit_codes=(1,))
    assert "could not finish" not in result.output
    assert snapshot(releasable) == before


def test_diff_shows_terminal_control_escaped(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    for folder, cell in ((old, "plain"), (new, "\x1b]0;owned\x07\x1b[2J")):
        package(folder, [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "id"}, {"name": "v"}], "primaryKey": ["id"]}}])
        (folder / "t.csv").write_text(f"id,v\n1,{cell}\n")
    result = run_bounded(["diff", str(old), str(new)], tmp_path)
    assert result.returncode == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\u001b" in result.output or "\\x1b" in result.output


def test_export_of_an_integer_python_will_not_read_is_one_error(tmp_path):
    """5,000 digits are more than int() reads: a type error, as frictionless says, so nothing is exported."""
    folder = package(tmp_path / "pkg", [{"name": "t", "path": "t.csv", "schema": {"fields": [{"name": "n", "type": "integer"}]}}])
    (folder / "t.csv").write_text("n\n" + "1" * 5000 + "\n")
    result = run_bounded(["export", str(folder), "--out", str(tmp_path / "out"), "--format", "json"], tmp_path)
    assert_refused(result, "type", exit_codes=(1,))
    assert "not a valid integer" in result.output and "nothing exported" in result.output
    assert not (tmp_path / "out").exists()
