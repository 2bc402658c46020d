"""Reading an export against a hand-coded gold file (the seed_gold.json layout).

The project's own matcher, shared by the seed and the held-out acceptance
tests: an exported incident matches a gold one when its date, its kind and
its point agree with the gold; a gold claim is found when a claim of that
incident names the source and has exactly the figures the gold names.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from incidents.export import write_csv
from incidents.ingest import read_paths
from incidents.store import Store

FIGURES = ("killed_low", "killed_high", "wounded_low", "wounded_high")


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def near_line(pt, line, limit: float) -> bool:
    """Within `limit` km of a polyline (sampled: 20 steps a segment is plenty for a border)."""
    steps = [
        (a[0] + (b[0] - a[0]) * t / 20, a[1] + (b[1] - a[1]) * t / 20)
        for a, b in zip(line, line[1:], strict=False)
        for t in range(21)
    ]
    return min(km(pt, q) for q in steps) <= limit


def where_ok(loc: dict, row: dict) -> bool:
    if not row["latitude"]:
        return False
    pt = (float(row["latitude"]), float(row["longitude"]))
    if "point" in loc:
        return km(pt, loc["point"]) <= loc["km"]
    if "line" in loc:
        return near_line(pt, loc["line"], loc["km"])
    s, w, n, e = loc["bbox"]
    in_box = s <= pt[0] <= n and w <= pt[1] <= e
    return in_box and row["country_code"] in ("", loc.get("country", row["country_code"]))


def when_ok(g: dict, row: dict) -> bool:
    if "dates" in g:
        return row["event_date"] in g["dates"]
    lo, hi = g["date_range"]
    return bool(row["event_date"]) and lo <= row["event_date"] <= hi


def kind_ok(g: dict, row: dict) -> bool:
    text = " ".join(row[k] for k in ("event_type", "sub_event_type", "weapon")).lower()
    return any(w in text for w in g["event_type_any"])


def matches(g: dict, row: dict) -> bool:
    locs = g.get("location_any") or [g["location"]]
    return when_ok(g, row) and kind_ok(g, row) and any(where_ok(loc, row) for loc in locs)


def claim_ok(c: dict, rows: list[dict]) -> bool:
    for r in rows:
        if "*" not in c["source_any"] and not any(s in r["source"].lower() for s in c["source_any"]):
            continue
        if all((int(r[k]) if r[k] else None) == c[k] for k in FIGURES if k in c):
            return True
    return False


def actors_ok(g: dict, row: dict) -> bool:
    return any(a in row["actor1"].lower() for a in g["attacker_any"]) and any(
        t in row["actor2"].lower() for t in g["target_any"]
    )


def ingest_and_export(folder: Path, out: Path, *, reverse: bool = False) -> tuple[list[dict], list[dict]]:
    """A fresh SQLite store under `out`, the folder ingested (in either order), exported there."""
    store = Store(f"sqlite:///{out}/fresh.db")
    articles = [a for _, a in read_paths([folder])]
    results = store.ingest(articles[::-1] if reverse else articles)
    assert not [r.error for r in results if r.error]
    write_csv(store.incidents_frame(), store.claims_frame(), out)
    rows = []
    for name in ("incidents.csv", "claims.csv"):
        with (out / name).open(newline="", encoding="utf-8") as fh:
            rows.append(list(csv.DictReader(fh)))
    return rows[0], rows[1]
