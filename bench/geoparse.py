"""Geoparsing benchmark: find_places over GeoWebNews and TR-News, scored by their score.py.

    python bench/geoparse.py [--eval-dir ../shared/eval/geoparse] [--out bench/out]

Prints the scorer's table (P/R/F1 exact and overlap, acc@161...) for each corpus.
The corpora are read where they are, never copied into the repo.
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

from geo.__main__ import toponyms  # noqa: E402
from geo.recognizer import find_places  # noqa: E402

CORPORA = {"gwn": ["--gold-has", "geonameid", "--use-ignore"], "trnews": ["--use-ignore"]}


def predict(corpus: Path, out: Path) -> tuple[int, float]:
    """Write the prediction JSONL; return (characters, seconds)."""
    chars, elapsed = 0, 0.0
    with open(corpus, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            doc = json.loads(line)
            t = time.perf_counter()
            mentions = find_places(doc["text"])
            elapsed += time.perf_counter() - t
            chars += len(doc["text"])
            w.write(json.dumps({"id": doc["id"], "toponyms": toponyms(mentions)}) + "\n")
    return chars, elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "geoparse")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    find_places("warm up the gazetteer in Baghdad")
    for name, flags in CORPORA.items():
        gold = args.eval_dir / f"{name}.jsonl"
        pred = args.out / f"{name}-pred.jsonl"
        chars, secs = predict(gold, pred)
        speed = chars / 1000 / secs
        print(f"== {name}: {chars / 1000:.0f} KB in {secs:.2f} s ({speed:.0f} KB/s)", flush=True)
        cmd = [sys.executable, str(args.eval_dir / "score.py"), str(gold), str(pred), *flags]
        subprocess.run(cmd + (["--json"] if args.json else []), check=True)


if __name__ == "__main__":
    main()
