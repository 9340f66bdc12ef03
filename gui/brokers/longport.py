"""LongPort OpenAPI (signed REST), seed 004. The driver comes with its own issue."""

from gui.core.registry import BrokerSpec
from gui.core.schema import Field, FieldKind, Schema

SCHEMA = Schema(
    (
        Field(
            "region",
            "Region",
            FieldKind.CHOICE,
            required=True,
            default="global",
            choices=(("global", "Global"), ("cn", "Mainland China"), ("custom", "Custom URL")),
        ),
        Field("http_url", "HTTP URL", help="Only for the Custom URL region."),
        Field("app_key", "App key", required=True),
        Field("app_secret", "App secret", FieldKind.SECRET, required=True),
        Field("access_token", "Access token", FieldKind.SECRET, required=True),
    )
)

SPEC = BrokerSpec(
    id="longport",
    title="LongPort",
    schema=SCHEMA,
    unavailable_note="The LongPort OpenAPI driver ships in a later release.",
)
