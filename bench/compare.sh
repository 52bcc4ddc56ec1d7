#!/usr/bin/env bash
# bench/compare.sh: the shipped `kafka-resilience benchmark` (the NativeAOT executable .ci/publish-cli builds and
# installs) beside kcat, as whole processes (start-up, work and tear-down), on one standalone embedded cluster
# without fault proxies, for producing and for consuming. Runs alternate in pairs (kcat first in odd pairs, ours
# first in even ones) so that a change in the machine's load hits both sides; each run is timed by hyperfine
# (wall, user and system CPU) and GNU time (peak RSS). Once per run, after the produce pairs, the same produce
# run is timed through `dotnet run -c Release` (what the shortcut costs; built before, so that its build check is
# timed, not a compile). Prints per tool the median (min-max) of each number and, per number, the median of the
# pairs' ratios (ours / kcat), which cancels more of a shared machine's noise than a ratio of medians.
#
#   bench/compare.sh [--pairs N] [--messages N] [--size S] [--only produce|consume] [--no-build]
#                    [--no-dotnet-run] [--ours-env NAME=VALUE]... [--keep-results DIR]
#
# --no-build times the executable a previous .ci/publish-cli installed (artifacts/kafka-resilience/).
# Installs hyperfine and GNU time (Debian packages) when missing. Starts its own cluster and stops it,
# and removes every temporary file, whatever happens (Ctrl-C included). Exit 0 when every run did its
# whole work (every message acknowledged, the same records read by both consumers, the ledger's verdicts
# valid); 1 otherwise.
set -Eeuo pipefail

pairs=7
messages=2000000
size=100
only=""
build=1
dotnet_run=1
keep=""
ours_env=()

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs="${2:?--pairs needs a value}"; shift 2 ;;
    --messages) messages="${2:?--messages needs a value}"; shift 2 ;;
    --size) size="${2:?--size needs a value}"; shift 2 ;;
    --only) only="${2:?--only needs produce or consume}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-dotnet-run) dotnet_run=0; shift ;;
    --ours-env) ours_env+=("${2:?--ours-env needs NAME=VALUE}"); shift 2 ;;
    --keep-results) keep="${2:?--keep-results needs a folder}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/compare.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for n in "$pairs" "$messages" "$size"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "bench/compare.sh: --pairs, --messages and --size take whole numbers >= 1 (got '$n')" >&2; exit 2; }
done
[ "$size" -ge 24 ] || { echo "bench/compare.sh: --size must be >= 24 (the benchmark's payload header)" >&2; exit 2; }
case "$only" in ""|produce|consume) ;; *) echo "bench/compare.sh: --only takes produce or consume (got '$only')" >&2; exit 2 ;; esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kr-bench.XXXXXX")"
cluster_pid=""

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$cluster_pid" ] && kill -0 "$cluster_pid" 2>/dev/null; then
    kill -TERM "$cluster_pid" 2>/dev/null || true
    # The cluster tears itself down on SIGTERM; wait for that (bounded), then make sure.
    timeout 30 tail --pid="$cluster_pid" -f /dev/null || kill -KILL "$cluster_pid" 2>/dev/null || true
  fi
  exec 3<&- 2>/dev/null || true
  if [ -n "$keep" ] && [ -d "$work/results" ]; then mkdir -p "$keep" && cp -r "$work/results/." "$keep/"; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
command -v kcat >/dev/null 2>&1 || need+=(kcat)
command -v python3 >/dev/null 2>&1 || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq < /dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" < /dev/null
fi

ours="$root/artifacts/kafka-resilience/kafka-resilience"
if [ "$build" = 1 ]; then
  echo "building the shipped command line (.ci/publish-cli: NativeAOT, installed as a .NET tool) ..."
  "$root/.ci/publish-cli" > "$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; echo "bench/compare.sh: .ci/publish-cli failed" >&2; exit 1; }
fi
[ -x "$ours" ] || { echo "bench/compare.sh: no shipped executable at $ours (run .ci/publish-cli, or leave out --no-build)" >&2; exit 1; }
if [ "$dotnet_run" = 1 ] && [ "$only" != consume ]; then
  # `dotnet run` is timed warm: built here, so that what it costs is its build check and the JIT, not a compile.
  dotnet build "$root/support/KafkaResilience.Cli" -c Release -nologo -v:q > "$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; echo "bench/compare.sh: the Release build for dotnet run failed" >&2; exit 1; }
