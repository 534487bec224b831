#!/usr/bin/env bash
# Benchmark of build-site against the floor and, with --hugo, against Hugo on the same corpus.
#
#   scripts/bench/bench.sh [--hugo] [N ...]        (default N: 1000 10000)
#
# For each N: makes a corpus with ../shared/bench/gen_corpus.py, or the copy in scripts/bench/ when shared/ is absent (seed $SEED, default 1; set
# GEN_CORPUS to use another copy), makes its "văn bản" articles documents (as-documents.py), builds it with a release build of build-site, and prints
#   full build (no previous output, no cache), no-op rebuild, one-article edit (the first after
#   the full build, which makes the output's spare), the same article edited again, and its
#   title corrected (its address changes, the old one redirects):
#     wall s, CPU s, peak RSS MB, files written / left unchanged
#   the floor: cmark over all bodies, and copying the output folder (cp -r)
#   how fast the full build split the articles' text into search terms, per core
#   with --hugo: Hugo 0.111 on the same corpus (../shared/bench/hugo_bench.sh, 1 run), and
#   the ratios ours / Hugo for wall time and peak memory.
# Needs: python3, /usr/bin/time, cmark (apt-get install -y time cmark), and hugo for --hugo.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HUGO=0
SIZES=()
for arg in "$@"; do
  case "$arg" in
    --hugo) HUGO=1 ;;
    *) SIZES+=("$arg") ;;
  esac
done
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
SEED=${SEED:-1}
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/scripts/bench/gen_corpus.py  # the repository's copy, for a clone alone
HUGO_BENCH=$(dirname "$GEN")/hugo_bench.sh
[ -f "$GEN" ] || { echo "corpus generator not found at $GEN (set GEN_CORPUS)" >&2; exit 1; }
. scripts/lib/need.sh
need_program cmark
[ "$HUGO" = 1 ] && need_program hugo
. scripts/lib/bench-build.sh
summary() { grep -o '([0-9]* written, [0-9]* unchanged)' "$WORK/out.log" | tr -d '()' | sed 's/,//'; }

printf '%s\n' "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(swift --version 2>&1 | head -1)"
for N in "${SIZES[@]}"; do
  SITE=$WORK/site-$N
  python3 "$GEN" --articles "$N" --out "$SITE" --seed "$SEED" >/dev/null
  documents=$(python3 scripts/bench/as-documents.py "$SITE")  # its "văn bản" articles become documents
  articles=$(find "$SITE/content" -name '*.md' | wc -l)
  sync

  rm -rf "$SITE/public" "$SITE/.public.spare" "$SITE/.build-site-cache"
  read -r fw fc fp < <(measure "$BIN" --source "$SITE" --lang en --timings)
  full_files=$(summary)
  tokenizing=$(grep -o '[0-9.]* MB of text split into terms at [0-9.]* MB/s per core' "$WORK/out.log" || true)
  pages=$(grep -o '[0-9][0-9]* pages,' "$WORK/out.log" | head -1 | cut -d' ' -f1)
  out_mb=$(du -sm "$SITE/public" | cut -f1)

  read -r nw nc np < <(measure "$BIN" --source "$SITE" --lang en)
  noop_files=$(summary)

  victim=$(find "$SITE/content/articles" -name '*.md' | sort | sed -n "$((articles / 2))p")
  printf '\nMột câu được thêm khi đo thời gian biên dịch lại.\n' >>"$victim"
  read -r ew ec ep < <(measure "$BIN" --source "$SITE" --lang en)
  edit_files=$(summary)
  # The edit after: the first one left the site it replaced as the output's spare, which this
  # one brings up to date instead of linking every unchanged file into a new folder.
  printf '\nThêm một câu nữa.\n' >>"$victim"
  read -r e2w e2c e2p < <(measure "$BIN" --source "$SITE" --lang en)
  edit2_files=$(summary)
  # A title corrected, without a slug: the article's address changes and the old one redirects.
  sed -i -E '0,/^title: /{s/^(title: ".*)"$/\1 (sửa)"/}' "$victim"
  grep -q '^title: ".* (sửa)"$' "$victim" || { echo "the title of $victim was not edited" >&2; exit 1; }
  read -r tw tc tp < <(measure "$BIN" --source "$SITE" --lang en)
  title_files=$(summary)

  # The floor: cmark over every body (front matter included; same order of bytes), and cp -r.
  find "$SITE/content" -name '*.md' -print0 | xargs -0 cat >"$WORK/bodies.md"
  read -r cw _ _ < <(measure sh -c "cmark \"$WORK/bodies.md\" >/dev/null")
  rm -rf "$WORK/copy"; sync
  read -r pw _ _ < <(measure cp -r "$SITE/public" "$WORK/copy")
  rm -rf "$WORK/copy"
  floor=$(awk "BEGIN{printf \"%.2f\", $cw + $pw}")

  echo
  echo "N=$N articles=$articles (documents=$documents) pages=$pages output_mb=$out_mb"
  printf '  %-22s %8s %8s %8s  %s\n' "" "wall s" "cpu s" "peak MB" "files"
  printf '  %-22s %8s %8s %8s  %s\n' "full build" "$fw" "$fc" "$fp" "$full_files"
  printf '  %-22s %8s %8s %8s  %s\n' "no-op rebuild" "$nw" "$nc" "$np" "$noop_files"
  printf '  %-22s %8s %8s %8s  %s\n' "one article edited" "$ew" "$ec" "$ep" "$edit_files"
  printf '  %-22s %8s %8s %8s  %s\n' "  and edited again" "$e2w" "$e2c" "$e2p" "$edit2_files"
  printf '  %-22s %8s %8s %8s  %s\n' "  and its title edited" "$tw" "$tc" "$tp" "$title_files"
  echo "  per article (full): $(awk "BEGIN{printf \"%.1f\", $fw / $articles * 1e6}") µs; floor: cmark ${cw} s + cp -r ${pw} s = ${floor} s (full build = $(awk "BEGIN{printf \"%.1f\", $fw / $floor}") x floor)"
  echo "  search index (full build): $tokenizing"
  if [ "$HUGO" = 1 ]; then
    hugo_line=$(SEED=$SEED bash "$HUGO_BENCH" "$N" 1 | tail -1)
    hw=$(echo "$hugo_line" | sed -E 's/.*wall_s=([0-9.]+).*/\1/')
    hp=$(echo "$hugo_line" | sed -E 's/.*peak_mb=([0-9.]+).*/\1/')
    echo "  hugo: $hugo_line"
    echo "  ours / hugo: wall $(awk "BEGIN{printf \"%.3f\", $fw / $hw}") (1/$(awk "BEGIN{printf \"%.1f\", $hw / $fw}")), peak memory $(awk "BEGIN{printf \"%.3f\", $fp / $hp}")"
  fi
done
