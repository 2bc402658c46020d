"""Who says so: source mentions and attribution through the reporting verb.

"X said (that) ...", "according to X", "X told Reuters", "..., X said." and
nested relays ("according to AFP, the Syrian Observatory ... said") resolve
to the closest claimant governing the figure; figures in the article's own
voice (or "are reported to have been") are `unattributed`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from incidents import lexicon

REPORT_VERB = re.compile(
    r"\b(?:said|says|say|reported|reports|told|tells|confirmed|announced|claimed|stated|added|"
    r"wrote|posted|tweeted|revealed|clarified|noted|explained|declared|disclosed|"
    r"quoted|cited|estimated|tallied|counted|recorded|registered|revised|updated|"
    # a speech event opens an account the next sentence goes on with: "X briefed reporters. ..."
    r"spoke|briefed|"
    # "The group claimed responsibility, saying its fighters killed 30": the subject says it
    r"saying|"
    # "police accused the group of killing 21": the accuser's figure
    r"accused|blamed|put the (?:death )?toll|"
    # who counts the dead gives the count: "rescuers recovered 12 bodies", "the hospital received 30 dead"
    r"(?<!were )(?<!was )(?<!been )(?<!being )(?:recovered|retrieved|received|treated))"
    # "the attack claimed 12 lives", "the car received a direct hit": no words given, nobody speaking
    r"\b(?!\s+(?:responsibility|the attack\b|credit|(?:a\s+)?(?:direct\s+)?hit\b|(?:the\s+)?lives\b|"
    r"(?:(?!that\b)[\w,-]+\s+){1,3}lives\b))",
    re.I,
)
COUNTING = re.compile(r"recovered|retrieved|received|treated", re.I)  # verbs of counting the dead
INVERTED_VERB = re.compile(r",\s*$")
VAGUE = re.compile(r"\b(?:reports?|sources?|media|accounts?)\b", re.I)  # an origin that names nobody
# the object is the source: "according to X", "citing X", "with reference to X", "quoting X"
ACCORDING = re.compile(r"\b(?:according to|citing|with reference to|quoting|as reported by)\b", re.I)
RELAY = re.compile(r"\b(?:citing|with reference to|quoting)\b", re.I)  # the origin behind a relay
# a sentence where someone may speak: a reporting verb, "according to", a quotation
# ("The ministry issued a statement.": who "it" is in the quotation that follows)
SPEAKS = re.compile(rf"{REPORT_VERB.pattern}|{ACCORDING.pattern}|\"|\bstatements?\b", re.I)
PASSIVE = re.compile(r"\b(?:(?:are|were|is|was) (?:reported|said|believed|thought)|reportedly)\b", re.I)
_MODIFIER = re.compile(
    r"(?:(?:the|a|an|one|two|three|several|[A-Z][\w.'’-]*|[\w.-]+-based|state-run|state|local|"
    r"senior|Iran-backed|influential|Shiite|Sunni|Kurdish)\s+){1,5}$"
)


@dataclass(frozen=True)
class SourceMention:
    start: int
    end: int
    canonical: str
    source_type: str
    as_reported: str


@dataclass(frozen=True)
class Frame:
    """A reporting frame: its verb's position and who it gives the words to."""

    pos: int
    source: SourceMention | None
    final: bool  # "..., X said." / "according to X": governs the whole sentence
    cited: bool = False  # "..., Reuters reported, citing X": X, the origin of the relayed words


# a new clause with its own news: the frame before it no longer governs what follows
CLAUSE_BREAK = re.compile(r",\s*(?:while|whereas|meanwhile)\b|;", re.I)
PARTICIPLE_TOLL = re.compile(r",\s*(?:killing|wounding|injuring|leaving)\s+(?:[\w-]+\s+){0,2}$", re.I)
UNATTRIBUTED = SourceMention(-1, -1, "unattributed", "unattributed", "")
# "It said ...", '"They've killed three sailors," he said': the source named last speaks again
PRONOUN_SPEAKS = re.compile(
    r"(?:^|[,\"”]\s*)(?:it|he|she|they|the (?:same )?(?:source|official|spokes(?:man|woman|person)|witness|"
    r"resident)s?(?:,\s+who [^,]{1,60},)?)\s+(?:also\s+|later\s+)?(?:said|says|added|told)\b",
    re.I,
)


