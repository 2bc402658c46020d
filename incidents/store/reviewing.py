"""The review desk's writes: status, fatalities and corrections, merge and split, with a version check.

Every incident has a version. An edit names the version the editor saw; the
store locks the row, and a save based on an older version is refused with
StaleEdit, whose message lists what changed since (from the audit trail),
never a silent last-write-wins. Edits write only the editor's columns, so a
later ingest recomputing the incident cannot undo them. Merge and split move
reports between incidents under the cluster lock (no ingest sees them half
done); claims follow their reports; nothing is deleted: the merged-away
incident stays as a row pointing to its survivor.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

import sqlalchemy as sa

from incidents.store.accounts import now
from incidents.store.ingesting import changed
from incidents.store.reading import IncidentRecord, load_edits
from incidents.users import User

REVIEW_STATUSES = ("auto", "reviewed", "disputed", "rejected")
PLACE_COLUMNS = (
    "location",
    "country",
    "country_code",
    "admin1",
    "latitude",
    "longitude",
    "geo_precision",
    "where_prec",
    "geo_uncertainty_km",
    "place_id",
    "geometry",
)
DATE_COLUMNS = ("event_date", "date_start", "date_end", "time_precision")
TYPE_COLUMNS = ("event_type", "sub_event_type")
ACTOR_COLUMNS = ("actor1", "actor2")
EDITOR_FIELDS = ("review_status", "edits", "edit_note")


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()  # leave this field as it is (None clears the editor's value)


class StaleEdit(ValueError):
    """A save based on an older version of the incident than the stored one; nothing was written."""

    def __init__(self, incident_id: str, expected: int, stored: int, changes: list[str]):
        self.incident_id, self.expected, self.stored, self.changes = incident_id, expected, stored, changes
        lines = "; ".join(changes) if changes else "changed by another save"
        super().__init__(
            f"{incident_id} was changed since you opened it (version {expected}, now {stored}): {lines}. "
            "Your save was not applied: check the current values and save again."
        )


def _check_fatalities(value: Any) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise ValueError(f"fatalities must be a whole number >= 0, not {value!r}")


def place_values(place: Any) -> dict[str, Any]:
    """The place columns from a geo Place (or a dict with its fields): the editor's corrected place."""
    get = place.get if isinstance(place, dict) else (lambda k, d=None: getattr(place, k, d))
    lat, lon = get("lat"), get("lon")
    if (
        not isinstance(lat, int | float)
        or not isinstance(lon, int | float)
        or not (-90 <= lat <= 90)
        or not (-180 <= lon <= 180)
    ):
        raise ValueError(
            f"a place needs a latitude in -90..90 and a longitude in -180..180, not {lat!r}, {lon!r}"
        )
    from incidents.summary import country_name

    code = get("country_code") or ""
    geometry = get("geometry")
    return {
        "location": get("name") or f"{lat:.4f}, {lon:.4f}",
        "country": country_name(code) if code else (get("country") or ""),
        "country_code": code,
        "admin1": get("admin1") or "",
        "latitude": round(float(lat), 5),
        "longitude": round(float(lon), 5),
        "geo_precision": get("geo_precision") or 1,
        "where_prec": get("where_prec") or 1,
        "geo_uncertainty_km": float(get("uncertainty_km", 0.0) or 0.0),
        "place_id": str(get("place_id") or ""),
        "geometry": json.dumps(geometry) if geometry else "",
    }


