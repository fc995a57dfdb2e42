"""The semantic layer: rules across columns and tables that a Table Schema cannot express.

Each rule is a vectorized test over one typed table (True = fine), run through pandera so that
every failing row is reported, not just the first.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable

import pandas as pd
import pandera.pandas as pa

from .normalize import MOJIBAKE_CHARACTERS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SPAN_COLUMNS = {"quotes": "text", "offers": "evidence_text", "figures": "text", "event_mentions": "text"}
PERCENT_RANGE = (0, 100)


@dataclass(frozen=True)
class Rule:
    code: str
    resource: str
    field: str | None
    message: str
    test: Callable[[pd.DataFrame], pd.Series]
    hint: str | None = None


@dataclass(frozen=True)
class Failure:
    rule: Rule
    index: int
    value: object


def run_rules(frame: pd.DataFrame, rules: list[Rule]) -> list[Failure]:
    """Run rules as pandera wide checks; one Failure per (rule, failing row)."""
    if not rules or frame.empty:
        return []
    by_name = {f"{i}:{r.code}": r for i, r in enumerate(rules)}
    schema = pa.DataFrameSchema(checks=[pa.Check(r.test, name=n) for n, r in by_name.items()])
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        failures, seen = [], set()
        for check, index, case in zip(cases["check"], cases["index"], cases["failure_case"]):
            rule = by_name.get(check)
            if rule is not None and pd.isna(index) and (check, None) not in seen:
                # The check itself raised: say so rather than let the rule switch off unseen.
                seen.add((check, None))
                failures.append(Failure(rule, -1, str(case)))
            if rule is None or pd.isna(index) or (check, index) in seen:
                continue
            seen.add((check, index))
            value = frame.at[index, rule.field] if rule.field in frame.columns else None
            failures.append(Failure(rule, int(index), value))
        return failures
    return []


def _text_columns(frame: pd.DataFrame, schema: dict) -> list[str]:
    return [f["name"] for f in schema.get("fields", []) if f.get("type", "string") == "string" and f["name"] in frame.columns]


def cell_rules(resource: str, frame: pd.DataFrame, schema: dict) -> list[Rule]:
    """Rules on every text cell: spreadsheet formula injection, leftover mojibake, stray whitespace."""
    rules = []
    for col in _text_columns(frame, schema):
        rules += [
            Rule("formula-injection", resource, col,
                 "starts with =, +, -, @, tab or CR: a spreadsheet would run it as a formula",
                 lambda d, c=col: ~d[c].fillna("").str.startswith(FORMULA_PREFIXES),
                 "reword so the cell starts with a letter, digit or quote mark"),
            Rule("mojibake", resource, col,
                 "contains a mis-decoded character (mojibake)",
                 lambda d, c=col: ~d[c].fillna("").str.contains("|".join(MOJIBAKE_CHARACTERS), regex=True),
                 "copy the text from the normalized article under build/texts/"),
            Rule("whitespace", resource, col,
                 "has leading or trailing whitespace",
                 lambda d, c=col: d[c].fillna("") == d[c].fillna("").str.strip(),
                 "remove the spaces or line breaks at the ends"),
        ]
    return rules


def span_rules(resource: str, texts: dict[str, str]) -> list[Rule]:
    column = SPAN_COLUMNS[resource]

    def in_text(d: pd.DataFrame) -> pd.Series:
        def ok(article, start, end, value) -> bool:
            text = texts.get(article)
            if text is None or pd.isna(value):
                return True  # reported by other rules (foreign key, required)
            if pd.isna(start) or pd.isna(end):
                return False  # an offset that is no usable integer cannot point at this text
            return text[int(start):int(end)] == value
        return pd.Series([ok(*row) for row in zip(d["article_id"], d["char_start"], d["char_end"], d[column])], index=d.index, dtype=bool)

    return [
        Rule("span-order", resource, "char_end", "char_end must be greater than char_start",
             lambda d: (d["char_end"] > d["char_start"]).fillna(True).astype(bool)),
        Rule("span-mismatch", resource, column,
             "texts/<article_id>.txt[char_start:char_end] differs from this cell", in_text,
             "offsets are Unicode code points into the normalized text; rebuild with `strikedata build`"),
    ]


def quote_rules(quotes: pd.DataFrame) -> list[Rule]:
    spans = quotes.drop_duplicates("quote_id").set_index("quote_id")[["article_id", "char_start", "char_end"]]

    def inside_parent(d: pd.DataFrame) -> pd.Series:
        parent = spans.reindex(d["parent_quote_id"]).set_axis(d.index)
        bad = d["parent_quote_id"].notna() & parent["article_id"].notna() & (
            (parent["article_id"] != d["article_id"])
            | (d["char_start"] < parent["char_start"])
            | (d["char_end"] > parent["char_end"])
        )
        return ~bad.fillna(False).astype(bool)

    return [
        Rule("speaker-missing", "quotes", "speaker_person_id",
             "a quotation needs a speaker: set speaker_person_id or speaker_org_id",
             lambda d: d["speaker_person_id"].notna() | d["speaker_org_id"].notna()),
        Rule("nested-parent", "quotes", "parent_quote_id",
             "kind nested needs parent_quote_id, and only nested quotations have one",
             lambda d: (d["kind"] == "nested") == d["parent_quote_id"].notna()),
        Rule("nested-outside-parent", "quotes", "parent_quote_id",
             "a nested quotation must lie inside its parent's span in the same article", inside_parent),
    ]


def offer_rules() -> list[Rule]:
    low, high = PERCENT_RANGE

    def percent_ok(column: str) -> Callable[[pd.DataFrame], pd.Series]:
        return lambda d: ~((d["unit"] == "percent") & ((d[column] < low) | (d[column] > high))).fillna(False).astype(bool)

    return [
        Rule("percent-range", "offers", "value", f"a percentage must be between {low} and {high}", percent_ok("value")),
        Rule("percent-range", "offers", "previous_value", f"a percentage must be between {low} and {high}", percent_ok("previous_value")),
        Rule("unit-without-value", "offers", "unit", "unit is set but value and previous_value are empty",
             lambda d: d["unit"].isna() | d["value"].notna() | d["previous_value"].notna()),
        Rule("value-without-unit", "offers", "value", "value is set but unit is empty",
             lambda d: (d["value"].isna() & d["previous_value"].isna()) | d["unit"].notna()),
    ]


def figure_rules(offers: pd.DataFrame) -> list[Rule]:
    by_id = offers.drop_duplicates("offer_id").set_index("offer_id")[["article_id", "value", "previous_value", "unit"]]

    def matches_offer(d: pd.DataFrame) -> pd.Series:
        offer = by_id.reindex(d["offer_id"]).set_axis(d.index)
        linked = d["offer_id"].notna() & offer["article_id"].notna()
        same = (offer["article_id"] == d["article_id"]) & (offer["unit"] == d["unit"]) & (
            (offer["value"] == d["value"]) | (offer["previous_value"] == d["value"]))
        return ~(linked & ~same.fillna(False).astype(bool))

    return [
        Rule("figure-offer-mismatch", "figures", "offer_id",
             "the offer is in another article, or its value, previous_value and unit do not match this figure",
             matches_offer, "link a figure only to the offer whose value or previous_value it is"),
    ]


def event_rules() -> list[Rule]:
    return [
        Rule("end-before-start", "events", "end_date", "end_date is before start_date",
             lambda d: ~(d["end_date"] < d["start_date"]).fillna(False).astype(bool)),
    ]


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
        Rule("date-outside-article", "event_mentions", "event_id",
             "the event starts after the article was published, but neither it nor this mention is planned",
             in_window, "set reported_status: planned, or check the event's date"),
    ]


def article_rules(texts: dict[str, str]) -> list[Rule]:
    def length_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or n == len(texts[aid]) for aid, n in zip(d["article_id"], d["char_count"])], index=d.index, dtype=bool)

    def hash_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or digest == hashlib.sha256(texts[aid].encode("utf-8")).hexdigest()
                          for aid, digest in zip(d["article_id"], d["text_sha256"])], index=d.index, dtype=bool)

    def words_ok(d: pd.DataFrame) -> pd.Series:
        return pd.Series([aid not in texts or n == len(texts[aid].split()) for aid, n in zip(d["article_id"], d["word_count"])],
                         index=d.index, dtype=bool)

    return [
        Rule("text-hash", "articles", "text_sha256", "text_sha256 differs from the SHA-256 of texts/<article_id>.txt", hash_ok,
             "the text changed after the build; rebuild with `strikedata build`"),
        Rule("text-length", "articles", "word_count", "word_count differs from the words in texts/<article_id>.txt", words_ok),
        Rule("text-length", "articles", "char_count", "char_count differs from the length of texts/<article_id>.txt", length_ok),
        Rule("text-path", "articles", "text_path", "text_path must be texts/<article_id>.txt",
             lambda d: d["text_path"] == "texts/" + d["article_id"] + ".txt"),
    ]


def semantic_rules(tables: dict[str, pd.DataFrame], schemas: dict[str, dict], texts: dict[str, str]) -> dict[str, list[Rule]]:
    """Every semantic rule that applies to the tables present, grouped by the table it runs on."""
    rules: dict[str, list[Rule]] = {name: cell_rules(name, frame, schemas[name]) for name, frame in tables.items() if name in schemas}
    for name in SPAN_COLUMNS:
        if name in tables:
            rules[name] += span_rules(name, texts)
    if "quotes" in tables:
        rules["quotes"] += quote_rules(tables["quotes"])
    if "offers" in tables:
        rules["offers"] += offer_rules()
    if {"figures", "offers"} <= tables.keys():
        rules["figures"] += figure_rules(tables["offers"])
    if "events" in tables:
        rules["events"] += event_rules()
    if {"event_mentions", "events", "articles"} <= tables.keys():
        rules["event_mentions"] += mention_rules(tables["events"], tables["articles"])
    if "articles" in tables:
        rules["articles"] += article_rules(texts)
    if texts:
        for name, extra in mentioned_rules(tables, texts).items():
            rules[name] += extra
    return rules


def _names(d: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    out = []
    for row in zip(*(d[c] for c in columns)):
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
            found = [any(n in corpus for n in names) for names in _names(d, columns)]
            return pd.Series(found, index=d.index, dtype=bool) | d[id_column].isin(outlets)
        return test

    rules: dict[str, list[Rule]] = {}
    if "people" in tables:
        rules["people"] = [Rule("not-in-articles", "people", "name", "neither the name nor an alias appears in any article",
                                appears(["name", "aliases"], "person_id"), "add the spelling the article uses to aliases")]
    if "organizations" in tables:
        rules["organizations"] = [Rule("not-in-articles", "organizations", "name",
                                       "neither the name, short name nor an alias appears in any article, and it is no outlet",
                                       appears(["name", "short_name", "aliases"], "org_id"),
                                       "add the form the article uses to aliases")]
    return rules
