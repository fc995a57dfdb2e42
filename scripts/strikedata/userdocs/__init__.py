"""What a data user reads in a release archive: its README (what the data is, what it covers, each
table's caveats, how to open, verify and cite it, every recipe run by the tests), a LICENSE that
speaks of the files in the archive, and a CHANGELOG of the data alone.

Each is generated from the package (its descriptor and tables) and the files the archive holds, so
nothing in them names a file the archive lacks.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..packages import Package
from .changelog import data_changelog
from .license import data_license
from .readme import data_readme

__all__ = ["data_changelog", "data_license", "data_readme", "user_documents"]


def user_documents(package: Package, names: list[str], exports: Mapping[str, bytes], changelog: str) -> dict[str, str]:
    """{file name: text} of README.md, LICENSE and CHANGELOG.md for an archive holding `names`
    (paths relative to the archive's folder) with these `exports` (paths under exports/);
    `changelog`: the project's CHANGELOG.md, from which the data's changes are taken."""
    return {
        "README.md": data_readme(package, [*names, "README.md", "LICENSE", "CHANGELOG.md"], exports),
        "LICENSE": data_license(package),
        "CHANGELOG.md": data_changelog(changelog, package),
    }
