#!/usr/bin/env bash
# Set everything up, then open the console (each tab starts on its built-in simulator).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_console display
exec "$VENV/bin/broker-console" "$@"
