"""Named accounts per broker, each with its non-secret form values per environment, as JSON in
the config dir.

Secrets never reach this file: values pass through the schema's `public()` filter first, and a
secret placed in the file by hand is never read back. A file the console cannot read is never
overwritten: it is renamed aside with a timestamp (or, if even that fails, left alone and no
longer written) and `problem` says so, for the window and stderr. Wrong types fall back per key.

The window and CLI commands change the file at the same time: every change takes the file's
lock, re-reads it and applies itself to what is there now (`gui.core.shared_files`), so two
writers never lose each other's change, and a killed writer leaves the old or the new file.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from gui import APP_NAME
from gui.core.schedule import Schedule
from gui.core.schema import Schema
from gui.core.shared_files import SharedFile

log = logging.getLogger(__name__)

CONFIG_DIR_ENV = "BROKER_CONSOLE_CONFIG_DIR"
_FORMAT = 2  # 1 had one unnamed set of values per broker: read as the account "Default"
DEFAULT_ACCOUNT = "Default"
ENVIRONMENT_KEYS = ("simulator", "live")
ACCOUNT_NAME_MAX = 40
# Names go into the OS credential store's entry names (broker:environment:account:field) and
# file names of exports: no separators, no control characters. A name read from the file is
# kept if it passes this much (names saved by earlier versions); new names meet all the rules.
_BAD_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f:/\\]")
# Characters that show nothing, or move or hide others: controls (Cc), format characters (Cf:
# bidi overrides, zero-width space and joiners), line and paragraph separators (Zl, Zp),
# surrogates (Cs) and unassigned code points (Cn).
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})
# Default_Ignorable_Code_Point outside those categories (Unicode's DerivedCoreProperties.txt):
# combining grapheme joiner, Hangul and Mongolian fillers, variation selectors and the like.
_IGNORABLE_RANGES = (
    (0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0x1D173, 0x1D17A),
    (0xE0100, 0xE01EF),
)  # fmt: skip


def _invisible(char: str) -> bool:
    code = ord(char)
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES or any(
        low <= code <= high for low, high in _IGNORABLE_RANGES
    )


def normal_account_name(name: str) -> str:
    """The name as it is kept: Unicode NFC (the same letters typed on another keyboard or
    pasted from another program are the same name)."""
    return unicodedata.normalize("NFC", name)


def account_name_key(name: str) -> str:
    """What a name looks like: compatibility-normalised (NFKC: full-width letters are letters),
    invisible characters removed, every kind of space one space. Two names with the same key
    look alike in the selector and count as the same name."""
    text = unicodedata.normalize("NFKC", name)
    shown = "".join(
        " " if unicodedata.category(char) == "Zs" else char for char in text if not _invisible(char)
    )
    return " ".join(shown.split())


_MAX_FILE_BYTES = 4 << 20  # a settings file this large is not one the console wrote
Scalar = str | int | float | bool


def config_dir() -> Path:
    """Where the app keeps its files; `BROKER_CONSOLE_CONFIG_DIR` overrides (tests, portable)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


class ProfileError(OSError):
    """The settings cannot be written (the file could not be read, and is kept as it is)."""


class AccountError(ValueError):
    """An account operation that cannot be done: no such account, a taken or bad name."""


def account_name_problem(name: str) -> str:
    """Why this cannot be a new account's name; '' when it can."""
    hidden = next((char for char in name if _invisible(char)), None)
    if hidden is not None:
        return (
            f"a name has no invisible or control characters (U+{ord(hidden):04X} "
            f"{unicodedata.name(hidden, 'unnamed')})"
        )
    if not name.strip():
        return "an account needs a name"
    if name != name.strip():
        return "a name does not start or end with spaces"
    if len(name) > ACCOUNT_NAME_MAX:
        return f"a name has at most {ACCOUNT_NAME_MAX} characters"
    if _BAD_NAME.search(name):
        return "a name has no ':', '/', '\\' or control characters"
    return ""


