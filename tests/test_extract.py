"""The extraction assistant on invented sentences (no seed names, phrases or numbers), end to end
through the CLI and the build, and scored against the curated seeds and a held-out corpus."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from strikedata.build import build_package
from strikedata.cli import app
from strikedata.extract import Registry, extract_article
from strikedata.extract.attribution import attribute
from strikedata.extract.entities import Org, find_entities
from strikedata.extract.errors import read_yaml
from strikedata.extract.evaluate import GoldCorpus, evaluate, totals
from strikedata.extract.figures import find_figures, find_offer_items
from strikedata.extract.happenings import find_happenings
from strikedata.extract.quotations import find_quotations
from strikedata.extract.text import sentences
from strikedata.review.session import review

runner = CliRunner()
UNSEEN = Path(__file__).parent / "fixtures" / "unseen"
WORLD = Registry(orgs={
    "ridge-usd": Org("ridge-usd", "Ridgemont Unified School District", "RUSD", "school_district", aliases=("Ridgemont Unified",)),
    "rta": Org("rta", "Ridgemont Teachers Alliance", "RTA", "union"),
    "wkrx": Org("wkrx", "WKRX 9", "WKRX 9", "news_outlet", aliases=("wkrx.com",)),
})


def quotes_of(text: str):
    quotations = find_quotations(text)
    return quotations, attribute(text, quotations, find_entities(text, WORLD))


# --- quotations -----------------------------------------------------------------------------------

def test_curly_straight_and_mixed_marks_give_the_text_between_them():
    text = '“One thing,” she said. "Second thing," he said. “Third thing," they said.'
    assert [q.text for q in find_quotations(text)] == ["One thing,", "Second thing,", "Third thing,"]
    assert find_quotations(text)[2].note == "opening and closing marks differ"


def test_single_quotes_inside_double_ones_are_nested_with_their_parent():
    text = "“We asked, and their answer was, ‘Not this month.’ So we waited,” said Ana Reyes."
    quotations = find_quotations(text)
    assert [(q.text, q.kind) for q in quotations] == [
        ("We asked, and their answer was, ‘Not this month.’ So we waited,", "full"), ("Not this month.", "nested")]
    assert quotations[1].parent == 0


def test_apostrophes_are_not_quotation_marks():
    text = "“The teachers’ contract isn’t done,” said Ana Reyes."
    assert [q.text for q in find_quotations(text)] == ["The teachers’ contract isn’t done,"]


def test_a_quotation_across_a_paragraph_break_is_a_passage_per_paragraph_with_one_speaker():
    text = "“First part of it.\n\n“Second part,” said Ana Reyes."
    first, second = find_quotations(text)
    assert (first.text, second.text) == ("First part of it.", "Second part,") and "runs on into the next" in first.note
    draft = extract_article(text.encode(), "seeds/raw/x.txt", WORLD, published=dt.date(2025, 5, 15))
    assert [q["speaker_person_id"] for q in draft.quotes] == ["ana-reyes", "ana-reyes"]


def test_an_unclosed_quotation_ends_at_its_paragraph_with_a_low_confidence():
    text = "He said “we will not move on this.\n\nThe next paragraph."
    [quote] = find_quotations(text)
    assert quote.text == "we will not move on this." and quote.confidence < 0.5


def test_a_lowercase_quotation_is_a_fragment():
    text = "The board called the plan “fiscally reckless” on Tuesday."
    assert find_quotations(text)[0].kind == "fragment"


# --- attribution ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, person, org, cue", [
    ("“Pay us fairly,” said Ana Reyes, president of the Ridgemont Teachers Alliance.", "ana-reyes", "rta", "said"),
    ("“Pay us fairly,” said RTA President Ana Reyes.", "ana-reyes", "rta", "said"),
    ("RTA President Ana Reyes said, “Pay us fairly.”", "ana-reyes", "rta", "said"),
    ("“Pay us fairly,” Ana Reyes told WKRX 9.", "ana-reyes", None, "told"),
    ("“Pay us fairly,” according to Ana Reyes.", "ana-reyes", None, "according to"),
    ("“Pay us fairly,” the district said in a statement.", None, "ridge-usd", "said"),
    ("In a release, RTA wrote, “Pay us fairly.”", None, "rta", "wrote"),
])
def test_attribution_patterns(text, person, org, cue):
    _, [speaker] = quotes_of(text)
    assert (speaker.person_id, speaker.cue) == (person, cue)
    if org:
        assert speaker.org_id == org


def test_a_surname_and_a_pronoun_point_back_to_the_person_named_earlier():
    text = ("Ana Reyes leads the Ridgemont Teachers Alliance.\n\n“We are ready,” Reyes said.\n\n"
            "“We are not going anywhere,” she said.")
    _, speakers = quotes_of(text)
    assert [s.person_id for s in speakers] == ["ana-reyes", "ana-reyes"]
    assert speakers[1].basis == "inferred"


def test_a_second_quotation_without_attribution_takes_the_first_ones_speaker():
    text = "“We are ready,” said Ana Reyes, a teacher. “We have been ready for months.”"
    _, speakers = quotes_of(text)
    assert speakers[1].person_id == "ana-reyes" and speakers[1].confidence < speakers[0].confidence


def test_a_release_is_the_press_release_channel_and_the_teachers_union_is_the_teachers_one():
    text = ("Ridgemont Unified and the Ridgemont Teachers Alliance met.\n\n"
            "“No deal tonight,” the teachers union said in its release.")
    _, [speaker] = quotes_of(text)
    assert (speaker.org_id, speaker.channel) == ("rta", "press_release")


def test_a_new_person_gets_a_slug_id_a_role_and_the_organization_of_the_title():
    entities = find_entities("“Enough,” said RTA Vice President Ana María Reyes-Ortiz.", WORLD)
    [person] = entities.people.values()
    assert (person.person_id, person.name, person.org_id, person.new) == ("ana-maria-reyes-ortiz", "Ana María Reyes-Ortiz", "rta", True)
    assert "Vice President" in person.role


# --- figures and offers ---------------------------------------------------------------------------

def test_figures_of_every_kind_with_their_qualifiers():
    text = ("The offer adds 4.5% this year and nearly $1,250 per year, up to $21.40 an hour for aides, "
            "and a third straight day of talks. About 612 nurses and all 18 of its clinics are affected; "
            "premiums tripled in six years.")
    found = {(f.text, f.value, f.unit, f.qualifier) for f in find_figures(text)}
    assert found == {
        ("4.5%", 4.5, "percent", None), ("nearly $1,250 per year", 1250, "usd_per_year", "approximately"),
        ("up to $21.40 an hour", 21.4, "usd_per_hour", "up_to"), ("a third straight day", 3, "day_number", None),
        ("About 612 nurses", 612, "count", "approximately"), ("all 18 of its clinics", 18, "count", None),
        ("tripled", 3, "multiple", None), ("six years", 6, "years", None)}


def test_numbers_in_names_years_and_times_are_not_figures():
    text = "Members of Teamsters Local 856 met at 9 a.m. on Oct. 3, 2019, with COVID-19 rules in 2019 school years."
    assert find_figures(text) == []


def test_an_offer_takes_its_item_type_previous_value_and_school_year():
    text = "The district offered a 3.25% raise for the 2025-26 school year, up from 2.75%, and raised the signing bonus from $1,500 to $2,500."
    figures = find_figures(text)
    items = {(i.item_type, i.value, i.previous_value, i.school_years) for i in find_offer_items(text, figures, sentences(text))}
    assert items == {("salary_increase", 3.25, 2.75, "2025-26"), ("signing_bonus", 2500, 1500, None)}


def test_an_earlier_value_is_told_by_its_own_words():
    text = "The district offered a 3.25% raise, up from 2.75%, and raised the signing bonus from $1,500 to $2,500."
    items = find_offer_items(text, find_figures(text), sentences(text))
    assert {text[i.previous_start:i.previous_end] for i in items} == {"up from 2.75%", "from $1,500"}


def offer_rows(draft):
    """The draft's offer items (new ones) and mentions, by offer id."""
    return {o["offer_id"]: o for o in draft.new_offers}, [(m["offer_id"], m) for m in draft.offer_mentions]


