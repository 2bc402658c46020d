"""The users page's steps as plain functions: the list of users, and a role change by an admin."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.review import Outcome
from incidents.users import ROLES, PermissionDenied, User

USER_COLUMNS = ("user_id", "email", "name", "role")


def users_frame(store: Any) -> pd.DataFrame:
    """Every user who has signed in, admins first."""
    return pd.DataFrame(
        [[u.user_id, u.email, u.name, u.role] for u in store.users()], columns=list(USER_COLUMNS)
    )


def change_role(store: Any, admin: User, user_id: str, role: str, why: str = "") -> Outcome:
    """Give user_id the role; the store refuses unless admin is an admin, and keeps the last admin."""
    try:
        user = store.set_role(user_id, role, by=admin, why=why)
    except PermissionDenied as error:
        return Outcome(False, f"Not changed: {error}.")
    except (ValueError, KeyError) as error:
        return Outcome(False, f"Not changed: {error}")
    return Outcome(True, f"{user.label} is now {user.role}.")


__all__ = ["ROLES", "change_role", "users_frame"]
