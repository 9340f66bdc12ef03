"""Aligned text output with CJK names: columns by display width, not by characters."""

from __future__ import annotations

from gui.core.diagnosis import Step
from gui.core.text_width import display_width, pad


def test_cjk_characters_take_two_columns_and_combining_marks_none() -> None:
    assert display_width("KGI 凱基") == 8
    assert display_width("Cafe\u0301") == 4
    assert display_width("Ｂａｓｅ") == 8  # full-width letters


def test_diagnosis_lines_keep_their_columns_with_a_cjk_target() -> None:
    lines = [
        Step("sdk", "KGI 凱基", True, ms=12, detail="loaded").text(),
        Step("sdk", "Rootnet CTS", True, ms=3, detail="loaded").text(),
        Step("sdk", "Hundsun 恒生 UFX", True, ms=7, detail="loaded").text(),
    ]
    columns = {display_width(line[: line.index(" ms")]) for line in lines}
    assert len(columns) == 1, lines  # the " ms" column starts at the same place on each line
    assert pad("恒生", 6) == "恒生  "
