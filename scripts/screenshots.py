"""Screenshots of the console as a new user sees it: every broker tab, the Sessions view and the
Diagnosis panel, at given window sizes and languages, into PNG files.

Run it under a real X server (`xvfb-run -a .venv/bin/python scripts/screenshots.py OUT`) or with
QT_QPA_PLATFORM=offscreen. It uses a scratch config folder, so saved settings stay untouched; the
KGI tab logs in to its built-in simulator first, so the Sessions view and the panel have data.
Chinese text needs a CJK font (Debian: fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui import APP_TITLE
from gui.brokers import default_registry
from gui.core.profiles import CONFIG_DIR_ENV, ProfileStore
from gui.ui.broker_tab import BrokerTab
from gui.ui.i18n import Language
from gui.ui.main_window import MainWindow

WAIT_SECONDS = 30.0


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait for the window to reach a state, bounded."""
    end = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(f"gave up waiting for {what}")
        await asyncio.sleep(0.05)


async def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()
        await asyncio.sleep(0.05)


class Shots:
    """One window at one size and language, on a scratch config folder."""

    def __init__(self, app: QApplication, out: Path, size: tuple[int, int], code: str) -> None:
        config = Path(tempfile.mkdtemp(prefix="broker-console-shots-"))
        settings = QSettings(str(config / "window.ini"), QSettings.Format.IniFormat)
        language = Language(app)
        language.use(code)
        self.window = MainWindow(
            default_registry(), ProfileStore(config), settings, language=language
        )
        self.window.resize(*size)
        self.window.show()
        self.out = out
        self.stem = f"{size[0]}x{size[1]}-{code}"

    async def save(self, name: str, stem: bool = True) -> None:
        await settle()
        path = self.out / (f"{self.stem}-{name}.png" if stem else f"{name}.png")
        self.window.grab().save(str(path))

    async def open(self, broker: str) -> BrokerTab:
        self.window.tabs.setCurrentIndex(list(self.window.broker_tabs).index(broker))
        await settle()
        return self.window.broker_tabs[broker]

    async def log_in(self, broker: str, password_key: str, scenario: str = "normal") -> BrokerTab:
        tab = await self.open(broker)
        tab.scenario.setCurrentIndex(tab.scenario.findData(scenario))
        QTest.keyClicks(tab.form.editors[password_key].input, "demo")
        QTest.mouseClick(tab.connect_button, Qt.MouseButton.LeftButton)
        await until(lambda: tab.session.state.live, f"the {broker} simulator login")
        await asyncio.sleep(1.5)  # the recovery and the first clock samples
        return tab

    async def diagnose(self, tab: BrokerTab) -> None:
        QTest.mouseClick(tab.diagnose_button, Qt.MouseButton.LeftButton)
        await until(lambda: not tab.busy, "the diagnosis")

    async def close(self) -> None:
        for tab in self.window.broker_tabs.built():
            if tab.session.state.live:
                await tab.session.shutdown()
        self.window.close()


async def every_view(app: QApplication, out: Path, size: tuple[int, int], code: str) -> None:
    """Each broker tab as a new user first sees it, KGI logged in, a diagnosis, Sessions."""
    shots = Shots(app, out, size, code)
    for broker in shots.window.broker_tabs:
        await shots.open(broker)
        await shots.save(broker)
    kgi = await shots.log_in("kgi", "password")
    await shots.save("kgi-live")
    await shots.diagnose(kgi)
    await shots.save("diagnosis")
    shots.window.show_sessions()
    await asyncio.sleep(1.0)
    await shots.save("sessions")
    await shots.close()


async def readme(app: QApplication, out: Path) -> None:
    """The pictures the README shows, under the names it uses (at a moment the venues are
    open, whatever day they are taken on)."""
    from gui.core.wall_clock import NOW_ENV

    os.environ[NOW_ENV] = "2026-12-08T10:00:00+08:00"
    size = (1280, 800)
    shots = Shots(app, out, size, "en")
    await shots.log_in("kgi", "password")
    await shots.save("console-kgi-simulator", stem=False)
    longport = await shots.open("longport")
    longport.scenario.setCurrentIndex(longport.scenario.findData("clock_skew"))
    await shots.diagnose(longport)
    await shots.save("diagnose-longport-clock-skew", stem=False)
    await shots.close()
    shots = Shots(app, out, size, "en")
    kgi = await shots.open("kgi")
    kgi.account_bar.reconnect.setChecked(True)
    await shots.log_in("kgi", "password", "drop_after_login")
    await until(lambda: kgi.health.reconnects >= 1 and kgi.session.state.live, "a reconnect")
    shots.window.show_sessions()
    await asyncio.sleep(6.0)  # the charts redraw every 5 s
    await shots.save("sessions-drop-reconnect", stem=False)
    await shots.close()
    for code, broker, password_key, name in (
        ("zh_TW", "kgi", "password", "kgi-zh-TW"),
        ("zh_CN", "hundsun", "password", "hundsun-zh-CN"),
    ):
        shots = Shots(app, out, size, code)
        await shots.log_in(broker, password_key)
        await shots.save(name, stem=False)
        await shots.close()


