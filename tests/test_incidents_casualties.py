"""Casualty figures in SCHEMA.md's low/high convention, and who gives them."""

from __future__ import annotations

import pytest

from incidents.casualties import figures
from incidents.sources import attribute, mentions


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Four fighters were killed.", [("killed", 4, 4)]),
        ("One child was killed.", [("killed", 1, 1)]),
        ("At least five militants were killed.", [("killed", 5, None)]),
        ("Five or more people died.", [("killed", 5, None)]),
        ("The strike left more than 20 fighters dead.", [("killed", 21, None)]),
        ("Over 20 people were killed.", [("killed", 21, None)]),
        ("Up to 10 people were killed.", [("killed", None, 10)]),
        ("As many as 10 civilians were killed.", [("killed", None, 10)]),
        ("Between 10 and 12 people were killed.", [("killed", 10, 12)]),
        ("No one was hurt.", [("wounded", 0, 0)]),
        ("Several people were injured.", [("wounded", None, None)]),
        ("A number of contractors were wounded.", [("wounded", None, None)]),
        ("Dozens of people were killed.", [("killed", None, None)]),
        ("The blast killed 1,200 people.", [("killed", 1200, 1200)]),
        ("Twenty-three soldiers were killed.", [("killed", 23, 23)]),
        ("Of the 40 people on board, 12 were killed.", [("killed", 12, 12)]),
        ("Two soldiers and three civilians were killed.", [("killed", 5, 5)]),
        ("Earthquakes struck the region, leaving at least 180 people dead.", [("killed", 180, None)]),
        (
            "The strikes killed at least one fighter and wounded four more.",
            [("killed", 1, None), ("wounded", 4, 4)],
        ),
        (
            "A child had died and at least three other people were wounded.",
            [("killed", 1, 1), ("wounded", 3, None)],
        ),
        (
            "Rockets hit the base killing one contractor and injuring a number of others.",
            [("killed", 1, 1), ("wounded", None, None)],
        ),
    ],
)
def test_low_high_convention(sentence, expected):
    assert [(f.kind, f.low, f.high) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pentagon did not say whether anyone was killed or injured.",
        "There have been more than 40 attacks since the start of the year.",
        "The attacks occurred at 2am, killing fighters.",
        "In 2019, protesters were killed.",
    ],
)
def test_no_figure(sentence):
    assert [(f.low, f.high) for f in figures(sentence) if f.low is not None or f.high is not None] == []


def test_victim_groups():
    assert [f.victims for f in figures("Two soldiers and three civilians were killed.")] == ["mixed"]
    assert figures("Five militia fighters were killed.")[0].victims == "combatants"
    assert figures("One child was killed.")[0].victims == "civilians"
    assert figures("Ten people were killed.")[0].victims == "unknown"


def who(sentence):
    found = mentions(sentence)
    return [(attribute(sentence, f.start, found).canonical, f.low) for f in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Syria's state-run Sana news agency said one child had been killed.", "SANA"),
        ("The war monitor said four fighters were killed.", "Syrian Observatory for Human Rights"),
        ("Three people were killed in the blast, police said.", "police"),
        ("Local sources told Reuters at least 17 people had been killed.", "local sources"),
        ("Two militia leaders confirmed to The National that four fighters were killed.", "militia leaders"),
        (
            "The strike left more than 20 fighters dead, according to the observatory.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "But according to AFP news agency the Syrian Observatory for Human Rights, "
            "a UK-based monitoring group, said that five militia fighters were killed.",
            "Syrian Observatory for Human Rights",
        ),
        ("Syrian state news agency Sana reported that a child had died, AFP said.", "SANA"),
        (
            "US air strikes have killed at least one fighter in what US officials said was a response.",
            "unattributed",
        ),
        ("Five people were killed in the attack.", "unattributed"),
    ],
)
def test_attribution_through_the_reporting_verb(sentence, source):
    got = who(sentence)
    assert got and got[0][0] == source


def test_count_text_is_the_words_of_the_sentence():
    s = "The state news agency reported that a child was also killed and three other people were injured."
    got = [(f.text, s[f.start : f.end]) for f in figures(s)]
    assert got == [("a child",) * 2, ("three other people",) * 2]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the noun left out: one more
        (
            "A drone hit a car, killing two fighters and wounding another.",
            [("killed", 2, 2), ("wounded", 1, 1)],
        ),
        # "another" before a noun is no count of its own
        ("In another attack, two people were killed.", [("killed", 2, 2)]),
        # the companions add to the one killed
        (
            "A senior commander was killed along with two of his guards in the strike.",
            [("killed", 3, 3)],
        ),
        # "the injured" names a group already counted
        ("A navy ship rescued 21 crew members and gave medical aid to the injured.", []),
        (
            "The attack caused three fatalities and at least four injuries.",
            [("killed", 3, 3), ("wounded", 4, None)],
        ),
    ],
)
def test_counts_left_implicit_or_added(sentence, expected):
    assert [(f.kind, f.low, f.high) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # an apposition between the speaker and its verb
        (
            "An Iraqi security official, speaking on condition of anonymity because he was not "
            "authorized to brief reporters, said one fighter was killed.",
            "security sources",
        ),
        # a name inside the apposition does not speak
        (
            "Kataib Hezbollah, one of the factions in the Popular Mobilisation Forces (PMF), said in a "
            "statement that two of its fighters had been killed.",
            "Kataib Hezbollah",
        ),
        # a comment clause after the verb still ends the frame
        (
            "A strike killed seven paramedics overnight, the health ministry said Wednesday, in one of "
            "the deadliest single strikes since October.",
            "Health Ministry",
        ),
    ],
)
def test_attribution_past_appositions_and_comments(sentence, source):
    from incidents import actors, sources

    found = mentions(sentence)
    found += [
        m
        for m in sources.from_actors(sentence, actors.mentions(sentence))
        if m.canonical not in {f.canonical for f in found}
    ]
    assert {attribute(sentence, f.start, found).canonical for f in figures(sentence)} == {source}


