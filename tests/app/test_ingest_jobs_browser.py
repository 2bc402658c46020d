"""An upload on PostgreSQL is a background job: the page returns at once, the tab may close, a worker adds it.

Debian's Chromium against `streamlit run app.py` on a PostgreSQL schema of
its own (TEST_DATABASE_URL), with one real `python -m incidents worker`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bench.browser_bench import CHROMIUM, launch_chromium
from bench.sessions_bench import server
from tests.queue_support import running_worker, wait_for

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
UPLOAD_DIRS = [ROOT / "data" / "articles", ROOT / "tests" / "data" / "heldout"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
]


def upload_payloads() -> list[dict]:
    files = [p for d in UPLOAD_DIRS for p in sorted(d.iterdir()) if p.suffix in (".txt", ".html")]
    return [{"name": p.name, "mimeType": "text/plain", "buffer": p.read_bytes()} for p in files]


def test_an_upload_is_a_job_that_outlives_the_tab(pg_url, tmp_path):
    from playwright.sync_api import sync_playwright

    from incidents.jobs import JobQueue
    from incidents.store import Store

    payloads = upload_payloads()
    env = {"INCIDENTS_DB_URL": pg_url, "INCIDENT_DASHBOARD_BENCH_ROWS": "0"}
    with server(env, tmp_path / "streamlit.log") as (base, _pid), sync_playwright() as pw:
        http = base.replace("ws://", "http://")
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(120_000)
        page.goto(f"{http}/Ingest")
        page.get_by_role("tab", name="Upload files").click()
        page.locator('input[type="file"]').set_input_files(payloads)
        page.get_by_role("button", name=f"Add {len(payloads)} files to the database").click()
        page.get_by_text(f"Queued {len(payloads)} file(s) as a background job").wait_for()
        page.get_by_text("No ingest worker is running").wait_for()  # none yet: the page says so
        page.close()  # the tab goes away before any file is added

        queue = JobQueue(Store(pg_url))
        [job] = queue.recent()
        assert job.count("queued") == len(payloads)
        with running_worker(pg_url, tmp_path / "worker.log"):
            wait_for(lambda: queue.job(job.job_id).finished, 240, "the job to finish", poll=0.5)

        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        page.set_default_timeout(120_000)
        page.goto(f"{http}/Ingest")
        n = len(payloads)
        page.get_by_text(f"upload of {n} file(s): {n} of {n} file(s), 0 failed — finished").wait_for()
        page.get_by_text(f"Files of upload of {len(payloads)} file(s)").click()
        lines = page.locator('[data-testid="stText"]').last.inner_text().splitlines()
        assert len(lines) == len(payloads), lines
        assert all(line.startswith("added") and "incident(s)" in line for line in lines), lines
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "ingest-job.png"), full_page=True)
        browser.close()
