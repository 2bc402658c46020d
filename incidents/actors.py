"""Actors in an event sentence: one canonical name each, as attacker or target.

Names come from the curated list in data/actors.csv. The role comes from the
words around the name: "by X" attacks, "against X" / "targeting X" /
"facilities used by X" / "positions of X" is the target, and a name before
the event phrase ("US strikes", "US forces launched") is its author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from incidents import lexicon, perpetrators
from incidents.text import Caseless

TARGET_BEFORE = re.compile(
    r"\b(?:against|on|targeting|targeted|hitting|hit|struck|at|positions of|facilities of|bases? of|"
    r"ambushed|ambushing|attacked|attacking|raided|shelled|shelling|bombed|stormed|fighting|fought|battling|"
    r"battled|"
    r"killed|killing|wounded|wounding|injured|injuring|used by|utili[sz]ed by|operated by|run by|"
    r"belonging to|housing|hosting|linked to|members of|"
    r"fighters from|headquarters of|commanders? of|leaders? of|member of)\s+"
    r"(?:(?:the|an?|its|their|several|powerful|hardline|some|at least|a number of|number of|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|scores of|"
    r"[\w-]+ing|[A-Z][\w'-]*)\s+){0,3}$"
)
# "Hezbollah said it fired rockets", "the army said it had struck": the speaker did it
SELF_REPORT = re.compile(
    r"\s+(?:said|says|announced|confirmed|claimed)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they)\s+"
    r"(?:had\s+|has\s+|have\s+)?(?:fired|launched|struck|hit|attacked|targeted|shelled|bombed|killed|"
    r"carried out|conducted|downed|shot)\b",
    re.I,
)
CLAIMED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:claimed|claims|has claimed|took|takes|has taken|have taken)\s+"
    r"(?:responsibility|the attack|credit)"
)
ATTACKER_BEFORE = re.compile(
    r"\b(?:by|from|blaming|blamed|blamed it on|blaming it on|accusing|accused)\s+"
    r"(?:(?:the|an?)\s+)?(?:(?:suspected|alleged|presumed)\s+)?"
    r"(?:(?:paramilitary|rival|rebel|militant|jihadist|armed)\s+)?$"
)
# "led by X", "backed by X", "sanctioned by X": a "by" that names no attacker
NOT_AGENT = re.compile(
    r"\b(?:led|backed|supported|sanctioned|condemned|recogni[sz]ed|funded|financed|armed|trained|founded|"
    r"owned|controlled|designated|listed|called|described|reported|confirmed|denied|criticised|criticized|"
    r"welcomed|praised|hosted|governed|ruled|administered|mediated|brokered|announced)\s+by\s+(?:\S+\s+)?$"
)
# the name is the subject of a passive violence verb: it was on the receiving end
PASSIVE_VICTIM = re.compile(
    r"(?:\s+(?:fighters|members|militants|militiamen|commanders?|soldiers|troops|personnel|positions|"
    r"bases?|convoys?))?(?:\s+(?:at|in|near|on)\s+[^,;.]{1,60}?)?"
    # "11 troops, including an officer, were killed"
    r"(?:\s*,\s*(?:including|among them|most of them|mostly|all)\b[^,;.]{1,60}?,)?"
    r"\s+(?:was|were|had been|have been|has been)\s+"
    r"(?:\w+ly\s+)?(?:killed|wounded|injured|hit|targeted|struck|attacked|shelled|bombed|ambushed)\b"
)
# a reduced relative clause: "the troops trapped in a rebel ambush", "civilians killed in the raid"
CAUGHT_IN = re.compile(
    r"\s+(?:\w+ly\s+)?(?:trapped|caught|killed|wounded|injured|hurt|ambushed|targeted)\s+"
    r"(?:in|by|during)\b"
)
AFFILIATE = re.compile(
    r"\b(?:insurgents|militants|fighters|jihadists|gunmen|rebels|cells|men|groups?|elements)\s+"
    r"(?:linked|affiliated|allied|loyal|tied|aligned)\s+(?:to|with)\s+(?:the\s+)?$",
    re.I,
)
# an infinitive of purpose: what the attacker says it meant to hit ("an operation to target X's launchers")
PURPOSE = re.compile(
    r"\b(?:to|in order to)\s+(?:target|hit|strike|destroy|neutrali[sz]e|take out|eliminate)\b[^,;.:]{0,50}$",
    re.I,
)
# "the group said it attacked the army and its militias", "claimed to have killed fighters of X": whom the
# attacker says it hit is its claim; the target is who the text counts as hit (incidents.targets), the
# claimed one only where the text counts nobody
SAID_IT = re.compile(
    r"\b(?:said|says|saying|claimed|claims|claiming|announced|stated|declared|insisted)\s+"
    # ("said on Monday that", "said in a statement that")
    r"(?:(?:on\s+\w+|in\s+an?\s+(?:\w+\s+)?(?:statement|post|message|video))\s+)?"
    r"(?:that\s+)?(?:(?:it|they|its\s+(?:fighters|forces|men|units|members)|their\s+fighters)\s+"
    r"(?:had\s+|has\s+|have\s+)?|to\s+have\s+)(?:\w+ly\s+)?"
    r"(?:attacked|targeted|struck|hit|killed|ambushed|shelled|bombed|raided|fought|repelled|destroyed|"
    r"downed|shot)\b[^.;:\"“”]{0,80}$",
    re.I,
)
# "fighting between X and Y": ACLED puts the first side named as actor1, the second as actor2
BETWEEN_FIRST = re.compile(r"\bbetween\s+(?:(?:the|an?)\s+)?$")
BETWEEN_SECOND = re.compile(r"\bbetween\s+[^,;.]{1,50}?\s+and\s+(?:(?:the|an?)\s+)?$")


@dataclass(frozen=True)
class ActorMention:
    start: int  # within the sentence
    end: int
    canonical: str
    text: str
    kind: str = ""
    hint: str = ""  # "attacker" where a frame says so ("X claimed responsibility", incidents.perpetrators)


def mentions(sentence: str, exclude: list[tuple[int, int]] = ()) -> list[ActorMention]:
    """Actor names in a sentence, leaving out spans already read as sources.

    A class of armed actor the list names by its head noun ("militants", "settlers",
    "separatists"; canonical "*") keeps the text's words with a nationality before them
    ("Israeli settlers").
    """
    out = []
    for h in lexicon.actors().find(sentence):
        if any(a < h.end and h.start < b for a, b in exclude):
            continue
        start, canonical = h.start, h.entry.canonical
        if canonical == "*":
            m = NATIONALITY_BEFORE.search(sentence, 0, h.start)
            start = m.start(1) if m else h.start
            canonical = sentence[start : h.end]
            canonical = canonical[0].upper() + canonical[1:]
        out.append(ActorMention(start, h.end, canonical, sentence[start : h.end], h.entry.kind))
    return _with_frames(sentence, out, exclude)


def _with_frames(sentence: str, found: list[ActorMention], exclude) -> list[ActorMention]:
    """The names a frame makes the attacker (incidents.perpetrators): a listed name there is marked so,
    a name the list lacks is added with the text's spelling."""
    named = perpetrators.attackers(sentence) if FRAME_WORDS.occurs(sentence) else []
    if not named:
        return found
    out = []
    for a in found:
        inside = any(n.start < a.end and a.start < n.end for n in named)
        out.append(replace(a, hint="attacker") if inside and not is_generic(a.canonical) else a)
    for n in named:
        if any(a.start < n.end and n.start < a.end for a in found + out) or any(
            x < n.end and n.start < y for x, y in exclude
        ):
            continue
        out.append(ActorMention(n.start, n.end, n.name, n.name, "armed group", hint="attacker"))
    out.sort(key=lambda a: a.start)
    return out


