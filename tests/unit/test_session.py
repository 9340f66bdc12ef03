"""The session state machine with a scriptable driver (no vendor, no Qt)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Mapping
from typing import Any

import pytest

from gui.core.driver import Driver, DriverLink
from gui.core.errors import ConnectFailed, InvalidSettings, LoginRejected, LoginTimeout
from gui.core.events import BrokerEvent, EventKind
from gui.core.registry import BrokerSpec
from gui.core.schema import Field, FieldKind, Schema
from gui.core.session import Session, SessionBusy, SessionState
from tests.helpers import in_process

SPEC = BrokerSpec(
    "fake",
    "Fake broker",
    Schema((Field("user", "User", required=True), Field("pw", "Password", FieldKind.SECRET))),
)
VALUES = {"user": "alice", "pw": "s3cret-pw"}


class ScriptedDriver(Driver):
    """Reports `connected`, then waits for the test to release or fail it."""

    def __init__(self) -> None:
        self.link: DriverLink | None = None
        self.release = asyncio.Event()
        self.outcome: BaseException | None = None
        self.logged_out = 0
        self.cancelled = False

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self.link = link
        link.status("CONNECT_READY", "up")
        link.connected("up")
        try:
            await self.release.wait()
        except asyncio.CancelledError:
            self.cancelled = True
            raise
        if self.outcome is not None:
            raise self.outcome
        link.status("LOGIN_READY", f"welcome {settings['user']}, pw {settings['pw']}")

    async def logout(self) -> None:
        self.logged_out += 1
        assert self.link is not None
        self.link.status("DISCONNECTED", "bye")


def record(session: Session) -> tuple[list[SessionState], list[BrokerEvent]]:
    states: list[SessionState] = []
    events: list[BrokerEvent] = []
    session.state_listeners.append(lambda state, _reason: states.append(state))
    session.event_listeners.append(events.append)
    return states, events


async def until(predicate, seconds: float = 5.0) -> None:
    async def poll() -> None:
        while not predicate():
            await asyncio.sleep(0.005)

    await asyncio.wait_for(poll(), seconds)


def test_full_cycle_passes_every_state_in_order() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        states, events = record(session)
        driver = ScriptedDriver()
        task = asyncio.create_task(session.connect(in_process("fake", driver), VALUES))
        await until(lambda: session.state is SessionState.CONNECTED)
        driver.release.set()
        await task
        assert session.state is SessionState.LOGGED_IN
        await session.logout()
        assert states == [
            SessionState.CONNECTING,
            SessionState.CONNECTED,
            SessionState.LOGGED_IN,
            SessionState.LOGGING_OUT,
            SessionState.DISCONNECTED,
        ]
        assert [e.status for e in events] == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
        assert driver.logged_out == 1

    asyncio.run(scenario())


def test_secrets_are_masked_in_driver_text() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        _, events = record(session)
        driver = ScriptedDriver()
        driver.release.set()
        await session.connect(in_process("fake", driver), VALUES)
        assert "s3cret-pw" not in events[-1].text
        assert "••••" in events[-1].text

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("failure", "exit_code"),
    [(ConnectFailed("no route"), 3), (LoginRejected("bad password"), 4)],
)
def test_failures_end_in_failed_then_next_action_resets(failure, exit_code) -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        driver = ScriptedDriver()
        driver.outcome = failure
        driver.release.set()
        with pytest.raises(type(failure)):
            await session.connect(in_process("fake", driver), VALUES)
        assert session.state is SessionState.FAILED
        assert session.reason == failure.reason
        assert session.failure is not None and session.failure.exit_code == exit_code
        await session.logout()
        assert session.state is SessionState.DISCONNECTED

    asyncio.run(scenario())


def test_cancel_while_connecting_aborts_cleanly() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        states, _ = record(session)
        driver = ScriptedDriver()
        task = asyncio.create_task(session.connect(in_process("fake", driver), VALUES))
        await until(lambda: session.state is SessionState.CONNECTED)
        assert session.cancel()
        await task  # a user cancel is not an error
        assert driver.cancelled
        assert session.state is SessionState.DISCONNECTED
        assert states[-1] is SessionState.DISCONNECTED
        assert not session.cancel()  # nothing left to cancel

    asyncio.run(scenario())


def test_connect_twice_is_impossible() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        task = asyncio.create_task(session.connect(in_process("fake", ScriptedDriver()), VALUES))
        await until(lambda: session.state is SessionState.CONNECTED)
        with pytest.raises(SessionBusy):
            await session.connect(in_process("fake", ScriptedDriver()), VALUES)
        session.cancel()
        await task

    asyncio.run(scenario())


def test_logout_with_nothing_live_is_a_no_op() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        states, events = record(session)
        await session.logout()
        assert states == [] and events == []
        assert session.state is SessionState.DISCONNECTED

    asyncio.run(scenario())


def test_invalid_settings_never_reach_the_driver() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        states, _ = record(session)
        driver = ScriptedDriver()
        with pytest.raises(InvalidSettings) as caught:
            await session.connect(in_process("fake", driver), {"user": ""})
        assert "user" in caught.value.field_errors
        assert driver.link is None
        assert states == []

    asyncio.run(scenario())


def test_session_timeout_bounds_a_silent_driver() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        driver = ScriptedDriver()
        with pytest.raises(LoginTimeout) as caught:
            await session.connect(in_process("fake", driver), VALUES, timeout=0.2)
        assert "CONNECT_READY" in caught.value.reason  # the last status seen
        assert session.state is SessionState.FAILED  # the verdict does not wait for cleanup
        await session.shutdown()
        assert driver.cancelled

    asyncio.run(scenario())


def test_connection_lost_while_logged_in_fails_and_releases_the_driver() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        driver = ScriptedDriver()
        driver.release.set()
        await session.connect(in_process("fake", driver), VALUES)
        assert driver.link is not None
        driver.link.status("DISCONNECTED", "server closed the socket")
        await asyncio.sleep(0.05)
        assert session.state is SessionState.LOGGED_IN  # status text is for display only
        driver.link.lost("server closed the socket")
        await until(lambda: session.state is SessionState.FAILED)
        assert "Connection lost" in session.reason
        await session.shutdown()
        assert driver.logged_out == 1

    asyncio.run(scenario())


def test_unexpected_driver_errors_become_failures_without_secrets() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        driver = ScriptedDriver()
        driver.outcome = RuntimeError("boom while sending s3cret-pw")
        driver.release.set()
        with pytest.raises(Exception) as caught:
            await session.connect(in_process("fake", driver), VALUES)
        assert "s3cret-pw" not in str(caught.value)
        assert "boom" in session.reason
        assert session.failure is not None and session.failure.exit_code == 1

    asyncio.run(scenario())


def test_events_from_many_threads_arrive_in_per_thread_order() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        _, events = record(session)
        driver = ScriptedDriver()
        driver.release.set()
        await session.connect(in_process("fake", driver), VALUES)
        link = driver.link
        assert link is not None

        def burst(name: str) -> None:
            for i in range(2_500):
                link.emit(EventKind.MESSAGE, name, topic=str(i))

        threads = [threading.Thread(target=burst, args=(f"t{n}",)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        await until(lambda: len(events) >= 2 + 10_000)
        for n in range(4):
            topics = [int(e.topic) for e in events if e.status == f"t{n}"]
            assert topics == list(range(2_500))

    asyncio.run(scenario())


def test_failure_reasons_are_masked_whatever_the_driver_put_in_them() -> None:
    async def scenario() -> None:
        session = Session(SPEC)
        driver = ScriptedDriver()
        driver.outcome = LoginRejected("vendor says: password s3cret-pw is wrong")
        driver.release.set()
        with pytest.raises(LoginRejected) as caught:
            await session.connect(in_process("fake", driver), VALUES)
        assert "s3cret-pw" not in caught.value.reason and "s3cret-pw" not in str(caught.value)
        assert "s3cret-pw" not in session.reason
        assert "••••" in session.reason

    asyncio.run(scenario())
