"""Users and roles in the store: sign-in, the configured first admin, role changes, refusals."""

from __future__ import annotations

import pytest

from incidents.users import LOCAL_USER, PermissionDenied, User
from tests.conftest import STRIKE


def test_first_sign_in_makes_a_viewer_or_a_configured_admin(store, people):
    assert people.admin.role == "admin" and people.viewer.role == "viewer"
    assert people.editor.role == "editor"
    # a later sign-in updates the name and email, never the role
    again = store.sign_in("sub-viewer", "VI@example.org", "Victoria")
    assert (again.role, again.name, again.email) == ("viewer", "Victoria", "vi@example.org")
    assert [u.user_id for u in store.users()] == ["sub-admin", "sub-editor", "sub-viewer"]
    assert store.user("sub-editor") == people.editor and store.user("nobody") is None


def test_a_listed_email_is_admin_even_if_first_seen_before_the_list(store, people, monkeypatch):
    monkeypatch.delenv("INCIDENTS_ADMIN_EMAILS")
    early = store.sign_in("sub-late", "later@example.org", "Late")
    assert early.role == "viewer"
    monkeypatch.setenv("INCIDENTS_ADMIN_EMAILS", "later@example.org")
    assert store.sign_in("sub-late", "later@example.org", "Late").role == "admin"
    trail = store.audit_frame()
    assert "listed in INCIDENTS_ADMIN_EMAILS" in set(trail["why"])


def test_viewer_cannot_write_and_the_role_held_by_the_caller_is_not_trusted(store, people, article_of):
    with pytest.raises(PermissionDenied, match="needs the editor role"):
        store.ingest_one(article_of(STRIKE), by=people.viewer)
    forged = User(people.viewer.user_id, people.viewer.email, people.viewer.name, role="admin")
    with pytest.raises(PermissionError):
        store.ingest_one(article_of(STRIKE), by=forged)
    with pytest.raises(PermissionDenied, match="not a known user"):
        store.ingest_one(article_of(STRIKE), by=User("stranger", "s@x.org", "S", "admin"))
    assert store.is_empty()
    [res] = store.ingest([article_of(STRIKE)], by=people.editor)
    iid = store.live_incident_ids()[0]
    with pytest.raises(PermissionDenied):
        store.set_review(iid, by=people.viewer, expected_version=1, status="reviewed")
    with pytest.raises(PermissionDenied, match="admin"):
        store.set_role(people.viewer.user_id, "admin", by=people.editor)
    assert res.error is None and store.incident(iid).review_status == "auto"


def test_a_role_change_takes_effect_at_once_and_is_audited(store, people, article_of):
    store.set_role(people.viewer.user_id, "editor", by=people.admin, why="joined the desk")
    [res] = store.ingest([article_of(STRIKE)], by=people.viewer)  # the same User object, stale role
    assert res.error is None and not store.is_empty()
    store.set_role(people.viewer.user_id, "viewer", by=people.admin)
    with pytest.raises(PermissionDenied):
        store.set_review(
            store.live_incident_ids()[0], by=people.viewer, expected_version=1, status="rejected"
        )
    roles = store.audit_frame()
    changes = roles[roles["action"] == "set_role"]
    assert list(changes["user_id"]) == ["sub-admin"] * 3  # editor made, viewer up, viewer down
    assert "joined the desk" in set(changes["why"])
    assert '"role": "editor"' in changes.iloc[1]["after"]


def test_the_last_admin_stays_and_roles_are_checked(store, people):
    with pytest.raises(ValueError, match="at least one admin"):
        store.set_role(people.admin.user_id, "editor", by=people.admin)
    with pytest.raises(ValueError, match="role must be one of"):
        store.set_role(people.viewer.user_id, "owner", by=people.admin)
    with pytest.raises(KeyError):
        store.set_role("nobody", "editor", by=people.admin)
    store.set_role(people.editor.user_id, "admin", by=people.admin)
    assert (
        store.set_role(people.admin.user_id, "viewer", by=store.user(people.editor.user_id)).role == "viewer"
    )


def test_the_local_user_writes_only_where_no_sign_in_is_configured(store, article_of):
    from incidents.store import Store

    assert LOCAL_USER.role == "admin" and LOCAL_USER.name == "local user"
    locked = Store.__new__(Store)
    locked.__dict__.update(store.__dict__, local_user=False)
    with pytest.raises(PermissionDenied, match="sign in"):
        locked.ingest_one(article_of(STRIKE), by=LOCAL_USER)
    assert store.ingest_one(article_of(STRIKE)).error is None  # the CLI's default: the local user
    with pytest.raises(ValueError, match="reserved"):
        store.sign_in("local", "x@example.org", "X")
