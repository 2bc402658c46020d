"""Who signed in: the sign-in mode from configuration, ID-token claims and proxy headers -> an identity."""
from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.auth import (
    Identity,
    SignInError,
    identity_from_claims,
    identity_from_headers,
    sign_in_mode,
    token_expired,
    trusted_header_map,
)

PROXY = {"X-Forwarded-User": "sub", "X-Forwarded-Email": "email", "X-Forwarded-Preferred-Username": "name"}
OIDC = {"redirect_uri": "https://maps.example.org/oauth2callback", "cookie_secret": "s", "client_id": "c"}


def test_nothing_configured_is_the_local_user():
    assert sign_in_mode({}, {}) == "local"
    assert sign_in_mode(None, {"X-Team": "team"}) == "local"  # headers that name no user sign no one in


def test_the_configured_way_of_signing_in_is_used():
    assert sign_in_mode(OIDC, {}) == "oidc"
    assert sign_in_mode({}, PROXY) == "proxy"
    assert sign_in_mode({}, {"X-Email": "email"}) == "proxy"


def test_both_ways_at_once_are_refused():
    with pytest.raises(SignInError, match="configure one way"):
        sign_in_mode(OIDC, PROXY)


def test_trusted_header_option_must_be_a_mapping():
    assert trusted_header_map(PROXY) == PROXY
    assert trusted_header_map("X-Forwarded-Email") == {}
    assert trusted_header_map(None) == {}


@pytest.mark.parametrize(("claims", "expired"), [
    ({"exp": 1_000}, True),
    ({"exp": 999}, True),
    ({"exp": 1_001}, False),
    ({"exp": "1001"}, False),
    ({}, True),                 # no expiry: not a token to trust
    ({"exp": "soon"}, True),
    ({"exp": True}, True),
])
def test_an_id_token_is_expired_from_its_exp_on(claims, expired):
    assert token_expired(claims, now=1_000) is expired


def test_identity_from_id_token_claims():
    claims = {"sub": "248289761001", "email": "ana@example.org", "name": "Ana Reporter", "exp": 1}
    assert identity_from_claims(claims) == Identity("248289761001", "ana@example.org", "Ana Reporter", "oidc")
    assert identity_from_claims({"email": "bo@example.org"}) == Identity(
        "bo@example.org", "bo@example.org", "bo@example.org", "oidc")
    assert identity_from_claims({"sub": "x1", "preferred_username": "bo"}).name == "bo"


def test_claims_that_name_nobody_are_refused():
    with pytest.raises(SignInError, match="names no user"):
        identity_from_claims({"sub": " ", "exp": 10})


def test_identity_from_proxy_headers():
    assert identity_from_headers({"sub": None, "email": None}) is None
    assert identity_from_headers({}) is None
    assert identity_from_headers({"sub": "u7", "email": "cy@example.org", "name": None}) == Identity(
        "u7", "cy@example.org", "cy@example.org", "proxy")


def test_without_sign_in_the_app_is_the_local_user_and_says_so(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[2]
    monkeypatch.setenv("INCIDENT_DASHBOARD_BENCH_ROWS", "50")
    monkeypatch.setenv("INCIDENTS_DB_URL", f"sqlite:///{tmp_path / 'incidents.db'}")
    monkeypatch.chdir(root)
    at = AppTest.from_file(str(root / "app.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(c.value.startswith("Local mode: no sign-in is configured") for c in at.sidebar.caption)
    assert len(at.dataframe) == 1  # the table is there: a laptop needs no sign-in


def test_pages_are_offered_by_role():
    from dashboard.auth import pages_not_for
    from incidents.users import User

    assert pages_not_for(User("v", "v@example.org", "V", "viewer")) == ["Ingest", "Review", "Users"]
    assert pages_not_for(User("e", "e@example.org", "E", "editor")) == ["Users"]
    assert pages_not_for(User("a", "a@example.org", "A", "admin")) == []
