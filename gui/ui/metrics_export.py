"""Settings → Expose metrics: the window's sessions served to Prometheus (gui/core/metrics.py),
remembered across restarts; off by default, on 127.0.0.1 unless the user types another
address (then the window warns that the desk's figures are reachable from the network)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.core.errors import InvalidSettings
from gui.core.profiles import ProfileStore
from gui.ui.i18n import Translatable

if TYPE_CHECKING:
    from gui.core.metrics import ConsoleMetrics, SessionSeries
    from gui.core.metrics_server import MetricsServer
    from gui.ui.broker_tab import BrokerTab

METRICS_OPTION = "metrics_address"  # the option's key in the settings file ('' when off)


class MetricsExport(Translatable, QObject):
    def __init__(self, profiles: ProfileStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
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
