"""The Kingdom driver on its built-in simulator, in every scenario."""

from __future__ import annotations

import time

import pytest

from gui.brokers import kingdom
from gui.core.errors import ConnectFailed, LoginRejected, LoginTimeout
from gui.core.login import Isolation
from gui.core.registry import Environment
from tests.helpers import LoginRun


def run(
    scenario: str, timeout: float = 60, isolation: Isolation = Isolation.IN_PROCESS, **values
) -> tuple[list[str], Exception | None]:
    attempt = LoginRun(kingdom.SPEC)
    error = attempt.login(
        {**kingdom.SPEC.defaults(Environment.SIMULATOR), **values},
        environment=Environment.SIMULATOR,
        scenario=scenario,
        timeout=timeout,
        isolation=isolation,
    )
    return attempt.statuses(), error


def test_normal_tests_kcbp_then_logs_in() -> None:
    statuses, error = run("normal")
    assert error is None
    assert statuses == ["CONNECT_READY", "LOGIN_READY", "DISCONNECTED"]


@pytest.mark.parametrize(
    ("scenario", "values", "failure", "fragment", "statuses"),
    [
        (
            "normal",
            {"operator_password": "x"},
            LoginRejected,
            "操作员密码错误",
            ["CONNECT_READY", "LOGIN_FAIL"],
        ),
        ("plugin_rejects", {}, LoginRejected, "禁止登录", ["CONNECT_READY", "LOGIN_FAIL"]),
        ("kcbp_unreachable", {}, ConnectFailed, "连接KCBP服务器失败", ["CONNECT_FAIL"]),
        ("wrong_queues", {}, ConnectFailed, "队列不存在", ["CONNECT_FAIL"]),
        ("normal", {"kcbp_password": "123"}, LoginRejected, "2003", ["CONNECT_FAIL"]),
    ],
)
def test_failures(scenario, values, failure, fragment, statuses) -> None:
    got, error = run(scenario, **values)
    assert isinstance(error, failure) and fragment in error.reason
    assert got == statuses


def test_slow_init_is_bounded_by_the_session_timeout() -> None:
    """InitPlugin cannot be interrupted: the bound ends its worker process instead."""
    started = time.monotonic()
    statuses, error = run("slow_init", timeout=0.5, isolation=Isolation.WORKER)
    assert isinstance(error, LoginTimeout)
    assert statuses == ["CONNECT_READY"]
    assert time.monotonic() - started < 5
