"""Curated name lists (data/actors.csv, data/sources.csv) and matching them in text.

Each row is canonical,aliases (|-separated),kind. One-word aliases match
case-sensitively (so "US" is not "us", "Hashed" not "hashed"); longer
aliases match in any case. A canonical name of "*" keeps the words of the
text as the name (a class of sources such as "officials").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Entry:
    canonical: str
    kind: str


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    entry: Entry


class Lexicon:
    """Aliases -> canonical entries, matched longest first on word boundaries."""

    def __init__(self, rows: list[tuple[str, list[str], str]]):
        self.by_alias: dict[str, Entry] = {}
        sensitive, insensitive = [], []
        for canonical, aliases, kind in rows:
            entry = Entry(canonical, kind)
            for alias in aliases:
                alias = alias.strip()
                if not alias:
                    continue
                self.by_alias[alias.lower()] = entry
                (sensitive if " " not in alias else insensitive).append(alias)
                if " " not in alias and alias[0].islower():  # "residents" also opens a sentence
                    sensitive.append(alias[0].upper() + alias[1:])

        def pattern(aliases: list[str], flags: int) -> re.Pattern | None:
            if not aliases:
                return None
            alts = "|".join(re.escape(a) for a in sorted(set(aliases), key=len, reverse=True))
            return re.compile(rf"(?<![\w'-])(?:{alts})(?![\w'-]|\.\w)", flags)

        self._cs = pattern(sensitive, 0)
        self._ci = pattern(insensitive, re.I)
        # the first word of every alias: only where a text's word is one of them is a match tried
        self._first = {w.group(0).lower() for a in (*sensitive, *insensitive) if (w := _WORD.match(a))}
        firsts = "|".join(re.escape(w) for w in sorted(self._first, key=len, reverse=True))
        self._starts = re.compile(rf"(?<!\w)(?:{firsts})(?!\w)") if firsts else None

    def find(self, text: str) -> list[Hit]:
        """Aliases in text, longest first at each word, no overlaps.

        One pass over the words of the text: the alternation of all aliases is tried
        only at a word that opens some alias (a set lookup), not at every character.
        """
        hits = []
        low = text.lower()
        if self._starts is None:
            return []
        # lower-casing keeps offsets for nearly every text; where it does not, every word is tried
        starts = self._starts.finditer(low) if len(low) == len(text) else _WORD.finditer(text)
        for w in starts:
            if w.group(0).lower() not in self._first:
                continue
            for pat in (self._ci, self._cs):
                m = pat.match(text, w.start()) if pat is not None else None
                if m is not None:
                    hits.append(Hit(m.start(), m.end(), m.group(0), self.by_alias[m.group(0).lower()]))
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in hits:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out


def read_rows(path: Path) -> list[tuple[str, list[str], str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        kind_col = [c for c in reader.fieldnames or [] if c not in ("canonical", "aliases")][0]
        return [
            (
                r["canonical"].strip(),
                [r["canonical"], *r["aliases"].split("|")]
                if r["canonical"] != "*"
                else r["aliases"].split("|"),
                r[kind_col].strip(),
            )
            for r in reader
            if r.get("canonical")
        ]


@lru_cache(maxsize=4)
def actors(path: Path = DATA / "actors.csv") -> Lexicon:
    return Lexicon(read_rows(path))


@lru_cache(maxsize=4)
def sources(path: Path = DATA / "sources.csv") -> Lexicon:
    return Lexicon(read_rows(path))
