"""Server-side cost of the dashboard map: filter, layer payload, st_folium strings.

    python bench/map_bench.py [--rows 10000 100000]

For each size (bench.generate incidents) it prints: the filter time, the time
to encode the incident layer's payload, the time streamlit-folium takes to
turn the layer into the script it sends, the payload size (total and per
incident), and the base map's script size. It prints figures; it asserts nothing.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit_folium import _get_feature_group_string, _get_map_string  # noqa: E402

from bench.common import Bench, smoke  # noqa: E402
from bench.generate import generate_incidents  # noqa: E402
from dashboard.basemap import simplified_outlines, tile_setting  # noqa: E402
from dashboard.data import tables_from_frames  # noqa: E402
from dashboard.filters import IncidentFilter, filter_incidents  # noqa: E402
from dashboard.map_layer import IncidentLayer, build_base_map, encode_layer, payload_json  # noqa: E402


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def measure(rows: int, outlines: dict) -> dict[str, float | int]:
    tables = tables_from_frames(*generate_incidents(rows))
    everything, filter_s = timed(lambda: filter_incidents(tables.incidents, IncidentFilter(text="kabul"),
                                                          search=tables.search))
    payload, encode_s = timed(lambda: payload_json(encode_layer(tables.incidents, tables.claims)))
    base = build_base_map(tables.incidents, outlines, tile_setting({}))
    base.render()
    map_script, base_s = timed(lambda: _get_map_string(base))
    _, folium_s = timed(lambda: _get_feature_group_string(IncidentLayer(payload), base))
    return {
        "rows": rows, "filter_s": round(filter_s, 3), "filtered_rows": len(everything),
        "encode_s": round(encode_s, 3), "st_folium_layer_s": round(folium_s, 3),
        "build_layer_total_s": round(encode_s + folium_s, 3),
        "payload_mb": round(len(payload.encode()) / 1e6, 2),
        "bytes_per_incident": round(len(payload.encode()) / rows),
        "base_map_script_kb": round(len(map_script.encode()) / 1e3), "base_map_s": round(base_s, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200] if smoke() else [10_000, 100_000])
    args = parser.parse_args()
    bench = Bench("map")
    outlines = simplified_outlines()
    for rows in args.rows:
        with bench.timer() as t:
            m = measure(rows, outlines)
        print("  ".join(f"{k}={v}" for k, v in m.items()), flush=True)
        bench.figure(f"map layer, {rows:,} incidents, server side (with generating them)",
                     f"build {m['build_layer_total_s']:.2f} s; payload {m['payload_mb']} MB", t)


if __name__ == "__main__":
    main()
