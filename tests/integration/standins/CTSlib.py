"""Test stand-in for Rootnet's CTSlib: CtsServer with the vendor's names. connect() opens a real
TCP connection and watches it; when the server side closes, onSocketError(status) is called from
the watcher thread, as CTSlib does. optLogin raises CtsApiException(errorCode, errorMsg)."""

from __future__ import annotations

import socket
import threading


class CtsApiException(Exception):
    def __init__(self, errorCode: int, errorMsg: str) -> None:
        super().__init__(errorMsg)
        self.errorCode = errorCode
        self.errorMsg = errorMsg


class ConnInfo:
    def __init__(self, host: str, port: int) -> None:
        self.sysDate = "20261121"
        self.sysVersion = "CTS 5.2-standin"
        self.customer = "Stand-in Securities"
        self.serverName = f"cts@{host}:{port}"
        self.expireDate = "20991231"


class CtsServer:
    def __init__(self) -> None:
        self._socket: socket.socket | None = None
        self._closing = False

    def connect(self, host: str, port: int) -> ConnInfo:
        self._socket = socket.create_connection((host, port), timeout=3)
        self._socket.settimeout(None)
        threading.Thread(target=self._watch, daemon=True, name="cts-standin").start()
        return ConnInfo(host, port)

    def _watch(self) -> None:
        assert self._socket is not None
        try:
            data = self._socket.recv(1)
        except OSError:
            data = b""
        if not data and not self._closing:
            self.onSocketError(-104)

    def optLogin(self, optId: str, optPw: str) -> dict:
        if self._socket is None:
            raise CtsApiException(-1, "not connected")
        if optPw != "demo":
            raise CtsApiException(1003, f"operator {optId}: wrong password")
        return {"optId": optId}

    def disConnect(self) -> None:
        self._closing = True
        if self._socket is not None:
            self._socket.close()
            self._socket = None

    def onSocketError(self, status: int) -> None:
        """Overridden by the caller."""
