"""A filtered set's map payload, cut from the whole table's payload encoded once per data version.

`encode_layer` reads pandas columns, interns strings and groups claims: about
20 ms for 1,000 incidents, paid on every filter change before. The app encodes
the whole table once (`EncodedLayer.of`, cached per data version) and a filter
change only takes rows out of numpy arrays (`cut`): the incidents of the set,
their claims and articles, and a string table holding just the strings they
use, so a narrow filter sends a small payload. Every value is kept as its JSON
text, so the payload is written by joining strings, not by json.dumps of
floats (0.6 ms per 3,000). It reads the same in static/dashboard/incident_layer.js
as `payload_json(encode_layer(...))` of the filtered frame, and is as safe in a <script>.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.map_layer import EVENT_COLORS, OTHER_COLOR, encode_layer, payload_json

# the payload's per-incident string-table fields (map_layer._INCIDENT_TEXT), per-claim ones, per-article ones
INCIDENT_TEXT = ("et", "st", "wp", "cty", "adm", "a1", "a2", "loc", "lar", "d", "ds", "de")
INCIDENT_OTHER = ("kl", "kh", "wl", "wh", "tp", "id", "lat", "lon", "uk", "dis")
CLAIM_TEXT = ("src", "vg", "sd")
CLAIM_OTHER = ("kl", "kh", "wl", "wh")
ARTICLE_TEXT = ("o", "u", "t")


@dataclass(frozen=True)
class Tokens:
    """A payload list as the JSON text of each value (escaped as payload_json escapes), each distinct
    text kept once: at 100,000 incidents a column of small numbers is 0.4 MB of codes, not 5 MB of str."""

    texts: np.ndarray  # the distinct JSON texts
    codes: np.ndarray  # per value: its text

    @classmethod
    def of(cls, values: list, *, numbers: bool = False) -> Tokens:
        """numbers: every value is a number or None (read as floats: integral ones are written as ints)."""
        if numbers:
            codes, found = pd.factorize(np.array(values, dtype=float), use_na_sentinel=False)
            distinct = found.astype(object)
            whole = np.isfinite(found) & (np.abs(found) < 2**53) & (found == np.trunc(found))
            distinct[whole] = found[whole].astype(np.int64).astype(object)  # 4, not 4.0
            distinct[np.isnan(found)] = None
            texts = payload_json(distinct.tolist())[1:-1].split(",") if len(distinct) else []
            array = np.empty(len(texts), dtype=object)
            array[:] = texts
            return cls(array, codes.astype(np.int32))
        column = np.empty(len(values), dtype=object)
        column[:] = values
        codes, found = pd.factorize(column, use_na_sentinel=False)
        found = np.asarray(found, dtype=object)
        found[pd.isna(found)] = None  # factorize reads None as NaN, which is no JSON
        distinct = found.tolist()
        if all(isinstance(value, str) for value in distinct) and not _ESCAPED.search("".join(distinct)):
            texts = [f'"{value}"' for value in distinct]  # ids and the like: nothing to escape
        else:
            texts = [payload_json(value) for value in distinct]
        array = np.empty(len(texts), dtype=object)
        array[:] = texts
        return cls(array, codes.astype(np.int32))

    def json(self, rows: np.ndarray) -> str:
        """A JSON array of the values at `rows`."""
        return "[" + ",".join(self.texts[self.codes[rows]].tolist()) + "]"


_ESCAPED = re.compile('[\x00-\x1f"\\\\<>&\u2028\u2029]')  # what JSON or payload_json would escape


def _codes(values: list) -> np.ndarray:
    return np.asarray(values, dtype=np.int32) if values else np.empty(0, dtype=np.int32)


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices starts[g] .. starts[g] + counts[g] - 1 of every group g, one after another."""
    offsets = np.cumsum(counts) - counts
    return np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()), dtype=np.int64)


def _present(size: int, *indices: np.ndarray) -> np.ndarray:
    """The distinct values among indices into range(size), in order (a scatter: no sort, no hashing)."""
    seen = np.zeros(size, dtype=bool)
    for values in indices:
        seen[values] = True
    return np.flatnonzero(seen)


def _array(texts: np.ndarray) -> str:
    """A JSON array of JSON texts."""
    return "[" + ",".join(texts.tolist()) + "]"