fi

# The cluster: its output comes through a FIFO, read line by line until it says it is ready (bounded).
mkfifo "$work/cluster.fifo"
"$ours" cluster --topic bench:3:3 --no-fault-proxy > "$work/cluster.fifo" 2> "$work/cluster.err" &
cluster_pid=$!
exec 3< "$work/cluster.fifo"
bootstrap=""
deadline=$((SECONDS + 120))
while :; do
  left=$((deadline - SECONDS))
  if [ "$left" -le 0 ] || ! IFS= read -r -t "$left" line <&3; then
    cat "$work/cluster.err" >&2
    echo "bench/compare.sh: the cluster did not say it was ready within 120 s" >&2
    exit 1
  fi
  case "$line" in
    bootstrap.servers=*) bootstrap="${line#bootstrap.servers=}" ;;
    ready*) break ;;
  esac
done
[ -n "$bootstrap" ] || { echo "bench/compare.sh: the cluster printed no bootstrap.servers line" >&2; exit 1; }
echo "cluster: $bootstrap (pid $cluster_pid)"

results="$work/results"
mkdir -p "$results"
printf 'phase\tpair\ttool\twall_s\tuser_s\tsys_s\tpeak_rss_kb\texit\trecords\n' > "$results/runs.tsv"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# run PHASE PAIR TOOL COMMAND...: one timed run; appends a row to runs.tsv and leaves stdout in $work/out.txt.
run() {
  local phase="$1" pair="$2" tool="$3"; shift 3
  local quoted
  quoted="$(printf '%q ' /usr/bin/time -f %M -o "$work/rss.txt" "$@")"
  hyperfine -N -i --runs 1 --style none --export-json "$work/run.json" --output "$work/out.txt" "$quoted" > /dev/null
  python3 - "$work/run.json" "$work/rss.txt" "$phase" "$pair" "$tool" >> "$results/runs.tsv" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
rss = open(sys.argv[2]).read().split()[-1]
print("\t".join([sys.argv[3], sys.argv[4], sys.argv[5], f"{r['times'][0]:.4f}", f"{r['user']:.4f}", f"{r['system']:.4f}", rss, str(r["exit_codes"][0]), "-"]))
EOF
}

# set_records N: fills in the records column of the last row.
set_records() { sed -i '$ s/\t-$/\t'"$1"'/' "$results/runs.tsv"; }

failed=0
fail() { echo "bench/compare.sh: $*" >&2; failed=1; }
# The ledger's verdict lines of the last run of ours ("  acknowledged: Valid ..."), on one line.
ledger_verdicts() { grep -E '^  [a-z][a-z -]*: (Valid|Invalid|Unknown)' "$work/out.txt" | sed 's/^  //' | paste -sd';' - | sed 's/;/; /g'; }

