"""Reports to and from JSON, the form the store keeps them in."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from geo.place import Place
from incidents.model import CasualtyClaim, DateReading, Report


def _day(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def _plain(v: Any) -> Any:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_plain(x) for x in v]
    return v


def report_to_json(report: Report) -> str:
    data = asdict(report)
    data["place"] = report.place.to_dict() if report.place is not None else None
    return json.dumps(_plain(data), separators=(",", ":"))


def _reading(d: dict) -> DateReading:
    return DateReading(
        d["text"],
        d["start"],
        d["end"],
        _day(d["date_start"]),
        _day(d["date_end"]),
        d["precision"],
        d.get("local", False),
        _day(d.get("day")),
        d.get("kind", ""),
    )


def report_from_json(text: str) -> Report:
    data = json.loads(text)
    data["other_dates"] = [_reading(d) for d in data.get("other_dates") or []]
    if data.get("date"):
        data["date"] = _reading(data["date"])
    if data.get("place"):
        names = {f.name for f in fields(Place)}
        data["place"] = Place(**{k: v for k, v in data["place"].items() if k in names})
    claims = []
    for c in data.get("claims", []):
        c["stated_date"] = _day(c.get("stated_date"))
        c["spans"] = [tuple(s) for s in c.get("spans", [])]
        claims.append(CasualtyClaim(**c))
    data["claims"] = claims
    data["published"] = _day(data.get("published"))
    data["spans"] = [tuple(s) for s in data.get("spans", [])]
    names = {f.name for f in fields(Report)}
    return Report(**{k: v for k, v in data.items() if k in names})
