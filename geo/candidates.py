"""Choosing among gazetteer entries, and turning an entry into a `Place`.

Ambiguity is settled by the rest of the document first (its countries, its
states or provinces, the places it names near each other), then by kind (a
country beats a village called "Jordan") and population. A name is never
evidence for its own reading: its votes are left out when it is scored.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from geo.gazetteer import PRECISION, Gazetteer
from geo.place import Place

EARTH_RADIUS_KM = 6371.0088

# Prior weight of a kind of place, on the scale of log10(population).
FEATURE_WEIGHT = {"country": 12.0, "continent": 11.0, "region": 9.0, "base": 8.0, "crossing": 8.0, "sea": 9.0,
                  "admin1": 5.5, "city": 0.0, "airport": 0.0}  # admin1: areas have no alternate-name count
CAPITAL_BONUS = 1.5
MAIN_NAME_BONUS = 2.0
# importance: GeoNames gives a place known abroad names in many languages (Tadmur/Palmyra: 21, Palmyra,
# Pennsylvania: 4), on the population's scale per tenfold count
ALT_NAMES_WEIGHT = 1.0
CONTEXT_SHARE_BONUS = 5.0    # times the share of the text's country votes
CONTEXT_PRESENT_BONUS = 1.5  # the country is mentioned at all
ADMIN1_BONUS = 3.0           # the text names the candidate's state or province
NEARBY_BONUS = 2.0           # the candidate lies near another place the text names
NEARBY_KM = 250.0
PAIR_KM = 60.0  # two readings of shared names this close are the text's pair of places
PAIRED_FEATURES = frozenset({"city", "admin2"})
PAIR_PLAUSIBLE = 10.0  # a reading within a tenth of its name's likeliest supports its neighbours fully
CITY_OVER_AREA_MIN_POP = 50_000
# a town in a country the text never names, in a text about another country, needs to be a big one:
# "Lido beach" in a Mogadishu story is not Lido, Italy
FOREIGN_MIN_POP = 100_000
FOREIGN_MIN_SHARE = 0.6  # the text's main country holds this share of its country votes
FOREIGN_MIN_VOTES = 2.0  # "Baghdad Post" keeps Baghdad only where the text is about its country
# a country the rest of the text gives no evidence for, where it gives some elsewhere, loses this much of its
# kind's weight: "Georgia" beside Atlanta and Savannah is the state (beside Russia it stays the country)
UNSUPPORTED_COUNTRY = 6.0
DOMINANT_SHARE = 0.9  # a shared name whose likeliest reading holds this share votes softly for its country
MIN_READING_SHARE = 0.01  # readings less likely than this on their own lend their state no support


@dataclass
class Context:
    """What the rest of a text says about where it is: the countries it votes for, its admin-1 areas, the
    places it pins down.

    votes are sure: a name of one country, a demonym, the outlet's region. A name shared by several
    countries whose likeliest reading dominates on its own ("Toronto") votes softly: its vote counts only
    for names less certain of their own reading than it is ("Kingston", not "London"). No name's own votes
    count for its own reading.
    """

    votes: Counter = field(default_factory=Counter)
    admin1: set[str] = field(default_factory=set)  # admin-1 names the text mentions (of one country)
    points: list[tuple[float, float]] = field(default_factory=list)  # places the text names unambiguously
    voters: dict[str, set[str]] = field(default_factory=dict)  # country code -> the name keys voting for it
    # admin-1 name -> support: the share of a name's reading as that area ("Virginia" 0.85: mostly the state)
    admin1_weight: Counter = field(default_factory=Counter)
    own: dict[str, Counter] = field(default_factory=dict)  # name key -> its own sure country votes
    own_admin1: dict[str, Counter] = field(default_factory=dict)  # name key -> its own admin-1 support
    # soft votes: (certainty of the voter's reading as log10 odds, voter key, country, weight)
    soft: list[tuple[float, str, str, float]] = field(default_factory=list)
    certainty: dict[str, float] = field(default_factory=dict)  # name key -> log10 odds of its best reading
    paired: dict[int, float] = field(default_factory=dict)  # entry -> support of other names' readings by it
    _seen: dict[str, tuple[Counter, float]] = field(default_factory=dict, repr=False)

    @property
    def main_country(self) -> str | None:
        return self.votes.most_common(1)[0][0] if self.votes else None

    def _votes_for(self, key: str | None) -> tuple[Counter, float]:
        """The country votes a name's reading may use: the others' sure votes, and soft votes of names more
        certain than it (worked out once per name; the context is complete before anything is scored)."""
        found = self._seen.get(key or "")
        if found is not None:
            return found
        votes = Counter(self.votes)
        if key is not None and (own := self.own.get(key)):
            votes.subtract(own)
        mine = self.certainty.get(key or "", 0.0)
        for certainty, voter, cc, weight in self.soft:
            if voter != key and certainty > mine:
                votes[cc] += weight
        found = self._seen[key or ""] = (votes, sum(v for v in votes.values() if v > 0))
        return found

    def share(self, cc: str | None, key: str | None = None) -> float:
        """The share of the country votes cc holds (left out: those of the name `key` itself)."""
        if not cc:
            return 0.0
        votes, total = self._votes_for(key)
        mine = votes.get(cc, 0.0)
        return mine / total if total > 1e-9 and mine > 1e-9 else 0.0

    def others_vote(self, key: str) -> float:
        """The weight of the country votes of the text's other names."""
        return self._votes_for(key)[1]

    def admin1_support(self, name: str | None, key: str, itself: bool = False) -> float:
        """How strongly the text points to this admin-1 area: named as one (1), or by a name read as it by
        its share; `itself`: the reading is the area (its own name counts), else a place in it (not)."""
        if not name:
            return 0.0
        if name in self.admin1:
            return 1.0
        own = None if itself else self.own_admin1.get(key)
        return self.admin1_weight.get(name, 0.0) - (own.get(name, 0.0) if own else 0.0)

    def vote(self, key: str, cc: str, weight: float) -> None:
        """A name's sure vote for a country (kept per name: it never settles its own reading)."""
        self.votes[cc] += weight
        self.voters.setdefault(cc, set()).add(key)
        self.own.setdefault(key, Counter())[cc] += weight
        self._seen.clear()

    def support_admin1(self, key: str, name: str, weight: float) -> None:
        self.admin1_weight[name] += weight
        self.own_admin1.setdefault(key, Counter())[name] += weight

    def copy(self) -> Context:
        """A context to add evidence to (a container's), this one left as it is."""
        return Context(Counter(self.votes), set(self.admin1), list(self.points), dict(self.voters),
                       Counter(self.admin1_weight), dict(self.own), dict(self.own_admin1), list(self.soft),
                       dict(self.certainty), dict(self.paired))

    @classmethod
    def of_countries(cls, codes: Iterable[str]) -> Context:
        return cls(Counter(c.upper() for c in codes if c))


