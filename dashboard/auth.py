"""Who is using the app: sign-in through OpenID Connect, a trusted proxy, or the local user.

Three modes, chosen by configuration alone (`sign_in_mode`):

- ``oidc``: Streamlit's own ``st.login`` against the provider in
  ``.streamlit/secrets.toml`` (an ``[auth]`` section; see secrets.toml.example).
  Streamlit keeps the ID token's claims in a signed cookie for 30 days and
  never looks at their ``exp``; ``gate`` does, and signs the user out once the
  ID token has expired.
- ``proxy``: an authenticating reverse proxy (oauth2-proxy or the like) signs
  the user in and passes them in headers that Streamlit's
  ``server.trustedUserHeaders`` maps to ``sub``, ``email`` and ``name``. Only
  trust this behind a proxy that strips those headers from clients.
- ``local``: nothing configured (a laptop): one local user, said in the sidebar.

``gate()`` is the one line at the top of app.py and every page: it returns the
signed-in store user or shows the sign-in and stops the page, so nothing of
the data (map, table, pages, downloads) is built for an anonymous browser.
The pure functions (claims and headers -> identity, expiry) are what the tests call.
"""
from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

IDENTITY_KEY = "auth_identity"  # session_state: who signed in this browser session
EXPIRY_LEEWAY_S = 0


@dataclass(frozen=True)
class Identity:
    """Who signed in, as the provider or the proxy says: the store maps it to a user and a role."""

    subject: str
    email: str
    name: str
    mode: str


class SignInError(ValueError):
    """The sign-in configuration or what the provider sent cannot be used."""


def trusted_header_map(option: Any) -> dict[str, str]:
    """server.trustedUserHeaders as {header: st.user key}; {} when unset or not a mapping."""
    return {str(k): str(v) for k, v in option.items()} if isinstance(option, Mapping) else {}


def sign_in_mode(auth_section: Mapping[str, Any] | None, header_map: Mapping[str, str]) -> str:
    """'oidc' when secrets.toml has [auth], 'proxy' when trusted headers name a user, else 'local'.

    Both configured is refused: two ways to say who someone is would let the
    weaker one (a header) override the stronger one.
    """
    oidc = bool(auth_section)
    proxy = bool(set(header_map.values()) & {"sub", "email"})
    if oidc and proxy:
        raise SignInError("both [auth] in .streamlit/secrets.toml and server.trustedUserHeaders are set: "
                          "configure one way of signing in")
    return "oidc" if oidc else "proxy" if proxy else "local"


def token_expired(claims: Mapping[str, Any], now: float | None = None,
                  leeway: float = EXPIRY_LEEWAY_S) -> bool:
    """True when the ID token's `exp` has passed (or is missing or unreadable: then it cannot be trusted)."""
    exp = claims.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float | str):
        return True
    try:
        expires = float(exp)
    except ValueError:
        return True
    return (time.time() if now is None else now) >= expires + leeway


def identity_from_claims(claims: Mapping[str, Any]) -> Identity:
    """The identity in an ID token's claims (st.user after st.login)."""
    subject = str(claims.get("sub") or "").strip()
    email = str(claims.get("email") or "").strip()
    if not subject and not email:
        raise SignInError("the provider's ID token names no user (no sub, no email)")
    name = str(claims.get("name") or claims.get("preferred_username") or email or subject).strip()
    return Identity(subject or email, email, name, "oidc")


def identity_from_headers(user_info: Mapping[str, Any]) -> Identity | None:
    """The identity a trusted proxy passed (st.user keys set by server.trustedUserHeaders), or None."""
    subject = str(user_info.get("sub") or "").strip()
    email = str(user_info.get("email") or "").strip()
    if not subject and not email:
        return None
    name = str(user_info.get("name") or email or subject).strip()
    return Identity(subject or email, email, name, "proxy")


# ---- the Streamlit edge -------------------------------------------------------------------------

def current_mode() -> str:
    """The sign-in mode of this server (secrets.toml [auth], server.trustedUserHeaders, or local)."""
    import streamlit as st
    from streamlit.auth_util import get_secrets_auth_section

    headers = trusted_header_map(st.get_option("server.trustedUserHeaders"))
    return sign_in_mode(get_secrets_auth_section(), headers)


