"""Vendors' own codes explained: `explain`, the results of `check` that carry a code, every
broker's table, the translations, and the token expiry LongPort's token tells."""

from __future__ import annotations

import base64
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gui.brokers import default_registry
from gui.brokers.longport.surface import jwt_expiry
from gui.core.native_codes import canonical, index
from tests.console_cli import run_console
from tests.unit.test_cli import check, lines

ROOT = Path(__file__).resolve().parents[2]


def explain(*args: str) -> tuple[int, str]:
    proc = run_console("explain", *args, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


def test_explain_a_ctp_disconnect_reason_in_either_spelling() -> None:
    for spelling in ("4097", "0x1001"):
        code, out = explain("vnpy", spelling, "--json")
        assert code == 0, out
        (record,) = lines(out)
        assert record["kind"] == "explanation" and record["broker"] == "vnpy"
        assert record["code"] == "4097"
        assert "0x1001" in record["meaning"] and record["fix"] and record["cause"]


def test_an_unknown_code_exits_2_with_a_line_that_says_what_to_do() -> None:
    code, out = explain("vnpy", "123456")
    assert code == 2
    assert "not a code the console knows" in out and "broker-console explain vnpy" in out


def test_explain_without_a_code_lists_the_brokers_table() -> None:
    code, out = explain("longport", "--json")
    assert code == 0, out
    records = lines(out)
    codes = {r["code"] for r in records if r.get("kind") == "explanation"}
    assert {"401003", "403201", "429002"} <= codes
    assert records[-1]["kind"] == "result" and records[-1]["ok"]


def test_every_table_has_one_entry_per_spelling_and_complete_texts() -> None:
    for spec in default_registry():
        assert spec.native_codes, spec.id
        found = index(spec.native_codes)  # raises on a code listed twice
        for entry in spec.native_codes:
            assert found[canonical(entry.code)] is entry
            for text in (entry.meaning, entry.cause, entry.fix):
                assert text.strip().endswith((".", ")")), (spec.id, entry.code, text)


def test_the_ctp_codes_the_issue_names_are_there() -> None:
    vnpy = default_registry().get("vnpy")
    for code in ("0x1001", "0x1002", "0x2001", "0x2002", "0x2003", "3", "63", "75"):
        assert vnpy.native_code(code) is not None, code
    assert "不合法的登录" in vnpy.native_code("3").vendor_text


@pytest.mark.parametrize("language", ["zh_TW", "zh_CN"])
def test_every_explanation_is_translated(language: str) -> None:
    text = (ROOT / "resources" / "translations" / f"broker_console_{language}.ts").read_text(
        encoding="utf-8"
    )
    context = text.split("<name>codes</name>", 1)[1].split("</context>", 1)[0]
    messages = re.findall(
        r"<source>(.*?)</source>\s*<translation(.*?)>(.*?)</translation>", context, re.S
    )
    translated = {
        source.replace("&apos;", "'").replace("&quot;", '"').replace("&amp;", "&")
        for source, attributes, value in messages
        if "unfinished" not in attributes and value.strip()
    }
    for spec in default_registry():
        for entry in spec.native_codes:
            for source in (entry.meaning, entry.cause, entry.fix):
                assert source in translated, (language, spec.id, entry.code, source)


@pytest.mark.parametrize(
    ("broker", "scenario", "exit_code", "native_code", "words"),
    [
        ("vnpy", "disconnect_4097", 3, "4097", "0x1001"),
        ("vnpy", "auth_failed_63", 4, "63", "client authentication"),
        ("longport", "token_expired", 4, "401003", "expired"),
        ("hundsun", "station_control", 4, "1023", "Station control"),
        ("kgi", "as400_down", 4, "AS400_CONNECTFAIL", "back-office host"),
    ],
)
def test_a_failure_with_a_vendor_code_carries_it_and_its_explanation(
    broker: str, scenario: str, exit_code: int, native_code: str, words: str
) -> None:
    secrets = {"kgi": "password", "longport": "app_secret", "hundsun": "password"}
    args = [broker, "--simulator", "--scenario", scenario, "--json"]
    if broker in secrets:
        args += ["--secret", f"{secrets[broker]}=PW"]
    code, out = check(*args, env={"PW": "demo"})
    assert code == exit_code, out
    records = lines(out)
    result = records[-1]
    assert result["native_code"] == native_code
    assert words in result["explanation"]["meaning"] and result["explanation"]["fix"]
    explained = [r for r in records[:-1] if "explanation" in r]
    assert explained, "the event that carried the code is explained in the log too"
    assert explained[0]["raw"]["native_code"] == native_code


def test_the_text_result_says_the_code_in_words() -> None:
    code, out = check("vnpy", "--simulator", "--scenario", "auth_failed_63")
    assert code == 4, out
    assert "native code 63 (CTP:客户端认证失败)" in out
    assert "what to do: Check the AppID and AuthCode" in out


def test_a_token_that_expires_soon_is_a_warning_with_its_date() -> None:
    code, out = check("longport", "--simulator", "--scenario", "token_expiring", "--json")
    assert code == 0, out
    result = lines(out)[-1]
    expires = datetime.fromisoformat(result["credential_expires_at"])
    left = expires - datetime.now(UTC)
    assert timedelta(days=4.9) < left < timedelta(days=5.1)
    assert any("expires at" in warning for warning in result["warnings"])


def test_a_fresh_token_shows_its_date_without_a_warning() -> None:
    code, out = check("longport", "--simulator", "--json")
    assert code == 0, out
    result = lines(out)[-1]
    left = datetime.fromisoformat(result["credential_expires_at"]) - datetime.now(UTC)
    assert left > timedelta(days=80)
    assert "warnings" not in result


def _jwt(claims: dict[str, object]) -> str:
    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    return f"m_{part({'alg': 'RS256'})}.{part(claims)}.c2lnbmF0dXJl"


def test_a_token_that_is_a_jwt_tells_its_expiry_and_anything_else_is_unknown() -> None:
    assert jwt_expiry(_jwt({"exp": 1_800_000_000})) == datetime.fromtimestamp(1_800_000_000, UTC)
    assert jwt_expiry(_jwt({"sub": "x"})) is None
    assert jwt_expiry("demo-token") is None
    assert jwt_expiry("a.!!!.c") is None
    assert jwt_expiry(_jwt({"exp": "not a number"})) is None


def test_a_diagnosis_login_step_names_the_code_and_gives_its_fix() -> None:
    proc = run_console(
        "diagnose", "vnpy", "--simulator", "--scenario", "auth_failed_63", "--login", "--json"
    )
    assert proc.returncode == 4, proc.stdout + proc.stderr
    (login,) = [r for r in lines(proc.stdout) if r.get("step") == "login"]
    assert "[code 63: CTP ErrorID 63: client authentication" in login["detail"]
    assert login["fix"].startswith("Check the AppID and AuthCode")
