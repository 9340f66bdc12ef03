"""What every built-in simulator shares (docs/ARCHITECTURE.md, The broker contract): the
scenario it plays, checked against its broker's list, and a drop the scenario schedules after
the login, which closing the simulated connection cancels. Each broker's simulator plays its
vendor's API on top; its network front for a diagnosis is in gui/core/fronts.py."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from gui.core.registry import DROP_AFTER_LOGIN, DROP_AFTER_LOGIN_SECONDS


def checked_scenario(broker: str, scenario: str, known: Mapping[str, str]) -> str:
    """The scenario, if the broker's simulator plays it; ValueError otherwise."""
    if scenario not in known:
        raise ValueError(f"unknown {broker} simulator scenario {scenario!r}")
    return scenario


class Simulation:
    """A simulated vendor object playing one scenario; `stop_simulating` when it closes."""

    def __init__(self, broker: str, scenario: str, known: Mapping[str, str]) -> None:
        self.scenario = checked_scenario(broker, scenario, known)
        self._broker = broker
        self._stopped = threading.Event()

    @property
    def drops_after_login(self) -> bool:
        return self.scenario == DROP_AFTER_LOGIN

    def drop_later(
        self, drop: Callable[[], None], seconds: float = DROP_AFTER_LOGIN_SECONDS
    ) -> None:
        """`drop()` on a thread of its own after `seconds`, unless the simulation stopped first
        (a logout must not be followed by a drop)."""

        def wait_then_drop() -> None:
            if not self._stopped.wait(seconds):
                drop()

        threading.Thread(
            target=wait_then_drop, name=f"{self._broker}-sim-drop", daemon=True
        ).start()

    def wait_unless_stopped(self, seconds: float) -> bool:
        """Sleep as a slow server would; True when the simulation stopped meanwhile."""
        return self._stopped.wait(seconds)

    @property
    def stopped(self) -> bool:
        return self._stopped.is_set()

    def stop_simulating(self) -> None:
        self._stopped.set()
