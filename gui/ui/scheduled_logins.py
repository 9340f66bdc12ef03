"""The accounts' scheduled logins while the window is open (gui/core/schedule.py).

One scheduler per account with a schedule, whichever tab shows it: at each time the broker's
tab (built then if it was not yet) logs the account in with its remembered passwords, as "Log
in to all" does. Each outcome is a row of that tab's log, a line in the status bar and, for a
missed, skipped or failed login, a tray message: the trader hears of it, nothing retries.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.core.events import Level
from gui.core.profiles import ProfileStore
from gui.core.registry import Registry
from gui.core.schedule import Outcome, Schedule, ScheduleEvent
from gui.ui.i18n import Translatable, translate

if TYPE_CHECKING:
    import asyncio

    from gui.ui.broker_tab import BrokerTab

Notify = Callable[[str, str, Level], None]  # title, text, level


class ScheduledLogins(Translatable, QObject):
    def __init__(
        self,
        registry: Registry,
        profiles: ProfileStore,
        open_tab: Callable[[str], BrokerTab],
        notify: Notify,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry = registry
        self.profiles = profiles
        self.open_tab = open_tab
        self.notify = notify
        self.running: dict[tuple[str, str], tuple[Schedule, asyncio.Task[None]]] = {}
        self.next_at: dict[tuple[str, str], datetime] = {}

    def wanted(self) -> dict[tuple[str, str], Schedule]:
        """{(broker, account): schedule} of every account that has one."""
        return {
            (spec.id, account.name): account.schedule
            for spec in self.registry
            if spec.venues
            for account in self.profiles.accounts(spec.id)
            if account.schedule.active
        }

    def reconcile(self) -> None:
        """Start, stop or restart schedulers to match the saved schedules."""
        wanted = self.wanted()
        for key, (schedule, task) in list(self.running.items()):
            if wanted.get(key) != schedule:
                task.cancel()
                del self.running[key]
                self.next_at.pop(key, None)
        for key, schedule in wanted.items():
            if key not in self.running:
                self.running[key] = (schedule, self._start(*key, schedule))

    def stop(self) -> None:
        for _schedule, task in self.running.values():
            task.cancel()
        self.running.clear()

    def _start(self, broker: str, account: str, schedule: Schedule) -> asyncio.Task[None]:
        import asyncio  # only once an account has a schedule: not on the window's way up

        from gui.core.schedule import Scheduler

        spec = self.registry.get(broker)

        async def login(_due: datetime) -> str:
            return await self.open_tab(broker).scheduled_login(account)

        def report(event: ScheduleEvent) -> None:
            self._report(broker, account, event)

        scheduler = Scheduler(schedule, spec.venues, login, report)
        return asyncio.ensure_future(scheduler.run())

    def _report(self, broker: str, account: str, event: ScheduleEvent) -> None:
        key = (broker, account)
        if event.outcome is Outcome.NEXT:
            self.next_at[key] = event.due
            return
        title = translate("brokers", self.registry.get(broker).title)
        texts = {
            Outcome.DONE: self.tr("{0}: scheduled login done"),
            Outcome.SKIPPED: self.tr("{0}: scheduled login skipped: {1}"),
            Outcome.MISSED: self.tr("{0}: the scheduled login at {2} was missed (the computer "
                                    "slept or the clock jumped); not tried now"),
            Outcome.FAILED: self.tr("{0}: scheduled login failed: {1}"),
        }  # fmt: skip
        stamp = event.due.strftime("%H:%M")
        text = texts[event.outcome].format(account, event.text, stamp)
        self.open_tab(broker).session.note(text, event.level)
        self.notify(title, text, event.level)
