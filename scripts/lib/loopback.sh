# Serves a folder on a free loopback port for the scripts that drive Chromium.
#   start_loopback DIR   sets PORT and LOOPBACK_PID, returns once the server answers
#   stop_loopback        stops it (safe to call twice; call it from an EXIT trap)
start_loopback() {
  stop_loopback
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$1" >/dev/null 2>&1 &
  LOOPBACK_PID=$!
  for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/" && return 0
    sleep 0.1
  done
  echo "loopback server on port $PORT did not start" >&2
  return 1
}

stop_loopback() {
  if [ -n "${LOOPBACK_PID:-}" ]; then
    kill "$LOOPBACK_PID" 2>/dev/null || true
    LOOPBACK_PID=""
  fi
}
