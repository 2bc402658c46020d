"""Many signed-in sessions on one server process, through Streamlit's own websocket protocol.

    python bench/sessions_bench.py [--sessions 20] [--rows 10000] [--rounds 3] [--filters 3]

Starts `streamlit run app.py` with INCIDENT_DASHBOARD_BENCH_ROWS=N generated
incidents and the trusted-header sign-in (each session is a different user,
signed in by the headers a proxy would send), then runs S sessions at once,
each a client of /_stcore/stream that does what a browser tab does to the
server: it sends BackMsg.rerun_script (ClientState: page, query string,
widget states) and reads ForwardMsgs until script_finished. It measures

- page ready: a new connection's first run, from connect to script_finished
  (every element of the page, the map's 10,000-incident payload included, has
  been sent; drawing it is the browser's part, timed by bench/browser_bench.py);
- filter change: a rerun with the sidebar's search and minimum killed changed, to script_finished.
  Every change of every session is a filter no other session asks for (its own
  search term, and the minimum killed changes each round), so each one does the
  filtering, the map layer, the timeline and the table of its own result: a
  result cached for the whole process serves nobody else here. The page loads
  are all the same default view, built once per data version and shared (what
  a newsroom's first views are too); the bench prints both facts;
- the server's CPU-seconds (user+sys of the process, /proc) per page load and
  per filter change, measured in phases that do only one of the two;
- memory per session: the server's RSS with S sessions open, less its RSS
  with one open, over S-1.

A 20-browser benchmark on a 2-core machine measures the browsers; this client
costs little CPU. It prints figures; it asserts nothing.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the repository is not on the path
    sys.path.insert(0, str(ROOT))

from bench.browser_bench import streamlit_process  # noqa: E402

TRUSTED_HEADERS = {"X-Forwarded-User": "sub", "X-Forwarded-Email": "email",
                   "X-Forwarded-Preferred-Username": "name"}
SEARCH_LABEL = "Search"
KILLED_LABEL = "Minimum killed (highest figure)"
# words of the generated incidents (bench/generate.py: places, weapons, actors, sources, ids), one a session
SEARCHES = ("Kabul", "drone", "Mosul", "IED", "Gaza", "Observatory", "Erbil", "aircraft", "Aleppo", "rocket",
            "Kharkiv", "Pentagon", "Khartoum", "Islamic State", "Mogadishu", "SANA", "Deir", "clash",
            "Baghdad", "inc-0001", "Kataib", "Sudan", "militia", "Russian")


def proxy_headers(n: int) -> dict[str, str]:
    """What an authenticating proxy would send for bench user n."""
    return {"X-Forwarded-User": f"bench-{n}", "X-Forwarded-Email": f"bench-{n}@example.org",
            "X-Forwarded-Preferred-Username": f"Bench User {n}"}


def rerun_message(widgets: dict[str, str | float] | None = None, page_script_hash: str = "") -> bytes:
    """BackMsg.rerun_script, as the browser sends it: the page and the widget values it holds."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = ""
    state.page_script_hash = page_script_hash
    state.widget_states.SetInParent()
    for widget_id, value in (widgets or {}).items():
        w = state.widget_states.widgets.add()
        w.id = widget_id
        if isinstance(value, str):
            w.string_value = value
        else:  # st.number_input sends its value as a double
            w.double_value = float(value)
    return msg.SerializeToString()


@dataclass
class Run:
    """What one script run sent back."""

    seconds: float
    messages: int
    bytes: int
    finished: str
    texts: list[str] = field(default_factory=list)
    page_script_hash: str = ""


