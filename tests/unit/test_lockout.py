"""The lockout guard: rejected logins in a row are counted per broker, environment and account
(a user id only hashed), the next attempt is refused at the broker's stop, a login that works
starts the count again, and `check` says so with exit 6 before anything is sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.brokers import default_registry
from gui.core.lockout import DEFAULT_STOP, LockoutGuard, LockoutRisk, LockoutRule, account_key
from tests.console_cli import run_console


@pytest.mark.parametrize(("limit", "stop"), [(None, 3), (5, 3), (4, 2), (3, 1), (1, 1), (10, 3)])
def test_the_stop_is_three_or_the_brokers_limit_minus_two(limit: int | None, stop: int) -> None:
    assert LockoutRule(limit).stop == stop


def test_ctp_is_the_one_documented_rule() -> None:
    rules = {spec.id: spec.lockout for spec in default_registry()}
    assert rules["vnpy"].limit == 5 and "ErrorID 75" in rules["vnpy"].text
    assert all(
        rule.limit is None and rule.stop == DEFAULT_STOP for b, rule in rules.items() if b != "vnpy"
    )


def test_counted_refused_and_reset_and_no_user_id_in_the_file(tmp_path: Path) -> None:
    guard, rule = LockoutGuard(tmp_path), LockoutRule()
    key = account_key("kgi", "live", None, "A123456789")
    other = account_key("kgi", "live", "Night desk", None)
    for expected in (1, 2, 3):
        guard.check(key, rule)  # not yet
        assert guard.rejected(key) == expected
    with pytest.raises(LockoutRisk) as refused:
        guard.check(key, rule)
    assert refused.value.rejected == 3 and refused.value.exit_code == 6
    assert "--allow-lockout-risk" in refused.value.reason
    guard.check(other, rule)  # another account is not affected
    text = (tmp_path / "lockouts.json").read_text(encoding="utf-8")
    assert "A123456789" not in text and json.loads(text)[key]["rejected"] == 3
    guard.succeeded(key)
    guard.check(key, rule)
    assert guard.rejected_in_a_row(key) == 0


def test_an_unreadable_file_never_blocks_a_login(tmp_path: Path) -> None:
    (tmp_path / "lockouts.json").write_text("{not json", encoding="utf-8")
    guard = LockoutGuard(tmp_path)
    guard.check("kgi/live/anyone", LockoutRule())
    assert guard.rejected("kgi/live/anyone") == 1


def cli(config_dir: Path, *args: str, password: str = "") -> tuple[int, list[dict]]:
    proc = run_console(
        *args, "--json", env={"BROKER_CONSOLE_CONFIG_DIR": str(config_dir), "PW": password}
    )
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()]


def test_four_wrong_passwords_for_one_account_exit_4_4_4_then_6_with_no_vendor_call(
    config_dir: Path,
) -> None:
    """The issue's own run: `check kgi --simulator` for one account."""
    assert cli(config_dir, "account", "save", "kgi", "Main", "--simulator")[0] == 0
    login = ("check", "kgi", "--simulator", "--account", "Main", "--secret", "password=PW")
    for _ in range(3):
        code, lines = cli(config_dir, *login, password="hunter2x")
        assert code == 4, lines[-1]
        assert any(line.get("status") == "LOGIN_FAIL" for line in lines)  # KGI said it
    code, lines = cli(config_dir, *login, password="hunter2x")
    assert code == 6 and lines[-1]["ok"] is False
    assert [line["kind"] for line in lines] == ["result"]  # no event: nothing reached KGI
    assert lines[-1]["reason"].startswith("Lockout risk: the last 3 logins")
    assert lines[-1]["fields"] == {
        "rejected_in_a_row": "3",
        "lockout_rule": "The broker's lockout rule is not documented. The console stops after "
        "3 rejections in a row.",
    }
    code, lines = cli(config_dir, *login, "--allow-lockout-risk", password="demo")
    assert code == 0, lines[-1]
    code, lines = cli(config_dir, *login, password="hunter2x")  # the count started again
    assert code == 4, lines[-1]
