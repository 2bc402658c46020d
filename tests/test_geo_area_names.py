"""Admin-1 areas by the names GeoNames' towns give them, compass-named areas, "the X region", city/area
homonyms, and spellings the recogniser tries where the sentence locates a name.

Every sentence and phrase here is written for the test, in wording of our own (none is taken from an
article of the development sets): each rule is general and checked on names other than the ones that
showed the need.
"""
from __future__ import annotations

import pytest

import geo
from geo.admin1 import compass_key, is_compass
from geo.candidates import haversine_km
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture


def _places(text: str):
    return [m for m in geo.find_places(text) if m.place is not None and m.role == "place"]


def _only_place(text: str):
    found = _places(text)
    assert len(found) == 1, [(m.text, m.place.name) for m in found]
    return found[0]


# -- compass keys: one key however a compass name is written ----------------------------------------------
@pytest.mark.parametrize("written, key", [
    ("north eastern", "north east"), ("northeastern province", "north east"), ("nord est", "north east"),
    ("centre nord", "centre north"), ("central north region", "centre north"), ("extreme nord", "far north"),
    ("eastern province", "east"), ("the upper east region", "upper east"), ("sud ouest", "south west"),
    ("tillaberi region", "tillaberi"), ("west kordofan state", "west kordofan"),
])
def test_a_compass_name_has_one_key(written, key):
    assert compass_key(written) == key


def test_only_compass_words_make_a_compass_name():
    assert is_compass("upper east region") and is_compass("centre nord")
    assert not is_compass("north kivu") and not is_compass("tillaberi region")


# -- 1. compass-named admin-1 areas ------------------------------------------------------------------------
@pytest.mark.parametrize("phrase, cc", [
    ("the Eastern Province of Zambia", "ZM"),
    ("Sierra Leone's Northern Province", "SL"),
    ("Ghana's Upper East region", "GH"),
    ("the Centre-North region of Burkina Faso", "BF"),
    ("the Centre-East region in Burkina Faso", "BF"),
    ("the Nord-Est department, Haiti", "HT"),
    ("Rwanda's restive Western Province", "RW"),
])
def test_a_compass_area_of_the_country_named(phrase, cc, gazetteer):
    """Where the country has an admin-1 area of that compass name, the phrase is that area (UCDP 4)."""
    place = geo.resolve(phrase)
    assert place is not None and (place.country_code, place.feature) == (cc, "admin1"), place
    assert (place.geo_precision, place.where_prec) == (3, 4)


def test_a_compass_area_in_the_text_country(gazetteer):
    """No country in the phrase: the one the text names."""
    place = geo.resolve("the Centre-East region", context=["BF"])
    assert place is not None and (place.country_code, place.feature) == ("BF", "admin1")
    zambian = geo.resolve("the Central Province", context=["ZM"])
    ugandan = geo.resolve("the Central Region", context=["UG"])
    assert zambian.country_code == "ZM" and ugandan.country_code == "UG"
    assert haversine_km(zambian.lat, zambian.lon, ugandan.lat, ugandan.lon) > 1000


def test_a_compass_name_shared_by_many_countries_needs_one(gazetteer):
    assert geo.resolve("the Eastern Province") is None  # a dozen countries have one


def test_a_country_without_the_area_gets_its_directional_region(gazetteer):
    """"the North-Eastern region of X" where X has no such area: the north-east of X (UCDP 5)."""
    place = geo.resolve("the North-Eastern region of Mali")
    assert place is not None
    assert (place.country_code, place.feature, place.where_prec) == ("ML", "direction", 5)


@pytest.mark.parametrize("phrase", ["northeast Zambia", "north-eastern Mali", "eastern Sierra Leone"])
def test_a_direction_before_a_country_stays_a_direction(phrase, gazetteer):
    place = geo.resolve(phrase)
    assert place is not None and place.feature == "direction" and place.where_prec == 5


def test_a_province_named_after_the_compass_word_keeps_its_name(gazetteer):
    """"the eastern province of Deir ez-Zor" names Deir ez-Zor, not the country's east."""
    place = geo.resolve("Syria's eastern province of Deir ez-Zor")
    assert place is not None and place.feature == "admin1" and "Deir" in place.name


@pytest.mark.parametrize("text, cc", [
    ("Rebels ambushed a convoy in Zambia's Eastern Province on Tuesday.", "ZM"),
    ("Floods cut roads in the Upper East region, a ministry in Ghana said.", "GH"),
    ("Raiders burned granaries in the Centre-North region of Burkina Faso.", "BF"),
    ("Measles cases rose in the North East, health officials in Ghana said.", "GH"),
])
def test_running_text_finds_the_compass_area(text, cc, gazetteer):
    found = [m for m in _places(text) if m.place.feature == "admin1"]
    assert len(found) == 1 and found[0].place.country_code == cc, [(m.text, m.place) for m in _places(text)]


