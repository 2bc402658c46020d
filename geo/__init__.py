"""geo/: an offline gazetteer, geocoder and geoparser for conflict news.

    >>> import geo
    >>> geo.resolve("north of Baghdad")            # Place, precision 2
    >>> geo.find_places(text)                      # [PlaceMention], with roles
    >>> geo.OfflineGeocoder().geocode("Arbil")     # geopy Location

Importing geo reads no file: the gazetteer loads (or builds and caches) on
first use, through load_gazetteer().
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geo.place import (
    ROLE_ADJECTIVAL,
    ROLE_DATELINE,
    ROLE_GOVERNMENT,
    ROLE_ORGANISATION,
    ROLE_PLACE,
    ROLES,
    Place,
    PlaceMention,
)

if TYPE_CHECKING:
    from geo.geopy_adapter import OfflineGeocoder

__all__ = ["resolve", "find_places", "reverse", "Place", "PlaceMention", "OfflineGeocoder", "load_gazetteer",
           "country_name", "country_code", "distance_km", "ROLES", "ROLE_PLACE", "ROLE_ADJECTIVAL",
           "ROLE_ORGANISATION", "ROLE_GOVERNMENT", "ROLE_DATELINE"]


def resolve(phrase: str, context: Any = None) -> Place | None:
    """A place phrase -> Place or None (see geo.resolver)."""
    from geo.resolver import resolve as _resolve

    return _resolve(phrase, context)


def find_places(text: str, *, region: str | list[str] | None = None) -> list[PlaceMention]:
    """Place mentions of a text with offsets, roles and places (see geo.recognizer).

    region: the outlet's country or countries, evidence for names shared by several places.
    """
    from geo.recognizer import find_places as _find

    return _find(text, region=region)


def reverse(lat: float, lon: float) -> Place | None:
    """The nearest known place to a point (see geo.reverse)."""
    from geo.reverse import reverse as _reverse

    return _reverse(lat, lon)


def load_gazetteer(*, progress=None):
    """The gazetteer index, loaded from its cache or built once (progress: see geo.gazetteer.BuildStep)."""
    from geo.gazetteer import load_gazetteer as _load

    return _load(progress=progress)


def country_name(cc: str) -> str | None:
    """'IQ' -> 'Iraq'."""
    return load_gazetteer().country_name((cc or "").upper())


def country_code(name: str) -> str | None:
    """'Iraq', 'Iraqi', 'the US' -> ISO alpha-2."""
    from geo.resolver import country_code_of

    return country_code_of(load_gazetteer(), name)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' points."""
    from geo.candidates import haversine_km

    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def __getattr__(name: str):
    if name == "OfflineGeocoder":
        from geo.geopy_adapter import OfflineGeocoder

        return OfflineGeocoder
    raise AttributeError(name)
