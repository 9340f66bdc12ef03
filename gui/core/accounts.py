"""Accounts with their remembered passwords: the settings file and the OS credential store kept
in step, and the hand-over format (an account as JSON, never with a secret).

A password is written to the credential store first and recorded as remembered after, so a
store that refuses leaves nothing behind; forgetting clears the store before the record.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gui.core.errors import BrokerFailure, CredentialStoreError, InvalidSettings
from gui.core.profiles import (
    ENVIRONMENT_KEYS,
    Account,
    AccountError,
    ProfileStore,
    account_name_problem,
    normal_account_name,
)
from gui.core.registry import BrokerSpec, Environment, Registry
from gui.core.vault import Vault, entry_name, how_to_remove

EXPORT_KIND = "broker-console-account"
EXPORT_FORMAT = 1
_MAX_IMPORT_BYTES = 1 << 20
_EXPORT_KEYS = frozenset(
    {"kind", "format", "broker", "name", "environment", "scenario", "login_all", "values"}
)


@dataclass(frozen=True)
class Deleted:
    """What deleting an account did to its remembered passwords."""

    forgotten: list[str]  # environment:field entries removed from the credential store
    left: list[str] = field(default_factory=list)  # store entries that may remain
    store_problem: str = ""  # why the store could not be asked

    @property
    def warning(self) -> str:
        if not self.left:
            return ""
        return (
            f"remembered passwords may remain in the credential store ({self.store_problem}); "
            + how_to_remove(self.left)
        )


class Accounts:
    """Account operations that touch both the settings file and the credential store."""

    def __init__(self, store: ProfileStore, vault: Vault | None = None) -> None:
        self.store = store
        self.vault = vault or Vault()

    def remember(
        self, broker: str, name: str, environment: str, secrets: Mapping[str, str]
    ) -> None:
        """Keep these secrets in the credential store and mark the account as remembering.
        Empty values are not stored (an empty field is one the user did not fill)."""
        filled = {key: value for key, value in secrets.items() if value}
        self.vault.store(broker, environment, name, filled)
        account = self.store.account(broker, name)
        remembered = {env: set(keys) for env, keys in account.remembered.items()}
        remembered.setdefault(environment, set()).update(filled)
        self.store.update_account(broker, name, remember=True, remembered=remembered)

    def start_remembering(self, broker: str, name: str) -> None:
        """Remember the account's passwords from its next login that works: refused (the
        credential store's failure) unless a secure store is there now."""
        self.vault.backend()
        self.store.update_account(broker, name, remember=True)

    def remembered_secrets(
        self, broker: str, name: str, environment: str, skip: Iterable[str] = ()
    ) -> dict[str, str]:
        """The account's remembered secrets for the environment (the store is asked only when
        some are remembered and not in `skip`, e.g. given on the command line)."""
        skipped = set(skip)
        fields = [
            key
            for key in self.store.account(broker, name).remembered.get(environment, ())
            if key not in skipped
        ]
        if not fields:
            return {}
        return self.vault.fetch(broker, environment, name, fields)

    def forget(self, broker: str, name: str) -> list[str]:
        """Forget every remembered secret of the account and stop remembering; returns the
        `environment:field` entries that were forgotten."""
        account = self.store.account(broker, name)
        for environment, fields in account.remembered.items():
            self.vault.forget(broker, environment, name, fields)
        self.store.update_account(broker, name, remember=False, remembered={})
        return [f"{env}:{key}" for env, keys in account.remembered.items() for key in keys]

    def delete(self, broker: str, name: str) -> Deleted:
        """Delete the account and its remembered secrets. Without a usable credential store
        the account is deleted all the same (else it could never be), and `Deleted.warning`
        says which entries may remain in the store and how to remove them."""
        if not self.store.has_account(broker, name):
            raise AccountError(f"{broker} has no account named {name!r}")
        account = self.store.account(broker, name)
        try:
            forgotten = self.forget(broker, name)
        except CredentialStoreError as failure:
            left = [
                entry_name(broker, env, account.name, key)
                for env, keys in account.remembered.items()
                for key in keys
            ]
            self.store.delete_account(broker, name)
            return Deleted([], left, failure.reason)
        self.store.delete_account(broker, name)
        return Deleted(forgotten)

    def rename(self, broker: str, old: str, new: str) -> None:
        """Rename; remembered secrets move to the new name's entries in the store first."""
        old, new = normal_account_name(old), self.store.new_name(broker, new, besides=old)
        account = self.store.account(broker, old)
        for environment, fields in account.remembered.items():
            secrets = self.vault.fetch(broker, environment, old, fields)
            self.vault.store(broker, environment, new, secrets)
        self.store.rename_account(broker, old, new)
        for environment, fields in account.remembered.items():
            self.vault.forget(broker, environment, old, fields)

    # -- hand-over ---------------------------------------------------------------------------

    def export(self, registry: Registry, broker: str, name: str) -> dict[str, Any]:
        """The account as a profile to send to someone: public values only."""
        if not self.store.has_account(broker, name):
            raise AccountError(f"{broker} has no account named {name!r}")
        spec = registry.get(broker)
        account = self.store.account(broker, name)
        values = {}
        for env in ENVIRONMENT_KEYS:
            raw = self.store.raw(broker, env, name)
            if raw:
                values[env] = spec.schema_for(Environment(env), raw).public(raw)
        return {
            "kind": EXPORT_KIND,
            "format": EXPORT_FORMAT,
            "broker": broker,
            "name": name,
            "environment": account.environment,
            "scenario": account.scenario,
            "login_all": account.login_all,
            "values": values,
        }

    def import_(
        self, registry: Registry, text: str, name: str | None = None, *, free_name: bool = False
    ) -> Account:
        """Add the exported account (under `name`, if given); secrets in the file are dropped.
        A name taken (or one that looks the same) is refused, or with `free_name` becomes
        "name (2)", "name (3)" …"""
        profile = parse_export(registry, text)
        broker, chosen = profile["broker"], normal_account_name(name or profile["name"])
        problem = account_name_problem(chosen)
        if problem:
            raise AccountError(problem)
        taken, number = self.store.look_alike(broker, chosen), 2
        while taken and free_name:
            chosen = f"{normal_account_name(name or profile['name'])} ({number})"
            taken, number = self.store.look_alike(broker, chosen), number + 1
        if taken:
            raise AccountError(
                f"{broker} already has an account named {taken!r}: import it under another name"
            )
        entry: dict[str, Any] = {**profile["values"], "login_all": profile["login_all"]}
        if profile["environment"]:
            entry["environment"] = profile["environment"]
        if profile["scenario"]:
            entry["scenario"] = profile["scenario"]
        return self.store.add_account(broker, chosen, entry=entry)


