"""The event prefilter skips patterns, never mentions: find_mentions with it equals running every pattern.

The equivalence is checked on every sentence and paragraph of every article at hand (the bundled
articles, the held-out sets, ../shared/realnews and the geoparse corpora when present) and on every
string of the incident unit tests; plus the pieces of the derivation (prefilter.py) on patterns of
our own.
"""

from __future__ import annotations

import ast
import json
import re

import pytest

from incidents import events
from incidents.ingest import read_paths
from incidents.prefilter import CASE_FOLD_ODD, lowered_or_none, required
from incidents.text import sentences

from .conftest import ROOT

FOLDERS = [ROOT / "data" / "articles", *sorted((ROOT / "tests" / "data").glob("heldout*"))]
REALNEWS = ROOT.parent / "shared" / "realnews" / "articles"
GEOPARSE = [ROOT.parent / "shared" / "eval" / "geoparse" / n for n in ("gwn.jsonl", "trnews.jsonl")]


def _pieces(text: str) -> list[str]:
    """The text's sentences, its paragraphs and the text itself."""
    return [s.text for s in sentences(text)] + [p for p in text.split("\n") if p.strip()] + [text]


def _texts(folders) -> list[str]:
    return [a.text for _, a in read_paths(folders) if not isinstance(a, Exception)]


def _unit_test_strings() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests").glob("test_incidents_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 8:
                out.append(node.value)
    return out


def _assert_same(strings: list[str]) -> int:
    checked = 0
    for s in strings:
        for military in (False, True):
            assert events.find_mentions(s, military) == events.find_mentions(
                s, military, patterns=events.EVENT_PATTERNS
            ), s
        checked += 1
    return checked


def test_prefilter_equivalent_on_bundled_and_heldout_articles():
    texts = _texts(FOLDERS)
    assert len(texts) >= 20
    assert _assert_same([p for t in texts for p in _pieces(t)]) > 500


def test_prefilter_equivalent_on_realnews():
    if not REALNEWS.is_dir():
        pytest.skip(f"{REALNEWS} not found: the shared real-news set is absent")
    assert _assert_same([p for t in _texts([REALNEWS]) for p in _pieces(t)]) > 1000


def test_prefilter_equivalent_on_geoparse_corpora():
    paths = [p for p in GEOPARSE if p.is_file()]
    if not paths:
        pytest.skip("../shared/eval/geoparse not found: the geoparse corpora are absent")
    texts = [json.loads(line)["text"] for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert _assert_same([p for t in texts for p in _pieces(t)]) > 500


def test_prefilter_equivalent_on_unit_test_strings():
    assert _assert_same(_unit_test_strings()) > 200


def test_prefilter_skips_patterns_on_a_quiet_sentence_and_keeps_them_where_needed():
    quiet = "The council met on Thursday to discuss the harbour budget."
    assert events.possible_patterns(quiet) == []
    loud = "A drone strike hit a convoy and gunmen opened fire on the market."
    assert len(events.possible_patterns(loud)) > 5
    assert [m.key for m in events.find_mentions(loud)] == [
        m.key for m in events.find_mentions(loud, patterns=events.EVENT_PATTERNS)
    ]


def test_case_fold_odd_letters_turn_the_filter_off():
    # the long s and the Kelvin sign match s and k under IGNORECASE, but lower() keeps them apart
    odd = "Heavy \u017fhelling and a roc\u212aet attack"
    assert lowered_or_none(odd) is None
    assert events.possible_patterns(odd) == events.EVENT_PATTERNS
    assert events.find_mentions(odd) == events.find_mentions(odd, patterns=events.EVENT_PATTERNS)
    assert events.find_mentions(odd)


def test_case_fold_odd_set_is_every_non_ascii_letter_ignorecase_maps_to_ascii():
    ascii_class = re.compile(r"[a-z0-9]", re.I)
    odd = {chr(c) for c in range(0x80, 0x110000) if ascii_class.match(chr(c))}
    assert odd == {c for c in odd if CASE_FOLD_ODD.match(c)}
    assert all(CASE_FOLD_ODD.match(c) for c in "\u0130\u0131\u017f\u212a")


@pytest.mark.parametrize(
    ("pattern", "groups"),
    [
        (r"\bflood\s+(?:warnings?|alerts?)\b", [{"flood"}, {"warning", "alert"}]),
        (r"\b(?:heavy\s+)?rain\b", [{"rain"}]),  # an optional part requires nothing
        (r"\b(?:storm|(?:high\s+)?wind)s?\b", [{"storm", "wind"}]),
        (r"\bhail(?=stones)|sleet", [{"hail", "sleet"}]),
        (r"\b(?:snow|[a-z]+fall)\b", [{"snow", "fall"}]),  # a word after a class is required
        (r"\b(?:snow|[a-z]+)\b", []),  # a branch with no literal word: no requirement
        (r"(?:fog){1,3}\s*(?:bank)*", [{"fog"}]),  # a repeat at least once requires its words
        (r"\b(?:thunder|thunderstorm)s?\b", [{"thunder"}]),  # a word holding another of its group goes
    ],
)
def test_required_words_of_a_pattern(pattern, groups):
    assert [set(g) for g in required(re.compile(pattern, re.I)).groups] == groups


def test_required_words_never_refuse_a_match():
    pat = re.compile(r"\b(?:tornado|cyclone)\s+(?:warning|watch)(?:es)?\b", re.I)
    req = required(pat)
    for text in ["A TORNADO WATCH was issued", "cyclone  warnings", "no weather today"]:
        assert req.possible(text.lower()) or pat.search(text) is None
