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

        # an alias can only match where a text's word is its first word: the aliases by that word,
        # each list longest first (the order a longest-first alternation would try them in)
        self._by_first: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
        for table, aliases in zip(self._by_first, (insensitive, sensitive), strict=True):
            for alias in sorted(set(aliases), key=len, reverse=True):
                if w := _WORD.match(alias):
                    table.setdefault(w.group(0).lower(), []).append(alias)
        self._first = set(self._by_first[0]) | set(self._by_first[1])

    def find(self, text: str) -> list[Hit]:
        """Aliases in text, longest first at each word, no overlaps.

        One pass over the words of the text: at a word that opens some alias (a dict lookup),
        only the aliases opening with that word are compared, longest first; multi-word
        aliases in any case, one-word aliases as written. The same hits as an alternation of
        all aliases tried at every word, without its cost (an alternation of hundreds of names
        is slow to compile and to try: re tries its branches one by one).
        """
        hits = []
        low = text.lower()
        # lower-casing keeps offsets for nearly every text; where it does not, every word is tried
        words = _WORD.finditer(low if len(low) == len(text) else text)
        for w in words:
            word = w.group(0).lower()
            if word not in self._first:
                continue
            i = w.start()
            if i and _in_word(text[i - 1], "'-"):
                continue  # (?<![\w'-]): "al-Qaeda" holds no name that opens at "Qaeda"
            for table, sensitive in zip(self._by_first, (False, True), strict=True):
                for alias in table.get(word, ()):
                    if _matches(text, i, alias, sensitive):
                        j = i + len(alias)
                        hits.append(Hit(i, j, text[i:j], self.by_alias[text[i:j].lower()]))
                        break
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        for h in hits:
            if out and h.start < out[-1].end:
                continue
            out.append(h)
        return out


def _in_word(ch: str, also: str = "") -> bool:
    """Whether ch is a regex word character (\\w: alphanumeric or _) or one of also."""
    return ch.isalnum() or ch == "_" or ch in also


def _matches(text: str, i: int, alias: str, sensitive: bool) -> bool:
    """Whether alias is written at text[i:] as a whole name: as written (sensitive), else in any case,
    and not followed by a word character, ' or -, nor by a full stop and a word character."""
    j = i + len(alias)
    piece = text[i:j]
    if sensitive:
        if piece != alias:
            return False
    elif piece.isascii() and alias.isascii():
        if piece.lower() != alias.lower():
            return False
    elif not _caseless(alias).match(text, i):  # beyond ASCII, re's own case rules decide
        return False
    return not (j < len(text) and (_in_word(text[j], "'-") or text[j] == "." and j + 1 < len(text)
                                   and _in_word(text[j + 1])))


@lru_cache(maxsize=256)
def _caseless(alias: str) -> re.Pattern:
    return re.compile(re.escape(alias), re.I)


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
