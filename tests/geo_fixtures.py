"""Shared pytest fixtures of the geo tests (imported by tests/test_geo_*.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture(scope="session")
def gazetteer():
    """The gazetteer, built into data/cache/ once (later sessions load the cache)."""
    from geo.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def seed_mentions(gazetteer):
    """find_places over each seed article: {file stem prefix "000": (text, mentions)}."""
    from geo.recognizer import find_places

    out = {}
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, find_places(text, gazetteer=gazetteer))
    return out
