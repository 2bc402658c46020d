"""Fixtures of the dashboard tests: small generated tables and a hostile article row."""
from __future__ import annotations

import pandas as pd
import pytest

from bench.generate import generate_incidents
from dashboard.data import Tables, tables_from_frames

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="session")
def generated() -> tuple[pd.DataFrame, pd.DataFrame]:
    """200 generated incidents and their claims (SCHEMA layout)."""
    return generate_incidents(200, seed=11)


@pytest.fixture
def tables(generated) -> Tables:
    incidents, claims = generated
    return tables_from_frames(incidents.copy(), claims.copy())


@pytest.fixture
def hostile(generated) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One incident whose article-derived strings carry markup and a script."""
    incidents, claims = (frame.head(1).copy() for frame in generated)
    claims = claims[claims["incident_id"] == incidents.iloc[0]["incident_id"]].copy()
    for column in ("location", "location_as_reported", "actor1", "notes", "admin1", "weapon"):
        incidents[column] = HOSTILE
    for column in ("source", "outlet", "victim_group", "quote"):
        claims[column] = HOSTILE
    claims["article_url"] = "javascript:alert(1)"
    return incidents, claims


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (the browser tests)."""
    from playwright.sync_api import sync_playwright

    from bench.browser_bench import launch_chromium

    with sync_playwright() as pw:
        chromium = launch_chromium(pw)
        yield chromium
        chromium.close()
