"""One broker's accounts as a tab shows them: which one is current, its flags, adding, renaming,
deleting, its remembered passwords and the values its form starts from. Qt-free: the window's
tab asks and renders; the rules (names, one account per broker logging in with all, the
credential store bounded and off the loop) are here.

Errors are raised as they are (AccountError for a refused name, OSError for a file that could
not be written, BrokerFailure or TimeoutError from the credential store): the view words them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gui.core.errors import BrokerFailure
from gui.core.login import layered_values
from gui.core.profiles import ProfileStore
from gui.core.registry import BrokerSpec, Environment, Registry
from gui.core.schedule import Schedule
from gui.core.schema import Schema
from gui.core.session_controller import Remember, within_vault_bound

if TYPE_CHECKING:
    from gui.core.accounts import Accounts, Deleted


@dataclass(frozen=True)
class AccountFlags:
    """What the account's check boxes and menu show."""

    remember: bool
    login_all: bool
    reconnect: bool
    can_forget: bool  # passwords remembered, or to be
    can_delete: bool  # not the broker's only account
    schedule: Schedule  # when the window logs it in by itself


class AccountController:
    """The current account of one broker and what may be done with it."""

    def __init__(self, spec: BrokerSpec, profiles: ProfileStore) -> None:
        self.spec = spec
        self.profiles = profiles
        self.name = profiles.current_account(spec.id)
        self._accounts: Accounts | None = None

    @property
    def accounts(self) -> Accounts:
        """With the credential store, asked only when a password is kept or read."""
        if self._accounts is None:
            from gui.core.accounts import Accounts  # with a first use, not at start-up

            self._accounts = Accounts(self.profiles)
        return self._accounts

    # -- what is shown -------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The broker's accounts; the current one even if it was never saved."""
        names = [account.name for account in self.profiles.accounts(self.spec.id)]
        return names if self.name in names else [*names, self.name]

    def flags(self) -> AccountFlags:
        saved = self.profiles.account(self.spec.id, self.name)
        return AccountFlags(
            remember=saved.remember,
            login_all=saved.login_all,
            reconnect=saved.reconnect,
            can_forget=saved.remember or saved.has_remembered,
            can_delete=len(self.names()) > 1,
            schedule=saved.schedule,
        )

    def saved(self) -> dict[str, Any]:
        """The account's saved choices (environment, scenario) and values."""
        return self.profiles.broker(self.spec.id, self.name)

    def saved_values(self, environment: Environment) -> dict[str, Any]:
        """Defaults, then what was saved (never a secret; each value only if it still parses)."""
        saved = self.profiles.raw(self.spec.id, environment.value, self.name)
        try:
            return layered_values(self.spec, environment, saved, {})[1]
        except BrokerFailure:  # e.g. a saved vnpy gateway that is no longer installed
            return {**self.spec.defaults(environment), **self.spec.schema.public(saved)}

    def has_remembered(self, environment: Environment) -> bool:
        saved = self.profiles.account(self.spec.id, self.name)
        return bool(saved.remembered.get(environment.value))

    def save(
        self, environment: Environment, schema: Schema, values: dict[str, Any], scenario: str
    ) -> None:
        """The form's public values (never a secret) and choices, for this account."""
        self.profiles.save(
            self.spec.id, environment.value, schema, values, scenario=scenario, account=self.name
        )

    # -- choosing and changing -----------------------------------------------------------------

    def select(self, name: str) -> None:
        """Show another account (the caller saved the current one's values first)."""
        self.name = name
        self.profiles.select_account(self.spec.id, name)

    def add(self, typed: str, *, copy: bool, save_current: Callable[[], None]) -> None:
        """A new account named `typed` (a copy of the current one's values, never of its
        passwords, when `copy`), made current. A refused name changes nothing."""
        name = self.profiles.new_name(self.spec.id, typed.strip())
        save_current()
        self.profiles.add_account(self.spec.id, name, copy_of=self.name if copy else None)
        self.select(name)

    def checked_new_name(self, typed: str) -> str:
        """The name `typed` for a rename of the current account, or AccountError."""
        return self.profiles.new_name(self.spec.id, typed.strip(), besides=self.name)

    async def rename(self, new: str) -> None:
        """The current account and its remembered passwords under a new name."""
        await within_vault_bound(self.accounts.rename, self.spec.id, self.name, new)
        self.select(new)

    async def delete(self) -> Deleted:
        """The current account and its remembered passwords; another one becomes current."""
        deleted = await within_vault_bound(self.accounts.delete, self.spec.id, self.name)
        self.select(self.profiles.current_account(self.spec.id))
        return deleted

    async def forget(self) -> None:
        """The current account's remembered passwords, and its wish to remember them."""
        await within_vault_bound(self.accounts.forget, self.spec.id, self.name)

    async def start_remembering(self) -> None:
        """Remember this account's passwords from its next login that works: a secure store
        must be there now (BrokerFailure otherwise)."""
        await within_vault_bound(self.accounts.start_remembering, self.spec.id, self.name)

    def set_login_all(self, on: bool) -> None:
        """One account per broker logs in with all: marking this one unmarks the others (and
        reconnect follows it unless chosen)."""
        self.profiles.mark_login_all(self.spec.id, self.name, on)

    def set_schedule(self, schedule: Schedule) -> None:
        self.profiles.update_account(self.spec.id, self.name, schedule=schedule)

    def set_reconnect(self, on: bool) -> None:
        self.profiles.update_account(self.spec.id, self.name, reconnect=on)

    def export(self, registry: Registry) -> dict[str, Any]:
        """The current account as a file's content to hand over (never a password)."""
        return self.accounts.export(registry, self.spec.id, self.name)

    # -- remembered passwords ------------------------------------------------------------------

    async def remembered(self, environment: Environment, filled: Collection[str]) -> dict[str, str]:
        """The remembered passwords of the current account for `environment`, but those in
        `filled` (the user typed them)."""
        return await within_vault_bound(
            self.accounts.remembered_secrets,
            self.spec.id,
            self.name,
            environment.value,
            set(filled),
        )

    def rememberer(self, environment: Environment) -> Remember | None:
        """What keeps the secrets of a login that works, if this account remembers them."""
        if not self.profiles.account(self.spec.id, self.name).remember:
            return None
        from functools import partial

        return partial(self.accounts.remember, self.spec.id, self.name, environment.value)
