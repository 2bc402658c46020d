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
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache

from incidents import actors, dates, events, people, places, sources, speech
from incidents import claims as claims_of
from incidents.doc import Doc, Span
from incidents.model import CasualtyClaim, DateReading
from incidents.text import Caseless, Sentence

# (matched on the lower-cased sentence: a case-blind search is four times slower)
RELEVANT = re.compile(
    r"strike|struck|attack|assault|kill|dead|died|death|demise|lives|perish|wound|injur|hurt|martyr|bomb|blast|explo|rocket|missile|"
    r"mortar|shell|drone|salvo|barrage|clash|gun|fire|raid|ambush|storm|massacre|shoot|shot|\bhit\b|battle|"
    # "its investigators had counted 15 bodies": a toll with no other word for death
    r"\bbod(?:y|ies)\b|corpses?|abduct|kidnap|casualt|behead|victim|toll\b|tally|"
    # "The X Front claimed responsibility.": who did it, in a sentence of its own
    r"responsib|claimed|"
    # "of the 48 people treated there": the wounded a hospital took in (incidents.casualties.CARED_FOR)
    r"treated|admitted to|hospitali"
)


SPEAKS = Caseless(sources.SPEAKS.pattern)  # (sources.SPEAKS, only asked whether it occurs)
# a sentence that introduces a statement: what follows it goes on with the statement's words
STATEMENT = re.compile(r"\b(?:statements?|communiqu[eé]s?|press release|(?:news|press) conference)\b", re.I)


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
    geo_mentions = places.find(text, doc.article.url)
    placed = tuple((g.start, g.end) for g in geo_mentions if g.place is not None)
    # "police spokesman Major Ali Aden": a surname that is also a town is no place of the article
    names = people.names_over_places(text, placed)
    if names:
        geo_mentions = [g for g in geo_mentions if not any(a <= g.start and g.end <= b for a, b in names)]
        placed = tuple((g.start, g.end) for g in geo_mentions if g.place is not None)
    doc.layers["geo"] = [Span(g.start, g.end, g.role, g) for g in geo_mentions]
    introduced = people.people(text, placed)
    found_by_sentence: dict[int, list] = {}
    hot = {s.index for s in doc.sentences if relevant(s.text)}
    for s in doc.sentences:
        if not (s.index in hot or SPEAKS.occurs(s.text)):
            found_by_sentence[s.index] = []
            continue  # no violence, no casualties, nobody speaking: nothing to read here
        acts = _no_place_names(actors.mentions(s.text), s, geo_mentions)
        national = national_forces(s, geo_mentions)
        # "Eritrean troops": the nationality names the forces the bare word ("troops") leaves generic
        acts = [
            b
            for b in acts
            if not (
                b.canonical == "state forces" and any(a.start <= b.start and b.end <= a.end for a in national)
            )
        ]
        acts = _national_frames(acts, national)
        acts += [a for a in national if not any(b.start < a.end and a.start < b.end for b in acts)]
        acts.sort(key=lambda a: a.start)
        spans = [(g.start - s.start, g.end - s.start) for g in geo_mentions if s.start <= g.start < s.end]
        found = speech.mentions(s.text, acts, spans, introduced)
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
    evidence = CountryEvidence.of(doc)
    for s in doc.sentences:
        found = found_by_sentence[s.index]
        if s.index in hot:
            parts = _parts(doc, s, found, geo_mentions, previous, military, state, evidence)
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
        fr = [f for f in sources.frames(s.text, found) if f.source is not None]
        said = [state.resolve(f.source) for f in fr]
        for m in said:
            state.remember(m)
        # a frame that opens its account ("The ministry said on Monday that ...") or introduces a statement
        # goes on into the next sentence; "..., police said." closes its own
        opens = any(not f.final for f in fr) or STATEMENT.search(s.text) is not None
        one = bool(said) and all(m.canonical == said[0].canonical for m in said)
        state.framed = (s.index, said[0]) if one and opens else None
    claims_of.settle(doc, found_by_sentence)
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


def _no_place_names(acts: list, s: Sentence, geo_mentions: list) -> list:
    """A name a frame alone made an actor (no listed group) that geo reads as a town or village is that
    place ("blamed on X" where X is a village): a place is never an attacker."""
    placed = [
        (g.start - s.start, g.end - s.start)
        for g in geo_mentions
        if g.place is not None and g.role == "place" and s.start <= g.start < s.end
    ]
    if not placed:
        return acts
    return [
        a
        for a in acts
        if not (
            a.hint
            and not actors.is_listed(a.canonical)
            and any(x <= a.start and a.end <= y for x, y in placed)
        )
    ]


def _national_frames(acts: list, national: list) -> list:
    """ "blamed on Israel": a state a frame names as the attacker is its forces, by their national name."""
    out = []
    for b in acts:
        same = next((a for a in national if b.hint and a.start <= b.start and b.end <= a.end), None)
        out.append(replace(same, hint=b.hint) if same is not None else b)
    return out


