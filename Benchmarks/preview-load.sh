#!/usr/bin/env bash
# Load on the preview server: wrk (Debian's package) for 30 s at 64 connections on loopback
# against an article page of the sample portal, with a release build of preview-site. Prints
# wrk's figures; fails on any socket error or non-2xx reply.
#
#   Benchmarks/preview-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_=${1:-30}
CONNECTIONS=${2:-64}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
./scripts/setup.sh
swift build -c release --product preview-site >/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-load.XXXXXX")
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill -INT "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
cp -R content site "$WORK/"
"$ROOT/.build/release/preview-site" --source "$WORK" --port 0 >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 100); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*/' "$WORK/server.out" || true)
  [ -n "$URL" ] && curl -sf -o /dev/null "$URL" && break
  sleep 0.2
done
[ -n "$URL" ] || { cat "$WORK/server.err" >&2; echo "preview-load: the server did not start" >&2; exit 1; }
PAGE="${URL}tin-hoat-dong-khoi-noi-chinh/"
BYTES=$(curl -s "$PAGE" | wc -c)
echo "preview-load: $(nproc) cores, $(uname -m); page $PAGE ($BYTES bytes)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_}s" --latency "$PAGE" | tee "$WORK/wrk.txt"
if grep -q "Socket errors\|Non-2xx" "$WORK/wrk.txt"; then
  echo "preview-load: errors under load" >&2
  exit 1
fi
kill -0 "$SERVER_PID" || { echo "preview-load: the server died" >&2; exit 1; }
echo "preview-load: no errors; server still up"
