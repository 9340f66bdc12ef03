"""Typed failures a driver or the session raises; each maps to one CLI exit code.

Messages are meant for the trader and desk support: they say what happened and what to do,
and never carry a secret.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from gui.core.failure_class import FailureClass


class BrokerFailure(Exception):
    """Base of every failure a login can end with. `failure_class` says where it broke (each
    type has its own; a driver that knows better, e.g. the connection was refused, says so)."""

    exit_code = 1
    title = "Unexpected error"
    failure_class = FailureClass.SDK_MISMATCH  # the driver or its SDK failed in a way of its own

    def __init__(
        self,
        reason: str,
        failure_class: FailureClass | None = None,
        *,
        native_code: str | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        # The vendor's own code for it (gui/core/native_codes.py), when the vendor gave one.
        self.native_code = native_code
        if failure_class is not None:
            self.failure_class = failure_class

    def mask(self, redact: Callable[[str], str]) -> BrokerFailure:
        """The same failure with secrets masked out of its reason (vendors' text included)."""
        self.reason = redact(self.reason)
        self.args = (self.reason,)
        return self


class InvalidSettings(BrokerFailure):
    """The settings do not satisfy the broker's schema; nothing was sent to the broker."""

    exit_code = 2
    title = "Invalid settings"

    def __init__(self, field_errors: Mapping[str, str]) -> None:
        self.field_errors = dict(field_errors)
        super().__init__("; ".join(f"{key}: {msg}" for key, msg in self.field_errors.items()))


class ConnectFailed(BrokerFailure):
    """The broker could not be reached (network, TLS, server refused)."""

    exit_code = 3
    title = "Could not connect"
    failure_class = FailureClass.NO_ANSWER


class SdkUnavailable(ConnectFailed):
    """The vendor SDK is missing, incomplete or fails to load; or the driver does not exist yet."""

    title = "Broker SDK unavailable"
    failure_class = FailureClass.SDK_MISSING


class SdkMismatch(SdkUnavailable):
    """The vendor SDK is there but does not load: its files are damaged or from different
    versions, or built for another platform or runtime."""

    title = "Broker SDK does not load"
    failure_class = FailureClass.SDK_MISMATCH


class LoginRejected(BrokerFailure):
    """The broker answered and refused the credentials."""

    exit_code = 4
    title = "Login rejected"
    failure_class = FailureClass.LOGIN_REJECTED


class LoginTimeout(BrokerFailure):
    """No answer from the broker within the bound."""

    exit_code = 5
    title = "Timed out"
    failure_class = FailureClass.NO_ANSWER


class BrokerError(BrokerFailure):
    """The broker answered but could not serve the login now: rate limited, an internal error,
    an answer the console cannot read. Not the network, not the credentials: try again later."""

    exit_code = 6
    title = "Broker error"
    failure_class = FailureClass.HTTP_ERROR


class DriverCrashed(ConnectFailed):
    """The driver's process died (a signal, an abort, an exit) before the login ended."""

    title = "Driver process crashed"
    failure_class = FailureClass.SDK_MISMATCH


class WorkerFailed(ConnectFailed):
    """The console could not start the process a login runs in (its program missing or not
    executable, no memory or processes left): the console's install, not the broker's SDK."""

    title = "Driver process could not start"
    failure_class = FailureClass.WORKER_FAILED


class CredentialStoreError(BrokerFailure):
    """Remembering, reading or forgetting a password failed: no secure OS credential store,
    a locked one, or one that refused. Nothing was written anywhere else instead."""

    exit_code = 3
    title = "Credential store unavailable"


FAILURE_TYPES: dict[str, type[BrokerFailure]] = {
    cls.__name__: cls
    for cls in (
        BrokerFailure,
        ConnectFailed,
        SdkUnavailable,
        SdkMismatch,
        LoginRejected,
        LoginTimeout,
        BrokerError,
        DriverCrashed,
        WorkerFailed,
    )
}


def failure_to_wire(failure: BrokerFailure) -> dict[str, object]:
    """A failure as plain data, for the worker pipe (InvalidSettings never crosses it)."""
    wire: dict[str, object] = {
        "type": type(failure).__name__,
        "reason": failure.reason,
        "class": failure.failure_class.value,
    }
    if failure.native_code is not None:
        wire["native_code"] = failure.native_code
    return wire


def failure_from_wire(data: object) -> BrokerFailure:
    """The typed failure back; anything unreadable is an unexpected error, never a crash."""
    if not isinstance(data, dict):
        return BrokerFailure(f"unreadable failure from the driver process: {data!r:.200}")
    cls = FAILURE_TYPES.get(str(data.get("type")), BrokerFailure)
    known = {member.value: member for member in FailureClass}
    failure = cls(str(data.get("reason", "")), known.get(str(data.get("class"))))
    code = data.get("native_code")
    failure.native_code = None if code is None else str(code)
    return failure
