"""The folium map: a base map built once per data version, and one incident layer.

The base map (vector basemap, legend, initial centre) depends only on the data
version, so its script stays the same across filter changes and streamlit-folium
keeps the user's zoom. The filtered incidents travel as one compact, columnar
payload in a FeatureGroup passed with `st_folium(feature_group_to_add=...)`;
static/dashboard/incident_layer.js indexes it with Supercluster, draws only what is
in view (canvas circles, cluster icons) and
builds tooltips and popups only for the marker the user points at.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

import folium
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from dashboard.assets import (
    BASEMAP_JS,
    BASEMAP_URL,
    CLUSTER_CSS,
    INCIDENT_CSS,
    INCIDENT_JS,
    LEAFLET_CSS,
    LEAFLET_JS,
    SUPERCLUSTER_JS,
    use_offline_assets,
)
from dashboard.basemap import TileSetting

EVENT_COLORS: dict[str, str] = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4",
}
OTHER_COLOR = "#7f7f7f"

# payload key -> incident column, sent through the string table; columns with few
# distinct values first, so the most repeated strings get the shortest indices.
_INCIDENT_TEXT = {
    "et": "event_type", "st": "sub_event_type", "wp": "weapon", "cty": "country", "adm": "admin1",
    "a1": "actor1", "a2": "actor2", "loc": "location", "lar": "location_as_reported",
    "d": "event_date", "ds": "date_start", "de": "date_end",
}
_INCIDENT_INT = {"kl": "killed_low", "kh": "killed_high", "wl": "wounded_low", "wh": "wounded_high",
                 "tp": "time_precision"}
_CLAIM_TEXT = {"src": "source", "vg": "victim_group", "sd": "stated_date"}
_ARTICLE_TEXT = {"o": "outlet", "u": "url", "t": "title"}
_CLAIM_INT = {"kl": "killed_low", "kh": "killed_high", "wl": "wounded_low", "wh": "wounded_high"}


class StringTable:
    """Interns strings so each distinct value travels once; index 0 is ''."""

    def __init__(self) -> None:
        self.values: list[str] = [""]
        self._index: dict[str, int] = {"": 0}

    def codes(self, column: pd.Series) -> list[int]:
        """The string-table index of every value of a column (missing -> '')."""
        text = column.astype("string").fillna("")
        positions, uniques = pd.factorize(text)
        table = np.empty(len(uniques), dtype=np.int64)
        for n, value in enumerate(uniques):
            if value not in self._index:
                self._index[value] = len(self.values)
                self.values.append(value)
            table[n] = self._index[value]
        return table[positions].tolist() if len(positions) else []


def _ints(column: pd.Series) -> list[int | None]:
    """Nullable integers as JSON numbers or null."""
    numbers = pd.to_numeric(column, errors="coerce").astype("Float64").round().astype("Int64")
    return numbers.astype(object).where(numbers.notna(), None).tolist()


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame.columns else pd.Series([None] * len(frame), index=frame.index)


def encode_layer(incidents: pd.DataFrame, claims: pd.DataFrame,
                 articles: pd.DataFrame | None = None) -> dict:
    """The compact payload for incident_layer.js: one array per field, strings interned.

    Rows without coordinates are left out (they stay in the table). Claims are
    grouped per incident: claims of incident i are c[start[i]:start[i+1]]; each
    claim and each incident points into one article table A (outlet, URL, title).
    """
    points = incidents.dropna(subset=["latitude", "longitude"]).reset_index(drop=True)
    strings = StringTable()
    for column in ("source", "victim_group", "outlet"):  # few distinct values: short indices
        if column in claims.columns:
            strings.codes(claims[column])
    payload: dict = {key: strings.codes(_column(points, col)) for key, col in _INCIDENT_TEXT.items()}
    payload.update({key: _ints(_column(points, col)) for key, col in _INCIDENT_INT.items()})
    payload["id"] = points["incident_id"].astype(str).tolist()
    payload["lat"] = pd.to_numeric(points["latitude"]).astype(float).round(4).tolist()
    payload["lon"] = pd.to_numeric(points["longitude"]).astype(float).round(4).tolist()
    geometry = _column(points, "geometry").astype("string").fillna("")
    payload["geo"] = {str(i): text for i, text in geometry[geometry.str.len() > 0].items()}
    km = pd.to_numeric(_column(points, "geo_uncertainty_km"), errors="coerce").fillna(0)
    payload["uk"] = km.astype(float).round(1).tolist()
    disputed = _column(points, "claims_disputed")
    payload["dis"] = disputed.astype(int).tolist() if disputed.dtype == bool else \
        [1 if _truthy(v) else 0 for v in disputed]
    table = article_table(claims, articles)
    article_index = pd.Index(table["article_id"].to_numpy(dtype=object))
    payload["c"] = _encode_claims(points["incident_id"].astype(str), claims, strings, article_index)
    payload["ia"] = _incident_articles(points, article_index)
    payload["A"] = {key: strings.codes(table[col]) for key, col in _ARTICLE_TEXT.items()}
    payload["colors"] = {str(code): EVENT_COLORS.get(strings.values[code], OTHER_COLOR)
                         for code in set(payload["et"])}
    payload["s"] = strings.values
    return payload


def article_table(claims: pd.DataFrame, articles: pd.DataFrame | None) -> pd.DataFrame:
    """One row per article (article_id, outlet, url, title): the store's, else what the claims name."""
    frames = []
    if articles is not None and not articles.empty and "article_id" in articles.columns:
        frames.append(pd.DataFrame({"article_id": articles["article_id"].astype(str),
                                    **{c: _column(articles, c) for c in ("outlet", "url", "title")}}))
    if "article_id" in claims.columns and len(claims):
        frames.append(pd.DataFrame({"article_id": claims["article_id"].astype(str),
                                    "outlet": _column(claims, "outlet"),
                                    "url": _column(claims, "article_url"), "title": None}))
    if not frames:
        return pd.DataFrame(columns=["article_id", "outlet", "url", "title"])
    return pd.concat(frames, ignore_index=True).drop_duplicates("article_id").reset_index(drop=True)


