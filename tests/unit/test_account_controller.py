"""The account controller without Qt: what a broker tab asks about its accounts. Adding,
renaming and deleting with the remembered passwords (the real Secret Service), the one account
per broker that logs in with all, and the values a form starts from."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from gui.brokers import default_registry
from gui.core.account_controller import AccountController
from gui.core.profiles import AccountError, ProfileStore
from gui.core.registry import Environment

LIVE = Environment.LIVE


def controller(config: Path) -> AccountController:
    return AccountController(default_registry().get("kgi"), ProfileStore(config))


def saving(accounts: AccountController, saved: list[str]):  # type: ignore[no-untyped-def]
    """What the tab does before another account is shown: the current one's form is saved."""
    simulator = Environment.SIMULATOR

    def save() -> None:
        saved.append(accounts.name)
        values = accounts.saved_values(simulator)
        accounts.save(simulator, accounts.spec.schema_for(simulator, values), values, "normal")

    return save


def test_accounts_are_added_renamed_and_deleted_with_their_passwords(
    config_dir: Path, secret_service: object
) -> None:
    accounts = controller(config_dir)
    saved: list[str] = []
    assert accounts.names() == ["Default"] and not accounts.flags().can_delete
    accounts.add("Night desk", copy=False, save_current=saving(accounts, saved))
    assert saved == ["Default"]  # the account left was saved first
    assert accounts.name == "Night desk" and accounts.names() == ["Default", "Night desk"]
    assert accounts.flags().can_delete and not accounts.flags().can_forget

    asyncio.run(accounts.start_remembering())
    remember = accounts.rememberer(LIVE)
    assert remember is not None and accounts.flags().can_forget
    remember({"password": "s3cret-night"})  # what a login that worked keeps
    assert accounts.has_remembered(LIVE) and not accounts.has_remembered(Environment.SIMULATOR)

    with pytest.raises(AccountError):
        accounts.checked_new_name("Default")  # taken
    asyncio.run(accounts.rename(accounts.checked_new_name("Night")))
    assert accounts.name == "Night" and accounts.names() == ["Default", "Night"]
    found = asyncio.run(accounts.remembered(LIVE, filled=()))
    assert found == {"password": "s3cret-night"}  # the passwords moved with the name
    assert asyncio.run(accounts.remembered(LIVE, filled=("password",))) == {}  # typed: kept

    deleted = asyncio.run(accounts.delete())
    assert not deleted.warning
    assert accounts.name == "Default" and accounts.names() == ["Default"]
    again = controller(config_dir)  # what another window or the CLI reads
    assert again.name == "Default" and again.names() == ["Default"]


def test_a_refused_name_changes_nothing(config_dir: Path) -> None:
    accounts = controller(config_dir)
    saved: list[str] = []
    with pytest.raises(AccountError):
        accounts.add("  ", copy=False, save_current=lambda: saved.append("saved"))
    assert saved == [] and accounts.names() == ["Default"] and accounts.name == "Default"


def test_one_account_per_broker_logs_in_with_all(config_dir: Path) -> None:
    accounts = controller(config_dir)
    accounts.set_login_all(True)
    assert accounts.flags().login_all and accounts.flags().reconnect  # reconnect follows it
    accounts.add("Second", copy=True, save_current=saving(accounts, []))
    assert not accounts.flags().login_all  # a copy does not take the mark (it did: two)
    accounts.set_login_all(True)
    accounts.select("Default")
    assert not accounts.flags().login_all  # marking the second unmarked the first
    accounts.set_reconnect(False)
    assert not accounts.flags().reconnect


def test_a_form_starts_from_defaults_then_what_was_saved(config_dir: Path) -> None:
    accounts = controller(config_dir)
    spec = accounts.spec
    assert accounts.saved_values(Environment.SIMULATOR)["host"] == "127.0.0.1"
    schema = spec.schema_for(LIVE, {})
    values = {**accounts.saved_values(LIVE), "host": "trade.example.com", "password": "x1"}
    accounts.save(LIVE, schema, values, "normal")
    shown = controller(config_dir).saved_values(LIVE)
    assert shown["host"] == "trade.example.com"
    assert shown.get("password", "") == ""  # never a secret in the file
