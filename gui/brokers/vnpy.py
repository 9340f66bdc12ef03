"""Any vnpy gateway (`BaseGateway.connect(setting)` / `close()`), seed 001."""

from gui.core.registry import BrokerSpec
from gui.core.schema import Field, Schema

SCHEMA = Schema(
    (
        Field(
            "gateway",
            "Gateway",
            required=True,
            help="module:Class of an installed vnpy gateway, e.g. vnpy_ctp:CtpGateway.",
        ),
    )
)

SPEC = BrokerSpec(
    id="vnpy",
    title="vnpy gateway",
    schema=SCHEMA,
    unavailable_note="The vnpy gateway driver ships in a later release.",
)
