"""A Python TaiFexCom: the vendor's member names, kinds and event signatures, simulated.

Like the real SDK it returns from `LoginDirect` at once and fires its events from a thread of
its own. It plays the seed's login (seed 000) and the failure scenarios desk support meets.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from enum import IntEnum
from functools import partial
from typing import Any

from gui.brokers.kgi import SCENARIOS
from gui.brokers.kgi.surface import COM_STATUS_NAMES, TAIPEI, KgiSdk
from gui.core.fronts import tcp_front
from gui.core.registry import AFTER_HOURS, DROP_AFTER_LOGIN, DROP_AFTER_LOGIN_SECONDS
from gui.core.simulation import checked_scenario


def _dotnet_enum(name: str, members: dict[str, int]) -> Any:
    """An enum whose members are known only at run time, as with the .NET enum it stands in
    for (the binding decodes the same table)."""
    return IntEnum(name, members)


COM_STATUS = _dotnet_enum("COM_STATUS", {name: value for value, name in COM_STATUS_NAMES.items()})


class RECOVER_STATUS(IntEnum):
    RS_BEGIN = 0
    RS_DONE = 1


class CONNECTION_STATUS(IntEnum):
    CS_CONNECTREADY = 0
    CS_CONNECTING = 1
    CS_DISCONNECTED = 2


def _to_string(self: IntEnum) -> str:
    """.NET's Enum.ToString(), which the seed calls on every status."""
    return self.name


for _enum in (COM_STATUS, RECOVER_STATUS, CONNECTION_STATUS):
    setattr(_enum, "ToString", _to_string)  # noqa: B010 (a .NET method on a Python enum)


class SimEvent:
    """A .NET event: handlers added with `+=`, removed with `-=`, fired in order. Like a .NET
    multicast delegate it is immutable underneath: firing reads the current handlers without a
    lock (firing threads never wait on each other)."""

    def __init__(self) -> None:
        self._handlers: tuple[Callable[..., None], ...] = ()
        self._lock = threading.Lock()  # only for += and -=

    def __iadd__(self, handler: Callable[..., None]) -> SimEvent:
        with self._lock:
            self._handlers = (*self._handlers, handler)
        return self

    def __isub__(self, handler: Callable[..., None]) -> SimEvent:
        with self._lock:
            if handler in self._handlers:
                index = self._handlers.index(handler)
                self._handlers = self._handlers[:index] + self._handlers[index + 1 :]
        return self

    def __len__(self) -> int:
        return len(self._handlers)

    def fire(self, *args: Any) -> None:
        for handler in self._handlers:
            handler(*args)


class PackageBase:
    """`Package.PackageBase`: a data package with its type (DT) and topic."""

    def __init__(self, dt: int, topic: str) -> None:
        self.DT = dt
        self.TOPIC = topic


PRODUCT_TOPICS: tuple[tuple[str, int], ...] = (
    ("ProList.xml", 275),
    ("ProductBaseSv1801.xml", 367),
    ("ProductBaseSv1802.xml", 412),
    ("OptProList.xml", 96),
    ("OptProductBase.xml", 1286),
)
REPORT_TOPICS: tuple[tuple[str, int], ...] = (("Order", 3), ("Deal", 1))
SIM_VERSION = "2022050517"
DEMO_PASSWORD = "demo"


