"""The document-level event model (issue 7, events side): one rule each, in made-up wording.

No sentence here comes from a development article; each is an instance of a pattern
seen in real copy, written for the test.
"""

from __future__ import annotations

from datetime import date

import pytest

import geo
from incidents import cluster, dates, events
from incidents.ingest import article_from_text
from incidents.pipeline import extract_reports


def reports(text, published="2023-05-10"):
    return extract_reports(article_from_text(text, published=published))


# -- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "Mombasa, Mar 3: Bandits raided a cattle market on Wednesday, killing four herders.",
        "March 3, 2023 - Bandits raided a cattle market on Wednesday, killing four herders.",
        "Mombasa [Kenya], March 3: Bandits raided a cattle market on Wednesday, killing four herders.",
        "NAIROBI (Daily Wire / Agency - 3rd March, 2023) Bandits raided a cattle market on Wednesday, "
        "killing four herders.",
    ],
)
def test_a_date_opening_the_lead_is_the_filing_day_not_the_event_day(lead):
    found = dates.find_dates(lead, 0, date(2023, 3, 3))
    # the filing day is a saying's day, or (a full date heading the page) no date of the text at all
    assert found[0].kind == "statement" or found[0].reading.text.endswith("Wednesday")
    assert all(f.kind != "event" or f.reading.text.endswith("Wednesday") for f in found)
    [r] = reports(lead + " Police said the raiders fled into the forest near Garissa.", "2023-03-03")
    assert r.date.date_start == date(2023, 3, 1)  # the Wednesday, not the filing day


def test_a_date_the_event_verb_takes_beats_the_day_something_was_announced():
    text = (
        "On Tuesday March 7, the governor of the neighbouring province announced that the toll of the "
        "Garissa market massacre, which took place on March 1, had reached 40."
    )
    [r] = reports(text, "2023-03-09")
    assert r.date.date_start == date(2023, 3, 1)


def test_the_previous_day_is_counted_from_the_day_named_before_it_in_the_sentence():
    found = dates.find_dates(
        "Rescuers found 12 bodies on Monday, two days after clashes, and more the previous day.",
        0,
        date(2023, 5, 10),
    )
    assert [(f.kind, f.reading.date_start) for f in found][-1] == ("relative", date(2023, 5, 7))


def test_a_possessive_day_makes_the_event_phrase_definite():
    [m] = events.find_mentions("Officials said Saturday's ambush left the convoy burning.")
    assert m.determiner == "the"
    [m] = events.find_mentions("Residents described this week's brutal raid on the market.")
    assert m.determiner == "the"


def test_a_statement_day_gives_way_to_the_day_the_event_is_given_later():
    [r] = reports(
        "At least 30 people died in a drone strike on a wedding party in central Mali, officials said "
        "Tuesday. The ministry said Sunday's strike hit the village of Boni near Douentza.",
        "2023-05-10",
    )
    assert r.date.date_start == date(2023, 5, 7)  # Sunday, not Tuesday's statement
    assert r.place.country_code == "ML" and r.place.feature != "direction"


def test_a_statement_day_is_a_weaker_reading_than_the_event_day_in_an_incident():
    said = dates.find_dates("The army said on Monday that it repelled the attack.", 0, date(2023, 5, 10))[0]
    day = dates.find_dates("The attack on Sunday killed six.", 0, date(2023, 5, 10))[0]
    assert said.reading.weak > day.reading.weak
    start, end, precision, best = cluster.core_dates([_report_with(said.reading), _report_with(day.reading)])
    assert (start, end, precision, best) == (date(2023, 5, 7), date(2023, 5, 7), 1, date(2023, 5, 7))


def _report_with(reading):
    from incidents.model import Report

    return Report(article_id="a", index=0, sentence="", start=0, end=0, date=reading)


# -- places --------------------------------------------------------------------------------


def test_a_directional_region_has_no_sharp_edge():
    import geo

    region = geo.resolve("southern Algeria")
    town = geo.resolve("Adrar")  # just north of the region's drawn third
    assert cluster.places_compatible(town, region)


