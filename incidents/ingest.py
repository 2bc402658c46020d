"""Reading articles: text, bytes, files and folders -> Article.

Decoding (incidents.decode), HTML reduction (incidents.htmltext), the optional
`key: value` header and the folder manifest (incidents.manifest) meet here;
everything after this works on clean text. Every problem with one file is
that file's IngestError: the other files are still read.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from incidents.dates import heading_date
from incidents.decode import NotText, clean, decode, printable_name
from incidents.htmltext import read_page
from incidents.limits import FIRST_YEAR, MAX_ARTICLE_CHARS, MAX_FILE_BYTES, MAX_FILE_MB, last_year, sane
from incidents.manifest import NAME as MANIFEST
from incidents.manifest import read_manifest
from incidents.model import Article
from incidents.text import normalise

MAX_BYTES = MAX_FILE_BYTES  # larger files are refused, not read
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ""}
HTML_SUFFIXES = {".html", ".htm"}
HEADER_KEYS = {"url", "outlet", "published", "title", "source", "date"}
_HEADER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_STATED_YEAR = re.compile(  # a date the text states with its year: 2024-03-01, March 1, 2024, 1 March 2024
    rf"\b(\d{{4}})-\d{{2}}-\d{{2}}\b|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b"
)


class IngestError(ValueError):
    """An input we cannot read as an article; the message is for the user."""


class Skipped(IngestError):
    """A file in a folder that is not an article (an image, a spreadsheet): named, not read."""


def content_id(text: str) -> str:
    """The article id: a hash of its normalised text, so re-ingest is a no-op."""
    key = " ".join(text.split()).lower()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _range() -> str:
    return f"{FIRST_YEAR}-{last_year()}"


def parse_published(value, warnings: list[str]) -> date | None:
    """A published date from a header/manifest value; a bad or out-of-range one is a warning."""
    if value is None:
        return None
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
    else:
        day = _parse_day(str(value).strip(), warnings)
    if day is not None and not sane(day):
        warnings.append(f"published date {day.isoformat()} is outside {_range()}; treated as unknown")
        return None
    return day


def _parse_day(value: str, warnings: list[str]) -> date | None:
    if not value:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value[:25], fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        warnings.append(f"published date {value[:40]!r} is not a date (YYYY-MM-DD); treated as unknown")
        return None


def _stated_years(text: str) -> list[str]:
    """Warnings for dates the text states in a year outside the sane range (read as unknown)."""
    odd = sorted({int(y) for m in _STATED_YEAR.finditer(text) for y in m.groups() if y} - set(
        range(FIRST_YEAR, last_year() + 1)
    ))
    if not odd:
        return []
    years = ", ".join(str(y) for y in odd[:5])
    return [f"the text states a date in year {years}, outside {_range()}: such a date is read as unknown"]


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.lstrip("\ufeff").split("\n")
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[:12]):
        if not line.strip():
            if meta:
                return meta, "\n".join(lines[i + 1 :])
            return {}, text
        m = _HEADER_LINE.match(line.strip())
        if not m or m.group(1).lower() not in HEADER_KEYS:
            return {}, text
        meta[m.group(1).lower()] = m.group(2).strip()
    return {}, text


def _one_line(value) -> str:
    """A metadata value as one clean line: no control characters, whitespace collapsed."""
    return " ".join(clean(str(value))[0].split()) if value else ""


def article_from_text(
    text: str, *, outlet=None, url=None, published=None, title=None, name=None, warnings: Iterable[str] = ()
) -> Article:
    """An Article from plain text (with an optional header); metadata arguments win."""
    if not isinstance(text, str):
        raise IngestError("article text must be a string")
    warns = list(warnings)
    if len(text) > MAX_ARTICLE_CHARS:
        warns.append(f"text cut to its first {MAX_ARTICLE_CHARS:,} characters")
        text = text[:MAX_ARTICLE_CHARS]
    text, removed = clean(normalise(text))
    if removed:
        warns.append(f"{removed} control character(s) (NUL and the like) removed")
    header, body = _split_header(text)
    body = body.strip("\n")
    label = _one_line(name) or "article"
    if not body.strip():
        raise IngestError(f"{label}: no text to read (empty article)")
    page_day = heading_date(body)[0]  # a date line glued to the lead dates the page (incidents.dates)
    stated = header.get("published") or header.get("date") or (page_day.isoformat() if page_day else None)
    pub = parse_published(published if published not in (None, "") else stated, warns)
    warns += _stated_years(body)
    return Article(
        article_id=content_id(body),
        text=body,
        name=_one_line(name),
        title=_one_line(title or header.get("title", "")),
        outlet=_one_line(outlet or header.get("outlet") or header.get("source", "")),
        url=_one_line(url or header.get("url", "")),
        published=pub,
        warnings=tuple(warns),
    )


def _too_large(name: str, size: int) -> IngestError:
    return IngestError(
        f"{name}: the file is too large ({size / 2**20:.1f} MB; the limit is {MAX_FILE_MB} MB a file)"
    )


def article_from_bytes(name: str, data: bytes, *, warnings: Iterable[str] = (), **meta) -> Article:
    """An Article from a file's bytes: its encoding found (incidents.decode); .html/.htm reduced to text."""
    name = printable_name(name)
    if not data or not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    html = Path(name).suffix.lower() in HTML_SUFFIXES
    try:
        decoded = decode(data, html=html)
    except NotText as e:
        raise IngestError(f"{name}: {e}") from e
    text = decoded.text
    if html or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        page = read_page(text)
        for key, value in page.meta.items():
            if not meta.get(key):
                meta[key] = value
        if not meta.get("title"):
            meta["title"] = page.title
        text = page.text
        if not text.strip():
            raise IngestError(f"{name}: the HTML page has no article text")
    return article_from_text(text, name=name, warnings=[*warnings, *decoded.warnings], **meta)


