"""Held-out acceptance: articles nobody tuned the rules on, scored like the seeds.

tests/data/heldout holds twelve articles written for the generality pass (wire,
Al Jazeera, BBC, a local outlet, an HTML page; Somalia, Yemen, Ukraine,
Afghanistan, Nigeria, Gaza, Sudan, DR Congo, Burkina Faso) and gold.json,
hand-coded from reading them before the pipeline ever ran on them. The bounds
below are the level the pipeline actually reaches (see the floor constants),
so that a regression shows; they are not the gold's full count. The gold is
read by this file's own matcher and, where present, by the shared scorer.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
from pathlib import Path

import pytest

from incidents.export import write_csv
from incidents.store import Store

from .conftest import ROOT

HELDOUT = Path(__file__).parent / "data" / "heldout"
GOLD = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
SCORER = ROOT.parent / "shared" / "acceptance" / "score.py"
REQUIRED = [g for g in GOLD["incidents"] if not g.get("optional")]

# the level reached when this test was written (of 13 required incidents, 16 claims, 8 actor pairs)
MIN_MATCHED = 11
MIN_CLAIMS = 14
MIN_ACTORS = 8
# one other is the Abu Shouk shelling read as "north of the city" = north of El Fasher: geo's
# 50 km default for a direction without distance puts it 46 km from the camp, outside the gold's 20 km
MAX_OTHER = 2


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def where_ok(loc, row):
    if not row["latitude"]:
        return False
    pt = (float(row["latitude"]), float(row["longitude"]))
    if "point" in loc:
        return km(pt, loc["point"]) <= loc["km"]
    s, w, n, e = loc["bbox"]
    return (
        s <= pt[0] <= n
        and w <= pt[1] <= e
        and row["country_code"] in ("", loc.get("country", row["country_code"]))
    )


def when_ok(g, row):
    if "dates" in g:
        return row["event_date"] in g["dates"]
    lo, hi = g["date_range"]
    return bool(row["event_date"]) and lo <= row["event_date"] <= hi


def kind_ok(g, row):
    text = " ".join(row[k] for k in ("event_type", "sub_event_type", "weapon")).lower()
    return any(w in text for w in g["event_type_any"])


def matches(g, row):
    locs = g.get("location_any") or [g["location"]]
    return when_ok(g, row) and kind_ok(g, row) and any(where_ok(loc, row) for loc in locs)


def claim_ok(c, rows):
    for r in rows:
        if "*" not in c["source_any"] and not any(s in r["source"].lower() for s in c["source_any"]):
            continue
        if all(
            (int(r[k]) if r[k] else None) == c[k]
            for k in ("killed_low", "killed_high", "wounded_low", "wounded_high")
            if k in c
        ):
            return True
    return False


@pytest.fixture(scope="module", params=["file order", "reverse order"])
def export(tmp_path_factory, request):
    """The held-out folder ingested into a fresh database (in either order) and exported."""
    from incidents.ingest import read_paths

    out = tmp_path_factory.mktemp("heldout")
    store = Store(f"sqlite:///{out}/fresh.db")
    articles = [a for _, a in read_paths([HELDOUT])]
    results = store.ingest(articles if request.param == "file order" else articles[::-1])
    assert not [r.error for r in results if r.error]
    write_csv(store.incidents_frame(), store.claims_frame(), out)
    with (out / "incidents.csv").open(newline="") as fh:
        incidents = list(csv.DictReader(fh))
    with (out / "claims.csv").open(newline="") as fh:
        claims = list(csv.DictReader(fh))
    return out, incidents, claims


def test_gold_incidents_found_once_with_claims_and_actors(export):
    _, incidents, claims = export
    taken, matched, found_claims, actors, missed = set(), 0, 0, 0, []
    for g in REQUIRED:
        hits = [r for r in incidents if matches(g, r)]
        assert len(hits) <= 1, f"{g['key']}: {len(hits)} exported incidents (a duplicate)"
        if not hits:
            missed.append(g["key"])
            continue
        row = hits[0]
        matched += 1
        taken.add(row["incident_id"])
        mine = [c for c in claims if c["incident_id"] == row["incident_id"]]
        found_claims += sum(claim_ok(c, mine) for c in g["claims"])
        if "attacker_any" in g:
            actors += any(a in row["actor1"].lower() for a in g["attacker_any"]) and any(
                t in row["actor2"].lower() for t in g["target_any"]
            )
    optional = [g for g in GOLD["incidents"] if g.get("optional")]
    taken |= {r["incident_id"] for r in incidents for g in optional if matches(g, r)}
    other = [r for r in incidents if r["incident_id"] not in taken]
    assert matched >= MIN_MATCHED, f"matched {matched}/{len(REQUIRED)}; missed {missed}"
    assert found_claims >= MIN_CLAIMS, found_claims
    assert actors >= MIN_ACTORS, actors
    assert len(other) <= MAX_OTHER, [(r["location"], r["event_date"]) for r in other]


def test_no_must_not_reading(export):
    _, incidents, _ = export
    for r in incidents:
        pt = (float(r["latitude"]), float(r["longitude"])) if r["latitude"] else None
        for m in GOLD["must_not"]:
            s, w, n, e = m.get("bbox", (0, 0, -1, -1))
            assert not (pt and s <= pt[0] <= n and w <= pt[1] <= e), (r["location"], m["why"])
            assert m.get("country", "?") != r["country_code"], (r["location"], m["why"])
            assert not (r["event_date"] and r["event_date"] < m.get("before", "")), (
                r["event_date"],
                m["why"],
            )


def test_html_page_states_its_own_metadata(export):
    _, _, claims = export
    page = [c for c in claims if "kyivindependent" in c["article_url"]]
    assert page and all(c["published"].startswith("2024-05-22") for c in page)


def test_undated_article_joins_the_incident_it_describes(export):
    _, incidents, claims = export
    by_id = {r["incident_id"]: r for r in incidents}
    undated = {c["incident_id"] for c in claims if c["outlet"] == "Daily Trust"}
    assert undated and all(by_id[i]["event_date"] for i in undated)


@pytest.mark.skipif(
    not SCORER.is_file(), reason="the shared scorer (../shared/acceptance/score.py) is not here"
)
def test_shared_scorer_agrees(export):
    out, _, _ = export
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    totals, lines = scorer.score(GOLD, out)
    report = "\n".join(lines)
    assert totals["must_not"] == 0, report
    assert totals["duplicates"] == 0, report
    assert totals["matched"] >= MIN_MATCHED, report
    assert totals["claims"] >= MIN_CLAIMS, report
    assert totals["false"] <= MAX_OTHER, report
