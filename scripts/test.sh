#!/usr/bin/env bash
# Set everything up, then run the linters and the whole test suite (Qt offscreen).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_console
apt_install "${TEST_PACKAGES[@]}"
vnpy_ctp_env
cd "$ROOT"
"$VENV/bin/ruff" check gui tests
"$VENV/bin/ruff" format --check gui tests
QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" -m pytest "$@"
