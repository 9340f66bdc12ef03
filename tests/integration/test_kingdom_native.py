"""Kingdom through the real ctypes bindings: our shim built against a stand-in LBM plugin, and a
stand-in KCBP C client, all compiled at test time. The stand-ins check every byte they receive."""

from __future__ import annotations

import asyncio
import ctypes
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from gui.brokers import kingdom
from gui.brokers.kingdom.surface import ConnectOption, InitInfo, KcbpConfig
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout, SdkUnavailable
from gui.core.events import BrokerEvent, EventKind
from gui.core.registry import Environment
from gui.core.session import Session, SessionState
from tests.helpers import LoginRun, in_process
from tests.integration.conftest import KINGDOM_STANDIN, build_kingdom, closed_port

ROOT = Path(__file__).resolve().parents[2]


def settings(shim: Path, server: tuple[str, int], **overrides: Any) -> dict[str, Any]:
    values = kingdom.SPEC.defaults(Environment.LIVE)
    values.update(
        sdk_path=str(shim),
        operator_user="操作员甲",
        operator_password="demo",
        kcbp_password="888888",
        kcbp_ip=server[0],
        kcbp_port=server[1],
    )
    values.update(overrides)
    return values


def standin(shim: Path) -> tuple[str, str, int]:
    """(last InitPlugin dump, last KCBP option dump, Close count) from the stand-ins."""
    plugin = ctypes.CDLL(str(shim.parent / "libLBM_Plugin.so"))
    client = ctypes.CDLL(str(shim.parent / "libKCBPCli.so"))
    buffer = ctypes.create_string_buffer(2048)
    plugin.standin_last_init(buffer, 2048)
    init = buffer.value.decode("gbk")
    client.kcbp_standin_last_option(buffer, 2048)
    return init, buffer.value.decode("gbk"), plugin.standin_close_count()


def Run() -> LoginRun:
    return LoginRun(kingdom.SPEC)


def test_struct_layouts_match_the_headers() -> None:
    assert ctypes.sizeof(InitInfo) == 66
    assert ctypes.sizeof(KcbpConfig) == 124 and KcbpConfig.nPort.offset == 80
    assert ctypes.sizeof(ConnectOption) == 173  # packed: 33+4+33+4+33+33+33
    assert ConnectOption.nPort.offset == 70


def test_login_passes_every_field_through_intact(kingdom_shim, kcbp_server) -> None:
    _, _, closes_before = standin(kingdom_shim)
    run = Run()
    error = run.login(settings(kingdom_shim, kcbp_server, back_all_quotes=True))
    assert error is None, error
    assert run.statuses() == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
    init, option, closes = standin(kingdom_shim)
    host, port = kcbp_server
    assert init == (
        f"user=操作员甲|pwd=demo|all_hq=1|local=0|kcbp_user=KCXP00|kcbp_pwd=888888|ip={host}|"
        f"server=KCBP1|port={port}|req=req_market|ans=ans_market|threads=5|log=算法Api|"
        "algo=提速版|log_open=1"
    )
    assert option == (
        f"server=KCBP1|protocol=0|address={host}|port={port}|send=req_market|recv=ans_market"
    )
    assert closes == closes_before + 1
    assert [x.code for x in run.session.context.exchanges] == ["SSE", "SZSE"]
    assert "ctypes" in run.session.info.details["Runtime"]


def test_fields_filled_to_their_last_byte(kingdom_shim, kcbp_server) -> None:
    user = "操" * 15 + "A"  # 31 GBK bytes: char[32] with its NUL
    run = Run()
    error = run.login(settings(kingdom_shim, kcbp_server, operator_user=user, log_prefix=""))
    assert error is None, error
    init, _, _ = standin(kingdom_shim)
    assert f"user={user}|" in init and "|log=|" in init


def test_rejected_operator_carries_the_plugins_gbk_texts(kingdom_shim, kcbp_server) -> None:
    run = Run()
    error = run.login(settings(kingdom_shim, kcbp_server, operator_password="not-it"))
    assert isinstance(error, LoginRejected)
    assert "plugin: 操作员密码错误" in error.reason and "trade: 交易通道未建立" in error.reason
    assert run.statuses() == ["CONNECT_READY", "LOGIN_FAIL"]
    assert "not-it" not in json.dumps([e.to_json_dict() for e in run.events], ensure_ascii=False)


