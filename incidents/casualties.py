"""Casualty figures in a sentence, in SCHEMA.md's low/high convention.

"at least five" -> 5/-, "more than 20" -> 21/-, "up to 10" -> -/10,
"between 10 and 12" -> 10/12, "no one" -> 0/0, "several" -> -/- (unknown,
never zero); "about 40" -> 40/40 and "nearly 40" -> -/40, both approximate.
Killed vs wounded come from the casualty word; the figure is the quantity
that word governs (after an active verb, before a passive one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from incidents import lexicon

UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
TENS = {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
WORDS = {**UNITS, **TENS, "dozen": 12, "a dozen": 12, "a hundred": 100, "one hundred": 100}
_NUMWORD = r"(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")(?:[- ](?:" + "|".join(UNITS) + r"))?"
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_NUMWORD})"
VICTIMS = {
    "fighter": "combatants",
    "militant": "combatants",
    "soldier": "combatants",
    "troop": "combatants",
    "member": "combatants",
    "paramilitar": "combatants",
    "gunmen": "combatants",
    "gunman": "combatants",
    "combatant": "combatants",
    "insurgent": "combatants",
    "rebel": "combatants",
    "officer": "combatants",
    "service member": "combatants",
    "servicem": "combatants",
    "policem": "combatants",
    "guard": "combatants",
    "commander": "combatants",
    "jihadist": "combatants",
    "civilian": "civilians",
    "child": "civilians",
    "children": "civilians",
    "women": "civilians",
    "woman": "civilians",
    "contractor": "civilians",
    "worker": "civilians",
    "resident": "civilians",
    "journalist": "civilians",
    "student": "civilians",
    "farmer": "civilians",
    "shepherd": "civilians",
    "herder": "civilians",
    "trader": "civilians",
    "shopkeeper": "civilians",
    "villager": "civilians",
    "worshipper": "civilians",
    "diner": "civilians",
    "patient": "civilians",
    "displaced": "civilians",
    "famil": "civilians",
    "passenger": "civilians",
    "paramedic": "civilians",
    "medic": "civilians",
    "rescuer": "civilians",
    "pupil": "civilians",
    "shopper": "civilians",
    "tourist": "civilians",
    "citizen": "civilians",
    "pilgrim": "civilians",
    "driver": "civilians",
    "teacher": "civilians",
    "migrant": "civilians",
    "refugee": "civilians",
    "infant": "civilians",
    "baby": "civilians",
    "babies": "civilians",
    "cadet": "combatants",
    "boy": "civilians",
    "girl": "civilians",
}
_VICTIM_NOUN = (
    r"(?:child|children|civilians?|contractors?|fighters?|soldiers?|people|persons?|person|men|man|"
    r"women|woman|members?|troops?|militants?|officers?|policem[ae]n|service members?|worker?s?|boy|girl|"
    r"commanders?|leaders?|guards?|bodyguards?|aides?|sailors?|seafarers?|mariners?|crew members?|"
    r"paramedics?|medics?|rescuers?|journalists?|students?|farmers?|shepherds?|passengers?|herders?|traders?|"
    r"shopkeepers?|drivers?|residents?|teachers?|doctors?|nurses?|pilgrims?|tourists?|worshipp?ers?|villagers?|"
    r"cadets?|guests?|pupils?|infants?|babies|baby|girls|boys|migrants?|refugees?|prisoners?|detainees?)"
)
KILLED = re.compile(
    r"\b(killed|killing|kills|kill|dead|died|deaths?|demise|lives|martyred|martyrdom|"
    r"lost (?:their|his|her) lives|"
    # "14 people perished": a death told without "killed"
    r"perished|"
    r"bodies|corpses|fatalities|(?:claimed|claiming|took|taking|cost|costing) the lives|"
    # the ways of killing that say it: "beheaded at least 12 villagers", "gunned down four"
    r"beheaded|beheading|decapitated|executed|executing|massacred|massacring|slaughtered|slaughtering|"
    r"murdered|murdering|gunned down|hacked to death)\b",
    re.I,
)
WOUNDED = re.compile(r"\b(wounded|wounding|injured|injuring|injuries|hurt|hurting)\b", re.I)
# "of the 48 people treated there", "30 admitted to hospital", "12 were hospitalised": the people a
# hospital took in after an attack are its wounded (counted before the word, never after it:
# "the clinic treated 20" is read by the frame's speaker, "admitted that" is no count)
CARED_FOR = re.compile(
    r"\b(treated|admitted|hospitali[sz]ed)\b"
    r"(?:(?=\s+(?:at|in|for|there|by|after)\b|\s*[,.;)]|\s*$)|(?<=admitted)(?=\s+to\s+(?:a\s+|the\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:hospitals?|clinics?|wards?|medical|health|intensive)))",
    re.I,
)
ZERO = re.compile(r"\b(?:no one|nobody|none|no casualties|no deaths|no injuries|no fatalities)\b", re.I)
VAGUE = re.compile(
    r"\b(?:several|a number of|a group of|dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|"
    r"thousands(?: of)?|many|a few|numerous|a handful of|others?|more)\b",
    re.I,
)
QTY = re.compile(
    rf"\b(?P<mod>at least|no fewer than|no less than|more than|over|up to|as many as|as high as|nearly|"
    rf"almost|close to|about|around|roughly|approximately|some|an estimated|estimated|fewer than|less than|"
    rf"between)?\s*"
    rf"(?P<num>{_NUM})"
    rf"(?:\s+(?:and|to|or)\s+(?P<num2>{_NUM}))?(?P<more>\s+or more)?\b(?!-)"
    rf"(?!\s*(?:am|pm|a\.m|p\.m|km|%|percent))",
    re.I,
)
ONE = re.compile(
    rf"\b(?:an?|another)\s+(?!(?:number|group|few|handful|couple|dozen|lot|series|total)\b|(?:\d[\d,]*|{_NUMWORD})\s)(?:(?!\b(?:and|or|that)\b|(?:\d[\d,]*|{_NUMWORD})\s)[\w'-]+\s+){{0,2}}?{_VICTIM_NOUN}\b",
    re.I,
)
# "killing two fighters and wounding another": one more, the noun left out
ANOTHER = re.compile(r"\banother(?:\s+one)?\b(?=\s*(?:[,.;)]|$|(?:and|or|was|is|had|died)\b))", re.I)
_AUX = re.compile(
    r"\b(?:been|were|was|are|is|be|being|get|got|left|reported)\s+(?:\w+ly\s+|also\s+|later\s+)?"
    # "were shot and wounded", "was stabbed and killed": the first participle says how
    r"(?:(?!killed|wounded|injured)[a-z]+(?:ed|en|t)\s+and\s+)?$",
    re.I,
)
_CUT = re.compile(
    r"\b(?:that|which|who|said|says|told|reported|confirmed|whether|adding|according to)\b|[;:(]", re.I
)
_ACTIVE = {
    "kill",  # a headline's present: "Gunmen kill 12 in ..."
    "killing",
    "kills",
    "wounding",
    "injuring",
    "hurting",
    "martyrdom",
    "beheading",
    "executing",
    "massacring",
    "slaughtering",
    "murdering",
}


@dataclass(frozen=True)
class Figure:
    """One quantity read for one casualty word."""

    kind: str  # killed | wounded
    low: int | None
    high: int | None
    start: int  # of the count words, within the sentence
    end: int
    text: str
    victims: str
    approx: bool = False  # hedged: "about 40", "nearly 40", "an estimated 40"
    stage: int = 0  # -1 stated as replaced ("initially"), 1 as an update ("rose to"); see stage()
    named: bool = False  # one death told by naming the dead ("Constable Ali Omar was killed")


def to_int(word: str) -> int | None:
    w = word.lower().replace(",", "").strip()
    if w.isdigit():
        return int(w)
    if w in WORDS:
        return WORDS[w]
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in UNITS and WORDS[parts[0]] % 10 == 0:
        return WORDS[parts[0]] + UNITS[parts[1]]
    return None


def bounds(m: re.Match) -> tuple[int | None, int | None]:
    n = to_int(m.group("num"))
    mod = (m.group("mod") or "").lower()
    if n is None:
        return None, None
    if m.group("num2") and mod in ("between", ""):
        return n, to_int(m.group("num2"))
    if m.group("more") or mod in ("at least", "no fewer than", "no less than"):
        return n, None
    if mod in ("more than", "over"):
        return n + 1, None
    if mod in ("up to", "as many as", "as high as", *BELOW):
        return None, n
    if mod in ("fewer than", "less than"):
        return None, n - 1
    return n, n  # (also "about 40": the figure, hedged; see APPROXIMATE)


# SCHEMA.md: "about 40" is 40/40 and "nearly 40" -/40, both marked approximate
BELOW = ("nearly", "almost", "close to")
APPROXIMATE = (*BELOW, "about", "around", "roughly", "approximately", "some", "an estimated", "estimated")


HEDGE = re.compile(r"(?:\b(?:" + "|".join(APPROXIMATE) + r"))\s+(?:of\s+)?$", re.I)


def hedged(sentence: str, start: int) -> bool:
    """The quantity at start is hedged ("about 40", "killed an estimated 40"): the claim is approximate."""
    m = QTY.match(sentence, start)
    if m and (m.group("mod") or "").lower() in APPROXIMATE:
        return True
    return bool(HEDGE.search(sentence, max(0, start - 16), start))


# a merchant ship's crew are civilians ("three crew members", "two Filipino seafarers")
CREW = re.compile(r"\b(?:crew(?: members?)?|crewmen|seafarers?|mariners?|sailors?)\b", re.I)


def victim_group(words: str) -> str:
    low = words.lower()
    if CREW.search(low) and "navy" not in low:
        low = CREW.sub(" civilian ", low)
    groups = {g for key, g in VICTIMS.items() if key in low}
    return groups.pop() if len(groups) == 1 else "mixed" if groups else "unknown"


def _candidates(text: str) -> list[tuple[int, int, int | None, int | None, str]]:
    """Quantities in text, left to right, no overlaps: (start, end, low, high, kind)."""
    found = []
    for pat, kind in ((ZERO, "zero"), (QTY, "qty"), (ONE, "one"), (ANOTHER, "one"), (VAGUE, "vague")):
        for m in pat.finditer(text):
            if kind == "qty" and re.fullmatch(r"(?:19|20)\d\d", m.group("num")):
                continue
            lo, hi = {"zero": (0, 0), "one": (1, 1), "vague": (None, None)}.get(kind) or bounds(m)
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            found.append((start, m.end(), lo, hi, kind))
    found.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[tuple[int, int, int | None, int | None, str]] = []
    for c in found:
        if out and c[0] < out[-1][1]:
            continue
        if out and c[4] == "vague" and out[-1][4] != "vague" and not text[out[-1][1] : c[0]].strip():
            continue  # "four more", "three other people": one quantity
        out.append(c)
    return out


_LIST_GAP = re.compile(
    r"^(?:\s*+(?!(?:on|of|in|at|from|among|with|for|by|aboard|board|including|out)\b)[\w'-]++){0,5}"
    r"\s*+(?:,\s*+(?:and\s*+)?|(?<=\s)and\s*+)$",  # possessive: one way to read a gap, linear
    re.I,
)


# "two members of the militia and ...": the group an item belongs to, inside a list
OF_GROUP = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|a|an)\s+[\w'’-]+(?:\s+[\w'’-]+)?(?=\s*,|\s+and\b)", re.I
)


# a count introduced this way is part of the count before it
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s*$", re.I)
# what follows it is a part of the count before it, however long the list
_INCLUDING = re.compile(r"\b(?:including|among them|among whom)\b", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)  # "five people, two of them children"
# "killed a woman and her two sons": the items of one list after the verb
_FORWARD_GAP = re.compile(
    r"^(?:\s*+(?!(?:on|of|in|at|from|among|with|for|by|including|and)\b)[\w'-]++){0,3}"
    r"\s*+(?:,\s*+(?:and\s++)?|(?<=\s)and\s++)(?:(?:her|his|their|its)\s++)?$",
    re.I,
)


# "killed one of the group's senior commanders and an aide": the partitive is the first item's noun
PARTITIVE = re.compile(r"^\s+of\s+(?:the|its|their|his|her)?\s*(?:[\w'’-]+\s+){0,3}?[\w'’-]+s\b", re.I)


# an item that opens a clause of its own, or a group set apart ("and 30 other people were hurt")
_NEW_CLAUSE = re.compile(
    r"\s*(?:other|others|more)\b|\s*(?:[\w-]+\s+){0,3}?(?:were|was|are|is|have|has|had|said|say|says|told)\b",
    re.I,
)


def _forward_list(text: str, cands: list, base: int) -> tuple[int | None, int | None, int, int]:
    """The first quantity after an active verb, with the exact ones listed after it added.

    "killed 24 civilians, 24 fighters and 25 militiamen" is one list; "killing nine
    soldiers, two security sources said" is not (a comma list must close with "and").
    """
    s, e, lo, hi, _ = cands[0]
    if lo is None or lo != hi:
        return lo, hi, base + s, base + e
    end, total, e0 = e, lo, e
    for nxt in cands[1:]:
        gap = PARTITIVE.sub("", text[end : nxt[0]], count=1) if end == e0 else text[end : nxt[0]]
        if (
            nxt[2] is None
            or nxt[2] != nxt[3]
            or not _FORWARD_GAP.match(gap)
            or CASUALTY_WORD.search(gap)
            or _NEW_CLAUSE.match(text, nxt[1])
        ):
            break
        end, total = nxt[1], total + nxt[2]
        if re.search(r"\band\b", gap):  # the list is closed: take it
            e, lo, hi = end, total, total
    return lo, hi, base + s, base + e


def _quantity(text: str, base: int, *, first: bool) -> tuple[int | None, int | None, int, int] | None:
    """The quantity in text (offset base): the first after a verb, the last before one.

    A list before the verb ("24 civilians, 24 fighters and 25 militiamen were killed") adds up.
    """
    cands = _candidates(text)
    if not cands:
        return None
    if first:
        return _forward_list(text, cands, base)
    including = _INCLUDING.search(text, cands[0][1])
    if including:  # "26 people, most of them tourists including two foreigners and a guide, were killed"
        cands = [c for c in cands if c[1] <= including.start()]
    while len(cands) > 1 and (
        _PART_OF.search(text[cands[-2][1] : cands[-1][0]]) or _OF_THEM.match(text, cands[-1][1])
    ):
        cands = cands[:-1]  # "five civilians, including two children, were killed": five
    s, e, lo, hi, _ = cands[-1]
    for prev in reversed(cands[:-1]):
        exact = lo is not None and lo == hi and prev[2] is not None and prev[2] == prev[3]
        gap = OF_GROUP.sub("", text[prev[1] : s], count=1)  # "two members of the militia and two guests"
        if not (exact and _LIST_GAP.match(gap)):
            break
        s, lo, hi = prev[0], lo + prev[2], hi + prev[3]
    return lo, hi, base + s, base + e


def _phrase_end(sentence: str, start: int, limit: int) -> int:
    m = re.compile(r"[,.;\"]|\b(?:and|were|was|had|have|has|in|by|on|at|near|after|when|while)\b").search(
        sentence, start, limit
    )
    return m.start() if m else limit


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# "fired 62 rockets", "launched 18 drones", "more than 150 attacks": counts of things, not of people
_THINGS = (
    r"rockets?|missiles?|drones?|shells?|mortars?|rounds|bombs?|projectiles?|targets?|attacks?|strikes?|"
    r"times|vehicles?|ships?|vessels?|boats?|km|kilometres?|kilometers?|miles?|nautical miles?"
)
NOT_COUNTS = re.compile(
    rf"\b\d+\s+(?:(?!{_VICTIM_NOUN}\b|(?:with|in|at|on|by|from|and|of|to)\b)[\w-]+\s+){{0,2}}?(?:{_THINGS})\b|"
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}"
    r"|\b(?:19|20)\d\d\b|\b\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d+(?:st|nd|rd|th)\b"
)
# ages: "younger than 15", "under the age of ten", "aged 6 to 14", "between 6 and 14 years old"
# (read only in a sentence with one of these words: a number at every word is a slow start)
AGES = re.compile(
    rf"\b(?:younger|older)\s+than\s+{_NUM}|\bunder\s+the\s+age\s+of\s+{_NUM}"
    rf"|\b(?:aged\s+|between\s+)?{_NUM}(?:\s*(?:and|to|-)\s*{_NUM})?\s+years?\s+old\b"
    rf"|\baged\s+(?:between\s+)?{_NUM}(?:\s+(?:and|to)\s+{_NUM})?",
    re.I,
)
_AGE_WORDS = ("younger than", "older than", "age of", "aged", "years old", "year old")


# asides that break a count down or say something else: "(eight civilians, one soldier)", "Name, 37,",
# ", three of them women,", ", including four children,"
ASIDE = re.compile(
    r"\([^()]{1,120}\)"
    r"|(?<=[a-z]),\s*\d{1,3}\s*,(?=\s)"
    r"|,\s*(?:including|among them|(?:\w+|\d+)\s+of\s+(?:them|whom))\b[^,;:()]{1,80},",
    re.I,
)
CASUALTY_WORD = re.compile(r"\b(?:kill|dead|die|death|wound|injur|hurt|bod(?:y|ies)|casualt|perish)", re.I)


def _blank(m: re.Match) -> str:
    return m.group(0) if CASUALTY_WORD.search(m.group(0)) else "#" * len(m.group(0))


def _mask(sentence: str) -> str:
    """Dates, years, times and ordinals blanked out (same length): they are not counts; asides
    with no casualty word in them too (a breakdown in brackets, a name's age)."""
    sentence = NOT_COUNTS.sub(_hashes, sentence)
    low = sentence.lower()
    if any(w in low for w in _AGE_WORDS):  # (a number at every word is a slow start: only where one may be)
        sentence = AGES.sub(_hashes, sentence)
    return ASIDE.sub(_blank, sentence)


def _hashes(m: re.Match) -> str:
    return "#" * len(m.group(0))


# what a toll is called: "the death toll", "the tally of victims", "the number of those killed"
_TOLL_NOUN = (
    r"(?:(?:death\s+)?(?:toll|tally)|number\s+of\s+(?:the\s+)?(?:dead|deaths|(?:people|those)\s+killed|"
    r"fatalities|victims))"
)
TOLL = re.compile(
    rf"\b{_TOLL_NOUN}\b[^.;]{{0,140}}?"
    # (a headline's present: "toll rises to 30", "toll climbs to 30")
    r"\b(?:rose|climbed|jumped|reached|risen|increased|stood|stands|sits|sat|hit|topped|is|was|rises|climbs|"
    r"jumps|reaches|hits|tops|increases|nears|passes|exceeds|surpasses)\s+"
    r"(?:at\s+|to\s+)?[\"“]?"
    # "witness accounts put the toll at 31": the toll a source gives
    # ("initial estimates put the number of those killed at 20", "a report put the number at 70")
    rf"|\bput(?:ting|s)?\s+the\s+(?:{_TOLL_NOUN}|number|figure)\s+at\s+[\"“]?"
    # "bringing the death toll to 20"
    rf"|\b(?:bringing|brought|brings|taking|took|takes)\s+the\s+(?:overall\s+)?{_TOLL_NOUN}\s+to\s+[\"“]?"
    # "he revised that later in the day to 20": a toll given again
    # "raising to 22 the number of soldiers killed": the figure before its toll noun
    r"|\b(?:raising|bringing|taking|pushing)\s+to\s+(?=[^.;]{1,30}?\bthe\s+(?:death\s+)?(?:toll|tally|number)\b)"
    r"|\b(?:revised|raised|lowered|updated)\s+(?:that|it|this|the\s+(?:death\s+)?(?:toll|figure|number|count|tally))"
    r"\b[^.;]{0,60}?\s(?:up\s+|down\s+)?to\s+[\"“]?",
    re.I,
)
# a figure the text says was replaced ("initially", "a preliminary toll") or replaces one ("rose to")
EARLIER = re.compile(
    r"\b(?:initial(?:ly)?|preliminary|earlier|previously|originally|first (?:toll|count))\b", re.I
)
LATER = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|increased|revised|raised|updated|new toll|now|latest|"
    r"bringing|brought|brings)\b",
    re.I,
)


