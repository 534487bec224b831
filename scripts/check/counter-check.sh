#!/usr/bin/env bash
# The deployed sample site's counter block fills from a running counter-server: the site is
# built with counter.endpoint pointing at the server (another origin, allowed by
# --allowed-origin), served from a plain static server, and opened in headless Chromium.
#
#   scripts/check/counter-check.sh
#
# Needs Debian's chromium and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
. scripts/lib/need.sh
need_program chromium
need_program curl
./scripts/setup.sh
swift build --product build-site >/dev/null
swift build --product counter-server >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-counter-check.XXXXXX")
. scripts/lib/loopback.sh
. scripts/lib/counter-server.sh
trap 'stop_loopback; stop_counter; rm -rf "$WORK"' EXIT

cp -R content site "$WORK/"
mkdir -p "$WORK/public"
start_loopback "$WORK/public"
SITE_PORT=$PORT
start_counter "$ROOT/.build/debug/counter-server" "$WORK/counter.sqlite" --allowed-origin "http://127.0.0.1:$SITE_PORT"
"$ROOT/.build/debug/counter-server" --database "$WORK/counter.sqlite" --set-total 8390768 >/dev/null 2>&1 || true
sed -i "s#endpoint: \"\"#endpoint: \"http://127.0.0.1:$COUNTER_PORT/api/counter\"#" "$WORK/site/site.yaml"
"$ROOT/.build/debug/build-site" --source "$WORK" --quiet
echo "counter-check: site at http://127.0.0.1:$SITE_PORT/, counter at http://127.0.0.1:$COUNTER_PORT/api/counter"

browser='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
chromium --headless --no-sandbox --disable-gpu --user-agent="$browser" --virtual-time-budget=8000 \
  --dump-dom "http://127.0.0.1:$SITE_PORT/" 2>/dev/null >"$WORK/home.html"
cell() { grep -o "data-counter=\"$1\">[^<]*<" "$WORK/home.html" | sed 's/.*>\(.*\)</\1/'; }
online=$(cell online)
visitors=$(cell visitors)
bots=$(cell bots)
total=$(cell total)
echo "counter-check: the block shows online $online (visitors $visitors, bots $bots), today $(cell today), total $total"
[ "$online" = 1 ] && [ "$visitors" = 1 ] && [ "$bots" = 0 ] && [ "$(cell today)" = 1 ] || {
  echo "counter-check: the counter block did not fill as expected" >&2
  exit 1
}
case "$total" in *8*390*769*) ;; *) echo "counter-check: total $total, expected 8.390.769" >&2; exit 1 ;; esac
echo "counter-check: the counter block fills from counter-server"
