"""The GitHub Actions workflows, run by hand: the YAML parses and names the right triggers, and the `run:`
steps that need no GitHub do what they say in temporary clones of this repository.

The release workflow's steps run in a checkout of a tag, as on a runner: the tagged commit, released again
against its own tag, changes no committed file and gives the same archive, byte for byte, twice. Left out,
and said so: actions/checkout and actions/setup-python (`uses:`), `make build` (its pip install needs
PyPI: a `.venv` whose `strikedata` runs the checkout's own code stands in for it), and the publishing step
(it talks to GitHub). The pull request workflow's diff step writes the data diff into a job summary.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from test_validate import edit_csv

WORKFLOWS = ROOT / ".github" / "workflows"
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")
NOT_RUN_HERE = {"Install and build (make build creates .venv)", "Publish the GitHub Release with the archive and SHA256SUMS"}


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))


def triggers(flow: dict) -> dict:
    return flow.get("on", flow.get(True))  # YAML 1.1 reads a bare `on` as true


def steps(flow: dict, job: str) -> list[dict]:
    return flow["jobs"][job]["steps"]


def step(flow: dict, job: str, name: str) -> dict:
    [found] = [s for s in steps(flow, job) if s.get("name") == name]
    return found


def github_filter(pattern: str) -> re.Pattern:
    """A GitHub Actions filter pattern (the subset the workflows use: [..], +, *) as a regular expression."""
    out = ""
    for part in re.findall(r"\[[^\]]*\]|\*|\+|.", pattern):
        out += part if part.startswith("[") or part == "+" else "[^/]*" if part == "*" else re.escape(part)
    return re.compile(out)


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=cwd, check=True,
                            capture_output=True, text=True)
    return result.stdout.strip()


def stand_in_venv(checkout: Path) -> None:
    """`.venv/bin/strikedata` and `.venv/bin/python` in a checkout, running the checkout's own code with this
    interpreter (what `make build` would install there)."""
    bin_ = checkout / ".venv" / "bin"
    bin_.mkdir(parents=True)
    scripts = {"strikedata": f'PYTHONPATH="{checkout / "scripts"}" exec "{sys.executable}" -c '
                             '"from strikedata.cli import main; main()" "$@"',
               "python": f'PYTHONPATH="{checkout / "scripts"}" exec "{sys.executable}" "$@"'}
    for name, line in scripts.items():
        (bin_ / name).write_text(f"#!/bin/sh\n{line}\n")
        (bin_ / name).chmod(0o755)


@dataclass
class Runner:
    """A job's steps run by hand in `workspace`, as a GitHub runner runs them: bash -eo pipefail, the job's and
    the step's env with their expressions resolved, GITHUB_OUTPUT per step, one GITHUB_STEP_SUMMARY."""

    workspace: Path
    temp: Path
    context: dict[str, str]
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)
    logs: dict[str, str] = field(default_factory=dict)

    @property
    def summary(self) -> Path:
        return self.temp / "summary.md"

    def resolve(self, value: object) -> str:
        def lookup(match: re.Match) -> str:
            expression = match.group(1)
            found = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
            if found:
                return self.outputs.get(found.group(1), {}).get(found.group(2), "")
            return self.context[expression]  # an expression the test does not know fails here, not silently
        return EXPRESSION.sub(lookup, str(value))

    def run(self, job_env: dict, spec: dict, check: bool = True, **extra_env: str) -> subprocess.CompletedProcess:
        output = self.temp / "output"
        output.write_text("")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "PYTEST_"))}
        env.update({k: self.resolve(v) for k, v in {**job_env, **spec.get("env", {})}.items()})
        env.update(GITHUB_OUTPUT=str(output), GITHUB_STEP_SUMMARY=str(self.summary), RUNNER_TEMP=str(self.temp),
                   GIT_CONFIG_NOSYSTEM="1", **extra_env)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", spec["run"]], cwd=self.workspace,
                                env=env, capture_output=True, text=True, timeout=300)
        self.logs[spec["name"]] = result.stdout + result.stderr
        if check:
            assert result.returncode == 0, f"step {spec['name']!r} failed:\n{self.logs[spec['name']]}"
        if "id" in spec:
            self.outputs[spec["id"]] = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
        return result


# --- the YAML ---------------------------------------------------------------------------------

def test_release_runs_on_version_tags_only():
    flow = workflow("release.yml")
    on = triggers(flow)
    assert set(on) == {"push"} and set(on["push"]) == {"tags"}
    [pattern] = on["push"]["tags"]
    matches = github_filter(pattern).fullmatch
    assert all(matches(t) for t in ("v1.0.0", "v2.10.3", "v10.0.12"))
    assert not any(matches(t) for t in ("v1.0", "1.0.0", "v1.0.0-rc1", "vx.y.z", "release-1"))
    assert flow["permissions"] == {"contents": "write"}  # to create the release, and nothing more


