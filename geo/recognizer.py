"""`find_places(text)`: place mentions in running text, with offsets, roles and places.

Fast by construction: one compiled regex finds capitalised spans, dictionary
look-ups find the longest known names in them, and a few anchored regexes
grow a name into the phrase around it ("north of Baghdad", "the airport in
Arbil", "the Iraq-Syria border region", "near the Somali capital's airport").
A country that modifies the noun after it ("US personnel") is adjectival, not
a place. No tagger, no model.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from geo.admin1 import compass_key, is_compass
from geo.candidates import (
    DOMINANT_SHARE,
    Context,
    best_entry,
    certainty,
    foreign_town,
    haversine_km,
    pair_readings,
    place_from_entry,
    reading_shares,
)
from geo.gazetteer import Gazetteer, load_gazetteer, ukrainian_spellings
from geo.normalize import name_key, skeleton, strip_articles
from geo.place import ROLE_ADJECTIVAL, ROLE_ORGANISATION, ROLE_PLACE, Place, PlaceMention
from geo.resolver import Resolver, clean_phrase, contains
from geo.roles import is_attributive, role_of

MAX_TEXT = 2_000_000
MAX_NGRAM = 6
WINDOW = 80  # characters around a name that the patterns growing it may read
MIN_POP_ALONE = 15_000        # a lone village name needs its country in the text to count
MIN_POP_ALT_NAME = 100_000    # a one-word name known only as another place's alternate name
# ...unless other places of the text lie near it: "Haditha" beside Ramadi and Anbar, "Kobani" beside Raqqa
MIN_POP_ALONE_IN_CONTEXT = 0
MIN_POP_ALT_NAME_IN_CONTEXT = 0
SMALL_TOWN_NEAR_KM = 150.0
# "Kirby" in "John Kirby" is a person; "Sydney" in "Sydney Morning Herald" still a place
MIN_POP_NEXT_TO_NAME = 1_000_000
ORG_PLACE_MIN_SHARE = 0.25  # "Baghdad Post" keeps Baghdad only where the text is about its country
REGION_VOTE = 1.0  # the outlet's own country counts as much as one mention of it in the text
SOFT_VOTE = 0.5  # a shared name's vote for its likeliest country counts half a sure one
AREA = frozenset({"country", "admin1", "admin2", "region", "continent", "base", "crossing"})

_ARTICLE = r"(?:al|el|ad|as|ash|ar|az|an|at|ez|es|ed|adh|ul|ud)[-‑]"
# a lower-case Persian/Urdu izafe between the parts of a name: "Mazar-e-Sharif", "Mazar-i-Sharif"
_IZAFE = r"(?:[eiy]|ul|ud|ur)[-‑]"
TOKEN = re.compile(rf"(?:[A-Z]\.){{2,}}|(?:St|Mt|Ft)\.(?= [A-Z])|(?:{_ARTICLE})?[A-Z][\w’']*\w"
                   rf"(?:[-‑](?:{_IZAFE})?(?:{_ARTICLE})?[A-Z][\w’']*\w)*|[A-Z]")
CONNECTOR = re.compile(r" (?:(?:of|of the|de|del|de la|la|le|du|da|do|dos|das|bin|ibn|al|el|upon|on|y"
                       r"|and the) )?$")
CONNECTOR_MAX = len(" and the ")  # the longest gap CONNECTOR can join
LEADING_WORDS = frozenset({"The", "THE", "A", "An", "In", "At", "On", "From", "To", "Of", "And", "But",
                           "By"})
LEADING_WORDS_LOWER = frozenset(w.lower() for w in LEADING_WORDS) | {
    "near", "outside", "across", "into", "for", "with", "like", "both", "while", "as"}
GEO_GENERICS = frozenset({"lake", "mount", "mt", "port", "cape", "fort", "camp", "greater", "upper", "lower",
                          "new", "san", "santa", "saint", "st", "north", "south", "east", "west", "central",
                          "northern", "southern", "eastern", "western", "downtown", "old", "gulf", "bay"})
HYPHEN_ADJ = re.compile(r"[-‑](?:backed|led|based|born|linked|allied|aligned|sponsored|funded|supported|made"
                        r"|owned|controlled|held|run|friendly|affiliated|bound|born|style|era|centric|trained|armed)\b")

_DIR = r"(?:(?:north|south)[- ]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?|central)"
SUFFIXES = [re.compile(rx) for rx in (
    r"(?:['’]s)?\s+(?:[Ii]nternational\s+)?(?:[Aa]irport|[Aa]ir\s*[Bb]ase|[Aa]irbase|[Aa]irfield|[Mm]ilitary\s+[Bb]ase)\b",
    # "the Abu Ghraib district of Baghdad governorate", "Kanbalu Township in Sagaing Region"
    r"\s+(?:[Dd]istrict|[Cc]ounty|[Tt]ownship|[Mm]unicipality|[Rr]aion|[Pp]arish|[Tt]ehsil|[Ss]ub-?district)"
    r"\s+(?:of|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}"
    r"(?:\s+(?:[Pp]rovince|[Gg]overnorate|[Rr]egion|[Ss]tate|[Oo]blast))?\b",
    r"\s+(?:[Pp]rovince|[Gg]overnorate|[Rr]egion|[Dd]istrict|[Oo]blast|[Cc]ounty|[Pp]refecture|[Ss]tate"
    r"|[Tt]ownship|[Pp]arish|[Tt]ehsil|[Ss]ub-?district|[Dd]epartment|[Cc]ountryside)\b(?!\s+(?:of|[A-Z]))",
    # a named village, market, hospital, checkpoint: the place named, or in or near the town it is named after
    r"\s+(?:[Vv]illage|[Mm]arket|[Hh]ospital|[Cc]heckpoint|[Cc]rossing)\b",
    r"\s+(?:(?:[Rr]efugee|[Dd]isplacement|IDP)\s+)?[Cc]amp\b",  # "the Jabalia refugee camp"
    # Nigeria's local government areas, and other second-level names that follow the place
    r"\s+(?:[Ll]ocal\s+[Gg]overnment\s+[Aa]rea|LGA|[Mm]unicipality|[Rr]aion)\b",
)]
PREFIXES = [re.compile(rx + r"$", re.IGNORECASE) for rx in (
    r"\bthe\s+(?:[\w-]+\s+){0,3}?(?:city|town|village|capital|province|region|governorate|district|port|enclave"
    r"|suburb|neighbou?rhood|area|border\s+town|oil\s+town|oil\s+city|countryside|county|township"
    r"|municipality|state)\s+of\s+",
    rf"\b(?:the\s+)?{_DIR}\s+",
)]
RELATIONS = [re.compile(rx + r"$", re.IGNORECASE) for rx in (
    r"\b(?:the\s+(?:military|civilian|civil)\s+(?:part|section|side|wing)\s+of\s+)?the\s+(?:airport|air\s*base"
    r"|airbase|airfield)\s+(?:in|of|at|near|outside)\s+",
    rf"(?:\b(?:some|about|around|roughly)\s+)?\b\d+(?:\.\d+)?\s*(?:km|kms|kilometers|kilometres|miles|mi)\.?\s+"
    rf"(?:\(\d+\s*\w+\)\s+)?(?:to\s+the\s+)?{_DIR}\s+of\s+",
    rf"\b(?:just\s+)?{_DIR}\s+of\s+",
    r"\b(?:near(?:\s+to)?|nearby|outside(?:\s+of)?|close\s+to|just\s+outside|on\s+the\s+outskirts\s+of"
    r"|in\s+the\s+vicinity\s+of|not\s+far\s+from|(?:in\s+and\s+)?around)\s+",
)]
# the first word after a name that SUFFIXES may read, the last word before it that PREFIXES and RELATIONS
# may read: a cheap look before any pattern runs
SUFFIX_WORDS = frozenset({"international", "airport", "air", "airbase", "airfield", "military", "province",
                          "governorate", "region", "district", "oblast", "county", "prefecture", "state",
                          "refugee", "displacement", "idp", "camp", "local", "lga", "municipality", "raion",
                          "township", "parish", "tehsil", "subdistrict", "sub-district", "department",
                          "countryside", "village", "market", "hospital", "checkpoint", "crossing"})
PREFIX_WORDS = frozenset({"of", "in", "at", "near", "outside", "to", "nearby", "from", "around"})
_DIR_WORD = re.compile(rf"{_DIR}")


def _is_prefix_word(word: str) -> bool:
    return word in PREFIX_WORDS or _DIR_WORD.fullmatch(word) is not None


_CC_NAME = r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?"
COUNTRY_PARTS = re.compile(rf"\b[Tt]he\s+(?:country|nation)['’]s\s+{_DIR}\b"
                           rf"|\b[Tt]he\s+{_DIR}\s+of\s+the\s+(?:country|nation)\b")
LOCATIVE_BEFORE = re.compile(r"\b(?:in|inside|across|within|into|throughout)\s+$")
PHRASE_FEATURES = frozenset({"border", "direction"})
# every pattern run over the whole text starts only where a word starts ((?<![\w.]): not inside "U.S.U.S."),
# so a failed try costs one word, never the rest of a run
BORDERS = re.compile(
    rf"(?<![\w.])(?:[Nn]ear\s+)?(?:[Tt]he\s+)?(?:{_CC_NAME}\s*(?:-|–|—|/|\s+and\s+)\s*)?{_CC_NAME}\s+(?:border|frontier)"
    rf"(?:\s+(?:region|area|zone|areas|regions))?\b"
    rf"|\b[Tt]he\s+{_CC_NAME}\s+side\s+of\s+the\s+(?:border|frontier)\b")

# an admin-1 area named by capitalised compass words, with its head noun ("the South-East region", "Zambia's
# Eastern Province", "the Centre-North region of Burkina Faso") or, two words or more, after "the" ("in the
# North East and ..."): resolved as a phrase (geo.resolver._compass_area). "northeast Syria" is no such name.
_COMPASS_WORD = (r"(?:(?:North|South)[- ]?(?:[Ee]ast|[Ww]est)(?:ern)?|(?:North|South|East|West)(?:ern)?"
                 r"|Cent(?:re|er|ral)|Nord|Sud|Est|Ouest)")
_COMPASS_NAME = rf"(?:(?:Far|Extreme|Upper|Lower)[- ])?{_COMPASS_WORD}(?:[- ]{_COMPASS_WORD}){{0,2}}"
_AREA_ADJECTIVE = (r"(?:restive|volatile|troubled|remote|rural|embattled|neighbou?ring|[Aa]nglophone"
                   r"|[Ff]rancophone|English-speaking|French-speaking|conflict-hit|insurgency-hit|oil-rich|mineral-rich)")
# found by their compass words first (_compass_names: a cheap scan), then read around: the words before
# (COMPASS_BEFORE: "the", an owner "X's", up to two adjectives) and after (COMPASS_AFTER: the head noun, a
# container "of X"); not part of a longer name ("the Northwest Cancer Centre", "North State Street")
COMPASS_NAME_AT = re.compile(rf"(?<![\w.-]){_COMPASS_NAME}(?![\w-])")
# the words a compass name starts with: found by str.find (C speed), the pattern tried only there
COMPASS_STARTS = ("North", "South", "East", "West", "Cent", "Far", "Extreme", "Upper", "Lower", "Nord", "Sud",
                  "Est", "Ouest")
COMPASS_BEFORE = re.compile(rf"(?<![\w.])(?:(?:[Tt]he\s+)?{_CC_NAME}['’]s\s+|(?P<the>[Tt]he\s+))"
                            rf"(?:{_AREA_ADJECTIVE}\s+){{0,2}}$|(?:{_AREA_ADJECTIVE}\s+){{1,2}}$")
COMPASS_AFTER = re.compile(
    r"(?:\s+(?P<kind>[Rr]egion|[Pp]rovince|[Ss]tate|[Dd]epartment|[Gg]overnorate|[Dd]ivision)\b"
    r"(?P<container>\s+(?:of|in)\s+(?:the\s+)?[A-Z]\w*(?:[-'’]\w+)*(?:\s[A-Z]\w*){0,2})?)?(?!\s+[A-Z])")
COMPASS_FEATURES = frozenset({"admin1", "direction"})
BARE_COMPASS_FEATURES = frozenset({"admin1"})  # "in the North East and ...": the area, never a direction
COMPASS_BEFORE_REACH = 60

# "the Somali capital", "Iraq's capital", "the Kurdish regional capital": a capital named by its area
# ("the capital of Iraq" is grown from "Iraq" by PREFIXES instead).
CAPITALS = re.compile(r"(?<![\w.])(?:[Tt]he\s+(?:[A-Z][\w.]*\s+){1,3}|[A-Z][\w.]*(?:\s[A-Z][\w.]*)?['’]s\s+)"
                      r"(?:(?:regional|provincial|state|federal|national)\s+)?capital(?:\s+city)?\b(?!\s+of\b)")
CAPITAL_FEATURES = frozenset({"city"})


_Found = tuple[str, tuple[int, ...], "int | None"]


@dataclass
class _Candidate:
    start: int
    end: int
    key: str
    entries: tuple[int, ...]
    demonym: int | None = None  # the entry an adjective stands for ("Syrian", "Kurdish")


@lru_cache(maxsize=262_144)
def _key(phrase: str) -> str:
    return name_key(phrase)


def find_places(text: str, *, gazetteer: Gazetteer | None = None,
                region: str | Iterable[str] | None = None) -> list[PlaceMention]:
    """Place mentions of a text, in order, each with its role and resolved place.

    region: the country or countries the outlet covers ("LB" for a Beirut daily), one vote each
    beside the text's own evidence (README, "Places": how a name shared by several places is read).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_TEXT]
    gz = gazetteer or load_gazetteer()
    candidates, small = _plausible_candidates(text, gz)
    context = _vote(gz, candidates)
    for cc in _region_codes(gz, region):
        context.vote("(outlet)", cc, REGION_VOTE)
    resolver = Resolver(gz, context)
    candidates = _with_small_towns_of_the_text(text, gz, candidates, small, resolver)
    mentions = [_mention(text, c, gz, resolver) for c in candidates]
    mentions = [m for m in mentions if m is not None]
    if ", " in text:
        mentions = _read_in_apposition(text, mentions, resolver)
    return _compounds(text, mentions, resolver)