def stage(sentence: str, start: int, since: int) -> int:
    """-1 for a figure stated as replaced, 1 for one stated as an update, else 0
    (read in the words from `since`, the previous figure's end, to the figure)."""
    words = sentence[since:start]
    if EARLIER.search(words):
        return -1
    return 1 if LATER.search(words) else 0


_TOLL_WORDS = ("toll", "tally", "number", "figure", "revised", "raised", "lowered", "updated")


def _tolls(original: str, sentence: str) -> list[Figure]:
    """ "The death toll ... rose to 55": a killed figure after the toll's verb."""
    out: list[Figure] = []
    low = sentence.lower()
    if not any(w in low for w in _TOLL_WORDS):
        return out  # (every toll phrase holds one of these words: a fast way past most sentences)
    for m in TOLL.finditer(sentence):
        got = _quantity(sentence[m.end() : m.end() + 30], m.end(), first=True)
        if got and got[2] == m.end():
            lo, hi, s, e = got
            out.append(Figure("killed", lo, hi, s, e, original[s:e], "unknown", hedged(sentence, s)))
    return out


# "no casualties were reported": nobody killed and nobody hurt (but "no reports of casualties" says nothing)
# ("no reported casualties", "no civilian casualties were reported", "no immediate casualties": the same)
_NO = r"\bno\s+(?:(?:reported|immediate|known|civilian|human|other|further|serious|new)\s+){0,2}"
NO_CASUALTIES = {
    re.compile(_NO + r"(?:casualties|victims)\b", re.I): ("killed", "wounded"),
    re.compile(_NO + r"(?:deaths|fatalities|dead)\b", re.I): ("killed",),
    re.compile(_NO + r"(?:injuries|injured|wounded)\b", re.I): ("wounded",),
    # "without casualties", "caused no deaths or injuries"
    re.compile(r"\bwithout\s+(?:any\s+)?(?:casualties|victims)\b", re.I): ("killed", "wounded"),
    re.compile(r"\bno\s+deaths\s+or\s+injuries\b", re.I): ("killed", "wounded"),
}
# "two of the injured", "three of the dead": a part of a count already given, not a count
# "four commanders were among the dead"
SUBSET = re.compile(
    r"^\s*(?:of\s+(?:the|those)|(?:[\w'’-]+\s+){0,3}?(?:were|was|are|is)\s+among\s+(?:the|those))\s*$", re.I
)


