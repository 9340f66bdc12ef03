"""KGI through the real pythonnet loader and driver, on compiled C# stand-in assemblies.

The loader starts Mono once per process, so in-process tests share one SDK folder; the ones
that need another folder (another build, a broken one) run the real CLI in a child process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gui.brokers import kgi
from gui.core.errors import ConnectFailed, LoginRejected, SdkUnavailable
from gui.core.events import EventKind, Level
from gui.core.login import Isolation
from gui.core.registry import Environment
from gui.core.session import SessionState
from tests.helpers import LoginRun
from tests.integration.conftest import closed_port

ROOT = Path(__file__).resolve().parents[2]


def settings(sdk: Path, server: tuple[str, int], **overrides: Any) -> dict[str, Any]:
    values = kgi.SPEC.defaults(Environment.LIVE)
    values.update(
        sdk_dir=str(sdk), host=server[0], port=server[1], person_id="A123456789", password="demo"
    )
    values.update(overrides)
    return values


class Run(LoginRun):
    """A login through the .NET loader; the stand-in's behaviour comes from the environment."""

    def __init__(self, scenario: str = "normal") -> None:
        super().__init__(kgi.SPEC)
        self.scenario = scenario

    def login(self, values: dict[str, Any], **kwargs: Any) -> Exception | None:  # type: ignore[override]
        os.environ["KGI_STANDIN_SCENARIO"] = self.scenario
        try:
            return super().login(values, **kwargs)
        finally:
            os.environ.pop("KGI_STANDIN_SCENARIO", None)


def standin() -> Any:
    from Smart import TaiFexCom  # type: ignore[import-not-found]

    return TaiFexCom


def test_login_through_pythonnet_then_logout_and_dispose(kgi_sdk, kgi_server) -> None:
    run = Run()
    error = run.login(settings(kgi_sdk, kgi_server), stay=1.2)
    assert error is None, error
    statuses = run.statuses()
    assert statuses[0] == "CONNECT_READY" and statuses[-1] == "DISCONNECTED"
    assert "LOGIN_READY" in statuses
    recovers = [(e.topic, e.status, e.count) for e in run.events if e.kind is EventKind.RECOVER]
    assert ("ProList.xml", "RS_DONE", 275) in recovers
    times = [e for e in run.events if e.kind is EventKind.SERVER_TIME]
    assert times and times[0].latency_ms == 12
    assert abs(times[0].server_time - times[0].time).total_seconds() < 5  # Taipei time, aware
    assert run.session.info.details["SDK version"] == "2099010101"
    assert run.session.info.details["Runtime"].startswith("mono via pythonnet")
    assert [x.code for x in run.session.context.exchanges] == ["TAIFEX"]
    com = standin()
    assert com.LastLogin == f"{kgi_server[0]}|{kgi_server[1]}|A123456789|32"  # center ' '
    assert com.LastFields == "True|True|True"  # AutoRecoverReport set through Nullable<bool>
    assert com.Subscribers == 0  # all four handlers removed again
    assert com.HandlerExceptions == 0


def test_login_fail_carries_the_vendor_text(kgi_sdk, kgi_server) -> None:
    run = Run()
    error = run.login(settings(kgi_sdk, kgi_server, password="wrong-Pa55"))
    assert isinstance(error, LoginRejected)
    assert "登入失敗：密碼錯誤" in error.reason
    assert "wrong-Pa55" not in json.dumps([e.to_json_dict() for e in run.events])


def test_big5_message_is_decoded(kgi_sdk, kgi_server) -> None:
    run = Run("big5")
    error = run.login(settings(kgi_sdk, kgi_server, password="wrong"))
    assert isinstance(error, LoginRejected)
    assert "登入失敗：密碼錯誤" in error.reason