def test_one_item_per_distinct_proposal_and_an_earlier_value_is_an_item_it_supersedes():
    raw = ("RIDGEMONT, Ore. — Ridgemont Unified offered the RTA a 3.25% raise for the 2025-26 school year on Monday, "
           "up from 2.75%.\n\nIts third offer, the 3.25% raise, came after a week of talks.\n").encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD, published=dt.date(2025, 5, 15))
    items, mentions = offer_rows(draft)
    [new] = [o for o in items.values() if o["value"] == 3.25]
    [old] = [o for o in items.values() if o["value"] == 2.75]
    assert len(items) == 2 and new["supersedes_offer_id"] == old["offer_id"] and "supersedes_offer_id" not in old
    assert (new["proposer_org_id"], new["recipient_org_id"], new["item_type"], new["unit"]) == ("ridge-usd", "rta", "salary_increase", "percent")
    assert [m["evidence_text"] for i, m in mentions if i == old["offer_id"]] == ["up from 2.75%"]
    assert len([m for i, m in mentions if i == new["offer_id"]]) == 2  # the two sentences: one item, two mentions
    assert all(m["characterization"] is False and m["asserted_by_org_id"] == "ridge-usd" for _, m in mentions)
    # "on Monday" dates the new offer; the article gives no date for the earlier one.
    assert (new["first_date"], new["first_date_latest"], new["first_date_precision"]) == ("2025-05-12", "2025-05-12", "day")
    assert new["first_date_basis"] == "weekday_resolved" and "Monday" in new["first_date_note"]
    assert not {"first_date", "first_date_latest", "first_date_precision", "first_date_basis"} & old.keys()
    roles = {(f["text"], f.get("offer_id"), f.get("offer_role")) for f in draft.figures}
    assert roles == {("3.25%", new["offer_id"], "value"), ("2.75%", old["offer_id"], "value")}


