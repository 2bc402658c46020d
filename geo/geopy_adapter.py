"""geopy: `OfflineGeocoder`, a geopy `Geocoder` over the offline gazetteer.

geocode()/reverse() return `geopy.location.Location` with raw = the Place as a
dict. An online fallback (Nominatim, or a self-hosted instance at
GEO_NOMINATIM_URL) is used only when asked for, through the constructor or
GEO_ONLINE_FALLBACK=nominatim, behind RateLimiter at one request a second,
with an identifying user agent, and its answers are cached.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.place import Place

USER_AGENT = "incident-map-geo/0.1 (newsroom incident mapping; offline-first)"


def _location(place: Place) -> Location:
    return Location(place.name, Point(place.lat, place.lon), place.to_dict())


class OfflineGeocoder(Geocoder):
    """The offline gazetteer as a geopy geocoder, with an opt-in online fallback."""

    def __init__(self, *, online_fallback: str | None = None, nominatim_url: str | None = None,
                 user_agent: str = USER_AGENT, cache_path: str | Path | None = None, timeout=DEFAULT_SENTINEL,
                 online_geocoder: Any = None):
        super().__init__(timeout=timeout, user_agent=user_agent)
        chosen = online_fallback or os.environ.get("GEO_ONLINE_FALLBACK") or ""
        self.online_fallback = chosen.lower() or None
        self.nominatim_url = nominatim_url or os.environ.get("GEO_NOMINATIM_URL")
        if self.nominatim_url and not self.online_fallback:
            self.online_fallback = "nominatim"
        self.cache_path = Path(cache_path) if cache_path else None
        self._cache: dict[str, Any] = self._read_cache()
        self._online_geocoder = online_geocoder
        self._online_call = None

    def geocode(self, query: str, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                context: Any = None) -> Location | list[Location] | None:
        """The place of a phrase; with exactly_one=False a list of one (or an empty answer, None)."""
        from geo.resolver import resolve

        place = resolve(str(query), context)
        if place is not None:
            location = _location(place)
        elif self.online_fallback:
            location = self._online(str(query), timeout)
        else:
            location = None
        if location is None:
            return None
        return location if exactly_one else [location]

    def reverse(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL) -> Location | list | None:
        """The nearest known place to a point ("lat, lon", (lat, lon) or geopy Point)."""
        from geo.reverse import reverse

        point = Point(query) if not isinstance(query, Point) else query
        place = reverse(point.latitude, point.longitude)
        if place is None:
            return None
        location = _location(place)
        return location if exactly_one else [location]

    # -- the opt-in online fallback ----------------------------------------------------------
    def _online(self, query: str, timeout) -> Location | None:
        if query in self._cache:
            hit = self._cache[query]
            if hit is None:
                return None
            return Location(hit["address"], Point(hit["lat"], hit["lon"]), hit["raw"])
        location = self._online_callable()(query, exactly_one=True, timeout=timeout)
        self._cache[query] = None if location is None else {
            "address": location.address, "lat": location.latitude, "lon": location.longitude,
            "raw": location.raw}
        self._write_cache()
        return location

    def _online_callable(self):
        if self._online_call is None:
            from geopy.extra.rate_limiter import RateLimiter
            from geopy.geocoders import Nominatim

            if self._online_geocoder is None:
                if self.online_fallback != "nominatim":
                    raise ValueError(f"unknown online fallback {self.online_fallback!r} (known: nominatim)")
                kwargs: dict[str, Any] = {"user_agent": self.headers.get("User-Agent", USER_AGENT)}
                if self.nominatim_url:
                    scheme, _, domain = self.nominatim_url.partition("://")
                    kwargs.update(domain=domain.rstrip("/"), scheme=scheme or "https")
                self._online_geocoder = Nominatim(**kwargs)
            self._online_call = RateLimiter(self._online_geocoder.geocode, min_delay_seconds=1.0)
        return self._online_call

    def _read_cache(self) -> dict[str, Any]:
        if self.cache_path and self.cache_path.exists():
            return json.loads(self.cache_path.read_text(encoding="utf-8"))
        return {}

    def _write_cache(self) -> None:
        if self.cache_path:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            self.cache_path.write_text(json.dumps(self._cache, ensure_ascii=False), encoding="utf-8")
