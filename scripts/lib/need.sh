# The one policy for the tools the scripts use: a missing tool is installed, quietly, the first
# time a script needs it (apt for programs, pip for Python modules); with NO_INSTALL=1 the
# script stops instead and says what to install. Source it, then:
#
#   need_program COMMAND [APT_PACKAGE...]   (default package: COMMAND)
#   need_python MODULE [PIP_SPEC...]        (default spec: MODULE)

_need_stop() {
  echo "$(basename "$0"): needs $1; install it with: $2" >&2
  exit 1
}

need_program() {
  local command=$1
  shift
  local packages=("$@")
  [ $# -eq 0 ] && packages=("$command")
  command -v "$command" >/dev/null && return 0
  [ "${NO_INSTALL:-0}" = 1 ] && _need_stop "$command" "apt-get install -y ${packages[*]}"
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >/dev/null 2>&1 || true
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
}

need_python() {
  local module=$1
  shift
  local specs=("$@")
  [ $# -eq 0 ] && specs=("$module")
  python3 -c "import $module" 2>/dev/null && return 0
  [ "${NO_INSTALL:-0}" = 1 ] && _need_stop "the Python module $module" "python3 -m pip install ${specs[*]}"
  python3 -m pip install -q "${specs[@]}" >/dev/null 2>&1 || python3 -m pip install "${specs[@]}"
}
