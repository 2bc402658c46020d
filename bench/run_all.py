"""Run every bench script and write one table: README's figures are this table.

    python bench/run_all.py                  # every bench, written to bench/RESULTS.md
    python bench/run_all.py --readme         # ... and README's table replaced by it
    python bench/run_all.py --only ingest_bench export_bench
    python bench/run_all.py --smoke          # tiny inputs: does every script still run?

Each script runs in its own interpreter with BENCH_RESULTS set (bench/common.py
appends one JSON line per figure); the table keeps the machine and the date it
came from, the wall and CPU time next to each figure, and says what was skipped
(a corpus not there, no browser) and which script failed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import machine, today  # noqa: E402

HERE = ROOT / "bench"
RESULTS = HERE / "RESULTS.md"
README = ROOT / "README.md"
START, END = "<!-- bench-table:start -->", "<!-- bench-table:end -->"
NOT_BENCHES = {"__init__.py", "common.py", "run_all.py", "generate.py"}
EXTRA_RUNS = {  # scripts run a second time with these arguments (another figure README quotes)
    "sessions_bench.py": [["--arrival", "0.5"]],
}


def scripts() -> list[Path]:
    """Every bench script: a bench/*.py that reports through bench.common."""
    return sorted(
        p for p in HERE.glob("*.py") if p.name not in NOT_BENCHES and "bench.common" in p.read_text("utf-8")
    )


def run(script: Path, *, smoke: bool, timeout: float, args: list[str] = ()) -> tuple[list[dict], str]:
    """(figures, failure message or '') of one script run with these arguments."""
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl", encoding="utf-8") as out:
        env = {**os.environ, "BENCH_RESULTS": out.name, "BENCH_SMOKE": "1" if smoke else ""}
        try:
            done = subprocess.run([sys.executable, str(script), *args], cwd=ROOT, env=env, timeout=timeout,
                                  capture_output=True, text=True)
        except subprocess.TimeoutExpired:
            return _figures(out), f"did not finish within {timeout:.0f} s"
        sys.stdout.write(done.stdout)
        failure = ""
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            failure = f"exit status {done.returncode}: {last}"
        return _figures(out), failure


def _figures(out) -> list[dict]:
    out.seek(0)
    return [json.loads(line) for line in out if line.strip()]


def _seconds(value) -> str:
    return "" if value is None else f"{value:.2f}"


def table(rows: list[dict], failures: dict[str, str], *, smoke: bool) -> str:
    """The markdown table, headed by the machine and the date."""
    load = os.getloadavg()[1]  # the 5-minute load average: how busy the machine was (wall figures suffer)
    head = f"Measured {today()} on {machine()}, load average {load:.1f} (`python bench/run_all.py`)"
    if smoke:
        head += " - a smoke run on tiny inputs: these figures mean nothing"
    lines = [head, "", "| what | command | figure | wall s | CPU s | goal |", "|---|---|---|---|---|---|"]
    for r in rows:
        value = f"skipped: {r['skipped']}" if r.get("skipped") else r["value"]
        cells = [r["what"], f"`{r['command']}`", value, _seconds(r["wall"]), _seconds(r["cpu"]), r["goal"]]
        lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    for name, why in failures.items():
        lines.append(f"| {name} | `python bench/{name}` | FAILED: {why.replace('|', '/')} | | | |")
    return "\n".join(lines) + "\n"


def into_readme(text: str, readme: Path = README) -> None:
    """Replace README's table (between the bench-table markers) by this one."""
    body = readme.read_text(encoding="utf-8")
    if START not in body or END not in body:
        raise SystemExit(f"{readme} has no {START} ... {END} block to replace")
    head, rest = body.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", default=[], help="script names (with or without .py)")
    ap.add_argument("--smoke", action="store_true", help="tiny inputs: check that each script runs")
    ap.add_argument("--readme", action="store_true", help="also replace README's benchmark table")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--timeout", type=float, default=3600.0, help="seconds per script")
    args = ap.parse_args()
    wanted = {n.removesuffix(".py") for n in args.only}
    chosen = [s for s in scripts() if not wanted or s.stem in wanted]
    rows, failures = [], {}
    for script in chosen:
        for extra in [[], *([] if args.smoke else EXTRA_RUNS.get(script.name, []))]:
            label = " ".join([script.name, *extra])
            print(f"== {label}", flush=True)
            figures, failure = run(script, smoke=args.smoke, timeout=args.timeout, args=extra)
            rows += figures
            if failure:
                failures[label] = failure
                print(f"FAILED {label}: {failure}", file=sys.stderr)
    text = table(rows, failures, smoke=args.smoke)
    args.out.write_text(text, encoding="utf-8")
    print(f"\nwrote {args.out}")
    if args.readme:
        if args.smoke:
            raise SystemExit("a smoke run's figures mean nothing: not written into README")
        into_readme(text)
        print(f"replaced the table in {README}")
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
