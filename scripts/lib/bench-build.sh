# What the benchmarks share: a release build-site and a temporary work folder, and `measure`.
# Source it from the repository root after need.sh; it sets BIN and WORK (removed on exit).
#
#   measure CMD...   runs CMD under /usr/bin/time -v (its output in $WORK/out.log) and prints
#                    "wall_s cpu_s peak_mb"; stops the script when CMD fails
[ -x /usr/bin/time ] || need_program /usr/bin/time time
./scripts/setup.sh
swift build -c release --product build-site >/dev/null
BIN=$(pwd)/.build/release/build-site
WORK=$(mktemp -d "${TMPDIR:-/tmp}/portal-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

measure() {
  local log=$WORK/time.log
  /usr/bin/time -v -o "$log" "$@" >"$WORK/out.log" 2>&1 || { cat "$WORK/out.log" >&2; exit 1; }
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, a, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + a[j]; wall = s }
    /User time/ { u = $2 } /System time/ { k = $2 }
    /Maximum resident set size/ { peak = $2 / 1024 }
    END { printf "%.2f %.2f %.0f\n", wall, u + k, peak }' "$log"
}
