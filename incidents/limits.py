"""The limits a user meets, stated once: the app, the CLI and README show these values.

`.streamlit/config.toml`'s `server.maxUploadSize` must equal MAX_FILE_MB (a test
checks it), so the browser refuses what the reader would refuse anyway.
"""

from __future__ import annotations

from datetime import date

MAX_FILE_MB = 5  # one file, uploaded or read from a folder (MB as Streamlit counts them: 2**20 bytes)
MAX_FILE_BYTES = MAX_FILE_MB * 1024 * 1024
MAX_ARTICLE_CHARS = 200_000  # the text is cut here (with a warning) before any rule reads it
MAX_MANIFEST_BYTES = MAX_FILE_BYTES
MAX_HTML_DEPTH = 512  # nesting kept while reading a page; deeper elements add their text, not structure
FIRST_YEAR = 1900  # dates before this or after next year are read as unknown, with a warning


def last_year(today: date | None = None) -> int:
    """The latest year a date may have: next year (a story filed on 31 December for 1 January)."""
    return (today or date.today()).year + 1


def sane(day: date | None) -> bool:
    """A date inside FIRST_YEAR .. next year."""
    return day is not None and FIRST_YEAR <= day.year <= last_year()


def describe() -> str:
    """The limits in one sentence, the same in the app, the CLI's help and README."""
    return (
        f"Limits: {MAX_FILE_MB} MB a file (.txt or .html, uploaded or read from a folder); "
        f"an article is read up to its first {MAX_ARTICLE_CHARS:,} characters (the rest is cut, "
        f"with a warning); dates before {FIRST_YEAR} or after next year are read as unknown."
    )
