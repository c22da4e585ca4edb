#!/bin/sh
# run.sh PYTHON: build libpyxrt and tests/runtime/rtmod.c for PYTHON's ABI in
# a temp dir, then run test_runtime.py with it.  Exit status is the test's.
set -eu
PY=${1:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
RT=$(cd "$HERE/../../runtime" && pwd)
CC=${CC:-gcc}
CFLAGS="-std=c11 -Wall -Wextra -Werror -O2 -fPIC"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

set -- $("$PY" -c "import sysconfig; print(sysconfig.get_paths()['include'], sysconfig.get_config_var('EXT_SUFFIX'))")
INC=$1
SUFFIX=$2

for src in "$RT"/*.c; do
    f=$(basename "$src" .c)
    $CC $CFLAGS -I"$INC" -c "$src" -o "$TMP/$f.o"
done
ar rcs "$TMP/libpyxrt.a" "$TMP"/*.o
$CC $CFLAGS -I"$INC" -I"$RT" -c "$HERE/rtmod.c" -o "$TMP/rtmod.o"
$CC -shared "$TMP/rtmod.o" -L"$TMP" -lpyxrt -lm -o "$TMP/rtmod$SUFFIX"

"$PY" "$HERE/test_runtime.py" "$TMP"
