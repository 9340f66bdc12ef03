"""Hundsun 恒生 UFX / O32 (T2 SDK), seed 001: function 10001 and its field widths."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from gui import APP_TITLE, __version__
from gui.brokers.hundsun.codes import NATIVE_CODES
from gui.core.registry import (
    AFTER_HOURS,
    DROP_AFTER_LOGIN,
    DROP_AFTER_LOGIN_HELP,
    BrokerSpec,
    package_surface,
    scenarios_from,
    url,
)
from gui.core.schema import Field, FieldKind, ItemKind, Problem, Schema
from gui.core.terminal_info import (
    DISK_SERIAL_MISSING,
    FROM_FORM,
    FROM_MACHINE,
    FROM_NOWHERE,
    TerminalField,
    ip_problem,
    mac_problem,
    machine_context,
    text_problem,
)

# py_t2sdk's AddStr encodes its str as UTF-8 itself: that is what the C<width> fields receive.
WIRE_ENCODING = "utf-8"


def _c(key: str, label: str, width: int, **kw: object) -> Field:
    """A UFX `C<width>` field: at most `width` bytes as the T2 binding sends them."""
    return Field(key, label, max_bytes=width, encoding=WIRE_ENCODING, **kw)  # type: ignore[arg-type]


def _station_rules(values: Mapping[str, Any]) -> dict[str, Problem]:
    """Station control refuses anything but a 12-hex-digit MAC (seed 001)."""
    mac = values.get("mac_address") or ""
    if not re.fullmatch(r"[0-9A-Fa-f]{12}", mac):
        return {
            "mac_address": Problem(
                "{label} must be 12 hex digits, no separators (e.g. 00E04C6817A2): use Auto-fill.",
                {"label": "MAC address"},
            )
        }
    return {}


# What the built-in simulator can play (it implements these).
SCENARIOS: dict[str, str] = {
    "normal": "Logs in operators with password 'demo'.",
    "unreachable": "No server answers at the configured addresses.",
    "no_reply": "The server accepts the connection and never answers a function.",
    "bad_license": "The T2 SDK refuses the license file.",
    "station_control": "The counter refuses this machine's station (ErrorCode 1023).",
    DROP_AFTER_LOGIN: DROP_AFTER_LOGIN_HELP,
    AFTER_HOURS: "After hours: the UFX counter's T2 port refuses connections.",
}


SCHEMA = Schema(
    (
        Field(
            "servers",
            "Servers",
            FieldKind.LIST,
            required=True,
            item_kind=ItemKind.ENDPOINT,
            help="ip:port;ip:port",
        ),
        Field("license_file", "License file", FieldKind.PATH, advanced=True),
        _c("operator_no", "Operator no.", 16, required=True),
        Field(
            "password",
            "Password",
            FieldKind.SECRET,
            required=True,
            max_bytes=16,
            encoding=WIRE_ENCODING,
            strip=False,
        ),
        _c("authorization_id", "Authorization ID", 64, required=True),
        _c("mac_address", "MAC address", 20, required=True),
        _c("ip_address", "IP address", 15, required=True),
        _c("hd_volserial", "Disk serial", 128),
        _c("op_station", "Op station", 256, required=True, help="IP|MAC"),
        _c("terminal_info", "Terminal info", 256),
        _c("app_id", "App ID", 32, advanced=True),
        Field(
            "authorize_code",
            "Authorize code",
            FieldKind.SECRET,
            max_bytes=16,
            encoding=WIRE_ENCODING,
            strip=False,
            advanced=True,
        ),
        Field("port_id", "Port ID", FieldKind.INT, minimum=0, maximum=99_999_999, advanced=True),
        Field(
            "heartbeat_seconds",
            "Heartbeat (s)",
            FieldKind.INT,
            default=30,
            minimum=5,
            maximum=240,
            help="Function 10000 interval; the token expires after five idle minutes.",
            advanced=True,
        ),
    ),
    rules=(_station_rules,),
)


TERMINAL_INFO_BYTES = 256


def terminal_info(ip: str, mac: str) -> str:
    """cpuid;内网ip;手机号;手机设备号;计算机名;磁盘信息;客户端版本号;操作系统版本号;公司名称;
    外网IP地址;PC终端序列号;PC生产厂商;PC产品型号;IP2;MAC2;[站点名称]IP:Port — unknown parts empty,
    trimmed to the 256 bytes the field holds."""
    import platform

    from gui.core import machine  # read at the first login, not when the window starts

    disk = machine.volume()
    disk_text = (
        f"{disk.drive},{disk.file_system},{disk.size // 2**30},{disk.serial}" if disk.drive else ""
    )
    parts = [
        "",  # cpuid: not readable without privileges on every platform
        ip,
        "",
        "",
        platform.node(),
        disk_text,
        f"{APP_TITLE} {__version__}",
        f"{platform.system()} {platform.release()}",
        "",
        "",
        "",
        machine.dmi("sys_vendor"),
        machine.dmi("product_name"),
        "",
        "",
        "",
    ]
    text = ";".join(part.replace(";", ",") for part in parts)
    while len(text.encode(WIRE_ENCODING, errors="replace")) > TERMINAL_INFO_BYTES:
        text = text[:-1]
    return text


@functools.lru_cache(maxsize=1)
def station_fields() -> dict[str, str]:
    """mac_address, ip_address, hd_volserial, op_station (`IP|MAC`) and terminal_info, collected
    from this machine (cached: the machine does not change), so support never types them."""
    from gui.core import machine  # read at the first login, not when the window starts

    mac = machine.mac_address()
    ip = machine.ip_address()
    return {
        "mac_address": mac,
        "ip_address": ip,
        "hd_volserial": machine.volume().serial,
        "op_station": f"{ip}|{mac}",
        "terminal_info": terminal_info(ip, mac),
    }


# terminal_info's parts (seed 001's futures look-through format) and where the console takes
# each from; the parts it does not collect go out empty.
TERMINAL_INFO_PARTS = (
    ("cpuid", "not collected (needs administrator rights)"),
    ("内网ip", "this machine's IP address"),
    ("手机号", "not applicable on a PC"),
    ("手机设备号", "not applicable on a PC"),
    ("计算机名", "this machine's host name"),
    ("磁盘信息", "the system disk: drive, file system, size in GiB, serial"),
    ("客户端版本号", "this console's version"),
    ("操作系统版本号", "the operating system"),
    ("公司名称", "not collected"),
    ("外网IP地址", "not collected (the broker sees it)"),
    ("PC终端序列号", "not collected"),
    ("PC生产厂商", "the machine's maker (firmware)"),
    ("PC产品型号", "the machine's model (firmware)"),
    ("IP2", "not collected"),
    ("MAC2", "not collected"),
    ("[站点名称]IP:Port", "not collected"),
)
STATION_KEYS = ("mac_address", "ip_address", "hd_volserial", "op_station", "terminal_info")


def terminal_preview(values: Mapping[str, Any]) -> list[TerminalField]:
    """Function 10001's station fields exactly as the form will send them, each one's source
    (this machine through Auto-fill, or typed), then terminal_info part by part."""
    machine = station_fields()
    fields: list[TerminalField] = []
    for key in STATION_KEYS:
        value = str(values.get(key) or "")
        required = SCHEMA.field(key).required
        if not value:
            source = FROM_NOWHERE
        elif value == machine[key]:
            source = FROM_MACHINE
        else:
            source = FROM_FORM
        if key == "mac_address":
            problem = mac_problem(value)
        elif key == "ip_address":
            problem = ip_problem(value)
        else:
            problem = text_problem(value, required=required)
        fields.append(TerminalField(key, value, source, required, problem=problem))
    parts = str(values.get("terminal_info") or "").split(";")
    for index, (name, source) in enumerate(TERMINAL_INFO_PARTS):
        part = parts[index] if index < len(parts) else ""
        collected = not source.startswith("not ")
        if name == "内网ip":
            problem = ip_problem(part)
        elif name == "磁盘信息" and part and part.endswith(","):
            problem = DISK_SERIAL_MISSING
        else:
            problem = text_problem(part, required=collected) if collected else ""
        fields.append(
            TerminalField(
                f"terminal_info[{index + 1}] {name}", part, source, False, problem=problem
            )
        )
    return fields + machine_context()


def endpoints(settings: Mapping[str, Any]) -> list[str]:
    """Every `ip:port` of the T2 SDK's `servers` list (it tries them in turn)."""
    found = []
    for item in str(settings["servers"]).split(";"):
        host, _, port = item.strip().rpartition(":")
        if host and port.isdigit():
            found.append(url(host, int(port)))
    return found


SPEC = BrokerSpec(
    id="hundsun",
    title="Hundsun 恒生 UFX",
    schema=SCHEMA,
    driver="gui.brokers.hundsun.driver:HundsunDriver",
    surface=package_surface(__name__),
    scenarios=scenarios_from(SCENARIOS),
    endpoints=endpoints,
    endpoint_keys=("servers",),
    simulator_defaults={
        "servers": "127.0.0.1:9003",
        "operator_no": "10001",
        "authorization_id": "demo-authorization",
    },
    autofill=station_fields,
    terminal_info=terminal_preview,
    user_key="operator_no",
    native_codes=NATIVE_CODES,
    venues=("CN_EQUITY",),
)
