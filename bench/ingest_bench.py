"""Ingest throughput end to end into SQLite, on real news text.

Reads the GeoWebNews and TR-News documents of ../shared/eval/geoparse (in
place, not copied) as articles, plus the seed articles, and ingests them
into a fresh SQLite file: read -> extract (geo included) -> cluster -> store.
Prints articles/s and peak memory. Goal: >= 50 articles/s on one core.

    python bench/ingest_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from incidents.ingest import article_from_text, read_paths  # noqa: E402
from incidents.store import Store  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "geoparse"


def corpus() -> list:
    articles = []
    for name in ("gwn.jsonl", "trnews.jsonl"):
        path = EVAL / name
        if not path.is_file():
            print(f"note: {path} not found, skipped", file=sys.stderr)
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            articles.append(article_from_text(doc["text"], name=doc["id"]))
    articles += [a for _, a in read_paths([ROOT / "data" / "articles"]) if not isinstance(a, Exception)]
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--memory", action="store_true", help="also trace Python allocations (slower)")
    args = ap.parse_args()
    articles = corpus()
    chars = sum(len(a.text) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        import geo

        t0 = time.perf_counter()
        geo.load_gazetteer()
        warm = time.perf_counter() - t0
        if args.memory:
            tracemalloc.start()
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        results = store.ingest(articles)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        peak_py = tracemalloc.get_traced_memory()[1] if args.memory else None
        incidents = len(store.incidents_frame())
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    errors = sum(1 for r in results if r.error)
    print(f"articles: {len(articles)} ({chars / 1e6:.2f} M chars), incidents: {incidents}, errors: {errors}")
    print(f"gazetteer load: {warm:.2f} s (not counted)")
    print(
        f"ingest: {wall:.2f} s wall, {cpu:.2f} s CPU -> {len(articles) / wall:.1f} articles/s "
        f"({len(articles) / cpu:.1f} per CPU-second)"
    )
    print(
        f"peak memory: {rss_mb:.0f} MB resident (ru_maxrss)"
        + (f", {peak_py / 1e6:.1f} MB traced Python allocations" if peak_py is not None else "")
    )


if __name__ == "__main__":
    main()
