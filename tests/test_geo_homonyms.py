"""A name several places share, read as the document around it says (README, "A name shared by several
places"): the other places, states and countries it names and the outlet's region come before population.

Sentences written for these tests, in the manner of US local news and world news; none comes from the
development articles or the geoparsing corpora. Each case says which reading a reader would take.
"""
from __future__ import annotations

import pytest

import geo
from geo.candidates import Context, best_entry, haversine_km
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture

NEAR_KM = 161.0  # the geoparsing benchmarks' accuracy radius


def _place_of(text: str, name: str, region: str | None = None):
    """The place find_places gives the first mention of `name` (inside a compound, the name's own part)."""
    for m in geo.find_places(text, region=region):
        for part in m.extra.get("parts") or [m]:
            if part.text == name and part.place is not None:
                return part.place
        if name in m.text and m.place is not None:
            return m.place
    return None


# (sentence, name, lat, lon): the reading a local reader takes, not the biggest namesake
LOCAL_READINGS = [
    # a US state or county named elsewhere in the story
    ("Officials in Lamar County, Texas, said the Paris city council would vote on the new water plant.",
     "Paris", 33.66, -95.56),
    ("Deputies from Latah County in Idaho said the crash closed the road between Moscow and Pullman.",
     "Moscow", 46.73, -117.00),
    ("The Lima police chief asked Allen County deputies and Ohio troopers to help with the search.",
     "Lima", 40.74, -84.11),
    ("A barn burned down in Berlin, in Coos County, New Hampshire, on Sunday morning.",
     "Berlin", 44.47, -71.19),
    ("Columbia police and Boone County deputies were called to the University of Missouri campus.",
     "Columbia", 38.95, -92.33),
    # neighbouring towns of one state, no state named
    ("The storm moved from Dallas toward Paris and Sherman before dawn.", "Paris", 33.66, -95.56),
    ("Aurora police said the shooting happened on the east side of Denver, Colorado.",
     "Aurora", 39.73, -104.83),
    # the state named, the town read in it
    ("Florence officials said the Tennessee River crested near Muscle Shoals in northwest Alabama.",
     "Florence", 34.80, -87.68),
    ("Jackson police said the man drove toward Memphis on the interstate in west Tennessee.",
     "Jackson", 35.61, -88.81),
    ("Toledo, on Lake Erie in northwest Ohio, said its tap water was safe to drink again.",
     "Toledo", 41.66, -83.56),
    # several names of one state settle each other, though every one of them is shared
    ("Council members from Alexandria and Arlington in northern Virginia will attend the hearing.",
     "Alexandria", 38.80, -77.05),
    # a name shared by countries, settled by a less doubtful neighbour ("Toronto")
    ("Kingston police searched the shore of Lake Ontario east of Toronto for the missing boater.",
     "Kingston", 44.23, -76.48),
    # world news: the country or region named
    ("Rival militias clashed in Tripoli, the biggest city of northern Lebanon, near the Syrian border.",
     "Tripoli", 34.44, 35.83),
    ("Floodwater covered Hyderabad and other towns of Sindh province, Pakistani officials said.",
     "Hyderabad", 25.39, 68.37),
    ("Protesters filled the streets of Valencia and Maracaibo as Venezuela's crisis deepened.",
     "Valencia", 10.16, -68.00),
    ("Students marched in Cordoba and Rosario against Argentina's budget cuts.", "Cordoba", -31.41, -64.18),
    ("Gang violence in Kingston pushed Jamaica's murder rate up again, police said.",
     "Kingston", 17.99, -76.79),
    ("Miners in Newcastle, New South Wales, walked off the job.", "Newcastle", -32.93, 151.78),
    ("Police in Victoria, British Columbia, arrested a protester outside the legislature.",
     "Victoria", 48.43, -123.37),
    # and the big namesake where the document is about it
    ("A flash flood hit Valencia in eastern Spain, killing dozens.", "Valencia", 39.47, -0.38),
    ("Tourists came back to Paris once the rail strike ended, French officials said.", "Paris", 48.85, 2.35),
    ("Pharmacies in Toledo, the old Spanish capital south of Madrid, ran out of masks.",
     "Toledo", 39.86, -4.02),
    # small towns of a conflict country, not a namesake abroad
    ("Aid convoys reached Pala in southwestern Chad after the floods.", "Pala", 9.36, 14.97),
    ("Soldiers clashed with gunmen near Manga in Burkina Faso's Centre-Sud region.", "Manga", 11.66, -1.07),
]


