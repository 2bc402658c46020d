"""Extraction: one article -> the Reports it makes (what it says about each event).

Sentence by sentence: event mentions, and around each the dates, places,
actors and casualty claims nearest to it. A definite phrase with no date of
its own ("the strikes", "that attack") adds to the event it refers back to;
figures in a sentence with no event phrase belong to the event being
discussed. Background, generic plurals and hypotheticals make no report.
Finally the article's reports of the same event are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from incidents import actors, cluster, dates, events, layers, lexicon, places
from incidents.doc import Doc, make_doc
from incidents.layers import SentenceParts
from incidents.model import Article, CasualtyClaim, DateReading, Report
from incidents.text import Sentence

GENERIC_KEYS = {"attack", "strike"}
AIR = events.TYPES["air"][1]
GENERIC_STATE = "state forces"  # data/actors.csv's row for "soldiers", "security forces" with no country
MAX_REPORTS = 150  # event reports read from one article at most
WEAPON_KEYS = {
    "drone": "drone",
    "aircraft": "air",
    "rocket": "rocket",
    "missile": "missile",
    "mortar": "mortar",
    "IED": "ied",
    "artillery": "shelling",
}


def _nearest(pos_start: int, pos_end: int, mentions: list[events.Mention]) -> int:
    def gap(m: events.Mention) -> tuple[int, int]:
        if pos_end <= m.start:
            return m.start - pos_end, 1
        if m.end <= pos_start:
            return pos_start - m.end, 0
        return 0, 0

    return min(range(len(mentions)), key=lambda i: gap(mentions[i]))


@dataclass
class Share:
    """What one event mention gets of its sentence."""

    dates: list[dates.Found] = field(default_factory=list)
    places: list = field(default_factory=list)
    claims: list[CasualtyClaim] = field(default_factory=list)
    actors: list[actors.ActorMention] = field(default_factory=list)


def share_out(parts: SentenceParts) -> list[Share]:
    """Each date, place, claim and actor goes to the event mention nearest to it."""
    ms = parts.mentions
    shares = [Share() for _ in ms]
    base = parts.sentence.start
    for d in parts.dates:
        owner = _date_owner(parts.sentence.text, d.reading.start - base, d.reading.end - base, ms)
        if owner is not None:
            shares[owner].dates.append(d)
    for p in parts.places:
        owner = _place_owner(parts.sentence.text, p.start - base, p.end - base, ms)
        if owner is not None:
            shares[owner].places.append(p)
    for pos, c in parts.claims:
        shares[_nearest(pos, pos + 1, ms)].claims.append(c)
    for a in parts.actors:
        shares[_actor_owner(parts.sentence.text, a, ms)].actors.append(a)
    return shares


# "struck ... early Wednesday, in retaliation for a string of attacks": what follows is the cause;
# "... on Thursday, the group said, while Hezbollah fired missiles", "said X on Wednesday and that a drone
# attack on Thursday ...": what follows is another event
CLAUSE_BREAK = re.compile(
    r"\b(?:in retaliation (?:for|against)|in (?:an? )?(?:\w+ )?response to|in revenge for|to avenge|"
    r"retaliating for|responding to)\b|,\s*(?:while|whereas|meanwhile)\b|;|\band that\b|"
    # "..., following earlier raids on X": the clause names past events, its places are theirs
    r"\b(?:following|after)\s+(?:the\s+)?(?:previous|earlier|past|prior|recent)\b|"
    # "the deadliest attack since the 2019 bombing in X": a comparison names an older event
    r"\bsince\s+(?:the|a|an|that|its)\b",
    re.I,
)


def _date_owner(sentence: str, start: int, end: int, ms: list[events.Mention]) -> int | None:
    """The mention a date belongs to: the nearest, but never across "in retaliation for" or ", while".

    A date stated before the cause clause dates the event the sentence reports,
    not the earlier attacks the clause names; one before a "while" clause dates
    the first of the two events the sentence reports. With no event named before
    the break, the date is of a clause that reports none (None).
    """
    i = _nearest(start, end, ms)
    cause = next((c for c in CLAUSE_BREAK.finditer(sentence) if end <= c.start() < ms[i].start), None)
    if cause is None:
        return i
    before = [j for j, m in enumerate(ms) if m.end <= cause.start()]
    if not before:
        return None
    return min(before, key=lambda j: abs(start - ms[j].end) if ms[j].end <= start else ms[j].start - end)


def _place_owner(sentence: str, start: int, end: int, ms: list[events.Mention]) -> int | None:
    """The mention a place belongs to: the nearest on its own side of every clause break, else none.

    "fired rockets at a base in northern Israel in response to the killing of a leader in
    Beirut": Beirut is where the cause happened, not where the rockets fell.
    """
    breaks = [c.start() for c in CLAUSE_BREAK.finditer(sentence)]

    def between(m: events.Mention) -> tuple[int, int]:
        return (m.end, start) if m.end <= start else (end, m.start)

    side = [k for k, m in enumerate(ms) if not any(a <= b < z for b in breaks for a, z in [between(m)])]
    if not side:
        return None
    return min(side, key=lambda k: max(0, between(ms[k])[1] - between(ms[k])[0]))


def _actor_owner(sentence: str, a: actors.ActorMention, ms: list[events.Mention]) -> int:
    """ "attack by X" / "strikes against X" belong to the event before; "US strikes" to the one after."""
    before = [i for i, m in enumerate(ms) if m.end <= a.start]
    after = [i for i, m in enumerate(ms) if m.start >= a.end]
    if before and actors.role(sentence, a, len(sentence), explicit_only=True):
        return before[-1]
    # (the subject opening the sentence reaches its verb past a longer description)
    reach = 25 if not sentence[: a.start].strip(" \"'“") else 12
    if after and sentence[a.end : ms[after[0]].start].count(" ") < reach:
        return after[0]
    return _nearest(a.start, a.end, ms)


def _most_specific(mentions: list, s: Sentence):
    """The place mention that says most precisely where (cluster.better_place), or None; among
    those the words tie to the event ("at X, where the clash took place") where there are any."""
    bound = [p for p in mentions if places.names_the_scene(s.text, p.end - s.start)]
    best = None
    for p in bound or mentions:
        if best is None or cluster.better_in_account(p.place, best.place):
            best = p
    return best


def _event_date(
    share: Share, m: events.Mention | None = None, s: Sentence | None = None
) -> DateReading | None:
    """The event's own day among the dates given to a mention: one an event verb takes ("which took
    place on October 3") first, then the nearest of the most precise; a statement's day only when
    the event has none ("said on Monday")."""
    usable = [d for d in share.dates if d.kind in ("event", "relative")]
    usable = usable or [d for d in share.dates if d.kind == "statement"]
    known = [d for d in usable if d.reading.known]
    if not known:
        return usable[0].reading if usable else None
    at = (s.start + m.start) if m is not None and s is not None else 0

    def rank(d: dates.Found) -> tuple:
        bound = s is not None and dates.bound_to_event(s.text, d.reading.start - s.start)
        return (not bound, d.reading.precision, abs(d.reading.start - at))

    return min(known, key=rank).reading


def _same_days(when: DateReading, ref: Report) -> bool:
    """A definite phrase dated within a day of the event it names is that event."""
    if not when.known:
        return True
    days = [d for d in ref.readings() if d.precision == 1]
    if not ref.readings() and ref.published is not None:  # an undated lede: its news is of the last week
        return 0 <= (ref.published - when.date_end).days <= 7
    # a day something was said about the event ("officials said Tuesday") is the event's day or soon after
    return any(
        0 <= (d.date_start - when.date_end).days <= 3
        if d.weak
        else abs((when.date_start - d.date_start).days) <= 1
        for d in days
    )


# "the militants had killed three shepherds": an armed group killing people who are not combatants
# is ACLED's violence against civilians (killing soldiers or police is a battle, left to the context)
KILLED_WHOM = re.compile(
    r"^[\w-]+(?:\s+[\w-]+)?\s+(?:killed|shot dead|massacred|executed|beheaded|hacked)$", re.I
)
COMBATANTS = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:soldiers?|troops|police\w*|officers?|fighters?|militi\w+|guards?|"
    r"militants?|rebels?|insurgents?|combatants?|members|personnel|commanders?|recruits)\b",
    re.I,
)


def _typing(m: events.Mention, sentence: str) -> tuple[str, str, str]:
    key = m.key
    if (
        key == "attack"
        and KILLED_WHOM.search(m.text)
        and not COMBATANTS.match(sentence, m.end)
        and not events.weapon_in(sentence)  # "the rebels' missile killed three crew": the weapon says more
    ):
        key = "killing"
    weapon = events.weapon_in(sentence[max(0, m.start - 60) : m.end + 60]) if key in GENERIC_KEYS else ""
    if weapon:
        key = WEAPON_KEYS.get(weapon, key)
    event_type, sub_type, own_weapon = events.TYPES[key]
    if key == "strike" and not weapon:
        weapon = events.weapon_in(sentence)
        weapon = weapon if weapon in ("aircraft", "drone", "missile") else ""
    if own_weapon in ("rocket", "missile", "mortar"):  # "fired a ballistic missile"
        own_weapon = events.weapon_in(m.text) or own_weapon
    return event_type, sub_type, own_weapon or weapon


class Reader:
    """Walks an article's sentences, keeping track of the event under discussion."""

    def __init__(self, article: Article):
        self.article = article
        self.reports: list[Report] = []
        self.current: Report | None = None
        self.previous_date: DateReading | None = None
        self.adjectivals: list = []
        # what sentences say before the article names any event ("The toll has risen to seven." "They were
        # killed in X last Saturday."): the main event's figures, place and day, once a sentence names it
        self.pending: list[SentenceParts] = []
        self.lead: list[SentenceParts] = []  # the pending sentences, once the main event is named

    def new_report(self, m: events.Mention, share: Share, s: Sentence, when: DateReading | None) -> Report:
        event_type, sub_type, weapon = _typing(m, s.text)
        r = Report(
            article_id=self.article.article_id,
            index=len(self.reports),
            sentence=s.text,
            start=s.start,
            end=s.end,
            event_type=event_type,
            sub_event_type=sub_type,
            weapon=weapon,
            date=when,
            context=s.text,
            plural=m.plural,
            definite=m.determiner in ("the", "demo"),
            published=self.article.published,
            outlet=self.article.outlet,
            url=self.article.url,
        )
        r.spans.append((s.start + m.start, s.start + m.end, "event", sub_type or event_type or "event"))
        # "Srinagar, Apr 22: ... on Tuesday": unresolved days beside the chosen one still say something
        r.other_dates += [
            d.reading
            for d in share.dates
            if not d.reading.known and d.reading is not when and d.kind in ("event", "statement")
        ]
        best = _most_specific(share.places, s)
        if best is not None:
            r.place, r.location_as_reported = best.place, best.text
        self._add(r, share, s, m, explicit_only=False, why=f"the event named in its sentence ('{m.text}')")
        if not r.actor1:
            r.actor1 += self.adjectival_attacker(m, s)
        if not self.reports:
            self.take_pending(r)
        self.reports.append(r)
        return r

    def take_pending(self, r: Report) -> None:
        """The main event gets the figures of the sentences before its name (their place and day wait
        for the end of the article: see lead_place)."""
        for parts in self.pending:
            why = "stated before the event is named: the main event"
            self.add_claims(r, [c for _, c in parts.claims], parts.sentence, why)
        self.lead, self.pending = self.pending, []

    def lead_place(self) -> None:
        """The main event that no sentence naming it placed or dated, placed and dated by the sentences
        before its name: "They were killed in X last Saturday." then "The gunmen opened fire ..."."""
        main = self.reports[0] if self.reports else None
        for parts in self.lead if main is not None else []:
            s = parts.sentence
            best = _most_specific(parts.places, s)
            if main.place is None and best is not None:
                main.place, main.location_as_reported = best.place, best.text
                why = f"{best.place.name} (said before the event is named)"
                main.spans.append((best.start, best.end, "place", why))
            when = _event_date(Share(dates=[d for d in parts.dates if d.kind in ("event", "relative")]))
            if main.date is None and when is not None:
                main.date = when
                main.spans.append((when.start, when.end, "date", when.text))

    def adjectival_attacker(self, m: events.Mention, s: Sentence) -> list[str]:
        """ "Israeli airstrike", "Russian missiles struck": the adjective names the attacker's forces."""
        for g in self.adjectivals:
            gap = s.text[g.end - s.start : m.start]
            if (
                g.end <= s.start + m.start
                and re.fullmatch(r"\s*(?:[\w-]+\s+)?", gap)
                and g.text[:1].isupper()
            ):
                hits = lexicon.actors().find(f"{g.text} forces")
                return [hits[0].entry.canonical if hits else f"{g.text} forces"]
        named = actors.class_before(s.text[: m.start])
        return [named] if named else []

    def _add(
        self,
        r: Report,
        share: Share,
        s: Sentence,
        m: events.Mention | None,
        *,
        explicit_only: bool,
        why: str = "",
    ) -> None:
        for a in share.actors:
            role = actors.role(s.text, a, m.start if m else len(s.text), explicit_only=explicit_only)
            target = {"attacker": r.actor1, "target": r.actor2, "aimed": r.aimed_at}.get(role or "")
            if target is not None and a.canonical not in target:
                target.append(a.canonical)
            if role:
                r.spans.append((s.start + a.start, s.start + a.end, "actor", a.canonical))
        for d in share.dates:
            r.spans.append((d.reading.start, d.reading.end, "date", d.reading.text))
        for p in share.places:
            r.spans.append((p.start, p.end, "place", p.place.name))
        self.add_claims(r, share.claims, s, why)

    def add_claims(self, r: Report, claims: list[CasualtyClaim], s: Sentence, why: str) -> None:
        for c in claims:
            c.attached = c.attached or why
            if r.date is not None and r.date.known and r.date.precision == 1:
                c.stated_date = r.date.date_start
            r.claims.append(c)
            for a, b, kind in c.spans:
                r.spans.append((a, b, kind, c.source if kind == "source" else c.count_text))
        if claims and s.text not in r.context:
            r.context += " " + s.text

    def referent(self, m: events.Mention) -> Report | None:
        if not self.reports:
            return None
        if m.determiner == "demo" and self.current is not None:
            return self.current
        for r in reversed(self.reports):
            if r.plural == m.plural and (
                m.key in GENERIC_KEYS or r.sub_event_type in ("", events.TYPES[m.key][1])
            ):
                return r
        return self.reports[0]

    def refer(self, ref: Report, m: events.Mention, share: Share, s: Sentence) -> None:
        best = _most_specific(share.places, s)
        if best is not None and (
            ref.place is None
            or (
                cluster.better_in_account(best.place, ref.place)
                and cluster.compatible_in_account(best.place, ref.place)
            )
        ):
            ref.place, ref.location_as_reported = best.place, best.text
        typing = _typing(m, s.text)
        # "the strikes, carried out by fighter jets": a generic word typed by its weapon names the kind too
        if not ref.sub_event_type and (m.key not in GENERIC_KEYS or typing[1]):
            ref.event_type, ref.sub_event_type, ref.weapon = typing
        if s.text not in ref.context:
            ref.context += " " + s.text
        ref.spans.append((s.start + m.start, s.start + m.end, "event", "refers back"))
        self._add(ref, share, s, m, explicit_only=True, why=f"refers back to '{m.text}'")

    def mention(self, m: events.Mention, share: Share, s: Sentence) -> None:
        when = _event_date(share, m, s)
        if m.hypothetical:
            return
        # "in 2014", "since Oct. 17": a year or a period's start dates no single event
        years_only = bool(share.dates) and all(d.kind in ("year", "since") for d in share.dates)
        if when is None and years_only:
            return  # "the deadliest since the bombing in 2019": an older event, its place is its own
        if (
            when is None
            and m.key in GENERIC_KEYS
            and self.current is not None
            and self.current.start == s.start
        ):
            # "bombers killed 32 in a series of attacks in Gwoza": a generic word after the event
            # phrase of its own sentence is that event, and its place and figures are the event's
            self.refer(self.current, m, share, s)
            return
        if when is None and (m.background or years_only):
            return
        if m.determiner in ("the", "demo"):
            ref = self.referent(m)
            if ref is not None and (when is None or _same_days(when, ref)):
                self.refer(ref, m, share, s)  # "the bombing ... on Saturday": the toll's day, same event
                if when is not None and when.known and (ref.date is None or ref.date.weak > when.weak):
                    # "the bomber struck on Thursday": the undated lede's day, or the event's own day
                    # where the lede gave only the day of a statement or a visit about it (kept beside it)
                    ref.other_dates += [ref.date] if ref.date is not None else []
                    ref.date = when
                if when is not None and when.known and events.has_past_event_verb(s.text):
                    ref.other_dates.append(when)  # "forces earlier this evening conducted the strikes"
                elif when is not None and not when.known and when is not ref.date:
                    ref.other_dates.append(when)  # an undated article's "on Sunday" (incidents.undated)
                self.current = ref
                return
        has_claims = any(c.figures() != (None,) * 4 for c in share.claims)
        if (
            when is None
            and m.plural
            and m.determiner == ""
            and not has_claims
            and not events.has_past_event_verb(s.text)
        ):
            return  # a generic plural: "UAV attacks against US personnel"
        if when is None and not share.places and not share.claims:
            return
        if len(self.reports) >= MAX_REPORTS:
            return  # not a news article any more: keep the cost bounded
        self.current = self.new_report(m, share, s, when)
        if when is not None and when.known:
            self.previous_date = when

    def refine_place(self, ref: Report, found: list, s: Sentence) -> None:
        """A sentence that goes on with the event's figures and says more precisely where, inside the
        area the event has ("... in the state of X." "Nine men were shot dead at a bar near the town
        of Y."): the event keeps the more specific place. Never a place elsewhere, nor another town
        beside the event's town."""
        best = _most_specific(found, s)
        if (
            best is not None
            and ref.place is not None
            and ref.place.geo_precision >= 3  # an area: "near X" then "a hospital in Y" is elsewhere
            and cluster.better_in_account(best.place, ref.place)
            and cluster.inside(best.place, ref.place)
        ):
            ref.place, ref.location_as_reported = best.place, best.text
            ref.spans.append((best.start, best.end, "place", f"{best.place.name} (more precise, same event)"))

    def sentence(self, parts: SentenceParts) -> None:
        s = parts.sentence
        self.adjectivals = parts.adjectivals
        if not parts.mentions:
            if self.current is not None:
                # "The Northern Front claimed responsibility.": a frame names the event's attacker
                named = [a.canonical for a in parts.actors if a.hint == "attacker"]
                self.current.actor1 += [a for a in named if a not in self.current.actor1]
            if events.BACKGROUND.search(s.text) or CUMULATIVE.search(s.text):
                return
            if not self.reports:
                self.pending.append(parts)
            elif parts.claims and self.current is not None:
                why = "no event named in its sentence: the event under discussion"
                self.add_claims(self.current, [c for _, c in parts.claims], s, why)
                self.refine_place(self.current, parts.places, s)
            return
        for m, share in zip(parts.mentions, share_out(parts), strict=True):
            self.mention(m, share, s)


