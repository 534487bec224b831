#!/usr/bin/env bash
# Benchmark of counter-server on loopback: wrk -t2 -c64 -d30s on GET /api/counter, then a
# SIGKILL in the middle of a second run and the views wrk saw answered against the total the
# database kept.
#
#   scripts/bench/counter.sh [SECONDS]      (default 30)
#
# Prints requests/s, median and p99 latency, errors, the server's peak memory, and the kill
# run's answered and stored counts. Needs wrk and sqlite3 (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-30}
. scripts/lib/need.sh
need_program wrk
need_program sqlite3
./scripts/setup.sh
swift build -c release --product counter-server >/dev/null
BIN=$(pwd)/.build/release/counter-server
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-counter.XXXXXX")
. scripts/lib/counter-server.sh
trap 'stop_counter KILL; rm -rf "$WORK"' EXIT
UA='Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
total() { sqlite3 "$WORK/counter.sqlite" "SELECT value FROM counts WHERE key = 'total'"; }

printf '%s\n' "machine: $(nproc) cores; wrk and the server share them"
start_counter "$BIN" "$WORK/counter.sqlite"
wrk -t2 -c64 -d"${SECONDS_RUN}s" --latency -H "User-Agent: $UA" "http://127.0.0.1:$COUNTER_PORT/api/counter?path=/" \
  >"$WORK/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$WORK/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
errors=$(grep -E 'Socket errors|Non-2xx' "$WORK/wrk.txt" | tr '\n' ' ' || true)
peak=$(awk '/VmHWM/ {print $2 / 1024}' "/proc/$COUNTER_PID/status")
printf 'load: %s requests in %ss: %s requests/s, median %s, p99 %s, errors: %s\n' \
  "$requests" "$SECONDS_RUN" "$rps" "$p50" "$p99" "${errors:-none}"
printf 'server peak memory: %.0f MB; stored total: %s\n' "$peak" "$(total)"
stop_counter

# The kill run: a fresh database, wrk for 10 s, SIGKILL at 5 s.
rm -f "$WORK"/counter.sqlite*
start_counter "$BIN" "$WORK/counter.sqlite"
wrk -t2 -c64 -d10s -H "User-Agent: $UA" "http://127.0.0.1:$COUNTER_PORT/api/counter?path=/" >"$WORK/kill.txt" 2>&1 &
WRK=$!
sleep 5
stop_counter KILL
wait "$WRK" || true
answered=$(awk '/requests in/ {print $1}' "$WORK/kill.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/kill.txt")
stored=$(total)
printf 'SIGKILL under load: %s views answered (%s of them not 200), %s stored: ' "$answered" "${non2xx:-0}" "$stored"
if [ "$stored" -ge "$((answered - ${non2xx:-0}))" ]; then echo "none lost"; else echo "LOST $((answered - stored))"; fi
