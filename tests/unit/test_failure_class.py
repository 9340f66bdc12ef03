"""Where a failure broke is decided where it is known, by exception types and typed failures,
and carried across the worker pipe: never read back from a message's words."""

from __future__ import annotations

import socket

import pytest
import requests

from gui.brokers.longport.binding import LongPortClient
from gui.brokers.longport.surface import Credentials, LongPortTransportError
from gui.core.errors import (
    ConnectFailed,
    LoginRejected,
    SdkMismatch,
    WorkerFailed,
    failure_from_wire,
    failure_to_wire,
)
from gui.core.failure_class import FailureClass, of_exception
from gui.core.login import login_failure_class


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])  # nothing listens once it is closed


def test_a_refused_connection_is_tcp_refused_by_its_type() -> None:
    with pytest.raises(requests.ConnectionError) as caught:
        requests.get(f"http://127.0.0.1:{closed_port()}/", timeout=5)
    assert of_exception(caught.value) is FailureClass.TCP_REFUSED


def test_an_unknown_host_is_dns_failed() -> None:
    with pytest.raises(OSError) as caught:
        socket.getaddrinfo("no-such-host.invalid", 443)
    assert of_exception(caught.value) is FailureClass.DNS_FAILED


def test_a_login_against_a_closed_port_carries_its_class_to_the_verdict() -> None:
    credentials = Credentials("app-key", "app-secret", "token")
    client = LongPortClient(f"http://127.0.0.1:{closed_port()}", credentials)
    with pytest.raises(LongPortTransportError) as caught:
        client.get("/v1/socket/token")
    failure = caught.value.failure()
    assert isinstance(failure, ConnectFailed)
    assert login_failure_class(failure) is FailureClass.TCP_REFUSED


@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (ConnectFailed("the server refused the certificate"), FailureClass.NO_ANSWER),
        (LoginRejected("connection refused by policy"), FailureClass.LOGIN_REJECTED),
        (SdkMismatch("TradeCom.dll refused to load"), FailureClass.SDK_MISMATCH),
        (WorkerFailed("python could not be started"), FailureClass.WORKER_FAILED),
        (ConnectFailed("no answer", FailureClass.TLS_UNTRUSTED), FailureClass.TLS_UNTRUSTED),
    ],
)
def test_the_class_is_the_failures_own_never_its_words(failure, cls) -> None:
    assert login_failure_class(failure) is cls
    back = failure_from_wire(failure_to_wire(failure))  # as it crosses the worker pipe
    assert type(back) is type(failure) and login_failure_class(back) is cls
