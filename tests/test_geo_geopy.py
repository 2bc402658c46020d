"""geo.OfflineGeocoder under geopy: Locations, RateLimiter, and the opt-in online fallback (mocked)."""
from __future__ import annotations

import json

import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.location import Location
from geopy.point import Point

from geo import OfflineGeocoder
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture


class FakeOnline:
    """Stands in for Nominatim: records calls, answers one known query; never touches the network."""

    def __init__(self):
        self.calls = []

    def geocode(self, query, exactly_one=True, timeout=None):
        self.calls.append(query)
        if query == "Some Street 1, Somewhere":
            return Location("Some Street 1", Point(10.0, 20.0), {"place_id": 1})
        return None


@pytest.fixture
def offline(gazetteer, monkeypatch):
    monkeypatch.delenv("GEO_ONLINE_FALLBACK", raising=False)
    monkeypatch.delenv("GEO_NOMINATIM_URL", raising=False)
    return OfflineGeocoder()


def test_geocode_returns_a_geopy_location_with_the_place_as_raw(offline):
    loc = offline.geocode("Arbil")
    assert isinstance(loc, Location)
    assert abs(loc.latitude - 36.19) < 0.05 and loc.raw["country_code"] == "IQ"
    assert loc.raw["geo_precision"] == 1 and "where_prec" in loc.raw
    assert offline.geocode("Arbil", exactly_one=False)[0].raw == loc.raw


def test_geocode_empty_result_is_none(offline):
    assert offline.geocode("Qwxzzyplk") is None


def test_reverse_returns_the_nearest_place(offline):
    loc = offline.reverse("33.34, 44.40")
    assert isinstance(loc, Location) and loc.raw["name"] == "Baghdad"
    assert offline.reverse(Point(36.19, 44.01), exactly_one=False)[0].raw["name"] == "Erbil"


def test_works_under_rate_limiter_without_waiting(offline):
    now, slept = [0.0], []

    def fake_sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(offline.geocode, min_delay_seconds=1.0)
    limiter._clock = lambda: now[0]  # geopy's patchable clock and sleep: no real waiting
    limiter._sleep = fake_sleep
    # a bare "Basra" is the city, which GeoNames spells "Basrah" (not the province of the same name)
    assert [limiter(q).raw["name"] for q in ("Mosul", "Kirkuk", "Basra")] == ["Mosul", "Kirkuk", "Basrah"]
    assert slept == [1.0, 1.0]


def test_online_fallback_is_off_by_default(offline, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr("geopy.geocoders.Nominatim.geocode", no_network)
    assert offline.online_fallback is None
    assert offline.geocode("Some Street 1, Somewhere") is None


def test_online_fallback_when_asked_is_rate_limited_and_cached(gazetteer, tmp_path, monkeypatch):
    fake = FakeOnline()
    cache = tmp_path / "geocode-cache.json"
    slept = []
    monkeypatch.setattr("geopy.extra.rate_limiter.RateLimiter._sleep", lambda self, s: slept.append(s))
    geocoder = OfflineGeocoder(online_fallback="nominatim", online_geocoder=fake, cache_path=cache)
    assert geocoder.geocode("Erbil").raw["name"] == "Erbil"  # offline first
    assert fake.calls == []
    loc = geocoder.geocode("Some Street 1, Somewhere")
    assert (loc.latitude, loc.longitude) == (10.0, 20.0)
    assert geocoder.geocode("Some Street 1, Somewhere").latitude == 10.0
    assert fake.calls == ["Some Street 1, Somewhere"]  # the second answer came from the cache
    assert json.loads(cache.read_text())["Some Street 1, Somewhere"]["lat"] == 10.0
    again = OfflineGeocoder(online_fallback="nominatim", online_geocoder=FakeOnline(), cache_path=cache)
    assert again.geocode("Some Street 1, Somewhere").latitude == 10.0  # persisted across instances


def test_env_var_enables_the_fallback_with_an_identifying_agent(gazetteer, monkeypatch):
    monkeypatch.setenv("GEO_NOMINATIM_URL", "http://nominatim.internal:8080")
    geocoder = OfflineGeocoder()
    assert geocoder.online_fallback == "nominatim"
    call = geocoder._online_callable()
    nominatim = geocoder._online_geocoder
    assert nominatim.domain == "nominatim.internal:8080" and nominatim.scheme == "http"
    assert "incident-map" in nominatim.headers["User-Agent"]
    assert isinstance(call, RateLimiter) and call.min_delay_seconds == 1.0
