"""One event read once: an article's background events stay apart from its main event, and reports
of one event from several pages (dated or not) join (incidents.cluster, incidents.undated)."""

from __future__ import annotations

from datetime import date

from incidents.ingest import article_from_text
from incidents.pipeline import extract_reports


def reports_of(text: str, published: str | None = "2021-09-18"):
    return extract_reports(article_from_text(text, published=published))


def test_an_older_dated_bombing_in_the_background_does_not_date_the_main_event():
    text = (
        "Gunmen set off a bomb in the main bus station of Kandahar, killing at least 14 travellers, "
        "officials said. The station had been hit before. Twenty guards were killed in an explosion "
        "at the city's bus station in April."
    )
    main = reports_of(text)[0]
    assert main.date is not None and main.date.kind == "published" and main.date.precision == 2
    assert main.date.date_end == date(2021, 9, 18)
    assert {c.killed_low for c in main.claims if c.killed_low} == {14}
