#!/usr/bin/env bash
# Build the one-folder package on Linux with the same spec as Windows, in a build venv that has
# PySide6 only (no second Qt binding). Output: dist/BrokerLoginConsole/ and a .tar.gz of it.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/setup.sh"
apt_install "${QT_PACKAGES[@]}" binutils
BUILD_VENV="$ROOT/build/venv"
if [ ! -x "$BUILD_VENV/bin/python" ]; then
  "$PYTHON" -m venv "$BUILD_VENV"
  "$BUILD_VENV/bin/python" -m pip install -q --upgrade pip
fi
say "installing the app and PyInstaller into build/venv"
"$BUILD_VENV/bin/python" -m pip install -q "$ROOT" "pyinstaller>=6.5"
"$BUILD_VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$ROOT"
cd "$ROOT"
rm -rf dist/BrokerLoginConsole
"$BUILD_VENV/bin/python" scripts/translations.py compile  # the .qm files the package ships
"$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/broker_console.spec
tar -C dist -czf dist/BrokerLoginConsole-linux-x86_64.tar.gz BrokerLoginConsole
say "built dist/BrokerLoginConsole ($(du -sh dist/BrokerLoginConsole | cut -f1)," \
  "archive $(du -sh dist/BrokerLoginConsole-linux-x86_64.tar.gz | cut -f1))"
