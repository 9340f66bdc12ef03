"""Accounts with their remembered passwords: the settings file and the OS credential store kept
in step, and the hand-over format (an account as JSON, never with a secret).

A password is written to the credential store first and recorded as remembered after, so a
store that refuses leaves nothing behind; forgetting clears the store before the record.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from gui.core.profiles import (
    ENVIRONMENT_KEYS,
    Account,
    AccountError,
    ProfileStore,
    account_name_problem,
)
from gui.core.registry import Environment, Registry
from gui.core.vault import Vault

EXPORT_KIND = "broker-console-account"
EXPORT_FORMAT = 1
_MAX_IMPORT_BYTES = 1 << 20


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

    def delete(self, broker: str, name: str) -> list[str]:
        """Delete the account and its remembered secrets."""
        if not self.store.has_account(broker, name):
            raise AccountError(f"{broker} has no account named {name!r}")
        forgotten = self.forget(broker, name)
        self.store.delete_account(broker, name)
        return forgotten

    def rename(self, broker: str, old: str, new: str) -> None:
        """Rename; remembered secrets move to the new name's entries in the store first."""
        problem = account_name_problem(new)
        if problem:
            raise AccountError(problem)
        if self.store.has_account(broker, new):
            raise AccountError(f"{broker} already has an account named {new!r}")
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

    def import_(self, registry: Registry, text: str, name: str | None = None) -> Account:
        """Add the exported account (under `name`, if given); secrets in the file are dropped."""
        profile = parse_export(registry, text)
        chosen = name or profile["name"]
        if self.store.has_account(profile["broker"], chosen):
            raise AccountError(
                f"{profile['broker']} already has an account named {chosen!r}: import it under "
                "another name"
            )
        entry: dict[str, Any] = {**profile["values"], "login_all": profile["login_all"]}
        if profile["environment"]:
            entry["environment"] = profile["environment"]
        if profile["scenario"]:
            entry["scenario"] = profile["scenario"]
        return self.store.add_account(profile["broker"], chosen, entry=entry)


def read_export(path: Path) -> str:
    """An exported account's text; a file larger than any export is read only so far (and
    then refused by parse_export)."""
    with path.open("rb") as handle:
        data = handle.read(_MAX_IMPORT_BYTES + 1)
    return data.decode("utf-8-sig", errors="replace")


def parse_export(registry: Registry, text: str) -> dict[str, Any]:
    """An exported account checked field by field; AccountError says what is wrong."""
    if len(text) > _MAX_IMPORT_BYTES:
        raise AccountError("the file is larger than any exported account")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise AccountError(f"the file is not JSON ({str(exc)[:120]})") from None
    if not isinstance(data, dict) or data.get("kind") != EXPORT_KIND:
        raise AccountError("the file is not an account exported by the console")
    if data.get("format") != EXPORT_FORMAT:
        raise AccountError(
            f"the file's format {data.get('format')!r} is not one this version reads"
        )
    broker = data.get("broker")
    if broker not in registry.ids:
        raise AccountError(f"unknown broker {broker!r}; the brokers are: {', '.join(registry.ids)}")
    name = data.get("name")
    problem = "the name is not text" if not isinstance(name, str) else account_name_problem(name)
    if problem:
        raise AccountError(f"the account's name: {problem}")
    environment = data.get("environment", "")
    if environment not in ("", *ENVIRONMENT_KEYS):
        raise AccountError(f"unknown environment {environment!r}")
    scenario = data.get("scenario", "")
    if not isinstance(scenario, str):
        raise AccountError("the scenario is not text")
    spec = registry.get(broker)
    raw_values = data.get("values", {})
    if not isinstance(raw_values, dict) or set(raw_values) - set(ENVIRONMENT_KEYS):
        raise AccountError("values must be {environment: {field: value}}")
    values: dict[str, dict[str, Any]] = {}
    for env, fields in raw_values.items():
        if not isinstance(fields, dict):
            raise AccountError(f"values of {env} are not {{field: value}}")
        plain = {
            str(key): value
            for key, value in fields.items()
            if isinstance(value, str | int | float | bool)
        }
        values[env] = spec.schema_for(Environment(env), plain).public(plain)
    return {
        "broker": broker,
        "name": name,
        "environment": environment,
        "scenario": scenario,
        "login_all": data.get("login_all") is True,
        "values": values,
    }