def _no_casualties(original: str) -> list[Figure]:
    found = [
        Figure(kind, 0, 0, m.start(), m.end(), m.group(0), "unknown")
        for pat, kinds in NO_CASUALTIES.items()
        for m in pat.finditer(original)
        for kind in kinds
    ]
    found.sort(key=lambda f: (f.start, f.start - f.end))
    return [
        f for i, f in enumerate(found) if not any(g.kind == f.kind and g.end > f.start for g in found[:i])
    ]


_GIVEN_BEFORE = ("dead", "killed", "wounded", "injured", "bodies")  # "the five bodies": counted before
DEFINITE_COUNT = re.compile(r"\b(?:the|these|those|all)\s+$", re.I)
NOUN_KILLING = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|targeted)\s+$", re.I)
THE_GROUP = re.compile(r"\b(?:the|those)\s+(?:seriously\s+|badly\s+|lightly\s+)?$", re.I)
ALONG_WITH = re.compile(r"\s*+(?:,\s*+)?(?:along|together) with\s+", re.I)


def _along_with(sentence: str, after: int, q: tuple) -> tuple:
    """ "A commander was killed along with two of his guards": the companions add to the count."""
    m = ALONG_WITH.match(sentence, after)
    lo, hi, s, e = q
    if not m or lo is None:
        return q
    more = _quantity(sentence[m.end() : m.end() + 40], m.end(), first=True)
    if not more or more[2] != m.end() or more[0] is None or more[0] != more[1]:
        return q
    return lo + more[0], None if hi is None else hi + more[1], s, more[3]


