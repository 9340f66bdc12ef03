"""The thin transport the Hundsun driver calls functions through: Hundsun's T2 SDK (`py_t2sdk`),
the built-in simulator, or a test stand-in of the vendor module."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from gui.core.errors import SdkUnavailable

ENCODING = "gbk"


@dataclass(frozen=True)
class FieldSpec:
    """One packed input: name, T2 type ('S' string, 'I' integer), width, value."""

    name: str
    kind: str
    width: int
    value: str | int


@dataclass
class Reply:
    """A function's answer: datasets of rows of named fields (read by name, never position)."""

    datasets: list[list[dict[str, str]]] = field(default_factory=list)

    def row(self, dataset: int, index: int = 0) -> dict[str, str]:
        if dataset < len(self.datasets) and index < len(self.datasets[dataset]):
            return self.datasets[dataset][index]
        return {}

    def error(self) -> tuple[str, str, str] | None:
        """(code, message, detail) when dataset 0 reports an error: O32's ErrorCode / ErrorMsg /
        MsgDetail, or the UF2.0 counter's error_no / error_info."""
        head = self.row(0)
        code = head.get("ErrorCode", head.get("error_no", "0")).strip() or "0"
        if code == "0":
            return None
        message = head.get("ErrorMsg", head.get("error_info", ""))
        return code, message, head.get("MsgDetail", "")


class TransportError(Exception):
    def __init__(self, text: str, *, timed_out: bool = False) -> None:
        super().__init__(text)
        self.timed_out = timed_out


class T2Transport(Protocol):
    def connect(self, servers: str, license_file: str, timeout_ms: int) -> None: ...

    def call(self, function: int, fields: Sequence[FieldSpec], timeout_ms: int) -> Reply: ...

    def close(self) -> None: ...


def _text(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode(ENCODING, errors="replace")
    return "" if value is None else str(value)


class T2SdkTransport:
    """Synchronous calls over Hundsun's T2 SDK Python module, imported when first used.

    The call shapes follow the T2 SDK's C++ interface as vnpy's UFX gateways use it; where the
    Python binding returns a pair (RecvBizMsg, GetContent) it is taken as (code, object)."""

    MODULE = "py_t2sdk"

    def __init__(self) -> None:
        try:
            self.t2 = importlib.import_module(self.MODULE)
        except ImportError:
            raise SdkUnavailable(
                "Hundsun's T2 SDK Python module (py_t2sdk) is not installed: copy py_t2sdk and "
                "its t2sdk library from Hundsun's SDK into the console's folder or PYTHONPATH."
            ) from None
        self.connection: Any = None

    def connect(self, servers: str, license_file: str, timeout_ms: int) -> None:
        if not license_file:
            raise SdkUnavailable("Set the license file (license.dat from Hundsun).")
        if not Path(license_file).is_file():
            raise SdkUnavailable(f"The license file {license_file} is missing.")
        config = self.t2.pyCConfigInterface()
        config.SetString("t2sdk", "servers", servers)
        config.SetString("t2sdk", "license_file", license_file)
        config.SetInt("t2sdk", "lan", 2052)
        connection = self.t2.pyConnectionInterface(config)
        rc = connection.Create2BizMsg(None)
        if rc != 0:
            raise TransportError(
                f"Create2BizMsg failed ({rc}): {_text(connection.GetErrorMsg(rc))}"
            )
        rc = connection.Connect(timeout_ms)
        if rc != 0:
            raise TransportError(
                f"Connect to {servers} failed ({rc}): {_text(connection.GetErrorMsg(rc))}"
            )
        self.connection = connection

    def call(self, function: int, fields: Sequence[FieldSpec], timeout_ms: int) -> Reply:
        packer = self.t2.pyIF2Packer()
        packer.BeginPack()
        for spec in fields:
            packer.AddField(spec.name, spec.kind, spec.width, 0)
        for spec in fields:
            if spec.kind == "I":
                packer.AddInt(int(spec.value or 0))
            else:
                packer.AddStr(str(spec.value))
        packer.EndPack()
        message = self.t2.pyIBizMessage()
        message.SetFunction(function)
        message.SetPacketType(0)
        message.SetContent(packer.GetPackBuf(), packer.GetPackLen())
        try:
            handle = self.connection.SendBizMsg(message, 0)
            if handle <= 0:
                raise TransportError(f"SendBizMsg({function}) failed: {self._error(handle)}")
            rc, answer = self.connection.RecvBizMsg(handle, timeout_ms, 1)
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
            unpacker.Open(content, length)
            try:
                return read_datasets(unpacker)
            finally:
                unpacker.Release()
        finally:
            packer.FreeMem()
            packer.Release()
            message.Release()

    def _error(self, code: int) -> str:
        return _text(self.connection.GetErrorMsg(code))

    def close(self) -> None:
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