def test_a_union_telling_of_the_districts_position_is_a_characterization_of_the_districts_item():
    raw = ("RIDGEMONT, Ore. — The Ridgemont Teachers Alliance said the district demanded $2,400 a year more for health "
           "premiums. Union officials say teachers won’t be eligible for any increase in pay for four years.\n").encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD, published=dt.date(2025, 5, 15))
    items, mentions = offer_rows(draft)
    assert {(o["proposer_org_id"], o["item_type"], o["value"], o["unit"]) for o in items.values()} == {
        ("ridge-usd", "health_cost", 2400, "usd_per_year"), ("ridge-usd", "wage_freeze", 4, "years")}
    assert {(m["asserted_by_org_id"], m["characterization"]) for _, m in mentions} == {("rta", True)}
    freeze = next(m for _, m in mentions if "four years" in m["evidence_text"])
    assert freeze["asserted_by_basis"] == "inferred" and "Union officials" in freeze["note"] and "wage freeze" in freeze["note"]


def test_items_told_without_a_figure_are_items_without_a_value():
    raw = "RIDGEMONT, Ore. — The Ridgemont Teachers Alliance is demanding higher wages, smaller class sizes and more staffing.\n".encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD, published=dt.date(2025, 5, 15))
    items, mentions = offer_rows(draft)
    assert {(o["proposer_org_id"], o["item_type"], o["status"], o.get("value")) for o in items.values()} == {
        ("rta", "salary_increase", "demand", None), ("rta", "staffing", "demand", None)}  # class sizes and staffing: one item
    assert [m["evidence_text"] for _, m in mentions] == ["higher wages", "smaller class sizes", "more staffing"]


def test_an_item_the_registry_holds_is_named_not_proposed_again():
    known = Registry(orgs=WORLD.orgs, offers={"rusd-raise-3": {"offer_id": "rusd-raise-3", "proposer_org_id": "ridge-usd",
                                                              "item_type": "salary_increase", "value": 3, "unit": "percent"}})
    raw = "RIDGEMONT, Ore. — Ridgemont Unified offered a 3% raise.\n".encode()
    draft = extract_article(raw, "seeds/raw/x.txt", known, published=dt.date(2025, 5, 15))
    assert draft.new_offers == [] and [m["offer_id"] for m in draft.offer_mentions] == ["rusd-raise-3"]
    assert [(f["offer_id"], f["offer_role"]) for f in draft.figures] == [("rusd-raise-3", "value")]


def test_who_states_a_figure_is_labelled_and_ordinal_days_are_day_numbers():
    raw = ("RIDGEMONT, Ore. — Union officials said 400 teachers picketed for a second straight day. "
           "Ana Reyes said 35 buses stayed parked.\n").encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD, published=dt.date(2025, 5, 15))
    by_text = {f["text"]: f for f in draft.figures}
    assert by_text["a second straight day"]["unit"] == "day_number"
    union = by_text["400 teachers"]
    assert (union["asserted_by_org_id"], union["asserted_by_basis"]) == ("rta", "inferred") and "Union officials" in union["note"]
    named = by_text["35 buses"]
    assert (named["asserted_by_person_id"], named["asserted_by_basis"]) == ("ana-reyes", "stated") and "note" not in named


# --- dated happenings -----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected, time", [
    ("The two sides met Monday.", "2025-05-12", None),
    ("The two sides will meet Monday at 3:15 p.m. at the Oak Hall.", "2025-05-19", "15:15"),
    ("The two sides are meeting again Thursday.", "2025-05-15", None),  # the article's own weekday
    ("The union planned a rally Saturday morning at 10 a.m.", "2025-05-17", "10:00"),
    ("The report came out last week.", "2025-05-05", None),
    ("They have bargained since late 2024.", "2024-01-01", None),
    ("Talks first began back in August.", "2024-08-01", None),
])
def test_dates_resolve_against_the_article_date_by_tense(sentence, expected, time):
    published = dt.date(2025, 5, 15)  # a Thursday
    [happening] = find_happenings(sentence, published, sentences(sentence))
    assert (happening.start_date, happening.time_local) == (expected, time)


def test_draft_marks_every_proposal_unconfirmed_and_finds_the_outlet_and_place():
    raw = (" date 2025-05-15 RIDGEMONT, Ore. (WKRX) — Teachers will rally Friday at noon outside the Pine Plaza, "
           "the Ridgemont Teachers Alliance said.\n\n“We will be loud,” said Ana Reyes, a teacher.\n").encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD)
    assert draft.article["outlet_org_id"] == "wkrx" and draft.article["confirmed"] is False
    entries = draft.quotes + draft.figures + draft.event_mentions + draft.new_people + draft.new_events
    assert entries and all(e["confirmed"] is False and 0 <= e["confidence"] <= 1 for e in entries)
    [event] = draft.new_events
    assert (event["start_date"], event["time_local"], event["location"], event["status"]) == ("2025-05-16", "12:00", "Pine Plaza", "planned")
    assert (event["start_latest"], event["end_status"]) == ("2025-05-16", "one_day")
    assert not {"actor_org_id", "counterpart_org_id", "end_date"} & event.keys()
    assert [(p["event_id"], p["org_id"], p["role"], p["basis"]) for p in draft.new_event_participants] == [
        (event["event_id"], "rta", "actor", "stated"), (event["event_id"], "ridge-usd", "counterpart", "inferred")]
    assert "names no other side" in draft.new_event_participants[1]["note"]


