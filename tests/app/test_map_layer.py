"""The map rendered to HTML in Python: offline assets, one layer, compact escaped payload."""
from __future__ import annotations

import json
import re

import pytest

from dashboard.assets import cdn_urls_in
from dashboard.basemap import TileSetting, simplified_outlines, tile_setting
from dashboard.map_layer import IncidentLayer, build_base_map, encode_layer, payload_json, render_html

EMPTY = {"type": "FeatureCollection", "features": []}


@pytest.fixture
def map_html(generated) -> str:
    incidents, claims = generated
    fmap = build_base_map(incidents, EMPTY, TileSetting(None, ""))
    return render_html(fmap, [IncidentLayer.from_frames(incidents, claims)])


def test_map_loads_nothing_from_a_cdn(map_html):
    assert cdn_urls_in(map_html) == []
    links = re.findall(r'(?:src|href)="([^"]+)"', map_html)
    assert links and all(link.startswith("/app/static/") for link in links), links
    assert "/app/static/leaflet/leaflet.js" in links
    assert "/app/static/supercluster/supercluster.min.js" in links


def test_every_referenced_static_file_is_vendored_with_a_licence(map_html):
    from pathlib import Path

    static = Path(__file__).resolve().parents[2] / "static"
    for link in re.findall(r'(?:src|href)="/app/static/([^"]+)"', map_html):
        assert (static / link).is_file(), link
    for package in ("leaflet", "leaflet.markercluster", "supercluster"):
        assert (static / package / "LICENSE").is_file()


def test_no_tile_server_unless_configured(map_html):
    assert "L.tileLayer" not in map_html
    assert tile_setting({}).url is None
    configured = tile_setting({"INCIDENT_MAP_TILES": "https://tiles.newsroom.example/{z}/{x}/{y}.png"})
    assert configured.url == "https://tiles.newsroom.example/{z}/{x}/{y}.png"
    assert tile_setting({"INCIDENT_MAP_TILES": "javascript:alert(1)"}).url is None


def test_one_feature_per_incident_with_its_claims(generated):
    incidents, claims = generated
    payload = encode_layer(incidents, claims)
    assert payload["id"] == list(incidents["incident_id"])
    assert len(payload["lat"]) == len(incidents)
    starts = payload["c"]["start"]
    for i, incident_id in enumerate(incidents["incident_id"]):
        assert starts[i + 1] - starts[i] == int((claims["incident_id"] == incident_id).sum())
    assert payload["dis"] == [int(v) for v in incidents["claims_disputed"]]


def test_payload_cannot_break_out_of_its_script(hostile):
    incidents, claims = hostile
    text = payload_json(encode_layer(incidents, claims))
    assert "<" not in text and ">" not in text
    assert json.loads(text)["s"].count('<script>alert("x")</script><img src=x onerror=alert(1)>') == 1


def test_layer_script_parses_the_payload_as_json(hostile):
    incidents, claims = hostile
    payload = payload_json(encode_layer(incidents, claims))
    script = render_html(build_base_map(incidents, EMPTY, TileSetting(None, "")), [IncidentLayer(payload)])
    literal = re.search(r"JSON\.parse\((\".*\")\)\);", script).group(1)
    assert json.loads(json.loads(literal)) == json.loads(payload)
    assert "<" not in literal and ">" not in literal


def test_payload_stays_compact(generated):
    incidents, claims = generated
    size = len(payload_json(encode_layer(incidents, claims)))
    assert size / len(incidents) < 250, size  # bytes per incident, claims included


def test_outlines_are_simplified_for_the_basemap():
    outlines = simplified_outlines()
    if not outlines["features"]:
        pytest.skip("data/geo/countries-50m.geojson is not there")
    assert len(json.dumps(outlines)) < 800_000


def test_cached_outlines_are_the_simplified_source():
    from dashboard.basemap import OUTLINES_CACHE, OUTLINES_PATH, outlines_key

    if not OUTLINES_PATH.exists():
        pytest.skip("data/geo/countries-50m.geojson is not there")
    stored = json.loads(OUTLINES_CACHE.read_text(encoding="utf-8"))
    assert stored["key"] == outlines_key(), "stale dashboard/outlines.json: run python -m dashboard.basemap"
    assert simplified_outlines() == simplified_outlines(cache=None)


def test_configured_tiles_fall_back_to_outlines_when_they_fail(generated):
    incidents, _ = generated
    tiles = TileSetting("https://tiles.newsroom.example/{z}/{x}/{y}.png", "Newsroom tiles")
    html = render_html(build_base_map(incidents, EMPTY, tiles))
    assert "https://tiles.newsroom.example/{z}/{x}/{y}.png" in html
    fallback = re.search(r"IncidentLayer\.basemapFallback\((\w+),\s*(\w+),\s*(\w+)\)", html)
    assert fallback and fallback.group(2).startswith("tile_layer_")
    assert fallback.group(3).startswith("outlines_layer_")
    no_tiles = render_html(build_base_map(incidents, EMPTY, TileSetting(None, "")))
    assert re.search(r"IncidentLayer\.basemapFallback\(\w+,\s*null,", no_tiles)
