"""Hostile input to geo/: no pattern may cost more than linear time on article text.

Each adversarial line (long runs of capitals, dotted capitals, dots, commas, digits, brackets,
quotes, hyphens, and the words the relation patterns look for) goes through find_places and
resolve at 10^4 and 10^5 characters. The bounds are guards set far above the expected time, in
CPU seconds so that other work on the machine does not make them flaky; the ratio check catches a
cost that grows faster than the input even when both sizes stay under the guard. Each size counts
its best of a few runs (garbage collection off, as timeit does): one run pays one-time costs (a
cache filling up) and whatever a busy machine adds, which a linear pattern does not pay on every
run, while a quadratic one is slow every time. A hypothesis fuzz of find_places and resolve looks
for exceptions and for inputs slower than a second per KB.
"""
from __future__ import annotations

import gc
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture

SMALL, LARGE = 10_000, 100_000
GUARD_SMALL_S = 1.0   # a line of 10^4 characters
GUARD_LARGE_S = 2.0   # a line of 10^5 characters, even when every word is a place name (~20,000 of them)
MAX_GROWTH = 25.0     # 10x the text may cost at most 25x the time (linear is ~10x, quadratic ~100x)
# Below this a 10^4 line's time is no base for a ratio (timer noise, and a short line runs in cache:
# a linear line can measure 15x), so the ratio takes this floor. A quadratic pattern still fails
# whenever its 10^4 line takes 2.5 ms or more (100x that is over 25 x 0.01 s).
NOISE_FLOOR_S = 0.01
TRIES = 3  # runs of the small line; the large one runs again (up to LARGE_TRIES) only while over its bound
LARGE_TRIES = 5

# name -> the unit repeated to the wanted length (then one closing piece, if any)
ADVERSARIAL: dict[str, tuple[str, str]] = {
    "capital words": ("Baghdad Mosul Kirkuk Erbil ", ""),
    "upper-case words": ("BAGHDAD ", "- "),
    "upper-case letters": ("A", ""),
    "upper-case pairs": ("AB", ""),
    "dotted capitals": ("U.S. ", ""),
    "dotted capitals unspaced": ("U.S.", ""),
    "dotted single capitals": ("A.", ""),
    "capitals and dots": ("ABC. ", ""),
    "dots": (".", ""),
    "commas": (",", ""),
    "digits": ("1", ""),
    "digits spaced": ("1 ", ""),
    "decimal numbers": ("1.", ""),
    "opening brackets": ("(", ""),
    "brackets": ("([{", ""),
    "straight quotes": ("'", ""),
    "double quotes": ('"', ""),
    "curly quotes": ("’", ""),
    "hyphens": ("-", ""),
    "capital hyphens": ("A-", ""),
    "article hyphens": ("Al-", ""),
    "lower article hyphens": ("al-", ""),
    "izafe": ("Mazar-e-", ""),
    "hyphenated countries": ("Syria-", ""),
    "possessives": ("Syria's ", "capital"),
    "single-letter possessives": ("A's ", ""),
    "connectors": ("Baghdad of ", ""),
    "of the": ("A of the ", ""),
    "directions": ("north of ", "Baghdad"),
    "offsets": ("30 km north of ", "Baghdad"),
    "near": ("near ", "Baghdad"),
    "appositives": ("the town of ", "Baghdad"),
    "capitals named by adjective": ("The Iraqi ", "capital"),
    "borders": ("the Iraq ", "border"),
    "single-letter borders": ("A ", "border"),
    "sides of the border": ("the A side of the ", "border"),
    "the country's": ("the country's ", "east"),
    "dateline slashes": ("BAGHDAD/", " - "),
    "dateline commas": ("BAGHDAD, ", " - "),
    "lines of capitals": ("BAGHDAD BAGHDAD BAGHDAD\n", ""),
    "newlines": ("\n", ""),
    "spaces": (" ", "Baghdad"),
    "saint abbreviations": ("St. ", ""),
    "mixed punctuation": ("A.B, (C) 'D' -E- 1.2 ", ""),
    "lower-case words": ("abc ", ""),
    "province heads": ("Baghdad Province ", ""),
    "camps": ("Camp ", "Baghdad"),
    "compass names": ("the North East ", "region"),
    "compass names with owners": ("Ghana's Upper East ", "region of Ghana"),
    "compass words hyphenated": ("North-South-", "region"),
    "state heads": ("Plateau State ", ""),
    "located respellings": ("In Koutoum, ", ""),
    "area cues": ("villages in Kaduna ", ""),
}


