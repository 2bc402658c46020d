"""Text helpers: normalising, page clutter, sentences with character offsets.

Offsets always refer to the article text as stored, so every span the
extraction reads can be shown highlighted in the article view.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from incidents.limits import MAX_ARTICLE_CHARS

MAX_CHARS = MAX_ARTICLE_CHARS  # an article longer than this is cut before any regex runs

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u2032": "'",
    }
)

# Lines that are page furniture, not reporting: photo captions and credits,
# related-link teasers, bylines, datelines with only a date.
_CLUTTER = [
    re.compile(r"^\s*(file photo|photo|picture|image|caption)\b", re.I),
    re.compile(r"\bin this (file )?(photo|picture|image)\b", re.I),
    re.compile(r"\((?:[A-Z][\w.'-]*+\s?){1,4}/\s?[A-Z][\w .'-]*\)"),  # (Yuri Gripas/Reuters); *+: linear
    re.compile(r"^\s*(read more|related|see also|watch|listen|more on this)\b\s*:?", re.I),
    re.compile(r"^\s*by\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}\s*$"),
    re.compile(r"^\s*+(?:(?:date|published|updated)\s*+)?(?::\s*+)?\d{4}-\d{2}-\d{2}\s*+$", re.I),
]
_TERMINAL = re.compile(r"[.!?\"')\]]\s*$")
_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_ABBREV = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec|U\.S|U\.K|U\.N|D\.C|a\.m|p\.m|Rep|Sen|Gov|Prof|vs|etc|i\.e|e\.g)\.$"
)


class Caseless:
    """A case-blind pattern asked only whether it occurs, answered fast.

    re's case-blind matching is several times slower than its case-sensitive one. On
    ASCII text, a pattern written in lower-case ASCII finds the same as a case-sensitive copy
    searched in the lower-cased text, so that is what runs there; on any other text (and for
    a pattern with capitals or other letters, whose case-blind meaning differs) the case-blind
    pattern itself runs: the answer is always the case-blind pattern's.
    """

    def __init__(self, pattern: str):
        self.blind = re.compile(pattern, re.I)
        simple = pattern.isascii() and pattern == pattern.lower()
        self.lower = re.compile(pattern) if simple else None

    def occurs(self, text: str) -> bool:
        if self.lower is not None and text.isascii():
            return self.lower.search(text.lower()) is not None
        return self.blind.search(text) is not None


def normalise(text: str) -> str:
    """Typographic quotes and dashes to ASCII (same length), line endings to LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_QUOTES)


def is_clutter(line: str) -> bool:
    """A caption, credit, related link, byline or bare date: never an incident."""
    return any(p.search(line) for p in _CLUTTER)


_POST_END = re.compile(r"(?:\.\.\.|\u2026|#\w+)\s*$")  # "...", an ellipsis, a hashtag: a post's ending
_EMOJI_TAIL = "\ufe0f\u200d\u20e3 "  # variation selector, joiner, keycap: parts of an emoji sequence


def _ends_in_emoji(line: str) -> bool:
    last = line.rstrip(_EMOJI_TAIL)[-1:]
    return bool(last) and unicodedata.category(last) in ("So", "Sk")


def is_heading(line: str) -> bool:
    """A title, kicker or section heading: a short line with no sentence end.

    A line ending like a social-media post (an emoji, a hashtag, "...") ends a sentence.
    """
    return len(line) < 200 and not _TERMINAL.search(line) and not _POST_END.search(line) \
        and not _ends_in_emoji(line) and not _two_sentences(line)


def _two_sentences(line: str) -> bool:
    """A line with a full sentence before a second one ("KABUL - A blast hit X on Friday. 08.10.2021, Y")
    is a lede whose tail lost its stop, not a heading."""
    first = next(_split_line(line), None)
    return first is not None and first[1] < len(line) and first[1] - first[0] >= 40


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


def _split_line(line: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _SENT_END.finditer(line):
        head = line[pos : m.start()].rstrip()
        if _ABBREV.search(line[max(0, m.start() - 6) : m.start()]) or len(head) < 3:
            continue
        yield pos, m.start()
        pos = m.end()
    if line[pos:].strip():
        yield pos, len(line)


MAX_SENTENCE = 1000  # longer runs (no punctuation) are cut at spaces: the rules stay linear


def _pieces(line: str, spans) -> Iterator[tuple[int, int]]:
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = line.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            yield a, cut
            a = cut
        if line[a:b].strip():
            yield a, b


def sentences(text: str) -> list[Sentence]:
    """Reporting sentences with offsets; clutter lines and headings left out.

    A text whose every line looks like a heading (a short post, a one-line alert) is
    an article all the same: its lines are read as sentences.
    """
    lines = text.split("\n")
    body = [not is_clutter(ln.strip()) if ln.strip() else False for ln in lines]
    headings_only = all(is_heading(ln.strip()) for ln, keep in zip(lines, body, strict=True) if keep)
    out: list[Sentence] = []
    offset = 0
    for para, line in enumerate(lines):
        stripped = line.strip()
        if body[para] and (headings_only or not is_heading(stripped)):
            for a, b in _pieces(line, _split_line(line)):
                chunk = line[a:b]
                lead = len(chunk) - len(chunk.lstrip())
                out.append(Sentence(len(out), offset + a + lead, offset + b, chunk.strip(), para))
        offset += len(line) + 1
    return out