# "Lebanon, a city in Warren County", "Palma, a small coastal town in Cabo Delgado": an apposition naming
# the area that holds the place (at most three words before its noun)
APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:town|city|village|suburb|district|county"
                        r"|municipality|township|port|hamlet|community|neighbou?rhood|settlement|locality)"
                        r"\s+(?:in|of|near|outside)\s+(?:the\s+)?")


def _read_in_apposition(text: str, mentions: list[PlaceMention], resolver: Resolver) -> list[PlaceMention]:
    """A name followed by an apposition that names its container is read inside that container: the
    container's place of that name, whatever the rest of the text votes ("Lebanon, a city in Warren
    County, Ohio" is not the country); where it holds none of that name, the container is the place (the
    text says it is there: "Palma, a town in Cabo Delgado" is not in Spain). Later mentions of the name
    follow; earlier ones are read before the text says where it is, and keep their reading."""
    by_start = {m.start: m for m in mentions}
    out, settled = [], {}
    for m in mentions:
        found = APPOSITION.match(text, m.end, m.end + WINDOW) if text.startswith(", ", m.end) else None
        container = by_start.get(found.end()) if found else None
        if container is not None and container.place is not None and m.role == ROLE_PLACE:
            inside = resolver.within(clean_phrase(container.text), clean_phrase(m.text), container.place)
            if inside is not None:
                m = replace(m, place=inside)
                settled[m.text] = inside
        elif m.role == ROLE_PLACE and m.text in settled:  # the name read there is that place throughout
            m = replace(m, place=settled[m.text])
        out.append(m)
    return out