# the words before a speaker's head noun that belong to its name: "a senior hospital official",
# "the provincial police chief" (not a verb, a preposition or a conjunction)
_CLASS_MODIFIER = re.compile(
    r"(?<![\w'’.-])(?:(?:the|a|an|one|two|three|several)\s+)?(?:(?:[A-Z][\w.&'’-]*|"
    # (a determiner opens the phrase only: "bomber struck a police post" holds no speaker's name)
    r"(?!(?:the|a|an|said|says|told|wrote|added|posted|tweeted|stated|reported|explained|confirmed|announced|noted|"
    r"revealed|claimed|declared|and|or|of|in|on|at|to|by|with|from|for|that|which|who|was|were|is|are|has|have|"
    r"had|but|as|after|when|while|if|than|then|there|their|its|his|her|also|not|no|killed|wounded|injured|"
    r"dead|people|according|since|until|before|during|under|over|about|against|between|through|into|upon|"
    r"via|per|like|across|near|toward|towards|within|without|where|whose|whom|what|so|yet|nor)\b)"
    r"[a-z][\w'’-]*)\s+){0,5}$"
)


def listed(canonical: str) -> bool:
    """A source data/sources.csv names (not a class of speakers kept in the text's words)."""
    return canonical in _listed_names()


@lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    return frozenset(e.canonical for e in lexicon.sources().by_alias.values() if e.canonical != "*")


ADJECTIVE = re.compile(
    r"\s+(?:death|toll|figures?|news|statements?|data|count|tally|results?|sources?|media|website|accounts?|"
    r"channels?|agency|residence|visit|ceremony|languages?|reports?|estimates?|numbers?|records?|documents?)\b",
    re.I,
)


def mentions(sentence: str) -> list[SourceMention]:
    """Listed sources in a sentence with the words that name them ("Kenya's interior ministry").

    A class of speaker (canonical "*": officials, a ministry, police) is named by its own
    words with their modifiers ("a senior hospital official" -> senior hospital official), its
    kind from its head and modifiers (health: medical).
    """
    out = []
    for h in lexicon.sources().find(sentence):
        generic = h.entry.canonical == "*"
        if generic and ADJECTIVE.match(sentence, h.end) and h.text.lower() == "official":
            continue  # "the official death toll", "official figures": an adjective, nobody speaking
        m = (_CLASS_MODIFIER if generic else _MODIFIER).search(sentence[max(0, h.start - 60) : h.start])
        start = h.start - len(m.group(0)) if m else h.start
        as_reported, start = clean(sentence[start : h.end].strip(), start)
        canonical, kind = h.entry.canonical, h.entry.kind
        if generic:
            canonical = re.sub(r"^(?:the|a|an|one)\s+", "", as_reported, flags=re.I)
            kind = source_type_of(canonical) or kind
        out.append(SourceMention(start, h.end, canonical, kind, as_reported))
    return out


# a state's forces speak as government; every other armed actor (militia, rebels, gangs) as an armed group
ACTOR_SOURCE_TYPES = {"state forces": "government"}


def from_actors(sentence: str, actor_mentions) -> list[SourceMention]:
    """Actors can speak too ("the Israeli military said"): as sources of their kind."""
    return [
        SourceMention(
            a.start,
            a.end,
            _speaking_name(a, sentence[a.start : a.end]),
            ACTOR_SOURCE_TYPES.get(getattr(a, "kind", ""), "armed group"),
            sentence[a.start : a.end],
        )
        for a in actor_mentions
        if not a_thing(sentence[a.start : a.end])  # "Russian missiles": a force's weapon says nothing
    ]


def _speaking_name(actor, words: str) -> str:
    """A state's forces speak as the body the text names ("the US military", "the Israeli army");
    a group keeps its one canonical name however it is spelled."""
    if getattr(actor, "kind", "") != "state forces":
        return actor.canonical
    return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)


# "An Iraqi security official, speaking on condition of anonymity because ..., said": the apposition
# between a speaker and its verb is set off by commas and says nothing of its own
APPOSITIVE = re.compile(r",[^,;:.\"“”]{3,160},\s*$")


