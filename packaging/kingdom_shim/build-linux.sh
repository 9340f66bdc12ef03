#!/usr/bin/env bash
# Build the Kingdom shim on Linux with g++ against the vendor's LBM plugin SDK.
#   build-linux.sh INCLUDE_DIR LIB_DIR [LIB_NAME] [OUT]
#     INCLUDE_DIR  folder with the plugin header (LBM_Plugin.h, or set LBM_PLUGIN_HEADER)
#     LIB_DIR      folder with the plugin library (libLBM_Plugin.so)
#     LIB_NAME     the library's link name (default LBM_Plugin)
#     OUT          output (default ./liblbm_shim.so); point the Kingdom tab's "Plugin shim" at it
# The shim finds the plugin library next to itself ($ORIGIN), so ship both in one folder.
set -euo pipefail
INCLUDE_DIR=${1:?include dir}
LIB_DIR=${2:?lib dir}
LIB_NAME=${3:-LBM_Plugin}
OUT=${4:-$PWD/liblbm_shim.so}
HEADER=${LBM_PLUGIN_HEADER:-LBM_Plugin.h}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"${CXX:-g++}" -std=c++17 -O2 -shared -fPIC -fvisibility=hidden -Wall -Wextra \
  "-DLBM_PLUGIN_HEADER=\"$HEADER\"" -I"$INCLUDE_DIR" \
  -o "$OUT" "$HERE/lbm_shim.cpp" -L"$LIB_DIR" "-l$LIB_NAME" -Wl,-rpath,'$ORIGIN' -Wl,--no-undefined
echo "built $OUT"
