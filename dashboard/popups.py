"""Escaped HTML and short texts describing one incident and its sources.

The map builds its popups in the browser (static/dashboard/incident_layer.js,
text nodes only). This module gives the same wording on the server side: the
detail panel under the table, the "when"/"killed" phrases, and the tooltip.
Every value that came from an article passes through html.escape.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import pandas as pd

PRECISION_WORDS = {2: "within a week", 3: "within the month"}


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def _number(value: Any) -> int | None:
    number = pd.to_numeric(value, errors="coerce")
    return None if pd.isna(number) else int(number)


def figure_range(low: Any, high: Any) -> str:
    """The low/high convention of SCHEMA.md in words: 4, at least 5, up to 10, 10-12, unknown."""
    lo, hi = _number(low), _number(high)
    if lo is None and hi is None:
        return "unknown"
    if hi is None:
        return f"at least {lo}"
    if lo is None:
        return f"up to {hi}"
    return str(lo) if lo == hi else f"{lo}-{hi}"


def when_text(incident: Mapping[str, Any]) -> str:
    """The date with its precision: 'about ...' for week/month precision."""
    date = _text(incident.get("event_date")) or "date unknown"
    precision = _number(incident.get("time_precision"))
    if precision in PRECISION_WORDS:
        span = f"{_text(incident.get('date_start'))} to {_text(incident.get('date_end'))}"
        return f"about {date} ({PRECISION_WORDS[precision]}, {span})"
    return date


def where_text(incident: Mapping[str, Any]) -> str:
    """The place, the phrase the text used, the region and the uncertainty radius."""
    place = _text(incident.get("location")) or "place unknown"
    reported = _text(incident.get("location_as_reported"))
    region = ", ".join(p for p in (_text(incident.get("admin1")), _text(incident.get("country"))) if p)
    text = place + (f" (reported as \u201c{reported}\u201d)" if reported else "")
    text += f", {region}" if region else ""
    km = pd.to_numeric(incident.get("geo_uncertainty_km"), errors="coerce")
    return text + ("" if pd.isna(km) else f" \u00b1{float(km):g} km")


def tooltip_text(incident: Mapping[str, Any]) -> str:
    """A one-line tooltip (plain text: escape it before putting it in HTML)."""
    kind = _text(incident.get("sub_event_type")) or _text(incident.get("event_type"))
    about = "about " if (_number(incident.get("time_precision")) or 1) > 1 else ""
    killed = figure_range(incident.get("killed_low"), incident.get("killed_high"))
    return (f"{_text(incident.get('incident_id'))} · {kind} · {_text(incident.get('location'))} · "
            f"{about}{_text(incident.get('event_date'))} · killed {killed}")


def is_disputed(incident: Mapping[str, Any]) -> bool:
    value = incident.get("claims_disputed")
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value) and not pd.isna(value)


def _link(outlet: str, url: str) -> str:
    label = html.escape(outlet or "article")
    if url.lower().startswith(("http://", "https://")):
        href = html.escape(url, quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{label}</a>'
    return label


def claims_table_html(claims: pd.DataFrame) -> str:
    """The per-source table: source, stated date, killed, wounded, victims, article."""
    head = "".join(f"<th>{h}</th>" for h in ("Source", "Stated date", "Killed", "Wounded", "Victims",
                                              "Article"))
    rows = []
    for claim in claims.to_dict("records"):
        cells = (
            html.escape(_text(claim.get("source"))),
            html.escape(_text(claim.get("stated_date")) or "-"),
            figure_range(claim.get("killed_low"), claim.get("killed_high")),
            figure_range(claim.get("wounded_low"), claim.get("wounded_high")),
            html.escape(_text(claim.get("victim_group"))),
            _link(_text(claim.get("outlet")), _text(claim.get("article_url"))),
        )
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f'<table class="incident-claims"><tr>{head}</tr>{"".join(rows)}</table>'


def incident_html(incident: Mapping[str, Any], claims: pd.DataFrame) -> str:
    """What happened, where, when, the figures, a dispute line, then the per-source table."""
    kind = _text(incident.get("sub_event_type")) or _text(incident.get("event_type"))
    weapon = _text(incident.get("weapon"))
    actors = " against ".join(a for a in (_text(incident.get("actor1")), _text(incident.get("actor2"))) if a)
    lines = [f"<b>{html.escape(kind + (f' ({weapon})' if weapon else ''))}</b>"]
    if actors:
        lines.append(f"<div>{html.escape(actors)}</div>")
    lines.append(f"<div>Where: {html.escape(where_text(incident))}</div>")
    lines.append(f"<div>When: {html.escape(when_text(incident))}</div>")
    killed = figure_range(incident.get("killed_low"), incident.get("killed_high"))
    wounded = figure_range(incident.get("wounded_low"), incident.get("wounded_high"))
    lines.append(f"<div>Killed: {killed}; wounded: {wounded}</div>")
    if is_disputed(incident):
        lines.append('<div class="incident-disputed">Sources disagree on the figures.</div>')
    notes = _text(incident.get("notes"))
    if notes:
        lines.append(f"<div><i>{html.escape(notes)}</i></div>")
    lines.append(claims_table_html(claims))
    return '<div class="incident-popup">' + "".join(lines) + "</div>"