# the words every perpetrators frame holds: only sentences with one are parsed for frames
FRAME_WORDS = Caseless(
    r"responsib|credit|claimed|blamed|pinned|attributed|carried out|perpetrated|launched by|committed by|"
    r"orchestrated|masterminded|staged by|suspected|alleged|presumed|fighters|militants|gunmen|rebels|"
    r"insurgents|jihadists|militiamen|members|cadres|operatives"
)


NATIONALITY_BEFORE = re.compile(r"\b([A-Z][a-z]+(?:an|ian|ese|i|ish|ic))\s+$")
# the armed actors named by a class, not by a name: wildcards when reports are matched
GENERIC = re.compile(
    r"\b(?:militants|insurgents|jihadists|extremists|terrorists|separatists|separatist fighters|settlers|"
    r"rebels|islamists|"
    r"Maoists|Maoist rebels|Maoist insurgents|Naxals|Naxalites|bandits|assailants|attackers|gunmen|"
    r"armed men|gangs|state forces)$",
    re.I,
)


# "a militant attack", "a Maoist ambush", "the terror strike": a class of armed actor as the event's adjective
CLASS_ADJECTIVE = re.compile(
    r"\b(militant|jihadist|terrorist|terror|maoist|naxal|naxalite|insurgent|rebel|separatist|islamist|"
    r"extremist|bandit)\s+(?:[\w-]+\s+)?$",
    re.I,
)


