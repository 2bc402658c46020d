"""The article text as escaped HTML with its extracted spans highlighted.

Spans come from the reports stored at ingest (incidents.annotate: start, end,
kind, label); the text between and inside them is html-escaped, so an article
holding markup shows as text. Nothing is extracted again here.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

SPAN_COLORS = {
    "place": "#cde8ff", "date": "#ffe9b3", "figure": "#ffc9c9", "source": "#d9f2d0",
    "actor": "#e8dcff", "event": "#ffd9f0",
}
CSS = (
    "<style>.article-text{white-space:pre-wrap;font:15px/1.6 serif;max-width:60em}"
    ".article-text mark{padding:0 2px;border-radius:3px}"
    + "".join(f".article-text mark.span-{kind}{{background:{color}}}" for kind, color in SPAN_COLORS.items())
    + "</style>"
)


def _field(span: Any, name: str, index: int) -> Any:
    return getattr(span, name) if hasattr(span, name) else span[index]


def highlighted_html(text: str, spans: Iterable[Any]) -> str:
    """Escaped text with <mark class="span-KIND" title="KIND: LABEL"> around each span.

    Overlapping spans keep the one that starts first (then the longer one).
    """
    ordered = sorted(((int(_field(s, "start", 0)), int(_field(s, "end", 1)), str(_field(s, "kind", 2)),
                       str(_field(s, "label", 3) or "")) for s in spans), key=lambda s: (s[0], -s[1]))
    parts, cursor = [], 0
    for start, end, kind, label in ordered:
        if start < cursor or end <= start or end > len(text):
            continue
        parts.append(html.escape(text[cursor:start]))
        css_kind = kind if kind in SPAN_COLORS else "other"
        title = html.escape(f"{kind}: {label}" if label else kind, quote=True)
        parts.append(f'<mark class="span-{css_kind}" title="{title}">{html.escape(text[start:end])}</mark>')
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return f'{CSS}<div class="article-text">{"".join(parts)}</div>'


def legend_html() -> str:
    """The colour key for the span kinds."""
    keys = "".join(f'<mark class="span-{kind}">{kind}</mark> ' for kind in SPAN_COLORS)
    return f'{CSS}<div class="article-text" style="white-space:normal">{keys}</div>'


def stored_reading(store: Any, article: Any) -> tuple[list, list, list[dict]]:
    """(reports, spans, claim rows) of an article as stored at ingest; empty when none are stored."""
    from incidents.annotate import annotate, claim_rows

    reports = store.reports_of(article.article_id)
    if not reports:
        return [], [], []
    return reports, annotate(article, reports), claim_rows(article, reports)
