"""Date expressions read against the article's published date.

Every reading keeps its precision (ACLED time_precision: 1 a day, 2 a week or
a short span, 3 a month) and its bounds; "in April" is the whole of April,
never a made-up day. With no published date, relative expressions ("on
Monday", "in April") stay unknown: the words are kept, no date is invented.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from incidents import limits
from incidents.model import DateReading

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:early morning|early hours|morning|afternoon|evening|night|overnight)"
_LOCAL = re.compile(
    r"\b(?:local time|Middle Eastern time|Middle East time|early morning|early hours|"
    r"at \d{1,2}(?::\d\d)? ?(?:am|a\.m\.))",
    re.I,
)
_STATEMENT = re.compile(
    rf"\b(?:said|says|announced|reported|told [\w ]{{1,30}}?|in a statement)\s+(?:on\s+)?"
    rf"({_DAY})\b(?!['’]s)"  # ("said Sunday's raid struck": the raid's day)
)
# "arrived in the province on Sunday", "spoke with the minister on Sunday", "condemned on Monday": the day
# of something done about the event (a visit, a call, a condemnation) is that deed's day, not the event's
_DOING = re.compile(
    r"\b(?:arrived|visited|toured|travell?ed|spoke|talked|phoned|condemned|denounced|deplored|"
    r"vowed|pledged|urged|appealed|inspected|chaired|convened|attended|mourned|buried|"
    r"held (?:talks|a meeting|funerals?)|offered condolences|pulled|recovered|retrieved|searched|buried|"
    r"laid to rest|identified|exhumed|(?:were|was)\s+(?:discovered|found|unearthed))"
    r"(?:\s+(?:in|to|at|with|from)(?:\s+[\w'’-]+){1,5}?)?\s+(?:on\s+)?"
    rf"({_DAY})\b(?!['’]s)"
)
# A date heading the text, glued to the lead where the page's line break was lost ("date 2024-03-01
# Gunmen attacked ...", "Published: March 1, 2024 Gunmen ...", "Friday, 1 March 2024 | Gunmen ..."):
# the page's date (incidents.ingest takes it as the published date where nothing else gives one), never
# the day of anything the lead tells. Anchored, no nested repeats: linear.
_HEADING_DATE = re.compile(
    rf"\A\s*+(?:(?:date|published|posted|updated|last updated)\s*+:?\s*+)?"
    rf"(?:{_DAY},?\s++|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s++)?"
    rf"(?P<day>\d{{4}}-\d{{2}}-\d{{2}}|{_MON}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MON},?\s+\d{{4}})"
    rf"(?:\s*+[|\u2013-])?\s++(?=\S)",
    re.I,
)


def heading_date(text: str) -> tuple[date | None, int]:
    """(the date heading the text, where the heading ends), or (None, 0): only a date followed by
    more text heads it (a text that is nothing but a date is no page)."""
    m = _HEADING_DATE.match(text)
    if m is None:
        return None, 0
    parts = m.group("day").replace(",", " ").replace(".", " ").split()
    try:
        if len(parts) == 1:
            return date.fromisoformat(parts[0]), m.end()
        if parts[0].isdigit():
            parts = [parts[1], parts[0], parts[2]]
        day = date(int(parts[2]), MONTHS[parts[0].lower()], int(parts[1]))
    except (KeyError, ValueError):
        return None, 0
    return (day, m.end()) if limits.sane(day) else (None, 0)


# "according to the agency on Monday, July 29", "reported on 12 March": a day right after the attribution of
# words, whatever the date's form, is the saying's day (the weekday-only _STATEMENT sets the anchor)
_SAID_ON = re.compile(
    r"\b(?:said|says|announced|reported|told\s[\w ]{1,30}?|in\sa\sstatement|"
    rf"according\sto\s[^,.;:\n]{{1,60}}?)\s+(?:on\s+)?(?:{_DAY},?\s+)?$",
    re.I,
)
# "bodies were discovered on the morning of April 14", "were buried in the village on 3 May": the day of a
# deed after the event, whatever the date's form (the weekday forms are _DOING's)
_DEED_ON = re.compile(
    r"\b(?:were|was|been)\s+(?:discovered|found|unearthed|recovered|pulled\s+out|retrieved|buried|"
    r"laid\s+to\s+rest|exhumed|identified)(?:\s+(?:in|at|from|near)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?"
    r"\s+(?:on\s+)?(?:the\s+(?:morning|afternoon|evening|night)\s+of\s+)?$",
    re.I,
)
# "On Sunday, a day after the strike, ...", "Tuesday, two days after the bombing": the day named is
# counted from the event's; the event is that many days before it
_DAYS_AFTER = re.compile(
    r"\s*+,?\s*+(?:(a|one|two|three|four|five|six|\d)\s+days?|the\s+day)\s+after\s+"
    r"(?:the|this|that|its|last\s+\w+['’]s)\b",
    re.I,
)
_COUNT_WORD = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _possessive(text: str, end: int) -> bool:
    """ "said Sunday's raid struck": a day in the possessive names the event's day, not the saying's."""
    return text[end - 2 : end] in ("'s", "’s") or text[end : end + 2] in ("'s", "’s")


def _days_after(text: str, end: int) -> int | None:
    """N where the date ending at `end` is followed by ", N days after the <event>" (None if not)."""
    m = _DAYS_AFTER.match(text, end)
    if m is None:
        return None
    word = (m.group(1) or "a").lower()
    return int(word) if word.isdigit() else _COUNT_WORD[word]


# the day a toll was updated is the figure's day, never the event's: "the toll rose to 25 on Saturday",
# "climbed to 25 by Saturday", "stood at 25 as of Saturday evening"
_TOLL_UPDATE = re.compile(
    r"\b(?:rose|climbed|jumped|risen|increased|reached|stood at|stands at)\s+(?:to\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+)?"
    rf"[\w,]+\s+(?:on\s+|by\s+|as\s+of\s+)?({_DAY}|today|yesterday)\b",
    re.I,
)
# a sentence about the toll itself: "On Saturday, the death toll stood at 25", "the number of dead reached
# 25 by Saturday": a day before its subject or after its verb is the toll's day (one between them, "the
# toll of the blast on Friday rose", is the event's)
_TOLL_CLAUSE = re.compile(
    r"\b(?:death toll|toll|death count|"
    r"number of (?:the\s+)?(?:dead|deaths|people killed|victims|fatalities))\b"
    r"[^.;]{0,80}?\b(?:rose|risen|rises|climbed|climbs|jumped|increased|reached|reaches|stood|stands|hit)\b",
    re.I,
)
# "officials on Monday said", "rescuers on Monday pulled", "mourners Monday buried": the day of a saying or
# a deed about the event, named before its verb
_SAID_AFTER = re.compile(
    rf"\b(?:on\s+)?({_DAY})\s+(?:said|says|announced|confirmed|reported|told|revealed|added|stated|"
    r"pulled|recovered|retrieved|searched|buried|identified|visited|condemned|vowed|mourned)\b"
)

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    (
        "month_day",
        re.compile(
            rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}})\b)?"
            r"(?:\s+(last|this|next) year\b)?"
        ),
    ),
    # (a month name is a whole word: "in Marawi" is no March, "3 Marines" no 3 March)
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MON})(?![A-Za-z])(?:,?\s+(\d{{4}})\b)?")),
    (
        "bracket_day",
        re.compile(rf"\b(?:earlier |later )?(?:this|tonight|today)\s*\[({_DAY})\]\s*{_PART}?", re.I),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(last|this|next|on|early on|late on|early|late)\s+)?({_DAY})(?:'s)?"
            rf"(?:\s+({_PART}))?\b"
        ),
    ),
    ("today", re.compile(rf"\b(?:earlier |later )?(?:today|tonight|this {_PART})(?:'s)?", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last night)(?:'s)?", re.I)),
    ("overnight", re.compile(r"\bovernight\b", re.I)),
    ("last_week", re.compile(r"\b(last|this|earlier this|previous) week(?:'s|end)?\b", re.I)),
    ("last_month", re.compile(r"\b(last|this|earlier this|previous) month(?:'s)?\b", re.I)),
    # "Last year, a similar bombing killed 40": a year dates no single event (kind "year")
    ("last_year", re.compile(r"\b(?:last|previous) year\b", re.I)),
    (
        "later",
        re.compile(r"\b(?:(a|one|two|three|four|five|six|\d+|several|a few) )?(days?|weeks?) later\b", re.I),
    ),
    # "Separately, at approximately 10:30 p.m., ...": the day last read, at that hour
    (
        "clock",
        re.compile(
            r"\bat\s+(?:approximately\s+|about\s+|around\s+)?\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)",
            re.I,
        ),
    ),
    ("ago", re.compile(r"\b(a|one|two|three|four|five|six|\d+|several|a few) (days?|weeks?) ago\b", re.I)),
    (
        "earlier",
        re.compile(
            r"\b(?:a|one) day (?:earlier|before)\b|\bthe (?:previous|preceding) day\b|"
            # "Two days earlier, the militants had killed...": counted back from the date last read
            r"\b(two|three|four|five|six|[2-6]) days (?:earlier\b|before(?=\s*[,.;]))",
            re.I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?i:in|during|since|by|until|from|in early|in late|in mid-?)\s+({_MON})(?![A-Za-z])"
            r"(?:,?\s+(\d{4}))?(?!\s*\d)"
        ),
    ),
    ("year", re.compile(r"\b(?:in|since|during|by|until|from|around)\s+((?:19|20)\d{2})\b(?!-)")),
]
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True)
class Found:
    """A reading plus what kind of expression it was."""

    reading: DateReading
    kind: str  # event, statement, toll, year, relative, since


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _weekday_before(anchor: date, name: str, *, last: bool = False) -> date:
    back = (anchor.weekday() - WEEKDAYS.index(name.lower())) % 7
    if last and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


Span = tuple[date, date, int] | None


def _day(d: date | None) -> Span:
    return (d, d, 1) if d else None


def _iso(g, anchor: date | None) -> Span:
    return _day(_safe(int(g[0]), int(g[1]), int(g[2])))


def _month_and_day(mon: str, day: str, year: str | None, rel: str | None, anchor: date | None) -> Span:
    month, dd = MONTHS.get(mon.lower().rstrip(".")), int(day)
    if year:
        return _day(_safe(int(year), month, dd))
    if anchor is None:
        return None
    d = _safe(anchor.year + {"last": -1, "next": 1}.get(rel or "", 0), month, dd)
    if d and rel is None and d > anchor + timedelta(days=2):  # "December 20" read in January: last year's
        d = _safe(anchor.year - 1, month, dd)
    return _day(d)


def _month(g, anchor: date | None) -> Span:
    month = MONTHS.get(g[0].lower().rstrip("."))
    if g[1]:
        year = int(g[1])
    elif anchor is None:
        return None
    else:
        year = anchor.year - (1 if month > anchor.month else 0)
    return date(year, month, 1), _month_end(year, month), 3


def _week(g, anchor: date) -> Span:
    monday = anchor - timedelta(days=anchor.weekday())
    if g[0].lower() in ("last", "previous"):
        return monday - timedelta(days=7), monday - timedelta(days=1), 2
    return monday, anchor, 2


def _month_rel(g, anchor: date) -> Span:
    if g[0].lower() in ("last", "previous"):
        prev = anchor.replace(day=1) - timedelta(days=1)
        return prev.replace(day=1), prev, 3
    return anchor.replace(day=1), anchor, 3


def _ago(g, anchor: date) -> Span:
    """ "two days ago" from the published day; "a few days ago" a span before it."""
    qty, unit = g[0].lower(), g[1].lower()
    per = 7 if unit.startswith("week") else 1
    if qty in _SMALL or qty.isdigit():
        d = anchor - timedelta(days=(_SMALL.get(qty) or int(qty)) * per)
        return (d, d, 1) if per == 1 else (d - timedelta(days=3), d + timedelta(days=3), 2)
    return anchor - timedelta(days=7 * per), anchor - timedelta(days=2 * per), 2 if per == 1 else 3


# expressions that carry their own year (or need the anchor only for it)
ABSOLUTE = {
    "iso": _iso,
    "month_day": lambda g, a: _month_and_day(g[0], g[1], g[2], g[3], a),
    "day_month": lambda g, a: _month_and_day(g[1], g[0], g[2], None, a),
    "month": _month,
    "year": lambda g, a: (date(int(g[0]), 1, 1), date(int(g[0]), 12, 31), 3),
}
# expressions that mean nothing without an anchor day
RELATIVE = {
    "bracket_day": lambda g, a: _day(_weekday_before(a, g[0])),
    "weekday": lambda g, a: _day(_weekday_before(a, g[1], last=(g[0] or "").lower() == "last")),
    "today": lambda g, a: (a, a, 1),
    "overnight": lambda g, a: (a - timedelta(days=1), a, 2),  # the night before: either calendar day
    "yesterday": lambda g, a: _day(a - timedelta(days=1)),
    "last_week": _week,
    "last_month": _month_rel,
    "last_year": lambda g, a: (date(a.year - 1, 1, 1), date(a.year - 1, 12, 31), 3),
    "ago": _ago,
}


def _resolve(kind: str, m: re.Match, anchor: date | None, previous: DateReading | None) -> Span:
    """(start, end, precision) or None when the words cannot be pinned down."""
    if kind in ABSOLUTE:
        return ABSOLUTE[kind](m.groups(), anchor)
    if anchor is None or kind not in RELATIVE:
        return None
    return RELATIVE[kind](m.groups(), anchor)


def _earlier(m: re.Match, previous: DateReading | None):
    """ "a day earlier", "the previous day": the day before the date last read."""
    if previous is None or not previous.known or previous.precision != 1:
        return None
    qty = (m.group(1) or "").lower() if m.re.groups else ""
    n = int(qty) if qty.isdigit() else _SMALL.get(qty, 1)
    d = previous.date_start - timedelta(days=n)
    return d, d, 1


def _later(m: re.Match, previous: DateReading | None):
    if previous is None or not previous.known:
        return None
    qty, unit = (m.group(1) or "").lower(), m.group(2).lower()
    base = previous.date_end
    if qty in _SMALL or qty.isdigit():
        n = _SMALL.get(qty) or int(qty)
        days = n * (7 if unit.startswith("week") else 1)
        d = base + timedelta(days=days)
        return (d, d, 1) if unit.startswith("day") else (d - timedelta(days=3), d + timedelta(days=3), 2)
    if unit.startswith("day"):  # "days later": a short span after the earlier date
        return base + timedelta(days=1), base + timedelta(days=7), 2
    return base + timedelta(days=7), base + timedelta(days=42), 3


def _same_day(m: re.Match, previous: DateReading | None) -> Span:
    """A clock time with no day of its own is on the day last read (a one-day reading only)."""
    if previous is None or not previous.known or previous.precision != 1:
        return None
    return previous.date_start, previous.date_end, 1


# "attacked more than 140 times since Oct. 17": the day a period began, not an event's day
_SINCE = re.compile(r"\b(?:since|starting|beginning)\s+(?:early\s+|late\s+|mid-)?$", re.I)

_LOCAL_TIME = re.compile(r"\s+(?:[\w-]+\s+){0,2}?local time\b", re.I)
_SINCE_IN = re.compile(r"(?:since|starting|beginning)\b", re.I)


def _local_next_day(span: Span, published: date | None) -> Span:
    """ "Early Wednesday local time" in a story published on Tuesday (in Washington): the next day.

    The publisher's day lags the place's across time zones, so a weekday named in
    local time that is the day after publication is that day, not six days before it.
    """
    if span and published and span[2] == 1 and (published - span[0]).days == 6:
        nxt = published + timedelta(days=1)
        return nxt, nxt, 1
    return span


# expressions read from the date last read in the text, not from the published day
FROM_PREVIOUS = {"later": _later, "earlier": _earlier, "clock": _same_day}


def _sane(chained, kind: str, m: re.Match, base: date | None, previous: DateReading | None) -> Span:
    """The reading, or None (unknown) when it falls outside FIRST_YEAR .. next year.

    "9999-12-31" (a "no date" placeholder) or year 1 is no event's date, and a
    day computed from it must not overflow the calendar further on.
    """
    try:
        span = chained(m, previous) if chained else _resolve(kind, m, base, previous)
    except (OverflowError, ValueError):
        return None
    return span if span is None or (limits.sane(span[0]) and limits.sane(span[1])) else None


# a date that opens the lead before a dash or a colon is the day the story was filed, not the event's:
# "BEIRUT, Feb 13 (Reuters) -", "TAMPA, Fla., Jan 5 (AP) -", "Srinagar, Apr 22: ...", "August 10,
# 2018 - ...", "Beirut [Lebanon], September 20: ..."; also inside the credit that opens it:
# "CAIRO (Agency / Wire - 30th December, 2020) ..."
_LEAD_BEFORE = re.compile(
    r"[\W\d]{0,6}(?:[A-Z][\w.'’-]*(?:\s*\[[^\]\n]{1,30}\])?[\s,]{1,3}){0,4}"
    r"(?:\([^()\n]{0,60}?[-–—/]\s*)?"
)
_LEAD_AFTER = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?[-–—:|)]")
# "the massacre, which took place on October 3": the clause dates the event it is attached to
_BOUND = re.compile(
    r"\b(?:took place|occurred|happened|was carried out|were carried out|struck|hit)\s+"
    r"(?:(?:early|late)\s+)?(?:on|in|at|during)?\s*$",
    re.I,
)


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at [start, end) is the dateline opening the text (the filing day)."""
    if start > 60:
        return False
    before = _LEAD_BEFORE.fullmatch(text, 0, start)
    return before is not None and _LEAD_AFTER.match(text, end) is not None


