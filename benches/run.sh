#!/usr/bin/env bash
# Benchmark `kbbt validate` and `kbbt status` on synthetic registers written by `kbbt-gen`.
#
#   bash benches/run.sh                          # 1k, 10k and 100k cases
#   SIZES="1000 10000" bash benches/run.sh       # a quicker run
#
# Settings (environment): SIZES (case counts), MEETINGS (default 12), SEED (default 1),
# RUNS (timed runs per command, default 3; the median is reported), BENCH_DIR (where the registers
# are written and kept for the next run; default $TMPDIR/kbbt-bench), REGEN=1 (write them anew).
#
# Times come from hyperfine when it is installed, else from a loop of /usr/bin/time (or bash's
# `time`). Peak memory comes from `/usr/bin/time -v`, else from polling /proc/PID/status (VmHWM).
# The Markdown table goes to stdout, progress to stderr. The script fails if any `kbbt validate`
# run does not exit 0 or reports any finding.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=${SIZES:-"1000 10000 100000"}
MEETINGS=${MEETINGS:-12}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/kbbt-bench}

log() { printf '%s\n' "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

log "building release binaries"
cargo build --release --quiet --package kbbt --package kbbt-gen
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps |
    sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
KBBT=$TARGET_DIR/release/kbbt
GEN=$TARGET_DIR/release/kbbt-gen
[[ -x $KBBT && -x $GEN ]] || die "release binaries not found in $TARGET_DIR/release"

HAVE_HYPERFINE=0
command -v hyperfine >/dev/null 2>&1 && HAVE_HYPERFINE=1
GNU_TIME=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %e true >/dev/null 2>&1; then
    GNU_TIME=/usr/bin/time
fi

# The median of numbers given one per line on stdin.
median() {
    sort -g | awk '{v[NR] = $1} END {
        if (NR == 0) { print "n/a"; exit }
        if (NR % 2) printf "%.3f\n", v[(NR + 1) / 2]
        else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Run a command once with its output discarded; fail the script if it does not exit 0.
check_ok() {
    local label=$1
    shift
    local out rc=0
    out=$("$@" 2>&1) || rc=$?
    if [[ $rc -ne 0 ]]; then
        printf '%s\n' "$out" | tail -n 20 >&2
        die "$label exited with $rc"
    fi
    printf '%s\n' "$out"
}

# time_cmd LABEL CMD…: prints "WALL CPU" (median wall seconds, median user+sys seconds).
time_cmd() {
    local label=$1
    shift
    local tmp
    tmp=$(mktemp -d)
    if [[ $HAVE_HYPERFINE -eq 1 ]]; then
        local q=() a
        for a in "$@"; do q+=("$(printf '%q' "$a")"); done
        # hyperfine fails (and with it this script) when a run exits non-zero.
        hyperfine --runs "$RUNS" --warmup 1 -N --style none --export-json "$tmp/h.json" \
            "${q[*]}" >/dev/null 2>"$tmp/err" || {
            cat "$tmp/err" >&2
            die "$label: a timed run failed"
        }
        local wall user sys
        wall=$(sed -n 's/^ *"median": *\([0-9.e+-]*\).*/\1/p' "$tmp/h.json" | head -n1)
        user=$(sed -n 's/^ *"user": *\([0-9.e+-]*\).*/\1/p' "$tmp/h.json" | head -n1)
        sys=$(sed -n 's/^ *"system": *\([0-9.e+-]*\).*/\1/p' "$tmp/h.json" | head -n1)
        printf '%.3f %.3f\n' "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')"
    else
        local i rc w u s
        "$@" >/dev/null 2>&1 || true # warm-up (page cache)
        for ((i = 0; i < RUNS; i++)); do
            rc=0
            if [[ -n $GNU_TIME ]]; then
                $GNU_TIME -f '%e %U %S' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || rc=$?
                read -r w u s <"$tmp/t"
            else
                local TIMEFORMAT='%R %U %S'
                { time "$@" >/dev/null 2>"$tmp/err" || rc=$?; } 2>"$tmp/t"
                read -r w u s < <(tail -n1 "$tmp/t")
            fi
            if [[ $rc -ne 0 ]]; then
                tail -n 20 "$tmp/err" >&2
                die "$label exited with $rc"
            fi
            echo "$w" >>"$tmp/wall"
            awk -v u="$u" -v s="$s" 'BEGIN {print u + s}' >>"$tmp/cpu"
        done
        printf '%s %s\n' "$(median <"$tmp/wall")" "$(median <"$tmp/cpu")"
    fi
    rm -rf "$tmp"
}

# peak_rss_mb CMD…: the command's peak resident set size in MB.
peak_rss_mb() {
    local kb rc=0
    if [[ -n $GNU_TIME ]]; then
        local tmp
        tmp=$(mktemp)
        $GNU_TIME -v -o "$tmp" "$@" >/dev/null 2>&1 || rc=$?
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp")
        rm -f "$tmp"
    else
        # Poll VmHWM (the peak so far) until the process is gone.
        "$@" >/dev/null 2>&1 &
        local pid=$! v
        kb=0
        while kill -0 "$pid" 2>/dev/null; do
            v=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
            [[ -n $v ]] && kb=$v
            sleep 0.02
        done
        wait "$pid" || rc=$?
    fi
    [[ $rc -eq 0 ]] || die "$* exited with $rc"
    awk -v k="$kb" 'BEGIN {printf "%.0f\n", k / 1024}'
}

# The generator's source (and the layout it writes with) and settings: a register is reused only when
# they are unchanged.
GEN_SUM=$(cat tools/kbbt-gen/src/main.rs src/canon.rs | cksum | cut -d' ' -f1)

mkdir -p "$BENCH_DIR"
log "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), $(awk '/^MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) RAM; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ $HAVE_HYPERFINE -eq 1 ]]; then
    log "timing: hyperfine, $RUNS runs after 1 warm-up, median"
else
    log "timing: ${GNU_TIME:-bash time}, $RUNS runs after 1 warm-up, median"
fi

rows=()
for n in $SIZES; do
    reg=$BENCH_DIR/reg-$n-m$MEETINGS-s$SEED
    stamp="$n $MEETINGS $SEED $GEN_SUM"
    if [[ ${REGEN:-0} == 1 || ! -f $reg.stamp || $(cat "$reg.stamp") != "$stamp" ]]; then
        log "generating $n cases, $MEETINGS meetings in $reg"
        rm -f "$reg.stamp"
        "$GEN" --cases "$n" --meetings "$MEETINGS" --seed "$SEED" --out "$reg" --force
        echo "$stamp" >"$reg.stamp"
    else
        log "reusing $reg"
    fi
    files=$(find "$reg" -name '*.yaml' | wc -l)
    mb=$(find "$reg" -name '*.yaml' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')

    # Every validate run must exit 0 with no finding at all.
    out=$(check_ok "kbbt validate ($n cases)" "$KBBT" -C "$reg" validate)
    [[ $out == ok:* ]] || {
        printf '%s\n' "$out" | tail -n 20 >&2
        die "kbbt validate ($n cases) reported findings"
    }
    check_ok "kbbt status ($n cases)" "$KBBT" -C "$reg" status >/dev/null

    # (Assignments, so that a failure inside a helper stops the script under `set -e`.)
    log "timing $n cases: I/O floor"
    res=$(time_cmd "cat ($n cases)" bash -c 'find "$1" -name "*.yaml" -print0 | xargs -0 cat >/dev/null' _ "$reg")
    read -r cat_s _ <<<"$res"
    log "timing $n cases: parse floor"
    res=$(time_cmd "parse floor ($n cases)" "$GEN" --parse-floor "$reg")
    read -r parse_s _ <<<"$res"
    log "timing $n cases: kbbt validate"
    res=$(time_cmd "kbbt validate ($n cases)" "$KBBT" -C "$reg" validate)
    read -r val_s val_cpu <<<"$res"
    log "timing $n cases: kbbt status"
    res=$(time_cmd "kbbt status ($n cases)" "$KBBT" -C "$reg" status)
    read -r st_s st_cpu <<<"$res"
    log "peak memory $n cases"
    val_rss=$(peak_rss_mb "$KBBT" -C "$reg" validate)
    st_rss=$(peak_rss_mb "$KBBT" -C "$reg" status)
    val_x=$(awk -v a="$val_s" -v b="$parse_s" 'BEGIN {printf "%.2f", a / b}')
    st_x=$(awk -v a="$st_s" -v b="$parse_s" 'BEGIN {printf "%.2f", a / b}')
    rows+=("| $n | $files | $mb | $val_s | $st_s | $val_rss / $st_rss | $cat_s | $parse_s | ${val_x}× / ${st_x}× | $val_cpu / $st_cpu |")
    log "  validate ${val_s}s (${val_x}x), status ${st_s}s (${st_x}x), peak ${val_rss}/${st_rss} MB, cat ${cat_s}s, parse ${parse_s}s"
done

echo
echo "| size | files | MB on disk | validate s | status s | peak RSS MB (validate / status) | I/O floor s | parse floor s | ratio to parse floor (validate / status) | CPU s (validate / status) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
