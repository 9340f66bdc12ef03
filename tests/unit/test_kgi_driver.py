"""The KGI driver through a real Session, bound to the simulated TaiFexCom surface."""

from __future__ import annotations

import asyncio
import struct
from datetime import datetime
from typing import Any

import pytest

from gui.brokers import kgi
from gui.brokers.kgi.driver import KgiDriver, decode_ack, decode_message, enum_name, to_datetime
from gui.brokers.kgi.simulator import COM_STATUS, SimTaiFexCom, load
from gui.brokers.kgi.surface import TAIPEI, KgiSdk
from gui.core.errors import (
    ConnectFailed,
    InvalidSettings,
    LoginRejected,
    LoginTimeout,
    SdkUnavailable,
)
from gui.core.events import BrokerEvent, EventKind, Level
from gui.core.registry import Environment
from gui.core.session import Session, SessionState
from tests.helpers import in_process


def settings(**overrides: Any) -> dict[str, Any]:
    values = kgi.SPEC.defaults(Environment.SIMULATOR)
    values.update(password="demo")
    values.update(overrides)
    return values


class Harness:
    """A session plus the SDK objects the driver created, to check they were disposed."""

    def __init__(self, com_class: type = SimTaiFexCom, scenario: str = "normal") -> None:
        self.created: list[SimTaiFexCom] = []
        self.session = Session(kgi.SPEC, logout_timeout=10)
        self.events: list[BrokerEvent] = []
        self.session.event_listeners.append(self.events.append)

        def make(host: str, port: int, source_id: str) -> SimTaiFexCom:
            com = com_class(host, port, source_id, scenario=scenario)
            self.created.append(com)
            return com

        self.sdk = KgiSdk(make, int, str, bool, "test surface")

    def driver(self) -> KgiDriver:
        return KgiDriver(lambda _settings: self.sdk)

    def handle(self, driver: KgiDriver | None = None):  # type: ignore[no-untyped-def]
        return in_process("kgi", driver or self.driver())

    def statuses(self) -> list[str]:
        return [e.status for e in self.events if e.kind is EventKind.STATUS]


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 30))


def test_login_registers_taifex_and_logout_disposes() -> None:
    harness = Harness()

    async def scenario() -> None:
        await harness.session.connect(harness.handle(), settings())
        assert harness.session.state is SessionState.LOGGED_IN
        exchanges = harness.session.context.exchanges
        assert [(e.code, e.boards) for e in exchanges] == [("TAIFEX", ("futures", "options"))]
        assert harness.session.info.details["SDK version"] == "2022050517"
        assert harness.session.info.recover["ProList.xml"].count == 275
        await harness.session.logout()

    run(scenario())
    com = harness.created[0]
    assert harness.statuses()[0] == "CONNECT_READY"
    assert harness.statuses()[-1] == "DISCONNECTED"
    assert com._disposed.is_set()
    assert len(com.OnGetStatus) == 0  # handlers removed
    assert (com.AutoSubReport, com.AutoRecoverReport, com.AutoRetriveProductInfo) == (
        True,
        True,
        True,
    )


def test_form_settings_reach_the_vendor_fields() -> None:
    harness = Harness()

    async def scenario() -> None:
        values = settings(auto_sub_report=False, auto_recover_report=False)
        values["auto_retrieve_product_info"] = False
        await harness.session.connect(harness.handle(), values)
        await harness.session.logout()

    run(scenario())
    com = harness.created[0]
    assert (com.AutoSubReport, com.AutoRecoverReport, com.AutoRetriveProductInfo) == (
        False,
        False,
        False,
    )
    assert not [e for e in harness.events if e.kind is EventKind.RECOVER]


@pytest.mark.parametrize(
    ("scenario", "password", "failure", "fragment"),
    [
        ("normal", "wrong", LoginRejected, "登入失敗"),
        ("unreachable", "demo", ConnectFailed, "無法連線"),
        ("drop_during_recover", "demo", ConnectFailed, "連線中斷"),
    ],
)
def test_failures_carry_the_vendor_message(scenario, password, failure, fragment):
    harness = Harness(scenario=scenario)

    async def attempt() -> None:
        with pytest.raises(failure) as caught:
            await harness.session.connect(harness.handle(), settings(password=password))
        assert fragment in caught.value.reason

    run(attempt())
    assert harness.session.state is SessionState.FAILED
    assert harness.created[0]._disposed.is_set()


def test_login_timeout_names_the_last_status_and_disposes() -> None:
    harness = Harness(scenario="silent")

    async def attempt() -> None:
        with pytest.raises(LoginTimeout) as caught:
            await harness.session.connect(harness.handle(), settings(login_timeout=1))
        assert "last status: none" in caught.value.reason

    run(attempt())
    assert harness.created[0]._disposed.is_set()


def test_cancel_during_recovery_disposes_at_once() -> None:
    harness = Harness(scenario="slow_recovery")

    async def attempt() -> None:
        task = asyncio.create_task(harness.session.connect(harness.handle(), settings()))
        while harness.session.state is not SessionState.CONNECTED:
            await asyncio.sleep(0.01)
        harness.session.cancel()
        await task

    run(attempt())
    assert harness.session.state is SessionState.DISCONNECTED
    assert harness.created[0]._disposed.is_set()


