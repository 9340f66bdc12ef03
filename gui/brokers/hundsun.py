"""Hundsun 恒生 UFX / O32 (T2 SDK), seed 001: function 10001 and its field widths."""

from gui.core.registry import BrokerSpec
from gui.core.schema import Field, FieldKind, ItemKind, Schema


def _c(key: str, label: str, width: int, **kw: object) -> Field:
    """A UFX `C<width>` field: at most `width` bytes in GBK."""
    return Field(key, label, max_bytes=width, encoding="gbk", **kw)  # type: ignore[arg-type]


SCHEMA = Schema(
    (
        Field(
            "servers",
            "Servers",
            FieldKind.LIST,
            required=True,
            item_kind=ItemKind.ENDPOINT,
            help="ip:port;ip:port",
        ),
        Field("license_file", "License file", FieldKind.PATH),
        _c("operator_no", "Operator no.", 16, required=True),
        Field(
            "password",
            "Password",
            FieldKind.SECRET,
            required=True,
            max_bytes=16,
            encoding="gbk",
            strip=False,
        ),
        _c("authorization_id", "Authorization ID", 64, required=True),
        _c("mac_address", "MAC address", 20, required=True),
        _c("ip_address", "IP address", 15, required=True),
        _c("hd_volserial", "Disk serial", 128),
        _c("op_station", "Op station", 256, required=True, help="IP|MAC"),
        _c("terminal_info", "Terminal info", 256),
        _c("app_id", "App ID", 32),
        Field(
            "authorize_code",
            "Authorize code",
            FieldKind.SECRET,
            max_bytes=16,
            encoding="gbk",
            strip=False,
        ),
        Field("port_id", "Port ID", FieldKind.INT, minimum=0, maximum=99_999_999),
        Field(
            "heartbeat_seconds",
            "Heartbeat (s)",
            FieldKind.INT,
            default=30,
            minimum=5,
            maximum=240,
            help="Function 10000 interval; the token expires after five idle minutes.",
        ),
    )
)

SPEC = BrokerSpec(
    id="hundsun",
    title="Hundsun 恒生 UFX",
    schema=SCHEMA,
    unavailable_note="The Hundsun UFX driver ships in a later release.",
)
