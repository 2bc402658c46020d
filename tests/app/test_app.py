"""The app's behaviour through streamlit.testing.v1.AppTest, on a temporary SQLite store.

AppTest cannot see inside the st_folium iframe (the browser tier does); it
checks the filters, the table, the downloads and the Ingest page.
"""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from dashboard.data import open_store
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120
PASTED = ("Two rockets struck the Ain al-Asad air base in Anbar on Monday, killing three contractors, "
          "the Iraqi military said. Local sources said five people were wounded.")


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    """A store seeded with the bundled articles, shared by the read-only tests of this module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('app-db') / 'incidents.db'}"
    open_store(url)
    return url


@pytest.fixture
def app_env(monkeypatch, db_url):
    monkeypatch.setenv("INCIDENTS_DB_URL", db_url)
    monkeypatch.delenv("INCIDENT_DASHBOARD_BENCH_ROWS", raising=False)
    monkeypatch.chdir(ROOT)
    return db_url


@pytest.fixture
def served(monkeypatch) -> dict[str, bytes]:
    """What the download buttons serve, by file name (their deferred data, built as on a click)."""
    files: dict[str, bytes] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        data = data_callable()
        files[file_name] = data.encode() if isinstance(data, str) else data
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return files


def run_app(path: str = "app.py") -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_app_opens_over_the_bundled_articles(app_env):
    at = run_app()
    assert not at.error, [e.value for e in at.error]
    store_frame = open_store(app_env).incidents_frame()
    shown = table(at)
    assert len(store_frame) > 0
    assert list(shown.columns) == list(INCIDENT_COLUMNS)
    assert set(shown["incident_id"]) == set(store_frame["incident_id"])


def test_filters_change_the_table(app_env):
    at = run_app()
    everything = table(at)
    column, key = next((c, k) for c, k in (("event_type", "f_types"), ("country", "f_countries"))
                       if everything[c].nunique() > 1)
    value = everything[column].value_counts().index[-1]
    at.sidebar.multiselect(key=key).select(value).run()
    only = table(at)
    assert 0 < len(only) < len(everything)
    assert set(only[column]) == {value}
    assert set(only["incident_id"]) == set(everything.loc[everything[column] == value, "incident_id"])

    at.sidebar.multiselect(key=key).unselect(value).run()
    assert len(table(at)) == len(everything)
    highest = pd.to_numeric(everything["killed_high"]).fillna(pd.to_numeric(everything["killed_low"]))
    threshold = int(highest.max())
    at.sidebar.number_input(key="f_min_killed").set_value(threshold).run()
    heavy = table(at)
    assert set(heavy["incident_id"]) == set(everything.loc[highest >= threshold, "incident_id"])

    at.sidebar.number_input(key="f_min_killed").set_value(0).run()
    place = str(everything["location"].dropna().iloc[0])
    at.sidebar.text_input(key="f_text").input(place.upper()).run()
    found = table(at)
    assert len(found) >= 1 and all(place.lower() in " ".join(map(str, row)).lower()
                                   for row in found.itertuples(index=False))


def test_a_review_edit_reaches_every_session_through_the_shared_caches(monkeypatch, tmp_path):
    """The filter index, the map layer, the table and the timeline are shared by all sessions per data
    version: an edit makes a new version, so the next run of an open session, and a new one, see it."""
    from incidents.users import LOCAL_USER

    url = f"sqlite:///{tmp_path / 'incidents.db'}"
    store = open_store(url)
    monkeypatch.setenv("INCIDENTS_DB_URL", url)
    monkeypatch.delenv("INCIDENT_DASHBOARD_BENCH_ROWS", raising=False)
    monkeypatch.chdir(ROOT)
    at = run_app()
    at.sidebar.text_input(key="f_text").input("quartermaster brigade").run()
    assert table(at).empty  # nobody is called that yet: the filtered result is cached for this version
    chosen = table(run_app())["incident_id"].iloc[0]
    record = store.incident(chosen)
    store.correct(chosen, by=LOCAL_USER, expected_version=record.version,
                  actors=("Quartermaster Brigade", ""), why="test: an editor names the actor")

    at.run()  # the open session's next run
    assert table(at)["incident_id"].tolist() == [chosen]
    assert any(c.value.startswith("1 of ") for c in at.caption)
    other = run_app()
    other.sidebar.text_input(key="f_text").input("QUARTERMASTER").run()
    assert table(other)["incident_id"].tolist() == [chosen]


def test_downloads_give_the_filtered_set_as_schema_csv(app_env, served):
    at = run_app()
    event_type = table(at)["event_type"].value_counts().index[0]
    at.sidebar.multiselect(key="f_types").select(event_type).run()
    shown = table(at)
    incidents = pd.read_csv(io.BytesIO(served["incidents.csv"]), dtype=str, keep_default_na=False)
    claims = pd.read_csv(io.BytesIO(served["claims.csv"]), dtype=str, keep_default_na=False)
    assert list(incidents.columns) == list(INCIDENT_COLUMNS)
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    assert sorted(incidents["incident_id"]) == sorted(shown["incident_id"])
    assert set(claims["incident_id"]) <= set(shown["incident_id"])
    store_claims = open_store(app_env).claims_frame()
    assert len(claims) == int(store_claims["incident_id"].isin(shown["incident_id"]).sum())
    assert b'"FeatureCollection"' in served["incidents.geojson"]


def test_pasting_an_article_adds_its_incident(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'paste.db'}"
    open_store(url)
    monkeypatch.setenv("INCIDENTS_DB_URL", url)
    monkeypatch.delenv("INCIDENT_DASHBOARD_BENCH_ROWS", raising=False)
    before = set(open_store(url).incidents_frame()["incident_id"])

    page = run_app("pages/1_Ingest.py")
    page.text_area(key="paste_text").input(PASTED)
    page.text_input(key="paste_outlet").input("Test Wire")
    page.text_input(key="paste_url").input("https://example.org/rockets")
    page.text_input(key="paste_published").input("2021-03-08")
    page.button[0].click().run()  # the form's Preview button
    assert not page.exception and not page.error, [e.value for e in page.error]
    assert any("Preview" in s.value for s in page.subheader)
    page.button(key="commit_ingest").click().run()
    assert not page.exception and not page.error, [e.value for e in page.error]
    assert page.success

    after = open_store(url).incidents_frame()
    added = after[~after["incident_id"].isin(before)]
    assert len(added) >= 1
    claims = open_store(url).claims_frame()
    assert "Test Wire" in set(claims.loc[claims["incident_id"].isin(added["incident_id"]), "outlet"])
    shown = table(run_app())
    assert set(added["incident_id"]) <= set(shown["incident_id"])


def test_the_ingest_page_states_the_limits(app_env):
    from incidents.limits import describe

    page = run_app("pages/1_Ingest.py")
    assert any(describe() in c.value for c in page.caption), [c.value for c in page.caption]


def test_an_empty_paste_shows_an_error_not_a_traceback(app_env):
    page = run_app("pages/1_Ingest.py")
    page.button[0].click().run()
    assert not page.exception
    assert page.error and "Paste the article" in page.error[0].value


def test_the_ingest_preview_warns_of_an_incident_without_a_place_and_shows_its_figures(app_env):
    page = run_app("pages/1_Ingest.py")
    page.text_area(key="paste_text").input("Gunmen on motorbikes killed four traders on Friday and wounded "
                                           "six others, police said.")
    page.text_input(key="paste_published").input("2023-05-06")
    page.button[0].click().run()
    assert not page.exception and not page.error, [e.value for e in page.error]
    assert any("has no place" in w.value and "Review page" in w.value for w in page.warning)
    preview = page.dataframe[0].value
    figures = ["incident_id", "killed_low", "killed_high", "wounded_low", "wounded_high"]
    assert list(preview.columns[:5]) == figures
    assert int(preview.iloc[0]["killed_low"]) == 4


def test_the_first_start_reports_each_step_with_its_counts(tmp_path):
    from dashboard.data import BUNDLED_ARTICLES, seed_bundled
    from incidents.store import Store

    heard: list[tuple[str, int, int]] = []
    count = seed_bundled(Store(f"sqlite:///{tmp_path / 'first.db'}"),
                         lambda step, done, total: heard.append((step, done, total)))
    assert count == len(list(BUNDLED_ARTICLES.glob("*.txt")))
    assert heard[0] == ("gazetteer", 0, 1) and ("gazetteer", 1, 1) in heard
    gazetteer = heard[1:heard.index(("gazetteer", 1, 1))]  # its build steps, or none from the cache
    assert all(step.startswith("gazetteer") for step, _, _ in gazetteer)
    assert [h for h in heard if h[0] == "articles"] == [("articles", n, count) for n in range(count + 1)]


def test_the_first_start_fills_an_empty_store_and_shows_the_map_page(monkeypatch, tmp_path):
    monkeypatch.setenv("INCIDENTS_DB_URL", f"sqlite:///{tmp_path / 'first.db'}")
    monkeypatch.delenv("INCIDENT_DASHBOARD_BENCH_ROWS", raising=False)
    at = run_app()
    assert not at.error and len(table(at)) > 0
