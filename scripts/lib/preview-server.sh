# Starts preview-site on a free loopback port for the scripts that drive or load it.
#   start_preview BINARY SITE_DIR   sets URL and SERVER_PID, returns once the server answers
#                                   (its output goes to SITE_DIR/server.out and server.err)
#   stop_preview                    stops it with SIGINT, as Ctrl+C (safe to call twice)
start_preview() {
  "$1" --source "$2" --port 0 >"$2/server.out" 2>"$2/server.err" &
  SERVER_PID=$!
  URL=""
  for _ in $(seq 100); do
    URL=$(grep -o 'http://127.0.0.1:[0-9]*/' "$2/server.out" || true)
    [ -n "$URL" ] && curl -sf -o /dev/null "$URL" && return 0
    sleep 0.2
  done
  cat "$2/server.err" >&2
  echo "preview-site did not start" >&2
  return 1
}

stop_preview() {
  if [ -n "${SERVER_PID:-}" ]; then
    kill -INT "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
