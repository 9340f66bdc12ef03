"""Hundsun and Rootnet through their real binding code, on stand-ins of the vendor modules
(py_t2sdk, CTSlib) with the vendors' names and call shapes."""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from gui.brokers import hundsun, rootnet
from gui.core.errors import ConnectFailed, LoginRejected, SdkUnavailable
from gui.core.registry import Environment
from gui.core.session import SessionState
from tests.helpers import LoginRun
from tests.integration.conftest import closed_port

STANDINS = Path(__file__).parent / "standins"


@pytest.fixture
def vendor_modules(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(STANDINS))
    for name in ("py_t2sdk", "CTSlib"):
        sys.modules.pop(name, None)
    yield
    for name in ("py_t2sdk", "CTSlib"):
        sys.modules.pop(name, None)


Run = LoginRun


# -- Hundsun ---------------------------------------------------------------------------------


def hundsun_values(tmp_path: Path, **overrides: Any) -> dict[str, Any]:
    licence = tmp_path / "license.dat"
    licence.write_bytes(b"LICENSE")
    values = hundsun.SPEC.defaults(Environment.LIVE)
    values.update(
        servers="127.0.0.1:9003;127.0.0.1:9004",
        license_file=str(licence),
        operator_no="10001",
        password="demo",
        authorization_id="AUTH-01",
        port_id=8080,
    )
    values.update(overrides)
    return values


def test_hundsun_login_packs_the_seeds_fields_and_reads_by_name(vendor_modules, tmp_path) -> None:
    import py_t2sdk

    py_t2sdk.received.clear()
    run = Run(hundsun.SPEC)
    assert run.login(hundsun_values(tmp_path)) is None
    assert run.statuses() == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
    login = py_t2sdk.received[0]
    assert login["function"] == 10001 and login["port_id"] == 8080
    assert login["op_station"] == f"{login['ip_address']}|{login['mac_address']}"
    assert [r["function"] for r in py_t2sdk.received] == [10001, 10002]
    token = py_t2sdk.received[1]["user_token"]
    assert run.session.info.details["UFX version"] == "V2019.standin"
    assert run.session.info.details["User token"] == f"•••• ({len(token)} characters)"
    assert token not in json.dumps([e.to_json_dict() for e in run.events])


def test_hundsun_errors_verbatim_with_the_code(vendor_modules, tmp_path) -> None:
    run = Run(hundsun.SPEC)
    error = run.login(hundsun_values(tmp_path, password="wrong"))
    assert isinstance(error, LoginRejected)
    assert "[1017] 操作员密码错误 (操作员[10001]密码错误)" in error.reason


def test_hundsun_bad_licence_and_unreachable(vendor_modules, tmp_path) -> None:
    values = hundsun_values(tmp_path)
    Path(values["license_file"]).write_bytes(b"tampered")
    error = Run(hundsun.SPEC).login(values)
    assert isinstance(error, ConnectFailed) and "许可证文件无效" in error.reason
    error = Run(hundsun.SPEC).login(hundsun_values(tmp_path, servers="10.0.0.1:9003"))
    assert isinstance(error, ConnectFailed) and "连接服务器失败" in error.reason
    error = Run(hundsun.SPEC).login(hundsun_values(tmp_path, license_file=str(tmp_path / "no")))
    assert isinstance(error, SdkUnavailable) and "is missing" in error.reason


def test_hundsun_without_the_t2_module_says_what_to_install(tmp_path, monkeypatch) -> None:
    sys.modules.pop("py_t2sdk", None)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if "standins" not in p])
    error = Run(hundsun.SPEC).login(hundsun_values(tmp_path))
    assert isinstance(error, SdkUnavailable) and "py_t2sdk" in error.reason


# -- Rootnet ---------------------------------------------------------------------------------


@pytest.fixture
def cts_server() -> Iterator[tuple[tuple[str, int], threading.Event]]:
    """A TCP server that holds connections until `drop` is set, then closes them."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.1)
    drop, stop = threading.Event(), threading.Event()

    def serve() -> None:
        held: list[socket.socket] = []
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])
            if drop.is_set():
                for conn in held:
                    conn.close()
                held.clear()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[:2], drop
    stop.set()
    thread.join(timeout=2)
    listener.close()


def rootnet_values(endpoint: tuple[str, int], password: str = "demo") -> dict[str, Any]:
    return {
        "host": endpoint[0],
        "port": endpoint[1],
        "operator_id": "8001",
        "operator_password": password,
    }


def test_rootnet_connect_info_login_and_exchanges(vendor_modules, cts_server) -> None:
    endpoint, _ = cts_server
    run = Run(rootnet.SPEC)
    assert run.login(rootnet_values(endpoint)) is None
    assert run.statuses() == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
    details = run.session.info.details
    assert details["CTS version"] == "CTS 5.2-standin" and details["Licence expires"] == "20991231"
    assert [e.code for e in run.session.context.exchanges] == [
        "SSE",
        "SZSE",
        "DCE",
        "CFFEX",
        "SHFE",
        "CZCE",
    ]


def test_rootnet_api_exception_and_unreachable(vendor_modules, cts_server) -> None:
    endpoint, _ = cts_server
    error = Run(rootnet.SPEC).login(rootnet_values(endpoint, "nope"))
    assert (
        isinstance(error, LoginRejected) and "[1003] operator 8001: wrong password" in error.reason
    )
    error = Run(rootnet.SPEC).login(rootnet_values(("127.0.0.1", closed_port())))
    assert isinstance(error, ConnectFailed) and "ConnectionRefusedError" in error.reason


def test_rootnet_socket_error_ends_the_session(vendor_modules, cts_server) -> None:
    endpoint, drop = cts_server
    run = Run(rootnet.SPEC)

    def dropped() -> bool:
        if run.session.state is SessionState.LOGGED_IN:
            drop.set()
        return run.session.state is SessionState.FAILED

    assert run.login(rootnet_values(endpoint), until=dropped) is None
    assert (
        "Connection lost: socket error -104" in run.session.reason
        or SessionState.FAILED in run.states
    )
    assert "DISCONNECTED" in run.statuses()


def test_rootnet_without_ctslib_says_what_to_install(monkeypatch) -> None:
    sys.modules.pop("CTSlib", None)
    monkeypatch.setattr(sys, "path", [p for p in sys.path if "standins" not in p])
    error = Run(rootnet.SPEC).login(rootnet_values(("127.0.0.1", 1)))
    assert isinstance(error, SdkUnavailable) and "CTSlib" in error.reason
