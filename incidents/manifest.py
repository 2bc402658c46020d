"""A folder's manifest.csv: `file,url,outlet,published` (and `title`) for the files beside it.

Read in UTF-8 (with or without a byte-order mark), else in Windows-1252 with a
warning (what Excel saves). One row a line: a row that cannot be read (an
unclosed quote, a wrong number of fields, no file name) is reported with its
line number and skipped, and never swallows the rows after it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from incidents.limits import MAX_MANIFEST_BYTES

NAME = "manifest.csv"
COLUMNS = ("file", "url", "outlet", "published", "title")


@dataclass
class Manifest:
    """Rows by file name, the problems found (each naming its line), and warnings."""

    rows: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_manifest(folder: Path) -> Manifest:
    """The manifest of a folder; an empty Manifest when it has none."""
    path = folder / NAME
    if not path.is_file():
        return Manifest()
    try:
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            return Manifest(problems=[f"{path}: too large ({path.stat().st_size:,} bytes): not read"])
        data = path.read_bytes()
    except OSError as e:
        return Manifest(problems=[f"{path}: cannot be read ({e.strerror or e})"])
    text, warnings = _text(data)
    out = parse(text, str(path))
    out.warnings = [f"{path}: {w}" for w in warnings] + out.warnings
    return out


def _text(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["not UTF-8: read as Windows-1252 (save it as CSV UTF-8 to be sure)"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), ["not UTF-8: read as Latin-1"]


def parse(text: str, where: str = NAME) -> Manifest:
    """Rows of a manifest's text, one per line; problems name `where` and the line."""
    out = Manifest()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _fields(lines[0]) if lines else None
    header = [h.strip().lower() for h in header] if header else []
    if "file" not in header:
        out.problems.append(f"{where} line 1: no 'file' column (the header should read {','.join(COLUMNS)})")
        return out
    seen: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        problem = _row(line, header, out, seen, number)
        if problem:
            out.problems.append(f"{where} line {number}: {problem}: the row is skipped")
    return out


def _row(line: str, header: list[str], out: Manifest, seen: dict[str, int], number: int) -> str | None:
    """Add one line's row to out; or say what is wrong with it."""
    if line.count('"') % 2:
        return "an unclosed quote"
    fields = _fields(line)
    if fields is None:
        return "not a CSV row"
    if len(fields) != len(header):
        return f"{len(fields)} field(s) where the header has {len(header)}"
    row = {k: v.strip() for k, v in zip(header, fields, strict=True)}
    name = row["file"]
    if not name:
        return "no file name"
    if name in seen:
        return f"{name} is already listed on line {seen[name]}"
    seen[name] = number
    out.rows[name] = row
    return None


def _fields(line: str) -> list[str] | None:
    try:
        return next(csv.reader([line], strict=True), [])
    except csv.Error:
        return None
