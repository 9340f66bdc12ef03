"""Test stand-in for Hundsun's T2 SDK Python module: the vendor's class and method names and call
shapes, a packer that checks every field against its declared type and width (GBK bytes), and a
tiny UFX counter behind it answering 10000 / 10001 / 10002 with O32's datasets (GBK bytes, as the
vendor's module returns them). Connect needs an existing license file."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import ClassVar

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
_tokens: set[str] = set()


class pyCConfigInterface:
    def __init__(self) -> None:
        self.values: dict[tuple[str, str], object] = {}

    def SetString(self, section: str, key: str, value: str) -> None:
        self.values[(section, key)] = value

    def SetInt(self, section: str, key: str, value: int) -> None:
        self.values[(section, key)] = int(value)


class pyIF2Packer:
    def __init__(self) -> None:
        self.fields: list[tuple[str, str, int]] = []
        self.values: list[object] = []
        self.buffer = b""

    def BeginPack(self) -> None:
        self.fields, self.values = [], []

    def AddField(self, name: str, kind: str, width: int, scale: int) -> None:
        assert kind in ("S", "I") and width > 0 and scale == 0, (name, kind, width)
        self.fields.append((name, kind, width))

    def AddStr(self, value: str) -> None:
        name, kind, width = self.fields[len(self.values)]
        assert kind == "S", f"{name}: AddStr on a {kind} field"
        assert len(value.encode("gbk")) <= width, f"{name}: {value!r} wider than C{width}"
        self.values.append(value)

    def AddInt(self, value: int) -> None:
        name, kind, width = self.fields[len(self.values)]
        assert kind == "I" and isinstance(value, int), f"{name}: AddInt on a {kind} field"
        assert len(str(value)) <= width, f"{name}: {value} wider than N{width}"
        self.values.append(value)

    def EndPack(self) -> None:
        assert len(self.values) == len(self.fields), "a field without a value"
        record = {name: value for (name, _, _), value in zip(self.fields, self.values, strict=True)}
        record["__widths__"] = {name: [kind, width] for name, kind, width in self.fields}
        self.buffer = json.dumps(record, ensure_ascii=False).encode("gbk")

    def GetPackBuf(self) -> bytes:
        return self.buffer

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

    def SetFunction(self, function: int) -> None:
        self.function = function

    def SetPacketType(self, packet_type: int) -> None:
        self.packet_type = packet_type

    def SetContent(self, buffer: bytes, length: int) -> None:
        assert len(buffer) == length
        self.content = bytes(buffer)

    def GetErrorNo(self) -> int:
        return self.error_no

    def GetErrorInfo(self) -> bytes:
        return self.error_info

    def GetContent(self) -> tuple[bytes, int]:
        return self.content, len(self.content)

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
    ERRORS: ClassVar[dict[int, str]] = {-19: "许可证文件无效", -1: "连接服务器失败", 1: "接收超时"}

    def __init__(self, config: pyCConfigInterface) -> None:
        self.config = config
        self.created = False
        self.answers: dict[int, pyIBizMessage] = {}

    def Create2BizMsg(self, callback: object) -> int:
        self.created = True
        return 0

    def Connect(self, timeout_ms: int) -> int:
        assert self.created and timeout_ms > 0
        license_file = str(self.config.values.get(("t2sdk", "license_file"), ""))
        if not os.path.isfile(license_file) or Path(license_file).read_bytes() != b"LICENSE":
            return -19
        servers = str(self.config.values.get(("t2sdk", "servers"), ""))
        return 0 if servers.startswith("127.0.0.1:") else -1

    def GetErrorMsg(self, code: int) -> bytes:
        return self.ERRORS.get(code, "未知错误").encode("gbk")

    def SendBizMsg(self, message: pyIBizMessage, asynchronous: int) -> int:
        assert asynchronous == 0 and message.packet_type == 0
        request = json.loads(message.content.decode("gbk"))
        widths = request.pop("__widths__")
        received.append({"function": message.function, **request})
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

    def RecvBizMsg(self, handle: int, timeout_ms: int, flag: int) -> tuple[int, pyIBizMessage]:
        return 0, self.answers.pop(handle)

    def Close(self) -> None:
        self.created = False


class pyIF2UnPacker:
    def __init__(self) -> None:
        self.data: list[list[dict]] = []
        self.dataset = 0
        self.row = 0

    def Open(self, buffer: bytes, length: int) -> None:
        self.data = json.loads(bytes(buffer[:length]).decode("gbk"))

    def GetDatasetCount(self) -> int:
        return len(self.data)

    def SetCurrentDatasetByIndex(self, index: int) -> None:
        self.dataset, self.row = index, 0

    def _columns(self) -> list[str]:
        rows = self.data[self.dataset]
        return list(rows[0]) if rows else []

    def GetColCount(self) -> int:
        return len(self._columns())

    def GetColName(self, index: int) -> bytes:
        return self._columns()[index].encode("gbk")

    def IsEOF(self) -> int:
        return int(self.row >= len(self.data[self.dataset]))

    def GetStr(self, name: str) -> bytes:
        return str(self.data[self.dataset][self.row].get(name, "")).encode("gbk")

    def Next(self) -> None:
        self.row += 1

    def Release(self) -> None:
        pass
