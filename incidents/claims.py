"""A sentence's casualty claims: its figures (incidents.casualties), each given its speaker
(incidents.speech), gathered into one claim per statement.

One source's killed and wounded in a sentence are one claim. A second figure of a
kind the source already gave in the sentence is a second statement only where the
text says it is another stage ("..., after initially reporting 3 dead and 17
wounded"); otherwise it is a part of the first (and dropped).
"""

from __future__ import annotations

import re

from incidents import casualties, lexicon, sources, speech
from incidents.doc import Doc, Span
from incidents.model import CasualtyClaim
from incidents.text import Sentence, is_clutter


def _free(claim: CasualtyClaim, kind: str) -> bool:
    if kind == "killed":
        return claim.killed_low is None and claim.killed_high is None
    return claim.wounded_low is None and claim.wounded_high is None


def _slot(claims: list[CasualtyClaim], f: casualties.Figure) -> CasualtyClaim | None:
    """The claim of this source the figure fills, or None for a new statement."""
    last = claims[-1]
    if f.stage and f.stage != last.stage and any(last.figures()):
        return None
    return next((c for c in reversed(claims) if _free(c, f.kind)), last)


def sentence_claims(
    doc: Doc, s: Sentence, found: list, state: speech.Speakers
) -> list[tuple[int, CasualtyClaim]]:
    """The claims of one sentence with their positions in it, in text order."""
    by_source: dict[str, list[CasualtyClaim]] = {}
    out: list[tuple[int, CasualtyClaim]] = []
    for f in casualties.figures(s.text):
        quote = doc.quote_at(s.start + f.start)
        qs = quote.speaker if quote is not None else None
        if qs == "again":
            qs = state.last()
        src = speech.figure_speaker(s, f.start, found, quote, state, qs)
        state.last_figures = src if src is not sources.UNATTRIBUTED else state.last_figures
        mine = by_source.setdefault(src.canonical, [])
        claim = _slot(mine, f) if mine else None
        if claim is None:
            claim = CasualtyClaim(
                source=src.canonical,
                source_as_reported=src.as_reported,
                source_type=src.source_type,
                quote=s.text,
                article_id=doc.article.article_id,
                stage=f.stage,
            )
            mine.append(claim)
            out.append((f.start, claim))
        if not _free(claim, f.kind):
            continue
        _fill(claim, f)
        if f.named and f.kind == "killed":
            doc.add("named dead", Span(s.start + f.start, s.start + f.end, "named dead", claim))
        claim.spans.append((s.start + f.start, s.start + f.end, "figure"))
        if src.start >= 0 and s.start + src.end <= s.end and s.text[src.start : src.end] == src.as_reported:
            claim.spans.append((s.start + src.start, s.start + src.end, "source"))
        elif src.as_reported:
            claim.spans += _speaker_span(doc, src)
    return out


def _fill(claim: CasualtyClaim, f: casualties.Figure) -> None:
    if f.kind == "killed":
        claim.killed_low, claim.killed_high = f.low, f.high
    else:
        claim.wounded_low, claim.wounded_high = f.low, f.high
    claim.approximate = claim.approximate or f.approx
    if f.text not in claim.count_text.split("; "):
        claim.count_text = "; ".join(x for x in (claim.count_text, f.text) if x)
    if claim.victim_group == "unknown" or f.kind == "killed":
        claim.victim_group = f.victims if claim.victim_group in ("unknown", f.victims) else "mixed"


def _speaker_span(doc: Doc, src: sources.SourceMention) -> list[tuple[int, int, str]]:
    """Where a speaker named in another sentence stands (its last mention), for the article view."""
    for m in reversed(doc.layers.get("sources", [])):
        if m.data.as_reported == src.as_reported or m.data.canonical == src.canonical:
            return [(m.start, m.end, "source")]
    return []


