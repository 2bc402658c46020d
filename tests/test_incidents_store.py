"""The store on SQLite and PostgreSQL: idempotent ingest, transactions, review, frames."""

from __future__ import annotations

import pytest

from incidents.ingest import article_from_text
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS
from incidents.store import LOCAL_USER, Store

TEXT = (
    "US air strikes hit Kataib Hezbollah positions near Al-Qaim on Monday, killing four fighters, "
    "militia leaders said. The state news agency said one child had been killed."
)


def art(text=TEXT, published="2022-05-10", **kw):
    return article_from_text(text, published=published, name="a.txt", **kw)


def test_ingest_and_frames(store):
    assert store.is_empty()
    [res] = store.ingest([art(outlet="Wire", url="http://x/1")])
    assert (res.error, res.incidents, res.claims) == (None, 1, 2)
    assert not store.is_empty()
    inc, claims = store.incidents_frame(), store.claims_frame()
    assert list(inc.columns) == [*INCIDENT_COLUMNS, "geometry"]
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    row = inc.iloc[0]
    assert (row.event_date, row.killed_low, row.review_status) == ("2022-05-09", 1, "auto")
    assert set(claims["outlet"]) == {"Wire"} and set(claims["article_url"]) == {"http://x/1"}
    arts = store.articles_frame()
    assert list(arts.columns) == ["article_id", "title", "outlet", "url", "published", "name"]
    assert store.article(res.article_id).text == TEXT
    assert store.article("nope") is None


def test_reingest_changes_nothing(store):
    store.ingest([art()])
    version, inc = store.data_version(), store.incidents_frame()
    [res] = store.ingest([art()])
    assert not res.new and "already" in res.warnings[0]
    assert store.data_version() == version
    assert store.incidents_frame().drop(columns="updated_at").equals(inc.drop(columns="updated_at"))


def test_failure_leaves_nothing_half_written(store, monkeypatch):
    def boom(*a, **k):
        raise __import__("sqlalchemy").exc.OperationalError("insert", {}, Exception("disk full"))

    monkeypatch.setattr(store, "_save_computed", boom)
    [res] = store.ingest([art()])
    assert res.error and "nothing written" in res.error
    assert store.is_empty() and store.claims_frame().empty and store.incidents_frame().empty


def test_review_is_kept_and_versioned(store):
    store.ingest([art()])
    iid = store.incidents_frame().iloc[0].incident_id
    v0 = store.data_version()
    store.set_review(iid, by=LOCAL_USER, expected_version=1, status="reviewed", fatalities=3)
    assert store.data_version() != v0
    row = store.incidents_frame().iloc[0]
    assert (row.review_status, row.fatalities) == ("reviewed", 3)
    # a later article joining the incident keeps the editor's figure
    store.ingest(
        [
            art(
                "The Syrian Observatory said at least seven fighters were killed when US warplanes struck "
                "Kataib Hezbollah positions near Al-Qaim on Monday."
            )
        ]
    )
    row = store.incidents_frame().iloc[0]
    assert (row.review_status, row.fatalities, row.incident_id) == ("reviewed", 3, iid)
    with pytest.raises(KeyError):
        store.set_review("inc-missing", by=LOCAL_USER, expected_version=1)
    with pytest.raises(ValueError):
        store.set_review(iid, by=LOCAL_USER, expected_version=2, status="bogus")


def test_non_english_article_is_stored_with_a_warning(store):
    [res] = store.ingest([art("Le gouvernement a annoncé vendredi une nouvelle réforme des retraites.")])
    assert res.error is None and res.incidents == 0 and "no incidents found" in res.warnings


def test_default_url_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENTS_DB_URL", f"sqlite:///{tmp_path}/env.db")
    assert Store().url == f"sqlite:///{tmp_path}/env.db"
    monkeypatch.delenv("INCIDENTS_DB_URL")
    assert Store.__init__.__defaults__ == (None,)
    from incidents.store import default_url

    assert default_url().startswith("sqlite:///") and default_url().endswith("data/incidents.db")


def test_bad_url_is_a_clear_error():
    with pytest.raises(ValueError, match="database"):
        Store("nosuchdriver://x")
