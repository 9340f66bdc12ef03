"""The state badge and the session panel: what a trader checks at a glance.

Both render the latest state when asked (the tab asks at most once per frame); styles are set
once and switched by a property, never rebuilt per update."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core import credential_expiry
from gui.core.clock import as_precise_as
from gui.core.context import Context
from gui.core.credential_expiry import CREDENTIAL_EXPIRES, WARNING_DAYS
from gui.core.events import Level
from gui.core.native_codes import NativeCode
from gui.core.session import SessionInfo, SessionState
from gui.core.trading_hours import VENUES, MarketStatus, local_text, span_parts
from gui.ui.i18n import Translatable, explained, explained_fully, translate

_BADGE: dict[SessionState, tuple[str, str]] = {
    SessionState.DISCONNECTED: (QT_TRANSLATE_NOOP("state", "Disconnected"), "idle"),
    SessionState.CONNECTING: (QT_TRANSLATE_NOOP("state", "Connecting…"), "busy"),
    SessionState.CONNECTED: (QT_TRANSLATE_NOOP("state", "Connected, logging in…"), "busy"),
    SessionState.LOGGED_IN: (QT_TRANSLATE_NOOP("state", "Logged in"), "good"),
    SessionState.LOGGING_OUT: (QT_TRANSLATE_NOOP("state", "Logging out…"), "busy"),
    SessionState.FAILED: (QT_TRANSLATE_NOOP("state", "Failed"), "bad"),
}
# White on each: at least 4.5:1 (WCAG AA for text of this size).
BADGE_STYLE = (
    "QLabel { color: white; border-radius: 10px; padding: 3px 12px; font-weight: bold; }"
    ' QLabel[tone="idle"] { background: #757575; }'
    ' QLabel[tone="busy"] { background: #b45309; }'
    ' QLabel[tone="good"] { background: #2e7d32; }'
    ' QLabel[tone="warn"] { background: #8a5a00; }'
    ' QLabel[tone="bad"] { background: #c62828; }'
)
PANEL_STYLE = (
    'QLabel[warning="true"] { color: #c62828; font-weight: bold; }'
    ' QLabel[stale="true"] { color: #6b6b6b; font-style: italic; }'
)


def state_label(state: SessionState) -> str:
    return translate("state", _BADGE[state][0])


def _set_property(widget: QWidget, name: str, value: str) -> None:
    """Switch a style property; re-polish only when it changed."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        # A widget not polished yet (not shown) takes the property when it is; re-polishing it
        # now would only load QStyle's Python enums, 30 ms of start-up.
        if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class StateBadge(Translatable, QLabel):
    """A coloured pill showing the session state; it renders, never infers. A logged-in
    session the broker warned about (its clock) shows amber, the warning as tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("state_badge")
        self.setStyleSheet(BADGE_STYLE)
        self.state = SessionState.DISCONNECTED
        self.warning = ""
        self.show_state(SessionState.DISCONNECTED)

    def show_state(self, state: SessionState, warning: str = "") -> None:
        shown_warning = self.warning
        self.state = state
        self.warning = warning if state is SessionState.LOGGED_IN else ""
        text, tone = state_label(state), _BADGE[state][1]
        if self.warning:
            text = translate("state", "Logged in — check the clock")
            tone = "warn"
        self.setText(text)
        if self.warning != shown_warning:  # each call is an event, and the badge renders a lot
            self.setToolTip(self.warning)
        _set_property(self, "tone", tone)


def steady_label(*widest: str) -> QLabel:
    """A label whose value changes every second: a fixed size (that of its widest value), so
    a new value repaints the label alone. A label that may change size makes Qt lay out and
    repaint the whole window on every change."""
    label = QLabel("—")
    metrics = label.fontMetrics()
    width = max(metrics.horizontalAdvance(text) for text in widest) + 4
    label.setFixedSize(width, label.sizeHint().height())
    # Opaque: it paints its own background, so a new value repaints the label alone, not
    # every widget behind it up to the window (ten paint events a second when idle).
    label.setAutoFillBackground(True)
    return label


def describe_offset(offset: timedelta, resolution: float = 0.0) -> str:
    """The clock offset as precisely as its source tells it: LongPort's HTTP Date has whole
    seconds, so within ±0.5 s it is in step, and beyond it counts whole seconds."""
    seconds = as_precise_as(offset.total_seconds(), resolution)
    if resolution:
        half = resolution / 2
        if seconds == 0:
            return translate("panel", "in step with this machine (± {0:g} s)").format(half)
        if seconds > 0:
            text = translate("panel", "server {0:.0f} s ahead of this machine (± {1:g} s)")
        else:
            text = translate("panel", "server {0:.0f} s behind this machine (± {1:g} s)")
        return text.format(abs(seconds), half)
    if abs(seconds) < 0.05:
        return translate("panel", "in step with this machine")
    if seconds > 0:
        text = translate("panel", "server {0:.1f} s ahead of this machine")
    else:
        text = translate("panel", "server {0:.1f} s behind this machine")
    return text.format(abs(seconds))


def _offset_samples() -> list[str]:
    """The widest texts the clock offset shows, in the UI language."""
    return [
        describe_offset(timedelta(hours=hours), resolution)
        for hours in (-99.9, 99.9, 0)
        for resolution in (0.0, 1.0)
    ]


class SessionPanel(Translatable, QGroupBox):
    """Server time and its offset, latency, SDK facts, recover progress, exchanges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)  # its tab names it
        self.setFlat(True)
        self.setStyleSheet(PANEL_STYLE)
        self.server_time = steady_label("2026-11-22 05:57:37.572+08:00")
        self.offset = steady_label(*_offset_samples())
        self.offset.setObjectName("clock_offset")
        self.offset.setProperty("warning", "false")
        for label in (self.server_time, self.offset):  # before the first polish (start-up)
            label.setProperty("stale", "false")
        self.latency = steady_label("99,999.9 ms")
        self.latency.setProperty("stale", "false")
        self.exchanges = QLabel("—")
        self.exchanges.setObjectName("exchanges")
        self.exchanges.setWordWrap(True)
        self.facts = QFormLayout()
        self.facts.addRow(self.tr("Server time"), self.server_time)
        self.facts.addRow(self.tr("Clock offset"), self.offset)
        self.facts.addRow(self.tr("Connection quality"), self.latency)
        self.facts.addRow(self.tr("Exchanges"), self.exchanges)
        # Whether the broker's venues are in session (gui/core/trading_hours.py).
        self.market = QLabel("—")
        self.market.setObjectName("market")
        self.market.setWordWrap(True)
        self.facts.addRow(self.tr("Market"), self.market)
        # The vendor's own code for the last failure, explained (gui/core/native_codes.py).
        self.native_code = QLabel()
        self.native_code.setObjectName("native_code")
        self.native_code.setWordWrap(True)
        self.native_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.addRow(self.tr("Vendor code"), self.native_code)
        self.facts.setRowVisible(self.native_code, False)
        self._detail_labels: dict[str, QLabel] = {}
        self._shown_details: dict[str, str] = {}
        self._shown_recover: list[tuple[str, str, str]] = []
        self.recover = QTableWidget(0, 3, self)
        self.recover.setObjectName("recover_table")
        self.recover.setHorizontalHeaderLabels(
            [self.tr("Topic"), self.tr("Status"), self.tr("Count")]
        )
        self.recover.verticalHeader().hide()
        self.recover.verticalHeader().setDefaultSectionSize(20)
        header = self.recover.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths for the short columns: sizing them to their contents re-measured every
        # row on every update (a recovery of 50 topics cost 30 ms a frame).
        metrics = self.recover.fontMetrics()
        for column, sample in ((1, "RS_PROGRESS"), (2, "1,000,000")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.recover.setColumnWidth(column, metrics.horizontalAdvance(sample) + 16)
        self.recover.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the topic's end
        self.recover.setWordWrap(False)
        self.recover.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.recover_title = QLabel(self.tr("Recovery progress"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.facts)
        layout.addWidget(self.recover_title)
        layout.addWidget(self.recover, 1)
        layout.addStretch(0)
        self.recover_title.hide()  # until a recovery starts
        self.recover.hide()

    def fit_to_language(self) -> None:
        """After a language change the offset's texts have other widths: size it again."""
        metrics = self.offset.fontMetrics()
        width = max(metrics.horizontalAdvance(text) for text in _offset_samples()) + 4
        self.offset.setFixedWidth(width)

    def show_info(self, info: SessionInfo, context: Context, live: bool = True) -> None:
        """`live`: False once the session ended: its last clock figures stay, marked old."""
        if info.server_time is not None:
            self.server_time.setText(info.server_time.isoformat(sep=" ", timespec="milliseconds"))
        else:
            self.server_time.setText("—")
        old = not live and info.server_time is not None
        for label in (self.server_time, self.offset, self.latency):
            _set_property(label, "stale", "true" if old else "false")
            # Grey italic, and said on hover: the labels keep the width of a live value (the
            # window's minimum width depends on it).
            label.setToolTip(
                self.tr("Before the logout: from the session that ended, not live") if old else ""
            )
        warning = info.clock_level is not Level.INFO and info.clock_offset is not None
        if info.clock_offset is not None:
            self.offset.setText(describe_offset(info.clock_offset, info.clock_resolution))
        else:
            self.offset.setText("—")
        _set_property(self.offset, "warning", "true" if warning else "false")
        self.latency.setText("—" if info.latency_ms is None else f"{info.latency_ms:g} ms")
        self.exchanges.setText(
            ", ".join(e.describe() for e in context.exchanges) if context.exchanges else "—"
        )
        if info.details != self._shown_details:
            self._show_details(info.details)
        rows = [
            (p.topic, p.status, "" if p.count is None else str(p.count))
            for p in info.recover.values()
        ]
        if rows != self._shown_recover:  # a clock tick leaves the table alone
            self._show_recover(rows)

    def show_market(self, status: MarketStatus | None) -> None:
        """'Open (TAIFEX), closes in 2 h 05 min' / 'Closed; opens at Mon … (your time)'."""
        self.facts.setRowVisible(self.market, status is not None)
        if status is None:
            return
        if status.open and status.closes_at is not None:
            left = status.closes_at - status.at
            text = self.tr("Open ({0}), closes in {1}").format(status.venue, self._span(left))
        elif status.opens_at is None:
            text = self.tr("Closed")
        else:
            opens = local_text(status.opens_at)
            if status.in_maintenance:
                text = self.tr("Closed (maintenance window); opens at {0} ({1})")
            else:
                text = self.tr("Closed; opens at {0} ({1})")
            text = text.format(opens, status.venue)
        self.market.setText(text)
        self.market.setToolTip(VENUES[status.venue].name)

    def _span(self, left: timedelta) -> str:
        days, hours, minutes = span_parts(left)
        if days:
            return self.tr("{0} d {1} h").format(days, hours)
        if hours:
            return self.tr("{0} h {1} min").format(hours, f"{minutes:02d}")
        return self.tr("{0} min").format(minutes)

    def show_native_code(self, code: str | None, known: NativeCode | None) -> None:
        """The last failure's vendor code and what it means; no row without one."""
        self.facts.setRowVisible(self.native_code, code is not None)
        if code is None:
            return
        if known is None:
            self.native_code.setText(self.tr("{0} (not explained)").format(code))
            self.native_code.setToolTip("")
        else:
            self.native_code.setText(f"{code}: {explained(known)}")
            self.native_code.setToolTip(explained_fully(known))

    def _show_details(self, details: dict[str, str]) -> None:
        for name, value in details.items():
            label = self._detail_labels.get(name)
            if label is None:
                label = QLabel()
                label.setObjectName(f"detail_{name.replace(' ', '_').lower()}")
                label.setWordWrap(True)
                self.facts.addRow(translate("panel", name), label)
                self._detail_labels[name] = label
            if name == CREDENTIAL_EXPIRES:
                self._show_expiry(label, value)
            else:
                label.setText(value)
        for name, label in self._detail_labels.items():
            if name not in details:
                label.setText("—")
        self._shown_details = dict(details)

    def _show_expiry(self, label: QLabel, value: str) -> None:
        """The credential's expiry in local time with the days left; red inside the window."""
        when = credential_expiry.parse(value)
        if when is None:
            label.setText(value)
            return
        left = credential_expiry.days_left(when, datetime.now(UTC))
        stamp = when.astimezone().strftime("%Y-%m-%d %H:%M")
        if left <= 0:
            label.setText(self.tr("{0} (expired)").format(stamp))
        else:
            label.setText(self.tr("{0} (in %n day(s))", "", max(1, int(left))).format(stamp))
        _set_property(label, "warning", "true" if left <= WARNING_DAYS else "false")

    def _show_recover(self, rows: list[tuple[str, str, str]]) -> None:
        self._shown_recover = rows
        self.recover_title.setVisible(bool(rows))
        self.recover.setVisible(bool(rows))
        if self.recover.rowCount() != len(rows):
            self.recover.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                item = self.recover.item(row, column)
                if item is None:
                    item = QTableWidgetItem(text)
                    if column == 0:
                        item.setToolTip(text)
                    elif column == 2:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.recover.setItem(row, column, item)
                elif item.text() != text:
                    item.setText(text)
                    if column == 0:
                        item.setToolTip(text)
