"""python -m geo: JSON lines, exit codes and errors as scripts see them."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from geo.__main__ import cli
from geo.place import Place
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture

PLACE_FIELDS = {"name", "lat", "lon", "country_code", "admin1", "place_id", "geo_precision", "where_prec",
                "uncertainty_km", "geometry", "method"}


@pytest.fixture
def run(gazetteer):
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args))


def test_geocode_json_one_line_per_phrase_in_order(run):
    result = run("geocode", "Arbil", "north of Baghdad", "the Iraq-Syria border region", "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [d["query"] for d in lines] == ["Arbil", "north of Baghdad", "the Iraq-Syria border region"]
    assert all(set(d) >= PLACE_FIELDS for d in lines)
    assert lines[1]["geo_precision"] == 2 and lines[2]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert Place(**{k: v for k, v in lines[0].items() if k != "query"}).country_code == "IQ"


def test_geocode_unknown_phrase_gives_an_error_line_and_exit_1(run):
    result = run("geocode", "Erbil", "Qwxzzyplk", "--json")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines[0]["name"] == "Erbil"
    assert lines[1] == {"query": "Qwxzzyplk", "error": "no place found"}


def test_find_jsonl_writes_the_scorers_layout(run, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "Rockets hit Erbil and Syrian forces moved."}) + "\n"
                      + json.dumps({"id": "b", "text": "nothing here"}) + "\n")
    result = run("find", "--jsonl", str(corpus))
    assert result.exit_code == 0, result.output
    a, b = [json.loads(line) for line in result.output.splitlines()]
    assert a["id"] == "a" and b == {"id": "b", "toponyms": []}
    assert [(t["start"], t["end"]) for t in a["toponyms"]] == [(12, 17), (22, 28)]
    assert set(a["toponyms"][0]) == {"start", "end", "lat", "lon"}


def test_find_file_json_and_text(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("BAGHDAD (Reuters) - A drone hit near Erbil.", encoding="utf-8")
    lines = [json.loads(line) for line in run("find", str(article), "--json").output.splitlines()]
    assert [(d["text"], d["role"]) for d in lines] == [("BAGHDAD", "dateline"), ("near Erbil", "place")]
    assert "near Erbil" in run("find", str(article)).output


def test_reverse(run):
    result = run("reverse", "36.19", "44.0", "--json")
    assert result.exit_code == 0 and json.loads(result.output)["name"] == "Erbil"
    assert run("reverse", "0", "-30").exit_code == 1  # mid-Atlantic: no place
    assert json.loads(run("reverse", "-33.87", "151.21", "--json").output)["country_code"] == "AU"


@pytest.mark.parametrize("args", [
    ("reverse", "95", "0"), ("reverse", "abc", "1"), ("find", "/nonexistent/file.txt"), ("find",),
    ("find", "--jsonl", "/nonexistent.jsonl"), ("geocode",),
])
def test_bad_input_is_an_error_message_not_a_traceback(run, args):
    result = run(*args)
    assert result.exit_code != 0
    assert "Traceback" not in result.output and not isinstance(result.exception, (ValueError, OSError))


def test_bad_jsonl_line_is_a_click_error(run, tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("{not json}\n")
    result = run("find", "--jsonl", str(corpus))
    assert result.exit_code == 1 and "bad.jsonl:1" in result.output
