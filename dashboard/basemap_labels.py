"""Which place names the basemap shows at which zoom: no two labels overlap, the bigger place wins.

A label gets the lowest zoom (from its kind's floor up to max_zoom) at which
its box does not overlap any label already shown there. Zooms are done in
order and a label shown at zoom z is placed first at every higher zoom, so a
name never disappears when the user zooms in. Priority: countries by area,
then capitals, cities by population, and admin-1 areas by area. A label with
no room by max_zoom is dropped.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

CHAR_PX = {"country": 7.5, "capital": 6.8, "city": 6.2, "admin1": 6.2}
HEIGHT_PX = 15
KIND_ORDER = {"country": 0.0, "capital": 1.0, "admin1": 1.5, "city": 2.0}
BIG_CITY = 1_000_000
CELL = 64


@dataclass
class Label:
    """One name at one point; min_zoom is the floor on input and the decided zoom on output."""

    name: str
    lon: float
    lat: float
    kind: str
    min_zoom: int
    priority: float = 0.0
    population: int = 0
    placed: int | None = field(default=None, compare=False)


def pixel(lon: float, lat: float, zoom: int) -> tuple[float, float]:
    """Web Mercator pixel coordinates at a zoom (256 px tiles)."""
    size = 256 * 2 ** zoom
    lat = max(-85.0, min(85.0, lat))
    y = (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2
    return (lon + 180) / 360 * size, y * size


def label_box(label: Label, zoom: int) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in pixels: centred for countries and areas, right of the dot for cities."""
    x, y = pixel(label.lon, label.lat, zoom)
    width = CHAR_PX[label.kind] * len(label.name) + 6
    if label.kind in ("city", "capital"):
        return x - 4, y - HEIGHT_PX / 2, x + 6 + width, y + HEIGHT_PX / 2
    return x - width / 2, y - HEIGHT_PX / 2, x + width / 2, y + HEIGHT_PX / 2


def _rank(label: Label) -> float:
    """Countries, capitals, cities of a million, admin-1 areas, then the other cities."""
    if label.kind == "city" and label.population >= BIG_CITY:
        return 1.2
    return KIND_ORDER[label.kind]


class _Grid:
    """Boxes hashed into CELL-pixel cells, for overlap tests."""

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, b):
        for cx in range(int(b[0] // CELL), int(b[2] // CELL) + 1):
            for cy in range(int(b[1] // CELL), int(b[3] // CELL) + 1):
                yield cx, cy

    def free(self, b) -> bool:
        for key in self._keys(b):
            for o in self.cells.get(key, ()):
                if b[0] < o[2] and o[0] < b[2] and b[1] < o[3] and o[1] < b[3]:
                    return False
        return True

    def add(self, b) -> None:
        for key in self._keys(b):
            self.cells.setdefault(key, []).append(b)


def place_labels(labels: list[Label], *, max_zoom: int = 13, min_zoom: int = 2) -> list[Label]:
    """The labels that fit somewhere up to max_zoom, each with min_zoom set to where it first fits."""
    order = sorted(labels, key=lambda lb: (_rank(lb), -lb.priority))
    for zoom in range(min_zoom, max_zoom + 1):
        grid = _Grid()
        for label in order:
            if label.placed is not None:
                grid.add(label_box(label, zoom))
        for label in order:
            if label.placed is None and label.min_zoom <= zoom:
                candidate = label_box(label, zoom)
                if grid.free(candidate):
                    grid.add(candidate)
                    label.placed = zoom
    placed = [lb for lb in order if lb.placed is not None]
    for label in placed:
        label.min_zoom = label.placed
    return placed
