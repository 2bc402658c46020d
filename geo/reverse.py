"""Reverse geocoding: the nearest known place to a point, and the country it lies in."""
from __future__ import annotations

import math
from dataclasses import replace

from geo import shapes
from geo.candidates import haversine_km, place_from_entry
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.place import Place

MAX_DISTANCE_KM = 100.0


def reverse(lat: float, lon: float, *, gazetteer: Gazetteer | None = None) -> Place | None:
    """The nearest city within 100 km (its distance as uncertainty), else the country there, else None."""
    if math.isnan(lat) or math.isnan(lon) or not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"not a coordinate: {lat!r}, {lon!r}")
    gz = gazetteer or load_gazetteer()
    y, x = math.floor(lat), math.floor(lon)
    cells = (gz.cities_by_cell.get((y + dy, x + dx), ()) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    near = [(d, i) for cell in cells for i in cell
            if (d := haversine_km(lat, lon, gz.lats[i], gz.lons[i])) <= MAX_DISTANCE_KM]
    if near:
        d, i = min(near)
        place = place_from_entry(gz, i, "reverse")
        return replace(place, geo_precision=1 if d < 5 else 2, where_prec=1 if d < 5 else 2,
                       uncertainty_km=round(max(d, place.uncertainty_km), 1))
    cc = shapes.country_at(lat, lon)
    if cc and cc in gz.country_entry:
        return replace(place_from_entry(gz, gz.country_entry[cc], "reverse-country"), lat=lat, lon=lon)
    return None
