"""`resolve(phrase, context)`: a place phrase of news text -> a `Place`, or None.

A phrase is tried against relation patterns in order (offsets, "near",
borders, directions, airports and bases, admin areas), each of which resolves
its anchor by the same function; a bare name is looked up in the gazetteer.
Unknown phrases give None: nothing is invented.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from geo import shapes
from geo.candidates import Context, best_entry, destination, foreign_town, haversine_km, place_from_entry
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.normalize import fold, name_key, strip_articles
from geo.place import Place

MAX_PHRASE = 200
# Relations nest ("near the town of X", "30 km north of the airport in Y"); past this depth a phrase is no
# place anyone writes, and each level is resolved once (a memo per run), so no phrase costs more than linear
MAX_DEPTH = 6
DEFAULT_OFFSET_KM = 50.0
UNIT_KM = {"km": 1.0, "kms": 1.0, "kilometers": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometre": 1.0,
           "mi": 1.609, "mile": 1.609, "miles": 1.609}
BEARING = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225,
           "west": 270, "northwest": 315}
DIRECTION_WORDS = {f"{d}ern": d for d in ("north", "south", "east", "west")}
DIRECTION_WORDS |= {d: d for d in (*BEARING, "central", "centre", "center")}
DIRECTION_WORDS |= {f"{a}{b}ern": a + b for a in ("north", "south") for b in ("east", "west")}
DIRECTION_WORDS["centre"] = DIRECTION_WORDS["center"] = "central"

_DIR = (r"(?P<dir>(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
        r"|central|cent(?:re|er))")
_THE = r"(?:the\s+)?"
_REGION_NOUN = r"(?:\s+(?:region|area|zone|regions|areas|districts?|strip|belt|line|frontier))?"
_AIR = (r"(?P<kind>(?:international\s+)?(?:airport|air\s*base|airbase|air\s*field|airfield|air\s+strip"
        r"|airstrip)|(?:military\s+)?base)")
_CAPITAL_QUALIFIER = r"(?:regional|provincial|state|federal|national|administrative|political)"
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx)) for name, rx in [
    ("offset", rf"^(?:some\s+|about\s+|around\s+|roughly\s+)?(?P<dist>\d+(?:\.\d+)?)\s*"
               rf"(?P<unit>{'|'.join(UNIT_KM)})\.?\s+(?:\(\d+\s*\w+\)\s+)?(?:to\s+the\s+)?{_DIR}\s+of\s+(?P<rest>.+)$"),
    ("country_dir", rf"^{_THE}(?:country|nation)'?s?\s+{_DIR}$"),
    ("dir_of_country", rf"^{_THE}{_DIR}\s+of\s+the\s+(?:country|nation)$"),
    ("dir_of", rf"^(?:just\s+|to\s+the\s+|the\s+)?{_DIR}\s+of\s+(?P<rest>.+)$"),
    ("possessive_dir", rf"^(?P<rest>.+?)'s?\s+{_DIR}$"),
    ("border_between", rf"^{_THE}(?:border|frontier){_REGION_NOUN}\s+between\s+(?P<a>.+?)\s+and\s+"
                       rf"(?P<b>.+)$"),
    ("border_pair", rf"^{_THE}(?P<a>[a-z .]+?)\s*(?:-|–|—|/|\s+and\s+)\s*(?P<b>[a-z .]+?)\s+"
                    rf"(?:border|frontier){_REGION_NOUN}$"),
    ("border_one", rf"^{_THE}(?P<a>[a-z .]+?)\s+(?:border|frontier){_REGION_NOUN}$"),
    ("side_of_border", rf"^{_THE}(?P<a>[a-z .]+?)\s+side\s+of\s+the\s+(?:border|frontier)$"),
    ("near", r"^(?:near(?:\s+to)?|nearby|outside(?:\s+of)?|around|close\s+to|just\s+outside|in\s+and\s+around"
             r"|(?:on\s+)?the\s+outskirts\s+of|outskirts\s+of|(?:in\s+)?the\s+vicinity\s+of|vicinity\s+of"
             r"|(?:in\s+)?the\s+(?:area|region|surroundings)\s+(?:of|around)|not\s+far\s+from)\s+(?P<rest>.+)$"),
    # "near the town of X": the relation first, then the appositive inside it
    ("appositive", r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>city|town|village|capital|port|enclave|suburb"
                   r"|district|neighbou?rhood|border\s+town|oil\s+town|oil\s+city|hometown|stronghold|province"
                   r"|governorate|region|state)\s+of\s+(?P<rest>.+)$"),
    ("part_of", r"^(?:the\s+)?(?:(?:military|civilian|civil)\s+)?"
                r"(?:part|section|side|wing|area|zone|terminal)\s+of\s+(?P<rest>.+)$"),
    ("air_in", rf"^{_THE}{_AIR}\s+(?:in|of|at|near|outside|serving)\s+(?P<rest>.+)$"),
    ("air_named", rf"^{_THE}(?P<rest>.+?)\s+{_AIR}$"),
    ("capital", rf"^{_THE}(?P<rest>.+?)(?:'s?)?\s+(?:{_CAPITAL_QUALIFIER}\s+)?capital(?:\s+city)?(?:'s?)?$"),
    ("camp", r"^(?P<rest>.+?)\s+(?:(?:refugee|displacement|displaced\s+persons|idp|idps)\s+)?camps?$"),
    ("admin_named", r"^(?P<rest>.+?)\s+(?P<kind>province|governorate|region|state|district|oblast|county"
                    r"|prefecture|department|emirate|territory|provinces|countryside"
                    r"|local\s+government\s+area|lga|municipality|commune|raion)$"),
    ("admin_of", r"^(?:the\s+)?(?P<kind>province|governorate|state|region|district|oblast|county)\s+of\s+"
                 r"(?P<rest>.+)$"),
    ("direction", rf"^{_THE}{_DIR}\s+(?P<rest>.+)$"),
]]
SEA_PART = re.compile(rf"^{_THE}{_DIR}\s+(?P<rest>.+)$")
SEA_FEATURES = frozenset({"sea"})
ADMIN_NOUN_AFTER = re.compile(r"\s+(?:state|province|governorate|region|oblast|prefecture|department)$")
INTERNATIONAL = "international"
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "port", "suburb", "hometown"})
POINT_FEATURES = frozenset({"city", "airport", "base", "crossing"})
AREA_PARTS = ("country", "admin1", "region")
AREA_FEATURES = frozenset({"country", "admin1", "region", "continent"})
ADMIN_FEATURES = frozenset({"admin1", "region"})
CAPITAL_AREAS = frozenset({"country", "region", "admin1"})  # areas the gazetteer may know a capital of


def resolve(phrase: str, context: Context | str | Iterable[str] | None = None, *,
            gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a phrase names, with an honest precision; None if it names none we know."""
    if not isinstance(phrase, str):
        return None
    text = clean_phrase(phrase[:MAX_PHRASE * 2])
    if not text or len(text) > MAX_PHRASE:
        return None
    place = Resolver(gazetteer or load_gazetteer(), as_context(context)).resolve(text)
    if place is not None and place.name == text:
        place = replace(place, name=" ".join(phrase.split()).strip(" .,;:"))
    return place


