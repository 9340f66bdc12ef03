"""The UI's translations: extract the messages into the Qt Linguist sources, compile them.

    .venv/bin/python scripts/translations.py extract   # update resources/translations/*.ts
    .venv/bin/python scripts/translations.py compile   # .ts -> .qm (+ messages.json), for
                                                       # the app, the tests and the build

`pyside6-lupdate` reads every `tr(...)` / `translate(...)` in gui/ui. The texts that live in
data rather than in calls (field labels and help, scenarios, broker names, the diagnosis
fixes, the validation messages) are written into a stub of `QT_TRANSLATE_NOOP` calls first, so
lupdate extracts them too. Translations are edited in the .ts files (Qt Linguist, or by hand);
`extract` keeps them and marks what is new as unfinished. The .qm files are build output.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_TW", "zh_CN")
# English is the source; its .ts holds only the plural forms ("1 file" / "2 files").
PLURAL_ONLY = ("en",)
INDEX = FOLDER / "messages.json"


def ts_path(language: str) -> Path:
    return FOLDER / f"broker_console_{language}.ts"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv), else on PATH."""
    beside = [Path(sys.executable).with_name(n) for n in (name, f"{name}.exe")]
    found = next((str(path) for path in beside if path.exists()), None) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (scripts/setup.sh does)")
    return found


def _first_arguments(*functions: str) -> set[str]:
    """The literal first argument of every call of these functions in the code: validation
    messages (`Problem("template", …)`), the session panel's names (`set_detail("Account", …)`)."""
    found: set[str] = set()
    for path in (ROOT / "gui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) in functions
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _label_templates() -> set[str]:
    """Validation templates held in variables first (every one starts with "{label}")."""
    tree = ast.parse((ROOT / "gui" / "core" / "schema.py").read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("{label} ")
    }


def data_messages() -> dict[str, set[str]]:
    """{context: texts} that the UI translates from data, not from literal calls."""
    from gui.brokers import default_registry
    from gui.core.diagnosis import CLASSES, CLOCK_FIXES
    from gui.core.registry import Environment
    from gui.core.session_log import LOG_PROBLEM_DETAIL
    from gui.core.terminal_info import texts as terminal_texts

    out: dict[str, set[str]] = {
        "brokers": set(),
        "scenarios": set(),
        "fields": set(),
        "diagnosis": set(CLASSES.values()) | set(CLOCK_FIXES.values()),
        "validation": _first_arguments("Problem", "FieldProblem") | _label_templates(),
        "panel": _first_arguments("set_detail") | {LOG_PROBLEM_DETAIL},
        "codes": set(),
        "terminal": terminal_texts(),
    }
    for spec in default_registry():
        texts = (spec.title, spec.unavailable_note, spec.lockout.text)
        out["brokers"].update(text for text in texts if text)
        for action in (*spec.actions, *([spec.probe] if spec.probe else [])):
            out["brokers"].update(text for text in (action.label, action.help) if text)
        if spec.notice is not None:
            out["brokers"].update(
                text for text in (spec.notice(env) for env in Environment) if text
            )
        if spec.terminal_info is not None:  # the sources (and problems) of its preview
            empty = dict.fromkeys(spec.schema_for(Environment.SIMULATOR, {}).keys, "")
            shown = spec.terminal_info(empty)  # sources are fixed texts; problems are in texts()
            out["terminal"].update(t for f in shown for t in (f.source, f.problem) if t)
        for code in spec.native_codes:
            out["codes"].update((code.meaning, code.cause, code.fix))
        for scenario in spec.scenarios:
            out["scenarios"].update(text for text in (scenario.label, scenario.help) if text)
        for env in Environment:
            for field in spec.schema_for(env, spec.defaults(env)):
                out["fields"].update(text for text in (field.label, field.help) if text)
                out["fields"].update(label for _value, label in field.choices if label)
    return out


def stub_source() -> str:
    lines = ["# Generated by scripts/translations.py for pyside6-lupdate; never imported."]
    for context, texts in sorted(data_messages().items()):
        lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for text in sorted(texts)]
    return "\n".join(lines) + "\n"


def extract(targets: list[Path], *, plural_only: bool = False) -> None:
    """lupdate the UI code and the data stub into these .ts files (kept translations stay);
    `plural_only` for the source language, whose file holds only the messages with %n."""
    sources = sorted(str(path) for path in (ROOT / "gui" / "ui").glob("*.py"))
    with tempfile.TemporaryDirectory() as scratch:
        stub = Path(scratch) / "data_messages.py"
        stub.write_text(stub_source(), encoding="utf-8")
        subprocess.run(
            [tool("pyside6-lupdate"), *sources, str(stub), "-no-obsolete", "-locations",
             "none", *(["-pluralonly"] if plural_only else []), "-ts", *map(str, targets)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip


def messages(ts: Path) -> list[dict[str, object]]:
    """Each message of a .ts: context, source, whether it has plural forms, its translations
    and whether it is finished."""
    out: list[dict[str, object]] = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
            out.append(
                {
                    "context": name,
                    "source": message.findtext("source") or "",
                    "numerus": message.get("numerus") == "yes",
                    "translations": texts,
                    "finished": translation.get("type") not in ("unfinished", "obsolete"),
                }
            )
    return out


def compile_all() -> None:
    """.ts -> .qm for every language, and the index of messages the self-test counts with."""
    for language in (*LANGUAGES, *PLURAL_ONLY):
        qm = ts_path(language).with_suffix(".qm")
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts_path(language)), "-qm", str(qm)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
    index = [
        {"context": m["context"], "source": m["source"], "numerus": m["numerus"]}
        for m in messages(ts_path(LANGUAGES[0]))
    ]
    INDEX.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        extract([ts_path(language) for language in LANGUAGES])
        extract([ts_path(language) for language in PLURAL_ONLY], plural_only=True)
        for language in (*LANGUAGES, *PLURAL_ONLY):
            pending = [m for m in messages(ts_path(language)) if not m["finished"]]
            print(f"{ts_path(language).name}: {len(pending)} unfinished")
        return 0
    if command == "compile":
        compile_all()
        print(f"compiled {', '.join((*LANGUAGES, *PLURAL_ONLY))} into {FOLDER}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
