#!/usr/bin/env bash
# Shows that a change leaves the published output byte for byte as it was: builds the sample
# portal, the test fixture portal and a generated 1,000-article site with REF (a commit, default
# HEAD, checked out in a temporary worktree) and with the working tree, then compares every file.
#
#   scripts/check/same-output.sh [REF] [ARTICLES]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REF=${1:-HEAD}
ARTICLES=${2:-1000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-same.XXXXXX")
cleanup() { git -C "$ROOT" worktree remove --force "$WORK/ref" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

./scripts/setup.sh
git worktree add --detach "$WORK/ref" "$REF" >/dev/null
echo "same-output: building build-site at $REF and in the working tree"
(cd "$WORK/ref" && swift build --product build-site >"$WORK/build-ref.log" 2>&1) || { cat "$WORK/build-ref.log"; exit 1; }
swift build --product build-site >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }

GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/scripts/bench/gen_corpus.py
python3 "$GEN" --articles "$ARTICLES" --out "$WORK/generated" --force >/dev/null

status=0
for site in "$ROOT" "$ROOT/Tests/Fixtures/portal" "$WORK/generated"; do
  name=$(basename "$site")
  cache=$site/.build-site-cache
  had_cache=0
  [ -d "$cache" ] && had_cache=1
  ls "$cache" 2>/dev/null | sort >"$WORK/$name.cache-before" || true
  "$WORK/ref/.build/debug/build-site" --source "$site" --output "$WORK/$name-before" --quiet --lang en
  "$ROOT/.build/debug/build-site" --source "$site" --output "$WORK/$name-after" --quiet --lang en
  # The builds' memory of these temporary outputs (files named by the output's hash) goes with
  # them; a cache folder the builds made goes whole.
  if [ "$had_cache" = 0 ]; then
    rm -rf "$cache"
  else
    ls "$cache" | sort | comm -13 "$WORK/$name.cache-before" - | grep -E '^(inputs|pages|page-inputs|search)-v[0-9]+-' |
      while read -r file; do rm -f "$cache/$file"; done || true
  fi
  count=$(find "$WORK/$name-after" -type f | wc -l)
  if diff -r "$WORK/$name-before" "$WORK/$name-after" >"$WORK/$name.diff"; then
    echo "same-output: $site: $count files, all identical"
  else
    echo "same-output: $site: output differs:"
    head -40 "$WORK/$name.diff"
    status=1
  fi
done
exit $status
