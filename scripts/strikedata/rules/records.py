"""This dataset's rules across columns and tables, which a Table Schema cannot express: speakers,
nested quotations, quotation marks and attributions, offers and their figures, event dates."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from ..validator.rules import Rule

PERCENT_RANGE = (0, 100)


def quote_rules(quotes: pd.DataFrame) -> list[Rule]:
    def inside_parent(d: pd.DataFrame) -> pd.Series:
        # Only rows that name a parent can fail; look their parents up, not the whole table.
        ok = pd.Series(True, index=d.index)
        named = d["parent_quote_id"].notna()
        if not named.any():
            return ok
        children = d[["article_id", "char_start", "char_end", "parent_quote_id"]][named]
        spans = quotes[["quote_id", "article_id", "char_start", "char_end"]]
        parents = spans[spans["quote_id"].isin(children["parent_quote_id"].unique())]
        spans = parents.drop_duplicates("quote_id").set_index("quote_id")
        parent = spans.reindex(children["parent_quote_id"]).set_axis(children.index)
        bad = parent["article_id"].notna() & (
            (parent["article_id"] != children["article_id"])
            | (children["char_start"] < parent["char_start"])
            | (children["char_end"] > parent["char_end"])
        )
        ok[children.index] = ~bad.fillna(False).astype(bool)
        return ok

    return [
        Rule("speaker-missing", "speaker_person_id",
             "a quotation needs a speaker: set speaker_person_id or speaker_org_id",
             lambda d: d["speaker_person_id"].notna() | d["speaker_org_id"].notna()),
        Rule("nested-parent", "parent_quote_id",
             "kind nested needs parent_quote_id, and only nested quotations have one",
             lambda d: (d["kind"] == "nested") == d["parent_quote_id"].notna()),
        Rule("nested-outside-parent", "parent_quote_id",
             "a nested quotation must lie inside its parent's span in the same article", inside_parent),
    ]


# The marks a quotation may open and close with (typographic or straight).
OPENING_MARKS = "“‘\"'"
CLOSING_MARKS = "”’\"'"


def delimited_rules(texts: dict[str, str]) -> list[Rule]:
    """A quotation is exactly what stands between quotation marks, and its attribution is in the article."""
    return [
        Rule("quote-not-delimited", "text", "is not everything between a pair of quotation marks in the article",
             lambda d: between_marks(d, texts), "paste all of the text between the quotation marks, and nothing else"),
        Rule("attribution-not-found", "speaker_as_written", "does not appear in the article",
             lambda d: in_article(d, "speaker_as_written", texts), "copy the attribution phrase exactly as the article words it"),
    ]


OPENING_POINTS = np.array([ord(c) for c in OPENING_MARKS], dtype=np.uint32)
CLOSING_POINTS = np.array([ord(c) for c in CLOSING_MARKS], dtype=np.uint32)


def texts_of_rows(d: pd.DataFrame, texts: dict[str, str]) -> tuple[np.ndarray, list[str]]:
    """Each row's article text as an index into the distinct texts (-1: no text), and those texts:
    articles that share a text are judged once."""
    article_codes, articles = pd.factorize(d["article_id"])
    distinct: dict[str, int] = {}
    codes = [distinct.setdefault(texts[a], len(distinct)) if isinstance(a, str) and a in texts else -1 for a in articles]
    return np.array([*codes, -1], dtype=np.int64)[article_codes], list(distinct)


def between_marks(d: pd.DataFrame, texts: dict[str, str]) -> pd.Series:
    """Whether the character before char_start opens a quotation and the one at char_end closes it (or the
    span starts or ends the text), read off each text's code points at once. Rows whose offsets do not
    fit their text are left to the span rules."""
    ok = np.ones(len(d), dtype=bool)
    starts = d["char_start"].to_numpy(dtype=np.int64, na_value=-1)
    ends = d["char_end"].to_numpy(dtype=np.int64, na_value=-1)
    text_of, distinct = texts_of_rows(d, texts)
    order = np.argsort(text_of, kind="stable")  # the rows of each text together, one run per text
    for rows in np.split(order, np.flatnonzero(np.diff(text_of[order])) + 1) if len(order) else []:
        text = distinct[text_of[rows[0]]] if text_of[rows[0]] >= 0 else ""
        if not text:
            continue
        points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
        start, end, last = starts[rows], ends[rows], len(points) - 1
        fits = (start >= 0) & (end >= start) & (end <= len(points))
        opens = (start == 0) | np.isin(points[np.clip(start - 1, 0, last)], OPENING_POINTS)
        closes = (end == len(points)) | np.isin(points[np.clip(end, 0, last)], CLOSING_POINTS)
        ok[rows] = ~fits | (opens & closes)
    return pd.Series(ok, index=d.index, dtype=bool)


def in_article(d: pd.DataFrame, column: str, texts: dict[str, str]) -> pd.Series:
    """Whether each non-blank cell of `column` appears in its article's text: judged once per distinct
    (text, cell) pair, since phrases repeat within an article and articles may share a text."""
    text_of, by_index = texts_of_rows(d, texts)
    cell_codes, cells = pd.factorize(d[column])
    width = len(cells) + 1  # a cell's code, plus one: 0 is a missing cell
    pair_codes, pairs = pd.factorize(text_of * width + cell_codes + 1)
    found = np.array([text < 0 or cell == 0 or not cells[cell - 1] or cells[cell - 1] in by_index[text]
                      for text, cell in (divmod(int(p), width) for p in pairs)], dtype=bool)
    return pd.Series(found[pair_codes] if len(pairs) else np.ones(len(d), dtype=bool), index=d.index, dtype=bool)


def offer_rules() -> list[Rule]:
    low, high = PERCENT_RANGE
    return [
        Rule("percent-range", "value", f"a percentage must be between {low} and {high}",
             lambda d: ~((d["unit"] == "percent") & ((d["value"] < low) | (d["value"] > high))).fillna(False).astype(bool)),
        Rule("unit-without-value", "unit", "unit is set but value is empty", lambda d: d["unit"].isna() | d["value"].notna()),
        Rule("value-without-unit", "value", "value is set but unit is empty", lambda d: d["value"].isna() | d["unit"].notna()),
        Rule("range-reversed", "first_date_latest", "first_date_latest is before first_date",
             lambda d: ~(d["first_date_latest"] < d["first_date"]).fillna(False).astype(bool)),
        Rule("range-incomplete", "first_date_latest", "first_date and first_date_latest are set together, with a precision",
             lambda d: (d["first_date"].isna() == d["first_date_latest"].isna()) & (d["first_date"].isna() == d["first_date_precision"].isna())),
        Rule("supersedes-itself", "supersedes_offer_id", "an item cannot replace itself",
             lambda d: (d["supersedes_offer_id"] != d["offer_id"]).fillna(True).astype(bool)),
    ]


def proposer_accounts(mentions: Iterable[tuple[str, bool, str | None]]) -> dict[str, str]:
    """offers.proposer_account, from each mention's (offer_id, is no characterization, asserted_by_basis):
    `stated` when a mention the article attributes gives the proposer's own account, `inferred` when
    only the reporter's unattributed words do; an item missing here has `none`. The build writes
    it, the pack checks it: one statement of the rule."""
    accounts: dict[str, str] = {}
    for offer_id, own, basis in mentions:
        if own:
            accounts[offer_id] = "stated" if basis != "inferred" or accounts.get(offer_id) == "stated" else "inferred"
    return accounts


def told_rules(mentions: pd.DataFrame) -> list[Rule]:
    """offers.proposer_account follows from the item's mentions; every item is told of somewhere."""
    own = mentions["characterization"].eq(False).fillna(False).astype(bool)
    accounts = proposer_accounts(zip(mentions["offer_id"], own, mentions["asserted_by_basis"].fillna(""), strict=True))

    def as_mentioned(d: pd.DataFrame) -> pd.Series:
        expected = d["offer_id"].map(accounts).fillna("none")
        return (d["proposer_account"] == expected).fillna(True).astype(bool)

    return [
        Rule("proposer-account", "proposer_account", "disagrees with the item's mentions", as_mentioned,
             "rebuild: the build computes it from offer_mentions"),
        Rule("offer-unmentioned", "offer_id", "no article tells of this item (offer_mentions)",
             lambda d: d["offer_id"].isin(set(mentions["offer_id"])),
             "add the passage that tells of it to the article's offer_mentions, or remove the item"),
    ]


