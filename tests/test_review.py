"""Confirming a draft (issue 17): `strikedata review` shows each proposal with its passage and the
registry entries it links to, one explicit answer each; the build holds every drafted entry to the
stamp a review writes, so deleting `confirmed` lines without reading confirms nothing."""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from typer.testing import CliRunner

from strikedata.build import build_package
from strikedata.cli import app
from strikedata.review import stamps
from strikedata.review.proposals import candidates, read_project, referring
from strikedata.review.session import EditRefused, review, write

from test_extract import drop_what_only_the_article_told

runner = CliRunner()
ARTICLE = "seeds/articles/kcra-talks-late-wednesday.yaml"
DRAFT = "seeds/articles/kcra-2022-03-30.yaml"
STRIKEDATA = str(Path(sys.executable).with_name("strikedata"))


def drafted(project: Path) -> Path:
    """The project with one curated article taken out and drafted again by `strikedata extract`."""
    curated = yaml.safe_load((project / ARTICLE).read_text("utf-8"))
    (project / ARTICLE).unlink()
    drop_what_only_the_article_told(project, curated)
    result = runner.invoke(app, ["extract", str(project / curated["seed_file"]), "--date", "2022-03-30", "--project", str(project)])
    assert result.exit_code == 0, result.output
    return project / DRAFT


def codes(project: Path) -> list[str]:
    return [f.code for f in build_package(project, official=False)]


def test_deleting_the_confirmed_lines_without_review_confirms_nothing(project: Path):
    draft = drafted(project)
    proposals = len(read_project(project).proposals)
    assert proposals > 20
    for path in (project / "seeds").glob("**/*.yaml"):  # the rubber stamp the issue describes, markers and all
        kept = [line for line in path.read_text("utf-8").splitlines()
                if not re.match(r"\s*(- )?(confirmed|confidence|drafted_on|proposed_for):", line)]
        path.write_text("\n".join(kept) + "\n", "utf-8")
    assert "drafted_on:" not in draft.read_text("utf-8")
    found = build_package(project, official=False)
    assert {f.code for f in found} == {"unconfirmed-proposal"} and len(found) == proposals  # seeds/DRAFTED still lists them
    assert any(f.file == DRAFT for f in found) and all("strikedata review" in (f.hint or "") for f in found)


def test_confirmed_true_is_not_a_stamp(project: Path):
    draft = drafted(project)
    text = draft.read_text("utf-8").replace("confirmed: false", "confirmed: true")
    draft.write_text(text, "utf-8")
    assert "unconfirmed-proposal" in codes(project)


def test_a_review_answering_each_proposal_builds_and_an_edit_afterwards_is_caught(project: Path):
    draft = drafted(project)
    asked: list[str] = []

    def confirm(question: str) -> str:
        asked.append(question)
        return "c"

    shown: list[str] = []
    outcome = review(project, None, confirm, shown.append)
    assert outcome.confirmed == len(asked) > 20 and outcome.rejected == outcome.left == 0
    assert codes(project) == []
    text = draft.read_text("utf-8")
    assert "confidence:" not in text and "confirmed: false" not in text and "# extract:" not in text
    assert text.startswith("# Drafted by `strikedata extract` on ") and "\ndrafted_on: " in text
    # Every proposal was shown before its answer; each passage, event and offer with its passage marked in the text.
    blocks = [s for s in shown if s.startswith("\n── ")]
    assert len(blocks) == len(asked)
    spanned = [b for b in blocks if re.match(r"\n── \d+ of \d+ · (quote|figure|event mention|offer mention|event|offer) ", b)]
    assert len(spanned) > 20 and all("»" in b for b in spanned)
    assert not [b for b in blocks if re.search(r"^   \w+: $", b, re.M)]  # no value shown empty (an article's empty list)

    # A curator's later edit of a stamped quote: the build names it, and a review confirms it again.
    lines = text.splitlines()
    channel = next(i for i, line in enumerate(lines) if line.strip() == "channel: unknown")
    lines[channel] = lines[channel].replace("unknown", "statement")
    draft.write_text("\n".join(lines) + "\n", "utf-8")
    [finding] = build_package(project, official=False)
    assert (finding.code, finding.file) == ("changed-after-review", DRAFT)
    assert review(project, {DRAFT}, lambda _: "c", lambda _: None).confirmed == 1
    assert codes(project) == []


