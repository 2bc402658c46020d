"""The layers the reader adds to a Doc, each read once per article.

`read(doc)` runs the stages in order and leaves on the Doc:

- `geo`: geo's place mentions of the whole text (one call to geo.find_places);
- `actors`, `sources`: actor names and would-be speakers of every sentence;
- `quotes`' speakers (incidents.speech);
- `parts`: for each sentence with a word of violence or casualties, its event
  mentions, dates, incident-place candidates, actors and casualty claims (each
  figure already given its speaker), as one SentenceParts span;
- `figure`, `speaker`, `date`, `place`, `event` spans for the article view.

No later stage reads the raw text again: incidents.extract decides over these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from incidents import actors, casualties, dates, events, places, sources, speech
from incidents.doc import Doc, Span
from incidents.model import CasualtyClaim, DateReading
from incidents.text import Sentence

# (matched on the lower-cased sentence: a case-blind search is four times slower)
RELEVANT = re.compile(
    r"strike|struck|attack|assault|kill|dead|died|death|wound|injur|hurt|martyr|bomb|blast|explo|rocket|missile|"
    r"mortar|shell|drone|salvo|barrage|clash|gun|fire|raid|ambush|storm|massacre|shoot|shot|\bhit\b|battle|"
    # "its investigators had counted 15 bodies": a toll with no other word for death
    r"\bbod(?:y|ies)\b|corpses?|abduct|kidnap|casualt|behead|victim"
)


def relevant(text: str) -> bool:
    """A sentence with a word of violence or casualties (the others add no event and no figure)."""
    return RELEVANT.search(text.lower()) is not None


@dataclass
class SentenceParts:
    """Everything read from one sentence, before it is given to events."""

    sentence: Sentence
    mentions: list[events.Mention]
    dates: list[dates.Found]
    places: list
    actors: list[actors.ActorMention]
    claims: list[tuple[int, CasualtyClaim]]  # (position in sentence, claim)
    source_spans: list[tuple[int, int, str]] = field(default_factory=list)
    adjectivals: list = field(default_factory=list)  # geo mentions such as "Israeli", "Russian"


def read(doc: Doc) -> Doc:
    """Add every layer the reader decides over (see the module docstring)."""
    text = doc.text
    geo_mentions = places.find(text)
    doc.layers["geo"] = [Span(g.start, g.end, g.role, g) for g in geo_mentions]
    people = sources.people(text)
    found_by_sentence: dict[int, list] = {}
    hot = {s.index for s in doc.sentences if relevant(s.text)}
    for s in doc.sentences:
        if not (s.index in hot or sources.SPEAKS.search(s.text)):
            found_by_sentence[s.index] = []
            continue  # no violence, no casualties, nobody speaking: nothing to read here
        acts = actors.mentions(s.text)
        national = national_forces(s, geo_mentions)
        # "Eritrean troops": the nationality names the forces the bare word ("troops") leaves generic
        acts = [
            b
            for b in acts
            if not (
                b.canonical == "state forces" and any(a.start <= b.start and b.end <= a.end for a in national)
            )
        ]
        acts += [a for a in national if not any(b.start < a.end and a.start < b.end for b in acts)]
        acts.sort(key=lambda a: a.start)
        spans = [(g.start - s.start, g.end - s.start) for g in geo_mentions if s.start <= g.start < s.end]
        found = speech.mentions(s.text, acts, spans, people)
        found_by_sentence[s.index] = found
        doc.layers.setdefault("actors", []).extend(
            Span(s.start + a.start, s.start + a.end, "actor", a) for a in acts
        )
        doc.layers.setdefault("sources", []).extend(
            Span(s.start + m.start, s.start + m.end, "source", m) for m in found
        )
    speech.quote_speakers(doc, found_by_sentence)
    state = speech.Speakers()
    previous: DateReading | None = None
    military = False
    for s in doc.sentences:
        found = found_by_sentence[s.index]
        if s.index in hot:
            parts = _parts(doc, s, found, geo_mentions, previous, military, state)
            doc.add("parts", Span(s.start, s.end, "parts", parts))
            military = military or any(m.key != "attack" for m in parts.mentions)
            known = [d.reading for d in parts.dates if d.kind == "event" and d.reading.known]
            if known and known[-1].precision == 1:
                previous = known[-1]
        # the subject that opens a sentence ("The provincial health department named the dead.") is who "it"
        # means next, though it reports nothing here; then who speaks in the sentence
        opening = [m for m in found if m.start <= 4 and m.source_type != "armed group"]
        if opening:
            state.remember(state.resolve(opening[0]))
        for f in sources.frames(s.text, found):
            if f.source is not None:
                state.remember(state.resolve(f.source))
    return doc


# "Armenian armed forces fired", "Eritrean troops": a nationality and a word for forces is that state's forces
FORCES = re.compile(
    r"\s+(?:armed\s+forces|forces|army|military|troops|soldiers|warplanes|jets|aircraft|artillery|navy|"
    r"air\s+force|missiles?|drones?)\b",
    re.I,
)
# "the strike on the city by Armenia": a country after "by" is the state that attacked
BY_STATE = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
POSSESSIVE = re.compile(r"['’]s?\b")  # "by Yemen's Houthi rebels": the country owns the actor, it is none


def national_forces(s: Sentence, geo_mentions: list) -> list[actors.ActorMention]:
    """State forces by their nationality ("Armenian forces") or as the author of an act ("by Armenia")."""
    out = []
    for g in geo_mentions:
        if not (s.start <= g.start < s.end) or g.place is None or g.place.feature != "country":
            continue
        a, b = g.start - s.start, g.end - s.start
        if g.role == "adjectival" and g.text[:1].isupper():
            m = FORCES.match(s.text, b)
            if m:
                out.append(
                    actors.ActorMention(a, m.end(), f"{g.text} forces", s.text[a : m.end()], "state forces")
                )
        elif BY_STATE.search(s.text[max(0, a - 10) : a]) and not POSSESSIVE.match(s.text, b):
            out.append(actors.ActorMention(a, b, f"{g.place.name} armed forces", g.text, "state forces"))
    return out


def _parts(
    doc: Doc,
    s: Sentence,
    found: list,
    geo_mentions: list,
    previous: DateReading | None,
    military: bool,
    state: speech.Speakers,
) -> SentenceParts:
    acts_all = [x.data for x in doc.layer("actors", s.start, s.end)]
    claims = _claims(doc, s, found, state)
    said = [f.source for f in sources.frames(s.text, found) if f.source is not None]
    speaking = set(said)  # (by value: the frames of a sentence are read once and may be shared)
    src_spans = [(m.start, m.end) for m in found if m in speaking]
    acts = [
        a
        for a in acts_all
        if not any(x < a.end and a.start < y for x, y in src_spans) or actors.SELF_REPORT.match(s.text, a.end)
    ]
    # no source is a place, speaking or spoken to ("told SANA" is the agency, not Sanaa)
    exclude = [(s.start + m.start, s.start + m.end) for m in [*found, *acts]]
    return SentenceParts(
        s,
        events.find_mentions(s.text, military),
        dates.find_dates(s.text, s.start, doc.article.published, previous),
        [p for p in _places(s, geo_mentions, exclude) if _consistent(p, doc)],
        acts,
        claims,
        [(s.start + m.start, s.start + m.end, m.canonical) for m in found],
        [g for g in geo_mentions if s.start <= g.start < s.end and g.role == "adjectival"],
    )


def _places(s: Sentence, geo_mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Incident-place candidates of a sentence: geo's places where the words make them a location."""
    # "the country's east" is read here with the country in context (never an actor's name)
    parts = places.country_parts(s.text, s.start, geo_mentions, exclude)
    parts += [
        p
        for p in places.settlement_refs(s.text, s.start, geo_mentions, exclude)
        if not any(q.start < p.end and p.start < q.end for q in geo_mentions + parts)
    ]
    parts += [
        p
        for p in places.road_refs(s.text, s.start, exclude)
        + places.admin_refs(s.text, s.start, geo_mentions, exclude)
        + places.locality_refs(s.text, s.start, geo_mentions, exclude)
        if not any(q.start < p.end and p.start < q.end for q in parts)
    ]
    return parts + [
        p
        for p in places.candidates(geo_mentions, s.start, s.end, exclude, s.text)
        if places.locative(s.text, p, s.start) and not any(q.start < p.end and p.start < q.end for q in parts)
    ]