class Session:
    """One browser tab's conversation with the server, without the browser."""

    def __init__(self, base_ws: str, headers: dict[str, str]):
        self.url = f"{base_ws}/_stcore/stream"
        self.headers = headers
        self.ws = None
        self.search_id: str | None = None
        self.killed_id: str | None = None
        self.page_script_hash = ""

    async def connect(self) -> None:
        import websockets

        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"],
                                           additional_headers=self.headers,
                                           max_size=None, open_timeout=60, ping_interval=None)

    async def run(self, widgets: dict[str, str] | None = None, *, timeout: float = 120.0) -> Run:
        """Send a rerun and read until the script finished."""
        start = time.perf_counter()
        await self.ws.send(rerun_message(widgets, self.page_script_hash))
        return await self.read_run(start, timeout)

    async def read_run(self, start: float, timeout: float) -> Run:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        run = Run(0.0, 0, 0, "")
        deadline = start + timeout
        while True:
            data = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.perf_counter()))
            run.messages += 1
            run.bytes += len(data)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.page_script_hash = msg.new_session.page_script_hash
            elif kind == "delta":
                self._read_delta(msg.delta, run)
            elif kind == "script_finished":
                run.finished = ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
                if msg.script_finished != ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
                    run.seconds = time.perf_counter() - start
                    return run

    def _read_delta(self, delta, run: Run) -> None:
        if delta.WhichOneof("type") != "new_element":
            return
        element = delta.new_element
        kind = element.WhichOneof("type")
        if kind == "text_input" and element.text_input.label == SEARCH_LABEL:
            self.search_id = element.text_input.id
        elif kind == "number_input" and element.number_input.label == KILLED_LABEL:
            self.killed_id = element.number_input.id
        elif kind in ("markdown", "text", "alert"):
            body = getattr(element, kind).body
            run.texts.append(body)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


