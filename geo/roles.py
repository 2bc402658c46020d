"""What a place mention stands for in its sentence, decided from the words around it.

Each rule reads a small window of text before or after the mention; none names
a place. Order matters: a dateline, then an organisation, then a government.
"""
from __future__ import annotations

import re

from geo.place import ROLE_DATELINE, ROLE_GOVERNMENT, ROLE_ORGANISATION, ROLE_PLACE

WINDOW = 80

# "BAGHDAD (Reuters) -", "LONDON —", "Kabul, Afghanistan (AP) —" at the start of a line.
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([A-Za-z0-9 .&/-]{1,30}\)\s*)?[-—–:]\s")
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
    acronym_org = text[start:end].isupper() and ORG_AFTER.match(after)
    if ORG_BEFORE.search(text[max(0, start - 40):start]) or ORG_AFTER_CASED.match(after) or acronym_org \
            or _looks_like_org_name(text, end):
        return ROLE_ORGANISATION
    before = text[max(0, start - WINDOW):start]
    if is_seat and (GOVERNMENT_AFTER.match(after) or GOVERNMENT_BEFORE.search(before)):
        return ROLE_GOVERNMENT
    return ROLE_PLACE


def _at_line_start(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _looks_like_org_name(text: str, end: int) -> bool:
    """'Sana news agency' names an agency; 'in Baghdad news spread' does not."""
    m = re.match(r"\s+(news\s+agency|agency|observatory|university)\b", text[end:end + 40], re.IGNORECASE)
    return m is not None
