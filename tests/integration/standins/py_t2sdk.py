"""Test stand-in for Hundsun's T2 SDK Python module, as strict as the real Cython binding.

The real `py_t2sdk` declares typed arguments: a str parameter refuses anything else (None
included), an int parameter refuses None, an object parameter wants that exact class.
`pyCallbackInterface(module, class)` + `InitInstance()` is what `Create2BizMsg` takes (the C++
side imports and instantiates that class itself). `AddStr` encodes its str as UTF-8 itself.
Buffers cross as lists of C `char` values (-128..127): `GetPackBuf()`, `SetContent(list, len)`,
`GetContent() -> (list, len)`, `Open(list, len)`. `GetErrorMsg` returns str, `GetErrorInfo`
bytes, `GetColName` and `GetStr` str (decoded from GBK).

Behind it a tiny UFX counter answers 10000 / 10001 / 10002 with O32's datasets. Connect needs
an existing license file whose content is b"LICENSE" and a server list on 127.0.0.1.
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

LOGIN_WIDTHS = {
    "operator_no": ("S", 16),
    "password": ("S", 16),
    "mac_address": ("S", 20),
    "ip_address": ("S", 15),
    "hd_volserial": ("S", 128),
    "op_station": ("S", 256),
    "terminal_info": ("S", 256),
    "authorization_id": ("S", 64),
    "app_id": ("S", 32),
    "authorize_code": ("S", 16),
    "port_id": ("I", 8),
}
received: list[dict] = []  # every request's fields, for the tests
calls: list[tuple[str, int]] = []  # (what, function) in call order, with in-flight marks
connections: list[pyConnectionInterface] = []
_tokens: set[str] = set()


def typed(*kinds: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Cython's argument checks: each positional argument is an instance of its declared type
    (bool counts as int, as in Cython); None is refused."""

    def decorate(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def checked(self: Any, *args: Any) -> Any:
            for index, (value, kind) in enumerate(zip(args, kinds, strict=False)):
                if value is None or not isinstance(value, kind):
                    raise TypeError(
                        f"{method.__name__}() argument {index + 1} has incorrect type "
                        f"(expected {kind.__name__}, got {type(value).__name__})"
                    )
            return method(self, *args)

        return checked

    return decorate


def _to_chars(data: bytes) -> list[int]:
    return [b - 256 if b > 127 else b for b in data]


def _from_chars(values: list[int], length: int) -> bytes:
    if length > len(values):
        raise IndexError("list index out of range")
    for value in values[:length]:
        if not isinstance(value, int) or not -128 <= value <= 127:
            raise OverflowError("value too large to convert to char")
    return bytes(v & 0xFF for v in values[:length])


class pyCConfigInterface:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], object] = {}

    @typed(str, str, str)
    def SetString(self, section: str, key: str, value: str) -> int:
        self.values[(section, key)] = value
        return 0

    @typed(str, str, int)
    def SetInt(self, section: str, key: str, value: int) -> int:
        self.values[(section, key)] = value
        return 0


class pyCallbackInterface:
    @typed(str, str)
    def __init__(self, module: str, cls: str) -> None:
        self.module, self.cls = module, cls
        self.instance: Any = None

    def InitInstance(self) -> int:
        self.instance = getattr(importlib.import_module(self.module), self.cls)()
        return 0


class pyIF2Packer:
    def __init__(self) -> None:
        self.fields: list[tuple[str, str, int]] = []
        self.values: list[object] = []
        self.buffer = b""

    def BeginPack(self) -> None:
        self.fields, self.values = [], []

    def AddField(self, name: str, kind: str = "S", width: int = 255, scale: int = 4) -> int:
        return self._add_field(name, kind, width, scale)

    @typed(str, str, int, int)
    def _add_field(self, name: str, kind: str, width: int, scale: int) -> int:
        assert kind in ("S", "I") and width > 0, (name, kind, width)
        self.fields.append((name, kind, width))
        return 0

    @typed(str)
    def AddStr(self, value: str) -> int:
        name, kind, width = self.fields[len(self.values)]
        assert kind == "S", f"{name}: AddStr on a {kind} field"
        encoded = value.encode("utf-8")  # what the real binding does with its str
        assert len(encoded) <= width, f"{name}: {len(encoded)} bytes wider than C{width}"
        self.values.append(value)
        return 0

    @typed(int)
    def AddInt(self, value: int) -> int:
        name, kind, width = self.fields[len(self.values)]
        assert kind == "I", f"{name}: AddInt on a {kind} field"
        assert len(str(value)) <= width, f"{name}: {value} wider than N{width}"
        self.values.append(value)
        return 0

    def EndPack(self) -> int:
        assert len(self.values) == len(self.fields), "a field without a value"
        record = {name: value for (name, _, _), value in zip(self.fields, self.values, strict=True)}
        record["__widths__"] = {name: [kind, width] for name, kind, width in self.fields}
        self.buffer = json.dumps(record, ensure_ascii=False).encode("utf-8")
        return 0

    def GetPackBuf(self) -> list[int]:
        return _to_chars(self.buffer)

    def GetPackLen(self) -> int:
        return len(self.buffer)

    def FreeMem(self) -> None:
        self.buffer = b""

    def Release(self) -> None:
        pass


