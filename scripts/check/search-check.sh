#!/usr/bin/env bash
# Drives the search page of the sample portal in headless Chromium and checks what a reader
# gets: queries typed without diacritics find the Vietnamese text, phrases, filters, highlights.
#
#   scripts/search-check.sh
#
# Needs Debian's chromium (installed when missing) and python3 for a loopback server.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/need.sh
need_program chromium
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-search.XXXXXX")
. scripts/lib/loopback.sh
trap 'stop_loopback; rm -rf "$WORK"' EXIT
./scripts/setup.sh
swift run -q build-site --source Tests/Fixtures/portal --output "$WORK/public" --quiet  # the test portal
start_loopback "$WORK/public"

failures=0
# expect QUERY_STRING "text the results must contain" ["text they must not contain"]
expect() {
  local dom
  dom=$(chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=5000 --dump-dom \
    "http://127.0.0.1:$PORT/tim-kiem/?$1" 2>/dev/null)
  local results=${dom#*id=\"search-status\"}
  results=${results%%</ol>*}  # the status line and the result list, not the sidebar
  if [[ "$results" != *"$2"* ]]; then
    echo "search-check: ?$1: expected “$2”" >&2
    failures=$((failures + 1))
  elif [ -n "${3:-}" ] && [[ "$results" == *"$3"* ]]; then
    echo "search-check: ?$1: did not expect “$3”" >&2
    failures=$((failures + 1))
  else
    echo "search-check: ?$1: ok"
  fi
}
expect "q=thi+dua" "Cụm <mark>thi</mark> <mark>đua</mark> 5 huyện Biên giới"
expect "q=ha+lang" "<mark>Hạ</mark> <mark>Lang</mark>"
expect "q=DONG" "miền <mark>Đông</mark>"
expect "q=%22nong+thon+moi%22" "Tìm thấy 3 kết quả" "Biên giới"
expect "q=thi+dua&year=2020" "Tìm thấy 1 kết quả"
expect "q=vinh+quang" "Tìm thấy 1 kết quả"  # deep in one article's body, past its snippet
expect "q=xyzabc" "Không tìm thấy kết quả nào"
[ "$failures" = 0 ] || { echo "search-check: $failures failure(s)" >&2; exit 1; }
echo "search-check: all queries behaved"
