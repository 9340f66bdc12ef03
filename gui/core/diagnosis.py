"""Where a connection breaks: the verdict model of a diagnosis.

A diagnosis runs, for every endpoint in a broker's settings, `dns`, `tcp`, `tls` where the
endpoint is TLS, `proxy` and `http` where it speaks HTTP, `clock` where it tells its time,
once `sdk` (the vendor SDK loads) and, when asked, `login`. Each step is one `Step`; a failing
one names a class from `CLASSES` with a one-line fix in plain words. The phases themselves are
in gui.core.probes (run in a worker process). Qt-free.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Any

from gui.core.failure_class import FailureClass
from gui.core.text_width import pad

CLOCK_WARN_SECONDS = 1.0
CLOCK_FAIL_SECONDS = 5.0
CERT_WARN_DAYS = 14

# The classes a failing step names, with the fix shown next to it.
_FIXES = {
    "dns_failed": "The name does not resolve: check the host name, this machine's DNS server "
    "and its network connection.",
    "tcp_refused": "Nothing accepts connections there: check the host and port with the broker; "
    "a firewall may reject the connection.",
    "tcp_timeout": "The connection gets no answer: a firewall or the network drops it; check "
    "the route to the broker and any VPN the broker requires.",
    "no_answer": "The server accepts the connection but never answers: the broker's service "
    "may be down, or the port belongs to another service; ask the broker.",
    "tls_untrusted": "The certificate is not trusted here: if your network inspects HTTPS, "
    "install its root certificate (or point REQUESTS_CA_BUNDLE at it); otherwise this is not "
    "the broker's server.",
    "tls_expired": "The certificate is outside its validity dates: the broker must renew it; "
    "check this machine's date too.",
    "tls_hostname_mismatch": "The certificate is for another name: check the host name; a "
    "proxy or wrong DNS may be sending you elsewhere.",
    "tls_protocol": "No TLS connection could be agreed (protocol or cipher): the server may "
    "not speak TLS on this port, or only versions this machine refuses.",
    "proxy_failed": "The proxy this machine is set to use does not pass the connection: check "
    "the proxy settings (HTTPS_PROXY, NO_PROXY, the system proxy).",
    "http_error": "The server answers with an error of its own: try again later; if it "
    "persists, give the broker the trace ID.",
    "clock_skew": "The broker's clock and this machine's differ: compare this machine with an "
    "internet time source; sync it if it is wrong, else tell the broker.",
    "sdk_missing": "The vendor SDK is not installed where the settings say: install it, or "
    "correct the SDK folder or path.",
    "sdk_mismatch": "The vendor SDK is there but does not load: its files are from different "
    "versions, or it does not match this machine (32/64-bit, runtime); reinstall it.",
    "worker_failed": "The console could not start the process a login runs in: reinstall the "
    "console (its program is missing or not executable), or free memory and processes on this "
    "machine; the broker's SDK is not the cause.",
    "login_rejected": "The broker refused the login: check the credentials and that the "
    "account may use the API.",
    "outside_hours": "The venue is scheduled closed now, so its servers may well be down: try "
    "again after the next opening; if it fails then too, look at the network.",
    "lockout_risk": "The last logins of this account were rejected in a row, and one more may "
    "lock it at the broker: check the password (or have the broker reset it) first.",
}
CLASSES: dict[FailureClass, str] = {FailureClass(key): fix for key, fix in _FIXES.items()}

FAILING_EXIT = {FailureClass.LOGIN_REJECTED: 4}  # every other class exits 3


@dataclass(frozen=True, slots=True)
class Step:
    """One phase against one target. `ok` is False for a failure; `warning` marks a passed
    step worth a look (a clock 1-5 s off, a certificate about to expire)."""

    step: str
    target: str
    ok: bool
    cls: FailureClass | None = None
    ms: float = 0.0
    detail: str = ""
    fix: str = ""
    warning: bool = False

    @property
    def level(self) -> str:
        return "fail" if not self.ok else "warn" if self.warning else "ok"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "diagnostic",
            "step": self.step,
            "target": self.target,
            "ok": self.ok,
            "class": self.cls or None,
            "level": self.level,
            "ms": round(self.ms, 1),
            "detail": self.detail,
            "fix": self.fix,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Step:
        return cls(
            str(data["step"]),
            str(data["target"]),
            bool(data["ok"]),
            _known_class(data.get("class")),
            float(data.get("ms") or 0.0),
            str(data.get("detail") or ""),
            str(data.get("fix") or ""),
            data.get("level") == "warn",
        )

    def text(self) -> str:
        """One line for a terminal or the clipboard."""
        mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[self.level]
        head = f"{mark} {self.step:<6} {pad(self.target, 28)} {self.ms:7.0f} ms  {self.detail}"
        if self.cls:
            head += f" [{self.cls}]"
        return head + (f"\n     fix: {self.fix}" if self.fix else "")


def _known_class(value: object) -> FailureClass | None:
    """A class read back from JSON (a worker's step); anything else is none."""
    return next((member for member in FailureClass if member.value == value), None)


def failed(
    step: str, target: str, cls: FailureClass, ms: float, detail: str, fix: str = ""
) -> Step:
    return Step(step, target, False, cls, ms, detail, fix or CLASSES[cls])


# One comparison cannot tell whose clock is wrong: the fix names the direction, both readings,
# and the way to sync this machine on the platform it runs on (each text is translated whole).
_SYNC_WINDOWS = (
    "sync it: Settings → Time & language → Date & time → Sync now (or, as administrator: "
    "w32tm /resync)."
)
_SYNC_MACOS = (
    "sync it: System Settings → General → Date & Time → Set time and date automatically (or: "
    "sudo sntp -sS time.apple.com)."
)
_SYNC_LINUX = (
    "sync it: sudo timedatectl set-ntp true, until timedatectl status says 'System clock "
    "synchronized: yes' (with chrony: sudo chronyc makestep)."
)
_FAST = (
    "The broker's clock is ahead of this machine's: this machine is slow, or the broker's clock "
    "is fast. Compare this machine with an internet time source. If it is right, tell the broker "
    "that its clock is fast; if it is wrong, "
)
_SLOW = (
    "The broker's clock is behind this machine's: this machine is fast, or the broker's clock "
    "is slow. Compare this machine with an internet time source. If it is right, tell the broker "
    "that its clock is slow; if it is wrong, "
)
CLOCK_FIXES: dict[tuple[str, str], str] = {
    (direction, platform): opening + sync
    for direction, opening in (("ahead", _FAST), ("behind", _SLOW))
    for platform, sync in (
        ("win32", _SYNC_WINDOWS),
        ("darwin", _SYNC_MACOS),
        ("linux", _SYNC_LINUX),
    )
}


def clock_fix(offset_seconds: float, platform: str = sys.platform) -> str:
    """What to do about the broker's clock being `offset_seconds` ahead (negative: behind)."""
    direction = "ahead" if offset_seconds > 0 else "behind"
    system = platform if platform in ("win32", "darwin") else "linux"
    return CLOCK_FIXES[(direction, system)]


def clock_step(target: str, offset_seconds: float, source: str, resolution: float = 0.0) -> Step:
    """The broker's clock against this machine's: warn over 1 s, fail over 5 s (allowing for
    the source's resolution: an HTTP Date counts whole seconds)."""
    beyond = max(0.0, abs(offset_seconds) - resolution)
    direction = "ahead of" if offset_seconds > 0 else "behind"
    amount = f"{abs(offset_seconds):.1f} s"
    if resolution:
        amount = f"{abs(offset_seconds):.0f} s (± {resolution:g} s)"
    detail = f"{source}: the broker's clock is {amount} {direction} this machine's"
    fix = clock_fix(offset_seconds)
    if beyond > CLOCK_FAIL_SECONDS:
        return failed("clock", target, FailureClass.CLOCK_SKEW, 0.0, detail, fix)
    if beyond > CLOCK_WARN_SECONDS:
        return Step("clock", target, True, detail=detail, fix=fix, warning=True)
    return Step("clock", target, True, detail=detail)


def first_failure(steps: list[Step]) -> Step | None:
    """The verdict's step: the first failing one, unless the venue was scheduled closed, which
    explains the failures before it (gui/core/trading_hours.py)."""
    failing = [step for step in steps if not step.ok]
    closed = [step for step in failing if step.cls is FailureClass.OUTSIDE_HOURS]
    chosen = closed or failing
    return chosen[0] if chosen else None


def exit_code(steps: list[Step]) -> int:
    """0 when every step passed; 4 when the broker refused; 3 for any other failing class."""
    failure = first_failure(steps)
    if failure is None:
        return 0
    return FAILING_EXIT.get(failure.cls, 3) if failure.cls else 3
