"""Date expressions resolved against the published date, with precision and bounds."""

from __future__ import annotations

from datetime import date

import pytest

from incidents.dates import find_dates
from incidents.model import DateReading

MON_28_JUNE = date(2021, 6, 28)  # a Monday
FRI_26_FEB = date(2021, 2, 26)  # a Friday


def read(text, published, previous=None):
    return [
        (f.kind, f.reading.date_start, f.reading.date_end, f.reading.precision)
        for f in find_dates(text, 0, published, previous)
    ]


@pytest.mark.parametrize(
    ("text", "published", "start", "end", "precision"),
    [
        ("Monday's early morning US strikes", MON_28_JUNE, date(2021, 6, 28), date(2021, 6, 28), 1),
        ("strikes on Sunday evening", MON_28_JUNE, date(2021, 6, 27), date(2021, 6, 27), 1),
        (
            "forces earlier this [Thursday] evening conducted",
            FRI_26_FEB,
            date(2021, 2, 25),
            date(2021, 2, 25),
            1,
        ),
        ("the attacks on Friday", FRI_26_FEB, date(2021, 2, 26), date(2021, 2, 26), 1),
        ("a February 15 attack", FRI_26_FEB, date(2021, 2, 15), date(2021, 2, 15), 1),
        ("a drone attack on January 3 last year", MON_28_JUNE, date(2020, 1, 3), date(2020, 1, 3), 1),
        ("In April, a drone hit", MON_28_JUNE, date(2021, 4, 1), date(2021, 4, 30), 3),
        ("following last week's attacks", FRI_26_FEB, date(2021, 2, 15), date(2021, 2, 21), 2),
        ("on 3 March 2019", MON_28_JUNE, date(2019, 3, 3), date(2019, 3, 3), 1),
        ("in December", FRI_26_FEB, date(2020, 12, 1), date(2020, 12, 31), 3),  # a month ahead: last year's
        ("yesterday", MON_28_JUNE, date(2021, 6, 27), date(2021, 6, 27), 1),
        ("rockets hit the base overnight", MON_28_JUNE, date(2021, 6, 27), date(2021, 6, 28), 2),
    ],
)
def test_expressions(text, published, start, end, precision):
    [(kind, s, e, p)] = read(text, published)
    assert (s, e, p) == (start, end, precision)


def test_days_later_is_a_short_span_after_the_previous_date():
    feb15 = DateReading("February 15", 0, 0, date(2021, 2, 15), date(2021, 2, 15), 1)
    [(kind, s, e, p)] = read("another salvo struck days later", FRI_26_FEB, feb15)
    assert kind == "relative" and p == 2 and s == date(2021, 2, 16) and e > s


def test_relative_words_anchor_on_the_statement_day():
    got = read("As demonstrated by this evening's strikes, he will act, Mr Kirby said Sunday.", MON_28_JUNE)
    assert ("event", date(2021, 6, 27), date(2021, 6, 27), 1) in got
    assert got[-1][0] == "statement"


def test_without_published_date_nothing_is_invented():
    for text in ("strikes on Sunday evening", "In April, a drone hit", "a February 15 attack"):
        [(kind, s, e, p)] = read(text, None)
        assert (s, e, p) == (None, None, None)
    [(kind, s, e, p)] = read("on 3 March 2019", None)
    assert s == date(2019, 3, 3)  # an explicit date needs no anchor


def test_years_are_marked_as_such():
    assert read("since 2008", MON_28_JUNE)[0][0] == "year"
    assert read("may be wrong", MON_28_JUNE) == []  # "may" is not May


def test_since_a_date_starts_a_period_not_an_event():
    # "attacked more than 140 times since Oct. 17": the day the series began
    assert [k for k, *_ in read("attacked more than 140 times since Oct. 17", FRI_26_FEB)] == ["since"]
    assert [k for k, *_ in read("attacked ships since November", FRI_26_FEB)] == ["since"]
    assert read("since 2008", MON_28_JUNE)[0][0] == "year"


def test_local_time_weekday_after_a_washington_publication_day():
    tue = date(2024, 1, 23)  # the statement came out late on Tuesday in Washington
    [(_, start, _, precision)] = read("struck three facilities early Wednesday local time", tue)
    assert (start, precision) == (date(2024, 1, 24), 1)
    # without "local time" a weekday named on a Tuesday is still the one before
    assert read("struck three facilities on Wednesday", tue)[0][1] == date(2024, 1, 17)