# "The insurgency, which began in 2017, has killed more than 5,000 people": a war's toll, not this event's
CUMULATIVE = re.compile(
    r"\b(?:insurgency|war|conflict|violence|fighting|uprising|crisis|rebellion|unrest)\b[^.;]{0,80}?"
    r"\b(?:has|have)\s+(?:so far\s+|now\s+)?(?:killed|left|claimed|cost)\b",
    re.I,
)


def merge(group: list[Report]) -> Report:
    """One report from an article's reports of the same event."""
    base = group[0]
    readings = [d for r in group for d in r.readings()]
    if readings:
        base.date = min(readings, key=lambda d: (d.weak, d.precision, not d.local))
        kept = {(base.date.date_start, base.date.date_end)}
        for d in readings:
            if (d.date_start, d.date_end) not in kept:
                kept.add((d.date_start, d.date_end))
                base.other_dates.append(d)
    for r in group[1:]:
        # the days no published date resolved still say something ("on Sunday", "October 8")
        base.other_dates += [d for d in (r.date, *r.other_dates) if d is not None and not d.known]
        if r.place is not None and cluster.better_in_account(r.place, base.place):
            base.place, base.location_as_reported = r.place, r.location_as_reported
        if r.sub_event_type and not base.sub_event_type:
            base.event_type, base.sub_event_type = r.event_type, r.sub_event_type
        if r.weapon and not base.weapon:
            base.weapon = r.weapon
        base.actor1 += [a for a in r.actor1 if a not in base.actor1]
        base.actor2 += [a for a in r.actor2 if a not in base.actor2]
        base.aimed_at += [a for a in r.aimed_at if a not in base.aimed_at]
        seen = {(c.source, c.figures()) for c in base.claims}
        base.claims += [c for c in r.claims if (c.source, c.figures()) not in seen]
        base.context += " " + r.context
        base.spans += r.spans
    base.actor2 = [a for a in base.actor2 if a not in base.actor1]
    return base


