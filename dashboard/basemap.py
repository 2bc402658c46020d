"""The basemap: a configured tile server, or country outlines that need no network.

INCIDENT_MAP_TILES may hold an OSM or newsroom tile URL template
(`https://tiles.example.org/{z}/{x}/{y}.png`); INCIDENT_MAP_TILES_ATTRIBUTION its
credit line. With no setting no tile server is contacted and the Natural Earth
country outlines (data/geo/countries-50m.geojson, public domain) are the
basemap; with a setting the outlines appear when the tiles fail to load.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

OUTLINES_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries-50m.geojson"
OUTLINES_CACHE = Path(__file__).resolve().parent / "outlines.json"
DEFAULT_ATTRIBUTION = "Map data &copy; OpenStreetMap contributors"


@dataclass(frozen=True)
class TileSetting:
    """A tile URL template and its attribution (None url: outlines only)."""

    url: str | None
    attribution: str


def tile_setting(environ: dict[str, str] | None = None) -> TileSetting:
    """Read the tile server setting from the environment."""
    env = os.environ if environ is None else environ
    url = (env.get("INCIDENT_MAP_TILES") or "").strip() or None
    if url and not url.startswith(("http://", "https://", "/")):
        url = None
    return TileSetting(url, env.get("INCIDENT_MAP_TILES_ATTRIBUTION") or DEFAULT_ATTRIBUTION)


def simplified_outlines(path: Path = OUTLINES_PATH, *, tolerance: float = 0.05,
                        cache: Path | None = OUTLINES_CACHE) -> dict:
    """Country outlines simplified for a basemap (a few hundred KB instead of 1.7 MB).

    Read from `cache` (dashboard/outlines.json, written by `python -m
    dashboard.basemap`) when it was made from this very file with this
    tolerance: simplifying takes ~0.4 s of every server's first page view.
    Returns an empty FeatureCollection when the file is missing, so the map
    still works (points on a blank background).
    """
    if not path.exists():
        return {"type": "FeatureCollection", "features": []}
    if cache is not None and cache.exists():
        try:
            stored = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        if stored.get("key") == outlines_key(path, tolerance):
            return stored["outlines"]
    return _simplify(path, tolerance)


def outlines_key(path: Path = OUTLINES_PATH, tolerance: float = 0.05) -> str:
    """What the cached outlines were made from: the source file's SHA-256 and the tolerance."""
    return f"{hashlib.sha256(path.read_bytes()).hexdigest()}:{tolerance}"


def write_outlines_cache(path: Path = OUTLINES_PATH, cache: Path = OUTLINES_CACHE,
                         tolerance: float = 0.05) -> None:
    """Simplify the outlines once and store them with their key."""
    stored = {"key": outlines_key(path, tolerance), "outlines": _simplify(path, tolerance)}
    cache.write_text(json.dumps(stored, separators=(",", ":")), encoding="utf-8")


def _simplify(path: Path, tolerance: float) -> dict:
    from shapely.geometry import mapping, shape

    raw = json.loads(path.read_text(encoding="utf-8"))
    features = []
    for feature in raw.get("features", []):
        try:
            geom = shape(feature["geometry"]).simplify(tolerance, preserve_topology=True)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if geom.is_empty:
            continue
        features.append({"type": "Feature", "properties": {}, "geometry": _rounded(mapping(geom))})
    return {"type": "FeatureCollection", "features": features}


def _rounded(geometry: dict, digits: int = 2) -> dict:
    """Round every coordinate: 0.01 degree is plenty for a country outline."""
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(float(v), digits) for v in value]
            return [walk(v) for v in value]
        return value

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


if __name__ == "__main__":
    write_outlines_cache()
    print(f"wrote {OUTLINES_CACHE}")
