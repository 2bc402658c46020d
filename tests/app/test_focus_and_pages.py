"""A selected row's view (its uncertainty extent), the navigation, and incidents without a place."""
from __future__ import annotations

import json

import pandas as pd

from dashboard.ingest_flow import unplaced_warnings
from dashboard.map_panel import unplaced
from dashboard.navigation import page_name
from dashboard.selection import focus_view, zoom_for_extent


def test_a_wider_uncertainty_zooms_out():
    town = focus_view({"latitude": 33.3, "longitude": 44.4, "geo_uncertainty_km": 2})
    region = focus_view({"latitude": 33.3, "longitude": 44.4, "geo_uncertainty_km": 150})
    assert town[:2] == (33.3, 44.4) and region[2] < town[2]
    assert zoom_for_extent(0, 40_000) == 3 and zoom_for_extent(0, 0.01) == 14


def test_a_border_band_is_shown_whole():
    band = {"type": "Polygon", "coordinates": [[[40, 32], [42, 32], [42, 36], [40, 36], [40, 32]]]}
    lat, lon, zoom = focus_view({"latitude": 34.0, "longitude": 41.0, "geo_uncertainty_km": 5,
                                 "geometry": json.dumps(band)})
    assert (lat, lon) == (34.0, 41.0) and zoom <= 7  # 4 degrees of latitude fit in the map
    assert focus_view({"latitude": None, "longitude": 44.0}) is None


def test_pages_are_named_by_their_file_without_the_number():
    from pathlib import Path

    assert page_name(Path("pages/2_Article_view.py")) == "Article_view"
    assert page_name(Path("pages/Admin.py")) == "Admin"


def test_incidents_without_coordinates_are_counted_and_warned_about():
    frame = pd.DataFrame({"incident_id": ["a", "b", "c"], "latitude": [33.0, None, 34.0],
                          "longitude": [44.0, None, None], "event_date": ["2024-01-01"] * 3,
                          "sub_event_type": ["Attack"] * 3,
                          "location_as_reported": ["", "Xyzzy village", ""]})
    assert unplaced(frame)["incident_id"].tolist() == ["b", "c"]
    warnings = unplaced_warnings(frame)
    assert len(warnings) == 2 and warnings[0].startswith("b (Attack, 2024-01-01) has no place")
    assert "\u201cXyzzy village\u201d" in warnings[0] and "Review page" in warnings[0]
