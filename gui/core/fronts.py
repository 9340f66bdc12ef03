"""The network front of a built-in simulator, for a diagnosis.

The in-process simulators open no socket: a login talks to them through their vendor surface.
A diagnosis of the simulator environment needs something on the network to reach, behaving as
the scenario says: a listener on loopback that accepts connections (and, like a trading front
that waits for the client's first message, says nothing), or a port where nothing listens.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from gui.core.registry import url

LOOPBACK = "127.0.0.1"


@contextlib.contextmanager
def listening(scheme: str = "tcp") -> Iterator[str]:
    """A loopback port that accepts connections while the block runs; yields its URL."""
    server = socket.create_server((LOOPBACK, 0))
    server.settimeout(0.2)
    stop = threading.Event()
    accepted: list[socket.socket] = []

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)

    thread = threading.Thread(target=accept, name="simulator-front", daemon=True)
    thread.start()
    try:
        yield url(LOOPBACK, server.getsockname()[1], scheme)
    finally:
        stop.set()
        thread.join(1.0)
        server.close()
        for connection in accepted:
            connection.close()


@contextlib.contextmanager
def refusing(scheme: str = "tcp") -> Iterator[str]:
    """A loopback port that was free a moment ago and is closed now: connections are refused."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        port = probe.getsockname()[1]
    yield url(LOOPBACK, port, scheme)


Front = Callable[[str, Mapping[str, Any]], contextlib.AbstractContextManager[list[str]]]


def tcp_front(*unreachable: str) -> Front:
    """The front of a simulator reached on one TCP port (the shared part of most simulators):
    refused in the `unreachable` scenarios, else a listener that accepts and stays silent."""

    @contextlib.contextmanager
    def front(scenario: str, _settings: Mapping[str, Any]) -> Iterator[list[str]]:
        with refusing() if scenario in unreachable else listening() as address:
            yield [address]

    return front
