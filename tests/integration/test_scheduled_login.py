"""Scheduled logins headless: `watch --account NAME --schedule` waits for the account's time on
the venue's trading days, logs in with the remembered password (a real Secret Service), and a
failure is a line, not a retry storm."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from gui.core.wall_clock import NOW_ENV
from tests.integration.test_accounts import cli
from tests.secret_service import SecretService


def local(text: str) -> str:
    """A wall-clock time in this machine's zone, as BROKER_CONSOLE_NOW takes it."""
    return datetime.fromisoformat(text).astimezone().isoformat()


def save(password: str, *schedule: str) -> None:
    code, lines = cli(
        "account", "save", "kgi", "Main", "--simulator", "--secret", "password=PW", "--remember",
        *schedule, env={"PW": password},
    )  # fmt: skip
    assert code == 0, lines


def test_the_login_comes_at_the_scheduled_time_with_the_remembered_password(
    secret_service: SecretService, config_dir: Path
) -> None:
    save("demo", "--login-at", "08:40")
    code, lines = cli("account", "list", "kgi")
    assert lines[0]["schedule"] == {"at": "08:40", "after_maintenance": False}
    code, lines = cli(
        "watch", "kgi", "--account", "Main", "--schedule", "--duration", "8",
        env={NOW_ENV: local("2026-12-08T08:39:57")},  # a Tuesday, three seconds before
    )  # fmt: skip
    assert code == 0, lines
    schedule = [line for line in lines if line["kind"] == "schedule"]
    assert schedule[0]["outcome"] == "next"
    assert schedule[0]["due"] == local("2026-12-08T08:40:00")
    assert schedule[1]["outcome"] == "done"
    assert schedule[2]["outcome"] == "next" and schedule[2]["due"] == local("2026-12-09T08:40:00")
    statuses = [line.get("status") for line in lines if line["kind"] == "status"]
    assert statuses.index("LOGIN_READY") > 0
    assert lines[-1]["reason"] == "scheduled logins: 1 done, 0 failed, 0 missed, 0 skipped"


def test_a_weekend_has_no_scheduled_login(secret_service: SecretService, config_dir: Path) -> None:
    save("demo", "--login-at", "08:40")
    code, lines = cli(
        "watch", "kgi", "--account", "Main", "--schedule", "--duration", "3",
        env={NOW_ENV: local("2026-12-05T08:39:59")},  # a Saturday: the next one is Monday's
    )  # fmt: skip
    assert code == 0, lines
    (upcoming,) = [line for line in lines if line["kind"] == "schedule"]
    assert upcoming["due"] == local("2026-12-07T08:40:00")
    assert not [line for line in lines if line["kind"] == "status"]  # nothing was sent


def test_a_failed_scheduled_login_is_said_once_and_not_retried(
    secret_service: SecretService, config_dir: Path
) -> None:
    save("not-the-password", "--login-at", "08:40")
    code, lines = cli(
        "watch", "kgi", "--account", "Main", "--schedule", "--duration", "8",
        env={NOW_ENV: local("2026-12-08T08:39:58")},
    )  # fmt: skip
    assert code == 4, lines
    outcomes = [line["outcome"] for line in lines if line["kind"] == "schedule"]
    assert outcomes == ["next", "failed", "next"]  # tomorrow, not a retry now
    logins = [line for line in lines if line.get("status") == "LOGIN_FAIL"]
    assert len(logins) == 1
    assert lines[-1]["reason"] == "scheduled logins: 0 done, 1 failed, 0 missed, 0 skipped"


def test_what_a_schedule_cannot_run_with_is_invalid_input(
    secret_service: SecretService, config_dir: Path
) -> None:
    save("demo")  # no schedule
    code, lines = cli("watch", "kgi", "--account", "Main", "--schedule")
    assert code == 2 and "has no schedule" in lines[-1]["fields"]["--schedule"]
    code, lines = cli("watch", "kgi", "--schedule", "--simulator")
    assert code == 2 and "needs --account" in lines[-1]["fields"]["--schedule"]
    code, lines = cli(
        "watch", "kgi", "--account", "Main", "--schedule", "--secret", "password=PW",
        env={"PW": "demo"},
    )  # fmt: skip
    assert code == 2 and "remembered passwords only" in lines[-1]["fields"]["--secret"]
    code, lines = cli("account", "save", "kgi", "Main", "--login-at", "25:00")
    assert code == 2 and "HH:MM" in lines[-1]["fields"]["--login-at"]
    code, lines = cli("account", "save", "kgi", "Main", "--after-maintenance")
    assert code == 2 and "no daily maintenance window" in lines[-1]["fields"]["--after-maintenance"]
