"""The review desk page through AppTest, on a temporary SQLite store seeded with the bundled articles."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import review
from dashboard.data import open_store
from incidents.users import LOCAL_USER

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def review_db(monkeypatch, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    open_store(url)
    monkeypatch.setenv("INCIDENTS_DB_URL", url)
    monkeypatch.delenv("INCIDENT_DASHBOARD_BENCH_ROWS", raising=False)
    monkeypatch.chdir(ROOT)
    return url


def run_page() -> AppTest:
    page = AppTest.from_file(str(ROOT / "pages/3_Review.py"), default_timeout=120).run()
    assert not page.exception, [e.value for e in page.exception]
    return page


def form(page: AppTest, store, incident_id: str, version: int | None = None):
    """The status form's widgets of the incident as opened: (status, fatalities, note, save button)."""
    record = store.incident(incident_id)
    record = record if version is None else replace(record, version=version)
    key = lambda name: review.widget_key(record, name)  # noqa: E731
    save = next(b for b in page.button if b.label == "Save")
    return (
        page.selectbox(key=key("status")),
        page.number_input(key=key("fatalities")),
        page.text_input(key=key("note")),
        save,
    )


def test_a_save_shows_on_the_table_and_another_incident_shows_its_own_values(review_db):
    store = open_store(review_db)
    page = run_page()
    first = page.selectbox(key="review_pick").value
    status, fatalities, note, save = form(page, store, first)
    status.select("reviewed")
    fatalities.set_value(4)
    note.input("hospital list")
    save.click().run()
    assert page.success and not page.error, [e.value for e in page.error]
    row = store.incidents_frame().set_index("incident_id").loc[first]
    assert (row["review_status"], int(row["fatalities"])) == ("reviewed", 4)
    # the bug of the issue: pick another incident, the form must show that one's stored values
    second = next(i for i in store.live_incident_ids() if i != first)
    page.selectbox(key="review_pick").select(second).run()
    status, fatalities, note, save = form(page, store, second)
    assert (status.value, fatalities.value, note.value) == ("auto", None, "")
    status.select("disputed")
    save.click().run()  # a status-only save: the fatalities figure is not pinned
    record = store.incident(second)
    assert record.review_status == "disputed" and "fatalities" not in record.edits
    assert store.incident(first).edits == {"fatalities": 4}


def test_a_stale_form_is_refused_with_what_changed(review_db):
    store = open_store(review_db)
    page = run_page()
    chosen = page.selectbox(key="review_pick").value
    status, _fatalities, _note, save = form(page, store, chosen)
    # another editor saves first
    store.set_review(chosen, by=LOCAL_USER, expected_version=1, status="rejected", why="not an attack")
    status, _fatalities, _note, save = form(page.run(), store, chosen, version=1)  # e.g. a tab switch
    status.select("reviewed")
    save.click().run()
    assert page.error and "changed since you opened it" in page.error[0].value
    assert "rejected" in page.error[0].value
    assert store.incident(chosen).review_status == "rejected"
    status, *_ = form(page, store, chosen)  # the form now shows what is stored
    assert status.value == "rejected"


def test_the_trail_and_audit_csv_are_shown(review_db):
    store = open_store(review_db)
    chosen = store.live_incident_ids()[0]
    store.set_review(chosen, by=LOCAL_USER, expected_version=1, status="reviewed", fatalities=2, why="=cmd()")
    page = run_page()
    trail = page.dataframe[-1].value
    assert list(trail["action"][:2]) == ["review", "ingest"] and trail["why"].iloc[0] == "=cmd()"
    assert "'=cmd()" in store.audit_csv(chosen)
    assert [b.label for b in page.get("download_button")][:1] == ["audit.csv of this incident"]