def test_a_town_inside_the_district_named_beside_it_is_the_more_specific_place():
    import geo

    district = geo.resolve("Kurram district")
    near_town = geo.resolve("near Parachinar")  # a wider radius, but inside the district
    assert cluster.better_place(near_town, district) and not cluster.better_place(district, near_town)
    assert cluster.most_specific([district, near_town, None]) is near_town
    # a sea holds no country: the country is not "inside" the gulf beside it
    gulf, country = geo.resolve("Gulf of Oman"), geo.resolve("Oman")
    assert cluster.most_specific([gulf, country]) is gulf


def test_an_event_compared_with_an_older_one_keeps_its_own_place():
    [r] = reports(
        "Gunmen opened fire on a bus in Balochistan on Monday, killing nine pilgrims, in what is the "
        "deadliest attack in the province since the Quetta strike in 2016.",
        "2023-05-09",
    )
    assert "Quetta" not in r.place.name and r.date.date_start == date(2023, 5, 8)


def test_a_town_named_with_its_owner_and_the_word_town_is_read_as_that_town():
    from incidents import places

    [p] = places.admin_refs("Gunmen shot two guards near Punjab's Okara town at dawn.", 0, [], [])
    assert p.place.name.startswith("near") and "Okara" in p.place.name and p.place.where_prec == 2


# -- undated reports -------------------------------------------------------------------------


def _unresolved(text, kind="event"):
    from incidents.model import DateReading

    return DateReading(text, 0, len(text), None, None, None, kind=kind)


def test_an_unresolved_day_still_names_its_weekday_and_its_day_of_the_year():
    from incidents import undated

    sunday = undated.partial(_unresolved("late on Sunday"))
    assert sunday.fits(date(2023, 5, 7)) and not sunday.fits(date(2023, 5, 8))
    ninth = undated.partial(_unresolved("at noon on 9 March"))
    assert ninth.fits(date(2021, 3, 9)) and not ninth.fits(date(2021, 3, 10))
    # the day something was said: the event that day or up to three days before
    said = undated.partial(_unresolved("Thursday", kind="statement"))
    assert said.fits(date(2023, 5, 9)) and said.fits(date(2023, 5, 11)) and not said.fits(date(2023, 5, 12))
    assert undated.agrees((sunday,), date(2023, 5, 8), date(2023, 5, 8)) is False
    assert undated.agrees((said,), date(2023, 5, 12), date(2023, 5, 12)) is None  # loose: no veto


def _art(text, published):
    return article_from_text(text, published=published)


@pytest.mark.parametrize("order", ["dated first", "undated first"])
def test_an_undated_report_joins_on_its_day_of_the_year(sqlite_store, order):
    dated = _art(
        "A suicide bomber struck a Shia mosque in Herat on Friday, killing at least 40 worshippers, "
        "officials said.",
        "2021-06-04",
    )
    undated = _art(
        "At noon on June 4, a blast tore through a packed mosque in Herat during prayers, killing dozens.",
        None,
    )
    sqlite_store.ingest([dated, undated] if order == "dated first" else [undated, dated])
    [row] = sqlite_store.incidents_frame().itertuples()
    assert row.event_date == "2021-06-04"


def test_an_undated_report_joins_on_place_kind_and_class_of_attacker(sqlite_store):
    dated = _art(
        "Settlers torched cars and homes in the village of Sinjil on Sunday, wounding 12 Palestinians, "
        "the Red Crescent said.",
        "2023-03-06",
    )
    undated = _art("Dozens of Israeli settlers set homes ablaze in the village of Sinjil overnight.", None)
    sqlite_store.ingest([dated, undated])
    assert len(sqlite_store.incidents_frame()) == 1


def test_forces_named_only_by_a_nationality_do_not_keep_apart_a_named_group_of_that_country(sqlite_store):
    dated = _art(
        "A Houthi missile struck a cargo ship off the port of Mokha on Tuesday, wounding two sailors, the US "
        "military said.",
        "2024-02-14",
    )
    undated = _art("Yemeni missiles struck a cargo ship off the port of Mokha on Tuesday.", None)
    sqlite_store.ingest([dated, undated])
    assert len(sqlite_store.incidents_frame()) == 1