class SimTaiFexCom:
    """`Smart.TaiFexCom` as the built-in simulator."""

    def __init__(self, host: str, port: int, source_id: str, *, scenario: str = "normal") -> None:
        self._scenario = checked_scenario("KGI", scenario, SCENARIOS)
        # Public fields, as on the vendor class.
        self.ServerHost = host
        self.ServerPort = port
        self.AutoSubReport = False
        self.AutoRetriveProductInfo = True
        self.AutoRecoverReport: bool | None = None
        self.ConnectTimeout = 5000
        self.LoginTimeout = 15000
        # Events.
        self.OnGetStatus = SimEvent()
        self.OnRcvMessage = SimEvent()
        self.OnRcvServerTime = SimEvent()
        self.OnRecoverStatus = SimEvent()
        self._status: IntEnum | None = None
        self._connection = CONNECTION_STATUS.CS_DISCONNECTED
        self._accounts: list[str] = []
        self._wake = threading.Event()
        self._logout = threading.Event()
        self._disposed = threading.Event()
        self._thread: threading.Thread | None = None
        self._rng = random.Random(port)

    # -- read-only properties ----------------------------------------------------------------

    @property
    def version(self) -> str:
        return SIM_VERSION

    @property
    def MyIP(self) -> str:
        return "127.0.0.1"

    @property
    def Accounts(self) -> list[str]:
        return list(self._accounts)

    # -- methods -----------------------------------------------------------------------------

    def LoginDirect(self, ip: str, port: int, person_id: str, pwd: str, center: str) -> None:
        if self._disposed.is_set():
            raise RuntimeError("ObjectDisposedException: TaiFexCom")
        if self._thread is not None:
            raise RuntimeError("InvalidOperationException: login already in progress")
        self.ServerHost, self.ServerPort = ip, port
        self._connection = CONNECTION_STATUS.CS_CONNECTING
        self._thread = threading.Thread(
            target=self._play, args=(person_id, pwd), name="kgi-sim", daemon=True
        )
        self._thread.start()

    def Logout(self) -> None:
        self._logout.set()
        self._wake.set()

    def Dispose(self) -> None:
        self._disposed.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=2.0)

    def ComStatus(self) -> IntEnum | None:
        return self._status

    def ConnectionStatus(self) -> CONNECTION_STATUS:
        return self._connection

    # -- playback (runs on the simulator's own thread) ---------------------------------------

    def _pause(self, seconds: float) -> bool:
        """Wait; False when Logout or Dispose cut the wait short."""
        self._wake.wait(seconds)
        return not (self._logout.is_set() or self._disposed.is_set())

    def _status_event(self, status: IntEnum, text: str) -> None:
        if self._disposed.is_set():
            return
        self._status = status
        self.OnGetStatus.fire(self, status, text.encode("utf-8"))

    def _play(self, person_id: str, pwd: str) -> None:
        step = 0.8 if self._scenario == "slow_recovery" else 0.04
        if not self._pause(0.05):
            return self._finish()
        if self._scenario in ("unreachable", AFTER_HOURS):
            self._connection = CONNECTION_STATUS.CS_DISCONNECTED
            self._status_event(
                COM_STATUS.CONNECT_FAIL, f"連線失敗：無法連線至 {self.ServerHost}:{self.ServerPort}"
            )
            return None
        if self._scenario == "silent":
            while self._pause(3600):
                pass
            return self._finish()
        self._connection = CONNECTION_STATUS.CS_CONNECTREADY
        self._status_event(COM_STATUS.CONNECT_READY, "連線成功")
        topics = PRODUCT_TOPICS if self.AutoRetriveProductInfo else ()
        if self.AutoRecoverReport:
            topics += REPORT_TOPICS
        for index, (topic, count) in enumerate(topics):
            self.OnRecoverStatus.fire(self, topic, RECOVER_STATUS.RS_BEGIN, 0)
            if self._scenario == "drop_during_recover" and index == 1:
                self._pause(step)
                self._connection = CONNECTION_STATUS.CS_DISCONNECTED
                self._status_event(COM_STATUS.DISCONNECTED, "連線中斷")
                return None
            if not self._pause(step):
                return self._finish()
            self.OnRecoverStatus.fire(self, topic, RECOVER_STATUS.RS_DONE, count)
        if self._scenario == "as400_down":  # the back office is away: the login cannot complete
            self._status_event(COM_STATUS.AS400_CONNECTFAIL, "AS400 連線失敗")
            self._status_event(COM_STATUS.LOGIN_FAIL, "登入失敗：後台主機無回應")
            return None
        if not person_id or pwd != DEMO_PASSWORD:
            self._status_event(COM_STATUS.LOGIN_FAIL, "登入失敗：身分證字號或密碼錯誤")
            return None
        self._accounts = [f"F021000-{person_id[-7:]}"]
        self._status_event(COM_STATUS.LOGIN_READY, "登入成功")
        if self.AutoSubReport:
            self.OnRcvMessage.fire(self, PackageBase(9, "RPT"))
        skew = timedelta(seconds=90) if self._scenario == "clock_skew" else timedelta()
        ticks_left = int(DROP_AFTER_LOGIN_SECONDS) if self._scenario == DROP_AFTER_LOGIN else -1
        while ticks_left != 0:
            now = datetime.now(TAIPEI).replace(tzinfo=None) + skew
            self.OnRcvServerTime.fire(self, now, self._rng.randint(8, 40))
            if not self._pause(1.0):
                return self._finish()
            ticks_left -= 1
        self._connection = CONNECTION_STATUS.CS_DISCONNECTED
        self._status_event(COM_STATUS.DISCONNECTED, "連線中斷")
        return None

    def _finish(self) -> None:
        self._connection = CONNECTION_STATUS.CS_DISCONNECTED
        if self._logout.is_set() and not self._disposed.is_set():
            self._status_event(COM_STATUS.DISCONNECTED, "")


def load(scenario: str, _settings: Mapping[str, Any]) -> KgiSdk:
    """The simulator behind the same surface as KGI's .NET SDK."""
    checked_scenario("KGI", scenario, SCENARIOS)
    return KgiSdk(
        TaiFexCom=partial(SimTaiFexCom, scenario=scenario),
        ushort=int,
        char=str,
        nullable_bool=bool,
        runtime="built-in simulator",
    )


# Where a diagnosis reaches this simulator: nothing listens when it is unreachable.
front = tcp_front("unreachable", AFTER_HOURS)
