"""Which place names the basemap shows at which zoom: never overlapping, the bigger place first."""
from __future__ import annotations

from itertools import combinations

from dashboard.basemap_build import encode_line
from dashboard.basemap_labels import Label, label_box, place_labels


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def towns() -> list[Label]:
    """A capital, a big city close to it, and small towns packed around them."""
    labels = [Label("Capitalia", 10.0, 20.0, "capital", 3, priority=5e6, population=5_000_000),
              Label("Bigton", 10.6, 20.3, "city", 4, priority=2e6, population=2_000_000)]
    labels += [Label(f"Hamlet {n}", 10.0 + n * 0.05, 20.0 - n * 0.04, "city", 6, priority=1e4 - n,
                     population=10_000) for n in range(12)]
    return labels


def test_no_two_labels_overlap_at_any_zoom():
    placed = place_labels(towns(), max_zoom=13)
    for zoom in range(2, 14):
        shown = [label for label in placed if label.min_zoom <= zoom]
        for a, b in combinations(shown, 2):
            assert not overlaps(label_box(a, zoom), label_box(b, zoom)), (zoom, a.name, b.name)


def test_the_capital_comes_first_and_more_names_appear_as_one_zooms_in():
    placed = {label.name: label.min_zoom for label in place_labels(towns(), max_zoom=13)}
    assert placed["Capitalia"] == 3
    assert placed["Capitalia"] < placed["Bigton"] <= 13  # Bigton waits until it clears the capital
    counts = [sum(1 for z in placed.values() if z <= zoom) for zoom in range(3, 14)]
    assert counts == sorted(counts) and counts[-1] > counts[0]


def test_of_two_places_at_one_point_the_bigger_shows_first():
    placed = {label.name: label.min_zoom for label in place_labels([
        Label("District of Town", 30.0, 30.0, "city", 4, priority=2e6, population=2_000_000),
        Label("Town", 30.001, 30.001, "city", 4, priority=9e6, population=1_500_000)])}
    assert placed["Town"] == 4 and placed.get("District of Town", 99) > 4  # dropped: never clear of it


def test_a_kind_never_shows_below_its_floor():
    placed = place_labels([Label("Lonely town", 50.0, 50.0, "city", 9, priority=1, population=6000)])
    assert placed[0].min_zoom == 9


def test_lines_are_delta_encoded_and_repeated_points_dropped():
    assert encode_line([(10.0, 20.0), (10.015, 20.0), (10.016, 20.0), (9.5, 19.0)], 100) == \
        [1000, 2000, 2, 0, -52, -100]