class LowercaseLogoutCom(SimTaiFexCom):
    """A vendor build that spells it `logout()`."""

    @property
    def Logout(self):
        raise AttributeError("Logout")

    def logout(self) -> None:
        SimTaiFexCom.Logout(self)


def test_a_build_with_lowercase_logout() -> None:
    harness = Harness(com_class=LowercaseLogoutCom)

    async def scenario() -> None:
        await harness.session.connect(harness.handle(), settings())
        await harness.session.logout()

    run(scenario())
    assert harness.statuses()[-1] == "DISCONNECTED"
    assert not any(e.level is Level.WARNING for e in harness.events)


def test_two_logins_in_a_row() -> None:
    harness = Harness()

    async def scenario() -> None:
        for _ in range(2):
            await harness.session.connect(harness.handle(), settings())
            await harness.session.logout()

    run(scenario())
    assert harness.statuses().count("LOGIN_READY") == 2
    assert len(harness.created) == 2


def test_handler_exceptions_never_escape_and_login_goes_on() -> None:
    harness = Harness()
    driver = harness.driver()

    async def scenario() -> None:
        task = asyncio.create_task(harness.session.connect(harness.handle(driver), settings()))
        while harness.session.state is not SessionState.CONNECTED:
            await asyncio.sleep(0.01)
        driver._on_get_status(None, object(), None)  # neither ToString nor int()
        driver._on_rcv_server_time(None, "not a time", "x")
        await task

    run(scenario())
    errors = [e for e in harness.events if e.level is Level.ERROR]
    assert {e.text.split(" ")[0] for e in errors} == {"OnGetStatus", "OnRcvServerTime"}
    assert harness.session.state is SessionState.LOGGED_IN


def test_live_environment_without_sdk_folder_says_what_to_set(tmp_path) -> None:
    session = Session(kgi.SPEC)

    async def attempt() -> None:
        for folder, fragment in (("", "Set the SDK folder"), (str(tmp_path), "lacks Package.dll")):
            driver = kgi.SPEC.create_driver(Environment.LIVE, "")
            with pytest.raises(SdkUnavailable) as caught:
                await session.connect(in_process("kgi", driver), settings(sdk_dir=folder))
            assert fragment in caught.value.reason
            await session.logout()

    run(attempt())


def test_unknown_scenario_is_invalid_input() -> None:
    with pytest.raises(InvalidSettings) as caught:
        kgi.SPEC.create_driver(Environment.SIMULATOR, "nope")
    assert "scenario" in caught.value.field_errors
    assert load("normal", {}).runtime == "built-in simulator"


# -- decoding helpers ---------------------------------------------------------------------


def test_decode_message_falls_back_to_big5_then_replacement() -> None:
    assert decode_message("登入成功".encode()) == "登入成功"
    assert decode_message("登入成功".encode("cp950")) == "登入成功"
    assert decode_message(b"\xff\xfe\xfa") != ""  # never raises
    assert decode_message(None) == ""


def test_decode_ack_reads_int64_and_status_byte() -> None:
    assert decode_ack(struct.pack("<qB", 123456789012, 1)) == (123456789012, True, 1)
    assert decode_ack(struct.pack("<qB", 7, 0)) == (7, False, 0)
    assert decode_ack(b"\x01") == (-1, None, None)


def test_ack_requestid_and_unknown_statuses_pass_through() -> None:
    harness = Harness()
    driver = harness.driver()

    class FutureStatus(int):
        def ToString(self) -> str:
            return "QUEUE_WARNING"

    async def scenario() -> None:
        await harness.session.connect(harness.handle(driver), settings())
        driver._on_get_status(None, COM_STATUS.ACK_REQUESTID, struct.pack("<qB", 42, 1))
        driver._on_get_status(None, FutureStatus(15), "佇列壅塞".encode())
        await asyncio.sleep(0.1)
        await harness.session.logout()

    run(scenario())
    ack = next(e for e in harness.events if e.status == "ACK_REQUESTID")
    assert ack.text == "request 42: OK"
    assert ack.raw["request_id"] == 42
    unknown = next(e for e in harness.events if e.status == "QUEUE_WARNING")
    assert unknown.text == "佇列壅塞"
    assert unknown.level is Level.WARNING


def test_enum_name_and_server_time_conversion() -> None:
    assert enum_name(COM_STATUS.LOGIN_READY) == "LOGIN_READY"

    class DotNetDateTime:
        Year, Month, Day, Hour, Minute, Second, Millisecond = 2026, 11, 21, 9, 30, 5, 250

    converted = to_datetime(DotNetDateTime())
    assert converted == datetime(2026, 11, 21, 9, 30, 5, 250_000, tzinfo=TAIPEI)
    assert to_datetime(datetime(2026, 1, 1)).tzinfo is TAIPEI


def test_driver_factory_uses_the_simulator_in_simulator_mode() -> None:
    driver = kgi.SPEC.create_driver(Environment.SIMULATOR, "normal")
    session = Session(kgi.SPEC)

    async def scenario() -> None:
        await session.connect(in_process("kgi", driver), settings())
        await session.logout()

    run(scenario())
    assert session.info.details["Runtime"] == "built-in simulator"
