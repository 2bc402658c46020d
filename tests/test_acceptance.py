"""Acceptance on the seed articles: ingest into a fresh database, export, check.

The expectations come from the hand-coded gold (tests/data/seed_gold.json,
a copy of ../shared/acceptance/seed_gold.json): 7/7 incidents matched, no
duplicates, no must-not reading, >= 7/8 claims, actors 2/2, at most two other
exported incidents. The checks below are this project's own; when the
shared scorer is present it is run as well.
"""

from __future__ import annotations

import csv
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from incidents.export import write_csv
from incidents.store import Store

from .conftest import ARTICLES, ROOT

GOLD = json.loads((Path(__file__).parent / "data" / "seed_gold.json").read_text(encoding="utf-8"))
SCORER = ROOT.parent / "shared" / "acceptance" / "score.py"


def km(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def near_line(pt, line, limit):
    steps = [
        (a[0] + (b[0] - a[0]) * t / 20, a[1] + (b[1] - a[1]) * t / 20)
        for a, b in zip(line, line[1:], strict=False)
        for t in range(21)
    ]
    return min(km(pt, q) for q in steps) <= limit


def where_ok(loc, row):
    pt = (float(row["latitude"]), float(row["longitude"]))
    if "point" in loc:
        return km(pt, loc["point"]) <= loc["km"]
    if "line" in loc:
        return near_line(pt, loc["line"], loc["km"])
    s, w, n, e = loc["bbox"]
    return (
        s <= pt[0] <= n and w <= pt[1] <= e and row["country_code"] == loc.get("country", row["country_code"])
    )


def when_ok(g, row):
    if "dates" in g:
        return row["event_date"] in g["dates"]
    lo, hi = g["date_range"]
    return lo <= row["event_date"] <= hi


def kind_ok(g, row):
    text = " ".join(row[k] for k in ("event_type", "sub_event_type", "weapon")).lower()
    return any(w in text for w in g["event_type_any"])


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
    """A fresh database, the seeds ingested (in either order: the result must not depend on it)."""
    from incidents.ingest import read_paths

    out = tmp_path_factory.mktemp("acceptance")
    store = Store(f"sqlite:///{out}/fresh.db")
    articles = [a for _, a in read_paths([ARTICLES])]
    results = store.ingest(articles if request.param == "file order" else articles[::-1])
    assert not [r.error for r in results if r.error]
    write_csv(store.incidents_frame(), store.claims_frame(), out)
    with (out / "incidents.csv").open(newline="") as fh:
        incidents = list(csv.DictReader(fh))
    with (out / "claims.csv").open(newline="") as fh:
        claims = list(csv.DictReader(fh))
    return out, incidents, claims


def test_every_gold_incident_once_with_its_claims_and_actors(export):
    _, incidents, claims = export
    taken, found_claims = set(), 0
    for g in GOLD["incidents"]:
        hits = [r for r in incidents if when_ok(g, r) and kind_ok(g, r) and where_ok(g["location"], r)]
        assert len(hits) == 1, f"{g['key']}: {len(hits)} exported incidents match"
        row = hits[0]
        taken.add(row["incident_id"])
        mine = [c for c in claims if c["incident_id"] == row["incident_id"]]
        found_claims += sum(claim_ok(c, mine) for c in g["claims"])
        if "attacker_any" in g:
            assert any(a in row["actor1"].lower() for a in g["attacker_any"]), row["actor1"]
            assert any(t in row["actor2"].lower() for t in g["target_any"]), row["actor2"]
    assert found_claims >= 7
    assert len([r for r in incidents if r["incident_id"] not in taken]) <= 2


def test_no_must_not_reading(export):
    _, incidents, _ = export
    for r in incidents:
        assert r["country_code"] not in {"YE", "US", "IR", "IL"}, r
        assert r["event_date"] >= "2019-01-01", r


def test_every_claim_keeps_its_words(export):
    _, incidents, claims = export
    ids = {r["incident_id"] for r in incidents}
    for c in claims:
        assert c["incident_id"] in ids and c["quote"] and c["article_id"]
        assert c["source_type"] in {
            "monitor",
            "state media",
            "government",
            "armed group",
            "local sources",
            "medical",
            "media",
            "unattributed",
        }


@pytest.mark.skipif(
    not SCORER.is_file(), reason="the shared scorer (../shared/acceptance/score.py) is not here"
)
def test_shared_scorer(export):
    out, _, _ = export
    res = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            str(SCORER.parent / "seed_gold.json"),
            str(out),
            "--min-matched",
            "7",
            "--max-duplicates",
            "0",
            "--max-must-not",
            "0",
            "--min-claims",
            "7",
            "--max-false",
            "2",
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    assert "actors 2/2" in res.stdout
