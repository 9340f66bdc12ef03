"""Which brokers exist, their forms, and how to make their drivers."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, partial
from typing import TYPE_CHECKING, Any

from gui.core.errors import InvalidSettings, SdkUnavailable
from gui.core.lockout import LockoutRule
from gui.core.native_codes import NativeCode, canonical, index
from gui.core.schema import Schema
from gui.core.terminal_info import TerminalField

if TYPE_CHECKING:
    from gui.core.driver import Driver


class Environment(StrEnum):
    SIMULATOR = "simulator"
    LIVE = "live"


@dataclass(frozen=True, slots=True)
class Scenario:
    """A behaviour of a built-in simulator, chosen in the simulator environment."""

    id: str
    label: str
    help: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """Something a logged-in driver can do besides logging out (e.g. refresh a token)."""

    id: str
    label: str
    help: str = ""


# Every simulator plays a session that drops a few seconds after LOGIN_READY, once: the
# reconnect that follows logs in to the same simulator healthy (the scenario it gets is
# `after_drop`), as a real broker comes back after an outage.
DROP_AFTER_LOGIN = "drop_after_login"
DROP_AFTER_LOGIN_SECONDS = 3.0
DROP_AFTER_LOGIN_HELP = (
    f"Logs in, then the connection drops about {DROP_AFTER_LOGIN_SECONDS:g} seconds later; "
    "the next login succeeds (for testing reconnect)."
)


# Every simulator plays its venue being closed: the servers refuse the way the vendor's do after
# hours (gui/core/trading_hours.py), or, where the vendor's API stays up, the login works.
AFTER_HOURS = "after_hours"


def after_drop(scenario: str) -> str:
    """The scenario a reconnect logs in with: a simulated drop does not repeat."""
    return "normal" if scenario == DROP_AFTER_LOGIN else scenario


def scenarios_from(descriptions: Mapping[str, str]) -> tuple[Scenario, ...]:
    """Scenarios from a simulator's {id: what happens} table; labels derive from the ids."""
    return tuple(
        Scenario(key, key.replace("_", " ").capitalize(), text)
        for key, text in descriptions.items()
    )


# settings -> the vendor surface the driver talks to (the SDK, the simulator, a stand-in).
SurfaceLoader = Callable[[Mapping[str, Any]], Any]
# (environment, scenario) -> how to load the surface: the one place live or simulator is chosen.
SurfaceChoice = Callable[[Environment, str], SurfaceLoader]


def package_surface(
    package: str, binding_in_simulator: Callable[[Mapping[str, Any]], bool] | None = None
) -> SurfaceChoice:
    """The chooser every broker shares, from the template's layout: in the simulator
    environment `<package>.simulator.load` (given the scenario), live `<package>.binding.load`.
    The module is imported only when a login needs it (a vendor SDK may be slow or missing), and
    by name: the spec never imports its simulator or binding, which import the spec.
    `binding_in_simulator(settings)`: settings that make the simulator environment run the
    vendor binding against a stand-in library (Kingdom's shim path); a simulator never loads a
    binding itself."""

    def binding(settings: Mapping[str, Any]) -> Any:
        return importlib.import_module(f"{package}.binding").load(settings)

    def simulator(scenario: str, settings: Mapping[str, Any]) -> Any:
        if binding_in_simulator is not None and binding_in_simulator(settings):
            return binding(settings)
        return importlib.import_module(f"{package}.simulator").load(scenario, settings)

    def choose(environment: Environment, scenario: str) -> SurfaceLoader:
        if environment is Environment.SIMULATOR:
            return partial(simulator, scenario)
        return binding

    return choose


