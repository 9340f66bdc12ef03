"""The session controller without Qt: what the window's tab and the CLI both run. A full
login → drop → reconnect → logout on the KGI simulator in its worker process, with the
password remembered after the login that worked, and a rejected reconnect that stops."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping

import pytest

from gui.brokers import default_registry
from gui.core.errors import LoginRejected
from gui.core.health import BackoffPolicy, Health
from gui.core.login import layered_values
from gui.core.registry import DROP_AFTER_LOGIN, Environment
from gui.core.session import Session, SessionState
from gui.core.session_controller import LoginRequest, SessionController

BOUND = 60.0


def kgi_request(password: str = "demo", scenario: str = "normal") -> LoginRequest:
    spec = default_registry().get("kgi")
    schema, values = layered_values(spec, Environment.SIMULATOR, {}, {"password": password})
    return LoginRequest(Environment.SIMULATOR, scenario, values, schema, timeout=20.0)


async def wait_for(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(BOUND):
        while not condition():
            await asyncio.sleep(0.05)


def test_login_drop_reconnect_logout_without_qt() -> None:
    async def run() -> None:
        control = SessionController(default_registry().get("kgi"))
        control.reconnector.policy = BackoffPolicy(first=0.1, cap=0.2)  # no minute-long waits
        kept: list[Mapping[str, str]] = []
        states: list[Health] = []
        control.health.listeners.append(lambda tracker: states.append(tracker.state))
        try:
            problem = await control.login(
                kgi_request(scenario=DROP_AFTER_LOGIN), reconnect=True, remember=kept.append
            )
            assert problem == "" and kept == [{"password": "demo"}]
            assert control.session.state is SessionState.LOGGED_IN
            await wait_for(lambda: Health.RECONNECTING in states)
            await wait_for(lambda: control.health.reconnects == 1)
            assert control.session.state is SessionState.LOGGED_IN
            assert states.index(Health.LOST) < states.index(Health.RECONNECTING)
            await control.logout()
            assert control.session.state is SessionState.DISCONNECTED
            assert not control.reconnector.running and not control.reconnector.armed
        finally:
            await control.shutdown()

    asyncio.run(run())


def test_a_rejected_login_remembers_nothing_and_arms_no_reconnect() -> None:
    async def run() -> None:
        control = SessionController(default_registry().get("kgi"))
        kept: list[Mapping[str, str]] = []
        try:
            with pytest.raises(LoginRejected):  # the typed failure, after the session shows it
                await control.login(kgi_request("wrong"), reconnect=True, remember=kept.append)
            assert control.session.state is SessionState.FAILED
            assert kept == []
            assert not control.reconnector.running
        finally:
            await control.shutdown()

    asyncio.run(run())


def test_a_diagnosis_beside_a_live_session_checks_the_way_and_never_logs_in_again(
    config_dir: object,
) -> None:
    """Many brokers end a session when the same account logs in again: beside a live
    session the diagnosis runs on a session of its own, network and SDK only."""

    async def run() -> None:
        control = SessionController(default_registry().get("kgi"))
        wired: list[Session] = []
        try:
            request = kgi_request()
            await control.login(request, reconnect=False)
            diagnosed = await control.diagnose(
                request.environment, "normal", request.values, login=True, beside=wired.append
            )
            assert [step.step for step in diagnosed.steps] == ["dns", "tcp", "sdk"]
            assert diagnosed.not_kept == ""  # kept for a support bundle
            assert len(wired) == 1 and wired[0] is not control.session
            assert wired[0].diagnosis == diagnosed.steps and not control.session.diagnosis
            assert control.session.state is SessionState.LOGGED_IN  # untouched
            await control.logout()
            alone = await control.diagnose(
                request.environment, "normal", request.values, login=True
            )
            assert "login" in [step.step for step in alone.steps]  # no session: it logs in
            assert len(wired) == 1
        finally:
            await control.shutdown()

    asyncio.run(run())
