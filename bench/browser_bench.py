"""Time the dashboard in Debian's Chromium: page load -> incidents drawn, and a filter change.

    python bench/browser_bench.py [--rows 10000 100000] [--baseline REF]

For each size it starts `streamlit run app.py` with INCIDENT_DASHBOARD_BENCH_ROWS=N
(generated incidents instead of the store) on a free port, opens the page and
waits until the map's container says the incident layer is drawn
(data-incidents-ready, set by static/dashboard/incident_layer.js when the
clusterer has placed every marker). It prints figures; it asserts nothing.
generate_s is the time to generate the rows (timed here, in the bench's own
process): the server pays it too on the cold load, and a real store does not.
The bytes: what the websocket brought (Streamlit's messages, the incident
payload among them) and what the page and the map's frame fetched over HTTP
on the cold and on the warm visit (transfer sizes: 0 for what the browser had
cached, such as the basemap files).

--baseline REF runs the same measurements first on the app as it was at a git
commit (extracted with `git archive` into a temporary folder, e.g. the
outline-only map before the vector basemap), so old and new are measured in
one run on one machine. The server/browser helpers here are shared with
tests/app/test_browser.py.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
READY_JS = """(previous) => {
  const box = document.querySelector('#map_div');
  return !!box && box.dataset.incidentsReady !== undefined
    && (previous === null || box.dataset.incidentsTotal !== previous);
}"""
LAYER_MS_JS = "() => document.querySelector('#map_div').dataset.incidentsMs"
HTTP_BYTES_JS = ("() => performance.getEntriesByType('resource')"
                 ".reduce((n, e) => n + (e.transferSize || 0), 0)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(port: int, process: subprocess.Popen, timeout: float = 120.0) -> None:
    """Poll /_stcore/health until the server answers (or fail with its log)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        health = f"http://127.0.0.1:{port}/_stcore/health"
        with contextlib.suppress(OSError), urllib.request.urlopen(health, timeout=2) as answer:
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise TimeoutError(f"streamlit did not answer on port {port} within {timeout:.0f} s")


@contextlib.contextmanager
def running(command: list[str], log_path: Path, *, env: dict[str, str] | None = None,
            cwd: Path = ROOT) -> Iterator[subprocess.Popen]:
    """A child process writing to log_path; stopped afterwards (SIGTERM, SIGKILL after 10 s)."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@contextlib.contextmanager
def streamlit_process(env: dict[str, str], log_path: Path, *, port: int | None = None,
                      args: tuple[str, ...] = (),
                      root: Path = ROOT) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run app.py` of `root` (on port, else a free one) with extra args; yields (base URL,
    process)."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true", "--server.address", "127.0.0.1",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false", *args]
    with running(command, log_path, env=env, cwd=root) as process:
        wait_for_health(port, process)
        yield f"http://127.0.0.1:{port}", process


@contextlib.contextmanager
def streamlit_server(env: dict[str, str], log_path: Path, root: Path = ROOT) -> Iterator[str]:
    """`streamlit run app.py` (of `root`) on a free port; yields its base URL; stops it afterwards."""
    with streamlit_process(env, log_path, root=root) as (base, _process):
        yield base


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def map_frame(page, timeout_ms: float = 120_000):
    """The streamlit-folium iframe's Frame once Leaflet is in it."""
    page.frame_locator(MAP_FRAME).locator(".leaflet-container").wait_for(timeout=timeout_ms)
    handle = page.locator(MAP_FRAME).element_handle()
    return handle.content_frame()


def wait_incidents_drawn(frame, previous_total: str | None = None, timeout_ms: float = 120_000) -> str:
    """Wait until the incident layer is drawn (and, if given, its count changed); returns the count."""
    frame.wait_for_function(READY_JS, arg=previous_total, timeout=timeout_ms, polling=50)
    return frame.evaluate("() => document.querySelector('#map_div').dataset.incidentsTotal")


def http_bytes(page, frame) -> int:
    """Bytes fetched over HTTP by the page and the map's frame since they opened (0 when cached)."""
    return int(page.evaluate(HTTP_BYTES_JS)) + int(frame.evaluate(HTTP_BYTES_JS))


