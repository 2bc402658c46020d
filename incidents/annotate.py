"""The spans extraction used, for the article view (places, dates, figures, sources, actors, events)."""

from __future__ import annotations

from dataclasses import dataclass

from incidents.model import Article
from incidents.pipeline import extract_reports

KINDS = ("place", "date", "figure", "source", "actor", "event")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str


def annotate(article: Article) -> list[Span]:
    """Every span the extraction read into a report, in text order, without duplicates."""
    seen: set[tuple[int, int, str]] = set()
    out: list[Span] = []
    n = len(article.text)
    for report in extract_reports(article):
        for start, end, kind, label in report.spans:
            key = (start, end, kind)
            if kind not in KINDS or key in seen or not 0 <= start < end <= n:
                continue
            seen.add(key)
            out.append(Span(start, end, kind, str(label)))
    return sorted(out, key=lambda s: (s.start, -s.end, s.kind))
