"""A filtered set's payload cut from the whole table's: it reads exactly as encoding the filtered frame."""
from __future__ import annotations

import json

import numpy as np
import pytest

from dashboard.filters import FilterIndex, IncidentFilter, filter_positions
from dashboard.layer_cut import EncodedLayer, Tokens
from dashboard.map_layer import encode_layer, payload_json

TEXT = ("et", "st", "wp", "cty", "adm", "a1", "a2", "loc", "lar", "d", "ds", "de")
NUMBERS = ("kl", "kh", "wl", "wh", "tp", "lat", "lon", "uk", "dis")


def strict(text: str) -> dict:
    """JSON as a browser's JSON.parse reads it: NaN or Infinity is an error, not a number."""
    def refuse(constant: str):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def read(payload: dict) -> list[dict]:
    """Every incident of a payload with its strings, claims and articles resolved (what the popup shows)."""
    s, claims, own = payload["s"], payload["c"], payload["ia"]

    def article(k: int):
        return None if k < 0 else tuple(s[payload["A"][key][k]] for key in ("o", "u", "t"))

    out = []
    for i, incident_id in enumerate(payload["id"]):
        row = {key: s[payload[key][i]] for key in TEXT}
        row.update({key: payload[key][i] for key in NUMBERS})
        row["id"], row["geo"] = incident_id, payload["geo"].get(str(i))
        row["color"] = payload["colors"][str(payload["et"][i])]
        row["claims"] = [({key: s[claims[key][k]] for key in ("src", "vg", "sd")}
                          | {key: claims[key][k] for key in ("kl", "kh", "wl", "wh")}
                          | {"article": article(claims["a"][k])})
                         for k in range(claims["start"][i], claims["start"][i + 1])]
        row["articles"] = [article(a) for a in own["a"][own["start"][i]:own["start"][i + 1]]]
        out.append(row)
    return out


@pytest.fixture
def varied(generated):
    """Generated incidents with some unplaced, one with a band geometry, one hostile string."""
    incidents, claims = (frame.copy() for frame in generated)
    incidents.loc[incidents.index[[2, 7, 40]], "latitude"] = None
    incidents.loc[incidents.index[5], "geometry"] = '{"type":"LineString","coordinates":[[44,33],[45,34]]}'
    incidents.loc[incidents.index[9], "notes"] = "</script><b>&</b>"
    incidents.loc[incidents.index[11], "location"] = "</script><b>&</b>"
    claims.loc[claims.index[4], "article_id"] = "not-an-article"
    return incidents, claims


@pytest.mark.parametrize("flt", [
    IncidentFilter(), IncidentFilter(text="kabul"), IncidentFilter(min_killed=12, sources=("SANA",)),
    IncidentFilter(text="no such words anywhere"),
])
def test_a_cut_reads_as_the_filtered_frame_encoded(varied, flt):
    incidents, claims = varied
    incidents = incidents.assign(geometry=incidents["geometry"].fillna(""))
    positions = filter_positions(FilterIndex.of(incidents), flt)
    text = EncodedLayer.of(incidents, claims).cut(positions)
    assert read(strict(text)) == read(encode_layer(incidents.iloc[positions], claims))
    assert not {"<", ">", "&", "\u2028", "\u2029"} & set(text)  # safe inside a <script>, as payload_json


def test_a_narrow_cut_carries_only_the_strings_and_articles_it_uses(generated):
    incidents, claims = generated
    layer = EncodedLayer.of(incidents, claims)
    one = strict(layer.cut(np.array([0])))
    assert len(one["id"]) == 1 and len(one["A"]["o"]) == 1
    used = {one[key][0] for key in TEXT}
    used |= {one["c"][key][k] for key in ("src", "vg", "sd") for k in range(len(one["c"]["src"]))}
    used |= {one["A"][key][0] for key in ("o", "u", "t")}
    assert set(range(len(one["s"]))) == used | {0}
    assert len(one["s"]) < len(layer.strings) / 10


def test_the_whole_table_cut_is_no_larger_than_encoding_it(generated):
    incidents, claims = generated
    whole = EncodedLayer.of(incidents, claims).cut(np.arange(len(incidents)))
    assert len(whole) <= len(payload_json(encode_layer(incidents, claims)))


@pytest.mark.parametrize("values, numbers", [
    (["inc-1", "inc-2", "inc-1"], False), (['a"b', "c\\d", "</script>", "x\u2028", None], False),
    (["12", "7"], False), ([1, None, 2.5, 1, 0, -3, 33.1234], True), ([], True), ([], False),
])
def test_each_value_is_written_as_json_and_safe_in_a_script(values, numbers):
    tokens = Tokens.of(values, numbers=numbers)
    text = tokens.json(np.arange(len(values)))
    assert strict(text) == values
    assert not {"<", ">", "&", "\u2028"} & set(text)
