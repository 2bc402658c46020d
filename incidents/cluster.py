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
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from incidents.actors import is_generic
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

    try:
        return shape(region.geometry).buffer(0.25).contains(Point(point.lon, point.lat))
    except Exception:  # a malformed geometry: fall back to distances
        return None


def places_compatible(a, b) -> bool:
    """Same place, or one within the other's area/uncertainty."""
    d = km(a.lat, a.lon, b.lat, b.lon)
    wide, narrow = (a, b) if a.uncertainty_km >= b.uncertainty_km else (b, a)
    inside = _contains(wide, narrow)
    if inside is not None:
        return inside or d <= narrow.uncertainty_km
    return d <= max(wide.uncertainty_km, 10.0) + min(narrow.uncertainty_km, 25.0)


def place_rank(place) -> tuple:
    """Most specific first: the smaller uncertainty radius, then UCDP where_prec.

    The radius says how much ground a reading leaves open: "the military part of
    the airport" (2 km) says more than the city it lies in (15 km), though the
    city is named exactly and the part is not.
    """
    return (place.uncertainty_km, place.where_prec)


def better_place(new, old) -> bool:
    """Whether new says more precisely where than old.

    The bare name inside old's relation ("Gwoza" after "a village near Gwoza") is
    the same gazetteer place with the relation dropped: it says less, not more.
    """
    if old is None:
        return True
    if old.place_id and new.place_id == old.place_id and old.geo_precision > new.geo_precision:
        return False
    return place_rank(new) < place_rank(old)


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
    said_weekdays: frozenset[int] = frozenset()  # "on Sunday" in undated reports (no day to pin it to)
    figures: frozenset[int] = frozenset()  # the exact tolls its sources give


def _figures(reports: list[Report]) -> frozenset[int]:
    """The figures sources give (killed and wounded, low bounds), from 2 up: "at least 103 killed"."""
    return frozenset(
        n
        for r in reports
        for c in r.claims
        for n in (c.killed_low, c.killed_high, c.wounded_low, c.wounded_high)
        if n is not None and n >= 2
    )


def core_dates(reports: list[Report]) -> tuple[date | None, date | None, int | None, date | None]:
    """(start, end, precision, best day) from the most precise readings.

    Readings of the same precision that disagree (a US-evening announcement
    and the local date after midnight) widen the span; they are not averaged.
    """
    readings = [d for r in reports for d in r.readings()]
    if not readings:
        return None, None, None, None
    best = min(d.precision for d in readings)
    top = [d for d in readings if d.precision == best]
    start, end = min(d.date_start for d in top), max(d.date_end for d in top)
    lo, hi = max(d.date_start for d in top), min(d.date_end for d in top)
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
    return Profile(
        start=start,
        end=end,
        precision=precision,
        places=[r.place for r in reports if r.place is not None],
        subtypes={r.sub_event_type for r in reports if r.sub_event_type},
        weapons={r.weapon for r in reports if r.weapon},
        actor1={a for r in reports for a in r.actor1 if not is_generic(a)},
        actor2={a for r in reports for a in r.actor2 if not is_generic(a)},
        words=frozenset().union(*(_bigrams(r.context or r.sentence) for r in reports)),
        said_weekdays=frozenset().union(*(_said_weekdays(r) for r in reports)),
        figures=_figures(reports),
    )


def _dates_overlap(report: Report, prof: Profile) -> bool | None:
    """None when either side has no date; else whether any reading falls in the incident's window."""
    readings = report.readings()
    if not readings or prof.start is None:
        return None
    for d in readings:
        slack = timedelta(days=1 if d.precision == 1 and prof.precision == 1 else 0)
        if d.date_start - slack <= prof.end and prof.start <= d.date_end + slack:
            return True
    return False


def _another_day(report: Report, prof: Profile) -> bool:
    """In one article, a new event phrase on its own named day ("On Thursday morning, the bodies of five
    men were found") is not the event of the day before, though a night may run into the next day."""
    d = report.date
    fresh = not any(kind == "event" and label == "refers back" for _, _, kind, label in report.spans)
    return bool(
        fresh
        and d is not None
        and d.known
        and d.precision == 1
        and prof.precision == 1
        and prof.start == prof.end
        and d.date_start == d.date_end
        and abs((d.date_start - prof.start).days) == 1
        and not NIGHT.search(d.text)
    )


def _one_day(report: Report, prof: Profile) -> bool:
    """Both sides are dated to the same single day."""
    d = report.date
    return bool(
        d is not None and d.known and d.precision == 1 and prof.precision == 1 and d.date_start == prof.start
    )


