"""Speed of geo/: cached index load, resolve() warm, find_places() throughput (figures, not tests).

    python bench/geo_speed.py [--corpus ../shared/eval/geoparse/gwn.jsonl]
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

PHRASES = ["Erbil", "Arbil", "Baghdad", "Deir al-Zour", "Al-Qaim", "Mosul", "Anbar province", "Syria", "Iraq",
           "Baghdad airport", "near Erbil", "north of Baghdad", "30 km south of Mosul", "eastern Syria",
           "the Iraq-Syria border region", "Ain al-Asad air base", "Kabul", "London", "Paris", "Springfield",
           "Aleppo", "Idlib", "Kirkuk", "Basra", "Damascus", "Tehran", "Beirut", "Gaza Strip", "Donbas",
           "Jordan"]
LOAD = ("import time; t = time.perf_counter(); from geo.gazetteer import load_gazetteer; load_gazetteer(); "
        "print(time.perf_counter() - t)")


def load_seconds() -> float:
    """Index load in a fresh interpreter (the cache exists: built by a warm-up run first)."""
    subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, check=True, capture_output=True)
    runs = [float(subprocess.run([sys.executable, "-c", LOAD], cwd=ROOT, check=True, capture_output=True,
                                 text=True).stdout) for _ in range(3)]
    return min(runs)


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


def find_rate(corpus: Path) -> float:
    from geo.recognizer import find_places

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    find_places(texts[0])
    t0 = time.perf_counter()
    for text in texts:
        find_places(text)
    return sum(len(t) for t in texts) / 1000 / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "eval" / "geoparse" / "gwn.jsonl")
    args = ap.parse_args()
    print(f"cached index load: {load_seconds():.2f} s (goal <= 1 s)")
    print(f"resolve, warm: {resolve_rate():,.0f} phrases/s (goal >= 20,000)")
    print(f"find_places: {find_rate(args.corpus):,.0f} KB/s on one core (goal >= 500)")


if __name__ == "__main__":
    main()
