"""Benchmark `strikedata validate` against `frictionless validate`, both as whole processes, in one run.

For each size it generates a valid package and one with seeded errors (generate.py, in a process of
its own), runs the two tools `--repeat` times taking turns, and prints the median wall time, CPU
time, rows per second, peak memory (max RSS of the process), the ratio, and how many of the seeded
errors each tool reported (matched by resource, row, field and kind of error, see generate.KINDS and
FOREIGN_KINDS; an error of a whole row, as a duplicate primary key, matches without a field), and
whether the two tools' verdicts (valid or not) agree with each other and with how it was generated.

    python scripts/benchmarks/bench.py [--sizes 10000 100000 1000000] [--repeat 3] [--work DIR] [--variety unique|repeat|foreign]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import VARIETIES  # noqa: E402

BIN = Path(sys.executable).parent


def run(command: list[str]) -> tuple[float, float, int, bytes]:
    """(wall seconds, CPU seconds, peak RSS in MB, stdout) of one whole process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = process.stdout.read()
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = 0
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, output


def ours(descriptor: Path) -> list[str]:
    return [str(BIN / "strikedata"), "validate", str(descriptor), "--format", "json", "--max-per-check", "0"]


def theirs(descriptor: Path) -> list[str]:
    return [str(BIN / "frictionless"), "validate", "--json", str(descriptor)]


def matches(seeded: dict, resource: str, row: int, field: str | None, code: str, codes: str) -> bool:
    """A reported error is a seeded one: same resource, row and kind of error, and the same field, or
    none (an error of the whole row, as a duplicate primary key is)."""
    return (resource, row, code) in {(seeded["resource"], seeded["row"], c) for c in seeded[codes]} and field in (seeded["field"], None)


def missed(reported: set[tuple], seeded: list[dict], codes: str) -> list[dict]:
    """The seeded errors no reported (resource, row, field, code) matches."""
    rows = {(s["resource"], s["row"]) for s in seeded}
    near = [r for r in reported if (r[0], r[1]) in rows]
    return [s for s in seeded if not any(matches(s, *r, codes) for r in near)]


def ours_reported(output: bytes) -> set[tuple]:
    return {(e["resource"], e["row"], e["field"], e["code"]) for e in json.loads(output)["errors"]}


def theirs_reported(output: bytes) -> set[tuple]:
    report = json.loads(output)
    got = set()
    for task in report.get("tasks", []):
        name = task.get("name") or task.get("resource", {}).get("name")
        for error in task.get("errors", []):
            got.add((name, error.get("rowNumber"), error.get("fieldName"), error.get("type")))
    return got


def found_by_us(output: bytes, seeded: list[dict]) -> int:
    return len(seeded) - len(missed(ours_reported(output), seeded, "codes"))


def found_by_them(output: bytes, seeded: list[dict]) -> int:
    return len(seeded) - len(missed(theirs_reported(output), seeded, "frictionless"))


def verdict(output: bytes) -> bool:
    """Valid or not, as either tool's JSON report says (both have a top-level "valid")."""
    return json.loads(output)["valid"]


def measure(commands: list[list[str]], repeat: int) -> list[dict]:
    """Each command `repeat` times, taking turns (so a machine that speeds up or slows down during
    the run weighs on every command alike): median wall and CPU time, highest peak memory."""
    runs = [[] for _ in commands]
    for _ in range(repeat):
        for command, results in zip(commands, runs, strict=True):
            results.append(run(command))
    return [{"wall": statistics.median(r[0] for r in results), "cpu": statistics.median(r[1] for r in results),
             "rss": max(r[2] for r in results), "output": results[-1][3]} for results in runs]


def generated(folder: Path, size: int, broken: bool, variety: str) -> tuple[int, list[dict]]:
    """Generate a package in a process of its own: Linux counts a child's peak memory from the
    moment it is forked, so this process must stay small for the figures to be the tools' own."""
    command = [sys.executable, str(Path(__file__).with_name("generate.py")), str(folder), "--rows", str(size),
               "--variety", variety] + (["--broken"] if broken else [])
    made = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    return sum(made["rows"].values()), json.loads((folder / "seeded.json").read_text("utf-8"))


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/strikedata-bench"))
    parser.add_argument("--variety", choices=VARIETIES, default="unique",
                        help="unique: this dataset, ids, speakers, notes and order varying (default); repeat: the real quotes "
                             "repeated; foreign: a package of another dataset (see generate.py)")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    print(f"generated quotes: {args.variety}")
    print(f"median of {args.repeat} runs, the two tools taking turns; time = wall clock of the whole process (start-up included), "
          "cpu = user+system, peak = the process's maximum resident memory")
    print(f"{'rows':>9} {'package':<7} {'tool':<12} {'wall s':>7} {'cpu s':>7} {'rows/s':>10} {'peak MB':>8} {'ratio':>6} {'seeded found':>13}")
    seed = Path(__file__).resolve().parents[2] / "build" / "datapackage.json"
    us, them = measure([ours(seed), theirs(seed)], args.repeat)
    for tool, result in (("strikedata", us), ("frictionless", them)):
        print(f"{'seed':>9} {'build/':<7} {tool:<12} {result['wall']:>7.2f} {result['cpu']:>7.2f} {'':>10} {result['rss']:>8} "
              f"{them['wall'] / us['wall'] if tool == 'strikedata' else 1:>5.1f}x", flush=True)
    for size in args.sizes:
        for broken in (False, True):
            folder = args.work / f"{size}-{'broken' if broken else 'valid'}"
            rows, seeded = generated(folder, size, broken, args.variety)
            descriptor = folder / "datapackage.json"
            us, them = measure([ours(descriptor), theirs(descriptor)], args.repeat)
            ratio = them["wall"] / us["wall"]
            for tool, result, found in (("strikedata", us, found_by_us(us["output"], seeded)),
                                        ("frictionless", them, found_by_them(them["output"], seeded))):
                seen = f"{found}/{len(seeded)}" if seeded else "-"
                print(f"{size:>9} {'broken' if broken else 'valid':<7} {tool:<12} {result['wall']:>7.2f} {result['cpu']:>7.2f} "
                      f"{rows / result['wall']:>10,.0f} {result['rss']:>8} {ratio if tool == 'strikedata' else 1:>5.1f}x {seen:>13}",
                      flush=True)
            verdicts = {"strikedata": verdict(us["output"]), "frictionless": verdict(them["output"])}
            said = ", ".join(f"{tool} {'valid' if valid else 'invalid'}" for tool, valid in verdicts.items())
            agree = "agree" if len(set(verdicts.values())) == 1 and verdicts["strikedata"] == (not broken) else "DISAGREE"
            print(f"{'':>9} verdicts: {said} ({agree})", flush=True)
            if seeded:
                kinds = sorted({s["kind"] for s in seeded})
                lost = sorted({s["kind"] for s in missed(ours_reported(us["output"]), seeded, "codes")})
                print(f"{'':>9} seeded: {len(seeded)} errors of {len(kinds)} kinds; strikedata missed: {lost or 'none'}", flush=True)


if __name__ == "__main__":
    main()
