"""The wording and escaping of the incident popup, detail panel and tooltip."""
from __future__ import annotations

import pandas as pd

from dashboard.popups import figure_range, incident_html, tooltip_text, when_text


def test_figure_range_follows_the_schema_convention():
    assert figure_range(4, 4) == "4"
    assert figure_range(5, None) == "at least 5"
    assert figure_range(None, 10) == "up to 10"
    assert figure_range(10, 12) == "10-12"
    assert figure_range(None, pd.NA) == "unknown"
    assert figure_range(0, 0) == "0"


def test_imprecise_dates_say_about():
    assert when_text({"event_date": "2021-06-28", "time_precision": 1}) == "2021-06-28"
    week = when_text({"event_date": "2021-06-28", "time_precision": 2, "date_start": "2021-06-27",
                      "date_end": "2021-07-03"})
    assert week.startswith("about 2021-06-28") and "2021-06-27 to 2021-07-03" in week


def test_popup_lists_every_source_and_says_when_they_disagree(generated):
    incidents, claims = generated
    disputed = incidents[incidents["claims_disputed"]].iloc[0]
    mine = claims[claims["incident_id"] == disputed["incident_id"]]
    html = incident_html(disputed.to_dict(), mine)
    assert "Sources disagree" in html
    assert html.count("<tr>") == len(mine) + 1
    for source in mine["source"]:
        assert source in html


def test_article_strings_are_escaped(hostile):
    incidents, claims = hostile
    html = incident_html(incidents.iloc[0].to_dict(), claims)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html  # a non-http link is shown as text, never as href


def test_tooltip_starts_with_the_incident_id(generated):
    incidents, _ = generated
    row = incidents.iloc[0].to_dict()
    assert tooltip_text(row).startswith(f"{row['incident_id']} · ")
