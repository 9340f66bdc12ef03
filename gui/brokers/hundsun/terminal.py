"""What Hundsun's station control wants to know about this machine, collected, never typed.

mac_address (12 hex digits), ip_address, hd_volserial, op_station (`IP|MAC`) and terminal_info
in the seed's `;`-separated format (unknown parts left empty), on Windows and Linux.
"""

from __future__ import annotations

import functools
import platform
import re
import shutil
import socket
import subprocess
import sys
import uuid
from pathlib import Path

from gui import APP_TITLE, __version__

TERMINAL_INFO_BYTES = 256
_MAC = re.compile(r"^[0-9A-F]{12}$")


def mac_address() -> str:
    """The first real network card's MAC as 12 upper-case hex digits."""
    if sys.platform.startswith("linux"):
        for path in sorted(Path("/sys/class/net").glob("*/address")):
            if path.parent.name == "lo":
                continue
            value = (
                path.read_text(encoding="ascii", errors="ignore").strip().replace(":", "").upper()
            )
            if _MAC.match(value) and value != "000000000000":
                return value
    node = uuid.getnode()
    if not node >> 40 & 1:  # uuid.getnode() sets the multicast bit when it had to invent one
        return f"{node:012X}"
    return ""


def ip_address() -> str:
    """This machine's own IPv4 address (not loopback), from its host name."""
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if not address.startswith("127."):
            return address
    if sys.platform.startswith("linux"):  # the host name often maps to loopback on Linux
        try:
            out = subprocess.run(["hostname", "-I"], capture_output=True, text=True, timeout=3)
            for address in out.stdout.split():
                if "." in address and not address.startswith("127."):
                    return address
        except (OSError, subprocess.SubprocessError):
            pass
    return "127.0.0.1"


def _windows_volume() -> tuple[str, str, int, str]:
    import ctypes

    serial = ctypes.c_uint32()
    fs_name = ctypes.create_unicode_buffer(32)
    ok = ctypes.windll.kernel32.GetVolumeInformationW(  # type: ignore[attr-defined]
        "C:\\", None, 0, ctypes.byref(serial), None, None, fs_name, len(fs_name)
    )
    total = shutil.disk_usage("C:\\").total
    return "C", fs_name.value if ok else "", total, f"{serial.value:08X}" if ok else ""


def _linux_volume() -> tuple[str, str, int, str]:
    fs_type, volume_id = "", ""
    try:
        out = subprocess.run(
            ["findmnt", "-no", "FSTYPE,UUID", "/"], capture_output=True, text=True, timeout=3
        ).stdout.split()
        fs_type = out[0] if out else ""
        volume_id = out[1].replace("-", "").upper()[:8] if len(out) > 1 else ""
    except (OSError, subprocess.SubprocessError):
        pass
    return "/", fs_type, shutil.disk_usage("/").total, volume_id


def volume() -> tuple[str, str, int, str]:
    """(drive, file system, size in bytes, volume serial) of the system disk."""
    try:
        return _windows_volume() if sys.platform == "win32" else _linux_volume()
    except OSError:
        return "", "", 0, ""


def _dmi(name: str) -> str:
    path = Path("/sys/class/dmi/id") / name
    try:
        return path.read_text(encoding="utf-8", errors="ignore").strip()
    except OSError:
        return ""


def terminal_info(ip: str, mac: str) -> str:
    """cpuid;内网ip;手机号;手机设备号;计算机名;磁盘信息;客户端版本号;操作系统版本号;公司名称;
    外网IP地址;PC终端序列号;PC生产厂商;PC产品型号;IP2;MAC2;[站点名称]IP:Port — unknown parts empty,
    trimmed to the 256 bytes (GBK) the field holds."""
    drive, fs_type, size, serial = volume()
    disk = f"{drive},{fs_type},{size // 2**30},{serial}" if drive else ""
    parts = [
        "",  # cpuid: not readable without privileges on every platform
        ip,
        "",
        "",
        platform.node(),
        disk,
        f"{APP_TITLE} {__version__}",
        f"{platform.system()} {platform.release()}",
        "",
        "",
        "",
        _dmi("sys_vendor"),
        _dmi("product_name"),
        "",
        "",
        "",
    ]
    text = ";".join(part.replace(";", ",") for part in parts)
    while len(text.encode("gbk", errors="replace")) > TERMINAL_INFO_BYTES:
        text = text[:-1]
    return text


@functools.lru_cache(maxsize=1)
def collect() -> dict[str, str]:
    """The station fields for function 10001 (cached: the machine does not change)."""
    mac = mac_address()
    ip = ip_address()
    return {
        "mac_address": mac,
        "ip_address": ip,
        "hd_volserial": volume()[3],
        "op_station": f"{ip}|{mac}",
        "terminal_info": terminal_info(ip, mac),
    }