def test_review_at_a_terminal_confirms_rejects_and_relinks(project: Path):
    drafted(project)
    before = read_project(project, {DRAFT})
    mentions = [p for p in before.proposals if p.resource == "event_mentions"]
    quotes = [p for p in before.proposals if p.resource == "quotes"]
    assert mentions and quotes

    child = pexpect.spawn(STRIKEDATA, ["review", DRAFT], cwd=str(project), encoding="utf-8", timeout=60, dimensions=(50, 200))
    child.expect(r"\[c\]onfirm")  # the article itself comes first
    assert "article kcra-2022-03-30" in child.before
    child.sendline("r")  # the article is not rejected from here
    child.expect("delete its file")
    child.expect(r"\[c\]onfirm")
    child.sendline("yes")  # anything but an answer explains the answers, and asks again
    child.expect("confirm it as shown")
    child.expect(r"\[c\]onfirm")
    child.sendline("c")
    child.expect(r"\[c\]onfirm")  # the first quote, with its passage and speaker
    assert f"quote {quotes[0].key}" in child.before and "»" in child.before
    child.sendline("r")
    answered = 2
    while True:  # confirm up to the first event mention, then relink it to its first candidate
        child.expect(r"── \d+ of \d+ · (\S+( \S+)?) ")
        kind = child.match.group(1)
        child.expect(r"\[c\]onfirm.*> ")
        if kind == "event mention" and "1. " in child.before:
            candidate = re.search(r"1\. (\S+) ·", child.before).group(1)
            child.sendline("1")
            break
        child.sendline("c")
        answered += 1
    child.expect(r"\[c\]onfirm")  # shown again, relinked
    assert f"event_id: {candidate}" in child.before
    child.sendline("c")
    child.expect(r"── \d+ of \d+ · (person|organization|event|event participant|offer) ")  # then the draft's registry entries
    child.expect(r"\[c\]onfirm")
    child.sendline("q")
    child.expect(pexpect.EOF)
    assert re.search(rf"{answered} confirmed, 1 rejected, 1 relinked, 0 skipped, \d+ left for later", child.before)

    after = yaml.safe_load((project / DRAFT).read_text("utf-8"))
    assert quotes[0].key not in {q["quote_id"] for q in after["quotes"]}
    assert after["confirmed"].startswith(stamps.STAMP_PREFIX)
    assert candidate in {m["event_id"] for m in after["event_mentions"] if str(m.get("confirmed", "")).startswith("reviewed")}
    left = read_project(project, {DRAFT}).proposals
    assert len(left) == len(before.proposals) - answered - 1


def test_review_refuses_piped_answers_and_lists_instead(project: Path):
    drafted(project)
    piped = runner.invoke(app, ["review", "--project", str(project)], input="c\n" * 500)
    assert piped.exit_code == 2 and "terminal" in piped.output
    listed = runner.invoke(app, ["review", "--list", str(project / DRAFT), "--project", str(project)])
    assert listed.exit_code == 1 and re.search(r"\n\d+ to review\n", listed.output) and "»" in listed.output
    assert "unconfirmed-proposal" in codes(project)  # listing confirms nothing
    curated = project / "seeds" / "articles" / "abc10-strike-preparation.yaml"  # curated by hand: nothing to review
    assert runner.invoke(app, ["review", "--list", str(curated), "--project", str(project)]).exit_code == 0
    missing = runner.invoke(app, ["review", "--list", str(project / "seeds" / "articles" / "no-such.yaml"), "--project", str(project)])
    assert missing.exit_code == 2 and "no such file" in missing.output


# --- a wrong date header --------------------------------------------------------------------------

