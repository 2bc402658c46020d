"""Speed of geo/: cached index load, resolve() warm, find_places() throughput (figures, not tests).

    python bench/geo_speed.py [--corpus ../shared/eval/geoparse/gwn.jsonl] [--build]

Without the corpus (a clone with no ../shared) find_places is measured on the
bundled sample articles instead, and the figure says so.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SHARED, Bench, smoke  # noqa: E402

PHRASES = ["Erbil", "Arbil", "Baghdad", "Deir al-Zour", "Al-Qaim", "Mosul", "Anbar province", "Syria", "Iraq",
           "Baghdad airport", "near Erbil", "north of Baghdad", "30 km south of Mosul", "eastern Syria",
           "the Iraq-Syria border region", "Ain al-Asad air base", "Kabul", "London", "Paris", "Springfield",
           "Aleppo", "Idlib", "Kirkuk", "Basra", "Damascus", "Tehran", "Beirut", "Gaza Strip", "Donbas",
           "Jordan"]
LOAD = ("import time; t, c = time.perf_counter(), time.process_time(); "
        "from geo.gazetteer import load_gazetteer; load_gazetteer(); "
        "print(time.perf_counter() - t, time.process_time() - c)")
BUILD = ("import time, tempfile; from pathlib import Path; t, c = time.perf_counter(), time.process_time(); "
         "from geo.gazetteer import load_gazetteer; load_gazetteer(Path(tempfile.mkdtemp())); "
         "print(time.perf_counter() - t, time.process_time() - c)")


def _timed(code: str, runs: int) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of `runs` fresh interpreters running code."""
    out = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True,
                          text=True).stdout.split() for _ in range(runs)]
    return min((float(w), float(c)) for w, c in out)


def load_seconds(runs: int = 3) -> tuple[float, float]:
    """Index load in a fresh interpreter (the cache exists: built by a warm-up run first)."""
    subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, check=True, capture_output=True)
    return _timed(LOAD, runs)


def resolve_rate(seconds: float = 2.0) -> tuple[float, float]:
    """Phrases a second, by wall clock and by CPU time."""
    from geo.resolver import resolve

    for p in PHRASES:
        resolve(p)
    n, t0, c0 = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        for p in PHRASES:
            resolve(p)
        n += len(PHRASES)
    return n / (time.perf_counter() - t0), n / (time.process_time() - c0)


def find_rate(texts: list[str]) -> tuple[float, float]:
    """KB a second over the texts, by wall clock and by CPU time."""
    from geo.recognizer import find_places

    t0, c0 = time.perf_counter(), time.process_time()
    for text in texts:
        find_places(text)
    kb = sum(len(t) for t in texts) / 1000
    return kb / (time.perf_counter() - t0), kb / (time.process_time() - c0)


def texts(corpus: Path, bench: Bench) -> tuple[list[str], str]:
    """The corpus's texts, else the bundled articles (saying so)."""
    if corpus.is_file():
        lines = corpus.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in (lines[:3] if smoke() else lines)], corpus.name
    bench.skip(f"find_places on {corpus.name}", f"{corpus} is not in this clone: bundled articles instead")
    from incidents.ingest import read_paths

    bundled = [a.text for _, a in read_paths([ROOT / "data" / "articles"]) if hasattr(a, "text")]
    return bundled, "data/articles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=SHARED / "eval" / "geoparse" / "gwn.jsonl")
    ap.add_argument("--build", action="store_true", help="also time a cold build (into a temporary folder)")
    args = ap.parse_args()
    bench = Bench("geo_speed")
    with bench.timer() as t:
        wall, cpu = load_seconds(1 if smoke() else 3)
    bench.figure("gazetteer index load from cache (the fastest fresh interpreter)",
                 f"{wall:.2f} s wall, {cpu:.2f} CPU-s", t, goal="<= 1 s")
    if args.build:
        with bench.timer() as t:
            wall, cpu = _timed(BUILD, 1)
        bench.figure("gazetteer cold build", f"{wall:.1f} s wall, {cpu:.1f} CPU-s", t)
    with bench.timer() as t:
        wall, cpu = resolve_rate(0.2 if smoke() else 2.0)
    bench.figure("resolve, warm", f"{wall:,.0f} phrases/s wall, {cpu:,.0f} per CPU-s", t, goal=">= 20,000")
    docs, name = texts(args.corpus, bench)
    # the first pass also pays what geo loads on first need (country shapes, border bands); the second is
    # the steady rate of a running app
    for label in ("first pass", "warm"):
        with bench.timer() as t:
            wall, cpu = find_rate(docs)
        bench.figure(f"find_places on {name}, {label}",
                     f"{wall:,.0f} KB/s wall, {cpu:,.0f} KB per CPU-s on one core", t, goal=">= 500 KB/s")


if __name__ == "__main__":
    main()