def _read_file(path: Path, meta: dict[str, str], warnings: Iterable[str] = ()) -> Article:
    shown = printable_name(str(path))
    try:
        if not path.is_file():
            raise IngestError(f"{shown}: not a regular file (a device, pipe or socket): not read")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _too_large(shown, size)
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{shown}: cannot read the file ({e.strerror or e})") from e
    fields = {k: (meta.get(k) or None) for k in ("url", "outlet", "published", "title")}
    return article_from_bytes(path.name, data, warnings=warnings, **fields)


Item = tuple[str, "Article | IngestError"]


def read_paths(paths, *, skipped: bool = False) -> Iterator[Item]:
    """(name, Article or IngestError) for every file given or inside a folder given (and its subfolders).

    A symbolic link inside a folder is followed only to a place inside the folder
    given; a link out of it, or to nothing, is reported as that file's error.
    With skipped=True a file of a folder that is not an article (an image, a
    spreadsheet) comes as Skipped, so the CLI can name it.
    """
    for raw in paths:
        path = Path(raw)
        shown = printable_name(str(path))
        if path.is_dir():
            yield from _read_folder(path, path.resolve(), set(), skipped)
        elif path.exists():
            yield from _one(path, {})
        elif path.is_symlink():
            yield shown, IngestError(f"{shown}: a symbolic link to nothing (dangling)")
        else:
            yield shown, IngestError(f"{shown}: no such file or folder")


def _named(path: Path, item) -> Item:
    return printable_name(str(path)), item


def _link_problem(path: Path, root: Path) -> IngestError | None:
    """Why a symbolic link inside the folder given is not followed, or None to follow it."""
    if not path.is_symlink():
        return None
    shown = printable_name(str(path))
    try:
        target = printable_name(os.readlink(path))
    except OSError:
        target = "?"
    if not path.exists():
        return IngestError(f"{shown}: a symbolic link to {target}, which does not exist (dangling): not read")
    real = path.resolve()
    if real != root and root not in real.parents:
        return IngestError(
            f"{shown}: a symbolic link to {printable_name(str(real))}, outside the folder given "
            f"({printable_name(str(root))}): not followed"
        )
    return None


def _read_folder(folder: Path, root: Path, seen: set[Path], skipped: bool) -> Iterator[Item]:
    """A folder's articles with its own manifest.csv, then each subfolder's the same way.

    A subfolder's manifest names the files beside it (a newsroom keeps one folder per
    outlet or per day); hidden files and folders are skipped, and a folder reached twice
    through a symbolic link is read once.
    """
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    manifest = read_manifest(folder)
    for problem in manifest.problems:
        yield _named(folder / MANIFEST, IngestError(problem))
    try:
        entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as e:
        shown = printable_name(str(folder))
        yield shown, IngestError(f"{shown}: cannot list the folder ({e.strerror})")
        return
    for missing in sorted(set(manifest.rows) - {p.name for p in entries}):
        shown = printable_name(str(folder / missing))
        yield missing, IngestError(f"{shown}: named in {MANIFEST} but the file is missing")
    subfolders = []
    for p in entries:
        problem = _link_problem(p, root)
        if problem is not None:
            yield _named(p, problem)
        elif p.is_dir():
            subfolders.append(p)
        elif p.name == MANIFEST:
            continue
        elif p.suffix.lower() not in TEXT_SUFFIXES:
            if skipped:
                suffixes = ", ".join(sorted(s for s in TEXT_SUFFIXES if s))
                shown = printable_name(str(p))
                yield shown, Skipped(f"{shown}: not read (articles are {suffixes} files)")
        else:
            row = manifest.rows.get(p.name)
            yield from _one(p, row or {}, manifest.warnings if row else ())
    for sub in subfolders:
        yield from _read_folder(sub, root, seen, skipped)


def _one(path: Path, meta: dict[str, str], warnings: Iterable[str] = ()) -> Iterator[Item]:
    """One file's article, or its error: any failure reading it is this file's message only."""
    try:
        item = _read_file(path, meta, warnings)
    except IngestError as e:
        item = e
    except Exception as e:  # a reader bug must not take the other files down
        item = IngestError(f"{printable_name(str(path))}: could not be read ({type(e).__name__}: {e})")
    yield _named(path, item)