# the state's own air power: "the junta's jets", "government warplanes", "the military government", "the army
# said its aircraft": an air strike no other attacker is named for is the state's (whose country is the
# incident's: incidents.summary names it)
STATE_AIR = re.compile(
    r"\b(?:junta|military government|military regime|military rulers|military council)\b|"
    r"\b(?:government|regime|army|military|state)(?:['’]s)?\s+(?:[\w-]+\s+)?"
    r"(?:warplanes?|war planes?|jets?|aircraft|planes|helicopters?|gunships?|drones?|air force)\b|"
    r"\b(?:the|its)\s+air force\b|"
    r"\b(?:army|military|air force|armed forces)\s+(?:said|says|announced|confirmed)\s+"
    r"(?:that\s+)?(?:it|its)\b",
    re.I,
)
STATE = "state forces"  # data/actors.csv's generic state forces, named by the incident's country in its row


# the state's own guns and missiles: "a junta missile", "regime rockets", "the army's artillery"
STATE_FIRE = re.compile(
    r"\b(?:junta|military government|military regime|military rulers|military council)\b|"
    r"\b(?:government|regime|army|military|state)(?:['’]s)?\s+(?:[\w-]+\s+)?"
    r"(?:missiles?|rockets?|shells?|shelling|artillery|mortars?|rocket launchers?|howitzers?)\b",
    re.I,
)
SHELLING = "Shelling/artillery/missile attack"


def state_air_power(text: str) -> bool:
    """Whether the text puts the air strike on the state's own aircraft (see STATE_AIR)."""
    return STATE_AIR.search(text) is not None


def state_attack(text: str, sub_event_type: str) -> bool:
    """Whether the text puts an air strike on the state's aircraft, or shelling and missile fire on its
    guns ("a junta missile", "regime rockets"): its forces attacked (no other attacker named)."""
    if sub_event_type == "Air/drone strike":
        return state_air_power(text)
    return sub_event_type == SHELLING and STATE_FIRE.search(text) is not None


def class_before(text: str) -> str | None:
    """The class of attacker an adjective before an event phrase names ("a militant attack": Militants)."""
    m = CLASS_ADJECTIVE.search(text[-40:])
    if m is None:
        return None
    word = m.group(1).lower()
    return "Terrorists" if word in ("terror", "terrorist") else word.capitalize() + "s"


def is_generic(name: str) -> bool:
    """A class of actor ("militants", "unidentified gunmen"), which never rules out a match."""
    return bool(GENERIC.search(name))


def is_listed(name: str) -> bool:
    """A name data/actors.csv holds (not forces named only by a nationality, "Yemeni forces")."""
    return name in _canonicals()


@lru_cache(maxsize=1)
def _canonicals() -> frozenset[str]:
    return frozenset(e.canonical for e in lexicon.actors().by_alias.values())


def role(sentence: str, actor: ActorMention, event_start: int, *, explicit_only: bool = False) -> str | None:
    """'attacker', 'target', 'aimed' (a target only the attacker's own statement names: SAID_IT) or None
    for an actor relative to the event phrase at event_start."""
    if actor.hint:
        return actor.hint
    before = sentence[max(0, actor.start - 60) : actor.start]
    if BETWEEN_FIRST.search(before):
        return "attacker"
    if BETWEEN_SECOND.search(before):
        return "target"
    if AFFILIATE.search(before) and actor.end <= event_start:
        # "insurgents linked to the Islamic State attacked the town": the group the attackers belong to
        return "attacker"
    if TARGET_BEFORE.search(before):
        # "described the raid as an action to target launchers used by X": an aim, not who was hit
        if PURPOSE.search(before):
            return None
        return "aimed" if SAID_IT.search(sentence, max(0, actor.start - 140), actor.start) else "target"
    if ATTACKER_BEFORE.search(before) and not NOT_AGENT.search(before):
        return "attacker"
    if CLAIMED_AFTER.match(sentence[actor.end : actor.end + 60]) or SELF_REPORT.match(sentence, actor.end):
        return "attacker"
    if PASSIVE_VICTIM.match(sentence, actor.end) or CAUGHT_IN.match(sentence, actor.end):
        # "US forces at Al-Tanf were attacked by drones", "Kataib Hezbollah fighters were killed",
        # "the soldiers trapped in the ambush"
        return "target"
    if explicit_only:
        return None
    if actor.start <= event_start < actor.end:  # "Turkish drones hit": the name is the attacker's weapon
        return "attacker"
    gap = sentence[actor.end : event_start]
    # not across another clause: "US forces shot down a drone ... and that a drone attack on X"
    # (the subject that opens the sentence reaches its verb past a longer description:
    # "Gunmen believed to be members of the separatist movement on Saturday attacked ...")
    reach = 160 if not sentence[: actor.start].strip(" \"'“") else 80
    if (
        actor.end <= event_start
        and len(gap) < reach
        and not re.search(r"[;:]|\bsaid\b|\band that\b|,\s*while\b", gap)
    ):
        return "attacker"
    return None
