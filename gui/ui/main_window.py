"""The console window: one tab per broker and a dock with every broker's log."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import APP_TITLE, __version__
from gui.core.events import Level
from gui.core.profiles import ProfileStore, config_dir
from gui.core.registry import BrokerSpec, Registry
from gui.core.session_log import SessionLog
from gui.ui.broker_tab import BrokerTab
from gui.ui.event_log import LogFeed
from gui.ui.file_watch import FileWatch
from gui.ui.i18n import LANGUAGES, Language, Translatable, retranslate, translate
from gui.ui.metrics_export import MetricsExport
from gui.ui.resources import app_icon
from gui.ui.scheduled_logins import ScheduledLogins

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtGui import QCloseEvent, QIcon
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QSystemTrayIcon

    from gui.core.bundle import Bundle
    from gui.core.health import Health
    from gui.ui.login_all import LoginAllSummary
    from gui.ui.sessions_view import SessionsView

CLOSE_TIMEOUT_SECONDS = 8.0
LOGIN_ALL_AT_STARTUP = "login_all_at_startup"  # the option's key in the settings file
CONFIRM_QUIT = "confirm_quit"  # window.ini: "false" once the trader said "Don't ask again"
LOG_CLOSE_SECONDS = 1.0  # the session log's last lines, at close


def window_settings() -> QSettings:
    """window.ini in the config dir: geometry, docks, the current tab, the UI language."""
    return QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)


class LazyTabs(Mapping[str, BrokerTab]):
    """Broker tabs by id, each built the first time it is asked for (start-up shows one)."""

    def __init__(self, registry: Registry, make: Callable[[BrokerSpec], BrokerTab]) -> None:
        self._registry = registry
        self._make = make
        self._built: dict[str, BrokerTab] = {}

    def __getitem__(self, broker: str) -> BrokerTab:
        return self.ensure(broker)

    def ensure(self, broker: str) -> BrokerTab:
        """The broker's tab, built now if it was not yet."""
        if broker not in self._built:
            self._built[broker] = self._make(self._registry.get(broker))
        return self._built[broker]

    def __iter__(self) -> Iterator[str]:
        return iter(self._registry.ids)

    def __len__(self) -> int:
        return len(self._registry)

    def built(self) -> list[BrokerTab]:
        return list(self._built.values())