def test_pull_requests_run_the_checks_and_the_data_diff():
    flow = workflow("pr.yml")
    assert set(triggers(flow)) == {"pull_request"}
    assert flow["permissions"] == {"contents": "read"}
    assert [s["run"] for s in steps(flow, "checks") if "run" in s] == ["bash .ci/run"]
    diff = step(flow, "data-diff", "Data diff against the base, into the job summary")
    assert diff["run"].strip() == '.venv/bin/strikedata diff "$BASE" build --format markdown | tee -a "$GITHUB_STEP_SUMMARY"'
    assert diff["env"] == {"BASE": "${{ github.event.pull_request.base.sha }}"}
    assert steps(flow, "data-diff")[0]["with"]["fetch-depth"] == 0  # the base commit is read from git


@pytest.mark.parametrize("name", ["release.yml", "pr.yml", "pages.yml"])
def test_actions_pinned_and_no_expression_inside_a_script(name):
    """Actions by a major version; values reach scripts through env, never pasted into the shell text
    (a branch or tag name would otherwise be run as code)."""
    flow = workflow(name)
    for job in flow["jobs"]:
        for spec in steps(flow, job):
            if "uses" in spec:
                assert re.fullmatch(r"actions/[\w-]+@v\d+", spec["uses"]), spec["uses"]
            else:
                assert "${{" not in spec["run"], spec["name"]


