"""What every bench script shares: the machine, the date, wall and CPU time next to each figure.

    from bench.common import Bench
    bench = Bench("ingest")                      # prints the machine and the date
    with bench.timer() as t:
        work()
    bench.figure("ingest into SQLite", f"{n / t.wall:.0f} articles/s", t, goal=">= 50 articles/s")
    bench.skip("GeoWebNews", "../shared/eval/geoparse is not there")

`BENCH_SMOKE=1` asks a script for its smallest inputs (the docs test runs every
script named in README this way: does it still run, not how fast). With
`BENCH_RESULTS=FILE` each figure is also appended to FILE as a JSON line, which
bench/run_all.py turns into README's table.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import sys
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"  # the evaluation corpora and the real development set, never copied here


def smoke() -> bool:
    """Whether to run on tiny inputs (a check that the script runs, not a measurement)."""
    return os.environ.get("BENCH_SMOKE", "") not in ("", "0")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return " ".join(line.split(":", 1)[1].split())
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def machine() -> str:
    """CPU model and cores, e.g. 'Intel(R) Xeon(R) Processor @ 2.80GHz, 2 cores'."""
    return f"{cpu_model()}, {os.cpu_count() or '?'} cores"


def today() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


@dataclass
class Timing:
    """Wall and CPU seconds of one measured stretch (CPU: this process and its finished children)."""

    wall: float = 0.0
    cpu: float = 0.0

    def __str__(self) -> str:
        return f"wall {self.wall:.2f} s, CPU {self.cpu:.2f} s"


def _cpu_now() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


@dataclass
class Figure:
    bench: str
    what: str
    value: str
    wall: float | None
    cpu: float | None
    goal: str
    command: str
    machine: str
    date: str
    skipped: str = ""


class Bench:
    """One bench script's output: a header line, then one line per figure or skipped part."""

    def __init__(self, name: str, command: str | None = None) -> None:
        self.name = name
        self.command = command or " ".join(["python", f"bench/{Path(sys.argv[0]).name}", *sys.argv[1:]])
        self.machine = machine()
        self.date = today()
        mode = " (smoke run: tiny inputs, figures mean nothing)" if smoke() else ""
        python = platform.python_version()
        print(f"# {name} | machine: {self.machine} | date: {self.date} | Python {python}{mode}")
        sys.stdout.flush()

    @contextmanager
    def timer(self):
        t = Timing()
        wall0, cpu0 = time.perf_counter(), _cpu_now()
        try:
            yield t
        finally:
            t.wall, t.cpu = time.perf_counter() - wall0, _cpu_now() - cpu0

    def figure(self, what: str, value: str, timing: Timing | None = None, *, goal: str = "") -> None:
        """Print (and record) one figure with the wall and CPU time it took."""
        took = f" ({timing})" if timing else ""
        aim = f"; goal {goal}" if goal else ""
        print(f"{what}: {value}{took}{aim}")
        self._record(Figure(self.name, what, value, timing and timing.wall, timing and timing.cpu, goal,
                            self.command, self.machine, self.date))

    def skip(self, what: str, reason: str) -> None:
        """Say what is not measured and why (a corpus missing, no browser)."""
        print(f"skipped: {what} ({reason})")
        self._record(
            Figure(self.name, what, "", None, None, "", self.command, self.machine, self.date, reason)
        )

    def _record(self, fig: Figure) -> None:
        sys.stdout.flush()
        path = os.environ.get("BENCH_RESULTS")
        if path:
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(asdict(fig)) + "\n")


def shared(relative: str) -> Path | None:
    """A path under ../shared, or None when this clone has no ../shared (or not that file)."""
    path = SHARED / relative
    return path if path.exists() else None