class MainWindow(Translatable, QMainWindow):
    """Closing logs out every live session (bounded), then the window really closes."""

    closed = Signal()
    notified = Signal(str, str)  # (title, text) of a notification about a session
    # The session log cannot be written (emitted on the log's thread; shown on the GUI's).
    log_problem = Signal(str)

    def __init__(
        self,
        registry: Registry,
        profiles: ProfileStore,
        settings: QSettings | None = None,
        *,
        language: Language | None = None,
    ) -> None:
        super().__init__()
        self.registry = registry
        self.session_log = SessionLog()  # every tab's events, masked, on disk
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        self.settings = settings or window_settings()
        self.language = language
        if language is not None:
            language.changed.connect(self.retranslate)
        self.feed = LogFeed(parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("broker_tabs")
        self.broker_tabs = LazyTabs(registry, self._make_tab)
        self._profiles = profiles
        self._pages: dict[str, QWidget] = {}
        for spec in registry:  # an empty page per broker; the tab is built when first shown
            page = QWidget(self.tabs)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._pages[spec.id] = page
            self.tabs.addTab(page, translate("brokers", spec.title))
        # The overview of every session: a page of its own, so its charts have room; built
        # the first time it is shown.
        self.sessions_page = QWidget(self.tabs)
        self.sessions_page.setObjectName("sessions_page")
        QVBoxLayout(self.sessions_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.sessions_page, self.tr("Sessions"))
        self.sessions_view: SessionsView | None = None
        self._last_broker_page: QWidget = self.tabs.widget(0)
        self.tabs.currentChanged.connect(self._build_current)
        self.banner = self._make_banner(profiles.problem)
        self._log_problem_told = False
        self.log_problem.connect(self.show_log_problem, Qt.ConnectionType.QueuedConnection)
        self.session_log.problem_listeners.append(self.log_problem.emit)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.tray: QSystemTrayIcon | None = None  # made with the first session
        self._previous_health: dict[str, Health] = {}

        self.metrics_export = MetricsExport(profiles, self._notice, self)  # its Settings entry
        self._build_menus()
        # A CLI command or a second window may change the saved accounts while this one is open.
        self.settings_watch = FileWatch(profiles.path, self)
        self.settings_watch.changed.connect(self._saved_settings_changed)
        self.scheduled_logins = ScheduledLogins(
            self.registry, profiles, self._open_tab, self._schedule_notice, self
        )
        self.settings_watch.changed.connect(self.scheduled_logins.reconcile)
        QTimer.singleShot(0, self.scheduled_logins.reconcile)  # once the event loop runs
        if self.metrics_export.saved_address:  # after the first paint: prometheus_client loads
            QTimer.singleShot(
                0, lambda: self.metrics_export.expose(self.metrics_export.saved_address)
            )
        self._closing: asyncio.Task[None] | None = None
        self.quit_question: QMessageBox | None = None  # asked when quitting with live sessions
        self._bundling: asyncio.Task[None] | None = None
        self._logging_in_all: asyncio.Task[None] | None = None
        self.login_all_summary: LoginAllSummary | None = None
        self.last_bundle: Bundle | None = None
        self._may_close = False
        self.resize(1280, 860)
        self._restore()
        self._build_current()
        self.statusBar().showMessage(self.tr("Ready"), 3000)

    def _make_banner(self, problem: str) -> QFrame:
        """A bar above the tabs for what the user must know now (unusable saved settings)."""
        banner = QFrame(self)
        banner.setObjectName("banner")
        banner.setStyleSheet(
            "QFrame#banner { background: #fff3cd; border-bottom: 1px solid #e0c97a; }"
            " QLabel { color: #664d03; }"
        )
        text = QLabel(problem, banner)
        self.banner_text = text
        text.setObjectName("banner_text")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dismiss = QToolButton(banner)
        dismiss.setText(self.tr("Dismiss"))
        dismiss.clicked.connect(banner.hide)
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 6, 8, 6)
        row.addWidget(text, 1)
        row.addWidget(dismiss)
        banner.setVisible(bool(problem))
        return banner

    def show_log_problem(self, problem: str) -> None:
        """The session log cannot be written (here or in a login's worker): said once, in the
        banner, with the folder and the cause; the logins go on."""
        if self._log_problem_told:
            return
        self._log_problem_told = True
        text = self.tr("{0}. Logins go on, but their events are not kept for support.").format(
            problem.rstrip(".")
        )
        shown = self.banner_text.text() if self.banner.isVisible() else ""
        self.banner_text.setText(f"{shown}\n{text}" if shown else text)
        self.banner.show()

    def _make_tab(self, spec: BrokerSpec) -> BrokerTab:
        tab = BrokerTab(spec, self.feed, self._profiles, self)
        self.session_log.attach(tab.session)
        tab.log_problem.connect(self.show_log_problem)
        tab.health_changed.connect(lambda t=tab: self._health_changed(t))
        tab.state_changed.connect(lambda _s, t=tab: self._tab_state(t))
        tab.log_view.notice.connect(self._notice)
        tab.accounts_changed.connect(self.scheduled_logins.reconcile)
        self.metrics_export.add_tab(tab)
        page = self._pages[spec.id]
        page.layout().addWidget(tab)
        return tab

    def _build_current(self) -> None:
        page = self.tabs.currentWidget()
        on_sessions = page is self.sessions_page
        self.sessions_action.setChecked(on_sessions)
        if on_sessions:
            self._build_sessions()
            return
        self._last_broker_page = page
        for broker, candidate in self._pages.items():
            if candidate is page:
                self.broker_tabs[broker]

    def _notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _schedule_notice(self, title: str, text: str, level: Level) -> None:
        """A scheduled login's outcome: the status bar; a tray message unless it went well."""
        self.statusBar().showMessage(text, 10_000)
        if level is not Level.INFO:
            from PySide6.QtWidgets import QSystemTrayIcon  # not on the window's way up

            icon = QSystemTrayIcon.MessageIcon.Warning
            if level is Level.ERROR:
                icon = QSystemTrayIcon.MessageIcon.Critical
            self._make_tray().showMessage(title, text, icon, 15_000)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.login_all_action = QAction(self.tr("Log in to &all"), self)
        self.login_all_action.setObjectName("login_all")
        self.login_all_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.login_all_action.setToolTip(
            self.tr("Log in to every account marked 'Log in with all', side by side")
        )
        self.login_all_action.triggered.connect(self.log_in_to_all)
        file_menu.addAction(self.login_all_action)
        self.login_all_startup = QAction(self.tr("Log in to all at start-up"), self)
        self.login_all_startup.setObjectName("login_all_startup")
        self.login_all_startup.setCheckable(True)
        self.login_all_startup.setChecked(self._profiles.option(LOGIN_ALL_AT_STARTUP) is True)
        self.login_all_startup.toggled.connect(self._login_all_startup_toggled)
        file_menu.addAction(self.login_all_startup)
        # Tool buttons on the menu bar's line: always in view, no extra row of height.
        corner = QWidget(self)
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 4, 0)
        self.sessions_action = QAction(self.tr("&Sessions"), self)
        self.sessions_action.setObjectName("sessions")
        self.sessions_action.setCheckable(True)
        self.sessions_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sessions_action.setToolTip(self.tr("Every session's health, side by side"))
        self.sessions_action.triggered.connect(self._sessions_toggled)
        for name, action in (
            ("sessions_button", self.sessions_action),
            ("login_all_button", self.login_all_action),
        ):
            button = QToolButton(corner)
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            corner_row.addWidget(button)
        self.menuBar().setCornerWidget(corner, Qt.Corner.TopRightCorner)
        file_menu.addSeparator()
        self.export_account_action = file_menu.addAction(
            self.tr("&Export account…"), self.export_account_clicked
        )
        self.export_account_action.setToolTip(
            self.tr("The current tab's account as a file to hand over, without passwords")
        )
        self.import_account_action = file_menu.addAction(
            self.tr("&Import account…"), self.import_account_clicked
        )
        file_menu.addSeparator()
        self.bundle_action = QAction(self.tr("Save &support bundle…"), self)
        self.bundle_action.setObjectName("save_bundle")
        self.bundle_action.setToolTip(
            self.tr("A zip for desk support: runtime, session logs, diagnoses, settings; no secret")
        )
        self.bundle_action.triggered.connect(self.save_bundle_clicked)
        file_menu.addAction(self.bundle_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.sessions_action)
        self.notify_action = QAction(self.tr("&Notify when a session drops"), self)
        self.notify_action.setObjectName("notify")
        self.notify_action.setCheckable(True)
        self.notify_action.setChecked(self.settings.value("notifications", "true") == "true")
        self.notify_action.toggled.connect(
            lambda on: self.settings.setValue("notifications", "true" if on else "false")
        )
        view_menu.addAction(self.notify_action)
        language_menu = self.language_menu = view_menu.addMenu(self.tr("&Language"))
        language_menu.setObjectName("language_menu")
        self.language_actions: dict[str, QAction] = {}
        chosen = str(self.settings.value("language", "") or "")
        group = QActionGroup(self)
        for code, name in (("", self.tr("System default")), *LANGUAGES.items()):
            action = language_menu.addAction(name)  # each language named in itself
            action.setObjectName(f"language_{code or 'system'}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.log_folder_action = view_menu.addAction(
            self.tr("Open &log folder"), self.open_log_folder
        )
        settings_menu = self.menuBar().addMenu(self.tr("Se&ttings"))
        settings_menu.addAction(self.metrics_export.action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About"), self._about)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About {0}").format(APP_TITLE),
            self.tr("{0} {1}\nLog in to your brokers and see at a glance that it worked.").format(
                APP_TITLE, __version__
            ),
        )

    # -- language ----------------------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        """View → Language: switch now (`Language.changed` retranslates) and remember it."""
        self.settings.setValue("language", code)
        if self.language is not None:
            self.language.use(code or None)

    def retranslate(self) -> None:
        """Every shown text in the new language; what is rendered from state, rendered anew."""
        retranslate(self)
        for tab in self.broker_tabs.built():
            tab.retranslate()
        self._show_live_count()
        if self.sessions_view is not None:
            self.sessions_view.retranslate()

    # -- session health ----------------------------------------------------------------------

    def show_sessions(self) -> None:
        self.tabs.setCurrentWidget(self.sessions_page)

    def _sessions_toggled(self, on: bool) -> None:
        """The Sessions button: to the overview, and back to the broker tab shown before."""
        self.tabs.setCurrentWidget(self.sessions_page if on else self._last_broker_page)

    def _build_sessions(self) -> None:
        if self.sessions_view is None:
            from gui.ui.sessions_view import SessionsView

            self.sessions_view = SessionsView(
                [(spec.id, spec.title) for spec in self.registry],
                self.broker_tabs.built,
                self._open_tab,
                self.sessions_page,
            )
            self.sessions_page.layout().addWidget(self.sessions_view)

    def _make_tray(self) -> QSystemTrayIcon:
        """The tray icon, once a session has started: its colour is the worst session's."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.tray is None:
            self.tray = QSystemTrayIcon(self._tray_icon(None), self)
            self.tray.setObjectName("tray")
            self.tray.setToolTip(APP_TITLE)
            self.tray.activated.connect(lambda _reason: (self.showNormal(), self.activateWindow()))
            if QSystemTrayIcon.isSystemTrayAvailable():
                self.tray.show()
        return self.tray

    def _open_tab(self, broker: str) -> BrokerTab:
        return self.broker_tabs.ensure(broker)

    def _health_changed(self, tab: BrokerTab) -> None:
        """One session's health moved: the overview, the title's count, the tray's colour,
        and a notification when it was lost, recovered or given up."""
        from gui.core.health import Health

        tracker = tab.health
        previous = self._previous_health.get(tab.spec.id, Health.OFFLINE)
        state = tracker.state
        self._previous_health[tab.spec.id] = state
        title = translate("brokers", tab.spec.title)
        if state is Health.LOST and previous is not Health.LOST:
            self.notify(self.tr("{0}: session lost").format(title), tracker.reason)
        elif state is Health.OK and previous in (Health.RECONNECTING, Health.LOST):
            self.notify(
                self.tr("{0}: reconnected").format(title),
                self.tr("Logged in again (%n reconnect(s) so far)", None, tracker.reconnects + 1),
            )
        elif state is Health.GAVE_UP and previous is not Health.GAVE_UP:
            self.notify(self.tr("{0}: gave up reconnecting").format(title), tracker.reason)
        self._show_live_count()
        if self.sessions_view is not None:
            self.sessions_view.retranslate()

    def notify(self, title: str, text: str) -> None:
        if not self.notify_action.isChecked():
            return
        self.notified.emit(title, text)
        tray = self._make_tray()
        if tray.isVisible():
            tray.showMessage(title, text, tray.icon(), 8000)

    def health_summary(self) -> Health | None:
        """The worst health among the sessions (None: no session was started)."""
        from gui.core.health import Health

        order = [Health.GAVE_UP, Health.LOST, Health.RECONNECTING, Health.STALE, Health.OK]
        states = {tab.health.state for tab in self.broker_tabs.built()}
        return next((state for state in order if state in states), None)

    def _show_live_count(self) -> None:
        live = sum(1 for tab in self.broker_tabs.built() if tab.health.state.alive)
        # The title ends with the application's display name: Qt appends that name to any
        # title that does not (QPlatformWindow::formatWindowTitle, on X11 and Windows alike),
        # which read "Broker Login Console — 1 live — Broker Login Console".
        if live:
            self.setWindowTitle(self.tr("{1} live — {0}").format(APP_TITLE, live))
        else:
            self.setWindowTitle(APP_TITLE)
        summary = self.health_summary()
        tray = self._make_tray()
        tray.setIcon(self._tray_icon(summary))
        tray.setToolTip(
            APP_TITLE
            if summary is None
            else self.tr("{0}: {1} live, worst {2}").format(APP_TITLE, live, summary.value)
        )

    def _tray_icon(self, summary: Health | None) -> QIcon:
        """The app icon with a dot in the colour of the worst session."""
        from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

        from gui.ui.sessions_view import HEALTH_COLOURS

        pixmap = app_icon().pixmap(64, 64)
        if pixmap.isNull():
            pixmap = QPixmap(64, 64)
            pixmap.fill(Qt.GlobalColor.transparent)
        if summary is not None:
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(QColor(HEALTH_COLOURS[summary]))
            painter.setPen(QColor("#ffffff"))
            painter.drawEllipse(34, 34, 28, 28)
            painter.end()
        return QIcon(pixmap)

    # -- accounts ----------------------------------------------------------------------------

    def _saved_settings_changed(self) -> None:
        """Show what another process saved (tabs keep what the user is typing)."""
        for tab in self.broker_tabs.built():
            tab.show_saved_changes()
        blocked = self.login_all_startup.blockSignals(True)
        self.login_all_startup.setChecked(self._profiles.option(LOGIN_ALL_AT_STARTUP) is True)
        self.login_all_startup.blockSignals(blocked)

    def _login_all_startup_toggled(self, on: bool) -> None:
        try:
            self._profiles.set_option(LOGIN_ALL_AT_STARTUP, on)
        except OSError as exc:
            self._notice(str(exc))

    def login_all_accounts(self) -> dict[str, str]:
        """{broker: account} marked "Log in with all" (one per broker)."""
        return self._profiles.login_all_accounts(spec.id for spec in self.registry)

    def log_in_to_all(self) -> None:
        import asyncio

        if self._logging_in_all is not None and not self._logging_in_all.done():
            return
        chosen = self.login_all_accounts()
        if not chosen:
            self._notice(
                self.tr("No account is marked 'Log in with all': tick it on a broker's tab.")
            )
            return
        from gui.ui.login_all import LoginAllSummary

        self.login_all_summary = LoginAllSummary(self)
        self.login_all_summary.show()
        self.show_sessions()
        self._logging_in_all = asyncio.ensure_future(self._log_in_to_all(chosen))

    async def _log_in_to_all(self, chosen: dict[str, str]) -> None:
        import asyncio

        summary = self.login_all_summary
        assert summary is not None
        self.login_all_action.setEnabled(False)

        async def one(broker: str, account: str) -> None:
            tab = self.broker_tabs.ensure(broker)
            row = summary.add(translate("brokers", tab.spec.title), account)
            if tab.account_name != account and not tab.session.state.live:
                tab.select_account(account)
            if tab.account_name != account:
                summary.finish(row, False, self.tr("another account of it is logged in"))
                return
            try:
                ok, text = await tab.login_with_all()
            except Exception as exc:  # one broker's surprise must not stop the others
                ok, text = False, f"{type(exc).__name__}: {exc}"
            summary.finish(row, ok, text)

        try:
            await asyncio.gather(*(one(broker, name) for broker, name in chosen.items()))
        finally:
            self.login_all_action.setEnabled(True)
            summary.all_done()

    def export_account_clicked(self) -> None:
        tab = self.current_tab()
        dialog = self._account_dialog(self.tr("Export account"), save=True)
        dialog.selectFile(f"{tab.spec.id}-{tab.account_name}.json")
        dialog.fileSelected.connect(lambda path: self._export_account(tab, Path(path)))
        dialog.open()

    def _export_account(self, tab: BrokerTab, path: Path) -> None:
        import json

        from gui.core.profiles import AccountError
        from gui.core.shared_files import OutputRefused, write_output

        tab.save_profile()
        try:
            profile = tab.account_control.export(self.registry)
            text = json.dumps(profile, ensure_ascii=False, indent=2)
            write_output(path, lambda out: out.write(text.encode("utf-8")))
        except (AccountError, OutputRefused, OSError) as exc:
            self._notice(self.tr("The account could not be exported: {0}").format(exc))
            return
        self._notice(self.tr("Account exported to {0} (no password in it)").format(path))

    def import_account_clicked(self) -> None:
        dialog = self._account_dialog(self.tr("Import account"), save=False)
        dialog.fileSelected.connect(lambda path: self.import_account(Path(path)))
        dialog.open()

    def import_account(self, path: Path) -> None:
        """Add the account (renamed "name (2)" when taken) and show it on its broker's tab."""
        from gui.core.accounts import Accounts, read_export
        from gui.core.errors import BrokerFailure
        from gui.core.profiles import AccountError

        try:
            text = read_export(path)
            account = Accounts(self._profiles).import_(self.registry, text, free_name=True)
        except (AccountError, OSError) as exc:
            self._notice(self.tr("The account could not be imported: {0}").format(exc))
            return
        except BrokerFailure as failure:  # values the form would refuse, each named
            self._notice(self.tr("The account could not be imported: {0}").format(failure.reason))
            return
        tab = self.broker_tabs.ensure(account.broker)
        self.tabs.setCurrentWidget(self._pages[account.broker])
        if not tab.session.state.live:
            tab.select_account(account.name)
        self._notice(self.tr("Account {0} imported for {1}").format(account.name, account.broker))

    def current_tab(self) -> BrokerTab:
        """The broker tab shown, or the one shown last while the overview is in front."""
        page = self._last_broker_page
        broker = next(b for b, candidate in self._pages.items() if candidate is page)
        return self.broker_tabs.ensure(broker)

    def _account_dialog(self, title: str, *, save: bool) -> QFileDialog:
        return self._file_dialog(
            title, "account_dialog", self.tr("Account files (*.json)"), "json", save=save
        )

    def _file_dialog(
        self, title: str, name: str, name_filter: str, suffix: str, *, save: bool
    ) -> QFileDialog:
        """A file dialog in Documents (made first when saving), the same on every desktop
        (not the native one), deleted once closed."""
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, title)
        dialog.setObjectName(name)
        mode = QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen
        dialog.setAcceptMode(mode)
        dialog.setNameFilter(name_filter)
        dialog.setDefaultSuffix(suffix)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if save and documents:
            with contextlib.suppress(OSError):
                Path(documents).mkdir(parents=True, exist_ok=True)
        dialog.setDirectory(documents or str(Path.home()))
        return dialog

    # -- desk support ------------------------------------------------------------------------

    def open_log_folder(self) -> None:
        """The session logs, diagnoses and error log, in the system's file manager."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        folder = self.session_log.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._notice(self.tr("The log folder {0} cannot be made: {1}").format(folder, exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._notice(self.tr("Logs are in {0}").format(folder))

    def save_bundle_clicked(self) -> None:
        dialog = self._file_dialog(
            self.tr("Save support bundle"),
            "bundle_dialog",
            self.tr("Zip files (*.zip)"),
            "zip",
            save=True,
        )
        dialog.selectFile(f"broker-console-support-{date.today():%Y%m%d}.zip")
        dialog.fileSelected.connect(self.save_bundle)
        dialog.open()

    def save_bundle(self, path: str) -> None:
        """Write the bundle off the GUI thread (the runtime report runs a self-test child)."""
        import asyncio

        self.bundle_action.setEnabled(False)
        self.statusBar().showMessage(self.tr("Saving the support bundle…"))
        self._bundling = asyncio.ensure_future(self._save_bundle(Path(path)))

    async def _save_bundle(self, path: Path) -> None:
        import asyncio

        from gui.core import bundle

        try:
            await asyncio.to_thread(self.session_log.flush, 2.0)
            made = await asyncio.to_thread(bundle.build, path, self.registry)
        except (OSError, ValueError) as exc:  # ValueError: the target is a device, a folder…
            self._notice(self.tr("The support bundle could not be saved: {0}").format(exc))
        else:
            self.last_bundle = made
            self._notice(
                self.tr("Support bundle saved: {0} (%n file(s))", None, len(made.files)).format(
                    made.path
                )
            )
        finally:
            self.bundle_action.setEnabled(True)

    def _tab_state(self, tab: BrokerTab) -> None:
        index = self.tabs.indexOf(self._pages[tab.spec.id])
        title = translate("brokers", tab.spec.title)
        if tab.session.state.live:
            title = f"● {title}"
        self.tabs.setTabText(index, title)

    # -- geometry ----------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        with contextlib.suppress(TypeError, ValueError):
            self.tabs.setCurrentIndex(int(self.settings.value("current_tab", 0)))

    def _remember(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.remove("window_state")  # the docks of earlier versions
        self.settings.setValue("current_tab", self.tabs.currentIndex())
        self.settings.sync()
        for tab in self.broker_tabs.built():
            tab.save_profile()

    # -- closing -----------------------------------------------------------------------------

    def live_tabs(self) -> list[BrokerTab]:
        return [tab for tab in self.broker_tabs.built() if tab.session.state.live]

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close or not self.live_tabs():
            self.scheduled_logins.stop()
            self.metrics_export.stop()
            self._stop_reconnecting()
            self._remember()
            self.session_log.close(LOG_CLOSE_SECONDS)
            if self.tray is not None:
                self.tray.hide()
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        if self._closing is not None or self.quit_question is not None:
            return
        if self.settings.value(CONFIRM_QUIT, "true") == "false":
            self._log_out_then_close()
            return
        self.quit_question = self._ask_before_quitting()

    def _ask_before_quitting(self) -> QMessageBox:
        """Live sessions: log them out and quit, or stay (window-modal, the loop runs on)."""
        from PySide6.QtWidgets import QCheckBox, QMessageBox

        names = ", ".join(translate("brokers", tab.spec.title) for tab in self.live_tabs())
        box = QMessageBox(self)
        box.setObjectName("quit_question")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Quit"))
        box.setText(self.tr("Log out of {0} and quit?").format(names))
        quit_button = box.addButton(self.tr("Log out and quit"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quit_confirm")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(quit_button)
        again = QCheckBox(self.tr("Don't ask again"), box)
        again.setObjectName("quit_dont_ask")
        box.setCheckBox(again)

        def answered() -> None:
            self.quit_question = None
            if box.clickedButton() is not quit_button:
                return
            if again.isChecked():
                self.settings.setValue(CONFIRM_QUIT, "false")
            self._log_out_then_close()

        box.finished.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _stop_reconnecting(self) -> None:
        for tab in self.broker_tabs.built():  # no reconnect may start once closing began
            tab.stop_reconnecting()

    def _log_out_then_close(self) -> None:
        import asyncio  # loaded once the window shows (start-up)

        self._stop_reconnecting()
        self.statusBar().showMessage(self.tr("Logging out of every broker before closing…"))
        self._closing = asyncio.ensure_future(self._shutdown_then_close())

    async def _shutdown_then_close(self) -> None:
        import asyncio

        sessions = [tab.session for tab in self.live_tabs()]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                asyncio.gather(*(s.shutdown() for s in sessions), return_exceptions=True),
                CLOSE_TIMEOUT_SECONDS,
            )
        self._may_close = True
        self.close()
