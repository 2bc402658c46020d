"""The Ingest page's steps as plain functions: read -> preview -> commit.

Every failure becomes a message for st.error (file name and reason), never a
traceback: a bad file is skipped and the other files still go through.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

PLACE_COLUMNS = ("incident_id", "location", "location_as_reported", "country", "admin1", "latitude",
                 "longitude", "geo_precision", "where_prec", "geo_uncertainty_km")
# the figures first: an editor checks them before anything else, and they must not hide off to the right
PREVIEW_COLUMNS = ("incident_id", "killed_low", "killed_high", "wounded_low", "wounded_high", "event_date",
                   "sub_event_type", "location", "country", "actor1", "actor2", "sources", "event_type",
                   "time_precision", "number_of_sources")
SUPPORTED_SUFFIXES = ("txt", "html", "htm")


def _reason(error: Exception) -> str:
    return str(error) or type(error).__name__


def articles_from_paste(text: str, *, outlet: str = "", url: str = "", published: str = "",
                        title: str = "") -> tuple[list[Any], list[str]]:
    """The pasted article (or the message saying why it cannot be read)."""
    from incidents.ingest import IngestError, article_from_text

    if not text or not text.strip():
        return [], ["Paste the article's text first."]
    try:
        article = article_from_text(text, outlet=outlet.strip() or None, url=url.strip() or None,
                                    published=published.strip() or None, title=title.strip() or None,
                                    name="pasted article")
    except IngestError as error:
        return [], [f"The pasted text cannot be read: {_reason(error)}"]
    return [article], []


def articles_from_uploads(files: Iterable[tuple[str, bytes]]) -> tuple[list[Any], list[str]]:
    """Articles from (file name, bytes) pairs; one message per file that cannot be read."""
    from incidents.ingest import IngestError, article_from_bytes

    articles, errors = [], []
    for name, data in files:
        if not name.lower().endswith(tuple(f".{s}" for s in SUPPORTED_SUFFIXES)):
            errors.append(f"{name}: not a .txt or .html file")
            continue
        try:
            articles.append(article_from_bytes(name, data))
        except IngestError as error:
            errors.append(_reason(error) if name in _reason(error) else f"{name}: {_reason(error)}")
        except Exception as error:  # a reader bug must not reach the user as a traceback
            errors.append(f"{name}: could not be read ({type(error).__name__})")
    return articles, errors


def preview_tables(articles: list[Any]) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """What would be added: (incidents, claims, error messages); nothing is written."""
    from incidents.pipeline import preview

    try:
        incidents, claims = preview(articles)
    except Exception as error:
        return pd.DataFrame(), pd.DataFrame(), [f"The preview failed: {type(error).__name__}: {error}"]
    return incidents, claims, []


def unplaced_warnings(incidents: pd.DataFrame) -> list[str]:
    """One warning per previewed incident that has no place (it would be missing from the map)."""
    if incidents.empty or "latitude" not in incidents.columns:
        return []
    lat = pd.to_numeric(incidents["latitude"], errors="coerce")
    lon = pd.to_numeric(incidents.get("longitude"), errors="coerce")
    warnings = []
    for row in incidents[lat.isna() | lon.isna()].to_dict("records"):
        what = row.get("sub_event_type") or row.get("event_type") or "incident"
        when = row.get("event_date") or "undated"
        said = row.get("location_as_reported") or row.get("location")
        where = (f"; the text names \u201c{said}\u201d, which the gazetteer could not place" if _filled(said)
                 else "; the text names no place the gazetteer knows")
        warnings.append(f"{row.get('incident_id', '')} ({what}, {when}) has no place{where}. It will be in "
                        "the table but not on the map: correct its place on the Review page after adding it.")
    return warnings


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def places_of(incidents: pd.DataFrame) -> pd.DataFrame:
    """The places the preview found, with their precision and uncertainty."""
    return incidents[[c for c in PLACE_COLUMNS if c in incidents.columns]]


def commit(store: Any, articles: list[Any], user: Any = None) -> tuple[list[str], list[str]]:
    """Ingest as user (default: the local user): (summary lines, error lines), one per article.

    Each article goes in on its own: one that fails is named with its reason and the
    others are still added, so the lines say exactly which files were added.
    """
    from incidents.users import LOCAL_USER, PermissionDenied

    done, failed = [], []
    for article in articles:
        label = getattr(article, "name", "") or getattr(article, "article_id", "article")
        try:
            result = store.ingest_one(article, by=user or LOCAL_USER)
        except PermissionDenied as error:
            return done, [*failed, f"Nothing more was added: {error}."]
        except Exception as error:  # one article's failure is its own line
            failed.append(f"{label}: not added ({type(error).__name__}: {error})")
            continue
        if getattr(result, "error", None):
            failed.append(f"{label}: not added: {result.error}")
            continue
        warnings = list(getattr(result, "warnings", ()) or ())
        if getattr(result, "new", True):
            line = f"{label}: added, {result.incidents} incident(s), {result.claims} claim(s)"
        else:
            line = f"{label}: not added again, {result.incidents} incident(s)"
        done.append(line + (f" — {'; '.join(map(str, warnings))}" if warnings else ""))
    return done, failed
