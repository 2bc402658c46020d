"""Country shapes (Natural Earth 1:50m) and the regions drawn from them.

Border bands ("the Iraq-Syria border region") are the land within a band of
the shared boundary; directional regions ("eastern Syria") are the part of a
country on that side of its mainland's bounding box. Shapes load lazily, on
the first call that needs them.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.geometry.base import BaseGeometry

from geo.gazetteer import CACHE_DIR, write_pickle

COUNTRIES_GEOJSON = Path(__file__).resolve().parent.parent / "data" / "geo" / "countries-50m.geojson"
KM_PER_DEG = 111.32
BORDER_BAND_KM = 50.0
SHAPES_VERSION = "shapes-1"  # bump when _parse_shapes changes
log = logging.getLogger(__name__)

# Direction word -> (fraction range of the mainland bbox in x, in y). Thirds for
# the cardinal points ("eastern Syria" is the east third), quadrant-ish corners.
DIRECTION_BOXES: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "north": ((0.0, 1.0), (0.55, 1.0)),
    "south": ((0.0, 1.0), (0.0, 0.45)),
    "east": ((0.55, 1.0), (0.0, 1.0)),
    "west": ((0.0, 0.45), (0.0, 1.0)),
    "northeast": ((0.5, 1.0), (0.5, 1.0)),
    "northwest": ((0.0, 0.5), (0.5, 1.0)),
    "southeast": ((0.5, 1.0), (0.0, 0.5)),
    "southwest": ((0.0, 0.5), (0.0, 0.5)),
    "central": ((0.3, 0.7), (0.3, 0.7)),
}


@lru_cache(maxsize=1)
def country_shapes(path: str = str(COUNTRIES_GEOJSON)) -> dict[str, BaseGeometry]:
    """ISO alpha-2 -> country geometry.

    Parsed from the GeoJSON once, then kept as a pickle beside the gazetteer's index (shapely
    pickles a geometry as WKB: the same coordinates, bit for bit, read in a fiftieth of the time).
    """
    cached = _cache_path(path)
    if cached is not None and cached.exists():
        try:
            with open(cached, "rb") as f:
                return pickle.load(f)
        except Exception as e:  # a damaged or foreign cache is parsed again, never fatal
            log.warning("ignoring the country shapes cache %s: %s", cached, e)
    shapes = _parse_shapes(path)
    if cached is not None:
        try:
            write_pickle(shapes, cached, "shapes-*.pickle")
        except OSError as e:  # a read-only checkout parses the file each time
            log.warning("cannot cache the country shapes at %s: %s", cached, e)
    return shapes


def _parse_shapes(path: str) -> dict[str, BaseGeometry]:
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    shapes: dict[str, BaseGeometry] = {}
    for feature in collection["features"]:
        cc = feature["properties"].get("iso_a2")
        if cc:
            geom = shape(feature["geometry"])
            shapes[cc] = geom if geom.is_valid else geom.buffer(0)
    return shapes


def _cache_path(path: str) -> Path | None:
    """Where the parsed shapes of this file are kept: named by the file's size and mtime and the
    shapely version (None when the file is not there)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    key = f"{SHAPES_VERSION}|{os.path.abspath(path)}|{st.st_size}|{st.st_mtime_ns}|{shapely.__version__}"
    return CACHE_DIR / f"shapes-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def mainland(geom: BaseGeometry) -> Polygon:
    """The largest polygon of a country (metropolitan France, the lower 48...)."""
    if isinstance(geom, MultiPolygon):
        return max(geom.geoms, key=lambda g: g.area)
    return geom


def inner_point(geom: BaseGeometry) -> Point:
    """The centroid when it lies inside, else a point surely inside."""
    c = geom.centroid
    return c if geom.contains(c) else geom.representative_point()


