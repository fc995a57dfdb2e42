"""`strikedata diff --format markdown`: the data diff a pull request's job summary shows, as GitHub
Markdown tables (the implied bump, schema changes, rows by key with each cell old → new), with every
value from the packages escaped so that no cell becomes markup."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from strikedata.cli import app
from strikedata.diff import Change, PackageDiff, RowChanges, md_message, md_text, render_markdown

from test_validate import edit_csv

runner = CliRunner()
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def side(version: str, label: str) -> dict:
    return {"label": label, "name": "a-package", "version": version}


def a_diff(rows: RowChanges | None = None, changes: list[Change] | None = None, old: str = "2.0.0") -> PackageDiff:
    rows = rows if rows is not None else RowChanges(["quote_id"], 3, 3, changed=[
        {"key": {"quote_id": "q-1"}, "cells": {"note": ["", "Checked against the video."], "text": ["Old words", "New words"]}}])
    changes = changes if changes is not None else [Change("patch", "rows-changed", "quotes", None, "1 row corrected (note, text)")]
    return PackageDiff(side(old, "v2.0.0"), side(old, "build"), changes, {"quotes": rows})


def tables(markdown: str) -> list[list[str]]:
    """Each Markdown table as its lines (header, rule, rows)."""
    found, current = [], []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            found.append(current)
            current = []
    return found + ([current] if current else [])


def cells(line: str) -> list[str]:
    return [c.strip() for c in UNESCAPED_PIPE.split(line)[1:-1]]


def test_a_correction_is_a_patch_with_each_cell_old_to_new():
    markdown = render_markdown(a_diff())
    assert "**Implied version bump: PATCH** (2.0.0 → 2.0.1 at the next release)" in markdown
    assert "| patch | quotes | 1 row corrected (note, text) |" in markdown
    assert "| quotes | 3 | 3 | 0 | 0 | 1 |" in markdown
    assert '| changed | q-1 | note | "" → "Checked against the video." |' in markdown
    assert '| changed | q-1 | text | "Old words" → "New words" |' in markdown


def test_every_table_has_as_many_cells_in_each_row_as_in_its_header():
    rows = RowChanges(["quote_id"], 3, 3, added=[{"quote_id": "q-new"}], removed=[{"quote_id": "q|old"}],
                      changed=[{"key": {"quote_id": "q-1"}, "cells": {"note": ["a | b", "c || d"]}}])
    changes = [Change("major", "rows-removed", "quotes", None, "1 row removed"),
               Change("major", "field-added", "quotes", "lang|uage", "field `lang|uage` (string) added"),
               Change("minor", "rows-added", "quotes", None, "1 row added")]
    markdown = render_markdown(a_diff(rows, changes))
    found = tables(markdown)
    assert len(found) == 3
    for table in found:
        header = cells(table[0])
        assert all(len(cells(line)) == len(header) for line in table), table
    assert "| added | q-new | | |" in markdown and "| removed | q\\|old | | |" in markdown
    assert "**Implied version bump: MAJOR** (2.0.0 → 3.0.0 at the next release)" in markdown
    assert markdown.index("| major |") < markdown.index("| minor |")  # most serious first


def test_cells_from_the_data_never_become_markup():
    hostile = "<img src=x onerror=alert(1)> [click](https://example.org) **bold** `code` line\nbreak\x1b[31m"
    rows = RowChanges(["quote_id"], 1, 1, changed=[{"key": {"quote_id": "<b>q</b>"}, "cells": {"text": ["plain", hostile]}}])
    markdown = render_markdown(a_diff(rows))
    assert "<img" not in markdown and "<b>" not in markdown and "&lt;img src=x" in markdown
    assert "\\[click\\](https://example.org)" in markdown and "\\*\\*bold\\*\\*" in markdown and "\\`code\\`" in markdown
    assert "\x1b" not in markdown and "line\\\\nbreak" in markdown  # the JSON-quoted cell keeps its escape, shown literally
    assert all(line.count("\n") == 0 for line in markdown.splitlines())


def test_names_in_backquotes_are_code_and_the_rest_is_escaped():
    assert md_message("field `is_*` (string) added") == "field <code>is\\_\\*</code> (string) added"
    assert md_message("an odd ` backquote") == "an odd \\` backquote"
    assert md_text("a & b < c") == "a &amp; b &lt; c"


def test_a_long_message_is_cut():
    message = "description: " + "x" * 5000
    assert md_message(message) == md_text(message[:300]) + "…"
    assert md_message("`a` " + "y" * 400).startswith("<code>a</code> ")


def test_many_rows_are_cut_at_the_limit_with_a_pointer_to_all():
    rows = RowChanges(["quote_id"], 0, 30, added=[{"quote_id": f"q-{i}"} for i in range(30)])
    markdown = render_markdown(a_diff(rows, [Change("minor", "rows-added", "quotes", None, "30 rows added")]), limit=5)
    assert markdown.count("| added | q-") == 5
    assert "… and 25 more rows: `strikedata diff --format json` lists them all." in markdown
    assert "**Implied version bump: MINOR** (2.0.0 → 2.1.0 at the next release)" in markdown


def test_no_changes_say_no_release_is_needed():
    markdown = render_markdown(a_diff(RowChanges(["quote_id"], 3, 3), []))
    assert "**No data changes** (version bookkeeping aside): merging this needs no release." in markdown
    assert "|" not in markdown


def test_a_version_that_is_not_semver_gets_no_next_version():
    markdown = render_markdown(a_diff(old=""))
    assert "**Implied version bump: PATCH**:" in markdown and "(no version)" in markdown


def test_the_command_writes_markdown(package_copy, built):
    edit_csv(package_copy, "people", lambda rows: rows[0].update(role=rows[0]["role"] + " (acting)"))
    result = runner.invoke(app, ["diff", str(built), str(package_copy), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("## Data changes\n")
    assert "**Implied version bump: PATCH**" in result.stdout
    assert re.search(r'^\| changed \| [^|]+ \| role \| "[^"]*" → "[^"]* \(acting\)" \|$', result.stdout, re.MULTILINE), result.stdout
