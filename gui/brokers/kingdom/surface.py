"""The two interfaces the Kingdom driver binds — the LBM plugin (through our extern "C" shim)
and the KCBP C client — and the C structs they take, laid out exactly as the vendor's headers
declare them. The ctypes binding, the built-in simulator and test stand-ins all provide them."""

from __future__ import annotations

import ctypes
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

ENCODING = "gbk"


class InitInfo(ctypes.Structure):
    """ST_tagInitInfo: the operator's name and password for InitPlugin."""

    _fields_ = (
        ("szUserName", ctypes.c_char * 32),
        ("szPassword", ctypes.c_char * 32),
        ("bBackAllHQ", ctypes.c_bool),
        ("bLocalAddressType", ctypes.c_bool),
    )


class KcbpConfig(ctypes.Structure):
    """ST_tagKCBP_CONFIG: the KCBP leg InitPlugin connects."""

    _fields_ = (
        ("szUserName", ctypes.c_char * 20),
        ("szPassword", ctypes.c_char * 20),
        ("szIPAddress", ctypes.c_char * 20),
        ("szServer", ctypes.c_char * 20),
        ("nPort", ctypes.c_int),
        ("szReq", ctypes.c_char * 20),
        ("szAns", ctypes.c_char * 20),
    )


class ConnectOption(ctypes.Structure):
    """tagKCBPConnectOption, packed (#pragma pack(1)), for KCBPCLI_SetOptions(h, 0, ...)."""

    _pack_ = 1
    _fields_ = (
        ("szServerName", ctypes.c_char * 33),
        ("nProtocal", ctypes.c_int),  # the vendor's spelling; 0 = TCP
        ("szAddress", ctypes.c_char * 33),
        ("nPort", ctypes.c_int),
        ("szSendQName", ctypes.c_char * 33),
        ("szReceiveQName", ctypes.c_char * 33),
        ("szReserved", ctypes.c_char * 33),
    )


def abi() -> list[int]:
    """Sizes and member offsets in the order the shim's lbm_abi() reports them."""
    return [
        ctypes.sizeof(InitInfo),
        ctypes.sizeof(KcbpConfig),
        *(getattr(InitInfo, name).offset for name, _ in InitInfo._fields_),
        *(getattr(KcbpConfig, name).offset for name, _ in KcbpConfig._fields_),
    ]


def gbk(value: Any, width: int | None = None) -> bytes:
    """Text as GBK; the schema has already checked it fits `width` with its NUL."""
    data = str(value or "").encode(ENCODING)
    if width is not None and len(data) >= width:
        raise ValueError(f"{len(data)} bytes do not fit char[{width}] with its NUL")
    return data


def init_info(settings: Mapping[str, Any]) -> InitInfo:
    return InitInfo(
        gbk(settings["operator_user"], 32),
        gbk(settings["operator_password"], 32),
        bool(settings["back_all_quotes"]),
        False,  # bLocalAddressType: the seed leaves it at its zero default
    )


def kcbp_config(settings: Mapping[str, Any]) -> KcbpConfig:
    return KcbpConfig(
        gbk(settings["kcbp_user"], 20),
        gbk(settings["kcbp_password"], 20),
        gbk(settings["kcbp_ip"], 20),
        gbk(settings["kcbp_server"], 20),
        int(settings["kcbp_port"]),
        gbk(settings["kcbp_req_queue"], 20),
        gbk(settings["kcbp_ans_queue"], 20),
    )


def connect_option(settings: Mapping[str, Any]) -> ConnectOption:
    return ConnectOption(
        gbk(settings["kcbp_server"], 33),
        0,
        gbk(settings["kcbp_ip"], 33),
        int(settings["kcbp_port"]),
        gbk(settings["kcbp_req_queue"], 33),
        gbk(settings["kcbp_ans_queue"], 33),
        b"",
    )


ERROR_KINDS = {0: "plugin", 1: "trade", 2: "quote", 3: "strategy"}

# KCBPCLI_GetErr codes that mean the KCBP server refused the user or password (exit 4, not a
# network problem). Other codes are the connection or the configuration (queues, server name).
KCBP_REJECTIONS = {2003: "the KCBP user or password is wrong"}


class PluginApi(Protocol):
    def init(
        self,
        info: InitInfo,
        config: KcbpConfig,
        threads: int,
        log_name: bytes,
        algo_name: bytes,
        log_open: bool,
    ) -> int:
        """InitPlugin; 0 = success."""

    def close(self) -> None: ...

    def last_error(self, kind: int) -> str:
        """GetLastError(type), decoded from GBK."""

    def connected(self) -> bool: ...


class KcbpApi(Protocol):
    """KCBPCLI_*: one handle per instance, from init() to exit()."""

    def init(self) -> int: ...

    def set_options(self, option: ConnectOption) -> int: ...

    def set_timeout(self, seconds: int) -> int: ...

    def connect(self, server: bytes, user: bytes, password: bytes) -> int: ...

    def error(self) -> tuple[int, str]:
        """KCBPCLI_GetErr: (code, message decoded from GBK)."""

    def disconnect(self) -> int: ...

    def exit(self) -> int: ...


@dataclass(frozen=True)
class KingdomApis:
    """A loaded surface: the plugin, a factory of KCBP client handles, and where they came from."""

    plugin: PluginApi
    kcbp: Callable[[], KcbpApi]
    runtime: str
