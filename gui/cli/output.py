"""What every command prints: events and listings as aligned text or JSON Lines, and the one
result line with its documented exit code (see the CLI contract in docs/ARCHITECTURE.md)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TextIO

from gui.brokers import default_registry
from gui.core import credential_expiry
from gui.core.credential_expiry import CREDENTIAL_EXPIRES
from gui.core.errors import BrokerFailure
from gui.core.events import format_clock
from gui.core.lockout import LockoutRisk
from gui.core.native_codes import NativeCode, code_of, explain
from gui.core.text_width import pad

if TYPE_CHECKING:
    from gui.core.diagnosis import Step
    from gui.core.errors import InvalidSettings
    from gui.core.events import BrokerEvent
    from gui.core.session import Session

# Control characters would forge lines or drive the terminal (ESC, BEL) in text output.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class CheckOutcome:
    ok: bool
    exit: int
    reason: str
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    cls: str | None = None  # a diagnosis' first failing class
    native_code: str | None = None  # the vendor's own code for the failure, if it gave one
    explanation: NativeCode | None = None
    credential_expires_at: str | None = None  # where the vendor tells (gui/core/credential_expiry)


def escape_controls(text: str) -> str:
    """Line breaks, ESC, BEL and the like as visible escapes: one event, one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def safe_json(payload: Mapping[str, Any]) -> str:
    """JSON that always encodes: lone surrogates (invalid UTF-8 in a value) become escapes."""
    text = json.dumps(payload, ensure_ascii=False, default=str)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Printer:
    """Writes events and the one result line, as aligned text or JSON Lines; thread-safe (the
    bound's watchdog may write the result while the command is still printing)."""

    def __init__(self, out: TextIO, as_json: bool) -> None:
        self.out = out
        self.as_json = as_json
        self.lock = threading.Lock()
        self.done = False
        self.classified = False  # a diagnosis: the result line names the first failing class
        if hasattr(out, "reconfigure"):
            out.reconfigure(encoding="utf-8", errors="backslashreplace")

    def event(self, event: BrokerEvent) -> None:
        known = _explained(event.broker, code_of(event.raw)) if event.raw else None
        if self.as_json:
            payload = event.to_json_dict()
            if known is not None:
                payload["explanation"] = _explanation_json(known)
            self._line(safe_json(payload))
            return
        count = "" if event.count is None else str(event.count)
        line = (
            f"{format_clock(event.time)}  {event.broker:<8} {event.kind_label:<10} "
            f"{pad(escape_controls(event.status), 16)} {escape_controls(event.detail)}"
        )
        if count:
            line += f"  [{count}]"
        if event.level.rank:
            line += f"  ({event.level.value})"
        self._line(line.rstrip())
        if known is not None:
            self._line(f"{'':>23}code {known.code}: {escape_controls(known.summary())}")

    def record(self, payload: Mapping[str, Any], text: str) -> None:
        """One line of a listing: the payload as JSON, or the text (controls escaped)."""
        self._line(safe_json(payload) if self.as_json else escape_controls(text))

    def step(self, step: Step) -> None:
        if self.as_json:
            self._line(safe_json(step.to_json()))
        else:
            for line in step.text().splitlines():
                self._line(escape_controls(line))

    def result(self, outcome: CheckOutcome, session: Session | None = None) -> bool:
        """The last line; False when one was already written."""
        with self.lock:
            if self.done:
                return False
            self.done = True
        if self.as_json:
            payload: dict[str, Any] = {
                "kind": "result",
                "ok": outcome.ok,
                "exit": outcome.exit,
                "reason": outcome.reason,
            }
            if self.classified or outcome.cls:
                payload["class"] = outcome.cls
            if outcome.fields:
                payload["fields"] = outcome.fields
            if outcome.warnings:
                payload["warnings"] = outcome.warnings
            if outcome.credential_expires_at is not None:
                payload["credential_expires_at"] = outcome.credential_expires_at
            if outcome.native_code is not None:
                payload["native_code"] = outcome.native_code
                if outcome.explanation is not None:
                    payload["explanation"] = _explanation_json(outcome.explanation)
            if session is not None and not self.classified:
                payload["context"] = session.context.to_json()
            self._line(safe_json(payload), final=True)
            return True
        verdict = "OK" if outcome.ok else "FAILED"
        named = f"{outcome.cls}: " if outcome.cls else ""
        lines = [f"{verdict} (exit {outcome.exit}): {named}{escape_controls(outcome.reason)}"]
        lines += [f"  warning: {escape_controls(text)}" for text in outcome.warnings]
        lines += [f"  {key}: {escape_controls(msg)}" for key, msg in outcome.fields.items()]
        if outcome.credential_expires_at is not None:
            lines.append(f"  credential expires at: {outcome.credential_expires_at}")
        if outcome.explanation is not None:
            known = outcome.explanation
            lines += [
                f"  native code {known.code} ({escape_controls(known.vendor_text)}): "
                f"{known.meaning}",
                f"  likely cause: {known.cause}",
                f"  what to do: {known.fix}",
            ]
        elif outcome.native_code is not None:
            lines.append(f"  native code {escape_controls(outcome.native_code)} (not explained)")
        for line in lines:
            self._line(line, final=True)
        return True

    def _line(self, text: str, *, final: bool = False) -> None:
        with self.lock:
            if self.done and not final:
                return
            try:
                self.out.write(text + "\n")
                self.out.flush()
            except (BrokenPipeError, ValueError):  # the reader went away (| head)
                pass