def measure(rows: int, out_dir: Path, root: Path = ROOT, label: str = "") -> dict[str, float | int | str]:
    from playwright.sync_api import sync_playwright

    if str(ROOT) not in sys.path:  # run as a script: the repository is not on the path
        sys.path.insert(0, str(ROOT))
    from bench.generate import generate_incidents

    figures: dict[str, float | int | str] = {"app": label or str(root), "rows": rows}
    start = time.perf_counter()  # part of the cold load is generating the rows: bench overhead, shown apart
    generate_incidents(rows)
    figures["generate_s"] = round(time.perf_counter() - start, 2)
    env = {"INCIDENT_DASHBOARD_BENCH_ROWS": str(rows)}
    with streamlit_server(env, out_dir / f"server-{rows}.log", root) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        received = [0]
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(
            0, received[0] + len(payload))))
        for visit in ("cold", "warm"):  # cold: the server builds and caches the data first
            received[0] = 0
            start = time.perf_counter()
            page.goto(url)
            frame = map_frame(page)
            total = wait_incidents_drawn(frame)
            figures[f"load_{visit}_s"] = round(time.perf_counter() - start, 2)
            figures[f"layer_js_{visit}_ms"] = int(frame.evaluate(LAYER_MS_JS))
            page.wait_for_timeout(1500)  # the basemap's own files, fetched after the page is ready
            figures[f"ws_{visit}_mb"] = round(received[0] / 1e6, 2)
            figures[f"http_{visit}_kb"] = round(http_bytes(page, frame) / 1e3)
        figures["features"] = int(total)
        search = page.locator("section[data-testid=stSidebar] input[aria-label=Search]")
        start = time.perf_counter()
        search.fill("Kabul")
        search.press("Enter")
        figures["filtered_features"] = int(wait_incidents_drawn(frame, previous_total=total))
        figures["filter_change_s"] = round(time.perf_counter() - start, 2)
        figures["layer_js_filter_ms"] = int(frame.evaluate(LAYER_MS_JS))
        page.screenshot(path=str(out_dir / f"bench-{label or 'app'}-{rows}.png"))
        browser.close()
    return figures


@contextlib.contextmanager
def checkout(ref: str) -> Iterator[Path]:
    """The repository's files at a commit, in a temporary folder (git archive: no worktree state)."""
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as tmp:
        archive = subprocess.run(["git", "archive", ref], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        yield Path(tmp)


def main() -> None:
    if str(ROOT) not in sys.path:  # run as a script: the repository is not on the path
        sys.path.insert(0, str(ROOT))
    from bench.common import Bench, smoke

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200] if smoke() else [10_000, 100_000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--baseline", metavar="REF", help="also measure the app at this git commit, first")
    args = parser.parse_args()
    bench = Bench("browser")
    if not Path(CHROMIUM).exists():
        bench.skip("Chromium page load and filter change",
                   f"{CHROMIUM} is missing: apt-get install -y chromium")
        return
    for rows in args.rows:
        if args.baseline:
            with checkout(args.baseline) as old, bench.timer() as t:
                figures = measure(rows, args.out, old, label=f"baseline-{args.baseline}")
            print("  ".join(f"{key}={value}" for key, value in figures.items()), flush=True)
            report(bench, figures, t, f" (baseline {args.baseline})")
        with bench.timer() as t:
            figures = measure(rows, args.out, label="this-tree")
        print("  ".join(f"{key}={value}" for key, value in figures.items()), flush=True)
        report(bench, figures, t)


def report(bench, figures: dict, timing, suffix: str = "") -> None:
    """The figures README quotes, through bench.common (machine, date, wall and CPU)."""
    rows = figures["rows"]
    bench.figure(f"Chromium, {rows:,}: page load to features drawn{suffix}",
                 f"{figures['load_warm_s']} s on a running server; {figures['load_cold_s']} s first visit "
                 f"({figures['generate_s']} s of it generating the data)", timing)
    bench.figure(f"Chromium, {rows:,}: filter change to redrawn{suffix}", f"{figures['filter_change_s']} s")
    bench.figure(f"Chromium, {rows:,}: bytes of a page load{suffix}",
                 f"websocket {figures['ws_cold_mb']} MB; HTTP {figures['http_cold_kb']} KB first visit, "
                 f"{figures['http_warm_kb']} KB next visit (cached)")


if __name__ == "__main__":
    main()
