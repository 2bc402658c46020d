"""The wording and escaping of the incident popup, detail panel and tooltip."""
from __future__ import annotations

import pandas as pd

from dashboard.popups import (
    claims_table_html,
    disagreement_text,
    figure_range,
    incident_html,
    source_rows,
    tooltip_text,
    url_domain,
    when_text,
)


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


def test_one_row_per_source_and_figures_with_its_articles():
    claims = pd.DataFrame([
        {"source": "Health ministry", "killed_low": 4, "killed_high": 4, "article_id": "a1", "outlet": "Wire",
         "article_url": "https://wire.example/1"},
        {"source": "Health ministry", "killed_low": 4, "killed_high": 4, "article_id": "a2", "outlet": "",
         "article_url": "https://www.daily.example/story"},
        {"source": "Health ministry", "killed_low": 6, "killed_high": 6, "article_id": "a3", "outlet": "Wire",
         "article_url": ""},
    ])
    html = claims_table_html(claims)
    assert html.count("<tr>") == 3  # header, 4 killed (two articles), 6 killed
    assert "<b>2 articles</b>" in html and ">daily.example</a>" in html and ">Wire</a>" in html


def test_no_figures_says_so_and_links_the_articles():
    claims = pd.DataFrame([{"source": "police", "killed_low": None, "killed_high": None, "article_id": "a1",
                            "outlet": "", "article_url": "https://news.example/x"}])
    html = incident_html({"event_type": "Riots", "location": "X"}, claims)
    assert "No casualty figures reported." in html and "incident-claims" not in html
    assert 'href="https://news.example/x"' in html


def test_disagreeing_sources_are_named_with_their_figures(generated):
    incidents, claims = generated
    disputed = incidents[incidents["claims_disputed"]].iloc[0]
    mine = claims[claims["incident_id"] == disputed["incident_id"]]
    rows = source_rows(mine)
    line = disagreement_text(rows)
    assert all(f"{row.source}: " in line for row in rows if row.has_figures and row.killed != "unknown")
    assert url_domain("https://www.example.org/a") == "example.org" and url_domain("javascript:x") == ""
