"""Event mentions: what kind of violence a phrase names, and whether it is news.

A mention maps to ACLED event_type / sub_event_type and the weapon the text
names. Generic plurals with no time ("UAV attacks against US personnel"),
background ("since 2008", "in recent months", "several times") and
hypotheticals ("a decision to strike") are not incidents; definite phrases
("the strikes", "that attack") refer back to an event already reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from incidents.prefilter import Required, lowered_or_none, required

ER = "Explosions/Remote violence"
TYPES: dict[str, tuple[str, str, str]] = {
    "air": (ER, "Air/drone strike", "aircraft"),
    "drone": (ER, "Air/drone strike", "drone"),
    "strike": (ER, "Air/drone strike", ""),
    "rocket": (ER, "Shelling/artillery/missile attack", "rocket"),
    "missile": (ER, "Shelling/artillery/missile attack", "missile"),
    "mortar": (ER, "Shelling/artillery/missile attack", "mortar"),
    "shelling": (ER, "Shelling/artillery/missile attack", "artillery"),
    "salvo": (ER, "Shelling/artillery/missile attack", ""),
    "ied": (ER, "Remote explosive/landmine/IED", "IED"),
    "suicide": (ER, "Suicide bomb", "explosives"),
    "grenade": (ER, "Grenade", "grenade"),
    "clash": ("Battles", "Armed clash", ""),
    "shooting": ("Violence against civilians", "Attack", "small arms"),
    "abduction": ("Violence against civilians", "Abduction/forced disappearance", ""),
    "killing": ("Violence against civilians", "Attack", ""),
    "attack": ("", "", ""),
}
# a weapon, or an armed force, as what killed: "a bomb killed three", "killed by a landmine",
# "their car struck a mine", "troops shot dead two men", "stabbed to death"
_KILL_VERB = (
    r"(?:killed|kills|wounded|injured|left\s+(?:[\w-]+\s+){0,3}?(?:dead|wounded|injured)|"
    r"claimed\s+the\s+lives)"
)
_BY = r"\b(?:killed|wounded|injured|hurt|maimed|shot)\s+by\s+(?:[\w-]+\s+){0,3}?"
# after the verb, not a reduced relative clause ("soldiers killed in the attack" is a toll) nor "killed time"
_ACTIVE = r"(?!\s+(?:in|by|on|at|during|when|while|after|as|last|earlier|overnight|yesterday|time)\b)"
INSTRUMENT_NOUNS: dict[str, str] = {
    "drone": r"drones?|UAVs?",
    "air": r"warplanes?|jets?|helicopters?|gunships?",
    "rocket": r"rockets?|missiles?|projectiles?",
    "ied": r"bombs?|landmines?|explosives?|IEDs?",
    "grenade": r"grenades?",
    "shelling": r"shells?|artillery",
    "shooting": r"gunfire|sniper fire|snipers?|stray bullets?|gunshots?",
}
INSTRUMENTS: list[tuple[str, str]] = [
    pair
    for key, nouns in INSTRUMENT_NOUNS.items()
    for pair in (
        (key, rf"\b(?P<noun>{nouns})\b(?:\s+[\w-]+){{0,12}}?\s+{_KILL_VERB}\b"),
        (key, rf"{_BY}(?P<noun>{nouns})\b"),
    )
] + [
    (
        "ied",
        r"\b(?:stepped on|struck|hit|ran over|drove over|triggered)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
        r"(?P<noun>(?:land)?mines?|explosive devices?)\b",
    ),
    (
        "attack",
        r"\b(?P<noun>troops|soldiers|forces|police(?:men)?|army|militiamen|militias?)\b"
        r"(?:\s+(?!(?:were|was|been|be|are|is|who|that)\b)[\w-]+){0,2}?\s+"
        rf"(?:killed|shot dead|massacred|executed|beheaded){_ACTIVE}\b",
    ),
    (
        "killing",
        r"\b(?P<noun>(?:stabbed|hacked|beaten|bludgeoned|burned|burnt|clubbed)\s+to\s+death|lynched)\b",
    ),
]
# longest, most specific first; the group named "noun" is the head word (its number matters)
EVENT_PATTERNS: list[tuple[str, re.Pattern]] = [
    (k, re.compile(p, re.I))
    for k, p in [
        ("drone", r"\b(?:drone|UAV|unmanned aerial vehicle)\s+(?P<noun>strikes?|attacks?|raids?)\b"),
        (
            "drone",
            r"\b(?P<noun>drones?)\b(?:\s+[\w-]+){0,4}?\s+(?:hit|struck|attacked|targeted|slammed|crashed)\b",
        ),
        ("air", r"\b(?:air|aerial)\s*(?P<noun>strikes?|raids?|attacks?|bombardments?)\b"),
        # "a merchant ship was hit by a missile", "struck by two drones": the weapon names the attack
        ("drone", r"\b(?:hit|struck|targeted|attacked)\s+by\s+(?:[\w-]+\s+){0,2}?(?P<noun>drones?|UAVs?)\b"),
        (
            "rocket",
            r"\b(?:hit|struck|targeted|attacked)\s+by\s+(?:[\w-]+\s+){0,2}?(?P<noun>missiles?|rockets?|mortars?)\b",
        ),
        # "said it targeted the Al-Shaddadi base with drones": the weapon after the verb names the attack
        (
            "drone",
            r"\b(?P<noun>targeted|attacked|struck|hit)\b[^.;]{1,80}?\bwith\s+(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?)\b",
        ),
        (
            "rocket",
            r"\b(?P<noun>targeted|attacked|struck|hit|shelled)\b[^.;]{1,80}?\bwith\s+(?:[\w-]+\s+){0,2}?"
            r"(?:rockets?|missiles?|mortars?)\b",
        ),
        ("air", r"\b(?:gunship|helicopter|AC-130)\s+(?P<noun>strikes?|raids?|attacks?)\b"),
        ("air", r"\b(?P<noun>airstrikes?|air-strikes?|bombing raids?)\b"),
        (
            "air",
            r"\b(?P<noun>warplanes?|jets?|aircraft|helicopters?|gunships?|planes?|(?<!suicide )bombers)\b"
            r"(?:\s+[\w-]+){0,3}?\s+"
            r"(?:struck|hit|bombed|attacked|targeted|pounded|raided|fired)\b",
        ),
        # "fired rockets", "launched multiple ballistic missiles": the launcher's verb names the attack
        (
            "rocket",
            r"\b(?:fired|launched)\s+(?:[\w-]+\s+){0,3}?(?P<noun>rockets?|missiles?|mortars?|shells?)\b",
        ),
        ("drone", r"\b(?:launched|sent|flew)\s+(?:[\w-]+\s+){0,2}?(?P<noun>drones?|UAVs?)\b"),
        ("missile", r"\bmissile\s+(?P<noun>strikes?|attacks?)\b"),
        ("rocket", r"\brocket\s+(?P<noun>attacks?|fire|strikes?|barrages?)\b"),
        (
            "rocket",
            r"\b(?P<noun>rockets?|missiles?|mortars?)\b\s+(?:\w+\s+){0,2}?(?:hit|struck|landed|slammed|fell|"
            r"were fired|exploded)\b",
        ),
        # "the shells landed in the village", "two shells fell near the school": shelling
        (
            "shelling",
            r"\b(?P<noun>shells)\b\s+(?:\w+\s+){0,2}?(?:hit|struck|landed|slammed|fell|exploded|rained)\b",
        ),
        ("salvo", r"\b(?P<noun>salvos?|barrages?)\b"),
        ("mortar", r"\bmortar\s+(?P<noun>attacks?|fire|shells?|rounds?)\b"),
        ("shelling", r"\b(?:rocket|artillery|tank)\s+(?P<noun>shells?|rounds?)\b"),
        ("shelling", r"\b(?P<noun>shelling|artillery fire|bombardments?)\b"),
        ("suicide", r"\bsuicide\s+(?P<noun>bombings?|attacks?|bombers?|car bombs?)\b"),
        # a person who attacks ("the bomber struck", "the attacker detonated") names the attack itself
        (
            "attack",
            r"\b(?P<noun>(?:bomber|attacker|assailant)s?)\b(?:\s+[\w-]+){0,3}?\s+"
            r"(?:struck|hit|blew|detonated|attacked|opened fire)\b",
        ),
        # "blew himself up", "detonated his explosive vest", "set off a suicide belt": a suicide attack
        (
            "suicide",
            r"\b(?P<noun>blew\s+(?:himself|herself|themselves)\s+up|(?:explosive|suicide|bomb)\s+(?:vests?|belts?))\b",
        ),
        # "dropped barrel bombs on the market": bombs from the air
        ("air", r"\b(?:dropped|dropping|drops)\s+(?:[\w-]+\s+){0,3}?(?P<noun>bombs?|explosives?)\b"),
        ("air", r"\b(?:barrel|cluster|glide|guided)\s+(?P<noun>bombs?)\b"),
        # "hurled a grenade into the bar", "grenades thrown at the crowd": a grenade attack
        (
            "grenade",
            r"\b(?:hurled|threw|thrown|lobbed|tossed|flung|hurling|throwing)\s+(?:[\w-]+\s+){0,2}?"
            r"(?P<noun>(?:hand\s+)?grenades?)\b",
        ),
        ("grenade", r"\b(?P<noun>grenades?)\b(?=\s+(?:[\w-]+\s+)?(?:exploded|went off|detonated|blew up)\b)"),
        ("ied", r"\b(?:roadside|car|truck|road-side)\s+(?P<noun>bombs?|bombings?)\b|\b(?P<noun2>IEDs?)\b"),
        # "an explosive-laden vehicle", "a booby-trapped car": a vehicle bomb named by its load
        (
            "ied",
            r"\b(?:explosives?|bomb)-(?:laden|packed|rigged|filled)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\b|"
            r"\bbooby-trapped\s+(?P<noun2>[\w-]+)\b",
        ),
        # "detonated a device", "set off explosives", "a roadside device exploded": a bomb said by its verb
        (
            "ied",
            r"\b(?:detonated|set off|planted|triggered)\s+(?:[\w-]+\s+){0,3}?"
            r"(?P<noun>devices?|explosives?|bombs?|charges?)\b|"
            r"\b(?P<noun2>devices?|explosives?|charges?)\b"
            r"(?=\s+(?:[\w-]+\s+){0,4}?(?:exploded|went off|detonated|blew up)\b)",
        ),
        ("ied", r"\b(?:improvised\s+)?explosive\s+(?P<noun>devices?)\b"),
        # "rammed a truck loaded with explosives into the base": a vehicle bomb, said the long way
        (
            "ied",
            r"\b(?:car|truck|lorry|vehicle|van|motorcycle|motorbike|tanker)s?\s+(?:loaded|packed|laden|"
            r"rigged|filled|stuffed|booby-trapped)\s+with\s+(?:[\w-]+\s+){0,2}?(?P<noun>explosives?|bombs?)\b",
        ),
        *INSTRUMENTS,
        (
            "ied",
            r"\b(?P<noun>bombs?)\b(?=\s+(?:\w+\s+)?(?:exploded|went off|detonated|blew up|hit|struck|ripped|"
            r"tore|derailed|wrecked|destroyed)\b)",
        ),
        # "explosives derailed the train", "derailed by a bomb", "militants derailed a train with a blast":
        # a derailment is an attack where explosives are named with it (not an accident's)
        (
            "ied",
            r"\b(?:bombs?|explosives?|explosions?|blasts?|IEDs?|devices?|charges?|mines?)\b[^.;]{0,60}?"
            r"\b(?P<noun>derailed|derailing)\b|\b(?P<noun2>derailed|derailing)\b"
            r"(?=[^.;]{0,60}?\bwith\s+(?:[\w-]+\s+){0,2}?"
            r"(?:bombs?|explosives?|IEDs?|devices?|charges?|mines?)\b)",
        ),
        ("ied", r"\b(?P<noun>bombings?|blasts?|explosions?)\b"),
        ("grenade", r"\bgrenade\s+(?P<noun>attacks?)\b"),
        (
            "clash",
            r"\b(?P<noun>clash(?:es|ed)?|gun ?battles?|gun-?fights?|firefights?|shoot-?outs?|"
            r"exchanges? of (?:fire|gunfire))\b",
        ),
        # "fighting between X and Y", "heavy fighting around X": the noun, not "fighting to topple"
        (
            "clash",
            r"\b(?:(?:heavy|fierce|intense|renewed|deadly)\s+)?(?P<noun>fighting)\b"
            r"(?=\s+(?:between|around|near|in|erupted|broke out|raged|continued)\b)",
        ),
        ("abduction", r"\b(?P<noun>abducted|kidnapped|abductions?|kidnappings?|seized hostages)\b"),
        # "the bodies of five men were found dumped by the road", "were found shot dead": a killing
        # (not bodies pulled from the rubble of a strike or a collapse)
        (
            "killing",
            r"\b(?:(?P<noun>bod(?:y|ies)|corpses?)\b(?:\s+[\w-]+){0,4}?\s+(?:was|were|had been|have been)\s+"
            r"(?:found|discovered|dumped)|(?P<noun2>found)\s+(?:dead|shot|murdered|executed|beheaded|"
            r"decapitated|strangled|with (?:gunshot|bullet) wounds))\b"
            r"(?!\s+(?:\w+\s+){0,2}?(?:in|under|beneath|from)\s+(?:the\s+)?(?:rubble|debris|ruins|wreckage))",
        ),
        ("shooting", r"\b(?P<noun>shootings?|gunmen opened fire|shot dead|massacres?)\b"),
        (
            "shooting",
            r"\b(?P<noun>gunmen|gunman|opened fire|shot and killed|gunned down|mowed down|"
            r"sprayed\s+(?:[\w-]+\s+){1,4}?with\s+(?:[\w-]+\s+)?(?:bullets|gunfire|fire))\b",
        ),
        # "a knife attack", "a stabbing spree": a killing with a blade
        (
            "killing",
            r"\b(?:knife|machete|axe)\s+(?P<noun>attacks?)\b|\b(?P<noun2>stabbings?|stabbing spree)\b",
        ),
        # "Jihadists killed six farmers": an armed group killing with no word for the event
        (
            "attack",
            r"\b(?P<noun>jihadists|militants|insurgents|bandits|attackers|assailants|rebels|fighters|terrorists)\b"
            # active only: "fighters were killed" is a toll, not fighters killing
            r"(?:\s+(?!(?:were|was|been|be|are|is)\b)[\w-]+){0,3}?\s+"
            r"(?:killed|shot dead|massacred|executed|beheaded|hacked)\b",
        ),
        ("shelling", r"\b(?P<noun>shelled|bombarded)\b"),
        # "settlers set homes and cars ablaze", "a mob torched shops", "gunmen went on a rampage": violence
        # said by what it did (typed later by whom it hurt)
        (
            "attack",
            r"\b(?:(?P<noun>set)\s+(?:[\w-]+\s+){1,4}?(?:ablaze|on fire|alight)|"
            r"(?P<noun2>torched|rampaged|rampaging|went on a rampage|ran amok|run amok))\b",
        ),
        # "forces targeted a school": the verb with a thing hit after it (in a military context)
        ("attack", r"\b(?P<noun>targeted)(?=\s+(?:a|an|the|two|three|several|its|their)\s)"),
        ("strike", r"\b(?P<noun>strikes?)\b"),
        # "forces struck more than 85 targets": striking targets is the language of air and missile strikes
        (
            "strike",
            r"\b(?P<noun>struck|hit|bombed)\s+(?:[\w-]+\s+){0,4}?"
            r"(?:targets|facilities|positions|sites|depots|headquarters|command cent(?:er|re)s)\b",
        ),
        (
            "attack",
            r"\b(?P<noun>attacks?|assaults?|attacked|ambushed|ambush|stormed|raids?|raided|bombed|"
            r"invaded|overran|overrun)\b"
            # "one-way attack drones", "attack helicopters": a kind of weapon, not an event
            r"(?!\s+(?:drones?|helicopters?|aircraft|submarines?|craft|boats?|dogs?|capabilit\w*|UAVs?)\b)",
        ),
        (
            "attack",
            r"\b(?P<noun>struck|hit)\b(?!\s+(?:an?\s+)?(?:deal|agreement|chord|balance|note|tone|record|"
            r"high|low|back|out|down|off|home|hard|by|with)\b)",
        ),
    ]
]
WEAPONS: list[tuple[re.Pattern, str]] = [
    (re.compile(p, re.I), w)
    for p, w in [
        (r"\b(?:drones?|UAVs?|unmanned aerial)\b", "drone"),
        (
            r"\b(?:warplanes?|jets?|aircraft|F-\d\d\w*|AC-130\w*|gunships?|(?<!suicide )bombers|helicopters?|"
            r"air ?strikes?|airstrikes?)\b",
            "aircraft",
        ),
        (r"\brockets?\b", "rocket"),
        (r"\bmissiles?\b", "missile"),
        (r"\bmortars?\b", "mortar"),
        (r"\b(?:IEDs?|roadside bombs?|car bombs?|explosive devices?)\b", "IED"),
        (r"\bartillery\b", "artillery"),
    ]
]
NOT_EVENT = re.compile(
    r"\b(?:on|hunger|general|labou?r|lucky|heart|panic|cyber|anxiety|asthma|gas|boiler|mine|methane|factory|"
    r"chemical|industrial|accidental|pipeline|fireworks?|tyre|tire|transformer|ATC|rail|union|workers'?|"
    r"teachers'?|staff|nurses'?|doctors'?|pilots'?)\s+$",
    re.I,
)
# "an earthquake struck", "a car hit a pedestrian": not violence
NATURAL = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|storms?|hurricanes?|typhoons?|cyclones?|tornado(?:e?s)?|"
    r"floods?|lightning|wildfires?|fires?|waves?|tsunamis?|cars?|trucks?|lorry|vehicles?|trains?|bus|buses|"
    r"ships?|boats?|ball|bullets?|recession|crisis|pandemic|virus|outbreak|drought|heatwave)\b[^.;]{0,40}$",
    re.I,
)
# a bare "strike" is military only in a sentence that says so (not a walkout)
MILITARY = re.compile(
    r"\b(?:military|forces|troops|militia\w*|militants?|targets?|targeted|killed|killing|wounded|wounding|dead|"
    r"bombs?|missiles?|Guards|"
    r"drones?|air|warplanes?|jets?|retaliat\w*|facilities|positions|fighters|army|insurgents?|rebels?|"
    r"Pentagon|precision|compound|base)\b",
    re.I,
)
PLOT = re.compile(
    r"\b(?:plot\w*|plann(?:ed|ing)|foil\w*|thwart\w*|accused of|charged with|convicted of|sentenced)\b"
    r"[^.;]{0,60}$",
    re.I,
)
# "to strike", "would attack": not yet; "respond to the attack" is to one that happened
HYPOTHETICAL = re.compile(
    r"\b(?:to|would|could|will|may|might|can|threatened to|vowed to|decision to|plans? to)"
    r"\s+(?:(?!(?:the|a|an|this|that|these|those|its|their|his|her|last|Saturday|Sunday|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday)\b)\w+\s+)?$",
    re.I,
)
BACKGROUND = re.compile(
    r"\b(?:since|in recent (?:days|weeks|months|years)|in the past|over the past|several times|"
    r"a number of times|"
    r"many times|repeatedly|ongoing series|series of|so far this year|history of|the majority|a spate of|"
    r"(?<!new )(?<!fresh )(?<!latest )waves? of|string of|"
    r"dozens of (?:attacks|strikes|raids|bombings|times|incidents)|campaign|"
    r"more than \d+ (?:attacks|strikes)|tally|(?:near-|almost )daily)\b",
    re.I,
)
# "in one of the deadliest single strikes since October": a comparison with other events, not one
COMPARISON = re.compile(r"\bone of the\s+(?:[\w-]+\s+){0,3}$", re.I)
RECENT = re.compile(
    r"\b(?:recent|previous|past|frequent|regular|repeated|future|further|possible|more|lethal|"
    r"such|other|any|no|similar|earlier|prior)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "days after", "a week before", "two months after": the words that measure one event from another
_MEASURED_FROM = (
    r"\b(?:days|weeks|months|years|hours|a (?:day|week|month|year)|(?:two|three|four|five|six|\d+) "
    r"(?:days|weeks|months|years))\s+(?:after|before)\s+"
)
# "..., days after a rocket attack on X killed a woman", "weeks after an ambush": an earlier event the
# sentence measures this one from (a definite "days after the bombing" may be the article's own event)
PRIOR = re.compile(
    _MEASURED_FROM + r"(?:an?|another|one)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# "..., a week after troops killed two men near X", "months after militants stormed Y": a clause the
# sentence measures its event from tells an earlier event, whose subject opens it (a definite "days after
# the bombing" may be the article's own event, and keeps its determiner)
PRIOR_CLAUSE = re.compile(
    _MEASURED_FROM + r"(?!(?:the|this|that|these|those|its|their)\b)"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "came a week after the mayor of X, a lawyer, was abducted by armed men": a clause measured from, with a
# subject of its own and a passive verb, tells an earlier event whatever its determiner
PRIOR_PASSIVE = re.compile(
    _MEASURED_FROM + r"[^.;:]{0,120}?\b(?:was|were|had been|has been|"
    r"have been)\s+$",
    re.I,
)
DEFINITE = {
    "the": "the",
    "this": "demo",
    "that": "demo",
    "these": "demo",
    "those": "demo",
    "its": "the",
    "their": "the",
    "his": "the",
    "her": "the",
    "latest": "the",
    "such": "the",
}
INDEFINITE = {"a", "an", "another", "one"}
_STOP_SCAN = re.compile(
    r"^(?:in|on|at|of|by|for|against|after|before|with|from|said|has|have|had|was|were|is|are|"
    r"launched|conducted|carried|out|said|says|and|or|but|as|that|which|what)$",
    re.I,
)
PAST_EVENT = re.compile(
    r"\b(?:launched|conducted|carried out|hit|struck|killed|targeted|bombed|attacked|fired|"
    r"wounded|injured|pounded|shelled|occurred|took place|exploded|destroyed|killing|hurting|"
    r"injuring|wounding)\b",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    key: str
    start: int  # within the sentence
    end: int
    text: str
    plural: bool
    determiner: str  # "the", "demo", "a", ""
    background: bool
    hypothetical: bool

    @property
    def typing(self) -> tuple[str, str, str]:
        return TYPES[self.key]


# "earlier this month, RSF shelling": a demonstrative before a time word is a time adverb
_TIME_PHRASE = re.compile(
    r"\b(?:this|that|these|those|last|next)\s+(?:month|week|year|morning|afternoon|evening|night|weekend|time)s?\b",
    re.I,
)


# "Sunday's raid", "this week's brutal attack": a day named as the event's owner makes the phrase definite
_POSSESSIVE_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|week|weekend)"
    r"['’]s\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)


def _determiner(before: str) -> str:
    if _POSSESSIVE_DAY.search(before):
        return "the"
    tokens = re.findall(r"[\w'-]+", _TIME_PHRASE.sub(" ", before))[-4:]
    for tok in reversed(tokens):
        low = tok.lower()
        if low in DEFINITE:
            return DEFINITE[low]
        if low in INDEFINITE:
            return "a"
        if _STOP_SCAN.match(low):
            return ""
    return ""


def _violent(sentence: str, m: re.Match, key: str, verb: bool, before: str, military: bool = False) -> bool:
    """Not a walkout, an accident or a quake: "strike" and "struck" need a military context.

    The context is the sentence's words, or the article's: once it has reported an
    armed strike, "the strike on Tuesday morning hit the school" is that strike.
    """
    if NOT_EVENT.search(before) or (verb and NATURAL.search(before)):
        return False
    if military and key == "strike" and _determiner(before) in ("the", "demo"):
        return True
    return not (key == "strike" or verb) or bool(MILITARY.search(sentence.replace(m.group(0), "")))


# the words each pattern cannot match without (prefilter.py): most patterns are skipped on a sentence
EVENT_REQUIRED: list[Required] = [required(pat) for _, pat in EVENT_PATTERNS]
_EVENT_WORDS: frozenset[str] = frozenset(w for req in EVENT_REQUIRED for g in req.groups for w in g)


def possible_patterns(sentence: str) -> list[tuple[str, re.Pattern]]:
    """The event patterns that can match somewhere in the sentence, in their order."""
    lowered = lowered_or_none(sentence)
    if lowered is None:
        return EVENT_PATTERNS
    present = {w for w in _EVENT_WORDS if w in lowered}  # each word looked for once, not once per pattern
    return [kp for kp, req in zip(EVENT_PATTERNS, EVENT_REQUIRED, strict=True) if req.met_by(present)]


def find_mentions(
    sentence: str, military: bool = False, patterns: list[tuple[str, re.Pattern]] | None = None
) -> list[Mention]:
    """Event mentions in a sentence, most specific pattern first, no overlaps.

    military: the article has already reported an armed strike (see _violent).
    patterns: the patterns to run (default: those the sentence's words leave possible; the same
    mentions as running all of EVENT_PATTERNS, tests/test_incidents_prefilter.py).
    """
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    sentence_background = bool(BACKGROUND.search(sentence))
    for key, pat in possible_patterns(sentence) if patterns is None else patterns:
        for m in pat.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            before = sentence[max(0, m.start() - 40) : m.start()]
            noun = m.group("noun") or (m.groupdict().get("noun2") or "")
            if not _violent(sentence, m, key, noun.lower() in VERBS, before, military) or COMPARISON.search(
                before
            ):
                continue
            taken.append((m.start(), m.end()))
            out.append(
                Mention(
                    key=key,
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    plural=noun.lower().endswith("s") and not noun.lower().endswith("ss"),
                    # "the bodies of five men were found": the article is the bodies', not an event's
                    determiner="" if key == "killing" else _determiner(before),
                    background=sentence_background
                    or bool(RECENT.search(before) or PRIOR.search(before) or PRIOR_CLAUSE.search(before))
                    or bool(PRIOR_PASSIVE.search(sentence, max(0, m.start() - 180), m.start())),
                    hypothetical=bool(HYPOTHETICAL.search(before) or PLOT.search(sentence[: m.start()])),
                )
            )
    out.sort(key=lambda x: x.start)
    # "another salvo struck", "the drone hit": the verb belongs to the event phrase before it
    # "the airstrike on Monday, which hit a market in X": a relative clause goes on with the event before it
    out = [
        m
        for i, m in enumerate(out)
        if not (
            m.text.lower() in VERBS
            and i
            and (
                _same_clause(sentence, out[i - 1], m)
                or RELATIVE.fullmatch(sentence, out[i - 1].end, m.start) is not None
            )
        )
    ]
    # "troops fired mortar shells into the valley, officials said, in an attack that left 3 dead":
    # the generic word restates the typed event before it, it is not a second one
    return [
        m
        for i, m in enumerate(out)
        if not (
            i
            and m.key == "attack"
            and out[i - 1].key != "attack"
            and IN_AN_ATTACK.search(sentence[max(0, m.start - 20) : m.start])
            and RESTATING.match(sentence, m.end)
        )
    ]


IN_AN_ATTACK = re.compile(r"\bin\s+(?:an?|the|this|that)\s+$", re.I)
RESTATING = re.compile(
    r"\s+(?:that|which)\s+(?:also\s+)?(?:left|killed|wounded|injured|claimed|destroyed)\b", re.I
)


VERBS = {"struck", "hit", "targeted"}
# what may stand between an event phrase and the verb of its relative clause ("..., which then hit")
RELATIVE = re.compile(r"[^;:.]{0,80}?,?\s+(?:which|that)\s+(?:also\s+|then\s+|reportedly\s+)?", re.I)


def _same_clause(sentence: str, a: Mention, b: Mention) -> bool:
    gap = sentence[a.end : b.start]
    return len(gap) <= 40 and not re.search(r"[,;:]|\b(?:and|but|while|after|before)\b", gap)


def weapon_in(text: str) -> str:
    """The first weapon the text names, or ''."""
    hits = [(m.start(), w) for pat, w in WEAPONS for m in [pat.search(text)] if m]
    return min(hits)[1] if hits else ""


def has_past_event_verb(sentence: str) -> bool:
    return bool(PAST_EVENT.search(sentence))
