"""The downloads of the filtered set: incidents.csv, claims.csv (SCHEMA.md) and GeoJSON.

incidents.export does the real work (its csv_text neutralises cells that a
spreadsheet would run as formulas); this module only picks the rows.
"""
from __future__ import annotations

import json

import pandas as pd

from incidents.export import csv_text, to_geojson
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS


def incidents_csv(incidents: pd.DataFrame) -> str:
    """incidents.csv of these incidents, SCHEMA columns in SCHEMA order."""
    return csv_text(incidents, INCIDENT_COLUMNS)


def claims_csv(claims: pd.DataFrame) -> str:
    """claims.csv of these claims, SCHEMA columns in SCHEMA order."""
    return csv_text(claims, CLAIM_COLUMNS)


def incidents_geojson(incidents: pd.DataFrame, claims: pd.DataFrame) -> str:
    """The incidents (with their claims) as a GeoJSON FeatureCollection text."""
    return json.dumps(to_geojson(incidents, claims), ensure_ascii=False, default=str)