def score(gz: Gazetteer, i: int, key: str, context: Context | None) -> float:
    s = FEATURE_WEIGHT.get(gz.features[i], 0.0) + math.log10(gz.pops[i] + 10)
    s += ALT_NAMES_WEIGHT * math.log10(gz.alt_counts[i] + 1)
    if i in gz.capitals:
        s += CAPITAL_BONUS
    main_name = gz.is_main_name(i, key)
    if main_name:
        s += MAIN_NAME_BONUS
    if context is None:
        return s
    local = main_name and gz.features[i] in ("city", "admin1", "admin2")  # an alternate name earns none
    share = context.share(gz.ccs[i], key)
    if share > 0.0:
        s += CONTEXT_PRESENT_BONUS + CONTEXT_SHARE_BONUS * share
        if i in gz.capitals:
            s += CAPITAL_BONUS  # "Washington" in a text about the United States: its seat of government
    if local:
        area = gz.features[i] == "admin1"
        s += ADMIN1_BONUS * min(1.0, context.admin1_support(_admin1_name(gz, i), key, itself=area))
    lat0, lon0 = gz.lats[i], gz.lons[i]
    if local and any(abs(lat - lat0) < 3 and haversine_km(lat, lon, lat0, lon0) < NEARBY_KM
                                        for lat, lon in context.points[:50]):
        s += NEARBY_BONUS
    elif local and i in context.paired:
        s += NEARBY_BONUS * context.paired[i]
    return s


