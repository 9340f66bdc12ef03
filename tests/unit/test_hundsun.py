"""Hundsun on its simulator: the keep-alive across the idle expiry (fake clock), every scenario,
the machine's station fields, and the vendor widths."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.brokers import hundsun
from gui.brokers.hundsun.driver import HundsunDriver
from gui.brokers.hundsun.simulator import IDLE_EXPIRY_SECONDS, SimT2Transport
from gui.core.errors import ConnectFailed, InvalidSettings, LoginRejected, LoginTimeout
from gui.core.events import BrokerEvent
from gui.core.login import Isolation
from gui.core.registry import Environment
from gui.core.schema import FieldProblem
from gui.core.session import Session, SessionState
from tests.helpers import LoginRun, in_process


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def values(**overrides: Any) -> dict[str, Any]:
    return {**hundsun.SPEC.defaults(Environment.SIMULATOR), "password": "demo", **overrides}


def run_with(
    transport: SimT2Transport, step: float, heartbeats: int
) -> tuple[Session, list[BrokerEvent]]:
    """Log in, then let the heartbeat loop run while each 'sleep' moves the fake clock by `step`."""
    clock = transport.clock
    assert isinstance(clock, FakeClock)
    session = Session(hundsun.SPEC)
    events: list[BrokerEvent] = []
    session.event_listeners.append(events.append)
    slept = 0

    async def fake_sleep(_seconds: float) -> None:
        nonlocal slept
        slept += 1
        clock.now += step
        await asyncio.sleep(0)

    async def go() -> None:
        driver = HundsunDriver(lambda _settings: transport, sleep=fake_sleep)
        await session.connect(in_process("hundsun", driver), values())
        while slept < heartbeats and session.state is SessionState.LOGGED_IN:
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.05)
        if session.state is SessionState.LOGGED_IN:
            assert transport.tokens, "the token expired although heartbeats kept coming"
        await session.shutdown()

    asyncio.run(asyncio.wait_for(go(), 30))
    return session, events


def test_heartbeats_keep_the_token_alive_past_the_idle_expiry() -> None:
    transport = SimT2Transport(clock=FakeClock())
    # 25 heartbeats, 30 s apart on the fake clock: 12.5 minutes, well past the 5-minute expiry.
    _, events = run_with(transport, step=30, heartbeats=25)
    beats = [e for e in events if e.status == "HEART_BEAT"]
    assert len(beats) >= 24
    assert transport.calls.count(10000) >= 24
    assert "DISCONNECTED" in [e.status for e in events][-1:]  # the logout's, at the end
    assert not [e for e in events if e.level.value != "info"]


def test_without_activity_the_token_expires_and_two_failures_end_the_session() -> None:
    transport = SimT2Transport(clock=FakeClock())
    session, events = run_with(transport, step=IDLE_EXPIRY_SECONDS + 60, heartbeats=3)
    warnings = [e.text for e in events if e.level.value == "warning"]
    assert warnings[0].startswith("Heartbeat 1 of 2 failed: [1150] 令牌已失效")
    assert warnings[1].startswith("Heartbeat 2 of 2 failed")
    lost = next(e for e in events if e.status == "DISCONNECTED")
    assert "2 heartbeats failed in a row" in lost.text
    assert session.state is SessionState.DISCONNECTED  # FAILED, then reset by shutdown


def run_scenario(scenario: str, timeout: float = 60, **overrides: Any) -> Exception | None:
    return LoginRun(hundsun.SPEC).login(
        values(**overrides), environment=Environment.SIMULATOR, scenario=scenario, timeout=timeout
    )


@pytest.mark.parametrize(
    ("scenario", "overrides", "failure", "fragment"),
    [
        ("normal", {"password": "nope"}, LoginRejected, "[1017] 操作员密码错误"),
        ("unreachable", {}, ConnectFailed, "连接服务器失败"),
        ("bad_license", {}, ConnectFailed, "许可证文件无效"),
    ],
)
def test_scenarios(scenario, overrides, failure, fragment) -> None:
    error = run_scenario(scenario, **overrides)
    assert isinstance(error, failure) and fragment in error.reason


def test_reply_never_comes_is_a_timeout_and_the_worker_is_ended_at_once() -> None:
    """The call blocks for its 10 s in the vendor; the login's bound ends it through the worker
    process (an in-process driver would hold its vendor thread until the call returns)."""
    run = LoginRun(hundsun.SPEC)
    started = time.monotonic()
    error = run.login(
        values(),
        environment=Environment.SIMULATOR,
        scenario="no_reply",
        timeout=1.0,
        isolation=Isolation.WORKER,
    )
    assert isinstance(error, LoginTimeout)
    assert time.monotonic() - started < 6


def test_a_mac_that_station_control_would_refuse_is_caught_before_sending() -> None:
    with pytest.raises(InvalidSettings) as caught:
        hundsun.SCHEMA.validate(values(mac_address="00-E0-4C-68-17-A2"))
    assert "12 hex digits" in str(caught.value.field_errors["mac_address"])


def test_station_fields_come_from_this_machine() -> None:
    collected = hundsun.station_fields()
    assert re.fullmatch(r"[0-9A-F]{12}", collected["mac_address"])
    assert collected["op_station"] == f"{collected['ip_address']}|{collected['mac_address']}"
    parts = collected["terminal_info"].split(";")
    assert len(parts) == 16  # the seed's layout, unknown parts empty
    assert parts[1] == collected["ip_address"] and parts[6].startswith("Broker Login Console")
    assert len(collected["terminal_info"].encode("utf-8")) <= 256
    hundsun.SCHEMA.validate(values())  # collected values pass the vendor widths


@given(st.text(alphabet=st.sampled_from("恒生操作员AB12;|:"), max_size=140))
def test_c128_and_c256_widths_as_the_binding_sends_them(text: str) -> None:
    for key, width in (("hd_volserial", 128), ("op_station", 256)):
        field = hundsun.SCHEMA.field(key)
        if text.strip() and len(text.strip().encode("utf-8")) > width:
            with pytest.raises(FieldProblem):
                field.parse(text)
        elif text.strip():
            assert field.parse(text) == text.strip()


def test_simulator_refuses_tokens_after_five_idle_minutes() -> None:
    clock = FakeClock()
    transport = SimT2Transport(clock=clock)
    transport.connect("127.0.0.1:9003", "", 1000)
    from gui.brokers.hundsun.driver import login_fields
    from gui.brokers.hundsun.surface import FieldSpec

    token = transport.call(10001, login_fields(values()), 1000).row(1)["user_token"]
    beat = [FieldSpec("user_token", "S", 512, token)]
    clock.now += IDLE_EXPIRY_SECONDS - 1
    assert transport.call(10000, beat, 1000).error() is None
    clock.now += IDLE_EXPIRY_SECONDS + 1
    assert transport.call(10000, beat, 1000).error()[0] == "1150"
