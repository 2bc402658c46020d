"""Named people who speak: introduced once with a role, then named again.

"said Babagana Umar, a local government official in Gwoza" and "Interior
Ministry spokesman Noureddine al-Baba" introduce a speaker; "Umar told
Reuters" later speaks with that role. A person's canonical name keeps what
tells claimants apart, the name and the role with its organisation
("Babagana Umar, local government official in Gwoza"; "Interior Ministry
spokesman Noureddine al-Baba"); the kind of source comes from the role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from incidents import lexicon
from incidents.sources import SourceMention, source_type_of

_TOKEN = r"[A-Z](?:[\w'’-]|\.(?=\w))*+\.?"  # (possessive: a run of "U.S.U.S." is read once)
PERSON = rf"{_TOKEN}(?:\s+(?:al-|el-|bin\s+|ibn\s+|de\s+|van\s+)?{_TOKEN}){{0,4}}"
# the nouns of a person's role: "a spokesman for the hospital", "council member of the municipality"
ROLE_NOUN = (
    r"spokes(?:man|woman|person)|official|officer|minister|governor|mayor|president|chief|head|director|"
    r"commander|commissioner|member|secretary|deputy|administrator|representative|coordinator|manager|"
    r"prosecutor|lawmaker|senator|ambassador|envoy|general|colonel|inspector|superintendent|leader|elder|"
    r"priest|pastor|imam|bishop|cleric|doctor|physician|surgeon|nurse|medic|paramedic|resident|witness|"
    r"eyewitness|survivor|worshipp?er|activist|journalist|reporter|correspondent|photographer|teacher|"
    r"principal|student|farmer|driver|owner|worker|relative|father|mother|brother|sister|son|daughter|"
    r"volunteer|rescuer|researcher|analyst|chairman|chairwoman|chair|councillor|councilor|sheikh"
)
_ROLE_HEAD = re.compile(rf"\b(?:{ROLE_NOUN})\b", re.I)
# "Name, a spokesman for X," / "Name, council member of X," (the role up to a clause of its own)
APPOSITION = re.compile(rf"(?<![\w'’.-])(?P<name>{PERSON}),\s+(?P<role>[^,.;:\"“”()]{{3,90}})")
# "Interior Ministry spokesman Name", "police chief Director-General Name"
# (a word before a capital, then a set lookup: one alternation of every role noun at every word is slow)
_WORD_BEFORE_CAPITAL = re.compile(r"\b([A-Za-z]+)\s+(?=[A-Z])")
_NAME_AT = re.compile(rf"{_TOKEN}(?:\s+(?:al-|el-|bin\s+|ibn\s+)?{_TOKEN}){{1,4}}")
ROLE_NOUNS = frozenset(
    w.replace("(?:man|woman|person)", "")
    for w in ROLE_NOUN.replace("spokes(?:man|woman|person)", "spokesman|spokeswoman|spokesperson")
    .replace("worshipp?er", "worshipper|worshiper")
    .split("|")
)
_ROLE_END = re.compile(
    r"\s+(?:that|which|who|whose|where|when|said|says|say|told|tells|added|and|but|as|on|to)\b.*$",
    re.I | re.S,
)
_PREPOSITION = re.compile(r"\s(?:of|for|at|in|with|from|on|to|near)\s", re.I)
NOT_A_PERSON = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Meanwhile|However|Earlier|Later|Separately|Today|Yesterday|"
    r"Hours|Days|Minutes|Weeks)\b"
)
# capitalised words that open a sentence or a clause but belong to no name
_LEADING = re.compile(
    r"^(?:(?:The|A|An|In|On|At|But|And|Also|Then|Now|When|After|Before|According|Speaking|Separately|"
    r"Meanwhile|However|Earlier|Later|Hours|Yesterday|Today|Still)\s+)+"
)
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|at|by|from|since|of|to|near|into|for)\s+$", re.I)
_CLASS_WORDS = re.compile(
    r"(?:(?<![\w'’.-])(?:[A-Z][\w.'’-]*|(?!(?:said|says|told|and|or|of|in|on|at|to|by|with|from|for|that|"
    r"which|who|was|were|is|are|has|have|had|but|as|after|when|while|the|a|an|according|\w+ing)\b)"
    r"[a-z][\w'’-]*)\s+){1,4}$"
)


# (precompiled: these run for every apposition and role noun of an article)
_ROLE_OPENING = re.compile(r"(?:a|an|the)\s|[a-z]")
_ARTICLE_FIRST = re.compile(r"^(?:a|an|the)\s+", re.I)
_ARTICLE_FIRST_THE = re.compile(r"^(?:the|a|an)\s+", re.I)
_FINAL_STOP = re.compile(r"(?<=\w{3})\.$")


def _role(phrase: str) -> str | None:
    """The role in an apposition, cut before a clause of its own, if it names one.

    It opens with an article or a lower-case word ("a spokesman for ...", "council member
    of ..."): "X, Palestinian health officials say" is a clause, not X's role.
    """
    if not _ROLE_OPENING.match(phrase):
        return None
    role = _ROLE_END.sub("", phrase).strip()
    role = _ARTICLE_FIRST.sub("", role)
    head = _PREPOSITION.split(f" {role} ", maxsplit=1)[0]
    return role if role and _ROLE_HEAD.search(head) else None


# a sentence's end inside a run of capitalised words: "... Saudi Arabia. Ghani Nayeb, head of ..."
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"')]*\s+")


def _after_stop(words: str) -> str:
    """The words after the last sentence end in them (a name never spans two sentences)."""
    ends = list(_SENTENCE_END.finditer(words))
    return words[ends[-1].end() :] if ends else words


def _name(words: str) -> str:
    return _LEADING.sub("", _after_stop(words)).strip()


def _listed(name: str) -> bool:
    """The words are a listed actor or source ("Hezbollah, the Iran-backed group"), not a person."""
    for lex in (lexicon.actors(), lexicon.sources()):
        hits = lex.find(name)
        if hits and hits[0].start == 0 and hits[0].end >= len(name) - 2:
            return True
    return False


def _keys(name: str) -> set[str]:
    parts = name.split()
    keys = {name}
    if len(parts) > 1 and len(parts[-1]) > 2:
        keys.add(parts[-1])  # the surname alone: "Umar told Reuters"
    return keys


@dataclass(frozen=True)
class Introduction:
    """A name the text introduces with a role: "Name, a spokesman for X" or "police spokesman Name"."""

    start: int
    end: int
    name: str
    role: str
    role_first: bool  # "police spokesman Name" (else "Name, a spokesman")


@lru_cache(maxsize=2)
def _introductions(text: str) -> tuple[Introduction, ...]:
    """Every name introduced by a role, in both shapes, before any check against places.

    Cached for the last texts: the reader asks twice of each article (names_over_places, people).
    """
    out = []
    for m in APPOSITION.finditer(text):
        name, role = _name(m["name"]), _role(m["role"])
        if (
            role is None
            or not name
            or NOT_A_PERSON.search(name)
            or (
                _after_stop(m["name"]) == m["name"]  # (a name after a sentence end has nothing before it)
                and _PREPOSITION_BEFORE.search(text, max(0, m.start() - 12), m.start())
            )
        ):
            continue  # "on Tuesday, the Civil Emergency Service said": a time, not a person
        out.append(Introduction(m.end("name") - len(name), m.end("name"), name, role, False))
    for m in _WORD_BEFORE_CAPITAL.finditer(text):
        noun = m.group(1)
        if noun.lower() not in ROLE_NOUNS:
            continue
        found = _NAME_AT.match(text, m.end())
        if found is None:
            continue
        name = _FINAL_STOP.sub("", found.group(0).strip())  # the sentence's full stop
        if NOT_A_PERSON.search(name):
            continue
        before = _CLASS_WORDS.search(text, max(0, m.start() - 50), m.start())
        role = (_after_stop(before.group(0)) if before else "") + noun
        role = _ARTICLE_FIRST_THE.sub("", role)
        out.append(Introduction(found.start(), found.start() + len(name), name, role, True))
    return tuple(out)


def _first_word_placed(intro: Introduction, place_spans: tuple[tuple[int, int], ...]) -> bool:
    """A place opens the name ("the West Bank, officials say"): the words are the place, not a person."""
    first_end = intro.start + len(intro.name.split()[0])
    return any(x < first_end and intro.start < y for x, y in place_spans)


def names_over_places(text: str, place_spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """Introduced names of two words or more whose later words geo read as a place.

    "police spokesman Major Ali Aden", "Yusuf Kabul, a local official": a surname that is also
    a town is part of a person's name, so that place mention is no place of the article.
    """
    return [
        (i.start, i.end)
        for i in _introductions(text)
        if len(i.name.split()) > 1
        and not _first_word_placed(i, place_spans)
        and any(x < i.end and i.start < y for x, y in place_spans)
    ]


def people(text: str, place_spans: tuple[tuple[int, int], ...] = ()) -> dict[str, SourceMention]:
    """Named people the article introduces by a role: their name and surname -> the speaker.

    A place is no person ("the West Bank, officials say"): a name that opens with words geo
    read as a place is left out (a surname that is also a town is not: names_over_places).
    """
    out: dict[str, SourceMention] = {}
    for intro in _introductions(text):
        name = intro.name
        if _listed(name) or _first_word_placed(intro, place_spans):
            continue
        role = intro.role
        if intro.role_first:  # "Interior Ministry spokesman Name"
            if any(k in out for k in _keys(name)):
                continue  # (a name already introduced keeps its role: "Father X, a priest at the church")
            speaker = SourceMention(-1, -1, f"{role} {name}", source_type_of(role) or "local sources", name)
        else:
            speaker = SourceMention(-1, -1, f"{name}, {role}", source_type_of(role) or "local sources", name)
        for key in _keys(name):
            out.setdefault(key, speaker)
    return out


def named(sentence: str, known: dict[str, SourceMention]) -> list[SourceMention]:
    """The introduced people a sentence names, as sources with their role."""
    if not known:
        return []
    out = []
    for start, end in _occurrences(sentence, _longest_first(tuple(known))):
        name = sentence[start:end]
        role = known[name]
        start = _with_title(sentence, start, role.canonical, name)
        out.append(SourceMention(start, end, role.canonical, role.source_type, sentence[start:end]))
    return out


def _with_title(sentence: str, start: int, canonical: str, name: str) -> int:
    """Where the speaker's words start: at the title before the name where the sentence gives it there
    (", said the provincial counter-narcotics chief Name": the title and the name are one speaker, and
    the reporting verb's subject begins at the title)."""
    title = canonical[: -len(name)].strip() if canonical.endswith(name) else ""
    head = sentence[:start].rstrip()
    if not title or not head.lower().endswith(title.lower()):
        return start
    return len(head) - len(title)


@lru_cache(maxsize=64)
def _longest_first(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(names, key=len, reverse=True))


def _in_word(ch: str) -> bool:
    """A character that continues a name's word (a regex's [\\w'’-])."""
    return ch.isalnum() or ch in "_'’-"


def _occurrences(sentence: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the names stand in the sentence as whole words: leftmost first; at one place the first
    name of the list (longest first); no two overlapping. What one alternation of the names would
    find, without compiling a regex for every article's set of names (that compile cost more than
    the search: str.find needs none)."""
    hits = []
    for rank, name in enumerate(names):
        i = sentence.find(name)
        while i >= 0:
            j = i + len(name)
            if not (i and _in_word(sentence[i - 1])) and not (j < len(sentence) and _in_word(sentence[j])):
                hits.append((i, rank, j))
            i = sentence.find(name, i + 1)
    out: list[tuple[int, int]] = []
    for i, _, j in sorted(hits):
        if not out or i >= out[-1][1]:
            out.append((i, j))
    return out