@dataclass(frozen=True)
class Account:
    """One named account of a broker, as saved (no secret ever)."""

    broker: str
    name: str
    environment: str = ""  # the environment last used, '' when never saved
    scenario: str = ""
    remember: bool = False  # remember passwords in the OS credential store
    login_all: bool = False  # logged in by "Log in to all"
    reconnect_choice: bool | None = None  # None: reconnect when it logs in with all
    remembered: dict[str, tuple[str, ...]] = field(default_factory=dict)  # env: secret fields
    schedule: Schedule = field(default_factory=Schedule)  # scheduled logins (gui/core/schedule)

    @property
    def reconnect(self) -> bool:
        """Log in again after a drop: opt-in, on by default for "Log in with all" accounts."""
        return self.login_all if self.reconnect_choice is None else self.reconnect_choice

    @property
    def has_remembered(self) -> bool:
        return any(self.remembered.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "broker": self.broker,
            "name": self.name,
            "environment": self.environment,
            "scenario": self.scenario,
            "remember": self.remember,
            "remembered": {env: list(keys) for env, keys in self.remembered.items() if keys},
            "login_all": self.login_all,
            "reconnect": self.reconnect,
            "schedule": self.schedule.to_json(),
        }


def _account(broker: str, name: str, entry: dict[str, Any]) -> Account:
    remembered = entry.get("remembered")
    return Account(
        broker,
        name,
        environment=entry["environment"] if entry.get("environment") in ENVIRONMENT_KEYS else "",
        scenario=entry["scenario"] if isinstance(entry.get("scenario"), str) else "",
        remember=entry.get("remember") is True,
        login_all=entry.get("login_all") is True,
        reconnect_choice=entry["reconnect"] if isinstance(entry.get("reconnect"), bool) else None,
        schedule=Schedule.from_json(entry.get("schedule")),
        remembered={
            env: tuple(str(key) for key in keys if isinstance(key, str))
            for env, keys in (remembered.items() if isinstance(remembered, dict) else ())
            if env in ENVIRONMENT_KEYS and isinstance(keys, list)
        },
    )


def _accounts_of(entry: Any) -> dict[str, dict[str, Any]]:
    """A broker's accounts; a format-1 entry (values straight under the broker) is "Default"."""
    if not isinstance(entry, dict):
        return {}
    accounts = entry.get("accounts")
    if isinstance(accounts, dict):
        return {
            str(name): value
            for name, value in accounts.items()
            if isinstance(value, dict) and _kept_name(str(name))
        }
    legacy = {
        key: entry[key] for key in ("environment", "scenario", *ENVIRONMENT_KEYS) if key in entry
    }
    return {DEFAULT_ACCOUNT: legacy} if legacy else {}


def _kept_name(name: str) -> bool:
    """A name read from the file is used if it can name a credential-store entry."""
    return bool(name.strip()) and len(name) <= ACCOUNT_NAME_MAX and not _BAD_NAME.search(name)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM) or UTF-16 with its BOM: what editors save."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _scalars(values: Any) -> dict[str, Scalar]:
    """Only plain values survive; anything else (a list, an object) falls back to the default."""
    if not isinstance(values, dict):
        return {}
    return {str(key): value for key, value in values.items() if isinstance(value, Scalar)}