def _governs(gap: str) -> bool:
    """A source this far before a reporting verb is its subject: close by, or past an apposition."""
    return len(gap) <= 70 or bool(APPOSITIVE.fullmatch(gap) and not REPORT_VERB.search(gap))


# "the group said": the armed group the sentence named before
GROUP_REF = re.compile(
    r"\bthe (?:group|militia|movement|organi[sz]ation)\b"
    r"(?=\s+(?:also\s+)?(?:said|says|claimed|announced|stated))",
    re.I,
)
ARMED_KINDS = {"militia", "rebel group"}


def group_refs(sentence: str, actor_mentions) -> list[SourceMention]:
    """ "Seven Hezbollah fighters were killed, the group said": the group is the last armed group named."""
    out = []
    for m in GROUP_REF.finditer(sentence):
        named = [a for a in actor_mentions if a.end <= m.start() and getattr(a, "kind", "") in ARMED_KINDS]
        if named:
            a = named[-1]
            out.append(SourceMention(m.start(), m.end(), a.canonical, "armed group", m.group(0)))
    return out


def frames(sentence: str, found: list[SourceMention]) -> tuple[Frame, ...]:
    """The reporting frames of a sentence (read once per sentence and speakers: later asks are cached)."""
    if not found and not PASSIVE.search(sentence):
        return ()  # nobody named and nothing passive: no frame
    return _frames(sentence, tuple(found))


@lru_cache(maxsize=512)
def _frames(sentence: str, found: tuple[SourceMention, ...]) -> tuple[Frame, ...]:
    out = []
    for m in ACCORDING.finditer(sentence):
        after = [s for s in found if 0 <= s.start - m.end() <= 40]
        if after:
            out.append(Frame(m.start(), after[0], True, bool(RELAY.match(sentence, m.start()))))
    for m in TOLL_OF.finditer(sentence):
        # "the official death toll from the Ministry of Health", "the ministry's toll"
        src = [s for s in found if 0 <= s.start - m.end() <= 12 or 0 <= m.start() - s.end <= 2]
        if src:
            out.append(Frame(m.start(), src[0], False))
    for m in REPORT_VERB.finditer(sentence):
        if COUNTING.fullmatch(m.group(0)) and any(f.pos < m.start() for f in out):
            continue  # "X said a hospital had received 30 bodies": the words are X's
        before = sorted(
            (s for s in found if s.end <= m.start() and _governs(sentence[s.end : m.start()])),
            key=lambda s: (s.end, s.start),
        )
        after = sorted(
            (
                s
                for s in found
                if 0 <= s.start - m.end() <= 30 and not CLAUSE_BREAK.search(sentence, m.end(), s.start)
            ),
            key=lambda s: s.start,
        )
        rest = tail(sentence[m.end() :])
        comma_final = "," in sentence[max(0, m.start() - 60) : m.start()]
        # "Kataib Hezbollah, one of the factions in the PMF, said": the subject, not a name in its apposition
        head = [x for x in before if x.end < m.start() and APPOSITIVE.fullmatch(sentence[x.end : m.start()])]
        before = [b for b in before if b.end <= head[0].end] if head else before
        # "..., said Halima Yusufu, a spokeswoman": the inverted frame names its speaker after the verb
        # (not where the comma closes the apposition of a subject before: "X, a resident, said gunmen ...")
        inverted = (
            bool(after)
            and m.group(0).lower() != "told"
            and INVERTED_VERB.search(sentence, 0, m.start())
            and not head
        )
        shared = clause_subject(sentence, m.start())
        opener = [
            s
            for s in found
            if shared is not None
            and s.start <= shared[0] < s.end
            or shared is not None
            and shared[0] <= s.start < shared[1]
        ]
        if opener:  # "X rejected the figure given by Y and said ...": X, the subject both verbs share
            final = (len(rest) < 40 and comma_final) or not rest
            out.append(Frame(m.start(), opener[0], final))
        elif before and not inverted and not _TOLD_TARGET(sentence, before[-1]):
            src = _coordinated(sentence, _role_chain(sentence, _main_clause(sentence, before)))
            final = (len(rest) < 40 and comma_final) or not rest
            out.append(Frame(m.start(), src, final))
        elif (
            after
            and (not rest or len(rest) < 80)
            and m.group(0).lower() != "told"
            and not _OPENS_CLAUSE.match(sentence, after[0].end)
        ):
            # "X told Reuters": whoever comes after "told" is spoken to, never the speaker
            out.append(Frame(m.start(), after[0], True))
    for m in PASSIVE.finditer(sentence):
        out.append(Frame(m.start(), None, False))
    return tuple(sorted(out, key=lambda f: f.pos))


