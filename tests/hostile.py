"""Run a command the way an attacker's input would meet it: in its own process, under a memory
ceiling and a time limit, with its peak memory measured. A correctness bound, not a benchmark: a
hostile case that comes back as a blow-up fails its test instead of hanging the suite.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MEMORY_CEILING = 3 << 30  # bytes of address space: a guard against a run-away; tests assert peak_mb (resident) < 1 GB
SECONDS = 30.0
CLI = [sys.executable, "-c", "from strikedata.cli import main; main()"]


@dataclass
class Bounded:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))
    os.setsid()


def run_bounded(args: list[str], cwd: Path, *, seconds: float = SECONDS, env: dict | None = None) -> Bounded:
    """`strikedata ARGS` in `cwd`, killed past `seconds`, refused memory past MEMORY_CEILING.

    Fails the calling test (AssertionError) when the time runs out; returns the exit code, the
    output, the wall time and the peak resident memory (of this one process, from wait4) otherwise."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(CLI + args, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                   preexec_fn=_limits, env={**os.environ, **(env or {})})
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > seconds:
                os.killpg(process.pid, signal.SIGKILL)
                os.wait4(process.pid, 0)
                process.returncode = -9
                raise AssertionError(f"strikedata {' '.join(args)} ran past {seconds} s")
            time.sleep(0.02)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    return Bounded(process.returncode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"),
                   time.monotonic() - started, usage.ru_maxrss / 1024)


def assert_refused(result: Bounded, *codes: str, exit_codes: tuple[int, ...] = (1, 2)) -> None:
    """Exit 1 or 2, no traceback, and each of `codes` named in the output."""
    assert result.returncode in exit_codes, (result.returncode, result.output[-2000:])
    assert "Traceback" not in result.output, result.output[-2000:]
    for code in codes:
        assert code in result.output, (code, result.output[-2000:])
