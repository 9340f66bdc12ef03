"""`broker-console check`: the CLI contract, every exit code, and no secret on any output."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.core.registry import BrokerSpec, Registry
from gui.core.schema import Field, Schema
from tests.console_cli import run_console

ROOT = Path(__file__).resolve().parents[2]


def check(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, str]:
    """Run the real command in a child process, as desk support would."""
    proc = run_console("check", *args, env=env, timeout=timeout)
    return proc.returncode, proc.stdout + proc.stderr


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_simulator_login_prints_the_whole_story_and_exits_0() -> None:
    code, out = check(
        "kgi",
        "--simulator",
        "--set",
        "person_id=A123456789",
        "--secret",
        "password=PW",
        "--json",
        env={"PW": "demo"},
    )
    assert code == 0, out
    records = lines(out)
    statuses = [r["status"] for r in records if r.get("kind") == "status"]
    assert statuses[0] == "CONNECT_READY"
    assert statuses[-1] == "DISCONNECTED"
    assert "LOGIN_READY" in statuses
    recovers = [
        (r["topic"], r["status"], r["count"]) for r in records if r.get("kind") == "recover"
    ]
    assert ("ProList.xml", "RS_DONE", 275) in recovers
    assert ("ProductBaseSv1801.xml", "RS_DONE", 367) in recovers
    assert any(r.get("kind") == "server_time" and r["server_time"] for r in records)
    result = records[-1]
    assert result == {**result, "kind": "result", "ok": True, "exit": 0}
    assert result["context"][0]["code"] == "TAIFEX"
    first_time = records[0]["time"]
    assert first_time[10] == "T" and "." in first_time and first_time[-6] in "+-"


def test_human_output_is_aligned_lines_with_a_verdict() -> None:
    code, out = check("kgi", "--simulator", "--secret", "password=PW", env={"PW": "demo"})
    assert code == 0, out
    assert any("GetStatus" in line and "LOGIN_READY" in line for line in out.splitlines())
    assert out.strip().splitlines()[-1].startswith("OK (exit 0)")


def test_wrong_password_exits_4_with_the_login_fail_message() -> None:
    code, out = check(
        "kgi", "--simulator", "--secret", "password=PW", "--json", env={"PW": "Wr0ng-Secret!"}
    )
    assert code == 4
    result = lines(out)[-1]
    assert result["ok"] is False and result["exit"] == 4
    assert "登入失敗" in result["reason"]
    assert "Wr0ng-Secret!" not in out


def test_port_out_of_range_exits_2_naming_the_field() -> None:
    code, out = check(
        "kgi",
        "--simulator",
        "--secret",
        "password=PW",
        "--set",
        "port=70000",
        "--json",
        env={"PW": "demo"},
    )
    assert code == 2
    result = lines(out)[-1]
    assert "port" in result["fields"]
    assert "65535" in result["fields"]["port"]
    assert not [r for r in lines(out) if r.get("kind") == "status"]  # nothing was sent


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--set", "password=demo"], "never on the command line"),
        (["--secret", "password=NOT_SET_ANYWHERE"], "NOT_SET_ANYWHERE"),
        (["--set", "colour=blue"], "unknown field"),
        (["--set", "no-equals-sign"], "KEY=VALUE"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], fragment: str) -> None:
    code, out = check("kgi", "--simulator", *args)
    assert code == 2
    assert fragment in out


def test_unreachable_exits_3_with_the_connect_fail_text() -> None:
    code, out = check(
        "kgi",
        "--simulator",
        "--scenario",
        "unreachable",
        "--secret",
        "password=PW",
        env={"PW": "demo"},
    )
    assert code == 3
    assert "無法連線" in out


def test_brokers_without_a_driver_say_not_available_and_exit_3(monkeypatch) -> None:
    from gui.cli import check as check_command
    from gui.cli import inputs
    from gui.cli.parser import build_parser

    spec = BrokerSpec(
        "kgi",
        "Future broker",
        Schema((Field("x", "X"),)),
        unavailable_note="Its driver ships later.",
    )
    monkeypatch.setattr(inputs, "default_registry", lambda: Registry([spec]))
    out = io.StringIO()
    assert check_command.run(build_parser().parse_args(["check", "kgi", "--json"]), out) == 3
    assert "not available yet" in json.loads(out.getvalue().splitlines()[-1])["reason"]


def test_silent_server_times_out_with_exit_5() -> None:
    code, out = check(
        "kgi",
        "--simulator",
        "--scenario",
        "silent",
        "--secret",
        "password=PW",
        "--set",
        "login_timeout=1",
        env={"PW": "demo"},
    )
    assert code == 5
    assert "LOGIN_READY" in out.splitlines()[-1]


def test_overall_timeout_option_bounds_the_login() -> None:
    code, out = check(
        "kgi",
        "--simulator",
        "--scenario",
        "slow_recovery",
        "--secret",
        "password=PW",
        "--timeout",
        "1",
        env={"PW": "demo"},
    )
    assert code == 5
    assert "within 1 s" in out


def test_unknown_broker_is_an_argument_error() -> None:
    code, out = check("nosuchbroker")
    assert code == 2
    assert "invalid choice" in out


def test_saved_values_are_the_defaults(config_dir: Path) -> None:
    from gui.brokers import kgi
    from gui.core.profiles import ProfileStore

    ProfileStore(config_dir).save(
        "kgi", "simulator", kgi.SCHEMA, {"person_id": "Z999", "password": "leak?"}
    )
    code, out = check("kgi", "--simulator", "--secret", "password=PW", env={"PW": "demo"})
    assert code == 0, out
    assert "LoginDirect 127.0.0.1:8000 as Z999" in out


# -- hostile values: exit 2, a result line naming the field, nothing else ----------------------


def check_bytes(*args: bytes, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    """argv as bytes, so values that are not valid UTF-8 reach the command as they would."""
    proc = subprocess.run(
        [sys.executable.encode(), b"-m", b"gui", b"check", *args],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


HOSTILE = [
    (["kgi", "--timeout", "0"], "--timeout"),
    (["kgi", "--timeout", "-1"], "--timeout"),
    (["kgi", "--timeout", "nan"], "--timeout"),
    (["kgi", "--timeout", "inf"], "--timeout"),
    (["kgi", "--timeout", "1e999"], "--timeout"),
    (["kgi", "--timeout", "soon"], "--timeout"),
    (["kgi", "--scenario", "nope"], "scenario"),
    (["kgi", "--set", "port=8_000"], "port"),
    (["kgi", "--set", "port=８０００"], "port"),
    (["kgi", "--set", "port=" + "9" * 309], "port"),
    (["kgi", "--set", "port=-1"], "port"),
    (["kgi", "--set", "host=evil\nFAKE LINE"], "host"),
    (["kgi", "--set", "person_id=" + "A" * 100_000], "person_id"),
    (["kgi", "--set", "person_id=\x1b[2J\x07"], "person_id"),
    (["kgi", "--set", "center=AB"], "center"),
    (["kgi", "--set", "x"], "--set"),
    (["kgi", "--set", "=x"], "--set"),
    (["longport", "--set", "region=custom", "--set", "http_url=http://["], "http_url"),
    (["longport", "--set", "region=custom", "--set", "http_url=https://[zz]"], "http_url"),
    (["longport", "--set", "app_key=凱基"], "app_key"),
    (["kingdom", "--set", "log_prefix=😀"], "log_prefix"),
    (["kingdom", "--set", "algo_name=😀"], "algo_name"),
    (["hundsun", "--set", "servers=127.0.0.1:99999"], "servers"),
    (["hundsun", "--set", "mac_address=00-11"], "mac_address"),
    (["rootnet", "--set", "port=0x1b"], "port"),
]


SECRET_KEY = {"kgi": "password", "hundsun": "password", "rootnet": "operator_password"}


@pytest.mark.parametrize(("args", "field"), HOSTILE, ids=lambda v: str(v)[:40])
def test_hostile_values_exit_2_naming_the_field(args: list[str], field: str) -> None:
    secret = [b"--secret", f"{SECRET_KEY[args[0]]}=PW".encode()] if args[0] in SECRET_KEY else []
    code, out, err = check_bytes(
        *(a.encode() for a in args), b"--simulator", *secret, b"--json", env={"PW": "demo"}
    )
    assert code == 2, out + err
    result = json.loads(out.splitlines()[-1])
    assert result["kind"] == "result" and result["exit"] == 2
    assert field in result.get("fields", {}), result
    assert "Traceback" not in err


def test_invalid_utf8_is_refused_and_the_result_line_still_prints() -> None:
    code, out, _ = check_bytes(
        b"kgi", b"--simulator", b"--set", b"person_id=A\xff\xfe", b"--json",
        b"--secret", b"password=PW", env={"PW": "demo"},
    )  # fmt: skip
    assert code == 2
    result = json.loads(out.splitlines()[-1])  # valid JSON, escapes and all
    assert "person_id" in result["fields"]


def test_text_output_cannot_be_forged_by_a_line_break() -> None:
    code, out, _ = check_bytes(
        b"kgi", b"--simulator", b"--set", b"host=evil\nFAKE LINE\x1b[31m", env={"PW": "demo"}
    )
    assert code == 2
    assert not [line for line in out.splitlines() if line.startswith("FAKE LINE")]
    assert "\x1b" not in out


def test_an_unknown_broker_is_a_result_line_too() -> None:
    code, out, _ = check_bytes(b"nosuchbroker", b"--json")
    assert code == 2
    result = json.loads(out.splitlines()[-1])
    assert result["exit"] == 2 and "invalid choice" in result["reason"]


def test_check_broker_help_lists_the_fields() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gui", "check", "hundsun", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0
    for key in ("servers", "operator_no", "authorize_code", "heartbeat_seconds", "no_reply"):
        assert key in proc.stdout


def test_a_rejection_is_said_once_and_counts_read_as_english() -> None:
    from gui.cli.output import counted

    code, out = check("kgi", "--simulator", "--secret", "password=PW", "--json",
                      env={"PW": "not-the-one"})  # fmt: skip
    reason = json.loads(out.splitlines()[-1])["reason"]
    assert code == 4 and reason.startswith("Login rejected: ")
    assert reason.lower().count("reject") == 1, reason
    assert [counted(n, "drop") for n in (0, 1, 2)] == ["no drop", "1 drop", "2 drops"]
