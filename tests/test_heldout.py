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

import importlib.util
import json
from pathlib import Path

import pytest

from .conftest import ROOT
from .gold import actors_ok, claim_ok, ingest_and_export, matches

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


@pytest.fixture(scope="module", params=["file order", "reverse order"])
def export(tmp_path_factory, request):
    """The held-out folder ingested into a fresh database (in either order) and exported."""
    out = tmp_path_factory.mktemp("heldout")
    incidents, claims = ingest_and_export(HELDOUT, out, reverse=request.param == "reverse order")
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
            actors += actors_ok(g, row)
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