def counted(count: int, noun: str) -> str:
    """'1 drop', '2 drops', 'no drop': English plural forms for result lines."""
    if count == 0:
        return f"no {noun}"
    return f"{count} {noun}{'' if count == 1 else 's'}"


def invalid(failure: InvalidSettings) -> CheckOutcome:
    """Invalid input as the result: exit 2, each field named."""
    fields = {key: str(problem) for key, problem in failure.field_errors.items()}
    return CheckOutcome(False, failure.exit_code, failure.title, fields)


def failed(failure: BrokerFailure, broker: str) -> CheckOutcome:
    """A login's failure as the result; a lockout risk names the count and the broker's rule;
    a vendor's code comes with its explanation."""
    fields: dict[str, str] = {}
    if isinstance(failure, LockoutRisk):
        fields = {
            "rejected_in_a_row": str(failure.rejected),
            "lockout_rule": failure.rule.describe(),
        }
    reason = f"{failure.title}: {failure.reason}"
    code = failure.native_code
    return CheckOutcome(
        False,
        failure.exit_code,
        reason,
        fields,
        cls=failure.failure_class.value,
        native_code=code,
        explanation=None if code is None else _explained(broker, code),
    )


def _explained(broker: str, code: str | None) -> NativeCode | None:
    return None if code is None else explain(default_registry(), broker, code)


def _explanation_json(known: NativeCode) -> dict[str, object]:
    return {
        "meaning": known.meaning,
        "cause": known.cause,
        "fix": known.fix,
        "confirmed": known.confirmed,
    }


def with_session_warnings(outcome: CheckOutcome, session: Session) -> CheckOutcome:
    """What the session learnt worth a warning: a login while the venue is closed, the
    credential's expiry (kept in the result) inside its warning window."""
    if session.closed_warning and session.closed_warning not in outcome.warnings:
        outcome.warnings.append(session.closed_warning)
    value = session.info.details.get(CREDENTIAL_EXPIRES)
    when = credential_expiry.parse(value) if value else None
    if when is None:
        return outcome
    outcome.credential_expires_at = when.isoformat()
    text = credential_expiry.warning(when, datetime.now(UTC))
    if text and text not in outcome.warnings:
        outcome.warnings.append(text)
    return outcome


def finish(printer: Printer, outcome: CheckOutcome, session: Session | None = None) -> int:
    """Print the result line; the command's exit code."""
    printer.result(outcome, session)
    return outcome.exit