# "killed and wounded 40", "dead or injured": one count of both, no figure of either
COMBINED = re.compile(
    r"\b(?:killed|dead|deaths)\s+(?:and|or)\s+(?:wounded|injured)\b|"
    r"\b(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)\b",
    re.I,
)
# "killed a total of four farmers", "wounded an estimated 40", 'killed "at least 12"', "killed, police
# said, at least 12": the count after its frame words, a quotation mark or an aside set off by commas
FORWARD_HEAD = re.compile(
    r"\s*(?:,[^,;:.\"“”]{0,40}?\b(?:said|says|say|told|according to|reported|stated|claimed)\b"
    r"[^,;:.\"“”]{0,30},\s*)?"
    r"[\"“]?(?:of\s+)?(?:another\s+|(?:a\s+total|an\s+estimated)\s+(?:of\s+)?)?"
)
# "confirmed the death of a contractor", "caused the deaths of three", "claimed the lives of 12"
NOUN_OF = re.compile(r"\b(?:deaths?|lives)\s+of\s+$", re.I)
NOUN_OF_WORD = re.compile(r"\s+of\b", re.I)
PASSIVE_WORDS = {
    "dead",
    "died",
    "deaths",
    "death",
    "demise",
    "bodies",
    "corpses",
    "fatalities",
    "lives",
    "perished",
    "treated",
    "admitted",
    "hospitalised",
    "hospitalized",
}
# "gunmen shot dead six herders": a verb of killing with "dead" takes its count after it, as "killed" does
SHOT_DEAD = re.compile(r"\b(?:shot|gunned|stabbed|beaten|clubbed)\s+$", re.I)
# "the attack claimed 14 lives": lives are a count only after a verb of taking them
TAKEN_LIVES = re.compile(
    r"\b(?:claimed|claiming|claims|took|taking|takes|cost|costing|costs|lost|losing)\s+(?:[\w,-]+\s+){1,4}$",
    re.I,
)
# "twelve lives were lost", "30 lives have been lost": lives as the count of the dead, before the word
LIVES_LOST = re.compile(r"\s+(?:were|was|are|have\s+been|had\s+been|has\s+been)\s+(?:\w+ly\s+)?lost\b", re.I)
# "threatened to kill", "would kill": an intent or a conditional, no count of dead
NOT_DONE = re.compile(r"\b(?:to|would|could|will|may|might|can|not|never|did)\s+$", re.I)
# "the wake of a soldier killed last year", "a memorial for three officers who died": the dead a gathering
# honours died before it, no casualty of this event
HONOURED = re.compile(
    r"\b(?:funerals?|wakes?|memorials?|burials?|reburials?|vigils?|mourning|commemorations?|remembrance|"
    r"anniversary|mourners?|condolences?)(?:\s+(?:service|ceremony|prayers?|procession|rites?|gathering|"
    r"event|mass))?\s+(?:of|for)\s+(?:the\s+)?$",
    re.I,
)