_ADJUNCT = re.compile(
    r"^(?:on\s+|late\s+on\s+|early\s+on\s+|late\s+|early\s+)?(?:\w+day|yesterday|today|tonight)\b|"
    r"^in\s+a\s+statement\b"
)
# a trailing participle or comment clause: ", blaming the RSF", ", in one of the deadliest strikes ..."
_PARTICIPLE = re.compile(
    r"(?:^|,)\s*(?:(?:also|then|later)\s+)?"
    r"(?:\w+ing|as|while|after|adding|in (?:one of|what|the latest|the deadliest|the worst))\b.*$",
    re.S,
)


_COMMENT = re.compile(r"^(?:the|a|an|its|their|this|[A-Z][\w'’-]*['’]s)\s", re.I)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|said|says|killed|wounded|injured|died|hit|struck|"
    r"fired|launched|attacked|exploded|left|added|told)\b",
    re.I,
)


def tail(rest: str) -> str:
    """What follows a reporting verb, less its time adverbial and a trailing participle clause.

    "..., medics said on Sunday, blaming the RSF." ends its reporting frame as surely
    as "..., medics said.": the words after it add when and why, not a new statement.
    """
    rest = rest.strip(" .\"'")
    rest = _ADJUNCT.sub("", rest).strip(" ,")
    rest = _PARTICIPLE.sub("", rest).strip(" .\"'")
    # "..., the governor said, the worst attack in months.": a closing noun phrase comments
    return "" if _COMMENT.match(rest) and not _FINITE.search(rest) else rest


# "said the fighters had killed 12": a name after the verb with a verb of its own is the reported
# clause's subject, not the speaker
_OPENS_CLAUSE = re.compile(
    r"\s+(?:fighters\s+|militants\s+|forces\s+|troops\s+)?(?:had|has|have|were|was|is|are|killed|attacked|"
    r"stormed|opened|shot|abducted|kidnapped|carried|launched|fired|struck|hit|would|will)\b",
    re.I,
)


def _main_clause(sentence: str, before: list[SourceMention]) -> list[SourceMention]:
    """ "A news agency that supports the militias reported": the agency speaks, not the militias."""
    for j in range(len(before) - 1):
        # (a relative clause closed by a comma ends there: "US personnel, who were ..., the Pentagon said")
        if re.match(
            r"[^.;]{0,30}?\b(?:that|which|who|whose)\b[^,]*$", sentence[before[j].end : before[-1].start]
        ):
            return before[: j + 1]
    return before


# what joins a speaker's role to its organisation: "a doctor at the X hospital", "an official (X) of Y"
_ROLE_LINK = re.compile(r"\s*+(?:\(\s*+|\)\s*+|(?:at|of|from|with|for)\s++(?:the\s++)?)(?:[()]\s*+)*")


_PERSON_ROLE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|officials?|sources?|head|chief|director|member|representative|officers?)$",
    re.I,
)


def _role_chain(sentence: str, before: list[SourceMention]) -> list[SourceMention]:
    """ "a doctor at the MSF hospital in Kunduz told": one speaker, named by its organisation.

    Mentions joined by "at", "of", "from", "with", "for" or brackets are one noun phrase; the
    speaker is the organisation the lists name after its head (else the head itself).
    """
    k = len(before) - 1
    while k > 0 and _ROLE_LINK.fullmatch(sentence, before[k - 1].end, before[k].start):
        k -= 1
    if k == len(before) - 1:
        return before
    chain = before[k:]
    # "a spokesman for the ministry": a person's role speaks for the body it names
    org = chain[-1] if _PERSON_ROLE.search(chain[0].canonical) else chain[0]
    head = next((m for m in chain[1:] if listed(m.canonical)), org)
    words = sentence[chain[0].start : chain[-1].end]
    whole = SourceMention(chain[0].start, chain[-1].end, head.canonical, head.source_type, words)
    return [*before[:k], whole]


