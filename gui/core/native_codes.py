"""The vendors' own numbers, explained: what a code means, why it usually happens, what to do.

Each broker's table lives in its `codes.py` (docs/ARCHITECTURE.md, Native codes); a driver that
learns a code from the vendor puts it in the event's raw fields under `native_code` and on the
failure (`BrokerFailure.native_code`), and every place that shows one (the log, the session
panel, `check`/`watch` results, a diagnosis, `explain`) looks it up here. Texts are English
data, translated in the UI through the "codes" context.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gui.core.registry import Registry

NATIVE_CODE = "native_code"  # the raw field of an event that carries a vendor's code


@dataclass(frozen=True, slots=True)
class NativeCode:
    """One vendor code. `code` is canonical (decimal for numbers); `aliases` are other spellings
    the vendor uses for it (a hex form, an enum name). `confirmed` is False where the number
    comes from no vendor document the project could read (see the table's comments)."""

    code: str
    vendor_text: str  # the vendor's own words or name for it, untranslated
    meaning: str
    cause: str
    fix: str
    confirmed: bool = True
    aliases: tuple[str, ...] = ()

    def to_json(self, broker: str) -> dict[str, Any]:
        return {
            "kind": "explanation",
            "broker": broker,
            "code": self.code,
            "vendor_text": self.vendor_text,
            "meaning": self.meaning,
            "cause": self.cause,
            "fix": self.fix,
            "confirmed": self.confirmed,
        }

    def summary(self) -> str:
        """One line for a result or a log: meaning, then the fix."""
        return f"{self.meaning} {self.fix}"


def canonical(code: object) -> str:
    """A code as the tables key it: hex numbers (0x1001) as decimal, names upper-case."""
    text = str(code).strip()
    if text.lower().startswith(("0x", "-0x")):
        try:
            return str(int(text, 16))
        except ValueError:
            return text.upper()
    if text.lstrip("-").isdigit():
        return str(int(text))
    return text.upper()


def index(table: tuple[NativeCode, ...]) -> Mapping[str, NativeCode]:
    """{canonical code or alias: entry}; a code listed twice is a table error."""
    found: dict[str, NativeCode] = {}
    for entry in table:
        for key in (entry.code, *entry.aliases):
            name = canonical(key)
            if found.get(name, entry) is not entry:
                raise ValueError(f"native code {name} listed twice")
            found[name] = entry
    return found


def explain(registry: Registry, broker: str, code: object) -> NativeCode | None:
    """The broker's entry for a code, or None when the broker or the code is unknown."""
    if broker not in registry.ids:
        return None
    return registry.get(broker).native_code(code)


def code_of(raw: Mapping[str, Any]) -> str | None:
    """The native code an event's raw fields carry, if any."""
    value = raw.get(NATIVE_CODE)
    return None if value is None else canonical(value)