def header_project(project: Path, header: str) -> Path:
    """One curated article whose seed carries a date header (a copy under a new name, recorded)."""
    path = project / "seeds" / "articles" / "abc10-strike-preparation.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    raw = project / data["seed_file"]
    stamped = raw.with_name("with_header.txt")
    stamped.write_bytes(f" date {header} ".encode() + raw.read_bytes())
    with open(project / "seeds" / "raw" / "SHA256SUMS", "a", encoding="utf-8") as sums:
        sums.write(f"{hashlib.sha256(stamped.read_bytes()).hexdigest()}  with_header.txt\n")
    text = path.read_text("utf-8").replace(data["seed_file"], "seeds/raw/with_header.txt")
    path.write_text(text, "utf-8")
    return path


def article_row(project: Path, article_id: str = "abc10-strike-preparation") -> dict:
    with open(project / "build" / "articles.csv", encoding="utf-8", newline="") as f:
        return next(r for r in csv.DictReader(f) if r["article_id"] == article_id)


def test_a_date_header_found_wrong_is_corrected_only_when_the_curator_names_it(project: Path):
    path = header_project(project, "2021-01-04")
    curated = yaml.safe_load(path.read_text("utf-8"))["published_date"]
    found = build_package(project, official=False)
    assert [(f.code, f.field) for f in found] == [("date-conflict", "published_date")]
    assert "overrides_header_date: 2021-01-04" in found[0].hint

    path.write_text(path.read_text("utf-8").replace("date_note:", "overrides_header_date: 2021-01-04\ndate_note:", 1), "utf-8")
    assert build_package(project, official=False) == []
    row = article_row(project)
    assert (row["published_date"], row["date_basis"]) == (str(curated), "corrected")

    path.write_text(path.read_text("utf-8").replace("overrides_header_date: 2021-01-04", "overrides_header_date: 2021-01-05"), "utf-8")
    assert [(f.code, f.field) for f in build_package(project, official=False)] == [("date-conflict", "overrides_header_date")]


def test_extract_with_date_over_a_header_drafts_the_override(project: Path):
    path = header_project(project, "2021-01-04")
    raw = project / "seeds" / "raw" / "with_header.txt"
    result = runner.invoke(app, ["extract", str(raw), "--date", "2022-03-22", "--dry-run", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert "overrides_header_date: '2021-01-04'" in result.output and "published_date: '2022-03-22'" in result.output
    assert path.exists()


def test_review_offers_no_relink_of_an_entrys_own_id_and_refuses_to_reject_what_others_name(project: Path):
    drafted(project)
    found = read_project(project, {DRAFT})
    event = next(p for p in found.proposals if p.resource == "events")
    assert candidates(found, event) == ("", [])  # its own event_id is no link to move
    named = [p for p in found.proposals if p.resource == "events" and referring(found, p)]
    assert named
    events = (project / "seeds" / "events.yaml").read_text("utf-8")
    said: list[str] = []
    answers = iter(["r", "q"])
    target = named[0].ident

    def ask(_: str) -> str:
        return next(answers) if shown_target[0] else "s"

    shown_target = [False]

    def say(line: str) -> None:
        said.append(line)
        shown_target[0] = line.startswith("\n── ") and f"event {named[0].key} " in line if line.startswith("\n── ") else shown_target[0]

    review(project, {DRAFT}, ask, say)
    assert any("still name it" in line for line in said) and (project / "seeds" / "events.yaml").read_text("utf-8") == events
    assert target in {p.ident for p in read_project(project, {DRAFT}).proposals}


def test_an_edit_keeps_crlf_and_an_edit_that_would_break_the_file_writes_nothing(project: Path):
    draft = drafted(project)
    draft.write_bytes(draft.read_bytes().replace(b"\n", b"\r\n"))
    answers = iter(["c", "q"])
    assert review(project, {DRAFT}, lambda _: next(answers), lambda _: None).confirmed == 1
    assert b"\r\n" in draft.read_bytes() and b"\n" not in draft.read_bytes().replace(b"\r\n", b"")
    before = draft.read_bytes()
    with pytest.raises(EditRefused):
        write(project, DRAFT, ["quotes:", "confirmed: x", "- quote_id: a"])
    assert draft.read_bytes() == before