def _coordinated(sentence: str, before: list[SourceMention]) -> SourceMention:
    """ "Local sources and one medical source told ...": the first named, all the words.

    A list closes with "and"/"or" before its last item ("police, medics and residents said");
    a bare comma before the speaker is no list ("injuring U.S. personnel, two U.S. officials said").
    """
    src = before[-1]
    for k, prev in enumerate(reversed(before[:-1])):
        link = r"\s*,?\s*(?:and|or)\s*" if k == 0 else r"\s*(?:and|or|,)\s*"
        if re.fullmatch(link, sentence[prev.end : src.start]):
            src = SourceMention(
                prev.start,
                before[-1].end,
                prev.canonical,
                prev.source_type,
                sentence[prev.start : before[-1].end],
            )
        else:
            break
    return src


def _TOLD_TARGET(sentence: str, src: SourceMention) -> bool:  # noqa: N802 - reads as a predicate
    """The mention is whom someone spoke to ("told Reuters", "confirmed to The National")."""
    return bool(re.search(r"\b(?:told|to|confirmed to)\s+$", sentence[max(0, src.start - 15) : src.start]))


def _own_clause_framed(sentence: str, fr: list[Frame], figure_pos: int, frame_pos: int) -> bool:
    """A clause break lies between the figure and the frame, and the figure's clause has its own frame."""
    brk = CLAUSE_BREAK.search(sentence, figure_pos, frame_pos)
    if brk is None:
        return False
    clause_start = max((b.end() for b in CLAUSE_BREAK.finditer(sentence, 0, figure_pos)), default=0)
    return any(clause_start <= f.pos < brk.start() and f.pos != frame_pos for f in fr)


# a toll and its source: "the death toll from the Ministry of Health", "the ministry's latest tally"
TOLL_OF = re.compile(
    r"['’]s?\s+(?:latest\s+|new\s+|official\s+|preliminary\s+|initial\s+)?(?:death\s+)?"
    r"(?:toll|tally|figures?)\b|"
    r"\b(?:death\s+)?(?:toll|tally|figures?)\s+(?:\w+\s+){0,2}?"
    r"(?:from|by|of|released by|issued by|provided by)\s+",
    re.I,
)


def attribute(sentence: str, figure_pos: int, found: list[SourceMention] | None = None) -> SourceMention:
    """The source whose words the figure at figure_pos are."""
    found = mentions(sentence) if found is None else found
    fr = frames(sentence, found)
    before = [f for f in fr if f.pos < figure_pos]
    after = [f for f in fr if f.pos > figure_pos and f.final and f.source is not None]
    # a frame past ", while ..." speaks for its own clause, not for a figure before it whose clause has
    # a frame of its own; a frame closing the sentence speaks for all of it ("the toll rose to 17, while
    # 57 were wounded, police said")
    after = [f for f in after if not _own_clause_framed(sentence, fr, figure_pos, f.pos)]
    later = [f for f in fr if f.pos > figure_pos and f.final and f.source is not None]
    if before and later and CLAUSE_BREAK.search(sentence, before[-1].pos, figure_pos):
        # "..., the group said, while Hezbollah fired missiles, wounding two soldiers, the army said"
        return later[0].source
    if before and after and PARTICIPLE_TOLL.search(sentence, max(0, figure_pos - 30), figure_pos):
        # "the Guards said they struck a building, killing four civilians, Kurdish officials said": the
        # closing frame governs the toll the sentence appends
        return after[0].source
    if before:
        f = before[-1]
        return f.source or UNATTRIBUTED
    if after:
        # "..., Reuters reported Monday, citing local official X": the origin of the words
        # (an official "citing unconfirmed reports" still speaks for himself)
        cited = [
            f
            for f in after[1:]
            if f.cited and f.pos - after[0].pos < 80 and not VAGUE.search(f.source.canonical)
        ]
        return (cited[0] if cited else after[0]).source
    return UNATTRIBUTED


