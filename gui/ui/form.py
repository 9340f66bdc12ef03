"""A credential form generated from a broker's schema, with inline validation messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.schema import Field, FieldKind, Problem, Schema
from gui.ui.i18n import Translatable, translate

COLUMN_WIDTH = 330  # a label and its input side by side; a narrower form has one column


def translate_field(text: str) -> str:
    return translate("fields", text) if text else ""


def translate_problem(problem: Problem) -> str:
    return translate("validation", problem.template).format(
        **{**problem.params, "label": translate_field(str(problem.params.get("label", "")))}
    )


class FieldEditor(Translatable, QWidget):
    """One field's input widget plus its inline error line."""

    submitted = Signal()
    edited = Signal()
    committed = Signal()  # editing finished (focus left, Enter, or a choice made)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(4)
        layout.addLayout(row)
        self.input: QLineEdit | QComboBox | QCheckBox
        if field.kind is FieldKind.BOOL:
            self.input = QCheckBox(self)
            self.input.toggled.connect(self.edited)
        elif field.kind is FieldKind.CHOICE or field.suggestions:
            self.input = QComboBox(self)
            for value, label in field.choices:
                self.input.addItem(translate_field(label), value)
            if field.suggestions:  # free text, with the known values offered
                self.input.setEditable(True)
                self.input.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                self.input.addItems(list(field.suggestions))
                self.input.setCurrentIndex(-1)
                line = self.input.lineEdit()
                line.editingFinished.connect(self.committed)  # typed, then Return or Tab
            self.input.currentIndexChanged.connect(self.edited)
            self.input.activated.connect(self.committed)  # picked from the list
        else:
            self.input = QLineEdit(self)
            self.input.returnPressed.connect(self.submitted)
            self.input.textEdited.connect(self.edited)
            self.input.editingFinished.connect(self.committed)
            if field.secret:
                self.input.setEchoMode(QLineEdit.EchoMode.Password)
                self.input.setInputMethodHints(
                    Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
                )
        row.addWidget(self.input, 1)
        self.reveal: QToolButton | None = None
        self._hidden = False  # showing a remembered password
        if field.secret:
            self.reveal = QToolButton(self)
            self.reveal.setObjectName(f"reveal_{field.key}")
            self.reveal.setText(self.tr("Show"))
            self.reveal.setCheckable(True)
            self.reveal.setToolTip(self.tr("Show the value while the button is down"))
            self.reveal.toggled.connect(self._reveal)
            row.addWidget(self.reveal)
        self.browse: QToolButton | None = None
        if field.kind is FieldKind.PATH:
            self.browse = QToolButton(self)
            self.browse.setText("…")
            self.browse.setToolTip(self.tr("Choose"))
            self.browse.clicked.connect(self._browse)
            row.addWidget(self.browse)
        self.input.setObjectName(f"field_{field.key}")
        self.input.setAccessibleName(translate_field(field.label))
        if field.help:
            self.input.setToolTip(translate_field(field.help))
        self.error = QLabel(self)
        self.error.setObjectName(f"error_{field.key}")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def focus_chain(self) -> list[QWidget]:
        """What Tab visits in this field, in order."""
        return [self.input] + [b for b in (self.reveal, self.browse) if b is not None]

    def value(self) -> Any:
        if isinstance(self.input, QCheckBox):
            return self.input.isChecked()
        if isinstance(self.input, QComboBox):
            return self.input.currentText() if self.input.isEditable() else self.input.currentData()
        return self.input.text()

    def set_value(self, value: Any) -> None:
        if isinstance(self.input, QCheckBox):
            self.input.setChecked(bool(value))
        elif isinstance(self.input, QComboBox):
            if self.input.isEditable():
                self.input.setEditText("" if value is None else str(value))
                return
            index = self.input.findData(value)
            if index >= 0:
                self.input.setCurrentIndex(index)
        else:
            self.input.setText("" if value is None else str(value))

    def fill_hidden(self, value: str) -> None:
        """A remembered password: in the field, masked, and never shown. Show comes back once
        the field is emptied (a value typed anew is the user's to see)."""
        assert isinstance(self.input, QLineEdit) and self.reveal is not None
        self.reveal.setChecked(False)
        self.reveal.setEnabled(False)
        self.reveal.setToolTip(self.tr("Remembered: it is never shown; clear it to type another"))
        self.input.setText(value)
        if not self._hidden:
            self._hidden = True
            self.input.textChanged.connect(self._maybe_reveal_again)

    def _maybe_reveal_again(self, text: str) -> None:
        if not text and self.reveal is not None:
            assert isinstance(self.input, QLineEdit)
            self._hidden = False
            self.input.textChanged.disconnect(self._maybe_reveal_again)
            self.reveal.setEnabled(True)
            self.reveal.setToolTip(self.tr("Show the value while the button is down"))

    def show_problem(self, problem: Problem | None) -> None:
        if problem is None:
            self.error.clear()
            self.error.hide()
        else:
            self.error.setText(translate_problem(problem))
            self.error.show()

    def _reveal(self, shown: bool) -> None:
        assert isinstance(self.input, QLineEdit)
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.input.setEchoMode(mode)

    def _browse(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        assert isinstance(self.input, QLineEdit)
        path = QFileDialog.getExistingDirectory(self, translate_field(self.field.label))
        if path:
            self.input.setText(path)
            self.edited.emit()


class ColumnGrid(QGridLayout):
    """A grid told its width whenever it is laid out, before it places its items, so the form
    can choose its columns. (A Python resizeEvent would do the same, but PySide6 would then
    build Qt's event types while the first window shows.)"""

    def __init__(self, on_width: Callable[[int], None]) -> None:
        super().__init__()
        self._on_width = on_width

    def setGeometry(self, rect: QRect) -> None:
        self._on_width(rect.width())
        super().setGeometry(rect)


class SchemaForm(Translatable, QWidget):
    """All of a schema's fields; Enter in any text field asks to connect. `changed` fires when
    the user leaves a field, so a form that depends on a value can be rebuilt.

    Two columns when there is room, so a whole form shows without scrolling on a laptop
    screen; fields marked advanced are folded under one button until asked for (or until one
    of them has a problem to show)."""

    submitted = Signal()
    changed = Signal()
    relaid = Signal()  # the form needs another height: columns changed, advanced unfolded

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        self._columns = 0  # placed at the first resize (or now, in one column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self._basic = ColumnGrid(self._fit_width)
        layout.addLayout(self._basic)
        for field in schema:
            editor = FieldEditor(field, self)
            editor.submitted.connect(self.submitted)
            editor.edited.connect(lambda e=editor: e.show_problem(None))
            editor.committed.connect(self.changed)
            label = QLabel(self)
            label.setObjectName(f"label_{field.key}")
            label.setBuddy(editor.input)
            # As tall as the input line, so the text sits beside it whether or not an error
            # line shows below the input.
            label.setMinimumHeight(editor.input.sizeHint().height())
            self.labels[field.key] = label
            self.editors[field.key] = editor
        self.advanced_button: QToolButton | None = None
        self.advanced_box: QWidget | None = None
        self._advanced = QGridLayout()
        if any(field.advanced for field in schema):
            self.advanced_button = QToolButton(self)
            self.advanced_button.setObjectName("advanced")
            self.advanced_button.setCheckable(True)
            self.advanced_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.advanced_button.setArrowType(Qt.ArrowType.RightArrow)
            self.advanced_button.setAutoRaise(True)
            self.advanced_button.toggled.connect(self.show_advanced)
            layout.addWidget(self.advanced_button, 0, Qt.AlignmentFlag.AlignLeft)
            self.advanced_box = QWidget(self)
            self.advanced_box.setObjectName("advanced_fields")
            self.advanced_box.setLayout(self._advanced)
            self._advanced.setContentsMargins(0, 0, 0, 0)
            self.advanced_box.hide()
            layout.addWidget(self.advanced_box)
            # The folded fields come after the button in the Tab order, as they show.
            for field in schema:
                if field.advanced:
                    self.labels[field.key].setParent(self.advanced_box)
                    self.editors[field.key].setParent(self.advanced_box)
        layout.addStretch(1)
        self._place(1)
        self.label_fields()

    def _fit_width(self, width: int) -> None:
        self._place(2 if width >= 2 * COLUMN_WIDTH else 1)

    def _place(self, columns: int) -> None:
        """Lay the fields out in reading order, row by row, in `columns` label+input pairs."""
        if columns == self._columns:
            return
        self._columns = columns
        for grid, advanced in ((self._basic, False), (self._advanced, True)):
            fields = [field for field in self.schema if field.advanced is advanced]
            for field in fields:
                grid.removeWidget(self.labels[field.key])
                grid.removeWidget(self.editors[field.key])
            for index, field in enumerate(fields):
                row, column = divmod(index, columns)
                grid.addWidget(self.labels[field.key], row, 2 * column, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(self.editors[field.key], row, 2 * column + 1)
            for column in range(4):
                grid.setColumnStretch(column, 1 if column % 2 and column < 2 * columns else 0)
            grid.setHorizontalSpacing(12)
        self.relaid.emit()

    def show_advanced(self, shown: bool) -> None:
        if self.advanced_button is None or self.advanced_box is None:
            return
        self.advanced_button.setChecked(shown)
        self.advanced_button.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        if self.advanced_box.isVisibleTo(self) != shown:
            self.advanced_box.setVisible(shown)
            self.relaid.emit()

    def label_fields(self) -> None:
        """The labels, accessible names and tooltips in the UI language (again after a
        change)."""
        if self.advanced_button is not None:
            folded = sum(1 for field in self.schema if field.advanced)
            self.advanced_button.setText(self.tr("Advanced settings (%n)", "", folded))
        for field in self.schema:
            text = translate_field(field.label) + (" *" if field.required else "")
            self.labels[field.key].setText(text)
            self.editors[field.key].input.setAccessibleName(translate_field(field.label))
            if field.help:
                self.editors[field.key].input.setToolTip(translate_field(field.help))

    def values(self) -> dict[str, Any]:
        """What the user entered, as raw values for the schema to validate."""
        return {key: editor.value() for key, editor in self.editors.items()}

    def load(self, values: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))

    def show_problems(self, problems: dict[str, Problem]) -> None:
        for key, editor in self.editors.items():
            editor.show_problem(problems.get(key))
        if any(self.editors[key].field.advanced for key in problems if key in self.editors):
            self.show_advanced(True)  # a problem nobody can see cannot be fixed
        first = next((self.editors[k] for k in self.editors if k in problems), None)
        if first is not None:
            first.input.setFocus()

    def set_enabled(self, enabled: bool) -> None:
        for editor in self.editors.values():
            editor.setEnabled(enabled)
