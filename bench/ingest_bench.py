"""Ingest throughput end to end into SQLite, on real news text.

Reads the GeoWebNews and TR-News documents of ../shared/eval/geoparse (in
place, not copied) as articles, plus the bundled sample articles, and ingests
them into a fresh SQLite file: read -> extract (geo included) -> cluster ->
store. Without ../shared only the bundled articles are measured, and it says
so. Goal: >= 100 articles per CPU-second on one core (the reader's start-up, timed and
shown apart like the gazetteer load, not counted).

    python bench/ingest_bench.py [--memory]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import Bench, shared, smoke  # noqa: E402
from incidents.ingest import article_from_text, read_paths  # noqa: E402
from incidents.store import Store  # noqa: E402

CORPORA = ("eval/geoparse/gwn.jsonl", "eval/geoparse/trnews.jsonl")


def corpus(bench: Bench) -> list:
    articles = []
    for name in CORPORA:
        path = shared(name)
        if path is None:
            bench.skip(f"ingest of ../shared/{name}", "not in this clone: the bundled articles only")
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for line in lines[:3] if smoke() else lines:
            doc = json.loads(line)
            articles.append(article_from_text(doc["text"], name=doc["id"]))
    articles += [a for _, a in read_paths([ROOT / "data" / "articles"]) if not isinstance(a, Exception)]
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--memory", action="store_true", help="also trace Python allocations (slower)")
    args = ap.parse_args()
    bench = Bench("ingest")
    articles = corpus(bench)
    chars = sum(len(a.text) for a in articles)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db")
        import geo

        with bench.timer() as warm:
            geo.load_gazetteer()
        bench.figure("gazetteer load before the ingest (not counted below)", f"{warm.wall:.2f} s", warm)
        with bench.timer() as start:
            from incidents.pipeline import warm_up

            warm_up()
        bench.figure(
            "reader start-up before the ingest (not counted below): its modules and their patterns, "
            "the name lists, the country shapes",
            f"{start.wall:.2f} s",
            start,
        )
        if args.memory:
            tracemalloc.start()
        with bench.timer() as t:
            results = store.ingest(articles)
        peak_py = tracemalloc.get_traced_memory()[1] if args.memory else None
        incidents = len(store.incidents_frame())
    errors = sum(1 for r in results if r.error)
    what = f"ingest end to end into SQLite, {len(articles)} articles ({chars / 1e6:.2f} M chars)"
    bench.figure(
        what,
        f"{len(articles) / t.wall:.0f} articles/s, {len(articles) / t.cpu:.0f} per CPU-second "
        f"({incidents} incidents, {errors} errors); with the reader's start-up "
        f"{len(articles) / (t.cpu + start.cpu):.0f} per CPU-second",
        t,
        goal=">= 100 articles per CPU-second",
    )
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    traced = f", {peak_py / 1e6:.1f} MB traced Python allocations" if peak_py is not None else ""
    bench.figure("ingest peak memory", f"{rss_mb:.0f} MB resident (ru_maxrss){traced}")


if __name__ == "__main__":
    main()
