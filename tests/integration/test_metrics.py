"""Metrics for Prometheus: the endpoint (GET /metrics only, bounded), a real Prometheus server
scraping `watch --metrics` of a KGI session that drops and reconnects, promtool on the shipped
alert rules, and the dashboard over exported series only."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from gui.core.metrics import PREFIX, SERIES, ConsoleMetrics
from gui.core.metrics_server import MetricsServer
from tests.system_components import require_tool

ROOT = Path(__file__).resolve().parents[2]
MONITORING = ROOT / "packaging" / "monitoring"
BOUND = 60.0
PROMETHEUS_HINT = "install Debian's prometheus (scripts/setup.sh does)"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str, accept: str = "", method: str = "GET") -> tuple[int, str, str]:
    request = urllib.request.Request(url, method=method, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.headers["Content-Type"], refused.read().decode()


def wait_for(condition, what: str, bound: float = BOUND):  # type: ignore[no-untyped-def]
    end = time.monotonic() + bound
    while time.monotonic() < end:
        try:
            found = condition()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"gave up waiting for {what}")


@contextmanager
def watching(port: int, *args: str, duration: float) -> Iterator[subprocess.Popen[str]]:
    """`watch kgi --simulator --metrics 127.0.0.1:PORT`, bounded; killed if it outlives it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "gui", "watch", "kgi", "--simulator", "--secret", "password=PW",
         "--metrics", f"127.0.0.1:{port}", "--duration", str(duration), "--json", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
        env={**os.environ, "PW": "demo"},
    )  # fmt: skip
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=BOUND)


def names_in(text: str) -> set[str]:
    return set(re.findall(rf"\b({PREFIX}_[a-z_]+)", text))


EXPORTED = {f"{PREFIX}_{name}" for name in SERIES}


def test_the_endpoint_serves_get_metrics_and_nothing_else() -> None:
    port = free_port()
    with watching(port, duration=6) as proc:
        url = f"http://127.0.0.1:{port}"

        def logged_in() -> str:
            body = get(f"{url}/metrics")[2]
            return body if 'state="logged_in"} 1.0' in body else ""

        body = wait_for(logged_in, "the session logged in, in the metrics")
        assert (
            'broker_console_session_state{account="",broker="kgi",environment="simulator"' in body
        )
        assert names_in(body) <= EXPORTED
        assert {f"{PREFIX}_events_total", f"{PREFIX}_build_info", f"{PREFIX}_market_open"} <= (
            names_in(body)
        )
        status, kind, open_metrics = get(
            f"{url}/metrics", accept="application/openmetrics-text; version=1.0.0"
        )
        assert status == 200 and kind.startswith("application/openmetrics-text")
        assert open_metrics.rstrip().endswith("# EOF")
        for path in ("/", "/metrics/extra", "/favicon.ico", "/-/healthy"):
            assert get(url + path)[0] == 404, path
        for method in ("POST", "PUT", "DELETE"):
            assert get(f"{url}/metrics", method=method)[0] == 405, method
        out, _ = proc.communicate(timeout=BOUND)
    records = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    served = [r for r in records if r["kind"] == "metrics"]
    assert served == [{"kind": "metrics", "url": f"{url}/metrics", "loopback": True}]
    assert records[-1]["exit"] == 0


def test_an_address_that_is_not_host_port_is_invalid_input() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "watch", "kgi", "--simulator", "--metrics", "9464", "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=BOUND,
    )  # fmt: skip
    result = json.loads(proc.stdout.splitlines()[-1])
    assert proc.returncode == 2
    assert "is not HOST:PORT" in result["fields"]["--metrics"]


def test_a_slow_scraper_cannot_hold_the_endpoint_and_extra_connections_are_closed() -> None:
    metrics = ConsoleMetrics()
    server = MetricsServer(metrics, "127.0.0.1", 0, queue_bound=2).start()
    silent = []
    try:
        for _ in range(4 + 2):  # every worker and the queue taken by scrapers that say nothing
            silent.append(socket.create_connection(("127.0.0.1", server.port), timeout=10))
        wait_for(lambda: server.held == 6, "the silent scrapers to be accepted")
        assert server.refused == 0  # a burst within workers + queue is held, whatever woke first
        extra = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        started = time.monotonic()
        assert extra.recv(1) == b""  # closed at once, not queued without bound
        assert time.monotonic() - started < 3
        assert server.refused >= 1
        extra.close()
    finally:
        for sock in silent:
            sock.close()
        server.stop()
    assert metrics.series == []  # nothing the console holds was touched


