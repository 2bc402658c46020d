"""Odd and hostile files: each case named, each with what a user would check (issue 11, points 3-7).

Nothing stalls, nothing is lost in silence: a file that cannot be read is
that file's message and the others still go in; a repair (a replaced byte,
a guessed encoding, a removed NUL) is a warning on the article.
"""

from __future__ import annotations

import contextlib
import os
import time
import tracemalloc
from datetime import date

import pytest

from incidents.decode import clean
from incidents.ingest import IngestError, Skipped, article_from_bytes, article_from_text, read_paths
from incidents.limits import FIRST_YEAR, last_year
from incidents.manifest import parse

STORY = "Gunmen killed five villagers in Kano on Monday, police said. Two more were wounded."


def _by_name(items) -> dict:
    return {os.path.basename(name): item for name, item in items}


# ---- point 3: calendar edges ------------------------------------------------------------------


@pytest.mark.parametrize(
    "published", ["9999-12-31", "0001-01-01", "1899-12-31", date(9999, 12, 31), date(1, 1, 1)]
)
def test_out_of_range_published_date_is_a_warning_and_unknown(published):
    a = article_from_text(STORY, published=published)
    assert a.published is None
    assert any("outside" in w and str(FIRST_YEAR) in w for w in a.warnings), a.warnings


def test_next_year_is_still_a_date_the_year_after_is_not():
    assert article_from_text(STORY, published=f"{last_year()}-01-01").published == date(last_year(), 1, 1)
    assert article_from_text(STORY, published=f"{last_year() + 1}-01-01").published is None


@pytest.mark.parametrize(
    "stated", ["on 9999-12-31", "on December 31, 9999", "on 3 January 0001", "on 0001-01-03"]
)
def test_text_date_in_a_silly_year_is_unknown_not_an_exception(stated, sqlite_store):
    text = f"Gunmen killed five villagers in Kano {stated}, police said."
    a = article_from_text(text, published="2024-03-04")
    assert any("outside" in w for w in a.warnings), a.warnings
    result = sqlite_store.ingest_one(a)
    assert result.error is None
    for r in sqlite_store.claims_frame().itertuples():
        assert not r.stated_date or FIRST_YEAR <= int(r.stated_date[:4]) <= last_year()


def test_folder_with_a_placeholder_date_reads_every_file(tmp_path):
    (tmp_path / "a.txt").write_text(f"published: 9999-12-31\n\n{STORY}")
    (tmp_path / "b.txt").write_text(f"published: 2024-03-04\n\n{STORY} Later, the army said.")
    got = _by_name(read_paths([tmp_path]))
    assert got["a.txt"].published is None and got["b.txt"].published == date(2024, 3, 4)


# ---- point 4: manifests -----------------------------------------------------------------------


def _manifest_folder(tmp_path, data: bytes):
    (tmp_path / "manifest.csv").write_bytes(data)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{STORY} ({name})")
    return _by_name(read_paths([tmp_path]))


def test_manifest_saved_by_excel_in_cp1252_is_read_with_a_warning(tmp_path):
    data = "file,url,outlet,published\na.txt,http://x/a,Le Monde \u2013 \u00e9dition,2024-03-04\n"
    got = _manifest_folder(tmp_path, data.encode("cp1252"))
    a = got["a.txt"]
    assert a.outlet == "Le Monde \u2013 \u00e9dition"
    assert any("Windows-1252" in w for w in a.warnings)


def test_manifest_with_a_byte_order_mark(tmp_path):
    got = _manifest_folder(tmp_path, "\ufefffile,outlet\nb.txt,Reuters\n".encode())
    assert got["b.txt"].outlet == "Reuters" and not got["b.txt"].warnings


def test_manifest_unclosed_quote_is_reported_by_line_and_later_rows_still_count(tmp_path):
    data = b'file,outlet\na.txt,"Reuters\nb.txt,AP\nc.txt,AFP\n'
    got = _manifest_folder(tmp_path, data)
    problem = got["manifest.csv"]
    assert isinstance(problem, IngestError) and "line 2" in str(problem) and "quote" in str(problem)
    assert got["b.txt"].outlet == "AP" and got["c.txt"].outlet == "AFP"
    assert got["a.txt"].outlet == ""  # its row was not read: the file still goes in