def test_a_week_is_a_range_of_first_days_and_a_strike_under_way_is_ongoing():
    raw = ("RIDGEMONT, Ore. — The Ridgemont Teachers Alliance held a vote last week.\n\n"
           "Teachers went on strike against Ridgemont Unified on Monday.\n").encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD, published=dt.date(2025, 5, 15))
    events = {e["event_type"]: e for e in draft.new_events}
    vote, strike = events["other"], events["strike"]
    assert (vote["start_date"], vote["start_latest"], vote["date_precision"], vote["end_status"]) == ("2025-05-05", "2025-05-11", "week", "one_day")
    assert (strike["start_date"], strike["start_latest"], strike["end_status"]) == ("2025-05-12", "2025-05-12", "ongoing")
    assert "end_status" in strike["note"]
    parties = {(p["org_id"], p["role"], p["basis"]) for p in draft.participants[strike["event_id"]]}
    assert parties == {("rta", "actor", "inferred"), ("ridge-usd", "counterpart", "stated")}


INFERRED = ("inferred", "outside_knowledge")


def test_every_value_a_draft_infers_is_labelled_with_its_reasoning(root: Path):
    """What the pack's rule `inference-unexplained` asks of the curated data, asked of a draft: a row whose
    *_basis column says inferred (or outside knowledge) says how in its *_note or note."""
    raw = (" date 2025-05-15 RIDGEMONT, Ore. (WKRX) — Union officials say the district demanded $2,400 a year more for "
           "health premiums. The union is demanding higher wages.\n\n“We will be loud,” she said, on the picket line "
           "for a third day, after the vote last week. Ridgemont Unified offered a 3% raise, up from 2%, in March.\n").encode()
    draft = extract_article(raw, "seeds/raw/x.txt", WORLD, outlet="Ridgemont Ledger")
    rows = {"quotes": draft.quotes, "offer_mentions": draft.offer_mentions, "figures": draft.figures, "offers": draft.new_offers,
            "events": draft.new_events, "event_participants": draft.new_event_participants, "people": draft.new_people,
            "organizations": draft.new_organizations}
    checked = 0
    for name, entries in rows.items():
        for entry in entries:
            for column in (c for c in entry if c.endswith("basis")):
                if entry[column] in INFERRED:
                    note = f"{column.removesuffix('basis')}note"
                    assert entry.get(note) or entry.get("note"), (name, column, entry)
                    checked += 1
    assert checked >= 5
    assert {m["characterization"] for m in draft.offer_mentions} == {True, False}
    [ledger] = draft.new_organizations
    assert (ledger["name_basis"], "--outlet" in ledger["note"]) == ("outside_knowledge", True)


# --- no rule keyed to the seeds -------------------------------------------------------------------

def test_no_rule_names_a_person_organization_or_place_of_the_seed_articles(root: Path):
    registry = Registry.load(root / "seeds")
    names = {p.name for p in registry.people.values()} | {p.surname for p in registry.people.values()}
    names |= {s for o in registry.orgs.values() for s in o.surfaces() if len(s) >= 4}
    names |= {"Serna", "Stockton", "Chavez", "Mather", "HealthNet", "Sacramento"}
    source = "\n".join(p.read_text("utf-8") for p in (root / "scripts" / "strikedata" / "extract").glob("*.py"))
    assert [n for n in sorted(names) if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", source)] == []


# --- build refuses proposals ----------------------------------------------------------------------

def test_build_refuses_an_unconfirmed_proposal_with_its_line(project: Path):
    path = project / "seeds" / "articles" / "abc10-strike-preparation.yaml"
    lines = path.read_text("utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- quote_id:"))
    lines.insert(at + 1, "    confirmed: false")
    lines.insert(at + 2, "    confidence: 0.8")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    [finding] = build_package(project)
    assert (finding.code, finding.file, finding.line) == ("unconfirmed-proposal", "seeds/articles/abc10-strike-preparation.yaml", at + 2)
    assert "confidence 0.8" in finding.message


# --- the command, end to end ----------------------------------------------------------------------

