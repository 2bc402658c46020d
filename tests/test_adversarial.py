"""Hostile but fair input never stalls the reader.

A guard, not a benchmark: each bound is far above the time the case takes
(CPU seconds, so a busy machine does not fail it). A regular expression that
backtracks badly takes seconds to hours on these inputs, not milliseconds.
"""

from __future__ import annotations

import contextlib
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incidents.extract import extract
from incidents.ingest import article_from_bytes
from tests import adversarial

SCALE_RUN = 30_000  # an unbroken run: sentence splitting, clutter, places over the whole line
SCALE_SENTENCES = 10_000  # runs of 400 characters between event words: every sentence rule
SCALE_LARGEST = 100_000  # a few cases at the top of the range
LARGEST = ("paren_capitals_run", "paren_capitalised_words", "dotted_capitals_spaced", "commas/in_sentences")

SECONDS_PER_KB = 0.1  # CPU; the slowest case takes about 0.04 s per KB on the development machine
ONE_ATTEMPT = 0.05  # CPU seconds for one match attempt on 1,200 characters; linear ones take microseconds


def _cpu(fn, *args):
    start = time.process_time()
    result = fn(*args)
    return time.process_time() - start, result


def _read(text: str):
    return extract(article_from_bytes("case.txt", text.encode("utf-8")))


@pytest.fixture(scope="module", autouse=True)
def warm_gazetteer():
    _read(adversarial.LEAD)  # the gazetteer loads once, outside every bound


CASES = {
    **{k: v for k, v in adversarial.cases(SCALE_RUN).items() if "/" not in k},
    **{k: v for k, v in adversarial.cases(SCALE_SENTENCES).items() if "/" in k},
    **{f"{k}@{SCALE_LARGEST:,}": v for k, v in adversarial.cases(SCALE_LARGEST).items() if k in LARGEST},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_adversarial_article_is_read_in_linear_time(name: str) -> None:
    text = CASES[name]
    seconds, reports = _cpu(_read, text)
    bound = max(1.0, SECONDS_PER_KB * len(text) / 1000)
    assert seconds < bound, f"{name}: {len(text):,} characters took {seconds:.2f} CPU-s (bound {bound:.1f})"
    assert isinstance(reports, list)


@pytest.mark.parametrize("package", ["incidents"])
def test_every_regular_expression_is_linear_per_attempt(package: str) -> None:
    """One match attempt of each pattern on 1,200 characters of each adversarial unit.

    Nested or adjacent quantifiers over the same characters (`(\\w+\\s?){1,4}/`, `\\s*,?\\s*`) make
    one attempt polynomial in the run; every pattern here must answer in a blink instead.
    """
    slow = [
        f"{where}: {pattern[:90]}"
        for (pattern, flags), where in adversarial.patterns(package).items()
        if _backtracks(re.compile(pattern, flags))
    ]
    assert not slow, "patterns that backtrack on adversarial runs:\n" + "\n".join(slow)


def _backtracks(compiled: re.Pattern) -> bool:
    for unit in adversarial.PATTERN_UNITS:
        for prefix in adversarial.PATTERN_PREFIXES:
            for size in (40, 100, 300, 1200):  # growing: a catastrophic pattern fails in seconds, not hours
                text = prefix + unit * (size // len(unit) + 1)
                if isinstance(compiled.pattern, bytes):
                    text = text.encode()
                seconds, _ = _cpu(compiled.match, text)
                if seconds > ONE_ATTEMPT:
                    return True
    return False


def test_the_guard_catches_a_backtracking_pattern() -> None:
    """The clutter pattern as it was (24-72 s on a 400-character line) fails the guard."""
    assert _backtracks(re.compile(r"\((?:[A-Z][\w.'-]*\s?){1,4}/\s?[A-Z][\w .'-]*\)"))
    assert not _backtracks(re.compile(r"\((?:[A-Z][\w.'-]*+\s?){1,4}/\s?[A-Z][\w .'-]*\)"))


# -- fuzz: incidents.ingest and the reader behind it --------------------------------------------------
PIECES = st.sampled_from(
    [
        *adversarial.PATTERN_UNITS,
        "Gunmen killed five people in Kano on Monday, police said. ",
        "at least 12 ", "more than 20 were wounded ", "(Reuters) - ", "BAGHDAD, Jan 5 ", "published: ",
        "9999-12-31", "0001-01-01", "\r", "\r\n", "\x00", "\ufeff", "\u2026", "#Kano", "\U0001f622", "\u200d",
        "<p>", "</p>", "<div>", "<script>", "<!--", "&amp;", "=cmd|", "\ud800",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=300).map("".join)
FUZZ = settings(
    max_examples=120, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _within_a_second_per_kb(seconds: float, size: int) -> None:
    assert seconds < max(1.0, size / 1000), f"{seconds:.2f} CPU-s for {size:,} characters"


@FUZZ
@given(TEXTS, st.sampled_from(["a.txt", "a.html"]))
def test_fuzz_ingest_and_read_text(text, name):
    """Any text, as a file or pasted: an Article or an IngestError, never another exception."""
    from incidents.ingest import IngestError, article_from_text

    start = time.process_time()
    for read in (lambda: article_from_bytes(name, text.encode("utf-8", "surrogatepass")),
                 lambda: article_from_text(text, published="2024-03-06")):
        try:
            article = read()
        except IngestError:
            continue
        assert "\x00" not in article.text and "\x00" not in article.outlet
        article.text.encode("utf-8")  # storable on every database: no lone surrogate
        extract(article)
    _within_a_second_per_kb(time.process_time() - start, len(text))


@FUZZ
@given(st.binary(max_size=3000))
def test_fuzz_ingest_bytes(data):
    from incidents.ingest import IngestError

    start = time.process_time()
    with contextlib.suppress(IngestError):
        extract(article_from_bytes("a.txt", data))
    _within_a_second_per_kb(time.process_time() - start, len(data))
