"""Generate large strikedata packages for benchmarks: valid, or with seeded errors of known kinds.

The package is the real built package (build/) scaled up: generated articles copy the real
texts, generated people reuse real names (so the "named in some article" rule holds), and the
quotes table grows to N rows whose spans point into those texts. A broken variant seeds errors at
known rows and writes `seeded.json`, the list of what a validator should find:
    {"kind", "resource", "row", "field", "value", "codes"}    (row: header = 1, first data row = 2)

    python scripts/benchmarks/generate.py OUT --rows 100000 [--broken] [--seed 1] [--variety unique|repeat]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import json
import random
import re
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


def word_bounds(text: str) -> tuple[str, list[int], list[int]]:
    """The text, where its words start and where they end (a span between them never begins or ends
    with a space or a formula character)."""
    return text, [m.start() for m in re.finditer(r"\b\w", text)], [m.end() for m in re.finditer(r"\w\b", text)]


def random_span(rng: random.Random, text: str, starts: list[int], ends: list[int], longest: int = 400) -> tuple[int, int]:
    """A span of whole words on one line, of about 10 to `longest` characters."""
    while True:
        start = rng.choice(starts[:-1])
        end = ends[min(bisect.bisect_left(ends, start + rng.randint(10, longest)), len(ends) - 1)]
        if end > start and "\n" not in text[start:end]:
            return start, end


def generate(out: Path, rows: int, *, broken: bool = False, seed: int = 1, per_kind: int = 10,
             source: Path = ROOT / "build", variety: str = "unique") -> dict:
    """Write a package of `rows` quotes to `out`; return {"rows": {...}, "seeded": [...]}.

    variety "unique": every generated quote is a different span of its article, with its own
    offsets, speaker wording and note (as in a real corpus); "repeat": the real quotes repeated."""
    rng = random.Random(seed)
    descriptor = json.loads((source / "datapackage.json").read_text("utf-8"))
    resources = [r for r in descriptor["resources"] if "schema" in r]
    fields = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in resources}
    tables = {r["name"]: read_csv(source / r["path"]) for r in resources}
    if out.exists():
        shutil.rmtree(out)
    (out / "texts").mkdir(parents=True)
    for path in (source / "texts").glob("*.txt"):
        shutil.copy(path, out / "texts" / path.name)

    real_articles = tables["articles"]
    templates = {a["article_id"]: [q for q in tables["quotes"] if q["article_id"] == a["article_id"] and q["kind"] != "nested"]
                 for a in real_articles}
    n_quotes = max(rows - len(tables["quotes"]), 0)
    n_articles = max(1, -(-n_quotes // QUOTES_PER_ARTICLE))
    n_people = max(1, n_quotes // ROWS_PER_PERSON)

    articles = []
    for j in range(n_articles):
        model = real_articles[j % len(real_articles)]
        article_id = f"generated-{j:06d}"
        shutil.copy(source / model["text_path"], out / "texts" / f"{article_id}.txt")
        articles.append(dict(model, article_id=article_id, text_path=f"texts/{article_id}.txt", date_note="Generated for a benchmark."))
    people = []
    for k in range(n_people):
        model = tables["people"][k % len(tables["people"])]
        people.append(dict(model, person_id=f"person-{k:06d}"))
    words = {a["article_id"]: word_bounds((source / a["text_path"]).read_bytes().decode("utf-8")) for a in real_articles}
    quotes = []
    for i in range(n_quotes):
        j = i // QUOTES_PER_ARTICLE
        model_article = real_articles[j % len(real_articles)]["article_id"]
        choices = templates[model_article]
        model = choices[i % len(choices)]
        quote = dict(model, quote_id=f"quote-{i:07d}", article_id=f"generated-{j:06d}",
                     speaker_person_id=f"person-{i % n_people:06d}", parent_quote_id="")
        if variety == "unique":
            text, starts, ends = words[model_article]
            start, end = random_span(rng, text, starts, ends)
            quote.update(text=text[start:end], char_start=str(start), char_end=str(end),
                         speaker_as_written=f"{people[i % n_people]['name']} said",
                         note=f"Generated note {i}: checked against the article." if i % 3 == 0 else "")
        quotes.append(quote)
    tables["articles"] += articles
    tables["people"] += people
    tables["quotes"] += quotes

    seeded = []
    if broken:
        generated = {"quotes": range(len(tables["quotes"]) - n_quotes, len(tables["quotes"])),
                     "articles": range(len(tables["articles"]) - n_articles, len(tables["articles"]))}
        taken = {name: set() for name in generated}
        for kind, (resource, field, breaker, codes, frictionless) in KINDS.items():
            pool = generated[resource]
            count = min(per_kind, max(1, len(pool) // (4 * len(KINDS))))
            for _ in range(count):
                index = rng.choice(pool)
                while index in taken[resource]:
                    index = rng.choice(pool)
                taken[resource].add(index)
                row = tables[resource][index]
                if breaker is None:  # a duplicate key: take another row's id
                    other = rng.choice(pool)
                    while other == index or other in taken[resource]:
                        other = rng.choice(pool)
                    taken[resource].add(other)
                    row[field] = tables[resource][other][field]
                else:
                    breaker(row)
                seeded.append({"kind": kind, "resource": resource, "row": index + 2, "field": field,
                               "value": row[field], "codes": codes, "frictionless": frictionless})

    for resource in resources:
        resource.pop("hash", None)
        resource.pop("bytes", None)
        write_csv(out / resource["path"], tables[resource["name"]], fields[resource["name"]])
    descriptor["resources"] = resources  # text files are read through articles.text_path
    descriptor["name"] = f"{descriptor['name']}-{rows}-{'broken' if broken else 'valid'}"
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", "utf-8")
    (out / "seeded.json").write_text(json.dumps(seeded, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return {"rows": {name: len(t) for name, t in tables.items()}, "seeded": seeded}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=100_000, help="rows in the quotes table")
    parser.add_argument("--broken", action="store_true", help="seed errors (listed in OUT/seeded.json)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--variety", choices=VARIETIES, default="unique",
                        help="unique: every quote different (default); repeat: the real quotes repeated")
    args = parser.parse_args()
    result = generate(args.out, args.rows, broken=args.broken, seed=args.seed, variety=args.variety)
    print(json.dumps({"out": str(args.out), "rows": result["rows"], "seeded": len(result["seeded"])}))


if __name__ == "__main__":
    main()