def approx_radius_km(geom: BaseGeometry) -> float:
    """Half the diagonal of the bounding box, in km."""
    minx, miny, maxx, maxy = geom.bounds
    dy = (maxy - miny) * KM_PER_DEG
    dx = (maxx - minx) * KM_PER_DEG * math.cos(math.radians((miny + maxy) / 2))
    return round(math.hypot(dx, dy) / 2, 1)


def country_point(cc: str) -> tuple[float, float, float] | None:
    """(lat, lon, radius_km) of a country's mainland centre."""
    geom = country_shapes().get(cc)
    if geom is None:
        return None
    land = mainland(geom)
    p = inner_point(land)
    return p.y, p.x, approx_radius_km(land)


def are_neighbours(cc1: str, cc2: str) -> bool:
    shapes = country_shapes()
    a, b = shapes.get(cc1), shapes.get(cc2)
    return a is not None and b is not None and a.distance(b) < 0.05


@lru_cache(maxsize=512)
def border_band(cc1: str, cc2: str, band_km: float = BORDER_BAND_KM,
                side: str | None = None) -> dict[str, Any] | None:
    """The land of both countries (or of `side` only) within band_km of their shared boundary.

    Returns {"point": (lat, lon), "radius_km", "geometry": GeoJSON} or None
    when the two do not share a boundary.
    """
    shapes = country_shapes()
    a, b = shapes.get(cc1), shapes.get(cc2)
    if a is None or b is None or cc1 == cc2:
        return None
    shared = a.boundary.intersection(b.boundary)
    if shared.is_empty or shared.length == 0:
        shared = a.buffer(0.02).intersection(b.buffer(0.02))  # near-touching outlines
        if shared.is_empty:
            return None
    land = shapes[side] if side in (cc1, cc2) else a.union(b)
    band = shared.buffer(band_km / KM_PER_DEG).intersection(land).simplify(0.01)
    if band.is_empty:
        return None
    mid = _middle_of(shared)
    return {"point": (mid.y, mid.x), "radius_km": approx_radius_km(shared) + band_km,
            "geometry": _rounded_mapping(band)}


def _middle_of(shared: BaseGeometry) -> Point:
    """A point on the shared boundary half way along it."""
    lines = getattr(shared, "geoms", [shared])
    longest = max(lines, key=lambda g: g.length)
    if longest.geom_type in ("LineString", "LinearRing"):
        return longest.interpolate(0.5, normalized=True)
    return longest.representative_point()


@lru_cache(maxsize=512)
def directional_region(cc: str, direction: str) -> dict[str, Any] | None:
    """The part of a country's mainland in a direction ("east", "northwest", "central")."""
    geom = country_shapes().get(cc)
    fractions = DIRECTION_BOXES.get(direction)
    if geom is None or fractions is None:
        return None
    land = mainland(geom)
    minx, miny, maxx, maxy = land.bounds
    (fx0, fx1), (fy0, fy1) = fractions
    cut = box(minx + fx0 * (maxx - minx), miny + fy0 * (maxy - miny),
              minx + fx1 * (maxx - minx), miny + fy1 * (maxy - miny))
    part = land.intersection(cut)
    if part.is_empty:
        return None
    p = inner_point(mainland(part) if isinstance(part, MultiPolygon) else part)
    return {"point": (p.y, p.x), "radius_km": approx_radius_km(part),
            "geometry": _rounded_mapping(part.simplify(0.01))}


def country_at(lat: float, lon: float) -> str | None:
    """The country containing a point, if any."""
    pt = Point(lon, lat)
    for cc, geom in country_shapes().items():
        if geom.bounds[0] <= lon <= geom.bounds[2] and geom.bounds[1] <= lat <= geom.bounds[3] \
                and geom.contains(pt):
            return cc
    return None


def _rounded_mapping(geom: BaseGeometry, ndigits: int = 3) -> dict[str, Any]:
    from shapely import set_precision

    return mapping(set_precision(geom, 10 ** -ndigits))
