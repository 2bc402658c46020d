"""Who speaks and what counts, in shapes found on real pages that the reader used to get wrong: a
speaker introduced by a speech event before the figure, a bare name after an inverted "said", the
people a hospital took in, one body's account told by two of its voices. Every text is written
for the test; none is taken from an article."""

from __future__ import annotations

from datetime import date

from incidents.casualties import figures
from incidents.extract import extract
from incidents.model import Article, CasualtyClaim


def claims_of(text: str, **meta) -> list[CasualtyClaim]:
    article = Article("t", text, published=date(2022, 9, 14), **({"outlet": "Test"} | meta))
    return [c for r in extract(article) for c in r.claims if any(x is not None for x in c.figures())]


def counts(c: CasualtyClaim) -> tuple:
    return (c.killed_low, c.killed_high, c.wounded_low, c.wounded_high)


def test_a_speech_event_names_who_he_is_in_the_next_sentence():
    text = (
        "Bandits raid farm settlement\n\n"
        "Bandits raided a farm settlement near Gusau in Zamfara state on Tuesday. "
        "The district police superintendent addressed the press on Wednesday "
        "and later spoke to a radio station. "
        "Nine farmers died in the raid, he said."
    )
    [c] = claims_of(text)
    assert "police" in c.source and counts(c)[:2] == (9, 9)


def test_an_inverted_said_gives_the_words_to_a_bare_name():
    text = (
        "Ferry attacked on the lake\n\n"
        "Gunmen opened fire on a passenger ferry near Goma on Saturday. "
        "Eleven passengers were shot dead, said Jean-Paul Mbala."
    )
    [c] = claims_of(text)
    assert c.source == "Jean-Paul Mbala" and counts(c)[:2] == (11, 11)


def test_a_surname_with_a_particle_is_still_a_name():
    text = (
        "Shelling hits market\n\n"
        "Shells struck a vegetable market in Taiz on Monday. "
        "Six shoppers were killed, said Nabil al-Sharabi."
    )
    [c] = claims_of(text)
    assert c.source == "Nabil al-Sharabi"


def test_people_a_hospital_took_in_are_wounded():
    assert [
        (f.kind, f.low) for f in figures("Of the 64 patients treated at the clinic, nine were boys.")
    ] == [("wounded", 64)]
    assert [(f.kind, f.low) for f in figures("Twenty-two people were hospitalised after the explosion.")] == [
        ("wounded", 22)
    ]
    # "admitted" counts only with a hospital after it; never a count with "that"
    assert [(f.kind, f.low) for f in figures("Of the 17 admitted to the district hospital, two died.")][
        0
    ] == (
        "wounded",
        17,
    )
    assert figures("Three officers admitted that the report was late.") == []


def test_taken_in_and_then_died_is_not_one_sum():
    got = [(f.kind, f.low) for f in figures("Of the 17 admitted to the district hospital, two later died.")]
    assert ("killed", 19) not in got


def test_one_body_told_by_two_voices_is_one_claim():
    text = (
        "Strike on a city\n\n"
        "An air strike hit the city of Nyala in South Darfur on Friday. "
        "Doctors Without Borders said a clinic it runs in Nyala received 14 bodies. "
        "Of the 52 people treated there, 20 were children, "
        "said Hana Idris, a coordinator for Doctors Without Borders."
    )
    got = [(c.source, counts(c)) for c in claims_of(text)]
    assert got == [("Doctors Without Borders", (14, 14, 52, 52))]


def test_two_bodies_stay_two_claims():
    text = (
        "Strike on a city\n\n"
        "An air strike hit the city of Nyala in South Darfur on Friday. "
        "Doctors Without Borders said a clinic it runs in Nyala received 14 bodies. "
        "Some 52 people were wounded, the Red Cross said."
    )
    assert len(claims_of(text)) == 2