def settle(doc: Doc, found_by_sentence: dict[int, list]) -> None:
    """Speakers decided by the sentences after a figure's own, once the whole text is read.

    - "..., a monitor said." then "..., the Syrian Observatory for Human Rights said.": an
      indefinite speaker is the one of its kind the next sentences name ("a local official"
      ... "Mohamed Omar, a council member, told Xinhua").
    - "The agency said 30 bodies came in." then "Of the 80 treated, ..., said its head.": one
      body's account told by two of its voices, each giving the kind the other left out, is one
      claim (_join_one_body).
    - "Sergeant X was killed" where the article counts its dead elsewhere ("the blast killed six"):
      one named victim is no toll of the event (_named_dead_no_toll).
    - "Bomber kills 20 at mosque" over a body that gives no figure: the headline's toll is the
      article's (_headline_toll).
    - a monitor's or a rights group's page on its own site: what it states in its own voice is its
      claim (_outlet_voice).
    - "Five workers were killed and 12 injured." then "The company said in a statement.":
      a sentence that only says who spoke (or "This was reported by X") gives the figures
      of the sentence before, told in the article's voice, their source.
    """
    parts = [span.data for span in doc.layer("parts")]
    _join_one_body(parts)
    _named_dead_no_toll(doc, parts)
    _headline_toll(doc, parts)
    for k, p in enumerate(parts):
        nxt = [q for q in parts[k + 1 : k + 3] if q.sentence.index <= p.sentence.index + 2]
        for _, c in p.claims:
            if INDEFINITE.match(c.source_as_reported) and not sources.listed(c.source):
                named = _named_next(doc, p.sentence.index, c, found_by_sentence)
                if named is not None:
                    c.source, c.source_type = named.canonical, named.source_type
        own = [c for _, c in p.claims if any(x is not None for x in c.figures())]
        if own and all(c.source == sources.UNATTRIBUTED.canonical for c in own):
            after = doc.sentences[p.sentence.index + 1] if p.sentence.index + 1 < len(doc.sentences) else None
            src = _bare_frame(after, found_by_sentence) if after is not None else None
            if src is not None and not any(q.sentence.index == after.index and q.claims for q in nxt):
                for c in own:
                    c.source, c.source_type, c.source_as_reported = (
                        src.canonical,
                        src.source_type,
                        src.as_reported,
                    )

    _outlet_voice(doc, parts)


INDEFINITE = re.compile(r"^(?:a|an|one)\s", re.I)


def _named_next(doc: Doc, index: int, c: CasualtyClaim, found_by_sentence: dict[int, list]):
    """The speaker of the claim's kind that the next two sentences name in full, if any."""
    heads = speech.HEADS.get(c.source.lower()) or speech.HEADS.get(c.source.lower().split()[-1], ())
    for s in doc.sentences[index + 1 : index + 3]:
        for f in sources.frames(s.text, found_by_sentence.get(s.index, [])):
            m = f.source
            if m is None or m.canonical == c.source or INDEFINITE.match(m.as_reported):
                continue
            if c.source_type in sources.FIELDS and m.source_type != c.source_type:
                continue  # "a health official" is no spokesman of the emergency services
            name = m.canonical.lower()
            # an introduced person: "Mohamed Omar, council member ...", "Sinjar mayor Nayef Sido"
            person = m.canonical.startswith(f"{m.as_reported},") or m.canonical.endswith(f" {m.as_reported}")
            if any(h in name for h in heads) or (person and m.source_type == c.source_type):
                return m
    return None


# "This was reported by X", "The figures were given by X": the sentence before is X's
BACK_REFERENCE = re.compile(
    r"^\W*(?:this|that|these|the (?:figures?|toll|numbers?|casualt\w+|information|data|details))\b", re.I
)
# what may stand around a bare frame: "In a statement, X said on Telegram."
_FRAME_ONLY = re.compile(
    r"^[\W\s]*(?:(?:in a (?:statement|post|message|briefing)|later|earlier|separately)\W*)?$", re.I
)