def offer_mention_rules(offers: pd.DataFrame) -> list[Rule]:
    """A mention is a characterization exactly when the teller is not the item's proposer."""
    proposer = offers.drop_duplicates("offer_id").set_index("offer_id")["proposer_org_id"]

    def told_by_proposer_or_marked(d: pd.DataFrame) -> pd.Series:
        own = proposer.reindex(d["offer_id"]).set_axis(d.index)
        other = (d["asserted_by_org_id"] != own).astype("boolean")
        return (other == d["characterization"].astype("boolean")).fillna(True).astype(bool)

    return [
        Rule("characterization-mismatch", "characterization",
             "characterization must be true exactly when asserted_by_org_id is not the item's proposer", told_by_proposer_or_marked,
             "one side's account of the other side's position is a characterization; the proposer's own is not"),
    ]


def figure_rules(offers: pd.DataFrame, mentions: pd.DataFrame | None) -> list[Rule]:
    by_id = offers.drop_duplicates("offer_id").set_index("offer_id")[["value", "unit"]]
    told = set() if mentions is None else set(zip(mentions["offer_id"], mentions["article_id"], strict=True))

    def value_matches(d: pd.DataFrame) -> pd.Series:
        offer = by_id.reindex(d["offer_id"]).set_axis(d.index)
        same = (offer["unit"] == d["unit"]) & (offer["value"] == d["value"])
        return ~((d["offer_role"] == "value") & d["offer_id"].notna() & ~same.fillna(False).astype(bool)).fillna(False).astype(bool)

    def told_in_the_article(d: pd.DataFrame) -> pd.Series:
        pairs = zip(d["offer_id"], d["article_id"], strict=True)
        return pd.Series([not isinstance(offer, str) or (offer, article) in told for offer, article in pairs], index=d.index, dtype=bool)

    return [
        Rule("figure-offer-mismatch", "offer_id", "offer_role is value, but the item's value and unit differ from this figure",
             value_matches, "a figure that is not the item's own value is its secondary figure (offer_role secondary)"),
        Rule("figure-offer-elsewhere", "offer_id", "the article stating this figure has no mention of the item (offer_mentions)",
             told_in_the_article, "link a figure to an item its own article tells of"),
        Rule("offer-role", "offer_role", "offer_role is set exactly when offer_id is",
             lambda d: d["offer_id"].isna() == d["offer_role"].isna()),
    ]


