"""The terminal-information preview: what a login sends about this machine, where each value
comes from, what looks wrong (a VM's card, a placeholder, an empty required field), and that a
secret in it is never shown."""

from __future__ import annotations

import pytest

from gui.brokers import default_registry
from gui.brokers.hundsun import STATION_KEYS, TERMINAL_INFO_PARTS, station_fields
from gui.core.terminal_info import ip_problem, mac_problem, text_problem
from tests.console_cli import run_console
from tests.unit.test_cli import lines


@pytest.mark.parametrize(
    ("mac", "words"),
    [
        ("000C29AABBCC", "VMware"),
        ("08:00:27:AA:BB:CC", "VirtualBox"),
        ("525400AABBCC", "QEMU/KVM"),
        ("00155DAABBCC", "Hyper-V"),
        ("0242AC110002", "container"),
        ("000000000000", "all zeros"),
        ("02FC00000001", "locally administered"),
        ("", "empty"),
    ],
)
def test_a_virtual_or_missing_network_card_is_flagged(mac: str, words: str) -> None:
    assert words in mac_problem(mac)


def test_a_real_card_an_address_and_a_model_pass() -> None:
    assert mac_problem("00E04C6817A2") == ""
    assert ip_problem("10.1.2.3") == "" and "loopback" in ip_problem("127.0.0.1")
    assert text_problem("ThinkPad T14", required=True) == ""
    assert "placeholder" in text_problem("To be filled by O.E.M.", required=True)
    assert "VMware" in text_problem("VMware Virtual Platform", required=False)
    assert text_problem("", required=False) == "" and text_problem("", required=True) == "empty"


def terminal_info(*args: str) -> tuple[int, list[dict]]:
    proc = run_console("terminal-info", *args, "--json", timeout=60)
    return proc.returncode, lines(proc.stdout)


def test_hundsun_lists_every_field_and_every_terminal_info_part_with_its_source() -> None:
    code, records = terminal_info("hundsun")
    fields = [r for r in records if r["kind"] == "terminal_field"]
    names = [f["field"] for f in fields]
    assert names[: len(STATION_KEYS)] == list(STATION_KEYS)
    parts = [n for n in names if n.startswith("terminal_info[")]
    assert [p.split(" ", 1)[1] for p in parts] == [name for name, _ in TERMINAL_INFO_PARTS]
    assert all(f["source"] for f in fields)
    machine = station_fields()
    by_name = {f["field"]: f for f in fields}
    assert by_name["mac_address"]["value"] == machine["mac_address"]
    assert by_name["mac_address"]["source"] == "this machine (Auto-fill)"
    assert by_name["mac_address"]["required"] and not by_name["hd_volserial"]["required"]
    needed_wrong = [f for f in fields if f["required"] and f["problem"]]
    assert code == (1 if needed_wrong else 0)
    assert records[-1]["kind"] == "result"


def test_a_vm_mac_typed_in_the_form_is_a_problem_the_broker_needs_fixed() -> None:
    code, records = terminal_info("hundsun", "--set", "mac_address=000C29AABBCC")
    (mac,) = [r for r in records if r.get("field") == "mac_address"]
    assert mac["source"] == "typed in the form (differs from this machine)"
    assert "VMware" in mac["problem"]
    assert code == 1 and not records[-1]["ok"]
    assert any("mac_address: a VMware virtual card" in w for w in records[-1]["warnings"])


def test_ctp_authentication_is_shown_masked_and_the_rest_is_the_apis() -> None:
    preview = default_registry().get("vnpy").terminal_info
    assert preview is not None
    fields = preview({"产品名称": "client_app_1.0", "授权编码": "AUTHCODE12345678"})
    text = repr(fields)
    assert "AUTHCODE12345678" not in text
    auth = next(f for f in fields if f.name.startswith("授权编码"))
    assert auth.sensitive and auth.value == "•••• (16 characters)"
    assert any(f.source == "the CTP library (not visible to the console)" for f in fields)
    assert preview({"gateway": "vnpy_ib:IbGateway"}) == []  # not a CTP gateway: nothing known


def test_a_broker_without_terminal_information_says_so() -> None:
    code, records = terminal_info("kgi")
    assert code == 0 and records[-1]["reason"] == "KGI 凱基 sends no terminal information"
