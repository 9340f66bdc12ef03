"""The exchanges and boards a logged-in account can trade (seed 001: register them on connect)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Exchange:
    code: str
    name: str
    boards: tuple[str, ...] = ()

    def describe(self) -> str:
        boards = f" ({', '.join(self.boards)})" if self.boards else ""
        return f"{self.code}{boards}"


class Context:
    """Exchanges registered by the driver of one session, in registration order."""

    def __init__(self) -> None:
        self._exchanges: dict[str, Exchange] = {}

    def register(self, exchange: Exchange) -> None:
        self._exchanges[exchange.code] = exchange

    def clear(self) -> None:
        self._exchanges.clear()

    @property
    def exchanges(self) -> tuple[Exchange, ...]:
        return tuple(self._exchanges.values())

    def to_json(self) -> list[dict[str, object]]:
        return [{"code": e.code, "name": e.name, "boards": list(e.boards)} for e in self.exchanges]
