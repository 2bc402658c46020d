"""Held-out acceptance: articles nobody tuned the rules on, scored like the seeds.

Three sets, each hand-coded in its folder's gold.json from reading the articles
before the pipeline ever ran on them:

- tests/data/heldout: twelve articles for the first generality pass (wire,
  Al Jazeera, BBC, a local outlet, an HTML page; Somalia, Yemen, Ukraine,
  Afghanistan, Nigeria, Gaza, Sudan, DR Congo, Burkina Faso).
- tests/data/heldout2: eleven articles in the product's own domain (Reuters,
  AP, AFP, Al Jazeera, CENTCOM, Military Times, Kurdistan24, Rudaw, an HTML page
  from The National): attacks on US forces in Iraq, US strikes on Iran-backed
  militias, a Houthi missile on a ship in the Gulf of Aden, an Israel-Hezbollah
  exchange, a Turkish drone strike in Sinjar; several outlets on one event with
  different figures, datelines and governments that are not places.
- tests/data/heldout3: eight articles in styles and places the first two lack
  (Reuters, AP, AFP, Dawn, Zitamar News, an HTML page from The Irrawaddy, an
  undated Enab Baladi piece): cartel killings in Culiacan, a gang attack in
  Port-au-Prince, insurgents in Cabo Delgado, Indian shelling across the Line of
  Control, a junta air strike in Sagaing, an ELN truck bomb in Arauca, and two
  outlets with different tolls for one Islamic State ambush in the Deir ez-Zor desert.

The floors below are the level the pipeline actually reaches (so that a
regression shows); they are not the gold's full count. The gold is read by
this file's own matcher and, where present, by the shared scorer.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT
from .gold import actors_ok, claim_ok, ingest_and_export, matches

DATA = Path(__file__).parent / "data"
SCORER = ROOT.parent / "shared" / "acceptance" / "score.py"


@dataclass(frozen=True)
class HeldOut:
    """A held-out folder, the floors it reached, and what its HTML page and undated article are."""

    folder: str
    min_matched: int
    min_claims: int
    min_actors: int
    max_other: int
    html_url: str  # the HTML page's own metadata must survive ingestion
    html_published: str
    undated_outlet: str  # an article without a published date still joins its incident


SETS = {
    # of 13 required incidents, 16 claims, 8 actor pairs. One other is the Abu Shouk shelling read as
    # "north of the city" = north of El Fasher: geo's 50 km default for a direction without distance
    # puts it 46 km from the camp, outside the gold's 20 km
    "heldout": HeldOut("heldout", 11, 14, 8, 2, "kyivindependent", "2024-05-22", "Daily Trust"),
    # of 10 required incidents, 16 claims, 8 actor pairs (first run, before any fix: matched 7,
    # 1 duplicate, 9 others, 4 must-not, claims 3, actors 2)
    "heldout2": HeldOut("heldout2", 10, 16, 8, 0, "thenationalnews", "2024-02-08", "Rudaw"),
    # of 9 required incidents, 13 claims, 8 actor pairs (first run, before any fix: matched 3,
    # 0 duplicates, 5 others, 1 must-not, claims 5, actors 1). The miss is the LoC shelling: geo knows
    # neither Kundal Shahi nor the Neelum valley and places it "70 kilometres north of Muzaffarabad"
    "heldout3": HeldOut("heldout3", 8, 12, 6, 1, "irrawaddy", "2024-11-20", "Enab Baladi"),
}


def gold_of(name: str) -> dict:
    return json.loads((DATA / SETS[name].folder / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(
    scope="module",
    params=[(name, order) for name in SETS for order in ("file order", "reverse order")],
    ids=lambda p: f"{p[0]}-{p[1].split()[0]}",
)
def export(tmp_path_factory, request):
    """A held-out folder ingested into a fresh database (in either order) and exported."""
    name, order = request.param
    out = tmp_path_factory.mktemp(name)
    incidents, claims = ingest_and_export(DATA / SETS[name].folder, out, reverse=order == "reverse order")
    return SETS[name], gold_of(name), out, incidents, claims


def test_gold_incidents_found_once_with_claims_and_actors(export):
    bar, gold, _, incidents, claims = export
    taken, matched, found_claims, actors, missed = set(), 0, 0, 0, []
    for g in (g for g in gold["incidents"] if not g.get("optional")):
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
    optional = [g for g in gold["incidents"] if g.get("optional")]
    taken |= {r["incident_id"] for r in incidents for g in optional if matches(g, r)}
    other = [r for r in incidents if r["incident_id"] not in taken]
    assert matched >= bar.min_matched, f"matched {matched}; missed {missed}"
    assert found_claims >= bar.min_claims, found_claims
    assert actors >= bar.min_actors, actors
    assert len(other) <= bar.max_other, [(r["location"], r["event_date"]) for r in other]


def test_no_must_not_reading(export):
    _, gold, _, incidents, _ = export
    for r in incidents:
        pt = (float(r["latitude"]), float(r["longitude"])) if r["latitude"] else None
        for m in gold["must_not"]:
            s, w, n, e = m.get("bbox", (0, 0, -1, -1))
            assert not (pt and s <= pt[0] <= n and w <= pt[1] <= e), (r["location"], m["why"])
            assert m.get("country", "?") != r["country_code"], (r["location"], m["why"])
            assert not (r["event_date"] and r["event_date"] < m.get("before", "")), (
                r["event_date"],
                m["why"],
            )


def test_html_page_states_its_own_metadata(export):
    bar, _, _, _, claims = export
    page = [c for c in claims if bar.html_url in c["article_url"]]
    assert page and all(c["published"].startswith(bar.html_published) for c in page)


def test_undated_article_joins_the_incident_it_describes(export):
    bar, _, _, incidents, claims = export
    by_id = {r["incident_id"]: r for r in incidents}
    undated = {c["incident_id"] for c in claims if c["outlet"] == bar.undated_outlet}
    assert undated and all(by_id[i]["event_date"] for i in undated)
    # and it is not an incident of its own: every incident it is in has a dated article too
    dated = {c["incident_id"] for c in claims if c["outlet"] != bar.undated_outlet and c["published"]}
    assert undated <= dated


@pytest.mark.skipif(
    not SCORER.is_file(), reason="the shared scorer (../shared/acceptance/score.py) is not here"
)
def test_shared_scorer_agrees(export):
    bar, gold, out, _, _ = export
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    totals, lines = scorer.score(gold, out)
    report = "\n".join(lines)
    assert totals["must_not"] == 0, report
    assert totals["duplicates"] == 0, report
    assert totals["matched"] >= bar.min_matched, report
    assert totals["claims"] >= bar.min_claims, report
    assert totals["false"] <= bar.max_other, report
