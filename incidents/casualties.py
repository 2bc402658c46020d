"""Casualty figures in a sentence, in SCHEMA.md's low/high convention.

"at least five" -> 5/-, "more than 20" -> 21/-, "up to 10" -> -/10,
"between 10 and 12" -> 10/12, "no one" -> 0/0, "several" -> -/- (unknown,
never zero). Killed vs wounded come from the casualty word; the figure is
the quantity that word governs (after an active verb, before a passive one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
WORDS = {**UNITS, **TENS, "dozen": 12, "a dozen": 12}
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
    r"\b(killed|killing|kills|dead|died|deaths?|martyred|martyrdom|lost (?:their|his|her) lives|"
    r"bodies|corpses|fatalities|"
    # the ways of killing that say it: "beheaded at least 12 villagers", "gunned down four"
    r"beheaded|beheading|decapitated|executed|executing|massacred|massacring|slaughtered|slaughtering|"
    r"murdered|murdering|gunned down|hacked to death)\b",
    re.I,
)
WOUNDED = re.compile(r"\b(wounded|wounding|injured|injuring|injuries|hurt|hurting)\b", re.I)
ZERO = re.compile(r"\b(?:no one|nobody|none|no casualties|no deaths|no injuries|no fatalities)\b", re.I)
VAGUE = re.compile(
    r"\b(?:several|a number of|a group of|dozens(?: of)?|scores(?: of)?|hundreds(?: of)?|"
    r"thousands(?: of)?|many|a few|numerous|a handful of|others?|more)\b",
    re.I,
)
QTY = re.compile(
    rf"\b(?P<mod>at least|no fewer than|no less than|more than|over|up to|as many as|nearly|almost|about|"
    rf"around|roughly|approximately|some|fewer than|less than|between)?\s*(?P<num>{_NUM})"
    rf"(?:\s+(?:and|to|or)\s+(?P<num2>{_NUM}))?(?P<more>\s+or more)?\b(?!-)"
    rf"(?!\s*(?:am|pm|a\.m|p\.m|km|%|percent))",
    re.I,
)
ONE = re.compile(
    rf"\b(?:an?|another)\s+(?!(?:number|group|few|handful|couple|dozen|lot|series|total)\b|(?:\d[\d,]*|{_NUMWORD})\s)(?:(?!\b(?:and|or|that)\b)[\w'-]+\s+){{0,2}}?{_VICTIM_NOUN}\b",
    re.I,
)
# "killing two fighters and wounding another": one more, the noun left out
ANOTHER = re.compile(r"\banother(?:\s+one)?\b(?=\s*(?:[,.;)]|$|(?:and|or|was|is|had|died)\b))", re.I)
_AUX = re.compile(
    r"\b(?:been|were|was|are|is|be|being|get|got|left|reported)\s+(?:\w+ly\s+|also\s+|later\s+)?$", re.I
)
_CUT = re.compile(
    r"\b(?:that|which|who|said|says|told|reported|confirmed|whether|adding|according to)\b|[;:(]", re.I
)
_ACTIVE = {
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
    if mod in ("up to", "as many as", "nearly", "almost"):
        return None, n
    if mod in ("fewer than", "less than"):
        return None, n - 1
    if mod in ("about", "around", "roughly", "approximately", "some"):
        return None, None
    return n, n


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


# a count introduced this way is part of the count before it
_PART_OF = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s*$", re.I)
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
    while len(cands) > 1 and (
        _PART_OF.search(text[cands[-2][1] : cands[-1][0]]) or _OF_THEM.match(text, cands[-1][1])
    ):
        cands = cands[:-1]  # "five civilians, including two children, were killed": five
    s, e, lo, hi, _ = cands[-1]
    for prev in reversed(cands[:-1]):
        exact = lo is not None and lo == hi and prev[2] is not None and prev[2] == prev[3]
        if not (exact and _LIST_GAP.match(text[prev[1] : s])):
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


def _mask(sentence: str) -> str:
    """Dates, years, times and ordinals blanked out (same length): they are not counts."""
    return NOT_COUNTS.sub(lambda m: "#" * len(m.group(0)), sentence)


TOLL = re.compile(
    r"\b(?:death toll|number of (?:dead|deaths|people killed|fatalities|victims)|toll)\b[^.;]{0,100}?"
    r"\b(?:rose|climbed|jumped|reached|risen|increased|stood|stands|is|was)\s+"
    r"(?:at\s+|to\s+)?[\"“]?"
    # "witness accounts put the toll at 31": the toll a source gives
    r"|\bput(?:ting|s)?\s+the\s+(?:death\s+)?toll\s+at\s+[\"“]?",
    re.I,
)


def _tolls(original: str, sentence: str) -> list[Figure]:
    """ "The death toll ... rose to 55": a killed figure after the toll's verb."""
    out = []
    for m in TOLL.finditer(sentence):
        got = _quantity(sentence[m.end() : m.end() + 30], m.end(), first=True)
        if got and got[2] == m.end():
            lo, hi, s, e = got
            out.append(Figure("killed", lo, hi, s, e, original[s:e], "unknown"))
    return out


