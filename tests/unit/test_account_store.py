"""Accounts in the settings file: the old one-set-per-broker file read as "Default", add,
duplicate, rename and delete, names that cannot be used, and no credential store refusal
turned into a fallback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.brokers import kgi
from gui.core.errors import CredentialStoreError
from gui.core.profiles import AccountError, ProfileStore
from gui.core.vault import Vault, secure_backend


def test_a_format_1_file_is_the_account_default(tmp_path: Path) -> None:
    (tmp_path / "profiles.json").write_text(
        json.dumps(
            {
                "format": 1,
                "brokers": {"kgi": {"environment": "live", "live": {"host": "a.example"}}},
            }
        )
    )
    store = ProfileStore(tmp_path)
    assert [a.name for a in store.accounts("kgi")] == ["Default"]
    assert store.current_account("kgi") == "Default"
    assert store.values("kgi", "live", kgi.SCHEMA) == {"host": "a.example"}
    store.add_account("kgi", "Hedge", copy_of="Default")
    saved = json.loads((tmp_path / "profiles.json").read_text())
    assert saved["format"] == 2
    assert saved["brokers"]["kgi"]["account"] == "Hedge"
    assert saved["brokers"]["kgi"]["accounts"]["Default"]["live"] == {"host": "a.example"}
    assert store.values("kgi", "live", kgi.SCHEMA, "Hedge") == {"host": "a.example"}


def test_accounts_are_added_duplicated_renamed_and_deleted(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.save(
        "kgi", "live", kgi.SCHEMA, {"host": "m.example", "password": "pw-9z"}, account="Main"
    )
    store.update_account("kgi", "Main", remember=True, remembered={"live": ["password"]})
    copy = store.add_account("kgi", "Main 2", copy_of="Main")
    assert not copy.remember and not copy.has_remembered  # passwords are never copied
    assert store.values("kgi", "live", kgi.SCHEMA, "Main 2") == {"host": "m.example"}
    store.rename_account("kgi", "Main 2", "Test env")
    assert [a.name for a in store.accounts("kgi")] == ["Main", "Test env"]
    assert store.current_account("kgi") == "Test env"
    store.delete_account("kgi", "Test env")
    assert store.current_account("kgi") == "Main"
    assert store.account("kgi").remembered == {"live": ("password",)}
    assert "pw-9z" not in store.path.read_text()


@pytest.mark.parametrize("name", ["", " padded", "a:b", "a/b", "tab\there", "x" * 41])
def test_names_that_cannot_be_used(tmp_path: Path, name: str) -> None:
    with pytest.raises(AccountError):
        ProfileStore(tmp_path).add_account("kgi", name)


def test_a_taken_name_is_refused(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    store.add_account("kgi", "主帳戶")
    with pytest.raises(AccountError, match="already has"):
        store.add_account("kgi", "主帳戶")


def test_no_secret_service_is_a_refusal_never_a_fallback() -> None:
    """The tests run with an unreachable session bus unless they ask for the private one."""
    with pytest.raises(CredentialStoreError, match="cannot be remembered"):
        secure_backend()
    with pytest.raises(CredentialStoreError):
        Vault().store("kgi", "live", "Main", {"password": "x"})
    assert Vault().name == ""


def test_one_account_per_broker_logs_in_with_all_whoever_marks_it(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path)
    for name in ("Main", "Hedge"):
        store.add_account("kgi", name)
    store.add_account("hundsun", "Desk")
    store.mark_login_all("kgi", "Main", True)
    store.mark_login_all("hundsun", "Desk", True)
    store.mark_login_all("kgi", "Hedge", True)  # e.g. `account save kgi Hedge --login-all`
    marked = {(a.broker, a.name) for b in ("kgi", "hundsun") for a in store.accounts(b)
              if a.login_all}  # fmt: skip
    assert marked == {("kgi", "Hedge"), ("hundsun", "Desk")}


def test_a_duplicate_or_an_import_leaves_one_account_marked(tmp_path: Path) -> None:
    """Duplicating the marked account copied its mark (two accounts logged in with all); an
    imported marked account takes the mark from the others."""
    store = ProfileStore(tmp_path)
    store.add_account("kgi", "Main")
    store.mark_login_all("kgi", "Main", True)
    store.add_account("kgi", "Main copy", copy_of="Main")
    assert [a.name for a in store.accounts("kgi") if a.login_all] == ["Main"]
    store.add_account("kgi", "Imported", entry={"login_all": True})
    assert [a.name for a in store.accounts("kgi") if a.login_all] == ["Imported"]
