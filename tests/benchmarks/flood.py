"""A flood through the real KGI driver: a TaiFexCom stand-in that logs in like the simulator,
then fires the KGI mix (60% RECOVER, 20% ServerTime, 10% GetStatus, 10% Message) from several
threads, as a recovery or a reconnect storm does. Loaded in the worker by name
(`driver_factory`), so the events cross the same pipe a live login's do.

FLOOD_EVENTS (total) and FLOOD_THREADS set the size; FLOOD_DELAY_S waits that long after
LOGIN_READY before the flood (so a benchmark can start its clock)."""

from __future__ import annotations

import os
import threading
import time
from datetime import datetime
from functools import partial
from typing import Any

from gui.brokers.kgi.driver import KgiDriver
from gui.brokers.kgi.simulator import COM_STATUS, RECOVER_STATUS, PackageBase, SimTaiFexCom
from gui.brokers.kgi.surface import TAIPEI, KgiSdk
from gui.core.events import BrokerEvent, EventKind
from gui.core.registry import Environment

TOPICS = tuple(f"ProductBaseSv{n}.xml" for n in range(1801, 1851))
FLOOD_QUALITY = 1  # the flood's ServerTime quality; the simulator's own ticks say 8-40 ms
MESSAGE_TOPIC = "flood-T"  # + the thread's number


def flood_size() -> tuple[int, int]:
    return int(os.environ.get("FLOOD_EVENTS", "100000")), int(os.environ.get("FLOOD_THREADS", "4"))


class FloodTaiFexCom(SimTaiFexCom):
    def LoginDirect(self, ip: str, port: int, person_id: str, pwd: str, center: str) -> None:
        self.AutoRetriveProductInfo = False  # straight to LOGIN_READY, then the flood
        self.AutoRecoverReport = False
        super().LoginDirect(ip, port, person_id, pwd, center)
        threading.Thread(target=self._flood, daemon=True, name="flood").start()

    def _flood(self) -> None:
        while self.ComStatus() is not COM_STATUS.LOGIN_READY:
            if self._disposed.is_set():
                return
            time.sleep(0.01)
        time.sleep(float(os.environ.get("FLOOD_DELAY_S", "0")))
        total, threads = flood_size()
        workers = [
            threading.Thread(target=self._burst, args=(n, total // threads), daemon=True)
            for n in range(threads)
        ]
        for worker in workers:
            worker.start()

    def _burst(self, thread: int, count: int) -> None:
        """One vendor thread's share, as the SDK's dispatch threads deliver it."""
        for i in range(count):
            if self._disposed.is_set():
                return
            kind = i % 10
            if kind < 6:
                status = RECOVER_STATUS.RS_BEGIN if kind % 2 == 0 else RECOVER_STATUS.RS_DONE
                self.OnRecoverStatus.fire(self, TOPICS[i % len(TOPICS)], status, i)
            elif kind < 8:
                now = datetime.now(TAIPEI).replace(tzinfo=None)
                self.OnRcvServerTime.fire(self, now, FLOOD_QUALITY)
            elif kind == 8:
                self.OnGetStatus.fire(self, COM_STATUS.HEART_BEAT, b"")
            else:
                self.OnRcvMessage.fire(self, PackageBase(9, f"{MESSAGE_TOPIC}{thread}"))


def is_flood_event(event: BrokerEvent) -> bool:
    """One of the flood's events, not the simulator's own (its login, its clock every second):
    a benchmark's clock starts at the flood's first event and stops at its last."""
    kind = event.kind
    if kind is EventKind.RECOVER:
        return event.topic in _TOPIC_SET
    if kind is EventKind.SERVER_TIME:
        return event.latency_ms == FLOOD_QUALITY
    if kind is EventKind.MESSAGE:
        return (event.topic or "").startswith(MESSAGE_TOPIC)
    return kind is EventKind.STATUS and event.status == COM_STATUS.HEART_BEAT.name


_TOPIC_SET = frozenset(TOPICS)


def kgi_flood_driver(environment: Environment, scenario: str) -> KgiDriver:
    def load(_settings: Any) -> KgiSdk:
        return KgiSdk(
            TaiFexCom=partial(FloodTaiFexCom, scenario="normal"),
            ushort=int,
            char=str,
            nullable_bool=bool,
            runtime="flood stand-in",
        )

    return KgiDriver(load)