def extract(article: Article) -> list[Report]:
    """The reports an article makes, one per event it describes."""
    return read_doc(layers.read(make_doc(article)))


def read_doc(doc: Doc) -> list[Report]:
    """The reports of a Doc whose layers are read (incidents.layers)."""
    reader = Reader(doc.article)
    for span in doc.layer("parts"):
        reader.sentence(span.data)
    reader.lead_place()
    merged = [merge(g) for g in cluster.group_reports(reader.reports)]
    # the main event (the first the article reports) stands on its place; any other event of the
    # article only where the text also gives it a day ("Earlier, a blast hit X" is background)
    # ("..., while X fired missiles at Y": a clause of a dated sentence shares its time)
    for r in merged:
        if not _dated(r):
            r.date = next((o.date for o in merged if o.start == r.start and o is not r and _dated(o)), r.date)
    kept = [r for i, r in enumerate(merged) if r.place is not None and (i == 0 or _dated(r))]
    # geo found no place, but a dated article does report one dated event with figures (an undated page
    # with no place has nothing to map and nothing to check its day against: related-story lists, clutter)
    if not kept and doc.article.published is not None:
        kept = [
            r
            for r in merged
            if r.date is not None and r.date.known and any(c.figures() != (None,) * 4 for c in r.claims)
        ][:1]
    for i, r in enumerate(kept):
        r.index = i
        r.claims = join_halves(r.claims)
    if kept:
        date_the_lead(kept[0], doc.article.published)
        place_from_headline(doc, kept[0])
    for r in kept:
        if not r.event_type:
            type_by_victims(r)
        if not r.actor1 and actors.state_attack(doc.text, r.sub_event_type):
            r.actor1 = [actors.STATE]  # "the junta's jets bombed the village": the state's forces
        r.actor1, r.actor2 = _named_first(r.actor1), _named_first(r.actor2)
    return kept


