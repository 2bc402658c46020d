"""Speed of geo/: cached index load, resolve() warm, find_places() throughput (figures, not tests).

    python bench/geo_speed.py [--corpus ../shared/eval/geoparse/gwn.jsonl]

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
LOAD = ("import time; t = time.perf_counter(); from geo.gazetteer import load_gazetteer; load_gazetteer(); "
        "print(time.perf_counter() - t)")


def load_seconds(runs: int = 3) -> float:
    """Index load in a fresh interpreter (the cache exists: built by a warm-up run first)."""
    subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, check=True, capture_output=True)
    times = [float(subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, check=True, capture_output=True,
                                  text=True).stdout) for _ in range(runs)]
    return min(times)


def resolve_rate(seconds: float = 2.0) -> float:
    from geo.resolver import resolve

    for p in PHRASES:
        resolve(p)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        for p in PHRASES:
            resolve(p)
        n += len(PHRASES)
    return n / (time.perf_counter() - t0)


def find_rate(texts: list[str]) -> float:
    from geo.recognizer import find_places

    find_places(texts[0])
    t0 = time.perf_counter()
    for text in texts:
        find_places(text)
    return sum(len(t) for t in texts) / 1000 / (time.perf_counter() - t0)


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
    args = ap.parse_args()
    bench = Bench("geo_speed")
    with bench.timer() as t:
        load = load_seconds(1 if smoke() else 3)
    bench.figure("gazetteer index load from cache (best of fresh interpreters)", f"{load:.2f} s", t,
                 goal="<= 1 s")
    with bench.timer() as t:
        rate = resolve_rate(0.2 if smoke() else 2.0)
    bench.figure("resolve, warm", f"{rate:,.0f} phrases/s", t, goal=">= 20,000")
    docs, name = texts(args.corpus, bench)
    with bench.timer() as t:
        rate = find_rate(docs)
    bench.figure(f"find_places on {name}", f"{rate:,.0f} KB/s on one core", t, goal=">= 500 KB/s")


if __name__ == "__main__":
    main()
