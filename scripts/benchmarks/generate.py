"""Generate large Data Packages for benchmarks: valid, or with seeded errors of known kinds.

Both varieties are this dataset's package (build/) at scale, under the dataset's own name (so
`strikedata validate` runs the dataset's pack on it; the size is in the title).
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

A broken variant seeds errors at known rows and writes `seeded.json`, the list of what a validator
should find (a valid one writes an empty list):
    {"kind", "resource", "row", "field", "value", "codes", "frictionless"[, "same_as_row"]}
    (row: header = 1, first data row = 2; codes: strikedata's codes, any one of which finds it;
    frictionless: the frictionless error types that would; same_as_row, for a duplicate key: the
    earlier row whose key it repeats, which a validator may report too.)

    python scripts/benchmarks/generate.py OUT --rows 100000 [--broken] [--seed 1] [--variety unique|repeat]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QUOTES_PER_ARTICLE = 1000
ROWS_PER_PERSON = 100
VARIETIES = ("unique", "repeat")

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
    real quotations of its model article; "repeat": the real quotes repeated in order. See the
    module's docstring."""
    if variety not in VARIETIES:
        raise ValueError(f"unknown variety {variety!r}: choose one of {', '.join(VARIETIES)}")
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
        quote = dict(model, quote_id=f"quote-{i:07d}", article_id=f"generated-{j:06d}",
                     speaker_person_id=f"person-{i % n_people:06d}", parent_quote_id="")
        if variety == "unique":
            quote["note"] = f"Generated note {i}: checked against the article." if i % 3 == 0 else ""
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the quotes table")
    parser.add_argument("--broken", action="store_true", help="seed errors (listed in OUT/seeded.json)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variety", choices=VARIETIES, default="unique",
                        help="unique: ids, speakers, notes and order vary, quotations drawn from the real ones (default); "
                             "repeat: the real quotes repeated")
    args = parser.parse_args()
    result = generate(args.out, args.rows, broken=args.broken, seed=args.seed, variety=args.variety)
    print(json.dumps({"out": str(args.out), "rows": result["rows"], "seeded": len(result["seeded"])}))


if __name__ == "__main__":
    main()
