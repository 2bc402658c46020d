"""The incident store: SQLAlchemy Core over SQLite (default) or PostgreSQL, safe for many writers.

Every write is a Store call with the acting user (incidents.users.User),
checked against that user's role in the database, recorded in the audit
trail, and run in a transaction that is safe against concurrent writers
(txn.py). Parts: tables (metadata), txn (transactions, locks, retry),
migrate (schema revisions), accounts (users, roles), audit, reading (frames),
ingesting (articles -> incidents), reviewing (review desk writes).
"""

from incidents.store.core import DEFAULT_DB, Store, default_url
from incidents.store.ingesting import ALREADY, IngestResult, new_incident_id
from incidents.store.migrate import SchemaError
from incidents.store.reading import IncidentRecord, ReportLine
from incidents.store.reviewing import KEEP, REVIEW_STATUSES, StaleEdit, date_values, place_values
from incidents.users import LOCAL_USER, PermissionDenied, User

__all__ = [
    "ALREADY",
    "DEFAULT_DB",
    "KEEP",
    "LOCAL_USER",
    "REVIEW_STATUSES",
    "IncidentRecord",
    "IngestResult",
    "PermissionDenied",
    "ReportLine",
    "SchemaError",
    "StaleEdit",
    "Store",
    "User",
    "date_values",
    "default_url",
    "new_incident_id",
    "place_values",
]
