"""The dashboard in a real browser: Debian's Chromium through Playwright against `streamlit run`.

One server on a free port and a temporary SQLite store (the bundled articles
plus one hostile article) is shared by the module. Every request the page
makes is recorded: any host but the app's, or any failed request, fails.
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bench.browser_bench import CHROMIUM, map_frame, streamlit_server, wait_incidents_drawn

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE_OUTLET = "<img src=x onerror=alert(2)> Wire"
HOSTILE_TITLE = "<script>alert(3)</script> Strike report"
HOSTILE_TEXT = (
    "<script>alert('xss')</script> US warplanes carried out air strikes on Monday against facilities used "
    "by Kataib Hezbollah near Al-Qaim on the Iraq-Syria border <img src=x onerror=alert(1)>, the Pentagon "
    "said. At least four fighters were killed in the strikes, the Syrian Observatory for Human Rights said."
)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> tuple[str, str]:
    """(database URL, the hostile article's id): bundled articles plus the hostile one."""
    from dashboard.data import open_store
    from incidents.ingest import article_from_text

    url = f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'incidents.db'}"
    store = open_store(url)
    article = article_from_text(HOSTILE_TEXT, outlet=HOSTILE_OUTLET, title=HOSTILE_TITLE,
                                url="https://example.org/hostile", published="2021-06-29")
    result = store.ingest([article])[0]
    assert not result.error and result.incidents >= 1, result
    return url, article.article_id


@pytest.fixture(scope="module")
def server(seeded_db, tmp_path_factory):
    url, _ = seeded_db
    env = {"INCIDENTS_DB_URL": url, "INCIDENT_DASHBOARD_BENCH_ROWS": "0"}
    env.pop("INCIDENT_MAP_TILES", None)
    os.environ.pop("INCIDENT_MAP_TILES", None)
    with streamlit_server(env, tmp_path_factory.mktemp("server") / "streamlit.log") as base:
        yield base