def nearest_airport(gz: Gazetteer, anchor: Place, name_keys: set[str]) -> int | None:
    """The airport serving an anchor place: its international airport, one named after it, then the nearest.

    "Nairobi airport", "the airport of the Kenyan capital" mean the main airport: an
    international one (Jomo Kenyatta) beats a nearer airfield named after the city (Wilson).
    """
    reach = max(40.0, min(anchor.uncertainty_km, 100.0))
    lat0, lon0 = int(anchor.lat // 1), int(anchor.lon // 1)
    cells = [gz.airports_by_cell.get((lat0 + dy, lon0 + dx), ()) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    found = []
    for i in (i for cell in cells for i in cell):
        d = haversine_km(anchor.lat, anchor.lon, gz.lats[i], gz.lons[i])
        if d <= reach:
            airport_key = name_key(gz.names[i])
            named = any(k and k in airport_key for k in name_keys)
            found.append((INTERNATIONAL not in airport_key, not named, d, i))
    return min(found)[-1] if found else None


def as_context(context: Context | str | Iterable[str] | None) -> Context | None:
    """A Context from a Context, a text (its countries are counted) or country codes/names."""
    if context is None or isinstance(context, Context):
        return context
    if isinstance(context, str):
        from geo.recognizer import context_of_text

        return context_of_text(context)
    gz = load_gazetteer()
    codes = [c.upper() if len(c) == 2 else country_code_of(gz, c) for c in context]
    return Context.of_countries(c for c in codes if c)


def clean_phrase(phrase: str) -> str:
    """The form patterns read: folded, straight quotes, single spaces, no edge punctuation or preposition."""
    text = fold(phrase).replace("’", "'").replace("‘", "'")
    text = re.sub(r"\s+", " ", text).strip(" \t\n.,;:!?\"“”()[]")
    return re.sub(r"^(?:in|at|on|from|into|to)\s+", "", text)


def country_code_of(gz: Gazetteer, name: str) -> str | None:
    """The country a name or demonym stands for ("Syrian", "Iraq", "the US")."""
    key = name_key(name)
    key = key[4:] if key.startswith("the ") else key
    i = gz.demonyms.get(key)
    if i is not None and gz.features[i] == "country":
        return gz.ccs[i]
    for i in gz.lookup(key):
        if gz.features[i] == "country":
            return gz.ccs[i]
    return None


class Resolver:
    """One resolution run: a gazetteer and the text's context."""

    def __init__(self, gz: Gazetteer, context: Context | None):
        self.gz = gz
        self.context = context
        self._memo: dict[tuple[str, frozenset[str] | None], Place | None] = {}
        self._depth = 0
        # a name's entry and place in this text (geo.recognizer._settled)
        self.settled: dict[tuple[str, tuple[int, ...]], tuple[int | None, Place | None]] = {}
        self.handlers: dict[str, Callable[[re.Match], Place | None]] = {
            "offset": self._offset, "country_dir": self._country_dir, "dir_of_country": self._country_dir,
            "dir_of": self._dir_of, "possessive_dir": self._possessive_dir,
            "border_between": self._border_pair, "border_pair": self._border_pair,
            "border_one": self._border_one, "side_of_border": self._side_of_border,
            "appositive": self._appositive, "capital": self._capital, "near": self._near,
            "part_of": self._part_of,
            "air_in": self._air, "air_named": self._air,
            "camp": self._camp,
            "admin_named": self._admin, "admin_of": self._admin, "direction": self._direction,
        }

    def resolve(self, text: str, features: frozenset[str] | None = None) -> Place | None:
        """The place of a cleaned phrase; each (phrase, features) is worked out once per run."""
        memo_key = (text, features)
        if memo_key in self._memo:
            return self._memo[memo_key]
        if self._depth >= MAX_DEPTH or len(text) > MAX_PHRASE:
            return None
        self._depth += 1
        try:
            place = self._resolve(text, features)
        finally:
            self._depth -= 1
        self._memo[memo_key] = place
        return place

    def _resolve(self, text: str, features: frozenset[str] | None) -> Place | None:
        if features is None and (sea := self._sea_part(text)) is not None:
            return sea
        found = self.lookup(text, features)
        if found is not None:
            return found
        for name, pattern in PATTERNS:
            m = pattern.match(text)
            if m:
                place = self.handlers[name](m)
                if place is not None:
                    return place
        return None

    def lookup(self, text: str, features: frozenset[str] | None = None) -> Place | None:
        """A bare name, by its key, then without articles and spaces."""
        key = name_key(text)
        if key.startswith("the "):
            key = key[4:]
        if key in self.gz.not_places:
            return None  # "the north", "Monday": words, not places
        for k in (key, strip_articles(key).replace(" ", "")):
            entries = self.gz.lookup(k)
            i = best_entry(self.gz, entries, key, self.context, features)
            if i is not None and foreign_town(self.gz, i, key, self.context, entries):
                return None  # "Meron" in a story about Israel: not a village abroad
            if i is not None:
                return place_from_entry(self.gz, i, "gazetteer")
        if features is None and key in self.gz.demonyms:
            return place_from_entry(self.gz, self.gz.demonyms[key], "demonym")
        return None

    # -- relations to an anchor ---------------------------------------------------------
    def _offset(self, m: re.Match) -> Place | None:
        km = float(m["dist"]) * UNIT_KM[m["unit"]]
        return self._offset_from(m["rest"], DIRECTION_WORDS[_compact(m["dir"])], km, m.string)

    def _dir_of(self, m: re.Match) -> Place | None:
        direction = DIRECTION_WORDS[_compact(m["dir"])]
        anchor = self.resolve(m["rest"])
        if anchor is not None and anchor.feature in AREA_PARTS and direction != "central":
            return self._region_part(anchor, direction, m.string)
        return self._offset_from(m["rest"], direction, DEFAULT_OFFSET_KM, m.string, anchor)

    def _offset_from(self, rest: str, direction: str, km: float, phrase: str,
                     anchor: Place | None = None) -> Place | None:
        anchor = anchor or self.resolve(rest)
        if anchor is None or direction not in BEARING:
            return None
        lat, lon = destination(anchor.lat, anchor.lon, BEARING[direction], km)
        return replace(anchor, name=phrase, lat=lat, lon=lon, geo_precision=max(2, anchor.geo_precision),
                       where_prec=max(2, anchor.where_prec), geometry=None,
                       uncertainty_km=round(max(km * 0.5, 10.0) + anchor.uncertainty_km, 1),
                       method=f"offset:{direction}:{km:g}km+{anchor.method}")

    def _appositive(self, m: re.Match) -> Place | None:
        """"the northern Iraqi city of Erbil" is Erbil itself; "the capital of Iraq" is Baghdad."""
        place = self.capital_of(m["rest"]) if m["noun"] == "capital" else None
        if place is None and m["noun"].split()[-1] in SETTLEMENT_NOUNS:  # "the town of Nabatieh": the town
            place = self.lookup(m["rest"], frozenset({"city"}))
        place = place or self.resolve(m["rest"])
        return None if place is None else replace(place, method=f"appositive+{place.method}")

    # -- capitals ----------------------------------------------------------------------
    def _capital(self, m: re.Match) -> Place | None:
        """"the Somali capital", "Iraq's capital", "the Kurdish regional capital": the capital city."""
        return self.capital_of(m["rest"])

    def capital_of(self, area: str) -> Place | None:
        """The capital of the country or region an area phrase or adjective names, None if none is known.

        "iraqi kurdish" is read as its last qualifier too: the nearer adjective names the area.
        """
        area = ADMIN_NOUN_AFTER.sub("", area) or area  # "the capital of North Darfur state"
        words = area.split()
        for part in (area, " ".join(words[1:])) if len(words) > 1 else (area,):
            i = self._area_entry(part)
            if i is not None and i in self.gz.capital_of:
                return place_from_entry(self.gz, self.gz.capital_of[i], f"capital-of:{self.gz.names[i]}")
        return None

    def _area_entry(self, phrase: str) -> int | None:
        key = name_key(phrase)
        key = key[4:] if key.startswith("the ") else key
        if key in self.gz.demonyms:
            return self.gz.demonyms[key]
        return best_entry(self.gz, self.gz.lookup(key), key, self.context, CAPITAL_AREAS)

    def _near(self, m: re.Match) -> Place | None:
        anchor = self.resolve(m["rest"])
        if anchor is None:
            return None
        if anchor.geo_precision >= 3:
            return replace(anchor, name=m.string, method=f"near+{anchor.method}")
        return replace(anchor, name=m.string, geo_precision=2, where_prec=max(2, anchor.where_prec),
                       uncertainty_km=round(anchor.uncertainty_km + 20.0, 1), method=f"near+{anchor.method}")

    def _part_of(self, m: re.Match) -> Place | None:
        anchor = self.resolve(m["rest"])
        if anchor is None:
            return None
        return replace(anchor, name=m.string, geo_precision=max(2, anchor.geo_precision),
                       method=f"part-of+{anchor.method}")

    # -- airports and bases ------------------------------------------------------------
    def _air(self, m: re.Match) -> Place | None:
        curated = self.lookup(m.string, frozenset({"base", "crossing"}))
        if curated is not None:
            return curated
        gz = self.gz
        named = gz.airports_by_key.get(name_key(m.string), ())
        if named:
            return place_from_entry(gz, named[0], "airport-name")
        rest = re.sub(r"'s?$", "", m["rest"])  # "Baghdad's airport"
        anchor = self.resolve(rest)
        if anchor is not None and anchor.feature not in POINT_FEATURES:
            return None  # "US military base", "Iraqi airbase": too vague to be a place
        if anchor is None:
            by_city = gz.airports_by_key.get(name_key(rest), ())
            return place_from_entry(gz, by_city[0], "airport-city") if by_city else None
        i = nearest_airport(gz, anchor, {name_key(rest), name_key(anchor.name)})
        return None if i is None else place_from_entry(gz, i, f"airport-of-place:{anchor.name}")

    def _camp(self, m: re.Match) -> Place | None:
        """"the Jabalia refugee camp", "al-Hol camp": a camp named after its town, at the town (near it)."""
        town = self.lookup(m["rest"], frozenset({"city"}))
        if town is None:
            return None
        return replace(town, name=m.string, geo_precision=2, where_prec=2,
                       uncertainty_km=round(town.uncertainty_km + 5.0, 1), method=f"camp-at+{town.method}")

    # -- admin areas -------------------------------------------------------------------
    def _admin(self, m: re.Match) -> Place | None:
        area = self.lookup(m["rest"], ADMIN_FEATURES)
        if area is not None:
            return area
        city = self.lookup(m["rest"], frozenset({"city"}))
        if city is None:
            return None
        return replace(city, name=m.string, geo_precision=3, where_prec=4, uncertainty_km=60.0,
                       method="admin-area-of-city")

    # -- borders -----------------------------------------------------------------------
    def _border_pair(self, m: re.Match) -> Place | None:
        a, b = country_code_of(self.gz, m["a"]), country_code_of(self.gz, m["b"])
        return self._border(a, b, m.string) if a and b else None

    def _border_one(self, m: re.Match) -> Place | None:
        """"the Turkish border": the border with the neighbour the text is about."""
        a = country_code_of(self.gz, m["a"])
        other = self._voted_neighbour(a)
        return self._border(other, a, m.string) if a and other else None

    def _side_of_border(self, m: re.Match) -> Place | None:
        """"the Syrian side of the frontier": that country's half of the band."""
        a = country_code_of(self.gz, m["a"])
        other = self._voted_neighbour(a)
        return self._border(a, other, m.string, side=a) if a and other else None

    def _voted_neighbour(self, cc: str | None) -> str | None:
        if cc is None or self.context is None:
            return None
        voted = [c for c, _ in self.context.votes.most_common() if c != cc]
        return next((c for c in voted if shapes.are_neighbours(cc, c)), None)

    def _border(self, a: str, b: str, phrase: str, side: str | None = None) -> Place | None:
        band = shapes.border_band(a, b, side=side)
        if band is None:
            return None
        lat, lon = band["point"]
        names = f"{self.gz.country_name(a)}–{self.gz.country_name(b)}"
        name = f"{names} border region"
        if side:
            name = f"{self.gz.country_name(side)} side of the {names} border"
        return Place(name=name, lat=round(lat, 5), lon=round(lon, 5), country_code=side or a,
                     admin1=None, place_id=f"border:{a}-{b}" + (f":{side}" if side else ""),
                     geo_precision=3, where_prec=5,
                     uncertainty_km=band["radius_km"], geometry=band["geometry"], method="border-band",
                     feature="border")

    # -- directions --------------------------------------------------------------------
    def _direction(self, m: re.Match) -> Place | None:
        direction = DIRECTION_WORDS[_compact(m["dir"])]
        anchor = self.resolve(m["rest"])
        if anchor is None:
            return None
        return self._region_part(anchor, direction, m.string)

    def _sea_part(self, text: str) -> Place | None:
        """"the southern Red Sea", "the eastern Mediterranean": part of a sea, even where an admin area is
        named after that part of it (Eritrea's Southern Red Sea region is asked for with its noun)."""
        m = SEA_PART.match(text)
        if m is None:
            return None
        sea = self.lookup(m["rest"], SEA_FEATURES)
        if sea is None:
            return None
        return self._region_part(sea, DIRECTION_WORDS[_compact(m["dir"])], m.string)

    def _possessive_dir(self, m: re.Match) -> Place | None:
        return self._direction(m)

    def _country_dir(self, m: re.Match) -> Place | None:
        cc = self.context.main_country if self.context else None
        if cc is None or cc not in self.gz.country_entry:
            return None
        anchor = place_from_entry(self.gz, self.gz.country_entry[cc], "context-country")
        return self._region_part(anchor, DIRECTION_WORDS[_compact(m["dir"])], m.string)

    def _region_part(self, anchor: Place, direction: str, phrase: str) -> Place | None:
        if anchor.feature == "country" and anchor.country_code:
            part = shapes.directional_region(anchor.country_code, direction)
            if part is not None:
                lat, lon = part["point"]
                return replace(anchor, name=phrase, lat=round(lat, 5), lon=round(lon, 5), geo_precision=3,
                               where_prec=5, uncertainty_km=part["radius_km"], geometry=part["geometry"],
                               place_id=f"direction:{anchor.country_code}:{direction}",
                               method=f"direction:{direction}+{anchor.method}", feature="direction")
        if direction == "central" or direction not in BEARING:
            return replace(anchor, name=phrase, geo_precision=max(2, anchor.geo_precision),
                           method=f"part-of+{anchor.method}")
        km = min(anchor.uncertainty_km * 0.5, 150.0)
        lat, lon = destination(anchor.lat, anchor.lon, BEARING[direction], km)
        return replace(anchor, name=phrase, lat=lat, lon=lon, geo_precision=max(2, anchor.geo_precision),
                       where_prec=max(2, anchor.where_prec), uncertainty_km=round(max(km, 5.0), 1),
                       method=f"direction:{direction}+{anchor.method}")


def _compact(direction: str) -> str:
    return direction.replace("-", "").replace(" ", "")