def test_a_blast_and_a_suicide_bombing_are_one_kind_of_violence():
    from incidents.model import Report

    blast = Report("a", 0, "", 0, 0, sub_event_type="Remote explosive/landmine/IED")
    prof = cluster.profile([Report("b", 0, "", 0, 0, sub_event_type="Suicide bomb")])
    assert not cluster._other_kind(blast, prof)
    prof = cluster.profile([Report("b", 0, "", 0, 0, sub_event_type="Air/drone strike")])
    assert cluster._other_kind(blast, prof)


# -- background and concurrent events --------------------------------------------------------


def test_an_older_event_the_text_gives_no_day_makes_no_incident():
    reps = reports(
        "A car bomb killed 11 people at a checkpoint in Mogadishu on Monday, police said. Earlier, an "
        "explosion hit a market in Baidoa, killing three.",
        "2023-05-09",
    )
    assert [r.place.name for r in reps] == ["Mogadishu"]


def test_a_while_clause_shares_the_day_of_its_sentence():
    first, second = reports(
        "Jets struck a depot near Hama on Saturday, the monitor said, while rebels shelled an army post "
        "near Aleppo, killing two soldiers.",
        "2023-05-08",
    )
    assert first.date.date_start == second.date.date_start == date(2023, 5, 6)


@pytest.mark.parametrize(
    "sentence",
    [
        "A mob set shops and cars on fire in the market overnight, wounding 20 people.",
        "Gunmen went on a rampage through the village, killing six.",
        "Troops targeted a school sheltering families in the camp, killing nine.",
    ],
)
def test_violence_said_by_what_it_did_is_an_event(sentence):
    assert [m.key for m in events.find_mentions(sentence)][-1] == "attack"


def test_a_lede_whose_tail_lost_its_full_stop_is_not_a_heading():
    from incidents.text import is_heading

    assert not is_heading("CAIRO (Wire) - A bomb hit a bus in Giza on Friday, police said. 08.10.2021, Wire")
    assert is_heading("Bomb hits bus in Giza, killing four")


# -- actors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, name",
    [
        (
            "As word of the massacre spread, the Northern Liberation Front (NLF), an offshoot of an older "
            "rebel movement, claimed responsibility.",
            "Northern Liberation Front (NLF)",
        ),
        ("The Eastern Brigades has taken responsibility for the bombing in a video.", "Eastern Brigades"),
        ("Police said the ambush was carried out by the Kivu Defence Army.", "Kivu Defence Army"),
        ("The killings are attributed to the “Red Hand” gang, which controls the port.", "Red Hand"),
        ("Six traders died in a raid by suspected Lakeside Front militants.", "Lakeside Front"),
        ("Sahel Movement fighters stormed the army post at dawn.", "Sahel Movement"),
    ],
)
def test_a_frame_names_the_attacker_whether_or_not_the_list_knows_it(sentence, name):
    from incidents import perpetrators

    assert [n.name for n in perpetrators.attackers(sentence)] == [name]


@pytest.mark.parametrize(
    "sentence",
    [
        "No group claimed responsibility for the attack.",
        "Nobody has claimed the bombing yet.",
        "No-one has so far claimed the ambush.",
        "Neither faction has claimed responsibility.",
    ],
)
def test_nobody_claiming_names_no_attacker(sentence):
    from incidents import perpetrators

    assert perpetrators.attackers(sentence) == []


def test_a_claim_in_a_sentence_of_its_own_names_the_attacker_of_the_event_under_discussion():
    [r] = reports(
        "A car bomb killed nine people at a bus station in Gao on Monday, officials said. "
        "The Desert Vanguard claimed responsibility in a statement.",
        "2023-05-09",
    )
    assert r.actor1 == ["Desert Vanguard"]


def test_a_by_that_names_no_attacker_is_not_read_as_one():
    [r] = reports(
        "Gunmen of a gang led by a former police officer and backed by the United States, officials say, "
        "killed six farmers in Petit-Goave on Sunday.",
        "2023-05-09",
    )
    assert "US forces" not in r.actor1


