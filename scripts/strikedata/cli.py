"""The `strikedata` command: parses arguments, calls the library, renders findings, sets exit codes."""

from __future__ import annotations

import contextlib
import enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .findings import Finding, printable, render_github, render_json, render_text

if TYPE_CHECKING:
    from .validator import Report

app = typer.Typer(
    help="Build, validate, diff, export and release the strikedata Data Package (March 2022 SCUSD strike, from local news).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(enum.StrEnum):
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
    descriptor: Path = typer.Argument(Path("build/datapackage.json"), help="The package's datapackage.json, or the folder holding it."),
    fmt: Format = typer.Option(Format.text, "--format", help="text (one line per problem), json (SPEC §6) or github (workflow annotations)."),
    official: bool = typer.Option(False, "--official/--no-official",
                                  help="Also run the official frictionless validator (much slower) and add anything it finds that we did not."),
    pack: str = typer.Option("auto", "--pack",
                             help="This dataset's own rules (spans, speakers, quotation marks, offers, dates...): auto runs them on "
                                  "a package named as this dataset is, strikedata on any package, none never."),
    checks: list[str] = typer.Option([], "--checks",
                                     help="Generic cell checks to run on every text column of any package, comma-separated: "
                                          "formula-injection, mojibake, whitespace, control-character (this dataset's pack runs all four)."),
    reference: bool = typer.Option(False, "--reference",
                                   help="Take the straightforward reference path (csv module, pandera) instead of the fast one; "
                                        "same findings, slower."),
    max_per_check: int = typer.Option(1000, "--max-per-check", min=0,
                                      help="Findings shown per check (each failing rule on each column); all are counted. 0 shows every one."),
) -> None:
    """Validate a Data Package: descriptor, declared schemas (types, constraints, keys), and this dataset's rules on its own packages.

    Safe on packages from strangers: nothing outside the package folder is read (absolute paths, \
'..' and links that lead out are findings), nothing is fetched from the network, and every check \
runs in bounded time (docs/security.md).

    Exit 0: valid. Exit 1: invalid (problems printed). Exit 2: could not run.
    """
    from .validate import PACK_CHOICES, validate_package
    from .validator import FAST, REFERENCE, CannotRun

    _lean_arrow_memory()
    if pack not in PACK_CHOICES:
        typer.echo(f"error: --pack must be one of {', '.join(PACK_CHOICES)}, not {pack!r}", err=True)
        raise typer.Exit(2)
    try:
        report = validate_package(descriptor, pack=pack, checks=[c.strip() for c in ",".join(checks).split(",") if c.strip()],
                                  official=official, backend=REFERENCE if reference else FAST,
                                  max_per_check=max_per_check or None)
    except CannotRun as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    rows, tables = report.stats.get("rows", 0), report.stats.get("tables", 0)
    emit(report.findings, fmt, report.stats, ok_message=f"{descriptor}: valid ({rows} rows in {tables} tables)")
    hidden = report.stats.get("errors", 0) - report.stats.get("shown", 0)
    if hidden > 0 and fmt is not Format.json:
        typer.echo(f"… and {hidden} more not shown (at most {max_per_check} per check; --max-per-check 0 shows all). "
                   f"By code: {', '.join(f'{c} {n}' for c, n in report.stats['by_code'].items())}", err=True)
    raise typer.Exit(0 if report.valid else 1)


def _lean_arrow_memory() -> None:
    """Arrow's jemalloc pool hands freed memory back sooner than its default (mimalloc): about 60 MB
    less at the peak of a million-row validation, no slower. Kept as it is where jemalloc is missing."""
    import pyarrow as pa

    with contextlib.suppress(NotImplementedError):
        pa.set_memory_pool(pa.jemalloc_memory_pool())


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
        raise typer.Exit(2) from None
    if check and stale:
        typer.echo(f"stale: {', '.join(stale)}; run `strikedata docs`", err=True)
        raise typer.Exit(1)
    typer.echo(f"updated: {', '.join(stale)}" if stale and not check else "generated docs are current")


class Bump(enum.StrEnum):
    auto = "auto"
    major = "major"
    minor = "minor"
    patch = "patch"


