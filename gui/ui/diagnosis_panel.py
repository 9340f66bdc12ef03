"""The Diagnose panel: one coloured row per step as it arrives, the verdict with its fix, and
a Copy button for the ticket."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.core.diagnosis import Step, exit_code, first_failure
from gui.ui.i18n import Translatable, translate

# Row backgrounds and the verdict's colours per level: pale enough to read the text on.
ROW_COLOURS = {"ok": "#e8f5e9", "warn": "#fff3cd", "fail": "#fdecea"}
VERDICT_STYLE = (
    "QLabel { padding: 6px; border-radius: 4px; }"
    ' QLabel[level="ok"] { background: #e8f5e9; color: #1b5e20; }'
    ' QLabel[level="warn"] { background: #fff3cd; color: #664d03; }'
    ' QLabel[level="fail"] { background: #fdecea; color: #b71c1c; }'
    ' QLabel[level="busy"] { background: #eeeeee; color: #424242; }'
)
COLUMNS = (
    QT_TRANSLATE_NOOP("DiagnosisPanel", "Step"),
    QT_TRANSLATE_NOOP("DiagnosisPanel", "Result"),
)


def fix_text(fix: str) -> str:
    """A class's or a vendor code's fix in the UI language (a fix that carries specifics stays
    as written)."""
    if not fix:
        return ""
    text = translate("diagnosis", fix)
    return text if text != fix else translate("codes", fix)


class DiagnosisPanel(Translatable, QWidget):
    """Shows the steps of the latest diagnosis; the tab feeds it from its session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps: list[Step] = []
        self.where = ""  # which endpoints the diagnosis checks, and why (shown with the verdict)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("diagnosis_steps")
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # A few rows of wrapped text: each row as tall as its text at the current width.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verdict = QLabel(self.tr("Diagnose checks every step of reaching the broker."), self)
        self.verdict.setObjectName("diagnosis_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setStyleSheet(VERDICT_STYLE)
        self.verdict.setProperty("level", "busy")
        self.copy_button = QPushButton(self.tr("Copy"), self)
        self.copy_button.setObjectName("diagnosis_copy")
        self.copy_button.setToolTip(self.tr("Copy every step and the verdict, for a ticket"))
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        self.with_login = QCheckBox(self.tr("Also log in"), self)
        self.with_login.setObjectName("diagnose_login")
        self.with_login.setToolTip(self.tr("End the next diagnosis with a real login and logout"))
        side = QVBoxLayout()
        side.addWidget(self.copy_button)
        side.addWidget(self.with_login)
        side.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verdict, 1)
        bottom.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def start(self, target: str, where: str = "") -> None:
        """A new diagnosis of `target`; `where` says which endpoints it checks, and why."""
        self.steps = []
        self.where = where
        self.table.setRowCount(0)
        self.copy_button.setEnabled(False)
        self._verdict("busy", self.tr("Diagnosing {0}…").format(target))

    def add_step(self, step: Step) -> None:
        self.steps.append(step)
        row = self.table.rowCount()
        self.table.insertRow(row)
        result = f"{step.target}\n{step.detail}" + (f" [{step.cls}]" if step.cls else "")
        background = QColor(ROW_COLOURS[step.level])
        fix = fix_text(step.fix)
        tip = step.detail + (f"\n\n{self.tr('Fix')}: {fix}" if fix else "")
        for column, text in enumerate((f"{step.step}\n{step.ms:.0f} ms", result)):
            item = QTableWidgetItem(text)
            item.setBackground(background)
            item.setToolTip(tip)
            item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.table.setItem(row, column, item)
        self.table.scrollToBottom()

    def finish(self, problem: str = "") -> None:
        """The verdict: the first failing step and its fix, or all clear."""
        self.copy_button.setEnabled(bool(self.steps) or bool(problem))
        if problem:
            self._verdict("fail", problem)
            return
        failure = first_failure(self.steps)
        if failure is None:
            warned = [step for step in self.steps if step.level == "warn"]
            if warned:
                fix = fix_text(warned[0].fix) or warned[0].detail
                self._verdict("warn", self.tr("Every step passed; look at: {0}").format(fix))
            else:
                self._verdict(
                    "ok", self.tr("Every step passed (%n step(s)).", None, len(self.steps))
                )
            return
        self._verdict(
            "fail",
            self.tr("{0} at {1} ({2}): {3}").format(
                failure.cls, failure.step, failure.target, fix_text(failure.fix)
            ),
        )

    def text(self) -> str:
        """What Copy puts on the clipboard: every step, then the verdict and exit code."""
        lines = [step.text() for step in self.steps]
        lines.append(f"{self.verdict.text()} (exit {exit_code(self.steps)})")
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def _verdict(self, level: str, text: str) -> None:
        """The verdict, and under it which endpoints were checked (and why those)."""
        self.verdict.setText(f"{text}\n{self.where}" if self.where else text)
        if self.verdict.property("level") != level:
            self.verdict.setProperty("level", level)
            self.verdict.style().unpolish(self.verdict)
            self.verdict.style().polish(self.verdict)
