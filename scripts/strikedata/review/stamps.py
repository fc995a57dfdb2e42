"""The confirmation a curator gives a drafted entry: a stamp bound to what the entry says.

`strikedata extract` marks each proposal `confirmed: false`. `strikedata review` shows it with its
sentence and the registry entries it links to, and the curator's explicit "confirm" writes
`confirmed: reviewed <digest>`, the digest of the entry's values as confirmed. The build then holds
the stamp against the entry: an entry changed after review, or a drafted entry whose `confirmed` line
was deleted or set to `true`, is not confirmed. Deleting every `confirmed` line is no longer a way to
confirm a draft without reading it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from enum import Enum

REVIEW_KEYS = frozenset({"confirmed", "confidence"})
# Seed-only keys that say where a draft came from; they stay in the files as provenance.
DRAFTED_ON = "drafted_on"  # on an article file drafted by `strikedata extract`
PROPOSED_FOR = "proposed_for"  # on a registry entry it appended: the article it was proposed for
STAMP_PREFIX = "reviewed "
# Every entry `strikedata extract` wrote, a line each ("<resource>\t<key>"), kept beside the files a
# curator edits: deleting the markers in those files (drafted_on, proposed_for, confirmed) does not
# make a drafted entry a hand-curated one. The stamp is a speed bump for a careless review, not a seal:
# someone set on it can forge one.
LEDGER = "seeds/DRAFTED"
LEDGER_HEADER = ("# Entries drafted by `strikedata extract`, one per line: the table, a tab, the entry's key.\n"
                 "# The build asks a review stamp (`strikedata review`) of each. Keep this file.\n")


class State(Enum):
    CONFIRMED = "confirmed"  # stamped, and the stamp still matches; or curated by hand
    PROPOSED = "proposed"  # `confirmed: false`, or a drafted entry with no valid stamp
    CHANGED = "changed"  # stamped, but edited since


def digest(entry: Mapping) -> str:
    """Twelve hex digits of SHA-256 over the entry's own values: review keys and nested lists of
    entries (an article's quotes, figures, ...) left out, keys in sorted order."""
    own = {k: v for k, v in entry.items() if k not in REVIEW_KEYS and not _entries(v)}
    text = json.dumps(own, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def stamp(entry: Mapping) -> str:
    """The `confirmed` value that confirms this entry as it now reads."""
    return STAMP_PREFIX + digest(entry)


def state(entry: Mapping, drafted: bool) -> State:
    """Whether an entry is confirmed. `drafted`: it comes from `strikedata extract` (its article file
    has `drafted_on`, or it has `proposed_for`), so only a valid stamp confirms it. An entry a curator
    wrote by hand has no `confirmed` key and needs none."""
    value = entry.get("confirmed")
    if isinstance(value, str) and value.startswith(STAMP_PREFIX):
        return State.CONFIRMED if value == stamp(entry) else State.CHANGED
    if "confirmed" not in entry and not drafted:
        return State.CONFIRMED
    return State.PROPOSED


def is_drafted(entry: Mapping, article: Mapping | None = None) -> bool:
    """An entry from a draft: a registry entry with `proposed_for`, or anything in a drafted article file."""
    return PROPOSED_FOR in entry or DRAFTED_ON in entry or (article is not None and DRAFTED_ON in article)


def _entries(value: object) -> bool:
    return isinstance(value, list) and any(isinstance(v, Mapping) for v in value)


def ledger_line(resource: str, key: object) -> str:
    """An entry's line in the ledger: its table and its key (the values of a key of several columns joined by '|')."""
    return f"{resource}\t{'|'.join(map(str, key)) if isinstance(key, tuple) else key}"


def read_ledger(text: str) -> frozenset[str]:
    """The lines of a ledger's text, less comments and blanks."""
    return frozenset(line.rstrip("\r") for line in text.splitlines() if line.strip() and not line.startswith("#"))
