"""The map rendered to HTML in Python: offline assets, one layer, compact escaped payload."""
from __future__ import annotations

import json
import re

import pytest

from dashboard.assets import cdn_urls_in
from dashboard.basemap import BASEMAP_DIR, TileSetting, basemap_version, tile_setting
from dashboard.map_component import layer_script
from dashboard.map_layer import IncidentLayer, build_base_map, encode_layer, payload_json, render_html

NO_TILES = TileSetting(None, "")


@pytest.fixture
def map_html(generated) -> str:
    incidents, claims = generated
    fmap = build_base_map(incidents, NO_TILES)
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
    for package in ("leaflet", "leaflet.markercluster", "supercluster", "basemap"):
        assert (static / package / "LICENSE").is_file()
    assert "/app/static/dashboard/basemap.js" in map_html


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
    standalone = render_html(build_base_map(incidents, NO_TILES), [IncidentLayer(payload)])
    in_app = layer_script(json.dumps(payload), payload_json({"selected": '<b>"x"</b>'}))
    for script in (standalone, in_app):
        literal = re.search(r"JSON\.parse\((\".*\")\), ", script).group(1)
        assert json.loads(json.loads(literal)) == json.loads(payload)
        assert "<" not in literal and ">" not in literal
    assert "<" not in in_app


def test_payload_stays_compact(generated):
    incidents, claims = generated
    size = len(payload_json(encode_layer(incidents, claims)))
    assert size / len(incidents) < 250, size  # bytes per incident, claims included


def test_claims_and_incidents_point_into_one_article_table(generated):
    incidents, claims = generated
    payload = encode_layer(incidents, claims)
    articles = payload["A"]
    assert len(articles["o"]) == claims["article_id"].nunique()
    first = claims[claims["incident_id"] == incidents.iloc[0]["incident_id"]].iloc[0]
    k = payload["c"]["start"][0]
    assert payload["s"][articles["o"][payload["c"]["a"][k]]] == first["outlet"]
    assert payload["ia"]["start"][1] - payload["ia"]["start"][0] == 1  # one article_id per generated incident


def test_incidents_without_coordinates_are_left_out_of_the_layer(generated):
    incidents, claims = generated
    incidents = incidents.copy()
    incidents.loc[incidents.index[:3], "latitude"] = None
    payload = encode_layer(incidents, claims)
    assert len(payload["id"]) == len(incidents) - 3
    assert len(payload["ia"]["start"]) == len(payload["id"]) + 1


def test_basemap_files_are_vendored_and_versioned():
    world = json.loads((BASEMAP_DIR / "world.json").read_text(encoding="utf-8"))
    assert {"land", "lakes", "rivers", "borders", "admin1", "labels", "tiles"} <= set(world)
    names = {row[0] for row in world["labels"]}
    assert {"Iraq", "Baghdad", "Syria", "Damascus"} <= names  # countries and capitals at the first zooms
    for key in world["tiles"][:20]:
        assert (BASEMAP_DIR / "tiles" / f"{key}.json").is_file()
    assert len(basemap_version()) == 12


def test_configured_tiles_lie_under_the_vector_basemap(generated):
    incidents, _ = generated
    tiles = TileSetting("https://tiles.newsroom.example/{z}/{x}/{y}.png", "Newsroom tiles")
    html = render_html(build_base_map(incidents, tiles))
    assert "https://tiles.newsroom.example/{z}/{x}/{y}.png" in html
    wiring = re.search(r"Basemap\.add\((\w+),\s*\{base: \"/app/static/basemap\", "
                       r"version: \"[^\"]*\",\s*tiles: (\w+)\}", html)
    assert wiring and wiring.group(2).startswith("tile_layer_")
    no_tiles = render_html(build_base_map(incidents, NO_TILES))
    assert re.search(r"tiles: null\}", no_tiles) and "L.tileLayer" not in no_tiles
