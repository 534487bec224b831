#!/usr/bin/env bash
# Installs what the build needs beyond the Swift toolchain: libcmark (Debian libcmark-dev).
# Safe to run again: it does nothing when the library is already there.
set -euo pipefail
if pkg-config --exists libcmark 2>/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "setup: installing libcmark-dev and pkg-config" >&2
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config >/dev/null
pkg-config --exists libcmark