ours_cmd=(env "${ours_env[@]}" "$ours")
[ ${#ours_env[@]} -gt 0 ] || ours_cmd=("$ours")

python3 -c "import sys; open(sys.argv[1],'wb').write((b'x'*int(sys.argv[2])+b'\n')*int(sys.argv[3]))" "$work/messages.txt" "$size" "$messages"
if [ "$only" != consume ]; then
  kcat_produce=(kcat -P -b "$bootstrap" -t bench -l "$work/messages.txt")
  ours_produce=("${ours_cmd[@]}" benchmark --bootstrap "$bootstrap" --topic bench --messages "$messages" --size "$size" --consumers 0 --progress 3600)
  echo "produce: ${pairs} pairs of $messages x $size B; kcat: ${kcat_produce[*]}; ours: ${ours_produce[*]}"
  for ((p = 1; p <= pairs; p++)); do
    order=(kcat ours); [ $((p % 2)) = 0 ] && order=(ours kcat)
    for tool in "${order[@]}"; do
      if [ "$tool" = kcat ]; then
        run produce "$p" kcat "${kcat_produce[@]}"
        set_records "$messages"
        [ "$(tail -1 "$results/runs.tsv" | cut -f8)" = 0 ] || fail "kcat produce run $p exited $(tail -1 "$results/runs.tsv" | cut -f8)"
      else
        run produce "$p" ours "${ours_produce[@]}"
        acked="$(sed -n 's/^producer: \([0-9]*\) acknowledged.*/\1/p' "$work/out.txt")"
        set_records "${acked:-0}"
        [ "${acked:-0}" = "$messages" ] || fail "ours produce run $p acknowledged ${acked:-nothing} of $messages: $(cat "$work/out.txt")"
        grep -q '^  acknowledged: Valid' "$work/out.txt" || fail "ours produce run $p: the ledger's verdict is not valid: $(cat "$work/out.txt")"
        verdicts="$(ledger_verdicts)"
      fi
    done
    printf '  pair %d done: ours %s of %s acknowledged; ledger: %s\n' "$p" "$acked" "$messages" "$verdicts"
  done
  if [ "$dotnet_run" = 1 ]; then
    run produce ref dotnet-run dotnet run -c Release --project "$root/support/KafkaResilience.Cli" -- \
      benchmark --bootstrap "$bootstrap" --topic bench --messages "$messages" --size "$size" --consumers 0 --progress 3600
    acked="$(sed -n 's/^producer: \([0-9]*\) acknowledged.*/\1/p' "$work/out.txt")"
    set_records "${acked:-0}"
    [ "${acked:-0}" = "$messages" ] || fail "the dotnet run produce run acknowledged ${acked:-nothing} of $messages: $(cat "$work/out.txt")"
    echo "  dotnet run form timed once"
  fi
fi

if [ "$only" != produce ]; then
  if [ "$only" = consume ]; then
    # Nothing was produced in this run: fill the topic once (untimed) so both read the same records.
    kcat -P -b "$bootstrap" -t bench -l "$work/messages.txt" || { echo "bench/compare.sh: filling the topic failed" >&2; exit 1; }
  fi
  # Both read what the topic holds now, from its log start to its end; nothing writes meanwhile.
  kcat_consume=(kcat -C -b "$bootstrap" -t bench -o beginning -e -q -f '%o\n')
  ours_consume=("${ours_cmd[@]}" benchmark --bootstrap "$bootstrap" --topic bench --consume-only --consumers 1 --progress 3600)
  echo "consume: ${pairs} pairs; kcat: ${kcat_consume[*]}; ours: ${ours_consume[*]}"
  for ((p = 1; p <= pairs; p++)); do
    order=(kcat ours); [ $((p % 2)) = 0 ] && order=(ours kcat)
    for tool in "${order[@]}"; do
      if [ "$tool" = kcat ]; then
        run consume "$p" kcat "${kcat_consume[@]}"
        read_kcat="$(wc -l < "$work/out.txt")"
        set_records "$read_kcat"
      else
        run consume "$p" ours "${ours_consume[@]}"
        read_ours="$(sed -n 's/^consume-only: \([0-9]*\) records read.*/\1/p' "$work/out.txt")"
        set_records "${read_ours:-0}"
        grep -q '^  order: Valid' "$work/out.txt" || fail "ours consume run $p: the ledger's verdicts are not valid: $(cat "$work/out.txt")"
        verdicts="$(ledger_verdicts)"
      fi
      [ "$(tail -1 "$results/runs.tsv" | cut -f8)" = 0 ] || fail "$tool consume run $p exited $(tail -1 "$results/runs.tsv" | cut -f8)"
    done
    [ "${read_kcat:-0}" -gt 0 ] && [ "${read_kcat}" = "${read_ours:-}" ] || fail "consume pair $p: kcat read ${read_kcat:-nothing}, ours ${read_ours:-nothing}"
    printf '  pair %d done: both read %s records; ledger: %s\n' "$p" "$read_ours" "$verdicts"
  done
fi

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "machine: $(nproc) cores, load average (1/5/15 min) $load_before before, $load_after after; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "ours: $(readlink -f "$ours") (NativeAOT, as installed by .ci/publish-cli)"
python3 "$root/bench/summary.py" "$results/runs.tsv" | tee "$results/summary.txt"
[ "$failed" = 0 ] || { echo "bench/compare.sh: some runs did not do their whole work (see above)" >&2; exit 1; }