@pytest.mark.parametrize(
    "count, context, want",
    [
        ("21 people", "A car bomb tore through a police academy in the capital.", ["Peru police"]),
        ("22 jawans", "Rebels ambushed a patrol in the forest.", ["Peru security forces"]),
        ("11 troops", "Militants attacked a checkpoint in the desert.", ["Peru armed forces"]),
        ("26 people, mostly tourists", "Gunmen opened fire in a meadow.", ["Civilians"]),
        ("20 people", "Explosions rocked the airport as a plane landed.", ["Civilians"]),
        ("3 militants", "Troops raided a hideout.", []),
    ],
)
def test_the_victims_name_the_target_when_no_group_is_named(count, context, want):
    from incidents import targets
    from incidents.model import CasualtyClaim

    claim = CasualtyClaim(killed_low=int(count.split()[0]), count_text=count)
    assert targets.victims([claim], [context], "Peru") == want


def test_an_incident_names_its_attacker_before_a_class_of_attacker(sqlite_store):
    sqlite_store.ingest(
        [
            _art("Militants opened fire on pilgrims near Katra on Sunday, killing nine.", "2023-05-08"),
            _art(
                "Gunmen opened fire on pilgrims near Katra on Sunday, killing nine. The Hill Front claimed "
                "responsibility.",
                "2023-05-08",
            ),
        ]
    )
    [row] = sqlite_store.incidents_frame().itertuples()
    assert row.actor1 == "Hill Front" and row.actor2 == "Civilians"


# -- more places ---------------------------------------------------------------------------


def test_a_transliterated_name_placed_by_a_locative_word_is_read_where_geo_read_nothing():
    from incidents import places

    text = "Rescuers pulled two bodies from a house on the outskirts of Deir al-Asafir late on Friday."
    [p] = places.translit_refs(text, 0, [], [])  # (as if geo had read nothing there)
    assert p.place.name.startswith("near") and p.place.country_code == "SY"


def test_a_waterway_named_after_a_town_is_not_the_town():
    import geo
    from incidents import places

    for text in ("Militants attacked guards at the Mosul dam.", "Drones hit a ship in the Kerch strait."):
        found = geo.find_places(text)
        assert found and places.candidates(found, 0, len(text), [], text) == []


def test_a_weeklys_undated_lead_joins_the_event_of_days_before(sqlite_store):
    daily = _art(
        "Militants attacked an army checkpoint in the town of Arish on Saturday, killing seven soldiers, "
        "the army said.",
        "2022-06-04",
    )
    weekly = _art(
        "At least seven soldiers were killed in a militant attack on a checkpoint in the town of Arish, "
        "the army said.",
        "2022-06-09",
    )
    sqlite_store.ingest([weekly, daily])
    [row] = sqlite_store.incidents_frame().itertuples()
    assert row.event_date == "2022-06-04"


def test_a_town_just_beyond_a_provinces_radius_can_still_lie_in_it():
    import geo

    province, town = geo.resolve("Helmand province"), geo.resolve("Musa Qala")
    assert cluster.places_compatible(town, province)


# -- more actors ---------------------------------------------------------------------------


def test_forces_counted_with_an_apposition_are_the_victims_not_the_attackers():
    [r] = reports(
        "At least nine soldiers, including a captain, were killed in a jihadist attack near Djibo on Monday.",
        "2023-05-09",
    )
    assert "state forces" not in r.actor1 and r.actor1 == ["Jihadists"]


# -- the day and the place of a deed about the event ---------------------------------------------


def test_an_officials_arrival_day_and_destination_do_not_date_or_place_the_ambush():
    text = (
        "Fears grew for the officers caught in a rebel ambush as the police chief arrived in the state "
        "capital on Tuesday and will proceed to the conflict zone of Jagdalpur. Police said 11 officers "
        "died in the gunfight with the rebels on Monday near Kanker."
    )
    [r] = reports(text, "2023-05-10")
    assert r.date.date_start == date(2023, 5, 8)  # the Monday of the gunfight, not Tuesday's arrival
    assert r.event_type == "Battles"
    assert "Jagdalpur" not in (r.location_as_reported or "")


@pytest.mark.parametrize("noun", ["gunfight", "gun-fight", "shootout", "exchange of fire"])
def test_a_gunfight_said_in_other_words_is_an_armed_clash(noun):
    [m] = events.find_mentions(f"Two soldiers died in the {noun} near the river.")
    assert m.typing[:2] == ("Battles", "Armed clash")