def test_manifest_rows_with_wrong_field_counts_are_named_by_line():
    m = parse("file,url,outlet\na.txt,u\nb.txt,u,o\nc.txt,u,o,extra\n")
    assert set(m.rows) == {"b.txt"}
    assert [p.split(":")[0] for p in m.problems] == ["manifest.csv line 2", "manifest.csv line 4"]


def test_manifest_without_a_file_column_says_so():
    m = parse("name,outlet\na.txt,AP\n")
    assert not m.rows and "no 'file' column" in m.problems[0]


# ---- point 5: encodings -----------------------------------------------------------------------


def test_one_invalid_byte_in_utf8_is_replaced_and_reported_not_mojibake():
    raw = "Caf\u00e9 bomb in Sana\u2019a: three killed, police said.".encode() + b"\xff more text."
    a = article_from_bytes("a.txt", raw)
    assert "Caf\u00e9" in a.text and "\ufffd" in a.text and "\u00c3" not in a.text
    assert any("1 invalid UTF-8 byte" in w for w in a.warnings)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_files_with_or_without_a_mark_are_text(codec):
    a = article_from_bytes("a.txt", f"Caf\u00e9 bomb: {STORY}".encode(codec))
    assert a.text.startswith("Caf\u00e9 bomb: Gunmen killed five")


def test_single_byte_file_is_read_with_a_warning():
    a = article_from_bytes("a.txt", f"Caf\u00e9 bomb: {STORY}".encode("cp1252"))
    assert "Caf\u00e9" in a.text and any("not UTF-8" in w and "Windows-1252" in w for w in a.warnings)


def test_cyrillic_single_byte_file_is_not_read_as_latin():
    text = "В городе Кано погибли пять человек, сообщила полиция."
    a = article_from_bytes("a.txt", text.encode("cp1251"))
    assert a.text == text and any("Windows-1251" in w for w in a.warnings)


def test_random_bytes_without_nul_are_refused_as_binary():
    data = bytes(b for b in os.urandom(20_000) if b)
    with pytest.raises(IngestError, match="binary"):
        article_from_bytes("noise.txt", data)


# ---- point 7: NUL and control characters ------------------------------------------------------


def test_nul_after_the_first_4_kb_is_removed_and_stored_on_every_database(store):
    text = STORY + " " + "Residents said the attack lasted an hour. " * 120 + "\x00\x01 The army said."
    assert text.index("\x00") > 4096
    a = article_from_bytes("a.txt", text.encode(), outlet="AP\x00 wire")
    assert "\x00" not in a.text and "\x01" not in a.text and a.outlet == "AP wire"
    assert any("control character" in w for w in a.warnings)
    result = store.ingest_one(a)
    assert result.error is None
    assert "\x00" not in store.article(a.article_id).text


def test_pasted_text_loses_control_characters_keeps_lines_and_tabs():
    out, removed = clean("a\x00b\tc\nd\x0ce\x1bf\ufeff")
    assert out == "ab\tc\nd\nef" and removed == 3


def test_file_name_with_undecodable_bytes_is_stored_readably(tmp_path):
    name = os.fsdecode(b"report-\xff.txt")
    (tmp_path / name).write_text(STORY)
    [(shown, a)] = list(read_paths([tmp_path]))
    assert "\ufffd" in shown and a.name == "report-\ufffd.txt"
    a.name.encode("utf-8")  # no lone surrogate left: both databases accept it


# ---- point 6: symbolic links ------------------------------------------------------------------


