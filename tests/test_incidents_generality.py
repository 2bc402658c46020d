"""The general rules added in the held-out generality pass, one pattern each.

Every sentence here is a made-up instance of a pattern seen in real copy, not
a held-out article's words: the rules must hold for the pattern, not a string.
"""

from __future__ import annotations

from datetime import date

import pytest

from incidents import actors, casualties, dates, events, people, places, sources
from incidents.ingest import article_from_bytes, article_from_text
from incidents.pipeline import extract_reports


def figs(text):
    return [(f.kind, f.low, f.high) for f in casualties.figures(text)]


def reports(text, published="2023-05-10"):
    return extract_reports(article_from_text(text, published=published))


# -- casualties ---------------------------------------------------------------------------


def test_a_death_toll_figure_is_not_summed_into_the_next_list():
    got = figs("The death toll rose to 14, and 30 other people were injured, an official said.")
    assert ("killed", 14, 14) in got and ("wounded", 30, 30) in got


def test_bodies_recovered_are_dead():
    assert ("killed", 8, 8) in figs('"We have recovered eight bodies so far," the mayor said.')


def test_part_of_a_count_is_not_a_count():
    assert figs("Four of the wounded are in critical condition.") == []


@pytest.mark.parametrize(
    "text, zero",
    [
        ("Rockets hit the base but no casualties were reported.", True),
        ("There were no immediate reports of casualties.", False),
    ],
)
def test_no_casualties_is_zero_killed_and_zero_wounded(text, zero):
    assert (figs(text) == [("killed", 0, 0), ("wounded", 0, 0)]) is zero


# -- sources ------------------------------------------------------------------------------


def _source(text, at):
    return sources.attribute(text, text.index(at)).canonical


def test_whoever_is_told_is_not_the_speaker():
    assert _source('"Six were killed," Hassan told Reuters by phone.', "Six") != "Reuters"


def test_a_time_and_a_participle_after_the_verb_end_the_frame():
    text = "Shelling hit the camp, killing seven people, medics said on Monday, blaming the rebels."
    assert _source(text, "seven") == "medical sources"


def test_a_surname_speaks_with_the_role_it_was_introduced_with():
    text = 'Gunmen raided the market, said John Okafor, a police spokesman. "Nine died," Okafor told AFP.'
    known = people.people(text)
    assert known["Okafor"].canonical == "John Okafor, police spokesman"
    second = text[text.index('"Nine') :]
    found = people.named(second, known)
    assert sources.attribute(second, second.index("Nine"), found).canonical == "John Okafor, police spokesman"


def test_a_day_before_a_comma_is_not_a_person():
    assert "Friday" not in people.people("Six died on Friday, the civil defence agency said.")


# -- dates --------------------------------------------------------------------------------


def test_the_day_a_toll_rose_is_not_the_event_day():
    found = dates.find_dates("The toll from the blast rose to 30 on Sunday.", 0, date(2023, 5, 14))
    assert [f.kind for f in found] == ["toll"]


# -- events -------------------------------------------------------------------------------


def _keys(text, military=False):
    return [(m.key, m.determiner, m.background) for m in events.find_mentions(text, military)]


def test_the_bomber_struck_is_the_attack_not_an_aircraft():
    assert _keys("The bomber struck at a crowded market.") == [("attack", "the", False)]
    assert events.weapon_in("a suicide bomber") == ""


def test_fighting_between_two_sides_is_a_clash():
    assert _keys("Heavy fighting between rebels and the army killed dozens.")[0][0] == "clash"
    assert _keys("The group has been fighting to topple the government.") == []


def test_a_new_wave_is_news_not_background():
    assert _keys("Warplanes launched a new wave of air strikes.")[0][2] is False
    assert _keys("Dozens of people were killed in an air strike.")[0][2] is False


def test_the_strike_is_military_once_the_article_reported_one():
    text = "The strike on Monday hit a school."
    assert _keys(text) == [] and _keys(text, military=True)[0][:2] == ("strike", "the")


def test_a_demonstrative_before_a_time_word_is_not_a_determiner():
    assert _keys("Earlier this month, shelling of the camp killed six.")[0][1] == ""