def test_the_hospital_town_of_the_wounded_is_not_the_place_of_the_attack():
    text = (
        "Eleven wounded villagers were receiving treatment at a hospital in Jagdalpur after gunmen "
        "attacked Kanker on Monday night, killing four."
    )
    places_read = [r.place.name for r in reports(text) if r.place is not None]
    assert places_read and all("Jagdalpur" not in p for p in places_read)


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("LAGOS (Wire) - Gunmen killed four traders north of the capital on Monday, police said.", "Abuja"),
        ("NAIROBI, Kenya - Bandits killed six herders in the country's north on Monday.", "Kenya"),
    ],
)
def test_the_dateline_says_which_country_the_capital_and_its_regions_are_of(text, where):
    [r] = reports(text)
    assert r.place is not None and where in r.place.name
    assert "Lagos" not in r.place.name and "Nairobi" not in r.place.name


@pytest.mark.parametrize(
    "text",
    [
        "Nairobi : Ethiopia's government has confirmed a drone strike on a market in the country's north.",
        "NAIROBI (Wire) - Ethiopian officials said a drone strike hit a market in the country's north.",
    ],
)
def test_the_country_a_text_speaks_of_is_the_last_named_not_the_datelines(text):
    """A filing place in a neighbouring capital (also set off by a spaced colon) is no incident place,
    and "the country" after a country named as a government or an actor's owner is that country."""
    [r] = reports(text)
    assert r.place is not None and r.place.country_code == "ET"


def test_a_place_opening_its_line_before_a_spaced_colon_is_the_dateline():
    from geo import find_places

    roles = {m.text: m.role for m in find_places("Peshawar : Gunmen shot dead two policemen in Mardan.")}
    assert roles == {"Peshawar": "dateline", "Mardan": "place"}
    assert {m.text: m.role for m in find_places("Gaza: what we know about the strike")} == {"Gaza": "place"}


# -- background: an earlier event the text measures this one from ---------------------------------


@pytest.mark.parametrize(
    "later",
    [
        "Last year, a similar bombing at the same bus park killed 40 people.",
        "The blast came days after an ambush on a convoy near Bama killed nine soldiers.",
        "It was the second attack in a week: an earlier raid on a mosque in Bama killed 15.",
    ],
)
def test_an_earlier_event_named_for_comparison_lends_no_figures_and_makes_no_incident(later):
    text = "A suicide bomber killed 12 people at a bus park in Maiduguri on Tuesday, police said. " + later
    [r] = reports(text)
    assert "Maiduguri" in r.place.name
    assert {c.killed_low for c in r.claims} == {12}


def test_last_year_is_a_year_not_an_events_day():
    [f] = dates.find_dates("Last year, gunmen stormed the same village.", 0, date(2023, 5, 10))
    assert f.kind == "year"
    assert (f.reading.date_start, f.reading.date_end) == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_town_of_a_neighbouring_country_is_no_misreading():
    text = (
        "Israeli jets struck Khan Younis on Tuesday, the military said, days after a rocket attack on "
        "Ashkelon wounded a man."
    )
    [r] = reports(text)
    assert r.place is not None and r.place.country_code == "PS"


@pytest.mark.parametrize("opener", ["Later on Tuesday,", "Earlier on Tuesday,"])
def test_a_sentence_opening_on_another_time_or_attack_reports_a_second_event(opener):
    text = (
        "An air strike on a house in Rafah killed 13 people on Tuesday, medics said. The raid flattened "
        f"the building. {opener} an air strike on a car in Khan Younis killed two men."
    )
    found = reports(text)
    assert len(found) == 2
    assert [{c.killed_low for c in r.claims} for r in found] == [{13}, {2}]


def test_the_city_after_a_dateline_is_the_dateline_city():
    [r] = reports("KISMAYO (Wire) - A car bomb exploded at a checkpoint in the city on Tuesday, killing 5.")
    assert r.place is not None and r.place.name == "Kismayo"


# -- what the lead says before it names the event ------------------------------------------------


