"""The command line as users and scripts call it."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from incidents.cli import main
from incidents.schema import INCIDENT_COLUMNS

from .conftest import ARTICLES


@pytest.fixture
def run(tmp_path):
    db = f"sqlite:///{tmp_path}/cli.db"

    def go(*args, env=None):
        return CliRunner().invoke(main, [*args, "--db", db] if args[0] != "--help" else list(args), env=env)

    return go


def test_ingest_export_list(run, tmp_path):
    res = run("ingest", str(ARTICLES))
    assert res.exit_code == 0, res.output
    assert "000_fd23b8c5f29e1d4a.txt: " in res.output and "claim(s)" in res.output
    again = run("ingest", str(ARTICLES))
    assert again.exit_code == 0 and again.output.count("already in the database") == 5
    out = tmp_path / "out"
    res = run("export", str(out))
    assert res.exit_code == 0
    assert (out / "incidents.csv").read_text().split("\n")[0] == ",".join(INCIDENT_COLUMNS)
    assert (out / "claims.csv").exists()
    res = run("export", str(out), "--format", "geojson")
    assert json.loads((out / "incidents.geojson").read_text())["type"] == "FeatureCollection"
    listing = run("list")
    assert listing.exit_code == 0 and "incident(s)" in listing.output and "Erbil" in listing.output


def test_one_bad_file_is_reported_the_others_go_in(run, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    (folder / "empty.txt").write_bytes(b"")
    res = run("ingest", str(folder), str(tmp_path / "missing.txt"))
    assert res.exit_code == 1
    assert "broken.txt" in res.output and "binary" in res.output and "empty" in res.output
    assert "no such file" in res.output and "Traceback" not in res.output
    assert res.output.count("incident(s)") == 5
    assert "Erbil" in run("list").output


def test_database_from_environment(tmp_path):
    env = {"INCIDENTS_DB_URL": f"sqlite:///{tmp_path}/env.db"}
    res = CliRunner().invoke(main, ["ingest", str(ARTICLES / "004_2b013bef317bb1f3.txt")], env=env)
    assert res.exit_code == 0 and (tmp_path / "env.db").exists()


def test_bad_database_url_is_a_message_not_a_traceback(tmp_path):
    res = CliRunner().invoke(main, ["list", "--db", "nosuchdriver://x"])
    assert res.exit_code != 0 and "Error:" in res.output and "Traceback" not in res.output


def test_every_command_and_option_has_help():
    for cmd in ("ingest", "export", "list"):
        res = CliRunner().invoke(main, [cmd, "--help"])
        assert res.exit_code == 0 and "--db" in res.output
    assert "--format" in CliRunner().invoke(main, ["export", "--help"]).output


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    res = subprocess.run(
        [sys.executable, "-m", "incidents", "list", "--db", f"sqlite:///{tmp_path}/m.db"],
        capture_output=True,
        text=True,
        cwd=ARTICLES.parent.parent,
        timeout=120,
    )
    assert res.returncode == 0 and "no incidents" in res.stdout


def test_claim_counts_are_what_was_stored(run, tmp_path):
    import re

    from incidents.store import Store

    res = run("ingest", str(ARTICLES))
    per_file = [int(n) for n in re.findall(r"incident\(s\), (\d+) claim\(s\)", res.output)]
    stored = len(Store(f"sqlite:///{tmp_path}/cli.db").claims_frame())
    assert sum(per_file) == stored
    assert f"{stored} claims stored" in res.output


def test_a_calendar_edge_a_broken_manifest_and_a_link_out_lose_no_other_file(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    story = "Gunmen killed five villagers in Kano on Monday, police said."
    (folder / "a.txt").write_text(f"published: 9999-12-31\n\n{story}")
    (folder / "b.txt").write_text(f"{story} Two more died in hospital on 31 December 9999.")
    (folder / "c.txt").write_text(f"A bomb killed three soldiers in Mosul on Tuesday, the army said. {story}")
    (folder / "manifest.csv").write_bytes(b'file,outlet\na.txt,"Wire\nc.txt,Caf\xe9 Post\n')
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    res = run("ingest", str(folder))
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert "manifest.csv line 2: an unclosed quote" in res.output
    assert "outside the folder given" in res.output and "root:" not in res.output
    assert "3 file(s) added" in res.output and "outside 1900-" in res.output


def test_help_states_the_limits():
    from incidents.limits import MAX_ARTICLE_CHARS, MAX_FILE_MB

    out = " ".join(CliRunner().invoke(main, ["ingest", "--help"]).output.split())
    assert f"{MAX_FILE_MB} MB a file" in out and f"{MAX_ARTICLE_CHARS:,} characters" in out
