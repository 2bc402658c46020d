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


def test_commit_says_exactly_which_files_were_added(sqlite_store):
    """One article that fails (a store error, an out-of-range date) never hides the ones that went in."""
    from dashboard.ingest_flow import commit
    from incidents.ingest import article_from_text

    good = article_from_text("Gunmen killed five villagers in Kano on Monday, police said.",
                             published="2024-03-06", name="good.txt")
    odd = article_from_text("A bomb killed three soldiers in Mosul on 9999-12-31, the army said.",
                            published="9999-12-31", name="placeholder-date.txt")
    boom = article_from_text("Rockets hit the base in Erbil on Tuesday, officials said.",
                             published="2024-03-05", name="boom.txt")
    real = sqlite_store.ingest_one

    def flaky(article, **kw):
        if article.name == "boom.txt":
            raise OverflowError("date value out of range")
        return real(article, **kw)

    sqlite_store.ingest_one = flaky
    done, failed = commit(sqlite_store, [good, boom, odd])
    assert [line.split(":")[0] for line in done] == ["good.txt", "placeholder-date.txt"]
    assert all(": added," in line for line in done)
    assert failed == ["boom.txt: not added (OverflowError: date value out of range)"]
    assert len(sqlite_store.articles_frame()) == 2