def test_a_partitive_item_opens_a_list_after_the_verb():
    got = figures("A drone strike killed one of the group's senior commanders and an aide, officials said.")
    assert [(f.kind, f.low, f.high) for f in got] == [("killed", 2, 2)]


def test_a_merchant_crew_are_civilians():
    [f] = figures("The missile killed three crew members.")
    assert f.victims == "civilians"


def test_a_closing_frame_governs_the_appended_toll():
    sentence = (
        "Iran's Revolutionary Guards said they struck an espionage headquarters in Erbil late on Monday, "
        "killing four civilians, Kurdish officials said."
    )
    assert who(sentence) == [("Iraqi Kurdish officials", 4)]
    # with no closing frame the first speaker keeps it
    assert who("The army said militants attacked the post, killing two soldiers.") == [("army", 2)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a victim phrase before the speaker is no list of speakers
        (
            "Rockets were fired at the base on Monday night, killing two U.S. personnel, "
            "two U.S. officials said.",
            [("US officials", 2)],
        ),
        # "one-way" is no count: "killing them" are the five struck
        (
            "U.S. forces struck five militants preparing to launch a one-way attack drone near Kirkuk on "
            "Sunday, killing them, a U.S. official said.",
            [("US officials", 5)],
        ),
        ("Three U.S. service members were killed on Sunday, President Joe Biden said.", [("President", 3)]),
    ],
)
def test_speakers_after_victims_and_hyphenated_numbers(sentence, expected):
    from incidents import actors, sources

    found = mentions(sentence)
    found += [
        m
        for m in sources.from_actors(sentence, actors.mentions(sentence))
        if not any(f.start < m.end and m.start < f.end for f in found)
    ]
    assert [(attribute(sentence, f.start, found).canonical, f.low) for f in figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, kind, low, high",
    [
        ("Another 35 passengers remain badly injured.", "wounded", 35, 35),
        ("The rockets killed a total of four farmers.", "killed", 4, 4),
        ("Bandits killed another two herders on the road.", "killed", 2, 2),
    ],
)
def test_counts_after_another_and_a_total_of(sentence, kind, low, high):
    got = [(f.kind, f.low, f.high) for f in figures(sentence)]
    assert got == [(kind, low, high)]


def test_confirmed_dead_belongs_to_the_count_before_it():
    got = [
        (f.kind, f.low) for f in figures("Police said at least 12 miners were confirmed dead and 30 hurt.")
    ]
    assert got == [("killed", 12), ("wounded", 30)]


def test_an_age_is_no_count_but_another_number_is():
    assert [(f.kind, f.low) for f in figures("A 40-year-old driver was killed at the checkpoint.")] == [
        ("killed", 1)
    ]


def test_a_class_of_speaker_keeps_its_own_modifiers_and_its_kind():
    [m] = mentions("Nine people died in the fire, according to a senior health official in the province.")
    assert (m.canonical, m.source_type) == ("senior health official", "medical")
    [m] = mentions("Two guards were shot dead, according to local officials.")
    assert (m.canonical, m.source_type) == ("local officials", "government")


def test_a_closing_noun_phrase_after_the_frame_is_a_comment_not_a_new_statement():
    s = (
        "A car bomb killed 14 people at a bus depot on Monday, the regional governor said, "
        "the worst attack in months."
    )
    src = attribute(s, s.index("14"), mentions(s))
    assert src.canonical == "regional governor"


@pytest.mark.parametrize(
    "sentence, low",
    [
        ("Jihadists beheaded at least 12 villagers near the river, a priest said.", 12),
        ("Gunmen executed seven farm workers at dawn.", 7),
        ("Witness accounts put the death toll at 31.", 31),
        ('The toll climbed to "40 dead" by evening, the hospital said.', 40),
    ],
)
def test_ways_of_killing_and_tolls_put_at_a_figure(sentence, low):
    assert [f.low for f in figures(sentence) if f.kind == "killed"] == [low]


def test_a_comment_after_the_frame_opened_by_an_adverb_still_closes_it():
    s = "A shell killed six children at a school, regional officials said, also blaming the rebels."
    assert attribute(s, s.index("six"), mentions(s)).canonical == "regional officials"


def test_a_definite_count_refers_back_and_is_no_new_figure():
    got = [(f.kind, f.low) for f in figures("Besides the four dead, at least nine people were hurt.")]
    assert got == [("wounded", 9)]


def test_a_class_of_speaker_does_not_reach_back_over_a_preposition():
    names = [
        m.canonical
        for m in mentions("Raids have hit the militia in Libya since President Saied took office.")
    ]
    assert "President" in names and not any("since" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Raiders shot dead seven cattle herders at dawn.", [("killed", 7)]),
        ("Bandits stabbed dead two guards and wounded four.", [("killed", 2), ("wounded", 4)]),
        ("Seven herders were shot dead at dawn.", [("killed", 7)]),
    ],
)
def test_a_verb_of_killing_with_dead_takes_its_count_after_it(sentence, expected):
    assert [(f.kind, f.low) for f in figures(sentence)] == expected