# the head noun of a speaker the lists do not name says what kind of source it is
HEAD_TYPES: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"\b(?:{p})\b", re.I), t)
    for p, t in [
        (
            r"health|hospitals?|doctors?|dr\.?|medics?|paramedics?|ambulances?|medical|clinics?|red crescent|"
            r"nurses?|surgeons?|physicians?",
            "medical",
        ),
        (r"monitor|observatory|watchdog|rights (?:group|office|organi[sz]ation)|human rights", "monitor"),
        (
            r"news agency|television|tv|radio|broadcaster|newspaper|channel|outlet|media|correspondents?|"
            r"reports?|journalists?|reporters?|photographers?",
            "media",
        ),
        (
            r"residents?|witness(?:es)?|eyewitness(?:es)?|villagers?|locals|relatives?|famil(?:y|ies)|kin|survivors?|"
            r"elders?|leaders?|"
            r"priests?|pastors?|imams?|bishops?|clerics?|worshipp?ers?|activists?|teachers?|students?|"
            # a business known by its head noun ("the state power utility said", "the rail operator said")
            r"farmers?|drivers?|owners?|workers?|volunteers?|company|companies|firms?|operators?|employers?|"
            r"utilit(?:y|ies)|corporation|railways?|airlines?|carriers?",
            "local sources",
        ),
        (r"militants?|rebels?|insurgents?|militia\w*|separatists?|the group|fighters?", "armed group"),
        (
            r"ministry|police|army|military|officials?|spokes(?:man|woman|person)|authorit(?:y|ies)|"
            r"government|governor|mayor|minister|president|command|commander|department|directorate|office|"
            r"council|commission(?:er)?|agency|service|defen[cs]e|prosecutor\w*|sources?|chief|head|director|"
            r"coast guard|guards?",
            "government",
        ),
    ]
]
_SPEAKER_NP = re.compile(
    r"(?:^|(?<=[\s,;:\"(]))(?P<np>(?:(?:the|a|an|one|two|three|its|their)\s+)?"
    r"(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+?)(?:'s?)?\s+(?:also\s+|later\s+|further\s+)?$",
    re.I,
)
_NOT_SPEAKER = re.compile(
    r"\b(?:he|she|it|they|we|i|you|who|which|that|this|these|those|there|killed|dead|died|wounded|injured|"
    r"people|was|were|is|are|had|has|have|been|and|but|or|if|when|after|as)$",
    re.I,
)
# "relatives of the dead", "families of those killed": the victims' kin speak, the victims do not
_KIN_OF = re.compile(r"\b(?:relatives?|famil(?:y|ies)|kin|parents|friends)\s+of\s+(?:the|those)\b", re.I)
_INVERTED = re.compile(
    r"\s*(?P<np>(?:the|a|an)\s+(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+|[A-Z][\w'’.-]+(?:\s+(?:al-|el-)?[A-Z][\w'’.-]+){0,3})"
    r"(?=\s*(?:[,.;]|$|\s+(?:on|in|at|to|from)\b))"
)


def source_type_of(words: str) -> str | None:
    """A speaker's kind from its words, else None: a field named in them first ("a senior health
    official", "the regional health office": medical), then its head noun ("local
    officials": government), then any word ("residents": local sources)."""
    parts = words.split()
    if not parts:
        return None
    for pat, kind in HEAD_TYPES:
        if kind in FIELDS and pat.search(words):
            return kind
    head = _BEFORE_PREPOSITION.split(words, maxsplit=1)[0].split() or parts
    for text in (head[-1], words):
        for pat, kind in HEAD_TYPES:
            if pat.search(text):
                return kind
    return None


# "local government official in Gwoza": the head noun stands before the first preposition
_BEFORE_PREPOSITION = re.compile(r"\s(?:of|for|at|in|from|with|on|near)\s", re.I)


FIELDS = ("medical", "monitor", "media")


