"""Kingdom driver: test the KCBP leg with the KCBP C client, then InitPlugin as the seed does."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from gui.brokers.kingdom.api import ERROR_KINDS, KcbpApi, PluginApi
from gui.brokers.kingdom.simulator import SimKcbp, SimPlugin
from gui.brokers.kingdom.structs import connect_option, gbk, init_info, kcbp_config
from gui.core.driver import ActionResult, Driver, DriverLink
from gui.core.errors import ConnectFailed, LoginRejected, SdkUnavailable
from gui.core.events import Level
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

KCBP_TIMEOUT_SECONDS = 5
# InitPlugin does not report markets: these are the configured defaults for a Kingdom counter.
EXCHANGES = (
    ("SSE", "Shanghai Stock Exchange", ("main board", "STAR")),
    ("SZSE", "Shenzhen Stock Exchange", ("main board", "ChiNext")),
)

T = TypeVar("T")
Apis = tuple[PluginApi, Callable[[], KcbpApi], str]


def load_native(settings: Mapping[str, Any]) -> Apis:
    """The shim at sdk_path (ctypes) and the KCBP client next to it."""
    from gui.brokers.kingdom.native import KcbpClientLib, ShimPlugin, find_kcbp_client

    if not settings.get("sdk_path"):
        raise SdkUnavailable(
            "Set the plugin shim: the lbm_shim library built against Kingdom's plugin SDK "
            "(packaging/kingdom_shim)."
        )
    plugin = ShimPlugin(Path(str(settings["sdk_path"])).expanduser())
    client_path = find_kcbp_client(plugin.folder)
    return plugin, partial(KcbpClientLib, client_path), f"shim {settings['sdk_path']} (ctypes)"


class KingdomDriver(Driver):
    def __init__(self, executor: Executor, scenario: str | None) -> None:
        """`scenario` None: the real libraries; otherwise the built-in simulator, unless a shim
        path is set (then the real ctypes path runs against it)."""
        self._executor = executor
        self._scenario = scenario
        self._plugin: PluginApi | None = None
        self._link: DriverLink | None = None
        self._stop = threading.Event()
        self._init_lock = threading.Lock()
        self._init_rc: int | None = None
        self._abandoned = False

    async def _call(self, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, partial(fn, *args))

    def _load(self, settings: Mapping[str, Any]) -> Apis:
        if self._scenario is not None and not settings.get("sdk_path"):
            scenario = self._scenario
            return SimPlugin(scenario, self._stop), partial(SimKcbp, scenario), "built-in simulator"
        return load_native(settings)

    # -- Driver ------------------------------------------------------------------------------

    async def connect(self, settings: Mapping[str, Any], link: DriverLink) -> None:
        self._link = link
        plugin, kcbp, where = await self._call(self._load, settings)
        link.set_detail("Runtime", where)
        await self._kcbp_leg(kcbp, settings, link)
        link.log(
            f"InitPlugin as {settings['operator_user']}, {settings['threads']} thread(s), "
            f"log '{settings['log_prefix']}', product '{settings['algo_name']}'"
        )
        init = asyncio.get_running_loop().run_in_executor(
            self._executor,
            partial(
                self._init,
                plugin,
                init_info(settings),
                kcbp_config(settings),
                int(settings["threads"]),
                gbk(settings["log_prefix"]),
                gbk(settings["algo_name"]),
                bool(settings["log_enabled"]),
            ),
        )
        try:
            rc = await asyncio.shield(init)
        except asyncio.CancelledError:
            self._abandon(plugin)
            raise
        if rc != 0:
            texts = await self._call(self._errors, plugin)
            detail = "; ".join(f"{kind}: {text}" for kind, text in texts) or "no error text"
            link.status(LOGIN_FAIL, f"InitPlugin returned {rc}: {detail}", Level.ERROR, code=rc)
            raise LoginRejected(f"The Kingdom plugin refused the login (InitPlugin {rc}): {detail}")
        self._plugin = plugin
        link.status(LOGIN_READY, f"InitPlugin returned 0; operator {settings['operator_user']}")
        for code, name, boards in EXCHANGES:
            link.register(code, name, boards)

    async def logout(self) -> None:
        plugin, self._plugin = self._plugin, None
        self._stop.set()
        if plugin is None:
            return
        await self._call(plugin.close)
        if self._link is not None:
            self._link.status(DISCONNECTED, "Close() called")

    async def probe(self, settings: Mapping[str, Any], link: DriverLink) -> ActionResult:
        """Test the KCBP leg alone, before blaming the plugin."""
        _, kcbp, where = await self._call(self._load, settings)
        link.set_detail("Runtime", where)
        await self._kcbp_leg(kcbp, settings, link)
        return ActionResult(
            f"KCBP {settings['kcbp_server']} at {settings['kcbp_ip']}:{settings['kcbp_port']} "
            f"accepted user {settings['kcbp_user']} on queues {settings['kcbp_req_queue']}/"
            f"{settings['kcbp_ans_queue']}."
        )

    # -- steps -------------------------------------------------------------------------------

    async def _kcbp_leg(
        self, kcbp: Callable[[], KcbpApi], settings: Mapping[str, Any], link: DriverLink
    ) -> None:
        target = (
            f"KCBP {settings['kcbp_server']} at {settings['kcbp_ip']}:{settings['kcbp_port']}, "
            f"queues {settings['kcbp_req_queue']}/{settings['kcbp_ans_queue']}"
        )
        link.log(f"Testing the KCBP leg: {target}")
        code, message = await self._call(self._probe, kcbp, settings)
        if code != 0:
            link.status(CONNECT_FAIL, f"{target}: error {code}: {message}", Level.ERROR, code=code)
            raise ConnectFailed(
                f"The KCBP leg failed: error {code}: {message}. Check the KCBP address, port, "
                "server name and queue names with Kingdom's operations team."
            )
        link.status(CONNECT_READY, f"{target}: connected as {settings['kcbp_user']}")

    @staticmethod
    def _probe(factory: Callable[[], KcbpApi], settings: Mapping[str, Any]) -> tuple[int, str]:
        """Init, options, timeout, connect, disconnect, exit: (0, '') or the client's error."""
        client = factory()
        if client.init() != 0:
            return -1, "KCBPCLI_Init failed"
        try:
            for rc in (
                client.set_options(connect_option(settings)),
                client.set_timeout(KCBP_TIMEOUT_SECONDS),
                client.connect(
                    gbk(settings["kcbp_server"]),
                    gbk(settings["kcbp_user"]),
                    gbk(settings["kcbp_password"]),
                ),
            ):
                if rc != 0:
                    code, message = client.error()
                    return code or rc, message
            client.disconnect()
            return 0, ""
        finally:
            client.exit()

    @staticmethod
    def _errors(plugin: PluginApi) -> list[tuple[str, str]]:
        texts = ((ERROR_KINDS[kind], plugin.last_error(kind)) for kind in ERROR_KINDS)
        return [(kind, text) for kind, text in texts if text]

    def _init(self, plugin: PluginApi, *args: Any) -> int:
        """InitPlugin on a worker; a login abandoned meanwhile is closed right here."""
        rc = plugin.init(*args)
        with self._init_lock:
            self._init_rc = rc
            abandoned = self._abandoned
        if abandoned and rc == 0:
            plugin.close()
        return rc

    def _abandon(self, plugin: PluginApi) -> None:
        """Cancel or timeout during InitPlugin: a C call cannot be interrupted, so the plugin is
        closed once it returns (by the worker, or here if it already has)."""
        self._stop.set()
        with self._init_lock:
            self._abandoned = True
            finished_ok = self._init_rc == 0
        if finished_ok:
            threading.Thread(target=plugin.close, name="kingdom-close", daemon=True).start()
