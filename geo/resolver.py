"""`resolve(phrase, context)`: a place phrase of news text -> a `Place`, or None.

A phrase is tried against relation patterns in order (offsets, "near",
borders, directions, airports and bases, admin areas), each of which resolves
its anchor by the same function; a bare name is looked up in the gazetteer.
Unknown phrases give None: nothing is invented.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from geo import shapes
from geo.admin1 import compass_key, is_compass
from geo.candidates import (
    Context,
    best_entry,
    destination,
    foreign_town,
    haversine_km,
    place_from_entry,
    score,
)
from geo.gazetteer import Gazetteer, load_gazetteer
from geo.normalize import fold, name_key, skeleton, strip_articles
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
# the head nouns of administrative areas: admin-1 ones ("province") and admin-2 ones ("township")
ADMIN1_KINDS = frozenset({"province", "governorate", "region", "state", "oblast", "prefecture", "department",
                          "emirate", "provinces"})
ADMIN2_KINDS = frozenset({"district", "county", "township", "municipality", "raion", "rayon",
                          "local government area", "lga", "commune", "tehsil", "sub-district", "subdistrict",
                          "parish", "cercle", "territory"})  # DR Congo's territoires are admin-2
_ADMIN_KIND = "|".join(sorted((k.replace(" ", r"\s+") for k in ADMIN1_KINDS | ADMIN2_KINDS),
                              key=len, reverse=True))
# facilities named after their town: "the Kadugli market" is in Kadugli; a checkpoint or crossing near it
FACILITY_IN = frozenset({"market", "hospital", "school", "mosque", "church", "university", "prison",
                         "stadium", "bazaar", "souk"})
FACILITY_NEAR = frozenset({"checkpoint", "crossing", "bridge", "dam", "junction", "roundabout"})
SETTLEMENT_HEADS = frozenset({"village", "town", "city", "hamlet"})
# words that describe an area without naming it ("the restive eastern province of ...")
DESCRIPTIVE_WORDS = frozenset({
    "the", "a", "an", "restive", "neighbouring", "neighboring", "nearby", "same", "rural", "remote",
    "mountainous", "adjacent", "oil-rich", "war-torn", "embattled", "besieged", "rebel-held", "troubled",
    "northernmost", "southernmost", "easternmost", "westernmost", "volatile", "sprawling", "desert",
    "coastal",
    "border", *DIRECTION_WORDS})
NOT_A_NAME = DESCRIPTIVE_WORDS | ADMIN1_KINDS | ADMIN2_KINDS | SETTLEMENT_HEADS
ADMIN2_UNCERTAINTY_KM = 30.0  # an admin-2 area named after its town, where no unit of its own is known
_CAPITAL_QUALIFIER = r"(?:regional|provincial|state|federal|national|administrative|political)"
# an admin-1 area named by compass words ("the North-East region", "Centre-Nord", "the Upper West province")
_COMPASS_WORD = (r"(?:(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
                 r"|cent(?:re|er|ral)|nord|sud|est|ouest)")
COMPASS_NAME = rf"(?:(?:far|extreme|upper|lower|middle)[- ])?{_COMPASS_WORD}(?:[- ]{_COMPASS_WORD}){{0,2}}"
COMPASS_KINDS = r"(?:region|province|state|department|governorate|division|oblast|prefecture)"
# words that may stand before an area's name without being part of it ("Zambia's restive Eastern Province")
AREA_ADJECTIVES = (r"(?:restive|volatile|troubled|remote|rural|embattled|neighbou?ring|anglophone|francophone"
                   r"|english-speaking|french-speaking|conflict-hit|insurgency-hit|oil-rich|mineral-rich)")
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
             r"|(?:in\s+)?the\s+(?:area|surroundings)\s+(?:of|around)|(?:in\s+)?the\s+region\s+around"
             r"|not\s+far\s+from)\s+(?P<rest>.+)$"),
    # "near the town of X": the relation first, then the appositive inside it
    # "the North-East region of X", "X's Eastern Province": before the containers and appositives below
    ("compass_area", rf"^(?:the\s+)?(?:(?P<owner>[^',]+?)'s?\s+)?(?:{AREA_ADJECTIVES}\s+){{0,2}}"
                     rf"(?P<name>{COMPASS_NAME})\s+(?P<kind>{COMPASS_KINDS})"
                     r"(?:\s+(?:of|in)\s+(?:the\s+)?(?P<container>[^,]+)|,\s*(?P<comma>[^,]+))?$"),
    ("compass_bare", rf"^the\s+(?:{AREA_ADJECTIVES}\s+){{0,2}}(?P<name>{COMPASS_NAME})$"),
    ("admin_in", rf"^{_THE}(?:(?P<rest>.+?\s+(?:{_ADMIN_KIND}))\s+(?:of|in)"
                 r"|(?P<settlement>.+?\s+(?:village|town|hamlet|settlement))\s+in)\s+(?P<container>.+)$"),
    # "a village in Sagaing Region", "two villages near Djibo": part of the place, or near it
    ("unnamed_in", r"^(?:an?|one|two|three|four|five|several|some|many)\s+(?:[\w-]+\s+)?(?P<noun>village"
                   r"|town|hamlet|settlement|area|neighbou?rhood|district|camp)s?\s+(?P<rel>in|near|outside)\s+"
                   r"(?P<rest>.+)$"),
    ("comma", r"^(?P<rest>[^,]+),\s*(?P<container>[^,]+)$"),
    ("appositive", r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>city|town|village|capital|port|enclave|suburb"
                   r"|district|neighbou?rhood|border\s+town|oil\s+town|oil\s+city|hometown|stronghold|province"
                   r"|governorate|region|state)\s+of\s+(?P<rest>.+)$"),
    ("part_of", r"^(?:the\s+)?(?:(?:military|civilian|civil)\s+)?"
                r"(?:part|section|side|wing|area|zone|terminal)\s+of\s+(?P<rest>.+)$"),
    ("air_in", rf"^{_THE}{_AIR}\s+(?:in|of|at|near|outside|serving)\s+(?P<rest>.+)$"),
    ("air_named", rf"^{_THE}(?P<rest>.+?)\s+{_AIR}$"),
    ("capital", rf"^{_THE}(?P<rest>.+?)(?:'s?)?\s+(?:{_CAPITAL_QUALIFIER}\s+)?capital(?:\s+city)?(?:'s?)?$"),
    ("camp", r"^(?P<rest>.+?)\s+(?:(?:refugee|displacement|displaced\s+persons|idp|idps)\s+)?camps?$"),
    ("countryside", rf"^{_THE}(?:{_DIR}\s+)?(?:countryside|outskirts|suburbs|environs|rural\s+areas?)\s+of\s+"
                    r"(?P<rest>.+)$"),
    ("countryside_named", rf"^{_THE}(?:{_DIR}\s+)?(?P<rest>.+?)\s+(?:countryside|suburbs|environs)$"),
    ("admin_named", rf"^{_THE}(?P<rest>.+?)\s+(?P<kind>{_ADMIN_KIND})$"),
    ("admin_of", rf"^{_THE}(?P<kind>{_ADMIN_KIND})\s+of\s+(?P<rest>.+)$"),
    ("facility",
     rf"^{_THE}(?P<rest>.+?)\s+(?P<kind>{'|'.join(FACILITY_NEAR | FACILITY_IN | SETTLEMENT_HEADS)})$"),
    ("possessive", r"^(?P<container>[^']+?)'s?\s+(?P<rest>.+)$"),
    ("direction", rf"^{_THE}{_DIR}\s+(?P<rest>.+)$"),
]]
COMPASS_PATTERNS = {name: rx for name, rx in PATTERNS if name.startswith("compass")}
SEA_PART = re.compile(rf"^{_THE}{_DIR}\s+(?P<rest>.+)$")
SEA_FEATURES = frozenset({"sea"})
ADMIN_NOUN_AFTER = re.compile(r"\s+(?:state|province|governorate|region|oblast|prefecture|department)$")
INTERNATIONAL = "international"
SETTLEMENT_NOUNS = frozenset({"city", "town", "village", "port", "suburb", "hometown"})
POINT_FEATURES = frozenset({"city", "airport", "base", "crossing"})
AREA_PARTS = ("country", "admin1", "admin2", "region")
AREA_FEATURES = frozenset({"country", "admin1", "region", "continent"})
ADMIN_FEATURES = frozenset({"admin1", "region"})
COUNTRYSIDE_KM = 40.0
MAIN_COUNTRY_SHARE = 0.5  # the text is about one country: it holds this share of the country votes
# compass names that are only a direction -> the direction ("north east" -> "northeast")
COMPASS_DIRECTIONS = {"north": "north", "south": "south", "east": "east", "west": "west", "centre": "central",
                       "north east": "northeast", "north west": "northwest", "south east": "southeast",
                       "south west": "southwest"}
CONTAINER_SLACK_KM = 50.0  # how far outside its container's radius a place may still lie in it
CAPITAL_AREAS = frozenset({"country", "region", "admin1"})  # areas the gazetteer may know a capital of
AREA_READINGS = frozenset({"country", "admin1", "admin2", "region"})  # what a container's name may stand for
MAX_OTHER_AREAS = 3


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


_SPACES = re.compile(r"\s+")
_PREPOSITION_FIRST = re.compile(r"^(?:in|at|on|from|into|to)\s+")


def clean_phrase(phrase: str) -> str:
    """The form patterns read: folded, straight quotes, single spaces, no edge punctuation or preposition."""
    text = fold(phrase).replace("’", "'").replace("‘", "'")
    text = _SPACES.sub(" ", text).strip(" \t\n.,;:!?\"“”()[]")
    return _PREPOSITION_FIRST.sub("", text)


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

    # pattern name -> the method that resolves its match (looked up by name: no per-run table to build)
    HANDLERS = {
        "compass_area": "_compass_area", "compass_bare": "_compass_area",
        "offset": "_offset", "country_dir": "_country_dir", "dir_of_country": "_country_dir",
        "dir_of": "_dir_of", "possessive_dir": "_possessive_dir",
        "border_between": "_border_pair", "border_pair": "_border_pair",
        "border_one": "_border_one", "side_of_border": "_side_of_border",
        "appositive": "_appositive", "capital": "_capital", "near": "_near", "part_of": "_part_of",
        "air_in": "_air", "air_named": "_air",
        "camp": "_camp", "countryside": "_countryside", "countryside_named": "_countryside",
        "admin_in": "_admin_in", "comma": "_admin_in", "unnamed_in": "_unnamed_in",
        "admin_named": "_admin", "admin_of": "_admin",
        "facility": "_facility", "possessive": "_possessive", "direction": "_direction",
    }

    def __init__(self, gz: Gazetteer, context: Context | None):
        self.gz = gz
        self.context = context
        self._memo: dict[tuple[str, frozenset[str] | None], Place | None] = {}
        self._depth = 0
        # a name's entry and place in this text (geo.recognizer._settled)
        self.settled: dict[tuple[str, tuple[int, ...]], tuple[int | None, Place | None]] = {}

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
                place = getattr(self, self.HANDLERS[name])(m)
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
        entries = self.gz.by_spelling(skeleton(key))
        i = best_entry(self.gz, entries, key, self.context, features)  # "Um Ruwaba", "Dair ez-Zor"
        if i is not None and not foreign_town(self.gz, i, key, self.context, entries):
            return place_from_entry(self.gz, i, "gazetteer-spelling")
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
        if m["noun"] in ADMIN1_KINDS or m["noun"] in ADMIN2_KINDS:  # "the eastern province of Deir ez-Zor"
            place = self.admin_area(m["rest"], m["noun"], m.string)
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
        if anchor is not None and m["kind"].split()[-1] == "base" and anchor.feature in ("base", "city"):
            # "Camp Lemonnier military base" is the camp; "the Kirkuk military base" by the town
            near = anchor.feature == "city"
            return replace(anchor, name=m.string, geo_precision=2 if near else anchor.geo_precision,
                           where_prec=2 if near else anchor.where_prec, method=f"base-at+{anchor.method}")
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
    def _compass_area(self, m: re.Match) -> Place | None:
        """"the North-East region of X", "X's Eastern Province", "the Centre-North region": the admin-1 area
        of that compass name in the country the phrase names (else in the countries the text votes for,
        likeliest first); where that country has none, a name that is only a direction is the directional
        region of the country the phrase names ("the North-Eastern region of X" where X has no such area).
        A bare "the North East" (no head noun) needs two compass words and the text's countries; None where
        the phrase names a container that is no country ("the northern province of Kirkuk": the appositive).
        """
        base = compass_key(name_key(m["name"]))
        groups = m.groupdict()
        named = [p for p in (groups.get("owner"), groups.get("container"), groups.get("comma")) if p]
        if not named and groups.get("kind") is None and len(base.split()) < 2:
            return None
        if named:
            codes = {self._country_named(p) for p in named}
            if None in codes or len(codes) != 1:
                return None  # "Syria's eastern province of Deir ez-Zor": the province named after it
            countries = list(codes)
        elif self.context is not None and self.context.votes:
            countries = [c for c, v in self.context.votes.most_common() if v > 0]
        else:
            countries = []
        entries = self.gz.admin1_by_base.get(base, ())
        for cc in countries:
            found = [i for i in entries if self.gz.ccs[i] == cc]
            if found:
                return place_from_entry(self.gz, found[0], "compass-area")
        if not countries and len(entries) == 1 and groups.get("kind") is not None:
            return place_from_entry(self.gz, entries[0], "compass-area")  # one country has that area
        direction = COMPASS_DIRECTIONS.get(" ".join(w for w in base.split() if w != "far"))
        cc = countries[0] if named else self._clear_main_country()
        if direction is None or cc is None or cc not in self.gz.country_entry or groups.get("kind") is None:
            return None  # a bare "the North East" is an area or nothing
        country = place_from_entry(self.gz, self.gz.country_entry[cc], "gazetteer")
        return self._region_part(country, direction, m.string)

    def compass_area(self, phrase: str) -> Place | None:
        """A cleaned phrase read only as a compass-named area (the recogniser's "the North East": not a
        town that happens to bear the name)."""
        for name in ("compass_area", "compass_bare"):
            m = COMPASS_PATTERNS[name].match(phrase)
            if m is not None:
                return self._compass_area(m)
        return None

    def _country_named(self, phrase: str) -> str | None:
        """The country a container or owner phrase names; "the country" is the text's main one."""
        if phrase.strip() in ("the country", "country", "the nation", "nation"):
            return self._clear_main_country()
        return country_code_of(self.gz, phrase)

    def _clear_main_country(self) -> str | None:
        """The text's main country where it holds most of the text's country votes, else None."""
        ctx = self.context
        if ctx is None or not ctx.votes:
            return None
        cc, votes = ctx.votes.most_common(1)[0]
        return cc if votes >= MAIN_COUNTRY_SHARE * sum(v for v in ctx.votes.values() if v > 0) else None

    def _admin(self, m: re.Match) -> Place | None:
        """"Kanbalu Township", "Harris County", "Anbar province", "the district of Sinjar": the area itself.

        An admin-2 head looks for the county or district of that name first, an admin-1 head for the
        province; else the town the area is named after, with the area's precision and reach.
        """
        return self.admin_area(m["rest"], m["kind"], m.string)

    def admin_area(self, rest: str, kind: str, phrase: str) -> Place | None:
        """The area a name and a head noun name ("kanbalu" + "township"), see _admin.

        Readings in the order the head suggests (an admin-2 unit, an admin-1 area, the town the area
        is named after); the first in a country the text names wins, else the first found.
        """
        kind = " ".join(kind.split())
        admin2 = kind in ADMIN2_KINDS
        if is_compass(strip_articles(name_key(rest))):  # "the Middle East region": a region of that name;
            return self._admin1(rest)  # else a compass name is read by _compass_area only, never a town
        def admin1(name: str) -> Place | None:  # "the region of X": the area may be listed as "X Region"
            return self._admin1(name) or self._admin1(f"{name} {kind}") or self._admin1_named(name)

        finders = (self._admin2, admin1) if admin2 else (admin1, self._admin2)
        found = [p for p in (*(find(rest) for find in finders), self._area_of_town(rest, kind, admin2))
                 if p is not None]
        voted = [p for p in found if self.context is not None and p.country_code in self.context.votes]
        place = (voted or found or [None])[0]
        if place is not None and place.feature == "admin2" and kind not in name_key(place.name):
            place = replace(place, name=f"{place.name} {kind.title()}")  # "Sinjar" -> "Sinjar District"
        return place

    def _area_of_town(self, rest: str, kind: str, admin2: bool) -> Place | None:
        """"Kanbalu Township" where no unit of that name is known: the area around its town."""
        city = self.lookup(rest, frozenset({"city"}))
        if city is None:
            return None
        name = f"{city.name} {kind.title()}"
        if kind == "region":  # "the Foo region" where no area is named Foo: the land around the town
            return replace(city, name=f"{city.name} region", geo_precision=2, where_prec=2,
                           uncertainty_km=COUNTRYSIDE_KM, method="region-of-town")
        if admin2:
            return replace(city, name=name, geo_precision=3, where_prec=3, feature="admin2",
                           uncertainty_km=max(city.uncertainty_km, ADMIN2_UNCERTAINTY_KM),
                           method="admin2-of-town")
        return replace(city, name=name, geo_precision=3, where_prec=4, uncertainty_km=60.0,
                       method="admin-area-of-city")

    def _admin1(self, rest: str) -> Place | None:
        return self.lookup(rest, ADMIN_FEATURES)

    def _admin1_named(self, rest: str) -> Place | None:
        """An admin-1 area by the name GeoNames' towns give it ("Tillabéri Region" for "the Tillaberi
        region"), read only with its head noun: in a country the text names, else where one country has it."""
        entries = self.gz.admin1_by_base.get(compass_key(strip_articles(name_key(rest))), ())
        if self.context is not None:
            voted = [i for i in entries if self.context.votes.get(self.gz.ccs[i], 0) > 0]
            entries = tuple(voted) or entries
        if len({self.gz.ccs[i] for i in entries}) != 1:
            return None
        i = best_entry(self.gz, entries, name_key(rest), self.context)
        return None if i is None else place_from_entry(self.gz, i, "admin1-named")

    def _admin2(self, rest: str) -> Place | None:
        """An admin-2 unit by its bare name ("harris" for Harris County), the text's own first."""
        key = strip_articles(name_key(rest))
        entries = self.gz.admin2_by_base.get(name_key(rest)) or self.gz.admin2_by_base.get(key, ())
        i = best_entry(self.gz, entries, key, self.context)
        return None if i is None else place_from_entry(self.gz, i, "admin2")

    def _admin_in(self, m: re.Match) -> Place | None:
        """"the Hawija district of Kirkuk governorate", "Kanbalu township in Sagaing", "Foo village in Homs
        province": the inner place, read in its container; an inner name nobody knows there is the
        container (never a namesake elsewhere)."""
        inner = m["rest"] or m.groupdict().get("settlement")
        if "'" in inner or all(
            w in NOT_A_NAME or w in self.gz.demonyms or self._a_country(w) for w in inner.split()
        ):
            # "the eastern province of Deir ez-Zor", "the central Mexico state of X" are the appositive;
            # "Syria's ..." the possessive
            return None
        return self._within(m["container"], inner, inner)

    def _a_country(self, word: str) -> bool:
        """Whether a word is a country's name ("mexico" in "the central mexico state of ...")."""
        entries = self.gz.by_key.get(name_key(word), ())
        entries = (entries,) if isinstance(entries, int) else entries
        return any(self.gz.features[i] == "country" for i in entries)

    def _possessive(self, m: re.Match) -> Place | None:
        """"Sagaing Region's Kanbalu Township", "Syria's eastern province of Deir ez-Zor"."""
        head = m["rest"].split()[-1]
        container = self.lookup(m["container"], ADMIN_FEATURES) if head in ADMIN2_KINDS else None
        container = container or self.resolve(m["container"])  # "Kandahar's X district": the province's
        if container is None:
            return None
        named_head = head in NOT_A_NAME - DESCRIPTIVE_WORDS  # "Kandahar's Foo district"
        return self._within(m["container"], m["rest"], m["rest"] if named_head else None, container)

    def _unnamed_in(self, m: re.Match) -> Place | None:
        anchor = self.resolve(m["rest"])
        if anchor is None:
            return None
        if m["rel"] in ("near", "outside") or anchor.feature in POINT_FEATURES:
            return replace(anchor, name=m.string, geo_precision=max(2, anchor.geo_precision),
                           where_prec=max(2, anchor.where_prec), method=f"{m['rel']}+{anchor.method}",
                           uncertainty_km=round(anchor.uncertainty_km + 10.0, 1))
        return replace(anchor, method=f"part-of+{anchor.method}")

    def within(self, outer: str, inner: str, container: Place) -> Place | None:
        """The inner name's place inside a container already resolved; the container where it holds none."""
        return self._within(outer, inner, inner, container)

    def area_holding(self, outer: str, inside: Place) -> Place | None:
        """The reading of a container's name that holds a place ("Georgia", the state, for Rome, Georgia)."""
        first = self.resolve(outer)
        if first is None:
            return None
        return next((a for a in (first, *self._other_areas(outer, first)) if contains(a, inside)), None)

    def _within(self, outer: str, inner: str, fallback: str | None, container: Place | None = None
                ) -> Place | None:
        """The inner phrase resolved in the container's country and near it; else, when `fallback` is set,
        the container itself (the inner name kept in the method)."""
        if container is None and inner.split()[-1] in ADMIN2_KINDS:  # "the X district of Kirkuk": a province
            container = self.lookup(outer, ADMIN_FEATURES)
        container = container or self.resolve(outer)
        if container is None:
            return None
        for area in (container, *self._other_areas(outer, container)):
            inside = Resolver(self.gz, self._context_with(area)).resolve(inner)
            if inside is not None and contains(area, inside):
                return replace(inside, method=f"in-container:{area.name}+{inside.method}")
        if fallback is None:
            return None
        if container.feature in POINT_FEATURES:  # somewhere in or by the town: near it
            container = replace(container, geo_precision=2, where_prec=max(2, container.where_prec),
                                uncertainty_km=round(container.uncertainty_km + 10.0, 1))
        return replace(container, method=f"container-of-unknown:{inner}+{container.method}")

    def _other_areas(self, outer: str, container: Place) -> list[Place]:
        """The other areas a container's name may stand for, likeliest first: "Rome, Georgia" where the
        country holds no Rome is read in the state (at most MAX_OTHER_AREAS tried)."""
        key = strip_articles(name_key(outer))
        entries = [i for i in self.gz.lookup(key) if self.gz.features[i] in AREA_READINGS
                   and self.gz.ids[i] != container.place_id]
        if not entries:
            return []
        entries.sort(key=lambda i: -score(self.gz, i, key, self.context))
        return [place_from_entry(self.gz, i, "gazetteer") for i in entries[:MAX_OTHER_AREAS]]

    def _context_with(self, container: Place) -> Context:
        """The run's context, with the container's country, admin-1 and point added as evidence."""
        ctx = self.context.copy() if self.context is not None else Context()
        if container.country_code:
            ctx.vote("(container)", container.country_code, 3.0)
        if container.feature == "admin1":
            ctx.admin1.add(container.name)
        elif container.admin1:
            ctx.admin1.add(container.admin1)
        if container.feature != "country":
            ctx.points.insert(0, (container.lat, container.lon))
        return ctx

    def _countryside(self, m: re.Match) -> Place | None:
        """"the eastern countryside of Homs", "Idlib countryside": the land around the town, not the town."""
        town = self.lookup(m["rest"], frozenset({"city"})) or self.resolve(m["rest"])
        if town is None:
            return None
        if town.feature not in POINT_FEATURES:
            return replace(town, name=m.string, method=f"countryside+{town.method}")
        lat, lon = town.lat, town.lon
        direction = DIRECTION_WORDS.get(_compact(m["dir"] or ""), "central")
        if direction in BEARING:
            lat, lon = destination(lat, lon, BEARING[direction], COUNTRYSIDE_KM / 2)
        return replace(town, name=m.string, lat=lat, lon=lon, geo_precision=2, where_prec=2,
                       uncertainty_km=COUNTRYSIDE_KM, method=f"countryside:{direction}+{town.method}")

    def _facility(self, m: re.Match) -> Place | None:
        """"Tawila village" is the village; "the Kadugli market" is in Kadugli; "the X crossing" near X."""
        kind = m["kind"]
        if kind in SETTLEMENT_HEADS:
            return self.lookup(m["rest"], frozenset({"city"}))
        town = self.lookup(m["rest"], POINT_FEATURES)
        if town is None:
            return None
        if kind in FACILITY_IN:
            return replace(town, name=m.string, method=f"{kind}-in+{town.method}")
        return replace(town, name=m.string, geo_precision=2, where_prec=2,
                       uncertainty_km=round(town.uncertainty_km + 10.0, 1),
                       method=f"{kind}-near+{town.method}")

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


def contains(container: Place, inside: Place) -> bool:
    """Whether a place lies in (or by) a container: same country and within the container's reach."""
    if container.country_code and inside.country_code and container.country_code != inside.country_code:
        return False
    if container.feature == "country":
        return True
    if container.admin1 and inside.admin1 == container.admin1 and container.feature in ("admin1", "city"):
        return True  # "Kanbalu township in Sagaing": Sagaing names its region
    reach = container.uncertainty_km + inside.uncertainty_km + CONTAINER_SLACK_KM
    return haversine_km(container.lat, container.lon, inside.lat, inside.lon) <= reach


def _compact(direction: str) -> str:
    return direction.replace("-", "").replace(" ", "")
