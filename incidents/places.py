"""The place step: geo's mentions of a text, and which can be an incident's place.

Only role=place mentions are candidates (never a dateline, an organisation
or a government), and never a span that names an actor or a source ("US
forces", "Sana news agency"). "The country's east" is read with the country
the text was last talking about.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left

log = logging.getLogger(__name__)
COUNTRY_PART = re.compile(
    r"\b(?:the|that|this) country'?s (north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west|centre|center)\b",
    re.I,
)
DIRECTION = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "northeast": "northeastern",
    "northwest": "northwestern",
    "southeast": "southeastern",
    "southwest": "southwestern",
    "centre": "central",
    "center": "central",
}


LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|on|along|across|around|within|into|over|off|throughout|of|from|between|"
    r"hit|hitting|struck|targeted|targeting|shelled|bombed|attacked|pounded|raided|toward|towards)\s+"
    r"(?:(?!(?:was|were|is|are|as|and|that|which|while|where|when|said)\b)[\w'.-]+\s+){0,4}\(?$",
    re.I,
)
# (geo keeps a relation in the mention: "on the outskirts of X", "close to X", "in the vicinity of X")
RELATIONAL = re.compile(
    r"^(?:near|outside|inside|around|north|south|east|west|northern|southern|eastern|western|"
    r"central|the|\d|(?:about|some|roughly|nearly|approximately)\s+\d|"
    r"(?:on|in)\s+the\s+(?:outskirts|vicinity)\b|close\s+to\b|not\s+far\s+from\b|just\s+outside\b|"
    r"in\s+and\s+around\b)",
    re.I,
)
# where people fled or went to is not where the violence was: "forced thousands to flee towards Goma"
DESTINATION = re.compile(
    r"\b(?:fle[de]\w*|flee|escap\w*|head(?:ed|ing)?|mov(?:ed|ing)|taken|evacuated|transferred|return\w*|"
    r"travel\w*|proceed\w*)\s+(?:[\w-]+\s+){0,3}?(?:to|towards?|into)\s+(?:(?:the|a)\s+)?"
    # "will proceed to the conflict zone of X", "taken to a hospital in X"
    r"(?:(?:[\w-]+\s+){1,3}?(?:of|in|at)\s+)?$"
    # "those who fled have arrived in Dori", "took refuge in the town of X": where the displaced are
    r"|\b(?:arrived|arriving|arrive|took\s+refuge|taking\s+refuge|sought\s+refuge|"
    r"seeking\s+refuge|found\s+refuge)\s+(?:[\w-]+\s+){0,2}?(?:in|at|to)\s+"
    # (and the apposition that describes that place: "arrived in Kaya, the capital of the region")
    r"(?:(?-i:[A-Z])[\w'’-]*\s+){0,2}(?:(?-i:[A-Z])[\w'’-]*,\s+)?$",
    re.I,
)


# where the wounded are cared for is not where the violence was: "receiving treatment at a hospital in X",
# "rushed to hospitals in X", "died of their wounds at a hospital in X", "succumbed to his injuries in X"
# (but "a strike hit a hospital in X" is the violence's place: the hospital needs a verb of care before it)
_HOSPITAL = r"(?:hospitals?|clinics?|medical (?:centres?|centers?))\s+(?:in|at|of)\s+(?:the\s+)?$"
CARE = re.compile(
    r"\b(?:treated|treatment|hospitali[sz]ed|recovering|succumbed)\s+(?:[\w-]+\s+){0,3}?(?:in|at)\s+"
    r"(?:(?:a|the)\s+)?$|"
    r"\b(?:rushed|brought|taken|transferred|evacuated|airlifted|flown|admitted)\s+to\s+(?:[\w-]+\s+){0,3}?"
    rf"{_HOSPITAL}|"
    r"\bdied(?:\s+(?:of|from)(?:\s+[\w-]+){1,2}?)?\s+(?:in|at)\s+(?:[\w-]+\s+){0,2}?"
    rf"{_HOSPITAL}",
    re.I,
)


# where words were spoken is not where the violence was: "speaking to our correspondent in
# Maiduguri", "said in London", "told reporters in Kabul"
SPEAKER = re.compile(
    r"\b(?:correspondents?|reporters?|journalists?|speaking|spoke|said|says|told|announced|"
    r"(?:news|press) conference|briefing)\s+(?:[\w-]+\s+){0,2}?in\s+$|"
    # "said in a statement released late Tuesday in Washington"
    r"\b(?:statement|remarks|speech|interview|(?:news|press) release)s?\s+(?:released|issued|made|given|"
    r"delivered|published|posted)\s+(?:[\w-]+\s+){0,3}?in\s+$",
    re.I,
)


# the seat of a body that speaks is not where the violence was: "the Ministry of Defense in Damascus did
# not comment", "the Foreign Office in Islamabad summoned the envoy" (but "a rocket hit the ministry in X")
SEAT = re.compile(
    r"\b(?:ministry|ministries|foreign office|foreign ministry|embassy|government|presidency|cabinet|"
    r"parliament|spokesm[ae]n|spokesperson|authorities)(?:\s+(?:of|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?"
    r"\s+in\s+$",
    re.I,
)
SEAT_SPEAKS = re.compile(
    r"\s*+(?:,\s*+)?(?:(?:did|does|has|had|have|would) not\s+|(?:declined|refused) to\s+|also\s+|later\s+)?"
    r"(?:comment\w*|respond\w*|said|says|say|condemn\w*|den(?:ied|ies|y)|summon\w*|announc\w*|confirm\w*|"
    r"blam\w*|accus\w*|protest\w*|issued|urged|called|warned|rejected|dismissed)\b",
    re.I,
)


def locative(text: str, mention, offset: int = 0) -> bool:
    """The mention is where something is ("in X", "near X", "hit X"), not whom it is about ("to Tehran")
    nor where people went ("fled towards Goma", "taken to hospital in Maiduguri"), nor where
    someone spoke ("said in London"), nor where the wounded were treated."""
    start = mention.start - offset
    before = text[max(0, start - 45) : start]
    if DESTINATION.search(before) or CARE.search(before):
        return False  # "fled to the outskirts of X", "arrived in X, the capital of ...", "treated in X"
    if RELATIONAL.match(mention.text):
        return True
    if ATTRIBUTIVE.search(before) and SITE.match(text, mention.end - offset):
        return True  # "gunmen stormed a Kandahar wedding", "a blast at the Aden market"
    if SEAT.search(before) and SEAT_SPEAKS.match(text, mention.end - offset):
        return False
    return bool(LOCATIVE.search(before)) and not SPEAKER.search(before)


# a place named before a site ("a Kandahar wedding", "the Aden market"): where the site is
ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|one|two|three)\s+$", re.I)
SITE = re.compile(
    r"\s+(?:bar|nightclub|club|restaurant|caf[eé]|tea\s*shop|hotel|mosque|church|temple|synagogue|shrine|market|"
    r"bazaar|mall|school|university|college|hospital|clinic|bus\s+station|train\s+station|checkpoint|prison|"
    r"jail|camp|neighbou?rhood|suburb|street|square|stadium|wedding|funeral|factory|port|airport|hostel|"
    r"shop|store|bakery|home|house|residence|compound)s?\b",
    re.I,
)


# "at X, where the clash took place", "in X, where the bomb went off": the clause ties the place to the event
SCENE = re.compile(
    r"\s*+,?\s*+where\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}?(?:took place|happened|occurred|erupted|"
    r"broke out|exploded|went off|struck|was carried out|were carried out)\b",
    re.I,
)


def names_the_scene(text: str, end: int) -> bool:
    """Whether the place ending at `end` is followed by a clause saying the event happened there."""
    return SCENE.match(text, end) is not None


# "a Barbados-flagged carrier", "a UK-owned ship", "a Kyiv-based group": a name inside a compound
# adjective describes something (its flag, owner, seat); it is not where the violence was
COMPOUND_ADJECTIVE = re.compile(
    r"-(?:flagged|owned|registered|operated|managed|based|backed|aligned|linked|allied|bound|made|built|"
    r"born|funded|sponsored|listed)\b",
    re.I,
)


# "at the Foo dam", "along the Foo canal": a waterway or landform named after a town is not the town
LANDFORM = re.compile(
    r"\s+(?:canal|river|valley|lake|dam|mountains?|hills|desert|strait|bay|gulf|basin|plain|plateau|forest|"
    r"delta|corridor|pass)\b",
    re.I,
)


def find(text: str, url: str = "") -> list:
    """geo.find_places(text), the outlet's country (from a national domain in its url) as its region;
    [] (with a log line) when geo cannot answer."""
    try:
        import geo
        from geo.outlets import region_of_url

        return geo.find_places(text, region=region_of_url(url))
    except Exception as e:  # geo missing or failing must not lose the rest of the article
        log.warning("geo.find_places failed: %s", e)
        return []


def candidates(
    mentions: list, start: int, end: int, exclude: list[tuple[int, int]], sentence: str = ""
) -> list:
    """Incident-place candidates inside [start, end); `sentence` is the text from `start`."""
    from geo.place import ROLE_PLACE

    spans = sorted(exclude)
    starts = [a for a, _ in spans]
    reach = max((b - a for a, b in spans), default=0)  # how far back an overlapping span may start

    def overlapping(m) -> list[tuple[int, int]]:  # the exclude spans that can touch m, by bisection
        return spans[bisect_left(starts, m.start - reach) : bisect_left(starts, m.end)]

    return [
        m
        for m in mentions
        if start <= m.start < end
        and m.role == ROLE_PLACE
        and m.place is not None
        and not any(_names_other(m, a, b) for a, b in overlapping(m))
        and not COMPOUND_ADJECTIVE.match(sentence, m.end - start)
        and not LANDFORM.match(sentence, m.end - start)
    ]


def _names_other(mention, start: int, end: int) -> bool:
    """Whether an actor's or source's span [start, end) takes the mention over.

    "US" in "US forces" and "Sana" in "Sana news agency" are inside an actor or
    source name; a place phrase that merely contains such a word ("the military
    part of the airport in Arbil") is still a place.
    """
    overlaps = start < mention.end and mention.start < end
    inside_place = mention.start <= start and end <= mention.end and end - start < mention.end - mention.start
    return overlaps and not inside_place


def country_context(mentions: list, before: int, exclude: list[tuple[int, int]]) -> str | None:
    """The country code of the last place or adjectival mention before a position, else of the last
    country named as a government or an actor's owner, else the dateline's.

    "BAGHDAD (Reuters) - A bomb exploded north of the capital": where the reporter files
    from is no incident place, but it says which country "the capital" and "the country's
    north" are of when the text has named none before them.
    """
    dateline = voice = None
    for m in reversed(mentions):
        if m.start >= before or m.place is None or not m.place.country_code:
            continue
        excluded = any(a < m.end and m.start < b for a, b in exclude)
        if m.role in ("place", "adjectival") and not excluded:
            return m.place.country_code
        # "Myanmar's junta confirmed ...", "Ethiopian officials said": a country named as a government's
        # voice or an actor's owner is the one spoken of where the text names no place before
        if m.role in ("government", "place", "adjectival") and m.place.feature == "country" and voice is None:
            voice = m.place.country_code
        if excluded:
            continue
        if m.role == "dateline" and dateline is None:
            dateline = m.place.country_code
    return voice or dateline


def country_parts(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "the country's east" resolved with the country in context."""
    out = []
    for m in COUNTRY_PART.finditer(sentence):
        cc = country_context(mentions, offset + m.start(), exclude)
        if not cc:
            continue
        place = _resolve_part(m.group(0), m.group(1), cc)
        if place is not None:
            from geo.place import PlaceMention

            out.append(PlaceMention(m.group(0), offset + m.start(), offset + m.end(), "place", place))
    return out


_DIRS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# "north of the city", "in the town", "outside the capital": the settlement the text last named
SETTLEMENT_REF = re.compile(
    rf"\b(?:(?P<rel>(?:just\s+)?{_DIRS}\s+of\s+|outside\s+|near\s+|on\s+the\s+outskirts\s+of\s+)|"
    r"(?:in|inside|across|into|at)\s+)the\s+(?P<noun>city|town|capital)\b(?!\s+(?:of|council|hall)\b|['’])",
    re.I,
)


def settlement_refs(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "north of the city" / "the capital" resolved with the place last named.

    "The city" is the last city the text named as a place; "the capital" the capital
    of the country the text is about. A relation keeps its words ("north of El Fasher").
    """
    out = []
    for m in SETTLEMENT_REF.finditer(sentence):
        start = offset + m.start()
        if any(a < offset + m.end() and start < b for a, b in exclude):
            continue
        name = _settlement_before(m.group("noun").lower(), mentions, start, exclude)
        place = _resolve_phrase(f"{m.group('rel') or ''}{name}") if name else None
        if place is not None:
            from geo.place import PlaceMention

            out.append(PlaceMention(m.group(0), start, offset + m.end(), "place", place))
    return out


# "near X on the Deir Ezzor-Palmyra road": a road named for the towns it joins runs from the first
_NAME = r"[A-Z][\w'’]*(?:\s(?:al-|el-|ez-|ad-)?[A-Z][\w'’]*){0,2}"
ROAD = re.compile(
    rf"\b(?:on|along|off|near|by)\s+the\s+(?P<a>{_NAME})\s?[-–]\s?(?P<b>{_NAME})\s+"
    r"(?:road|highway|motorway|expressway|route)\b"
)


# "on the road to X", "along the highway from X to Y": somewhere on it, near the first town it names
ROAD_TO = re.compile(
    rf"\b(?:on|along|off)\s+the\s+(?:main\s+)?(?:road|highway|motorway|route)\s+"
    rf"(?:(?:leading\s+)?(?:to|towards)|from)\s+(?P<a>{_NAME})"
)


def road_refs(sentence: str, offset: int, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "on the X-Y road" and "on the road to X": near X (geo reads X as the town itself)."""
    out = []
    for m in (*ROAD.finditer(sentence), *ROAD_TO.finditer(sentence)):
        start = offset + m.start("a")
        if any(a < offset + m.end() and start < b for a, b in exclude):
            continue
        place = _resolve_phrase(f"near {m.group('a')}")
        if place is not None:
            from geo.place import PlaceMention

            out.append(PlaceMention(m.group(0), start, offset + m.end(), "place", place))
    return out


_WORD_HYPHENED = r"[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"  # "Saint-Louis-du-Nord", "Ras al-Ain"
_HYPHENED = rf"{_WORD_HYPHENED}(?:\s(?:al-|el-|ez-|ad-)?{_WORD_HYPHENED}){{0,2}}"
# "in Kanbalu Township, Sagaing Region", "in Ndhiwa sub-county", "near the province's Foo town": a name with
# its unit, which geo may not read as a whole; the name alone is looked up (the unit word says it is a
# place), "near" kept; an owner before it ("Kashmir's Foo town") is the container, not the place
ADMIN_UNIT = re.compile(
    rf"\b(?P<rel>in|of|across|near|at|outside)\s+(?:the\s+)?"
    rf"(?:{_NAME}(?:\s(?:province|region|state|district|governorate|county))?['’]s\s+)?(?P<name>{_HYPHENED})\s+"
    r"(?P<unit>Township|District|Region|Province|County|Sub-county|Municipality|Department|Governorate|State|"
    r"Division|Prefecture|town|city|province|governorate|district|county)\b"
)
# "in X province" with the unit in lower case: the unit itself (X alone would read as X's town)
AREA_UNITS = {"province", "governorate", "district", "county"}


def admin_refs(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "in X Township" where geo named no place over the phrase."""
    out = []
    for m in ADMIN_UNIT.finditer(sentence):
        start, end = offset + m.start("name"), offset + m.end()
        unit = m.group("unit") in AREA_UNITS
        if any(a < end and start < b for a, b in exclude) or any(
            g.start < end
            and start < g.end
            and g.place is not None
            and not (unit and _unit_dropped(g, m, offset))
            for g in mentions
        ):
            continue
        near = m.group("rel") in ("near", "outside")
        name = f"{m.group('name')} {m.group('unit')}" if m.group("unit") in AREA_UNITS else m.group("name")
        place = _resolve_phrase(f"{m.group('rel')} {name}" if near else name)
        if place is not None:
            from geo.place import PlaceMention

            out.append(PlaceMention(m.group(0)[m.start("name") - m.start() :], start, end, "place", place))
    return out


def _unit_dropped(g, m: re.Match, offset: int) -> bool:
    """geo read the town in "in X district" and left the unit word out: the text names the unit."""
    inside = offset + m.start("name") <= g.start and g.end <= offset + m.start("unit")
    return g.place.feature == "city" and inside


# "the Syrian town of X", "the southern city of X", "the village of X": a settlement named by its
# kind; the whole phrase is looked up where geo placed nothing over the name
LOCALITY = re.compile(
    rf"\bthe\s+(?:[\w'’-]+\s+){{0,3}}?(?:town|city|village|district|province|governorate|suburb|"
    rf"neighbou?rhood|camp|region|county|municipality)\s+of\s+(?P<name>{_HYPHENED})(?![\w'’-])"
)


def locality_refs(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "the Syrian town of X" where geo read no place over X."""
    out = []
    for m in LOCALITY.finditer(sentence):
        start, end = offset + m.start(), offset + m.end()
        name_start = offset + m.start("name")
        placed = any(
            g.start < end and name_start < g.end and g.place is not None and g.role == "place"
            for g in mentions
        )
        if placed or any(a < end and name_start < b for a, b in exclude):
            continue
        place = _resolve_phrase(m.group(0))
        if place is not None and place.feature != "country":
            from geo.place import PlaceMention

            out.append(PlaceMention(m.group(0), start, end, "place", place))
    return out


# "in the outskirts of Maarat al-Foo", "near Tall al-Foo": a transliterated name (an article inside it) placed
# by a locative word, where geo read no place over it; "the outskirts of X" is near X
_TRANSLIT = r"[A-Z][\w'’]*(?:\s|-)(?:al|el|ad|ar|as|an|ash|az|ez|ed|es|at|adh|ath)-[A-Z][\w'’]*"
TRANSLIT_REF = re.compile(
    rf"\b(?P<rel>in|near|at|outside|(?:in|on) the outskirts of|the outskirts of)\s+"
    rf"(?P<name>{_TRANSLIT})(?![\w'’-])"
)


def translit_refs(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "(near|in the outskirts of) X al-Y" where geo read no place over the name."""
    out = []
    for m in TRANSLIT_REF.finditer(sentence):
        start, end = offset + m.start("name"), offset + m.end()
        if any(a < end and start < b for a, b in exclude) or any(
            g.start < end and start < g.end and g.place is not None for g in mentions
        ):
            continue
        near = m.group("rel") not in ("in", "at")
        place = _resolve_phrase(f"near {m.group('name')}" if near else m.group("name"))
        if place is not None and place.feature != "country":
            from geo.place import PlaceMention

            out.append(PlaceMention(m.group(0), offset + m.start(), end, "place", place))
    return out


# "on the Foo-Bar border", "near the Foo–Bar district boundary": the line between two places of one country
BETWEEN = re.compile(r"\s?[-–]\s?$")
BOUNDARY = re.compile(
    r"\s+(?:(?:districts?|provinces?|states?|counties|county|regions?)\s+)?(?:border|boundary|frontier)\b",
    re.I,
)


def border_refs(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "the X-Y border" where X and Y are two places of one country (towns, districts).

    Geo reads a border between two countries as a band; between two towns or districts of
    one country the line lies between them: the midpoint, its radius half their distance
    (ACLED precision 2; UCDP's linear feature). Read as two towns, the phrase would put
    the event at the first.
    """
    from geo.place import ROLE_PLACE, PlaceMention

    out = []
    inside = [m for m in mentions if offset <= m.start and m.end <= offset + len(sentence)]
    for a, b in zip(inside, inside[1:], strict=False):
        if not (a.role == b.role == ROLE_PLACE and a.place is not None and b.place is not None):
            continue
        pa, pb = a.place, b.place
        if "country" in (pa.feature, pb.feature) or not pa.country_code or pa.country_code != pb.country_code:
            continue
        tail = BOUNDARY.match(sentence, b.end - offset)
        if tail is None or not BETWEEN.fullmatch(sentence, a.end - offset, b.start - offset):
            continue
        if any(x < offset + tail.end() and a.start < y for x, y in exclude):
            continue
        out.append(
            PlaceMention(
                sentence[a.start - offset : tail.end()],
                a.start,
                offset + tail.end(),
                ROLE_PLACE,
                _midpoint(pa, pb),
            )
        )
    return out


def _midpoint(a, b):
    """The place halfway between a and b, as wide as half their distance (never under 10 km)."""
    from geo.place import Place

    half = _km(a.lat, a.lon, b.lat, b.lon) / 2
    points = {"city", "airport", "base", "crossing"}
    return Place(
        name=f"{a.name}–{b.name} border",
        lat=round((a.lat + b.lat) / 2, 5),
        lon=round((a.lon + b.lon) / 2, 5),
        country_code=a.country_code,
        admin1=a.admin1 if a.admin1 == b.admin1 else None,
        place_id=f"between:{a.place_id}:{b.place_id}",
        geo_precision=2 if a.feature in points and b.feature in points else 3,
        where_prec=5,
        uncertainty_km=round(max(10.0, half + max(a.uncertainty_km, b.uncertainty_km) / 2), 1),
        method="midpoint",
        feature="border",
    )


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    from incidents.cluster import km

    return km(lat1, lon1, lat2, lon2)


# "in the jungles of X", "the forests near X": wild ground named by the area or town it lies in
TERRAIN = re.compile(
    rf"\bthe\s+(?:(?:dense|thick|remote)\s+)?(?:jungles?|forests?|woods|bush|hills|mountains)\s+"
    rf"(?P<rel>of|near|around|outside)\s+(?P<name>{_HYPHENED})(?![\w'’-])"
)


def terrain_refs(sentence: str, offset: int, mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Mentions for "the jungles of X" where geo read no place over X: the area X names, or near
    the town X names (ACLED precision 2)."""
    from geo.place import PlaceMention

    out = []
    for m in TERRAIN.finditer(sentence):
        start, end = offset + m.start("name"), offset + m.end()
        if any(a < end and start < b for a, b in exclude) or any(
            g.start < end and start < g.end and g.place is not None for g in mentions
        ):
            continue
        words = m.group("name").split()
        # "the jungles of X Sunday": the longest run of the capitalised words that names a place
        for k in range(len(words), 0, -1):
            name = " ".join(words[:k])
            place = _resolve_phrase(name)
            if place is not None and place.feature == "city":
                place = _resolve_phrase(f"near {name}")
            if place is not None and place.feature != "country":
                stop = start + len(name)
                out.append(
                    PlaceMention(
                        sentence[m.start() : stop - offset], offset + m.start(), stop, "place", place
                    )
                )
                break
    return out


def _settlement_before(noun: str, mentions: list, before: int, exclude) -> str | None:
    if noun == "capital":
        cc = country_context(mentions, before, exclude)
        return _capital_name(cc) if cc else None
    # ("MOGADISHU (Reuters) - A bomb exploded in the city": the dateline names the city "the city" means,
    # unless the text has since named a place in another country: "BAMAKO - ... in Burkina Faso's north
    # ... near the town" is no town of the reporter's)
    elsewhere: set[str] = set()
    for g in reversed(mentions):
        if g.start >= before or g.place is None:
            continue
        if g.role == "place" and g.place.feature == "city":
            return g.place.name
        if g.role == "dateline" and g.place.feature == "city":
            return g.place.name if not elsewhere - {g.place.country_code} else None
        if g.role in ("place", "adjectival") and g.place.country_code:
            elsewhere.add(g.place.country_code)
    return None


def _capital_name(cc: str) -> str | None:
    try:
        import geo

        name = geo.country_name(cc)
        place = geo.resolve(f"the capital of {name}") if name else None
        return place.name if place is not None and place.country_code == cc else None
    except Exception as e:  # geo failing must not lose the rest of the article
        log.warning("geo.resolve failed: %s", e)
        return None


def country_name(cc: str) -> str | None:
    """The country's name in the gazetteer (None when geo cannot answer)."""
    try:
        import geo

        return geo.country_name(cc)
    except Exception as e:  # geo failing must not lose the rest of the article
        log.warning("geo.country_name failed: %s", e)
        return None


def _resolve_phrase(phrase: str):
    try:
        import geo

        return geo.resolve(phrase)
    except Exception as e:  # geo failing must not lose the rest of the article
        log.warning("geo.resolve failed: %s", e)
        return None


def _resolve_part(phrase: str, direction: str, cc: str):
    """ "eastern Syria" when the gazetteer knows it (a clean name), else the phrase in context."""
    try:
        import geo

        name = geo.country_name(cc)
        adj = DIRECTION.get(direction.lower().replace("-", ""), direction)
        place = geo.resolve(f"{adj} {name}") if name else None
        if place is None or place.country_code != cc:
            place = geo.resolve(phrase, context=[cc])
        return place if place is not None and place.country_code == cc else None
    except Exception as e:  # geo failing must not lose the rest of the article
        log.warning("geo.resolve failed: %s", e)
        return None