def test_link_out_of_the_folder_is_not_followed_and_said(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    outside = tmp_path / "secret.txt"
    outside.write_text("a secret kept outside the folder given")
    (folder / "secret.txt").symlink_to(outside)
    got = _by_name(read_paths([folder]))
    for name in ("passwd.txt", "secret.txt"):
        assert isinstance(got[name], IngestError) and "outside the folder" in str(got[name])
    assert got["a.txt"].text == STORY


def test_dangling_link_is_reported(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    got = _by_name(read_paths([tmp_path]))
    assert isinstance(got["gone.txt"], IngestError) and "dangling" in str(got["gone.txt"])


def test_link_inside_the_folder_is_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(STORY)
    (tmp_path / "again").symlink_to(tmp_path / "sub")
    got = list(read_paths([tmp_path]))
    assert [os.path.basename(n) for n, _ in got] == ["a.txt"]  # the folder is read once


def test_a_file_that_is_not_an_article_is_named_as_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    assert isinstance(_by_name(read_paths([tmp_path], skipped=True))["photo.jpg"], Skipped)
    assert "photo.jpg" not in _by_name(read_paths([tmp_path]))  # library callers get articles and errors


def test_a_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    got = _by_name(read_paths([tmp_path]))
    assert isinstance(got["pipe.txt"], IngestError) and "not a regular file" in str(got["pipe.txt"])


# ---- HTML: a bounded parser -------------------------------------------------------------------


def test_deeply_nested_page_is_read_in_bounded_time_and_memory():
    depth = 400_000  # 4.8 MB: a tree parser took 112 s and 1.3 GB on such a page
    page = b"<html><body>" + b"<div>" * depth + f"<p>{STORY}</p>".encode() + b"</div>" * depth
    tracemalloc.start()
    start = time.process_time()
    a = article_from_bytes("deep.html", page)
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert STORY in a.text
    assert seconds < 20 and peak < 200e6, (seconds, peak)


@pytest.mark.parametrize(
    "junk", ["<a" * 100_000, "<" * 200_000, '<a b="' * 50_000, "<!--" + "x" * 200_000, "&#" * 100_000]
)
def test_malformed_markup_is_linear(junk):
    page = f"<html><body><p>{STORY}</p>{junk}</body></html>".encode()
    start = time.process_time()
    with contextlib.suppress(IngestError):
        article_from_bytes("junk.html", page)
    assert time.process_time() - start < 10


def test_page_blocks_and_metadata():
    page = (
        b'<html><head><title>Attack</title><meta property="og:site_name" content="Daily\r=cmd">'
        b'<meta property="article:published_time" content="2024-03-04T08:00:00Z">'
        b'<link rel="canonical" href="https://example.org/a"></head><body><nav><p>Home</p></nav>'
        b"<article><h1>Five killed</h1><p>Gunmen <b>killed</b> five<br>villagers.</p><ul><li>One</li></ul>"
        b"</article><footer><p>Copyright</p></footer></body></html>"
    )
    a = article_from_bytes("p.html", page)
    assert a.text == "Five killed\n\nGunmen killed five villagers.\n\nOne"
    assert (a.title, a.outlet, a.url, a.published) == ("Attack", "Daily =cmd", "https://example.org/a",
                                                      date(2024, 3, 4))


# ---- point 8 (short articles) and point 9 ---------------------------------------------------------


@pytest.mark.parametrize(
    "ending", [" \U0001f622", " #Kano", "...", "\u2026", " \U0001f64f\U0001f3fd", " \u2764\ufe0f"]
)
def test_a_short_article_is_read_whatever_it_ends_with(ending):
    from incidents.pipeline import extract_reports

    text = "Gunmen killed five villagers in Kano on Monday, police said" + ending
    [report] = extract_reports(article_from_text(text, published="2024-03-06"))
    assert [(c.source, c.killed_low) for c in report.claims] == [("police", 5)]


def test_a_heading_above_an_article_is_still_a_heading():
    from incidents.text import sentences

    assert len(sentences("Five killed in Kano\n\nGunmen killed five villagers, police said.")) == 1


def test_the_app_listens_on_this_machine_only_and_its_upload_limit_is_the_readers():
    import tomllib
    from pathlib import Path

    from incidents.limits import MAX_FILE_MB

    path = Path(__file__).resolve().parent.parent / ".streamlit" / "config.toml"
    config = tomllib.loads(path.read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] == MAX_FILE_MB


def test_a_page_in_its_declared_single_byte_charset():
    body = "<p>В городе Кано погибли пять человек, сообщила полиция.</p>"
    page = f'<html><head><meta charset="windows-1251"></head><body>{body}</body></html>'.encode("cp1251")
    a = article_from_bytes("p.html", page)
    assert a.text == "В городе Кано погибли пять человек, сообщила полиция."
    assert any("Windows-1251" in w for w in a.warnings)