def date_values(start: date, end: date | None = None, precision: int = 1) -> dict[str, Any]:
    """The date columns of a corrected date: a day, or a span with ACLED's time_precision (1, 2, 3)."""
    end = end or start
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        raise ValueError(f"a date needs a start day no later than its end day, not {start!r} to {end!r}")
    if precision not in (1, 2, 3):
        raise ValueError(f"time precision must be 1 (day), 2 (week) or 3 (month), not {precision!r}")
    middle = date.fromordinal((start.toordinal() + end.toordinal()) // 2)
    return {
        "event_date": middle.isoformat(),
        "date_start": start.isoformat(),
        "date_end": end.isoformat(),
        "time_precision": precision,
    }


def _text_pair(value: Any, what: str) -> tuple[str, str]:
    first, second = value
    first, second = (first or "").strip(), (second or "").strip()
    if not first:
        raise ValueError(f"the {what} needs its first value")
    return first, second


def split_id(incident_id: str, report_ids: list[str], attempt: int = 0) -> str:
    key = f"split:{incident_id}:{','.join(sorted(report_ids))}:{attempt}"
    return "inc-" + hashlib.sha1(key.encode()).hexdigest()[:10]


class Reviewing:
    """The review side of Store."""

    # ---- status, fatalities, corrections --------------------------------
    def set_review(
        self,
        incident_id: str,
        *,
        by: User,
        expected_version: int,
        status: str | None = None,
        fatalities: Any = KEEP,
        note: str | None = None,
        why: str = "",
    ) -> IncidentRecord:
        """Status (None: unchanged), the editor's fatalities (KEEP: unchanged, None: cleared) and its note."""
        if status is not None and status not in REVIEW_STATUSES:
            raise ValueError(f"review status must be one of {', '.join(REVIEW_STATUSES)}, not {status!r}")
        values: dict[str, Any] = {}
        if fatalities is not KEEP:
            _check_fatalities(fatalities)
            values["fatalities"] = fatalities
        return self._edit(
            incident_id,
            by=by,
            expected_version=expected_version,
            action="review",
            status=status,
            values=values,
            note=note,
            why=why,
        )

    def correct(
        self,
        incident_id: str,
        *,
        by: User,
        expected_version: int,
        place: Any = KEEP,
        when: Any = KEEP,
        event_type: Any = KEEP,
        actors: Any = KEEP,
        why: str = "",
    ) -> IncidentRecord:
        """Correct the place (a geo Place), date (date_values()), type (type, sub-type) or actors (1, 2).

        KEEP leaves a field as it is; None removes the editor's correction, so the
        value computed from the reports shows again.
        """
        values: dict[str, Any] = {}
        for given, columns, build in (
            (place, PLACE_COLUMNS, place_values),
            (when, DATE_COLUMNS, lambda v: v if isinstance(v, dict) else date_values(v)),
            (
                event_type,
                TYPE_COLUMNS,
                lambda v: dict(zip(TYPE_COLUMNS, _text_pair(v, "event type"), strict=True)),
            ),
            (actors, ACTOR_COLUMNS, lambda v: dict(zip(ACTOR_COLUMNS, _text_pair(v, "actors"), strict=True))),
        ):
            if given is KEEP:
                continue
            built = {c: None for c in columns} if given is None else build(given)
            if set(built) != set(columns):
                raise ValueError(f"a correction sets exactly {', '.join(columns)}")
            values.update(built)
        return self._edit(
            incident_id,
            by=by,
            expected_version=expected_version,
            action="correct",
            status=None,
            values=values,
            note=None,
            why=why,
        )

    def _edit(
        self,
        incident_id: str,
        *,
        by: User,
        expected_version: int,
        action: str,
        status: str | None,
        values: dict[str, Any],
        note: str | None,
        why: str,
    ) -> IncidentRecord:
        t = self.t["incidents"]

        def work(conn: sa.Connection) -> None:
            actor = self._require(conn, by, action)
            row = self._locked_row(conn, incident_id, expected_version)
            edits = load_edits(row.edits)
            new_edits = {k: v for k, v in {**edits, **values}.items() if v is not None}
            old = {
                "review_status": row.review_status or "auto",
                "edits": edits,
                "edit_note": row.edit_note or "",
            }
            new = {
                "review_status": status or old["review_status"],
                "edits": new_edits,
                "edit_note": old["edit_note"] if note is None else note.strip(),
            }
            if new == old:
                return
            version = row.version + 1
            conn.execute(
                sa.update(t)
                .where(t.c.incident_id == incident_id)
                .values(
                    review_status=new["review_status"],
                    edits=json.dumps(new_edits, sort_keys=True) if new_edits else None,
                    edit_note=new["edit_note"],
                    version=version,
                    updated_at=now(),
                )
            )
            before, after = changed(_flat(old), _flat(new))
            self._audit(
                conn,
                actor,
                action,
                incident_id=incident_id,
                before={**before, "version": row.version},
                after={**after, "version": version},
                why=why,
            )
            self._bump(conn)

        self._retrying(work)
        return self.incident(incident_id)

    def _locked_row(self, conn: sa.Connection, incident_id: str, expected_version: int):
        """The incident's row, locked for this transaction, if it is still at expected_version."""
        t = self.t["incidents"]
        row = conn.execute(self._for_update(sa.select(t).where(t.c.incident_id == incident_id))).first()
        if row is None:
            raise KeyError(f"no incident {incident_id!r}")
        if row.version != expected_version or row.merged_into is not None:
            raise StaleEdit(
                incident_id,
                expected_version,
                row.version,
                self._changes_since(conn, incident_id, expected_version),
            )
        return row

    def _changes_since(self, conn: sa.Connection, incident_id: str, version: int) -> list[str]:
        """What the audit trail says happened to the incident after version (who, when, what)."""
        a = self.t["audit"]
        out = []
        for row in conn.execute(sa.select(a).where(a.c.incident_id == incident_id).order_by(a.c.audit_id)):
            after = json.loads(row.after or "{}")
            if not isinstance(after, dict) or after.get("version", 0) <= version:
                continue
            before = json.loads(row.before or "{}") or {}
            parts = [
                f"{k} {_shown(before.get(k))} -> {_shown(v)}" for k, v in after.items() if k != "version"
            ]
            out.append(f"{row.at} {row.user_name} ({row.action}): {', '.join(parts) or 'no field'}")
        return out

    # ---- merge and split -------------------------------------------------
    def merge(
        self, keep_id: str, other_id: str, *, by: User, expected_versions: tuple[int, int], why: str = ""
    ) -> IncidentRecord:
        """Merge other into keep: its reports, claims and articles move; other's id now points to keep.

        The editor's values of keep win; where only other had one (a status
        beyond auto, a corrected column, a note) it is carried over.
        """
        if keep_id == other_id:
            raise ValueError("an incident cannot be merged into itself")
        t, rt, ct = self.t["incidents"], self.t["reports"], self.t["claims"]

        def work(conn: sa.Connection) -> None:
            actor = self._require(conn, by, "merge")
            ids = {keep_id: expected_versions[0], other_id: expected_versions[1]}
            rows = {i: self._locked_row(conn, i, ids[i]) for i in sorted(ids)}
            keep, other = rows[keep_id], rows[other_id]
            before = self._computed(conn, [keep_id])[keep_id]
            conn.execute(sa.update(rt).where(rt.c.incident_id == other_id).values(incident_id=keep_id))
            conn.execute(sa.delete(ct).where(ct.c.incident_id == other_id))
            reports = self._reports_of(conn, [keep_id])[keep_id]
            after, _ = self._save_computed(conn, keep_id, reports, new=False)
            edits = {**load_edits(other.edits), **load_edits(keep.edits)}
            status = keep.review_status if (keep.review_status or "auto") != "auto" else other.review_status
            note = " / ".join(n for n in (keep.edit_note, other.edit_note) if n)
            conn.execute(
                sa.update(t)
                .where(t.c.incident_id == keep_id)
                .values(
                    review_status=status or "auto",
                    edits=json.dumps(edits, sort_keys=True) if edits else None,
                    edit_note=note,
                    version=keep.version + 1,
                )
            )
            conn.execute(
                sa.update(t)
                .where(t.c.incident_id == other_id)
                .values(merged_into=keep_id, version=other.version + 1, updated_at=now())
            )
            old, new = changed(before, after)
            self._audit(
                conn,
                actor,
                "merge",
                incident_id=keep_id,
                why=why,
                before={**old, "version": keep.version},
                after={**new, "merged": other_id, "version": keep.version + 1},
            )
            self._audit(
                conn,
                actor,
                "merge",
                incident_id=other_id,
                why=why,
                before={"merged_into": None, "version": other.version},
                after={"merged_into": keep_id, "version": other.version + 1},
            )
            self._bump(conn)

        self._retrying(work, cluster=True)
        return self.incident(keep_id)

    def split(
        self, incident_id: str, report_ids: list[str], *, by: User, expected_version: int, why: str = ""
    ) -> str:
        """Move the chosen reports (with their claims and articles) to a new incident: its id."""
        moving = sorted(set(report_ids))
        if not moving:
            raise ValueError("choose the reports to move to the new incident")
        t, rt, ct = self.t["incidents"], self.t["reports"], self.t["claims"]

        def work(conn: sa.Connection) -> str:
            actor = self._require(conn, by, "split")
            row = self._locked_row(conn, incident_id, expected_version)
            held = set(
                conn.execute(sa.select(rt.c.report_id).where(rt.c.incident_id == incident_id)).scalars()
            )
            if not set(moving) <= held:
                raise ValueError(f"not reports of {incident_id}: {', '.join(sorted(set(moving) - held))}")
            if set(moving) == held:
                raise ValueError("keep at least one report on the incident (a split moves some, not all)")
            new_id = next(
                i for n in range(100) if not self._exists(conn, i := split_id(incident_id, moving, n))
            )
            before = self._computed(conn, [incident_id])[incident_id]
            conn.execute(sa.update(rt).where(rt.c.report_id.in_(moving)).values(incident_id=new_id))
            conn.execute(sa.delete(ct).where(ct.c.incident_id == incident_id))
            reports = self._reports_of(conn, [incident_id, new_id])
            after, _ = self._save_computed(conn, incident_id, reports[incident_id], new=False)
            created, _ = self._save_computed(conn, new_id, reports[new_id], new=True)
            conn.execute(sa.update(t).where(t.c.incident_id == incident_id).values(version=row.version + 1))
            old, new = changed(before, after)
            self._audit(
                conn,
                actor,
                "split",
                incident_id=incident_id,
                why=why,
                before={**old, "version": row.version},
                after={**new, "split_off": new_id, "reports": moving, "version": row.version + 1},
            )
            self._audit(
                conn,
                actor,
                "split",
                incident_id=new_id,
                why=why,
                before=None,
                after={
                    **changed(None, created)[1],
                    "split_from": incident_id,
                    "reports": moving,
                    "version": 1,
                },
            )
            self._bump(conn)
            return new_id

        return self._retrying(work, cluster=True)

    def _exists(self, conn: sa.Connection, incident_id: str) -> bool:
        t = self.t["incidents"]
        return (
            conn.execute(sa.select(t.c.incident_id).where(t.c.incident_id == incident_id)).first() is not None
        )


def _flat(fields: dict[str, Any]) -> dict[str, Any]:
    """Editor fields as audit columns: status, note, and one entry per corrected column."""
    out = {"review_status": fields["review_status"], "edit_note": fields["edit_note"]}
    out.update({f"edited {k}": v for k, v in fields["edits"].items()})
    return out


def _shown(value: Any) -> str:
    return "(none)" if value in (None, "") else str(value)
