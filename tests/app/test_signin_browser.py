"""Sign-in in a real browser through a real OpenID Connect provider.

npm's oidc-provider (tests/oidc/server.js, installed by scripts/test.sh) runs
on 127.0.0.1 with one client and five users; `streamlit run app.py` runs with
a secrets.toml naming it; Debian's Chromium signs in through the provider's
own login form. The store is a temporary SQLite file seeded with the bundled
articles (ingest there runs in-process).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from bench.browser_bench import CHROMIUM, free_port, map_frame, running, streamlit_process

ROOT = Path(__file__).resolve().parents[2]
OIDC_DIR = ROOT / "tests" / "oidc"
ARTIFACTS = ROOT / "test-artifacts"
ADMIN_EMAIL = "chief@example.org"
SHORT_TTL_S = 6
USERS = {
    "vera": {"email": "vera@example.org", "name": "Vera Viewer"},
    "eddie": {"email": "eddie@example.org", "name": "Eddie Editor"},
    "promo": {"email": "promo@example.org", "name": "Pat Promoted"},
    "chief": {"email": ADMIN_EMAIL, "name": "Desk Chief"},
    "brief": {"email": "brief@example.org", "name": "Bri Brief", "id_token_ttl": SHORT_TTL_S},
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
    pytest.mark.skipif(shutil.which("node") is None,
                       reason="node is missing (the test OpenID provider runs on it)"),
    pytest.mark.skipif(not (OIDC_DIR / "node_modules" / "oidc-provider").exists(),
                       reason="tests/oidc/node_modules is missing: scripts/test.sh runs `npm ci` there"),
]


def wait_for_line(log: Path, prefix: str, process: subprocess.Popen, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_text().splitlines():
            if line.startswith(prefix):
                return line
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited: {log.read_text()[-2000:]}")
        time.sleep(0.1)
    raise TimeoutError(f"no {prefix!r} line from {process.args}: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module", autouse=True)
def first_admin():
    """The tests' own store calls see the same first admin as the server."""
    old = os.environ.get("INCIDENTS_ADMIN_EMAILS")
    os.environ["INCIDENTS_ADMIN_EMAILS"] = ADMIN_EMAIL
    yield
    if old is None:
        os.environ.pop("INCIDENTS_ADMIN_EMAILS", None)
    else:
        os.environ["INCIDENTS_ADMIN_EMAILS"] = old


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    from dashboard.data import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('signin-db') / 'incidents.db'}"
    open_store(url)  # the bundled articles, as a fresh install has them
    return url


@pytest.fixture(scope="module")
def app(tmp_path_factory, db_url):
    """(base URL of the app, issuer): the provider and the app, both on 127.0.0.1."""
    work = tmp_path_factory.mktemp("signin")
    app_port, oidc_port = free_port(), free_port()
    base = f"http://127.0.0.1:{app_port}"
    callback = f"{base}/oauth2callback"
    config = work / "oidc.json"
    config.write_text(json.dumps({
        "clients": [{"client_id": "incident-map", "client_secret": "test-client-secret",
                     "redirect_uris": [callback], "post_logout_redirect_uris": [callback]}],
        "users": USERS,
    }))
    secrets = work / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{callback}"\n'
        'cookie_secret = "test-cookie-secret-0123456789abcdef"\n'
        'client_id = "incident-map"\n'
        'client_secret = "test-client-secret"\n'
        f'server_metadata_url = "http://127.0.0.1:{oidc_port}/.well-known/openid-configuration"\n'
        'client_kwargs = { prompt = "login" }\n'
    )
    oidc_log = work / "oidc.log"
    with running(["node", "server.js", str(oidc_port), str(config)], oidc_log, cwd=OIDC_DIR) as oidc:
        issuer = wait_for_line(oidc_log, "ready ", oidc).split()[1]
        env = {"INCIDENTS_DB_URL": db_url, "INCIDENTS_ADMIN_EMAILS": ADMIN_EMAIL,
               "INCIDENT_DASHBOARD_BENCH_ROWS": "0", "STREAMLIT_SERVER_TRUSTED_USER_HEADERS": "{}"}
        with streamlit_process(env, work / "streamlit.log", port=app_port,
                               args=("--secrets.files", str(secrets))):
            yield base, issuer


@pytest.fixture
def page(browser, request):
    """A fresh browser (no cookies) that never leaves 127.0.0.1 (the provider's pages link web fonts)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                  else route.abort())
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"signin-{request.node.name}.png"))
    context.close()


def sign_in(page, base: str, login: str) -> None:
    """Through the app's button and the provider's own login form, back to the app signed in."""
    page.goto(base)
    page.get_by_role("button", name="Sign in").click()
    page.locator("input[name=login]").fill(login)
    page.locator("input[name=password]").fill("any password")
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/**")
    page.get_by_text(f"Signed in as {USERS[login]['name']}").wait_for()


def signed_in_as(page) -> str:
    """The sidebar's account line: 'Signed in as NAME <EMAIL> · ROLE'."""
    return page.get_by_text("Signed in as").first.inner_text()


