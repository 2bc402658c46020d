"""The export layout of ../shared/acceptance/SCHEMA.md as column lists.

incidents.csv and claims.csv keep ACLED/UCDP column names so an analyst can
load our table next to theirs. The store, the exporter, the dashboard and the
bench generator all read these lists; the order is the CSV header order.
"""

INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id",
    "event_date",
    "date_start",
    "date_end",
    "time_precision",
    "event_type",
    "sub_event_type",
    "weapon",
    "actor1",
    "actor2",
    "country",
    "country_code",
    "admin1",
    "location",
    "location_as_reported",
    "latitude",
    "longitude",
    "geo_precision",
    "where_prec",
    "geo_uncertainty_km",
    "place_id",
    "killed_low",
    "killed_high",
    "wounded_low",
    "wounded_high",
    "fatalities",
    "claims_disputed",
    "number_of_sources",
    "sources",
    "article_ids",
    "notes",
    "review_status",
    "updated_at",
)

CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "incident_id",
    "source",
    "source_as_reported",
    "source_type",
    "article_id",
    "outlet",
    "article_url",
    "published",
    "stated_date",
    "killed_low",
    "killed_high",
    "wounded_low",
    "wounded_high",
    "victim_group",
    "count_text",
    "quote",
    "approximate",
    # after SCHEMA's columns: a figure the same source later replaced ("the toll rose to 23")
    "superseded",
)
CLAIM_FLAGS: tuple[str, ...] = ("approximate", "superseded")  # true/false columns

# Extra incident columns that may follow the SCHEMA ones (SCHEMA.md: "More
# columns may follow these"): the GeoJSON geometry of a region or border band.
INCIDENT_EXTRA_COLUMNS: tuple[str, ...] = ("geometry",)

SOURCE_TYPES: tuple[str, ...] = (
    "monitor",
    "state media",
    "government",
    "armed group",
    "local sources",
    "medical",
    "media",
    "unattributed",
)
VICTIM_GROUPS: tuple[str, ...] = ("civilians", "combatants", "mixed", "unknown")