class _BrokenOnce(ConsoleMetrics):
    """A collector whose first renders fail, as a bug in a series' code would."""

    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def collect(self):  # type: ignore[no-untyped-def]
        if self.failures > 0:
            self.failures -= 1
            raise RuntimeError("a series could not be read")
        return super().collect()


def test_scrapes_that_fail_to_render_cost_no_worker() -> None:
    metrics = _BrokenOnce(failures=4 * 2)  # twice as many failures as there are workers
    server = MetricsServer(metrics, "127.0.0.1", 0).start()
    try:
        for _ in range(4 * 2):
            with pytest.raises((urllib.error.URLError, ConnectionError, http.client.HTTPException)):
                get(server.url)
        status, _, body = get(server.url)  # every worker is still there to answer
        assert status == 200
        assert f"# TYPE {PREFIX}_" in body
    finally:
        server.stop()


def test_the_alert_rules_pass_promtool() -> None:
    promtool = require_tool("promtool", PROMETHEUS_HINT)
    proc = subprocess.run(
        [promtool, "check", "rules", str(MONITORING / "alerts.yml")],
        capture_output=True, text=True, timeout=BOUND,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SUCCESS: 4 rules found" in proc.stdout
    proc = subprocess.run(
        [promtool, "check", "config", str(MONITORING / "prometheus-desks.yml")],
        capture_output=True, text=True, timeout=BOUND,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_dashboard_and_the_rules_use_exported_series_only() -> None:
    dashboard = json.loads((MONITORING / "grafana-dashboard.json").read_text(encoding="utf-8"))
    expressions = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    assert len(expressions) >= 9
    for expr in expressions:
        used = names_in(expr)
        assert used and used <= EXPORTED, expr
    rules = yaml.safe_load((MONITORING / "alerts.yml").read_text(encoding="utf-8"))
    alerts = [rule for group in rules["groups"] for rule in group["rules"]]
    assert {a["alert"] for a in alerts} == {
        "BrokerSessionLostInTradingHours",
        "BrokerClockOffsetBeyondTolerance",
        "BrokerReconnectStorm",
        "BrokerLoginRejected",
    }
    for alert in alerts:
        assert names_in(alert["expr"]) <= EXPORTED, alert["alert"]
    covered = set().union(*(names_in(e) for e in expressions))
    assert covered == EXPORTED  # every exported series is on the dashboard


def test_a_real_prometheus_stores_the_drop_and_the_reconnect(tmp_path: Path) -> None:
    prometheus = require_tool("prometheus", PROMETHEUS_HINT)
    target, web = free_port(), free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
        "scrape_configs:\n"
        "  - job_name: desk\n"
        f"    static_configs: [{{targets: ['127.0.0.1:{target}']}}]\n",
        encoding="utf-8",
    )
    server = subprocess.Popen(
        [prometheus, f"--config.file={config}", f"--storage.tsdb.path={tmp_path / 'data'}",
         f"--web.listen-address=127.0.0.1:{web}", "--log.level=warn"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    api = f"http://127.0.0.1:{web}/api/v1"

    def query(expr: str) -> list[dict]:
        url = f"{api}/query?{urllib.parse.urlencode({'query': expr})}"
        with urllib.request.urlopen(url, timeout=10) as answer:
            return json.loads(answer.read())["data"]["result"]

    try:
        wait_for(lambda: get(f"http://127.0.0.1:{web}/-/ready")[0] == 200, "Prometheus ready")
        with watching(target, "--scenario", "drop_after_login", "--reconnect", duration=14) as proc:
            out, _ = proc.communicate(timeout=BOUND)
        assert json.loads(out.splitlines()[-1])["exit"] == 0, out[-2000:]
        drops = wait_for(
            lambda: query("max_over_time(broker_console_drops_total[5m])"), "the drop stored"
        )
        labels = drops[0]["metric"]
        assert (labels["broker"], labels["environment"], labels["job"]) == (
            "kgi", "simulator", "desk",
        )  # fmt: skip
        assert float(drops[0]["value"][1]) >= 1
        reconnects = query("max_over_time(broker_console_reconnects_total[5m])")
        assert float(reconnects[0]["value"][1]) >= 1
        logged_in = query('max_over_time(broker_console_session_state{state="logged_in"}[5m])')
        assert float(logged_in[0]["value"][1]) == 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)