def _back_text(sentence: str, prev_end: int, at: int) -> tuple[str, int]:
    """The words before the casualty word at `at` that its count may stand in (from the last cut)."""
    before = sentence[prev_end:at]
    cut = list(_CUT.finditer(before))
    last_cut = cut[-1] if cut else None
    if (
        last_cut
        and last_cut.group(0).lower() in ("confirmed", "reported")
        and not before[last_cut.end() :].strip()
    ):
        cut = cut[:-1]  # "12 miners confirmed dead", "three reported killed": part of the count's clause
    back_text = before[cut[-1].end() :] if cut else before
    return back_text, at - len(back_text)


def _forward(sentence: str, m: re.Match) -> tuple | None:
    """The count an active verb governs, right after it (past its frame words)."""
    after = sentence[m.end() : m.end() + 110]
    if after[:1] == "-":
        return None  # "13 others injured-five critically-": a dash opens an aside, not the count
    head = FORWARD_HEAD.match(after).end()
    got = _quantity(after[head : head + 70], m.end() + head, first=True)
    if got and got[2] - (m.end() + head) <= 1:
        return got
    return _named_list(sentence, m.end() + head) if m.group(1).lower() in _NAMING_VERBS else None


_NAMING_VERBS = ("killed", "killing", "kills", "murdered", "executed", "beheaded", "gunned down")