def test_connect_fail_when_nothing_listens(kgi_sdk) -> None:
    run = Run()
    error = run.login(settings(kgi_sdk, ("127.0.0.1", closed_port())))
    assert isinstance(error, ConnectFailed)
    assert "連線失敗" in error.reason
    assert run.statuses() == ["CONNECT_FAIL"]


def test_disconnect_during_recover_fails_the_login(kgi_sdk, kgi_server) -> None:
    run = Run("drop")
    error = run.login(settings(kgi_sdk, kgi_server))
    assert isinstance(error, ConnectFailed) and "連線中斷" in error.reason
    assert "LOGIN_READY" not in run.statuses()


def test_ack_requestid_newer_statuses_and_messages(kgi_sdk, kgi_server) -> None:
    run = Run("ack")
    error = run.login(
        settings(kgi_sdk, kgi_server),
        until=lambda: any(e.kind is EventKind.MESSAGE for e in run.events),
    )
    assert error is None
    ack = next(e for e in run.events if e.status == "ACK_REQUESTID")
    assert ack.raw["request_id"] == 123456789012 and ack.raw["ok"] is True
    newer = next(e for e in run.events if e.status == "QUEUE_WARNING")
    assert newer.text == "佇列壅塞" and newer.level is Level.WARNING
    message = next(e for e in run.events if e.kind is EventKind.MESSAGE)
    assert (message.status, message.topic) == ("DT 42", "RPT")


def test_exception_in_a_handler_never_reaches_dotnet(kgi_sdk, kgi_server) -> None:
    run = Run("null_package")  # OnRcvMessage(sender, null): the handler's pkg.DT raises
    error = run.login(settings(kgi_sdk, kgi_server))
    assert error is None
    assert "LOGIN_READY" in run.statuses()
    errors = [e for e in run.events if e.level is Level.ERROR]
    assert errors and errors[0].text.startswith("OnRcvMessage handler failed")
    assert standin().HandlerExceptions == 0


def test_two_logins_in_a_row_reuse_the_loaded_sdk(kgi_sdk, kgi_server) -> None:
    for _ in range(2):
        run = Run()
        assert run.login(settings(kgi_sdk, kgi_server)) is None
        assert run.session.state is SessionState.DISCONNECTED
        assert run.statuses()[-1] == "DISCONNECTED"


def test_ten_thousand_events_from_four_dotnet_threads(kgi_sdk, kgi_server) -> None:
    run = Run("flood")

    def all_arrived() -> bool:
        return sum(e.kind is EventKind.MESSAGE for e in run.events) >= 10_000

    error = run.login(settings(kgi_sdk, kgi_server), until=all_arrived)
    assert error is None
    for thread in range(4):
        dts = [
            int(e.status[3:])
            for e in run.events
            if e.kind is EventKind.MESSAGE and e.topic == f"T{thread}"
        ]
        assert dts == list(range(2500))  # none lost, in order per .NET thread
    assert standin().HandlerExceptions == 0


def test_one_process_cannot_load_a_second_sdk_folder(kgi_sdk, kgi_sdk_lowercase, kgi_server):
    run = Run()
    run.login(settings(kgi_sdk, kgi_server))  # make sure this process loaded kgi_sdk
    error = Run().login(settings(kgi_sdk_lowercase, kgi_server))
    assert isinstance(error, SdkUnavailable) and "needs a process of its own" in error.reason


def test_through_workers_another_sdk_folder_needs_no_restart(
    kgi_sdk, kgi_sdk_lowercase, kgi_server
) -> None:
    """Each login loads the SDK in its own worker process: switching folders just works."""
    for folder in (kgi_sdk, kgi_sdk_lowercase, kgi_sdk):
        run = Run()
        assert run.login(settings(folder, kgi_server), isolation=Isolation.WORKER) is None
        assert run.statuses()[-1] == "DISCONNECTED"
        assert run.session.info.details["Runtime"].startswith("mono via pythonnet")


# -- the CLI in child processes (a fresh runtime each) -------------------------------------