def test_kcbp_unreachable_is_a_connect_failure(kingdom_shim) -> None:
    run = Run()
    error = run.login(settings(kingdom_shim, ("127.0.0.1", closed_port())))
    assert isinstance(error, ConnectFailed)
    assert "连接KCBP服务器失败" in error.reason
    assert run.statuses() == ["CONNECT_FAIL"]


def test_wrong_queue_names_and_kcbp_password(kingdom_shim, kcbp_server, monkeypatch) -> None:
    monkeypatch.setenv("KCBP_STANDIN_QUEUES", "req_trade,ans_trade")
    error = Run().login(settings(kingdom_shim, kcbp_server))
    assert (
        isinstance(error, ConnectFailed) and "2054" in error.reason and "队列不存在" in error.reason
    )
    monkeypatch.delenv("KCBP_STANDIN_QUEUES")
    error = Run().login(settings(kingdom_shim, kcbp_server, kcbp_password="000000"))
    assert isinstance(error, LoginRejected) and "2003" in error.reason  # exit 4, not 3


def test_slow_init_times_out_and_the_plugin_is_closed_later(
    kingdom_shim, kcbp_server, monkeypatch
) -> None:
    monkeypatch.setenv("KINGDOM_STANDIN_DELAY_MS", "1500")
    _, _, closes_before = standin(kingdom_shim)
    run = Run()
    error = run.login(settings(kingdom_shim, kcbp_server), timeout=0.5)
    assert isinstance(error, LoginTimeout)
    deadline = time.monotonic() + 10
    while standin(kingdom_shim)[2] == closes_before:  # InitPlugin returned 0 late: closed then
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_probe_tests_the_kcbp_leg_alone(kingdom_shim, kcbp_server) -> None:
    session = Session(kingdom.SPEC)
    events: list[BrokerEvent] = []
    session.event_listeners.append(events.append)

    async def go() -> str:
        driver = kingdom.SPEC.create_driver(Environment.LIVE, "")
        handle = in_process("kingdom", driver)
        result = await session.probe(handle, settings(kingdom_shim, kcbp_server))
        return result.message

    message = asyncio.run(go())
    assert "accepted user KCXP00" in message
    assert [e.status for e in events if e.kind is EventKind.STATUS] == ["CONNECT_READY"]
    assert session.state is SessionState.DISCONNECTED


def test_shim_built_with_another_layout_is_refused(tmp_path, kcbp_server) -> None:
    header = tmp_path / "header"
    header.mkdir()
    text = (KINGDOM_STANDIN / "LBM_Plugin.h").read_text(encoding="utf-8")
    (header / "LBM_Plugin.h").write_text(text.replace("szServer[20]", "szServer[24]"), "utf-8")
    shim = build_kingdom(tmp_path / "lib", header)
    error = Run().login(settings(shim, kcbp_server))
    assert isinstance(error, SdkUnavailable) and "another struct layout" in error.reason


def test_missing_shim_or_kcbp_client_is_named(kingdom_shim, kcbp_server, tmp_path) -> None:
    error = Run().login(settings(tmp_path / "nope.so", kcbp_server))
    assert isinstance(error, SdkUnavailable) and "does not exist" in error.reason
    for name in ("liblbm_shim.so", "libLBM_Plugin.so"):
        shutil.copy(kingdom_shim.parent / name, tmp_path)
    error = Run().login(settings(tmp_path / "liblbm_shim.so", kcbp_server))
    assert isinstance(error, SdkUnavailable) and "libKCBPCli.so" in error.reason
    error = Run().login(settings(kingdom_shim, kcbp_server, sdk_path=""))
    assert isinstance(error, SdkUnavailable) and "Set the plugin shim" in error.reason


def cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, list[dict]]:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", "kingdom", "--json", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, **(env or {})},
    )
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()]


def test_cli_simulator_with_a_shim_drives_the_real_ctypes_path(kingdom_shim, kcbp_server) -> None:
    sets = [
        "--set",
        f"sdk_path={kingdom_shim}",
        "--set",
        f"kcbp_ip={kcbp_server[0]}",
        "--set",
        f"kcbp_port={kcbp_server[1]}",
    ]
    code, records = cli("--simulator", *sets)
    assert code == 0, records[-1]
    statuses = [r["status"] for r in records if r.get("kind") == "status"]
    assert statuses == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
    code, records = cli(
        *sets,
        "--secret",
        "operator_password=P",
        "--secret",
        "kcbp_password=K",
        "--set",
        "operator_user=op",
        env={"P": "other", "K": "888888"},
    )
    assert code == 4 and "操作员密码错误" in records[-1]["reason"]