def _bare_frame(s: Sentence, found_by_sentence: dict[int, list]) -> sources.SourceMention | None:
    """The speaker of a sentence that only says who spoke (or refers back to figures given)."""
    found = found_by_sentence.get(s.index, [])
    fr = [f for f in sources.frames(s.text, found) if f.source is not None]
    if len(fr) != 1:
        return None
    f = fr[0]
    if BACK_REFERENCE.match(s.text):
        return f.source
    first, last = min(f.pos, f.source.start), max(f.pos, f.source.end)
    verb = sources.REPORT_VERB.match(s.text, f.pos)
    rest = s.text[max(last, verb.end() if verb else last) :]
    return f.source if _FRAME_ONLY.match(s.text[:first]) and not sources.tail(rest) else None


def _bodies(source: str) -> set[str]:
    """The listed organisations a speaker's name names ("X, a spokeswoman for the Red Cross": Red Cross)."""
    found = {h.entry.canonical for h in lexicon.sources().find(source) if h.entry.canonical != "*"}
    return found | ({source} if sources.listed(source) else set())


def _kinds(c: CasualtyClaim) -> set[str]:
    k = {"killed"} if (c.killed_low, c.killed_high) != (None, None) else set()
    return k | ({"wounded"} if (c.wounded_low, c.wounded_high) != (None, None) else set())


def _one_body(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """Two speakers of one organisation: both name it, or the second is a bare name with no role
    (a person the page never introduces) speaking right after the organisation's own statement."""
    first, second = _bodies(a.source), _bodies(b.source)
    if first & second:
        return True
    bare = b.source_type == "local sources" and b.source == b.source_as_reported and " " in b.source
    return bool(first) and a.source_type not in ("media", "state media") and bare and not second


def _join_one_body(parts: list) -> None:
    """Merge a sentence's single claim into the one of the sentence before when both are one body's
    and each gives only the kind of figure the other lacks (killed, then wounded)."""
    for p, q in zip(parts, parts[1:], strict=False):
        if q.sentence.index != p.sentence.index + 1:
            continue
        a = [c for _, c in p.claims if _kinds(c)]
        b = [(pos, c) for pos, c in q.claims if _kinds(c)]
        if len(a) != 1 or len(b) != 1:
            continue
        first, (pos, second) = a[0], b[0]
        if first.source == second.source or _kinds(first) & _kinds(second) or not _one_body(first, second):
            continue
        if "wounded" in _kinds(second):
            first.wounded_low, first.wounded_high = second.wounded_low, second.wounded_high
        else:
            first.killed_low, first.killed_high = second.killed_low, second.killed_high
        first.count_text = "; ".join(x for x in (first.count_text, second.count_text) if x)
        first.approximate = first.approximate or second.approximate
        first.spans += second.spans
        q.claims.remove((pos, second))


# a label before a headline's words: "VIDEO: ...", "Watch - ...", "UPDATE 2: ..."
_LABEL = re.compile(
    r"^\W*(?:video|clip|watch|photos?|gallery|live|update\s*\d*|breaking(?: news)?)\s*[:|–—-]\s*", re.I
)


def _headline_toll(doc: Doc, parts: list) -> None:
    """A toll the headline gives ("Gunmen kill 12 in ...", "VIDEO: 9 dead after ...") where the body
    gives no figure at all: the headline's claim, in its own speaker's words or the outlet's voice,
    joins the first sentence that tells an event."""
    if any(any(x is not None for x in c.figures()) for p in parts for _, c in p.claims):
        return
    target = next((p for p in parts if p.mentions), None)
    if target is None:
        return
    for words, start in _heading_lines(doc):
        label = _LABEL.match(words)
        if label:
            words, start = words[label.end() :], start + label.end() if start >= 0 else -1
        if casualties.figures(words):
            break
    else:
        return
    line = Sentence(-1, max(start, 0), max(start, 0) + len(words), words, -1)
    found = sources.mentions(words)
    found += sources.speakers(words, found)
    got = [
        c
        for _, c in sentence_claims(doc, line, found, speech.Speakers())
        if any(x is not None for x in c.figures())
    ]
    for c in got:
        if start < 0:
            c.spans = []
        target.claims.append((0, c))


def _heading_lines(doc: Doc):
    """The lines above the first sentence (headline, deck) with their offsets, else the article's
    title (offset -1: a title the text does not hold)."""
    first = doc.sentences[0].start if doc.sentences else len(doc.text)
    offset, any_line = 0, False
    for line in doc.text[:first].split("\n"):
        words = line.strip()
        if 15 <= len(words) < 200 and " " in words and not is_clutter(words):
            any_line = True
            yield words, offset + len(line) - len(line.lstrip())
        offset += len(line) + 1
    title = doc.article.title.strip()
    if not any_line and title and not is_clutter(title):
        yield title, -1


# an outlet that is a body which counts (a ministry, a police or army command) by its head noun
_COUNTING_BODY = re.compile(
    r"\b(?:ministry|police|army|armed forces|defen[cs]e forces|military|command|presidency|directorate)\b",
    re.I,
)
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9-]+)\.[a-z.]{2,12}(?:/.*)?")
_PRESS = re.compile(
    r"\b(?:news|press|times|post|daily|tv|television|radio|media|journal|herald|gazette)\b", re.I
)


