"""Kingdom driver: test the KCBP leg with the KCBP C client, then InitPlugin as the seed does.

InitPlugin is a C call that cannot be interrupted: a cancel or timeout during it is handled by
the base's one vendor thread (close() runs once it returns) and, in the product, by the worker
process being ended."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

from gui.brokers.kingdom.surface import (
    ERROR_KINDS,
    KCBP_REJECTIONS,
    KcbpApi,
    KingdomApis,
    PluginApi,
    connect_option,
    gbk,
    init_info,
    kcbp_config,
)
from gui.core.blocking import BlockingDriver, SurfaceLoader
from gui.core.errors import BrokerFailure, ConnectFailed, LoginRejected
from gui.core.events import Level
from gui.core.records import ActionResult
from gui.core.status import CONNECT_FAIL, CONNECT_READY, DISCONNECTED, LOGIN_FAIL, LOGIN_READY

KCBP_TIMEOUT_SECONDS = 5
PLUGIN_WATCH_SECONDS = 1.0  # a local call into the plugin: cheap, and a drop shows within 1 s


def kcbp_failure(code: int, message: str) -> BrokerFailure:
    """A KCBP client error as the failure it is: refused credentials, or the connection."""
    if code in KCBP_REJECTIONS:
        return LoginRejected(
            f"KCBP: {KCBP_REJECTIONS[code]} (error {code}: {message}). Check "
            "the KCBP user and password with Kingdom's operations team.",
            native_code=str(code),
        )
    return ConnectFailed(
        f"The KCBP leg failed: error {code}: {message}. Check the KCBP address, port, server "
        "name and queue names with Kingdom's operations team.",
        native_code=str(code),
    )


class KingdomDriver(BlockingDriver[KingdomApis]):
    broker = "kingdom"
    # InitPlugin does not report markets: these are the configured defaults for a Kingdom counter.
    exchanges = (
        ("SSE", "Shanghai Stock Exchange", ("main board", "STAR")),
        ("SZSE", "Shenzhen Stock Exchange", ("main board", "ChiNext")),
    )

    def __init__(self, load_surface: SurfaceLoader[KingdomApis]) -> None:
        super().__init__(load_surface)
        self._plugin: PluginApi | None = None

    # -- vendor calls (the vendor thread) ----------------------------------------------------

    def open(self, settings: Mapping[str, Any]) -> None:
        apis: KingdomApis = self.surface
        link = self.link
        link.set_detail("Runtime", apis.runtime)
        self._kcbp_leg(apis.kcbp, settings)
        link.log(
            f"InitPlugin as {settings['operator_user']}, {settings['threads']} thread(s), "
            f"log '{settings['log_prefix']}', product '{settings['algo_name']}'"
        )
        plugin = apis.plugin
        self._plugin = plugin  # closed by close() even when InitPlugin fails half-way
        link.flush()
        rc = plugin.init(
            init_info(settings),
            kcbp_config(settings),
            int(settings["threads"]),
            gbk(settings["log_prefix"]),
            gbk(settings["algo_name"]),
            bool(settings["log_enabled"]),
        )
        if self.abandoned:  # InitPlugin cannot be interrupted; close() follows right after
            link.log(f"InitPlugin returned {rc} after the login was given up.", Level.WARNING)
            return
        if rc != 0:
            texts = ((ERROR_KINDS[kind], plugin.last_error(kind)) for kind in ERROR_KINDS)
            detail = "; ".join(f"{kind}: {text}" for kind, text in texts if text)
            detail = detail or "no error text"
            link.status(LOGIN_FAIL, f"InitPlugin returned {rc}: {detail}", Level.ERROR, code=rc)
            raise LoginRejected(f"The Kingdom plugin's InitPlugin returned {rc}: {detail}")
        link.status(LOGIN_READY, f"InitPlugin returned 0; operator {settings['operator_user']}")

    async def after_login(self, settings: Mapping[str, Any]) -> None:
        self.background(self._watch_plugin())

    async def _watch_plugin(self) -> None:
        """The plugin keeps its own connection and tells no one when it drops: ask it."""
        while True:
            await asyncio.sleep(PLUGIN_WATCH_SECONDS)
            plugin = self._plugin
            if plugin is None or await self.call(plugin.connected):
                continue
            channel = plugin.last_error(1) or "no error text"
            self.connection_dropped(f"The Kingdom plugin lost its connection ({channel})")
            return

    def close(self) -> None:
        plugin, self._plugin = self._plugin, None
        if plugin is None:
            return
        plugin.close()
        if self.logged_in_now:
            self.link.status(DISCONNECTED, "Close() called")

    def check(self, settings: Mapping[str, Any]) -> ActionResult:
        """Test the KCBP leg alone, before blaming the plugin."""
        apis: KingdomApis = self.surface
        self.link.set_detail("Runtime", apis.runtime)
        self._kcbp_leg(apis.kcbp, settings)
        return ActionResult(
            f"KCBP {settings['kcbp_server']} at {settings['kcbp_ip']}:{settings['kcbp_port']} "
            f"accepted user {settings['kcbp_user']} on queues {settings['kcbp_req_queue']}/"
            f"{settings['kcbp_ans_queue']}."
        )

    # -- steps -------------------------------------------------------------------------------

    def _kcbp_leg(self, kcbp: Callable[[], KcbpApi], settings: Mapping[str, Any]) -> None:
        link = self.link
        target = (
            f"KCBP {settings['kcbp_server']} at {settings['kcbp_ip']}:{settings['kcbp_port']}, "
            f"queues {settings['kcbp_req_queue']}/{settings['kcbp_ans_queue']}"
        )
        link.log(f"Testing the KCBP leg: {target}")
        link.flush()
        code, message = self._probe(kcbp, settings)
        if code != 0:
            link.status(
                CONNECT_FAIL, f"{target}: error {code}: {message}", Level.ERROR, native_code=code
            )
            raise kcbp_failure(code, message)
        link.status(CONNECT_READY, f"{target}: connected as {settings['kcbp_user']}")
        self.connected(f"KCBP connected as {settings['kcbp_user']}")

    @staticmethod
    def _probe(factory: Callable[[], KcbpApi], settings: Mapping[str, Any]) -> tuple[int, str]:
        """Init, options, timeout, connect, disconnect, exit: (0, '') or the client's error."""
        client = factory()
        if client.init() != 0:
            return -1, "KCBPCLI_Init failed"
        steps: tuple[Callable[[], int], ...] = (
            lambda: client.set_options(connect_option(settings)),
            lambda: client.set_timeout(KCBP_TIMEOUT_SECONDS),
            lambda: client.connect(
                gbk(settings["kcbp_server"]),
                gbk(settings["kcbp_user"]),
                gbk(settings["kcbp_password"]),
            ),
        )
        try:
            for step in steps:  # one at a time: nothing is connected after a failed step
                rc = step()
                if rc != 0:
                    code, message = client.error()
                    return code or rc, message
            client.disconnect()
            return 0, ""
        finally:
            client.exit()
