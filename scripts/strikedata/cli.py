"""The `strikedata` command: parses arguments, calls the library, renders findings, sets exit codes."""

from __future__ import annotations

import enum
from pathlib import Path

import typer

from .findings import Finding, render_github, render_json, render_text

app = typer.Typer(
    help="Build and validate the strikedata Data Package (March 2022 SCUSD strike, from local news).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"


def project_root(start: Path) -> Path:
    """The nearest folder, from `start` upwards, holding datapackage.json, schemas/ and seeds/."""
    for folder in (start, *start.parents):
        if (folder / "datapackage.json").is_file() and (folder / "schemas").is_dir() and (folder / "seeds").is_dir():
            return folder
    raise typer.BadParameter(f"no strikedata project (datapackage.json + schemas/ + seeds/) at or above {start}")


def emit(findings: list[Finding], fmt: Format, stats: dict | None = None, ok_message: str = "") -> None:
    if fmt is Format.json:
        typer.echo(render_json(findings, stats))
    elif fmt is Format.github:
        if findings:
            typer.echo(render_github(findings))
    elif findings:
        typer.echo(render_text(findings))
        typer.echo(f"{len(findings)} problem(s) found.", err=True)
    elif ok_message:
        typer.echo(ok_message)


@app.command()
def build(
    project: Path = typer.Option(Path("."), "--project", help="Project folder (default: the current one or a parent)."),
    fmt: Format = typer.Option(Format.text, "--format", help="How to print problems: text, json or github."),
) -> None:
    """Normalize the seeds, read the annotations, locate every span, validate, then write build/.

    build/ is replaced only when every check passes: a failed build leaves the previous one untouched.
    """
    from .build import build_package

    root = project_root(project.resolve())
    findings = build_package(root, progress=lambda step: typer.echo(f"… {step}", err=True))
    emit(findings, fmt, ok_message=f"built {root / 'build'}")
    raise typer.Exit(1 if findings else 0)


@app.command()
def validate(
    descriptor: Path = typer.Argument(Path("build/datapackage.json"), help="The package's datapackage.json."),
    fmt: Format = typer.Option(Format.text, "--format", help="text (one line per problem), json (SPEC §6) or github (workflow annotations)."),
    official: bool = typer.Option(True, "--official/--no-official", help="Also run the official frictionless validator and add what it finds."),
) -> None:
    """Validate a Data Package: descriptor, declared schemas (types, constraints, keys) and semantic rules.

    Exit 0: valid. Exit 1: invalid (problems printed). Exit 2: could not run.
    """
    from .validate import CannotRun, validate_package

    try:
        report = validate_package(descriptor, official=official)
    except CannotRun as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    emit(report.findings, fmt, report.stats, ok_message=f"{descriptor}: valid ({report.stats.get('rows', 0)} rows in {report.stats.get('tables', 0)} tables)")
    raise typer.Exit(0 if report.valid else 1)


@app.command()
def docs(
    check: bool = typer.Option(False, "--check", help="Change nothing; exit 1 when a generated section is stale."),
    project: Path = typer.Option(Path("."), "--project", help="Project folder (default: the current one or a parent)."),
) -> None:
    """Regenerate the data dictionary in README.md (from schemas/*.json) and the finding codes in docs/findings.md.

    Each sits between <!-- NAME:start ... --> and <!-- NAME:end --> markers; text outside them is yours.
    """
    from .docs import refresh

    root = project_root(project.resolve())
    try:
        stale = refresh(root, write=not check)
    except (OSError, ValueError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2)
    if check and stale:
        typer.echo(f"stale: {', '.join(stale)}; run `strikedata docs`", err=True)
        raise typer.Exit(1)
    typer.echo(f"updated: {', '.join(stale)}" if stale and not check else "generated docs are current")


def main() -> None:
    """Console entry point: a last guard so that nobody ever sees a traceback."""
    try:
        app()
    except Exception as error:  # noqa: BLE001 - anything unforeseen is reported in one line, exit 2
        typer.echo(f"error: strikedata could not finish: {type(error).__name__}: {error}. "
                   "Please report this with the command you ran.", err=True)
        raise SystemExit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
