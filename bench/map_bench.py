"""Server-side cost of the dashboard map: filter, layer payload, base map render, what a run costs.

    python bench/map_bench.py [--rows 10000 100000]

For each size (bench.generate incidents) it prints: the filter time, the time
to encode the incident layer's payload (once per data version and filter,
cached), the time to render the base map (once per data version, cached),
what a script run then costs for the map (the layer's script around the
cached payload), the payload size (total and per incident), the base map
script size, and the basemap files the browser fetches once per basemap
version. It prints figures; it asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Bench, smoke  # noqa: E402
from bench.generate import generate_incidents  # noqa: E402
from dashboard.basemap import BASEMAP_DIR, basemap_version, tile_setting  # noqa: E402
from dashboard.data import tables_from_frames  # noqa: E402
from dashboard.filters import IncidentFilter, filter_incidents  # noqa: E402
from dashboard.map_component import layer_script, render_parts  # noqa: E402
from dashboard.map_layer import build_base_map, encode_layer, payload_json  # noqa: E402


def timed(action):
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - start, time.process_time() - cpu


def measure(rows: int) -> dict[str, float | int]:
    tables = tables_from_frames(*generate_incidents(rows))
    everything, filter_s, _ = timed(lambda: filter_incidents(tables.incidents, IncidentFilter(text="kabul"),
                                                             search=tables.search))
    literal, encode_s, encode_cpu = timed(lambda: json.dumps(payload_json(
        encode_layer(tables.incidents, tables.claims, tables.articles))))
    parts, base_s, base_cpu = timed(lambda: render_parts(build_base_map(tables.incidents, tile_setting({}),
                                                                        basemap_version=basemap_version())))
    _, run_s, run_cpu = timed(lambda: layer_script(literal, payload_json({"selected": None})))
    return {
        "rows": rows, "filter_s": round(filter_s, 3), "filtered_rows": len(everything),
        "encode_s": round(encode_s, 3), "encode_cpu_s": round(encode_cpu, 3),
        "base_map_render_s": round(base_s, 3), "base_map_cpu_s": round(base_cpu, 3),
        "per_run_layer_s": round(run_s, 4), "per_run_layer_cpu_s": round(run_cpu, 4),
        "payload_mb": round(len(literal.encode()) / 1e6, 2),
        "bytes_per_incident": round(len(literal.encode()) / rows),
        "base_map_script_kb": round(len(parts.script.encode()) / 1e3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200] if smoke() else [10_000, 100_000])
    args = parser.parse_args()
    bench = Bench("map")
    world = (BASEMAP_DIR / "world.json").stat().st_size
    tiles = sorted(p.stat().st_size for p in (BASEMAP_DIR / "tiles").glob("*.json"))
    bench.figure("basemap files, fetched once per basemap version",
                 f"world.json {world / 1e3:.0f} KB; {len(tiles)} tiles, "
                 f"median {tiles[len(tiles) // 2] / 1e3:.0f} KB, largest {tiles[-1] / 1e3:.0f} KB")
    for rows in args.rows:
        with bench.timer() as t:
            m = measure(rows)
        print("  ".join(f"{k}={v}" for k, v in m.items()), flush=True)
        bench.figure(f"map layer, {rows:,} incidents, server side (with generating them)",
                     f"encode {m['encode_s']:.2f} s and base map {m['base_map_render_s']:.2f} s, once per "
                     f"data version; then {m['per_run_layer_s'] * 1000:.1f} ms a run; "
                     f"payload {m['payload_mb']} MB", t)


if __name__ == "__main__":
    main()
