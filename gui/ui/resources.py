"""Where icons and translations live, in a source tree and in a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def app_icon() -> QIcon:
    return QIcon(str(resource_dir() / "icons" / "app.png"))


def install_translator(app: QApplication, language: str | None = None) -> QTranslator | None:
    """Load `broker_console_<lang>.qm` for the UI language (zh_TW, zh_CN) when shipped."""
    translator = QTranslator(app)
    locale = QLocale(language) if language else QLocale.system()
    folder = str(resource_dir() / "translations")
    if translator.load(locale, "broker_console", "_", folder) and app.installTranslator(translator):
        return translator
    return None
