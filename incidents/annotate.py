"""The spans a reading used, for the article view: places, dates, figures, speakers, actors, events.

They come from the reports stored at ingest (extraction runs once per
article); `claim_rows` says for each claim who speaks, which words give the
count, which event it was attached to and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from incidents.model import Article, Report

KINDS = ("place", "date", "figure", "source", "actor", "event")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str


def annotate(article: Article, reports: list[Report] | None = None) -> list[Span]:
    """Every span read into the reports, in text order, without duplicates.

    reports: the article's stored reports; None reads the article afresh (a text not yet stored).
    """
    if reports is None:
        from incidents.pipeline import extract_reports

        reports = extract_reports(article)
    seen: set[tuple[int, int, str]] = set()
    out: list[Span] = []
    n = len(article.text)
    for report in reports:
        for start, end, kind, label in report.spans:
            key = (start, end, kind)
            if kind not in KINDS or key in seen or not 0 <= start < end <= n:
                continue
            seen.add(key)
            out.append(Span(start, end, kind, str(label)))
    return sorted(out, key=lambda s: (s.start, -s.end, s.kind))


def _words(text: str, spans: list[tuple[int, int, str]], kind: str) -> str:
    return "; ".join(dict.fromkeys(text[a:b] for a, b, k in spans if k == kind and 0 <= a < b <= len(text)))


def claim_rows(article: Article, reports: list[Report]) -> list[dict[str, object]]:
    """One row per claim: the speaker's words, the count's words, the event it was attached to and why."""
    rows = []
    for r in reports:
        event = r.sub_event_type or r.event_type or "event"
        when = r.date.best.isoformat() if r.date is not None and r.date.known else "no date"
        where = r.place.name if r.place is not None else "no place"
        for c in r.claims:
            rows.append(
                {
                    "source": c.source,
                    "speaker's words": _words(article.text, c.spans, "source") or c.source_as_reported,
                    "count's words": _words(article.text, c.spans, "figure") or c.count_text,
                    "killed": _range(c.killed_low, c.killed_high),
                    "wounded": _range(c.wounded_low, c.wounded_high),
                    "event": f"{event}, {when}, {where}",
                    "why this event": c.attached or "the event under discussion",
                }
            )
    return rows


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low == high:
        return str(low)
    return f"{'' if low is None else low}-{'' if high is None else high}"
