"""The pipeline as two calls: an article's reports, and a dry-run preview."""

from __future__ import annotations

import pandas as pd

from incidents.extract import extract
from incidents.model import Article, Report


def extract_reports(article: Article) -> list[Report]:
    """What the article says about each event it reports (pure: nothing stored)."""
    return extract(article)


def warm_up() -> None:
    """Load now what the reader otherwise loads on its first article, once per process: the place
    gazetteer, the curated name lists and the country shapes (its modules and their patterns are
    loaded by importing this one). A long-running process may call it at start; the ingest bench
    does, and shows its time apart from the articles'."""
    import geo
    from geo import shapes
    from incidents import lexicon

    geo.load_gazetteer()
    lexicon.actors()
    lexicon.sources()
    shapes.country_shapes()


def preview(articles: list[Article]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(incidents, claims) in SCHEMA layout as these articles alone would give; nothing written."""
    from incidents.store import Store

    store = Store("sqlite://")
    store.ingest(articles)
    return store.incidents_frame(), store.claims_frame()