def check(*sets: str, password: str = "demo", scenario: str = "normal") -> tuple[int, list[dict]]:
    args = [sys.executable, "-m", "gui", "check", "kgi", "--json", "--secret", "password=PW"]
    for item in sets:
        args += ["--set", item]
    proc = subprocess.run(
        args,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PW": password, "KGI_STANDIN_SCENARIO": scenario},
    )
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert records, proc.stdout + proc.stderr
    return proc.returncode, records


def endpoint(server: tuple[str, int]) -> list[str]:
    return [f"host={server[0]}", f"port={server[1]}", "person_id=A123456789"]


def test_cli_check_logs_in_through_the_sdk(kgi_sdk, kgi_server) -> None:
    code, records = check(f"sdk_dir={kgi_sdk}", *endpoint(kgi_server))
    assert code == 0, records[-1]
    statuses = [r["status"] for r in records if r["kind"] == "status"]
    assert statuses[0] == "CONNECT_READY" and "LOGIN_READY" in statuses
    assert statuses[-1] == "DISCONNECTED"
    assert any(r["kind"] == "server_time" for r in records)


def test_cli_rejected_password_exits_4_and_unreachable_exits_3(kgi_sdk, kgi_server) -> None:
    code, records = check(f"sdk_dir={kgi_sdk}", *endpoint(kgi_server), password="nope")
    assert code == 4 and "登入失敗" in records[-1]["reason"]
    code, records = check(f"sdk_dir={kgi_sdk}", *endpoint(("127.0.0.1", closed_port())))
    assert code == 3 and "連線失敗" in records[-1]["reason"]


def test_cli_build_that_spells_it_lowercase_logout(kgi_sdk_lowercase, kgi_server) -> None:
    code, records = check(f"sdk_dir={kgi_sdk_lowercase}", *endpoint(kgi_server))
    assert code == 0, records[-1]
    assert [r["status"] for r in records if r["kind"] == "status"][-1] == "DISCONNECTED"
    assert not [r for r in records if r.get("level") == "warning"]  # DISCONNECTED came in time


def test_cli_missing_dll_is_named(kgi_sdk, kgi_server, tmp_path) -> None:
    for name in ("Package.dll", "PushClient.dll"):
        (tmp_path / name).write_bytes((kgi_sdk / name).read_bytes())
    code, records = check(f"sdk_dir={tmp_path}", *endpoint(kgi_server))
    assert code == 3 and "lacks TradeCom.dll" in records[-1]["reason"]
    code, records = check(f"sdk_dir={tmp_path / 'nowhere'}", *endpoint(kgi_server))
    assert code == 3 and "does not exist" in records[-1]["reason"]


def test_cli_inconsistent_dll_versions_are_explained(kgi_sdk_inconsistent, kgi_server) -> None:
    code, records = check(f"sdk_dir={kgi_sdk_inconsistent}", *endpoint(kgi_server))
    assert code == 3, records[-1]
    reason = records[-1]["reason"]
    assert "inconsistent (type Package.PackageBase)" in reason
    assert "TypeLoadException" in reason


def test_no_sdk_folder_set_says_so(kgi_server) -> None:
    code, records = check(*endpoint(kgi_server))
    assert code == 3 and "Set the SDK folder" in records[-1]["reason"]


@pytest.mark.parametrize("runtime", ["nosuchruntime"])
def test_a_runtime_that_cannot_start_is_explained(kgi_sdk, kgi_server, runtime) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "gui",
            "check",
            "kgi",
            "--json",
            "--secret",
            "password=PW",
            "--set",
            f"sdk_dir={kgi_sdk}",
            *[a for s in endpoint(kgi_server) for a in ("--set", s)],
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PW": "demo", "PYTHONNET_RUNTIME": runtime},
    )
    result = json.loads(proc.stdout.splitlines()[-1])
    assert proc.returncode == 3
    assert "could not start" in result["reason"]
