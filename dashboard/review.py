"""The review desk's steps as plain functions (pages/3_Review.py only wires widgets to them).

Each save names the version the form was filled from and returns a message
for the page: success, a refusal (role), a stale version (with what changed),
or a bad value. The form's widgets are keyed by incident and version, so they
always show the selected incident's stored values, never the last one's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd

from incidents.store import KEEP, REVIEW_STATUSES, IncidentRecord, PermissionDenied, StaleEdit, date_values
from incidents.users import User

STATUSES = REVIEW_STATUSES
PRECISION_NAMES = {1: "1 - the day", 2: "2 - the week / a few days", 3: "3 - the month"}


@dataclass(frozen=True)
class Outcome:
    """What a save did: ok, and the line the page shows."""

    ok: bool
    message: str


def label(row: Any) -> str:
    """How the incident picker names an incident."""
    status = getattr(row, "review_status", "") or "auto"
    return f"{row.incident_id} · {row.event_date or 'undated'} · {row.location or 'no place'} · {status}"


OPENED = "review_opened"


def as_opened(state: Any, record: IncidentRecord) -> IncidentRecord:
    """The record at the version the editor opened it: a save from it is checked against that version.

    The first view of an incident notes its version in the session; until the
    next save (or another incident), the form stays at that version, so a save
    made meanwhile by someone else makes this one fail with what changed,
    instead of the form silently showing (and then overwriting) theirs.
    """
    held = state.get(OPENED)
    if not held or held[0] != record.incident_id or held[1] > record.version:
        state[OPENED] = (record.incident_id, record.version)
    return replace(record, version=state[OPENED][1])


def widget_key(record: IncidentRecord, name: str) -> str:
    """A key per incident and version: another incident (or a newer save) gets fresh widgets."""
    return f"review-{name}-{record.incident_id}-v{record.version}"


def form_values(record: IncidentRecord) -> dict[str, Any]:
    """The stored editor's values the form opens with."""
    return {
        "status": record.review_status,
        "fatalities": record.edits.get("fatalities"),
        "note": record.edit_note,
        "computed_fatalities": record.computed.get("fatalities"),
    }


def date_bounds(shown: dict[str, Any]) -> tuple[date | None, date | None]:
    """The incident's shown date span (None, None when undated)."""
    try:
        return date.fromisoformat(shown["date_start"]), date.fromisoformat(shown["date_end"])
    except (TypeError, ValueError):
        return None, None


def precision_index(shown: dict[str, Any]) -> int:
    value = shown.get("time_precision")
    return int(value) - 1 if value in (1, 2, 3) else 0


def picked_place(lat: float, lon: float) -> dict[str, Any]:
    """A point clicked on the map as a place: exact, named after the nearest gazetteer place."""
    import geo

    near = geo.reverse(lat, lon)
    name = f"near {near.name}" if near is not None else f"{lat:.4f}, {lon:.4f}"
    return {
        "name": name,
        "lat": lat,
        "lon": lon,
        "country_code": getattr(near, "country_code", "") or "",
        "admin1": getattr(near, "admin1", "") or "",
        "geo_precision": 1,
        "where_prec": 1,
        "uncertainty_km": 1.0,
        "place_id": "",
    }


def report_label(lines: pd.DataFrame, report_id: str) -> str:
    row = lines[lines["report_id"] == report_id].iloc[0]
    sentence = row["sentence"] if len(row["sentence"]) <= 90 else row["sentence"][:89] + "…"
    return f"{row['article_id'][:8]} · {row['claims']} claim(s) · {sentence}"


def _attempt(action, done: str) -> Outcome:
    try:
        action()
    except StaleEdit as error:
        return Outcome(False, str(error))
    except PermissionDenied as error:
        return Outcome(False, f"Not saved: {error}.")
    except (ValueError, KeyError) as error:
        return Outcome(False, f"Not saved: {error}")
    return Outcome(True, done)