def _region_codes(gz: Gazetteer, region: str | Iterable[str] | None) -> list[str]:
    """Country codes of an outlet's region given as codes or names ("LB", "Lebanon"); unknown ones dropped."""
    from geo.resolver import country_code_of

    if not region:
        return []
    names = [region] if isinstance(region, str) else list(region)
    codes = [n.upper() if len(n) == 2 else country_code_of(gz, n) for n in names if isinstance(n, str)]
    return [c for c in codes if c and c in gz.country_entry]


def context_of_text(text: str, gazetteer: Gazetteer | None = None) -> Context:
    """The country votes of a text (used by resolve(phrase, context=text))."""
    gz = gazetteer or load_gazetteer()
    text = text[:MAX_TEXT]
    return _vote(gz, _plausible_candidates(text, gz)[0])


def _plausible_candidates(text: str, gz: Gazetteer) -> tuple[list[_Candidate], list[_Candidate]]:
    """Known names that are likely places; a name once seen as a person's surname is one throughout.

    Second, the names left out only for being small towns: they count where the text's other names
    are in their country (see _with_small_towns_of_the_text).
    """
    found = _candidates(text, gz)
    lower_words = _LowerWords(text)
    surnames = {c.key for c in found if _after_given_name(text, c) and not _is_area(gz, c)
                and max((gz.pops[i] for i in c.entries), default=0) < MIN_POP_NEXT_TO_NAME}
    plausible, small = [], []
    for c in found:
        if c.key in surnames and not _is_area(gz, c):
            continue
        if _plausible(text, c, gz, lower_words):
            plausible.append(c)
        elif (curated := _curated_after_locative(text, c, gz)) is not None:
            plausible.append(curated)
        elif _plausible(text, c, gz, lower_words, MIN_POP_ALONE_IN_CONTEXT, MIN_POP_ALT_NAME_IN_CONTEXT):
            small.append(c)
    return plausible, small


def _with_small_towns_of_the_text(text: str, gz: Gazetteer, candidates: list[_Candidate],
                                  small: list[_Candidate], resolver: Resolver) -> list[_Candidate]:
    """Small towns near the places the text's other names pin down, among the candidates (in text order).

    "Haditha" in a story that also names Ramadi and Anbar; not "Broadway" or "Johnson" in one naming a state.
    A small town of a country the text names is also one where the sentence locates something in it:
    "in Hawija", "near Tsafe", "Kabkabiya, in Sudan".
    """
    context = resolver.context
    if not small or not context.votes:
        return candidates
    points = list(context.points)
    for c in candidates[:200]:  # the places the votes settle ("Ramadi", "Anbar") pin down the text too
        i = _settled(gz, c, resolver)[0] if c.demonym is None else None
        if i is not None and gz.features[i] != "country" and gz.ccs[i] in context.votes:
            points.append((gz.lats[i], gz.lons[i]))
    added = []
    starts = {c.start: c for c in candidates}
    for c in small:
        located = _located(text, c)
        after = starts.get(c.end + 2) if text[c.end:c.end + 2] == ", " else None
        entries = tuple(i for i in c.entries if gz.ccs[i] in context.votes
                        and (_near_points(gz, i, points) or located and gz.ccs[i] == context.main_country
                             and _agrees(gz, i, after, context)))
        if entries:
            added.append(replace(c, entries=entries))
    return sorted(candidates + added, key=lambda c: c.start) if added else candidates


# a name located by its sentence: right after a locative preposition, or followed by its country or region;
# in any case ("In Hawija, ..." opens a sentence as surely as "in Hawija" continues one), a direction may
# stand between ("in northern Hawija", "in north-west Hawija")
LOCATED_WORDS = frozenset({"in", "at", "near", "outside", "inside", "into", "from", "around", "across",
                           "toward", "towards"})
LOCATED_AFTER = re.compile(r",\s+(?:in\s+)?(?:the\s+)?[A-Z]")
LOCATED_REACH = len("towards south western ")


def _located_at(text: str, start: int) -> bool:
    if start < 3 or not text[start - 1].isspace():
        return False
    lo = max(0, start - LOCATED_REACH)
    seg = text[lo:start - 1]
    cut = max(seg.rfind(" "), seg.rfind("\n"))
    word = seg[cut + 1:].lower()
    if word in LOCATED_WORDS:
        return cut >= 0 or lo == 0
    if not word or word[0] not in "nsewc" or _DIR_WORD.fullmatch(word) is None:
        return False
    words = seg[:cut].lower().split()[-2:]  # "in northern X", "in north west X"
    if words and words[-1] in LOCATED_WORDS:
        return True
    return len(words) == 2 and words[0] in LOCATED_WORDS \
        and _DIR_WORD.fullmatch(f"{words[1]} {word}") is not None


def _located(text: str, c: _Candidate) -> bool:
    return _located_at(text, c.start) \
        or LOCATED_AFTER.match(text, c.end, c.end + 12) is not None \
        or _located_possessed(text, c.start)


# "in Burkina Faso's X", "near Borno's X": a name possessed by a capitalised name after a locative word is
# located by that word, as "in X, Burkina Faso" is
_POSSESSED = re.compile(r"(?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*['’]s\s$")


def _located_possessed(text: str, start: int) -> bool:
    m = _POSSESSED.search(text, max(0, start - 45), start)
    return m is not None and _located_at(text, m.start())


