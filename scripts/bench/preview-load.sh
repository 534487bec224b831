#!/usr/bin/env bash
# Load on the preview server: wrk (Debian's package) for 30 s at 64 connections on loopback
# against an article page of the sample portal, with a release build of preview-site. Prints
# wrk's figures; fails on any socket error or non-2xx reply.
#
#   scripts/bench/preview-load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_=${1:-30}
CONNECTIONS=${2:-64}
. scripts/lib/need.sh
need_program wrk
./scripts/setup.sh
swift build -c release --product preview-site >/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-load.XXXXXX")
. "$ROOT/scripts/lib/preview-server.sh"
trap 'stop_preview; rm -rf "$WORK"' EXIT
cp -R content site "$WORK/"
start_preview "$ROOT/.build/release/preview-site" "$WORK"
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
