#!/usr/bin/env bash
# Cross-compiles kbbt for Windows (x86_64-pc-windows-gnu, with mingw-w64) and runs `kbbt.exe validate`
# and `kbbt.exe status` on the shipped register under wine, comparing each output with the native
# build's. This is the Windows build the release workflow publishes; docs/WINDOWS.md records a run.
#
# Needs: rustup target add x86_64-pc-windows-gnu; Debian/Ubuntu packages gcc-mingw-w64-x86-64 and
# wine (wine64). Usage: tools/windows-check.sh (from anywhere; it works in the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
missing=()
rustup target list --installed 2>/dev/null | grep -qx "$target" || missing+=("rustup target add $target")
command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=("apt-get install gcc-mingw-w64-x86-64")
command -v wine >/dev/null || missing+=("apt-get install wine wine64")
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'windows-check: missing: %s\n' "${missing[@]}" >&2
  exit 2
fi

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "== versions"
rustc --version
x86_64-w64-mingw32-gcc --version | head -n 1
wine --version

echo "== build"
t0=$(now)
cargo build --quiet --release --locked --target "$target" --bin kbbt
t1=$(now)
cargo build --quiet --release --locked --bin kbbt
exe="target/$target/release/kbbt.exe"
native=target/release/kbbt
echo "cross-compiled $exe in $(secs "$t0" "$t1") s ($(stat -c %s "$exe") bytes)"
file "$exe" 2>/dev/null || true

# A prefix of its own, so the check does not depend on (or change) a user's wine setup.
export WINEPREFIX="${WINEPREFIX:-${TMPDIR:-/tmp}/kbbt-wine}"
export WINEDEBUG=-all
# Rust's std (1.78 and later) takes its random keys from ProcessPrng in bcryptprimitives.dll, which
# every Windows 10 and 11 has but the wine of Debian 12 (8.0) lacks: kbbt.exe would stop at once with
# "Library bcryptprimitives.dll … not found" (exit 53). For wine only, the prefix gets a small
# bcryptprimitives.dll whose ProcessPrng calls RtlGenRandom (advapi32's SystemFunction036).
sys32="$WINEPREFIX/drive_c/windows/system32"
wine cmd /c exit 0 >/dev/null 2>&1 || true   # create the prefix
if [ ! -e "$sys32/bcryptprimitives.dll" ] || [ -e "$WINEPREFIX/kbbt-shim" ]; then
  cat >"$WINEPREFIX/bcryptprimitives.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
C
  x86_64-w64-mingw32-gcc -shared -O2 -o "$sys32/bcryptprimitives.dll" "$WINEPREFIX/bcryptprimitives.c" -ladvapi32
  touch "$WINEPREFIX/kbbt-shim"
  echo "wine: installed a bcryptprimitives.dll shim (ProcessPrng) in the prefix"
fi
t0=$(now)
wine "$exe" --version
t1=$(now)
echo "first start (wine prefix set up if new): $(secs "$t0" "$t1") s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
# Each command: kbbt.exe under wine and the native kbbt, same arguments; exit codes and outputs compared.
# Windows writes paths with `\`; the comparison maps them to `/` and says how many lines differed only so.
check() {
  local name=$1
  shift
  local t0 t1 code native_code
  t0=$(now)
  set +e
  wine "$exe" --color never "$@" >"$work/$name.win" 2>"$work/$name.win.err"
  code=$?
  t1=$(now)
  "$native" --color never "$@" >"$work/$name.native" 2>"$work/$name.native.err"
  native_code=$?
  set -e
  tr -d '\r' <"$work/$name.win" >"$work/$name.win.lf"
  local slashes
  slashes=$(diff "$work/$name.win.lf" "$work/$name.native" | grep -c '^<' || true)
  sed 's|\\|/|g' "$work/$name.win.lf" >"$work/$name.win.norm"
  sed 's|\\|/|g' "$work/$name.native" >"$work/$name.native.norm"
  echo "== kbbt.exe $* (exit $code, native $native_code, $(secs "$t0" "$t1") s under wine)"
  head -n "${LINES_SHOWN:-12}" "$work/$name.win.lf"
  echo "  … $(wc -l <"$work/$name.win.lf") lines; $(grep -c $'\r$' "$work/$name.win" || true) end in CRLF"
  if [ "$code" -ne "$native_code" ]; then
    echo "MISMATCH: exit code $code under wine, $native_code native"
    status=1
  elif ! diff -u "$work/$name.native.norm" "$work/$name.win.norm" >"$work/$name.diff"; then
    echo "MISMATCH: output differs from the native build's:"
    head -n 40 "$work/$name.diff"
    status=1
  else
    echo "same as the native build ($slashes lines differ only by \\ for / in paths)"
  fi
}

check validate validate
check status status
check status-zh --lang zh-TW status --ascii --group 交通組
check json validate --format json

if [ "$status" -eq 0 ]; then
  echo "== windows-check: ok"
else
  echo "== windows-check: FAILED"
fi
exit "$status"