# what never speaks: a weapon, a vehicle, a place ("the missile killed 12, the rocket said" is no source)
_THING = (
    r"missiles?|rockets?|drones?|bombs?|shells?|mortars?|jets?|warplanes?|aircraft|planes?|helicopters?|"
    r"gunships?|tanks?|artillery|grenades?|IEDs?|explosives?|devices?|vehicles?|cars?|trucks?|lorr(?:y|ies)|"
    r"bus(?:es)?|minibus(?:es)?|trains?|wagons?|carriages?|coaches|vans?|motorcycles?|motorbikes?|boats?|"
    r"ships?|vessels?|villages?|towns?|markets?|streets?|roads?|buildings?|houses?|homes?|platforms?"
)
THING_HEAD = re.compile(rf"\b(?:{_THING})$", re.I)
# "a bus carrying workers", "a van packed with explosives": the thing is the head, what it carries is not
THING_CARRYING = re.compile(
    rf"\b(?:{_THING})\s+(?:carrying|transporting|packed|laden|loaded|rigged|full|filled|ferrying)\b", re.I
)


def a_thing(words: str) -> bool:
    """Whether the words name a weapon, a vehicle or a place, never a speaker, by their head noun."""
    head = _BEFORE_PREPOSITION.split(words.strip(" .,;:'’\""), maxsplit=1)[0]
    return bool(THING_HEAD.search(head) or THING_CARRYING.search(words))


def speakers(sentence: str, found: list[SourceMention], place_spans=()) -> list[SourceMention]:
    """Subjects of reporting verbs and objects of "according to" the lists do not name: "the regional
    health office wrote", "..., said the camp's director", "according to radio DZBB". The head noun
    gives the kind; a person's name speaks as a local source, a country as its government; other
    words of no known kind are no speaker."""
    out: list[SourceMention] = []
    for a, b, words in _subjects(sentence) + _objects(sentence):
        kind = source_type_of(words) or _named_kind(words, a, b, place_spans)
        if kind is None or a_thing(words) or any(f.start < b and a < f.end for f in found + out):
            continue
        words, a = clean(words, a)
        canonical = re.sub(r"^(?:the|a|an|one|its|their|some|several|many|other)\s+", "", words, flags=re.I)
        out.append(SourceMention(a, b, canonical, kind, words))
    return out


# a reporting verb coordinated with the verb before it shares its subject: "X reject the figure given by
# Y and said ...": X speaks
COORDINATED = re.compile(r"\band\s+(?:also\s+|later\s+|then\s+)?$", re.I)
_CLAUSE_OPEN = re.compile(r"(?:^|[;:]|\b(?:while|whereas|but)\b)[^;:]*$", re.I)
_WORD = re.compile(r"[\w'’.-]+")


def clause_subject(sentence: str, verb: int) -> tuple[int, int, str] | None:
    """The subject opening the clause of a coordinated reporting verb at `verb`: its first words up to
    the first head noun of a speaker's kind (and the kind words that follow it), else None."""
    if not COORDINATED.search(sentence, max(0, verb - 16), verb):
        return None
    opening = _CLAUSE_OPEN.search(sentence, 0, verb)
    base = opening.start() if opening is not None else 0
    if opening is not None and not opening.group(0).startswith(("while", "whereas", "but")):
        base += 1 if opening.group(0)[:1] in ";:" else 0
    words = list(_WORD.finditer(sentence, base, verb))[:7]
    start = end = None
    owner = False  # the word before owns this one ("the survivors' union"): this one is the head
    for w in words:
        text = w.group(0)
        if text.lower() in ("while", "whereas", "but"):
            continue
        if start is None:
            start = w.start()
        possessive = text.endswith(("'", "’", "'s", "’s"))
        typed = any(pat.fullmatch(text.rstrip("'’")) for pat, _ in HEAD_TYPES)
        if possessive:
            owner, end = True, None
            continue
        if typed or owner:
            end, owner = w.end(), False
        elif end is not None or _NOT_SPEAKER.fullmatch(text):
            break
    if start is None or end is None:
        return None
    tail = _OF_TAIL.match(sentence, end, verb)  # "relatives of the miners", "staff at the clinic"
    end = tail.end() if tail else end
    return start, end, sentence[start:end]


_OF_TAIL = re.compile(r"\s+(?:of|at|for|from)\s+(?:the\s+|those\s+)?[\w'’-]+")


