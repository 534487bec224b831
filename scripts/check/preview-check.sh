#!/usr/bin/env bash
# Drives the preview server in headless Chromium as an editor would: the counter block fills
# from /api/counter, an edit reloads the open page with the new text, a broken file shows its
# error over the page, and fixing it clears the error. Screenshots go to $SHOTS (default
# /tmp/preview-check).
#
#   scripts/preview-check.sh
#
# Needs Debian's chromium and chromium-driver and PyPI's selenium (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SHOTS=${SHOTS:-/tmp/preview-check}
mkdir -p "$SHOTS"
. scripts/lib/need.sh
need_program chromium
need_program chromedriver chromium-driver
need_python selenium
./scripts/setup.sh
swift build --product preview-site >/dev/null

WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-preview.XXXXXX")
. "$ROOT/scripts/lib/preview-server.sh"
trap 'stop_preview; rm -rf "$WORK"' EXIT
cp -R Tests/Fixtures/portal/content Tests/Fixtures/portal/site "$WORK/"  # the test portal: the sample is free to change
start_preview "$ROOT/.build/debug/preview-site" "$WORK"
echo "preview-check: server at $URL"

python3 scripts/lib/preview_browser.py "$URL" "$WORK" "$SHOTS"
echo "preview-check: all steps behaved; screenshots in $SHOTS"
