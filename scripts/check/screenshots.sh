#!/usr/bin/env bash
# Screenshots of the sample portal as a reader sees it: home, an article, a category page, the
# documents list (plain and filtered), one document and a month of the date archive,
# at desktop (1280 px) and phone (375 px) widths, with headless Chromium.
#
#   scripts/screenshots.sh [--from-disk] [OUT_DIR]     (default: /tmp/portal-screenshots)
#
# Needs Debian's chromium (`apt-get install -y chromium`) and python3; builds the sample into a
# temp folder and serves it on a loopback port, since the site's links are root-relative.
# --from-disk builds a copy of the sample with `relative_urls: true` and opens its files as
# file:// pages, as an editor double-clicking public/index.html would (home-disk-*.png, …).
set -euo pipefail
cd "$(dirname "$0")/../.."
FROM_DISK=0
if [ "${1:-}" = "--from-disk" ]; then FROM_DISK=1; shift; fi
OUT=${1:-/tmp/portal-screenshots}
mkdir -p "$OUT"
. scripts/lib/need.sh
need_program chromium
SITE=$(mktemp -d "${TMPDIR:-/tmp}/portal-shots.XXXXXX")
. scripts/lib/loopback.sh
trap 'stop_loopback; rm -rf "$SITE"' EXIT
./scripts/setup.sh
if [ "$FROM_DISK" = 1 ]; then
  cp -r content site "$SITE/"
  printf '\nrelative_urls: true\n' >>"$SITE/site/site.yaml"
  swift run -q build-site --source "$SITE" --quiet
  BASE="file://$SITE/public"
  SUFFIX="-disk"
else
  swift run -q build-site --output "$SITE/public" --quiet
  start_loopback "$SITE/public"
  BASE="http://127.0.0.1:$PORT"
  SUFFIX=""
fi
pages=(
  "home:index.html"
  "article:khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang-dau-nam-2019/index.html"
  "category:chuyen-muc/tin-hoat-dong-cum-khoi/index.html"
  "documents:van-ban/index.html"
  "documents-filtered:van-ban/index.html?loai=ke-hoach"
  "document:van-ban/30-kh-ubnd-2020/index.html"
  "month:2019/07/index.html"
)
for entry in "${pages[@]}"; do
  name=${entry%%:*}
  path=${entry#*:}
  for size in "1280,1800" "375,1600"; do
    width=${size%%,*}
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
      --screenshot="$OUT/$name$SUFFIX-$width.png" --window-size="$size" "$BASE/$path" >/dev/null 2>&1
    echo "$OUT/$name$SUFFIX-$width.png"
  done
done
