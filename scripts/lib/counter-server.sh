# Starts counter-server for the scripts that measure or check it.
#   start_counter BIN DATABASE [ARGS...]   sets COUNTER_PORT and COUNTER_PID once it listens
#   stop_counter [SIGNAL]                  stops it (safe to call twice; call it from an EXIT trap)
start_counter() {
  local bin=$1 database=$2
  shift 2
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/counter-server.XXXXXX")
  "$bin" --database "$database" --port 0 "$@" >"$log" 2>&1 &
  COUNTER_PID=$!
  COUNTER_PORT=""
  for _ in $(seq 100); do
    COUNTER_PORT=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f2 || true)
    [ -n "$COUNTER_PORT" ] && break
    sleep 0.1
  done
  [ -n "$COUNTER_PORT" ] || { cat "$log" >&2; rm -f "$log"; return 1; }
  rm -f "$log"
}

stop_counter() {
  if [ -n "${COUNTER_PID:-}" ]; then
    kill "-${1:-TERM}" "$COUNTER_PID" 2>/dev/null || true
    wait "$COUNTER_PID" 2>/dev/null || true
    COUNTER_PID=""
  fi
}
