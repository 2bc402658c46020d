"""The value objects of geo/: a resolved `Place` and a `PlaceMention` in text.

Every stage after geo/ (extraction, clustering, export, the map) reads these,
so their fields are the contract: change them only with their users.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# What a mention stands for in its sentence. Only PLACE mentions are candidates
# for where an incident happened; the others keep their resolution for context.
ROLE_PLACE = "place"                # somewhere something happened or is
ROLE_ADJECTIVAL = "adjectival"      # "Syrian forces", "Iraqi militia"
ROLE_ORGANISATION = "organisation"  # "SANA news agency", "Baghdad Post"
ROLE_GOVERNMENT = "government"      # "Washington said", "Tehran's foreign policy"
ROLE_DATELINE = "dateline"          # "BAGHDAD (Reuters) -": where the reporter sat
ROLES = (ROLE_PLACE, ROLE_ADJECTIVAL, ROLE_ORGANISATION, ROLE_GOVERNMENT, ROLE_DATELINE)


@dataclass(frozen=True)
class Place:
    """One resolved place, with how precise the reading honestly is.

    geo_precision is ACLED's (1 the place itself, 2 near it or part of it,
    3 a region, province or border area); where_prec is UCDP's (1 exact ...
    7 sea or air). uncertainty_km is the radius the map draws. geometry is
    GeoJSON for regions and border bands, None for points.
    """

    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    place_id: str | None
    geo_precision: int
    where_prec: int
    uncertainty_km: float
    geometry: dict[str, Any] | None = None
    method: str = ""
    feature: str = ""  # city, admin1, country, airport, base, crossing, region, border, direction

    def to_dict(self, *, with_geometry: bool = True) -> dict[str, Any]:
        out = asdict(self)
        if not with_geometry:
            out.pop("geometry")
        return out


@dataclass(frozen=True)
class PlaceMention:
    """A place phrase found in a text: its span, its role there, its place."""

    text: str
    start: int
    end: int
    role: str = ROLE_PLACE
    place: Place | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end, "role": self.role}
        out["place"] = self.place.to_dict(with_geometry=False) if self.place else None
        return out
