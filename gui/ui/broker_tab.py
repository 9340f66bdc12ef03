"""One broker's tab: environment, credential form, actions, state, session panel, its log."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.core.account_controller import AccountController
from gui.core.errors import BrokerFailure
from gui.core.events import Level
from gui.core.lockout import LockoutRisk
from gui.core.login import LOGIN_BOUND_SECONDS, LoginController
from gui.core.profiles import ProfileStore
from gui.core.registry import BrokerSpec, Environment
from gui.core.session import Session, SessionState
from gui.core.session_controller import LoginRequest, SessionController
from gui.core.session_log import LOG_PROBLEM_DETAIL
from gui.core.trading_hours import market_status
from gui.ui.account_bar import AccountBar
from gui.ui.action_bar import ActionBar
from gui.ui.diagnosis_panel import DiagnosisPanel
from gui.ui.event_log import FLUSH_MS, LogFeed
from gui.ui.event_view import EventLogView
from gui.ui.form import SchemaForm
from gui.ui.i18n import Translatable, explained, translate
from gui.ui.session_panel import SessionPanel, StateBadge
from gui.ui.terminal_info_panel import TerminalInfoPanel

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtWidgets import QMessageBox

    from gui.core.health import HealthTracker, Reconnector
    from gui.core.schema import Schema

log = logging.getLogger(__name__)

# The panel renders on the log's frame: an event starts both timers together, so the new row
# and the new values are painted in one pass (a pass each costs an idle window ~10% more).
PANEL_FRAME_MS = FLUSH_MS
MARKET_REFRESH_MS = 30_000  # the market row's countdown moves by the minute
DIAGNOSIS_SHARE = 0.6  # of the tab's height, above the log, while a diagnosis is shown
SIDE_MIN_HEIGHT = 300  # the Diagnosis panel shows half a dozen steps beside a short form
NOTE_STYLE = "background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px;"
ENVIRONMENTS = (
    (Environment.SIMULATOR, QT_TRANSLATE_NOOP("BrokerTab", "Built-in simulator")),
    (Environment.LIVE, QT_TRANSLATE_NOOP("BrokerTab", "Live")),
)


class FormScroll(QScrollArea):
    """Scrolls the form only when the window is too small for it. Its size hint is the form's
    current one: QScrollArea's own is the form's first, capped at 24 lines."""

    def sizeHint(self) -> QSize:
        form = self.widget()
        if form is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return form.sizeHint() + QSize(frame, frame)


class BrokerTab(Translatable, QWidget):
    """Renders one Session; Connect / Cancel / Logout are async and never block the GUI."""

    state_changed = Signal(str)
    health_changed = Signal()  # the session's health moved (HealthTracker's listeners)
    accounts_changed = Signal()  # an account was added, renamed or deleted, or flags changed
    log_problem = Signal(str)  # the login's worker could not write the session log

    def __init__(
        self,
        spec: BrokerSpec,
        feed: LogFeed,
        profiles: ProfileStore,
        parent: QWidget | None = None,
        *,
        controller: LoginController | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.feed = feed
        # The session and what runs it (login, reconnect, remembered passwords): Qt-free, the
        # same controller the CLI uses; this tab renders it.
        self.control = SessionController(spec, logins=controller)
        self.session = self.control.session
        self.session.event_batch_listeners.append(feed.extend)
        self.session.state_listeners.append(self._render_state)
        self.session.info_listeners.append(self._info_changed)
        self._health_shown = False  # the window is told of health changes once a login made it
        self._info_timer = QTimer(self)  # the panel follows the session at most once a frame
        self._info_timer.setSingleShot(True)
        self._info_timer.setInterval(PANEL_FRAME_MS)
        self._info_timer.timeout.connect(self._render_info)
        self._market_timer = QTimer(self)  # "closes in …" counts down while nothing happens
        self._market_timer.setInterval(MARKET_REFRESH_MS)
        self._market_timer.timeout.connect(self._render_market)
        self._market_timer.start()
        self._tasks: set[asyncio.Task[Any]] = set()  # held so the loop does not drop them
        self._running = 0  # probes, actions and logouts in progress
        self._starting = False  # a login was asked for and the session has not taken it yet
        # The accounts and their remembered passwords: Qt-free too; this tab asks and renders.
        self.account_control = AccountController(spec, profiles)
        saved = self.account_control.saved()
        self._drafts: dict[Environment, dict[str, Any]] = {
            env: self.account_control.saved_values(env) for env, _ in ENVIRONMENTS
        }
        # The public values the form showed from the saved settings (or saved from it), None
        # for a draft: a form still holding them follows what another process saves; one typed
        # into does not.
        self._loaded: dict[str, Any] | None = None
        self._filled_from_store: set[str] = set()  # secret fields showing a remembered value
        self._filling: asyncio.Task[Any] | None = None  # remembered passwords being read
        self.lockout_question: QMessageBox | None = None  # asked after a lockout risk

        self.schema = spec.schema
        self.form = SchemaForm(self.schema, self)  # rebuilt for the environment's schema below
        self._wire_form()
        header = self._build_header()
        self._build_buttons()
        credentials = self._build_credentials()
        self.panel = SessionPanel(self)
        self.diagnosis_panel = DiagnosisPanel(self)
        self.diagnose_login = self.diagnosis_panel.with_login
        self.side = QTabWidget(self)
        self.side.setObjectName("side")
        self.side.addTab(self.panel, self.tr("Session"))
        self.side.addTab(self.diagnosis_panel, self.tr("Diagnosis"))
        self.terminal_panel: TerminalInfoPanel | None = None
        if spec.terminal_info is not None:  # what the login sends about this machine
            self.terminal_panel = TerminalInfoPanel(self)
            self.side.addTab(self.terminal_panel, self.tr("Terminal info"))
            self.terminal_panel.refresh_requested.connect(self.preview_terminal_info)
            self.side.currentChanged.connect(self._side_changed)
        self.session.step_listeners.append(self.diagnosis_panel.add_step)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(credentials)
        top.addWidget(self.side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setChildrenCollapsible(False)

        # One log in view: this broker's, with a choice to see every broker's.
        self.log_view = EventLogView(feed, spec.id, self)
        self.credentials = credentials
        self.body = body = QSplitter(Qt.Orientation.Vertical, self)
        body.addWidget(top)
        body.addWidget(self.log_view)
        body.setStretchFactor(0, 0)  # the form at its full height; the log takes the rest
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(body, 1)

        known = {env.value for env in Environment}
        saved_env = saved.get("environment")
        self._current_env = Environment(saved_env) if saved_env in known else Environment.SIMULATOR
        self.environment.setCurrentIndex(self.environment.findData(self._current_env.value))
        scenario_index = self.scenario.findData(saved.get("scenario", "normal"))
        self.scenario.setCurrentIndex(max(scenario_index, 0))
        self._show_form(self._drafts[self._current_env])
        self._chain_focus()
        self._loaded = self.schema.public(self.form.values())
        self.environment.currentIndexChanged.connect(self._environment_changed)
        self._render_state(self.session.state, "")
        self._render_info()
        QTimer.singleShot(0, self.fill_remembered)  # once the event loop runs
        QTimer.singleShot(0, self._fit_form)  # once the tab is in its page

    # -- building -----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        """Environment and scenario on the left; Diagnose and the state badge on the right."""
        self.environment = QComboBox(self)
        self.environment.setObjectName("environment")
        for env, label in ENVIRONMENTS:
            self.environment.addItem(self.tr(label), env.value)
        self.scenario = QComboBox(self)
        self.scenario.setObjectName("scenario")
        for scenario in self.spec.scenarios:
            self.scenario.addItem(translate("scenarios", scenario.label), scenario.id)
            self.scenario.setItemData(
                self.scenario.count() - 1,
                translate("scenarios", scenario.help),
                Qt.ItemDataRole.ToolTipRole,
            )
        environment_label = QLabel(self.tr("&Environment"))
        environment_label.setBuddy(self.environment)
        self.scenario_label = QLabel(self.tr("Scena&rio"))
        self.scenario_label.setBuddy(self.scenario)
        self.badge = StateBadge(self)
        self.diagnose_button = QPushButton(self.tr("&Diagnose"))
        self.diagnose_button.setObjectName("diagnose")
        self.diagnose_button.setToolTip(
            self.tr(
                "Check every step of reaching the broker (name, port, TLS, proxy, clock, SDK) "
                "without logging in"
            )
        )
        self.diagnose_button.clicked.connect(self.diagnose_clicked)
        header = QHBoxLayout()
        for widget in (environment_label, self.environment, self.scenario_label, self.scenario):
            header.addWidget(widget)
        header.addStretch(1)
        header.addWidget(self.diagnose_button)
        header.addWidget(self.badge)
        return header

    def _build_buttons(self) -> None:
        """The action bar; its buttons are the tab's too (tests and the window click them)."""
        self.action_bar = ActionBar(self.spec, self)
        self.connect_button = self.action_bar.connect_button
        self.cancel_button = self.action_bar.cancel_button
        self.logout_button = self.action_bar.logout_button
        self.probe_button = self.action_bar.probe_button
        self.action_buttons = self.action_bar.action_buttons
        self.buttons = self.action_bar.buttons
        self.connect_button.clicked.connect(lambda: self.connect_clicked())
        self.cancel_button.clicked.connect(self.cancel_clicked)
        self.logout_button.clicked.connect(self.logout_clicked)
        if self.probe_button is not None:
            self.probe_button.clicked.connect(self.probe_clicked)
        self.action_bar.action.connect(lambda action: self.spawn(self._run_action(action)))

    def _build_credentials(self) -> QGroupBox:
        """The account, its options, notes, the form (scrolling only in a small window), the
        buttons and what the last attempt said."""
        credentials = QGroupBox(self.tr("Credentials"), self)
        cred_layout = QVBoxLayout(credentials)
        cred_layout.setSpacing(4)
        self.account_bar = AccountBar(
            self.account_control, save_current=self.save_profile, spawn=self.spawn, parent=self
        )
        self.account_bar.chosen.connect(self.select_account)
        self.account_bar.switched.connect(self._reload_account)
        self.account_bar.told.connect(self._show_reason)
        self.account_bar.forgotten.connect(self._clear_remembered)
        self.account_bar.marks_changed.connect(self.accounts_changed)
        self.account_bar.reconnect_changed.connect(self.control.set_reconnecting)
        cred_layout.addWidget(self.account_bar)
        if self.spec.autofill is not None:  # a row of its own: the tab stays narrow enough
            autofill = QPushButton(self.tr("Auto-fill from this machine"))
            autofill.setObjectName("autofill")
            autofill.setToolTip(
                self.tr("Collect these fields from this computer; edit them after.")
            )
            autofill.clicked.connect(self.autofill_clicked)
            cred_layout.addWidget(autofill, 0, Qt.AlignmentFlag.AlignRight)
        self.unavailable = QLabel(self)
        self.unavailable.setObjectName("unavailable_note")
        self.unavailable.setWordWrap(True)
        self.unavailable.setStyleSheet(NOTE_STYLE)
        self.unavailable.setText(
            self.tr("Not available yet: {0} You can prepare the settings; they are kept.").format(
                translate("brokers", self.spec.unavailable_note)
            )
        )
        self.unavailable.setVisible(not self.spec.available)
        cred_layout.addWidget(self.unavailable)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setStyleSheet(NOTE_STYLE)
        self.notice.hide()
        cred_layout.addWidget(self.notice)
        self.scroll = FormScroll(self)
        self.scroll.setObjectName("form_scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.form)
        # At its form's height, shrinking (and scrolling) only in a small window; space to
        # spare goes below the buttons, so they stay under the last field.
        self.scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        cred_layout.addWidget(self.scroll)
        cred_layout.addWidget(self.action_bar)
        self.reason = QLabel(self)
        self.reason.setObjectName("reason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.hide()
        cred_layout.addWidget(self.reason)
        cred_layout.addWidget(self._build_offer())
        cred_layout.addStretch(1)
        return credentials

    def _build_offer(self) -> QWidget:
        """Values an action found (e.g. a server's address), waiting for the user to take."""
        self.offer = QWidget(self)
        self.offer.setObjectName("offer")
        self.offer_label = QLabel(self.offer)
        self.offer_label.setWordWrap(True)
        self.offer_accept = QPushButton(self.tr("Use it"), self.offer)
        self.offer_accept.setObjectName("offer_accept")
        offer_dismiss = QPushButton(self.tr("Dismiss"), self.offer)
        offer_layout = QHBoxLayout(self.offer)
        offer_layout.setContentsMargins(0, 0, 0, 0)
        offer_layout.addWidget(self.offer_label, 1)
        offer_layout.addWidget(self.offer_accept)
        offer_layout.addWidget(offer_dismiss)
        self.offer_accept.clicked.connect(self._accept_offer)
        offer_dismiss.clicked.connect(self._clear_offer)
        self.offer.hide()
        self._offered: dict[str, Any] = {}
        return self.offer

    def _fit_form(self, share: float = 0.0) -> None:
        """The form's whole height above the log (at least `share` of the tab's), the log the
        rest; a small window scrolls the form instead."""
        self.scroll.updateGeometry()  # its hint follows the form's, which Qt does not know
        needed = max(self.credentials.sizeHint().height(), SIDE_MIN_HEIGHT)
        needed = max(needed, int(self.body.height() * share))
        self.body.setSizes([needed, self.body.height() - needed])

    def _chain_focus(self) -> None:
        """Tab goes through the form in reading order, then to Connect and the other buttons,
        also after the form was rebuilt (a new form's widgets would come last)."""
        editors = list(self.form.editors.values())
        chain: list[QWidget] = [self.account_bar.login_all]
        for advanced in (False, True):
            if advanced and self.form.advanced_button is not None:
                chain.append(self.form.advanced_button)
            for editor in editors:
                if editor.field.advanced is advanced:
                    chain += editor.focus_chain()
        chain += self.buttons
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def retranslate(self) -> None:
        """After a language change: what is rendered from the session, rendered again."""
        for index, scenario in enumerate(self.spec.scenarios):  # tooltips are item data
            self.scenario.setItemData(
                index, translate("scenarios", scenario.help), Qt.ItemDataRole.ToolTipRole
            )
        self.form.label_fields()
        self.log_view.retranslate()
        self.panel.fit_to_language()
        self._render_state(self.session.state, self.session.reason)
        self._render_info()

    # -- accounts ----------------------------------------------------------------------------

    @property
    def account_name(self) -> str:
        return self.account_control.name

    def select_account(self, name: str) -> None:
        """Show another account: the current one's values are saved first."""
        if self.session.state.live:
            return
        self.save_profile()
        try:
            self.account_control.select(name)
        except OSError as exc:
            self._show_reason(str(exc), "#c62828")
        self._reload_account()

    def _reload_account(self) -> None:
        """Show the current account: its values, choices and flags."""
        self.account_bar.list_accounts()
        self._drafts = {env: self.account_control.saved_values(env) for env, _ in ENVIRONMENTS}
        saved = self.account_control.saved()
        known = {env.value for env in Environment}
        if saved.get("environment") in known:
            blocked = self.environment.blockSignals(True)
            self.environment.setCurrentIndex(self.environment.findData(saved["environment"]))
            self.environment.blockSignals(blocked)
        self._current_env = self.current_environment
        index = self.scenario.findData(saved.get("scenario", "normal"))
        self.scenario.setCurrentIndex(max(index, 0))
        self._show_form(self._drafts[self._current_env])
        self._loaded = self.schema.public(self.form.values())
        self.account_bar.show_flags()
        self.session.reset()
        self.reason.hide()
        self._render_state(self.session.state, "")
        self.fill_remembered()
        self.accounts_changed.emit()

    def show_saved_changes(self) -> None:
        """Another process changed the saved settings: list its accounts and flags; the form
        follows while it still holds what it last loaded or saved (what was typed stays)."""
        self.account_bar.list_accounts()
        self.account_bar.show_flags()
        if self.session.state.live or self.busy:
            return
        if self._loaded is None or self.schema.public(self.form.values()) != self._loaded:
            return
        environment = self.current_environment
        typed = self.form.values()
        secrets = {key: typed[key] for key in self.schema.secret_keys if key in typed}
        self._drafts[environment] = {**self.account_control.saved_values(environment), **secrets}
        self._show_form(self._drafts[environment])
        shown = self.schema.public(self.form.values())
        if shown != self._loaded:
            self._loaded = shown
            self.fill_remembered()

    def _clear_remembered(self) -> None:
        """The account's remembered passwords were forgotten: the form shows them no more."""
        for key in self._filled_from_store:
            if key in self.form.editors:
                self.form.editors[key].set_value("")
        self._filled_from_store.clear()

    def fill_remembered(self) -> None:
        """Fill empty secret fields with the account's remembered passwords, masked."""
        if self.account_control.has_remembered(self.current_environment):
            self._filling = self.spawn(self.load_remembered())

    async def load_remembered(self) -> bool:
        """The remembered passwords into the form; False when the store refused."""
        account, environment = self.account_name, self.current_environment
        typed = [key for key in self.schema.secret_keys if self.form.editors[key].value()]
        try:
            found = await self.account_control.remembered(environment, typed)
        except (BrokerFailure, TimeoutError) as exc:
            reason = exc.reason if isinstance(exc, BrokerFailure) else ""
            self._show_reason(
                self.tr("The remembered passwords could not be read: {0}").format(reason),
                "#c62828",
            )
            return False
        if (account, environment) != (self.account_name, self.current_environment):
            return True  # the user moved on; the values belong to another form
        for key, value in found.items():
            editor = self.form.editors.get(key)
            if editor is not None and not editor.value():
                editor.fill_hidden(value)
                self._filled_from_store.add(key)
        return True

    async def login_with_all(self) -> tuple[bool, str]:
        """Log in this tab's account for "Log in to all": its remembered passwords first."""
        if self.session.state.live:
            return True, self.tr("already logged in")
        if not self.spec.available:
            return False, self.tr("not available yet")
        if self._filling is not None and not self._filling.done():
            await self._filling  # the account was just shown: its passwords are on the way
        if not await self.load_remembered():
            return False, self.reason.text()
        if not self._ready_to_send():
            missing = [
                self.form.editors[key].field.label
                for key in self.schema.problems(self.form.values())
                if key in self.form.editors
            ]
            return False, self.tr("needs: {0}").format(", ".join(missing) or self.reason.text())
        self._starting = True
        self._update_controls()
        risk = await self._login()  # reconnects if the account says so (on for Log in with all)
        if risk is not None:  # nothing was sent; the question is for a click on this tab only
            return False, self.lockout_text(risk)
        if self.session.state is SessionState.LOGGED_IN:
            return True, self.tr("logged in")
        return False, self.session.reason or self.session.state.value

    async def scheduled_login(self, name: str) -> str:
        """A scheduled login of account `name` (gui/ui/scheduled_logins.py): '' when it logged
        in, "skipped: why" when the tab was in use, else why it failed."""
        if self.session.state.live:
            if name == self.account_name:
                return "skipped: " + self.tr("already logged in")
            return "skipped: " + self.tr("the tab is logged in with {0}").format(self.account_name)
        if self.busy:
            return "skipped: " + self.tr("the tab was busy")
        if name != self.account_name:
            self.select_account(name)
            if name != self.account_name:
                return self.tr("the account could not be shown")
        ok, text = await self.login_with_all()
        return "" if ok else text

    # -- made when first needed (not on the window's way up) ---------------------------------

    @property
    def controller(self) -> LoginController:
        """Where the tab's logins, probes and diagnoses run (a benchmark points it at a
        stand-in driver)."""
        return self.control.logins

    @controller.setter
    def controller(self, logins: LoginController) -> None:
        self.control.logins = logins

    @property
    def health(self) -> HealthTracker:
        """The session's health, from the controller; the window hears of its changes."""
        tracker = self.control.health
        if not self._health_shown:
            self._health_shown = True
            tracker.listeners.append(lambda _tracker: self.health_changed.emit())
        return tracker

    @property
    def reconnector(self) -> Reconnector:
        return self.control.reconnector

    def stop_reconnecting(self) -> None:
        self.control.stop_reconnecting()

    # -- properties --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Something asked for has not shown in the state yet (a login about to start), or an
        operation that does not move the state (probe, action) is running."""
        return self._starting or self._running > 0

    @property
    def current_environment(self) -> Environment:
        return Environment(self.environment.currentData())

    # -- actions -----------------------------------------------------------------------------

    def connect_clicked(self, allow_lockout_risk: bool = False) -> None:
        if self._ready_to_send():
            self._starting = True
            self._update_controls()
            self._spawn_task(self._login(allow_lockout_risk, ask=True))

    async def _login(
        self, allow_lockout_risk: bool = False, *, ask: bool = False
    ) -> LockoutRisk | None:
        """The login, through the controller; from its first state on, the buttons follow the
        session's state. After a login that worked, the account's passwords are remembered if
        it says so (a wrong password is never remembered). When the account's last logins were
        rejected in a row, nothing is sent: the tab says so and (`ask`) asks whether to try."""

        self.health  # noqa: B018 - the window follows this session's health from now on
        environment = self.current_environment
        request = LoginRequest(
            environment,
            self.current_scenario,
            self.form.values(),
            self.schema,
            timeout=LOGIN_BOUND_SECONDS,
            account=self.account_name,
        )
        remember = self.account_control.rememberer(environment)
        try:
            problem = await self.control.login(
                request,
                reconnect=self.account_bar.reconnect.isChecked(),
                remember=remember,
                allow_lockout_risk=allow_lockout_risk,
            )
        except LockoutRisk as risk:
            self._show_reason(self.lockout_text(risk), "#c62828")
            if ask:
                self.lockout_question = self._ask_lockout_risk()
            return risk
        finally:
            if self._starting:  # it ended before the session moved (e.g. invalid input)
                self._starting = False
                self._update_controls()
        if problem:
            self._show_reason(problem, "#c62828")
        if remember is not None:
            self.account_bar.account_actions_enabled()  # Forget passwords: something to forget
        return None

    def lockout_text(self, risk: LockoutRisk) -> str:
        rule = risk.rule.text
        known = translate("brokers", rule) if rule else self.tr("Its lockout rule is unknown.")
        return self.tr(
            "Not sent: the last %n login(s) of this account were rejected in a row, and one more "
            "may lock it at the broker. {0} The console stops after {1} in a row: check the "
            "password first.",
            "",
            risk.rejected,
        ).format(known, risk.rule.stop)

    def _ask_lockout_risk(self) -> QMessageBox:
        """Try anyway? A window-modal question that does not block the event loop."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Lockout risk"),
            self.reason.text(),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("lockout_question")
        anyway = box.addButton(self.tr("Try anyway"), QMessageBox.ButtonRole.AcceptRole)
        anyway.setObjectName("lockout_try_anyway")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter does not risk it
        anyway.clicked.connect(lambda: self.connect_clicked(allow_lockout_risk=True))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def probe_clicked(self) -> None:
        """The broker's pre-login check with the form's values (e.g. the KCBP leg alone)."""
        if self._ready_to_send():
            self.spawn(self._run_probe())

    @property
    def current_scenario(self) -> str:
        return self.scenario.currentData() or ""

    def _ready_to_send(self) -> bool:
        """True when the form's values may go to the broker; else the problems are shown and
        nothing is sent."""
        if self.session.state.live or self.busy or not self.spec.available:
            return False
        self._refresh_schema()
        problems = self.schema.problems(self.form.values())
        self.form.show_problems(problems)
        if problems:
            self._show_reason(self.tr("Check the highlighted fields; nothing was sent."), "#c62828")
            return False
        self.save_profile()
        try:
            self.spec.check_scenario(self.current_environment, self.current_scenario)
        except BrokerFailure as failure:
            self.session.note(failure.reason, Level.ERROR)
            self._show_reason(failure.reason, "#c62828")
            return False
        return True

    async def _run_probe(self) -> None:
        try:
            result = await self.controller.probe(
                self.session,
                self.current_environment,
                self.current_scenario,
                self.form.values(),
                schema=self.schema,
            )
        except BrokerFailure as failure:
            self._show_reason(failure.reason, "#c62828")
            return
        self._show_reason(result.message, "#2e7d32")

    def diagnose_clicked(self) -> None:
        """Where the connection breaks, step by step, in the Diagnosis panel. Without a login
        only the fields saying where the broker is are required."""
        if self.busy or not self.spec.available:
            return
        # Beside a live session: the network and the SDK only, never a second login (many
        # brokers allow one session per account and would end the live one).
        login = self.diagnose_login.isChecked() and not self.session.state.live
        self._refresh_schema()
        schema = self.schema if login else self.schema.relaxed(self.spec.endpoint_keys)
        problems = schema.problems(self.form.values())
        self.form.show_problems(problems)
        if problems:
            self._show_reason(self.tr("Check the highlighted fields; nothing was sent."), "#c62828")
            return
        self.save_profile()
        self.reason.hide()
        self.side.setCurrentWidget(self.diagnosis_panel)
        self._fit_form(DIAGNOSIS_SHARE)  # its steps and verdict need the room more than the log
        self.diagnosis_panel.start(
            translate("brokers", self.spec.title), self._checked_where(schema)
        )
        self.spawn(self._run_diagnosis(login))

    def _checked_where(self, schema: Schema) -> str:
        """Which endpoints a diagnosis checks, and why those (the form's port is not the one
        checked in the simulator)."""
        if self.current_environment is Environment.SIMULATOR:
            return self.tr(
                "The built-in simulator runs in this console: the diagnosis reaches its own front "
                "on this machine (127.0.0.1, a port of its own), not the host and port of the form."
            )
        endpoints = (
            self.spec.endpoints(schema.validate(self.form.values())) if self.spec.endpoints else []
        )
        if not endpoints:
            return ""
        return self.tr("Checking the form's {0}.").format(", ".join(endpoints))

    async def _run_diagnosis(self, login: bool) -> None:
        try:
            diagnosed = await self.control.diagnose(
                self.current_environment,
                self.current_scenario,
                self.form.values(),
                login=login,
                beside=self._show_beside,
            )
        except BrokerFailure as failure:
            self.diagnosis_panel.finish(failure.reason)
            return
        self.diagnosis_panel.finish()
        if diagnosed.not_kept:  # not kept for a support bundle: say why, once per diagnosis
            self.session.note(diagnosed.not_kept, Level.WARNING)

    def _show_beside(self, beside: Session) -> None:
        """A diagnosis beside the live session: its steps go to the same panel, log and
        session log; the live session is not touched."""
        beside.step_listeners.append(self.diagnosis_panel.add_step)
        beside.event_batch_listeners.append(self.feed.extend)
        beside.log_folder, beside.log_sink = self.session.log_folder, self.session.log_sink

    def _show_reason(self, text: str, colour: str) -> None:
        self.reason.setStyleSheet(f"color: {colour};")
        self.reason.setText(text)
        self.reason.show()

    def cancel_clicked(self) -> None:
        if self.session.cancel():
            self.session.note(self.tr("Login cancelled by the user."), Level.WARNING)

    def logout_clicked(self) -> None:
        self.spawn(self._logout())

    async def _logout(self) -> None:
        await self.control.logout()
        self.health.stopped()

    async def _run_action(self, action: str) -> None:
        """A driver action; its result is shown, and offered values wait for the user."""
        try:
            result = await self.session.run_action(action)
        except BrokerFailure as failure:
            self._show_reason(failure.reason, "#c62828")
            return
        self._show_reason(result.message, "#2e7d32")
        if result.offer:
            self._offered = dict(result.offer)
            self.offer_label.setText(translate("brokers", result.offer_prompt))
            self.offer.show()

    def _accept_offer(self) -> None:
        """Put offered values (e.g. a refreshed token) into the form; secrets stay masked."""
        for key, value in self._offered.items():
            self.form.editors[key].set_value(value)
        self._clear_offer()

    def _clear_offer(self) -> None:
        self._offered = {}
        self.offer.hide()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run a session action on the loop; typed failures are already shown by the state.

        The action stops counting as running in the same step as its last state change (not a
        loop iteration later, as a done-callback would), so the buttons follow the badge."""
        self._running += 1

        async def run() -> Any:
            try:
                return await coro
            finally:
                self._running -= 1
                self._update_controls()

        task = self._spawn_task(run())
        self._update_controls()
        return task

    def _side_changed(self, _index: int) -> None:
        if self.side.currentWidget() is self.terminal_panel:
            self.preview_terminal_info()

    def preview_terminal_info(self) -> None:
        """The terminal information the form's values would send, read off the GUI thread."""
        self._spawn_task(self._preview_terminal_info())

    async def _preview_terminal_info(self) -> None:
        import asyncio

        preview, panel = self.spec.terminal_info, self.terminal_panel
        if preview is None or panel is None:
            return
        values = {**self.schema.defaults(), **self.form.values()}  # a default goes out as well
        panel.show_fields(await asyncio.to_thread(preview, values))

    def _spawn_task(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        import asyncio  # loaded once the window shows (start-up)

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None and not isinstance(error, BrokerFailure):
            log.error("session action failed: %s: %s", type(error).__name__, error)
            self.session.note(f"{type(error).__name__}: {error}", Level.ERROR)

    def save_profile(self) -> None:
        try:
            self.account_control.save(
                self.current_environment,
                self.schema,
                self.form.values(),
                self.scenario.currentData(),
            )
            self._loaded = self.schema.public(self.form.values())
        except OSError as exc:  # a ProfileError says why the file is left alone
            self.session.note(
                self.tr("Could not save the settings: {0}").format(exc), Level.WARNING
            )

    # -- rendering ---------------------------------------------------------------------------

    def _render_state(self, state: SessionState, reason: str) -> None:
        if state is not SessionState.DISCONNECTED:
            self._starting = False  # the session has the login now
        self._info_timer.stop()
        self._render_info()  # a new state is worth a frame of its own, now
        self._update_controls()
        failure = self.session.failure if state is SessionState.FAILED else None
        code = failure.native_code if failure is not None else None
        known = self.spec.native_code(code) if code is not None else None
        self.panel.show_native_code(code, known)
        if reason and state in (SessionState.FAILED, SessionState.DISCONNECTED):
            if known is not None:  # the vendor's number, said in words beside Connect
                reason = self.tr("{0}\nCode {1}: {2}").format(reason, known.code, explained(known))
            self._show_reason(reason, "#c62828" if state is SessionState.FAILED else "#555555")
        elif state.live:
            self.reason.hide()
        self.state_changed.emit(state.value)

    def _update_controls(self) -> None:
        """Enable what the state allows; nothing new starts while an action is still running."""
        state = self.session.state
        free = not state.live and not self.busy and self.spec.available
        self.action_bar.show_state(state, free=free, busy=self.busy)
        # A diagnosis runs beside a live session too (a session that seems stale), without a
        # login of its own.
        self.diagnose_button.setEnabled(not self.busy and self.spec.available)
        self.diagnose_login.setEnabled(free)
        self.form.set_enabled(not state.live)
        self.account_bar.set_enabled(not state.live and not self.busy)
        self.environment.setEnabled(not state.live)
        self.scenario.setEnabled(not state.live)
        simulated = self.current_environment is Environment.SIMULATOR
        self.scenario.setVisible(simulated)
        self.scenario_label.setVisible(simulated)

    def _info_changed(self) -> None:
        if not self._info_timer.isActive():
            self._info_timer.start()

    def _render_market(self) -> None:
        self.panel.show_market(market_status(self.spec.venues))

    def _render_info(self) -> None:
        info = self.session.info
        self.panel.show_info(info, self.session.context, self.session.state.live)
        self._render_market()
        log_problem = info.details.get(LOG_PROBLEM_DETAIL)
        if log_problem:
            self.log_problem.emit(log_problem)
        self.log_view.set_queue_drops(info.dropped)
        self._show_badge()

    def _show_badge(self) -> None:
        info = self.session.info
        warning = ""
        if info.clock_level is not Level.INFO and info.last_clock_text:
            warning = info.last_clock_text
        self.badge.show_state(self.session.state, warning)

    def _environment_changed(self) -> None:
        previous = self._current_env
        self._drafts[previous] = self.form.values()
        self._current_env = self.current_environment
        draft = self._drafts[self._current_env]
        self._show_form(draft)
        untouched = draft == self.account_control.saved_values(self._current_env)
        self._loaded = self.schema.public(self.form.values()) if untouched else None
        self.session.reset()  # the other environment's failure and runtime are not this one's
        self.reason.hide()
        self._render_state(self.session.state, "")
        self.fill_remembered()

    def _show_form(self, values: dict[str, Any]) -> None:
        """Fill the form with these values, rebuilding it when they resolve to other fields."""
        schema = self.spec.schema_for(self.current_environment, values)
        if schema.keys != self.schema.keys:
            self.schema = schema
            self.form = SchemaForm(schema, self)
            self._wire_form()
            self.scroll.setWidget(self.form)  # the scroll area deletes the previous form
            self._chain_focus()
        self.form.load(values)
        notice = self.spec.notice(self.current_environment) if self.spec.notice else ""
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))

    def _wire_form(self) -> None:
        self.form.relaid.connect(lambda: QTimer.singleShot(0, self._fit_form))
        self.form.submitted.connect(lambda: QTimer.singleShot(0, self.connect_clicked))
        # Queued: the form may be replaced, and the widget that emitted must finish emitting
        # before it is deleted (rebuilding inside its own signal crashed the console).
        self.form.changed.connect(lambda: QTimer.singleShot(0, self._refresh_schema))

    def _refresh_schema(self) -> None:
        """A value the form depends on changed (vnpy's gateway): rebuild when the form differs."""
        values = self.form.values()
        if self.spec.schema_for(self.current_environment, values).keys != self.schema.keys:
            self._show_form(values)
            self._update_controls()

    def autofill_clicked(self) -> None:
        assert self.spec.autofill is not None
        for key, value in self.spec.autofill().items():
            if key in self.form.editors:
                self.form.editors[key].set_value(value)
                self.form.editors[key].show_problem(None)
        self.session.note(self.tr("Station fields filled in from this machine."), Level.INFO)
