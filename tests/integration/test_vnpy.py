"""vnpy: the real vnpy core (EventEngine, BaseGateway) with a test gateway, gateway discovery
from installed distributions, the form from default_setting, and the built-in simulator."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gui.brokers import vnpy as vnpy_broker
from gui.brokers.vnpy import fields_from_setting, is_secret
from gui.brokers.vnpy.driver import VnpyDriver
from gui.brokers.vnpy.surface import discover, static_default_setting
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout
from gui.core.events import Level
from gui.core.registry import Environment
from gui.core.schema import FieldKind
from tests.helpers import LoginRun
from tests.system_components import missing

ROOT = Path(__file__).resolve().parents[2]
STANDINS = Path(__file__).parent / "standins"
GATEWAY = "vnpy_testgw:TestGateway"


def require_vnpy() -> None:
    if importlib.util.find_spec("vnpy") is None:
        missing("vnpy's core is missing: pip install --no-deps vnpy (scripts/test.sh does)")


@pytest.mark.parametrize(
    "key", ["password", "密码", "API Key", "access_token", "授权编码", "App Secret", "パスワード"]
)
def test_keys_that_name_a_secret_in_any_language(key: str) -> None:
    assert is_secret(key)


@pytest.mark.parametrize(
    "key", ["用户名", "经纪商代码", "交易服务器", "产品名称", "username", "server"]
)
def test_ordinary_keys_are_not_secret(key: str) -> None:
    assert not is_secret(key)


def test_form_follows_default_setting_types() -> None:
    fields = {
        f.key: f
        for f in fields_from_setting(
            {
                "user": "",
                "密码": "",
                "server": ["a", "b"],
                "timeout": 5,
                "ratio": 1.5,
                "verbose": True,
            }
        )
    }
    assert fields["server"].kind is FieldKind.CHOICE and fields["server"].default == "a"
    assert fields["timeout"].kind is FieldKind.INT and fields["timeout"].default == 5
    assert fields["ratio"].kind is FieldKind.FLOAT
    assert fields["verbose"].kind is FieldKind.BOOL and fields["verbose"].default is True
    assert fields["密码"].secret and not fields["user"].secret


def test_discovery_reads_installed_vnpy_distributions_without_importing(tmp_path, monkeypatch):
    package = tmp_path / "vnpy_fakegw"
    package.mkdir()
    (package / "__init__.py").write_text("raise RuntimeError('must not be imported')\n")
    (package / "gateway.py").write_text(
        "from vnpy.trader.gateway import BaseGateway\n"
        "class FakeGateway(BaseGateway):\n"
        "    default_name = 'FAKE'\n"
        "    default_setting: dict = {'账号': '', '密码': '', '环境': ['实盘', '测试']}\n",
        encoding="utf-8",
    )
    info = tmp_path / "vnpy_fakegw-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: vnpy_fakegw\nVersion: 1.0\n")
    (info / "RECORD").write_text("vnpy_fakegw/__init__.py,,\nvnpy_fakegw/gateway.py,,\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    discover.cache_clear()
    static_default_setting.cache_clear()
    try:
        assert "vnpy_fakegw.gateway:FakeGateway" in discover()
        setting = static_default_setting("vnpy_fakegw.gateway:FakeGateway")
        assert setting == {"账号": "", "密码": "", "环境": ["实盘", "测试"]}
        schema = vnpy_broker.resolve_schema(
            Environment.LIVE, {"gateway": "vnpy_fakegw.gateway:FakeGateway"}
        )
        assert schema.keys == ("gateway", "账号", "密码", "环境")
        assert "vnpy_fakegw" not in sys.modules
    finally:
        discover.cache_clear()
        static_default_setting.cache_clear()


class Run(LoginRun):
    def __init__(self) -> None:
        super().__init__(vnpy_broker.SPEC)

    def login(  # type: ignore[override]
        self,
        environment: Environment,
        scenario: str,
        values: dict[str, Any],
        timeout: float = 60,
        driver: Any = None,
        until: Any = None,
    ) -> Exception | None:
        return super().login(
            values,
            environment=environment,
            scenario=scenario,
            timeout=timeout,
            schema=self.spec.schema_for(environment, values),
            driver=driver,
            until=until,
        )


@pytest.fixture
def testgw(monkeypatch):
    require_vnpy()
    monkeypatch.syspath_prepend(str(STANDINS))
    static_default_setting.cache_clear()
    yield
    static_default_setting.cache_clear()


def test_real_vnpy_gateway_logs_in_and_its_own_engine_is_stopped(testgw) -> None:
    from vnpy.event import EventEngine

    from gui.brokers.vnpy import binding

    engines: list[EventEngine] = []

    def new_engine() -> EventEngine:
        engines.append(EventEngine())
        return engines[-1]

    def surface(settings: Any) -> Any:
        return dataclasses.replace(binding.load(settings), new_engine=new_engine)

    run = Run()
    values = {"gateway": GATEWAY, "username": "acct-1", "password": "demo", "server": "backup"}

    # Ready on the first contract; the account follows on vnpy's event thread.
    def has_account() -> bool:
        return "Account" in run.session.info.details

    failure = run.login(
        Environment.LIVE, "", values, driver=lambda: VnpyDriver(surface), until=has_account
    )
    assert failure is None
    assert run.statuses() == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]
    assert run.session.info.details["Account"] == "acct-1 balance 250000.0"
    assert run.session.info.recover["contracts"].status == "RS_BEGIN"
    assert [e.code for e in run.session.context.exchanges] == ["SSE", "SZSE"]
    (engine,) = engines  # one engine for this login, and logout stopped it
    assert not engine._active and not engine._timer.is_alive() and not engine._thread.is_alive()
    handlers = [h for hs in engine._handlers.values() for h in hs]
    assert not [h for h in handlers if getattr(h, "__self__", None).__class__ is VnpyDriver]


def test_real_vnpy_error_log_is_a_login_fail_with_its_level(testgw) -> None:
    run = Run()
    error = run.login(Environment.LIVE, "", {"gateway": GATEWAY, "password": "nope"})
    assert isinstance(error, LoginRejected) and "login failed: bad password" in error.reason
    fail = next(e for e in run.events if e.status == "LOGIN_FAIL")
    assert fail.level is Level.ERROR


@pytest.mark.parametrize(
    ("scenario", "password", "failure", "fragment"),
    [
        ("normal", "nope", LoginRejected, "CTP:不合法的登录"),
        ("auth_failed_63", "demo", LoginRejected, "客户端认证失败"),
        ("disconnect_4097", "demo", ConnectFailed, "连接断开"),
    ],
)
def test_simulator_scenarios(scenario, password, failure, fragment) -> None:
    values = {**vnpy_broker.SPEC.defaults(Environment.SIMULATOR), "密码": password}
    error = Run().login(Environment.SIMULATOR, scenario, values)
    assert isinstance(error, failure) and fragment in error.reason


def test_simulator_login_counts_contracts_and_silence_times_out() -> None:
    run = Run()
    values = {**vnpy_broker.SPEC.defaults(Environment.SIMULATOR), "密码": "demo"}
    assert run.login(Environment.SIMULATOR, "normal", values) is None
    assert run.session.info.recover["contracts"].count == 120
    error = Run().login(Environment.SIMULATOR, "silent", values, timeout=0.5)
    assert isinstance(error, LoginTimeout)


def cli(*args: str, env: dict[str, str]) -> tuple[int, list[dict]]:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", "vnpy", "--json", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, **env},
    )
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()]


def test_cli_simulator_with_cjk_keys() -> None:
    code, records = cli(
        "--simulator", "--set", "用户名=123456", "--secret", "密码=P", env={"P": "demo"}
    )
    assert code == 0, records[-1]
    assert {"LOGIN_READY", "DISCONNECTED"} <= {r.get("status") for r in records}
    code, records = cli("--simulator", "--secret", "密码=P", env={"P": "other"})
    assert code == 4 and "不合法的登录" in records[-1]["reason"]


def test_cli_live_gateway_by_module_and_class(testgw) -> None:
    path = os.pathsep.join([str(STANDINS), os.environ.get("PYTHONPATH", "")])
    code, records = cli(
        "--set",
        f"gateway={GATEWAY}",
        "--set",
        "username=u1",
        "--secret",
        "password=P",
        env={"P": "demo", "PYTHONPATH": path},
    )
    assert code == 0, records[-1]
    code, records = cli(
        "--set", f"gateway={GATEWAY}", "--set", "password=demo", env={"PYTHONPATH": path}
    )
    assert code == 2 and "never on the command line" in records[-1]["fields"]["password"]
