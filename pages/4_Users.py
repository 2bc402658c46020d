"""Users and roles: an admin gives each signed-in user the role viewer, editor or admin."""

import streamlit as st

from dashboard import admin, auth
from dashboard.data import database_url, shared_store, sign_in_configured

st.set_page_config(page_title="Users and roles", layout="wide")
user = auth.gate()
st.title("Users and roles")

store = shared_store(database_url())
if not user.can("set_role"):
    st.warning(f"You are signed in as {user.label} ({user.role}): users and roles are for admins.")
    st.stop()
if not sign_in_configured():
    st.info(
        "Sign-in is not configured: everyone is the one local user. Users appear here after they sign in."
    )

for ok, line in st.session_state.pop("users_flash", []):
    (st.success if ok else st.error)(line)

users = admin.users_frame(store)
st.dataframe(users, hide_index=True, width="stretch")
if not users.empty:
    with st.form("role_form"):
        labels = dict(
            zip(users["user_id"], users["email"].where(users["email"] != "", users["name"]), strict=True)
        )
        who = st.selectbox("User", list(labels), format_func=labels.get, key="role_user")
        role = st.selectbox("Role", admin.ROLES, key="role_role")
        why = st.text_input("Why (kept in the audit trail)", key="role_why")
        if st.form_submit_button("Change role"):
            outcome = admin.change_role(store, user, who, role, why)
            st.session_state["users_flash"] = [(outcome.ok, outcome.message)]
            st.rerun()
