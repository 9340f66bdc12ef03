"""A small gateway on the real vnpy core (BaseGateway, EventEngine, LogData, ...), for tests."""

from __future__ import annotations

import logging
import threading
from typing import Any, ClassVar

from vnpy.trader.constant import Exchange, Product
from vnpy.trader.gateway import BaseGateway
from vnpy.trader.object import AccountData, ContractData, LogData


class TestGateway(BaseGateway):
    default_name = "TESTGW"
    default_setting: ClassVar[dict[str, Any]] = {
        "username": "",
        "password": "",
        "server": ["primary", "backup"],
        "timeout": 5,
        "ratio": 1.5,
        "verbose": True,
    }
    exchanges: ClassVar[list[Exchange]] = [Exchange.SSE, Exchange.SZSE]

    def connect(self, setting: dict) -> None:
        self.setting = dict(setting)
        threading.Thread(target=self._login, daemon=True).start()

    def _login(self) -> None:
        self.write_log(f"connected to {self.setting['server']} server")
        if self.setting["password"] != "demo":
            self.on_log(
                LogData(
                    msg="login failed: bad password",
                    level=logging.ERROR,
                    gateway_name=self.gateway_name,
                )
            )
            return
        for code in ("600000", "000001"):
            self.on_contract(
                ContractData(
                    symbol=code,
                    exchange=Exchange.SSE,
                    name=code,
                    product=Product.EQUITY,
                    size=1,
                    pricetick=0.01,
                    gateway_name=self.gateway_name,
                )
            )
        self.on_account(
            AccountData(
                accountid=self.setting["username"], balance=250000.0, gateway_name=self.gateway_name
            )
        )

    def close(self) -> None:
        self.write_log("closed")

    def subscribe(self, req: Any) -> None: ...

    def send_order(self, req: Any) -> str:
        return ""

    def cancel_order(self, req: Any) -> None: ...

    def query_account(self) -> None: ...

    def query_position(self) -> None: ...
