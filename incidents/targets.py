"""Who was hit (ACLED's actor2) where the text names no target group: the victims by their kind.

What was attacked says it first: "an attack on a police academy", "ambushed an
army convoy", "stormed a checkpoint manned by soldiers" make the force the
target, though the toll counts "21 people". Then who was counted: police
officers and cadets are the country's police, soldiers and troops its armed
forces, "security personnel" and "jawans" its security forces, and
worshippers, villagers, passengers, students, tourists, crew or people of a
nationality ("nine Afghans") civilians. Plain "people" are civilians unless a
force was the thing attacked.
"""

from __future__ import annotations

import re

from incidents.model import CasualtyClaim

# the kinds of forces, by the words that name their members or their sites
POLICE = (
    r"police(?:m[ae]n|wom[ae]n)?|police (?:officers?|personnel|cadets?|recruits)|cadets|constables?|"
    r"gendarmes?"
)
SECURITY = (
    r"security (?:personnel|forces|officials|guards|men)|jawans?|paramilitar\w+|commandos?|border guards?"
)
MILITARY = (
    r"soldiers?|troops|troopers|servicem[ae]n|service members?|conscripts|army (?:personnel|officers?)|"
    r"marines"
)
FORCES = {"police": POLICE, "security forces": SECURITY, "armed forces": MILITARY}
_COUNTED = {kind: re.compile(rf"\b(?:{words})\b", re.I) for kind, words in FORCES.items()}
# a force's site or unit as the thing attacked: "an attack on a police academy", "ambushed an army patrol"
_SITE = {
    "police": r"police",
    "security forces": r"security|paramilitary",
    "armed forces": r"army|military|navy|air force",
}
_SITE_NOUN = (
    r"(?:station|academy|post|checkpoint|base|convoy|patrol|camp|barracks|headquarters|compound|"
    r"outpost|vehicle|unit|school|training cent(?:er|re)|garrison)s?"
)
_ATTACKED = (
    r"(?:attacks?|bombings?|ambush(?:es)?|raids?|assaults?|strikes?|blasts?|explosions?|attacked|ambushed|"
    r"stormed|targeted|raided|bombed|struck|hit|overran|targeting|tore through|ripped through|rocked)"
)
_SITE_HIT = {
    kind: re.compile(
        rf"\b{_ATTACKED}\s+(?:(?:on|at|against|near)\s+)?(?:an?\s+|the\s+|two\s+|three\s+)?"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{site})\s+(?:[\w-]+\s+)?{_SITE_NOUN}\b|"
        rf"\b(?:ambushed|attacked|targeted)\s+(?:an?\s+|the\s+)?(?:{FORCES[kind]})\b",
        re.I,
    )
    for kind, site in _SITE.items()
}
# more than one member of a force counted: "three soldiers", "troops", "several policemen"
_MANY = {
    kind: re.compile(
        rf"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|\w+teen|\w+ty|several|dozens of|scores of|"
        rf"many|some|all)\s+(?:[\w-]+\s+){{0,2}}?(?:{words})\b|\b(?:troops|personnel|policemen|soldiers|officers)\b",
        re.I,
    )
    for kind, words in FORCES.items()
}
CIVILIAN = re.compile(
    r"\b(?:civilians?|residents|villagers|worshipp?ers|diners|shoppers|patients|displaced|passengers|"
    r"farmers|crew|crew members|seafarers|mariners|sailors on board|paramedics|shepherds|herders|shopkeepers|"
    r"traders|citizens|tourists|visitors|students|pupils|schoolchildren|children|women|refugees|migrants|"
    r"pilgrims|mourners|guests|wedding guests|journalists|teachers|doctors|aid workers|families|infants|"
    r"babies|detainees|prisoners|inmates|Christians|Muslims|Hindus|Shiites?|Sunnis?)\b"
    # "nine Palestinians", "12 Afghans": people named by their nationality
    r"|\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|scores of|hundreds of)\s+"
    r"(?-i:[A-Z][a-z]+(?:ians|ans|is|ese))\b",
    re.I,
)
# places and gatherings where civilians are when no one is counted
CIVILIAN_SITE = re.compile(
    r"\b(?:restaurant|hospital|market|marketplace|school|mosque|church|cathedral|shrine|temple|wedding|"
    r"village|homes|residential|factory|merchant|bulk carrier|cargo ship|tanker|container ship|"
    r"family gathering|funeral|bus station|refugee camp|camp for displaced|meadow|resort|hotel|bus)\b",
    re.I,
)
PEOPLE = re.compile(r"\b(?:people|persons|person|others|victims)\b", re.I)
COMBATANT = re.compile(r"\b(?:militants?|fighters?|insurgents?|rebels?|jihadists?|militiamen|gunmen)\b", re.I)


def victims(claims: list[CasualtyClaim], contexts: list[str], country: str) -> list[str]:
    """actor2 from the victims where no target group is named (see the module docstring), or []."""
    text = " ".join(contexts)
    counted = " ".join(c.count_text for c in claims if any(c.figures()))
    forces = [k for k in FORCES if _SITE_HIT[k].search(text)]
    civilians = CIVILIAN.search(counted) or any(c.victim_group == "civilians" for c in claims)
    if not forces:
        forces = [k for k in FORCES if _COUNTED[k].search(counted)]
        if civilians:
            # "12 guests and a policeman", "villagers, among them a soldier on leave": one member of a
            # force among the civilians killed does not make the force the target
            forces = [k for k in forces if _MANY[k].search(counted)]
    out = [_force_name(k, country) for k in forces]
    if not civilians and not forces and not COMBATANT.search(counted):
        # nobody counted by kind: "21 people" with no force attacked, or the place where civilians gather
        civilians = bool(PEOPLE.search(counted) or CIVILIAN_SITE.search(text) or CIVILIAN.search(text))
    if civilians:
        out.append("Civilians")
    return [name for name in out if name]


def force_kind(text: str) -> str:
    """The kind of state force a text names most by its members ("security personnel", "jawans":
    security forces; "policemen": police; "soldiers", "troops": armed forces); armed forces where
    it names none (the army is the state's force by default) or on a tie."""
    counts = {kind: len(_COUNTED[kind].findall(text)) for kind in FORCES}
    return max(FORCES, key=lambda k: (counts[k], k == "armed forces"))


def _force_name(kind: str, country: str) -> str:
    """ "Colombia police", "India security forces", "Egypt armed forces" (data/actors.csv's spelling)."""
    return f"{country} {kind}" if country else ""
