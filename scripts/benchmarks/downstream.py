"""Time what comes after `validate` on a large package: `export` in each format and `diff pkg pkg`.

Each command runs as a whole process, as a user runs it (imports, reading, the export's own
validation, writing), `--repeat` times in turn; the table gives the median wall time, the peak
memory (max RSS) over the runs, and the ratio of the median to validate's. The target is each
command within 2x of validate.

    python scripts/benchmarks/downstream.py [PACKAGE] [--rows 100000] [--repeat 3] [--max-ratio 2]

Without PACKAGE, a valid package of `--rows` quotes is generated (generate.py, in a process of its
own) into a temporary folder. With `--max-ratio`, the exit status is 1 when a command is slower
than that many times validate.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
FORMATS = ("xlsx", "sqlite", "parquet", "json")


def strikedata() -> list[str]:
    """The `strikedata` command of this environment (its console script, else the module)."""
    script = BIN / "strikedata"
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from strikedata.cli import main; main()"]


def run(command: list[str]) -> tuple[float, int, int, bytes]:
    """(wall seconds, peak RSS in MB, exit status, stderr) of one whole process."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        return wall, usage.ru_maxrss // 1024, process.returncode, errors.read()


def commands(package: Path, out: Path) -> dict[str, list[str]]:
    """Each command timed, by the name the table shows (validate first: the others are compared with it)."""
    tool = strikedata()
    named = {"validate": [*tool, "validate", str(package)]}
    for fmt in FORMATS:
        named[f"export {fmt}"] = [*tool, "export", str(package), "--format", fmt, "--out", str(out / fmt)]
    named["diff pkg pkg"] = [*tool, "diff", str(package), str(package)]
    return named


def measure(named: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, int]]:
    """{name: (median wall seconds, peak RSS MB)}; the commands take turns, so a burst of load on the
    machine falls on all of them alike. A command that fails stops the run with its message."""
    walls: dict[str, list[float]] = {name: [] for name in named}
    peaks: dict[str, int] = dict.fromkeys(named, 0)
    for _ in range(repeat):
        for name, command in named.items():
            wall, peak, status, errors = run(command)
            if status != 0:
                sys.exit(f"{name} failed (exit {status}): {errors.decode('utf-8', 'replace').strip()[-2000:]}")
            walls[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    return {name: (statistics.median(walls[name]), peaks[name]) for name in named}


def generated(folder: Path, rows: int) -> Path:
    """A valid package of `rows` quotes, made by generate.py in a process of its own."""
    generator = Path(__file__).resolve().parent / "generate.py"
    result = subprocess.run([sys.executable, str(generator), str(folder), "--rows", str(rows)], capture_output=True, check=False)
    if result.returncode != 0:
        sys.exit(f"generate.py failed; pass a package folder instead:\n{result.stderr.decode('utf-8', 'replace')[-2000:]}")
    return folder


def table(results: dict[str, tuple[float, int]], max_ratio: float) -> tuple[list[str], list[str]]:
    """The printed table, and the names of the commands slower than `max_ratio` times validate."""
    base = results["validate"][0]
    lines = [f"{'command':<16}{'wall s':>9}{'peak RSS MB':>13}{'x validate':>12}"]
    over = []
    for name, (wall, peak) in results.items():
        ratio = wall / base
        lines.append(f"{name:<16}{wall:>9.2f}{peak:>13}{ratio:>12.2f}")
        if ratio > max_ratio:
            over.append(name)
    return lines, over


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("package", nargs="?", type=Path, help="a package folder (default: generate one)")
    parser.add_argument("--rows", type=int, default=100_000, help="quotes in the generated package (default 100000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the median is shown (default 3)")
    parser.add_argument("--max-ratio", type=float, default=None, help="exit 1 when a command takes more than this many times validate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="strikedata-downstream-") as tmp:
        package = args.package if args.package is not None else generated(Path(tmp) / "package", args.rows)
        results = measure(commands(package, Path(tmp) / "exports"), args.repeat)
    target = args.max_ratio if args.max_ratio is not None else 2.0
    lines, over = table(results, target)
    print(f"{package if args.package is not None else f'generated package, {args.rows} quotes'}: "
          f"median of {args.repeat} whole-process runs, peak RSS over them ({os.cpu_count()} CPUs)")
    print("\n".join(lines))
    print(f"target: each within {target:g}x of validate: " + (f"over it: {', '.join(over)}" if over else "all within"))
    if args.max_ratio is not None and over:
        sys.exit(1)


if __name__ == "__main__":
    main()
