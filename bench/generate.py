"""Generate N plausible incidents (+ claims) in the SCHEMA layout, for benchmarks.

Deterministic for a given seed. The rows are synthetic: points scattered
around real conflict-news hubs, ACLED event types, two or three claims each,
some disputed. Used by the export, map-layer and browser benchmarks.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd

from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS

HUBS = (
    ("Baghdad", "IQ", "Iraq", "Baghdad", 33.31, 44.36),
    ("Erbil", "IQ", "Iraq", "Erbil", 36.19, 44.01),
    ("Mosul", "IQ", "Iraq", "Nineveh", 36.34, 43.13),
    ("Deir ez-Zor", "SY", "Syria", "Deir ez-Zor", 35.34, 40.14),
    ("Aleppo", "SY", "Syria", "Aleppo", 36.20, 37.16),
    ("Gaza", "PS", "Palestine", "Gaza Strip", 31.50, 34.47),
    ("Kharkiv", "UA", "Ukraine", "Kharkiv", 49.99, 36.23),
    ("Khartoum", "SD", "Sudan", "Khartoum", 15.50, 32.56),
    ("Mogadishu", "SO", "Somalia", "Banaadir", 2.04, 45.34),
    ("Kabul", "AF", "Afghanistan", "Kabul", 34.53, 69.17),
)
TYPES = (
    ("Explosions/Remote violence", "Air/drone strike", "drone"),
    ("Explosions/Remote violence", "Air/drone strike", "aircraft"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "rocket"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "IED"),
    ("Battles", "Armed clash", "small arms"),
    ("Violence against civilians", "Attack", "small arms"),
)
SOURCES = (
    ("Syrian Observatory for Human Rights", "monitor"),
    ("SANA", "state media"),
    ("Pentagon", "government"),
    ("Iraqi militia leaders", "armed group"),
    ("local sources", "local sources"),
    ("unattributed", "unattributed"),
)
ACTORS = ("US forces", "Kataib Hezbollah", "Popular Mobilisation Forces", "Islamic State", "Russian forces")


def generate_incidents(n: int, *, seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return (incidents, claims) DataFrames with exactly the SCHEMA columns."""
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    incidents, claims = [], []
    for i in range(n):
        name, cc, country, admin1, lat, lon = rng.choice(HUBS)
        event_type, sub_type, weapon = rng.choice(TYPES)
        day = start + timedelta(days=rng.randrange(1800))
        precision = rng.choice((1, 1, 2, 3))
        incident_id = f"inc-{i:07d}"
        figures = []
        for c in range(rng.randint(1, 3)):
            source, source_type = SOURCES[(i + c) % len(SOURCES)]
            killed = rng.choice((None, 0, 1, 2, 4, 5, 12, 30))
            wounded = rng.choice((None, 1, 3, 10))
            figures.append(killed)
            claims.append({
                "claim_id": f"{incident_id}-c{c}", "incident_id": incident_id, "source": source,
                "source_as_reported": source, "source_type": source_type, "article_id": f"art-{i % 997:04d}",
                "outlet": "Bench Wire", "article_url": "", "published": (day + timedelta(days=1)).isoformat(),
                "stated_date": day.isoformat(), "killed_low": killed, "killed_high": killed,
                "wounded_low": wounded, "wounded_high": None, "victim_group": "unknown",
                "count_text": "" if killed is None else f"{killed} people",
                "quote": "Generated for benchmarks.",
            })
        known = [k for k in figures if k is not None]
        incidents.append({
            "incident_id": incident_id, "event_date": day.isoformat(), "date_start": day.isoformat(),
            "date_end": day.isoformat(), "time_precision": 1, "event_type": event_type,
            "sub_event_type": sub_type, "weapon": weapon, "actor1": rng.choice(ACTORS),
            "actor2": rng.choice(ACTORS), "country": country, "country_code": cc, "admin1": admin1,
            "location": name, "location_as_reported": f"near {name}",
            "latitude": round(lat + rng.gauss(0, 0.6), 5), "longitude": round(lon + rng.gauss(0, 0.6), 5),
            "geo_precision": precision, "where_prec": {1: 1, 2: 2, 3: 4}[precision],
            "geo_uncertainty_km": {1: 2.0, 2: 15.0, 3: 80.0}[precision], "place_id": "",
            "killed_low": min(known) if known else None, "killed_high": max(known) if known else None,
            "wounded_low": None, "wounded_high": None, "fatalities": min(known) if known else 0,
            "claims_disputed": len(set(known)) > 1, "number_of_sources": len(figures),
            "sources": ";".join(SOURCES[(i + c) % len(SOURCES)][0] for c in range(len(figures))),
            "article_ids": f"art-{i % 997:04d}", "notes": "", "review_status": "auto",
            "updated_at": "2026-01-01T00:00:00+00:00",
        })
    inc = pd.DataFrame(incidents, columns=list(INCIDENT_COLUMNS))
    cl = pd.DataFrame(claims, columns=list(CLAIM_COLUMNS))
    for frame, cols in ((inc, ("killed_low", "killed_high", "wounded_low", "wounded_high")),
                        (cl, ("killed_low", "killed_high", "wounded_low", "wounded_high"))):
        for col in cols:
            frame[col] = frame[col].astype("Int64")
    return inc, cl
