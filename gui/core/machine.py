"""Facts about this machine that brokers' station control and support want: MAC, IP, system
disk, maker and model. Read from the OS directly, never through a subprocess (a child would
inherit the console's environment, which may hold a secret named by `--secret`)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
import uuid
from pathlib import Path
from typing import NamedTuple

_MAC = re.compile(r"^[0-9A-F]{12}$")
# A TEST-NET-2 address (RFC 5737): "connecting" a UDP socket to it only picks the route, it
# sends nothing; the socket's own address is then the one this machine uses outwards.
_ROUTE_PROBE = ("198.51.100.1", 9)


class Volume(NamedTuple):
    drive: str
    file_system: str
    size: int
    serial: str


def mac_address() -> str:
    """The first real network card's MAC as 12 upper-case hex digits, or ''."""
    if sys.platform.startswith("linux"):
        for path in sorted(Path("/sys/class/net").glob("*/address")):
            if path.parent.name == "lo":
                continue
            try:
                value = path.read_text(encoding="ascii", errors="ignore")
            except OSError:
                continue
            value = value.strip().replace(":", "").upper()
            if _MAC.match(value) and value != "000000000000":
                return value
    node = uuid.getnode()
    if not node >> 40 & 1:  # uuid.getnode() sets the multicast bit when it had to invent one
        return f"{node:012X}"
    return ""


def ip_address() -> str:
    """This machine's own IPv4 address (not loopback); '127.0.0.1' when it has none."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(_ROUTE_PROBE)
            address = str(probe.getsockname()[0])
        if not address.startswith("127.") and address != "0.0.0.0":
            return address
    except OSError:
        pass
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if not address.startswith("127."):
            return address
    return "127.0.0.1"


def _windows_volume() -> Volume:
    import ctypes

    serial = ctypes.c_uint32()
    fs_name = ctypes.create_unicode_buffer(32)
    ok = ctypes.windll.kernel32.GetVolumeInformationW(  # type: ignore[attr-defined]
        "C:\\", None, 0, ctypes.byref(serial), None, None, fs_name, len(fs_name)
    )
    total = shutil.disk_usage("C:\\").total
    return Volume("C", fs_name.value if ok else "", total, f"{serial.value:08X}" if ok else "")


def _linux_volume() -> Volume:
    """The root file system's type and the first 8 hex digits of its UUID, from /proc and
    /dev/disk/by-uuid (what `findmnt -no FSTYPE,UUID /` prints)."""
    fs_type, device = "", None
    try:
        for line in Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines():
            fields = line.split()
            if len(fields) > 4 and fields[4] == "/" and " - " in line:
                major, minor = (int(n) for n in fields[2].split(":"))
                device = os.makedev(major, minor)
                fs_type = line.split(" - ", 1)[1].split()[0]
    except (OSError, ValueError):
        pass
    serial = ""
    by_uuid = Path("/dev/disk/by-uuid")
    if device is not None and by_uuid.is_dir():
        for link in sorted(by_uuid.iterdir()):
            try:
                if os.stat(link).st_rdev == device:
                    serial = link.name.replace("-", "").upper()[:8]
                    break
            except OSError:
                continue
    return Volume("/", fs_type, shutil.disk_usage("/").total, serial)


def volume() -> Volume:
    """The system disk: drive, file system, size in bytes, volume serial."""
    try:
        return _windows_volume() if sys.platform == "win32" else _linux_volume()
    except OSError:
        return Volume("", "", 0, "")


def dmi(name: str) -> str:
    """A Linux DMI fact (sys_vendor, product_name); '' elsewhere."""
    try:
        return (
            (Path("/sys/class/dmi/id") / name).read_text(encoding="utf-8", errors="ignore").strip()
        )
    except OSError:
        return ""