def _parts(
    doc: Doc,
    s: Sentence,
    found: list,
    geo_mentions: list,
    previous: DateReading | None,
    military: bool,
    state: speech.Speakers,
    evidence: CountryEvidence,
) -> SentenceParts:
    acts_all = [x.data for x in doc.layer("actors", s.start, s.end)]
    claims = claims_of.sentence_claims(doc, s, found, state)
    said = [f.source for f in sources.frames(s.text, found) if f.source is not None]
    speaking = set(said)  # (by value: the frames of a sentence are read once and may be shared)
    src_spans = [(m.start, m.end) for m in found if m in speaking]
    acts = [
        a
        for a in acts_all
        if not any(x < a.end and a.start < y for x, y in src_spans)
        or actors.SELF_REPORT.match(s.text, a.end)
        or a.hint  # "X claimed responsibility": the claim makes it the attacker, not a speaker only
    ]
    # no source is a place, speaking or spoken to ("told SANA" is the agency, not Sanaa)
    exclude = [(s.start + m.start, s.start + m.end) for m in [*found, *acts]]
    return SentenceParts(
        s,
        events.find_mentions(s.text, military),
        dates.find_dates(s.text, s.start, doc.article.published, previous),
        [p for p in _places(s, geo_mentions, exclude) if _consistent(p, evidence)],
        acts,
        claims,
        [(s.start + m.start, s.start + m.end, m.canonical) for m in found],
        [g for g in geo_mentions if s.start <= g.start < s.end and g.role == "adjectival"],
    )


def _places(s: Sentence, geo_mentions: list, exclude: list[tuple[int, int]]) -> list:
    """Incident-place candidates of a sentence: geo's places where the words make them a location."""
    # "the country's east" is read here with the country in context (never an actor's name)
    parts = places.country_parts(s.text, s.start, geo_mentions, exclude)
    parts += places.border_refs(s.text, s.start, geo_mentions, exclude)
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
        + places.translit_refs(s.text, s.start, geo_mentions, exclude)
        + places.terrain_refs(s.text, s.start, geo_mentions, exclude)
        if not any(q.start < p.end and p.start < q.end for q in parts)
    ]
    return parts + [
        p
        for p in places.candidates(geo_mentions, s.start, s.end, exclude, s.text)
        if places.locative(s.text, p, s.start) and not any(q.start < p.end and p.start < q.end for q in parts)
    ]


@dataclass
class CountryEvidence:
    """How often each country is named in an article, and placed (a place not inside a source's
    name), overall and by the mention's words: counted once per article, so that each place
    candidate is checked in time proportional to the countries, not to the mentions."""

    named: dict[str, int] = field(default_factory=dict)
    placed: dict[str, int] = field(default_factory=dict)
    named_as: dict[tuple[str, str], int] = field(default_factory=dict)  # (words, country) -> count
    placed_as: dict[tuple[str, str], int] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc) -> CountryEvidence:
        ev = cls()
        spans = sorted((m.start, m.end) for m in doc.layers.get("sources", []))
        starts = [a for a, _ in spans]
        reach = 0  # the longest source span: how far back an overlapping one may start
        for a, b in spans:
            reach = max(reach, b - a)
        for g in doc.layers.get("geo", []):
            if g.data.place is None or not g.data.place.country_code:
                continue
            code, words = g.data.place.country_code, g.data.text
            _bump(ev.named, code)
            _bump(ev.named_as, (words, code))
            # "told SANA": a source's name names its country but places nothing
            first = bisect_left(starts, g.start - reach)
            in_source = any(a < g.end and g.start < b for a, b in spans[first : bisect_left(starts, g.end)])
            if not in_source and g.data.role == "place":
                _bump(ev.placed, code)
                _bump(ev.placed_as, (words, code))
        return ev

    def named_besides(self, words: str, code: str) -> int:
        return self.named.get(code, 0) - self.named_as.get((words, code), 0)

    def placed_besides(self, words: str) -> list[str]:
        return [c for c, n in self.placed.items() if n - self.placed_as.get((words, c), 0) > 0]


def _bump(counts: dict, key) -> None:
    counts[key] = counts.get(key, 0) + 1


def _consistent(p, evidence: CountryEvidence) -> bool:
    """A place in a country the article names nowhere else, where its other places lie in another
    country named more than once, is a misreading (a region of one country read as a like-named
    admin area of another). A country named in any role ("Israeli", "US drones", "the Somali
    government said") counts as named; one stray mention elsewhere ("flown to Turkey for
    treatment") is no evidence against the lead's place."""
    if p.place is None or not p.place.country_code:
        return True
    country = places.country_name(p.place.country_code)
    if country and country.lower() in p.text.lower():
        return True  # "northeastern Jordan" names its country itself
    cc = p.place.country_code
    if evidence.named_besides(p.text, cc) > 0:
        return True
    # (a country next to theirs is no misreading: a town in Gaza beside places in Israel)
    others = evidence.placed_besides(p.text)
    return not any(evidence.named_besides(p.text, c) > 1 and not _neighbours(cc, c) for c in others)


@lru_cache(maxsize=1024)
def _neighbours(a: str, b: str) -> bool:
    """Whether two countries share a border (geo's country shapes); False when geo cannot say."""
    try:
        from geo import shapes

        return shapes.are_neighbours(a, b)
    except Exception:  # geo's shapes missing must not lose the article
        return False