class pyIBizMessage:
    def __init__(self) -> None:
        self.function = 0
        self.packet_type = -1
        self.content = b""
        self.error_no = 0
        self.error_info = b""

    @typed(int)
    def SetFunction(self, function: int) -> None:
        self.function = function

    @typed(int)
    def SetPacketType(self, packet_type: int) -> None:
        self.packet_type = packet_type

    @typed(list, int)
    def SetContent(self, content: list[int], length: int) -> None:
        self.content = _from_chars(content, length)

    def GetErrorNo(self) -> int:
        return self.error_no

    def GetErrorInfo(self) -> bytes:
        return self.error_info

    def GetContent(self) -> tuple[list[int], int]:
        return _to_chars(self.content), len(self.content)

    def Release(self) -> None:
        pass


def _datasets(code: str = "0", message: str = "", detail: str = "", rows=()) -> bytes:
    head = {
        "ErrorCode": code,
        "ErrorMsg": message,
        "MsgDetail": detail,
        "DataCount": str(len(rows)),
    }
    return json.dumps([[head], list(rows)], ensure_ascii=False).encode("gbk")


class pyConnectionInterface:
    ERRORS: ClassVar[dict[int, str]] = {
        -19: "许可证文件无效",
        -1: "连接服务器失败",
        1: "接收超时",
        -101: "回调对象未初始化",
    }

    @typed(pyCConfigInterface)
    def __init__(self, config: pyCConfigInterface) -> None:
        self.config = config
        self.callback: pyCallbackInterface | None = None
        self.answers: dict[int, pyIBizMessage] = {}
        self.open = False
        connections.append(self)

    @typed(pyCallbackInterface)
    def Create2BizMsg(self, callback: pyCallbackInterface) -> int:
        if callback.instance is None:
            return -101
        self.callback = callback
        return 0

    @typed(int)
    def Connect(self, timeout_ms: int) -> int:
        assert self.callback is not None and timeout_ms > 0
        license_file = str(self.config.values.get(("t2sdk", "license_file"), ""))
        if not os.path.isfile(license_file) or Path(license_file).read_bytes() != b"LICENSE":
            return -19
        servers = str(self.config.values.get(("t2sdk", "servers"), ""))
        if not servers.startswith("127.0.0.1:"):
            return -1
        self.open = True
        return 0

    @typed(int)
    def GetErrorMsg(self, code: int) -> str:
        return self.ERRORS.get(code, "未知错误")

    def SendBizMsg(self, message: pyIBizMessage, asynchronous: int = 0) -> int:
        return self._send(message, asynchronous)

    @typed(pyIBizMessage, int)
    def _send(self, message: pyIBizMessage, asynchronous: int) -> int:
        assert asynchronous == 0 and message.packet_type == 0
        assert self.open, "SendBizMsg on a closed connection"
        request = json.loads(message.content.decode("utf-8"))
        widths = request.pop("__widths__")
        received.append({"function": message.function, **request})
        calls.append(("send", message.function))
        if message.function == 10001:
            expected = {name: list(spec) for name, spec in LOGIN_WIDTHS.items()}
            assert widths == expected, f"10001 fields differ from the seed: {widths}"
        answer = pyIBizMessage()
        answer.content = self._answer(message.function, request)
        handle = len(self.answers) + 1
        self.answers[handle] = answer
        return handle

    def _answer(self, function: int, request: dict) -> bytes:
        if function == 10001:
            if request["password"] != "demo":
                return _datasets(
                    "1017", "操作员密码错误", f"操作员[{request['operator_no']}]密码错误"
                )
            token = secrets.token_hex(32)
            _tokens.add(token)
            return _datasets(rows=[{"version_no": "V2019.standin", "user_token": token}])
        if request.get("user_token") not in _tokens:
            return _datasets("1150", "令牌已失效", "")
        if function == 10002:
            _tokens.discard(request["user_token"])
        return _datasets()

    def RecvBizMsg(self, handle: int, timeout_ms: int = 1000, flag: int = 0) -> tuple:
        return self._receive(handle, timeout_ms, flag)

    @typed(int, int, int)
    def _receive(self, handle: int, timeout_ms: int, flag: int) -> tuple[int, pyIBizMessage]:
        calls.append(("recv", handle))
        return 0, self.answers.pop(handle)

    def Close(self) -> int:
        self.open = False
        return 0

    def drop(self) -> None:
        """Test hook: the server closes the connection; T2 tells the callback (OnClose)."""
        self.open = False
        assert self.callback is not None
        self.callback.instance.OnClose()


class pyIF2UnPacker:
    def __init__(self) -> None:
        self.data: list[list[dict]] = []
        self.dataset = 0
        self.row = 0

    @typed(list, int)
    def Open(self, content: list[int], length: int) -> int:
        self.data = json.loads(_from_chars(content, length).decode("gbk"))
        return 0

    def GetDatasetCount(self) -> int:
        return len(self.data)

    @typed(int)
    def SetCurrentDatasetByIndex(self, index: int) -> None:
        self.dataset, self.row = index, 0

    def _columns(self) -> list[str]:
        rows = self.data[self.dataset]
        return list(rows[0]) if rows else []

    def GetColCount(self) -> int:
        return len(self._columns())

    @typed(int)
    def GetColName(self, index: int) -> str:
        return self._columns()[index]

    def IsEOF(self) -> int:
        return int(self.row >= len(self.data[self.dataset]))

    @typed(str)
    def GetStr(self, name: str) -> str:
        return str(self.data[self.dataset][self.row].get(name, ""))

    def Next(self) -> None:
        self.row += 1

    def Release(self) -> None:
        pass
