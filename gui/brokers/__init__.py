"""Qt-free broker drivers, one module or sub-package per broker, each with its simulator."""

from gui.brokers import hundsun, kgi, kingdom, longport, rootnet, vnpy
from gui.core.registry import Registry


def default_registry() -> Registry:
    """The six brokers (docs/ARCHITECTURE.md, Brokers), in tab order."""
    return Registry([kgi.SPEC, longport.SPEC, hundsun.SPEC, kingdom.SPEC, rootnet.SPEC, vnpy.SPEC])