def test_extract_writes_a_draft_that_builds_once_confirmed(project: Path):
    """The README's workflow: a new article, `strikedata extract`, a curator's confirmation, `strikedata build`."""
    gone = project / "seeds" / "articles" / "kcra-talks-late-wednesday.yaml"
    curated = read_yaml(gone, gone.name)
    seed_file = curated["seed_file"]
    gone.unlink()
    drop_what_only_the_article_told(project, curated)
    result = runner.invoke(app, ["extract", str(project / seed_file), "--date", "2022-03-30", "--project", str(project)])
    assert result.exit_code == 0, result.output
    draft_path = project / "seeds" / "articles" / "kcra-2022-03-30.yaml"
    draft = read_yaml(draft_path, draft_path.name)  # as build reads it: a duplicate key or an alias fails here
    assert draft["outlet_org_id"] == "kcra" and draft["published_date"] == "2022-03-30"
    # As many proposals as the curator annotated (the evaluation finds every one of this article's quotes).
    assert len(draft["quotes"]) == len(curated["quotes"]) > 0 and all(q["confirmed"] is False for q in draft["quotes"])
    assert draft["offer_mentions"] and all(m["confirmed"] is False for m in draft["offer_mentions"])
    assert "offers" not in draft and "offer_id: " in (project / "seeds" / "offers.yaml").read_text("utf-8").rsplit("strikedata extract", 1)[1]

    findings = build_package(project, official=False)
    assert findings and {f.code for f in findings} == {"unconfirmed-proposal"}

    outcome = review(project, None, lambda _: "c", lambda _: None)  # the curator's review: every proposal confirmed
    assert outcome.confirmed == len(findings)
    assert build_package(project, official=False) == []
    built_quotes = (project / "build" / "quotes.csv").read_text("utf-8")
    assert "kcra-2022-03-30" in built_quotes

    again = runner.invoke(app, ["extract", str(project / seed_file), "--date", "2022-03-30", "--project", str(project)])
    assert again.exit_code == 2 and "--force" in again.output


def drop_what_only_the_article_told(project: Path, curated: dict) -> None:
    """The registry as it was before this article was curated: without the offer items only its
    mentions name (a draft proposes those again, under its own ids)."""
    others = {m.get("offer_id") for p in (project / "seeds" / "articles").glob("*.yaml") for m in read_yaml(p, p.name).get("offer_mentions") or []}
    only_here = {m.get("offer_id") for m in curated.get("offer_mentions") or []} - others
    path = project / "seeds" / "offers.yaml"
    items = [o for o in read_yaml(path, path.name) or [] if o.get("offer_id") not in only_here]
    kept = {o["offer_id"] for o in items}
    for item in items:  # an item replacing one that is gone keeps no dangling link
        if item.get("supersedes_offer_id") not in kept:
            item.pop("supersedes_offer_id", None)
    path.write_text(yaml.safe_dump([dict(o) for o in items], allow_unicode=True, sort_keys=False, width=1 << 20), "utf-8")


def test_dry_run_writes_nothing_and_bad_input_is_one_line(project: Path, tmp_path: Path):
    before = sorted((p, p.stat().st_mtime_ns) for p in (project / "seeds").rglob("*"))
    seed = project / "seeds" / "raw" / "000_a1ca0f72364604f2.txt"
    result = runner.invoke(app, ["extract", str(seed), "--date", "2022-03-24", "--dry-run", "--project", str(project)])
    assert result.exit_code == 0 and "quotes:" in result.output
    assert sorted((p, p.stat().st_mtime_ns) for p in (project / "seeds").rglob("*")) == before
    assert runner.invoke(app, ["extract", str(seed), "--date", "24/03/2022", "--project", str(project)]).exit_code == 2
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--project", str(project)])
    assert missing.exit_code == 2 and "not a file" in missing.output and "Traceback" not in missing.output


def test_an_article_from_outside_the_project_is_copied_and_recorded(project: Path, tmp_path: Path):
    outside = tmp_path / "incoming.txt"
    outside.write_bytes(" date 2025-05-15 RIDGEMONT, Ore. — “Hello,” said Ana Reyes.\n".encode())
    result = runner.invoke(app, ["extract", str(outside), "--project", str(project), "--outlet", "KCRA 3"])
    assert result.exit_code == 0, result.output
    assert (project / "seeds" / "raw" / "incoming.txt").read_bytes() == outside.read_bytes()
    assert "incoming.txt" in (project / "seeds" / "raw" / "SHA256SUMS").read_text("utf-8")


def test_an_article_elsewhere_in_the_project_is_copied_into_seeds_raw(project: Path):
    inside = project / "inbox" / "from-a-reader.txt"
    inside.parent.mkdir()
    inside.write_bytes(" date 2025-05-15 RIDGEMONT, Ore. — “Hello,” said Ana Reyes.\n".encode())
    result = runner.invoke(app, ["extract", str(inside), "--project", str(project), "--outlet", "KCRA 3"])
    assert result.exit_code == 0, result.output
    assert (project / "seeds" / "raw" / "from-a-reader.txt").read_bytes() == inside.read_bytes()
    [draft] = [p for p in (project / "seeds" / "articles").glob("*.yaml") if "from-a-reader" in p.read_text("utf-8")]
    assert "seed_file: seeds/raw/from-a-reader.txt" in draft.read_text("utf-8")  # a seed the build reads, not inbox/