def test_explosive_devices_and_bombs_that_went_off_are_ieds():
    assert _keys("The explosive device hit a bus.")[0][0] == "ied"
    assert _keys("A bomb exploded near the market.")[0][0] == "ied"


# -- actors and places ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, want",
    [
        ("Fighting between M23 rebels and the Congolese army intensified.", "M23", "attacker"),
        (
            "Fighting between M23 rebels and the Congolese army intensified.",
            "Democratic Republic of the Congo armed forces",
            "target",
        ),
        (
            "A drone hit the town, medics said, blaming the paramilitary RSF.",
            "Rapid Support Forces",
            "attacker",
        ),
        ("A roadside bomb killed four Taliban fighters.", "Taliban", "target"),
    ],
)
def test_actor_roles(text, name, want):
    a = next(a for a in actors.mentions(text) if a.canonical == name)
    assert actors.role(text, a, len(text)) == want


class _M:
    def __init__(self, text, before):
        self.text, self.start = text, len(before)


@pytest.mark.parametrize(
    "before, ok",
    [
        ("Militants shelled ", True),
        ("thousands were forced to flee towards ", False),
        ("the wounded were taken to hospital in ", False),
        ("speaking to our correspondent in ", False),
        ("the minister said in ", False),
    ],
)
def test_destinations_and_where_words_were_spoken_are_not_incident_places(before, ok):
    assert places.locative(before + "Goma", _M("Goma", before)) is ok


def test_victims_name_the_target_when_no_group_is_named():
    rs = reports(
        "BAMAKO (Reuters) - Gunmen attacked a village in central Mali on Sunday, killing 12 villagers."
    )
    assert rs and "civilians" in {c.victim_group for r in rs for c in r.claims}


# -- ingest --------------------------------------------------------------------------------


def test_an_html_page_states_its_own_metadata():
    page = (
        b'<html><head><meta property="article:published_time" content="2023-04-02T08:00:00Z">'
        b'<meta property="og:site_name" content="Daily Example">'
        b'<link rel="canonical" href="https://x.test/a">'
        b"</head><body><article><p>Shelling killed two people in Kherson on Saturday.</p></article>"
        b"</body></html>"
    )
    a = article_from_bytes("page.html", page)
    assert (a.published, a.outlet, a.url) == (date(2023, 4, 2), "Daily Example", "https://x.test/a")


def test_actor2_from_the_victims():
    from incidents.model import CasualtyClaim
    from incidents.summary import _victims

    soldiers = CasualtyClaim(
        source="army", killed_low=9, count_text="nine soldiers", victim_group="combatants"
    )
    people = CasualtyClaim(source="police", killed_low=5, count_text="five people")
    assert _victims([soldiers], [], "Burkina Faso") == ["Burkina Faso armed forces"]
    assert _victims([people], ["A bomber struck a crowded restaurant."], "Somalia") == ["Civilians"]
    # the thing attacked names the target before an unqualified count of "people"
    assert _victims([people], ["Militants attacked an army post."], "Mali") == ["Mali armed forces"]


@pytest.mark.parametrize(
    "text, want",
    [
        ("Five civilians, including two children, were killed.", ("killed", 5, 5)),
        ("Five people, two of them children, were killed.", ("killed", 5, 5)),
        ("The strike killed a woman and her two sons.", ("killed", 3, 3)),
        ("Gunmen killed 24 civilians, 24 fighters and 25 militiamen.", ("killed", 73, 73)),
        ("Militants killed nine soldiers, two security sources said.", ("killed", 9, 9)),
        ("The number of dead climbed to 41 on Friday.", ("killed", 41, 41)),
    ],
)
def test_parts_lists_and_tolls(text, want):
    assert figs(text)[0] == want


