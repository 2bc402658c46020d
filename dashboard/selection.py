"""Which incident is selected, whether the user picked it in the table or on the map.

Both widgets keep returning their last value on every rerun, so a value only
counts when it differs from the one seen last time; the newest change wins.

Only a choice in the table moves the map (a focus request). A marker click
selects the row but leaves the map where the user has it: moving it would zoom
away from the marker the user just clicked and its open popup.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, MutableMapping
from typing import Any

_TOOLTIP_ID = re.compile(r"^\s*(\S+)\s+·")

SELECTED = "selected_incident"
SEEN_TABLE = "seen_table_selection"
SEEN_MAP = "seen_map_click"
TABLE_NONCE = "table_nonce"
FOCUS = "focus_incident"
FOCUS_REQUESTS = "focus_requests"
# st_folium only moves the map when `center`/`zoom` differ from the last ones it
# applied, so every other focus request is nudged by this (about 1 cm, and a zoom
# Leaflet rounds back): picking the same row again after panning away still focuses.
_NUDGE = 1e-7


def incident_id_from_tooltip(tooltip: str | None) -> str | None:
    """The incident id the map tooltip starts with ('inc-1 · Air/drone strike · ...')."""
    if not tooltip:
        return None
    match = _TOOLTIP_ID.match(tooltip)
    return match.group(1) if match else None


def note_table_selection(state: MutableMapping[str, Any], incident_id: str | None) -> bool:
    """Record the table's selection; True when it is a new choice by the user."""
    if incident_id == state.get(SEEN_TABLE):
        return False
    state[SEEN_TABLE] = incident_id
    if incident_id is not None:
        state[SELECTED] = incident_id
        state[FOCUS] = incident_id
        state[FOCUS_REQUESTS] = state.get(FOCUS_REQUESTS, 0) + 1
    return incident_id is not None


def map_focus(state: MutableMapping[str, Any], latitude: float, longitude: float,
              zoom: int) -> tuple[tuple[float, float], float]:
    """The (center, zoom) to pass st_folium for the focused incident at (latitude, longitude).

    The same request keeps the same values on later reruns (the map stays where
    the user moved it); a new request always differs from the previous one.
    """
    nudge = _NUDGE * (state.get(FOCUS_REQUESTS, 0) % 2)
    return (latitude + nudge, longitude), zoom + nudge


MIN_FOCUS_ZOOM, MAX_FOCUS_ZOOM = 3, 14
EARTH_M_PER_PX = 156_543.03  # metres per pixel at zoom 0 on the equator (256 px tiles)


def zoom_for_extent(latitude: float, span_km: float, *, pixels: int = 480) -> int:
    """The highest zoom at which span_km (north-south and east-west) fits in `pixels`."""
    if not span_km or span_km <= 0 or math.isnan(span_km):
        return MAX_FOCUS_ZOOM
    metres_per_px = span_km * 1000 / pixels
    zoom = math.log2(EARTH_M_PER_PX * max(math.cos(math.radians(latitude)), 0.05) / metres_per_px)
    return int(max(MIN_FOCUS_ZOOM, min(MAX_FOCUS_ZOOM, math.floor(zoom))))


def _geometry_bounds(text: Any) -> tuple[float, float, float, float] | None:
    """(south, west, north, east) of a GeoJSON geometry string (a border band, a region)."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        from shapely.geometry import shape

        west, south, east, north = shape(json.loads(text)).bounds
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return south, west, north, east


def focus_view(incident: Mapping[str, Any], *, pixels: int = 480) -> tuple[float, float, int] | None:
    """(lat, lon, zoom) showing an incident's whole uncertainty: its band or region when it has
    one, else the circle of geo_uncertainty_km around its point. None when it has no place."""
    try:
        lat, lon = float(incident.get("latitude")), float(incident.get("longitude"))
    except (TypeError, ValueError):
        return None
    if math.isnan(lat) or math.isnan(lon):
        return None
    box = _geometry_bounds(incident.get("geometry"))
    if box:
        south, west, north, east = box
        middle = (south + north) / 2
        span = max((north - south) * 111.0, (east - west) * 111.0 * math.cos(math.radians(middle)))
        return middle, (west + east) / 2, zoom_for_extent(middle, span, pixels=pixels)
    try:
        km = float(incident.get("geo_uncertainty_km") or 0)
    except (TypeError, ValueError):
        km = 0.0
    km = 0.0 if math.isnan(km) else km
    return lat, lon, zoom_for_extent(lat, 2 * max(km, 1.0), pixels=pixels)


def note_map_click(state: MutableMapping[str, Any], tooltip: str | None) -> bool:
    """Record a marker click; True when it selected another incident (the table must follow)."""
    incident_id = incident_id_from_tooltip(tooltip)
    if tooltip == state.get(SEEN_MAP):
        return False
    state[SEEN_MAP] = tooltip
    if incident_id is None or incident_id == state.get(SELECTED):
        return False
    state[SELECTED] = incident_id
    state[SEEN_TABLE] = incident_id
    state[TABLE_NONCE] = state.get(TABLE_NONCE, 0) + 1
    return True