def _dated(r: Report) -> bool:
    """Whether the text gives the event a day of its own (resolved or not)."""
    return any(d is not None and d.kind not in ("year", "since") for d in (r.date, *r.other_dates))


def _named_first(names: list[str]) -> list[str]:
    """A role's named actors, or its classes ("militants") when it has no name."""
    named = [a for a in names if not actors.is_generic(a)]
    return named or names


def place_from_headline(doc: Doc, main: Report) -> None:
    """The headline's place where it is more specific than, and inside, the main event's place,
    or where the body gives the main event none.

    "Strike on a village in X" over a body that names only "the X district": the
    incident keeps the most specific place consistent with the rest, not the region.
    "Bar massacre leaves 11 dead in X" over a lead that says only "at a bar": X.
    """
    if doc.headline is None:
        return
    h = doc.headline
    text = doc.text[h.start : h.end]
    for g in (x.data for x in doc.layer("geo", h.start, h.end)):
        if (
            g.role == "place"
            and g.place is not None
            and places.locative(text, g, h.start)
            and (
                main.place is None
                or (
                    cluster.better_in_account(g.place, main.place)
                    and cluster.compatible_in_account(g.place, main.place)
                )
            )
        ):
            main.place, main.location_as_reported = g.place, g.text
            main.spans.append((g.start, g.end, "place", f"{g.place.name} (headline)"))
            return


