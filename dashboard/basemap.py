"""The basemap setting: the offline vector basemap always, a configured tile server under it.

The vector basemap (land, sea, borders, rivers, lakes, place names) is drawn in
the browser by static/dashboard/basemap.js from the files in static/basemap/
(built by dashboard/basemap_build.py). INCIDENT_MAP_TILES may hold an OSM or
newsroom tile URL template (`https://tiles.example.org/{z}/{x}/{y}.png`) and
INCIDENT_MAP_TILES_ATTRIBUTION its credit line; with no setting no tile server
is contacted.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BASEMAP_DIR = Path(__file__).resolve().parent.parent / "static" / "basemap"
DEFAULT_ATTRIBUTION = "Map data &copy; OpenStreetMap contributors"


@dataclass(frozen=True)
class TileSetting:
    """A tile URL template and its attribution (None url: the vector basemap alone)."""

    url: str | None
    attribution: str


def tile_setting(environ: dict[str, str] | None = None) -> TileSetting:
    """Read the tile server setting from the environment."""
    env = os.environ if environ is None else environ
    url = (env.get("INCIDENT_MAP_TILES") or "").strip() or None
    if url and not url.startswith(("http://", "https://", "/")):
        url = None
    return TileSetting(url, env.get("INCIDENT_MAP_TILES_ATTRIBUTION") or DEFAULT_ATTRIBUTION)


@lru_cache(maxsize=4)
def basemap_version(directory: Path = BASEMAP_DIR) -> str:
    """A short hash of world.json: part of every basemap file's URL, so browsers cache them per version."""
    world = directory / "world.json"
    if not world.exists():
        return "missing"
    return hashlib.sha256(world.read_bytes()).hexdigest()[:12]
