#!/usr/bin/env bash
# Installs what the build needs beyond the Swift toolchain: libcmark (Debian libcmark-dev) and
# libvips 8.14 for photos (Debian libvips-dev), with pkg-config to find them.
# Safe to run again: it does nothing when both libraries are already there.
set -euo pipefail
if pkg-config --exists libcmark vips 2>/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
echo "setup: installing libcmark-dev, libvips-dev and pkg-config" >&2
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev libvips-dev pkg-config >/dev/null
pkg-config --exists libcmark vips