def save_review(
    store: Any,
    user: User,
    record: IncidentRecord,
    *,
    status: str,
    fatalities: int | None,
    note: str,
    why: str = "",
) -> Outcome:
    """Save status, the editor's fatalities (None: none, the sources' figure shows) and its note.

    A fatalities field left as it was is not written, so a status-only save
    never pins the figure; emptying the field clears the editor's figure.
    """
    stored = record.edits.get("fatalities")
    given = None if fatalities is None else int(fatalities)
    change = KEEP if given == stored else given
    shown = "the sources' figure" if given is None else f"{given} killed"
    return _attempt(
        lambda: store.set_review(
            record.incident_id,
            by=user,
            expected_version=record.version,
            status=status,
            fatalities=change,
            note=note,
            why=why,
        ),
        f"{record.incident_id}: {status}, {shown}. The map and table show it now.",
    )


def save_place(store: Any, user: User, record: IncidentRecord, place: Any, why: str = "") -> Outcome:
    """Correct the place (a geo Place from the gazetteer or a point picked on the map); None clears."""
    where = "the place read from the reports" if place is None else getattr(place, "name", "") or "the point"
    return _attempt(
        lambda: store.correct(
            record.incident_id, by=user, expected_version=record.version, place=place, why=why
        ),
        f"{record.incident_id}: place set to {where}.",
    )


def save_date(
    store: Any,
    user: User,
    record: IncidentRecord,
    start: date | None,
    end: date | None,
    precision: int,
    why: str = "",
) -> Outcome:
    """Correct the date (a day or a span with its precision); start None clears the correction."""
    when = None if start is None else date_values(start, end, precision)
    return _attempt(
        lambda: store.correct(
            record.incident_id, by=user, expected_version=record.version, when=when, why=why
        ),
        f"{record.incident_id}: date saved.",
    )


def save_type_and_actors(
    store: Any,
    user: User,
    record: IncidentRecord,
    *,
    event_type: tuple[str, str] | None,
    actors: tuple[str, str] | None,
    why: str = "",
) -> Outcome:
    """Correct the event type and/or the actors; a pair equal to what the table shows is left alone."""
    shown = record.shown
    kind = KEEP if event_type == (shown["event_type"] or "", shown["sub_event_type"] or "") else event_type
    who = KEEP if actors == (shown["actor1"] or "", shown["actor2"] or "") else actors
    if kind is KEEP and who is KEEP:
        return Outcome(True, "Nothing to change.")
    return _attempt(
        lambda: store.correct(
            record.incident_id, by=user, expected_version=record.version, event_type=kind, actors=who, why=why
        ),
        f"{record.incident_id}: type and actors saved.",
    )


def clear_corrections(store: Any, user: User, record: IncidentRecord, why: str = "") -> Outcome:
    """Remove the place, date, type and actor corrections: the values read from the reports show again."""
    return _attempt(
        lambda: store.correct(
            record.incident_id,
            by=user,
            expected_version=record.version,
            place=None,
            when=None,
            event_type=None,
            actors=None,
            why=why,
        ),
        f"{record.incident_id}: corrections removed.",
    )


def merge(store: Any, user: User, keep: IncidentRecord, other: IncidentRecord, why: str = "") -> Outcome:
    return _attempt(
        lambda: store.merge(
            keep.incident_id,
            other.incident_id,
            by=user,
            expected_versions=(keep.version, other.version),
            why=why,
        ),
        f"{other.incident_id} merged into {keep.incident_id}; its id now points there.",
    )


def split(store: Any, user: User, record: IncidentRecord, report_ids: list[str], why: str = "") -> Outcome:
    made: list[str] = []
    outcome = _attempt(
        lambda: made.append(
            store.split(record.incident_id, report_ids, by=user, expected_version=record.version, why=why)
        ),
        "",
    )
    if not outcome.ok:
        return outcome
    return Outcome(True, f"{len(report_ids)} report(s) moved from {record.incident_id} to {made[0]}.")


def reports_frame(record: IncidentRecord) -> pd.DataFrame:
    """The incident's reports for the split picker: one row each (article, sentence, claims)."""
    return pd.DataFrame(
        [r.__dict__ for r in record.reports], columns=["report_id", "article_id", "sentence", "claims"]
    )


def trail_frame(store: Any, incident_id: str) -> pd.DataFrame:
    """The incident's audit trail, newest first, as the desk shows it."""
    frame = store.audit_frame(incident_id)
    return frame.iloc[::-1].drop(columns=["audit_id"]).reset_index(drop=True)
