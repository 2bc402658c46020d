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

from bench.browser_bench import CHROMIUM, MAP_FRAME, map_frame, streamlit_server, wait_incidents_drawn
from dashboard.map_panel import MAP_HEIGHT
from dashboard.selection import focus_view

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
# Written for these tests (not from any article): two events months apart at one airport, one event
# reported by two outlets (one known only by its URL), and one event whose text names no place.
EXTRA_ARTICLES = (
    ("Two rockets struck Erbil International Airport on Monday night, wounding one contractor, the "
     "Kurdistan Region's counter-terrorism service said.", "Airport Wire", "https://airport-wire.example/1",
     "2022-03-08"),
    ("An armed drone crashed into Erbil International Airport on Saturday, causing a fire but no "
     "casualties, the Kurdistan Region's counter-terrorism service said.", "Airport Wire",
     "https://airport-wire.example/2", "2022-09-18"),
    ("Rockets struck the Ain al-Asad air base in Anbar province on Wednesday, killing one contractor, the "
     "Iraqi military said.", "Wire One", "https://wire-one.example/a", "2022-04-07"),
    ("A rocket attack on Wednesday on the Ain al-Asad air base in western Anbar killed one contractor, the "
     "Iraqi military said in a statement.", None, "https://www.local-paper.example/news/b", "2022-04-07"),
    ("Gunmen on motorbikes killed three farmers on Tuesday and wounded two others, police said.",
     "Rural Wire", "https://rural-wire.example/c", "2022-03-09"),
)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> tuple[str, str]:
    """(database URL, the hostile article's id): bundled articles, the hostile one and EXTRA_ARTICLES."""
    from dashboard.data import open_store
    from incidents.ingest import article_from_text

    url = f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'incidents.db'}"
    store = open_store(url)
    article = article_from_text(HOSTILE_TEXT, outlet=HOSTILE_OUTLET, title=HOSTILE_TITLE,
                                url="https://example.org/hostile", published="2021-06-29")
    result = store.ingest([article])[0]
    assert not result.error and result.incidents >= 1, result
    for n, (text, outlet, link, published) in enumerate(EXTRA_ARTICLES):
        extra = article_from_text(text, outlet=outlet, url=link, published=published, name=f"extra-{n}")
        assert not store.ingest([extra])[0].error
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


def the_popup(frame):
    """The open popup's content, once the one it replaced has faded out (Leaflet fades popups)."""
    frame.wait_for_function("() => document.querySelectorAll('.leaflet-popup').length === 1", timeout=5_000)
    return frame.locator(".leaflet-popup-content").first


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
                if (outlet !== null && p.c.a[k] >= 0 && p.s[p.A.o[p.c.a[k]]] === outlet) return i;
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
    header = ["Source", "Killed", "Wounded", "Victims", "Date", "Articles"]
    assert rows.first.inner_text().split("\t") == header
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
    grid = page.locator('[class*="st-key-incident_table"] [data-testid="stDataFrame"]').first
    grid.wait_for()
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + 35 + 17)  # the first row's selection cell
    heading = page.get_by_role("heading", name="Incident inc-")
    heading.wait_for(timeout=30_000)
    incident_id = heading.inner_text().split()[-1]
    row = open_store(seeded_db[0]).incidents_frame().set_index("incident_id").loc[incident_id]
    lat, lon, zoom = focus_view({**row.to_dict(), "incident_id": incident_id}, pixels=MAP_HEIGHT - 80)
    frame.wait_for_function("""([lat, lon, zoom]) => {
        const c = window.map.getCenter();
        return Math.abs(c.lat - lat) < 0.01 && Math.abs(c.lng - lon) < 0.01 && window.map.getZoom() === zoom;
    }""", arg=[lat, lon, zoom], timeout=30_000)


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


def wait_basemap(frame, zoom: int | None = None) -> int:
    """Wait until the basemap has drawn (at this zoom, its tiles fetched); returns the labels shown."""
    frame.wait_for_function("""(zoom) => {
        const box = document.querySelector('#map_div');
        return box.dataset.basemapReady === '1'
            && (zoom === null || box.dataset.basemapZoom === String(zoom));
    }""", arg=zoom, timeout=30_000)
    return int(frame.evaluate("() => document.querySelector('#map_div').dataset.basemapLabels"))


def label_texts(frame) -> list[str]:
    return frame.evaluate("() => [...document.querySelectorAll('.bm-label span')].map(e => e.textContent)")


def test_place_names_are_drawn_at_the_start_view_and_at_a_city_zoom(page, server):
    frame, _ = open_map(page, server)
    assert wait_basemap(frame) > 0
    names = label_texts(frame)
    assert "Iraq" in names and "Baghdad" in names, names  # the bundled articles are about Iraq and Syria
    page.screenshot(path=str(ARTIFACTS / "start-view.png"))
    frame.evaluate("() => window.map.setView([36.19, 44.01], 12, {animate: false})")  # Erbil
    assert wait_basemap(frame, 12) > 0
    city = label_texts(frame)
    assert city and set(city) != set(names), city
    assert frame.locator(".bm-label span:text-is('Erbil')").count() >= 1
    page.locator(MAP_FRAME).screenshot(path=str(ARTIFACTS / "city-view.png"))


