"""Reading articles: text, bytes, files and folders -> Article.

Decoding, HTML reduction, the optional `key: value` header and the folder
manifest live here; everything after this works on clean text.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from incidents.model import Article
from incidents.text import MAX_CHARS, normalise

MAX_BYTES = 5_000_000  # larger files are refused, not read
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ""}
HEADER_KEYS = {"url", "outlet", "published", "title", "source", "date"}
_HEADER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")


class IngestError(ValueError):
    """An input we cannot read as an article; the message is for the user."""


def content_id(text: str) -> str:
    """The article id: a hash of its normalised text, so re-ingest is a no-op."""
    key = " ".join(text.split()).lower()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def parse_published(value, warnings: list[str]) -> date | None:
    """A published date from a header/manifest value; a bad one is a warning."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    value = str(value).strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%SZ", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d"):
        try:
            return datetime.strptime(value[:25], fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        warnings.append(f"published date {value!r} is not a date (YYYY-MM-DD); treated as unknown")
        return None


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


def article_from_text(
    text: str, *, outlet=None, url=None, published=None, title=None, name=None, warnings: Iterable[str] = ()
) -> Article:
    """An Article from plain text (with an optional header); metadata arguments win."""
    if not isinstance(text, str):
        raise IngestError("article text must be a string")
    warns = list(warnings)
    if len(text) > MAX_CHARS:
        warns.append(f"text cut to its first {MAX_CHARS:,} characters")
        text = text[:MAX_CHARS]
    text = normalise(text)
    header, body = _split_header(text)
    body = body.strip("\n")
    if not body.strip():
        raise IngestError(f"{name or 'article'}: no text to read (empty article)")
    pub = parse_published(
        published if published not in (None, "") else header.get("published") or header.get("date"), warns
    )
    return Article(
        article_id=content_id(body),
        text=body,
        name=name or "",
        title=title or header.get("title", ""),
        outlet=outlet or header.get("outlet") or header.get("source", ""),
        url=url or header.get("url", ""),
        published=pub,
        warnings=tuple(warns),
    )


def _decode(name: str, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise IngestError(f"{name}: looks like a binary file, not text")
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls > 8:
            raise IngestError(f"{name}: looks like a binary file, not text")
        return text
    raise IngestError(f"{name}: cannot decode the text")  # pragma: no cover - latin-1 always decodes


def html_to_text(html: str) -> tuple[str, str]:
    """(title, article text) of an HTML page: scripts, styles and page chrome dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(
        [
            "script",
            "style",
            "noscript",
            "template",
            "iframe",
            "nav",
            "header",
            "footer",
            "aside",
            "form",
            "figure",
            "figcaption",
            "svg",
            "button",
        ]
    ):
        tag.decompose()
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [
        el.get_text(" ", strip=True) for el in root.find_all(["p", "h1", "h2", "h3", "li", "blockquote"])
    ]
    blocks = [b for b in blocks if b]
    if not blocks:
        blocks = [line.strip() for line in root.get_text("\n").split("\n") if line.strip()]
    return title, "\n\n".join(blocks)


PAGE_META = {  # <meta> properties/names a news page states its own metadata in, best first
    "published": ("article:published_time", "datePublished", "pubdate", "publish-date", "date", "dc.date"),
    "url": ("og:url",),
    "outlet": ("og:site_name", "application-name"),
}


def page_metadata(html: str) -> dict[str, str]:
    """What an HTML page says about itself (published time, canonical url, site name).

    Saved news pages carry no header lines; their <meta> tags are the header.
    A published time keeps only its date part (the page's own local date).
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    tags = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").strip()
        if key and tag.get("content") and key.lower() not in tags:
            tags[key.lower()] = tag["content"].strip()
    out = {}
    for field_name, keys in PAGE_META.items():
        value = next((tags[k.lower()] for k in keys if tags.get(k.lower())), "")
        if field_name == "published":
            value = value[:10] if re.match(r"\d{4}-\d{2}-\d{2}", value) else ""
        if value:
            out[field_name] = value
    canonical = soup.find("link", rel="canonical")
    if "url" not in out and canonical is not None and canonical.get("href"):
        out["url"] = canonical["href"].strip()
    return out


def article_from_bytes(name: str, data: bytes, **meta) -> Article:
    """An Article from a file's bytes: utf-8/cp1252/latin-1; .html/.htm reduced to text."""
    if not data or not data.strip():
        raise IngestError(f"{name}: the file is empty")
    if len(data) > MAX_BYTES:
        raise IngestError(
            f"{name}: the file is too large ({len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)"
        )
    text = _decode(name, data)
    warnings: list[str] = []
    if Path(name).suffix.lower() in {".html", ".htm"} or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    ):
        for key, value in page_metadata(text).items():
            if not meta.get(key):
                meta[key] = value
        title, text = html_to_text(text)
        if not meta.get("title"):
            meta["title"] = title
        if not text.strip():
            raise IngestError(f"{name}: the HTML page has no article text")
    return article_from_text(text, name=name, warnings=warnings, **meta)


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "manifest.csv"
    if not path.is_file():
        return {}
    with path.open(newline="", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(io.StringIO(fh.read(MAX_BYTES))))
    return {r["file"].strip(): r for r in rows if r.get("file")}


def _read_file(path: Path, meta: dict[str, str]) -> Article:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(
                f"{path.name}: the file is too large ({size / 1e6:.1f} MB; the limit is "
                f"{MAX_BYTES / 1e6:.0f} MB)"
            )
        data = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path}: cannot read the file ({e.strerror or e})") from e
    fields = {k: (meta.get(k) or None) for k in ("url", "outlet", "published", "title")}
    return article_from_bytes(path.name, data, **fields)


def read_paths(paths) -> Iterator[tuple[str, Article | IngestError]]:
    """(name, Article or IngestError) for every file given or inside a folder given (and its subfolders)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _read_folder(path, set())
        elif path.exists():
            yield from _one(path, {})
        else:
            yield str(path), IngestError(f"{path}: no such file or folder")


def _read_folder(folder: Path, seen: set[Path]) -> Iterator[tuple[str, Article | IngestError]]:
    """A folder's articles with its own manifest.csv, then each subfolder's the same way.

    A subfolder's manifest names the files beside it (a newsroom keeps one folder per
    outlet or per day); hidden folders are skipped and a folder reached twice through
    a symbolic link is read once.
    """
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    manifest = _manifest(folder)
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    files = [
        p for p in entries if p.is_file() and p.name != "manifest.csv" and p.suffix.lower() in TEXT_SUFFIXES
    ]
    names = {p.name for p in files}
    for missing in sorted(set(manifest) - names):
        yield missing, IngestError(f"{folder / missing}: named in manifest.csv but the file is missing")
    for p in files:
        yield from _one(p, manifest.get(p.name, {}))
    for sub in (p for p in entries if p.is_dir()):
        yield from _read_folder(sub, seen)


def _one(path: Path, meta: dict[str, str]) -> Iterator[tuple[str, Article | IngestError]]:
    try:
        yield str(path), _read_file(path, meta)
    except IngestError as e:
        yield str(path), e