def _named_list(sentence: str, at: int) -> tuple | None:
    """ "The strike killed Samir Haddad and Omar Nasser": the dead named, one each."""
    first = _NAMED_ITEM.match(sentence, at)
    if first is None or _a_group(first.group("name")):
        return None
    n, end = 1, first.end()
    while (more := _NEXT_NAMED.match(sentence, end)) and not _a_group(more.group("name")):
        n, end = n + 1, more.end()
    return n, n, at, end


def _no_count(sentence: str, m: re.Match, word: str) -> bool:
    """The casualty word names no count of its own here."""
    if (
        word == "lives"
        and not TAKEN_LIVES.search(sentence, max(0, m.start() - 50), m.start())
        and not LIVES_LOST.match(sentence, m.end())
    ):
        return True  # "risked their lives", "lives in Gaza": no count
    if word == "kill" and NOT_DONE.search(sentence, max(0, m.start() - 8), m.start()):
        return True  # "vowed to kill", "would kill": nobody killed yet
    if NOUN_KILLING.search(sentence, 0, m.start()) and word == "killing":
        return True  # "in response to the killing of Saleh al-Arouri": a noun, no count
    if THE_GROUP.search(sentence, 0, m.start()) and word in ("injured", "wounded", "dead"):
        return True  # "gave medical aid to the injured": the group already counted, not a count
    return bool(COMBINED.match(sentence, m.start()) or _COMBINED_END(sentence, m))


