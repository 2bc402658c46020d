"""The reader on real news: ingest ../shared/realnews into a fresh database, export, score.

The development set of real articles (read in place, never copied) is
ingested into a fresh SQLite file, exported in SCHEMA.md's layout and scored
by ../shared/acceptance/score.py. Prints the scorer's lines (or only its
summary with --summary) and the ingest's CPU-seconds next to wall time.
Without ../shared it says what it skips and exits 0.

    python bench/realnews_score.py [--summary] [--keep DIR] [--gold PATH --articles DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
REALNEWS = SHARED / "realnews"
SCORER = SHARED / "acceptance" / "score.py"


def run(articles_dir: Path, gold: Path, out: Path) -> tuple[str, float, float, int]:
    """(scorer output, wall s, CPU s, articles) for one fresh ingest of articles_dir."""
    from incidents.export import write_csv
    from incidents.ingest import read_paths
    from incidents.store import Store

    store = Store(f"sqlite:///{out}/realnews.db")
    from bench.common import smoke

    articles = [a for _, a in read_paths([articles_dir]) if not isinstance(a, Exception)]
    articles = articles[:3] if smoke() else articles
    import geo

    geo.load_gazetteer()  # the index load is not the reader's cost
    t0, c0 = time.perf_counter(), time.process_time()
    store.ingest(articles)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    write_csv(store.incidents_frame(), store.claims_frame(), out)
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(out)], capture_output=True, text=True, check=False
    )
    return scored.stdout + scored.stderr, wall, cpu, len(articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--summary", action="store_true", help="print only the scorer's summary line")
    ap.add_argument("--keep", type=Path, help="write the database and export here instead of a temp folder")
    ap.add_argument("--gold", type=Path, default=REALNEWS / "gold.json")
    ap.add_argument("--articles", type=Path, default=REALNEWS / "articles")
    args = ap.parse_args()
    from bench.common import Bench, Timing

    bench = Bench("realnews")
    missing = [p for p in (args.gold, args.articles, SCORER) if not p.exists()]
    if missing:
        bench.skip("the reader on real news", f"{', '.join(str(p) for p in missing)} not found "
                   "(the shared real-news set is absent)")
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "realnews.db").unlink(missing_ok=True)
        result = run(args.articles, args.gold, args.keep)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            result = run(args.articles, args.gold, Path(tmp))
    text, wall, cpu, n = result
    lines = text.strip().splitlines()
    print("\n".join(lines[-1:] if args.summary else lines))
    rate = n / max(cpu, 1e-9)
    print(f"ingest: {n} articles, {wall:.2f} s wall, {cpu:.2f} s CPU ({rate:.0f} per CPU-second)")
    bench.figure(f"the reader on {n} real articles, scored", lines[-1] if lines else "no score",
                 Timing(wall, cpu))


if __name__ == "__main__":
    main()
