"""Every session at a glance: a row per broker (its account, health, uptime, last event age,
clock offset, latency, reconnects, Log in / Log out), a timeline of health per session over
the last hours with the drops marked, and small clock-offset and latency plots (Qt Charts).

Everything is drawn from the core's HealthTracker of each tab: the table and the charts read
the same model. The charts are built the first time the view is shown (Qt Charts costs start-up
time), and nothing is refreshed while no session is live.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.health import Health, HealthTracker
from gui.ui.i18n import Translatable, translate

if TYPE_CHECKING:
    from gui.ui.broker_tab import BrokerTab

REFRESH_MS = 1000
TIMELINE_HOURS = 4
CHART_SECONDS = 5.0
SECONDS_SHOWN_UNDER = 600  # a plot spanning less shows seconds on its time axis

HEALTH_COLOURS = {
    Health.OFFLINE: "#9e9e9e",
    Health.CONNECTING: "#1e88e5",
    Health.OK: "#2e7d32",
    Health.STALE: "#f9a825",
    Health.LOST: "#c62828",
    Health.RECONNECTING: "#ef6c00",
    Health.GAVE_UP: "#8e0000",
    Health.FAILED: "#c62828",
}


def health_label(state: Health) -> str:
    labels = {
        Health.OFFLINE: translate("health", "Offline"),
        Health.CONNECTING: translate("health", "Connecting"),
        Health.OK: translate("health", "Logged in"),
        Health.STALE: translate("health", "Stale"),
        Health.LOST: translate("health", "Lost"),
        Health.RECONNECTING: translate("health", "Reconnecting"),
        Health.GAVE_UP: translate("health", "Gave up"),
        Health.FAILED: translate("health", "Failed"),
    }
    return labels[state]


def seconds_text(value: float | None) -> str:
    if value is None:
        return "—"
    value = round(value)
    if value < 120:
        return f"{value} s"
    if value < 7200:
        return f"{value // 60} min"
    return f"{value // 3600} h {value % 3600 // 60} min"


def ms_text(value: float | None) -> str:
    return "—" if value is None else f"{round(value):d} ms"


COLUMNS = (
    QT_TRANSLATE_NOOP("sessions", "Broker"),
    QT_TRANSLATE_NOOP("sessions", "Account"),
    QT_TRANSLATE_NOOP("sessions", "Health"),
    QT_TRANSLATE_NOOP("sessions", "Uptime"),
    QT_TRANSLATE_NOOP("sessions", "Last event"),
    QT_TRANSLATE_NOOP("sessions", "Clock offset"),
    QT_TRANSLATE_NOOP("sessions", "Latency"),
    QT_TRANSLATE_NOOP("sessions", "Reconnects"),
    "",
)


class SessionsView(Translatable, QWidget):
    """The overview; `tabs()` gives the broker tabs built so far, `open_tab(id)` builds one."""

    def __init__(
        self,
        brokers: list[tuple[str, str]],
        tabs: Callable[[], list[BrokerTab]],
        open_tab: Callable[[str], BrokerTab],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessions_view")
        self._brokers = brokers  # (id, title)
        self._tabs = tabs
        self._open_tab = open_tab
        self.table = QTableWidget(len(brokers), len(COLUMNS), self)
        self.table.setObjectName("sessions_table")
        self.table.setHorizontalHeaderLabels([translate("sessions", name) for name in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the width, no gap
        self.buttons: dict[str, QPushButton] = {}
        for row, (broker, title) in enumerate(brokers):
            self.table.setItem(row, 0, QTableWidgetItem(translate("brokers", title)))
            for column in range(1, len(COLUMNS) - 1):
                self.table.setItem(row, column, QTableWidgetItem("—"))
            button = QPushButton(self.tr("Log in"), self.table)
            button.setObjectName(f"session_button_{broker}")
            button.clicked.connect(lambda _=False, b=broker: self._toggle(b))
            self.table.setCellWidget(row, len(COLUMNS) - 1, button)
            self.buttons[broker] = button
        self.table.setMinimumHeight(60)
        self.charts: HealthCharts | None = None
        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._splitter)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def showEvent(self, event) -> None:
        # Every session in view, no more: the charts below take the rest of the page.
        table = self.table
        table.resizeRowsToContents()  # the Log in buttons' height
        frame = 2 * table.frameWidth()
        scroll_bar = table.horizontalScrollBar().sizeHint().height()  # in a narrow window
        rows = table.verticalHeader().length() + table.horizontalHeader().sizeHint().height()
        table.setMaximumHeight(rows + frame + scroll_bar)
        if self.charts is None:
            self.charts = HealthCharts(self)
            self._splitter.addWidget(self.charts)
            self._splitter.setStretchFactor(0, 0)
            self._splitter.setStretchFactor(1, 1)
        self.refresh()
        super().showEvent(event)

    def trackers(self) -> dict[str, tuple[BrokerTab, HealthTracker]]:
        return {tab.spec.id: (tab, tab.health) for tab in self._tabs()}

    def health_changed(self) -> None:
        """A tracker changed state: render now."""
        self.refresh()

    def retranslate(self) -> None:
        """After a language change: the charts' titles and every row, in the new language."""
        if self.charts is not None:
            self.charts.redraw_soon()
        self.refresh()

    def refresh(self) -> None:
        """While shown, every second: ages, uptimes and the timeline's time move also when
        nothing is logged in (a few labels and, every CHART_SECONDS, the charts); hidden,
        nothing runs (the next show renders)."""
        if not self.isVisible():
            self._timer.stop()
            return
        if not self._timer.isActive():
            self._timer.start()
        trackers = self.trackers()
        for row, (broker, title) in enumerate(self._brokers):
            name = translate("brokers", title)
            if self.table.item(row, 0).text() != name:  # a language change
                self.table.item(row, 0).setText(name)
            pair = trackers.get(broker)
            if pair is None:
                self._row(row, "", None, None)
                continue
            tab, tracker = pair
            self._row(row, tab.account_name, tracker.snapshot(), tab)
        if self.charts is not None and self.charts.isVisible():
            names = {broker: translate("brokers", title) for broker, title in self._brokers}
            self.charts.render(
                [(broker, tracker) for broker, (_t, tracker) in trackers.items()], names
            )

    def _row(self, row: int, account: str, snapshot, tab: BrokerTab | None) -> None:
        cells = ["—"] * (len(COLUMNS) - 2)
        state = Health.OFFLINE if snapshot is None else snapshot.state
        if snapshot is not None:
            text = health_label(state)
            if state is Health.RECONNECTING:
                text = self.tr("{0} (attempt {1}, in {2})").format(
                    text, snapshot.attempt, seconds_text(snapshot.next_in_s)
                )
            cells = [
                account,
                text,
                seconds_text(snapshot.uptime_s),
                seconds_text(snapshot.last_event_age_s),
                ms_text(snapshot.clock_offset_ms),
                ms_text(snapshot.latency_ms),
                str(snapshot.reconnects),
            ]
        else:
            cells[1] = health_label(state)
        for column, text in enumerate(cells, start=1):
            item = self.table.item(row, column)
            if item.text() != text:
                item.setText(text)
        health_item = self.table.item(row, 2)
        health_item.setForeground(QColor(HEALTH_COLOURS[state]))
        if snapshot is not None and snapshot.reason:
            health_item.setToolTip(snapshot.reason)
        button = self.buttons[self._brokers[row][0]]
        live = tab is not None and (tab.session.state.live or state is Health.RECONNECTING)
        button.setText(self.tr("Log out") if live else self.tr("Log in"))

    def _toggle(self, broker: str) -> None:
        tab = self._open_tab(broker)
        if tab.session.state.live or tab.health.state is Health.RECONNECTING:
            tab.logout_clicked()
        else:
            tab.connect_clicked()
        self.refresh()


