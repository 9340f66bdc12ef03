"""Rootnet 根网 CTS (`CTSlib.CtsServer`), seed 001."""

from gui.core.registry import BrokerSpec
from gui.core.schema import Field, FieldKind, Schema

SCHEMA = Schema(
    (
        Field("host", "Host", FieldKind.HOST, required=True),
        Field("port", "Port", FieldKind.PORT, required=True),
        Field("operator_id", "Operator ID", required=True),
        Field(
            "operator_password", "Operator password", FieldKind.SECRET, required=True, strip=False
        ),
    )
)

SPEC = BrokerSpec(
    id="rootnet",
    title="Rootnet 根网 CTS",
    schema=SCHEMA,
    unavailable_note="The Rootnet CTS driver ships in a later release.",
)
