"""The account bar of a broker tab: which account the form shows, its menu (new, duplicate,
rename, delete, forget passwords, reconnect) and its check boxes (remember passwords, log in
with all). It asks the tab's AccountController and says what happened through signals; what
the form shows is the tab's."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.account_controller import AccountController
from gui.core.errors import BrokerFailure
from gui.core.profiles import AccountError
from gui.core.session_controller import VAULT_BOUND_SECONDS
from gui.ui.i18n import Translatable

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from gui.core.accounts import Deleted
    from gui.core.schedule import Schedule
    from gui.ui.schedule_dialog import ScheduleDialog

ERROR_COLOUR = "#c62828"


class AccountBar(Translatable, QWidget):
    """`chosen(name)`: the user picked another account (the tab switches, if it may).
    `switched`: the current account changed here (added, renamed, deleted). `told(text,
    colour)`: what happened, for the tab's message line. `forgotten`: remembered passwords
    are gone (the form's filled ones go too). `marks_changed`: Log in with all moved.
    `reconnect_changed(on)`."""

    chosen = Signal(str)
    switched = Signal()
    told = Signal(str, str)
    forgotten = Signal()
    marks_changed = Signal()
    reconnect_changed = Signal(bool)

    def __init__(
        self,
        control: AccountController,
        *,
        save_current: Callable[[], None],
        spawn: Callable[[Coroutine[Any, Any, Any]], asyncio.Task[Any]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.control = control
        self.save_current = save_current  # the form's values, before another account shows
        self.spawn = spawn
        self.remember = QCheckBox(self.tr("Remember passwords"), self)
        self.remember.setObjectName("remember")
        self.remember.setToolTip(
            self.tr(
                "Keep this account's passwords in the system's credential store (Windows "
                "Credential Manager, macOS Keychain, Secret Service), never in a file"
            )
        )
        self.login_all = QCheckBox(self.tr("Log in with all"), self)
        self.login_all.setObjectName("login_all")
        self.login_all.setToolTip(
            self.tr("Logged in by File → Log in to all (one account per broker)")
        )
        self.remember.toggled.connect(self._remember_toggled)
        self.login_all.toggled.connect(self._login_all_toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        selector_row = QHBoxLayout()
        self._build_selector(selector_row)
        selector_row.addStretch(1)
        layout.addLayout(selector_row)
        options_row = QHBoxLayout()
        options_row.addWidget(self.remember)
        options_row.addWidget(self.login_all)
        options_row.addStretch(1)
        layout.addLayout(options_row)
        self.show_flags()

    def set_enabled(self, enabled: bool) -> None:
        """No other account while a session is live or something runs."""
        self.account.setEnabled(enabled)
        self.account_menu_button.setEnabled(enabled)

    def _build_selector(self, row: QHBoxLayout) -> None:
        self.account = QComboBox(self)
        self.account.setObjectName("account")
        self.account.setMinimumContentsLength(8)
        self.account.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.account.setToolTip(self.tr("The account whose values the form shows"))
        self.list_accounts()
        self.account.currentIndexChanged.connect(self._account_chosen)
        self.account_menu_button = QToolButton(self)
        self.account_menu_button.setObjectName("account_menu")
        self.account_menu_button.setText(self.tr("Accounts"))
        self.account_menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.account_menu_button)
        self.account_actions: dict[str, QAction] = {}
        menu.setToolTipsVisible(True)
        for key, label, slot in (
            ("new", self.tr("New account…"), self.new_account_clicked),
            ("duplicate", self.tr("Duplicate…"), self.duplicate_account_clicked),
            ("rename", self.tr("Rename…"), self.rename_account_clicked),
            ("delete", self.tr("Delete…"), self.delete_account_clicked),
            ("forget", self.tr("Forget passwords"), self.forget_clicked),
        ):
            if key == "forget":
                menu.addSeparator()
            action = menu.addAction(label, slot)
            action.setObjectName(f"account_{key}")
            self.account_actions[key] = action
        menu.addSeparator()
        self.reconnect = menu.addAction(self.tr("Reconnect after a drop"))
        self.reconnect.setObjectName("account_reconnect")
        self.reconnect.setCheckable(True)
        self.reconnect.setToolTip(
            self.tr(
                "Log in again when the session drops (after 1, 2, 4 … 60 s); never after a "
                "rejected login. On by default for accounts that log in with all."
            )
        )
        self.reconnect.toggled.connect(self._reconnect_toggled)
        schedule = menu.addAction(self.tr("Schedule…"), self.schedule_clicked)
        schedule.setObjectName("account_schedule")
        schedule.setToolTip(self.tr("Log this account in by itself at set times"))
        self.account_actions["schedule"] = schedule
        self.account_menu_button.setMenu(menu)
        account_label = QLabel(self.tr("Accou&nt"))
        account_label.setBuddy(self.account)
        row.addWidget(account_label)
        row.addWidget(self.account)
        row.addWidget(self.account_menu_button)

    def list_accounts(self) -> None:
        """The selector lists the broker's accounts (the current one even if never saved)."""
        names = self.control.names()
        blocked = self.account.blockSignals(True)
        self.account.clear()
        for name in names:
            self.account.addItem(name, name)
        self.account.setCurrentIndex(self.account.findData(self.control.name))
        self.account.blockSignals(blocked)

    def show_flags(self) -> None:
        flags = self.control.flags()
        for box, value in (
            (self.remember, flags.remember),
            (self.login_all, flags.login_all),
            (self.reconnect, flags.reconnect),
        ):
            blocked = box.blockSignals(True)
            box.setChecked(value)
            box.blockSignals(blocked)
        self.account_actions_enabled()

    def account_actions_enabled(self) -> None:
        flags = self.control.flags()
        self.account_actions["forget"].setEnabled(flags.can_forget)
        self.account_actions["delete"].setEnabled(flags.can_delete)

    def schedule_clicked(self) -> ScheduleDialog:
        """Accounts → Schedule…: a window-modal dialog that does not block the event loop."""
        from gui.core.schedule import has_maintenance
        from gui.ui.schedule_dialog import ScheduleDialog  # QDialog types: not at start-up

        dialog = ScheduleDialog(
            self.control.name,
            self.control.flags().schedule,
            has_maintenance(self.control.spec.venues),
            self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._set_schedule(dialog.schedule()))
        dialog.open()
        return dialog

    def _set_schedule(self, schedule: Schedule) -> None:
        try:
            self.control.set_schedule(schedule)
        except OSError as exc:
            self.told.emit(str(exc), "#c62828")
            return
        self.marks_changed.emit()

    def _account_chosen(self) -> None:
        name = self.account.currentData()
        if name and name != self.control.name:
            self.chosen.emit(name)

    def _ask_name(self, title: str, label: str, text: str, then: Any) -> QInputDialog:
        """A window-modal name prompt that does not block the event loop."""
        from PySide6.QtWidgets import QInputDialog

        dialog = QInputDialog(self)
        dialog.setObjectName("account_name_dialog")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.textValueSelected.connect(then)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_account_clicked(self) -> QInputDialog:
        return self._ask_name(
            self.tr("New account"), self.tr("Name of the new account:"), "", self._add_account
        )

    def duplicate_account_clicked(self) -> QInputDialog:
        return self._ask_name(
            self.tr("Duplicate account"),
            self.tr("Name of the copy (passwords are not copied):"),
            self.tr("{0} copy").format(self.control.name),
            lambda name: self._add_account(name, copy=True),
        )

    def rename_account_clicked(self) -> QInputDialog:
        return self._ask_name(
            self.tr("Rename account"),
            self.tr("New name of {0}:").format(self.control.name),
            self.control.name,
            self._rename_account,
        )

    def _add_account(self, typed: str, copy: bool = False) -> None:
        try:  # a name refused changes nothing, not even the current account's values
            self.control.add(typed, copy=copy, save_current=self.save_current)
        except (AccountError, OSError) as exc:
            self.told.emit(self.tr("No account added: {0}").format(exc), ERROR_COLOUR)
            return
        self.switched.emit()

    def _rename_account(self, typed: str) -> None:
        try:
            name = self.control.checked_new_name(typed)
        except AccountError as exc:
            self.told.emit(self.tr("Not renamed: {0}").format(exc), ERROR_COLOUR)
            return
        self.save_current()
        self.spawn(self._rename(name))

    async def _rename(self, new: str) -> None:
        if await self._in_vault(self.control.rename(new)):
            self.switched.emit()

    def delete_account_clicked(self) -> QMessageBox:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete account"),
            self.tr("Delete the account {0} and forget its remembered passwords?").format(
                self.control.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("delete_account_dialog")
        name = self.control.name
        box.accepted.connect(lambda: self.spawn(self._delete(name)))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    async def _delete(self, name: str) -> None:
        done: list[Deleted] = []

        async def delete() -> None:
            if self.control.name == name:  # still the one the question was about
                done.append(await self.control.delete())

        if await self._in_vault(delete()) and done:
            self.switched.emit()
            warning = done[0].warning
            if warning:  # no credential store: deleted all the same, the leftovers named
                self.told.emit(self.tr("Account {0} deleted; {1}").format(name, warning), "#8a5300")
            else:
                self.told.emit(self.tr("Account {0} deleted.").format(name), "#555555")

    def forget_clicked(self) -> None:
        self.spawn(self._forget())

    async def _forget(self) -> None:
        if await self._in_vault(self.control.forget()):
            self.forgotten.emit()
            self.show_flags()
            self.told.emit(
                self.tr("Passwords of {0} forgotten.").format(self.control.name), "#555555"
            )

    def _remember_toggled(self, on: bool) -> None:
        if on:  # a secure store must be there now, or the box does not stay checked
            self.spawn(self._start_remembering())
        else:
            self.spawn(self._forget())

    async def _start_remembering(self) -> None:
        if not await self._in_vault(self.control.start_remembering()):
            blocked = self.remember.blockSignals(True)
            self.remember.setChecked(False)
            self.remember.blockSignals(blocked)
        else:
            self.told.emit(
                self.tr("The passwords will be remembered after the next login that works."),
                "#555555",
            )
        self.account_actions_enabled()

    def _login_all_toggled(self, on: bool) -> None:
        """One account per broker logs in with all: marking this one unmarks the others."""
        try:
            self.control.set_login_all(on)
        except OSError as exc:
            self.told.emit(str(exc), ERROR_COLOUR)
        self.show_flags()  # reconnect follows "Log in with all" unless chosen
        self.marks_changed.emit()

    def _reconnect_toggled(self, on: bool) -> None:
        try:
            self.control.set_reconnect(on)
        except OSError as exc:
            self.told.emit(str(exc), ERROR_COLOUR)
        self.reconnect_changed.emit(on)

    async def _in_vault(self, call: Coroutine[Any, Any, Any]) -> bool:
        """An account's credential-store call (bounded, off the GUI thread); a refusal is
        shown."""
        try:
            await call
        except TimeoutError:
            self.told.emit(
                self.tr("The credential store did not answer within {0} s.").format(
                    int(VAULT_BOUND_SECONDS)
                ),
                ERROR_COLOUR,
            )
            return False
        except (BrokerFailure, AccountError, OSError) as exc:
            reason = exc.reason if isinstance(exc, BrokerFailure) else str(exc)
            self.told.emit(reason, ERROR_COLOUR)
            return False
        return True
