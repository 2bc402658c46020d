"""Reported speech and counts on the shapes real pages take: tolls by other nouns, the dead named,
ages that are no counts, a role speaking for its organisation, quotations that go on, a page cut
mid-sentence, broken encodings. Every text here is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from incidents import people, sources, speech
from incidents.casualties import figures
from incidents.extract import extract
from incidents.model import Article, CasualtyClaim
from incidents.text import normalise, sentences


def claims_of(text: str) -> list[CasualtyClaim]:
    return [
        c for r in extract(Article("t", text, published=date(2023, 5, 10), outlet="Test")) for c in r.claims
    ]


def read(sentence: str) -> list[tuple]:
    return [(f.kind, f.low, f.high) for f in figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a toll by other nouns
        (
            "The tally of victims from the raid on the hamlet has climbed to at least 41.",
            [("killed", 41, None)],
        ),
        ("First counts put the number of the dead at 12.", [("killed", 12, 12)]),
        ("One agency put the number at 33.", [("killed", 33, 33)]),
        (
            "Medics found eight more bodies, raising to 30 the number of villagers killed.",
            [("killed", 30, 30)],
        ),
        # a ceiling only
        ("Some accounts said the toll was as high as 60.", [("killed", None, 60)]),
    ],
)
def test_a_toll_named_by_other_nouns(sentence, expected):
    assert read(sentence)[-1:] == expected


def test_a_replaced_first_estimate_is_marked_earlier():
    [f] = figures("A preliminary tally put the number of dead at 9.")
    assert (f.low, f.stage) == (9, -1)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Police said Daniel Okoro, 31, was shot dead at the gate.", [("killed", 1, 1)]),
        (
            "The ministry announced the death of Amira Salem Haddad (19 years old) on Monday.",
            [("killed", 1, 1)],
        ),
        ("Militia commander Tariq Mansour was killed in the raid.", [("killed", 1, 1)]),
        # a place or a group is no person
        ("The Northern Alliance was defeated in the valley.", []),
        ("The ministry mourned the death of a nurse.", [("killed", 1, 1)]),
    ],
)
def test_the_dead_named_are_counted(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The clinic took in 17 bodies of children younger than 12, and 35 wounded.",
            [("killed", 17, 17), ("wounded", 35, 35)],
        ),
        (
            "At least 30 cadets between 18 and 21 years old died, together with two instructors.",
            [("killed", 32, None)],
        ),
        ("Nine children aged 4 to 8 were hurt.", [("wounded", 9, 9)]),
        ("Many of the wounded were under the age of twelve.", []),
        ("A 9-year-old girl was injured.", [("wounded", 1, 1)]),
    ],
)
def test_ages_are_no_counts(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a long list after "including" is part of the count before it
        (
            "At least 18 people, mostly pilgrims including two Germans, one Dutch woman and a local guide, "
            "were killed and 9 others hurt.",
            [("killed", 18, None), ("wounded", 9, 9)],
        ),
        # a dash opens an aside: the count stands before the participle
        (
            "Six guards were killed and 14 others injured-three critically-in the assault.",
            [("killed", 6, 6), ("wounded", 14, 14)],
        ),
        # a death as "demise"
        ("The fire led to the demise of 11 residents.", [("killed", 11, 11)]),
    ],
)
def test_counts_by_phrase_structure(sentence, expected):
    assert read(sentence) == expected


def _speaker(sentence: str) -> sources.SourceMention:
    found = speech.mentions(sentence, [], [], people.people(sentence))
    return sources.attribute(sentence, sentence.index("killed") - 12, found)


@pytest.mark.parametrize(
    ("sentence", "canonical"),
    [
        # a role at a listed organisation speaks for it
        (
            "A nurse at the Doctors Without Borders (MSF) clinic in the town told reporters 14 were killed.",
            "Doctors Without Borders",
        ),
        # a spokesman for a body is the body
        ("Overnight 14 people were killed, a spokesman for the ministry said.", "ministry"),
        # a verb is no part of the speaker's words
        ("Overnight 14 people were killed, wrote the spokesman.", "spokesman"),
        # the speaker named after the verb, with his role
        (
            "Overnight 14 people were killed, said Omar Haddad, spokesman of the regional civil defence.",
            "Omar Haddad, spokesman of the regional civil defence",
        ),
        # "some reports" names nobody
        ("Some reports said that 14 people were killed.", "reports"),
    ],
)
def test_who_speaks_by_the_structure_of_the_frame(sentence, canonical):
    assert _speaker(sentence).canonical == canonical


def test_a_counting_subject_gives_the_count_unless_someone_reports_it():
    text = "Rescuers recovered the bodies of nine miners, bringing the toll to 14."
    assert _speaker_at(text, "14").canonical == "Rescuers"
    text = "The Red Cross said a clinic it runs received 21 bodies from the market."
    assert _speaker_at(text, "21").canonical == "Red Cross"


def _speaker_at(sentence: str, word: str) -> sources.SourceMention:
    found = speech.mentions(sentence, [], [], people.people(sentence))
    return sources.attribute(sentence, sentence.index(word), found)


def test_a_name_never_spans_a_sentence_end():
    text = "The camp lies near Chad. Musa Danjuma, head of the district health office, said 5 died."
    got = people.people(text)["Danjuma"]
    assert got.canonical == "Musa Danjuma, head of the district health office"
    text = "Shells hit the market on Friday. District police chief Omar Bello said 4 died."
    assert people.people(text)["Bello"].canonical == "District police chief Omar Bello"


def test_an_indefinite_medical_speaker_is_not_a_later_named_rescuer():
    text = (
        "A bomb hit a bus depot in Kano on Monday, killing 11 and wounding 25, a health official said.\n"
        '"Eleven bodies were recovered," said Musa Bello, a spokesman for the fire service.'
    )
    [c] = [c for c in claims_of(text) if c.wounded_low == 25]
    assert c.source == "health official"


def test_one_source_under_two_wordings_and_the_articles_own_halves_are_one_claim():
    text = (
        "Gunmen attacked Dorra on Monday, killing at least 30 people, the UN rights office said.\n"
        "The Office of the High Commissioner for Human Rights said at least 12 others were wounded.\n"
    )
    got = [c for c in claims_of(text) if c.killed_low == 30]
    assert got and got[0].wounded_low == 12 and got[0].source == "United Nations"
    text = (
        "Gunmen opened fire on a bus in the town of Dorra on Monday, killing 14 passengers.\n"
        "At least 9 others were injured in the attack.\n"
    )
    got = [c for c in claims_of(text) if c.killed_low == 14]
    assert got and got[0].wounded_low == 9 and got[0].source == "unattributed"


def test_a_quotation_goes_on_with_its_speaker():
    text = (
        "Militants stormed a hotel in Garissa on Monday.\n"
        '"Nine guests have been killed," a senior police officer at the scene told the paper. '
        '"Fifteen are injured."\n'
    )
    got = [c for c in claims_of(text) if c.killed_low == 9]
    assert got and got[0].wounded_low == 15 and "police officer" in got[0].source


def test_a_page_cut_mid_sentence_still_says_what_it_says():
    text = (
        "Title of the story\n\nA bomb hit the market on Monday.\n"
        "The agency reported that four traders were killed when the roof of the"
    )
    assert sentences(text)[-1].text.startswith("The agency reported")
    # a short title at the end is still no sentence
    assert sentences("A bomb hit the market on Monday.\nMore on this story")[-1].text.startswith("A bomb")


def test_windows_quotes_read_as_mac_roman_are_repaired():
    broken = "\u00ecNine were killed,\u00ee the mayor said. The town\u00eds people wept."
    assert normalise(broken) == '"Nine were killed," the mayor said. The town\'s people wept.'
    # one accented word alone is left as it is
    assert normalise("The caf\u00e9 in Pa\u00eds reopened.") == "The caf\u00e9 in Pa\u00eds reopened."


@pytest.mark.parametrize(
    ("text", "kind", "want"),
    [
        # a reduced relative clause puts the force on the receiving end
        ("The toll of the troops trapped in the rebel ambush rose on Monday.", "state forces", "target"),
        ("Fear grew for the soldiers caught in the crossfire near the dam.", "state forces", "target"),
    ],
)
def test_a_force_caught_in_the_event_is_its_target(text, kind, want):
    from incidents import actors

    a = next(a for a in actors.mentions(text) if a.canonical == kind)
    assert actors.role(text, a, len(text)) == want


def test_an_ambush_named_by_its_authors_class_has_them_as_attacker():
    text = (
        "Villagers found the bodies on Sunday. The toll of the police officers trapped in a Maoist ambush "
        "near the town of Karpur on Saturday rose to nine, officials said."
    )
    reports = extract(Article("t", text, published=date(2023, 5, 10), outlet="Test"))
    assert reports and reports[0].actor1 == ["Maoists"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the dead named after the verb, one each
        ("The raid killed Yusuf Adamu and Bello Sani.", [("killed", 2, 2)]),
        ("Gunmen killed Rev. Paul Eze, Mary Obi and John Okafor near the church.", [("killed", 3, 3)]),
        ("A drone strike a year ago killed Ismail Darwish.", [("killed", 1, 1)]),
        # a group named after the verb is no person
        ("The raid killed Islamic State fighters.", []),
        # a list whose items belong to groups
        ("Three members of the council and two of their guards were killed.", [("killed", 5, 5)]),
        # a hedge before the number, not a single person
        ("An estimated 60 people died in the flood of fire.", [("killed", 60, 60)]),
        ("A 25-year-old nurse was killed.", [("killed", 1, 1)]),
        # lives taken are a count; lives risked are not
        ("The bombing claimed 19 lives.", [("killed", 19, 19)]),
        ("Rescuers risked their lives to save 12 children.", []),
    ],
)
def test_more_counts_by_phrase_structure(sentence, expected):
    assert read(sentence) == expected


def test_lives_lost_make_a_sentence_with_a_figure():
    text = "A bomb hit a bus station in Maiduguri on Monday. The governor said 17 had lost their lives."
    assert [(c.source, c.killed_low) for c in claims_of(text)] == [("governor", 17)]


def test_one_speaker_capitalised_or_not_is_one_claim():
    text = (
        "A bomb hit a bus station in Maiduguri on Monday. Police said 17 people were killed. "
        "The police added that 40 were injured."
    )
    assert [(c.killed_low, c.wounded_low) for c in claims_of(text)] == [(17, 40)]


@pytest.mark.parametrize(
    ("text", "source", "figures"),
    [
        # the body that issued a statement is "it" in the quotation that follows
        (
            'A mortar hit a school in Goma on Monday.\nThe provincial police issued a statement.\n'
            '"Six pupils were killed," it said.',
            "provincial police",
            (6, None),
        ),
        # "the group" is the organisation named before
        (
            "A mortar hit a school in Goma on Monday.\nThe Red Cross said six pupils were killed. "
            "The group said 20 others were hurt.",
            "Red Cross",
            (6, 20),
        ),
        # a statement named by the kind of its author
        (
            "A mortar hit a school in Goma on Monday.\n"
            "According to the Congolese army, six pupils were killed. "
            "The military statement added that 20 were hurt.",
            "Congolese army",
            (6, 20),
        ),
        # a credit glued to the speaker
        (
            "A mortar hit a school in Goma on Monday.\nReutersThe governor said six pupils were killed.",
            "governor",
            (6, None),
        ),
    ],
)
def test_speakers_across_sentences(text, source, figures):
    got = [(c.source, (c.killed_low, c.wounded_low)) for c in claims_of(text) if c.killed_low]
    assert got == [(source, figures)]


def test_an_armed_group_speaks_as_an_armed_group():
    text = "Gunmen raided the village of Kumbo on Friday. The separatists said 35 civilians were killed."
    assert [(c.source_type, c.killed_low) for c in claims_of(text)] == [("armed group", 35)]


def test_an_update_by_the_same_speaker_however_capitalised_supersedes_and_a_toll_sentence_is_read():
    from incidents.model import Incident
    from incidents.summary import incident_claims

    text = (
        "A bomb hit a bus station in Kano on Monday. Police said 12 people were killed. "
        "Later, police said the toll had climbed to 20."
    )
    reports = extract(Article("t", text, published=date(2023, 5, 10), outlet="Test"))
    rows = {c.killed_low: c.superseded for _, _, c in incident_claims(Incident("i", reports=reports))}
    assert rows == {12: True, 20: False}
    text = "A bomb hit a bus depot in Kano on Monday, killing 12. The toll later rose to 20, officials said."
    assert [(c.source, c.killed_low) for c in claims_of(text) if c.killed_low == 20] == [("officials", 20)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a frame that opens its account goes on into the next sentence
        (
            "The provincial governor said on Monday that bandits raided a mining camp near Zamfara. "
            "Fourteen miners were killed.",
            "provincial governor",
        ),
        # a statement introduced in the sentence before, whose words say nothing of the toll
        (
            "Bandits raided a mining camp near Zamfara on Monday. In a statement, the provincial governor "
            "said the raiders escaped. Fourteen miners were killed.",
            "provincial governor",
        ),
        # "according to the statement": the statement the last speaker made
        (
            "Bandits raided a mining camp near Zamfara on Monday, the provincial governor said. "
            "According to the statement, fourteen miners were killed.",
            "provincial governor",
        ),
        # a frame that closes its own sentence ("..., X said.") leaves the next in the article's voice
        (
            "Bandits raided a mining camp near Zamfara on Monday, the provincial governor said. "
            "Fourteen miners were killed.",
            "unattributed",
        ),
        # and the account stops at the sentence after the frame
        (
            "The provincial governor said on Monday that bandits raided a mining camp near Zamfara. "
            "The raiders came on motorbikes. Fourteen miners were killed.",
            "unattributed",
        ),
    ],
)
def test_a_figure_right_after_an_opened_account_is_that_speakers(text, source):
    [c] = [c for c in claims_of(text) if c.killed_low == 14]
    assert c.source == source


def test_a_reporting_verb_before_a_word_that_begins_with_attack_is_a_frame():
    text = "The police said the attackers fled."
    assert [f.source.canonical for f in sources.frames(text, sources.mentions(text))] == ["police"]
