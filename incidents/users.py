"""Who acts on the store: users, their roles, and the refusal when a role does not allow a write.

Roles are ordered: a viewer reads (map, table, article view, downloads); an
editor also ingests and reviews; an admin also changes users' roles. The
store checks the role it holds in the database for every write, so hiding a
page is never the only check.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

ROLES: tuple[str, ...] = ("viewer", "editor", "admin")
ADMIN_EMAILS_ENV = "INCIDENTS_ADMIN_EMAILS"

# what each write needs
NEEDS: dict[str, str] = {
    "ingest": "editor",
    "review": "editor",
    "correct": "editor",
    "merge": "editor",
    "split": "editor",
    "set_role": "admin",
}


@dataclass(frozen=True)
class User:
    """A signed-in person (or the one local user): the provider's subject, email, name and role."""

    user_id: str
    email: str
    name: str
    role: str = "viewer"

    @property
    def label(self) -> str:
        """How the audit trail and the pages name this user."""
        if self.email and self.name and self.name != self.email:
            return f"{self.name} <{self.email}>"
        return self.name or self.email or self.user_id

    def can(self, action: str) -> bool:
        """Whether this user's role allows the write called action (see NEEDS)."""
        return role_rank(self.role) >= role_rank(NEEDS[action])


# The one user of a laptop install, where no sign-in is configured: it may do everything.
LOCAL_USER = User(user_id="local", email="", name="local user", role="admin")


class PermissionDenied(PermissionError):
    """The acting user's role does not allow this write."""

    def __init__(self, user: User | None, action: str, needed: str | None = None, detail: str = ""):
        self.user, self.action = user, action
        self.needed = needed or NEEDS.get(action, "admin")
        who = user.label if user is not None else "nobody signed in"
        role = user.role if user is not None else "no role"
        message = (
            detail or f"{who} ({role}) may not {action.replace('_', ' ')}: that needs the {self.needed} role"
        )
        super().__init__(message)


def role_rank(role: str) -> int:
    """viewer 0 < editor 1 < admin 2; an unknown role ranks below a viewer."""
    return ROLES.index(role) if role in ROLES else -1


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    return role


def admin_emails(value: str | None = None) -> frozenset[str]:
    """The configured first admins: $INCIDENTS_ADMIN_EMAILS, comma-separated, any case."""
    raw = os.environ.get(ADMIN_EMAILS_ENV, "") if value is None else value
    return frozenset(e.strip().lower() for e in raw.split(",") if e.strip())