# --- measured quality -----------------------------------------------------------------------------

def test_the_seeds_meet_the_issue_targets_with_their_annotations_hidden(root: Path):
    score = totals(evaluate(GoldCorpus.project(root)))
    assert score["quote_recall"] >= 0.95 and score["speaker"] >= 0.85
    assert score["figures"] >= 0.90 and score["dates"] >= 0.85
    # Data model 2.0 (offer items and mentions, event participants): floors below the measurement on the
    # curation after its second pass (offer precision 62%, participants 51%: the pass stopped counting
    # totals and the $2,000 bonus as items, and gave statements addressees and subjects the rules do not
    # propose yet).
    assert score["offer_items"] >= 0.5 and score["offer_precision"] >= 0.6 and score["offer_mentions"] >= 0.5
    assert score["tellers"] >= 0.9 and score["participants"] >= 0.5


def test_a_held_out_corpus_of_another_strike_meets_the_same_targets():
    score = totals(evaluate(GoldCorpus.folder(UNSEEN)))
    assert score["quote_recall"] >= 0.95 and score["quote_precision"] >= 0.9 and score["speaker"] >= 0.85
    assert score["figures"] >= 0.90 and score["dates"] >= 0.85 and score["people"] >= 0.9


def test_articles_never_used_to_tune_the_rules_stay_above_their_first_measurement():
    """tests/fixtures/fresh was written after the rules were finished; its first scores are the floor."""
    score = totals(evaluate(GoldCorpus.folder(UNSEEN.parent / "fresh")))
    assert score["quote_recall"] >= 0.95 and score["speaker"] >= 0.85
    assert score["figures"] >= 0.85 and score["dates"] >= 0.8
    assert score["participants"] >= 0.5  # first measured at 53% (17/32), with the participants rules just written
    assert score["offer_items"] is None  # the fixtures' gold annotates no offers: not scored, rather than scored as misses


@pytest.mark.parametrize(("corpus", "dates", "found"), [
    ("blind-a", 0.88, 0.8), ("blind-c", 0.88, 0.8), ("blind-e", 0.88, 0.8), ("blind-f", 0.88, 0.8), ("blind-g", 0.88, 0.8),
    ("blind-h", 0.88, 0.8), ("blind-j", 0.88, 0.8), ("blind-l", 0.88, 0.8),
    # Its gold annotates headlines and live entries' titles, which the assistant reads as the page's, not the story's.
    ("blind-i", 0.88, 0.75),
    # Plans that move ("originally set for Monday, now pushed to Wednesday") and headlines: dates well below the target.
    ("blind-m", 0.8, 0.8),
    # Days hard to read; who speaks and who is a person; ordinary coverage and a feature told day by day.
    ("blind-q", 0.85, 0.85), ("blind-s", 0.85, 0.85), ("blind-t", 0.85, 0.85),
    # Two unions whose votes, walkouts and deals fall on different days, and a look-back in bare weekdays.
    ("blind-u", 0.8, 0.85),
    # When things happened, told as reporters tell it; a big-city strike's coverage in ten pages of many kinds.
    ("blind-x", 0.9, 0.9), ("blind-z", 0.88, 0.9),
    # The sixth round: a corpus held out the round before; many days per page (dates well below the target); pronouns.
    ("blind-y", 0.9, 0.9), ("blind-aa", 0.8, 0.9), ("blind-ac", 0.95, 0.9),
    # The seventh round: how pages tell time (a look-back weeks later, a page written the night before its stamp).
    ("blind-ad", 0.8, 0.9),
    # The eighth round: a corpus held out the round before (a title with "of", a middle initial dropped, a plan reported).
    ("blind-ae", 0.95, 0.9),
    # ... and one written blind this round on who said what (a description named after, namesakes, captions).
    ("blind-ag", 0.85, 0.9),
    # The ninth round: who said what on a transcript, a board meeting's public comment, a release, a newsletter.
    ("blind-ai", 0.9, 0.9),
    # The tenth round: a corpus held out the round before (a radio transcript, a newsletter, a release republished);
    # when things happened (a weekly's recap of a strike's week, a district's dated updates).
    ("blind-ah", 0.95, 0.9), ("blind-al", 0.9, 0.9),
    # The eleventh round: when things happened (overnight deals, a members page's dated entries, a column a month on).
    ("blind-ao", 0.8, 0.9), ("blind-ap", 0.85, 0.85),
    # The twelfth round: when things happened (a live page under day headers, timelines, a box of times past midnight).
    ("blind-as", 0.85, 0.9), ("blind-at", 0.8, 0.9),
    # The thirteenth round: a corpus written to be held out whose misses were seen before its first run (TV pages, a
    # wire story, a repost; embedded posts); when things happened on a district FAQ, a court story, a "what we know"
    # list, a union's week in review and a weekly's look back.
    ("blind-au", 0.93, 0.9), ("blind-av", 0.85, 0.85),
    # The fourteenth round: when things happened (a live blog stamped by clock times, a profile, an explainer of what
    # comes next, a letter reposted, a look back at year's end); a board meeting's recap, a parents' page, a release
    # reposted, a radio Q&A whose answers are labeled by initials, a weekly's digest.
    ("blind-ay", 0.9, 0.9), ("blind-az", 0.8, 0.9),
    # The fifteenth round: when things happened (a morning-after story, a chronology of months, a district's update page
    # reposted, a story on the money, the strike's last day with a "How we got here" box).
    ("blind-bb", 0.9, 0.95),
    # The eighteenth round: happenings told with no date words and speakers given by description (a strike's eve, a
    # third day, statements by e-mail, text and post, a live blog under day headings, a look back in months).
    ("blind-bg", 0.9, 0.95),
])
def test_the_web_pages_used_to_find_general_causes_stay_at_the_issue_17_targets(corpus: str, dates: float, found: float):
    """Synthetic web pages by writers blind to the code (issue 17), whose misses were read to find
    general causes: what was reached on them stays. Dates and dated mentions found are held at floors
    below the issue's targets (95%, 90%) where they are not reached. (blind-b, blind-d, blind-k, blind-n,
    blind-r, blind-w, blind-ab, blind-ak, blind-an, blind-ar, blind-aw, blind-ax, blind-ba, blind-be and blind-bh
    are only measured; blind-o, blind-p, blind-v, blind-af, blind-aj, blind-am, blind-aq, blind-bc, blind-bd and blind-bf are not
    held here: blind-p's gold counts quotations without marks, blind-v's figures and invented people, blind-af's
    quotations found (57 of 59), blind-aj's speakers and figures and blind-am's, blind-aq's and blind-bd's speakers (52
    of 58, 78 of 90, 69 of 80: its gold gives an unnamed speaker the organization it infers), and blind-bc's and
    blind-bf's quotations found (54 of 57, 41 of 43: mostly headline quotations in single marks, which the assistant does not
    read as quotations) are below the targets.)"""
    scores = evaluate(GoldCorpus.folder(UNSEEN.parent / corpus))
    score = totals(scores)
    assert score["quote_recall"] >= 0.97 and score["quote_precision"] >= 0.97 and score["people"] >= 0.9
    assert score["speaker"] >= 0.88 and score["figures"] >= 0.9 and score["dates"] >= dates
    assert score["dated_found"] >= found
    assert sum(len(s.invented) for s in scores) <= len(scores) / 3  # the target: at most one invented person in three pages


