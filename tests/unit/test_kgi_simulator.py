"""The simulated TaiFexCom on its own: the vendor's surface and every scenario."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from gui.brokers.kgi.simulator import SCENARIOS, SimTaiFexCom


class Recorder:
    def __init__(self, com: SimTaiFexCom) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.threads: set[str] = set()
        self.lock = threading.Lock()
        com.OnGetStatus += self.status
        com.OnRecoverStatus += self.recover
        com.OnRcvServerTime += self.server_time
        com.OnRcvMessage += self.message

    def _add(self, kind: str, value: Any) -> None:
        with self.lock:
            self.threads.add(threading.current_thread().name)
            self.calls.append((kind, value))

    def status(self, sender, status, msg) -> None:
        self._add("status", (status.ToString(), bytes(msg).decode("utf-8", "strict")))

    def recover(self, sender, topic, status, count) -> None:
        self._add("recover", (topic, status.ToString(), count))

    def server_time(self, sender, when, quality) -> None:
        self._add("time", (when, quality))

    def message(self, sender, pkg) -> None:
        self._add("message", (pkg.DT, pkg.TOPIC))

    def statuses(self) -> list[str]:
        return [value[0] for kind, value in self.calls if kind == "status"]

    def wait_for(self, predicate, seconds: float = 10.0) -> None:
        deadline = time.monotonic() + seconds
        while not predicate():
            assert time.monotonic() < deadline, self.calls
            time.sleep(0.01)


def login(scenario: str = "normal", password: str = "demo") -> tuple[SimTaiFexCom, Recorder]:
    com = SimTaiFexCom("", 8000, "API", scenario=scenario)
    recorder = Recorder(com)
    com.AutoSubReport = True
    com.AutoRecoverReport = True
    com.AutoRetriveProductInfo = True
    com.LoginDirect("127.0.0.1", 8000, "A123456789", password, " ")
    return com, recorder


def test_surface_matches_the_vendor_class() -> None:
    com = SimTaiFexCom("", 8000, "API")
    for name in ("OnGetStatus", "OnRcvMessage", "OnRcvServerTime", "OnRecoverStatus"):
        assert hasattr(getattr(com, name), "__iadd__")
    assert com.version == "2022050517"
    assert com.AutoRecoverReport is None  # a nullable bool until set
    for method in ("LoginDirect", "Logout", "Dispose", "ComStatus", "ConnectionStatus"):
        assert callable(getattr(com, method))
    assert not hasattr(com, "IsConnected")


def test_normal_plays_the_seed_sequence_from_its_own_thread() -> None:
    com, rec = login()
    rec.wait_for(lambda: any(kind == "time" for kind, _ in rec.calls))
    assert rec.calls[0] == ("status", ("CONNECT_READY", "連線成功"))
    recovers = [value for kind, value in rec.calls if kind == "recover"]
    assert recovers[:4] == [
        ("ProList.xml", "RS_BEGIN", 0),
        ("ProList.xml", "RS_DONE", 275),
        ("ProductBaseSv1801.xml", "RS_BEGIN", 0),
        ("ProductBaseSv1801.xml", "RS_DONE", 367),
    ]
    assert len({topic for topic, _, _ in recovers}) >= 4
    assert ("status", ("LOGIN_READY", "登入成功")) in rec.calls
    assert rec.threads == {"kgi-sim"}
    assert threading.current_thread().name not in rec.threads
    _when, quality = next(value for kind, value in rec.calls if kind == "time")
    assert 0 < quality < 1000
    com.Logout()
    rec.wait_for(lambda: rec.statuses()[-1] == "DISCONNECTED")
    com.Dispose()


def test_server_time_ticks_about_once_a_second() -> None:
    com, rec = login()
    rec.wait_for(lambda: sum(kind == "time" for kind, _ in rec.calls) >= 2, seconds=5)
    times = [value[0] for kind, value in rec.calls if kind == "time"]
    assert 0.8 <= (times[1] - times[0]).total_seconds() <= 1.5
    com.Dispose()


def test_wrong_password_is_rejected_with_a_message() -> None:
    com, rec = login(password="wrong")
    rec.wait_for(lambda: "LOGIN_FAIL" in rec.statuses())
    message = next(v[1] for k, v in rec.calls if k == "status" and v[0] == "LOGIN_FAIL")
    assert "密碼" in message
    assert "LOGIN_READY" not in rec.statuses()
    com.Dispose()


def test_unreachable_host_reports_connect_fail() -> None:
    com, rec = login("unreachable")
    rec.wait_for(lambda: rec.statuses() == ["CONNECT_FAIL"])
    com.Dispose()


def test_silent_server_says_nothing_until_disposed() -> None:
    com, rec = login("silent")
    time.sleep(0.3)
    assert rec.calls == []
    started = time.monotonic()
    com.Dispose()
    assert time.monotonic() - started < 2.0
    assert rec.calls == []


def test_disconnect_in_the_middle_of_recover() -> None:
    com, rec = login("drop_during_recover")
    rec.wait_for(lambda: "DISCONNECTED" in rec.statuses())
    kinds = [kind for kind, _ in rec.calls]
    assert kinds.index("recover") < len(kinds) - 1
    assert "LOGIN_READY" not in rec.statuses()
    com.Dispose()


def test_slow_recovery_takes_seconds_and_still_logs_in() -> None:
    started = time.monotonic()
    com, rec = login("slow_recovery")
    rec.wait_for(lambda: "LOGIN_READY" in rec.statuses(), seconds=15)
    assert time.monotonic() - started > 3.0
    com.Dispose()


def test_clock_skew_runs_the_server_clock_ahead() -> None:
    from datetime import datetime

    from gui.brokers.kgi.surface import TAIPEI

    com, rec = login("clock_skew")
    rec.wait_for(lambda: any(kind == "time" for kind, _ in rec.calls))
    when = next(value[0] for kind, value in rec.calls if kind == "time")
    skew = (when.replace(tzinfo=TAIPEI) - datetime.now(TAIPEI)).total_seconds()
    assert 80 < skew < 100
    com.Dispose()


def test_dispose_stops_every_callback() -> None:
    com, rec = login()
    rec.wait_for(lambda: "LOGIN_READY" in rec.statuses())
    com.Dispose()
    seen = len(rec.calls)
    time.sleep(1.3)
    assert len(rec.calls) == seen


def test_every_scenario_is_known() -> None:
    assert set(SCENARIOS) == {
        "normal",
        "unreachable",
        "silent",
        "drop_during_recover",
        "slow_recovery",
        "clock_skew",
        "drop_after_login",
        "as400_down",
        "after_hours",
    }
    with pytest.raises(ValueError):
        SimTaiFexCom("", 1, "API", scenario="nope")