def outlet_speaker(outlet: str) -> sources.SourceMention | None:
    """The page's outlet as a speaker, where it is itself an organisation that reports (a monitor, a
    rights group, an aid or medical body, a ministry, an armed group): listed, or known by its head
    noun. A news outlet (and a state news agency) reports what others say: None."""
    name = re.sub(r"^the\s+", "", outlet.strip(), flags=re.I)
    domain = _DOMAIN.fullmatch(name.lower())
    if domain:  # an outlet known by its address only ("hrw.org"): its name is the address's label
        e = lexicon.sources().by_alias.get(domain.group(1))
        if e is None or e.canonical == "*" or e.kind in ("media", "state media"):
            return None
        return sources.SourceMention(-1, -1, e.canonical, e.kind, name)
    if not name or _PRESS.search(name):
        return None
    hits = lexicon.sources().find(name)
    whole = [h for h in hits if h.start <= 2 and h.end >= len(name) - 2]
    if whole:
        e = whole[0].entry
        if e.kind in ("media", "state media"):
            return None
        return sources.SourceMention(-1, -1, name if e.canonical == "*" else e.canonical, e.kind, name)
    kind = sources.source_type_of(name)
    if kind in ("monitor", "medical") or (kind == "government" and _COUNTING_BODY.search(name)):
        return sources.SourceMention(-1, -1, name, kind, name)
    return None


def _outlet_voice(doc: Doc, parts: list) -> None:
    """Figures in the page's own voice are the outlet's claim where the outlet is an organisation that
    reports (its own statement on its own site), not a newsroom's unattributed words."""
    src = outlet_speaker(doc.article.outlet or doc.article.url)
    if src is None:
        return
    for p in parts:
        for _, c in p.claims:
            if c.source == sources.UNATTRIBUTED.canonical:
                c.source, c.source_type, c.source_as_reported = (
                    src.canonical,
                    src.source_type,
                    src.as_reported,
                )


def _named_dead_no_toll(doc: Doc, parts: list) -> None:
    """A death told by naming the dead is a victim of the event, not its toll, where the article
    gives a count of two or more dead: the named death's figure is left out (and its claim, if it
    had no other figure)."""
    named = {id(span.data) for span in doc.layers.get("named dead", [])}
    if not named:
        return
    counted = any(
        id(c) not in named and max(c.killed_low or 0, c.killed_high or 0) >= 2
        for p in parts
        for _, c in p.claims
    )
    if not counted:
        return
    for p in parts:
        for pos, c in list(p.claims):
            if id(c) in named and c.killed_low == 1 and c.killed_high == 1:
                c.killed_low = c.killed_high = None
                if not any(x is not None for x in c.figures()):
                    p.claims.remove((pos, c))