def test_a_gold_passage_not_in_its_text_is_an_error_of_the_gold_not_a_miss(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(UNSEEN.parent / "fresh", corpus)
    article = corpus / "articles" / "kgbn-strike-date-set.yaml"
    gold = yaml.safe_load(article.read_text("utf-8"))
    quoted = gold["quotes"][0]["text"]
    article.write_text(article.read_text("utf-8").replace(quoted, "Words nobody wrote " + quoted, 1), "utf-8")
    result = CliRunner().invoke(app, ["extract", "--evaluate", "--corpus", str(corpus)])
    assert result.exit_code == 2
    assert "kgbn-strike-date-set: quotes: 'Words nobody wrote" in result.output and "is not in the article's text" in result.output


def test_a_page_whose_gold_marks_its_header_date_wrong_is_drafted_with_the_gold_date(tmp_path: Path):
    """As a contributor would run it (`--date`), when the saved page states a wrong date."""
    corpus = tmp_path / "corpus"
    shutil.copytree(UNSEEN.parent / "fresh", corpus)
    raw = corpus / "raw" / "kgbn_strike_date_set.txt"
    raw.write_text(raw.read_text("utf-8").replace(" date 2025-10-08 ", " date 2025-01-04 ", 1), "utf-8")
    article = corpus / "articles" / "kgbn-strike-date-set.yaml"
    article.write_text(article.read_text("utf-8") + "overrides_header_date: 2025-01-04\n", "utf-8")
    [wrong] = [s for s in evaluate(GoldCorpus.folder(corpus)) if s.article_id == "kgbn-strike-date-set"]
    [right] = [s for s in evaluate(GoldCorpus.folder(UNSEEN.parent / "fresh")) if s.article_id == "kgbn-strike-date-set"]
    assert (wrong.dates.hit, wrong.dates.total) == (right.dates.hit, right.dates.total) and right.dates.hit > 0


def test_a_held_out_corpus_is_read_through_the_resource_registry(tmp_path: Path):
    """Its gold rows come from the files the registry names (event_participants.yaml, offers.yaml), and
    an article's offer mentions are scored against the items of offers.yaml."""
    corpus = tmp_path / "corpus"
    shutil.copytree(UNSEEN.parent / "fresh", corpus)
    article = corpus / "articles" / "kgbn-strike-date-set.yaml"
    article.write_text(article.read_text("utf-8") + (
        "\noffer_mentions:\n  - offer_id: gbsd-raise-3\n    evidence_text: would raise pay 3% this year\n"
        "    asserted_by_org_id: gbsd\n    asserted_by_basis: stated\n    characterization: false\n"), "utf-8")
    (corpus / "offers.yaml").write_text("- offer_id: gbsd-raise-3\n  proposer_org_id: gbsd\n  status: proposal\n"
                                        "  item_type: salary_increase\n  value: 3\n  unit: percent\n  description: A 3% raise.\n", "utf-8")
    loaded = GoldCorpus.folder(corpus)
    assert {"offers", "event_participants", "events"} <= loaded.rows.keys() and loaded.rows["event_participants"]
    [scores] = [s for s in evaluate(loaded) if s.article_id == "kgbn-strike-date-set"]
    assert (scores.offer_items.hit, scores.offer_items.total) == (1, 1) and scores.offer_mentions.total == 1


def test_a_name_printed_with_a_nickname_is_the_curated_name_without_it(tmp_path: Path):
    """Curators write 'Sofia “Sofie” Lindqvist' with or without the nickname: the draft's person is the
    curated one either way, no invented person, and her quotation keeps its speaker."""
    corpus = tmp_path / "corpus"
    shutil.copytree(UNSEEN.parent / "fresh", corpus)
    raw = corpus / "raw" / "kgbn_strike_date_set.txt"
    raw.write_text(raw.read_text("utf-8").replace("said Sofia Lindqvist,", "said Sofia “Sofie” Lindqvist,"), "utf-8")
    [scores] = [s for s in evaluate(GoldCorpus.folder(corpus)) if s.article_id == "kgbn-strike-date-set"]
    [before] = [s for s in evaluate(GoldCorpus.folder(UNSEEN.parent / "fresh")) if s.article_id == "kgbn-strike-date-set"]
    assert scores.invented == [] and "Sofia “Sofie” Lindqvist" in raw.read_text("utf-8")
    assert (scores.speaker.hit, scores.speaker.total) == (before.speaker.hit, before.speaker.total) == (before.quote_recall.hit,) * 2


def test_a_figure_the_curator_rounded_is_the_same_value_at_the_curator_s_places():
    from strikedata.extract.evaluate import _same_value
    assert _same_value(0.666667, 0.67) and _same_value(1.5, 1.5) and _same_value(3, 3.0)  # "40 minutes": 0.67 hours
    assert not _same_value(3.25, 3) and not _same_value(0.666667, 0.66) and not _same_value(2.04, 2)
    assert not _same_value(0.54, 0.5) and not _same_value(0.05, 0.1)  # a value of its own, not the curator's rounded


def test_evaluate_prints_the_table(root: Path):
    result = runner.invoke(app, ["extract", "--evaluate", "--misses", "--project", str(root)])
    assert result.exit_code == 0
    assert result.output.startswith("| article | quote recall | quote precision | speaker accuracy |")
    assert "| offer item recall | offer item precision | offer mentions found | teller accuracy | participant recall |" in result.output
    articles = [read_yaml(p, p.name)["article_id"] for p in sorted((root / "seeds" / "articles").glob("*.yaml"))]
    assert articles and all(f"\n| {article} | " in result.output for article in articles)
    assert result.output.count("\n| ") == len(articles) + 1  # a row per article, then the totals


def test_what_a_first_try_on_a_new_article_tripped_on():
    """A dateline's capitalised place is not the city, "a day after" is not a duration but the day
    before the rally (talks stalled Thursday), and the happening is the one whose word stands nearest
    the date."""
    registry = Registry(orgs={**WORLD.orgs, "city": Org("city", "City of Ridgemont", "Ridgemont", "government")})
    raw = b"RIDGEMONT, Ore. \xe2\x80\x94 Striking teachers rallied outside the district office Friday, a day after talks stalled.\n"
    draft = extract_article(raw, "seeds/raw/x.txt", registry, published=dt.date(2025, 5, 16))
    assert [f["text"] for f in draft.figures] == []
    assert {m["text"][:25] for m in draft.event_mentions} == {"Striking teachers rallied"}
    assert {(e["event_type"], e["start_date"]) for e in draft.new_events} == {("rally", "2025-05-16"), ("negotiation_session", "2025-05-15")}
    assert "city" not in {p["org_id"] for p in draft.new_event_participants}


def test_drafting_an_article_never_loads_the_table_libraries(root: Path):
    """`strikedata extract` reads schemas and YAML, never a table: importing pandas and pyarrow cost every
    draft about half a second before the extractor had read a word."""
    seed = sorted((root / "seeds" / "raw").glob("*.txt"))[0].relative_to(root)
    program = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from strikedata.cli import app\n"
        f"result = CliRunner().invoke(app, ['extract', {str(seed)!r}, '--dry-run'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert '\\nquotes:' in result.output, result.output\n"
        "print(' '.join(sorted(name for name in ('pandas', 'pyarrow', 'pandera', 'frictionless') if name in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=root, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