def pair_readings(gz: Gazetteer, context: Context, names: dict[str, tuple[int, ...]]) -> None:
    """Readings of shared names that lie beside a reading of another name of the text ("Paris" and "Henry
    County": Paris, Tennessee lies in Henry County, Tennessee), into context.paired (entry -> support).

    A reading supports others by its plausibility next to its name's likeliest (fully within a tenth of
    it: each of the ten Henry Counties; next to nothing for London, Kentucky, which "London" almost never
    means), so that the small namesakes of big places ("Paris" and "London" of Kentucky) do not pair up.
    """
    cells: dict[tuple[int, int], list[tuple[float, float, str, float]]] = {}
    for key, entries in names.items():
        shares = reading_shares(gz, entries, key)
        top = shares[0][1] if shares else 1.0
        for j, p in shares:
            if gz.features[j] in PAIRED_FEATURES:
                cells.setdefault((int(gz.lats[j] // 1), int(gz.lons[j] // 1)), []).append(
                    (gz.lats[j], gz.lons[j], key, min(1.0, PAIR_PLAUSIBLE * p / top)))
    for key, entries in names.items():
        if len(entries) < 2:
            continue
        for i in entries:
            if gz.features[i] not in PAIRED_FEATURES:
                continue
            lat0, lon0 = gz.lats[i], gz.lons[i]
            y, x = int(lat0 // 1), int(lon0 // 1)
            near = (r for dy in (-1, 0, 1) for dx in (-1, 0, 1) for r in cells.get((y + dy, x + dx), ()))
            support = sum(w for lat, lon, other, w in near
                          if other != key and haversine_km(lat, lon, lat0, lon0) <= PAIR_KM)
            if support > 0.0:
                context.paired[i] = min(1.0, support)


def _admin1_name(gz: Gazetteer, i: int) -> str | None:
    """The name of the admin-1 area an entry lies in (an admin-2 unit carries it as a name, a city a code)."""
    feature = gz.features[i]
    if feature == "admin1":
        return gz.names[i]
    return gz.admin1[i] if feature == "admin2" else gz.admin1_names.get(gz.admin1[i] or "")


def best_entry(gz: Gazetteer, entries: Iterable[int], key: str, context: Context | None,
               features: frozenset[str] | None = None) -> int | None:
    """The entry a name most likely stands for; without context the answer depends on the name alone and
    is kept with the loaded index (computed once per name, feature set and entries)."""
    if context is not None or not isinstance(entries, tuple):
        return _best_entry(gz, entries, key, context, features)
    memo = gz.__dict__.setdefault("_best_alone", {})  # lives with the loaded index; never pickled before use
    memo_key = (key, entries, features)
    if memo_key not in memo:
        memo[memo_key] = _best_entry(gz, entries, key, None, features)
    return memo[memo_key]


def reading_shares(gz: Gazetteer, entries: tuple[int, ...], key: str) -> tuple[tuple[int, float], ...]:
    """Each reading of a name with its likelihood on its own (the prior scores as log10 odds), the likeliest
    first; readings under MIN_READING_SHARE left out. Kept with the loaded index, per name and entries."""
    memo = gz.__dict__.setdefault("_shares", {})
    found = memo.get((key, entries))
    if found is None:
        scores = [(score(gz, i, key, None), i) for i in entries]
        top = max(s for s, _ in scores)
        odds = [(10.0 ** (s - top), i) for s, i in scores]
        total = sum(o for o, _ in odds)
        found = tuple(sorted(((i, o / total) for o, i in odds if o / total >= MIN_READING_SHARE),
                             key=lambda r: -r[1]))
        memo[(key, entries)] = found
    return found


def certainty(shares: tuple[tuple[int, float], ...]) -> float:
    """How sure a name is of its likeliest reading, as log10 odds against the next (one reading: 9)."""
    if len(shares) < 2:
        return 9.0
    return math.log10(shares[0][1] / shares[1][1])


def _best_entry(gz: Gazetteer, entries: Iterable[int], key: str, context: Context | None,
                features: frozenset[str] | None) -> int | None:
    pool = [i for i in entries if features is None or gz.features[i] in features]
    if len(pool) <= 1:
        return pool[0] if pool else None
    scores = {i: score(gz, i, key, context) for i in pool}
    if context is not None and any(gz.features[i] == "country" for i in pool) \
            and any(context.share(gz.ccs[i], key) > 0.0 for i in pool):
        for i in pool:  # "Georgia" beside Atlanta: a country the rest of the text never backs,
            # a rival reading it does back (only then: otherwise kind and population decide)
            if gz.features[i] == "country" and context.share(gz.ccs[i], key) == 0.0:
                scores[i] -= UNSUPPORTED_COUNTRY
    best = max(pool, key=scores.__getitem__)
    if gz.features[best] == "admin1":
        return _city_named_like_its_area(gz, pool, best, key) or best
    return best


def _city_named_like_its_area(gz: Gazetteer, pool: list[int], area: int, key: str) -> int | None:
    """A bare "Herat" or "Kirkuk" is the city; "Herat province" is asked for with its noun.

    The city is named like its area, or is the area's capital under that name as an alternate one
    ("Basra" is GeoNames' Basrah, the seat of Basra province; "New York" is not the capital of New York).
    """
    cities = [i for i in pool if gz.features[i] == "city" and gz.ccs[i] == gz.ccs[area]
              and gz.pops[i] >= CITY_OVER_AREA_MIN_POP
              and (gz.is_main_name(i, key) or gz.capital_of.get(area) == i)]
    return max(cities, key=lambda i: gz.pops[i], default=None)


def place_from_entry(gz: Gazetteer, i: int, method: str) -> Place:
    """The Place of entry i (immutable, so made once per entry and method and shared)."""
    memo = gz.__dict__.setdefault("_places", {})
    place = memo.get((i, method))
    if place is None:
        place = memo[(i, method)] = _new_place(gz, i, method)
    return place


def _new_place(gz: Gazetteer, i: int, method: str) -> Place:
    feature = gz.features[i]
    geo_precision, where_prec = PRECISION.get(feature, (1, 1))
    admin1 = gz.admin1[i]
    if feature == "city":
        admin1 = gz.admin1_names.get(admin1 or "")
    return Place(name=gz.names[i], lat=gz.lats[i], lon=gz.lons[i], country_code=gz.ccs[i], admin1=admin1,
                 place_id=gz.ids[i], geo_precision=geo_precision, where_prec=where_prec,
                 uncertainty_km=gz.radius_km[i], geometry=None, method=method, feature=feature)


def destination(lat: float, lon: float, bearing_deg: float, km: float) -> tuple[float, float]:
    """The point km away from (lat, lon) on a bearing (great circle)."""
    d = km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def foreign_town(gz: Gazetteer, i: int, key: str, context: Context | None,
                 entries: Iterable[int] = ()) -> bool:
    """A small town of a country nothing else in the text names, in a text clearly about another country.

    Clearly: the main country holds most of FOREIGN_MIN_VOTES votes or more; or the caller named the
    countries (a context of country codes, no text behind it) and no place of that name lies in the main
    one ("Meron" with Israel in context is not Merone, Italy): better left unplaced than placed abroad.
    """
    if context is None:
        return False
    cc = gz.ccs[i]
    if gz.features[i] != "city" or gz.pops[i] >= FOREIGN_MIN_POP or context.voters.get(cc, {key}) - {key}:
        return False
    main = context.main_country
    if main is None or main == cc:
        return False
    others = sum(context.votes.values()) - context.votes[cc]  # the town's own votes are not evidence
    if context.votes[main] < FOREIGN_MIN_SHARE * others:
        return False
    if others >= FOREIGN_MIN_VOTES:
        return True
    pool = set(entries) | {i}
    declared = not context.voters  # Context.of_countries: the caller's word, not one mention's vote
    return declared and others > 0 and not any(gz.ccs[j] == main for j in pool)
