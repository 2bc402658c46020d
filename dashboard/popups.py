"""Escaped HTML and short texts describing one incident and its sources.

The map builds its popups in the browser (static/dashboard/incident_layer.js,
text nodes only). This module gives the same wording on the server side: the
detail panel under the table, the "when"/"killed" phrases, and the tooltip.
Every value that came from an article passes through html.escape.
"""
from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

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


def url_domain(url: str) -> str:
    """'https://www.example.org/a/b' -> 'example.org' ('' when it is no web address)."""
    if not url.lower().startswith(("http://", "https://")):
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def article_label(outlet: str, url: str, title: str = "") -> str:
    """How an article is named: its outlet, else its URL's domain, else its title."""
    return outlet or url_domain(url) or title or "unnamed article"


def _link(label: str, url: str) -> str:
    text = html.escape(label)
    if url.lower().startswith(("http://", "https://")):
        href = html.escape(url, quote=True)
        return f'<a href="{href}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return text


@dataclass
class SourceRow:
    """One source and the figures it gives, with every article that reports them."""

    source: str
    killed: str
    wounded: str
    victims: str
    has_figures: bool
    dates: list[str] = field(default_factory=list)
    articles: dict[str, tuple[str, str]] = field(default_factory=dict)  # article id -> (label, url)


_FIGURES = ("killed_low", "killed_high", "wounded_low", "wounded_high")


def source_rows(claims: pd.DataFrame) -> list[SourceRow]:
    """Claims grouped by (source, killed, wounded, victims): one row per source and figures, in order."""
    rows: dict[tuple, SourceRow] = {}
    for n, claim in enumerate(claims.to_dict("records")):
        figures = [_number(claim.get(k)) for k in _FIGURES]
        victims = _text(claim.get("victim_group"))
        key = (_text(claim.get("source")), *figures, victims)
        row = rows.get(key)
        if row is None:
            row = rows[key] = SourceRow(key[0] or "unattributed", figure_range(*figures[:2]),
                                        figure_range(*figures[2:]), victims,
                                        any(v is not None for v in figures))
        date = _text(claim.get("stated_date"))
        if date and date not in row.dates:
            row.dates.append(date)
        url = _text(claim.get("article_url"))
        article_id = _text(claim.get("article_id")) or f"claim-{n}"
        row.articles.setdefault(article_id, (article_label(_text(claim.get("outlet")), url), url))
    return list(rows.values())


def disagreement_text(rows: list[SourceRow]) -> str:
    """'SOHR: 5 · SANA: 1' over the sources that give a killed figure."""
    by_source: dict[str, list[str]] = {}
    for row in rows:
        if row.has_figures and row.killed != "unknown":
            figures = by_source.setdefault(row.source, [])
            if row.killed not in figures:
                figures.append(row.killed)
    return " \u00b7 ".join(f"{source}: {' or '.join(figures)}" for source, figures in by_source.items())


def _articles_html(articles: dict[str, tuple[str, str]]) -> str:
    links = list(dict.fromkeys(_link(label, url) for label, url in articles.values()))
    count = len(articles)
    return f"<b>{count} article{'s' if count != 1 else ''}</b>: " + ", ".join(links)


def claims_table_html(claims: pd.DataFrame) -> str:
    """The per-source table: source, killed, wounded, victims, stated date, articles (count, names)."""
    head = "".join(f"<th>{h}</th>" for h in ("Source", "Killed", "Wounded", "Victims", "Date", "Articles"))
    body = []
    for row in source_rows(claims):
        cells = (html.escape(row.source), row.killed, row.wounded, html.escape(row.victims),
                 html.escape(", ".join(row.dates) or "-"), _articles_html(row.articles))
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f'<table class="incident-claims"><tr>{head}</tr>{"".join(body)}</table>'


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
    rows = source_rows(claims)
    if any(row.has_figures for row in rows):
        killed = figure_range(incident.get("killed_low"), incident.get("killed_high"))
        wounded = figure_range(incident.get("wounded_low"), incident.get("wounded_high"))
        lines.append(f"<div>Killed: {killed}; wounded: {wounded}</div>")
        if is_disputed(incident):
            lines.append('<div class="incident-disputed">Sources disagree \u2014 '
                         f"{html.escape(disagreement_text(rows))}</div>")
        lines.append(claims_table_html(claims))
    else:
        lines.append('<div class="incident-no-figures">No casualty figures reported.</div>')
        sources = list(dict.fromkeys(row.source for row in rows))
        if sources:
            lines.append(f"<div>Sources: {html.escape(', '.join(sources))}</div>")
        articles = {k: v for row in rows for k, v in row.articles.items()}
        if articles:
            lines.append(f"<div>{_articles_html(articles)}</div>")
    notes = _text(incident.get("notes"))
    if notes:
        lines.append(f"<div><i>{html.escape(notes)}</i></div>")
    return '<div class="incident-popup">' + "".join(lines) + "</div>"