class ExportFormat(enum.StrEnum):
    xlsx = "xlsx"
    sqlite = "sqlite"
    parquet = "parquet"
    json = "json"


class DiffFormat(enum.StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command()
def diff(
    old: str = typer.Argument(..., help="The old version: a package folder, a datapackage.json, a release .zip, or a git ref (its build/)."),
    new: str = typer.Argument("build", help="The new version, given the same ways (default: build/)."),
    fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", help="text (a summary, then row by row), json (everything) or markdown "
                                                                     "(the same as text, as tables for a pull request's job summary)."),
    limit: int = typer.Option(50, "--limit", min=0, help="Rows listed per table in text and markdown output."),
) -> None:
    """Show what changed between two versions of a package, and the version bump that implies.

    Rows are matched by primary key: added, removed, and changed cells shown old → new. Schema
    changes are classified as in the Frictionless "Data Package Version" pattern: MAJOR (fields
    added, removed, renamed, reordered or retyped, constraints tightened, rows removed), MINOR
    (new rows or resources, constraints loosened), PATCH (corrected values, metadata).
    """
    from . import diff as diffs
    from .packages import PackageError, opened

    try:
        with opened(old, Path.cwd()) as before, opened(new, Path.cwd()) as after:
            result = diffs.diff_packages(before, after)
    except PackageError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    except (TypeError, KeyError, AttributeError, ValueError) as error:  # a descriptor of the wrong shape
        typer.echo(f"error: a package's descriptor is malformed ({type(error).__name__}: {error}); "
                   "run `strikedata validate` on it first", err=True)
        raise typer.Exit(2) from None
    if fmt is DiffFormat.json:
        typer.echo(diffs.render_json(result))
    elif fmt is DiffFormat.markdown:  # every cell escaped: data from anywhere never becomes markup
        typer.echo(diffs.render_markdown(result, limit), nl=False)
    else:  # cells from an archive of anywhere: control characters are shown, never sent to the terminal
        typer.echo("\n".join(printable(line) for line in diffs.render_text(result, limit).split("\n")))


