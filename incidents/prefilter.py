"""Literal trigger words a regular expression cannot match without, read from the pattern itself.

Why: the event reader runs ~45 case-insensitive patterns over every sentence and most find
nothing; a pattern none of whose required words occurs in the lower-cased sentence is skipped
without running it. The words are derived from the parsed pattern (never written by hand), so a
pattern edited later keeps a sound filter: a sequence requires each of its parts, an alternation
one word of each branch, an optional or asserted part nothing.
"""

from __future__ import annotations

import re
import re._constants as C
import re._parser as P
from dataclasses import dataclass

# non-ASCII characters that IGNORECASE matches to an ASCII letter ("ſ" to s, Kelvin sign to k,
# dotted/dotless i) but str.lower() does not turn into it: a sentence holding one is not filtered
CASE_FOLD_ODD = re.compile("[\u0130\u0131\u017f\u212a]")
_WORD = re.compile(r"[a-z0-9 '-]+")


@dataclass(frozen=True)
class Required:
    """All of `groups` must be met, a group by any one of its (lower-case) words occurring."""

    groups: tuple[frozenset[str], ...]

    def possible(self, lowered: str) -> bool:
        """Whether a match can be in `lowered` (a text lower-cased by lowered_or_none)."""
        return all(any(w in lowered for w in g) for g in self.groups)

    def met_by(self, present: set[str]) -> bool:
        """possible(), given the set of this pattern's words (and any others) present in the text."""
        return all(not g.isdisjoint(present) for g in self.groups)


def _best(groups: list[frozenset[str]]) -> frozenset[str] | None:
    """The group that filters most: its shortest word longest, then fewest words."""
    return max(groups, key=lambda g: (min(map(len, g)), -len(g)), default=None)


def _sequence(items) -> list[frozenset[str]]:
    """Word groups a parsed sequence requires (a run of literals is one word)."""
    groups: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        word = "".join(run).lower()
        if word.strip() and _WORD.fullmatch(word):
            groups.append(frozenset([word]))
        run.clear()

    for op, av in items:
        if op is C.LITERAL and av < 128 and _WORD.fullmatch(chr(av).lower()):
            run.append(chr(av))
            continue
        flush()
        if op is C.SUBPATTERN:
            groups.extend(_sequence(av[-1]))
        elif op is C.BRANCH:
            alternatives = [_best(_sequence(b)) for b in av[1]]
            if alternatives and all(alternatives):
                groups.append(frozenset().union(*alternatives))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            groups.extend(_sequence(av[2]))
        # AT, IN, ANY, assertions, CATEGORY, optional repeats: nothing required
    flush()
    return groups


def _minimal(group: frozenset[str]) -> frozenset[str]:
    """The group without words holding another of its words ("attacked" is met wherever "attack" is)."""
    return frozenset(w for w in group if not any(v != w and v in w for v in group))


def required(pattern: re.Pattern) -> Required:
    """The words a match of `pattern` (compiled with re.I or not) must contain, lower-cased."""
    return Required(tuple(_minimal(g) for g in _sequence(P.parse(pattern.pattern, pattern.flags))))


def lowered_or_none(text: str) -> str | None:
    """text lower-cased for Required.possible, or None where lower() and IGNORECASE disagree."""
    return None if CASE_FOLD_ODD.search(text) else text.lower()