NIGHT = re.compile(r"\b(?:night|overnight|late|early|midnight|hours|dawn)\b", re.I)


def match_score(report: Report, prof: Profile, *, same_article: bool = False) -> float | None:
    """How well report fits an incident profile; None when they cannot be one event."""
    # another kind of violence is evidence against one event, not a veto: "a suicide bomber opened fire,
    # then blew himself up" is one attack read twice; it needs the same day and a compatible place
    other_kind = bool(report.sub_event_type and prof.subtypes and report.sub_event_type not in prof.subtypes)
    named1 = {a for a in report.actor1 if not is_generic(a)}  # "militants" rule nothing out
    if named1 & prof.actor2 and not named1 & prof.actor1:
        return None  # attacker and target swapped: a retaliation, not the same event
    if named1 and prof.actor1 and not named1 & prof.actor1:
        return None
    dates = _dates_overlap(report, prof)
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
    weapon_clash = bool(report.weapon and prof.weapons and report.weapon not in prof.weapons)
    score = (
        2.0 * bool(dates)
        + 1.0 * bool(place_ok)
        + 0.5 * actors
        + 3.0 * sim
        - 0.75 * weapon_clash
        - 1.5 * other_kind
    )
    if dates:
        return score if (place_ok or same_article or actors or sim >= 0.1) else None
    if same_article:
        return score if (place_ok or report.date is None or prof.start is None) else None
    weekday = _weekday_agrees(report, prof)
    if weekday is False:
        return None  # "on Sunday evening" in an undated article is not Tuesday's event
    # no date on one side: needs a compatible place and shared wording, actors, the weekday or a toll
    # two sources give alike ("at least 103 killed" in both)
    same_toll = bool(_figures([report]) & prof.figures) and not other_kind
    # (another kind of violence needs more shared wording: "the raid" and "the clashes" of one night)
    enough = 0.15 if other_kind else 0.10
    if place_ok and (weekday or sim >= enough or (actors and sim >= 0.05) or same_toll):
        return score + 1.0 * bool(weekday) + 0.5 * same_toll
    return None


WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _said_weekdays(report: Report) -> frozenset[int]:
    """The weekday an undated report names ("on Sunday evening"), which no published day resolved."""
    said = report.date.text if report.date is not None and not report.date.known else ""
    return frozenset(DAYS.index(m.group(1).lower()) for m in WEEKDAY.finditer(said))


def _weekdays(start: date | None, end: date | None) -> frozenset[int]:
    """The weekdays of a window of at most two days (a night either side of midnight), else none."""
    if start is None or end is None or (end - start).days > 1:
        return frozenset()
    return frozenset((start + timedelta(days=i)).weekday() for i in range((end - start).days + 1))


def _weekday_agrees(report: Report, prof: Profile) -> bool | None:
    """An undated article's "on Sunday evening" against a dated side: None when either is silent.

    With no published date the weekday cannot be pinned to a day, but it still
    says which day of the week it was: the incident's day (or the next, a local
    night read from the other side of midnight) agrees, any other day does not.
    Either side may be the undated one (articles come in any order).
    """
    said, days = _said_weekdays(report), _weekdays(prof.start, prof.end)
    if not (said and days):  # the other way round: the incident holds the undated report
        readings = report.readings()
        said = prof.said_weekdays
        days = (
            _weekdays(min(d.date_start for d in readings), max(d.date_end for d in readings))
            if readings
            else frozenset()
        )
    if not (said and days):
        return None
    return bool(said & days)


def best_match(report: Report, profiles: dict[str, Profile], *, same_article: bool = False) -> str | None:
    scored = [
        (s, key)
        for key, p in profiles.items()
        if (s := match_score(report, p, same_article=same_article)) is not None
    ]
    return max(scored)[1] if scored else None


# a sentence that announces another event: "Separately, ...", "In a separate attack, ...", "Elsewhere, ..."
SEPARATE = re.compile(r"^\W*(?:separately|elsewhere|in (?:a|another) separate \w+|meanwhile, in)\b", re.I)


def group_reports(reports: list[Report]) -> list[list[Report]]:
    """Reports of one article that describe the same event, grouped (order kept)."""
    groups: list[list[Report]] = []
    profiles: dict[str, Profile] = {}
    for r in reports:
        same_sentence = {k: p for k, p in profiles.items() if any(x.start == r.start for x in groups[int(k)])}
        key = best_match(r, same_sentence if SEPARATE.match(r.sentence) else profiles, same_article=True)
        if key is None:
            key = str(len(groups))
            groups.append([])
        groups[int(key)].append(r)
        profiles[key] = profile(groups[int(key)])
    return groups
