"""This dataset's rules, as a pack the generic validator runs on this dataset's packages only.

The pack claims a package by its identity (its `name`), never by a table's name: a foreign package
with tables called `quotes` or `people` gets the generic validation and nothing of this. Every rule
that can be judged from the built package alone is here, so `strikedata validate` catches in an
edited build/ what `strikedata build` catches from the seeds. Which table is which (and which
column holds a span) comes from the package itself: a span's text, start and end are the fields
whose `rdfType` is the W3C Web Annotation `oa:exact`, `oa:start` and `oa:end`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Finding
from ..normalize import MOJIBAKE_CHARACTERS
from ..registry import SPAN_EXACT, span_columns
from ..validator.cells import cell_rules
from ..validator.rules import Rule, table_finding
from ..validator.validate import Context
from .records import (
    basis_rules,
    delimited_rules,
    event_rules,
    figure_rules,
    mention_rules,
    mentioned_rules,
    offer_mention_rules,
    offer_rules,
    quote_rules,
    speaker_rules,
    told_rules,
)
from .spans import span_rules
from .texts import article_rules, load_texts

# The package names this dataset has been published under.
PACKAGE_NAMES = frozenset({"sacramento-2022-school-strike"})
# What a cross-table rule raises when a table lacks a column it needs (a label finding already).
MISSING_COLUMN = (KeyError, ValueError, TypeError, AttributeError)


@dataclass(frozen=True)
class StrikeRules:
    """The pack. `always` claims every package (`strikedata validate --pack strikedata`)."""

    always: bool = False
    name: str = "strikedata"

    def claims(self, descriptor: dict) -> bool:
        return self.always or descriptor.get("name") in PACKAGE_NAMES

    def check(self, context: Context) -> list[Finding]:
        findings: list[Finding] = []
        texts: dict[str, str] = {}
        if "articles" in context.tables:
            texts, findings = load_texts(context.tables["articles"], context.folder)
        ours = list(context.tables)
        try:
            grouped = rules_by_table(context, ours, texts)
        except MISSING_COLUMN:
            grouped = {}
            for name in ours:  # run what each table supports alone
                try:
                    grouped.update(rules_by_table(context, [name], texts))
                except MISSING_COLUMN as error:
                    findings.append(table_finding(context.tables[name], None, None, "check-failed",
                                                  f"the semantic rules could not run on this table: missing or unreadable {error}"))
        for name, rules in grouped.items():
            findings += context.run(name, rules)
        return findings


PACK = StrikeRules()


def rules_by_table(context: Context, names: list[str], texts: dict[str, str]) -> dict[str, list[Rule]]:
    """Every rule that applies to the tables `names`, grouped by the table it runs on."""
    typed = {name: context.typed(name) for name in names}
    rules = {name: cell_rules(typed[name], context.tables[name].schema, mojibake=MOJIBAKE_CHARACTERS) for name in names}
    for name in names:
        column = span_columns(context.tables[name].schema).get(SPAN_EXACT)
        if column:
            rules[name] += span_rules(column, texts)
    if "quotes" in typed:
        rules["quotes"] += quote_rules(typed["quotes"]) + delimited_rules(texts)
    if "offers" in typed:
        rules["offers"] += offer_rules()
    if {"offer_mentions", "offers"} <= typed.keys():
        rules["offer_mentions"] += offer_mention_rules(typed["offers"])
        rules["offers"] += told_rules(typed["offer_mentions"])
    if {"figures", "offers"} <= typed.keys():
        rules["figures"] += figure_rules(typed["offers"], typed.get("offer_mentions"))
    if {"quotes", "people"} <= typed.keys():
        rules["quotes"] += speaker_rules(typed["people"])
    if "events" in typed:
        rules["events"] += event_rules()
    for name in names:
        rules[name] += basis_rules(typed[name])
    if {"event_mentions", "events", "articles"} <= typed.keys():
        rules["event_mentions"] += mention_rules(typed["events"], typed["articles"])
    if "articles" in typed:
        rules["articles"] += article_rules(texts)
    if texts:
        for name, extra in mentioned_rules(typed, texts).items():
            rules[name] += extra
    return rules
