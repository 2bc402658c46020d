"""Clustering: Reports (from one or many articles) -> Incidents, and the
incident-level row each cluster stands for.

A report joins the incident it is most compatible with: dates within their
precision windows, places within each other's uncertainty (a region contains
a point in it), the same kind of violence, attackers not swapped (an attack
and the retaliation for it stay apart), and shared wording. A report with no
date of its own (an undated article) can still join on place, type, actors
and wording.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from incidents import undated
from incidents.actors import is_generic, is_listed
from incidents.dates import MONTHS, WEEKDAYS
from incidents.model import Report

_WORD = re.compile(r"[a-z][a-z'-]+")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "and",
        "or",
        "for",
        "by",
        "with",
        "from",
        "that",
        "this",
        "these",
        "those",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "as",
        "said",
        "says",
        "say",
        "after",
        "before",
        "which",
        "who",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "not",
        "but",
        "also",
        "than",
        "into",
        "over",
        "would",
        "could",
        "will",
        "more",
        "most",
        "some",
        "other",
        "about",
        "against",
    ]
)


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    words = [w for w in _WORD.findall(text.lower()) if w not in _STOP]
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _contains(region, point) -> bool | None:
    """Whether region's geometry holds point (None when region has no geometry)."""
    if not getattr(region, "geometry", None):
        return None
    from shapely.geometry import Point, shape

    # "southern Libya" has no edge on the ground: a directional region is read with a wider margin
    margin = 0.75 if getattr(region, "feature", "") == "direction" else 0.25
    try:
        return shape(region.geometry).buffer(margin).contains(Point(point.lon, point.lat))
    except Exception:  # a malformed geometry: fall back to distances
        return None


def places_compatible(a, b) -> bool:
    """Same place, or one within the other's area/uncertainty."""
    d = km(a.lat, a.lon, b.lat, b.lon)
    wide, narrow = (a, b) if a.uncertainty_km >= b.uncertainty_km else (b, a)
    inside = _contains(wide, narrow)
    if inside is not None:
        return inside or d <= narrow.uncertainty_km
    # a province's or region's radius is where most of it lies: its edge runs beyond (see inside)
    reach = wide.uncertainty_km * (2.0 if wide.where_prec >= 3 else 1.0)
    return d <= max(reach, 10.0) + min(narrow.uncertainty_km, 25.0)


def place_rank(place) -> tuple:
    """Most specific first: the smaller uncertainty radius, then UCDP where_prec.

    The radius says how much ground a reading leaves open: "the military part of
    the airport" (2 km) says more than the city it lies in (15 km), though the
    city is named exactly and the part is not.
    """
    return (place.uncertainty_km, place.where_prec)


def inside(inner, outer) -> bool:
    """Whether inner's point lies in outer's area: its shape where it has one, else its radius
    (an admin unit's radius is where most of its towns lie: its edge runs beyond it)."""
    held = _contains(outer, inner)
    if held is not None:
        return held
    reach = outer.uncertainty_km * (2.0 if outer.where_prec >= 3 else 1.0)
    return km(inner.lat, inner.lon, outer.lat, outer.lon) <= reach


def better_place(new, old) -> bool:
    """Whether new says more precisely where than old.

    The bare name inside old's relation ("Gwoza" after "a village near Gwoza") is
    the same gazetteer place with the relation dropped: it says less, not more.
    A town (or "near a town") inside the district or region the other names is
    the more specific reading, whatever the radii: "a meadow near X" over "the
    district of Y" that holds X.
    """
    if old is None:
        return True
    if old.place_id and new.place_id == old.place_id and old.geo_precision > new.geo_precision:
        return False
    if _town_in_unit(new, old):
        return True
    if _town_in_unit(old, new):
        return False
    return place_rank(new) < place_rank(old)


def better_in_account(new, old) -> bool:
    """better_place within one article's account of an event, where a bare name that a province
    shares with its chief town is the province when the account also names one of its districts
    away from the town (district_of_namesake)."""
    if district_of_namesake(new, old):
        return True
    if old is not None and district_of_namesake(old, new):
        return False
    return better_place(new, old)


def compatible_in_account(a, b) -> bool:
    """places_compatible within one article's account, a district of the province a bare town name
    shares being inside that province (district_of_namesake)."""
    return district_of_namesake(a, b) or district_of_namesake(b, a) or places_compatible(a, b)


