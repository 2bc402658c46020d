"""Reading articles: headers, manifests, encodings, HTML, and bad input."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from incidents.ingest import MAX_BYTES, IngestError, article_from_bytes, article_from_text, read_paths

TEXT = "A roadside bomb killed three soldiers near Mosul on Monday, officials said."


def test_header_lines_become_metadata_and_leave_the_text():
    a = article_from_text(
        f"url: http://example.org/a\noutlet: Wire\npublished: 2021-03-01\ntitle: T\n\n{TEXT}"
    )
    assert (a.url, a.outlet, a.published, a.title) == ("http://example.org/a", "Wire", date(2021, 3, 1), "T")
    assert a.text == TEXT


def test_text_without_header_is_kept_whole():
    a = article_from_text("Note: this is not a header\n\n" + TEXT)
    assert a.text.startswith("Note: this is not a header")
    assert a.published is None


def test_arguments_win_over_header_and_id_is_content_hash():
    a = article_from_text(f"published: 2021-03-01\n\n{TEXT}", published="2022-01-02", outlet="X")
    b = article_from_text(TEXT + "\n")
    assert a.published == date(2022, 1, 2) and a.outlet == "X"
    assert a.article_id == b.article_id  # same words, same id: re-ingest is a no-op


@pytest.mark.parametrize(
    "text, day",
    [
        ("date 2021-03-14 Militants stormed a police post on Saturday night.", date(2021, 3, 14)),
        ("Posted: April 2, 2019 A roadside bomb hit a bus on Monday.", date(2019, 4, 2)),
        ("Tuesday, 9 May 2023 | Shelling killed three farmers.", date(2023, 5, 9)),
        ("Sept. 4, 2018 Two soldiers died in an ambush.", date(2018, 9, 4)),
    ],
)
def test_a_date_heading_the_text_is_the_page_date_not_a_date_of_the_lead(text, day):
    """A date line glued to the lead (the page's line break lost) is the page's date: it dates the
    page where nothing else does, and the reader never reads it as a day the lead tells of. The text
    is kept whole, so the same file read again is the same article."""
    from incidents.dates import find_dates

    art = article_from_text(text)
    assert art.published == day
    assert art.text == text
    assert [f.reading.date_start for f in find_dates(art.text, 0, art.published)] in (
        [],
        [day - timedelta(1)],
        [day - timedelta(2)],
    )
    again = article_from_bytes("copy.txt", art.text.encode("utf-8"))
    assert (again.article_id, again.published) == (art.article_id, art.published)


def test_a_heading_date_never_overrides_the_manifest_and_a_date_inside_the_lead_stays():
    late = article_from_text("date 2021-03-14 Gunmen fired on a bus.", published="2021-03-15")
    assert late.published == date(2021, 3, 15)
    art = article_from_text("Gunmen fired on a bus on March 14, 2021, police said.")
    assert art.published is None and "March 14, 2021" in art.text
    assert article_from_text("March 14, 2021").published is None  # nothing but a date: no page heading


def test_malformed_published_date_is_a_warning_not_a_guess():
    a = article_from_text(f"published: last Tuesday-ish\n\n{TEXT}")
    assert a.published is None
    assert any("not a date" in w for w in a.warnings)


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-8"])
def test_encodings(encoding):
    raw = "Caf\u00e9 bomb: three killed in Baghdad on Monday, police said.".encode(encoding)
    assert "Caf\u00e9" in article_from_bytes("a.txt", raw).text


def test_cp1252_quotes_are_normalised():
    a = article_from_bytes("a.txt", "\u201cWe will respond,\u201d he said \u2013 today.".encode("cp1252"))
    assert a.text == '"We will respond," he said - today.'


def test_html_page_reduced_to_article_text_without_scripts():
    html = (
        b"<html><head><title>Blast</title><script>var s='killed 500 people';</script></head><body>"
        b"<nav>Home</nav><article><p>A suicide bomber killed 12 people in Kabul on Friday.</p></article>"
        b"<script>document.write('x')</script></body></html>"
    )
    a = article_from_bytes("page.html", html)
    assert a.title == "Blast"
    assert "suicide bomber killed 12" in a.text
    assert "500" not in a.text and "document.write" not in a.text and "Home" not in a.text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00" * 50, "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_bad_bytes_raise_clear_errors(data, message):
    with pytest.raises(IngestError, match=message):
        article_from_bytes("x.txt", data)


def test_too_large_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB (sparse: cheap to make)
    [(name, err)] = list(read_paths([big]))
    assert isinstance(err, IngestError) and "too large" in str(err)
    with pytest.raises(IngestError, match="too large"):
        article_from_bytes("x.txt", b"a" * (MAX_BYTES + 1))


def test_folder_with_manifest_and_missing_files(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,outlet,published\na.txt,http://x/a,Wire,2021-02-26\nmissing.txt,,,\n", encoding="utf-8"
    )
    got = dict(read_paths([tmp_path, tmp_path / "nope.txt"]))
    a = got[str(tmp_path / "a.txt")]
    assert (a.outlet, a.url, a.published) == ("Wire", "http://x/a", date(2021, 2, 26))
    assert isinstance(got["missing.txt"], IngestError) and "missing" in str(got["missing.txt"])
    assert isinstance(got[str(tmp_path / "b.txt")], IngestError)
    assert "no such file" in str(got[str(tmp_path / "nope.txt")])


def test_folders_recurse_and_each_subfolder_has_its_own_manifest(tmp_path):
    (tmp_path / "top.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,url,outlet,published\ntop.txt,http://x/top,Top Wire,2021-02-26\nsame.txt,http://x/wrong,Wrong,2001-01-01\n",
        encoding="utf-8",
    )
    sub = tmp_path / "reuters" / "2024"
    sub.mkdir(parents=True)
    (sub / "same.txt").write_text(TEXT, encoding="utf-8")
    (sub / "page.html").write_text("<p>" + TEXT + "</p>", encoding="utf-8")
    (sub / "manifest.csv").write_text(
        "file,url,outlet,published\nsame.txt,http://x/same,Sub Wire,2024-03-06\n", encoding="utf-8"
    )
    hidden = tmp_path / ".cache"
    hidden.mkdir()
    (hidden / "skip.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # a cycle is read once
    got = dict(read_paths([tmp_path]))
    assert sorted(Path(k).relative_to(tmp_path).as_posix() for k in got if "/" in k) == [
        "reuters/2024/page.html",
        "reuters/2024/same.txt",
        "top.txt",
    ]
    top, same = got[str(tmp_path / "top.txt")], got[str(sub / "same.txt")]
    assert (top.outlet, top.published) == ("Top Wire", date(2021, 2, 26))
    # the subfolder's own manifest, not the parent's row of the same name
    assert (same.outlet, same.url, same.published) == ("Sub Wire", "http://x/same", date(2024, 3, 6))
    assert got[str(sub / "page.html")].outlet in (None, "")
    # the parent's manifest names a file that is not beside it: reported, not silently taken from below
    assert isinstance(got["same.txt"], IngestError)


def test_seed_manifest_gives_published_dates(seed_articles):
    by_name = {a.name: a for a in seed_articles}
    assert by_name["004_2b013bef317bb1f3.txt"].published == date(2021, 2, 26)
    assert by_name["002_82f30dc5765749b0.txt"].published is None
    assert by_name["000_fd23b8c5f29e1d4a.txt"].outlet == "The National"
