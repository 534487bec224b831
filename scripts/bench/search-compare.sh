#!/usr/bin/env bash
# Our static search against Pagefind 1.5.2 on the same built site.
#
#   scripts/bench/search-compare.sh [N]        (default N: 10000 articles)
#
# Builds a gen_corpus.py site with a release build-site (which writes search/), then gives
# Pagefind a copy whose article pages carry data-pagefind-body (so both index the same N
# articles, not the list pages). Prints: index build time, total index bytes, and for each
# query the bytes the browser fetched for the search machinery (ours: js/search.js and search/;
# Pagefind: pagefind/, its wasm included) and the result count. Queries run in headless
# Chromium with an empty cache against a loopback server that logs the bytes of each response;
# each engine's own code runs them (Pagefind: pagefind.search() and data() of the first ten).
# Needs: python3, pip (pagefind-bin==1.5.2), chromium, cmark-free.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${1:-10000}
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/scripts/bench/gen_corpus.py  # the repository's copy, for a clone alone
. scripts/lib/need.sh
need_program chromium
need_python pagefind_bin "pagefind-bin==1.5.2"
./scripts/setup.sh
swift build -c release --product build-site >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/search-compare.XXXXXX")
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

python3 "$GEN" --articles "$N" --out "$WORK/site" >/dev/null
"$ROOT/.build/release/build-site" --source "$WORK/site" --report json >"$WORK/report.json"
ours_index_s=$(python3 -c 'import json, sys
stages = json.load(open(sys.argv[1]))["stages"]
print("%.2f" % next(s["seconds"] for s in stages if s["stage"] == "search index"))' "$WORK/report.json")
ours_bytes=$(du -sb "$WORK/site/public/search" | cut -f1)
ours_files=$(find "$WORK/site/public/search" -type f | wc -l)

cp -r "$WORK/site/public" "$WORK/pf"
grep -rl --include=index.html '<article class="article">' "$WORK/pf" |
  xargs -r sed -i 's/<article class="article">/<article class="article" data-pagefind-body>/'
t0=$(date +%s.%N)
python3 -m pagefind_bin --site "$WORK/pf" --output-subdir pagefind >"$WORK/pagefind.log" 2>&1
t1=$(date +%s.%N)
pf_index_s=$(awk "BEGIN{printf \"%.2f\", $t1 - $t0}")
pf_bytes=$(du -sb "$WORK/pf/pagefind" | cut -f1)
pf_files=$(find "$WORK/pf/pagefind" -type f | wc -l)
pf_pages=$(grep -oE 'Indexed [0-9]+ pages?' "$WORK/pagefind.log" | head -1)
cat >"$WORK/pf/pf-test.html" <<'HTML'
<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>pagefind</title></head><body>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const q = new URLSearchParams(location.search).get("q");
const search = await pagefind.search(q);
await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
document.body.setAttribute("data-count", String(search.results.length));
</script></body></html>
HTML

serve() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  BYTES_LOG=$WORK/bytes.log python3 scripts/lib/counting_server.py "$PORT" "$1" &
  SERVER=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/robots.txt" && break; sleep 0.1; done
}
visit() { # URL PATTERN -> prints "bytes dom"
  : >"$WORK/bytes.log"
  chromium --headless --no-sandbox --disable-gpu --user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" \
    --virtual-time-budget=15000 --dump-dom "$1" >"$WORK/dom.html" 2>/dev/null
  awk -v p="$2" '$1 ~ p {s += $2} END {print s + 0}' "$WORK/bytes.log"
}

echo "search comparison on $N articles ($(nproc) cores)"
printf '%-34s %14s %14s\n' "" "ours" "pagefind 1.5.2"
printf '%-34s %14s %14s\n' "index build s" "$ours_index_s" "$pf_index_s"
printf '%-34s %14s %14s\n' "index bytes (files)" "$ours_bytes ($ours_files)" "$pf_bytes ($pf_files)"
echo "  pagefind: $pf_pages"
for q in "thi dua" "thi đua" "nong thon moi" "nông thôn mới" "ha lang"; do
  enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$q")
  serve "$WORK/site/public"
  ob=$(visit "http://127.0.0.1:$PORT/tim-kiem/?q=$enc" '^/(search/|js/search.js)')
  oc=$(grep -oE 'Tìm thấy [0-9]+ kết quả' "$WORK/dom.html" | grep -oE '[0-9]+' || echo 0)
  serve "$WORK/pf"
  pb=$(visit "http://127.0.0.1:$PORT/pf-test.html?q=$enc" '^/pagefind/')
  pc=$(grep -oE 'data-count="[0-9]+"' "$WORK/dom.html" | grep -oE '[0-9]+' || echo "?")
  printf '%-34s %14s %14s\n' "\"$q\": bytes fetched, results" "$ob, $oc" "$pb, $pc"
done
