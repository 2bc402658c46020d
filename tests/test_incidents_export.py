"""Export: the exact CSV layout, formula neutralising, GeoJSON."""

from __future__ import annotations

import json

import pandas as pd

from incidents.export import csv_text, to_geojson, write_csv
from incidents.schema import CLAIM_COLUMNS, INCIDENT_COLUMNS


def test_exact_csv_string():
    df = pd.DataFrame(
        {
            "b": ["x,y", 'say "hi"', None],
            "a": pd.array([1, None, 3], dtype="Int64"),
            "c": [1.5, float("nan"), -2.0],
        }
    )
    assert csv_text(df, ["a", "b", "c", "missing"]) == (
        'a,b,c,missing\n1,"x,y",1.5,\n,"say ""hi""",,\n3,,-2,\n'
    )


def test_formula_cells_are_neutralised_numbers_are_not():
    df = pd.DataFrame({"v": ["=SUM(A1)", "+1+1", "-cmd", "@x", "\tx", "-44.5", "ok", "a=b"]})
    assert csv_text(df, ["v"]).split("\n")[1:-1] == [
        "'=SUM(A1)",
        "'+1+1",
        "'-cmd",
        "'@x",
        "'\tx",
        "-44.5",
        "ok",
        "a=b",
    ]


def test_write_csv_files_with_schema_headers(tmp_path):
    inc = pd.DataFrame([{"incident_id": "inc-1", "latitude": 33.1, "longitude": 44.2}])
    claims = pd.DataFrame([{"claim_id": "c1", "incident_id": "inc-1", "source": "SANA"}])
    paths = write_csv(inc, claims, tmp_path / "out")
    assert [p.name for p in paths] == ["incidents.csv", "claims.csv"]
    lines = paths[0].read_bytes().split(b"\n")
    assert lines[0].decode() == ",".join(INCIDENT_COLUMNS) and b"\r" not in paths[0].read_bytes()
    assert paths[1].read_text().split("\n")[0] == ",".join(CLAIM_COLUMNS)


def test_geojson_one_feature_per_incident_with_claims():
    inc = pd.DataFrame(
        [
            {
                "incident_id": "inc-1",
                "latitude": 33.1,
                "longitude": 44.2,
                "killed_low": 4,
                "geometry": json.dumps({"type": "Point", "coordinates": [44, 33]}),
            },
            {"incident_id": "inc-2", "latitude": None, "longitude": None, "killed_low": None, "geometry": ""},
        ]
    )
    claims = pd.DataFrame([{"claim_id": "c1", "incident_id": "inc-1", "source": "SANA", "killed_low": 1}])
    fc = to_geojson(inc, claims)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    f1, f2 = fc["features"]
    assert f1["geometry"] == {"type": "Point", "coordinates": [44.2, 33.1]}
    assert f1["properties"]["claims"][0]["source"] == "SANA" and f1["properties"]["area"]["type"] == "Point"
    assert f2["geometry"] is None and f2["properties"]["killed_low"] is None
    json.dumps(fc, allow_nan=False)  # valid JSON: no NaN


def test_export_of_generated_incidents_round_trips():
    from bench.generate import generate_incidents

    inc, claims = generate_incidents(50)
    text = csv_text(inc, INCIDENT_COLUMNS)
    back = pd.read_csv(__import__("io").StringIO(text))
    assert list(back.columns) == list(INCIDENT_COLUMNS) and len(back) == 50


def test_carriage_return_in_a_value_is_quoted_and_reads_back_the_same(tmp_path):
    """A bare CR (an HTML page's og:site_name, a manifest's outlet) must not split the row."""
    import csv
    import io

    values = ["Daily\r=HYPERLINK(\"http://x\")", "two\nlines", "crlf\r\n@SUM(A1)", "plain", "-3"]
    df = pd.DataFrame({"outlet": values, "n": pd.array([1, 2, 3, 4, 5], dtype="Int64"), "x": ["a"] * 5})
    text = csv_text(df, ["outlet", "n", "x"])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 6 and all(len(r) == 3 for r in rows)
    assert [r[0] for r in rows[1:]] == [
        "Daily\r'=HYPERLINK(\"http://x\")",
        "two\nlines",
        "crlf\r\n'@SUM(A1)",
        "plain",
        "-3",
    ]
    path = tmp_path / "out.csv"
    path.write_text(text, encoding="utf-8", newline="")
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert back.shape == (5, 3) and list(back.columns) == ["outlet", "n", "x"]
    assert back["outlet"].tolist() == [r[0] for r in rows[1:]]
    assert back["n"].tolist() == ["1", "2", "3", "4", "5"]


def test_formula_after_any_line_break_is_neutralised():
    quotes = ["He said:\n=cmd|' /C calc'!A0", "ok\n- a list item", "a\n\tb", "fine\nline"]
    df = pd.DataFrame({"quote": quotes})
    cells = [c.split("\n")[1] for c in pd.read_csv(io_of(csv_text(df, ["quote"])), dtype=str)["quote"]]
    assert cells == ["'=cmd|' /C calc'!A0", "'- a list item", "'\tb", "line"]


def io_of(text: str):
    import io

    return io.StringIO(text)
