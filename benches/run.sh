#!/usr/bin/env bash
# Benchmark `kbbt validate`, `kbbt status` and `kbbt apply` on synthetic registers written by
# `kbbt-gen`.
#
#   bash benches/run.sh                          # 1k, 10k and 100k cases
#   SIZES="1000 10000" bash benches/run.sh       # a quicker run (no apply timings)
#
# Settings (environment): SIZES (case counts), MEETINGS (default 12), SEED (default 1),
# RUNS (timed rounds, default 5; medians are reported), BENCH_DIR (where the registers are written
# and kept for the next run; default $TMPDIR/kbbt-bench), REGEN=1 (write them anew),
# APPLY_SIZES (the sizes of SIZES at which `apply` is timed, default 100000), DECISIONS (decisions
# of the meeting applied, default 5000), UNKNOWN (unknown names of the meeting refused, default 2000).
#
# Each round runs the parse floor, `kbbt validate` and `kbbt status` once each, one after the other,
# so that other load on the machine falls on all three alike; a ratio is taken within each round and
# the median of the rounds' ratios is reported. Times come from /usr/bin/time (or bash's `time`).
# At APPLY_SIZES, each round also runs `kbbt validate`, then `apply --dry-run` of
# `pending/apply-DECISIONS.yaml` (written by kbbt-gen; its ratio to that round's validate is
# reported), then applies it to a fresh copy of the register (hard links: apply replaces files by
# renaming, so the register itself is never changed), and applies `pending/unknown-UNKNOWN.yaml`,
# which kbbt must refuse, to the register.
# Peak memory comes from `/usr/bin/time -v`, else from polling /proc/PID/status (VmHWM).
# The Markdown table goes to stdout, progress to stderr. The script fails if any `kbbt validate`
# run does not exit 0 or reports any finding.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SIZES=${SIZES:-"1000 10000 100000"}
MEETINGS=${MEETINGS:-12}
SEED=${SEED:-1}
RUNS=${RUNS:-5}
APPLY_SIZES=${APPLY_SIZES:-100000}
DECISIONS=${DECISIONS:-5000}
UNKNOWN=${UNKNOWN:-2000}
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

# A / B, to three decimals.
ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f\n", a / b}'
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

# time_once LABEL CMD…: prints "WALL CPU" (wall seconds, user+sys seconds) of one run; fails the
# script if the command does not exit 0.
time_once() {
    time_rc 0 "$@"
}

