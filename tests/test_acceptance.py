"""Acceptance on the seed articles: ingest into a fresh database, export, check.

The expectations come from the hand-coded gold (tests/data/seed_gold.json,
a copy of ../shared/acceptance/seed_gold.json): 7/7 incidents matched, no
duplicates, no must-not reading, >= 7/8 claims, actors 2/2, at most two other
exported incidents. The checks below are this project's own; when the
shared scorer is present it is run as well.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from incidents.schema import SOURCE_TYPES

from .conftest import ARTICLES, ROOT
from .gold import actors_ok, claim_ok, ingest_and_export, matches

GOLD = json.loads((Path(__file__).parent / "data" / "seed_gold.json").read_text(encoding="utf-8"))
SCORER = ROOT.parent / "shared" / "acceptance" / "score.py"


@pytest.fixture(scope="module", params=["file order", "reverse order"])
def export(tmp_path_factory, request):
    """A fresh database, the seeds ingested (in either order: the result must not depend on it)."""
    out = tmp_path_factory.mktemp("acceptance")
    incidents, claims = ingest_and_export(ARTICLES, out, reverse=request.param == "reverse order")
    return out, incidents, claims


def test_every_gold_incident_once_with_its_claims_and_actors(export):
    _, incidents, claims = export
    taken, found_claims = set(), 0
    for g in GOLD["incidents"]:
        hits = [r for r in incidents if matches(g, r)]
        assert len(hits) == 1, f"{g['key']}: {len(hits)} exported incidents match"
        row = hits[0]
        taken.add(row["incident_id"])
        mine = [c for c in claims if c["incident_id"] == row["incident_id"]]
        found_claims += sum(claim_ok(c, mine) for c in g["claims"])
        if "attacker_any" in g:
            assert actors_ok(g, row), (row["actor1"], row["actor2"])
    assert found_claims >= 8
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
        assert c["source_type"] in SOURCE_TYPES


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
