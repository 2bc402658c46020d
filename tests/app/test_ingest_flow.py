"""The Ingest page's steps: bad files give messages, good ones become articles."""
from __future__ import annotations

from dashboard.ingest_flow import articles_from_paste, articles_from_uploads

GOOD = (b"url: https://example.org/a\noutlet: Example\npublished: 2021-06-28\n\n"
        b"US aircraft struck a site near Al-Qaim.")


def test_bad_uploads_get_one_clear_message_each_and_good_ones_still_go_through():
    files = [("good.txt", GOOD), ("empty.txt", b""), ("binary.txt", b"\x00\x01\x02" * 50),
             ("photo.png", b"\x89PNG....")]
    articles, errors = articles_from_uploads(files)
    assert len(articles) == 1 and articles[0].outlet == "Example"
    assert len(errors) == 3
    assert any(e.startswith("empty.txt") for e in errors)
    assert any(e.startswith("binary.txt") for e in errors)
    assert any(e.startswith("photo.png") and "not a .txt or .html" in e for e in errors)
    assert not any("Traceback" in e for e in errors)


def test_paste_takes_the_metadata_fields():
    articles, errors = articles_from_paste("Two rockets hit the base on Monday.", outlet="Wire",
                                           url="https://example.org/b", published="2021-02-16")
    assert errors == [] and articles[0].outlet == "Wire" and str(articles[0].published) == "2021-02-16"


def test_empty_paste_is_a_message():
    articles, errors = articles_from_paste("   ")
    assert articles == [] and errors