def _label(
    text: str, kind: str, start: int, end: int, statement: re.Match | None, deeds: list[tuple[int, int]]
) -> str:
    """What the date expression at [start, end) dates (see DateReading.kind)."""
    if any(start < t.end(1) and t.start(1) < end for t in _TOLL_UPDATE.finditer(text)):
        return "toll"
    toll = _TOLL_CLAUSE.search(text)
    if (
        toll is not None
        and kind in RELATIVE
        and (end <= toll.start() or start >= toll.end())
        and text[end : end + 2] not in ("'s", "’s")  # ("Sunday's bombing": the event's day)
    ):
        return "toll"
    if (
        (statement is not None and start < statement.end(1) and statement.start(1) < end)
        or (_SAID_ON.search(text, max(0, start - 90), start) is not None and not _possessive(text, end))
        or _DEED_ON.search(text, max(0, start - 90), start) is not None
        or _dateline(text, start, end)
        or any(start < b and a < end for a, b in deeds)
    ):
        return "statement"
    if kind in ("year", "last_year"):
        return "year"
    if _SINCE.search(text[max(0, start - 12) : start]) or _SINCE_IN.match(text, start):
        return "since"
    return "relative" if kind in FROM_PREVIOUS else "event"


def bound_to_event(text: str, start: int) -> bool:
    """ "which took place on October 3", "struck on Sunday": the date complements an event's verb."""
    return _BOUND.search(text[max(0, start - 40) : start]) is not None


