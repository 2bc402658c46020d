"""Offline assets: point folium and its plugins at the copies vendored in static/.

folium loads Leaflet, jQuery, Bootstrap and plugins from CDNs by default. The
newsroom machine may have no network, and no request may leave the app, so
every element we put on the map gets its JS/CSS links replaced by
/app/static/... paths (served by `server.enableStaticServing`).
"""
from __future__ import annotations

from typing import Any

STATIC_URL = "/app/static"

LEAFLET_JS = [("leaflet", f"{STATIC_URL}/leaflet/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", f"{STATIC_URL}/leaflet/leaflet.css")]
SUPERCLUSTER_JS = [("supercluster", f"{STATIC_URL}/supercluster/supercluster.min.js")]
CLUSTER_CSS = [  # the cluster icon styles of Leaflet.markercluster (its JS is not needed)
    ("markerclustercss", f"{STATIC_URL}/leaflet.markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{STATIC_URL}/leaflet.markercluster/MarkerCluster.Default.css"),
]
INCIDENT_JS = [("incident_popup", f"{STATIC_URL}/dashboard/incident_popup.js"),
               ("incident_layer", f"{STATIC_URL}/dashboard/incident_layer.js")]
BASEMAP_JS = [("basemap", f"{STATIC_URL}/dashboard/basemap.js")]
BASEMAP_URL = f"{STATIC_URL}/basemap"  # the data files of the vector basemap (dashboard/basemap_build.py)
INCIDENT_CSS = [("incident_layer_css", f"{STATIC_URL}/dashboard/incident_layer.css")]

# Hosts that must never appear in what the dashboard sends to a browser.
CDN_MARKERS = (
    "cdn.jsdelivr.net", "code.jquery.com", "cdnjs.cloudflare.com", "netdna.bootstrapcdn.com",
    "unpkg.com", "d3js.org", "tile.openstreetmap.org", "googleapis.com",
)


def use_offline_assets(element: Any, js: list[tuple[str, str]], css: list[tuple[str, str]]) -> Any:
    """Replace an element's default JS/CSS links (instance attributes, class untouched)."""
    element.default_js = list(js)
    element.default_css = list(css)
    return element


def cdn_urls_in(text: str) -> list[str]:
    """The CDN host names found in rendered HTML/JS (empty when it is offline-clean)."""
    return [host for host in CDN_MARKERS if host in text]
