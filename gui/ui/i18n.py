"""The UI language: loading the translations, switching at run time, retranslating the window.

Every UI text goes through `translate()` (or a widget's `tr()`, which calls it with its class
as the context). Besides the translated text, it remembers which source it came from, so that
on a language change `retranslate()` can walk the window and put each shown text into the new
language: buttons, labels, group boxes, tabs, docks, menus and actions, combo box items,
table headers, tooltips and placeholders. Texts made while rendering (state badges, the
session panel) are rendered again by their owners. Vendors' own texts are never translated.
"""

from __future__ import annotations

import sys
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from gui.ui.resources import resource_dir

if TYPE_CHECKING:
    from gui.core.native_codes import NativeCode

LANGUAGE_ENV = "BROKER_CONSOLE_LANG"
LANGUAGES = {"en": "English", "zh_TW": "繁體中文", "zh_CN": "简体中文"}  # each in itself
_REMEMBERED = 20_000  # shown texts whose source is kept (a language change looks them up)

# shown text -> (context, source, format arguments, n): the source of what a widget shows.
Arguments = tuple[tuple[Any, ...], dict[str, Any]]
_shown: OrderedDict[str, tuple[str, str, Arguments, int]] = OrderedDict()
_NONE: Arguments = ((), {})


class Tr(str):
    """A translated text that knows its source, also after `.format()`."""

    __slots__ = ("args", "context", "n", "source")
    context: str
    source: str
    args: Arguments
    n: int

    def format(self, *args: Any, **kwargs: Any) -> Tr:  # type: ignore[override]
        text = str.format(self, *args, **kwargs)
        return _made(text, self.context, self.source, (args, kwargs), self.n)


def _made(text: str, context: str, source: str, args: Arguments, n: int) -> Tr:
    made = Tr(text)
    made.context, made.source, made.args, made.n = context, source, args, n
    if text:
        _shown[text] = (context, source, args, n)
        _shown.move_to_end(text)
        if len(_shown) > _REMEMBERED:
            _shown.popitem(last=False)
    return made


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> Tr:
    """QCoreApplication.translate, remembering the source for a later language change."""
    text = QCoreApplication.translate(context, source, disambiguation, n) if source else ""
    return _made(text, context, source, _NONE, n)


def explained(entry: NativeCode) -> str:
    """A vendor code's meaning and what to do, in the UI language (the "codes" context)."""
    return f"{translate('codes', entry.meaning)} {translate('codes', entry.fix)}"


def explained_fully(entry: NativeCode) -> str:
    """Meaning, likely cause and fix on three lines, for a tooltip."""
    return "\n".join(
        (
            translate("codes", entry.meaning),
            translate("I18n", "Likely cause: {0}").format(translate("codes", entry.cause)),
            translate("I18n", "What to do: {0}").format(translate("codes", entry.fix)),
        )
    )


class Translatable:
    """Mixin for widgets: `self.tr()` translates in the context of the class whose code
    calls it (as pyside6-lupdate extracts it), and remembers the source."""

    def tr(self, source: str, disambiguation: str | None = None, n: int = -1) -> Tr:  # type: ignore[override]
        code = sys._getframe(1).f_code
        context = code.co_qualname.split(".", 1)[0]
        return translate(context, source, disambiguation, n)


def _again(text: str) -> str | None:
    """The text in the current language, when it is one the UI translated; else None."""
    found = _shown.get(text)
    if found is None:
        return None
    return _anew(*found)


def _anew(context: str, source: str, arguments: Arguments, n: int) -> Tr:
    """The source translated now; arguments that were translated texts too, anew as well
    (a field's label inside a validation message)."""
    args, kwargs = arguments
    again = translate(context, source, None, n)
    if not args and not kwargs:
        return again
    fresh = [_anew(a.context, a.source, a.args, a.n) if isinstance(a, Tr) else a for a in args]
    named = {
        key: _anew(v.context, v.source, v.args, v.n) if isinstance(v, Tr) else v
        for key, v in kwargs.items()
    }
    return again.format(*fresh, **named)


