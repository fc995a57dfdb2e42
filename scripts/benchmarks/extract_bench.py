"""Time `strikedata extract` on a long article: the pages of the project's corpora, one after another, up to
`--bytes` (2 MB unless told; at most the size limit of a raw article, 5 MB). Prints its size, the best and
median of `--repeat` runs, what the draft proposed, and the peak memory of the process.

    python scripts/benchmarks/extract_bench.py [--corpora seeds|plain|tuning] [--bytes 2000000] [--repeat 3]

`seeds`: the five seed articles; `plain`: those and the `unseen` and `fresh` corpora; `tuning`: every page of
the tuning corpora under tests/fixtures (the held-out ones left out, as README "How well it does" lists them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import time
from pathlib import Path

from strikedata.extract import Registry, extract_article
from strikedata.extract.draft import MAX_ARTICLE_BYTES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
# The corpora nobody tuning the assistant reads: left out of the tuning pages.
HELD_OUT = {f"blind-{name}" for name in ["b", "d", "k", "n", "r", "w", "ab", "ak", "an", "ar", "aw", "ax", "ba", "be"]}


def pages(corpora: str) -> list[Path]:
    seeds = sorted((ROOT / "seeds" / "raw").glob("*.txt"))
    if corpora == "seeds":
        return seeds
    if corpora == "plain":
        return seeds + sorted(FIXTURES.glob("unseen/raw/*.txt")) + sorted(FIXTURES.glob("fresh/raw/*.txt"))
    return sorted(p for p in FIXTURES.glob("blind-*/raw/*.txt") if p.parts[-3] not in HELD_OUT)


def article(paths: list[Path], size: int) -> bytes:
    """The pages' texts (their date headers left out) one after another, repeated up to `size` bytes."""
    bodies = [p.read_text("utf-8").split("\n", 1)[-1] for p in paths]
    text = ""
    while len(text.encode()) < size:
        text += "\n\n".join(bodies) + "\n\n"
    return text.encode()[:size].decode("utf-8", "ignore").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", choices=("seeds", "plain", "tuning"), default="tuning")
    parser.add_argument("--bytes", type=int, default=2_000_000, help=f"the article's size (at most {MAX_ARTICLE_BYTES:,})")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    raw = article(pages(args.corpora), min(args.bytes, MAX_ARTICLE_BYTES))
    empty = Registry({}, {}, {}, {})
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        draft = extract_article(raw, "seeds/raw/bench.txt", empty, published=dt.date(2026, 3, 6))
        times.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.corpora}: {len(raw):,} bytes; best {min(times):.1f} s, median {statistics.median(times):.1f} s "
          f"of {args.repeat}; {len(draft.quotes)} quotations, {len(draft.event_mentions)} dated mentions, "
          f"{len(draft.figures)} figures; peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
