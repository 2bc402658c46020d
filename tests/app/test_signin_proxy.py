"""Sign-in through an authenticating proxy: the user arrives in trusted headers on the websocket.

`streamlit run app.py` with server.trustedUserHeaders set, spoken to with
Streamlit's own websocket protocol (the client of bench/sessions_bench.py),
with and without the headers a proxy such as oauth2-proxy would set.
"""
from __future__ import annotations

import asyncio
import json

import pytest

from bench.sessions_bench import TRUSTED_HEADERS, Session, server

ADMIN_EMAIL = "chief@example.org"


@pytest.fixture(scope="module")
def proxied(tmp_path_factory):
    work = tmp_path_factory.mktemp("proxy")
    env = {"INCIDENT_DASHBOARD_BENCH_ROWS": "200", "INCIDENTS_DB_URL": f"sqlite:///{work / 'users.db'}",
           "INCIDENTS_ADMIN_EMAILS": ADMIN_EMAIL,
           "STREAMLIT_SERVER_TRUSTED_USER_HEADERS": json.dumps(TRUSTED_HEADERS)}
    with server(env, work / "streamlit.log") as (base, _pid):
        yield base, work


def first_run(base: str, headers: dict[str, str]) -> list[str]:
    async def go() -> list[str]:
        session = Session(base, headers)
        await session.connect()
        try:
            run = await session.run()
        finally:
            await session.close()
        assert run.finished == "FINISHED_SUCCESSFULLY", run.finished
        return run.texts

    return asyncio.run(go())


def test_no_user_header_sees_no_data(proxied):
    base, _ = proxied
    texts = first_run(base, {"X-Something-Else": "x"})
    assert any("no signed-in user reached it" in t for t in texts), texts
    assert not any("incidents match" in t or t.startswith("Signed in as") for t in texts), texts


def test_the_proxy_user_is_signed_in_with_a_role(proxied):
    base, work = proxied
    texts = first_run(base, {"X-Forwarded-User": "u-41", "X-Forwarded-Email": "Pat@Example.org",
                             "X-Forwarded-Preferred-Username": "Pat Proxy"})
    assert "Signed in as Pat Proxy <pat@example.org> · viewer" in texts, texts
    assert any("incidents match" in t for t in texts), texts
    admin = first_run(base, {"X-Forwarded-User": "u-1", "X-Forwarded-Email": ADMIN_EMAIL})
    assert f"Signed in as {ADMIN_EMAIL} · admin" in admin, admin  # the configured first admin

    from incidents.store import Store

    users = {u.user_id: u.role for u in Store(f"sqlite:///{work / 'users.db'}").users()}
    assert users == {"u-1": "admin", "u-41": "viewer"}
