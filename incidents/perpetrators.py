"""Who the text says did it: the frames that name an attacker, listed or not.

data/actors.csv gives canonical spellings; it is no gate. A group the list
does not know is still the attacker where the words make it one:

- the subject of a claim: "The Northern Front (TNF), an offshoot of X, claimed
  responsibility", "X has taken responsibility for the attack";
- the agent after "claimed by", "blamed on", "attributed to", "carried out by",
  "perpetrated by", "launched by";
- a name before a class of fighters that acted: "X fighters stormed the town",
  "suspected X militants".

Each frame gives a span of the sentence and the name as written (a leading
"the" dropped); actors.mentions turns listed names into their canonical form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a proper name: capitalised words, "of"/"the"/"al-" inside, an acronym in brackets after it
_WORD = r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*)"
NAME = rf"{_WORD}(?:\s+(?:(?:of|the|and|for|in|al|el)\s+){{0,2}}{_WORD}){{0,5}}(?:\s+\([A-Z][\w-]{{1,12}}\))?"
_NAME_AT_END = re.compile(rf"(?:\b[Tt]he\s+)?({NAME})\s*$")
_NAME_AT_START = re.compile(rf"\s*(?:the\s+)?({NAME})")
CLAIM = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:claimed|claims|claiming|took|takes|taken)\s+(?:(?:full|the)\s+)?"
    r"(?:responsibility|credit)\b|"
    r"\b(?:(?:has|have|had)\s+)?claimed\s+(?:the|this|that|its|[A-Z][a-z]+day['’]s)\s+(?:[\w-]+\s+)?"
    r"(?:attacks?|bombings?|blasts?|assaults?|raids?|killings?|ambush(?:es)?|strikes?)\b",
    re.I,
)
BY_AGENT = re.compile(
    r"\b(?:claimed|blamed|pinned|attributed|carried out|perpetrated|launched|committed|orchestrated|"
    r"masterminded|staged)\s+(?:[\w-]+\s+){0,2}?(?:by|on|to)\s+(?:the\s+)?(?:suspected\s+|alleged\s+)?"
    r"[\"“]?(?=[A-Z])"
)
# "X fighters stormed", "suspected X militants": a name qualifying a class of armed men who acted
CLASS_ACTED = re.compile(
    rf"(?:\b(?:suspected|alleged|presumed)\s+)?\b(?P<name>{NAME})\s+(?:fighters|militants|gunmen|rebels|"
    r"insurgents|jihadists|militiamen|members|cadres|operatives)\b(?=\s+(?:(?:had|have|has|reportedly|"
    r"allegedly|also|then)\s+)?(?:stormed|attacked|raided|ambushed|killed|opened fire|abducted|kidnapped|"
    r"torched|burned|launched|fired|struck|overran|seized|shot|massacred|beheaded)\b)"
)
SUSPECTED = re.compile(
    rf"\b(?:suspected|alleged|presumed)\s+(?P<name>{NAME})\s+(?:fighters|militants|gunmen|rebels|insurgents|"
    r"jihadists|militiamen|members|bombers?|attackers)\b"
)
# words that open a sentence or name a time, a place kind or a title: no group's name
_NOT_NAME = re.compile(
    r"^(?:The|A|An|This|That|These|Those|It|They|He|She|We|In|On|At|After|As|But|And|Police|Officials?|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|No|No-one|Noone|Nobody|None|Neither)$"
)
# capitalised only because they open the sentence: "Suspected militants killed", "Masked gunmen stormed"
_QUALIFIER = re.compile(
    r"^(?:Suspected|Alleged|Presumed|Unknown|Unidentified|Armed|Masked|Hooded|Heavily|Local|Rival|Several|"
    r"Some|Many|Dozens|Hundreds|Scores|Other|More|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Around|About|"
    r"Over|Nearly|Hundred|Dozen)(?:\s+|$)"
)


@dataclass(frozen=True)
class Named:
    """An attacker the words name: its span in the sentence and the name as written."""

    start: int
    end: int
    name: str


def _clean(m: re.Match, group: int | str = 1) -> Named | None:
    name = m.group(group).strip().rstrip(".")
    start = m.start(group)
    while q := _QUALIFIER.match(name):
        name, start = name[q.end() :], start + q.end()
    if _NOT_NAME.match(name) or len(name) < 2:
        return None
    return Named(start, start + len(name), name)


def _subject_before(sentence: str, end: int) -> Named | None:
    """The name that is the subject of a verb at `end`, past an apposition set off by commas."""
    head = sentence[max(0, end - 200) : end].rstrip()
    base = max(0, end - 200)
    if head.endswith(","):
        # "The Front (TF), an offshoot of the X group, claimed ...": drop the apposition
        inner = head[:-1]
        comma = inner.rfind(",")
        if comma > 0:
            head = inner[:comma]
    m = _NAME_AT_END.search(head[-120:])
    if m is None:
        return None
    found = _clean(m)
    if found is None:
        return None
    shift = base + len(head) - len(head[-120:])
    return Named(found.start + shift, found.end + shift, found.name)


def attackers(sentence: str) -> list[Named]:
    """The attackers the frames of a sentence name (see the module docstring), in text order."""
    out: list[Named] = []
    for m in CLAIM.finditer(sentence):
        found = _subject_before(sentence, m.start())
        if found is not None:
            out.append(found)
    for m in BY_AGENT.finditer(sentence):
        n = _NAME_AT_START.match(sentence, m.end())
        found = _clean(n) if n else None
        if found is not None:
            out.append(found)
    for pat in (CLASS_ACTED, SUSPECTED):
        for m in pat.finditer(sentence):
            found = _clean(m, "name")
            if found is not None:
                out.append(found)
    out.sort(key=lambda n: n.start)
    return [n for i, n in enumerate(out) if not any(o.start < n.end and n.start < o.end for o in out[:i])]
