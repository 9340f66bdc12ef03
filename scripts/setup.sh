#!/usr/bin/env bash
# Sets up everything the console and its tests need on a fresh Debian/Ubuntu machine.
# Idempotent: a second run installs nothing. Sourced by run.sh and test.sh.
#   setup_console [display]   # "display" adds what a real X11 window needs
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

# Shared libraries PySide6's wheels load even offscreen.
QT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0)
# What the xcb platform plugin needs on a real display, plus CJK fonts for the vendors' text.
DISPLAY_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0
  fonts-noto-cjk)

# What the tests need besides Qt: Mono (pythonnet's runtime, and mcs for the C# SDK stand-ins),
# the C/C++ compilers for the Kingdom stand-ins and shim, patchelf to build vnpy_ctp, and a real
# Secret Service (gnome-keyring on a private D-Bus session bus) for remembered passwords, and a
# real Prometheus server (and promtool) that scrapes the metrics endpoint in the tests.
TEST_PACKAGES=(mono-devel gcc g++ patchelf gnome-keyring dbus dbus-user-session prometheus)
# The real CTP gateway the worker tests drive (it used to segfault the console). PyPI has no
# Linux wheel, so it is built from its sdist; vnpy's utility module needs numpy and TA-Lib.
VNPY_CTP="vnpy_ctp==6.7.11.4"

say() { printf '[setup] %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    say "not a Debian-like system: install these yourself: ${missing[*]}"
    [ "${CI:-}" = "true" ] && return 1
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
      say "need root to install: ${missing[*]}"
      [ "${CI:-}" = "true" ] && return 1
      return 0
    fi
  fi
  say "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -q >/dev/null || true
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends \
    "${missing[@]}" >/dev/null
}

python_env() {
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Python 3.11 or newer is required (found: $("$PYTHON" --version 2>&1))"
    return 1
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" 2>/dev/null || { apt_install python3-venv && "$PYTHON" -m venv "$VENV"; }
  fi
  local stamp="$VENV/.setup-stamp" want
  want=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing Python packages into .venv"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[dev,bench]"
    # vnpy's core for the vnpy tests, without its pins (PySide6 6.8, TA-Lib): see the README.
    "$VENV/bin/python" -m pip install -q --no-deps "vnpy>=4.0,<5"
    echo "$want" > "$stamp"
  fi
}

vnpy_ctp_env() {
  "$VENV/bin/python" -c 'import vnpy_ctp' 2>/dev/null && return 0
  say "building $VNPY_CTP from source (a minute or two, once)"
  # --no-deps, every dependency named: a resolving install would check vnpy's pins (installed
  # on purpose without them) and print pip's red "dependency conflicts" block, which reads as
  # a failed set-up.
  "$VENV/bin/python" -m pip install -q --no-deps "numpy>=1.26" "ta-lib>=0.6" meson meson-python \
    pyproject-metadata packaging ninja pybind11
  PATH="$VENV/bin:$PATH" "$VENV/bin/python" -m pip install -q --no-build-isolation --no-deps \
    "$VNPY_CTP"
}

setup_console() {
  apt_install "${QT_PACKAGES[@]}"
  if [ "${1:-}" = "display" ]; then apt_install "${DISPLAY_PACKAGES[@]}"; fi
  python_env
  # The UI translations: Qt Linguist sources compiled to .qm (build output, not committed).
  "$VENV/bin/python" "$ROOT/scripts/translations.py" compile >/dev/null
}