def retranslate(root: QWidget) -> None:
    """Put every translated text under `root` into the current language."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        _retranslate_widget(widget)
    for action in {a for w in widgets for a in w.actions()}:
        for getter, setter in (("text", "setText"), ("toolTip", "setToolTip")):
            new = _again(getattr(action, getter)())
            if new is not None:
                getattr(action, setter)(new)


def _retranslate_widget(widget: QWidget) -> None:
    pairs = [("toolTip", "setToolTip"), ("windowTitle", "setWindowTitle")]
    if isinstance(widget, QAbstractButton | QLabel):
        pairs.append(("text", "setText"))
    if isinstance(widget, QGroupBox | QMenu):
        pairs.append(("title", "setTitle"))
    if isinstance(widget, QLineEdit):
        pairs.append(("placeholderText", "setPlaceholderText"))
    for getter, setter in pairs:
        new = _again(getattr(widget, getter)())
        if new is not None:
            getattr(widget, setter)(new)
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            new = _again(widget.tabText(index))
            if new is not None:
                widget.setTabText(index, new)
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            new = _again(widget.itemText(index))
            if new is not None:
                widget.setItemText(index, new)
    elif isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(column)
            new = None if item is None else _again(item.text())
            if new is not None:
                item.setText(new)
    elif isinstance(widget, QDockWidget):
        new = _again(widget.windowTitle())
        if new is not None:
            widget.setWindowTitle(new)


# -- loading ---------------------------------------------------------------------------------


class Language(QObject):
    """The app's translators: ours and Qt's own (standard buttons and dialogs).

    `changed` tells the window to put its texts into the new language. Our widgets do not
    override `changeEvent` for LanguageChange: a Python event handler makes PySide build a
    wrapper class for every QEvent subclass on the first event, ~8 ms of start-up."""

    changed = Signal(str)  # the code now in use

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.code = "en"
        self._installed: list[QObject] = []  # QTranslators

    def use(self, code: str | None) -> str:
        """Switch to `code` (zh_TW, zh_CN, en; None: the system's); returns the code in use.
        Qt's own widgets hear LanguageChange; ours are told by `changed`."""
        from PySide6.QtCore import QLibraryInfo, QTranslator

        wanted = pick(code)
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []
        ours = QTranslator(self.app)
        # English is the source; its file holds only the plural forms ("1 file", "2 files").
        if ours.load(f"broker_console_{wanted}", str(resource_dir() / "translations")):
            if wanted != "en":
                qt = QTranslator(self.app)
                qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
                if qt.load(QLocale(wanted), "qtbase", "_", qt_folder):
                    self.app.installTranslator(qt)
                    self._installed.append(qt)
            self.app.installTranslator(ours)
            self._installed.append(ours)
        elif wanted != "en":
            wanted = "en"  # no compiled translation: English, never a half language
        self.code = wanted
        self.changed.emit(wanted)
        return wanted

    def counts(self) -> tuple[int, int]:
        """(translated, untranslated) messages of the catalogue in the language in use."""
        import json

        index = resource_dir() / "translations" / "messages.json"
        if self.code == "en" or not index.exists() or not self._installed:
            return 0, 0
        ours = self._installed[-1]
        entries = json.loads(index.read_text(encoding="utf-8"))
        done = sum(
            1
            for entry in entries
            if ours.translate(
                entry["context"], entry["source"], None, 2 if entry["numerus"] else -1
            )
        )
        return done, len(entries) - done


def pick(code: str | None) -> str:
    """zh_TW, zh_CN or en from a setting, BROKER_CONSOLE_LANG or the system locale."""
    if not code:
        locale = QLocale.system()
        if locale.language() is QLocale.Language.Chinese:
            traditional = locale.script() is QLocale.Script.TraditionalChineseScript or (
                locale.territory()
                in (QLocale.Country.Taiwan, QLocale.Country.HongKong, QLocale.Country.Macau)
            )
            return "zh_TW" if traditional else "zh_CN"
        return "en"
    normal = code.replace("-", "_")
    if normal.lower().startswith(("zh_tw", "zh_hk", "zh_mo", "zh_hant")):
        return "zh_TW"
    if normal.lower().startswith("zh"):
        return "zh_CN"
    return "en"
