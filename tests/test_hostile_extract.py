"""`strikedata extract` on hostile input: a contributor's article and the project's seeds are untrusted.

Each case runs the real CLI in its own process on a copy of the project, under a time limit and a 1 GB
memory ceiling (tests/hostile.py): a long article or thousands of quotation marks take seconds, not
minutes; a seed whose name would forge a line of SHA256SUMS, a FIFO, an alias bomb in a registry are
refused with one clear line; and a refused extract leaves seeds/ exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
from pathlib import Path

import pytest

from hostile import assert_refused, run_bounded

SEED = "seeds/raw/000_a1ca0f72364604f2.txt"
SUMS = "seeds/raw/SHA256SUMS"


def tree(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def body(project: Path) -> str:
    """A real article's paragraphs (quotations, attributions, figures, dates), without its dateline."""
    return (project / SEED).read_text("utf-8").split("\n\n", 1)[1].rsplit("\nSource", 1)[0]


def extract(project: Path, seed: Path | str, *args: str, seconds: float = 30, fresh: bool = False):
    return run_bounded(["extract", str(seed), "--date", "2022-03-24", *args], cwd=project, seconds=seconds, fresh=fresh)


# --- 1. linear time ------------------------------------------------------------------------------

@pytest.mark.scale
def test_a_two_megabyte_article_takes_seconds(project, tmp_path):
    """The paragraphs of a seed repeated to 2 MB: quadratic, this took more than 300 s."""
    paragraphs = body(project) + "\n\n"
    article = tmp_path / "long.txt"
    article.write_text("SACRAMENTO, Calif. (KTXL) — Teachers walked out.\n\n" + paragraphs * (2_000_000 // len(paragraphs.encode())))
    assert article.stat().st_size > 1_950_000
    result = extract(project, article, "--dry-run", seconds=60)
    assert result.returncode == 0, result.output[-2000:]
    assert result.seconds < 20, result.seconds
    assert "quotations: only the first 2,000 are proposed" in result.stdout  # the draft says it is cut short
    assert "quote_id:" in result.stdout and "figure_id:" in result.stdout and "event_id:" in result.stdout


@pytest.mark.scale
@pytest.mark.parametrize("how", ["scattered", "closing-in-a-row", "straight-in-a-row"])
def test_twenty_thousand_quotation_marks_take_seconds(project, tmp_path, how):
    rng = random.Random(20_000)
    if how == "scattered":
        words = ["the", "union", "said", "district", "teachers", "strike", "Monday", "offer", "raise", "percent"]
        text = " ".join(" ".join(rng.choice(words) for _ in range(rng.randint(0, 4))) + rng.choice("“”\"") for _ in range(20_000))
    else:
        text = "Teachers said " + ("”" if how == "closing-in-a-row" else '"') * 20_000 + " on strike."
    article = tmp_path / "marks.txt"
    article.write_text(text + "\n")
    result = extract(project, article, "--dry-run", seconds=60)
    assert result.returncode == 0, result.output[-2000:]
    assert result.seconds < 20, result.seconds


def test_spaces_after_a_source_line_take_seconds(project, tmp_path):
    article = tmp_path / "trailer.txt"
    article.write_text(body(project) + "\nSource: ktxl.com" + " " * 100_000 + "x\n")
    result = extract(project, article, "--dry-run", seconds=10)
    assert result.returncode == 0, result.output[-2000:]


def test_thousands_of_people_named_by_a_first_name_alone_take_seconds(project, tmp_path):
    # each "identified only as X" once re-read the whole text: 500 KB of them took a minute to draft
    letters = "abcdefghijklmnopqrstuvwxyz"
    names = [f"X{a}{b}{c}" for a in letters for b in letters for c in letters][:12_000]
    article = tmp_path / "first-names.txt"
    article.write_text(body(project) + "\n\n" + " ".join(f"A driver identified only as {n} spoke." for n in names) + "\n")
    result = extract(project, article, "--dry-run", seconds=20)
    assert result.returncode == 0, result.output[-2000:]


# --- 2. seed names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["forged\n" + "0" * 64 + "  000_a1ca0f72364604f2.txt", "two words.txt", ".hidden.txt"])
@pytest.mark.parametrize("where", ["outside", "seeds-raw"])
def test_a_seed_name_sha256sums_cannot_hold_is_refused(project, tmp_path, name, where):
    """A line end would forge a line of SHA256SUMS; a space makes a name no line can record."""
    folder = tmp_path if where == "outside" else project / "seeds" / "raw"
    seed = folder / name
    seed.write_text("SACRAMENTO, Calif. (KTXL) — “Pay us fairly,” said Ana Reyes.\n")
    before = tree(project / "seeds")
    result = extract(project, seed)
    assert_refused(result, "seed file name", "rename")
    assert tree(project / "seeds") == before  # nothing copied, no line added to SHA256SUMS


# --- 3. a refused extract changes nothing ------------------------------------------------------------

def draft_exists(project: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    seed = tmp_path / "incoming.txt"
    seed.write_text("SACRAMENTO, Calif. (KTXL) — “Pay us fairly,” said Ana Reyes.\n")
    taken = project / "seeds" / "articles" / "taken.yaml"
    taken.write_text("# a curator's file\n")
    return seed, ["--output", str(taken)]


def not_text(project: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    seed = tmp_path / "incoming.txt"
    seed.write_bytes(b"SACRAMENTO \xff\xfe not UTF-8\n")
    return seed, []


def annotated_already(project: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    return project / SEED, []


def name_taken(project: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    (project / "seeds" / "raw" / "spare.txt").write_text("SACRAMENTO, Calif. (KTXL) — One article.\n")
    seed = tmp_path / "spare.txt"  # the name of a file already in seeds/raw/, other words
    seed.write_text("SACRAMENTO, Calif. (KTXL) — Another article altogether.\n")
    return seed, []


@pytest.mark.parametrize("case, message", [
    pytest.param(draft_exists, "--force", id="draft-file-exists"),
    pytest.param(not_text, "not valid UTF-8", id="not-utf-8"),
    pytest.param(annotated_already, "already annotates", id="annotated-already"),
    pytest.param(name_taken, "already exists with other content", id="name-taken"),
])
def test_a_refused_extract_leaves_seeds_byte_identical(project, tmp_path, case, message):
    seed, args = case(project, tmp_path)
    before = tree(project / "seeds")
    result = extract(project, seed, *args)
    assert_refused(result, message)
    assert tree(project / "seeds") == before


def test_plan_extract_refuses_before_carry_out_writes(project, tmp_path):
    """The library side of the case above: every refusal is in plan_extract, every write in carry_out."""
    from strikedata.extract import Registry, extract_article, taken_ids
    from strikedata.extract.files import ExtractError, carry_out, plan_extract, read_seed, seed_file_for

    seed, (_, output) = draft_exists(project, tmp_path)
    raw = read_seed(seed)
    draft = extract_article(raw, seed_file_for(project, seed), Registry.load(project / "seeds"), taken=taken_ids(project))
    before = tree(project / "seeds")
    with pytest.raises(ExtractError, match="--force"):
        plan_extract(project, seed, raw, draft, Path(output), force=False)
    assert tree(project / "seeds") == before
    plan = plan_extract(project, seed, raw, draft, None, force=False)
    assert tree(project / "seeds") == before
    written = carry_out(project, plan, draft, today=dt.date(2026, 1, 1))
    assert (project / "seeds" / "raw" / "incoming.txt").read_bytes() == raw
    assert (project / SUMS).read_text().endswith(f"{hashlib.sha256(raw).hexdigest()}  incoming.txt\n")
    assert written[0].startswith("seeds/articles/") and plan.copied and plan.recorded


# --- 4. what extract reads -----------------------------------------------------------------------------

BOMB = """
- person_id: laughs
  name: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]
""" + "".join(f"  x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10)) + "  aliases: *a9\n"


def test_an_alias_bomb_in_a_registry_is_refused_at_its_line(project):
    people = project / "seeds" / "people.yaml"
    first_alias = len(people.read_text("utf-8").splitlines()) + 4  # the line of `x1: &a1 [*a0, ...`
    people.write_text(people.read_text("utf-8") + BOMB)
    before = tree(project / "seeds")
    result = extract(project, project / SEED, "--dry-run", seconds=20, fresh=True)  # its memory is bounded
    assert_refused(result, f"seeds/people.yaml:{first_alias}:", "alias")
    assert result.seconds < 10 and result.peak_mb < 300, (result.seconds, result.peak_mb)
    assert tree(project / "seeds") == before


def test_a_key_twice_in_a_registry_entry_is_refused_at_its_line(project):
    people = project / "seeds" / "people.yaml"
    line = len(people.read_text("utf-8").splitlines()) + 4
    people.write_text(people.read_text("utf-8") + "\n- person_id: twice\n  name: A\n  name: B\n")
    assert_refused(extract(project, project / SEED, "--dry-run"), f"seeds/people.yaml:{line}:", "appears twice")


@pytest.mark.parametrize("where", ["seed", "registry"])
def test_a_fifo_is_refused_not_waited_on(project, tmp_path, where):
    fifo = tmp_path / "seed.txt" if where == "seed" else project / "seeds" / "events.yaml"
    if where == "registry":
        fifo.unlink()
    os.mkfifo(fifo)  # opened for reading, it would wait for a writer forever
    result = extract(project, fifo if where == "seed" else project / SEED, "--dry-run", seconds=20)
    assert_refused(result, "not a regular file" if where == "registry" else "is not a")
    assert result.seconds < 10, result.seconds


def test_an_article_larger_than_five_megabytes_is_refused(project, tmp_path):
    article = tmp_path / "huge.txt"
    article.write_bytes(b"SACRAMENTO strike talks. " * 240_000)  # 6 MB
    result = extract(project, article, "--dry-run")
    assert_refused(result, "larger than")
    assert result.seconds < 10, result.seconds


@pytest.mark.parametrize("linked", ["seeds/raw/SHA256SUMS", "seeds/people.yaml"])
def test_extract_never_writes_through_a_link_that_leads_out(project, tmp_path, linked):
    outside = tmp_path / "outside" / Path(linked).name
    outside.parent.mkdir()
    outside.write_bytes((project / linked).read_bytes())
    (project / linked).unlink()
    (project / linked).symlink_to(outside)
    before = outside.read_bytes()
    article = tmp_path / "fresh-article.txt"
    article.write_text("SACRAMENTO, Calif. (KTXL) — Teachers rallied.\n\n" + body(project) + "\n")
    result = extract(project, article)
    assert "Traceback" not in result.output
    assert outside.read_bytes() == before
    if linked.endswith("SHA256SUMS"):  # always written: the extract is refused, and nothing is copied
        assert_refused(result, exit_codes=(2,))
        assert not (project / "seeds" / "raw" / "fresh-article.txt").exists()