def open_page(page, base: str, path: str) -> None:
    page.goto(f"{base}/{path}")
    page.get_by_role("heading", level=1).first.wait_for()


def store_for(db_url: str):
    from incidents.store import Store

    return Store(db_url)


def test_anonymous_browser_sees_only_the_sign_in(page, app):
    base, _ = app
    for path in ("", "Ingest", "Review", "Article_view"):
        page.goto(f"{base}/{path}")
        page.get_by_role("button", name="Sign in").wait_for()
        page.wait_for_timeout(500)  # anything the page would draw after the button
        assert page.locator('iframe[title="streamlit_folium.st_folium"]').count() == 0
        assert page.locator('[data-testid="stDataFrame"], [data-testid="stDownloadButton"]').count() == 0
        assert page.locator('[data-testid="stSidebarNav"]').is_hidden()
        text = page.locator("body").inner_text()
        assert "inc-" not in text and "incidents match" not in text, text[:500]


def test_viewer_sees_the_map_and_cannot_ingest_or_review(page, app, db_url):
    from incidents.ingest import article_from_text
    from incidents.users import PermissionDenied

    base, _ = app
    sign_in(page, base, "vera")
    map_frame(page)
    assert signed_in_as(page) == "Signed in as Vera Viewer <vera@example.org> · viewer"
    nav = page.locator('[data-testid="stSidebarNav"]')
    assert nav.get_by_text("Article view").is_visible()
    assert nav.get_by_text("Ingest").is_hidden() and nav.get_by_text("Review").is_hidden()
    open_page(page, base, "Ingest")
    page.get_by_text("Adding articles needs the editor role").wait_for()
    assert page.get_by_role("tab", name="Upload files").count() == 0
    open_page(page, base, "Review")
    page.get_by_text("Reviewing incidents needs the editor role").wait_for()
    assert page.get_by_role("button", name="Save", exact=True).count() == 0

    store = store_for(db_url)  # the store refuses too: hiding a page is not the check
    viewer = store.user("vera")
    assert viewer.role == "viewer"
    article = article_from_text("Gunmen killed three people in Kano on Monday, police said.",
                                outlet="Test Wire", published="2024-03-05")
    with pytest.raises(PermissionDenied):
        store.ingest_one(article, by=viewer)
    incident_id = store.incidents_frame()["incident_id"].iloc[0]
    with pytest.raises(PermissionDenied):
        store.set_review(incident_id, by=viewer, expected_version=store.incident(incident_id).version,
                         status="reviewed")


def test_editor_can_ingest_and_review(page, app, db_url):
    base, _ = app
    admin = store_for(db_url).sign_in("chief", ADMIN_EMAIL, "Desk Chief")
    store = store_for(db_url)
    store.sign_in("eddie", USERS["eddie"]["email"], USERS["eddie"]["name"])
    store.set_role("eddie", "editor", by=admin)
    sign_in(page, base, "eddie")
    assert signed_in_as(page).endswith("· editor")
    open_page(page, base, "Ingest")
    page.get_by_role("tab", name="Upload files").click()
    text = (b"outlet: Editor Wire\npublished: 2024-03-05\n\nGunmen killed three villagers in an attack on "
            b"Monday near Maiduguri, police said.")
    page.locator('input[type="file"]').set_input_files(
        [{"name": "editor.txt", "mimeType": "text/plain", "buffer": text}])
    page.get_by_role("button", name="Add 1 file to the database").click()
    page.get_by_text("editor.txt: ").first.wait_for()
    assert "Traceback" not in page.content()
    open_page(page, base, "Review")
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator('[data-testid="stAlertContentSuccess"]').first.wait_for()
    assert "Traceback" not in page.content()


def test_a_role_change_takes_effect(page, app, db_url):
    base, _ = app
    sign_in(page, base, "promo")
    open_page(page, base, "Ingest")
    page.get_by_text("Adding articles needs the editor role").wait_for()
    store = store_for(db_url)
    admin = store.sign_in("chief", ADMIN_EMAIL, "Desk Chief")
    assert admin.role == "admin"  # INCIDENTS_ADMIN_EMAILS made the first admin
    store.set_role("promo", "editor", by=admin)
    open_page(page, base, "Ingest")
    page.get_by_role("tab", name="Upload files").wait_for()
    store.set_role("promo", "viewer", by=admin)
    open_page(page, base, "Ingest")
    page.get_by_text("Adding articles needs the editor role").wait_for()


def test_an_expired_id_token_signs_the_user_out(page, app):
    base, _ = app
    sign_in(page, base, "brief")
    issued_by = time.time()  # the ID token was issued before the app showed the user signed in
    map_frame(page)
    time.sleep(max(0.0, issued_by + SHORT_TTL_S + 1 - time.time()))
    page.goto(base)  # the next page load (or click) after the ID token expired
    page.get_by_role("button", name="Sign in").wait_for()
    assert page.locator('iframe[title="streamlit_folium.st_folium"]').count() == 0
    assert page.get_by_text("Signed in as").count() == 0
    page.goto(base)  # the cookie is gone too: a new visit is anonymous
    page.get_by_role("button", name="Sign in").wait_for()