def _COMBINED_END(sentence: str, m: re.Match) -> bool:  # noqa: N802 - reads as a predicate
    """The casualty word closes a combined count ("40 killed and wounded")."""
    c = COMBINED.search(sentence, max(0, m.start() - 20), m.end())
    return c is not None and c.end() == m.end()


# "confirmed the cook's death": one person's death (not "the group's death toll")
OWNER_DEATH = re.compile(r"(?<![\w'’-])(?:[\w-]+\s+)?[\w-]*[a-z]['’]s\s+$")
NOT_A_DEATH = re.compile(r"\s+(?:toll|squads?|threats?|sentences?|penalty|row|march|rate)\b", re.I)


# a person's name: two to five capitalised words ("Sameh Aqtash", "Ali bin Hassan al-Amin")
_NAME = (
    r"(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|In|On|At|By|From|For|With|Near|And|But)\s)"
    r"(?:(?:Dr|Rev|Mr|Mrs|Ms|Fr|Sgt|Lt|Col|Gen|Capt|Maj)\.\s+)?"  # a title before the name
    r"[A-Z][\w'’-]+(?:\s+(?:al-|el-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){1,4}"
)
# "the death of Samir Haddad": a named person's death
DEATH_OF_NAME = re.compile(rf"\s+of\s+(?P<name>{_NAME})(?=\s*(?:[,.;(#]|$|and\b|who\b|after\b|in\b|on\b))")
# "Samir Haddad, 37, was shot dead": a named person, an age masked, a singular passive
NAMED_DEAD = re.compile(
    rf"(?<![\w'’-])(?:{_NAME})\s*(?:#+\s*)?(?:was|has\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    r"(?:(?:shot|stabbed|beaten|found)\s+(?:and\s+)?)?$"
)


_AFTER_NAME = r"(?=\s*(?:[,.;:()]|$|(?:and|in|on|at|near|when|after|while|as|during|inside|outside)\b))"
_NAMED_ITEM = re.compile(rf"\s*(?P<name>{_NAME}){_AFTER_NAME}")
_NEXT_NAMED = re.compile(rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<name>{_NAME}){_AFTER_NAME}")


def _named_dead(sentence: str, m: re.Match, word: str, prev_end: int) -> tuple | None:
    """One death told by naming the dead ("the death of Samir Haddad", "Samir Haddad was killed")."""
    named, got = None, None
    if word == "death":
        named = DEATH_OF_NAME.match(sentence, m.end())
        got = ((1, 1, named.start("name"), named.end()), True) if named else None
    elif word in ("killed", "dead", "murdered", "executed", "beheaded", "martyred"):
        named = NAMED_DEAD.search(sentence, max(prev_end, m.start() - 90), m.start())
        got = ((1, 1, named.start(), m.start()), False) if named else None
    if named is None or _a_group(named.group(0)):
        return None
    return got


def _a_group(words: str) -> bool:
    """The capitalised words name an armed group or a force ("Kataib Hezbollah was hit"), not a person."""
    hits = lexicon.actors().find(words)
    return bool(hits)


def _count(sentence: str, m: re.Match, word: str, prev_end: int) -> tuple[tuple, bool] | None:
    """(low, high, start, end) of the count the casualty word m governs, and whether it follows m."""
    if word == "death" and not NOT_A_DEATH.match(sentence, m.end()):
        owner = OWNER_DEATH.search(sentence, prev_end, m.start())
        if owner:
            return (1, 1, owner.start(), m.end()), False
    passive = bool(_AUX.search(sentence, 0, m.start())) or word in PASSIVE_WORDS
    forward = None
    if (
        not passive
        or word in _ACTIVE
        or (word in ("death", "deaths", "demise") and NOUN_OF_WORD.match(sentence, m.end()))
        or (word == "dead" and SHOT_DEAD.search(sentence, max(0, m.start() - 12), m.start()))
    ):
        forward = _forward(sentence, m)
    if forward:
        return forward, True
    back_text, back_base = _back_text(sentence, prev_end, m.start())
    if NOUN_OF.search(back_text):
        return None  # "the deaths of" with nothing countable after it
    q = _quantity(back_text, back_base, first=False)
    if q is None:
        return _named_dead(sentence, m, word, prev_end)  # no count: one person named, if any
    q = _along_with(sentence, m.end(), q)
    if SUBSET.match(sentence[q[3] : m.start()]) or HONOURED.search(sentence, max(0, q[2] - 60), q[2]):
        return None
    if DEFINITE_COUNT.search(sentence, 0, q[2]) and word in _GIVEN_BEFORE:
        return None  # "besides the four dead", "the 12 killed included": a count given before
    return q, False


