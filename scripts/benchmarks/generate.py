"""Generate large Data Packages for benchmarks: valid, or with seeded errors of known kinds.

Varieties "unique" and "repeat" are this dataset's package (build/) at scale, under the dataset's
own name (so `strikedata validate` runs the dataset's pack on it; the size is in the title).
Generated articles copy the real texts and generated people reuse real names (so the "named in
some article" rule holds); the quotes table grows to N rows.

  - "repeat": the real quotes of each model article repeated in order, with fresh ids, articles
    and speakers (speaker_person_id cycles through the generated people).
  - "unique": as "repeat", but each row's quotation is drawn at random from the real quotations of
    its model article (text, char_start, char_end and speaker_as_written together), and every third
    row has a note of its own. The quotation texts themselves still repeat, a few dozen distinct
    values in all: a quote must be exactly what stands between quotation marks in its article and
    its attribution must appear there, so only the real quotations qualify. (Unique texts would
    have to be written into the articles, a corpus as large as the quotes table, which the
    validator holds in memory.) So "unique" varies ids, speakers, notes and order, not the
    quotation text: a validator that judges each distinct text once does less work here than it
    would on a real corpus of this size.
  - "foreign": a package that is NOT this dataset's ("foreign-quotes"), with tables named quotes,
    articles and people but columns, types and constraints of its own. Its text cells are random
    words (nearly all different), and some start with a space or "=" (legal in a Table Schema;
    only the opt-in `--checks` report them). The dataset's pack must leave it alone.

A broken variant seeds errors at known rows and writes `seeded.json`, the list of what a validator
should find (a valid one writes an empty list):
    {"kind", "resource", "row", "field", "value", "codes", "frictionless"[, "same_as_row"]}
    (row: header = 1, first data row = 2; codes: strikedata's codes, any one of which finds it;
    frictionless: the frictionless error types that would; same_as_row, for a duplicate key: the
    earlier row whose key it repeats, which a validator may report too.) Foreign packages are
    seeded with standard Table Schema errors only (FOREIGN_KINDS).

    python scripts/benchmarks/generate.py OUT --rows 100000 [--broken] [--seed 1] [--variety unique|repeat|foreign]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUOTES_PER_ARTICLE = 1000
ROWS_PER_PERSON = 100
VARIETIES = ("unique", "repeat", "foreign")

# kind -> (resource, field, how to break a row, codes strikedata reports, frictionless error types)
def _bad_type(row): row["char_start"] = row["char_start"] + "x"
def _bad_date(row): row["published_date"] = row["published_date"][:5] + "02-30"
def _enum(row): row["kind"] = "paraphrase"
def _pattern(row): row["speaker_org_id"] = row["speaker_org_id"].upper() + "!"
def _dangling(row): row["speaker_person_id"] = "nobody-" + row["quote_id"]
def _blank(row): row["speaker_as_written"] = ""
def _span(row): row["text"] = row["text"][:-2] + ("X" if row["text"][-2] != "X" else "Y") + row["text"][-1]
def _end_before_start(row): row["char_end"] = str(int(row["char_start"]) - 1)
def _formula(row): row["note"] = '=HYPERLINK("http://example.com")'
def _mojibake(row): row["note"] = "Ã©tÃ© note"
def _whitespace(row): row["cue"] = row["cue"] + " "
def _bad_count(row): row["char_count"] = "3,000"

KINDS = {
    "bad type": ("quotes", "char_start", _bad_type, ["type"], ["type-error"]),
    "bad date": ("articles", "published_date", _bad_date, ["type"], ["type-error"]),
    "enum": ("quotes", "kind", _enum, ["enum"], ["constraint-error"]),
    "pattern": ("quotes", "speaker_org_id", _pattern, ["pattern"], ["constraint-error"]),
    "dangling reference": ("quotes", "speaker_person_id", _dangling, ["foreign-key"], ["foreign-key"]),
    "blank required": ("quotes", "speaker_as_written", _blank, ["required"], ["constraint-error"]),
    "duplicate key": ("quotes", "quote_id", None, ["unique", "primary-key"], ["primary-key", "unique-error", "constraint-error"]),
    "span mismatch": ("quotes", "text", _span, ["span-mismatch"], []),
    "end before start": ("quotes", "char_end", _end_before_start, ["span-order"], []),
    "formula injection": ("quotes", "note", _formula, ["formula-injection"], []),
    "mojibake": ("quotes", "note", _mojibake, ["mojibake"], []),
    "whitespace": ("quotes", "cue", _whitespace, ["whitespace"], []),
    "bad integer": ("articles", "char_count", _bad_count, ["type"], ["type-error"]),
}


# A package of another dataset, with standard Table Schema errors only.
FOREIGN_NAME = "foreign-quotes"
FOREIGN_QUOTES_PER_ARTICLE = 100
FOREIGN_ROWS_PER_PERSON = 20
STANCES = ["for", "against", "neutral"]
def _f_bad_integer(row): row["start"] = row["start"] + "x"
def _f_bad_date(row): row["date"] = "2022-02-30"
def _f_bad_published(row): row["published"] = row["published"][:5] + "13-01"
def _f_enum(row): row["stance"] = "undecided"
def _f_minimum(row): row["confidence"] = "-0.25"
def _f_maximum(row): row["confidence"] = "1.5"
def _f_blank(row): row["text"] = ""
def _f_dangling_speaker(row): row["speaker_id"] = str(10**9 + int(row["quote_id"]))
def _f_dangling_article(row): row["article_id"] = str(10**9 + int(row["quote_id"]))

FOREIGN_KINDS = {
    "bad integer": ("quotes", "start", _f_bad_integer, ["type"], ["type-error"]),
    "bad date": ("quotes", "date", _f_bad_date, ["type"], ["type-error"]),
    "bad published date": ("articles", "published", _f_bad_published, ["type"], ["type-error"]),
    "enum": ("quotes", "stance", _f_enum, ["enum"], ["constraint-error"]),
    "below minimum": ("quotes", "confidence", _f_minimum, ["minimum"], ["constraint-error"]),
    "above maximum": ("quotes", "confidence", _f_maximum, ["maximum"], ["constraint-error"]),
    "blank required": ("quotes", "text", _f_blank, ["required"], ["constraint-error"]),
    "dangling speaker": ("quotes", "speaker_id", _f_dangling_speaker, ["foreign-key"], ["foreign-key"]),
    "dangling article": ("quotes", "article_id", _f_dangling_article, ["foreign-key"], ["foreign-key"]),
    "duplicate key": ("quotes", "quote_id", None, ["primary-key", "unique"], ["primary-key", "unique-error"]),
}


def read_csv(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, rows: list[dict], fields: list[str]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def generate(out: Path, rows: int, *, broken: bool = False, seed: int = 1, per_kind: int = 10,
             source: Path = ROOT / "build", variety: str = "unique") -> dict:
    """Write a package of `rows` quotes to `out`; return {"rows": {...}, "seeded": [...]}.

    variety "unique": each row its own id, speaker and note, its quotation drawn at random from the
    real quotations of its model article; "repeat": the real quotes repeated in order; "foreign":
    a package of another dataset (generate_foreign). See the module's docstring."""
    if variety not in VARIETIES:
        raise ValueError(f"unknown variety {variety!r}: choose one of {', '.join(VARIETIES)}")
    if variety == "foreign":
        return generate_foreign(out, rows, broken=broken, seed=seed, per_kind=per_kind)
    rng = random.Random(seed)
    descriptor = json.loads((source / "datapackage.json").read_text("utf-8"))
    resources = [r for r in descriptor["resources"] if "schema" in r]
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in resources}
    tables = {r["name"]: read_csv(source / r["path"]) for r in resources}
    fresh_folder(out)
    (out / "texts").mkdir()
    for path in (source / "texts").glob("*.txt"):
        shutil.copy(path, out / "texts" / path.name)

    # Real quotations, which are delimited by quotation marks and attributed as their article words
    # it; nested ones need their parent, so they are not copied.
    templates = {a["article_id"]: [q for q in tables["quotes"] if q["article_id"] == a["article_id"] and q["kind"] != "nested"]
                 for a in tables["articles"]}
    models = [a for a in tables["articles"] if templates[a["article_id"]]]
    n_quotes = max(rows - len(tables["quotes"]), 0)
    n_articles = max(1, -(-n_quotes // QUOTES_PER_ARTICLE))
    n_people = max(1, n_quotes // ROWS_PER_PERSON)

    articles = []
    for j in range(n_articles):
        model = models[j % len(models)]
        article_id = f"generated-{j:06d}"
        shutil.copy(source / model["text_path"], out / "texts" / f"{article_id}.txt")
        articles.append(dict(model, article_id=article_id, text_path=f"texts/{article_id}.txt", date_note="Generated for a benchmark."))
    people = []
    for k in range(n_people):
        model = tables["people"][k % len(tables["people"])]
        people.append(dict(model, person_id=f"person-{k:06d}"))
    quotes = []
    for i in range(n_quotes):
        j = i // QUOTES_PER_ARTICLE
        choices = templates[models[j % len(models)]["article_id"]]
        model = rng.choice(choices) if variety == "unique" else choices[i % len(choices)]
        speaker = people[i % n_people]
        quote = dict(model, quote_id=f"quote-{i:07d}", article_id=f"generated-{j:06d}",
                     speaker_person_id=speaker["person_id"], speaker_org_id=speaker["org_id"], parent_quote_id="")
        if variety == "unique":  # the model's note stays where it explains an inferred speaker
            quote["note"] = f"Generated note {i}: checked against the article." if i % 3 == 0 else model["note"]
        quotes.append(quote)
    tables["articles"] += articles
    tables["people"] += people
    tables["quotes"] += quotes

    seeded = []
    if broken:
        generated = {"quotes": range(len(tables["quotes"]) - n_quotes, len(tables["quotes"])),
                     "articles": range(len(tables["articles"]) - n_articles, len(tables["articles"]))}
        seeded = seed_errors(rng, KINDS, tables, generated, per_kind)

    for resource in resources:
        resource.pop("hash", None)
        resource.pop("bytes", None)
        write_csv(out / resource["path"], tables[resource["name"]], fields[resource["name"]])
    descriptor["resources"] = resources  # text files are read through articles.text_path
    # The name stays the dataset's: the generated package is this dataset at scale, and the pack
    # claims packages by name. What was generated goes in the title.
    descriptor["title"] = f"{descriptor.get('title', descriptor['name'])} [generated: {rows} quotes, {variety}, {state(broken)}]"
    write_package(out, descriptor, seeded)
    return {"rows": {name: len(t) for name, t in tables.items()}, "seeded": seeded}


def state(broken: bool) -> str:
    return "broken" if broken else "valid"


def fresh_folder(out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)


def write_package(out: Path, descriptor: dict, seeded: list[dict]) -> None:
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out / "seeded.json").write_text(json.dumps(seeded, indent=1, ensure_ascii=False) + "\n", "utf-8")


def plan_errors(rng: random.Random, kinds: dict, pools: dict[str, range], per_kind: int) -> list[tuple[str, str, int, int | None]]:
    """Where to seed each kind: (kind, resource, row index, index of the row whose key it copies, for a
    duplicate key). Each row is broken at most once; a duplicate key is put on the later of its two
    rows (a validator reading in order reports that one)."""
    taken: dict[str, set[int]] = {name: set() for name in pools}
    plan = []

    def untaken(resource: str) -> int:
        index = rng.choice(pools[resource])
        while index in taken[resource]:
            index = rng.choice(pools[resource])
        taken[resource].add(index)
        return index

    def count(resource: str) -> int:  # errors of each kind: up to per_kind, a quarter of the rows in all
        return min(per_kind, max(1, len(pools[resource]) // (4 * len(kinds))))

    for resource, pool in pools.items():
        wanted = sum(count(resource) * (2 if breaker is None else 1) for name, _, breaker, _, _ in kinds.values() if name == resource)
        if wanted > len(pool):
            raise ValueError(f"too few rows in {resource} ({len(pool)}) to seed {wanted} errors: generate more rows")
    for kind, (resource, _, breaker, _, _) in kinds.items():
        for _ in range(count(resource)):
            index = untaken(resource)
            first = None
            if breaker is None:
                first, index = sorted((index, untaken(resource)))
            plan.append((kind, resource, index, first))
    return plan


def seeded_entry(kinds: dict, kind: str, index: int, row: dict, first: int | None = None) -> dict:
    """What seeded.json says of one seeded error; a duplicate key also names the row it repeats."""
    resource, field, _, codes, frictionless = kinds[kind]
    entry = {"kind": kind, "resource": resource, "row": index + 2, "field": field, "value": row[field],
             "codes": codes, "frictionless": frictionless}
    return entry if first is None else {**entry, "same_as_row": first + 2}


def seed_errors(rng: random.Random, kinds: dict, tables: dict[str, list[dict]], pools: dict[str, range], per_kind: int) -> list[dict]:
    """Break rows of `tables` at random positions of `pools` (see plan_errors); what was seeded."""
    seeded = []
    for kind, resource, index, first in plan_errors(rng, kinds, pools, per_kind):
        _, field, breaker, _, _ = kinds[kind]
        row = tables[resource][index]
        if breaker is None:
            row[field] = tables[resource][first][field]
        else:
            breaker(row)
        seeded.append(seeded_entry(kinds, kind, index, row, first))
    return seeded


WORDS = ("the", "board", "union", "teachers", "district", "said", "budget", "talks", "contract", "schools",
         "parents", "strike", "would", "never", "agree", "students", "offer", "raise", "health", "care", "we",
         "are", "ready", "to", "return", "classrooms", "tonight", "after", "months", "of", "meetings", "fair",
         "deal", "café", "naïve", "city", "council", "vote", "week", "public", "safety", "staff", "pay", "cuts")
FIRST_NAMES = ("Ana", "Bo", "Chiara", "Dmitri", "Eun-ji", "Farah", "Goran", "Hélène", "Iker", "Jun", "Kofi", "Lior")
LAST_NAMES = ("Abara", "Berg", "Castro", "Dubois", "Eze", "Fischer", "García", "Haddad", "Ito", "Jensen", "Kowalski")


def foreign_descriptor(title: str) -> dict:
    def field(name: str, kind: str, **constraints) -> dict:
        return {"name": name, "type": kind, **({"constraints": constraints} if constraints else {})}

    def resource(name: str, fields: list[dict], key: str, foreign: tuple[tuple[str, str, str], ...] = ()) -> dict:
        schema = {"fields": fields, "primaryKey": [key]}
        if foreign:
            schema["foreignKeys"] = [{"fields": [local], "reference": {"resource": target, "fields": [remote]}}
                                     for local, target, remote in foreign]
        return {"name": name, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema}

    return {
        "name": FOREIGN_NAME,
        "title": title,
        "description": "Quotations from news articles, generated for a benchmark: a package of another dataset "
                       "whose tables happen to be called quotes, articles and people.",
        "licenses": [{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/"}],
        "resources": [
            resource("articles", [field("article_id", "integer", required=True), field("title", "string", required=True),
                                  field("published", "date", required=True)], "article_id"),
            resource("people", [field("person_id", "integer", required=True), field("name", "string", required=True)], "person_id"),
            resource("quotes", [
                field("quote_id", "integer", required=True), field("article_id", "integer", required=True),
                field("speaker_id", "integer"), field("text", "string", required=True),
                field("start", "integer", required=True, minimum=0), field("end", "integer", required=True, minimum=1),
                field("date", "date"), field("stance", "string", enum=STANCES),
                field("confidence", "number", minimum=0, maximum=1),
            ], "quote_id", (("article_id", "articles", "article_id"), ("speaker_id", "people", "person_id"))),
        ],
    }


def _words(rng: random.Random, low: int, high: int) -> str:
    text = " ".join(rng.choices(WORDS, k=rng.randint(low, high)))
    return text[0].upper() + text[1:]


def _day(rng: random.Random) -> str:
    return (dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(365))).isoformat()


def foreign_rows(rng: random.Random, rows: int, n_articles: int, n_people: int) -> dict[str, Iterator[dict]]:
    """The three tables, row by row (a million quotes never sit in memory at once). Some cells are
    legal but odd: blanks where a value is optional, bounds met exactly, quotation marks and commas
    inside a cell, and text that starts with a space or "=" (opt-in `--checks` report those)."""
    def articles() -> Iterator[dict]:
        for j in range(n_articles):
            title = _words(rng, 3, 8)
            title = "=" + title if j % 7 == 3 else " " + title if j % 11 == 5 else title
            yield {"article_id": str(j + 1), "title": title, "published": _day(rng)}

    def people() -> Iterator[dict]:
        for k in range(n_people):
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            yield {"person_id": str(k + 1), "name": " " + name if k % 13 == 4 else name}

    def quotes() -> Iterator[dict]:
        for i in range(rows):
            text = _words(rng, 4, 16)
            if i % 9 == 0:
                text += f', she said, "{rng.choice(WORDS)}"'
            text = " " + text if i % 50 == 3 else "=" + text if i % 71 == 5 else text
            start = rng.randrange(20_000)
            # The bounds met exactly, and blanks: a missing number is on neither side of a bound.
            confidence = "0" if i % 97 == 0 else "1" if i % 97 == 1 else "" if i % 31 == 17 else f"{rng.random():.3f}"
            yield {"quote_id": str(i + 1), "article_id": str(i // FOREIGN_QUOTES_PER_ARTICLE + 1),
                   "speaker_id": "" if i % 19 == 7 else str(rng.randint(1, n_people)), "text": text,
                   "start": str(start), "end": str(start + max(len(text), 1)),
                   "date": "" if i % 23 == 11 else _day(rng), "stance": "" if i % 29 == 13 else rng.choice(STANCES),
                   "confidence": confidence}

    return {"articles": articles(), "people": people(), "quotes": quotes()}


def generate_foreign(out: Path, rows: int, *, broken: bool = False, seed: int = 1, per_kind: int = 10) -> dict:
    """A package of another dataset (FOREIGN_NAME) with `rows` quotes, streamed to disk; seeded
    with FOREIGN_KINDS when `broken`. Returns {"rows": {...}, "seeded": [...]}."""
    rng = random.Random(seed)
    rows = max(rows, 1)
    n_articles = max(1, -(-rows // FOREIGN_QUOTES_PER_ARTICLE))
    n_people = max(1, rows // FOREIGN_ROWS_PER_PERSON)
    sizes = {"articles": n_articles, "people": n_people, "quotes": rows}
    plan = plan_errors(rng, FOREIGN_KINDS, {"quotes": range(rows), "articles": range(n_articles)}, per_kind) if broken else []
    at = {(resource, index): (kind, first) for kind, resource, index, first in plan}
    descriptor = foreign_descriptor(f"Quotes from another dataset [generated: {rows} quotes, foreign, {state(broken)}]")
    fresh_folder(out)
    seeded = []
    tables = foreign_rows(rng, rows, n_articles, n_people)
    for resource in descriptor["resources"]:
        name = resource["name"]
        fields = [f["name"] for f in resource["schema"]["fields"]]
        with (out / resource["path"]).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(fields)
            for index, row in enumerate(tables[name]):
                if (name, index) in at:
                    kind, first = at[name, index]
                    _, field, breaker, _, _ = FOREIGN_KINDS[kind]
                    if breaker is None:  # a duplicate key: the key of an earlier row (keys are row numbers)
                        row[field] = str(first + 1)
                    else:
                        breaker(row)
                    seeded.append(seeded_entry(FOREIGN_KINDS, kind, index, row, first))
                writer.writerow([row[f] for f in fields])
    seeded.sort(key=lambda e: (e["resource"], e["row"]))
    write_package(out, descriptor, seeded)
    return {"rows": sizes, "seeded": seeded}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the quotes table")
    parser.add_argument("--broken", action="store_true", help="seed errors (listed in OUT/seeded.json)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variety", choices=VARIETIES, default="unique",
                        help="unique: ids, speakers, notes and order vary, quotations drawn from the real ones (default); "
                             "repeat: the real quotes repeated; foreign: a package of another dataset")
    args = parser.parse_args()
    result = generate(args.out, args.rows, broken=args.broken, seed=args.seed, variety=args.variety)
    print(json.dumps({"out": str(args.out), "rows": result["rows"], "seeded": len(result["seeded"])}))


if __name__ == "__main__":
    main()