def _consistent(p, doc: Doc) -> bool:
    """A place in a country the article names nowhere else, where its other places lie in other
    countries, is a misreading (a region of one country read as a like-named admin area of
    another). A country named in any role ("Israeli", "US drones") counts as named."""
    if p.place is None or not p.place.country_code:
        return True
    country = places.country_name(p.place.country_code)
    if country and country.lower() in p.text.lower():
        return True  # "northeastern Jordan" names its country itself
    named, placed = set(), set()
    for g in doc.layers.get("geo", []):
        if g.data.place is None or not g.data.place.country_code or g.data.text == p.text:
            continue
        if any(m.start < g.end and g.start < m.end for m in doc.layers.get("sources", [])):
            continue  # "told SANA": a source's name, not a place of the article
        named.add(g.data.place.country_code)
        if g.data.role == "place":
            placed.add(g.data.place.country_code)
    return not placed or p.place.country_code in named


def _claims(doc: Doc, s: Sentence, found: list, state: speech.Speakers) -> list[tuple[int, CasualtyClaim]]:
    """One claim per speaker per sentence, killed and wounded together."""
    by_source: dict[str, tuple[int, CasualtyClaim]] = {}
    for f in casualties.figures(s.text):
        quote = doc.quote_at(s.start + f.start)
        qs = quote.speaker if quote is not None else None
        if qs == "again":
            qs = state.last()
        src = speech.figure_speaker(s, f.start, found, quote, state, qs)
        state.last_figures = src if src is not sources.UNATTRIBUTED else state.last_figures
        pos, claim = by_source.setdefault(
            src.canonical,
            (
                f.start,
                CasualtyClaim(
                    source=src.canonical,
                    source_as_reported=src.as_reported,
                    source_type=src.source_type,
                    quote=s.text,
                    article_id=doc.article.article_id,
                ),
            ),
        )
        if f.kind == "killed" and claim.killed_low is None and claim.killed_high is None:
            claim.killed_low, claim.killed_high = f.low, f.high
        elif f.kind == "wounded" and claim.wounded_low is None and claim.wounded_high is None:
            claim.wounded_low, claim.wounded_high = f.low, f.high
        else:
            continue
        if f.text not in claim.count_text.split("; "):
            claim.count_text = "; ".join(x for x in (claim.count_text, f.text) if x)
        if claim.victim_group == "unknown" or f.kind == "killed":
            claim.victim_group = f.victims if claim.victim_group in ("unknown", f.victims) else "mixed"
        claim.spans.append((s.start + f.start, s.start + f.end, "figure"))
        if src.start >= 0 and s.start + src.end <= s.end and s.text[src.start : src.end] == src.as_reported:
            claim.spans.append((s.start + src.start, s.start + src.end, "source"))
        elif src.as_reported:
            claim.spans += _speaker_span(doc, src)
    return list(by_source.values())


def _speaker_span(doc: Doc, src: sources.SourceMention) -> list[tuple[int, int, str]]:
    """Where a speaker named in another sentence stands (its last mention), for the article view."""
    for m in reversed(doc.layers.get("sources", [])):
        if m.data.as_reported == src.as_reported or m.data.canonical == src.canonical:
            return [(m.start, m.end, "source")]
    return []
