"""Export: incidents.csv + claims.csv (SCHEMA.md) and GeoJSON.

CSV cells that a spreadsheet would run as a formula (starting with = + - @,
a tab or a carriage return, at the start of the cell or of any line in it)
get a leading single quote; plain numbers are left as numbers. A cell holding
a line break of either kind (CR or LF) is quoted, so a row never splits.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from pathlib import Path
from typing import Any

import pandas as pd

from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS

_DANGER = ("=", "+", "-", "@", "\t", "\r")
_LINE_DANGER = re.compile(r"([\r\n])([=+\-@\t])")  # a formula at the start of a line inside a cell


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return s.strip() == s and s.lower() not in {"nan", "inf", "-inf", "+inf", "infinity", "-infinity"}


def cell(value: Any) -> str:
    """One CSV cell: empty for missing, integers without '.0', formulas neutralised."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if "\n" in text or "\r" in text:
        text = _LINE_DANGER.sub(r"\1'\2", text)
    if text.startswith(_DANGER) and not _is_number(text):
        return "'" + text
    return text


def _column_cells(series: pd.Series) -> list[str]:
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        return series.astype(str).tolist()
    return [cell(v) for v in series.tolist()]


def _rows_with_cr(cols: list[list[str]]) -> set[int]:
    """Rows with a carriage return in a cell: csv.writer quotes LF (its line ending) but not a bare CR."""
    return {i for col in cols if "\r" in "\x00".join(col) for i, v in enumerate(col) if "\r" in v}


def csv_text(df: pd.DataFrame, columns) -> str:
    """The CSV of df: header order = columns (missing ones empty), LF line endings."""
    columns = list(columns)
    n = len(df)
    cols = [_column_cells(df[c]) if c in df.columns else [""] * n for c in columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    rows = list(zip(*cols, strict=True))
    odd = _rows_with_cr(cols)
    if not odd:
        writer.writerows(rows)
        return out.getvalue()
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)  # every cell of such a row quoted
    for i, row in enumerate(rows):
        (quoted if i in odd else writer).writerow(row)
    return out.getvalue()


def write_csv(incidents_df: pd.DataFrame, claims_df: pd.DataFrame, out_dir) -> list[Path]:
    """incidents.csv and claims.csv in out_dir (created); written whole or not at all."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df, columns in (
        ("incidents.csv", incidents_df, INCIDENT_COLUMNS),
        ("claims.csv", claims_df, CLAIM_COLUMNS),
    ):
        path = out / name
        tmp = path.with_suffix(".csv.tmp")
        tmp.write_text(csv_text(df, columns), encoding="utf-8", newline="")
        tmp.replace(path)
        paths.append(path)
    return paths


def _json_value(v: Any) -> Any:
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item"):
        return v.item()
    return v


def to_geojson(incidents_df: pd.DataFrame, claims_df: pd.DataFrame) -> dict:
    """A FeatureCollection: one Point per incident, properties = columns + "claims"."""
    by_incident: dict[str, list[dict]] = {}
    claim_cols = [c for c in CLAIM_COLUMNS if c in claims_df.columns]
    for row in claims_df[claim_cols].itertuples(index=False, name=None):
        rec = {k: _json_value(v) for k, v in zip(claim_cols, row, strict=True)}
        by_incident.setdefault(rec["incident_id"], []).append(rec)
    props_cols = [c for c in INCIDENT_COLUMNS if c in incidents_df.columns]
    features = []
    for rec in incidents_df.to_dict("records"):
        props = {k: _json_value(rec.get(k)) for k in props_cols}
        area = rec.get("geometry")
        props["area"] = json.loads(area) if isinstance(area, str) and area else None
        props["claims"] = by_incident.get(props["incident_id"], [])
        lat, lon = props.get("latitude"), props.get("longitude")
        geometry = (
            {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        )
        features.append(
            {"type": "Feature", "id": props["incident_id"], "geometry": geometry, "properties": props}
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(incidents_df: pd.DataFrame, claims_df: pd.DataFrame, out_dir) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "incidents.geojson"
    tmp = path.with_suffix(".geojson.tmp")
    tmp.write_text(json.dumps(to_geojson(incidents_df, claims_df), ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    return [path]
