"""Reported speech over the document: who says each figure.

A figure's speaker is decided in this order:

1. the reporting frame of its own sentence ("X said", "according to X",
   "..., said X"; incidents.sources);
2. the quotation it stands in, whose speaker is named after it ('..." wrote
   the spokesman') or before it ('the ministry said: "...');
3. a pronoun or a short definite speaker ("he said", "the statement added")
   that speaks again for the source last named.

A speaker named by its head noun alone ("the ministry", "the official", "the
statement") is the last speaker the text named in full whose name has that
head ("the Health Ministry" ... "the ministry" -> Health Ministry).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from incidents import people, sources
from incidents.doc import Doc, Quote
from incidents.text import Sentence

# a speaker named by its kind only refers back to the last speaker of that kind
HEADS = {
    "ministry": ("ministry",),
    "health ministry": ("health",),
    "official": ("official", "ministry", "police", "spokes", "governor", "mayor", "authorit"),
    "officials": ("official", "ministry", "police", "authorit", "government"),
    "spokesman": ("spokes", "ministry", "police", "army", "military", "official"),
    "spokeswoman": ("spokes", "ministry", "police", "army", "military", "official"),
    "spokesperson": ("spokes", "ministry", "police", "army", "military", "official"),
    "statement": ("statement", "ministry", "army", "military", "police", "command", "government", "office"),
    "military statement": ("military", "army", "command"),
    "army statement": ("army", "military", "command"),
    "police statement": ("police",),
    "ministry statement": ("ministry",),
    "police": ("police",),
    "department": ("department", "ministry", "police"),
    "government": ("government", "ministry"),
    "authorities": ("authorit", "government", "police", "ministry"),
    "army": ("army", "military"),
    "military": ("military", "army", "command"),
    "agency": ("agency", "news"),
    "news agency": ("agency", "news"),
    "office": ("office",),
    "governor": ("governor",),
    "minister": ("minister",),
    "mayor": ("mayor",),
    "monitor": ("monitor", "observatory"),
    "source": ("source",),
    "sources": ("source",),
    # "the group said": the organisation named before (an armed group is read by sources.group_refs)
    "group": ("group", "cross", "crescent", "committee", "organi", "observatory", "monitor", "watch"),
}
# words that say the speaker is one already named: "the same source", "the ministry", "the statement"
DEFINITE = re.compile(r"^(?:the|this|that|its|same|the same)\b", re.I)
# "he said", "it added", '"...," the official wrote': speaking again without a name
AGAIN = re.compile(
    r"(?:^|[,\"“”:]\s*|\band\s+)(?:it|he|she|they|the (?:same )?"
    r"(?:source|official|spokes(?:man|woman|person)|witness|resident|statement|report|ministry|agency|office|group|monitor|police|army|military|department|"
    r"governor|mayor|minister)s?(?:,\s+who [^,]{1,60},)?)\s+(?:also\s+|later\s+|further\s+)?"
    r"(?:said|says|added|told|tells|wrote|posted|tweeted|noted|explained|stated|confirmed|reported|revealed|"
    r"clarified|announced|tallied|counted|revised|updated|raised|lowered|put)\b",
    re.I,
)
# "according to the statement": the words of the statement a speaker already named made
ACCORDING_AGAIN = re.compile(
    r"\b(?:according to|citing|per)\s+(?:the|that|this|its|their)\s+(?:same\s+|latest\s+)?"
    r"(?:statement|communiqu[eé]|(?:press\s+)?release)\b",
    re.I,
)
# what follows a closing quotation mark when its speaker comes after it: '," he said', '" wrote X'
_QUOTE_VERB = (
    r"(?:said|says|added|told|tells|wrote|posted|tweeted|revealed|stated|explained|confirmed|noted|recalled|"
    r"recounted|insisted|declared|disclosed|stressed|warned)"
)
AFTER_QUOTE = re.compile(
    rf"^[\s,]*(?:[\w'’.&-]+\s+){{0,10}}?{_QUOTE_VERB}\b"
    # '," Mohamed Omar, a council member, told Xinhua': the speaker and an apposition
    rf"|^[\s,]*(?:[\w'’.-]+\s+){{0,4}}?[\w'’.-]+,[^,;:\"“”]{{3,100}},\s*{_QUOTE_VERB}\b",
    re.I,
)
# what precedes an opening quotation mark when its speaker comes before it: 'X said: "', 'X said, "'
BEFORE_QUOTE = re.compile(
    r"\b(?:said|says|added|told [\w ]{1,30}?|wrote|posted|tweeted|stated|statement(?: read)?|explained|"
    # "quoted a member of staff:", "cited the director as saying"
    r"(?:quoted|cited) [^:\"“”]{1,60}?(?: as saying)?)"
    r"(?:\s+(?:on\s+)?\w+day)?\s*[:,]?\s*$",
    re.I,
)


# a sentence that adds to figures already given goes on with their account
ADDING = re.compile(
    r"^\W*(?:in addition to|besides|apart from|on top of|as well as)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:dead|deaths?|killed|fatalities|casualties|wounded|injured|victims)\b",
    re.I,
)


@dataclass
class Speakers:
    """The speakers named so far, in text order, for references back."""

    named: list[sources.SourceMention] = field(default_factory=list)
    last_figures: sources.SourceMention | None = None  # who gave the last figures
    # (sentence index, speaker) of the last sentence whose reporting frame names one speaker
    framed: tuple[int, sources.SourceMention] | None = None

    def last(self) -> sources.SourceMention | None:
        return self.named[-1] if self.named else None

    def remember(self, m: sources.SourceMention) -> None:
        if m is not sources.UNATTRIBUTED:
            self.named.append(m)

    def resolve(self, m: sources.SourceMention) -> sources.SourceMention:
        """A speaker named by its kind alone ("the ministry") as the last full name of that kind."""
        key = m.canonical.lower()
        heads = HEADS.get(key)
        if heads is None or not (DEFINITE.match(m.as_reported) or m.as_reported.lower() == key):
            return m
        for h in reversed(self.named):
            name = h.canonical.lower()
            fuller = len(name) > len(key) or name not in HEADS  # a fuller name, or one no bare kind word
            if name != key and fuller and any(w in name for w in heads):
                # the words that name the speaker, though they stand in another sentence
                return sources.SourceMention(m.start, m.end, h.canonical, h.source_type, h.as_reported)
        return m


def mentions(sentence: str, actor_mentions: list, place_spans: list, known: dict) -> list:
    """Every would-be speaker in a sentence: listed sources, introduced people, named forces, "the group".

    A source word inside a longer place name ("Gwoza Local Government Area") is the place's.
    """
    found = [
        m
        for m in sources.mentions(sentence)
        if not any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in place_spans)
    ]
    for extra in (
        people.named(sentence, known),
        # named forces speak ("the Israeli military said"); generic ones ("soldiers") are counted, not quoted
        sources.from_actors(sentence, [a for a in actor_mentions if a.canonical != "state forces"]),
        sources.group_refs(sentence, actor_mentions),
    ):
        found += [m for m in extra if not any(f.start < m.end and m.start < f.end for f in found)]
    for extra in (sources.speakers(sentence, found, place_spans),):
        found += [m for m in extra if not any(f.start < m.end and m.start < f.end for f in found)]
    return found


def quote_speakers(doc: Doc, found_by_sentence: dict[int, list]) -> None:
    """Give each quotation the speaker named just after it or just before it, else the speaker
    of the quotation it follows ('"Six were killed," the officer said. "Ten are hurt."')."""
    previous = None
    for q in doc.quotes:
        q.speaker = (
            _after(doc, q, found_by_sentence)
            or _before(doc, q, found_by_sentence)
            or _goes_on(doc, previous, q)
        )
        previous = q


def _goes_on(doc: Doc, previous: Quote | None, q: Quote):
    """The speaker of the quotation before, where q opens the next sentence of its paragraph."""
    if previous is None or previous.speaker is None:
        return None
    s = doc.sentence_of(q.start)
    if s is None or s.start != q.start or not s.index:
        return None
    before = doc.sentences[s.index - 1]
    same_paragraph = before.paragraph == s.paragraph
    return previous.speaker if same_paragraph and before.start <= previous.start < before.end else None


def _frame_source(s: Sentence, found: list, lo: int, hi: int) -> sources.SourceMention | None:
    for f in sources.frames(s.text, found):
        if lo <= f.pos <= hi and f.source is not None:
            return f.source
    return None


def _after(doc: Doc, q: Quote, found_by_sentence: dict[int, list]):
    s = doc.sentence_of(q.end - 1) or doc.sentence_of(q.end)
    if s is None or q.end >= s.end:
        return None
    rest = doc.text[q.end : s.end]
    if not AFTER_QUOTE.match(rest):
        return None
    local = q.end - s.start
    src = _frame_source(s, found_by_sentence.get(s.index, []), local, local + 80)
    return src or ("again" if AGAIN.search(rest.lstrip()[:60]) else None)


def _before(doc: Doc, q: Quote, found_by_sentence: dict[int, list]):
    s = doc.sentence_of(q.start)
    if s is None:
        return None
    lead = doc.text[s.start : q.start]
    if not BEFORE_QUOTE.search(lead):
        # a quotation opening its own sentence right after "X said:" at the end of the one before
        prev = doc.sentences[s.index - 1] if s.index and q.start == s.start else None
        if prev is None or not doc.text[prev.start : prev.end].rstrip().endswith(":"):
            return None
        s, lead = prev, doc.text[prev.start : prev.end]
    src = _frame_source(s, found_by_sentence.get(s.index, []), 0, len(lead))
    return src or ("again" if AGAIN.search(lead) else None)


def figure_speaker(
    s: Sentence,
    pos: int,
    found: list,
    quote: Quote | None,
    state: Speakers,
    quote_speaker: sources.SourceMention | None,
) -> sources.SourceMention:
    """The speaker of the figure at pos (within sentence s): its frame, its quotation, or the last speaker."""
    src = sources.attribute(s.text, pos, found)
    if src is sources.UNATTRIBUTED and quote is not None and quote_speaker is not None:
        src = quote_speaker
    if src is sources.UNATTRIBUTED and state.last() is not None and (
        AGAIN.search(s.text) or ACCORDING_AGAIN.search(s.text)
    ):
        src = state.last()
    if src is sources.UNATTRIBUTED and state.last_figures is not None and ADDING.match(s.text):
        src = state.last_figures  # "Besides the five deaths, nine were hurt": the same account
    if src is sources.UNATTRIBUTED and state.framed is not None and state.framed[0] == s.index - 1:
        # "The ministry said in a statement that gunmen stormed the post. Seven guards were killed.":
        # reported speech goes on into the next sentence until another speaker is named
        return state.framed[1]
    return state.resolve(src) if src is not sources.UNATTRIBUTED else src
