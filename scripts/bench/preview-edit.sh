#!/usr/bin/env bash
# Time from saving an article to the preview serving it, as an editor waits for it: makes the
# benchmark corpus of N articles (as bench.sh does, with documents), starts a release
# preview-site on it, and for each of EDITS edits appends a sentence with a new word to one
# article and asks the article's page over HTTP every 5 ms until the word is there. Prints
# each wait, the time until the preview logged the build as done (when open pages are told to
# reload: the page itself is written in place before the build ends), and the build time it
# logged; then the medians and the ranges. The waits include the preview noticing the save
# (an inotify event or its 250 ms poll, then 60 ms for the writes to settle).
#
#   scripts/bench/preview-edit.sh [N] [EDITS]        (default: 10000 8)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
N=${1:-10000}
EDITS=${2:-8}
SEED=${SEED:-1}
GEN=${GEN_CORPUS:-$ROOT/../shared/bench/gen_corpus.py}
[ -f "$GEN" ] || GEN=$ROOT/scripts/bench/gen_corpus.py
. scripts/lib/need.sh
need_program python3
./scripts/setup.sh
swift build -c release --product preview-site >/dev/null
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-preview-edit.XXXXXX")
PREVIEW_PID=""
cleanup() {
  [ -n "$PREVIEW_PID" ] && kill "$PREVIEW_PID" 2>/dev/null && wait "$PREVIEW_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

SITE=$WORK/site
python3 "$GEN" --articles "$N" --out "$SITE" --seed "$SEED" >/dev/null
python3 scripts/bench/as-documents.py "$SITE" >/dev/null
"$ROOT/.build/release/preview-site" --source "$SITE" --port 0 --lang en >"$WORK/preview.log" 2>&1 &
PREVIEW_PID=$!

python3 - "$SITE" "$WORK/preview.log" "$EDITS" <<'EOF'
import os, re, statistics, subprocess, sys, time, urllib.request

site, log, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])

def log_lines():
    with open(log, encoding="utf-8") as f:
        return f.read().splitlines()

def wait_for(predicate, what, timeout=600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.005)
    sys.exit(f"preview-edit: gave up waiting for {what}; log:\n" + "\n".join(log_lines()[-5:]))

# "built … in 1.23 s (…)", or in the site's language "đã dựng … trong 1.23 giây (…)".
BUILT = re.compile(r" (?:in|trong) ([0-9.]+) (?:s|giây) \(")
built = lambda: [l for l in log_lines() if BUILT.search(l)]
port = wait_for(lambda: next((m.group(1) for l in log_lines() for m in [re.search(r"127\.0\.0\.1:(\d+)/", l)] if m), None), "the server")
wait_for(lambda: len(built()) >= 1, "the first build")
articles = sorted(
    os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "content", "articles")) for f in fs if f.endswith(".md"))
victim = articles[len(articles) // 2]

def append(word):
    with open(victim, "a", encoding="utf-8") as f:
        f.write(f"\n\nMột câu thêm khi đo thời gian xem trước {word}.\n")

# A first edit finds the page that shows the article (its body is on that page alone).
append("khoidau")
wait_for(lambda: len(built()) >= 2, "the first edit's build")
preview = os.path.join(site, ".build-site-cache", "preview")
page = subprocess.run(["grep", "-rl", "--include=index.html", "khoidau", preview], capture_output=True, text=True).stdout.split()
if len(page) != 1:
    sys.exit(f"preview-edit: expected one page with the new word, found {page}")
url = f"http://127.0.0.1:{port}/" + os.path.relpath(os.path.dirname(page[0]), preview) + "/"

def served(word):
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            return word in reply.read().decode("utf-8")
    except OSError:
        return False

waits, reloads = [], []
for n in range(edits):
    time.sleep(1.0)  # the editor reads what they saved
    word = f"tudo{n}x{os.getpid()}"
    before = len(built())
    start = time.time()
    append(word)
    wait_for(lambda: served(word), f"edit {n + 1} to be served")
    seconds = time.time() - start
    wait_for(lambda: len(built()) > before, "the build's log line")
    done = time.time() - start
    build = BUILT.search(built()[-1]).group(1)
    waits.append(seconds)
    reloads.append(done)
    print(f"  edit {n + 1}: page served after {seconds:.2f} s, build done after {done:.2f} s (build {build} s)")
print(f"N={len(articles)} articles: an edit's page served after {statistics.median(waits):.2f} s "
      f"(median of {edits}; {min(waits):.2f} to {max(waits):.2f} s); the build done, and open pages told to "
      f"reload, after {statistics.median(reloads):.2f} s ({min(reloads):.2f} to {max(reloads):.2f} s)")
EOF
