"""Hundsun's real binding: UFX functions over the T2 SDK's Python module, `py_t2sdk`.

`py_t2sdk` is a Cython module with typed arguments: str where it says str (it encodes UTF-8
itself), int where it says int, None refused. Its shapes, as the module defines them:
`pyCallbackInterface(module_name, class_name)` + `InitInstance()` (the C++ side imports that
class and calls it for asynchronous answers and for OnClose) is what `Create2BizMsg` takes;
`GetPackBuf()` is a list of ints that `SetContent(list, length)` takes back; `GetContent()` and
`RecvBizMsg()` return pairs; `GetErrorMsg()` is a str, `GetErrorInfo()` bytes.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from gui.brokers.hundsun.surface import FieldSpec, Reply, TransportError
from gui.core.errors import SdkUnavailable
from gui.core.runtime_info import module_facts

MODULE = "py_t2sdk"
ENCODING = "gbk"  # what the counter answers in, where the module hands back bytes
LANGUAGE_ZH_CN = 2052

# The C++ side constructs CALLBACK_CLASS itself (no arguments): what it reports reaches the
# transport through this module-level list (one login per worker process).
_close_listeners: list[Callable[[str], None]] = []
_listeners_lock = threading.Lock()


class T2Callback:
    """The class `pyCallbackInterface(__name__, "T2Callback")` names. Calls arrive on T2's own
    threads and must never raise into C++."""

    def OnRegister(self) -> None:
        return None

    def OnClose(self) -> None:
        with _listeners_lock:
            listeners = list(_close_listeners)
        for listener in listeners:
            try:
                listener("the T2 connection closed (OnClose)")
            except Exception:  # never into C++
                continue

    def OnReceivedBizMsg(self, hSend: int, sBuff: Any, iLen: int) -> None:
        """Asynchronous answers: this console calls synchronously, so there are none to read."""
        return None


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode(ENCODING, errors="replace")
    return "" if value is None else str(value)


def load(_settings: Mapping[str, Any]) -> T2SdkTransport:
    return T2SdkTransport()


class T2SdkTransport:
    """Synchronous function calls over one T2 connection."""

    def __init__(self) -> None:
        try:
            self.t2 = importlib.import_module(MODULE)
        except ImportError as exc:
            raise SdkUnavailable(
                f"Hundsun's T2 SDK Python module (py_t2sdk) cannot be imported ({exc}): copy "
                "py_t2sdk and its t2sdk library from Hundsun's SDK into the console's folder or "
                "PYTHONPATH."
            ) from None
        self.connection: Any = None
        self._callback: Any = None  # kept alive as long as the connection uses it
        self._on_close: Callable[[str], None] | None = None

    def connect(self, servers: str, license_file: str, timeout_ms: int) -> None:
        if not license_file:
            raise SdkUnavailable("Set the license file (license.dat from Hundsun).")
        if not Path(license_file).is_file():
            raise SdkUnavailable(f"The license file {license_file} is missing.")
        t2 = self.t2
        config = t2.pyCConfigInterface()
        config.SetString("t2sdk", "servers", servers)
        config.SetString("t2sdk", "license_file", license_file)
        config.SetInt("t2sdk", "lan", LANGUAGE_ZH_CN)
        config.SetInt("t2sdk", "auto_reconnect", 0)  # a drop must show; the console reconnects
        callback = t2.pyCallbackInterface(__name__, T2Callback.__name__)
        rc = callback.InitInstance()
        if rc not in (0, None):
            raise TransportError(f"the T2 callback could not be set up ({rc})")
        connection = t2.pyConnectionInterface(config)
        rc = connection.Create2BizMsg(callback)
        if rc != 0:
            raise TransportError(
                f"Create2BizMsg failed ({rc}): {_text(connection.GetErrorMsg(rc))}"
            )
        rc = connection.Connect(timeout_ms)
        if rc != 0:
            raise TransportError(
                f"Connect to {servers} failed ({rc}): {_text(connection.GetErrorMsg(rc))}"
            )
        self.connection, self._callback = connection, callback

    def watch(self, on_close: Callable[[str], None]) -> None:
        self._on_close = on_close
        with _listeners_lock:
            _close_listeners.append(on_close)

    def call(self, function: int, fields: Sequence[FieldSpec], timeout_ms: int) -> Reply:
        t2 = self.t2
        packer = t2.pyIF2Packer()
        message = t2.pyIBizMessage()
        try:
            packer.BeginPack()
            for spec in fields:
                packer.AddField(spec.name, spec.kind, spec.width)
            for spec in fields:
                if spec.kind == "I":
                    packer.AddInt(int(spec.value or 0))
                else:
                    packer.AddStr(str(spec.value))
            packer.EndPack()
            message.SetFunction(function)
            message.SetPacketType(0)
            message.SetContent(packer.GetPackBuf(), packer.GetPackLen())
            handle = self.connection.SendBizMsg(message, 0)
            if handle <= 0:
                raise TransportError(f"SendBizMsg({function}) failed: {self._error(handle)}")
            rc, answer = self.connection.RecvBizMsg(handle, timeout_ms, 1)
            try:
                return self._read(function, rc, answer)
            finally:
                answer.Release()
        finally:
            packer.FreeMem()
            packer.Release()
            message.Release()

    def _read(self, function: int, rc: int, answer: Any) -> Reply:
        if rc != 0:
            raise TransportError(
                f"no answer to function {function} ({rc}): {self._error(rc)}", timed_out=rc > 0
            )
        if answer.GetErrorNo() != 0:
            raise TransportError(
                f"function {function} failed in T2: [{answer.GetErrorNo()}] "
                f"{_text(answer.GetErrorInfo())}"
            )
        content, length = answer.GetContent()
        unpacker = self.t2.pyIF2UnPacker()
        try:
            unpacker.Open(content, length)
            return read_datasets(unpacker)
        finally:
            unpacker.Release()

    def _error(self, code: int) -> str:
        return _text(self.connection.GetErrorMsg(code))

    def close(self) -> None:
        if self._on_close is not None:
            with _listeners_lock:
                if self._on_close in _close_listeners:
                    _close_listeners.remove(self._on_close)
            self._on_close = None
        if self.connection is not None:
            self.connection.Close()
            self.connection = None


def read_datasets(unpacker: Any) -> Reply:
    """Every dataset, every row, every column by its name."""
    reply = Reply()
    for index in range(unpacker.GetDatasetCount()):
        unpacker.SetCurrentDatasetByIndex(index)
        names = [_text(unpacker.GetColName(col)) for col in range(unpacker.GetColCount())]
        rows: list[dict[str, str]] = []
        while not unpacker.IsEOF():
            rows.append({name: _text(unpacker.GetStr(name)) for name in names})
            unpacker.Next()
        reply.datasets.append(rows)
    return reply


def describe(transport: T2SdkTransport, settings: Mapping[str, Any]) -> str:
    """The imported py_t2sdk and the license file it will be given (for a diagnosis)."""
    license_file = str(settings.get("license_file") or "")
    if not license_file:
        raise SdkUnavailable("Set the license file (license.dat from Hundsun).")
    if not Path(license_file).is_file():
        raise SdkUnavailable(f"The license file {license_file} is missing.")
    size = Path(license_file).stat().st_size
    return f"{module_facts(transport.t2)}; license file {license_file} ({size} bytes)"