@pytest.mark.parametrize("text", [
    "The West imposed new sanctions on Monday.",
    "Engineers at the Southwest Research Institute said the probe was ready.",
    "A fire gutted a shop on South State Street overnight.",
    "Ministers from East Asian states met in Jakarta.",
])
def test_compass_words_in_other_names_are_no_area(text, gazetteer):
    assert not [m for m in _places(text) if m.place.feature in ("admin1", "direction")]


# -- 2. "the region of X" / "the X region" --------------------------------------------------------------
@pytest.mark.parametrize("phrase, cc", [
    ("the region of Tillaberi", "NE"), ("the Tillaberi region", "NE"), ("the Mopti region", "ML"),
    ("the Timbuktu region", "ML"),  # GeoNames names the area in French: its town's English name finds it
])
def test_the_region_named_after_a_town_is_its_admin1_area(phrase, cc, gazetteer):
    place = geo.resolve(phrase)
    assert place is not None and (place.country_code, place.feature, place.where_prec) == (cc, "admin1", 4)


def test_the_region_of_a_town_with_no_such_area_is_the_land_around_it(gazetteer):
    town = geo.resolve("Djibo")
    for phrase in ("the Djibo region", "the region of Djibo"):
        place = geo.resolve(phrase)
        assert place is not None and (place.geo_precision, place.where_prec) == (2, 2), place
        assert place.uncertainty_km > town.uncertainty_km and "near" not in place.method
        assert haversine_km(place.lat, place.lon, town.lat, town.lon) < 1


def test_the_region_around_a_town_stays_near_it(gazetteer):
    place = geo.resolve("the region around Djibo")
    assert place is not None and place.geo_precision == 2 and place.method.startswith("near")


def test_running_text_reads_a_small_town_region_as_the_area(gazetteer):
    m = _only_place("Soldiers patrolled the Menaka region after the raid.")
    assert (m.place.country_code, m.place.feature) == ("ML", "admin1")


def test_a_state_named_only_by_towns_is_found_with_its_noun(gazetteer):
    """Nigeria's states have no airport-named area for every one: GeoNames' town data names them all."""
    place = geo.resolve("Gombe State")
    assert place is not None and (place.country_code, place.feature) == ("NG", "admin1")
    m = _only_place("Police in Gombe State said six people were held.")
    assert m.place.feature == "admin1" and m.text == "Gombe State"


@pytest.mark.parametrize("text, cc", [
    ("Herders and farmers clashed again in Plateau State.", "NG"),   # "Plateau" alone is a word, a town
    ("A pipeline leaked in Rivers state last week.", "NG"),          # the head noun in lower case
    ("Storms hit the Free State and the Eastern Cape.", "ZA"),
])
def test_an_area_known_only_with_its_head_noun_is_found_in_text(text, cc, gazetteer):
    areas = [m for m in _places(text) if m.place.feature == "admin1"]
    assert areas and areas[0].place.country_code == cc, [(m.text, m.place) for m in _places(text)]


def test_a_head_noun_inside_a_longer_name_is_no_area(gazetteer):
    assert not _places("Students at Rivers State University marched.")


# -- 3. a state and its capital of one name -----------------------------------------------------------------
@pytest.mark.parametrize("text, feature", [
    ("A bomb went off at a market in Katsina.", "city"),                  # locative: the city
    ("Gunmen raided three villages in Katsina on Sunday.", "admin1"),    # villages lie in the state
    ("The governor of Kaduna imposed a curfew.", "admin1"),
    ("Police found four bodies in Durango, Mexico.", "city"),            # the state's reading is likelier
    ("Cartels fight over towns in Durango.", "admin1"),
])
def test_the_words_around_a_city_state_name_choose(text, feature, gazetteer):
    found = [m for m in _places(text) if m.place.feature != "country"]
    assert len(found) == 1 and found[0].place.feature == feature, [m.place for m in found]


@pytest.mark.parametrize("phrase, feature", [
    ("Kaduna State", "admin1"), ("the state of Kaduna", "admin1"), ("the city of Kaduna", "city"),
])
def test_a_head_noun_settles_a_city_state_name(phrase, feature, gazetteer):
    place = geo.resolve(phrase)
    assert place is not None and place.feature == feature


# -- 4. spellings where the sentence locates a name ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "In Koutoum, shells hit the market at dawn.",      # a sentence opens with the preposition
    "Clashes in western Koutoum killed four people.",  # a direction between
    "Fighting was reported in Kadougli overnight.",    # the main name in another transliteration
])
def test_a_respelt_name_is_found_where_the_sentence_locates_it(text, gazetteer):
    m = _only_place(text)
    assert m.place.country_code == "SD"


def test_a_respelt_name_without_a_locative_is_not_guessed(gazetteer):
    assert not _places("Koutoum said the talks had failed.")


def test_a_name_after_a_dated_sentence_is_no_surname(gazetteer):
    """"... on Friday. Gombe was calm": the day ends a sentence, it gives no one a surname."""
    m = _only_place("The curfew began on Friday. Gombe remained tense.")
    assert m.place.country_code == "NG"