def _agrees(gz: Gazetteer, i: int, after: _Candidate | None, context: Context) -> bool:
    """A small town admitted by its sentence alone must agree with the areas around it: the state or
    province written after it ("Holliday, Missouri"), else the ones the text names in its country."""
    named = {gz.names[j] for j in (after.entries if after is not None else ())
             if gz.features[j] in ("admin1", "country")}
    if after is not None and after.entries and gz.features[after.entries[0]] in ("admin1", "country"):
        area = gz.admin1_names.get(gz.admin1[i] or "")
        return gz.names[gz.country_entry.get(gz.ccs[i], i)] in named or area in named
    in_country = {a for a in context.admin1 if any(gz.ccs[j] == gz.ccs[i] and gz.features[j] == "admin1"
                                                    for j in gz.lookup(_key(a)))}
    return not in_country or gz.admin1_names.get(gz.admin1[i] or "") in in_country


def _is_area(gz: Gazetteer, c: _Candidate) -> bool:
    return c.demonym is not None or any(gz.features[i] in AREA for i in c.entries)


# a day's name with a full stop ends a sentence (news dates its events: "... on Monday. Bauchi was calm"):
# the name after it starts the next sentence, it is no surname (no day is a given name)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


# (precompiled: these run for every candidate name)
_GIVEN_NAME_BEFORE = re.compile(r"([A-Z][a-z]+\.?)\s$")
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s$")
_CAPITAL_AFTER = re.compile(r"\s[A-Z]")


def _after_given_name(text: str, c: _Candidate) -> bool:
    """'John Kirby', 'Mr. Kirby': a capitalised word (not a place word) right before a one-word name."""
    if " " in text[c.start:c.end]:
        return False
    before = _GIVEN_NAME_BEFORE.search(text[max(0, c.start - 20):c.start])
    if not before or before[1].endswith(".") and before[1][:-1].lower() in WEEKDAYS:
        return False  # "... on Monday. Bauchi was": a sentence ended ("Mr. Kirby" is a surname)
    return before.group(1).lower().rstrip(".") not in GEO_GENERICS | LEADING_WORDS_LOWER \
        and not _sentence_start(text, c.start - len(before[0]))