class ProfileStore:
    """profiles.json: {"format": 2, "options": {...}, "brokers": {id: {"account": last used,
    "accounts": {name: {"environment", "scenario", "remember", "remembered", "login_all",
    "reconnect", "schedule", environment: values}}}}}."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or config_dir()) / "profiles.json"
        self.problem = ""  # why the file could not be used, once it was found out
        self._writable = True
        self._file = SharedFile(self.path)

    def check(self) -> str:
        """Read the file now (at start-up): '' when it is fine or absent, else the problem."""
        self._read()
        return self.problem

    def _read(self) -> dict[str, Any]:
        if not self._writable:
            return _empty()
        data = self._load()
        if isinstance(data, dict):
            return data
        try:  # set aside under the lock: another writer may be replacing the file right now
            with self._file.locked():
                data = self._load()
                if isinstance(data, dict):
                    return data
                return self._set_aside(data)
        except OSError as exc:
            return self._keep_away(f"{data}, and the lock to set it aside failed ({exc})")

    def _load(self) -> dict[str, Any] | str:
        """The file's settings, or why it must be set aside (a file we cannot even read is
        kept away from at once)."""
        try:
            if self.path.stat().st_size > _MAX_FILE_BYTES:
                return "it is larger than any settings file"
            data = json.loads(_decode(self.path.read_bytes()))
        except FileNotFoundError:
            return _empty()
        except PermissionError as exc:
            return self._keep_away(f"it cannot be read ({exc.strerror})")
        except (ValueError, UnicodeError, RecursionError) as exc:
            return f"it is not valid JSON ({str(exc)[:120]})"
        except OSError as exc:
            return self._keep_away(f"it cannot be read ({exc})")
        if not isinstance(data, dict) or not isinstance(data.get("brokers"), dict):
            return "it does not hold the console's settings"
        return data

    def _set_aside(self, reason: str) -> dict[str, Any]:
        aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError:
            return self._keep_away(reason)
        self.problem = (
            f"The saved settings {self.path} could not be used: {reason}. The file was kept as "
            f"{aside.name}; the console starts from default values."
        )
        log.warning("%s", self.problem)
        return _empty()

    def _keep_away(self, reason: str) -> dict[str, Any]:
        """Neither readable nor movable: never touch it again in this run."""
        self._writable = False
        self.problem = (
            f"The saved settings {self.path} could not be used: {reason}. It is left as it is "
            "and nothing will be saved until it is fixed."
        )
        log.warning("%s", self.problem)
        return _empty()

    # -- reading ---------------------------------------------------------------------------

    def accounts(self, broker: str) -> list[Account]:
        """The broker's accounts, in the order they were made."""
        entries = _accounts_of(self._read()["brokers"].get(broker))
        return [_account(broker, name, entry) for name, entry in entries.items()]

    def current_account(self, broker: str) -> str:
        """The account last used on the broker (the first one, or "Default", if none is)."""
        entry = self._read()["brokers"].get(broker)
        names = list(_accounts_of(entry))
        chosen = entry.get("account") if isinstance(entry, dict) else None
        if chosen in names:
            return str(chosen)
        return names[0] if names else DEFAULT_ACCOUNT

    def account(self, broker: str, name: str | None = None) -> Account:
        """One account as saved; an account never saved has default settings."""
        name = normal_account_name(name) if name else self.current_account(broker)
        entry = _accounts_of(self._read()["brokers"].get(broker)).get(name)
        return _account(broker, name, entry or {})

    def has_account(self, broker: str, name: str) -> bool:
        return normal_account_name(name) in _accounts_of(self._read()["brokers"].get(broker))

    def new_name(self, broker: str, name: str, besides: str = "") -> str:
        """`name` as a new account of the broker would be kept (NFC), or AccountError: a bad
        name, or one taken by another account (`besides`: the one being renamed)."""
        name = self._check_name(name)
        taken = self.look_alike(broker, name, besides=normal_account_name(besides))
        if taken:
            raise AccountError(f"{broker} already has an account named {taken!r}")
        return name

    def look_alike(self, broker: str, name: str, besides: str = "") -> str:
        """The broker's account (other than `besides`) whose name looks like `name`; ''."""
        return _look_alike(_accounts_of(self._read()["brokers"].get(broker)), name, besides)

    def broker(self, broker: str, account: str | None = None) -> dict[str, Any]:
        """The account's last environment and scenario (only those that were saved)."""
        saved = self.account(broker, account)
        return {
            key: value
            for key, value in (("environment", saved.environment), ("scenario", saved.scenario))
            if value
        }

    def raw(self, broker: str, environment: str, account: str | None = None) -> dict[str, Scalar]:
        """Everything plain saved for the environment; filter it with a schema before use."""
        name = normal_account_name(account) if account else self.current_account(broker)
        entry = _accounts_of(self._read()["brokers"].get(broker)).get(name)
        return _scalars(entry.get(environment)) if entry else {}

    def values(
        self, broker: str, environment: str, schema: Schema, account: str | None = None
    ) -> dict[str, Any]:
        """Saved values that still belong to the schema (secrets dropped if a file has any)."""
        return schema.public(self.raw(broker, environment, account))

    def option(self, key: str) -> Scalar | None:
        """An application-wide setting (e.g. log in to all at start-up)."""
        options = self._read().get("options")
        value = options.get(key) if isinstance(options, dict) else None
        return value if isinstance(value, Scalar) else None

    # -- writing ---------------------------------------------------------------------------

    def save(
        self,
        broker: str,
        environment: str,
        schema: Schema,
        values: dict[str, Any],
        *,
        scenario: str | None = None,
        account: str | None = None,
    ) -> None:
        """The account's public values for the environment; it becomes the one last used."""

        def change(accounts: dict[str, dict[str, Any]], name: str) -> None:
            entry = accounts.setdefault(name, {})
            entry[environment] = schema.public(values)
            entry["environment"] = environment
            if scenario is not None:
                entry["scenario"] = scenario

        self._change(broker, account, change, select=True)

    def update_account(self, broker: str, name: str, **settings: Any) -> None:
        """Set remember / login_all / reconnect / remembered ({environment: [fields]}) /
        schedule (a Schedule)."""
        unknown = set(settings) - {"remember", "login_all", "reconnect", "remembered", "schedule"}
        if unknown:
            raise TypeError(f"not an account setting: {', '.join(sorted(unknown))}")

        def change(accounts: dict[str, dict[str, Any]], name: str) -> None:
            entry = accounts.setdefault(name, {})
            for key, value in settings.items():
                if key == "remembered":
                    value = {env: sorted(keys) for env, keys in value.items() if keys}
                elif key == "schedule":
                    value = value.to_json()
                entry[key] = value

        self._change(broker, name, change)

    def login_all_accounts(self, brokers: Iterable[str]) -> dict[str, str]:
        """{broker: account} that File → Log in to all logs in: the one marked per broker."""
        return {
            broker: account.name
            for broker in brokers
            for account in self.accounts(broker)
            if account.login_all
        }

    def mark_login_all(self, broker: str, name: str, on: bool) -> None:
        """Mark (or unmark) the account that "Log in to all" logs in: one per broker, so
        marking one unmarks the others, in one change of the file."""
        name = normal_account_name(name)

        def change(accounts: dict[str, dict[str, Any]], _name: str) -> None:
            if on:
                for other, entry in accounts.items():
                    if other != name and entry.get("login_all") is True:
                        entry["login_all"] = False
            accounts.setdefault(name, {})["login_all"] = on

        self._change(broker, name, change)

    def select_account(self, broker: str, name: str) -> None:
        self._change(broker, name, lambda accounts, name: accounts.setdefault(name, {}), True)

    def add_account(
        self,
        broker: str,
        name: str,
        *,
        copy_of: str | None = None,
        entry: dict[str, Any] | None = None,
    ) -> Account:
        """A new account, empty, a copy of another's values (never its passwords), or from an
        imported entry; it becomes the one last used."""
        name = self._check_name(name)

        def change(accounts: dict[str, dict[str, Any]], _name: str) -> None:
            if name in accounts:
                raise AccountError(f"{broker} already has an account named {name!r}")
            source = dict(entry or (accounts.get(copy_of, {}) if copy_of else {}))
            for key in ("remember", "remembered"):  # passwords are not copied
                source.pop(key, None)
            if entry is None:  # one account per broker logs in with all: not the copy too,
                source.pop("login_all", None)  # nor at the scheduled times of the original
                source.pop("schedule", None)
            elif source.get("login_all") is True:  # an imported account marked: the new one
                for other in accounts.values():
                    if other.get("login_all") is True:
                        other["login_all"] = False
            accounts[name] = source

        self._change(broker, name, change, select=True)
        return self.account(broker, name)

    def rename_account(self, broker: str, old: str, new: str) -> None:
        old, new = normal_account_name(old), self._check_name(new)

        def change(accounts: dict[str, dict[str, Any]], _name: str) -> None:
            if old not in accounts:
                raise AccountError(f"{broker} has no account named {old!r}")
            if new in accounts:
                raise AccountError(f"{broker} already has an account named {new!r}")
            renamed = {(new if key == old else key): value for key, value in accounts.items()}
            accounts.clear()
            accounts.update(renamed)

        self._change(broker, new, change)  # the last used one, if it was, under its new name

    def delete_account(self, broker: str, name: str) -> None:
        name = normal_account_name(name)

        def change(accounts: dict[str, dict[str, Any]], _name: str) -> None:
            if accounts.pop(name, None) is None:
                raise AccountError(f"{broker} has no account named {name!r}")

        self._change(broker, name, change)

    def set_option(self, key: str, value: Scalar) -> None:
        def change(data: dict[str, Any]) -> None:
            options = data.get("options")
            if not isinstance(options, dict):
                options = data["options"] = {}
            options[key] = value

        self._update(change)

    def _check_name(self, name: str) -> str:
        """The name as kept, or AccountError saying why it cannot be one."""
        name = normal_account_name(name)
        problem = account_name_problem(name)
        if problem:
            raise AccountError(problem)
        return name

    def _change(
        self,
        broker: str,
        account: str | None,
        change: Callable[[dict[str, dict[str, Any]], str], object],
        select: bool = False,
    ) -> None:
        """Turn the broker's entry (as it is now) into the current format, apply `change` to
        its accounts; the account changed becomes the one last used if `select`, or if the
        last used one is gone."""

        def change_broker(data: dict[str, Any]) -> None:
            entry = data["brokers"].get(broker)
            accounts = _accounts_of(entry)
            before = set(accounts)
            current = entry.get("account") if isinstance(entry, dict) else None
            name = normal_account_name(account) if account else None
            name = name or (current if current in accounts else None)
            name = name or next(iter(accounts), DEFAULT_ACCOUNT)
            change(accounts, name)
            for made in set(accounts) - before:  # a new name, however it came
                problem = account_name_problem(made)
                if problem:
                    raise AccountError(problem)
                other = _look_alike(accounts, made, besides=made)
                if other:
                    raise AccountError(
                        f"{broker} already has an account named {other!r}, which looks the "
                        f"same as {made!r}"
                    )
            if select or current not in accounts:
                current = name if name in accounts else next(iter(accounts), None)
            new_entry: dict[str, Any] = {"accounts": accounts}
            if current is not None:
                new_entry["account"] = current
            data["brokers"][broker] = new_entry

        self._update(change_broker)

    def _update(self, change: Callable[[dict[str, Any]], object]) -> None:
        """The one way to change the file: under its lock, re-read, change what is there now,
        replace the file whole."""
        if not self._writable:
            raise ProfileError(self.problem)
        with self._file.locked():
            data = self._read()
            if not self._writable:
                raise ProfileError(self.problem)
            change(data)
            data["format"] = _FORMAT
            text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
            self._file.replace(text.encode("utf-8"))


def _look_alike(accounts: dict[str, Any], name: str, besides: str = "") -> str:
    key = account_name_key(name)
    return next(
        (other for other in accounts if other != besides and account_name_key(other) == key), ""
    )


def _empty() -> dict[str, Any]:
    return {"format": _FORMAT, "brokers": {}}