# time_rc RC LABEL CMD…: as time_once, for a command that must exit with RC.
time_rc() {
    local want=$1 label=$2
    shift 2
    local tmp rc=0 w u s
    tmp=$(mktemp -d)
    if [[ -n $GNU_TIME ]]; then
        $GNU_TIME -f '%e %U %S' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || rc=$?
        # (GNU time first writes "Command exited with non-zero status N" when it is not 0.)
        read -r w u s < <(tail -n1 "$tmp/t")
    else
        local TIMEFORMAT='%R %U %S'
        { time "$@" >/dev/null 2>"$tmp/err" || rc=$?; } 2>"$tmp/t"
        read -r w u s < <(tail -n1 "$tmp/t")
    fi
    if [[ $rc -ne $want ]]; then
        tail -n 20 "$tmp/err" >&2
        rm -rf "$tmp"
        die "$label exited with $rc, not $want"
    fi
    rm -rf "$tmp"
    awk -v w="$w" -v u="$u" -v s="$s" 'BEGIN {printf "%.3f %.3f\n", w, u + s}'
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
log "timing: ${GNU_TIME:-bash time}, $RUNS rounds after 1 warm-up (floor, validate, status in turn), medians"

rows=()
apply_rows=()
for n in $SIZES; do
    reg=$BENCH_DIR/reg-$n-m$MEETINGS-s$SEED
    stamp="$n $MEETINGS $SEED $DECISIONS $UNKNOWN $GEN_SUM"
    if [[ ${REGEN:-0} == 1 || ! -f $reg.stamp || $(cat "$reg.stamp") != "$stamp" ]]; then
        log "generating $n cases, $MEETINGS meetings in $reg"
        rm -f "$reg.stamp"
        "$GEN" --cases "$n" --meetings "$MEETINGS" --seed "$SEED" --out "$reg" --force \
            --apply-meeting "$DECISIONS" --unknown-names "$UNKNOWN"
        echo "$stamp" >"$reg.stamp"
    else
        log "reusing $reg"
    fi
    # The register's files: platform.yaml, cases/ and meetings/ (not the pending meetings).
    files=$(find "$reg" -path "$reg/pending" -prune -o -name '*.yaml' -print | wc -l)
    mb=$(find "$reg" -path "$reg/pending" -prune -o -name '*.yaml' -printf '%s\n' | awk '{s += $1} END {printf "%.1f", s / 1e6}')

    # Every validate run must exit 0 with no finding at all.
    out=$(check_ok "kbbt validate ($n cases)" "$KBBT" -C "$reg" validate)
    [[ $out == ok:* ]] || {
        printf '%s\n' "$out" | tail -n 20 >&2
        die "kbbt validate ($n cases) reported findings"
    }
    check_ok "kbbt status ($n cases)" "$KBBT" -C "$reg" status >/dev/null

    # (Assignments, so that a failure inside a helper stops the script under `set -e`.)
    log "timing $n cases: I/O floor"
    cat_w=()
    for ((r = 0; r <= RUNS; r++)); do
        # shellcheck disable=SC2016 # $1 is the inner shell's argument
        res=$(time_once "cat ($n cases)" bash -c 'find "$1" -path "$1/pending" -prune -o -name "*.yaml" -print0 | xargs -0 cat >/dev/null' _ "$reg")
        ((r > 0)) && cat_w+=("${res% *}")
    done
    cat_s=$(printf '%s\n' "${cat_w[@]}" | median)
    log "timing $n cases: parse floor, validate, status in turn"
    pw=() pc=() vw=() sw=() vc=() sc=() vx=() sx=()
    for ((r = 0; r <= RUNS; r++)); do # round 0 is the warm-up
        p=$(time_once "parse floor ($n cases)" "$GEN" --parse-floor "$reg")
        v=$(time_once "kbbt validate ($n cases)" "$KBBT" -C "$reg" validate)
        t=$(time_once "kbbt status ($n cases)" "$KBBT" -C "$reg" status)
        ((r == 0)) && continue
        pw+=("${p% *}") pc+=("${p#* }") vw+=("${v% *}") sw+=("${t% *}") vc+=("${v#* }") sc+=("${t#* }")
        vx+=("$(ratio "${v% *}" "${p% *}")")
        sx+=("$(ratio "${t% *}" "${p% *}")")
        log "  round $r: floor ${p% *}s, validate ${v% *}s, status ${t% *}s"
    done
    parse_s=$(printf '%s\n' "${pw[@]}" | median)
    val_s=$(printf '%s\n' "${vw[@]}" | median)
    st_s=$(printf '%s\n' "${sw[@]}" | median)
    parse_cpu=$(printf '%s\n' "${pc[@]}" | median)
    val_cpu=$(printf '%s\n' "${vc[@]}" | median)
    st_cpu=$(printf '%s\n' "${sc[@]}" | median)
    val_x=$(printf '%s\n' "${vx[@]}" | median | awk '{printf "%.2f", $1}')
    st_x=$(printf '%s\n' "${sx[@]}" | median | awk '{printf "%.2f", $1}')
    val_range=$(printf '%s\n' "${vx[@]}" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f–%.2f", lo, hi}')
    st_range=$(printf '%s\n' "${sx[@]}" | sort -g | awk 'NR == 1 {lo = $1} {hi = $1} END {printf "%.2f–%.2f", lo, hi}')
    log "peak memory $n cases"
    val_rss=$(peak_rss_mb "$KBBT" -C "$reg" validate)
    st_rss=$(peak_rss_mb "$KBBT" -C "$reg" status)
    val_kb=$(awk -v m="$val_rss" -v n="$n" 'BEGIN {printf "%.1f", m * 1024 / n}')
    st_kb=$(awk -v m="$st_rss" -v n="$n" 'BEGIN {printf "%.1f", m * 1024 / n}')
    rows+=("| $n | $files | $mb | $parse_s | $val_s | $st_s | ${val_x}× / ${st_x}× | $val_range / $st_range | $parse_cpu / $val_cpu / $st_cpu | $val_rss / $st_rss | $val_kb / $st_kb | $cat_s |")
    log "  validate ${val_s}s (${val_x}x), status ${st_s}s (${st_x}x), peak ${val_rss}/${st_rss} MB, cat ${cat_s}s, parse ${parse_s}s"

    [[ " $APPLY_SIZES " == *" $n "* ]] || continue
    # apply: the meeting of DECISIONS decisions is accepted, the one of UNKNOWN unknown names refused
    # with one error per name; then both are timed in turn with validate, on a fresh copy each round.
    applied=pending/apply-$DECISIONS.yaml
    unknown=pending/unknown-$UNKNOWN.yaml
    copy=$reg.copy
    check_ok "kbbt apply --dry-run ($n cases)" "$KBBT" -C "$reg" apply "$applied" --dry-run >/dev/null
    rc=0
    out=$("$KBBT" -C "$reg" apply "$unknown" 2>&1) || rc=$?
    errors=$(printf '%s\n' "$out" | grep -c ': error: unknown case' || true)
    hinted=$(printf '%s\n' "$out" | grep -c 'hint: did you mean' || true)
    [[ $rc -eq 1 && $errors -eq $UNKNOWN ]] || {
        printf '%s\n' "$out" | tail -n 20 >&2
        die "kbbt apply $unknown ($n cases) exited with $rc and $errors unknown names, not 1 and $UNKNOWN"
    }
    log "timing $n cases: validate, apply --dry-run and apply ($DECISIONS decisions, to a copy), apply ($UNKNOWN unknown names) in turn"
    aw=() ac=() uw=() uc=() avw=() dw=() dc=() dx=()
    for ((r = 0; r <= RUNS; r++)); do
        rm -rf "$copy"
        cp -al "$reg" "$copy"
        v=$(time_once "kbbt validate ($n cases)" "$KBBT" -C "$reg" validate)
        d=$(time_once "kbbt apply $applied --dry-run ($n cases)" "$KBBT" -C "$reg" apply "$applied" --dry-run)
        a=$(time_once "kbbt apply $applied ($n cases)" "$KBBT" -C "$copy" apply "$applied" --allow-dirty)
        u=$(time_rc 1 "kbbt apply $unknown ($n cases)" "$KBBT" -C "$reg" apply "$unknown")
        ((r == 0)) && continue
        avw+=("${v% *}") aw+=("${a% *}") ac+=("${a#* }") uw+=("${u% *}") uc+=("${u#* }")
        dw+=("${d% *}") dc+=("${d#* }") dx+=("$(ratio "${d% *}" "${v% *}")")
        log "  round $r: validate ${v% *}s, apply --dry-run ${d% *}s, apply ${a% *}s, refused apply ${u% *}s"
    done
    rm -rf "$copy"
    ap_s=$(printf '%s\n' "${aw[@]}" | median)
    ap_cpu=$(printf '%s\n' "${ac[@]}" | median)
    un_s=$(printf '%s\n' "${uw[@]}" | median)
    un_cpu=$(printf '%s\n' "${uc[@]}" | median)
    av_s=$(printf '%s\n' "${avw[@]}" | median)
    dr_s=$(printf '%s\n' "${dw[@]}" | median)
    dr_cpu=$(printf '%s\n' "${dc[@]}" | median)
    dr_x=$(printf '%s\n' "${dx[@]}" | median | awk '{printf "%.2f", $1}')
    apply_rows+=("| $n | $av_s | $DECISIONS | $dr_s / $dr_cpu | ${dr_x}× | $ap_s / $ap_cpu | $UNKNOWN ($hinted with a suggestion) | $un_s / $un_cpu |")
    log "  validate ${av_s}s, apply --dry-run ${dr_s}s (${dr_x}x validate), apply ${ap_s}s, refused apply ${un_s}s"
done

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| size | files | MB on disk | parse floor s | validate s | status s | ratio to floor (validate / status), median of rounds | ratio range over rounds | CPU s (floor / validate / status) | peak RSS MB (validate / status) | KB per case (validate / status) | I/O floor s |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
if ((${#apply_rows[@]} > 0)); then
    echo
    echo "| size | validate s | decisions | apply --dry-run s (wall / CPU) | dry run / validate, median of rounds | apply s (wall / CPU) | unknown names | refused apply s (wall / CPU) |"
    echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${apply_rows[@]}"
fi