def test_days_ago_and_a_day_earlier():
    pub = date(2024, 3, 14)
    ago = dates.find_dates("Two days ago, a bomb exploded.", 0, pub)[0].reading
    assert (ago.date_start, ago.precision) == (date(2024, 3, 12), 1)
    few = dates.find_dates("A few days ago, a bomb exploded.", 0, pub)[0].reading
    assert few.precision == 2 and few.date_end < pub
    monday = dates.find_dates("on Monday", 0, pub)[0].reading
    before = dates.find_dates("A day earlier, a drone hit the town.", 0, pub, monday)[0].reading
    assert before.date_start == date(2024, 3, 10)


def test_no_injuries_and_no_deaths_are_zero():
    assert figs("Rockets hit Safed, with no injuries reported.") == [("wounded", 0, 0)]
    assert figs("There were no deaths, police said.") == [("killed", 0, 0)]


def test_state_forces_named_from_victims_match_the_curated_spelling():
    from incidents import lexicon

    names = {e.canonical for e in lexicon.actors().by_alias.values()}
    assert {"Burkina Faso armed forces", "Pakistan armed forces", "Nigeria armed forces"} <= names


def test_separately_starts_another_event():
    text = (
        "DAMASCUS (Reuters) - Air strikes hit a market in Idlib on Sunday, killing 10 civilians, "
        "rescuers said. "
        "Separately, drones hit a checkpoint in Idlib on Monday, killing two fighters, a monitor said."
    )
    assert len(reports(text, published="2024-05-07")) == 2


def test_an_agency_spoken_to_is_not_a_place():
    text = "Rocket shells hit the city of Aleppo, injuring three civilians, a police source told SANA."
    rs = reports(text, published=None)
    assert [r.place.country_code for r in rs] == ["SY"]


def test_a_long_toll_phrase_is_still_a_toll():
    text = (
        "The death toll from Sunday's air raids on a busy market in northwest Syria has risen to 15, "
        "a monitor said."
    )
    assert ("killed", 15, 15) in figs(text)


def test_abductions_are_violence_against_civilians():
    assert "abduction" in [k for k, _, _ in _keys("Gunmen abducted at least 50 students from a school.")]
    assert events.TYPES["abduction"][1] == "Abduction/forced disappearance"


def test_generic_state_forces_are_named_by_the_incidents_country():
    from incidents.summary import _states

    assert _states(["state forces"], "Egypt") == ["Egypt armed forces"]
    rs = reports(
        "CAIRO (Reuters) - Security forces killed 12 militants in a raid in North Sinai on Thursday."
    )
    assert rs and rs[0].actor1 == ["state forces"]


def test_the_city_and_the_capital_are_the_settlements_the_text_named():
    text = (
        "A drone hit a hospital in El Fasher. Shelling of a camp north of the city killed six people. "
        "Bombings in the capital are frequent. The city council met."
    )
    got = [(p.text, p.place.name) for p in places.settlement_refs(text, 0, places.find(text), [])]
    assert got == [("north of the city", "north of El Fasher"), ("in the capital", "Khartoum")]


def test_an_armed_group_killing_is_an_attack_without_an_event_word():
    assert _keys("Jihadists killed six farmers in Konduga on Saturday.")[0][0] == "attack"


def test_a_separate_attack_keeps_its_own_date_and_place():
    text = (
        "MAIDUGURI (Reuters) - Suicide bombers killed 18 people in Gwoza on Saturday, officials said. "
        "In a separate attack on Saturday, gunmen killed six farmers about 35 km south of Maiduguri, "
        "residents said."
    )
    rs = reports(text, published="2024-07-01")
    assert len(rs) == 2 and all(r.date is not None and r.date.known and r.place is not None for r in rs)


@pytest.mark.parametrize(
    ("members", "force"),
    [
        ("security personnel", "India security forces"),
        ("policemen", "India police"),
        ("soldiers", "India armed forces"),
    ],
)
def test_generic_state_forces_are_named_by_the_kind_of_force_their_members_are(members, force):
    from incidents.pipeline import preview

    text = (
        f"Rebels ambushed a convoy near Kanker on Saturday, killing nine {members}. "
        f"Four more {members} were wounded, officials said."
    )
    incidents, _ = preview([article_from_text(text, published="2023-05-08")])
    [row] = incidents.to_dict("records")
    assert row["actor2"] == force