@pytest.fixture
def page(browser):
    """A page that fails the test on a dialog, a foreign host or a failed request."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    problems: list[str] = []
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: problems.append(f"foreign request: {request.url}")
            if urlparse(request.url).scheme in ("http", "https", "ws", "wss")
            and urlparse(request.url).hostname not in LOCAL_HOSTS else None)
    page.on("requestfailed", lambda request: problems.append(
        f"failed request: {request.url} ({request.failure})"))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "last-page.png"))
    context.close()
    assert not problems, problems


def open_map(page, base: str):
    page.goto(base)
    frame = map_frame(page)
    total = int(wait_incidents_drawn(frame))
    return frame, total


def click_incident(page, frame, incident_index: int) -> None:
    """Zoom in past the clustering zoom on the incident, then click its marker with the mouse, once."""
    frame.evaluate("""(i) => {
        const p = window.feature_group.at(-1).incidentPayload;
        window.map.setView([p.lat[i], p.lon[i]], 14, {animate: false});
    }""", incident_index)
    # Leaflet drops a setView while it animates a zoom: fail here, not with a click beside the marker
    frame.wait_for_function("(i) => window.map.getZoom() === 14 && !!window.feature_group.at(-1)"
                            ".incidentMarker(i)", arg=incident_index, timeout=5_000)
    point = frame.evaluate("""(i) => {
        const marker = window.feature_group.at(-1).incidentMarker(i);
        const p = window.map.latLngToContainerPoint(marker.getLatLng());
        return {x: p.x, y: p.y};
    }""", incident_index)
    frame.locator("#map_div").click(position=point)


def open_popup(page, frame, incident_index: int):
    """One click on the incident's marker; returns its popup once the app has selected the row.

    The click makes the app rerun (it selects the incident's row); the popup must
    still be open, and the map where the user had it, after that rerun.
    """
    click_incident(page, frame, incident_index)
    popup = frame.locator(".leaflet-popup-content .incident-popup")
    popup.wait_for(timeout=5_000)
    incident_id = popup.locator(".incident-id").inner_text()
    page.get_by_role("heading", name=f"Incident {incident_id}").wait_for(timeout=30_000)
    page.wait_for_timeout(1_500)  # the rerun's new arguments reach the map after the heading
    assert popup.is_visible(), "the popup closed when the app selected the incident's row"
    assert frame.evaluate("() => window.map.getZoom()") == 14, "the map moved away from the clicked marker"
    return popup


def incident_index(frame, outlet: str | None = None) -> int:
    """The layer index of an incident (with a claim from this outlet, or the one with most claims)."""
    return frame.evaluate("""(outlet) => {
        const p = window.feature_group[window.feature_group.length - 1].incidentPayload;
        let best = -1, most = -1;
        for (let i = 0; i < p.lat.length; i++) {
            for (let k = p.c.start[i]; k < p.c.start[i + 1]; k++) {
                if (outlet !== null && p.s[p.c.out[k]] === outlet) return i;
            }
            const n = p.c.start[i + 1] - p.c.start[i];
            if (n > most) { most = n; best = i; }
        }
        return outlet === null ? best : -1;
    }""", outlet)


def test_map_shows_every_located_incident_offline(page, server, seeded_db):
    from dashboard.data import open_store

    frame, total = open_map(page, server)
    located = open_store(seeded_db[0]).incidents_frame().dropna(subset=["latitude", "longitude"])
    assert total == len(located) > 0
    assert frame.locator(".marker-cluster, path.leaflet-interactive").count() > 0
    assert frame.locator(".incident-legend").inner_text().startswith("Event type")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


def test_clicking_an_incident_opens_its_sources_and_selects_its_row(page, server):
    frame, _ = open_map(page, server)
    index = incident_index(frame)
    popup = open_popup(page, frame, index)
    rows = popup.locator("table.incident-claims tr")
    assert rows.count() >= 2  # header + at least one source
    assert rows.first.inner_text().split("\t")[:3] == ["Source", "Stated date", "Killed"]
    assert "Killed:" in popup.inner_text() and "When:" in popup.inner_text()
    incident_id = popup.locator(".incident-id").inner_text()
    assert incident_id.startswith("inc-")
    page.get_by_role("heading", name=f"Incident {incident_id}").wait_for(timeout=30_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "popup.png"))


def test_hostile_article_shows_as_text_everywhere(page, server, seeded_db):
    frame, _ = open_map(page, server)
    index = incident_index(frame, HOSTILE_OUTLET)
    assert index >= 0, "the hostile article's incident is not on the map"
    popup = open_popup(page, frame, index)
    assert HOSTILE_OUTLET in popup.inner_text()
    assert popup.locator("img").count() == 0
    detail = page.locator(".incident-popup").first  # the detail panel's table under the map
    detail.wait_for(timeout=30_000)
    assert HOSTILE_OUTLET in detail.inner_text() and detail.locator("img").count() == 0

    page.goto(f"{server}/Article_view?article={seeded_db[1]}")
    text = page.locator(".article-text").last
    text.wait_for(timeout=60_000)
    assert "<script>alert('xss')</script>" in text.inner_text()
    assert "<img src=x onerror=alert(1)>" in text.inner_text()
    assert text.locator("img, script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "article-view.png"))


def test_filter_change_keeps_the_map_and_changes_its_features(page, server):
    frame, total = open_map(page, server)
    frame.evaluate("() => { window.map.setZoom(window.map.getZoom() + 1, {animate: false}); }")
    zoom = frame.evaluate("() => window.map.getZoom()")
    search = page.locator("section[data-testid=stSidebar] input[aria-label=Search]")
    search.fill("zzz-no-such-place")
    search.press("Enter")
    assert int(wait_incidents_drawn(frame, previous_total=str(total))) == 0
    assert frame.evaluate("() => window.map.getZoom()") == zoom  # the same map: the user's zoom is kept


def test_selecting_a_row_focuses_the_map_on_it(page, server, seeded_db):
    from dashboard.data import open_store

    frame, _ = open_map(page, server)
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection cell
    heading = page.get_by_role("heading", name="Incident inc-")
    heading.wait_for(timeout=30_000)
    incident_id = heading.inner_text().split()[-1]
    row = open_store(seeded_db[0]).incidents_frame().set_index("incident_id").loc[incident_id]
    frame.wait_for_function("""([lat, lon]) => {
        const c = window.map.getCenter();
        return Math.abs(c.lat - lat) < 0.01 && Math.abs(c.lng - lon) < 0.01 && window.map.getZoom() >= 10;
    }""", arg=[float(row["latitude"]), float(row["longitude"])], timeout=30_000)


def test_bad_uploads_show_errors_and_good_files_still_preview(page, server):
    page.goto(f"{server}/Ingest")
    page.get_by_role("tab", name="Upload files").click()
    good = (b"outlet: Upload Wire\npublished: 2021-06-29\n\nUS warplanes struck a depot near Al-Qaim on "
            b"Monday, killing four fighters, the Syrian Observatory for Human Rights said.")
    page.locator('input[type="file"]').set_input_files([
        {"name": "good.txt", "mimeType": "text/plain", "buffer": good},
        {"name": "empty.txt", "mimeType": "text/plain", "buffer": b" \n"},
        {"name": "binary.txt", "mimeType": "text/plain", "buffer": b"\x00\x01\x02\xff" * 64},
    ])
    page.get_by_role("button", name="Preview uploaded files").click()
    page.get_by_role("heading", name="Preview: 1 article(s)").wait_for(timeout=60_000)
    errors = page.locator('[data-testid="stAlertContentError"]')
    texts = [errors.nth(i).inner_text() for i in range(errors.count())]
    assert any(t.startswith("empty.txt") for t in texts), texts
    assert any(t.startswith("binary.txt") for t in texts), texts
    assert "Traceback" not in page.content()
