"""The metrics endpoint: `GET /metrics` only, on an address the user chose (127.0.0.1 unless
they typed another), served by a few threads of its own.

Bounded: a fixed pool of workers, at most WORKERS + QUEUE_BOUND accepted connections held at
once (beyond that a connection is closed at once), a timeout on every socket, so a slow or
hostile scraper can neither hold the console nor grow it. Anything but `GET /metrics` is 404
(another path) or 405 (another method). The body is rendered by `prometheus_client` from
ConsoleMetrics' copy of the series; the Prometheus text format, or OpenMetrics when the scraper
asks for it.
"""

from __future__ import annotations

import logging
import queue
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from gui.core.errors import InvalidSettings
from gui.core.metrics import ConsoleMetrics

log = logging.getLogger(__name__)

WORKERS = 4
QUEUE_BOUND = 128  # accepted connections waiting for a worker; more are closed at once
SOCKET_TIMEOUT = 5.0  # a scraper that stops reading or writing is dropped after this
DEFAULT_ADDRESS = "127.0.0.1:9464"  # 9464: the port OpenTelemetry's Prometheus exporter uses


def parse_address(text: str) -> tuple[str, int]:
    """'HOST:PORT' ('[::1]:9464' for IPv6) or invalid input naming what is wrong."""
    host, sep, port = text.strip().rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise InvalidSettings({"--metrics": f"{text!r} is not HOST:PORT, e.g. {DEFAULT_ADDRESS}"})
    return host, int(port)


class _Handler(BaseHTTPRequestHandler):
    server: _PooledServer
    protocol_version = "HTTP/1.0"  # one request per connection: a worker is never parked
    timeout = SOCKET_TIMEOUT

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] != "/metrics":
            self._plain(404, "Not found: the only path is /metrics\n")
            return
        from prometheus_client.exposition import choose_encoder

        encoder, content_type = choose_encoder(self.headers.get("Accept", ""))
        body = encoder(self.server.registry)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _refuse(self) -> None:
        self._plain(405, "Method not allowed: GET /metrics only\n", allow=True)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _refuse

    def _plain(self, code: int, text: str, *, allow: bool = False) -> None:
        body = text.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if allow:
            self.send_header("Allow", "GET")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Scrapes are not worth a line each."""


class _PooledServer(HTTPServer):
    """Accepts on its own thread; a fixed pool of workers serves the accepted connections."""

    request_queue_size = QUEUE_BOUND  # the kernel's backlog: a burst of scrapers waits there

    def __init__(self, address: tuple[str, int], registry: Any, queue_bound: int) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.registry = registry
        self.waiting: queue.Queue[tuple[Any, Any] | None] = queue.Queue()
        # Counted at accept and released when served, not read off the queue's length: a burst
        # that arrives before idle workers wake must not be refused while a worker is free.
        self._capacity = WORKERS + queue_bound
        self._held = 0
        self._held_lock = threading.Lock()
        self.refused = 0
        self.workers = [
            threading.Thread(target=self._work, name=f"metrics-{n}", daemon=True)
            for n in range(WORKERS)
        ]
        for worker in self.workers:
            worker.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        request.settimeout(SOCKET_TIMEOUT)
        with self._held_lock:
            room = self._held < self._capacity
            if room:
                self._held += 1
        if room:
            self.waiting.put((request, client_address))
        else:
            self.refused += 1
            self.shutdown_request(request)

    @property
    def held(self) -> int:
        """Accepted connections being served or waiting for a worker."""
        with self._held_lock:
            return self._held

    def _work(self) -> None:
        while (item := self.waiting.get()) is not None:
            request, client_address = item
            try:
                self.finish_request(request, client_address)
            except OSError:
                pass  # the scraper went away or timed out: nothing to tell
            except Exception:
                # A failed render costs this scrape (its connection is closed), never a worker.
                log.exception("metrics: a scrape could not be rendered")
            finally:
                self.shutdown_request(request)
                with self._held_lock:
                    self._held -= 1

    def server_close(self) -> None:
        super().server_close()
        for _ in self.workers:
            self.waiting.put(None)
        for worker in self.workers:
            worker.join(timeout=SOCKET_TIMEOUT + 1)


class MetricsServer:
    """The endpoint over one ConsoleMetrics; `start` binds (an OSError says why not)."""

    def __init__(
        self, metrics: ConsoleMetrics, host: str, port: int, *, queue_bound: int = QUEUE_BOUND
    ) -> None:
        from prometheus_client import CollectorRegistry

        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(metrics)
        self.host, self.port = host, port
        self.queue_bound = queue_bound
        self._server: _PooledServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/metrics"

    def start(self) -> MetricsServer:
        server = _PooledServer((self.host, self.port), self.registry, self.queue_bound)
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.2}, name="metrics", daemon=True
        )
        self._thread.start()
        return self

    @property
    def refused(self) -> int:
        """Connections closed at once because every worker and the queue were taken."""
        return 0 if self._server is None else self._server.refused

    @property
    def held(self) -> int:
        """Connections accepted and not yet done with."""
        return 0 if self._server is None else self._server.held

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=SOCKET_TIMEOUT + 1)