def _line(name: str, size: int) -> str:
    unit, tail = ADVERSARIAL[name]
    return unit * ((size - len(tail)) // len(unit)) + tail


def _cpu_seconds(text: str, gazetteer) -> float:
    from geo.recognizer import find_places
    from geo.resolver import resolve

    gc.disable()  # a collection of the whole test session's objects is not the pattern's cost
    try:
        t0 = time.process_time()
        find_places(text, gazetteer=gazetteer)
        for phrase in (text, text[:400], text[-400:], text[:200]):
            resolve(phrase, gazetteer=gazetteer)
        return time.process_time() - t0
    finally:
        gc.enable()


def _best_cpu_seconds(text: str, gazetteer, bound: float) -> float:
    """The least CPU time of up to LARGE_TRIES runs: stops at the first within bound, or one far past it."""
    best = float("inf")
    for _ in range(LARGE_TRIES):
        best = min(best, _cpu_seconds(text, gazetteer))
        if best <= bound or best > 3 * bound:  # passes, or slower than any load makes a linear pattern
            break
    return best


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_an_adversarial_line_costs_linear_time(name, gazetteer):
    small = min(_cpu_seconds(_line(name, SMALL), gazetteer) for _ in range(TRIES))
    assert small < GUARD_SMALL_S, f"{name}: {small:.2f} s CPU for {SMALL:,} characters"
    bound = min(GUARD_LARGE_S, MAX_GROWTH * max(small, NOISE_FLOOR_S))
    large = _best_cpu_seconds(_line(name, LARGE), gazetteer, bound)
    assert large < GUARD_LARGE_S, f"{name}: {large:.2f} s CPU for {LARGE:,} characters"
    assert large <= MAX_GROWTH * max(small, NOISE_FLOOR_S), (
        f"{name}: {small:.3f} -> {large:.3f} s CPU, 10x the text"
    )


@pytest.mark.parametrize("phrase", [
    "north of " * 22 + "Baghdad",            # each level once: no 2^n re-resolution of the same rest
    "near " * 40 + "Baghdad",
    "30 km north of " * 13 + "Baghdad",
    "the town of " * 16 + "Baghdad",
    "the A side of the " * 11 + "border",
    "Iraq's " * 28 + "capital",
])
def test_nested_relations_resolve_in_linear_time(phrase, gazetteer):
    from geo.resolver import resolve

    t0 = time.process_time()
    resolve(phrase, gazetteer=gazetteer)
    assert time.process_time() - t0 < GUARD_SMALL_S


def test_a_few_nested_relations_still_resolve(gazetteer):
    """The depth bound leaves the relations news writes: an offset from a place near a town's airport."""
    from geo.resolver import resolve

    place = resolve("30 km north of the airport in Erbil", gazetteer=gazetteer)
    assert place is not None and place.country_code == "IQ" and place.geo_precision == 2


# -- fuzz ---------------------------------------------------------------------------------------
# pieces the patterns react to, mixed with arbitrary characters
PIECES = st.sampled_from([
    "A", "U.S.", "St.", "Al-", "al-", "-e-", "'s", "’s", " ", "  ", "\n", ".", ",", "(", ")", "[", "'", '"',
    "-", "–", "/", "1", "30 km", " north of ", " near ", " the ", " of ", " border", " capital", " province",
    " district", " township", " camp", " airport", " base", "Baghdad", "Iraq", "Syria", "Erbil", "BAGHDAD",
    " (Reuters) - ", "Deir ez-Zor", "Umm ", "the country's east", " and ", "Camp ", " Township", "Kurdistan",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=400).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_fuzz_find_places_and_resolve(gazetteer, text):
    """No exception, mentions inside the text, and no input slower than a second per KB."""
    from geo.recognizer import find_places
    from geo.resolver import resolve

    t0 = time.process_time()
    mentions = find_places(text, gazetteer=gazetteer)
    resolve(text[:200], gazetteer=gazetteer)
    elapsed = time.process_time() - t0
    assert elapsed < max(1.0, len(text) / 1000), f"{elapsed:.2f} s CPU for {len(text)} characters"
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
