"""A credential form generated from a broker's schema, with inline validation messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.schema import Field, FieldKind, Problem, Schema
from gui.ui.i18n import Translatable, translate


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
        if field.kind is FieldKind.PATH:
            browse = QToolButton(self)
            browse.setText("…")
            browse.setToolTip(self.tr("Choose"))
            browse.clicked.connect(self._browse)
            row.addWidget(browse)
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


class SchemaForm(Translatable, QWidget):
    """All of a schema's fields; Enter in any text field asks to connect. `changed` fires when
    the user leaves a field, so a form that depends on a value can be rebuilt."""

    submitted = Signal()
    changed = Signal()

    def __init__(self, schema: Schema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.editors: dict[str, FieldEditor] = {}
        self.labels: dict[str, QLabel] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in schema:
            editor = FieldEditor(field, self)
            editor.submitted.connect(self.submitted)
            editor.edited.connect(lambda e=editor: e.show_problem(None))
            editor.committed.connect(self.changed)
            label = QLabel(self)
            label.setObjectName(f"label_{field.key}")
            self.labels[field.key] = label
            layout.addRow(label, editor)
            self.editors[field.key] = editor
        self.label_fields()

    def label_fields(self) -> None:
        """The labels, accessible names and tooltips in the UI language (again after a
        change)."""
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
        first = next((self.editors[k] for k in self.editors if k in problems), None)
        if first is not None:
            first.input.setFocus()

    def set_enabled(self, enabled: bool) -> None:
        for editor in self.editors.values():
            editor.setEnabled(enabled)