def test_a_wire_dateline_date_is_the_filing_day_not_the_event_day():
    tue = date(2024, 2, 13)
    got = read("BEIRUT, Feb 13 (Reuters) - An Israeli drone strike killed two fighters late on Monday", tue)
    assert got[0][0] == "statement" and got[0][1] == tue
    assert got[1][0] == "event" and got[1][1] == date(2024, 2, 12)


def test_a_clock_time_alone_is_on_the_day_last_read():
    from incidents.model import DateReading

    feb6 = DateReading("Feb. 6", 0, 6, date(2024, 2, 6), date(2024, 2, 6), 1)
    got = read("Separately, at approximately 10:30 p.m., Houthi militants fired two missiles.", None, feb6)
    assert got == [("relative", date(2024, 2, 6), date(2024, 2, 6), 1)]
    # with a day of its own the hour adds no second reading
    assert (
        len(read("On Feb. 6 at approximately 4:45 a.m., forces conducted strikes.", date(2024, 2, 7), feb6))
        == 1
    )
    # and with no day read before it, nothing is invented
    assert read("at approximately 10:30 p.m., militants fired two missiles.", date(2024, 2, 7)) == [
        ("relative", None, None, None)
    ]


def test_a_month_name_is_a_whole_word():
    got = find_dates(
        "Shells fell in Marseille and 3 Marines were hurt in Junction City.", 0, date(2023, 12, 3)
    )
    assert got == []


@pytest.mark.parametrize(
    "text",
    [
        "The interior minister arrived in the province on Sunday to see the damage.",
        "The governor spoke with the president on Sunday about the raid.",
        "Church leaders condemned on Sunday what they called a cowardly act.",
        "The victims were buried on Sunday in their home village.",
    ],
)
def test_the_day_of_a_visit_a_call_or_a_condemnation_is_not_the_events_day(text):
    [(kind, start, _, _)] = read(text, MON_28_JUNE)
    assert (kind, start) == ("statement", date(2021, 6, 27))


def test_a_day_that_follows_the_event_word_after_a_visit_verb_still_dates_the_event():
    # "condemned Sunday's raid": the possessive day is the raid's
    [(kind, _, _, _)] = read("The minister condemned Sunday's raid on the village.", MON_28_JUNE)
    assert kind == "event"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("On Thursday, a day after the shelling, the market stayed shut.", date(2021, 6, 23)),
        ("Sunday, two days after the ambush, the road reopened.", date(2021, 6, 25)),
        ("On 24 June, the day after the raid, families gathered.", date(2021, 6, 23)),
    ],
)
def test_a_day_counted_from_the_event_gives_the_event_its_own_day(text, day):
    """ "On Thursday, a day after the shelling": the shelling was on Wednesday."""
    [(kind, start, end, precision)] = read(text, MON_28_JUNE)
    assert (kind, start, end, precision) == ("event", day, day, 1)


@pytest.mark.parametrize(
    "text",
    [
        "According to the regional governor on Sunday, June 27, the convoy was hit twice.",
        "The figures were reported on 27 June by the health office.",
        "Eleven bodies were discovered on the morning of 27 June.",
        "The victims were buried in their home village on Sunday afternoon.",
    ],
)
def test_the_day_of_a_saying_or_of_a_deed_after_the_event_is_not_the_events_day(text):
    assert {kind for kind, *_ in read(text, MON_28_JUNE)} == {"statement"}


def test_a_possessive_day_after_said_is_still_the_events_day():
    assert [kind for kind, *_ in read("Officials said Sunday's blast hit a bus depot.", MON_28_JUNE)] == [
        "event"
    ]


def test_two_statement_days_put_the_event_where_their_windows_meet():
    """A group said on Wednesday it had attacked; activists said on Thursday: the event is of Wednesday
    (each statement's day is that day or the day before it)."""
    from incidents import cluster
    from incidents.model import Report

    pub = date(2021, 7, 2)  # a Friday
    said = [
        find_dates(text, 0, pub)[0].reading
        for text in (
            "In a statement on Wednesday, the group said it attacked.",
            "Activists said on Thursday.",
        )
    ]
    reports = [Report(article_id="a", index=0, sentence="", start=0, end=0, date=r) for r in said]
    start, end, precision, _ = cluster.core_dates(reports)
    assert (start, end) == (date(2021, 6, 30), date(2021, 6, 30))