def cpu_seconds(pid: int) -> float:
    """user+sys CPU-seconds of a process so far (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def machine_load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min) {five:.2f} (5 min) on {os.cpu_count()} cores"


def quantiles(values: list[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return f"median {median:.2f} s, p95 {p95:.2f} s, max {ordered[-1]:.2f} s (n={len(ordered)})"


def filter_of(session: int, round_: int) -> tuple[str, int]:
    """The filter session `session` asks for in round `round_`: its own search term, a minimum killed per
    round, so no two changes of the bench ask for the same result (up to len(SEARCHES) sessions)."""
    return SEARCHES[session % len(SEARCHES)], round_


async def page_load(base_ws: str, n: int) -> tuple[Session, Run]:
    session = Session(base_ws, proxy_headers(n))
    start = time.perf_counter()
    await session.connect()
    run = await session.run()
    run.seconds = time.perf_counter() - start
    return session, run


async def after(delay: float, awaitable):
    """awaitable, started delay seconds from now (sessions arriving one after another)."""
    await asyncio.sleep(delay)
    return await awaitable


async def measure(base_ws: str, pid: int, sessions: int, rounds: int, filters: int,
                  arrival: float = 0.0) -> dict[str, object]:
    figures: dict[str, object] = {"machine_before": machine_load()}
    # warm-up: the first load builds the cached tables; one session open for the memory baseline
    first, run = await page_load(base_ws, 0)
    figures["first_load_s"] = round(run.seconds, 2)
    figures["page_bytes"] = run.bytes
    figures["signed_in"] = next((t for t in run.texts if t.startswith("Signed in as")), "NOT SIGNED IN")
    rss_one = rss_mb(pid)

    loads: list[float] = []
    cpu_loads, count_loads = 0.0, 0
    open_sessions: list[Session] = []
    rss_many = rss_one
    for r in range(rounds):  # S new sessions, together (arrival 0) or one every `arrival` seconds
        for s in open_sessions:
            await s.close()
        cpu0, wall0 = cpu_seconds(pid), time.perf_counter()
        results = await asyncio.gather(*(after(i * arrival, page_load(base_ws, 1 + r * sessions + i))
                                         for i in range(sessions)))
        cpu_loads += cpu_seconds(pid) - cpu0
        count_loads += sessions
        figures[f"round{r}_wall_s"] = round(time.perf_counter() - wall0, 2)
        open_sessions = [s for s, _ in results]
        loads += [run.seconds for _, run in results]
        bad = [run.finished for _, run in results if run.finished != "FINISHED_SUCCESSFULLY"]
        if bad:
            figures[f"round{r}_unfinished"] = bad
        if r == 0:  # S+1 sessions open, none closed yet (a closed one lingers until Streamlit drops it)
            rss_many = rss_mb(pid)

    changes: list[float] = []
    asked: set[tuple[str, int]] = set()
    cpu0 = cpu_seconds(pid)
    for k in range(filters):  # every open session changes its filter (together, or staggered)
        searching = [s for s in open_sessions if s.search_id and s.killed_id]
        picked = [filter_of(i, k) for i in range(len(searching))]
        asked.update(picked)
        widgets = [{s.search_id: term, s.killed_id: killed} for s, (term, killed) in zip(searching, picked,
                                                                                          strict=True)]
        runs = await asyncio.gather(*(after(i * arrival, s.run(w))
                                      for i, (s, w) in enumerate(zip(searching, widgets, strict=True))))
        changes += [run.seconds for run in runs]
        bad = [run.finished for run in runs if run.finished != "FINISHED_SUCCESSFULLY"]
        if bad:
            figures[f"filter{k}_unfinished"] = bad
    cpu_changes = cpu_seconds(pid) - cpu0
    for s in [first, *open_sessions]:
        await s.close()

    figures.update({
        "page_ready": quantiles(loads),
        "page_loads_share": "all of them the default view, built once per data version (shared)",
        "filter_change": quantiles(changes),
        "distinct_filters": f"{len(asked)} distinct filters in {len(changes)} changes: " + (
            "no result shared between sessions" if len(asked) == len(changes)
            else "the others were served from the process's shared cache"),
        "cpu_s_per_page_load": round(cpu_loads / max(1, count_loads), 3),
        "cpu_s_per_filter_change": round(cpu_changes / max(1, len(changes)), 3),
        "rss_one_session_mb": round(rss_one),
        f"rss_{sessions + 1}_sessions_mb": round(rss_many),
        "mb_per_session": round((rss_many - rss_one) / max(1, sessions), 1),
        "machine_after": machine_load(),
    })
    return figures


@contextlib.contextmanager
def server(env: dict[str, str], log_path: Path) -> Iterator[tuple[str, int]]:
    """`streamlit run app.py` on a free port: (websocket base URL, pid); stopped afterwards."""
    with streamlit_process(env, log_path) as (base, process):
        yield base.replace("http://", "ws://", 1), process.pid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench.common import Bench, smoke

    tiny = smoke()
    parser.add_argument("--sessions", type=int, default=2 if tiny else 20)
    parser.add_argument("--rows", type=int, default=200 if tiny else 10_000)
    parser.add_argument("--rounds", type=int, default=1 if tiny else 3,
                        help="times S sessions open the page together")
    parser.add_argument("--filters", type=int, default=1 if tiny else 3,
                        help="filter changes per open session")
    parser.add_argument("--arrival", type=float, default=0.0,
                        help="seconds between one session's page load (or filter change) and the next's; "
                             "0: all at the same moment")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    bench = Bench("sessions")
    with bench.timer() as t, tempfile.TemporaryDirectory() as tmp:
        env = {"INCIDENT_DASHBOARD_BENCH_ROWS": str(args.rows),
               "INCIDENTS_DB_URL": f"sqlite:///{tmp}/users.db",  # the users of the sign-in; data is generated
               "STREAMLIT_SERVER_TRUSTED_USER_HEADERS": json.dumps(TRUSTED_HEADERS)}
        with server(env, args.out / "sessions-server.log") as (base, pid):
            figures = asyncio.run(measure(base, pid, args.sessions, args.rounds, args.filters, args.arrival))
    print(f"sessions={args.sessions} rows={args.rows} rounds={args.rounds} filters={args.filters} "
          f"arrival={args.arrival}")
    for key, value in figures.items():
        print(f"  {key}: {value}", flush=True)
    arrival = f"arriving one every {args.arrival} s" if args.arrival else "all at the same moment"
    bench.figure(f"{args.sessions} signed-in sessions, {args.rows:,} incidents, {arrival}: page ready",
                 f"{figures['page_ready']}; the default view, its layer, table and timeline built once per "
                 "data version and shared", t, goal="p95 < 3 s")
    bench.figure(f"{args.sessions} sessions, {arrival}: filter change",
                 f"{figures['filter_change']}; {figures['distinct_filters']}", goal="p95 < 1 s")
    bench.figure("server CPU per page load / per filter change",
                 f"{figures['cpu_s_per_page_load']} / {figures['cpu_s_per_filter_change']} CPU-s "
                 f"({figures['machine_after']})", goal="<= 0.3 CPU-s")
    bench.figure("memory per session", f"{figures['mb_per_session']} MB "
                 f"(RSS {figures['rss_one_session_mb']} MB with one session open)")


if __name__ == "__main__":
    main()
