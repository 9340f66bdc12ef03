"""Remembered passwords, kept only in the operating system's credential store.

`keyring` takes whatever backend it finds, plaintext files (keyrings.alt) and the null backend
included. The console accepts only stores that encrypt at rest and unlock with the user's
login: Windows Credential Manager, the macOS Keychain, the Secret Service (GNOME Keyring,
KeePassXC) and KWallet. With none of them the answer is a clear refusal, never a fallback.

Each secret is one entry: service `SERVICE`, user name `broker:environment:account:field`.
Calls may block (a D-Bus round trip, an unlock prompt): callers run them off the GUI thread.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from gui import APP_TITLE
from gui.core.errors import CredentialStoreError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

SERVICE = APP_TITLE
# (module, class) of every backend that keeps secrets encrypted under the user's login.
SECURE_BACKENDS = (
    ("keyring.backends.Windows", "WinVaultKeyring"),
    ("keyring.backends.macOS", "Keyring"),
    ("keyring.backends.SecretService", "Keyring"),
    ("keyring.backends.libsecret", "Keyring"),
    ("keyring.backends.kwallet", "DBusKeyring"),
)
HIDDEN_IMPORTS = tuple(module for module, _ in SECURE_BACKENDS)  # for the packaged build


def entry_name(broker: str, environment: str, account: str, field: str) -> str:
    """The user name of one secret in the store: broker:environment:account:field."""
    return f"{broker}:{environment}:{account}:{field}"


def how_to_remove(entries: Iterable[str]) -> str:
    """How a user removes these entries by hand, on this platform."""
    names = ", ".join(entries)
    if sys.platform == "win32":
        return (
            f"remove them in Control Panel → Credential Manager → Windows Credentials "
            f"(entries {names} of {SERVICE!r})"
        )
    if sys.platform == "darwin":
        return f"remove them in Keychain Access (service {SERVICE!r}, accounts {names})"
    commands = "; ".join(
        f"secret-tool clear service {SERVICE!r} username {entry!r}" for entry in entries
    )
    return f"remove them once the Secret Service runs: {commands}"


def _how_to_get_one() -> str:
    if sys.platform == "win32":
        return "Windows Credential Manager is not reachable in this session."
    if sys.platform == "darwin":
        return "The macOS Keychain is not reachable: log in to the desktop session first."
    return (
        "No Secret Service is running in this session: install GNOME Keyring "
        "(Debian/Ubuntu: apt install gnome-keyring) or KWallet or KeePassXC with its Secret "
        "Service enabled, log in to a desktop session that starts it, and unlock it."
    )


def no_secure_store_message(detail: str = "") -> str:
    """Why nothing can be remembered here, and what to install or unlock."""
    plain = ""
    if importlib.util.find_spec("keyrings") is not None:
        plain = " The plaintext keyrings.alt backends installed here are never used."
    found = f" ({detail})" if detail else ""
    return (
        f"Passwords cannot be remembered on this computer{found}. {_how_to_get_one()}{plain} "
        "Nothing was saved: type the password at each login until then."
    )


def secure_backend() -> KeyringBackend:
    """The first secure store that works in this session, checked anew each time (a keyring
    unlocked or started later is found)."""
    reasons: list[str] = []
    for module_name, class_name in SECURE_BACKENDS:
        try:
            module = importlib.import_module(module_name)
            backend_class = getattr(module, class_name)
            if not backend_class.viable:
                continue
            backend: KeyringBackend = backend_class()
        except Exception as exc:  # a backend that fails to load is one we cannot use
            reasons.append(f"{module_name.rsplit('.', 1)[-1]}: {exc}")
            continue
        # What the store shows as the owner of the entries (the backends that have one).
        setattr(backend, "appid", APP_TITLE)  # noqa: B010
        return backend
    raise CredentialStoreError(no_secure_store_message("; ".join(reasons[:2])))


def _store_error(action: str, exc: Exception) -> CredentialStoreError:
    from keyring.errors import KeyringLocked

    if isinstance(exc, KeyringLocked):
        return CredentialStoreError(
            f"The credential store is locked, so the password could not be {action}: unlock it "
            "(your desktop's Passwords and Keys, or log in again) and try again."
        )
    return CredentialStoreError(
        f"The credential store refused, so the password could not be {action}: "
        f"{type(exc).__name__}: {str(exc)[:200]}"
    )


class Vault:
    """Store, fetch and forget an account's secrets; every failure is a CredentialStoreError."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    def backend(self) -> KeyringBackend:
        return self._backend or secure_backend()

    @property
    def name(self) -> str:
        """Which store is used (for messages and the support bundle); '' when none."""
        try:
            backend = self.backend()
        except CredentialStoreError:
            return ""
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def store(
        self, broker: str, environment: str, account: str, secrets: Mapping[str, str]
    ) -> None:
        backend = self.backend()
        for field, value in secrets.items():
            try:
                backend.set_password(
                    SERVICE, entry_name(broker, environment, account, field), value
                )
            except Exception as exc:
                raise _store_error("remembered", exc) from None

    def fetch(
        self, broker: str, environment: str, account: str, fields: Iterable[str]
    ) -> dict[str, str]:
        """The remembered secrets among these fields (a field with none is left out)."""
        backend = self.backend()
        found: dict[str, str] = {}
        for field in fields:
            try:
                value = backend.get_password(
                    SERVICE, entry_name(broker, environment, account, field)
                )
            except Exception as exc:
                raise _store_error("read", exc) from None
            if value is not None:
                found[field] = value
        return found

    def forget(self, broker: str, environment: str, account: str, fields: Iterable[str]) -> None:
        from keyring.errors import PasswordDeleteError

        backend = self.backend()
        for field in fields:
            try:
                backend.delete_password(SERVICE, entry_name(broker, environment, account, field))
            except PasswordDeleteError:  # already gone
                continue
            except Exception as exc:
                raise _store_error("forgotten", exc) from None