def test_a_toll_and_a_place_stated_before_the_event_is_named_are_the_main_events():
    text = (
        "Kanker school attack\n\n"
        "By nightfall the number of dead had reached nine. These are the pupils killed at a school in Kanker "
        "last Friday. The raiders herded the pupils into a hall and opened fire, killing five at once."
    )
    [r] = reports(text)  # published Wednesday 10 May 2023
    assert {c.killed_low for c in r.claims} == {9, 5}
    assert r.place is not None and r.place.place_id == geo.resolve("Kanker").place_id
    assert r.date is not None and r.date.date_start == date(2023, 5, 5)


def test_a_wars_running_toll_before_the_event_is_not_the_events():
    text = (
        "The insurgency, which began in 2017, has killed more than 3,000 people. "
        "Gunmen opened fire on a bus in Kanker on Monday, killing six passengers."
    )
    [r] = reports(text)
    assert {c.killed_low for c in r.claims} == {6}


def test_the_sentence_naming_the_event_keeps_its_own_place_over_the_lead():
    text = (
        "Reporters in Nagpur counted twelve bodies on Sunday. "
        "The ambush took place near Kanker on Saturday, police said."
    )
    [r] = reports(text, "2023-05-08")
    assert r.place is not None and r.place.name == geo.resolve("near Kanker").name
    assert {c.killed_low for c in r.claims} == {12}


# -- a later sentence that refers back and says more precisely where ------------------------------


@pytest.mark.parametrize("pronoun", ["which", "that"])
def test_the_verb_of_a_relative_clause_goes_on_with_the_event_before_it(pronoun):
    sentence = f"Aid groups condemned the bombing on Monday by the air force near Foo, {pronoun} hit a fair."
    assert [m.text for m in events.find_mentions(sentence)] == ["bombing"]
    # two events said in two clauses stay two
    assert len(events.find_mentions("A drone struck a car near Foo, and a rocket hit a shop.")) == 2


@pytest.mark.parametrize(
    ("town", "district"),
    [("Ghazni", "Andar district"), ("Homs", "Qusayr district"), ("Kandahar", "Spin Boldak district")],
)
def test_a_district_of_the_province_a_bare_name_shares_with_its_town_refines_the_place(town, district):
    text = (
        f"Warplanes struck a wedding party in {town} on Tuesday, killing 14 guests, officials said. "
        f'"We deplore the air strike on Tuesday by government jets in {town}, which hit a crowded '
        f'gathering in {district}," an aid agency said in a statement.'
    )
    [r] = reports(text, "2023-05-10")
    assert r.place is not None and r.place.name == geo.resolve(district).name


def test_a_district_of_another_province_does_not_move_the_event():
    text = (
        "Warplanes struck a wedding party in Kandahar on Tuesday, killing 14 guests, officials said. "
        '"We deplore the air strike on Tuesday by government jets in Kandahar, which hit a crowded '
        'gathering in Qusayr district," an aid agency said in a statement.'
    )
    [r] = reports(text, "2023-05-10")
    assert r.place is not None and r.place.name == geo.resolve("Kandahar").name


def test_a_district_refines_only_the_province_whose_name_the_town_shares():
    ghazni, andar = geo.resolve("Ghazni"), geo.resolve("Andar district")
    assert cluster.district_of_namesake(andar, ghazni)
    assert cluster.better_in_account(andar, ghazni)
    assert not cluster.district_of_namesake(andar, geo.resolve("Kandahar"))  # another province's town
    assert not cluster.district_of_namesake(geo.resolve("Ghazni district"), ghazni)  # the town's own district
    # across articles a town a report names stays more precise than a district another names
    assert cluster.better_place(ghazni, andar)


# -- pages that give nothing to map ---------------------------------------------------------------


def test_an_undated_page_that_names_no_place_makes_no_incident():
    text = "Raiders shot dead six herders on 14 March 2021, a local chief said. The raiders escaped."
    assert extract_reports(article_from_text(text, published=None)) == []
    # a dated article's one dated event with figures is still kept, though geo placed nothing
    [r] = reports(text, "2021-03-15")
    assert {c.killed_low for c in r.claims} == {6}
