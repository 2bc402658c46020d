"""What an undated report still says about its day, checked against a dated incident.

A third of real pages show no date. Their words still pin the event down in
part: "on Sunday evening" names the day of the week, "Srinagar, Apr 22:" or
"at 1 pm on October 8" the day of the year, though no year or week resolves
them. A dated incident whose days fit is the same event's candidate; one whose
days do not is ruled out. What a statement's day says is looser: "said on
Monday" puts the event on that day or up to three days before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from incidents.dates import MONTHS, WEEKDAYS
from incidents.model import DateReading, Report

WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?!\d)|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}", re.I)
STATEMENT_SLACK = 3  # days an event may precede the day something was said about it
MAX_WINDOW = 7  # days: a wider dated window says nothing about a weekday


@dataclass(frozen=True)
class Partial:
    """A day known in part: the weekdays and (month, day) pairs it may be, strict or loose."""

    weekdays: frozenset[int] = frozenset()
    month_days: frozenset[tuple[int, int]] = frozenset()
    strict: bool = True  # the event's own day; else a statement's (the event on it or up to 3 days before)

    def fits(self, day: date) -> bool:
        for back in range(1 if self.strict else STATEMENT_SLACK + 1):
            d = day + timedelta(days=back)
            if (not self.weekdays or d.weekday() in self.weekdays) and (
                not self.month_days or (d.month, d.day) in self.month_days
            ):
                return True
        return False


def partial(reading: DateReading) -> Partial | None:
    """What an unresolved reading says about the day, or None (nothing, or it is resolved)."""
    if reading.known or reading.kind in ("year", "since", "toll", "published"):
        return None
    text = reading.text
    weekdays = frozenset(WEEKDAYS.index(m.group(1).lower()) for m in WEEKDAY.finditer(text))
    month_days = set()
    for m in MONTH_DAY.finditer(text):
        month = MONTHS.get((m.group(1) or m.group(4)).lower().rstrip("."))
        day = int(m.group(2) or m.group(3))
        if month and 1 <= day <= 31:
            month_days.add((month, day))
    if not weekdays and not month_days:
        return None
    return Partial(weekdays, frozenset(month_days), strict=reading.kind != "statement")


def partials(report: Report) -> tuple[Partial, ...]:
    """The partial days a report gives for its event (only where no reading is resolved).

    Where the event is named as one already told of ("On Tuesday police hunted the gunmen who
    stormed the church", "diggers on Monday searched the ruins of the raid"), the day may be the
    deed's, after the event: it is read as loosely as a statement's day.
    """
    if report.readings():
        return ()
    out = [partial(d) for d in (report.date, *report.other_dates) if d is not None]
    if report.definite:
        out = [replace(p, strict=False) if p is not None else None for p in out]
    return tuple(p for p in out if p is not None)


def _days(start: date | None, end: date | None) -> list[date]:
    if start is None or end is None or (end - start).days > MAX_WINDOW:
        return []
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def agrees(said: tuple[Partial, ...], start: date | None, end: date | None) -> bool | None:
    """Whether partial days fit a dated window: None when either side says nothing.

    A strict partial that no day of the window fits rules the match out (False);
    a loose one that does not fit only fails to support it (None).
    """
    days = _days(start, end)
    if not said or not days:
        return None
    verdict = None
    for p in said:
        if any(p.fits(d) for d in days):
            verdict = True
        elif p.strict:
            return False
    return verdict


def shared(a: tuple[Partial, ...], b: tuple[Partial, ...]) -> bool | None:
    """Whether two undated sides name the same day in part: True when an event's own day of one
    ("on Friday", "October 8") can be an event's own day of the other; None otherwise.

    Two pages that both leave the year unsaid and both put the event on a Friday say
    something (not enough alone: a weekday recurs every week); a mismatch rules
    nothing out (one of them may name the day of a statement or a funeral).
    """
    for p in a:
        for q in b:
            if not (p.strict and q.strict):
                continue
            days = p.weekdays and q.weekdays and p.weekdays & q.weekdays
            dates = p.month_days and q.month_days and p.month_days & q.month_days
            if days or dates:
                return True
    return None