def test_the_site_of_each_release_goes_to_github_pages():
    """On the release tags, the pages job uploads the very folder `make site` writes, then deploys it."""
    flow = workflow("pages.yml")
    assert triggers(flow)["push"]["tags"] == triggers(workflow("release.yml"))["push"]["tags"]
    make = step(flow, "build", "Make the site from the released package")
    assert make["run"] == "make site"
    recipe = re.search(r"^site: .*\n\t(.+)$", (ROOT / "Makefile").read_text("utf-8"), re.M).group(1)
    [upload] = [s for s in steps(flow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert recipe.split("--out ")[1].split()[0] == upload["with"]["path"]
    assert flow["jobs"]["deploy"]["needs"] == "build" and flow["permissions"]["pages"] == "write"
    assert steps(flow, "deploy")[0]["uses"].startswith("actions/deploy-pages@")


def test_the_release_is_attached_with_its_checksums():
    publish = step(workflow("release.yml"), "release", "Publish the GitHub Release with the archive and SHA256SUMS")
    assert 'gh release create "$TAG" "$ARCHIVE" dist/SHA256SUMS --verify-tag' in publish["run"]
    assert publish["env"]["GH_TOKEN"] == "${{ github.token }}"
    assert publish["env"]["ARCHIVE"] == "${{ steps.release.outputs.archive }}"


# --- the release, by hand ---------------------------------------------------------------------

@dataclass
class Released:
    runner: Runner
    flow: dict
    tag: str
    version: str
    name: str
    skipped: list[str]

    @property
    def job_env(self) -> dict:
        return self.flow["jobs"]["release"]["env"]

    @property
    def archive(self) -> Path:
        return self.runner.workspace / "dist" / f"{self.name}-{self.version}.zip"


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Released:
    """The release job's steps on a tag of this repository's HEAD, pushed annotated to an `origin` clone and
    checked out (with actions/checkout's lightweight stand-in for the tag) in a `workspace` clone."""
    temp = tmp_path_factory.mktemp("release")
    origin, workspace = temp / "origin", temp / "workspace"
    git(temp, "clone", "--quiet", str(ROOT), str(origin))
    descriptor = json.loads((origin / "datapackage.json").read_text("utf-8"))
    version, tag = descriptor["version"], f"v{descriptor['version']}"
    tags = git(origin, "tag", "--list").split()
    if tags:
        git(origin, "tag", "--delete", *tags)  # the committed version's tag goes on HEAD: HEAD is the release commit
    git(origin, "tag", "--annotate", tag, "--message", f"Release {version}")
    git(temp, "clone", "--quiet", "--branch", tag, str(origin), str(workspace))
    git(workspace, "tag", "--force", tag, "HEAD")  # what actions/checkout leaves: a lightweight tag
    stand_in_venv(workspace)
    flow = workflow("release.yml")
    runner = Runner(workspace, temp, {"github.ref_name": tag, "github.token": ""})
    skipped = []
    for spec in steps(flow, "release"):
        if "uses" in spec or spec["name"] in NOT_RUN_HERE:
            skipped.append(spec.get("name") or spec["uses"])
            continue
        runner.run(flow["jobs"]["release"]["env"], spec)
    return Released(runner, flow, tag, version, descriptor["name"], skipped)


@pytest.mark.slow
def test_only_the_steps_that_need_github_or_pypi_are_left_out(released):
    assert released.skipped == ["actions/checkout@v4", "actions/setup-python@v5", *sorted(NOT_RUN_HERE)]


@pytest.mark.slow
def test_the_tag_is_fetched_again_as_pushed(released):
    assert git(released.runner.workspace, "cat-file", "-t", f"refs/tags/{released.tag}") == "tag"


@pytest.mark.slow
def test_the_tag_is_read_as_a_release(released):
    descriptor = json.loads((released.runner.workspace / "datapackage.json").read_text("utf-8"))
    assert released.runner.outputs["tag"] == {"name": released.name, "version": released.version, "date": descriptor["created"][:10]}


@pytest.mark.slow
def test_the_archive_is_made_again_byte_for_byte_and_changes_no_committed_file(released):
    runner = released.runner
    outputs = runner.outputs["release"]
    digest = hashlib.sha256(released.archive.read_bytes()).hexdigest()
    assert outputs == {"archive": f"dist/{released.archive.name}", "sha256": digest}
    assert (runner.workspace / "dist" / "SHA256SUMS").read_text() == f"{digest}  {released.archive.name}\n"
    assert f"nothing changed since {released.tag}: re-creating the archive of {released.version}" in \
        runner.logs["Cut the release (the tagged commit against its own tag)"]
    second = runner.temp / "again" / "dist" / released.archive.name
    assert second.read_bytes() == released.archive.read_bytes()  # a second fresh clone, the same bytes
    assert f"reproduced: {digest}" in runner.logs["The same bytes again from a second fresh clone"]
    assert git(runner.workspace, "status", "--porcelain", "--untracked-files=no") == ""


@pytest.mark.slow
def test_notes_and_summary_give_the_changelog_entry_the_digest_and_the_versions(released):
    summary = released.runner.summary.read_text("utf-8")
    changelog = (released.runner.workspace / "CHANGELOG.md").read_text("utf-8")
    entry = changelog.split(f"## [{released.version}]", 1)[1].split("\n## [", 1)[0].split("\n", 1)[1].strip()
    assert entry and entry in summary
    assert f"SHA-256 `{released.runner.outputs['release']['sha256']}`" in summary
    assert "sha256sum -c SHA256SUMS" in summary and re.search(r"Made with Python 3\.\d+\.\d+, SQLite \d", summary)
    assert "and to the maintainer's archive" not in summary  # the tag recorded no digest
    assert released.runner.outputs["local"] == {"checked": "no"}


LOCAL = "The same bytes as the maintainer's archive, when the tag records its SHA-256"


@pytest.mark.parametrize("message, checked", [
    ("Release {version}\n\nsha256 {digest}", "yes"),
    ("Release {version}\n\nSHA256: {upper}", "yes"),
    ("Release {version}", "no"),
    ("Release {version}\n\nsha256 {wrong}", None),
])
@pytest.mark.slow
def test_a_digest_in_the_tag_must_be_the_archives(released, message, checked):
    runner, digest = released.runner, released.runner.outputs["release"]["sha256"]
    text = message.format(version=released.version, digest=digest, upper=digest.upper(), wrong="0" * 64)
    git(runner.workspace, "tag", "--force", "--annotate", released.tag, "--message", text)
    try:
        result = runner.run(released.job_env, step(released.flow, "release", LOCAL), check=False)
    finally:
        git(runner.workspace, "tag", "--force", "--annotate", released.tag, "--message", f"Release {released.version}")
    if checked is None:
        assert result.returncode == 1
        assert f"::error::{released.tag} records sha256 {'0' * 64}" in result.stdout
    else:
        assert result.returncode == 0, result.stdout + result.stderr
        assert runner.outputs["local"] == {"checked": checked}


@pytest.mark.slow
def test_a_tag_on_a_commit_at_another_version_is_refused(released):
    spec = step(released.flow, "release", "The tag names a release commit")
    result = released.runner.run({"TAG": "v99.0.0"}, spec, check=False)
    assert result.returncode == 1
    assert f"::error::datapackage.json is at version {released.version}, not 99.0.0" in result.stdout


# --- the pull request's data diff -------------------------------------------------------------

def test_the_data_diff_goes_into_the_job_summary(tmp_path):
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", str(ROOT), str(checkout))
    stand_in_venv(checkout)
    base = git(checkout, "rev-parse", "HEAD")
    # What `make build` leaves after a contributor corrected a role in the seeds: build/ differs from the base's.
    edit_csv(checkout / "build", "people", lambda rows: rows[0].update(role=rows[0]["role"] + " (acting)"))
    flow = workflow("pr.yml")
    runner = Runner(checkout, tmp_path, {"github.event.pull_request.base.sha": base})
    runner.run({}, step(flow, "data-diff", "Data diff against the base, into the job summary"))
    summary = runner.summary.read_text("utf-8")
    assert summary.startswith("## Data changes\n")
    assert f"(<code>{base}</code>) to" in summary and "(<code>build</code>)" in summary
    assert "**Implied version bump: PATCH**" in summary and "| patch | people | 1 row corrected (role) |" in summary
    assert re.search(r'^\| changed \| [^|]+ \| role \| "[^"]*" → "[^"]* \(acting\)" \|$', summary, re.MULTILINE), summary
    assert runner.logs["Data diff against the base, into the job summary"] == summary  # and the job's log shows it


def test_a_package_that_does_not_build_says_so_in_the_summary(tmp_path):
    spec = step(workflow("pr.yml"), "data-diff", "Say so when there is nothing to diff")
    assert spec["if"] == "failure()"
    runner = Runner(tmp_path, tmp_path, {})
    runner.run({}, spec)
    assert "**The merged package could not be built or compared**" in runner.summary.read_text("utf-8")