def _subjects(sentence: str) -> list[tuple[int, int, str]]:
    out = []
    for m in REPORT_VERB.finditer(sentence):
        shared = clause_subject(sentence, m.start())
        if shared is not None:
            out.append(shared)
            continue
        end = m.start()
        rel = _RELATIVE_ASIDE.search(sentence, max(0, end - 160), end)
        if rel is not None:
            end = rel.start()  # "Staff at the clinic, where the dead were taken, told": the subject
        start = max(0, end - 70)
        # (a clause of its own opens at "while", "whereas", "but": "..., while relatives said")
        # (the space before the verb, where the aside was cut out: the noun phrase ends at a space)
        before = re.split(r"[,;:\"“”()]|\b(?:and|while|whereas|but)\b", sentence[start:end])[-1]
        before += " " if rel is not None else ""
        np = _SPEAKER_NP.search(before)
        words = np.group("np").strip() if np else ""
        if words and (not _NOT_SPEAKER.search(words) or _KIN_OF.search(words)):
            a = end - len(before) + np.start("np") + (rel is not None)
            out.append((a, a + len(words), words))
        elif m.group(0).lower() != "told":
            inv = _INVERTED.match(sentence, m.end())
            if inv and not _NOT_SPEAKER.search(inv.group("np")):
                np = re.sub(r"(?<=\w{3})\.$", "", inv.group("np"))  # (the sentence's full stop)
                out.append((inv.start("np"), inv.start("np") + len(np), np))
    return out


# a relative clause set off by commas between a subject and its verb: ", where the wounded were taken,"
_RELATIVE_ASIDE = re.compile(r",\s*(?:where|who|which|whose|when)\b[^,;:.\"“”]{3,140},\s*$", re.I)


# the words after "according to" up to the end of their noun phrase
_OBJECT_NP = re.compile(
    r"\s+(?P<np>(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,6}?[\w'’-]+)"
    r"(?=\s*(?:[,.;:()\"“”]|$)|\s+(?:that|which|who|on|in|at|as|after|when|while|and|but|to|said|says|told)\b)"
)


def _objects(sentence: str) -> list[tuple[int, int, str]]:
    out = []
    for m in ACCORDING.finditer(sentence):
        np = _OBJECT_NP.match(sentence, m.end())
        if np:
            out.append((np.start("np"), np.end("np"), np.group("np")))
    return out


# (a surname may open with a particle in lower case: "Omar al-Haddad", "Ana de Souza")
_NAME_WORDS = re.compile(
    r"^(?:(?:al-|el-|bin\s|ibn\s|de\s|van\s)?[A-Z][\w'’.-]*\s+){0,3}(?:al-|el-)?[A-Z][\w'’.-]*$"
)
_NOT_A_NAME = re.compile(
    r"^(?:The|A|An|It|He|She|They|We|This|That|These|Those|There|Here|But|And|Police|Earlier|Later|"
    r"Meanwhile|However|Separately|Also|Yesterday|Today|Tonight|Overnight|Initially|Previously|Then|Now|"
    r"Officials|Reports?|Sources|Witnesses|Residents|Some|Many|Several|Most|Other|Others|All|Few|No|Any)\b|"
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)


def _named_kind(words: str, a: int, b: int, place_spans) -> str | None:
    """A speaker with no head noun: a country or city speaks for its government, a name for a person."""
    if not _NAME_WORDS.match(words) or _NOT_A_NAME.search(words):
        return None
    if any(x <= a and b <= y for x, y in place_spans):
        return "government"  # "Washington said", "Ukraine said"
    return "local sources"


# a stray capital or a credit run into the speaker from a caption or a byline: "AThe governor",
# "AFPThe ministry", "ReutersThe governor"
_GLUED = re.compile(r"^(?:[A-Z]{1,6}|[A-Z][a-z]{2,12})(?=(?:The|A|An|Its|This)\s)")


def clean(words: str, start: int) -> tuple[str, int]:
    """The speaker's words without clutter glued to their front, and where they now start."""
    m = _GLUED.match(words)
    return (words[m.end() :], start + m.end()) if m else (words, start)