def _words(original: str, sentence: str, q: tuple, forward: bool, m: re.Match) -> tuple[int, str]:
    """Where the count's words start and what they are ("at least five Iran-backed fighters")."""
    lo, hi, s, e = q
    end = _phrase_end(original, e, len(sentence)) if forward else m.start()
    raw = sentence[s:end]
    s += len(raw) - len(raw.lstrip(" ,\"'“”"))
    text = raw.strip(" ,\"'“”")
    text = re.sub(r"\s+(?:had|have|has|were|was|are|is|been|also|reportedly)(?:\s+\w+)*$", "", text) or text
    return s, original[s : s + len(text)].rstrip()


def figures(sentence: str) -> list[Figure]:
    """Every casualty figure in a sentence, killed and wounded."""
    original, sentence = sentence, _mask(sentence)
    out_tolls = _tolls(original, sentence) + _no_casualties(original)
    words = sorted(
        [(m, "killed") for m in KILLED.finditer(sentence)]
        + [(m, "wounded") for m in WOUNDED.finditer(sentence)]
        + [(m, "wounded") for m in CARED_FOR.finditer(sentence) if _cared_for_count(sentence, m)],
        key=lambda x: x[0].start(),
    )
    out: list[Figure] = []
    prev_end = 0
    for m, kind in words:
        word = m.group(1).lower()
        # a death toll's figure is the toll's: "the toll rose to 25, and 41 other people were wounded"
        prev_end = max([prev_end] + [t.end for t in out_tolls if t.end <= m.start()])
        got = None if _no_count(sentence, m, word) else _count(sentence, m, word, prev_end)
        prev_end = m.end()
        if got is None:
            continue
        (lo, hi, _, _), forward = got
        s, text = _words(original, sentence, got[0], forward, m)
        named = lo == 1 and hi == 1 and _ONE_NAME.fullmatch(text) is not None
        out.append(
            Figure(kind, lo, hi, s, s + len(text), text, victim_group(text), hedged(sentence, s), named=named)
        )
    found = sorted(out + out_tolls, key=lambda f: f.start)
    found = [f for k, f in enumerate(found) if not _cumulative(original, found, k)]
    staged, since = [], 0
    for f in found:
        f = replace(f, stage=stage(original, f.start, since))
        if f.low is not None and f.low == f.high and SO_FAR.search(original, since, f.start):
            f = replace(f, high=None)  # "have so far counted 100 bodies": the count is not closed
        staged.append(f)
        since = f.end
    return staged


_ONE_NAME = re.compile(_NAME)
# a toll of a whole war or campaign, told in the perfect ("have been killed since the war began", "the
# conflict has killed", "have died in such attacks this year"), not of one event
_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|so\s+far\s+|since\s+|already\s+)?(?:been\s+)?"
    r"(?:killed|died|claimed|lost|perished|risen|reached|climbed|left)\b",
    re.I,
)
_SPAN_OF_TIME = re.compile(
    r"\b(?:war|conflict|offensive|invasion|insurgency|hostilities|campaign|uprising|civil\s+strife)(?![\w-])|"
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset)\b|"
    rf"\bsince\s+(?:{_MONTH}|(?:19|20)\d\d\b)|\b(?:so\s+far\s+)?this\s+year\b|\bin\s+recent\s+(?:weeks|months|years)\b",
    re.I,
)


def _cumulative(sentence: str, found: list[Figure], k: int) -> bool:
    """The figure's clause (from the figure before it to the one after it) tells a war's or a
    season's toll in the perfect, not this event's."""
    a = found[k - 1].end if k else 0
    b = found[k + 1].start if k + 1 < len(found) else len(sentence)
    clause = sentence[a:b]
    return bool(_PERFECT.search(clause) and _SPAN_OF_TIME.search(clause))


def _cared_for_count(sentence: str, m: re.Match) -> bool:
    """ "treated" and its like count the wounded only where no casualty word of the wounded stands
    close before them ("30 wounded were treated": the wounded word already counts them)."""
    return not WOUNDED.search(sentence, max(0, m.start() - 40), m.start())


SO_FAR = re.compile(r"\b(?:so far|thus far|as yet|until now)\b", re.I)