def signed_in_identity(mode: str) -> Identity | None:
    """Who this browser session is, or None (the page then shows the sign-in and stops).

    An expired ID token signs the user out here (st.logout redirects the browser);
    None is returned so the caller stops before any data is built.
    """
    import streamlit as st

    if mode == "local":
        return Identity("local", "", "Local user", "local")
    info = st.user.to_dict()
    if mode == "proxy":
        return identity_from_headers(info)
    if not info.get("is_logged_in"):
        return None
    if token_expired(info):
        st.logout()
        return None
    return identity_from_claims(info)


def show_sign_in(mode: str) -> None:
    """The only thing an anonymous browser sees: no data, no page list."""
    import streamlit as st

    st.html("<style>[data-testid=stSidebar], [data-testid=stSidebarCollapsedControl] "
            "{display: none !important}</style>")
    st.title("Incident map")
    if mode == "proxy":
        st.error("This dashboard is signed in through the newsroom's proxy, and no signed-in user "
                 "reached it. Open it through the proxy's address.")
        return
    st.info("Sign in to see the incident map.")
    if st.button("Sign in", type="primary", key="auth_sign_in"):
        st.login()


def gate() -> Any:
    """The first line of app.py and every page: the signed-in store user, or the sign-in and a stop."""
    import streamlit as st

    try:
        mode = current_mode()
        identity = signed_in_identity(mode)
    except SignInError as error:
        st.error(f"Sign-in is misconfigured: {error}")
        st.stop()
    if identity is None:
        show_sign_in(mode)
        st.stop()
    try:
        user = store_user(identity)
    except Exception as error:  # the edge: a message, never a traceback
        st.error(f"Signing you in failed: {type(error).__name__}: {error}")
        st.stop()
    account_sidebar(user, mode)
    return user


def store_user(identity: Identity) -> Any:
    """The store's user for this identity, its role read from the database on every run.

    sign_in (which creates the user, and makes the configured first admins
    admin) runs once per browser session; later runs only read the role, so an
    admin's change takes effect at the user's next click.
    """
    import streamlit as st

    from dashboard.data import database_url, shared_store
    from incidents.users import LOCAL_USER

    if identity.mode == "local":
        return LOCAL_USER
    store = shared_store(database_url())
    user = store.user(identity.subject) if st.session_state.get(IDENTITY_KEY) == identity else None
    if user is None:
        user = store.sign_in(identity.subject, identity.email, identity.name)
        st.session_state[IDENTITY_KEY] = identity
    return user


def account_sidebar(user: Any, mode: str) -> None:
    """Who is signed in (and a sign-out), or that this is the one local user of a laptop install."""
    import streamlit as st

    with st.sidebar:
        if mode == "local":
            st.caption("Local mode: no sign-in is configured, so whoever opens this address is the one "
                       "local user (admin). A newsroom deployment configures sign-in (README).")
            return
        st.text(f"Signed in as {user.label} · {user.role}")
        if mode == "oidc" and st.button("Sign out", key="auth_sign_out"):
            st.logout()
    hidden = pages_not_for(user)
    if hidden:  # the page list offers only what the role may use (each page checks again)
        links = ", ".join(f'[data-testid=stSidebarNav] a[href$="/{page}"]' for page in hidden)
        st.html(f"<style>{links} {{display: none !important}}</style>")


# the pages a role may be refused, by the write each exists for
PAGE_ACTIONS = {"Ingest": "ingest", "Review": "review", "Users": "set_role"}


def pages_not_for(user: Any) -> list[str]:
    """The pages (by URL name) whose purpose the user's role does not allow."""
    return [page for page, action in PAGE_ACTIONS.items() if not user.can(action)]


def require(user: Any, action: str, doing: str) -> None:
    """Stop a page whose purpose the user's role does not allow, saying why (the store refuses anyway)."""
    import streamlit as st

    if not user.can(action):
        st.info(f"{doing[0].upper()}{doing[1:]} needs the editor role; you are signed in as a {user.role}. "
                "An admin can change your role on the Users page.")
        st.stop()