def type_by_victims(r: Report) -> None:
    """An attack no word types ("an attack by militants on the village") is typed by whom it killed.

    People killed who are not counted as combatants make ACLED's violence against
    civilians; combatants alone make a battle. With no figure the type stays open.
    """
    groups = {c.victim_group for c in r.claims if any(c.figures())}
    if not groups:
        return
    if groups == {"combatants"}:
        r.event_type, r.sub_event_type = "Battles", "Armed clash"
    elif "combatants" not in groups:
        r.event_type, r.sub_event_type = "Violence against civilians", "Attack"


def date_the_lead(main: Report, published: date | None) -> None:
    """The main event with no date of its own is news of the publication day or the day before.

    A lead that says no day ("A bomb ripped through a market, killing 12") reports what
    happened since the last edition: ACLED precision 2 over those two days, the
    publication day the likeliest. With no published date nothing is invented.
    """
    if published is None or main.readings():
        return
    main.date = DateReading(
        "published", 0, 0, published - timedelta(days=1), published, 2, day=published, kind="published"
    )


def join_halves(claims: list[CasualtyClaim]) -> list[CasualtyClaim]:
    """One named source's dead in one sentence and its wounded in the next are one statement.

    "Gunmen killed nine, prosecutors said. Five more were wounded, the prosecutors added."
    The article's own voice is one account too: "Gunmen killed 26 people." ... "At least 20 were
    injured." is the article's toll of the event, its dead and its wounded.
    """
    out: list[CasualtyClaim] = []
    for c in claims:
        half = c.killed_low is None and c.killed_high is None and bool(c.wounded_low or c.wounded_high)
        mate = next((o for o in out if _killed_only(o, c)), None) if half else None
        if mate is None:
            out.append(c)
            continue
        mate.wounded_low, mate.wounded_high = c.wounded_low, c.wounded_high
        mate.count_text = f"{mate.count_text}; {c.count_text}".strip("; ")
        if c.quote and c.quote not in mate.quote:
            mate.quote = f"{mate.quote} {c.quote}".strip()
        mate.spans = mate.spans + c.spans
    return out


def _killed_only(o: CasualtyClaim, c: CasualtyClaim) -> bool:
    """o is the same source's dead alone, on the day c gives (or no day)."""
    return (
        o.source.lower() == c.source.lower()  # ("Police said ..." then "the police added")
        and min(o.stage, c.stage) >= 0  # (a toll stated as replaced is no half of the current one)
        and o.wounded_low is None
        and o.wounded_high is None
        and bool(o.killed_low or o.killed_high)
        and (o.stated_date is None or c.stated_date is None or o.stated_date == c.stated_date)
    )