def event_rules() -> list[Rule]:
    return [
        Rule("end-before-start", "end_date", "end_date is before start_date",
             lambda d: ~(d["end_date"] < d["start_date"]).fillna(False).astype(bool)),
        Rule("range-reversed", "start_latest", "start_latest is before start_date",
             lambda d: ~(d["start_latest"] < d["start_date"]).fillna(False).astype(bool)),
        Rule("end-status", "end_status", "end_date is given exactly when end_status is stated",
             lambda d: ((d["end_status"] == "stated") == d["end_date"].notna()).fillna(True).astype(bool),
             "one_day, not_in_articles and ongoing have no end_date"),
    ]


def speaker_rules(people: pd.DataFrame) -> list[Rule]:
    """A quoted person's organization is the one the people table records for them."""
    recorded = people.drop_duplicates("person_id").set_index("person_id")["org_id"]

    def as_recorded(d: pd.DataFrame) -> pd.Series:
        org = recorded.reindex(d["speaker_person_id"]).set_axis(d.index)
        known = d["speaker_person_id"].isin(recorded.index)  # an unknown person is the foreign key's finding
        return ~(known & (org.fillna("") != d["speaker_org_id"].fillna(""))).fillna(False).astype(bool)

    return [
        Rule("speaker-org-drift", "speaker_org_id", "differs from the organization the people table records for this speaker", as_recorded,
             "set speaker_org_id to the person's org_id in people.yaml; the attribution's own words stay in speaker_as_written"),
    ]