def district_of_namesake(district, city) -> bool:
    """A district of the province that shares its name with its chief town, away from that town.

    "Forces in Foo, which hit a market in Bar district": where a province and its chief town
    share a name, the bare name read as the town is the province when the same account puts
    the event in one of its districts outside the town. The district says more. (Across
    articles the town may be meant: another report can say "the city of Foo".)
    """
    return (
        getattr(district, "feature", "") == "admin2"
        and getattr(city, "feature", "") == "city"
        and bool(city.admin1)
        and _same_name(district.admin1 or "", city.admin1)
        and _same_name(city.admin1, city.name)
        and not _same_name(district.name, city.name)
        and km(district.lat, district.lon, city.lat, city.lon) > city.uncertainty_km
    )


_DOUBLED = re.compile(r"([a-z])\1")


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one name as gazetteers give them ("Hamah" and "Hama", "Ta'izz" and "Taiz")."""
    from geo.normalize import name_key

    def loose(name: str) -> str:
        return _DOUBLED.sub(r"\1", name_key(name)).removesuffix("h")

    return bool(a) and loose(a) == loose(b)


def _town_in_unit(town, unit) -> bool:
    """A place at or near a town (UCDP where_prec 1-2) inside a district, province or region (3-5)."""
    return town.where_prec <= 2 and 3 <= unit.where_prec <= 5 and inside(town, unit)


def most_specific(places: list):
    """The most specific of several readings of one event's place (see better_place), or None.

    Among three or more readings, one that agrees with fewer than half of the others does
    not compete: a hospital's town or a misread homonym that one report gives does not win
    over the town the others place inside the province they name.
    """
    readings = consistent([p for p in places if p is not None])
    # a town or district inside every province or region the reports name, where there is one: not a
    # smaller reading elsewhere (a hospital's town, a homonym) that one report gives
    distinct = list({_key(p): p for p in readings}.values())[:MAX_COMPARED]
    areas = [a for a in distinct if a.where_prec >= 4]
    inner = [p for p in distinct if p.where_prec <= 3 and all(inside(p, a) for a in areas)] if areas else []
    best = None
    for p in inner or readings:
        if better_place(p, best):
            best = p
    return best


MAX_COMPARED = 20  # distinct readings compared pairwise at most (an incident of many reports)


def _key(p) -> tuple:
    return (p.name, p.lat, p.lon, p.uncertainty_km)


def consistent(readings: list) -> list:
    """The readings compatible with at least half of the other readings (all, when none is)."""
    distinct = list({_key(p): p for p in readings}.values())
    if len(readings) < 3 or not 1 < len(distinct) <= MAX_COMPARED:
        return readings
    count = Counter(_key(p) for p in readings)
    others = len(readings) - 1
    keep = set()
    for p in distinct:
        agree = count[_key(p)] - 1
        agree += sum(count[_key(q)] for q in distinct if q is not p and places_compatible(p, q))
        if 2 * agree >= others:
            keep.add(_key(p))
    return [p for p in readings if _key(p) in keep] or readings


@dataclass
class Profile:
    """What an incident (or a group of reports) looks like to the matcher."""

    start: date | None = None
    end: date | None = None
    precision: int | None = None
    places: list = field(default_factory=list)
    subtypes: set[str] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    actor1: set[str] = field(default_factory=set)
    actor2: set[str] = field(default_factory=set)
    words: frozenset[str] = frozenset()
    partials: tuple = ()  # "on Sunday", "October 8" in undated reports (incidents.undated)
    classes1: frozenset[str] = frozenset()  # attackers named by a class ("settlers", "gunmen")
    assumed: bool = False  # its only day is assumed from a publication (an undated lead)
    figures: frozenset[tuple[str, int]] = frozenset()  # the tolls its sources give, by kind
    weak: int = 0  # DateReading.weak of its strongest readings: 1 where only a statement's day dates it
    names: frozenset[str] = frozenset()  # names its texts place the event at that the gazetteer lacks


def _figures(reports: list[Report]) -> frozenset[tuple[str, int]]:
    """The figures sources give, by kind (killed, wounded; both bounds), from 2 up: "at least 103 killed".

    A toll of one kind agreeing with a figure of the other ("11 killed" here, "more than 10
    wounded" there) is a coincidence, not a shared toll.
    """
    return frozenset(
        (kind, n)
        for r in reports
        for c in r.claims
        for kind, pair in (
            ("killed", (c.killed_low, c.killed_high)),
            ("wounded", (c.wounded_low, c.wounded_high)),
        )
        for n in pair
        if n is not None and n >= 2
    )


def core_dates(reports: list[Report]) -> tuple[date | None, date | None, int | None, date | None]:
    """(start, end, precision, best day) from the most precise readings.

    The event's own days decide; a statement's day or the publication's only where no text dates
    it, or where they narrow what the text says without leaving it (a background mention "in
    January" beside reports published on the 30th and 31st is the 30th): the most specific
    window consistent with the stronger readings. Readings of the same precision that disagree (a
    US-evening announcement and the local date after midnight) widen the span; they are not averaged.
    """
    readings = [d for r in reports for d in r.readings()]
    if not readings:
        return None, None, None, None
    levels = sorted({d.weak for d in readings})
    start, end, precision, day = _window([d for d in readings if d.weak == levels[0]], levels[0])
    for weak in levels[1:]:
        inner = [d for d in readings if d.weak == weak and start <= d.date_start and d.date_end <= end]
        if not inner:
            continue
        s, e, p, best = _window(inner, weak)
        if start <= s and e <= end and (e - s) < (end - start):
            start, end, precision, day = s, e, p, best
    return start, end, precision, day


def _window(readings: list, weak: int) -> tuple[date, date, int, date]:
    """(start, end, precision, best day) of readings of one strength (core_dates).

    A statement's day (weak 1) says the event is of that day or the day before: each such reading is
    that two-day window, and several agree where their windows meet (a group's statement on Wednesday
    and activists' on Thursday put the event on Wednesday).
    """
    best = min(d.precision for d in readings)
    top = [d for d in readings if d.precision == best]
    back = timedelta(days=1 if weak == 1 and best == 1 else 0)
    spans = [(d.date_start - back, d.date_end) for d in top]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    lo, hi = max(a for a, _ in spans), min(b for _, b in spans)
    if lo <= hi:  # the readings agree on a common window: keep the narrowest
        start, end = lo, hi
    local = [d for d in top if d.local] or top
    days = Counter(d.best for d in local if start <= d.best <= end)
    day = days.most_common(1)[0][0] if days else date.fromordinal((start.toordinal() + end.toordinal()) // 2)
    precision = best
    if best == 1 and start != end:
        precision = 2 if (end - start).days <= 7 else 3
    return start, end, precision, day


def profile(reports: list[Report]) -> Profile:
    start, end, precision, _ = core_dates(reports)
    readings = _strongest([d for r in reports for d in r.readings()])
    return Profile(
        assumed=bool(readings) and readings[0].kind == "published",
        start=start,
        end=end,
        precision=precision,
        places=[r.place for r in reports if r.place is not None],
        subtypes={r.sub_event_type for r in reports if r.sub_event_type},
        weapons={r.weapon for r in reports if r.weapon},
        actor1={a for r in reports for a in r.actor1 if not is_generic(a)},
        actor2={a for r in reports for a in r.actor2 if not is_generic(a)},
        words=frozenset().union(*(_bigrams(r.context or r.sentence) for r in reports)),
        partials=tuple(p for r in reports for p in undated.partials(r)),
        classes1=frozenset(_class(a) for r in reports for a in r.actor1 if is_generic(a)),
        figures=_figures(reports),
        weak=readings[0].weak if readings else 0,
        names=frozenset().union(*(_report_names(r) for r in reports)),
    )


# "a camp in X", "at X in ...", "a raid on X village", "the village of X": a name the event is placed at
LOCATIVE_NAME = re.compile(
    r"\b(?:in|at|near|outside|around|on|(?:town|village|camp|city|settlement|hamlet|community)\s+of)\s+"
    r"([A-Z][\w'’]+(?:[ -](?:al-|el-|ad-|as-|ar-)?[A-Z][\w'’]+){0,2})"
)
NAME_TEXT = 2000  # characters of a report's text searched for names (its own sentences come first)
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)  # "in March", "on Sunday" name no place


def _report_names(r: Report) -> frozenset[str]:
    return unplaced_names((r.context or r.sentence)[:NAME_TEXT])


@lru_cache(maxsize=4096)
def unplaced_names(text: str) -> frozenset[str]:
    """The names a text places something at that the gazetteer does not know ("a camp in X, a town in
    the north"), lowercased. Two reports that write the same such name, where each was placed only at
    the region around it, name the same spot: the gazetteer's blind spot is the evidence."""
    import geo

    out = set()
    for m in LOCATIVE_NAME.finditer(text):
        name = m.group(1)
        if len(name) < 4 or name.split()[0].lower() in _CALENDAR:
            continue
        if geo.resolve(name) is None:
            out.add(name.lower())
    return frozenset(out)


def _dates_overlap(report: Report, prof: Profile) -> bool | None:
    """None when either side has no date; else whether any reading falls in the incident's window.

    A day assumed from the publication (a lead that names none) is no date to rule on: a
    weekly's or a late report's lead may tell of an event of days before. It only rules
    out an incident more than a week before it or after it (None inside that week).
    """
    readings = _strongest(report.readings())
    if not readings or prof.start is None:
        return None
    if prof.assumed or readings[0].kind == "published":
        lo = min(d.date_start for d in readings)
        hi = max(d.date_end for d in readings)
        if lo <= prof.end and prof.start <= hi:
            return True  # the likeliest: news of the publication day or the day before
        reach = timedelta(days=ASSUMED_REACH)
        return None if lo - reach <= prof.end and prof.start <= hi + reach else False
    for d in readings:
        slack = timedelta(days=1 if d.precision == 1 and prof.precision == 1 else 0)
        if d.date_start - slack <= prof.end and prof.start <= d.date_end + slack:
            return True
    return False


ASSUMED_REACH = 7  # days around a publication day an event of an undated lead may lie


def _dated_apart(report: Report) -> bool:
    """Whether an article's new, indefinite event phrase is dated on its own days, all far from the
    publication: beside a main event the article gives no day ("a blast killed 12"), whose news is of
    the publication's week, it is another, older event ("... had died in an attack there in March").
    """
    own = [d for d in report.readings() if d.weak == 0]
    published = report.published
    if not own or published is None:
        return False
    reach = timedelta(days=ASSUMED_REACH)
    return all(d.date_end < published - reach or d.date_start > published + reach for d in own)


def _strongest(readings: list) -> list:
    """The readings of the strongest kind present (DateReading.weak): the event's own days first."""
    if not readings:
        return []
    best = min(d.weak for d in readings)
    return [d for d in readings if d.weak == best]


def _another_day(report: Report, prof: Profile) -> bool:
    """In one article, a new event phrase on its own named day ("On Thursday morning, the bodies of five
    men were found") is not the event of the day before, though a night may run into the next day."""
    d = report.date
    fresh = not any(kind == "event" and label == "refers back" for _, _, kind, label in report.spans)
    return bool(
        fresh
        and d is not None
        and d.known
        and d.weak == 0  # (a statement's day is the event's or the day after: no other day)
        and prof.weak == 0
        and d.precision == 1
        and prof.precision == 1
        and prof.start == prof.end
        and d.date_start == d.date_end
        and abs((d.date_start - prof.start).days) == 1
        and not NIGHT.search(d.text)
    )


DEED_AFTER = 3  # days after an event an article tells of what was done about it (a search, burials)


def _deed_after(report: Report, prof: Profile) -> bool:
    """Whether an article's later, definite phrase of the event is dated 1 to 3 days after the event it
    has read and counts nobody: the day of a deed about it ("rescuers on Friday pulled bodies from the
    rubble of the strike", "on Monday police hunted the gunmen who opened fire"), not another event. A
    new event on a later day is told anew ("On Thursday, bodies of five men were found") or says whom
    it hit."""
    d = report.date
    if not report.definite or d is None or not d.known or d.weak or prof.start is None:
        return False
    if prof.weak or prof.precision != 1:
        return False
    if any(c.figures() != (None,) * 4 for c in report.claims):
        return False
    return 1 <= (d.date_start - prof.end).days <= DEED_AFTER and d.date_start == d.date_end


def _one_day(report: Report, prof: Profile) -> bool:
    """Both sides are dated to the same single day, where a day only a statement gives ("the army said
    on Saturday") may be the event's day or the day after it."""
    d = report.date
    if d is None or not d.known or d.precision != 1 or prof.start is None:
        return False
    if d.weak == 1 and prof.weak == 0 and prof.precision == 1:
        return 0 <= (d.date_start - prof.start).days <= 1
    if prof.weak == 1 and d.weak == 0:  # (its window is the statement's day and the day before)
        return prof.start <= d.date_start <= prof.end
    return prof.precision == 1 and d.date_start == prof.start


NIGHT = re.compile(r"\b(?:night|overnight|late|early|midnight|hours|dawn)\b", re.I)


def match_score(report: Report, prof: Profile, *, same_article: bool = False) -> float | None:
    """How well report fits an incident profile; None when they cannot be one event."""
    # another kind of violence is evidence against one event, not a veto: "a suicide bomber opened fire,
    # then blew himself up" is one attack read twice; it needs the same day and a compatible place
    other_kind = _other_kind(report, prof)
    # "militants" rule nothing out, nor forces named only by a nationality ("Yemeni missiles")
    named1 = {a for a in report.actor1 if not is_generic(a) and is_listed(a)}
    # attacker and target swapped (a retaliation, not the same event), or another attacker named
    other_author = bool(named1 & prof.actor2 and not named1 & prof.actor1) or bool(
        named1 and prof.actor1 and not named1 & prof.actor1
    )
    dates = _dates_overlap(report, prof)
    if same_article and dates is not None and _deed_after(report, prof):
        dates = None  # "On Monday police hunted the men who opened fire": the hunt's day, not the event's
    if other_author and (dates is not None or same_article):
        return None
    if dates is False or (dates and same_article and _another_day(report, prof)):
        return None
    place_ok = None
    if report.place is not None and prof.places:
        place_ok = any(places_compatible(report.place, p) for p in prof.places)
        if not place_ok:
            return None
    if other_kind and dates is not None and not (dates and place_ok and _one_day(report, prof)):
        return None
    sim = similarity(_bigrams(report.context or report.sentence), prof.words)
    actors = bool(set(report.actor1) & prof.actor1 or set(report.actor2) & prof.actor2)
    weapon_clash = _weapon_clash(report, prof)
    named_spot = bool(_report_names(report) & prof.names)
    score = (
        2.0 * bool(dates)
        + 1.0 * bool(place_ok)
        + 0.5 * actors
        + 1.0 * named_spot
        + 3.0 * sim
        - 0.75 * weapon_clash
        - 1.5 * other_kind
    )
    if dates:
        return score if (place_ok or same_article or actors or named_spot or sim >= 0.1) else None
    if same_article:
        if prof.start is None and _dated_apart(report):
            return None  # "... died in a bombing at the city's mosque in February": an older event
        return score if (place_ok or report.date is None or prof.start is None) else None
    weekday = _partials_agree(report, prof)
    if weekday is False:
        return None  # "on Sunday evening" in an undated article is not Tuesday's event
    if not place_ok:
        return None
    # a weekday both undated sides name counts once (it recurs every week); against a dated window, twice
    day = (1.0 if prof.start is None and not report.readings() else 2.0) if weekday else 0.0
    evidence = _undated_evidence(report, prof, sim, day, actors, named_spot) - 2.0 * other_author
    return score + evidence if evidence >= UNDATED_EVIDENCE else None


UNDATED_EVIDENCE = 3.0


def _undated_evidence(
    report: Report, prof: Profile, sim: float, weekday: float, actors: bool, named_spot: bool = False
) -> float:
    """What, besides a compatible place, says an undated report is this incident's.

    The day of the week it names, shared wording, a toll both give ("at least 103 killed"),
    the same named actor or class of attacker ("settlers"), the same kind of violence, and
    both placed at the same town, a toll in the incident's range or above it (a risen toll): none
    alone, any two (a toll both give, or a weekday checked against a dated window, counts double).
    A town the gazetteer lacks that both write ("a camp in X" and
    "at X in the north", each placed only at the region) is the same town, and a rare name besides:
    it counts three times.
    """
    other_kind = _other_kind(report, prof)
    same_toll = bool(_figures([report]) & prof.figures) and not other_kind
    later_toll = not same_toll and not other_kind and _toll_fits(report, prof)
    classes = {_class(a) for a in report.actor1 if is_generic(a)} & prof.classes1
    here = report.place
    precise = named_spot or (
        here.uncertainty_km <= 15
        and any(p.uncertainty_km <= 15 and km(here.lat, here.lon, p.lat, p.lon) <= 10 for p in prof.places)
    )
    weapon_clash = _weapon_clash(report, prof)
    return (
        weekday
        + (2.0 if sim >= 0.10 else 1.0 if sim >= 0.05 else 0.0)
        + 2.0 * same_toll
        + 1.0 * later_toll
        + 1.5 * actors
        + 1.0 * bool(classes)
        + 1.0 * bool(report.sub_event_type and not other_kind)
        + 1.0 * precise
        + 2.0 * named_spot
        - 1.0 * other_kind
        - 1.0 * weapon_clash
    )


def _toll_fits(report: Report, prof: Profile) -> bool:
    """Whether the report's dead fall in the incident's range or above it: a count from within the
    range the sources give, or a later, risen toll ("at least 20" where the first reports said 12).
    A lower count says nothing either way (an early count, or another event). Either side may be the
    undated one (pages come in any order); two undated sides have no first count to rise from.
    """
    mine = [n for kind, n in _figures([report]) if kind == "killed"]
    theirs = [n for kind, n in prof.figures if kind == "killed"]
    if not (mine and theirs):
        return False
    if prof.start is not None and not report.readings():
        return min(mine) >= min(theirs)
    if prof.start is None and report.readings():
        return min(theirs) >= min(mine)
    return False


# kinds that one event is often said as: "a blast" and "a suicide bombing", "an explosion" and "a grenade"
KIND_FAMILY = {"Suicide bomb": "bomb", "Remote explosive/landmine/IED": "bomb", "Grenade": "bomb"}


# weapons one bombing is said with: "explosives" (a suicide bomber's), "IED" (a blast's), a grenade
WEAPON_FAMILY = {"explosives": "bomb", "IED": "bomb", "grenade": "bomb"}


def _weapon_clash(report: Report, prof: Profile) -> bool:
    """Whether the report names another weapon than any of the incident's (one bomb's words agree)."""
    if not (report.weapon and prof.weapons):
        return False
    family = WEAPON_FAMILY.get(report.weapon, report.weapon)
    return family not in {WEAPON_FAMILY.get(w, w) for w in prof.weapons}


def _other_kind(report: Report, prof: Profile) -> bool:
    """Whether the report names another kind of violence than any of the incident's reports."""
    if not (report.sub_event_type and prof.subtypes):
        return False
    family = KIND_FAMILY.get(report.sub_event_type, report.sub_event_type)
    return family not in {KIND_FAMILY.get(t, t) for t in prof.subtypes}


def _class(name: str) -> str:
    """A class of actor by its head noun: "Israeli settlers" and "settlers" are one class."""
    return name.lower().split()[-1] if name else ""


def _partials_agree(report: Report, prof: Profile) -> bool | None:
    """An undated side's "on Sunday evening" or "October 8" against the dated side (incidents.undated).

    Either side may be the undated one (articles come in any order): the report's
    partial days against the incident's window, or the incident's against the report's;
    two undated sides against each other (undated.shared), so that the first undated
    page read is not left apart when a second one takes the dated report of them both.
    """
    said = undated.partials(report)
    if said and prof.start is not None:
        return undated.agrees(said, prof.start, prof.end)
    readings = report.readings()
    if prof.partials and readings:
        return undated.agrees(
            prof.partials, min(d.date_start for d in readings), max(d.date_end for d in readings)
        )
    if said and prof.start is None:  # both undated: the same weekday or month-day named on each side
        return undated.shared(said, prof.partials)
    return None


def best_match(report: Report, profiles: dict[str, Profile], *, same_article: bool = False) -> str | None:
    scored = [
        (s, key)
        for key, p in profiles.items()
        if (s := match_score(report, p, same_article=same_article)) is not None
    ]
    return max(scored)[1] if scored else None


# a sentence that announces another event: "Separately, ...", "In a separate attack, ...", "Elsewhere, ...",
# "In another attack, ..." (an event phrase of its own after it)
SEPARATE = re.compile(
    r"^\W*(?:separately|elsewhere|in (?:a|another) separate \w+|"
    r"in (?:another|a second|a further) (?:attack|strike|raid|incident|bombing|blast)|meanwhile, in)\b",
    re.I,
)
# "Later on Tuesday, an air strike on a car in X killed two": another time, and a place of its own
SEQUEL = re.compile(r"^\W*(?:later|earlier)\b", re.I)


def group_reports(reports: list[Report]) -> list[list[Report]]:
    """Reports of one article that describe the same event, grouped (order kept)."""
    groups: list[list[Report]] = []
    profiles: dict[str, Profile] = {}
    for r in reports:
        same_sentence = {k: p for k, p in profiles.items() if any(x.start == r.start for x in groups[int(k)])}
        apart = SEPARATE.match(r.sentence) or (SEQUEL.match(r.sentence) and r.place is not None)
        key = best_match(r, same_sentence if apart else profiles, same_article=True)
        if key is None:
            key = str(len(groups))
            groups.append([])
        elif _deed_after(r, profiles[key]):
            r.date = replace(r.date, kind="statement")  # a day the event preceded: it dates a deed about it
        groups[int(key)].append(r)
        profiles[key] = profile(groups[int(key)])
    return groups
