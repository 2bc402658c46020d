"""Many writers at once, on SQLite and PostgreSQL, with real processes.

Four `python -m incidents ingest` processes over overlapping folders (every
article in two of them, the articles of one event spread over different
processes) while an editor saves reviews in this process. A correct store
makes the result equal to a serial run in the order the ingests committed
(the audit trail gives that order): the same incidents (the same reports in
each), the same computed rows and the same claims; every article stored once;
every editor's save still there; no raw database error in any output.
Clustering is greedy, so two serial runs in different orders may group a
report differently; the test compares with the serial run of the same order.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from incidents.ingest import IngestError, read_paths
from incidents.store import LOCAL_USER, Store
from incidents.store.tables import AUTO_COLUMNS
from tests.conftest import ARTICLES, ROOT

SOURCES = [ARTICLES, *(ROOT / "tests" / "data" / f"heldout{n}" for n in ("", "2", "3"))]
PROCESSES = 4
RAW_ERRORS = ("Traceback", "UniqueViolation", "IntegrityError", "OperationalError", "database is locked")


def overlapping_folders(tmp: Path) -> list[Path]:
    """PROCESSES folders; article i goes to folders i % n and (i + 1) % n (manifests kept per subfolder)."""
    folders = [tmp / f"batch{k}" for k in range(PROCESSES)]
    i = 0
    for source in SOURCES:
        manifest = (
            (source / "manifest.csv").read_text(encoding="utf-8").splitlines()
            if (source / "manifest.csv").exists()
            else None
        )
        files = sorted(p for p in source.iterdir() if p.suffix in (".txt", ".html"))
        for path in files:
            for k in (i % PROCESSES, (i + 1) % PROCESSES):
                target = folders[k] / source.name
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target / path.name)
                if manifest:
                    rows = [r for r in manifest[1:] if r.startswith(path.name + ",")]
                    out = target / "manifest.csv"
                    text = out.read_text(encoding="utf-8") if out.exists() else manifest[0] + "\n"
                    out.write_text(text + "\n".join(rows) + "\n", encoding="utf-8")
            i += 1
    return folders


def all_articles():
    return {
        a.article_id: a for _, a in read_paths([str(s) for s in SOURCES]) if not isinstance(a, IngestError)
    }


def editor_loop(store: Store, procs: list[subprocess.Popen]) -> dict[str, dict]:
    """Save reviews on random incidents until the ingests end: {incident: what was saved last}."""
    rng = random.Random(7)
    saved: dict[str, dict] = {}
    while any(p.poll() is None for p in procs) or len(saved) < 3:
        ids = store.live_incident_ids()
        if not ids:
            time.sleep(0.05)
            continue
        iid = rng.choice(ids)
        record = store.incident(iid)
        want = {
            "status": rng.choice(["reviewed", "disputed", "rejected"]),
            "fatalities": rng.randrange(40),
            "note": f"save {len(saved)}",
        }
        store.set_review(
            iid,
            by=LOCAL_USER,
            expected_version=record.version,
            status=want["status"],
            fatalities=want["fatalities"],
            note=want["note"],
        )
        saved[iid] = want
        time.sleep(0.02)
    return saved


def shape(store: Store) -> dict[frozenset, tuple]:
    """{the report ids of an incident: (its computed columns, its claims)}, with no incident id in it."""
    t, rt, ct = store.t["incidents"], store.t["reports"], store.t["claims"]
    with store.engine.connect() as conn:
        groups: dict[str, set] = {}
        for report_id, incident_id in conn.execute(sa.select(rt.c.report_id, rt.c.incident_id)):
            groups.setdefault(incident_id, set()).add(report_id)
        rows = {
            r.incident_id: r
            for r in conn.execute(sa.select(t.c.incident_id, *(t.c[c] for c in AUTO_COLUMNS)))
        }
        claims: dict[str, list] = {}
        for row in conn.execute(sa.select(ct)).mappings():
            claims.setdefault(row["incident_id"], []).append(
                tuple(v for k, v in sorted(row.items()) if k != "incident_id")
            )
    out = {}
    for iid, reports in groups.items():
        computed = tuple(getattr(rows[iid], c) for c in AUTO_COLUMNS if c != "updated_at")
        out[frozenset(reports)] = (computed, sorted(claims.get(iid, [])))
    return out


def commit_order(store: Store) -> list[str]:
    trail = store.audit_frame()
    ingests = trail[(trail["action"] == "ingest") & trail["incident_id"].isna()]
    return list(dict.fromkeys(ingests["article_id"]))


def run_concurrently(url: str, folders: list[Path], editor: Store) -> tuple[list[str], dict[str, dict]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "incidents", "ingest", str(f), "--db", url],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for f in folders
    ]
    saved = editor_loop(editor, procs)
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * PROCESSES, outputs
    return outputs, saved


@pytest.fixture
def shared_db(empty_database):
    """(url for the CLI processes, the editor's Store) on one fresh database (PostgreSQL: its own schema)."""
    url, schema = empty_database
    if schema:
        url = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    store = Store(url)
    yield url, store
    store.engine.dispose()


def test_four_ingests_and_an_editor_at_once_equal_a_serial_run(shared_db, tmp_path):
    url, editor = shared_db
    outputs, saved = run_concurrently(url, overlapping_folders(tmp_path), editor)
    text = "\n".join(outputs)
    assert not [e for e in RAW_ERRORS if e in text], text
    articles = all_articles()
    assert text.count("already in the database") == len(articles)  # each article's second copy

    order = commit_order(editor)
    assert sorted(order) == sorted(articles)
    serial = Store("sqlite://")
    serial.ingest(articles[a] for a in order)
    got, want = shape(editor), shape(serial)
    assert set(got) == set(want), "the incidents group other reports than the serial run"
    assert got == want
    assert len(editor.claims_frame()) == len(serial.claims_frame())

    assert saved
    for iid, values in saved.items():  # every editor's save kept, none reverted by an ingest
        record = editor.incident(iid)
        assert (record.review_status, record.edits.get("fatalities"), record.edit_note) == (
            values["status"],
            values["fatalities"],
            values["note"],
        ), iid
    print(
        json.dumps(
            {
                "articles": len(articles),
                "incidents": len(got),
                "claims": len(editor.claims_frame()),
                "editor saves": len(saved),
            }
        )
    )
