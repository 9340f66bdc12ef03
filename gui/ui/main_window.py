"""The console window: one tab per broker and a dock with every broker's log."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import APP_TITLE, __version__
from gui.core.profiles import ProfileStore, config_dir
from gui.core.registry import BrokerSpec, Registry
from gui.core.session_log import SessionLog
from gui.ui.broker_tab import BrokerTab
from gui.ui.event_log import LogFeed
from gui.ui.event_view import EventLogView
from gui.ui.resources import app_icon

if TYPE_CHECKING:
    import asyncio

    from gui.core.bundle import Bundle

CLOSE_TIMEOUT_SECONDS = 8.0
LOG_CLOSE_SECONDS = 1.0  # the session log's last lines, at close


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


class MainWindow(QMainWindow):
    """Closing logs out every live session (bounded), then the window really closes."""

    closed = Signal()

    def __init__(
        self,
        registry: Registry,
        profiles: ProfileStore,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.registry = registry
        self.session_log = SessionLog()  # every tab's events, masked, on disk
        self.setWindowTitle(APP_TITLE)
        self.setWindowIcon(app_icon())
        self.settings = settings or QSettings(
            str(config_dir() / "window.ini"), QSettings.Format.IniFormat
        )
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
            self.tabs.addTab(page, self.tr(spec.title))
        self.tabs.currentChanged.connect(self._build_current)
        self.banner = self._make_banner(profiles.problem)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.all_view = EventLogView(self.feed, None, self)
        self.all_view.notice.connect(self._notice)
        self.dock = QDockWidget(self.tr("All brokers"), self)
        self.dock.setObjectName("all_brokers_dock")
        self.dock.setWidget(self.all_view)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)

        self._build_menus()
        self._closing: asyncio.Task[None] | None = None
        self._bundling: asyncio.Task[None] | None = None
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

    def _make_tab(self, spec: BrokerSpec) -> BrokerTab:
        tab = BrokerTab(spec, self.feed, self._profiles, self)
        self.session_log.attach(tab.session)
        tab.state_changed.connect(lambda _s, t=tab: self._tab_state(t))
        tab.log_view.notice.connect(self._notice)
        page = self._pages[spec.id]
        page.layout().addWidget(tab)
        return tab

    def _build_current(self) -> None:
        page = self.tabs.currentWidget()
        for broker, candidate in self._pages.items():
            if candidate is page:
                self.broker_tabs[broker]

    def _notice(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
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
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.dock.toggleViewAction())
        self.log_folder_action = view_menu.addAction(
            self.tr("Open &log folder"), self.open_log_folder
        )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&About"), self._about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {0}").format(APP_TITLE),
            self.tr("{0} {1}\nLog in to your brokers and see at a glance that it worked.").format(
                APP_TITLE, __version__
            ),
        )

    # -- desk support ------------------------------------------------------------------------

    def open_log_folder(self) -> None:
        """The session logs, diagnoses and error log, in the system's file manager."""
        folder = self.session_log.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._notice(self.tr("The log folder {0} cannot be made: {1}").format(folder, exc))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._notice(self.tr("Logs are in {0}").format(folder))

    def save_bundle_clicked(self) -> None:
        dialog = QFileDialog(self, self.tr("Save support bundle"))
        dialog.setObjectName("bundle_dialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Zip files (*.zip)"))
        dialog.setDefaultSuffix("zip")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        with contextlib.suppress(OSError):
            Path(documents).mkdir(parents=True, exist_ok=True)
        dialog.setDirectory(documents or str(Path.home()))
        dialog.selectFile(f"broker-console-support-{date.today():%Y%m%d}.zip")
        dialog.fileSelected.connect(self.save_bundle)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        except OSError as exc:
            self._notice(self.tr("The support bundle could not be saved: {0}").format(exc))
        else:
            self.last_bundle = made
            self._notice(
                self.tr("Support bundle saved: {0} ({1} files)").format(made.path, len(made.files))
            )
        finally:
            self.bundle_action.setEnabled(True)

    def _tab_state(self, tab: BrokerTab) -> None:
        index = self.tabs.indexOf(self._pages[tab.spec.id])
        title = self.tr(tab.spec.title)
        if tab.session.state.live:
            title = f"● {title}"
        self.tabs.setTabText(index, title)

    # -- geometry ----------------------------------------------------------------------------

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(state)
        with contextlib.suppress(TypeError, ValueError):
            self.tabs.setCurrentIndex(int(self.settings.value("current_tab", 0)))

    def _remember(self) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        self.settings.setValue("current_tab", self.tabs.currentIndex())
        self.settings.sync()
        for tab in self.broker_tabs.built():
            tab.save_profile()

    # -- closing -----------------------------------------------------------------------------

    def live_tabs(self) -> list[BrokerTab]:
        return [tab for tab in self.broker_tabs.built() if tab.session.state.live]

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close or not self.live_tabs():
            self._remember()
            self.session_log.close(LOG_CLOSE_SECONDS)
            event.accept()
            self.closed.emit()
            return
        event.ignore()
        import asyncio  # loaded once the window shows (start-up)

        if self._closing is None:
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