@pytest.mark.parametrize("text, name, lat, lon", LOCAL_READINGS, ids=[f"{r[1]}-{i}" for i, r in
                                                                     enumerate(LOCAL_READINGS)])
def test_the_reading_the_document_supports(text, name, lat, lon):
    place = _place_of(text, name)
    assert place is not None, f"{name} not found"
    where = (place.name, place.country_code, place.admin1)
    assert haversine_km(lat, lon, place.lat, place.lon) <= NEAR_KM, where


def test_a_us_state_named_like_a_country_among_its_towns():
    """'Georgia' beside Atlanta and Savannah is the state; beside Russia and Tbilisi, the country."""
    state = _place_of("Storms flooded Savannah and Atlanta as Georgia's governor declared an emergency.",
                      "Georgia")
    assert (state.country_code, state.feature) == ("US", "admin1")
    country = _place_of("Russian troops stayed in Georgia after the war, Tbilisi said.", "Georgia")
    assert (country.country_code, country.feature) == ("GE", "country")


def test_a_country_alone_stays_a_country():
    """With nothing else in the text backing a rival reading, kind and population decide as before."""
    place = _place_of("Georgia held elections on Saturday.", "Georgia")
    assert place.feature == "country" and place.country_code == "GE"


def test_the_outlet_region_settles_a_bare_name():
    """A city council story with no place but the city's name: the outlet's country decides."""
    text = "The city council in Athens met on Tuesday to discuss downtown parking."
    assert _place_of(text, "Athens", region="US").country_code == "US"
    assert _place_of(text, "Athens").country_code == "GR"


def test_a_doubtful_name_does_not_overrule_a_sure_one(gazetteer):
    """'London' is far surer of its reading than 'Edmonton' is of its own: a London suburb called Edmonton
    does not pull London to Canada; the reverse holds (the sure name settles the doubtful one)."""
    text = "Police were called to a street in Edmonton, north London, after a fight."
    assert _place_of(text, "London").country_code == "GB"


def test_a_name_does_not_vote_for_its_own_reading(gazetteer):
    """The votes a name casts are left out when that name is scored."""
    ctx = Context()
    ctx.vote("paris", "FR", 0.5)
    ctx.vote("dallas", "US", 0.5)
    assert ctx.share("US", "paris") == 1.0 and ctx.share("FR", "paris") == 0.0
    assert ctx.share("FR", "dallas") == 1.0
    entries = gazetteer.lookup("paris")
    i = best_entry(gazetteer, entries, "paris", ctx)
    assert (gazetteer.ccs[i], gazetteer.admin1[i]) == ("US", "US.TX")


def test_soft_votes_count_only_for_less_certain_names():
    """A shared name votes softly; its vote reaches names less sure of their reading than it is."""
    ctx = Context()
    ctx.certainty.update({"toronto": 3.0, "kingston": 2.0, "london": 4.0})
    ctx.soft.append((3.0, "toronto", "CA", 0.25))
    ctx.vote("ontario-lake", "US", 0.25)
    assert ctx.share("CA", "kingston") == 0.5
    assert ctx.share("CA", "london") == 0.0
    assert ctx.share("CA", "toronto") == 0.0  # never its own


