#!/usr/bin/env bash
# Set everything up, then run the linters, the type checker and the whole test suite (Qt
# offscreen).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_console
apt_install "${TEST_PACKAGES[@]}"
vnpy_ctp_env
cd "$ROOT"
"$VENV/bin/ruff" check gui tests
"$VENV/bin/ruff" format --check gui tests
"$VENV/bin/mypy"  # strict on the core, the workers, the brokers and the CLI (pyproject.toml)
QT_QPA_PLATFORM=offscreen exec "$VENV/bin/python" -m pytest "$@"
