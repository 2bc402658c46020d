"""The review desk's store calls on SQLite and PostgreSQL: editor fields, versions, merge, split, audit."""

from __future__ import annotations

import threading
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from incidents.duplicates import likely_duplicates
from incidents.store import StaleEdit, date_values
from tests.conftest import BOMBING, STRIKE, STRIKE_AGAIN

TOLL_OF_TWELVE = (
    "Twelve people were killed when US warplanes struck Kataib Hezbollah positions near Al-Qaim "
    "on Monday, the Syrian Observatory said."
)


@pytest.fixture
def two(store, people, article_of):
    """The store with two incidents: the strike (two reports) and the bombing."""
    store.ingest([article_of(STRIKE), article_of(BOMBING, name="b.txt")], by=people.editor)
    frame = store.incidents_frame()
    strike = frame[frame["location"].str.contains("Qaim", na=False)].iloc[0]["incident_id"]
    bombing = next(i for i in frame["incident_id"] if i != strike)
    store.ingest([article_of(STRIKE_AGAIN, name="c.txt")], by=people.editor)
    assert len(store.live_incident_ids()) == 2 and len(store.incident(strike).reports) == 2
    return strike, bombing


def shown(store, incident_id):
    return store.incidents_frame().set_index("incident_id").loc[incident_id]


def test_a_status_save_does_not_pin_fatalities_and_the_figure_can_be_cleared(store, people, two, article_of):
    strike, _ = two
    record = store.set_review(strike, by=people.editor, expected_version=1, status="reviewed")
    assert record.edits == {} and record.version == 2
    store.ingest([article_of(TOLL_OF_TWELVE, name="d.txt")], by=people.editor)
    assert shown(store, strike)["fatalities"] == shown(store, strike)["killed_low"]  # follows the sources
    store.set_review(
        strike, by=people.editor, expected_version=2, fatalities=2, note="named in the funeral list"
    )
    store.ingest([article_of(TOLL_OF_TWELVE + " It was a heavy blow.", name="e.txt")], by=people.editor)
    row = shown(store, strike)
    assert (row["fatalities"], row["review_status"]) == (2, "reviewed")  # the editor's figure stays
    record = store.set_review(strike, by=people.editor, expected_version=3, fatalities=None)
    assert "fatalities" not in record.edits and record.edit_note == "named in the funeral list"
    assert shown(store, strike)["fatalities"] == shown(store, strike)["killed_low"]


def test_corrections_show_in_the_table_survive_ingest_and_can_be_undone(store, people, two, article_of):
    import geo

    strike, _ = two
    computed = shown(store, strike)
    store.correct(
        strike,
        by=people.editor,
        expected_version=1,
        place=geo.resolve("Mosul"),
        when=date_values(date(2022, 5, 8), date(2022, 5, 9), 2),
        event_type=("Battles", "Armed clash"),
        actors=("Kataib Hezbollah", "Civilians"),
    )
    store.ingest([article_of(TOLL_OF_TWELVE, name="d.txt")], by=people.editor)
    row = shown(store, strike)
    assert (row["location"], row["country"], row["date_start"], row["time_precision"]) == (
        "Mosul",
        "Iraq",
        "2022-05-08",
        2,
    )
    assert (row["sub_event_type"], row["actor1"], row["actor2"]) == (
        "Armed clash",
        "Kataib Hezbollah",
        "Civilians",
    )
    assert row["article_ids"].count(";") == computed["article_ids"].count(";") + 1  # the report still joins
    store.correct(
        strike, by=people.editor, expected_version=2, place=None, when=None, event_type=None, actors=None
    )
    row = shown(store, strike)
    assert (row["location"], row["date_start"], row["sub_event_type"]) == (
        computed["location"],
        computed["date_start"],
        computed["sub_event_type"],
    )
    with pytest.raises(ValueError, match="latitude"):
        store.correct(strike, by=people.editor, expected_version=3, place={"lat": 120, "lon": 0})
    with pytest.raises(ValueError, match="start day"):
        date_values(date(2022, 5, 9), date(2022, 5, 1))


def test_a_stale_save_is_refused_with_what_changed(store, people, two):
    strike, _ = two
    store.set_review(
        strike, by=people.admin, expected_version=1, status="disputed", fatalities=6, why="two lists"
    )
    with pytest.raises(StaleEdit) as refused:
        store.set_review(strike, by=people.editor, expected_version=1, status="reviewed")
    message = str(refused.value)
    assert "version 1, now 2" in message and "Boss" in message and "auto -> disputed" in message
    assert "(none) -> 6" in message
    record = store.incident(strike)
    assert (record.review_status, record.edits) == ("disputed", {"fatalities": 6})


