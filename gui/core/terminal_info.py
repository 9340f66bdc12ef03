"""What a login sends about this machine (穿透式 look-through data; Hundsun's station fields
and `terminal_info`), shown before it is sent.

Brokers and regulators bind an account to the machine it trades from; on a VM or in a
container the collected values are often empty or a virtual card's, and the login fails with a
station or authentication error nobody can explain. A spec's `terminal_info(values)` lists each
field as it will go out, where it comes from, whether the broker needs it and what looks wrong
with it. The preview reads this machine only; nothing leaves it except in the login itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

MASK = "••••"
# Where a value comes from, for the fields a form holds.
FROM_MACHINE = "this machine (Auto-fill)"
FROM_FORM = "typed in the form (differs from this machine)"
FROM_NOWHERE = "empty"
FROM_CONTAINER_CHECK = "this machine (/.dockerenv, /proc/1/cgroup)"
DISK_SERIAL_MISSING = "the disk's serial is missing (not readable here)"
IN_CONTAINER = "running in a container: MAC, IP and disk are the container's, not the host's"
NEEDED_FOR_AUTHENTICATION = "empty: the front's client authentication (ReqAuthenticate) needs it"

# The first three bytes (the vendor's OUI) of virtual network cards' MACs, as the hypervisors
# assign them (IEEE registrations of VMware, Oracle VirtualBox, QEMU/KVM's locally used range,
# Microsoft Hyper-V, Xen) and Docker's 02:42 prefix for container interfaces.
VIRTUAL_MACS = {
    "000569": "VMware",
    "000C29": "VMware",
    "001C14": "VMware",
    "005056": "VMware",
    "080027": "VirtualBox",
    "525400": "QEMU/KVM",
    "00155D": "Hyper-V",
    "00163E": "Xen",
}
DOCKER_MAC = "0242"
# Maker / model texts of virtual machines, and the firmware's placeholders for "not set".
VIRTUAL_MAKERS = ("VMware", "VirtualBox", "innotek", "QEMU", "KVM", "Xen", "Amazon EC2", "Google")
PLACEHOLDERS = (
    "To be filled by O.E.M.",
    "Default string",
    "System manufacturer",
    "System Product Name",
    "Not Specified",
    "None",
)


@dataclass(frozen=True, slots=True)
class TerminalField:
    """One field (or one part of a composite field) as the login will send it."""

    name: str  # the vendor's name, e.g. `mac_address`, `terminal_info[5] 计算机名`
    value: str  # what goes out ("" when empty); MASK for a sensitive one
    source: str  # where it comes from
    required: bool  # the broker needs it
    sensitive: bool = False
    problem: str = ""  # empty where needed, a placeholder, a virtual machine's value

    def to_json(self, broker: str) -> dict[str, Any]:
        return {
            "kind": "terminal_field",
            "broker": broker,
            "field": self.name,
            "value": self.value,
            "source": self.source,
            "required": self.required,
            "sensitive": self.sensitive,
            "problem": self.problem,
        }


def shown(value: str, sensitive: bool) -> str:
    """A value for the preview: a secret is never shown, only that it is there."""
    if sensitive:
        return f"{MASK} ({len(value)} characters)" if value else ""
    return value


def mac_problem(mac: str) -> str:
    digits = mac.replace(":", "").replace("-", "").upper()
    if not digits:
        return "empty: no network card was found"
    if digits == "000000000000":
        return "all zeros: a placeholder, not a card's address"
    if digits.startswith(DOCKER_MAC):
        return "a container's virtual interface: it changes with the container"
    maker = VIRTUAL_MACS.get(digits[:6])
    if maker:
        return f"a {maker} virtual card: it changes when the VM is moved or re-created"
    if len(digits) == 12 and int(digits[:2], 16) & 0x02:  # IEEE 802: the U/L bit
        return "locally administered (set by software, as VMs and containers do), not a card's"
    return ""


def ip_problem(ip: str) -> str:
    if not ip:
        return "empty"
    if ip.startswith("127."):
        return "loopback: this machine has no network address the broker could register"
    return ""


def text_problem(value: str, *, required: bool) -> str:
    """Empty (a problem only where the broker needs it), a placeholder, a VM's name."""
    text = value.strip()
    if not text:
        return "empty" if required else ""
    if text in PLACEHOLDERS:
        return f"a firmware placeholder ({text!r}), not this machine's"
    maker = next((m for m in VIRTUAL_MAKERS if m.lower() in text.lower()), None)
    if maker:
        return f"a virtual machine ({maker}): brokers may not accept it as a terminal"
    return ""


def in_container() -> bool:
    """Running in a Docker / containerd / Kubernetes container (Linux)."""
    if Path("/.dockerenv").exists():
        return True
    try:
        cgroups = Path("/proc/1/cgroup").read_text(encoding="utf-8", errors="ignore")
    except OSError:
        return False
    return any(word in cgroups for word in ("docker", "containerd", "kubepods"))


def machine_facts(source: str) -> list[TerminalField]:
    """This machine's MAC, IP, disk serial, host name, maker and model, each checked: what a
    vendor library that collects them itself (CTP's) will find."""
    import platform

    from gui.core import machine  # read when a preview is asked for, not at start-up

    facts = (
        ("MAC address", machine.mac_address(), mac_problem),
        ("IP address", machine.ip_address(), ip_problem),
        ("disk serial", machine.volume().serial, lambda v: text_problem(v, required=True)),
        ("host name", platform.node(), lambda v: text_problem(v, required=True)),
        ("maker", machine.dmi("sys_vendor"), lambda v: text_problem(v, required=False)),
        ("model", machine.dmi("product_name"), lambda v: text_problem(v, required=False)),
    )
    return [
        TerminalField(f"this machine: {name}", value, source, False, problem=check(value))
        for name, value, check in facts
    ] + machine_context()


def machine_context() -> list[TerminalField]:
    """A line saying the console runs in a container, where it does: every value collected
    is then the container's, not the desk's machine."""
    if not in_container():
        return []
    return [
        TerminalField(
            "environment",
            "container",
            FROM_CONTAINER_CHECK,
            False,
            problem=IN_CONTAINER,
        )
    ]


def texts() -> set[str]:
    """Every source and problem text this module can say, for the translation files (the UI
    translates them in the "terminal" context)."""
    texts = {
        FROM_MACHINE,
        FROM_FORM,
        FROM_NOWHERE,
        FROM_CONTAINER_CHECK,
        DISK_SERIAL_MISSING,
        NEEDED_FOR_AUTHENTICATION,
        ip_problem(""),
        ip_problem("127.0.0.1"),
    }
    texts |= {mac_problem(mac) for mac in ("", "000000000000", "0242AC110002", "02FC00000001")}
    texts |= {mac_problem(prefix + "000001") for prefix in VIRTUAL_MACS}
    texts |= {text_problem(value, required=True) for value in ("", *PLACEHOLDERS, *VIRTUAL_MAKERS)}
    texts.add(IN_CONTAINER)
    return {text for text in texts if text}


def problems(fields: list[TerminalField]) -> list[TerminalField]:
    return [field for field in fields if field.problem]