# -- recognition ---------------------------------------------------------------------------
def _spans(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised tokens joined by spaces or name connectors ("of", "de", "al")."""
    spans: list[list[tuple[int, int]]] = []
    prev_end = -10
    for m in TOKEN.finditer(text):
        start, end = m.span()
        if text[end - 2:end] in ("'s", "’s"):
            end -= 2
        gap = text[prev_end:start] if start - prev_end <= CONNECTOR_MAX else None
        if spans and gap is not None and (gap == " " or CONNECTOR.fullmatch(gap)):
            spans[-1].append((start, end))
        else:
            spans.append([(start, end)])
        prev_end = end
    return spans


def _located_memo(text: str, start: int, memo: dict[int, bool]) -> bool:
    """_located_at, once per start (the n-grams tried from one start share it)."""
    found = memo.get(start)
    if found is None:
        found = memo[start] = _located_at(text, start)
    return found


def _lookup_key(gz: Gazetteer, phrase: str, dotted: bool = False,
                located: tuple[str, int, dict[int, bool]] | None = None) -> _Found | None:
    """(key, entries, demonym entry) of a known name; dotted: written with a full stop ("Ky.").

    A name in another transliteration is looked up by its skeleton where it is written as one
    (an article or a word such as Umm, Deir, Kafr) or where the sentence locates it ("in Bardhere";
    located: the text, the name's start and a memo of starts already looked at, looked at only then):
    elsewhere a capitalised word matching some village's skeleton is more likely a person's name.
    """
    key = _key(phrase)
    if not key:
        return None
    if dotted and key in gz.abbreviations:
        return key, (gz.abbreviations[key],), None
    if key in gz.demonyms:
        return key, (), gz.demonyms[key]
    entries = gz.lookup(key) or gz.lookup(strip_articles(key).replace(" ", ""))
    if not entries and (TRANSLITERATED.match(key) or located is not None and _located_memo(*located)):
        entries = gz.by_spelling(skeleton(key))
    return (key, entries, None) if entries else None


def _candidates(text: str, gz: Gazetteer) -> list[_Candidate]:
    out: list[_Candidate] = []
    located: dict[int, bool] = {}
    for tokens in _spans(text):
        i = 0
        end = tokens[-1][1]
        headed = len(tokens) > 1 and any(text[s:e] in ADMIN1_HEADS for s, e in tokens[1:]) \
            or text[end:end + 1] == " " and ADMIN1_HEAD_AFTER.match(text, end) is not None
        while i < len(tokens):
            if text[tokens[i][0]:tokens[i][1]] in LEADING_WORDS:
                i += 1
                continue
            area, used = _admin1_with_head(text, tokens, i, gz) if headed else (None, 0)
            if area is not None:  # "Plateau State": the area, before any town called Plateau
                out.append(area)
                i += used
                continue
            for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
                start, end = tokens[i][0], tokens[i + n - 1][1]
                if n > 1 and text[tokens[i + n - 1][0]:end] in LEADING_WORDS:
                    continue  # "West The": a name does not end in an article
                dotted = n == 1 and text[end - 1:end + 1].endswith(".")
                found = _lookup_key(gz, text[start:end], dotted, (text, start, located))
                if found:
                    if dotted and text[end - 1] != "." \
                            and found[1][:1] == (gz.abbreviations.get(found[0]),):
                        end += 1  # "Ky." keeps its full stop
                    out.append(_Candidate(start, end, *found))
                    i += n
                    break
            else:
                rest = _admin2_before_head(text, tokens[i][0], tokens[-1][1], gz) \
                    if len(tokens) - i <= MAX_NGRAM else None
                if rest is not None:  # "Hawija district", "Tsafe local government area"
                    out.append(rest)
                    break
                out.extend(_hyphen_parts(text, tokens[i], gz))
                i += 1
    return out


# the words that mark a transliterated (Arabic, Persian, Somali...) name
TRANSLITERATED = re.compile(r"(?:um|umm|om|deir|dayr|dair|tal|tall|tell|kafr|kfar|jabal|jebel|ain|ayn"
                            r"|ein|beit|bayt|sheikh|shaykh|abu|abou|ras|khan|wadi|bir|qasr|al|el|ad|ar|as|az"
                            r"|an|ash|at|ez|ed|es) ")
ADMIN2_HEAD_AFTER = re.compile(r"\s+(?:district|county|township|raion|territory|municipality|tehsil|parish"
                               r"|local\s+government\s+area|LGA)\b")


NAMED_HEAD_AFTER = re.compile(r"\s+(?:camp|base|air\s+base|airbase|crossing|checkpoint)\b")


def _admin2_before_head(text: str, start: int, end: int, gz: Gazetteer) -> _Candidate | None:
    """A county or district known by its bare name, right before a lower-case head ("Hawija district");
    a camp or base known with its head ("Zamzam camp"), the head written in lower case."""
    if (head := NAMED_HEAD_AFTER.match(text, end, end + 30)) and (entries := gz.lookup(_key(
            text[start:head.end()]))):
        return _Candidate(start, head.end(), _key(text[start:head.end()]), entries)
    if not ADMIN2_HEAD_AFTER.match(text, end, end + 30):
        return None
    key = _key(text[start:end])
    entries = gz.admin2_by_base.get(key) or gz.admin2_by_base.get(strip_articles(key).replace(" ", ""))
    return _Candidate(start, end, key, entries) if entries else None


ADMIN1_HEADS = frozenset({"State", "Region", "Province"})
ADMIN1_HEAD_AFTER = re.compile(r"\s+(?:state|region|province)\b")


def _admin1_with_head(text: str, tokens: list[tuple[int, int]], i: int, gz: Gazetteer
                      ) -> tuple[_Candidate | None, int]:
    """An admin-1 area known only by the name GeoNames' towns give it (no bare name of it is indexed), from
    token i, with its head noun capitalised among the next tokens or in lower case after the run: "Plateau
    State", "Rivers state", "the Free State and the ..." (not "Rivers State University"). The candidate and
    the tokens it used."""
    if text[tokens[i][0]:tokens[i][1]] in LEADING_WORDS:
        return None, 0
    last = min(len(tokens), i + MAX_NGRAM)
    head = next((h for h in range(i + 1, last) if text[tokens[h][0]:tokens[h][1]] in ADMIN1_HEADS), None)
    if head is not None:
        if head + 1 < len(tokens) and text[tokens[head][1]:tokens[head + 1][0]] == " ":
            return None, 0  # the head inside a longer name
        base_end, end, used = tokens[head - 1][1], tokens[head][1], head + 1 - i
    elif len(tokens) <= last and (after := ADMIN1_HEAD_AFTER.match(text, tokens[-1][1],
                                                                   tokens[-1][1] + 12)) is not None:
        base_end, end, used = tokens[-1][1], after.end(), len(tokens) - i
    else:
        return None, 0
    name = _key(text[tokens[i][0]:base_end])
    base = compass_key(name)
    if not base or is_compass(base):  # compass names: _compass_mentions
        return None, 0
    if any(gz.features[j] in ("admin1", "region") for j in gz.lookup(name)):
        return None, 0  # an area known by its bare name ("Idlib province"): grown from the name as ever
    entries = gz.admin1_by_base.get(base)
    if not entries:
        return None, 0
    return _Candidate(tokens[i][0], end, _key(text[tokens[i][0]:end]), entries), used


def _hyphen_parts(text: str, token: tuple[int, int], gz: Gazetteer) -> list[_Candidate]:
    """Names inside an unknown hyphenated token: "Iraq-Syria", "Iran-backed"."""
    start, end = token
    word = text[start:end]
    if "-" not in word and "‑" not in word:
        return []
    out, pos = [], start
    for part in re.split(r"[-‑]", word):
        if part[:1].isupper():
            found = _lookup_key(gz, part)
            if found:
                out.append(_Candidate(pos, pos + len(part), *found))
        pos += len(part) + 1
    return out


def _near_points(gz: Gazetteer, i: int, points: list[tuple[float, float]]) -> bool:
    lat0, lon0 = gz.lats[i], gz.lons[i]
    return any(abs(lat - lat0) < 2 and haversine_km(lat, lon, lat0, lon0) < SMALL_TOWN_NEAR_KM
               for lat, lon in points)


class _LowerWords:
    """Whether a word appears in lower case in the text ("mobile", "reading"), asked once per word."""

    def __init__(self, text: str):
        self.text, self.seen = text, {}

    def __contains__(self, word: str) -> bool:
        if word not in self.seen:
            self.seen[word] = self._find(word)
        return self.seen[word]

    def _find(self, word: str) -> bool:
        text, i = self.text, self.text.find(word)
        while i >= 0:
            j = i + len(word)
            if not (i and text[i - 1].isalnum()) and not (j < len(text) and text[j].isalnum()):
                return True
            i = text.find(word, j)
        return False


def _plausible(text: str, c: _Candidate, gz: Gazetteer, lower_words: _LowerWords,
               min_pop_alone: int = MIN_POP_ALONE, min_pop_alt_name: int = MIN_POP_ALT_NAME) -> bool:
    """Whether a known name is likely a place here (general stop rules, no per-name rules)."""
    surface = text[c.start:c.end]
    if c.demonym is not None:
        return not (surface.isupper() and len(surface) <= 3)
    features = {gz.features[i] for i in c.entries}
    if (surface.isupper() and len(surface) <= 3) or ("." in surface and len(surface) <= 6):
        # an acronym ("JUI", "PKK") is a big city only where it is the city's own name written in capitals
        # (a headline's "GAO"), never through an alternate name that happens to spell it
        big_city = any(gz.pops[i] >= MIN_POP_ALT_NAME and _key(gz.names[i]) == c.key for i in c.entries)
        return big_city or bool(features & {"country", "region", "admin1"})
    big = "country" in features or "continent" in features
    if not big and c.key not in gz.not_places and HEAD_AFTER.match(text, c.end, c.end + WINDOW):
        return True
    one_word = " " not in surface
    if c.key in gz.not_places and not big:
        return False
    if one_word and not big and c.key in lower_words:  # "mobile", "reading": a word of this text
        return False
    if big:
        return True
    main_name = any(_key(gz.names[i]) == c.key or _national_spelling(gz, i, c.key) or _respelt(gz, i, c.key)
                    for i in c.entries)
    pop = max((gz.pops[i] for i in c.entries if gz.features[i] == "city"), default=0)
    if not features & AREA and one_word and pop < (min_pop_alone if main_name else min_pop_alt_name):
        return False
    beside_name = _next_to_other_name(text, c, gz) and not features & AREA
    return not (beside_name and (pop < MIN_POP_NEXT_TO_NAME or not main_name))


def _curated_after_locative(text: str, c: _Candidate, gz: Gazetteer) -> _Candidate | None:
    """'in Kobani', 'near Kobane': a curated spelling of exactly one place, after a locative preposition, is
    that place whatever its population (the curated lists name places the news writes about)."""
    if c.demonym is not None or c.key in gz.not_places:
        return None
    curated = [i for i in set(c.entries) if i in gz.main_variants.get(c.key, ())]
    if len(curated) != 1 or not LOCATIVE_PREP_BEFORE.search(text, max(0, c.start - 30), c.start):
        return None
    return replace(c, entries=(curated[0],))


LOCATIVE_PREP_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|into|from|around|across|toward|towards"
                                  r"|throughout)\s+(?:the\s+)?$")


def _national_spelling(gz: Gazetteer, i: int, key: str) -> bool:
    """The key is the entry's main name in its country's own romanisation ("Kupiansk" for Kupyansk)."""
    return gz.ccs[i] == "UA" and key in {_key(v) for v in ukrainian_spellings([gz.names[i]])}


def _respelt(gz: Gazetteer, i: int, key: str) -> bool:
    """The key is the entry's main name (or its national romanisation) in another transliteration (the same
    skeleton: "Koutoum" for Kutum), so it counts as the place's own name, not as one of the alternate names
    other places share."""
    sk = skeleton(key)
    if not sk:
        return False
    names = [gz.names[i], *ukrainian_spellings([gz.names[i]])] if gz.ccs[i] == "UA" else [gz.names[i]]
    return any(sk == skeleton(_key(n)) for n in names)


def _next_to_other_name(text: str, c: _Candidate, gz: Gazetteer | None = None) -> bool:
    """Whether a capitalised word touches the name (a person's "Amani Kabila", not a place)."""
    before = _CAPITAL_BEFORE.search(text[max(0, c.start - 30):c.start])
    if before and before.group(1).lower().rstrip(".") not in GEO_GENERICS \
            and not _sentence_start(text, c.start - len(before[0])) \
            and not (gz is not None
                     and _area_possessive(text, c.start - len(before[0]) + len(before[1]), gz)):
        return True
    return _CAPITAL_AFTER.match(text[c.end:c.end + 2]) is not None \
        and not HEAD_AFTER.match(text, c.end, c.end + WINDOW)


_POSSESSOR = re.compile(r"((?:[A-Z][\w-]*\s){0,2}[A-Z][\w-]*)['’]s$")
_CONTAINERS = frozenset({"country", "region", "admin1"})


def _area_possessive(text: str, end: int, gz: Gazetteer) -> bool:
    """ "Sierra Leone's Kenema", "Borno's Bama": the word before is a country's or a province's possessive,
    the container of the name after it, not a person's name beside it."""
    m = _POSSESSOR.search(text, max(0, end - 40), end)
    if m is None:
        return False
    words = m.group(1).split()
    return any(
        any(gz.features[i] in _CONTAINERS for i in gz.lookup(_key(" ".join(words[k:]))))
        for k in range(len(words))
    )


# a head noun after a name says it is a place, however small: "Kanbalu Township", "Zeebyu village"
HEAD_AFTER = re.compile(r"\s+(?:[Tt]ownship|[Dd]istrict|[Cc]ounty|[Rr]egion|Province|[Gg]overnorate|Oblast"
                        r"|[Ss]tate|[Rr]aion"
                        r"|Parish|[Tt]ehsil|Municipality|LGA|Local\s+Government\s+Area|[Vv]illage"
                        r"|(?:refugee\s+|IDP\s+)?[Cc]amp)\b(?!\s+[A-Z])")  # not "District Court"


def _sentence_start(text: str, pos: int) -> bool:
    return not text[max(0, pos - 3):pos].strip() or text[max(0, pos - 3):pos].rstrip()[-1:] in ".!?\"“:"


# -- context and resolution ----------------------------------------------------------------
def _vote(gz: Gazetteer, candidates: list[_Candidate]) -> Context:
    """Countries, admin-1 areas and unambiguous places the text names, for settling the rest.

    A name of one country votes for it (a country 1, a place 0.5); a name shared by several countries votes
    softly where one reading holds DOMINANT_SHARE on its own ("Toronto"). A name that may be an admin-1 area
    supports it by that reading's share ("Virginia": mostly the state). A name's own votes never settle its
    own reading (Context.share).
    """
    ctx = Context()
    for c in candidates:
        if c.demonym is not None:
            if gz.ccs[c.demonym]:
                ctx.vote(c.key, gz.ccs[c.demonym], 1.0)
            continue
        if not c.entries:
            continue
        shares = reading_shares(gz, c.entries, c.key)
        ctx.certainty[c.key] = certainty(shares)
        for j, p in shares:
            if gz.features[j] == "admin1":
                ctx.support_admin1(c.key, gz.names[j], p)
        i = best_entry(gz, c.entries, c.key, None)
        if i is None or not gz.ccs[i]:
            continue
        one_country = len({gz.ccs[j] for j in c.entries}) == 1
        feature = gz.features[i]
        weight = 1.0 if feature == "country" else 0.5
        if one_country or feature in ("country", "continent"):
            ctx.vote(c.key, gz.ccs[i], weight)
        elif shares[0][1] >= DOMINANT_SHARE:  # "Toronto": settles "Kingston", never "London"
            ctx.soft.append((ctx.certainty[c.key], c.key, gz.ccs[i], SOFT_VOTE * weight))
        else:
            continue  # "Jenin" (Poland or the West Bank) is what the votes settle, not evidence for them
        if not one_country:
            continue
        if feature == "admin1":
            ctx.admin1.add(gz.names[i])
        if feature in ("admin1", "region", "base", "crossing") \
                or (feature in ("city", "admin2") and len(c.entries) == 1):  # a namesake pins down nothing
            ctx.points.append((gz.lats[i], gz.lons[i]))
    pair_readings(gz, ctx, {c.key: c.entries for c in candidates if c.demonym is None and c.entries})
    return ctx


def _mention(text: str, c: _Candidate, gz: Gazetteer, resolver: Resolver) -> PlaceMention | None:
    surface = text[c.start:c.end]
    if c.demonym is not None:
        place = place_from_entry(gz, c.demonym, "demonym")
        return PlaceMention(surface, c.start, c.end, ROLE_ADJECTIVAL, place)
    i, place = _settled(gz, c, resolver)
    if i is None or place is None:
        return None
    is_seat = gz.features[i] == "country" or i in gz.capitals
    role = role_of(text, c.start, c.end, is_seat=is_seat)
    if role == ROLE_PLACE and (HYPHEN_ADJ.match(text, c.end, c.end + WINDOW)
                               or gz.features[i] == "country" and is_attributive(text, c.start, c.end)):
        role = ROLE_ADJECTIVAL  # "Iran-backed", "US personnel": whose, not where
    if role == ROLE_ORGANISATION:
        owner = _owner_country(text, c.start, gz)
        place = owner or (place if resolver.context.share(gz.ccs[i]) >= ORG_PLACE_MIN_SHARE else None)
    elif role == ROLE_PLACE and gz.features[i] in ("city", "admin1"):
        other = _homonym_by_cue(text, c, gz, i)
        if other is not None:  # "a village in Bauchi": the state; "in Durango, Mexico": the city
            place = place_from_entry(gz, other, "homonym-cue")
    return PlaceMention(surface, c.start, c.end, role, place)


# A name shared by an admin-1 area and the big city in it named like it ("Zacatecas", "Bauchi", "Kirkuk"),
# written without a head noun ("Bauchi State", "the city of Bauchi" are read by their nouns): the words
# around it choose. A settlement or part of an area in it ("a village in X", "towns of X", "part of X") or
# its governor: the area; a locative preposition ("in X", "near X", "outside X"): the city, the most precise
# reading the words allow. Neither: the name's likeliest reading (the big city named like its area).
_PARTS = r"village|town|hamlet|settlement|community|locality|district|county|municipality|area|region|LGA"
_PARTS_PLURAL = (r"villages|towns|hamlets|settlements|communities|localities|districts|counties"
                 r"|municipalities|areas|regions|LGAs|parts")
AREA_CUE_BEFORE = re.compile(  # not "the town of X": that is the town itself
    rf"\b(?:(?:{_PARTS})\s+(?:in|across|throughout)|(?:{_PARTS_PLURAL})\s+(?:in|of|across|throughout)"
    r"|(?:part|rest|governor|governors)\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
AREA_CUE_AFTER = re.compile(r"(?:['’]s)?\s+[Gg]overnor\b")
CITY_CUE_BEFORE = re.compile(r"\b(?:in|at|inside|into|near|outside|downtown)\s+$", re.IGNORECASE)
HOMONYM_CITY_MIN_POP = 50_000  # the city named like its area is a big one (as geo.candidates reads one)


def _homonym_by_cue(text: str, c: _Candidate, gz: Gazetteer, i: int) -> int | None:
    """The other reading of a city/area homonym where the words around the name ask for it, else None."""
    before = text[max(0, c.start - 40):c.start]
    if gz.features[i] == "city":
        area = gz.admin1_entry.get(gz.admin1[i] or "")
        if area is None or compass_key(_key(gz.names[area])) != compass_key(c.key):
            return None
        wants_area = AREA_CUE_BEFORE.search(before) or AREA_CUE_AFTER.match(text, c.end, c.end + 20)
        return area if wants_area else None
    cities = [j for j in c.entries if gz.features[j] == "city" and gz.ccs[j] == gz.ccs[i]
              and gz.pops[j] >= HOMONYM_CITY_MIN_POP and gz.admin1_entry.get(gz.admin1[j] or "") == i]
    if not cities or not CITY_CUE_BEFORE.search(before) or AREA_CUE_BEFORE.search(before):
        return None
    return max(cities, key=lambda j: gz.pops[j])


def _settled(gz: Gazetteer, c: _Candidate, resolver: Resolver) -> tuple[int | None, Place | None]:
    """The entry a name stands for in this text and its place, worked out once per name and text."""
    memo = resolver.settled
    found = memo.get((c.key, c.entries))
    if found is None:
        i = best_entry(gz, c.entries, c.key, resolver.context)
        foreign = i is None or foreign_town(gz, i, c.key, resolver.context, c.entries)
        place = None if foreign else place_from_entry(gz, i, "gazetteer+context")
        found = memo[(c.key, c.entries)] = (i, place)
    return found


def _owner_country(text: str, start: int, gz: Gazetteer) -> Place | None:
    """The country owning an organisation: "Syria's state-run SANA", "the Iraqi news agency"."""
    m = re.search(r"([A-Z][\w.]+?)(?:['’]s)?\s+(?:[\w-]+\s+){0,3}$", text[max(0, start - 60):start])
    if not m:
        return None
    key = _key(m.group(1))
    countries = (gz.ccs[i] for i in gz.lookup(key) if gz.features[i] == "country")
    adjective = gz.demonyms.get(key)
    cc = gz.ccs[adjective] if adjective is not None else next(countries, None)
    entry = gz.country_entry.get(cc) if cc else None
    return place_from_entry(gz, entry, "owner-country") if entry is not None else None


# -- compound phrases ----------------------------------------------------------------------
def _compounds(text: str, mentions: list[PlaceMention], resolver: Resolver) -> list[PlaceMention]:
    """Grow mentions into the phrases around them; a compound replaces the names inside it."""
    grown = [m for f in BORDERS.finditer(text) if (m := _phrase_mention(f, resolver, PHRASE_FEATURES))] \
        if "border" in text or "frontier" in text else []
    for f in COUNTRY_PARTS.finditer(text):
        local = _last_country_before(text, mentions, f.start())  # "the country" is the one just named
        part_resolver = Resolver(resolver.gz, Context.of_countries([local])) if local else resolver
        if m := _phrase_mention(f, part_resolver, PHRASE_FEATURES):
            grown.append(m)
    grown += _compass_mentions(text, resolver)
    grown += [_grow(text, m, resolver) for m in mentions if m.role == ROLE_PLACE]
    # "the eastern Mediterranean": a sea read as an adjective is the sea again once a phrase grows around it
    grown += [g for m in mentions if m.role == ROLE_ADJECTIVAL and m.place is not None
              and m.place.feature == "sea" and (g := _grow(text, m, resolver)) is not m]
    grown += _capital_mentions(text, resolver)
    by_end = {m.end: m for m in mentions if m.role == ROLE_PLACE}
    grown += [c for m in grown if m.role == ROLE_PLACE
              and (c := _in_container(text, m, mentions, resolver, by_end))]
    kept: list[PlaceMention] = []
    for m in sorted(grown, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or m.start >= kept[-1].end:
            kept.append(m)
    compounds = [k for k in kept if k.extra.get("compound")]
    compound_starts = [k.start for k in compounds]
    mention_starts = [m.start for m in mentions]  # mentions come in text order
    for k in compounds:
        lo, hi = bisect_left(mention_starts, k.start), bisect_left(mention_starts, k.end)
        k.extra["parts"] = [m for m in mentions[lo:hi] if m.end <= k.end]
        if k.place is not None and k.place.method == "airport-name":  # "Heathrow" in "Heathrow airport"
            k.extra["parts"] = [replace(m, place=k.place) for m in k.extra["parts"]]
        if "inner" in k.extra:  # the name read inside its container ("Paris, Texas"), or left out if unknown
            (s, e), place = k.extra["inner"], k.extra["inner_place"]
            inside = [m for m in k.extra["parts"] if s <= m.start and m.end <= e]
            outside = [m for m in k.extra["parts"] if m not in inside]
            if "outer" in k.extra:  # and the container as the area that holds it
                os, oe, area = k.extra["outer"]
                outside = [replace(m, place=area) if (m.start, m.end) == (os, oe) and area else m
                           for m in outside]
            k.extra["parts"] = sorted(outside + ([replace(m, place=place) for m in inside] if place else []),
                                      key=lambda m: m.start)
    for m in mentions:
        j = bisect_right(compound_starts, m.start) - 1
        if m.role != ROLE_PLACE and not (j >= 0 and m.end <= compounds[j].end):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


# "in Foo, Kanbalu Township", "the village of Foo in Sagaing Region", "near Foo village in Idlib": a name
# placed in a container just after it
_NAME = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}"
_SETTLEMENT = r"(?:[Vv]illage|[Tt]own|[Hh]amlet|[Ss]ettlement)"
INNER_BEFORE = re.compile(
    rf"(?:(?:\b{_SETTLEMENT}\s+of\s+|\b(?:in|at|near|from|outside)\s+(?:the\s+)?)(?P<name>{_NAME})"
    rf"(?:\s+{_SETTLEMENT})?|(?<![\w'’-])(?P<named>{_NAME})\s+{_SETTLEMENT})"
    r"(?:,\s*|\s+(?:in|of)\s+(?:the\s+)?)$")
SETTLEMENT_HEAD = re.compile(rf"\b{_SETTLEMENT}\b")
LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s")
CONTAINER_AREAS = frozenset({"admin1", "admin2", "region", "country"})


def _in_container(text: str, m: PlaceMention, mentions: list[PlaceMention], resolver: Resolver,
                  by_end: dict[int, PlaceMention]) -> PlaceMention | None:
    """A name followed by the place that contains it, read as one phrase: the name where the container
    has a place of that name, else the container (the name the gazetteer lacks kept in the phrase, never
    a namesake elsewhere). None where the name is already read inside the container."""
    if m.place is None or not (text[m.start - 2:m.start] == ", " or _word_before(text, m.start) in ("in",
                                                                                                    "of")):
        return None
    found = INNER_BEFORE.search(text, max(0, m.start - WINDOW), m.start)
    if found is not None:
        group = "name" if found["name"] else "named"
        (ns, ne), before, comma = found.span(group), found.group(0), found.group(0).endswith(", ")
    elif m.place.feature in CONTAINER_AREAS and text[m.start - 2:m.start] == ", " \
            and (k := by_end.get(m.start - 2)) is not None:
        (ns, ne), before, comma = (k.start, k.end), "", True  # "Athens, Georgia, police said"
    else:
        return None
    overlapping = mentions if found is not None else (by_end[m.start - 2],)  # one look, not a scan per name
    inner = [k for k in overlapping if k.start < ne and k.end > ns and k.place is not None]
    if any(k.role == ROLE_PLACE and contains(m.place, k.place) for k in inner):
        return None
    head = SETTLEMENT_HEAD.search(before) is not None
    # "Rome, Georgia", "Perth, Scotland": a known name is read in the area written after it, where that area
    # (or another reading of its name) holds a place of that name; not in a list ("Toronto, Vancouver and
    # Accra", "Texas, Oklahoma and Kansas": a place, then an area, then "and")
    in_area = bool(inner) and comma and m.place.feature in CONTAINER_AREAS \
        and not any(k.place.feature in CONTAINER_AREAS for k in inner) and not LIST_GOES_ON.match(text, m.end)
    if not head and not in_area and (inner or (comma and m.place.feature not in CONTAINER_AREAS)):
        return None  # "in Toronto, Vancouver and ...": a list of places, each itself
    if found is None and not in_area:
        return None
    container = clean_phrase(m.text)
    place = resolver.resolve(f"{clean_phrase(text[ns:ne])}, {container}")
    if place is None or in_area and not head and not place.method.startswith("in-container"):
        return None
    phrase = text[ns:m.end]
    inner_place = place if place.method.startswith("in-container") else None
    extra = {"compound": True, "inner": (ns, ne), "inner_place": inner_place}
    if inner_place is not None and not contains(m.place, inner_place):  # "Georgia" the state, not the country
        extra["outer"] = (m.start, m.end, resolver.area_holding(container, inner_place))
    return PlaceMention(phrase, ns, m.end, ROLE_PLACE, replace(place, name=" ".join(phrase.split())), extra)


def _compass_names(text: str) -> list[re.Match]:
    """The compass names of a text (COMPASS_NAME_AT), in order, none inside another."""
    starts = []
    for word in COMPASS_STARTS:
        i = text.find(word)
        while i >= 0:
            starts.append(i)
            i = text.find(word, i + 1)
    out, end = [], -1
    for i in sorted(starts):
        if i >= end and (m := COMPASS_NAME_AT.match(text, i)) is not None:
            out.append(m)
            end = m.end()
    return out


def _compass_mentions(text: str, resolver: Resolver) -> list[PlaceMention]:
    """Admin-1 areas named by compass words, read in the country the phrase or the text names; the phrase
    without its container where the container is no country."""
    out = []
    for hit in _compass_names(text):
        after = COMPASS_AFTER.match(text, hit.end(), hit.end() + WINDOW)
        if after is None or after["kind"] is None and len(compass_key(_key(hit.group())).split()) < 2:
            continue  # "the West", "North Korea": no area without a head noun unless two compass words
        before = COMPASS_BEFORE.search(text, max(0, hit.start() - COMPASS_BEFORE_REACH), hit.start())
        if after["kind"] is None and (before is None or before["the"] is None):
            continue
        start = before.start() if before else hit.start()
        features = COMPASS_FEATURES if after["kind"] else BARE_COMPASS_FEATURES
        ends = (after.end(), after.start("container")) if after["container"] else (after.end(),)
        for end in ends:  # with its container, else without it ("of the Sahel" is no country)
            place = resolver.compass_area(_phrase(text[start:end]))
            if place is not None and place.feature in features:
                named = _named(place, text[start:end])
                out.append(PlaceMention(text[start:end], start, end, ROLE_PLACE, named, {"compound": True}))
                break
    return out


def _capital_mentions(text: str, resolver: Resolver) -> list[PlaceMention]:
    """Capitals named by their country or region, grown like places ("near the Somali capital's airport")."""
    if "capital" not in text:
        return []
    found = (_phrase_mention(f, resolver, CAPITAL_FEATURES) for f in CAPITALS.finditer(text))
    return [_grow(text, m, resolver) for m in found if m is not None]


def _last_country_before(text: str, mentions: list[PlaceMention], pos: int) -> str | None:
    """The country last named as a location ("in Syria") before pos, else the last one named at all."""
    countries = [m for m in mentions if m.start < pos and m.place is not None and m.place.feature == "country"
                 and m.role in (ROLE_PLACE, ROLE_ADJECTIVAL)]
    located = [m for m in countries if LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start)]
    chosen = (located or countries or [None])[-1]
    return chosen.place.country_code if chosen else None


def _phrase_mention(match: re.Match, resolver: Resolver, features: frozenset[str]) -> PlaceMention | None:
    """A phrase found by its own pattern ("the Iraq-Syria border", "the country's east")."""
    place = resolver.resolve(_phrase(match.group(0)))
    if place is None or place.feature not in features:
        return None
    return PlaceMention(match.group(0), match.start(), match.end(), ROLE_PLACE, _named(place, match.group(0)),
                        {"compound": True})


def _word_before(text: str, pos: int) -> str:
    """The lower-case word just before pos ("near" in "near Baghdad"), '' if none."""
    words = text[max(0, pos - 24):pos].split()
    return words[-1].lower() if words and pos > 0 and text[pos - 1].isspace() else ""


def _word_after(text: str, pos: int) -> str:
    """The lower-case word just after pos, past a possessive ("airport" in "Baghdad's airport")."""
    after = text[pos:pos + 40]
    if after[:2] in ("'s", "’s"):
        after = after[2:]
    words = after[:1].isspace() and after.split()
    return words[0].lower().strip(".,;:") if words else ""


def _grow(text: str, m: PlaceMention, resolver: Resolver) -> PlaceMention:
    """The longest phrase around a name that still resolves: its head noun, then what relates it."""
    start, end, place = m.start, m.end, m.place
    for rx in SUFFIXES if _word_after(text, end) in SUFFIX_WORDS else ():
        s = rx.match(text, end, end + WINDOW)
        if s and (p := resolver.resolve(_phrase(text[start:s.end()]))):
            end, place = s.end(), p
            break
    for rx in PREFIXES if _is_prefix_word(_word_before(text, start)) else ():
        s = rx.search(text, max(0, start - WINDOW), start)
        if s and (p := resolver.resolve(_phrase(text[s.start():end]))):
            start, place = s.start(), p
            break
    for _ in range(2):
        for rx in RELATIONS if _is_prefix_word(_word_before(text, start)) else ():
            s = rx.search(text, max(0, start - WINDOW), start)
            if s and (p := resolver.resolve(_phrase(text[s.start():end]))):
                start, place = s.start(), p
                break
        else:
            break
    if (start, end) == (m.start, m.end):
        return m
    phrase = text[start:end]
    return PlaceMention(phrase, start, end, ROLE_PLACE, _named(place, phrase), {"compound": True})


def _named(place: Place, phrase: str) -> Place:
    """A place named by the resolver after the folded phrase gets the phrase as written."""
    return replace(place, name=" ".join(phrase.split())) if place.name == _phrase(phrase) else place


def _phrase(text: str) -> str:
    return clean_phrase(text)