def test_two_editors_saving_one_incident_at_once_one_is_refused_nothing_lost(store, people, two):
    strike, _ = two
    barrier, outcomes = threading.Barrier(2), {}

    def save(who, status):
        barrier.wait()
        try:
            store.set_review(strike, by=who, expected_version=1, status=status, note=f"by {who.name}")
            outcomes[who.name] = "saved"
        except StaleEdit as error:
            outcomes[who.name] = str(error)

    threads = [
        threading.Thread(target=save, args=a)
        for a in ((people.editor, "reviewed"), (people.admin, "rejected"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(v == "saved" for v in outcomes.values()) == [False, True], outcomes
    winner = next(k for k, v in outcomes.items() if v == "saved")
    record = store.incident(strike)
    assert record.version == 2 and record.edit_note == f"by {winner}"
    loser_message = next(v for v in outcomes.values() if v != "saved")
    assert "changed since you opened it" in loser_message and winner in loser_message


def test_merge_keeps_every_claim_article_and_edit_and_the_old_id_points_to_the_survivor(store, people, two):
    strike, bombing = two
    claims_before = set(store.claims_frame()["claim_id"])
    store.set_review(bombing, by=people.editor, expected_version=1, status="disputed", fatalities=3, note="n")
    store.set_review(strike, by=people.editor, expected_version=1, status="reviewed")
    with pytest.raises(StaleEdit):
        store.merge(strike, bombing, by=people.editor, expected_versions=(2, 1))
    record = store.merge(strike, bombing, by=people.editor, expected_versions=(2, 2), why="one raid")
    assert store.live_incident_ids() == [strike] and store.resolve(bombing) == strike
    assert store.incident(bombing).incident_id == strike
    assert set(store.claims_frame()["claim_id"]) == claims_before
    assert set(store.claims_frame()["incident_id"]) == {strike}
    assert len(record.reports) == 3 and len(shown(store, strike)["article_ids"].split("; ")) == 3
    assert (record.review_status, record.edits, record.edit_note) == ("reviewed", {"fatalities": 3}, "n")
    trail = store.audit_frame(strike)
    assert {"merge", "review", "ingest"} <= set(trail["action"]) and bombing in set(trail["incident_id"])
    with pytest.raises(StaleEdit):  # the merged-away incident takes no more edits
        store.set_review(bombing, by=people.editor, expected_version=3, status="auto")


def test_split_moves_chosen_reports_to_a_new_incident_and_loses_nothing(store, people, two):
    strike, _ = two
    claims_before = (
        store.claims_frame().drop(columns="incident_id").sort_values("claim_id").reset_index(drop=True)
    )
    record = store.set_review(strike, by=people.editor, expected_version=1, status="reviewed", fatalities=4)
    moving = [record.reports[-1].report_id]
    with pytest.raises(ValueError, match="at least one"):
        store.split(strike, [r.report_id for r in record.reports], by=people.editor, expected_version=2)
    new_id = store.split(strike, moving, by=people.editor, expected_version=2, why="another day")
    assert new_id not in (strike,) and new_id.startswith("inc-")
    assert [r.report_id for r in store.incident(new_id).reports] == moving
    after = store.claims_frame()
    assert (
        after.drop(columns="incident_id").sort_values("claim_id").reset_index(drop=True).equals(claims_before)
    )
    assert set(after["incident_id"]) >= {strike, new_id}
    kept = store.incident(strike)
    assert (kept.version, kept.edits, store.incident(new_id).review_status) == (3, {"fatalities": 4}, "auto")
    assert list(store.audit_frame(new_id)["action"]) == ["split"]


def test_the_audit_trail_is_append_only(store, people, two):
    strike, _ = two
    store.set_review(strike, by=people.editor, expected_version=1, status="reviewed", why="checked")
    trail = store.audit_frame()
    assert {"sign_up", "set_role", "ingest", "review"} <= set(trail["action"])
    row = trail[trail["action"] == "review"].iloc[0]
    assert (row["user_id"], row["why"], row["incident_id"]) == ("sub-editor", "checked", strike)
    assert '"review_status": "auto"' in row["before"] and '"review_status": "reviewed"' in row["after"]
    audit = store.t["audit"]
    for statement in (sa.update(audit).values(why="x"), sa.delete(audit)):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), store.engine.begin() as conn:
            conn.execute(statement)
    assert len(store.audit_frame()) == len(trail)
    assert store.audit_csv().splitlines()[0] == ",".join(trail.columns)


def test_likely_duplicates_need_type_date_and_place_to_agree():
    base = {
        "event_type": "Battles",
        "date_start": "2024-03-01",
        "date_end": "2024-03-01",
        "time_precision": 1,
        "latitude": 33.3,
        "longitude": 44.4,
        "geo_uncertainty_km": 15.0,
        "review_status": "auto",
        "location": "Baghdad",
        "event_date": "2024-03-01",
    }
    rows = [
        {**base, "incident_id": "a"},
        {**base, "incident_id": "b", "date_start": "2024-03-02", "date_end": "2024-03-02", "latitude": 33.4},
        {**base, "incident_id": "c", "event_type": "Riots"},  # another type
        {**base, "incident_id": "d", "date_start": "2024-03-09", "date_end": "2024-03-09"},  # a week later
        {**base, "incident_id": "e", "latitude": 36.3, "longitude": 43.1},  # Mosul, 340 km off
        {
            **base,
            "incident_id": "f",
            "date_start": "2024-03-01",
            "date_end": "2024-03-31",
            "time_precision": 3,
        },
    ]
    pairs = likely_duplicates(pd.DataFrame(rows))
    assert {frozenset(p) for p in zip(pairs["incident_a"], pairs["incident_b"], strict=True)} == {
        frozenset("ab"),
        frozenset("af"),
        frozenset("bf"),
        frozenset("df"),
    }
