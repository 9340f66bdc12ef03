"""`broker-console watch` against every simulator's drop_after_login: a health line, lost and
reconnecting, LOGIN_READY twice and exit 0 with --reconnect; exit 3 without; a steady watch
exits 0 with health lines. The commands run side by side (each one's bound is its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSWORDS = {  # the secret field each simulator needs, given from the environment
    "kgi": ["--secret", "password=PW"],
    "longport": [],
    "hundsun": ["--secret", "password=PW"],
    "kingdom": [],
    "rootnet": ["--secret", "operator_password=PW"],
    "vnpy": ["--secret", "密码=PW"],
}
# The drop comes 3 s after LOGIN_READY; LongPort notices it at its next health check (5 s,
# then a retry 1 s later); the first reconnect is 1 s later: 18 s leave room for all of it.
DROP_DURATION = "18"
COMMANDS = {
    **{
        f"{broker}-reconnect": [broker, "--scenario", "drop_after_login", "--duration",
                                DROP_DURATION, "--reconnect", *secret]
        for broker, secret in PASSWORDS.items()
    },
    "kgi-no-reconnect": ["kgi", "--scenario", "drop_after_login", "--duration", DROP_DURATION,
                         *PASSWORDS["kgi"]],
    "kgi-steady": ["kgi", "--duration", "12", *PASSWORDS["kgi"]],
}  # fmt: skip


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, list[dict]]]:
    config = tmp_path_factory.mktemp("watch-config")
    env = {**os.environ, "PW": "demo", "BROKER_CONSOLE_CONFIG_DIR": str(config)}
    procs = {
        name: subprocess.Popen(
            [sys.executable, "-m", "gui", "watch", *args, "--simulator", "--json"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        for name, args in COMMANDS.items()
    }
    results: dict[str, tuple[int, list[dict]]] = {}
    for name, proc in procs.items():
        try:
            out, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate(timeout=10)
        lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        assert lines and lines[-1]["kind"] == "result", f"{name}: {out[-2000:]}{err[-2000:]}"
        results[name] = (proc.returncode, lines)
    return results


def health(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["kind"] == "health"]


@pytest.mark.parametrize("broker", list(PASSWORDS))
def test_a_dropped_session_reconnects(runs, broker: str) -> None:
    code, lines = runs[f"{broker}-reconnect"]
    states = [line["state"] for line in health(lines)]
    assert code == 0, lines[-5:]
    assert "lost" in states and "reconnecting" in states, states
    assert states.index("lost") < states.index("reconnecting")
    assert sum(1 for line in lines if line.get("status") == "LOGIN_READY") == 2
    reconnecting = next(line for line in health(lines) if line["state"] == "reconnecting")
    assert reconnecting["attempt"] == 1 and 0 <= reconnecting["next_in_s"] <= 1.2
    last_ok = [line for line in health(lines) if line["state"] == "ok"][-1]
    assert last_ok["reconnects"] == 1 and last_ok["uptime_s"] is not None
    assert lines[-1]["ok"] is True and "1 reconnect after 1 drop" in lines[-1]["reason"]


def test_without_reconnect_a_drop_is_exit_3(runs) -> None:
    code, lines = runs["kgi-no-reconnect"]
    assert code == 3, lines[-3:]
    assert "without --reconnect" in lines[-1]["reason"]
    assert [line["state"] for line in health(lines)][-1] == "lost"
    assert sum(1 for line in lines if line.get("status") == "LOGIN_READY") == 1


def test_a_steady_watch_prints_health_and_exits_0(runs) -> None:
    code, lines = runs["kgi-steady"]
    assert code == 0, lines[-3:]
    ok = [line for line in health(lines) if line["state"] == "ok"]
    assert len(ok) >= 4  # every 2 s over 12 s
    assert ok[-1]["uptime_s"] >= 8 and ok[-1]["last_event_age_s"] < 3
    assert ok[-1]["latency_ms"] is not None and ok[-1]["clock_offset_ms"] is not None
    assert all(line["reconnects"] == 0 for line in ok)


def test_watch_refuses_a_bad_duration() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "watch", "kgi", "--simulator", "--duration", "-1", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    result = json.loads(proc.stdout.splitlines()[-1])
    assert proc.returncode == 2 and "--duration" in result["fields"]