def read_export(path: Path) -> str:
    """An exported account's text. Anything but a readable regular file is refused (a folder,
    a device, a FIFO, which would block a plain open); a file larger than any export is read
    only so far (and then refused by parse_export)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise AccountError(f"{path} cannot be read ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise AccountError(f"{path} is {what}, not an exported account")
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(_MAX_IMPORT_BYTES + 1)
        except OSError as exc:
            raise AccountError(f"{path} cannot be read ({exc.strerror or exc})") from None
    return data.decode("utf-8-sig", errors="replace")


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects whose keys repeat are refused (which value wins is a parser's choice)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise AccountError(f"the file gives {key!r} twice")
        seen[key] = value
    return seen


def parse_export(registry: Registry, text: str) -> dict[str, Any]:
    """An exported account checked field by field, every value through the broker's schema as
    the form and `--set` check it; AccountError says what is wrong, InvalidSettings names each
    value the form would refuse."""
    if len(text) > _MAX_IMPORT_BYTES:
        raise AccountError("the file is larger than any exported account")
    try:
        data = json.loads(text, object_pairs_hook=_refuse_duplicates)
    except AccountError:
        raise
    except (ValueError, RecursionError) as exc:
        raise AccountError(f"the file is not JSON ({str(exc)[:120]})") from None
    if not isinstance(data, dict) or data.get("kind") != EXPORT_KIND:
        raise AccountError("the file is not an account exported by the console")
    if data.get("format") != EXPORT_FORMAT:
        raise AccountError(
            f"the file's format {data.get('format')!r} is not one this version reads"
        )
    unknown = sorted(set(data) - _EXPORT_KEYS)
    if unknown:
        raise AccountError(f"the file holds what an export does not: {', '.join(unknown)}")
    broker = data.get("broker")
    if broker not in registry.ids:
        raise AccountError(f"unknown broker {broker!r}; the brokers are: {', '.join(registry.ids)}")
    name = data.get("name")
    if not isinstance(name, str):
        raise AccountError("the account's name: the name is not text")
    problem = account_name_problem(name)
    if problem:
        raise AccountError(f"the account's name: {problem}")
    environment = data.get("environment", "")
    if environment not in ("", *ENVIRONMENT_KEYS):
        raise AccountError(f"unknown environment {environment!r}")
    spec = registry.get(broker)
    scenario = data.get("scenario", "")
    if not isinstance(scenario, str):
        raise AccountError("the scenario is not text")
    known = [known.id for known in spec.scenarios]
    if scenario and scenario not in known:
        raise AccountError(
            f"unknown scenario {scenario!r}; {broker}'s are: {', '.join(known) or 'none'}"
        )
    login_all = data.get("login_all", False)
    if not isinstance(login_all, bool):
        raise AccountError("login_all is not true or false")
    raw_values = data.get("values", {})
    if not isinstance(raw_values, dict) or set(raw_values) - set(ENVIRONMENT_KEYS):
        raise AccountError("values must be {environment: {field: value}}")
    problems: dict[str, str] = {}
    values = {
        env: _checked_values(spec, Environment(env), fields, problems)
        for env, fields in raw_values.items()
    }
    if problems:
        raise InvalidSettings(problems)
    return {
        "broker": broker,
        "name": normal_account_name(name),
        "environment": environment,
        "scenario": scenario,
        "login_all": login_all,
        "values": values,
    }


def _checked_values(
    spec: BrokerSpec, environment: Environment, fields: Any, problems: dict[str, str]
) -> dict[str, Any]:
    """One environment's public values, each as the form checks it (a blank value is one not
    filled in); problems are added as `environment.field: what is wrong`."""
    where = environment.value
    if not isinstance(fields, dict):
        problems[where] = "not {field: value}"
        return {}
    if spec.preflight is not None:  # vnpy: the gateway must be installed for its fields
        try:
            spec.preflight(environment, fields)
        except BrokerFailure as failure:
            problems[where] = failure.reason
            return {}
    schema = spec.schema_for(environment, fields)
    for key, value in fields.items():
        if key in schema.secret_keys:
            continue  # never imported: a secret has no place in an export
        blank = value is None or (isinstance(value, str) and not value.strip())
        found = None if blank else schema.problems_of(key, value)
        if found is not None:
            problems[f"{where}.{key}"] = str(found)
    return schema.public({key: value for key, value in fields.items() if value is not None})
