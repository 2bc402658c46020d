"""Plain dataclasses passed between the pipeline stages.

article -> (extract) Reports -> (cluster) Incidents. Each stage reads and
returns these, so every stage can be tested alone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article: its text and what we know about where it came from."""

    article_id: str
    text: str
    name: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class DateReading:
    """A date expression read against the published date, with its precision.

    precision is ACLED's time_precision: 1 a day, 2 a week or short span,
    3 a month (or longer). local is True when the text says the time is
    local to the place ("early morning", "Middle Eastern time").
    """

    text: str
    start: int
    end: int
    date_start: date | None
    date_end: date | None
    precision: int | None
    local: bool = False
    day: date | None = None  # the likeliest day inside the span, where the reading says which
    # what the words date: "event" (the event's own day), "relative" (counted from a day read before),
    # "statement" (the day something was said: "said on Monday"), "toll" (a toll's update), "published"
    # (no day in the text: the publication day assumed); "" where unknown (older stored reports)
    kind: str = ""

    @property
    def weak(self) -> int:
        """0 for the event's own day, 1 for a day the event preceded (a statement's, a toll's),
        2 for a day assumed from the publication."""
        return {"statement": 1, "toll": 1, "published": 2}.get(self.kind, 0)

    @property
    def known(self) -> bool:
        return self.date_start is not None and self.date_end is not None

    @property
    def best(self) -> date | None:
        """The single best day: the day itself, the likeliest day named, else the middle of the span."""
        if not self.known:
            return None
        if self.day is not None and self.date_start <= self.day <= self.date_end:
            return self.day
        return date.fromordinal((self.date_start.toordinal() + self.date_end.toordinal()) // 2)


@dataclass
class CasualtyClaim:
    """One source's figures about one event, in SCHEMA.md's low/high convention."""

    source: str = "unattributed"
    source_as_reported: str = ""
    source_type: str = "unattributed"
    killed_low: int | None = None
    killed_high: int | None = None
    wounded_low: int | None = None
    wounded_high: int | None = None
    victim_group: str = "unknown"
    count_text: str = ""
    quote: str = ""
    stated_date: date | None = None
    article_id: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind) in the article
    attached: str = ""  # why the claim is this event's: "refers back to 'the strikes'", "the main event"...
    approximate: bool = False  # the source hedges its figure ("about 40", "nearly 40"; SCHEMA.md)
    superseded: bool = False  # the same source gave a later figure ("the toll rose to 23")
    stage: int = 0  # 1 stated as an update ("the toll rose to"), -1 as replaced ("initially"), else 0

    def figures(self) -> tuple:
        return (self.killed_low, self.killed_high, self.wounded_low, self.wounded_high)


@dataclass
class Report:
    """What one article says about one real-world event."""

    article_id: str
    index: int
    sentence: str
    start: int
    end: int
    event_type: str = ""
    sub_event_type: str = ""
    weapon: str = ""
    actor1: list[str] = field(default_factory=list)
    actor2: list[str] = field(default_factory=list)
    # whom only the attacker's own statement says it hit ("the group said it attacked the army"): the
    # target where the text counts no one hit (incidents.summary)
    aimed_at: list[str] = field(default_factory=list)
    date: DateReading | None = None
    other_dates: list[DateReading] = field(default_factory=list)  # the article's other readings of this event
    place: Any = None  # geo.place.Place
    location_as_reported: str = ""
    claims: list[CasualtyClaim] = field(default_factory=list)
    context: str = ""  # every sentence of the article read into this report
    plural: bool = False
    definite: bool = False  # its event phrase names an event told of ("the raid", "the men who stormed")
    spans: list[tuple[int, int, str, str]] = field(default_factory=list)  # (start, end, kind, label)
    published: date | None = None
    outlet: str = ""
    url: str = ""
    copy_of: str = ""  # the article this one's text copies (incidents.neardup): its claims count once

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def readings(self) -> list[DateReading]:
        """Every known date reading of the event in this article, the main one first."""
        return [d for d in (self.date, *self.other_dates) if d is not None and d.known]


@dataclass
class Incident:
    """One real-world event: its reports (from any number of articles)."""

    incident_id: str
    reports: list[Report] = field(default_factory=list)
    review_status: str = "auto"
    fatalities_override: int | None = None