def _encode_claims(incident_ids: pd.Series, claims: pd.DataFrame, strings: StringTable,
                   article_index: pd.Index) -> dict:
    rows = pd.Index(incident_ids.to_numpy(dtype=object)).get_indexer(
        claims["incident_id"].astype(str).to_numpy(dtype=object))
    keep = np.flatnonzero(rows >= 0)
    keep = keep[np.argsort(rows[keep], kind="stable")]  # grouped by incident, claims in their order
    mine = claims.iloc[keep]
    counts = np.bincount(rows[keep], minlength=len(incident_ids))
    start = [0, *np.cumsum(counts).tolist()]
    encoded: dict = {key: strings.codes(mine[col]) for key, col in _CLAIM_TEXT.items()}
    encoded.update({key: _ints(mine[col]) for key, col in _CLAIM_INT.items()})
    article_ids = _column(mine, "article_id").astype(str).to_numpy(dtype=object)
    encoded["a"] = article_index.get_indexer(article_ids).tolist()
    encoded["start"] = start
    return encoded


def _incident_articles(points: pd.DataFrame, article_index: pd.Index) -> dict:
    """Each incident's articles (its article_ids cell) as indices into the article table (vectorised:
    one lookup for all incidents)."""
    cells = pa.array(_column(points, "article_ids").astype("string").fillna(""), type=pa.large_string())
    lists = pc.split_pattern(cells, ";")  # Arrow: a Python split per cell was 0.14 s at 100,000 incidents
    names = pc.utf8_trim_whitespace(pc.list_flatten(lists)).to_numpy(zero_copy_only=False)
    found = article_index.get_indexer(names.astype(object))
    owner = pc.list_parent_indices(lists).to_numpy()
    keep = found >= 0
    counts = np.bincount(owner[keep], minlength=len(points))
    return {"a": found[keep].tolist(), "start": [0, *np.cumsum(counts).tolist()]}


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value) and not pd.isna(value)


def payload_json(payload: dict) -> str:
    """JSON safe to embed in a <script>: no '<', '>' or '&' survives unescaped."""
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