def _compact(chart, title: str) -> None:
    """Small charts for a dock: thin margins, small fonts, a short title."""
    from PySide6.QtCore import QMargins
    from PySide6.QtGui import QFont

    chart.setTitle(title)
    font = QFont(chart.titleFont())
    font.setPointSizeF(max(font.pointSizeF() - 1, 7))
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setBackgroundRoundness(0)
    small = QFont(font)
    small.setBold(False)
    small.setPointSizeF(max(font.pointSizeF() - 1, 7))
    chart.legend().setFont(small)
    for axis in chart.axes():
        axis.setLabelsFont(small)
        axis.setTruncateLabels(False)


class HealthCharts(Translatable, QWidget):
    """The timeline (a lane per session, coloured by health, drops marked) and the offset and
    latency plots, from the trackers' own series."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCharts import QChartView

        super().__init__(parent)
        self.timeline_view = QChartView(self)
        self.timeline_view.setObjectName("timeline")
        self.offset_view = QChartView(self)
        self.offset_view.setObjectName("offset_plot")
        self.latency_view = QChartView(self)
        self.latency_view.setObjectName("latency_plot")
        plots = QHBoxLayout()
        plots.addWidget(self.offset_view)
        plots.addWidget(self.latency_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.timeline_view, 3)
        layout.addLayout(plots, 2)
        self.lanes: list[str] = []  # the brokers the timeline shows, top to bottom
        self.segments = 0  # coloured segments drawn in the timeline
        self.drop_marks = 0
        self.points = {"offset": 0, "latency": 0}
        self._drawn_at: float | None = None  # when the charts were drawn; None: at the next render
        self._names: dict[str, str] = {}  # broker id -> the name shown in the UI language

    def render(
        self, trackers: list[tuple[str, HealthTracker]], names: dict[str, str] | None = None
    ) -> None:
        """Redraw at most every CHART_SECONDS (a chart is rebuilt whole: cheap for a person's
        glance, too dear for every second); the time axis moves with the clock."""
        now = time.monotonic()
        if self._drawn_at is not None and now - self._drawn_at < CHART_SECONDS:
            return
        self._drawn_at = now
        self._names = names or {}
        shown = [(broker, tracker) for broker, tracker in trackers if len(tracker.timeline) > 1]
        self.timeline_view.setChart(self._timeline(shown))
        self.offset_view.setChart(self._plot(shown, "offset", self.tr("Clock offset (ms)")))
        self.latency_view.setChart(self._plot(shown, "latency", self.tr("Latency (ms)")))

    def redraw_soon(self) -> None:
        """Draw at the next render, whatever changed (a new language's titles)."""
        self._drawn_at = None

    def no_data(self, title: str) -> str:
        """An empty chart says so (a blank box reads as broken)."""
        return self.tr("{0}: no data yet").format(title)

    def _timeline(self, trackers: list[tuple[str, HealthTracker]]):
        from PySide6.QtCharts import (
            QCategoryAxis,
            QChart,
            QDateTimeAxis,
            QLineSeries,
            QScatterSeries,
        )
        from PySide6.QtCore import QDateTime, QPointF
        from PySide6.QtGui import QPen

        chart = QChart()
        chart.legend().hide()
        now = time.time()
        start = now - TIMELINE_HOURS * 3600
        first = min((t.timeline[0][0] for _b, t in trackers), default=now - 60)
        start = max(start, first - 5)
        x_axis = QDateTimeAxis()
        x_axis.setFormat("HH:mm:ss")
        x_axis.setTickCount(4)
        x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(start * 1000)),
                        QDateTime.fromMSecsSinceEpoch(int(now * 1000)))  # fmt: skip
        y_axis = QCategoryAxis()
        y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        y_axis.setRange(-0.5, max(len(trackers), 1) - 0.5)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        self.lanes, self.segments, self.drop_marks = [], 0, 0
        lane_px = self.timeline_view.height() / max(len(trackers), 1)
        width = int(max(4, min(14, lane_px / 3)))
        for lane, (broker, tracker) in enumerate(trackers):
            self.lanes.append(broker)
            y_axis.append(self._names.get(broker, broker), lane)
            changes = [*tracker.timeline, (now, tracker.state)]
            for (begin, state), (end, _next) in itertools.pairwise(changes):
                if end < start:
                    continue
                series = QLineSeries()
                series.append(QPointF(max(begin, start) * 1000, lane))
                series.append(QPointF(end * 1000, lane))
                pen = QPen(QColor(HEALTH_COLOURS[state]))
                pen.setWidth(width)
                series.setPen(pen)
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
                self.segments += 1
            drops = QScatterSeries()
            drops.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
            drops.setMarkerSize(12)
            drops.setColor(QColor("#000000"))
            for dropped in tracker.drops:
                if dropped >= start:
                    drops.append(QPointF(dropped * 1000, lane + 0.25))
                    self.drop_marks += 1
            chart.addSeries(drops)
            drops.attachAxis(x_axis)
            drops.attachAxis(y_axis)
        title = self.tr("Health over the last hours (▲ a drop)")
        _compact(chart, title if trackers else self.no_data(title))
        return chart

    def _plot(self, trackers: list[tuple[str, HealthTracker]], what: str, title: str):
        from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QValueAxis
        from PySide6.QtCore import QPointF

        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        x_axis = QDateTimeAxis()
        x_axis.setTickCount(4)
        y_axis = QValueAxis()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        low, high, first, last, points = 0.0, 1.0, None, None, 0
        for broker, tracker in trackers:
            series = QLineSeries()
            series.setName(self._names.get(broker, broker))
            for sample in tracker.samples:
                value = sample.offset_ms if what == "offset" else sample.latency_ms
                if value is None:
                    continue
                series.append(QPointF(sample.at * 1000, value))
                low, high = min(low, value), max(high, value)
                first = sample.at if first is None else min(first, sample.at)
                last = sample.at if last is None else max(last, sample.at)
                points += 1
            chart.addSeries(series)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        from PySide6.QtCore import QDateTime

        end = last or time.time()
        begin = first if first is not None and first < end else end - 60
        x_axis.setFormat("HH:mm:ss" if end - begin < SECONDS_SHOWN_UNDER else "HH:mm")
        x_axis.setRange(QDateTime.fromMSecsSinceEpoch(int(begin * 1000)),
                        QDateTime.fromMSecsSinceEpoch(int(end * 1000)))  # fmt: skip
        margin = max((high - low) * 0.1, 1.0)
        y_axis.setRange(low - margin, high + margin)
        y_axis.setTickCount(3)
        y_axis.setLabelFormat("%.0f")
        self.points[what] = points
        _compact(chart, title if points else self.no_data(title))
        return chart
