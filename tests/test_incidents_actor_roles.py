"""Who did it and who was hit, and who says so: general rules, each in made-up wording.

No sentence here comes from a development or held-out article; each is an instance
of a class of wording real copy uses, written for the test.
"""

from __future__ import annotations

from incidents import perpetrators, summary
from incidents.ingest import article_from_text
from incidents.model import Incident
from incidents.pipeline import extract_reports


def row(text: str, published: str = "2023-05-10") -> dict:
    reports = extract_reports(article_from_text(text, published=published))
    return summary.incident_row(Incident("inc-test", reports))


def named(sentence: str) -> list[str]:
    return [n.name for n in perpetrators.attackers(sentence)]


# -- a place is never the attacker --------------------------------------------------------------


def test_the_on_of_an_attack_launched_names_what_was_hit_not_who_did_it():
    for s in (
        "The rebels launched an assault on Tarnow, killing nine.",
        "Troops carried out raids on Mirpur before dawn.",
        "The air force staged strikes on Dalbandin overnight.",
    ):
        assert perpetrators.attackers(s) == [], s
    # the frames that name an agent keep it
    assert named("Officials blamed the ambush on Boko Haram.") == ["Boko Haram"]
    assert named("The blast was attributed to Ansar Dine.") == ["Ansar Dine"]
    assert named("The raid was carried out by the Northern Front.") == ["Northern Front"]


def test_a_village_a_frame_names_as_the_culprit_stays_a_place():
    r = row(
        "Gunmen shot dead 14 farmers in Kaduna, Nigeria, on Sunday. "
        "Villagers blamed the massacre on Zaria, a town to the north."
    )
    assert "Zaria" not in r["actor1"]


# -- who says so --------------------------------------------------------------------------------


def claims(text: str, published: str = "2023-05-10"):
    return [c for r in extract_reports(article_from_text(text, published=published)) for c in r.claims]


def test_a_titled_name_after_a_closing_quotation_speaks_with_its_title():
    text = (
        "A car bomb went off outside a court in Peshawar, Pakistan, on Tuesday. "
        '"Nineteen are confirmed dead," said the district anti-narcotics commander Farid Baig.'
    )
    [c] = [c for c in claims(text) if c.killed_low is not None]
    assert (c.killed_low, c.source, c.source_type) == (
        19,
        "district anti-narcotics commander Farid Baig",
        "government",
    )


def test_a_listed_title_before_an_introduced_name_is_that_persons_title():
    text = (
        "Gunmen attacked a bus in Zhob, Pakistan, on Monday. "
        '"We have counted eleven bodies," said the regional police chief Tariq Nawaz.'
    )
    [c] = [c for c in claims(text) if c.killed_low is not None]
    assert c.source == "regional police chief Tariq Nawaz"


# -- whom the attacker says it hit is its claim ------------------------------------------------------


def test_the_attackers_claim_of_whom_it_hit_yields_to_who_the_text_counts():
    r = row(
        "Armed men attacked the village of Gusau in Zamfara, Nigeria, on Sunday. The bandit gang said "
        "in a statement that it attacked the army and the vigilantes working with it. "
        "Farmers said 27 villagers died."
    )
    assert r["actor2"] == "Civilians"


def test_a_claimed_kill_of_a_militia_is_the_claimants_while_kin_count_civilians():
    r = row(
        "Al-Shabaab fighters stormed the town of Bulo Burde in Hiran, Somalia, on Friday. The militants "
        "claimed they attacked the army and a clan militia allied to it. Families of the dead said "
        "22 herders had been killed."
    )
    assert r["actor2"] == "Civilians"


def test_the_claimed_target_stands_where_nobody_is_counted():
    r = row("Hezbollah said on Tuesday that it shelled Israeli troops near Metula in Israel with rockets.")
    assert r["actor2"] == "Israeli forces"


def test_a_subject_past_a_relative_clause_in_commas_still_tells():
    text = (
        "A suicide bomber struck a wedding hall in Herat, Afghanistan, on Saturday. Nurses at the "
        "provincial clinic, where most victims were carried, told a news agency that 31 people had died."
    )
    [c] = [c for c in claims(text) if c.killed_low is not None]
    assert (c.killed_low, c.source_type) == (31, "medical")
    assert "clinic" in c.source
