"""The questions a researcher asks of the tables (DuckDB on the built CSVs), answered without
duplicates, with every party, in an order the articles allow."""

import duckdb
import pytest

from strikedata.registry import load_registry

from conftest import ROOT


@pytest.fixture(scope="module")
def db(built):
    connection = duckdb.connect()
    for name in load_registry(ROOT).names:
        connection.execute(f"CREATE VIEW {name} AS SELECT * FROM read_csv('{built / name}.csv', header=true, all_varchar=false)")
    yield connection
    connection.close()


def test_offers_count_items_not_mentions(db):
    items, distinct = db.execute("SELECT count(*), count(DISTINCT offer_id) FROM offers").fetchone()
    assert items == distinct > 0
    mentioned = db.execute("SELECT count(DISTINCT offer_id) FROM offer_mentions").fetchone()[0]
    assert mentioned == items  # every item is told of somewhere, and told of items are all items
    assert db.execute("SELECT count(*) FROM offer_mentions").fetchone()[0] > items  # an item is told of more than once


def test_a_characterization_is_never_the_proposers_own_account(db):
    """Items the district proposed by its own account leave out what only the unions say it proposed."""
    own = {r[0] for r in db.execute(
        "SELECT offer_id FROM offers WHERE proposer_org_id = 'scusd' AND proposer_account <> 'none'").fetchall()}
    told_by_district = {r[0] for r in db.execute(
        "SELECT DISTINCT m.offer_id FROM offer_mentions m JOIN offers o USING (offer_id) "
        "WHERE o.proposer_org_id = 'scusd' AND m.asserted_by_org_id = 'scusd'").fetchall()}
    assert own == told_by_district and own
    only_told_by_others = db.execute(
        "SELECT count(*) FROM offers WHERE proposer_org_id = 'scusd' AND proposer_account = 'none'").fetchone()[0]
    assert only_told_by_others > 0  # they exist, and the column keeps them apart
    assert db.execute("SELECT count(*) FROM offer_mentions m JOIN offers o USING (offer_id) "
                      "WHERE m.characterization <> (m.asserted_by_org_id <> o.proposer_org_id)").fetchone()[0] == 0


def test_a_superseded_item_is_older_and_the_same_kind(db):
    pairs = db.execute("SELECT n.item_type, o.item_type, n.proposer_org_id, o.proposer_org_id FROM offers n "
                       "JOIN offers o ON n.supersedes_offer_id = o.offer_id").fetchall()
    assert pairs and all(new_type == old_type and new_by == old_by for new_type, old_type, new_by, old_by in pairs)


def test_events_involving_seiu_are_selected_by_key(db):
    events = {r[0] for r in db.execute("SELECT event_id FROM event_participants WHERE org_id = 'seiu-1021'").fetchall()}
    strike = {r[0] for r in db.execute("SELECT event_id FROM events WHERE event_type = 'strike'").fetchall()}
    assert strike and strike <= events
    assert db.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                      "(SELECT 1 FROM event_participants p WHERE p.event_id = e.event_id)").fetchone()[0] == 0


def test_sorting_by_the_date_range_puts_late_2021_after_october_2021(db):
    by_date = "SELECT event_id FROM events ORDER BY start_date, start_latest, order_in_day NULLS FIRST, event_id"
    ordered = [r[0] for r in db.execute(by_date).fetchall()]
    late, october = "scusd-seiu-talks-late-2021", "seiu-bargaining-began-2021-10"
    assert ordered.index(october) < ordered.index(late)
    # "Union members first gathered for a rally ... before bargaining teams ... entered the district
    # building", then the negotiations "late Wednesday night": one day, no clock times printed.
    day = ["union-rally-serna-center-2022-03-30", "unions-enter-district-office-2022-03-30", "scusd-unions-session-2022-03-30"]
    assert [e for e in ordered if e in day] == day
    built_order = [r[0] for r in db.execute("SELECT event_id FROM events").fetchall()]
    assert built_order == ordered  # events.csv is already in that order
    assert db.execute("SELECT count(*) FROM events WHERE start_latest < start_date").fetchone()[0] == 0


def test_an_open_ended_happening_says_so(db):
    ends = dict(db.execute("SELECT event_id, end_status FROM events WHERE event_type = 'strike'").fetchall())
    assert set(ends.values()) <= {"not_in_articles", "ongoing"}
    assert db.execute("SELECT count(*) FROM events WHERE end_status = 'one_day' AND end_date IS NOT NULL").fetchone()[0] == 0


def test_a_speaker_has_one_organization_in_every_quote(db):
    assert db.execute("SELECT count(*) FROM (SELECT speaker_person_id FROM quotes WHERE speaker_person_id IS NOT NULL "
                      "GROUP BY 1 HAVING count(DISTINCT coalesce(speaker_org_id, '')) > 1)").fetchone()[0] == 0


def test_the_changelogs_migration_queries_run(db, root):
    """The 1.x query the CHANGELOG quotes fails on 2.0 (its columns moved); the 2.0 query it gives instead runs."""
    import re

    text = (root / "CHANGELOG.md").read_text(encoding="utf-8")
    migrating = text[text.index("### Migrating from 1.x"):text.index("\n### ", text.index("### Migrating from 1.x") + 5)]
    old, new = re.findall(r"```sql\n(.*?)```", migrating, re.S)
    with pytest.raises(duckdb.BinderException, match="evidence_text"):
        db.execute(old)
    rows = db.execute(new).fetchall()
    assert rows and {r[0] for r in rows} <= {r[0] for r in db.execute("SELECT offer_id FROM offers WHERE proposer_org_id = 'scusd'").fetchall()}