# The values of a *_basis column that a reader must be told more about.
NEEDS_A_NOTE = ("inferred", "outside_knowledge", "corrected")


def basis_rules(frame: pd.DataFrame) -> list[Rule]:
    """Every inference is labelled in the package: a row whose *_basis column says inferred or
    outside_knowledge carries its reasoning in the matching *_note column, or in note."""
    rules = []
    for column in (c for c in frame.columns if c.endswith("_basis") or c == "basis"):
        prefix = column.removesuffix("basis")
        notes = [c for c in frame.columns if c.endswith("_note")]  # a table with one note column keeps all its reasoning there
        note = next((n for n in (f"{prefix}note", "note", *(notes if len(notes) == 1 else [])) if n in frame.columns), None)
        if note is None:
            continue

        def explained(d: pd.DataFrame, column: str = column, note: str = note) -> pd.Series:
            return ~(d[column].isin(NEEDS_A_NOTE) & d[note].isna()).fillna(False).astype(bool)

        rules.append(Rule("inference-unexplained", note, f"{column} says the value is not printed in the articles, but {note} is empty",
                          explained, f"say in {note} how the value was read, or where it comes from"))
    return rules


def mention_rules(events: pd.DataFrame, articles: pd.DataFrame) -> list[Rule]:
    events = events.drop_duplicates("event_id").set_index("event_id")
    start, status = events["start_date"], events["status"]
    published = articles.drop_duplicates("article_id").set_index("article_id")["published_date"]

    def in_window(d: pd.DataFrame) -> pd.Series:
        event_start = start.reindex(d["event_id"]).set_axis(d.index)
        event_status = status.reindex(d["event_id"]).set_axis(d.index)
        article_date = published.reindex(d["article_id"]).set_axis(d.index)
        planned = (d["reported_status"] == "planned") | (event_status == "planned")
        after = (event_start > article_date).fillna(False).astype(bool)
        return ~(after & ~planned.fillna(False).astype(bool))

    return [
        Rule("date-outside-article", "event_id",
             "the event starts after the article was published, but neither it nor this mention is planned",
             in_window, "set reported_status: planned, or check the event's date"),
    ]


def _names(d: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    out = []
    for row in zip(*(d[c] for c in columns), strict=True):
        names = []
        for value in row:
            if isinstance(value, str) and value:
                names += [part.strip() for part in value.split(";") if part.strip()]
        out.append(names)
    return out


def mentioned_rules(tables: dict[str, pd.DataFrame], texts: dict[str, str]) -> dict[str, list[Rule]]:
    """People and organizations must appear in at least one article (outlets excepted)."""
    corpus = "\n".join(texts.values())
    outlets = set(tables["articles"]["outlet_org_id"].dropna()) if "articles" in tables else set()

    def appears(columns: list[str], id_column: str) -> Callable[[pd.DataFrame], pd.Series]:
        def test(d: pd.DataFrame) -> pd.Series:
            seen: dict[str, bool] = {}  # names repeat across rows: search the corpus once for each

            def in_corpus(name: str) -> bool:
                if name not in seen:
                    seen[name] = name in corpus
                return seen[name]

            found = [any(map(in_corpus, names)) for names in _names(d, columns)]
            return pd.Series(found, index=d.index, dtype=bool) | d[id_column].isin(outlets)
        return test

    rules: dict[str, list[Rule]] = {}
    if "people" in tables:
        rules["people"] = [Rule("not-in-articles", "name", "neither the name nor an alias appears in any article",
                                appears(["name", "aliases"], "person_id"), "add the spelling the article uses to aliases")]
    if "organizations" in tables:
        rules["organizations"] = [Rule("not-in-articles", "name",
                                       "neither the name, short name nor an alias appears in any article, and it is no outlet",
                                       appears(["name", "short_name", "aliases"], "org_id"),
                                       "add the form the article uses to aliases")]
    return rules