def test_the_first_view_contains_every_drawn_incident(page, server):
    frame, total = open_map(page, server)
    outside = frame.evaluate("""() => {
        const p = window.feature_group.at(-1).incidentPayload, b = window.map.getBounds();
        return p.id.filter((id, i) => !b.contains([p.lat[i], p.lon[i]]));
    }""")
    assert total > 0 and outside == []


def coincident(frame) -> list[int]:
    """Layer indices of incidents sharing one point (the largest such group)."""
    return frame.evaluate("""() => {
        const p = window.feature_group.at(-1).incidentPayload, at = {};
        p.lat.forEach((lat, i) => {
            const k = lat.toFixed(5) + ',' + p.lon[i].toFixed(5);
            (at[k] = at[k] || []).push(i);
        });
        return Object.values(at).sort((a, b) => b.length - a.length)[0];
    }""")


def test_two_incidents_at_one_point_can_each_be_opened(page, server):
    frame, _ = open_map(page, server)
    group = coincident(frame)
    assert len(group) >= 2, "the test data has two incidents at Erbil airport"
    opened = []
    for n in range(len(group)):
        lat, lon = frame.evaluate("(i) => { const p = window.feature_group.at(-1).incidentPayload; "
                                  "return [p.lat[i], p.lon[i]]; }", group[0])
        frame.evaluate("([lat, lon]) => window.map.setView([lat, lon], 14, {animate: false})", [lat, lon])
        stack = frame.locator(".incident-stack")
        stack.first.wait_for(timeout=10_000)
        assert stack.first.inner_text().strip() == str(len(group))
        stack.first.click()
        items = the_popup(frame).locator(".incident-stack-item")
        items.first.wait_for(timeout=5_000)
        assert items.count() == len(group)
        items.nth(n).click()
        popup = the_popup(frame).locator(".incident-popup")
        popup.wait_for(timeout=5_000)
        opened.append(popup.locator(".incident-id").inner_text())
        page.get_by_role("heading", name=f"Incident {opened[-1]}").wait_for(timeout=30_000)
    ids = frame.evaluate("(g) => g.map(i => window.feature_group.at(-1).incidentPayload.id[i])", group)
    assert sorted(opened) == sorted(ids)


def test_an_incident_without_a_place_is_announced_and_listed(page, server, seeded_db):
    from dashboard.data import open_store

    incidents = open_store(seeded_db[0]).incidents_frame()
    missing = incidents[incidents["latitude"].isna()]
    assert len(missing) >= 1, "the test data has an article that names no place"
    open_map(page, server)
    noun = "incident has" if len(missing) == 1 else "incidents have"
    notice = page.get_by_text(f"{len(missing)} {noun} no place")
    notice.wait_for(timeout=30_000)
    page.get_by_text(f"List the {len(missing)} without a place").click()
    listed = page.locator('[data-testid="stExpander"] [data-testid="stDataFrame"]')
    listed.wait_for(timeout=10_000)
    assert page.get_by_role("link", name="Open the Review page (place correction)").count() == 1


def test_a_popup_lists_a_source_once_with_its_article_count(page, server, seeded_db):
    """Two articles give the same source's figures for one event: one row, '2 articles'."""
    from dashboard.data import open_store
    from dashboard.popups import figure_range

    claims = open_store(seeded_db[0]).claims_frame()
    mine = claims[claims["article_url"].isin([EXTRA_ARTICLES[2][2], EXTRA_ARTICLES[3][2]])]
    assert mine["incident_id"].nunique() == 1 and mine["source"].nunique() == 1, mine
    claim = mine.iloc[0]
    frame, _ = open_map(page, server)
    index = frame.evaluate("(id) => window.feature_group.at(-1).incidentPayload.id.indexOf(id)",
                           claim["incident_id"])
    popup = open_popup(page, frame, index)
    rows = [r.split("\t") for r in popup.locator("table.incident-claims tr").all_inner_texts()[1:]]
    killed = figure_range(claim["killed_low"], claim["killed_high"])
    same = [r for r in rows if r[0] == claim["source"] and r[1] == killed]
    assert len(same) == 1, rows
    assert same[0][5].startswith("2 articles"), same
    assert "Wire One" in same[0][5] and "local-paper.example" in same[0][5]  # the domain where no outlet
    page.screenshot(path=str(ARTIFACTS / "popup-sources.png"))


def test_brushing_the_timeline_filters_the_table(page, server, seeded_db):
    from dashboard.data import open_store
    from dashboard.filters import date_bounds

    open_map(page, server)
    caption = page.get_by_text("incidents match the filters")
    before = int(caption.inner_text().split(" of ")[0].replace(",", ""))
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + 30
    page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.75, y, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.98, y, steps=8)
    page.mouse.up()
    page.wait_for_function("""(before) => {
        const text = [...document.querySelectorAll('p')].map(p => p.innerText)
            .find(t => t.includes('incidents match'));
        return text && Number(text.split(' of ')[0].replace(/,/g, '')) < before;
    }""", arg=before, timeout=30_000)
    inputs = page.locator("section[data-testid=stSidebar] [data-testid=stDateInput] input[type=date]")
    first, last = (inputs.nth(i).input_value() for i in range(2))
    bounds = date_bounds(open_store(seeded_db[0]).incidents_frame())
    assert first > bounds[0].isoformat() and last <= bounds[1].isoformat(), (first, last, bounds)