class _Verbatim(Element):
    """Text rendered as it is (branca's Element compiles its text as a template)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class IncidentLayer(JSCSSMixin, folium.FeatureGroup):
    """One FeatureGroup holding every filtered incident, drawn by incident_layer.js."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = IncidentLayer.populate(L.featureGroup(),
                JSON.parse({{ this.literal }}), {{ this.options_json }});
            {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, payload: str, *, name: str = "Incidents", selected: str | None = None):
        # _name stays "FeatureGroup": st_folium adds the layer to the map by that variable name
        super().__init__(name=name, control=False)
        self.payload = payload
        self.options_json = payload_json({"selected": selected})
        # a JS string for JSON.parse: Chromium parses JSON about twice as fast as an object literal
        # (15 MB at 100,000 incidents). payload_json left no '<', '>', '&' or line separators in it.
        self.literal = json.dumps(payload, ensure_ascii=False)
        use_offline_assets(self, SUPERCLUSTER_JS + INCIDENT_JS, CLUSTER_CSS + INCIDENT_CSS)

    def render(self, **kwargs) -> None:
        """folium's render, except that the script goes into the figure verbatim.

        folium wraps each rendered script in a new jinja Template: with the
        payload inside that meant lexing megabytes (about 1 s per render at
        100,000 incidents) and reading any '{{' in an article as template syntax.
        """
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        figure.script.add_child(_Verbatim(self._template.module.script(self, kwargs)), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)

    @classmethod
    def from_frames(cls, incidents: pd.DataFrame, claims: pd.DataFrame,
                    articles: pd.DataFrame | None = None) -> IncidentLayer:
        """Encode the frames (use the cached payload string in the app instead)."""
        return cls(payload_json(encode_layer(incidents, claims, articles)))


class _BaseMapScript(JSCSSMixin, MacroElement):
    """The vector basemap (static/dashboard/basemap.js) and the legend, wired in JS once the map exists."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            IncidentLayer.legend({{ this._parent.get_name() }}, {{ this.colors }}, {{ this.labels }});
            Basemap.add({{ this._parent.get_name() }}, {base: {{ this.base }}, version: {{ this.version }},
                tiles: {{ this.tiles.get_name() if this.tiles else "null" }}});
        {% endmacro %}
    """)

    def __init__(self, tiles: folium.TileLayer | None, version: str):
        super().__init__()
        self._name = "BaseMapScript"
        keys = [str(i) for i in range(len(EVENT_COLORS) + 1)]
        labels = [*EVENT_COLORS, "Other"]
        self.colors = json.dumps(dict(zip(keys, [*EVENT_COLORS.values(), OTHER_COLOR], strict=True)))
        self.labels = json.dumps(dict(zip(keys, labels, strict=True)))
        self.base = json.dumps(BASEMAP_URL)
        self.version = json.dumps(version)
        self.tiles = tiles
        use_offline_assets(self, BASEMAP_JS + INCIDENT_JS, INCIDENT_CSS)


def initial_view(incidents: pd.DataFrame) -> list[float]:
    """The centre of the incidents (the map fits them in the browser); the Middle East when there are none."""
    lat = pd.to_numeric(incidents.get("latitude"), errors="coerce").dropna()
    lon = pd.to_numeric(incidents.get("longitude"), errors="coerce").dropna()
    if lat.empty or lon.empty:
        return [25.0, 30.0]
    return [(float(lat.min()) + float(lat.max())) / 2, (float(lon.min()) + float(lon.max())) / 2]


def build_base_map(incidents: pd.DataFrame, tiles: TileSetting, *, basemap_version: str = "",
                   zoom_start: int = 4) -> folium.Map:
    """The map without incidents: depends only on the full data, not on the filters.

    The incident layer fits the view to the incidents when it is first drawn.
    """
    fmap = folium.Map(location=initial_view(incidents), zoom_start=zoom_start, tiles=None, prefer_canvas=True,
                      control_scale=True, world_copy_jump=True)
    fmap.options.update(max_zoom=18, min_zoom=2)  # no tile layer sets them; the clusterer needs maxZoom
    use_offline_assets(fmap, LEAFLET_JS, LEAFLET_CSS)
    tile_layer = None
    if tiles.url:
        tile_layer = folium.TileLayer(tiles=tiles.url, attr=tiles.attribution, name="Tiles",
                                      max_zoom=18).add_to(fmap)
    fmap.add_child(_BaseMapScript(tile_layer, basemap_version))
    return fmap


def render_html(fmap: folium.Map, layers: Iterable[folium.FeatureGroup] = ()) -> str:
    """The standalone HTML of a map with its layers (for tests and benchmarks)."""
    for layer in layers:
        layer.add_to(fmap)
    return fmap.get_root().render()