async def features(app: QApplication, out: Path) -> None:
    """The README's pictures of a vendor code explained and of a scheduled login (this one with
    a private Secret Service for the remembered password, tests/secret_service.py)."""
    from datetime import datetime

    from PySide6.QtWidgets import QDateTimeEdit

    from gui.core.wall_clock import NOW_ENV
    from gui.ui.schedule_dialog import ScheduleDialog
    from tests.secret_service import running_secret_service

    size = (1280, 800)
    os.environ[NOW_ENV] = "2026-12-08T10:00:00+08:00"  # a Tuesday morning: the venues are open
    shots = Shots(app, out, size, "en")
    vnpy = await shots.open("vnpy")
    vnpy.scenario.setCurrentIndex(vnpy.scenario.findData("disconnect_4097"))
    QTest.mouseClick(vnpy.connect_button, Qt.MouseButton.LeftButton)
    await until(lambda: "Code 4097" in vnpy.reason.text(), "the explained disconnect reason")
    await asyncio.sleep(0.5)
    await shots.save("native-code-vnpy-4097", stem=False)
    await shots.close()

    with running_secret_service(Path(tempfile.mkdtemp(prefix="broker-console-keyring-"))) as svc:
        os.environ.update(svc.env)
        shots = Shots(app, out, size, "en")
        kgi = await shots.open("kgi")
        QTest.keyClicks(kgi.form.editors["password"].input, "demo")
        QTest.mouseClick(kgi.account_bar.remember, Qt.MouseButton.LeftButton)
        await until(lambda: "after the next login" in kgi.reason.text(), "remember passwords")
        QTest.mouseClick(kgi.connect_button, Qt.MouseButton.LeftButton)
        await until(lambda: kgi.account_control.has_remembered(kgi.current_environment), "a login")
        await until(lambda: not kgi.busy, "the login's end")
        QTest.mouseClick(kgi.logout_button, Qt.MouseButton.LeftButton)
        await until(lambda: not kgi.session.state.live, "the logout")
        kgi.form.editors["password"].input.clear()
        start = datetime.fromisoformat("2026-12-08T08:39:50").astimezone()
        os.environ[NOW_ENV] = start.isoformat()
        shots.window.broker_tabs["kgi"]._render_market()  # the clock moved: the Market row too
        dialog = kgi.account_bar.schedule_clicked()
        await settle()
        QTest.mouseClick(dialog.at_box, Qt.MouseButton.LeftButton)
        dialog.at_time.setCurrentSection(QDateTimeEdit.Section.MinuteSection)
        for _ in range(10):
            QTest.keyClick(dialog.at_time, Qt.Key.Key_Up)
        await settle()
        screen = app.primaryScreen().grabWindow(0)  # the dialog is a window of its own
        screen.copy(shots.window.geometry()).save(str(out / "schedule-dialog.png"))
        assert isinstance(dialog, ScheduleDialog)
        dialog.accept()
        await until(lambda: kgi.session.state.live, "the scheduled login")
        await until(
            lambda: "scheduled login done" in shots.window.statusBar().currentMessage(),
            "the scheduled login's notice",
        )
        await asyncio.sleep(1.0)
        await shots.save("schedule-logged-in", stem=False)
        await shots.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument(
        "--size", action="append", default=[], help="WIDTHxHEIGHT (default 1280x800 and 1366x768)"
    )
    parser.add_argument(
        "--language", action="append", default=[], help="en, zh_TW or zh_CN (default en, zh_TW)"
    )
    parser.add_argument(
        "--readme", action="store_true", help="only the README's pictures (OUT: docs)"
    )
    parser.add_argument(
        "--features",
        action="store_true",
        help="only the pictures of an explained vendor code and a scheduled login",
    )
    args = parser.parse_args()
    chosen = args.size or ["1280x800", "1366x768"]
    sizes = [(int(w), int(h)) for w, h in (size.split("x") for size in chosen)]
    languages = args.language or ["en", "zh_TW"]
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ[CONFIG_DIR_ENV] = tempfile.mkdtemp(prefix="broker-console-shots-")
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName(APP_TITLE)
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def run() -> None:
        if args.readme:
            await readme(app, args.out)
            return
        if args.features:
            await features(app, args.out)
            return
        for width, height in sizes:
            for code in languages:
                await every_view(app, args.out, (width, height), code)

    with loop:
        loop.run_until_complete(run())
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