# "no casualties were reported": nobody killed and nobody hurt (but "no reports of casualties" says nothing)
NO_CASUALTIES = {
    re.compile(r"\bno (?:casualties|victims)\b", re.I): ("killed", "wounded"),
    re.compile(r"\bno (?:deaths|fatalities)\b", re.I): ("killed",),
    re.compile(r"\bno (?:injuries|injured)\b", re.I): ("wounded",),
}
# "two of the injured", "three of the dead": a part of a count already given, not a count
SUBSET = re.compile(r"^\s*of\s+(?:the|those)\s*$", re.I)


def _no_casualties(original: str) -> list[Figure]:
    return [
        Figure(kind, 0, 0, m.start(), m.end(), m.group(0), "unknown")
        for pat, kinds in NO_CASUALTIES.items()
        for m in pat.finditer(original)
        for kind in kinds
    ]


DEFINITE_COUNT = re.compile(r"\b(?:the|these|those|all)\s+$", re.I)
NOUN_KILLING = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that|targeted)\s+$", re.I)
THE_GROUP = re.compile(r"\b(?:the|those)\s+(?:seriously\s+|badly\s+|lightly\s+)?$", re.I)
ALONG_WITH = re.compile(r"\s*+(?:,\s*+)?(?:along|together) with\s+", re.I)


def _along_with(sentence: str, after: int, q: tuple) -> tuple:
    """ "A commander was killed along with two of his guards": the companions add to the count."""
    m = ALONG_WITH.match(sentence, after)
    lo, hi, s, e = q
    if not m or lo is None or lo != hi:
        return q
    more = _quantity(sentence[m.end() : m.end() + 40], m.end(), first=True)
    if not more or more[2] != m.end() or more[0] is None or more[0] != more[1]:
        return q
    return lo + more[0], hi + more[1], s, more[3]


def figures(sentence: str) -> list[Figure]:
    """Every casualty figure in a sentence, killed and wounded."""
    original, sentence = sentence, _mask(sentence)
    out_tolls = _tolls(original, sentence) + _no_casualties(original)
    words = sorted(
        [(m, "killed") for m in KILLED.finditer(sentence)]
        + [(m, "wounded") for m in WOUNDED.finditer(sentence)],
        key=lambda x: x[0].start(),
    )
    out: list[Figure] = []
    prev_end = 0
    for m, kind in words:
        word = m.group(1).lower()
        # a death toll's figure is the toll's: "the toll rose to 25, and 41 other people were wounded"
        prev_end = max([prev_end] + [t.end for t in out_tolls if t.end <= m.start()])
        before = sentence[prev_end : m.start()]
        cut = list(_CUT.finditer(before))
        last_cut = cut[-1] if cut else None
        if (
            last_cut
            and last_cut.group(0).lower() in ("confirmed", "reported")
            and not before[last_cut.end() :].strip()
        ):
            cut = cut[:-1]  # "12 miners confirmed dead", "three reported killed": part of the count's clause
        back_text = before[cut[-1].end() :] if cut else before
        back_base = m.start() - len(back_text)
        if NOUN_KILLING.search(sentence[: m.start()]) and word == "killing":
            prev_end = m.end()
            continue  # "in response to the killing of Saleh al-Arouri": a noun, no count
        if THE_GROUP.search(sentence[: m.start()]) and word in ("injured", "wounded", "dead"):
            prev_end = m.end()
            continue  # "gave medical aid to the injured": the group already counted, not a count
        passive = bool(_AUX.search(sentence[: m.start()])) or word in (
            "dead",
            "died",
            "deaths",
            "death",
            "bodies",
            "corpses",
            "fatalities",
        )
        forward = None
        if not passive or word in _ACTIVE:
            after = sentence[m.end() : m.end() + 70]
            # "killed a total of four farmers", "wounded an estimated 40": the count after its frame words
            head = re.match(
                r"\s*(?:of\s+)?(?:another\s+|(?:a\s+total|an\s+estimated)\s+(?:of\s+)?)?", after
            ).end()
            got = _quantity(after[head:], m.end() + head, first=True)
            if got and got[2] - (m.end() + head) <= 1:
                forward = got
        q = forward or _quantity(back_text, back_base, first=False)
        if q and not forward:
            q = _along_with(sentence, m.end(), q)
        prev_end = m.end()
        if q is None or (not forward and SUBSET.match(sentence[q[3] : m.start()])):
            continue
        if (
            not forward
            and DEFINITE_COUNT.search(sentence, 0, q[2])
            and word in ("dead", "killed", "wounded", "injured")
        ):
            continue  # "besides the four dead", "the 12 killed included": a count given before
        lo, hi, s, e = q
        end = _phrase_end(sentence, e, len(sentence)) if forward else m.start()
        raw = sentence[s:end]
        s += len(raw) - len(raw.lstrip(" ,\"'"))
        text = raw.strip(" ,\"'")
        text = (
            re.sub(r"\s+(?:had|have|has|were|was|are|is|been|also|reportedly)(?:\s+\w+)*$", "", text) or text
        )
        text = original[s : s + len(text)]
        out.append(Figure(kind, lo, hi, s, s + len(text), text, victim_group(text)))
    return sorted(out + out_tolls, key=lambda f: f.start)