@dataclass(frozen=True)
class EncodedLayer:
    """The whole table's layer payload as arrays, and where each table row is in it.

    String-table fields are kept as codes (a cut renumbers the strings it keeps);
    every other field as the JSON text of each value.
    """

    point: np.ndarray  # per table row: its index among the payload's incidents, -1 when it has no place
    incident_codes: dict[str, np.ndarray]
    incident_tokens: dict[str, Tokens]
    claim_start: np.ndarray
    claim_codes: dict[str, np.ndarray]
    claim_tokens: dict[str, Tokens]
    claim_article: np.ndarray  # -1: the claim's article is not in the article table
    article_start: np.ndarray  # each incident's own articles (its article_ids cell): the payload's "ia"
    article_of: np.ndarray
    article_codes: dict[str, np.ndarray]
    geo: dict[int, str]
    strings: np.ndarray
    numbers: np.ndarray  # "0", "1", ...: the JSON text of a renumbered string code

    @classmethod
    def of(cls, incidents: pd.DataFrame, claims: pd.DataFrame,
           articles: pd.DataFrame | None = None) -> EncodedLayer:
        """Encode the whole table (encode_layer) and keep its arrays."""
        payload = encode_layer(incidents, claims, articles)
        placed = (pd.to_numeric(incidents["latitude"], errors="coerce").notna()
                  & pd.to_numeric(incidents["longitude"], errors="coerce").notna()).to_numpy()
        strings = np.empty(len(payload["s"]), dtype=object)
        strings[:] = payload["s"]
        numbers = np.empty(len(strings), dtype=object)
        numbers[:] = [str(n) for n in range(len(strings))]
        return cls(
            point=np.where(placed, np.cumsum(placed) - 1, -1),
            incident_codes={key: _codes(payload[key]) for key in INCIDENT_TEXT},
            incident_tokens={key: Tokens.of(payload[key], numbers=key != "id") for key in INCIDENT_OTHER},
            claim_start=_codes(payload["c"]["start"]),
            claim_codes={key: _codes(payload["c"][key]) for key in CLAIM_TEXT},
            claim_tokens={key: Tokens.of(payload["c"][key], numbers=True) for key in CLAIM_OTHER},
            claim_article=_codes(payload["c"]["a"]),
            article_start=_codes(payload["ia"]["start"]),
            article_of=_codes(payload["ia"]["a"]),
            article_codes={key: _codes(payload["A"][key]) for key in ARTICLE_TEXT},
            geo={int(key): text for key, text in payload["geo"].items()},
            strings=strings, numbers=numbers,
        )

    def cut(self, positions: np.ndarray) -> str:
        """The payload (JSON text) of the table rows at `positions`; those without a place are left out,
        as encode_layer leaves them out."""
        points = self.point[np.asarray(positions, dtype=np.int64)]
        points = points[points >= 0]
        claim_counts = (self.claim_start[points + 1] - self.claim_start[points]).astype(np.int64)
        own_counts = (self.article_start[points + 1] - self.article_start[points]).astype(np.int64)
        claims = _ranges(self.claim_start[points], claim_counts)
        own = _ranges(self.article_start[points], own_counts)
        claim_articles = self.claim_article[claims]
        articles = len(self.article_codes["o"])
        used = _present(articles, claim_articles[claim_articles >= 0], self.article_of[own])
        article_index = np.full(articles + 1, -1, dtype=np.int64)  # [-1] stays -1
        article_index[used] = np.arange(len(used))

        codes = {key: self.incident_codes[key][points] for key in INCIDENT_TEXT}
        codes |= {f"c.{key}": self.claim_codes[key][claims] for key in CLAIM_TEXT}
        codes |= {f"A.{key}": self.article_codes[key][used] for key in ARTICLE_TEXT}
        kept = _present(len(self.strings), np.zeros(1, dtype=np.int64), *codes.values())
        renumber = np.zeros(len(self.strings), dtype=np.int64)
        renumber[kept] = np.arange(len(kept))
        text = {key: _array(self.numbers[renumber[values]]) for key, values in codes.items()}

        strings = self.strings[kept].tolist()
        where = np.full(len(self.claim_start), -1, dtype=np.int64)  # whole-table point -> point of the cut
        where[points] = np.arange(len(points))
        geo = {str(where[p]): g for p, g in self.geo.items() if where[p] >= 0}
        colors = {str(code): EVENT_COLORS.get(strings[code], OTHER_COLOR)
                  for code in renumber[_present(len(self.strings), codes["et"])].tolist()}
        fields = [*((key, text[key]) for key in INCIDENT_TEXT),
                  *((key, self.incident_tokens[key].json(points)) for key in INCIDENT_OTHER),
                  ("geo", payload_json(geo)),
                  ("c", "{" + ",".join([*(f'"{key}":{text[f"c.{key}"]}' for key in CLAIM_TEXT),
                                        *(f'"{key}":{self.claim_tokens[key].json(claims)}'
                                          for key in CLAIM_OTHER),
                                        f'"a":{payload_json(article_index[claim_articles].tolist())}',
                                        f'"start":{payload_json([0, *np.cumsum(claim_counts).tolist()])}'])
                   + "}"),
                  ("ia", payload_json({"a": article_index[self.article_of[own]].tolist(),
                                       "start": [0, *np.cumsum(own_counts).tolist()]})),
                  ("A", "{" + ",".join(f'"{key}":{text[f"A.{key}"]}' for key in ARTICLE_TEXT) + "}"),
                  ("colors", payload_json(colors)), ("s", payload_json(strings))]
        return "{" + ",".join(f'"{key}":{value}' for key, value in fields) + "}"
