"""deploy/nginx.conf for real: Debian's nginx in front of two app replicas, a browser through it.

The shipped file is used as it is, but for what a test on 127.0.0.1 cannot
have: TLS (a plain listener on a free port instead of 443 and no port-80
redirect) and the replicas' addresses. Skips where nginx is not installed
(scripts/test.sh installs nginx-light as root).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bench.browser_bench import CHROMIUM, free_port, map_frame, running, streamlit_process, wait_for_health

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(NGINX).exists(),
                       reason="nginx is not installed (apt-get install nginx-light)"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
]


def plain_http(conf: str, listen: int) -> str:
    """A shipped config on plain HTTP at a free port: no TLS, no port-80 redirect, no Secure cookie."""
    if "server {\n    listen 80;" in conf:
        conf = conf[:conf.index("server {\n    listen 80;")] + conf[conf.index("server {\n    listen 443"):]
    conf = re.sub(r"listen 443 ssl http2;.*\n", f"listen 127.0.0.1:{listen};\n", conf)
    conf = re.sub(r"\s*ssl_certificate(_key)? .*;", "", conf)
    return conf.replace("; Secure;", ";")


def with_replicas(conf: str, ports: list[int]) -> str:
    """The upstream block naming the test's replicas."""
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in ports)
    block = r"(upstream incident_map_app \{\n    hash .*\n)(    server .*\n)+"
    return re.sub(block, rf"\g<1>{servers}", conf)


def shipped(name: str) -> str:
    """deploy/NAME; the oauth2-proxy variant with nginx.conf's map and upstream blocks, as its header says."""
    main = (ROOT / "deploy" / "nginx.conf").read_text()
    if name == "nginx.conf":
        return main
    return main[:main.index("server {")] + (ROOT / "deploy" / name).read_text()


def main_conf(work: Path, site: Path) -> Path:
    conf = work / "main.conf"
    conf.write_text(f"""pid {work}/nginx.pid;
error_log {work}/error.log;
daemon off;
events {{}}
http {{
  log_format routed '$upstream_addr $cookie_incident_map_route $request_uri';
  access_log {work}/access.log routed;
  client_body_temp_path {work}; proxy_temp_path {work}; fastcgi_temp_path {work};
  uwsgi_temp_path {work}; scgi_temp_path {work};
  include {site};
}}
""")
    return conf


def test_the_shipped_configs_are_valid_nginx(tmp_path):
    for name in ("nginx.conf", "nginx-oauth2-proxy.conf"):
        site = tmp_path / name
        site.write_text(with_replicas(plain_http(shipped(name), free_port()), [free_port(), free_port()]))
        checked = subprocess.run([NGINX, "-t", "-c", str(main_conf(tmp_path, site))],
                                 capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr


def test_two_replicas_behind_nginx_keep_each_browser_on_one(tmp_path, browser):
    env = {"INCIDENT_DASHBOARD_BENCH_ROWS": "300", "INCIDENTS_DB_URL": f"sqlite:///{tmp_path / 'app.db'}",
           "STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-for-every-replica-0123456789"}
    ports = [free_port(), free_port()]
    listen = free_port()
    site = tmp_path / "site.conf"
    site.write_text(with_replicas(plain_http(shipped("nginx.conf"), listen), ports))
    with streamlit_process(env, tmp_path / "app1.log", port=ports[0]), \
            streamlit_process(env, tmp_path / "app2.log", port=ports[1]), \
            running([NGINX, "-c", str(main_conf(tmp_path, site))], tmp_path / "nginx.out") as nginx:
        wait_for_health(listen, nginx)  # answered by a replica, through nginx
        routes: dict[str, set[str]] = {}
        for _ in range(4):  # four people, each reloading the page
            context = browser.new_context()
            page = context.new_page()
            for _ in range(2):
                page.goto(f"http://127.0.0.1:{listen}/")
                map_frame(page)  # the page, its websocket and the map all went through nginx
            cookie = next(c["value"] for c in context.cookies() if c["name"] == "incident_map_route")
            routes[cookie] = set()
            context.close()
        for line in (tmp_path / "access.log").read_text().splitlines():
            upstream, cookie, _uri = line.split(" ", 2)
            if cookie in routes and upstream != "-":
                routes[cookie].add(upstream)
    assert all(len(upstreams) == 1 for upstreams in routes.values()), routes
    assert {u for upstreams in routes.values() for u in upstreams} <= {f"127.0.0.1:{p}" for p in ports}
