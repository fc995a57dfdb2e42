"""Shared fixtures: the project root, a fresh copy of the project, and a built package to break."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"

# Property tests draw few examples in `make test`, which must stay quick, and many more when
# STRIKEDATA_THOROUGH=1, as .ci/run does once after it: the same assertions, a wider search.
THOROUGH = os.environ.get("STRIKEDATA_THOROUGH") == "1"


# Debian's Chromium, which Playwright drives in the browser tests (it cannot download its own here).
CHROMIUM = Path("/usr/bin/chromium")


def require_chromium() -> None:
    """Skip a browser test where Chromium is missing, or fail when STRIKEDATA_REQUIRE_CHROMIUM=1 (CI) says it must run."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return
    message = f"{CHROMIUM} is not installed (apt-get install chromium)"
    if os.environ.get("STRIKEDATA_REQUIRE_CHROMIUM") == "1":
        pytest.fail(message + "; STRIKEDATA_REQUIRE_CHROMIUM=1 says the browser tests must run")
    pytest.skip(message)


def examples(quick: int, thorough: int) -> int:
    """How many examples a property test draws: `quick` in make test, `thorough` in CI's thorough pass."""
    return thorough if THOROUGH else quick


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def copy_project(target: Path) -> Path:
    """The curated inputs of the project (no .venv, no .git), for tests that edit or build."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("datapackage.json", "schemas", "seeds", "build"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return target


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A package built from the current seeds into a temporary folder (session-wide, read-only)."""
    from strikedata.build import build_package

    target = copy_project(tmp_path_factory.mktemp("built"))
    findings = build_package(target)
    assert findings == [], findings
    return target / "build"


@pytest.fixture()
def package_copy(built: Path, tmp_path: Path) -> Path:
    """A writable copy of the built package, to break in a test."""
    return Path(shutil.copytree(built, tmp_path / "package"))


# Modules whose tests run as one group on one worker (xdist_group) and take the longest: collected
# first, since pytest-xdist hands out work in collection order, and a long group handed out last
# leaves the other worker idle at the end of `make test`.
LONG_GROUPS_FIRST = ("test_release.py",)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    items.sort(key=lambda item: item.path.name not in LONG_GROUPS_FIRST)  # stable: the rest keep their order
