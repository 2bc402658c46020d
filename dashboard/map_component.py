"""The map on the page: streamlit-folium's component, fed with strings rendered once and cached.

`st_folium(map, feature_group_to_add=...)` renders the whole folium map three
times and the incident layer once on every script run: most of the server's
CPU per page load and per filter change. Here the base map is rendered once
per (data version, tile setting) and shared by every session
(st.cache_resource), and the incident layer's script is a few lines around
the cached payload, so a run costs string joins, not templates.
It calls the component exactly as streamlit-folium 0.27.4 (pinned in
requirements.txt) does in `st_folium`; the browser tests drive it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import folium
import streamlit as st
import streamlit_folium
from branca.element import Element

from dashboard.map_layer import IncidentLayer

FEATURE_GROUP = "feature_group_feature_group_0"


@dataclass(frozen=True)
class MapParts:
    """What the component needs of the base map, rendered once."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]
    zoom: Any


def _links(fmap: folium.Map, attr: str) -> list[str]:
    links: list[str] = []

    def walk(element: Element) -> None:
        links.extend(href for _, href in getattr(element, attr, []))
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(fmap)
    return list(dict.fromkeys(links))


def render_parts(fmap: folium.Map) -> MapParts:
    """Render the base map the way st_folium does (header, html, leaflet script, asset links)."""
    fmap.get_root().render()
    fmap.render()
    html = streamlit_folium._get_html(fmap)
    header = streamlit_folium._get_header(fmap)
    script = streamlit_folium._get_map_string(fmap)
    layer = IncidentLayer("{}")  # its JS and CSS links, so the page has them before any incident
    css = _links(fmap, "default_css") + [h for _, h in layer.default_css]
    js = _links(fmap, "default_js") + [s for _, s in layer.default_js]
    return MapParts(script, header, html, streamlit_folium.get_full_id(fmap),
                    tuple(dict.fromkeys(css)), tuple(dict.fromkeys(js)), fmap.options.get("zoom"))


def layer_script(literal: str, options_json: str) -> str:
    """The incident layer for the component's feature_group argument (as st_folium writes it)."""
    return (f"var {FEATURE_GROUP} = IncidentLayer.populate(L.featureGroup(), JSON.parse({literal}), "
            f"{options_json});\nmap_div.addLayer({FEATURE_GROUP});\n"
            "window.feature_group = window.feature_group || [];\n"
            f"window.feature_group.push({FEATURE_GROUP});\n")


def show_map(parts: MapParts, layer: str, *, key: str, height: int, returned_objects: list[str],
             center: Any = None, zoom: Any = None) -> dict | None:
    """Draw the component; returns what the map sends back (as st_folium does)."""
    hash_key = streamlit_folium.generate_js_hash(parts.script, key, False)
    defaults = {name: None for name in returned_objects}

    def on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})

    return streamlit_folium._component_func(
        script=parts.script, header=parts.header, html=parts.html, id=parts.map_id, key=hash_key,
        height=height, width=None, returned_objects=returned_objects, default=defaults, zoom=zoom,
        center=center, feature_group=layer, return_on_hover=False, layer_control=None, pixelated=False,
        css_links=list(parts.css_links), js_links=list(parts.js_links), on_change=on_change,
        wrap_longitude=False,
    )
