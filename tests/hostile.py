"""Run a command the way an attacker's input would meet it: in its own process, under a memory
ceiling and a time limit, with its peak memory measured. A correctness bound, not a benchmark: a
hostile case that comes back as a blow-up fails its test instead of hanging the suite.

A fresh interpreter spends about a second importing pandas, pyarrow and frictionless before it reads
a byte, and the hostile suites run the CLI about a hundred times. So each case is forked from a
server process that imported the CLI's modules once (the standard library's multiprocessing
forkserver): it is still a process of its own, with its own address-space ceiling, session, working
folder, environment, argv and output files, killed past its time, and its exit code is the one
`python -c "from strikedata.cli import main; main()" ARGS` would have.

A forked child's peak resident memory is not a fresh interpreter's (it starts from the server's
pages, and reads lower by tens to a hundred MB), so a case that bounds memory asks for a fresh
interpreter (`fresh=True`), as does every case when HOSTILE_FRESH=1 (CI runs the scale cases so).
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

MEMORY_CEILING = 3 << 30  # bytes of address space: a guard against a run-away; tests assert peak_mb (resident) < 1 GB
SECONDS = 30.0
CLI = [sys.executable, "-c", "from strikedata.cli import main; main()"]
FRESH = os.environ.get("HOSTILE_FRESH") == "1"
# What the commands import on their own (lazily, inside each command): imported once in the server.
PRELOAD = ["strikedata.cli", "strikedata.validate", "strikedata.build", "strikedata.diff", "strikedata.exports",
           "strikedata.release", "strikedata.extract", "strikedata.extract.files", "frictionless"]


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


def run_bounded(args: list[str], cwd: Path, *, seconds: float = SECONDS, env: dict | None = None,
                fresh: bool = False) -> Bounded:
    """`strikedata ARGS` in `cwd`, killed past `seconds`, refused memory past MEMORY_CEILING; in a
    fresh interpreter when `fresh` (or HOSTILE_FRESH=1), forked from the preloaded server otherwise.

    Fails the calling test (AssertionError) when the time runs out; returns the exit code, the
    output, the wall time and the peak resident memory (of this one process) otherwise."""
    if not (fresh or FRESH):
        return _run_forked(args, cwd, seconds, {**os.environ, **(env or {})})
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


def _server() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # read when the server starts: at the first case of this process
    return context


def _run_forked(args: list[str], cwd: Path, seconds: float, env: dict) -> Bounded:
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        out, err, peak = (os.path.join(folder, name) for name in ("stdout", "stderr", "peak"))
        for path in (out, err):
            Path(path).touch()  # read back even when the child ends before it opens them
        process = _server().Process(target=_cli_in_child, args=(list(args), str(cwd), env, out, err, peak))
        process.start()
        process.join(seconds)
        if process.exitcode is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the child leads its own session, as with setsid above
            except ProcessLookupError:
                process.kill()
            process.join()
            raise AssertionError(f"strikedata {' '.join(args)} ran past {seconds} s")
        elapsed = time.monotonic() - started
        stdout, stderr = Path(out).read_bytes(), Path(err).read_bytes()
        # No report when the child was killed (by the kernel, say): a peak no bound accepts.
        peak_mb = float(Path(peak).read_text()) if os.path.exists(peak) else math.nan
    return Bounded(process.exitcode, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"), elapsed, peak_mb)


def _cli_in_child(args: list[str], cwd: str, env: dict, out: str, err: str, peak: str) -> None:
    """In the forked child: what `python -c "from strikedata.cli import main; main()" ARGS` would do."""
    _limits()
    for fd, path, flags in ((0, os.devnull, os.O_RDONLY), (1, out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                            (2, err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
        opened = os.open(path, flags, 0o600)
        os.dup2(opened, fd)
        os.close(opened)
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["-c", *args]
    code = 1
    try:
        from strikedata.cli import main

        main()
        code = 0
    except SystemExit as stop:  # as the interpreter ends: None is 0, a number is itself, anything else is printed, 1
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
    except BaseException:  # noqa: BLE001 - an escaped exception ends a real run with a traceback and 1
        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        with open(peak, "w") as handle:
            handle.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    os._exit(code)


def assert_refused(result: Bounded, *codes: str, exit_codes: tuple[int, ...] = (1, 2)) -> None:
    """Exit 1 or 2, no traceback, and each of `codes` named in the output."""
    assert result.returncode in exit_codes, (result.returncode, result.output[-2000:])
    assert "Traceback" not in result.output, result.output[-2000:]
    for code in codes:
        assert code in result.output, (code, result.output[-2000:])
