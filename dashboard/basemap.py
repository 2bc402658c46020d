"""The basemap: a configured tile server, or country outlines that need no network.

INCIDENT_MAP_TILES may hold an OSM or newsroom tile URL template
(`https://tiles.example.org/{z}/{x}/{y}.png`); INCIDENT_MAP_TILES_ATTRIBUTION its
credit line. With no setting no tile server is contacted and the Natural Earth
country outlines (data/geo/countries-50m.geojson, public domain) are the
basemap; with a setting the outlines appear when the tiles fail to load.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

OUTLINES_PATH = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries-50m.geojson"
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


def simplified_outlines(path: Path = OUTLINES_PATH, *, tolerance: float = 0.05) -> dict:
    """Country outlines simplified for a basemap (a few hundred KB instead of 1.7 MB).

    Returns an empty FeatureCollection when the file is missing, so the map
    still works (points on a blank background).
    """
    if not path.exists():
        return {"type": "FeatureCollection", "features": []}
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
