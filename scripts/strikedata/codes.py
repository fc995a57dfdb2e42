"""Every finding code, what it means and how to fix it: the one list the docs are generated from."""

from __future__ import annotations

# code: (layer, what it means, how to fix it)
CODES: dict[str, tuple[str, str, str]] = {
    # Curation: the human-edited files under seeds/
    "file-missing": ("curation", "a file the build needs is not there", "restore it, or fix the name that points to it"),
    "file-unreadable": (
        "curation",
        "the file exists but cannot be read (permissions, or not a regular file: a FIFO, a device)",
        "check its permissions; name a regular file",
    ),
    "file-too-large": ("curation", "an annotation file larger than 5 MB", "split it; check the right file is named"),
    "yaml-syntax": (
        "curation",
        "the YAML does not parse (or a key appears twice in one entry)",
        "fix indentation and quoting; wrap text containing ': ' or ' #' in quotes",
    ),
    "yaml-alias": (
        "curation",
        "an alias (*name) that repeats an anchored entry; nested aliases can grow a small file into gigabytes",
        "write the entry out in full",
    ),
    "annotation-shape": (
        "curation",
        "the file or an entry has the wrong shape (a list where a mapping belongs, or the reverse)",
        "compare with an existing annotation file",
    ),
    "unknown-key": ("curation", "a key that is not a column of the table", "check the spelling against the allowed keys in the message"),
    "computed-key": ("curation", "a key the build computes (offsets, hashes, counts)", "delete the line"),
    "unconfirmed-proposal": (
        "curation",
        "an entry proposed by `strikedata extract` that no curator has confirmed yet",
        "run `strikedata review FILE`: confirm, correct or reject each proposal with its sentence in view",
    ),
    "changed-after-review": (
        "curation",
        "an entry confirmed with `strikedata review` was changed afterwards (its stamp no longer matches)",
        "run `strikedata review FILE` and confirm it as it now reads",
    ),
    "wrong-type": ("curation", "a list or mapping where one value belongs", "write a single value"),
    "bad-occurrence": ("curation", "occurrence is not a whole number from 1", "use 1 for the first appearance, 2 for the second, ..."),
    "span-not-found": (
        "curation",
        "pasted text is not in the normalized article (the hint shows the closest passage)",
        "copy it exactly from build/texts/<article_id>.txt",
    ),
    "seed-missing": ("curation", "the raw article named by seed_file is not there", "put the raw article under seeds/raw/"),
    "registry": ("build", "the source datapackage.json does not declare a resource as the build needs (its name, schema, \"build\")",
                 "see docs/architecture.md: where a new resource goes"),
    "seed-encoding": ("curation", "the raw article is not UTF-8 text", "save it as UTF-8 before adding it"),
    "seed-unrecorded": ("curation", "the raw article has no line in seeds/raw/SHA256SUMS", "add the line the hint gives when the article arrives"),
    "seed-hash-mismatch": (
        "curation",
        "a raw article changed after it was recorded (raw seeds are never edited)",
        "restore it; repairs belong in normalize.py",
    ),
    "seed-path": (
        "curation",
        "a file the build would read is not in its place, so it is not read: seed_file names something other than a file directly in "
        "seeds/raw/ (an absolute path, '..', a URL, a symbolic link leading out of seeds/raw/), or a file under seeds/ is a symbolic link "
        "leading out of the project",
        "put the raw article itself in seeds/raw/ and write seed_file: seeds/raw/<its file name>; replace links by the files",
    ),
    "seed-unreadable": (
        "curation",
        "the raw article is not a regular file (a FIFO, a device, a folder), is larger than 5 MB, or cannot be opened; it is not read",
        "put the article as received, a plain text file, in seeds/raw/",
    ),
    "seed-sums": (
        "curation",
        "a line of seeds/raw/SHA256SUMS is not '<64 hex digits>  <file name>', or lists a file again (a later line could replace the "
        "digest recorded on arrival); a seed listed twice is not verified",
        "keep one line per raw seed, as `sha256sum <file name>` prints it inside seeds/raw/; delete the others",
    ),
    "build-locked": (
        "build",
        "another build of the project held its lock (.build.lock) longer than a build waits (2 minutes); nothing was built",
        "wait for the other build to finish, or stop it, then build again",
    ),
    "build-write": (
        "build",
        "build/ could not be replaced (a folder in it is not writable, the disk is full, ...); the previous build/ is left as it was",
        "fix what the message names (for a read-only folder: chmod -R u+w build), then build again",
    ),
    "date-conflict": (
        "curation",
        "published_date differs from the date the seed's header states, and overrides_header_date does not repeat that header",
        "delete published_date; if the header is wrong, add `overrides_header_date: <the header's date>` and say why in date_note",
    ),
    "duplicate-id": ("curation", "two annotation files use the same article_id", "give each article its own id"),
    # Descriptor
    "descriptor-error": ("descriptor", "datapackage.json is not JSON", "fix the JSON syntax"),
    "package-error": ("descriptor", "the package descriptor breaks the Data Package spec", "see the message"),
    "resource-error": ("descriptor", "a resource descriptor breaks the Data Resource spec", "see the message"),
    "schema-error": ("descriptor", "a Table Schema is invalid or cannot be read", "see the message"),
    "field-error": ("descriptor", "a field descriptor is invalid", "see the message"),
    "dialect-error": ("descriptor", "a CSV dialect is invalid", "see the message"),
    "remote-reference": (
        "descriptor",
        "a profile, schema, dialect or data file named by URL: nothing is fetched",
        "download the file and name the local copy by a relative path",
    ),
    # Source and structure
    "unsafe-path": (
        "structure",
        "a path that is absolute, climbs out with '..', leads out through a symbolic link, or names something that is not a regular file: "
        "it is never read",
        "name a regular file inside the package by a relative path",
    ),
    "source-error": ("structure", "the data cannot be read (missing or empty file, bad inline data)", "see the message"),
    "encoding-error": ("structure", "the bytes are not in the declared encoding", "save the file as UTF-8 (or declare its encoding)"),
    "byte-count": ("structure", "the file's size differs from the declared bytes", "rebuild, or update bytes"),
    "hash-count": ("structure", "the file's hash differs from the declared hash", "rebuild, or update hash"),
    "blank-label": ("structure", "a header cell is empty", "name the column"),
    "duplicate-label": ("structure", "two columns have the same label", "rename one"),
    "extra-label": ("structure", "a column the schema does not declare", "remove it or declare it"),
    "missing-label": ("structure", "a declared field has no column", "add the column"),
    "incorrect-label": ("structure", "a column's label differs from the declared field at that position", "fix the header or the column order"),
    "blank-row": ("structure", "a row with no values", "delete it"),
    "extra-cell": ("structure", "a row has more cells than the header", "check the commas and quotes in that row"),
    "missing-cell": ("structure", "a row has fewer cells than the header", "check the commas and quotes in that row"),
    # Field rules (from schemas/*.json)
    "required": ("structure", "a required value is blank", "fill it in"),
    "type": (
        "structure",
        "a value is not of the declared type (integer, number, date, ...)",
        "write it in the declared form, e.g. 2022-03-23 for a date",
    ),
    "enum": ("structure", "a value is not one of the allowed values", "use one of the values the message lists"),
    "pattern": ("structure", "a value does not match the declared pattern (ids are lowercase slugs)", "use lowercase letters, digits and hyphens"),
    "min-length": ("structure", "a value is shorter than allowed", "see the schema"),
    "max-length": ("structure", "a value is longer than allowed", "see the schema"),
    "minimum": ("structure", "a value is below the declared minimum", "see the schema"),
    "maximum": ("structure", "a value is above the declared maximum", "see the schema"),
    "unique": ("structure", "a value that must be unique appears twice", "make it unique"),
    "primary-key": ("structure", "a primary key is repeated or blank", "give every row its own id"),
    "foreign-key": ("structure", "a reference matches no row of the table it points to", "fix the id, or add the row it points to"),
    # Semantics (our rules, only where our tables are present)
    "formula-injection": (
        "semantic",
        "a text cell starts with =, +, -, @, tab or CR and would run as a spreadsheet formula",
        "reword so it starts otherwise",
    ),
    "quote-not-delimited": (
        "semantic",
        "a quotation is not exactly the text between a pair of quotation marks in its article",
        "paste everything between the marks, nothing else",
    ),
    "attribution-not-found": ("semantic", "speaker_as_written is not the article's own words", "copy the attribution phrase from the article"),
    "inference-unexplained": ("semantic", "a *_basis column says a value is inferred or outside knowledge, and its note is empty",
                              "say in the note how the value was read, or where it comes from"),
    "proposer-account": ("semantic", "an offer's proposer_account disagrees with its mentions", "rebuild: the build computes it"),
    "offer-unmentioned": ("semantic", "an offer item no article tells of", "add its mention to an article's offer_mentions, or remove it"),
    "characterization-mismatch": ("semantic", "an offer mention's characterization disagrees with whether its teller is the item's proposer",
                                  "true when one side tells of the other side's item; false for the proposer's own words"),
    "figure-offer-elsewhere": ("semantic", "a figure is linked to an offer item that its article does not mention",
                               "add the offer mention to the article, or link the figure to an item the article tells of"),
    "offer-role": ("semantic", "offer_role is set without offer_id, or offer_id without offer_role", "set both, or neither"),
    "range-reversed": ("semantic", "the latest possible day of a date range is before its earliest", "swap or correct the two dates"),
    "range-incomplete": ("semantic", "an offer's first date range lacks one of its ends or its precision",
                         "give first_date, first_date_latest and first_date_precision together"),
    "supersedes-itself": ("semantic", "an offer item names itself in supersedes_offer_id", "name the earlier item it replaces"),
    "end-status": ("semantic", "end_date and end_status disagree", "give end_date only with end_status stated"),
    "speaker-org-drift": ("semantic", "a quotation's speaker_org_id differs from the organization recorded for its speaker",
                          "use the person's org_id from people.yaml"),
    "mojibake": ("semantic", "a text cell holds a mis-decoded character", "copy the text from build/texts/"),
    "whitespace": ("semantic", "a text cell has leading or trailing whitespace", "trim it"),
    "control-character": (
        "semantic",
        "a text cell holds a control character other than tab and line feed (no spreadsheet can store it; a terminal would obey it)",
        "delete it; repairs of a raw seed belong in normalize.py",
    ),
    "span-order": ("semantic", "char_end is not after char_start", "rebuild"),
    "span-mismatch": (
        "semantic",
        "the text at char_start:char_end differs from the row's text",
        "rebuild; offsets are code points into the normalized text",
    ),
    "speaker-missing": ("semantic", "a quotation has neither a speaking person nor organization", "set speaker_person_id or speaker_org_id"),
    "nested-parent": (
        "semantic",
        "a nested quotation without parent_quote_id, or a parent on a non-nested one",
        "set kind and parent_quote_id together",
    ),
    "nested-outside-parent": ("semantic", "a nested quotation lies outside its parent's span", "check parent_quote_id"),
    "percent-range": ("semantic", "a percentage outside 0 to 100", "check the value and unit"),
    "unit-without-value": ("semantic", "an offer has a unit but no value", "add the value or drop the unit"),
    "value-without-unit": ("semantic", "an offer has a value but no unit", "add the unit"),
    "figure-offer-mismatch": ("semantic", "a figure given as an offer item's value (offer_role value) differs from the item's value or unit",
                              "link the figure to the right item, or make it a secondary figure"),
    "end-before-start": ("semantic", "an event ends before it starts", "check the dates"),
    "date-outside-article": ("semantic", "an article mentions as past an event dated after the article", "mark the mention planned, or fix the date"),
    "text-missing": ("semantic", "an article's normalized text cannot be read", "rebuild"),
    "text-length": ("semantic", "char_count or word_count differs from the text", "rebuild"),
    "text-hash": (
        "semantic",
        "text_sha256 differs from the article text's SHA-256 (the text was changed)",
        "rebuild; never edit build/texts/ by hand",
    ),
    "text-path": ("semantic", "text_path is not texts/<article_id>.txt", "rebuild"),
    "check-failed": (
        "semantic",
        "a rule could not run on this table (a column it needs is missing or unreadable, or a declared pattern backtracked past its time "
        "bound)",
        "fix the findings above it, or the table's schema (simplify the pattern)",
    ),
    "not-in-articles": ("semantic", "a person or organization appears in no article (outlets excepted)", "add the article's spelling to aliases"),
}

LAYERS = ("curation", "build", "descriptor", "structure", "semantic")


def markdown() -> str:
    out = []
    for layer in LAYERS:
        out.append(f"### {layer.capitalize()}")
        out.append("")
        out.append("| code | means | fix |")
        out.append("|---|---|---|")
        for code, (where, means, fix) in CODES.items():
            if where == layer:
                out.append(f"| `{code}` | {means} | {fix} |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
