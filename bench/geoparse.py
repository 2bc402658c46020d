"""Geoparsing benchmark: find_places over GeoWebNews and TR-News, scored by their score.py.

    python bench/geoparse.py [--eval-dir ../shared/eval/geoparse] [--out bench/out] [--table]

Prints, per corpus, the overlap figures README quotes (P, R, F1, acc@161, AUC)
with the wall and CPU time of find_places; --table also prints the scorer's
own table. The corpora are read where they are, never copied into the repo;
without ../shared there is nothing to score and it says so.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import SHARED, Bench, smoke  # noqa: E402
from geo.__main__ import toponyms  # noqa: E402
from geo.recognizer import find_places  # noqa: E402

CORPORA = {"gwn": ["--gold-has", "geonameid", "--use-ignore"], "trnews": ["--use-ignore"]}
NAMES = {"gwn": "GeoWebNews", "trnews": "TR-News"}
GOALS = {"gwn": "F1 >= .75, acc@161 >= .92", "trnews": "F1 >= .80, acc@161 >= .88"}


def predict(corpus: Path, gold_out: Path, out: Path, bench: Bench) -> tuple[int, object]:
    """Write the prediction JSONL (and the gold subset scored); return (characters, timing)."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    lines = lines[:3] if smoke() else lines
    gold_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = [json.loads(line) for line in lines]
    with bench.timer() as t:
        found = [(doc["id"], toponyms(find_places(doc["text"]))) for doc in docs]
    with open(out, "w", encoding="utf-8") as w:
        for doc_id, tops in found:
            w.write(json.dumps({"id": doc_id, "toponyms": tops}) + "\n")
    return sum(len(doc["text"]) for doc in docs), t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--eval-dir", type=Path, default=SHARED / "eval" / "geoparse")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    ap.add_argument("--table", action="store_true", help="also print the scorer's table")
    args = ap.parse_args()
    bench = Bench("geoparse")
    args.out.mkdir(parents=True, exist_ok=True)
    find_places("warm up the gazetteer in Baghdad")
    for name, flags in CORPORA.items():
        gold = args.eval_dir / f"{name}.jsonl"
        what = f"{NAMES[name]}, end to end ({' '.join(flags)}, overlap)"
        if not gold.is_file():
            bench.skip(what, f"{gold} is not in this clone (../shared holds the corpora)")
            continue
        subset, pred = args.out / f"{name}-gold.jsonl", args.out / f"{name}-pred.jsonl"
        chars, t = predict(gold, subset, pred, bench)
        cmd = [sys.executable, str(args.eval_dir / "score.py"), str(subset), str(pred), *flags]
        done = subprocess.run([*cmd, "--json"], check=True, capture_output=True, text=True)
        scored = json.loads(done.stdout)
        m = scored["overlap"]
        bench.figure(
            what,
            f"P {m['precision']:.3f}, R {m['recall']:.3f}, F1 {m['f1']:.3f}, acc@161 {m['acc161']:.3f}, "
            f"AUC {m['auc']:.3f} ({chars / 1000:.0f} KB at {chars / 1000 / t.wall:.0f} KB/s)",
            t,
            goal=GOALS[name],
        )
        if args.table:
            subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