# -- an area written after the name, and an apposition naming the container ------------------------------
@pytest.mark.parametrize("text, name, cc, area", [
    ("The school board in Rome, Georgia, approved a new budget.", "Rome", "US", "Georgia"),
    ("Athens, Georgia, police said the road would reopen.", "Athens", "US", "Georgia"),
    ("She grew up in London, Ontario, before moving south.", "London", "CA", "Ontario"),
    ("Police in Perth, Scotland, closed the bridge.", "Perth", "GB", "Scotland"),
])
def test_a_name_read_in_the_area_written_after_it(text, name, cc, area):
    """"X, Y": X is the place of that name in Y, and Y the reading of its name that holds it (Georgia the
    state where the country has no Rome)."""
    place = _place_of(text, name)
    assert (place.country_code, place.admin1) == (cc, area)
    container = _place_of(text, area)
    assert container.country_code == cc


@pytest.mark.parametrize("text", [
    "Offices in Toronto, Vancouver and Accra closed.",
    "Storms hit Texas, Oklahoma and Kansas.",
    "Protests spread to Washington, Virginia and Maryland.",
])
def test_a_list_is_not_a_name_and_its_container(text):
    """A list of places ("X, Y and Z") keeps each place itself: no compound "X, Y" is made."""
    assert all(", " not in m.text for m in geo.find_places(text))


def test_an_apposition_names_the_container():
    """"X, a city in Y": X is read in Y whatever else the text votes for."""
    text = "Residents of Lebanon, a small city in Warren County, Ohio, packed the meeting."
    place = _place_of(text, "Lebanon")
    assert (place.country_code, place.admin1, place.feature) == ("US", "Ohio", "city")


def test_an_apposition_container_stands_in_for_a_place_the_gazetteer_lacks():
    """Where the container holds no place of that name, the container is the place (never a namesake
    abroad), for the later mentions of the name too."""
    text = ("Insurgents overran Palma, a coastal town in Cabo Delgado province, Mozambique. "
            "Fighting in Palma went on for days.")
    found = [m for m in geo.find_places(text) if m.text == "Palma"]
    assert len(found) == 2 and all(m.place.country_code == "MZ" for m in found)
    assert all(m.place.method.startswith("container-of-unknown") for m in found)


# -- two shared names whose readings lie side by side ------------------------------------------------------
@pytest.mark.parametrize("text, name, lat, lon", [
    ("Henry County deputies said the fire near Paris started in a shed.", "Paris", 36.30, -88.33),
    ("Deputies in Lauderdale County said the Florence man was arrested near Sheffield.",
     "Florence", 34.80, -87.68),
    ("Athens and Watkinsville officials met about the Oconee County road plan.", "Athens", 33.96, -83.38),
    ("A crash on the highway between Lebanon and Murfreesboro closed lanes in Wilson County.",
     "Lebanon", 36.21, -86.29),
])
def test_shared_names_side_by_side_settle_each_other(text, name, lat, lon):
    """A county shared by ten states and a town shared by as many: the town beside one of the counties."""
    place = _place_of(text, name)
    assert haversine_km(lat, lon, place.lat, place.lon) <= NEAR_KM, (place.name, place.admin1)


@pytest.mark.parametrize("text, name, cc", [
    ("Talks in Paris and London ended without a deal, diplomats said.", "Paris", "FR"),
    ("Talks in Paris and London ended without a deal, diplomats said.", "London", "GB"),
    ("Leaders from Berlin, Paris and Rome met in Brussels.", "Rome", "IT"),
])
def test_small_namesakes_of_big_places_do_not_pair_up(text, name, cc):
    """Paris and London of Kentucky lie near each other, but neither name is likely to mean them."""
    assert _place_of(text, name).country_code == cc


def test_a_reading_paired_with_another_names_reading(gazetteer):
    """pair_readings: support for the readings near another name's plausible reading; a reading its own
    name hardly ever means (Paris, Tennessee, for "Paris") lends none."""
    from geo.candidates import pair_readings

    names = {"paris": gazetteer.lookup("paris"), "henry county": gazetteer.lookup("henry county")}
    ctx = Context()
    pair_readings(gazetteer, ctx, names)
    paired = {(gazetteer.names[i], gazetteer.admin1[i]) for i in ctx.paired}
    assert ("Paris", "US.TN") in paired
    assert ("Paris", "FR.11") not in paired and ("Henry County", "Tennessee") not in paired
