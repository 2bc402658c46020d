"""Users and roles in the store: sign-in creates the user, admins change roles, every write is checked.

Users are keyed by the sign-in provider's subject (or the email a trusted
proxy passes). A new user is a viewer, or an admin when the email is listed in
$INCIDENTS_ADMIN_EMAILS (those emails are made admins at every sign-in, so the
first admin never depends on someone else). The role a write is checked
against is the one in the database at that moment, never the one the caller
holds in a User object, so a role change takes effect at once.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from incidents.users import LOCAL_USER, NEEDS, PermissionDenied, User, admin_emails, check_role, role_rank


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _user(row) -> User:
    return User(user_id=row.user_id, email=row.email or "", name=row.name or "", role=row.role)


class Accounts:
    """sign_in, users, set_role and the role check of every write (a part of Store)."""

    def sign_in(self, subject: str, email: str, name: str) -> User:
        """The user signing in: created on the first visit (viewer, or admin if configured), else updated."""
        subject, email, name = (subject or "").strip(), (email or "").strip().lower(), (name or "").strip()
        if not subject:
            raise ValueError("a signed-in user needs the provider's subject (or an email)")
        if subject == LOCAL_USER.user_id:
            raise ValueError(f"{subject!r} is reserved for the local user")
        t = self.t["users"]
        listed = bool(email) and email in admin_emails()

        def work(conn: sa.Connection) -> tuple[User, User | None]:
            row = conn.execute(sa.select(t).where(t.c.user_id == subject)).first()
            values = {"email": email, "name": name or email or subject, "last_seen_at": now()}
            if row is None:
                values.update(user_id=subject, role="admin" if listed else "viewer", created_at=now())
                conn.execute(sa.insert(t).values(**values))
                user = _user(conn.execute(sa.select(t).where(t.c.user_id == subject)).one())
                self._audit(
                    conn,
                    user,
                    "sign_up",
                    after={"user_id": subject, "email": email, "role": user.role},
                    why="first sign-in",
                )
                return user, None
            if listed and row.role != "admin":
                values["role"] = "admin"
            conn.execute(sa.update(t).where(t.c.user_id == subject).values(**values))
            user = _user(conn.execute(sa.select(t).where(t.c.user_id == subject)).one())
            return user, (_user(row) if row.role != user.role else None)

        try:
            user, promoted_from = self._retrying(work)
        except sa.exc.IntegrityError:  # the same new user signed in on another replica at the same moment
            user, promoted_from = self._retrying(work)
        if promoted_from is not None:
            self._retrying(
                lambda conn: self._audit(
                    conn,
                    user,
                    "set_role",
                    before={"user_id": user.user_id, "role": promoted_from.role},
                    after={"user_id": user.user_id, "role": "admin"},
                    why="listed in INCIDENTS_ADMIN_EMAILS",
                )
            )
        return user

    def users(self) -> list[User]:
        """Every user who has signed in, admins first, then by email."""
        t = self.t["users"]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(t)).all()
        return sorted((_user(r) for r in rows), key=lambda u: (-role_rank(u.role), u.email, u.user_id))

    def user(self, user_id: str) -> User | None:
        """The stored user (with the current role), LOCAL_USER for the local user, None when unknown."""
        if user_id == LOCAL_USER.user_id:
            return LOCAL_USER
        t = self.t["users"]
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t).where(t.c.user_id == user_id)).first()
        return _user(row) if row else None

    def set_role(self, user_id: str, role: str, *, by: User, why: str = "") -> User:
        """An admin gives a user a role; the last admin cannot be demoted (nobody could undo it)."""
        check_role(role)
        t = self.t["users"]

        def work(conn: sa.Connection) -> User:
            self._require(conn, by, "set_role")
            admins = (
                conn.execute(self._for_update(sa.select(t.c.user_id).where(t.c.role == "admin")))
                .scalars()
                .all()
            )
            row = conn.execute(self._for_update(sa.select(t).where(t.c.user_id == user_id))).first()
            if row is None:
                raise KeyError(f"no user {user_id!r} (a user appears here after the first sign-in)")
            if row.role == "admin" and role != "admin" and len(admins) <= 1:
                raise ValueError("at least one admin must remain: make someone else admin first")
            if row.role != role:
                conn.execute(sa.update(t).where(t.c.user_id == user_id).values(role=role))
                self._audit(
                    conn,
                    by,
                    "set_role",
                    before={"user_id": user_id, "role": row.role},
                    after={"user_id": user_id, "role": role},
                    why=why,
                )
            return _user(conn.execute(sa.select(t).where(t.c.user_id == user_id)).one())

        return self._retrying(work)

    def _require(self, conn: sa.Connection, by: User | None, action: str) -> User:
        """The acting user as stored, if their role allows action; else PermissionDenied."""
        needed = NEEDS[action]
        if by is None:
            raise PermissionDenied(None, action, needed)
        if by.user_id == LOCAL_USER.user_id:
            if not self.local_user:
                raise PermissionDenied(
                    by,
                    action,
                    needed,
                    detail=("sign-in is configured: the local user may not write; sign in first"),
                )
            return LOCAL_USER
        t = self.t["users"]
        row = conn.execute(sa.select(t).where(t.c.user_id == by.user_id)).first()
        if row is None:
            raise PermissionDenied(
                by, action, needed, detail=f"{by.label} is not a known user: sign in first"
            )
        stored = _user(row)
        if not stored.can(action):
            raise PermissionDenied(stored, action, needed)
        return stored

    def check(self, by: User | None, action: str) -> User:
        """Whether by may do action now (the stored role): the user, or PermissionDenied."""
        with self.engine.connect() as conn:
            return self._require(conn, by, action)

    def _for_update(self, query):
        """SELECT ... FOR UPDATE where the database has row locks (SQLite locks the whole file already)."""
        return query.with_for_update() if self.dialect == "postgresql" else query
