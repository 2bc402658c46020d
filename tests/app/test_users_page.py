"""The users page: an admin changes a role (through the store, audited); others are turned away."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard import admin
from incidents.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_an_admin_changes_a_role_and_a_viewer_cannot(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'users.db'}"
    monkeypatch.setenv("INCIDENTS_DB_URL", url)
    monkeypatch.setenv("INCIDENTS_ADMIN_EMAILS", "boss@example.org")
    store = Store(url)
    boss = store.sign_in("s-boss", "boss@example.org", "Boss")
    viewer = store.sign_in("s-vi", "vi@example.org", "Vi")

    monkeypatch.setattr("dashboard.auth.gate", lambda: boss)  # signed in as the admin
    page = AppTest.from_file(str(ROOT / "pages/4_Users.py"), default_timeout=60).run()
    assert not page.exception and set(page.dataframe[0].value["email"]) == {
        "boss@example.org",
        "vi@example.org",
    }
    page.selectbox(key="role_user").select("s-vi")
    page.selectbox(key="role_role").select("editor")
    page.text_input(key="role_why").input("joins the night desk")
    page.button[0].click().run()
    assert page.success and "is now editor" in page.success[0].value
    assert store.user("s-vi").role == "editor"
    assert store.audit_frame()["why"].iloc[-1] == "joins the night desk"

    monkeypatch.setattr("dashboard.auth.gate", lambda: viewer)
    page = AppTest.from_file(str(ROOT / "pages/4_Users.py"), default_timeout=60).run()
    assert page.warning and not page.dataframe
    outcome = admin.change_role(store, viewer, "s-boss", "viewer")
    assert not outcome.ok and "needs the admin role" in outcome.message