def find_dates(
    text: str, offset: int, published: date | None, previous: DateReading | None = None
) -> list[Found]:
    """Date expressions in one sentence (offsets into the article)."""
    # the page's own date heading the article's first sentence is no date of the text (heading_date)
    taken: list[tuple[int, int]] = [(0, heading_date(text)[1])] if offset <= 2 else []
    found: list[Found] = []
    statement = _STATEMENT.search(text)
    deeds = [d.span(1) for pat in (_DOING, _SAID_AFTER) for d in pat.finditer(text)]
    anchor = published
    if statement and published:
        anchor = _weekday_before(published, statement.group(1))
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "weekday" and not m.group(0)[0].isupper() and not m.group(1):
                continue
            if kind == "clock" and found:
                continue  # "On Feb. 6 at 4:45 a.m.": the day is stated, the hour adds nothing
            base = published if statement and m.start() >= statement.start(1) - 1 else anchor
            chained = FROM_PREVIOUS.get(kind)
            # "killed Sunday ... in a gunbattle the previous day": counted from the day read before it
            here = [
                f.reading for f in found if f.reading.start < offset + m.start() and f.reading.precision == 1
            ]
            span = _sane(chained, kind, m, base, here[-1] if chained and here else previous)
            taken.append((m.start(), m.end()))
            start, end = m.start(), m.end()
            local = bool(_LOCAL.search(text[start : min(len(text), end + 40)]))
            if kind in ("weekday", "bracket_day") and _LOCAL_TIME.match(text, end):
                span = _local_next_day(span, base)
            label = _label(text, kind, start, end, statement, deeds)
            back = _days_after(text, end) if span and span[2] == 1 else None
            if back:  # the event's own day, counted back from the day named
                span = (span[0] - timedelta(days=back), span[1] - timedelta(days=back), 1)
                label = "event"
            reading = DateReading(
                m.group(0),
                offset + start,
                offset + end,
                span[0] if span else None,
                span[1] if span else None,
                span[2] if span else None,
                local,
                kind=label,
            )
            found.append(Found(reading, label))
    found.sort(key=lambda f: f.reading.start)
    return found
