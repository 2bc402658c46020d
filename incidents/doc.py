"""The document model: one object per article, read once, layers added by stages.

Shaped like spaCy's Doc (STYLE.md): the text is segmented once into
paragraphs, sentences and quotations; every later stage adds a layer of
spans (offsets into the one text, a label, the object read there) and hands
the same Doc on. Decisions (who speaks, which event, which day, which place)
are made over these layers (incidents.speech, incidents.extract), never by
re-reading the raw string.

spaCy's own blank English pipeline was measured for this (tokenizer and
sentencizer only, 388 real articles): 383 documents per CPU-second plus
0.9 s to import, i.e. 40% of the ingest budget before any rule ran. The
model below keeps its shape (Doc, Span, layers) on character offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from incidents.model import Article
from incidents.text import MAX_CHARS, Sentence, is_clutter, sentences


@dataclass(frozen=True)
class Span:
    """A view into the document's text: offsets, a label and what was read there."""

    start: int
    end: int
    label: str
    data: Any = None


@dataclass
class Quote:
    """A quotation: its span (marks included) and, once resolved, who speaks it."""

    start: int
    end: int
    speaker: Any = None  # sources.SourceMention, set by incidents.speech


@dataclass
class Doc:
    """An article read once: its segments and the layers the stages add."""

    article: Article
    text: str
    sentences: list[Sentence]
    headline: Span | None = None
    quotes: list[Quote] = field(default_factory=list)
    layers: dict[str, list[Span]] = field(default_factory=dict)

    def add(self, layer: str, span: Span) -> None:
        self.layers.setdefault(layer, []).append(span)

    def layer(self, name: str, start: int = 0, end: int | None = None) -> list[Span]:
        """The spans of a layer inside [start, end), in text order."""
        stop = len(self.text) if end is None else end
        return [s for s in self.layers.get(name, []) if start <= s.start < stop]

    def quote_at(self, pos: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= pos < q.end), None)

    def sentence_of(self, pos: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= pos < s.end), None)


# a headline is the first short line with no sentence end, before the first reporting sentence
_HEADLINE_MAX = 200


def _headline(text: str, first_sentence: int) -> Span | None:
    offset = 0
    for line in text[:first_sentence].split("\n"):
        stripped = line.strip()
        if 15 <= len(stripped) < _HEADLINE_MAX and not is_clutter(stripped) and " " in stripped:
            lead = len(line) - len(line.lstrip())
            return Span(offset + lead, offset + lead + len(stripped), "headline")
        offset += len(line) + 1
    return None


# a quotation opens after a space, a line start or a colon and closes before punctuation or a space
_QUOTE_MARK = re.compile(r'"')


def _quotes(text: str) -> list[Quote]:
    """Quotations by their marks, paired within a paragraph (a paragraph that opens a quote
    and never closes it continues into the next, the newspaper convention)."""
    out: list[Quote] = []
    open_at: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        pos = m.start()
        if open_at is None:
            open_at = pos
            continue
        between = text[open_at:pos]
        if "\n\n" in between and not between.rstrip().endswith('"'):
            # the mark may open a new quotation if the old one ran past a paragraph without closing
            para_end = between.find("\n")
            out.append(Quote(open_at, open_at + para_end))
            open_at = pos
            continue
        out.append(Quote(open_at, pos + 1))
        open_at = None
    if open_at is not None:
        nl = text.find("\n", open_at)
        out.append(Quote(open_at, len(text) if nl < 0 else nl))
    return [q for q in out if q.end - q.start > 2]


# a quotation in single marks (the British convention): it opens after a space, a line start, a
# bracket or a colon, before a word; it closes after a sentence's or clause's punctuation (so that
# an apostrophe, "the group's", "soldiers' families", is never read as a mark)
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[:]))'(?=\w)", re.M)
_SINGLE_CLOSE = re.compile(r"(?<=[.,!?])'(?=\s|$|[)\]])", re.M)


def _single_quotes(text: str, taken: list[Quote]) -> list[Quote]:
    """Quotations in single marks, each within one paragraph line, outside quotations in double marks."""
    out: list[Quote] = []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(text)]
    k = 0
    for m in _SINGLE_OPEN.finditer(text):
        a = m.start()
        if out and a < out[-1].end:
            continue
        while k < len(closes) and closes[k] <= a:
            k += 1
        if k == len(closes):
            break
        b = closes[k] + 1
        if "\n" in text[a:b] or any(q.start < b and a < q.end for q in taken):
            continue
        out.append(Quote(a, b))
    return out


def make_doc(article: Article) -> Doc:
    """Segment an article once: sentences (clutter and headings left out), its headline, quotations."""
    text = article.text[:MAX_CHARS]
    sents = sentences(text)
    doc = Doc(article, text, sents)
    doc.headline = _headline(text, sents[0].start if sents else len(text))
    doc.quotes = _quotes(text)
    if "'" in text:
        doc.quotes = sorted(doc.quotes + _single_quotes(text, doc.quotes), key=lambda q: q.start)
    return doc
