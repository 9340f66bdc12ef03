"""What every command prints: events and listings as aligned text or JSON Lines, and the one
result line with its documented exit code (see the CLI contract in docs/ARCHITECTURE.md)."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from gui.core.errors import BrokerFailure
from gui.core.events import format_clock
from gui.core.lockout import LockoutRisk
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

        if self.as_json:
            self._line(safe_json(event.to_json_dict()))
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
            if self.classified:
                payload["class"] = outcome.cls
            if outcome.fields:
                payload["fields"] = outcome.fields
            if outcome.warnings:
                payload["warnings"] = outcome.warnings
            if session is not None and not self.classified:
                payload["context"] = session.context.to_json()
            self._line(safe_json(payload), final=True)
            return True
        verdict = "OK" if outcome.ok else "FAILED"
        named = f"{outcome.cls}: " if outcome.cls else ""
        lines = [f"{verdict} (exit {outcome.exit}): {named}{escape_controls(outcome.reason)}"]
        lines += [f"  warning: {escape_controls(text)}" for text in outcome.warnings]
        lines += [f"  {key}: {escape_controls(msg)}" for key, msg in outcome.fields.items()]
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


def failed(failure: BrokerFailure) -> CheckOutcome:
    """A login's failure as the result; a lockout risk names the count and the broker's rule."""
    fields: dict[str, str] = {}
    if isinstance(failure, LockoutRisk):
        fields = {
            "rejected_in_a_row": str(failure.rejected),
            "lockout_rule": failure.rule.describe(),
        }
    reason = f"{failure.title}: {failure.reason}"
    return CheckOutcome(False, failure.exit_code, reason, fields)


def finish(printer: Printer, outcome: CheckOutcome, session: Session | None = None) -> int:
    """Print the result line; the command's exit code."""
    printer.result(outcome, session)
    return outcome.exit