@dataclass(frozen=True)
class BrokerSpec:
    """Everything the UI and the CLI need to know about one broker."""

    id: str
    title: str
    schema: Schema
    driver: str = ""  # "module:Class", imported with the first login (in the worker)
    surface: SurfaceChoice | None = None
    scenarios: tuple[Scenario, ...] = ()
    simulator_defaults: Mapping[str, Any] = field(default_factory=dict)
    unavailable_note: str = ""
    actions: tuple[Action, ...] = ()
    probe: Action | None = None  # a check that runs without logging in
    reports_server_time: bool = False  # the broker sends its clock (ServerTime events)
    autofill: Callable[[], Mapping[str, Any]] | None = None  # fields collected from this machine
    # A form that depends on the values (vnpy: the gateway's own settings) resolves here.
    schema_resolver: Callable[[Environment, Mapping[str, Any]], Schema] | None = None
    notice: Callable[[Environment], str] | None = None  # a line for the tab, e.g. what to install
    # Checks before the form is resolved (vnpy: the chosen gateway is installed); raises a
    # typed failure.
    preflight: Callable[[Environment, Mapping[str, Any]], None] | None = None
    # Where the broker is, for a diagnosis: the settings' endpoints as URLs (`tcp://h:p`,
    # `ssl://`, `http(s)://`), and the fields they come from (the only ones a diagnosis
    # without a login requires).
    endpoints: Callable[[Mapping[str, Any]], list[str]] | None = None
    endpoint_keys: tuple[str, ...] = ()
    # After how many wrong passwords the broker locks the account (gui/core/lockout.py), and
    # the field naming the user, whose logins are counted when no account is named.
    lockout: LockoutRule = field(default_factory=LockoutRule)
    user_key: str = ""
    # The vendor's own codes, explained (the broker's codes.py; gui/core/native_codes.py).
    native_codes: tuple[NativeCode, ...] = ()
    # The venues whose sessions the broker serves (gui/core/trading_hours.py VENUES).
    venues: tuple[str, ...] = ()
    # What the login sends about this machine, field by field (gui/core/terminal_info.py).
    terminal_info: Callable[[Mapping[str, Any]], list[TerminalField]] | None = None

    def native_code(self, code: object) -> NativeCode | None:
        """This broker's entry for a vendor code (any spelling: 4097, 0x1001), or None."""
        return _code_index(self.native_codes).get(canonical(code))

    @property
    def available(self) -> bool:
        return bool(self.driver) and self.surface is not None

    def schema_for(self, environment: Environment, values: Mapping[str, Any]) -> Schema:
        """The form for these values (most brokers: always the same)."""
        if self.schema_resolver is None:
            return self.schema
        return self.schema_resolver(environment, values)

    def defaults(self, environment: Environment) -> dict[str, Any]:
        values = self.schema.defaults()
        if self.autofill is not None:
            values.update(self.autofill())
        if environment is Environment.SIMULATOR:
            values.update(self.simulator_defaults)
        return values

    def check_scenario(self, environment: Environment, scenario: str) -> None:
        """An unknown simulator scenario is invalid input, caught before anything starts."""
        if environment is not Environment.SIMULATOR or not self.scenarios:
            return
        known = [s.id for s in self.scenarios]
        if scenario not in known:
            raise InvalidSettings(
                {"scenario": f"unknown scenario '{scenario}'; choose one of: {', '.join(known)}"}
            )

    def create_driver(self, environment: Environment, scenario: str) -> Driver:
        """The driver for one login, its vendor surface chosen by the spec (blocking imports:
        call it where the driver will run)."""
        if not self.available:
            raise SdkUnavailable(
                f"{self.title}: not available yet. {self.unavailable_note}".strip()
            )
        self.check_scenario(environment, scenario)
        module, _, name = self.driver.partition(":")
        driver_class: Callable[[SurfaceLoader], Driver] = getattr(
            importlib.import_module(module), name
        )
        assert self.surface is not None
        return driver_class(self.surface(environment, scenario))


@cache
def _code_index(table: tuple[NativeCode, ...]) -> Mapping[str, NativeCode]:
    return index(table)


def url(host: str, port: int, scheme: str = "tcp") -> str:
    """`scheme://host:port`, an IPv6 address in brackets."""
    host = str(host).strip().strip("[]")
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


class Registry:
    """Brokers in tab order."""

    def __init__(self, specs: Iterator[BrokerSpec] | list[BrokerSpec]) -> None:
        self._specs = {spec.id: spec for spec in specs}

    def __iter__(self) -> Iterator[BrokerSpec]:
        return iter(self._specs.values())

    def __len__(self) -> int:
        return len(self._specs)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._specs)

    def get(self, broker_id: str) -> BrokerSpec:
        try:
            return self._specs[broker_id]
        except KeyError:
            raise KeyError(
                f"unknown broker '{broker_id}'; known: {', '.join(self._specs)}"
            ) from None