@app.command()
def export(
    descriptor: Path = typer.Argument(Path("build/datapackage.json"), help="The package's datapackage.json, or the folder holding it."),
    formats: list[ExportFormat] = typer.Option(None, "--format",
                                               help="xlsx, sqlite (with Datasette metadata.json), parquet or json; "
                                                    "repeat for several. Default: all."),
    out: Path = typer.Option(Path("dist/exports"), "--out", help="Folder to write into."),
) -> None:
    """Write the package for spreadsheets and databases, after validating it.

    xlsx: an 'about' sheet, a 'dictionary' sheet, one sheet per table and a 'texts' sheet, made to \
print. sqlite: <name>.db with keys, indexes, a texts table and a <table>_in_context view per \
span table, and metadata.json (canned queries) for `datasette <name>.db -m metadata.json`. \
parquet and json: one file per table, and texts. Types, keys and descriptions all come from the \
Table Schemas.
    """
    from .exports import FORMATS, ExportError, export_files, write_exports
    from .packages import PackageError, load
    from .validator import descriptor_file

    _lean_arrow_memory()
    descriptor = descriptor_file(descriptor)
    report = _valid_or_exit(descriptor, "nothing exported")
    chosen = [f.value for f in formats] if formats else list(FORMATS)
    try:
        package = load(descriptor)
        files = export_files(package, chosen, progress=lambda step: typer.echo(f"… {step}", err=True), read=report.tables)
        written = write_exports(files, out)
    except (ExportError, PackageError, OSError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    for path in written:
        typer.echo(str(path))


@app.command()
def release(
    bump: Bump = typer.Option(..., "--bump", help="auto (what the changes call for), or major, minor, patch."),
    previous: str = typer.Option(None, "--previous",
                                 help="The last release to diff against: a folder, a .zip or a git ref. Default: the newest vX.Y.Z "
                                      "tag, or without one the newest release commit in the git history (one that set the "
                                      "version and dated its CHANGELOG entry)."),
    date: str = typer.Option(None, "--date", help="Release date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today, UTC)."),
    project: Path = typer.Option(Path("."), "--project", help="Project folder (default: the current one or a parent)."),
) -> None:
    """Cut a release: version, changelog entry, citation, archive and checksums.

    Builds, diffs against the last release and refuses a bump smaller than the changes need. Then
    sets the version in datapackage.json, writes the CHANGELOG.md entry (from [Unreleased] and the
    diff; edit it freely), updates CITATION.cff, and writes dist/<name>-<version>.zip (package,
    texts, exports, README, LICENSE, CHANGELOG, CITATION) and dist/SHA256SUMS.

    Run it again before any other change and you get the same version and a byte-identical archive.
    """
    from .packages import PackageError
    from .release import ReleaseError, make_release

    root = project_root(project.resolve())
    try:
        result = make_release(root, bump.value, previous=previous, date=date,
                              progress=lambda step: typer.echo(f"… {step}", err=True))
    except (ReleaseError, PackageError) as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    if result.findings or result.archive is None:  # no archive is written unless the package builds
        emit(result.findings, Format.text)
        typer.echo("error: the package does not build; nothing released", err=True)
        raise typer.Exit(1)
    for note in result.notes:
        typer.echo(note)
    archive = result.archive.relative_to(root) if result.archive.is_relative_to(root) else result.archive
    if result.bump != "none":
        since = f"since {result.previous}" if result.previous else "(first release)"
        typer.echo(f"version {result.version}: a {result.bump.upper()} release {since}; the changes call for {result.implied.upper()}")
    typer.echo(f"{archive}  sha256 {result.sha256}")
    if result.bump != "none":
        typer.echo(f"next: review CHANGELOG.md, then  git commit -am 'Release {result.version}' && git tag v{result.version}")


@app.command()
def extract(
    seed: Path = typer.Argument(None, help="The new raw article (a .txt file); one not already in seeds/raw/ is copied there."),
    date: str = typer.Option(None, "--date",
                             help="The article's publication date, YYYY-MM-DD; weekdays are resolved against it. It overrides a "
                                  "date header in the text (the draft notes what the header said)."),
    outlet: str = typer.Option(None, "--outlet",
                               help="The outlet's org_id or name, when the text does not say (no Source line, no dateline credit)."),
    output: Path = typer.Option(None, "--output", help="Where to write the draft (default: seeds/articles/<article_id>.yaml)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing draft file."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Print the draft and the registry additions; write nothing."),
    show_text: bool = typer.Option(False, "--show-text", help="Print the normalized text the draft's passages are copied from, and stop."),
    evaluate: bool = typer.Option(False, "--evaluate",
                                  help="Instead of extracting: score the assistant against the curated articles, their annotations hidden."),
    corpus: Path = typer.Option(None, "--corpus",
                                help="With --evaluate: a held-out folder (raw/, articles/, registries) instead of the project's seeds."),
    misses: bool = typer.Option(False, "--misses", help="With --evaluate: list every miss."),
    project: Path = typer.Option(Path("."), "--project", help="Project folder (default: the current one or a parent)."),
) -> None:
    # The backslashes keep the second paragraph one line, so --help wraps it to the terminal's width.
    """Propose a draft annotation file for a new article: quotations and speakers, people, organizations, figures, offers, dated happenings.

    The draft goes to seeds/articles/<article_id>.yaml in the curators' format; people, organizations and events the \
registries lack are appended to seeds/*.yaml. Every proposal says `confirmed: false` with a confidence, and \
`strikedata build` refuses it until a curator has confirmed it with `strikedata review`.
    """
    import datetime as dt

    from .extract.files import ExtractError

    root = project_root(project.resolve())
    if evaluate:
        try:
            _evaluate(root, corpus, misses)
        except ExtractError as error:
            typer.echo(f"error: {error}", err=True)
            raise typer.Exit(2) from None
        return
    if seed is None:
        raise typer.BadParameter("give the raw article to extract from (or --evaluate)", param_hint="SEED")
    try:
        published = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise typer.BadParameter(f"{date!r} is not a date like 2022-03-24", param_hint="--date") from None
    try:
        _extract(root, seed, published, outlet, output, force, dry_run, show_text)
    except ExtractError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None


def _extract(root: Path, seed: Path, published, outlet, output, force: bool, dry_run: bool, show_text: bool) -> None:
    import datetime as dt

    from .extract import Registry, extract_article, render_article, render_registry, taken_ids
    from .extract.files import ExtractError, carry_out, plan_extract, read_seed, registry_files, seed_file_for
    from .normalize import NormalizationError, normalize

    raw = read_seed(seed)  # a regular file of at most 5 MB
    if show_text:
        try:
            typer.echo(normalize(raw).text)
        except NormalizationError as error:
            raise ExtractError(f"{seed}: {error}") from None
        return
    placed_name = seed_file_for(root, seed)
    try:
        draft = extract_article(raw, placed_name, Registry.load(root / "seeds"), published=published, outlet=outlet,
                                taken=taken_ids(root))
    except NormalizationError as error:
        raise ExtractError(f"{seed}: {error}") from None
    today = dt.date.today()
    if dry_run:
        typer.echo(render_article(draft, today.isoformat()))
        for attribute, (path, what) in registry_files(root).items():
            addition = render_registry(getattr(draft, attribute, None) or [], what, draft.article["article_id"])
            if addition:
                typer.echo(f"# --- would be appended to {path} ---{addition}")
        return
    plan = plan_extract(root, seed, raw, draft, output, force=force)  # every refusal; nothing written yet
    written = carry_out(root, plan, draft, today=today)
    if plan.copied:
        typer.echo(f"copied {seed} to {plan.seed_file} (raw seeds are never edited)", err=True)
    if plan.recorded:
        typer.echo("recorded its SHA-256 in seeds/raw/SHA256SUMS", err=True)
    for line in written:
        typer.echo(f"wrote {line}")
    for note in draft.notes:
        typer.echo(f"note: {note}", err=True)
    if not draft.article.get("published_date") and not normalize(raw).published_date:
        typer.echo("note: the seed states no date; weekdays are unresolved. Run again with --date YYYY-MM-DD.", err=True)
    typer.echo("next: correct the draft where it is wrong, then run `strikedata review` to confirm each proposal, "
               "then `strikedata build`.")


def _evaluate(root: Path, corpus: Path | None, misses: bool) -> None:
    from .extract.evaluate import GoldCorpus, evaluate, table

    if corpus is not None and not (corpus / "articles").is_dir():
        raise typer.BadParameter(f"{corpus} has no articles/ folder", param_hint="--corpus")
    loaded = GoldCorpus.folder(corpus, root) if corpus else GoldCorpus.project(root)
    scores = evaluate(loaded)
    typer.echo(table(scores, "all" if corpus is None else corpus.name))
    if misses:
        for score in scores:
            for miss in score.misses:
                typer.echo(f"{score.article_id}: {miss}")


@app.command()
def review(
    files: list[Path] = typer.Argument(None, help="Draft files to review (seeds/articles/*.yaml, seeds/*.yaml). Default: every file with "
                                                  "something to review."),
    list_only: bool = typer.Option(False, "--list", help="Print what waits for review, with its passages, and confirm nothing."),
    project: Path = typer.Option(Path("."), "--project", help="Project folder (default: the current one or a parent)."),
) -> None:
    """Confirm, one by one, what `strikedata extract` proposed: each entry with its passage and the registry entries it links to.

    For each proposal you answer c (confirm it as shown), r (reject: the entry is removed), a number (link it to that nearby \
event or person instead), s (skip) or q (quit). Confirming writes `confirmed: reviewed <digest>`, a stamp of the entry as you \
saw it: `strikedata build` refuses a drafted entry without a valid stamp, and one changed after it was stamped. Correct an \
entry in its file first, then confirm it here. The review asks at a terminal, one answer each: it cannot be piped. \
It exits 1 while anything is left unconfirmed. The stamp guards against a careless review, not a determined one.
    """
    import sys

    from .review.proposals import read_project
    from .review.session import review as walk, show

    root = project_root(project.resolve())
    chosen = {_project_path(root, f) for f in files} if files else None
    missing = sorted(f for f in chosen or () if not (root / f).is_file())
    if missing:
        raise typer.BadParameter(f"no such file: {', '.join(missing)}", param_hint="FILES")
    if list_only:
        found = read_project(root, chosen)
        for finding in found.blocking:
            typer.echo(f"{finding.file}:{finding.line or ''}: {finding.code}: {finding.message}")
        for number, proposal in enumerate(found.proposals, 1):
            typer.echo(show(found, proposal, number, len(found.proposals)))
        typer.echo(f"\n{len(found.proposals)} to review" if found.proposals else "nothing to review")
        raise typer.Exit(1 if found.proposals else 0)
    if not sys.stdin.isatty():
        typer.echo("error: review asks about each proposal at a terminal, so its answers cannot be piped in; "
                   "`strikedata review --list` prints them without confirming", err=True)
        raise typer.Exit(2)

    def ask(question: str) -> str | None:
        try:
            return input(question)
        except EOFError:
            return None

    outcome = walk(root, chosen, ask, typer.echo)
    typer.echo(f"\n{outcome.confirmed} confirmed, {outcome.rejected} rejected, {outcome.relinked} relinked, "
               f"{len(outcome.skipped)} skipped, {outcome.left} left for later")
    if outcome.skipped or outcome.left:
        typer.echo("the build refuses what is not confirmed: run `strikedata review` again to finish")
        raise typer.Exit(1)
    typer.echo("next: `strikedata build`")


def _project_path(root: Path, given: Path) -> str:
    """A file named on the command line, as the build names it (relative to the project, with /)."""
    try:
        return given.resolve().relative_to(root).as_posix()
    except ValueError:
        raise typer.BadParameter(f"{given} is not inside the project {root}", param_hint="FILES") from None


@app.command()
def site(
    package: Path = typer.Argument(Path("build"), help="The built package: its folder or its datapackage.json."),
    out: Path = typer.Option(Path("dist/site"), "--out", help="Folder to write the site into (a site written before is replaced whole)."),
    release: Path = typer.Option(None, "--release",
                                 help="A release archive to offer for download, with its size and SHA-256. Default: "
                                      "dist/<name>-<version>.zip beside the package's folder, when it exists."),
) -> None:
    """Write the package's static website: open OUT/index.html from disk or put OUT on any static host.

    A landing page (what the data is, coverage, limits, downloads with sizes and SHA-256, how to cite,
    license, changes), a page per table (data dictionary, caveats, rows to sort and filter), per person
    and per organization (every quote in its paragraph), per article (every span highlighted), a
    timeline and the offers over time. Made from the built package alone; every file is local (no
    CDN, no tracking), and the same package gives the same bytes.
    """
    from .site import SiteError, build_site

    if release is not None and not release.is_file():
        raise typer.BadParameter(f"{release} is not a file", param_hint="--release")
    folder = package.parent if package.name == "datapackage.json" else package
    if not (folder / "datapackage.json").is_file():
        typer.echo(f"error: no datapackage.json in {folder} (run `strikedata build` first, or name a package folder)", err=True)
        raise typer.Exit(2)
    report = _valid_or_exit(folder / "datapackage.json", "no site written")
    try:
        files = build_site(folder, out, release=release, progress=lambda step: typer.echo(f"… {step}", err=True), read=report.tables)
    except SiteError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(1) from None
    pages = sum(1 for f in files if f.suffix == ".html")
    typer.echo(f"{pages} pages, {len(files)} files: open {out / 'index.html'}")


def _valid_or_exit(descriptor: Path, nothing: str) -> Report:
    """The package's validation report when it is valid; else its findings, then exit 1 (2 when it cannot be read)."""
    from .validate import validate_package
    from .validator import CannotRun

    try:
        report = validate_package(descriptor, official=False)
    except CannotRun as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(2) from None
    if not report.valid:
        emit(report.findings, Format.text)
        typer.echo(f"error: the package is not valid; {nothing}", err=True)
        raise typer.Exit(1)
    return report


def main() -> None:
    """Console entry point: a last guard so that nobody ever sees a traceback."""
    try:
        app()
    except Exception as error:  # noqa: BLE001 - anything unforeseen is reported in one line, exit 2
        typer.echo(f"error: strikedata could not finish: {type(error).__name__}: {error}. "
                   "Please report this with the command you ran.", err=True)
        raise SystemExit(2) from None


if __name__ == "__main__":  # pragma: no cover
    main()
