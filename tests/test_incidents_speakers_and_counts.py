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


def test_a_toll_only_the_headline_gives_is_read():
    text = (
        "CLIP: Seven dead as gunmen open fire on wedding party\n\n"
        "Gunmen opened fire on a wedding party in the village of Bakassi near Maiduguri on Saturday night."
    )
    [c] = claims_of(text)
    assert (c.source, counts(c)) == ("unattributed", (7, 7, None, None))


def test_a_deck_line_keeps_its_speaker():
    text = (
        "Wedding party attacked\n"
        "State police say 7 dead after gunmen open fire on guests\n\n"
        "Gunmen opened fire on a wedding party in the village of Bakassi near Maiduguri on Saturday night."
    )
    [c] = claims_of(text)
    assert "police" in c.source.lower() and counts(c)[:2] == (7, 7)


def test_the_body_s_own_figures_leave_the_headline_out():
    text = (
        "Seven dead as gunmen open fire on wedding party\n\n"
        "Gunmen opened fire on a wedding party in the village of Bakassi near Maiduguri on Saturday night, "
        "killing nine guests, police said."
    )
    assert [counts(c)[:2] for c in claims_of(text)] == [(9, 9)]


VILLAGE_RAID = (
    "Armed men raid a village in Mopti region\n\n"
    "Armed men raided the village of Ogossagou in the Mopti region of Mali on Thursday, "
    "killing 23 civilians and wounding 8."
)


def test_a_monitor_s_own_page_states_its_own_claim():
    [c] = claims_of(VILLAGE_RAID, outlet="Sahel Observatory for Civilian Protection")
    assert (c.source, c.source_type) == ("Sahel Observatory for Civilian Protection", "monitor")
    assert counts(c) == (23, 23, 8, 8)


def test_a_rights_group_known_by_its_address_only():
    [c] = claims_of(VILLAGE_RAID, outlet="", url="https://www.hrw.org/news/2022/09/14/raid")
    assert c.source == "Human Rights Watch"


def test_a_newsroom_s_own_voice_stays_unattributed():
    for outlet in ("Northern Courier", "Bamako Daily News", "Reuters"):
        [c] = claims_of(VILLAGE_RAID, outlet=outlet)
        assert c.source == "unattributed"


def test_a_named_rights_group_keeps_its_own_name():
    text = (
        "Armed men raid a village in Mopti region\n\n"
        "Armed men raided the village of Ogossagou in the Mopti region of Mali on Thursday, "
        "killing 23 civilians, Amnesty International said."
    )
    [c] = claims_of(text)
    assert c.source == "Amnesty International"


RAID = (
    "Raid on a farming village\n\n"
    "Islamic State fighters stormed the farming village of Tillia in Niger on Tuesday. "
)


def test_the_attackers_named_inside_a_witness_s_words_do_not_speak():
    [c] = claims_of(
        RAID + "Moussa Hamani, a farmer, said Islamic State fighters killed 17 villagers and wounded 4."
    )
    assert c.source.startswith("Moussa Hamani") and counts(c) == (17, 17, 4, 4)


def test_a_name_after_said_that_opens_a_clause_is_its_subject():
    [c] = claims_of(RAID + "Kin of the dead said Islamic State fighters had killed 17 villagers.")
    assert c.source_type == "local sources" and "Islamic State" not in c.source


def test_kin_speak_for_their_dead_and_the_group_for_itself():
    text = RAID + (
        "Islamic State said it killed 40 soldiers, while families of the dead said 17 villagers were killed."
    )
    got = {c.source: counts(c)[:2] for c in claims_of(text)}
    assert got == {"Islamic State": (40, 40), "families of the dead": (17, 17)}


def test_a_single_witness_is_a_speaker_beside_an_army_name():
    text = RAID + '"They killed 17 of our neighbours," said a witness near the army barracks.'
    [c] = claims_of(text)
    assert c.source_type == "local sources"


def test_a_witness_who_met_an_officer_still_speaks_for_himself():
    text = RAID + "A witness who spoke to an army officer at the scene said 17 villagers were killed."
    [c] = claims_of(text)
    assert c.source_type == "local sources"


def test_a_war_s_running_toll_is_no_figure_of_the_event():
    sentence = "Over 8,000 people have been killed since the insurgency began, the agency said."
    assert figures(sentence) == []
    assert figures("The civil war has killed at least 8,000 people, the agency says.") == []
    # the event's own figure beside it stays
    got = figures("The raid killed 11 herders, the agency said, adding that 8,000 have died in the conflict.")
    assert [(f.kind, f.low) for f in got] == [("killed", 11)]
    # a past event told in the simple past is no running toll
    assert [f.low for f in figures("Eleven herders were killed in the offensive on Sunday.")] == [11]


def test_one_named_victim_is_no_toll_where_the_article_counts_its_dead():
    text = (
        "Checkpoint bombing in Bannu\n\n"
        "A car bomb exploded at a checkpoint in Bannu on Thursday, killing seven people, police said. "
        "Sergeant Imran Wazir was killed in the blast, his family said."
    )
    got = [(c.source, counts(c)[:2]) for c in claims_of(text)]
    assert got == [("police", (7, 7))]


def test_one_named_victim_alone_is_the_toll():
    text = (
        "Checkpoint shooting in Bannu\n\n"
        "Gunmen opened fire at a checkpoint in Bannu on Thursday. "
        "Sergeant Imran Wazir was killed, police said."
    )
    assert [counts(c)[:2] for c in claims_of(text)] == [(1, 1)]


def test_a_speaker_s_name_holds_no_verb_before_its_head():
    text = (
        "Checkpoint bombing in Bannu\n\n"
        "A car bomb hit a police checkpoint in Bannu on Thursday. "
        "Seven people were killed in the blast, police said."
    )
    assert [c.source for c in claims_of(text)] == ["police"]


def test_a_quotation_in_single_marks_is_its_speaker_s():
    text = (
        "Ferry attacked on the lake\n\n"
        "Gunmen opened fire on a passenger ferry near Goma on Saturday. "
        "'Eleven passengers died on the deck. We could not reach them,' said Furaha Mwamba, a boat owner."
    )
    [c] = claims_of(text)
    assert c.source.startswith("Furaha Mwamba")


def test_an_apostrophe_opens_no_quotation():
    from incidents.doc import make_doc

    doc = make_doc(Article("t", "The soldiers' families and the group's fighters met in the '90s town hall."))
    assert doc.quotes == []
