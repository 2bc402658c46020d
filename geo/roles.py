"""What a place mention stands for in its sentence, decided from the words around it.

Each rule reads a small window of text before or after the mention; none names
a place. Order matters: a dateline, then an organisation, then a government.
A country left as a place is then read as attributive (`is_attributive`) when it
modifies the noun after it ("US personnel", "Iraq war veterans"): it names whose
or which, not where.
"""
from __future__ import annotations

import re

from geo.place import ROLE_DATELINE, ROLE_GOVERNMENT, ROLE_ORGANISATION, ROLE_PLACE

WINDOW = 80
DATELINE_MAX = 240  # a dateline head is read only from the first characters of its line

# "BAGHDAD (Reuters) -", "LONDON —", "Kabul, Afghanistan (AP) —" at the start of a line.
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([A-Za-z0-9 .&/-]{1,30}\)\s*)?[-—–:]\s")
# "Islamabad : Five people ...", "Kabul, May 3 : ...": a place opening its line, set off by a colon with
# a space before it (a headline's "Gaza: what we know" has none), is the filing place in any case
SPACED_COLON = re.compile(r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+:\s")
# "DUBAI/LONDON, March 6 (Reuters) -", "ERBIL, Kurdistan Region -", "TAMPA, Fla. –": upper-case places
# (several joined by "/"), then a region or state, a date, an agency, each optional, then a dash. Every
# place in that head is where the reporter sat.
_DATELINE_PLACE = r"[A-Z][A-Z.'’-]*(?:[ ][A-Z][A-Z.'’-]*){0,3}"
_DATELINE_DATE = (r"(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?"
                  r"|[A-Z][a-z]{2,8}day)")
DATELINE_HEAD = re.compile(
    rf"[ \t]*{_DATELINE_PLACE}(?:\s*/\s*{_DATELINE_PLACE})*"
    rf"(?:,\s*[A-Z][A-Za-z.'’]*(?:[ ][A-Z][A-Za-z.'’]*){{0,3}})?"
    rf"(?:,\s*{_DATELINE_DATE})?\s*(?:\([A-Za-z0-9 .&/-]{{1,30}}\)\s*)?(?=[-—–]\s)")
ORG_NOUNS = (r"news\s+agency|agency|times|post|herald|tribune|journal|observatory|university|airlines|airways"
             r"|television|tv|radio|broadcasting|corporation|gazette|daily|telegraph|guardian|chronicle|institute"
             r"|college|football\s+club|fc|stock\s+exchange|press|news|newspaper|daily\s+news|bureau")
# "Sana news agency", "SANA", "Baghdad Post", "Washington Post": the org noun right after the name.
ORG_AFTER = re.compile(rf"(?:\s+[A-Z][\w&-]*){{0,2}}\s+(?:{ORG_NOUNS})\b", re.IGNORECASE)
ORG_AFTER_CASED = re.compile(r"(?:\s+(?:[A-Z][\w&-]*|of|for|and)){0,4}\s+(?:News Agency|Times|Post|Herald"
                             r"|Tribune|Journal|Observatory|University|Airlines|Airways|Television|TV|Radio|Gazette|Daily"
                             r"|Telegraph|Guardian|Chronicle|Institute|College|FC|Press|Bureau)\b")
# "state news agency Sana", "the broadcaster Al Arabiya": the org noun right before the name.
ORG_BEFORE = re.compile(r"\b(?:news\s+agency|agency|newspaper|broadcaster|daily|outlet|network|website"
                        r"|channel)\s+$", re.IGNORECASE)
REPORTING_VERBS = (r"said|says|say|blamed|blames|blame|accused|accuses|warned|warns|denied|denies|announced"
                   r"|announces|condemned|condemns|insisted|insists|claimed|claims|responded|responds|vowed|vows"
                   r"|threatened|threatens|rejected|rejects|demanded|demands|urged|urges|welcomed|welcomes"
                   r"|criticized|criticised|criticizes|criticises|imposed|imposes|sanctioned|agreed|agrees|refused"
                   r"|refuses|wants|wanted|believes|believed|retaliated|ordered|orders|insisted|confirmed|confirms"
                   r"|stated|states|argued|argues|hopes|hoped|considers|considered|decided|decides|recognized"
                   r"|recognised|supports|supported|backs|backed|opposes|opposed|seeks|sought|pledged|pledges"
                   r"|promised|promises|expelled|summoned|appealed|called\s+on|called\s+for|pushed|pressed"
                   r"|(?:are|is|were|was)\s+(?:looking|seeking|hoping|trying|pushing|negotiating|insisting)"
                   r"|seeks?|seeking|hopes?|hoping|negotiat\w+|intends?|aims?|plans?|tries|tried|vetoed|responded")
GOVERNMENT_AFTER = re.compile(
    rf"(?:\s+and\s+[A-Z][\w.]+)?(?:\s+(?:has|had|have|is|was|will|would|could|may|might|must|should|also|then|itself|now|quickly|has\s+long"
    rf"|did\s+not|does\s+not|has\s+not|had\s+not|never|repeatedly|previously|later|first|again)){{0,2}}"
    rf"\s+(?:{REPORTING_VERBS})\b"
    r"|['’]s?\s+(?:[\w-]+\s+){0,2}(?:government|administration|foreign|policy|policies|regime|leadership|officials?"
    r"|decision|position|stance|support|backing|allies|ally|envoy|ambassador|military|goal|goals|strategy"
    r"|response|demands?|influence|proxies|proxy|interests?|involvement|role|nuclear|leaders?|president"
    r"|ministry|minister|parliament|diplomats?|approach|plans?|threats?|warning|retaliation|agenda|officials"
    r"|activities|programme|program|ambitions?|backers?|blessing|orders?|behest|bidding|envoys?|proxies)\b")
GOVERNMENT_BEFORE = re.compile(
    r"(?:\b(?:talks|relations|ties|negotiations|dialogue|deal|agreement|tensions|pressure|sanctions|dispute|rift"
    r"|contacts?|channel|rapprochement|confrontation|standoff|reply|response|word|message|notice|loyalty"
    r"|allegiance|envoy)\W{0,2}\s+(?:with|between|on|against|from|to)(?:\s+[A-Z]\w+\s+and)?\s+"
    r"|\b(?:pressure|pressured|pressuring|urge|urged|urging|accuse|accused|warn|warned|persuade|persuaded"
    r"|convince|convinced|lobby|lobbied|punish|punished|deter|deterred)\s+|\bpro-|\banti-)$")


def role_of(text: str, start: int, end: int, *, is_seat: bool) -> str:
    """The role of the mention text[start:end]; is_seat: a country or a national capital."""
    after = text[end:end + WINDOW]
    if _at_line_start(text, start) and text[start:end].isupper() and DATELINE_AFTER.match(after):
        return ROLE_DATELINE
    if _at_line_start(text, start) and SPACED_COLON.match(after):
        return ROLE_DATELINE  # "Islamabad : At least ...": a filing place set off by a spaced colon
    if _in_dateline_head(text, start):
        return ROLE_DATELINE
    acronym_org = text[start:end].isupper() and ORG_AFTER.match(after)
    if ORG_BEFORE.search(text[max(0, start - 40):start]) or ORG_AFTER_CASED.match(after) or acronym_org \
            or _looks_like_org_name(text, end):
        return ROLE_ORGANISATION
    before = text[max(0, start - WINDOW):start]
    if is_seat and (GOVERNMENT_AFTER.match(after) or GOVERNMENT_BEFORE.search(before)):
        return ROLE_GOVERNMENT
    return ROLE_PLACE


def _line_start(text: str, start: int) -> int:
    """Where the line of text[start] begins, looked for only DATELINE_MAX characters back (a bound, so
    that a text without line breaks costs no more per mention than any other)."""
    lo = max(0, start - DATELINE_MAX)
    found = text.rfind("\n", lo, start)
    if found >= 0:
        return found + 1
    return 0 if lo == 0 else -1  # further back than a dateline could be


def _at_line_start(text: str, start: int) -> bool:
    line_start = _line_start(text, start)
    return line_start >= 0 and not text[line_start:start].strip()


def _in_dateline_head(text: str, start: int) -> bool:
    """The mention lies in a dateline head at the start of its line ("DUBAI/LONDON, March 6 (Reuters) -")."""
    line_start = _line_start(text, start)
    if line_start < 0 or start - line_start > 80:
        return False
    m = DATELINE_HEAD.match(text, line_start, line_start + DATELINE_MAX)
    return m is not None and start < m.end()


_ORG_HEAD_AFTER = re.compile(r"\s+(news\s+agency|agency|observatory|university)\b", re.IGNORECASE)


def _looks_like_org_name(text: str, end: int) -> bool:
    """'Sana news agency' names an agency; 'in Baghdad news spread' does not."""
    m = _ORG_HEAD_AFTER.match(text[end:end + 40])
    return m is not None


# -- attributive country names: "US personnel", "a US military base", "Iraq war veterans" --------


def _words(text: str) -> frozenset[str]:
    """A closed word list written as running text."""
    return frozenset(text.split())


# Words that follow a country without being modified by it: function words, time words, numbers.
NOT_MODIFIED = _words("""
a an the this that these those its it their his her our your my we they he she them him us you who whom
whose which what where when while whether if because since though although unless until till than then
and or nor but so yet as like of in on at to from into onto by with without within for against about
across along alongside among amid amidst around after before behind below beneath beside besides between
beyond during despite down up off out over under through throughout toward towards upon via per near
is are was were be been being am has have had having do does did done will would can could may might must
shall should ought not no also too only just even still already now again always never often ever soon
later earlier once twice today tonight yesterday tomorrow here there last next early late each every all
both some any more most less least much many few several other another such own same rather instead
itself himself herself themselves alone ago due whereas either neither nearly almost
one two three four five six seven eight nine ten eleven twelve twenty thirty hundred thousand million
billion dozens dozen hundreds thousands millions first second third
""")
# Nouns that make the country itself a place again: "on US soil", "the Syria border".
PLACE_NOUNS = _words("""
border borders frontier frontiers side coast coastline coasts mainland soil territory territories
airspace waters interior heartland proper
""")
# Verbs after a country subject ("Syria is", "Iraq remains", "the US gave") that no ending gives away.
VERBS = _words("""
is has was does goes gets sees saw says said made makes took gave gives came comes went got kept holds
held leaves left puts led lies lay sits sat stands stood seems appears becomes became remains faces needs
wants knows knew thinks thought feels felt finds found begins began ran wins won loses lost sends sent
brings brought buys bought sells sold pays paid meets met tells told fights fought spends spent builds
built seeks sought falls fell rises rose struck continues follows lacks includes persists responds stays
means tends tries tried deploys advocates welcomes confirms lets back maintains maintain include lack
welcome mean cut confirm deny
""")
ED_ADJECTIVES = frozenset({"armed", "based", "backed", "led", "funded", "registered", "listed", "allied"})
ED_NOUNS = frozenset({"bed", "red", "need", "seed", "speed", "creed", "greed", "shed", "feed", "breed"})
LY_NOUNS = frozenset({"ally", "family", "supply", "assembly", "rally", "anomaly", "monopoly", "fly"})
# A noun-or-verb in -s ("strikes", "attacks", "fears") is a verb when an object follows it.
OBJECT_WORDS = _words("a an the its their his her our this these those some no every it them him us")
PRONOUNS = _words("a an the its their his her our it them him")
NEXT_WORDS = re.compile(r"[ \t]+([a-z][a-z'’-]*)\b(?:[ \t]+([\w'’-]+))?")
# "strikes in Iraq and Syria target ...": the second of a located pair is a place like the first.
LOCATED_PAIR_BEFORE = re.compile(r"\b(?:in|into|across|inside|within|throughout|from|to|between)\s+"
                                 r"(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,?\s+(?:and|or)\s+(?:the\s+)?$")
MODAL_BEFORE = re.compile(r"\b(?:can|could|will|would|may|might|must|shall|should|did|does|do|let)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)


def is_attributive(text: str, start: int, end: int) -> bool:
    """Whether the country named at text[start:end] modifies the lowercase noun after it.

    "US personnel", "a US military base", "Iraq war veterans", "the UK government": the
    country says whose or which, not where ("in Syria last week", "Syria said", "Iraq and
    Syria", "to Iraq on Monday" are not attributive). No tagger: the next word must not be
    a function word, a place noun, an adverb or a verb, judged by closed lists and endings.
    """
    m = NEXT_WORDS.match(text, end, end + WINDOW)
    if not m:
        return False
    word, following = m.group(1).replace("’", "'"), m.group(2) or ""
    if not word.endswith("s") and MODAL_BEFORE.search(text, max(0, start - 20), start):
        return False  # "how can Russia respond": a verb; "will US forces leave" still a noun
    if LOCATED_PAIR_BEFORE.search(text, max(0, start - 50), start):
        return False
    if len(word) < 2 or word in NOT_MODIFIED or word in PLACE_NOUNS or word in VERBS or "'" in word:
        return False
    if word.endswith("ing") and len(word) > 4:  # "Mali peacekeeping posts", not "Egypt following the ..."
        return following[:1].islower() and following not in NOT_MODIFIED
    if _verb_or_adverb(word):
        return False
    if word.endswith("s") and not word.endswith("ss") and following:
        # "Vietnam sees Russia", "China advocates the ...": a verb and its object
        return not (following in OBJECT_WORDS or following[0].isupper() or following[0].isdigit())
    return following not in PRONOUNS and not following[:1].isdigit()  # "Saudi Arabia buy 180 howitzers"


def _verb_or_adverb(word: str) -> bool:
    """Past tenses ("launched") and adverbs ("reportedly") by their ending."""
    if word.endswith("ed") and len(word) > 3:
        return word not in ED_ADJECTIVES and word not in ED_NOUNS
    return word.endswith("ly") and word not in LY_NOUNS
