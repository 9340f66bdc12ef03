"""Qt-free broker drivers, one module or sub-package per broker, each with its simulator.

Brokers made outside this repository join through BROKER_CONSOLE_BROKERS: a comma-separated
list of importable packages on the broker template, each holding a SPEC whose id is the
package's last name (docs/ARCHITECTURE.md, The broker contract). The console, its worker
processes and the CLI all read it.
"""

import importlib
import os

from gui.brokers import hundsun, kgi, kingdom, longport, rootnet, vnpy
from gui.core.registry import BrokerSpec, Registry

EXTRA_BROKERS_ENV = "BROKER_CONSOLE_BROKERS"


def extra_broker_packages() -> list[str]:
    """The packages BROKER_CONSOLE_BROKERS names, in order."""
    return [
        name.strip() for name in os.environ.get(EXTRA_BROKERS_ENV, "").split(",") if name.strip()
    ]


def extra_broker_ids() -> tuple[str, ...]:
    """Their ids, without importing them (the CLI's parser lists them)."""
    return tuple(name.rsplit(".", 1)[-1] for name in extra_broker_packages())


def _extra_spec(package: str) -> BrokerSpec:
    broker = package.rsplit(".", 1)[-1]
    try:
        spec = importlib.import_module(package).SPEC
    except (ImportError, AttributeError) as exc:
        raise RuntimeError(
            f"{EXTRA_BROKERS_ENV}: {package} is not a broker package ({exc})"
        ) from None
    if not isinstance(spec, BrokerSpec) or spec.id != broker:
        raise RuntimeError(
            f"{EXTRA_BROKERS_ENV}: {package}.SPEC is not a BrokerSpec with id {broker!r}"
        )
    return spec


def default_registry() -> Registry:
    """The six brokers (docs/ARCHITECTURE.md, Brokers), in tab order, then any added ones."""
    specs = [kgi.SPEC, longport.SPEC, hundsun.SPEC, kingdom.SPEC, rootnet.SPEC, vnpy.SPEC]
    return Registry(specs + [_extra_spec(package) for package in extra_broker_packages()])
