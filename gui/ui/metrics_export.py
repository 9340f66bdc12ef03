"""Settings → Expose metrics: the window's sessions served to Prometheus (gui/core/metrics.py),
remembered across restarts; off by default, on 127.0.0.1 unless the user types another
address (then the window warns that the desk's figures are reachable from the network)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from gui.core.errors import InvalidSettings
from gui.core.profiles import ProfileStore
from gui.ui.i18n import Translatable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QInputDialog

    from gui.core.metrics import ConsoleMetrics, SessionSeries
    from gui.core.metrics_server import MetricsServer
    from gui.ui.broker_tab import BrokerTab

METRICS_OPTION = "metrics_address"  # the option's key in the settings file ('' when off)


class MetricsExport(Translatable, QObject):
    """The Settings entry, its dialog and warning, and the endpoint over the window's tabs."""

    def __init__(
        self, profiles: ProfileStore, notice: Callable[[str], None], window: QWidget
    ) -> None:
        super().__init__(window)
        self.window = window
        self.notice = notice
        self.question: QInputDialog | None = None
        self.action = QAction(self.tr("Expose metrics for &Prometheus…"), window)
        self.action.setObjectName("expose_metrics")
        self.action.setCheckable(True)
        self.action.setToolTip(
            self.tr("Serve the sessions' health at http://HOST:PORT/metrics for Prometheus")
        )
        self.action.triggered.connect(self.ask)
        self.profiles = profiles
        self.metrics: ConsoleMetrics | None = None
        self.server: MetricsServer | None = None
        self.series: dict[str, SessionSeries] = {}
        self.tabs: list[BrokerTab] = []

    @property
    def saved_address(self) -> str:
        value = self.profiles.option(METRICS_OPTION)
        return value if isinstance(value, str) else ""

    def add_tab(self, tab: BrokerTab) -> None:
        """A tab built: its session is served from now on (when the export is on)."""
        self.tabs.append(tab)
        if self.metrics is not None:
            self._serve(tab)

    def start(self, address: str) -> str:
        """Serve on HOST:PORT and remember it; '' when it runs, else why not."""
        from gui.core.metrics import ConsoleMetrics  # prometheus_client: only when asked for
        from gui.core.metrics_server import MetricsServer, parse_address

        self.stop()
        try:
            host, port = parse_address(address)
            self.metrics = ConsoleMetrics() if self.metrics is None else self.metrics
            server = MetricsServer(self.metrics, host, port).start()
        except InvalidSettings as failure:
            return "; ".join(failure.field_errors.values())
        except OSError as exc:
            return self.tr("Cannot listen on {0}: {1}").format(address, exc)
        self.server = server
        for tab in self.tabs:
            self._serve(tab)
        self.profiles.set_option(METRICS_OPTION, address)  # an OSError: the caller says so
        return ""

    def stop(self, *, forget: bool = False) -> None:
        server, self.server = self.server, None
        if server is not None:
            server.stop()
        if forget:
            self.profiles.set_option(METRICS_OPTION, "")

    def _serve(self, tab: BrokerTab) -> None:
        from gui.core.metrics import SessionSeries

        if tab.spec.id in self.series or self.metrics is None:
            return
        series = SessionSeries(
            tab.session, tab.health, tab.account_name, tab.current_environment.value
        )
        self.series[tab.spec.id] = series
        self.metrics.add(series)
        # Each login is labelled with the account and environment it logs in with.
        tab.state_changed.connect(
            lambda _state, t=tab, s=series: s.relabel(t.account_name, t.current_environment.value)
        )

    # -- the Settings entry --------------------------------------------------------------------

    def ask(self) -> QInputDialog:
        """Settings → Expose metrics…: HOST:PORT (empty: off), window-modal, not blocking."""
        from PySide6.QtWidgets import QInputDialog

        from gui.core.metrics_server import DEFAULT_ADDRESS

        dialog = QInputDialog(self.window)
        dialog.setObjectName("metrics_dialog")
        dialog.setWindowTitle(self.tr("Expose metrics"))
        dialog.setLabelText(
            self.tr(
                "Serve the sessions' health for Prometheus at http://HOST:PORT/metrics (empty: "
                "off). 127.0.0.1 keeps it on this computer; another address makes it reachable "
                "from the network."
            )
        )
        dialog.setTextValue(self.saved_address or DEFAULT_ADDRESS)
        dialog.textValueSelected.connect(self.expose)
        dialog.rejected.connect(self._show_state)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.question = dialog
        return dialog

    def expose(self, address: str) -> None:
        """Serve (or, for an empty address, stop serving) the metrics; say where, or why not."""
        address = address.strip()
        try:
            if not address:
                self.stop(forget=True)
                self.notice(self.tr("Metrics are no longer served."))
            elif problem := self.start(address):
                self.notice(self.tr("Metrics not served: {0}").format(problem))
            else:
                self._served(address)
        except OSError as exc:  # served, but the choice could not be saved
            self.notice(self.tr("Could not save the settings: {0}").format(exc))
        self._show_state()

    def _served(self, address: str) -> None:
        from gui.core.metrics_server import parse_address
        from gui.core.schema import is_loopback

        server = self.server
        assert server is not None
        self.notice(self.tr("Metrics at {0}").format(server.url))
        if not is_loopback(parse_address(address)[0]):
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Metrics reachable from the network"),
                self.tr(
                    "{0} can be read by anyone who reaches this computer on the network: the "
                    "brokers, accounts and session states of this desk (never a password). "
                    "Use 127.0.0.1 unless Prometheus runs elsewhere and the network is trusted."
                ).format(server.url),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            box.setObjectName("metrics_warning")
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _show_state(self) -> None:
        server = self.server
        self.action.setChecked(server is not None)
        self.action.setStatusTip(server.url if server is not None else "")
